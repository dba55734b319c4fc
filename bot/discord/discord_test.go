package discord

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

func TestNewValidates(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
	}{
		{"no token", Config{}},
		{"bad public key", Config{Token: "t", PublicKey: "zz"}},
		{"short public key", Config{Token: "t", PublicKey: "abcd"}},
		{"bad api base", Config{Token: "t", APIBase: "ftp://example.test"}},
		{"api base without host", Config{Token: "t", APIBase: "/api"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := New(c.cfg); err == nil {
				t.Fatal("New accepted a bad config")
			}
		})
	}
}

func TestRequestsLandOnFake(t *testing.T) {
	f := newFakeDiscord(t)
	b := newTestBot(t, f, nil)
	id, err := b.Send(context.Background(), briefings.Chat{Platform: "discord", ChatID: "chan7"}, bot.Text("hello"))
	if err != nil {
		t.Fatal(err)
	}
	if id == "" {
		t.Fatal("no message id")
	}
	h := f.wait("POST", "/channels/chan7/messages")
	if h.Auth != "Bot test-token" {
		t.Errorf("authorization = %q, want the bot token with its prefix", h.Auth)
	}
	// The package globals stay Discord's.
	if discordgo.EndpointAPI != "https://discord.com/api/v9/" {
		t.Errorf("discordgo.EndpointAPI changed: %s", discordgo.EndpointAPI)
	}
}

// recordingRT records the URL of each request it sees.
type recordingRT struct{ urls []string }

func (r *recordingRT) RoundTrip(req *http.Request) (*http.Response, error) {
	r.urls = append(r.urls, req.URL.String())
	return &http.Response{StatusCode: 204, Body: http.NoBody, Header: http.Header{}, Request: req}, nil
}

func TestRewriteTransport(t *testing.T) {
	cases := []struct{ base, in, want string }{
		{"http://127.0.0.1:9000/api", "https://discord.com/api/v9/channels/1/messages", "http://127.0.0.1:9000/api/v9/channels/1/messages"},
		{"http://127.0.0.1:9000/", "https://discord.com/api/v9/gateway", "http://127.0.0.1:9000/api/v9/gateway"},
		{"http://127.0.0.1:9000", "https://discord.com/api/v9/webhooks/1/tok/messages/@original", "http://127.0.0.1:9000/api/v9/webhooks/1/tok/messages/@original"},
		{"http://127.0.0.1:9000/fake", "https://discord.com/api/v9/gateway", "http://127.0.0.1:9000/fake/v9/gateway"},
		{"http://127.0.0.1:9000/prefix/api/", "https://discord.com/api/v9/webhooks/a/b?wait=true", "http://127.0.0.1:9000/prefix/api/v9/webhooks/a/b?wait=true"},
		// Discord's CDN (attachments) goes to the same host, under /cdn.
		{"http://127.0.0.1:9000/api", "https://cdn.discordapp.com/ephemeral-attachments/1/2/feeds.opml?ex=1", "http://127.0.0.1:9000/cdn/ephemeral-attachments/1/2/feeds.opml?ex=1"},
		{"http://127.0.0.1:9000", "https://media.discordapp.net/attachments/1/2/a.png", "http://127.0.0.1:9000/cdn/attachments/1/2/a.png"},
		// Neither: untouched.
		{"http://127.0.0.1:9000/api", "http://cdn.discordapp.com/avatars/1.png", "http://cdn.discordapp.com/avatars/1.png"},
		{"http://127.0.0.1:9000/api", "https://example.org/feeds.opml", "https://example.org/feeds.opml"},
		{"http://127.0.0.1:9000/api", "https://discord.com/apix/v9", "https://discord.com/apix/v9"},
		{"http://127.0.0.1:9000/api", "http://discord.com/api/v9/x", "http://discord.com/api/v9/x"},
	}
	for _, c := range cases {
		rec := &recordingRT{}
		client, err := rewriteClient(&http.Client{Transport: rec}, c.base)
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest("GET", c.in, nil)
		if _, err := client.Transport.RoundTrip(req); err != nil {
			t.Fatal(err)
		}
		if rec.urls[0] != c.want {
			t.Errorf("base %s: %s -> %s, want %s", c.base, c.in, rec.urls[0], c.want)
		}
		if req.URL.String() != c.in {
			t.Errorf("the caller's request was modified: %s", req.URL)
		}
	}
	// Discord's own base and no base leave the client's transport as it was.
	for _, base := range []string{"", "https://discord.com/api", "https://discord.com/api/"} {
		rec := &recordingRT{}
		c, err := rewriteClient(&http.Client{Transport: rec}, base)
		if err != nil || c.Transport != rec {
			t.Errorf("base %q: transport wrapped or error %v", base, err)
		}
	}
}

var nameRE = regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)

