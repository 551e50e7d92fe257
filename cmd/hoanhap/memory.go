package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// The GUI keeps the search index and the worklist cases in memory for the
// whole session: at 100,000 people they are most of a live heap of about
// 90 MB. Left to itself, Go lets the heap grow to twice the live data
// before collecting (GOGC=100) and gives freed pages back to the system
// slowly, so the process would hold about twice what it uses. The memory
// budget below keeps it close instead:
//
//   - GOGC=50: a collection once the heap has grown by half of the live data;
//   - a soft memory limit of the live data plus a headroom (at least
//     minHeadroom, or a quarter of the live data when that is more), plus
//     what the runtime itself uses outside the heap. When the heap reaches
//     the limit Go collects earlier and returns free pages at once.
//
// The limit follows the live data: it is computed again every
// budgetInterval, so a long piece of work that holds more (reading a big
// workbook, a report over every person) raises it within seconds instead
// of making the collector run without pause (Go caps the collector at half
// the CPU under a limit, which would slow that work down).

const (
	minHeadroom    = 24 << 20
	budgetInterval = 5 * time.Second
)

// memoryLimit returns the soft limit for live bytes of heap data and
// other bytes used by the runtime outside the heap (stacks, GC metadata,
// ...).
func memoryLimit(live, other uint64) int64 {
	headroom := live / 4
	if headroom < minHeadroom {
		headroom = minHeadroom
	}
	return int64(live + headroom + other)
}

// memoryUse reads the live heap (as of the last collection) and the
// runtime's own memory outside the heap.
func memoryUse() (live, other uint64) {
	s := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(s)
	v := func(i int) uint64 {
		if s[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return s[i].Value.Uint64()
	}
	heap := v(2) + v(3) + v(4) + v(5)
	if t := v(1); t > heap {
		other = t - heap
	}
	return v(0), other
}

// budgetMemory applies the budget (with HOANHAP_MEMTRACE set, it prints
// the figures on stderr at each step; with HOANHAP_HEAPPROFILE=FILE it
// writes the heap profile there) after the start-up burst (the index
// build and the first worklist) and keeps it current until ctx ends.
func budgetMemory(ctx context.Context) {
	debug.SetGCPercent(50) // as main sets it at launch
	debug.FreeOSMemory()   // a collection: the live figure is now exact
	t := time.NewTicker(budgetInterval)
	defer t.Stop()
	trace := os.Getenv("HOANHAP_MEMTRACE") != ""
	for {
		live, other := memoryUse()
		limit := memoryLimit(live, other)
		debug.SetMemoryLimit(limit)
		if trace {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Fprintf(os.Stderr, "memory: live %d MB, runtime %d MB, limit %d MB; heap in use %d MB, held %d MB, released %d MB\n",
				live>>20, other>>20, limit>>20, m.HeapInuse>>20, (m.HeapSys-m.HeapReleased)>>20, m.HeapReleased>>20)
		}
		if p := os.Getenv("HOANHAP_HEAPPROFILE"); p != "" {
			writeHeapProfile(p)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// writeHeapProfile writes the heap profile to path (go tool pprof
// -sample_index=inuse_space), replacing the previous one.
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	_ = pprof.WriteHeapProfile(f)
}
