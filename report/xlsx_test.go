package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hoanhap/caseload"
	"hoanhap/report"
)

// writeSample writes the June 2026 report of the fixture to a file and
// returns its path.
func writeSample(t *testing.T) string {
	t.Helper()
	f := newFixture(t)
	p, _ := report.ParsePeriod(report.Month, "2026-06", report.DefaultCutoffDay)
	r, err := report.Compute(context.Background(), f.st, p)
	must(t, err)
	r.Unit = "Công an phường Hòa Bình"
	var buf bytes.Buffer
	doc := report.Doc{Superior: "Công an quận Ba Đình", Place: "Hà Nội", Date: caseload.D(2026, 6, 16)}
	am := []report.Amendment{{Key: "returned", Unit: report.Count, Old: 1, New: 2}}
	must(t, report.WriteReport(&buf, r, doc, am))
	path := filepath.Join(t.TempDir(), "bao cao thang 6.xlsx")
	must(t, os.WriteFile(path, buf.Bytes(), 0o600))
	return path
}

func TestReportWorkbookLooksOfficial(t *testing.T) {
	path := writeSample(t)
	x, err := excelize.OpenFile(path)
	must(t, err)
	defer x.Close()
	sheets := x.GetSheetList()
	if len(sheets) != 2 || sheets[0] != "HCD-12" || sheets[1] != "Ghi chú" {
		t.Fatalf("sheets %v", sheets)
	}
	rows, err := x.GetRows("HCD-12")
	must(t, err)
	text := func(r, c int) string {
		if r-1 < len(rows) && c-1 < len(rows[r-1]) {
			return rows[r-1][c-1]
		}
		return ""
	}
	if text(1, 5) != "Mẫu HCD-12" || text(2, 1) != "CÔNG AN QUẬN BA ĐÌNH" || text(2, 3) != "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" ||
		text(3, 1) != "CÔNG AN PHƯỜNG HÒA BÌNH" || text(3, 3) != "Độc lập - Tự do - Hạnh phúc" ||
		text(4, 3) != "Hà Nội, ngày 16 tháng 06 năm 2026" {
		t.Errorf("header rows %q", rows[:4])
	}
	if !strings.Contains(text(6, 1), "THÁNG 6/2026") || text(7, 1) != "(Số liệu từ ngày 15/05/2026 đến ngày 14/06/2026)" {
		t.Errorf("title %q / %q", text(6, 1), text(7, 1))
	}
	merges, err := x.GetMergeCells("HCD-12")
	must(t, err)
	want := map[string]bool{"A2:B2": true, "C2:E2": true, "A3:B3": true, "C3:E3": true, "A4:B4": true, "C4:E4": true, "A6:E6": true, "A7:E7": true}
	for _, m := range merges {
		delete(want, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if len(want) > 0 {
		t.Errorf("missing merges %v", want)
	}
	// Fonts: Times New Roman everywhere; the motto bold and underlined.
	style := func(cell string) *excelize.Style {
		id, err := x.GetCellStyle("HCD-12", cell)
		must(t, err)
		s, err := x.GetStyle(id)
		must(t, err)
		return s
	}
	if s := style("C3"); s.Font == nil || s.Font.Family != report.Font || !s.Font.Bold || s.Font.Underline != "single" {
		t.Errorf("motto font %+v", s.Font)
	}
	// Find the "returned" row and its value cell: a real number formatted #,##0.
	row := findRow(rows, "Số người chấp hành xong án phạt tù về địa phương")
	if row == 0 {
		t.Fatal("returned row not found")
	}
	cell := fmt.Sprintf("D%d", row)
	if v, _ := x.GetCellValue("HCD-12", cell, excelize.Options{RawCellValue: true}); v != "2" {
		t.Errorf("returned raw value %q", v)
	}
	if ct, _ := x.GetCellType("HCD-12", cell); ct != excelize.CellTypeUnset && ct != excelize.CellTypeNumber {
		t.Errorf("returned cell type %v", ct)
	}
	if s := style(cell); s.CustomNumFmt == nil || *s.CustomNumFmt != report.FmtCount || s.Font.Family != report.Font {
		t.Errorf("count style %+v", s)
	}
	rate := findRow(rows, "Tỷ lệ tái phạm tội")
	if s := style(fmt.Sprintf("D%d", rate)); s.CustomNumFmt == nil || *s.CustomNumFmt != report.FmtPercent {
		t.Errorf("rate style %+v", s)
	}
	money := findRow(rows, "Số tiền vay được giải ngân")
	if v, _ := x.GetCellValue("HCD-12", fmt.Sprintf("D%d", money), excelize.Options{RawCellValue: true}); v != "30000000" {
		t.Errorf("money raw %q", v)
	}
	if s := style(fmt.Sprintf("D%d", money)); s.CustomNumFmt == nil || *s.CustomNumFmt != report.FmtMoney {
		t.Errorf("money style %+v", s)
	}
	if findRow(rows, "Số liệu theo năm dương lịch") == 0 || findRow(rows, "Điều chỉnh so với số liệu đã chốt") == 0 ||
		findRow(rows, "NGƯỜI LẬP BIỂU") == 0 {
		t.Error("year table, amendments or signature missing")
	}
	checkPrintSetup(t, x, "HCD-12")
	notes, _ := x.GetRows("Ghi chú")
	if r := findRow(notes, "Tỷ lệ tái phạm tội"); r == 0 || !strings.Contains(notes[r-1][2], "chia cho") {
		t.Errorf("notes sheet lacks the rate definition")
	}
}

// checkPrintSetup checks A4, fit to one page wide, and the table head
// repeated on each page.
func checkPrintSetup(t *testing.T, x *excelize.File, sheet string) {
	t.Helper()
	pl, err := x.GetPageLayout(sheet)
	must(t, err)
	if pl.Size == nil || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
		t.Errorf("%s page layout %+v", sheet, pl)
	}
	props, err := x.GetSheetProps(sheet)
	must(t, err)
	if props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("%s not fitted to page", sheet)
	}
	found := false
	for _, d := range x.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet && strings.Contains(d.RefersTo, "$") {
			found = true
		}
	}
	if !found {
		t.Errorf("%s has no print titles: %+v", sheet, x.GetDefinedName())
	}
}

func findRow(rows [][]string, text string) int {
	for i, r := range rows {
		for _, c := range r {
			if c == text {
				return i + 1
			}
		}
	}
	return 0
}

// TestSamples writes the sample report to $REPORT_SAMPLES (for
// scripts/render-xlsx.sh, which turns it into the PNG of docs/screenshots).
func TestSamples(t *testing.T) {
	dir := os.Getenv("REPORT_SAMPLES")
	if dir == "" {
		t.Skip("REPORT_SAMPLES not set")
	}
	b, err := os.ReadFile(writeSample(t))
	must(t, err)
	must(t, os.WriteFile(filepath.Join(dir, "report-hcd12.xlsx"), b, 0o644))
}
