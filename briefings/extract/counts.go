package extract

import "strings"

// Stage 2: decide what each figure counts. A figure takes the outcome of
// the predicate that governs it: one after its phrase ("319 drones and 25
// missiles were shot down"), else the nearest before it ("air defence shot
// down 80 drones"), else the header of the list it is a bullet of, else that
// of the phrase it refers to ("of them", "27 over the Voronezh region").

// figure is a mention with what it counts.
type figure struct {
	mention
	out    outcome
	group  int  // figures joined by "and" share a group
	subset bool // a part (a type) of the figure it refers to
}

// countState is what one sentence leaves to the next.
type countState struct {
	listCue outcome // the predicate of a list header ("противник атакував:"), for its bullets
	last    figure  // the last counted weapon figure: the referent of "of them"
	hasLast bool
	group   int
}

// fwCue is the predicate after a group of figures.
type fwCue struct {
	out    outcome
	direct bool // right after the phrase ("drones launched by Russia")
	at     int  // its token; -1 when there is none
	group  int  // the group it follows
}

// countFigures gives each mention of a sentence its outcome; it returns the
// figures that count something.
func countFigures(s *sentence, ms []mention, cues []cue, cueAt []outcome, st *countState, rs *ruleSet) []figure {
	if len(ms) == 0 {
		return nil
	}
	toks := s.toks
	fs := make([]figure, len(ms))
	for i := range ms {
		fs[i].mention = ms[i]
	}
	groupFigures(fs, toks, st)
	if rs.on(ruleRegionShare) {
		shareLocatives(fs, toks)
	}
	if reg, ok := frontLocative(toks, fs[0].start); ok && rs.on(ruleFrontPlace) {
		for i := range fs {
			if fs[i].region == "" && fs[i].class != classPerson && fs[i].class != classLocation && !fs[i].has(fArticle) {
				fs[i].region = reg // "Над Київщиною збито 10 дронів"
			}
		}
	}
	fw := forwardCues(fs, toks, cueAt, rs)
	out := make([]figure, 0, len(fs))
	var prev *figure
	for i := range fs {
		f := &fs[i]
		if countOne(f, prev, fw, i, s, cues, cueAt, st, rs) {
			out = append(out, spreadEach(f)...)
		} else if f.out == outNone && f.known && f.class.weapon() && i+1 < len(fs) && wholeOfPart(toks, f, &fs[i+1]) && rs.on(ruleNOfM) {
			// "a total of 40 drones, 35 of which were downed": with no verb of
			// its own, the whole is the number launched, as "Of the 40 drones,
			// 35 ..." is
			f.out = outLaunched
			out = append(out, *f)
		}
		if f.class != classNone || f.vague != "" || f.has(fAll) {
			prev = f
		}
	}
	return out
}

// spreadEach gives a figure stated for each of several regions to each of
// them, as that region's share ("one each over the Kursk and Oryol
// regions": one over Kursk, one over Oryol).
func spreadEach(f *figure) []figure {
	if len(f.each) < 2 {
		return []figure{*f}
	}
	out := make([]figure, len(f.each))
	for k, reg := range f.each {
		out[k] = *f
		out[k].region, out[k].each = reg, nil
	}
	return out
}

// wholeOfPart: the next figure is a part of f, after a comma that closes
// f's phrase ("40 drones, 35 of which", "52 drones overnight, 45 of them"):
// no verb and no other number between them.
func wholeOfPart(toks []token, f, next *figure) bool {
	if !next.has(fRefer) || next.has(fWhole) || next.start <= f.end || next.start-f.end > 5 || toks[next.start-1].low != "," {
		return false
	}
	for k := f.end; k < next.start; k++ {
		if toks[k].cue != outNone || toks[k].kind == kNum {
			return false
		}
	}
	return true
}

