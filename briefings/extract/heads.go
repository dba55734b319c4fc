package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A regional head is named once with his title and name ("начальник
// Хмельницької ОВА Сергій Тюрін", "the head of the Kyiv Regional
// Administration Ruslan Kravchenko") and further on by surname alone, in any
// case form ("за словами Тюріна", "Kravchenko added"). The surname then
// speaks for his region as the title did. Heads the reader knows by name
// without a title are in the officials table.

// headName is a regional head the text named with his title.
type headName struct {
	stem string // the surname, lower case, its case ending cut
	src  source
	home string
}

// learnHead remembers the surname that closes a run of capitalised words
// in a sentence where a regional head speaks for home.
func (r *reader) learnHead(toks []token, src source, home string) {
	if home == "" || !r.rs.on(ruleNamedHead) || len(r.heads) >= 4 {
		return
	}
	for i := 1; i < len(toks); i++ {
		if !nameWord(&toks[i]) || !nameWord(&toks[i-1]) || i+1 < len(toks) && nameWord(&toks[i+1]) {
			continue
		}
		if _, isRegion := regionAt(toks, i); isRegion || notSurname[toks[i].low] {
			continue
		}
		if st := surnameStem(toks[i].low); st != "" {
			r.heads = append(r.heads, headName{st, src, home})
			return
		}
	}
}

// knownHead is the head a sentence names by surname, if the text named him
// with his title before.
func (r *reader) knownHead(toks []token) headName {
	for i := range toks {
		if !nameWord(&toks[i]) {
			continue
		}
		for _, h := range r.heads {
			if strings.HasPrefix(toks[i].low, h.stem) && len(toks[i].low)-len(h.stem) <= 6 {
				return h
			}
		}
	}
	return headName{}
}

// homeOf is the region of the regional official a sentence names by
// surname: one the reader knows, or one the text named with his title.
func (r *reader) homeOf(toks []token) string {
	if h := officialHome(toks); h != "" {
		return h
	}
	return r.knownHead(toks).home
}

// nameWord: a word written with a capital and then small letters (a
// person's name; not an abbreviation such as "ОВА").
func nameWord(t *token) bool {
	if t.kind != kWord || utf8.RuneCountInString(t.s) < 3 {
		return false
	}
	first, n := utf8.DecodeRuneInString(t.s)
	rest := t.s[n:]
	return unicode.IsUpper(first) && strings.ToLower(rest) == rest
}

// notSurname are capitalised words of titles that close a run of them.
var notSurname = map[string]bool{
	"administration": true, "council": true, "command": true, "region": true, "oblast": true, "city": true,
	"adminstration": true, "military": true, "state": true, "regional": true, "telegram": true, "facebook": true,
}

// surnameStem cuts a Ukrainian case ending ("Тюріна", "Когутом") so the
// forms of one surname share their start; "" for a word too short to tell.
func surnameStem(lw string) string {
	st := strings.TrimRightFunc(lw, func(c rune) bool { return strings.ContainsRune("аеєиіїоуюяьй", c) })
	if utf8.RuneCountInString(st) < 4 {
		return ""
	}
	return st
}
