package extract

import "slices"

// Paraphrase families for issue 14 (casualties and their source in news of
// strikes, round of rwcas21), written for these tests: invented figures,
// places and officials.
func variantCases21cas() []attackCase {
	return slices.Concat(casualtySceneFamily)
}

// A report names the air attack first and tells who was hurt in a sentence
// of its own after it (often with the source, or a sentence of damage, in
// between): those people are that attack's casualties. Shelling with no air
// weapon named sets no such scene.
var casualtySceneFamily = []attackCase{
	{name: "cas21: Ukrainian, the wounded in the next sentence", pub: "2025-06-03",
		text: "Уночі ворожі дрони атакували Житомир. Поранено трьох людей.",
		want: map[string]any{"#": 1, "0.casualties.injured": 3}},
	{name: "cas21: Ukrainian, the source between the attack and the dead", pub: "2025-06-03",
		text: "Окупанти завдали удару по Миколаєву. Про це повідомив міський голова. Загинули двоє людей.",
		want: map[string]any{"#": 1, "0.casualties.killed": 2}},
	{name: "cas21: English, the injured and their source after the strike", pub: "2025-06-03",
		text: "Russian drones struck Poltava overnight. Two people were injured, the governor said.",
		want: map[string]any{"#": 1, "0.casualties.injured": 2, "0.source": "regional governor"}},
	{name: "cas21: English, a sentence of rescue work between", pub: "2025-06-03",
		text: "A Russian missile hit an apartment block in Dnipro. Rescuers worked through the night. Four people were killed.",
		want: map[string]any{"#": 1, "0.casualties.killed": 4}},
	// what must not change
	{name: "cas21: artillery shelling, then the wounded: no air attack", pub: "2025-06-03",
		text: "Ворог обстріляв громаду з артилерії. Поранено одного чоловіка.",
		want: map[string]any{"#": 0}},
	{name: "cas21: English shelling, then the hurt: no air attack", pub: "2025-06-03",
		text: "Russian troops shelled the village on Tuesday. Three people were hurt.",
		want: map[string]any{"#": 0}},
	{name: "cas21: the hurt with no attack named anywhere", pub: "2025-06-03",
		text: "Two people were injured on Tuesday, the governor said.",
		want: map[string]any{"#": 0}},
}
