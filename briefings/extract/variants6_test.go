package extract

import "slices"

// Paraphrase families of the sixth round (issue 14, fresh English reports
// of Ukrainian outlets): a strike on one place that no national source
// reports, a city administration as the speaker, a source named only as the
// one that will publish the count later, and place names behind
// "(temporarily) occupied". Every text was written for these tests.
func variantCases6() []attackCase {
	return slices.Concat(onePlaceStrikeFamily, cityAdministrationFamily, laterPublisherFamily, occupiedPlaceFamily, breakdownAloneFamily, regionalCommandFamily, unnamedPlaceFamily, launchListFamily, officialNameFamily, partOfWhichFamily, cityAloneFamily, definiteLaunchFamily, riverFamily, directionFamily, quoteThenGovernorFamily, typesBeforeFamily, defenderUnitFamily)
}

// A strike on one city or district, with no national source and no sentence
// naming the country as the target, is that place's: never a national night.
var onePlaceStrikeFamily = []attackCase{
	{name: "guided bombs on a district of one city", pub: "2026-06-11",
		text: "Russian troops struck warehouses in the Zarichnyi district of Sumy with three guided bombs; two sites were hit.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.regions": "[Sumy]"}},
	{name: "aerial bombs on a city in the morning, people hurt", pub: "2026-06-11",
		text: "On the morning of June 11 the occupiers hit Zaporizhzhia with nine aerial bombs. Eleven people were injured.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions": "[Zaporizhzhia]"}},
	{name: "missiles destroyed over the capital, no source", pub: "2026-06-11",
		text: "Overnight air defence units destroyed about ten cruise missiles and a drone in the skies over the capital.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions": "[Kyiv]", "0.intercepted.drones": 1}},
	// what must not change
	{name: "one region named, the country is the target", pub: "2026-06-11",
		text: "Russia attacked Ukraine overnight with 14 drones; 11 were shot down over the Poltava region.",
		want: map[string]any{"national#": 1, "0.launched.drones": 14}},
	{name: "one region named, the air force speaks", pub: "2026-06-11",
		text: "Air defence destroyed nine of ten drones overnight, the air force said. They were downed over the Chernihiv region.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 9, "0.source": "Ukraine's Air Force"}},
}

// A city's military administration (its English names) speaks for the city
// as its mayor does.
var cityAdministrationFamily = []attackCase{
	{name: "about a dozen over the capital, the city military administration", pub: "2026-06-11",
		text: "Roughly a dozen drones heading for Kyiv were downed in the night, the Kyiv City Military Administration said.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.source": "mayor"}},
	{name: "head of the city administration named after the figure", pub: "2026-06-11",
		text: "Some eight drones were downed over Kyiv and its outskirts, said Oleksii Marchenko, head of the Kyiv city administration.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.source": "mayor"}},
	{name: "the city military administrator", pub: "2026-06-11",
		text: "Over a dozen drones were destroyed over Lviv, city military administrator Ivan Hrytsenko wrote on Telegram.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.source": "mayor"}},
	{name: "Kyiv's city administration abbreviated", pub: "2026-06-11",
		text: "Overnight air defence destroyed about ten cruise missiles over the capital, the KCMA said on Telegram.",
		want: map[string]any{"national#": 0, "0.source": "mayor"}},
	{name: "the Kyiv MWA", pub: "2026-06-11",
		text: "According to the Kyiv MWA, eight drones were shot down over the city overnight.",
		want: map[string]any{"national#": 0, "0.source": "mayor"}},
	// what must not change
	{name: "regional military administration is the governor's", pub: "2026-06-11",
		text: "Six drones were shot down over the Mykolaiv region, the regional military administration said.",
		want: map[string]any{"national#": 0, "0.source": "regional governor"}},
	{name: "the Armed Forces of Ukraine report the night", pub: "2026-06-11",
		text: "Overnight 40 of 44 drones were downed above Ukraine and four more were lost, the Armed Forces of Ukraine said.",
		want: map[string]any{"national#": 1, "0.source": "Ukraine's military", "0.launched.drones": 44}},
}

