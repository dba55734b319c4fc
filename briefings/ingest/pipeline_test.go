package ingest_test

import (
	"context"
	"fmt"
	"github.com/sitrep/sitrep/briefings/internal/shared"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/extract"
	"github.com/sitrep/sitrep/briefings/ingest"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/summarize"
)

// The full pipeline with the real parts: ParseFile, the Ingester with the
// summarize package's Summarizer and the extract package's Analyzer, and a
// SQLite store. This external test package may import them all (the ingest
// package itself must not).

// pipeBase is the publication time of generated article 0; article i is
// published i*40s later, so a 48-hour story window holds about 4,300 of them.
var pipeBase = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// pipeSeeded is how many articles the store holds before the timed part:
// the benchmark measures the steady state, with a warm story index and
// indexes and full-text tables that already have thousands of rows.
const pipeSeeded = 3000

// BenchmarkFullPipeline: parse a local article file, normalize, hash,
// fingerprint and match a story, summarize (summarize.New), analyze
// (extract.NewAnalyzer: topics, entities, attack figures) and store into
// SQLite holding pipeSeeded articles. Run it with -cpu 1 for the figure on
// one core. "add" stores each article in its own transaction (Add, a feed
// poll finding one new item); "addall" hands batches of 100 to AddAll (a
// feed refresh or a folder).
func BenchmarkFullPipeline(b *testing.B) {
	seed := seedStore(b)
	b.Run("add", func(b *testing.B) { benchFullPipeline(b, seed, 1) })
	b.Run("addall", func(b *testing.B) { benchFullPipeline(b, seed, 100) })
}

func pipeIngester(db briefings.Store) *ingest.Ingester {
	now := pipeBase.Add(time.Duration(pipeSeeded) * 40 * time.Second)
	return ingest.New(db, ingest.Options{
		Summarizer: summarize.New(),
		Analyzer:   extract.NewAnalyzer(),
		Now:        func() time.Time { return now },
	})
}

