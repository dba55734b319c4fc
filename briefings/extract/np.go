package extract

import "strings"

// The noun phrase after a number (stage 1): modifiers, a head noun, weapon
// types before or after it ("Shahed drones", "ракети Х-101", "БпЛА типу
// Shahed"), missile class adjectives ("крилатими ракетами").

// npScan reads one noun phrase into a mention.
type npScan struct {
	toks    []token
	cueAt   []outcome
	m       *mention
	head    int          // index of the head noun; -1 before it
	rockets bool         // the head is "rocket(s)": a rocket, unless a class is named
	adj     missileClass // the class adjective, when all agree
	adjs    int          // class adjectives read
	adjDiff bool         // two class adjectives that differ
	unknown int          // words the reader does not know
	skipped int          // tokens of a bracket read past
}

// scanNP reads the phrase after a number from toks[j]; it returns the index
// after the phrase.
func scanNP(toks []token, j int, m *mention, cueAt []outcome) int {
	s := npScan{toks: toks, cueAt: cueAt, m: m, head: -1}
	k := j
	for ; k < len(toks) && k < j+9+s.skipped; k++ {
		next, stop := s.step(k)
		if stop {
			break
		}
		k = next
	}
	s.finish()
	if s.head >= 0 && s.head+1 > k {
		k = s.head + 1
	}
	return k
}

// step reads toks[k]; it returns the last token it used and whether the
// phrase ended before toks[k].
func (s *npScan) step(k int) (int, bool) {
	t := &s.toks[k]
	if s.typeThenOther(k) {
		return k, true
	}
	s.markMixed(k)
	switch {
	case t.low == "each":
		return k, true // "six each over the X and Y regions": the phrase ends, a distributive follows
	case t.kind == kPunct && t.s == "(" && s.head < 0:
		if c, ok := asideBeforeHead(s.toks, k); ok {
			s.skipped += c - k
			return c, false // "29 балістичних (в т.ч. протикорабельних) ракет": a part named in passing
		}
		return k, true
	case t.kind == kPunct && t.s == "," && s.head < 0 && s.adjs > 0 && k+1 < len(s.toks) && s.toks[k+1].kind == kNum:
		if len(s.m.models) == 0 {
			s.borrowHead(k + 2) // "3 протикорабельних, 6 балістичних та 2 крилатих ракет"
		}
		return k, true
	case t.kind == kPunct:
		return k, !s.punctInside(k)
	case t.kind == kNum || t.kind == kOther:
		return k, true
	case s.head >= 0:
		return s.afterHead(k)
	case s.cueAt[k] != outNone:
		s.hitsOf(k)
		return k, true // "12 локаційно втрачено": the predicate, not a noun
	}
	return s.beforeHead(k)
}

// markMixed: "Shahed and other drones", "strike and decoy drones", "різних
// типів", a comma and a type after the head: the types named are not all.
func (s *npScan) markMixed(k int) {
	t := &s.toks[k]
	if isAnd(t.low) && k+1 < len(s.toks) && s.toks[k+1].kind == kNum {
		return // "40 Shaheds and 20 decoys": the next phrase, not a coordinated type
	}
	if s.head < 0 {
		switch t.low {
		case "other", "інших", "різних", "various", "та", "and", "і":
			s.m.flags |= fMixedType
		case "іншими":
			if len(s.m.models) > 0 {
				s.m.flags |= fMixedType
			}
		}
		return
	}
	if t.kind == kPunct && t.s == "," && k+1 < len(s.toks) && (isModelTok(s.toks, k+1) || s.toks[k+1].kind == kPunct) {
		s.m.flags |= fMixedType
	}
}

// punctInside: quotes and slashes inside a phrase, and the comma of a list
// of types before the head ("Shahed, Gerbera drones").
func (s *npScan) punctInside(k int) bool {
	p := s.toks[k].s
	if isQuote(p) || p == "/" {
		return true
	}
	return p == "," && s.head < 0 && len(s.m.models) > 0 && k+1 < len(s.toks) && isModelTok(s.toks, k+1)
}

