package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot/outbox"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/ingest/tmetest"
	"github.com/sitrep/sitrep/config"
)

// ukMonths are the Ukrainian month names as they stand after a day ("5
// жовтня"), as the Air Force's reports write dates.
var ukMonths = [...]string{"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
	"вересня", "жовтня", "листопада", "грудня"}

// airForceReport is an invented overnight report in the Air Force's
// template for the night ending on day.
func airForceReport(day time.Time, launched, down int, header string) string {
	prev := day.AddDate(0, 0, -1)
	return fmt.Sprintf("⚡️%s\n\nУ ніч на %d %s (з 18:00 %d %s) противник атакував %d ударними БпЛА типу Shahed та дронами-імітаторами.\n\n"+
		"Станом на 08:30, за попередніми даними, збито/подавлено %d ворожих БпЛА на сході та півночі країни.",
		header, day.Day(), ukMonths[day.Month()-1], prev.Day(), ukMonths[prev.Month()-1], launched, down)
}

// TestAirForceChannelEndToEnd runs `sitrep run` on the example
// configuration, its Air Force channel (https://t.me/s/kpszsu) served by a
// local preview server, on a database holding last year's attack: a chat
// turning alerts on gets no alert for that; the first poll back-fills the
// channel and alerts on nothing in it, not even a report of the same
// night; the next report
// posted alerts a chat on Telegram with its figures and a link to the post;
// the post edited with a new count edits the alert, and a poll that finds
// nothing new sends nothing. The test moves the channel's next poll to now
// instead of waiting its 60 s interval.
func TestAirForceChannelEndToEnd(t *testing.T) {
	now := time.Now().UTC()
	kyiv := mustLoc(t, "Europe/Kyiv")
	day := now.In(kyiv)
	srv := tmetest.NewServer()
	defer srv.Close()
	srv.AddChannel("kpszsu", "Повітряні сили ЗС України")
	for i := 0; i < 24; i++ {
		srv.Post("kpszsu", tmetest.Post{Text: fmt.Sprintf("Увага! Група ударних БпЛА у напрямку області № %d.", i+1), Time: now.Add(time.Duration(i-30) * time.Minute)})
	}
	// Tonight's first report, already posted: the back-fill reads it quietly.
	srv.Post("kpszsu", tmetest.Post{Text: airForceReport(day, 60, 51, "ЗБИТО/ПОДАВЛЕНО 51 ЦІЛЬ"), Time: now.Add(-5 * time.Minute)})

	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "sitrep.yaml")
	if err := os.WriteFile(cfgPath, config.Example(), 0o644); err != nil {
		t.Fatal(err)
	}
	// Last year's attack, already in the database (an archive ingested
	// before): turning alerts on must not send it.
	db := filepath.Join(dir, "s.db")
	old := filepath.Join(dir, "old.txt")
	lastYear := now.AddDate(-1, 0, 0)
	if err := os.WriteFile(old, []byte(fmt.Sprintf("title: Overnight attack\nsource: Archive Wire\ndate: %s\n\n"+
		"Russia launched 112 drones at Ukraine overnight, Ukraine's Air Force said, adding that 84 were shot down.\n",
		lastYear.Format(time.RFC3339))), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errs, code := run(t, "", nil, "ingest", "--db", db, old); code != 0 || !strings.HasPrefix(out, "new") {
		t.Fatalf("ingest of the archive: %d %s %s", code, out, errs)
	}
	api := telegramtest.NewFake(t)
	env := map[string]string{"SITREP_TELEGRAM_TOKEN": api.Token, "SITREP_TELEGRAM_API_ENDPOINT": api.URL, "SITREP_HTTP_ADDR": freeAddr(t)}
	logs := newSyncBuffer("http server listening")
	// Every fetch goes to the local server: the channel is served there,
	// the example's feeds answer 404.
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs, Getenv: func(k string) string { return env[k] },
		Now: time.Now, JobEvery: 200 * time.Millisecond,
		HTTPClient: &http.Client{Transport: toServer{srv.Server}, Timeout: 10 * time.Second}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, []string{"run", "--config", cfgPath, "--db", db}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
		m.Close()
		if t.Failed() {
			t.Logf("logs:\n%s", logs.String())
		}
	})
	waitReady(t, logs, done)
	chat, user := telegramtest.Chat{ID: 7001, Type: "private"}, telegramtest.User{ID: 7001, UserName: "olena"}
	api.PushMessage(chat, user, "/alerts on")
	api.WaitMessages(t, "7001", 1)

	src := waitSource(t, m, "https://t.me/s/kpszsu", func(s *briefings.Source) bool { return s.LastPostID == 25 })
	if src.Kind != briefings.SourceChannel || src.PrimaryFor != "UA" || src.ErrorCount != 0 {
		t.Fatalf("the Air Force's channel: %+v", src)
	}
	waitAlertScan(t, m)
	if msgs := api.Messages("7001"); len(msgs) != 1 {
		t.Fatalf("the back-fill or last year's attack alerted: %+v", msgs[1:])
	}
	reps, _ := m.Store.AttackReportsAfter(context.Background(), 0, 1000)
	if len(reps) == 0 || reps[0].Date != lastYear.Format("2006-01-02") || *reps[0].Launched.Drones != 112 {
		t.Fatalf("last year's report is not in the database: %+v", reps)
	}

	// The morning's report: one alert, the figures and the post's link.
	id := srv.Post("kpszsu", tmetest.Post{Text: airForceReport(day, 95, 80, "ЗБИТО/ПОДАВЛЕНО 80 ЦІЛЕЙ"), Time: time.Now()})
	pollNow(t, m, src.ID)
	alert := api.WaitMessages(t, "7001", 2)[1]
	link := fmt.Sprintf("https://t.me/kpszsu/%d", id)
	if !strings.Contains(alert.Text, "95 drones") || !strings.Contains(alert.Text, "; 80 intercepted or jammed") ||
		!strings.Contains(alert.Text, "Ukraine's Air Force") || !strings.Contains(alert.Text, link) || strings.Contains(alert.Text, "60 drones") ||
		strings.Contains(alert.Text, "drones and missiles") {
		t.Fatalf("alert: %s", alert.Text)
	}

	// The Air Force edits the post with a higher count: the alert is edited.
	srv.Edit("kpszsu", id, airForceReport(day, 97, 83, "ЗБИТО/ПОДАВЛЕНО 83 ЦІЛІ"))
	pollNow(t, m, src.ID)
	waitFor(t, "the alert edited", func() bool {
		msgs := api.Messages("7001")
		return len(msgs) == 2 && msgs[1].Edits > 0 && strings.Contains(msgs[1].Text, "97 drones")
	})
	edited := api.Messages("7001")[1]
	if !strings.Contains(edited.Text, "; 83 intercepted or jammed") || !strings.Contains(edited.Text, "updated") || !strings.Contains(edited.Text, link) {
		t.Fatalf("edited alert: %s", edited.Text)
	}
	// Nothing new: nothing sent, nothing edited.
	pollNow(t, m, src.ID)
	waitAlertScan(t, m)
	if msgs := api.Messages("7001"); len(msgs) != 2 || msgs[1].Edits != edited.Edits {
		t.Fatalf("an unchanged channel changed the chat: %d messages, %d edits", len(msgs), msgs[1].Edits)
	}
}

