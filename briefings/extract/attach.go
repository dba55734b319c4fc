package extract

import (
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// Stage 3: attach the counted figures of each sentence to an attack event:
// who attacked (a sentence's source and wording say it, else the one before),
// which night or day (a sentence with its own time and figures for fields
// already stated opens another event), national, regional (a governor's or
// mayor's count, a figure over one region) or cumulative scope (rates, totals
// since a date), and the source.

// scope is an event's reach; its values are briefings'.
type scope string

const (
	scopeNational   scope = briefings.ScopeNational
	scopeRegional   scope = briefings.ScopeRegional
	scopeCumulative scope = briefings.ScopeCumulative
)

// entry is a counted figure placed in an event.
type entry struct {
	figure
	weak bool // from a headline: used only where the body says nothing
}

// event is one attack (or a region's share of it, or a cumulative total) as
// the text states it.
type event struct {
	attacker    side
	period      period
	date, key   string
	named       bool // a sentence named the date (not only the publication day)
	nationalCue bool // a sentence with figures names the whole country as the target
	scope       scope
	region      string
	source      source
	// peopleSource: the governor or mayor whose sentence of its own, next
	// to the people hurt, gave them; the report's source when no one gives
	// the event's figures
	peopleSource source
	entries      []entry
	strong       bool // has a figure from the body
	sentences    []string
	regions      []string
	reached      []string // regions only an aftermath sentence names: reported, no evidence of scope
	children     []*event
	parent       *event
	asOf         string
	start, end   string // the window
	provisional  bool
	guessed      bool         // the attacker is the default guess: no sentence told it
	quoted       bool         // figures from a quote whose speaker is named after it
	weapons      []string     // types and classes named
	unnumbered   []unnumbered // types named without a count
}

// unnumbered is a type a list names without a count ("- балістичними
// ракетами Іскандер-М"): the total of its class is then a lower bound.
type unnumbered struct {
	class class
	out   outcome
}

// Caps that keep work bounded on any input.
const (
	maxEvents    = 200 // events per text
	maxEntries   = 400 // figures per event
	maxSentences = 30  // evidence sentences per event
)

func (e *event) addSentence(s string) {
	if len(e.sentences) < maxSentences && !contains(e.sentences, s) {
		e.sentences = append(e.sentences, s)
	}
}

func (e *event) addRegion(name string) {
	if !contains(e.regions, name) {
		e.regions = append(e.regions, name)
	}
}

func (e *event) addWeapon(name string) {
	if !contains(e.weapons, name) {
		e.weapons = append(e.weapons, name)
	}
}

// root is the national (or cumulative) event a regional share belongs to.
func (e *event) root() *event {
	if e.parent != nil {
		return e.parent
	}
	return e
}

// reader holds what one text's sentences leave to the next.
type reader struct {
	pub          time.Time
	today        time.Time // the day the text's speaker spoke (speechDay)
	rs           *ruleSet
	events       []*event
	cur          map[side]*event // the current event of each side
	prev         map[side]*event // the event with figures before the current one
	attacker     side            // the side the last sentence spoke of
	count        countState
	lastEv       *event // the event holding the last figure (referent of "all of them")
	local        localCtx
	cueBuf       []outcome
	scene        string   // the place an air-raid alert was named for: its figures follow
	sawRegional  bool     // a governor, mayor or regional command spoke in the text
	sawNational  bool     // a national source (the Air Force, a ministry, the military, officials) spoke
	launchAreas  bool     // a sentence named where the weapons were launched from in the Air Force's way
	speakerRegs  []string // the regions the regional speakers spoke of
	speaker      source   // the regional speaker (governor or mayor) when only one kind spoke; srcNone else
	speakers     int      // kinds of regional speaker seen
	lastPlace    string   // the last region or city a sentence named
	pendingRegs  []region // the targets a sentence named before any event
	regionList   bool     // a header of regions the attack reached ("Області, де працювала ППО:"): its bullets name them
	pendingTypes []string // the weapon types a launch named before any event
	pending      source   // a national source named before any figure
	pendingLocal source   // a governor or mayor named before any figure (the source of people hurt told next)
	pendingSide  side     // the side the sentence naming it spoke of (sideNone: not told)
	quoteOpen    bool     // a quote opened in an earlier sentence of the paragraph goes on
	ministry     source   // the ministry (or a third country's authority) the text named last by its state
	thirdSpoke   bool     // the last source named was a third country's authority
	// people hurt, told before any attack was reported ("at least five
	// people were killed", then the figures of the attack): held for the
	// attack the next sentence with figures reports
	heldCas  []figure
	heldSent string
	heldSide side
	heads    []headName // regional heads the text named with title and name
	// toldSide is the side whose air attack an earlier sentence named
	// ("Russian drones attacked the city"): people hurt told after it, in a
	// sentence of their own, are that attack's
	toldSide side
}

// localCtx is the region a governor or mayor spoke of, for the rest of the
// paragraph: "N people were hurt, she added" is that region's figure.
type localCtx struct {
	region string
	src    source
}

// clause is what a sentence says about its figures' event.
type clause struct {
	src      source
	regional bool // a governor's or mayor's words
	time     timeInfo
	att      side
	regs     []region
	localReg string
	guessed  bool // nothing in the text told the side: Russia attacked, by default
}

func (r *reader) newEvent(att side, ti timeInfo) *event {
	e := &event{attacker: att, period: ti.period, date: ti.date, key: ti.key, scope: scopeNational, named: ti.dated}
	if ti.period == periodCumulative {
		e.scope = scopeCumulative
	}
	for _, rg := range r.pendingRegs {
		if rg.ru == (att == sideUA) {
			e.addRegion(rg.name)
		}
	}
	r.pendingRegs = nil
	for _, w := range r.pendingTypes {
		e.addWeapon(w)
	}
	r.pendingTypes = nil
	r.events = append(r.events, e)
	if c := r.cur[att]; c != nil && c.strong {
		r.prev[att] = c
	}
	r.cur[att] = e
	return e
}

// child is p's share for one region.
func (r *reader) child(p *event, reg string) *event {
	p = p.root()
	for _, c := range p.children {
		if c.region == reg {
			return c
		}
	}
	c := &event{attacker: p.attacker, period: p.period, date: p.date, key: p.key, scope: scopeRegional, region: reg, parent: p, source: p.source}
	if p.scope == scopeCumulative {
		c.scope = scopeCumulative
	}
	p.children = append(p.children, c)
	r.events = append(r.events, c)
	return c
}

// sentence reads one sentence.
func (r *reader) sentence(s sentence) {
	if len(r.events) >= maxEvents {
		return
	}
	r.read(s)
}

func (r *reader) cues(n int) []outcome {
	if cap(r.cueBuf) < n {
		r.cueBuf = make([]outcome, n)
	}
	b := r.cueBuf[:n]
	clear(b)
	return b
}

// quoteState reports whether the sentence is (part of) a quotation: it
// opens with a quotation mark, or a quote opened before in its paragraph
// has not closed. It keeps the state for the next sentence.
func (r *reader) quoteState(s sentence) bool {
	if s.para {
		r.quoteOpen = false
	}
	t := s.text
	opens := strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "“") || strings.HasPrefix(t, "«")
	in := r.quoteOpen || opens
	closes := strings.ContainsAny(t, "”»")
	if n := strings.Count(t, "\""); opens && n%2 == 0 || !opens && n > 0 {
		closes = true
	}
	r.quoteOpen = in && !closes
	return in
}

