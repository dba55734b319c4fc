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
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/render"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/ingest"
)

// benchArticles is how many articles the /digest benchmark stores (issue 4).
const benchArticles = 10000

// benchDB is one seeded SQLite file shared by every run of the benchmark
// function in this process (the testing package calls it several times with
// growing b.N; seeding 10,000 articles each time would dominate).
var benchDB struct {
	once sync.Once
	dir  string
	path string
	now  time.Time
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB.dir != "" {
		os.RemoveAll(benchDB.dir)
	}
	os.Exit(code)
}

// Invented vocabulary for the generated articles.
var (
	benchPlaces  = []string{"Kharkiv", "Odesa", "Zaporizhzhia", "Dnipro", "Kyiv", "Lviv", "Sumy", "Kherson", "Mykolaiv", "Poltava", "Chernihiv", "Vinnytsia", "Rivne", "Khmelnytskyi", "Kramatorsk", "Pokrovsk", "Uzhhorod", "Ternopil", "Cherkasy", "Zhytomyr"}
	benchCities  = []string{"Geneva", "Istanbul", "Brussels", "Riyadh", "Vienna", "Warsaw", "Helsinki", "Ankara", "Oslo", "Rome", "Tallinn", "Prague"}
	benchSources = []string{"Bench Wire", "Bench Daily", "Invented Herald", "Test Dispatch", "Sample Courier", "Mock Observer", "Fictional Times", "Placeholder Post"}
	benchTitles  = []string{
		"Overnight attack on %[1]s: %[2]d drones launched", "Talks in %[3]s end without a statement",
		"Power cuts in %[1]s region after strikes on substations", "Prisoner exchange brings %[2]d soldiers home",
		"Fighting intensifies near %[1]s", "Sanctions package targets %[2]d tankers", "%[3]s pledges air defence for %[1]s",
		"Grain corridor ships leave %[1]s port", "Rail line near %[1]s repaired after strike", "Envoys meet in %[3]s on a ceasefire",
		"Hospital in %[1]s moves patients to shelters", "Drone debris damages homes in %[1]s", "New aid package of %[2]d million euros",
		"Evacuation from %[1]s district expands", "Court in %[3]s rules on frozen assets", "Water supply restored in %[1]s",
	}
	// benchSentences are invented sentence patterns: %[1]s a region, %[2]d a
	// figure, %[3]s a foreign city. An event draws five of them, so two
	// events rarely share more than one and stories stay apart.
	benchSentences = []string{
		"Russia launched %[2]d attack drones at Ukraine overnight, the air force said.",
		"Air defences shot down or jammed %[2]d of the drones over %[1]s and neighbouring regions.",
		"Officials in %[1]s reported damage to homes, a warehouse and a school gym.",
		"Emergency crews in %[1]s worked through the morning to clear debris from a courtyard.",
		"Power was restored to most households in %[1]s by midday, the regional administration said.",
		"Foreign ministers met in %[3]s to discuss security guarantees for Ukraine.",
		"The delegations in %[3]s agreed to meet again within %[2]d weeks, a spokesperson said.",
		"No joint statement was issued after the session in %[3]s, which lasted several hours.",
		"A ceasefire proposal drafted in %[3]s was discussed but not agreed.",
		"The European Union listed %[2]d more vessels of the shadow fleet under sanctions.",
		"Diplomats said the measures target revenue from oil exports and drone components.",
		"A military aid package worth %[2]d million euros was announced in %[3]s.",
		"The package includes interceptors for air defence systems protecting %[1]s.",
		"Deliveries are due to begin within weeks, the defence ministry in %[3]s said.",
		"Scheduled power outages were introduced in %[1]s region after strikes on the grid.",
		"The grid operator said %[2]d thousand customers in %[1]s were without electricity.",
		"Repair crews restored supply to hospitals in %[1]s first, the operator said.",
		"Heavy fighting continued near %[1]s, the general staff said in its evening update.",
		"The general staff reported %[2]d clashes along the front line over the past day.",
		"Ukraine and Russia exchanged prisoners of war, with %[2]d soldiers returning home.",
		"The exchange was mediated by officials from %[3]s, the coordination headquarters said.",
		"Three cargo ships left the port of %[1]s carrying %[2]d thousand tonnes of grain.",
		"Insurers in %[3]s said premiums for Black Sea voyages fell slightly this month.",
		"Railway engineers reopened the line near %[1]s after %[2]d hours of repairs.",
		"Passenger trains to %[1]s ran with delays of up to two hours on Tuesday.",
		"Patients of the children's hospital in %[1]s were moved to the basement during the alert.",
		"Doctors in %[1]s said %[2]d operations had to be postponed after the strike.",
		"Falling debris started a fire in a private house on the outskirts of %[1]s.",
		"Firefighters in %[1]s put out the blaze within %[2]d minutes, the rescue service said.",
		"Authorities widened the mandatory evacuation of families with children from %[1]s district.",
		"Volunteers in %[1]s set up %[2]d new points where evacuees can charge phones and get warm.",
		"A court in %[3]s ruled that income from frozen Russian assets may fund reconstruction.",
		"Lawyers for the central bank in %[3]s said they would appeal the ruling.",
		"Water supply to %[2]d thousand residents of %[1]s was restored after pumping stations got power.",
		"Residents of %[1]s were asked to store drinking water in case of new outages.",
		"The mayor of %[1]s said %[2]d apartment blocks still had broken windows.",
		"Teachers in %[1]s moved lessons online for the rest of the week.",
		"Parliament in %[3]s approved a loan of %[2]d million euros for energy repairs.",
		"Observers from %[3]s visited the nuclear plant and reported no radiation changes.",
		"Farmers near %[1]s said mines still make %[2]d hectares of fields unusable.",
	}
)

