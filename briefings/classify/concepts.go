package classify

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// noConcept marks a word of no concept.
const noConcept = -1

// lexicon finds the concept of a word (see concepts).
type lexicon struct {
	names    []string         // concept names by index
	whole    map[string]int16 // a folded word as written ("=сво")
	prefixes map[string]int16 // a folded prefix ("дрон*"); noConcept for "-"
	lens     []int            // the byte lengths of the prefixes, longest first
	stems    map[string]int16 // a stem, or two stems joined by a space
}

// newLexicon builds the lexicon of concepts; it fails on an entry that can
// never match (a prefix or whole word that is not one word) and on two
// concepts that claim one word, prefix or stem.
func newLexicon(concepts map[string][]string) (*lexicon, error) {
	l := &lexicon{whole: map[string]int16{}, prefixes: map[string]int16{}, stems: map[string]int16{}}
	for c := range concepts {
		if c != "-" {
			l.names = append(l.names, c)
		}
	}
	slices.Sort(l.names)
	var plain tokenizer // no lexicon: stems only
	lens := map[int]bool{}
	// add maps key to the concept idx, unless another concept has it.
	add := func(m map[string]int16, key string, idx int16, c, e string) error {
		if old, ok := m[key]; ok && old != idx {
			return fmt.Errorf("classify: concept %s: %q means %q, also in another concept", c, e, key)
		}
		m[key] = idx
		return nil
	}
	for c, entries := range concepts {
		idx := int16(slices.Index(l.names, c)) // -1 for "-"
		for _, e := range entries {
			var err error
			switch {
			case strings.HasPrefix(e, "="), strings.HasSuffix(e, "*"):
				w := foldWord(strings.TrimSuffix(strings.TrimPrefix(e, "="), "*"))
				if !isOneWord(w) {
					return nil, fmt.Errorf("classify: concept %s: %q is not one word", c, e)
				}
				if e[0] == '=' {
					err = add(l.whole, w, idx, c, e)
				} else {
					err = add(l.prefixes, w, idx, c, e)
					lens[len(w)] = true
				}
			default:
				st := plain.tokens(e)
				if len(st) == 0 || len(st) > 2 {
					return nil, fmt.Errorf("classify: concept %s: %q is not one or two words", c, e)
				}
				err = add(l.stems, strings.Join(st, " "), idx, c, e)
			}
			if err != nil {
				return nil, err
			}
		}
	}
	for n := range lens {
		l.lens = append(l.lens, n)
	}
	slices.Sort(l.lens)
	slices.Reverse(l.lens)
	return l, nil
}

// concept returns the concept of a word, given as folded (lower case,
// folded letters: see fold) and as its stem: a whole-word entry, else the
// longest prefix entry, else a stem entry.
func (l *lexicon) concept(folded, stem string) int16 {
	if c, ok := l.whole[folded]; ok {
		return c
	}
	for _, n := range l.lens {
		if n <= len(folded) {
			if c, ok := l.prefixes[folded[:n]]; ok {
				return c
			}
		}
	}
	if c, ok := l.stems[stem]; ok {
		return c
	}
	return noConcept
}

// pair returns the concept of two adjacent words by their stems.
func (l *lexicon) pair(a, b string) (int16, bool) {
	if len(a)+len(b)+1 > 64 {
		return 0, false
	}
	var buf [64]byte
	n := copy(buf[:], a)
	buf[n] = ' '
	n++
	n += copy(buf[n:], b)
	c, ok := l.stems[string(buf[:n])] // no allocation: a map lookup by a converted byte slice
	return c, ok
}

// foldWord lower-cases and folds s as the tokenizer does its words.
func foldWord(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '\'' || r == '’' || r == 'ʼ' {
			continue
		}
		b.WriteRune(fold(unicode.ToLower(r)))
	}
	return b.String()
}

func isOneWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return utf8.ValidString(w)
}
