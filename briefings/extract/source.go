package extract

import "strings"

// Who speaks and who attacked (stage 3): the source a sentence names, the
// side its figures are about, and the regions it names.

// sourceOf finds the source a sentence names. named is the authority the
// text named by its state before: a bare "the ministry" is that one when it
// was a third country's (see foreign.go). It returns the source and the
// authority this sentence names by its state (namedAuthority).
//
// "Russia said" stands for the ministry only when the sentence names no
// one else: in "Russia claimed it downed 24 drones, the mayor said" the
// mayor speaks. A third country's authority speaks only when no one else
// of the war's sides does.
func sourceOf(toks []token, named source, rs *ruleSet) (source, source) {
	short, third, names := srcNone, srcNone, srcNone
	if rs.on(ruleThirdCountry) {
		names = namedAuthority(toks)
	}
	if names != srcNone {
		named = names // "the ministry said" beside "Moldova's army": Moldova's
	}
	for i := range toks {
		lw, prev, next := around(toks, i)
		s := srcThird
		if names == srcNone || !thirdAuthority(toks, i, lw, next) && !thirdSaid(toks, i) {
			s = sourceAt(toks, i, lw, prev, next)
		}
		if s == srcRUMoD && named == srcThird && bareMinistry(toks, i, lw) || s == srcNone && named == srcThird && ukBareMinistry(lw, next) {
			s = srcThird // "the ministry said", "у міністерстві заявили": the third country's named before
		}
		if s != srcNone && futureAgent(toks, i) {
			continue // "the Air Force will publish the final count": it has not spoken
		}
		if s != srcNone && timeClauseAgent(toks, i) {
			continue // "hours after the president addressed the summit": he dates the strike, not its figures
		}
		if s == srcRUMoD && ownerOfForces(toks, i) {
			continue // "air defence forces of the Russian Defence Ministry" shot them down; someone else speaks
		}
		if s == srcRUMoD && russiaSaid(lw, next) {
			short = s
			continue
		}
		if s == srcThird {
			third = s
			continue
		}
		if s != srcNone {
			return s, names
		}
	}
	if third != srcNone {
		return third, names
	}
	return short, names
}

// ownerOfForces: the ministry at i is named as the owner of the forces
// that acted ("air defence forces of the Russian Defence Ministry", "systems
// of the Ministry of Defence"), not as the one that speaks.
func ownerOfForces(toks []token, i int) bool {
	if j := i + 1; j < len(toks) && (toks[j].low == "ministry's" || toks[j].low == "ministry’s") {
		// "the Defence Ministry's air defence forces": the possessive names the owner
		for q := j + 1; q < len(toks) && q <= j+4; q++ {
			switch toks[q].low {
			case "forces", "systems", "units", "troops", "means", "defences", "defenses", "force", "system", "unit":
				return true
			}
		}
	}
	k := i - 1
	for k >= 0 && (toks[k].low == "the" || toks[k].low == "russian" || toks[k].low == "russia's") {
		k--
	}
	if k < 1 || toks[k].low != "of" {
		return false
	}
	paren := false // a short name in brackets ("Air Defence Forces (AD) of the ministry")
	for q := k - 1; q >= 0 && q >= k-6; q-- {
		switch toks[q].low {
		case "forces", "systems", "units", "troops", "means", "defences", "defenses", "force", "system", "unit":
			return true
		case ")":
			paren = true
			continue
		case "(":
			if paren {
				paren = false
				continue
			}
		}
		if paren {
			continue
		}
		if toks[q].kind == kPunct {
			return false
		}
	}
	return false
}

// futureAgent: the source at i is named as the one that will publish the
// figures later ("the final count is to be published by the Air Force",
// "the Air Force will give the exact types"): a city administration's way
// of saying its own count is provisional. The source that speaks is someone
// else.
func futureAgent(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if toks[k].low == "will" {
			return true // "the air force will give the final count"
		}
	}
	for k := i - 1; k >= 0 && k >= i-9; k-- {
		switch lw := toks[k].low; {
		case lw == "will" || lw == "shall":
			return true
		case toks[k].kind == kPunct && lw != "(" && lw != "-":
			return false
		}
	}
	return false
}

// timeClauseAgent: the source at i is named inside a clause that dates
// the strike by another event ("hours after the president addressed the
// summit", "an hour after the envoy met the president"): no comma between,
// a measure of time before "after" or "before", and no verb of saying
// right after the name. Such a person does not give the sentence's figures.
func timeClauseAgent(toks []token, i int) bool {
	for k := i - 1; k >= 1 && k >= i-10; k-- {
		lw := toks[k].low
		if toks[k].kind == kPunct {
			return false
		}
		if lw != "after" && lw != "before" {
			continue
		}
		switch toks[k-1].low {
		case "hours", "hour", "minutes", "minute", "days", "shortly", "soon", "moments":
		default:
			return false
		}
		for j := i + 1; j < len(toks) && j <= i+3; j++ {
			if speechVerb(toks[j].low) {
				return false
			}
		}
		return true
	}
	return false
}

// russiaSaid: "Russia said", "Moscow claimed": the ministry's claim, shortened.
func russiaSaid(lw, next string) bool {
	return (lw == "russia" || lw == "moscow") && (next == "said" || next == "says" || next == "claimed" || next == "claims" || next == "reported")
}

