package extract

import "slices"

// Paraphrase families of the fifth round (issue 14: regional and cumulative
// figures must never be national). Every text was written for these tests.
func variantCases5() []attackCase {
	return slices.Concat(regionalSpeakerFamily, cumulativeSpanFamily, ministryDashListFamily)
}

// A regional official (governor, mayor, head of a region or city, a
// regional military administration) who speaks with no national source in
// the text gives that region's figures, whichever side attacked.
var regionalSpeakerFamily = []attackCase{
	{name: "quote of two sentences, governor named after it", pub: "2026-05-05",
		text: "\"During the night our air defence shot down three Ukrainian drones on the way to Lipetsk. Nobody was hurt, thanks to the soldiers,\" the governor of the Lipetsk region wrote on Telegram on Monday.\n\nA drone was last downed over the region a week ago.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions": "[Lipetsk]", "0.intercepted.drones": 3, "0.source": "regional governor"}},
	{name: "quote first, the mayor after it", pub: "2026-05-05",
		text: "\"Air defence destroyed two Ukrainian drones flying at Voronezh. There is no damage,\" the city's mayor said.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions": "[Voronezh]", "0.intercepted.drones": 2}},
	{name: "governor's post, the figure's sentence names only a district", pub: "2026-05-05",
		text: "The governor of the Oryol region said a drone had been destroyed above the region.\n\nA fixed-wing drone was shot down over the territory of a rural district by air defence units.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.regions": "[Oryol]", "0.intercepted.drones": 1, "0.source": "regional governor"}},
	{name: "forces with a short name in brackets belong to the ministry", pub: "2026-05-05",
		text: "Governor of the Kaluga region: a Ukrainian drone was destroyed over the region.\n\nThe Air Defence Forces (ADF) of the Russian Defence Ministry spotted and destroyed a fixed-wing drone.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.regions": "[Kaluga]", "0.intercepted.drones": 1}},
	{name: "the ministry's forces, possessive, the mayor speaks", pub: "2026-05-05",
		text: "The Defence Ministry's air defence units repelled an attack by three drones flying at Moscow, the mayor of Moscow wrote.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.regions": "[Moscow]", "0.intercepted.drones": 3}},
	{name: "headline names the governor, body the district", pub: "2026-05-05",
		text: "Governor Ivanov: a drone downed over a district of the Tula region\n\nThe head of the Tula region said an unmanned aerial vehicle was destroyed above one of its districts by air defence units.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.regions": "[Tula]", "0.intercepted.drones": 1}},
	{name: "governor with no region word in the figure's sentence", pub: "2026-05-05",
		text: "Kursk region governor Petr Sidorov reported an attempted drone attack on the region.\n\nHe said that air defence units of the Russian Defence Ministry spotted and destroyed an aircraft-type drone.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.regions": "[Kursk]", "0.intercepted.drones": 1}},
	{name: "mayor of Moscow, the ministry only owns the forces", pub: "2026-05-05",
		text: "Moscow mayor: the Defence Ministry's air defence units repelled an attack by four drones flying at the capital, the mayor wrote on Telegram.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.regions": "[Moscow]", "0.intercepted.drones": 4}},
	{name: "no side named, drones flying at a Russian city", pub: "2026-05-05",
		text: "A post on the city's channel: air defence units repelled two drones flying toward Moscow.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 2}},
	{name: "Ukrainian city administration, missiles over the region", pub: "2026-05-05",
		text: "All five missiles fired at the Kyiv region overnight were destroyed, the city military administration said in its morning update.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.regions": "[Kyiv]", "0.intercepted.missiles": 5}},
	{name: "Ukrainian governor, drones over the region", pub: "2026-05-05",
		text: "Overnight air defence destroyed eight drones over the Odesa region, the head of the regional military administration said.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.regions": "[Odesa]", "0.intercepted.drones": 8}},
	// what must not change
	{name: "ministry naming one region is its national claim", pub: "2026-05-05",
		text: "Russia's Defence Ministry said air defence units destroyed 12 Ukrainian drones over the Belgorod region overnight.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 12, "0.source": "Russia's Defence Ministry"}},
	{name: "air force national night beside a governor", pub: "2026-05-05",
		text: "Russia launched 60 drones at Ukraine overnight and 52 were shot down, the air force said. Four of them were downed over the Sumy region, the governor added.",
		want: map[string]any{"national#": 1, "0.launched.drones": 60, "0.intercepted.drones": 52}},
}

