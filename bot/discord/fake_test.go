package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
)

// hit is one request the fake Discord API received.
type hit struct {
	Method string
	Path   string // without the /api/v9 prefix
	Query  string
	Auth   string
	Body   []byte // the JSON payload (payload_json of a multipart request)
	// Files are a multipart request's uploads by file name.
	Files map[string][]byte
}

func (h hit) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(h.Body, &m); err != nil {
		t.Fatalf("%s %s: body is not a JSON object: %v (%s)", h.Method, h.Path, err, h.Body)
	}
	return m
}

// failure is a canned error answer.
type failure struct {
	Status int
	Body   string
	Header map[string]string
}

// fakeDiscord is a small fake of Discord's REST API on loopback: it records
// every request and answers like Discord for the routes the adapter uses.
type fakeDiscord struct {
	t   testing.TB
	srv *httptest.Server

	mu    sync.Mutex
	hits  []hit
	fail  func(h hit) *failure
	next  int
	notif chan hit
	// gatewayURL is returned by GET /gateway.
	gatewayURL string
	// files are served under /cdn/ (Discord's CDN, rewritten), by path.
	files map[string][]byte
	// cdnAuth are the Authorization headers the CDN requests carried.
	cdnAuth []string
}

func newFakeDiscord(t testing.TB) *fakeDiscord {
	f := &fakeDiscord{t: t, notif: make(chan hit, 1024), files: map[string][]byte{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/v9/", f.serve)
	mux.HandleFunc("/cdn/", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		data, ok := f.files[strings.TrimPrefix(r.URL.Path, "/cdn")]
		f.cdnAuth = append(f.cdnAuth, r.Header.Get("Authorization"))
		f.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(data)
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeDiscord) apiBase() string { return f.srv.URL + "/api" }

func (f *fakeDiscord) setFail(fn func(h hit) *failure) {
	f.mu.Lock()
	f.fail = fn
	f.mu.Unlock()
}

func (f *fakeDiscord) all() []hit {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]hit(nil), f.hits...)
}

// wait returns the next request whose method and path match (path prefix),
// skipping others; it fails the test after a generous safety timeout.
func (f *fakeDiscord) wait(method, pathPrefix string) hit {
	f.t.Helper()
	timeout := time.NewTimer(10 * time.Second)
	defer timeout.Stop()
	for {
		select {
		case h := <-f.notif:
			if h.Method == method && strings.HasPrefix(h.Path, pathPrefix) {
				return h
			}
		case <-timeout.C:
			f.t.Fatalf("fake discord: no %s %s received; got %v", method, pathPrefix, f.summary())
			return hit{}
		}
	}
}

func (f *fakeDiscord) summary() []string {
	var out []string
	for _, h := range f.all() {
		out = append(out, h.Method+" "+h.Path)
	}
	return out
}

func (f *fakeDiscord) serve(w http.ResponseWriter, r *http.Request) {
	body, files, err := readBody(r)
	if err != nil {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"code":50035,"message":"Invalid Form Body"}`)
		return
	}
	h := hit{Method: r.Method, Path: strings.TrimPrefix(r.URL.Path, "/api/v9"), Query: r.URL.RawQuery,
		Auth: r.Header.Get("Authorization"), Body: body, Files: files}
	f.mu.Lock()
	f.hits = append(f.hits, h)
	fail := f.fail
	f.next++
	id := fmt.Sprintf("m%d", f.next)
	gw := f.gatewayURL
	f.mu.Unlock()
	defer func() {
		select {
		case f.notif <- h:
		default:
		}
	}()

	if fail != nil {
		if fl := fail(h); fl != nil {
			for k, v := range fl.Header {
				w.Header().Set(k, v)
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(fl.Status)
			io.WriteString(w, fl.Body)
			return
		}
	}
	seg := strings.Split(strings.Trim(h.Path, "/"), "/")
	reply := func(v any) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(v)
	}
	switch {
	case r.Method == "GET" && h.Path == "/gateway":
		reply(map[string]any{"url": gw})
	case r.Method == "GET" && h.Path == "/oauth2/applications/@me":
		reply(map[string]any{"id": "app-from-token", "name": "sitrep"})
	case r.Method == "PUT" && len(seg) == 3 && seg[0] == "applications" && seg[2] == "commands":
		var cmds []map[string]any
		if err := json.Unmarshal(body, &cmds); err != nil {
			http.Error(w, `{"code":50035,"message":"Invalid Form Body"}`, http.StatusBadRequest)
			return
		}
		for k, c := range cmds {
			c["id"] = fmt.Sprintf("cmd%d", k)
			c["application_id"] = seg[1]
		}
		reply(cmds)
	case r.Method == "POST" && len(seg) == 3 && seg[0] == "channels" && seg[2] == "messages":
		reply(map[string]any{"id": id, "channel_id": seg[1]})
	case r.Method == "PATCH" && len(seg) == 4 && seg[0] == "channels" && seg[2] == "messages":
		reply(map[string]any{"id": seg[3], "channel_id": seg[1]})
	case r.Method == "POST" && len(seg) == 4 && seg[0] == "interactions" && seg[3] == "callback":
		w.WriteHeader(http.StatusNoContent)
	case r.Method == "PATCH" && len(seg) == 5 && seg[0] == "webhooks" && seg[3] == "messages":
		reply(map[string]any{"id": "original"})
	case r.Method == "DELETE" && len(seg) == 5 && seg[0] == "webhooks" && seg[3] == "messages":
		w.WriteHeader(http.StatusNoContent)
	case r.Method == "POST" && len(seg) == 3 && seg[0] == "webhooks":
		reply(map[string]any{"id": id})
	default:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"message":"404: Not Found","code":0}`)
	}
}

