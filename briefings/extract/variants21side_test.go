package extract

import (
	"slices"
	"testing"
)

// Paraphrase families for issue 14 (round 21, the attacker in stories that
// carry both sides' claims), written for these tests: invented places,
// times and figures.
func variantCases21side() []attackCase {
	return slices.Concat(speakerDefendsFamily, speakerStrikesFamily, strikeAsideFamily, militaryObjectFamily)
}

func TestExtractSide21(t *testing.T) {
	runAttackCases(t, variantCases21side())
}

// A state that says its own air defence (or "it") shot weapons down is the
// side attacked, whatever the sentence before it said: after Russia's
// ministry counts Ukraine's drones, "Ukraine said its air defence downed N
// of M" is Russia's attack, and "the Russian army said it shot down N" is
// Ukraine's.
var speakerDefendsFamily = []attackCase{
	{name: "speaker defends: Ukraine with an aside after the ministry", pub: "2026-02-11",
		text: "Russia's defence ministry said its air defences destroyed 20 Ukrainian drones over the Bryansk and Kaluga regions overnight. Ukraine, meanwhile, said its air defence had downed 11 of 14 drones launched at the country.",
		want: map[string]any{"#": 2, "0.attacker": "UA", "0.intercepted.drones": 20, "0.launched.drones": nil,
			"1.attacker": "RU", "1.launched.drones": 14, "1.intercepted.drones": 11}},
	{name: "speaker defends: present tense after a passive ministry claim", pub: "2026-02-11",
		text: "The Russian ministry said 20 Ukrainian drones were destroyed over the Bryansk region during the night. Ukraine says it shot down 11 out of 14 drones.",
		want: map[string]any{"#": 2, "0.attacker": "UA", "0.intercepted.drones": 20, "0.launched.drones": nil,
			"1.attacker": "RU", "1.launched.drones": 14}},
	{name: "speaker defends: Russia's army downs drones it does not call Ukrainian", pub: "2026-02-11",
		text: "The Russian army said it had shot down 19 drones overnight.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 19}},
	// what must not change
	{name: "speaker defends: Ukraine's claim first, the ministry's second", pub: "2026-02-11",
		text: "Ukraine said its air defences had shot down 11 of 14 drones overnight. Russia's defence ministry said air defence units destroyed 20 Ukrainian drones over the Bryansk and Kaluga regions.",
		want: map[string]any{"#": 2, "0.attacker": "RU", "0.launched.drones": 14, "1.attacker": "UA", "1.intercepted.drones": 20}},
	{name: "speaker defends: the air force named as speaker", pub: "2026-02-11",
		text: "Russia's defence ministry said its air defences destroyed 20 Ukrainian drones over the Bryansk and Kaluga regions overnight. Ukraine's air force said it had downed 11 of 14 drones launched at the country.",
		want: map[string]any{"#": 2, "0.attacker": "UA", "1.attacker": "RU", "1.launched.drones": 14, "1.source": "Ukraine's Air Force"}},
	{name: "speaker defends: the Russian army goes on with missiles", pub: "2026-02-11",
		text: "Russia's defence ministry said its air defences destroyed 20 Ukrainian drones over the Bryansk region overnight. The Russian army said it had also shot down three Ukrainian missiles over the Sea of Azov.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 20, "0.intercepted.missiles": 3}},
	{name: "speaker defends: the speaker attacked, in the passive", pub: "2026-02-11",
		text: "Russia said it had been attacked by 25 Ukrainian drones overnight.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.launched.drones": 25}},
	{name: "speaker defends: the ministry's forces destroyed drones", pub: "2026-02-11",
		text: "Russia's defence ministry said its forces had destroyed 14 Ukrainian drones over the Belgorod region.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 14}},
}

// A state that says it (or its forces, troops, drones) fired, struck or hit
// something is the side that attacked: "Russia said it had fired a missile
// at a town" is no Ukrainian attack, and "Ukraine said it struck a refinery
// in Russia" is Ukraine's. A state named as the speaker of weapons fired
// "at the region" speaks of the attack on itself.
var speakerStrikesFamily = []attackCase{
	{name: "speaker strikes: Russia's single missile after the ministry's count", pub: "2026-02-11",
		text: "Russia's defence ministry said its air defences destroyed 30 Ukrainian drones overnight. On Wednesday Moscow said it had fired an Iskander-M ballistic missile on a railway depot in the Kharkiv region.",
		want: map[string]any{"national#": 1, "0.attacker": "UA", "0.intercepted.drones": 30}},
	{name: "speaker strikes: Moscow's troops hit air bases", pub: "2026-02-11",
		text: "Moscow said its troops hit three Ukrainian air bases with 9 cruise missiles on Tuesday.",
		want: map[string]any{"0.attacker": "RU"}},
	{name: "speaker strikes: the ministry's forces struck airfields", pub: "2026-02-11",
		text: "Russia's defence ministry said on Sunday its forces had struck Ukrainian airfields with six Kinzhal missiles overnight.",
		want: map[string]any{"0.attacker": "RU"}},
	{name: "speaker strikes: Ukraine struck a refinery in Russia", pub: "2026-02-11",
		text: "Ukraine said it had struck an oil refinery in Russia's Samara region with 12 drones overnight.",
		want: map[string]any{"#": 1, "0.attacker": "UA"}},
	{name: "speaker strikes: Ukraine says missiles were fired at its region", pub: "2026-02-11",
		text: "The defence ministry in Moscow said high-precision weapons struck Ukrainian training grounds in the Rivne region. Meanwhile, Ukraine says a warehouse was destroyed as eleven missiles were fired at the Rivne region.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.launched.missiles": 11}},
	{name: "speaker strikes: the same with the speaker after the clause", pub: "2026-02-11",
		text: "The defence ministry in Moscow said high-precision weapons struck Ukrainian training grounds in the Rivne region. Meanwhile, eleven missiles were fired at the Rivne region, Ukraine said.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.launched.missiles": 11}},
	// what must not change
	{name: "speaker strikes: 'they had hit' of Russia's armed forces", pub: "2026-02-11",
		text: "Russia's armed forces said they had hit 12 Ukrainian military sites with missiles on Saturday.",
		want: map[string]any{"0.attacker": "RU"}},
	{name: "speaker strikes: a state's word of the other attack, after a governor's toll", pub: "2026-02-11",
		text: "A Ukrainian drone attack on the Belgorod region of Russia killed three people, the regional governor said on Sunday, while Kyiv said Ukraine had come under attack from dozens of Russian drones in the night.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.regions": []string{"Belgorod"}, "0.casualties.killed": 3}},
	{name: "speaker strikes: the air force reports Russia's launch", pub: "2026-02-11",
		text: "Russian forces fired 30 drones at Ukraine overnight, Ukraine's air force said, adding it had shot down 22.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.launched.drones": 30, "0.intercepted.drones": 22}},
}

