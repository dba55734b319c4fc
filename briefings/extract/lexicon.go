package extract

import (
	"strings"

	"github.com/sitrep/sitrep/briefings/text"
)

// The vocabulary of attack reports in English and Ukrainian: head nouns,
// weapon types, missile classes, predicates, qualifiers and months. A '*'
// ends a prefix pattern (Ukrainian case endings).

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

// match reports whether a lower-cased word matches a pattern: exact, or a
// prefix when the pattern ends with '*'.
func match(w, p string) bool {
	if strings.HasSuffix(p, "*") {
		return strings.HasPrefix(w, p[:len(p)-1])
	}
	return w == p
}

type headInfo struct {
	class    class
	singular bool
}

var heads = func() *wordTable[headInfo] {
	t := newWordTable[headInfo]()
	t.add(headInfo{classDrone, true}, "drone", "uav", "дрон", "дроном", "дрона", "дрону", "безпілотник", "безпілотником")
	t.add(headInfo{classDrone, false}, "drones", "drone's", "uavs", "uav's", "unmanned", "бпла", "бпл", "безпілотн*", "дрони", "дронів", "дронами", "дрон-*", "дрони-*", "дронів-*", "дронами-*", "шахеди", "шахедів", "шахедами", "loitering", "kamikaze")
	t.add(headInfo{classMissile, true}, "missile", "rocket", "ракета", "ракету", "ракетою")
	t.add(headInfo{classMissile, false}, "missiles", "rockets", "ракети", "ракет", "ракетами", "ракетам")
	t.add(headInfo{classMixed, false}, "weapons", "targets", "means", "projectiles", "devices", "objects", "цілі", "цілей", "ціль", "цілями", "засобів", "засоби", "засобами", "vehicles")
	t.add(headInfo{classBomb, true}, "bomb", "бомба", "бомбу", "бомбою", "каба", "кабу", "кабом")
	t.add(headInfo{classBomb, false}, "bombs", "kabs", "kab", "каб", "кабів", "кабами", "каби", "кабам", "кабах", "авіабомб*", "бомби", "бомб", "бомбами", "бомбам", "бомбах")
	t.add(headInfo{classLocation, true}, "location", "локації", "локація")
	t.add(headInfo{classLocation, false}, "locations", "sites", "локаці*", "локаціях", "місцях")
	t.add(headInfo{classPerson, true}, "person", "людина", "особа", "дитина", "man", "woman", "child", "worker", "resident", "civilian", "чоловік", "жінка", "individual", "victim",
		"людину", "особу", "дитину", "жінку") // the accusative after "поранено", "травмовано", "про одну"
	t.add(headInfo{classPerson, false}, "people", "persons", "civilians", "individuals", "victims", "residents", "children", "людей", "людини", "осіб", "особи", "цивільних", "мешканців", "men", "women", "workers", "employees", "passers-by", "жінки", "жінок", "чоловіки", "чоловіків", "дітей", "працівників", "працівники", "жителів", "жителі", "мешканці")
	return t
}()

// headClass says what a noun counts, and whether it is singular (for "a missile").
func headClass(w string) (class, bool) {
	h, _ := heads.get(w)
	return h.class, h.singular
}

// model is a weapon type with its class.
type model struct {
	name  string
	head  class // classDrone, classMissile or classBomb
	class missileClass
}

// modelOf resolves one word to a weapon type.
func modelOf(w string) (model, bool) {
	if t := strings.Trim(w, "\"'«»“”"); t != w {
		w = t
	}
	if strings.IndexByte(w, '/') >= 0 {
		return joinedModel(w)
	}
	if md, ok := models.get(w); ok {
		return md, true
	}
	if len(w) > len("імітатор") && strings.Contains(w, "імітатор") {
		return model{"decoy", classDrone, ""}, true
	}
	return model{}, false
}

