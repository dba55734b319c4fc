package history

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/locale"
)

// Span is a run of days with its summed figures.
type Span struct {
	From, To string
	// Launched sums the stated launched figures; LaunchedDays counts the days
	// that stated one.
	Launched, LaunchedDays int
	// Down and Paired sum brought down and launched over the days that state
	// both, for the share brought down.
	Down, Paired, PairedDays int
	Days                     []Point // every day of the span, oldest first
}

// Trend is a week's figures against the week before.
type Trend struct {
	Class        Class
	Week, Before Span
	// Biggest is the week's day with the most launched (nil without one).
	Biggest *Point
	Sources []string
}

// Weekly computes the 7 days ending on today (a civil date) against the 7
// days before them.
func Weekly(records []*briefings.AttackRecord, reports []*briefings.AttackReport, c Class, today string) Trend {
	t := Trend{Class: c}
	end, err := time.Parse(time.DateOnly, today)
	if err != nil {
		return t
	}
	s := Build(records, reports, Options{Class: c, From: end.AddDate(0, 0, -13).Format(time.DateOnly), To: today})
	if len(s.Points) != 14 {
		return t
	}
	t.Before, t.Week = span(s.Points[:7]), span(s.Points[7:])
	for i := range t.Week.Days {
		p := &t.Week.Days[i]
		if p.LaunchedStated && (t.Biggest == nil || p.Launched > t.Biggest.Launched) {
			t.Biggest = p
		}
	}
	t.Sources = s.Sources
	return t
}

func span(days []Point) Span {
	s := Span{From: days[0].Start, To: days[len(days)-1].End, Days: days}
	for _, d := range days {
		if d.LaunchedStated {
			s.Launched += d.Launched
			s.LaunchedDays++
		}
		if d.LaunchedStated && d.DownStated {
			s.Down += d.Down
			s.Paired += d.Launched
			s.PairedDays++
		}
	}
	return s
}

// Sentence is the week in words in p's language: "7 days to 14 Mar (sums
// added up by sitrep from the day figures): 1,234 drones launched (+18 % on
// the 7 days before), 89 % brought down; biggest day: 12 Mar, 458 drones."
// Only computed figures of stated figures appear, labelled as sitrep's
// sums; a comparison or share whose base is zero is left out, and the two
// weeks are compared only when their sums cover as many days (change).
func (t Trend) Sentence(p *locale.Printer) string {
	class := string(t.Class)
	to := short(p, t.Week.To)
	if t.Week.LaunchedDays == 0 {
		return p.T("trend.none."+class, locale.Args{"To": to})
	}
	var b strings.Builder
	// The week's figures are sitrep's own sums of the day figures (a day's
	// summed figure among them), which no source states: the head says so,
	// and how many of the 7 days gave a figure.
	if t.Week.LaunchedDays < len(t.Week.Days) {
		b.WriteString(p.T("trend.head_some", locale.Args{"To": to, "Days": t.Week.LaunchedDays, "Of": len(t.Week.Days)}))
	} else {
		b.WriteString(p.T("trend.head", locale.Args{"To": to}))
	}
	b.WriteString(p.N("trend.launched."+class, t.Week.Launched, locale.Args{"N": thousands(p, t.Week.Launched)}))
	b.WriteString(t.change(p))
	if t.Week.Paired > 0 {
		b.WriteString(p.T("trend.down", locale.Args{"Pct": int(math.Round(100 * float64(t.Week.Down) / float64(t.Week.Paired)))}))
		if t.Week.PairedDays < t.Week.LaunchedDays {
			b.WriteString(p.T("trend.partial", locale.Args{"Days": t.Week.PairedDays, "Of": t.Week.LaunchedDays}))
		}
	}
	if t.Biggest != nil {
		b.WriteString(biggest(p, *t.Biggest, t.Week.LaunchedDays == 1))
	}
	b.WriteString(".")
	return b.String()
}

// minCompareDays is the least number of days with figures each week's sum
// needs for the two to be compared.
const minCompareDays = 4

// change is the clause comparing the week's sum with the sum of the 7 days
// before. Both are sitrep's sums of the days that give a figure, so they
// are compared only when they add up as many days, and at least
// minCompareDays: a week of 6 reported days against one of 3 would read
// "+100 %" where the days reported were alike. When some days give none,
// the clause says the earlier sum covers as many; otherwise it says why
// there is no comparison. "" when the days before give no figure at all.
func (t Trend) change(p *locale.Printer) string {
	before, week, of := t.Before.LaunchedDays, t.Week.LaunchedDays, len(t.Week.Days)
	switch {
	case t.Before.Launched == 0:
		return ""
	case before != week:
		return p.T("trend.no_change", locale.Args{"Before": before, "Days": week, "Of": of})
	case week < minCompareDays:
		return p.T("trend.no_change_few", nil)
	}
	ch := signed(100 * float64(t.Week.Launched-t.Before.Launched) / float64(t.Before.Launched))
	if week < of {
		return p.T("trend.change_some", locale.Args{"Change": ch, "Days": week, "Of": of})
	}
	return p.T("trend.change", locale.Args{"Change": ch})
}

