package extract

import (
	"testing"

	"github.com/sitrep/sitrep/briefings"
)

// A district named after the capital inside another city is no place in
// the Kyiv region: neither an entity of the article nor a region of a report.
func TestCityDistrictIsNotKyiv(t *testing.T) {
	an := NewAnalyzer()
	cases := []struct {
		name, body string
		kyiv       bool
	}{
		{"uk: the district of another city, the city named", "Уночі дрон влучив у склад у Київському районі Полтави, поранено двох людей, повідомив начальник ОВА.", false},
		{"uk: the district in the genitive", "Уламки збитого дрона впали на території Київського району Одеси, пошкоджено авто.", false},
		{"ru: the district of another city", "Ночью беспилотник упал в Киевском районе Симферополя, сообщили власти.", false},
		// what must not change
		{"uk: the region", "Уночі над Київською областю збито 9 дронів, повідомив начальник ОВА.", true},
		{"uk: the capital", "Уламки дрона впали у Києві, пошкоджено дах будинку.", true},
		{"uk: a district of the region", "На Київщині уламки впали у Броварському районі, повідомила ОВА.", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := &briefings.Article{Body: c.body, PublishedAt: day("2026-04-04")}
			an.Analyze(a)
			got := false
			for _, e := range a.Entities {
				got = got || e.Name == "Kyiv"
			}
			for _, r := range a.Attacks {
				for _, reg := range r.Regions {
					got = got || reg == "Kyiv"
				}
			}
			if got != c.kyiv {
				t.Errorf("Kyiv named: %v, want %v (entities %v, reports %+v)", got, c.kyiv, a.Entities, a.Attacks)
			}
		})
	}
}