func TestRegisterCommands(t *testing.T) {
	f := newFakeDiscord(t)
	b := newTestBot(t, f, nil)
	if err := b.RegisterCommands(context.Background()); err != nil {
		t.Fatal(err)
	}
	h := f.wait("PUT", "/applications/app1/commands")
	var cmds []struct {
		Name        string `json:"name"`
		Description string `json:"description"`
		Type        int    `json:"type"`
		DefaultPerm string `json:"default_member_permissions"`
		Options     []struct {
			Name         string `json:"name"`
			Description  string `json:"description"`
			Type         int    `json:"type"`
			Required     bool   `json:"required"`
			Autocomplete bool   `json:"autocomplete"`
			Choices      []struct {
				Name  string `json:"name"`
				Value any    `json:"value"`
			} `json:"choices"`
		} `json:"options"`
	}
	if err := json.Unmarshal(h.Body, &cmds); err != nil {
		t.Fatal(err)
	}
	var specs []bot.Command
	for _, c := range bot.Commands() {
		if !c.Hidden {
			specs = append(specs, c)
		}
	}
	if len(cmds) != len(specs) {
		t.Fatalf("registered %d commands, want %d", len(cmds), len(specs))
	}
	byName := map[string]int{}
	for k, c := range cmds {
		byName[c.Name] = k
		if !nameRE.MatchString(c.Name) || c.Type != 1 {
			t.Errorf("command %q: bad name or type %d", c.Name, c.Type)
		}
		if n := len([]rune(c.Description)); n == 0 || n > 100 {
			t.Errorf("command %q: description length %d", c.Name, n)
		}
		optional := false
		for _, o := range c.Options {
			if !nameRE.MatchString(o.Name) || len(o.Description) == 0 || len([]rune(o.Description)) > 100 {
				t.Errorf("%s.%s: bad option name or description", c.Name, o.Name)
			}
			if o.Required && optional {
				t.Errorf("%s: required option %s after an optional one", c.Name, o.Name)
			}
			optional = optional || !o.Required
			if o.Autocomplete && len(o.Choices) > 0 {
				t.Errorf("%s.%s: autocomplete and choices together", c.Name, o.Name)
			}
		}
	}
	opt := func(cmd, name string) (typ int, required, auto bool, choices []string) {
		c := cmds[byName[cmd]]
		for _, o := range c.Options {
			if o.Name == name {
				for _, ch := range o.Choices {
					choices = append(choices, ch.Name)
				}
				return o.Type, o.Required, o.Autocomplete, choices
			}
		}
		t.Fatalf("%s has no option %s", cmd, name)
		return
	}
	if typ, req, _, ch := opt("digest", "period"); typ != 3 || req || strings.Join(ch, ",") != "24h,7d" {
		t.Errorf("digest period: type %d required %v choices %v", typ, req, ch)
	}
	if typ, req, auto, _ := opt("summary", "query"); typ != 3 || !req || !auto {
		t.Errorf("summary query: type %d required %v autocomplete %v", typ, req, auto)
	}
	if _, _, auto, _ := opt("subscribe", "timezone"); !auto {
		t.Error("subscribe timezone lacks autocomplete")
	}
	if _, _, auto, _ := opt("subscribe", "topics"); !auto {
		t.Error("subscribe topics lacks autocomplete")
	}
	if typ, _, _, _ := opt("latest", "n"); typ != 4 {
		t.Errorf("latest n: type %d, want integer (4)", typ)
	}
	if typ, req, _, _ := opt("removesource", "id"); typ != 4 || !req {
		t.Errorf("removesource id: type %d required %v", typ, req)
	}
	if _, req, _, ch := opt("alerts", "state"); !req || strings.Join(ch, ",") != "on,off" {
		t.Errorf("alerts state: required %v choices %v", req, ch)
	}
	for _, s := range specs {
		got := cmds[byName[s.Name]].DefaultPerm
		want := ""
		switch s.Access {
		case bot.Admins:
			want = "8" // Administrator
		case bot.ChatManagers:
			want = "16" // Manage Channels
		}
		if got != want {
			t.Errorf("%s: default_member_permissions %q, want %q", s.Name, got, want)
		}
	}
}

