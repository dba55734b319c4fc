package extract

// Paraphrase families of the fourth round of patterns (failures that recur in
// two or more labelled texts). Every text was written for these tests.
func variantCases4() []attackCase {
	var out []attackCase
	for _, fam := range [][]attackCase{partOfPlacesFamily} {
		out = append(out, fam...)
	}
	return out
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
