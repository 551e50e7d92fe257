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

	"hoanhap/i18n"
	"hoanhap/report"
)

// exportCtx is the context of exports started from the UI.
func exportCtx() context.Context { return context.Background() }

// inBackground runs work off the UI thread while busy shows, then calls
// done on the UI thread with work's error. Everything that can take more
// than ~100 ms at office scale (reports, exports) goes through it.
func inBackground(busy fyne.CanvasObject, work func() error, done func(err error)) {
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

// exportListButton is the "Xuất Excel" button of a list: it exports the
// named list (report.ListNames) with the filter the screen shows now.
func (u *App) exportListButton(list string, filter func() report.Filter) *widget.Button {
	return widget.NewButtonWithIcon(i18n.T("report.ui.export"), theme.DocumentSaveIcon(), func() {
		f := filter()
		saveExcel(u.win, list+".xlsx", func(w io.Writer) error {
			return report.ExportList(exportCtx(), w, u.st, list, f, report.Doc{})
		})
	})
}