var models = func() *wordTable[model] {
	t := newWordTable[model]()
	t.add(model{"Shahed", classDrone, ""}, "shahed*", "шахед*", "geran*", "герань*", "герані", "shaheds")
	t.add(model{"jet Shahed", classDrone, ""}, "реактивн*", "jet", "jet-powered")
	t.add(model{"Gerbera", classDrone, ""}, "gerbera*", "гербер*", "гербар*")
	t.add(model{"Italmas", classDrone, ""}, "italmas*", "італмас*")
	t.add(model{"decoy", classDrone, ""}, "decoy*", "parody", "пароді*", "imitator*")
	t.add(model{"Banderol", classMissile, mCruise}, "бандерол*", "banderol*", "дань-т", "dan-t")
	t.add(model{"Iskander-M", classMissile, mBallistic}, "iskander-m", "іскандер-м", "искандер-м", "iskander-m's")
	t.add(model{"Iskander-K", classMissile, mCruise}, "iskander-k", "іскандер-к", "искандер-к")
	t.add(model{"Iskander", classMissile, ""}, "iskander", "iskanders", "іскандер*")
	t.add(model{"KN-23", classMissile, mBallistic}, "kn-23", "кн-23")
	t.add(model{"S-400", classMissile, mBallistic}, "s-400", "с-400")
	t.add(model{"S-300", classMissile, mBallistic}, "s-300", "с-300")
	t.add(model{"Kh-101", classMissile, mCruise}, "kh-101*", "х-101*", "x-101*")
	t.add(model{"Kh-55", classMissile, mCruise}, "kh-55*", "х-55*", "x-55*")
	t.add(model{"Kh-22", classMissile, mCruise}, "kh-22*", "х-22*", "x-22*")
	t.add(model{"Kh-32", classMissile, mCruise}, "kh-32*", "х-32*")
	t.add(model{"Kh-59/69", classMissile, mGuided}, "kh-59*", "х-59*", "x-59*", "kh-69*", "х-69*")
	t.add(model{"Kalibr", classMissile, mCruise}, "kalibr*", "калібр*", "калибр*")
	t.add(model{"Kinzhal", classMissile, mHypersonic}, "kinzhal*", "кинджал*", "кинжал*", "kh-47*", "х-47*")
	t.add(model{"Zircon", classMissile, mAntiShip}, "zircon*", "tsirkon*", "циркон*", "3м22", "3m22")
	t.add(model{"Oniks", classMissile, mAntiShip}, "oniks*", "onyx*", "онікс*", "оникс*", "p-800")
	t.add(model{"Kh-31", classMissile, mAntiRadar}, "kh-31*", "х-31*", "x-31*")
	t.add(model{"Vilkha", classMissile, mRocket}, "vilkha*", "вільха*", "alder")
	t.add(model{"HIMARS", classMissile, mRocket}, "himars", "хаймарс*")
	t.add(model{"Vampire", classMissile, mRocket}, "vampire")
	t.add(model{"HARM", classMissile, mAntiRadar}, "harm", "agm-88")
	t.add(model{"Hammer", classBomb, ""}, "hammer", "aasm")
	t.add(model{"ATACMS", classMissile, mBallistic}, "atacms*", "atakms*")
	t.add(model{"Tochka-U", classMissile, mBallistic}, "tochka-u", "tochka", "точка-у", "точка-u")
	t.add(model{"Neptune", classMissile, mCruise}, "neptune*", "нептун*")
	t.add(model{"Storm Shadow", classMissile, mCruise}, "storm-shadow", "scalp")
	t.add(model{"KAB", classBomb, ""}, "kab", "kabs", "каб", "кабів", "кабами", "каби", "кабам", "кабах", "каба", "кабу", "кабом") // the abbreviation declined as a noun
	return t
}()

