package extract

// Paraphrase families of the second round of patterns. Every text was
// written for these tests.
func variantCases2() []attackCase {
	var out []attackCase
	for _, fam := range [][]attackCase{restateFamily} {
		out = append(out, fam...)
	}
	return out
}

// the same figures stated twice: rounded then exact, summary then quote,
// under two time words.
var restateFamily = []attackCase{
	{name: "a rounded lead and the exact figure", pub: "2025-06-02",
		text: "Russia fired over 300 drones at Ukraine overnight. The air force said on Monday that 312 drones and nine missiles had been launched, and 290 drones were shot down.",
		want: map[string]any{"#": 1, "0.launched.drones": 312, "0.launched.missiles": 9, "0.intercepted.drones": 290, "0.qualifiers.launched\\.drones": nil}},
	{name: "almost N, then the exact figure", pub: "2025-06-02",
		text: "Russia sent almost 200 drones against Ukraine overnight Sunday. A total of 187 drones and 4 missiles were launched, the air force said in a statement on Monday.",
		want: map[string]any{"national#": 1, "0.launched.drones": 187, "0.launched.missiles": 4}},
	{name: "a summary and the ministry's quote under another time word", pub: "2025-06-02",
		text: "Russian air defences destroyed 45 Ukrainian drones over the past day, the ministry said. \"During the day, air defence systems destroyed 45 unmanned aerial vehicles,\" it said.",
		want: map[string]any{"#": 1, "national#": 1, "0.intercepted.drones": 45}},
	{name: "the quote with its window and the regions' shares", pub: "2025-06-02",
		text: "Russia's defence ministry said it downed 30 Ukrainian drones overnight. \"Between 11 p.m. on June 1 and 6 a.m., air defences destroyed 30 drones: 20 over the Kursk region and 10 over the Bryansk region,\" it said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 30}},
	{name: "different figures under another date are another attack", pub: "2025-06-02",
		text: "Russia launched 50 drones on the night of May 31. On the night of June 1 it launched 50 drones again.",
		want: map[string]any{"national#": 2}},
	{name: "a rounded figure that cannot be the exact one is another attack", pub: "2025-06-02",
		text: "Russia launched more than 100 drones overnight, the air force said. The previous night Russia had launched 40 drones.",
		want: map[string]any{"national#": 2}},
}