func TestRegisterLooksUpAppID(t *testing.T) {
	f := newFakeDiscord(t)
	b, err := New(Config{Token: "Bot tok", APIBase: f.apiBase(), Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.RegisterCommands(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.wait("GET", "/oauth2/applications/@me")
	h := f.wait("PUT", "/applications/app-from-token/commands")
	if h.Auth != "Bot tok" {
		t.Errorf("authorization %q", h.Auth)
	}
}

func TestRunHTTPModeOpensNoGateway(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	msgs := make(chan string, 16)
	b.log = slog.New(&chanHandler{ch: msgs})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx, &fakeHandler{}) }()
	for m := range msgs {
		if m == "discord: http interactions mode" {
			break
		}
	}
	f.wait("PUT", "/applications/app1/commands")
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for _, h := range f.all() {
		if h.Path == "/gateway" || strings.HasPrefix(h.Path, "/gateway/") {
			t.Errorf("HTTP mode asked for the gateway: %s %s", h.Method, h.Path)
		}
	}
}

func TestRunFailsWhenRegistrationFails(t *testing.T) {
	f := newFakeDiscord(t)
	f.setFail(func(h hit) *failure {
		return &failure{Status: 401, Body: `{"message":"401: Unauthorized","code":0}`}
	})
	b := newTestBot(t, f, nil)
	if err := b.Run(context.Background(), &fakeHandler{}); err == nil {
		t.Fatal("Run succeeded without registering commands")
	}
}

func TestInteractionSignature(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	other := newTestKey(t)
	b := newTestBot(t, f, &key)
	h := &fakeHandler{}
	srv := httptest.NewServer(b.InteractionsHandler(h))
	defer srv.Close()

	ping := []byte(`{"id":"p1","application_id":"app1","type":1,"token":"x","version":1}`)
	ts := "1764115200"
	cases := []struct {
		name   string
		sig    string
		ts     string
		body   []byte
		status int
	}{
		{"good", key.sign(ts, ping), ts, ping, 200},
		{"missing signature", "", ts, ping, 401},
		{"missing timestamp", key.sign(ts, ping), "", ping, 401},
		{"other key", other.sign(ts, ping), ts, ping, 401},
		{"tampered body", key.sign(ts, ping), ts, append([]byte(`{"type":1} `), ping...), 401},
		{"other timestamp", key.sign(ts, ping), "1764115201", ping, 401},
		{"not hex", "zz" + key.sign(ts, ping)[2:], ts, ping, 401},
		{"short", key.sign(ts, ping)[:64], ts, ping, 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(string(c.body)))
			if c.sig != "" {
				req.Header.Set("X-Signature-Ed25519", c.sig)
			}
			if c.ts != "" {
				req.Header.Set("X-Signature-Timestamp", c.ts)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != c.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, c.status)
			}
			if c.status == 200 {
				var m map[string]any
				if err := json.NewDecoder(resp.Body).Decode(&m); err != nil || m["type"] != float64(1) {
					t.Fatalf("PING answered %v (%v), want PONG", m, err)
				}
			}
		})
	}
	if resp, err := http.Get(srv.URL); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %v %v", resp.StatusCode, err)
	}
	if len(h.reqs) != 0 {
		t.Errorf("handler called %d times for PINGs and bad signatures", len(h.reqs))
	}
	if len(f.all()) != 0 {
		t.Errorf("REST calls for PINGs: %v", f.summary())
	}
}

func TestSlashCommandToRouterText(t *testing.T) {
	cases := []struct {
		name     string
		cmd      string
		opts     []opt
		guild    bool
		user     string
		perms    int64
		text     string
		chatType briefings.ChatKind
		manage   bool
		admin    bool
	}{
		{"options reordered to spec order", "subscribe", []opt{
			{Name: "topics", Type: 3, Value: "air_attacks  energy"},
			{Name: "timezone", Type: 3, Value: "Europe/Kyiv"},
			{Name: "time", Type: 3, Value: "07:30"},
		}, true, "u1", discordgo.PermissionManageChannels, "/subscribe 07:30 Europe/Kyiv air_attacks energy", "group", true, false},
		{"integer option", "latest", []opt{{Name: "n", Type: 4, Value: 5}}, true, "u1", 0, "/latest 5", "group", false, false},
		{"no options", "help", nil, false, "u2", 0, "/help", "private", true, false},
		{"choice", "digest", []opt{{Name: "period", Type: 3, Value: "7d"}}, true, "u1", discordgo.PermissionAdministrator, "/digest 7d", "group", true, false},
		{"admin", "removesource", []opt{{Name: "id", Type: 4, Value: 12}}, true, "admin1", 0, "/removesource 12", "group", false, true},
		{"optional skipped", "alerts", []opt{{Name: "state", Type: 3, Value: "on"}}, false, "u3", 0, "/alerts on", "private", true, false},
		{"unknown option ignored", "alerts", []opt{{Name: "state", Type: 3, Value: "off"}, {Name: "bogus", Type: 3, Value: "x"}}, true, "u1", 0, "/alerts off", "group", false, false},
		{"newline in value", "search", []opt{{Name: "words", Type: 3, Value: "drones\n/stats"}}, true, "u1", 0, "/search drones /stats", "group", false, false},
	}
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	b.deferAfter = 1 << 40 // never defer on time in this test
	h := &fakeHandler{}
	srv := httptest.NewServer(b.InteractionsHandler(h))
	defer srv.Close()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := postInteraction(t, srv.URL, key, commandInteraction(2, c.cmd, c.opts, c.guild, c.user, c.perms))
			if resp.StatusCode != 200 {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if slow(c.cmd) {
				// Deferred: the handler's answer comes as an edit.
				f.wait("PATCH", "/webhooks/app1/secret-interaction-token/messages/@original")
			}
			req := h.last(t)
			if req.Text != c.text {
				t.Errorf("text %q, want %q", req.Text, c.text)
			}
			if req.Chat != (briefings.Chat{Platform: "discord", ChatID: "chan1"}) || req.UserID != c.user {
				t.Errorf("chat %+v user %q", req.Chat, req.UserID)
			}
			if req.ChatKind != c.chatType || req.CanManage != c.manage || req.IsAdmin != c.admin {
				t.Errorf("chat type %q manage %v admin %v, want %q %v %v", req.ChatKind, req.CanManage, req.IsAdmin, c.chatType, c.manage, c.admin)
			}
			if req.Callback != "" {
				t.Errorf("callback %q on a slash command", req.Callback)
			}
			if !slow(c.cmd) {
				if body["type"] != float64(4) {
					t.Fatalf("response type %v, want 4", body["type"])
				}
				assertResponseNoMentions(t, c.name, body)
			}
		})
	}
	f.assertAllNoMentions(t)
}

