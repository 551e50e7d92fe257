package store

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"hoanhap/caseload"
)

// TestStartupMemory opens an office-scale store (HOANHAP_BIG names its
// data folder, e.g. the 100,000-person demo of BENCHMARKS.md), warms the
// worklist as the GUI does, and reports the time and the live heap; with
// HOANHAP_HEAPPROFILE it writes a heap profile there (go tool pprof
// -sample_index=inuse_space). Skipped without HOANHAP_BIG.
func TestStartupMemory(t *testing.T) {
	dir := os.Getenv("HOANHAP_BIG")
	if dir == "" {
		t.Skip("HOANHAP_BIG not set")
	}
	ctx := context.Background()
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	base := heap()
	t0 := time.Now()
	st, err := Open(filepath.Join(dir, "hoanhap.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	open := time.Since(t0)
	afterOpen := heap()
	t1 := time.Now()
	if err := st.WarmWorklist(ctx); err != nil {
		t.Fatal(err)
	}
	items, err := st.Worklist(ctx, caseload.Today())
	if err != nil {
		t.Fatal(err)
	}
	warm := time.Since(t1)
	afterWarm := heap()
	t.Logf("%d people: open+index %v, live heap %.1f MB; worklist (%d items) %v, live heap %.1f MB",
		st.PeopleCount(), open.Round(time.Millisecond), float64(afterOpen-base)/1e6,
		len(items), warm.Round(time.Millisecond), float64(afterWarm-base)/1e6)
	if p := os.Getenv("HOANHAP_HEAPPROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := pprof.WriteHeapProfile(f); err != nil {
			t.Fatal(err)
		}
	}
	runtime.KeepAlive(items)
}