// readBody reads a JSON body, or a multipart one as Discord takes uploads:
// the message as the payload_json part, each file as a part with a file name.
func readBody(r *http.Request) ([]byte, map[string][]byte, error) {
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		body, err := io.ReadAll(r.Body)
		return body, nil, err
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	var body []byte
	files := map[string][]byte{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return body, files, nil
		}
		if err != nil {
			return nil, nil, err
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case part.FormName() == "payload_json":
			body = data
		case part.FileName() != "":
			files[part.FileName()] = data
		}
	}
}

// messagePayload reports whether a request carries a message (and so must
// carry allowed_mentions).
func messagePayload(h hit) bool {
	switch {
	case h.Method == "POST" && strings.HasPrefix(h.Path, "/channels/"),
		h.Method == "PATCH" && strings.HasPrefix(h.Path, "/channels/"),
		h.Method == "PATCH" && strings.HasPrefix(h.Path, "/webhooks/"),
		h.Method == "POST" && strings.HasPrefix(h.Path, "/webhooks/"):
		return true
	}
	return false
}

// assertNoMentions checks that a message payload has allowed_mentions with
// an empty (not null) parse list and no user or role allowance.
func assertNoMentions(t *testing.T, where string, m map[string]any) {
	t.Helper()
	am, ok := m["allowed_mentions"].(map[string]any)
	if !ok {
		t.Errorf("%s: allowed_mentions missing: %v", where, m)
		return
	}
	parse, ok := am["parse"].([]any)
	if !ok || len(parse) != 0 {
		t.Errorf("%s: allowed_mentions.parse = %#v, want []", where, am["parse"])
	}
	if am["users"] != nil || am["roles"] != nil || am["replied_user"] == true {
		t.Errorf("%s: allowed_mentions allows someone: %v", where, am)
	}
}

// assertAllNoMentions checks every message payload the fake received.
func (f *fakeDiscord) assertAllNoMentions(t *testing.T) {
	t.Helper()
	for _, h := range f.all() {
		switch {
		case messagePayload(h):
			assertNoMentions(t, h.Method+" "+h.Path, h.json(t))
		case h.Method == "POST" && strings.HasSuffix(h.Path, "/callback"):
			assertResponseNoMentions(t, h.Path, h.json(t))
		}
	}
}

