package digest

import (
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
	"github.com/sitrep/sitrep/briefings/store/storetest"
	"github.com/sitrep/sitrep/briefings/summarize"
)

var base = time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)

// firstSentences is a test summarizer: the first sentence of each document
// (split at ". "), in document order.
type firstSentences struct{}

func (firstSentences) Summarize(title, body string, n int) []string {
	var out []string
	for _, p := range firstSentences.SummarizeStory(firstSentences{}, []briefings.Doc{{Title: title, Body: body}}, n) {
		out = append(out, p.Sentence)
	}
	return out
}

func (firstSentences) SummarizeStory(docs []briefings.Doc, n int) []briefings.Picked {
	var out []briefings.Picked
	for i, d := range docs {
		s, _, _ := strings.Cut(d.Body, ". ")
		if s = strings.TrimSpace(s); s != "" {
			if !strings.HasSuffix(s, ".") {
				s += "."
			}
			out = append(out, briefings.Picked{Doc: i, Sentence: s})
		}
		if len(out) == n {
			break
		}
	}
	return out
}

type fixture struct {
	t       *testing.T
	st      briefings.Store
	sources map[string]int64
}

func newFixture(t *testing.T) *fixture {
	return &fixture{t: t, st: storetest.Open(t), sources: map[string]int64{}}
}

func (f *fixture) source(name string) int64 {
	if id, ok := f.sources[name]; ok {
		return id
	}
	s := &briefings.Source{Name: name, URL: "https://sample.sitrep.invalid/feeds/" + strings.ReplaceAll(strings.ToLower(name), " ", "-"), Kind: briefings.SourceFeed, Enabled: true, ShowText: true}
	if err := f.st.UpsertSource(context.Background(), s); err != nil {
		f.t.Fatal(err)
	}
	f.sources[name] = s.ID
	return s.ID
}

// add stores an article; story 0 starts a new story. It returns the story id.
func (f *fixture) add(story int64, src, title, body string, at time.Time, topics []briefings.Topic, reports ...briefings.AttackReport) int64 {
	f.t.Helper()
	a := &briefings.Article{
		SourceID: f.source(src), URL: "https://sample.sitrep.invalid/" + strings.ReplaceAll(strings.ToLower(src+"/"+title), " ", "-"),
		Title: title, Body: body, PublishedAt: at, FetchedAt: at, StoryID: story, Topics: topics,
		ContentHash: src + title, Summary: []string{"Stored summary of " + title + "."}, Attacks: reports, Lang: "en",
	}
	res, err := f.st.AddArticle(context.Background(), a)
	if err != nil || !res.Created {
		f.t.Fatalf("add %q: %+v %v", title, res, err)
	}
	return res.StoryID
}

