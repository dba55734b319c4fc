package extract

import "slices"

// Paraphrase families for issue 14 (the Air Force's report template, round
// of rwaf), written for these tests: invented figures, places and times.
func variantCases15af() []attackCase {
	return slices.Concat(afSplitFamily)
}

// A total neutralized, then split into those shot down and those lost to
// electronic warfare: when the parts add up to the total, the total is the
// intercepted-or-jammed figure and the shot-down part the intercepted one.
var afSplitFamily = []attackCase{
	{name: "af: neutralized N, colon, A shot down by fire, B locationally lost", pub: "2026-05-06",
		text: "Уночі ППО знешкодила 90 ворожих дронів: 55 збито вогневими засобами, 35 локаційно втрачено.",
		want: map[string]any{"national#": 1, "0.intercepted_or_jammed.drones": 90, "0.intercepted.drones": 55, "0.jammed.drones": 35}},
	{name: "af: destroyed N, then of them A by fire and B suppressed by EW in the next sentence", pub: "2026-05-06",
		text: "Станом на 9:00 сили оборони знищили 61 безпілотник. З них 48 збито, а 13 подавлено засобами РЕБ.",
		want: map[string]any{"national#": 1, "0.intercepted_or_jammed.drones": 61, "0.intercepted.drones": 48, "0.jammed.drones": 13}},
	{name: "af: missiles neutralized, split with dashes", pub: "2026-05-06",
		text: "Протиповітряна оборона знешкодила 12 ракет: 9 – збито, 3 – локаційно втрачені.",
		want: map[string]any{"national#": 1, "0.intercepted_or_jammed.missiles": 12, "0.intercepted.missiles": 9, "0.jammed.missiles": 3}},
	{name: "af: the template's window, the total in a header, the split in the body", pub: "2026-05-06",
		text: "У ніч на 6 травня (з 18:00 5 травня) противник атакував 170 ударними БпЛА. Станом на 08:30 знешкоджено 150 ворожих БпЛА: 101 – збито, 49 – локаційно втрачено.",
		want: map[string]any{"national#": 1, "0.launched.drones": 170, "0.intercepted_or_jammed.drones": 150, "0.intercepted.drones": 101, "0.jammed.drones": 49}},
	// what must not change
	{name: "af: parts that do not add up to the total leave it as it was read", pub: "2026-05-06",
		text: "Уночі ППО знешкодила 100 ворожих дронів: 60 збито, 30 локаційно втрачено.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 100, "0.jammed.drones": 30, "0.intercepted_or_jammed.drones": nil}},
	{name: "af: shot down and lost stated apart, with no total", pub: "2026-05-06",
		text: "Збито 55 ударних дронів, ще 35 безпілотників-імітаторів локаційно втрачено.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 55, "0.jammed.drones": 35, "0.intercepted_or_jammed.drones": nil}},
	{name: "af: shot down or suppressed stated as one, then lost apart", pub: "2026-05-06",
		text: "Збито/подавлено 80 ворожих БпЛА. Ще 20 ворожих БпЛА локаційно втрачено.",
		want: map[string]any{"national#": 1, "0.intercepted_or_jammed.drones": 80, "0.jammed.drones": 20, "0.intercepted.drones": nil}},
}
