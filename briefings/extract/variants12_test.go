package extract

import "slices"

// Paraphrase families of the twelfth round (issue 14, no false national
// reports on attacks11). Every text was written for these tests.
func variantCases12() []attackCase {
	return slices.Concat(neighbourDownedFamily, thirdDebrisFamily, alertSpreadFamily, timeClauseFamily, ownAviationFamily)
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

// Debris of a downed object that landed or fell in a third country is that
// country's incident: no national report of the attack on Ukraine, unless
// the sentence itself names the attack on Ukraine.
var thirdDebrisFamily = []attackCase{
	{name: "third debris: parts of one missile in a neighbour's village", pub: "2026-07-03",
		text: "Pieces of a Russian missile downed by Ukrainian air defence landed in a Romanian farming village on Sunday.",
		want: map[string]any{"national#": 0}},
	{name: "third debris: wreckage came down in the neighbour by name", pub: "2026-07-03",
		text: "Wreckage of a Russian cruise missile intercepted by Ukraine's air defence came down in Moldova near the border, police said.",
		want: map[string]any{"national#": 0}},
	// what must not change
	{name: "third debris: the night's count with debris in the neighbour", pub: "2026-07-03",
		text: "Russia fired 46 missiles at Ukraine overnight and 39 were shot down, while debris of one fell in Moldova.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 46, "0.intercepted.missiles": 39}},
	{name: "third debris: debris in a region of the war stays the region's", pub: "2026-07-03",
		text: "Debris of downed drones fell in Poltava region, hurting three people, after Russia sent 25 drones.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Poltava"}},
}

// Sirens sounding across the whole country tell how far the alert went,
// not where the counted objects struck: a count of hits on one city stays
// the city's.
var alertSpreadFamily = []attackCase{
	{name: "alert spread: hits on one city while sirens sound nationwide", pub: "2026-07-04",
		text: "At least three missiles struck Lviv this morning while air raid sirens went off across Ukraine.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Lviv", "0.hits.missiles": 3}},
	{name: "alert spread: sirens in every region, hits on one city", pub: "2026-07-04",
		text: "Two missiles hit Odesa on Monday as sirens were wailing in all regions of Ukraine.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Odesa"}},
	// what must not change
	{name: "alert spread: the attack itself across the country", pub: "2026-07-04",
		text: "Sirens sounded as Russia launched 75 missiles at Ukraine overnight, hitting Lviv and Odesa.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 75}},
	{name: "alert spread: strikes across the country with a city named", pub: "2026-07-04",
		text: "At least 12 missiles struck targets across Ukraine on Friday, including in Lviv.",
		want: map[string]any{"national#": 1, "0.hits.missiles": 12}},
}

// A person named inside a clause that dates the strike by another event
// ("hours after the president spoke") does not give the figures: the count
// of hits on one city stays the city's.
var timeClauseFamily = []attackCase{
	{name: "time clause: the president dates the strike on one city", pub: "2026-07-05",
		text: "At least four missiles hit Dnipro on Thursday, only hours after President Volodymyr Zelensky spoke to the summit.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Dnipropetrovsk", "0.hits.missiles": 4}},
	{name: "time clause: the president named after a visitor's talks", pub: "2026-07-05",
		text: "Russia struck Odesa with three missiles less than an hour after the envoy held talks with President Zelensky.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions.0": "Odesa"}},
	// what must not change
	{name: "time clause: the president who speaks gives the figures", pub: "2026-07-05",
		text: "Hours after the strike, President Zelensky said Russia launched 48 missiles at Ukraine overnight.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 48}},
}

// The strikes of Ukraine's own aviation (the General Staff's daily count of
// its sorties) are no figure of the air attack on Ukraine told beside them.
var ownAviationFamily = []attackCase{
	{name: "own aviation: the strike aviation's sorties after the night's tally", pub: "2026-07-06",
		text: "Речник Повітряних сил сказав, що сили ППО знищили всі 31 ракету та 12 із 14 дронів. Він додав, що вчора ударна авіація України завдала близько 9 ударів по позиціях ворога.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 31, "0.intercepted.missiles": 31, "0.launched.drones": 14}},
	{name: "own aviation: the defence forces' aviation in the staff's wording", pub: "2026-07-06",
		text: "Повітряні сили повідомили, що вночі збили 23 ракети та 17 із 19 дронів. Також авіація Сил оборони завдала 7 ударів по районах зосередження окупантів.",
		want: map[string]any{"national#": 1, "0.launched.missiles": nil, "0.intercepted.missiles": 23}},
	// what must not change
	{name: "own aviation: the enemy's aviation still strikes a region", pub: "2026-07-06",
		text: "Вночі ворог випустив 20 ракет. Ворожа авіація завдала 9 ударів по Харківщині.",
		want: map[string]any{"0.launched.missiles": 20, "0.regions.0": "Kharkiv"}},
}
