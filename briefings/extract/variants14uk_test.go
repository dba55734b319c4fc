package extract

import "slices"

// Paraphrase families for issue 14 (Ukrainian reports, round of rwuk),
// written for these tests: invented figures, places and times.
func variantCases14uk() []attackCase {
	return slices.Concat(ukInfinitiveFamily, ukWhereasFamily, ukAttackHeadingFamily, ukBreakdownGoesOnFamily, ukHedgeFamily, ukGenStaffFamily, ukTensHundredsFamily, ukInjuriesFamily, ukTargetRegionsFamily, ukCommandZoneFamily, ukOfficialsFamily, ukOneMoreWeaponFamily, ukHitCountFamily, ukTodayFamily, ukLastSpanFamily)
}

// The infinitive of the verb of destroying after "managed to" or "were
// able to" (вдалося знищити, змогли знищити), as its other forms: a count
// of weapons destroyed.
var ukInfinitiveFamily = []attackCase{
	{name: "uk: managed to destroy N drones", pub: "2026-05-06",
		text: "Цієї ночі силам ППО вдалося знищити 64 ударні дрони.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 64}},
	{name: "uk: managed to destroy, numbers as words, of a whole", pub: "2026-05-06",
		text: "Захисникам неба вдалося знищити сорок два шахеди з п'ятдесяти.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 42, "0.launched.drones": 50}},
	{name: "uk: were able to destroy missiles and drones", pub: "2026-05-06",
		text: "Уночі сили оборони змогли знищити 12 ракет і 57 дронів.",
		want: map[string]any{"national#": 1, "0.intercepted.missiles": 12, "0.intercepted.drones": 57}},
	{name: "uk: the whole first, then managed to destroy", pub: "2026-05-06",
		text: "Із 80 ворожих безпілотників 61 вдалося знищити.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 61, "0.launched.drones": 80}},
	{name: "uk: launched in one sentence, destroyed with the infinitive in the next", pub: "2026-05-06",
		text: "Вночі росіяни запустили 95 ударних безпілотників. Українським захисникам вдалося знищити 77 з них.",
		want: map[string]any{"national#": 1, "0.launched.drones": 95, "0.intercepted.drones": 77}},
	// what must not change
	{name: "uk: the past form of the same verb", pub: "2026-05-06",
		text: "Сили ППО знищили 64 ударні дрони.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 64}},
}

// A figure after the Ukrainian "а" (whereas) with a verb of its own opens a
// clause with a new subject: the verb after it is not the earlier figures'
// ("знищили N дронів, а M імітаторів не досягли цілей"); with a count
// ending in one the verb is singular ("21 імітатор не досяг", "не долетів").
var ukWhereasFamily = []attackCase{
	{name: "uk: destroyed N, whereas M decoys did not reach", pub: "2026-05-06",
		text: "Сили ППО знищили 58 ударних дронів, а 19 безпілотників-імітаторів не досягли цілей.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 58, "0.not_reached.drones": 19}},
	{name: "uk: shot down missiles and drones, whereas decoys were lost", pub: "2026-05-06",
		text: "Уночі вдалося збити 12 ракет і 57 дронів, а 30 імітаторів було локаційно втрачено.",
		want: map[string]any{"national#": 1, "0.intercepted.missiles": 12, "0.intercepted.drones": 57, "0.jammed.drones": 30}},
	{name: "uk: numbers as words, singular verb after a count ending in one", pub: "2026-05-06",
		text: "Протиповітряна оборона знешкодила сорок шахедів, а двадцять один безпілотник-імітатор не долетів до цілей.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 40, "0.not_reached.drones": 21}},
	{name: "uk: passive first clause, whereas with the singular of reaching", pub: "2026-05-06",
		text: "Збито 33 ворожі БпЛА, а 31 дрон-імітатор не досяг цілі.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 33, "0.not_reached.drones": 31}},
	// what must not change
	{name: "uk: as well as (а також) still joins a list", pub: "2026-05-06",
		text: "Противник атакував 3 ракетами, а також 40 дронами.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 3, "0.launched.drones": 40}},
	{name: "uk: a bare number after whereas", pub: "2026-05-06",
		text: "Збито 40 дронів, а 12 було подавлено засобами РЕБ.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 40, "0.jammed.drones": 12}},
}

// An attack noun before a colon that opens a count: the counts are the
// weapons the attack used ("Нічна атака: N дронів і M ракет", the
// president's "Знову був удар: понад N дронів і M ракет").
var ukAttackHeadingFamily = []attackCase{
	{name: "uk: night attack, colon, drones and missiles", pub: "2026-05-06",
		text: "Нічна атака: 94 дрони та 8 ракет.",
		want: map[string]any{"national#": 1, "0.launched.drones": 94, "0.launched.missiles": 8}},
	{name: "uk: there was a strike tonight too, colon, numbers as words", pub: "2026-05-06",
		text: "Цієї ночі знову був удар: понад двісті дронів і шість балістичних ракет.",
		want: map[string]any{"national#": 1, "0.launched.drones": 200, "0.launched.missiles": 6, "0.launched.by_type.ballistic": 6}},
	{name: "uk: heading, then the shot-down figures in the same sentence", pub: "2026-05-06",
		text: "Масована атака: понад 380 дронів і 26 ракет різних типів, збито 340 дронів і 21 ракету.",
		want: map[string]any{"national#": 1, "0.launched.drones": 380, "0.launched.missiles": 26, "0.intercepted.drones": 340, "0.intercepted.missiles": 21}},
	{name: "uk: the attack was combined, colon, a list with classes", pub: "2026-05-06",
		text: "Атака була комбінованою: 300 ударних безпілотників, 12 крилатих і 4 балістичні ракети.",
		want: map[string]any{"national#": 1, "0.launched.drones": 300, "0.launched.missiles": 16}},
	{name: "uk: heading, colon, a bound the lexicon knows (принаймні)", pub: "2026-05-06",
		text: "Нічна атака: принаймні 70 дронів і 5 ракет.",
		want: map[string]any{"#": 1, "0.launched.drones": 70, "0.launched.missiles": 5}},
	// what must not change
	{name: "uk: the attack goes on, colon, drones still flying", pub: "2026-05-06",
		text: "Атака триває: 20 дронів ще в повітрі.",
		want: map[string]any{"national#": 0}},
	{name: "uk: the attack goes on, colon, no count", pub: "2026-05-06",
		text: "Атака триває: у повітрі ще є дрони.",
		want: map[string]any{"#": 0}},
}

// Russia's ministry's region-by-region list, carried on in sentences of
// their own with the verb left out ("N – над X областю.", "По N БпЛА – над
// A і B.", "Також по одному – над A та B."): each is a region's share of the
// figure the sentence before counted, as "N over the X region" is inside
// one sentence. The Ukrainian distributive "по N" gives N to each region.
var ukBreakdownGoesOnFamily = []attackCase{
	{name: "uk: ministry total, then regions with a dash and no verb", pub: "2026-05-06",
		text: "У Міноборони РФ заявили, що за ніч збили 45 українських дронів. 20 – над Бєлгородською областю, 15 – над Курською.",
		want: map[string]any{"#": 3, "national#": 1, "0.intercepted.drones": 45, "1.regions": []string{"Belgorod"}, "1.intercepted.drones": 20, "2.regions": []string{"Kursk"}, "2.intercepted.drones": 15}},
	{name: "uk: a number as a word, one more region", pub: "2026-05-06",
		text: "Міноборони Росії повідомило, що вночі збило 30 українських безпілотників. Ще дванадцять – над Воронезькою областю.",
		want: map[string]any{"#": 2, "national#": 1, "0.intercepted.drones": 30, "1.regions": []string{"Voronezh"}, "1.intercepted.drones": 12}},
	{name: "uk: distributive по with the noun, two regions", pub: "2026-05-06",
		text: "У Міноборони РФ заявили, що за ніч збили 45 українських дронів. По 3 БпЛА – над Брянською і Орловською областями.",
		want: map[string]any{"#": 3, "national#": 1, "1.regions": []string{"Bryansk"}, "1.intercepted.drones": 3, "2.regions": []string{"Oryol"}, "2.intercepted.drones": 3}},
	{name: "uk: and one each, dative number word", pub: "2026-05-06",
		text: "У Міноборони РФ заявили, що за ніч збили 45 українських дронів. Також по одному – над Тульською і Липецькою областями.",
		want: map[string]any{"#": 3, "national#": 1, "1.regions": []string{"Tula"}, "1.intercepted.drones": 1, "2.regions": []string{"Lipetsk"}, "2.intercepted.drones": 1}},
	{name: "en: the list in a sentence of its own", pub: "2026-05-06",
		text: "Russia's Defence Ministry said 40 Ukrainian drones were destroyed overnight. Twelve over the Belgorod region, nine over the Kursk region.",
		want: map[string]any{"#": 3, "national#": 1, "1.intercepted.drones": 12, "2.intercepted.drones": 9}},
	// what must not change
	{name: "uk: people in the next sentence are no region's share", pub: "2026-05-06",
		text: "Вночі ППО збила 40 дронів. 3 людини поранені.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 40, "0.casualties.injured": 3}},
}

// The Ukrainian hedges of a claim (нібито, начебто, ніби: allegedly)
// between a count and its verb, as "reportedly" is: the verb still says
// what the count counts.
var ukHedgeFamily = []attackCase{
	{name: "uk: allegedly shot down over a region, passive", pub: "2026-05-06",
		text: "Як стверджують у російському міністерстві, 18 безпілотників начебто було знищено над Орловською областю.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 18, "0.regions": []string{"Oryol"}}},
	{name: "uk: nibyto, destroyed, after the claim verb", pub: "2026-05-06",
		text: "Росіяни заявили, що 40 українських дронів нібито було знищено над Курською областю.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 40}},
	{name: "uk: the ministry's total, then the largest share with dashes", pub: "2026-05-06",
		text: "У Міноборони РФ заявили, що за ніч збили 60 українських дронів. З-поміж них 25 дронів нібито було знищено над Курською областю.",
		want: map[string]any{"#": 2, "national#": 1, "0.intercepted.drones": 60, "1.intercepted.drones": 25, "1.regions": []string{"Kursk"}}},
	// what must not change
	{name: "uk: the hedge before the verb and after the subject", pub: "2026-05-06",
		text: "Міноборони Росії стверджує, що за ніч його ППО нібито знешкодила 57 українських безпілотників.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 57}},
}

// The General Staff under every case of its Ukrainian name, short and full
// (у Генштабі, Генеральний штаб, Генерального штабу, у Генеральному
// штабі): the source of the figures.
var ukGenStaffFamily = []attackCase{
	{name: "uk: source in the locative, in a sentence after the figures", pub: "2026-05-06",
		text: "Минулої ночі окупанти випустили по Україні 26 шахедів. 19 з них вдалося збити. Такі дані оприлюднили у Генштабі.",
		want: map[string]any{"national#": 1, "0.launched.drones": 26, "0.source": "Ukraine's General Staff"}},
	{name: "uk: full name in the nominative, before the figures", pub: "2026-05-06",
		text: "Як повідомив Генеральний штаб ЗСУ, вночі росіяни запустили 30 ударних дронів, 25 з них збито.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 25, "0.source": "Ukraine's General Staff"}},
	{name: "uk: full name in the genitive", pub: "2026-05-06",
		text: "За даними Генерального штабу, противник випустив по Україні 20 ракет.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 20, "0.source": "Ukraine's General Staff"}},
	{name: "uk: full name in the locative", pub: "2026-05-06",
		text: "У Генеральному штабі повідомили, що вночі ворог запустив 40 шахедів.",
		want: map[string]any{"national#": 1, "0.launched.drones": 40, "0.source": "Ukraine's General Staff"}},
	// what must not change
	{name: "uk: the short genitive", pub: "2026-05-06",
		text: "За даними Генштабу, вночі ворог запустив 40 шахедів.",
		want: map[string]any{"national#": 1, "0.source": "Ukraine's General Staff"}},
}

// Ukrainian numerals counting tens and hundreds ("три десятки" 30, "дві
// сотні" 200, "п'ять сотень", "двома сотнями", "півтори сотні" 150,
// "півтора десятка" 15): a figure, not a vague quantity.
var ukTensHundredsFamily = []attackCase{
	{name: "uk: two hundreds of drones", pub: "2026-05-06",
		text: "Вночі Росія запустила по Україні дві сотні дронів.",
		want: map[string]any{"national#": 1, "0.launched.drones": 200}},
	{name: "uk: more than three tens of missiles and two hundreds of drones", pub: "2026-05-06",
		text: "Вночі ворог випустив понад чотири десятки ракет і дві сотні ударних дронів.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 40, "0.launched.drones": 200, "0.qualifiers.launched\\.missiles": "more_than"}},
	{name: "uk: instrumental, the Air Force's word order", pub: "2026-05-06",
		text: "Вночі противник атакував Україну двома сотнями ударних БпЛА та трьома десятками ракет.",
		want: map[string]any{"national#": 1, "0.launched.drones": 200, "0.launched.missiles": 30}},
	{name: "uk: genitive plural of hundreds", pub: "2026-05-06",
		text: "Вночі росіяни запустили близько п'яти сотень дронів.",
		want: map[string]any{"national#": 1, "0.launched.drones": 500}},
	{name: "uk: one and a half hundreds destroyed, of them", pub: "2026-05-06",
		text: "Вночі Росія запустила майже дві сотні дронів, понад півтори сотні з них знешкоджено.",
		want: map[string]any{"national#": 1, "0.launched.drones": 200, "0.intercepted.drones": 150}},
	{name: "uk: one and a half tens", pub: "2026-05-06",
		text: "Вночі ворог атакував Україну півтора десятка ударних дронів.",
		want: map[string]any{"national#": 1, "0.launched.drones": 15}},
	// what must not change
	{name: "uk: tens and hundreds without a numeral stay vague", pub: "2026-05-06",
		text: "Вночі Росія запустила десятки ракет і сотні дронів.",
		want: map[string]any{"national#": 0}},
}

// The genitive plural of the noun of injury (поранень: "призвела до
// поранень N осіб", "N людей дістали поранень"), as its other forms: the
// people injured.
var ukInjuriesFamily = []attackCase{
	{name: "uk: the attack led to injuries of N persons", pub: "2026-05-06",
		text: "Вночі удар шахедів по Полтаві призвів до поранень чотирьох осіб.",
		want: map[string]any{"#": 1, "0.casualties.injured": 4}},
	{name: "uk: collective numeral, received injuries", pub: "2026-05-06",
		text: "Внаслідок удару дронів по Сумах п'ятеро людей дістали поранень.",
		want: map[string]any{"#": 1, "0.casualties.injured": 5}},
	{name: "uk: verb first, the number after", pub: "2026-05-06",
		text: "Через атаку шахедів на Одесу дістали поранень шестеро людей, серед них дитина.",
		want: map[string]any{"#": 1, "0.casualties.injured": 6}},
	// what must not change
	{name: "uk: the accusative form", pub: "2026-05-06",
		text: "Внаслідок атаки дронів на Харків троє людей дістали поранення.",
		want: map[string]any{"#": 1, "0.casualties.injured": 3}},
}

// A sentence without figures that names the attack's targets ("основними
// цілями атаки стали X та Y", "ціллю ворога стала X") or the regions that
// suffered, the regions right after the verb ("внаслідок атаки
// постраждали X та Y області"): the event's regions.
var ukTargetRegionsFamily = []attackCase{
	{name: "uk: two regions named as the main targets", pub: "2026-05-06",
		text: "Вночі росіяни запустили по Україні 90 ударних дронів, 70 з них збито. Головними цілями ворога стали Сумщина та Полтавщина.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Sumy", "Poltava"}}},
	{name: "uk: the enemy's target was a region, singular", pub: "2026-05-06",
		text: "Вночі ворог атакував Україну 45 шахедами. Ціллю ворога стала Полтавщина.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Poltava"}}},
	{name: "uk: regions that suffered, adjective and noun", pub: "2026-05-06",
		text: "Протиповітряна оборона збила 52 дрони з 64. Внаслідок атаки постраждали Сумська, Черкаська та Київська області.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Sumy", "Cherkasy", "Kyiv"}}},
	{name: "uk: regions that suffered, the short names", pub: "2026-05-06",
		text: "Уночі противник запустив 88 БпЛА, збито 60. Через атаку постраждали Одещина та Хмельниччина.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Odesa", "Khmelnytskyi"}}},
	// what must not change
	{name: "uk: the main direction of the strike, already read", pub: "2026-05-06",
		text: "Вночі росіяни запустили по Україні 90 ударних дронів. Основний напрямок удару – Одещина.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Odesa"}}},
}

// "У зоні відповідальності Повітряного командування «X»": the zone of a
// regional air command where weapons were downed, not the command speaking
// for its region: the figures stay the attack's.
var ukCommandZoneFamily = []attackCase{
	{name: "uk: all destroyed in the zone of an air command", pub: "2026-05-06",
		text: "Вночі ворог запустив 8 ракет Калібр, усі вісім збили в зоні відповідальності Повітряного командування «Південь».",
		want: map[string]any{"national#": 1, "0.launched.missiles": 8, "0.intercepted.missiles": 8}},
	{name: "uk: downed in the zone of a command, the Air Force said", pub: "2026-05-06",
		text: "Збито 14 крилатих ракет у зоні відповідальності Повітряного командування «Центр», повідомили в Повітряних силах.",
		want: map[string]any{"national#": 1, "0.intercepted.missiles": 14, "0.source": "Ukraine's Air Force"}},
	// what must not change
	{name: "uk: the Air Force's spokesman names the zone", pub: "2026-05-06",
		text: "Речник Повітряних сил сказав, що 6 шахедів знищено в зоні відповідальності Повітряного командування Південь.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 6}},
	{name: "uk: the regional command itself speaks", pub: "2026-05-06",
		text: "Повітряне командування «Схід» повідомило, що вночі над областю збито 5 шахедів.",
		want: map[string]any{"national#": 0, "0.intercepted.drones": 5, "0.source": "regional governor"}},
}

// The officials the reader knows by surname, in Ukrainian spelling and case
// forms ("написав Лисак", "за словами Кіпера"): a governor or mayor speaks
// for the home region, so "над областю" is that region, not the country.
var ukOfficialsFamily = []attackCase{
	{name: "uk: over the region, the governor by surname after a dash", pub: "2026-05-06",
		text: "Вночі над областю збили 6 шахедів, – написав Лисак.",
		want: map[string]any{"national#": 0, "0.regions": []string{"Dnipropetrovsk"}, "0.intercepted.drones": 6}},
	{name: "uk: the governor in the genitive, before the figures", pub: "2026-05-06",
		text: "За словами Кіпера, вночі над областю знищено 11 ударних безпілотників.",
		want: map[string]any{"national#": 0, "0.regions": []string{"Odesa"}, "0.intercepted.drones": 11}},
	{name: "uk: the mayor by surname, no place in the sentence", pub: "2026-05-06",
		text: "Вночі сили ППО знищили 6 дронів, повідомив Терехов.",
		want: map[string]any{"national#": 0, "0.regions": []string{"Kharkiv"}, "0.source": "mayor"}},
	{name: "uk: numbers as words, the governor of Kharkiv", pub: "2026-05-06",
		text: "Цієї ночі над областю ППО знищила чотири ворожі безпілотники, повідомив Синєгубов.",
		want: map[string]any{"national#": 0, "0.regions": []string{"Kharkiv"}, "0.intercepted.drones": 4}},
	{name: "uk: the Air Force's spokesman by surname", pub: "2026-05-06",
		text: "Вночі росіяни запустили 40 шахедів, 35 з них збито, повідомив Ігнат.",
		want: map[string]any{"national#": 1, "0.source": "Ukraine's Air Force"}},
	// what must not change
	{name: "uk: the governor named with the office", pub: "2026-05-06",
		text: "Вночі над Дніпропетровщиною збили 6 шахедів, повідомив голова ОВА Сергій Лисак.",
		want: map[string]any{"national#": 0, "0.regions": []string{"Dnipropetrovsk"}}},
}

// A count with a weapon noun, then "та", "і" or "й" and a singular noun of
// the other class with no number of its own: the count is the first
// class's, the singular noun one weapon (N drones and one missile), in the
// instrumental after "атакувати" or the accusative after "запустити",
// with a count ending in one (singular noun after it) or not.
var ukOneMoreWeaponFamily = []attackCase{
	{name: "uk: instrumental, count ending in one, type, and a ballistic missile", pub: "2026-05-06",
		text: "Цієї ночі ворог атакував область 61 шахедом та балістичною ракетою.",
		want: map[string]any{"national#": 1, "0.launched.drones": 61, "0.launched.missiles": 1, "0.launched.by_type.ballistic": 1}},
	{name: "uk: instrumental, count ending in one, drone, and a bare missile", pub: "2026-05-06",
		text: "Росіяни атакували південь 71 дроном і ракетою.",
		want: map[string]any{"national#": 1, "0.launched.drones": 71, "0.launched.missiles": 1, "0.launched.total": nil}},
	{name: "uk: instrumental plural, and a bare missile", pub: "2026-05-06",
		text: "Окупанти вночі атакували 86 безпілотниками й ракетою.",
		want: map[string]any{"national#": 1, "0.launched.drones": 86, "0.launched.missiles": 1, "0.launched.total": nil}},
	{name: "uk: accusative, strike UAVs and a missile", pub: "2026-05-06",
		text: "За ніч противник запустив 112 ударних БпЛА та ракету.",
		want: map[string]any{"national#": 1, "0.launched.drones": 112, "0.launched.missiles": 1}},
	{name: "uk: accusative, count ending in one, type, and a cruise missile", pub: "2026-05-06",
		text: "Противник запустив 31 шахед і крилату ракету.",
		want: map[string]any{"national#": 1, "0.launched.drones": 31, "0.launched.missiles": 1, "0.launched.by_type.cruise": 1}},
	{name: "uk: accusative, drones and a missile with its model, then shot down", pub: "2026-05-06",
		text: "Ворог запустив 46 дронів та ракету Іскандер-М, сили ППО збили 39 дронів.",
		want: map[string]any{"national#": 1, "0.launched.drones": 46, "0.launched.missiles": 1, "0.intercepted.drones": 39}},
	{name: "uk: shot down, genitive plural and an accusative missile", pub: "2026-05-06",
		text: "Сили оборони збили 27 шахедів та ракету.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 27, "0.intercepted.missiles": 1}},
	// what must not change
	{name: "uk: two numbered classes", pub: "2026-05-06",
		text: "Ворог атакував 61 шахедом та 2 балістичними ракетами.",
		want: map[string]any{"national#": 1, "0.launched.drones": 61, "0.launched.missiles": 2}},
	{name: "uk: a plural second noun with no number shares the count", pub: "2026-05-06",
		text: "Противник атакував 70 дронами та ракетами.",
		want: map[string]any{"national#": 1, "0.launched.total": 70, "0.launched.missiles": nil, "0.launched.drones": nil}},
	{name: "en: drones and a ballistic missile", pub: "2026-05-06",
		text: "Russia launched 53 drones and a ballistic missile overnight.",
		want: map[string]any{"national#": 1, "0.launched.drones": 53, "0.launched.missiles": 1}},
}

// A count of the hit noun itself, the weapon that hit after it in the
// genitive ("зафіксовано N влучань ударних БпЛА"): N hits by that class,
// also in a regional post that gives no attack figure of its own.
var ukHitCountFamily = []attackCase{
	{name: "uk: the mayor counts drone hits in the city", pub: "2026-05-06",
		text: "Зафіксовано сім влучань ударних дронів у місті, повідомив Терехов.",
		want: map[string]any{"#": 1, "0.hits.drones": 7, "0.scope": "regional"}},
	{name: "uk: the regional administration, type in the genitive plural", pub: "2026-05-06",
		text: "За даними ОВА, на Сумщині вночі зафіксовано 12 влучань шахедів.",
		want: map[string]any{"#": 1, "0.hits.drones": 12, "0.scope": "regional"}},
	{name: "uk: hits of ballistic missiles, numbers as words", pub: "2026-05-06",
		text: "У Дніпрі зафіксовано три влучання балістичних ракет, повідомив Лисак.",
		want: map[string]any{"#": 1, "0.hits.missiles": 3, "0.hits.drones": nil}},
	{name: "uk: hits and locations, the source after", pub: "2026-05-06",
		text: "Зафіксовано 9 влучань ворожих БпЛА на 5 локаціях, повідомили в обласній військовій адміністрації.",
		want: map[string]any{"#": 1, "0.hits.drones": 9, "0.hits.locations": 5}},
	// what must not change
	{name: "uk: a bare count of hits takes the attack's class", pub: "2026-05-06",
		text: "Вночі ворог атакував 75 дронами. Зафіксовано 13 влучань.",
		want: map[string]any{"national#": 1, "0.launched.drones": 75, "0.hits.drones": 13}},
	{name: "uk: a bare count of hits alone is no report", pub: "2026-05-06",
		text: "Є 12 влучань.",
		want: map[string]any{"#": 0}},
}

// "Сьогодні" (today) after a week's total: today's figures are an attack of
// their own, dated by the day the speaker spoke (the publication day, or
// the weekday of the saying the text gives), not part of the week's total.
var ukTodayFamily = []attackCase{
	{name: "uk: a week's total, then there was a strike today too, colon", pub: "2026-05-10",
		text: "За цей тиждень росія випустила по Україні понад 900 ударних дронів і 40 ракет. Був удар і сьогодні: 150 дронів і дві балістичні ракети.",
		want: map[string]any{"national#": 1, "1.launched.drones": 150, "1.launched.missiles": 2, "1.date": "2026-05-10", "0.launched.drones": 900, "0.launched.by_type": nil}},
	{name: "uk: over the week, then today with a verb and a shot-down figure", pub: "2026-05-10",
		text: "Упродовж тижня ворог застосував близько 1100 дронів та 35 ракет різних типів. Сьогодні росіяни знову атакували 120 шахедами, збито 97.",
		want: map[string]any{"national#": 1, "1.launched.drones": 120, "1.intercepted.drones": 97, "0.intercepted.drones": nil}},
	{name: "uk: this week, then only today, the verb first", pub: "2026-05-10",
		text: "Цього тижня окупанти запустили майже 700 дронів. Лише сьогодні вони випустили 85 ударних БпЛА.",
		want: map[string]any{"national#": 1, "1.launched.drones": 85, "0.launched.drones": 700}},
	// what must not change
	{name: "uk: today is the day of the saying a day before publication", pub: "2026-05-11",
		text: "\"За цей тиждень росія випустила понад 800 дронів і 60 ракет\", - написав він у неділю. \"І сьогодні був удар: понад 130 дронів і чотири ракети\", - додав президент.",
		want: map[string]any{"national#": 1, "1.date": "2026-05-10", "1.launched.drones": 130}},
	{name: "uk: as of today is a count up to now", pub: "2026-05-10",
		text: "Станом на сьогодні росія випустила по Україні понад 5000 дронів з початку року.",
		want: map[string]any{"national#": 0}},
	{name: "uk: today at night is the night just ended", pub: "2026-05-10",
		text: "Сьогодні вночі ворог атакував 60 дронами, збито 50.",
		want: map[string]any{"national#": 1, "0.date": "2026-05-10", "0.period": "overnight", "0.launched.drones": 60}},
}

// "Last" or "past" before a week, a month or a year (за минулий тиждень,
// за останній місяць, протягом останнього року) names a span as "this"
// does: its figures are a cumulative total, not one attack, even when they
// are small enough for one.
var ukLastSpanFamily = []attackCase{
	{name: "uk: over the past week, drones and missiles", pub: "2026-05-10",
		text: "За минулий тиждень росія випустила по Україні понад 800 дронів і 60 ракет.",
		want: map[string]any{"national#": 0, "0.cumulative": true, "0.launched.drones": 800}},
	{name: "uk: over the last week, a type", pub: "2026-05-10",
		text: "За останній тиждень ворог запустив 700 шахедів, повідомив президент.",
		want: map[string]any{"national#": 0, "0.cumulative": true}},
	{name: "uk: during the last month, the span after the verb", pub: "2026-05-10",
		text: "Росіяни запустили 950 ударних дронів протягом останнього місяця.",
		want: map[string]any{"national#": 0, "0.cumulative": true}},
	{name: "uk: a past week's total, then last night's attack", pub: "2026-05-10",
		text: "За минулий тиждень росія випустила понад 800 дронів. Минулої ночі ворог атакував 120 дронами, збито 95.",
		want: map[string]any{"national#": 1, "1.launched.drones": 120, "1.intercepted.drones": 95, "1.period": "overnight"}},
	// what must not change
	{name: "uk: last night alone", pub: "2026-05-10",
		text: "Минулої ночі росія атакувала 64 дронами.",
		want: map[string]any{"national#": 1, "0.launched.drones": 64}},
}
