package ui

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
)

// hnxEntry is one .hnx file of a folder as the choice of files lists it.
type hnxEntry struct {
	path     string
	size     int64
	modified time.Time
	read     bool // already read here (when the store can tell)
}

// fileChoice is the dialog listing a folder's .hnx files with a check
// each: the files not read yet are checked, and "Đọc các tệp đã chọn"
// reads the checked ones in name order, with the results as any reading.
type fileChoice struct {
	r        *fileReader
	files    []hnxEntry
	showRead bool // the "đã đọc" column: the store can tell

	Checks []*widget.Check
	Count  *widget.Label
	All    *widget.Button
	None   *widget.Button
	Read   *widget.Button
	Close  *widget.Button
	dlg    dialog.Dialog
}

// chooseSome asks for a folder, then shows its files to choose from.
func (r *fileReader) chooseSome() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		r.ChooseIn(u.Path(), nil)
	}, r.win)
	d.Resize(dialogSize(r.win))
	d.Show()
}

// ChooseIn lists the .hnx files of dir in the background (names, sizes,
// dates and, when the store can tell, which were read) and shows the
// choice; shown, when not nil, gets it once on screen (tests).
func (r *fileReader) ChooseIn(dir string, shown func(*fileChoice)) {
	var files []hnxEntry
	showRead := r.Received != nil
	inBackground(nil, func() error {
		paths := hnxFiles(dir)
		var read map[string]bool
		if showRead && len(paths) > 0 {
			var err error
			if read, err = r.Received(context.Background(), paths); err != nil {
				showRead = false // cannot tell: no column, every file checked
			}
		}
		for _, p := range paths {
			st, err := os.Stat(p)
			if err != nil {
				continue
			}
			files = append(files, hnxEntry{path: p, size: st.Size(), modified: st.ModTime(), read: read[p]})
		}
		return nil
	}, func(error) {
		if len(files) == 0 {
			r.Results.RemoveAll()
			r.Results.Add(resultLabel(i18n.T("sync.ui.no_files", "Path", dir), widget.WarningImportance))
			return
		}
		c := r.newFileChoice(dir, files, showRead)
		if shown != nil {
			shown(c)
		}
	})
}

// Column widths of the choice: size, date modified, state.
const (
	choiceSizeW  = 90
	choiceDateW  = 140
	choiceStateW = 80
)

func (r *fileReader) newFileChoice(dir string, files []hnxEntry, showRead bool) *fileChoice {
	c := &fileChoice{r: r, files: files, showRead: showRead}
	cell := func(w float32, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	line := func(check, name fyne.CanvasObject, size, date, state *widget.Label) fyne.CanvasObject {
		right := container.NewHBox(cell(choiceSizeW, size), cell(choiceDateW, date))
		if showRead {
			right.Add(cell(choiceStateW, state))
		}
		return container.NewBorder(nil, nil, check, right, name)
	}
	bold := func(key string) *widget.Label {
		return widget.NewLabelWithStyle(i18n.T(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	// The header's check column is as wide as a row's check box.
	header := line(minWidth(widget.NewCheck("", nil).MinSize().Width, widget.NewLabel("")), bold("sync.ui.choose.col_name"),
		bold("sync.ui.choose.col_size"), bold("sync.ui.choose.col_modified"), bold("sync.ui.choose.col_state"))
	rows := container.NewVBox()
	for _, f := range files {
		ch := widget.NewCheck("", func(bool) { c.count() })
		ch.Checked = !f.read
		c.Checks = append(c.Checks, ch)
		name := widget.NewLabel(filepath.Base(f.path))
		name.Truncation = fyne.TextTruncateEllipsis
		state := widget.NewLabel("")
		if f.read {
			state.SetText(i18n.T("sync.ui.choose.read"))
			state.Importance = widget.LowImportance
		}
		rows.Add(line(ch, name, widget.NewLabel(i18n.T("sync.ui.choose.size_kb", "Size", i18n.Number(int((f.size+1023)/1024)))),
			widget.NewLabel(i18n.FormatDMY(f.modified.Year(), f.modified.Month(), f.modified.Day())+" "+f.modified.Format("15:04")),
			state))
	}
	c.Count = widget.NewLabel("")
	c.All = widget.NewButton(i18n.T("sync.ui.choose.all"), func() { c.setAll(true) })
	c.None = widget.NewButton(i18n.T("sync.ui.choose.none"), func() { c.setAll(false) })
	c.Read = widget.NewButtonWithIcon(i18n.T("sync.ui.choose.read_chosen"), theme.DownloadIcon(), c.readChosen)
	c.Read.Importance = widget.HighImportance
	c.Close = widget.NewButtonWithIcon(i18n.T("svui.common.close"), theme.CancelIcon(), func() { c.dlg.Hide() })
	help := widget.NewLabel(i18n.T("sync.ui.choose.help", "Path", dir))
	help.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(help, header, widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, container.NewHBox(c.All, c.None), container.NewHBox(c.Close, c.Read), c.Count))
	content := container.NewBorder(top, bottom, nil, nil, container.NewVScroll(rows))
	c.count()
	c.dlg = dialog.NewCustomWithoutButtons(i18n.T("sync.ui.choose.title"), content, r.win)
	c.dlg.Resize(choiceSize(r.win))
	c.dlg.Show()
	return c
}

// choiceSize is the dialog's size: most of the window, within it even at
// 1024×700.
func choiceSize(win fyne.Window) fyne.Size {
	s := win.Canvas().Size()
	return fyne.NewSize(min(900, s.Width*0.92), min(620, s.Height*0.9))
}

// count shows how many files are checked; reading needs one at least.
func (c *fileChoice) count() {
	n := len(c.Chosen())
	c.Count.SetText(i18n.T("sync.ui.choose.count", "Chosen", n, "All", len(c.files)))
	setEnabled(c.Read, n > 0)
}

// setAll checks or unchecks every file.
func (c *fileChoice) setAll(on bool) {
	for _, ch := range c.Checks {
		ch.Checked = on
		ch.Refresh()
	}
	c.count()
}

// Chosen are the paths of the checked files, in name order.
func (c *fileChoice) Chosen() []string {
	var out []string
	for i, ch := range c.Checks {
		if ch.Checked {
			out = append(out, c.files[i].path)
		}
	}
	return out
}

// readChosen closes the dialog and reads the checked files.
func (c *fileChoice) readChosen() {
	paths := c.Chosen()
	if len(paths) == 0 {
		return
	}
	c.dlg.Hide()
	c.r.Read(paths)
}
