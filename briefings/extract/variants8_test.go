package extract

// Paraphrase families of the eighth round (issue 14, measured on the
// attacks8 set of Ukrainian and wire reports): a third country's ministry
// or army named in Ukrainian. Every text was written for these tests.
func variantCases8() []attackCase {
	var out []attackCase
	for _, fam := range [][]attackCase{ukThirdCountryFamily} {
		out = append(out, fam...)
	}
	return out
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
