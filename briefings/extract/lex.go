package extract

import "strings"

// wordTable maps words to values: exact words first, then prefixes ("*"
// patterns) in declaration order, bucketed by their first two bytes so a
// lookup checks only a few candidates. Built once at init, read-only after.
type wordTable[V any] struct {
	exact  map[string]V
	prefix map[string][]prefixEntry[V]
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
			continue
		}
		if _, dup := t.exact[p]; !dup {
			t.exact[p] = v
		}
	}
}

func (t *wordTable[V]) get(w string) (V, bool) {
	if v, ok := t.exact[w]; ok {
		return v, true
	}
	for _, e := range t.prefix[bucketKey(w)] {
		if strings.HasPrefix(w, e.p) {
			return e.v, true
		}
	}
	var zero V
	return zero, false
}