func sourceAt(toks []token, i int, lw, prev, next string) source {
	ukr := prev == "ukrainian" || prev == "ukraine's" || prev == "kyiv's"
	switch {
	case lw == "air" && (next == "force" || next == "forces" || next == "force's"):
		if i+3 < len(toks) && toks[i+2].low == "command" && directionWord(toks[i+3].low) {
			return srcGovernor // "Air Force Command South": one of its regional commands
		}
		return srcAirForce
	case strings.HasPrefix(lw, "повітрян") && strings.HasPrefix(next, "сил"), lw == "пс" || lw == "kpszsu":
		return srcAirForce
	case (lw == "defense" || lw == "defence") && (next == "ministry" || next == "minister" || next == "ministry's"):
		if ukr {
			return srcMilitary
		}
		return srcRUMoD
	case lw == "ministry" && (next == "of" || prev == "the" || prev == "its") && !ukr, bareMinistrySays(toks, i, next),
		lw == "міноборони" && (next == "рф" || next == "росії"), lw == "мо" && next == "рф",
		strings.HasPrefix(lw, "міністерств") && next == "оборони" && i+2 < len(toks) && (toks[i+2].low == "росії" || toks[i+2].low == "рф"):
		return srcRUMoD
	case russiaSaid(lw, next):
		return srcRUMoD // "Russia said it shot down": the ministry's claim, shortened
	case lw == "general" && next == "staff", lw == "генштаб", lw == "генштабу", lw == "генштабі",
		strings.HasPrefix(lw, "генеральн") && strings.HasPrefix(next, "штаб"): // every case of the Ukrainian name, short and full
		return srcGenStaff
	case strings.HasPrefix(lw, "адміністрац") && (prev == "військової" || prev == "військова" || prev == "обласної" || prev == "обласна"):
		if i >= 2 && (toks[i-2].low == "міської" || toks[i-2].low == "міська") {
			return srcMayor
		}
		return srcGovernor
	case regionAdminWord(toks, i, lw):
		return srcGovernor // "голова Чернігівської обладміністрації": the region's administration, in one word
	case cityAdministration(toks, i, lw, next):
		return srcMayor // "the Kyiv City Military Administration", "head of the city administration": the city's
	case lw == "governor" || lw == "gov" || lw == "губернатор" || lw == "ова" || lw == "рва" || lw == "rma" || lw == "ova" || (lw == "military" || lw == "regional") && next == "administration":
		return srcGovernor
	case lw == "mayor" || (lw == "міський" && next == "голова") || lw == "мер":
		return srcMayor
	case headOfRegion(lw, next):
		return srcGovernor // "очільник області", "голова ОВА"
	case regionHead(toks, i, lw, prev, next):
		return srcGovernor // "regional head", "the head of the republic", "the appointed head of Crimea"
	case airCommand(toks, i, lw, prev), regionalCommand(toks, i, lw, prev, next):
		return srcGovernor // a regional command ("Повітряне командування «Південь»", "Operational Command South") counts its region
	case ukr && (lw == "military" || lw == "army" || lw == "armed" && next == "forces") && !militaryObject(next), lw == "commander-in-chief",
		lw == "armed" && next == "forces" && ofUkraine(toks, i+2) && i+4 < len(toks) && speechVerb(toks[i+4].low),
		lw == "commander" && next == "in" && i+2 < len(toks) && toks[i+2].low == "chief":
		return srcMilitary
	case countryAirDefence(toks, i, lw, prev, next):
		return srcAirForce
	case (lw == "officials" || lw == "authorities") && ukr, lw == "president" && ukr, lw == "zelensky" || lw == "zelenskyy" || lw == "зеленський":
		return srcOfficial // Ukraine's president gives the country's figures as an official
	}
	if o, ok := officials[lw]; ok {
		return o.src
	}
	return srcNone
}

// militaryObject: the noun a "Ukrainian military" or "Ukrainian army"
// qualifies when it names what was struck or where, not who speaks
// ("Ukrainian military facilities", "Ukrainian army training centres",
// "Ukrainian military airfields").
func militaryObject(next string) bool {
	switch next {
	case "facilities", "facility", "targets", "target", "sites", "site", "infrastructure", "airfields", "airfield",
		"positions", "position", "installations", "installation", "bases", "base", "depots", "depot", "training",
		"equipment", "hardware", "objects", "aircraft", "vehicles", "warehouses", "warehouse", "centres", "centers":
		return true
	}
	return false
}

// bareMinistrySays: a headline's attribution with no article or state
// ("..., ministry says", "... - ministry said"): "ministry" opens its clause
// and a verb of saying follows it, in a sentence whose words point to
// Russia defending ("Russian air defences down ...", "Russia downs ...")
// and nowhere to Ukraine defending: Russia's ministry, as "the ministry" is.
func bareMinistrySays(toks []token, i int, next string) bool {
	if toks[i].low != "ministry" || i > 0 && toks[i-1].kind != kPunct || !speechVerb(next) {
		return false
	}
	ua := false
	for k := 0; k+1 < len(toks); k++ {
		switch pairSide(toks, k, nil) {
		case sideRU:
			return false
		case sideUA:
			ua = true
		}
	}
	return ua
}

// countryAirDefence: the country's air defence as a speaker ("Ukraine's air
// defense said", "the nation's air defence command reported", "Ukrainian
// air defence force says"): the Air Force, whose command runs
// the country's air defence and posts its tallies. A verb of saying follows
// within two words; a city's air defence ("Kyiv's") is not matched.
func countryAirDefence(toks []token, i int, lw, prev, next string) bool {
	if lw != "air" || next != "defense" && next != "defence" {
		return false
	}
	switch prev {
	case "ukraine's", "ukrainian", "country's", "nation's":
	default:
		return false
	}
	for k := i + 2; k < len(toks) && k <= i+4; k++ {
		if speechVerb(toks[k].low) {
			return true
		}
		switch toks[k].low {
		case "command", "force", "forces":
		default:
			return false
		}
	}
	return false
}

// official is a person who gives attack figures for a body or a place.
type official struct {
	src  source
	home string // the region the official speaks for ("" for a national body)
}

