package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

const envBotHelper = "SITREP_TEST_BOT_PROCESS"

// TestHelperBotProcess is the child of TestTwoBotProcessesPostgres: a whole
// `sitrep run` configured from the environment (database, Telegram API,
// HTTP address), its jobs every 300 ms, until SIGTERM.
func TestHelperBotProcess(t *testing.T) {
	if os.Getenv(envBotHelper) != "1" {
		t.Skip("helper process for TestTwoBotProcessesPostgres")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	m := NewMain()
	m.Stdin = strings.NewReader("")
	m.JobEvery = 300 * time.Millisecond
	err := m.Run(ctx, []string{"run"})
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bot process:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// TestTwoBotProcessesPostgres runs two bot processes on one PostgreSQL
// database and one Telegram API. Both run the due-digest and alert jobs
// every 300 ms and both dispatch; a third process ingests an attack report
// while they run. Every subscriber gets its digest once, every chat with
// alerts on gets the alert once, and nothing else is sent.
func TestTwoBotProcessesPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two bot processes; skipped with -short")
	}
	dsn := storetest.PostgresDSN(t)
	ctx := context.Background()
	const subscribers, alerted = 120, 40
	now := time.Now().UTC()
	slot := now.Truncate(time.Minute).Add(-time.Minute) // due, well within the grace window

	// Seed: one article for the digests, the subscriptions and alert settings.
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	talks := filepath.Join(dir, "talks.txt")
	os.WriteFile(talks, []byte("title: Envoys agree to meet again in Vienna\nsource: Process Wire\ndate: "+now.Add(-2*time.Hour).Format(time.RFC3339)+
		"\n\nUkrainian and Russian envoys agreed on Monday to hold another round of talks in Vienna next week. "+
		"The talks will cover prisoner exchanges and the safety of a nuclear power plant, officials said.\n"), 0o644)
	env := map[string]string{"SITREP_DATABASE_URL": dsn}
	if out, errs, code := run(t, "", env, "ingest", talks); code != 0 {
		t.Fatalf("seed ingest: code %d out %q err %q", code, out, errs)
	}
	for i := 1; i <= subscribers; i++ {
		s := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: strconv.Itoa(1000 + i)},
			Schedule: slot.Format("15:04"), TimeZone: "UTC", Active: true, NextDueAt: slot}
		if err := st.UpsertSubscription(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i <= alerted; i++ { // half of them subscribers too
		c := briefings.Chat{Platform: "telegram", ChatID: strconv.Itoa(1000 + subscribers/2 + i)}
		if err := st.SetAlertSettings(ctx, &briefings.AlertSettings{Chat: c, Enabled: true}); err != nil {
			t.Fatal(err)
		}
	}

	api := telegramtest.NewFake(t)
	type proc struct {
		cmd    *exec.Cmd
		addr   string
		logs   *syncBuffer
		exited chan error
	}
	var procs []*proc
	for range 2 {
		p := &proc{addr: freeAddr(t), logs: newSyncBuffer("http server listening"), exited: make(chan error, 1)}
		p.cmd = exec.Command(os.Args[0], "-test.run=^TestHelperBotProcess$", "-test.count=1")
		p.cmd.Env = append(os.Environ(), envBotHelper+"=1", "SITREP_DATABASE_URL="+dsn,
			"SITREP_TELEGRAM_TOKEN="+api.Token, "SITREP_TELEGRAM_API_ENDPOINT="+api.URL, "SITREP_HTTP_ADDR="+p.addr)
		p.cmd.Stderr = p.logs
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { p.exited <- p.cmd.Wait() }()
		procs = append(procs, p)
	}
	stopAll := func() {
		for _, p := range procs {
			if p.cmd.ProcessState == nil {
				_ = p.cmd.Process.Signal(syscall.SIGTERM)
			}
		}
		for _, p := range procs {
			select {
			case err := <-p.exited:
				if err != nil {
					t.Errorf("bot process: %v\n%s", err, p.logs.String())
				}
			case <-time.After(e2eWait):
				_ = p.cmd.Process.Kill()
				t.Errorf("bot process did not stop on SIGTERM\n%s", p.logs.String())
			}
			p.exited <- nil // for a second call
		}
	}
	t.Cleanup(func() {
		if t.Failed() {
			for i, p := range procs {
				t.Logf("process %d logs:\n%s", i, p.logs.String())
			}
		}
	})
	for _, p := range procs {
		waitFor(t, "a bot process to serve /healthz", func() bool {
			select {
			case <-p.logs.ready:
				return true
			default:
				return false
			}
		})
	}

	// A third process stores an attack report while both bots run.
	attack := filepath.Join(dir, "attack.txt")
	os.WriteFile(attack, []byte("title: Russia launches 64 drones at Ukraine overnight\nsource: Process Wire\ndate: "+now.Format(time.RFC3339)+
		"\n\nRussia launched 64 strike and decoy drones at Ukraine overnight, Ukraine's Air Force said. "+
		"Air defence units shot down or jammed 51 of the drones, the Air Force said.\n"), 0o644)
	if out, errs, code := run(t, "", env, "ingest", attack); code != 0 || !strings.HasPrefix(out, "new") {
		t.Fatalf("attack ingest: code %d out %q err %q", code, out, errs)
	}

	want := subscribers + alerted
	waitFor(t, fmt.Sprintf("%d messages", want), func() bool { return len(api.Calls("sendMessage")) >= want })
	// Each process counts two dispatchers sharing Telegram's rate.
	for _, p := range procs {
		waitFor(t, "both dispatchers counted in "+p.addr+"/metrics", func() bool {
			code, body := httpGet(t, "http://"+p.addr+"/metrics")
			return code == 200 && strings.Contains(body, "sitrep_outbox_dispatchers 2")
		})
	}
	// Both processes drain and stop; whatever either still had to send is sent by then.
	stopAll()

	got := map[string]int{}
	for _, c := range api.Calls("sendMessage") {
		got[c.Params.Get("chat_id")]++
	}
	for i := 1; i <= subscribers+alerted/2; i++ {
		chat := strconv.Itoa(1000 + i)
		n := 0
		if i <= subscribers {
			n++ // the digest
		}
		if i > subscribers/2 && i <= subscribers/2+alerted {
			n++ // the alert
		}
		if got[chat] != n {
			t.Errorf("chat %s got %d messages, want %d", chat, got[chat], n)
		}
		delete(got, chat)
	}
	if len(got) != 0 {
		t.Errorf("messages to chats nobody subscribed: %v", got)
	}
	// The chat with both: a digest quoting the talks, an alert with the figures and the source.
	both := api.Messages(strconv.Itoa(1000 + subscribers/2 + 1))
	var digest, alert bool
	for _, m := range both {
		digest = digest || strings.Contains(m.Text, "Vienna")
		alert = alert || strings.Contains(m.Text, "64") && strings.Contains(m.Text, "51") && strings.Contains(m.Text, "Process Wire")
	}
	if !digest || !alert {
		t.Errorf("want a digest and a sourced alert with the figures: %+v", both)
	}

	ds, err := st.DeliveryStats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ds.Sent != want || ds.Pending != 0 || ds.Sending != 0 || ds.Dead != 0 {
		t.Fatalf("outbox after both stopped: %+v, want %d sent and nothing else", ds, want)
	}
	st.Close()
}
