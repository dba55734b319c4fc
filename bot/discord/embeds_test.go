package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

func slogTo(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }

// hugeDigest builds an invented digest far beyond one message: long
// headings and lines, markdown characters, mentions and links.
func hugeDigest(sections, lines int) *bot.Reply {
	r := &bot.Reply{Title: strings.Repeat("Daily briefing *for* everyone, ", 20), NoPreview: true}
	for s := 0; s < sections; s++ {
		p := bot.Paragraph{Heading: fmt.Sprintf("Section %d: %s", s, strings.Repeat("front line _update_ ", s%3*8))}
		for l := 0; l < lines; l++ {
			p.Lines = append(p.Lines, []bot.Span{
				{Text: fmt.Sprintf("Story %d.%d ", s, l), Bold: true},
				{Text: fmt.Sprintf("Officials said %d drones were launched overnight; @everyone in the region was told to shelter. ", 40+l)},
				{Text: "Read more", URL: fmt.Sprintf("https://news.example.test/story/%d_%d?ref=a_b", s, l)},
			})
		}
		if s%7 == 3 {
			// One line longer than a field value allows.
			p.Lines = append(p.Lines, []bot.Span{{Text: strings.Repeat("A very long sentence about a long day. ", 60)}})
		}
		r.Paragraphs = append(r.Paragraphs, p)
	}
	return r
}

// checkEmbedLimits checks one message payload against every embed limit.
func checkEmbedLimits(t *testing.T, m map[string]any) {
	t.Helper()
	if c, _ := m["content"].(string); utf8.RuneCountInString(c) > 2000 {
		t.Errorf("content %d characters", utf8.RuneCountInString(c))
	}
	embeds, _ := m["embeds"].([]any)
	if len(embeds) > 10 {
		t.Errorf("%d embeds in one message", len(embeds))
	}
	n := func(v any) int {
		s, _ := v.(string)
		return utf8.RuneCountInString(s)
	}
	total := 0
	for k, e := range embeds {
		em := e.(map[string]any)
		if n(em["title"]) > 256 {
			t.Errorf("embed %d: title %d", k, n(em["title"]))
		}
		if n(em["description"]) > 4096 {
			t.Errorf("embed %d: description %d", k, n(em["description"]))
		}
		total += n(em["title"]) + n(em["description"])
		fields, _ := em["fields"].([]any)
		if len(fields) > 25 {
			t.Errorf("embed %d: %d fields", k, len(fields))
		}
		for _, f := range fields {
			fm := f.(map[string]any)
			if n(fm["name"]) > 256 || n(fm["name"]) == 0 {
				t.Errorf("embed %d: field name %d", k, n(fm["name"]))
			}
			if n(fm["value"]) > 1024 || n(fm["value"]) == 0 {
				t.Errorf("embed %d: field value %d", k, n(fm["value"]))
			}
			total += n(fm["name"]) + n(fm["value"])
		}
		if ft, ok := em["footer"].(map[string]any); ok {
			total += n(ft["text"])
		}
		if au, ok := em["author"].(map[string]any); ok {
			total += n(au["name"])
		}
	}
	if total > 6000 {
		t.Errorf("message embeds total %d characters", total)
	}
	comps, _ := m["components"].([]any)
	if len(comps) > 5 {
		t.Errorf("%d action rows", len(comps))
	}
	for _, row := range comps {
		bs, _ := row.(map[string]any)["components"].([]any)
		if len(bs) > 5 || len(bs) == 0 {
			t.Errorf("action row with %d buttons", len(bs))
		}
		for _, b := range bs {
			bm := b.(map[string]any)
			if id, _ := bm["custom_id"].(string); len(id) > 100 {
				t.Errorf("custom_id %d long", len(id))
			}
			if n(bm["label"]) > 80 {
				t.Errorf("label %d long", n(bm["label"]))
			}
		}
	}
}

