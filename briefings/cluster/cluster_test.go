package cluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"github.com/sitrep/sitrep/briefings/internal/shared"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

type fixture struct {
	Key    string    `json:"key"`
	Outlet string    `json:"outlet"`
	At     time.Time `json:"at"`
	Title  string    `json:"title"`
	Body   string    `json:"body"`
}

func loadFixtures(t *testing.T) []fixture {
	t.Helper()
	b, err := os.ReadFile("testdata/events.json")
	if err != nil {
		t.Fatal(err)
	}
	var fs []fixture
	if err := json.Unmarshal(b, &fs); err != nil {
		t.Fatal(err)
	}
	return fs
}

// group runs articles through an index the way ingestion does: match, else
// a new story; returns story ids in input order.
func group(x *Index, arts []*briefings.Article) []int64 {
	var nextStory int64 = 100
	out := make([]int64, len(arts))
	for i, a := range arts {
		a.ID = int64(i + 1)
		a.Fingerprint = Fingerprint(a.Title, a.Body)
		if id, ok := x.Match(a); ok {
			a.StoryID = id
		} else {
			nextStory++
			a.StoryID = nextStory
		}
		x.Add(a)
		out[i] = a.StoryID
	}
	return out
}

func TestGroupsFixtures(t *testing.T) {
	fs := loadFixtures(t)
	var arts []*briefings.Article
	for _, f := range fs {
		arts = append(arts, &briefings.Article{Title: f.Title, Body: f.Body, PublishedAt: f.At, SourceName: f.Outlet})
	}
	stories := group(New(48*time.Hour), arts)
	for i := range fs {
		for j := i + 1; j < len(fs); j++ {
			same := stories[i] == stories[j]
			want := fs[i].Key == fs[j].Key
			if same != want {
				t.Errorf("%s/%q and %s/%q: same story = %v, want %v (similarity %.2f)",
					fs[i].Key, fs[i].Title, fs[j].Key, fs[j].Title, same, want,
					Similarity(arts[i].Fingerprint, arts[j].Fingerprint, fs[j].At.Sub(fs[i].At)))
			}
		}
	}
}

func TestMatchWindow(t *testing.T) {
	x := New(24 * time.Hour)
	at := time.Date(2026, 3, 12, 6, 0, 0, 0, time.UTC)
	a := &briefings.Article{ID: 1, StoryID: 7, Title: "Witkoff meets Macron and Starmer in Paris on Ukraine guarantees",
		Body: "Envoy Steve Witkoff met Emmanuel Macron and Keir Starmer in Paris to discuss security guarantees for Ukraine.", PublishedAt: at}
	a.Fingerprint = Fingerprint(a.Title, a.Body)
	x.Add(a)
	b := *a
	b.ID = 0
	b.StoryID = 0
	if id, ok := x.Match(&b); !ok || id != 7 {
		t.Fatalf("identical text: Match = %d, %v; want 7, true", id, ok)
	}
	b.PublishedAt = at.Add(25 * time.Hour)
	if id, ok := x.Match(&b); ok {
		t.Fatalf("outside the window: Match = %d, want none", id)
	}
	b.PublishedAt = at.Add(-25 * time.Hour)
	if _, ok := x.Match(&b); ok {
		t.Fatal("before the window: matched")
	}
}

func TestConflictingFigures(t *testing.T) {
	a := Fingerprint("Russia launches 112 drones at Ukraine", "Russia launched 112 drones overnight; 84 were shot down, the air force said.")
	b := Fingerprint("Russia launches 95 drones at Ukraine", "Russia launched 95 drones overnight; 70 were shot down, the air force said.")
	if s := Similarity(a, b, time.Hour); s != 0 {
		t.Errorf("different figures: similarity %.2f, want 0", s)
	}
	c := Fingerprint("Russia launches 112 drones at Ukraine", "Russia launched 112 drones overnight into Thursday.")
	d := Fingerprint("Russia launches 112 drones at Ukraine", "Russia launched 112 drones overnight into Friday.")
	if s := Similarity(c, d, time.Hour); s != 0 {
		t.Errorf("different weekdays: similarity %.2f, want 0", s)
	}
}

