package extract

import "strings"

// mention is one counted phrase: "112 strike and decoy drones", "both
// missiles", "21 over the Bryansk region".
type mention struct {
	n         int
	known     bool // n is a figure
	qual      string
	vague     string // "dozens", "several": a quantity without a figure
	all       bool
	class     string
	mclass    string
	models    []string
	modelHead bool // the head noun is the type ("76 Shaheds")
	ofM       int  // "N of M": M, the whole
	hasM      bool
	refer     bool // "of them", "з них": the referent is an earlier phrase
	ellipsis  bool // "27 over the Voronezh region": class from the previous phrase
	incl      bool // after "including"
	subset    bool // a type or regional subset of its referent
	whole     bool // "Of the N drones, A were ... and B were ...": N is split by the phrases after it
	incr      bool // "N more", "another N", "a further N", "ще N": a part added to a count stated before
	outcome   int
	also      int // a second outcome ("eight drones ... which were shot down" after "included")
	region    string
	ukr, rus  bool
	singular  bool // the head noun is singular ("a missile")
	mixedType bool // "Shahed and other drone types": the type is not the only one
	start     int  // token span
	end       int
	group     int
}

// cue is a verb or noun telling what happened to the counted weapons.
type cue struct {
	start, end int
	kind       int
}

func findCues(toks []token) []cue {
	var out []cue
	hasEW := false
	for ix := range toks {
		t := &toks[ix]
		if t.low == "electronic" || t.low == "реб" || t.low == "electronically" {
			hasEW = true
		}
	}
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != kWord {
			continue
		}
		k, n := cueAt(toks, i)
		if k == cNone {
			continue
		}
		c := cue{i, i + n, k}
		if k == cNotReached && hasEW {
			c.kind = cJam
		}
		if k == cHit && n == 1 {
			// "Russia struck Ukraine with 653 drones": the weapons were launched
			for j := c.end; j < len(toks) && j < c.end+4; j++ {
				if toks[j].kind == kNum || toks[j].kind == kPunct {
					break
				}
				if toks[j].low == "with" {
					c.kind = cLaunch
					break
				}
			}
		}
		if k == cIntercept {
			// "shot down or jammed", "збито, або подавлено", "downed or had their signals jammed"
			for j := c.end; j < len(toks) && j < c.end+3; j++ {
				lw := toks[j].low
				if lw == "or" || lw == "або" || lw == "чи" || lw == "and/or" {
					for k2 := j + 1; k2 < len(toks) && k2 < j+6; k2++ {
						if kk, nn := cueAt(toks, k2); kk == cJam {
							c.kind = cCombined
							c.end = k2 + nn
							break
						} else if kk != cNone {
							break
						}
					}
					break
				}
				if lw != "," && lw != "/" {
					break
				}
			}
		}
		out = append(out, c)
		i = c.end - 1
	}
	return out
}

// cueAt matches a cue at toks[i], returning its kind and length in tokens.
var cuePatIndex = func() map[string][]cuePat {
	m := map[string][]cuePat{}
	for _, p := range cuePats {
		k := bucketKey(strings.TrimSuffix(p.words[0], "*"))
		m[k] = append(m[k], p)
	}
	return m
}()

var cuePatFilter = filterOf(cuePatIndex)

func cueAt(toks []token, i int) (int, int) {
	var pats []cuePat
	if k := bucketKey(toks[i].low); cuePatFilter.may(k) {
		pats = cuePatIndex[k]
	}
	for _, p := range pats {
		if wordsAt(toks, i, p.words) {
			return p.kind, len(p.words)
		}
	}
	if toks[i].kind != kWord {
		return cNone, 0
	}
	return int(toks[i].cue), 1
}

func isQuote(s string) bool {
	switch s {
	case "\"", "'", "“", "”", "«", "»", "„", "’", "‘":
		return true
	}
	return false
}