// modelIndex finds a type by its canonical name.
var modelIndex = func() map[string]model {
	m := map[string]model{"Storm Shadow": {"Storm Shadow", classMissile, mCruise}}
	for _, w := range []string{"shahed", "реактивні", "gerbera", "italmas", "decoy", "бандероль", "iskander-m", "iskander-k", "iskander", "kn-23", "s-400", "s-300", "kh-101", "kh-55", "kh-22", "kh-32", "kh-59", "kalibr", "kinzhal", "zircon", "oniks", "kh-31", "vilkha", "atacms", "tochka-u", "neptune", "kab", "himars", "vampire", "harm", "hammer"} {
		if md, ok := models.get(w); ok {
			m[md.name] = md
		}
	}
	return m
}()

// modelByName finds a type by its canonical name, or the first of a joined name.
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

// joinedModel resolves joined names: "Iskander-M/KN-23", "Іскандер-М/С-400";
// "Kh-59/69" and "Shahed-136/131" are one type.
func joinedModel(w string) (model, bool) {
	var names []string
	var m0 model
	for _, p := range strings.Split(w, "/") {
		m, ok := models.get(strings.Trim(p, "\"'«»“”"))
		if !ok {
			continue
		}
		if m0.name == "" {
			m0 = m
		}
		if !contains(names, m.name) {
			names = append(names, m.name)
		}
	}
	if len(names) == 0 {
		return model{}, false
	}
	m0.name = strings.Join(names, "/")
	return m0, true
}

var classAdjs = func() *wordTable[missileClass] {
	t := newWordTable[missileClass]()
	t.add(mBallistic, "ballistic", "балістичн*", "баллистическ*", "operational-tactical")
	t.add(mCruise, "cruise", "крилат*", "крылат*")
	t.add(mHypersonic, "hypersonic", "aeroballistic", "аеробалістичн*", "гіперзвуков*")
	t.add(mAntiShip, "anti-ship", "протикорабельн*")
	t.add(mAntiRadar, "anti-radar", "anti-radiation", "протирадіолокаційн*")
	t.add(mGuided, "керован*", "guided")
	t.add(mAntiAir, "anti-aircraft", "зенітн*")
	return t
}()

// missileClassAdj maps class adjectives ("крилатими", "ballistic").
func missileClassAdj(w string) missileClass {
	c, _ := classAdjs.get(w)
	return c
}

// npStop ends a counted noun phrase.
var npStop = map[string]bool{
	"at": true, "on": true, "in": true, "over": true, "from": true, "by": true, "to": true, "into": true,
	"across": true, "towards": true, "toward": true, "that": true, "which": true, "who": true, "were": true,
	"was": true, "have": true, "has": true, "had": true, "are": true, "is": true, "been": true, "with": true,
	"while": true, "during": true, "against": true, "as": true, "per": true, "of": true,
	"з": true, "із": true, "зі": true, "на": true, "над": true, "по": true, "у": true, "в": true, "до": true,
	"від": true, "для": true, "які": true, "що": true, "було": true, "були": true, "був": true, "була": true,
	"said": true, "says": true, "launched": true, "but": true, "or": true, "або": true, "чи": true, "а": true,
	"before": true, "after": true, "since": true, "near": true, "under": true, "including": true,
	"among": true, "than": true, "within": true, "last": true, "overnight": true, "яких": true, "них": true,
	"being": true, "the": true, "its": true, "their": true, "this": true, "these": true, "those": true,
}

