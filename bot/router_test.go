package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/chart"
	"github.com/sitrep/sitrep/bot/render"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/ingest"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
	"github.com/sitrep/sitrep/briefings/summarize"
)

var now0 = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

type harness struct {
	st     *store.DB
	router *bot.Router
	now    time.Time
	pages  map[string]*briefings.Article
}

func newHarness(t testing.TB) *harness {
	t.Helper()
	h := &harness{st: storetest.Open(t), now: now0, pages: map[string]*briefings.Article{}}
	sum := summarize.New()
	h.router = bot.NewRouter(bot.Deps{
		Store:      h.st,
		Summarizer: sum,
		Digest: func(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error) {
			return digest.Build(ctx, h.st, sum, digest.Options{Since: since, Until: until, Now: h.now, Topics: topics, MaxPerSection: 5, Sentences: 2, Location: time.UTC})
		},
		AttackLines: digest.AttackEvents,
		FetchPage: func(ctx context.Context, u string) (*briefings.Article, error) {
			if a, ok := h.pages[u]; ok {
				return a, nil
			}
			return nil, briefings.Errorf(briefings.EINVALID, "refused: address 127.0.0.1 is not public")
		},
		NextDigest: func(spec, tz string, after time.Time) (time.Time, error) {
			loc, err := time.LoadLocation(tz)
			if err != nil {
				return time.Time{}, fmt.Errorf("unknown time zone %q", tz)
			}
			hh, mm := 0, 0
			if _, err := fmt.Sscanf(spec, "%d:%d", &hh, &mm); err != nil {
				return time.Time{}, fmt.Errorf("bad schedule %q", spec)
			}
			l := after.In(loc)
			next := time.Date(l.Year(), l.Month(), l.Day(), hh, mm, 0, 0, loc)
			if !next.After(after) {
				next = next.AddDate(0, 0, 1)
			}
			return next, nil
		},
		Now:           func() time.Time { return h.now },
		RatePerMinute: 600,
		RateBurst:     1000,
		Charts:        &chart.Service{Store: h.st, Now: func() time.Time { return h.now }, Cache: &chart.Cache{}},
	})
	return h
}

