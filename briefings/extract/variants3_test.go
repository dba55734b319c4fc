package extract

import "slices"

// Paraphrase families of the third round of patterns (measured on a new
// labelled set of news reports and Air Force posts). Every text was written
// for these tests.
func variantCases3() []attackCase {
	return slices.Concat(dayTemplateFamily, notReachedObjectFamily, ownVerbFamily, lostFamily, nightSpanFamily, speakerFamily, headedFamily, areaFamily, leadCasualtyFamily, twoWordRegionFamily, backgroundSpanFamily, presidentFamily, typeAsideFamily, earlierFamily, placeClauseFamily, targetingFamily)
}

// the Air Force's day report opens with its window in brackets and does not
// name itself: the window is the template's.
var dayTemplateFamily = []attackCase{
	{name: "a day's window, drones only", pub: "2026-05-03",
		text: "❗️ Протягом дня 3 травня (із 7.00 до 18.00) противник атакував Україну 85 ударними БпЛА. Станом на 18.30 збито/подавлено 70 ударних БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.drones": 85, "0.intercepted_or_jammed.drones": 70, "0.source": "Ukraine's Air Force", "0.period": "day"}},
	{name: "a day's window with a part of the figures", pub: "2026-05-04",
		text: "Протягом дня 4 травня (з 6.30 по 19.00) ворог атакував Україну 120 ударними БпЛА (40 із них – реактивні). Станом на 19.00 у повітряному просторі ще близько 10 дронів. Збито/подавлено 101 БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.drones": 120, "0.source": "Ukraine's Air Force"}},
	{name: "a night's window without the time of the count", pub: "2026-05-05",
		text: "У ніч на 5 травня (з 18:00 4 травня) противник атакував 90 ударними БпЛА. Збито/подавлено 75 ворожих БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.drones": 90, "0.source": "Ukraine's Air Force"}},
}

// one missile named by a singular noun, with the object of "не досягла" put
// before the verb.
var notReachedObjectFamily = []attackCase{
	{name: "ракета цілі не досягла", pub: "2026-05-05",
		text: "Уночі противник атакував двома ракетами Х-59 та 60 ударними БпЛА. Збито 50 БпЛА та одну ракету. Ракета Х-59 цілі не досягла.",
		want: map[string]any{"#": 1, "0.not_reached.missiles": 1}},
	{name: "ворожа ракета цілей не досягла", pub: "2026-05-05",
		text: "Уночі противник атакував ракетою Х-31П та 60 ударними БпЛА. Збито 55 БпЛА. Внаслідок протидії ворожа ракета цілей не досягла.",
		want: map[string]any{"#": 1, "0.not_reached.missiles": 1}},
	{name: "крилата ракета своєї цілі не досягла", pub: "2026-05-05",
		text: "Уночі противник атакував крилатою ракетою та 40 ударними БпЛА. Збито 35 БпЛА, крилата ракета своєї цілі не досягла.",
		want: map[string]any{"#": 1, "0.not_reached.missiles": 1, "0.intercepted.drones": 35}},
}

