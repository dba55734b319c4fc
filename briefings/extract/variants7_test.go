package extract

import "slices"

// Paraphrase families of the seventh round (issue 14: no false national
// reports): a third country's ministry, army or command speaks for its own
// airspace, and a bare "the ministry" after it is that ministry, not
// Russia's. Every text was written for these tests.
func variantCases7() []attackCase {
	return slices.Concat(thirdCountryFamily, bareMinistryFamily, thirdSpeakerFamily)
}

// A neighbour's authorities count what crossed their own airspace or fell
// on their soil: no national report, never Ukraine as the attacker; the Air
// Force's figures in the same text stay.
var thirdCountryFamily = []attackCase{
	{name: "neighbour's ministry, then the bare ministry on its drone", pub: "2026-09-14",
		text: "Moldova reports another drone over its territory during Russian strikes on Ukraine\n\nThe Moldovan Ministry of Defence said on Monday that an unidentified object had flown over the north of the country for several minutes.\n\nThe ministry stated that the drone was detected by air surveillance radar before it flew back towards Ukraine.",
		want: map[string]any{"#": 0}},
	{name: "ministry named in a source line, the figure in a later paragraph", pub: "2026-09-14",
		text: "Source: Moldova's Ministry of Defence on Telegram\n\nDetails: The ministry said one drone was detected crossing into Moldovan airspace at 06:12; it left four minutes later.",
		want: map[string]any{"#": 0}},
	{name: "neighbour's defence minister gives a count of drones downed", pub: "2026-09-14",
		text: "Polish Defence Minister Jan Nowak told journalists that allied jets shot down four drones which had violated Polish airspace overnight.",
		want: map[string]any{"#": 0}},
	{name: "operational command scrambles jets, the bare defence ministry counts", pub: "2026-09-14",
		text: "Poland's Operational Command said Polish and allied aircraft had been scrambled and ground-based air defence put on the highest alert. The defence ministry said the jets had shot down three drones over Polish territory.",
		want: map[string]any{"#": 0}},
	{name: "command of the armed forces in an of-phrase, then the bare ministry", pub: "2026-09-14",
		text: "Polish and allied fighter jets were scrambled before dawn, the Operational Command of the Polish Armed Forces said. The Defence Ministry said later that the jets had destroyed two of the drones.",
		want: map[string]any{"#": 0}},
	{name: "operational command scrambles jets, the Air Force counts the night", pub: "2026-09-14",
		text: "Polish and allied fighter jets were scrambled before dawn on Wednesday, Poland's Operational Command said, as Russia struck western Ukraine.\n\nRussia launched 96 drones and seven missiles overnight, and 81 drones and five missiles were shot down, Ukraine's Air Force said.",
		want: map[string]any{"#": 1, "national#": 1, "0.attacker": "RU", "0.launched.drones": 96, "0.intercepted.drones": 81, "0.source": "Ukraine's Air Force"}},
	{name: "neighbour's ministry: drones detected, fragments of one found", pub: "2026-09-14",
		text: "Romania's defence ministry said two drones were detected in its airspace and fragments of one of them were found near the river.",
		want: map[string]any{"#": 0}},
	{name: "drones detected first, the neighbour's ministry after, then the bare one on debris", pub: "2026-09-14",
		text: "Two drones were detected over the Danube delta, Romania's defence ministry said, and the ministry said the debris of one was found.",
		want: map[string]any{"#": 0}},
	{name: "neighbour's ministry counts drone fragments only", pub: "2026-09-14",
		text: "The Romanian Defense Ministry said the fragments of three drones had been found in a field after Russian strikes on the Ukrainian port across the river.",
		want: map[string]any{"#": 0}},
	{name: "radars of a neighbour's air force, the bare ministry speaks", pub: "2026-09-14",
		text: "Radars of the Romanian Air Force detected three drones near the border during the night, the defence ministry said.",
		want: map[string]any{"#": 0}},
	{name: "a neighbour's air force jets down drones", pub: "2026-09-14",
		text: "Polish Air Force jets shot down three drones that entered the country's airspace, Poland's armed forces said.",
		want: map[string]any{"#": 0}},
	{name: "a Baltic state's armed forces detect drones", pub: "2026-09-14",
		text: "Lithuania's armed forces said two drones were detected over the country overnight.",
		want: map[string]any{"#": 0}},
	{name: "a Baltic army downs a drone", pub: "2026-09-14",
		text: "The Latvian army said one drone was shot down near the border with Belarus.",
		want: map[string]any{"#": 0}},
	{name: "allied neighbour of Russia downs drones over its own region", pub: "2026-09-14",
		text: "Belarus's Defence Ministry said its air defences shot down five drones over the south of the country overnight.",
		want: map[string]any{"#": 0}},
	{name: "the Air Force's night first, then a neighbour's ministry on two of the drones", pub: "2026-09-14",
		text: "Russia launched 70 drones at Ukraine overnight and 55 of them were shot down, the Ukrainian Air Force said. Romania's Defense Ministry said two drones had been detected in Romanian airspace for a few minutes, and the ministry added that two F-16 jets were scrambled.",
		want: map[string]any{"#": 1, "national#": 1, "0.attacker": "RU", "0.launched.drones": 70, "0.intercepted.drones": 55}},
	{name: "a neighbour's ministry first, the Air Force's night after it", pub: "2026-09-14",
		text: "Moldova's Defense Ministry reported that a drone was detected in the country's airspace early on Friday and left it soon after. The ministry said the drone came from Ukraine's Odesa region.\n\nEarlier on Friday, Ukraine's Air Force said it had shot down 44 of the 63 drones launched by Russia overnight.",
		want: map[string]any{"#": 1, "national#": 1, "0.attacker": "RU", "0.launched.drones": 63, "0.intercepted.drones": 44, "0.source": "Ukraine's Air Force"}},
}

