package extract

import "slices"

// Paraphrase families for issue 14 (casualties and their source in news of
// strikes, round of rwcas21), written for these tests: invented figures,
// places and officials.
func variantCases21cas() []attackCase {
	return slices.Concat(casualtySceneFamily, ukOneCasualtyFamily, localSourceFamily, ukDroneGenitiveFamily)
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
	// another war's strike, then its dead and wounded: no report of this war
	{name: "rev21: a strike in another war, the dead in the next sentence", pub: "2025-06-03",
		text: "An Israeli drone hit a van near Tyre on Sunday. Three people were killed, the health ministry said.",
		want: map[string]any{"national#": 0}},
	{name: "rev21: a strike on Gaza overnight, the dead after it", pub: "2025-06-03",
		text: "Israeli drones struck a school in Gaza overnight. Six people were killed.",
		want: map[string]any{"#": 0}},
	{name: "rev21: Houthi drones at a port, the hurt after them", pub: "2025-06-03",
		text: "Houthi drones hit a port in Eilat overnight. Two people were hurt.",
		want: map[string]any{"#": 0}},
	{name: "rev21: Ukrainian, another war's drone, the dead after it", pub: "2025-06-03",
		text: "Ізраїльський дрон уразив автомобіль на півдні Лівану. Загинули троє людей.",
		want: map[string]any{"#": 0}},
	{name: "rev21: Russia's attack with Iranian drones keeps its hurt", pub: "2025-06-03",
		text: "Russia attacked Sumy with Iranian drones overnight. Four people were injured.",
		want: map[string]any{"#": 1, "0.casualties.injured": 4}},
}

// One person hurt or killed, in Ukrainian: the numeral "one" with a
// casualty word in the singular ("один загиблий", "про одного загиблого",
// "є один постраждалий", "одну постраждалу людину"), a singular person in
// the accusative after a passive verb ("травмовано дитину"), and the
// neuter verb a numeral takes ("постраждало п'ятеро людей").
var ukOneCasualtyFamily = []attackCase{
	{name: "cas21: one dead, nominative", pub: "2025-06-03",
		text: "Уночі дрон влучив у будинок у Чернігові, є один загиблий.",
		want: map[string]any{"#": 1, "0.casualties.killed": 1}},
	{name: "cas21: one dead, genitive after про", pub: "2025-06-03",
		text: "Після удару по Сумах відомо про одного загиблого.",
		want: map[string]any{"#": 1, "0.casualties.killed": 1}},
	{name: "cas21: one hurt, nominative", pub: "2025-06-03",
		text: "Ракета влучила в склад у Львові, є один постраждалий.",
		want: map[string]any{"#": 1, "0.casualties.injured": 1}},
	{name: "cas21: one hurt person, accusative after про", pub: "2025-06-03",
		text: "Ворожий дрон атакував Нікополь, відомо про одну постраждалу людину.",
		want: map[string]any{"#": 1, "0.casualties.injured": 1}},
	{name: "cas21: a child in the accusative after травмовано", pub: "2025-06-03",
		text: "Під час атаки на Полтаву травмовано дитину.",
		want: map[string]any{"#": 1, "0.casualties.injured": 1}},
	{name: "cas21: the neuter verb with a numeral", pub: "2025-06-03",
		text: "Внаслідок атаки безпілотників на Херсон постраждало п'ятеро людей.",
		want: map[string]any{"#": 1, "0.casualties.injured": 5}},
	// what must not change
	{name: "cas21: no dead, no figure", pub: "2025-06-03",
		text: "Внаслідок атаки на Запоріжжя загиблих немає.",
		want: map[string]any{"#": 0}},
}

// A governor or mayor named in a sentence of its own just before the people
// hurt ("Про це повідомив голова ОВА", then "за його даними" and the
// wounded) or just after them ("..., повідомив очільник ОВА" after the dead
// and wounded) gave them. A national body's figures told after stay its own.
var localSourceFamily = []attackCase{
	// (a mayor speaks too: no single speaker of the text to fall back on)
	{name: "cas21: the head of the region named first, the wounded after", pub: "2025-06-03",
		text: "Уночі дрони атакували Черкаси. Про це повідомив голова ОВА. За його даними, поранено двох людей. Міський голова повідомив про пошкоджені будинки.",
		want: map[string]any{"#": 1, "0.casualties.injured": 2, "0.source": "regional governor"}},
	{name: "cas21: the dead and wounded first, the head of the region after", pub: "2025-06-03",
		text: "Внаслідок удару по Кременчуку загинула одна людина та 7 постраждали. Пошкоджено будинки, повідомив очільник ОВА. Мер міста додав, що пошкоджено школу.",
		want: map[string]any{"#": 1, "0.casualties.killed": 1, "0.casualties.injured": 7, "0.source": "regional governor"}},
	{name: "cas21: English, the injured first, the mayor after", pub: "2025-06-03",
		text: "Three people were injured in a Russian drone strike on Sumy. The mayor said houses were damaged. The governor said a school was also hit.",
		want: map[string]any{"#": 1, "0.casualties.injured": 3, "0.source": "mayor"}},
	// what must not change
	{name: "cas21: the governor after the dead, the Air Force's count after him", pub: "2025-06-03",
		text: "A Russian drone attack on Odesa killed two people. The regional governor wrote on Telegram that houses were damaged. The air force said Russia launched 80 drones and shot down 60.",
		want: map[string]any{"national#": 1, "0.source": "Ukraine's Air Force", "0.launched.drones": 80}},
	{name: "cas21: Ukrainian, the Air Force's count after the governor's word", pub: "2025-06-03",
		text: "Внаслідок атаки на Одесу загинули двоє людей. Голова ОВА повідомив про пошкоджені будинки. Повітряні сили повідомили, що ворог запустив 80 дронів, збито 60.",
		want: map[string]any{"national#": 1, "0.source": "Ukraine's Air Force", "0.launched.drones": 80}},
}

// The drone in the genitive singular ("від влучання дрона", "через атаку
// дрона"): a weapon named, so the people hurt beside it are its strike's.
var ukDroneGenitiveFamily = []attackCase{
	{name: "cas21: killed by a drone's hit, genitive", pub: "2025-06-03",
		text: "У Херсоні через влучання дрона загинув чоловік.",
		want: map[string]any{"#": 1, "0.casualties.killed": 1}},
	{name: "cas21: hurt by a drone's blast, genitive", pub: "2025-06-03",
		text: "На Сумщині від вибуху дрона постраждала жінка.",
		want: map[string]any{"#": 1, "0.casualties.injured": 1}},
	// what must not change
	{name: "cas21: a drone's debris, no one hurt: no report", pub: "2025-06-03",
		text: "Уламки дрона впали на дах будинку, постраждалих немає.",
		want: map[string]any{"#": 0}},
	{name: "cas21: a drone's operator: no report", pub: "2025-06-03",
		text: "Оператор дрона помітив колону техніки.",
		want: map[string]any{"#": 0}},
}
