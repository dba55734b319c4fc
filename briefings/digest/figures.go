package digest

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// The figures line quotes only numbers stated in attack reports. The one
// derived number is the interception rate, (intercepted or jammed) /
// launched as a whole percent, given only when both figures are stated and
// every outlet agrees on them. An event's figures come from its report of
// record (briefings.ReportOfRecord: the attacked side's military's own
// latest report, or its revision as an outlet quotes it), with "updated
// HH:MM" when the record replaced other figures of the same authority.
// Without a report of record, when outlets disagree, each value is shown
// with the outlets that stated it: "805 drones (Kyiv Independent) / 810
// (Reuters)", and an outlet that revised its figures counts with its latest
// report. Cumulative and regional reports are left out.

// event is the reports of one attack: its report of record alone when it
// has one, else the latest report of each outlet.
type event struct {
	key     string
	reports []*briefings.AttackReport // in order of publication
	record  briefings.EventRecord
}

// usable reports whether r is a national report of one attack.
func usable(r *briefings.AttackReport) bool {
	if r == nil || r.Cumulative {
		return false
	}
	return r.Scope == "" || r.Scope == briefings.ScopeNational
}

func outlet(r *briefings.AttackReport) string {
	if s := strings.TrimSpace(r.SourceName); s != "" {
		return s
	}
	if s := strings.TrimSpace(r.Source); s != "" {
		return s
	}
	return "unnamed source"
}

// events groups usable reports by EventKey, keeping each outlet's latest
// report, most recent event first.
func events(reports []*briefings.AttackReport) []*event {
	byKey := map[string]*event{}
	var out []*event
	for _, r := range reports {
		if !usable(r) {
			continue
		}
		k := r.EventKey()
		ev := byKey[k]
		if ev == nil {
			ev = &event{key: k}
			byKey[k] = ev
			out = append(out, ev)
		}
		replaced := false
		for i, old := range ev.reports {
			if outlet(old) == outlet(r) {
				if better(r, old) {
					ev.reports[i] = r
				}
				replaced = true
				break
			}
		}
		if !replaced {
			ev.reports = append(ev.reports, r)
		}
	}
	all := map[string][]*briefings.AttackReport{}
	for _, r := range reports {
		if usable(r) {
			all[r.EventKey()] = append(all[r.EventKey()], r)
		}
	}
	for _, ev := range out {
		sort.SliceStable(ev.reports, func(i, j int) bool {
			return ev.reports[i].PublishedAt.Before(ev.reports[j].PublishedAt)
		})
		if ev.record = briefings.ReportOfRecord(all[ev.key]); ev.record.Report != nil {
			ev.reports = []*briefings.AttackReport{ev.record.Report}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := eventDate(out[i]), eventDate(out[j])
		if di != dj {
			return di > dj
		}
		return out[i].key < out[j].key
	})
	return out
}

// better reports whether r should stand for its outlet instead of old: a
// later report (a revision) wins; within one publication the report stating
// more figures wins, then the first one.
func better(r, old *briefings.AttackReport) bool {
	if !r.PublishedAt.Equal(old.PublishedAt) {
		return r.PublishedAt.After(old.PublishedAt)
	}
	if nr, no := stated(r), stated(old); nr != no {
		return nr > no
	}
	return r.ID != 0 && old.ID != 0 && r.ID < old.ID
}

// stated counts the figures a report states.
func stated(r *briefings.AttackReport) int {
	n := 0
	for _, p := range []*int{r.Launched.Drones, r.Launched.Missiles, r.Intercepted.Drones, r.Intercepted.Missiles,
		r.Jammed.Drones, r.Jammed.Missiles, r.InterceptedOrJammed.Drones, r.InterceptedOrJammed.Missiles,
		r.Hits.Drones, r.Hits.Missiles, r.Casualties.Killed, r.Casualties.Injured,
		r.Launched.Total, r.Intercepted.Total, r.Jammed.Total, r.InterceptedOrJammed.Total} {
		if p != nil {
			n++
		}
	}
	return n
}

func eventDate(ev *event) string {
	r := ev.reports[0]
	if r.Date != "" {
		return r.Date
	}
	return r.PublishedAt.UTC().Format("2006-01-02")
}

// mainEvent is the event most outlets report (ties: the most recent).
func mainEvent(reports []*briefings.AttackReport) *event {
	evs := events(reports)
	var best *event
	for _, ev := range evs {
		if best == nil || len(ev.reports) > len(best.reports) {
			best = ev
		}
	}
	return best
}