// noFigures: the sentence's numbers are no figures of this war's attacks.
func (r *reader) noFigures(toks []token) bool {
	switch {
	case r.rs.on(ruleDenial) && denial(toks):
		return true // "the ministry denied that N missiles had been downed"
	case ownAviation(toks):
		return true // "авіація Сил оборони завдала N ударів": Ukraine's own sorties, no figure of the attack
	case otherWar(toks):
		return true // "Israel's air defences downed N drones from Yemen": another war's figures
	case pastYear(toks, r.pub):
		return true // "N missiles were fired at a ship in <an earlier year>": an event of the past
	}
	return false
}

// read runs stages 1 to 3 on one sentence.
func (r *reader) read(s sentence) {
	toks := s.toks
	if len(toks) == 0 {
		return
	}
	quoted := r.quoteState(s)
	cueAt := r.cues(len(toks) + 1)
	cues := findCues(toks, cueAt, r.rs)
	ms := findMentions(toks, cueAt, r.rs)
	if r.noFigures(toks) {
		ms = nil
	}
	if !s.bullet {
		r.count.listCue = outNone
		// "збили 24 дрони у межах 7 областей:", then one region a bullet
		r.regionList = s.colon && withinBounds(toks) && r.rs.on(ruleDefenceRegions)
	}
	figs := countFigures(&s, ms, cues, cueAt, &r.count, r.rs)
	c := r.clause(s, ms, figs)
	if c.src == srcThird {
		return // what crossed a third country's airspace: no figure of the attack, no aside
	}
	if s.colon && len(cues) > 0 && r.rs.on(ruleListHeader) {
		defer func(o outcome) { r.count.listCue = o }(cues[len(cues)-1].out)
	}
	named := attackWords(toks)
	told := named || r.toldSide == c.att && r.rs.on(ruleCasualtyScene)
	switch {
	case groundFire(toks):
		r.toldSide = sideNone // shelling: people hurt after it are no air attack's
	case named && otherWar(toks):
		r.toldSide = sideNone // another war's strike: people hurt after it are not of this war
	case named:
		r.toldSide = c.att
	}
	if len(figs) == 0 && (!c.time.has || c.time.period == periodCumulative) {
		// no figures: an aside, or background over a span ("since 2023, ...")
		r.aside(s, c)
		return
	}
	if e := r.cur[c.att]; (e == nil || !e.strong) && casualtiesOnly(figs) && !told && r.rs.on(ruleCasualtyContext) {
		// people hurt, with no attack named and none reported before: they
		// belong to the attack the next sentence reports, if it does
		r.heldCas, r.heldSent, r.heldSide = append(r.heldCas[:0], figs...), s.text, c.att
		return
	}
	var held []figure
	if len(figs) > 0 {
		held, r.heldCas = r.heldCas, nil
	}
	ev := r.eventFor(s, c, figs)
	if len(figs) > 0 {
		// the side was only guessed while no sentence with figures told it
		ev.guessed = c.guessed && (ev.guessed || len(ev.entries) == 0)
		ev.quoted = ev.quoted || quoted && c.src == srcNone
	}
	r.stamp(ev, c.time, len(figs) > 0)
	target := r.targetFor(ev, s, c, figs)
	target.noteWeapons(toks)
	if len(figs) > 0 && (nationalTarget(toks) || !c.regional && r.rs.on(ruleRegionCount) && regionCount(toks)) && !(r.rs.on(ruleHitsLocal) && target.root().attacker == sideUA) {
		// Ukraine named beside Ukraine's own attack is the attacker, not the
		// country attacked
		target.root().nationalCue = true
	}
	if r.rs.on(ruleUnnumbered) {
		target.root().unnumbered = append(target.root().unnumbered, unnumberedHeads(toks, ms, cueAt, s.bullet && r.count.listCue == outLaunched)...)
	}
	r.place(s, figs, target)
	r.count.remember(figs)
	if root := target.root(); len(held) > 0 && c.att == r.heldSide && root.strong && !casualtiesOnly(figs) && !root.hasPeople() {
		for _, f := range held {
			root.entries = append(root.entries, entry{figure: f})
		}
		root.addSentence(r.heldSent)
	}
}

