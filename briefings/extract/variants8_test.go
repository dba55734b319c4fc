package extract

import "slices"

// Paraphrase families of the eighth round (issue 14, measured on the
// attacks8 set of Ukrainian and wire reports): a third country's ministry
// or army named in Ukrainian. Every text was written for these tests.
func variantCases8() []attackCase {
	return slices.Concat(ukThirdCountryFamily, shellingFamily, downsFamily, eachRegionFamily, ukDistrictFamily, attackSideFamily, tochkaFamily, defenceActiveFamily)
}

// A neighbour's ministry, army or command named the Ukrainian way (the
// authority first, the state after it in the genitive, or a state
// adjective before it) speaks for that state's airspace: no national report.
var ukThirdCountryFamily = []attackCase{
	{name: "uk: neighbour's defence ministry after its head word", pub: "2026-09-14",
		text: "Міністерство оборони Молдови повідомило, що три дрони порушили повітряний простір країни вночі.",
		want: map[string]any{"#": 0}},
	{name: "uk: abbreviated defence ministry of a neighbour, drones downed", pub: "2026-09-14",
		text: "Уночі два безпілотники збили над півднем країни, повідомило Міноборони Румунії.",
		want: map[string]any{"#": 0}},
	{name: "uk: ministry of national defence of a neighbour", pub: "2026-09-14",
		text: "За даними Міністерства національної оборони Румунії, уламки одного дрона знайшли біля Дунаю.",
		want: map[string]any{"#": 0}},
	{name: "uk: operational command of a neighbour's armed forces", pub: "2026-09-14",
		text: "Оперативне командування Збройних сил Польщі повідомило, що польські винищувачі збили чотири дрони над східними воєводствами.",
		want: map[string]any{"#": 0}},
	{name: "uk: a state adjective before the army", pub: "2026-09-14",
		text: "Молдовська армія виявила шість дронів у повітряному просторі республіки.",
		want: map[string]any{"#": 0}},
	{name: "uk: neighbour's foreign ministry condemns, then a bare ministry counts", pub: "2026-09-14",
		text: "МЗС Молдови викликало російського посла. У міністерстві заявили, що над північчю країни збили два дрони.",
		want: map[string]any{"#": 0}},
	{name: "uk: neighbour's defence ministry: drones downed over the country", pub: "2026-09-14",
		text: "Міністерство оборони Молдови повідомило, що вночі над країною знищено три безпілотники.",
		want: map[string]any{"#": 0}},
	{name: "uk: a neighbour's minister counts drones downed by allied jets", pub: "2026-09-14",
		text: "Міністр оборони Польщі заявив, що союзні літаки збили п'ять дронів над східною частиною країни.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "uk: the Air Force's night beside a neighbour's ministry", pub: "2026-09-14",
		text: "У ніч на 14 вересня противник атакував 85 ударними БпЛА, збито 70, повідомили Повітряні сили. Міноборони Молдови повідомило, що один дрон залетів у повітряний простір країни.",
		want: map[string]any{"#": 1, "national#": 1, "0.attacker": "RU", "0.launched.drones": 85, "0.intercepted.drones": 70}},
	{name: "uk: Russia's ministry, named as Russia's, keeps its claim", pub: "2026-09-14",
		text: "Міноборони Росії заявило, що вночі над Брянською та Курською областями збили 30 українських безпілотників.",
		want: map[string]any{"national#": 1, "0.attacker": "UA", "0.intercepted.drones": 30}},
}

// People killed or hurt by shelling that a regional head counts ("shelled
// the region N times, killing two"): the shelling is the attack the
// casualties belong to; the count of shellings is no figure of weapons.
var shellingFamily = []attackCase{
	{name: "shelled a region N times, killing and injuring", pub: "2026-06-11",
		text: "Russian troops shelled the Kherson region 64 times over the past day, killing one person and injuring four, the regional governor said.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.regions": "[Kherson]", "0.casualties.killed": 1, "0.casualties.injured": 4, "0.launched.drones": nil}},
	{name: "shelling count, casualties in the next sentence", pub: "2026-06-11",
		text: "Over the past day the enemy shelled 11 settlements of the Zaporizhzhia region 212 times. Three people were wounded in the shelling, the head of the regional administration said.",
		want: map[string]any{"national#": 0, "0.regions": "[Zaporizhzhia]", "0.casualties.injured": 3}},
	{name: "shelling as a noun, the dead and hurt", pub: "2026-06-11",
		text: "Two civilians were killed and five injured in Russian shelling of the Donetsk region on Tuesday, the regional chief said.",
		want: map[string]any{"national#": 0, "0.regions": "[Donetsk]", "0.casualties.killed": 2, "0.casualties.injured": 5}},
	{name: "uk: обстріляли N разів, є загиблі", pub: "2026-06-11",
		text: "Протягом доби росіяни 48 разів обстріляли Херсонщину, загинула одна людина, ще двоє поранені, повідомив голова ОВА.",
		want: map[string]any{"national#": 0, "0.regions": "[Kherson]", "0.casualties.killed": 1, "0.casualties.injured": 2}},
	{name: "killing one person and injuring others", pub: "2026-06-11",
		text: "Russian forces shelled a village in the Sumy region, killing one person and injuring three, the regional administration said.",
		want: map[string]any{"national#": 0, "0.regions": "[Sumy]", "0.casualties.killed": 1, "0.casualties.injured": 3}},
	{name: "a strike killed one woman and wounded two men", pub: "2026-06-11",
		text: "A drone strike on a village in the Kharkiv region killed one woman and wounded two men, the governor said.",
		want: map[string]any{"national#": 0, "0.regions": "[Kharkiv]", "0.casualties.killed": 1, "0.casualties.injured": 2}},
	// what must not change
	{name: "people hurt with no attack named stay unreported", pub: "2026-06-11",
		text: "Four people were injured in a road accident near Poltava on Tuesday, police said.",
		want: map[string]any{"#": 0}},
}

