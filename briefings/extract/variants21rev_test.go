package extract

import "testing"

// Figures of another war (Israel and its neighbours, the Houthis): a sentence
// naming such a party and neither Russia nor Ukraine gives no figure of this
// war. Written for these tests: invented figures and places.
var otherWarFamily = []attackCase{
	{name: "rev21: Israel's defences shot down drones from Yemen", pub: "2025-06-03",
		text: "Israel's air defences shot down 25 drones launched from Yemen overnight.",
		want: map[string]any{"#": 0}},
	{name: "rev21: the Israeli army intercepted missiles", pub: "2025-06-03",
		text: "The Israeli army said it intercepted 4 missiles fired from Yemen.",
		want: map[string]any{"#": 0}},
	{name: "rev21: a headline, defences down drones", pub: "2025-06-03",
		text: "Israel's air defences down 12 drones from Iran",
		want: map[string]any{"#": 0}},
	{name: "rev21: a drone strike in Lebanon kills people", pub: "2025-06-03",
		text: "An Israeli drone strike on a car killed three people in southern Lebanon.",
		want: map[string]any{"#": 0}},
	{name: "rev21: Ukrainian, Israel's defence downed drones from Yemen", pub: "2025-06-03",
		text: "Ізраїльська ППО збила 7 дронів, запущених з Ємену.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "rev21: Russia's attack with Iranian-designed drones", pub: "2025-06-03",
		text: "Russia launched 40 Iranian-designed drones at Ukraine overnight, and 32 were shot down.",
		want: map[string]any{"#": 1, "0.launched.drones": 40, "0.intercepted.drones": 32}},
	{name: "rev21: another war in one sentence, Ukraine's tally in the next", pub: "2025-06-03",
		text: "Israeli jets struck targets in Lebanon. Overnight Russia launched 60 drones at Ukraine, and 50 were downed.",
		want: map[string]any{"#": 1, "0.scope": "national", "0.launched.drones": 60, "0.intercepted.drones": 50}},
}

func TestExtractVariants21rev(t *testing.T) {
	runAttackCases(t, otherWarFamily)
}
