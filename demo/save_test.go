package demo

import (
	"context"
	"path/filepath"
	"testing"

	"hoanhap/store"
)

func TestSavePeopleInBatches(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "save.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n := 2*batchSize + 17
	people, err := People(n, DefaultSeed, refDay)
	if err != nil {
		t.Fatal(err)
	}
	var calls [][2]int
	if err := savePeople(context.Background(), st, people, func(done, total int) {
		calls = append(calls, [2]int{done, total})
	}); err != nil {
		t.Fatal(err)
	}
	want := [][2]int{{batchSize, n}, {2 * batchSize, n}, {n, n}}
	if len(calls) != len(want) {
		t.Fatalf("progress calls = %v, want %v", calls, want)
	}
	for i := range want {
		if calls[i] != want[i] {
			t.Errorf("progress call %d = %v, want %v", i, calls[i], want[i])
		}
	}
	seen := map[string]bool{}
	for i, p := range people {
		if p.ID == "" || p.Ver != 1 || seen[p.ID] {
			t.Fatalf("person %d: id %q ver %d (duplicate %v)", i, p.ID, p.Ver, seen[p.ID])
		}
		seen[p.ID] = true
	}
	if st.PeopleCount() != n {
		t.Errorf("store holds %d people, want %d", st.PeopleCount(), n)
	}
	got, err := st.Person(context.Background(), people[n-1].ID)
	if err != nil || got.FullName != people[n-1].FullName {
		t.Errorf("last person stored as %q, %v", got.FullName, err)
	}
}

// BenchmarkSavePeople measures saving the demo persons alone (no other
// steps) at office scale; run with -bench SavePeople -benchtime 1x (set
// DEMO_BENCH_PERSONS for other sizes).
func BenchmarkSavePeople(b *testing.B) {
	n := 100000
	if s := benchPersons(); s > 0 {
		n = s
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		people, err := People(n, DefaultSeed, refDay)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := savePeople(context.Background(), st, people, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
	}
	b.ReportMetric(float64(n), "persons/op")
}

// BenchmarkSavePeopleOneByOne is the baseline of BenchmarkSavePeople: the
// same persons saved with one SavePerson (one transaction) each.
func BenchmarkSavePeopleOneByOne(b *testing.B) {
	n := 100000
	if s := benchPersons(); s > 0 {
		n = s
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		people, err := People(n, DefaultSeed, refDay)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for j := range people {
			if err := st.SavePerson(context.Background(), &people[j]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		st.Close()
	}
	b.ReportMetric(float64(n), "persons/op")
}
