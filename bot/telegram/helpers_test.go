package telegram_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/bot"
)

// chatHandler is a stand-in for the command router: it records requests and
// answers a few commands the way the real router shapes its replies.
type chatHandler struct {
	mu   sync.Mutex
	reqs []bot.Request
}

func (h *chatHandler) requests() []bot.Request {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]bot.Request(nil), h.reqs...)
}

// Handle answers like the router: a button's data is a command line.
func (h *chatHandler) Handle(_ context.Context, req *bot.Request) *bot.Reply {
	h.mu.Lock()
	h.reqs = append(h.reqs, *req)
	h.mu.Unlock()
	line := req.Text
	if req.Callback != "" {
		line = req.Callback
	}
	word, args, _ := strings.Cut(line, " ")
	switch word {
	case "/start":
		return &bot.Reply{
			Title:      "Welcome to sitrep",
			Paragraphs: []bot.Paragraph{{Lines: [][]bot.Span{{{Text: "Short, sourced briefings on the war & diplomacy."}}}}},
			Buttons: [][]bot.Button{
				{{Label: "Daily digest 08:00 Kyiv", Data: "/subscribe 08:00 Europe/Kyiv"}},
				{{Label: "Latest", Data: "/latest"}},
			},
		}
	case "/subscribe":
		return bot.Text(fmt.Sprintf("Subscribed: %s (manage=%v).", args, req.CanManage))
	case "/latest":
		page := 1
		fmt.Sscanf(args, "-p%d", &page)
		return pageReply(page)
	case "/toggle":
		return &bot.Reply{Title: "Settings", Paragraphs: []bot.Paragraph{{Lines: [][]bot.Span{{{Text: "Toggled " + args}}}}},
			Buttons: [][]bot.Button{{{Label: "● " + args, Data: "/toggle " + args}}}}
	case "/deny":
		return bot.ErrorReply("Only group admins may change this.")
	case "/digest":
		return longDigest(60)
	case "/echo":
		return bot.Text(req.Text)
	case "/silent":
		return nil
	}
	return bot.Text("Unknown command " + word)
}

func pageReply(n int) *bot.Reply {
	return &bot.Reply{
		Title:      fmt.Sprintf("Latest, page %d", n),
		Paragraphs: []bot.Paragraph{{Lines: [][]bot.Span{{{Text: fmt.Sprintf("Items of page %d", n)}}}}},
		Buttons:    [][]bot.Button{{{Label: "Previous", Data: fmt.Sprintf("/latest -p%d", max(n-1, 1))}, {Label: "Next", Data: fmt.Sprintf("/latest -p%d", n+1)}}},
	}
}

// longDigest builds an invented digest of n stories with markup and
// characters that need escaping; far over one message.
func longDigest(n int) *bot.Reply {
	r := &bot.Reply{Title: "Digest, last 24 hours", NoPreview: true,
		Buttons: [][]bot.Button{{{Label: "Older stories", Data: "page:2"}}}}
	for i := 1; i <= n; i++ {
		r.Paragraphs = append(r.Paragraphs, bot.Paragraph{
			Heading: fmt.Sprintf("Story %d: talks <in> \"Geneva\" & elsewhere", i),
			Lines: [][]bot.Span{
				{{Text: "Officials met for a "}, {Text: "second day", Bold: true}, {Text: "; a statement followed (5 < 7 & 9 > 3)."}},
				{{Text: "Source: "}, {Text: "Example Wire", URL: fmt.Sprintf("https://news.example.org/story/%d?a=1&b=2", i)}},
			},
		})
	}
	return r
}

var tagRE = regexp.MustCompile(`<(/?)([a-zA-Z]+)(\s[^>]*)?>`)

// checkHTMLPart checks one Telegram HTML part: within the limit, valid
// UTF-8, tags balanced and properly nested, no raw < or > in the text.
func checkHTMLPart(t *testing.T, part string) {
	t.Helper()
	if n := utf8.RuneCountInString(part); n > 4096 {
		t.Errorf("part of %d characters", n)
	}
	if !utf8.ValidString(part) {
		t.Errorf("part is not UTF-8")
	}
	var stack []string
	for _, m := range tagRE.FindAllStringSubmatch(part, -1) {
		if m[1] == "" {
			stack = append(stack, m[2])
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1] != m[2] {
			t.Errorf("unbalanced </%s> (open: %v) in part starting %q", m[2], stack, part[:min(len(part), 60)])
			return
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) > 0 {
		t.Errorf("unclosed tags %v", stack)
	}
	if text := tagRE.ReplaceAllString(part, ""); strings.ContainsAny(text, "<>") {
		t.Errorf("unescaped < or > in text")
	}
}

// logBuffer collects log output safely across goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	ch  chan struct{}
}

func newLogBuffer() *logBuffer { return &logBuffer{ch: make(chan struct{}, 100)} }

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	select {
	case l.ch <- struct{}{}:
	default:
	}
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}
