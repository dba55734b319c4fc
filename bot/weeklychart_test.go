package bot_test

import (
	"bytes"
	"context"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/chart"
	"github.com/sitrep/sitrep/briefings/locale"
)

// TestWeeklyChartSetting: /weeklychart needs a subscription, is off by
// default, shows in /settings with a button to flip it, survives a new
// /subscribe and a topic toggle, and only chat managers change it.
func TestWeeklyChartSetting(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	chat := req("").Chat
	if rep, text := h.say(t, req("/weeklychart on")); !rep.Error || !strings.Contains(text, "/subscribe") {
		t.Fatalf("without a subscription: %q", text)
	}
	h.say(t, req("/subscribe 08:00 Europe/Kyiv"))
	if sub, err := h.st.GetSubscription(ctx, chat); err != nil || sub.WeeklyChart {
		t.Fatalf("a new subscription has the weekly chart on (%v)", err)
	}
	rep, text := h.say(t, req("/settings"))
	if !strings.Contains(text, "Weekly chart: off") || !hasButton(rep, "/weeklychart on") {
		t.Fatalf("settings before: %q %+v", text, rep.Buttons)
	}
	if rep, text = h.say(t, req("/weeklychart on")); rep.Error || !strings.Contains(text, "first digest of each week") {
		t.Fatalf("on: %q", text)
	}
	rep, text = h.say(t, req("/settings"))
	if !strings.Contains(text, "Weekly chart: on, with the first digest of each week") || !hasButton(rep, "/weeklychart off") {
		t.Fatalf("settings after: %q %+v", text, rep.Buttons)
	}
	h.say(t, req("/subscribe 09:15 Europe/Kyiv diplomacy"))
	cb := req("")
	cb.Callback = "/toggle air_attacks"
	h.say(t, cb)
	sub, err := h.st.GetSubscription(ctx, chat)
	if err != nil || !sub.WeeklyChart || sub.Schedule != "09:15" || len(sub.Topics) != 2 {
		t.Fatalf("after a new time and a topic: %+v %v, want the chart still on", sub, err)
	}
	member := req("/weeklychart off")
	member.CanManage = false
	if rep, _ := h.say(t, member); !rep.Error {
		t.Fatal("someone who may not manage the chat turned the chart off")
	}
	if _, text = h.say(t, req("/weeklychart off")); !strings.Contains(text, "Weekly chart off") {
		t.Fatalf("off: %q", text)
	}
	if sub, _ = h.st.GetSubscription(ctx, chat); sub.WeeklyChart {
		t.Fatal("still on after /weeklychart off")
	}
	if rep, text = h.say(t, req("/weeklychart sometimes")); !rep.Error {
		t.Fatalf("a word other than on or off: %q", text)
	}
}

// TestWeeklyChartSettingInUkrainian: the setting speaks the chat's language.
func TestWeeklyChartSettingInUkrainian(t *testing.T) {
	h := newHarness(t)
	h.say(t, req("/language uk"))
	h.say(t, req("/subscribe 08:00 Europe/Kyiv"))
	if _, text := h.say(t, req("/weeklychart on")); !strings.Contains(text, "Щотижневий графік увімкнено") {
		t.Fatalf("on: %q", text)
	}
	if _, text := h.say(t, req("/settings")); !strings.Contains(text, "Щотижневий графік: увімкнено, з першим зведенням тижня") {
		t.Fatalf("settings: %q", text)
	}
}

func hasButton(rep *bot.Reply, data string) bool {
	for _, row := range rep.Buttons {
		for _, b := range row {
			if b.Data == data {
				return true
			}
		}
	}
	return false
}

// TestWeeklyChartReply: the chart of the seven days before the Monday,
// plotted from the stored figures of those days alone; none for a week
// without figures.
func TestWeeklyChartReply(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	cat, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	// 23 Feb .. 10 Mar 2026; drones 100 + day index.
	importRecords(t, h, "2026-02-23", 16, 100)
	charts := &chart.Service{Store: h.st, Now: func() time.Time { return h.now }, Cache: &chart.Cache{}}
	rep, err := bot.WeeklyChart(ctx, charts, cat.For(locale.English), "2026-03-09")
	if err != nil || rep == nil || rep.Photo == nil {
		t.Fatalf("no chart: %+v %v", rep, err)
	}
	if _, err := png.Decode(bytes.NewReader(rep.Photo.PNG)); err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	// 2 .. 8 Mar: day indexes 7 .. 13, drones 107 .. 113 = 770.
	if rep.Title != "Drones and missiles, 2 Mar – 8 Mar 2026" {
		t.Errorf("title %q", rep.Title)
	}
	p, err := charts.Chart(ctx, chart.Query{Days: 7, Until: "2026-03-08"})
	if err != nil {
		t.Fatal(err)
	}
	launched := 0
	for _, pt := range p.Series[0].Points {
		launched += pt.Launched
	}
	if p.Series[0].Class != "drones" || len(p.Series[0].Points) != 7 || launched != 770 || !bytes.Equal(p.PNG, rep.Photo.PNG) {
		t.Errorf("series %s: %d days, %d launched, want drones over 7 days, 770 launched, the picture sent", p.Series[0].Class,
			len(p.Series[0].Points), launched)
	}
	if text := strings.Join(replyLines(rep), "\n"); !strings.Contains(text, "Drones (sums added up by sitrep from the day figures): 770 launched") {
		t.Errorf("caption:\n%s", text)
	}
	uk, err := bot.WeeklyChart(ctx, charts, cat.For(locale.Ukrainian), "2026-03-09")
	if err != nil || !strings.HasPrefix(uk.Title, "Дрони й ракети, 2 ") {
		t.Errorf("in Ukrainian: %q %v", uk.Title, err)
	}
	if none, err := bot.WeeklyChart(ctx, charts, cat.For(locale.English), "2026-02-16"); err != nil || none != nil {
		t.Errorf("a week without figures: %+v %v, want nothing", none, err)
	}
	if _, err := bot.WeeklyChart(ctx, charts, cat.For(locale.English), "9 March"); err == nil {
		t.Error("a Monday that is no date")
	}
}

func replyLines(rep *bot.Reply) []string {
	var out []string
	for _, p := range rep.Paragraphs {
		for _, l := range p.Lines {
			var b strings.Builder
			for _, s := range l {
				b.WriteString(s.Text)
			}
			out = append(out, b.String())
		}
	}
	return out
}