// countOne decides what f counts; false when it counts nothing the reader reports.
func countOne(f *figure, prev *figure, fw []fwCue, i int, s *sentence, cues []cue, cueAt []outcome, st *countState, rs *ruleSet) bool {
	resolveClass(f, prev, s.toks, st, rs)
	if f.class == classNone && f.vague == "" && !f.has(fAll) {
		return false
	}
	f.out = chooseOutcome(f, prev, fw, i, s, cues, st, rs)
	if f.has(fRecon) {
		return false
	}
	if f.out == outLaunched && rs.on(ruleIncident) && incidentWeapon(s.toks, f, cueAt) {
		return false // "a drone attacked a bus": one incident, no launch count
	}
	if f.out == outLaunched && rs.on(ruleIncident) && ukIncidentWeapon(s.toks, f, cueAt) {
		return false // the Ukrainian "attacked a car with a drone": one incident
	}
	if f.class != classPerson && rs.on(ruleIrrealis) && irrealis(s.toks, f, cues, fw[i]) {
		return false // "to shoot down N missiles, you need ...": no count of an attack
	}
	if f.has(fImplicit) && f.out == outLaunched && f.start > 0 && s.toks[f.start-1].low == "the" {
		// "the drone was spotted on radar": a drone named before, no count of a
		// launch; the rule counts one only where it is downed or hits
		// ("destroyed the missile")
		return false
	}
	if f.has(fWhole) && f.known && f.out == outNone && f.class.weapon() {
		return true // "Of the N drones, ...": attach decides what N is
	}
	referSubset(f, prev, s.toks, cueAt, st, rs)
	if f.out == outNone || f.out == outIgnored || f.class == classPerson != f.out.people() {
		return false
	}
	if f.class == classLocation && groundTally(s.toks, f.start) {
		return false // "struck manpower and hardware in 142 locations": the front line's daily tally
	}
	if f.class == classLocation && f.out != outHit && f.out != outDebris {
		// "on 33 locations" after a hit predicate further back
		b, _ := backCueAt(cues, f.start, f.class, outHit, outDebris)
		if b == outNone {
			return false
		}
		f.out = b
	}
	return true
}

// forwardCues gives each group of figures the predicate after it. A
// Ukrainian verb in the singular ("ракетою Х-31 не досягла цілі") governs
// only the phrase right before it, not the whole group.
func forwardCues(fs []figure, toks []token, cueAt []outcome, rs *ruleSet) []fwCue {
	fw := make([]fwCue, len(fs))
	for i := range fs {
		if i+1 < len(fs) && fs[i+1].group == fs[i].group {
			continue
		}
		c := forwardCue(toks, cueAt, fs[i].end, rs)
		c.group = fs[i].group
		single := c.at >= 0 && (c.direct && singularVerbAt(toks, cueAt, c.at) || bareSubject(fs, i) || whereasClause(fs, toks, i)) && rs.on(ruleSingularVerb)
		for k := i; k >= 0 && fs[k].group == fs[i].group; k-- {
			fw[k] = c
			if single && k < i {
				fw[k] = fwCue{at: -1, group: c.group}
			}
		}
	}
	return fw
}

// bareSubject: the last phrase of a group is a number alone with its own
// verb right after it ("destroyed 25 drones and 27 disappeared", "збили
// 40 дронів, а 12 були подавлені"): it opens a clause of its own, so the
// verb is not the earlier phrases'.
func bareSubject(fs []figure, i int) bool {
	return i > 0 && fs[i-1].group == fs[i].group && fs[i].end == fs[i].start+1
}

// singularVerbAt: the predicate starting at k ends in a Ukrainian past
// singular ("досягла", "влучив"), not a plural ("досягли").
func singularVerbAt(toks []token, cueAt []outcome, k int) bool {
	e := k
	for e+1 < len(toks) && cueAt[e+1] == cueAt[k] {
		e++
	}
	w := toks[e].low
	if strings.HasSuffix(w, "ли") || !isCyrillicWord(w) {
		return false
	}
	return strings.HasSuffix(w, "ла") || strings.HasSuffix(w, "ло") || strings.HasSuffix(w, "в") || w == "досяг"
}

// whereasClause: the last phrase of a group follows the Ukrainian "а"
// (whereas) and has a verb of its own after it ("знищили N дронів, а M
// імітаторів не досягли цілей"): "а" opens a clause with a new subject, so
// its verb is not the earlier phrases'. "а також" (as well as) still joins
// a list.
func whereasClause(fs []figure, toks []token, i int) bool {
	if i == 0 || fs[i-1].group != fs[i].group {
		return false
	}
	for k := fs[i-1].end; k < fs[i].start; k++ {
		if toks[k].low == "а" {
			return toks[k+1].low != "також"
		}
	}
	return false
}

