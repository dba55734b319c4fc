package discord

import (
	"context"
	"net"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/bot"
)

// TestStartFailuresClassified: Discord refusing the token (401) or the
// application (403) at registration is permanent, with the fix named and no
// token; connection refused, 5xx and 429 are transient.
func TestStartFailuresClassified(t *testing.T) {
	cases := []struct {
		name      string
		status    int
		body      string
		permanent bool
		fix       string
	}{
		{"401", 401, `{"message":"401: Unauthorized","code":0}`, true, "discord.token"},
		{"403", 403, `{"message":"Missing Access","code":50001}`, true, "discord.app_id"},
		{"cloudflare 403", 403, `{"message":"internal network error","code":40333}`, false, ""},
		{"502", 502, `<html>bad gateway</html>`, false, ""},
		{"503", 503, `{"message":"upstream connect error","code":0}`, false, ""},
		{"429", 429, `{"message":"You are being rate limited.","retry_after":2,"global":true}`, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeDiscord(t)
			f.setFail(func(h hit) *failure { return &failure{Status: c.status, Body: c.body} })
			b := newTestBot(t, f, nil)
			err := b.Run(context.Background(), &fakeHandler{})
			if err == nil || bot.IsPermanent(err) != c.permanent || !strings.Contains(err.Error(), c.fix) {
				t.Fatalf("Run = %v (permanent %v, want %v)", err, bot.IsPermanent(err), c.permanent)
			}
			if strings.Contains(err.Error(), "test-token") {
				t.Errorf("token in the error: %v", err)
			}
		})
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	b, err := New(Config{Token: "test-token", AppID: "app1", APIBase: "http://" + addr + "/api", Logger: discardLogger()})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Run(context.Background(), &fakeHandler{}); err == nil || bot.IsPermanent(err) || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("connection refused: %v", err)
	}
}
