package extract

import (
	"strings"

	"github.com/sitrep/sitrep/briefings"
)

// gazEntry is a named entity with its spellings. Each alias is a sequence of
// lower-case word patterns ('*' = prefix); caseSensitive aliases ("EU", "UN")
// are matched on the original spelling.
type gazEntry struct {
	name    string
	kind    string
	aliases [][]string
	cs      [][]string
}

func al(ss ...string) [][]string {
	out := make([][]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Fields(s)
	}
	return out
}

var gazetteer = []gazEntry{
	{name: "Volodymyr Zelenskyy", kind: "person", aliases: al("zelenskyy*", "zelensky*", "zelenskiy*", "zelenskyi*", "зеленськ*", "зеленск*")},
	{name: "Vladimir Putin", kind: "person", aliases: al("putin*", "путін*", "путин*")},
	{name: "Donald Trump", kind: "person", aliases: al("trump*", "трамп*")},
	{name: "Steve Witkoff", kind: "person", aliases: al("witkoff*", "віткофф*", "віткоф*", "уиткофф*")},
	{name: "Andriy Yermak", kind: "person", aliases: al("yermak*", "єрмак*", "ермак*")},
	{name: "Emmanuel Macron", kind: "person", aliases: al("macron*", "макрон*")},
	{name: "Keir Starmer", kind: "person", aliases: al("starmer*", "стармер*")},
	{name: "Marco Rubio", kind: "person", aliases: al("rubio*", "рубіо", "рубио")},
	{name: "Rustem Umerov", kind: "person", aliases: al("umerov*", "умєров*", "умеров*")},
	{name: "Andrii Sybiha", kind: "person", aliases: al("sybiha*", "сибіг*", "сибига*")},
	{name: "Sergei Lavrov", kind: "person", aliases: al("lavrov*", "лавров*")},
	{name: "Dmitry Peskov", kind: "person", aliases: al("peskov*", "пєсков*", "песков*")},
	{name: "Friedrich Merz", kind: "person", aliases: al("merz", "мерц*")},
	{name: "Ursula von der Leyen", kind: "person", aliases: al("von der leyen", "фон дер ляєн")},
	{name: "Mark Rutte", kind: "person", aliases: al("rutte*", "рютте")},
	{name: "Kaja Kallas", kind: "person", aliases: al("kallas*", "каллас")},
	{name: "Vitali Klitschko", kind: "person", aliases: al("klitschko*", "кличко*")},
	{name: "JD Vance", kind: "person", aliases: al("vance*", "венс*")},
	{name: "Kirill Dmitriev", kind: "person", aliases: al("dmitriev*", "дмитрієв*")},
	{name: "Keith Kellogg", kind: "person", aliases: al("kellogg*", "келлог*")},
	{name: "Giorgia Meloni", kind: "person", aliases: al("meloni*", "мелоні")},
	{name: "Donald Tusk", kind: "person", aliases: al("tusk*", "туск*")},
	{name: "Recep Tayyip Erdogan", kind: "person", aliases: al("erdogan*", "ердоган*")},
	{name: "Xi Jinping", kind: "person", aliases: al("xi jinping", "сі цзіньпін*")},
	{name: "Sergei Shoigu", kind: "person", aliases: al("shoigu*", "шойгу")},
	{name: "Valerii Zaluzhnyi", kind: "person", aliases: al("zaluzhnyi*", "zaluzhny*", "залужн*")},
	{name: "Oleksandr Syrskyi", kind: "person", aliases: al("syrskyi*", "syrsky*", "сирськ*")},
	{name: "Yuriy Ihnat", kind: "person", aliases: al("ihnat*", "ігнат")},
	{name: "Mykola Oleshchuk", kind: "person", aliases: al("oleshchuk*", "олещук*")},
	{name: "Denys Shmyhal", kind: "person", aliases: al("shmyhal*", "шмигал*")},
	{name: "Yulia Svyrydenko", kind: "person", aliases: al("svyrydenko*", "свириденк*")},
	{name: "Pete Hegseth", kind: "person", aliases: al("hegseth*", "хегсет*")},
	{name: "António Costa", kind: "person", aliases: al("antónio costa", "antonio costa")},
	{name: "Kim Jong Un", kind: "person", aliases: al("kim jong un", "кім чен ин")},
	{name: "Alexander Lukashenko", kind: "person", aliases: al("lukashenko*", "лукашенк*")},
	{name: "Ruslan Zaparaniuk", kind: "person", aliases: al("zaparaniuk*", "запаранюк*")},

	{name: "NATO", kind: "org", aliases: al("nato", "nato's", "нато")},
	{name: "European Union", kind: "org", aliases: al("european union", "євросоюз*", "європейськ* союз*"), cs: al("EU", "EU's", "ЄС")},
	{name: "United Nations", kind: "org", aliases: al("united nations", "оон"), cs: al("UN", "U.N.")},
	{name: "UN Security Council", kind: "org", aliases: al("security council", "радбез* оон")},
	{name: "IAEA", kind: "org", aliases: al("iaea", "iaea's", "магате")},
	{name: "coalition of the willing", kind: "org", aliases: al("coalition of the willing", "коаліці* охочих")},
	{name: "G7", kind: "org", aliases: al("g7", "g-7", "велика сімка", "великої сімки")},
	{name: "OSCE", kind: "org", aliases: al("osce", "обсє")},
	{name: "International Criminal Court", kind: "org", aliases: al("international criminal court", "мкс"), cs: al("ICC")},
	{name: "Red Cross", kind: "org", aliases: al("red cross", "червон* хрест*"), cs: al("ICRC")},
	{name: "White House", kind: "org", aliases: al("white house", "білий дім", "білого дому")},
	{name: "Kremlin", kind: "org", aliases: al("kremlin*", "кремл*")},
	{name: "Pentagon", kind: "org", aliases: al("pentagon*", "пентагон*")},
	{name: "Ukraine's Air Force", kind: "org", aliases: al("air force", "air forces", "повітрян* сил*")},
	{name: "Russia's Defence Ministry", kind: "org", aliases: al("russian defense ministry", "russian defence ministry", "russia's defence ministry", "russia's defense ministry", "міноборони рф")},
	{name: "SBU", kind: "org", aliases: al("sbu", "сбу")},
	{name: "European Commission", kind: "org", aliases: al("european commission", "єврокомісі*")},

	{name: "Ukraine", kind: "place", aliases: al("ukraine", "ukraine's", "україн*")},
	{name: "Russia", kind: "place", aliases: al("russia", "russia's", "росі*", "рф")},
	{name: "United States", kind: "place", aliases: al("united states", "сша"), cs: al("U.S.", "US", "U.S")},
	{name: "France", kind: "place", aliases: al("france", "франці*")},
	{name: "United Kingdom", kind: "place", aliases: al("britain", "united kingdom", "британі*"), cs: al("UK", "U.K.")},
	{name: "Germany", kind: "place", aliases: al("germany", "німеччин*")},
	{name: "Poland", kind: "place", aliases: al("poland", "польщ*")},
	{name: "Turkey", kind: "place", aliases: al("turkey", "türkiye", "туреччин*")},
	{name: "Belarus", kind: "place", aliases: al("belarus", "білорус*")},
	{name: "Saudi Arabia", kind: "place", aliases: al("saudi arabia", "саудівськ* аравії")},
	{name: "China", kind: "place", aliases: al("china", "кита*")},
	{name: "Iran", kind: "place", aliases: al("iran", "іран*")},
	{name: "North Korea", kind: "place", aliases: al("north korea", "кндр")},
	{name: "Paris", kind: "place", aliases: al("paris", "париж*")},
	{name: "London", kind: "place", aliases: al("london", "лондон*")},
	{name: "Washington", kind: "place", aliases: al("washington", "вашингтон*")},
	{name: "Brussels", kind: "place", aliases: al("brussels", "брюссел*")},
	{name: "Berlin", kind: "place", aliases: al("berlin", "берлін*")},
	{name: "Istanbul", kind: "place", aliases: al("istanbul", "стамбул*")},
	{name: "Geneva", kind: "place", aliases: al("geneva", "женев*")},
	{name: "Riyadh", kind: "place", aliases: al("riyadh", "ер-ріяд*")},
	{name: "Jeddah", kind: "place", aliases: al("jeddah", "джидд*")},
	{name: "Alaska", kind: "place", aliases: al("alaska", "anchorage", "аляск*")},
	{name: "Rome", kind: "place", aliases: al("rome", "рим", "римі")},
	{name: "Abu Dhabi", kind: "place", aliases: al("abu dhabi", "абу-дабі")},
	{name: "Minsk", kind: "place", aliases: al("minsk", "мінськ*")},
	{name: "Warsaw", kind: "place", aliases: al("warsaw", "варшав*")},
}

