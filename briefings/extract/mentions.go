package extract

import "strings"

// Stage 1: find the figure mentions of a sentence. A mention is a number
// (digits, number words, "all", "both", "a") and the phrase it counts: the
// head noun says the class (drones, missiles, means of air attack, people,
// locations), the words around it the types, the missile class, how exact
// the figure is, and how it relates to other figures ("N of M", "of them",
// "including", "N more").

// mflag marks what the words of a mention say about it.
type mflag uint32

const (
	fAll        mflag = 1 << iota // "all", "all N", "усі"
	fBoth                         // "both": two
	fArticle                      // "a", "an", "one" read as a count
	fRefer                        // "of them", "з них": a part of an earlier phrase
	fEllipsis                     // no head noun ("27 over the Voronezh region")
	fWhole                        // "Of the N drones, A ... and B ...": split by the phrases after it
	fSingular                     // the head noun is singular
	fMixedType                    // the types named are not all ("Shahed and other drones")
	fModelHead                    // the type is the head noun ("76 Shaheds")
	fUkrainian                    // "Ukrainian drones"
	fRussian                      // "Russian drones"
	fEarlier                      // a figure the text says was superseded ("had earlier said N")
	fRevised                      // a corrected figure ("revised to N")
	fImplicit                     // no number: a singular noun counts one ("атакував ракетою")
	fAfterColon                   // joined to the figure before by a colon or dash (a breakdown)
	fNotWeapon                    // "rocket systems", "119 vehicles": a weapon word that counts no munition
	fRecon                        // "one reconnaissance drone": in the sentence's list, but no attack's figure
	fAllBut                       // "all but N": all the launched ones save N (n is the rest, not a count)
	fLone                         // one weapon named by an article ("a drone", "the missile"), no numeral
	fAmong                        // "серед них", "серед яких": a part of the people counted before
	fBracket                      // a region's share in brackets after its name ("Kursk (12)"): its verb left out
)

// mention is one counted phrase: "112 strike and decoy drones", "both
// missiles", "21 over the Bryansk region".
type mention struct {
	n      int
	known  bool // n is a figure (not "all", not a vague quantity)
	qual   qualifier
	vague  string // "dozens", "several_thousand": a quantity without a figure
	flags  mflag
	class  class
	mclass missileClass
	models []string
	ofM    int      // "N of M": the whole, M; 0 when not stated
	but    int      // "all but N": N, the ones the outcome did not befall
	region string   // "over the Bryansk region"
	each   []string // "two each over the Rostov and Saratov regions": each region's own figure
	start  int      // token span
	end    int
}

func (m *mention) has(f mflag) bool { return m.flags&f != 0 }

func (m *mention) addModel(md model) {
	if !contains(m.models, md.name) {
		m.models = append(m.models, md.name)
	}
}

// findMentions finds the counted phrases of a sentence; cueAt gives the
// predicate at each token (outNone where there is none).
func findMentions(toks []token, cueAt []outcome, rs *ruleSet) []mention {
	var out []mention
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != kNum || allBeforeFigure(toks, i) {
			continue
		}
		m, ok := mentionAt(toks, i, cueAt, rs, len(out) > 0)
		if !ok {
			continue
		}
		out = append(out, m)
		if m.end > i+1 {
			i = m.end - 1
		}
	}
	out = appendImplicit(out, toks, cueAt, rs)
	if rs.on(ruleDefiniteAll) {
		out = appendDefinite(out, toks, cueAt)
	}
	return out
}

// appendDefinite adds a plural weapon phrase with no number that did not
// reach its targets ("Крилаті ракети Х-22/32 не досягли цілей", "the
// Kh-59 missiles did not reach their targets"): all the weapons of that
// kind the text counted, as the Air Force writes of a type it launched.
func appendDefinite(out []mention, toks []token, cueAt []outcome) []mention {
	for k := range toks {
		if toks[k].head != classMissile && toks[k].head != classDrone || toks[k].one || inMention(out, k) {
			continue
		}
		start := k
		for start > 0 && start > k-3 && (missileClassAdj(toks[start-1].low) != "" || isModelTok(toks, start-1) || enemyWord(toks[start-1].low)) {
			start--
		}
		if start > 0 && toks[start-1].kind == kNum {
			continue
		}
		m := mention{flags: fAll, start: start}
		from := start
		for from < k && enemyWord(toks[from].low) {
			from++
		}
		m.end = scanNP(toks, from, &m, cueAt)
		q := m.end
		for q < len(toks) && q < m.end+3 && targetWord(toks[q].low) {
			q++
		}
		if m.class == classNone || q >= len(toks) || cueAt[q] != outNotReached {
			continue
		}
		m.end = q // "ракети цілей не досягли": the predicate's object put before it
		at := len(out)
		for at > 0 && out[at-1].start > start {
			at--
		}
		out = append(out, mention{})
		copy(out[at+1:], out[at:])
		out[at] = m
	}
	return out
}