// value is one stated figure and the outlets that stated it.
type value struct {
	n       int
	outlets []string
	bound   string // "at_least", "more_than": every outlet gives it as a lower bound
	// parts: no outlet states n as one number, only these parts of it
	// (briefings.AttackReport.Summed); the line shows them instead of n.
	parts []part
	// uncounted: the parts are a lower bound, a weapon named without a
	// count beside them; the line says others were launched.
	uncounted bool
}

// part is one figure by class or type that a sum was made of; class is the
// summed figure's ("drones"), key its type, "" for a figure of the class.
type part struct {
	class, key, bound string
	n                 int
}

// partsOf is the stated parts of a figure the report only sums (nil when
// it states the figure): the class or type figures of the same counts.
// ok is false when it is a sum whose parts are not all there.
func partsOf(r *briefings.AttackReport, path string) (ps []part, ok bool) {
	keys, summed := r.Summed[path]
	if !summed {
		return nil, true
	}
	prefix, class, _ := strings.Cut(path, ".")
	var byType map[string]int
	switch prefix {
	case "launched":
		byType = r.Launched.ByType
	case "intercepted":
		byType = r.Intercepted.ByType
	case "jammed":
		byType = r.Jammed.ByType
	case "intercepted_or_jammed":
		byType = r.InterceptedOrJammed.ByType
	}
	for _, k := range keys {
		if typ, n, q, ok := briefings.ParseSumPart(k); ok {
			if q != briefings.QualAtLeast && q != briefings.QualMoreThan {
				q = ""
			}
			ps = append(ps, part{class: class, key: typ, n: n, bound: q})
			continue
		}
		n, has := byType[k]
		if !has {
			return nil, false
		}
		ps = append(ps, part{class: class, key: k, n: n, bound: lowerBound(r, prefix+".by_type."+k)})
	}
	return ps, len(ps) > 0
}

// StatedParts is how a briefing says one figure of r that r does not state
// as one number (path "launched.drones"): its stated parts, "60 Shahed
// drones, 25 decoy drones", as the figures line shows them. summed is false
// when r states the figure (or has none); parts is "" for a figure derived
// from a sum with no stated part, which a briefing leaves out.
func StatedParts(p *locale.Printer, r *briefings.AttackReport, path string) (parts string, summed bool) {
	ps, ok := partsOf(r, path)
	if ok && ps == nil {
		return "", false
	}
	if !ok {
		return "", true
	}
	return sayParts(p, value{parts: ps, uncounted: lowerBound(r, path) != "" && !anyBound(ps)}), true
}

// values collects the distinct values of a figure across the event's
// reports; path ("launched.drones") names the figure's qualifier, so that a
// lower bound is said as one.
func values(ev *event, path string, get func(*briefings.AttackReport) *int) []value {
	var out []value
	for _, r := range ev.reports {
		p := get(r)
		if p == nil {
			continue
		}
		ps, ok := partsOf(r, path)
		if !ok {
			continue // a sum whose parts cannot be shown: no figure to quote
		}
		b, uncounted := lowerBound(r, path), false
		if ps != nil {
			// the parts say how exact they are; a bound none of them
			// gives is a weapon named without a count
			uncounted, b = b != "" && !anyBound(ps), ""
		}
		found := false
		for i := range out {
			if out[i].n == *p {
				out[i].outlets = append(out[i].outlets, outlet(r))
				if b == "" && ps == nil {
					out[i].bound = "" // an outlet states it as complete
				}
				if ps == nil {
					out[i].parts = nil // an outlet states it as one number
				}
				found = true
			}
		}
		if !found {
			out = append(out, value{n: *p, outlets: []string{outlet(r)}, bound: b, parts: ps, uncounted: uncounted})
		}
	}
	return out
}

func anyBound(ps []part) bool {
	for _, x := range ps {
		if x.bound != "" {
			return true
		}
	}
	return false
}

// lowerBound is the qualifier of a figure a report gives as a lower bound.
func lowerBound(r *briefings.AttackReport, path string) string {
	switch q := r.Qualifiers[path]; q {
	case briefings.QualAtLeast, briefings.QualMoreThan:
		return q
	}
	return ""
}

