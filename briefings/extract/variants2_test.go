package extract

// Paraphrase families of the second round of patterns. Every text was
// written for these tests.
func variantCases2() []attackCase {
	var out []attackCase
	for _, fam := range [][]attackCase{restateFamily, stockFamily, scopeFamily} {
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

// scope: one region's figures are no national attack; Russia's ministry
// names regions for its national claim.
var scopeFamily = []attackCase{
	{name: "a region's strike told by its governor", pub: "2025-06-02",
		text: "Overnight the enemy struck the Poltava region with drones and missiles. Air defence destroyed 12 drones and 3 missiles. The head of the regional military administration said two people were hurt.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Poltava", "0.intercepted.drones": 12}},
	{name: "the same in Ukrainian, the source named first", pub: "2025-06-02",
		text: "Вночі ворог атакував Полтавщину. Про це повідомили в ОВА. Сили ППО збили 12 дронів і 3 ракети.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Poltava"}},
	{name: "the country named as the target keeps it national", pub: "2025-06-02",
		text: "Russia launched 80 drones at Ukraine overnight and 70 were shot down, most of them over the Poltava region. The regional governor said a warehouse burned.",
		want: map[string]any{"national#": 1, "0.launched.drones": 80}},
	{name: "a place before the figures is theirs", pub: "2025-06-02",
		text: "Над Київщиною та столицею вночі сили ППО збили 20 ворожих дронів.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Kyiv", "0.intercepted.drones": 20}},
	{name: "a place before the figures, in English", pub: "2025-06-02",
		text: "Over the Kyiv region, air defence destroyed 15 drones overnight, the city administration said.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Kyiv"}},
	{name: "the approaches to the city", pub: "2025-06-02",
		text: "Russian drones attacked Odesa overnight. Air defence downed about 9 drones on the approaches to the city, the regional head said.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Odesa"}},
	{name: "a regional air command counts its region", pub: "2025-06-02",
		text: "Повітряне командування «Схід» повідомило, що вночі над Дніпропетровщиною збито 7 ворожих БпЛА.",
		want: map[string]any{"national#": 0, "0.scope": "regional"}},
	{name: "the head of the region speaks for it", pub: "2025-06-02",
		text: "Вночі Харківщину атакували дрони. «Шість БпЛА збили сили ППО», – заявив очільник області.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Kharkiv"}},
	{name: "the ministry's one region is its national claim", pub: "2025-06-02",
		text: "Russia's defence ministry said its air defences destroyed four Ukrainian missiles over the Belgorod region overnight.",
		want: map[string]any{"national#": 1, "0.attacker": "UA", "0.intercepted.missiles": 4, "0.regions.0": "Belgorod"}},
	{name: "Russia said is the ministry's claim", pub: "2025-06-02",
		text: "Russia said it shot down 30 Ukrainian drones over the Kursk region overnight.",
		want: map[string]any{"national#": 1, "0.attacker": "UA", "0.source": "Russia's Defence Ministry", "0.intercepted.drones": 30}},
	{name: "the ministry's total and its regions' shares", pub: "2025-06-02",
		text: "Russia's defence ministry said it destroyed 25 Ukrainian drones overnight: 20 over the Kursk region and 5 over the Oryol region.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 25, "1.scope": "regional", "1.intercepted.drones": 20}},
	{name: "two regions' shares and no total: no national figure", pub: "2025-06-02",
		text: "The Russian defence ministry said air defences destroyed 20 Ukrainian drones over the Kursk region and 5 over the Oryol region.",
		want: map[string]any{"national#": 0}},
	{name: "a governor's count over his region stays his", pub: "2025-06-02",
		text: "Air defences shot down 6 Ukrainian drones over the Bryansk region overnight, the regional governor said.",
		want: map[string]any{"national#": 0, "0.scope": "regional"}},
	{name: "clock times with a zone do not end the sentence", pub: "2025-06-02",
		text: "The ministry said that between 11 p.m. Moscow time and 6 a.m. Moscow time air defences destroyed 40 Ukrainian drones.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 40}},
}
