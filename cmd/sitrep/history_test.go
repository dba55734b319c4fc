package main

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings"
)

// An invented file in the data set's format.
const attacksCSV = `time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,source
2026-03-08 18:00,2026-03-09 08:00,Shahed-136/131,Kursk oblast,Ukraine,,120.0,100.0,5.0,,kpszsu/posts/inv1
2026-03-08 18:00,2026-03-09 08:00,Kalibr,Black Sea,Ukraine,,8.0,6.0,,,kpszsu/posts/inv1
2026-03-09 19:00,2026-03-10 07:30,Shahed-136/131,Kursk oblast,Ukraine,,90.0,81.0,,,kpszsu/posts/inv2
2026-03-09 19:00,2026-03-10 07:30,Zmey-7,,Ukraine,,2.0,2.0,,,kpszsu/posts/inv2
2026-03-10,2026-03-10,Shahed-136/131,,Ukraine,,lots,1,,,kpszsu/posts/inv3
`

func TestImportAttacksAndChart(t *testing.T) {
	dir := t.TempDir()
	db, csv := filepath.Join(dir, "s.db"), filepath.Join(dir, "attacks.csv")
	if err := os.WriteFile(csv, []byte(attacksCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", nil, "import", "attacks", "--db", db, csv)
	if code != 1 {
		t.Errorf("a file with a bad row exits 1 after loading the rest, got %d (%s)", code, errs)
	}
	for _, want := range []string{
		"5 rows, 2 attack windows: 2 added, 0 updated, 0 unchanged",
		`unmapped model "Zmey-7": 1 rows (lines 5), 2 launched`,
		`bad row line 6: launched: "lots" is not a number`,
		"Massive Missile Attacks on Ukraine",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	// The same file again adds nothing; a corrected one updates the row.
	out, _, _ = run(t, "", nil, "import", "attacks", "--db", db, csv)
	if !strings.Contains(out, "0 added, 0 updated, 2 unchanged") {
		t.Errorf("second import:\n%s", out)
	}
	fixed := strings.Replace(attacksCSV, ",90.0,81.0,", ",92.0,81.0,", 1)
	if err := os.WriteFile(csv, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ = run(t, "", nil, "import", "attacks", "--db", db, csv)
	if !strings.Contains(out, "0 added, 1 updated, 1 unchanged") {
		t.Errorf("corrected file:\n%s", out)
	}

	img := filepath.Join(dir, "chart.png")
	out, errs, code = run(t, "", nil, "chart", "--db", db, "--since", "30d", "--class", "drones", "-o", img)
	if code != 0 {
		t.Fatalf("chart: %d %s", code, errs)
	}
	// 9 Mar: 120 drones (100 down), 10 Mar: 92 corrected (81 down), in the 30 days to 10 Mar: 181 of 212.
	if !strings.Contains(out, "Drones (sums added up by sitrep from the figures of 2 of the 30 days; the others give none): 212 launched, 85 % brought down.") || !strings.Contains(out, "Chart written to "+img) {
		t.Errorf("chart output:\n%s", out)
	}
	data, err := os.ReadFile(img)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(data)); err != nil {
		t.Errorf("not a PNG: %v", err)
	}
	for _, bad := range [][]string{
		{"chart", "--db", db, "--since", "5y"},
		{"chart", "--db", db, "--class", "tanks"},
		{"chart", "--db", db, "--until", "yesterday"},
		{"import", "rockets", csv},
		{"import", "attacks"},
	} {
		if _, _, code := run(t, "", nil, bad...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
}

// TestRunTelegramChart is the end-to-end run of the bot on Telegram (the Go
// fake of the Bot API: the npm emulator has no sendPhoto): history imported
// from the command line, then /chart answered with a photo and /trend with
// the week's numbers.
func TestRunTelegramChart(t *testing.T) {
	api, _ := runWithHistory(t, func() time.Time { return time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC) }, 0)
	chat, user := telegramtest.Chat{ID: 5601, Type: "private"}, telegramtest.User{ID: 5601, UserName: "dana"}
	api.PushMessage(chat, user, "/chart 30d drones")
	photo := api.WaitMessages(t, "5601", 1)[0]
	if _, err := png.Decode(bytes.NewReader(photo.Photo)); err != nil {
		t.Fatalf("/chart sent no picture (%d bytes): %v", len(photo.Photo), err)
	}
	if !strings.Contains(photo.Text, "Drones (sums added up by sitrep from the figures of 2 of the 30 days; the others give none): 210 launched, 86 % brought down.") || photo.PhotoName != "chart-30d.png" {
		t.Errorf("caption of %s: %s", photo.PhotoName, photo.Text)
	}
	if calls := api.Calls("sendPhoto"); len(calls) != 1 {
		t.Errorf("sendPhoto calls: %d", len(calls))
	}
	api.PushMessage(chat, user, "/trend drones")
	trend := api.WaitMessages(t, "5601", 2)[1]
	if !strings.Contains(trend.Text, "7 days to 10 Mar (sums added up by sitrep from the figures of 2 of the 7 days; the others give none): 210 drones launched") || !strings.Contains(trend.Text, "9 Mar: 120 launched, 100 brought down") {
		t.Errorf("/trend: %s", trend.Text)
	}
}

// TestRunTelegramWeeklyChart is the weekly chart end to end on the Telegram
// fake: a chat subscribes and turns the chart on; its Monday digest goes
// out through the due-digest job, the outbox and the dispatcher, followed
// by the chart of the week before as a photo, once.
func TestRunTelegramWeeklyChart(t *testing.T) {
	// Monday 16 March 2026, 08:00:30 in Kyiv (the chart is of 9-15
	// March), as the clock goes on.
	start, began := time.Date(2026, 3, 16, 6, 0, 30, 0, time.UTC), time.Now()
	clock := func() time.Time { return start.Add(time.Since(began)) }
	api, m := runWithHistory(t, clock, 200*time.Millisecond)
	chat, user := telegramtest.Chat{ID: 5602, Type: "private"}, telegramtest.User{ID: 5602, UserName: "eve"}
	api.PushMessage(chat, user, "/subscribe 08:00 Europe/Kyiv")
	api.WaitMessages(t, "5602", 1)
	api.PushMessage(chat, user, "/weeklychart on")
	if got := api.WaitMessages(t, "5602", 2)[1]; !strings.Contains(got.Text, "Weekly chart on") {
		t.Fatalf("/weeklychart on: %s", got.Text)
	}
	// Due now: today's 08:00 slot, half a minute ago.
	ctx := context.Background()
	sub, err := m.Store.GetSubscription(ctx, briefings.Chat{Platform: "telegram", ChatID: "5602"})
	if err != nil || !sub.WeeklyChart {
		t.Fatalf("stored: %+v %v", sub, err)
	}
	sub.NextDueAt = start.Add(-30 * time.Second)
	if err := m.Store.UpsertSubscription(ctx, sub); err != nil {
		t.Fatal(err)
	}
	msgs := api.WaitMessages(t, "5602", 4)
	digest, photo := msgs[2], msgs[3]
	if digest.Photo != nil || !strings.Contains(digest.Text, "Briefing") {
		t.Errorf("third message, want the digest: %q", digest.Text)
	}
	if _, err := png.Decode(bytes.NewReader(photo.Photo)); err != nil {
		t.Fatalf("fourth message is no picture (%d bytes): %v", len(photo.Photo), err)
	}
	for _, want := range []string{"Drones and missiles, 9 Mar – 15 Mar 2026", "Drones (sums added up by sitrep from the figures of 2 of the 7 days; the others give none): 210 launched", "9 Mar - 15 Mar 2026"} {
		if !strings.Contains(photo.Text, want) {
			t.Errorf("chart caption lacks %q: %s", want, photo.Text)
		}
	}
	// Once: the outbox is drained and the subscription moved on to
	// Tuesday's slot, so no later run meets Monday's again.
	waitFor(t, "the outbox drained", func() bool {
		st, err := m.Store.DeliveryStats(ctx)
		return err == nil && st.Pending == 0 && st.Sending == 0 && st.Sent == 2
	})
	if sub, err = m.Store.GetSubscription(ctx, sub.Chat); err != nil || !sub.NextDueAt.Equal(start.Add(24*time.Hour-30*time.Second)) {
		t.Errorf("after Monday's digest: %+v %v, want due on Tuesday", sub, err)
	}
	if n := len(api.Calls("sendPhoto")); n != 1 {
		t.Errorf("sendPhoto calls: %d, want 1", n)
	}
}

// runWithHistory imports attacksCSV into a new database and runs the bot
// on it against the Telegram fake, with the clock now and the scheduled
// jobs every jobEvery (0: their defaults).
func runWithHistory(t *testing.T, now func() time.Time, jobEvery time.Duration) (*telegramtest.Fake, *Main) {
	t.Helper()
	dir := t.TempDir()
	db, csv := filepath.Join(dir, "s.db"), filepath.Join(dir, "attacks.csv")
	if err := os.WriteFile(csv, []byte(attacksCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errs, code := run(t, "", nil, "import", "attacks", "--db", db, csv); !strings.Contains(out, "2 added") {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	api := telegramtest.NewFake(t)
	env := map[string]string{
		"SITREP_TELEGRAM_TOKEN":        api.Token,
		"SITREP_TELEGRAM_API_ENDPOINT": api.URL,
		"SITREP_HTTP_ADDR":             freeAddr(t),
	}
	logs := newSyncBuffer("http server listening")
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs, Getenv: func(k string) string { return env[k] },
		Now: now, JobEvery: jobEvery}
	startRun(t, m, logs, "run", "--db", db)
	return api, m
}
