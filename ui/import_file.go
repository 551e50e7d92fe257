package ui

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"github.com/xuri/excelize/v2"

	"hoanhap/i18n"
	"hoanhap/report/importxlsx"
)

// chooseFile asks for the workbook with Fyne's file dialog (.xlsx only).
func (v *importView) chooseFile() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			showMessage(i18n.T("import.ui.failed"), i18n.T("import.error.open", "File", ""), v.win)
			return
		}
		if rc == nil {
			return // cancelled
		}
		v.openFile(rc.URI().Name(), rc)
	}, v.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".XLSX"}))
	d.Resize(v.win.Canvas().Size().SubtractWidthHeight(80, 80))
	d.Show()
}

// openPath reads the workbook at path and checks every row (a dry run),
// as if the officer had chosen it and pressed "Kiểm tra thử" (the
// command line's --screen import:FILE, for screenshots).
func (v *importView) openPath(path string) {
	f, err := os.Open(path)
	if err != nil {
		v.failed(importMessage{"import.error.open", map[string]any{"File": filepath.Base(path)}})
		return
	}
	v.afterOpen = func() { v.run(true) }
	v.openFile(filepath.Base(path), f)
}

// openedSheet is a sheet read in the background.
type openedSheet struct {
	book  *excelize.File
	names []string
	sheet *importxlsx.Sheet
}

// importMessage is an error shown as a translated message.
type importMessage struct {
	key  string
	args map[string]any
}

func (m importMessage) Error() string               { return m.key }
func (m importMessage) MessageKey() string          { return m.key }
func (m importMessage) MessageArgs() map[string]any { return m.args }

// openFile reads the workbook r (named name, closed when read) in the
// background, guesses the sheet holding the list and shows it. A file
// that is not a workbook leaves the screen as it was, with a message.
func (v *importView) openFile(name string, r io.ReadCloser) {
	v.start(i18n.T("import.ui.phase.open", "File", name))
	runLoad(&v.loads, func() (o openedSheet, err error) {
		defer r.Close()
		defer func() { // a damaged file must not take the application down
			if recover() != nil {
				err = importMessage{"import.error.open", map[string]any{"File": name}}
			}
		}()
		f, names, err := importxlsx.Open(r)
		if err != nil || len(names) == 0 {
			return o, importMessage{"import.error.open", map[string]any{"File": name}}
		}
		best := importxlsx.GuessSheet(f)
		if best == "" {
			best = names[0]
		}
		s, err := readSheet(f, best)
		if err != nil {
			_ = f.Close()
			return o, err
		}
		return openedSheet{book: f, names: names, sheet: s}, nil
	}, v.failed, func(o openedSheet) {
		if v.book != nil {
			_ = v.book.Close()
		}
		v.book, v.fileName = o.book, name
		v.file.SetText(name)
		v.syncing = true
		v.sheets.Options = o.names
		v.sheets.SetSelected(o.sheet.Name)
		v.syncing = false
		v.showSheet(o.sheet)
		v.finish()
		if after := v.afterOpen; after != nil {
			v.afterOpen = nil
			after()
		}
	})
}

// readSheet reads one sheet; a sheet without a header row is returned
// too (the officer chooses the header row).
func readSheet(f *excelize.File, name string) (*importxlsx.Sheet, error) {
	s, err := importxlsx.ReadSheet(f, name)
	if err != nil && !errors.Is(err, importxlsx.ErrNoHeader) {
		return nil, importMessage{"import.error.no_sheet", map[string]any{"Value": name}}
	}
	return s, nil
}

// sheetChosen reads the sheet the officer chose.
func (v *importView) sheetChosen(name string) {
	if v.syncing || v.book == nil || name == "" || (v.sheet != nil && v.sheet.Name == name) {
		return
	}
	book := v.book
	v.start(i18n.T("import.ui.phase.sheet", "Sheet", name))
	runLoad(&v.loads, func() (*importxlsx.Sheet, error) { return readSheet(book, name) },
		v.failed, func(s *importxlsx.Sheet) {
			v.showSheet(s)
			v.finish()
		})
}

// headerRows is how many top rows the header choice offers.
const headerRows = 30

// showSheet shows a sheet read: its header row choices, its mapping and
// the preview.
func (v *importView) showSheet(s *importxlsx.Sheet) {
	v.sheet = s
	var opts []string
	for i := 0; i < len(s.Rows) && i < headerRows; i++ {
		opts = append(opts, headerChoice(i, s.Rows[i]))
	}
	v.syncing = true
	v.header.Options = opts
	if s.Header >= 0 && s.Header < len(opts) {
		v.header.SetSelectedIndex(s.Header)
	} else {
		v.header.ClearSelected()
	}
	v.syncing = false
	v.mappingChanged()
}

// headerChoice names a row for the header choice: its number and the
// start of its text.
func headerChoice(i int, cells []string) string {
	var parts []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			parts = append(parts, c)
		}
	}
	text := strings.Join(parts, " · ")
	if r := []rune(text); len(r) > 48 {
		text = string(r[:47]) + "…"
	}
	return i18n.T("import.ui.header_row", "Line", i+1, "Text", text)
}

// headerChosen maps the columns again from the row the officer chose.
func (v *importView) headerChosen(string) {
	if v.syncing || v.sheet == nil {
		return
	}
	v.sheet.SetHeader(v.header.SelectedIndex())
	v.mappingChanged()
}
