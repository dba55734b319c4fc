package extract

import "slices"

// Paraphrase families for issue 14 (Ukrainian reports, round of rwuk),
// written for these tests: invented figures, places and times.
func variantCases14uk() []attackCase {
	return slices.Concat(ukInfinitiveFamily)
}

// The infinitive of the verb of destroying after "managed to" or "were
// able to" (вдалося знищити, змогли знищити), as its other forms: a count
// of weapons destroyed.
var ukInfinitiveFamily = []attackCase{
	{name: "uk: managed to destroy N drones", pub: "2026-05-06",
		text: "Цієї ночі силам ППО вдалося знищити 64 ударні дрони.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 64}},
	{name: "uk: managed to destroy, numbers as words, of a whole", pub: "2026-05-06",
		text: "Захисникам неба вдалося знищити сорок два шахеди з п'ятдесяти.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 42, "0.launched.drones": 50}},
	{name: "uk: were able to destroy missiles and drones", pub: "2026-05-06",
		text: "Уночі сили оборони змогли знищити 12 ракет і 57 дронів.",
		want: map[string]any{"national#": 1, "0.intercepted.missiles": 12, "0.intercepted.drones": 57}},
	{name: "uk: the whole first, then managed to destroy", pub: "2026-05-06",
		text: "Із 80 ворожих безпілотників 61 вдалося знищити.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 61, "0.launched.drones": 80}},
	{name: "uk: launched in one sentence, destroyed with the infinitive in the next", pub: "2026-05-06",
		text: "Вночі росіяни запустили 95 ударних безпілотників. Українським захисникам вдалося знищити 77 з них.",
		want: map[string]any{"national#": 1, "0.launched.drones": 95, "0.intercepted.drones": 77}},
	// what must not change
	{name: "uk: the past form of the same verb", pub: "2026-05-06",
		text: "Сили ППО знищили 64 ударні дрони.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 64}},
}