func TestFingerprintVariants(t *testing.T) {
	a := Fingerprint("Zelenskiy meets envoy in Kiev", "President Volodymyr Zelenskiy met the envoy in Kiev.")
	b := Fingerprint("Zelenskyy meets envoy in Kyiv", "President Volodymyr Zelenskyy met the envoy in Kyiv.")
	if a != b {
		t.Errorf("transliteration variants differ:\n%s\n%s", a, b)
	}
	if !strings.HasPrefix(a, fpVersion+"|") {
		t.Errorf("fingerprint %q lacks version", a)
	}
	if _, ok := parseSig("x1|garbage"); ok {
		t.Error("parsed a foreign fingerprint")
	}
}

func TestPruneAndWarm(t *testing.T) {
	x := New(time.Hour)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var list []*briefings.Article
	for i := 0; i < 10; i++ {
		a := &briefings.Article{ID: int64(i + 1), StoryID: int64(i + 1), Title: fmt.Sprintf("Story number %d about Kherson ferry", i),
			Body: "The ferry across the Dnipro near Kherson resumed service.", PublishedAt: at.Add(time.Duration(i) * time.Hour)}
		a.Fingerprint = Fingerprint(a.Title, a.Body)
		list = append(list, a)
	}
	x.Warm(list)
	// newest is at+9h; entries before at+7h are pruned.
	if got := x.Len(); got != 3 {
		t.Errorf("after warm: %d entries, want 3", got)
	}
	x.Prune(at.Add(100 * time.Hour))
	if got := x.Len(); got != 0 {
		t.Errorf("after prune: %d entries, want 0", got)
	}
}

func FuzzFingerprint(f *testing.F) {
	f.Add("Russia launches 1,200 drones", "KYIV, Ukraine (AP) — Russia launched 112 drones. 84 downed.")
	f.Add("", "")
	f.Add("'''", "3.5. 1,2,3 ’s Zelenskyy’s")
	f.Fuzz(func(t *testing.T, title, body string) {
		fp := Fingerprint(title, body)
		s, ok := parseSig(fp)
		if !ok {
			t.Fatalf("own fingerprint does not parse: %q", fp)
		}
		if sc := similarity(&s, &s, 0); sc < 0 || sc > 1 {
			t.Fatalf("similarity out of range: %v", sc)
		}
	})
}

