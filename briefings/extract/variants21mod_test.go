package extract

import "slices"

// Paraphrase families of Ukraine's attacks on Russia as English news tells
// them (Russia's Defence Ministry's lists of places, Russia's regional
// officials), written for these tests: invented figures and days.
func variantCases21mod() []attackCase {
	return slices.Concat(blackSeaFamily, headsFamily, moscowCapitalFamily, attackPlacesFamily, noOneFamily, claimNounFamily)
}

// The ministry lists the Black Sea beside its regions as a place where its
// air defences downed drones; the English name is two words. Its fleet, and a
// port on its coast, are no place of the sea.
var blackSeaFamily = []attackCase{
	{name: "black sea: first of a list", pub: "2026-03-03",
		text: "Russia's defence ministry said 17 Ukrainian drones were destroyed overnight above the Black Sea, the Kursk region and Crimea.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 17, "0.regions": []string{"Black Sea", "Kursk", "Crimea"}}},
	{name: "black sea: a part of the sea, then a region", pub: "2026-03-03",
		text: "Its air defences downed 9 Ukrainian drones over the western part of the Black Sea and the Bryansk region overnight, Russia's Defence Ministry said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 9, "0.regions": []string{"Black Sea", "Bryansk"}}},
	{name: "black sea: last of a list after the Sea of Azov", pub: "2026-03-03",
		text: "Russia's Defence Ministry said its units shot down 14 drones over the Sea of Azov and the Black Sea.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 14, "0.regions": []string{"Sea of Azov", "Black Sea"}}},
	// what must not change
	{name: "black sea: alone after over", pub: "2026-03-03",
		text: "Air defence crews destroyed 4 drones over the Black Sea before dawn, the Russian Defence Ministry said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 4, "0.regions": []string{"Black Sea"}}},
	{name: "black sea: the fleet is no place", pub: "2026-03-03",
		text: "Russia's Defence Ministry said 6 drones flying at the Black Sea Fleet's base were destroyed over Crimea.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 6, "0.regions": []string{"Crimea"}}},
	{name: "black sea: a port on its coast", pub: "2026-03-03",
		text: "Ukraine's air force said Russia launched 20 drones at the Black Sea port of Odesa overnight and 15 were shot down.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.launched.drones": 20, "0.regions": []string{"Odesa"}}},
}

// The heads of Russia's regions, and of Crimea and Sevastopol, named by
// surname alone as the source of a count: the count is their region's, an
// attack by Ukraine, and no national figure.
var headsFamily = []attackCase{
	{name: "heads: surname after the figures", pub: "2026-03-03",
		text: "Seven drones were destroyed over the region overnight, Klychkov wrote on his channel.",
		want: map[string]any{"#": 1, "national#": 0, "0.attacker": "UA", "0.intercepted.drones": 7, "0.regions": []string{"Oryol"}, "0.source": "regional governor"}},
	{name: "heads: according to the surname", pub: "2026-03-03",
		text: "According to Vorobyov, 11 drones were downed in the skies over the region during the night.",
		want: map[string]any{"#": 1, "national#": 0, "0.attacker": "UA", "0.intercepted.drones": 11, "0.regions": []string{"Moscow"}}},
	{name: "heads: surname as the subject", pub: "2026-03-03",
		text: "Slyusar said air defences had repelled the attack and destroyed 13 drones in three districts.",
		want: map[string]any{"#": 1, "national#": 0, "0.attacker": "UA", "0.intercepted.drones": 13, "0.regions": []string{"Rostov"}}},
	{name: "heads: the head of Crimea by surname", pub: "2026-03-03",
		text: "Air defence forces shot down 5 drones over the north of the peninsula, Aksyonov said.",
		want: map[string]any{"#": 1, "national#": 0, "0.attacker": "UA", "0.intercepted.drones": 5, "0.regions": []string{"Crimea"}}},
	{name: "heads: Sevastopol's governor by surname", pub: "2026-03-03",
		text: "Razvozhayev said 3 drones had been shot down over the sea off the city.",
		want: map[string]any{"#": 1, "national#": 0, "0.attacker": "UA", "0.intercepted.drones": 3, "0.regions": []string{"Crimea"}}},
	{name: "heads: Sevastopol named, its governor by office", pub: "2026-03-03",
		text: "Four drones were destroyed near Sevastopol overnight, the city's governor said.",
		want: map[string]any{"#": 1, "national#": 0, "0.attacker": "UA", "0.intercepted.drones": 4, "0.regions": []string{"Crimea"}}},
	// what must not change
	{name: "heads: the ministry's figure beside a head's", pub: "2026-03-03",
		text: "Russia's Defence Ministry said 40 drones were destroyed overnight. Eight of them were over the Rostov region, Slyusar said.",
		want: map[string]any{"national#": 1, "0.attacker": "UA", "0.intercepted.drones": 40}},
	{name: "heads: a governor named by office", pub: "2026-03-03",
		text: "The governor of the Ryazan region said 6 drones were shot down overnight.",
		want: map[string]any{"#": 1, "national#": 0, "0.intercepted.drones": 6, "0.regions": []string{"Ryazan"}}},
}

// "The capital" in a sentence that names Moscow's mayor is Moscow: the
// mayor's count of drones flying at it is the Moscow region's, Ukraine's
// attack, not Kyiv's.
var moscowCapitalFamily = []attackCase{
	{name: "moscow capital: the mayor by office before", pub: "2026-03-03",
		text: "Moscow's mayor said 23 drones flying toward the capital had been shot down since midnight.",
		want: map[string]any{"#": 1, "national#": 0, "0.attacker": "UA", "0.intercepted.drones": 23, "0.regions": []string{"Moscow"}}},
	{name: "moscow capital: the mayor named after the figure", pub: "2026-03-03",
		text: "Eight more drones were downed on their approach to the capital, Moscow Mayor Sergei Sobyanin wrote.",
		want: map[string]any{"#": 1, "national#": 0, "0.attacker": "UA", "0.intercepted.drones": 8, "0.regions": []string{"Moscow"}}},
	{name: "moscow capital: the mayor of Moscow", pub: "2026-03-03",
		text: "Air defence units destroyed 4 drones heading for the capital, the mayor of Moscow said.",
		want: map[string]any{"#": 1, "national#": 0, "0.attacker": "UA", "0.regions": []string{"Moscow"}}},
	{name: "moscow capital: the surname alone", pub: "2026-03-03",
		text: "Sobyanin said 6 drones targeting the capital were destroyed by air defences.",
		want: map[string]any{"#": 1, "national#": 0, "0.attacker": "UA", "0.regions": []string{"Moscow"}}},
	// what must not change
	{name: "moscow capital: Kyiv's mayor", pub: "2026-03-03",
		text: "Kyiv's mayor said 9 drones heading for the capital had been destroyed.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.regions": []string{"Kyiv"}}},
	{name: "moscow capital: the air force's capital", pub: "2026-03-03",
		text: "Russia launched 35 drones at Ukraine overnight and 10 were downed near the capital, the air force said.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.regions": []string{"Kyiv"}}},
}

// A sentence without figures that tells where the attack went gives the
// attack its places: the ministry's wording of an attack made with drones
// over a list of regions, and drones "reported" or "spotted" over regions.
var attackPlacesFamily = []attackCase{
	{name: "attack places: attack with drones over a list", pub: "2026-03-03",
		text: "Russia's Defence Ministry said its air defences destroyed 21 drones overnight. It said Kyiv had tried to carry out an attack with aircraft-type drones over the Tver, Smolensk and Pskov regions.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 21, "0.regions": []string{"Tver", "Smolensk", "Pskov"}}},
	{name: "attack places: attacks using drones, places first", pub: "2026-03-03",
		text: "Russia's Defence Ministry reported 16 drones downed. It said the attacks using long-range drones came over Crimea and the Kursk region.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 16, "0.regions": []string{"Crimea", "Kursk"}}},
	{name: "attack places: drones reported in regions", pub: "2026-03-03",
		text: "Russia's Defence Ministry said 19 Ukrainian drones were shot down before dawn. Drones were also reported in the Lipetsk and Tambov regions.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 19, "0.regions": []string{"Lipetsk", "Tambov"}}},
	{name: "attack places: a drone spotted over a region", pub: "2026-03-03",
		text: "Russia's Defence Ministry said 8 drones were destroyed overnight. Drones were spotted over the Kaluga region as well.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 8, "0.regions": []string{"Kaluga"}}},
	// what must not change
	{name: "attack places: attacks on refineries this year", pub: "2026-03-03",
		text: "Russia's Defence Ministry said it destroyed 10 drones overnight. Kyiv has stepped up its attacks on refineries in the Samara and Saratov regions this year.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 10, "0.regions": nil}},
	{name: "attack places: the governor reported", pub: "2026-03-03",
		text: "Russia's Defence Ministry said it destroyed 12 drones overnight. Damage to a house was reported by the governor of the Belgorod region.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 12, "0.regions": nil}},
}

// "No one was hurt" counts nobody: the "one" after "no" is no figure of
// people, beside a count of drones or in a text of damage alone.
var noOneFamily = []attackCase{
	{name: "no one: after a count of drones", pub: "2026-03-03",
		text: "Air defences destroyed 15 drones over the Bryansk region overnight, the governor said, adding that no one was hurt.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 15, "0.casualties.injured": nil}},
	{name: "no one: a fire and no one injured", pub: "2026-03-03",
		text: "A depot in the Oryol region caught fire after an overnight drone attack, Klychkov said. He said no one had been injured.",
		want: map[string]any{"#": 0}},
	{name: "no one: a drone count and no one killed", pub: "2026-03-03",
		text: "Russia's Defence Ministry said it destroyed 30 drones overnight and no one was killed.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 30, "0.casualties.killed": nil}},
	// what must not change
	{name: "no one: one person injured", pub: "2026-03-03",
		text: "Air defences destroyed 15 drones over the Bryansk region overnight, the governor said; one person was injured.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 15, "0.casualties.injured": 1}},
}

// The ministry's claim told as a noun: "the destruction of N drones", "the
// elimination of N", "the interception of N", as "the downing of N" is.
var claimNounFamily = []attackCase{
	{name: "claim noun: destruction of", pub: "2026-03-03",
		text: "On Monday Russia's Defence Ministry announced the destruction of 26 Ukrainian drones over the Kursk and Oryol regions.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 26, "0.regions": []string{"Kursk", "Oryol"}}},
	{name: "claim noun: elimination of", pub: "2026-03-03",
		text: "The Russian Defence Ministry reported the elimination of 31 drones in four hours.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 31}},
	{name: "claim noun: interception of", pub: "2026-03-03",
		text: "Russia's Defence Ministry claimed the interception of 44 drones over six regions overnight.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 44}},
	// what must not change
	{name: "claim noun: downing of", pub: "2026-03-03",
		text: "Russia's Defence Ministry confirmed the downing of 17 drones overnight.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 17}},
	{name: "claim noun: destruction on the ground", pub: "2026-03-03",
		text: "Russia's Defence Ministry said 9 drones were destroyed overnight; the governor reported no destruction or casualties.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 9, "0.casualties.injured": nil}},
}
