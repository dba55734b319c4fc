// Package render turns a platform-neutral bot.Reply into the text a platform
// sends: plain text for the console, CommonMark for the CLI, Telegram's HTML
// parse mode, and Discord markdown. All reply text is raw; every renderer
// escapes it, so article text can never inject markup, break a message or
// ping a crowd. Chunks splits a long reply into messages within the limit the
// platform's adapter gives (each adapter owns its platform's limits), each
// part valid on its own.
//
// Buttons are not rendered: adapters show them natively (inline keyboards,
// Discord components).
package render

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/bot"
)

// Format is an output format.
type Format int

// Formats.
const (
	FormatText Format = iota
	FormatMarkdown
	FormatHTML
	FormatDiscord
)

var formatNames = []string{"text", "markdown", "html", "discord"}

func (f Format) String() string {
	if int(f) >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ParseFormat parses "text", "markdown" (or "md"), "html" or "discord".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "plain", "":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "html":
		return FormatHTML, nil
	case "discord":
		return FormatDiscord, nil
	}
	return 0, fmt.Errorf("render: unknown format %q: use text, markdown, html or discord", s)
}

// Text renders r as plain text for the console: link URLs follow their text
// in parentheses.
func Text(r *bot.Reply) string { return Render(r, FormatText) }

// Markdown renders r as CommonMark with all reply text escaped.
func Markdown(r *bot.Reply) string { return Render(r, FormatMarkdown) }

// HTML renders r in Telegram's HTML parse mode: only <b>, <i>, <code> and
// <a href>, with &, <, > and " escaped everywhere.
func HTML(r *bot.Reply) string { return Render(r, FormatHTML) }

// Discord renders r as Discord markdown: markdown characters in reply text
// are backslash-escaped and every @ is followed by a zero-width space, so
// no mention can form. Links are [text](<url>), which suppresses the embed,
// when r.NoPreview is set.
func Discord(r *bot.Reply) string { return Render(r, FormatDiscord) }

// Render renders r in format f.
func Render(r *bot.Reply, f Format) string {
	if r == nil {
		return ""
	}
	rd := newRenderer(f, r.NoPreview)
	return rd.render(flatten(r), false)
}

// Len counts s in UTF-16 code units, as Telegram counts message length; it is
// never less than the number of code points, so it is safe for Discord too.
func Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

type lineKind int

const (
	kindBody lineKind = iota
	kindTitle
	kindHeading
)

type sepKind int

const (
	sepNone sepKind = iota // continues the previous atom's line
	sepLine
	sepPara
)

// atom is a line of the reply, or a piece of one after splitting.
type atom struct {
	kind  lineKind
	sep   sepKind // separator before the atom; ignored at the start of a message
	spans []bot.Span
	// cont is the heading a message that starts at this atom repeats (its
	// paragraph's Continued); seeded marks such a repeated heading.
	cont   string
	seeded bool
}

// flatten turns r into whole-line atoms with sanitized text.
func flatten(r *bot.Reply) []atom {
	var out []atom
	if t := sanitize(r.Title); strings.TrimSpace(t) != "" {
		out = append(out, atom{kind: kindTitle, sep: sepPara, spans: []bot.Span{{Text: t}}})
	}
	for _, p := range r.Paragraphs {
		sep := sepPara
		cont := strings.TrimSpace(sanitize(p.Continued))
		if h := sanitize(p.Heading); strings.TrimSpace(h) != "" {
			out = append(out, atom{kind: kindHeading, sep: sep, spans: []bot.Span{{Text: h}}, cont: cont})
			sep = sepLine
		}
		for _, l := range p.Lines {
			spans := make([]bot.Span, 0, len(l))
			for _, s := range l {
				s.Text = sanitize(s.Text)
				if s.Text != "" {
					spans = append(spans, s)
				}
			}
			out = append(out, atom{kind: kindBody, sep: sep, spans: spans, cont: cont})
			sep = sepLine
		}
	}
	return out
}

