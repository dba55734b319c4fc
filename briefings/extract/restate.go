package extract

// Restatements (stage 3). News reports state the same figures more than
// once: a rounded figure in the lead and the exact one further down ("over
// 400 drones" ... "407 drones"), the ministry's own words quoted after the
// outlet's summary, the same tally under another time word ("over the past
// day" ... "during the day"). A sentence whose figures agree with those of
// the current event restates that event; it opens no other, and an exact
// figure replaces a rounded one it agrees with.

// agrees reports whether two figures for the same field can be the same
// count: equal, or one rounded ("over 400", "almost 500", "about 50") and
// the other within what the rounding allows.
func agrees(a, b *figure) bool {
	if a.n == b.n {
		return true
	}
	if a.qual == qNone && b.qual == qNone {
		return false
	}
	if a.qual == qNone {
		a, b = b, a // a is rounded
	}
	return roundedAgrees(a.qual, a.n, b.n)
}

// roundedAgrees: the rounded figure q n can stand for m.
func roundedAgrees(q qualifier, n, m int) bool {
	switch q {
	case qMoreThan, qAtLeast:
		return m >= n && m <= n+n/4+2
	case qNearly, qLessThan, qUpTo, qAtMost:
		return m <= n && m >= n-n/4-2
	case qAbout:
		return m >= n-n/5-2 && m <= n+n/5+2
	}
	return false
}

// sameField: two figures count the same field (outcome, class, missile
// class and types).
func sameField(x, f *figure) bool {
	if x.out != f.out || x.class != f.class || x.mclass != f.mclass || len(x.models) != len(f.models) {
		return false
	}
	for i := range x.models {
		if x.models[i] != f.models[i] {
			return false
		}
	}
	return true
}

// plainFigure: a stated count of weapons (not a part, a referent or a
// superseded figure).
func plainFigure(f *figure) bool {
	return f.known && !f.subset && !f.has(fRefer|fWhole|fRevised|fEarlier) && f.class.weapon() && f.out != outNone
}

// restates reports whether every plain figure of the sentence agrees with a
// figure the event already holds for the same field (and there is one).
func restates(e *event, figs []figure) bool {
	n := 0
	for i := range figs {
		f := &figs[i]
		if !plainFigure(f) || f.region != "" || f.has(fAfterColon|fEllipsis) {
			continue // a share, a part, a figure without its noun: no restatement of the whole
		}
		found := e.splitTotal(f)
		for k := range e.entries {
			x := &e.entries[k].figure
			if !e.entries[k].weak && plainFigure(x) && sameField(x, f) && agrees(x, f) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
		n++
	}
	return n > 0
}

// dropRounded removes the rounded figures an exact one replaces.
func (e *event) dropRounded(f *figure) {
	if f.qual != qNone || !plainFigure(f) {
		return
	}
	kept := e.entries[:0]
	for _, x := range e.entries {
		if x.qual != qNone && plainFigure(&x.figure) && sameField(&x.figure, f) && agrees(&x.figure, f) {
			continue
		}
		kept = append(kept, x)
	}
	e.entries = kept
}

// splitTotal: a figure of one class shot down that equals what the event
// counts shot down plus jammed ("14 destroyed by air defences and six
// jammed", then "20 drones destroyed"): the sum Russia's ministry's reports
// are retold with, not another count.
func (e *event) splitTotal(f *figure) bool {
	if f.out != outIntercepted && f.out != outCombined || f.qual != qNone || (f.class != classDrone && f.class != classMissile) {
		return false
	}
	down, jammed := 0, 0
	for k := range e.entries {
		x := &e.entries[k].figure
		if e.entries[k].weak || !plainFigure(x) || x.class != f.class || x.qual != qNone {
			continue
		}
		switch x.out {
		case outIntercepted:
			down += x.n
		case outJammed:
			jammed += x.n
		}
	}
	return down > 0 && jammed > 0 && down+jammed == f.n
}
