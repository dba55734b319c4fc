package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Paragraphs splits s at blank lines (lines holding only white space). Each
// paragraph is a trimmed substring of s; empty ones are dropped.
func Paragraphs(s string) []string {
	var out []string
	start := 0
	i := 0
	for i < len(s) {
		if s[i] != '\n' {
			i++
			continue
		}
		j := skipBlank(s, i+1)
		if j < len(s) && s[j] == '\n' {
			if t := strings.TrimSpace(s[start:i]); t != "" {
				out = append(out, t)
			}
			for j < len(s) && s[j] == '\n' {
				j = skipBlank(s, j+1)
			}
			start, i = j, j
			continue
		}
		i = j
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

// NextWord finds the first word in s at or after byte offset i. It returns
// the word as a substring of s (not lower-cased) and the offset just past it;
// w is "" when no word is left. A word is a run of letters and digits (with
// combining marks); an apostrophe between letters joins ("don't"), a period
// or comma between digits joins ("3.5", "1,000"). A trailing possessive "'s"
// is left out. NextWord does not allocate.
func NextWord(s string, i int) (w string, next int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		return "", len(s)
	}
	start := i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf && isASCIIAlnum(c) {
			i++
			continue
		}
		r, size := decode(s, i)
		if c >= utf8.RuneSelf && (isWordRune(r) || unicode.Is(unicode.Mn, r) || r == '\uFE0F') {
			i += size
			continue
		}
		if i+size < len(s) && (r == '\'' || r == '’' || r == 'ʼ' || r == '.' || r == ',') {
			prev, _ := utf8.DecodeLastRuneInString(s[start:i])
			nr, _ := decode(s, i+size)
			if r != '.' && r != ',' && unicode.IsLetter(prev) && unicode.IsLetter(nr) {
				i += size
				continue
			}
			if (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(nr) {
				i += size
				continue
			}
		}
		break
	}
	w = s[start:i]
	if n := len(w); n > 2 && (w[n-1] == 's' || w[n-1] == 'S') {
		for _, suf := range [...]string{"'s", "’s", "'S", "’S"} {
			if len(w) > len(suf) && strings.HasSuffix(w, suf) {
				w = w[:len(w)-len(suf)]
				break
			}
		}
	}
	return w, i
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// Words returns the lower-cased words of s (see NextWord).
func Words(s string) []string {
	var out []string
	for i := 0; ; {
		w, next := NextWord(s, i)
		if w == "" {
			return out
		}
		out = append(out, Lower(w))
		i = next
	}
}

// Lower returns w in lower case; it allocates only when w has upper-case
// letters.
func Lower(w string) string {
	if HasUpper(w) {
		return strings.ToLower(w)
	}
	return w
}

// HasUpper reports whether w has an upper- or title-case letter.
func HasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					return true
				}
			}
			return false
		}
		if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// AppendLower appends the lower-case form of w to dst; with a reused dst it
// does not allocate.
func AppendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

// IsNumeral reports whether w is written in digits ("84", "3.5", "1,000").
func IsNumeral(w string) bool {
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}