// parseMentions finds counted phrases in a sentence.
func parseMentions(toks []token, cueAtTok []int) []mention {
	var out []mention
	pendingAll := false
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind != kNum {
			pendingAll = false
			continue
		}
		if t.all {
			if i+1 < len(toks) && toks[i+1].kind == kNum && !toks[i+1].vague && !toks[i+1].all {
				pendingAll = true
				continue
			}
		}
		if isDateNumber(toks, i) {
			continue
		}
		q, qn := qualifierBefore(toks, i)
		m := mention{start: i, all: t.all || pendingAll, qual: q}
		pendingAll = false
		if t.vague {
			m.vague = t.low
		} else if !t.all {
			m.n, m.known = t.n, true
		}
		back := i - 1 - qn
		if back >= 0 && (toks[back].low == "including" || toks[back].low == "зокрема" || toks[back].low == "among") {
			m.incl = true
		}
		m.whole = wholeBefore(toks, back)
		m.incr = incrementAround(toks, i, back)
		j := i + 1
		if m.all && !m.known {
			for j < len(toks) && (toks[j].low == "the" || toks[j].low == "of" || toks[j].low == "these" || toks[j].low == "those") {
				j++
			}
			if j < len(toks) && (toks[j].low == "them" || toks[j].low == "них") {
				m.refer = true
				j++
			}
		}
		// "N of M", "N out of M", "N з M"
		if j+1 < len(toks) && (toks[j].low == "of" || toks[j].low == "з" || toks[j].low == "із" || toks[j].low == "зі") && toks[j+1].kind == kNum && toks[j+1].n > 0 && !isDateNumber(toks, j+1) {
			m.ofM, m.hasM = toks[j+1].n, true
			j += 2
		} else if j+2 < len(toks) && toks[j].low == "of" && toks[j+1].low == "the" && toks[j+2].kind == kNum && toks[j+2].n > 0 && !toks[j+2].art {
			// "32 of the 48 drones"
			m.ofM, m.hasM = toks[j+2].n, true
			j += 3
		} else if j+2 < len(toks) && toks[j].low == "out" && toks[j+1].low == "of" && toks[j+2].kind == kNum {
			m.ofM, m.hasM = toks[j+2].n, true
			j += 3
		}
		// "N of them", "N з них", "N of the drones", "dozens of drones"
		if j+1 < len(toks) && toks[j].low == "of" {
			switch toks[j+1].low {
			case "them", "these", "those", "which":
				m.refer = true
				j += 2
			case "the":
				m.refer = true
				j += 2
			default:
				if m.vague != "" {
					j++
				}
			}
		} else if j+1 < len(toks) && (toks[j].low == "з" || toks[j].low == "із" || toks[j].low == "зі") && (toks[j+1].low == "них" || toks[j+1].low == "яких") {
			m.refer = true
			j += 2
		}
		j = scanNP(toks, j, &m, cueAtTok)
		// "N ворожих дронів зі M", "N дронів типу шахед з M"
		if !m.hasM && j+1 < len(toks) && (toks[j].low == "з" || toks[j].low == "зі" || toks[j].low == "із" || toks[j].low == "of") && toks[j+1].kind == kNum && toks[j+1].n > 0 && m.class != "" && !isDateNumber(toks, j+1) {
			m.ofM, m.hasM = toks[j+1].n, true
			j += 2
		}
		m.end = j
		if len(m.models) > 0 && !m.mixedType {
			// "173 БпЛА типу Shahed (...), Гербера": more types after an aside
			q := j
			if q < len(toks) && toks[q].s == "(" {
				for q < len(toks) && q < j+14 && toks[q].s != ")" {
					q++
				}
				q++
			}
			if q+1 < len(toks) && (toks[q].s == "," || toks[q].low == "та" || toks[q].low == "and" || toks[q].low == "і") {
				for r := q + 1; r < len(toks) && r < q+5; r++ {
					lw := toks[r].low
					if isModelTok(toks, r) || lw == "other" || lw == "інших" || lw == "різних" || lw == "various" || lw == "decoys" {
						m.mixedType = true
						break
					}
					if toks[r].kind == kPunct && !isQuote(toks[r].s) {
						break
					}
				}
			}
		}
		if t.both && j < len(toks) && (toks[j].low == "and" || toks[j].low == "та" || toks[j].low == "і") {
			// "both drones and missiles": a pair of classes, not two weapons
			continue
		}
		if t.art && (m.class == "" || !(m.singular || m.modelHead && !strings.HasSuffix(toks[j-1].low, "s")) || !phraseEnds(toks, j)) && !(m.hasM || m.refer) {
			continue
		}
		if m.class == "" && !m.refer {
			// "N shop assistants were hurt": a noun we do not know follows the number,
			// so it counts something else, never the weapon of a phrase before
			counted := false
			for k := i + 1; k < j; k++ {
				if lw := toks[k].low; toks[k].kind == kWord && !npMods[lw] && !passiveSkip[lw] {
					counted = true
					break
				}
			}
			if counted {
				continue
			}
		}
		if m.class == "" {
			// an ellipsis: "27 over the Voronezh region", "14 were wounded", "with 21 shot down"
			k := j
			for k < len(toks) && (toks[k].low == "more" || toks[k].low == "others" || toks[k].low == "ще") {
				k++
			}
			if k < len(toks) {
				lw := toks[k].low
				if cueAtTok[k] != cNone || passiveSkip[lw] || lw == "over" || lw == "in" || lw == "над" || lw == "на" || lw == "being" {
					m.ellipsis = true
				}
			}
			if i > 0 && cueAtTok[i-1] != cNone && len(out) > 0 {
				m.ellipsis = true
			}
			if i > 0 && (toks[i-1].low == "with" || toks[i-1].low == "і" || toks[i-1].low == "and" || toks[i-1].low == ",") && len(out) > 0 {
				m.ellipsis = true
			}
			if !m.ellipsis && !m.refer {
				continue
			}
		}
		out = append(out, m)
		if j > i+1 {
			i = j - 1
		}
	}
	return out
}

