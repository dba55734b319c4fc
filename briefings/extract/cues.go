package extract

import "strings"

// Predicates (stage 2): the verbs and nouns that say what happened to the
// weapons a figure counts ("launched", "shot down", "збито/подавлено",
// "локаційно втрачено", "влучання").

// cue is one predicate in a sentence, over tokens [start, end).
type cue struct {
	start, end int
	out        outcome
}

// findCues finds the predicates of a sentence and fills cueAt with the
// outcome of each token (outNone where there is none).
func findCues(toks []token, cueAt []outcome, rs *ruleSet) []cue {
	var out []cue
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != kWord {
			continue
		}
		k, n := cueAt1(toks, i)
		if k == outNone && (attackHeading(toks, i) || inventoryHeading(toks, i)) {
			k, n = outLaunched, 1
		}
		if k == outNone {
			continue
		}
		c := cue{i, i + n, k}
		if o, e := downedAfterAnd(toks, c.end); k == outLaunched && o != outNone {
			c.out, c.end = o, e // "detected and destroyed": the second verb says what the figure counts
		}
		if n == 1 && toks[i].low == "lost" && activeObject(toks, i+1) {
			continue // "Russia lost eight tanks": losses, not drones lost to jamming
		}
		if k == outIntercepted && byJamming(toks, c.end) {
			c.out = outJammed // "N downed by electronic warfare"
		}
		switch {
		case k == outIntercepted || k == outJammed:
			if e, ok := eitherOr(toks, c.end, k); ok && rs.on(ruleEitherOr) {
				c.out, c.end = outCombined, e
			} else if e, ok := bothAnd(toks, c.end, k); ok && rs.on(ruleBothAnd) {
				c.out, c.end = outCombined, e
			}
		}
		out = append(out, c)
		i = c.end - 1
	}
	for _, c := range out {
		for k := c.start; k < c.end; k++ {
			cueAt[k] = c.out
		}
	}
	return out
}

// byJamming: a verb of downing names its means after "by", within a few
// words and in the same clause: electronic warfare or jamming ("downed by
// electronic warfare", "brought down near a depot by electronic jamming",
// "by EW"). The objects were jammed, not shot down, as Russia's
// ministry splits its claims into air defence and electronic warfare.
func byJamming(toks []token, end int) bool {
	for k := end; k+1 < len(toks) && k < end+6; k++ {
		if toks[k].kind == kPunct || toks[k].kind == kNum || toks[k].cue != outNone {
			return false // another clause, figure or verb: its own means
		}
		if toks[k].low != "by" {
			continue
		}
		switch toks[k+1].low {
		case "electronic", "jamming", "ew", "electronic-warfare", "radio-electronic":
			return true
		}
		return false
	}
	return false
}

// cueAt1 matches a predicate at toks[i]: its outcome and length in tokens.
func cueAt1(toks []token, i int) (outcome, int) {
	var pats []cuePat
	if k := bucketKey(toks[i].low); cuePatFilter.may(k) {
		pats = cuePatIndex[k]
	}
	for _, p := range pats {
		if wordsAt(toks, i, p.words) {
			return p.out, len(p.words)
		}
		if o, ok := slashPat(toks, i, p); ok {
			return o, len(p.words)
		}
	}
	return toks[i].cue, 1
}

// slashPat matches "shot down/suppressed": a predicate of several words
// whose last word is joined by a slash to the other of shot down and jammed.
func slashPat(toks []token, i int, p cuePat) (outcome, bool) {
	n := len(p.words)
	if i+n > len(toks) || !wordsAt(toks, i, p.words[:n-1]) {
		return outNone, false
	}
	first, rest, ok := strings.Cut(toks[i+n-1].low, "/")
	if !ok || !match(first, p.words[n-1]) {
		return outNone, false
	}
	if o := cueWord(rest); p.out == outIntercepted && o == outJammed || p.out == outJammed && o == outIntercepted {
		return outCombined, true
	}
	return outNone, false
}

var cuePatIndex = func() map[string][]cuePat {
	m := map[string][]cuePat{}
	for _, p := range cuePats {
		k := bucketKey(strings.TrimSuffix(p.words[0], "*"))
		m[k] = append(m[k], p)
	}
	return m
}()

var cuePatFilter = filterOf(cuePatIndex)

// downedAfterAnd: "and" at j joins a verb of downing or jamming to the
// launch verb before it, with no figure between ("were detected and
// destroyed", "detected and shot down"): that verb's outcome and end.
func downedAfterAnd(toks []token, j int) (outcome, int) {
	if j+1 >= len(toks) || toks[j].low != "and" {
		return outNone, 0
	}
	switch o, n := cueAt1(toks, j+1); o {
	case outIntercepted, outJammed, outCombined:
		return o, j + 1 + n
	}
	return outNone, 0
}