func isCyrillicWord(w string) bool {
	for _, r := range w {
		return r >= 'а' && r <= 'я' || r == 'і' || r == 'ї' || r == 'є' || r == 'ґ'
	}
	return false
}

// ukInstrumental: a Ukrainian weapon phrase in the instrumental case, the
// case of the weapons an attack used ("противник атакував 96 ударними
// БпЛА"), when no preposition governs it ("з", "над").
func ukInstrumental(toks []token, f *figure) bool {
	if !f.class.weapon() || f.start > 0 && instrPreposition[toks[f.start-1].low] {
		return false
	}
	for k := f.start; k < f.end && k < len(toks); k++ {
		w := toks[k].low
		switch {
		case toks[k].kind == kNum && (strings.HasSuffix(w, "ма") || strings.HasSuffix(w, "ією") || strings.HasSuffix(w, "ним")):
			return true
		case toks[k].kind == kWord && isCyrillicWord(w) && (strings.HasSuffix(w, "ими") || strings.HasSuffix(w, "ами") || strings.HasSuffix(w, "ями") || strings.HasSuffix(w, "ою")):
			return true // "ударними БпЛА", "балістичною ракетою"
		}
	}
	return false
}

// enAttackWords name an attack or its verb; a weapon figure after "with"
// in their clause is what the attack used ("pounds the capital with 90
// drones", "a wave of raids, with 200 drones aimed at the west").
var enAttackWords = map[string]bool{
	"attack": true, "attacks": true, "attacked": true, "attacking": true, "strike": true, "strikes": true,
	"struck": true, "hit": true, "hits": true, "batters": true, "battered": true, "batter": true,
	"pounds": true, "pounded": true, "pound": true, "pummels": true, "pummelled": true, "pummeled": true,
	"bombards": true, "bombarded": true, "hammers": true, "hammered": true,
	"assault": true, "assaults": true, "barrage": true, "raid": true, "raids": true, "onslaught": true,
}

// enInstrumental: an English weapon figure right after "with" ("with more
// than 700 drones"), in a clause that names an attack before it, up to ten
// words back, not past the sentence's start or a semicolon; not an idiom
// that strikes no target ("strikes a deal") nor a far state's attack.
func enInstrumental(toks []token, f *figure) bool {
	if !f.class.weapon() {
		return false
	}
	k := f.start - 1
	for k >= 0 && (toks[k].low == "more" || toks[k].low == "than" || toks[k].low == "over" || toks[k].low == "nearly" ||
		toks[k].low == "about" || toks[k].low == "some" || toks[k].low == "around" || toks[k].low == "almost") {
		k--
	}
	if k < 1 || toks[k].low != "with" || toks[k-1].low == "along" || toks[k-1].low == "together" {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-10; j-- {
		switch {
		case toks[j].low == ";" || toks[j].low == ".":
			return false
		case enAttackWords[toks[j].low] && !strikeIdiom(toks, j):
			// "Israel strikes Iran with 150 drones": another war's attack
			return !farStateSubject(toks, j)
		}
	}
	return false
}

// strikeIdiom: a verb of striking at j that strikes no target ("strikes a
// deal", "struck an agreement", "hits a record"): no attack.
func strikeIdiom(toks []token, j int) bool {
	k := j + 1
	if k < len(toks) && (toks[k].low == "a" || toks[k].low == "an" || toks[k].low == "the") {
		k++
	}
	if k >= len(toks) {
		return false
	}
	switch toks[k].low {
	case "deal", "deals", "agreement", "accord", "pact", "bargain", "balance", "chord", "tone", "note", "compromise", "record":
		return true
	}
	return false
}

// withList: f follows "with" in a clause of attack (enInstrumental), or
// goes on the list that did ("with 300 drones and 12 missiles").
func withList(toks []token, f, prev *figure) bool {
	if enInstrumental(toks, f) {
		return true
	}
	return prev != nil && prev.group == f.group && prev.out == outLaunched && enInstrumental(toks, prev)
}

var instrPreposition = map[string]bool{"з": true, "із": true, "зі": true, "над": true, "під": true, "за": true, "перед": true, "між": true, "поміж": true}

// groupFigures joins figures that only coordinators separate ("319 drones
// and 25 cruise missiles"): one predicate governs them.
func groupFigures(fs []figure, toks []token, st *countState) {
	for i := range fs {
		// a part of the phrase before ("52 drones, 45 of which were shot
		// down", "60 drones, 52 of them") is no item of a list with it; parts
		// of two phrases ("150 of the drones and 20 of the missiles") are
		partOfPrev := i > 0 && fs[i].has(fRefer) && !fs[i-1].has(fRefer)
		if i > 0 && !fs[i-1].has(fWhole) && !partOfPrev && joined(toks, fs[i-1].end, fs[i].start) {
			fs[i].group = fs[i-1].group
			if colonBetween(toks, fs[i-1].end, fs[i].start) || fs[i-1].has(fAfterColon) {
				fs[i].flags |= fAfterColon
			}
			continue
		}
		st.group++
		fs[i].group = st.group
	}
}

// shareLocatives: "nine missiles and one drone over Crimea": a phrase joined
// by "and" to the next takes its region when it names none.
func shareLocatives(fs []figure, toks []token) {
	for i := len(fs) - 2; i >= 0; i-- {
		if fs[i].region == "" && fs[i+1].region != "" && fs[i+1].group == fs[i].group && onlyAnd(toks, fs[i].end, fs[i+1].start) {
			fs[i].region = fs[i+1].region
		}
	}
}

func onlyAnd(toks []token, a, b int) bool {
	return b == a+1 && isAnd(toks[a].low)
}

// joined reports whether only coordinators stand between two phrases.
func joined(toks []token, a, b int) bool {
	if b-a > 4 {
		return false
	}
	for k := a; k < b; k++ {
		switch toks[k].low {
		case "with":
			if k == a || toks[k-1].low != "along" {
				return false
			}
		case ",", "and", "та", "і", "й", "as", "well", "along", "plus", "also", "а", "також", "–", "—", "-", ":":
		default:
			return false
		}
	}
	return true
}

// colonBetween: a colon or dash stands between two joined phrases.
func colonBetween(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		switch toks[k].low {
		case ":", "–", "—", "-":
			return true
		}
	}
	return false
}

