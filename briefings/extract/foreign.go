package extract

import "strings"

// A third country's authorities (stage 3). A ministry, minister, army,
// armed forces, air force or command named with a state that is neither
// Ukraine nor Russia (a neighbour's defence ministry, the operational
// command of a neighbour's armed forces, an alliance) speaks for that state:
// what it counts crossed its own airspace or fell on its own soil, and is
// no figure of the Russia-Ukraine attack, whoever launched the objects.
// Such a sentence gives no figures to any event. A bare "the ministry" or
// "the Defence Minister" later in the text is the ministry the text named
// last: a third country's when the text named one, Russia's as before when
// it named Russia's or none.

// thirdCountries are the states (and the alliance) next to the war whose
// authorities report objects over their own territory, by name and
// adjective; a possessive is read without its "'s".
var thirdCountries = map[string]bool{
	"moldova": true, "moldovan": true, "poland": true, "polish": true, "romania": true, "romanian": true,
	"belarus": true, "belarusian": true, "latvia": true, "latvian": true, "lithuania": true, "lithuanian": true,
	"estonia": true, "estonian": true, "finland": true, "finnish": true, "hungary": true, "hungarian": true,
	"slovakia": true, "slovak": true, "slovakian": true, "germany": true, "german": true, "nato": true,
	"bulgaria": true, "bulgarian": true, "czech": true, "britain": true, "british": true, "uk": true,
	"turkey": true, "turkish": true, "sweden": true, "swedish": true, "norway": true, "norwegian": true,
	"denmark": true, "danish": true, "france": true, "french": true,
}