// biggest is the clause of the week's biggest day: "; biggest day: 12 Mar,
// 458 drones", or the day's stated parts when its one report read from
// text gives the launched figure only by them; "" when it states none.
// When it is the only day with a figure (only), the week's figure is the
// day's and the clause names the day without repeating it: "; all on one
// day, 12 Mar" (with the parts, when the day gives it by them).
func biggest(p *locale.Printer, pt Point, only bool) string {
	args := locale.Args{"Date": short(p, pt.Start)}
	if r := pt.text(); r != nil {
		if parts, summed := digest.StatedParts(p, r, "launched."+string(pt.Class)); summed {
			switch {
			case parts == "" && only:
				return p.T("trend.one_day", args)
			case parts == "":
				return ""
			}
			args["What"] = parts
			if only {
				return p.T("trend.one_day_parts", args)
			}
			return p.T("trend.biggest_parts", args)
		}
	}
	if only {
		return p.T("trend.one_day", args)
	}
	args["N"] = thousands(p, pt.Launched)
	return p.N("trend.biggest."+string(pt.Class), pt.Launched, args)
}

// text is the report read from text a day's figures come from; nil when
// they come from records (figures of record, stated as such).
func (pt Point) text() *briefings.AttackReport {
	if len(pt.Refs) == 1 {
		return pt.Refs[0].Report
	}
	return nil
}

// said is one figure of a day line (key "trend.day_launched": "458
// launched"). The figures line's rule holds: a figure the day's report read
// from text does not state as one number is said by its stated parts (the
// key's "_parts" message: "launched 60 Shahed drones, 25 decoy drones"), and
// left out ("") when it has none; byParts says which.
func said(p *locale.Printer, pt Point, path, key string, n int) (s string, byParts bool) {
	if r := pt.text(); r != nil {
		if parts, summed := digest.StatedParts(p, r, path); summed {
			if parts == "" {
				return "", true
			}
			return p.T(key+"_parts", locale.Args{"What": parts}), true
		}
	}
	return p.T(key, locale.Args{"N": thousands(p, n)}), false
}

// downSaid is a day's brought-down figure as said (see said); from a
// report read from text that gives intercepted and jammed apart, each as it
// states it, since their sum is not a figure it states.
func downSaid(p *locale.Printer, pt Point) (out []string, byParts bool) {
	r, c := pt.text(), string(pt.Class)
	if !pt.DownStated {
		return nil, false
	}
	if r == nil {
		return []string{p.T("trend.day_down", locale.Args{"N": thousands(p, pt.Down)})}, false
	}
	pick := pt.Class.of
	add := func(path, key string, n *int) {
		s, parted := said(p, pt, path+"."+c, key, *n)
		byParts = byParts || parted
		if s != "" {
			out = append(out, s)
		}
	}
	i, j := pick(r.Intercepted), pick(r.Jammed)
	switch {
	case pick(r.InterceptedOrJammed) != nil:
		add("intercepted_or_jammed", "trend.day_down", pick(r.InterceptedOrJammed))
	case i != nil && j != nil:
		add("intercepted", "trend.day_shot_down", i)
		add("jammed", "trend.day_jammed", j)
	case i != nil:
		add("intercepted", "trend.day_down", i)
	default:
		add("jammed", "trend.day_down", j)
	}
	return out, byParts
}

// DayLine is one day's figures with where they came from, in p's
// language: "12 Mar: 458 launched, 412 brought down (source)". A figure
// the day's report read from text gives only by its parts is said by them,
// and then the figures are parted by "; ".
func DayLine(p *locale.Printer, pt Point) string {
	if len(pt.Refs) == 0 {
		return p.T("trend.day_none", locale.Args{"Date": short(p, pt.Start)})
	}
	var parts []string
	sep := ", "
	if pt.LaunchedStated {
		s, byParts := said(p, pt, "launched."+string(pt.Class), "trend.day_launched", pt.Launched)
		if byParts {
			sep = "; "
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	down, byParts := downSaid(p, pt)
	if byParts {
		sep = "; "
	}
	parts = append(parts, down...)
	var src []string
	seen := map[string]bool{}
	for _, r := range pt.Refs {
		if !seen[r.Source] {
			seen[r.Source] = true
			src = append(src, r.Source)
		}
	}
	return short(p, pt.Start) + ": " + strings.Join(parts, sep) + " (" + strings.Join(src, "; ") + ")"
}

// thousands is Thousands with p's separator of thousands ("1,234", "1 234").
func thousands(p *locale.Printer, n int) string {
	return strings.ReplaceAll(Thousands(n), ",", p.T("number.thousands"))
}

// short writes a civil date as "12 Mar" ("12 березня").
func short(p *locale.Printer, date string) string {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return p.DayMonth(d)
}

// signed writes a whole percent change with its sign: "+18", "-5", "0".
func signed(f float64) string {
	n := int(math.Round(f))
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Thousands writes n with commas between thousands: 1234 is "1,234".
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
