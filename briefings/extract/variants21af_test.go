package extract

import (
	"slices"
	"testing"
)

// Paraphrase families for issue 14 (the Air Force's report template, round
// of rwaf21), written for these tests: invented figures, places and times.
func variantCases21af() []attackCase {
	return slices.Concat(afWindowPoFamily, afInventoryHeadingFamily, afOrdinalEndingFamily, afMeansSplitFamily)
}

func TestExtractVariants21af(t *testing.T) {
	runAttackCases(t, variantCases21af())
}

// The template's window closed by "по" ("із 14.30 по 20.30", "з 20.00 11
// березня по 06.00 12 березня") as it is closed by "до": the closing time
// ends the window, and a window that runs from one day into the next morning
// is dated by the morning it ends in, as the night is.
var afWindowPoFamily = []attackCase{
	{name: "af21: an afternoon wave closed by по, the day after it", pub: "2025-03-12",
		text: "У період із 13.15 по 19.45 11 березня противник атакував 27 ударними БпЛА. Підтверджено збиття 19 ударних БпЛА.",
		want: map[string]any{"national#": 1, "0.date": "2025-03-11", "0.window_start": "2025-03-11T13:15", "0.window_end": "2025-03-11T19:45", "0.launched.drones": 27}},
	{name: "af21: a day window closed by по, brackets, the same day", pub: "2025-03-11",
		text: "Протягом дня 11 березня (із 8.00 по 18.30) ворог атакував 44 ударними БпЛА. Збито 30 безпілотників.",
		want: map[string]any{"national#": 1, "0.date": "2025-03-11", "0.window_start": "2025-03-11T08:00", "0.window_end": "2025-03-11T18:30"}},
	{name: "af21: from an afternoon into the next morning, closed by по, both days named", pub: "2025-03-12",
		text: "Із 15.00 11 березня по 09.00 12 березня 2025 року противник здійснив комбінований удар. Загалом виявлено 140 БпЛА.",
		want: map[string]any{"national#": 1, "0.date": "2025-03-12", "0.window_start": "2025-03-11T15:00", "0.launched.drones": 140}},
	{name: "af21: from an afternoon into the next morning, closed by до", pub: "2025-03-12",
		text: "З 16:00 11 березня до 08:00 12 березня противник атакував 75 ударними БпЛА.",
		want: map[string]any{"national#": 1, "0.date": "2025-03-12", "0.window_start": "2025-03-11T16:00", "0.launched.drones": 75}},
	{name: "af21: an evening into the night, closed by по", pub: "2025-03-12",
		text: "Із 19.30 11 березня по 04.00 12 березня ворог атакував 33 ударними БпЛА. Знищено 30.",
		want: map[string]any{"national#": 1, "0.date": "2025-03-12", "0.window_start": "2025-03-11T19:30"}},
	// what must not change
	{name: "af21: по before a place is no window's end", pub: "2025-03-12",
		text: "У ніч на 12 березня (з 18:00 11 березня) противник завдав удару по Харківщині 20 ударними БпЛА.",
		want: map[string]any{"national#": 1, "0.date": "2025-03-12", "0.window_start": "2025-03-11T18:00", "0.window_end": nil}},
	{name: "af21: an evening window that closes before midnight keeps its day", pub: "2025-03-12",
		text: "Із 18.00 по 23.00 11 березня противник атакував 12 ударними БпЛА.",
		want: map[string]any{"national#": 1, "0.date": "2025-03-11"}},
	{name: "af21: a count as of a later morning does not move the window's day", pub: "2025-03-12",
		text: "Із 14.00 по 20.00 11 березня ворог атакував 25 ударними БпЛА. Станом на 08:00 12 березня збито 21.",
		want: map[string]any{"national#": 1, "0.date": "2025-03-11"}},
}