// headedFor: a participle of direction ("drones headed for Moscow",
// "missiles aimed at Kyiv") describes the weapons; the verb after it says
// what happened to them.
func headedFor(lw, next string) bool {
	return (lw == "headed" || lw == "heading" || lw == "bound") && (next == "for" || next == "to" || next == "towards" || next == "toward") || lw == "aimed" && next == "at"
}

// forwardCue finds the predicate after a phrase ending at token end:
// through "were", "have been", adverbs, "which"; past an "except" aside.
func forwardCue(toks []token, cueAt []outcome, end int, rs *ruleSet) fwCue {
	k := end
	for n := 0; k < len(toks) && n < 5; n++ {
		lw := toks[k].low
		headed := n == 0 && k+1 < len(toks) && headedFor(lw, toks[k+1].low)
		if (lw == "," && n == 0) || cueAt[k] != outNone && !headed {
			break
		}
		if n == 0 && toks[k].kind == kWord && (strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed") && k+1 < len(toks) && toks[k+1].low == "by" || headed) && rs.on(ruleParticiple) {
			// "a drone flying towards Moscow was shot down", "missiles made by
			// the United States were shot down": the participle describes
			if k2, ok := predicateAfter(toks, cueAt, k+1); ok {
				return fwCue{out: cueAt[k2], at: k2}
			}
		}
		if !passiveSkip[lw] && !(toks[k].kind == kWord && (strings.HasSuffix(lw, "ly") || strings.HasSuffix(lw, "но"))) {
			break
		}
		k++
	}
	if k >= len(toks) || cueAt[k] == outNone {
		if ownVerb(toks, end, k) && rs.on(ruleOwnVerb) {
			return fwCue{out: outIgnored, at: k} // "300 drones were stored there": a verb of their own
		}
		return fwCue{at: -1}
	}
	out := cueAt[k]
	e := k
	for e < len(toks) && cueAt[e] == out {
		e++
	}
	if out == outIntercepted && k == end && agentDestroys(toks, k, e) {
		return fwCue{out: outHit, direct: true, at: k} // "a missile destroyed the depot"
	}
	if out == outLaunched && k == end && rs.on(ruleParticiple) {
		// "35 drones launched by Russia overnight were shot down": the
		// participle describes the weapons; the verb after it says what happened
		if k2, ok := predicateAfter(toks, cueAt, e); ok {
			return fwCue{out: cueAt[k2], at: k2}
		}
	}
	return fwCue{out: out, direct: k == end, at: k}
}