// afterHead reads the types after the head: "ракети Х-101", "missile
// Kinzhal", "БпЛА типу Shahed".
func (s *npScan) afterHead(k int) (int, bool) {
	if md, ok := modelAt(s.toks, k); ok {
		s.m.addModel(md)
		if md.name == "Storm Shadow" && s.toks[k].low == "storm" {
			k++
		}
		return k, false
	}
	switch s.toks[k].low {
	case "типу", "type", "морського", "повітряного", "наземного", "базування", "class":
		return k, false
	case "systems", "system", "launchers", "launcher", "complexes", "carriers", "batteries", "комплекси", "комплексів", "установок":
		s.m.flags |= fNotWeapon // "four multiple launch rocket systems": launchers, not munitions
	}
	if facilityAt(s.toks, k) {
		s.m.flags |= fNotWeapon // "three drone control posts", "a missile depot": a place, not a munition
	}
	return k, true
}

// facilityWords are nouns that, right after a weapon noun, make it a
// modifier of a place, a plant or the people who work it ("drone depot",
// "missile plant", "drone crews"): the weapon noun counts no weapon there.
var facilityWords = map[string]bool{
	"depot": true, "depots": true, "warehouse": true, "warehouses": true, "storage": true, "workshop": true,
	"workshops": true, "factory": true, "factories": true, "plant": true, "plants": true, "hangar": true,
	"hangars": true, "facility": true, "facilities": true, "base": true, "bases": true, "production": true,
	"assembly": true, "repair": true, "maintenance": true, "manufacturer": true, "manufacturers": true,
	"maker": true, "makers": true, "crew": true, "crews": true, "industry": true, "arsenal": true, "arsenals": true,
}

// facilityAt: toks[k] is a facility noun, or "control" or "launch" before
// a noun of place ("control posts", "launch sites").
func facilityAt(toks []token, k int) bool {
	if k >= len(toks) {
		return false
	}
	if facilityWords[toks[k].low] {
		return true
	}
	if (toks[k].low == "control" || toks[k].low == "launch") && k+1 < len(toks) {
		switch toks[k+1].low {
		case "point", "points", "post", "posts", "centre", "centres", "center", "centers", "station", "stations",
			"site", "sites", "pad", "pads", "position", "positions", "area", "areas":
			return true
		}
	}
	return false
}

// beforeHead reads a word before the head noun.
func (s *npScan) beforeHead(k int) (int, bool) {
	lw := s.toks[k].low
	if isAnd(lw) && k+1 < len(s.toks) && s.toks[k+1].kind == kNum {
		// "N протикорабельних та M балістичних ракет": the count before
		// "and" takes the noun after it, unless a word the reader does not
		// know stood before "and" ("5 trucks and 14 drones"): that is the
		// count's own noun, and the count no weapon.
		if len(s.m.models) == 0 && s.unknown == 0 {
			s.borrowHead(k + 2)
		}
		return k, true
	}
	if cl, singular := s.toks[k].head, s.toks[k].one; cl != classNone {
		return s.headAt(k, cl, singular)
	}
	if md, ok := modelAt(s.toks, k); ok {
		s.m.addModel(md)
		if md.name == "Storm Shadow" && lw == "storm" {
			k++
		}
		return k, false
	}
	if c := missileClassAdj(lw); c != "" {
		s.addAdj(c)
		return k, false
	}
	if lw == "air" && k+1 < len(s.toks) && (s.toks[k+1].low == "attack" || s.toks[k+1].low == "targets") {
		return k, false
	}
	if len(s.m.models) > 0 && facilityAt(s.toks, k) {
		s.m.flags |= fNotWeapon // "a Shahed storage site": the type names the place's weapons
		return k, true
	}
	if npStop[lw] {
		return k, !(lw == "of" && k > 0 && (s.toks[k-1].low == "types" || s.toks[k-1].low == "type" || s.toks[k-1].low == "kinds"))
	}
	s.markSide(lw)
	if strings.HasPrefix(lw, "reconnaissance") || strings.HasPrefix(lw, "розвідувальн") || lw == "recon" {
		s.m.flags |= fRecon // scouting drones are counted apart from an attack's
		return k, false
	}
	if strings.HasPrefix(lw, "боєприпас") || strings.HasPrefix(lw, "баражуюч") {
		return k, false // "баражуючими боєприпасами типу «Бандероль»": the type names the weapon
	}
	if npMods[lw] || strings.HasSuffix(lw, "-type") || strings.HasSuffix(lw, "-made") || strings.HasSuffix(lw, "-launched") {
		return k, false
	}
	s.unknown++
	return k, s.unknown > 2
}

