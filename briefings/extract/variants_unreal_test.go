package extract

import "slices"

// Paraphrase families for issue 14's false national reports: a figure the
// sources do not state. Every text was written for these tests.
func variantCasesUnreal() []attackCase {
	return slices.Concat(incidentFamily, irrealisFamily, pendingSourceFamily, noAttackCasualtyFamily)
}

// A single weapon named with "a", "an" or "one" that acts in one incident
// (it attacked, targeted or dropped something on a bus, a car, a building)
// is no count of weapons launched in an attack.
var incidentFamily = []attackCase{
	{name: "officials say a drone attacked a minibus", pub: "2026-05-05",
		text: "Officials in the region said a drone had attacked a minibus carrying farm workers near the border.",
		want: map[string]any{"#": 0}},
	{name: "a drone attacked a bus, the prosecutor after it", pub: "2026-05-05",
		text: "An explosive-laden drone attacked a passenger bus on a rural road, the local prosecutor said.",
		want: map[string]any{"#": 0}},
	{name: "one drone dropped something on a consulate", pub: "2026-05-05",
		text: "The consulate said one drone had dropped a bag of flour onto its courtyard.",
		want: map[string]any{"#": 0}},
	{name: "a drone targeted a van, according to investigators", pub: "2026-05-05",
		text: "According to investigators, a drone targeted a delivery van outside the village on Tuesday.",
		want: map[string]any{"#": 0}},
	{name: "a drone dropped explosives on a car, the side told", pub: "2026-05-05",
		text: "A Russian drone dropped a grenade on a car in Kherson on Friday, the regional administration said.",
		want: map[string]any{"#": 0}},
	{name: "a drone attacked a bus, then struck another: the hit stays", pub: "2026-05-05",
		text: "Moscow said a Ukrainian drone had attacked a coach in the Kursk region. On Sunday, a Ukrainian drone struck another coach.",
		want: map[string]any{"#": 1, "0.launched.drones": nil, "0.hits.drones": 1}},
	// what must not change
	{name: "a missile hit a building: a hit, the governor's", pub: "2026-05-05",
		text: "A missile hit a building in the city, the governor said.",
		want: map[string]any{"national#": 0, "#": 1, "0.scope": "regional", "0.hits.missiles": 1}},
	{name: "the Air Force shot down one drone and one missile", pub: "2026-05-05",
		text: "Overnight the Air Force shot down one drone and one missile.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 1, "0.intercepted.missiles": 1}},
	{name: "a missile as the launch verb's object stays a launch", pub: "2026-05-05",
		text: "Russia attacked Ukraine overnight with 50 drones and a ballistic missile, the Air Force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 50, "0.launched.missiles": 1}},
	{name: "one missile launched, passive, stays a launch", pub: "2026-05-05",
		text: "One cruise missile was launched at Ukraine overnight, and 40 drones, the Air Force said.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 1}},
}

// A figure in a clause of purpose or need, in what could, would or will
// happen, or in a condition, counts no weapons of a real attack.
var irrealisFamily = []attackCase{
	{name: "purpose clause first, the need after it", pub: "2026-05-05",
		text: "To shoot down 60 ballistic missiles, an army needs at least 120 interceptors, the president told reporters.",
		want: map[string]any{"#": 0}},
	{name: "in order to intercept, would need", pub: "2026-05-05",
		text: "In order to intercept 30 cruise missiles, the country would need far more launchers, he said.",
		want: map[string]any{"#": 0}},
	{name: "needed to shoot down one missile", pub: "2026-05-05",
		text: "Two interceptors are needed to shoot down one ballistic missile, the Air Force spokesman explained.",
		want: map[string]any{"#": 0}},
	{name: "it takes three to destroy one", pub: "2026-05-05",
		text: "It takes three interceptors to destroy one hypersonic missile, the expert said.",
		want: map[string]any{"#": 0}},
	{name: "air defence could intercept N", pub: "2026-05-05",
		text: "With more launchers, air defence could intercept 40 cruise missiles in one attack, the minister said.",
		want: map[string]any{"#": 0}},
	{name: "would launch N", pub: "2026-05-05",
		text: "Russia would launch 800 drones against the capital in one night, the intelligence chief warned.",
		want: map[string]any{"#": 0}},
	{name: "if N drones are fired", pub: "2026-05-05",
		text: "If Russia fires 500 drones in one night, the defences will be stretched, the official said.",
		want: map[string]any{"#": 0}},
	{name: "may launch N", pub: "2026-05-05",
		text: "Russia may launch up to 900 drones at the country at once, analysts wrote.",
		want: map[string]any{"#": 0}},
	{name: "purpose and need in a quote after a speaker's name and colon", pub: "2026-05-05",
		text: "The president: to intercept 50 ballistic missiles you need about 100 interceptors, and we do not have them.",
		want: map[string]any{"#": 0}},
	{name: "will be routinely launching", pub: "2026-05-05",
		text: "By autumn Russia will be routinely launching more than 1,000 drones in one salvo, analysts expect.",
		want: map[string]any{"#": 0}},
	{name: "can shoot down a missile", pub: "2026-05-05",
		text: "We can shoot down a ballistic missile where we have the systems, the president said.",
		want: map[string]any{"#": 0}},
	{name: "could fire N if nothing changes", pub: "2026-05-05",
		text: "At this pace Russia could fire 1,000 drones in one night if nothing changes, the source said.",
		want: map[string]any{"#": 0}},
	{name: "could not shoot down N is no interception", pub: "2026-05-05",
		text: "Air defences could not shoot down three cruise missiles, the Air Force said.",
		want: map[string]any{"#": 0}},
	{name: "uk: purpose with щоб, need after it", pub: "2026-05-05",
		text: "Щоб збити 60 крилатих ракет, потрібно 120 перехоплювачів, сказав міністр.",
		want: map[string]any{"#": 0}},
	{name: "uk: для and a verbal noun, one missile", pub: "2026-05-05",
		text: "Для знищення однієї балістичної ракети, як правило, треба випустити кілька перехоплювачів.",
		want: map[string]any{"#": 0}},
	{name: "uk: a verbal noun that needs several interceptors", pub: "2026-05-05",
		text: "Знищення однієї аеробалістичної ракети часто потребує трьох перехоплювачів.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "uk: the Air Force's count stays", pub: "2026-05-05",
		text: "Уночі сили ППО збили 40 із 50 дронів, повідомили Повітряні сили.",
		want: map[string]any{"national#": 1, "0.launched.drones": 50, "0.intercepted.drones": 40}},
	{name: "uk: a need word in another clause", pub: "2026-05-05",
		text: "Знищено 30 ударних БпЛА; Україні потрібно більше систем ППО, наголосили у Повітряних силах.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 30}},
	{name: "managed to shoot down stays a count", pub: "2026-05-05",
		text: "Air defence managed to shoot down 40 of the 50 drones, the Air Force said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 50, "0.intercepted.drones": 40}},
	{name: "used jets to shoot down stays a count", pub: "2026-05-05",
		text: "Pilots used fighter jets to shoot down six cruise missiles overnight, the Air Force said.",
		want: map[string]any{"national#": 1, "0.intercepted.missiles": 6}},
	{name: "could only shoot down tells what happened", pub: "2026-05-05",
		text: "Air defence could only shoot down 7 of the 30 ballistic missiles, the Air Force said.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 30, "0.intercepted.missiles": 7}},
}

// A source named before the figures is theirs only when it spoke of the
// same side's attack and the figures' sentence names no other speaker.
var pendingSourceFamily = []attackCase{
	{name: "the accused side's General Staff dismisses the claim first", pub: "2026-05-05",
		text: "Ukraine's General Staff called the report a staged provocation.\n\nOn Sunday, a Ukrainian drone struck a second minibus in the Kursk region.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.hits.drones": 1, "0.source": nil}},
	{name: "the Air Force named in an aside, then Ukraine's drones over Russia", pub: "2026-05-05",
		text: "Ukraine's Air Force has not commented on the strike.\n\nOvernight, 14 Ukrainian drones were shot down over the Bryansk region.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 14, "0.source": nil}},
	{name: "headline's Russia says, the body names the Kremlin", pub: "2026-05-05",
		text: "Russia says Ukraine targeted the Kremlin with drones\n\nThe Kremlin said two drones had been shot down over the residence overnight.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 2, "0.source": nil}},
	{name: "headline's Russia says, according to the consulate", pub: "2026-05-05",
		text: "Russia says drones landed at its consulate\n\nOn Monday two drones were shot down near the building, according to the consulate.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 2, "0.source": nil}},
	// what must not change
	{name: "the Air Force named first, figures after", pub: "2026-05-05",
		text: "Ukraine's Air Force published its morning report.\n\nRussia launched 80 drones overnight, and 70 were shot down.",
		want: map[string]any{"national#": 1, "0.launched.drones": 80, "0.source": "Ukraine's Air Force"}},
	{name: "the ministry named first, figures after", pub: "2026-05-05",
		text: "Russia's Defence Ministry said on Sunday:\n\nAir defence units destroyed 25 Ukrainian drones overnight.",
		want: map[string]any{"national#": 1, "0.intercepted.drones": 25, "0.source": "Russia's Defence Ministry"}},
	{name: "the spokesman speaks for the source named before", pub: "2026-05-05",
		text: "Ukraine's Air Force published its morning report.\n\nRussia launched 80 drones overnight, the spokesman said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 80, "0.source": "Ukraine's Air Force"}},
	{name: "a pronoun speaks for the source named before", pub: "2026-05-05",
		text: "The Air Force reported the figures.\n\nRussia launched 80 drones overnight, it said.",
		want: map[string]any{"national#": 1, "0.launched.drones": 80, "0.source": "Ukraine's Air Force"}},
}

// People killed or hurt in a sentence that names no air attack (a road
// crash with its number of vehicles) are no attack's casualties.
var noAttackCasualtyFamily = []attackCase{
	{name: "a motorway pile-up of vehicles, an official after it", pub: "2026-05-05",
		text: "Five people died in a motorway pile-up involving 38 vehicles, an official says",
		want: map[string]any{"#": 0}},
	{name: "a crash of two vehicles in the city", pub: "2026-05-05",
		text: "Three people were injured when 2 vehicles collided in the city centre on Friday.",
		want: map[string]any{"#": 0}},
	{name: "a coach hit commercial vehicles, police after it", pub: "2026-05-05",
		text: "Three people died and 12 were hurt when a coach hit three commercial vehicles on the highway, police said.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "casualties of a drone strike", pub: "2026-05-05",
		text: "Two people were killed in a Russian drone strike on the city overnight, the governor said.",
		want: map[string]any{"#": 1, "0.casualties.killed": 2}},
	{name: "casualties where unmanned aerial vehicles hit", pub: "2026-05-05",
		text: "Four people were injured when unmanned aerial vehicles hit houses in the town, the mayor said.",
		want: map[string]any{"#": 1, "0.casualties.injured": 4}},
}
