package extract

import "slices"

// Paraphrase families of the tenth round (issue 14, measured on English feed
// items of world outlets: a headline and a teaser). Every text was written
// for these tests.
func variantCases10() []attackCase {
	return slices.Concat(targetSideFamily, spanCountFamily, warScaleFamily, launchedByFamily, splitTotalFamily, includedFamily)
}

// "Ukrainian" or "Russian" before a counted place ("several Ukrainian
// towns", "dozens of Russian villages") names the side whose places were
// hit, not the side whose weapons flew: only a weapon's adjective says who
// attacked.
var targetSideFamily = []attackCase{
	{name: "target side: missiles at several Ukrainian locations", pub: "2026-05-02",
		text: "Russia launched 14 cruise missiles at several Ukrainian locations overnight, officials said.",
		want: map[string]any{"national#": 1, "0.attacker": "RU", "0.launched.missiles": 14}},
	{name: "target side: drones at four Ukrainian sites", pub: "2026-05-02",
		text: "Russia launched 37 attack drones against four Ukrainian sites on Friday night.",
		want: map[string]any{"0.attacker": "RU", "0.launched.drones": 37}},
	// what must not change
	{name: "target side: Ukrainian drones still name Ukraine's attack", pub: "2026-05-02",
		text: "Air defences destroyed 23 Ukrainian drones over several Russian regions overnight, the ministry said.",
		want: map[string]any{"0.attacker": "UA", "0.intercepted.drones": 23}},
}

// A count of days, weeks or months after "in", "within" or "over" ("in
// three days", "within two weeks") is the span a headline sums several
// nights over: its figures are a cumulative total, not one attack.
var spanCountFamily = []attackCase{
	{name: "span count: downs drones in three days", pub: "2026-05-04",
		text: "Kyiv downs almost 70 Russian drones in three days, the president says",
		want: map[string]any{"national#": 0, "0.cumulative": true}},
	{name: "span count: within two weeks", pub: "2026-05-04",
		text: "Air defence forces destroyed 412 attack drones within two weeks, the air force said.",
		want: map[string]any{"national#": 0, "0.cumulative": true}},
	{name: "span count: over four days after the subject", pub: "2026-05-04",
		text: "Russia fired 38 missiles and 260 drones at Ukraine over four days, officials said.",
		want: map[string]any{"national#": 0}},
	// what must not change
	{name: "span count: in one night stays one attack", pub: "2026-05-04",
		text: "Russia launched 61 drones at Ukraine in one night, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 61}},
	{name: "span count: in two waves is no span", pub: "2026-05-04",
		text: "Russia launched 44 drones at Ukraine overnight in two waves, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 44}},
}

// A count larger than any single attack's (the Air Force's daily data tops
// out near 130 missiles and 810 drones in one attack), stated with no time
// word, is the war's total to date: no national attack report.
var warScaleFamily = []attackCase{
	{name: "war scale: thousands of missiles, the president says", pub: "2026-05-06",
		text: "Russia has fired over 3,800 missiles at Ukraine, the president said.",
		want: map[string]any{"national#": 0, "0.cumulative": true}},
	{name: "war scale: hundreds of one missile type, none downed", pub: "2026-05-06",
		text: "The Russian army has launched more than 260 Kalibr missiles at the country. Few of them were stopped.",
		want: map[string]any{"national#": 0}},
	{name: "war scale: drones destroyed to date", pub: "2026-05-06",
		text: "Ukraine says its forces have destroyed more than 1,400 Shahed drones, an air force spokesman told reporters.",
		want: map[string]any{"national#": 0}},
	// what must not change
	{name: "war scale: a record night below the bound stays one attack", pub: "2026-05-06",
		text: "Russia launched 118 missiles and 41 drones at Ukraine, officials said.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 118}},
	{name: "war scale: a time word keeps a large figure one attack", pub: "2026-05-06",
		text: "Russia launched 1,150 drones at Ukraine overnight, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 1150}},
}

// "Launched by Russia", "fired by Moscow": the side after "by" a participle
// of launching is the attacker, even where a headline before spoke of the
// other side's drone.
var launchedByFamily = []attackCase{
	{name: "launched by: after a headline on a Ukrainian drone", pub: "2026-05-09",
		text: "Moscow says a Ukrainian drone was stopped near the capital\nThat came after Kyiv reported destroying 31 of 44 drones launched by Russia overnight.",
		want: map[string]any{"national#": 1, "0.attacker": "RU", "0.launched.drones": 44}},
	{name: "launched by: fired by Moscow after Ukraine's strike", pub: "2026-05-09",
		text: "Ukrainian drones hit a depot in the Oryol region on Sunday\nKyiv said it shot down 17 of the 20 missiles fired by Moscow the night before.",
		want: map[string]any{"0.attacker": "RU", "0.intercepted.missiles": 17}},
	// what must not change
	{name: "launched by: launched by Ukraine stays Ukraine's", pub: "2026-05-09",
		text: "Russia's ministry said it destroyed 26 drones launched by Ukraine overnight.",
		want: map[string]any{"0.attacker": "UA", "0.intercepted.drones": 26}},
}

// Russia's ministry splits its claim into drones shot down and drones
// jammed; outlets retell the sum as "N destroyed". A later figure of drones
// shot down equal to the two parts together is that sum, not a second
// attack.
var splitTotalFamily = []attackCase{
	{name: "split total: parts first, the sum after with its night", pub: "2026-05-11",
		text: "The ministry said 11 Ukrainian drones were destroyed by air defences and another seven were suppressed by electronic warfare.\nRussian air defences shot down 18 Ukrainian drones over the Bryansk and Kursk regions overnight, the ministry said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 11, "0.jammed.drones": 7}},
	{name: "split total: headline sum, then the parts, then the sum again", pub: "2026-05-11",
		text: "Russia says it destroyed 25 drones\nThe defence ministry said 19 drones were shot down and six more jammed.\nAir defences downed 25 Ukrainian drones overnight, the ministry said.",
		want: map[string]any{"national#": 1, "0.jammed.drones": 6}},
	// what must not change
	{name: "split total: a different figure with its own night stays another attack", pub: "2026-05-11",
		text: "The ministry said on Monday that 11 Ukrainian drones were destroyed by air defences and another seven were jammed.\nOn Tuesday night air defences shot down 30 Ukrainian drones, the ministry said.",
		want: map[string]any{"national#": 2}},
}

// A sentence that opens with the attack or its figures and "included"
// ("The tally included ...", "The barrage included ...") lists parts of the
// attack just told, even with a time word of its own (an earlier wave the
// night before): no second attack.
var includedFamily = []attackCase{
	{name: "included: the figures included an earlier wave", pub: "2026-05-15",
		text: "Ukraine's air force said it had shot down 48 out of 55 cruise missiles on Friday. The figures included an earlier wave of 12 ballistic missiles fired on Thursday night.",
		want: map[string]any{"national#": 1, "0.launched.by_type.ballistic": 12}},
	{name: "included: the barrage included drones", pub: "2026-05-15",
		text: "Russia launched 40 missiles at Ukraine on Tuesday, the air force said. The barrage included 16 attack drones sent overnight.",
		want: map[string]any{"national#": 1, "0.launched.drones": 16}},
	// what must not change
	{name: "included: another night told apart stays another attack", pub: "2026-05-15",
		text: "Ukraine's air force said it had shot down 48 out of 55 cruise missiles on Friday. On Thursday night Russia fired 12 ballistic missiles at Kharkiv and Dnipro, the air force said.",
		want: map[string]any{"national#": 2}},
}
