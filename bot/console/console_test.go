package console

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

type photoHandler struct{ png []byte }

func (h photoHandler) Handle(_ context.Context, req *bot.Request) *bot.Reply {
	r := bot.Text("Drones per day, " + req.Text)
	r.Photo = &bot.Photo{Name: "chart.png", PNG: h.png}
	return r
}

func TestPhotoIsSavedAndItsPathPrinted(t *testing.T) {
	dir := t.TempDir()
	img := []byte("\x89PNG\r\n\x1a\nnot really the rest")
	var out bytes.Buffer
	c := New(strings.NewReader("/chart 30d\n"), &out)
	c.Dir = dir
	if err := c.Run(t.Context(), photoHandler{img}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	i := strings.Index(text, "Chart saved to ")
	if !strings.Contains(text, "Drones per day, /chart 30d") || i < 0 {
		t.Fatalf("output:\n%s", text)
	}
	path := strings.TrimSpace(text[i+len("Chart saved to "):])
	if filepath.Dir(path) != dir || !strings.HasSuffix(path, ".png") {
		t.Errorf("saved to %q, want a .png in %s", path, dir)
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, img) {
		t.Errorf("saved file: %v (%d bytes)", err, len(got))
	}
	// Outbox messages with a picture are saved the same way.
	out.Reset()
	if _, err := c.Send(t.Context(), Chat(), photoHandler{img}.Handle(t.Context(), &bot.Request{Text: "weekly"})); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Chart saved to "+dir) {
		t.Errorf("send output: %s", out.String())
	}
}

func TestPhotoSaveFailureIsSaid(t *testing.T) {
	var out bytes.Buffer
	c := New(strings.NewReader("/chart\n"), &out)
	c.Dir = filepath.Join(t.TempDir(), "missing", "dir")
	if err := c.Run(t.Context(), photoHandler{[]byte("x")}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "could not be saved") {
		t.Errorf("output: %s", out.String())
	}
}

type recorder struct{ reqs []*bot.Request }

func (h *recorder) Handle(_ context.Context, r *bot.Request) *bot.Reply {
	h.reqs = append(h.reqs, r)
	return bot.Text("ok " + r.Text)
}

// The console is the operator's private chat: an admin who manages it, no
// rate, the operator's zone.
func TestConsoleRequests(t *testing.T) {
	var out bytes.Buffer
	c := New(strings.NewReader("/help\n\n/subscribe 07:00\n"), &out)
	c.TimeZone = "Europe/Kyiv"
	h := &recorder{}
	if err := c.Run(context.Background(), h); err != nil {
		t.Fatal(err)
	}
	if len(h.reqs) != 2 || h.reqs[1].Text != "/subscribe 07:00" {
		t.Fatalf("requests %+v", h.reqs)
	}
	r := h.reqs[0]
	if r.Chat != Chat() || r.ChatKind != briefings.ChatPrivate || !r.IsAdmin || !r.CanManage || !r.Unmetered || r.TimeZone != "Europe/Kyiv" {
		t.Errorf("request %+v", r)
	}
	if got := out.String(); !strings.Contains(got, "ok /help") || !strings.Contains(got, "ok /subscribe 07:00") {
		t.Errorf("output %q", got)
	}
}
