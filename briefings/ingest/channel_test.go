package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/ingest/tmetest"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// droneCounter is an Analyzer that reads "N drones" as an overnight
// attack's launched drones: enough to see reports stored and replaced.
type droneCounter struct{}

var dronesRe = regexp.MustCompile(`(\d+) drones`)

func (droneCounter) Analyze(a *briefings.Article) {
	a.Attacks = nil
	if m := dronesRe.FindStringSubmatch(a.Body); m != nil {
		n, _ := strconv.Atoi(m[1])
		a.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Date: a.PublishedAt.Format("2006-01-02"),
			Period: "overnight", Launched: briefings.Counts{Drones: &n}, Scope: briefings.ScopeNational}}
	}
}

type channelEnv struct {
	t   *testing.T
	srv *tmetest.Server
	db  *store.DB
	in  *Ingester
	clk *clock
	src *briefings.Source
}

func newChannelEnv(t *testing.T, posts int) *channelEnv {
	t.Helper()
	e := &channelEnv{t: t, srv: tmetest.NewServer(), db: storetest.Open(t), clk: &clock{t: testNow}}
	t.Cleanup(e.srv.Close)
	e.srv.AddChannel("testair", "Test Air Command")
	for i := 0; i < posts; i++ {
		e.srv.Post("testair", tmetest.Post{Text: fmt.Sprintf("Update %d: the count stands at %d drones.", i+1, 100+i), Time: testNow.Add(time.Duration(i-posts) * time.Minute)})
	}
	e.in = newIngester(t, e.db, Options{Now: e.clk.Now, Analyzer: droneCounter{}, PageDelay: -1, Jitter: func(d time.Duration) time.Duration { return d }})
	e.src = &briefings.Source{Name: "Test Air Command", URL: e.srv.PageURL("testair"), Kind: briefings.SourceChannel, Enabled: true, AllowPrivate: true}
	if err := e.db.UpsertSource(t.Context(), e.src); err != nil {
		t.Fatal(err)
	}
	return e
}