func seed(t *testing.T) *fixture {
	f := newFixture(t)
	h := func(n int) time.Time { return base.Add(-time.Duration(n) * time.Hour) }
	// Air attack: three outlets, one revised, one disagreeing.
	night := briefings.AttackReport{Attacker: "RU", Target: "UA", Date: "2026-11-26", Period: "overnight", Scope: briefings.ScopeNational,
		Source: "Ukraine's Air Force", Launched: briefings.Counts{Drones: briefings.IntPtr(112)},
		InterceptedOrJammed: briefings.Counts{Drones: briefings.IntPtr(84)}}
	s1 := f.add(0, "Sample Wire", "Russia launches 112 drones overnight", "Russia launched 112 drones overnight, the Air Force said. Most were downed.", h(3), []briefings.Topic{"air_attacks"}, night)
	cum := night
	cum.Cumulative, cum.Scope = true, briefings.ScopeCumulative
	cum.Launched.Drones = briefings.IntPtr(5000)
	reg := night
	reg.Scope = briefings.ScopeRegional
	reg.Launched.Drones = briefings.IntPtr(12)
	f.add(s1, "Demo Kyiv Post", "Drones target Kyiv and Odesa overnight", "Air defences worked through the night over Kyiv. Debris fell in two districts.", h(2), []briefings.Topic{"air_attacks"}, night, cum, reg)
	other := night
	other.Launched.Drones = briefings.IntPtr(115)
	f.add(s1, "Example Courier", "Overnight drone attack", "Air defence units engaged drones across six regions. Officials gave no casualty figures.", h(2), []briefings.Topic{"air_attacks"}, other)
	// Diplomacy: two outlets.
	s2 := f.add(0, "Sample Wire", "Foreign ministers meet in Geneva", "The foreign ministers met in Geneva to discuss security guarantees. Talks lasted four hours.", h(5), []briefings.Topic{"diplomacy"})
	f.add(s2, "Demo Kyiv Post", "Geneva talks on guarantees", "Security guarantees dominated the Geneva meeting. A follow-up is planned.", h(4), []briefings.Topic{"diplomacy"})
	// Prisoners: one outlet, lands in Diplomacy.
	f.add(0, "Example Courier", "Prisoner exchange completed", "Both sides exchanged 95 prisoners each. Mediators confirmed the swap.", h(6), []briefings.Topic{"prisoners"})
	// Sanctions and energy.
	f.add(0, "Sample Wire", "New sanctions package agreed", "Ministers agreed a new sanctions package. It targets shipping.", h(7), []briefings.Topic{"sanctions"})
	f.add(0, "Demo Kyiv Post", "Grid imports rise", "Electricity imports rose this week. Operators cited repairs.", h(8), []briefings.Topic{"energy"})
	// Front line and other.
	f.add(0, "Example Courier", "Fighting near a river crossing", "Fighting continued near the crossing. Both sides claimed gains.", h(9), []briefings.Topic{"front_line"})
	f.add(0, "Example Courier", "Aid convoy reaches town", "An aid convoy reached the town. It carried food and medicine.", h(10), []briefings.Topic{"humanitarian"})
	f.add(0, "Sample Wire", "Untopical note", "A note without topics. Nothing else.", h(11), nil)
	// Outside the window.
	f.add(0, "Sample Wire", "Old news", "This happened two days ago. It should not show.", h(50), []briefings.Topic{"diplomacy"})
	return f
}

func TestBuild(t *testing.T) {
	f := seed(t)
	kyiv, _ := time.LoadLocation("Europe/Kyiv")
	d, err := Build(context.Background(), f.st, firstSentences{}, Options{Now: base, Until: base, Since: base.Add(-24 * time.Hour), Location: kyiv, Sentences: 2})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Briefing: 25 Nov 10:00 – 26 Nov 2026 10:00 EET" {
		t.Errorf("title %q", d.Title)
	}
	if d.Since.Location() != kyiv || d.GeneratedAt.Location() != kyiv {
		t.Error("dates not in the reader's zone")
	}
	var names []string
	for _, s := range d.Sections {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, "|"); got != "Air attacks|Front line|Diplomacy|Sanctions and aid|Other" {
		t.Fatalf("sections %s", got)
	}
	air := d.Sections[0].Items
	if len(air) != 1 {
		t.Fatalf("air items %d", len(air))
	}
	it := air[0]
	if len(it.Sources) != 3 || it.Sources[0].Name != "Sample Wire" || !strings.HasPrefix(it.Sources[1].URL, "https://sample.sitrep.invalid/") {
		t.Errorf("sources %+v", it.Sources)
	}
	if len(it.Sentences) != 2 || it.Sentences[0] != "Russia launched 112 drones overnight, the Air Force said." {
		t.Errorf("sentences %q", it.Sentences)
	}
	if it.Headline != "Russia launches 112 drones overnight" {
		t.Errorf("headline %q", it.Headline)
	}
	want := "Russia launched 112 drones (Sample Wire, Demo Kyiv Post) / 115 (Example Courier); 84 intercepted or jammed. Source: Ukraine's Air Force"
	if it.Figures != want {
		t.Errorf("figures\n got %s\nwant %s", it.Figures, want)
	}
	// The headline's own article's time, and the story's latest report.
	if it.Published.Location() != kyiv || !it.Published.Equal(base.Add(-3*time.Hour)) {
		t.Errorf("published %v, want the headline article's", it.Published)
	}
	if it.Updated.Location() != kyiv || !it.Updated.Equal(base.Add(-2*time.Hour)) {
		t.Errorf("updated %v, want the latest report's", it.Updated)
	}
	dip := d.Sections[2].Items
	if len(dip) != 2 || dip[0].Headline != "Foreign ministers meet in Geneva" || dip[1].Headline != "Prisoner exchange completed" {
		t.Errorf("diplomacy %+v", dip)
	}
	if dip[0].Score <= dip[1].Score {
		t.Errorf("two sources should outrank one: %v <= %v", dip[0].Score, dip[1].Score)
	}
	if n := len(d.Sections[3].Items); n != 2 {
		t.Errorf("sanctions and aid: %d items", n)
	}
	if n := len(d.Sections[4].Items); n != 2 {
		t.Errorf("other: %d items", n)
	}
	for _, s := range d.Sections {
		for _, it := range s.Items {
			if it.Headline == "Old news" {
				t.Error("story outside the window")
			}
		}
	}
}

