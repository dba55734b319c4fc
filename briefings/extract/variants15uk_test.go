package extract

import (
	"slices"
	"testing"
)

// Paraphrase families for issue 14 (Ukrainian reports, round of rwuk3),
// written for these tests: invented figures, places and times.
func variantCases15uk() []attackCase {
	return slices.Concat(ukAllOfThemFamily, ukAftermathRegionsFamily, ukLandedFamily, ukDefenceRegionsFamily, ukClassNamesFamily, ukRegionListFamily, ukOneDroneFamily)
}

func TestExtractVariants15uk(t *testing.T) {
	runAttackCases(t, variantCases15uk())
}

// "All" with a pronoun for the weapons counted before, in the nominative
// and accusative ("і всі вони були збиті", "всіх їх знищили"): every one
// of them had the verb's outcome, as "усі з них" and "all of them".
var ukAllOfThemFamily = []attackCase{
	{name: "uk: and all of them were shot down, same sentence", pub: "2026-05-06",
		text: "Уночі ворог випустив 9 крилатих ракет, і всі вони були збиті.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 9, "0.intercepted.missiles": 9}},
	{name: "uk: all of them were destroyed, next sentence", pub: "2026-05-06",
		text: "Противник запустив по Україні 24 ударні дрони. Усі вони були знищені силами ППО.",
		want: map[string]any{"national#": 1, "0.launched.drones": 24, "0.intercepted.drones": 24}},
	{name: "uk: accusative, all of them were downed by the defenders", pub: "2026-05-06",
		text: "Ворог атакував сімома ракетами Калібр — всіх їх збили захисники неба.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 7, "0.intercepted.missiles": 7}},
	{name: "uk: accusative with the impersonal passive", pub: "2026-05-06",
		text: "Вночі було випущено 15 шахедів, усі їх знешкоджено.",
		want: map[string]any{"national#": 1, "0.launched.drones": 15, "0.intercepted.drones": 15}},
	// what must not change
	{name: "uk: all of them flew from the south, no outcome", pub: "2026-05-06",
		text: "Вночі ворог запустив 30 дронів. Усі вони летіли з півдня.",
		want: map[string]any{"national#": 1, "0.launched.drones": 30, "0.intercepted.drones": nil}},
	{name: "uk: all of them of the people hurt", pub: "2026-05-06",
		text: "Вночі ворог запустив 30 дронів, 22 збито. Троє людей поранені, всі вони в лікарні.",
		want: map[string]any{"national#": 1, "0.launched.drones": 30, "0.intercepted.drones": 22}},
	{name: "uk: all of them, partitive, as before", pub: "2026-05-06",
		text: "Росіяни запустили 12 ракет, усі з них збито.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 12, "0.intercepted.missiles": 12}},
}

// A sentence telling what the attack did on the ground (damage, the
// wounded and dead, hits, falling debris, fires, the aftermath) names the
// regions the attack reached; the short names of regions in -ччина and
// -щина and a few cities stand for their regions.
var ukAftermathRegionsFamily = []attackCase{
	{name: "uk: debris fell in two regions", pub: "2026-05-06",
		text: "Вночі противник запустив 70 дронів, збито 52. Уламки впали на Житомирщині та Рівненщині.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Zhytomyr", "Rivne"}}},
	{name: "uk: there are wounded in a region", pub: "2026-05-06",
		text: "Сили ППО знищили 40 шахедів із 55. На Полтавщині є поранені.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Poltava"}}},
	{name: "uk: houses damaged in two regions, adjectives", pub: "2026-05-06",
		text: "Вночі ворог атакував 33 дронами, 20 збито. Пошкоджено будинки в Чернігівській і Сумській областях.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Chernihiv", "Sumy"}}},
	{name: "uk: hits recorded, short names in -ччина and -щина", pub: "2026-05-06",
		text: "Збито 18 дронів із 25. Зафіксовано влучання на Вінниччині та Івано-Франківщині.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Vinnytsia", "Ivano-Frankivsk"}}},
	{name: "uk: a fire in a district named after its city", pub: "2026-05-06",
		text: "Уночі ворог запустив 40 дронів, 31 з них збили. Через атаку виникла пожежа у Криворізькому районі.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Dnipropetrovsk"}}},
	{name: "uk: damage in a city that stands for its region", pub: "2026-05-06",
		text: "Вночі було запущено 12 ракет, збито 10. Унаслідок атаки у Кременчуці пошкоджено склад.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Poltava"}}},
	{name: "uk: explosions heard in two cities", pub: "2026-05-06",
		text: "Уночі ворог атакував 52 дронами, 41 з них знешкоджено. Вибухи лунали у Тернополі та Рівному.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Ternopil", "Rivne"}}},
	{name: "uk: cities of two regions, stems that change in the locative", pub: "2026-05-06",
		text: "Вночі ворог запустив 44 дрони, збито 36. Пошкоджено будинки в Борисполі та Умані.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Kyiv", "Cherkasy"}}},
	// what must not change
	{name: "uk: explosions in a Russian region are not the attack's on Ukraine", pub: "2026-05-06",
		text: "Уночі ворог атакував 52 дронами, 41 з них знешкоджено. Тим часом вибухи лунали у Бєлгороді.",
		want: map[string]any{"national#": 1, "0.regions": nil}},
	{name: "uk: the launch area is no region of the attack", pub: "2026-05-06",
		text: "Вночі ворог запустив 40 дронів з Курської області, збито 30.",
		want: map[string]any{"national#": 1, "0.regions": nil}},
	{name: "uk: an air alert names no region of the attack", pub: "2026-05-06",
		text: "Вночі ворог запустив 40 дронів, збито 30. Повітряна тривога лунала у Вінницькій та Хмельницькій областях.",
		want: map[string]any{"national#": 1, "0.regions": nil}},
	{name: "uk: the parts of the country are no region", pub: "2026-05-06",
		text: "Збито/подавлено 45 ворожих БпЛА на півночі, сході та в центрі країни. Є влучання на 6 локаціях.",
		want: map[string]any{"national#": 1, "0.regions": nil}},
	{name: "uk: a region the attack reached is no evidence of a region's count", pub: "2026-05-06",
		text: "Вночі ворог запустив 64 дрони, 50 з них збито. На Сумщині пошкоджено лінію електропередач.",
		want: map[string]any{"national#": 1, "0.launched.drones": 64, "0.regions": []string{"Sumy"}}},
	{name: "uk: a governor's count stays the region's", pub: "2026-05-06",
		text: "Над Одещиною збили 6 шахедів, повідомив Кіпер. Уламки пошкодили будинок.",
		want: map[string]any{"national#": 0, "0.intercepted.drones": 6}},
}

