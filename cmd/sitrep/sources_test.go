package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
)

const cliList = `<?xml version="1.0"?>
<opml version="2.0"><head><title>feeds</title></head><body>
  <outline text="News">
    <outline text="Wire" type="rss" xmlUrl="https://wire.example/rss"/>
    <outline text="Home" type="rss" xmlUrl="http://10.1.2.3/feed"/>
  </outline>
  <outline text="Kyiv" type="rss" xmlUrl="https://kyiv.example/feed" language="uk"/>
</body></opml>`

func TestSourcesImportExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	file := filepath.Join(dir, "in.opml")
	if err := os.WriteFile(file, []byte(cliList), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", nil, "sources", "import", "--db", db, file)
	if code != 1 || !strings.Contains(out, "added #1 Wire <https://wire.example/rss>") ||
		!strings.Contains(out, "refused line 5 Home <http://10.1.2.3/feed>: the address is not public") ||
		!strings.Contains(out, "2 added, 0 already there, 1 refused") {
		t.Fatalf("import: code %d\n%s\n%s", code, out, errs)
	}
	// Idempotent; --allow-private takes the operator's own address.
	out, _, code = run(t, "", nil, "sources", "import", "--db", db, "--allow-private", file)
	if code != 0 || !strings.Contains(out, "1 added, 2 already there, 0 refused") {
		t.Fatalf("second import: code %d\n%s", code, out)
	}
	exported, errs, code := run(t, "", nil, "sources", "export", "--db", db)
	if code != 0 || !strings.Contains(exported, `<outline text="News" title="News">`) {
		t.Fatalf("export: code %d\n%s\n%s", code, exported, errs)
	}
	// The export imports into a fresh database as the same three sources.
	again := filepath.Join(dir, "out.opml")
	if err := os.WriteFile(again, []byte(exported), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code = run(t, "", nil, "sources", "import", "--db", filepath.Join(dir, "b.db"), "--allow-private", again)
	if code != 0 || !strings.Contains(out, "3 added, 0 already there, 0 refused") {
		t.Fatalf("re-import: code %d\n%s\n%s", code, out, errs)
	}
	reexported, _, _ := run(t, "", nil, "sources", "export", "--db", filepath.Join(dir, "b.db"))
	if reexported != exported {
		t.Fatalf("export of the re-import differs:\n%s\nvs\n%s", reexported, exported)
	}
	// A file that is not OPML adds nothing.
	bad := filepath.Join(dir, "bad.opml")
	if err := os.WriteFile(bad, []byte("<rss><channel/></rss>"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errs, code = run(t, "", nil, "sources", "import", "--db", db, bad)
	if code != 1 || !strings.Contains(errs, "not OPML") || !strings.Contains(errs, "nothing imported") {
		t.Fatalf("bad file: code %d %s", code, errs)
	}
}

// TestRunTelegramExport: an admin's /export on Telegram (the Go fake, which
// takes uploads) sends the sources as an OPML document that imports into a
// fresh database as the same sources.
func TestRunTelegramExport(t *testing.T) {
	dir := t.TempDir()
	db, list := filepath.Join(dir, "a.db"), filepath.Join(dir, "in.opml")
	if err := os.WriteFile(list, []byte(cliList), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, errs, code := run(t, "", nil, "sources", "import", "--db", db, "--allow-private", list); code != 0 {
		t.Fatalf("import: %s %s", out, errs)
	}
	api := telegramtest.NewFake(t)
	env := map[string]string{"SITREP_TELEGRAM_TOKEN": api.Token, "SITREP_TELEGRAM_API_ENDPOINT": api.URL,
		"SITREP_HTTP_ADDR": freeAddr(t), "SITREP_ADMINS": "telegram:5801"}
	logs := newSyncBuffer("http server listening")
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs, Getenv: func(k string) string { return env[k] },
		Now: func() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, []string{"run", "--db", db}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
		m.Close()
	})
	waitReady(t, logs, done)
	admin := telegramtest.User{ID: 5801, UserName: "admin", LanguageCode: "uk"}
	api.PushMessage(telegramtest.Chat{ID: 5801, Type: "private"}, admin, "/export")
	got := api.WaitMessages(t, "5801", 1)[0]
	if got.DocumentName != "sitrep-sources.opml" || !strings.Contains(got.Text, "Джерела бота (3)") {
		t.Fatalf("export message: %q %q", got.DocumentName, got.Text)
	}
	out := filepath.Join(dir, "export.opml")
	if err := os.WriteFile(out, got.Document, 0o600); err != nil {
		t.Fatal(err)
	}
	res, errs, code := run(t, "", nil, "sources", "import", "--db", filepath.Join(dir, "b.db"), "--allow-private", out)
	if code != 0 || !strings.Contains(res, "3 added, 0 already there, 0 refused") {
		t.Fatalf("re-import of the chat export: %d %s %s", code, res, errs)
	}
}