// say formats values with a noun: "112 drones", or with disagreement
// "805 drones (A) / 810 (B)". An empty noun key gives bare numbers.
func say(p *locale.Printer, vs []value, noun string) string {
	word := func(n int) string {
		if noun == "" {
			return strconv.Itoa(n)
		}
		return p.N(noun, n)
	}
	bounded := func(v value, w string) string {
		if v.bound == "" {
			return w
		}
		return p.T("figures."+v.bound, locale.Args{"What": w}) // "at least 12 missiles"
	}
	if len(vs) == 1 {
		if vs[0].parts != nil {
			return sayParts(p, vs[0])
		}
		return bounded(vs[0], word(vs[0].n))
	}
	parts := make([]string, len(vs))
	for i, v := range vs {
		w := strconv.Itoa(v.n)
		switch {
		case v.parts != nil:
			w = sayParts(p, v)
		case i == 0:
			w = word(v.n)
		}
		parts[i] = bounded(v, w) + " (" + strings.Join(v.outlets, ", ") + ")"
	}
	return strings.Join(parts, " / ")
}

// sayParts is the parts of a sum, each as stated: "9 cruise missiles, 4
// ballistic missiles"; a figure of no type by its class ("3 missiles"), a
// type the catalogue has no noun for by its name ("3 Kh-101", "60 Shahed
// drones"); "and other missiles (number not given)" when a weapon was
// named without a count.
func sayParts(p *locale.Printer, v value) string {
	out := make([]string, len(v.parts))
	for i, x := range v.parts {
		w, ok := p.NLookup("figures.class."+x.key, x.n)
		switch {
		case x.key == "":
			w = p.N("figures."+x.class, x.n)
		case ok:
		case x.class == "drones":
			w = p.N("figures.typed_drones", x.n, locale.Args{"Type": x.key})
		default:
			w = p.T("figures.typed", locale.Args{"N": x.n, "Type": x.key})
		}
		if x.bound != "" {
			w = p.T("figures."+x.bound, locale.Args{"What": w})
		}
		out[i] = w
	}
	s := strings.Join(out, ", ")
	if v.uncounted && len(v.parts) > 0 {
		s = p.T("figures.uncounted."+v.parts[0].class, locale.Args{"What": s})
	}
	return s
}

// single is the one value every outlet states, complete, as one number (a
// sum of parts gives no rate and accounts for no stated total).
func single(vs []value) (int, bool) {
	if len(vs) == 1 && vs[0].bound == "" && vs[0].parts == nil {
		return vs[0].n, true
	}
	return 0, false
}

type class struct {
	name        string // the figure's key in a report's qualifiers: "drones"
	noun        string // the catalogue's plural message: "figures.drones"
	launched    func(*briefings.AttackReport) *int
	combined    func(*briefings.AttackReport) *int
	intercepted func(*briefings.AttackReport) *int
	jammed      func(*briefings.AttackReport) *int
}

var classes = []class{
	{"drones", "figures.drones",
		func(r *briefings.AttackReport) *int { return r.Launched.Drones },
		func(r *briefings.AttackReport) *int { return r.InterceptedOrJammed.Drones },
		func(r *briefings.AttackReport) *int { return r.Intercepted.Drones },
		func(r *briefings.AttackReport) *int { return r.Jammed.Drones }},
	{"missiles", "figures.missiles",
		func(r *briefings.AttackReport) *int { return r.Launched.Missiles },
		func(r *briefings.AttackReport) *int { return r.InterceptedOrJammed.Missiles },
		func(r *briefings.AttackReport) *int { return r.Intercepted.Missiles },
		func(r *briefings.AttackReport) *int { return r.Jammed.Missiles }},
}

// total is the stated total of mixed weapons ("570 means of air attack").
var total = class{"total", "figures.weapons",
	func(r *briefings.AttackReport) *int { return r.Launched.Total },
	func(r *briefings.AttackReport) *int { return r.InterceptedOrJammed.Total },
	func(r *briefings.AttackReport) *int { return r.Intercepted.Total },
	func(r *briefings.AttackReport) *int { return r.Jammed.Total }}

// stated is what one class's figures state across the event's reports.
// hideLaunched and hideDown leave out a stated total of mixed weapons that
// the class figures already account for (see coverTotal); its launched
// figure still gives the rate of a shown downed total.
type statedClass struct {
	c                         class
	launched, comb, int_, jam []value
	hideLaunched, hideDown    bool
}