// assertResponseNoMentions checks an interaction response: every type that
// can carry a message has allowed_mentions in its data.
func assertResponseNoMentions(t *testing.T, where string, resp map[string]any) {
	t.Helper()
	typ, _ := resp["type"].(float64)
	switch typ {
	case 1, 8: // PONG, autocomplete choices: no message
		return
	case 6:
		if resp["data"] == nil {
			return // acknowledgement only
		}
	}
	data, ok := resp["data"].(map[string]any)
	if !ok {
		t.Errorf("%s: response type %v without data", where, typ)
		return
	}
	assertNoMentions(t, where, data)
}

// fakeHandler stands in for the router: it records requests and answers
// with reply (default: a short text).
type fakeHandler struct {
	mu    sync.Mutex
	reqs  []*bot.Request
	reply func(ctx context.Context, req *bot.Request) *bot.Reply
}

func (h *fakeHandler) Handle(ctx context.Context, req *bot.Request) *bot.Reply {
	h.mu.Lock()
	h.reqs = append(h.reqs, req)
	fn := h.reply
	h.mu.Unlock()
	if fn == nil {
		return bot.Text("ok: " + req.Text + req.Callback)
	}
	return fn(ctx, req)
}

func (h *fakeHandler) last(t *testing.T) *bot.Request {
	t.Helper()
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.reqs) == 0 {
		t.Fatal("handler got no request")
	}
	return h.reqs[len(h.reqs)-1]
}

// testKey is an ed25519 key pair made for the tests.
type testKey struct {
	pub  ed25519.PublicKey
	priv ed25519.PrivateKey
}

func newTestKey(t testing.TB) testKey {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return testKey{pub, priv}
}

func (k testKey) hex() string { return hex.EncodeToString(k.pub) }

func (k testKey) sign(ts string, body []byte) string {
	return hex.EncodeToString(ed25519.Sign(k.priv, append([]byte(ts), body...)))
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// newTestBot returns a bot against the fake, in HTTP mode when key is set.
func newTestBot(t testing.TB, f *fakeDiscord, key *testKey) *Bot {
	t.Helper()
	cfg := Config{Token: "test-token", AppID: "app1", APIBase: f.apiBase(), Logger: discardLogger(),
		Admins: map[string]bool{"admin1": true}}
	if key != nil {
		cfg.PublicKey = key.hex()
	}
	b, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.inflight.Wait)
	return b
}

// postInteraction sends a signed interaction to the HTTP endpoint.
func postInteraction(t *testing.T, url string, key testKey, payload any) (*http.Response, map[string]any) {
	t.Helper()
	body, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	ts := "1764115200"
	req, _ := http.NewRequest("POST", url, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", key.sign(ts, body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("response is not JSON: %v (%s)", err, raw)
		}
	}
	return resp, m
}

// interaction builders -------------------------------------------------------

type opt struct {
	Name    string
	Type    int
	Value   any
	Focused bool
}

func guildMember(userID string, perms int64) map[string]any {
	return map[string]any{"user": map[string]any{"id": userID, "username": "user_" + userID}, "permissions": fmt.Sprint(perms)}
}

func commandInteraction(typ int, name string, opts []opt, guild bool, userID string, perms int64) map[string]any {
	var os []map[string]any
	for _, o := range opts {
		m := map[string]any{"name": o.Name, "type": o.Type, "value": o.Value}
		if o.Focused {
			m["focused"] = true
		}
		os = append(os, m)
	}
	i := map[string]any{
		"id": "int1", "application_id": "app1", "type": typ, "token": "secret-interaction-token",
		"channel_id": "chan1", "version": 1,
		"data": map[string]any{"id": "cmd1", "name": name, "type": 1, "options": os},
	}
	if guild {
		i["guild_id"] = "guild1"
		i["member"] = guildMember(userID, perms)
		i["context"] = 0
	} else {
		i["user"] = map[string]any{"id": userID, "username": "user_" + userID}
		i["context"] = 1
	}
	return i
}

func componentInteraction(customID string, guild bool, userID string, perms int64) map[string]any {
	i := commandInteraction(3, "", nil, guild, userID, perms)
	i["data"] = map[string]any{"custom_id": customID, "component_type": 2}
	i["message"] = map[string]any{"id": "msg9", "channel_id": "chan1"}
	return i
}
