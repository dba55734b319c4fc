package extract

import (
	"strings"
	"time"
)

// Placing figures in events (stage 3): a figure over a region of the other
// side goes to that region's share, "N more" only adds to a field not yet
// stated, "Of the N drones, A ... and B ..." splits a figure stated before,
// "N of M" also states the number launched.

// place records a sentence's figures in the event target (or its regional
// shares).
func (r *reader) place(s sentence, figs []figure, target *event) {
	var splits []split
	for i := range figs {
		f := &figs[i]
		if f.has(fWhole) && f.out == outNone {
			// "Of the N drones, A were shot down and B were lost": N is a
			// figure stated before (the phrases after it split it), or else
			// the number launched
			if k := target.findFigure(f); k >= 0 {
				splits = append(splits, split{ev: target, entry: k, whole: i})
				continue
			}
			f.out = outLaunched
		}
		dst := r.destination(f, target, len(figs))
		if dst == nil || len(dst.entries) >= maxEntries {
			continue
		}
		if f.has(fRevised) {
			dst.drop(f)
		}
		dst.entries = append(dst.entries, entry{figure: *f, weak: s.headline})
		if f.ofM >= f.n && f.ofM > 0 && f.out != outLaunched && f.class != classPerson && r.rs.on(ruleNOfM) {
			// "58 out of 59": 59 were launched
			r.count.group++
			w := entry{figure: *f}
			w.n, w.qual, w.ofM, w.out, w.also, w.subset, w.group = f.ofM, qNone, 0, outLaunched, outNone, false, r.count.group
			w.flags &^= fAll
			dst.entries = append(dst.entries, w)
		}
		if f.has(fAll) && !f.known && r.rs.on(ruleExcept) {
			dst.except = append(dst.except, exceptions(s.toks, f.end, f.out)...)
		}
		dst.addSentence(s.text)
		if !s.headline {
			dst.strong = true
			if dst.parent != nil {
				dst.parent.strong = true
			}
		}
		if f.known && !f.subset && f.class != classPerson && f.class != classLocation {
			r.lastEv = dst
		}
	}
	for _, sp := range splits {
		sp.apply(figs)
	}
}

// destination is the event a figure goes to, or nil when it states nothing
// of its own.
func (r *reader) destination(f *figure, target *event, n int) *event {
	dst := target
	if (f.has(fRefer) || f.has(fAll)) && !f.known && r.lastEv != nil && r.lastEv.attacker == target.attacker && n == 1 {
		dst = r.lastEv // "He said all of them were destroyed": where the referent is
	}
	if f.region != "" && (target.scope != scopeRegional || target.region != f.region) && r.rs.on(ruleRegionShare) {
		rg, _ := regionByName(f.region)
		if (target.attacker == sideUA) == rg.ru || f.subset {
			dst = r.child(target, f.region)
			f.subset = false
		}
	}
	if f.subset && f.region == "" && len(f.models) == 0 {
		if f.mclass == "" {
			return nil // a part of a figure, of no type the reader can name
		}
		f.models = []string{string(f.mclass)} // "including 300 ballistic missiles"
	}
	if f.has(fIncrement) && !dst.takesIncrement(f, dst != target) {
		return nil // a part added to a count stated before: never that count, nor the number launched
	}
	if f.has(fEarlier) {
		return nil // a figure the text says was superseded
	}
	return dst
}

// drop removes the figures a correction replaces: same class, type and outcome.
func (e *event) drop(f *figure) {
	kept := e.entries[:0]
	for _, x := range e.entries {
		if x.class == f.class && x.out == f.out && x.mclass == f.mclass && strings.Join(x.models, "/") == strings.Join(f.models, "/") {
			continue
		}
		kept = append(kept, x)
	}
	e.entries = kept
}

