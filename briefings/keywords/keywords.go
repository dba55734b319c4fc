// Package keywords is a chat's keyword filter: words to include and words
// to exclude, matched on the words of a text, never as patterns (a user's
// regular expression could cost the bot unbounded time).
//
// Matching is case-insensitive and, for words in Cyrillic, tolerant of
// inflection: a keyword's stem is the keyword without its final vowel or
// soft sign (Одеса → одес), and a text word matches when it starts with the
// stem and adds at most three letters (Одесі, Одесу, Одесою). The vowel of
// a closed last syllable alternates in Ukrainian (Харків → Харкова, Київ →
// Києва), so і and ї there also match о, е and є. Latin keywords match the
// word itself or with an English plural or possessive ending (drone,
// drones, Kyiv's). Multi-word names are given as one keyword per word;
// each must match some word of the text.
package keywords

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Filter is a chat's keywords. The zero Filter lets everything through.
type Filter struct {
	Include []string // an item passes only if it names one of these (none: all pass)
	Exclude []string // an item naming any of these is left out
}

// Empty reports whether the filter lets everything through.
func (f Filter) Empty() bool { return len(f.Include) == 0 && len(f.Exclude) == 0 }

// Allows reports whether an item whose texts are texts passes the filter.
func (f Filter) Allows(texts ...string) bool {
	if f.Empty() {
		return true
	}
	words := Words(strings.Join(texts, " "))
	for _, k := range f.Exclude {
		if matchAny(k, words) {
			return false
		}
	}
	if len(f.Include) == 0 {
		return true
	}
	for _, k := range f.Include {
		if matchAny(k, words) {
			return true
		}
	}
	return false
}

// Words returns the lower-cased words of s: runs of letters and digits,
// apostrophes inside a word kept as one (’ and ʼ read as ').
func Words(s string) []string {
	s = strings.NewReplacer("’", "'", "ʼ", "'", "`", "'").Replace(s)
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

func matchAny(keyword string, words []string) bool {
	for _, w := range words {
		if Match(keyword, w) {
			return true
		}
	}
	return false
}

// Match reports whether keyword matches the (lower-cased) text word w.
func Match(keyword, w string) bool {
	k := strings.ToLower(strings.Trim(keyword, "'"))
	w = strings.Trim(w, "'")
	if k == "" || w == "" {
		return false
	}
	if k == w {
		return true
	}
	if !isCyrillic(k) {
		for _, end := range []string{"s", "es", "'s"} {
			if w == k+end {
				return true
			}
		}
		return false
	}
	for _, stem := range stems(k) {
		if strings.HasPrefix(w, stem) && utf8.RuneCountInString(w)-utf8.RuneCountInString(stem) <= 3 {
			return true
		}
	}
	return false
}

// minStem is the shortest stem: shorter ones would match unrelated words.
const minStem = 3

// stems are the forms a Cyrillic keyword's inflected words start with.
func stems(k string) []string {
	r := []rune(k)
	if n := len(r); n > minStem && strings.ContainsRune("аяоеєиіїуюйь", r[n-1]) {
		r = r[:n-1]
	}
	out := []string{string(r)}
	// A closed last syllable's і or ї alternates (Харків/Харкова, Київ/Києва).
	n := len(r)
	if n >= minStem+1 && !isVowel(r[n-1]) && (r[n-2] == 'і' || r[n-2] == 'ї') {
		for _, v := range []rune{'о', 'е', 'є'} {
			alt := append(append([]rune{}, r[:n-2]...), v, r[n-1])
			out = append(out, string(alt))
		}
	}
	return out
}

func isVowel(r rune) bool { return strings.ContainsRune("аяоеєиіїуюыэё", r) }

func isCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}