// officials are the people news reports quote by surname alone as the
// source of figures ("<surname> wrote", "according to <surname>"): the Air
// Force's commander and spokesman, the heads of Kyiv's city
// administration, mayors and governors of the regions most often attacked.
// Offices change hands: the list holds those named in the reports of
// 2023-2026 the team has read, each in several outlets.
var officials = func() map[string]official {
	m := map[string]official{
		"oleshchuk": {srcAirForce, ""}, "ihnat": {srcAirForce, ""}, "ignat": {srcAirForce, ""},
		"popko": {srcMayor, "Kyiv"}, "tkachenko": {srcMayor, "Kyiv"}, "klitschko": {srcMayor, "Kyiv"},
		"terekhov": {srcMayor, "Kharkiv"}, "sobyanin": {srcMayor, "Moscow"},
		"kiper": {srcGovernor, "Odesa"}, "lysak": {srcGovernor, "Dnipropetrovsk"},
		"syniehubov": {srcGovernor, "Kharkiv"}, "synyehubov": {srcGovernor, "Kharkiv"}, "synegubov": {srcGovernor, "Kharkiv"},
		"gladkov": {srcGovernor, "Belgorod"}, "bogomaz": {srcGovernor, "Bryansk"},
		"starovoit": {srcGovernor, "Kursk"}, "starovoyt": {srcGovernor, "Kursk"}, "gusev": {srcGovernor, "Voronezh"},
		// the heads of Russia's regions (and of Crimea and Sevastopol, which
		// Russia holds) whose counts of downed drones outlets quote by
		// surname, in the spellings outlets use
		"aksyonov": {srcGovernor, "Crimea"}, "aksenov": {srcGovernor, "Crimea"},
		"razvozhayev": {srcGovernor, "Crimea"}, "razvozhaev": {srcGovernor, "Crimea"},
		"vorobyov": {srcGovernor, "Moscow"}, "vorobyev": {srcGovernor, "Moscow"},
		"slyusar": {srcGovernor, "Rostov"}, "klychkov": {srcGovernor, "Oryol"}, "klichkov": {srcGovernor, "Oryol"},
		"malkov": {srcGovernor, "Ryazan"}, "bocharov": {srcGovernor, "Volgograd"}, "busargin": {srcGovernor, "Saratov"},
		"kondratyev": {srcGovernor, "Krasnodar"}, "khinshtein": {srcGovernor, "Kursk"},
	}
	// The same officials in Ukrainian reports, by the surname's case forms
	// (the surname after a verb of saying, or in the genitive after "за словами").
	for _, o := range []struct {
		who   official
		forms string
	}{
		{official{srcAirForce, ""}, "олещук олещука олещуку олещуком ігнат ігната ігнату ігнатом"},
		{official{srcMayor, "Kyiv"}, "попко попка кличко"},
		{official{srcMayor, "Kharkiv"}, "терехов терехова терехову тереховим"},
		{official{srcMayor, "Moscow"}, "собянін собяніна собяніну собяніним"},
		{official{srcGovernor, "Odesa"}, "кіпер кіпера кіперу кіпером"},
		{official{srcGovernor, "Dnipropetrovsk"}, "лисак лисака лисаку лисаком"},
		{official{srcGovernor, "Kharkiv"}, "синєгубов синєгубова синєгубову синєгубовим синегубов"},
		{official{srcGovernor, "Belgorod"}, "гладков гладкова гладкову гладковим"},
		{official{srcGovernor, "Bryansk"}, "богомаз богомаза богомазу богомазом"},
		{official{srcGovernor, "Kursk"}, "старовойт старовойта старовойту старовойтом"},
	} {
		for _, f := range strings.Fields(o.forms) {
			m[f] = o.who
		}
	}
	return m
}()

// officialHome is the region of the first regional official a sentence
// names, or "".
func officialHome(toks []token) string {
	for i := range toks {
		if o, ok := officials[toks[i].low]; ok && o.home != "" {
			return o.home
		}
	}
	return ""
}

// cityAdministration: the English name of a city's military (or civil)
// administration, which speaks for the city as its mayor does ("the Kyiv
// City Military Administration", "the city administration", "city military
// administrator", and Kyiv's abbreviations KCMA, KMVA, "Kyiv MWA"), as its
// Ukrainian name does ("міської військової адміністрації").
func cityAdministration(toks []token, i int, lw, next string) bool {
	switch lw {
	case "kcma", "kmva", "kmwa", "kmia":
		return true // Kyiv's city military administration, abbreviated
	case "mwa", "cma":
		return i > 0 && toks[i-1].low == "kyiv" // "the Kyiv MWA"
	}
	if lw != "city" && lw != "city's" {
		return false
	}
	if next == "military" && i+2 < len(toks) {
		next = toks[i+2].low
	}
	return next == "administration" || next == "administrator"
}

// regionAdminWord: the head of a region's administration named by its
// one-word short form ("голова Чернігівської обладміністрації", "очільник
// облвійськадміністрації", "керівник облдержадміністрації"), who speaks for
// the region as the head of the "обласна військова адміністрація" does. The
// head's title stands before it, at most one word (the region's adjective)
// between: a building of the administration is no speaker.
func regionAdminWord(toks []token, i int, lw string) bool {
	short := false
	for _, p := range []string{"обладміністрац", "облвійськадміністрац", "облдержадміністрац"} {
		short = short || strings.HasPrefix(lw, p)
	}
	if !short {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if w := toks[k].low; headTitle(w) || headTitleGenitive(w) {
			return true
		}
	}
	return false
}

// ofUkraine: "of Ukraine" or "of the Ukrainian ..." at k ("the Armed Forces
// of Ukraine reported").
func ofUkraine(toks []token, k int) bool {
	return k+1 < len(toks) && toks[k].low == "of" && toks[k+1].low == "ukraine"
}

// headOfRegion: "очільник області", "голова ОВА", "керівник обласної
// військової адміністрації" (the last is the administration rule's).
func headOfRegion(lw, next string) bool {
	return headTitle(lw) && (next == "області" || next == "ова" || next == "ода")
}

// headTitle: the Ukrainian titles of a region's or administration's head
// ("голова", "очільник", "керівник", "начальник"), as the subject names him.
func headTitle(w string) bool {
	switch w {
	case "очільник", "очільниця", "голова", "керівник", "начальник":
		return true
	}
	return false
}

// headTitleGenitive: the same titles in the genitive ("за словами голови",
// "заява начальника").
func headTitleGenitive(w string) bool {
	switch w {
	case "голови", "очільника", "керівника", "начальника":
		return true
	}
	return false
}

// regionHead: the head of a region or republic as a speaker ("regional
// head", "the head of the region", "the head of the republic", "the
// Moscow-appointed head of Crimea", "the head of Chechnya"): Russia's
// republics and Crimea have heads, not governors, and speak for one region.
func regionHead(toks []token, i int, lw, prev, next string) bool {
	if lw != "head" {
		return false
	}
	if prev == "regional" {
		return true
	}
	if next != "of" || i+2 >= len(toks) {
		return false
	}
	w := toks[i+2].low
	if w == "the" && i+3 < len(toks) {
		w = toks[i+3].low
		return w == "region" || w == "republic"
	}
	rg, ok := regionOf(w)
	return ok && rg.ru && rg.name != "Moscow"
}

