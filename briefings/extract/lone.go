package extract

// One weapon named by an article (stage 4). Russia's attacks on Ukraine are
// tallied with numerals ("launched 40 drones", "shot down 12 of 15
// missiles"); a text about Russia's side that names its weapons only as "a
// drone", "a missile" or "the rocket" tells of one weapon in a story: a
// weapon's parts, a video of one shoot-down, one strike on one building, a
// drone with a message painted on it. Such figures make no national tally.
// The claims of Russia's ministry about Ukraine's drones are left alone: it
// does state single drones ("a drone was destroyed over the region"), and
// the Air Force's template (its window) is never such a story, nor is any
// figure the Air Force gives: its single missiles are the night's tally. Whatever
// the attacker, a lone weapon in the body does not replace a numbered
// figure of the same kind in the headline: it is one of them, or another
// incident.

// tallyOut: outcomes of the night's tallies.
func tallyOut(o outcome) bool {
	switch o {
	case outLaunched, outIntercepted, outJammed, outCombined, outNotReached:
		return true
	}
	return false
}

// loneFigure: a tally's figure that is one weapon named by an article
// ("one" too when only, as the body's, it stands against the headline's).
func loneFigure(x *entry, one bool) bool {
	return (x.has(fLone) || one && x.has(fArticle)) && x.n == 1 && tallyOut(x.out) && x.class.weapon()
}

// withoutLone returns e, or a copy of it without the lone figures that make
// no tally.
func (e *event) withoutLone() *event {
	allLone, some := true, false
	for i := range e.entries {
		x := &e.entries[i]
		if !tallyOut(x.out) || !x.class.weapon() {
			continue
		}
		some = true
		allLone = allLone && loneFigure(x, false)
	}
	if !some {
		return e
	}
	story := allLone && e.scope == scopeNational && e.attacker == sideRU && e.start == "" && e.source != srcAirForce
	var kept []entry
	for i := range e.entries {
		x := &e.entries[i]
		if story && loneFigure(x, false) || !x.weak && loneFigure(x, true) && e.headlineCounts(x) {
			continue
		}
		kept = append(kept, *x)
	}
	if len(kept) == len(e.entries) {
		return e
	}
	c := *e
	c.entries = kept
	return &c
}

// headlineCounts: the headline states a numbered figure of x's outcome and class.
func (e *event) headlineCounts(x *entry) bool {
	for i := range e.entries {
		h := &e.entries[i]
		if h.weak && h.known && h.out == x.out && h.class == x.class && !h.has(fArticle) && !h.has(fImplicit) {
			return true
		}
	}
	return false
}
