package render

import (
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"

	"github.com/sitrep/sitrep/bot"
)

// checkHTML parses s with an HTML tokenizer and checks that only Telegram's
// tags appear and every one is closed in order.
func checkHTML(s string) error {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var stack []string
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			if z.Err() != io.EOF {
				return z.Err()
			}
			if len(stack) > 0 {
				return fmt.Errorf("unclosed %v in %q", stack, s)
			}
			return nil
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "b", "i", "code", "a":
			default:
				return fmt.Errorf("tag <%s> not allowed", name)
			}
			stack = append(stack, string(name))
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				return fmt.Errorf("unbalanced </%s> (open %v) in %q", name, stack, s)
			}
			stack = stack[:len(stack)-1]
		case xhtml.SelfClosingTagToken, xhtml.CommentToken, xhtml.DoctypeToken:
			return fmt.Errorf("unexpected token %q", z.Raw())
		}
	}
}

var (
	tagRe     = regexp.MustCompile(`<[^>]*>`)
	mdLinkRe  = regexp.MustCompile(`(^|[^\\])\]\(<?[^)]*>?\)`)
	codeFence = regexp.MustCompile("`+")
	textURLRe = regexp.MustCompile(` ?\(https?://[^ )]*\)`)
)

// plainOf strips a rendering back to its text with all whitespace removed.
func plainOf(s string, f Format) string {
	switch f {
	case FormatText:
		s = textURLRe.ReplaceAllString(s, "")
	case FormatHTML:
		s = html.UnescapeString(tagRe.ReplaceAllString(s, ""))
	case FormatDiscord, FormatMarkdown:
		s = mdLinkRe.ReplaceAllString(s, "$1]")
		s = strings.ReplaceAll(s, "\u200b", "")
		// Remove unescaped markers, then unescape.
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!|~<>&=@", s[i+1]) >= 0 {
				b.WriteByte(s[i+1])
				i++
				continue
			}
			if strings.IndexByte("*[]`", c) >= 0 {
				continue
			}
			if f == FormatMarkdown && c == '#' && (i == 0 || s[i-1] == '\n' || s[i-1] == '#') {
				continue
			}
			b.WriteByte(c)
		}
		s = b.String()
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// plainReply is the reply's text with all whitespace removed.
func plainReply(r *bot.Reply) string {
	var b strings.Builder
	b.WriteString(r.Title)
	for _, p := range r.Paragraphs {
		b.WriteString(p.Heading)
		for _, l := range p.Lines {
			for _, s := range l {
				b.WriteString(s.Text)
			}
		}
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, sanitize(b.String()))
}

var words = []string{"Київ", "обстріл", "дронів", "😀", "🇺🇦", "👩‍👧", "Kyiv", "drones", "Zelensky", "ceasefire", "talks", "Женева", "ракети", "e\u0301", "<b>", "&amp;", "@everyone", "**x**", "`q`", "#tag", "[a](b)"}

// bigReply builds a digest-like reply of about n characters.
func bigReply(rng *rand.Rand, n int) *bot.Reply {
	r := &bot.Reply{Title: "Briefing: 25 Nov 08:00 – 26 Nov 2026 08:00 EET", NoPreview: true}
	size := 0
	sections := []string{"Air attacks", "Front line", "Diplomacy", "Sanctions and aid", "Other"}
	for item := 0; size < n; item++ {
		p := bot.Paragraph{}
		if item%4 == 0 {
			p.Heading = sections[(item/4)%len(sections)]
		}
		head := fmt.Sprintf("Story %d: %s %s", item, words[rng.IntN(len(words))], words[rng.IntN(len(words))])
		p.Lines = append(p.Lines, []bot.Span{{Text: head, Bold: true}, {Text: " (26 Nov 07:10)"}})
		var sent strings.Builder
		ns := 2 + rng.IntN(3)
		for s := 0; s < ns; s++ {
			nw := 8 + rng.IntN(25)
			for w := 0; w < nw; w++ {
				if w > 0 {
					sent.WriteByte(' ')
				}
				sent.WriteString(words[rng.IntN(len(words))])
			}
			sent.WriteString(". ")
		}
		if item%7 == 3 { // an oversized line: forces sentence splits
			for k := 0; k < 30; k++ {
				sent.WriteString("Повітряні сили повідомили про 112 дронів 😀 і 5 ракет. ")
			}
		}
		p.Lines = append(p.Lines, []bot.Span{{Text: strings.TrimSpace(sent.String())}})
		p.Lines = append(p.Lines, []bot.Span{{Text: "Sources: "}, {Text: "Sample Wire", URL: fmt.Sprintf("https://sample.sitrep.invalid/%d?a=1&b=2", item)}, {Text: ", "}, {Text: "Demo Kyiv Post", URL: "https://sample.sitrep.invalid/p"}})
		size += Len(Text(&bot.Reply{Paragraphs: []bot.Paragraph{p}}))
		r.Paragraphs = append(r.Paragraphs, p)
	}
	return r
}