// airCommand: one of the Air Force's regional commands, named by its
// direction ("Повітряне командування «Південь»", "Air Command South"), or
// the defence forces of one part of the country ("Сили оборони півдня").
func airCommand(toks []token, i int, lw, prev string) bool {
	if strings.HasPrefix(lw, "оборон") && i+1 < len(toks) {
		switch toks[i+1].low {
		case "півдня", "сходу", "заходу", "півночі":
			return true // "Сили оборони півдня", "протиповітряною обороною півдня"
		}
	}
	if !(strings.HasPrefix(lw, "командуван") && strings.HasPrefix(prev, "повітрян") || lw == "command" && prev == "air") {
		return false
	}
	if i >= 2 && toks[i-2].low == "відповідальності" {
		return false // a command's zone of responsibility ("у зоні відповідальності ... командування"): where they were downed, not who speaks
	}
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		switch toks[k].low {
		case "південь", "схід", "захід", "центр", "south", "east", "west", "center", "centre":
			return true
		}
	}
	return false
}

// regionalCommand: the English names of the military's regional commands
// and defence forces ("Operational Command South", "OC South", "the military
// South command", "Ukraine's southern defense forces", "the Southern Defense
// Forces"), which speak for their part of the country, as "Сили оборони
// півдня" does.
func regionalCommand(toks []token, i int, lw, prev, next string) bool {
	switch {
	case lw == "command" && (directionWord(prev) || directionWord(next)):
		return true // "Operational Command South", "the southern command", "OC South" below
	case lw == "oc" && directionWord(next):
		return true
	case directionWord(lw) && (next == "defense" || next == "defence") && i+2 < len(toks) && toks[i+2].low == "forces":
		return true
	}
	return false
}

func directionWord(w string) bool {
	switch w {
	case "south", "east", "west", "north", "center", "centre", "southern", "eastern", "western", "northern", "central":
		return true
	}
	return false
}

// rank orders sources by how closely they speak for the figures: the body
// that counts them (the Air Force, Russia's ministry, the General Staff)
// before the military at large, before officials.
func (s source) rank() int {
	switch s {
	case srcAirForce, srcRUMoD, srcGenStaff:
		return 3
	case srcMilitary:
		return 2
	case srcOfficial:
		return 1
	}
	return 0
}

// better reports whether a source named later should replace the one an
// event has: none yet, or a national one that counts the figures itself
// after one at large ("the military said ... the air force said").
func (s source) better(old source, rs *ruleSet) bool {
	if s == srcNone || s == old {
		return false
	}
	if old == srcNone {
		return true
	}
	return rs.on(ruleSpecificSource) && !s.regional() && !old.regional() && s.rank() > old.rank()
}

// attackerSignalOf weighs what a sentence says about who attacked: UA when
// Russia reports Ukrainian drones, RU when Ukraine reports Russian ones; ""
// when it does not say.
func attackerSignalOf(toks []token, src source, ms []mention, rs *ruleSet) side {
	ua, ru := 0, 0
	said := sideNone
	if rs.on(ruleSpeakerAct) {
		var own side
		own, _, said = speakerActs(toks, src)
		if own != sideNone {
			return own
		}
	}
	switch src {
	case srcRUMoD:
		ua += 2
	case srcAirForce, srcGenStaff, srcMilitary:
		ru += 2
	}
	for i := range ms {
		if !ms[i].class.weapon() {
			continue // "several Ukrainian cities": the side of the places hit, not of the weapons
		}
		if ms[i].has(fUkrainian) {
			ua += 2
		}
		if ms[i].has(fRussian) {
			ru++
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		switch pairSide(toks, i, rs) {
		case sideUA:
			ua++
		case sideRU:
			ru++
		}
	}
	switch {
	case ua > ru:
		return sideUA
	case ru > ua:
		return sideRU
	}
	// A state named as the speaker ("Ukraine says ... were fired at the
	// region") is the weakest sign: it tells only a sentence that names
	// no side otherwise. A sentence may join the other side's report to
	// it ("... killed four, the governor said, as Kyiv said Ukraine had
	// been targeted by Russian drones"), and there the weapons tell.
	if ua == 0 && ru == 0 {
		return said
	}
	return sideNone
}

// speakerActs reads who attacked from what a state says. A state that
// speaks of its own act tells the side outright (own): "Ukraine said its air
// defence had downed 8 of 9 drones", "Kyiv says it shot down ...": the
// speaker defended, so the other side attacked; "Russia said it had fired a
// missile at a town", "the ministry said its forces struck ...": the
// speaker attacked. This outweighs the speaker's usual side (Russia's
// ministry mostly reports Ukraine's drones). Otherwise a state named as the
// speaker ("Ukraine, meanwhile, said", "Ukraine says ... were fired at the
// region") mostly tells of the attack on itself (said), a weak sign, as
// "Russia said" is in pairSide, which counts that pair itself. Speakers that
// disagree say nothing.
func speakerActs(toks []token, src source) (own side, strike bool, said side) {
	for i := range toks {
		if !actSpeechVerb(toks[i].low) {
			continue
		}
		named, k := speakerState(toks, i)
		spk := named
		if spk == sideNone {
			spk = srcSide(src)
		}
		if spk == sideNone {
			continue
		}
		if named != sideNone && !(k == i-1 && (toks[k].low == "russia" && (toks[i].low == "said" || toks[i].low == "claimed"))) {
			said = agree(said, named.other())
		}
		switch ownAct(toks, i+1) {
		case actDown:
			own = agree(own, spk.other())
		case actStrike:
			if !downingAfter(toks, i+1) {
				own, strike = agree(own, spk), true
			}
		}
	}
	if own == sideClash {
		own = sideNone
	}
	if said == sideClash {
		said = sideNone
	}
	return own, strike && own != sideNone, said
}

// downingAfter: a verb of downing follows k in the sentence ("said its
// forces struck airfields and that air defence units shot down 22
// drones"): the figures may be the other side's, so the speaker's strike
// does not decide the sentence.
func downingAfter(toks []token, k int) bool {
	for ; k < len(toks); k++ {
		if downingVerb(toks, k) {
			return true
		}
	}
	return false
}

// ownStrikeClaim: the sentence is a state's word of its own strike ("Russia
// said it had fired a missile at a town"): it tells that sentence's
// attacker, not the story's, so sentences after it that say nothing of the
// side go on with the attacker told before.
func ownStrikeClaim(toks []token, src source, rs *ruleSet) bool {
	if !rs.on(ruleSpeakerAct) {
		return false
	}
	_, strike, _ := speakerActs(toks, src)
	return strike
}

// sideClash stands for readings that disagree until speakerActs returns.
const sideClash side = "clash"

// agree folds one more reading into the side read so far.
func agree(cur, next side) side {
	if cur == sideNone || cur == next {
		return next
	}
	return sideClash
}

func actSpeechVerb(w string) bool {
	switch w {
	case "said", "says", "say", "claimed", "claims", "announced", "announces", "reported", "reports", "added":
		return true
	}
	return false
}

// speakerState: the state that speaks at the verb of saying at i, named
// within four words before it ("Ukraine, meanwhile, said", "Russia on
// Thursday said", "Russia's defence ministry said", "the Russian army
// said"), and where it is named. The words between are asides or name the
// state's own body; "the administration of the Ukrainian capital said" is
// a city's, not the state's.
func speakerState(toks []token, i int) (side, int) {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := toks[k].low
		var s side
		switch w {
		case "ukraine", "ukraine's", "kyiv", "kiev", "ukrainian":
			s = sideUA
		case "russia", "russia's", "moscow", "russian":
			s = sideRU
		}
		if s != sideNone {
			return s, k
		}
		if !speakerFiller(w) {
			break
		}
	}
	return sideNone, -1
}

