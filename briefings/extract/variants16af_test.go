package extract

import "slices"

// Paraphrase families for issue 14 (the Air Force's own posts, round of
// rwaf2), written for these tests: invented figures, places and times.
func variantCases16af() []attackCase {
	return slices.Concat(afBothAndFamily, afSpacedTypeFamily)
}

// The template's two verbs of its figure (shot down, jammed) joined by "and"
// instead of the slash: one figure of both, not told apart.
var afBothAndFamily = []attackCase{
	{name: "af16: passive pair joined by та", pub: "2026-04-02",
		text: "Уночі противник атакував 64 ударними БпЛА. Збито та подавлено 51 ворожий БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.drones": 64, "0.intercepted_or_jammed.drones": 51, "0.intercepted.drones": nil, "0.jammed.drones": nil}},
	{name: "af16: infinitives after вдалося, a daytime report", pub: "2026-04-02",
		text: "Протягом дня ворог атакував 38 реактивними БпЛА. За попередніми даними вдалося збити та подавити понад 30 БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.drones": 38, "0.intercepted_or_jammed.drones": 30, "0.intercepted.drones": nil}},
	{name: "af16: active pair joined by й, missiles", pub: "2026-04-02",
		text: "Уночі ворог випустив 9 крилатих ракет. Сили оборони збили й подавили 7 ракет.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 9, "0.intercepted_or_jammed.missiles": 7, "0.intercepted.missiles": nil}},
	{name: "af16: jammed first, then shot down, joined by і", pub: "2026-04-02",
		text: "Уночі противник атакував 45 дронами. Подавлено і знищено 41 ворожий дрон.",
		want: map[string]any{"national#": 1, "0.launched.drones": 45, "0.intercepted_or_jammed.drones": 41, "0.jammed.drones": nil}},
	// what must not change
	{name: "af16: each verb with a figure of its own stays a split", pub: "2026-04-02",
		text: "Уночі противник атакував 52 дронами. Збито 40 дронів, а 12 подавлено засобами РЕБ.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 40, "0.jammed.drones": 12, "0.intercepted_or_jammed.drones": nil}},
	{name: "af16: figure after the first verb, the second verb with its own", pub: "2026-04-02",
		text: "Уночі противник атакував 52 дронами. Збито 40 ударних дронів і подавлено 12 дронів-імітаторів.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 40, "0.jammed.drones": 12, "0.intercepted_or_jammed.drones": nil}},
	{name: "af16: detected and destroyed stays launched and shot down", pub: "2026-04-02",
		text: "Уночі виявлено та знищено 23 ворожі дрони.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 23, "0.intercepted_or_jammed.drones": nil}},
}

// A type's name with a space after its hyphen, as some of the Air Force's
// lists print it: the same type as the name written whole.
var afSpacedTypeFamily = []attackCase{
	{name: "af16: spaced Iskander-M joined to other types by slashes", pub: "2026-04-02",
		text: "Уночі противник атакував 4 балістичними ракетами Іскандер- М/KN-23 та 90 ударними БпЛА. Збито/подавлено 3 балістичні ракети Іскандер- М/KN-23 та 70 БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.by_type.Iskander-M/KN-23": 4, "0.intercepted_or_jammed.by_type.Iskander-M/KN-23": 3, "0.launched.drones": 90}},
	{name: "af16: spaced Iskander-K alone, in a list item", pub: "2026-04-02",
		text: "У ніч на 2 квітня противник атакував:\n- 6 крилатими ракетами Іскандер- К;\n- 40 ударними БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.by_type.Iskander-K": 6, "0.launched.drones": 40}},
	// what must not change
	{name: "af16: a hyphen and a space before a word that makes no type", pub: "2026-04-02",
		text: "Уночі ворог випустив 5 ракет Іскандер- так повідомили Повітряні сили.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 5, "0.launched.by_type.Iskander-M": nil}},
}
