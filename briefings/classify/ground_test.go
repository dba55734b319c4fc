package classify

import (
	"testing"

	"github.com/sitrep/sitrep/briefings"
)

func TestGroundFireOnly(t *testing.T) {
	f := newFeaturizer()
	var tk tokenizer
	for _, c := range []struct {
		title, teaser string
		want          bool
	}{
		{"Гармати й міномети обстріляли прикордонне село", "Зруйновано дві хати, людей не поранено.", true},
		{"Артиллерия обстреляла окраину города", "Повреждена школа.", true},
		{"Howitzers hit a village near the river", "Two barns burned.", true},
		// a weapon of the air beside the guns: the strike is the air's
		{"Артилерія і дрони атакували громаду", "Пошкоджено будинки.", false},
		{"Mortar fire and a glide bomb hit the town", "", false},
		// shelling that names no weapon is left to the model
		{"Обстріл громади: пошкоджено будинки", "Загиблих немає.", false},
	} {
		a := &briefings.Article{Title: c.title, Teaser: c.teaser}
		if got := f.groundFireOnly(&tk, a); got != c.want {
			t.Errorf("%q: ground fire only %v, want %v", c.title, got, c.want)
		}
	}
}

// Explain names the rule that moved an article out of the model's section:
// a model that reads shelling, damage and wounded people as a strike (here
// weights that file everything under Air attacks), the rule reads the guns.
func TestExplainGroundRule(t *testing.T) {
	w := &Weights{Threshold: 0.5, Bias: [nOut]float64{5, 3, 0, 0, 0, 0}, Rows: map[uint32][nOut]float64{}}
	c := NewWithWeights(w)
	a := &briefings.Article{Title: "Російські війська з артилерії обстріляли прикордонні громади Сумщини",
		Teaser: "Пошкоджено будинки, поранено двох людей, повідомила ОВА."}
	e := c.Explain(a, 5)
	if e.Section != briefings.SectionFrontLine || e.Rule != ruleGround {
		t.Errorf("section %s, rule %q; want Front line by the ground-fire rule (model: %v)", e.Section, e.Rule, e.Sections)
	}
	// with a weapon of the air named, the model's section stands
	a.Teaser = "Вночі також атакували дрони; пошкоджено будинки."
	if e := c.Explain(a, 5); e.Section != briefings.SectionAirAttacks || e.Rule != "" {
		t.Errorf("with drones: section %s, rule %q; want Air attacks by the model", e.Section, e.Rule)
	}
}
