package extract

import (
	"strings"

	"github.com/sitrep/sitrep/briefings"
)

// Building the report of an event (stage 4).

// report turns an event into an AttackReport; ok is false when it holds no
// figure at all (a vague quantity alone is no figure).
func (e *event) report(rs *ruleSet) (briefings.AttackReport, bool) {
	if rs.on(ruleLone) {
		e = e.withoutLone()
	}
	a := briefings.AttackReport{
		Attacker: string(e.attacker), Target: string(e.attacker.other()), Date: e.date, Period: string(e.period),
		Scope: string(e.scope), Source: string(e.source), Qualifiers: map[string]string{},
	}
	if a.Source == "" && e.parent != nil {
		a.Source = string(e.parent.source)
	}
	if root := e.root(); a.Source == "" && e.attacker == sideRU && root.start != "" && rs.on(ruleTemplateSource) {
		// the window of the count ("у ніч на 5 липня (з 18:00 4 липня)",
		// "протягом дня 5 липня (із 7.00 до 18.00)") is the Air Force's
		// report, with or without the time the count was made
		a.Source = string(srcAirForce)
	}
	if ps := e.peopleSource; a.Source == "" {
		if ps == srcNone && e.parent != nil {
			ps = e.parent.peopleSource
		}
		a.Source = string(ps) // casualties told beside a governor's or mayor's word
	}
	q, sum := a.Qualifiers, map[string][]string{}
	a.Launched = e.counts(outLaunched, "launched", q, sum, rs)
	a.Intercepted = e.counts(outIntercepted, "intercepted", q, sum, rs)
	a.Jammed = e.counts(outJammed, "jammed", q, sum, rs)
	a.InterceptedOrJammed = e.counts(outCombined, "intercepted_or_jammed", q, sum, rs)
	a.NotReached = e.counts(outNotReached, "not_reached", q, sum, rs)
	hits := e.counts(outHit, "hits", q, sum, rs)
	if len(sum) > 0 {
		a.Summed = sum
	}
	a.Hits.Drones, a.Hits.Missiles, a.Hits.ByType = hits.Drones, hits.Missiles, hits.ByType
	if rs.on(ruleAll) {
		e.applyAll(&a)
	}
	if rs.on(ruleSplit) {
		e.splitNeutralized(&a)
	}
	e.people(&a)
	e.placeNames(&a)
	e.times(&a)
	a.Cumulative = e.scope == scopeCumulative
	a.Evidence = e.evidence()
	return a, hasFigure(&a)
}

// applyAll: "all N drones were shot down" states N launched; "all were shot
// down" gives that outcome the launched figures.
func (e *event) applyAll(a *briefings.AttackReport) {
	for _, x := range e.entries {
		if !x.has(fAll) || x.out == outLaunched || x.out == outNone {
			continue
		}
		dst := countsFor(a, x.out)
		if dst == nil {
			continue
		}
		if x.has(fAllBut) {
			applyAllBut(a, dst, x)
			continue
		}
		if !x.known && len(x.models) > 0 {
			e.applyType(a, dst, x.models) // "the Kh-59 missiles did not reach their targets"
			continue
		}
		if x.known {
			if x.class == classDrone && a.Launched.Drones == nil {
				a.Launched.Drones = briefings.IntPtr(x.n)
			}
			if x.class == classMissile && a.Launched.Missiles == nil {
				a.Launched.Missiles = briefings.IntPtr(x.n)
			}
			continue
		}
		anyClass := x.class == classMixed || x.class == classNone
		if (x.class == classDrone || anyClass) && dst.Drones == nil && a.Launched.Drones != nil {
			dst.Drones = briefings.IntPtr(*a.Launched.Drones)
			if parts := a.Summed["launched.drones"]; parts != nil {
				a.Summed[outcomePrefix(x.out)+".drones"] = parts // stated by themselves (briefings.SumPart)
			}
		}
		if (x.class == classMissile || anyClass) && dst.Missiles == nil && a.Launched.Missiles != nil {
			dst.Missiles = briefings.IntPtr(*a.Launched.Missiles)
			if parts := a.Summed["launched.missiles"]; parts != nil {
				a.Summed[outcomePrefix(x.out)+".missiles"] = parts // with the types copied below
			}
			for k, v := range a.Launched.ByType {
				if dst.ByType == nil {
					dst.ByType = map[string]int{}
				}
				if _, ok := dst.ByType[k]; !ok {
					dst.ByType[k] = v
				}
			}
		}
	}
}

// applyAllBut: "all but N were shot down" gives the outcome the launched
// figure of the class less N, when the launched figure is stated, is exact
// and is more than N; of one class only (the launched figure of the other
// class is not the one the phrase excepts from).
func applyAllBut(a *briefings.AttackReport, dst *briefings.Counts, x entry) {
	from, to, key := a.Launched.Drones, &dst.Drones, "drones"
	switch {
	case x.class == classMissile || x.class != classDrone && a.Launched.Drones == nil:
		from, to, key = a.Launched.Missiles, &dst.Missiles, "missiles"
	case x.class != classDrone && a.Launched.Missiles != nil:
		return // both classes launched: which one the phrase excepts from is not said
	}
	if from == nil || *to != nil || *from <= x.but || a.Qualifiers["launched."+key] != "" {
		return // no exact launched figure to take N from
	}
	*to = briefings.IntPtr(*from - x.but)
	if _, summed := a.Summed["launched."+key]; summed {
		a.Summed[outcomePrefix(x.out)+"."+key] = nil // all but N of a sum: no stated part
	}
}