// sanitize makes text single-line, valid UTF-8, without control or bidi
// override characters.
func sanitize(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	clean := true
	for _, r := range s {
		if badRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case badRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func badRune(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0x2028 || r == 0x2029 ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0xfeff
}

// safeURL returns u when it is an absolute http, https, tg or mailto URL.
func safeURL(u string) (string, bool) {
	u = strings.TrimSpace(u)
	if u == "" || strings.ContainsAny(u, " \t\r\n") || !utf8.ValidString(u) {
		return "", false
	}
	p, err := url.Parse(u)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		if p.Host == "" {
			return "", false
		}
	case "tg", "mailto":
	default:
		return "", false
	}
	return u, true
}

// renderer holds one format's rules.
type renderer struct {
	f         Format
	noPreview bool
	lineSep   string
	paraSep   string
}

func newRenderer(f Format, noPreview bool) *renderer {
	rd := &renderer{f: f, noPreview: noPreview, lineSep: "\n", paraSep: "\n\n"}
	if f == FormatMarkdown {
		rd.lineSep = "  \n" // CommonMark hard line break
	}
	return rd
}

// render renders atoms as one message. raw skips the trimming of line ends
// (used to measure a piece as an upper bound of its cost in context).
func (rd *renderer) render(atoms []atom, raw bool) string {
	var b strings.Builder
	for i := 0; i < len(atoms); {
		j := i + 1
		for j < len(atoms) && atoms[j].sep == sepNone {
			j++
		}
		if i > 0 {
			if atoms[i].sep == sepPara && !atoms[i-1].seeded { // a repeated heading is followed by its line
				b.WriteString(rd.paraSep)
			} else {
				b.WriteString(rd.lineSep)
			}
		}
		rd.line(&b, atoms[i].kind, atoms[i:j], raw)
		i = j
	}
	return b.String()
}

func sameStyle(a, b bot.Span) bool {
	return a.URL == b.URL && a.Bold == b.Bold && a.Italic == b.Italic && a.Code == b.Code
}

// line renders one line made of the atoms' spans.
func (rd *renderer) line(b *strings.Builder, kind lineKind, atoms []atom, raw bool) {
	// Merge runs of one style (pieces of a split span join again).
	var spans []bot.Span
	var run strings.Builder
	var style bot.Span
	started := false
	for _, a := range atoms {
		for _, s := range a.spans {
			if kind != kindBody {
				s = bot.Span{Text: s.Text}
			}
			if started && sameStyle(style, s) {
				run.WriteString(s.Text)
				continue
			}
			if started {
				style.Text = run.String()
				spans = append(spans, style)
				run.Reset()
			}
			style, started = s, true
			run.WriteString(s.Text)
		}
	}
	if started {
		style.Text = run.String()
		spans = append(spans, style)
	}
	if !raw {
		for len(spans) > 0 {
			spans[0].Text = strings.TrimLeftFunc(spans[0].Text, unicode.IsSpace)
			if spans[0].Text != "" {
				break
			}
			spans = spans[1:]
		}
		for len(spans) > 0 {
			n := len(spans) - 1
			spans[n].Text = strings.TrimRightFunc(spans[n].Text, unicode.IsSpace)
			if spans[n].Text != "" {
				break
			}
			spans = spans[:n]
		}
	}
	if kind != kindBody {
		text := ""
		if len(spans) > 0 {
			text = spans[0].Text
		}
		rd.heading(b, kind, text)
		return
	}
	for i, s := range spans {
		rd.span(b, s, i == 0)
	}
}

func (rd *renderer) heading(b *strings.Builder, kind lineKind, text string) {
	switch rd.f {
	case FormatText:
		b.WriteString(text)
	case FormatMarkdown:
		if kind == kindTitle {
			b.WriteString("# ")
		} else {
			b.WriteString("## ")
		}
		b.WriteString(escapeMarkdown(text, false))
	case FormatHTML:
		wrap(b, text, "<b>", "</b>", escapeHTML)
	case FormatDiscord:
		wrap(b, text, "**", "**", func(s string) string { return escapeDiscord(s, true) })
	}
}

// wrap writes open+esc(core)+close with the text's outer spaces outside the
// markers (markdown emphasis must not touch a space on its inner side).
func wrap(b *strings.Builder, text, open, close string, esc func(string) string) {
	core := strings.TrimLeftFunc(text, unicode.IsSpace)
	lead := text[:len(text)-len(core)]
	trimmed := strings.TrimRightFunc(core, unicode.IsSpace)
	trail := core[len(trimmed):]
	b.WriteString(lead)
	if trimmed != "" {
		b.WriteString(open)
		b.WriteString(esc(trimmed))
		b.WriteString(close)
	}
	b.WriteString(trail)
}

func (rd *renderer) span(b *strings.Builder, s bot.Span, lineStart bool) {
	u, link := safeURL(s.URL)
	switch rd.f {
	case FormatText:
		b.WriteString(s.Text)
		if link && strings.TrimSpace(s.Text) != u {
			if strings.TrimSpace(s.Text) != "" {
				b.WriteString(" (")
				b.WriteString(u)
				b.WriteString(")")
			} else {
				b.WriteString(u)
			}
		}
	case FormatHTML:
		open, close := "", ""
		if s.Bold {
			open, close = open+"<b>", "</b>"+close
		}
		if s.Italic {
			open, close = open+"<i>", "</i>"+close
		}
		switch {
		case link:
			text := s.Text
			if strings.TrimSpace(text) == "" {
				text = u
			}
			open += `<a href="` + escapeHTML(u) + `">`
			close = "</a>" + close
			wrap(b, text, open, close, escapeHTML)
		case s.Code:
			wrap(b, s.Text, "<code>", "</code>", escapeHTML)
		default:
			if open == "" {
				b.WriteString(escapeHTML(s.Text))
			} else {
				wrap(b, s.Text, open, close, escapeHTML)
			}
		}
	case FormatMarkdown, FormatDiscord:
		esc := func(t string) string { return escapeMarkdown(t, lineStart) }
		if rd.f == FormatDiscord {
			esc = func(t string) string { return escapeDiscord(t, lineStart) }
		}
		marker := ""
		if s.Bold {
			marker += "**"
		}
		if s.Italic {
			marker += "*"
		}
		switch {
		case link:
			if strings.TrimSpace(s.Text) == "" {
				b.WriteString(s.Text)
				b.WriteString("<" + linkDest(u) + ">")
				return
			}
			dest := "(<" + linkDest(u) + ">)"
			if rd.f == FormatDiscord && !rd.noPreview {
				dest = "(" + linkDest(u) + ")"
			}
			wrap(b, s.Text, marker+"[", "]"+dest+reverse(marker), esc)
		case s.Code:
			wrap(b, s.Text, "", "", codeSpan)
		case marker != "":
			wrap(b, s.Text, marker, reverse(marker), esc)
		default:
			b.WriteString(esc(s.Text))
		}
	}
}

func reverse(m string) string {
	r := []byte(m)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// linkDest percent-encodes the characters that could end a link destination.
func linkDest(u string) string {
	var b strings.Builder
	for _, r := range u {
		switch r {
		case '<', '>', '(', ')', ' ', '\\', '"', '`', '|':
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// codeSpan returns a markdown code span: a fence one backtick longer than
// the longest run inside, padded when the text starts or ends with one.
func codeSpan(s string) string {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func escapeHTML(s string) string { return htmlEscaper.Replace(s) }

// escapeMarkdown backslash-escapes CommonMark's inline metacharacters and,
// at the start of a line, those that would open a block (lists, quotes,
// headings, thematic breaks).
func escapeMarkdown(s string, lineStart bool) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '~', '|', '!', '&':
			b.WriteByte('\\')
		case '-', '+', '=':
			if lineStart && i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			if lineStart && i > 0 && allDigits(s[:i]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeDiscord backslash-escapes Discord's markdown characters and breaks
// every @ with a zero-width space so no mention can form.
func escapeDiscord(s string, lineStart bool) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '*', '_', '~', '`', '|', '>', '<', '#', '-', '[', ']', '(', ')':
			b.WriteByte('\\')
		case '.':
			if lineStart && i > 0 && allDigits(s[:i]) {
				b.WriteByte('\\')
			}
		case '@':
			b.WriteString("@\u200b")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