// agentDestroys: the weapon phrase right before an active "destroyed" or
// "destroys" (at k, ending at e) is the verb's subject and an object with its
// determiner follows ("a missile destroyed the depot", "the drone
// destroyed a warehouse"): the weapon struck what it destroyed, it was not
// shot down. An object that is itself a weapon is not matched.
func agentDestroys(toks []token, k, e int) bool {
	if lw := toks[k].low; lw != "destroyed" && lw != "destroys" || e >= len(toks) {
		return false
	}
	switch toks[e].low {
	case "the", "a", "an", "two", "three", "several", "its", "their":
	default:
		return false
	}
	for q := e + 1; q < len(toks) && q <= e+4; q++ {
		if toks[q].kind == kPunct {
			break
		}
		if toks[q].head == classDrone || toks[q].head == classMissile || toks[q].model {
			return false
		}
	}
	return true
}

// ownVerb: the phrase ending at end is the subject of a passive verb that
// speaks of stocks, production or supplies ("were stored", "were produced",
// "were delivered", "200 drones stored at the site"): the participle at k,
// right after the phrase or after an auxiliary.
func ownVerb(toks []token, end, k int) bool {
	if k >= len(toks) || !otherVerbs[toks[k].low] {
		return false
	}
	if k == end {
		return true // "200 drones stored at the site"
	}
	for q := end; q < k; q++ {
		switch toks[q].low {
		case "were", "was", "been", "are", "is":
			return true
		}
	}
	return false
}

// otherVerbs say what becomes of weapons outside an attack: stocks,
// production, supplies and aid.
var otherVerbs = map[string]bool{
	"stored": true, "kept": true, "held": true, "stockpiled": true, "hidden": true, "found": true, "seized": true, "captured": true,
	"produced": true, "manufactured": true, "made": true, "built": true, "assembled": true,
	"delivered": true, "supplied": true, "shipped": true, "transferred": true, "provided": true, "donated": true,
	"pledged": true, "promised": true, "allocated": true, "ordered": true, "purchased": true, "bought": true, "sold": true,
	"received": true, "handed": true, "given": true,
}

// clauseBetween: a relative clause of place opens between a predicate and a
// figure ("where", "де"): the figure is that clause's, not the predicate's.
func clauseBetween(toks []token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		if lw := toks[k].low; lw == "where" || lw == "де" {
			return true
		}
	}
	return false
}

// objectTaken: a verb of destroying before the phrase has an object of its
// own right after it, a thing that is no weapon ("destroyed a town",
// "destroying a warehouse", "destroy an enemy tank in a duel"): the weapon
// phrase further on (a drone that filmed it, a drone attack that caused it)
// is not what was destroyed. A number, a quantifier ("all", "most of"), a
// preposition ("over 30") or a weapon or air-target noun after the verb
// leaves the verb's object open.
func objectTaken(toks []token, at, end int) bool {
	if at < 0 || !strings.HasPrefix(toks[at].low, "destroy") {
		return false
	}
	content := false
	for k := at + 1; k < end && k <= at+5; k++ {
		t := toks[k]
		if t.kind == kNum || t.head == classDrone || t.head == classMissile || t.model || airTargetWord[t.low] {
			return false
		}
		if t.kind == kPunct || objectStop[t.low] {
			return content && t.low != "of"
		}
		if objectDet[t.low] {
			if content {
				return true
			}
			continue
		}
		if objectOpen[t.low] {
			return false
		}
		content = true
	}
	return content
}

var (
	// words that end a short object phrase
	objectStop = map[string]bool{"in": true, "at": true, "on": true, "near": true, "and": true, "with": true,
		"of": true, "over": true, "during": true, "after": true, "as": true, "by": true, "from": true, "to": true}
	// determiners before an object's noun
	objectDet = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true}
	// words that leave the object open: quantifiers and pronouns whose
	// referent may be the weapons counted next
	objectOpen = map[string]bool{"all": true, "most": true, "some": true, "many": true, "each": true, "both": true,
		"none": true, "half": true, "every": true, "any": true, "them": true, "it": true, "everything": true,
		"another": true, "more": true, "up": true, "nearly": true, "almost": true, "about": true, "around": true}
	// nouns for what air defence destroys besides drones and missiles
	airTargetWord = map[string]bool{"target": true, "targets": true, "object": true, "objects": true, "aircraft": true}
)

