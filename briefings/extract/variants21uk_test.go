package extract

import "slices"

// Paraphrase families for issue 14 (Ukrainian news, round of rwuk21), written
// for these tests: invented figures, places and times.
func variantCases21uk() []attackCase {
	return slices.Concat(bombNounFamily, amongFamily, roseToFamily, tenNounFamily, withinBoundsFamily)
}

// A guided bomb written out in full ("керована авіаційна бомба", in its case
// forms) is a bomb, as the short "авіабомба" and "КАБ" are: it is no guided
// missile, and it is not added to the missiles counted beside it.
var bombNounFamily = []attackCase{
	{name: "uk21: a week's bombs in full, missiles after them", pub: "2026-03-08",
		text: "За тиждень ворог застосував проти України 700 ударних дронів, 450 керованих авіаційних бомб і 12 ракет різних типів.",
		want: map[string]any{"#": 1, "0.scope": "cumulative", "0.launched.drones": 700, "0.launched.missiles": 12, "0.launched.by_type.guided_bomb": 450}},
	{name: "uk21: bombs in the instrumental beside missiles", pub: "2026-03-08",
		text: "Уночі ворог атакував Запоріжжя 6 керованими авіаційними бомбами та 3 ракетами.",
		want: map[string]any{"#": 1, "0.launched.missiles": 3, "0.launched.by_type.guided_bomb": 6}},
	{name: "uk21: bombs in the genitive plural after застосував", pub: "2026-03-08",
		text: "Протягом доби ворог застосував по області 14 керованих авіаційних бомб і 2 ракети.",
		want: map[string]any{"#": 1, "0.launched.missiles": 2, "0.launched.by_type.guided_bomb": 14}},
	// what must not change
	{name: "uk21: the short form of the bomb", pub: "2026-03-08",
		text: "За тиждень ворог застосував проти України 700 ударних дронів, 450 керованих авіабомб і 12 ракет.",
		want: map[string]any{"#": 1, "0.launched.missiles": 12, "0.launched.by_type.guided_bomb": 450}},
	{name: "uk21: guided missiles stay missiles", pub: "2026-03-08",
		text: "Уночі ворог атакував Одещину 4 керованими авіаційними ракетами Х-59.",
		want: map[string]any{"#": 1, "0.launched.missiles": 4}},
	{name: "uk21: bombers are no bombs", pub: "2026-03-08",
		text: "Уночі бомбардувальники Ту-95 випустили по Україні 8 крилатих ракет.",
		want: map[string]any{"#": 1, "0.launched.missiles": 8, "0.launched.by_type.guided_bomb": nil}},
}

// "серед них N дітей" (among them N children) counts a part of the people
// told before: it is not the number of the casualties, also when the group
// before it had no number and the number comes in a later sentence.
var amongFamily = []attackCase{
	{name: "uk21: hurt people among whom children, the number later", pub: "2026-03-08",
		text: "Уночі ворог атакував Суми дронами. Постраждали люди, серед яких четверо дітей. Згодом у міськраді уточнили, що внаслідок атаки постраждали 15 людей.",
		want: map[string]any{"0.casualties.injured": 15}},
	{name: "uk21: among them, the injured number later", pub: "2026-03-08",
		text: "Унаслідок атаки на Херсон поранено людей, серед них двоє дітей. За уточненими даними, поранено 9 людей.",
		want: map[string]any{"0.casualties.injured": 9}},
	{name: "uk21: killed among them, the number later", pub: "2026-03-08",
		text: "Унаслідок удару по Дніпру загинули люди, серед них дитина. Пізніше ОВА повідомила, що внаслідок удару загинули 4 людини.",
		want: map[string]any{"0.casualties.killed": 4}},
	{name: "uk21: among whom children, no total: no number of the hurt", pub: "2026-03-08",
		text: "Уночі ворог атакував Суми 12 дронами. Постраждали люди, серед яких троє дітей.",
		want: map[string]any{"0.launched.drones": 12, "0.casualties.injured": nil}},
	// what must not change
	{name: "uk21: the number first, children among them", pub: "2026-03-08",
		text: "Уночі ворог атакував Суми 12 дронами. Внаслідок атаки поранено 7 людей, серед них троє дітей.",
		want: map[string]any{"0.launched.drones": 12, "0.casualties.injured": 7}},
	{name: "uk21: children alone are the number", pub: "2026-03-08",
		text: "Уночі ворог атакував Суми 12 дронами. Внаслідок атаки поранено трьох дітей.",
		want: map[string]any{"0.launched.drones": 12, "0.casualties.injured": 3}},
}