func enemyWord(w string) bool {
	return w == "the" || w == "these" || w == "ворожі" || w == "російські" || w == "enemy"
}

// objectNotReached: the object of "не досягла" put before the verb right
// after a phrase ("ракета цілі не досягла", "ворожа ракета цілей не
// досягла"): the phrase is what did not reach its target.
func objectNotReached(toks []token, cueAt []outcome, end int) (int, bool) {
	q := end
	for q < len(toks) && q < end+2 && targetWord(toks[q].low) {
		q++
	}
	return q, q > end && q < len(toks) && cueAt[q] == outNotReached
}

// targetWord: the object of "не досягли" put before it ("цілей не досягли").
func targetWord(w string) bool {
	return w == "цілей" || w == "цілі" || w == "своїх" || w == "свої" || w == "своєї" || w == "ворожих"
}

// ukSingularHeads are singular weapon nouns that count one without a number,
// as the Air Force writes them ("атакував балістичною ракетою", "збито ракету").
var ukSingularHeads = map[string]bool{"ракетою": true, "ракету": true, "ракета": true, "дроном": true, "безпілотником": true}

// ukMasculineHeads are drone nouns whose singular is the same in the
// nominative and accusative, or that do not decline (БпЛА): one weapon only
// after a masculine singular adjective, in a sentence of downing.
var ukMasculineHeads = map[string]bool{"дрон": true, "безпілотник": true, "бпла": true}

// onlyDowning: the sentence's verbs of weapons are all of downing or
// jamming (no launch, hit or debris).
func onlyDowning(cueAt []outcome) bool {
	down := false
	for _, o := range cueAt {
		switch o {
		case outIntercepted, outJammed, outCombined:
			down = true
		case outLaunched, outHit, outDebris:
			return false
		}
	}
	return down
}

// appendImplicit adds the mentions of singular nouns without a number, in
// the order of the sentence: the Air Force's "атакував балістичною ракетою",
// and "the missile" of a report that named it before.
func appendImplicit(out []mention, toks []token, cueAt []outcome, rs *ruleSet) []mention {
	for k := range toks {
		if inMention(out, k) {
			continue
		}
		if toks[k].head == classPerson && rs.on(ruleUkSingular) {
			if start, ok := singularPerson(toks, k); ok {
				out = insertMention(out, mention{n: 1, known: true, flags: fImplicit | fSingular, class: classPerson, start: start, end: k + 1})
			}
			continue
		}
		if toks[k].head != classMissile && toks[k].head != classDrone {
			continue
		}
		start, ok := implicitStart(toks, k, rs)
		if !ok || ukMasculineHeads[toks[k].low] && !onlyDowning(cueAt) {
			continue // "ворожий дрон атакував автобус": one drone's incident, no count
		}
		m := mention{n: 1, known: true, flags: fImplicit | fSingular, start: start}
		if enDefiniteHeads[toks[k].low] {
			m.flags |= fLone
		}
		m.end = scanNP(toks, start, &m, cueAt)
		ends := phraseEnds(toks, m.end) || ukSingularHeads[toks[k].low] && m.end < len(toks) && isAnd(toks[m.end].low)
		if q, ok := objectNotReached(toks, cueAt, m.end); ok && ukSingularHeads[toks[k].low] {
			m.end, ends = q, true // the verb's object put before it belongs to the phrase
		}
		if m.class == classNone || !ends {
			continue // "балістичною ракетою та ракетою": a Ukrainian noun joined to the next is still one
		}
		if reg, ok := locativeRegion(toks, m.end); ok {
			m.region = reg // "ракету збили над Київщиною": the region's share, as a counted phrase's
		}
		out = insertMention(out, m)
	}
	return out
}