// findFigure is the index of the entry stating the same figure as a
// "whole" phrase (same class and number, from the body), or -1.
func (e *event) findFigure(f *figure) int {
	for k := len(e.entries) - 1; k >= 0; k-- {
		x := &e.entries[k]
		if !x.weak && x.known && !x.subset && x.class == f.class && x.n == f.n && x.out != outNone {
			return k
		}
	}
	return -1
}

// split is a "whole" phrase naming an entry stated before, with the figures
// of the sentence after it as its parts.
type split struct {
	ev    *event
	entry int
	whole int // index of the whole phrase in the sentence's figures
}

// apply: "neutralised N ... Of the N, A were shot down and B were lost from
// radar": when the parts are shot down and jammed, N was either.
func (sp split) apply(figs []figure) {
	x := &sp.ev.entries[sp.entry]
	if x.out != outIntercepted {
		return
	}
	hasI, hasJ, sum := false, false, 0
	for _, f := range figs[sp.whole+1:] {
		if !f.known || f.class != x.class {
			continue
		}
		switch f.out {
		case outIntercepted:
			hasI = true
		case outJammed:
			hasJ = true
		default:
			continue
		}
		sum += f.n
	}
	if hasI && hasJ && sum <= x.n {
		x.out = outCombined
	}
}

// takesIncrement: "N more", "another N" is a figure of its own only as the
// first figure of its field in an event that already states another one
// ("50 were shot down and 30 more were jammed"), or in its own region's
// share ("7 over one region and 3 more over another"); it never states or
// replaces the number launched of the event it adds to.
func (e *event) takesIncrement(f *figure, ownRegion bool) bool {
	if f.out == outLaunched && !ownRegion {
		return false
	}
	root := e.root()
	stated := len(root.entries) > 0
	for _, c := range root.children {
		stated = stated || len(c.entries) > 0
	}
	if !stated {
		return false
	}
	for _, x := range e.entries {
		if !x.weak && x.known && x.class == f.class && (x.out == f.out || x.also == f.out) {
			return false
		}
	}
	return true
}

// exception is what "all ... except (for) the X" leaves out.
type exception struct {
	model string
	n     int
	out   outcome
}

// exceptions reads "except (for) the X", "крім X" after an "all" phrase.
func exceptions(toks []token, from int, out outcome) []exception {
	for k := from; k < len(toks) && k < from+4; k++ {
		if !isExcept(toks[k].low) {
			continue
		}
		q := k + 1
		if q < len(toks) && toks[q].low == "for" {
			q++
		}
		n := 1
		if q < len(toks) && toks[q].kind == kNum && toks[q].n > 0 {
			n = toks[q].n
			q++
		}
		for q < len(toks) && (toks[q].low == "the" || toks[q].low == "a" || toks[q].low == "one") {
			q++
		}
		for ; q < len(toks) && q < k+8; q++ {
			if md, ok := modelAt(toks, q); ok {
				return []exception{{model: md.name, n: n, out: out}}
			}
		}
		return nil
	}
	return nil
}

