package extract

import "strings"

// Scope (stage 3, once the text is read). A national report is a false
// alert when its figures are one region's, so a national scope needs
// evidence: a national source (the Air Force, the General Staff, the
// military, Russia's ministry) or a sentence that names the whole country as
// the target. Figures about one region with neither are that region's, for
// either side attacked: a Russian governor's or Moscow's mayor's figures,
// when no national source speaks in the text, are their region's (the region
// the speaker named when the figure's own sentence names none), and the
// official is their source when only one kind of official speaks. This
// holds also when no one at all is named (a strike on one city), unless the
// figure is a total whose own share of the region is stated apart; and when
// only regional speakers speak, figures over several regions of their zone
// are regional too. A quote attributed after it to the one regional speaker
// is his, about his region; figures whose side no sentence told are then
// the attack on his side.
// Russia's Defence Ministry names where its air defences downed each group
// of drones: a region's figure with no national figure beside it is the
// ministry's national claim, the region its place.

// settleScope decides the scope of each event read from the text.
func (r *reader) settleScope() {
	for _, e := range r.events {
		if e.parent != nil || e.scope != scopeNational {
			continue
		}
		if e.guessed && e.attacker == sideRU && r.rs.on(ruleScope) {
			r.speakerSide(e)
		}
		if e.attacker == sideUA && r.rs.on(ruleMinistryRegions) {
			e.liftShares()
		}
		narrowed := false
		// only regional speakers (governors, mayors, regional commands): their
		// figures are regional, also over several regions of their zone
		onlyRegional := r.sawRegional && !r.sawNational
		// no one named speaks: a figure about one place is that place's, but
		// not a total whose own share of that place is stated apart ("30
		// drones, 12 of them over the Kharkiv region")
		unnamed := !r.sawRegional && !r.sawNational && !e.hasShares()
		if e.attacker == sideRU && !r.sawRegional && r.launchAreas && r.rs.on(ruleLaunchAreas) {
			// the Air Force's overnight tally, its launch areas named: the
			// country's figures, also when a weapon's target region is named
			unnamed = false
		}
		if e.attacker == sideRU && (r.sawRegional || unnamed) && r.rs.on(ruleScope) {
			// a governor's or mayor's figures, or a strike on one place that
			// no national source reports (a city struck with three guided
			// bombs): that place's
			narrowed = e.narrow(onlyRegional)
			if !narrowed && onlyRegional && r.ownRegionLeft(e) && len(r.speakerRegs) == 1 {
				// only one region's head speaks and the figures name no place
				// ("in our sky", "over the region", a quote then "the head
				// wrote"): the region he speaks for, named in the lead or in
				// his title
				e.addRegion(r.speakerRegs[0])
				narrowed = e.narrow(true)
			}
		}
		if e.attacker == sideUA && (onlyRegional || unnamed) && r.rs.on(ruleScope) {
			// only a governor or mayor of Russia speaks: their figures are
			// their region's, as a Ukrainian governor's are; so are figures
			// about one region that no one named reports (the ministry's
			// claim naming one region is national, above)
			narrowed = e.narrow(onlyRegional)
			if !narrowed && e.attackedRegion() == "" && len(r.speakerRegs) == 1 {
				e.addRegion(r.speakerRegs[0])
				narrowed = e.narrow(onlyRegional)
			}
		}
		if narrowed && e.source == srcNone && !r.sawNational && r.speakers == 1 {
			e.source = r.speaker // the one official who speaks in the text gives them
		}
		if !narrowed && r.rs.on(ruleHitsLocal) && e.onlyHits() && !e.national() {
			// a weapon or two that hit one target (a ship, a beach, a
			// building), with no national source or cue: a local strike
			e.scope = scopeRegional
		}
	}
}

// ownRegionLeft: an event the one regional speaker's region may be given:
// a quote of his, told before he is named, that names no region of the side
// attacked, or figures that name no place at all and have no regional share.
func (r *reader) ownRegionLeft(e *event) bool {
	if e.quoted && e.attackedRegion() == "" {
		return true
	}
	return len(e.regions) == 0 && len(e.children) == 0 && r.rs.on(ruleSpeakerRegion)
}

// onlyHits: the event's weapon figures, its shares' included, are all hits
// (or debris locations): no figure of what was launched, shot down, jammed
// or lost. A national report always counts one of those.
func (e *event) onlyHits() bool {
	hits := false
	for _, ev := range append([]*event{e}, e.children...) {
		for k := range ev.entries {
			switch o := ev.entries[k].out; {
			case o == outHit || o == outDebris:
				hits = true
			case o.people() || o == outNone || o == outIgnored:
			default:
				return false
			}
		}
	}
	return hits
}

