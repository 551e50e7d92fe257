package importxlsx

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"hoanhap/caseload"
	"hoanhap/store"
)

var today = caseload.D(2026, 12, 4)

// messyBook builds a list as wards keep them: two merged title rows, a
// blank row, headers typed in decomposed Unicode (Unikey's combining
// mode), dates as text in two styles, as Excel dates and as bare years, a
// blank row inside the data and a duplicate.
func messyBook(t *testing.T, extra [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	must(t, f.SetSheetName(sh, "DS CHXA"))
	sh = "DS CHXA"
	must(t, f.SetCellValue(sh, "A1", "DANH SÁCH NGƯỜI CHẤP HÀNH XONG ÁN PHẠT TÙ"))
	must(t, f.MergeCell(sh, "A1", "J1"))
	must(t, f.SetCellValue(sh, "A2", "Phường Hòa Bình, năm 2026"))
	must(t, f.MergeCell(sh, "A2", "J2"))
	heads := []string{"STT", "Họ và tên", "Năm sinh", "Giới tính", "Số CCCD", "Thôn / Tổ dân phố", "Tội danh", "Mức án", "Ngày chấp hành xong", "Ngày về địa phương", "Đặc xá", "Nhóm"}
	for i, h := range heads {
		cell, _ := excelize.CoordinatesToCellName(i+1, 4)
		must(t, f.SetCellValue(sh, cell, norm.NFD.String(h)))
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	rows := [][]any{
		{1, "Nguyễn Văn An", "1985", "Nam", "001085001234", "Tổ 3", "Trộm cắp tài sản", "3 năm", "05/03/2025", "5/3/25", "", "A"},
		{2, "Trần Thị Bình", "12/07/1990", "Nữ", "", "Tổ 5", "Đánh bạc", "18 tháng", caseload.D(2025, 11, 20), caseload.D(2025, 11, 25), "x", "B"},
		{},
		{3, "Lê Văn Cường", "1979", "nam", "", "Thôn Đông", "Cố ý gây thương tích", "2 năm 6 tháng", "2026-01-10", "15/01/2026", "", ""},
		{4, "Nguyễn Văn An", "1985", "Nam", "", "Tổ 3", "Trộm cắp tài sản", "3 năm", "05/03/2025", "06/03/2025", "", ""},
	}
	rows = append(rows, extra...)
	for i, r := range rows {
		for c, v := range r {
			cell, _ := excelize.CoordinatesToCellName(c+1, 6+i)
			if d, ok := v.(caseload.Date); ok {
				must(t, f.SetCellValue(sh, cell, d.Time()))
				must(t, f.SetCellStyle(sh, cell, cell, dateStyle))
				continue
			}
			must(t, f.SetCellValue(sh, cell, v))
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func openStore(t *testing.T) *store.Store {
	st, err := store.Open(filepath.Join(t.TempDir(), "import.db"))
	must(t, err)
	t.Cleanup(func() { st.Close() })
	return st
}

func read(t *testing.T, b []byte) *Sheet {
	f, names, err := Open(bytes.NewReader(b))
	must(t, err)
	t.Cleanup(func() { f.Close() })
	if len(names) != 1 || names[0] != "DS CHXA" {
		t.Fatalf("sheets %v", names)
	}
	s, err := ReadSheet(f, "DS CHXA")
	must(t, err)
	return s
}

func TestMessySheetImports(t *testing.T) {
	st := openStore(t)
	s := read(t, messyBook(t, nil))
	if s.Header != 3 {
		t.Fatalf("header row index %d, want 3 (row 4)", s.Header)
	}
	want := Mapping{FullName: 1, BirthDate: 2, Gender: 3, CitizenID: 4, Hamlet: 5, Offense: 6, Sentence: 7,
		CompletedOn: 8, ReturnedOn: 9, Amnesty: 10, Group: 11}
	for f, c := range want {
		if s.Mapping[f] != c {
			t.Errorf("%s mapped to %d, want %d", f, s.Mapping[f], c)
		}
	}
	rows := s.Parse(st, today)
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4 (blank row skipped)", len(rows))
	}
	for _, r := range rows {
		if len(r.Errors) > 0 {
			t.Errorf("row %d: %v", r.Line, r.Errors)
		}
	}
	an, binh, cuong, dup := rows[0].Person, rows[1].Person, rows[2].Person, rows[3]
	if an.BirthDate != (caseload.BirthDate{Year: 1985}) || an.ReturnedOn != caseload.D(2025, 3, 5) ||
		an.CompletedOn != caseload.D(2025, 3, 5) || an.SentenceMonths != 36 || an.Group != caseload.GroupA {
		t.Errorf("An %+v", an)
	}
	if binh.Gender != caseload.Female || binh.BirthDate != (caseload.BirthDate{Year: 1990, Month: 7, Day: 12}) ||
		binh.CompletedOn != caseload.D(2025, 11, 20) || binh.ReleaseKind != caseload.ReleaseAmnesty || binh.SentenceMonths != 18 {
		t.Errorf("Bình %+v", binh)
	}
	if cuong.SentenceMonths != 30 || cuong.ReturnedOn != caseload.D(2026, 1, 15) || rows[2].Line != 9 {
		t.Errorf("Cường line %d %+v", rows[2].Line, cuong)
	}
	if dup.Line != 10 || len(dup.Warns) != 1 || dup.Warns[0].Key != "import.dup.file_name" || dup.Warns[0].Args["Line"] != 6 {
		t.Errorf("duplicate row %+v", dup)
	}
	// A dry run writes nothing.
	res, err := Commit(context.Background(), st, rows, nil, true)
	must(t, err)
	if res.Saved != 0 || st.PeopleCount() != 0 {
		t.Fatalf("dry run saved %d, store has %d", res.Saved, st.PeopleCount())
	}
	// Skip the duplicate, save the rest.
	res, err = Commit(context.Background(), st, rows, map[int]bool{10: true}, false)
	must(t, err)
	if res.Saved != 3 || st.PeopleCount() != 3 {
		t.Fatalf("saved %d, store has %d", res.Saved, st.PeopleCount())
	}
	// Importing the same file again flags every row against the store.
	again := read(t, messyBook(t, nil)).Parse(st, today)
	for _, r := range again {
		found := false
		for _, w := range r.Warns {
			found = found || w.Key == "import.dup.store"
		}
		if !found {
			t.Errorf("row %d not flagged as already in the store", r.Line)
		}
	}
}

func TestBadRowsWriteNothing(t *testing.T) {
	st := openStore(t)
	s := read(t, messyBook(t, [][]any{
		{5, "Phạm Văn Dũng", "31/02/1980", "Nam", "", "Tổ 1", "Trộm cắp", "2 năm", "01/01/2026", "02/01/2026", "", "E"},
		{6, "", "1980", "Nam", "", "Tổ 1", "", "", "", "", "", ""},
	}))
	rows := s.Parse(st, today)
	byLine := map[int]Row{}
	for _, r := range rows {
		byLine[r.Line] = r
	}
	bad := byLine[11]
	if len(bad.Errors) != 2 {
		t.Errorf("row 11 errors %v", bad.Errors)
	}
	for _, e := range bad.Errors {
		if txt := e.Text(); !strings.Contains(txt, "“") {
			t.Errorf("message %q does not quote the value", txt)
		}
	}
	if len(byLine[12].Errors) == 0 {
		t.Error("row 12 without a name accepted")
	}
	_, err := Commit(context.Background(), st, rows, nil, false)
	var re *RowsError
	if !errors.As(err, &re) || re.N != 2 {
		t.Fatalf("commit err %v", err)
	}
	if st.PeopleCount() != 0 {
		t.Errorf("store has %d people after a refused import", st.PeopleCount())
	}
}

func TestDates(t *testing.T) {
	cases := map[string]caseload.Date{
		"05/03/1985": caseload.D(1985, 3, 5), "5/3/85": caseload.D(1985, 3, 5), "5/3/25": caseload.D(2025, 3, 5),
		"05-03-1985": caseload.D(1985, 3, 5), "1985-03-05": caseload.D(1985, 3, 5), "31111": caseload.D(1985, 3, 5),
		"45658": caseload.D(2025, 1, 1),
	}
	for in, want := range cases {
		if got, err := parseDate(in, 2026); err != nil || got != want {
			t.Errorf("%q = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"31/02/1985", "1985", "abc", "5/13/85", ""} {
		if _, err := parseDate(in, 2026); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
	if b, err := parseBirth("1985", 2026); err != nil || !b.YearOnly() {
		t.Errorf("bare year: %v %v", b, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("Họ và tên|Năm sinh|Ngày về địa phương", "Nguyễn Văn An|1985|5/3/25")
	f.Add("STT|Ho ten|Gioi tinh|So CCCD", "1|Lê Thị|Nữ|001190000001")
	f.Add("Họ tên|Mức án|Nhóm", "x|2 năm 6 tháng|A")
	f.Fuzz(func(t *testing.T, head, row string) {
		rows := [][]string{{"title"}, strings.Split(head, "|"), strings.Split(row, "|")}
		h, m, ok := FindHeader(rows)
		if !ok {
			return
		}
		s := &Sheet{Rows: rows, Header: h, Mapping: m}
		for _, r := range s.Parse(nil, today) {
			if len(r.Errors) == 0 && r.Person.FullName == "" {
				t.Fatalf("row without a name accepted: %+v", r)
			}
		}
	})
}
