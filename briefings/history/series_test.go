package history

import (
	"math"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// rec is an invented national record of the Air Force's figures.
func rec(id int64, date string, drones, down int) *briefings.AttackRecord {
	return &briefings.AttackRecord{ID: id, Dataset: Dataset, Key: date, URL: "https://example.org/" + date, Report: briefings.AttackReport{
		Attacker: "RU", Target: "UA", Date: date, Scope: briefings.ScopeNational, Source: DatasetSource,
		Launched:            briefings.Counts{Drones: briefings.IntPtr(drones)},
		InterceptedOrJammed: briefings.Counts{Drones: briefings.IntPtr(down)},
	}}
}

// text is an invented report read from a news text.
func text(id int64, date, outlet, source string, launched, intercepted *int) *briefings.AttackReport {
	return &briefings.AttackReport{ID: id, Attacker: "RU", Target: "UA", Date: date, Scope: briefings.ScopeNational,
		Source: source, SourceName: outlet, ArticleURL: "https://news.example/" + outlet + "/" + date,
		PublishedAt: mustDate(date).Add(time.Duration(id) * time.Minute),
		Launched:    briefings.Counts{Drones: launched}, Intercepted: briefings.Counts{Drones: intercepted}}
}

func mustDate(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func n(v int) *int { return briefings.IntPtr(v) }

func TestBuildRecordIsTheFigureOfRecordTextFillsTheRest(t *testing.T) {
	records := []*briefings.AttackRecord{rec(1, "2025-06-01", 100, 90), rec(2, "2025-06-03", 200, 150)}
	reports := []*briefings.AttackReport{
		text(10, "2025-06-01", "Outlet A", "Ukraine's Air Force", n(105), n(95)), // disagrees with the record: the record wins
		text(11, "2025-06-02", "Outlet B", "", n(60), n(50)),                     // an outlet's own figure
		text(12, "2025-06-02", "Outlet C", "Ukraine's Air Force", n(64), n(51)),  // the Air Force quoted: chosen
		text(13, "2025-06-04", "Outlet D", "Ukraine's Air Force", n(40), nil),
		text(14, "2025-06-04", "Outlet E", "Ukraine's Air Force", n(42), n(30)), // later: supersedes D
	}
	ua := text(15, "2025-06-02", "Outlet F", "Russia's Defence Ministry", n(500), n(500))
	ua.Attacker, ua.Target = "UA", "RU"
	cum := text(16, "2025-06-04", "Outlet G", "", n(9000), nil)
	cum.Cumulative = true
	reg := text(17, "2025-06-05", "Outlet H", "", n(30), n(30))
	reg.Scope = briefings.ScopeRegional
	reports = append(reports, ua, cum, reg)

	s := Build(records, reports, Options{Class: Drones, From: "2025-06-01", To: "2025-06-05"})
	want := []struct {
		launched, down int
		stated         bool
		id             int64
		record         bool
	}{{100, 90, true, 1, true}, {64, 51, true, 12, false}, {200, 150, true, 2, true}, {42, 30, true, 14, false}, {0, 0, false, 0, false}}
	if len(s.Points) != len(want) {
		t.Fatalf("points = %d, want %d", len(s.Points), len(want))
	}
	for i, w := range want {
		p := s.Points[i]
		if p.Launched != w.launched || p.Down != w.down || p.LaunchedStated != w.stated {
			t.Errorf("%s: %d launched, %d down (stated %v); want %d, %d", p.Start, p.Launched, p.Down, p.LaunchedStated, w.launched, w.down)
		}
		if w.id != 0 && (len(p.Refs) != 1 || p.Refs[0].ReportID != w.id || p.Refs[0].Record != w.record) {
			t.Errorf("%s: refs %+v, want report %d", p.Start, p.Refs, w.id)
		}
	}
	if s.RecordDays != 2 || s.TextDays != 2 {
		t.Errorf("record days %d, text days %d; want 2 and 2", s.RecordDays, s.TextDays)
	}
	if len(s.Sources) != 3 || s.Sources[0] != Dataset {
		t.Errorf("sources = %v", s.Sources)
	}
}

func TestBuildSumsWindowsOfADayAndAveragesSevenDays(t *testing.T) {
	var records []*briefings.AttackRecord
	for i := range 20 {
		d := mustDate("2025-01-01").AddDate(0, 0, i).Format(time.DateOnly)
		records = append(records, rec(int64(i+1), d, 10*(i+1), 5*(i+1)))
	}
	day := rec(99, "2025-01-20", 7, 7) // a second window the same day
	records = append(records, day)
	s := Build(records, nil, Options{Class: Drones, From: "2025-01-15", To: "2025-01-20"})
	if len(s.Points) != 6 {
		t.Fatalf("points = %d", len(s.Points))
	}
	last := s.Points[5]
	if last.Launched != 207 || len(last.Refs) != 2 {
		t.Errorf("20 Jan: %d launched from %d refs, want 200+7 from 2", last.Launched, len(last.Refs))
	}
	// 15 Jan averages 9..15 Jan: 10*(9+...+15)/7 = 120.
	if got := s.Points[0].Average; got != 120 {
		t.Errorf("7-day average on 15 Jan = %v, want 120", got)
	}
	// 20 Jan averages 14..20 Jan: (140+...+200+7)/7.
	if got, want := last.Average, float64(140+150+160+170+180+190+207)/7; math.Abs(got-want) > 1e-9 {
		t.Errorf("7-day average on 20 Jan = %v, want %v", got, want)
	}
}

func TestBuildWeekly(t *testing.T) {
	var records []*briefings.AttackRecord
	start := mustDate("2025-02-03") // a Monday
	for i := range 7 * 8 {
		d := start.AddDate(0, 0, i).Format(time.DateOnly)
		records = append(records, rec(int64(i+1), d, 10, 8))
	}
	// From a Wednesday: the series starts on that week's Monday.
	s := Build(records, nil, Options{Class: Drones, From: "2025-02-26", To: "2025-03-27", Weekly: true})
	if s.From != "2025-02-24" || s.AvgSpan != 4 {
		t.Errorf("from %s span %d, want Monday 2025-02-24 and 4 weeks", s.From, s.AvgSpan)
	}
	if len(s.Points) != 5 {
		t.Fatalf("weeks = %d, want 5", len(s.Points))
	}
	for _, p := range s.Points[:4] {
		if p.Launched != 70 || p.Down != 56 || len(p.Refs) != 7 {
			t.Errorf("week %s-%s: %d launched, %d down, %d refs; want 70, 56, 7", p.Start, p.End, p.Launched, p.Down, len(p.Refs))
		}
		if p.Average != 70 {
			t.Errorf("week %s: 4-week average %v, want 70", p.Start, p.Average)
		}
	}
	lastWeek := s.Points[4]
	if lastWeek.Start != "2025-03-24" || lastWeek.End != "2025-03-27" || lastWeek.Launched != 40 {
		t.Errorf("last week %s..%s launched %d, want 24..27 Mar, 40 (the data runs to 30 Mar, the series stops on 27)", lastWeek.Start, lastWeek.End, lastWeek.Launched)
	}
}

func TestBuildMissilesUseMissileFigures(t *testing.T) {
	r := rec(1, "2025-05-05", 300, 250)
	r.Report.Launched.Missiles = n(20)
	r.Report.Intercepted.Missiles = n(12)
	r.Report.Jammed.Missiles = n(3)
	s := Build([]*briefings.AttackRecord{r}, nil, Options{Class: Missiles, From: "2025-05-05", To: "2025-05-05"})
	if p := s.Points[0]; p.Launched != 20 || p.Down != 15 {
		t.Errorf("missiles: %d launched, %d down; want 20 and 12 intercepted + 3 jammed", p.Launched, p.Down)
	}
}

func TestWeeklyTrend(t *testing.T) {
	var records []*briefings.AttackRecord
	start := mustDate("2025-03-01")
	for i := range 14 {
		d := start.AddDate(0, 0, i).Format(time.DateOnly)
		launched, down := 100, 90
		if i >= 7 {
			launched, down = 118, 100
		}
		records = append(records, rec(int64(i+1), d, launched, down))
	}
	records[11] = rec(12, "2025-03-12", 458, 420)
	tr := Weekly(records, nil, Drones, "2025-03-14")
	// this week: 6*118 + 458 = 1166; before: 700 (+66.57 %); down 6*100+420 = 1020 of 1166 (87.5 %).
	want := "7 days to 14 Mar (sums added up by sitrep from the day figures): 1,166 drones launched (+67 % on the 7 days before), 87 % brought down; biggest day: 12 Mar, 458 drones."
	if got := tr.Sentence(en(t)); got != want {
		t.Errorf("sentence:\n got %s\nwant %s", got, want)
	}
	if tr.Week.From != "2025-03-08" || tr.Before.To != "2025-03-07" || len(tr.Week.Days) != 7 {
		t.Errorf("week %s..%s, before ends %s", tr.Week.From, tr.Week.To, tr.Before.To)
	}
	if got := DayLine(en(t), *tr.Biggest); got != "12 Mar: 458 launched, 420 brought down ("+Dataset+")" {
		t.Errorf("day line = %q", got)
	}
}

func TestWeeklyTrendLeavesOutWhatIsNotStated(t *testing.T) {
	reports := []*briefings.AttackReport{
		text(1, "2025-03-10", "Outlet A", "", n(50), n(40)),
		text(2, "2025-03-11", "Outlet A", "", n(30), nil),
	}
	got := Weekly(nil, reports, Drones, "2025-03-14").Sentence(en(t))
	want := "7 days to 14 Mar (sums added up by sitrep from the figures of 2 of the 7 days; the others give none): 80 drones launched, 80 % brought down (on 1 of 2 days; the rest give no figure); biggest day: 10 Mar, 50 drones."
	if got != want {
		t.Errorf("sentence:\n got %s\nwant %s", got, want)
	}
	if got := Weekly(nil, nil, Missiles, "2025-03-14").Sentence(en(t)); got != "7 days to 14 Mar: no missiles launched in the stored reports." {
		t.Errorf("empty week: %s", got)
	}
}

func TestThousands(t *testing.T) {
	for in, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := Thousands(in); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestRecordDaysNameTheOutletsThatDiffer(t *testing.T) {
	r1 := rec(1, "2025-06-01", 100, 90)
	r1.Report.Launched.Missiles = n(6)
	records := []*briefings.AttackRecord{r1, rec(2, "2025-06-03", 200, 150)}
	reports := []*briefings.AttackReport{
		text(10, "2025-06-01", "Outlet A", "", n(100), n(90)), // agrees
		text(11, "2025-06-01", "Outlet B", "", n(104), nil),   // differs
		text(12, "2025-06-02", "Outlet C", "", n(50), n(40)),  // no record that day
	}
	days := RecordDays(records, reports)
	if len(days) != 2 || days[0].Date != "2025-06-03" || days[1].Date != "2025-06-01" {
		t.Fatalf("days = %+v", days)
	}
	d := days[1]
	if d.Drones.Launched != 100 || d.Drones.Down != 90 || d.Missiles.Launched != 6 || d.Missiles.DownStated {
		t.Errorf("1 Jun figures: %+v %+v", d.Drones, d.Missiles)
	}
	if len(d.Differ) != 1 || d.Differ[0] != "Outlet B" || len(d.URLs) != 1 {
		t.Errorf("1 Jun differ %v urls %v", d.Differ, d.URLs)
	}
	if len(days[0].Differ) != 0 {
		t.Errorf("3 Jun has no text report: %v", days[0].Differ)
	}
}

func en(t testing.TB) *locale.Printer {
	t.Helper()
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	return c.For(locale.English)
}

// The week in Ukrainian: the class noun agrees with the number, thousands
// are split by a space, dates are the genitive month.
func TestTrendSentenceInUkrainian(t *testing.T) {
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	uk := c.For(locale.Ukrainian)
	var records []*briefings.AttackRecord
	start := mustDate("2025-03-01")
	for i := range 14 {
		records = append(records, rec(int64(i+1), start.AddDate(0, 0, i).Format(time.DateOnly), 100, 90))
	}
	records[11] = rec(12, "2025-03-12", 1022, 920)
	tr := Weekly(records, nil, Drones, "2025-03-14")
	want := "7 днів до 14 березня (суми порахував sitrep за денними цифрами): запущено 1 622 дрони (+132 % до попередніх 7 днів), знешкоджено 90 %; найбільше за день: 12 березня, 1 022 дрони."
	if got := tr.Sentence(uk); got != want {
		t.Errorf("sentence:\n got %s\nwant %s", got, want)
	}
	if got := DayLine(uk, *tr.Biggest); got != "12 березня: запущено 1 022, знешкоджено 920 ("+Dataset+")" {
		t.Errorf("day line = %q", got)
	}
}