// speakerFiller: a word that may stand between a state and its verb of
// saying: an aside ("meanwhile", "on Thursday", "later") or the state's own
// body ("defence ministry", "army", "officials", "air force").
func speakerFiller(w string) bool {
	switch w {
	case ",", "meanwhile", "also", "later", "earlier", "then", "on", "has", "had", "have",
		"defence", "defense", "ministry", "army", "military", "officials", "authorities", "forces", "armed",
		"government", "air", "force", "command", "foreign", "leadership":
		return true
	}
	return isWeekdayTok(w)
}

// srcSide: the side a national source speaks for (Russia's ministry,
// Ukraine's Air Force or military).
func srcSide(src source) side {
	switch src {
	case srcRUMoD:
		return sideRU
	case srcAirForce, srcGenStaff, srcMilitary:
		return sideUA
	}
	return sideNone
}

type act uint8

const (
	actNone   act = iota
	actDown       // shot down, downed, intercepted, destroyed, repelled
	actStrike     // fired, launched, struck, hit, attacked, targeted
)

// ownAct reads the clause after a verb of saying at k: the speaker as "it"
// or "they", or "its"/"their" and its arm in up to three words ("its air defence
// systems", "its forces"), auxiliaries ("had", "also"), then the verb.
// "on Friday" or "that" may come first. A passive ("it was hit") or a
// striking arm that "destroyed" something (a depot, not a drone) is no read.
func ownAct(toks []token, k int) act {
	for n := 0; k < len(toks) && n < 3; n++ {
		w := toks[k].low
		if w != "that" && w != "on" && !isWeekdayTok(w) {
			break
		}
		k++
	}
	if k >= len(toks) {
		return actNone
	}
	forces := false
	switch toks[k].low {
	case "it", "they":
		k++
	case "its", "their":
		k, forces = ownArm(toks, k+1)
	default:
		return actNone
	}
	for k < len(toks) && actAux(toks[k].low) {
		k++
	}
	if k >= len(toks) {
		return actNone
	}
	switch w := toks[k].low; {
	case w == "destroyed" || w == "destroys":
		if forces {
			return actNone
		}
		return actDown
	case downingVerb(toks, k):
		return actDown
	case strikeVerb(w):
		return actStrike
	}
	return actNone
}

func strikeVerb(w string) bool {
	switch w {
	case "fired", "fires", "launched", "launches", "struck", "strikes", "hit", "hits", "attacked", "attacks", "targeted":
		return true
	}
	return false
}

// ownArm skips the words naming the speaker's own arm after "its" and
// returns the index after them (len(toks) when none: no read), and whether
// the arm is one that strikes (forces, troops, army) rather than air
// defence.
func ownArm(toks []token, k int) (int, bool) {
	start, forces := k, false
	for ; k < len(toks) && k < start+3; k++ {
		switch toks[k].low {
		case "air", "defence", "defense", "defences", "defenses", "systems", "units":
		case "forces", "troops", "military", "army", "armed", "aviation", "drones", "missiles":
			forces = true
		default:
			if k == start {
				return len(toks), false
			}
			return k, forces
		}
	}
	return k, forces
}

func actAux(w string) bool {
	switch w {
	case "had", "has", "have", "also", "successfully", "already":
		return true
	}
	return false
}

// pairSide reads the side a pair of words points to: "by Ukraine", "over
// Russian territory" (Ukraine's drones), "Russia launched", "противник" (Russia).
func pairSide(toks []token, i int, rs *ruleSet) side {
	a, b := toks[i].low, toks[i+1].low
	switch {
	case a == "by" && (b == "ukraine" || b == "kyiv"):
		return sideUA
	case a == "by" && (b == "russia" || b == "moscow" || b == "russian") && i > 0 && launchParticiple(toks[i-1].low):
		return sideRU // "38 drones launched by Russia": the launcher, not the defender
	case (a == "russian" || a == "ukrainian") && namedAttack(toks, i+1):
		if a == "russian" {
			return sideRU // "overnight Russian missile attacks", "a Russian air attack on a city", "a Russian airstrike"
		}
		return sideUA // "Ukrainian drone attacks on a region"
	case a == "russian" && (b == "territory" || strings.HasPrefix(b, "air")):
		if i > 0 && toks[i-1].low == "from" && rs.on(ruleLaunchOrigin) {
			return sideRU // launched from Russian territory
		}
		return sideUA
	case a == "russia" && (b == "claimed" || b == "said"):
		return sideUA
	case (a == "russia" || a == "moscow") && downingVerb(toks, i+1):
		return sideUA // "Russia downs N drones over a region": Russia defends
	case (a == "ukraine" || a == "kyiv") && downingVerb(toks, i+1):
		return sideRU // "Ukraine downs 30 drones": Ukraine defends
	case (a == "ukraine" || a == "kyiv") && (b == "launched" || b == "fired" || b == "struck" || b == "attacked" || presentAttack[b]):
		return sideUA
	case (a == "russia" || a == "moscow") && presentAttack[b]:
		return sideRU
	case (a == "russia" || a == "russian" || a == "moscow") && (b == "launched" || b == "fired" || b == "forces" || b == "deployed" || b == "attacked" || b == "used" || b == "had" || b == "also"):
		return sideRU
	case a == "противник" || a == "окупанти" || a == "росіяни" || a == "рф":
		return sideRU
	}
	return sideNone
}