// applyType gives dst the launched figures of the types named: the type's
// own, its class's when the type is the class's only one, the missiles'
// when it is the only one launched.
func (e *event) applyType(a *briefings.AttackReport, dst *briefings.Counts, models []string) {
	name := strings.Join(models, "/")
	n, ok := a.Launched.ByType[name]
	if !ok {
		return
	}
	setType(dst, name, n)
	for _, x := range e.entries {
		if x.out == outLaunched && strings.Join(x.models, "/") == name && x.mclass != "" {
			if c, ok := a.Launched.ByType[string(x.mclass)]; ok && c == n {
				setType(dst, string(x.mclass), n)
			}
			break
		}
	}
	if a.Launched.Missiles != nil && *a.Launched.Missiles == n && dst.Missiles == nil && modelByName(name).head == classMissile {
		dst.Missiles = briefings.IntPtr(n)
	}
	if a.Launched.Drones != nil && *a.Launched.Drones == n && dst.Drones == nil && modelByName(name).head == classDrone {
		dst.Drones = briefings.IntPtr(n)
	}
}

func setType(c *briefings.Counts, name string, n int) {
	if c.ByType == nil {
		c.ByType = map[string]int{}
	}
	if _, ok := c.ByType[name]; !ok {
		c.ByType[name] = n
	}
}

// people reads casualties and the locations of hits and debris.
func (e *event) people(a *briefings.AttackReport) {
	q := a.Qualifiers
	for _, x := range e.entries {
		if !x.known {
			if x.vague != "" && x.out.people() {
				q["casualties."+casualtyKey(x.out)] = x.vague
			}
			continue
		}
		switch {
		case x.class == classPerson && x.out == outKilled && a.Casualties.Killed == nil:
			a.Casualties.Killed = briefings.IntPtr(x.n)
			setQual(q, "casualties.killed", x.qual)
		case x.class == classPerson && x.has(fAmong):
			// a part of the casualties (children among them) is not their number
		case x.class == classPerson && x.out == outInjured && a.Casualties.Injured == nil:
			a.Casualties.Injured = briefings.IntPtr(x.n)
			setQual(q, "casualties.injured", x.qual)
		case x.class == classLocation && x.out == outHit && a.Hits.Locations == nil:
			a.Hits.Locations = briefings.IntPtr(x.n)
		case x.class == classLocation && x.out == outDebris && a.Hits.DebrisLocations == nil:
			a.Hits.DebrisLocations = briefings.IntPtr(x.n)
		}
	}
}

func casualtyKey(o outcome) string {
	if o == outKilled {
		return "killed"
	}
	return "injured"
}

func setQual(q map[string]string, key string, v qualifier) {
	if v != qNone {
		q[key] = string(v)
	}
}

// placeNames fills the regions and the weapons named.
func (e *event) placeNames(a *briefings.AttackReport) {
	if e.scope == scopeRegional && e.region != "" {
		a.Regions = []string{e.region}
	} else {
		a.Regions = append(a.Regions, e.regions...)
		for _, name := range e.reached {
			if !contains(a.Regions, name) {
				a.Regions = append(a.Regions, name)
			}
		}
		for _, c := range e.children {
			if c.region != "" && !contains(a.Regions, c.region) {
				a.Regions = append(a.Regions, c.region)
			}
		}
	}
	var ws []string
	add := func(s string) {
		if s != "" && !contains(ws, s) {
			ws = append(ws, s)
		}
	}
	for _, x := range e.entries {
		for _, m := range x.models {
			for _, p := range strings.Split(m, "/") {
				add(p)
			}
		}
		add(string(x.mclass))
	}
	if e.scope != scopeRegional || e.parent == nil {
		// a region's share names only its own types; an event that is one
		// region's as a whole names all the types its text named
		for _, w := range e.weapons {
			add(w)
		}
	}
	a.Weapons = ws
}

// times fills the window, the time of the count and the provisional mark.
func (e *event) times(a *briefings.AttackReport) {
	root := e.root()
	a.AsOf = root.asOf
	a.WindowStart = completeStamp(root.start, e.date, e.period, true)
	a.WindowEnd = completeStamp(root.end, e.date, e.period, false)
	a.Provisional = root.provisional
}

// evidence is the sentences the figures were read from, verbatim.
func (e *event) evidence() string {
	sents := e.sentences
	if len(sents) == 0 {
		for _, c := range e.children {
			for _, s := range c.sentences {
				if !contains(sents, s) {
					sents = append(sents, s)
				}
			}
		}
	}
	return strings.Join(sents, " ")
}