// A span of days, a week or a month is a cumulative total, never one
// night's national event.
var cumulativeSpanFamily = []attackCase{
	{name: "throughout the whole week after a night's figure", pub: "2026-05-05",
		text: "The president said Russia launched more than 120 drones at Ukraine last night. Throughout the whole week, Russia used about 900 attack drones, some 700 guided bombs and 40 missiles.",
		want: map[string]any{"national#": 1, "#": 2, "0.launched.drones": 120, "1.cumulative": true, "1.launched.drones": 900, "1.launched.missiles": 40}},
	{name: "throughout the entire week after a passive night's figure", pub: "2026-05-05",
		text: "The president said more than 120 drones were launched against Ukraine last night. Throughout the entire week, Russia used about 900 attack drones and 40 missiles.",
		want: map[string]any{"national#": 1, "#": 2, "0.launched.drones": 120, "1.cumulative": true, "1.launched.drones": 900}},
	{name: "over the full month", pub: "2026-05-05",
		text: "Over the full month Russia fired almost 2,500 drones and 90 missiles at Ukraine, the president said.",
		want: map[string]any{"national#": 0, "0.cumulative": true, "0.launched.drones": 2500}},
	{name: "over the past week alone", pub: "2026-05-05",
		text: "Over the past week Russia fired almost 800 drones and 25 missiles at Ukraine, the president said.",
		want: map[string]any{"national#": 0}},
	{name: "during this month", pub: "2026-05-05",
		text: "During this month alone Russia has launched over 2,000 drones and 90 missiles against Ukraine, the president said.",
		want: map[string]any{"national#": 0}},
	{name: "in the last seven days", pub: "2026-05-05",
		text: "In the last seven days Russia used roughly 1,100 drones and 30 missiles against Ukrainian cities, the president said.",
		want: map[string]any{"national#": 0}},
}

// Russia's Defence Ministry lists each region's share of its total on its
// own line, the count, a dash and the place, the weapon noun left to the
// header ("N UAVs:").
var ministryDashListFamily = []attackCase{
	{name: "dash list under the ministry's total", pub: "2026-05-05",
		text: "Russia's Defence Ministry said on Friday:\nOvernight, air defence units on duty destroyed 15 Ukrainian drones:\n9 – over the territory of the Kursk region,\n4 – over the territory of Belgorod region,\n2 – over the territory of Tula region.",
		want: map[string]any{"national#": 1, "#": 4, "0.intercepted.drones": 15, "1.scope": "regional", "1.regions": "[Kursk]", "1.intercepted.drones": 9, "3.regions": "[Tula]", "3.intercepted.drones": 2}},
	{name: "dash list with a hyphen and the place after it", pub: "2026-05-05",
		text: "The ministry reported:\nAir defence systems intercepted 8 Ukrainian drones overnight:\n5 - above the Bryansk region,\n3 - above the Oryol region.",
		want: map[string]any{"national#": 1, "#": 3, "0.intercepted.drones": 8, "2.regions": "[Oryol]", "2.intercepted.drones": 3}},
	// what must not change
	{name: "numbered prose lines after a colon are no shares", pub: "2026-05-05",
		text: "Russia launched 40 drones at Ukraine overnight and 35 were shot down, the air force said. Key points:\n1 - The strike hit an energy site.\n2 - Two people were hurt.",
		want: map[string]any{"national#": 1, "0.launched.drones": 40, "0.intercepted.drones": 35}},
}
