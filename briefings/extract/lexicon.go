package extract

import (
	"strings"

	"github.com/sitrep/sitrep/briefings/text"
)

// Head noun classes of a counted phrase.
const (
	clDrone    = "drone"
	clMissile  = "missile"
	clMixed    = "mixed" // "means of air attack", "targets", "aerial weapons"
	clBomb     = "bomb"
	clLocation = "location"
	clPerson   = "person"
)

// Missile classes used as by_type keys.
const (
	mBallistic  = "ballistic"
	mCruise     = "cruise"
	mHypersonic = "hypersonic"
	mAntiShip   = "anti_ship"
	mAntiRadar  = "anti_radar"
	mGuided     = "guided"
	mAntiAir    = "anti_aircraft"
	mRocket     = "rocket"
)

// match reports whether a lower-cased word matches a pattern: exact, or a
// prefix when the pattern ends with '*'.
// wordsAt reports whether the tokens from i on match the pattern words.
func wordsAt(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if !match(toks[i+k].low, w) {
			return false
		}
	}
	return true
}

func match(w, p string) bool {
	if strings.HasSuffix(p, "*") {
		return strings.HasPrefix(w, p[:len(p)-1])
	}
	return w == p
}

func matchAny(w string, ps []string) bool {
	for _, p := range ps {
		if match(w, p) {
			return true
		}
	}
	return false
}

type headInfo struct {
	class    string
	singular bool
}

var heads = func() *wordTable[headInfo] {
	t := newWordTable[headInfo]()
	t.add(headInfo{clDrone, true}, "drone", "uav", "дрон", "безпілотник")
	t.add(headInfo{clDrone, false}, "drones", "drone's", "uavs", "uav's", "unmanned", "бпла", "бпл", "безпілотн*", "дрони", "дронів", "дронами", "дрон-*", "дрони-*", "дронів-*", "дронами-*", "шахеди", "шахедів", "шахедами", "decoys", "loitering", "kamikaze")
	t.add(headInfo{clMissile, true}, "missile", "rocket", "ракета", "ракету")
	t.add(headInfo{clMissile, false}, "missiles", "rockets", "ракети", "ракет", "ракетами", "ракетам")
	t.add(headInfo{clMixed, false}, "weapons", "targets", "means", "projectiles", "devices", "objects", "цілі", "цілей", "ціль", "цілями", "засобів", "засоби", "засобами", "vehicles")
	t.add(headInfo{clBomb, true}, "bomb")
	t.add(headInfo{clBomb, false}, "bombs", "kabs", "kab", "каб", "кабів", "кабами", "авіабомб*")
	t.add(headInfo{clLocation, true}, "location")
	t.add(headInfo{clLocation, false}, "locations", "sites", "локаці*", "локаціях", "місцях")
	t.add(headInfo{clPerson, true}, "person", "людина", "особа", "дитина", "man", "woman", "child", "worker", "resident", "civilian", "чоловік", "жінка")
	t.add(headInfo{clPerson, false}, "people", "persons", "civilians", "residents", "children", "людей", "людини", "людина", "осіб", "особи", "цивільних", "мешканців", "men", "women", "workers", "employees", "passers-by", "жінки", "жінок", "чоловіки", "чоловіків", "дітей", "працівників", "працівники")
	return t
}()

// headClass says which weapon (or person, location) a noun names, and
// whether it is singular (for "a missile").
func headClass(w string) (cl string, singular bool) {
	h, _ := heads.get(w)
	return h.class, h.singular
}

// model is a weapon type with its class.
type model struct {
	name  string
	head  string // clDrone or clMissile or clBomb
	class string // missile class
}

// modelOf resolves one word to a weapon type.
func modelOf(w string) (model, bool) {
	w = strings.Trim(w, "\"'«»“”")
	if strings.Contains(w, "/") {
		if md, ok := joinedModel(w); ok {
			return md, true
		}
	}
	if md, ok := models.get(w); ok {
		return md, true
	}
	if strings.Contains(w, "імітатор") {
		return model{"decoy", clDrone, ""}, true
	}
	return model{}, false
}