// "Приземлити" (to land) and "ліквідувати" (to eliminate), the reporters'
// words for shooting a drone or missile down, in their past and passive
// forms: a count of weapons intercepted. An aircraft landing (the reflexive
// приземлився), fires put out and troops eliminated are none.
var ukLandedFamily = []attackCase{
	{name: "uk: the defenders landed all the drones", pub: "2026-05-06",
		text: "Уночі захисники неба приземлили всі дев'ять шахедів.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 9, "0.launched.drones": 9}},
	{name: "uk: air defence landed N drones, in quotation marks", pub: "2026-05-06",
		text: "Повітряні сили повідомили, що ППО \"приземлила\" 23 ворожі дрони.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 23}},
	{name: "uk: the impersonal passive", pub: "2026-05-06",
		text: "Уночі ворог запустив 31 дрон, 26 з них було приземлено.",
		want: map[string]any{"national#": 1, "0.launched.drones": 31, "0.intercepted.drones": 26}},
	{name: "uk: landed, of a whole, object first", pub: "2026-05-06",
		text: "Вночі противник випустив 14 ракет, 11 з них приземлили сили ППО.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 14, "0.intercepted.missiles": 11}},
	{name: "uk: liquidated, of the whole flying at a city", pub: "2026-05-06",
		text: "На місто летіли чотири ракети, три з них ліквідували сили ППО.",
		want: map[string]any{"#": 1, "0.launched.missiles": 4, "0.intercepted.missiles": 3}},
	{name: "uk: liquidated drones, the impersonal passive", pub: "2026-05-06",
		text: "Уночі над країною ліквідовано 19 ворожих дронів, повідомили Повітряні сили.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 19}},
	// what must not change
	{name: "uk: fires put out are no weapons", pub: "2026-05-06",
		text: "Рятувальники ліквідували 5 пожеж після атаки.",
		want: map[string]any{"#": 0}},
	{name: "uk: enemy troops eliminated are no weapons", pub: "2026-05-06",
		text: "За добу ліквідовано 980 окупантів.",
		want: map[string]any{"#": 0}},
	{name: "uk: an aircraft with passengers landed", pub: "2026-05-06",
		text: "Літак із 140 пасажирами приземлився в аеропорту.",
		want: map[string]any{"#": 0}},
	{name: "uk: the usual verb of shooting down", pub: "2026-05-06",
		text: "Уночі сили ППО збили 17 шахедів.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 17}},
}

// A sentence of the air defence at work with no count of its own (downing
// in the imperfective or as a noun, the attack repelled, the defence
// acting, weapons in the sky over a place) names regions the attack
// reached.
var ukDefenceRegionsFamily = []attackCase{
	{name: "uk: targets were being downed in the sky over two regions", pub: "2026-05-06",
		text: "Вночі ворог запустив 48 дронів, збито 39. Ворожі цілі збивали в небі над Черкащиною та Полтавщиною.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Cherkasy", "Poltava"}}},
	{name: "uk: drones heard in the sky over a region", pub: "2026-05-06",
		text: "Уночі противник атакував 26 шахедами, 20 знищено. Ворожі дрони було чутно в небі над Тернопільщиною.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Ternopil"}}},
	{name: "uk: downings recorded in regions, the noun", pub: "2026-05-06",
		text: "Вночі ворог запустив 73 дрони, 58 збито. Збиття фіксували у Кіровоградській, Вінницькій та Одеській областях.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Kirovohrad", "Vinnytsia", "Odesa"}}},
	{name: "uk: the air attack was repelled in regions", pub: "2026-05-06",
		text: "Противник запустив 35 дронів, 30 з них збито. Повітряний напад відбивали в Хмельницькій і Житомирській областях.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Khmelnytskyi", "Zhytomyr"}}},
	{name: "uk: all of them destroyed within regions", pub: "2026-05-06",
		text: "Уночі ворог випустив 11 шахедів. Усі вони були знищені в межах Миколаївської та Херсонської областей.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 11, "0.regions": []string{"Mykolaiv", "Kherson"}}},
	{name: "uk: objects hit in a region (aftermath)", pub: "2026-05-06",
		text: "Вночі ворог запустив 48 дронів, збито 39. Уражено енергетичні об'єкти на Чернігівщині.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Chernihiv"}}},
	// what must not change
	{name: "uk: an air alert in regions is still no region of the attack", pub: "2026-05-06",
		text: "Вночі ворог запустив 48 дронів, збито 39. Тривогу оголошували в Черкаській області.",
		want: map[string]any{"national#": 1, "0.regions": nil}},
	{name: "uk: the launch areas in the sky sentence stay out", pub: "2026-05-06",
		text: "Вночі ворог запустив 48 дронів з Брянської області, збито 39.",
		want: map[string]any{"national#": 1, "0.regions": nil}},
	{name: "uk: a regional count in the sky over the region stays regional", pub: "2026-05-06",
		text: "У небі над Житомирщиною сили ППО збили 4 шахеди, повідомили в ОВА.",
		want: map[string]any{"national#": 0, "0.intercepted.drones": 4, "0.regions": []string{"Zhytomyr"}}},
}

