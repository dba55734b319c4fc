package classify

// Concepts group words of the three languages that mean one thing to a war
// editor: a place in Ukraine, a drone, talks, sanctions; and, on the other
// side, the usual subjects of general news that are not the war (sport,
// weather, an epidemic, show business, elections, other wars). Each concept
// present in an article is a feature of its own ("c:air"), learnt from every
// labelled article whatever its language, so that what the model learns
// from English reports carries over to Ukrainian and Russian ones (and
// back).
//
// An entry is written in plain spelling and normalised like article words
// (lower case, the Ukrainian and Russian letters that differ folded: see
// fold):
//
//   - "дрон*" (a trailing star) is a prefix: every word that starts with it,
//     so all the forms of a Ukrainian or Russian word without listing them;
//     the longest matching prefix wins;
//   - "=сво" (a leading equals sign) is one whole word as written, for
//     abbreviations whose stem would meet other words;
//   - "war" is a word: it matches words with the same stem (see stem);
//   - "price cap" is two adjacent words, matched by their stems; a pair wins
//     over the concepts of its words.
//
// The concept "-" lists prefixes of words that share the start of an entry
// but mean something else ("ракетк*", a tennis racket, is no missile).
var concepts = map[string][]string{
	"-": {
		"ракетк*", "танкер*", "наступн*", "кримінал*", "криминал*", "фронтмен*", "tanker*", "patriotic*",
		"patriotism*",
		// shells, rockets or drones that "rain down" on a city are no weather
		"rain down",
		// the Russian perfective of наступать: a time, peace or a change that
		// comes (or a foot that steps on something), never troops advancing,
		// which the imperfective and the noun of an offensive say; whole words,
		// since наступительный (offensive) starts alike
		"=наступил", "=наступила", "=наступило", "=наступили", "=наступит", "=наступят", "=наступить",
		// the Russian verb of urging or appealing and its plural noun (someone
		// urges a change; calls to violence in a post) share the start of the
		// call-up (призыв): the call-up itself stays in mobil
		"призывае*", "призываю*", "призывал*", "призывать*", "=призывы", "призывах*", "призывам*",
	},
	// the war itself, in general terms
	"war": {
		"war", "wars", "wartime", "warfare", "invasion", "invad*", "aggression", "aggressor", "hostilities",
		"full-scale", "martial", "military", "militar*", "armed forces", "army", "defence ministry",
		"defense ministry", "kremlin's war",
		"війн*", "воєн*", "войн*", "военн*", "військ*", "вторгнен*", "вторжен*", "агрес*", "агресс*", "збройн*",
		"вооружен*", "армі*", "арми*", "противник*", "ворог*", "враг*", "рашист*", "оборон*", "=сво", "спецопер*",
		"бойовик*", "боевик*", "воїн*", "воин*", "теробор*", "захисник*", "защитник*",
		// opposition to the war at home: activists, protests and posts
		// against it, and the cases brought over them
		"antiwar", "антивоєн*", "антивоен*",
	},
	// the parties: Ukraine, its places, leaders and forces
	"ukraine": {
		"ukrain*", "kyiv*", "kiev*", "kharkiv*", "odesa*", "odessa*", "dnipro*", "donetsk*", "luhansk*", "donbas*",
		"crimea*", "zaporizhzh*", "kherson*", "mykolaiv*", "sumy", "chernihiv*", "pokrovsk*", "bakhmut*",
		"avdiivka*", "kupiansk*", "kramatorsk*", "sloviansk*", "mariupol*", "melitopol*", "vovchansk*", "toretsk*",
		"kurakhove*", "huliaipole*", "zelensk*", "zaluzhn*", "syrskyi*", "budanov*", "umerov*", "shmyhal*",
		"yermak*", "kuleba*", "sybiha*",
		"україн*", "украин*", "київ*", "киев*", "харків*", "харьков*", "одес*", "дніпр*", "днепр*", "донецьк*",
		"донецк*", "донеччин*", "донетчин*", "донбас*", "луганськ*", "луганск*", "луганщин*", "крим", "кримськ*",
		"крымск*", "запоріж*", "запорож*", "херсон*", "миколаїв*", "николаев*", "сумськ*", "сумск*", "чернігів*",
		"чернигов*", "покровськ*", "покровск*", "бахмут*", "авдіїв*", "авдеев*", "куп'янськ*", "купянск*",
		"краматорськ*", "краматорск*", "слов'янськ*", "маріупол*", "мариупол*", "мелітопол*", "мелитопол*",
		"вовчанськ*", "волчанск*", "торецьк*", "торецк*", "курахов*", "гуляйпол*", "вугледар*", "угледар*",
		"енергодар*", "энергодар*", "зеленськ*", "зеленск*", "залужн*", "сирськ*", "сырск*", "буданов*",
		"умєров*", "умеров*", "шмигал*", "шмыгал*", "єрмак*", "сибіг*", "кулеб*", "=зсу", "=всу", "=сбу",
	},
	// the parties: Russia, its places, leaders and forces
	"russia": {
		"russia*", "moscow*", "kremlin*", "putin*", "lavrov*", "peskov*", "shoigu*", "belousov*", "gerasimov*",
		"medvedev*", "belgorod*", "kursk*", "bryansk*", "novorossiysk*", "rostov*", "wagner*", "prigozhin*",
		"росі*", "росс*", "=рф", "москв*", "кремл*", "путін*", "путин*", "лавров*", "пєсков*", "песков*", "шойгу*",
		"білоусов*", "белоусов*", "герасимов*", "медведєв*", "медведев*", "бєлгород*", "белгород*", "курськ*",
		"курск*", "брянськ*", "брянск*", "новоросійськ*", "новороссийск*", "таганрог*", "ростов*", "росгвард*",
		"вагнер*", "пригожин*", "ахмат*",
	},
	// weapons that strike from the air, and air defence
	"air": {
		"drone*", "uav*", "shahed*", "missile*", "ballistic*", "cruise missile", "iskander*", "kalibr*", "kinzhal*",
		"atacms", "storm shadow", "airstrike*", "air strike", "air defence", "air defense", "air raid", "air force",
		"airspace", "intercept*", "shot down", "=downed", "debris", "glide bomb", "bomb*", "warplane*", "fighter jet",
		"aircraft", "patriot", "patriots", "nasams", "iris-t", "kab", "kabs",
		"дрон*", "безпілот*", "беспилот*", "бпла*", "шахед*", "ракет*", "балістич*", "баллистич*", "крилат*",
		"крылат*", "іскандер*", "искандер*", "калібр*", "калибр*", "кинджал*", "кинжал*", "=ппо", "=пво",
		"протиповітрян*", "противовоздуш*", "повітрян*", "воздушн*", "авіаудар*", "авиаудар*", "авіабомб*",
		"авиабомб*", "авіаці*", "авиаци*", "збито*", "збиті*", "збиття*", "=збили", "=збила", "=збив", "сбито*", "сбиты*", "=сбит",
		"=сбил", "=сбила", "=сбили", "знешкод*", "уламк*", "обломк*", "бомб*", "=каб", "винищувач*", "истребител*", "перехоплен*", "укритт*", "укрыти*", "бомбосхов*", "бомбоубеж*",
		"shelter*",
		"перехвач*", "перехват*",
	},
	// an attack and what it does, whatever the weapon
	"strike": {
		"attack*", "strike*", "struck", "explosion*", "explod*", "blast*", "destroyed",
		"damaged", "damage*", "hit",
		"удар*", "атак*", "вибух*", "взрыв*", "прильот*", "прилет*", "влучан*", "попадан*",
		"зруйнов*", "руйнуван*", "разрушен*", "разрушил*", "пошкод*", "поврежд*", "пожеж*", "пожар*", "знищ*",
		"уничтож*",
	},
	// fire of guns, mortars and rocket artillery at towns and positions: the
	// daily shelling of front-line regions. The Ukrainian and Russian word
	// for shelling also names missile strikes; an article naming weapons of
	// the air as well has the pair of both concepts, which tells them apart.
	"shelling": {
		"shelling", "shelled", "artillery", "mortar*", "mlrs", "rocket launcher", "multiple rocket",
		"обстріл*", "обстрел*", "артилер*", "артиллер*", "міномет*", "миномет*", "=рсзв", "=рсзо",
	},
	// people killed or wounded
	"casualty": {
		"killed", "kill*", "dead", "death*", "injur*", "wounded", "casualt*", "victim*",
		"загин*", "загибл*", "поранен*", "постражд*", "травмован*", "погиб*", "ранен*", "пострадав*", "жертв*",
		"вбит*", "вбив*", "убит*", "убил*", "потерпіл*", "потерпевш*",
	},
	// power grids and energy plants, the targets of many strikes
	"energy": {
		"power grid", "grid", "substation*", "power plant", "power station", "thermal power", "energy infrastructure",
		"=electricity", "energy", "refiner*", "nuclear plant", "nuclear power", "npp",
		"енергет*", "энергет*", "енерго*", "энерго*", "живлен*", "електроенерг*", "электроэнерг*", "електропост*", "электроснаб*", "підстанц*",
		"подстанц*", "=тец", "=тэц", "=тес", "=тэс", "=аес", "=аэс",
		"блекаут*", "блэкаут*", "=нпз", "нафтопереро*", "нефтеперераб*",
		// the grid operator and the nuclear operator, named in every report
		// of outages and repairs after strikes
		"ukrenergo*", "energoatom*", "укренерго*", "укрэнерго*", "енергоатом*", "энергоатом*",
	},
	// power and water cut off for households: schedules of outages, what to
	// do without light. After a strike the article names the strike too;
	// alone it is service news of a city.
	"outage": {
		"blackout*", "outage*", "power cut", "power cuts", "відключен*", "отключен*", "знеструм*", "обесточ*",
		"графік відключень", "график отключений",
	},
	// towns and villages as places hit or held: a region's daily count of
	// settlements under fire, or the settlements an army takes
	"locality": {
		"=settlements", "населений пункт", "населенный пункт",
	},
	// fighting on the ground and at sea, territory
	"ground": {
		"offensive*", "counteroffensive*", "counter offensive", "advance*", "captur*", "liberat*", "seiz*",
		"retreat*", "assault*", "brigade*", "battalion*", "regiment*", "troop*", "soldier*",
		"tank", "tanks", "front", "frontline*", "front line", "trench*", "encircl*", "territor*", "sq km",
		"fleet", "navy", "naval", "black sea", "general staff", "combat*", "battle*", "battlefield*", "fighting",
		"clash*", "infantry", "=mechanized", "armored", "armoured", "sabotage*", "stronghold*", "village*",
		"наступ", "наступу", "наступом", "наступальн*", "наступлен*", "контрнаступ*", "захопи*", "захвати*",
		"штурм*", "бригад*", "батальйон*", "батальон*", "полк", "полку", "солдат*", "бійц*", "боец", "бойц*",
		"військовослужб*", "военнослужащ*", "танк*", "фронт*", "окоп*", "оточен*",
		"територі*", "территор*", "флот*", "генштаб*", "бої", "боїв", "боях", "бои", "боев*", "бойов*",
		"сутичк*", "столкновен*", "угрупован*", "группировк*", "десант*", "диверс*", "дрг", "=село", "=селом", "селищ*",
		"поселок*", "посёлок*", "прифронтов*", "передов*", "напрям*", "направлени*",
	},
	// the losses of armed forces
	"losses": {
		"loss", "losses", "personnel", "eliminated", "=neutralised", "=neutralized",
		"втрат*", "потер*", "особового складу", "особовий склад", "личного состава", "личный состав", "ліквідов*",
		"ликвидир*",
	},
	// prisoners of war, the missing and the dead brought home
	"captive": {
		"prisoner*", "pow", "pows", "captiv*", "captured soldiers", "prisoner swap", "repatriat*",
		"bodies",
		"полон*", "військовополон*", "военнопленн*", "пленн*", "плен", "плена", "плену", "обмін полоненими",
		"обмен пленными", "репатріац*", "репатриац*", "безвісти*", "без вести",
	},
	// talks about the war's end
	"talks": {
		"negotiat*", "=talks", "peace*", "ceasefire*", "cease fire", "truce*", "armistice*", "security guarantee",
		"security guarantees", "summit*", "mediat*", "memorandum*",
		"переговор*", "перемов*", "мирн*", "мир", "перемир*", "припинення вогню", "прекращение огня",
		"гарантії безпеки", "гарантии безопасности", "саміт*", "саммит*", "посередн*", "посредни*", "=ткг",
		"мінські угоди", "минские соглашения", "нормандськ*", "нормандск*", "меморандум*",
	},
	// states talking to states
	"diplo": {
		"foreign minister", "ambassador*", "envoy*", "chancellor*", "summon*", "diplomat*", "embass*", "visit*", "met", "meeting*", "phone call",
		"united nations", "un", "nato", "osce", "g7", "g20", "foreign ministry", "foreign policy",
		"security council", "bilateral", "trilateral",
		"міністр закордонних", "глава мзс", "глава мид", "канцлер*", "посол", "посольств*", "дипломат*", "візит*", "визит*", "зустріч*", "встреч*",
		"телефонна розмова", "телефонный разговор", "=оон", "=нато", "=обсє", "=обсе", "=мзс", "=мид", "радбез*",
		"совбез*", "рада безпеки", "совет безопасности", "двосторонн*", "двусторонн*",
	},
	// the West and other states in the diplomacy of the war, and their
	// leaders
	"west": {
		"u s", "usa", "united states", "america*", "washington", "white house", "eu", "european*", "europe",
		"brussels", "germany", "german*", "berlin", "france", "french", "paris", "britain", "british", "uk",
		"london", "poland", "polish", "warsaw", "china", "chinese", "beijing", "turkey", "turkish", "ankara",
		"trump*", "biden*", "macron*", "scholz*", "merz*", "starmer*", "sunak*", "tusk*", "rutte*", "stoltenberg*",
		"erdogan*", "erdoğan*", "xi",
		"=сша", "америк*", "вашингтон*", "білий дім", "белый дом", "=єс", "=ес", "євросоюз*", "евросоюз*", "європ*",
		"европ*", "брюссел*", "німеч*", "герман*", "берлін*", "берлин*", "франці*", "франци*", "париж*",
		"британ*", "лондон*", "польщ*", "польш*", "варшав*", "кита*", "пекін*", "пекин*", "туреччин*", "турци*",
		"трамп*", "байден*", "макрон*", "шольц*", "мерц*", "стармер*", "туск*", "рютте*", "столтенберг*",
		"ердоган*", "эрдоган*", "цзіньпін*", "цзиньпин*",
	},
	// governments and their officials
	"gov": {
		"minister*", "ministry", "government*", "president*", "prime minister", "cabinet", "parliament*",
		"lawmaker*", "official*",
		"міністр*", "министр*", "міністерств*", "министерств*", "уряд*", "правительств*", "президент*",
		"прем'єр*", "премьер*", "парламент*", "верховн*", "нардеп*",
		"депутат*", "госдум*", "чиновник*", "посадовц*", "посадов*",
	},
	// money
	"money": {
		"million*", "billion*", "=euro", "=euros", "dollar*", "=eur", "=usd", "budget*",
		"мільйон*", "миллион*", "мільярд*", "миллиард*", "=євро", "=евро", "долар*", "доллар*", "гривн*", "=грн",
		"бюджет*", "=млн", "=млрд",
	},
	// sanctions and economic pressure
	"sanct": {
		"sanction*", "embargo*", "price cap", "frozen assets", "frozen russian", "shadow fleet", "blacklist*",
		"export controls", "reparation*",
		"санкці*", "санкци*", "ембарго*", "эмбарго*", "заморожен*", "теневой флот", "тіньовий флот",
		"потолок цен", "стеля цін", "репарац*", "конфіск*", "конфиск*",
		"confiscat*",
		// in English news the oligarchs are Russia's rich under sanctions:
		// their assets, yachts and homes seized or hidden
		"oligarch*", "kleptocra*",
	},
	// aid to Ukraine: money and packages
	"aid": {
		"aid", "assistance", "package*", "donor*", "loan*", "funding", "tranche*", "ramstein*",
		"military support", "financial support", "pledg*",
		"допомог*", "помощ*", "пакет*", "транш*", "рамштайн*", "донор*", "грант*", "фінансуван*", "финансирован*",
		"донат*",
	},
	// arms: weapons, their deliveries and their production
	"arms": {
		"weapon*", "=arms", "ammunition", "ammo", "munition*", "=shells", "artillery shells", "howitzer*", "himars", "f-16",
		"abrams", "leopard*", "bradley*", "taurus", "defence industry", "defense industry", "defence company",
		"defense company", "arms maker", "arms makers", "defence contractor", "defense contractor", "mass production",
		"зброя", "зброю", "зброї", "озброєн*", "оруж*", "боєприпас*", "боеприпас*", "снаряд*", "гаубиц*",
		"хаймарс*", "леопард*", "абрамс*", "бронетехн*", "броньован*", "бронирован*", "armored vehicle",
		"armoured vehicle", "постачан*", "поставк*", "=впк", "оборонної промисловості",
		"оборонной промышленности", "оборонпром*", "укроборонпром*", "=production",
		"manufactur*", "=produce", "=produces", "=produced", "виробництв*", "виготовл*", "производств*", "изготовл*",
		"серійн*", "серийн*",
	},
	// people: crimes, captivity aside; displacement, civilians
	"human": {
		"war crime", "war crimes", "humanitarian*", "evacuat*", "refugee*", "displaced", "idp", "idps",
		"civilian*", "tortur*", "genocide*", "tribunal*", "icc", "deport*", "abduct*", "filtration",
		"гуманітарн*", "гуманитарн*", "евакуац*", "эвакуац*", "евакуйов*", "эвакуир*", "біженц*", "беженц*",
		"переселенц*", "=впо", "=впл", "цивільн*", "мирні жителі", "мирних жителів", "мирные жители",
		"мирных жителей", "катуван*", "пытк*", "геноцид*", "трибунал*", "депорт*", "похищен*",
		"воєнні злочини", "военные преступления", "воєнних злочинів", "фільтрац*", "фильтрац*",
		"волонтер*", "volunteer*",
	},
	// occupation of Ukrainian land
	"occup": {
		"occup*", "annex*", "collaborat*", "puppet", "so-called", "separatist*", "dpr", "lpr",
		"окупант*", "окупова*", "окупац*", "оккуп*", "анекс*", "аннекс*", "колаборант*", "коллаборант*",
		"колабор*", "коллабор*", "гауляйтер*", "=днр", "=лнр", "=лднр", "=ордло", "сепаратист*",
		"псевдореспубл*", "самопроголош*", "самопровозгл*",
	},
	// nuclear weapons, threats and plants
	"nuclear": {
		"nuclear*", "atomic", "ядерн*", "атомн*",
	},
	// mines and their clearance
	"mines": {
		"demin*", "landmine*", "mine clearance", "minefield*", "розмінув*", "розмінуван*", "разминир*", "сапер*",
		"мінуван*", "минирован*", "мінами",
	},
	// armies' call-up
	"mobil": {
		"mobiliz*", "mobilis*", "conscript*", "military service", "enlistment", "veteran*", "draft dodgers",
		"мобіліз*", "мобилиз*", "=тцк", "військкомат*", "военкомат*", "призов*", "призыв*", "ветеран*",
		"демобіліз*", "демобилиз*", "повістк*", "повестк*", "ухилянт*", "recruit*", "mercenar*", "вербов*",
		"вербув*", "наемник*", "найманц*",
		// soldiers who leave their units: deserters and the hunt for them
		"deserter*", "desertion*", "дезертир*",
	},
	// other wars and conflicts (not this one)
	"otherconf": {
		"israel*", "gaza*", "hamas*", "hezbollah*", "palestin*", "karabakh*", "armenia*", "azerbaijan*",
		"sudan*", "myanmar*", "yemen*", "houthi*", "taliban*", "afghan*",
		"ізраїл*", "израил*", "сектор газа", "секторі газа", "секторе газа", "хамас*", "хезбол*", "палестин*",
		"карабах*", "вірмен*", "армени*", "азербайджан*", "судан*", "мьянм*", "м'янм*", "ємен*", "йемен*",
		"хусит*", "хуситы", "талібан*", "талибан*", "афган*",
	},
	// sport
	"sport": {
		"sport*", "football*", "soccer", "match", "matches", "tournament*", "championship*", "league*", "olympi*",
		"world cup", "tennis", "coach*", "player*", "fifa", "uefa", "nba", "nhl", "medal*", "goalkeeper*",
		"футбол*", "матч*", "турнір*", "турнир*", "чемпіон*", "чемпион*", "олімпі*", "олимпи*", "теніс*",
		"теннис*", "збірна україни", "сборн*", "тренер*", "гравц*", "гравець", "игрок*", "уефа", "фіфа", "фифа",
		"хокей*", "хоккей*", "боксер*", "боксёр*", "спорт*",
	},
	// weather
	"weather": {
		// rain as whole words: the prefix also took surnames (Rainer,
		// Rainsford), rainbows and rainforests, and missiles that "rained"
		// or were "raining" down on a city. Storm and frost likewise: troops
		// storming a trench or a city and a frosty welcome or relationship
		// are no weather.
		"weather", "forecast*", "temperature*", "=rain", "=rains", "=rainy", "rainfall*", "rainstorm*", "snow*",
		"=frost", "=frosts", "heatwave*", "=storm", "=storms",
		"синоптик*", "=погода", "=погоди", "=погоду", "=погодою", "=погоде", "=погодой", "погодн*", "температур*", "дощ*", "дожд*", "сніг*", "снег*", "мороз*", "шторм*",
		"гідрометцентр*", "гидрометцентр*", "циклон*", "опади", "опадів", "осадк*", "вітер", "ветер", "потепл*", "похолод*",
		"шквальн*",
	},
	// an epidemic
	"covid": {
		"covid*", "coronavirus*", "pandemic*", "vaccin*", "lockdown*", "quarantine*", "epidemic*", "infection*",
		"коронавірус*", "коронавирус*", "ковід*", "ковид*", "covid-19", "пандемі*", "пандеми*", "вакцин*",
		"карантин*", "локдаун*", "епідем*", "эпидем*", "інфіков*", "инфицир*", "захворюван*", "заболеван*",
	},
	// arts and show business
	"culture": {
		"=film", "=films", "filmmak*", "movie*", "actor*", "actress*", "singer*", "concert*", "album*", "festival*", "music*",
		"theatre*", "theater*", "exhibition*", "eurovision", "oscar*", "tv show",
		"фільм*", "фильм*", "кіно*", "кино*", "актор*", "актер*", "актёр*", "актрис*", "співак*", "співач*",
		"певиц*", "певец", "певц*", "концерт*", "альбом*", "фестивал*", "музик*", "музык*", "серіал*", "сериал*",
		"театр*", "виставк*", "выставк*", "євробачен*", "евровидени*", "шоу", "кліп*", "клип*", "режисер*",
		"режиссер*", "режиссёр*",
	},
	// the household economy: prices, wages, taxes, banks
	"economy": {
		"price*", "inflation", "wage*", "salar*", "pension*", "tax", "taxes", "mortgage*", "bank*", "gdp",
		"tariff*", "utility bills", "interest rate", "interest rates",
		"цін*", "цен*", "інфляц*", "инфляц*", "зарплат*", "пенсі*", "пенси*", "податк*", "налог*", "іпотек*",
		"ипотек*", "банк*", "ввп", "тариф*", "комуналк*", "коммуналк*", "субсиди*", "субсиді*",
		"нацбанк*",
	},
	// crime and the police
	"crime": {
		"police*", "murder*", "theft*", "stolen", "robber*", "drug*", "fraud*", "arrest*", "detained",
		"поліці*", "полици*", "вбивств*", "убийств*", "краді*", "краж*", "пограбув*", "ограбл*", "наркот*",
		"шахрай*", "мошенни*", "затрима*", "задержа*", "арешт*", "арест*", "=дтп", "аварі*", "авари*",
	},
	// cars, roads, railways and travel
	"transport": {
		"car", "cars", "driver*", "road*", "traffic", "railway*", "=train", "=trains", "tourist*", "tourism", "airline*",
		"автомобіл*", "автомобил*", "=авто", "водії*", "водител*", "дорог*", "трафік*", "залізниц*",
		"потяг*", "поїзд*", "поезд*", "турист*", "туризм*", "авіакомпан*", "авиакомпан*",
		"маршрут*",
	},
	// elections and votes
	"vote": {
		"election*", "vote", "votes", "voting", "voter*", "ballot*", "candidate*", "referendum*", "polling",
		"вибор*", "выбор*", "голосуван*", "голосован*", "кандидат*", "виборч*", "избират*", "референдум*",
	},
}
