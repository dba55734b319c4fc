package extract

import "slices"

// Paraphrase families for issue 14 (scope of regional reports, round of
// rwscope21), written for these tests: invented figures, places and times.
func variantCases21scope() []attackCase {
	return slices.Concat(regionAdminWordFamily)
}

// A region's administration is often named in one short word
// ("обладміністрація", "облвійськадміністрація", "облдержадміністрація"):
// its head speaks for the region as the head of the "обласна військова
// адміністрація" does, so figures over one region are that region's.
var regionAdminWordFamily = []attackCase{
	{name: "scope21: head of the обладміністрація, figures over two regions he names", pub: "2025-06-03",
		text: "Вночі росіяни атакували Полтавщину дронами, є пошкодження, повідомив голова Полтавської обладміністрації. Як писали раніше, вночі над Києвом ППО збила близько 15 дронів. На Рівненщині уламки пошкодили склад, у Вінниці — школу.",
		want: map[string]any{"national#": 0}},
	{name: "scope21: облвійськадміністрація in the genitive, figure without a region", pub: "2025-06-03",
		text: "Над Сумщиною збито 6 шахедів і пошкоджено будинок у Кролевці, а також підприємство на Житомирщині, повідомив очільник облвійськадміністрації.",
		want: map[string]any{"national#": 0}},
	{name: "scope21: облдержадміністрація, two regions in one text", pub: "2025-06-03",
		text: "Над Черкащиною та Київщиною знищено 9 ворожих БпЛА, розповів голова облдержадміністрації.",
		want: map[string]any{"national#": 0}},
	// what must not change
	{name: "scope21: the Air Force's tally beside no regional speaker stays national", pub: "2025-06-03",
		text: "Вночі росіяни атакували Україну 40 дронами, 31 збили, повідомили Повітряні сили.",
		want: map[string]any{"national#": 1, "0.launched.drones": 40}},
	{name: "scope21: an administration building hit is no speaker", pub: "2025-06-03",
		text: "Уночі ворог запустив по Україні 52 ударні БпЛА, збито 44; уламки пошкодили будівлю обладміністрації в Сумах.",
		want: map[string]any{"national#": 1, "0.launched.drones": 52}},
}
