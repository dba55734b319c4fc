package keywords

import (
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	cases := []struct {
		keyword string
		yes     []string
		no      []string
	}{
		{"Одеса", []string{"Одеса", "Одесі", "Одесу", "Одеси", "Одесою", "одеса"}, []string{"Одещина", "Од", "Одесавиробництво"}},
		{"Харків", []string{"Харків", "Харкова", "Харкові", "Харкову", "Харковом"}, []string{"Харківщина", "Харкiвська"}},
		{"Київ", []string{"Київ", "Києва", "Києві", "Києвом"}, []string{"Київщина"}},
		{"Бєлгород", []string{"Бєлгород", "Бєлгорода", "Бєлгороді"}, []string{"Бєлгородщина"}},
		{"Белгород", []string{"Белгороде", "Белгородом"}, nil},
		{"Odesa", []string{"odesa", "ODESA", "Odesa's"}, []string{"Odessa", "odesan"}},
		{"drone", []string{"drone", "drones"}, []string{"droned", "dron"}},
		{"Kyiv", []string{"Kyiv", "kyiv's"}, []string{"Kyivan", "Ki"}},
	}
	for _, c := range cases {
		for _, w := range c.yes {
			if !Match(c.keyword, strings.ToLower(w)) {
				t.Errorf("%s should match %s", c.keyword, w)
			}
		}
		for _, w := range c.no {
			if Match(c.keyword, strings.ToLower(w)) {
				t.Errorf("%s should not match %s", c.keyword, w)
			}
		}
	}
}

func TestAllows(t *testing.T) {
	odesaNotBelgorod := Filter{Include: []string{"Odesa", "Одеса"}, Exclude: []string{"Belgorod", "Бєлгород"}}
	cases := []struct {
		f    Filter
		text string
		want bool
	}{
		{Filter{}, "anything at all", true},
		{odesaNotBelgorod, "Drones hit port infrastructure in Odesa overnight.", true},
		{odesaNotBelgorod, "Уламки впали в Одесі.", true},
		{odesaNotBelgorod, "Drones hit Kharkiv.", false},
		{odesaNotBelgorod, "Drones over Odesa and Belgorod.", false}, // exclusion wins
		{Filter{Exclude: []string{"Бєлгород"}}, "Атака на Бєлгорода околиці", false},
		{Filter{Exclude: []string{"Бєлгород"}}, "Атака на Харків", true},
	}
	for _, c := range cases {
		if got := c.f.Allows(c.text); got != c.want {
			t.Errorf("%+v on %q = %v", c.f, c.text, got)
		}
	}
}

// Matching costs time linear in the text whatever the user typed: no
// pattern a user writes is compiled.
func BenchmarkAllowsLongText(b *testing.B) {
	f := Filter{Include: []string{"Одеса", "Kyiv", strings.Repeat("a", 40)}, Exclude: []string{"Бєлгород"}}
	text := strings.Repeat("Drones and missiles were launched overnight at several regions. ", 2000)
	for b.Loop() {
		f.Allows(text)
	}
}
