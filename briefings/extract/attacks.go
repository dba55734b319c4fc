package extract

import (
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// Attacker and target codes.
const (
	codeRU = "RU"
	codeUA = "UA"
)

// Canonical sources of figures.
const (
	srcAirForce = "Ukraine's Air Force"
	srcRUMoD    = "Russia's Defence Ministry"
	srcGenStaff = "Ukraine's General Staff"
	srcMilitary = "Ukraine's military"
	srcGovernor = "regional governor"
	srcMayor    = "mayor"
	srcOfficial = "Ukrainian officials"
)

// entry is a counted phrase placed in a report.
type entry struct {
	mention
	weak  bool // from a headline: used only where the body says nothing
	group int  // phrases joined by "and" share a group
}

type report struct {
	attacker  string
	period    string
	date      string
	key       string
	scope     string
	region    string
	source    string
	entries   []entry
	strong    bool // has a figure from the body
	sentences []string
	regions   []string
	children  []*report
	parent    *report
	except    []exception // "all ... except for the Iskander-M missile"
}

func (r *report) addSentence(s string) {
	if len(r.sentences) >= maxSentences {
		return
	}
	for _, x := range r.sentences {
		if x == s {
			return
		}
	}
	r.sentences = append(r.sentences, s)
}

func (r *report) addRegion(name string) {
	for _, x := range r.regions {
		if x == name {
			return
		}
	}
	r.regions = append(r.regions, name)
}

type extractor struct {
	pub      time.Time
	reports  []*report
	cur      map[string]*report
	attacker string
	group    int
	listCue  int
	last     *entry  // the last counted phrase (referent of "of them")
	lastRep  *report // the report holding last
	// local is the region a governor or mayor spoke of, for the rest of the
	// paragraph: "N people were hurt, she added" is that region's figure.
	local     localCtx
	sents     []sentence // the whole text, for its dominant region
	dominant  *region    // computed on first use
	dominated bool
}

type localCtx struct {
	region string
	src    string
}

// dominantRegion is the region the text names most often, when one leads
// ("the regional governor said" without a name in an article about one region).
func (x *extractor) dominantRegion() (region, bool) {
	if !x.dominated {
		x.dominated = true
		counts := map[string]int{}
		for _, s := range x.sents {
			for ix := range s.toks {
				t := &s.toks[ix]
				if t.kind != kWord || t.low == "capital" {
					continue
				}
				if r, ok := regionOf(t.low); ok {
					counts[r.name]++
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
			r, _ := regionByName(best)
			x.dominant = &r
		}
	}
	if x.dominant == nil {
		return region{}, false
	}
	return *x.dominant, true
}

func sourceOf(toks []token) (src string, regional bool) {
	for i := 0; i < len(toks); i++ {
		lw := toks[i].low
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].low
		}
		prev := ""
		if i > 0 {
			prev = toks[i-1].low
		}
		switch {
		case lw == "air" && (next == "force" || next == "forces" || next == "force's"):
			return srcAirForce, false
		case strings.HasPrefix(lw, "повітрян") && i+1 < len(toks) && strings.HasPrefix(next, "сил"):
			return srcAirForce, false
		case lw == "пс" || lw == "kpszsu":
			return srcAirForce, false
		case (lw == "defense" || lw == "defence") && (next == "ministry" || next == "minister"):
			if prev == "ukrainian" || prev == "ukraine's" {
				return srcMilitary, false
			}
			return srcRUMoD, false
		case lw == "ministry" && (next == "of" || prev == "the" || prev == "its"):
			if prev == "ukrainian" || prev == "ukraine's" {
				continue
			}
			return srcRUMoD, false
		case lw == "міноборони" && (next == "рф" || next == "росії"):
			return srcRUMoD, false
		case lw == "general" && next == "staff", lw == "генштаб", lw == "генштабу":
			return srcGenStaff, false
		case strings.HasPrefix(lw, "адміністрац") && (prev == "військової" || prev == "військова" || prev == "обласної" || prev == "обласна"):
			if i >= 2 && (toks[i-2].low == "міської" || toks[i-2].low == "міська") {
				return srcMayor, true
			}
			return srcGovernor, true
		case lw == "governor" || lw == "gov" || lw == "губернатор" || lw == "ова" || (lw == "military" && next == "administration") || (lw == "regional" && next == "administration"):
			return srcGovernor, true
		case lw == "mayor" || (lw == "міський" && next == "голова") || lw == "мер":
			return srcMayor, true
		case (lw == "ukrainian" || lw == "ukraine's") && (next == "military" || next == "army"), lw == "commander-in-chief":
			return srcMilitary, false
		case lw == "officials" && (prev == "ukrainian" || prev == "ukraine's"):
			return srcOfficial, false
		}
	}
	return "", false
}

// attackerSignal: UA when Russia reports Ukrainian drones, RU when Ukraine
// reports Russian ones; "" when the sentence does not say.
func attackerSignal(toks []token, src string, ms []mention) string {
	ua, ru := 0, 0
	if src == srcRUMoD {
		ua += 2
	}
	if src == srcAirForce || src == srcGenStaff || src == srcMilitary {
		ru += 2
	}
	for _, m := range ms {
		if m.ukr {
			ua += 2
		}
		if m.rus {
			ru++
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i].low, toks[i+1].low
		switch {
		case a == "by" && (b == "ukraine" || b == "kyiv"):
			ua++
		case a == "russian" && (b == "territory" || strings.HasPrefix(b, "air")):
			ua++
		case a == "russia" && (b == "claimed" || b == "said"):
			ua++
		case (a == "ukraine" || a == "kyiv") && (b == "launched" || b == "fired" || b == "struck" || b == "attacked"):
			ua++
		case (a == "russia" || a == "russian" || a == "moscow") && (b == "launched" || b == "fired" || b == "forces" || b == "deployed" || b == "attacked" || b == "used" || b == "had" || b == "also"):
			ru++
		case a == "противник" || a == "окупанти" || a == "росіяни" || a == "рф":
			ru++
		}
	}
	switch {
	case ua > ru:
		return codeUA
	case ru > ua:
		return codeRU
	}
	return ""
}

// sentenceRegions lists the regions named in a sentence outside launch-area
// phrases ("from Kursk", "із напрямків: ...").
func sentenceRegions(toks []token) []region {
	var out []region
	launch := false
	for i, t := range toks {
		lw := t.low
		switch lw {
		case "from", "із", "з", "напрямків", "напрямку", "пуску", "зі":
			launch = true
			continue
		case ";", ".", ")", "(":
			launch = false
			continue
		}
		if int(t.cue) != cNone {
			launch = false
		}
		if t.kind != kWord {
			continue
		}
		if i < 3 && len(t.s) > 2 && strings.ToUpper(t.s) == t.s {
			continue // a dateline: "KYIV, Ukraine (AP) —"
		}
		if r, ok := regionOf(lw); ok {
			if lw == "capital" && !(i > 0 && (toks[i-1].low == "ukraine's" || toks[i-1].low == "the")) {
				continue
			}
			if launch {
				continue
			}
			out = append(out, r)
		}
	}
	return out
}

// locativeRegion finds "over the Bryansk region", "над Сумщиною" after a
// phrase; it returns a region only when exactly one is named.
func locativeRegion(toks []token, from int) (string, bool) {
	k := from
	for n := 0; k < len(toks) && n < 7; n++ {
		lw := toks[k].low
		if lw == "over" || lw == "in" || lw == "above" || lw == "над" || lw == "towards" || lw == "toward" || lw == "for" || lw == "на" || lw == "у" || lw == "в" || lw == "targeted" {
			break
		}
		if toks[k].kind == kNum || lw == ";" || lw == "." || lw == "," {
			return "", false
		}
		k++
	}
	if k >= len(toks) {
		return "", false
	}
	k++
	var found []region
	for n := 0; k < len(toks) && n < 8; n++ {
		t := &toks[k]
		lw := t.low
		if r, ok := regionOf(lw); ok && t.kind == kWord {
			dup := false
			for _, f := range found {
				if f.name == r.name {
					dup = true
				}
			}
			if !dup {
				found = append(found, r)
			}
			k++
			continue
		}
		if lw == "the" || lw == "region" || lw == "regions" || lw == "oblast" || lw == "oblasts" || lw == "republic" || lw == "of" || lw == "and" || lw == "," || lw == "та" || lw == "і" || lw == "області" || lw == "областю" || lw == "city" || lw == "ukraine's" || strings.HasSuffix(lw, "ern") || lw == "territory" {
			if lw == "," && len(found) > 0 && k+1 < len(toks) {
				if _, ok := regionOf(toks[k+1].low); !ok {
					break
				}
			}
			k++
			continue
		}
		break
	}
	if len(found) == 1 {
		return found[0].name, true
	}
	return "", false
}

// Caps that keep work bounded on any input.
const (
	maxReports   = 200 // reports per text
	maxEntries   = 400 // counted phrases per report
	maxSentences = 30  // evidence sentences per report
)

func (x *extractor) newReport(att string, ti timeInfo) *report {
	r := &report{attacker: att, period: ti.period, date: ti.date, key: ti.key, scope: briefings.ScopeNational}
	if ti.period == periodCumulative {
		r.scope = briefings.ScopeCumulative
	}
	x.reports = append(x.reports, r)
	x.cur[att] = r
	return r
}

func (x *extractor) child(p *report, reg string) *report {
	if p.parent != nil {
		p = p.parent
	}
	for _, c := range p.children {
		if c.region == reg {
			return c
		}
	}
	c := &report{attacker: p.attacker, period: p.period, date: p.date, key: p.key, scope: briefings.ScopeRegional, region: reg, parent: p, source: p.source}
	if p.scope == briefings.ScopeCumulative {
		c.scope = briefings.ScopeCumulative
	}
	p.children = append(p.children, c)
	x.reports = append(x.reports, c)
	return c
}

// splitByTime splits "On Tuesday night Russia launched 100 drones, and on
// Wednesday night it launched 140" at the clause that brings its own time,
// when both sides hold figures. It returns nil when s stays whole.
func splitByTime(s sentence, pub time.Time, depth int) []sentence {
	toks := s.toks
	timeWords := 0
	for ix := range toks {
		t := &toks[ix]
		if t.wday > 0 || t.month > 0 || t.low == "overnight" || t.low == "night" || t.low == "ніч" {
			timeWords++
		}
	}
	if timeWords < 2 || timeWords > 8 || depth > 3 || len(toks) < 6 || len(toks) > 200 {
		return nil
	}
	for b := 2; b < len(toks)-3; b++ {
		if toks[b].low != "," && toks[b].low != ";" {
			continue
		}
		// the right side opens with a time: ", and on Wednesday night", "; overnight on May 4"
		opens := false
		for k := b + 1; k < len(toks) && k <= b+3; k++ {
			lw := toks[k].low
			if toks[k].wday > 0 || toks[k].month > 0 || lw == "overnight" || lw == "night" || lw == "ніч" || lw == "вночі" {
				opens = true
				break
			}
		}
		if !opens {
			continue
		}
		l := timeCue(toks[:b], pub)
		r := timeCue(toks[b+1:], pub)
		if !l.has || !r.has || l.key == r.key {
			continue
		}
		lt := s.text[:toks[b].off]
		rt := strings.TrimSpace(s.text[toks[b].end:])
		if len(rt) == 0 {
			continue
		}
		left, right := s, s
		left.text, left.toks = lt, tokenize(lt)
		right.text, right.toks = rt, tokenize(rt)
		if lc := findCues(left.toks); len(lc) > 0 {
			// "..., а у ніч на 6 травня – 55 БпЛА": the verb of the first part
			right.cue = lc[len(lc)-1].kind
		}
		cl, cr := make([]int, len(left.toks)+1), make([]int, len(right.toks)+1)
		if len(parseMentions(left.toks, cl)) == 0 || len(parseMentions(right.toks, cr)) == 0 {
			continue
		}
		rest := splitByTime(right, pub, depth+1)
		if rest == nil {
			rest = []sentence{right}
		}
		return append([]sentence{left}, rest...)
	}
	return nil
}

// sentence reads one sentence into the reports.
func (x *extractor) sentence(s sentence) {
	if len(x.reports) >= maxReports {
		return
	}
	if parts := splitByTime(s, x.pub, 0); parts != nil {
		for _, p := range parts {
			x.sentence1(p)
		}
		return
	}
	x.sentence1(s)
}

func (x *extractor) sentence1(s sentence) {
	toks := s.toks
	if len(toks) == 0 {
		return
	}
	cues := findCues(toks)
	cueAtTok := make([]int, len(toks)+1)
	for _, c := range cues {
		for k := c.start; k < c.end; k++ {
			cueAtTok[k] = c.kind
		}
	}
	ms := parseMentions(toks, cueAtTok)
	if denial(toks) || aidContext(toks) {
		// a denial such as "the ministry denied that N Kinzhal missiles had been downed"
		ms = nil
	}
	src, regionalSrc := sourceOf(toks)
	if s.para {
		x.local = localCtx{}
	}
	if src != "" && !regionalSrc {
		x.local = localCtx{}
	}
	if src == "" && x.local.src != "" && len(ms) > 0 && casualtiesOnly(ms) {
		// "N people were hurt, she added" after a governor's sentence
		src, regionalSrc = x.local.src, true
	}
	ti := timeCue(toks, x.pub)
	if !s.bullet {
		x.listCue = cNone
	}
	if s.colon && len(cues) > 0 {
		// a list header: its last cue applies to the bullets below
		defer func(k int) { x.listCue = k }(cues[len(cues)-1].kind)
	}
	var regs []region
	localReg := ""
	if regionalSrc {
		// the region a governor or mayor speaks of: named, or the one spoken of before
		regs = sentenceRegions(toks)
		sig := attackerSignal(toks, src, ms)
		for _, r := range regs {
			if sig == "" || r.ru == (sig == codeUA) {
				localReg = r.name
				break
			}
		}
		if localReg == "" && x.local.region != "" {
			localReg = x.local.region
		}
		if localReg == "" {
			if c := x.cur[x.attacker]; c != nil && c.scope == briefings.ScopeRegional && c.parent == nil && c.region != "" {
				localReg = c.region
			}
		}
		if localReg == "" {
			if r, ok := x.dominantRegion(); ok {
				localReg = r.name
			}
		}
		x.local = localCtx{region: localReg, src: src}
	}
	att := attackerSignal(toks, src, ms)
	if att == "" && localReg != "" {
		// a Ukrainian governor counts Russia's attack, a Russian one Ukraine's
		if r, ok := regionByName(localReg); ok {
			att = codeRU
			if r.ru {
				att = codeUA
			}
		}
	}
	if att == "" {
		att = x.attacker
	}
	if att == "" {
		att = codeRU
	}
	x.attacker = att
	if len(ms) == 0 && !ti.has {
		r := x.cur[att]
		if r != nil && src != "" && r.source == "" && r.strong {
			r.source = src
		}
		if r != nil && r.scope != briefings.ScopeRegional && targetsRegions(toks) {
			for _, rg := range sentenceRegions(toks) {
				if rg.ru == (att == codeUA) {
					r.addRegion(rg.name)
				}
			}
		}
		return
	}
	cur := x.cur[att]
	switch {
	case cur == nil:
		cur = x.newReport(att, ti)
	case ti.has && ti.key != cur.key && !s.headline:
		// "said on Sunday" after "overnight into Sunday": the same night
		sameNight := ti.period == "" && cur.period != "" && ti.date != "" && ti.date == cur.date
		if cur.strong && !sameNight {
			cur = x.newReport(att, ti)
		} else if !cur.strong {
			cur.period, cur.date, cur.key = ti.period, ti.date, ti.key
			if ti.period == periodCumulative {
				cur.scope = briefings.ScopeCumulative
			} else if cur.scope == briefings.ScopeCumulative {
				cur.scope = briefings.ScopeNational
			}
		}
	}
	// a national source after a governor's or mayor's count: the national report
	if cur.scope == briefings.ScopeRegional && cur.parent == nil && src != "" && !regionalSrc && cur.strong && len(ms) > 0 {
		old := cur
		cur = x.newReport(att, ti)
		if !ti.has {
			cur.period, cur.date, cur.key = old.period, old.date, old.key
		}
		old.parent = cur
		cur.children = append(cur.children, old)
	}
	// a sentence with its own time that gives another figure for a field
	// already stated: another attack ("But last night, ... only 22 drones")
	if ti.has && cur.strong && !s.headline && x.conflicts(cur, cues, ms) {
		cur = x.newReport(att, ti)
	}
	if regs == nil {
		regs = sentenceRegions(toks)
	}
	if !cur.strong && len(ms) > 0 && alertSentence(toks) {
		// an alert-duration clause naming a city ("alerts in <city> lasted N hours"): the figures that follow are that city's
		if reg, ok := locativeRegion(toks, 0); ok {
			cur.scope, cur.region = briefings.ScopeRegional, reg
		}
	}
	if !cur.strong && len(ms) == 0 && alertSentence(toks) && cur.scope == briefings.ScopeNational {
		if reg, ok := locativeRegion(toks, 0); ok {
			cur.scope, cur.region = briefings.ScopeRegional, reg
		}
	}
	target := cur
	if regionalSrc && len(ms) > 0 {
		reg := ""
		for _, r := range regs {
			if !r.ru || att == codeUA {
				reg = r.name
				break
			}
		}
		if reg == "" {
			reg = localReg
		}
		if !cur.strong && cur.scope == briefings.ScopeNational && len(cur.children) == 0 {
			cur.scope = briefings.ScopeRegional
			cur.region = reg
			if cur.source == "" {
				cur.source = src
			}
		} else if cur.scope != briefings.ScopeRegional || cur.region != reg {
			target = x.child(cur, reg)
			if !target.strong || target.source == "" {
				// a count already read from a national source keeps that source
				target.source = src
			}
		}
	}
	if src != "" && target.source == "" {
		target.source = src
	}
	if target.scope != briefings.ScopeRegional && (len(ms) > 0 || targetsRegions(toks)) {
		for _, r := range regs {
			if r.ru == (att == codeUA) || (r.name == "Crimea" && att == codeUA) {
				target.addRegion(r.name)
			}
		}
	}
	x.place(toks, cues, cueAtTok, ms, s, target)
}

// casualtiesOnly: every counted phrase of the sentence counts people.
func casualtiesOnly(ms []mention) bool {
	for _, m := range ms {
		if m.class != clPerson {
			return false
		}
	}
	return true
}

// headBefore is the weapon noun nearest before token i, if any.
func headBefore(toks []token, i int) string {
	for k := i - 1; k >= 0; k-- {
		if cl, _ := headClass(toks[k].low); cl == clDrone || cl == clMissile {
			return cl
		}
	}
	return ""
}

// aidContext: weapons supplied, produced or stocked are not an attack
// ("Germany delivered 4 IRIS-T missiles", "Russia produces 2,700 drones a month").
func aidContext(toks []token) bool {
	for ix := range toks {
		t := &toks[ix]
		switch t.low {
		case "supplied", "supply", "supplies", "delivered", "deliver", "delivers", "deliveries", "donated", "donate",
			"pledged", "transferred", "provided", "provide", "purchase", "purchased", "buy", "bought", "produce",
			"produces", "produced", "production", "manufacture", "manufactured", "stockpile", "stockpiles", "arsenal",
			"package", "передала", "передав", "передали", "постачання", "виробляє", "виробництво", "закупівля":
			return true
		}
	}
	return false
}

func denial(toks []token) bool {
	for ix := range toks {
		t := &toks[ix]
		switch t.low {
		case "denied", "denies", "dismissed", "rejected", "disputed", "заперечив", "заперечили", "спростував", "спростували":
			return true
		}
	}
	return false
}

// targetsRegions: "Основний напрямок удару – Харківщина", "targeting Kyiv".
func targetsRegions(toks []token) bool {
	for ix := range toks {
		t := &toks[ix]
		switch t.low {
		case "удару", "атаковано", "targeting", "targeted", "hitting", "struck", "attacked":
			return true
		}
	}
	return false
}

func alertSentence(toks []token) bool {
	for ix := range toks {
		t := &toks[ix]
		if t.low == "alert" || t.low == "alerts" || strings.HasPrefix(t.low, "тривог") {
			return true
		}
	}
	return false
}

// conflicts reports whether a plain drone or missile figure of the sentence
// differs from one the report already holds for the same verb.
func (x *extractor) conflicts(r *report, cues []cue, ms []mention) bool {
	for _, m := range ms {
		if !m.known || m.subset || m.refer || m.incl || m.incr || m.whole || (m.class != clDrone && m.class != clMissile) {
			continue
		}
		k := backCue(cues, m.start, m.class)
		if k == cNone {
			continue
		}
		for _, e := range r.entries {
			if e.weak || !e.known || e.subset || e.class != m.class || e.outcome != k || e.mclass != m.mclass {
				continue
			}
			if e.n != m.n {
				return true
			}
		}
	}
	return false
}

// place assigns outcomes to the phrases and records them in reports.
func (x *extractor) place(toks []token, cues []cue, cueAtTok []int, ms []mention, s sentence, target *report) {
	if len(ms) == 0 {
		return
	}
	// groups: phrases joined by "and", commas, "as well as", "along with"
	for i := range ms {
		if i > 0 && !ms[i-1].whole && !ms[i].incr && joined(toks, ms[i-1].end, ms[i].start) {
			ms[i].group = ms[i-1].group
		} else {
			x.group++
			ms[i].group = x.group
		}
	}
	// forward cue of each group: "319 drones and 25 missiles were shot down"
	fw := map[int]int{}
	fwRel := map[int]bool{}
	fwDirect := map[int]bool{}
	fwAt := map[int]int{} // group -> token index of its forward cue
	for i := range ms {
		if i+1 < len(ms) && ms[i+1].group == ms[i].group {
			continue
		}
		k := ms[i].end
		rel := false
		for n := 0; k < len(toks) && n < 5; n++ {
			if toks[k].low == "," && k+1 < len(toks) && (toks[k+1].low == "except" || toks[k+1].low == "крім" || toks[k+1].low == "окрім") {
				// "All the projectiles, except for the Iskander-M missile, were shot down"
				q := k + 1
				for q < len(toks) && q < k+10 && toks[q].low != "," {
					q++
				}
				k = q + 1
				continue
			}
			if toks[k].low == "," && n == 0 {
				break
			}
			if cueAtTok[k] != cNone {
				break
			}
			if toks[k].low == "which" || toks[k].low == "that" || toks[k].low == "які" {
				rel = true
			}
			if !passiveSkip[toks[k].low] && !(strings.HasSuffix(toks[k].low, "ly") && toks[k].kind == kWord) && !strings.HasSuffix(toks[k].low, "но") {
				break
			}
			k++
		}
		if k < len(toks) && cueAtTok[k] != cNone {
			kind := cueAtTok[k]
			// "were detected and neutralized": the last verb says the outcome
			e := k
			for e < len(toks) && cueAtTok[e] == kind {
				e++
			}
			if e+1 < len(toks) && (toks[e].low == "and" || toks[e].low == "та" || toks[e].low == "і") && cueAtTok[e+1] != cNone && kind == cLaunch {
				kind = cueAtTok[e+1]
				rel = true
			}
			fw[ms[i].group] = kind
			fwRel[ms[i].group] = rel
			fwDirect[ms[i].group] = k == ms[i].end
			fwAt[ms[i].group] = k
		}
	}
	var prev *mention
	var splits []split
	defer func() {
		for _, sp := range splits {
			sp.apply(ms)
		}
	}()
	for i := range ms {
		m := &ms[i]
		if m.class == "" && (m.ellipsis || m.refer) {
			switch {
			case prev != nil && !m.refer:
				m.class, m.mclass, m.mixedType = prev.class, prev.mclass, prev.mixedType
				if !prev.mixedType {
					m.models = prev.models
				}
				if m.region == "" {
					m.subset = prev.subset
				}
			case headBefore(toks, m.start) != "":
				// "Of these drones, 30 were lost"
				m.class = headBefore(toks, m.start)
			case x.last != nil:
				m.class, m.mclass = x.last.class, x.last.mclass
				if len(m.models) == 0 && !x.last.mixedType {
					m.models = x.last.models
				}
				if m.class == clMixed {
					m.class = ""
				}
			}
		}
		if m.class == "" && m.vague == "" && !m.all {
			continue
		}
		// outcome
		isPerson := m.class == clPerson
		back, backAt := backCueAt(cues, m.start, m.class)
		consumed := false
		for g, at := range fwAt {
			if g < m.group && at == backAt {
				consumed = true
			}
		}
		if k, ok := fw[m.group]; ok && allowed(k, m.class) && !(fwDirect[m.group] && k == cLaunch && back != cNone && back != k && !isPerson && !m.ellipsis && !consumed) {
			m.outcome = k
			if fwRel[m.group] && (back == cLaunch || back == cNone) {
				m.also = cLaunch
			}
		} else if b := backCue(cues, m.start, m.class); b != cNone {
			m.outcome = b
		} else if s.bullet && x.listCue != cNone && !isPerson {
			m.outcome = x.listCue
		} else if s.cue != cNone && allowed(s.cue, m.class) {
			m.outcome = s.cue
		} else if (m.refer || m.ellipsis || m.incl) && prev != nil {
			m.outcome = prev.outcome
		} else if m.refer && x.last != nil {
			m.outcome = x.last.outcome
			m.subset = true
		} else if m.incl && x.last != nil {
			m.outcome = x.last.outcome
		}
		if m.refer && m.outcome == cNone && x.last != nil {
			m.outcome = x.last.outcome
		}
		if m.whole && m.known && m.outcome == cNone && m.class != clPerson && m.class != clLocation {
			// "Of the N drones, A were shot down and B were lost": N is a figure
			// stated before (then the phrases after it split that figure), or
			// else the number launched
			if k := target.findFigure(m); k >= 0 {
				splits = append(splits, split{rep: target, entry: k, whole: i})
				prev = m
				continue
			}
			m.outcome = cLaunch
		}
		if m.refer && !hasOwnCue(toks, cueAtTok, m) {
			// "over N of the drones were Shahed-type", "понад N із них – Шахеди"
			for k := m.end; k < len(toks) && k < m.end+4; k++ {
				if md, ok := modelAt(toks, k); ok {
					m.addModel(md)
					m.subset = true
					if x.last != nil {
						m.outcome = x.last.outcome
					}
					break
				}
			}
			if !m.subset && x.last != nil && m.class == x.last.class && m.outcome == x.last.outcome {
				m.subset = true
			}
		}
		if m.incl && prev != nil && prev.class == m.class && m.class != clMixed {
			m.subset = true
		}
		if m.outcome == cNone || m.outcome == cIgnore {
			prev = m
			continue
		}
		if isPerson != (m.outcome == cKilled || m.outcome == cInjured) {
			prev = m
			continue
		}
		if m.class == clLocation && m.outcome != cHit && m.outcome != cDebris {
			// "on 33 locations" after a hit cue further back
			if b := backCueKinds(cues, m.start, cHit, cDebris); b != cNone {
				m.outcome = b
			} else {
				prev = m
				continue
			}
		}
		if reg, ok := locativeRegion(toks, m.end); ok && m.class != clPerson && m.class != clLocation {
			m.region = reg
		}
		dst := target
		if (m.refer || m.all) && !m.known && x.lastRep != nil && x.lastRep.attacker == target.attacker && len(ms) == 1 {
			// "He said all of them were destroyed": where the referent is
			dst = x.lastRep
		}
		if m.region != "" && (target.scope != briefings.ScopeRegional || target.region != m.region) {
			r, _ := regionByName(m.region)
			if (target.attacker == codeUA) == r.ru || m.subset {
				dst = x.child(target, m.region)
				m.subset = false
			}
		}
		if m.subset && m.region == "" && len(m.models) == 0 && m.mclass != "" {
			// "including 300 ballistic missiles"
			m.models = []string{m.mclass}
		}
		if m.subset && m.region == "" && len(m.models) == 0 {
			prev = m
			continue
		}
		if m.incr && !dst.takesIncrement(m, dst != target) {
			// a part added to a count stated before: never that count, nor the number launched
			prev = m
			continue
		}
		if len(dst.entries) >= maxEntries {
			continue
		}
		e := entry{mention: *m, weak: s.headline, group: m.group}
		dst.entries = append(dst.entries, e)
		if m.hasM && m.outcome != cLaunch && m.ofM >= m.n && m.class != clPerson {
			// "58 out of 59": 59 were launched
			x.group++
			ne := e
			ne.n, ne.qual, ne.hasM, ne.outcome, ne.also, ne.subset, ne.all, ne.group = m.ofM, "", false, cLaunch, 0, false, false, x.group
			dst.entries = append(dst.entries, ne)
		}
		if m.all && !m.known {
			dst.except = append(dst.except, exceptions(toks, m.end, m.outcome)...)
		}
		dst.addSentence(s.text)
		if !s.headline {
			dst.strong = true
			if dst.parent != nil {
				dst.parent.strong = true
			}
		}
		if m.known && !m.subset && m.class != clPerson && m.class != clLocation {
			ee := e
			x.last = &ee
			x.lastRep = dst
		}
		prev = m
	}
}

// findFigure is the index of the entry stating the same figure as a
// "whole" phrase (same class and number, from the body), or -1.
func (r *report) findFigure(m *mention) int {
	for k := len(r.entries) - 1; k >= 0; k-- {
		e := &r.entries[k]
		if !e.weak && e.known && !e.subset && e.class == m.class && e.n == m.n && e.outcome != cNone {
			return k
		}
	}
	return -1
}

// split is a "whole" phrase that names an entry stated before, with the
// phrases of the sentence after it as its parts.
type split struct {
	rep   *report
	entry int
	whole int // index of the whole phrase in the sentence's phrases
}

// apply: "neutralised N ... Of the N, A were shot down and B were lost from
// radar": when the parts are shot down and jammed, N was the combined figure.
func (sp split) apply(ms []mention) {
	e := &sp.rep.entries[sp.entry]
	if e.outcome != cIntercept {
		return
	}
	hasI, hasJ, sum := false, false, 0
	for _, m := range ms[sp.whole+1:] {
		if !m.known || m.class != e.class {
			continue
		}
		switch m.outcome {
		case cIntercept:
			hasI = true
		case cJam:
			hasJ = true
		default:
			continue
		}
		sum += m.n
	}
	if hasI && hasJ && sum <= e.n {
		e.outcome = cCombined
	}
}

// takesIncrement: "N more", "another N" is a figure of its own only as the
// first figure of its field in a report that already states another one
// ("50 were shot down and 30 more were jammed"), or in its own region's
// report ("7 over one region and 3 more over another"); it never states or
// replaces the number launched of the report it adds to.
func (r *report) takesIncrement(m *mention, ownRegion bool) bool {
	if m.outcome == cLaunch && !ownRegion {
		return false
	}
	root := r
	if root.parent != nil {
		root = root.parent
	}
	stated := len(root.entries) > 0
	for _, c := range root.children {
		if len(c.entries) > 0 {
			stated = true
		}
	}
	if !stated {
		return false
	}
	for _, e := range r.entries {
		if e.weak || !e.known || e.class != m.class {
			continue
		}
		if e.outcome == m.outcome || e.also == m.outcome {
			return false
		}
	}
	return true
}

func regionByName(name string) (region, bool) {
	for _, ra := range regionAliases {
		if ra.name == name {
			return region{ra.name, ra.ru}, true
		}
	}
	return region{}, false
}

func hasOwnCue(toks []token, cueAtTok []int, m *mention) bool {
	for k := m.end; k < len(toks) && k < m.end+5; k++ {
		if cueAtTok[k] != cNone {
			return true
		}
		if !passiveSkip[toks[k].low] {
			return false
		}
	}
	return false
}

func allowed(kind int, class string) bool {
	person := class == clPerson
	return person == (kind == cKilled || kind == cInjured) || kind == cIgnore
}

// backCue is the nearest cue before token i fit for the class.
func backCue(cues []cue, i int, class string) int {
	k, _ := backCueAt(cues, i, class)
	return k
}

func backCueAt(cues []cue, i int, class string) (int, int) {
	for k := len(cues) - 1; k >= 0; k-- {
		c := cues[k]
		if c.end > i {
			continue
		}
		if allowed(c.kind, class) {
			return c.kind, c.start
		}
	}
	return cNone, -1
}

// exception is what "all ... except for the Iskander-M missile" leaves out.
type exception struct {
	model   string
	class   string
	n       int
	outcome int
}

// exceptions reads "except (for) the X", "крім X" after an "all" phrase.
func exceptions(toks []token, from, outcome int) []exception {
	var out []exception
	for k := from; k < len(toks) && k < from+4; k++ {
		lw := toks[k].low
		if lw != "except" && lw != "крім" && lw != "окрім" {
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
		var ex exception
		for ; q < len(toks) && q < k+8; q++ {
			if md, ok := modelAt(toks, q); ok {
				ex.model, ex.class = md.name, md.class
				continue
			}
			if cl, _ := headClass(toks[q].low); cl != "" {
				if ex.class == "" {
					ex.class = cl
				}
				continue
			}
			break
		}
		if ex.model != "" || ex.class != "" {
			ex.n, ex.outcome = n, outcome
			out = append(out, ex)
		}
		break
	}
	return out
}

func backCueKinds(cues []cue, i int, kinds ...int) int {
	for k := len(cues) - 1; k >= 0; k-- {
		c := cues[k]
		if c.end > i {
			continue
		}
		for _, kk := range kinds {
			if c.kind == kk {
				return kk
			}
		}
	}
	return cNone
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

// tally builds the figures of one outcome: the first stated figure of each
// field wins (headline figures only fill what the body leaves unstated);
// phrases joined by "and" with distinct types are summed; class totals come
// from the types when no class figure is stated; missiles is the total of
// the missile classes when not stated.
func (r *report) tally(outcome int, prefix string, quals map[string]string) briefings.Counts {
	var c briefings.Counts
	set := func(dst **int, key string, n int, q string) {
		if *dst != nil {
			return
		}
		v := n
		*dst = &v
		if q != "" {
			quals[prefix+"."+key] = q
		}
	}
	for pass := 0; pass < 2; pass++ {
		weak := pass == 1
		// groups in order
		var order []int
		byGroup := map[int][]entry{}
		for _, e := range r.entries {
			if e.weak != weak || e.subset {
				continue
			}
			if e.outcome != outcome && e.also != outcome {
				continue
			}
			if _, ok := byGroup[e.group]; !ok {
				order = append(order, e.group)
			}
			byGroup[e.group] = append(byGroup[e.group], e)
		}
		classSum := map[string]int{}
		classQ := map[string]string{}
		modelSeen := map[string]bool{}
		for _, g := range order {
			es := byGroup[g]
			var dn, mn int
			var dq, mq string
			dOK, mOK := false, false
			for _, e := range es {
				if !e.known {
					if e.vague != "" {
						k := prefix + "." + classKey(e.class)
						if _, ok := quals[k]; !ok {
							quals[k] = e.vague
						}
					}
					continue
				}
				switch e.class {
				case clDrone:
					dn += e.n
					dOK = true
					if e.qual != "" {
						dq = e.qual
					}
					if len(e.models) == 1 && !e.mixedType {
						if c.ByType == nil {
							c.ByType = map[string]int{}
						}
						if _, ok := c.ByType[e.models[0]]; !ok {
							c.ByType[e.models[0]] = e.n
						}
					}
				case clMissile:
					if e.mclass == "" && len(e.models) == 0 {
						mn += e.n
						mOK = true
						if e.qual != "" {
							mq = e.qual
						}
						continue
					}
					if c.ByType == nil {
						c.ByType = map[string]int{}
					}
					if len(e.models) > 0 {
						name := strings.Join(e.models, "/")
						if modelSeen[name] {
							continue
						}
						modelSeen[name] = true
						if _, ok := c.ByType[name]; !ok {
							c.ByType[name] = e.n
							if e.qual != "" {
								quals[prefix+".by_type."+name] = e.qual
							}
						}
						mc := e.mclass
						if mc == "" {
							mc = "?"
						}
						classSum[mc] += e.n
					} else {
						if _, ok := c.ByType[e.mclass]; !ok {
							c.ByType[e.mclass] = e.n
							if e.qual != "" {
								classQ[e.mclass] = e.qual
							}
						}
					}
				case clMixed:
					set(&c.Total, "total", e.n, e.qual)
				case clBomb:
					if c.ByType == nil {
						c.ByType = map[string]int{}
					}
					if _, ok := c.ByType["guided_bomb"]; !ok {
						c.ByType["guided_bomb"] = e.n
					}
				}
			}
			if dOK {
				set(&c.Drones, "drones", dn, dq)
			}
			if mOK {
				set(&c.Missiles, "missiles", mn, mq)
			}
		}
		// class totals from types where no class figure was stated
		for mc, n := range classSum {
			if mc == "?" {
				continue
			}
			if c.ByType == nil {
				c.ByType = map[string]int{}
			}
			if _, ok := c.ByType[mc]; !ok {
				c.ByType[mc] = n
			}
		}
		for mc, q := range classQ {
			quals[prefix+".by_type."+mc] = q
		}
		if c.Missiles == nil && c.ByType != nil && !weak {
			sum, ok := 0, false
			for _, mc := range []string{mBallistic, mCruise, mHypersonic, mAntiShip, mAntiRadar, mGuided, mAntiAir, mRocket} {
				if n, has := c.ByType[mc]; has {
					sum += n
					ok = true
				}
			}
			sum += classSum["?"]
			if classSum["?"] > 0 {
				ok = true
			}
			if ok {
				set(&c.Missiles, "missiles", sum, "")
			}
		}
	}
	// type subsets: "including 73 Shahed drones", "понад 50 із них – Шахеди"
	for _, e := range r.entries {
		if !e.subset || !e.known || len(e.models) != 1 || (e.outcome != outcome) {
			continue
		}
		if c.ByType == nil {
			c.ByType = map[string]int{}
		}
		if _, ok := c.ByType[e.models[0]]; !ok {
			c.ByType[e.models[0]] = e.n
			if e.qual != "" {
				quals[prefix+".by_type."+e.models[0]] = e.qual
			}
		}
	}
	return c
}

func classKey(cl string) string {
	switch cl {
	case clDrone:
		return "drones"
	case clMissile:
		return "missiles"
	case clPerson:
		return "people"
	}
	return "total"
}

// build turns a report into an AttackReport; ok is false when it holds no
// figure at all.
func (r *report) build() (briefings.AttackReport, bool) {
	a := briefings.AttackReport{
		Attacker: r.attacker, Target: codeUA, Date: r.date, Period: r.period,
		Scope: r.scope, Source: r.source, Qualifiers: map[string]string{},
	}
	if r.attacker == codeUA {
		a.Target = codeRU
	}
	if a.Source == "" && r.parent != nil {
		a.Source = r.parent.source
	}
	if a.Source == "" && r.attacker == codeUA {
		a.Source = srcRUMoD
	}
	q := a.Qualifiers
	a.Launched = r.tally(cLaunch, "launched", q)
	a.Intercepted = r.tally(cIntercept, "intercepted", q)
	a.Jammed = r.tally(cJam, "jammed", q)
	a.InterceptedOrJammed = r.tally(cCombined, "intercepted_or_jammed", q)
	a.NotReached = r.tally(cNotReached, "not_reached", q)
	hitC := r.tally(cHit, "hits", q)
	a.Hits.Drones, a.Hits.Missiles, a.Hits.ByType = hitC.Drones, hitC.Missiles, hitC.ByType
	// "all N drones were shot down", "All were shot down": the launched figures
	for _, e := range r.entries {
		if !e.all || e.outcome == cLaunch || e.outcome == cNone {
			continue
		}
		dst := r.countsFor(&a, e.outcome)
		if dst == nil {
			continue
		}
		if e.known {
			if e.class == clDrone && a.Launched.Drones == nil {
				a.Launched.Drones = briefings.IntPtr(e.n)
			}
			if e.class == clMissile && a.Launched.Missiles == nil {
				a.Launched.Missiles = briefings.IntPtr(e.n)
			}
			continue
		}
		if (e.class == clDrone || e.class == clMixed || e.class == "") && dst.Drones == nil && a.Launched.Drones != nil {
			dst.Drones = briefings.IntPtr(*a.Launched.Drones)
		}
		if (e.class == clMissile || e.class == clMixed || e.class == "") && dst.Missiles == nil && a.Launched.Missiles != nil {
			dst.Missiles = briefings.IntPtr(*a.Launched.Missiles)
			for k, v := range a.Launched.ByType {
				if dst.ByType == nil {
					dst.ByType = map[string]int{}
				}
				if _, ok := dst.ByType[k]; !ok {
					dst.ByType[k] = v
				}
			}
		}
	}
	for _, ex := range r.except {
		dst := r.countsFor(&a, ex.outcome)
		if dst == nil {
			continue
		}
		if ex.model != "" {
			if v, ok := dst.ByType[ex.model]; ok {
				dst.ByType[ex.model] = max(v-ex.n, 0)
			}
			md := modelByName(ex.model)
			if v, ok := dst.ByType[md.class]; ok && md.class != "" {
				dst.ByType[md.class] = max(v-ex.n, 0)
			}
			if md.head == clDrone && dst.Drones != nil {
				dst.Drones = briefings.IntPtr(max(*dst.Drones-ex.n, 0))
			} else if dst.Missiles != nil {
				dst.Missiles = briefings.IntPtr(max(*dst.Missiles-ex.n, 0))
			}
		}
	}
	for _, e := range r.entries {
		if !e.known {
			if e.vague != "" {
				switch e.outcome {
				case cKilled:
					q["casualties.killed"] = e.vague
				case cInjured:
					q["casualties.injured"] = e.vague
				}
			}
			continue
		}
		switch {
		case e.outcome == cKilled && e.class == clPerson && a.Casualties.Killed == nil:
			a.Casualties.Killed = briefings.IntPtr(e.n)
			if e.qual != "" {
				q["casualties.killed"] = e.qual
			}
		case e.outcome == cInjured && e.class == clPerson && a.Casualties.Injured == nil:
			a.Casualties.Injured = briefings.IntPtr(e.n)
			if e.qual != "" {
				q["casualties.injured"] = e.qual
			}
		case e.class == clLocation && e.outcome == cHit && a.Hits.Locations == nil:
			a.Hits.Locations = briefings.IntPtr(e.n)
		case e.class == clLocation && e.outcome == cDebris && a.Hits.DebrisLocations == nil:
			a.Hits.DebrisLocations = briefings.IntPtr(e.n)
		}
	}
	// Russia's Defence Ministry counts per region: the national claim is their sum
	if r.attacker == codeUA && r.parent == nil && a.Intercepted.Drones == nil && a.Intercepted.Missiles == nil && a.Intercepted.ByType == nil {
		sum, ok := 0, false
		for _, c := range r.children {
			cc := c.tally(cIntercept, "x", map[string]string{})
			if cc.Drones != nil {
				sum += *cc.Drones
				ok = true
			}
		}
		if ok {
			a.Intercepted.Drones = briefings.IntPtr(sum)
			q["intercepted.drones"] = "sum_of_regions"
		}
	}
	if r.scope == briefings.ScopeRegional && r.region != "" {
		a.Regions = []string{r.region}
	} else {
		a.Regions = append(a.Regions, r.regions...)
		for _, c := range r.children {
			if c.region != "" && !contains(a.Regions, c.region) {
				a.Regions = append(a.Regions, c.region)
			}
		}
	}
	a.Cumulative = r.scope == briefings.ScopeCumulative
	sents := r.sentences
	if len(sents) == 0 {
		for _, c := range r.children {
			for _, s := range c.sentences {
				if !contains(sents, s) {
					sents = append(sents, s)
				}
			}
		}
	}
	a.Evidence = strings.Join(sents, " ")
	ok := hasFigure(&a) || len(q) > 0
	return a, ok
}

func (r *report) countsFor(a *briefings.AttackReport, outcome int) *briefings.Counts {
	switch outcome {
	case cIntercept:
		return &a.Intercepted
	case cJam:
		return &a.Jammed
	case cCombined:
		return &a.InterceptedOrJammed
	case cNotReached:
		return &a.NotReached
	}
	return nil
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func countsSet(c briefings.Counts) bool {
	return c.Drones != nil || c.Missiles != nil || c.Total != nil || len(c.ByType) > 0
}

func hasFigure(a *briefings.AttackReport) bool {
	return countsSet(a.Launched) || countsSet(a.Intercepted) || countsSet(a.Jammed) ||
		countsSet(a.InterceptedOrJammed) || countsSet(a.NotReached) || a.Hits.Drones != nil ||
		a.Hits.Missiles != nil || a.Hits.Locations != nil || a.Hits.DebrisLocations != nil ||
		a.Casualties.Killed != nil || a.Casualties.Injured != nil
}

// extractAttacks reads every attack report of a text.
func extractAttacks(sents []sentence, pub time.Time) []briefings.AttackReport {
	x := &extractor{pub: pub, cur: map[string]*report{}, sents: sents}
	for _, s := range sents {
		x.sentence(s)
	}
	var out []briefings.AttackReport
	for _, r := range x.reports {
		a, ok := r.build()
		if !ok {
			continue
		}
		out = append(out, a)
	}
	return out
}
