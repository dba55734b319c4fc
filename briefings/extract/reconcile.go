package extract

import (
	"strings"

	"github.com/sitrep/sitrep/briefings"
)

// Stage 4: turn each event's figures into a briefings.AttackReport. The
// first figure stated for a field wins (a headline's figures only fill what
// the body leaves unstated); phrases joined by "and" add up (the sum marked
// in AttackReport.Summed with the parts as stated), but a breakdown
// after a colon or dash ("60 drones – 40 Shaheds and 20 decoys") is counted
// once; class totals come from the types when no class figure is stated, and
// are lower bounds when the list names a type without a count.

// tally builds the figures of one outcome.
type tally struct {
	c       briefings.Counts
	quals   map[string]string
	prefix  string
	plain   [2]bool // drones, missiles stated as a class figure (not summed from types)
	classes [len(missileClasses) + 1]int
	hasCls  [len(missileClasses) + 1]bool // per missile class (the last: types of no known class)
	// typesOf are the types counted into each class's figure, fromTypes
	// the classes whose figure is such a sum, and summed the parts of each
	// class figure the text does not state (briefings.AttackReport.Summed).
	typesOf   [len(missileClasses) + 1][]string
	fromTypes map[string]bool
	summed    map[string][]string
}

func classIndex(c missileClass) int {
	for i, x := range missileClasses {
		if x == c {
			return i
		}
	}
	return len(missileClasses)
}

func (t *tally) byType(name string, n int, q qualifier) {
	if t.c.ByType == nil {
		t.c.ByType = map[string]int{}
	}
	if _, ok := t.c.ByType[name]; ok {
		return
	}
	t.c.ByType[name] = n
	if q != qNone {
		t.quals[t.prefix+".by_type."+name] = string(q)
	}
}

func (t *tally) set(dst **int, key string, n int, q qualifier) {
	if *dst != nil {
		return
	}
	v := n
	*dst = &v
	if q != qNone {
		t.quals[t.prefix+"."+key] = string(q)
	}
}

// counts tallies the entries of one outcome of an event.
func (e *event) counts(out outcome, prefix string, quals map[string]string, summed map[string][]string, rs *ruleSet) briefings.Counts {
	t := &tally{quals: quals, prefix: prefix, summed: summed}
	for pass := 0; pass < 2; pass++ {
		weak := pass == 1
		for _, g := range e.groups(out, weak) {
			t.group(g, rs)
		}
		if !weak {
			e.subsets(t, out)
			t.classTotals()
			t.missileTotal()
		}
		t.classTotals()
	}
	e.lowerBounds(t, out, rs)
	return t.c
}

// subsets adds the types' shares: "including 73 Shahed drones", "понад 50
// із них – Шахеди", "including 32 ballistic missiles" (a stated class
// figure, before any summed from types).
func (e *event) subsets(t *tally, out outcome) {
	for _, x := range e.entries {
		if x.subset && x.known && len(x.models) == 1 && x.out == out && !x.weak {
			t.byType(x.models[0], x.n, x.qual)
		}
	}
}

// groups returns the entries of an outcome (strong or weak ones), by group
// in order of statement.
func (e *event) groups(out outcome, weak bool) [][]entry {
	var gs [][]entry
	last := -1
	for _, x := range e.entries {
		if x.weak != weak || x.subset || x.out != out {
			continue
		}
		if len(gs) > 0 && x.group == last {
			gs[len(gs)-1] = append(gs[len(gs)-1], x)
			continue
		}
		gs = append(gs, []entry{x})
		last = x.group
	}
	return gs
}

// group adds one group of joined figures.
func (t *tally) group(g []entry, rs *ruleSet) {
	var sum [2]int
	var q [2]qualifier
	var ok [2]bool
	typed := 0            // missiles of the group counted by type or class
	var parts [2][]string // the figures added, as stated (briefings.SumPart)
	for i, x := range g {
		if !x.known {
			if x.vague != "" {
				if _, has := t.quals[t.prefix+"."+classKey(x.class)]; !has {
					t.quals[t.prefix+"."+classKey(x.class)] = x.vague
				}
			}
			continue
		}
		part := rs.on(ruleBreakdown) && breakdownOf(g, i)
		switch x.class {
		case classDrone:
			if len(x.models) == 1 && !x.has(fMixedType) {
				t.byType(x.models[0], x.n, qNone)
			}
			if !part {
				sum[0], ok[0], q[0] = sum[0]+x.n, true, orQual(q[0], x.qual)
				parts[0] = append(parts[0], sumPart(x))
			}
		case classMissile:
			if t.missile(x, part) {
				sum[1], ok[1], q[1] = sum[1]+x.n, true, orQual(q[1], x.qual)
				parts[1] = append(parts[1], sumPart(x))
			} else if !part {
				typed += x.n // "a ballistic missile and a missile of unknown type": both count
				parts[1] = append(parts[1], sumPart(x))
			}
		case classMixed:
			t.set(&t.c.Total, "total", x.n, x.qual)
		case classBomb:
			t.byType(briefings.TypeGuidedBomb, x.n, qNone)
		}
	}
	if ok[0] && t.c.Drones == nil {
		t.plain[0] = true
		t.set(&t.c.Drones, "drones", sum[0], q[0])
		t.markSum("drones", parts[0])
	}
	if ok[1] && t.c.Missiles == nil {
		t.plain[1] = true
		t.set(&t.c.Missiles, "missiles", sum[1]+typed, q[1])
		t.markSum("missiles", parts[1])
	}
}