// benchEvent is one invented news event that several sources report.
type benchEvent struct {
	title     string
	sentences []string
	at        time.Time
}

func newBenchEvent(rng *rand.Rand, at time.Time) benchEvent {
	place := benchPlaces[rng.IntN(len(benchPlaces))]
	city := benchCities[rng.IntN(len(benchCities))]
	n := 10 + rng.IntN(490)
	ev := benchEvent{title: fmt.Sprintf(benchTitles[rng.IntN(len(benchTitles))], place, n, city), at: at}
	for _, i := range rng.Perm(len(benchSentences))[:5] {
		ev.sentences = append(ev.sentences, fmt.Sprintf(benchSentences[i], place, n+rng.IntN(20), city))
	}
	return ev
}

// benchArticle is source k's report of ev: the event's sentences in its own
// order, one of them left out, published within a few hours of the event.
func benchArticle(rng *rand.Rand, ev benchEvent, k, serial int) *briefings.Article {
	sents := slices.Clone(ev.sentences)
	rng.Shuffle(len(sents)-1, func(i, j int) { sents[i+1], sents[j+1] = sents[j+1], sents[i+1] })
	if k > 0 {
		i := 1 + rng.IntN(len(sents)-1)
		sents = slices.Delete(sents, i, i+1)
	}
	title := ev.title
	if k%2 == 1 {
		title += ", officials say"
	}
	published := ev.at.Add(time.Duration(k*17+rng.IntN(15)) * time.Minute)
	return &briefings.Article{
		Title:       title,
		Body:        strings.Join(sents, " "),
		URL:         fmt.Sprintf("https://bench.sitrep.invalid/a/%d", serial),
		SourceName:  benchSources[(k+serial)%len(benchSources)],
		PublishedAt: published,
		FetchedAt:   published.Add(time.Duration(rng.IntN(600)) * time.Second),
	}
}

// seedBench creates the shared benchmark database: 10,000 invented
// articles over the 30 days (the default retention) before now, stored
// through the ingester with the real summarizer, analyzer and story index.
func seedBench(b *testing.B) (path string, now time.Time) {
	b.Helper()
	benchDB.once.Do(func() {
		benchDB.dir, benchDB.err = os.MkdirTemp("", "sitrep-bench-")
		if benchDB.err != nil {
			return
		}
		benchDB.path = filepath.Join(benchDB.dir, "bench.db")
		benchDB.now = time.Now().UTC().Truncate(time.Second)
		m := benchMain(benchDB.path, benchDB.now)
		if benchDB.err = m.setup(context.Background(), &common{db: benchDB.path}); benchDB.err != nil {
			return
		}
		defer m.Close()
		rng := rand.New(rand.NewPCG(4, 2026))
		span := 30 * 24 * time.Hour
		start := time.Now()
		// Events one after another over 30 days, each reported by 1 to 5
		// sources (about 3,300 stories); oldest first, as feeds bring them.
		var arts []*briefings.Article
		for serial := 0; len(arts) < benchArticles; {
			at := benchDB.now.Add(-span + span/benchArticles*time.Duration(len(arts)))
			ev := newBenchEvent(rng, at)
			for k := range min(1+rng.IntN(5), benchArticles-len(arts)) {
				arts = append(arts, benchArticle(rng, ev, k, serial))
				serial++
			}
		}
		stored, dups := 0, 0
		for i := 0; i < len(arts); i += 500 {
			for _, o := range m.ingester.AddAll(context.Background(), arts[i:min(i+500, len(arts))]) {
				switch o.Status {
				case ingest.StatusNew, ingest.StatusCopy:
					stored++
				case ingest.StatusDuplicate:
					dups++
				default:
					benchDB.err = fmt.Errorf("seed: %s", o.String())
					return
				}
			}
		}
		n, err := m.Store.CountArticles(context.Background())
		if err != nil || n < benchArticles*99/100 {
			benchDB.err = fmt.Errorf("seed: %d articles stored, want %d (%v)", n, benchArticles, err)
			return
		}
		b.Logf("seeded %d articles (%d refused as duplicates) in %s", n, dups, time.Since(start).Round(time.Millisecond))
	})
	if benchDB.err != nil {
		b.Fatal(benchDB.err)
	}
	return benchDB.path, benchDB.now
}

