package extract

import "slices"

// Paraphrase families of patterns seen across several development sets at
// once, written for these tests: invented figures and days.
func variantCases21pool() []attackCase {
	return slices.Concat(bracketShareFamily)
}

// A region's share given in brackets after its name, in a list of the
// regions where drones were downed: each bracket is that region's figure,
// and "(N each)" after two names gives N to both. The national figure stays.
var bracketShareFamily = []attackCase{
	{name: "bracket share: names with counted nouns, Ukrainian", pub: "2026-03-03",
		text: "Міноборони Росії повідомило, що вночі збито 14 українських дронів над Орловською (7 БпЛА), Брянською (5 БпЛА) та Курською (2 БпЛА) областями.",
		want: map[string]any{"#": 4, "national#": 1, "0.attacker": "UA", "0.intercepted.drones": 14,
			"1.intercepted.drones": 7, "1.regions": []string{"Oryol"}, "2.intercepted.drones": 5, "2.regions": []string{"Bryansk"},
			"3.intercepted.drones": 2, "3.regions": []string{"Kursk"}}},
	{name: "bracket share: first noun only, English", pub: "2026-03-03",
		text: "Russia's Defence Ministry said 31 Ukrainian drones were shot down overnight, most of them over Kursk (15 drones), Lipetsk (9) and Tula (7).",
		want: map[string]any{"#": 4, "national#": 1, "0.intercepted.drones": 31,
			"1.intercepted.drones": 15, "1.regions": []string{"Kursk"}, "2.intercepted.drones": 9, "2.regions": []string{"Lipetsk"},
			"3.intercepted.drones": 7, "3.regions": []string{"Tula"}}},
	{name: "bracket share: each of two names", pub: "2026-03-03",
		text: "Russia's Defence Ministry said 22 Ukrainian drones were destroyed overnight, over Rostov (12 drones) and Kaluga and Tver (five each).",
		want: map[string]any{"#": 4, "national#": 1, "0.intercepted.drones": 22,
			"1.intercepted.drones": 12, "1.regions": []string{"Rostov"}, "2.intercepted.drones": 5, "2.regions": []string{"Kaluga"},
			"3.intercepted.drones": 5, "3.regions": []string{"Tver"}}},
	{name: "bracket share: a passive verb after the national figure", pub: "2026-03-03",
		text: "Russia's Defence Ministry said 19 Ukrainian drones were destroyed overnight, over Belgorod (11 drones), Kursk (5) and Oryol (3).",
		want: map[string]any{"#": 4, "national#": 1, "0.intercepted.drones": 19,
			"1.intercepted.drones": 11, "1.regions": []string{"Belgorod"}, "3.intercepted.drones": 3, "3.regions": []string{"Oryol"}}},
	{name: "bracket share: the region's noun before the bracket", pub: "2026-03-03",
		text: "Russia's Defence Ministry said 26 Ukrainian drones were destroyed overnight, 17 of them over the Smolensk region (17 drones).",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 26, "1.intercepted.drones": 17, "1.regions": []string{"Smolensk"}}},
	// what must not change
	{name: "bracket share: a type subset in brackets", pub: "2026-03-03",
		text: "Ukraine's Air Force said Russia launched 48 drones (31 of them Shaheds) overnight and 40 were shot down.",
		want: map[string]any{"#": 1, "national#": 1, "0.attacker": "RU", "0.launched.drones": 48}},
	{name: "bracket share: a region named, the bracket a total", pub: "2026-03-03",
		text: "Russia attacked Ukraine overnight (54 drones and 3 missiles), Ukraine's Air Force said; 50 drones were shot down.",
		want: map[string]any{"#": 1, "national#": 1, "0.launched.drones": 54, "0.launched.missiles": 3, "0.intercepted.drones": 50}},
	{name: "bracket share: people in brackets stay people", pub: "2026-03-03",
		text: "A drone struck Kharkiv overnight (3 injured), the mayor said.",
		want: map[string]any{"#": 1, "national#": 0, "0.casualties.injured": 3}},
}
