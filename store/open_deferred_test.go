package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"hoanhap/caseload"
)

// deferredFixture writes n people to a new store file and returns its path.
func deferredFixture(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hoanhap.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	people := make([]caseload.Person, n)
	for i := range people {
		people[i] = testPerson(fmt.Sprintf("Nguyễn Văn Số %d", i), caseload.Male, 1980+i%20, "")
	}
	if err := s.SavePeople(context.Background(), people); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

// within fails the test when fn does not return in d: the deferred index
// must never leave a caller waiting on the store's one connection.
func within(t *testing.T, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { fn(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not return in %v (deadlock between the index reader and the store?)", what, d)
	}
}

func TestOpenDeferredServesQueriesAndWaitsForIndex(t *testing.T) {
	path := deferredFixture(t, 3000)
	s, err := OpenDeferred(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	// Plain queries, the worklist (which reads the index inside its
	// queries) and a person write, right after opening.
	within(t, 30*time.Second, "Setting", func() {
		if _, err := s.Setting(ctx, "language"); err != nil {
			t.Error(err)
		}
	})
	within(t, 30*time.Second, "WarmWorklist", func() {
		if err := s.WarmWorklist(ctx); err != nil {
			t.Error(err)
		}
	})
	p := testPerson("Trần Thị Mới", caseload.Female, 1990, "")
	within(t, 30*time.Second, "SavePerson", func() { mustSave(t, s, &p) })

	<-s.IndexReady()
	if err := s.IndexErr(); err != nil {
		t.Fatalf("index: %v", err)
	}
	if n := s.PeopleCount(); n != 3001 {
		t.Fatalf("index holds %d people, want 3000 read at open + 1 written after", n)
	}
	rows := s.People(PersonFilter{Query: "tran thi moi", Statuses: []caseload.Status{caseload.StatusManaged}})
	if len(rows) != 1 || rows[0].ID != p.ID {
		t.Fatalf("search after a write during the build: %+v", rows)
	}
}

func TestOpenDeferredClosesWhileBuilding(t *testing.T) {
	path := deferredFixture(t, 2000)
	for i := 0; i < 5; i++ {
		s, err := OpenDeferred(path)
		if err != nil {
			t.Fatal(err)
		}
		within(t, 30*time.Second, "Close", func() { s.Close() })
	}
	// The file is intact afterwards.
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := s.PeopleCount(); n != 2000 {
		t.Fatalf("%d people after closing during builds, want 2000", n)
	}
}

func TestOpenDeferredReportsAFailedBuild(t *testing.T) {
	path := deferredFixture(t, 10)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// A hamlet list no release of the program writes: the build fails.
	if _, err := s.db.Exec(`INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES (?, '{not json', datetime('now'))`, settingHamlets); err != nil {
		t.Fatal(err)
	}
	s.Close()
	d, err := OpenDeferred(path)
	if err != nil {
		t.Fatalf("OpenDeferred must open; the index fails later: %v", err)
	}
	defer d.Close()
	<-d.IndexReady()
	if d.IndexErr() == nil {
		t.Fatal("a failed index build is not reported")
	}
	if n := d.PeopleCount(); n != 0 {
		t.Fatalf("after a failed build the index holds %d people, want an empty index", n)
	}
	if _, err := Open(path); err == nil {
		t.Fatal("Open (the CLI's) must refuse the store whose index cannot be built")
	}
}
