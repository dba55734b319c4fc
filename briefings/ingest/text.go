package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// cleanLine is NFC text with control characters removed and runs of white
// space collapsed to one space.
func cleanLine(s string) string {
	if isCleanASCII(s) {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			continue
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isCleanASCII: printable ASCII with single inner spaces, which cleanLine
// would return unchanged.
func isCleanASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x7f || c < 0x20 || (c == ' ' && s[i-1] == ' ') {
			return false
		}
	}
	return true
}

// normalizeBody returns text as paragraphs separated by one blank line, each
// paragraph on one line. Lines inside a paragraph are joined; when the text
// has no blank line between two lines of text, each line is its own
// paragraph.
func normalizeBody(s string) string {
	if isNormalASCII(s) {
		return s // already normalized (a body parsed before)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	// Blank lines before the first line of text and after the last (a
	// file's final newline) separate no paragraphs.
	lines := strings.Split(strings.TrimSpace(s), "\n")
	blank := false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			blank = true
			break
		}
	}
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			if p := cleanLine(strings.Join(cur, " ")); p != "" {
				paras = append(paras, p)
			}
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		cur = append(cur, l)
		if !blank {
			flush()
		}
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// isNormalASCII: paragraphs of clean ASCII (isCleanASCII) separated by one
// blank line, which normalizeBody would return unchanged.
func isNormalASCII(s string) bool {
	for {
		p, rest, more := strings.Cut(s, "\n\n")
		if !isCleanASCII(p) || p == "" {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// htmlToText renders an HTML fragment or document as plain text paragraphs.
func htmlToText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return normalizeBody(s)
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return normalizeBody(s)
	}
	dropNodes(doc)
	return normalizeBody(render.InnerText(doc))
}

// dropNodes removes elements whose text is never article text.
func dropNodes(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			switch c.Data {
			case "script", "style", "noscript", "iframe", "svg", "template", "head", "nav", "form", "button":
				n.RemoveChild(c)
				c = next
				continue
			}
		}
		dropNodes(c)
		c = next
	}
}

// truncateText cuts s to at most max runes at a word boundary, adding "…".
func truncateText(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	cut := 0
	n := 0
	for i := range s {
		if n == max {
			cut = i
			break
		}
		n++
	}
	t := s[:cut]
	if i := strings.LastIndexAny(t, " \n"); i > len(t)/2 {
		t = t[:i]
	}
	return strings.TrimRight(t, " ,;:-–—") + "…"
}

// dateline matches a news dateline: "KYIV, Ukraine — (AP) — ",
// "KYIV, Ukraine (AP) — ", "LONDON (Reuters) - ".
var dateline = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'-]{1,40}(?:, [\p{L} .'-]{1,40})?\s*(?:[—–-]\s*)?(?:\([\p{L} .&'-]{1,40}\)\s*)?[—–-]\s+`)

// firstSentence is the title fallback: the first sentence or line of body,
// at most 120 runes.
func firstSentence(body string) string {
	p := body
	if i := strings.Index(p, "\n"); i >= 0 {
		p = p[:i]
	}
	p = strings.TrimSpace(p)
	if m := dateline.FindStringIndex(p); m != nil && m[1] < len(p) {
		p = p[m[1]:]
	}
	// A sentence ends at ". ", "! " or "? " followed by an upper-case letter
	// or a quote, after at least four words; abbreviations before that are
	// skipped by the word count.
	words := 0
	for i, r := range p {
		if r == ' ' {
			words++
		}
		if (r == '.' || r == '!' || r == '?') && words >= 4 && i+2 < len(p) && p[i+1] == ' ' {
			next, _ := utf8.DecodeRuneInString(p[i+2:])
			prev, _ := utf8.DecodeLastRuneInString(p[:i])
			if (unicode.IsUpper(next) || next == '"' || next == '“') && unicode.IsLower(prev) {
				p = p[:i+1]
				break
			}
		}
	}
	return truncateText(p, 120)
}

// contentHash is the dedupe hash of an article: the normalized body, or the
// title and teaser when there is no body.
func contentHash(title, teaser, body string) string {
	h := sha256.New()
	if body != "" {
		writeLower(h, body)
	} else {
		writeLower(h, title)
		h.Write([]byte{0})
		writeLower(h, teaser)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writeLower writes strings.ToLower(s) to w; ASCII text goes through a small
// buffer instead of two copies of the whole text.
func writeLower(w io.Writer, s string) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			w.Write([]byte(strings.ToLower(s)))
			return
		}
	}
	var buf [1024]byte
	for len(s) > 0 {
		n := copy(buf[:], s)
		for i, c := range buf[:n] {
			if 'A' <= c && c <= 'Z' {
				buf[i] = c + 'a' - 'A'
			}
		}
		w.Write(buf[:n])
		s = s[n:]
	}
}

// looksBinary reports data that is not text: NUL bytes, or more than 10% of
// invalid UTF-8 / control bytes in the first 8 KB.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if (r == utf8.RuneError && size == 1) || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') {
			bad++
		}
		i += size
	}
	return bad*10 > len(head)
}