// TestCorpusDiplomacy groups the real diplomacy excerpts and prints the
// groups. It asserts properties that hold by construction of the corpus:
// excerpts dated months apart never share a story, and every dated group
// spans at most the window.
func TestCorpusDiplomacy(t *testing.T) {
	path := filepath.Join(shared.Root(t), "..", "shared", "corpus", "diplomacy.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("corpus not available (%v): skipping the diplomacy evaluation", err)
	}
	defer f.Close()
	type row struct {
		Date   *string `json:"date"`
		Title  *string `json:"title"`
		Text   string  `json:"text"`
		Outlet string  `json:"outlet"`
	}
	var arts []*briefings.Article
	var dated []bool
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	undated := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for sc.Scan() {
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		a := &briefings.Article{Body: r.Text, SourceName: r.Outlet}
		if r.Title != nil && !strings.HasPrefix(*r.Title, "(") {
			a.Title = *r.Title
		}
		ok := false
		if r.Date != nil {
			if d, err := time.Parse("2006-01-02", *r.Date); err == nil {
				a.PublishedAt, ok = d.Add(12*time.Hour), true
			}
		}
		if !ok {
			// Undated excerpts are spread ten days apart so the window keeps
			// them from grouping with anything by accident.
			a.PublishedAt = undated.Add(time.Duration(len(arts)) * 240 * time.Hour)
		}
		dated = append(dated, ok)
		arts = append(arts, a)
	}
	window := 48 * time.Hour
	stories := group(New(window), arts)
	groups := map[int64][]int{}
	for i, s := range stories {
		groups[s] = append(groups[s], i)
	}
	var ids []int64
	for s := range groups {
		ids = append(ids, s)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	multi := 0
	for _, s := range ids {
		g := groups[s]
		if len(g) > 1 {
			multi++
		}
		var b strings.Builder
		for _, i := range g {
			fmt.Fprintf(&b, "\n    %s %s | %.60s", arts[i].PublishedAt.Format("2006-01-02"), arts[i].SourceName, arts[i].Title+" "+arts[i].Body)
		}
		t.Logf("story %d (%d articles):%s", s, len(g), b.String())
		lo, hi := arts[g[0]].PublishedAt, arts[g[0]].PublishedAt
		for _, i := range g {
			if !dated[i] && len(g) > 1 {
				t.Errorf("undated excerpt %d grouped across a 10-day gap", i)
			}
			if arts[i].PublishedAt.Before(lo) {
				lo = arts[i].PublishedAt
			}
			if arts[i].PublishedAt.After(hi) {
				hi = arts[i].PublishedAt
			}
		}
		if hi.Sub(lo) > window {
			t.Errorf("story %d spans %s, more than the %s window", s, hi.Sub(lo), window)
		}
	}
	t.Logf("%d excerpts in %d stories, %d with more than one article", len(arts), len(groups), multi)
	if len(groups) < len(arts)/2 {
		t.Errorf("%d excerpts collapsed into %d stories: grouping is too loose", len(arts), len(groups))
	}
}

// Two template reports of different nights stay apart when their attack
// events differ, even if their wording is nearly the same.
func TestEventsKeepNightsApart(t *testing.T) {
	body := "The air force said air defence units were active across the north, south and centre overnight. Debris fell in several regions and emergency crews worked at the sites."
	a := Fingerprint("Air force reports overnight drone attack", body, "RU>UA@2026-03-12")
	b := Fingerprint("Air force reports overnight drone attack", body, "RU>UA@2026-03-14")
	same := Fingerprint("Air force reports overnight drone attack", body, "RU>UA@2026-03-12")
	if s := Similarity(a, b, 0); s != 0 {
		t.Fatalf("different nights scored %.2f, want 0", s)
	}
	if s := Similarity(a, same, 0); s < 0.5 {
		t.Fatalf("same night scored %.2f", s)
	}
	if s := Similarity(a, Fingerprint("Air force reports overnight drone attack", body), 0); s < 0.5 {
		t.Fatalf("an article without dated events should still match: %.2f", s)
	}
}

// TestStorySpan: a story closes DefaultSpan after its first article, even
// when each new report is within the window of the one before it; the next
// report starts a new story that later reports join.
func TestStorySpan(t *testing.T) {
	x := New(48 * time.Hour)
	if got := x.Span(); got != DefaultSpan {
		t.Fatalf("Span = %s, want %s", got, DefaultSpan)
	}
	start := time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)
	var arts []*briefings.Article
	for i := range 6 {
		arts = append(arts, &briefings.Article{
			Title:       "Ferry across the Dnipro near Kherson keeps running despite shelling",
			Body:        "The ferry across the Dnipro near Kherson kept running, the regional administration said.",
			PublishedAt: start.Add(time.Duration(i) * 24 * time.Hour),
		})
	}
	got := group(x, arts)
	// Days 0-3 are within 72 hours of the first; day 4 opens a new story
	// that day 5 joins.
	want := []int64{101, 101, 101, 101, 102, 102}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("stories = %v, want %v", got, want)
		}
	}

	// A longer span keeps them in one story.
	y := New(48 * time.Hour)
	y.SetSpan(10 * 24 * time.Hour)
	for _, a := range arts {
		a.ID, a.StoryID = 0, 0
	}
	for i, id := range group(y, arts) {
		if id != 101 {
			t.Fatalf("span 10 days: article %d in story %d, want 101", i, id)
		}
	}
}