// insertMention puts m among the mentions in the order of the sentence.
func insertMention(out []mention, m mention) []mention {
	at := len(out)
	for at > 0 && out[at-1].start > m.start {
		at--
	}
	out = append(out, mention{})
	copy(out[at+1:], out[at:])
	out[at] = m
	return out
}

// singularPerson: a singular person noun right after a Ukrainian casualty
// verb ("загинув 35-річний чоловік", "поранено жінку") counts one.
func singularPerson(toks []token, k int) (int, bool) {
	if !toks[k].one || !isCyrillicWord(toks[k].low) {
		return 0, false
	}
	q := k - 1
	if q >= 0 && (toks[q].kind == kWord && strings.HasSuffix(toks[q].low, "річний") || strings.HasSuffix(toks[q].low, "річна") || toks[q].low == "літній" || toks[q].low == "літня") {
		q-- // an age before the noun
	}
	if q < 0 || !toks[q].cue.people() || q+1 < k && toks[q+1].kind == kNum {
		return 0, false
	}
	return k, true
}

// implicitStart: the phrase of a singular weapon noun at k that counts one
// without a number, and where it starts.
func implicitStart(toks []token, k int, rs *ruleSet) (int, bool) {
	lw := toks[k].low
	if !ukSingularHeads[lw] && !enDefiniteHeads[lw] && !ukMasculineHeads[lw] && lw != "ракети" {
		return 0, false
	}
	start := k
	for start > 0 && start > k-3 && (missileClassAdj(toks[start-1].low) != "" || npMods[toks[start-1].low] || isModelTok(toks, start-1)) && toks[start-1].low != "the" && toks[start-1].low != "a" && !isAnd(toks[start-1].low) {
		start--
	}
	switch {
	case ukSingularHeads[lw] && rs.on(ruleUkSingular):
		return start, start == 0 || toks[start-1].kind != kNum
	case lw == "ракети" && (start < k && strings.HasSuffix(toks[k-1].low, "ої") || start > 0 && genitiveHead(toks[start-1].low)) && rs.on(ruleUkSingular):
		// "влучання балістичної ракети", "влучання ракети": after a noun that
		// takes the genitive, or with a feminine adjective, "ракети" is one missile
		return start, start == 0 || toks[start-1].kind != kNum
	case ukMasculineHeads[lw] && start < k && strings.HasSuffix(toks[start].low, "ий") && rs.on(ruleUkSingular):
		// "збили ворожий ударний дрон", "знищив ворожий БПЛА": a masculine
		// singular adjective makes the noun (the same in the nominative and
		// accusative, or indeclinable) one weapon
		return start, start == 0 || toks[start-1].kind != kNum
	case enDefiniteHeads[lw] && rs.on(ruleDefiniteOne):
		return start, start > 0 && toks[start-1].low == "the"
	}
	return 0, false
}

// genitiveHead: a noun of the Air Force's hit and debris lines that the
// counted noun follows in the genitive ("влучання ракети").
func genitiveHead(w string) bool {
	return w == "влучання" || w == "падіння" || w == "уламки" || w == "уламків"
}

// enDefiniteHeads are singular weapon nouns that "the" makes one weapon.
var enDefiniteHeads = map[string]bool{"missile": true, "rocket": true, "drone": true, "uav": true}

func inMention(ms []mention, k int) bool {
	for i := range ms {
		if ms[i].start <= k && k < ms[i].end {
			return true
		}
	}
	return false
}

// allBeforeFigure: "all" that belongs to the figure after it ("all 29
// drones", "all of the 35 drones").
func allBeforeFigure(toks []token, i int) bool {
	if !toks[i].all {
		return false
	}
	k := i + 1
	if k < len(toks) && toks[k].low == "of" {
		k++
	}
	if k < len(toks) && (toks[k].low == "the" || toks[k].low == "these" || toks[k].low == "those") {
		k++
	}
	return k < len(toks) && toks[k].kind == kNum && !toks[k].vague && !toks[k].all
}

