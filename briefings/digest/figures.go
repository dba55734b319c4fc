package digest

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// The figures line quotes only numbers stated in attack reports. The one
// derived number is the interception rate, (intercepted or jammed) /
// launched as a whole percent, given only when both figures are stated and
// every outlet agrees on them. When outlets disagree, each value is shown
// with the outlets that stated it: "805 drones (Kyiv Independent) / 810
// (Reuters)". An outlet that revised its figures counts with its latest
// report. Cumulative and regional reports are left out.

// event is the reports of one attack, one per outlet.
type event struct {
	key     string
	reports []*briefings.AttackReport // latest per outlet, in order of publication
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
	for _, ev := range out {
		sort.SliceStable(ev.reports, func(i, j int) bool {
			return ev.reports[i].PublishedAt.Before(ev.reports[j].PublishedAt)
		})
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
}

// values collects the distinct values of a figure across the event's reports.
func values(ev *event, get func(*briefings.AttackReport) *int) []value {
	var out []value
	for _, r := range ev.reports {
		p := get(r)
		if p == nil {
			continue
		}
		found := false
		for i := range out {
			if out[i].n == *p {
				out[i].outlets = append(out[i].outlets, outlet(r))
				found = true
			}
		}
		if !found {
			out = append(out, value{n: *p, outlets: []string{outlet(r)}})
		}
	}
	return out
}

// say formats values with a noun: "112 drones", or with disagreement
// "805 drones (A) / 810 (B)". An empty noun gives bare numbers.
func say(vs []value, singular, plural string) string {
	noun := func(n int) string {
		switch {
		case singular == "":
			return ""
		case n == 1:
			return " " + singular
		}
		return " " + plural
	}
	if len(vs) == 1 {
		return strconv.Itoa(vs[0].n) + noun(vs[0].n)
	}
	parts := make([]string, len(vs))
	for i, v := range vs {
		p := strconv.Itoa(v.n)
		if i == 0 {
			p += noun(v.n)
		}
		parts[i] = p + " (" + strings.Join(v.outlets, ", ") + ")"
	}
	return strings.Join(parts, " / ")
}

func single(vs []value) (int, bool) {
	if len(vs) == 1 {
		return vs[0].n, true
	}
	return 0, false
}

type class struct {
	singular, plural string
	launched         func(*briefings.AttackReport) *int
	combined         func(*briefings.AttackReport) *int
	intercepted      func(*briefings.AttackReport) *int
	jammed           func(*briefings.AttackReport) *int
}

var classes = []class{
	{"drone", "drones",
		func(r *briefings.AttackReport) *int { return r.Launched.Drones },
		func(r *briefings.AttackReport) *int { return r.InterceptedOrJammed.Drones },
		func(r *briefings.AttackReport) *int { return r.Intercepted.Drones },
		func(r *briefings.AttackReport) *int { return r.Jammed.Drones }},
	{"missile", "missiles",
		func(r *briefings.AttackReport) *int { return r.Launched.Missiles },
		func(r *briefings.AttackReport) *int { return r.InterceptedOrJammed.Missiles },
		func(r *briefings.AttackReport) *int { return r.Intercepted.Missiles },
		func(r *briefings.AttackReport) *int { return r.Jammed.Missiles }},
}

// total is the stated total of mixed weapons ("570 means of air attack").
var total = class{"drone or missile", "drones and missiles",
	func(r *briefings.AttackReport) *int { return r.Launched.Total },
	func(r *briefings.AttackReport) *int { return r.InterceptedOrJammed.Total },
	func(r *briefings.AttackReport) *int { return r.Intercepted.Total },
	func(r *briefings.AttackReport) *int { return r.Jammed.Total }}

func country(code string) string {
	switch strings.ToUpper(code) {
	case "RU":
		return "Russia"
	case "UA":
		return "Ukraine"
	}
	return code
}

// figureLine is the one-line summary of an event's figures, or "" when no
// report states any. withOutlets adds the outlets to the attribution (a
// digest item lists them on its own sources line).
func figureLine(ev *event, withOutlets bool) string {
	if ev == nil || len(ev.reports) == 0 {
		return ""
	}
	type stated struct {
		c                         class
		launched, comb, int_, jam []value
	}
	var cs []stated
	for _, c := range append([]class{total}, classes...) {
		s := stated{c: c, launched: values(ev, c.launched), comb: values(ev, c.combined),
			int_: values(ev, c.intercepted), jam: values(ev, c.jammed)}
		if len(s.launched)+len(s.comb)+len(s.int_)+len(s.jam) > 0 {
			cs = append(cs, s)
		}
	}
	if len(cs) == 0 {
		return ""
	}
	// "570 drones and missiles (540 drones and 30 missiles)" when a total
	// is stated, else "540 drones and 30 missiles".
	var launched, parts []string
	for _, s := range cs {
		if len(s.launched) == 0 {
			continue
		}
		p := say(s.launched, s.c.singular, s.c.plural)
		if s.c.plural == total.plural {
			launched = append(launched, p)
		} else {
			parts = append(parts, p)
		}
	}
	switch {
	case len(launched) > 0 && len(parts) > 0:
		launched[0] += " (" + strings.Join(parts, " and ") + ")"
	case len(parts) > 0:
		launched = []string{strings.Join(parts, " and ")}
	}
	var downs []string
	for _, s := range cs {
		// Name the class unless the line speaks of one launched class only.
		named := len(cs) > 1 || len(s.launched) == 0
		sing, plur := "", ""
		if named {
			sing, plur = s.c.singular, s.c.plural
		}
		var parts []string
		down, downOK := 0, false
		switch {
		case len(s.comb) > 0:
			parts = append(parts, say(s.comb, sing, plur)+" intercepted or jammed")
			down, downOK = single(s.comb)
		case len(s.int_) > 0 || len(s.jam) > 0:
			if len(s.int_) > 0 {
				parts = append(parts, say(s.int_, sing, plur)+" shot down")
				sing, plur = "", ""
			}
			if len(s.jam) > 0 {
				parts = append(parts, say(s.jam, sing, plur)+" jammed")
			}
			i, iok := single(s.int_)
			j, jok := single(s.jam)
			down, downOK = i+j, (iok || len(s.int_) == 0) && (jok || len(s.jam) == 0)
		}
		if len(parts) == 0 {
			continue
		}
		p := strings.Join(parts, ", ")
		if l, ok := single(s.launched); ok && downOK && l > 0 && down <= l {
			p += " (" + strconv.Itoa(int(math.Round(100*float64(down)/float64(l)))) + "%)"
		}
		downs = append(downs, p)
	}
	r0 := ev.reports[0]
	var b strings.Builder
	who := country(r0.Attacker)
	if len(launched) > 0 {
		if who == "" {
			who = "The attacker"
		}
		b.WriteString(who + " launched " + launched[0])
		if len(downs) > 0 {
			b.WriteString("; " + strings.Join(downs, "; "))
		}
	} else {
		if who != "" {
			b.WriteString(who + "'s attack: ")
		}
		b.WriteString(strings.Join(downs, "; "))
	}
	var hurt []string
	if k := values(ev, func(r *briefings.AttackReport) *int { return r.Casualties.Killed }); len(k) > 0 {
		hurt = append(hurt, say(k, "", "")+" killed")
	}
	if in := values(ev, func(r *briefings.AttackReport) *int { return r.Casualties.Injured }); len(in) > 0 {
		hurt = append(hurt, say(in, "", "")+" injured")
	}
	if len(hurt) > 0 {
		b.WriteString("; " + strings.Join(hurt, ", "))
	}
	if src := attribution(ev, withOutlets); src != "" {
		b.WriteString(". Source: " + src)
	} else {
		b.WriteString(".")
	}
	return b.String()
}

// attribution names the stating authority and the outlets:
// "Ukraine's Air Force via Sample Wire, Demo Kyiv Post".
func attribution(ev *event, withOutlets bool) string {
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
	if !withOutlets {
		return strings.Join(auth, ", ")
	}
	// An authority that is itself the only outlet is not repeated.
	if len(auth) == 1 && len(outs) == 1 && auth[0] == outs[0] {
		return auth[0]
	}
	if len(auth) == 0 {
		return strings.Join(outs, ", ")
	}
	return strings.Join(auth, ", ") + " via " + strings.Join(outs, ", ")
}

// AttackLines returns one line per attack event in reports, most recent
// first: its date, then the figures line. Only national, non-cumulative
// reports count; each outlet's latest report stands for it. Dates without
// an explicit attack date use the publication time in loc.
func AttackLines(reports []*briefings.AttackReport, loc *time.Location) []string {
	if loc == nil {
		loc = time.UTC
	}
	var out []string
	for _, ev := range events(reports) {
		line := figureLine(ev, true)
		if line == "" {
			continue
		}
		out = append(out, eventLabel(ev, loc)+": "+line)
	}
	return out
}

func eventLabel(ev *event, loc *time.Location) string {
	r := ev.reports[0]
	var label string
	if d, err := time.Parse("2006-01-02", r.Date); err == nil {
		label = d.Format("2 Jan 2006")
	} else if !r.PublishedAt.IsZero() {
		label = r.PublishedAt.In(loc).Format("2 Jan 2006")
	} else {
		label = "Undated"
	}
	switch r.Period {
	case "overnight", "night":
		return label + ", overnight"
	case "":
		return label
	}
	return label + ", " + r.Period
}