// coverTotal hides the stated total of mixed weapons where the class
// figures account for it. The Air Force heads its report with one figure
// for drones and missiles together and breaks it down per class under it:
// the breakdown is shown, and the total only where it adds something (a
// class the breakdown leaves out, a lower bound, outlets that disagree, a
// total that is not the sum of its parts). A launched total stays when a
// downed total is shown, the figure its rate is read against. cs[0] is the
// total when stated.
func coverTotal(cs []statedClass) {
	if len(cs) < 2 || cs[0].c.name != total.name {
		return
	}
	t := &cs[0]
	t.hideLaunched = len(t.launched) > 0 && adds(t.launched, cs[1:], func(s statedClass) []value { return s.launched })
	down := 0
	covered := 0
	for _, get := range []func(statedClass) []value{
		func(s statedClass) []value { return s.comb },
		func(s statedClass) []value { return s.int_ },
		func(s statedClass) []value { return s.jam },
	} {
		if len(get(*t)) == 0 {
			continue
		}
		down++
		if adds(get(*t), cs[1:], get) {
			covered++
		}
	}
	t.hideDown = down > 0 && covered == down
	if down > 0 && !t.hideDown {
		t.hideLaunched = false // the shown downed total's rate is read against it
	}
}

// adds reports whether the classes' figures (one complete value each, at
// least one class stating one) add up to the total's one complete value.
func adds(tot []value, classes []statedClass, get func(statedClass) []value) bool {
	want, ok := single(tot)
	if !ok {
		return false
	}
	sum, n := 0, 0
	for _, s := range classes {
		vs := get(s)
		if len(vs) == 0 {
			continue
		}
		v, ok := single(vs)
		if !ok {
			return false
		}
		sum, n = sum+v, n+1
	}
	return n > 0 && sum == want
}

// shown counts the classes the line names a figure of.
func shown(cs []statedClass) int {
	n := 0
	for _, s := range cs {
		l := len(s.launched) > 0 && !s.hideLaunched
		d := len(s.comb)+len(s.int_)+len(s.jam) > 0 && !s.hideDown
		if l || d {
			n++
		}
	}
	return n
}

// figureLine is the one-line summary of an event's figures in p's
// language, or "" when no report states any. withOutlets adds the outlets
// to the attribution (a digest item lists them on its own sources line); a
// report of record always names its outlet. loc gives the time of an update.
func figureLine(p *locale.Printer, ev *event, withOutlets bool, loc *time.Location) string {
	if ev == nil || len(ev.reports) == 0 {
		return ""
	}
	var cs []statedClass
	for _, c := range append([]class{total}, classes...) {
		s := statedClass{c: c, launched: values(ev, "launched."+c.name, c.launched), comb: values(ev, "intercepted_or_jammed."+c.name, c.combined),
			int_: values(ev, "intercepted."+c.name, c.intercepted), jam: values(ev, "jammed."+c.name, c.jammed)}
		if len(s.launched)+len(s.comb)+len(s.int_)+len(s.jam) > 0 {
			cs = append(cs, s)
		}
	}
	if len(cs) == 0 {
		return ""
	}
	coverTotal(cs)
	var b strings.Builder
	launched, downs := launchedPart(p, cs), downParts(p, cs)
	attacker := strings.ToUpper(ev.reports[0].Attacker)
	if launched != "" {
		b.WriteString(launchedBy(p, attacker, launched))
		if len(downs) > 0 {
			b.WriteString("; " + strings.Join(downs, "; "))
		}
	} else {
		b.WriteString(attackBy(p, attacker, strings.Join(downs, "; ")))
	}
	var hurt []string
	if k := values(ev, "casualties.killed", func(r *briefings.AttackReport) *int { return r.Casualties.Killed }); len(k) > 0 {
		hurt = append(hurt, p.T("figures.killed", locale.Args{"N": say(p, k, "")}))
	}
	if in := values(ev, "casualties.injured", func(r *briefings.AttackReport) *int { return r.Casualties.Injured }); len(in) > 0 {
		hurt = append(hurt, p.T("figures.injured", locale.Args{"N": say(p, in, "")}))
	}
	if len(hurt) > 0 {
		b.WriteString("; " + strings.Join(hurt, ", "))
	}
	if src := attribution(p, ev, withOutlets, loc); src != "" {
		b.WriteString(p.T("figures.source", locale.Args{"Source": src}))
	} else {
		b.WriteString(".")
	}
	if provisional(ev) {
		b.WriteString(p.T("figures.provisional"))
	}
	return b.String()
}