// gazIndex: first word pattern (exact part) -> entries; prefix patterns are
// checked separately.
type gazAlias struct {
	e     *gazEntry
	words []string
	cs    bool
}

var gazExact = map[string][]gazAlias{}
var gazPrefix = map[string][]gazAlias{} // by bucketKey of the first word's prefix

// Filters over the keys of gazExact (case-sensitive keys without their
// leading NUL in gazCSFilter) and gazPrefix.
var gazExactFilter, gazCSFilter, gazPrefixFilter wordFilter

func init() {
	for i := range gazetteer {
		e := &gazetteer[i]
		for _, a := range e.aliases {
			ga := gazAlias{e, a, false}
			if strings.HasSuffix(a[0], "*") {
				k := bucketKey(strings.TrimSuffix(a[0], "*"))
				gazPrefix[k] = append(gazPrefix[k], ga)
				gazPrefixFilter.add(k)
			} else {
				gazExact[a[0]] = append(gazExact[a[0]], ga)
				gazExactFilter.add(a[0])
			}
		}
		for _, a := range e.cs {
			gazExact["\x00"+a[0]] = append(gazExact["\x00"+a[0]], gazAlias{e, a, true})
			gazCSFilter.add(a[0])
		}
	}
	// Ukrainian and Russian regions and cities are places too.
	for _, ra := range regionAliases {
		e := &gazEntry{name: ra.name, kind: "place"}
		for _, a := range ra.aliases {
			if a == "capital" {
				continue
			}
			ga := gazAlias{e, []string{a}, false}
			if strings.HasSuffix(a, "*") {
				k := bucketKey(strings.TrimSuffix(a, "*"))
				gazPrefix[k] = append(gazPrefix[k], ga)
				gazPrefixFilter.add(k)
			} else {
				gazExact[a] = append(gazExact[a], ga)
				gazExactFilter.add(a)
			}
		}
	}
}