// allBut: "all but 19 of the drones were downed": the figure is what was
// not; what was is the launched figure less it (applyAll), and nothing when
// no launched figure is stated.
func allBut(toks []token, i int) bool {
	return i >= 2 && (toks[i-1].low == "but" || toks[i-1].low == "except") && toks[i-2].all
}

// allAt: the figure at i follows "all", "all of the".
func allAt(toks []token, i int) bool {
	k := i - 1
	if k >= 0 && (toks[k].low == "the" || toks[k].low == "these" || toks[k].low == "those") {
		k--
	}
	if k >= 0 && toks[k].low == "of" {
		k--
	}
	return k >= 0 && toks[k].all
}

// strikesNoun: the Ukrainian plural noun of strikes (not the adjective
// ударні, strike drones), which counts blows, not weapons.
var strikesNoun = map[string]bool{"удари": true, "ударів": true, "ударами": true, "ударам": true, "ударах": true}

// mentionAt reads the mention whose number is toks[i].
func mentionAt(toks []token, i int, cueAt []outcome, rs *ruleSet, hasPrev bool) (mention, bool) {
	t := &toks[i]
	but := allBut(toks, i)
	if isDateNumber(toks, i) || oneOfMost(toks, i) || machSpeed(toks, i) || but && (!rs.on(ruleAllBut) || t.vague || t.all) {
		return mention{}, false
	}
	if t.vague && i+1 < len(toks) && strikesNoun[toks[i+1].low] {
		return mention{}, false // "кілька ударів", "десятків ударів": a number of strikes, no weapons
	}
	m := mention{start: i}
	switch {
	case but:
		m.flags |= fAll | fAllBut // "all but 16 were shot down": the launched ones save 16
		m.but = t.n
	case t.vague:
		m.vague = t.low
	case t.all:
		m.flags |= fAll
	default:
		m.n, m.known = t.n, true
	}
	if t.both {
		m.flags |= fBoth
	}
	if t.art {
		m.flags |= fArticle
		if t.low == "a" || t.low == "an" {
			m.flags |= fLone
		}
	}
	if allAt(toks, i) && rs.on(ruleAllN) {
		m.flags |= fAll
	}
	readBefore(&m, toks, i, rs)
	j := readRange(&m, toks, i, rs)
	j = readRelations(&m, toks, j, rs)
	j = scanNP(toks, j, &m, cueAt)
	j = readWholeAfter(&m, toks, j)
	readAside(&m, toks, j)
	m.end = j
	if !keepMention(&m, toks, i, cueAt, hasPrev, rs) || m.class == classDrone && americanDrone(toks, i, m.end) {
		return mention{}, false
	}
	if m.class == classPerson || m.class == classLocation {
		return m, true // people and places have no region's share
	}
	brackets := rs.on(ruleBracketShare)
	if reg, ok := locativeRegion(toks, m.end); ok && !(brackets && sharesFollow(toks, m.end)) {
		m.region = reg
	}
	if brackets && bracketShare(&m, toks, i, rs) {
		return m, true
	}
	if !rs.on(ruleEach) {
		return m, true
	}
	regs := eachRegions(toks, m.end)
	if regs == nil {
		regs = eachRegionsUk(toks, i, m.end)
	}
	if len(regs) > 1 {
		m.region, m.each = "", regs
	}
	return m, true
}

// bracketShare reads a region's share in brackets after its name ("over
// Kursk (12 drones), Oryol (5)"): the figure is that region's, or each
// region's when several are named before "(N each)". It reports whether
// the figure was spread over several regions.
func bracketShare(m *mention, toks []token, i int, rs *ruleSet) bool {
	regs := bracketRegions(toks, i, m.end)
	switch {
	case len(regs) == 1 && m.region == "":
		m.region = regs[0]
		m.flags |= fBracket
	case len(regs) > 1 && rs.on(ruleEach):
		m.region, m.each = "", regs
		m.flags |= fBracket
		return true
	}
	return false
}

// readBefore reads the words before the number: a qualifier ("more than"),
// "Of the", and whether the text says the figure was superseded or revised.
func readBefore(m *mention, toks []token, i int, rs *ruleSet) {
	q, qn := qualifierBefore(toks, i)
	m.qual = q
	back := i - 1 - qn
	if wholeBefore(toks, back) && rs.on(ruleNOfM) {
		m.flags |= fWhole
	}
	if rs.on(ruleCorrection) {
		m.flags |= correctionBefore(toks, back)
	}
	if amongBefore(toks, back) {
		m.flags |= fAmong
	}
}

