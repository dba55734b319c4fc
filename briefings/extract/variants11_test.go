package extract

import "slices"

// Paraphrase families of the eleventh round (issue 14, no false national
// reports in English feed items). Every text was written for these tests.
func variantCases11() []attackCase {
	return slices.Concat(neighbourSaidFamily, capitalDefenceFamily)
}

// A neighbour named by itself or by its capital as the one that speaks
// counts what its own air defence met over its own territory, whoever
// launched it: no national report of the war, above all not Ukraine
// attacking Russia.
var neighbourSaidFamily = []attackCase{
	{name: "neighbour said: the state downed a stray Ukrainian missile", pub: "2026-06-11",
		text: "Belarus said its air defence destroyed a Ukrainian S-300 missile that strayed over its southern border on Tuesday.",
		want: map[string]any{"national#": 0}},
	{name: "neighbour said: the capital says it downed one missile", pub: "2026-06-11",
		text: "Minsk says it shot down one Ukrainian S-300 missile while Russian strikes hit Ukraine.",
		want: map[string]any{"national#": 0}},
	{name: "neighbour said: a day word between the state and its verb", pub: "2026-06-11",
		text: "Belarus claimed on Wednesday that its forces shot down seven drones that had crossed into its airspace overnight.",
		want: map[string]any{"national#": 0}},
	{name: "neighbour said: another capital reports a drone", pub: "2026-06-11",
		text: "Warsaw reported that two drones had entered its airspace and one was downed by Polish jets.",
		want: map[string]any{"national#": 0}},
	// what must not change
	{name: "neighbour said: a drone over the neighbour in the Air Force's count", pub: "2026-06-11",
		text: "Russia launched 52 drones at Ukraine overnight and 40 were shot down, while two flew into Belarus, the Ukrainian Air Force said.",
		want: map[string]any{"national#": 1, "0.attacker": "RU", "0.launched.drones": 52, "0.intercepted.drones": 40}},
	{name: "neighbour said: the neighbour's words, then the Air Force's night", pub: "2026-06-11",
		text: "Moldova said one drone had crossed its northern border for a few minutes.\n\nUkraine's Air Force said Russia launched 61 drones overnight and 48 were destroyed.",
		want: map[string]any{"national#": 1, "0.attacker": "RU", "0.launched.drones": 61, "0.intercepted.drones": 48}},
}

// The capital's possessive before its air defences ("Kyiv's air
// defences", "Kyiv's air defence units") names the city's own ring of air
// defence, like any other city's: its count is the capital's, a regional
// report, while the capital's air force, army or troops still name the
// state.
var capitalDefenceFamily = []attackCase{
	{name: "capital defence: the capital's air defences down a night's drones", pub: "2026-06-13",
		text: "Kyiv's air defences destroyed 33 Russian drones in the night, and falling wreckage injured a woman, city officials said.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Kyiv", "0.intercepted.drones": 33}},
	{name: "capital defence: the capital's air defence units and missiles", pub: "2026-06-13",
		text: "Kyiv's air defence units intercepted eight Russian missiles before dawn, officials said.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.intercepted.missiles": 8}},
	// what must not change
	{name: "capital defence: the capital's air force is the state's", pub: "2026-06-13",
		text: "Kyiv's air force said Russia launched 58 drones overnight and 47 were shot down.",
		want: map[string]any{"national#": 1, "0.attacker": "RU", "0.launched.drones": 58, "0.intercepted.drones": 47}},
	{name: "capital defence: the Air Force's national count naming the capital", pub: "2026-06-13",
		text: "Kyiv's air defences shot down 29 of the 34 drones Russia launched across Ukraine overnight, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 34, "0.intercepted.drones": 29}},
}