// TestOneSourceOneStoryPerEvent: an outlet's articles of one day that share
// its house phrasing and the day's names (the president, an interview) are
// different stories; another outlet's report of one of them joins that one,
// and the outlet's own update of an article (a new version under a new
// link) joins its story.
func TestOneSourceOneStoryPerEvent(t *testing.T) {
	at := time.Date(2026, 5, 14, 9, 0, 0, 0, time.UTC)
	art := func(src int64, min int, title, body string) *briefings.Article {
		return &briefings.Article{SourceID: src, Title: title, Body: body, PublishedAt: at.Add(time.Duration(min) * time.Minute)}
	}
	lead := "President Volodymyr Zelenskyy said in an interview that "
	arts := []*briefings.Article{
		art(1, 0, "Zelenskyy: Washington holds the stronger hand in negotiations with Moscow",
			lead+"Washington holds the stronger hand in negotiations with Moscow and should use it. Source: the interview. Quote: the talks need pressure."),
		art(1, 40, "Zelenskyy: Ukraine will hit more Russian oil refineries",
			lead+"Ukraine will hit more Russian oil refineries in answer to the bombing of its cities. Source: the interview. Details: drones built at home will carry it out."),
		art(1, 80, "Zelenskyy: forces regained territory in the south-east",
			lead+"Ukrainian forces regained about a hundred square kilometres in the south-east this month. Source: the interview. Details: the counteroffensive goes on."),
		art(2, 120, "Zelensky urges Washington to use its stronger hand in negotiations with Moscow",
			"Ukrainian President Volodymyr Zelensky urged Washington to use its stronger hand in negotiations with Moscow, in an interview with a European broadcaster on Thursday."),
		art(1, 150, "Zelenskyy: Washington holds the stronger hand in negotiations with Moscow (updated)",
			lead+"Washington holds the stronger hand in negotiations with Moscow and should use it. Source: the interview. Quote: the talks need pressure. The interview was recorded in Kyiv."),
	}
	got := group(New(48*time.Hour), arts)
	if got[0] == got[1] || got[0] == got[2] || got[1] == got[2] {
		t.Errorf("stories %v: one outlet's three different statements share a story", got)
	}
	if got[3] != got[0] {
		t.Errorf("stories %v: another outlet's report of the first statement is not in its story", got)
	}
	if got[4] != got[0] {
		t.Errorf("stories %v: the outlet's update of its article is not in its story", got)
	}
	// The test's premise: from two outlets, each pair of statements would
	// be one story; the rule is the source's.
	for _, p := range [][2]int{{0, 1}, {0, 2}, {1, 2}} {
		a, b := arts[p[0]], arts[p[1]]
		if s := Similarity(a.Fingerprint, b.Fingerprint, time.Hour); s < Threshold || s >= SameSourceThreshold {
			t.Errorf("premise: statements %d and %d score %.2f, want in [%.2f, %.2f)", p[0], p[1], s, Threshold, SameSourceThreshold)
		}
	}
}

// TestOneSourceNotThroughAnother: an outlet's article does not reach a
// story through another outlet's article when the story already holds the
// outlet's own, different, write-up.
func TestOneSourceNotThroughAnother(t *testing.T) {
	at := time.Date(2026, 5, 14, 9, 0, 0, 0, time.UTC)
	lead := "President Volodymyr Zelenskyy said in an interview that "
	arts := []*briefings.Article{
		{SourceID: 1, PublishedAt: at, Title: "Zelenskyy: Washington holds the stronger hand in negotiations with Moscow",
			Body: lead + "Washington holds the stronger hand in negotiations with Moscow and should use it. Source: the interview. Quote: the talks need pressure."},
		{SourceID: 2, PublishedAt: at.Add(30 * time.Minute), Title: "Zelensky urges Washington to use its stronger hand in negotiations with Moscow",
			Body: "Ukrainian President Volodymyr Zelensky urged Washington to use its stronger hand in negotiations with Moscow, in an interview on Thursday."},
		{SourceID: 2, PublishedAt: at.Add(60 * time.Minute), Title: "Zelenskyy: Ukraine will hit more Russian oil refineries",
			Body: lead + "Ukraine will hit more Russian oil refineries in answer to the bombing of its cities. Source: the interview. Quote: the talks need pressure from the front too."},
	}
	got := group(New(48*time.Hour), arts)
	if got[1] != got[0] {
		t.Fatalf("stories %v: the second outlet's report of the statement is apart", got)
	}
	if got[2] == got[0] {
		t.Errorf("stories %v: the second outlet's other article joined the story of its first", got)
	}
	if s := Similarity(arts[2].Fingerprint, arts[0].Fingerprint, time.Hour); s < Threshold {
		t.Errorf("premise: the third article scores %.2f with the first, want >= %.2f", s, Threshold)
	}
}