// splitNeutralized: a total the text counts as shot down, then splits into
// those shot down and those lost to electronic warfare (the Air Force's
// "neutralized N: A shot down, B locationally lost", retold as "destroyed N,
// of which A by fire and B jammed"). When A and B add up to the total, the
// total counts both outcomes: it is the intercepted-or-jammed figure and A
// the intercepted one. Without a part that adds up, nothing changes.
func (e *event) splitNeutralized(a *briefings.AttackReport) {
	if countsSet(a.InterceptedOrJammed) {
		return
	}
	for _, cl := range []class{classDrone, classMissile, classMixed} {
		down, jam, both := classField(&a.Intercepted, cl), classField(&a.Jammed, cl), classField(&a.InterceptedOrJammed, cl)
		if *down == nil || *jam == nil || **jam <= 0 || **jam >= **down {
			continue
		}
		total, part := **down, **down-**jam
		if !e.holdsPart(outIntercepted, cl, part, total) {
			continue
		}
		*both, *down = briefings.IntPtr(total), briefings.IntPtr(part)
		key := classKey(cl)
		if q, ok := a.Qualifiers["intercepted."+key]; ok {
			a.Qualifiers["intercepted_or_jammed."+key] = q
			delete(a.Qualifiers, "intercepted."+key)
		}
		if cl == classMixed {
			moveClassParts(a, total)
		}
		for k, n := range a.Intercepted.ByType {
			if n == total {
				if a.InterceptedOrJammed.ByType == nil {
					a.InterceptedOrJammed.ByType = map[string]int{}
				}
				a.InterceptedOrJammed.ByType[k] = n
				delete(a.Intercepted.ByType, k)
			}
		}
	}
}

// moveClassParts: when a total of means neutralized is split by how they
// were stopped, its breakdown by class ("знешкоджено 385 засобів: 382 БпЛА та
// 3 ракети") is of the same kind as the total: drones and missiles that add
// up to it move with it, with their types.
func moveClassParts(a *briefings.AttackReport, total int) {
	d, m := a.Intercepted.Drones, a.Intercepted.Missiles
	sum := 0
	for _, p := range []*int{d, m} {
		if p != nil {
			sum += *p
		}
	}
	if sum != total || a.InterceptedOrJammed.Drones != nil || a.InterceptedOrJammed.Missiles != nil {
		return
	}
	a.InterceptedOrJammed.Drones, a.InterceptedOrJammed.Missiles = d, m
	a.Intercepted.Drones, a.Intercepted.Missiles = nil, nil
	for _, key := range []string{"drones", "missiles"} {
		if q, ok := a.Qualifiers["intercepted."+key]; ok {
			a.Qualifiers["intercepted_or_jammed."+key] = q
			delete(a.Qualifiers, "intercepted."+key)
		}
	}
	for k, n := range a.Intercepted.ByType {
		if a.InterceptedOrJammed.ByType == nil {
			a.InterceptedOrJammed.ByType = map[string]int{}
		}
		a.InterceptedOrJammed.ByType[k] = n
		delete(a.Intercepted.ByType, k)
	}
}

// classField is the field of a class in counts: drones, missiles, or the
// total for figures of no one class.
func classField(c *briefings.Counts, cl class) **int {
	switch cl {
	case classDrone:
		return &c.Drones
	case classMissile:
		return &c.Missiles
	}
	return &c.Total
}

// holdsPart: the event states a figure n of the outcome for the class, apart
// from the total (a part of the split).
func (e *event) holdsPart(out outcome, cl class, n, total int) bool {
	for _, x := range e.entries {
		if x.weak || !x.known || x.out != out || x.n != n || n >= total {
			continue
		}
		if x.class == cl || cl == classMixed && (x.class == classNone || x.class == classMixed) {
			return true
		}
	}
	return false
}

func countsFor(a *briefings.AttackReport, o outcome) *briefings.Counts {
	switch o {
	case outIntercepted:
		return &a.Intercepted
	case outJammed:
		return &a.Jammed
	case outCombined:
		return &a.InterceptedOrJammed
	case outNotReached:
		return &a.NotReached
	}
	return nil
}

// outcomePrefix is the path prefix of an outcome's counts in the report's
// qualifiers and sums ("intercepted").
func outcomePrefix(o outcome) string {
	switch o {
	case outIntercepted:
		return "intercepted"
	case outJammed:
		return "jammed"
	case outCombined:
		return "intercepted_or_jammed"
	case outNotReached:
		return "not_reached"
	}
	return "launched"
}

func countsSet(c briefings.Counts) bool {
	return c.Drones != nil || c.Missiles != nil || c.Total != nil || len(c.ByType) > 0
}

func hasFigure(a *briefings.AttackReport) bool {
	return countsSet(a.Launched) || countsSet(a.Intercepted) || countsSet(a.Jammed) ||
		countsSet(a.InterceptedOrJammed) || countsSet(a.NotReached) || a.Hits.Drones != nil ||
		a.Hits.Missiles != nil || a.Hits.Locations != nil || a.Hits.DebrisLocations != nil ||
		len(a.Hits.ByType) > 0 || a.Casualties.Killed != nil || a.Casualties.Injured != nil
}