func marshalMap(t *testing.T, v any) map[string]any {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestEmbedsWithinLimitsAndComplete(t *testing.T) {
	b := &Bot{log: discardLogger(), chunks: renderChunks}
	for _, size := range [][2]int{{1, 1}, {3, 4}, {30, 8}, {40, 30}, {120, 2}} {
		r := hugeDigest(size[0], size[1])
		msgs := b.render(r)
		var all strings.Builder
		for _, m := range msgs {
			pm := marshalMap(t, m.send())
			checkEmbedLimits(t, pm)
			if len(m.Embeds) == 0 {
				t.Fatalf("digest %v rendered without embeds", size)
			}
			raw, _ := json.Marshal(m.Embeds)
			all.Write(raw)
		}
		// Nothing is lost: every story and every heading appears.
		text := all.String()
		for s := 0; s < size[0]; s++ {
			if !strings.Contains(text, fmt.Sprintf("Section %d:", s)) {
				t.Errorf("digest %v: section %d missing", size, s)
			}
			for l := 0; l < size[1]; l++ {
				if !strings.Contains(text, fmt.Sprintf("Story %d.%d**", s, l)) {
					t.Errorf("digest %v: story %d.%d missing", size, s, l)
				}
			}
		}
		if strings.Contains(text, "@everyone") {
			t.Errorf("digest %v: raw @everyone in embeds", size)
		}
	}
}

func TestEmbedLayout(t *testing.T) {
	r := &bot.Reply{Title: "Briefing", Paragraphs: []bot.Paragraph{
		{Lines: [][]bot.Span{{{Text: "Intro line"}}}},
		{Heading: "Air attacks", Lines: [][]bot.Span{{{Text: "112 drones; 84 intercepted or jammed"}}}},
		{Lines: [][]bot.Span{{{Text: "Closing note"}}}},
	}}
	msgs := buildEmbeds(r)
	if len(msgs) != 1 || len(msgs[0]) != 2 {
		t.Fatalf("layout %d messages / %v", len(msgs), msgs)
	}
	e0, e1 := msgs[0][0], msgs[0][1]
	if e0.Title != "Briefing" || e0.Description != "Intro line" || len(e0.Fields) != 1 || e0.Fields[0].Name != "Air attacks" {
		t.Errorf("first embed %+v", e0)
	}
	// Text after a field starts a new embed, so reading order is kept.
	if e1.Description != "Closing note" || e1.Title != "" {
		t.Errorf("second embed %+v", e1)
	}
}

func TestRenderPlainAndError(t *testing.T) {
	b := &Bot{log: discardLogger(), chunks: renderChunks}
	msgs := b.render(bot.ErrorReply("No such topic: **x**"))
	if len(msgs) != 1 || len(msgs[0].Embeds) != 0 || !strings.Contains(msgs[0].Content, `\*\*x\*\*`) {
		t.Errorf("error reply %+v", msgs)
	}
	msgs = b.render(&bot.Reply{})
	if len(msgs) != 1 || msgs[0].Content == "" {
		t.Errorf("empty reply renders %+v; Discord refuses empty messages", msgs)
	}
	r := bot.Text("see https://example.test/a")
	r.NoPreview = true
	msgs = b.render(r)
	if msgs[0].Flags&discordgo.MessageFlagsSuppressEmbeds == 0 {
		t.Error("NoPreview does not suppress link previews")
	}
	if b.render(hugeDigest(1, 1))[0].Flags&discordgo.MessageFlagsSuppressEmbeds != 0 {
		t.Error("embeds suppressed on an embed reply")
	}
}

func TestButtonsLayout(t *testing.T) {
	b := &Bot{log: discardLogger()}
	var row []bot.Button
	for k := 0; k < 13; k++ {
		row = append(row, bot.Button{Label: fmt.Sprintf("b%d", k), Data: fmt.Sprintf("/page %d", k)})
	}
	rows := [][]bot.Button{row,
		{{Label: "dup", Data: "/page 1"}, {Label: "long", Data: strings.Repeat("x", 101)}, {Label: strings.Repeat("L", 120), Data: "/ok"}},
		{{Label: "link", URL: "javascript:alert(1)"}, {Label: "link", URL: "https://example.test/(a)"}, {Label: "none"}},
		{{Label: "r4", Data: "/4"}}, {{Label: "r5", Data: "/5"}}, {{Label: "r6", Data: "/6"}},
	}
	comps := b.buttons(rows)
	if len(comps) != 5 {
		t.Fatalf("%d rows, want 5", len(comps))
	}
	var ids []string
	for _, c := range comps {
		ar := c.(discordgo.ActionsRow)
		if len(ar.Components) > 5 {
			t.Errorf("row of %d", len(ar.Components))
		}
		for _, x := range ar.Components {
			bt := x.(discordgo.Button)
			ids = append(ids, bt.CustomID+bt.URL)
			if utf8.RuneCountInString(bt.Label) > 80 {
				t.Errorf("label %d long", utf8.RuneCountInString(bt.Label))
			}
		}
	}
	got := strings.Join(ids, "|")
	// 13 buttons wrap into rows of 5,5,3; then /ok; then the safe link.
	want := "/page 0|/page 1|/page 2|/page 3|/page 4|/page 5|/page 6|/page 7|/page 8|/page 9|/page 10|/page 11|/page 12|/ok|https://example.test/%28a%29"
	if got != want {
		t.Errorf("buttons\n got %s\nwant %s", got, want)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"**bold** _it_ ~~s~~ `c` ||sp||", `\*\*bold\*\* \_it\_ \~\~s\~\~ \` + "`" + `c\` + "`" + ` \|\|sp\|\|`},
		{"# Heading", `\# Heading`},
		{"-# subtext", `\-# subtext`},
		{"- item", `\- item`},
		{"  > quote", `  \> quote`},
		{"1. first", `1\. first`},
		{"in 2024. Then", "in 2024. Then"},
		{"line\n## two", "line\n\\## two"},
		{"a-b #tag", "a-b #tag"},
		{"<@123> <#9> <t:1700000000>", `\<@123\> \<#9\> \<t:1700000000\>`},
		{"[x](https://evil.test)", `\[x\](https://evil.test)`},
		{"see https://example.test/a_b*c_ now", "see https://example.test/a_b*c_ now"},
		{"xhttps://a_b", `xhttps://a\_b`},
		{"@everyone and @here and @Everyone", "@\u200beveryone and @\u200bhere and @\u200bEveryone"},
		{"back\\slash", `back\\slash`},
		{"bidi \u202Eevil\u202C ok\x00", "bidi evil ok"},
		{"Київ: 84 з 112", "Київ: 84 з 112"},
	}
	for _, c := range cases {
		if got := EscapeMarkdown(c.in); got != c.want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRenderSpan(t *testing.T) {
	cases := []struct {
		sp   bot.Span
		want string
	}{
		{bot.Span{Text: " spaced ", Bold: true}, " **spaced** "},
		{bot.Span{Text: "x", Bold: true, Italic: true}, "***x***"},
		{bot.Span{Text: "AP", URL: "https://apnews.example/a b(c)"}, "[AP](https://apnews.example/a%20b%28c%29)"},
		{bot.Span{Text: "bad", URL: "javascript:alert(1)"}, "bad"},
		{bot.Span{Text: "a`b", Code: true}, "`a'b`"},
		{bot.Span{Text: "[t]", URL: "https://x.example"}, `[\[t\]](https://x.example)`},
	}
	for _, c := range cases {
		if got := renderSpan(c.sp, false); got != c.want {
			t.Errorf("renderSpan(%+v) = %q, want %q", c.sp, got, c.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	if got := truncate("abcdef", 4); got != "abc…" {
		t.Errorf("truncate = %q", got)
	}
	// An emoji counts two units; never split a rune.
	got := truncate(strings.Repeat("🚀", 10), 7)
	if !utf8.ValidString(got) || size(got) > 7 {
		t.Errorf("truncate emoji = %q (%d)", got, size(got))
	}
}

// unescape undoes escapeWith for the fuzz check: drop the backslash of
// every escaped punctuation character and the inserted zero-width spaces.
func unescape(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`\*_~`+"`"+`|><[]#-+.`, s[i+1]) >= 0 {
			i++
		}
		sb.WriteByte(s[i])
	}
	return strings.ReplaceAll(sb.String(), "@\u200b", "@")
}

func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range []string{"**x**", "# h\n- l\n1. n", "@everyone", "https://a.test/x_y", "<@1>", "\u202E", "a\\b", "🚀_", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.Contains(s, "\u200b") || strings.Contains(s, "\\") && strings.Contains(strings.ToLower(s), "http") {
			t.Skip()
		}
		out := EscapeMarkdown(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		if back := unescape(out); back != stripOdd(s) {
			t.Fatalf("round trip %q -> %q -> %q", s, out, back)
		}
		for _, r := range out {
			if isOdd(r) {
				t.Fatalf("odd rune %U left in %q", r, out)
			}
		}
		// Outside URLs, no markdown character stands unescaped.
		if !strings.Contains(strings.ToLower(s), "http") {
			for i := 0; i < len(out); i++ {
				if strings.IndexByte("*_~`|<>[]", out[i]) >= 0 && (i == 0 || out[i-1] != '\\') {
					t.Fatalf("unescaped %q at %d in %q", out[i], i, out)
				}
				if out[i] == '\\' {
					i++
				}
			}
		}
	})
}

func FuzzRenderLine(f *testing.F) {
	f.Add("Officials said 112 drones", "https://example.test/a", true, 64)
	f.Add(strings.Repeat("word ", 500), "", false, 1024)
	f.Add(strings.Repeat("*", 3000), "https://x.test/"+strings.Repeat("y", 2000), true, 1024)
	f.Fuzz(func(t *testing.T, text, link string, bold bool, limit int) {
		if limit < 64 || limit > 4096 {
			t.Skip()
		}
		pieces := renderLine([]bot.Span{{Text: "Lead: ", Bold: true}, {Text: text, URL: link, Bold: bold}}, limit)
		for _, p := range pieces {
			if size(p) > limit {
				t.Fatalf("piece of %d > %d", size(p), limit)
			}
			if !utf8.ValidString(p) {
				t.Fatal("invalid UTF-8")
			}
		}
	})
}

func BenchmarkRenderHugeDigest(b *testing.B) {
	bt := &Bot{log: discardLogger(), chunks: renderChunks}
	r := hugeDigest(40, 30)
	b.ReportAllocs()
	for b.Loop() {
		bt.render(r)
	}
}

func TestPlainRepliesSplitAt2000(t *testing.T) {
	f := newFakeDiscord(t)
	b := newTestBot(t, f, nil)
	var lines []string
	for k := 0; k < 120; k++ {
		lines = append(lines, fmt.Sprintf("Line %d: officials reported *%d* drones near the ||border|| — @everyone stay safe.", k, k))
	}
	r := bot.Text(lines...)
	r.Buttons = [][]bot.Button{{{Label: "More", Data: "/latest 20"}}}
	if _, err := b.Send(context.Background(), briefings.Chat{Platform: "discord", ChatID: "c1"}, r); err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	posts := f.all()
	if len(posts) < 2 {
		t.Fatalf("%d messages for a long reply", len(posts))
	}
	for k, h := range posts {
		m := h.json(t)
		c, _ := m["content"].(string)
		if n := utf8.RuneCountInString(c); n == 0 || n > 2000 {
			t.Errorf("message %d: %d characters", k, n)
		}
		if embeds, _ := m["embeds"].([]any); len(embeds) != 0 {
			t.Errorf("message %d: embeds on a plain reply", k)
		}
		comps, _ := m["components"].([]any)
		if (k == len(posts)-1) != (len(comps) == 1) {
			t.Errorf("message %d: %d action rows", k, len(comps))
		}
		all.WriteString(c)
		all.WriteString("\n")
	}
	for k := range lines {
		if !strings.Contains(all.String(), fmt.Sprintf("Line %d:", k)) {
			t.Errorf("line %d lost", k)
		}
	}
	if strings.Contains(all.String(), "@everyone") || strings.Contains(all.String(), "||border||") {
		t.Error("plain text not escaped")
	}
	f.assertAllNoMentions(t)
}

// A document (an OPML export) is uploaded as an attachment of the first
// message, whole, with its media type; a retry uploads it again.
func TestRenderDocument(t *testing.T) {
	b := newTestBot(t, newFakeDiscord(t), nil)
	data := []byte(`<?xml version="1.0"?><opml version="2.0"></opml>`)
	r := bot.Text("The sources as OPML.")
	r.Document = &bot.Document{Name: "sitrep-sources.opml", Type: "text/x-opml", Data: data}
	msgs := b.render(r)
	for try := 0; try < 2; try++ {
		files := msgs[0].files()
		if len(files) != 1 || files[0].Name != "sitrep-sources.opml" || files[0].ContentType != "text/x-opml" {
			t.Fatalf("files %+v", files)
		}
		got, _ := io.ReadAll(files[0].Reader)
		if string(got) != string(data) {
			t.Fatalf("upload %d: %q", try, got)
		}
	}
}
