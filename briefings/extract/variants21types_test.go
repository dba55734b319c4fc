package extract

import "slices"

// Paraphrase families for issue 14 (classes and weapon types, round of
// rwtypes21), written for these tests: invented figures, places and times.
func variantCases21types() []attackCase {
	return slices.Concat(restatedTypeFamily, bombNamedFamily, kabFormsFamily)
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

// A guided bomb named without a count, in a sentence that says it was
// dropped or that it hit, names the bombs' class among the report's weapons,
// as a drone or a missile named so does; a type of bomb ("КАБ") names it too.
var bombNamedFamily = []attackCase{
	{name: "types21: a bomb dropped, casualties after it", pub: "2026-03-08",
		text: "На Дніпро скинули авіабомбу. Загинула одна людина, ще п'ятеро поранені, повідомив мер.",
		want: map[string]any{"#": 1, "0.weapons": []any{"guided_bomb"}, "0.casualties.injured": 5}},
	{name: "types21: a guided aerial bomb hit a building", pub: "2026-03-08",
		text: "A Russian guided aerial bomb struck an apartment block in Sloviansk on Sunday, injuring six people, the governor said.",
		want: map[string]any{"#": 1, "0.weapons": []any{"guided_bomb"}, "0.casualties.injured": 6}},
	{name: "types21: bombs counted by their type", pub: "2026-03-08",
		text: "За добу ворог завдав 14 авіаударів по області, скинувши 25 КАБів.",
		want: map[string]any{"#": 1, "0.weapons": []any{"KAB", "guided_bomb"}, "0.launched.by_type.guided_bomb": 25}},
	// what must not change
	{name: "types21: bombers are no bombs", pub: "2026-03-08",
		text: "Уночі бомбардувальники Ту-160 випустили по Україні 6 крилатих ракет.",
		want: map[string]any{"#": 1, "0.weapons": []any{"cruise", "missile"}}},
	{name: "types21: a drone on a bomb shelter", pub: "2026-03-08",
		text: "A Russian drone hit a bomb shelter in Kherson overnight, injuring three people, the governor said.",
		want: map[string]any{"0.weapons": []any{"drone"}}},
}

// The abbreviation КАБ (a guided aerial bomb) is declined as a noun: the
// plural "КАБи" after two to four or as a direct object, "КАБам", "КАБах",
// and the singular "КАБа", "КАБу", "КАБом" of a single bomb.
var kabFormsFamily = []attackCase{
	{name: "types21: bombs in the nominative plural after a numeral", pub: "2026-03-08",
		text: "Після обіду ворог скинув на Куп'янськ 4 КАБи, поранено двох людей.",
		want: map[string]any{"#": 1, "0.launched.by_type.guided_bomb": 4, "0.casualties.injured": 2}},
	{name: "types21: a bomb in the instrumental singular", pub: "2026-03-08",
		text: "Росіяни вдарили по Краматорську КАБом, загинула одна людина.",
		want: map[string]any{"#": 1, "0.weapons": []any{"KAB", "guided_bomb"}, "0.casualties.killed": 1}},
	{name: "types21: a bomb in the genitive singular", pub: "2026-03-08",
		text: "Увечері окупанти атакували Херсон за допомогою КАБа, поранено трьох людей.",
		want: map[string]any{"#": 1, "0.weapons": []any{"KAB", "guided_bomb"}, "0.casualties.injured": 3}},
	// what must not change
	{name: "types21: the genitive plural", pub: "2026-03-08",
		text: "Протягом доби ворог скинув на область 18 КАБів.",
		want: map[string]any{"#": 1, "0.launched.by_type.guided_bomb": 18}},
	{name: "types21: a cable is no bomb", pub: "2026-03-08",
		text: "Уночі дрон пошкодив кабель у Сумах, поранено одну людину.",
		want: map[string]any{"0.launched.by_type": nil}},
}
