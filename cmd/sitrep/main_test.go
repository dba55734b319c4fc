package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// run executes the command line in process with its own streams, environment
// and clock, like a user at a shell.
func run(t *testing.T, stdin string, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) },
	}
	err := m.Run(context.Background(), args)
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
			if ee.msg != "" {
				errb.WriteString(ee.msg)
			}
		} else {
			code = 1
			errb.WriteString(err.Error())
		}
	}
	return out.String(), errb.String(), code
}

// seedPath is the founding article, read from the shared folder at test time.
func seedPath(t *testing.T) string {
	t.Helper()
	matches, _ := filepath.Glob("../../../shared/seed/*.txt")
	if len(matches) == 0 {
		t.Skip("../shared/seed not found beside the repository")
	}
	return matches[0]
}

func TestIngestIsIdempotentAndSummarizes(t *testing.T) {
	seed := seedPath(t)
	db := filepath.Join(t.TempDir(), "s.db")
	out, errs, code := run(t, "", nil, "ingest", "--db", db, seed)
	if code != 0 || !strings.HasPrefix(out, "new ") {
		t.Fatalf("first ingest: code %d out %q err %q", code, out, errs)
	}
	out, _, code = run(t, "", nil, "ingest", "--db", db, seed)
	if code != 0 || !strings.HasPrefix(out, "duplicate") {
		t.Fatalf("second ingest should add nothing: code %d out %q", code, out)
	}
	out, _, code = run(t, "", nil, "digest", "--db", db, "--since", "30000h", "--format", "json")
	if code != 0 {
		t.Fatalf("digest: %d", code)
	}
	var d struct {
		Sections []struct {
			Name  string
			Items []struct{ Sentences []string }
		}
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("digest json: %v\n%s", err, out)
	}
	items := 0
	for _, s := range d.Sections {
		items += len(s.Items)
	}
	if items != 1 {
		t.Fatalf("one article should make one digest item, got %d: %s", items, out)
	}
}

func TestIngestReportsBadSourcesAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("title: Talks in Geneva\nsource: Test Wire\n\nEnvoys met in Geneva on Monday. They agreed to meet again."), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	binary := filepath.Join(dir, "bin.txt")
	os.WriteFile(binary, []byte{0, 1, 2, 0, 0xff, 0xfe, 0, 0}, 0o644)
	out, _, code := run(t, "", nil, "ingest", "--db", filepath.Join(dir, "s.db"), empty, binary, filepath.Join(dir, "missing.txt"), good)
	if code != 1 {
		t.Fatalf("exit code %d, want 1 when a source failed; out %q", code, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("want one line per source, got %q", out)
	}
	for i := 0; i < 3; i++ {
		if !strings.HasPrefix(lines[i], "error") {
			t.Errorf("line %d: %q should be an error", i, lines[i])
		}
	}
	if !strings.HasPrefix(lines[3], "new") {
		t.Errorf("good file after bad ones: %q", lines[3])
	}
}

func TestSummarizeSeed(t *testing.T) {
	seed := seedPath(t)
	out, errs, code := run(t, "", nil, "summarize", "-n", "2", seed)
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 sentences, got %q", out)
	}
	raw, _ := os.ReadFile(seed)
	for _, l := range lines {
		if !strings.Contains(string(raw), l) {
			t.Errorf("sentence not verbatim: %q", l)
		}
		if strings.HasPrefix(l, "date ") {
			t.Errorf("header leaked into the summary: %q", l)
		}
	}
	out, _, _ = run(t, string(raw), nil, "summarize", "-")
	if len(strings.Split(strings.TrimSpace(out), "\n")) != 3 {
		t.Fatalf("stdin default of 3 sentences: %q", out)
	}
}