var models = func() *wordTable[model] {
	t := newWordTable[model]()
	t.add(model{"Shahed", clDrone, ""}, "shahed*", "шахед*", "geran*", "герань*", "герані", "shaheds")
	t.add(model{"jet Shahed", clDrone, ""}, "реактивн*", "jet", "jet-powered")
	t.add(model{"Gerbera", clDrone, ""}, "gerbera*", "гербер*", "гербар*")
	t.add(model{"Italmas", clDrone, ""}, "italmas*", "італмас*")
	t.add(model{"decoy", clDrone, ""}, "decoy*", "parody", "пароді*", "imitator*")
	t.add(model{"Banderol", clMissile, mCruise}, "бандерол*", "banderol*", "дань-т", "dan-t")
	t.add(model{"Iskander-M", clMissile, mBallistic}, "iskander-m", "іскандер-м", "искандер-м", "iskander-m's")
	t.add(model{"Iskander-K", clMissile, mCruise}, "iskander-k", "іскандер-к", "искандер-к")
	t.add(model{"Iskander", clMissile, ""}, "iskander", "iskanders", "іскандер*")
	t.add(model{"KN-23", clMissile, mBallistic}, "kn-23", "кн-23")
	t.add(model{"S-400", clMissile, mBallistic}, "s-400", "с-400")
	t.add(model{"S-300", clMissile, mBallistic}, "s-300", "с-300")
	t.add(model{"Kh-101", clMissile, mCruise}, "kh-101*", "х-101*", "x-101*")
	t.add(model{"Kh-55", clMissile, mCruise}, "kh-55*", "х-55*", "x-55*")
	t.add(model{"Kh-22", clMissile, mCruise}, "kh-22*", "х-22*", "x-22*")
	t.add(model{"Kh-32", clMissile, mCruise}, "kh-32*", "х-32*")
	t.add(model{"Kh-59/69", clMissile, mCruise}, "kh-59*", "х-59*", "x-59*", "kh-69*", "х-69*")
	t.add(model{"Kalibr", clMissile, mCruise}, "kalibr*", "калібр*", "калибр*")
	t.add(model{"Kinzhal", clMissile, mHypersonic}, "kinzhal*", "кинджал*", "кинжал*", "kh-47*", "х-47*")
	t.add(model{"Zircon", clMissile, mAntiShip}, "zircon*", "tsirkon*", "циркон*", "3м22", "3m22")
	t.add(model{"Oniks", clMissile, mAntiShip}, "oniks*", "onyx*", "онікс*", "оникс*", "p-800")
	t.add(model{"Kh-31", clMissile, mAntiRadar}, "kh-31*", "х-31*", "x-31*")
	t.add(model{"Vilkha", clMissile, mRocket}, "vilkha*", "вільха*")
	t.add(model{"ATACMS", clMissile, mBallistic}, "atacms*")
	t.add(model{"Neptune", clMissile, mCruise}, "neptune*", "нептун*")
	t.add(model{"Storm Shadow", clMissile, mCruise}, "storm-shadow", "scalp")
	t.add(model{"KAB", clBomb, ""}, "kab", "kabs", "каб", "кабів", "кабами")
	return t
}()

// joinedModel resolves joined names: "Iskander-M/KN-23", "Іскандер-М/С-400";
// "Kh-59/69" and "Shahed-136/131" are one type.
func joinedModel(w string) (model, bool) {
	{
		parts := strings.Split(w, "/")
		var names []string
		var m0 model
		for k, p := range parts {
			m, ok := modelOf(p)
			if !ok {
				continue
			}
			if k == 0 || m0.name == "" {
				m0 = m
			}
			dup := false
			for _, n := range names {
				if n == m.name {
					dup = true
				}
			}
			if !dup {
				names = append(names, m.name)
			}
		}
		if len(names) > 0 {
			m0.name = strings.Join(names, "/")
			return m0, true
		}
	}
	return model{}, false
}

var classAdjs = func() *wordTable[string] {
	t := newWordTable[string]()
	t.add(mBallistic, "ballistic", "балістичн*", "баллистическ*")
	t.add(mCruise, "cruise", "крилат*", "крылат*")
	t.add(mHypersonic, "hypersonic", "aeroballistic", "аеробалістичн*", "гіперзвуков*")
	t.add(mAntiShip, "anti-ship", "протикорабельн*")
	t.add(mAntiRadar, "anti-radar", "anti-radiation", "протирадіолокаційн*")
	t.add(mGuided, "керован*", "guided")
	t.add(mAntiAir, "anti-aircraft", "зенітн*")
	return t
}()

// missileClassAdj maps class adjectives.
func missileClassAdj(w string) string {
	c, _ := classAdjs.get(w)
	return c
}

