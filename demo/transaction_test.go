package demo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"hoanhap/caseload"
	"hoanhap/store"
)

// TestGenerateCancelledLeavesStoreUntouched: a demo cancelled half-way
// (the context cancelled while people are saved, as a killed CLI or a
// closed window would) writes nothing, leaves no scratch files, and a
// second run succeeds with every person assigned and visited as a full
// run is.
func TestGenerateCancelledLeavesStoreUntouched(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // the scratch store's folder
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before, err := st.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	saved := 0
	_, err = Generate(ctx, st, Options{Persons: 4100, Seed: 3, Today: caseload.MustDate("2026-11-20"),
		Progress: func(done, total int) {
			saved = done
			if done >= 2000 { // after the first batch of people
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Generate: %v, want context.Canceled", err)
	}
	if saved < 2000 {
		t.Fatalf("cancelled after %d people, want the first batch saved first", saved)
	}
	after, err := st.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for name, recs := range after {
		if len(recs) != len(before[name]) {
			t.Errorf("cancelled demo left %d %s records (had %d)", len(recs), name, len(before[name]))
		}
	}
	if st.PeopleCount() != 0 {
		t.Errorf("index counts %d people after a cancelled demo", st.PeopleCount())
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("scratch files left behind: %v", left)
	}

	people, err := Generate(context.Background(), st, Options{Persons: 300, Seed: 3, Today: caseload.MustDate("2026-11-20")})
	if err != nil {
		t.Fatalf("rerun after the cancelled demo: %v", err)
	}
	if st.PeopleCount() != len(people) {
		t.Errorf("index counts %d people, generated %d", st.PeopleCount(), len(people))
	}
	d, err := st.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"person", "assignment", "visit", "reception", "mentor", "setting"} {
		if len(d[name]) == 0 {
			t.Errorf("rerun wrote no %s records", name)
		}
	}
	// The records belong to this installation, not to the scratch store.
	p, err := st.Person(context.Background(), people[0].ID)
	if err != nil || p.Owner != st.Node().ID {
		t.Errorf("person owner %q (%v), want this node %s", p.Owner, err, st.Node().ID)
	}
	// The worklist sees the people (its change triggers fired on the copy).
	items, err := st.Worklist(context.Background(), caseload.MustDate("2026-11-20"))
	if err != nil || len(items) == 0 {
		t.Errorf("worklist after the demo: %d items, %v", len(items), err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("scratch files left behind after a commit: %v", left)
	}
}
