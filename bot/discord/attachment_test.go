package discord

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep/sitrep/bot"
)

// withAttachment adds a file to a command interaction as Discord sends it:
// the option's value is the file's id, the file itself in data.resolved.
func withAttachment(i map[string]any, id, name, url string, size int) map[string]any {
	data := i["data"].(map[string]any)
	data["resolved"] = map[string]any{"attachments": map[string]any{
		id: map[string]any{"id": id, "filename": name, "url": url, "size": size, "content_type": "text/x-opml"},
	}}
	return i
}

// An admin's OPML file sent with /importopml reaches the router as the
// request's attachment, downloaded from Discord's CDN without the bot's
// token, as a file sent to the Telegram bot does; the attachment's id is no
// word of the command. Another user's file is not downloaded.
func TestImportOPMLAttachment(t *testing.T) {
	const list = `<?xml version="1.0"?><opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/feed"/></body></opml>`
	for _, tc := range []struct {
		user     string
		download bool
	}{{"admin1", true}, {"u2", false}} {
		t.Run(tc.user, func(t *testing.T) {
			f := newFakeDiscord(t)
			f.files["/ephemeral-attachments/11/22/feeds.opml"] = []byte(list)
			key := newTestKey(t)
			b := newTestBot(t, f, &key)
			h := &fakeHandler{}
			srv := httptest.NewServer(b.InteractionsHandler(h))
			defer srv.Close()
			i := withAttachment(commandInteraction(2, "importopml", []opt{{Name: "file", Type: 11, Value: "att1"}}, false, tc.user, 0),
				"att1", "feeds.opml", "https://cdn.discordapp.com/ephemeral-attachments/11/22/feeds.opml?ex=1", len(list))
			postInteraction(t, srv.URL, key, i)
			f.wait("PATCH", "/webhooks/app1/secret-interaction-token/messages/@original")
			b.inflight.Wait()
			req := h.last(t)
			if req.Text != "/importopml" {
				t.Errorf("command text %q", req.Text)
			}
			switch {
			case tc.download && (req.Attachment == nil || string(req.Attachment.Data) != list || req.Attachment.Name != "feeds.opml"):
				t.Errorf("attachment %+v", req.Attachment)
			case !tc.download && req.Attachment != nil:
				t.Errorf("a non-admin's file was read: %+v", req.Attachment)
			}
			f.mu.Lock()
			defer f.mu.Unlock()
			if tc.download != (len(f.cdnAuth) == 1) {
				t.Errorf("CDN requests %d, want download %v", len(f.cdnAuth), tc.download)
			}
			for _, a := range f.cdnAuth {
				if a != "" {
					t.Errorf("the CDN request carried Authorization %q", a)
				}
			}
		})
	}
}

// A file not on Discord's CDN, or over the limit, is not read: the router
// gets an empty attachment and answers that the list is unreadable.
func TestAttachmentRefused(t *testing.T) {
	f := newFakeDiscord(t)
	b := newTestBot(t, f, nil)
	for _, a := range []*discordgo.MessageAttachment{
		{URL: "https://example.org/feeds.opml", Size: 10},
		{URL: "https://cdn.discordapp.com/a/b/feeds.opml", Size: MaxAttachment + 1},
		{URL: "http://cdn.discordapp.com/a/b/feeds.opml", Size: 10},
	} {
		if data, err := b.download(context.Background(), a); err == nil {
			t.Errorf("%s (%d bytes): read %q", a.URL, a.Size, data)
		}
	}
}

// The slash command offers the file as an attachment option, and the
// address as an optional one.
func TestImportOPMLOptions(t *testing.T) {
	for _, c := range ApplicationCommands(bot.Commands(), nil) {
		if c.Name != "importopml" {
			continue
		}
		var got []string
		for _, o := range c.Options {
			got = append(got, o.Name+":"+o.Type.String())
			if o.Required {
				t.Errorf("option %s required: an address or a file will do", o.Name)
			}
		}
		if strings.Join(got, " ") != "url:String file:Attachment" {
			t.Errorf("options %v", got)
		}
		return
	}
	t.Fatal("no importopml command")
}