// amongBefore: the words ending at k are "серед них" or "серед яких" (among
// them, among whom): what follows is a part of a group told before ("поранено
// 12 людей, серед них двоє дітей"), also when the group had no number
// ("постраждали люди, серед яких троє дітей").
func amongBefore(toks []token, k int) bool {
	return k >= 1 && (toks[k].low == "них" || toks[k].low == "яких") && toks[k-1].low == "серед"
}

// readRange reads a range: "40-50 drones", "from 40 to 50", "between 40 and
// 50", "від 40 до 50". The figure is the lower end, read as "at least".
func readRange(m *mention, toks []token, i int, rs *ruleSet) int {
	if !rs.on(ruleRange) || !m.known {
		return i + 1
	}
	if toks[i].hi > m.n {
		if m.qual == qNone {
			m.qual = qAtLeast
		}
		return i + 1
	}
	if i+2 >= len(toks) || toks[i+2].kind != kNum || toks[i+2].n <= m.n || toks[i+2].vague || toks[i+2].all {
		return i + 1
	}
	mid, before := toks[i+1].low, ""
	if i > 0 {
		before = toks[i-1].low
	}
	ok := (mid == "to" && (before == "from" || before == "between")) || (mid == "and" && before == "between") ||
		(mid == "до" && (before == "від" || before == "з")) || (mid == "to" && before != "up")
	if !ok || isDateNumber(toks, i+2) {
		return i + 1
	}
	if m.qual == qNone || m.qual == qUpTo {
		m.qual = qAtLeast
	}
	return i + 3
}

// allPronoun: the pronoun after "all" that refers to a figure told before
// ("all of them", "усі з них", and the Ukrainian nominative and accusative
// "всі вони були збиті", "всіх їх знищили").
func allPronoun(w string) bool {
	switch w {
	case "them", "них", "вони", "їх":
		return true
	}
	return false
}

// readRelations reads what follows the number before its noun: "all of
// them", "N of M", "N out of (the) M", "N of them", "N з них".
func readRelations(m *mention, toks []token, j int, rs *ruleSet) int {
	if m.has(fAll) && !m.known {
		for j < len(toks) && (toks[j].low == "the" || toks[j].low == "of" || toks[j].low == "these" || toks[j].low == "those") {
			j++
		}
		if j < len(toks) && allPronoun(toks[j].low) {
			m.flags |= fRefer
			j++
		}
	}
	if k, ok := ofWhole(toks, j); ok && rs.on(ruleNOfM) {
		m.ofM = toks[k].n
		j = k + 1
	}
	if j+1 < len(toks) && toks[j].low == "of" {
		switch toks[j+1].low {
		case "them", "these", "those", "which", "the":
			m.flags |= fRefer
			if !partOfWeapons(toks, j+1) {
				// "one of the districts", "one of the largest attacks": a
				// part of places or events, no count of weapons
				m.flags |= fNotWeapon
			}
			j += 2
		default:
			if m.vague != "" {
				j++ // "dozens of drones"
			}
		}
	} else if j+1 < len(toks) && isFromWord(toks[j].low) && (toks[j+1].low == "них" || toks[j+1].low == "яких") {
		m.flags |= fRefer
		j += 2
	}
	return j
}

// partOfWeapons: the words after "N of" at k refer to weapons: "them",
// "which", "these", "those", or "the" opening a noun phrase that names a
// weapon or a type before the phrase ends ("the drones", "the Shaheds"; not
// "the districts", "the largest attacks").
func partOfWeapons(toks []token, k int) bool {
	if toks[k].low != "the" {
		return true
	}
	for q := k + 1; q < len(toks) && q <= k+6; q++ {
		t := &toks[q]
		if t.head.weapon() || t.model {
			return true
		}
		if t.kind == kPunct || t.kind == kNum || t.low == "of" || t.low == "in" || t.low == "over" || isAnd(t.low) {
			return false
		}
	}
	return k+7 < len(toks) // a long phrase is left to the noun reader
}

func isFromWord(w string) bool { return w == "з" || w == "із" || w == "зі" }

