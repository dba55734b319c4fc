package classify

import (
	"slices"
	"strings"
	"testing"
)

// The lexicon finds a concept in every form of a word (written as a prefix,
// not as a list of forms) and not in the words that merely start alike.
func TestLexicon(t *testing.T) {
	f := newFeaturizer()
	var tk tokenizer
	tk.lex = f.lex
	cases := []struct{ words, concept string }{
		// inflected forms of one Ukrainian or Russian word
		{"дрон дрони дронів дронами дроновий", "air"},
		{"безпілотник безпілотників беспилотники беспилотниками", "air"},
		{"санкції санкцій санкціями санкции санкциях", "sanct"},
		{"переговори переговорів переговорах переговоры переговорами", "talks"},
		{"полонені полонених військовополонених военнопленные", "captive"},
		{"Україна України Україною українського Украина украинские", "ukraine"},
		{"Росія Росії російськими Россия российских", "russia"},
		{"мобілізація мобілізованих мобилизации", "mobil"},
		// an offensive and troops advancing, whatever the tense of the
		// verb of time coming (see the words below)
		{"наступ наступу наступление наступают наступали наступательные наступальні", "ground"},
		// the call-up and those called up, whatever the verbs of urging
		// that start alike (see the words below)
		{"призыв призыва призыве призывник призывников призывного призывной", "mobil"},
		{"дезертир дезертиры дезертирів дезертирства deserters desertion", "mobil"},
		{"антивоенный антивоенных антивоєнний антивоєнні antiwar", "war"},
		{"енергетики енергетичну энергетики подстанции підстанцію", "energy"},
		// a household's power cut is not the grid under attack
		{"відключення відключень отключения знеструмлення blackouts outage", "outage"},
		{"окупанти окупованих оккупированных", "occup"},
		// English words by stem or prefix
		{"drones missile missiles airstrikes", "air"},
		{"sanctions sanctioned", "sanct"},
		{"oligarch oligarchs kleptocracy kleptocrats", "sanct"},
		{"shelling shelled artillery mortars", "shelling"},
		{"обстріл обстріляли обстрілів артилерія обстрелы артиллерии", "shelling"},
		{"negotiations negotiators ceasefire talks", "talks"},
		// words of general news that is not the war
		{"футбол футболу матчі турнір", "sport"},
		{"спорт спортсменка sports", "sport"},
		{"коронавірус коронавирусом пандемії", "covid"},
		{"синоптики погода погоду", "weather"},
		{"film films filmmaker filmmakers movie", "culture"},
		{"rain rains rainy rainfall rainstorms", "weather"},
		{"storm storms frost frosts", "weather"},
	}
	for _, c := range cases {
		toks := tk.tokens(c.words)
		for i, w := range toks {
			if got := conceptName(f, tk.concepts[i]); got != c.concept {
				t.Errorf("%q (word %d of %q): concept %q, want %q", w, i, c.words, got, c.concept)
			}
		}
	}
	// two-word entries: a settlement in every case, whatever ground concept
	// its words would have
	for _, c := range []struct{ text, concept string }{
		{"по 42 населених пунктах області", "locality"},
		{"освободили населенный пункт", "locality"},
		{"shelled 30 settlements", "locality"},
	} {
		found := false
		f.features(&tk, c.text, "", func(prefix, x, y string) {
			found = found || prefix == "c:" && x == c.concept
		})
		if !found {
			t.Errorf("%q: no concept %s", c.text, c.concept)
		}
	}
	// abbreviations, as whole words
	for w, want := range map[string]string{"ЗСУ": "ukraine", "ППО": "air", "СВО": "war", "НАТО": "diplo"} {
		tk.tokens(w)
		if got := conceptName(f, tk.concepts[0]); got != want {
			t.Errorf("%q: concept %q, want %q", w, got, want)
		}
	}
	// Words that start like an entry but mean something else.
	for _, w := range []string{
		"збільшилися", // increased, not "shot down" (збили)
		"наступного",  // next, not an offensive (наступ)
		// a time or peace that has come or will come, not an offensive
		"наступило", "наступила", "наступит", "наступить",
		// urging and appeals, not the call-up (призыв)
		"призывает", "призывают", "призывал", "призывали", "призывы", "призывах", "призывами",
		"кримінальний", "криминальный", // criminal, not Crimea
		"ракетка",   // a racket
		"сбылась",   // came true, not "shot down" (сбили)
		"погодився", // agreed, not the weather
		"погодив",
		"downing", // Downing Street
		"своє",    // its own, not the SVO
		"после",   // after
		// "talk" as a verb or a noun of chat ("how to talk to children",
		// "the talk of the town") is no negotiation; only "talks" is
		"talk", "talked", "talking",
		// "filmed" and "filming" are someone recording an event on video,
		// not show business
		"filmed", "filming",
		// a peace settlement is no place
		"settlement",
		// a community (громада) is mostly named by its head's title
		// ("голова громади"), not as a place under fire
		"громади", "громада",
		// a surname, a rainbow, a forest, and missiles raining down are
		// no weather
		"rainsford", "rainer", "rainbow", "rainforest", "rained", "raining",
		// troops storming a position, and a frosty reception or a frostier
		// welcome, are no weather
		"storming", "stormed", "frosty", "frostier",
	} {
		tk.tokens(w)
		if c := tk.concepts[0]; c != noConcept {
			t.Errorf("%q: concept %q, want none", w, conceptName(f, c))
		}
	}
}