func TestExtractSeed(t *testing.T) {
	seed := seedPath(t)
	out, errs, code := run(t, "", nil, "extract", seed)
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	var res struct {
		Attacks []struct {
			Attacker            string
			Launched            struct{ Drones *int }
			InterceptedOrJammed struct{ Drones *int } `json:"intercepted_or_jammed"`
		}
		Topics []string
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if len(res.Attacks) != 1 || res.Attacks[0].Launched.Drones == nil || *res.Attacks[0].Launched.Drones != 112 ||
		res.Attacks[0].InterceptedOrJammed.Drones == nil || *res.Attacks[0].InterceptedOrJammed.Drones != 84 {
		t.Fatalf("seed figures: %s", out)
	}
}

func TestChatDemo(t *testing.T) {
	in := "/help\n/latest 3\n/digest\n/attacks 7d\n/sources\n/search drones\n/nonsense\n/subscribe 08:00 Europe/Kyiv\n/settings\n"
	out, errs, code := run(t, in, nil, "chat", "--demo")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	for _, want := range []string{"/subscribe", "Latest 3 articles", "Briefing", "Unknown command /nonsense", "Subscribed", "Daily digest: "} {
		if !strings.Contains(out, want) {
			t.Errorf("chat output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

// The demo's bulletin stands for the Air Force's channel: a night it alone
// reports has it as the report of record, named as the Air Force's own
// report (no "via"), linked, and /sources says so.
func TestChatDemoReportOfRecord(t *testing.T) {
	out, errs, code := run(t, "/attacks 3d\n/sources\n", nil, "chat", "--demo")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	want := "12 Mar 2026, overnight: Russia launched 64 drones; 49 intercepted or jammed (77%). Source: Ukraine's Air Force — report (https://sample.sitrep.invalid/demo-air-force-bulletin/"
	if !strings.Contains(out, want) {
		t.Errorf("no report of record from the bulletin:\n%s", out)
	}
	if !strings.Contains(out, "Demo Air Force Bulletin — local files; figures of record for attacks on Ukraine") {
		t.Errorf("/sources does not say the bulletin is of record:\n%s", out)
	}
}

// The demo's night was revised at 09:30 (146 drones, then 148) and the
// digest item's figures line gives the revision: the item's headline and
// first sentence are the revising article's, so the item does not state the
// replaced count above the line that replaces it.
func TestChatDemoDigestToldFromRevision(t *testing.T) {
	out, errs, code := run(t, "/digest\n", nil, "chat", "--demo")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	_, air, ok := strings.Cut(out, "Air attacks\n")
	lines := strings.SplitN(air, "\n", 4)
	if !ok || len(lines) < 3 {
		t.Fatalf("no Air attacks section:\n%s", out)
	}
	if !strings.Contains(lines[2], "148 drones") || !strings.Contains(lines[0], "148") || !strings.Contains(lines[1], "148") {
		t.Errorf("the air item is not told from the revision:\n%s", strings.Join(lines[:3], "\n"))
	}
}

func TestRunDemoConsoleStopsAtEOF(t *testing.T) {
	out, errs, code := run(t, "/latest 1\n", nil, "run", "--demo")
	if code != 0 || !strings.Contains(out, "Latest 1 article") {
		t.Fatalf("code %d out %q err %q", code, out, errs)
	}
}

func TestDigestFormats(t *testing.T) {
	for _, f := range []string{"text", "markdown", "html", "json"} {
		out, errs, code := run(t, "", nil, "digest", "--demo", "--format", f)
		if code != 0 || len(out) < 200 {
			t.Fatalf("%s: code %d err %q out %q", f, code, errs, out)
		}
		if f == "html" && (strings.Contains(out, "<script") || !strings.Contains(out, "<b>")) {
			t.Errorf("html digest: %q", out)
		}
	}
	_, _, code := run(t, "", nil, "digest", "--demo", "--format", "pdf")
	if code != 2 {
		t.Fatalf("bad format: code %d", code)
	}
}

func TestConfigCheck(t *testing.T) {
	out, _, code := run(t, "", nil, "config", "check")
	if code != 0 || !strings.Contains(out, "valid") {
		t.Fatalf("defaults: %d %q", code, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("digest:\n  sentences: 9\n"), 0o644)
	out, _, code = run(t, "", nil, "config", "check", "--config", bad)
	if code != 1 || !strings.Contains(out, "digest.sentences") {
		t.Fatalf("bad config: %d %q", code, out)
	}
	out, _, code = run(t, "", map[string]string{"SITREP_DATABASE_URL": "mysql://x"}, "config", "check")
	if code != 1 || !strings.Contains(out, "database_url") {
		t.Fatalf("bad env: %d %q", code, out)
	}
	out, _, code = run(t, "", nil, "config", "example")
	if code != 0 || !strings.Contains(out, "sources:") {
		t.Fatalf("example: %d", code)
	}
}

func TestUsageErrors(t *testing.T) {
	if _, _, code := run(t, "", nil); code != 2 {
		t.Fatalf("no args: %d", code)
	}
	if _, _, code := run(t, "", nil, "frobnicate"); code != 2 {
		t.Fatalf("unknown: %d", code)
	}
	if _, _, code := run(t, "", nil, "ingest"); code != 2 {
		t.Fatalf("ingest without sources: %d", code)
	}
	if _, _, code := run(t, "", nil, "summarize", "-n", "0"); code != 2 {
		t.Fatalf("summarize -n 0: %d", code)
	}
}

// TestConfiguredFeedOnTheOperatorsNetwork: a feed in the configuration may
// live on the operator's own network (a loopback server here) and is
// refreshed there, while the same address is refused to chat users.
func TestConfiguredFeedOnTheOperatorsNetwork(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprint(w, `{"version":"https://jsonfeed.org/version/1.1","title":"LAN bulletin","items":[{"id":"1","url":"https://lan.example/1","title":"Depot repairs finished","content_text":"Crews finished repairs at the rail depot on Monday.","date_published":"2026-03-10T08:00:00Z"}]}`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "sitrep.yaml")
	feed := srv.URL + "/feed"
	os.WriteFile(cfg, []byte(fmt.Sprintf("sources:\n  - name: LAN bulletin\n    url: %s\n", feed)), 0o644)
	db := filepath.Join(dir, "s.db")
	// The bot stores the configured source, then chats on the console.
	out, errs, code := run(t, "/addsource "+srv.URL+"/other\n", nil, "run", "--config", cfg, "--db", db)
	if code != 0 || !strings.Contains(out, "not public") {
		t.Fatalf("run: code %d, out %q, err %q; want /addsource of a loopback address refused", code, out, errs)
	}
	out, errs, code = run(t, "", nil, "ingest", "--config", cfg, "--db", db, feed)
	if code != 0 || !strings.HasPrefix(out, "new") {
		t.Fatalf("refreshing the configured feed: code %d, out %q, err %q", code, out, errs)
	}
}
