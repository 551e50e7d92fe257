package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestReportCLI(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	addPerson(t, dir, knownCase)
	out := mustCLI(t, dir, "", "report", "--kind", "year", "--period", "2024", "--json")
	var r struct {
		Unit       string
		Period     struct{ Kind, From, To string }
		Indicators map[string]any
		Years      []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Unit != "Phường Hòa Bình" || r.Period.From != "2023-12-15" || r.Period.To != "2024-12-14" || len(r.Years) != 2 {
		t.Errorf("report %+v", r)
	}
	xlsx := filepath.Join(dir, "bc.xlsx")
	mustCLI(t, dir, "", "report", "--kind", "custom", "--from", "2021-01-01", "--to", "2026-01-14", "--out", xlsx)
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, bad := range [][]string{
		{"report", "--kind", "month", "--period", "2026-13", "--json"},
		{"report", "--kind", "custom", "--from", "2026-02-01", "--to", "2026-01-01", "--json"},
		{"report", "--kind", "year", "--period", "2026"},
		{"export", "nope", "--out", xlsx},
		{"export", "caseload", "--out", xlsx, "--status", "lost"},
	} {
		if code, _, errOut := cli(t, dir, "", bad...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, %q", bad, code, errOut)
		}
	}
	list := filepath.Join(dir, "ds.xlsx")
	mustCLI(t, dir, "", "export", "caseload", "--out", list, "--status", "all")
	if _, err := os.Stat(list); err != nil {
		t.Fatal(err)
	}
}

func TestImportCLI(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")
	book := func(name string, rows [][]any) string {
		f := excelize.NewFile()
		defer f.Close()
		for i, r := range rows {
			for c, v := range r {
				cell, _ := excelize.CoordinatesToCellName(c+1, i+1)
				f.SetCellValue("Sheet1", cell, v)
			}
		}
		p := filepath.Join(dir, name)
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := book("tot.xlsx", [][]any{{"DANH SÁCH"}, {"Họ tên", "Năm sinh", "Giới tính", "Ngày chấp hành xong"},
		{"Nguyễn Văn Bình", 1980, "Nam", "01/02/2025"}, {"Lê Thị Hoa", 1990, "Nữ", "3/4/25"}})
	bad := book("loi.xlsx", [][]any{{"Họ tên", "Năm sinh", "Giới tính"}, {"Trần Văn Cơ", 1980, "Nam"}, {"Phạm Văn Dư", "abc", "Nam"}})
	out := mustCLI(t, dir, "", "import", "xlsx", good, "--dry-run")
	if !strings.Contains(out, "Chạy thử") {
		t.Errorf("dry run: %s", out)
	}
	code, _, errOut := cli(t, dir, "", "import", "xlsx", bad)
	if code != 1 || !strings.Contains(errOut, "Dòng 3") || !strings.Contains(errOut, "chưa ghi gì") {
		t.Errorf("bad file: exit %d %s", code, errOut)
	}
	if dump := mustCLI(t, dir, "", "dump"); strings.Contains(dump, "Trần Văn Cơ") || strings.Contains(dump, "Nguyễn Văn Bình") {
		t.Error("a refused or dry-run import wrote people")
	}
	out = mustCLI(t, dir, "", "import", "xlsx", good)
	if !strings.Contains(out, "Đã nhập 2 người") {
		t.Errorf("import: %s", out)
	}
	if code, _, _ := cli(t, dir, "", "import", "xlsx", filepath.Join(dir, "none.xlsx")); code != 1 {
		t.Errorf("missing file exit %d", code)
	}
}
