package extract

// A count before "and" borrows the noun after the next count only when
// nothing of its own stands between ("3 anti-ship and 6 ballistic
// missiles"); a noun the reader does not know is the count's own noun
// ("5 trucks and 14 drones"), so that count is no weapon and is never added
// to the drones. Sentences written for this test.
var borrowedHeadFamily = []attackCase{
	{name: "borrowed head: vehicles before the drones", pub: "2026-02-11",
		text: "Russia's defence ministry said its forces destroyed 5 trucks and 14 drones over the past day.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 14}},
	{name: "borrowed head: tanks with an adjective", pub: "2026-02-11",
		text: "Russia's defence ministry said its forces destroyed 7 Ukrainian tanks and 22 drones over the past day.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 22}},
	{name: "borrowed head: boats in a headline", pub: "2026-02-11",
		text: "Russia says it destroyed 4 boats and 31 drones near Crimea",
		want: map[string]any{"#": 1, "0.intercepted.drones": 31}},
	// what must not change
	{name: "borrowed head: two missile classes share the noun", pub: "2026-02-11",
		text: "Air defences shot down 3 anti-ship and 6 ballistic missiles overnight, the air force said.",
		want: map[string]any{"#": 1, "0.intercepted.missiles": 9}},
	{name: "borrowed head: a side's adjective shares the noun", pub: "2026-02-11",
		text: "Russia's defence ministry said its forces destroyed 5 Ukrainian and 14 other drones over the past day.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 19}},
}