// ofWhole finds the whole of "N of M", "N out of M", "N out of the M",
// "N of the M", "N з M" at j: the index of M.
func ofWhole(toks []token, j int) (int, bool) {
	k := j
	switch {
	case k < len(toks) && toks[k].low == "out" && k+1 < len(toks) && toks[k+1].low == "of":
		k += 2
	case k < len(toks) && toks[k].low == "out": // "8 out 12"
		k++
	case k < len(toks) && (toks[k].low == "of" || isFromWord(toks[k].low)):
		k++
	default:
		return 0, false
	}
	if k < len(toks) && toks[k].low == "the" {
		k++
	}
	if k >= len(toks) || toks[k].kind != kNum || toks[k].n <= 0 || toks[k].art || toks[k].vague || isDateNumber(toks, k) {
		return 0, false
	}
	return k, true
}

// readWholeAfter reads "N дронів зі M", "N drones of M" after the phrase.
func readWholeAfter(m *mention, toks []token, j int) int {
	if m.ofM > 0 || m.class == classNone {
		return j
	}
	if j+1 < len(toks) && (isFromWord(toks[j].low) || toks[j].low == "of") && toks[j+1].kind == kNum && toks[j+1].n > 0 && !isDateNumber(toks, j+1) {
		m.ofM = toks[j+1].n
		return j + 2
	}
	return j
}

// readAside: "173 БпЛА типу Shahed (...), Гербера": more types after an
// aside make the type not the only one.
func readAside(m *mention, toks []token, j int) {
	if len(m.models) == 0 || m.has(fMixedType) {
		return
	}
	q := j
	if q < len(toks) && toks[q].s == "(" {
		for q < len(toks) && q < j+14 && toks[q].s != ")" {
			q++
		}
		q++
	}
	if q+1 >= len(toks) || !(toks[q].s == "," || isAnd(toks[q].low)) {
		return
	}
	for r := q + 1; r < len(toks) && r < q+5 && toks[r].kind != kNum; r++ {
		lw := toks[r].low
		if isModelTok(toks, r) || lw == "other" || lw == "інших" || lw == "різних" || lw == "various" || lw == "decoys" {
			m.flags |= fMixedType
			return
		}
		if toks[r].kind == kPunct && !isQuote(toks[r].s) {
			return
		}
	}
}

func isAnd(w string) bool { return w == "and" || w == "та" || w == "і" || w == "й" }

// keepMention drops numbers that count nothing the reader knows.
func keepMention(m *mention, toks []token, i int, cueAt []outcome, hasPrev bool, rs *ruleSet) bool {
	j := m.end
	if m.has(fNotWeapon) {
		return false
	}
	if m.has(fBoth) && j < len(toks) && isAnd(toks[j].low) {
		return false // "both drones and missiles": a pair of classes, not two weapons
	}
	if m.has(fArticle) && !(m.ofM > 0 || m.has(fRefer)) {
		if indefinite(toks[i].low) && !articleCounts(m, toks, j) {
			return false // "a drone attack", "a missile and drone barrage"
		}
		if m.class != classNone && m.class != classPerson && !phraseEnds(toks, j) {
			return false // "one drone attack"; "one person and ..." is a person
		}
	}
	if m.class != classNone || m.has(fRefer) || m.has(fAllBut) {
		return true
	}
	for k := i + 1; k < j; k++ {
		if lw := toks[k].low; toks[k].kind == kWord && !npMods[lw] && !passiveSkip[lw] {
			return false // "N shop assistants": a noun the reader does not know
		}
	}
	if rs.on(ruleLocationsAfter) && placesAfterHit(toks, i, j, cueAt) {
		m.class = classLocation // "падіння збитих (уламки) на 5.": the locations' noun left out
		return true
	}
	if rs.on(ruleEllipsis) && (ellipsisAt(toks, i, j, cueAt, hasPrev) || hasPrev && rs.on(ruleBracketShare) && bracketRegions(toks, i, j) != nil) {
		m.flags |= fEllipsis
		return true
	}
	return false
}

// placesAfterHit: "на N" closing a clause after a hit or debris predicate,
// its noun ("локаціях") left out, as the Air Force's lines sometimes end.
func placesAfterHit(toks []token, i, j int, cueAt []outcome) bool {
	if i == 0 || toks[i-1].low != "на" || j < len(toks) && toks[j].kind != kPunct && !isAnd(toks[j].low) && toks[j].low != "а" {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if cueAt[k] == outHit || cueAt[k] == outDebris {
			return true
		}
	}
	return false
}

