package extract

import "testing"

// Paraphrase family for issue 14 (round 10, 2024-2025 feed items), written
// for these tests: invented places, times and figures.

// A weapon figure after "with" in a clause that names an attack ("hammers
// the south with 120 drones", "a wave of raids, with 90 drones aimed at the
// west") is what the attack used: a launched figure.
var withFamily = []feedCase{
	{name: "with: verb of attack, headline",
		title:   "Russia hammers Ukraine with 120 drones overnight",
		tallies: 1, want: map[string]any{"0.attacker": "RU", "0.launched.drones": 120, "0.period": "overnight"}},
	{name: "with: more than, officials",
		title:   "Moscow batters Ukraine with more than 640 drones in the biggest raid yet, officials say",
		tallies: 1, want: map[string]any{"0.launched.drones": 640}},
	{name: "with: plain attacks",
		title:   "Russia attacks Ukraine with 58 drones, air force says",
		tallies: 1, want: map[string]any{"0.launched.drones": 58}},
	{name: "with: noun of attack in the teaser",
		title:   "Night of raids leaves homes damaged in three regions",
		body:    "A fresh surge of aerial assaults, with 310 drones heading for the centre and west, wounded several people.",
		tallies: 1, want: map[string]any{"0.launched.drones": 310}},
	{name: "with: Ukraine's attack",
		title:   "Ukraine strikes Russian refineries with 90 drones overnight",
		tallies: 1, want: map[string]any{"0.attacker": "UA", "0.launched.drones": 90}},
	{name: "with: a list of two classes",
		title:   "Russia pounds Ukraine with 75 drones and 4 missiles overnight",
		tallies: 1, want: map[string]any{"0.launched.drones": 75, "0.launched.missiles": 4}},
	{name: "with: a list, number words and a comma",
		title:   "Moscow attacks Ukraine with 48 drones, three missiles, air force says",
		tallies: 1, want: map[string]any{"0.launched.drones": 48, "0.launched.missiles": 3}},
	{name: "with: a list, then the downed share",
		title:   "Russia hammers Ukraine with 90 drones and 6 missiles, 80 drones shot down",
		tallies: 1, want: map[string]any{"0.launched.drones": 90, "0.launched.missiles": 6, "0.intercepted.drones": 80}},
	// what must not change
	{name: "with: a ship armed with missiles",
		title: "Russian frigate armed with 8 cruise missiles leaves port, navy says"},
	{name: "with: along with",
		title:   "Russia launched 40 drones along with 3 missiles, the air force said",
		tallies: 1, want: map[string]any{"0.launched.drones": 40, "0.launched.missiles": 3}},
	{name: "with: a verb of its own after the figure",
		title:   "Russia attacks Ukraine overnight with 70 drones, 61 shot down",
		tallies: 1, want: map[string]any{"0.launched.drones": 70, "0.intercepted.drones": 61}},
	{name: "with: no attack named",
		title: "Factory in the Urals ends the year with 500 drones in stock"},
	{name: "with: a deal struck, Ukraine",
		title: "Kyiv strikes a deal to equip its brigades with 300 drones"},
	{name: "with: a unit that targets the front with its drones, no attack",
		title: "A new brigade targets the front with 500 drones a month, its commander says"},
	{name: "with: an agreement struck, Russia",
		title: "Moscow strikes an agreement to arm its regiments with 450 drones from abroad"},
	{name: "with: a record hit",
		title: "Light show over the river hits a record with 900 drones"},
	{name: "with: another war's strike",
		title: "Israel strikes Iran with 150 drones and 40 missiles overnight"},
}

func TestWithInstrumentFamily(t *testing.T) { runFeedCases(t, withFamily) }