// A source named as the one that will publish the count later has not
// spoken: the city official who gives the provisional count has.
var laterPublisherFamily = []attackCase{
	{name: "count to be published by the air force, in brackets", pub: "2026-06-11",
		text: "Oleksii Marchenko, head of the city administration, said drones attacked the capital in waves. \"Our air defence destroyed more than 20 drones (the air force will publish the exact number).\"",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.regions": "[Kyiv]"}},
	{name: "type and number to be disclosed later by the air force", pub: "2026-06-11",
		text: "Over the capital air defence destroyed about ten missiles. Their exact types and number will be disclosed later by the Air Force, the head of the Kyiv City Military Administration said.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.source": "mayor"}},
	// what must not change
	{name: "the air force reports now and will update later", pub: "2026-06-11",
		text: "Russia launched 50 drones at Ukraine overnight and 45 were downed, the air force said, adding it will update the figures.",
		want: map[string]any{"national#": 1, "0.source": "Ukraine's Air Force"}},
}

// "(temporarily) occupied" or "annexed" may stand before a place in a list
// of per-region counts: the place keeps its own share.
var occupiedPlaceFamily = []attackCase{
	{name: "a share over occupied Crimea, no total", pub: "2026-06-11",
		text: "The ministry says four drones were downed over the Kursk region, another four over occupied Crimea, and the rest over the Bryansk and Oryol regions.",
		want: map[string]any{"national#": 0}},
	{name: "a share over temporarily occupied Crimea", pub: "2026-06-11",
		text: "The ministry claims three drones were downed over the Belgorod region and another two over the temporarily occupied Crimea.",
		want: map[string]any{"national#": 0}},
	{name: "a share over annexed Crimea after the total", pub: "2026-06-11",
		text: "Russia's Defence Ministry said it destroyed 16 Ukrainian drones overnight: nine over the Rostov region and seven over annexed Crimea.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 16}},
}

// A paragraph that only breaks the ministry's count down by region (its
// total in another paragraph) gives each region's share and no national
// figure, also when Crimea is one of the list or a region is described as
// bordering Ukraine; a capital's possessive before the state's forces names
// the state, not the city.
var breakdownAloneFamily = []attackCase{
	{name: "breakdown alone, Crimea in the list", pub: "2026-06-11",
		text: "It said 19 drones were downed over the Penza region, three over the Kursk region, one over Crimea and two above the Tambov region.",
		want: map[string]any{"national#": 0, "0.attacker": "UA"}},
	{name: "breakdown alone, a region bordering Ukraine", pub: "2026-06-11",
		text: "Three drones were destroyed over the Belgorod region, which borders Ukraine, and one more over the Oryol region.",
		want: map[string]any{"national#": 0, "0.attacker": "UA"}},
	{name: "a governor's drone in a region bordering Ukraine", pub: "2026-06-11",
		text: "Air defence shot down a drone in the Bryansk region bordering Ukraine, the regional governor said.",
		want: map[string]any{"national#": 0, "0.attacker": "UA", "0.scope": "regional"}},
	{name: "Kyiv's military speaks for the state", pub: "2026-06-11",
		text: "Air defence shot down 21 of 27 drones launched by Russia overnight, Kyiv's military said.",
		want: map[string]any{"national#": 1, "0.regions": nil, "0.source": "Ukraine's military"}},
	{name: "Kyiv's air force speaks for the state", pub: "2026-06-11",
		text: "Kyiv's air force said 44 of 50 Russian drones were shot down overnight.",
		want: map[string]any{"national#": 1, "0.regions": nil}},
	// what must not change
	{name: "a district of the capital stays the city's", pub: "2026-06-11",
		text: "Drones attacked Kyiv's Darnytskyi district overnight; air defence destroyed nine of them, the city administration said.",
		want: map[string]any{"national#": 0, "0.regions": "[Kyiv]"}},
	{name: "Ukraine named as the target keeps the night national", pub: "2026-06-11",
		text: "Russia launched 30 drones at Ukraine overnight; 25 were shot down, including eight over the Sumy region.",
		want: map[string]any{"national#": 1, "0.launched.drones": 30}},
}

// The military's regional commands (English names) speak for their zone:
// their figures over one or several regions of it are regional, never a
// national night; a span of several days or months is cumulative.
var regionalCommandFamily = []attackCase{
	{name: "Operational Command South, two regions", pub: "2026-06-11",
		text: "Defenders shot down five Russian attack drones overnight, Operational Command South said. The drones targeted the Kherson and Mykolaiv regions.",
		want: map[string]any{"national#": 0, "0.scope": "regional"}},
	{name: "the southern defence forces report one region", pub: "2026-06-11",
		text: "Air defence destroyed all six drones launched at the Odesa region, Ukraine's southern defence forces reported.",
		want: map[string]any{"national#": 0, "0.scope": "regional", "0.source": "regional governor"}},
	{name: "Air Force Command South is a regional command", pub: "2026-06-11",
		text: "Four drones were downed above the Mykolaiv and Kherson regions by Air Force Command South, its press service said.",
		want: map[string]any{"national#": 0, "#": 1}},
	{name: "a regional head and the southern command, two regions", pub: "2026-06-11",
		text: "Air defence shot down three drones above Zaporizhzhia region and above a district of Kharkiv region. The outlet cites the head of the regional military administration and Air Command East.",
		want: map[string]any{"national#": 0, "0.scope": "regional"}},
	{name: "the Armed Forces of Ukraine as the actor, a regional command speaks", pub: "2026-06-11",
		text: "Units of the Armed Forces of Ukraine downed three drones above the Kherson and Mykolaiv regions, OC South said.",
		want: map[string]any{"national#": 0, "#": 1}},
	{name: "the first days of the year", pub: "2026-06-11",
		text: "In the first four days of the year Russia used about 350 attack drones and some 25 missiles against Ukraine, the president said.",
		want: map[string]any{"national#": 0, "0.cumulative": true}},
	{name: "three winter months", pub: "2026-06-11",
		text: "Over the three winter months Russia launched about 600 missiles and 17,000 drones against Ukraine.",
		want: map[string]any{"national#": 0, "0.cumulative": true}},
	// what must not change
	{name: "the air force's night with regions and a governor", pub: "2026-06-11",
		text: "Russia launched 48 drones at Ukraine overnight; 40 were shot down over the Kherson and Mykolaiv regions, the air force said. The Kherson governor reported damage.",
		want: map[string]any{"national#": 1, "0.launched.drones": 48}},
}

// "Over the region", "over our region": the region named before. A figure
// about one Russian region that no one named reports is that region's (the
// ministry's claim naming one region stays national). A total with its own
// share of one region stated apart stays national. The ministry owning the
// air defence ("the Defence Ministry's air defence system") does not speak.
var unnamedPlaceFamily = []attackCase{
	{name: "the region named in the sentence before", pub: "2026-06-11",
		text: "The head of the Poltava Regional Military Administration posted on Telegram. \"Our defenders downed 4 drones above the region tonight,\" he wrote.",
		want: map[string]any{"national#": 0, "0.regions": "[Poltava]"}},
	{name: "our region, the governor named before", pub: "2026-06-11",
		text: "The Chernihiv governor wrote on Telegram overnight. Air defence destroyed six drones over our region.",
		want: map[string]any{"national#": 0}},
	{name: "drones on the approach to a Russian city, no one named", pub: "2026-06-11",
		text: "Three fixed-wing drones were shot down on the approach to Lipetsk overnight.",
		want: map[string]any{"national#": 0, "0.attacker": "UA", "0.scope": "regional"}},
	{name: "a ministry's system, the mayor speaks", pub: "2026-06-11",
		text: "The Russian Defence Ministry's air defence system downed three drones flying toward Moscow, the mayor of Moscow reported.",
		want: map[string]any{"national#": 0, "0.source": "mayor"}},
	// what must not change
	{name: "a total and its share of one region, no one named", pub: "2026-06-11",
		text: "Air defence destroyed 26 drones overnight, nine of them over the Sumy region.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 26}},
	{name: "Russia's total and one region's share, no one named", pub: "2026-06-11",
		text: "Russian air defences downed 24 Ukrainian drones overnight, 10 of them over the Kursk region.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 24}},
}

// A launch-area list goes on through brackets ("from Chauda (Crimea), Yeysk
// and Kursk (Russia)"): its places are where the drones came from, not
// where they were, and do not make the attacker Ukraine.
var launchListFamily = []attackCase{
	{name: "launch areas with bracketed countries, no side word", pub: "2026-06-11",
		text: "Overnight 20 attack drones came from launch sites near Chauda (Crimea) and Millerovo (Russia); 16 were shot down.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.regions": nil}},
	{name: "a misspelt side word and bracketed launch areas", pub: "2026-06-11",
		text: "\"In the night the Russian invadres sent 19 attack drones and two guided missiles from Millerovo (Russia) and Chauda (Crimea),\" the summary says. Fifteen drones were downed above the Poltava and Sumy regions.",
		want: map[string]any{"national#": 1, "0.attacker": "RU", "0.launched.drones": 19}},
}

// Officials quoted by surname alone speak for their body or region: the Air
// Force's commander or spokesman for the Air Force, a governor or mayor for
// the region they head ("over the region" is then theirs).
var officialNameFamily = []attackCase{
	{name: "the Air Force commander by surname", pub: "2026-06-11",
		text: "Russia launched nine Shaheds overnight. \"All of them were shot down over the Poltava and Sumy regions,\" Oleshchuk wrote.",
		want: map[string]any{"national#": 1, "0.source": "Ukraine's Air Force"}},
	{name: "a regional head by surname, the region unnamed", pub: "2026-06-11",
		text: "Lysak said the Russians hit a farm in one of the communities. In all, air defence destroyed nine drones over the region overnight.",
		want: map[string]any{"national#": 0, "0.regions": "[Dnipropetrovsk]"}},
	{name: "a Russian governor by surname", pub: "2026-06-11",
		text: "Bogomaz wrote that air defence destroyed three drones overnight; no one was hurt.",
		want: map[string]any{"national#": 0, "0.attacker": "UA", "0.regions": "[Bryansk]"}},
	// what must not change
	{name: "a governor by surname beside the air force's night", pub: "2026-06-11",
		text: "Russia launched 33 drones at Ukraine overnight and 29 were shot down, the air force said. Debris damaged two houses, Kiper said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 33, "0.source": "Ukraine's Air Force"}},
}

// "X, N of which were shot down", "X, N of them ...": N is a part of X, never
// an item of a list with it (their sum is no figure).
var partOfWhichFamily = []attackCase{
	{name: "the attack included X, N of which were shot down", pub: "2026-06-11",
		text: "Russia's overnight attack included 64 drones, 51 of which were shot down, the air force said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 51}},
	{name: "the attack consisted of X, N of them downed", pub: "2026-06-11",
		text: "The night attack consisted of 38 drones, 30 of them were downed, the air force said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 30}},
	{name: "a total of X reported, N of which were shot down", pub: "2026-06-11",
		text: "The air force command reported a total of 44 drones overnight, 37 of which were shot down over five regions.",
		want: map[string]any{"national#": 1, "0.launched.drones": 44, "0.intercepted.drones": 37}},
	{name: "the attack consisted of X, N of them downed: X launched", pub: "2026-06-11",
		text: "The night attack consisted of 38 drones, 30 of them were downed, the air force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 38}},
	// what must not change
	{name: "parts of two phrases joined by and", pub: "2026-06-11",
		text: "The military said Russia had launched 300 drones and 20 missiles but that 250 of the drones and 15 of the missiles were intercepted.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 250, "0.intercepted.missiles": 15}},
}

// A city named alone stands for its region: a hit on it, with no national
// source, is that region's.
var cityAloneFamily = []attackCase{
	{name: "a hit in Kryvyi Rih, no source", pub: "2026-06-11",
		text: "Overnight a Russian drone hit a warehouse in Kryvyi Rih; one person was hurt.",
		want: map[string]any{"national#": 0, "0.regions": "[Dnipropetrovsk]"}},
	{name: "drones over Izmail, no source", pub: "2026-06-11",
		text: "Five drones were downed over Izmail overnight, and port infrastructure was damaged.",
		want: map[string]any{"national#": 0, "0.regions": "[Odesa]"}},
	{name: "a hit on Kupiansk, drones over Chuhuiv", pub: "2026-06-11",
		text: "Russian drones hit Kupiansk overnight, and three more were shot down over Chuhuiv.",
		want: map[string]any{"national#": 0, "0.regions": "[Kharkiv]"}},
}

// "The drone" named again ("the drone had been detected", "the drone was
// launched from ...") counts no launch of its own; "destroyed the missile"
// still counts one downed.
var definiteLaunchFamily = []attackCase{
	{name: "the drone had been detected", pub: "2026-06-11",
		text: "The ministry said the drone had been detected in radar data from the border area.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "the missile destroyed", pub: "2026-06-11",
		text: "Russia launched 14 drones and a guided missile overnight; air defence destroyed the missile and 11 of the drones, the air force said.",
		want: map[string]any{"national#": 1, "0.intercepted.missiles": 1}},
}

// "The Dnipro River" is a river, not Dnipro or its region.
var riverFamily = []attackCase{
	{name: "a bridge over the Dnipro River in the capital", pub: "2026-06-11",
		text: "Overnight a Russian drone struck a Kyiv bridge across the Dnipro River, and two more drones were shot down over the city.",
		want: map[string]any{"national#": 0, "0.regions": "[Kyiv]"}},
}

// "In the direction of" a region names where the drones went: the night's
// region, also in a sentence without a figure.
var directionFamily = []attackCase{
	{name: "drones flying in the direction of a region, no figure in the sentence", pub: "2026-06-11",
		text: "Overall, russian troops attacked Ukraine with 27 Shaheds, the air force said. Most were heading in the direction of the north of the Sumy Region.",
		want: map[string]any{"national#": 1, "0.regions": "[Sumy]"}},
}

// A quote of several sentences with no side word, attributed after it to a
// Russian governor, counts Ukraine's attack on his region; attributed to a
// Ukrainian regional head, Russia's attack on his.
var quoteThenGovernorFamily = []attackCase{
	{name: "four-sentence quote, the Russian governor named after it", pub: "2026-06-11",
		text: "\"Air defence units in the north of the region detected and destroyed over seven UAVs. There are no casualties so far. Debris damaged a substation. Two villages are without power,\" said Bogomaz.",
		want: map[string]any{"national#": 0, "0.attacker": "UA", "0.regions": "[Bryansk]"}},
	{name: "a quote with no region, a Ukrainian regional head named after it", pub: "2026-06-11",
		text: "\"Our air defence destroyed 14 enemy drones overnight. Luckily nobody was hurt,\" Kiper wrote.",
		want: map[string]any{"national#": 0, "0.attacker": "RU", "0.regions": "[Odesa]"}},
	{name: "a quote over three sentences with curly marks, head named after it", pub: "2026-06-11",
		text: "“Air defence shot down nine drones. Debris damaged two houses. Nobody was hurt,” Lysak said.",
		want: map[string]any{"national#": 0, "0.regions": "[Dnipropetrovsk]"}},
	// what must not change
	{name: "a quote naming a Ukrainian region, its head named after it", pub: "2026-06-11",
		text: "\"Air defence destroyed six drones over the Dnipropetrovsk region overnight. No one was hurt,\" said Lysak.",
		want: map[string]any{"national#": 0, "0.attacker": "RU"}},
}

// Types named before the figures ("the enemy used Shahed drones") are the
// attack's; an attack that is one region's as a whole names them too.
var typesBeforeFamily = []attackCase{
	{name: "types named in the sentence before the count", pub: "2026-06-11",
		text: "By early accounts the enemy used Shahed drones. Air defence destroyed 14 drones overnight, the air force said.",
		want: map[string]any{"national#": 1, "0.weapons": "[Shahed drone]"}},
	{name: "a region's attack, its types named without a count", pub: "2026-06-11",
		text: "Overnight the enemy attacked Sumy with Shahed drones. Air defence shot down nine drones, the head of the city administration said.",
		want: map[string]any{"national#": 0, "0.weapons": "[Shahed drone]"}},
}

// "Anti-aircraft missile units" repel the attack: no type of it.
var defenderUnitFamily = []attackCase{
	{name: "anti-aircraft missile units repelled the attack", pub: "2026-06-11",
		text: "Russia launched 22 Shahed drones overnight; anti-aircraft missile units together with mobile fire teams downed 19 of them, the air force said.",
		want: map[string]any{"national#": 1, "0.weapons": "[Shahed drone]"}},
}