func indefinite(w string) bool { return w == "a" || w == "an" }

// articleCounts: "a missile", "an Iskander-M" count one when the phrase ends there.
func articleCounts(m *mention, toks []token, j int) bool {
	if m.class == classNone {
		return false
	}
	singular := m.has(fSingular) || (m.has(fModelHead) && !strings.HasSuffix(toks[j-1].low, "s"))
	// a person phrase names no compound ("a man and ...", not "a drone and missile barrage")
	return singular && (m.class == classPerson || phraseEnds(toks, j))
}

// ellipsisAt: a number without a noun whose class is that of the phrase
// before ("27 over the Voronezh region", "with 21 shot down", "14 were wounded").
func ellipsisAt(toks []token, i, j int, cueAt []outcome, hasPrev bool) bool {
	k := j
	for k < len(toks) && (toks[k].low == "more" || toks[k].low == "others" || toks[k].low == "ще" || toks[k].low == "each") {
		k++
	}
	if k < len(toks) {
		lw := toks[k].low
		if cueAt[k] != outNone || passiveSkip[lw] || lw == "over" || lw == "in" || lw == "над" || lw == "на" || lw == "being" {
			return true
		}
	}
	if i == 0 {
		return false
	}
	p := toks[i-1].low
	if !hasPrev {
		// "the missiles, of which it shot down two": a weapon named before in
		// the clause; "a strike on X kills 10", "attacks kill 17": people, the
		// headline's count of the dead or hurt
		return (cueAt[i-1] != outNone || p == "to" || p == "до") && headBefore(toks, i) != classNone || cueAt[i-1].people() ||
			p == "до" && roseToPeople(toks, i-1, func(b int) outcome { return cueAt[b] })
	}
	return cueAt[i-1] != outNone || p == "with" || p == "і" || p == "and" || p == ","
}

// roseWords: "rose", "grew" of a number, the verb of an update of a toll.
var roseWords = map[string]bool{"зросла": true, "зросло": true, "зріс": true, "збільшилася": true, "збільшилась": true, "збільшилося": true}

// roseToPeople: "до" at k closes "кількість поранених (у місті) зросла до":
// the number after it is the updated count of the dead or hurt the clause
// names, with no noun of people after it.
func roseToPeople(toks []token, k int, cueOf func(int) outcome) bool {
	if k < 1 || toks[k].low != "до" || !roseWords[toks[k-1].low] {
		return false
	}
	for b := k - 2; b >= 0 && b >= k-10 && toks[b].kind != kPunct; b-- {
		if cueOf(b).people() {
			return true
		}
	}
	return false
}

// wholeBefore: the number after toks[k] opens its clause with "of (the|these)",
// "out of", "з/із" ("Of the N drones, ..."): the phrases after it split it.
func wholeBefore(toks []token, k int) bool {
	if k >= 0 && (toks[k].low == "the" || toks[k].low == "these" || toks[k].low == "those") {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].low {
	case "of", "з", "із", "зі":
		if k >= 1 && toks[k].low == "of" && toks[k-1].low == "out" {
			k--
		}
	default:
		return false
	}
	if k == 0 {
		return true
	}
	p := toks[k-1]
	return p.kind == kPunct && (p.s == "," || p.s == ";" || p.s == ":" || p.s == "—" || p.s == "–" || isQuote(p.s))
}

// correctionBefore: the clause says the figure was given earlier and
// superseded ("had earlier said", "initially reported", "спочатку") or is a
// correction ("revised to", "corrected to", "updated to", "уточнено до").
func correctionBefore(toks []token, back int) mflag {
	for k := back; k >= 0 && k >= back-8; k-- {
		switch lw := toks[k].low; lw {
		case ".", ";", "but", "але", "а":
			return 0
		case "initially", "originally", "спочатку":
			return fEarlier
		case "earlier", "previously", "раніше", "попередньо":
			if nearSaid(toks, k) {
				return fEarlier
			}
		case "revised", "corrected", "updated", "raised", "lowered", "уточнено", "уточнили", "оновлено", "збільшено":
			for q := k + 1; q <= back; q++ {
				if toks[q].low == "to" || toks[q].low == "до" {
					return fRevised
				}
			}
		}
	}
	return 0
}

