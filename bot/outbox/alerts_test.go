package outbox

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// renderTest renders the latest report's figures.
func renderTest(_ briefings.Chat, ev []*briefings.AttackReport) *bot.Reply {
	r := ev[len(ev)-1]
	n, _ := r.LaunchedTotal()
	return bot.Text(fmt.Sprintf("%s launched %d", r.EventKey(), n))
}

type alertFixture struct {
	st     *store.DB
	source int64
	n      int
}

func newAlertFixture(t *testing.T) *alertFixture {
	st := storetest.Open(t)
	src := &briefings.Source{Name: "Outlet", URL: "https://outlet.test/feed", Kind: briefings.SourceFeed, Enabled: true}
	if err := st.UpsertSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	return &alertFixture{st: st, source: src.ID}
}

// report stores an article carrying one attack report.
func (f *alertFixture) report(t testing.TB, published time.Time, r briefings.AttackReport) {
	t.Helper()
	f.article(t, published, false, r)
}

// article is report with the article's date given without a time of day
// when dateOnly.
func (f *alertFixture) article(t testing.TB, published time.Time, dateOnly bool, r briefings.AttackReport) {
	t.Helper()
	f.n++
	a := &briefings.Article{
		SourceID: f.source, URL: fmt.Sprintf("https://outlet.test/a/%d", f.n), GUID: fmt.Sprint(f.n),
		Title: fmt.Sprintf("Overnight attack report %d", f.n), Body: fmt.Sprintf("Invented body text number %d.", f.n),
		PublishedAt: published, ContentHash: fmt.Sprintf("h%d", f.n), Attacks: []briefings.AttackReport{r},
		DateOnly: dateOnly,
	}
	if _, err := f.st.AddArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
}

func national(date string, drones int) briefings.AttackReport {
	return briefings.AttackReport{Attacker: "RU", Target: "UA", Date: date, Period: "overnight", Scope: briefings.ScopeNational,
		Launched: briefings.Counts{Drones: briefings.IntPtr(drones)}, Regions: []string{"Kyiv", "Odesa"}}
}

func pending(t *testing.T, st *store.DB) []*briefings.Delivery {
	t.Helper()
	rows, err := st.Claim(context.Background(), "", time.Now().Add(48*time.Hour), time.Now().Add(49*time.Hour), 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := st.MarkRetry(context.Background(), r.ID, "", r.CreatedAt); err != nil {
			t.Fatal(err)
		}
	}
	return rows
}

