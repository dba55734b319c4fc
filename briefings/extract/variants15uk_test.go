package extract

import (
	"slices"
	"testing"
)

// Paraphrase families for issue 14 (Ukrainian reports, round of rwuk3),
// written for these tests: invented figures, places and times.
func variantCases15uk() []attackCase {
	return slices.Concat(ukAllOfThemFamily)
}

func TestExtractVariants15uk(t *testing.T) {
	runAttackCases(t, variantCases15uk())
}

// "All" with a pronoun for the weapons counted before, in the nominative
// and accusative ("і всі вони були збиті", "всіх їх знищили"): every one
// of them had the verb's outcome, as "усі з них" and "all of them".
var ukAllOfThemFamily = []attackCase{
	{name: "uk: and all of them were shot down, same sentence", pub: "2026-05-06",
		text: "Уночі ворог випустив 9 крилатих ракет, і всі вони були збиті.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 9, "0.intercepted.missiles": 9}},
	{name: "uk: all of them were destroyed, next sentence", pub: "2026-05-06",
		text: "Противник запустив по Україні 24 ударні дрони. Усі вони були знищені силами ППО.",
		want: map[string]any{"national#": 1, "0.launched.drones": 24, "0.intercepted.drones": 24}},
	{name: "uk: accusative, all of them were downed by the defenders", pub: "2026-05-06",
		text: "Ворог атакував сімома ракетами Калібр — всіх їх збили захисники неба.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 7, "0.intercepted.missiles": 7}},
	{name: "uk: accusative with the impersonal passive", pub: "2026-05-06",
		text: "Вночі було випущено 15 шахедів, усі їх знешкоджено.",
		want: map[string]any{"national#": 1, "0.launched.drones": 15, "0.intercepted.drones": 15}},
	// what must not change
	{name: "uk: all of them flew from the south, no outcome", pub: "2026-05-06",
		text: "Вночі ворог запустив 30 дронів. Усі вони летіли з півдня.",
		want: map[string]any{"national#": 1, "0.launched.drones": 30, "0.intercepted.drones": nil}},
	{name: "uk: all of them of the people hurt", pub: "2026-05-06",
		text: "Вночі ворог запустив 30 дронів, 22 збито. Троє людей поранені, всі вони в лікарні.",
		want: map[string]any{"national#": 1, "0.launched.drones": 30, "0.intercepted.drones": 22}},
	{name: "uk: all of them, partitive, as before", pub: "2026-05-06",
		text: "Росіяни запустили 12 ракет, усі з них збито.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 12, "0.intercepted.missiles": 12}},
}