func TestFastReplyIsTheResponse(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	b.deferAfter = 1 << 40
	h := &fakeHandler{reply: func(ctx context.Context, req *bot.Request) *bot.Reply {
		return bot.Text("Use /digest for the latest @everyone **news**")
	}}
	srv := httptest.NewServer(b.InteractionsHandler(h))
	defer srv.Close()
	_, body := postInteraction(t, srv.URL, key, commandInteraction(2, "help", nil, true, "u1", 0))
	if body["type"] != float64(4) {
		t.Fatalf("type %v", body["type"])
	}
	data := body["data"].(map[string]any)
	content, _ := data["content"].(string)
	if !strings.Contains(content, "@\u200beveryone") || strings.Contains(content, "**news**") {
		t.Errorf("content not escaped: %q", content)
	}
	if fl, _ := data["flags"].(float64); int(fl)&64 != 0 {
		t.Error("a normal reply is ephemeral")
	}
	assertResponseNoMentions(t, "help", body)
	if len(f.all()) != 0 {
		t.Errorf("REST calls for a fast reply: %v", f.summary())
	}
}

func TestEphemeralAndErrorReplies(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	b.deferAfter = 1 << 40
	h := &fakeHandler{reply: func(ctx context.Context, req *bot.Request) *bot.Reply {
		if strings.HasPrefix(req.Text, "/settings") {
			return &bot.Reply{Title: "Settings for this chat", Ephemeral: true, Paragraphs: []bot.Paragraph{{Lines: [][]bot.Span{{{Text: "Daily digest: off"}}}}},
				Buttons: [][]bot.Button{{{Label: "Alerts on", Data: "/alerts on"}}}}
		}
		return bot.ErrorReply("Only members who can manage this channel may change its settings.")
	}}
	srv := httptest.NewServer(b.InteractionsHandler(h))
	defer srv.Close()
	for _, cmd := range []string{"settings", "unsubscribe"} {
		_, body := postInteraction(t, srv.URL, key, commandInteraction(2, cmd, nil, true, "u1", 0))
		data := body["data"].(map[string]any)
		if fl, _ := data["flags"].(float64); int(fl)&64 == 0 {
			t.Errorf("/%s: reply not ephemeral: %v", cmd, data)
		}
		assertResponseNoMentions(t, cmd, body)
	}
}

func TestSlowCommandDeferredThenEdited(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	release := make(chan struct{})
	h := &fakeHandler{reply: func(ctx context.Context, req *bot.Request) *bot.Reply {
		<-release
		return hugeDigest(3, 4)
	}}
	srv := httptest.NewServer(b.InteractionsHandler(h))
	defer srv.Close()
	_, body := postInteraction(t, srv.URL, key, commandInteraction(2, "digest", []opt{{Name: "period", Type: 3, Value: "24h"}}, true, "u1", 0))
	if body["type"] != float64(5) {
		t.Fatalf("digest answered with type %v, want deferred (5)", body["type"])
	}
	assertResponseNoMentions(t, "deferred", body)
	close(release)
	edit := f.wait("PATCH", "/webhooks/app1/secret-interaction-token/messages/@original")
	m := edit.json(t)
	if embeds, _ := m["embeds"].([]any); len(embeds) == 0 {
		t.Errorf("the deferred digest has no embeds: %s", edit.Body)
	}
	b.inflight.Wait()
	f.assertAllNoMentions(t)
}

func TestAnyCommandDefersWhenSlow(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	b.deferAfter = 1 // the handler below blocks until the deferral is seen
	release := make(chan struct{})
	h := &fakeHandler{reply: func(ctx context.Context, req *bot.Request) *bot.Reply {
		<-release
		return bot.ErrorReply("Unknown source id.")
	}}
	srv := httptest.NewServer(b.InteractionsHandler(h))
	defer srv.Close()
	_, body := postInteraction(t, srv.URL, key, commandInteraction(2, "removesource", []opt{{Name: "id", Type: 4, Value: 3}}, true, "admin1", 0))
	if body["type"] != float64(5) {
		t.Fatalf("type %v, want deferred", body["type"])
	}
	close(release)
	// An error after a public deferral: the placeholder goes, the error is
	// shown to the requester only.
	f.wait("DELETE", "/webhooks/app1/secret-interaction-token/messages/@original")
	fu := f.wait("POST", "/webhooks/app1/secret-interaction-token")
	m := fu.json(t)
	if fl, _ := m["flags"].(float64); int(fl)&64 == 0 {
		t.Errorf("follow-up not ephemeral: %s", fu.Body)
	}
	if fu.Query != "wait=true" {
		t.Errorf("follow-up query %q", fu.Query)
	}
	b.inflight.Wait()
	f.assertAllNoMentions(t)
}

