package ui

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/report/importxlsx"
	"hoanhap/store"
)

// messyImportBook is a workbook as wards keep them: a cover sheet first,
// then the list under two merged title rows and a blank row, its headers
// typed in decomposed Unicode, the hamlet under a heading the app does
// not know ("Địa bàn"), dates as text in two styles, as Excel dates and
// as bare years, a blank row inside the data, a duplicate of row 6 on row
// 10 and the extra rows given.
func messyImportBook(t *testing.T, extra ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	ok := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ok(f.SetSheetName("Sheet1", "Ghi chú"))
	ok(f.SetCellValue("Ghi chú", "A1", "Danh sách gửi Công an quận, người lập: Trần Văn Lập"))
	sh := "DS CHXA"
	_, err := f.NewSheet(sh)
	ok(err)
	ok(f.SetCellValue(sh, "A1", "DANH SÁCH NGƯỜI CHẤP HÀNH XONG ÁN PHẠT TÙ"))
	ok(f.MergeCell(sh, "A1", "L1"))
	ok(f.SetCellValue(sh, "A2", "Phường Hòa Bình, năm 2026"))
	ok(f.MergeCell(sh, "A2", "L2"))
	heads := []string{"STT", "Họ và tên", "Năm sinh", "Giới tính", "Số CCCD", "Địa bàn", "Tội danh", "Mức án",
		"Ngày chấp hành xong", "Ngày về địa phương", "Đặc xá", "Nhóm"}
	for i, h := range heads {
		cell, _ := excelize.CoordinatesToCellName(i+1, 4)
		ok(f.SetCellValue(sh, cell, norm.NFD.String(h)))
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	rows := [][]any{
		{1, "Nguyễn Văn An", "1985", "Nam", "001085001234", "Tổ 3", "Trộm cắp tài sản", "3 năm", "05/03/2025", "5/3/25", "", "A"},
		{2, "Trần Thị Bình", "12/07/1990", "Nữ", "", "Tổ 5", "Đánh bạc", "18 tháng", caseload.D(2025, 11, 20), caseload.D(2025, 11, 25), "x", "B"},
		{},
		{3, "Lê Văn Cường", "1979", "nam", "", "Thôn Đông", "Cố ý gây thương tích", "2 năm 6 tháng", "2026-01-10", "15/01/2026", "", ""},
		{4, "Nguyễn Văn An", "1985", "Nam", "", "Tổ 3", "Trộm cắp tài sản", "3 năm", "05/03/2025", "06/03/2025", "", ""},
	}
	for i, r := range append(rows, extra...) {
		for c, v := range r {
			cell, _ := excelize.CoordinatesToCellName(c+1, 6+i)
			if d, isDate := v.(caseload.Date); isDate {
				ok(f.SetCellValue(sh, cell, d.Time()))
				ok(f.SetCellStyle(sh, cell, cell, dateStyle))
				continue
			}
			ok(f.SetCellValue(sh, cell, v))
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// openImportScreen shows the caseload list, taps "Nhập từ Excel" and
// returns the import screen.
func openImportScreen(t *testing.T) (*App, *store.Store, *caseloadView, *importView) {
	t.Helper()
	u, st := newTestUI(t)
	v := showCaseload(t, u, "officer")
	b := findButton(v.root, i18n.T("import.ui.open"))
	if b == nil || b.Disabled() {
		t.Fatal("no enabled “Nhập từ Excel” button on the caseload list")
	}
	test.Tap(b)
	if v.imp == nil || v.stack.Objects[0] != v.imp.root {
		t.Fatal("the import screen did not open")
	}
	return u, st, v, v.imp
}

// problemTexts are the lines of the problem list.
func problemTexts(iv *importView) []string {
	var out []string
	for _, o := range iv.problems.Objects {
		c, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		for _, x := range c.Objects {
			if l, ok := x.(*widget.Label); ok {
				out = append(out, l.Text)
			}
		}
	}
	return out
}

func TestImportScreenMessySheet(t *testing.T) {
	_, st, v, iv := openImportScreen(t)
	iv.openFile("danh-sach.xlsx", io.NopCloser(bytes.NewReader(messyImportBook(t))))
	if iv.sheets.Selected != "DS CHXA" {
		t.Fatalf("sheet %q chosen, want the list (the cover sheet comes first)", iv.sheets.Selected)
	}
	if iv.header.SelectedIndex() != 3 || !strings.HasPrefix(iv.header.Selected, "Dòng 4:") {
		t.Fatalf("header row %q", iv.header.Selected)
	}
	if got := iv.mapSel[importxlsx.FullName].Selected; got != "B · Họ và tên" {
		t.Errorf("full name mapped to %q (NFC header expected)", got)
	}
	if iv.mapSel[importxlsx.Hamlet].SelectedIndex() != 0 {
		t.Errorf("“Địa bàn” mapped to the hamlet by itself: %q", iv.mapSel[importxlsx.Hamlet].Selected)
	}
	if len(iv.preview) != 4 {
		t.Fatalf("%d preview rows, want 4 (blank row skipped)", len(iv.preview))
	}
	// The preview shows the rows as stored: dates dd/mm/yyyy whatever the
	// cell held, the Excel date of row 7 included.
	cells := func(row int) map[string]string {
		out := map[string]string{}
		for _, c := range iv.previewCols() {
			out[previewHead(c)] = previewCell(iv.preview[row], c)
		}
		return out
	}
	if an := cells(0); an["Ngày về địa phương"] != "05/03/2025" || an["Ngày sinh"] != "1985" || an["Mức án"] != "Tù có thời hạn, 36 tháng" {
		t.Errorf("row 6 previewed as %v", an)
	}
	if binh := cells(1); binh["Ngày chấp hành xong"] != "20/11/2025" || binh["Đặc xá"] != "Đặc xá" || binh["Giới tính"] != "Nữ" {
		t.Errorf("row 7 previewed as %v", binh)
	}
	if _, shown := cells(0)["Thôn, tổ dân phố"]; shown {
		t.Error("hamlet column previewed before it was mapped")
	}

	// The officer maps the hamlet to column F ("Địa bàn").
	iv.setMapping(importxlsx.Hamlet, 5)
	if got := cells(0)["Thôn, tổ dân phố"]; got != "Tổ 3" {
		t.Errorf("hamlet after the correction %q", got)
	}

	// Dry run: every row checked, the duplicate flagged, nothing written.
	test.Tap(iv.check)
	if st.PeopleCount() != 0 {
		t.Fatalf("dry run wrote %d people", st.PeopleCount())
	}
	if !strings.Contains(iv.summary.Text, "Kiểm tra thử xong") || !strings.Contains(iv.summary.Text, "ghi 4 người") ||
		!strings.Contains(iv.summary.Text, "1 dòng có thể trùng vẫn sẽ được nhập") {
		t.Errorf("dry run summary %q", iv.summary.Text)
	}
	if p := strings.Join(problemTexts(iv), "\n"); !strings.Contains(p, "Dòng 10 (lưu ý): Trùng họ tên và năm sinh với dòng 6") {
		t.Errorf("duplicate not flagged: %q", p)
	}

	// Import, leaving out the duplicate: all three others written at once.
	test.Tap(iv.skipDup)
	test.Tap(iv.commit)
	if n := st.PeopleCount(); n != 3 {
		t.Fatalf("store holds %d people, want 3", n)
	}
	if !strings.Contains(iv.summary.Text, "Đã nhập 3 người") || !iv.commit.Disabled() {
		t.Errorf("after the import: %q, commit disabled %v", iv.summary.Text, iv.commit.Disabled())
	}
	rows := st.People(store.PersonFilter{Statuses: caseload.Statuses})
	hamlets := map[string]string{}
	for _, r := range rows {
		hamlets[r.FullName] = r.Hamlet
	}
	if hamlets["Nguyễn Văn An"] != "Tổ 3" || hamlets["Lê Văn Cường"] != "Thôn Đông" {
		t.Errorf("stored hamlets %v: the officer's mapping was not used", hamlets)
	}

	// Importing the same list again flags every row as already stored.
	iv.openFile("danh-sach.xlsx", io.NopCloser(bytes.NewReader(messyImportBook(t))))
	iv.setMapping(importxlsx.Hamlet, 5)
	test.Tap(iv.check)
	if p := strings.Join(problemTexts(iv), "\n"); strings.Count(p, "Có thể đã có trong dữ liệu") < 3 {
		t.Errorf("rows already stored not flagged: %q", p)
	}

	test.Tap(iv.back)
	if v.imp != nil || v.stack.Objects[0] != v.list || !strings.Contains(v.count.Text, "3") {
		t.Errorf("back to the list: count %q", v.count.Text)
	}
}

// TestImportScreenBadRowWritesNothing: one bad row in the file, and
// nothing is written; the row's number is shown.
func TestImportScreenBadRowWritesNothing(t *testing.T) {
	_, st, _, iv := openImportScreen(t)
	book := messyImportBook(t, []any{5, "Phạm Văn Dũng", "31/02/1980", "Nam", "", "Tổ 1", "Trộm cắp", "2 năm", "01/01/2026", "02/01/2026", "", ""})
	iv.openFile("loi.xlsx", io.NopCloser(bytes.NewReader(book)))
	test.Tap(iv.commit)
	if n := st.PeopleCount(); n != 0 {
		t.Fatalf("a file with a bad row wrote %d people", n)
	}
	if !strings.Contains(iv.summary.Text, "dòng 11") || !strings.Contains(iv.summary.Text, "chưa ghi gì") {
		t.Errorf("summary %q does not name row 11", iv.summary.Text)
	}
	if p := strings.Join(problemTexts(iv), "\n"); !strings.Contains(p, "Dòng 11: Cột “Ngày sinh”: ngày “31/02/1980” không đọc được") {
		t.Errorf("problems %q", p)
	}
	if iv.commit.Disabled() {
		t.Error("import disabled after a refused import: the officer may fix the mapping and retry")
	}
}

// TestImportScreenBadFile: a file that is not a workbook gets a clear
// message and leaves the screen as it was.
func TestImportScreenBadFile(t *testing.T) {
	u, st, _, iv := openImportScreen(t)
	iv.openFile("ghi-chu.xlsx", io.NopCloser(strings.NewReader("đây không phải tệp Excel")))
	want := i18n.T("import.error.open", "File", "ghi-chu.xlsx")
	if iv.summary.Text != want {
		t.Errorf("summary %q, want %q", iv.summary.Text, want)
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("no message shown")
	}
	if iv.book != nil || iv.sheet != nil || !iv.check.Disabled() || !iv.commit.Disabled() {
		t.Error("a bad file left the screen able to import")
	}
	if st.PeopleCount() != 0 {
		t.Error("a bad file wrote people")
	}
}

// TestImportScreenNeedsName: without a full name column nothing can be
// imported; the officer is told which column to choose.
func TestImportScreenNeedsName(t *testing.T) {
	_, st, _, iv := openImportScreen(t)
	iv.openFile("danh-sach.xlsx", io.NopCloser(bytes.NewReader(messyImportBook(t))))
	iv.setMapping(importxlsx.FullName, -1)
	if iv.summary.Text != i18n.T("import.ui.need_name") {
		t.Errorf("summary %q", iv.summary.Text)
	}
	test.Tap(iv.commit)
	if st.PeopleCount() != 0 {
		t.Error("imported without names")
	}
	// Choosing the title row as the header loses the mapping too.
	iv.header.SetSelectedIndex(0)
	if len(iv.sheet.Mapping) != 0 || iv.mapSel[importxlsx.BirthDate].SelectedIndex() != 0 {
		t.Errorf("title row mapped %v", iv.sheet.Mapping)
	}
	iv.header.SetSelectedIndex(3)
	if iv.mapSel[importxlsx.FullName].SelectedIndex() != 2 {
		t.Error("header row 4 chosen again does not map the names")
	}
}

// TestImportProgress: the progress callback moves the bar and says where
// the work is.
func TestImportProgress(t *testing.T) {
	_, _, _, iv := openImportScreen(t)
	iv.start("…")
	if !iv.progressRow.Visible() || !iv.choose.Disabled() || !iv.back.Disabled() {
		t.Error("background work does not show or lock the screen")
	}
	iv.progressTo("import.ui.phase.write")(2500, 10000)
	if iv.progress.Value != 0.25 || iv.phase.Text != "Đang ghi 2.500/10.000 người…" {
		t.Errorf("progress %v %q", iv.progress.Value, iv.phase.Text)
	}
	iv.finish()
	if iv.progressRow.Visible() || iv.choose.Disabled() {
		t.Error("finished work still shown")
	}
}

// TestImportReadOnly: a mentor (read-only on the caseload) gets no import.
func TestImportReadOnly(t *testing.T) {
	u, _ := newTestUI(t)
	v := showCaseload(t, u, "mentor")
	if b := findButton(v.root, i18n.T("import.ui.open")); b == nil || !b.Disabled() {
		t.Error("import offered to a mentor")
	}
	v.openImport()
	if v.imp != nil {
		t.Error("import screen opened for a mentor")
	}
}

// TestOpenImportScreen: --screen import:FILE opens the screen with the
// file read and every row checked, writing nothing.
func TestOpenImportScreen(t *testing.T) {
	u, st := newTestUI(t)
	path := filepath.Join(t.TempDir(), "danh sách.xlsx")
	if err := os.WriteFile(path, messyImportBook(t), 0o600); err != nil {
		t.Fatal(err)
	}
	u.Open("import:" + path)
	iv := u.list.imp
	if iv == nil || iv.fileName != "danh sách.xlsx" || iv.checked == nil || !iv.checked.dry {
		t.Fatal("the import screen did not open with the file checked")
	}
	if st.PeopleCount() != 0 {
		t.Error("opening the screen wrote people")
	}
	u.Open("import:" + filepath.Join(t.TempDir(), "không có.xlsx"))
	if !strings.Contains(u.list.imp.summary.Text, "không có.xlsx") {
		t.Errorf("missing file: %q", u.list.imp.summary.Text)
	}
}
