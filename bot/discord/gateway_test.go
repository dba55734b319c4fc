package discord

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gorilla/websocket"
)

// fakeGateway is a minimal Discord gateway on loopback: HELLO, IDENTIFY,
// READY, then one INTERACTION_CREATE dispatch.
type fakeGateway struct {
	srv      *httptest.Server
	identify chan map[string]any
}

func newFakeGateway(t *testing.T, interaction map[string]any) *fakeGateway {
	g := &fakeGateway{identify: make(chan map[string]any, 1)}
	up := websocket.Upgrader{}
	g.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		send := func(v any) bool { return c.WriteJSON(v) == nil }
		if !send(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}}) {
			return
		}
		for {
			var msg map[string]any
			if err := c.ReadJSON(&msg); err != nil {
				return
			}
			if msg["op"] != float64(2) {
				continue // heartbeats
			}
			d, _ := msg["d"].(map[string]any)
			g.identify <- d
			ready := map[string]any{"v": 9, "session_id": "sess1", "resume_gateway_url": "ws://" + r.Host,
				"user":   map[string]any{"id": "bot1", "username": "sitrep", "bot": true},
				"guilds": []any{}, "application": map[string]any{"id": "app1", "flags": 0}}
			if !send(map[string]any{"op": 0, "t": "READY", "s": 1, "d": ready}) ||
				!send(map[string]any{"op": 0, "t": "INTERACTION_CREATE", "s": 2, "d": interaction}) {
				return
			}
		}
	}))
	t.Cleanup(g.srv.Close)
	return g
}

func TestGatewayModeEndToEnd(t *testing.T) {
	f := newFakeDiscord(t)
	gw := newFakeGateway(t, commandInteraction(2, "digest", []opt{{Name: "period", Type: 3, Value: "7d"}}, true, "u1", 0))
	f.mu.Lock()
	f.gatewayURL = "ws" + strings.TrimPrefix(gw.srv.URL, "http")
	f.mu.Unlock()

	b := newTestBot(t, f, nil)
	h := &fakeHandler{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx, h) }()

	f.wait("PUT", "/applications/app1/commands")
	id := <-gw.identify
	if id["token"] != "Bot test-token" {
		t.Errorf("identify token %v", id["token"])
	}
	if id["intents"] != float64(1) {
		t.Errorf("identify intents %v, want 1 (Guilds only)", id["intents"])
	}
	cb := f.wait("POST", "/interactions/int1/secret-interaction-token/callback")
	var resp map[string]any
	if err := json.Unmarshal(cb.Body, &resp); err != nil || resp["type"] != float64(5) {
		t.Fatalf("callback %s (%v), want a deferred response", cb.Body, err)
	}
	edit := f.wait("PATCH", "/webhooks/app1/secret-interaction-token/messages/@original")
	if !strings.Contains(string(edit.Body), "ok: /digest 7d") {
		t.Errorf("edit %s", edit.Body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	f.assertAllNoMentions(t)
}