func (ga gazAlias) matchAt(toks []token, i int) int {
	if i+len(ga.words) > len(toks) {
		return 0
	}
	for k, w := range ga.words {
		t := &toks[i+k]
		if ga.cs {
			if t.s != w {
				return 0
			}
			continue
		}
		if !match(t.low, w) {
			return 0
		}
	}
	return len(ga.words)
}

// entityAt returns the entity starting at toks[i] and its length in tokens.
func entityAt(toks []token, i int) (*gazEntry, int) {
	t := &toks[i]
	if t.kind != kWord {
		return nil, 0
	}
	best, bn := (*gazEntry)(nil), 0
	// The case-sensitive key "\x00"+t.s, built on the stack: a map index
	// by string(bytes) does not allocate.
	if gazCSFilter.may(t.s) {
		var buf [64]byte
		key := append(append(buf[:0], 0), t.s...)
		for _, ga := range gazExact[string(key)] {
			if n := ga.matchAt(toks, i); n > bn {
				best, bn = ga.e, n
			}
		}
	}
	if gazExactFilter.may(t.low) {
		for _, ga := range gazExact[t.low] {
			if n := ga.matchAt(toks, i); n > bn {
				best, bn = ga.e, n
			}
		}
	}
	if bn == 0 && len(t.low) >= 4 && gazPrefixFilter.may(bucketKey(t.low)) {
		for _, ga := range gazPrefix[bucketKey(t.low)] {
			if n := ga.matchAt(toks, i); n > bn {
				best, bn = ga.e, n
			}
		}
	}
	return best, bn
}

func findEntities(sents []sentence) []briefings.Entity {
	var out []briefings.Entity
	seen := map[string]bool{}
	for _, s := range sents {
		toks := s.toks
		for i := 0; i < len(toks); i++ {
			e, n := entityAt(toks, i)
			if e == nil || cityDistrict(toks, i) {
				continue
			}
			if !seen[e.name] {
				seen[e.name] = true
				out = append(out, briefings.Entity{Name: e.name, Kind: e.kind})
			}
			i += n - 1
		}
	}
	return out
}