func conceptName(f *featurizer, c int16) string {
	if c < 0 {
		return ""
	}
	return f.lex.names[c]
}

// A pair entry names the concept of two adjacent words, over the concepts
// of the words.
func TestLexiconPairs(t *testing.T) {
	f := newFeaturizer()
	var tk tokenizer
	concepts := func(title string) string {
		var got []string
		f.features(&tk, title, "", func(prefix, x, y string) {
			if prefix == "c:" {
				got = append(got, x)
			}
		})
		return strings.Join(got, " ")
	}
	if got := concepts("Обмін полоненими відбувся на кордоні"); !strings.Contains(got, "captive") {
		t.Errorf("concepts %v lack captive", got)
	}
	// rockets that rain down on a town are no weather; rain alone is
	for _, title := range []string{"Rockets rain down on a frontline town", "A hail of drones rains down on the port"} {
		if got := concepts(title); strings.Contains(got, "weather") {
			t.Errorf("%q: concepts %v, want no weather", title, got)
		}
	}
	if got := concepts("Heavy rain expected at the weekend"); !strings.Contains(got, "weather") {
		t.Errorf("rain alone: concepts %v lack weather", got)
	}
}

func TestNewLexiconRejects(t *testing.T) {
	for _, bad := range []map[string][]string{
		{"x": {"front-line*"}}, // a prefix of two words never matches
		{"x": {"=two words"}},
		{"x": {"one two three"}},
		{"x": {"*"}},
		{"x": {"drone*"}, "y": {"drone*"}},   // one prefix in two concepts
		{"x": {"shells"}, "y": {"shelling"}}, // two words of one stem
	} {
		if _, err := newLexicon(bad); err == nil {
			t.Errorf("newLexicon(%v) accepted", bad)
		}
	}
	if _, err := newLexicon(concepts); err != nil {
		t.Fatal(err)
	}
	if l, _ := newLexicon(concepts); len(l.names) > maxConcepts {
		t.Fatalf("%d concepts, more than maxConcepts", len(l.names))
	}
}

// Power-cut schedules and advice name no concept of the war: alone they are
// a city's service news; a report of a strike that cut the power names the
// strike as well.
func TestOutageIsNotWar(t *testing.T) {
	f := newFeaturizer()
	var tk tokenizer
	kinds := func(title string) []string {
		var got []string
		f.features(&tk, title, "", func(prefix, x, y string) {
			if prefix == "k:" || (prefix == "p:" && strings.Contains(x+y, "outage")) {
				got = append(got, prefix+x)
			}
		})
		return got
	}
	if got := kinds("У Києві оновили графіки відключень світла на завтра"); !slices.Equal(got, []string{"k:place-only"}) {
		t.Errorf("outage schedule: %v, want [k:place-only]", got)
	}
	if got := kinds("Після ракетного удару частина Києва без світла: тривають відключення"); len(got) != 0 {
		t.Errorf("outage after a strike: %v, want no k: feature and no outage pair", got)
	}
}