// activeObject: an object follows the verb at k-1 ("lost eight tanks",
// "lost its"): the active voice, where the passive ("were lost", "24 lost
// from radar") has none.
func activeObject(toks []token, k int) bool {
	if k >= len(toks) {
		return false
	}
	switch toks[k].low {
	case "its", "their", "his", "her", "the", "a", "an":
		return true
	}
	return toks[k].kind == kNum
}

func neutralized(w string) bool {
	return strings.HasPrefix(w, "neutrali") || strings.HasPrefix(w, "suppress")
}

// eitherOr: "shot down or jammed", "збито, або подавлено", "jammed or shot
// down", "downed or had their signals jammed": shot down and jammed joined
// by "or" count either. It returns the end of the second predicate.
func eitherOr(toks []token, from int, first outcome) (int, bool) {
	want := outJammed
	if first == outJammed {
		want = outIntercepted
	}
	for j := from; j < len(toks) && j < from+3; j++ {
		lw := toks[j].low
		if lw == "," {
			continue
		}
		if lw != "or" && lw != "або" && lw != "чи" && lw != "and/or" && lw != "/" {
			return 0, false
		}
		for k := j + 1; k < len(toks) && k < j+6; k++ {
			kk, nn := cueAt1(toks, k)
			if kk == want || first == outIntercepted && neutralized(toks[k].low) {
				return k + nn, true // "shot down or neutralised": the Air Force's either
			}
			if kk != outNone {
				return 0, false
			}
		}
		return 0, false
	}
	return 0, false
}

// bothAnd: the Air Force's two verbs of its figure, shot down and jammed,
// joined by a Ukrainian "and" instead of its slash ("збито та подавлено",
// "збили й подавили", "вдалося збити та подавити"): one figure of those shot
// down or jammed, not told apart. The second verb follows the conjunction at
// once; a figure of its own between them ("40 збито, а 12 подавлено", "збито
// 40 і подавлено 12") is a split, not this pair. It returns the end of the
// second predicate.
func bothAnd(toks []token, from int, first outcome) (int, bool) {
	want := outJammed
	if first == outJammed {
		want = outIntercepted
	}
	if from+1 >= len(toks) {
		return 0, false
	}
	switch toks[from].low {
	case "та", "і", "й":
	default:
		return 0, false
	}
	if kk, nn := cueAt1(toks, from+1); kk == want {
		return from + 1 + nn, true
	}
	return 0, false
}

// attackHeading: a Ukrainian attack noun (атака, удар, in the nominative)
// before a colon that opens a count, with no figure or punctuation between
// ("Нічна атака: N дронів і M ракет", "Знову був удар: понад N
// дронів ..."): the counts the colon introduces are the weapons the attack
// used, as after a verb of launching. A colon followed by anything but a
// count, or an attack said to go on ("Атака триває: ..."), is no heading.
func attackHeading(toks []token, i int) bool {
	switch toks[i].low {
	case "атака", "атаки", "удар", "удари":
	default:
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		switch {
		case toks[k].low == ":":
			return k+1 < len(toks) && (toks[k+1].kind == kNum || qualifierWord(toks[k+1].low) != qNone)
		case toks[k].kind == kNum || toks[k].kind == kPunct || ongoingVerb[toks[k].low]:
			return false // "Атака триває: N дронів ще в повітрі": what is still flying, no count of the attack
		}
	}
	return false
}

var ongoingVerb = map[string]bool{"триває": true, "продовжується": true, "триватиме": true}

// inventoryHeading: the Air Force's inventory line without its verb
// ("Усього – 30 засобів повітряного нападу:"). The template heads the list of
// what was launched with "усього" or "загалом" and the means of air attack
// counted; with a verb ("зафіксовано", "виявлено") the verb says so, and
// without one the heading says the same.
func inventoryHeading(toks []token, i int) bool {
	switch toks[i].low {
	case "усього", "всього", "загалом":
	default:
		return false
	}
	k := i + 1
	if k < len(toks) && isDash(toks[k].low) {
		k++
	}
	if k+3 >= len(toks) || toks[k].kind != kNum {
		return false
	}
	return (toks[k+1].low == "засобів" || toks[k+1].low == "засоби") && toks[k+2].low == "повітряного" && toks[k+3].low == "нападу"
}

func isDash(w string) bool { return w == "–" || w == "—" || w == "-" }