// a number alone after "and", with a verb of its own, opens its own clause.
var ownVerbFamily = []attackCase{
	{name: "destroyed N and M disappeared", pub: "2026-05-05",
		text: "Air defence destroyed 40 drones and 12 disappeared from radar overnight, the air force said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 40, "0.jammed.drones": 12}},
	{name: "shot down N and M were jammed", pub: "2026-05-05",
		text: "Ukrainian forces shot down 33 drones and 9 were jammed, the air force said on Monday.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 33, "0.jammed.drones": 9}},
	{name: "збили N, а M були подавлені", pub: "2026-05-05",
		text: "Уночі сили ППО збили 40 дронів, а 12 були подавлені засобами РЕБ.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 40, "0.jammed.drones": 12}},
	{name: "two phrases with nouns share the verb after them", pub: "2026-05-05",
		text: "Overnight 40 drones and 2 missiles were shot down, the air force said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 40, "0.intercepted.missiles": 2}},
}

// drones that disappear are lost, wherever the text says they went.
var lostFamily = []attackCase{
	{name: "disappeared over the territory", pub: "2026-05-05",
		text: "Air defence units shot down 30 of 50 Russian drones overnight. Another 18 drones disappeared somewhere over the country, according to the air force.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 30, "0.jammed.drones": 18}},
	{name: "two more disappeared", pub: "2026-05-05",
		text: "Russia launched 20 drones overnight; 18 were shot down and two more disappeared in the area, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 20, "0.jammed.drones": 2}},
}

// "the night of 3-4 May": the night into the later day, as the Air Force dates it.
var nightSpanFamily = []attackCase{
	{name: "night of D-D+1 Month", pub: "2026-05-04",
		text: "Russia attacked Ukraine with 70 drones on the night of 3-4 May, the air force said.",
		want: map[string]any{"#": 1, "0.date": "2026-05-04"}},
	{name: "night of D–D+1 Month with an en dash", pub: "2026-05-04",
		text: "On the night of 3–4 May, Russian forces launched 70 drones at Ukraine, the air force said.",
		want: map[string]any{"#": 1, "0.date": "2026-05-04"}},
	{name: "Month D-D+1 night", pub: "2026-05-04",
		text: "Russia launched 70 drones at Ukraine on the night of May 3-4, the air force said.",
		want: map[string]any{"#": 1, "0.date": "2026-05-04"}},
}

// "Russia claimed" is the ministry only when no one else is named as the speaker.
var speakerFamily = []attackCase{
	{name: "Russia claimed ..., the mayor said", pub: "2026-05-04",
		text: "Russia claimed on Monday that it shot down 12 Ukrainian drones approaching Moscow, the city's mayor said on Telegram.",
		want: map[string]any{"national#": 0, "0.source": "mayor", "0.scope": "regional"}},
	{name: "Russia said, and nobody else", pub: "2026-05-04",
		text: "Russia said it shot down 40 Ukrainian drones overnight.",
		want: map[string]any{"national#": 1, "0.source": "Russia's Defence Ministry"}},
	{name: "Moscow claimed ..., a governor said", pub: "2026-05-04",
		text: "Moscow claimed that air defences destroyed 5 Ukrainian drones over the Kursk region, the regional governor said.",
		want: map[string]any{"national#": 0, "0.source": "regional governor"}},
}

// a participle of direction describes the weapons; the verb after it says
// what happened to them; the place it names is the figure's.
var headedFamily = []attackCase{
	{name: "headed for the capital, then destroyed", pub: "2026-05-04",
		text: "Four Ukrainian drones headed for Moscow were destroyed, Mayor Sergei Sobyanin said.",
		want: map[string]any{"national#": 0, "0.intercepted.drones": 4, "0.regions.0": "Moscow"}},
	{name: "flying toward the capital named after it", pub: "2026-05-04",
		text: "Air defences shot down 9 drones flying toward the Russian capital Moscow, the mayor said on Telegram.",
		want: map[string]any{"national#": 0, "0.intercepted.drones": 9, "0.regions.0": "Moscow"}},
	{name: "aimed at a city", pub: "2026-05-04",
		text: "Two missiles aimed at Kyiv were shot down, the city military administration said.",
		want: map[string]any{"national#": 0, "0.intercepted.missiles": 2}},
}

// the ministry's areas at sea and "the region around" a city are places of
// a figure: shares of its national claim.
var areaFamily = []attackCase{
	{name: "over the Azov Sea waters", pub: "2026-05-04",
		text: "Russia's defence ministry said it destroyed 30 Ukrainian drones overnight: 20 over Azov Sea waters and 10 over the Rostov region.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 30}},
	{name: "над акваторією Азовського моря", pub: "2026-05-04",
		text: "Міноборони РФ заявило, що вночі збило 30 українських дронів, з них 20 над акваторією Азовського моря.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 30}},
	{name: "including N over the region around the capital", pub: "2026-05-04",
		text: "Russia's defence ministry said it downed 50 Ukrainian drones over seven regions, including 21 over the area around Moscow, the Russian capital.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 50, "1.regions.0": "Moscow", "1.intercepted.drones": 21}},
}

// people hurt told in the lead, before the attack's figures: the attack's.
var leadCasualtyFamily = []attackCase{
	{name: "killed first, figures after", pub: "2026-05-04",
		text: "At least four people were killed, regional officials reported. Russia launched 70 drones and 5 missiles at Ukraine overnight, the air force said, and 60 drones were shot down.",
		want: map[string]any{"national#": 1, "0.casualties.killed": 4, "0.launched.drones": 70}},
	{name: "deaths and injuries as nouns, first", pub: "2026-05-04",
		text: "The overnight barrage led to the deaths of three people and left 20 others injured. The air force said Russia used 80 drones, of which 71 were downed.",
		want: map[string]any{"national#": 1, "0.casualties.killed": 3, "0.casualties.injured": 20}},
	{name: "a statement without figures between them", pub: "2026-05-04",
		text: "Two people were killed, officials said. The president wrote on Monday morning that the strike hit several regions. Russia fired 30 missiles and 40 drones, the air force said.",
		want: map[string]any{"national#": 1, "0.casualties.killed": 2, "0.launched.missiles": 30}},
	{name: "people hurt and no attack after them open nothing", pub: "2026-05-04",
		text: "Two people were injured in a road accident near the city, police said.",
		want: map[string]any{"#": 0}},
}

// a region named by two words is one region.
var twoWordRegionFamily = []attackCase{
	{name: "Nizhny Novgorod is one region", pub: "2026-05-04",
		text: "Three drones launched by Ukraine were downed above the Nizhny Novgorod region overnight.",
		want: map[string]any{"0.regions": []string{"Nizhny Novgorod"}}},
}

// a sentence that names a span but counts no weapons is background: the
// figures after it are the night's, not the span's.
var backgroundSpanFamily = []attackCase{
	{name: "an ordinal over a span, then the night's figures", pub: "2026-05-04",
		text: "Since April this has been the fourth large attack on the power grid. Air defences destroyed 30 of 45 missiles and 50 of 60 drones.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 45, "0.intercepted.drones": 50, "0.cumulative": false}},
	{name: "a comparison over the year, then the figures", pub: "2026-05-04",
		text: "Officials called it the heaviest barrage so far this year. Russia fired 40 missiles and 100 drones, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 40, "0.cumulative": false}},
	{name: "a span with its own figures stays a span", pub: "2026-05-04",
		text: "Since the start of the month Russia has launched more than 2,000 drones at Ukraine, the air force said.",
		want: map[string]any{"national#": 0, "0.cumulative": true}},
}

// Ukraine's president gives the country's figures as an official.
var presidentFamily = []attackCase{
	{name: "the president said", pub: "2026-05-04",
		text: "Ukraine's President Volodymyr Zelensky said Russia had fired 60 missiles and 150 drones overnight.",
		want: map[string]any{"national#": 1, "0.source": "Ukrainian officials", "0.launched.missiles": 60}},
	{name: "Зеленський повідомив", pub: "2026-05-04",
		text: "Зеленський повідомив, що вночі росія випустила 60 ракет і 150 дронів.",
		want: map[string]any{"national#": 1, "0.source": "Ukrainian officials"}},
	{name: "the president named after the figures", pub: "2026-05-04",
		text: "Russia launched about 90 drones at Ukraine overnight, Zelenskyy wrote on Telegram.",
		want: map[string]any{"national#": 1, "0.source": "Ukrainian officials"}},
}

// a sentence after the figures that names the type of what was downed
// names the event's weapons.
var typeAsideFamily = []attackCase{
	{name: "the type in a later sentence", pub: "2026-05-04",
		text: "Air defences downed all 20 drones Russia launched overnight, the air force said. The Gerbera drones were destroyed over four regions.",
		want: map[string]any{"national#": 1, "0.weapons": []string{"drone", "Gerbera"}}},
	{name: "the type of the missiles in a later sentence", pub: "2026-05-04",
		text: "Russia fired 6 missiles at Ukraine overnight and 4 were shot down, the air force said. The Kalibr missiles were intercepted over the south.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 6, "0.weapons": []string{"missile", "Kalibr"}}},
}

// "said earlier": the figure stands unless a later one of its field replaces it.
var earlierFamily = []attackCase{
	{name: "said earlier, and nothing later", pub: "2026-05-04",
		text: "The mayor of Moscow said earlier on Monday that three drones flying to the city had been shot down.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 3}},
	{name: "earlier reported, then a new figure", pub: "2026-05-04",
		text: "The air force had earlier reported that 40 drones were launched. According to updated figures, Russia launched 46 drones overnight, and 41 were shot down.",
		want: map[string]any{"national#": 1, "0.launched.drones": 46, "0.intercepted.drones": 41}},
}

// a clause about a place ("where ... in March") does not date the figures,
// and a clock's zone ("Moscow time") is no place of them.
var placeClauseFamily = []attackCase{
	{name: "a month inside a where-clause", pub: "2026-05-04",
		text: "The ministry said 7 drones were destroyed over the Belgorod region, where shelling intensified in March, and 2 over the Kursk region.",
		want: map[string]any{"0.cumulative": false, "0.intercepted.drones": 7}},
	{name: "a clock's zone", pub: "2026-05-04",
		text: "Between 8 p.m. and 11 p.m. Moscow time, air defences destroyed 12 Ukrainian drones over the Rostov region, the defence ministry said.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Rostov"}}},
	{name: "за московським часом", pub: "2026-05-04",
		text: "Міноборони РФ заявило, що з 20:00 до 23:00 за московським часом над Курською областю збито 12 українських дронів.",
		want: map[string]any{"national#": 1, "0.regions": []string{"Kursk"}}},
}

// weapons "targeting" a place, with the verb after: the place's figures.
var targetingFamily = []attackCase{
	{name: "N and M targeting the capital were downed", pub: "2026-05-04",
		text: "About 10 missiles and 12 drones targeting the capital were downed, the head of the city military administration said.",
		want: map[string]any{"national#": 0, "0.intercepted.drones": 12, "0.regions.0": "Kyiv"}},
	{name: "drones targeting a region were shot down", pub: "2026-05-04",
		text: "Eight drones targeting the Odesa region were shot down overnight, the regional governor said.",
		want: map[string]any{"national#": 0, "0.intercepted.drones": 8, "0.regions.0": "Odesa"}},
}