// addAdj records a class adjective. "Guided" gives way to any other class
// ("зенітними керованими ракетами" are anti-aircraft missiles).
func (s *npScan) addAdj(c missileClass) {
	switch {
	case s.adjs > 0 && c == mGuided && s.adj != mGuided:
		return
	case s.adjs > 0 && s.adj == mGuided && c != mGuided:
		s.adj = c
		return
	case s.adjs > 0 && c != s.adj:
		s.adjDiff = true
	}
	s.adj = c
	s.adjs++
}

// asideBeforeHead: a short bracket before the head noun with no number in
// it; it returns the index of the closing bracket.
func asideBeforeHead(toks []token, k int) (int, bool) {
	for q := k + 1; q < len(toks) && q <= k+8; q++ {
		switch {
		case toks[q].s == ")":
			return q, q > k+1
		case toks[q].kind == kNum || toks[q].s == "(":
			return 0, false
		}
	}
	return 0, false
}

func (s *npScan) markSide(lw string) {
	switch lw {
	case "ukrainian", "українських", "українські":
		s.m.flags |= fUkrainian
	case "russian", "російських", "російські", "russia-launched":
		s.m.flags |= fRussian
	}
}

func airBefore(toks []token, k int) bool {
	return k > 0 && (toks[k-1].low == "attack" || toks[k-1].low == "air" || toks[k-1].low == "aerial")
}

// groundVehicles: "vehicles" with no air word before it ("47 vehicles",
// "military vehicles") names no weapon of an air attack, as headAt reads it.
func groundVehicles(toks []token, k int) bool {
	return toks[k].low == "vehicles" && !airBefore(toks, k)
}

// borrowHead takes the class of the head noun of the phrase after "and N".
func (s *npScan) borrowHead(from int) {
	for q := from; q < len(s.toks) && q < from+6; q++ {
		if cl := s.toks[q].head; cl != classNone {
			s.m.class = cl
			return
		}
		if s.toks[q].kind == kPunct && !isQuote(s.toks[q].s) {
			return
		}
	}
}

// headAt reads the head noun at k, with the words that belong to it
// ("unmanned aerial vehicles", "means of air attack", "засобів повітряного
// нападу").
func (s *npScan) headAt(k int, cl class, singular bool) (int, bool) {
	lw := s.toks[k].low
	if cl == classMixed && lw == "vehicles" && (s.m.class == classDrone || !airBefore(s.toks, k)) {
		if s.m.class != classDrone {
			s.m.flags |= fNotWeapon // "119 vehicles" are no weapons; "air attack vehicles" are
		}
		return k, s.m.class != classDrone
	}
	if s.m.class == classNone || s.m.class == classMixed {
		s.m.class = cl
	}
	s.head = k
	s.rockets = lw == "rocket" || lw == "rockets"
	both, second := (cl == classDrone || cl == classMissile) && bothClasses(s.toks, k, cl), k+2
	if both {
		s.m.class = classMixed // "100 drones and missiles": a total of both
	}
	switch {
	case lw == "unmanned" || strings.HasPrefix(lw, "безпілотн"):
		for k+1 < len(s.toks) && (s.toks[k+1].low == "aerial" || s.toks[k+1].low == "vehicles" || s.toks[k+1].low == "vehicle" ||
			s.toks[k+1].low == "літальними" || s.toks[k+1].low == "літальних" || strings.HasPrefix(s.toks[k+1].low, "апарат")) {
			k++
		}
		s.head = k
		if w := s.toks[k].low; w == "vehicle" {
			s.m.flags |= fSingular // "an unmanned aerial vehicle": the spelled-out noun is singular too
		}
		return k, false
	case lw == "means":
		for k+1 < len(s.toks) && (s.toks[k+1].low == "of" || s.toks[k+1].low == "enemy" || s.toks[k+1].low == "air" || s.toks[k+1].low == "attack" || s.toks[k+1].low == "aerial") {
			k++
		}
	case lw == "засобів" || lw == "засоби" || lw == "засобами":
		for k+1 < len(s.toks) && (s.toks[k+1].low == "повітряного" || s.toks[k+1].low == "нападу") {
			k++
		}
	}
	if both && second > k && s.m.vague == "" && !s.m.has(fBoth) && !s.m.has(fArticle) {
		// the phrase ends at the second noun, so the verb after it is the
		// total's ("120 missiles and drones were fired", "ракет і дронів
		// було збито"); "both", "a" and "several hundred" keep their own
		// readings
		k = second
		s.head = k
	}
	if singular {
		s.m.flags |= fSingular
	}
	return k, false
}