// anyPeople: the event or one of its regions' events counts people hurt.
func (e *event) anyPeople() bool {
	return e.hasPeople() || slices.ContainsFunc(e.children, (*event).anyPeople)
}

// hasPeople: the event already counts people hurt.
func (e *event) hasPeople() bool {
	for k := range e.entries {
		if e.entries[k].class == classPerson {
			return true
		}
	}
	return false
}

// onlyPeople: every figure the event and its regions' events hold counts
// people hurt (or they hold none yet): a governor's word on it is the source of its casualties, not
// of a national count.
func (e *event) onlyPeople() bool {
	for k := range e.entries {
		if e.entries[k].class != classPerson {
			return false
		}
	}
	for _, c := range e.children {
		if !c.onlyPeople() {
			return false
		}
	}
	return true
}

// aside reads a sentence without figures or time: it may name the source,
// the regions, the types, or say the attack goes on.
func (r *reader) aside(s sentence, c clause) {
	e := r.cur[c.att]
	if (e == nil || !e.strong) && c.src != srcNone && !c.regional && r.rs.on(rulePendingSource) {
		r.pending = c.src // "the Air Force reported it": the source of the figures that follow
		r.pendingSide = c.att
		if c.guessed {
			r.pendingSide = sideNone
		}
	}
	if c.regional && r.rs.on(ruleLocalSource) {
		switch {
		case e != nil && e.source == srcNone && e.peopleSource == srcNone && e.anyPeople() && e.onlyPeople():
			e.peopleSource = c.src // the dead and wounded, then "the governor said so"
		case e == nil || e.onlyPeople():
			r.pendingLocal = c.src // "Про це повідомив голова ОВА", before the dead and wounded
		}
	}
	if e == nil {
		if targetsRegions(s.toks) && r.rs.on(ruleScope) {
			r.pendingRegs = append(r.pendingRegs, sentenceRegions(s.toks)...) // "завдали удару по Сумщині", before any figure
		}
		if hasLaunchCue(s.toks) && len(r.pendingTypes) < maxSentences {
			// "the enemy used Shahed drones", before any figure: the types of
			// the attack the next figures report
			var scratch event
			scratch.noteWeapons(s.toks)
			r.pendingTypes = append(r.pendingTypes, scratch.weapons...)
		}
		return
	}
	if e.strong && c.src.better(e.source, r.rs) && !(c.regional && e.scope == scopeNational && r.rs.on(ruleScope)) {
		e.source = c.src // a governor's aside speaks for the region, not the national count
	}
	// the predicate may be a verb of several words ("were shot down")
	cueAt := r.cues(len(s.toks) + 1)
	findCues(s.toks, cueAt, r.rs)
	predicate := weaponPredicate(s.toks, cueAt)
	if hasLaunchCue(s.toks) || predicate {
		// "attacked with cruise and ballistic missiles", "the Shahed drones
		// were downed over six regions": the types the event used
		e.root().noteWeapons(s.toks)
	}
	if c.time.ongoing {
		e.root().provisional = true
	}
	if e.scope != scopeRegional && (targetsRegions(s.toks) || (predicate || defenceActive(s.toks) || withinBounds(s.toks)) && r.rs.on(ruleAsideRegions)) {
		for _, rg := range sentenceRegions(s.toks) {
			if rg.ru == (c.att == sideUA) {
				e.addRegion(rg.name)
			}
		}
	} else if e.scope != scopeRegional && (r.rs.on(ruleAftermathRegions) && aftermath(s.toks) || r.rs.on(ruleDefenceRegions) && (defenceWork(s.toks) || r.regionList && s.bullet)) {
		// damage, casualties or debris in a region, or the defence at work
		// over it: a region the attack reached, named in the report but no
		// evidence of its scope
		for _, rg := range sentenceRegions(s.toks) {
			if rg.ru == (c.att == sideUA) && !contains(e.reached, rg.name) {
				e.reached = append(e.reached, rg.name)
			}
		}
	}
	if s.colon && !s.bullet && r.rs.on(ruleDefenceRegions) && isCyrillicText(s.toks) && (defenceActive(s.toks) || defenceWork(s.toks) || aftermath(s.toks) || targetsRegions(s.toks)) {
		r.regionList = true // "Області, де працювала ППО:", then one region a bullet
	}
	if r.rs.on(ruleUnnumbered) {
		// a list item, or a launch, naming a type without a count
		if u := unnumberedHeads(s.toks, nil, cueAt, s.bullet && r.count.listCue == outLaunched); len(u) > 0 {
			e.root().unnumbered = append(e.root().unnumbered, u...)
			e.root().noteWeapons(s.toks)
		}
	}
}