// topicWords: single-word patterns, or two-word phrases written "a b".
var topicWords = map[briefings.Topic][]string{
	briefings.TopicAirAttacks:   {"drones", "drone", "missiles", "missile", "shahed*", "air defen*", "air raid", "ballistic", "бпла", "безпілотник*", "ракет*", "шахед*", "ппо", "дронів", "дрони", "повітрян* тривог*", "air attack"},
	briefings.TopicFrontLine:    {"front line", "frontline", "front-line", "offensive", "counteroffensive", "battlefield", "troops advanced", "captured", "recaptured", "pokrovsk", "kupiansk", "bakhmut", "фронт*", "наступ*", "бойов* зіткнен*", "окупували", "звільнили", "assault*", "advance*"},
	briefings.TopicDiplomacy:    {"talks", "negotiat*", "summit", "envoy", "ceasefire", "peace", "diplomat*", "security guarantees", "met", "meeting", "переговор*", "саміт*", "зустріч*", "перемир*", "мирн*", "гарантії безпеки", "coalition of"},
	briefings.TopicSanctions:    {"sanction*", "price cap", "shadow fleet", "embargo", "санкці*", "тіньов* флот*", "asset* freeze", "frozen assets"},
	briefings.TopicMilitaryAid:  {"military aid", "military support", "aid package", "weapons package", "patriot*", "himars", "f-16*", "military assistance", "weapons deliveries", "військов* допомог*", "ramstein", "рамштайн*", "purl", "tomahawk*", "taurus"},
	briefings.TopicEnergy:       {"energy", "power grid", "power outages", "blackout*", "electricity", "power plant", "substation*", "gas", "oil refinery", "refinery", "енерге*", "електро*", "відключен*", "знеструмлен*", "нпз", "нафтопереробн*", "power supply"},
	briefings.TopicHumanitarian: {"humanitarian", "civilians", "evacuat*", "refugees", "displaced", "hospital", "гуманітарн*", "евакуац*", "цивільн*", "біженц*", "food", "shelter*"},
	briefings.TopicPrisoners:    {"prisoner*", "pows", "pow", "swap", "полонен*", "обмін* полон*", "captives", "exchange of prisoners", "prisoner exchange"},
}

type topicPat struct {
	topic int // index in topicOrder
	words []string
}

var topicPats = func() map[string][]topicPat {
	m := map[string][]topicPat{}
	for topic, ws := range topicWords {
		for _, w := range ws {
			f := strings.Fields(w)
			key := bucketKey(strings.TrimSuffix(f[0], "*"))
			m[key] = append(m[key], topicPat{topicIndex(topic), f})
		}
	}
	return m
}()

var topicPatFilter = filterOf(topicPats)

// topicIndex is the position of a topic in topicOrder.
func topicIndex(topic briefings.Topic) int {
	for i, t := range topicOrder {
		if t == topic {
			return i
		}
	}
	panic("extract: topic not in topicOrder: " + string(topic))
}

var topicOrder = briefings.Topics()

func findTopics(sents []sentence, attacks []briefings.AttackReport, events []Event) []briefings.Topic {
	score := make([]int, len(topicOrder))
	for _, s := range sents {
		toks := s.toks
		for i, t := range toks {
			if t.kind != kWord {
				continue
			}
			k := bucketKey(t.low)
			if !topicPatFilter.may(k) {
				continue
			}
			for _, p := range topicPats[k] {
				if wordsAt(toks, i, p.words) {
					score[p.topic]++ // p.topic indexes topicOrder
				}
			}
		}
	}
	if len(attacks) > 0 {
		score[topicIndex(briefings.TopicAirAttacks)] += 2
	}
	for _, e := range events {
		switch e.Kind {
		case EventSanctions:
			score[topicIndex(briefings.TopicSanctions)] += 2
		case EventAid:
			score[topicIndex(briefings.TopicMilitaryAid)] += 2
		case EventPrisonerExchange:
			score[topicIndex(briefings.TopicPrisoners)] += 2
		default:
			score[topicIndex(briefings.TopicDiplomacy)] += 2
		}
	}
	var out []briefings.Topic
	for i, t := range topicOrder {
		need := 2
		if t == briefings.TopicSanctions || t == briefings.TopicPrisoners || t == briefings.TopicMilitaryAid {
			need = 1
		}
		if score[i] >= need {
			out = append(out, t)
		}
	}
	return out
}
