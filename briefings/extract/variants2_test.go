package extract

// Paraphrase families of the second round of patterns. Every text was
// written for these tests.
func variantCases2() []attackCase {
	var out []attackCase
	for _, fam := range [][]attackCase{restateFamily, stockFamily} {
		out = append(out, fam...)
	}
	return out
}

// the same figures stated twice: rounded then exact, summary then quote,
// under two time words.
var restateFamily = []attackCase{
	{name: "a rounded lead and the exact figure", pub: "2025-06-02",
		text: "Russia fired over 300 drones at Ukraine overnight. The air force said on Monday that 312 drones and nine missiles had been launched, and 290 drones were shot down.",
		want: map[string]any{"#": 1, "0.launched.drones": 312, "0.launched.missiles": 9, "0.intercepted.drones": 290, "0.qualifiers.launched\\.drones": nil}},
	{name: "almost N, then the exact figure", pub: "2025-06-02",
		text: "Russia sent almost 200 drones against Ukraine overnight Sunday. A total of 187 drones and 4 missiles were launched, the air force said in a statement on Monday.",
		want: map[string]any{"national#": 1, "0.launched.drones": 187, "0.launched.missiles": 4}},
	{name: "a summary and the ministry's quote under another time word", pub: "2025-06-02",
		text: "Russian air defences destroyed 45 Ukrainian drones over the past day, the ministry said. \"During the day, air defence systems destroyed 45 unmanned aerial vehicles,\" it said.",
		want: map[string]any{"#": 1, "national#": 1, "0.intercepted.drones": 45}},
	{name: "the quote with its window and the regions' shares", pub: "2025-06-02",
		text: "Russia's defence ministry said it downed 30 Ukrainian drones overnight. \"Between 11 p.m. on June 1 and 6 a.m., air defences destroyed 30 drones: 20 over the Kursk region and 10 over the Bryansk region,\" it said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 30}},
	{name: "different figures under another date are another attack", pub: "2025-06-02",
		text: "Russia launched 50 drones on the night of May 31. On the night of June 1 it launched 50 drones again.",
		want: map[string]any{"national#": 2}},
	{name: "a rounded figure that cannot be the exact one is another attack", pub: "2025-06-02",
		text: "Russia launched more than 100 drones overnight, the air force said. The previous night Russia had launched 40 drones.",
		want: map[string]any{"national#": 2}},
}

// weapons in stocks, production and supplies are no attack's figures; a
// span of several days is no night.
var stockFamily = []attackCase{
	{name: "drones kept at a struck depot", pub: "2025-06-02",
		text: "Ukrainian drones hit an airfield where about 200 Shahed drones were kept, the General Staff said.",
		want: map[string]any{"#": 0}},
	{name: "drones stored at a site", pub: "2025-06-02",
		text: "The strike on the depot put more than 150 Shahed drones stored at the site out of action, the General Staff said.",
		want: map[string]any{"#": 0}},
	{name: "missiles produced in a month", pub: "2025-06-02",
		text: "Intelligence estimates that 60 ballistic missiles were produced in Russia last month.",
		want: map[string]any{"national#": 0}},
	{name: "missiles delivered by allies", pub: "2025-06-02",
		text: "Ukraine's partners said 40 interceptor missiles were delivered to Kyiv this week.",
		want: map[string]any{"national#": 0}},
	{name: "the past few days", pub: "2025-06-02",
		text: "Over the past few days Russia launched more than 500 drones at Ukraine, the air force said.",
		want: map[string]any{"national#": 0, "0.cumulative": true}},
	{name: "за останні три доби", pub: "2025-06-02",
		text: "За останні три доби противник запустив понад 400 ударних БпЛА.",
		want: map[string]any{"national#": 0, "0.cumulative": true}},
	{name: "in recent days does not make a night's figures a span", pub: "2025-06-02",
		text: "Russia, which has stepped up its attacks in recent days, launched 52 drones overnight, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 52}},
	{name: "drones shot down where they flew is still the attack's", pub: "2025-06-02",
		text: "Air defence shot down 40 drones over the Kyiv and Odesa regions, where 12 others were lost to jamming, the air force said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 40, "0.jammed.drones": 12}},
}
