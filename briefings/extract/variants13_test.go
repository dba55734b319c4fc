package extract

// Paraphrase families for issue 14, written for these tests: invented
// places, times and targets.
func variantCases13() []attackCase {
	return ukIncidentFamily
}

// The Ukrainian form of a single weapon used in one local incident: the
// troops attacked one concrete target (a car, a bus, a tractor, a person)
// with one drone. No count of weapons launched, no national report.
var ukIncidentFamily = []attackCase{
	{name: "uk: troops attacked a car with a drone, no source", pub: "2026-05-05",
		text: "Близько 09:00 окупанти атакували дроном легковик на дорозі біля села Вербове.",
		want: map[string]any{"#": 0}},
	{name: "uk: troops attacked a civilian's tractor with a drone, the administration said", pub: "2026-05-05",
		text: "Вранці росіяни атакували безпілотником цивільний трактор у полі під Ясним, повідомила обласна військова адміністрація.",
		want: map[string]any{"#": 0}},
	{name: "uk: troops attacked a man with a drone", pub: "2026-05-05",
		text: "Увечері російські військові атакували дроном чоловіка на вулиці в Садовому.",
		want: map[string]any{"#": 0}},
	{name: "uk: troops attacked a route bus with a drone", pub: "2026-05-05",
		text: "Зранку російські війська атакували безпілотником маршрутний автобус у передмісті Заводського.",
		want: map[string]any{"#": 0}},
	{name: "uk: troops attacked a lorry with a drone", pub: "2026-05-05",
		text: "Вранці окупанти атакували дроном вантажівку в Дубовому.",
		want: map[string]any{"#": 0}},
	// what must not change
	{name: "uk: the Air Force's national template with drones and a missile", pub: "2026-05-05",
		text: "Вночі противник атакував Україну 45 ударними БпЛА та балістичною ракетою.",
		want: map[string]any{"national#": 1, "0.launched.drones": 45, "0.launched.missiles": 1}},
	{name: "uk: attacked with a ballistic missile of a named type", pub: "2026-05-05",
		text: "Вночі противник атакував балістичною ракетою Іскандер-М.",
		want: map[string]any{"national#": 1, "0.launched.missiles": 1}},
	{name: "uk: one missile downed", pub: "2026-05-05",
		text: "Збито 1 ракету та 20 дронів.",
		want: map[string]any{"national#": 1, "0.intercepted.missiles": 1, "0.intercepted.drones": 20}},
	{name: "uk: a region's report with figures", pub: "2026-05-05",
		text: "Над Полтавщиною сили ППО знешкодили 7 ударних дронів, повідомив голова обласної військової адміністрації.",
		want: map[string]any{"national#": 0, "#": 1, "0.intercepted.drones": 7}},
}
