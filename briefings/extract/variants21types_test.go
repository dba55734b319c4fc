package extract

import "slices"

// Paraphrase families for issue 14 (classes and weapon types, round of
// rwtypes21), written for these tests: invented figures, places and times.
func variantCases21types() []attackCase {
	return slices.Concat(restatedTypeFamily)
}

// Outlets retell the Air Force's "N of them are Shaheds" as a sentence of its
// own with no verb: a figure of drones, a dash, the type. It is the type's
// share of the drones counted before, not a figure of its own.
var restatedTypeFamily = []attackCase{
	{name: "types21: the share after a dash, quoted type", pub: "2026-03-08",
		text: "Уночі ворог атакував Україну 90 ударними БпЛА типу Shahed та Гербера. Майже 55 безпілотників — «шахеди».",
		want: map[string]any{"#": 1, "0.launched.drones": 90, "0.launched.by_type.Shahed": 55}},
	{name: "types21: the share after a sentence of directions", pub: "2026-03-08",
		text: "Цієї ночі росіяни запустили 120 дронів. Вони летіли з Брянська та Курська. Близько 70 дронів – шахеди.",
		want: map[string]any{"#": 1, "0.launched.drones": 120, "0.launched.by_type.Shahed": 70}},
	{name: "types21: the share of the downed", pub: "2026-03-08",
		text: "Протиповітряна оборона знешкодила 64 ворожі БпЛА. Понад 40 безпілотників — «Герані».",
		want: map[string]any{"#": 1, "0.intercepted.drones": 64, "0.intercepted.by_type.Shahed": 40}},
	// what must not change
	{name: "types21: a verb of its own after the dash", pub: "2026-03-08",
		text: "Уночі ворог атакував Україну 90 ударними БпЛА. 70 дронів — збито.",
		want: map[string]any{"#": 1, "0.launched.drones": 90, "0.intercepted.drones": 70, "0.launched.by_type": nil}},
	{name: "types21: a downing with its types after a dash", pub: "2026-03-08",
		text: "Уночі ворог атакував Україну 90 ударними БпЛА. Сили ППО збили 70 дронів – шахеди та гербери.",
		want: map[string]any{"#": 1, "0.launched.drones": 90, "0.intercepted.drones": 70, "0.launched.by_type": nil}},
}
