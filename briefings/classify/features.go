package classify

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings"
)

// What the model reads of an article: its title, and the first maxText bytes
// of its teaser followed by its body (a feed's teaser, or a page's lead).
const maxText = 450

// Feature names, by prefix:
//
//	u:STEM        a word anywhere (title or text)
//	t:STEM        a word of the title
//	b:STEM STEM   two adjacent words (within the title, or within the text)
//	c:CONCEPT     a concept word anywhere (see concepts)
//	tc:CONCEPT    a concept word in the title
//	n:CONCEPT     a concept named by three words or more
//	x:CONCEPT+place  a concept word in an article that names Ukraine or Russia
//	x:ukraine+russia both named
//	k:none        no concept at all
//	k:place-only  Ukraine or Russia named, but no concept of the war
type featurizer struct {
	// words maps a normalised word, or two joined by a space, to its concept.
	words map[string]int
	names []string // concept names by index
	stop  map[string]bool
	// indexes of the place concepts
	ukraine, russia int
}

func newFeaturizer() *featurizer {
	f := &featurizer{words: map[string]int{}, stop: stopSet()}
	for c := range concepts {
		f.names = append(f.names, c)
	}
	slices.Sort(f.names)
	f.ukraine, f.russia = slices.Index(f.names, "ukraine"), slices.Index(f.names, "russia")
	var tk tokenizer
	for i, c := range f.names {
		for _, w := range concepts[c] {
			if st := tk.tokens(w); len(st) > 0 {
				f.words[strings.Join(st, " ")] = i
			}
		}
	}
	return f
}

// emitter receives each feature as the parts of its name (see name); a
// feature may come more than once.
type emitter func(prefix, a, b string)

// name joins the parts of a feature name.
func name(prefix, a, b string) string {
	switch {
	case b == "":
		return prefix + a
	case b[0] == '+':
		return prefix + a + b
	}
	return prefix + a + " " + b
}

// articleText returns the title and the text the model reads of a: the
// teaser, then the body (only the body when it starts with the teaser),
// clipped to maxText bytes.
func articleText(a *briefings.Article) (title, text string) {
	teaser, body := strings.TrimSpace(a.Teaser), strings.TrimSpace(a.Body)
	switch {
	case teaser == "" || strings.HasPrefix(body, teaser):
		text = body
	case body == "":
		text = teaser
	default:
		text = teaser + " " + body
	}
	return a.Title, clipUTF8(text, maxText)
}

func clipUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// features emits the features of an article; tk's buffers are reused.
func (f *featurizer) features(tk *tokenizer, title, body string, emit emitter) {
	var counts [16]int
	var inTitle [16]bool
	for part, s := range []string{title, body} {
		toks := tk.tokens(s)
		prev := ""
		for i, w := range toks {
			c, ok := f.words[w]
			if i+1 < len(toks) && f.words != nil {
				if c2, ok2 := f.pair(w, toks[i+1]); ok2 {
					c, ok = c2, true
				}
			}
			if ok {
				counts[c]++
				inTitle[c] = inTitle[c] || part == 0
			}
			if f.isStop(w) {
				continue
			}
			emit("u:", w, "")
			if part == 0 {
				emit("t:", w, "")
			}
			if prev != "" {
				emit("b:", prev, w)
			}
			prev = w
		}
	}
	place := counts[f.ukraine] > 0 || counts[f.russia] > 0
	topical := false // a concept of the war itself, not only a place
	for c, n := range counts[:len(f.names)] {
		if n == 0 {
			continue
		}
		topical = topical || (c != f.ukraine && c != f.russia)
		emit("c:", f.names[c], "")
		if inTitle[c] {
			emit("tc:", f.names[c], "")
		}
		if n >= 3 {
			emit("n:", f.names[c], "")
		}
		if place && c != f.ukraine && c != f.russia {
			emit("x:", f.names[c], "+place")
		}
	}
	if counts[f.ukraine] > 0 && counts[f.russia] > 0 {
		emit("x:", "ukraine", "+russia")
	}
	// What is absent says something too: most articles about other things
	// name no concept of the war at all, in whatever language.
	switch {
	case !topical && place:
		emit("k:", "place-only", "")
	case !topical:
		emit("k:", "none", "")
	}
}

// pair looks up the concept of two adjacent words.
func (f *featurizer) pair(a, b string) (int, bool) {
	if len(a)+len(b)+1 > 64 {
		return 0, false
	}
	var buf [64]byte
	n := copy(buf[:], a)
	buf[n] = ' '
	n++
	n += copy(buf[n:], b)
	c, ok := f.words[string(buf[:n])] // no allocation: a map lookup by a converted byte slice
	return c, ok
}

// hash is the 32-bit FNV-1a hash of a feature name.
func hash(s string) uint32 { return hashMore(2166136261, s) }

// hashParts is hash(name(prefix, a, b)) without building the name.
func hashParts(prefix, a, b string) uint32 {
	h := hashMore(hashMore(2166136261, prefix), a)
	if b != "" {
		if b[0] != '+' {
			h = hashMore(h, " ")
		}
		h = hashMore(h, b)
	}
	return h
}

func hashMore(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