// isCyrillicText: the sentence's first word is Cyrillic (a Ukrainian or
// Russian sentence).
func isCyrillicText(toks []token) bool {
	for i := range toks {
		if toks[i].kind == kWord {
			return isCyrillicWord(toks[i].low)
		}
	}
	return false
}

// defenceActive: the sentence says air defence was at work in places ("air
// defences were activated in the X and Y regions", "air defence units were
// operating in the city and the region", "ППО працювала на Київщині"):
// where the attack went.
func defenceActive(toks []token) bool {
	defence, active := false, false
	for i := range toks {
		lw := toks[i].low
		switch {
		case lw == "defence" || lw == "defense" || lw == "defences" || lw == "defenses" || lw == "ппо" || strings.HasPrefix(lw, "протиповітрян"):
			defence = true
		case lw == "activated" || lw == "active" || lw == "operating" || lw == "operated" || lw == "worked" || lw == "working" ||
			strings.HasPrefix(lw, "працювал") || lw == "працює" || lw == "працюють":
			active = true
		}
	}
	return defence && active
}

// withinBounds: "у межах" / "в межах" (within the bounds of), the Air
// Force's phrase for the regions where the weapons were downed, in a
// sentence of its own after the figures ("Відбулося це у межах X та Y
// областей") or before a list of them.
func withinBounds(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if (toks[i].low == "у" || toks[i].low == "в") && toks[i+1].low == "межах" {
			return true
		}
	}
	return false
}

// weaponPredicate: the sentence says what happened to weapons ("the drones
// were destroyed over ...", "were shot down in ..."); cueAt holds the
// sentence's predicates, those of several words included.
func weaponPredicate(toks []token, cueAt []outcome) bool {
	cue, weapon := false, false
	for i := range toks {
		if o := cueAt[i]; o != outNone && !o.people() {
			cue = true
		}
		if toks[i].head.weapon() || toks[i].model {
			weapon = true
		}
	}
	return cue && weapon
}