// npMods may stand inside a counted phrase before its head.
var npMods = map[string]bool{
	"strike": true, "attack": true, "combat": true, "kamikaze": true, "exploding": true, "enemy": true,
	"russian": true, "ukrainian": true, "iranian-made": true, "iranian-designed": true, "iranian": true,
	"bomber": true, "long-range": true, "unidentified": true, "other": true, "and": true, "aircraft-type": true,
	"aerial": true, "air": true, "fixed-wing": true, "more": true, "additional": true,
	"ударних": true, "ударними": true, "ударні": true, "ворожих": true, "ворожі": true, "ворожий": true,
	"ворожого": true, "ударного": true, "ударний": true, "російських": true, "російські": true,
	"різних": true, "типів": true, "types": true, "type": true, "kinds": true, "та": true, "і": true,
	"й": true, "морського": true, "базування": true, "повітряного": true, "наземного": true, "авіаційні": true,
	"авіаційних": true, "авіаційну": true, "авіаційними": true, "the": true, "new": true, "heavy": true,
	"безпілотними": true, "літальними": true, "літальних": true, "apparatus": true, "record": true, "a": true,
	"staggering": true, "further": true, "large": true, "nuclear-capable": true, "shahed-type": true,
	"strategic": true, "tactical": true, "jet-powered": true, "ворожою": true, "ворожими": true,
}

// cuePat is a predicate of several words.
type cuePat struct {
	words []string
	out   outcome
}

// cuePats are predicates of several words, matched before single words.
var cuePats = []cuePat{
	{[]string{"падіння", "збитих"}, outDebris},
	{[]string{"падіння", "уламків"}, outDebris},
	{[]string{"falling", "debris"}, outDebris},
	{[]string{"зафіксовано", "влучання"}, outHit},
	{[]string{"did", "not", "reach"}, outNotReached},
	{[]string{"didn't", "reach"}, outNotReached},
	{[]string{"failed", "to", "reach"}, outNotReached},
	{[]string{"не", "досягл*"}, outNotReached},
	{[]string{"не", "долетіл*"}, outNotReached},
	{[]string{"не", "досяг"}, outNotReached},   // the masculine singular, after a count ending in one
	{[]string{"не", "долетів"}, outNotReached}, // likewise
	{[]string{"failed", "to", "stop"}, outIgnored},
	// "sustained injuries", "suffered shrapnel wounds": the people counted before
	// it were hurt (plural nouns only: one person's "injury" is described, not counted)
	{[]string{"sustained", "injuries"}, outInjured},
	{[]string{"suffered", "injuries"}, outInjured},
	{[]string{"sustained", "wounds"}, outInjured},
	{[]string{"suffered", "wounds"}, outInjured},
	{[]string{"sustained", "*", "injuries"}, outInjured},
	{[]string{"suffered", "*", "injuries"}, outInjured},
	{[]string{"sustained", "*", "wounds"}, outInjured},
	{[]string{"suffered", "*", "wounds"}, outInjured},
	{[]string{"локаційно", "втрач*"}, outJammed},
	{[]string{"lost", "from", "radar*"}, outJammed},
	{[]string{"disappeared", "from", "radar*"}, outJammed},
	{[]string{"shot", "down"}, outIntercepted},
	// "announced the destruction of 35 drones", "detailed the elimination of
	// 18 drones", "claimed the interception of nine drones": the ministry's
	// claim as a noun with the count after "of"
	{[]string{"destruction", "of"}, outIntercepted},
	{[]string{"elimination", "of"}, outIntercepted},
	{[]string{"interception", "of"}, outIntercepted},
	{[]string{"shoot", "down"}, outIntercepted},
	// headline English drops the verb's ending after a plural subject: "air
	// defences down 60 drones" is the present tense of "downed"
	{[]string{"defences", "down"}, outIntercepted},
	{[]string{"defenses", "down"}, outIntercepted},
	{[]string{"shooting", "down"}, outIntercepted},
	{[]string{"shoots", "down"}, outIntercepted},
	{[]string{"knocked", "out"}, outIntercepted},
	// "shot out of the sky", "taken out of the sky", "blasted out of the sky": downed
	{[]string{"shot", "out", "of", "the", "sky"}, outIntercepted},
	{[]string{"taken", "out", "of", "the", "sky"}, outIntercepted},
	{[]string{"blasted", "out", "of", "the", "sky"}, outIntercepted},
	{[]string{"strikes", "from"}, outHit},
	{[]string{"headed", "for"}, outLaunched},
	// "ten drones were heading towards the capital", "drones headed toward the
	// city" with no other verb after: they were sent at it (with a verb after
	// it, the participle only describes them: see headedFor)
	{[]string{"headed", "towards"}, outLaunched},
	{[]string{"headed", "toward"}, outLaunched},
	{[]string{"heading", "for"}, outLaunched},
	{[]string{"heading", "towards"}, outLaunched},
	{[]string{"heading", "toward"}, outLaunched},
	{[]string{"were", "recorded"}, outLaunched},
	// "завдав удару", "завдали ракетного удару", "завдав масованого комбінованого удару": struck, with what follows
	{[]string{"завда*", "удар*"}, outLaunched},
	{[]string{"завда*", "*", "удар*"}, outLaunched},
	{[]string{"завда*", "*", "*", "удар*"}, outLaunched},
	// "здійснили удар", "здійснив комбінований удар", "здійснив кілька ударів": the
	// Air Force's other phrase for an attack, with what follows
	{[]string{"здійсни*", "удар*"}, outLaunched},
	{[]string{"здійсни*", "*", "удар*"}, outLaunched},
	{[]string{"здійсни*", "*", "*", "удар*"}, outLaunched},
}

