package extract

import "slices"

// Paraphrase families for issue 14 (round 10, English news-page paragraphs),
// written for these tests: invented places, times and figures.
func variantCases16en() []attackCase {
	return slices.Concat(sustainedFamily, headingFamily, regionHeadFamily, ofThemFamily)
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

// "N drones were heading towards the capital", "N drones headed toward the
// city": with no other verb after it in the sentence, the direction is the
// predicate and the drones were sent; with a verb after it ("drones heading
// for the city were shot down") it only describes them.
var headingFamily = []attackCase{
	{name: "heading: were heading towards, then all destroyed", pub: "2026-04-04",
		text: "Up to a dozen hostile drones were heading towards the capital overnight, the city administration said. All of them were destroyed on the outskirts.",
		want: map[string]any{"#": 1, "0.launched.drones": 12, "0.intercepted.drones": 12}},
	{name: "heading: were headed towards, then all destroyed", pub: "2026-04-04",
		text: "Preliminarily, as many as nine drones were headed towards the city, the mayor said. But all the attack drones were destroyed on the approaches.",
		want: map[string]any{"#": 1, "0.launched.drones": 9}},
	{name: "heading: headed toward as the finite verb", pub: "2026-04-04",
		text: "Twenty drones headed toward Odesa overnight, the governor said. Air defence destroyed 18 of them.",
		want: map[string]any{"#": 1, "0.launched.drones": 20, "0.intercepted.drones": 18}},
	{name: "heading: missiles heading for the west", pub: "2026-04-04",
		text: "The air force said 14 cruise missiles were heading for the western regions at dawn.",
		want: map[string]any{"#": 1, "0.launched.missiles": 14}},
	// what must not change
	{name: "heading: the participle before the verb of downing", pub: "2026-04-04",
		text: "Two attack drones heading towards the capital were then shot down, the mayor said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 2, "0.launched.drones": nil}},
	{name: "heading: the participle after the object", pub: "2026-04-04",
		text: "Air defence shot down 19 drones heading toward the capital, the mayor said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 19, "0.launched.drones": nil}},
	{name: "heading: headed for, then destroyed", pub: "2026-04-04",
		text: "Five drones headed for the capital were destroyed overnight, the mayor said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 5, "0.launched.drones": nil}},
}

// Russia's republics and Crimea have heads, not governors: "regional head
// X said", "the head of the republic said", "the Moscow-installed head of
// Crimea said" name one region's official, whose count is that region's
// share, also after the other side's national figures. The republics are
// regions of the map (a fact, not a pattern of text); "North" is part of
// North Ossetia's name.
var regionHeadFamily = []attackCase{
	{name: "region head: regional head after the Air Force", pub: "2026-04-04",
		text: "The air force said it downed 11 of 15 Russian drones. Meanwhile, Russian air defences destroyed four Ukrainian drones near a town in North Ossetia, regional head Petr Ivanov said.",
		want: map[string]any{"#": 2, "national#": 1, "1.scope": "regional", "1.intercepted.drones": 4, "1.regions": []any{"North Ossetia"}}},
	{name: "region head: head of the republic", pub: "2026-04-04",
		text: "The air force said it downed 11 of 15 Russian drones. Meanwhile, two Ukrainian drones were destroyed over Dagestan, the head of the republic said.",
		want: map[string]any{"#": 2, "national#": 1, "1.scope": "regional", "1.intercepted.drones": 2}},
	{name: "region head: appointed head of Crimea as the subject", pub: "2026-04-04",
		text: "The air force said it downed 11 of 15 Russian drones. Later, Petr Ivanov, the Moscow-installed head of Crimea, said three drones were shot down over the peninsula.",
		want: map[string]any{"#": 2, "national#": 1, "1.scope": "regional", "1.intercepted.drones": 3, "1.regions": []any{"Crimea"}}},
	{name: "region head: a republic alone", pub: "2026-04-04",
		text: "Air defences destroyed five Ukrainian drones over Bashkortostan overnight, the republic's head said.",
		want: map[string]any{"#": 1, "0.scope": "regional", "0.regions": []any{"Bashkortostan"}}},
	// what must not change
	{name: "region head: the ministry's count naming a region", pub: "2026-04-04",
		text: "The air force said it downed 11 of 15 Russian drones. Meanwhile, Russian air defences destroyed three Ukrainian drones over the Belgorod region, the ministry said.",
		want: map[string]any{"#": 2, "national#": 2}},
	{name: "region head: the head of a city administration", pub: "2026-04-04",
		text: "Up to a dozen drones were destroyed on the approaches to the capital, said the head of the Kyiv City Military Administration.",
		want: map[string]any{"#": 1, "0.scope": "regional", "0.source": "mayor"}},
	{name: "region head: the head of the air force", pub: "2026-04-04",
		text: "Russia launched 40 drones overnight, the head of the air force said.",
		want: map[string]any{"#": 1, "0.scope": "national", "0.launched.drones": 40}},
}

// "launched N drones ... and downed M of them": "them" is the figure of the
// same class before it in the sentence, not a figure of an earlier sentence
// (another side's claim, a governor's count); a share of it only when both
// count the same outcome ("destroyed 40 drones, 12 of them over a region").
var ofThemFamily = []attackCase{
	{name: "of them: after the other side's claim", pub: "2026-04-04",
		text: "Moscow's defence ministry said it destroyed 33 Ukrainian drones over four regions overnight. Kyiv's air force said Russia sent 80 drones at Ukraine and downed 52 of them, while 20 others were lost.",
		want: map[string]any{"#": 2, "1.attacker": "RU", "1.launched.drones": 80, "1.intercepted.drones": 52, "1.jammed.drones": 20}},
	{name: "of them: after a governor's count", pub: "2026-04-04",
		text: "Six drones were downed over the Sumy region, governor Petr Ivanov said. The air force said Russia launched 70 drones overnight and shot down 49 of them.",
		want: map[string]any{"national#": 1, "0.launched.drones": 70, "0.intercepted.drones": 49}},
	{name: "of them: missiles after a claim of missiles", pub: "2026-04-04",
		text: "Russia's ministry said it intercepted 4 Ukrainian missiles over Crimea. Ukraine's air force said Russia fired 12 missiles overnight and destroyed 9 of them.",
		want: map[string]any{"#": 2, "1.launched.missiles": 12, "1.intercepted.missiles": 9}},
	// what must not change
	{name: "of them: a share of the same outcome", pub: "2026-04-04",
		text: "The air force said it shot down 40 drones overnight, 12 of them over the Kharkiv region.",
		want: map[string]any{"0.intercepted.drones": 40}},
	{name: "of them: the referent in the sentence before", pub: "2026-04-04",
		text: "Russia launched 90 drones overnight. The air force said it shot down 61 of them.",
		want: map[string]any{"#": 1, "0.launched.drones": 90, "0.intercepted.drones": 61}},
	{name: "of them: a type share of the sentence before", pub: "2026-04-04",
		text: "Russia launched 90 drones overnight, the air force said. Over 50 of them were Shahed-type.",
		want: map[string]any{"#": 1, "0.launched.drones": 90}},
}
