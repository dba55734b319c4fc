package history

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
)

// Class is the weapon class a series counts.
type Class string

// Classes a series counts.
const (
	Drones   Class = "drones"
	Missiles Class = "missiles"
)

// ParseClass reads "drones" or "missiles" (and their singulars).
func ParseClass(s string) (Class, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "drones", "drone", "uav", "uavs":
		return Drones, true
	case "missiles", "missile":
		return Missiles, true
	}
	return "", false
}

// Options choose a series: the class and the days, both ends included, as
// civil dates (YYYY-MM-DD: the date an attack ended, as the data set and the
// attack reader date it). Weekly sums the days into weeks from Monday.
type Options struct {
	Class  Class
	From   string
	To     string
	Weekly bool
}

// Ref is one report a point's figures came from.
type Ref struct {
	Date     string
	ReportID int64 // the stored report's or record's ID
	Record   bool  // a report of record from a data set, not read from text
	Source   string
	URL      string
	Launched *int
	Down     *int
	// Report is the report read from text the figures came from (nil for a
	// record): a day line says its figures as it states them.
	Report *briefings.AttackReport
}

// Point is one bar: a day, or a week (Monday to Sunday, clipped to the
// series' last day).
type Point struct {
	Start, End string
	Class      Class // the class the figures count
	// Launched and Down (brought down: intercepted or jammed) sum the stated
	// figures of the days in the point; Stated says whether any was stated.
	Launched, Down             int
	LaunchedStated, DownStated bool
	// Average is the moving average of Launched over the point and the
	// AvgSpan-1 points before it (days without a report count as none).
	Average float64
	Refs    []Ref
}

// Series is what a chart plots.
type Series struct {
	Class    Class
	From, To string
	Weekly   bool
	AvgSpan  int // 7 days, or 4 weeks
	Points   []Point
	// Sources names where the figures come from, most used first.
	Sources []string
	// RecordDays and TextDays count the days whose figures came from reports
	// of record and from reports read from text.
	RecordDays, TextDays int
}

const day = 24 * time.Hour

// Build computes a series from stored reports of record (records) and
// reports read from text (reports). A day's figures are its national
// records' figures when it has any (the figure of record); otherwise one
// report read from text: the military's own report when there is one, else
// the one that states the class's launched figure, the latest published
// first. Reports of attacks on Russia, cumulative and regional reports are
// left out.
func Build(records []*briefings.AttackRecord, reports []*briefings.AttackReport, o Options) Series {
	from, errF := time.Parse(time.DateOnly, o.From)
	to, errT := time.Parse(time.DateOnly, o.To)
	s := Series{Class: o.Class, From: o.From, To: o.To, Weekly: o.Weekly, AvgSpan: 7}
	if errF != nil || errT != nil || to.Before(from) {
		return s
	}
	lead := 6 * day
	if o.Weekly {
		s.AvgSpan = 4
		from = from.AddDate(0, 0, -((int(from.Weekday()) + 6) % 7)) // back to Monday
		s.From = from.Format(time.DateOnly)
		lead = 3 * 7 * day
	}
	idx := index(records, reports)
	days := make([]Point, 0, int(to.Sub(from)/day)+1+int(lead/day))
	sources := map[string]int{}
	for d := from.Add(-lead); !d.After(to); d = d.Add(day) {
		p, fromRecord := dayPoint(idx, d.Format(time.DateOnly), o.Class)
		if !d.Before(from) && len(p.Refs) > 0 {
			if fromRecord {
				s.RecordDays++
			} else {
				s.TextDays++
			}
			for _, r := range p.Refs {
				sources[r.Source]++
			}
		}
		days = append(days, p)
	}
	pts := days
	if o.Weekly {
		pts = weeks(days)
	}
	movingAverage(pts, s.AvgSpan)
	lead = lead / day
	if o.Weekly {
		lead /= 7
	}
	s.Points = pts[lead:]
	s.Sources = byCount(sources)
	return s
}

// dayIndex holds the usable reports by date.
type dayIndex struct {
	records map[string][]*briefings.AttackRecord
	reports map[string][]*briefings.AttackReport
}

func index(records []*briefings.AttackRecord, reports []*briefings.AttackReport) dayIndex {
	idx := dayIndex{records: map[string][]*briefings.AttackRecord{}, reports: map[string][]*briefings.AttackReport{}}
	for _, r := range records {
		if r != nil && onUkraine(&r.Report) {
			idx.records[r.Report.Date] = append(idx.records[r.Report.Date], r)
		}
	}
	for _, r := range reports {
		if r != nil && onUkraine(r) {
			d := reportDate(r)
			idx.reports[d] = append(idx.reports[d], r)
		}
	}
	return idx
}

// onUkraine: a national report of one attack on Ukraine.
func onUkraine(r *briefings.AttackReport) bool {
	if r.Cumulative || (r.Scope != "" && r.Scope != briefings.ScopeNational) {
		return false
	}
	return (r.Attacker == "" || r.Attacker == "RU") && (r.Target == "" || r.Target == "UA")
}

