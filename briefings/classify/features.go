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
//	p:CONCEPT+CONCEPT two concepts of the war named in one article
//	k:none        no concept at all
//	k:place-only  Ukraine or Russia named, but no concept of the war
//	s:STEM, sc:CONCEPT  the publisher's section words (see meta.go)
type featurizer struct {
	lex  *lexicon
	stop map[string]bool
	// indexes of the place concepts, and which concepts are about the war
	ukraine, russia int
	air             int16           // the concept of drones, missiles and air defence
	ground          map[string]bool // the stems of groundWords
	war             []bool
	plus            []string // "+" and the concept's name
}

// otherConcepts are the concepts that are not of the war itself: of general
// news, of states and their money.
var otherConcepts = []string{"sport", "weather", "covid", "culture", "vote", "otherconf", "economy", "crime",
	"transport", "gov", "money", "west", "outage"}

func newFeaturizer() *featurizer {
	lex, err := newLexicon(concepts)
	if err != nil {
		panic(err) // the lexicon is a table of this package; TestLexicon checks it
	}
	f := &featurizer{lex: lex, stop: stopSet()}
	f.ukraine, f.russia = slices.Index(lex.names, "ukraine"), slices.Index(lex.names, "russia")
	f.air, f.ground = int16(slices.Index(lex.names, "air")), groundStems()
	f.war = make([]bool, len(lex.names))
	for i, c := range lex.names {
		f.plus = append(f.plus, "+"+c)
		f.war[i] = i != f.ukraine && i != f.russia && !slices.Contains(otherConcepts, c)
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

// maxConcepts bounds the number of concepts (see features).
const maxConcepts = 40

// features emits the features of an article; tk's buffers are reused.
func (f *featurizer) features(tk *tokenizer, title, body string, emit emitter) {
	var counts [maxConcepts]int
	var inTitle [maxConcepts]bool
	tk.lex = f.lex
	for part, s := range []string{title, body} {
		toks := tk.tokens(s)
		prev := ""
		for i, w := range toks {
			c := tk.concepts[i]
			if i+1 < len(toks) {
				if c2, ok := f.lex.pair(w, toks[i+1]); ok {
					c = c2
				}
			}
			if c >= 0 {
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
	f.conceptFeatures(&counts, &inTitle, emit)
}

// conceptFeatures emits the features of the concepts named in an article.
func (f *featurizer) conceptFeatures(counts *[maxConcepts]int, inTitle *[maxConcepts]bool, emit emitter) {
	names := f.lex.names
	place := counts[f.ukraine] > 0 || counts[f.russia] > 0
	topical := false // a concept of the war itself, not only a place
	for c, n := range counts[:len(names)] {
		if n == 0 {
			continue
		}
		topical = topical || f.war[c]
		emit("c:", names[c], "")
		if inTitle[c] {
			emit("tc:", names[c], "")
		}
		if n >= 3 {
			emit("n:", names[c], "")
		}
		if place && c != f.ukraine && c != f.russia {
			emit("x:", names[c], "+place")
		}
		if !f.war[c] {
			continue
		}
		for d := c + 1; d < len(names); d++ {
			if counts[d] > 0 && f.war[d] {
				emit("p:", names[c], f.plus[d])
			}
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
