package extract

import "slices"

// Paraphrase families for issue 14 (round 7, English feed items), written
// for these tests: invented places, times and figures.
func variantCases14() []attackCase {
	return slices.Concat(oneOfMostFamily)
}

// "one of the biggest attacks": a ranking among attacks, never a count of one
// weapon (it made a second report of one drone beside the night's tally).
var oneOfMostFamily = []attackCase{
	{name: "one of the biggest attacks before the tally", pub: "2026-04-04",
		text: "The capital fought off a drone raid overnight in one of the biggest attacks on the city this year. Air defence destroyed 33 of 36 drones fired by Russia, the air force said.",
		want: map[string]any{"#": 1, "national#": 1, "0.launched.drones": 36, "0.intercepted.drones": 33}},
	{name: "repelled a raid in one of the biggest attacks, then the tally", pub: "2026-04-04",
		text: "The capital repelled a drone raid overnight in one of the biggest attacks on the city this year. Air defence destroyed 33 of 36 drones fired by Russia, the air force said.",
		want: map[string]any{"#": 1, "national#": 1, "0.launched.drones": 36, "0.intercepted.drones": 33}},
	{name: "shot down dozens in one of the heaviest attacks, then the tally", pub: "2026-04-04",
		text: "Ukraine said it shot down dozens of drones overnight in one of the largest attacks on the capital this spring. Air defence destroyed 40 of 44 drones fired by Russia, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 44, "0.intercepted.drones": 40}},
	{name: "one of the most intense nights", pub: "2026-04-04",
		text: "Air defence fought off a drone raid on the port in one of the most intense nights of the war; 19 drones were shot down, the military said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 19}},
	{name: "one of the largest, the Russian side", pub: "2026-04-04",
		text: "Russia's defence ministry said it shot down 27 Ukrainian drones overnight, in one of the largest raids on its southern regions.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 27}},
	// what must not change
	{name: "one of the drones still counts one", pub: "2026-04-04",
		text: "One of the drones struck a warehouse in Ivanivka overnight, the governor said.",
		want: map[string]any{"#": 1, "0.hits.drones": 1}},
	{name: "one of the missiles shot down", pub: "2026-04-04",
		text: "The air force said one of the missiles was shot down and 12 drones were destroyed overnight.",
		want: map[string]any{"#": 1, "0.intercepted.missiles": 1, "0.intercepted.drones": 12}},
}