// A state's word of its own strike decides only its own clause: the same
// sentence may go on to count the other side's drones shot down, and the
// sentences after it that say nothing of the side go on with the story's
// attacker, not the strike's.
var strikeAsideFamily = []attackCase{
	{name: "strike aside: the ministry's strike and its downing in one sentence", pub: "2026-02-11",
		text: "Russia's defence ministry said its forces had struck Ukrainian military airfields overnight and that air defence units shot down 22 Ukrainian drones.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 22}},
	{name: "strike aside: the downing over a Russian region told next", pub: "2026-02-11",
		text: "Russia's defence ministry said its forces had struck Ukrainian military airfields overnight. Air defence units shot down 22 drones over the Kursk region, it added.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 22}},
	// what must not change
	{name: "strike aside: the strike claim alone", pub: "2026-02-11",
		text: "Russia's defence ministry said on Sunday its forces had struck Ukrainian airfields with six Kinzhal missiles overnight.",
		want: map[string]any{"0.attacker": "RU"}},
	{name: "strike aside: Ukraine's count after Russia's strike claim", pub: "2026-02-11",
		text: "Russia said its forces had struck Ukrainian airfields overnight. Ukraine's air force said 17 of 25 drones were shot down.",
		want: map[string]any{"national#": 1, "0.attacker": "RU", "0.launched.drones": 25}},
}

// "Ukrainian military" or "Ukrainian army" before the noun of what was
// struck or approached ("facilities", "positions", "installations") names
// no speaker: Ukraine's military does not become the sentence's source,
// and so does not make Russia the attacker.
var militaryObjectFamily = []attackCase{
	{name: "military object: a governor's downing near army positions", pub: "2026-02-11",
		text: "Eighteen drones were shot down over the Belgorod region after attacks on Ukrainian army positions nearby, the regional governor said.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 18, "0.source": "regional governor"}},
	{name: "military object: the ministry's targets, then its downing", pub: "2026-02-11",
		text: "The strikes targeted Ukrainian military facilities, the ministry said, adding that air defences had downed 31 Ukrainian drones overnight.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 31, "0.source": "Russia's Defence Ministry"}},
	{name: "military object: the air force names the installations", pub: "2026-02-11",
		text: "Air defences destroyed 19 drones heading towards Ukrainian military installations, Ukraine's air force said.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.intercepted.drones": 19, "0.source": "Ukraine's Air Force"}},
	// what must not change
	{name: "military object: Ukraine's military as the speaker", pub: "2026-02-11",
		text: "Russia launched 40 drones overnight and 33 were shot down, the Ukrainian military said.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.launched.drones": 40, "0.source": "Ukraine's military"}},
	{name: "military object: the army's officials speak", pub: "2026-02-11",
		text: "Ukrainian army officials said 12 of 15 drones were destroyed overnight.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.launched.drones": 15}},
}
