package extract

import "slices"

// Paraphrase families for issue 14 (round 10, English news-page paragraphs),
// written for these tests: invented places, times and figures.
func variantCases16en() []attackCase {
	return slices.Concat(sustainedFamily)
}

// "N people sustained injuries", "two men suffered shrapnel wounds": the
// people counted before the verb were hurt, as with "were injured".
var sustainedFamily = []attackCase{
	{name: "sustained: a further N after the dead", pub: "2026-04-04",
		text: "Two people died when a drone hit a block of flats in the port overnight, the governor said. A further five people sustained injuries.",
		want: map[string]any{"#": 1, "0.casualties.killed": 2, "0.casualties.injured": 5}},
	{name: "sustained: suffered injuries", pub: "2026-04-04",
		text: "Seven people suffered injuries when a drone struck a bus near the market, the governor said.",
		want: map[string]any{"#": 1, "0.casualties.injured": 7, "0.hits.drones": 1}},
	{name: "sustained: shrapnel wounds", pub: "2026-04-04",
		text: "A drone hit a warehouse in the district, the governor said. Two workers sustained shrapnel wounds and were taken to hospital.",
		want: map[string]any{"#": 1, "0.casualties.injured": 2}},
	{name: "sustained: after a national downing figure", pub: "2026-04-04",
		text: "The regional governor said 5 drones were shot down overnight. Three residents suffered light injuries from the blast wave.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 5, "0.casualties.injured": 3}},
	// what must not change
	{name: "sustained: were injured", pub: "2026-04-04",
		text: "Four people were injured when a drone hit a house in the village, the governor said.",
		want: map[string]any{"#": 1, "0.casualties.injured": 4}},
	{name: "sustained: one person's injury described", pub: "2026-04-04",
		text: "A drone attack injured three people in the city, the governor said. One woman suffered a broken arm.",
		want: map[string]any{"#": 1, "0.casualties.injured": 3}},
	{name: "sustained: damage sustained by buildings", pub: "2026-04-04",
		text: "Air defence shot down 12 drones overnight; two houses sustained damage, the governor said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 12, "0.casualties.injured": nil}},
}