// speakerSide: figures whose side no sentence told, in a text where only
// one regional official of Russia speaks, named after his quote (figures
// of "the oblast" in quotation marks, then "said <governor>"), are
// Ukraine's attack on his region.
func (r *reader) speakerSide(e *event) {
	if !r.sawRegional || r.sawNational || len(r.speakerRegs) != 1 || len(e.regions) > 0 {
		return
	}
	rg, ok := regionByName(r.speakerRegs[0])
	if !ok || !rg.ru {
		return
	}
	e.attacker = sideUA
	for _, c := range e.children {
		c.attacker = sideUA
	}
	e.addRegion(rg.name)
}

// hasShares: some region's share of the event states a part of a figure
// the event states ("30 drones, 12 of them over the Kharkiv region").
func (e *event) hasShares() bool {
	for _, c := range e.children {
		for k := range c.entries {
			if e.hasField(&c.entries[k].figure) {
				return true
			}
		}
	}
	return false
}

// national reports whether the event has evidence of national scope.
func (e *event) national() bool {
	if e.nationalCue || e.source.rank() > 0 || e.asOf != "" && e.start != "" {
		return true
	}
	return false
}

// narrow makes an event with no evidence of national scope, about exactly
// one region of the side attacked, that region's; with several, when only
// regional speakers spoke (a regional command names its zone's regions), it
// is regional with no single region, and the regions' own shares stay apart.
// It reports whether it did.
func (e *event) narrow(several bool) bool {
	if e.national() {
		return false
	}
	reg, n := "", 0
	for _, name := range e.regions {
		rg, ok := regionByName(name)
		if !ok || rg.ru != (e.attacker == sideUA) || name == reg {
			continue
		}
		if reg != "" && !several {
			return false // more than one region: no single region's figures
		}
		if reg == "" {
			reg = name
		}
		n++
	}
	if reg == "" {
		return false
	}
	if n > 1 {
		e.scope = scopeRegional // the figures of several regions of one zone
		return true
	}
	e.scope, e.region = scopeRegional, reg
	for _, c := range e.children {
		if c.region == "" || c.region == reg {
			e.absorb(c) // the region's own figures, one event
		}
	}
	return true
}

// attackedRegion is the first region of the side attacked the event names.
func (e *event) attackedRegion() string {
	for _, name := range e.regions {
		if rg, ok := regionByName(name); ok && rg.ru == (e.attacker == sideUA) {
			return name
		}
	}
	return ""
}

// absorb moves a share's figures into the event; the share is left empty.
func (e *event) absorb(c *event) {
	e.entries = append(e.entries, c.entries...)
	c.entries = nil
	e.strong = e.strong || c.strong
	if e.source == srcNone {
		e.source = c.source
	}
	for _, sn := range c.sentences {
		e.addSentence(sn)
	}
}

// liftShares: a figure of one region's share that no national figure of its
// field stands beside is the ministry's national figure.
func (e *event) liftShares() {
	if e.source != srcNone && e.source != srcRUMoD {
		return
	}
	for _, c := range e.children {
		if c.source != srcRUMoD && !(c.source == srcNone && e.source == srcRUMoD) {
			continue // the ministry must be the one that names the region
		}
		kept := c.entries[:0]
		for _, x := range c.entries {
			if plainFigure(&x.figure) && !e.hasField(&x.figure) && !e.otherShare(c, &x.figure) {
				e.entries = append(e.entries, x)
				e.strong = e.strong || !x.weak
				e.addRegion(c.region)
				for _, sn := range c.sentences {
					e.addSentence(sn)
				}
				continue
			}
			kept = append(kept, x)
		}
		c.entries = kept
	}
}

// hasField: the event states a figure for f's outcome and class.
func (e *event) hasField(f *figure) bool {
	for k := range e.entries {
		x := &e.entries[k]
		if x.known && !x.subset && x.out == f.out && x.class == f.class {
			return true
		}
	}
	return false
}

// otherShare: another region's share states a figure for f's outcome and class.
func (e *event) otherShare(self *event, f *figure) bool {
	for _, c := range e.children {
		if c != self && c.hasField(f) {
			return true
		}
	}
	return false
}

// nationalTarget: the sentence names the whole country as what was attacked
// or where ("at Ukraine", "across the country", "по Україні", "атакувала
// Україну", "на півночі, півдні та сході країни").
func nationalTarget(toks []token) bool {
	for i := range toks {
		lw := toks[i].low
		switch {
		case lw == "ukraine" && !bordering(toks, i) && !alertSpread(toks, i), lw == "nationwide":
			return true
		case lw == "country" && i > 0 && (toks[i-1].low == "the" || toks[i-1].low == "entire" || toks[i-1].low == "whole"):
			return true
		case strings.HasPrefix(lw, "україн") && !strings.HasPrefix(lw, "українськ") && !strings.HasPrefix(lw, "українц"):
			return true
		case (lw == "країни" || lw == "країну" || lw == "країні") && !onePart(toks, i):
			return true
		case lw == "other" && andOtherPlaces(toks, i):
			return true
		}
	}
	return false
}

