package extract

import "testing"

// ruleCases cover rates and upper bounds ("fewer than N each night"), vague
// quantities ("several thousand") and a figure split by the phrases after it
// ("Of the N drones, A ... and B ...").
// Every text was written for these tests.
var ruleCases = []attackCase{
	// 2. upper bounds and rates
	{
		name: "less than N in one attack is that attack's figure with its qualifier",
		pub:  "2025-08-02",
		text: "Russia launched less than 30 drones overnight, the air force said.",
		want: map[string]any{"#": 1, "0.scope": "national", "0.launched.drones": 30, "0.qualifiers.launched\\.drones": "less_than"},
	},
	{
		name: "no more than N each night is a rate, never a national attack",
		pub:  "2025-08-02",
		text: "Earlier in the week Russia sent no more than 50 drones each night, officials said.",
		want: map[string]any{"national#": 0, "0.cumulative": true, "0.launched.drones": 50, "0.qualifiers.launched\\.drones": "at_most"},
	},
	{
		name: "under N a night is a rate",
		pub:  "2025-08-02",
		text: "For most of the spring Russia fired under 40 drones a night, according to the air force.",
		want: map[string]any{"national#": 0, "0.scope": "cumulative", "0.qualifiers.launched\\.drones": "less_than"},
	},
	{
		name: "per night and on average are rates",
		pub:  "2025-08-02",
		text: "On average Russia launches fewer than 120 drones per night this summer. Analysts said it fires about 5 missiles every night.",
		want: map[string]any{"national#": 0},
	},
	{
		name: "one night's attack, then a rate: only the first is national",
		pub:  "2025-08-02",
		text: "Russia launched 140 drones overnight, the air force said. In previous weeks it had launched fewer than 60 drones a night.",
		want: map[string]any{"#": 2, "national#": 1, "0.launched.drones": 140, "1.cumulative": true, "1.launched.drones": 60, "1.qualifiers.launched\\.drones": "less_than"},
	},
	{
		name: "Ukrainian rates: щоночі, кожної ночі, не більше ніж",
		pub:  "2025-08-02",
		text: "Щоночі ворог запускає до 100 дронів. Кожної ночі противник застосовує не більше ніж 20 ракет.",
		want: map[string]any{"national#": 0, "0.qualifiers.launched\\.drones": "up_to", "0.qualifiers.launched\\.missiles": "at_most"},
	},
	{
		name: "a day after is not a rate",
		pub:  "2025-08-02",
		text: "Russia launched 300 drones a day after the summit, the air force said on Saturday.",
		want: map[string]any{"#": 1, "national#": 1, "0.launched.drones": 300},
	},
	// 3. vague quantities give no figure, and alone no report
	{
		name: "several thousand is no figure",
		pub:  "2025-08-02",
		text: "The General Staff said Russian units deployed several thousand FPV drones along the front during the past day.",
		want: map[string]any{"#": 0},
	},
	{
		name: "a vague quantity beside a figure is its qualifier",
		pub:  "2025-08-02",
		text: "The General Staff said Russian units deployed several thousand FPV drones and dropped 90 guided bombs during the past day.",
		want: map[string]any{"#": 1, "0.launched.drones": nil, "0.qualifiers.launched\\.drones": "several_thousand", "0.launched.by_type.guided_bomb": 90},
	},
	{
		name: "hundreds of, dozens of, a few hundred, several dozen",
		pub:  "2025-08-02",
		text: "Hundreds of drones and dozens of missiles were launched at Ukraine overnight. Air defence shot down a few hundred drones and several dozen missiles.",
		want: map[string]any{"#": 0},
	},
	{
		name: "vague quantities qualify the figures of their report",
		pub:  "2025-08-02",
		text: "Hundreds of drones and 12 missiles were launched at Ukraine overnight. Air defence shot down a few hundred drones and several dozen missiles.",
		want: map[string]any{
			"0.launched.drones": nil, "0.launched.missiles": 12, "0.intercepted.drones": nil, "0.intercepted.missiles": nil,
			"0.qualifiers.launched\\.drones": "hundreds", "0.qualifiers.intercepted\\.drones": "few_hundred",
			"0.qualifiers.intercepted\\.missiles": "several_dozen",
		},
	},
	{
		name: "tens of thousands is one vague quantity",
		pub:  "2025-08-02",
		text: "Russia fired tens of thousands of drones and 4,000 missiles at Ukraine last year.",
		want: map[string]any{"national#": 0, "0.launched.drones": nil, "0.launched.missiles": 4000, "0.qualifiers.launched\\.drones": "tens_of_thousands"},
	},
	{
		name: "thousands of since a year is no figure",
		pub:  "2025-08-02",
		text: "Thousands of Shahed drones have struck Ukrainian towns since 2022.",
		want: map[string]any{"#": 0},
	},
	{
		name: "Ukrainian vague quantities: кілька тисяч, сотні",
		pub:  "2025-08-02",
		text: "За добу противник застосував кілька тисяч дронів-камікадзе та сотні керованих авіабомб.",
		want: map[string]any{"#": 0},
	},
	{
		name: "thousands stated exactly stay figures",
		pub:  "2025-08-02",
		text: "Russia launched two thousand drones last week. У ніч на 2 серпня противник атакував 2 тисячі БпЛА.",
		want: map[string]any{"0.launched.drones": 2000, "1.launched.drones": 2000},
	},
	// 4. "Of the N drones, A were shot down and B were lost"
	{
		name: "Of the N: launched N, shot down A, lost B",
		pub:  "2025-08-02",
		text: "Russia attacked Ukraine with drones overnight, the air force said. Of the 84 drones, 60 were shot down and 24 were lost.",
		want: map[string]any{"#": 1, "0.launched.drones": 84, "0.intercepted.drones": 60, "0.jammed.drones": 24, "0.intercepted_or_jammed.drones": nil},
	},
	{
		name: "Of the N after a neutralised N: N was shot down or jammed",
		pub:  "2025-08-02",
		text: "Air defence neutralised 90 of 110 drones overnight, the air force said. Of the 90 drones, 70 were downed and 20 were lost to electronic warfare.",
		want: map[string]any{
			"#": 1, "0.launched.drones": 110, "0.intercepted_or_jammed.drones": 90, "0.intercepted.drones": 70, "0.jammed.drones": 20,
		},
	},
	{
		name: "Of the N equal to the number launched",
		pub:  "2025-08-02",
		text: "Russia launched 75 drones overnight. Of the 75 drones, 61 were shot down and 9 were locationally lost, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 75, "0.intercepted.drones": 61, "0.jammed.drones": 9},
	},
	{
		name: "Of N missiles launched",
		pub:  "2025-08-02",
		text: "Of the 12 missiles launched overnight, 10 were intercepted, the air force said.",
		want: map[string]any{"0.launched.missiles": 12, "0.intercepted.missiles": 10},
	},
	{
		name: "Ukrainian Із N: launched N",
		pub:  "2025-08-02",
		text: "У ніч на 2 серпня противник атакував Україну дронами. Із 64 дронів 50 збито, ще 14 локаційно втрачено.",
		want: map[string]any{"#": 1, "0.launched.drones": 64, "0.intercepted.drones": 50, "0.jammed.drones": 14},
	},
	// other rules found reading the sample corpus
	{
		name: "a number counting an unknown noun is not an ellipsis of the weapon before",
		pub:  "2025-08-02",
		text: "Wreckage of an intercepted drone fell on a shop in the Mykolaiv region overnight and three shop assistants were hurt, the regional governor said.",
		want: map[string]any{"#": 0},
	},
	{
		name: "people nouns: workers, a man",
		pub:  "2025-08-02",
		text: "A drone hit a depot in the Cherkasy region overnight; two workers were injured and a man was killed, the regional governor said.",
		want: map[string]any{"#": 1, "0.regions": []string{"Cherkasy"}, "0.casualties.injured": 2, "0.casualties.killed": 1},
	},
	{
		name: "a governor's later sentence without a region keeps the region",
		pub:  "2025-08-02",
		text: "A drone fell on a garage in the Cherkasy region overnight, and one woman was injured, the regional governor said.\nMobile fire groups shot down 9 drones above the region, according to the governor.",
		want: map[string]any{"#": 1, "0.regions": []string{"Cherkasy"}, "0.intercepted.drones": 9, "0.casualties.injured": 1},
	},
	{
		name: "a Russian governor's remark keeps the ministry as the source of its count",
		pub:  "2025-08-02",
		text: "Russia's defence ministry said 30 Ukrainian drones were destroyed overnight, 18 over the Kursk region and 12 over the Belgorod region. The governor of the Kursk region said a drone damaged a house.",
		want: map[string]any{"0.intercepted.drones": 30, "1.regions": []string{"Kursk"}, "1.source": "Russia's Defence Ministry"},
	},
	{
		name: "both X and Y is a pair of classes, not two weapons",
		pub:  "2025-08-02",
		text: "Analysts expect Russia to follow quiet nights with a larger attack using both drones and missiles.",
		want: map[string]any{"#": 0},
	},
	{
		name: "Ukrainian regional administration as a source",
		pub:  "2025-08-02",
		text: "У ніч на 2 серпня противник атакував 40 ударними БпЛА. На Полтавщині, за даними обласної військової адміністрації, одна людина дістала поранення.",
		want: map[string]any{"#": 2, "0.casualties.injured": nil, "1.regions": []string{"Poltava"}, "1.casualties.injured": 1, "1.source": "regional governor"},
	},
}

func TestExtractRules(t *testing.T) {
	runAttackCases(t, ruleCases)
}
