package exchange

import (
	"fmt"
	"testing"

	"hoanhap/caseload"
)

// TestExportReportsProgress: with WithProgress, Export counts what it will
// carry first, then reports every 1,000 records written, with values that
// only grow, ending at the total, which is what the file carries.
func TestExportReportsProgress(t *testing.T) {
	tp := newTopology(t)
	const n = 2500
	people := make([]caseload.Person, n)
	for i := range people {
		people[i] = caseload.Person{FullName: fmt.Sprintf("Nguyễn Văn Người %05d", i), Gender: caseload.Male,
			BirthDate: caseload.BirthDate{Year: 1960 + i%40}, Status: caseload.StatusManaged}
	}
	if err := tp.a.St.SavePeople(ctx, people); err != nil {
		t.Fatal(err)
	}
	type call struct{ done, total int }
	var calls []call
	res, err := tp.a.Export(ctx, "", tp.dir, WithProgress(func(done, total int) { calls = append(calls, call{done, total}) }))
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != n {
		t.Fatalf("the file carries %d records, want %d", res.Records, n)
	}
	want := []call{{0, n}, {1000, n}, {2000, n}, {n, n}}
	if fmt.Sprint(calls) != fmt.Sprint(want) {
		t.Fatalf("progress calls %v, want %v", calls, want)
	}
	// Nothing left to send: the bar still starts and ends.
	calls = nil
	if _, err := tp.a.Export(ctx, "", tp.dir, WithProgress(func(done, total int) { calls = append(calls, call{done, total}) })); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(calls) != fmt.Sprint([]call{{0, 0}, {0, 0}}) {
		t.Fatalf("empty file: progress calls %v", calls)
	}
}