var cueWords = func() *wordTable[outcome] {
	t := newWordTable[outcome]()
	t.add(outIntercepted, "downed", "downing", "downs", "destroyed", "destroying", "destroy", "destroys", "intercepted", "intercepting", "intercept", "intercepts", "neutralized", "neutralised", "neutralizing", "neutralising", "eliminated", "repelled",
		"збито", "збиті", "збитий", "збита", "збитих", "збили", "збила", "збило", "збив", "збиття", "збити", "знищено", "знищили", "знищила", "знищило", "знищив", "знищення", "знищені", "знищити", "знешкод*", "сбиты", "уничтожены",
		// "приземлили" (landed), "ліквідували" (eliminated): the reporters' words for shooting down; not the reflexive forms of an aircraft landing (приземлився)
		"приземлили", "приземлила", "приземлило", "приземлив", "приземлено", "приземлені",
		"ліквідували", "ліквідувала", "ліквідував", "ліквідовано", "ліквідовані")
	t.add(outJammed, "jammed", "lost", "disappeared", "suppressed", "redirected", "подавлено", "подавлені", "подавлених", "подавити", "подавили", "подавила", "подавило", "подавив", "подавлення", "втрачено", "втрачені", "втрачений")
	t.add(outLaunched, "launched", "launch", "launches", "launching", "fired", "firing", "fires", "sends", "запускає", "запускають", "застосовує", "застосовують", "атакує", "attacked", "deployed", "used", "using", "unleashed", "sent", "detected", "included", "targeted",
		"атакував", "атакувала", "атакували", "запущено", "запущені", "запущених", "випущено", "випущені", "випущених", "застосовано", "використано", "спрямовано", "запустивши", "випустивши", "використавши", "застосувавши", "атакувавши", "спрямувавши", "використав", "використала", "використали", "застосував", "застосувала", "застосували", "застосовували", "застосуванням", "запустив", "запустила", "запустили", "випустив", "випустила", "випустили", "зафіксовано", "виявлено", "спрямував", "dropped", "dropping", "скинув", "скинули", "скинуто", "скинувши")
	t.add(outHit, "влучання", "влучань", "влучили", "влучила", "влучив", "влучило", "поцілили", "поцілила", "поцілив", "impacts", "hit", "hits", "hitting", "struck")
	t.add(outDebris, "debris", "fragments", "уламки", "уламків", "уламками", "падіння")
	t.add(outKilled, "killed", "killing", "kill", "kills", "died", "dead", "deaths", "death", "загинули", "загинула", "загинув", "загинуло", "загиблих", "вбито", "вбили", "загибель",
		"загиблий", "загиблого") // "один загиблий", "про одного загиблого"
	t.add(outInjured, "injured", "injuring", "wounded", "wounding", "hurt", "hospitalised", "hospitalized", "госпіталізовано", "госпіталізували", "поранено", "поранені", "поранених", "постраждали", "постраждалих", "постраждав", "постраждала", "травмовано", "травмовані", "поранення", "поранень", "травмувалися",
		"постраждало", "постраждалий", "постраждалого", "постраждалу") // "постраждало четверо", "один постраждалий", "одну постраждалу людину"
	return t
}()