// downingVerb: a verb of shooting down at k ("shoots down", "shot down",
// "downs", "downed", "intercepts", "destroyed"): a state named just before
// it is the side that defends.
func downingVerb(toks []token, k int) bool {
	switch toks[k].low {
	case "shoots", "shot", "shooting":
		return k+1 < len(toks) && toks[k+1].low == "down"
	case "downs", "downed", "intercepts", "intercepted", "destroys", "destroyed", "repels", "repelled":
		return true
	}
	return false
}

// launchParticiple: a participle of launching before "by" ("launched by",
// "fired by"): the one after "by" attacked.
func launchParticiple(w string) bool {
	switch w {
	case "launched", "fired", "sent", "deployed", "used":
		return true
	}
	return false
}

// namedAttack: the words at k name an attack, with or without its weapon
// before it ("attacks", "missile strikes", "drone and missile attack",
// "shelling", "air raids", "an airstrike"). It is read before "Russian
// air..." names Russia's airspace or air defence: "a Russian air attack" is
// Russia's.
func namedAttack(toks []token, k int) bool {
	for n := 0; k < len(toks) && n < 4; n, k = n+1, k+1 {
		if attackNoun(toks[k].low) {
			return true
		}
		switch toks[k].low {
		case "missile", "missiles", "drone", "drones", "rocket", "air", "aerial", "and", "artillery":
		default:
			return false
		}
	}
	return false
}

// sentenceRegions lists the regions named in a sentence outside launch-area
// phrases ("from Kursk", "із напрямків: ...") and datelines.
func sentenceRegions(toks []token) []region {
	var out []region
	launch := false
	for i := range toks {
		t := &toks[i]
		switch t.low {
		case "from", "із", "з", "напрямків", "напрямку", "пуску", "зі":
			launch = !oneOf(toks, i) // "одним із районів": one of, not from
			continue
		case ";", ".":
			if !(t.low == "." && i > 0 && launchAbbrev(toks[i-1].low)) {
				launch = false // "– рф., ТОТ Донецьк": the list of launch areas goes on
			}
			continue
		case ")", "(":
			continue // "from <area> (Crimea) and <area> (Russia)": the list goes on
		}
		if t.cue != outNone {
			launch = false
		}
		if t.kind != kWord || launch {
			continue
		}
		if r, ok := regionAt(toks, i); ok {
			if i < 3 && (len(t.s) > 2 && allUpper(t.s) || datedDateline(toks, i)) {
				continue // a dateline: "KYIV, Ukraine (AP) —", "Kyiv, May 21 (IANS)"
			}
			if t.low == "capital" && !(i > 0 && (toks[i-1].low == "ukraine's" || toks[i-1].low == "the")) {
				continue
			}
			out = append(out, r)
		}
	}
	return out
}

// datedDateline: the place at i opens the text as a wire dateline with its
// date ("Kyiv, May 21 (IANS) ...", "Moscow, Sep. 28 (UNI) ..."): where the
// report was filed, not a place attacked.
func datedDateline(toks []token, i int) bool {
	k := i + 1
	if k+2 >= len(toks) || toks[k].low != "," || toks[k+1].month == 0 {
		return false
	}
	k += 2
	if k < len(toks) && toks[k].low == "." {
		k++ // "Sep."
	}
	return k < len(toks) && toks[k].kind == kNum
}

// launchAbbrev: abbreviations that close an item of the Air Force's list of
// launch areas ("рф.", "обл.") without ending it.
func launchAbbrev(w string) bool {
	return w == "рф" || w == "обл" || w == "rf"
}

// allUpper: every letter of s is upper case.
func allUpper(s string) bool {
	for _, r := range s {
		if isLetter(r) && lowerRune(r) == r {
			return false
		}
	}
	return true
}