func hasLaunchCue(toks []token) bool {
	for i := range toks {
		if toks[i].cue == outLaunched {
			return true
		}
	}
	return false
}

// casualtiesOnly: every figure of the sentence counts people.
func casualtiesOnly(figs []figure) bool {
	for i := range figs {
		if figs[i].class != classPerson {
			return false
		}
	}
	return len(figs) > 0
}

// attackWords: the sentence names an air attack (an attack, a strike, a
// weapon; not "47 vehicles" of a road crash, see groundVehicles).
func attackWords(toks []token) bool {
	for i := range toks {
		lw := toks[i].low
		if toks[i].head.weapon() && !groundVehicles(toks, i) || toks[i].model {
			return true
		}
		switch lw {
		case "attack", "attacks", "strike", "strikes", "barrage", "raid", "атака", "атаки", "атаку", "атакою", "удар", "удару", "ударів", "обстріл", "обстрілу",
			"shelled", "shelling", "shell", "shells":
			return true
		}
		if strings.HasPrefix(lw, "обстріл") {
			return true // "обстріляли громаду 27 разів", "внаслідок обстрілів"
		}
	}
	return false
}

// groundFire: the sentence tells of shelling with no air weapon named
// ("shelling damaged houses", "ворог обстріляв громаду з артилерії"), not
// of a missile's, a drone's or a bomb's strike ("ракетний обстріл").
func groundFire(toks []token) bool {
	shelling := false
	for i := range toks {
		lw := toks[i].low
		if toks[i].head.weapon() && !groundVehicles(toks, i) || toks[i].model ||
			strings.HasPrefix(lw, "ракетн") || strings.HasPrefix(lw, "авіа") || strings.HasPrefix(lw, "дронов") {
			return false
		}
		switch {
		case lw == "shelled" || lw == "shelling" || lw == "shell" || lw == "shells" || lw == "artillery",
			strings.HasPrefix(lw, "обстріл") || strings.HasPrefix(lw, "артилер") || strings.HasPrefix(lw, "артобстріл"):
			shelling = true
		}
	}
	return shelling
}

// otherWar: the sentence names a party of another war (Israel, Gaza,
// Lebanon, the Houthis, Syria, Iraq) and neither Russia nor Ukraine: its
// figures are not of this war, nor is a strike told there, so the dead and
// wounded of the next sentence are not given to it.
func otherWar(toks []token) bool {
	far := false
	for _, t := range toks {
		lw := strings.TrimSuffix(strings.TrimSuffix(t.low, "'s"), "’s")
		switch {
		case strings.HasPrefix(lw, "russia") || strings.HasPrefix(lw, "ukrain") || strings.HasPrefix(lw, "росі") ||
			strings.HasPrefix(lw, "російськ") || strings.HasPrefix(lw, "україн") || lw == "рф" ||
			strings.HasPrefix(lw, "ворож") || strings.HasPrefix(lw, "ворог") || strings.HasPrefix(lw, "окупант"):
			return false
		case otherWarWords[lw] || strings.HasPrefix(lw, "ізраїл") ||
			strings.HasPrefix(lw, "ліван") || strings.HasPrefix(lw, "хусит") || strings.HasPrefix(lw, "ємен") ||
			strings.HasPrefix(lw, "сирійськ") || strings.HasPrefix(lw, "ірак"):
			far = true
		}
	}
	return far
}

var otherWarWords = map[string]bool{"israel": true, "israeli": true, "idf": true, "gaza": true, "lebanon": true,
	"lebanese": true, "hezbollah": true, "hamas": true, "houthi": true, "houthis": true, "yemen": true, "yemeni": true,
	"syria": true, "syrian": true, "iraq": true, "iraqi": true}

// stamp records the window, the time of the count and an ongoing attack.
func (r *reader) stamp(e *event, ti timeInfo, figures bool) {
	root := e.root()
	if ti.start != "" && root.start == "" {
		root.start, root.end = ti.start, ti.end
	}
	if ti.asOf != "" && figures && ti.asOf > root.asOf {
		root.asOf = ti.asOf
	}
	if ti.ongoing {
		root.provisional = true
	}
}

