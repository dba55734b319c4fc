package extract

import "strings"

// Figures that count no weapons of a real attack (stage 2): a single
// weapon that is the actor of one incident, and a figure in a clause that
// states a purpose, a need, an ability or a condition.

// incidentWeapon: a single weapon named with "a", "an" or "one" is the
// subject of an active launch verb that takes an object of its own ("a
// drone attacked a bus", "one drone dropped a can of paint on the
// grounds"): the story tells of one incident, not of a number of weapons
// launched in an attack. A hit verb ("a drone struck a bus") still counts
// the hit; a passive ("one missile was launched") or the weapon as the
// verb's object ("launched a missile") is not this pattern.
func incidentWeapon(toks []token, f *figure, cueAt []outcome) bool {
	if !f.has(fArticle) || f.n != 1 || !f.class.weapon() || f.has(fRefer) || f.ofM > 0 {
		return false
	}
	k := f.end
	for n := 0; k < len(toks) && n < 2 && (toks[k].low == "had" || toks[k].low == "has" || strings.HasSuffix(toks[k].low, "ly")); n++ {
		k++
	}
	if k >= len(toks) || cueAt[k] != outLaunched {
		return false
	}
	e := k
	for e < len(toks) && cueAt[e] == outLaunched {
		e++
	}
	return e < len(toks) && objectStart(&toks[e])
}

// ukIncidentWeapon: the Ukrainian form of incidentWeapon. A singular
// weapon in the instrumental with no number ("дроном", "безпілотником")
// right after a launch verb, followed within three words by a concrete
// target in the accusative (a car, a bus, a house, a tractor, a shop, a
// person): the troops attacked one target with one weapon, a local
// incident and no count of weapons launched. The Air Force's template
// ("атакував балістичною ракетою") names no such target and still counts.
func ukIncidentWeapon(toks []token, f *figure, cueAt []outcome) bool {
	if !f.has(fImplicit) || f.n != 1 || !f.class.weapon() || f.start == 0 || cueAt[f.start-1] != outLaunched {
		return false
	}
	if !ukSingularHeads[toks[f.end-1].low] {
		return false
	}
	for k := f.end; k < len(toks) && k < f.end+3; k++ {
		if toks[k].kind != kWord {
			return false
		}
		if ukConcreteTargets[toks[k].low] {
			return true
		}
	}
	return false
}

// ukConcreteTargets: accusative nouns of a single concrete target of a
// local strike.
var ukConcreteTargets = map[string]bool{
	"автомобіль": true, "авто": true, "автівку": true, "машину": true, "легковик": true, "автобус": true,
	"мікроавтобус": true, "маршрутку": true, "вантажівку": true, "трактор": true, "будинок": true,
	"магазин": true, "людину": true, "чоловіка": true, "жінку": true, "цивільного": true, "пішохода": true,
	"велосипедиста": true, "мешканця": true, "жителя": true, "мешканку": true, "жительку": true,
}

// objectStart: the token opens a verb's direct object ("a bus", "the
// embassy", "Kyiv", "two grenades"), not a preposition, adverb or
// conjunction that goes on with the clause.
func objectStart(t *token) bool {
	if t.kind == kNum {
		return true
	}
	if t.kind != kWord {
		return false
	}
	switch t.low {
	case "by", "from", "at", "on", "in", "into", "onto", "over", "towards", "toward", "to", "against", "during", "overnight",
		"with", "and", "or", "but", "while", "after", "before", "near", "across", "through", "as", "for", "again", "earlier", "later", "today", "yesterday":
		return false
	}
	return !strings.HasSuffix(t.low, "ly")
}

