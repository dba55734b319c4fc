package discord

import (
	"bytes"
	"context"
	"net/http/httptest"
	"testing"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

var pngBytes = []byte("\x89PNG\r\n\x1a\ninvented image bytes")

func chartReply() *bot.Reply {
	r := bot.Text("Drones: 1,234 launched, 89 % brought down.")
	r.Title = "Drones, last 30 days"
	r.Photo = &bot.Photo{Name: "chart.png", PNG: pngBytes}
	return r
}

// embedImage returns the URL of the first embed's image in a payload.
func embedImage(t *testing.T, m map[string]any) string {
	t.Helper()
	embeds, _ := m["embeds"].([]any)
	if len(embeds) == 0 {
		t.Fatalf("no embeds: %v", m)
	}
	img, _ := embeds[0].(map[string]any)["image"].(map[string]any)
	u, _ := img["url"].(string)
	return u
}

func TestSendPhotoAsEmbedAttachment(t *testing.T) {
	f := newFakeDiscord(t)
	b := newTestBot(t, f, nil)
	if _, err := b.Send(context.Background(), briefings.Chat{Platform: "discord", ChatID: "c9"}, chartReply()); err != nil {
		t.Fatal(err)
	}
	h := f.wait("POST", "/channels/c9/messages")
	if !bytes.Equal(h.Files["chart.png"], pngBytes) {
		t.Errorf("uploaded files: %v", h.Files)
	}
	if u := embedImage(t, h.json(t)); u != "attachment://chart.png" {
		t.Errorf("embed image %q", u)
	}
	f.assertAllNoMentions(t)
}

// In HTTP mode a reply with a picture cannot be the response body: the
// response is deferred and the picture comes with the edit, for a slow
// command and for a fast one alike.
func TestPhotoReplyIsDeferredAndUploaded(t *testing.T) {
	for _, cmd := range []string{"chart", "sources"} {
		t.Run(cmd, func(t *testing.T) {
			f := newFakeDiscord(t)
			key := newTestKey(t)
			b := newTestBot(t, f, &key)
			b.deferAfter = 1 << 40
			h := &fakeHandler{reply: func(context.Context, *bot.Request) *bot.Reply { return chartReply() }}
			srv := httptest.NewServer(b.InteractionsHandler(h))
			defer srv.Close()
			_, body := postInteraction(t, srv.URL, key, commandInteraction(2, cmd, nil, true, "u1", 0))
			if body["type"] != float64(5) {
				t.Fatalf("type %v, want deferred (5)", body["type"])
			}
			edit := f.wait("PATCH", "/webhooks/app1/secret-interaction-token/messages/@original")
			if !bytes.Equal(edit.Files["chart.png"], pngBytes) {
				t.Errorf("edit uploads %v", edit.Files)
			}
			if u := embedImage(t, edit.json(t)); u != "attachment://chart.png" {
				t.Errorf("embed image %q", u)
			}
			b.inflight.Wait()
			f.assertAllNoMentions(t)
		})
	}
}

// A retried upload sends the picture again, whole.
func TestPhotoRetryUploadsAgain(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	first := true
	f.setFail(func(h hit) *failure {
		if h.Method == "PATCH" && first {
			first = false
			return &failure{Status: 404, Body: `{"message":"Unknown Webhook","code":10015}`}
		}
		return nil
	})
	h := &fakeHandler{reply: func(context.Context, *bot.Request) *bot.Reply { return chartReply() }}
	srv := httptest.NewServer(b.InteractionsHandler(h))
	defer srv.Close()
	postInteraction(t, srv.URL, key, commandInteraction(2, "chart", nil, true, "u1", 0))
	f.wait("PATCH", "/webhooks/")
	second := f.wait("PATCH", "/webhooks/")
	if !bytes.Equal(second.Files["chart.png"], pngBytes) {
		t.Errorf("the retry uploads %d bytes, want the whole picture", len(second.Files["chart.png"]))
	}
	b.inflight.Wait()
}

func TestAttachmentName(t *testing.T) {
	for in, want := range map[string]string{"chart.png": "chart.png", "": "chart.png", "../a b/c.png": "abc.png", "trend": "trend.png", "тиждень.png": "chart.png"} {
		if got := attachmentName(in); got != want {
			t.Errorf("attachmentName(%q) = %q, want %q", in, got, want)
		}
	}
}
