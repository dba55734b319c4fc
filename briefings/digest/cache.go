package digest

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// BuildFunc builds the digest of [since, until) for topics (none: every
// section).
type BuildFunc func(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error)

// Cache timing: a cached digest is served as is for cacheFresh; until
// cacheStale it is still served while one rebuild runs in the background;
// older ones are rebuilt before answering.
const (
	cacheFresh = time.Minute
	cacheStale = 15 * time.Minute
	// cacheRebuildTimeout bounds a background rebuild.
	cacheRebuildTimeout = time.Minute
	// cacheMax bounds the number of cached windows.
	cacheMax = 64
)

// Cache serves chat digests ("the last 24 hours") from recent builds:
// building one over thousands of stored articles takes hundreds of
// milliseconds, far over a chat command's budget. Digests are keyed by
// window length and topics, fresh for a minute (feeds refresh every few
// minutes at most), then refreshed in the background while the previous
// build is still served. Concurrent misses of one key share one build. It
// is safe for concurrent use.
type Cache struct {
	now   func() time.Time
	build BuildFunc
	log   *slog.Logger

	mu      sync.Mutex
	entries map[string]*cacheEntry
}

type cacheEntry struct {
	d       *briefings.Digest
	builtAt time.Time
	// building is closed when the running build ends (nil when none runs).
	building chan struct{}
	err      error
}

// NewCache returns a cache over build; now is its clock, log (nil: none)
// hears of failed background rebuilds.
func NewCache(build BuildFunc, now func() time.Time, log *slog.Logger) *Cache {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Cache{now: now, build: build, log: log, entries: map[string]*cacheEntry{}}
}

// Get returns the digest of [since, until) for topics: a cached one of the
// same window length when recent enough. The digest is shared: callers
// must not modify it.
func (c *Cache) Get(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error) {
	key := until.Sub(since).String() + "\x00" + strings.Join(briefings.TopicStrings(topics), ",")
	for {
		c.mu.Lock()
		e := c.entry(key)
		now := c.now()
		age := now.Sub(e.builtAt)
		switch {
		case e.d != nil && age < cacheFresh:
			d := e.d
			c.mu.Unlock()
			return d, nil
		case e.d != nil && age < cacheStale:
			d := e.d
			if e.building == nil {
				e.building = make(chan struct{})
				go c.rebuild(key, e, until.Sub(since), topics)
			}
			c.mu.Unlock()
			return d, nil
		case e.building != nil:
			wait := e.building
			c.mu.Unlock()
			if err := c.wait(ctx, e, wait); err != nil {
				return nil, err
			}
		default:
			e.building = make(chan struct{})
			c.mu.Unlock()
			return c.buildInto(ctx, e, since, until, topics, now)
		}
	}
}

// entry returns key's entry, creating it; c.mu is held. Odd periods
// ("/digest 13h") make keys of their own: at cacheMax entries the idle ones
// are forgotten rather than the map growing without bound.
func (c *Cache) entry(key string) *cacheEntry {
	e := c.entries[key]
	if e != nil {
		return e
	}
	if len(c.entries) >= cacheMax {
		for k, old := range c.entries {
			if old.building == nil {
				delete(c.entries, k)
			}
		}
	}
	e = &cacheEntry{}
	c.entries[key] = e
	return e
}

// wait waits for e's running build (done closes when it ends) and returns
// its error when it failed and left nothing fresh; nil means look again
// (also when the builder's own request gave up: then this one builds).
func (c *Cache) wait(ctx context.Context, e *cacheEntry, done chan struct{}) error {
	select {
	case <-done:
	case <-ctx.Done():
		return ctx.Err()
	}
	c.mu.Lock()
	err := e.err
	fresh := e.d != nil && c.now().Sub(e.builtAt) < cacheFresh
	c.mu.Unlock()
	if err == nil || fresh || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return nil
	}
	return err
}

// buildInto builds a digest and records it in e, also when the build
// panics (a chat router recovers; the waiters must still wake).
func (c *Cache) buildInto(ctx context.Context, e *cacheEntry, since, until time.Time, topics []briefings.Topic, now time.Time) (d *briefings.Digest, err error) {
	err = errors.New("digest: cache: build panicked")
	defer func() { c.finish(e, d, now, err) }()
	return c.build(ctx, since, until, topics)
}

// rebuild refreshes a stale entry in the background.
func (c *Cache) rebuild(key string, e *cacheEntry, window time.Duration, topics []briefings.Topic) {
	defer func() {
		if p := recover(); p != nil {
			c.log.Error("digest: cache: rebuild panicked", slog.String("key", key), slog.Any("panic", p))
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), cacheRebuildTimeout)
	defer cancel()
	now := c.now()
	if _, err := c.buildInto(ctx, e, now.Add(-window), now, topics, now); err != nil {
		c.log.Warn("digest: cache: rebuild failed", slog.String("key", key), slog.Any("error", err))
	}
}

// finish records a build's result (a failed build keeps the previous
// digest) and wakes its waiters.
func (c *Cache) finish(e *cacheEntry, d *briefings.Digest, builtAt time.Time, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e.err = err
	if err == nil {
		e.d, e.builtAt = d, builtAt
	}
	close(e.building)
	e.building = nil
}
