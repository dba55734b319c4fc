//go:build unix

package shared

import (
	"syscall"
	"time"
)

// CPUTime is the user plus system CPU time of the process so far, or 0 where
// the platform cannot tell. Benchmarks divide work by its difference to
// report throughput per CPU second, which a loaded machine does not skew.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