// locativeRegion finds "over the Bryansk region", "над Сумщиною" after a
// phrase; it returns a region only when exactly one is named, and "@city"
// for "the approaches to the city" (the city named before).
func locativeRegion(toks []token, from int) (string, bool) {
	k := from
	for n := 0; k < len(toks) && n < 7; n++ {
		lw := toks[k].low
		if locativeWord[lw] {
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
	return regionsAfter(toks, k+1)
}

// regionAt is the region toks[i] names; the second word of a two-word name
// ("Nizhny Novgorod") names no region of its own, nor does a time zone.
func regionAt(toks []token, i int) (region, bool) {
	if i > 0 && toks[i].low == "novgorod" && toks[i-1].low == "nizhny" {
		return region{}, false
	}
	if i+1 < len(toks) && (toks[i+1].low == "time" || toks[i+1].low == "часом" || toks[i+1].low == "часу") {
		return region{}, false // "10 p.m. Moscow time", "за київським часом": a clock's zone
	}
	if cityDistrict(toks, i) {
		return region{}, false
	}
	if capitalForState(toks, i) {
		return region{}, false // "Kyiv's military reported": the state, not the city
	}
	if i+1 < len(toks) && (toks[i+1].low == "river" || toks[i+1].low == "river's") {
		return region{}, false // "the Dnipro River": a river, not the city or its region
	}
	if toks[i].low == "black" {
		return blackSea(toks, i)
	}
	if capitalWord(toks[i].low) && moscowMayor(toks) {
		return regionByName("Moscow") // "drones aimed at the capital, Moscow's mayor said"
	}
	return regionOf(toks[i].low)
}

func capitalWord(lw string) bool {
	return lw == "capital" || lw == "capital's" || strings.HasPrefix(lw, "столиц")
}

// moscowMayor: the sentence names Moscow's mayor ("Moscow Mayor Sergei
// Sobyanin", "Moscow's mayor", "the mayor of Moscow", the surname alone);
// "the capital" he speaks of is Moscow.
func moscowMayor(toks []token) bool {
	for i := range toks {
		lw := toks[i].low
		if o, ok := officials[lw]; ok && o.src == srcMayor && o.home == "Moscow" {
			return true
		}
		if lw != "moscow" && lw != "moscow's" {
			continue
		}
		if i+1 < len(toks) && toks[i+1].low == "mayor" || i >= 2 && toks[i-1].low == "of" && toks[i-2].low == "mayor" {
			return true
		}
	}
	return false
}

// blackSea: "black" at i opens the English name of the sea, which Russia's
// Defence Ministry lists beside its regions as a place where it downed
// drones ("over the Black Sea, Crimea and the Kursk region"). The sea's
// fleet, or a port or city on it, is no place of the sea itself.
func blackSea(toks []token, i int) (region, bool) {
	if i+1 >= len(toks) || toks[i+1].low != "sea" {
		return region{}, false
	}
	if i+2 < len(toks) {
		switch toks[i+2].low {
		case "fleet", "fleet's", "port", "ports", "city", "resort":
			return region{}, false
		}
	}
	return regionByName("Black Sea")
}

// cityDistrict: a district named after the capital inside another city
// ("у Київському районі" of Kharkiv, Odesa, Poltava or Donetsk, the Russian
// "в Киевском районе" of Simferopol or Donetsk) is no place in the Kyiv
// region: the region has had no district of that name since 2020, and the
// capital's districts are named otherwise.
func cityDistrict(toks []token, i int) bool {
	if i+1 >= len(toks) || !strings.HasPrefix(toks[i+1].low, "район") {
		return false
	}
	return strings.HasPrefix(toks[i].low, "київськ") || strings.HasPrefix(toks[i].low, "киевск")
}

// capitalForState: a capital's possessive before the state's forces or
// government ("Kyiv's military", "Kyiv's air force", "Moscow's troops")
// names the state, not the city. "Kyiv's air defences" are the capital's
// own ring of air defence, whose count is the city's like "Odesa's air
// defences" (the count of a night's raid on the capital; the city's
// administration warning that its air defences were being probed).
func capitalForState(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	lw, next := toks[i].low, toks[i+1].low
	if lw != "kyiv's" && lw != "moscow's" {
		return false
	}
	switch next {
	case "military", "army", "armed", "forces", "troops", "government", "officials":
		return true
	case "air":
		return i+2 < len(toks) && strings.HasPrefix(toks[i+2].low, "force") // "air force", "air forces", "air force's"
	}
	return false
}

// regionsAfter reads the regions named from k on ("the Kharkiv, Sumy and
// Poltava regions"): the region when exactly one is named.
func regionsAfter(toks []token, k int) (string, bool) {
	var found []string
	city := false
	for n := 0; k < len(toks) && n < 8; n, k = n+1, k+1 {
		t := &toks[k]
		if r, ok := regionAt(toks, k); ok && t.kind == kWord {
			if r.name == "Kyiv" && russianCapital(toks, k) {
				r.name = "Moscow"
			}
			if !contains(found, r.name) {
				found = append(found, r.name)
			}
			continue
		}
		if t.low == "north" && k+1 < len(toks) && strings.HasPrefix(toks[k+1].low, "ossetia") {
			continue // "North Ossetia": the first word of the republic's name
		}
		// "the city", "the region", "our region": the place named before
		city = city || t.low == "city" || t.low == "міста" || t.low == "місто" || t.low == "region" || t.low == "oblast"
		if t.low == "other" && andOtherPlaces(toks, k) {
			return "", false // "X and other targets": more places than those named
		}
		if !regionFiller(t.low) && !districtWord(toks, k) || (t.low == "," && len(found) > 0 && k+1 < len(toks) && !nextIsRegion(toks, k)) {
			break
		}
	}
	switch {
	case len(found) == 1:
		return found[0], true
	case len(found) == 0 && city:
		return "@city", true
	}
	return "", false
}

// russianCapital: "the Russian capital", "столиці Росії".
func russianCapital(toks []token, k int) bool {
	lw := toks[k].low
	if lw != "capital" && !strings.HasPrefix(lw, "столиц") {
		return false
	}
	if k > 0 && (toks[k-1].low == "russian" || toks[k-1].low == "russia's" || strings.HasPrefix(toks[k-1].low, "російськ")) {
		return true
	}
	return k+1 < len(toks) && (toks[k+1].low == "росії" || toks[k+1].low == "рф")
}

// frontLocative: a place named before the sentence's first figure and its
// predicate ("Над Київщиною збито 10 дронів", "Over the Kursk region, air
// defences destroyed 5 drones") is where all its figures were.
func frontLocative(toks []token, first int) (string, bool) {
	for k := 0; k < first && k < len(toks); k++ {
		if toks[k].cue != outNone {
			return "", false
		}
		if !locativeWord[toks[k].low] {
			continue
		}
		if reg, ok := regionsAfter(toks, k+1); ok && reg != "@city" {
			return reg, true
		}
	}
	return "", false
}

var locativeWord = map[string]bool{
	"approaching": true, "approaches": true, "підльотах": true, "підступах": true, "outskirts": true,
	"over": true, "in": true, "above": true, "над": true, "towards": true, "toward": true, "for": true,
	"на": true, "у": true, "в": true, "targeted": true, "targeting": true, "against": true,
}

// regionFiller may stand inside a list of regions ("the Kharkiv, Sumy and
// Poltava regions").
func regionFiller(lw string) bool {
	switch lw {
	case "the", "region", "regions", "oblast", "oblasts", "republic", "of", "and", ",", "та", "і", "області", "областю", "city", "ukraine's", "territory", "russian", "ukrainian", "our",
		"to", "до", "міста", "місто", "акваторією", "акваторії", "waters", "небі", "sea", "моря", "морем", "capital", "country's", "around", "area",
		"occupied", "temporarily", "annexed", // "over (temporarily) occupied Crimea"
		"central", "border", "adjacent", "neighbouring", "neighboring": // "in central Oryol region", "the border region of Kursk"
		return true
	}
	return strings.HasSuffix(lw, "ern")
}

// oneOf: "із"/"з" at i follows "one" ("одним із районів", "в одному з
// районів"): one of several, not where weapons came from.
func oneOf(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	switch toks[i-1].low {
	case "одним", "одному", "одного", "одній", "одна", "один", "одну", "однієї":
		return toks[i].low != "from"
	}
	return false
}

// districtWord: a district or community of a region named before the
// region in the genitive ("над одним із районів Київської області", "над
// Дністровським районом Чернівецької області", "у Межівській громаді
// Дніпропетровської області"): the region's.
func districtWord(toks []token, k int) bool {
	lw := toks[k].low
	switch lw {
	case "одним", "одному", "одного", "із", "з":
		return true
	}
	if strings.HasPrefix(lw, "район") || strings.HasPrefix(lw, "громад") {
		return true
	}
	return k+1 < len(toks) && (strings.HasPrefix(toks[k+1].low, "район") || strings.HasPrefix(toks[k+1].low, "громад")) &&
		(strings.Contains(lw, "ськ") || strings.Contains(lw, "цьк") || strings.Contains(lw, "зьк"))
}

func nextIsRegion(toks []token, k int) bool {
	if k+1 >= len(toks) {
		return false
	}
	_, ok := regionOf(toks[k+1].low)
	return ok
}

// targetsRegions: "Основний напрямок удару – Харківщина", "targeting Kyiv".
func targetsRegions(toks []token) bool {
	for ix := range toks {
		switch lw := toks[ix].low; lw {
		case "удару", "атаковано", "targeting", "targeted", "hitting", "struck", "attacked":
			return true
		case "удар", "удари", "ударом", "ударами", "били", "бив", "била":
			return true // "під ударом були X області", "Били по X, Y областях": where the attack went
		case "ціллю", "цілями", "мішенню", "мішенями":
			return true // "X та Y стали цілями", "ціллю ворога була X": the attack's targets
		case "постраждали", "постраждала":
			if nextIsRegion(toks, ix) {
				return true // "внаслідок атаки постраждали X, Y та Z області": the regions hit
			}
		case "direction":
			if ix >= 2 && toks[ix-1].low == "the" && toks[ix-2].low == "in" {
				return true // "heading in the direction of a region": where they went
			}
		case "attack", "attacks":
			if attackWith(toks, ix) {
				return true // "tried to carry out an attack with drones over X and Y regions"
			}
		case "reported", "spotted", "sighted":
			if weaponsSeen(toks, ix) {
				return true // "drones were also reported in X and Y regions"
			}
		default:
			if strings.HasPrefix(lw, "атакува") || strings.HasPrefix(lw, "вдарил") {
				return true // "ворог атакував Полтавщину"
			}
		}
	}
	return false
}

// attackWith: the attack noun at i is followed by the weapons it was made
// with ("a terrorist attack with fixed-wing drones", "attacks using
// drones"), the wording of Russia's Defence Ministry's daily claims: the
// places the sentence names are where the attack went.
func attackWith(toks []token, i int) bool {
	k := i + 1
	if k >= len(toks) || toks[k].low != "with" && toks[k].low != "using" {
		return false
	}
	for k++; k < len(toks) && k <= i+5; k++ {
		if toks[k].head.weapon() {
			return true
		}
	}
	return false
}

// weaponsSeen: "reported" (or "spotted", "sighted") at i is the passive
// predicate of weapons named just before ("drones were also reported in",
// "a drone has been spotted over"): the places after it are where they
// flew, not who reported.
func weaponsSeen(toks []token, i int) bool {
	k := i - 1
	if k >= 0 && toks[k].low == "also" {
		k--
	}
	if k >= 0 && toks[k].low == "been" {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].low {
	case "were", "was", "have", "has":
	default:
		return false
	}
	for q := k - 1; q >= 0 && q >= k-3; q-- {
		if toks[q].head.weapon() {
			return true
		}
	}
	return false
}

// defenceWork: a Ukrainian sentence of the air defence at work, with no
// count: downing in its imperfective and noun forms ("цілі збивали",
// "знищували", "збиття фіксували", "напад відбивали", "відбиття атаки"),
// the defence acting ("ППО діяла"), or weapons in the sky over a place
// ("у небі над X"). The regions it names are where the attack went.
func defenceWork(toks []token) bool {
	for i := range toks {
		lw := toks[i].low
		switch {
		case (toks[i].cue == outIntercepted || toks[i].cue == outJammed || toks[i].cue == outCombined) && isCyrillicWord(lw):
			return true
		case lw == "небі" && i+1 < len(toks) && toks[i+1].low == "над":
			return true
		case lw == "діяла" || lw == "діяли":
			return true
		}
		for _, p := range []string{"збивал", "збивают", "знищувал", "перехоплювал", "відбивал", "відбиття"} {
			if strings.HasPrefix(lw, p) {
				return true
			}
		}
	}
	return false
}

// aftermath: a Ukrainian sentence of what the attack did on the ground:
// damage, the wounded and the dead, hits, falling debris, fires, the
// aftermath, targets hit, explosions ("пошкоджено будинки", "є поранені",
// "влучання", "уламки", "пожежа", "наслідки атаки", "уражено об'єкти",
// "лунали вибухи"). The regions it names are where the attack reached.
func aftermath(toks []token) bool {
	for i := range toks {
		for _, p := range []string{"пошкодж", "зруйнов", "поранен", "загинул", "загинув", "загибл", "травмов", "постраждал", "влучан", "влучил", "поцілил", "уламк", "пожеж", "наслідк", "уражен", "вибух"} {
			if strings.HasPrefix(toks[i].low, p) {
				return true
			}
		}
	}
	return false
}

// denial: "the ministry denied that N missiles had been downed".
func denial(toks []token) bool {
	for ix := range toks {
		switch toks[ix].low {
		case "denied", "denies", "dismissed", "rejected", "disputed", "заперечив", "заперечили", "спростував", "спростували":
			return true
		}
	}
	return false
}

func regionByName(name string) (region, bool) {
	for _, ra := range regionAliases {
		if ra.name == name {
			return region{ra.name, ra.ru}, true
		}
	}
	return region{}, false
}

// sideOfRegion: figures about a region of Ukraine count Russia's attack,
// about a region of Russia (or Crimea) Ukraine's.
func sideOfRegion(name string) side {
	if r, ok := regionByName(name); ok && r.ru {
		return sideUA
	}
	return sideRU
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// presentAttack: a headline's present-tense verb of attack right after the
// state ("Ukraine strikes refineries with 90 drones", "Russia pounds Kyiv").
var presentAttack = map[string]bool{"strikes": true, "attacks": true, "pounds": true, "hammers": true, "batters": true, "bombards": true, "pummels": true}
