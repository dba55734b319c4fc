//go:build unix

package extract

import (
	"syscall"
	"time"
)

// processCPU is the user+system CPU time of the test process, so a benchmark
// can report throughput per CPU second, which a loaded machine does not skew.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
