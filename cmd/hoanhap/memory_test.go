package main

import (
	"runtime"
	"testing"
)

// TestMemoryLimit: the limit is the live data plus a headroom of at least
// 24 MiB or a quarter of the live data, plus the runtime's own memory.
func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		live, other uint64
		want        int64
	}{
		{0, 0, 24 * mib},
		{60 * mib, 10 * mib, 94 * mib},   // headroom 24 MiB (a quarter would be 15)
		{300 * mib, 12 * mib, 387 * mib}, // headroom a quarter: 75 MiB
	} {
		if got := memoryLimit(c.live, c.other); got != c.want {
			t.Errorf("memoryLimit(%d MiB, %d MiB) = %d MiB, want %d MiB", c.live/mib, c.other/mib, got/mib, c.want/mib)
		}
	}
}

// TestMemoryUse: the live heap read from the runtime follows what the
// program holds.
func TestMemoryUse(t *testing.T) {
	runtime.GC()
	before, other := memoryUse()
	if other == 0 {
		t.Fatal("no runtime memory outside the heap reported")
	}
	hold := make([][]byte, 64)
	for i := range hold {
		hold[i] = make([]byte, 1<<20)
	}
	runtime.GC()
	after, _ := memoryUse()
	if after < before+60<<20 {
		t.Fatalf("live heap %d → %d bytes after allocating 64 MiB", before, after)
	}
	runtime.KeepAlive(hold)
}