// regionCount: the sentence counts the regions its figures cover ("у 8
// областях", "над п'ятьма областями", "over six regions", "across eight
// Ukrainian regions"): a tally over several regions, no one region's. A
// count of two or more, then the region noun, with at most one word
// between.
func regionCount(toks []token) bool {
	for i := range toks {
		if toks[i].kind != kNum || toks[i].n < 2 {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+2; k++ {
			if regionNoun(toks[k].low) {
				return true
			}
			if toks[k].kind != kWord {
				break
			}
		}
	}
	return false
}

// regionNoun: a plural (or, after a count, any) form of "region" or "oblast".
func regionNoun(lw string) bool {
	switch lw {
	case "regions", "oblasts", "provinces":
		return true
	}
	return strings.HasPrefix(lw, "област") || strings.HasPrefix(lw, "регіон")
}

// andOtherPlaces: "other" at i closes a list of targets with more places
// of the same kind ("X and other regions", "the port and other targets",
// "a city and other towns"): the figures are not one place's.
func andOtherPlaces(toks []token, i int) bool {
	if i == 0 || i+1 >= len(toks) || !isAnd(toks[i-1].low) {
		return false
	}
	switch toks[i+1].low {
	case "regions", "cities", "targets", "areas", "towns", "oblasts", "parts":
		return true
	}
	return false
}

// alertSpread: "Ukraine" at i tells how far the air-raid alert went
// ("as sirens sounded across Ukraine", "sirens were sounding in all
// regions of Ukraine"), not where the counted objects struck: the siren
// word stands at most seven words before it, with no comma or new clause
// between.
func alertSpread(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		switch toks[k].low {
		case "sirens", "siren", "alerts", "alert", "alarms":
			return true
		case ",", ";", "as", "while", "after", "when", "and", "launched", "fired":
			return false
		}
	}
	return false
}

// bordering: "Ukraine" at i describes a place as its neighbour (a region
// "that borders Ukraine", a region "bordering Ukraine", "on the border with
// Ukraine"), not as the target.
func bordering(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if strings.HasPrefix(toks[k].low, "border") {
			return true
		}
	}
	return false
}

// onePart: "на півдні країни", one part of the country, not a list of its
// parts ("на півночі, півдні та сході країни").
func onePart(toks []token, i int) bool {
	if i < 2 {
		return false
	}
	switch toks[i-1].low {
	case "півдні", "півночі", "сході", "заході", "центрі", "півдня", "сходу", "заходу":
		p := toks[i-2].low
		return p != "," && !isAnd(p)
	}
	return false
}

// ownAviation: the sentence counts the strikes of Ukraine's own aviation
// ("авіація Сил оборони завдала N ударів", "ударна авіація України
// здійснила N ударів"), the General Staff's daily template: Ukraine's
// sorties at the front, no figure of an air attack on Ukraine. Russia's
// aviation ("ворожа авіація") is not matched.
func ownAviation(toks []token) bool {
	for i := 0; i+2 < len(toks); i++ {
		if !strings.HasPrefix(toks[i].low, "авіаці") {
			continue
		}
		next := toks[i+1].low
		if !(next == "сил" && toks[i+2].low == "оборони") && !strings.HasPrefix(next, "україн") && next != "зсу" {
			continue
		}
		for k := i + 2; k < len(toks) && k <= i+8; k++ {
			switch toks[k].low {
			case "завдала", "завдали", "здійснила", "здійснили", "нанесла", "нанесли":
				return true
			}
		}
	}
	return false
}

// launchAreas: the sentence names where weapons were launched from as the
// Air Force's reports do: an area of launch ("район пуску", "райони пусків")
// or a place marked as Russia's after a dash ("Курськ – рф",
// "Приморсько-Ахтарськ-рф"). Only the Air Force tracks launches; its post
// that names them is its tally of the whole country.
func launchAreas(toks []token) bool {
	for i := range toks {
		lw := toks[i].low
		switch {
		case strings.HasSuffix(lw, "-рф") && toks[i].kind == kWord:
			return true
		case lw == "рф" && i > 0 && (toks[i-1].low == "–" || toks[i-1].low == "-" || toks[i-1].low == "—"):
			return true
		case (lw == "район" || lw == "райони") && i+1 < len(toks) && strings.HasPrefix(toks[i+1].low, "пуск"):
			return true
		}
	}
	return false
}
