package classify

// Concepts group words of the three languages that mean one thing to a war
// editor: a place in Ukraine, a drone, talks, sanctions. Each concept
// present in an article is a feature of its own ("c:air"), learnt from
// every labelled article whatever its language, so that what the model
// learns from English reports carries over to Ukrainian and Russian ones
// (and back). Words are written in full and normalised like article words;
// a two-word entry matches two adjacent words.
var concepts = map[string][]string{
	// the war itself, in general terms
	"war": {
		"war", "wartime", "invasion", "invade", "invader", "aggression", "aggressor", "occupation", "occupied",
		"occupier", "frontline", "front-line", "martial", "mobilization", "mobilisation", "conscription", "kremlin's",
		"війна", "війни", "війні", "війну", "воєнний", "воєнного", "воєнні", "вторгнення", "агресія", "агресії", "агресор",
		"окупація", "окупанти", "окупантів", "окупований", "окупованих", "окупованій", "мобілізація", "мобілізації",
		"бойовики", "бойовиків", "ООС", "АТО", "рашисти", "ворог", "ворога", "перемир'я",
		"война", "войны", "войне", "войну", "военный", "военного", "вторжение", "агрессия", "агрессии", "агрессор",
		"оккупация", "оккупанты", "оккупированный", "оккупированных", "мобилизация", "мобилизации", "боевики",
		"боевиков", "СВО", "спецоперация", "спецоперации", "перемирие", "противник",
	},
	"ukraine": {
		"ukraine", "ukrainian", "ukrainians", "kyiv", "kiev", "zelensky", "zelenskyy", "kharkiv", "odesa", "odessa",
		"dnipro", "donetsk", "luhansk", "donbas", "donbass", "crimea", "zaporizhzhia", "kherson", "mykolaiv", "sumy",
		"chernihiv", "pokrovsk", "bakhmut", "avdiivka", "kupiansk", "kramatorsk", "sloviansk", "mariupol", "melitopol",
		"україна", "україни", "україні", "українці", "український", "київ", "києва", "зеленський", "зеленського",
		"харків", "одеса", "дніпро", "донецьк", "луганськ", "донбас", "крим", "запоріжжя", "херсон", "миколаїв",
		"чернігів", "покровськ", "бахмут", "маріуполь", "краматорськ", "слов'янськ", "зсу",
		"украина", "украины", "украине", "украинцы", "украинский", "киев", "киева", "зеленский", "зеленского",
		"харьков", "одесса", "днепр", "донецк", "луганск", "донбасс", "крым", "запорожье", "херсон", "николаев",
		"чернигов", "мариуполь", "всу",
	},
	"russia": {
		"russia", "russian", "russians", "moscow", "kremlin", "putin", "lavrov", "peskov", "shoigu", "belousov",
		"gerasimov", "belgorod", "kursk", "bryansk", "medvedev",
		"росія", "росії", "російський", "російські", "російських", "росіяни", "москва", "москви", "кремль", "путін",
		"путіна", "лавров", "пєсков", "бєлгород", "курськ", "брянськ", "рф",
		"россия", "россии", "российский", "российские", "российских", "россияне", "москва", "москвы", "кремль",
		"путин", "путина", "лавров", "песков", "белгород", "курск", "брянск",
	},
	// strikes from the air and air defence
	"air": {
		"drone", "drones", "uav", "uavs", "shahed", "shaheds", "missile", "missiles", "ballistic", "cruise",
		"iskander", "kalibr", "kinzhal", "airstrike", "airstrikes", "air defence", "air defense", "intercepted",
		"interceptor", "interceptors", "downed", "shot down", "debris", "glide bomb", "glide bombs", "aerial",
		"airspace", "air raid", "air force", "strike", "strikes", "struck", "explosions", "refinery",
		"дрон", "дрони", "дронів", "безпілотник", "безпілотники", "безпілотників", "бпла", "шахед", "шахеди",
		"ракета", "ракети", "ракет", "ракетний", "балістичні", "крилаті", "ппо", "збито", "збили", "знешкоджено",
		"уламки", "уламків", "авіабомби", "каб", "авіаудар", "повітряні сили", "повітряна тривога", "удар", "удару",
		"вибухи", "атака", "атаки", "нпз",
		"беспилотник", "беспилотники", "беспилотников", "дроны", "дронов", "ракеты", "ракетный", "баллистические",
		"крылатые", "пво", "сбито", "сбиты", "обломки", "авиабомбы", "авиаудар", "воздушная тревога", "взрывы",
		"атаку", "нпз",
	},
	// ground and sea fighting, territory, losses
	"ground": {
		"offensive", "counteroffensive", "advance", "advanced", "captured", "liberated", "seized", "retreat",
		"assault", "assaults", "positions", "brigade", "battalion", "troops", "soldiers", "losses", "casualties",
		"artillery", "tank", "tanks", "front", "trench", "encircle", "encirclement", "territory", "sq km", "fleet",
		"navy", "naval", "black sea", "general staff", "combat", "battle", "battles", "fighting", "clashes",
		"shelling", "shelled",
		"наступ", "контрнаступ", "звільнили", "звільнено", "захопили", "штурм", "штурми", "позиції", "позицій",
		"бригада", "бригади", "батальйон", "втрати", "втрат", "особового складу", "артилерія", "танки", "фронт",
		"фронті", "оточення", "територія", "території", "флот", "генштаб", "генштабу", "бої", "боїв", "бойові",
		"обстріл", "обстріли", "обстріляли", "зіткнення", "військові", "військових", "солдати", "загинув",
		"наступление", "контрнаступление", "освободили", "захватили", "штурмы", "позиции", "бригады", "батальон",
		"потери", "потерь", "личного состава", "артиллерия", "танков", "фронте", "окружение", "территории",
		"генштаб", "бои", "боев", "боевые", "обстрел", "обстрелы", "обстреляли", "столкновения", "военные",
		"военных", "солдаты", "погиб",
	},
	// states talking to states
	"diplo": {
		"talks", "negotiations", "negotiate", "negotiator", "peace", "summit", "meeting", "met", "visit", "visited",
		"envoy", "ambassador", "minister", "diplomat", "diplomatic", "diplomacy", "un", "nato", "osce", "g7", "g20",
		"agreement", "treaty", "mediation", "mediator", "security guarantees", "phone call", "ceasefire", "truce",
		"security council", "trilateral",
		"переговори", "переговорів", "переговорах", "мир", "мирний", "мирного", "мирні", "саміт", "зустріч",
		"зустрілися", "візит", "посол", "посла", "посланець", "міністр", "мзс", "дипломат", "дипломатів", "оон",
		"нато", "обсє", "угода", "угоди", "домовленості", "ткг", "мінськ", "мінських", "нормандський",
		"гарантії безпеки", "телефонна розмова", "радбез",
		"переговоры", "переговоров", "мирные", "мирного", "саммит", "встреча", "встречи", "визит", "посол",
		"посланник", "министр", "мид", "дипломат", "дипломатов", "оон", "нато", "обсе", "соглашение",
		"договоренности", "ткг", "минск", "минских", "нормандский", "гарантии безопасности", "телефонный разговор",
		"совбез",
	},
	"sanct": {
		"sanction", "sanctions", "sanctioned", "embargo", "price cap", "frozen", "assets", "export", "tariffs",
		"blacklist", "shadow fleet", "restrictions",
		"санкції", "санкцій", "санкціями", "ембарго", "заморожені", "активи", "активів", "тіньовий флот",
		"обмеження",
		"санкции", "санкций", "санкциями", "эмбарго", "замороженные", "активы", "активов", "теневой флот",
		"ограничения",
	},
	"aid": {
		"aid", "assistance", "package", "weapons", "weapon", "supply", "supplies", "deliver", "delivery",
		"deliveries", "delivered", "patriot", "himars", "f-16", "ammunition", "shells", "funding", "billion",
		"loan", "grant", "military support", "production", "arms", "defence industry", "defense industry",
		"допомога", "допомоги", "пакет", "зброя", "зброї", "постачання", "поставки", "патріот", "боєприпаси",
		"снаряди", "фінансування", "мільярд", "мільярдів", "кредит", "грант", "підтримка", "підтримки",
		"виробництво", "оборонної промисловості",
		"помощь", "помощи", "оружие", "оружия", "поставки", "патриот", "боеприпасы", "снаряды", "финансирование",
		"миллиард", "миллиардов", "кредит", "поддержка", "поддержки", "производство", "оборонной промышленности",
	},
	// people: captivity, crimes, displacement, the dead
	"human": {
		"prisoners", "pows", "prisoner exchange", "captivity", "deported", "deportation", "abducted", "war crimes",
		"humanitarian", "evacuation", "evacuated", "refugees", "civilians", "torture", "genocide", "tribunal", "icc",
		"missing", "fallen", "remains", "bodies", "identification", "collaborator", "collaborators",
		"полонені", "полонених", "обмін", "полону", "депортовані", "депортація", "викрадені", "воєнні злочини",
		"гуманітарна", "гуманітарної", "евакуація", "евакуації", "біженці", "цивільні", "цивільних", "катування",
		"геноцид", "трибунал", "зниклих", "загиблих", "тіла", "колаборант", "колаборанти",
		"пленные", "пленных", "обмен", "плена", "депортированные", "депортация", "похищенные",
		"военные преступления", "гуманитарная", "гуманитарной", "эвакуация", "эвакуации", "беженцы", "мирные жители",
		"мирных жителей", "пытки", "геноцид", "трибунал", "пропавших", "погибших", "тела", "коллаборант",
	},
}
