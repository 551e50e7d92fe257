package ui

import (
	"github.com/xuri/excelize/v2"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
	"hoanhap/report/importxlsx"
	"hoanhap/store"
)

// The import screen is how a ward starts: it reads the Excel list the
// ward kept before the app. It opens from the caseload list ("Hồ sơ"), the
// list a new ward finds empty, beside "Xuất Excel" and "Thêm người". The
// officer chooses the workbook and the sheet, sees the header row found
// and the column of each field (and corrects them), a preview of the
// first rows as they will be stored, then checks every row ("Kiểm tra
// thử", nothing written) or imports them all in one transaction ("Nhập").
// Reading, checking and writing run in the background with a progress
// bar (import_run.go). The rules are importxlsx's; this file only lays
// the screen out.

// importView is the import screen.
type importView struct {
	st      *store.Store
	win     fyne.Window
	onClose func() // back to the list

	loads     loader
	book      *excelize.File    // the open workbook (nil before one is chosen)
	fileName  string            // its name as chosen
	sheet     *importxlsx.Sheet // the sheet read, with the header and mapping shown
	preview   []importxlsx.Row  // the first rows under the current mapping
	checked   *importCheck      // the last check or import (nil: none since the last change)
	syncing   bool              // selects being set by the screen, not the officer
	busy      bool              // reading, checking or writing in the background
	afterOpen func()            // runs once the chosen workbook is shown (openPath)
	mapSel    map[importxlsx.Field]*widget.Select
	colNames  []string // the choices of the mapping selects after "not imported"

	back, choose   *widget.Button
	file           *widget.Label
	sheets, header *widget.Select
	mapBox         *fyne.Container
	table          *widget.Table
	problems       *fyne.Container
	problemsHead   *widget.Label
	split          *container.Split // mapping | preview and problems, once a sheet is read
	intro          *fyne.Container  // what to do, before a sheet is read
	progressRow    *fyne.Container  // the progress bar and what is being done
	skipDup        *widget.Check
	check, commit  *widget.Button
	progress       *widget.ProgressBar
	phase, summary *widget.Label
	root           fyne.CanvasObject
}

// previewRows is how many rows the preview shows.
const previewRows = 20

// newImportView builds the empty import screen over st.
func newImportView(st *store.Store, win fyne.Window, onClose func()) *importView {
	v := &importView{st: st, win: win, onClose: onClose, mapSel: map[importxlsx.Field]*widget.Select{}}
	v.build()
	v.previewColumns()
	v.update()
	return v
}