// clause reads the source, time, side and regions of a sentence.
func (r *reader) clause(s sentence, ms []mention, figs []figure) clause {
	toks := s.toks
	src, named := sourceOf(toks, r.ministry, r.rs)
	if named != srcNone {
		r.ministry = named
	}
	if src == srcNone {
		src = r.knownHead(toks).src // "за словами Тюріна": the head named with his title before
	}
	if src == srcNone && (r.thirdGoesOn(toks, ms) || r.rs.on(ruleThirdCountry) && thirdDebris(toks)) {
		src = srcThird
	}
	r.thirdSpoke = src == srcThird || src == srcNone && r.thirdSpoke
	c := clause{src: src}
	if src == srcThird {
		r.local = localCtx{} // a neighbour's authorities: their figures are not the attack's (read skips them)
		return c
	}
	carried := false
	if s.para && c.src == srcNone && r.local.src.regional() && pronounSpeaker(toks) {
		// "he wrote", "she added" opening the quote's own paragraph: the
		// governor or mayor named before goes on speaking
		c.src, carried = r.local.src, true
	}
	c.regional = c.src.regional()
	r.sawRegional = r.sawRegional || c.regional
	r.sawNational = r.sawNational || c.src.rank() > 0
	r.launchAreas = r.launchAreas || launchAreas(toks)
	if c.regional && c.src != r.speaker {
		r.speakers++
		r.speaker = c.src
	}
	if s.para && !carried || c.src != srcNone && !c.regional {
		r.local = localCtx{}
	}
	c.time = timeCue(toks, r.pub, r.today, r.rs)
	if regs := sentenceRegions(toks); len(regs) > 0 {
		r.lastPlace = regs[len(regs)-1].name
	}
	signal := attackerSignalOf(toks, c.src, ms, r.rs)
	if r.rs.on(ruleAlertScene) {
		r.alertScene(s, &c)
	}
	if c.regional {
		c.regs = sentenceRegions(toks)
		if home, ok := regionByName(r.homeOf(toks)); ok && len(c.regs) == 0 {
			c.regs = []region{home} // "<surname> wrote": the region the official speaks for
			r.lastPlace = home.name // the place "the region" refers to next
		}
		c.localReg = r.localRegion(c.regs, signal)
		r.learnHead(toks, c.src, c.localReg)
		r.local = localCtx{region: c.localReg, src: c.src}
		if c.localReg != "" && !contains(r.speakerRegs, c.localReg) {
			r.speakerRegs = append(r.speakerRegs, c.localReg)
		}
	}
	c.att = signal
	if c.att == sideNone && c.localReg != "" {
		c.att = sideOfRegion(c.localReg) // a Ukrainian governor counts Russia's attack, a Russian one Ukraine's
	}
	if c.att == sideNone {
		c.att = r.attacker
	}
	if c.att == sideNone {
		c.att, c.guessed = sideRU, true
		if regs := sentenceRegions(toks); len(regs) > 0 && allRussian(regs) && !nationalTarget(toks) {
			c.att = sideUA // nothing else says who attacked: drones over Russia's regions are Ukraine's
		}
	}
	if !ownStrikeClaim(toks, c.src, r.rs) {
		r.attacker = c.att
	}
	if r.rs.on(ruleWarScale) && c.time.period == periodNone && !c.time.dated && warScale(figs) && !r.warScaleNight(c.att) {
		c.time.period, c.time.has = periodCumulative, true // "has fired more than 4,000 missiles": the war's total
		c.time.key = string(periodCumulative) + "|"
	}
	return c
}

// timedAttack: the side's current event is one night's or day's attack, so
// that a sentence with no time word goes on telling it.
func (r *reader) timedAttack(att side) bool {
	e := r.cur[att]
	return e != nil && e.period != periodNone && e.period != periodCumulative
}

// warScaleNight: the side's current event is a timed attack that itself
// holds a figure at war scale (a record night of over 1,000 drones), so a
// sentence with no time word and such a figure may go on telling it. After
// a night of ordinary size, a war-scale figure with no time word ("has
// fired more than 4,000 missiles", "the attacks have killed more than
// 12,000 civilians") is the war's total, not that night's.
func (r *reader) warScaleNight(att side) bool {
	if !r.timedAttack(att) {
		return false
	}
	e := r.cur[att]
	for k := range e.entries {
		if warScale([]figure{e.entries[k].figure}) {
			return true
		}
	}
	return false
}

// allRussian: every region named is Russia's own; Crimea, which Ukraine's
// Air Force names as a launch area ("from Cape Chauda (Crimea)"), does not
// tell the side by itself, but in a list with Russia's own regions ("three
// over one Russian region, one over Crimea") it is one of the list.
func allRussian(regs []region) bool {
	own := false
	for _, rg := range regs {
		if !rg.ru {
			return false
		}
		own = own || rg.name != "Crimea"
	}
	return own
}

