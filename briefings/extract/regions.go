package extract

// region is a canonical region (oblast) or city name; ru marks Russia's
// regions (and Crimea as Russia's Defence Ministry lists it).
type region struct {
	name string
	ru   bool
}

// regionAliases: lower-case spellings and Ukrainian stems ('*' = prefix).
// A region's cities most often named alone in attack reports (Kupiansk,
// Chuhuiv; Kryvyi Rih, Nikopol, Pavlohrad; Izmail; Haivoron; Kremenchuk;
// Sevastopol, the naval port of Crimea) stand for it, in English and
// Ukrainian (and in Ukrainian the case forms whose stem changes: Тернополі,
// Борисполі). Ukrainian short names of regions end in -щина/-ччина
// (Вінниччина, Івано-Франківщина).
var regionAliases = []struct {
	name    string
	ru      bool
	aliases []string
}{
	{"Kyiv", false, []string{"kyiv", "kiev", "kyiv's", "kiev's", "київ*", "києв*", "киев*", "kyivska", "capital", "столиц*", "бровар*", "бориспіл*", "бориспол*"}},
	{"Kharkiv", false, []string{"kupiansk", "kupyansk", "chuhuiv", "kharkiv", "kharkov", "kharkiv's", "харків*", "харков*", "ізюм*"}},
	{"Dnipropetrovsk", false, []string{"kryvyi", "nikopol", "pavlohrad", "dnipropetrovsk", "dnepropetrovsk", "dnipro", "dnipro's", "dnepr", "дніпропетров*", "дніпр*", "днепр*", "криворіз*", "нікопол*", "павлоград*"}},
	{"Odesa", false, []string{"izmail", "odesa", "odessa", "odesa's", "одес*", "одещин*", "ізмаїл*"}},
	{"Mykolaiv", false, []string{"mykolaiv", "nikolaev", "mykolayiv", "миколаїв*", "миколаєв*", "миколаївщин*"}},
	{"Kherson", false, []string{"kherson", "херсон*"}},
	{"Zaporizhzhia", false, []string{"zaporizhzhia", "zaporizhia", "zaporozhye", "zaporizhzhya", "запоріж*", "запорізьк*", "запорож*"}},
	{"Donetsk", false, []string{"donetsk", "донецьк*", "донеччин*", "донецк*", "краматорськ*"}},
	{"Luhansk", false, []string{"luhansk", "lugansk", "луганськ*", "луганщин*"}},
	{"Sumy", false, []string{"sumy", "суми", "сумах", "сумам", "сумщин*", "сумськ*", "шостк*", "конотоп*"}},
	{"Chernihiv", false, []string{"chernihiv", "chernigov", "чернігів*", "чернігов*", "черніг*"}},
	{"Poltava", false, []string{"poltava", "полтав*", "кременчу*"}},
	{"Cherkasy", false, []string{"cherkasy", "cherkassy", "черкас*", "черкащин*", "умань", "умані"}},
	{"Kirovohrad", false, []string{"haivoron", "kirovohrad", "kropyvnytskyi", "kirovograd", "кіровоград*", "кропивницьк*"}},
	{"Vinnytsia", false, []string{"vinnytsia", "vinnitsa", "вінниц*", "вінничин*", "вінниччин*"}},
	{"Zhytomyr", false, []string{"zhytomyr", "zhitomir", "житомир*"}},
	{"Khmelnytskyi", false, []string{"khmelnytskyi", "khmelnytsky", "khmelnitsky", "khmelnytskyi's", "хмельниц*", "хмельниччин*", "старокостянтин*"}},
	{"Rivne", false, []string{"rivne", "rovno", "рівн*", "рівненщин*"}},
	{"Volyn", false, []string{"volyn", "lutsk", "волин*", "луцьк*", "ковел*"}},
	{"Lviv", false, []string{"lviv", "lvov", "львів*", "львов*", "львівщин*"}},
	{"Ternopil", false, []string{"ternopil", "тернопіл*", "тернопол*", "тернопільщин*"}},
	{"Ivano-Frankivsk", false, []string{"ivano-frankivsk", "івано-франківськ*", "івано-франківщин*", "прикарпатт*"}},
	{"Zakarpattia", false, []string{"zakarpattia", "transcarpathia", "uzhhorod", "закарпат*", "ужгород*"}},
	{"Chernivtsi", false, []string{"chernivtsi", "bukovina", "чернівц*", "чернівецьк*", "чернівеччин*", "буковин*"}},
	{"Crimea", true, []string{"crimea", "crimean", "sevastopol", "крим", "криму", "кримом", "севастопол*"}},
	{"Belgorod", true, []string{"belgorod", "бєлгород*", "белгород*"}},
	{"Bryansk", true, []string{"bryansk", "брянськ*", "брянск*"}},
	{"Kursk", true, []string{"kursk", "курськ*", "курск*"}},
	{"Voronezh", true, []string{"voronezh", "воронез*", "воронеж*"}},
	{"Rostov", true, []string{"rostov", "ростов*"}},
	{"Ryazan", true, []string{"ryazan", "рязан*"}},
	{"Tver", true, []string{"tver", "твер*"}},
	{"Lipetsk", true, []string{"lipetsk", "липецьк*", "липецк*"}},
	{"Tambov", true, []string{"tambov", "тамбов*"}},
	{"Tula", true, []string{"tula", "тульськ*", "тула", "тулі"}},
	{"Oryol", true, []string{"oryol", "orel", "орел", "орла", "орловськ*"}},
	{"Saratov", true, []string{"saratov", "саратов*"}},
	{"Volgograd", true, []string{"volgograd", "волгоград*"}},
	{"Krasnodar", true, []string{"krasnodar", "краснодар*"}},
	{"Moscow", true, []string{"moscow", "москв*", "моск*"}},
	{"Kaluga", true, []string{"kaluga", "калуг*", "калузьк*"}},
	{"Smolensk", true, []string{"smolensk", "смоленськ*"}},
	{"Leningrad", true, []string{"leningrad", "ленінград*"}},
	{"Novgorod", true, []string{"novgorod", "новгород*"}},
	{"Pskov", true, []string{"pskov", "псков*"}},
	{"Samara", true, []string{"samara", "самар*"}},
	{"Yaroslavl", true, []string{"yaroslavl", "ярослав*"}},
	{"Penza", true, []string{"penza", "пенз*"}},
	{"Astrakhan", true, []string{"astrakhan", "астрахан*"}},
	{"Tatarstan", true, []string{"tatarstan", "татарстан*"}},
	{"Nizhny Novgorod", true, []string{"nizhny"}},
	// Russia's republics and other federal subjects that its Defence Ministry
	// and their heads name in reports of drone attacks (a fact of the map)
	{"North Ossetia", true, []string{"ossetia", "ossetia-alania", "осетія", "осетії", "осетия", "осетии"}},
	{"Chechnya", true, []string{"chechnya", "чечн*"}},
	{"Dagestan", true, []string{"dagestan", "дагестан*"}},
	{"Ingushetia", true, []string{"ingushetia", "інгушеті*", "ингушети*"}},
	{"Kabardino-Balkaria", true, []string{"kabardino-balkaria", "кабардино-балкар*"}},
	{"Adygea", true, []string{"adygea", "адиге*", "адыге*"}},
	{"Kalmykia", true, []string{"kalmykia", "калмикі*", "калмыки*"}},
	{"Stavropol", true, []string{"stavropol", "ставропол*"}},
	{"Bashkortostan", true, []string{"bashkortostan", "bashkiria", "башкортостан*", "башкирі*", "башкири*"}},
	{"Chuvashia", true, []string{"chuvashia", "cheboksary", "чуваші*", "чуваши*", "чебоксар*"}},
	{"Mordovia", true, []string{"mordovia", "мордові*", "мордови*"}},
	{"Udmurtia", true, []string{"udmurtia", "izhevsk", "удмурт*", "іжевськ*", "ижевск*"}},
	{"Orenburg", true, []string{"orenburg", "оренбург*"}},
	{"Vladimir", true, []string{"владимирськ*", "владимирск*"}},
	{"Ivanovo", true, []string{"ivanovo", "іванівськ*", "ивановск*"}},
	{"Kostroma", true, []string{"kostroma", "костром*"}},
	{"Perm", true, []string{"пермськ*", "пермск*"}},
	{"Black Sea", true, []string{"чорного", "чорним", "черного", "черным"}},
	{"Sea of Azov", true, []string{"azov", "азовськ*", "азовским"}},
}

var regionTable = func() *wordTable[region] {
	t := newWordTable[region]()
	for _, ra := range regionAliases {
		t.add(region{ra.name, ra.ru}, ra.aliases...)
	}
	return t
}()

// regionOf resolves a lower-case word to a region.
func regionOf(w string) (region, bool) {
	return regionTable.get(w)
}