// "кількість поранених зросла до N" (the number of the hurt rose to N): an
// update of a toll gives the count itself, with or without a noun of people
// after it, and "до" there is no bound ("up to").
var roseToFamily = []attackCase{
	{name: "uk21: the hurt rose to N, no noun after it", pub: "2026-03-08",
		text: "Наслідки нічного удару по Полтаві: кількість поранених зросла до 13.",
		want: map[string]any{"#": 1, "0.casualties.injured": 13, "0.qualifiers.casualties\\.injured": nil}},
	{name: "uk21: the victims in the city rose to N", pub: "2026-03-08",
		text: "Кількість постраждалих у Полтаві внаслідок нічної атаки дронів зросла до 13.",
		want: map[string]any{"#": 1, "0.casualties.injured": 13}},
	{name: "uk21: the dead increased to N people", pub: "2026-03-08",
		text: "Кількість загиблих унаслідок ракетного удару по Полтаві збільшилася до 6 людей.",
		want: map[string]any{"#": 1, "0.casualties.killed": 6, "0.qualifiers.casualties\\.killed": nil}},
	// what must not change
	{name: "uk21: up to N people is a bound", pub: "2026-03-08",
		text: "Унаслідок ракетного удару по Полтаві поранено до 20 людей.",
		want: map[string]any{"#": 1, "0.casualties.injured": 20, "0.qualifiers.casualties\\.injured": "up_to"}},
	{name: "uk21: a rise of the downed is no casualty", pub: "2026-03-08",
		text: "Уночі ворог атакував Полтаву 20 дронами. Кількість збитих зросла до 15.",
		want: map[string]any{"#": 1, "0.launched.drones": 20, "0.casualties.injured": nil}},
}

// "десяток" (a ten, as a noun) counts ten as "сотня" counts a hundred, in its
// case forms and after a bound ("понад десяток", "близько десятка").
var tenNounFamily = []attackCase{
	{name: "uk21: more than a ten of drones over the city", pub: "2026-03-08",
		text: "Уночі над Вінницею знищено понад десяток ворожих дронів.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 10, "0.qualifiers.intercepted\\.drones": "more_than", "0.regions": []string{"Vinnytsia"}}},
	{name: "uk21: about a ten, genitive, subject first", pub: "2026-03-08",
		text: "Близько десятка ударних дронів знищено на підступах до Вінниці.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 10, "0.qualifiers.intercepted\\.drones": "about"}},
	{name: "uk21: roughly a ten, passive with було", pub: "2026-03-08",
		text: "Приблизно десяток російських ударних дронів було знешкоджено над Вінницею.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 10}},
	{name: "uk21: a ten in the instrumental after атакував", pub: "2026-03-08",
		text: "Уночі ворог атакував Вінницю десятком ударних дронів.",
		want: map[string]any{"#": 1, "0.launched.drones": 10}},
	// what must not change
	{name: "uk21: one and a half tens", pub: "2026-03-08",
		text: "Уночі над Вінницею знищено півтора десятка дронів.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 15}},
	{name: "uk21: two tens", pub: "2026-03-08",
		text: "Уночі над Вінницею знищено два десятки дронів.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 20}},
	{name: "uk21: tens is no figure", pub: "2026-03-08",
		text: "Уночі над Вінницею знищено десятки дронів.",
		want: map[string]any{"#": 0}},
}

// "у межах" (within the bounds of) names the regions where the weapons were
// downed: in the figures' sentence, in a sentence of its own after them, or
// before a list of the regions, one a bullet.
var withinBoundsFamily = []attackCase{
	{name: "uk21: the regions in a sentence of their own after the figures", pub: "2026-03-08",
		text: "Уночі ворог атакував Україну 40 дронами. Збито 33 дрони. Відбулося це у межах Полтавської, Сумської та Черкаської областей.",
		want: map[string]any{"#": 1, "0.scope": "national", "0.intercepted.drones": 33, "0.regions": []string{"Poltava", "Sumy", "Cherkasy"}}},
	{name: "uk21: a list of regions, one a bullet, after в межах N областей", pub: "2026-03-08",
		text: "Уночі ворог атакував Україну 40 дронами. Захисники неба збили 33 шахеди в межах 3 областей:\n- Полтавської;\n- Сумської;\n- Черкаської.",
		want: map[string]any{"#": 1, "0.scope": "national", "0.intercepted.drones": 33, "0.regions": []string{"Poltava", "Sumy", "Cherkasy"}}},
	// what must not change
	{name: "uk21: within the figures' sentence", pub: "2026-03-08",
		text: "Уночі ворог атакував Україну 40 дронами. Збито 33 дрони у межах Полтавської, Сумської та Черкаської областей.",
		want: map[string]any{"#": 1, "0.scope": "national", "0.regions": []string{"Poltava", "Sumy", "Cherkasy"}}},
	{name: "uk21: a region's district within the bounds keeps the region's event", pub: "2026-03-08",
		text: "Над Полтавщиною вночі збили 5 дронів, повідомив голова ОВА. Відбулося це у межах Кременчуцького району.",
		want: map[string]any{"#": 1, "0.scope": "regional", "0.regions": []string{"Poltava"}}},
	{name: "uk21: a list after a colon with no bounds names no regions", pub: "2026-03-08",
		text: "Уночі ворог атакував Україну 40 дронами. Збито 33 дрони:\n- Полтавської;\n- Сумської.",
		want: map[string]any{"#": 1, "0.scope": "national", "0.regions": nil}},
}
