package extract

import "slices"

// Paraphrase families for issue 14 (round 8, English feed items), written
// for these tests: invented places, times and figures.
func variantCases14en2() []attackCase {
	return slices.Concat(ownObjectFamily, attackKindFamily, farStateFamily)
}

// A verb of destroying that already has an object of its own, a thing that
// is no weapon ("destroyed a village", "destroying a depot"), does not reach
// a weapon named later in the sentence: a drone that filmed the scene or a
// drone raid that caused the damage was not shot down.
var ownObjectFamily = []attackCase{
	{name: "own object: a drone camera after a destroyed village", pub: "2026-04-04",
		text: "Aerial footage reveals how troops destroyed village in long siege A video from a drone over the settlement of Novyi Brid shows rows of burned houses.",
		want: map[string]any{"#": 0}},
	{name: "own object: a vehicle destroyed, the fight filmed by a drone", pub: "2026-04-04",
		text: "Marines destroy Russian armoured vehicle in close fight The clip, filmed from a drone hovering above the field, shows the vehicle catching fire.",
		want: map[string]any{"#": 0}},
	{name: "own object: a drone raid destroying a depot, the country named", pub: "2026-04-04",
		text: "Russia launches drones at western city, destroying grain depot and killing 2 Moscow mounted a drone assault on Ternopil, Ukraine, overnight that left two people dead.",
		want: map[string]any{"0.intercepted.drones": nil, "0.casualties.killed": 2}},
	{name: "own object: a drone raid destroying a depot, one city", pub: "2026-04-04",
		text: "Russia strikes western city, destroying grain depot and injuring 3 Moscow mounted a drone assault on Ternopil in the night.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "own object: destroyed drones with a figure", pub: "2026-04-04",
		text: "Air defence destroyed 23 drones over several regions overnight, the air force said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 23}},
	{name: "own object: destroyed most of the drones", pub: "2026-04-04",
		text: "Air defence destroyed most of the drones: 26 of 31 Shahed drones, the air force said.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 26, "0.launched.drones": 31}},
	{name: "own object: destroyed air targets, among them drones", pub: "2026-04-04",
		text: "The air force said air defence destroyed 27 aerial targets overnight, among them 22 Shahed drones.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 22}},
	{name: "own object: destroyed a missile and drones", pub: "2026-04-04",
		text: "Air defence destroyed the cruise missile and 9 of the drones overnight, the air force said.",
		want: map[string]any{"#": 1, "0.intercepted.missiles": 1, "0.intercepted.drones": 9}},
	{name: "own object: destroyed Russian drones, no figure before the noun", pub: "2026-04-04",
		text: "Ukraine said it destroyed Russian drones over the capital overnight, 17 in all.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 17}},
}

// A weapon noun before "assault" or "blitz" names the kind of the attack ("a
// drone assault", "a missile blitz"), as before "attack" or "barrage": the
// article counts the attack, not one weapon.
var attackKindFamily = []attackCase{
	{name: "attack kind: a new drone assault", pub: "2026-04-04",
		text: "Moscow launched a new drone assault on the country at dusk after vowing revenge for the raid on its border town.",
		want: map[string]any{"#": 0}},
	{name: "attack kind: a drone assault sent against the capital", pub: "2026-04-04",
		text: "A heating plant caught fire and two residents were wounded when Moscow sent a drone assault against the capital early on Monday.",
		want: map[string]any{"0.launched.drones": nil, "0.casualties.injured": 2}},
	{name: "attack kind: a missile blitz repelled, with its figure after", pub: "2026-04-04",
		text: "Air defence repelled a heavy Russian missile blitz in the night that included eight Kalibr cruise missiles, the army said.",
		want: map[string]any{"#": 1, "0.intercepted.missiles": nil, "0.launched.by_type.Kalibr": 8}},
	{name: "attack kind: a missile blitz at the power plants", pub: "2026-04-04",
		text: "Russia fired a missile blitz at the power plants of the country, cutting supply to a third of homes.",
		want: map[string]any{"#": 0}},
	{name: "attack kind: a missile salvo, no count", pub: "2026-04-04",
		text: "Russia fired a missile salvo at the port city at dawn, cutting power to thousands.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "attack kind: a drone shot down after the assault", pub: "2026-04-04",
		text: "During the assault on the port, air defence shot down a drone over the harbour, the governor said.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 1}},
	{name: "attack kind: a figure before assault stays", pub: "2026-04-04",
		text: "Russia launched 36 drones in an overnight assault on the country, and 31 were shot down, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 36, "0.intercepted.drones": 31}},
}

// A state far from the war as the subject of a launch verb (North Korea,
// South Korea and the US, Iran) launches in a war or test of its own, or
// sends arms: no figure of Russia's and Ukraine's attacks on each other.
var farStateFamily = []attackCase{
	{name: "far state: Pyongyang's test launch", pub: "2026-04-04",
		text: "North Korea launched three ballistic missiles into the sea on Friday, days after its leader met the Russian president.",
		want: map[string]any{"#": 0}},
	{name: "far state: allies answer with their own launch", pub: "2026-04-04",
		text: "South Korea and the US launch six missiles in reply to the North's test, as Moscow courts Pyongyang.",
		want: map[string]any{"#": 0}},
	{name: "far state: Iran sent drones to Russia", pub: "2026-04-04",
		text: "Iran has sent 900 attack drones to Moscow's army since the summer, a Western intelligence report says.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "far state: Ukraine fires US-made missiles", pub: "2026-04-04",
		text: "Ukraine fired 9 US-made missiles at an air base in Crimea overnight, Russia's defence ministry said.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.launched.missiles": 9}},
	{name: "far state: Russia fires Iranian drones", pub: "2026-04-04",
		text: "Russia fired 45 Iranian drones at Ukraine overnight, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 45}},
}