// provisional reports figures counted while the attack was still going on:
// the report of record's, or every shown report's.
func provisional(ev *event) bool {
	for _, r := range ev.reports {
		if !r.Provisional {
			return false
		}
	}
	return len(ev.reports) > 0
}

// launchedPart is "570 drones and missiles (540 drones and 30 missiles)"
// when a total is stated, else "540 drones and 30 missiles", or "".
func launchedPart(p *locale.Printer, cs []statedClass) string {
	var totals, parts []string
	for _, s := range cs {
		if len(s.launched) == 0 || s.hideLaunched {
			continue
		}
		w := say(p, s.launched, s.c.noun)
		if s.c.noun == total.noun {
			totals = append(totals, w)
		} else {
			parts = append(parts, w)
		}
	}
	and := p.T("figures.and")
	switch {
	case len(totals) > 0 && len(parts) > 0:
		return totals[0] + " (" + strings.Join(parts, and) + ")"
	case len(totals) > 0:
		return totals[0]
	}
	return strings.Join(parts, and)
}

// downParts are the intercepted and jammed figures per class, each with the
// interception rate when one launched figure and one downed figure are stated.
func downParts(p *locale.Printer, cs []statedClass) []string {
	var downs []string
	named := shown(cs)
	for _, s := range cs {
		if s.hideDown {
			continue
		}
		// Name the class unless the line speaks of one launched class only.
		noun := ""
		if named > 1 || len(s.launched) == 0 || s.hideLaunched || s.launched[0].parts != nil {
			noun = s.c.noun
		}
		var parts []string
		down, downOK := 0, false
		switch {
		case len(s.comb) > 0:
			parts = append(parts, p.T("figures.down_or_jammed", locale.Args{"What": say(p, s.comb, noun)}))
			down, downOK = single(s.comb)
		case len(s.int_) > 0 || len(s.jam) > 0:
			if len(s.int_) > 0 {
				parts = append(parts, p.T("figures.shot_down", locale.Args{"What": say(p, s.int_, noun)}))
				noun = ""
			}
			if len(s.jam) > 0 {
				parts = append(parts, p.T("figures.jammed", locale.Args{"What": say(p, s.jam, noun)}))
			}
			i, iok := single(s.int_)
			j, jok := single(s.jam)
			down, downOK = i+j, (iok || len(s.int_) == 0) && (jok || len(s.jam) == 0)
		}
		if len(parts) == 0 {
			continue
		}
		line := strings.Join(parts, ", ")
		if l, ok := single(s.launched); ok && downOK && l > 0 && down <= l {
			line += " (" + strconv.Itoa(int(math.Round(100*float64(down)/float64(l)))) + "%)"
		}
		downs = append(downs, line)
	}
	return downs
}

// launchedBy is "Russia launched <what>": one message per attacker, so that
// a language can make the verb agree with the country.
func launchedBy(p *locale.Printer, attacker, what string) string {
	switch attacker {
	case "RU", "UA":
		return p.T("figures.launched."+attacker, locale.Args{"What": what})
	case "":
		return p.T("figures.launched.unknown", locale.Args{"What": what})
	}
	return p.T("figures.launched.code", locale.Args{"Who": attacker, "What": what})
}

// attackBy is "Russia's attack: <downs>" when nothing launched is stated.
func attackBy(p *locale.Printer, attacker, downs string) string {
	switch attacker {
	case "RU", "UA":
		return p.T("figures.attack."+attacker, locale.Args{"What": downs})
	case "":
		return downs
	}
	return p.T("figures.attack.code", locale.Args{"Who": attacker, "What": downs})
}

// attribution names the stating authority and the outlets:
// "Ukraine's Air Force via Sample Wire, Demo Kyiv Post", or the report of
// record's (recordAttribution). Authorities the catalogue knows are named
// in p's language; outlets by their own names.
func attribution(p *locale.Printer, ev *event, withOutlets bool, loc *time.Location) string {
	if ev.record.Report != nil {
		return recordAttribution(p, ev.record, withOutlets, loc)
	}
	var auth, outs []string
	seenA, seenO := map[string]bool{}, map[string]bool{}
	for _, r := range ev.reports {
		if a := strings.TrimSpace(r.Source); a != "" && !seenA[a] {
			seenA[a] = true
			auth = append(auth, a)
		}
		if o := outlet(r); !seenO[o] {
			seenO[o] = true
			outs = append(outs, o)
		}
	}
	// An authority that is itself the only outlet is not repeated.
	if withOutlets && len(auth) == 1 && len(outs) == 1 && auth[0] == outs[0] {
		return auth[0]
	}
	named := make([]string, len(auth))
	for i, a := range auth {
		named[i] = authority(p, a)
	}
	switch {
	case !withOutlets:
		return strings.Join(named, ", ")
	case len(auth) == 0:
		return strings.Join(outs, ", ")
	}
	return p.T("figures.via", locale.Args{"Authority": strings.Join(named, ", "), "Outlets": strings.Join(outs, ", ")})
}