// pronounSpeaker: the sentence's speaker is a pronoun ("he wrote", "said
// she", "according to him"): someone named before speaks.
func pronounSpeaker(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i].low, toks[i+1].low
		switch {
		case (a == "he" || a == "she") && speechVerb(b), speechVerb(a) && (b == "he" || b == "she"),
			a == "according" && i+2 < len(toks) && b == "to" && (toks[i+2].low == "him" || toks[i+2].low == "her"):
			return true
		}
	}
	return false
}

func speechVerb(w string) bool {
	switch w {
	case "said", "says", "wrote", "writes", "added", "adds", "noted", "stressed", "stated", "reported", "posted", "continued":
		return true
	}
	return false
}

// alertScene: a city's military administration reports an air-raid alert in
// the city ("the alert in Kyiv lasted four hours") and then the drones
// destroyed over it; figures that follow without a source or time of their
// own, in the same paragraph, are that place's.
func (r *reader) alertScene(s sentence, c *clause) {
	alert := alertWord(s.toks)
	if s.para || c.src != srcNone && !c.regional || c.time.has && !alert {
		r.scene = ""
	}
	if alert {
		if regs := sentenceRegions(s.toks); len(regs) > 0 && !regs[0].ru && allSame(regs) {
			r.scene = regs[0].name
		}
	}
	if r.scene != "" && c.src == srcNone && (!c.time.has || alert) {
		c.regional, c.localReg = true, r.scene
	}
}

func alertWord(toks []token) bool {
	for i := range toks {
		switch toks[i].low {
		case "alert", "alerts", "alarm", "тривога", "тривоги", "тривогу":
			return true
		}
	}
	return false
}

func allSame(regs []region) bool {
	for _, rg := range regs {
		if rg.name != regs[0].name {
			return false
		}
	}
	return true
}

// localRegion is the region a governor or mayor speaks of: named in the
// sentence, or the one spoken of before.
func (r *reader) localRegion(regs []region, signal side) string {
	for _, rg := range regs {
		if signal == sideNone || rg.ru == (signal == sideUA) {
			return rg.name
		}
	}
	if r.local.region != "" {
		return r.local.region
	}
	if c := r.cur[r.attacker]; c != nil && c.scope == scopeRegional && c.parent == nil && c.region != "" {
		return c.region
	}
	if r.rs.on(ruleScope) {
		return r.lastCity(sideOr(signal, r.attacker)) // "заявив очільник області": the region named before
	}
	return ""
}

func sideOr(a, b side) side {
	if a != sideNone {
		return a
	}
	if b != sideNone {
		return b
	}
	return sideRU
}

// eventFor picks the event a sentence's figures belong to: the current one
// of the side, or a new one when the sentence brings another time, or
// another figure for a field already stated.
func (r *reader) eventFor(s sentence, c clause, figs []figure) *event {
	cur := r.cur[c.att]
	ti := c.time
	if p := r.prev[c.att]; cur != nil && !cur.strong && len(cur.entries) == 0 && p != nil && r.rs.on(ruleRestate) && restates(p, figs) {
		cur, r.cur[c.att] = p, p // a time named alone, then the same figures again
	}
	if cur != nil && cur.strong && !s.headline && r.rs.on(ruleRestate) && sameKind(cur, ti) && restates(cur, figs) {
		return cur // the same figures again, under another time word
	}
	if cur != nil && cur.strong && r.rs.on(ruleIncluded) && includesParts(s.toks) {
		return cur // "the figures included an earlier wave of N": parts of the attack told, whatever their time
	}
	switch {
	case cur == nil:
		return r.newEvent(c.att, ti)
	case ti.has && ti.key != cur.key && !s.headline:
		// figures stated first and their night after: "22 were launched ... this night, 17 were destroyed"
		untimed := cur.key == "|" && !conflicts(cur, figs) && r.rs.on(ruleAdoptTime)
		if cur.strong && !untimed || cur.period != periodNone && len(cur.entries) > 0 && !sameKind(cur, ti) {
			// a span after a night's figures (or a night after a span's) is
			// another event, even when the first figures were vague
			return r.newEvent(c.att, ti)
		}
		if !cur.strong || untimed {
			retime(cur, ti)
		}
	}
	if ti.has && cur.strong && !s.headline && r.rs.on(ruleConflict) && conflicts(cur, figs) {
		// another figure for a field already stated, with its own time: another attack
		return r.newEvent(c.att, ti)
	}
	return cur
}

// sameKind: a sentence's time may name the event's again in other words:
// not another named date, not a span where the event is one night, nor the reverse.
func sameKind(e *event, ti timeInfo) bool {
	if !ti.has {
		return true
	}
	if e.named && ti.dated && ti.date != e.date {
		return false
	}
	return (ti.period == periodCumulative) == (e.period == periodCumulative)
}

