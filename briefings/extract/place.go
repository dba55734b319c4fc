package extract

import "strings"

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
		if r.rs.on(ruleRestate) {
			dst.dropRounded(f) // "over 400" in the lead, "407" further down
		}
		// a figure said earlier stands only where no later one of its
		// field does ("had earlier said 54 drones", then "58 out of 59")
		dst.entries = append(dst.entries, entry{figure: *f, weak: s.headline || f.has(fEarlier)})
		if f.ofM >= f.n && f.ofM > 0 && f.out != outLaunched && f.class != classPerson && r.rs.on(ruleNOfM) {
			// "58 out of 59": 59 were launched
			r.count.group++
			w := entry{figure: *f}
			w.n, w.qual, w.ofM, w.out, w.subset, w.group = f.ofM, qNone, 0, outLaunched, false, r.count.group
			w.flags &^= fAll
			dst.entries = append(dst.entries, w)
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
	if f.region == "@city" {
		f.region = r.lastCity(target.attacker) // "on the approaches to the city"
	}
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

// noteWeapons records the types and classes a sentence names: types
// ("Shahed", "Kh-101"), missile classes named with a missile noun, a type,
// or a missile noun left out ("cruise", "ballistic", "крилаті Х-101",
// "ракети, зокрема балістичні"), the noun "балістика", and the classes
// "drone", "missile" and "guided_bomb".
func (e *event) noteWeapons(toks []token) {
	for k := range toks {
		if toks[k].kind != kWord {
			continue
		}
		if md, ok := modelAt(toks, k); ok {
			name := md.name
			for {
				part, rest, more := strings.Cut(name, "/")
				e.addWeapon(part)
				if !more {
					break
				}
				name = rest
			}
			if md.head == classBomb {
				e.addWeapon("guided_bomb") // "КАБ": a type of the bombs' class
			}
			continue
		}
		if c := missileClassAdj(toks[k].low); c != "" && (missileNounAfter(toks, k) || elidedMissileNoun(toks, k, c) || k+1 < len(toks) && isModelTok(toks, k+1)) {
			e.addWeapon(string(c))
			continue
		}
		if strings.HasPrefix(toks[k].low, "балістик") {
			e.addWeapon(string(mBallistic)) // "балістика", "ударили балістикою": ballistic missiles
			continue
		}
		switch toks[k].head {
		case classBomb:
			if k+1 >= len(toks) || !strings.HasPrefix(toks[k+1].low, "shelter") {
				e.addWeapon("guided_bomb") // the by_type key of bombs: "скинули авіабомбу", "a glide bomb hit"; not "a bomb shelter"
			}
		case classDrone:
			e.addWeapon("drone")
		case classMissile:
			if k+1 >= len(toks) || !defenderUnit(toks[k+1].low) {
				e.addWeapon("missile")
			}
		}
	}
}

// missileNounAfter: a missile noun follows within a few words ("cruise,
// ballistic, anti-aircraft missiles").
func missileNounAfter(toks []token, k int) bool {
	for q := k + 1; q < len(toks) && q < k+6; q++ {
		if toks[q].head == classMissile {
			// "anti-aircraft missile units/forces" are the defenders, no type
			// of the attack
			return q+1 >= len(toks) || !defenderUnit(toks[q+1].low)
		}
		if toks[q].kind == kNum || toks[q].low == "." || toks[q].low == ";" {
			return false
		}
	}
	return false
}

// elidedMissileNoun: a Ukrainian class adjective with its missile noun left
// out, after a missile noun earlier in the sentence ("N ракет, включно з
// балістичними та крилатими", "ракети, у тому числі балістичні"): the
// adjective ends the phrase or joins another class adjective. Not the
// guided or anti-aircraft adjectives, whose noun may be a bomb or a unit.
func elidedMissileNoun(toks []token, k int, c missileClass) bool {
	if c == mGuided || c == mAntiAir || !isCyrillicWord(toks[k].low) {
		return false
	}
	if q := k + 1; q < len(toks) && toks[q].kind == kWord {
		switch toks[q].low {
		case "та", "і", "й", "або", "чи":
		default:
			return false
		}
	}
	for q := k - 1; q >= 0; q-- {
		if toks[q].head == classMissile {
			return true
		}
	}
	return false
}

// defenderUnit: a word after a missile noun that makes the phrase a unit of
// the air defence ("anti-aircraft missile units", "missile forces",
// "missile troops", "a missile brigade").
func defenderUnit(w string) bool {
	switch w {
	case "unit", "units", "forces", "troops", "brigade", "brigades", "regiment", "crews":
		return true
	}
	return false
}

// unnumberedHeads finds the weapons a launch names without a count: a
// plural weapon noun that no number counts ("атакував ... балістичними
// ракетами Іскандер-М", "launched Kalibr missiles"), after a launch
// predicate or in an item of a launch list; not "the missiles" of a figure
// stated before.
func unnumberedHeads(toks []token, ms []mention, cueAt []outcome, launchList bool) []unnumbered {
	var out []unnumbered
	launch := launchList
	for k := range toks {
		if cueAt[k] == outLaunched {
			launch = true
		}
		cl, singular := toks[k].head, toks[k].one
		if !launch || singular || (cl != classDrone && cl != classMissile) || inMention(ms, k) || determinerBefore(toks, k) {
			continue
		}
		out = append(out, unnumbered{cl, outLaunched})
	}
	return out
}

// determinerBefore: "the missiles", "these drones", "цих ракет" before k.
func determinerBefore(toks []token, k int) bool {
	for q := k - 1; q >= 0 && q >= k-4; q-- {
		switch toks[q].low {
		case "the", "these", "those", "its", "their", "цих", "ці", "них":
			return true
		}
		if toks[q].kind != kWord || !(npMods[toks[q].low] || missileClassAdj(toks[q].low) != "" || isModelTok(toks, q)) {
			return false
		}
	}
	return false
}

// lastCity is the last place of the side attacked that the text named.
func (r *reader) lastCity(att side) string {
	if rg, ok := regionByName(r.lastPlace); ok && rg.ru == (att == sideUA) {
		return r.lastPlace
	}
	return ""
}

// eachRegions reads a figure given to each of several regions: "two each
// over the Rostov and Saratov regions", "one drone each in Bryansk region,
// ..., and in Lipetsk region", "one over each of the Belgorod, Kaluga and
// Rostov regions", "по два над Брянською та Курською областями". It returns
// the regions named in the clause after the distributive word, in order.
func eachRegions(toks []token, end int) []string {
	k := end
	if k < len(toks) && locativeWord[toks[k].low] && k+2 < len(toks) && toks[k+1].low == "each" && toks[k+2].low == "of" {
		k += 3 // "one over each of the ..."
	} else if k < len(toks) && toks[k].low == "each" {
		k++
	} else {
		return nil
	}
	return regionsFrom(toks, k)
}

// eachRegionsUk: the Ukrainian distributive "по N" ("по 4 – над A і B",
// "по одному над A, B"): the regions named after the phrase, each with N.
func eachRegionsUk(toks []token, start, end int) []string {
	if start == 0 || toks[start-1].low != "по" {
		return nil
	}
	return regionsFrom(toks, end)
}

// regionsFrom lists the regions named from toks[k] to the clause's end.
func regionsFrom(toks []token, k int) []string {
	var out []string
	for n := 0; k < len(toks) && n < 16; n, k = n+1, k+1 {
		t := &toks[k]
		if t.kind == kNum || t.low == ";" || t.low == "." || t.low == ":" {
			break
		}
		if r, ok := regionAt(toks, k); ok && t.kind == kWord && !contains(out, r.name) {
			out = append(out, r.name)
		}
	}
	return out
}

// bracketRegions reads a region's share given in brackets after its name:
// "over Bryansk (40 drones), Kursk (12) and Oryol", "над Брянською (5 БпЛА)
// та Курською (3 БпЛА) областями". A share for each of several regions named
// before the bracket ("Tula and Kaluga (four each)") gives all of them. The
// figure must fill the bracket; nil when it does not, or no region precedes.
func bracketRegions(toks []token, start, end int) []string {
	if start < 2 || toks[start-1].s != "(" {
		return nil
	}
	each := end < len(toks) && toks[end].low == "each"
	if each {
		end++
	}
	if end >= len(toks) || toks[end].s != ")" {
		return nil
	}
	var out []string
	first := start - 2
	if nameNoun[toks[first].low] {
		first-- // "the Bryansk region (40 drones)"
	}
	for k := first; k >= 0 && k >= start-8; k-- {
		lw := toks[k].low
		if isAnd(lw) && each && len(out) > 0 {
			continue
		}
		r, ok := regionAt(toks, k)
		if !ok || toks[k].kind != kWord {
			break
		}
		if !contains(out, r.name) {
			out = append([]string{r.name}, out...)
		}
		if !each {
			break
		}
	}
	return out
}

// nameNoun: the noun after a region's name ("the Kursk region").
var nameNoun = map[string]bool{"region": true, "oblast": true, "province": true, "область": true, "області": true, "краю": true, "край": true}

// sharesFollow: the places named after a figure carry shares of their own in
// brackets ("14 drones over Oryol (7), Bryansk (5) ..."): the figure is the
// sum over them, no one region's.
func sharesFollow(toks []token, from int) bool {
	for k := from; k+1 < len(toks) && k < from+8; k++ {
		lw := toks[k].low
		if lw == "." || lw == ";" || toks[k].kind == kNum {
			return false
		}
		if toks[k].s == "(" && toks[k+1].kind == kNum {
			return bracketRegions(toks, k+1, k+2) != nil || k+2 < len(toks) && bracketRegions(toks, k+1, k+3) != nil
		}
	}
	return false
}