// The template's inventory line with no verb: "Усього" or "Загалом", a dash,
// the count of means of air attack and the list of them, which counts what
// was launched as "Усього зафіксовано N засобів повітряного нападу" does.
var afInventoryHeadingFamily = []attackCase{
	{name: "af21: verbless inventory with a dash, list after a colon", pub: "2024-04-09",
		text: "У ніч на 9 квітня 2024 року ворог завдав комбінованого удару.\nУсього – 24 засоби повітряного нападу:\n- 7 крилатих ракет Х-101;\n- 17 ударних БпЛА «Shahed-131/136».\nЗбито 15 ударних БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.total": 24, "0.launched.drones": 17, "0.launched.missiles": 7, "0.intercepted.drones": 15}},
	{name: "af21: verbless inventory in the genitive plural, a count as a word in the list", pub: "2024-04-09",
		text: "У ніч на 9 квітня 2024 року окупанти атакували Україну.\nЗагалом – 40 засобів повітряного нападу:\n- 6 балістичних ракет Іскандер-М;\n- тридцять чотири ударні БпЛА.\nЗнищено 30 ударних БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.total": 40, "0.launched.drones": 34, "0.launched.missiles": 6, "0.intercepted.drones": 30}},
	{name: "af21: verbless inventory, no dash", pub: "2024-04-09",
		text: "У ніч на 9 квітня 2024 року ворог атакував Україну. Усього 19 засобів повітряного нападу: 3 крилаті ракети Х-59 та 16 ударних БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.total": 19, "0.launched.drones": 16}},
	// what must not change
	{name: "af21: a total of targets downed stays downed", pub: "2024-04-09",
		text: "У ніч на 9 квітня 2024 року ворог атакував Україну. Усього – 21 ціль збито.",
		want: map[string]any{"national#": 1, "0.intercepted.total": 21, "0.launched.total": nil}},
	{name: "af21: a total of other means is no inventory", pub: "2024-04-09",
		text: "Загалом – 12 засобів РЕБ передано бригаді.",
		want: map[string]any{"national#": 0}},
}

// A count written with an ordinal's ending after its digits ("118-та") in the
// template's weapon phrase counts as the number; the same form before a unit
// is the unit's name.
var afOrdinalEndingFamily = []attackCase{
	{name: "af21: ordinal ending before the instrumental weapon phrase", pub: "2025-11-03",
		text: "У ніч на 3 листопада (з 18:00 2 листопада) противник атакував 97-та ударними БпЛА типу Shahed. Станом на 08:30 збито/подавлено 80 ворожих БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.drones": 97, "0.intercepted_or_jammed.drones": 80}},
	{name: "af21: ordinal ending after a line break inside the sentence", pub: "2025-11-03",
		text: "У ніч на 3 листопада (із 19.00 2 листопада) противник атакував \n64-та ударними БпЛА та 2-ма балістичними ракетами.",
		want: map[string]any{"national#": 1, "0.launched.drones": 64, "0.launched.missiles": 2}},
	// what must not change
	{name: "af21: an ordinal before a unit names the unit", pub: "2025-11-03",
		text: "Уночі 118-та окрема бригада ППО збила 12 ворожих дронів.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 12, "0.launched.drones": nil}},
}

// The total of means neutralized ("знешкоджено N засобів"), then, in the next
// sentence, bare parts by how they were stopped ("A — збито вогневими
// засобами, B — локаційно втрачені/подавлені РЕБ"): the parts are of the
// total, which is shot down or jammed, and a class breakdown stated with the
// total goes with it.
var afMeansSplitFamily = []attackCase{
	{name: "af21: means neutralized, parts with dashes in the next sentence", pub: "2025-06-14",
		text: "Станом на 10:30 знешкоджено 260 засобів. 140 — збито вогневими засобами, 120 — локаційно втрачені/подавлені РЕБ.",
		want: map[string]any{"national#": 1, "0.intercepted_or_jammed.total": 260, "0.intercepted.total": 140, "0.jammed.total": 120}},
	{name: "af21: means neutralized with a class breakdown, then the parts", pub: "2025-06-14",
		text: "У ніч на 14 червня (з 19.00 13 червня) противник атакував 270 засобами повітряного нападу. Станом на 10:30 знешкоджено 260 засобів: 250 ворожих БпЛА та 10 крилатих ракет. 140 — збито вогневими засобами, 120 — локаційно втрачені/подавлені РЕБ.",
		want: map[string]any{"national#": 1, "0.intercepted_or_jammed.total": 260, "0.intercepted_or_jammed.drones": 250, "0.intercepted_or_jammed.missiles": 10, "0.intercepted.total": 140, "0.jammed.total": 120, "0.intercepted.drones": nil}},
	{name: "af21: parts opened by of them, no dash", pub: "2025-06-14",
		text: "Станом на 10:30 знешкоджено 75 засобів повітряного нападу. З них 50 збито, 25 локаційно втрачено.",
		want: map[string]any{"national#": 1, "0.intercepted_or_jammed.total": 75, "0.intercepted.total": 50, "0.jammed.total": 25}},
	// what must not change
	{name: "af21: parts that do not add up leave the total shot down", pub: "2025-06-14",
		text: "Станом на 10:30 знешкоджено 260 засобів. 100 — збито вогневими засобами, 120 — локаційно втрачені.",
		want: map[string]any{"national#": 1, "0.intercepted.total": 260, "0.intercepted_or_jammed.total": nil}},
	{name: "af21: a bare figure with a verb of launching after a total of means", pub: "2025-06-14",
		text: "Станом на 10:30 знешкоджено 260 засобів. 30 — виявлено після 10:30.",
		want: map[string]any{"national#": 1, "0.intercepted.total": 260, "0.launched.total": nil}},
}
