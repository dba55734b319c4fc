package chart

import (
	"sync"

	"github.com/sitrep/sitrep/briefings/history"
)

// Cache keeps rendered charts until the stored reports change: Get with the
// version of the reports a chart was drawn from returns it; any other
// version empties the cache (a new report arrived, so every window may have
// changed). Keys name the window and class, with its dates, so a new day is
// a new key. It holds at most Max charts (default 32); past that the oldest
// goes.
type Cache struct {
	Max int

	mu      sync.Mutex
	version string
	items   map[string]Picture
	order   []string
}

// Picture is a rendered chart, its caption and the series it plots.
type Picture struct {
	PNG     []byte
	Caption string
	Series  []history.Series
}

// Get returns the chart cached under key for version.
func (c *Cache) Get(key, version string) (Picture, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version {
		return Picture{}, false
	}
	p, ok := c.items[key]
	return p, ok
}

// Put caches p under key for version, dropping charts of other versions.
func (c *Cache) Put(key, version string, p Picture) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version || c.items == nil {
		c.version, c.items, c.order = version, map[string]Picture{}, nil
	}
	if _, ok := c.items[key]; !ok {
		c.order = append(c.order, key)
	}
	c.items[key] = p
	max := c.Max
	if max <= 0 {
		max = 32
	}
	for len(c.order) > max {
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
}
