package extract

import "testing"

// Paraphrase families for issue 14 (round 21, English feed items), written
// for these tests: invented places, times and figures.

// Headline English drops the verb's ending after a plural subject: "air
// defences down 37 drones" says they downed them.
var defencesDownFamily = []feedCase{
	{name: "down: Russia's defences, Ukraine's drones",
		title:   "Russian air defences down 37 Ukrainian drones over border regions",
		tallies: 1, want: map[string]any{"0.attacker": "UA", "0.intercepted.drones": 37}},
	{name: "down: Ukraine's defences, of",
		title:   "Ukrainian air defenses down 52 of 61 Russian drones",
		tallies: 1, want: map[string]any{"0.attacker": "RU", "0.launched.drones": 61, "0.intercepted.drones": 52}},
	{name: "down: a governor's region",
		title: "Air defences down 19 drones over the Kursk region, governor says",
		want:  map[string]any{"0.scope": "regional", "0.intercepted.drones": 19}},
	{name: "down: a teaser under a headline without figures",
		title:   "Night of raids on the south",
		body:    "Russian air defences down 44 Ukrainian drones overnight, officials say.",
		tallies: 1, want: map[string]any{"0.attacker": "UA", "0.intercepted.drones": 44}},
	// what must not change
	{name: "down: defences out of action, no figure of weapons",
		title: "Air defences down for hours as power cut hits 40 towns"},
	{name: "down: a comma after it",
		title: "With its air defences down, the port was hit by 12 drones",
		want:  map[string]any{"0.hits.drones": 12}},
}

func TestDefencesDownFamily(t *testing.T) { runFeedCases(t, defencesDownFamily) }

// A headline's attribution with no article or state ("..., ministry says",
// "... - ministry said") after a report of Russia defending is Russia's
// ministry, as "the ministry" is; after Ukraine defending it names no one.
var headlineMinistryFamily = []feedCase{
	{name: "ministry: comma, says",
		title:   "Russian air defences shot down 58 Ukrainian drones overnight, ministry says",
		tallies: 1, want: map[string]any{"0.attacker": "UA", "0.source": "Russia's Defence Ministry"}},
	{name: "ministry: dash, said, a day",
		title:   "Russia downs 23 Ukrainian drones over four regions - ministry said on Monday",
		tallies: 1, want: map[string]any{"0.intercepted.drones": 23, "0.source": "Russia's Defence Ministry"}},
	{name: "ministry: headline attribution over a teaser without one",
		title:   "Russian air defences down 31 Ukrainian drones, ministry says",
		body:    "Most of the drones were destroyed over the Belgorod and Kursk regions near the border.",
		tallies: 1, want: map[string]any{"0.intercepted.drones": 31, "0.source": "Russia's Defence Ministry"}},
	// what must not change
	{name: "ministry: Ukraine defending",
		title:   "Ukraine downs 40 of 46 Russian drones, ministry says",
		tallies: 1, want: map[string]any{"0.attacker": "RU", "0.source": nil}},
	{name: "ministry: another ministry named",
		title:   "Russia launched 70 drones overnight, Ukraine's foreign ministry said",
		tallies: 1, want: map[string]any{"0.attacker": "RU", "0.source": nil}},
}

func TestHeadlineMinistryFamily(t *testing.T) { runFeedCases(t, headlineMinistryFamily) }