// nearSaid: a reporting verb next to toks[k] ("said earlier", "earlier reported").
func nearSaid(toks []token, k int) bool {
	for q := k - 2; q <= k+2; q++ {
		if q >= 0 && q < len(toks) && q != k && saidWords[toks[q].low] {
			return true
		}
	}
	return false
}

// phraseEnds: a counted phrase ends at k (not "a drone attack", "a drone and
// missile barrage", "a drone assault", "a missile blitz": a weapon noun
// before a noun of attack names the attack's kind, not one weapon).
func phraseEnds(toks []token, k int) bool {
	if k >= len(toks) {
		return true
	}
	t := &toks[k]
	if t.kind == kPunct {
		return true
	}
	if isAnd(t.low) && k+1 < len(toks) && toks[k+1].kind == kNum {
		return true
	}
	if attackNoun(t.low) || facilityAt(toks, k) {
		return false
	}
	switch t.low {
	case "and", "or", "та", "і", "й", "alert", "operator", "operators", "pilot", "pilots", "unit", "units", "war", "warfare", "атака", "атаку", "удар":
		return false
	}
	return true
}

// machSpeed: a number after "Mach" ("Mach N", "up to Mach N") is a speed,
// never a count.
func machSpeed(toks []token, i int) bool { return i > 0 && toks[i-1].low == "mach" }

// americanDrone: the drone phrase from i to end is an American one ("an
// American drone", "the U.S. military drone", "a US Reaper drone", "the
// downed MQ-9"): a third state's drone, downed or hit by whoever met it,
// not a drone of Russia's or Ukraine's attacks on each other.
func americanDrone(toks []token, i, end int) bool {
	for k := i; k < end && k < len(toks); k++ {
		switch toks[k].low {
		case "american", "us", "reaper", "mq-9", "mq-9s":
			return true
		case "u":
			if k+2 < len(toks) && toks[k+1].low == "." && toks[k+2].low == "s" {
				return true
			}
		}
	}
	return false
}

// oneOfMost: the word "one" before "of", a determiner or possessive and a
// superlative ("one of the largest raids", "one of its heaviest
// barrages", "one of the most intense nights") ranks the attack among
// others; it counts nothing.
func oneOfMost(toks []token, i int) bool {
	if toks[i].low != "one" || i+2 >= len(toks) || toks[i+1].low != "of" {
		return false
	}
	for k := i + 2; k < len(toks) && k <= i+4; k++ {
		w := toks[k].low
		if toks[k].kind != kWord {
			if w == "'" || w == "’" {
				continue // a possessive's apostrophe
			}
			return false
		}
		if w == "most" || w == "worst" || len(w) > 5 && strings.HasSuffix(w, "est") {
			return true
		}
	}
	return false
}

// isDateNumber: "October 21", "02 липня", "Dec. 27, 2025", years.
func isDateNumber(toks []token, i int) bool {
	t := &toks[i]
	if t.words || t.vague || t.all || t.both {
		return false
	}
	if t.n >= 1900 && t.n <= 2100 && len(t.s) == 4 {
		return true
	}
	if i+1 < len(toks) && toks[i+1].month > 0 && t.n <= 31 {
		return true
	}
	if i >= 1 && toks[i-1].month > 0 && t.n <= 31 {
		return true
	}
	return i >= 2 && toks[i-1].low == "." && toks[i-2].month > 0 && t.n <= 31
}

func isQuote(s string) bool {
	switch s {
	case "\"", "'", "“", "”", "«", "»", "„", "’", "‘":
		return true
	}
	return false
}

// modelAt resolves a type at toks[k], with "Storm Shadow" over two tokens.
func modelAt(toks []token, k int) (model, bool) {
	if toks[k].low == "storm" && k+1 < len(toks) && toks[k+1].low == "shadow" {
		return modelIndex["Storm Shadow"], true
	}
	if toks[k].kind != kWord || !toks[k].model {
		return model{}, false
	}
	return modelOf(toks[k].low)
}

func isModelTok(toks []token, k int) bool {
	_, ok := modelAt(toks, k)
	return ok
}
