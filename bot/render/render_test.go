package render

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/bot"
)

func sample() *bot.Reply {
	return &bot.Reply{
		Title:     "Briefing: 26 Nov 2026",
		NoPreview: true,
		Paragraphs: []bot.Paragraph{
			{Heading: "Air attacks", Lines: [][]bot.Span{
				{{Text: "Night strike on Kyiv", Bold: true}, {Text: " (26 Nov 07:10)"}},
				{{Text: "Russia launched 112 drones; 84 intercepted or jammed (75%)."}},
				{{Text: "Sources: "}, {Text: "Sample Wire", URL: "https://sample.sitrep.invalid/a?x=1&y=2"}, {Text: ", "}, {Text: "Demo Post", URL: "https://sample.sitrep.invalid/b"}},
			}},
			{Lines: [][]bot.Span{{{Text: "code", Code: true}, {Text: " and "}, {Text: "slanted", Italic: true}}}},
		},
	}
}

func TestFormats(t *testing.T) {
	r := sample()
	tests := []struct {
		f    Format
		want string
	}{
		{FormatText, "Briefing: 26 Nov 2026\n\nAir attacks\nNight strike on Kyiv (26 Nov 07:10)\nRussia launched 112 drones; 84 intercepted or jammed (75%).\n" +
			"Sources: Sample Wire (https://sample.sitrep.invalid/a?x=1&y=2), Demo Post (https://sample.sitrep.invalid/b)\n\ncode and slanted"},
		{FormatHTML, "<b>Briefing: 26 Nov 2026</b>\n\n<b>Air attacks</b>\n<b>Night strike on Kyiv</b> (26 Nov 07:10)\nRussia launched 112 drones; 84 intercepted or jammed (75%).\n" +
			`Sources: <a href="https://sample.sitrep.invalid/a?x=1&amp;y=2">Sample Wire</a>, <a href="https://sample.sitrep.invalid/b">Demo Post</a>` + "\n\n<code>code</code> and <i>slanted</i>"},
		{FormatMarkdown, "# Briefing: 26 Nov 2026\n\n## Air attacks  \n**Night strike on Kyiv** (26 Nov 07:10)  \nRussia launched 112 drones; 84 intercepted or jammed (75%).  \n" +
			"Sources: [Sample Wire](<https://sample.sitrep.invalid/a?x=1&y=2>), [Demo Post](<https://sample.sitrep.invalid/b>)\n\n`code` and *slanted*"},
		{FormatDiscord, "**Briefing: 26 Nov 2026**\n\n**Air attacks**\n**Night strike on Kyiv** \\(26 Nov 07:10\\)\nRussia launched 112 drones; 84 intercepted or jammed \\(75%\\).\n" +
			"Sources: [Sample Wire](<https://sample.sitrep.invalid/a?x=1&y=2>), [Demo Post](<https://sample.sitrep.invalid/b>)\n\n`code` and *slanted*"},
	}
	for _, tt := range tests {
		t.Run(tt.f.String(), func(t *testing.T) {
			if got := Render(r, tt.f); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	if Text(nil) != "" || Chunks(nil, FormatHTML, 10) != nil {
		t.Error("nil reply should render empty")
	}
}

func TestDiscordPreview(t *testing.T) {
	r := &bot.Reply{Paragraphs: []bot.Paragraph{{Lines: [][]bot.Span{{{Text: "x", URL: "https://a.example/p(1)"}}}}}}
	if got := Discord(r); got != "[x](https://a.example/p%281%29)" {
		t.Errorf("preview link: %q", got)
	}
	r.NoPreview = true
	if got := Discord(r); got != "[x](<https://a.example/p%281%29>)" {
		t.Errorf("no-preview link: %q", got)
	}
}

func line(spans ...bot.Span) *bot.Reply {
	return &bot.Reply{Paragraphs: []bot.Paragraph{{Lines: [][]bot.Span{spans}}}}
}

func TestInjection(t *testing.T) {
	evil := `<script>alert(1)</script> &amp; </b> @everyone @here <@123> **bold** __u__ ` + "`tick` ```block```" + ` [x](https://evil.example) # h > q ~~s~~ ||spoiler|| - item`
	tests := []struct {
		f       Format
		wantIn  []string
		wantOut []string
	}{
		{FormatHTML, []string{"&lt;script&gt;", "&amp;amp;", "&lt;/b&gt;", "**bold**", "@everyone"}, []string{"<script>", "</b>", "&amp; "}},
		{FormatDiscord, []string{"@\u200beveryone", "@\u200bhere", "\\<@\u200b123\\>", "\\*\\*bold\\*\\*", "\\_\\_u\\_\\_", "\\`tick\\`", "\\[x\\]\\(https", "\\# h", "\\> q", "\\~\\~s\\~\\~", "\\|\\|spoiler\\|\\|", "\\- item", "\\<script\\>"},
			[]string{"@everyone", "@here", "<@123>", "**bold**", "`tick`", "[x](https"}},
		{FormatMarkdown, []string{"\\<script\\>", "\\&amp;", "\\*\\*bold\\*\\*", "\\`tick\\`", "\\[x\\](https", "\\# h", "\\> q"},
			[]string{"<script>", "**bold**", "[x](https"}},
		{FormatText, []string{evil}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.f.String(), func(t *testing.T) {
			got := Render(line(bot.Span{Text: evil}), tt.f)
			for _, w := range tt.wantIn {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s", w, got)
				}
			}
			for _, w := range tt.wantOut {
				if strings.Contains(got, w) {
					t.Errorf("unescaped %q in\n%s", w, got)
				}
			}
		})
	}
}

func TestHTMLOnlyAllowedTags(t *testing.T) {
	r := line(bot.Span{Text: "<i>x</i>", Bold: true, Italic: true},
		bot.Span{Text: `a"b`, URL: `https://a.example/?q="><script>`},
		bot.Span{Text: "js", URL: "javascript:alert(1)"},
		bot.Span{Text: "<code>", Code: true})
	got := HTML(r)
	want := `<b><i>&lt;i&gt;x&lt;/i&gt;</i></b><a href="https://a.example/?q=&quot;&gt;&lt;script&gt;">a&quot;b</a>js<code>&lt;code&gt;</code>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if err := checkHTML(got); err != nil {
		t.Error(err)
	}
}

func TestUnsafeLinksDropped(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", "data:text/html,x", "/relative", "https://", "http://a b", "file:///etc/passwd"} {
		r := line(bot.Span{Text: "t", URL: u})
		for _, f := range []Format{FormatText, FormatMarkdown, FormatHTML, FormatDiscord} {
			got := Render(r, f)
			if strings.Contains(got, u) || strings.Contains(got, "href") {
				t.Errorf("%v: unsafe URL %q kept: %q", f, u, got)
			}
		}
	}
}

func TestSanitize(t *testing.T) {
	r := &bot.Reply{Title: "a\nb", Paragraphs: []bot.Paragraph{{Heading: "h\r\n# x", Lines: [][]bot.Span{{{Text: "x\u202eevil\x00\xff"}}}}}}
	got := Markdown(r)
	if strings.Contains(got, "\u202e") || strings.Contains(got, "\x00") || strings.Contains(got, "\n# x") || !strings.Contains(got, "\uFFFD") {
		t.Errorf("not sanitized: %q", got)
	}
	if got := Text(r); !strings.HasPrefix(got, "a b\n\nh  # x\n") {
		t.Errorf("text: %q", got)
	}
}

func TestMarkdownLineStart(t *testing.T) {
	tests := map[string]string{
		"- not a list":    "\\- not a list",
		"2026. A year":    "2026\\. A year",
		"+1":              "\\+1",
		"=====":           "\\=====",
		"mid - dash 1. x": "mid - dash 1. x",
	}
	for in, want := range tests {
		if got := Markdown(line(bot.Span{Text: in})); got != want {
			t.Errorf("%q: got %q want %q", in, got, want)
		}
	}
	if got := Markdown(line(bot.Span{Text: "a ``b`` c", Code: true})); got != "```a ``b`` c```" {
		t.Errorf("code fence: %q", got)
	}
	if got := Markdown(line(bot.Span{Text: "`x`", Code: true})); got != "`` `x` ``" {
		t.Errorf("code pad: %q", got)
	}
	if got := Markdown(line(bot.Span{Text: "x "}, bot.Span{Text: " bold ", Bold: true}, bot.Span{Text: "y"})); got != "x  **bold** y" {
		t.Errorf("emphasis spaces: %q", got)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"text": FormatText, "MD": FormatMarkdown, "html": FormatHTML, "discord": FormatDiscord} {
		if f, err := ParseFormat(in); err != nil || f != want {
			t.Errorf("ParseFormat(%q) = %v, %v", in, f, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("pdf accepted")
	}
}

func TestLen(t *testing.T) {
	if Len("aЖ😀") != 4 {
		t.Errorf("Len = %d", Len("aЖ😀"))
	}
}