// npStop ends a counted noun phrase.
var npStop = map[string]bool{
	"at": true, "on": true, "in": true, "over": true, "from": true, "by": true, "to": true, "into": true,
	"across": true, "towards": true, "toward": true, "that": true, "which": true, "who": true, "were": true,
	"was": true, "have": true, "has": true, "had": true, "are": true, "is": true, "been": true, "with": true,
	"while": true, "during": true, "against": true, "as": true, "per": true, "of": true, "and": false,
	"з": true, "із": true, "зі": true, "на": true, "над": true, "по": true, "у": true, "в": true, "до": true,
	"від": true, "для": true, "які": true, "що": true, "було": true, "були": true, "був": true, "була": true,
	"said": true, "says": true, "launched": true, "but": true, "or": true, "або": true, "чи": true, "а": true,
	"before": true, "after": true, "since": true, "near": true, "under": true, "including": true,
	"among": true, "than": true, "within": true, "last": true, "overnight": true, "яких": true, "них": true,
	"being": true, "the": true, "its": true, "their": true, "this": true, "these": true, "those": true, "people": false,
}

// Cue kinds: what happened to the counted weapons.
const (
	cNone = iota
	cLaunch
	cIntercept
	cJam
	cCombined
	cHit
	cDebris
	cNotReached
	cIgnore
	cKilled
	cInjured
)

type cuePat struct {
	words []string
	kind  int
}

// cuePats are matched longest first at each position.
var cuePats = []cuePat{
	{[]string{"падіння", "збитих"}, cDebris},
	{[]string{"падіння", "уламків"}, cDebris},
	{[]string{"falling", "debris"}, cDebris},
	{[]string{"зафіксовано", "влучання"}, cHit},
	{[]string{"did", "not", "reach"}, cNotReached},
	{[]string{"didn't", "reach"}, cNotReached},
	{[]string{"failed", "to", "reach"}, cNotReached},
	{[]string{"не", "досягл*"}, cNotReached},
	{[]string{"не", "долетіл*"}, cNotReached},
	{[]string{"failed", "to", "stop"}, cIgnore},
	{[]string{"локаційно", "втрач*"}, cJam},
	{[]string{"lost", "from", "radar*"}, cJam},
	{[]string{"disappeared", "from", "radar*"}, cJam},
	{[]string{"shot", "down"}, cIntercept},
	{[]string{"shoot", "down"}, cIntercept},
	{[]string{"shooting", "down"}, cIntercept},
	{[]string{"shoots", "down"}, cIntercept},
	{[]string{"knocked", "out"}, cIntercept},
	{[]string{"strikes", "from"}, cHit},
	{[]string{"headed", "for"}, cLaunch},
	{[]string{"were", "recorded"}, cLaunch},
}

var cueWords = func() *wordTable[int] {
	t := newWordTable[int]()
	t.add(cIntercept, "downed", "downing", "destroyed", "destroying", "destroy", "destroys", "intercepted", "intercepting", "intercept", "intercepts", "neutralized", "neutralised", "neutralizing", "neutralising", "eliminated", "repelled",
		"збито", "збиті", "збитий", "збита", "збитих", "збили", "збила", "збив", "збиття", "збити", "знищено", "знищили", "знищила", "знищив", "знищення", "знищені", "знешкоджено", "знешкодили", "сбиты", "уничтожены")
	t.add(cJam, "jammed", "lost", "suppressed", "redirected", "подавлено", "подавлені", "подавлених", "подавили", "втрачено", "втрачені", "втрачений")
	t.add(cLaunch, "launched", "launch", "launches", "launching", "fired", "firing", "fires", "sends", "запускає", "запускають", "застосовує", "застосовують", "атакує", "attacked", "deployed", "used", "using", "unleashed", "sent", "detected", "included", "targeted",
		"атакував", "атакувала", "атакували", "застосував", "застосувала", "застосували", "застосовували", "застосуванням", "запустив", "запустили", "випустив", "випустили", "зафіксовано", "виявлено", "спрямував", "dropped", "dropping", "скинув", "скинули", "скинуто", "скинувши")
	t.add(cHit, "влучання", "влучань", "влучили", "impacts", "hit", "hits", "struck")
	t.add(cDebris, "debris", "fragments", "уламки", "уламків", "уламками", "падіння")
	t.add(cKilled, "killed", "killing", "died", "dead", "загинули", "загинула", "загинув", "загинуло", "загиблих", "вбито", "вбили", "загибель")
	t.add(cInjured, "injured", "injuring", "wounded", "wounding", "hurt", "поранено", "поранені", "поранених", "постраждали", "постраждалих", "постраждав", "постраждала", "травмовано", "травмовані", "поранення", "травмувалися")
	return t
}()

