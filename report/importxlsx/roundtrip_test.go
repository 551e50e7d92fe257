package importxlsx_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"hoanhap/caseload"
	"hoanhap/demo"
	"hoanhap/report"
	"hoanhap/report/importxlsx"
	"hoanhap/store"
)

// TestExportedListImports: the caseload list the app exports (national
// header, title, signature block under the table, a status column with
// people still expected) imports into a fresh store with the same
// people and statuses: a ward moving to a new computer or a list
// forwarded by another ward reads back whole. The signature block is
// not read as people.
func TestExportedListImports(t *testing.T) {
	open := func(name string) *store.Store {
		st, err := store.Open(filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	src := open("src.db")
	if err := demo.Ensure(src); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.ExportList(context.Background(), &buf, src, "caseload", report.Filter{}, report.Doc{}); err != nil {
		t.Fatal(err)
	}
	want := map[caseload.Status]int{}
	for _, r := range src.People(store.PersonFilter{}) {
		want[r.Status]++
	}

	f, _, err := importxlsx.Open(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := importxlsx.ReadSheet(f, "")
	if err != nil {
		t.Fatal(err)
	}
	dst := open("dst.db")
	rows := s.Parse(dst, caseload.Today())
	for _, r := range rows {
		for _, m := range r.Errors {
			t.Errorf("row %d: %s", r.Line, m.Text())
		}
	}
	res, err := importxlsx.Commit(context.Background(), dst, rows, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	got := map[caseload.Status]int{}
	for _, r := range dst.People(store.PersonFilter{}) {
		got[r.Status]++
	}
	if res.Saved != len(rows) || len(got) != len(want) || got[caseload.StatusExpected] != want[caseload.StatusExpected] ||
		got[caseload.StatusManaged] != want[caseload.StatusManaged] {
		t.Errorf("saved %d of %d rows; statuses %v, want %v", res.Saved, len(rows), got, want)
	}
	if want[caseload.StatusExpected] == 0 {
		t.Error("the demo ward has nobody expected: the test proves less than it says")
	}
}