func TestBuildFiltersAndLimits(t *testing.T) {
	f := seed(t)
	ctx := context.Background()
	d, err := Build(ctx, f.st, nil, Options{Now: base, Topics: []briefings.Topic{"prisoners", "sanctions"}, Sentences: 1, MaxPerSection: 1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sections {
		for _, it := range s.Items {
			got = append(got, s.Name+":"+it.Headline)
			if len(it.Sentences) != 1 || !strings.HasPrefix(it.Sentences[0], "Stored summary of ") {
				t.Errorf("nil summarizer should use stored summaries: %q", it.Sentences)
			}
		}
	}
	if strings.Join(got, "|") != "Diplomacy:Prisoner exchange completed|Sanctions and aid:New sanctions package agreed" {
		t.Errorf("filtered: %v", got)
	}
	// Deterministic: the same input gives the same bytes.
	a, _ := Build(ctx, f.st, firstSentences{}, Options{Now: base})
	b, _ := Build(ctx, f.st, firstSentences{}, Options{Now: base})
	ja, _ := JSON(a)
	jb, _ := JSON(b)
	if string(ja) != string(jb) {
		t.Error("digest is not deterministic")
	}
	var back briefings.Digest
	if err := json.Unmarshal(ja, &back); err != nil || !strings.Contains(string(ja), "\n  \"sections\"") {
		t.Errorf("JSON not indented or invalid: %v", err)
	}
	// An empty window.
	e, err := Build(ctx, f.st, nil, Options{Now: base.Add(30 * 24 * time.Hour)})
	if err != nil || !e.Empty() {
		t.Errorf("empty window: %v %+v", err, e)
	}
}

func TestBuildErrors(t *testing.T) {
	f := newFixture(t)
	if _, err := Build(context.Background(), f.st, nil, Options{}); err == nil {
		t.Error("no clock: no error")
	}
	_, err := Build(context.Background(), f.st, nil, Options{Now: base, Since: base, Until: base.Add(-time.Hour)})
	if briefings.ErrorCode(err) != briefings.EINVALID {
		t.Errorf("reversed window: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, f.st, nil, Options{Now: base}); err == nil {
		t.Error("cancelled context: no error")
	}
}

func TestSectionOf(t *testing.T) {
	report := []briefings.AttackReport{{Attacker: "RU", Target: "UA", Scope: briefings.ScopeNational, Launched: briefings.Counts{Drones: briefings.IntPtr(10)}}}
	regional := []briefings.AttackReport{{Attacker: "RU", Target: "UA", Scope: briefings.ScopeRegional}}
	art := func(reports []briefings.AttackReport, topics ...briefings.Topic) briefings.Article {
		return briefings.Article{Topics: topics, Attacks: reports}
	}
	tests := []struct {
		name string
		arts []briefings.Article
		want string
	}{
		{"none", nil, briefings.SectionOther},
		{"no topics", []briefings.Article{art(nil)}, briefings.SectionOther},
		{"attack with figures", []briefings.Article{art(report, "air_attacks", "energy")}, briefings.SectionAirAttacks},
		{"figures without the topic", []briefings.Article{art(report, "energy")}, briefings.SectionAirAttacks},
		{"regional figures only", []briefings.Article{art(regional, "air_attacks", "energy")}, briefings.SectionSanctions},
		{"drones mentioned in energy news", []briefings.Article{art(nil, "air_attacks", "energy")}, briefings.SectionSanctions},
		{"energy", []briefings.Article{art(nil, "energy")}, briefings.SectionSanctions},
		{"military aid", []briefings.Article{art(nil, "air_attacks", "diplomacy", "military_aid", "energy")}, briefings.SectionSanctions},
		{"prisoners", []briefings.Article{art(nil, "prisoners")}, briefings.SectionDiplomacy},
		{"sanctions talks", []briefings.Article{art(nil, "diplomacy", "sanctions")}, briefings.SectionSanctions},
		{"majority", []briefings.Article{art(nil, "diplomacy"), art(nil, "diplomacy"), art(nil, "front_line")}, briefings.SectionDiplomacy},
		{"front and drones", []briefings.Article{art(nil, "air_attacks", "front_line")}, briefings.SectionFrontLine},
		{"humanitarian", []briefings.Article{art(nil, "humanitarian")}, briefings.SectionOther},
		{"unknown topic", []briefings.Article{art(nil, "weather")}, briefings.SectionOther},
	}
	for _, tt := range tests {
		if got := SectionOf(tt.arts); got != tt.want {
			t.Errorf("%s: SectionOf = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestWindow(t *testing.T) {
	kyiv, _ := time.LoadLocation("Europe/Kyiv")
	tests := []struct {
		since, until time.Time
		loc          *time.Location
		want         string
	}{
		{base.Add(-4 * time.Hour), base, kyiv, "26 Nov 2026, 06:00–10:00 EET"},
		{base.Add(-24 * time.Hour), base, nil, "25 Nov 08:00 – 26 Nov 2026 08:00 UTC"},
		{base.AddDate(-1, 0, 0), base, time.UTC, "26 Nov 2025 08:00 – 26 Nov 2026 08:00 UTC"},
	}
	for _, tt := range tests {
		if got := Window(tt.since, tt.until, tt.loc); got != tt.want {
			t.Errorf("Window = %q, want %q", got, tt.want)
		}
	}
}

var numRe = regexp.MustCompile(`\d+`)

func TestFigureLines(t *testing.T) {
	ip := briefings.IntPtr
	at := func(h int) time.Time { return base.Add(time.Duration(h) * time.Hour) }
	rep := func(src string, h int, f func(r *briefings.AttackReport)) *briefings.AttackReport {
		r := &briefings.AttackReport{Attacker: "RU", Target: "UA", Date: "2026-11-26", Period: "overnight", Scope: briefings.ScopeNational,
			SourceName: src, PublishedAt: at(h)}
		f(r)
		return r
	}
	tests := []struct {
		name    string
		reports []*briefings.AttackReport
		want    []string
	}{
		{"seed style", []*briefings.AttackReport{rep("AP", 0, func(r *briefings.AttackReport) {
			r.Source = "Ukraine's Air Force"
			r.Launched.Drones, r.InterceptedOrJammed.Drones = ip(112), ip(84)
		})}, []string{"26 Nov 2026, overnight: Russia launched 112 drones; 84 intercepted or jammed (75%). Source: Ukraine's Air Force via AP"}},
		{"outlets disagree", []*briefings.AttackReport{
			rep("Kyiv Independent", 0, func(r *briefings.AttackReport) { r.Launched.Drones = ip(805) }),
			rep("Reuters", 1, func(r *briefings.AttackReport) { r.Launched.Drones = ip(810) }),
		}, []string{"26 Nov 2026, overnight: Russia launched 805 drones (Kyiv Independent) / 810 (Reuters). Source: Kyiv Independent, Reuters"}},
		{"revised by the same outlet", []*briefings.AttackReport{
			rep("Sample Wire", 0, func(r *briefings.AttackReport) { r.Launched.Drones, r.Intercepted.Drones = ip(90), ip(70) }),
			rep("Sample Wire", 2, func(r *briefings.AttackReport) { r.Launched.Drones, r.Intercepted.Drones = ip(96), ip(72) }),
		}, []string{"26 Nov 2026, overnight: Russia launched 96 drones; 72 shot down (75%). Source: Sample Wire"}},
		{"two classes, jammed apart, casualties", []*briefings.AttackReport{rep("Sample Wire", 0, func(r *briefings.AttackReport) {
			r.Source = "Ukraine's Air Force"
			r.Launched.Drones, r.Launched.Missiles = ip(60), ip(5)
			r.Intercepted.Drones, r.Jammed.Drones, r.Intercepted.Missiles = ip(40), ip(12), ip(4)
			r.Casualties.Killed, r.Casualties.Injured = ip(2), ip(11)
		})}, []string{"26 Nov 2026, overnight: Russia launched 60 drones and 5 missiles; 40 drones shot down, 12 jammed (87%); 4 missiles shot down (80%); 2 killed, 11 injured. Source: Ukraine's Air Force via Sample Wire"}},
		{"no launched figure", []*briefings.AttackReport{rep("Demo Courier", 0, func(r *briefings.AttackReport) {
			r.Attacker, r.Target = "UA", "RU"
			r.Intercepted.Drones = ip(41)
		})}, []string{"26 Nov 2026, overnight: Ukraine's attack: 41 drones shot down. Source: Demo Courier"}},
		{"one article, the report with more figures stands", []*briefings.AttackReport{
			rep("Demo Post", 0, func(r *briefings.AttackReport) {
				r.ID = 1
				r.Launched.Drones, r.InterceptedOrJammed.Drones = ip(146), ip(118)
			}),
			rep("Demo Post", 0, func(r *briefings.AttackReport) { r.ID = 2; r.Launched.Drones = ip(70) }),
		}, []string{"26 Nov 2026, overnight: Russia launched 146 drones; 118 intercepted or jammed (81%). Source: Demo Post"}},
		{"stated total", []*briefings.AttackReport{rep("A", 0, func(r *briefings.AttackReport) {
			r.Launched.Total, r.Launched.Drones, r.Launched.Missiles = ip(570), ip(540), ip(30)
			r.InterceptedOrJammed.Total = ip(525)
		})}, []string{"26 Nov 2026, overnight: Russia launched 570 drones and missiles (540 drones and 30 missiles); 525 drones and missiles intercepted or jammed (92%). Source: A"}},
		{"a total its breakdown leaves a class out of stays", []*briefings.AttackReport{rep("A", 0, func(r *briefings.AttackReport) {
			r.Launched.Drones, r.Launched.Missiles = ip(140), ip(6)
			r.InterceptedOrJammed.Total, r.InterceptedOrJammed.Drones = ip(130), ip(126)
		})}, []string{"26 Nov 2026, overnight: Russia launched 140 drones and 6 missiles; 130 drones and missiles intercepted or jammed; 126 drones intercepted or jammed (90%). Source: A"}},
		{"a total that is not the sum of its parts stays", []*briefings.AttackReport{rep("A", 0, func(r *briefings.AttackReport) {
			r.Launched.Total, r.Launched.Drones, r.Launched.Missiles = ip(150), ip(140), ip(6)
		})}, []string{"26 Nov 2026, overnight: Russia launched 150 drones and missiles (140 drones and 6 missiles). Source: A"}},
		{"cumulative and regional skipped", []*briefings.AttackReport{
			rep("A", 0, func(r *briefings.AttackReport) { r.Cumulative = true; r.Launched.Drones = ip(5000) }),
			rep("B", 0, func(r *briefings.AttackReport) { r.Scope = briefings.ScopeRegional; r.Launched.Drones = ip(12) }),
		}, nil},
		{"events by date", []*briefings.AttackReport{
			rep("A", -24, func(r *briefings.AttackReport) { r.Date = "2026-11-25"; r.Launched.Missiles = ip(1) }),
			rep("A", 0, func(r *briefings.AttackReport) { r.Period = "day"; r.Launched.Drones = ip(30) }),
			rep("A", 0, func(r *briefings.AttackReport) {
				r.Date = ""
				r.Period = ""
				r.PublishedAt = at(-60)
				r.Launched.Drones = ip(7)
			}),
		}, []string{
			"26 Nov 2026, day: Russia launched 30 drones. Source: A",
			"25 Nov 2026, overnight: Russia launched 1 missile. Source: A",
			"23 Nov 2026: Russia launched 7 drones. Source: A",
		}},
		{"a lower bound is said as one, and gives no rate", []*briefings.AttackReport{rep("A", 0, func(r *briefings.AttackReport) {
			r.Launched.Drones, r.Launched.Missiles, r.Intercepted.Missiles = ip(90), ip(12), ip(9)
			r.Qualifiers = map[string]string{"launched.missiles": briefings.QualAtLeast}
		})}, []string{"26 Nov 2026, overnight: Russia launched 90 drones and at least 12 missiles; 9 missiles shot down. Source: A"}},
		{"more intercepted than launched gives no rate", []*briefings.AttackReport{rep("A", 0, func(r *briefings.AttackReport) {
			r.Launched.Drones, r.InterceptedOrJammed.Drones = ip(10), ip(12)
		})}, []string{"26 Nov 2026, overnight: Russia launched 10 drones; 12 intercepted or jammed. Source: A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AttackLines(english(t), tt.reports, time.UTC)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			// Every number but dates and the rate comes from a report.
			stated := map[string]bool{}
			for _, r := range tt.reports {
				for _, p := range []*int{r.Launched.Drones, r.Launched.Missiles, r.Intercepted.Drones, r.Intercepted.Missiles,
					r.Jammed.Drones, r.InterceptedOrJammed.Drones, r.Casualties.Killed, r.Casualties.Injured,
					r.Launched.Total, r.InterceptedOrJammed.Total} {
					if p != nil {
						stated[itoa(*p)] = true
					}
				}
			}
			for _, l := range got {
				_, body, _ := strings.Cut(l, ": ")
				body = regexp.MustCompile(`\(\d+%\)`).ReplaceAllString(body, "")
				for _, n := range numRe.FindAllString(body, -1) {
					if !stated[n] {
						t.Errorf("number %s is in no report: %s", n, l)
					}
				}
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func english(t testing.TB) *locale.Printer {
	t.Helper()
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	return c.For(locale.English)
}

func TestAttackLinesLocation(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	r := &briefings.AttackReport{Attacker: "RU", Target: "UA", SourceName: "A", PublishedAt: time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC), Launched: briefings.Counts{Drones: briefings.IntPtr(3)}}
	got := AttackLines(english(t), []*briefings.AttackReport{r}, ny)
	if len(got) != 1 || !strings.HasPrefix(got[0], "25 Nov 2026: ") {
		t.Errorf("got %q", got)
	}
	if AttackLines(english(t), nil, nil) != nil {
		t.Error("no reports, lines")
	}
}

func BenchmarkBuild(b *testing.B) {
	st := storetest.Open(b)
	ctx := context.Background()
	src := &briefings.Source{Name: "Bench", URL: "https://sample.sitrep.invalid/bench", Kind: briefings.SourceFeed, Enabled: true, ShowText: true}
	st.UpsertSource(ctx, src)
	topics := []briefings.Topic{"air_attacks", "front_line", "diplomacy", "sanctions", "energy"}
	for i := 0; i < 500; i++ {
		a := &briefings.Article{SourceID: src.ID, URL: "https://sample.sitrep.invalid/b/" + itoa(i), Title: "Story " + itoa(i),
			Body: "First sentence of story " + itoa(i) + ". Second sentence.", PublishedAt: base.Add(-time.Duration(i) * time.Minute),
			Topics: []briefings.Topic{topics[i%len(topics)]}, ContentHash: itoa(i), Summary: []string{"Summary " + itoa(i) + "."}}
		if _, err := st.AddArticle(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(ctx, st, firstSentences{}, Options{Now: base}); err != nil {
			b.Fatal(err)
		}
	}
}

// A feed whose terms do not allow quoting its text shows its own teaser only:
// no sentence of the body reaches the digest, while its figures still count.
func TestBuildTeaserOnlySource(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	src := &briefings.Source{Name: "Strict Outlet", URL: "https://sample.sitrep.invalid/strict", Kind: briefings.SourceFeed, Enabled: true}
	if err := st.UpsertSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	a := &briefings.Article{SourceID: src.ID, URL: "https://sample.sitrep.invalid/strict/1", Title: "Overnight drone attack on the south",
		Teaser:      "Air defences were active over the south overnight.",
		Body:        "Body sentence one that must not be quoted. Body sentence two that must not be quoted either.",
		PublishedAt: now.Add(-time.Hour), ContentHash: "strict-1", Topics: []briefings.Topic{"air_attacks"}}
	if _, err := st.AddArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	d, err := Build(ctx, st, summarize.New(), Options{Since: now.Add(-24 * time.Hour), Until: now, Now: now, Sentences: 3})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := JSON(d)
	if strings.Contains(string(b), "must not be quoted") {
		t.Fatalf("teaser-only source quoted its body: %s", b)
	}
	if !strings.Contains(string(b), "Air defences were active over the south overnight.") {
		t.Fatalf("teaser missing: %s", b)
	}
}

// countingSummarizer records the documents of each SummarizeStory call and
// picks the first sentence of the first one.
type countingSummarizer struct{ calls [][]briefings.Doc }

func (c *countingSummarizer) Summarize(title, body string, n int) []string { return nil }

func (c *countingSummarizer) SummarizeStory(docs []briefings.Doc, n int) []briefings.Picked {
	c.calls = append(c.calls, docs)
	return firstSentences{}.SummarizeStory(docs[:1], n)
}

func TestSummaryDocs(t *testing.T) {
	arts := func(srcs ...string) []briefings.Article {
		out := make([]briefings.Article, len(srcs))
		for i, s := range srcs {
			out[i] = briefings.Article{SourceName: s}
		}
		return out
	}
	for _, c := range []struct {
		name  string
		srcs  []string
		limit int
		want  []int
	}{
		{"under the cap", []string{"A", "A", "B"}, 8, []int{0, 1, 2}},
		{"one per source first", []string{"A", "A", "A", "B", "A", "C"}, 3, []int{0, 3, 5}},
		{"then the earliest", []string{"A", "A", "A", "B", "A"}, 4, []int{0, 1, 2, 3}},
		{"more sources than the cap", []string{"A", "B", "C", "D"}, 2, []int{0, 1}},
		{"empty", nil, 8, []int{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := summaryDocs(arts(c.srcs...), c.limit)
			if len(got) != len(c.want) {
				t.Fatalf("summaryDocs = %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("summaryDocs = %v, want %v", got, c.want)
				}
			}
		})
	}
}

// A story of many articles gives the summarizer at most MaxDocs of them,
// while every source is still listed with a link.
func TestBuildCapsSummaryDocs(t *testing.T) {
	f := newFixture(t)
	srcs := []string{"Sample Wire", "Demo Kyiv Post", "Example Courier"}
	story := int64(0)
	for i := range 3 * MaxDocs {
		title := "Ferry keeps running, update " + itoa(i)
		id := f.add(story, srcs[i%len(srcs)], title, "Update "+itoa(i)+" on the ferry. More detail.", base.Add(-time.Duration(60-i)*time.Minute), []briefings.Topic{"humanitarian"})
		if story == 0 {
			story = id
		}
	}
	sum := &countingSummarizer{}
	d, err := Build(context.Background(), f.st, sum, Options{Now: base})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.calls) != 1 || len(sum.calls[0]) != MaxDocs {
		t.Fatalf("summarizer calls %d, docs %d; want 1 call of %d docs", len(sum.calls), len(sum.calls[0]), MaxDocs)
	}
	if got := sum.calls[0][0].Body; !strings.HasPrefix(got, "Update 0 ") {
		t.Errorf("first doc %q, want the story's first article", got)
	}
	if d.Empty() {
		t.Fatal("empty digest")
	}
	it := d.Sections[0].Items[0]
	if len(it.Sources) != len(srcs) {
		t.Fatalf("sources %+v, want %d", it.Sources, len(srcs))
	}
	for _, s := range it.Sources {
		if s.URL == "" {
			t.Errorf("source %s without a link", s.Name)
		}
	}
	if it.Headline != "Ferry keeps running, update 0" || len(it.Sentences) != 1 || it.Sentences[0] != "Update 0 on the ferry." {
		t.Errorf("item %+v", it)
	}
}

// Diplomacy items carry the event line the EventLine function reads from an
// article; other sections never do.
func TestBuildEventLine(t *testing.T) {
	f := seed(t)
	calls := 0
	line := func(a *briefings.Article) string {
		calls++
		return "event of " + a.Title
	}
	d, err := Build(context.Background(), f.st, firstSentences{}, Options{Now: base, Until: base, Since: base.Add(-24 * time.Hour), EventLine: line})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, s := range d.Sections {
		for _, it := range s.Items {
			if s.Name == briefings.SectionDiplomacy {
				if !strings.HasPrefix(it.Event, "event of ") {
					t.Errorf("diplomacy item %q has event %q", it.Headline, it.Event)
				}
				seen++
			} else if it.Event != "" {
				t.Errorf("%s item %q has an event line", s.Name, it.Headline)
			}
		}
	}
	if seen == 0 || calls == 0 {
		t.Fatalf("no diplomacy item got an event line (calls %d)", calls)
	}
}
