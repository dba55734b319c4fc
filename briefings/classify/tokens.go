package classify

import (
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings/text"
)

// Words are normalised before they become features, so that the inflected
// forms of one word (and, for Ukrainian and Russian, often the same word in
// both languages) meet:
//
//   - letters are lower-cased and the letters that mostly differ between
//     the Ukrainian and Russian spellings of one word are folded (і, ї, ы to
//     и; є, э, ё to е; ґ to г), apostrophes dropped ("обов'язок" is one
//     word): "санкції" and "санкции", "ракети" and "ракеты" meet;
//   - a number is the one token "#";
//   - a Latin word loses English inflections (text.Stem) and is cut to
//     latinStem bytes;
//   - a Cyrillic word loses one case or verb ending (cyrillicEndings) and is
//     cut to cyrillicStem letters: "дронів", "дрони" and "дронами" become
//     "дрон"; "переговори" and "переговоры" become "перего".
const (
	latinStem    = 7
	cyrillicStem = 6
)

// cyrillicEndings are stripped, longest first, when at least three letters
// remain: common noun, adjective and verb endings of both languages.
var cyrillicEndings = []string{
	// (written folded: и stands for і, ї and ы, е for є and э)
	"ами", "ями", "ови", "еви", "ого", "ому", "ими", "его", "ему", "ий", "ой",
	"ая", "яя", "ое", "ее", "ие", "их", "ив", "ов", "ев", "ах", "ях", "ам", "ям", "ом", "ем",
	"ою", "ею", "ей", "ть", "ли", "ла", "ло",
	"а", "я", "о", "е", "и", "у", "ю", "й", "ь",
}

// tokenizer splits text into normalised word stems and, with a lexicon,
// finds the concept of each word; its buffers are reused, and it remembers
// the stems and concepts of up to maxCache words it has seen.
type tokenizer struct {
	lex      *lexicon // nil: no concepts
	word     []rune
	raw      []byte
	stems    []string
	concepts []int16 // per stem: its word's concept, or noConcept
	cache    map[string]tokenInfo
}

type tokenInfo struct {
	stem    string
	concept int16
}

const maxCache = 1 << 15

// tokens sets t.stems and t.concepts to the stems of s and their words'
// concepts, and returns the stems.
func (t *tokenizer) tokens(s string) []string {
	t.stems = t.stems[:0]
	t.concepts = t.concepts[:0]
	t.word = t.word[:0]
	digits := false
	flush := func() {
		if len(t.word) == 0 {
			return
		}
		if digits {
			t.stems = append(t.stems, "#")
			t.concepts = append(t.concepts, noConcept)
		} else if ti := t.stem(); ti.stem != "" {
			t.stems = append(t.stems, ti.stem)
			t.concepts = append(t.concepts, ti.concept)
		}
		t.word = t.word[:0]
		digits = false
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsLetter(r):
			if digits {
				flush()
			}
			t.word = append(t.word, fold(unicode.ToLower(r)))
		case unicode.IsDigit(r):
			if len(t.word) > 0 && !digits {
				flush()
			}
			digits = true
			t.word = append(t.word, r)
		case (r == '\'' || r == '’' || r == 'ʼ') && len(t.word) > 0 && !digits:
			// an apostrophe inside a word: keep the word whole
		case (r == ',' || r == '.') && digits && i < len(s) && s[i] >= '0' && s[i] <= '9':
			// 1,750 and 2.5 stay one number
		default:
			flush()
		}
	}
	flush()
	return t.stems
}

// stem returns the stem of t.word and its concept, from the cache when it
// can.
func (t *tokenizer) stem() tokenInfo {
	t.raw = t.raw[:0]
	for _, r := range t.word {
		t.raw = utf8.AppendRune(t.raw, r)
	}
	if ti, ok := t.cache[string(t.raw)]; ok {
		return ti
	}
	raw := string(t.raw)
	ti := tokenInfo{stem: stem(t.word), concept: noConcept}
	if t.lex != nil {
		ti.concept = t.lex.concept(raw, ti.stem)
	}
	if t.cache == nil || len(t.cache) >= maxCache {
		t.cache = make(map[string]tokenInfo, 1024)
	}
	t.cache[raw] = ti
	return ti
}

// stem normalises one lower-case word (see the constants above).
func stem(w []rune) string {
	if len(w) == 0 {
		return ""
	}
	if w[0] < 0x80 {
		s := text.Stem(string(w))
		if len(s) > latinStem {
			s = s[:latinStem]
		}
		return s
	}
	if isCyrillic(w[0]) {
		s := string(w)
		for _, e := range cyrillicEndings {
			el := utf8.RuneCountInString(e)
			if len(w)-el >= 3 && hasSuffix(w, e) {
				w = w[:len(w)-el]
				s = string(w)
				break
			}
		}
		if len(w) > cyrillicStem {
			s = string(w[:cyrillicStem])
		}
		return s
	}
	return string(w)
}

// fold maps a lower-case letter to its cross-language form (see above).
func fold(r rune) rune {
	switch r {
	case 'і', 'ї', 'ы':
		return 'и'
	case 'є', 'э', 'ё':
		return 'е'
	case 'ґ':
		return 'г'
	}
	return r
}

func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x04FF }

func hasSuffix(w []rune, e string) bool {
	i := len(w)
	for j := len(e); j > 0; {
		r, n := utf8.DecodeLastRuneInString(e[:j])
		j -= n
		i--
		if i < 0 || w[i] != r {
			return false
		}
	}
	return true
}
