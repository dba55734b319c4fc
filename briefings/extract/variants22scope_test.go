package extract

import "slices"

// Paraphrase families for issue 14 (scope of regional reports, round of
// rwscope22), written for these tests: invented figures, places and times.
func variantCases22scope() []attackCase {
	return slices.Concat(speakerRegionFamily, regionCountFamily, namedHeadFamily)
}

// One region's head speaks, the region named only in the lead or in his
// title; the sentence with the figures names no place at all ("in our sky",
// "the defenders downed N"). The figures are his region's, never a national
// tally.
var speakerRegionFamily = []attackCase{
	{name: "scope22: the lead names the region, the head's title does not", pub: "2025-06-03",
		text: "Хмельниччина пережила довгу тривогу, розповів очільник ОВА. Сили ППО знешкодили 6 ударних дронів.",
		want: map[string]any{"national#": 0, "#": 1, "0.regions": []string{"Khmelnytskyi"}, "0.intercepted.drones": 6}},
	{name: "scope22: the head's title names the region, the figures in a paragraph of their own", pub: "2025-06-03",
		text: "Вночі Полтавщина була під атакою. Про це повідомив начальник Полтавської ОВА.\nУ нашому небі знешкодили 9 російських БпЛА.",
		want: map[string]any{"national#": 0, "#": 1, "0.regions": []string{"Poltava"}, "0.intercepted.drones": 9}},
	{name: "scope22: a dash-quoted head, the figures in the next quoted sentence", pub: "2025-06-03",
		text: "Усю ніч Черкащина слухала сирени. Про це пише голова ОВА Петро Іванчук.\n– Працювала наша ППО, – зазначив він. – Над нами знищили 12 шахедів. Постраждалих немає.",
		want: map[string]any{"national#": 0, "#": 1, "0.regions": []string{"Cherkasy"}, "0.intercepted.drones": 12}},
	{name: "scope22: English, the head of the regional administration, no place in the figure sentence", pub: "2025-06-03",
		text: "Kirovohrad region spent the night under air-raid alert, the head of the regional administration said. Our defenders downed 4 attack drones, he added.",
		want: map[string]any{"national#": 0, "#": 1, "0.regions": []string{"Kirovohrad"}, "0.intercepted.drones": 4}},
	// what must not change
	{name: "scope22: the country named beside the head's region stays national", pub: "2025-06-03",
		text: "Черкащина була на тривозі, повідомив очільник ОВА. Загалом вночі росіяни запустили по Україні 60 дронів, 48 з них збили.",
		want: map[string]any{"national#": 1, "0.launched.drones": 60, "0.intercepted.drones": 48}},
	{name: "scope22: the Air Force's tally with no regional head stays national", pub: "2025-06-03",
		text: "Повітряні сили повідомили: вночі росіяни запустили 41 дрон, 33 з них збито. Уламки впали на Житомирщині.",
		want: map[string]any{"national#": 1, "0.launched.drones": 41, "0.intercepted.drones": 33}},
}

// A sentence that counts the regions its figures cover ("у 8 областях",
// "over six regions") tells a tally of the country, also in a text where a
// governor spoke before; not when the sentence's own speaker is a regional
// command, whose zone is several regions.
var regionCountFamily = []attackCase{
	{name: "scope22: the outlet's line with a count of regions after a governor's words", pub: "2025-06-03",
		text: "Вночі росіяни атакували Київщину дронами, повідомив голова Київської ОВА. Є збиті цілі. Як писали раніше, цієї ночі сили ППО знищили 13 ворожих дронів у 6 областях.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 13}},
	{name: "scope22: English, 'over six regions' after a governor's casualties", pub: "2025-06-03",
		text: "The Kharkiv governor said two people were hurt. Russia attacked with 30 drones overnight; 25 were downed over six regions.",
		want: map[string]any{"national#": 1, "0.launched.drones": 30, "0.intercepted.drones": 25}},
	{name: "scope22: English, 'across five regions' after a regional head", pub: "2025-06-03",
		text: "The Kyiv regional head said air defence worked in the region. Overnight, air defence downed 14 drones across five regions.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 14}},
	// what must not change
	{name: "scope22: a regional command's own count of the regions of its zone stays regional", pub: "2025-06-03",
		text: "Повітряне командування «Південь» повідомило, що вночі над трьома областями півдня знищено 12 шахедів.",
		want: map[string]any{"national#": 0, "0.intercepted.drones": 12}},
	{name: "scope22: a governor's figure over his region stays his", pub: "2025-06-03",
		text: "Голова Сумської ОВА повідомив, що вночі над областю збито 5 дронів, уламки впали у двох громадах.",
		want: map[string]any{"national#": 0, "0.regions": []string{"Sumy"}, "0.intercepted.drones": 5}},
}

// A regional head named once with title and name, then by surname alone in
// any case form, speaks for his region: his figures beside the country's
// tally are his region's share, not part of the national report.
var namedHeadFamily = []attackCase{
	{name: "scope22: the surname in the genitive after the title, then the country's launches", pub: "2025-06-03",
		text: "Начальник Рівненської ОВА Олександр Петренко розповів про нічну атаку на область.\nЗа словами Петренка, сили ППО збили три ударні дрони.\nЗагалом вночі росіяни запустили по Україні 90 дронів.",
		want: map[string]any{"#": 2, "national#": 1, "0.launched.drones": 90, "0.intercepted.drones": nil, "1.scope": "regional", "1.regions": []string{"Rivne"}, "1.intercepted.drones": 3}},
	{name: "scope22: English, the surname alone after the head's title and name", pub: "2025-06-03",
		text: "The head of the Zhytomyr Regional Administration, Ivan Kovalenko, reported damage to a warehouse. Kovalenko said air defence downed 4 drones. Overall, Russia launched 70 drones at Ukraine overnight.",
		want: map[string]any{"#": 2, "national#": 1, "0.launched.drones": 70, "0.intercepted.drones": nil, "1.regions": []string{"Zhytomyr"}, "1.intercepted.drones": 4}},
	// what must not change
	{name: "scope22: a named head beside the Air Force's own tally leaves it national", pub: "2025-06-03",
		text: "Про нічну атаку повідомив начальник Полтавської ОВА Іван Мазур. Повітряні сили заявили, що вночі збили 40 дронів над Україною.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 40}},
}
