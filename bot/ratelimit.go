package bot

import (
	"sync"
	"time"
)

// userLimiter is a token bucket per user with bounded memory.
type userLimiter struct {
	mu      sync.Mutex
	perMin  float64
	burst   float64
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newUserLimiter(perMin, burst int) *userLimiter {
	return &userLimiter{perMin: float64(perMin), burst: float64(burst), buckets: map[string]*bucket{}}
}

func (l *userLimiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) > 10000 {
			// Drop buckets that have refilled completely: they carry no state.
			for k, v := range l.buckets {
				if now.Sub(v.last).Minutes()*l.perMin >= l.burst {
					delete(l.buckets, k)
				}
			}
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Minutes()*l.perMin)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