// markSum marks a class figure added up from more than one figure of the
// group ("60 strike drones and 25 decoys"): the text states the parts,
// not the sum.
func (t *tally) markSum(key string, parts []string) {
	if len(parts) > 1 {
		t.summed[t.prefix+"."+key] = parts
	}
}

// sumPart is a figure added into a class total, as stated: its type (none
// for a plain figure of the class), number and qualifier.
func sumPart(x entry) string {
	typ := ""
	switch {
	case x.class == classDrone && len(x.models) == 1 && !x.has(fMixedType):
		typ = x.models[0]
	case x.class == classMissile && len(x.models) > 0:
		typ = strings.Join(x.models, "/")
	case x.class == classMissile:
		typ = string(x.mclass)
	}
	return briefings.SumPart(typ, x.n, string(x.qual))
}

// missile records a missile figure by type or class; it reports whether the
// figure is a plain missile figure to add to the group's sum.
func (t *tally) missile(x entry, part bool) bool {
	switch {
	case len(x.models) > 0:
		name := strings.Join(x.models, "/")
		if _, seen := t.c.ByType[name]; !seen {
			t.byType(name, x.n, x.qual)
			if !part {
				k := classIndex(x.mclass)
				t.classes[k] += x.n
				t.hasCls[k] = true
				t.typesOf[k] = append(t.typesOf[k], name)
			}
		}
		return false
	case x.mclass != "":
		t.byType(string(x.mclass), x.n, x.qual)
		return false
	}
	return !part
}

// breakdownOf: the figure g[i] follows a colon or dash after a figure of
// its class in the same group ("60 drones – 40 Shaheds and 20 decoys"): it
// is a part of that figure, not added to it.
func breakdownOf(g []entry, i int) bool {
	if !g[i].has(fAfterColon) {
		return false
	}
	for k := 0; k < i; k++ {
		if g[k].class == g[i].class && g[k].known && !g[k].has(fAfterColon) {
			return true
		}
	}
	return false
}

func orQual(a, b qualifier) qualifier {
	if a != qNone {
		return a
	}
	return b
}

// classTotals: a missile class's figure from its types, when not stated.
func (t *tally) classTotals() {
	for i, c := range missileClasses {
		if _, has := t.c.ByType[string(c)]; t.hasCls[i] && !has {
			t.byType(string(c), t.classes[i], qNone)
			if t.fromTypes == nil {
				t.fromTypes = map[string]bool{}
			}
			t.fromTypes[string(c)] = true
		}
	}
}

// missileTotal: the missiles figure is the total of the missile classes when
// not stated.
func (t *tally) missileTotal() {
	if t.c.Missiles != nil || t.c.ByType == nil {
		return
	}
	sum, ok := 0, false
	var parts []string
	for i, c := range missileClasses {
		if n, has := t.c.ByType[string(c)]; has {
			sum, ok = sum+n, true
			if t.fromTypes[string(c)] && len(t.typesOf[i]) > 1 {
				parts = append(parts, t.typesOf[i]...) // the class's own figure is a sum too
			} else {
				parts = append(parts, string(c))
			}
		}
	}
	if k := len(missileClasses); t.hasCls[k] {
		sum, ok = sum+t.classes[k], true
		parts = append(parts, t.typesOf[k]...)
	}
	if ok {
		t.set(&t.c.Missiles, "missiles", sum, qNone)
		if len(parts) > 1 {
			t.summed[t.prefix+".missiles"] = parts // one part is the total itself
		}
	}
}

// lowerBounds: a class total summed from a list that names a type without a
// count is at least that figure.
func (e *event) lowerBounds(t *tally, out outcome, rs *ruleSet) {
	if !rs.on(ruleUnnumbered) {
		return
	}
	for _, u := range e.unnumbered {
		if u.out != out {
			continue
		}
		key, n, plain := "drones", t.c.Drones, t.plain[0]
		if u.class == classMissile {
			key, n, plain = "missiles", t.c.Missiles, t.plain[1]
		}
		if n != nil && !plain {
			if q := qualifier(t.quals[t.prefix+"."+key]); !q.lowerBound() {
				t.quals[t.prefix+"."+key] = string(qAtLeast)
			}
		}
	}
}

func classKey(c class) string {
	switch c {
	case classDrone:
		return "drones"
	case classMissile:
		return "missiles"
	case classPerson:
		return "people"
	}
	return "total"
}
