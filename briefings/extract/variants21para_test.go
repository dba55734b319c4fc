package extract

import "slices"

// Paraphrase families for issue 14 (round 21, English news-page
// paragraphs), written for these tests: invented places, times and figures.
func variantCases21para() []attackCase {
	return slices.Concat(phrasalAsideFamily)
}

// A sentence with no figure after a national count may say where or with
// what the counted weapons were stopped: "the drones were shot down over
// the X, Y and Z regions", "the Shahed drones were taken down over four
// regions". Its predicate can be a verb of several words, as "downed" is
// one word: the regions and the type are the event's either way.
var phrasalAsideFamily = []attackCase{
	{name: "phrasal aside: regions after a bare plural", pub: "2026-03-14",
		text: "Air defence destroyed all 16 attack drones sent overnight, the air force commander said. Drones were shot down in the Kharkiv, Sumy and Poltava regions.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 16, "0.regions": []string{"Kharkiv", "Sumy", "Poltava"}}},
	{name: "phrasal aside: regions after the definite plural", pub: "2026-03-14",
		text: "The air force said 11 of 15 drones were destroyed overnight. It said the drones were shot down over the Odesa and Mykolaiv regions.",
		want: map[string]any{"national#": 1, "0.launched.drones": 15, "0.regions": []string{"Odesa", "Mykolaiv"}}},
	{name: "phrasal aside: the type of the counted drones", pub: "2026-03-14",
		text: "Ukrainian air defences downed 12 of 20 Russian drones in the night, the air force said on Sunday. The statement said the Shahed drones were shot down above three southern regions.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 12, "0.weapons": []string{"drone", "Shahed"}}},
	// what must not change
	{name: "phrasal aside: one-word verb", pub: "2026-03-14",
		text: "The air force said 11 of 15 drones were destroyed overnight. It said the drones were downed over the Odesa and Mykolaiv regions.",
		want: map[string]any{"national#": 1, "0.launched.drones": 15, "0.regions": []string{"Odesa", "Mykolaiv"}}},
	{name: "phrasal aside: a sentence of no weapon names no region of the attack", pub: "2026-03-14",
		text: "The air force said 11 of 15 drones were destroyed overnight. Power was cut off in parts of the Odesa region until the morning.",
		want: map[string]any{"national#": 1, "0.launched.drones": 15, "0.regions": nil}},
}
