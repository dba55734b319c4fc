package extract

import "strings"

// wordTable maps words to values: exact words first, then prefixes ("*"
// patterns) in declaration order, bucketed by their first two bytes so a
// lookup checks only a few candidates. Built once at init, read-only after.
type wordTable[V any] struct {
	exact  map[string]V
	prefix map[string][]prefixEntry[V]
	ef, pf wordFilter // may-contain filters for exact and prefix (bucket) keys
}

type prefixEntry[V any] struct {
	p string
	v V
}

func newWordTable[V any]() *wordTable[V] {
	return &wordTable[V]{exact: map[string]V{}, prefix: map[string][]prefixEntry[V]{}}
}

func bucketKey(s string) string {
	if len(s) > 2 {
		return s[:2]
	}
	return s
}

// add registers patterns for v; an earlier registration of the same exact
// word wins.
func (t *wordTable[V]) add(v V, pats ...string) {
	for _, p := range pats {
		if strings.HasSuffix(p, "*") {
			p = p[:len(p)-1]
			k := bucketKey(p)
			t.prefix[k] = append(t.prefix[k], prefixEntry[V]{p, v})
			t.pf.add(k)
			continue
		}
		if _, dup := t.exact[p]; !dup {
			t.exact[p] = v
			t.ef.add(p)
		}
	}
}

func (t *wordTable[V]) get(w string) (V, bool) {
	if t.ef.may(w) {
		if v, ok := t.exact[w]; ok {
			return v, true
		}
	}
	k := bucketKey(w)
	if !t.pf.may(k) {
		var zero V
		return zero, false
	}
	for _, e := range t.prefix[k] {
		if strings.HasPrefix(w, e.p) {
			return e.v, true
		}
	}
	var zero V
	return zero, false
}

// wordFilter is a may-contain filter over a set of strings: one bit per
// (hash of a few bytes, length). It has no false negatives, so a lookup it
// rejects is a miss; it lets the per-token lookups of the lexicons skip the
// map for most words. The zero value holds nothing.
type wordFilter [256]uint64

func filterSlot(s string) (int, uint64) {
	n := len(s)
	if n == 0 {
		return 0, 1
	}
	h := (uint(s[0])*7 + uint(s[n-1])*31 + uint(s[n/2])) & 255
	if n > 63 {
		n = 63
	}
	return int(h), 1 << uint(n)
}

func (f *wordFilter) add(s string) {
	i, b := filterSlot(s)
	f[i] |= b
}

// may reports whether s may be in the set; false means it is not.
func (f *wordFilter) may(s string) bool {
	i, b := filterSlot(s)
	return f[i]&b != 0
}

// wordsFilter returns a filter over the words given.
func wordsFilter(ws []string) *wordFilter {
	f := &wordFilter{}
	for _, w := range ws {
		f.add(w)
	}
	return f
}

// filterOf returns a filter over the keys of every map given.
func filterOf[V any](ms ...map[string]V) *wordFilter {
	f := &wordFilter{}
	for _, m := range ms {
		for k := range m {
			f.add(k)
		}
	}
	return f
}