func TestLongReplyFollowsUp(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	b.deferAfter = 1 << 40
	h := &fakeHandler{reply: func(ctx context.Context, req *bot.Request) *bot.Reply {
		return hugeDigest(40, 30)
	}}
	srv := httptest.NewServer(b.InteractionsHandler(h))
	defer srv.Close()
	_, body := postInteraction(t, srv.URL, key, commandInteraction(2, "sources", nil, true, "u1", 0))
	if body["type"] != float64(4) {
		t.Fatalf("type %v", body["type"])
	}
	parts := len(b.render(hugeDigest(40, 30)))
	if parts < 2 {
		t.Fatalf("test digest fits one message (%d)", parts)
	}
	for k := 1; k < parts; k++ {
		f.wait("POST", "/webhooks/app1/secret-interaction-token")
	}
	b.inflight.Wait()
	f.assertAllNoMentions(t)
}

func TestAutocomplete(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	h := &fakeHandler{}
	srv := httptest.NewServer(b.InteractionsHandler(h))
	defer srv.Close()
	cases := []struct {
		cmd   string
		opts  []opt
		want  string
		count int // 0: any
	}{
		{"subscribe", []opt{{Name: "time", Type: 3, Value: "08:00"}, {Name: "timezone", Type: 3, Value: "kyi", Focused: true}}, "Europe/Kyiv", 0},
		{"subscribe", []opt{{Name: "topics", Type: 3, Value: "air_attacks ener", Focused: true}}, "air_attacks energy", 0},
		{"summary", []opt{{Name: "query", Type: 3, Value: "", Focused: true}}, "front_line", len(briefings.Topics())},
		{"subscribe", []opt{{Name: "timezone", Type: 3, Value: "", Focused: true}}, "UTC", 25},
		{"subscribe", []opt{{Name: "time", Type: 3, Value: "08", Focused: true}}, "", -1},
		{"nosuch", []opt{{Name: "x", Type: 3, Value: "a", Focused: true}}, "", -1},
	}
	for _, c := range cases {
		resp, body := postInteraction(t, srv.URL, key, commandInteraction(4, c.cmd, c.opts, true, "u1", 0))
		if resp.StatusCode != 200 || body["type"] != float64(8) {
			t.Fatalf("%s: status %d type %v", c.cmd, resp.StatusCode, body["type"])
		}
		data, _ := body["data"].(map[string]any)
		raw, _ := data["choices"].([]any)
		var names []string
		for _, ch := range raw {
			m := ch.(map[string]any)
			if m["name"] != m["value"] || len([]rune(m["name"].(string))) > 100 {
				t.Errorf("bad choice %v", m)
			}
			names = append(names, m["name"].(string))
		}
		if len(names) > 25 {
			t.Errorf("%s: %d choices", c.cmd, len(names))
		}
		switch {
		case c.count == -1 && len(names) != 0:
			t.Errorf("%s %v: choices %v, want none", c.cmd, c.opts, names)
		case c.count > 0 && len(names) != c.count:
			t.Errorf("%s %v: %d choices, want %d", c.cmd, c.opts, len(names), c.count)
		}
		if c.want != "" && !contains(names, c.want) && c.count != 25 {
			t.Errorf("%s %v: choices %v lack %q", c.cmd, c.opts, names, c.want)
		}
	}
	if len(h.reqs) != 0 {
		t.Errorf("autocomplete reached the router %d times", len(h.reqs))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestButtonUpdatesInPlace(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	b.deferAfter = 1 << 40
	h := &fakeHandler{reply: func(ctx context.Context, req *bot.Request) *bot.Reply {
		if req.Callback == "/toggle energy" {
			return &bot.Reply{Title: "Settings for this chat", Ephemeral: true,
				Paragraphs: []bot.Paragraph{{Lines: [][]bot.Span{{{Text: "Topics: energy"}}}}},
				Buttons:    [][]bot.Button{{{Label: "● energy", Data: "/toggle energy"}, {Label: "Alerts on", Data: "/alerts on"}}}}
		}
		return bot.ErrorReply("Only members who can manage this channel may change its settings.")
	}}
	srv := httptest.NewServer(b.InteractionsHandler(h))
	defer srv.Close()

	_, body := postInteraction(t, srv.URL, key, componentInteraction("/toggle energy", true, "u1", discordgo.PermissionManageChannels))
	req := h.last(t)
	if req.Callback != "/toggle energy" || req.Text != "" || !req.CanManage {
		t.Errorf("request %+v", req)
	}
	if body["type"] != float64(7) {
		t.Fatalf("button answered with type %v, want UpdateMessage (7)", body["type"])
	}
	data := body["data"].(map[string]any)
	comps, _ := data["components"].([]any)
	if len(comps) != 1 {
		t.Fatalf("components %v", data["components"])
	}
	if fl, _ := data["flags"].(float64); int(fl)&64 != 0 {
		t.Error("an update carries the ephemeral flag")
	}
	assertResponseNoMentions(t, "update", body)

	// A refused press leaves the message alone and tells only the presser.
	_, body = postInteraction(t, srv.URL, key, componentInteraction("/toggle front_line", true, "u2", 0))
	if body["type"] != float64(4) {
		t.Fatalf("refused press answered with type %v", body["type"])
	}
	if fl, _ := body["data"].(map[string]any)["flags"].(float64); int(fl)&64 == 0 {
		t.Error("refusal not ephemeral")
	}
}

func TestGatewayInteraction(t *testing.T) {
	f := newFakeDiscord(t)
	b := newTestBot(t, f, nil)
	b.deferAfter = 1 << 40
	h := &fakeHandler{}
	raw, _ := json.Marshal(commandInteraction(2, "latest", []opt{{Name: "n", Type: 4, Value: 3}}, false, "u5", 0))
	var i discordgo.Interaction
	if err := json.Unmarshal(raw, &i); err != nil {
		t.Fatal(err)
	}
	b.gatewayHandler(context.Background(), h)(b.session, &discordgo.InteractionCreate{Interaction: &i})
	if got := h.last(t); got.Text != "/latest 3" || got.ChatKind != "private" || !got.CanManage {
		t.Errorf("request %+v", got)
	}
	cb := f.wait("POST", "/interactions/int1/secret-interaction-token/callback")
	m := cb.json(t)
	if m["type"] != float64(4) {
		t.Errorf("callback type %v", m["type"])
	}
	f.assertAllNoMentions(t)

	// A slow command over the gateway: deferred callback, then the edit.
	raw, _ = json.Marshal(commandInteraction(2, "summary", []opt{{Name: "query", Type: 3, Value: "energy"}}, true, "u5", 0))
	var i2 discordgo.Interaction
	if err := json.Unmarshal(raw, &i2); err != nil {
		t.Fatal(err)
	}
	b.gatewayHandler(context.Background(), h)(b.session, &discordgo.InteractionCreate{Interaction: &i2})
	cb = f.wait("POST", "/interactions/int1/secret-interaction-token/callback")
	if cb.json(t)["type"] != float64(5) {
		t.Errorf("summary callback type %v, want 5", cb.json(t)["type"])
	}
	f.wait("PATCH", "/webhooks/app1/secret-interaction-token/messages/@original")
	f.assertAllNoMentions(t)
}

func TestSendErrorsClassified(t *testing.T) {
	cases := []struct {
		name  string
		fail  failure
		kind  string
		retry int
		hits  int
	}{
		{"429", failure{Status: 429, Body: `{"message":"You are being rate limited.","retry_after":1.5,"global":false}`}, bot.SendRateLimited, 2, 1},
		{"429 global", failure{Status: 429, Body: `{"message":"You are being rate limited.","retry_after":0.2,"global":true}`}, bot.SendRateLimited, 1, 1},
		{"403 missing access", failure{Status: 403, Body: `{"message":"Missing Access","code":50001}`}, bot.SendBlocked, 0, 1},
		{"403 missing permissions", failure{Status: 403, Body: `{"message":"Missing Permissions","code":50013}`}, bot.SendBlocked, 0, 1},
		{"404 unknown channel", failure{Status: 404, Body: `{"message":"Unknown Channel","code":10003}`}, bot.SendNotFound, 0, 1},
		{"500", failure{Status: 500, Body: `{"message":"Internal Server Error","code":0}`}, bot.SendRetry, 0, 1},
		{"502 retried once", failure{Status: 502, Body: `bad gateway`}, bot.SendRetry, 0, 2},
		{"503 html", failure{Status: 503, Body: `<html>down</html>`}, bot.SendRetry, 0, 1},
		{"400 invalid form", failure{Status: 400, Body: `{"message":"Invalid Form Body","code":50035}`}, bot.SendFatal, 0, 1},
		{"401", failure{Status: 401, Body: `{"message":"401: Unauthorized","code":0}`}, bot.SendFatal, 0, 1},
		{"403 cloudflare", failure{Status: 403, Body: `{"message":"internal network error","code":40333}`}, bot.SendRetry, 0, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeDiscord(t)
			fl := c.fail
			f.setFail(func(h hit) *failure { return &fl })
			b := newTestBot(t, f, nil)
			_, err := b.Send(context.Background(), briefings.Chat{Platform: "discord", ChatID: "c1"}, bot.Text("x"))
			checkSendError(t, err, c.kind, c.retry)
			if n := len(f.all()); n != c.hits {
				t.Errorf("%d requests, want %d", n, c.hits)
			}
			err = b.Edit(context.Background(), briefings.Chat{Platform: "discord", ChatID: "c1"}, "m1", bot.Text("y"))
			checkSendError(t, err, c.kind, c.retry)
		})
	}
	t.Run("unknown message on edit", func(t *testing.T) {
		f := newFakeDiscord(t)
		f.setFail(func(h hit) *failure { return &failure{Status: 404, Body: `{"message":"Unknown Message","code":10008}`} })
		b := newTestBot(t, f, nil)
		err := b.Edit(context.Background(), briefings.Chat{Platform: "discord", ChatID: "c1"}, "m1", bot.Text("y"))
		checkSendError(t, err, bot.SendFatal, 0)
	})
	t.Run("network", func(t *testing.T) {
		f := newFakeDiscord(t)
		b := newTestBot(t, f, nil)
		f.srv.Close()
		_, err := b.Send(context.Background(), briefings.Chat{Platform: "discord", ChatID: "c1"}, bot.Text("x"))
		checkSendError(t, err, bot.SendRetry, 0)
	})
}

func checkSendError(t *testing.T, err error, kind string, retry int) {
	t.Helper()
	var se *bot.SendError
	if !errors.As(err, &se) {
		t.Fatalf("error %v (%T) is not a *bot.SendError", err, err)
	}
	if se.Kind != kind || se.RetryAfter != retry || se.Platform != "discord" {
		t.Errorf("got kind %s retry %d, want %s %d (%v)", se.Kind, se.RetryAfter, kind, retry, err)
	}
}

func TestSendAndEditPayloads(t *testing.T) {
	f := newFakeDiscord(t)
	b := newTestBot(t, f, nil)
	chat := briefings.Chat{Platform: "discord", ChatID: "c9"}
	r := hugeDigest(40, 30)
	r.Buttons = [][]bot.Button{{{Label: "More", Data: "/latest 20"}, {Label: "Source", URL: "https://example.test/a_(b)"}}}
	id, err := b.Send(context.Background(), chat, r)
	if err != nil {
		t.Fatal(err)
	}
	posts := 0
	for _, h := range f.all() {
		if h.Method == "POST" && h.Path == "/channels/c9/messages" {
			posts++
			m := h.json(t)
			checkEmbedLimits(t, m)
			if fl, _ := m["flags"].(float64); int(fl)&64 != 0 {
				t.Error("ephemeral flag on a channel message")
			}
		}
	}
	if posts < 2 || id != "m1" {
		t.Errorf("%d messages posted, first id %q", posts, id)
	}
	last := f.all()[len(f.all())-1].json(t)
	if comps, _ := last["components"].([]any); len(comps) != 1 {
		t.Errorf("buttons not on the last message: %v", last["components"])
	}

	if err := b.Edit(context.Background(), chat, "m1", &bot.Reply{Title: "Air attack, night of 4 Sep", Paragraphs: []bot.Paragraph{{Lines: [][]bot.Span{{{Text: "Drones launched: 59 (revised)"}}}}}}); err != nil {
		t.Fatal(err)
	}
	e := f.wait("PATCH", "/channels/c9/messages/m1").json(t)
	for _, k := range []string{"content", "embeds", "components"} {
		if _, ok := e[k]; !ok {
			t.Errorf("edit leaves %s as it was", k)
		}
	}
	f.assertAllNoMentions(t)
}

// TestMentionsNeverPing sends article text full of mentions every way the
// adapter can send a message.
func TestMentionsNeverPing(t *testing.T) {
	f := newFakeDiscord(t)
	b := newTestBot(t, f, nil)
	chat := briefings.Chat{Platform: "discord", ChatID: "c1"}
	evil := "@everyone @here <@123456789012345678> <@&987654321098765432> <#111> **bold** [x](https://evil.test)"
	plain := bot.Text(evil)
	rich := &bot.Reply{Title: evil, Paragraphs: []bot.Paragraph{{Heading: evil, Lines: [][]bot.Span{{{Text: evil, URL: "https://example.test/x"}}}}}}
	for _, r := range []*bot.Reply{plain, rich} {
		if _, err := b.Send(context.Background(), chat, r); err != nil {
			t.Fatal(err)
		}
		if err := b.Edit(context.Background(), chat, "m1", r); err != nil {
			t.Fatal(err)
		}
	}
	for _, h := range f.all() {
		s := string(h.Body)
		for _, bad := range []string{`@everyone`, `@here`, `<@123`, `<@&987`, `<#111>`, `**bold**`, `[x](https://evil.test)`} {
			if strings.Contains(s, bad) {
				t.Errorf("%s %s: raw %q in payload", h.Method, h.Path, bad)
			}
		}
	}
	f.assertAllNoMentions(t)
}

func TestInteractionTokenNotLogged(t *testing.T) {
	f := newFakeDiscord(t)
	f.setFail(func(h hit) *failure {
		return &failure{Status: 400, Body: `{"message":"Invalid Webhook Token","code":50027}`}
	})
	var logs strings.Builder
	b := newTestBot(t, f, nil)
	b.log = slogTo(&logs)
	b.deferAfter = 1 << 40
	raw, _ := json.Marshal(commandInteraction(2, "help", nil, true, "u1", 0))
	var i discordgo.Interaction
	_ = json.Unmarshal(raw, &i)
	b.gatewayHandler(context.Background(), &fakeHandler{})(b.session, &discordgo.InteractionCreate{Interaction: &i})
	if !strings.Contains(logs.String(), "interaction response failed") {
		t.Fatalf("failure not logged: %s", logs.String())
	}
	if strings.Contains(logs.String(), "secret-interaction-token") {
		t.Errorf("interaction token in logs: %s", logs.String())
	}
	if strings.Contains(logs.String(), "test-token") {
		t.Errorf("bot token in logs: %s", logs.String())
	}
}

func TestAPIBaseFromURL(t *testing.T) {
	u, _ := url.Parse("http://127.0.0.1:1/api")
	if !isDiscordAPI(&url.URL{Scheme: "https", Host: "discord.com", Path: "/api/v9/x"}) || isDiscordAPI(u) {
		t.Error("isDiscordAPI")
	}
}

// chanHandler passes log messages to a channel (tests wait on them).
type chanHandler struct{ ch chan string }

func (h *chanHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *chanHandler) Handle(_ context.Context, r slog.Record) error {
	select {
	case h.ch <- r.Message:
	default:
	}
	return nil
}
func (h *chanHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *chanHandler) WithGroup(string) slog.Handler      { return h }

// TestDeferredEditRetries: an edit of the original response that meets a
// short 429 and then a 404 (the response not yet known to Discord) is
// retried until it lands.
func TestDeferredEditRetries(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	var n atomic.Int32
	f.setFail(func(h hit) *failure {
		if h.Method != "PATCH" {
			return nil
		}
		switch n.Add(1) {
		case 1:
			return &failure{Status: 429, Body: `{"message":"You are being rate limited.","retry_after":0.01,"global":false}`}
		case 2:
			return &failure{Status: 404, Body: `{"message":"Unknown Webhook","code":10015}`}
		}
		return nil
	})
	srv := httptest.NewServer(b.InteractionsHandler(&fakeHandler{}))
	defer srv.Close()
	_, body := postInteraction(t, srv.URL, key, commandInteraction(2, "digest", nil, true, "u1", 0))
	if body["type"] != float64(5) {
		t.Fatalf("type %v", body["type"])
	}
	for k := 0; k < 3; k++ {
		f.wait("PATCH", "/webhooks/app1/secret-interaction-token/messages/@original")
	}
	b.inflight.Wait()
	if n.Load() != 3 {
		t.Errorf("%d edits, want 3", n.Load())
	}
}

func TestSlowButtonDefersUpdate(t *testing.T) {
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	b.deferAfter = 1
	release := make(chan struct{})
	h := &fakeHandler{reply: func(ctx context.Context, req *bot.Request) *bot.Reply {
		<-release
		if req.Callback == "/latest 20" {
			return hugeDigest(40, 30) // longer than one message: the page keeps its first part
		}
		return nil
	}}
	srv := httptest.NewServer(b.InteractionsHandler(h))
	defer srv.Close()
	_, body := postInteraction(t, srv.URL, key, componentInteraction("/latest 20", true, "u1", 0))
	if body["type"] != float64(6) {
		t.Fatalf("slow press answered with type %v, want DeferredMessageUpdate (6)", body["type"])
	}
	close(release)
	edit := f.wait("PATCH", "/webhooks/app1/secret-interaction-token/messages/@original")
	checkEmbedLimits(t, edit.json(t))
	b.inflight.Wait()
	for _, h := range f.all() {
		if h.Method == "POST" {
			t.Errorf("a page turn posted a new message: %s", h.Path)
		}
	}
	f.assertAllNoMentions(t)

	// A slow command with nothing to say removes its placeholder.
	release = make(chan struct{})
	close(release)
	_, body = postInteraction(t, srv.URL, key, commandInteraction(2, "summary", []opt{{Name: "query", Type: 3, Value: "x"}}, true, "u1", 0))
	if body["type"] != float64(5) {
		t.Fatalf("type %v", body["type"])
	}
	f.wait("DELETE", "/webhooks/app1/secret-interaction-token/messages/@original")
}

func TestClassifyRESTError429(t *testing.T) {
	resp := &http.Response{StatusCode: 429, Status: "429 Too Many Requests", Header: http.Header{"Retry-After": []string{"3"}}}
	err := classify(&discordgo.RESTError{Response: resp, ResponseBody: []byte(`<html>slow down</html>`)})
	checkSendError(t, err, bot.SendRateLimited, 3)
	err = classify(&discordgo.RESTError{Response: resp, ResponseBody: []byte(`{"retry_after":4.2}`)})
	checkSendError(t, err, bot.SendRateLimited, 5)
	if classify(nil) != nil {
		t.Error("classify(nil) != nil")
	}
	var se *bot.SendError
	if errors.As(classify(context.DeadlineExceeded), &se); se.Kind != bot.SendRetry || !errors.Is(se, context.DeadlineExceeded) {
		t.Errorf("deadline: %+v", se)
	}
}

// BenchmarkInteractionRoundTrip measures a signed slash command over the
// HTTP interactions endpoint on loopback: verify, build the request, run a
// fake router, render and answer. Reports p50/p99 per interaction.
func BenchmarkInteractionRoundTrip(b *testing.B) {
	f := newFakeDiscord(b)
	key := newTestKey(b)
	bt := newTestBot(b, f, &key)
	bt.deferAfter = 1 << 40
	h := &fakeHandler{reply: func(ctx context.Context, req *bot.Request) *bot.Reply { return hugeDigest(4, 5) }}
	srv := httptest.NewServer(bt.InteractionsHandler(h))
	defer srv.Close()
	body, _ := json.Marshal(commandInteraction(2, "latest", []opt{{Name: "n", Type: 4, Value: 5}}, true, "u1", 0))
	ts := "1764115200"
	sig := key.sign(ts, body)
	client := srv.Client()
	var lat []time.Duration
	for b.Loop() {
		start := time.Now()
		req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(string(body)))
		req.Header.Set("X-Signature-Timestamp", ts)
		req.Header.Set("X-Signature-Ed25519", sig)
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status %d", resp.StatusCode)
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50_us")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99_us")
	}
}
