package extract

import "slices"

// Paraphrase families for issue 14 (round 7, English feed items), written
// for these tests: invented places, times and figures.
func variantCases14() []attackCase {
	return slices.Concat(oneOfMostFamily, ordinalSpanFamily, otherPlacesFamily, jetFamily, machFamily, airAttackSideFamily, downingStateFamily, countrySpeakerFamily, smallHoursFamily, agentDestroysFamily, eveningWindowFamily, overnightOnFamily, pastYearFamily, americanDroneFamily, byJammingFamily, outOfSkyFamily)
}

// "one of the biggest attacks": a ranking among attacks, never a count of one
// weapon (it made a second report of one drone beside the night's tally).
var oneOfMostFamily = []attackCase{
	{name: "one of the biggest attacks before the tally", pub: "2026-04-04",
		text: "The capital fought off a drone raid in the night, one of the biggest attacks it has faced this year. Air defence destroyed 33 of 36 drones fired by Russia, the air force said.",
		want: map[string]any{"#": 1, "national#": 1, "0.launched.drones": 36, "0.intercepted.drones": 33}},
	{name: "repelled a raid, one of the biggest, then the tally", pub: "2026-04-04",
		text: "The capital repelled a drone raid in the night, one of the biggest attacks it has faced this year. Air defence destroyed 33 of 36 drones fired by Russia, the air force said.",
		want: map[string]any{"#": 1, "national#": 1, "0.launched.drones": 36, "0.intercepted.drones": 33}},
	{name: "shot down dozens, one of the largest raids, then the tally", pub: "2026-04-04",
		text: "Ukrainian forces downed dozens of drones in the night, in one of the largest raids on the capital this spring. Air defence destroyed 40 of 44 drones fired by Russia, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 44, "0.intercepted.drones": 40}},
	{name: "one of the most intense nights", pub: "2026-04-04",
		text: "Air defence fought off a drone raid on the port in one of the most intense nights of the war; 19 drones were shot down, the military said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 19}},
	{name: "one of the largest, the Russian side", pub: "2026-04-04",
		text: "Russia's defence ministry said it shot down 27 Ukrainian drones overnight, in one of the largest raids on its southern regions.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 27}},
	// what must not change
	{name: "one of the drones still counts one", pub: "2026-04-04",
		text: "One of the drones struck a warehouse in Ivanivka overnight, the governor said.",
		want: map[string]any{"#": 1, "0.hits.drones": 1}},
	{name: "one of the missiles shot down", pub: "2026-04-04",
		text: "The air force said one of the missiles was shot down and 12 drones were destroyed overnight.",
		want: map[string]any{"#": 1, "0.intercepted.missiles": 1, "0.intercepted.drones": 12}},
}

// An ordinal that numbers the attack within a span ("the third barrage in
// four days", "the seventh missile attack this month", "the 12th such raid in
// the past month") counts attacks: the figures are this attack's, not the
// span's total.
var ordinalSpanFamily = []attackCase{
	{name: "ordinal: the third barrage in four days", pub: "2026-04-04",
		text: "Air defence destroyed 22 cruise missiles and 41 drones overnight in the third barrage in four days, the General Staff said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 41, "0.cumulative": false}},
	{name: "ordinal: a headline glued to its teaser", pub: "2026-04-04",
		text: "Capital Fends Off Third Big Barrage in Four Days Ukraine shot down 22 cruise missiles and 41 drones overnight, the General Staff said.",
		want: map[string]any{"national#": 1, "0.intercepted.missiles": 22, "0.cumulative": false}},
	{name: "ordinal: the seventh missile attack this month", pub: "2026-04-04",
		text: "Troops shot down 17 of 19 missiles fired at the country overnight, in Russia's seventh missile attack this month.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 19, "0.intercepted.missiles": 17}},
	{name: "ordinal with digits: the 12th such raid in the past month", pub: "2026-04-04",
		text: "Air defence downed 25 of 27 drones overnight, the 12th such raid on the city in the past month, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 27}},
	{name: "ordinal span: the fifth airstrike this month", pub: "2026-04-04",
		text: "In the fifth airstrike on the port this month, air defence shot down 14 of 17 drones overnight, the air force said.",
		want: map[string]any{"#": 1, "national#": 1, "0.launched.drones": 17, "0.intercepted.drones": 14}},
	// what must not change
	{name: "ordinal: a span total without an ordinal stays cumulative", pub: "2026-04-04",
		text: "Air defence destroyed 130 drones in four days, the president said.",
		want: map[string]any{"national#": 0, "0.cumulative": true}},
	{name: "ordinal: a week's total after a second sentence", pub: "2026-04-04",
		text: "It was the second week of heavy raids. Russia launched 700 drones at Ukraine this week, the president said.",
		want: map[string]any{"national#": 0}},
}

// A place named with "and other regions / cities / targets" is one of the
// attack's targets, not the place the figures are confined to: no regional
// report of that place alone.
var otherPlacesFamily = []attackCase{
	{name: "other targets after the capital", pub: "2026-04-04",
		text: "Air defence downed 47 of 50 drones sent at Kyiv and other targets overnight, officials said.",
		want: map[string]any{"#": 1, "national#": 1, "0.launched.drones": 50, "0.intercepted.drones": 47}},
	{name: "other regions after a city", pub: "2026-04-04",
		text: "Russian forces fired six S-300 missiles and a few drones at Sumy and other regions overnight.",
		want: map[string]any{"#": 1, "national#": 1, "0.launched.missiles": 6}},
	{name: "other cities after a city", pub: "2026-04-04",
		text: "Russia fired 14 cruise missiles into Dnipro and other cities before dawn.",
		want: map[string]any{"#": 1, "national#": 1, "0.launched.missiles": 14}},
	// what must not change
	{name: "one city's figures stay the city's", pub: "2026-04-04",
		text: "Russia fired six S-300 missiles at Sumy overnight, the governor said.",
		want: map[string]any{"#": 1, "national#": 0, "0.launched.missiles": 6}},
	{name: "other people are no places", pub: "2026-04-04",
		text: "Russia fired six S-300 missiles at Sumy overnight, killing two and injuring other residents, the governor said.",
		want: map[string]any{"national#": 0, "0.launched.missiles": 6}},
}

// "jet" is the jet-powered Shahed only before a drone's noun or name; a
// fighter jet or a passenger jet intercepting or intercepted is an aircraft,
// and an encounter of aircraft is no attack with drones.
var jetFamily = []attackCase{
	{name: "jet: a fighter jet intercepts a patrol plane", pub: "2026-04-04",
		text: "A Russian fighter jet intercepted a Dutch patrol plane over the Baltic on Monday; the plane turned back after seeing the jet.",
		want: map[string]any{"#": 0}},
	{name: "jet: a passenger jet fitted as a command post", pub: "2026-04-04",
		text: "Italian fighters intercepted a Russian command aircraft, a converted passenger jet, near the alliance's border.",
		want: map[string]any{"#": 0}},
	{name: "jet: fighter jets ordered to intercept a surveillance drone", pub: "2026-04-04",
		text: "Generals told the crews of each fighter jet to press the surveillance drone hard, and one jet later struck it.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "jet: jet drones in a night's tally", pub: "2026-04-04",
		text: "Russia launched 52 Shahed drones and 7 jet drones overnight, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 59, "0.launched.by_type.jet Shahed": 7}},
	{name: "jet: jet-powered drones shot down", pub: "2026-04-04",
		text: "Air defence shot down 9 jet-powered drones overnight, the air force said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 9}},
}

// "Mach N" is a speed: a teaser on a weapon's speed states no count.
var machFamily = []attackCase{
	{name: "mach: a missile that flies at up to Mach 8", pub: "2026-04-04",
		text: "Defenders down Russian hypersonic missile with Western battery The weapon, fired from the air, attains Mach 8 and is designed for a nuclear warhead.",
		want: map[string]any{"#": 0}}, // no count is stated
	{name: "mach: war games with Mach 7 missiles", pub: "2026-04-04",
		text: "Kremlin to launch Kinzhal missile in joint naval games Its newest Mach 7 Kinzhal missiles are due to fly from a frigate.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "mach: a count beside a speed", pub: "2026-04-04",
		text: "Russia fired 4 hypersonic missiles, which fly at Mach 9, at Kyiv overnight, the air force said.",
		want: map[string]any{"#": 1, "0.launched.missiles": 4}},
}

// "a Russian air attack", "Russian air raids", "a Russian airstrike" name
// Russia's attack, like "a Russian missile attack"; "Russian airspace" and
// "Russian air defence" still name the side that defends.
var airAttackSideFamily = []attackCase{
	{name: "side: defenders repel a Russian air attack", pub: "2026-04-04",
		text: "Ukrainian air defences repelled a heavy Russian air attack on Odesa, shooting down all 14 missiles aimed at the port.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.intercepted.missiles": 14}},
	{name: "side: a Russian airstrike with its dead", pub: "2026-04-04",
		text: "Russian air strike kills nine in Sumy A Russian air strike on a northern city took nine lives and 23 people were hurt.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.casualties.killed": 9}},
	{name: "side: Russian air raids on cities", pub: "2026-04-04",
		text: "Russian air raids on the port: air defence downed 11 of 13 drones, the governor said.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.intercepted.drones": 11}},
	// what must not change
	{name: "side: drones over Russian airspace are Ukraine's", pub: "2026-04-04",
		text: "Russian air defences destroyed 23 drones in Russian airspace overnight, the ministry said.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 23}},
}

// The state named as the subject of a verb of shooting down defends: "Russia
// shoots down N drones over Crimea" is Ukraine's attack even when the place
// is Ukraine's own occupied land and no adjective names the drones' side.
var downingStateFamily = []attackCase{
	{name: "downing state: Russia downs drones over the peninsula", pub: "2026-04-04",
		text: "Russia shoots down 19 drones over Crimea as the Kremlin blames Kyiv for a raid on the peninsula.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 19}},
	{name: "downing state: Russia downed drones, no place", pub: "2026-04-04",
		text: "Russia downed 17 drones overnight in a new wave of raids.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 17}},
	// what must not change
	{name: "downing state: Ukraine downs drones", pub: "2026-04-04",
		text: "Ukraine shot down 30 of 35 drones overnight, the air force said.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.launched.drones": 35}},
	{name: "downing state: Russia launched, Ukraine downed", pub: "2026-04-04",
		text: "Russia launched 40 drones overnight and Ukraine downed 33 of them, the air force said.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.launched.drones": 40}},
}

// The country's air defence speaking ("Ukraine's air defense said", "the
// nation's air defence command reported") is the Air Force, which runs it;
// "Ukrainian authorities said" are Ukraine's officials.
var countrySpeakerFamily = []attackCase{
	{name: "speaker: the country's air defense command", pub: "2026-04-04",
		text: "Ukraine downed 24 of 27 drones launched overnight, Ukraine's air defense command reported.",
		want: map[string]any{"#": 1, "0.source": "Ukraine's Air Force", "0.launched.drones": 27}},
	{name: "speaker: Ukraine's air defense said", pub: "2026-04-04",
		text: "Nine cruise missiles and 14 drones were intercepted overnight, Ukraine's air defense said.",
		want: map[string]any{"#": 1, "0.source": "Ukraine's Air Force", "0.intercepted.drones": 14}},
	{name: "speaker: Ukrainian authorities said", pub: "2026-04-04",
		text: "Russia fired 31 drones at the country overnight, Ukrainian authorities said.",
		want: map[string]any{"#": 1, "0.source": "Ukrainian officials", "0.launched.drones": 31}},
	// what must not change
	{name: "speaker: a city's air defence is the city's", pub: "2026-04-04",
		text: "Kyiv's air defences downed 13 drones overnight, the city administration said.",
		want: map[string]any{"#": 1, "national#": 0, "0.intercepted.drones": 13}},
	{name: "speaker: air defence as the subject keeps no source", pub: "2026-04-04",
		text: "Ukrainian air defense shot down 20 of 22 drones overnight.",
		want: map[string]any{"#": 1, "0.source": nil, "0.launched.drones": 22}},
}

// "early Friday", "early on Monday", "in the early hours", a pre-dawn attack:
// the small hours of a night, which the Air Force dates by that morning.
var smallHoursFamily = []attackCase{
	{name: "small hours: early Thursday morning", pub: "2026-04-02",
		text: "Russia fired 26 cruise missiles early Thursday morning, striking cities in the centre of the country, officials said.",
		want: map[string]any{"#": 1, "0.period": "overnight", "0.date": "2026-04-02"}},
	{name: "small hours: early on Tuesday", pub: "2026-03-31",
		text: "Air defence shot down 21 of 25 drones Russia launched early on Tuesday, the air force said.",
		want: map[string]any{"#": 1, "0.period": "overnight", "0.date": "2026-03-31"}},
	{name: "small hours: a pre-dawn barrage", pub: "2026-04-04",
		text: "Russia fired 16 missiles in a pre-dawn barrage on the capital, the military said.",
		want: map[string]any{"#": 1, "0.period": "overnight"}},
	// what must not change
	{name: "small hours: early in a month is no night", pub: "2026-04-04",
		text: "It was the first such strike since early March. Russia fired 16 missiles at the port on Saturday, the military said.",
		want: map[string]any{"#": 1, "0.period": nil}},
	{name: "small hours: an afternoon attack stays daytime", pub: "2026-04-04",
		text: "Russia fired 16 missiles at the port on Saturday afternoon, the military said.",
		want: map[string]any{"#": 1, "0.period": "day"}},
}

// A weapon as the subject of an active "destroyed" with an object ("a missile
// destroyed the cafe") struck that object: a hit, not a weapon shot down,
// and no national tally.
var agentDestroysFamily = []attackCase{
	{name: "agent: a missile destroyed the cafe", pub: "2026-04-04",
		text: "On Tuesday a missile destroyed the bakery on the main square of Sumy, and nine people died, the mayor said.",
		want: map[string]any{"national#": 0, "0.intercepted.missiles": nil, "0.hits.missiles": 1}},
	{name: "agent: a Russian drone destroyed a warehouse", pub: "2026-04-04",
		text: "A Russian drone destroyed a grain warehouse in the port overnight, the governor said.",
		want: map[string]any{"national#": 0, "0.intercepted.drones": nil, "0.hits.drones": 1}},
	// what must not change
	{name: "agent: air defence destroyed drones", pub: "2026-04-04",
		text: "Air defence destroyed 12 drones overnight, the air force said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 12}},
	{name: "agent: air defence destroyed a missile and drones", pub: "2026-04-04",
		text: "Air defence destroyed a missile and 12 drones overnight, the air force said.",
		want: map[string]any{"national#": 1, "0.intercepted.missiles": 1, "0.intercepted.drones": 12}},
}

// A window that opens in the evening and closes by midnight ("from 20:00 to
// 24:00 on March 12", "з 18:00 до 24:00 12 березня") belongs to the day it
// opened; only a window that runs into the next morning is that night's.
var eveningWindowFamily = []attackCase{
	{name: "evening window: to 24:00 with the day after the hours", pub: "2026-03-13",
		text: "From 20:00 to 24:00 Moscow time on March 12, air defences destroyed 31 Ukrainian drones, Russia's defence ministry said.",
		want: map[string]any{"#": 1, "0.date": "2026-03-12", "0.window_start": "2026-03-12T20:00"}},
	{name: "evening window: to 23:00", pub: "2026-03-13",
		text: "From 19:00 to 23:00 on March 12, air defences destroyed 17 Ukrainian drones over the Bryansk region, Russia's defence ministry said.",
		want: map[string]any{"#": 1, "0.date": "2026-03-12"}},
	{name: "evening window: the Air Force, to 24:00", pub: "2026-03-13",
		text: "З 18:00 до 24:00 12 березня противник атакував 44 ударними БпЛА, повідомили Повітряні сили.",
		want: map[string]any{"#": 1, "0.date": "2026-03-12"}},
	// what must not change
	{name: "evening window: a night from the evening before", pub: "2026-03-13",
		text: "У ніч на 13 березня (з 18:00 12 березня) противник атакував 90 ударними БпЛА, повідомили Повітряні сили.",
		want: map[string]any{"#": 1, "0.date": "2026-03-13"}},
	{name: "evening window: from the evening to the morning", pub: "2026-03-13",
		text: "From 18:00 on March 12 to 08:00 on March 13, Russia attacked with 90 drones, the air force said.",
		want: map[string]any{"#": 1, "0.date": "2026-03-13"}},
}

// "overnight Saturday", "overnight on Tuesday" in a report of the next day:
// the night that began that weekday, dated by the next morning, as "Saturday
// night" is; "overnight into Tuesday" and a report of the weekday itself
// keep that day.
var overnightOnFamily = []attackCase{
	{name: "overnight weekday: reported the next day", pub: "2026-04-05",
		text: "Moscow's defence ministry reports that 44 Ukrainian drones were destroyed above the sea overnight Saturday.",
		want: map[string]any{"#": 1, "0.date": "2026-04-05"}},
	{name: "overnight on weekday: reported the next day", pub: "2026-04-01",
		text: "Kyiv came under a wave of Russian drones overnight on Tuesday, and all 17 drones were destroyed, city officials said.",
		want: map[string]any{"#": 1, "0.date": "2026-04-01"}},
	// what must not change
	{name: "overnight on weekday: reported that day", pub: "2026-03-31",
		text: "Kyiv came under a wave of Russian drones overnight on Tuesday, and all 17 drones were destroyed, city officials said.",
		want: map[string]any{"#": 1, "0.date": "2026-03-31"}},
	{name: "overnight into weekday", pub: "2026-04-01",
		text: "Russia launched 17 drones at Kyiv overnight into Tuesday, officials say.",
		want: map[string]any{"#": 1, "0.date": "2026-03-31"}},
}

// A sentence that dates its weapons by an earlier year than the report's
// ("in 2019" in a report of 2026), with no time of the present, tells
// history: no attack report. A year that dates an annexation, the war's
// start, or a place in another clause, is no such date.
var pastYearFamily = []attackCase{
	{name: "past year: an airliner downed years ago", pub: "2026-04-04",
		text: "Court hears airliner case The jet was hit by a surface-to-air missile over the steppe in 2019, killing 120 people.",
		want: map[string]any{"#": 0}},
	{name: "past year: a pilot fired two missiles at a patrol plane", pub: "2026-04-04",
		text: "Fighter pilot tried to down a patrol plane in 2024 Two missiles were fired at the plane by its pilot and both missed, a report says.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "past year: a bridge built years ago, a missile downed now", pub: "2026-04-04",
		text: "Air defences shot down a missile near the bridge, built in 2018, the ministry said.",
		want: map[string]any{"#": 1, "0.intercepted.missiles": 1}},
	{name: "past year: the peninsula annexed years ago", pub: "2026-04-04",
		text: "Russia said it downed 21 drones over the peninsula it annexed in 2014.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 21}},
	{name: "past year: the largest attack since a year", pub: "2026-04-04",
		text: "Russia fired 90 missiles at Ukraine overnight, its largest barrage in 2025 and since.",
		want: map[string]any{"#": 1, "0.launched.missiles": 90}},
}

// An American surveillance drone (a U.S. drone, an American drone, a Reaper,
// an MQ-9) that Russian jets intercepted or hit over the sea is no drone of
// either side's attacks.
var americanDroneFamily = []attackCase{
	{name: "american drone: the downing of an American drone", pub: "2026-04-04",
		text: "The general argued that Russian jets downing an American drone above the sea was no act of war.",
		want: map[string]any{"#": 0}},
	{name: "american drone: a Reaper struck before it was downed", pub: "2026-04-04",
		text: "Did Moscow's navy recover the wreck? State media say divers reached the downed MQ-9 Pentagon video showed a Russian fighter clipping a US Reaper drone above the sea before it was downed.",
		want: map[string]any{"#": 0}},
	{name: "american drone: a week after jets downed a US drone", pub: "2026-04-04",
		text: "The Kremlin warned Washington not to test its patience by flying drones over the sea, a week after Russian jets downed a US drone there.",
		want: map[string]any{"#": 0}},
	{name: "american drone: another state's rebels down a US drone", pub: "2026-04-04",
		text: "Rebels in Yemen say they downed an American MQ-9 drone over a northern province.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "american drone: US-made drones of Ukraine still count", pub: "2026-04-04",
		text: "Ukraine launched 14 US-made drones at the airfield overnight, Russia's defence ministry said.",
		want: map[string]any{"#": 1, "0.launched.drones": 14}},
	{name: "american drone: Russia downed a drone over the sea", pub: "2026-04-04",
		text: "A Ukrainian drone was downed over the sea overnight, Russia's defence ministry said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 1}},
}

// A verb of downing whose means is electronic warfare or jamming ("downed by
// electronic warfare") counts drones jammed, not shot down.
var byJammingFamily = []attackCase{
	{name: "by jamming: shot down and downed by electronic warfare", pub: "2026-04-04",
		text: "Russia said it repelled the raid on the port, with three drones shot down and six downed by electronic warfare.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.jammed.drones": 6}},
	{name: "by jamming: downed by electronic jamming", pub: "2026-04-04",
		text: "Nine Ukrainian drones were downed by electronic jamming over the Bryansk region overnight, Russia's defence ministry said.",
		want: map[string]any{"#": 1, "0.jammed.drones": 9, "0.intercepted.drones": nil}},
	// what must not change
	{name: "by jamming: downed by air defences", pub: "2026-04-04",
		text: "Nine Ukrainian drones were downed by air defences over the Bryansk region overnight, Russia's defence ministry said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 9}},
}

// "shot out of the sky", "taken out of the sky", "blasted out of the sky":
// downed, like "shot down".
var outOfSkyFamily = []attackCase{
	{name: "out of the sky: drones shot out of the sky beside jammed ones", pub: "2026-04-04",
		text: "Russia said it fought off the raid on the port: three drones were shot out of the sky; four were downed by electronic warfare.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 3, "0.jammed.drones": 4}},
	{name: "out of the sky: a governor's count", pub: "2026-04-04",
		text: "Six drones were blasted out of the sky above the city overnight, the governor said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 6}},
	// what must not change
	{name: "out of the sky: a plane falling out of the sky", pub: "2026-04-04",
		text: "Footage showed the plane falling out of the sky after a blast, officials said.",
		want: map[string]any{"#": 0}},
}
