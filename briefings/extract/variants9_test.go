package extract

import "slices"

// Paraphrase families of the ninth round (issue 14, measured on the attacks7a
// and attacks9a sets: feed items and Ukrainian summaries). Every text was
// written for these tests.
func variantCases9() []attackCase {
	return slices.Concat(ukWeekFamily, hitsLocalFamily, mixedSubjectFamily, allButFamily, killsFamily, ukSuppressFamily, ukStrikeRegionsFamily)
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

// A weapon or two that hit one target (a ship, a beach, a depot), told with
// no national source and no word for the whole country attacked, is a
// strike on a place, not a national attack: national reports always count
// what was launched or shot down. "Ukraine" named as the side that struck
// is no word for the country attacked.
var hitsLocalFamily = []attackCase{
	{name: "hits local: a resort hit by a drone, people killed", pub: "2026-04-20",
		text: "A seaside camp in southern Russia was hit by a drone on Sunday, killing three people and injuring 20, Russian officials said.",
		want: map[string]any{"national#": 0}},
	{name: "hits local: a ship Ukraine struck with missiles", pub: "2026-04-20",
		text: "The frigate sank after Ukraine struck it with three missiles, according to Western officials.",
		want: map[string]any{"national#": 0, "0.hits.missiles": 3}},
	{name: "hits local: two missiles hit a plant", pub: "2026-04-20",
		text: "Two missiles hit an industrial plant on the outskirts of the city on Tuesday, wounding four workers.",
		want: map[string]any{"national#": 0, "0.hits.missiles": 2}},
	{name: "hits local: a drone struck a depot", pub: "2026-04-20",
		text: "A drone struck a fuel depot near the port overnight and started a fire, local officials said.",
		want: map[string]any{"national#": 0}},
	// what must not change
	{name: "hits local: the Air Force's launches and hits stay national", pub: "2026-04-20",
		text: "Russia attacked Ukraine overnight with 64 drones; 52 were shot down and 9 hit their targets, the Air Force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 64, "0.hits.drones": 9}},
	{name: "hits local: Russia's ministry claims Ukraine's drones downed", pub: "2026-04-20",
		text: "Russia's defence ministry said 37 Ukrainian drones were destroyed overnight over four regions.",
		want: map[string]any{"national#": 1, "0.attacker": "UA", "0.intercepted.drones": 37}},
	{name: "hits local: uk Air Force hits beside its totals", pub: "2026-04-20",
		text: "У ніч на 20 квітня противник атакував 88 ударними БпЛА. Збито/подавлено 71. Зафіксовано влучання 14 ударних БпЛА на 6 локаціях.",
		want: map[string]any{"national#": 1, "0.launched.drones": 88, "0.hits.drones": 14}},
}

// A total of both classes ("N missiles and drones", "N ракет і дронів") as
// the subject: the phrase ends at the second noun, so the verb after it
// says what the total counts.
var mixedSubjectFamily = []attackCase{
	{name: "mixed subject: missiles and drones were fired", pub: "2026-02-11",
		text: "The president said 214 missiles and drones were fired at Ukraine overnight.",
		want: map[string]any{"national#": 1, "0.launched.total": 214}},
	{name: "mixed subject: drones and missiles were shot down", pub: "2026-02-11",
		text: "Officials said 93 drones and missiles were shot down over the country overnight.",
		want: map[string]any{"national#": 1, "0.intercepted.total": 93}},
	{name: "mixed subject: uk ракет і дронів було збито", pub: "2026-02-11",
		text: "За ніч над країною було знищено 58 ракет і дронів, повідомили Повітряні сили. Загалом 71 ракета і дрон були випущені по Україні.",
		want: map[string]any{"national#": 1, "0.intercepted.total": 58}},
	{name: "mixed subject: uk total launched, the verb after", pub: "2026-02-11",
		text: "Уночі 140 дронів і ракет було випущено по Україні, повідомили Повітряні сили.",
		want: map[string]any{"national#": 1, "0.launched.total": 140}},
	// what must not change
	{name: "mixed subject: the verb before the total", pub: "2026-02-11",
		text: "Russia fired 214 missiles and drones at Ukraine overnight, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.total": 214}},
	{name: "mixed subject: two numbered phrases keep their classes", pub: "2026-02-11",
		text: "Air defence shot down 47 drones and 5 missiles overnight, the air force said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 47, "0.intercepted.missiles": 5}},
}

// "All but N" after a launched figure: the outcome befell the launched
// weapons save N. Only an exact launched figure of one class gives it; "all
// but N" with no launched figure, or after a lower bound, or after both
// classes, states nothing more.
var allButFamily = []attackCase{
	{name: "all but: missiles fired, all but N shot down", pub: "2026-01-19",
		text: "Officials said 62 missiles had been fired overnight, and all but nine were shot down.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 62, "0.intercepted.missiles": 53}},
	{name: "all but: of which, drones", pub: "2026-01-19",
		text: "Russia sent 35 drones against Ukraine overnight, all but four of which were destroyed, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 35, "0.intercepted.drones": 31}},
	{name: "all but: a second sentence", pub: "2026-01-19",
		text: "The air force said Russia launched 28 drones overnight. All but 2 were downed over the south.",
		want: map[string]any{"national#": 1, "0.launched.drones": 28, "0.intercepted.drones": 26}},
	// what must not change
	{name: "all but: after a lower bound, no figure", pub: "2026-01-19",
		text: "Russia launched more than 50 drones overnight; all but six were destroyed, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 50, "0.intercepted.drones": nil}},
	{name: "all but: two classes launched, no figure", pub: "2026-01-19",
		text: "Russia launched 44 drones and 5 missiles overnight; all but three were destroyed, the air force said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": nil, "0.intercepted.missiles": nil}},
	{name: "all but: no launched figure, no report", pub: "2026-01-19",
		text: "All but seven drones were shot down, officials said.",
		want: map[string]any{"national#": 0}},
	{name: "all: every one shot down", pub: "2026-01-19",
		text: "Russia launched 19 drones overnight and all were shot down, the air force said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 19}},
}

// A headline's present tense of "kill" ("a strike on X kills N", "attacks
// kill N"), its number with no noun: the people killed.
var killsFamily = []attackCase{
	{name: "kills: a strike on a place kills N", pub: "2026-05-02",
		text: "Russian strike on a market near Kupiansk kills 6",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.casualties.killed": 6, "0.launched.drones": nil}},
	{name: "kills: attacks kill N, a clause after", pub: "2026-05-02",
		text: "Russian attacks kill 11, testing Ukraine's thin air defences",
		want: map[string]any{"#": 1, "0.casualties.killed": 11, "0.launched.missiles": nil}},
	{name: "kills: a drone strike kills N, a second clause", pub: "2026-05-02",
		text: "Ukrainian drone strike on Belgorod kills 2, governor says",
		want: map[string]any{"0.attacker": "UA", "0.casualties.killed": 2, "0.launched.drones": nil}},
	// what must not change
	{name: "kills: a weapon count stays a weapon count", pub: "2026-05-02",
		text: "Russia launched 70 drones overnight, killing 3 people, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 70, "0.casualties.killed": 3}},
	{name: "kills: a number of years is no count", pub: "2026-05-02",
		text: "The war that began in 2022 kills hope, the writer said.",
		want: map[string]any{"#": 0}},
}

// The verb of jamming in every past form, as the verb of shooting down has
// them ("ППО збила/подавила", "підрозділ збив/подавив"): the pair is shot
// down or jammed, and a list after it counts by type.
var ukSuppressFamily = []attackCase{
	{name: "uk suppress: feminine pair before a list", pub: "2026-04-11",
		text: "У ніч на 11 квітня ворог атакував Україну. У Повітряних силах повідомили, що ППО збила/подавила 236 повітряних цілей:\n- 221 безпілотник;\n- 4 балістичні ракети Іскандер-М;\n- 11 крилатих ракет Х-101.",
		want: map[string]any{"national#": 1, "0.intercepted_or_jammed.total": 236, "0.intercepted_or_jammed.drones": 221, "0.intercepted_or_jammed.missiles": 15}},
	{name: "uk suppress: masculine pair", pub: "2026-04-11",
		text: "У ніч на 11 квітня зенітний підрозділ збив/подавив 37 ворожих дронів, повідомили Повітряні сили.",
		want: map[string]any{"national#": 1, "0.intercepted_or_jammed.drones": 37}},
	// what must not change
	{name: "uk suppress: the Air Force's passive pair", pub: "2026-04-11",
		text: "У ніч на 11 квітня противник атакував 93 ударними БпЛА. Збито/подавлено 78 ворожих БпЛА.",
		want: map[string]any{"national#": 1, "0.launched.drones": 93, "0.intercepted_or_jammed.drones": 78}},
}

// A sentence without figures that says where the blows fell ("Били по X, Y
// та Z областях", "Під ударом опинилися X і Y області"), as a president's
// nightly summary adds after the figures: the event's regions.
var ukStrikeRegionsFamily = []attackCase{
	{name: "uk strike regions: били по ... областях", pub: "2026-02-20",
		text: "Уночі росіяни запустили по Україні 180 ударних дронів, повідомив президент. Били по Житомирській, Вінницькій та Полтавській областях.",
		want: map[string]any{"national#": 1, "0.launched.drones": 180, "0.regions": "[Zhytomyr Vinnytsia Poltava]"}},
	{name: "uk strike regions: під ударом опинилися", pub: "2026-02-20",
		text: "Цієї ночі ворог випустив по Україні 47 ракет і 320 дронів, повідомив Зеленський. Під ударом опинилися Львівська та Волинська області.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 47, "0.regions": "[Lviv Volyn]"}},
	{name: "uk strike regions: one region after the Air Force's figures, still national", pub: "2026-02-20",
		text: "У ніч на 20 лютого ворог атакував Україну 64 ударними БпЛА, повідомили Повітряні сили. Били по Сумщині.",
		want: map[string]any{"national#": 1, "0.launched.drones": 64, "0.regions": "[Sumy]"}},
}
