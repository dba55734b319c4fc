package text

import (
	"strings"
	"unicode"
)

// Language checks an article's declared language (the feed's or page's
// tag, a channel's setting; "" when none) against its own text and returns
// the language to store. Publishers' tags are often wrong: a feed declares
// one language for every item while it carries two (Ukrainian outlets mix
// Ukrainian and Russian items), a scraper's copy declares English for
// Cyrillic text, a site's template says "ru" on its English edition. The
// text decides when it clearly says otherwise:
//   - Cyrillic text is Ukrainian when it has the letters only Ukrainian
//     writes (і ї є ґ) and not those only Russian writes (ы э ё ъ), Russian
//     for the reverse, and by the clear majority of the two when both
//     occur (a name or a quote in the other language); a tag of another
//     Cyrillic language (be, bg, ...) is kept; without either sign the tag
//     stays when it names a Cyrillic language, else the language is unknown;
//   - Latin text tagged with a Cyrillic language is English when English
//     function words run through it, else unknown; untagged Latin text with
//     them is English;
//   - short texts (under minLetters letters) and texts mixing the scripts
//     keep their tag.
//
// The tag is returned as its language part ("en-GB" as "en"). sample is the title and the start of the text; only its first
// maxLangSample bytes are read.
func Language(declared, sample string) string {
	declared = strings.ToLower(strings.TrimSpace(declared))
	if i := strings.IndexAny(declared, "-_"); i > 0 {
		declared = declared[:i] // "en-GB", "uk_UA": the language
	}
	if len(sample) > maxLangSample {
		sample = sample[:maxLangSample]
	}
	c := countScripts(sample)
	switch {
	case c.letters() < minLetters:
		return declared
	case c.cyr > 2*c.lat:
		return cyrillicLanguage(declared, c)
	case c.lat > 2*c.cyr:
		return latinLanguage(declared, sample)
	}
	return declared
}

const (
	maxLangSample = 1000
	minLetters    = 20
)

// cyrillicTags are the languages written in Cyrillic that a tag may name.
var cyrillicTags = map[string]bool{"uk": true, "ru": true, "be": true, "bg": true, "sr": true, "mk": true, "kk": true, "ky": true, "tg": true, "mn": true}

type scripts struct{ cyr, lat, ukOnly, ruOnly int }

func (c scripts) letters() int { return c.cyr + c.lat }

func countScripts(s string) scripts {
	var c scripts
	for _, r := range s {
		switch {
		case r < 0x80:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				c.lat++
			}
		case r >= 0x400 && r <= 0x52f: // Cyrillic and its supplement
			c.cyr++
			switch r {
			case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
				c.ukOnly++
			case 'ы', 'э', 'ё', 'ъ', 'Ы', 'Э', 'Ё', 'Ъ':
				c.ruOnly++
			}
		case r >= 0xc0 && r <= 0x24f && r != 0xd7 && r != 0xf7: // Latin letters with marks
			c.lat++
		}
	}
	return c
}

func cyrillicLanguage(declared string, c scripts) string {
	if cyrillicTags[declared] && declared != "uk" && declared != "ru" {
		return declared
	}
	switch {
	case c.ukOnly > 0 && c.ukOnly >= 3*c.ruOnly:
		return "uk"
	case c.ruOnly > 0 && c.ruOnly >= 3*c.ukOnly:
		return "ru"
	case c.ukOnly > 0 || c.ruOnly > 0:
		if declared == "uk" || declared == "ru" {
			return declared // both signs, neither clearly ahead: the tag decides
		}
		if c.ukOnly > c.ruOnly {
			return "uk"
		}
		return "ru"
	case cyrillicTags[declared]:
		return declared
	}
	return ""
}

// isEnglishWord: the function words English news prose runs on; together
// they make one word in five or so of it. A few are words of other
// Latin-script languages too (in, to, on), but those languages' prose does
// not reach one in ten with them.
func isEnglishWord(w string) bool {
	switch w {
	case "the", "and", "of", "to", "in", "is", "was", "with", "that", "for", "on":
		return true
	}
	return false
}

// englishShare counts the words of s (runs of letters) and those of them
// that are English function words, without allocating.
func englishShare(s string) (words, eng int) {
	var buf [4]byte
	n, in := 0, false // n: letters of the current word; buf holds its first four, lower-cased
	end := func() {
		if in {
			words++
			if n <= len(buf) && isEnglishWord(string(buf[:n])) {
				eng++
			}
		}
		n, in = 0, false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			end()
			continue
		}
		in = true
		if n < len(buf) {
			if r >= 0x80 {
				r = '_' // no English function word has it
			}
			buf[n] = byte(r) | 0x20
		}
		n++
	}
	end()
	return words, eng
}

func latinLanguage(declared, sample string) string {
	if declared != "" && !cyrillicTags[declared] {
		return declared
	}
	words, eng := englishShare(sample)
	if words > 0 && eng*10 >= words {
		return "en"
	}
	return ""
}