// cueWord classifies a single word.
func cueWord(w string) int {
	if k, ok := cueWords.get(w); ok {
		return k
	}
	if strings.Contains(w, "/") && strings.HasPrefix(w, "збит") && strings.Contains(w, "подавл") {
		return cCombined
	}
	return cNone
}

// passiveSkip may stand between a counted phrase and its verb
// ("were successfully intercepted", "було локаційно втрачено").
var passiveSkip = map[string]bool{
	"were": true, "was": true, "have": true, "has": true, "had": true, "been": true, "being": true,
	"are": true, "is": true, "successfully": true, "also": true, "reportedly": true, "reported": true,
	"then": true, "later": true, "subsequently": true, "which": true, "that": true, "who": true, "more": true,
	"було": true, "були": true, "був": true, "була": true, "удалося": true, "вдалося": true, "–": true, "—": true,
	"-": true, "classified": true, "as": true, "'": true, "\"": true, "“": true, "”": true, "«": true, "»": true,
	"likely": true, "confirmed": true, "all": true, "of": false, "to": false, "be": true, "either": true,
	"others": true, "people": false, "ще": true, "ними": false, "отримали": true, "отримала": true,
	"отримав": true, "дістали": true, "дістала": true, "дістав": true, "зазнали": true, "зазнала": true, "зазнав": true,
}

// qualifierBefore reads the qualifier words before the number at toks[i]:
// the qualifier and how many words it spans.
func qualifierBefore(toks []token, i int) (string, int) {
	w1, w2, w3 := "", "", ""
	if i >= 1 {
		w1 = toks[i-1].low
	}
	if i >= 2 {
		w2 = toks[i-2].low
	}
	if i >= 3 {
		w3 = toks[i-3].low
	}
	switch {
	case (w3 == "no" || w3 == "not") && (w2 == "more" || w2 == "greater") && w1 == "than",
		w3 == "не" && (w2 == "більше" || w2 == "більш") && (w1 == "ніж" || w1 == "як"):
		return "at_most", 3
	case w2 == "more" && w1 == "than", w2 == "більш" && w1 == "ніж", w2 == "більше" && w1 == "ніж":
		return "more_than", 2
	case w2 == "at" && w1 == "least":
		return "at_least", 2
	case w2 == "at" && w1 == "most", w2 == "не" && (w1 == "більше" || w1 == "більш"):
		return "at_most", 2
	case w2 == "up" && w1 == "to":
		return "up_to", 2
	case w2 == "fewer" && w1 == "than", w2 == "less" && w1 == "than", (w2 == "менше" || w2 == "менш") && (w1 == "ніж" || w1 == "як"):
		return "less_than", 2
	case w2 == "як" && w1 == "мінімум":
		return "at_least", 2
	}
	switch w1 {
	case "over", "понад", "більше", "понад,":
		return "more_than", 1
	case "under", "менше":
		return "less_than", 1
	case "about", "around", "approximately", "roughly", "some", "близько", "приблизно", "approx":
		return "about", 1
	case "nearly", "almost", "майже", "майже,":
		return "nearly", 1
	case "щонайменше", "принаймні", "мінімум":
		return "at_least", 1
	case "до":
		return "up_to", 1
	}
	return "", 0
}

var monthsEN = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var monthsUK = map[string]int{
	"січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7,
	"серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
}

// monthsUKPeriod are month names meaning "in <month>" (a cumulative period).
var monthsUKPeriod = map[string]int{
	"січні": 1, "лютому": 2, "березні": 3, "квітні": 4, "травні": 5, "червні": 6, "липні": 7,
	"серпні": 8, "вересні": 9, "жовтні": 10, "листопаді": 11, "грудні": 12,
}

// monthFilter, weekdayFilter and monthPeriodFilter let the per-token lookups skip most words.
var (
	monthFilter       = filterOf(monthsEN, monthsUK)
	weekdayFilter     = wordsFilter(text.WeekdayWords())
	monthPeriodFilter = filterOf(monthsUKPeriod)
)

// weekdayOf looks a lower-case word up in text's weekday names (Sunday 0).
func weekdayOf(w string) (int, bool) {
	if !weekdayFilter.may(w) {
		return 0, false
	}
	d, ok := text.Weekday(w)
	return int(d), ok
}

func monthOf(w string) int {
	if !monthFilter.may(w) {
		return 0
	}
	if m, ok := monthsEN[w]; ok {
		return m
	}
	return monthsUK[w]
}