// A bare "the ministry" in a text that names Russia's ministry, or no
// ministry at all, stays Russia's.
var bareMinistryFamily = []attackCase{
	{name: "Russia's ministry named, the bare ministry adds a figure", pub: "2026-09-14",
		text: "Russia's Defence Ministry said Kyiv had attacked again overnight. The ministry said 31 Ukrainian drones were destroyed by its air defences.",
		want: map[string]any{"national#": 1, "0.attacker": "UA", "0.intercepted.drones": 31, "0.source": "Russia's Defence Ministry"}},
	{name: "no ministry named before, the bare Defence Ministry is Russia's", pub: "2026-09-14",
		text: "The Defence Ministry said 40 Ukrainian drones were shot down over Russian regions overnight.",
		want: map[string]any{"national#": 1, "0.attacker": "UA", "0.intercepted.drones": 40, "0.source": "Russia's Defence Ministry"}},
	{name: "a neighbour's ministry, then Russia's named, then the bare ministry", pub: "2026-09-14",
		text: "Belarus's defence ministry said its jets had been on duty through the night. Russia's Defence Ministry said Ukraine attacked with drones after midnight. The ministry said 26 Ukrainian drones were shot down.",
		want: map[string]any{"national#": 1, "0.attacker": "UA", "0.intercepted.drones": 26, "0.source": "Russia's Defence Ministry"}},
}

// A third country's head of government, president or armed forces speak
// for it too; figures with no source, side or place of the war after them
// are still theirs; a bare "the ministry" in a sentence about a third
// country (the first state it names, no region of the war) is that
// country's.
var thirdSpeakerFamily = []attackCase{
	{name: "neighbour's prime minister counts drones over the country", pub: "2026-09-14",
		text: "The Polish prime minister told parliament that 23 drones had crossed into Polish airspace overnight and that allied jets destroyed six of them.",
		want: map[string]any{"#": 0}},
	{name: "neighbour's president counts missiles and drones", pub: "2026-09-14",
		text: "Moldova's president said two missiles and three drones were detected over the country during the night.",
		want: map[string]any{"#": 0}},
	{name: "prime minister first, the downed share in the next sentence", pub: "2026-09-14",
		text: "Polish Prime Minister Adam Kowal reported that 17 drones were detected in the country's airspace overnight. Air defence units downed three of them, the last shortly before seven.",
		want: map[string]any{"#": 0}},
	{name: "armed forces first, the downed count in the next paragraph", pub: "2026-09-14",
		text: "Poland's armed forces said drones had entered the country's airspace again and again during the night.\n\nFive drones were shot down by allied fighter jets, and the search for their debris goes on.",
		want: map[string]any{"#": 0}},
	{name: "the country is the subject, the bare ministry speaks twice", pub: "2026-09-14",
		text: "NATO member Romania was searching for debris after drones were spotted in its airspace during a Russian attack on Ukraine's Danube ports, the defence ministry said on Sunday. The ministry said one drone was detected by radar for ten minutes.",
		want: map[string]any{"#": 0}},
	{name: "drones over the neighbour's territory, the bare ministry", pub: "2026-09-14",
		text: "Two drones were detected over Romanian territory overnight, the defence ministry said.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "a sentence with a side after the neighbour's command is the attack's", pub: "2026-09-14",
		text: "Poland's Operational Command said Polish and allied jets were scrambled overnight.\n\nRussia launched 80 drones at Ukraine overnight, and 65 of them were shot down.",
		want: map[string]any{"#": 1, "national#": 1, "0.attacker": "RU", "0.launched.drones": 80, "0.intercepted.drones": 65}},
	{name: "a neighbour named first, a Russian region after it: Russia's claim", pub: "2026-09-14",
		text: "Near the border with Belarus, 14 drones were destroyed over the Bryansk region overnight, the Defence Ministry said.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 14, "0.source": "Russia's Defence Ministry"}},
}