// The classes of missiles a report names without a class noun after the
// adjective: the noun left out after a missile figure ("ракет, серед них
// балістичні й крилаті"), a type right after the adjective ("крилаті
// Калібр"), and the noun "балістика" for ballistic missiles.
var ukClassNamesFamily = []attackCase{
	{name: "uk: among them ballistic and cruise, noun left out", pub: "2026-05-06",
		text: "Уночі ворог випустив 14 ракет різних типів, серед них балістичні й крилаті.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 14, "0.weapons": []string{"missile", "ballistic", "cruise"}}},
	{name: "uk: including ballistic ones, instrumental", pub: "2026-05-06",
		text: "Вночі росіяни атакували 80 дронами та 5 ракетами, у тому числі балістичними.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 5, "0.weapons": []string{"drone", "missile", "ballistic"}}},
	{name: "uk: the class adjective before a type", pub: "2026-05-06",
		text: "Уночі ворог запустив 30 дронів і 4 ракети — крилаті Калібр.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 4, "0.weapons": []string{"drone", "missile", "cruise", "Kalibr"}}},
	{name: "uk: struck with ballistics, the noun", pub: "2026-05-06",
		text: "Росіяни вночі вдарили балістикою та 70 дронами, повідомили Повітряні сили.",
		want: map[string]any{"national#": 1, "0.launched.drones": 70, "0.weapons": []string{"ballistic", "drone"}}},
	// what must not change
	{name: "uk: a threat of ballistics in an alert names no weapon of the attack", pub: "2026-05-06",
		text: "Уночі ворог випустив 14 ракет, збито 10. Повітряні сили оголосили загрозу балістики на сході.",
		want: map[string]any{"national#": 1, "0.weapons": []string{"missile"}}},
	{name: "uk: a class adjective before its noun, as before", pub: "2026-05-06",
		text: "Уночі ворог запустив 6 балістичних ракет.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 6, "0.weapons": []string{"ballistic", "missile"}}},
}

// A header of the regions where the defence worked or the attack left its
// mark, then one region to a bullet: each bullet names a region the attack
// reached.
var ukRegionListFamily = []attackCase{
	{name: "uk: regions where the defence worked, one to a bullet", pub: "2026-05-06",
		text: "Вночі ворог запустив 64 дрони, збито 51, повідомили Повітряні сили.\nППО працювала в таких областях:\n• Сумська\n• Полтавська\n• Черкаська",
		want: map[string]any{"national#": 1, "0.regions": []string{"Sumy", "Poltava", "Cherkasy"}}},
	{name: "uk: the aftermath by region, dashes", pub: "2026-05-06",
		text: "Уночі противник атакував 40 дронами, 33 знищено.\nНаслідки атаки зафіксували:\n- на Херсонщині;\n- на Миколаївщині.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Kherson", "Mykolaiv"}}},
	// what must not change
	{name: "uk: a list of regions under an alert header", pub: "2026-05-06",
		text: "Вночі ворог запустив 64 дрони, збито 51.\nТривогу оголошували в областях:\n• Сумська\n• Полтавська",
		want: map[string]any{"national#": 1, "0.regions": nil}},
	{name: "uk: a list of weapons under a launch header, as before", pub: "2026-05-06",
		text: "Вночі противник атакував:\n- 50 ударними дронами;\n- 3 балістичними ракетами.",
		want: map[string]any{"national#": 1, "0.launched.drones": 50, "0.launched.missiles": 3}},
}

// A drone noun that is the same in the nominative and accusative (дрон,
// безпілотник) or does not decline (БпЛА), after a masculine singular
// adjective, in a sentence of downing: one drone shot down.
var ukOneDroneFamily = []attackCase{
	{name: "uk: a governor's unit destroyed one enemy drone over the region", pub: "2026-05-06",
		text: "Цієї ночі над областю підрозділ ППО знищив ворожий БпЛА, повідомив голова ОВА.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 1}},
	{name: "uk: air defence downed one strike drone", pub: "2026-05-06",
		text: "Вночі над Полтавщиною сили ППО збили ворожий ударний безпілотник.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 1, "0.regions": []string{"Poltava"}}},
	{name: "uk: one drone destroyed, the impersonal passive after it", pub: "2026-05-06",
		text: "Над Рівненщиною ворожий дрон знищено, повідомили в ОВА.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 1}},
	// what must not change
	{name: "uk: one drone's incident is no count", pub: "2026-05-06",
		text: "Ворожий дрон атакував маршрутку на околиці Херсона.",
		want: map[string]any{"#": 0}},
	{name: "uk: a warning of one drone on its way is no count", pub: "2026-05-06",
		text: "Повітряні сили попередили: ворожий ударний дрон рухається на Шостку.",
		want: map[string]any{"#": 0}},
	{name: "uk: a plural count stays the count", pub: "2026-05-06",
		text: "Вночі над Полтавщиною сили ППО збили 6 ворожих безпілотників.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 6}},
}
