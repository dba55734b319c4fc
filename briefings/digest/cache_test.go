package digest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// eventually polls cond every few milliseconds until it holds, for at most
// a minute.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestDigestCache checks the chat digest cache with a fake clock: fresh
// hits, a stale digest served while one background rebuild runs, one shared
// build for concurrent misses, failures not cached, and a bounded map.
func TestDigestCache(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	builds := make(chan struct{}, 100)
	release := make(chan struct{}, 1000) // one token lets one build finish
	allow := func(n int) {
		for range n {
			release <- struct{}{}
		}
	}
	var fail error
	build := func(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error) {
		builds <- struct{}{}
		<-release
		mu.Lock()
		defer mu.Unlock()
		if fail != nil {
			return nil, fail
		}
		return &briefings.Digest{Since: since, Until: until}, nil
	}
	c := NewCache(build, clock, nil)
	ctx := context.Background()
	get := func(period time.Duration) (*briefings.Digest, error) {
		n := clock()
		return c.Get(ctx, n.Add(-period), n, nil)
	}

	// Concurrent misses: one build, shared.
	type res struct {
		d   *briefings.Digest
		err error
	}
	out := make(chan res, 3)
	for range 3 {
		go func() { d, err := get(24 * time.Hour); out <- res{d, err} }()
	}
	<-builds
	allow(1)
	var first *briefings.Digest
	for range 3 {
		r := <-out
		if r.err != nil || r.d == nil {
			t.Fatalf("get: %+v", r)
		}
		if first == nil {
			first = r.d
		} else if r.d != first {
			t.Errorf("concurrent misses built separate digests")
		}
	}
	if n := len(builds); n != 0 {
		t.Fatalf("%d extra builds for concurrent misses", n)
	}

	// Fresh: served from the cache.
	advance(cacheFresh / 2)
	if d, _ := get(24 * time.Hour); d != first || len(builds) != 0 {
		t.Fatalf("fresh digest rebuilt")
	}
	// Another window is another entry.
	allow(1)
	if d, _ := get(7 * 24 * time.Hour); d == first {
		t.Fatalf("7d served the 24h digest")
	}
	<-builds

	// Stale: the old digest at once, one rebuild in the background.
	advance(cacheFresh)
	if d, _ := get(24 * time.Hour); d != first {
		t.Fatalf("stale digest not served while rebuilding")
	}
	<-builds
	if d, _ := get(24 * time.Hour); d != first {
		t.Fatalf("stale digest not served during the rebuild")
	}
	allow(1)
	eventually(t, "the background rebuild", func() bool {
		d, _ := get(24 * time.Hour)
		return d != first
	})
	if n := len(builds); n != 0 {
		t.Fatalf("%d extra rebuilds", n)
	}

	// Too old: rebuilt before answering; a failure is returned, not cached.
	advance(cacheStale)
	mu.Lock()
	fail = errors.New("store down")
	mu.Unlock()
	allow(1)
	if _, err := get(24 * time.Hour); err == nil {
		t.Fatalf("failed build not reported")
	}
	<-builds
	mu.Lock()
	fail = nil
	mu.Unlock()
	allow(1)
	if d, err := get(24 * time.Hour); err != nil || d == nil {
		t.Fatalf("after a failure: %v", err)
	}
	<-builds

	// Bounded: odd windows do not grow the map without limit.
	allow(3 * cacheMax)
	for i := range 3 * cacheMax {
		if _, err := get(time.Hour + time.Duration(i)*time.Minute); err != nil {
			t.Fatal(err)
		}
		<-builds
	}
	c.mu.Lock()
	n := len(c.entries)
	c.mu.Unlock()
	if n > cacheMax {
		t.Fatalf("%d cache entries, max %d", n, cacheMax)
	}
}