// TestOneNameIsNoStory: two items that have one name in common (a city, a
// ministry) and little else are two stories, however few names the shorter
// one has; two reports of one event still meet.
func TestOneNameIsNoStory(t *testing.T) {
	short := Fingerprint("Russian forces shell Kherson, power lines damaged", "")
	other := Fingerprint("Pensioner from Kherson stopped at the Georgian border after a smuggling tip-off",
		"A pensioner from Kherson who tried to bring her grandson home through Georgia was stopped by border guards after an informant's tip-off, relatives said.")
	if s := Similarity(short, other, time.Hour); s >= Threshold {
		t.Errorf("one shared city: similarity %.2f >= %.2f", s, Threshold)
	}
	ministry := Fingerprint("Ministry of Justice: record number of weddings registered last week", "")
	airspace := Fingerprint("Ministry of Defence of Moldova reports a drone over the border village",
		"The Ministry of Defence of Moldova said a drone crossed into its airspace near a border village for a few minutes on Saturday.")
	if s := Similarity(ministry, airspace, time.Hour); s >= Threshold {
		t.Errorf("one shared institution word: similarity %.2f >= %.2f", s, Threshold)
	}
	a := Fingerprint("Russian forces shell Kherson, power lines damaged", "Russian shelling damaged power lines in Kherson on Saturday, the regional governor said.")
	b := Fingerprint("Kherson shelled: power lines damaged, governor says", "Power lines were damaged in Kherson as Russian forces shelled the city on Saturday, the governor reported.")
	if s := Similarity(a, b, time.Hour); s < Threshold {
		t.Errorf("two reports of one shelling: similarity %.2f < %.2f", s, Threshold)
	}
}

// The names most of the war's diplomacy and aid carries (Europe, the EU, the
// West) make no story by themselves: a training plan and a sanctions
// package agreed in one city on one day are two stories, while two outlets'
// reports of the package stay one.
func TestWesternNamesMakeNoStory(t *testing.T) {
	training := Prepare("European defence ministers agree on a training plan for Ukraine's army",
		"Defence ministers of several European countries agreed in Brussels on Thursday on a plan to train Ukrainian crews on Western equipment after a ceasefire, officials said. The plan also covers repairs of Western tanks.")
	sanctions := Prepare("EU adopts new sanctions on tankers of Russia's shadow fleet",
		"European Union governments agreed in Brussels on Thursday on new sanctions against dozens of tankers carrying Russian oil above the Western price cap, diplomats said. The European Union also listed two banks.")
	sanctions2 := Prepare("Shadow fleet tankers and two banks hit by latest EU sanctions",
		"The European Union on Thursday approved sanctions on dozens of shadow fleet tankers that carry Russian oil, and on two banks, EU diplomats in Brussels said.")
	if s := Similarity(training.String(), sanctions.String(), time.Hour); s >= Threshold {
		t.Errorf("training plan and sanctions package: similarity %.2f, want below %.2f", s, Threshold)
	}
	if s := Similarity(sanctions.String(), sanctions2.String(), time.Hour); s < Threshold {
		t.Errorf("two reports of one sanctions package: similarity %.2f, want at least %.2f", s, Threshold)
	}
}