func checkChunks(t *testing.T, r *bot.Reply, f Format, limit int, parts []string) {
	t.Helper()
	var got strings.Builder
	for i, p := range parts {
		if Len(p) > limit {
			t.Errorf("%v part %d: %d > %d", f, i, Len(p), limit)
		}
		if !utf8.ValidString(p) {
			t.Errorf("%v part %d: invalid UTF-8", f, i)
		}
		if strings.TrimSpace(p) == "" {
			t.Errorf("%v part %d is empty", f, i)
		}
		if f == FormatHTML {
			if err := checkHTML(p); err != nil {
				t.Errorf("part %d: %v", i, err)
			}
		}
		if f == FormatDiscord && strings.Contains(p, "@everyone") {
			t.Errorf("part %d pings everyone", i)
		}
		if (f == FormatDiscord || f == FormatMarkdown) && len(codeFence.FindAllString(strings.ReplaceAll(p, "\\`", ""), -1))%2 != 0 {
			t.Errorf("part %d: unbalanced code fences", i)
		}
		if (f == FormatDiscord || f == FormatMarkdown) && strings.Count(strings.ReplaceAll(p, "\\*", ""), "**")%2 != 0 {
			t.Errorf("part %d: unbalanced bold", i)
		}
		got.WriteString(plainOf(p, f))
	}
	if want := plainReply(r); got.String() != want {
		g, w := got.String(), want
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		t.Errorf("%v: text differs at byte %d:\n got ...%q\nwant ...%q", f, i, g[i:min(len(g), i+80)], w[i:min(len(w), i+80)])
	}
}

// Message sizes of the platforms the tests split for (their adapters own
// the real values).
const (
	telegramSize = 4096
	discordSize  = 2000
)

func TestChunksLongDigest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	r := bigReply(rng, 20000)
	if n := Len(Text(r)); n < 20000 {
		t.Fatalf("reply is only %d characters", n)
	}
	for _, tc := range []struct {
		f     Format
		limit int
	}{{FormatHTML, telegramSize}, {FormatDiscord, discordSize}, {FormatText, 1000}, {FormatMarkdown, 3000}, {FormatHTML, 500}} {
		parts := Chunks(r, tc.f, tc.limit)
		if len(parts) < 2 {
			t.Fatalf("%v: %d parts", tc.f, len(parts))
		}
		checkChunks(t, r, tc.f, tc.limit, parts)
		// Parts are full enough: no part but the last is under a quarter of the limit
		// unless the next paragraph would not fit.
		total := 0
		for _, p := range parts {
			total += Len(p)
		}
		if len(parts) > 2*total/tc.limit+2 {
			t.Errorf("%v: %d parts for %d characters at limit %d", tc.f, len(parts), total, tc.limit)
		}
		t.Logf("%v limit %d: %d parts", tc.f, tc.limit, len(parts))
	}
}

