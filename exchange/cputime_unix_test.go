//go:build unix

package exchange

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) this process has used:
// beside the wall time of a benchmark, a figure that the other work on a
// shared machine barely changes.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