func (v *importView) build() {
	v.back = widget.NewButtonWithIcon(i18n.T("import.ui.back"), theme.NavigateBackIcon(), v.close)
	v.choose = widget.NewButtonWithIcon(i18n.T("import.ui.choose"), theme.FolderOpenIcon(), v.chooseFile)
	v.choose.Importance = widget.HighImportance
	v.file = widget.NewLabel(i18n.T("import.ui.no_file"))
	v.file.Truncation = fyne.TextTruncateEllipsis
	v.sheets = widget.NewSelect(nil, v.sheetChosen)
	v.sheets.PlaceHolder = i18n.T("import.ui.sheet_none")
	v.header = widget.NewSelect(nil, v.headerChosen)
	v.header.PlaceHolder = i18n.T("import.ui.header_none")

	v.mapBox = container.New(layout.NewFormLayout())
	for _, f := range importxlsx.Fields {
		f := f
		s := widget.NewSelect(nil, func(string) { v.mappingChosen(f) })
		s.PlaceHolder = i18n.T("import.ui.map_none")
		v.mapSel[f] = s
		v.mapBox.Add(widget.NewLabel(i18n.T("import.field." + string(f))))
		v.mapBox.Add(s)
	}

	v.table = v.newPreviewTable() // import_preview.go
	v.problems = container.NewVBox()
	v.problemsHead = heading("import.ui.problems")
	v.problemsHead.Wrapping = fyne.TextWrapWord // long counts must not widen the screen past 1024

	v.skipDup = widget.NewCheck(i18n.T("import.ui.skip_duplicates"), func(bool) { v.checked = nil; v.update() })
	v.check = widget.NewButtonWithIcon(i18n.T("import.ui.dry_run"), theme.SearchIcon(), func() { v.run(true) })
	v.commit = widget.NewButtonWithIcon(i18n.T("import.ui.commit"), theme.UploadIcon(), func() { v.run(false) })
	v.commit.Importance = widget.HighImportance
	v.progress = widget.NewProgressBar()
	v.progress.Hide()
	v.phase = widget.NewLabel("")
	v.summary = wrapLabel("")

	top := container.NewVBox(
		container.NewBorder(nil, nil, v.back, nil, heading("import.ui.title")),
		container.NewBorder(nil, nil, v.choose, nil, v.file),
		container.NewGridWithColumns(2,
			container.NewBorder(nil, nil, widget.NewLabel(i18n.T("import.ui.sheet")), nil, v.sheets),
			container.NewBorder(nil, nil, widget.NewLabel(i18n.T("import.ui.header")), nil, v.header)),
		widget.NewSeparator(),
	)
	mapping := container.NewBorder(heading("import.ui.mapping"), nil, nil, nil, container.NewVScroll(v.mapBox))
	previewHead := heading("import.ui.preview", "Count", previewRows)
	previewHead.Truncation = fyne.TextTruncateEllipsis
	right := container.NewVSplit(
		container.NewBorder(previewHead, nil, nil, nil, v.table),
		container.NewBorder(v.problemsHead, nil, nil, nil, container.NewVScroll(v.problems)))
	right.Offset = 0.55
	split := container.NewHSplit(mapping, right)
	split.Offset = 0.36
	v.split = split
	v.intro = container.NewVBox(wrapLabel(i18n.T("import.ui.start")), wrapLabel(i18n.T("import.ui.known")))
	v.progressRow = container.NewBorder(nil, nil, nil, v.phase, v.progress)
	v.progressRow.Hide()
	bottom := container.NewVBox(
		widget.NewSeparator(),
		v.progressRow,
		v.summary,
		container.NewBorder(nil, nil, nil, container.NewHBox(v.check, v.commit), v.skipDup),
	)
	v.root = container.NewBorder(top, bottom, nil, nil, container.NewStack(v.intro, split))
}

// close leaves the screen (its workbook closed).
func (v *importView) close() {
	if v.busy {
		return // a write in progress finishes first
	}
	if v.book != nil {
		_ = v.book.Close()
		v.book = nil
	}
	if v.onClose != nil {
		v.onClose()
	}
}

// update enables what the state allows.
func (v *importView) update() {
	busy := v.busy
	ready := v.sheet != nil && v.sheet.Header >= 0 && !busy
	if v.sheet == nil {
		v.split.Hide()
		v.intro.Show()
	} else {
		v.intro.Hide()
		v.split.Show()
	}
	enable(v.choose, !busy)
	enable(v.back, !busy)
	enable(v.sheets, v.book != nil && !busy)
	enable(v.header, v.sheet != nil && !busy)
	for _, s := range v.mapSel {
		enable(s, ready)
	}
	enable(v.skipDup, ready)
	enable(v.check, ready)
	enable(v.commit, ready && !(v.checked != nil && v.checked.saved > 0))
}

// enable enables or disables w.
func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// openImport shows the import screen in place of the caseload list.
func (v *caseloadView) openImport() {
	st, ok := v.src.(*store.Store)
	if v.readOnly || !ok || v.form != nil || v.imp != nil {
		return
	}
	v.imp = newImportView(st, v.win, v.closeImport)
	v.stack.Objects = []fyne.CanvasObject{v.imp.root}
	v.stack.Refresh()
}

// closeImport goes back to the list, read again.
func (v *caseloadView) closeImport() {
	v.imp = nil
	v.reload()
	v.stack.Objects = []fyne.CanvasObject{v.list}
	v.stack.Refresh()
}

// importButton is the caseload toolbar's "Nhập từ Excel".
func (v *caseloadView) importButton() *widget.Button {
	b := widget.NewButtonWithIcon(i18n.T("import.ui.open"), theme.UploadIcon(), v.openImport)
	if _, ok := v.src.(*store.Store); !ok || v.readOnly {
		b.Disable()
	}
	return b
}