// namedWeapons lists the types and classes a sentence names: types
// ("Shahed", "Kh-101"), missile classes named with a missile noun
// ("cruise", "ballistic") and the classes "drone" and "missile".
func namedWeapons(toks []token) []string {
	var out []string
	add := func(s string) {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	for k := range toks {
		if toks[k].kind != kWord {
			continue
		}
		if md, ok := modelAt(toks, k); ok {
			for _, p := range strings.Split(md.name, "/") {
				add(p)
			}
			continue
		}
		if c := missileClassAdj(toks[k].low); c != "" && missileNounAfter(toks, k) {
			add(string(c))
			continue
		}
		switch cl, _ := headClass(toks[k].low); cl {
		case classDrone:
			add("drone")
		case classMissile:
			add("missile")
		}
	}
	return out
}

// missileNounAfter: a missile noun follows within a few words ("cruise,
// ballistic, anti-aircraft missiles").
func missileNounAfter(toks []token, k int) bool {
	for q := k + 1; q < len(toks) && q < k+6; q++ {
		if cl, _ := headClass(toks[q].low); cl == classMissile {
			return true
		}
		if toks[q].kind == kNum || toks[q].low == "." || toks[q].low == ";" {
			return false
		}
	}
	return false
}

// bulletClass is the class of the weapon a list item names.
func bulletClass(toks []token) class {
	for k := range toks {
		if cl, _ := headClass(toks[k].low); cl == classDrone || cl == classMissile {
			return cl
		}
		if md, ok := modelAt(toks, k); ok {
			return md.head
		}
	}
	return classNone
}

// splitByTime splits "On Tuesday night Russia launched 100 drones, and on
// Wednesday night it launched 140" at the clause that brings its own time,
// when both sides hold figures. It returns nil when s stays whole.
func splitByTime(s sentence, pub time.Time, rs *ruleSet, depth int) []sentence {
	toks := s.toks
	if depth > 3 || len(toks) < 6 || len(toks) > 200 || !severalTimes(toks) {
		return nil
	}
	for b := 2; b < len(toks)-3; b++ {
		if (toks[b].low != "," && toks[b].low != ";") || !opensWithTime(toks, b+1) {
			continue
		}
		l, rt := timeCue(toks[:b], pub, rs), timeCue(toks[b+1:], pub, rs)
		rest := strings.TrimSpace(s.text[toks[b].end:])
		if !l.has || !rt.has || l.key == rt.key || rest == "" {
			continue
		}
		left, right := s, s
		left.text = s.text[:toks[b].off]
		left.toks, right.text = tokenize(left.text), rest
		right.toks = tokenize(rest)
		if lc := findCues(left.toks, make([]outcome, len(left.toks)+1), rs); len(lc) > 0 {
			right.cue = lc[len(lc)-1].out // "..., а у ніч на 6 травня – 55 БпЛА": the verb of the first part
		}
		if !hasMention(left.toks, rs) || !hasMention(right.toks, rs) {
			continue
		}
		more := splitByTime(right, pub, rs, depth+1)
		if more == nil {
			more = []sentence{right}
		}
		return append([]sentence{left}, more...)
	}
	return nil
}

func isTimeWord(t *token) bool {
	return t.wday > 0 || t.month > 0 || t.low == "overnight" || t.low == "night" || t.low == "ніч" || t.low == "вночі"
}

// severalTimes: the sentence names two to eight times.
func severalTimes(toks []token) bool {
	n := 0
	for i := range toks {
		if isTimeWord(&toks[i]) {
			n++
		}
	}
	return n >= 2 && n <= 8
}

// opensWithTime: a clause from k opens with a time ("and on Wednesday night",
// "overnight on May 4").
func opensWithTime(toks []token, k int) bool {
	for q := k; q < len(toks) && q <= k+2; q++ {
		if isTimeWord(&toks[q]) {
			return true
		}
	}
	return false
}

func hasMention(toks []token, rs *ruleSet) bool {
	cueAt := make([]outcome, len(toks)+1)
	findCues(toks, cueAt, rs)
	return len(findMentions(toks, cueAt, rs)) > 0
}

// dominantRegion is the region the text names most often, when one leads
// ("the regional governor said" without a name in an article about one region).
func (r *reader) dominantRegion() (region, bool) {
	if !r.dominated {
		r.dominated = true
		counts := map[string]int{}
		for _, s := range r.sents {
			for ix := range s.toks {
				t := &s.toks[ix]
				if t.kind != kWord || t.low == "capital" {
					continue
				}
				if rg, ok := regionOf(t.low); ok {
					counts[rg.name]++
				}
			}
		}
		best, top, ties := "", 0, 0
		for name, n := range counts {
			switch {
			case n > top:
				best, top, ties = name, n, 1
			case n == top:
				ties++
			}
		}
		if top >= 2 && ties == 1 {
			rg, _ := regionByName(best)
			r.dominant = &rg
		}
	}
	if r.dominant == nil {
		return region{}, false
	}
	return *r.dominant, true
}