// benchMain is a Main on path with a clock running from now.
func benchMain(path string, now time.Time) *Main {
	start := time.Now()
	return &Main{
		Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
		Getenv: func(k string) string {
			if k == "SITREP_LOG_LEVEL" {
				return "error"
			}
			return ""
		},
		Now: func() time.Time { return now.Add(time.Since(start)) },
	}
}

// BenchmarkDigestCommandP99 measures, through the telegram-test-api
// emulator, the time from a user's /digest to the bot's reply being sent in
// full, with the real router, digest builder, summarizer and a SQLite store
// of 10,000 articles (issue 4: p99 under 100 ms). It reports p50-ms and
// p99-ms of the round trip and of the router alone, for `sitrep run`'s
// wiring (digests cached) and uncached (every command builds its digest).
//
//	go test -run '^$' -bench DigestCommandP99 -benchtime 100x ./cmd/sitrep/
func BenchmarkDigestCommandP99(b *testing.B) {
	type variant struct {
		cmd    string
		cached bool
		fake   bool // the Go fake Bot API instead of the emulator
	}
	for _, v := range []variant{
		{"/digest", true, false}, {"/digest 7d", true, false},
		{"/digest", false, false}, {"/digest 7d", false, false},
		{"/digest", true, true},
	} {
		cmd, cached := v.cmd, v.cached
		name := strings.ReplaceAll(strings.TrimPrefix(cmd, "/"), " ", "_")
		if !cached {
			name += "/uncached"
		}
		if v.fake {
			name += "/gofake"
		}
		{
			b.Run(name, func(b *testing.B) {
				var api telegramtest.Target
				if v.fake {
					api = telegramtest.NewFake(b)
				} else {
					api = telegramtest.StartEmulator(b) // skips without node or the package
				}
				path, now := seedBench(b)
				m := benchMain(path, now)
				if err := m.setup(context.Background(), &common{db: path}); err != nil {
					b.Fatal(err)
				}
				defer m.Close()
				// As `sitrep run` wires it (with the digest cache), or
				// building every digest anew: the cold path a cache miss takes.
				r := m.router(nil, nil)
				if !cached {
					r = m.routerWith(m.buildDigest, nil, nil)
				}
				checkDigestReply(b, r, cmd)
				h := &timedHandler{h: r}
				telegramtest.RoundTrip(b, api, h, cmd)
				// The router's share of the round trip (digest.Build, store,
				// summarizer); the rest is the Bot API transport.
				lat := h.take()
				slices.Sort(lat)
				b.ReportMetric(pct(lat, 50), "router-p50-ms")
				b.ReportMetric(pct(lat, 99), "router-p99-ms")
			})
		}
	}
}

// checkDigestReply makes sure the measured command yields a real digest
// over the seeded articles, not a refusal or an empty briefing.
func checkDigestReply(b *testing.B, r bot.Handler, cmd string) {
	b.Helper()
	rep := r.Handle(context.Background(), &bot.Request{
		Chat:   briefings.Chat{Platform: "telegram", ChatID: "1"},
		UserID: "1", ChatKind: briefings.ChatPrivate, CanManage: true, Text: cmd,
	})
	if rep == nil || rep.Error || !strings.HasPrefix(rep.Title, "Briefing") {
		b.Fatalf("%s: not a digest: %+v", cmd, rep)
	}
	text := render.Text(rep)
	items := strings.Count(text, "Source")
	if items < 10 {
		b.Fatalf("%s: digest of %d items over %d articles:\n%s", cmd, items, benchArticles, text)
	}
	b.Logf("%s: %d items, %d characters of text", cmd, items, len(text))
}

// timedHandler records how long each Handle call takes.
type timedHandler struct {
	h   bot.Handler
	mu  sync.Mutex
	lat []time.Duration
}

func (t *timedHandler) Handle(ctx context.Context, req *bot.Request) *bot.Reply {
	start := time.Now()
	rep := t.h.Handle(ctx, req)
	d := time.Since(start)
	t.mu.Lock()
	t.lat = append(t.lat, d)
	t.mu.Unlock()
	return rep
}

func (t *timedHandler) take() []time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := t.lat
	t.lat = nil
	return out
}

// pct is the p-th percentile of sorted latencies, in milliseconds.
func pct(sorted []time.Duration, p int) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := min(max((len(sorted)*p+99)/100-1, 0), len(sorted)-1)
	return float64(sorted[i]) / float64(time.Millisecond)
}