// retime gives an event without figures the time of a later sentence.
func retime(e *event, ti timeInfo) {
	e.period, e.date, e.key, e.named = ti.period, ti.date, ti.key, ti.dated
	switch {
	case ti.period == periodCumulative:
		e.scope = scopeCumulative
	case e.scope == scopeCumulative:
		e.scope = scopeNational
	}
}

// conflicts reports whether a plain drone or missile figure of the sentence
// differs from one the event holds for the same outcome.
func conflicts(e *event, figs []figure) bool {
	for i := range figs {
		f := &figs[i]
		if !f.known || f.subset || f.has(fRefer|fWhole|fRevised|fEarlier) || (f.class != classDrone && f.class != classMissile) || f.out == outNone {
			continue
		}
		for k := range e.entries {
			x := &e.entries[k]
			if !x.weak && x.known && !x.subset && x.class == f.class && x.out == f.out && x.mclass == f.mclass && !agrees(&x.figure, f) && !e.splitTotal(f) {
				return true
			}
		}
	}
	return false
}

// targetFor routes a regional source's figures to its region's event.
func (r *reader) targetFor(cur *event, s sentence, c clause, figs []figure) *event {
	if !c.regional && len(figs) > 0 && (c.src.rank() >= 2 || nationalTarget(s.toks)) && cur.scope == scopeRegional && cur.parent == nil && cur.region != "" && r.rs.on(ruleScope) {
		cur = r.nationalOver(cur) // a governor's figures first, the Air Force's after them
	}
	target := cur
	if c.regional && len(figs) > 0 {
		reg := ""
		for _, rg := range c.regs {
			if !rg.ru || c.att == sideUA {
				reg = rg.name
				break
			}
		}
		if reg == "" {
			reg = c.localReg
		}
		switch {
		case !cur.strong && cur.scope == scopeNational && len(cur.children) == 0:
			cur.scope, cur.region = scopeRegional, reg
			if cur.source == srcNone {
				cur.source = c.src
			}
		case cur.scope != scopeRegional || cur.region != reg:
			target = r.child(cur, reg)
			if !target.strong || target.source == srcNone {
				target.source = c.src // a count read from a national source keeps that source
			}
		}
	}
	if c.src.better(target.source, r.rs) && !(c.regional && len(figs) == 0 && target.scope == scopeNational && r.rs.on(ruleScope)) {
		target.source = c.src
	}
	if target.source == srcNone && !c.regional && r.pending != srcNone && target.scope == scopeNational && r.pendingFits(target, s.toks) {
		target.source = r.pending
	}
	if target.source == srcNone && r.pendingLocal != srcNone && target.onlyPeople() && casualtiesOnly(figs) && r.rs.on(ruleLocalSource) {
		target.peopleSource = r.pendingLocal
	}
	if target.scope != scopeRegional && (len(figs) > 0 || targetsRegions(s.toks)) {
		regs := c.regs
		if regs == nil {
			regs = sentenceRegions(s.toks)
		}
		for _, rg := range regs {
			if rg.ru == (c.att == sideUA) {
				target.addRegion(rg.name)
			}
		}
	}
	return target
}

// nationalOver puts a region's event, told first (a governor's or a
// mayor's figures), under a new national event for the figures a national
// body (the Air Force, the General Staff, the military) gives after them:
// the country's figures are not that region's.
func (r *reader) nationalOver(reg *event) *event {
	n := &event{attacker: reg.attacker, period: reg.period, date: reg.date, key: reg.key, named: reg.named, scope: scopeNational}
	reg.parent = n
	n.children = append(n.children, reg)
	at := slices.Index(r.events, reg) // the country's event before its region's, as child() orders them
	if at < 0 {
		at = len(r.events)
	}
	r.events = slices.Insert(r.events, at, n)
	r.cur[reg.attacker] = n
	return n
}

// includesParts: the sentence opens with a word for the attack or its
// figures told before and "included" ("The figures included ...", "The
// barrage included ...", "This included ..."): what it counts are parts of
// that attack.
func includesParts(toks []token) bool {
	for k := 0; k < len(toks) && k < 3; k++ {
		switch toks[k].low {
		case "the", "this", "these", "that", "its":
			continue
		case "figures", "figure", "total", "tally", "count", "numbers", "attack", "onslaught", "barrage", "salvo", "wave", "strike":
			if k+1 < len(toks) {
				switch toks[k+1].low {
				case "included", "includes", "include":
					return true
				}
			}
			return false
		case "included", "includes", "include":
			return k > 0 // "This included ..."
		}
		return false
	}
	return false
}
