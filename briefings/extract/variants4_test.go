package extract

import "slices"

// Paraphrase families of the fourth round of patterns (failures that recur in
// two or more labelled texts). Every text was written for these tests.
func variantCases4() []attackCase {
	return slices.Concat(partOfPlacesFamily, governorQuoteFamily, spelledSingularFamily, detectedAndDownedFamily)
}

// "one of the districts", "one of the biggest raids": "N of the" before a
// noun phrase that names no weapon is a part of places or events, not a
// count of the weapons named before.
var partOfPlacesFamily = []attackCase{
	{name: "vague drones destroyed in one of the districts", pub: "2026-05-05",
		text: "Air defence units shot down several drones in one of the districts of the region, the governor wrote.",
		want: map[string]any{"#": 0}},
	{name: "one of the biggest raids", pub: "2026-05-05",
		text: "Russia sent drones and missiles against Ukraine overnight in one of the biggest raids of the year.",
		want: map[string]any{"#": 0}},
	{name: "one of the regions after the count", pub: "2026-05-05",
		text: "Air defence destroyed 27 drones overnight, the air force said. Debris fell in one of the northern regions.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 27}},
	{name: "two of the villages", pub: "2026-05-05",
		text: "Drones hit two of the border villages overnight, the governor said, without giving a number.",
		want: map[string]any{"#": 0}},
	{name: "N of the weapons still counts", pub: "2026-05-05",
		text: "Russia fired 12 missiles overnight; air defence destroyed 9 of the cruise missiles, the air force said.",
		want: map[string]any{"#": 1, "0.launched.missiles": 12, "0.intercepted.missiles": 9}},
	{name: "N of the unmanned aerial vehicles still counts", pub: "2026-05-05",
		text: "Russia launched 50 drones overnight and 44 of the unmanned aerial vehicles were shot down, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 50, "0.intercepted.drones": 44}},
}

// a governor named in the lead goes on speaking in the paragraph of the
// quote ("he wrote", "she added"); the ministry named as the owner of the
// forces that shot the drones down is not the speaker.
var governorQuoteFamily = []attackCase{
	{name: "he added, ministry as owner", pub: "2026-05-05",
		text: "Drones were repelled over the Kursk region, Governor Ivan Petrov said.\n\n\"Five drones were destroyed over the Kursk region by air defence units of the Russian Defence Ministry,\" he added.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.intercepted.drones": 5, "0.source": "regional governor"}},
	{name: "she wrote, quote in its own paragraph", pub: "2026-05-05",
		text: "Three drones were shot down over the Lipetsk region overnight, the regional governor said.\n\n\"Air defence systems detected and shot down three drones in the skies of the region,\" she wrote on Telegram.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.intercepted.drones": 3, "0.source": "regional governor"}},
	{name: "according to him, forces of the Ministry of Defence", pub: "2026-05-05",
		text: "The governor of the Tula region reported an attack by drones.\n\nAccording to him, six drones were destroyed by air defence forces of the Ministry of Defence.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.intercepted.drones": 6, "0.source": "regional governor"}},
	{name: "the ministry speaking is still the ministry", pub: "2026-05-05",
		text: "Russia's Defence Ministry said its air defence units destroyed 40 Ukrainian drones over Russian regions overnight.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 40, "0.source": "Russia's Defence Ministry"}},
	{name: "a national source in its own paragraph ends the governor's words", pub: "2026-05-05",
		text: "Two drones were shot down over the Oryol region, the governor said.\n\nThe air force said Russia launched 80 drones at Ukraine overnight and 70 were shot down.",
		want: map[string]any{"national#": 1, "#": 2, "0.scope": "regional", "1.launched.drones": 80, "1.source": "Ukraine's Air Force"}},
}

// "an unmanned aerial vehicle" is one drone, as "a drone" and "a UAV" are.
var spelledSingularFamily = []attackCase{
	{name: "an unmanned aerial vehicle was downed", pub: "2026-05-05",
		text: "An unmanned aerial vehicle was downed over the Belgorod region on Friday, the governor said.",
		want: map[string]any{"#": 1, "0.scope": "regional", "0.intercepted.drones": 1}},
	{name: "destroyed an unmanned aerial vehicle", pub: "2026-05-05",
		text: "Air defence destroyed an unmanned aerial vehicle over the Kaluga region, the governor said.",
		want: map[string]any{"#": 1, "0.scope": "regional", "0.intercepted.drones": 1}},
	{name: "an unmanned aerial vehicle attack has no figure", pub: "2026-05-05",
		text: "The region came under an unmanned aerial vehicle attack overnight, the governor said.",
		want: map[string]any{"#": 0}},
}

// a verb of detection joined by "and" to a verb of downing ("spotted and
// shot down"): the figure counts what was downed, not what was launched.
var detectedAndDownedFamily = []attackCase{
	{name: "N were detected and destroyed, passive", pub: "2026-05-05",
		text: "Overnight, 57 Ukrainian drones were detected and destroyed, Russia's Defence Ministry said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 57, "0.launched.drones": nil}},
	{name: "detected and shot down N, active", pub: "2026-05-05",
		text: "Russian air defences detected and shot down 19 drones over the sea overnight, the Defence Ministry said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 19, "0.launched.drones": nil}},
	{name: "detected and intercepted, then jammed", pub: "2026-05-05",
		text: "The air force said 44 drones were detected and intercepted overnight and 6 more were jammed.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 44, "0.launched.drones": nil}},
	{name: "launched, then a figure of its own for the downed", pub: "2026-05-05",
		text: "Russia launched 60 drones overnight and 51 were shot down, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 60, "0.intercepted.drones": 51}},
}