func TestChunksPreferParagraphs(t *testing.T) {
	p := func(s string) bot.Paragraph { return bot.Paragraph{Lines: [][]bot.Span{{{Text: s}}}} }
	r := &bot.Reply{Paragraphs: []bot.Paragraph{p(strings.Repeat("a", 40)), p(strings.Repeat("b", 40)), p(strings.Repeat("c", 40))}}
	parts := Chunks(r, FormatText, 90)
	if len(parts) != 2 || parts[0] != strings.Repeat("a", 40)+"\n\n"+strings.Repeat("b", 40) || parts[1] != strings.Repeat("c", 40) {
		t.Errorf("parts %q", parts)
	}
	// A heading stays with its first line.
	r = &bot.Reply{Paragraphs: []bot.Paragraph{p(strings.Repeat("a", 50)), {Heading: "Head", Lines: [][]bot.Span{{{Text: strings.Repeat("x", 45)}}, {{Text: strings.Repeat("y", 45)}}}}}}
	parts = Chunks(r, FormatText, 60)
	for _, part := range parts {
		if strings.HasSuffix(part, "Head") {
			t.Errorf("heading left alone at the end of %q", part)
		}
	}
	// A long line splits at sentences, then words.
	long := "First sentence here. Second sentence follows! Third one? " + strings.Repeat("word ", 30)
	parts = Chunks(line(bot.Span{Text: long, Bold: true}), FormatHTML, 50)
	if parts[0] != "<b>First sentence here.</b>" || !strings.HasPrefix(parts[1], "<b>Second sentence follows! Third one?") {
		t.Errorf("sentence split: %q", parts[:2])
	}
	checkChunks(t, line(bot.Span{Text: long, Bold: true}), FormatHTML, 50, parts)
	// No split inside an entity, a flag or a combining sequence.
	tricky := strings.Repeat("&<>\"🇺🇦e\u0301👩‍👧", 40)
	for _, f := range []Format{FormatHTML, FormatDiscord, FormatMarkdown, FormatText} {
		parts = Chunks(line(bot.Span{Text: tricky}), f, 33)
		checkChunks(t, line(bot.Span{Text: tricky}), f, 33, parts)
		for _, part := range parts {
			if strings.HasSuffix(part, "\U0001F1FA") || strings.HasPrefix(part, "\u0301") || strings.HasPrefix(part, "\u200d") || strings.HasPrefix(part, "\U0001F1E6") {
				t.Errorf("%v: cluster split at %q", f, part)
			}
		}
	}
}

func TestChunksLongURL(t *testing.T) {
	u := "https://sample.sitrep.invalid/" + strings.Repeat("x", 300)
	r := line(bot.Span{Text: "the source", URL: u}, bot.Span{Text: " and more text"})
	parts := Chunks(r, FormatHTML, 100)
	checkChunks(t, r, FormatHTML, 100, parts)
	parts = Chunks(r, FormatHTML, 400)
	if len(parts) != 1 || !strings.Contains(parts[0], u) {
		t.Errorf("link lost: %q", parts)
	}
}

func FuzzChunks(f *testing.F) {
	f.Add("Hello <b>world</b> &amp; @everyone. Next sentence! 😀🇺🇦", "heading", 40, uint8(0), true)
	f.Add(strings.Repeat("Київ ", 200), "", 64, uint8(2), false)
	f.Add(strings.Repeat("x", 500), "**b**", 32, uint8(3), true)
	f.Add("a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "", 32, uint8(1), false)
	f.Add("`a` ``b`` \\ [x](y) > # - 1. \xff\xfe", "h", 50, uint8(1), true)
	f.Fuzz(func(t *testing.T, text, heading string, limit int, fmtN uint8, link bool) {
		limit = MinLimit + (abs(limit) % 5000)
		fm := Format(fmtN % 4)
		sp := []bot.Span{{Text: text, Bold: len(text)%2 == 0}}
		if link {
			sp = append(sp, bot.Span{Text: heading + " src", URL: "https://sample.sitrep.invalid/x"})
		}
		sp = append(sp, bot.Span{Text: text, Code: len(text)%3 == 0, Italic: len(text)%5 == 0})
		r := &bot.Reply{Title: heading, Paragraphs: []bot.Paragraph{{Heading: heading, Lines: [][]bot.Span{sp, {{Text: text}}}}}}
		parts := Chunks(r, fm, limit)
		for i, p := range parts {
			if Len(p) > limit {
				t.Fatalf("part %d: %d > %d", i, Len(p), limit)
			}
			if !utf8.ValidString(p) {
				t.Fatalf("part %d: invalid UTF-8", i)
			}
			if fm == FormatHTML {
				if err := checkHTML(p); err != nil {
					t.Fatalf("part %d: %v", i, err)
				}
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // MinInt
			return 0
		}
		return -n
	}
	return n
}

func BenchmarkChunksHTML(b *testing.B) {
	r := bigReply(rand.New(rand.NewPCG(3, 4)), 20000)
	b.ResetTimer()
	for b.Loop() {
		Chunks(r, FormatHTML, telegramSize)
	}
}