// "Downs", the headline's present tense of "shoots down": the figure after
// it was shot down, its "of M" was launched.
var downsFamily = []attackCase{
	{name: "headline: a country downs N drones", pub: "2026-06-11",
		text: "Ukraine downs 23 Russian drones overnight",
		want: map[string]any{"national#": 1, "0.attacker": "RU", "0.intercepted.drones": 23, "0.launched.drones": nil}},
	{name: "headline: downs N of M drones launched", pub: "2026-06-11",
		text: "Ukraine downs 19 of 26 Shahed drones launched by Russia overnight",
		want: map[string]any{"national#": 1, "0.launched.drones": 26, "0.intercepted.drones": 19}},
	{name: "headline: the other side downs N drones over regions", pub: "2026-06-11",
		text: "Russia downs 31 Ukrainian drones over four regions",
		want: map[string]any{"0.attacker": "UA", "0.intercepted.drones": 31}},
	{name: "headline then body with the same figures", pub: "2026-06-11",
		text: "Ukraine downs 44 of 50 drones\n\nRussia launched 50 drones overnight and air defence shot down 44 of them, the air force said.",
		want: map[string]any{"#": 1, "national#": 1, "0.launched.drones": 50, "0.intercepted.drones": 44}},
}

// A figure given to each of several regions is each region's share ("six
// each over the A and B regions", "one over each of the A, B and C
// regions"); "one more over the B region" is B's share; an adjective of
// position may stand before a region's name ("central", "border",
// "adjacent"). Shares over several regions with no total stated give no
// national figure.
var eachRegionFamily = []attackCase{
	{name: "N each over two regions, beside the total", pub: "2026-06-11",
		text: "Air defences downed 31 Ukrainian drones overnight: 17 over the Bryansk region, five each over the Kursk and Oryol regions, and two each over the regions of Tula and Kaluga, the Russian Defence Ministry said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 31, "#": 6, "5.regions": "[Kaluga]", "5.intercepted.drones": 2, "2.regions": "[Kursk]", "2.intercepted.drones": 5}},
	{name: "one over each of three regions", pub: "2026-06-11",
		text: "The Russian Defence Ministry said its air defences destroyed nine drones overnight, six over the Belgorod region and one over each of the Kursk, Lipetsk and Voronezh regions.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 9, "#": 5, "4.regions": "[Voronezh]", "4.intercepted.drones": 1}},
	{name: "regional figures only, one each with an aside between the regions", pub: "2026-06-11",
		text: "The Russian Defence Ministry said 11 drones were downed in the Kursk region. Units also destroyed one drone each in the Smolensk region, near the Belarusian border, and in the Tver region.",
		want: map[string]any{"national#": 0, "#": 3, "1.regions": "[Smolensk]", "2.regions": "[Tver]", "2.intercepted.drones": 1}},
	{name: "N over one region and one more over another", pub: "2026-06-11",
		text: "Russian air defences shot down three drones over the border region of Bryansk and one more over the adjacent Kaluga region, the Defence Ministry said.",
		want: map[string]any{"national#": 0, "#": 2, "0.intercepted.drones": 3, "1.regions": "[Kaluga]", "1.intercepted.drones": 1}},
	{name: "an adjective of position before the region", pub: "2026-06-11",
		text: "Air defences downed a drone over central Poltava region early on Sunday, the regional governor said.",
		want: map[string]any{"national#": 0, "0.regions": "[Poltava]"}},
	// what must not change
	{name: "each night is a rate, not a distributive", pub: "2026-06-11",
		text: "In May Russia launched about 150 drones each night, the air force said.",
		want: map[string]any{"national#": 0}},
}

// Ukrainian regional reports name the district or community before the
// region in the genitive ("над одним із районів N-ської області", "над
// N-ським районом N-ської області"): the figure is that region's. A single
// weapon named without a number has its region as a counted phrase has.
// Region names in their adjective form ("Запорізької", "Чернівецької").
var ukDistrictFamily = []attackCase{
	{name: "uk: one of the districts of a region, the police speak", pub: "2026-06-11",
		text: "Ворожу ракету збили над одним із районів Полтавської області, повідомив начальник поліції області.",
		want: map[string]any{"national#": 0, "#": 1, "0.regions": "[Poltava]", "0.intercepted.missiles": 1}},
	{name: "uk: a named district of a region", pub: "2026-06-11",
		text: "Уночі сили ППО збили ракету над Бориспільським районом Київської області.",
		want: map[string]any{"national#": 0, "0.regions": "[Kyiv]", "0.intercepted.missiles": 1}},
	{name: "uk: a community of a region", pub: "2026-06-11",
		text: "Два безпілотники знищили у Вознесенській громаді Миколаївської області.",
		want: map[string]any{"national#": 0, "0.regions": "[Mykolaiv]", "0.intercepted.drones": 2}},
	{name: "uk: a region's adjective form", pub: "2026-06-11",
		text: "Літак Повітряних сил збив ворожу ракету над Хотинським районом Чернівецької області.",
		want: map[string]any{"national#": 0, "0.regions": "[Chernivtsi]", "0.intercepted.missiles": 1}},
	{name: "uk: the Zaporizhzhia region's adjective form", pub: "2026-06-11",
		text: "Три дрони збили над Запорізькою областю, повідомив голова ОВА.",
		want: map[string]any{"national#": 0, "0.regions": "[Zaporizhzhia]", "0.intercepted.drones": 3}},
	// what must not change
	{name: "uk: the launch area after із stays a launch area", pub: "2026-06-11",
		text: "У ніч на 11 червня противник атакував 40 ударними БпЛА із напрямку Курська, збито 31, повідомили Повітряні сили.",
		want: map[string]any{"national#": 1, "0.launched.drones": 40, "0.regions": nil}},
}

// "Russian missile attacks", "a Ukrainian drone strike": the attack's
// adjective names its side, so people killed in it after the other side's
// figures belong to an event of their own.
var attackSideFamily = []attackCase{
	{name: "casualties of the other side's attack after the ministry's count", pub: "2026-06-11",
		text: "Russia's Defence Ministry said its air defences shot down 44 Ukrainian drones overnight. In Ukraine, at least nine people were killed in Dnipro during overnight Russian missile strikes.",
		want: map[string]any{"#": 2, "0.attacker": "UA", "0.intercepted.drones": 44, "0.casualties.killed": nil, "1.attacker": "RU", "1.casualties.killed": 9}},
	{name: "a Russian drone attack on a city after the ministry's count", pub: "2026-06-11",
		text: "The Russian Defence Ministry said 27 Ukrainian drones were destroyed overnight. Two people were injured in a Russian drone attack on Sumy, the regional administration said.",
		want: map[string]any{"0.attacker": "UA", "0.intercepted.drones": 27, "0.casualties.injured": nil, "1.attacker": "RU", "1.casualties.injured": 2}},
	{name: "a Ukrainian drone attack after the Air Force's night", pub: "2026-06-11",
		text: "Russia launched 70 drones overnight and 58 were shot down, Ukraine's air force said. One person was killed in a Ukrainian drone attack on the Belgorod region, the governor said.",
		want: map[string]any{"0.attacker": "RU", "0.launched.drones": 70, "0.casualties.killed": nil, "1.attacker": "UA", "1.casualties.killed": 1}},
	// what must not change
	{name: "Russian air defences still point to Ukraine's drones", pub: "2026-06-11",
		text: "Russian air defences destroyed 15 drones over the Kursk region overnight, the ministry said.",
		want: map[string]any{"0.attacker": "UA", "0.intercepted.drones": 15}},
}

// "Tochka-U", the tactical ballistic missile Russia's ministry names in its
// claims: a missile type.
var tochkaFamily = []attackCase{
	{name: "Tochka-U missiles downed with drones", pub: "2026-06-11",
		text: "Russia's Defence Ministry said its air defences destroyed two Tochka-U missiles and 14 drones over the Belgorod region overnight.",
		want: map[string]any{"0.attacker": "UA", "0.intercepted.missiles": 2, "0.intercepted.drones": 14, "0.intercepted.by_type.Tochka-U": 2}},
}

// Air defence at work in named regions, said apart from the figures: the
// regions the attack went to.
var defenceActiveFamily = []attackCase{
	{name: "air defences activated in regions after the night's figures", pub: "2026-06-11",
		text: "Russia launched 30 Shahed drones overnight and 26 were shot down, the air force said. Air defences were activated in the Vinnytsia, Poltava and Sumy regions.",
		want: map[string]any{"national#": 1, "0.launched.drones": 30, "0.regions": "[Vinnytsia Poltava Sumy]"}},
	{name: "air defence units operating in the capital and its region", pub: "2026-06-11",
		text: "Russia launched 12 drones overnight, all of which were shot down, the air force said. Air defence units were operating in the capital and the surrounding Kyiv region.",
		want: map[string]any{"national#": 1, "0.regions": "[Kyiv]"}},
	{name: "uk: ППО працювала в областях після цифр", pub: "2026-06-11",
		text: "У ніч на 11 червня противник атакував 45 ударними БпЛА, збито 39, повідомили Повітряні сили. ППО працювала на Житомирщині та Рівненщині.",
		want: map[string]any{"national#": 1, "0.regions": "[Zhytomyr Rivne]"}},
}