// poll refreshes the source as the refresh job does (fresh from the store).
func (e *channelEnv) poll() ([]Outcome, error) {
	e.t.Helper()
	s, err := e.db.GetSource(e.t.Context(), e.src.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	e.src = s
	return e.in.RefreshSource(e.t.Context(), s)
}

func (e *channelEnv) reports() []*briefings.AttackReport {
	e.t.Helper()
	reps, err := e.db.AttackReportsAfter(e.t.Context(), 0, 1000)
	if err != nil {
		e.t.Fatal(err)
	}
	return reps
}

func TestChannelPolls(t *testing.T) {
	e := newChannelEnv(t, 45)
	// First poll: the newest page and two older ones, all quiet.
	outs, err := e.poll()
	if err != nil || count(outs, StatusNew) != 45 || e.srv.Requests("testair") != 3 {
		t.Fatalf("back-fill: %v, %d requests\n%s", err, e.srv.Requests("testair"), lines(outs))
	}
	s, _ := e.db.GetSource(t.Context(), e.src.ID)
	if s.LastPostID != 45 || s.ErrorCount != 0 || !s.NextCheckAt.Equal(testNow.Add(DefaultChannelInterval)) {
		t.Fatalf("after the back-fill: %+v", s)
	}
	reps := e.reports()
	for _, r := range reps {
		if !r.NoAlert {
			t.Fatalf("back-filled report %d would alert", r.ID)
		}
	}
	a, err := e.db.GetArticle(t.Context(), outs[0].ArticleID)
	if err != nil || a.URL != "https://t.me/testair/1" || a.GUID != "testair/1" || !strings.HasPrefix(a.Body, "Update 1:") {
		t.Fatalf("first article %+v %v", a, err)
	}

	// Next poll: one request, only the new posts, and they may alert.
	e.clk.Add(time.Minute)
	id := e.srv.Post("testair", tmetest.Post{Text: "Night report: 143 drones launched.", Time: e.clk.Now()})
	outs, err = e.poll()
	if err != nil || count(outs, StatusNew) != 1 || count(outs, StatusDuplicate) != 19 || e.srv.Requests("testair") != 4 {
		t.Fatalf("poll: %v\n%s", err, lines(outs))
	}
	reps = e.reports()
	first := reps[len(reps)-1]
	if first.NoAlert || *first.Launched.Drones != 143 {
		t.Fatalf("live report %+v", first)
	}

	// The post is edited: the same article, a new report.
	e.clk.Add(time.Minute)
	e.srv.Edit("testair", id, "Night report, updated: 146 drones launched.")
	outs, err = e.poll()
	if err != nil || count(outs, StatusRevised) != 1 || count(outs, StatusNew) != 0 {
		t.Fatalf("edit: %v\n%s", err, lines(outs))
	}
	reps = e.reports()
	last := reps[len(reps)-1]
	if last.ID <= first.ID || last.ArticleID != first.ArticleID || *last.Launched.Drones != 146 ||
		!last.RevisedAt.Equal(e.clk.Now()) || len(reps) != 46 || !last.Corrected || first.Corrected {
		t.Fatalf("revised report %+v (of %d)", last, len(reps))
	}
	// An edit of the wording only: revised, and still a corrected count.
	e.srv.Edit("testair", id, "Night report, updated: 146 drones launched (all figures final).")
	if outs, err := e.poll(); err != nil || count(outs, StatusRevised) != 1 {
		t.Fatalf("wording edit: %v\n%s", err, lines(outs))
	}
	reps = e.reports()
	if last = reps[len(reps)-1]; !last.Corrected || *last.Launched.Drones != 146 {
		t.Fatalf("after a wording edit: %+v", last)
	}
	// A new post whose wording alone is edited: the same count, not corrected.
	note := e.srv.Post("testair", tmetest.Post{Text: "Morning note: 12 drones seen.", Time: e.clk.Now()})
	e.poll()
	e.srv.Edit("testair", note, "Morning note: 12 drones were seen.")
	if outs, err := e.poll(); err != nil || count(outs, StatusRevised) != 1 {
		t.Fatalf("typo edit: %v\n%s", err, lines(outs))
	}
	reps = e.reports()
	if last = reps[len(reps)-1]; last.Corrected || *last.Launched.Drones != 12 {
		t.Fatalf("a wording edit marked as a new count: %+v", last)
	}
	// The same text again: nothing changes.
	outs, _ = e.poll()
	if count(outs, StatusRevised)+count(outs, StatusNew) != 0 || len(e.reports()) != 47 {
		t.Fatalf("unchanged poll:\n%s", lines(outs))
	}
	if n, _ := e.db.CountArticles(t.Context()); n != 47 {
		t.Fatalf("%d articles, want 47", n)
	}

	// A gap longer than a page (downtime): the older page is read too.
	for i := 0; i < 25; i++ {
		e.srv.Post("testair", tmetest.Post{Text: fmt.Sprintf("Later note %d.", i), Time: e.clk.Now()})
	}
	before := e.srv.Requests("testair")
	outs, err = e.poll()
	if err != nil || count(outs, StatusNew) != 25 || e.srv.Requests("testair") != before+2 {
		t.Fatalf("gap: %v, %d requests\n%s", err, e.srv.Requests("testair")-before, lines(outs))
	}
}

func TestChannelFirstPollEmptyChannel(t *testing.T) {
	e := newChannelEnv(t, 0)
	e.srv.Post("testair", tmetest.Post{Text: "Channel created", Service: true, Time: testNow})
	if _, err := e.poll(); err != nil {
		t.Fatal(err)
	}
	// The service post's id counts: the next post is live, not a back-fill.
	e.srv.Post("testair", tmetest.Post{Text: "First report: 12 drones.", Time: testNow})
	if outs, err := e.poll(); err != nil || count(outs, StatusNew) != 1 {
		t.Fatalf("%v\n%s", err, lines(outs))
	}
	if reps := e.reports(); len(reps) != 1 || reps[0].NoAlert {
		t.Fatalf("reports %+v", reps)
	}
}

func TestChannelSkipsAndForwards(t *testing.T) {
	e := newChannelEnv(t, 0)
	e.srv.Post("testair", tmetest.Post{Text: "Photo of the day", MediaOnly: true, Time: testNow})
	e.srv.Post("testair", tmetest.Post{Text: "A note passed on from a partner.", ForwardedFrom: "Partner Channel", Time: testNow})
	e.srv.Post("testair", tmetest.Post{Text: "Our own answer.", ReplyTo: "The question quoted here", Time: testNow})
	outs, err := e.poll()
	if err != nil || count(outs, StatusNew) != 2 {
		t.Fatalf("%v\n%s", err, lines(outs))
	}
	arts, _ := e.db.ListArticles(t.Context(), briefings.ArticleFilter{SourceID: e.src.ID})
	for _, a := range arts {
		switch a.GUID {
		case "testair/2":
			if a.Origin != "Partner Channel <https://t.me/origin/1>" {
				t.Errorf("forwarded origin %q", a.Origin)
			}
		case "testair/3":
			if strings.Contains(a.Body, "quoted") || a.Origin != "" {
				t.Errorf("reply %+v", a)
			}
		default:
			t.Errorf("unexpected article %s", a.GUID)
		}
	}
}

// TestChannelErrors: each failure gives one clear error in the source's
// health (what /sources shows) and backs off; Retry-After is honoured.
func TestChannelErrors(t *testing.T) {
	cases := []struct {
		mode, want string
		wait       time.Duration
	}{
		{tmetest.FailRedirect, "no public web preview", 2 * DefaultChannelInterval},
		{tmetest.FailNoHeader, "no channel header", 2 * DefaultChannelInterval},
		{tmetest.FailTooMany, "Too Many Requests", 2 * DefaultChannelInterval},
		{tmetest.Fail429, "HTTP 429 (retry after 5m0s)", 5 * time.Minute},
		{tmetest.FailServerDown, "HTTP 503", 2 * DefaultChannelInterval},
	}
	for _, c := range cases {
		t.Run(c.mode, func(t *testing.T) {
			e := newChannelEnv(t, 3)
			e.srv.RetryAfter = 5 * time.Minute
			e.srv.Fail("testair", c.mode)
			outs, err := e.poll()
			if err == nil || len(outs) != 1 || outs[0].Status != StatusError {
				t.Fatalf("err %v\n%s", err, lines(outs))
			}
			s, _ := e.db.GetSource(t.Context(), e.src.ID)
			if s.ErrorCount != 1 || !strings.Contains(s.LastError, c.want) || !s.NextCheckAt.Equal(testNow.Add(c.wait)) {
				t.Fatalf("source health: %d errors %q, next check in %v; want %q, %v",
					s.ErrorCount, s.LastError, s.NextCheckAt.Sub(testNow), c.want, c.wait)
			}
			if e.srv.Requests("testair") != 1 {
				t.Fatalf("%d requests for one failed poll", e.srv.Requests("testair"))
			}
			// Healed: the next poll reads the channel and clears the error.
			e.srv.Fail("testair", tmetest.FailNone)
			if outs, err := e.poll(); err != nil || count(outs, StatusNew) != 3 {
				t.Fatalf("after healing: %v\n%s", err, lines(outs))
			}
		})
	}
}

func TestChannelName(t *testing.T) {
	for in, want := range map[string]string{
		"@kpszsu": "kpszsu", "https://t.me/kpszsu": "kpszsu", "t.me/kpszsu": "kpszsu", "https://t.me/s/kpszsu": "kpszsu",
		"https://t.me/kpszsu/12345": "kpszsu", "http://telegram.me/Some_Name/": "Some_Name",
		"@k": "", "https://example.org/kpszsu": "", "https://t.me/kpszsu/abc": "", "https://t.me:8443/kpszsu": "",
		"https://user@t.me/kpszsu": "", "@bad-name": "", "https://t.me/": "", "kpszsu": "",
	} {
		got, ok := ChannelName(in)
		if (want == "") == ok || (ok && got != want) {
			t.Errorf("ChannelName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	s, ok := ChannelSource("@kpszsu")
	if !ok || s.URL != "https://t.me/s/kpszsu" || s.Kind != briefings.SourceChannel || s.AllowPrivate {
		t.Fatalf("source %+v", s)
	}
}

// A channel added from chat is the primary source of the country whose
// military publishes it (the Air Force's channel for attacks on Ukraine),
// however its name is written; any other channel is an outlet.
func TestChannelSourcePrimary(t *testing.T) {
	for in, want := range map[string]string{
		"@kpszsu": "UA", "https://t.me/KPSZSU": "UA", "t.me/s/kpszsu/4242": "UA",
		"@some_news_channel": "", "https://t.me/kpszsu_fan": "",
	} {
		s, ok := ChannelSource(in)
		if !ok || s.PrimaryFor != want {
			t.Errorf("ChannelSource(%q) = %+v, %v; want primary_for %q", in, s, ok, want)
		}
	}
}

// TestChannelGuard: a channel added from chat (AllowPrivate false) is never
// fetched from a private address, whatever its URL says.
func TestChannelGuard(t *testing.T) {
	e := newChannelEnv(t, 2)
	e.src.AllowPrivate = false
	if err := e.db.UpsertSource(t.Context(), e.src); err != nil {
		t.Fatal(err)
	}
	outs, err := e.poll()
	if err == nil || e.srv.Requests("testair") != 0 || !strings.Contains(outs[0].Reason, "refused") {
		t.Fatalf("private address fetched: %v\n%s", err, lines(outs))
	}
}