// irrealis: the figure counts no weapons of a real attack, as the clause
// that holds it or its predicate states a purpose or a need ("to shoot down
// 70 missiles, you need 140", "two interceptors are needed to down one
// missile"), what could, would or will happen ("could intercept 30 missiles",
// "may attack"), or a condition ("if 500 drones are launched").
func irrealis(toks []token, f *figure, cues []cue, c fwCue) bool {
	if conditionBefore(toks, f.start) {
		return true
	}
	p := -1
	if c.at >= 0 && c.out == f.out {
		p = c.at
	} else if o, at := backCueAt(cues, f.start, f.class, f.out); o != outNone {
		p = at
	}
	return p >= 0 && (modalBefore(toks, p) || purposeInfinitive(toks, p))
}

// conditionBefore: "if" or "unless" opens the clause of the figure at start.
func conditionBefore(toks []token, start int) bool {
	for k := start - 1; k >= 0 && k >= start-10; k-- {
		switch toks[k].low {
		case "if", "unless":
			return true
		case ",", ";", ":", ".", "—", "–":
			return false
		}
	}
	return false
}

// modalBefore: a modal verb stands before the predicate at p ("could
// intercept", "would be launched", "can shoot down", "will launch", "could
// not shoot down"). "could only" tells what did happen.
func modalBefore(toks []token, p int) bool {
	k := p - 1
	for n := 0; k >= 0 && n < 3 && modalFiller(toks[k].low); n++ {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].low {
	case "would", "can", "might", "may", "will", "shall", "should", "cannot", "won't", "wouldn't", "can't":
		return true
	case "could":
		return toks[k+1].low != "only"
	}
	return false
}

// modalFiller may stand between a modal and its verb ("will be regularly
// launching", "could have shot down").
func modalFiller(w string) bool {
	switch w {
	case "be", "have", "been", "not", "only", "also", "still", "then", "even":
		return true
	}
	return strings.HasSuffix(w, "ly") && w != "only"
}

// purposeInfinitive: the predicate at p is an infinitive of purpose: its
// "to" opens the clause ("To shoot down N missiles, ...", "in order to
// intercept N"), or a word of need stands before it in the clause ("you
// need two interceptors to shoot down one missile", "it takes three").
// "managed to" or "used jets to" do not open a clause: they stay counts.
func purposeInfinitive(toks []token, p int) bool {
	k := p - 1
	if ukPurpose(toks, p) {
		return true
	}
	if k < 0 || toks[k].low != "to" {
		return false
	}
	if k == 0 || toks[k-1].kind == kPunct || toks[k-1].low == "order" {
		return true
	}
	for q := k - 1; q >= 0 && q >= k-12; q-- {
		switch lw := toks[q].low; lw {
		case ";", ":", ".", "—", "–":
			return false
		case "need", "needs", "needed", "require", "requires", "required", "takes", "take", "enough", "sufficient", "necessary":
			return true
		}
	}
	return false
}

// ukPurpose: the Ukrainian forms of purpose and need: "щоб збити N
// ракет", "аби знищити", "для знищення однієї ракети", or an infinitive or
// verbal noun in a clause with a word of need ("знищення однієї ракети
// вимагає кількох перехоплювачів", "потрібно збити").
func ukPurpose(toks []token, p int) bool {
	lw := toks[p].low
	verbal := strings.HasSuffix(lw, "ння") || strings.HasSuffix(lw, "ття")
	infinitive := strings.HasSuffix(lw, "ти") && isCyrillicWord(lw)
	prev := ""
	if p > 0 {
		prev = toks[p-1].low
	}
	switch prev {
	case "щоб", "аби":
		return true
	case "для":
		return verbal
	}
	if !verbal && !infinitive {
		return false
	}
	for q := p - 12; q < len(toks) && q <= p+12; q++ {
		if q < 0 {
			continue
		}
		switch toks[q].low {
		case "потрібно", "треба", "необхідно", "потрібні", "потрібна", "потрібен", "вимагає", "потребує":
			return !boundaryBetween(toks, p, q)
		}
	}
	return false
}

// boundaryBetween: a sentence-internal boundary (";", ":", a dash) stands
// between tokens a and b.
func boundaryBetween(toks []token, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a + 1; k < b; k++ {
		switch toks[k].low {
		case ";", ":", "—", "–", ".":
			return true
		}
	}
	return false
}