// cueWord classifies a single word; "збито/подавлено" is shot down or jammed.
func cueWord(w string) outcome {
	if k, ok := cueWords.get(w); ok {
		return k
	}
	if a, b, ok := strings.Cut(w, "/"); ok {
		// "збито/подавлено", "destroyed/suppressed": either
		x, y := cueWord(a), cueWord(b)
		if x == outIntercepted && y == outJammed || x == outJammed && y == outIntercepted {
			return outCombined
		}
	}
	return outNone
}

// passiveSkip may stand between a counted phrase and its predicate ("were
// successfully intercepted", "було локаційно втрачено").
var passiveSkip = map[string]bool{
	"were": true, "was": true, "have": true, "has": true, "had": true, "been": true, "being": true,
	"are": true, "is": true, "successfully": true, "also": true, "reportedly": true, "reported": true,
	"then": true, "later": true, "subsequently": true, "which": true, "that": true, "who": true, "more": true,
	"було": true, "були": true, "був": true, "була": true, "удалося": true, "вдалося": true, "–": true, "—": true,
	"-": true, "classified": true, "as": true, "'": true, "\"": true, "“": true, "”": true, "«": true, "»": true,
	"likely": true, "confirmed": true, "all": true, "be": true, "either": true,
	"others": true, "ще": true, "отримали": true, "отримала": true,
	"нібито": true, "начебто": true, "ніби": true, // the Ukrainian hedges of a claim, as "reportedly"
	"отримав": true, "дістали": true, "дістала": true, "дістав": true, "зазнали": true, "зазнала": true, "зазнав": true,
}

// qualifierBefore reads the qualifier words before the number at toks[i]:
// the qualifier and how many words it spans.
func qualifierBefore(toks []token, i int) (qualifier, int) {
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
		return qAtMost, 3
	case w2 == "more" && w1 == "than", (w2 == "більш" || w2 == "більше") && w1 == "ніж":
		return qMoreThan, 2
	case w2 == "at" && w1 == "least", w2 == "як" && w1 == "мінімум":
		return qAtLeast, 2
	case w2 == "at" && w1 == "most", w2 == "не" && (w1 == "більше" || w1 == "більш"):
		return qAtMost, 2
	case w2 == "up" && w1 == "to":
		return qUpTo, 2
	case (w2 == "fewer" || w2 == "less") && w1 == "than", (w2 == "менше" || w2 == "менш") && (w1 == "ніж" || w1 == "як"):
		return qLessThan, 2
	}
	if w1 == "до" && roseWords[w2] {
		return qNone, 0 // "зросла до 11": the count it rose to, not a bound
	}
	if q := qualifierWord(w1); q != qNone {
		return q, 1
	}
	return qNone, 0
}

// qualifierWord is the bound or approximation one word puts on the count
// after it ("over", "понад", "близько", "до"), qNone for other words.
func qualifierWord(w string) qualifier {
	switch w {
	case "over", "понад", "більше":
		return qMoreThan
	case "under", "менше":
		return qLessThan
	case "about", "around", "approximately", "roughly", "some", "близько", "приблизно", "approx":
		return qAbout
	case "nearly", "almost", "майже":
		return qNearly
	case "щонайменше", "принаймні", "мінімум":
		return qAtLeast
	case "до":
		return qUpTo
	}
	return qNone
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
