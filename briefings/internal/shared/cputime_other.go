//go:build !unix

package shared

import "time"

// CPUTime is 0: this platform does not report process CPU time here.
func CPUTime() time.Duration { return 0 }