// finish: a type as the head ("76 Shaheds"); the missile class from the
// types when they agree, else from the class adjectives.
func (s *npScan) finish() {
	m := s.m
	if s.head < 0 && len(m.models) > 0 && m.class == classNone {
		name := m.models[len(m.models)-1]
		m.class = modelByName(name).head
		m.flags |= fModelHead
	}
	if m.class != classMissile && m.class != classNone {
		return
	}
	mc, same := missileClass(""), true
	for _, name := range m.models {
		c := modelByName(name).class
		switch {
		case c == "":
		case mc == "":
			mc = c
		case mc != c:
			same = false
		}
	}
	switch {
	case s.adjs > 0 && !s.adjDiff:
		m.mclass = s.adj // the text's own word for the class ("two Kh-59/69 cruise missiles")
	case mc != "" && same:
		m.mclass = mc
	case s.rockets && s.adjs == 0 && len(m.models) == 0:
		m.mclass = mRocket
	}
}

// bothClasses: the head noun at k is joined to a plural noun of the other
// weapon class with no number of its own ("drones and missiles", "ракет і
// дронів"). A singular second noun is one weapon, not a share of the count
// ("N дронами та ракетою", "N дронів і ракету": N drones and one missile).
func bothClasses(toks []token, k int, cl class) bool {
	if k+2 >= len(toks) || !isAnd(toks[k+1].low) || toks[k+2].one {
		return false
	}
	return otherWeapon(toks[k+2].head, cl)
}

// typeThenOther: the phrase so far is a weapon type with no head noun, and
// at k a conjunction joins it to a singular head noun of the other weapon
// class, its adjectives between ("N шахедом та балістичною ракетою"): the
// type is the counted head, the noun after the conjunction one weapon.
func (s *npScan) typeThenOther(k int) bool {
	if s.head >= 0 || len(s.m.models) == 0 || !isAnd(s.toks[k].low) {
		return false
	}
	q := headAfter(s.toks, k+1)
	return q >= 0 && s.toks[q].one && otherWeapon(s.toks[q].head, modelByName(s.m.models[len(s.m.models)-1]).head)
}

// headAfter: the index of the head noun at from or after a few class
// adjectives and modifiers ("балістичною ракетою", "ударних БпЛА"); -1
// when another word comes first.
func headAfter(toks []token, from int) int {
	for q := from; q < len(toks) && q <= from+2; q++ {
		t := &toks[q]
		if t.head != classNone {
			return q
		}
		if t.kind != kWord || missileClassAdj(t.low) == "" && !npMods[t.low] {
			return -1
		}
	}
	return -1
}

// otherWeapon: cl is a weapon class (drones or missiles) other than own.
func otherWeapon(cl, own class) bool {
	return cl != own && (cl == classDrone || cl == classMissile)
}

// hitsOf: a count of the Ukrainian hit noun itself, with the weapon that
// hit after it in the genitive ("N влучань ударних БпЛА", "п'ять влучань
// ракет"): the count is of hits by that weapon class, so it keeps the class
// when no attack around it gives one. The phrase still ends before the hit
// noun, whose cue gives the outcome. Hits of both classes named together
// ("N влучань ракет і дронів") give no class.
func (s *npScan) hitsOf(k int) {
	if s.head >= 0 || len(s.m.models) > 0 || s.adjs > 0 || s.toks[k].low != "влучань" && s.toks[k].low != "влучання" {
		return
	}
	q := headAfter(s.toks, k+1)
	if q < 0 || !otherWeapon(s.toks[q].head, classNone) {
		return
	}
	if q+1 < len(s.toks) && isAnd(s.toks[q+1].low) {
		if r := headAfter(s.toks, q+2); r >= 0 && otherWeapon(s.toks[r].head, s.toks[q].head) {
			return
		}
	}
	s.m.class = s.toks[q].head
}