// farStateSubject: the launch verb at k has a state far from the war as its
// subject ("North Korea fires two missiles", "South Korea and the US
// launched eight missiles"): the figure is that state's own launch, no
// figure of the attacks of Russia and Ukraine on each other.
func farStateSubject(toks []token, k int) bool {
	j := k - 1
	for j >= 0 && launchAdverb[toks[j].low] {
		j--
	}
	return j >= 0 && farStates[strings.TrimSuffix(toks[j].low, "'s")]
}

var (
	launchAdverb = map[string]bool{"has": true, "have": true, "had": true, "reportedly": true, "also": true, "again": true, "then": true, "just": true}
	farStates    = map[string]bool{"korea": true, "pyongyang": true, "seoul": true, "us": true, "china": true, "beijing": true,
		"japan": true, "taiwan": true, "iran": true, "tehran": true, "israel": true, "houthis": true, "yemen": true}
)

// predicateAfter finds the verb after a participle phrase ("launched by
// Russia overnight were shot down"): the next predicate other than launched,
// before the clause ends.
func predicateAfter(toks []token, cueAt []outcome, from int) (int, bool) {
	if from >= len(toks) {
		return 0, false
	}
	switch toks[from].low {
	case "by", "from", "at", "against", "overnight", "into", "towards", "toward", "for", "to":
	case "the":
		// "drones targeting the capital were downed": the participle's object
		if from < 1 || !strings.HasSuffix(toks[from-1].low, "ing") {
			return 0, false
		}
	default:
		return 0, false
	}
	for k := from; k < len(toks) && k < from+8; k++ {
		if toks[k].kind == kPunct && toks[k].s != "-" || toks[k].kind == kNum {
			return 0, false
		}
		if o := cueAt[k]; o != outNone && o != outLaunched && (k > 0 && passiveSkip[toks[k-1].low]) {
			return k, true
		}
	}
	return 0, false
}

// chooseOutcome picks the predicate that governs f.
func chooseOutcome(f *figure, prev *figure, fw []fwCue, i int, s *sentence, cues []cue, st *countState, rs *ruleSet) outcome {
	back, backAt := backCueAt(cues, f.start, f.class)
	if back != outNone && rs.on(ruleOwnVerb) && (clauseBetween(s.toks, backAt, f.start) || objectTaken(s.toks, backAt, f.start)) {
		back, backAt = outNone, -1 // "struck a depot where 300 drones were kept"
	}
	if back == outLaunched && farStateSubject(s.toks, backAt) && rs.on(ruleOwnVerb) {
		return outIgnored // "North Korea fired two missiles": another war's launch
	}
	ownVerb := fw[i].at >= 0 && (i+1 == len(fw) || fw[i+1].group != fw[i].group) // the verb after the group is f's own
	if (back == outNone || back == outLaunched) && rs.on(ruleInstrumental) && !ownVerb && withList(s.toks, f, prev) {
		// "Russia hammers Ukraine with 300 drones and 12 missiles, 280
		// drones shot down": the weapons the attack used, whatever a verb
		// after the list says of another figure
		return outLaunched
	}
	if c := fw[i]; c.at >= 0 && allowed(c.out, f.class) && !participle(f, c, back, backAt, fw, i, rs) {
		return c.out
	}
	switch {
	case back != outNone:
		return back
	case s.bullet && st.listCue != outNone && f.class != classPerson && rs.on(ruleListHeader):
		return st.listCue
	case (f.has(fRefer) || f.has(fEllipsis) || f.has(fBracket)) && prev != nil:
		return prev.out
	case f.has(fRefer) && st.hasLast:
		f.subset = true
		return st.last.out
	case breakdownGoesOn(f, prev, cues, st) && rs.on(ruleEllipsis):
		// "N – над X областю." after a sentence that counted the
		// drones downed: the region-by-region list goes on, verb left out
		return st.last.out
	case rs.on(ruleInstrumental) && ukInstrumental(s.toks, f):
		return outLaunched // "А також 168 ударними БпЛА": used in the attack
	}
	return outNone
}

