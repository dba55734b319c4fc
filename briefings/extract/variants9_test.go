package extract

// Paraphrase families of the ninth round (issue 14, measured on the attacks7a
// and attacks9a sets: feed items and Ukrainian summaries). Every text was
// written for these tests.
func variantCases9() []attackCase {
	var out []attackCase
	for _, fam := range [][]attackCase{ukWeekFamily} {
		out = append(out, fam...)
	}
	return out
}

// The president's weekly summary in Ukrainian counts a week: "this" or
// "current" before the word for week ("за цей тиждень", "за весь цей
// тиждень", "за поточний тиждень", "цього тижня", "протягом тижня"). Its
// figures are a cumulative total, never one night's attack.
var ukWeekFamily = []attackCase{
	{name: "uk week: за цей тиждень, drones, bombs and missiles", pub: "2026-03-15",
		text: "За цей тиждень окупанти випустили по Україні близько 870 ударних дронів і 23 ракети, повідомив президент.",
		want: map[string]any{"national#": 0, "0.cumulative": true, "0.launched.drones": 870}},
	{name: "uk week: цього тижня in the genitive", pub: "2026-03-15",
		text: "Цього тижня Росія застосувала проти України понад 640 дронів і 19 ракет різних типів.",
		want: map[string]any{"national#": 0, "0.cumulative": true, "0.launched.missiles": 19}},
	{name: "uk week: протягом тижня", pub: "2026-03-15",
		text: "Протягом тижня ворог атакував Україну 530 ударними безпілотниками, написав глава держави.",
		want: map[string]any{"national#": 0}},
	{name: "uk week: за весь цей тиждень after the night's figure", pub: "2026-03-15",
		text: "Минулої ночі росіяни запустили по Україні 140 дронів. За весь цей тиждень вони випустили близько 910 ударних дронів і 27 ракет.",
		want: map[string]any{"national#": 1, "0.launched.drones": 140, "1.cumulative": true, "1.launched.drones": 910}},
	{name: "uk week: за поточний тиждень", pub: "2026-03-15",
		text: "За поточний тиждень Росія запустила по Україні понад 700 дронів, повідомив Зеленський.",
		want: map[string]any{"national#": 0}},
	// what must not change
	{name: "uk week: a night's figures with no week named stay national", pub: "2026-03-15",
		text: "У ніч на 15 березня ворог атакував Україну 96 ударними дронами, збито 81, повідомили Повітряні сили.",
		want: map[string]any{"national#": 1, "0.launched.drones": 96}},
	{name: "uk week: this before another noun counts no span", pub: "2026-03-15",
		text: "Цей удар став одним із наймасованіших: уночі росіяни запустили по Україні 310 дронів.",
		want: map[string]any{"national#": 1, "0.launched.drones": 310}},
}