func (h *harness) add(t *testing.T, src, title, body string, at time.Time, topics ...briefings.Topic) *briefings.Article {
	t.Helper()
	s := &briefings.Source{Name: src, URL: "https://" + strings.ToLower(strings.ReplaceAll(src, " ", "")) + ".example/feed", Kind: briefings.SourceFeed, Enabled: true, ShowText: !strings.HasPrefix(src, "Teaser")}
	if err := h.st.UpsertSource(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	a := &briefings.Article{SourceID: s.ID, URL: s.URL + "/" + fmt.Sprint(at.Unix()) + "/" + fmt.Sprint(len(title)), Title: title, Body: body,
		PublishedAt: at, FetchedAt: at, ContentHash: title + body, Topics: topics}
	if _, err := h.st.AddArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

func req(text string) *bot.Request {
	return &bot.Request{Chat: briefings.Chat{Platform: "telegram", ChatID: "42"}, UserID: "7", ChatKind: briefings.ChatPrivate, CanManage: true, Text: text}
}

func (h *harness) say(t *testing.T, r *bot.Request) (*bot.Reply, string) {
	t.Helper()
	rep := h.router.Handle(context.Background(), r)
	if rep == nil {
		return nil, ""
	}
	return rep, render.Text(rep)
}

func TestRouterBadInput(t *testing.T) {
	h := newHarness(t)
	cases := []struct{ in, want string }{
		{"/nosuch", "Unknown command /nosuch"},
		{"/latest 99", "from 1 to 20"},
		{"/latest abc", "from 1 to 20"},
		{"/digest forever", "period"},
		{"/digest 90d", "longest period is 30d"},
		{"/summary", "Tell me what about"},
		{"/search", "What should I search for"},
		{"/alerts maybe", "/alerts on or /alerts off"},
		{"/subscribe 08:00 Mars/Base", "unknown time zone"},
		{"/subscribe 08:00 Europe/Kyiv kittens", "don't know the topic"},
		{"/removesource 1", "admins"},
		{"/digest\u202e 24h", "characters I can't read"},
		{"/search " + strings.Repeat("a", 600), "too long"},
	}
	for _, c := range cases {
		rep, text := h.say(t, req(c.in))
		if rep == nil || !rep.Error || !strings.Contains(text, c.want) {
			t.Errorf("%q: got %+v %q, want an error containing %q", c.in, rep, text, c.want)
		}
	}
}

func TestRouterGroupChatterIgnoredPrivateTextIsSummary(t *testing.T) {
	h := newHarness(t)
	g := req("hello everyone")
	g.ChatKind = "group"
	if rep, _ := h.say(t, g); rep != nil {
		t.Fatalf("plain group text should get no reply, got %+v", rep)
	}
	_, text := h.say(t, req("security guarantees"))
	if !strings.Contains(text, "Nothing stored matches") {
		t.Fatalf("private plain text should be a summary request; got %q", text)
	}
}

func TestRouterBotNameSuffixAndCase(t *testing.T) {
	h := newHarness(t)
	_, text := h.say(t, req("/HELP@sitrep_bot"))
	if !strings.Contains(text, "/subscribe") {
		t.Fatalf("help with @botname: %q", text)
	}
	if strings.Contains(text, "/addsource") {
		t.Fatalf("help shows admin commands to a non-admin: %q", text)
	}
}

func TestRouterSubscribeSettingsToggleUnsubscribe(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	rep, text := h.say(t, req("/subscribe 7:30 Europe/Kyiv diplomacy attacks"))
	if rep == nil || rep.Error {
		t.Fatalf("subscribe: %q", text)
	}
	sub, err := h.st.GetSubscription(ctx, req("").Chat)
	if err != nil {
		t.Fatal(err)
	}
	if sub.Schedule != "07:30" || sub.TimeZone != "Europe/Kyiv" || strings.Join(briefings.TopicStrings(sub.Topics), ",") != "diplomacy,air_attacks" {
		t.Fatalf("stored %+v", sub)
	}
	// 09:00 UTC is 11:00 in Kyiv (EET), so the next 07:30 Kyiv is tomorrow 05:30 UTC.
	if want := time.Date(2026, 3, 11, 5, 30, 0, 0, time.UTC); !sub.NextDueAt.Equal(want) {
		t.Fatalf("next due %v, want %v", sub.NextDueAt, want)
	}
	// A settings button toggles a topic off.
	cb := req("")
	cb.Callback = "/toggle diplomacy"
	_, text = h.say(t, cb)
	if !strings.Contains(text, "air_attacks") {
		t.Fatalf("settings after toggle: %q", text)
	}
	sub, _ = h.st.GetSubscription(ctx, req("").Chat)
	if strings.Join(briefings.TopicStrings(sub.Topics), ",") != "air_attacks" {
		t.Fatalf("toggle left %v", sub.Topics)
	}
	// Someone who may not manage the chat cannot change it.
	g := req("/unsubscribe")
	g.CanManage = false
	if rep, _ := h.say(t, g); rep == nil || !rep.Error {
		t.Fatal("non-manager unsubscribed")
	}
	if _, text = h.say(t, req("/unsubscribe")); !strings.Contains(text, "Unsubscribed") {
		t.Fatalf("unsubscribe: %q", text)
	}
	if _, err := h.st.GetSubscription(ctx, req("").Chat); briefings.ErrorCode(err) != briefings.ENOTFOUND {
		t.Fatalf("subscription still there: %v", err)
	}
}

func TestRouterAlerts(t *testing.T) {
	h := newHarness(t)
	_, text := h.say(t, req("/alerts on min 50 Kyiv Odesa missiles"))
	if !strings.Contains(text, "at least 50 launched") || !strings.Contains(text, "Kyiv, Odesa") {
		t.Fatalf("alerts on: %q", text)
	}
	a, err := h.st.GetAlertSettings(context.Background(), req("").Chat)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Enabled || a.MinLaunched != 50 || strings.Join(a.Regions, ",") != "Kyiv,Odesa" || strings.Join(a.Classes, ",") != "missiles" {
		t.Fatalf("stored %+v", a)
	}
	if rep, _ := h.say(t, req("/alerts on <b>x</b>")); rep == nil || !rep.Error {
		t.Fatal("markup accepted as a region")
	}
	h.say(t, req("/alerts off"))
	a, _ = h.st.GetAlertSettings(context.Background(), req("").Chat)
	if a.Enabled {
		t.Fatal("alerts still on")
	}
}

func TestRouterLatestSearchSummaryPaging(t *testing.T) {
	h := newHarness(t)
	for i := 0; i < 8; i++ {
		h.add(t, "Wire", fmt.Sprintf("Envoys meet in Geneva, round %d", i),
			fmt.Sprintf("Envoys met in Geneva on Tuesday for round %d of talks on a ceasefire. The delegations discussed prisoner exchanges and security guarantees. A further meeting is planned.", i),
			now0.Add(-time.Duration(i+1)*time.Hour), "diplomacy")
	}
	_, text := h.say(t, req("/latest 3"))
	if strings.Count(text, "Envoys meet in Geneva") != 3 || !strings.Contains(text, "round 0") {
		t.Fatalf("latest: %q", text)
	}
	rep, _ := h.say(t, req("/search Geneva ceasefire"))
	if rep == nil || rep.Error || len(rep.Buttons) != 1 {
		t.Fatalf("search: %+v", rep)
	}
	more := req("")
	more.Callback = rep.Buttons[0][0].Data
	rep2, text2 := h.say(t, more)
	if rep2 == nil || rep2.Error || strings.Count(text2, "Envoys meet") != 3 {
		t.Fatalf("page 2: %q", text2)
	}
	_, text = h.say(t, req("/summary ceasefire talks"))
	if !strings.Contains(text, "Envoys met in Geneva") || !strings.Contains(text, "(Wire)") {
		t.Fatalf("summary: %q", text)
	}
	_, text = h.say(t, req("/summary diplomacy"))
	if !strings.Contains(text, "Envoys met in Geneva") {
		t.Fatalf("topic summary: %q", text)
	}
}

func TestRouterSummaryURL(t *testing.T) {
	h := newHarness(t)
	h.pages["https://news.example/story"] = &briefings.Article{Title: "Talks resume", Body: "Negotiators resumed talks on Monday. They met for six hours. No statement followed."}
	_, text := h.say(t, req("/summary https://news.example/story"))
	if !strings.Contains(text, "Negotiators resumed talks on Monday.") || !strings.Contains(text, "news.example") {
		t.Fatalf("url summary: %q", text)
	}
	rep, text := h.say(t, req("/summary http://127.0.0.1/admin"))
	if rep == nil || !rep.Error || !strings.Contains(text, "not public") {
		t.Fatalf("private url: %q", text)
	}
}

func TestRouterAdminCommands(t *testing.T) {
	h := newHarness(t)
	s := &briefings.Source{Name: "Test feed", URL: "https://feed.example/rss", Kind: briefings.SourceFeed, Enabled: true}
	if err := h.st.UpsertSource(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	_, text := h.say(t, req("/sources"))
	if !strings.Contains(text, "Test feed") || !strings.Contains(text, "never fetched") {
		t.Fatalf("sources: %q", text)
	}
	adm := req(fmt.Sprintf("/removesource %d", s.ID))
	adm.IsAdmin = true
	if _, text = h.say(t, adm); !strings.Contains(text, "Removed source") {
		t.Fatalf("removesource: %q", text)
	}
	adm.Text = "/removesource 999"
	if rep, text := h.say(t, adm); rep == nil || !rep.Error || !strings.Contains(text, "no source #999") {
		t.Fatalf("removesource missing: %q", text)
	}
	adm.Text = "/stats"
	if _, text = h.say(t, adm); !strings.Contains(text, "Outbox:") {
		t.Fatalf("stats: %q", text)
	}
}

// An admin adding the Air Force's channel from chat gets a primary source
// and is told so, in the reply and in /sources; another channel is an outlet.
func TestAddSourceMilitaryChannelIsOfRecord(t *testing.T) {
	h := newHarness(t)
	r := bot.NewRouter(bot.Deps{Store: h.st, Now: func() time.Time { return h.now }, RatePerMinute: 600, RateBurst: 1000,
		AddSource: func(ctx context.Context, raw string) (*briefings.Source, error) {
			s, ok := ingest.ChannelSource(raw)
			if !ok {
				return nil, briefings.Errorf(briefings.EINVALID, "not a channel")
			}
			return s, h.st.UpsertSource(ctx, s)
		}})
	say := func(text string) string {
		q := req(text)
		q.IsAdmin = true
		return render.Text(r.Handle(context.Background(), q))
	}
	if got := say("/addsource https://t.me/kpszsu"); !strings.Contains(got, "figures of record for attacks on Ukraine") {
		t.Errorf("addsource of the Air Force's channel: %q", got)
	}
	if got := say("/addsource @some_outlet_channel"); strings.Contains(got, "of record") {
		t.Errorf("addsource of an outlet's channel: %q", got)
	}
	s, err := h.st.GetSourceByURL(context.Background(), "https://t.me/s/kpszsu")
	if err != nil || s.PrimaryFor != "UA" {
		t.Fatalf("stored %+v, %v", s, err)
	}
	if got := say("/sources"); strings.Count(got, "of record") != 1 {
		t.Errorf("sources: %q", got)
	}
}

func TestRouterRateLimit(t *testing.T) {
	h := newHarness(t)
	r := bot.NewRouter(bot.Deps{Store: h.st, Now: func() time.Time { return h.now }, RatePerMinute: 6})
	limited := 0
	for i := 0; i < 10; i++ {
		rep := r.Handle(context.Background(), req("/help"))
		if rep.Error && strings.Contains(render.Text(rep), "Slow down") {
			limited++
		}
	}
	if limited != 5 {
		t.Fatalf("burst of 5 then limited: %d limited of 10", limited)
	}
	h.now = h.now.Add(time.Minute)
	if rep := r.Handle(context.Background(), req("/help")); rep.Error {
		t.Fatal("budget did not refill")
	}
	other := req("/help")
	other.UserID = "8"
	h.now = now0
	if rep := r.Handle(context.Background(), other); rep.Error {
		t.Fatal("another user was limited")
	}
}

func TestRouterDigestEmptyAndFull(t *testing.T) {
	h := newHarness(t)
	_, text := h.say(t, req("/digest"))
	if text == "" {
		t.Fatal("empty digest gave no reply")
	}
	h.add(t, "Wire", "Drones strike Odesa port", "Russia launched 40 drones at Odesa overnight. Air defences shot down 31 of them, the air force said.", now0.Add(-2*time.Hour), "air_attacks")
	rep, text := h.say(t, req("/digest 24h"))
	if rep == nil || rep.Error || !strings.Contains(text, "Drones strike Odesa port") || !rep.NoPreview {
		t.Fatalf("digest: %q", text)
	}
}

func FuzzRouter(f *testing.F) {
	for _, s := range []string{"/help", "/digest 7d", "/subscribe 08:00 Europe/Kyiv diplomacy", "/alerts on min 5 Kyiv", "/search -p3 x", "/latest 0", "/ ", "/@", "/summary \x00", "/toggle"} {
		f.Add(s)
	}
	h := newHarness(f)
	f.Fuzz(func(t *testing.T, s string) {
		r := req(s)
		r.IsAdmin = true
		rep := h.router.Handle(context.Background(), r)
		if rep != nil && strings.Contains(render.Text(rep), "Something went wrong") {
			t.Fatalf("internal error for %q", s)
		}
	})
}

func TestRouterSummaryQuotesOnlyWhatTheSourceAllows(t *testing.T) {
	h := newHarness(t)
	h.add(t, "Teaser Wire", "Grain corridor talks stall", "Negotiators in Istanbul failed to agree on grain corridor terms on Monday. The full article text stays with the outlet.", now0.Add(-time.Hour), "diplomacy")
	_, text := h.say(t, req("/summary grain corridor"))
	if strings.Contains(text, "Negotiators in Istanbul") {
		t.Fatalf("a teaser-only source's body was quoted: %q", text)
	}
	if !strings.Contains(text, "Grain corridor talks stall") {
		t.Fatalf("the title and link should still be listed: %q", text)
	}
}

func TestRouterTopicSummaryQuotesSentencesAboutTheTopic(t *testing.T) {
	h := newHarness(t)
	// Tagged as an air-attack article for one paragraph; its lead is about repairs.
	h.add(t, "Grid Wire", "Power cuts eased as repairs advance", "The grid operator lifted scheduled power cuts in most regions on Thursday after repair crews restored two substations. "+
		"Households in the capital will still see short outages in the evening peak. "+
		"Earlier in the week, drones struck a substation in the Poltava region, the operator said.", now0.Add(-2*time.Hour), "air_attacks", "energy")
	h.add(t, "Air Wire", "Overnight drone attack on the south", "Russia launched 64 drones at southern regions overnight, the air force said on Friday. "+
		"Air defences shot down 51 of them, it said. Debris damaged a warehouse in Mykolaiv.", now0.Add(-time.Hour), "air_attacks")
	_, text := h.say(t, req("/summary drones"))
	if !strings.Contains(text, "drones struck a substation") || !strings.Contains(text, "Russia launched 64 drones") {
		t.Fatalf("the sentences about drones are missing: %q", text)
	}
	if strings.Contains(text, "lifted scheduled power cuts") {
		t.Fatalf("an article's unrelated lead was quoted for the topic: %q", text)
	}
}

func TestRouterTopicSummaryPrefersArticlesNamingTheWord(t *testing.T) {
	h := newHarness(t)
	h.add(t, "Air Wire", "Missile strike on a rail depot", "Russia fired three cruise missiles at a rail depot in the Dnipro region overnight, the air force said. "+
		"Two of the missiles were shot down.", now0.Add(-20*time.Hour), "air_attacks")
	// Six newer articles on the topic that do not mention missiles.
	for i := range 6 {
		h.add(t, "Air Wire", fmt.Sprintf("Drones over region %d", i), fmt.Sprintf("Air defences shot down %d drones over region %d overnight, officials said.", 10+i, i),
			now0.Add(-time.Duration(i+1)*time.Hour), "air_attacks")
	}
	_, text := h.say(t, req("/summary missiles"))
	if !strings.Contains(text, "three cruise missiles") {
		t.Fatalf("the one article about missiles is not quoted: %q", text)
	}
}

func TestRouterStatsCountsAndDeadReasons(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	for i, active := range []bool{true, true, false} {
		s := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: fmt.Sprint(100 + i)}, Schedule: "08:00", TimeZone: "UTC",
			Active: active, NextDueAt: now0.Add(time.Hour)}
		if err := h.st.UpsertSubscription(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	for i, reason := range []string{"chat not found", "forbidden: bot was blocked", "forbidden: bot was blocked"} {
		d := &briefings.Delivery{DedupeKey: fmt.Sprint("dead", i), Chat: briefings.Chat{Platform: "telegram", ChatID: "5"}, Payload: []byte(`{}`)}
		if _, err := h.st.Enqueue(ctx, d); err != nil {
			t.Fatal(err)
		}
		if err := h.st.MarkDead(ctx, d.ID, reason); err != nil {
			t.Fatal(err)
		}
	}
	adm := req("/stats")
	adm.IsAdmin = true
	_, text := h.say(t, adm)
	if !strings.Contains(text, "subscriptions: 2 (1 more paused)") {
		t.Errorf("subscription counts: %q", text)
	}
	blocked, notFound := strings.Index(text, "dead: 2 × forbidden"), strings.Index(text, "dead: 1 × chat not found")
	if blocked < 0 || notFound < 0 || blocked > notFound {
		t.Errorf("dead letters should be listed most frequent first: %q", text)
	}
}

func TestRouterSummaryOfAQuestion(t *testing.T) {
	h := newHarness(t)
	h.add(t, "Air Wire", "Missile strike on a rail depot", "Russia fired three cruise missiles at a rail depot in the Dnipro region overnight, the air force said. "+
		"Two of the missiles were shot down, it said.", now0.Add(-2*time.Hour), "air_attacks")
	h.add(t, "Talks Wire", "Envoys meet in Vienna", "Envoys met in Vienna on Monday to discuss a prisoner exchange.", now0.Add(-time.Hour), "diplomacy")
	// Every word of the question is in no article; its content words are.
	_, text := h.say(t, req("/summary what did the air force say about missiles?"))
	if !strings.Contains(text, "three cruise missiles") || strings.Contains(text, "Vienna") {
		t.Fatalf("question: %q", text)
	}
	if !strings.Contains(text, "Summary: what did the air force say about missiles?") {
		t.Errorf("the reply should name the question as asked: %q", text)
	}
	// Some content words match nothing: any of them will do.
	_, text = h.say(t, req("/summary is there news about the depot in Zaporizhzhia"))
	if !strings.Contains(text, "rail depot") {
		t.Fatalf("any of the words: %q", text)
	}
	// Nothing but asking words.
	if rep, text := h.say(t, req("/summary what is happening?")); rep == nil || !rep.Error || !strings.Contains(text, "Tell me what about") {
		t.Fatalf("a question without a subject: %q", text)
	}
}