// breakdownGoesOn: the first figure of a sentence with no predicate gives a
// region's share ("N – над X областю.", "По N БпЛА – над A і
// B."), of the class the sentence before counted or with its noun left out:
// the region-by-region list of the sentence before goes on.
func breakdownGoesOn(f, prev *figure, cues []cue, st *countState) bool {
	if prev != nil || len(cues) > 0 || !st.hasLast || f.region == "" && len(f.each) < 2 {
		return false
	}
	return f.has(fEllipsis) || f.class == st.last.class
}

// participle: "58 out of 61 drones launched by Russia" after "shot down":
// "launched" right after the phrase describes the weapons; the predicate
// before it says what happened to them.
func participle(f *figure, c fwCue, back outcome, backAt int, fw []fwCue, i int, rs *ruleSet) bool {
	if !c.direct || c.out != outLaunched || back == outNone || back == outLaunched || f.class == classPerson || f.has(fEllipsis) || !rs.on(ruleParticiple) {
		return false
	}
	for k := 0; k < i; k++ {
		if fw[k].at == backAt && fw[k].group != fw[i].group {
			return false // that predicate was an earlier phrase's
		}
	}
	return true
}

// resolveClass gives a figure without a head noun the class of the phrase
// it stands for: the one before it ("27 over the Voronezh region"), the noun
// before it ("Of these drones, 30 were lost"), or the last figure counted.
func resolveClass(f *figure, prev *figure, toks []token, st *countState, rs *ruleSet) {
	if f.class != classNone || !(f.has(fEllipsis) || f.has(fRefer)) {
		return
	}
	after := 0
	if prev != nil {
		after = prev.end
	}
	switch {
	case f.out.people() || peopleCue(toks, f):
		f.class = classPerson // "injured 16 others", "killed 5 and injured 50"
	case headBetween(toks, after, f.start) != classNone:
		f.class = headBetween(toks, after, f.start) // "the drones, of which 11 were downed"
	case prev != nil && !f.has(fRefer):
		f.class, f.mclass = prev.class, prev.mclass
		f.flags |= prev.flags & fMixedType
		if !prev.has(fMixedType) {
			f.models = prev.models
		}
		if f.region == "" {
			f.subset = prev.subset
		}
	case headBefore(toks, f.start) != classNone:
		f.class = headBefore(toks, f.start)
	case st.hasLast:
		f.class, f.mclass = st.last.class, st.last.mclass
		if len(f.models) == 0 && !st.last.has(fMixedType) {
			f.models = st.last.models
		}
		if f.class == classMixed && !(rs.on(ruleSplit) && splitOfMeans(toks, f, st)) {
			f.class = classNone
		}
	}
}

// splitOfMeans: a bare figure with its own verb of downing ("213 — збито
// вогневими засобами, 172 — локаційно втрачені") after a sentence whose last
// figure was a total of means neutralized ("знешкоджено 385 засобів"): the
// Air Force splits that total by how the means were stopped, so the part is
// of the total's kind.
func splitOfMeans(toks []token, f *figure, st *countState) bool {
	switch st.last.out {
	case outIntercepted, outCombined:
	default:
		return false
	}
	k := f.end
	for k < len(toks) && isDash(toks[k].low) {
		k++
	}
	if k >= len(toks) {
		return false
	}
	switch toks[k].cue {
	case outIntercepted, outJammed, outCombined:
		return true
	}
	return false
}

// referSubset: "over N of the drones were Shahed-type", "понад N із них –
// Шахеди": a part of the figure referred to, of one type.
func referSubset(f, prev *figure, toks []token, cueAt []outcome, st *countState, rs *ruleSet) {
	if !(f.has(fRefer) || restatedType(f, toks, cueAt, st)) || hasOwnCue(toks, cueAt, f.end) || !rs.on(ruleTypeSubset) {
		return
	}
	for k := f.end; k < len(toks) && k < f.end+4; k++ {
		if md, ok := modelAt(toks, k); ok {
			f.addModel(md)
			f.subset = true
			switch {
			case prev != nil: // "127 БпЛА (44 із них - реактивні)"
				f.out = prev.out
			case st.hasLast:
				f.out = st.last.out
			}
			return
		}
	}
	if prev != nil && prev.class == f.class {
		// "sent 80 drones ... and shot down 52 of them": the figure before it in
		// the sentence is what "them" refers to, not the last sentence's
		f.subset = prev.out == f.out
		return
	}
	if st.hasLast && f.class == st.last.class && f.out == st.last.out {
		f.subset = true
	}
}