func TestEnqueueAlerts(t *testing.T) {
	ctx := context.Background()
	f := newAlertFixture(t)
	now := time.Date(2026, 9, 4, 6, 0, 0, 0, time.UTC)
	chats := []*briefings.AlertSettings{
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "1"}, Enabled: true},
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "2"}, Enabled: true, MinLaunched: 100},              // 54 < 100: no
		{Chat: briefings.Chat{Platform: "discord", ChatID: "3"}, Enabled: true, Regions: []string{"odesa"}},     // matches
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "4"}, Enabled: true, Classes: []string{"missiles"}}, // no missiles
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "5"}, Enabled: true, Attacker: "UA"},                // wrong attacker
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "6"}, Enabled: false},                               // off
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "7"}, Enabled: true, Regions: []string{"Lviv"}},     // no
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "8"}, Enabled: true, QuietStart: "23:00", QuietEnd: "07:00", TimeZone: "Europe/Kyiv"},
	}
	for _, a := range chats {
		if err := f.st.SetAlertSettings(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// Five outlets, same night, same figures: one alert per matching chat.
	for range 5 {
		f.report(t, now.Add(-time.Hour), national("2026-09-04", 54))
	}
	// Never alert: cumulative totals and a regional administration's share.
	cum := national("2026-09-04", 5000)
	cum.Cumulative, cum.Scope = true, briefings.ScopeCumulative
	f.report(t, now.Add(-time.Hour), cum)
	reg := national("2026-09-03", 9)
	reg.Scope = briefings.ScopeRegional
	f.report(t, now.Add(-time.Hour), reg)

	reportsSeen := 0
	n, err := EnqueueAlerts(ctx, f.st, now, 0, func(c briefings.Chat, ev []*briefings.AttackReport) *bot.Reply {
		reportsSeen = len(ev)
		return renderTest(c, ev)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Fatalf("enqueued %d alerts, want 3 (chats 1, 3, 8)", n)
	}
	rows := pending(t, f.st)
	got := map[string]*briefings.Delivery{}
	for _, r := range rows {
		got[r.DedupeKey] = r
	}
	for _, k := range []string{"alert:telegram:1:RU>UA@2026-09-04", "alert:discord:3:RU>UA@2026-09-04", "alert:telegram:8:RU>UA@2026-09-04"} {
		if got[k] == nil {
			t.Fatalf("missing %s in %v", k, keys(got))
		}
	}
	// Quiet hours 23:00-07:00 Kyiv: 06:00 UTC is 09:00 Kyiv, outside; check a night scan below.
	rep, err := DecodePayload(got["alert:telegram:1:RU>UA@2026-09-04"].Payload)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(replyText(rep), "launched 54") || reportsSeen != 5 {
		t.Fatalf("payload %q from %d reports", replyText(rep), reportsSeen)
	}

	// A rescan (crash before the cursor moved, or another process) adds nothing.
	if err := f.st.SetCursor(ctx, AlertCursor, 0); err != nil {
		t.Fatal(err)
	}
	if n, err := EnqueueAlerts(ctx, f.st, now, 0, renderTest); err != nil || n != 0 {
		t.Fatalf("rescan enqueued %d (%v), want 0", n, err)
	}

	// The Air Force revises 54 -> 59: an edit of each chat's alert, once.
	f.report(t, now.Add(-30*time.Minute), national("2026-09-04", 59))
	n, err = EnqueueAlerts(ctx, f.st, now, 0, renderTest)
	if err != nil || n != 3 {
		t.Fatalf("revision enqueued %d (%v), want 3 edits", n, err)
	}
	f.report(t, now.Add(-20*time.Minute), national("2026-09-04", 59)) // another outlet repeats 59
	if n, err := EnqueueAlerts(ctx, f.st, now, 0, renderTest); err != nil || n != 0 {
		t.Fatalf("repeat of revised figures enqueued %d (%v), want 0", n, err)
	}
	rows = pending(t, f.st)
	edits := 0
	for _, r := range rows {
		if r.EditOf != "" {
			edits++
			if !strings.HasPrefix(r.DedupeKey, r.EditOf+":rev:") || string(r.Payload) == "" {
				t.Errorf("edit key %q not derived from %q", r.DedupeKey, r.EditOf)
			}
		}
	}
	if edits != 3 {
		t.Fatalf("%d edit rows, want 3", edits)
	}
}

func keys(m map[string]*briefings.Delivery) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestQuietHoursDelay(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Skip(err)
	}
	a := &briefings.AlertSettings{QuietStart: "23:00", QuietEnd: "07:00", TimeZone: "Europe/Kyiv"}
	tests := []struct{ now, want time.Time }{
		{time.Date(2026, 9, 4, 2, 0, 0, 0, kyiv), time.Date(2026, 9, 4, 7, 0, 0, 0, kyiv)},
		{time.Date(2026, 9, 4, 23, 30, 0, 0, kyiv), time.Date(2026, 9, 5, 7, 0, 0, 0, kyiv)},
		{time.Date(2026, 9, 4, 12, 0, 0, 0, kyiv), time.Date(2026, 9, 4, 12, 0, 0, 0, kyiv)},
		{time.Date(2026, 9, 4, 7, 0, 0, 0, kyiv), time.Date(2026, 9, 4, 7, 0, 0, 0, kyiv)},
	}
	for _, tc := range tests {
		if got := quietEnd(a, tc.now); !got.Equal(tc.want) {
			t.Errorf("quietEnd(%v) = %v, want %v", tc.now, got, tc.want)
		}
	}
	day := &briefings.AlertSettings{QuietStart: "13:00", QuietEnd: "14:00"}
	if got := quietEnd(day, time.Date(2026, 1, 1, 13, 30, 0, 0, time.UTC)); got.Hour() != 14 {
		t.Errorf("daytime quiet hours end %v", got)
	}
}

// A chat's keyword filter (/filter) applies to alerts: a chat that wants
// only Lviv, or never Odesa, gets no alert of an attack on Kyiv and Odesa;
// one that wants Odesa in any case form gets it.
func TestEnqueueAlertsKeywords(t *testing.T) {
	ctx := context.Background()
	f := newAlertFixture(t)
	now := time.Date(2026, 9, 4, 6, 0, 0, 0, time.UTC)
	filters := map[string]briefings.ChatSettings{
		"1": {Include: []string{"Lviv"}},
		"2": {Exclude: []string{"odesa"}},
		"3": {Include: []string{"ODESA"}},
		"4": {},
	}
	for id, s := range filters {
		chat := briefings.Chat{Platform: "telegram", ChatID: id}
		if err := f.st.SetAlertSettings(ctx, &briefings.AlertSettings{Chat: chat, Enabled: true}); err != nil {
			t.Fatal(err)
		}
		s.Chat = chat
		if err := f.st.SetChatSettings(ctx, &s); err != nil {
			t.Fatal(err)
		}
	}
	f.report(t, now.Add(-time.Hour), national("2026-09-04", 54))
	n, err := EnqueueAlerts(ctx, f.st, now, 0, renderTest)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, d := range pending(t, f.st) {
		got[d.Chat.ChatID] = true
	}
	if n != 2 || !got["3"] || !got["4"] {
		t.Errorf("%d alerts to %v, want chats 3 and 4", n, got)
	}
}
