package exchange

import (
	"testing"
)

// sum adds the per-table counts.
func sum(cs []PendingCount) int {
	n := 0
	for _, c := range cs {
		n += c.Records
	}
	return n
}

// countOf is the count of one table (0 when it is not listed).
func countOf(cs []PendingCount, table string) int {
	for _, c := range cs {
		if c.Table == table {
			return c.Records
		}
	}
	return 0
}

// TestPendingCountsMatchTheNextFile: over several rounds (new records,
// changed ones, a record of the office's received by a ward), the counts
// shown before writing equal the records the file then carries, per
// table, and nothing is pending right after.
func TestPendingCountsMatchTheNextFile(t *testing.T) {
	tp := newTopology(t)
	a := tp.a
	if got, err := a.Pending(ctx, ""); err != nil || sum(got) != 0 {
		t.Fatalf("fresh ward: %v %v", got, err)
	}
	p := addPerson(t, a, "Nguyễn Văn An")
	addVisit(t, a, p.ID, 3)
	addVisit(t, a, p.ID, 4)
	addPerson(t, a, "Trần Thị Bình")
	round := func(name string, want map[string]int) {
		t.Helper()
		got, err := a.Pending(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range want {
			if countOf(got, k) != v {
				t.Errorf("%s: %s pending %d, want %d (%v)", name, k, countOf(got, k), v, got)
			}
		}
		res := export(t, a, tp.office, tp.dir)
		if res.Records != sum(got) {
			t.Errorf("%s: %d pending, the file carries %d", name, sum(got), res.Records)
		}
		if after, _ := a.Pending(ctx, ""); sum(after) != 0 {
			t.Errorf("%s: still pending after the file: %v", name, after)
		}
	}
	round("first", map[string]int{"person": 2, "visit": 2})
	p.Notes = "Đã đổi chỗ ở"
	if err := a.St.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	addVisit(t, a, p.ID, 5)
	round("changed", map[string]int{"person": 1, "visit": 1})

	// The office counts what it sends to one ward: the ward's records
	// never go back to it.
	for _, f := range hnx(t, tp.dir) {
		tp.office.Import(ctx, f)
	}
	got, err := tp.office.Pending(ctx, a.ID.NodeID)
	if err != nil {
		t.Fatal(err)
	}
	res := export(t, tp.office, a, t.TempDir())
	if res.Records != sum(got) || countOf(got, "person") != 0 {
		t.Errorf("office: pending %v, file carries %d", got, res.Records)
	}
}