// restatedType: a sentence of its own with no predicate that gives a type's
// share of the drones counted before: a figure of drones, a dash, and the
// type ("Близько 60 дронів — «шахеди».").
func restatedType(f *figure, toks []token, cueAt []outcome, st *countState) bool {
	if f.class != classDrone || !st.hasLast || st.last.class != classDrone || f.end+1 >= len(toks) || !isDash(toks[f.end].low) {
		return false
	}
	for k := range toks {
		if cueAt[k] != outNone || k != f.start && toks[k].kind == kNum {
			return false
		}
	}
	return true
}

// headBetween is the weapon noun nearest before token i and from token a on.
func headBetween(toks []token, a, i int) class {
	for k := i - 1; k >= a && k >= 0; k-- {
		if cl := toks[k].head; cl == classDrone || cl == classMissile {
			return cl
		}
	}
	return classNone
}

// peopleCue: the predicate nearest the figure counts people.
func peopleCue(toks []token, f *figure) bool {
	if f.start > 0 && (toks[f.start-1].cue.people() || roseToPeople(toks, f.start-1, func(b int) outcome { return toks[b].cue })) {
		return true // "поранено 5", "кількість поранених зросла до 11"
	}
	for k := f.end; k < len(toks) && k < f.end+4; k++ {
		if toks[k].cue != outNone {
			return toks[k].cue.people()
		}
		if !passiveSkip[toks[k].low] {
			break
		}
	}
	return false
}

// headBefore is the weapon noun nearest before token i, if any.
func headBefore(toks []token, i int) class {
	for k := i - 1; k >= 0; k-- {
		if cl := toks[k].head; cl == classDrone || cl == classMissile {
			return cl
		}
	}
	return classNone
}

// hasOwnCue: a predicate follows the phrase ending at end.
func hasOwnCue(toks []token, cueAt []outcome, end int) bool {
	for k := end; k < len(toks) && k < end+5; k++ {
		if cueAt[k] != outNone {
			return true
		}
		if !passiveSkip[toks[k].low] {
			return false
		}
	}
	return false
}

// allowed: people take casualty predicates, weapons the others.
func allowed(o outcome, c class) bool {
	return (c == classPerson) == o.people() || o == outIgnored
}

// backCueAt is the nearest predicate before token i fit for the class (and
// of one of the outcomes given, if any), with its start.
func backCueAt(cues []cue, i int, c class, only ...outcome) (outcome, int) {
	for k := len(cues) - 1; k >= 0; k-- {
		cu := cues[k]
		if cu.end > i || !allowed(cu.out, c) && len(only) == 0 {
			continue
		}
		if len(only) == 0 {
			return cu.out, cu.start
		}
		for _, o := range only {
			if cu.out == o {
				return o, cu.start
			}
		}
	}
	return outNone, -1
}

// remember keeps the whole a sentence counted, its largest weapon figure,
// as the referent of "of them" in the next ("145 drones, including about 90
// Shaheds. ... 110 of them").
func (st *countState) remember(fs []figure) {
	best := -1
	for i := range fs {
		f := &fs[i]
		if f.known && !f.subset && f.class != classPerson && f.class != classLocation && f.out != outNone && (best < 0 || f.n > fs[best].n) {
			best = i
		}
	}
	if best >= 0 {
		st.last, st.hasLast = fs[best], true
	}
}

// groundWarWords name the targets of fighting on the ground, as the Russian
// Defence Ministry's daily summary lists them before "in N locations"
// (manpower, hardware, deployment areas of units and mercenaries).
var groundWarWords = map[string]bool{
	"manpower": true, "personnel": true, "mercenaries": true, "formations": true, "hardware": true,
	"equipment": true, "deployment": true, "concentrations": true, "clusters": true,
}

// groundTally: the clause before a count of locations at k names targets
// of the ground war; the places counted are the front line's, not where an
// air attack's weapons hit.
func groundTally(toks []token, k int) bool {
	for q := k - 1; q >= 0 && q >= k-30; q-- {
		if toks[q].kind == kPunct && (toks[q].s == "." || toks[q].s == ";") {
			return false
		}
		if groundWarWords[toks[q].low] {
			return true
		}
	}
	return false
}
