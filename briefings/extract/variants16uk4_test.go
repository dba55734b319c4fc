package extract

import (
	"slices"
	"testing"
	"time"
)

// Paraphrase families for issue 14 (the Air Force's own posts and Ukrainian
// news, round of rwuk4), written for these tests: invented figures, places
// and times.
func variantCases16uk4() []attackCase {
	return slices.Concat(launchAreasFamily, carriedOutStrikeFamily, writtenYearFamily)
}

// The Air Force's overnight post names where the weapons were launched from
// (an area of launch, or a place marked as Russia's after a dash): its figures
// are the whole country's, also when the post names a region as the target of
// some of the weapons.
var launchAreasFamily = []attackCase{
	{name: "uk4: launch area in brackets, a region after по", pub: "2026-05-06",
		text: "Уночі ворог запустив 4 ракети С-300 по Сумщині та 35 ударних БпЛА (райони пусків – Міллерово-рф). Знищено 30 ворожих БпЛА.",
		want: map[string]any{"#": 1, "0.scope": "national", "0.launched.drones": 35, "0.launched.missiles": 4, "0.intercepted.drones": 30, "0.regions": []string{"Sumy"}}},
	{name: "uk4: a place marked with a dash and рф, the struck region first", pub: "2026-05-06",
		text: "У ніч на 6 травня противник завдав удару по Дніпропетровщині 2 балістичними ракетами (з Курської обл. – рф) та атакував 40 ударними БпЛА. Збито 33 ворожі БпЛА.",
		want: map[string]any{"#": 1, "0.scope": "national", "0.launched.drones": 40, "0.launched.missiles": 2, "0.intercepted.drones": 33}},
	{name: "uk4: area of launch named in the sentence after the figures", pub: "2026-05-06",
		text: "Уночі окупанти атакували Полтавщину 3 крилатими ракетами Х-101 та 12 дронами. Район пуску ракет – Енгельс.",
		want: map[string]any{"#": 1, "0.scope": "national", "0.launched.missiles": 3, "0.launched.drones": 12}},
	// what must not change
	{name: "uk4: a region after по, no launch area: that region's", pub: "2026-05-06",
		text: "Уночі ворог запустив 4 ракети С-300 по Сумщині та 35 ударних БпЛА. Знищено 30 ворожих БпЛА.",
		want: map[string]any{"#": 1, "0.scope": "regional", "0.regions": []string{"Sumy"}}},
	{name: "uk4: a governor's figures with a launch area stay his region's", pub: "2026-05-06",
		text: "Уночі ворог атакував Сумщину 7 дронами з напрямку Курськ – рф, повідомив голова ОВА. Збито 5 дронів.",
		want: map[string]any{"#": 1, "0.scope": "regional", "0.regions": []string{"Sumy"}}},
	{name: "uk4: Russia named without a dash is no launch area", pub: "2026-05-06",
		text: "Уночі ворог запустив 6 дронів по Чернігівщині з території рф. Збито 4 дрони.",
		want: map[string]any{"#": 1, "0.scope": "regional", "0.regions": []string{"Chernihiv"}}},
}

// "здійснити удар" (to carry out a strike), the Air Force's other phrase for
// an attack, governs the weapons after it as "завдати удару" does; a vague
// number of strikes ("кілька ударів") counts blows, not weapons.
var carriedOutStrikeFamily = []attackCase{
	{name: "uk4: combined strike with missiles and a drone figure", pub: "2026-05-06",
		text: "Уночі ворог здійснив комбінований удар ракетами та 63 БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.drones": 63}},
	{name: "uk4: several strikes, the weapons after a colon", pub: "2026-05-06",
		text: "Уночі противник здійснив кілька ударів: 27 ударних БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.drones": 27, "0.qualifiers.launched\\.total": nil}},
	{name: "uk4: massive strike, instrumental, then the downed", pub: "2026-05-06",
		text: "У ніч на 6 травня окупанти здійснили масований удар 48 ударними БпЛА. Збито 40 БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.drones": 48, "0.intercepted.drones": 40}},
	{name: "uk4: a vague number of strikes after завдати is no weapon count", pub: "2026-05-06",
		text: "Уночі противник завдав кількох ударів: 27 ударних БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.drones": 27, "0.qualifiers.launched\\.total": nil}},
	// what must not change
	{name: "uk4: own aviation's count of strikes is no attack", pub: "2026-05-06",
		text: "Авіація Сил оборони здійснила 12 ударів по районах зосередження противника.",
		want: map[string]any{"#": 0}},
	{name: "uk4: a vague count of strike drones stays no figure", pub: "2026-05-06",
		text: "Уночі противник атакував кількома ударними БпЛА.",
		want: map[string]any{"#": 0}},
}

// A night or a day dated with its year ("у ніч на 9 лютого 2024 року", as
// the Air Force's posts of 2023-2025 write it): the date is that year's, also
// in a text published in another year; its window's day goes with it.
var writtenYearFamily = []attackCase{
	{name: "uk4: a night with its year, published two years later", pub: "2026-05-06",
		text: "У ніч на 9 лютого 2024 року противник атакував 26 ударними БпЛА. Збито 21 БпЛА.",
		want: map[string]any{"national#": 1, "0.date": "2024-02-09", "0.launched.drones": 26}},
	{name: "uk4: a night with its year and its window", pub: "2026-05-06",
		text: "У ніч на 9 лютого 2024 року (з 19:30 8 лютого) ворог атакував 26 ударними БпЛА.",
		want: map[string]any{"national#": 1, "0.date": "2024-02-09", "0.window_start": "2024-02-08T19:30"}},
	{name: "uk4: a day's report with its year", pub: "2026-05-06",
		text: "Протягом дня 9 лютого 2024 року противник атакував 26 ударними БпЛА.",
		want: map[string]any{"national#": 1, "0.date": "2024-02-09", "0.launched.drones": 26}},
	// what must not change
	{name: "uk4: a night with no year takes the published year", pub: "2026-05-06",
		text: "У ніч на 9 лютого противник атакував 26 ударними БпЛА.",
		want: map[string]any{"national#": 1, "0.date": "2026-02-09"}},
	{name: "uk4: a year after the publication's is no date", pub: "2026-05-06",
		text: "У ніч на 3 травня 2027 року противник атакував 26 ударними БпЛА.",
		want: map[string]any{"national#": 1, "0.date": "2026-05-03"}},
	{name: "uk4: a window across the new year, no year written", pub: "2026-01-01",
		text: "У ніч на 1 січня (з 19:00 31 грудня) противник атакував 26 ударними БпЛА.",
		want: map[string]any{"national#": 1, "0.date": "2026-01-01", "0.window_start": "2025-12-31T19:00"}},
}

// With no publication date, a night dated with its year still has its date.
func TestWrittenYearWithoutPublication(t *testing.T) {
	res := Extract("У ніч на 9 лютого 2024 року противник атакував 26 ударними БпЛА.", time.Time{})
	if len(res.Attacks) != 1 || res.Attacks[0].Date != "2024-02-09" {
		t.Fatalf("got %+v, want one report dated 2024-02-09", res.Attacks)
	}
}