// reportDate is the date the attack ended, or the date (UTC) the report was
// published when the text gives none, as briefings.AttackReport.EventKey
// dates it.
func reportDate(r *briefings.AttackReport) string {
	if r.Date != "" {
		return r.Date
	}
	if !r.PublishedAt.IsZero() {
		return r.PublishedAt.UTC().Format(time.DateOnly)
	}
	return ""
}

// dayPoint is one day's figures and whether they came from records.
func dayPoint(idx dayIndex, date string, c Class) (Point, bool) {
	p := Point{Start: date, End: date, Class: c}
	if recs := idx.records[date]; len(recs) > 0 {
		for _, r := range recs {
			l, d := figures(&r.Report, c)
			if l == nil && d == nil {
				continue
			}
			p.add(Ref{Date: date, ReportID: r.ID, Record: true, Source: r.Dataset, URL: r.URL, Launched: l, Down: d})
		}
		if len(p.Refs) > 0 {
			return p, true
		}
	}
	if r := pickReport(idx.reports[date], c); r != nil {
		l, d := figures(r, c)
		src := r.SourceName
		if src == "" {
			src = r.Source
		}
		p.add(Ref{Date: date, ReportID: r.ID, Source: src, URL: r.ArticleURL, Launched: l, Down: d, Report: r})
	}
	return p, false
}

func (p *Point) add(r Ref) {
	if r.Launched != nil {
		p.Launched += *r.Launched
		p.LaunchedStated = true
	}
	if r.Down != nil {
		p.Down += *r.Down
		p.DownStated = true
	}
	p.Refs = append(p.Refs, r)
}

// pickReport chooses the day's report read from text: a report of record
// first (the attacked side's own military, as digest.OfRecord says), then
// one stating the class's launched figure as one number, then one giving it
// only by its parts (briefings.AttackReport.Summed), then the latest
// published (an outlet's later report supersedes its earlier one). nil when
// none states a figure of the class.
func pickReport(reps []*briefings.AttackReport, c Class) *briefings.AttackReport {
	var best *briefings.AttackReport
	rank := func(r *briefings.AttackReport) (int, int, time.Time) {
		l, _ := figures(r, c)
		af, has := 0, 0
		if digest.OfRecord(r) {
			af = 1
		}
		if _, summed := r.Summed["launched."+string(c)]; l != nil && summed {
			has = 1
		} else if l != nil {
			has = 2
		}
		return af, has, r.PublishedAt
	}
	for _, r := range reps {
		l, d := figures(r, c)
		if l == nil && d == nil {
			continue
		}
		if best == nil {
			best = r
			continue
		}
		a1, h1, t1 := rank(r)
		a0, h0, t0 := rank(best)
		if cmp.Or(cmp.Compare(a1, a0), cmp.Compare(h1, h0), t1.Compare(t0)) > 0 {
			best = r
		}
	}
	return best
}

// of is the figure of class c in cn.
func (c Class) of(cn briefings.Counts) *int {
	if c == Missiles {
		return cn.Missiles
	}
	return cn.Drones
}

// figures are a report's launched and brought-down figures of class c.
// Brought down is "intercepted or jammed" when stated, else intercepted plus
// jammed (either alone when only one is stated).
func figures(r *briefings.AttackReport, c Class) (launched, down *int) {
	pick := c.of
	launched = pick(r.Launched)
	if d := pick(r.InterceptedOrJammed); d != nil {
		return launched, d
	}
	i, j := pick(r.Intercepted), pick(r.Jammed)
	switch {
	case i != nil && j != nil:
		return launched, briefings.IntPtr(*i + *j)
	case i != nil:
		return launched, i
	}
	return launched, j
}

// weeks sums days (starting on a Monday) into Monday-to-Sunday points.
func weeks(days []Point) []Point {
	var out []Point
	for i := 0; i < len(days); i += 7 {
		w := Point{Start: days[i].Start, Class: days[i].Class}
		for _, d := range days[i:min(i+7, len(days))] {
			w.End = d.End
			for _, r := range d.Refs {
				w.add(r)
			}
		}
		out = append(out, w)
	}
	return out
}

// movingAverage sets each point's Average over it and the span-1 before it
// (fewer at the start).
func movingAverage(pts []Point, span int) {
	sum := 0
	for i := range pts {
		sum += pts[i].Launched
		n := span
		if i >= span {
			sum -= pts[i-span].Launched
		} else {
			n = i + 1
		}
		pts[i].Average = float64(sum) / float64(n)
	}
}

// byCount returns the keys most frequent first, then by name.
func byCount(m map[string]int) []string {
	var out []string
	for k := range m {
		if k != "" {
			out = append(out, k)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(m[b]-m[a], cmp.Compare(a, b)) })
	return out
}