// wholeBefore: the number after toks[k] opens its clause with "of (the|these)",
// "out of", "з/із" ("Of the N drones, ..."): the phrases after it split it.
func wholeBefore(toks []token, k int) bool {
	if k < 0 {
		return false
	}
	switch toks[k].low {
	case "the", "these", "those":
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

// incrementAround: "another N", "a further N", "ще N", "N more", "N others",
// "N additional": a count added to one stated before.
func incrementAround(toks []token, i, back int) bool {
	if back >= 0 {
		switch toks[back].low {
		case "another", "further", "ще", "additional":
			return true
		}
	}
	if i+1 < len(toks) {
		switch toks[i+1].low {
		case "others", "additional", "further":
			return true
		case "more":
			return !(i+2 < len(toks) && toks[i+2].low == "than")
		}
	}
	return false
}

// phraseEnds: a counted phrase ends at k (not "a drone attack", "a drone and
// missile barrage").
func phraseEnds(toks []token, k int) bool {
	if k >= len(toks) {
		return true
	}
	t := &toks[k]
	if t.kind == kPunct {
		return true
	}
	if (t.low == "and" || t.low == "та" || t.low == "і") && k+1 < len(toks) && toks[k+1].kind == kNum {
		return true
	}
	switch t.low {
	case "and", "or", "та", "і", "й", "attack", "attacks", "barrage", "strike", "strikes", "alert", "raid", "operator", "operators", "pilot", "pilots", "unit", "units", "war", "warfare", "атака", "атаку", "удар":
		return false
	}
	return true
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
	if i >= 2 && toks[i-1].low == "." && toks[i-2].month > 0 && t.n <= 31 {
		return true
	}
	return false
}

// modifiers allowed inside a counted phrase before the head.
var npMods = map[string]bool{
	"strike": true, "attack": true, "combat": true, "kamikaze": true, "exploding": true, "enemy": true,
	"russian": true, "ukrainian": true, "iranian-made": true, "iranian-designed": true, "iranian": true,
	"bomber": true, "long-range": true, "unidentified": true, "other": true, "and": true, "aircraft-type": true,
	"aerial": true, "air": true, "fixed-wing": true, "reconnaissance": true, "more": true, "additional": true,
	"ударних": true, "ударними": true, "ударні": true, "ворожих": true, "ворожі": true, "ворожий": true,
	"ворожого": true, "ударного": true, "ударний": true, "російських": true, "російські": true,
	"різних": true, "типів": true, "types": true, "type": true, "kinds": true, "of": false, "та": true, "і": true,
	"й": true, "морського": true, "базування": true, "повітряного": true, "наземного": true, "авіаційні": true,
	"авіаційних": true, "авіаційну": true, "авіаційними": true, "the": true, "new": true, "heavy": true,
	"безпілотними": true, "літальними": true, "літальних": true, "apparatus": true, "record": true, "a": true,
	"staggering": true, "further": true, "large": true, "nuclear-capable": true, "shahed-type": true,
	"уламки": false, "strategic": true, "tactical": true, "jet-powered": true, "means": false,
}

// scanNP reads the phrase after a number: modifiers, a head noun, types.
func scanNP(toks []token, j int, m *mention, cueAtTok []int) int {
	unknown := 0
	var classes []string
	headAt := -1
	k := j
	for ; k < len(toks) && k < j+9; k++ {
		t := &toks[k]
		switch t.low {
		case "other", "інших", "іншими", "різних", "various", "та", "and", "і":
			if headAt >= 0 {
				break
			}
			if t.low == "and" || t.low == "та" || t.low == "і" || len(m.models) > 0 || t.low == "other" || t.low == "інших" || t.low == "різних" || t.low == "various" {
				m.mixedType = true
			}
		}
		if headAt >= 0 && t.kind == kPunct && t.s == "," && k+1 < len(toks) && (isModelTok(toks, k+1) || toks[k+1].kind == kPunct) {
			m.mixedType = true
		}
		if t.kind == kPunct {
			if isQuote(t.s) || t.s == "/" || (t.s == "," && headAt < 0 && len(m.models) > 0 && k+1 < len(toks) && isModelTok(toks, k+1)) {
				continue
			}
			break
		}
		if t.kind == kNum || t.kind == kOther {
			break
		}
		lw := t.low
		if headAt < 0 && cueAtTok[k] != cNone {
			// "12 локаційно втрачено": the verb, not a noun
			break
		}
		if headAt >= 0 {
			// types after the head: "ракети Х-101", "missile Kinzhal", "БпЛА типу Shahed"
			if md, ok := modelAt(toks, k); ok {
				m.addModel(md)
				if md.name == "Storm Shadow" {
					k++
				}
				continue
			}
			if lw == "типу" || lw == "type" || lw == "морського" || lw == "базування" || lw == "class" {
				continue
			}
			break
		}
		if (lw == "and" || lw == "та" || lw == "і" || lw == "й") && k+1 < len(toks) && toks[k+1].kind == kNum {
			// "N протикорабельних та M балістичних ракет": borrow the next head
			for q := k + 2; q < len(toks) && q < k+8; q++ {
				if cl, _ := headClass(toks[q].low); cl != "" {
					m.class = cl
					break
				}
				if toks[q].kind == kPunct && !isQuote(toks[q].s) {
					break
				}
			}
			break
		}
		if cl, _ := headClass(lw); cl != "" {
			if cl == clMixed && lw == "vehicles" && m.class == clDrone {
				continue
			}
			if m.class == "" || m.class == clMixed {
				m.class = cl
			}
			if lw == "unmanned" || strings.HasPrefix(lw, "безпілотн") {
				// "unmanned aerial vehicles", "безпілотними літальними апаратами"
				headAt = k
				for k+1 < len(toks) && (toks[k+1].low == "aerial" || toks[k+1].low == "vehicles" || toks[k+1].low == "vehicle" || toks[k+1].low == "літальними" || toks[k+1].low == "літальних" || strings.HasPrefix(toks[k+1].low, "апарат")) {
					k++
				}
				continue
			}
			if cl == clMixed && (lw == "means") {
				// "means of (enemy) air attack"
				for k+1 < len(toks) && (toks[k+1].low == "of" || toks[k+1].low == "enemy" || toks[k+1].low == "air" || toks[k+1].low == "attack" || toks[k+1].low == "aerial") {
					k++
				}
			}
			if lw == "засобів" || lw == "засоби" {
				for k+1 < len(toks) && (toks[k+1].low == "повітряного" || toks[k+1].low == "нападу") {
					k++
				}
			}
			_, m.singular = headClass(lw)
			headAt = k
			continue
		}
		if md, ok := modelAt(toks, k); ok {
			m.addModel(md)
			if md.name == "Storm Shadow" {
				k++
			}
			continue
		}
		if c := missileClassAdj(lw); c != "" {
			classes = append(classes, c)
			continue
		}
		if lw == "air" && k+1 < len(toks) && (toks[k+1].low == "attack" || toks[k+1].low == "targets") {
			continue
		}
		if npStop[lw] || cueAtTok[k] != cNone {
			if lw == "of" && k > j && (toks[k-1].low == "types" || toks[k-1].low == "type" || toks[k-1].low == "kinds") {
				continue
			}
			break
		}
		if lw == "ukrainian" || lw == "українських" || lw == "українські" {
			m.ukr = true
		}
		if lw == "russian" || lw == "російських" || lw == "російські" || lw == "russia-launched" {
			m.rus = true
		}
		if npMods[lw] || strings.HasSuffix(lw, "-type") || strings.HasSuffix(lw, "-made") || strings.HasSuffix(lw, "-launched") {
			continue
		}
		unknown++
		if unknown > 2 {
			break
		}
	}
	if headAt < 0 {
		// the type is the head: "76 Shaheds", `8 "Бандероль"`
		if len(m.models) > 0 && m.class == "" {
			md, _ := modelOf(strings.ToLower(m.models[len(m.models)-1]))
			if md.head == "" {
				md = modelByName(m.models[len(m.models)-1])
			}
			m.class = md.head
			m.modelHead = true
		}
	}
	// missile class: from the types if they agree, else from adjectives
	if m.class == clMissile || m.class == "" {
		mc := ""
		same := true
		for _, name := range m.models {
			md := modelByName(name)
			if md.class == "" {
				continue
			}
			if mc == "" {
				mc = md.class
			} else if mc != md.class {
				same = false
			}
		}
		if mc != "" && same {
			m.mclass = mc
		} else if len(classes) == 1 || (len(classes) > 1 && allSame(classes)) {
			m.mclass = classes[0]
		}
		if len(classes) > 1 && !allSame(classes) && len(m.models) == 0 {
			m.mclass = ""
		}
	}
	if headAt >= 0 && headAt+1 > k {
		k = headAt + 1
	}
	return k
}

func allSame(s []string) bool {
	for _, x := range s {
		if x != s[0] {
			return false
		}
	}
	return true
}

func (m *mention) addModel(md model) {
	for _, n := range m.models {
		if n == md.name {
			return
		}
	}
	m.models = append(m.models, md.name)
}

// modelAt resolves a type at toks[k], with "Storm Shadow" over two tokens.
func modelAt(toks []token, k int) (model, bool) {
	lw := toks[k].low
	if lw == "storm" && k+1 < len(toks) && toks[k+1].low == "shadow" {
		return model{"Storm Shadow", clMissile, mCruise}, true
	}
	if toks[k].kind != kWord {
		return model{}, false
	}
	return modelOf(lw)
}

func isModelTok(toks []token, k int) bool {
	_, ok := modelAt(toks, k)
	return ok
}

var modelIndex = map[string]model{}

func modelByName(name string) model {
	if md, ok := modelIndex[name]; ok {
		return md
	}
	if i := strings.IndexByte(name, '/'); i > 0 {
		if md, ok := modelIndex[name[:i]]; ok {
			return md
		}
	}
	return model{}
}

func init() {
	for _, w := range []string{"shahed", "реактивні", "gerbera", "italmas", "decoy", "бандероль", "iskander-m", "iskander-k", "iskander", "kn-23", "s-400", "s-300", "kh-101", "kh-55", "kh-22", "kh-32", "kh-59", "kalibr", "kinzhal", "zircon", "oniks", "kh-31", "vilkha", "atacms", "neptune", "storm-shadow", "kab"} {
		if md, ok := modelOf(w); ok {
			modelIndex[md.name] = md
		}
	}
}
