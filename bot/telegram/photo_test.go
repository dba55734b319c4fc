package telegram_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings"
)

// tinyPNG is a 4x3 picture.
func tinyPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.RGBA{200, 10, 10, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func chartReply(t *testing.T, lines ...string) *bot.Reply {
	r := bot.Text(lines...)
	r.Title = "Drones, last 30 days"
	r.Photo = &bot.Photo{Name: "chart.png", PNG: tinyPNG(t), Alt: "Chart of drones per day"}
	return r
}

func TestSendPhotoUploadsMultipart(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, _ := newBot(t, f, nil)
	r := chartReply(t, "Drones: 1,234 launched, 89 % brought down.", "Source: an invented data set <with markup>.")
	r.Buttons = [][]bot.Button{{{Label: "90 days", Data: "/chart 90d"}}}
	id, err := b.Send(t.Context(), briefings.Chat{Platform: "telegram", ChatID: "42"}, r)
	if err != nil {
		t.Fatal(err)
	}
	msgs := f.Messages("42")
	if len(msgs) != 1 || id != "1" {
		t.Fatalf("messages %d, id %q; want the photo alone", len(msgs), id)
	}
	m := msgs[0]
	if !bytes.Equal(m.Photo, r.Photo.PNG) || m.PhotoName != "chart.png" {
		t.Errorf("photo: %d bytes named %q", len(m.Photo), m.PhotoName)
	}
	if m.ParseMode != "HTML" || !strings.Contains(m.Text, "<b>Drones, last 30 days</b>") || !strings.Contains(m.Text, "&lt;with markup&gt;") {
		t.Errorf("caption (%s): %s", m.ParseMode, m.Text)
	}
	if kb, ok := m.Keyboard(); !ok || kb.InlineKeyboard[0][0].Text != "90 days" {
		t.Errorf("keyboard on the photo: %s", m.ReplyMarkup)
	}
	if c := f.Calls("sendPhoto"); len(c) != 1 || c[0].Params.Get("chat_id") != "42" {
		t.Errorf("sendPhoto calls: %+v", c)
	}
}

// A text too long for a caption follows the photo as messages; the photo
// carries the alt text.
func TestSendPhotoLongTextFollows(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, _ := newBot(t, f, nil)
	var lines []string
	for i := range 40 {
		lines = append(lines, strings.Repeat("Day figures from the stored reports, ", 2)+string(rune('a'+i%26)))
	}
	r := chartReply(t, lines...)
	r.Buttons = [][]bot.Button{{{Label: "More", Data: "/trend"}}}
	id, err := b.Send(t.Context(), briefings.Chat{Platform: "telegram", ChatID: "42"}, r)
	if err != nil {
		t.Fatal(err)
	}
	msgs := f.Messages("42")
	if len(msgs) < 2 || msgs[0].Photo == nil || msgs[0].Text != "Chart of drones per day" {
		t.Fatalf("%d messages; first caption %q", len(msgs), msgs[0].Text)
	}
	if utf8.RuneCountInString(msgs[0].Text) > 1024 || strings.Count(id, ",") != len(msgs)-1 {
		t.Errorf("id %q for %d messages", id, len(msgs))
	}
	if _, ok := msgs[0].Keyboard(); ok {
		t.Error("the keyboard belongs on the last message")
	}
	if _, ok := msgs[len(msgs)-1].Keyboard(); !ok {
		t.Error("no keyboard on the last message")
	}
}

func TestSendPhotoErrors(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, logs := newBot(t, f, nil)
	chat := briefings.Chat{Platform: "telegram", ChatID: "42"}
	for _, tt := range []struct {
		name string
		fail telegramtest.APIError
		kind string
	}{
		{"flood", telegramtest.APIError{Code: 429, Description: "Too Many Requests: retry after 5", RetryAfter: 5}, bot.SendRateLimited},
		{"blocked", telegramtest.APIError{Code: 403, Description: "Forbidden: bot was blocked by the user"}, bot.SendBlocked},
		{"too big", telegramtest.APIError{Code: 413, Description: "Request Entity Too Large"}, bot.SendFatal},
		{"server error", telegramtest.APIError{Code: 500, Description: "Internal Server Error"}, bot.SendRetry},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f.FailNext("sendPhoto", tt.fail)
			_, err := b.Send(t.Context(), chat, chartReply(t, "x"))
			var se *bot.SendError
			if !errors.As(err, &se) || se.Kind != tt.kind {
				t.Fatalf("error %v, want kind %s", err, tt.kind)
			}
			if strings.Contains(err.Error(), f.Token) {
				t.Errorf("token in error %q", err)
			}
		})
	}
	// The fake refuses what Telegram refuses.
	notImage := chartReply(t, "x")
	notImage.Photo.PNG = []byte("not an image")
	var se *bot.SendError
	if _, err := b.Send(t.Context(), chat, notImage); !errors.As(err, &se) || se.Kind != bot.SendFatal || !strings.Contains(err.Error(), "IMAGE_PROCESS_FAILED") {
		t.Errorf("not an image: %v", err)
	}
	empty := chartReply(t, "x")
	empty.Photo.PNG = nil
	if _, err := b.Send(t.Context(), chat, empty); !errors.As(err, &se) || se.Kind != bot.SendFatal {
		t.Errorf("no image: %v", err)
	}
	if err := b.Edit(t.Context(), chat, "1", chartReply(t, "x")); !errors.As(err, &se) || se.Kind != bot.SendFatal {
		t.Errorf("edit of a photo reply: %v", err)
	}
	if strings.Contains(logs.String(), f.Token) {
		t.Error("token logged")
	}
}

type photoHandler struct{ png []byte }

func (h photoHandler) Handle(context.Context, *bot.Request) *bot.Reply {
	r := bot.Text("Drones per day.")
	r.Photo = &bot.Photo{Name: "chart.png", PNG: h.png}
	return r
}

// The command path: a /chart request answered with a photo arrives as one.
func TestPhotoReplyToCommand(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, _ := newBot(t, f, nil)
	img := tinyPNG(t)
	run(t, b, photoHandler{img})
	f.PushMessage(telegramtest.Chat{ID: 7, Type: "private"}, alice, "/chart 30d")
	msgs := f.WaitMessages(t, "7", 1)
	if !bytes.Equal(msgs[0].Photo, img) || msgs[0].Text != "Drones per day." {
		t.Errorf("reply: %d bytes, caption %q", len(msgs[0].Photo), msgs[0].Text)
	}
}

// A document is a message to Telegram: it counts in the chat's messages and
// under the flood limits, so a second one to a private chat within the
// second is refused, and the adapter says so (the outbox sends it again).
func TestDocumentsCountAsMessages(t *testing.T) {
	f := telegramtest.NewFake(t)
	f.SetLimits(telegramtest.TelegramLimits())
	b, _ := newBot(t, f, nil)
	chat := briefings.Chat{Platform: "telegram", ChatID: "42"}
	doc := func() *bot.Reply {
		r := bot.Text("Sources")
		r.Document = &bot.Document{Name: "sitrep-sources.opml", Type: "text/x-opml", Data: []byte("<opml version=\"2.0\"/>")}
		return r
	}
	if _, err := b.Send(t.Context(), chat, doc()); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Send(t.Context(), chat, doc()); err == nil {
		t.Error("a second document within the second was taken")
	}
	if n := f.Sent("42"); n != 1 {
		t.Errorf("Sent counts %d documents, want 1", n)
	}
	if n := f.TooMany(); n != 1 {
		t.Errorf("the fake refused %d documents, want 1", n)
	}
}