// recordAttribution names a report of record: its authority, the outlet
// that quotes it (withOutlets; a digest item links the report instead), and
// when it updated earlier figures: "Ukraine's Air Force via Example Courier,
// updated 09:30".
func recordAttribution(p *locale.Printer, rec briefings.EventRecord, withOutlets bool, loc *time.Location) string {
	r := rec.Report
	who := strings.TrimSpace(r.Source)
	if who == "" || r.Primary {
		who = briefings.MilitaryOf(r.Target)
	}
	named := authority(p, who)
	if o := outlet(r); withOutlets && r.Standing() != briefings.StandingPrimary && o != who {
		named = p.T("figures.via", locale.Args{"Authority": named, "Outlets": o})
	}
	if rec.Updated {
		named += p.T("figures.updated", locale.Args{"Time": rec.StatedAt.In(loc).Format("15:04")})
	}
	return named
}

// authority names a stating authority ("Ukraine's Air Force") in p's
// language when the catalogue has it (key figures.authority.<slug>).
func authority(p *locale.Printer, name string) string {
	if s, ok := p.Lookup("figures.authority." + slug(name)); ok {
		return s
	}
	return name
}

// slug is name in lower case with every run of other characters one "_".
func slug(name string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}

// AttackLines returns one line per attack event in reports, most recent
// first, in p's language: its date, then the figures line. Only national,
// non-cumulative reports count; an event's report of record gives its
// figures, else each outlet's latest report stands for it. Dates without an
// explicit attack date use the publication time in loc.
func AttackLines(p *locale.Printer, reports []*briefings.AttackReport, loc *time.Location) []string {
	var out []string
	for _, l := range AttackEvents(p, reports, loc) {
		out = append(out, l.Text)
	}
	return out
}

// AttackEvents is AttackLines with each event's key and the link to its
// report of record, as alerts, /attacks and digests show them.
func AttackEvents(p *locale.Printer, reports []*briefings.AttackReport, loc *time.Location) []briefings.EventLine {
	if loc == nil {
		loc = time.UTC
	}
	var out []briefings.EventLine
	for _, ev := range events(reports) {
		line := figureLine(p, ev, true, loc)
		if line == "" {
			continue
		}
		out = append(out, briefings.EventLine{Key: ev.key, Text: eventLabel(p, ev, loc) + ": " + line, Record: recordRef(ev)})
	}
	return out
}

// FigureLine is the figures line of the event most of reports speak of, in
// p's language, without the outlets (a digest item names them itself); ""
// when no report states a figure. loc gives the time of an update.
func FigureLine(p *locale.Printer, reports []*briefings.AttackReport, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	return figureLine(p, mainEvent(reports), false, loc)
}

// RecordOf links the report of record of the event most of reports speak
// of; nil without one.
func RecordOf(reports []*briefings.AttackReport) *briefings.SourceRef {
	if ev := mainEvent(reports); ev != nil {
		return recordRef(ev)
	}
	return nil
}

// recordRef links an event's report of record; nil without one.
func recordRef(ev *event) *briefings.SourceRef {
	r := ev.record.Report
	if r == nil || r.ArticleURL == "" {
		return nil
	}
	return &briefings.SourceRef{Name: outlet(r), URL: r.ArticleURL}
}

func eventLabel(p *locale.Printer, ev *event, loc *time.Location) string {
	r := ev.reports[0]
	var label string
	if d, err := time.Parse("2006-01-02", r.Date); err == nil {
		label = p.Date(d)
	} else if !r.PublishedAt.IsZero() {
		label = p.Date(r.PublishedAt.In(loc))
	} else {
		label = p.T("figures.undated")
	}
	switch r.Period {
	case "overnight", "night":
		return p.T("figures.period.overnight", locale.Args{"Date": label})
	case "":
		return label
	}
	if s, ok := p.Lookup("figures.period."+slug(r.Period), locale.Args{"Date": label}); ok {
		return s
	}
	return label + ", " + r.Period
}
