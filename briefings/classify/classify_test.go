package classify

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/internal/shared"
)

func TestStem(t *testing.T) {
	var tk tokenizer
	cases := []struct{ in, want string }{
		// inflections of one word meet
		{"дронів дрони дронами", "дрон дрон дрон"},
		// the Ukrainian and Russian spellings of one word meet
		{"санкції санкции", "санкци санкци"},
		{"ракети ракеты", "ракет ракет"},
		{"переговори переговоры", "перего перего"},
		// English inflections
		{"Sanctions sanctioned", "sanctio sanctio"},
		{"drones Drone", "dron dron"},
		// numbers are one token; an apostrophe keeps a word whole
		{"1,750 troops in 2026", "# troop in #"},
		{"обов'язок", "обовяз"},
	}
	for _, c := range cases {
		if got := strings.Join(tk.tokens(c.in), " "); got != c.want {
			t.Errorf("tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestConcepts(t *testing.T) {
	f := newFeaturizer()
	var tk tokenizer
	var got []string
	f.features(&tk, "Росія атакувала Київ дронами", "Сили ППО збили більшість безпілотників.", func(prefix, x, y string) {
		n := name(prefix, x, y)
		if hashParts(prefix, x, y) != hash(n) {
			t.Errorf("hash of %q differs from the hash of its parts", n)
		}
		if strings.HasPrefix(n, "c:") || strings.HasPrefix(n, "x:") || strings.HasPrefix(n, "tc:") {
			got = append(got, n)
		}
	})
	for _, want := range []string{"c:air", "tc:air", "c:ukraine", "c:russia", "x:air+place", "x:ukraine+russia"} {
		if !slices.Contains(got, want) {
			t.Errorf("features lack %s: %v", want, got)
		}
	}
}

func TestWeightsRoundTrip(t *testing.T) {
	w := &Weights{Threshold: 0.4, Bias: [nOut]float64{-1, 0.5, 0, 0, 0, 0.25}, Rows: map[uint32][nOut]float64{
		hash("u:drone"): {2, 1.5, -0.5, 0, 0, 0},
		hash("u:match"): {-2, 0, 0, 0, 0, 0},
		hash("u:tiny"):  {0.001, 0, 0, 0, 0, 0}, // rounds to zero: dropped
	}}
	got, err := ReadWeights(w.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 2 || got.Threshold != float64(float32(0.4)) || got.Bias != w.Bias {
		t.Fatalf("round trip: %d rows, threshold %v, bias %v", len(got.Rows), got.Threshold, got.Bias)
	}
	if r := got.Rows[hash("u:drone")]; r[0] < 1.98 || r[0] > 2.02 || r[2] > -0.48 {
		t.Errorf("drone row = %v", r)
	}
	if _, err := ReadWeights([]byte("SRCLASS1 short")); err == nil {
		t.Error("a truncated file decoded")
	}
}

func TestEmbeddedWeights(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.w.Rows); n < 1000 {
		t.Fatalf("embedded model has %d features", n)
	}
	if len(embedded) > 2<<20 {
		t.Errorf("weights file is %d bytes; keep it under 2 MB", len(embedded))
	}
}

// Invented articles, one per kind of decision.
func TestClassifyInvented(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile("testdata/drone-night.txt")
	if err != nil {
		t.Fatal(err)
	}
	title, text, _ := strings.Cut(string(body), "\n\n")
	cases := []struct {
		name    string
		a       briefings.Article
		offTop  bool
		section string
	}{
		{"drone night", briefings.Article{Title: title, Body: text}, false, briefings.SectionAirAttacks},
		{"football", briefings.Article{Title: "Dynamo beat Shakhtar 2-1 in the league's top match",
			Teaser: "A late header settled the derby in front of a full stadium; the coach praised his young defenders."}, true, ""},
		{"weather uk", briefings.Article{Title: "Завтра в Україні похолоднішає, на заході пройдуть дощі",
			Teaser: "Синоптики прогнозують вітер і до +12 удень."}, true, ""},
		{"sanctions", briefings.Article{Title: "EU adopts new sanctions package against Russia over the war in Ukraine",
			Teaser: "The package targets the shadow fleet and banks that help Moscow evade the oil price cap."}, false, briefings.SectionSanctions},
		{"talks", briefings.Article{Title: "Zelensky and the US envoy meet in Kyiv to discuss a peace plan",
			Teaser: "The talks focused on security guarantees and a ceasefire along the front line, officials said."}, false, briefings.SectionDiplomacy},
		// Guns and mortars firing at front-line villages are the ground war;
		// the same Ukrainian word with missiles is a strike from the air.
		{"shelling uk", briefings.Article{Title: "Окупанти з артилерії та мінометів обстріляли села Нікопольщини",
			Teaser: "Пошкоджено кілька приватних будинків і лінію електропередачі, повідомив голова громади."}, false, briefings.SectionFrontLine},
		{"shelling en", briefings.Article{Title: "Russian artillery shelled villages near the front in Kharkiv region",
			Teaser: "Mortar and artillery fire damaged homes and a school, the regional governor said."}, false, briefings.SectionFrontLine},
		// Opposition to the war at home and soldiers leaving their units are
		// the war's domestic side, whatever else the item names.
		{"antiwar ru", briefings.Article{Title: "Суд в Перми отправил в СИЗО антивоенного активиста из-за его постов",
			Teaser: "Следствие считает, что публикации дискредитируют власти."}, false, briefings.SectionOther},
		{"antiwar uk", briefings.Article{Title: "Антивоєнного активіста в Петербурзі засудили до шести років",
			Teaser: "Його затримали після одиночного пікету біля станції метро."}, false, briefings.SectionOther},
		{"deserters ru", briefings.Article{Title: "В Бурятии полиция разыскивает дезертиров, покинувших часть",
			Teaser: "Их родственников вызывают на допросы."}, false, briefings.SectionOther},
		{"deserters en", briefings.Article{Title: "Deserters who fled their units tell how they crossed the border",
			Teaser: "Some spent months hiding at relatives' homes."}, false, briefings.SectionOther},
		{"missile shelling uk", briefings.Article{Title: "Нічний ракетний обстріл Одеси: уламки ракети впали на склади",
			Teaser: "Сили ППО збили дві крилаті ракети, ще одна влучила в портову інфраструктуру."}, false, briefings.SectionAirAttacks},
		// Troops storming a position and a frosty welcome for refugees:
		// words of the weather that say no weather.
		{"storming en", briefings.Article{Title: "Storming a trench is dangerous work. Here is how it is done",
			Teaser: "Assaults can be quiet or very loud. A Ukrainian unit explains how it carried out one this month."}, false, briefings.SectionFrontLine},
		{"frosty en", briefings.Article{Title: "Refugees from Ukraine, meet a frosty welcome",
			Teaser: "Millions fled; the visas granted here number in the dozens. We should be ashamed."}, false, briefings.SectionOther},
		// Oligarchs in English news are Russia's rich under sanctions.
		{"oligarchs en", briefings.Article{Title: "London freezes the mansions of two more oligarchs",
			Teaser: "Their yachts may be seized next, ministers said."}, false, briefings.SectionSanctions},
	}
	for _, tc := range cases {
		d := c.Classify(&tc.a)
		if d.OffTopic != tc.offTop || (!tc.offTop && d.Section != tc.section) {
			t.Errorf("%s: off-topic %v (relevance %.2f), section %q; want off-topic %v, section %q",
				tc.name, d.OffTopic, d.Relevance, d.Section, tc.offTop, tc.section)
		}
	}
}

// An article with a national report of launched drones is a relevant air
// attack whatever the words say.
func TestRuleNationalFigures(t *testing.T) {
	w := &Weights{Threshold: 0.5, Bias: [nOut]float64{-5, 0, 3, 0, 0, 0}, Rows: map[uint32][nOut]float64{}}
	c := NewWithWeights(w)
	n := 40
	a := briefings.Article{Title: "Night report"}
	if d := c.Classify(&a); d.Section != briefings.SectionFrontLine || !d.OffTopic {
		t.Fatalf("without figures: %+v", d)
	}
	a.Attacks = []briefings.AttackReport{{Attacker: "RU", Scope: briefings.ScopeRegional, Launched: briefings.Counts{Drones: &n}},
		{Attacker: "", Scope: briefings.ScopeNational, Launched: briefings.Counts{Drones: &n}}}
	if d := c.Classify(&a); d.Section != briefings.SectionFrontLine || !d.OffTopic {
		t.Fatalf("regional figures, or an unknown attacker: %+v", d)
	}
	a.Attacks = append(a.Attacks, briefings.AttackReport{Attacker: "RU", Scope: briefings.ScopeNational, Launched: briefings.Counts{Drones: &n}})
	if d := c.Classify(&a); d.Section != briefings.SectionAirAttacks || d.OffTopic {
		t.Fatalf("national figures: %+v", d)
	}
	if e := c.Explain(&a, 3); e.Rule == "" {
		t.Error("Explain names no rule")
	}
}

func BenchmarkClassify(b *testing.B) {
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	body, err := os.ReadFile("testdata/drone-night.txt")
	if err != nil {
		b.Fatal(err)
	}
	title, text, _ := strings.Cut(string(body), "\n\n")
	a := &briefings.Article{Title: title, Teaser: text[:200], Body: text}
	b.ReportAllocs()
	cpu0 := shared.CPUTime()
	for b.Loop() {
		c.Classify(a)
	}
	if cpu := shared.CPUTime() - cpu0; cpu0 > 0 && cpu > 0 {
		// CPU time per article: what one core spends, whatever the machine's load
		b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/op")
	}
}
