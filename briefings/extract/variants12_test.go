package extract

// Paraphrase families of the twelfth round (issue 14, no false national
// reports on attacks11). Every text was written for these tests.
func variantCases12() []attackCase {
	var out []attackCase
	for _, fam := range [][]attackCase{neighbourDownedFamily} {
		out = append(out, fam...)
	}
	return out
}

// A neighbour named as the subject of a verb of downing downs objects in
// its own skies: like a neighbour that speaks, its count is no figure of
// the attack on Ukraine.
var neighbourDownedFamily = []attackCase{
	{name: "neighbour downed: the state downs some of the drones over it", pub: "2026-07-02",
		text: "Romania shot down 2 of 9 drones that crossed into its airspace during the night, the premier told parliament.",
		want: map[string]any{"national#": 0}},
	{name: "neighbour downed: Ukrainian, the state downs some of the drones", pub: "2026-07-02",
		text: "Прем'єр повідомив, що Литва збила приблизно 3 з 11 безпілотників, які залетіли в її небо.",
		want: map[string]any{"national#": 0}},
	{name: "neighbour downed: Ukrainian, the state alone as subject", pub: "2026-07-02",
		text: "Польща збила 5 із 14 дронів, що перетнули кордон уночі.",
		want: map[string]any{"national#": 0}},
	// what must not change
	{name: "neighbour downed: drones over the neighbour inside the Air Force's count", pub: "2026-07-02",
		text: "Russia sent 70 drones at Ukraine overnight and 55 were shot down, while three flew into Poland, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 70, "0.intercepted.drones": 55}},
	{name: "neighbour downed: Ukrainian, the Air Force's night with the neighbour as a place", pub: "2026-07-02",
		text: "Повітряні сили повідомили, що вночі Росія випустила 64 дрони, з них 50 збили, а два залетіли в Польщу.",
		want: map[string]any{"national#": 1, "0.launched.drones": 64, "0.intercepted.drones": 50}},
}
