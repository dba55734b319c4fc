package extract

import "slices"

// Paraphrase families for issue 14 (round 9, English news-page paragraphs),
// written for these tests: invented places, times and figures.
func variantCases15en() []attackCase {
	return slices.Concat(facilityFamily, groundTallyFamily, warTollFamily, governorFirstFamily, datelineFamily)
}

// A weapon noun right before a noun of place, plant or crew ("a drone
// depot", "missile plant", "four drone control posts", "Shahed storage
// site", "drone crews") names what the place holds or the crew flies: it
// counts no weapon, whoever struck it.
var facilityFamily = []attackCase{
	{name: "facility: a drone depot struck", pub: "2026-04-04",
		text: "Kyiv's forces hit a drone depot near Lgov overnight, the General Staff said.",
		want: map[string]any{"#": 0}},
	{name: "facility: a drone warehouse destroyed beside a gun", pub: "2026-04-04",
		text: "Moscow's troops destroyed a drone warehouse and an artillery piece near Siversk, the ministry claimed.",
		want: map[string]any{"#": 0}},
	{name: "facility: a number of drone control posts", pub: "2026-04-04",
		text: "Soldiers of the brigade knocked out four drone control posts near the river, the unit said.",
		want: map[string]any{"#": 0}},
	{name: "facility: UAV launch sites", pub: "2026-04-04",
		text: "The ministry said its units destroyed 3 UAV launch sites and two ammunition dumps in the east.",
		want: map[string]any{"#": 0}},
	{name: "facility: a missile plant", pub: "2026-04-04",
		text: "Long-range strikes hit a missile plant in the Urals, the security service said.",
		want: map[string]any{"#": 0}},
	{name: "facility: a type before the place", pub: "2026-04-04",
		text: "Russian troops hit a Shahed storage site near Horlivka, officials said.",
		want: map[string]any{"#": 0}},
	{name: "facility: a depot beside a figure of drones", pub: "2026-04-04",
		text: "The General Staff said its forces destroyed a Russian drone depot and 14 drones overnight.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 14}},
	// what must not change
	{name: "facility: drones destroyed near a depot", pub: "2026-04-04",
		text: "The air force said 9 Shahed drones were destroyed near the depot overnight.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 9}},
	{name: "facility: debris on a warehouse after the downing", pub: "2026-04-04",
		text: "Air defence shot down 14 drones overnight; debris fell on a warehouse, the governor said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 14}},
	{name: "facility: a launch at a plant", pub: "2026-04-04",
		text: "Russia launched 20 drones and 2 missiles at the plant overnight, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 20, "0.launched.missiles": 2}},
	{name: "facility: a missile as the agent of a hit", pub: "2026-04-04",
		text: "A missile hit the warehouse in the port, the governor said.",
		want: map[string]any{"#": 1, "0.hits.missiles": 1}},
	{name: "facility: drones as the agent of a hit", pub: "2026-04-04",
		text: "Two drones struck the fuel depot at dawn, the governor said.",
		want: map[string]any{"#": 1, "0.hits.drones": 2}},
}

// The Russian Defence Ministry's daily summary ends its list of ground
// targets (manpower, hardware, deployment areas of units and mercenaries)
// with the number of places struck: the front line's tally, not the hit
// locations of an air attack.
var groundTallyFamily = []attackCase{
	{name: "ground tally: deployment areas and mercenaries", pub: "2026-04-04",
		text: "Russian bombers and gunners struck fuel dumps and temporary deployment areas of Ukrainian brigades and foreign mercenaries in 117 locations, the ministry said.",
		want: map[string]any{"#": 0}},
	{name: "ground tally: manpower and equipment over a day", pub: "2026-04-04",
		text: "Over the past day Moscow's forces hit Ukrainian manpower and equipment in 93 locations, the Defence Ministry reported.",
		want: map[string]any{"#": 0}},
	{name: "ground tally: personnel and hardware, the ministry first", pub: "2026-04-04",
		text: "The Defence Ministry in Moscow said its units struck enemy personnel and hardware in 64 locations.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "ground tally: the air force's hit locations", pub: "2026-04-04",
		text: "Russia sent 52 drones overnight; 44 were downed and hits were recorded at 6 locations, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 52, "0.intercepted.drones": 44, "0.hits.locations": 6}},
	{name: "ground tally: energy sites hit in places", pub: "2026-04-04",
		text: "Russian missiles struck power facilities in 4 locations overnight, the energy ministry said.",
		want: map[string]any{"#": 1, "0.hits.locations": 4}},
}

// A toll of the whole war (thousands killed) or a war-long weapon total,
// told after one night's figures with no time word of its own, is the
// war's, not that night's: no single strike has killed a thousand people.
var warTollFamily = []attackCase{
	{name: "war toll: civilians killed, after a night's drones", pub: "2026-04-04",
		text: "Moscow sent 45 drones against the country overnight, the air force said. Its strikes have killed more than 11,000 civilians, according to UN monitors.",
		want: map[string]any{"national#": 1, "0.launched.drones": 45, "0.casualties.killed": nil}},
	{name: "war toll: civilians dead in the war, alone", pub: "2026-04-04",
		text: "More than 11,500 civilians have died in the war, a toll worsened by drone and missile strikes, UN officials said.",
		want: map[string]any{"national#": 0}},
	{name: "war toll: missiles fired in the war, after a night", pub: "2026-04-04",
		text: "Russia launched 45 drones overnight, the air force said. Moscow has fired more than 3,000 missiles at the country in the war.",
		want: map[string]any{"national#": 1, "0.launched.drones": 45, "0.launched.missiles": nil}},
	// what must not change
	{name: "war toll: a night's dead", pub: "2026-04-04",
		text: "Russia launched 45 drones overnight, the air force said. Two people were killed in Kharkiv.",
		want: map[string]any{"national#": 1, "0.launched.drones": 45, "0.casualties.killed": 2}},
	{name: "war toll: a record night goes on", pub: "2026-04-04",
		text: "Russia launched 1,100 drones overnight in its largest attack yet, the air force said. Air defences downed 1,050 drones.",
		want: map[string]any{"national#": 1, "0.launched.drones": 1100, "0.intercepted.drones": 1050}},
}

// A paragraph that opens with a governor's or a mayor's figures and gives
// the Air Force's (or the military's) national figures after them: the
// national figures are the country's attack, not that region's share.
var governorFirstFamily = []attackCase{
	{name: "governor first: wounded in a region, then the country's figures", pub: "2026-04-04",
		text: "Drones struck the Odesa region overnight and wounded four people, its governor said. Across the country, air defences downed 37 of 45 drones, the air force reported.",
		want: map[string]any{"national#": 1, "0.scope": "national", "0.launched.drones": 45, "0.intercepted.drones": 37, "1.scope": "regional"}},
	{name: "governor first: a region's launched figure, then the air force", pub: "2026-04-04",
		text: "Russia attacked the Sumy region with 7 drones overnight, its governor said. The air force said it destroyed 40 of 52 drones nationwide.",
		want: map[string]any{"national#": 1, "0.scope": "national", "0.launched.drones": 52, "1.launched.drones": 7}},
	{name: "governor first: a mayor's hits, then the air force", pub: "2026-04-04",
		text: "Kharkiv's mayor said 3 drones struck the city overnight. Ukraine's air force said 28 of 30 drones were shot down.",
		want: map[string]any{"national#": 1, "0.scope": "national", "0.launched.drones": 30, "0.intercepted.drones": 28, "1.hits.drones": 3}},
	{name: "governor first: the country named, no source", pub: "2026-04-04",
		text: "Two people died when a drone hit a house in the Chernihiv region, its governor said. Across the country, air defence downed 19 of 23 drones launched overnight.",
		want: map[string]any{"national#": 1, "0.scope": "national", "0.launched.drones": 23, "0.intercepted.drones": 19}},
	// what must not change
	{name: "governor first: the air force first", pub: "2026-04-04",
		text: "The air force said 31 of 40 drones were downed. The Odesa governor said 9 were destroyed over his region.",
		want: map[string]any{"national#": 1, "0.scope": "national", "0.launched.drones": 40, "0.intercepted.drones": 31}},
	{name: "governor first: a governor alone", pub: "2026-04-04",
		text: "Air defence shot down 9 drones over the Odesa region, governor Kiper said. Debris damaged two houses, he added.",
		want: map[string]any{"national#": 0, "0.intercepted.drones": 9}},
	{name: "governor first: two governors", pub: "2026-04-04",
		text: "Kiper said 9 drones were downed over the Odesa region. The Mykolaiv governor said 5 drones were destroyed there.",
		want: map[string]any{"national#": 0}},
}

// A wire dateline with its date ("Kyiv, May 21 (IANS) ...", "Moscow, Sep.
// 28 (UNI) ...") names where the report was filed, like the capitalised
// "KYIV (Reuters) -": not a region attacked, nor the governor's region.
var datelineFamily = []attackCase{
	{name: "dated dateline: the capital before a governor's wounded", pub: "2026-04-04",
		text: "Kyiv, April 4 (IANS) Five people were wounded overnight in Russian attacks on Sumy, the governor said. The air force said 33 of 36 drones were shot down across the country.",
		want: map[string]any{"national#": 1, "0.regions.0": "Sumy", "1.regions.0": "Sumy"}},
	{name: "dated dateline: Moscow before the ministry's figure", pub: "2026-04-04",
		text: "Moscow, Apr 4 (UNI) Russian air defence destroyed 52 Ukrainian drones overnight over several regions, the Defence Ministry said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 52, "0.regions": nil}},
	{name: "dated dateline: an abbreviated month", pub: "2026-04-04",
		text: "Moscow, Apr. 4 (UNI) Air defence shot down 52 Ukrainian drones overnight, the ministry said.",
		want: map[string]any{"national#": 1, "0.regions": nil}},
	// what must not change
	{name: "dated dateline: the capital as the subject", pub: "2026-04-04",
		text: "Kyiv was hit by 12 drones overnight, the city administration said.",
		want: map[string]any{"0.regions.0": "Kyiv"}},
	{name: "dated dateline: the capital before a comma and a speaker", pub: "2026-04-04",
		text: "Moscow, the ministry said, shot down 41 Ukrainian drones overnight.",
		want: map[string]any{"0.regions.0": "Moscow"}},
}
