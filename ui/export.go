package ui

import (
	"context"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/report"
	"hoanhap/store"
)

// exportCtx is the context of exports started from the UI.
func exportCtx() context.Context { return context.Background() }

// inBackground runs work off the UI thread while busy shows, then calls
// done on the UI thread with work's error. Everything that can take more
// than ~100 ms at office scale (reports, exports) goes through it.
func inBackground(busy fyne.CanvasObject, work func() error, done func(err error)) {
	if loadInline { // tests: done before the call returns (see load.go)
		done(work())
		return
	}
	if busy != nil {
		busy.Show()
	}
	finish := func(err error) {
		if busy != nil {
			busy.Hide()
		}
		done(err)
	}
	// One mechanism for all background work (see load.go): tests run it
	// inline, the application in a goroutine that shows through fyne.Do.
	runLoad(&loader{}, func() (struct{}, error) { return struct{}{}, work() }, finish,
		func(struct{}) { finish(nil) })
}

// saveExcel asks where to save an Excel file (suggesting name), then
// writes it with write in the background, showing progress, and says
// where it went or what went wrong. Nothing is left half-written: the
// workbook is written beside the target and renamed into place.
func saveExcel(win fyne.Window, name string, write func(w io.Writer) error) {
	d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		if uc == nil {
			return // cancelled
		}
		path := uc.URI().Path()
		uc.Close()
		if !strings.HasSuffix(strings.ToLower(path), ".xlsx") {
			path += ".xlsx"
		}
		bar := widget.NewProgressBarInfinite()
		wait := dialog.NewCustomWithoutButtons(i18n.T("report.ui.exporting"), bar, win)
		wait.Show()
		go func() {
			err := report.SaveFile(path, write)
			fyne.Do(func() {
				wait.Hide()
				if err != nil {
					dialog.ShowInformation(i18n.T("report.ui.export_failed"), i18n.Error(err), win)
					return
				}
				dialog.ShowInformation(i18n.T("report.ui.exported"), i18n.T("report.cli.written", "File", path), win)
			})
		}()
	}, win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// windowOf returns the window showing o (nil if none).
func windowOf(o fyne.CanvasObject) fyne.Window {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	c := app.Driver().CanvasForObject(o)
	for _, w := range app.Driver().AllWindows() {
		if c != nil && w.Canvas() == c {
			return w
		}
	}
	return nil
}

// exportButton is the "Xuất Excel" button of a list: it exports the named
// list (report.ListNames) with the filter the screen shows at the click
// (filter nil: the whole list). src is the screen's data source; only the
// real store can export (a test fake gets a disabled button).
func exportButton(src any, list string, filter func() report.Filter) *widget.Button {
	st, _ := src.(*store.Store)
	var b *widget.Button
	b = widget.NewButtonWithIcon(i18n.T("report.ui.export"), theme.DocumentSaveIcon(), func() {
		win := windowOf(b)
		if st == nil || win == nil {
			return
		}
		var f report.Filter
		if filter != nil {
			f = filter()
		}
		saveExcel(win, list+".xlsx", func(w io.Writer) error {
			return report.ExportList(exportCtx(), w, st, list, f, report.Doc{})
		})
	})
	if st == nil {
		b.Disable()
	}
	return b
}

// exportFilter is the caseload list's filter as shown (status, group,
// hamlet, search, a mentor's own people).
func (v *caseloadView) exportFilter() report.Filter {
	f := v.filter()
	sub := v.search.Value()
	if v.office != nil { // the office's ward filter (office_caseload.go)
		f.Only, sub = v.office.exportScope(f.Only, sub)
	}
	return report.Filter{Person: f, Subtitle: sub}
}

// exportFilter is the worklist of the user: a mentor's own items only.
func (a *overviewArea) exportFilter() report.Filter {
	return report.Filter{MentorID: a.u.sess.MentorID}
}

// exportButton of the visit log: the whole log, not offered to a mentor
// (who sees only their own people).
func (a *visitsArea) exportButton() fyne.CanvasObject {
	b := exportButton(a.src, "visits", nil)
	if a.u != nil && a.u.sess.isMentor() {
		b.Hide()
	}
	return b
}

// exportFilter is the quarter shown, within the user's scope.
func (v *quarterListView) exportFilter() report.Filter {
	f := report.Filter{Quarter: v.quarter()}
	if v.scope != nil {
		f.Person.Only = v.scope()
	}
	return f
}

// exportFilter is the Mẫu 01 list of the month shown.
func (v *mau01View) exportFilter() report.Filter {
	return report.Filter{ListDate: caseload.Mau01Date(v.year, v.month)}
}