func thirdCountry(w string) bool {
	if thirdCountries[strings.TrimSuffix(w, "'s")] {
		return true
	}
	for _, p := range ukThirdStems {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// ukThirdStems are the Ukrainian stems of the same states, names in any
// case and adjectives ("Молдови", "Польщі", "румунська", "польські").
var ukThirdStems = []string{"молдов", "молдав", "румун", "польщ", "польськ", "білорус", "латві", "латвійськ", "литв",
	"литовськ", "естоні", "естонськ", "угорщ", "угорськ", "словаччин", "словацьк", "фінлянд", "фінськ", "болгар",
	"нато", "німеччин", "німецьк"}

// authorityModifier may stand between a state's name and the authority's
// head word ("Poland's Operational Command", "the Moldovan National Army",
// "the Romanian Ministry of National Defence").
func authorityModifier(w string) bool {
	switch w {
	case "the", "national", "defence", "defense", "armed", "air", "operational", "joint", "foreign", "of",
		"ministry", "minister", "force", "forces", "command", "general", "staff", "army", "prime":
		return true
	}
	return ukAuthorityWord(w)
}

// ukAuthorityWord: the Ukrainian words of an authority's name, which comes
// first with the state after it in the genitive ("Міністерство оборони
// Молдови", "Оперативне командування Збройних сил Польщі").
func ukAuthorityWord(w string) bool {
	switch w {
	case "оборони", "національної", "закордонних", "справ", "збройних", "збройні", "сил", "сили", "повітряних",
		"повітряні", "оперативне", "оперативного", "командування", "генеральний", "генерального", "штаб", "штабу",
		"національна", "армія", "армії", "міністерство", "міністерства", "міністерстві", "міноборони", "мзс":
		return true
	}
	return false
}

// authorityHead: the word at i names a state's authority: a ministry or
// minister (a prime minister too), an army, armed forces, an air force, a
// general staff, a command, the president, the government, officials.
func authorityHead(lw, next string) bool {
	switch lw {
	case "ministry", "minister", "army", "military", "command", "president", "premier", "pm", "government", "authorities", "officials":
		return true
	case "armed":
		return next == "forces"
	case "air":
		return next == "force" || next == "forces" || next == "force's"
	case "general":
		return next == "staff"
	case "defence", "defense":
		return next == "ministry" || next == "minister" || next == "ministry's"
	case "міністерство", "міністерства", "міністерстві", "міністерством", "міноборони", "мзс", "армія", "армії",
		"командування", "уряд", "уряду", "президент", "президентка", "військові":
		return true
	case "збройні", "збройних":
		return strings.HasPrefix(next, "сил")
	}
	return strings.HasPrefix(lw, "міністр")
}

// thirdAuthority: the authority at i is named with a third country, before
// it ("the Polish Armed Forces", "Moldova's Ministry of Defence") or in an
// "of" phrase after it ("the Operational Command of the Polish Armed
// Forces", "the Ministry of National Defence of Romania").
func thirdAuthority(toks []token, i int, lw, next string) bool {
	if !authorityHead(lw, next) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if thirdCountry(toks[k].low) {
			return true
		}
		if !authorityModifier(toks[k].low) {
			break
		}
	}
	of := ukAuthorityWord(lw) || strings.HasPrefix(lw, "міністр") // the Ukrainian genitive needs no "of"
	for k := i + 1; k < len(toks) && k <= i+6; k++ {
		lw := toks[k].low
		if of && thirdCountry(lw) {
			return true
		}
		if !authorityModifier(lw) {
			return false
		}
		of = of || lw == "of"
	}
	return false
}

// neighbourSpeakers are the neighbours whose airspace the war's drones and
// missiles cross, by name and by the capital outlets name for the
// government, as "Moscow" stands for Russia's. Far states ("Britain said")
// speak of the war, not of their own airspace, and are left out.
var neighbourSpeakers = map[string]bool{
	"belarus": true, "minsk": true, "poland": true, "warsaw": true, "moldova": true, "chisinau": true,
	"romania": true, "bucharest": true, "lithuania": true, "vilnius": true, "latvia": true, "riga": true,
	"estonia": true, "tallinn": true, "finland": true, "helsinki": true, "hungary": true, "budapest": true,
	"slovakia": true, "bratislava": true,
	"польща": true, "варшава": true, "молдова": true, "кишинів": true, "румунія": true, "бухарест": true,
	"білорусь": true, "мінськ": true, "литва": true, "латвія": true, "естонія": true, "фінляндія": true,
	"угорщина": true, "словаччина": true,
}

// thirdSaid: a neighbour, or its capital, is the subject of a verb of
// saying ("Belarus said", "Minsk says", "Warsaw reported", "Belarus
// claimed on Friday that") or of downing ("Poland shot down", "Польща
// збила"; a neighbour downs objects only in its own skies): the state
// itself speaks for its own airspace, as "Russia said" stands for Russia's
// ministry. After a preposition the name is a place, not a speaker ("the
// drone over Belarus said to be").
func thirdSaid(toks []token, i int) bool {
	if !neighbourSpeakers[toks[i].low] {
		return false
	}
	if i > 0 {
		switch toks[i-1].low {
		case "in", "into", "over", "to", "from", "of", "with", "across", "near", "towards", "toward", "at", "on":
			return false
		}
	}
	if i+1 >= len(toks) {
		return false
	}
	switch toks[i+1].low {
	case "said", "says", "claimed", "claims", "reported", "reports", "confirmed", "confirms", "stated",
		"shot", "shoots", "downed", "downs", "intercepted", "intercepts",
		"заявила", "повідомила", "підтвердила", "збила", "збиває", "знищила", "знешкодила", "перехопила":
		return true
	}
	return false
}

// bareMinistry: the ministry (or minister) at i is named without a state:
// "the ministry", "the Defence Ministry", "Defence Minister X", not
// "Russia's Defence Ministry", "the Ministry of Defence of Russia".
func bareMinistry(toks []token, i int, lw string) bool {
	if lw != "ministry" && lw != "defence" && lw != "defense" && lw != "minister" {
		return false // "Russia said", the ministry's Ukrainian names: Russia's by name
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if russianWord(toks[k].low) {
			return false
		}
		if !authorityModifier(toks[k].low) {
			break
		}
	}
	for k := i + 1; k < len(toks) && k <= i+5; k++ {
		if russianWord(toks[k].low) {
			return false
		}
		if !authorityModifier(toks[k].low) {
			break
		}
	}
	return true
}

// ukBareMinistry: a Ukrainian "the ministry" or "the agency" named without
// a state ("у міністерстві заявили", "відомство повідомило").
func ukBareMinistry(lw, next string) bool {
	if !strings.HasPrefix(lw, "міністерств") && !strings.HasPrefix(lw, "відомств") && lw != "міноборони" {
		return false
	}
	return !russianWord(next) && !thirdCountry(next) && !strings.HasPrefix(next, "україн") && next != "оборони"
}

func russianWord(w string) bool {
	switch strings.TrimSuffix(w, "'s") {
	case "russia", "russian", "moscow", "kremlin", "росії", "рф", "росія":
		return true
	}
	return strings.HasPrefix(w, "російськ")
}

// namedAuthority is the authority a sentence names by its state, the last
// one it names: a third country's (srcThird), or Russia's ministry by name
// ("Russia's Defence Ministry", "the Ministry of Defence of Russia",
// "Russia said"); srcNone when it names neither.
func namedAuthority(toks []token) source {
	out := srcNone
	for i := range toks {
		lw, prev, next := around(toks, i)
		switch {
		case thirdAuthority(toks, i, lw, next), thirdSaid(toks, i):
			out = srcThird
		case russiaSaid(lw, next):
			out = srcRUMoD
		case authorityHead(lw, next) && sourceAt(toks, i, lw, prev, next) == srcRUMoD:
			if !bareMinistry(toks, i, lw) {
				out = srcRUMoD
			} else if firstStateThird(toks) {
				out = srcThird // "Romania found fragments of a drone, the defence ministry said"
			}
		}
	}
	return out
}

// firstStateThird: the first state a sentence names is a third country
// and it names no region of Russia or Ukraine ("NATO member Romania was
// searching for fragments after Russia's attack on Ukraine, the ministry
// said"): the sentence is about that country, whose ministry a bare "the
// ministry" then is. "Near the border with Belarus, N drones were downed
// over the Bryansk region, the ministry said" stays Russia's claim.
func firstStateThird(toks []token) bool {
	third, decided := false, false
	for i := range toks {
		lw := toks[i].low
		if _, ok := regionOf(lw); ok {
			return false
		}
		switch {
		case decided:
		case thirdCountry(lw):
			third, decided = true, true
		case russianWord(lw), strings.HasPrefix(lw, "ukrain"):
			decided = true
		}
	}
	return third
}

// thirdGoesOn: a sentence with figures but no source, no side and no place
// of the war, after a third country's authority was the last to speak
// ("Polish jets downed four of them"), is still that country's count.
func (r *reader) thirdGoesOn(toks []token, ms []mention) bool {
	if !r.thirdSpoke || !r.rs.on(ruleThirdCountry) || nationalTarget(toks) || len(sentenceRegions(toks)) > 0 {
		return false
	}
	return attackerSignalOf(toks, srcNone, ms, r.rs) == sideNone
}

// thirdDebris: a sentence with no source of its own says that the debris
// of an object (its debris, parts, fragments, wreckage) landed or fell in
// a third country ("fragments of a downed missile came down in a Moldovan
// village"): the object counted is that country's incident, not a figure
// of the attack on Ukraine. A sentence that also names the attack on
// Ukraine or a place of the war keeps its figures.
func thirdDebris(toks []token) bool {
	return debrisInThird(toks) && !nationalTarget(toks) && len(sentenceRegions(toks)) == 0
}

// debrisInThird: a debris word, then a verb of landing with a third
// country within six words after it.
func debrisInThird(toks []token) bool {
	debris, landed := false, -1
	for i := range toks {
		lw := toks[i].low
		switch lw {
		case "debris", "parts", "part", "fragments", "fragment", "wreckage", "remnants", "pieces":
			debris = true
		case "landed", "lands", "land", "fell", "falls", "crashed", "crashes":
			landed = i
		case "came", "comes":
			if i+1 < len(toks) && toks[i+1].low == "down" {
				landed = i
			}
		}
		if debris && landed >= 0 && i > landed && i <= landed+6 && thirdCountry(lw) {
			return true
		}
	}
	return false
}