// seedStore writes a SQLite file with pipeSeeded articles (through the same
// pipeline) in b's temp dir, once for all sub-benchmarks, and returns its path.
func seedStore(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "seed.db")
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	in := pipeIngester(db)
	var batch []*briefings.Article
	for i := 0; i < pipeSeeded; i++ {
		a, err := ingest.ParseFile("gen.txt", pipeArticle(i))
		if err != nil {
			b.Fatal(err)
		}
		batch = append(batch, a)
		if len(batch) == 200 || i == pipeSeeded-1 {
			for _, o := range in.AddAll(ctx, batch) {
				if o.Status != ingest.StatusNew {
					b.Fatalf("seed: %s", o)
				}
			}
			batch = batch[:0]
		}
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

func benchFullPipeline(b *testing.B, seed string, batch int) {
	dir := b.TempDir()
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(seed+suffix, filepath.Join(dir, "sitrep.db"+suffix)); err != nil && !os.IsNotExist(err) {
			b.Fatal(err)
		}
	}
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(dir, "sitrep.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	in := pipeIngester(db)
	in.AddAll(ctx, nil) // warm the story index from the store
	if n := in.Index().Len(); n < pipeSeeded/2 {
		b.Fatalf("story index holds %d articles after warming, want most of %d", n, pipeSeeded)
	}
	files := make([][]byte, b.N)
	for i := range files {
		files[i] = pipeArticle(pipeSeeded + i)
	}
	arts := make([]*briefings.Article, 0, batch)
	summarized, attacks := 0, 0
	b.ReportAllocs()
	cpu0 := shared.CPUTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a, err := ingest.ParseFile("gen.txt", files[i])
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		if len(arts) < batch && i < b.N-1 {
			continue
		}
		var outs []ingest.Outcome
		if batch == 1 {
			outs = []ingest.Outcome{in.Add(ctx, a)}
		} else {
			outs = in.AddAll(ctx, arts)
		}
		for k, o := range outs {
			if o.Status != ingest.StatusNew {
				b.Fatalf("article %d: %s", i, o)
			}
			if len(arts[k].Summary) > 0 {
				summarized++
			}
			attacks += len(arts[k].Attacks)
		}
		arts = arts[:0]
	}
	b.StopTimer()
	cpu := shared.CPUTime() - cpu0
	if summarized != b.N {
		b.Fatalf("%d of %d articles summarized", summarized, b.N)
	}
	if b.N >= 100 && attacks == 0 {
		b.Fatalf("no attack report in %d articles", b.N)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	// Wall time includes waiting for a core on a shared machine; articles
	// per CPU-second of the whole process (GC and SQLite included) is the
	// figure for one core.
	if cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	}
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// TestPipelineArticle checks the generator: deterministic, 300 to 700
// words, every article different, and the real pipeline reads figures from
// the attack reports.
func TestPipelineArticle(t *testing.T) {
	if first, again := pipeArticle(7), pipeArticle(7); string(first) != string(again) {
		t.Fatal("pipeArticle is not deterministic")
	}
	seen := map[string]bool{}
	kinds := map[string]int{}
	an := extract.NewAnalyzer()
	for i := 0; i < 60; i++ {
		a, err := ingest.ParseFile("gen.txt", pipeArticle(i))
		if err != nil {
			t.Fatal(err)
		}
		if n := len(strings.Fields(a.Body)); n < 300 || n > 700 {
			t.Errorf("article %d: %d words, want 300 to 700", i, n)
		}
		if seen[a.Body] {
			t.Errorf("article %d repeats an earlier body", i)
		}
		seen[a.Body] = true
		if a.Title == "" || a.URL == "" || a.SourceName == "" || a.PublishedAt.IsZero() {
			t.Errorf("article %d: header not parsed: %+v", i, a)
		}
		kinds[pipeKinds[i%len(pipeKinds)]]++
		if pipeKinds[i%len(pipeKinds)] == "attack" {
			an.Analyze(a)
			if len(a.Attacks) == 0 {
				t.Errorf("article %d: no attack report from %q", i, a.Title)
			}
		}
	}
	if len(kinds) != len(pipeKinds) {
		t.Errorf("kinds generated: %v", kinds)
	}
}

// The generator. Everything below is invented: outlets, officials, units
// and settlements are made up; regions and cities are real names of places.

var pipeKinds = []string{"attack", "diplomacy", "front"}

var (
	pipeOutlets  = []string{"Northern Courier", "Dnipro Evening Post", "Wire Service East", "Harbour Gazette", "Steppe Daily", "Capital Monitor", "Border Herald", "Morning Ledger"}
	pipeRegions  = []string{"Kharkiv", "Sumy", "Poltava", "Dnipropetrovsk", "Zaporizhzhia", "Odesa", "Mykolaiv", "Kherson", "Chernihiv", "Kyiv", "Vinnytsia", "Zhytomyr", "Khmelnytskyi", "Rivne", "Lviv", "Cherkasy"}
	pipeCities   = []string{"Kharkiv", "Sumy", "Poltava", "Dnipro", "Zaporizhzhia", "Odesa", "Mykolaiv", "Kherson", "Chernihiv", "Kyiv", "Vinnytsia", "Zhytomyr", "Lviv", "Cherkasy", "Kremenchuk", "Pavlohrad"}
	pipeFirst    = []string{"Olena", "Taras", "Iryna", "Mykola", "Oksana", "Andrii", "Halyna", "Serhii", "Natalia", "Bohdan", "Marta", "Yurii", "Sofia", "Dmytro", "Larysa", "Petro"}
	pipeLast     = []string{"Hlibova", "Marchuk", "Fedorenko", "Savchyn", "Tkachuk", "Lysenko", "Bondar", "Kravets", "Melnyk", "Horbach", "Zaiets", "Prykhodko", "Shevchuk", "Voronko", "Dovhan", "Rudenko"}
	pipeCapitals = []string{"Geneva", "Vienna", "Warsaw", "Helsinki", "Oslo", "Riga", "Vilnius", "Ankara", "Brussels", "Prague", "Lisbon", "Valletta"}
	pipeEnvoys   = []string{"the foreign ministers", "the national security advisers", "senior envoys", "the defence ministers", "deputy foreign ministers", "the prime ministers"}
	pipeTopics   = []string{"a ceasefire along the front line", "security guarantees", "an exchange of prisoners of war", "the return of deported children", "safe passage for grain ships", "the protection of nuclear plants", "a new sanctions package", "reconstruction funding", "air defence deliveries", "a monitoring mission"}
	pipeSites    = []string{"an energy facility", "a power substation", "a grain terminal", "a residential building", "a railway depot", "a warehouse", "a school", "a fuel depot", "a port facility", "a shopping centre", "a water pumping station", "a heating plant"}
	pipeVillages = []string{"Nove Pole", "Krasnyi Yar", "Vyshneve", "Lisova Dacha", "Stara Hreblia", "Zelenyi Hai", "Kamianka", "Ternove", "Sosnivka", "Yasnyi Brid", "Berezove", "Hnylytsia", "Svitle", "Ozerne", "Dubovyi Kut", "Myrne"}
	pipeAxes     = []string{"Pokrovsk", "Kupiansk", "Lyman", "Huliaipole", "Kostiantynivka", "Siversk", "Vovchansk", "Orikhiv"}
	pipeWeekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	pipeDrones   = []string{"Shahed-type attack drones", "strike and decoy drones", "attack drones", "drones of various types"}
	pipeMissiles = []string{"cruise missiles", "ballistic missiles", "Kh-101 cruise missiles", "Iskander-M ballistic missiles"}
)

// pipeArticle returns generated article i as a local file with header lines:
// an attack report, a diplomacy story or a front-line report (by i mod 3),
// 300 to 700 words, different for every i and the same on every run.
func pipeArticle(i int) []byte {
	r := rand.New(rand.NewPCG(0x5174e9, uint64(i)))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	person := func() string { return pick(pipeFirst) + " " + pick(pipeLast) }
	day := pick(pipeWeekdays)
	region := pick(pipeRegions)
	city := pick(pipeCities)
	kind := pipeKinds[i%len(pipeKinds)]

	var title string
	var lead []string
	var body func() []string // a fresh set of body sentences on each call
	switch kind {
	case "attack":
		drones := 40 + r.IntN(600)
		missiles := r.IntN(40)
		downD := drones * (70 + r.IntN(25)) / 100
		downM := missiles * (50 + r.IntN(45)) / 100
		title = fmt.Sprintf("Russia launches %d drones and %d missiles at %s overnight", drones, missiles, region)
		lead = append(lead,
			fmt.Sprintf("Russia attacked Ukraine overnight into %s with %d %s and %d %s, the Air Force said on %s morning.", day, drones, pick(pipeDrones), missiles, pick(pipeMissiles), day),
			fmt.Sprintf("Air defence units shot down or jammed %d drones and %d missiles, according to the statement.", downD, downM),
			fmt.Sprintf("Hits by %d drones and %d missiles were recorded at %d locations, and debris fell at %d more.", drones-downD, missiles-downM, 2+r.IntN(20), 1+r.IntN(9)))
		body = func() []string {
			return []string{
				fmt.Sprintf("In %s, a strike damaged %s and started a fire that crews put out by dawn, regional governor %s said.", city, pick(pipeSites), person()),
				fmt.Sprintf("%d people were injured in the %s region, including %d children, and %d were killed.", 2+r.IntN(40), region, r.IntN(5), r.IntN(8)),
				fmt.Sprintf("The city's mayor, %s, said %d apartment blocks lost their windows and %d cars burned in a courtyard.", person(), 1+r.IntN(30), 1+r.IntN(15)),
				fmt.Sprintf("Power was cut to about %d,%03d households in %s and repair teams were working to restore it.", 1+r.IntN(200), r.IntN(1000), city),
				fmt.Sprintf("The main targets were %s and %s, the energy ministry said in a statement on its channel.", pick(pipeSites), pick(pipeSites)),
				fmt.Sprintf("Rescuers pulled %d people from the rubble of %s, the emergency service reported.", 1+r.IntN(12), pick(pipeSites)),
				fmt.Sprintf("An air raid alert lasted more than %d hours in the capital and in %d regions of the east and south.", 2+r.IntN(7), 3+r.IntN(10)),
				fmt.Sprintf("Mobile fire groups in the %s region destroyed %d of the drones with machine guns, officials said.", pick(pipeRegions), 5+r.IntN(60)),
				fmt.Sprintf("Schools in %s moved classes online for the day while engineers checked the buildings for damage.", city),
				fmt.Sprintf("Rail operator spokeswoman %s said %d trains were delayed after a strike on the tracks near %s.", person(), 2+r.IntN(20), pick(pipeCities)),
				fmt.Sprintf("It was the %s large combined attack on the region this month, local officials said.", pick([]string{"second", "third", "fourth", "fifth", "sixth"})),
				fmt.Sprintf("Analyst %s said the attackers now send waves of decoys first to wear out interceptors before the missiles arrive.", person()),
			}
		}
	case "diplomacy":
		capital := pick(pipeCapitals)
		topic := pick(pipeTopics)
		title = fmt.Sprintf("%s talks in %s turn to %s", cases(pick(pipeEnvoys)), capital, topic)
		lead = append(lead,
			fmt.Sprintf("%s of Ukraine and its partners met in %s on %s to discuss %s, officials said.", cases(pick(pipeEnvoys)), capital, day, topic),
			fmt.Sprintf("Foreign minister %s said the delegations agreed to meet again within %d weeks to work on %s.", person(), 2+r.IntN(6), pick(pipeTopics)),
			fmt.Sprintf("The talks lasted %d hours and ended without a joint statement, two people familiar with them said.", 3+r.IntN(9)))
		body = func() []string {
			return []string{
				fmt.Sprintf("Envoy %s told reporters the sides were closer on %s but still far apart on %s.", person(), pick(pipeTopics), pick(pipeTopics)),
				fmt.Sprintf("Ukraine's delegation was led by %s, who called the meeting constructive but said nothing was settled.", person()),
				fmt.Sprintf("%d countries sent observers, and the host government offered %s as the venue for a second round.", 4+r.IntN(30), pick(pipeCapitals)),
				fmt.Sprintf("Parliament speaker %s said any agreement would have to be approved by lawmakers and could not trade territory.", person()),
				fmt.Sprintf("The European Union is preparing its %dth package of sanctions, which diplomats said would target the tanker fleet and banks.", 15+r.IntN(10)),
				fmt.Sprintf("A draft seen by reporters runs to %d pages and lists %d points, including %s.", 5+r.IntN(40), 6+r.IntN(20), pick(pipeTopics)),
				fmt.Sprintf("Defence officials from %d countries pledged further air defence systems and %d million euros for ammunition.", 3+r.IntN(20), 50+r.IntN(900)),
				fmt.Sprintf("Adviser %s said a monitoring mission would need at least %d observers to watch a line more than %d kilometres long.", person(), 500+r.IntN(3000), 900+r.IntN(400)),
				fmt.Sprintf("Protesters gathered outside the venue in %s calling for the release of prisoners held since %d.", capital, 2014+r.IntN(11)),
				fmt.Sprintf("The next round could take place in %s in the second half of the month, according to the organisers.", pick(pipeCapitals)),
				fmt.Sprintf("Economists at a forum in %s estimated reconstruction needs at %d billion dollars over ten years.", pick(pipeCapitals), 400+r.IntN(300)),
				fmt.Sprintf("Officials said the exchange of %d prisoners agreed last month had been completed on %s.", 50+r.IntN(300), pick(pipeWeekdays)),
			}
		}
	default:
		axis := pick(pipeAxes)
		village := pick(pipeVillages)
		title = fmt.Sprintf("Fighting intensifies near %s as troops hold %s", axis, village)
		lead = append(lead,
			fmt.Sprintf("Ukrainian forces repelled %d assaults near %s in the past day, the General Staff said on %s.", 10+r.IntN(80), axis, day),
			fmt.Sprintf("Troops of the %dth brigade held positions around %s despite heavy shelling, commander %s said.", 20+r.IntN(150), village, person()),
			fmt.Sprintf("Russian units advanced about %d metres near %s, according to an independent mapping group.", 200+r.IntN(3000), pick(pipeVillages)))
		body = func() []string {
			return []string{
				fmt.Sprintf("There were %d combat engagements along the whole front, most of them on the %s and %s axes.", 100+r.IntN(150), axis, pick(pipeAxes)),
				fmt.Sprintf("The enemy used %d glide bombs and carried out %d artillery strikes on frontline settlements.", 20+r.IntN(150), 1000+r.IntN(4000)),
				fmt.Sprintf("Sergeant %s said small groups on motorcycles try to slip through the tree lines at dawn.", person()),
				fmt.Sprintf("Evacuation of families with children from %d villages in the %s region continues, the regional administration said.", 3+r.IntN(30), region),
				fmt.Sprintf("A drone unit near %s said it destroyed %d armoured vehicles and %d artillery systems in a week.", pick(pipeVillages), 2+r.IntN(30), 1+r.IntN(20)),
				fmt.Sprintf("Military analyst %s said the pace of the advance had slowed since the start of the month.", person()),
				fmt.Sprintf("The road to %s is under constant drone watch, and supplies arrive only at night, soldiers said.", axis),
				fmt.Sprintf("Shelling killed %d civilians and wounded %d in %s over the past day, the governor said.", r.IntN(6), 1+r.IntN(20), pick(pipeCities)),
				fmt.Sprintf("Engineers have built %d kilometres of new fortifications west of %s since the spring.", 5+r.IntN(80), axis),
				fmt.Sprintf("Spokesman %s of the %s group of forces said the situation near %s remains difficult.", person(), pick([]string{"Khortytsia", "Tavria", "Siversk", "Dnipro"}), village),
				fmt.Sprintf("Medics at a stabilisation point near %s said they treated %d wounded soldiers in %d days.", axis, 20+r.IntN(200), 2+r.IntN(9)),
				fmt.Sprintf("Residents of %s who stayed behind rely on aid deliveries that come %d times a week.", village, 1+r.IntN(4)),
			}
		}
	}
	// Paragraphs: the lead, then body sentences drawn from a shuffled deck
	// (refilled with fresh figures and names when empty), some with a
	// closing detail unique to article i.
	var b strings.Builder
	outlet := pipeOutlets[i%len(pipeOutlets)]
	at := pipeBase.Add(time.Duration(i) * 40 * time.Second)
	fmt.Fprintf(&b, "title: %s\nurl: https://news.example/%s/%d\nsource: %s\ndate: %s\n\n",
		title, kind, i, outlet, at.Format(time.RFC3339))
	b.WriteString(strings.Join(lead, " "))
	b.WriteString("\n\n")
	words := len(strings.Fields(strings.Join(lead, " ")))
	target := 300 + r.IntN(350)
	var deck []string
	for words < target {
		var para []string
		for k := 1 + r.IntN(3); k > 0 && words < target; k-- {
			if len(deck) == 0 {
				deck = body()
				r.Shuffle(len(deck), func(x, y int) { deck[x], deck[y] = deck[y], deck[x] })
			}
			s := deck[0]
			deck = deck[1:]
			if r.IntN(3) == 0 {
				s = strings.TrimSuffix(s, ".") + fmt.Sprintf(", %s told the %s in report number %d.", person(), outlet, i)
			}
			para = append(para, s)
			words += len(strings.Fields(s))
		}
		b.WriteString(strings.Join(para, " "))
		b.WriteString("\n\n")
	}
	fmt.Fprintf(&b, "Reporting by %s; editing by %s. Report %d.\n", person(), person(), i)
	return []byte(b.String())
}

// cases capitalizes the first letter.
func cases(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// TestResidentMemory100kReal is TestResidentMemory100k with the real
// summarizer and analyzer and the generated 300-700 word articles: it stores
// 100,000 articles in batches of 100 and reports the resident set size (goal
// under 150 MB). It takes minutes, so it runs only with SITREP_MEM_TEST=1.
func TestResidentMemory100kReal(t *testing.T) {
	if os.Getenv("SITREP_MEM_TEST") == "" {
		t.Skip("set SITREP_MEM_TEST=1 to store 100,000 articles through the real pipeline and report resident memory")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	in := pipeIngester(db)
	const n = 100_000
	start := time.Now()
	cpu0 := shared.CPUTime()
	var batch []*briefings.Article
	for i := 0; i < n; i++ {
		a, err := ingest.ParseFile("gen.txt", pipeArticle(i))
		if err != nil {
			t.Fatal(err)
		}
		batch = append(batch, a)
		if len(batch) == 100 || i == n-1 {
			for _, o := range in.AddAll(ctx, batch) {
				if o.Status != ingest.StatusNew {
					t.Fatal(o)
				}
			}
			batch = batch[:0]
		}
		if (i+1)%20_000 == 0 {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			t.Logf("%6d articles: resident %d MB, Go heap in use %d MB, Go runtime total %d MB",
				i+1, residentBytes(t).now>>20, ms.HeapInuse>>20, ms.Sys>>20)
		}
	}
	elapsed, cpu := time.Since(start), shared.CPUTime()-cpu0
	runtime.GC()
	c, err := db.CountArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rss := residentBytes(t)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%d articles stored in %s (%.0f articles/s, %.0f per CPU-second); resident %d MB (peak %d MB), Go heap in use %d MB, story index %d entries",
		c, elapsed.Round(time.Second), n/elapsed.Seconds(), n/cpu.Seconds(), rss.now>>20, rss.peak>>20, ms.HeapInuse>>20, in.Index().Len())
	if c != n {
		t.Errorf("%d articles stored, want %d", c, n)
	}
	if rss.now > 150<<20 {
		t.Errorf("resident %d MB, goal < 150 MB", rss.now>>20)
	}
}

type rssFigures struct{ now, peak int64 }

// residentBytes reads VmRSS and VmHWM from /proc/self/status.
func residentBytes(t *testing.T) rssFigures {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status")
	}
	var f rssFigures
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
		switch k {
		case "VmRSS":
			f.now = kb << 10
		case "VmHWM":
			f.peak = kb << 10
		}
	}
	return f
}