// waitSource waits until the source with url satisfies ok.
func waitSource(t *testing.T, m *Main, url string, ok func(*briefings.Source) bool) *briefings.Source {
	t.Helper()
	var s *briefings.Source
	waitFor(t, "source "+url, func() bool {
		var err error
		s, err = m.Store.GetSourceByURL(context.Background(), url)
		return err == nil && ok(s)
	})
	return s
}

// waitAlertScan waits until the alert scan has read every stored report.
func waitAlertScan(t *testing.T, m *Main) {
	t.Helper()
	ctx := context.Background()
	waitFor(t, "the alert scan", func() bool {
		reps, err := m.Store.AttackReportsAfter(ctx, 0, 100000)
		if err != nil || len(reps) == 0 {
			return false
		}
		cur, err := m.Store.GetCursor(ctx, outbox.AlertCursor)
		return err == nil && cur >= reps[len(reps)-1].ID
	})
}

// pollNow makes the channel due and waits for its next poll.
func pollNow(t *testing.T, m *Main, id int64) {
	t.Helper()
	ctx := context.Background()
	s, err := m.Store.GetSource(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := m.Store.RecordFetch(ctx, id, briefings.FetchResult{At: s.LastFetchAt, OK: true, NextCheckAt: now}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a poll", func() bool {
		got, err := m.Store.GetSource(ctx, id)
		return err == nil && got.LastFetchAt.After(now)
	})
}
