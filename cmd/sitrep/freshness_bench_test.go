package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot/schedule"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/ingest/tmetest"
)

// freshnessScale divides the channel's poll interval and the poll job's tick
// in BenchmarkChannelFreshness, so that a sample takes seconds, not a
// minute.
const freshnessScale = 20

// BenchmarkChannelFreshness measures how fresh an Air Force alert is: from a
// new post appearing on the channel's preview page (a local server in t.me's
// markup) to the alert, or its edit, accepted by the Telegram fake, through
// `sitrep run` (channel poll, parse, store, alert scan, outbox, Telegram
// adapter). Each sample posts a revised report of the night at a random
// moment and waits for the alert's edit.
//
// Real time would make a sample last up to a minute, so the poll interval
// (60 s or 30 s, up to 10 % early at random) and the poll job's tick
// (schedule.DefaultPollEvery) run freshnessScale times faster. Each sample's latency is split at the poll
// that first served the post: the wait for that poll is scaled back up
// (multiplied by freshnessScale), the processing after it is real time.
// It reports p50-s and p95-s of that latency, and of the processing alone.
//
//	go test -run '^$' -bench ChannelFreshness -benchtime 40x ./cmd/sitrep/
func BenchmarkChannelFreshness(b *testing.B) {
	for _, interval := range []time.Duration{time.Minute, 30 * time.Second} {
		b.Run(fmt.Sprintf("interval=%s", interval), func(b *testing.B) {
			f := startFreshness(b, interval)
			var total, proc []time.Duration
			for i := 0; i < b.N; i++ {
				wait, work := f.sample(b, i)
				total = append(total, wait*freshnessScale+work)
				proc = append(proc, work)
			}
			slices.Sort(total)
			slices.Sort(proc)
			b.ReportMetric(pct(total, 50)/1000, "p50-s")
			b.ReportMetric(pct(total, 95)/1000, "p95-s")
			b.ReportMetric(pct(proc, 50)/1000, "proc-p50-s")
			b.ReportMetric(pct(proc, 95)/1000, "proc-p95-s")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// freshness is a running bot reading one channel.
type freshness struct {
	srv    *tmetest.Server
	api    *telegramtest.Fake
	scaled time.Duration // the scaled poll interval
	day    time.Time
}

func startFreshness(b *testing.B, interval time.Duration) *freshness {
	b.Helper()
	f := &freshness{srv: tmetest.NewServer(), api: telegramtest.NewFake(b), scaled: interval / freshnessScale,
		day: time.Now().In(time.UTC)}
	b.Cleanup(f.srv.Close)
	f.srv.AddChannel("kpszsu", "Повітряні сили ЗС України")
	f.srv.Post("kpszsu", tmetest.Post{Text: "Канал створено для тесту.", Time: time.Now().Add(-time.Hour)})
	dir := b.TempDir()
	cfg := filepath.Join(dir, "sitrep.yaml")
	yaml := fmt.Sprintf("log_level: error\nsources:\n  - name: Ukraine's Air Force (Telegram)\n    url: %s\n    kind: channel\n    primary_for: UA\n    lang: uk\n",
		f.srv.PageURL("kpszsu"))
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		b.Fatal(err)
	}
	env := map[string]string{"SITREP_TELEGRAM_TOKEN": f.api.Token, "SITREP_TELEGRAM_API_ENDPOINT": f.api.URL}
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(k string) string { return env[k] },
		Now: time.Now, JobEvery: schedule.DefaultPollEvery / freshnessScale}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, []string{"run", "--config", cfg, "--db", filepath.Join(dir, "s.db")}) }()
	b.Cleanup(func() {
		cancel()
		<-done
		m.Close()
	})
	chat, user := telegramtest.Chat{ID: 9001, Type: "private"}, telegramtest.User{ID: 9001, UserName: "bench"}
	f.api.PushMessage(chat, user, "/alerts on")
	f.api.WaitMessages(b, "9001", 1)
	// After the back-fill, the channel polls at the scaled interval.
	var src *briefings.Source
	deadline := time.Now().Add(e2eWait)
	for src == nil || src.LastPostID == 0 {
		if time.Now().After(deadline) {
			b.Fatal("the channel was never read")
		}
		time.Sleep(20 * time.Millisecond)
		src, _ = m.Store.GetSourceByURL(ctx, f.srv.PageURL("kpszsu"))
	}
	src.Interval = f.scaled
	if err := m.Store.UpsertSource(ctx, src); err != nil {
		b.Fatal(err)
	}
	// The poll the back-fill scheduled at the full interval comes now.
	at := time.Now()
	if err := m.Store.RecordFetch(ctx, src.ID, briefings.FetchResult{At: src.LastFetchAt, OK: true, NextCheckAt: at}); err != nil {
		b.Fatal(err)
	}
	for src.LastFetchAt.Before(at) {
		if time.Now().After(deadline) {
			b.Fatal("the channel was not polled again")
		}
		time.Sleep(20 * time.Millisecond)
		src, _ = m.Store.GetSourceByURL(ctx, f.srv.PageURL("kpszsu"))
	}
	return f
}

// sample posts a new count of the night at a random moment and waits for
// the alert (or its edit) to reach the fake. wait is the time from the post
// to the first poll that served it, work from that poll to the alert.
func (f *freshness) sample(b *testing.B, i int) (wait, work time.Duration) {
	b.Helper()
	// A second apart at least (Telegram's pace for one chat), then a
	// random moment of the poll interval.
	time.Sleep(time.Second + time.Duration(rand.Int64N(int64(f.scaled))))
	before := len(f.api.Calls("sendMessage")) + len(f.api.Calls("editMessageText"))
	posted := time.Now()
	id := f.srv.Post("kpszsu", tmetest.Post{Text: airForceReport(f.day, 100+i, 90+i, "ЗБИТО/ПОДАВЛЕНО"), Time: posted})
	deadline := posted.Add(e2eWait)
	for len(f.api.Calls("sendMessage"))+len(f.api.Calls("editMessageText")) <= before {
		if time.Now().After(deadline) {
			b.Fatalf("sample %d: no alert within %s", i, e2eWait)
		}
		time.Sleep(2 * time.Millisecond)
	}
	accepted := time.Now()
	served, ok := f.srv.ServedAt("kpszsu", id)
	if !ok {
		b.Fatalf("sample %d: the alert came before any poll served the post", i)
	}
	return served.Sub(posted), accepted.Sub(served)
}
