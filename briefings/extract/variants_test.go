package extract

import (
	"slices"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// variantCases are paraphrase families of the patterns of attack reports:
// one figure said in several ways (word order, voice, "out of the", "all of
// the", numbers as words, Ukrainian case endings, "including", "of which",
// "at least", ranges, corrections, a total and its breakdown) must read the
// same. Every text was written for these tests. The families marked "issue"
// hold the variants of sentences the reader once read wrongly.
func variantCases() []attackCase {
	return slices.Concat(nOfMFamily, allFamily, wordsFamily, ukCaseFamily, voiceFamily, partsFamily,
		boundsFamily, correctionFamily, breakdownFamily, sideFamily, templateFamily, noFigureFamily, variantCases2(), variantCases3(), variantCases4(), variantCases5(), variantCases6(), variantCases7(), variantCases8(), variantCases9(), variantCases10(), variantCases11(), variantCases12(), variantCases13(), variantCases14(), variantCases14uk(), variantCases14en2(), variantCases15en(), variantCases16en(), variantCases15af(), variantCases16af(), variantCases16uk4(), variantCases21uk(), variantCases21para(), variantCases21cas(), variantCases21scope(), variantCases22scope(), variantCases21mod(), variantCases21types(), variantCases21pool(), borrowedHeadFamily, variantCasesUnreal())
}

func TestExtractVariants(t *testing.T) {
	runAttackCases(t, variantCases())
}

// "N of M" in its forms: the whole was launched, the part has the verb's outcome.
var nOfMFamily = []attackCase{
	{name: "N out of M (issue)", pub: "2025-06-01", text: "Air defence destroyed 61 out of 64 drones Russia launched overnight, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 64, "0.intercepted.drones": 61}},
	{name: "N out of the M (issue)", pub: "2025-06-01", text: "Air defence destroyed 61 out of the 64 drones Russia launched overnight, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 64, "0.intercepted.drones": 61}},
	{name: "N of the M", pub: "2025-06-01", text: "Air defence destroyed 61 of the 64 drones Russia launched overnight, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 64, "0.intercepted.drones": 61}},
	{name: "N of M, passive", pub: "2025-06-01", text: "Of the 64 drones launched by Russia overnight, 61 were destroyed, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 64, "0.intercepted.drones": 61}},
	{name: "N з M", pub: "2025-06-01", text: "Уночі сили ППО знищили 61 з 64 ворожих дронів.",
		want: map[string]any{"#": 1, "0.launched.drones": 64, "0.intercepted.drones": 61}},
	{name: "N дронів із M", pub: "2025-06-01", text: "Уночі сили ППО знищили 61 ворожий дрон із 64.",
		want: map[string]any{"#": 1, "0.launched.drones": 64, "0.intercepted.drones": 61}},
	{name: "N out M, without of", pub: "2025-06-01", text: "Air defence destroyed 61 out 64 drones overnight, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 64, "0.intercepted.drones": 61}},
}

// "all": the figure, and the number launched when "all N" names it.
var allFamily = []attackCase{
	{name: "all N were shot down", pub: "2025-06-01", text: "All 35 drones launched by Russia overnight were shot down, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 35, "0.intercepted.drones": 35}},
	{name: "all of the N were shot down (issue)", pub: "2025-06-01", text: "All of the 35 drones were shot down overnight, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 35, "0.intercepted.drones": 35}},
	{name: "shot down all N", pub: "2025-06-01", text: "Air defence shot down all 35 drones Russia launched overnight, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 35, "0.intercepted.drones": 35}},
	{name: "all of them after the count", pub: "2025-06-01", text: "Russia launched 35 drones overnight, the air force said. All of them were shot down.",
		want: map[string]any{"#": 1, "0.launched.drones": 35, "0.intercepted.drones": 35}},
	{name: "усі N", pub: "2025-06-01", text: "Уночі противник атакував 35 ударними БпЛА, усі 35 збито.",
		want: map[string]any{"#": 1, "0.launched.drones": 35, "0.intercepted.drones": 35}},
}

// numbers written as words, in English and Ukrainian.
var wordsFamily = []attackCase{
	{name: "English tens and units", pub: "2025-06-01", text: "Russia launched forty-two drones overnight and air defence shot down thirty-nine, the air force said.",
		want: map[string]any{"0.launched.drones": 42, "0.intercepted.drones": 39}},
	{name: "English hundreds", pub: "2025-06-01", text: "Russia launched two hundred and twelve drones and six missiles overnight, the air force said.",
		want: map[string]any{"0.launched.drones": 212, "0.launched.missiles": 6}},
	{name: "Ukrainian compound", pub: "2025-06-01", text: "Уночі противник атакував ста сорока двома ударними БпЛА.",
		want: map[string]any{"0.launched.drones": 142}},
	{name: "Ukrainian a hundred", pub: "2025-06-01", text: "Уночі противник атакував сотнею ударних БпЛА.",
		want: map[string]any{"0.launched.drones": 100}},
	{name: "both", pub: "2025-06-01", text: "Russia fired 20 drones and two missiles overnight; air defence destroyed 18 drones and both missiles.",
		want: map[string]any{"0.intercepted.missiles": 2, "0.intercepted.drones": 18}},
}

// Ukrainian case endings after digits and in number words; a singular noun
// counts one.
var ukCaseFamily = []attackCase{
	{name: "181-м", pub: "2025-06-01", text: "У ніч на 1 червня противник атакував 181-м ударним БпЛА.",
		want: map[string]any{"0.launched.drones": 181}},
	{name: "50-ма and 2-ма", pub: "2025-06-01", text: "У ніч на 1 червня противник атакував 50-ма ударними БпЛА та 2-ма балістичними ракетами.",
		want: map[string]any{"0.launched.drones": 50, "0.launched.missiles": 2, "0.launched.by_type.ballistic": 2}},
	{name: "37-ми збито", pub: "2025-06-01", text: "На 07:15 сили ППО підтвердили знищення 37-ми ворожих БпЛА.",
		want: map[string]any{"0.intercepted.drones": 37}},
	{name: "двома ракетами", pub: "2025-06-01", text: "У ніч на 1 червня противник атакував двома крилатими ракетами Х-101.",
		want: map[string]any{"0.launched.missiles": 2, "0.launched.by_type.Kh-101": 2}},
	{name: "ракетою is one", pub: "2025-06-01", text: "У ніч на 1 червня противник атакував балістичною ракетою Іскандер-М та 40 ударними БпЛА.",
		want: map[string]any{"0.launched.missiles": 1, "0.launched.by_type.Iskander-M": 1, "0.launched.drones": 40}},
	{name: "збито ракету is one", pub: "2025-06-01", text: "Уночі противник запустив 12 дронів та ракету. Збито ракету та 10 дронів.",
		want: map[string]any{"0.launched.missiles": 1, "0.intercepted.missiles": 1, "0.intercepted.drones": 10}},
	{name: "одну ракету", pub: "2025-06-01", text: "Уночі противник запустив 12 дронів та дві ракети. Збито одну ракету та 10 дронів.",
		want: map[string]any{"0.launched.missiles": 2, "0.intercepted.missiles": 1}},
}

// active and passive voice, the verb before or after the figure.
var voiceFamily = []attackCase{
	{name: "active", pub: "2025-06-01", text: "Russia launched 70 drones overnight. Air defence shot down 58 drones, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 70, "0.intercepted.drones": 58}},
	{name: "passive", pub: "2025-06-01", text: "70 drones were launched by Russia overnight. 58 drones were shot down by air defence, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 70, "0.intercepted.drones": 58}},
	{name: "Ukrainian verb first", pub: "2025-06-01", text: "Уночі противник запустив 70 дронів. Збито 58 дронів.",
		want: map[string]any{"#": 1, "0.launched.drones": 70, "0.intercepted.drones": 58}},
	{name: "Ukrainian subject first", pub: "2025-06-01", text: "Уночі противник запустив 70 дронів. ППО збила 58 дронів.",
		want: map[string]any{"#": 1, "0.launched.drones": 70, "0.intercepted.drones": 58}},
	{name: "the missile (issue)", pub: "2025-06-01", text: "Russia fired 30 drones and one cruise missile overnight; air defence downed the missile and 25 of the drones, the air force said.",
		want: map[string]any{"#": 1, "0.launched.drones": 30, "0.launched.missiles": 1, "0.intercepted.missiles": 1, "0.intercepted.drones": 25}},
	{name: "shot down or jammed", pub: "2025-06-01", text: "Russia launched 90 drones overnight and 80 were shot down or jammed, the air force said.",
		want: map[string]any{"0.intercepted_or_jammed.drones": 80, "0.intercepted.drones": nil}},
	{name: "збито/подавлено", pub: "2025-06-01", text: "Уночі противник атакував 90 ударними БпЛА. Збито/подавлено 80 ворожих БпЛА.",
		want: map[string]any{"0.intercepted_or_jammed.drones": 80, "0.intercepted.drones": nil}},
	{name: "shot down/suppressed", pub: "2025-06-01", text: "Russia launched 90 drones overnight; air defence shot down/suppressed 80 of them.",
		want: map[string]any{"0.intercepted_or_jammed.drones": 80}},
}

// parts of a figure: "including", "of which", "N of them were <type>".
var partsFamily = []attackCase{
	{name: "including a type is not added", pub: "2025-06-01", text: "Russia launched 90 drones overnight, including 50 Shaheds, the air force said.",
		want: map[string]any{"0.launched.drones": 90, "0.launched.by_type.Shahed": 50}},
	{name: "of which", pub: "2025-06-01", text: "Russia launched 90 drones and 8 missiles overnight, of which 70 drones and 5 missiles were intercepted.",
		want: map[string]any{"0.launched.drones": 90, "0.intercepted.drones": 70, "0.intercepted.missiles": 5}},
	{name: "of which it shot down N", pub: "2025-06-01", text: "The air force said the missiles, of which it shot down two, targeted the east.",
		want: map[string]any{"0.intercepted.missiles": 2}},
	{name: "N of them a type", pub: "2025-06-01", text: "Russia launched 90 drones overnight. More than 50 of them were Shaheds.",
		want: map[string]any{"0.launched.drones": 90, "0.launched.by_type.Shahed": 50}},
	{name: "N із них – тип", pub: "2025-06-01", text: "Уночі противник атакував 90 ударними БпЛА (понад 50 із них – реактивні).",
		want: map[string]any{"0.launched.drones": 90, "0.launched.by_type.jet Shahed": 50}},
}

// how exact a figure is.
var boundsFamily = []attackCase{
	{name: "at least", pub: "2025-06-01", text: "Russia launched at least 40 drones overnight, the air force said.",
		want: map[string]any{"0.launched.drones": 40, "0.qualifiers.launched\\.drones": "at_least"}},
	{name: "more than", pub: "2025-06-01", text: "Russia launched more than 1,300 drones overnight, the air force said.",
		want: map[string]any{"0.launched.drones": 1300, "0.qualifiers.launched\\.drones": "more_than"}},
	{name: "понад", pub: "2025-06-01", text: "Уночі противник атакував понад 40 ударними БпЛА.",
		want: map[string]any{"0.launched.drones": 40, "0.qualifiers.launched\\.drones": "more_than"}},
	{name: "щонайменше", pub: "2025-06-01", text: "Уночі противник запустив щонайменше 40 дронів.",
		want: map[string]any{"0.launched.drones": 40, "0.qualifiers.launched\\.drones": "at_least"}},
	{name: "a range with a dash", pub: "2025-06-01", text: "Russia launched 40-50 drones overnight, the air force said.",
		want: map[string]any{"0.launched.drones": 40, "0.qualifiers.launched\\.drones": "at_least"}},
	{name: "between N and M", pub: "2025-06-01", text: "Russia launched between 40 and 50 drones overnight, the air force said.",
		want: map[string]any{"0.launched.drones": 40, "0.qualifiers.launched\\.drones": "at_least"}},
	{name: "від N до M", pub: "2025-06-01", text: "Уночі противник запустив від 40 до 50 дронів.",
		want: map[string]any{"0.launched.drones": 40, "0.qualifiers.launched\\.drones": "at_least"}},
}

// a figure the text supersedes or corrects.
var correctionFamily = []attackCase{
	{name: "revised to", pub: "2025-06-01", text: "Russia launched 40 drones overnight, the air force said. It later revised the number of drones launched to 45.",
		want: map[string]any{"#": 1, "0.launched.drones": 45}},
	{name: "corrected to", pub: "2025-06-01", text: "Air defence shot down 30 drones overnight. The air force corrected the figure to 33 drones shot down.",
		want: map[string]any{"#": 1, "0.intercepted.drones": 33}},
	{name: "initially reported", pub: "2025-06-01", text: "The air force initially reported 40 drones launched. Russia launched 45 drones overnight, it said in an update.",
		want: map[string]any{"#": 1, "0.launched.drones": 45}},
	{name: "earlier said", pub: "2025-06-01", text: "Russia launched 45 drones overnight, the air force said, after it had earlier said that 40 drones had been launched.",
		want: map[string]any{"#": 1, "0.launched.drones": 45}},
}

// a header total and the breakdown under it are counted once.
var breakdownFamily = []attackCase{
	{name: "a dash breakdown", pub: "2025-06-01", text: "Russia launched 60 drones – 40 Shaheds and 20 decoys – overnight, the air force said.",
		want: map[string]any{"0.launched.drones": 60, "0.launched.by_type.Shahed": 40, "0.launched.by_type.decoy": 20}},
	{name: "a colon breakdown", pub: "2025-06-01", text: "Overnight Russia launched 60 drones: 40 Shahed drones and 20 decoy drones.",
		want: map[string]any{"0.launched.drones": 60, "0.launched.by_type.Shahed": 40}},
	{name: "a mixed total and its classes", pub: "2025-06-01", text: "Russia launched 70 air attack weapons overnight – 10 missiles and 60 drones, the air force said.",
		want: map[string]any{"0.launched.total": 70, "0.launched.missiles": 10, "0.launched.drones": 60}},
	{name: "a list under a header", pub: "2025-06-01",
		text: "У ніч на 1 червня противник атакував 66 засобами повітряного нападу – 6 ракетами і 60 БпЛА:\n- 6 крилатих ракет Х-101;\n- 60 ударних БпЛА типу Shahed.",
		want: map[string]any{"#": 1, "0.launched.total": 66, "0.launched.missiles": 6, "0.launched.drones": 60, "0.launched.by_type.Kh-101": 6}},
	{name: "a class total summed from types", pub: "2025-06-01", text: "Russia fired 3 Kalibr missiles and 4 Kh-101 missiles overnight.",
		want: map[string]any{"0.launched.missiles": 7, "0.launched.by_type.cruise": 7}},
}

// who attacked: where drones come from is not who reports them.
var sideFamily = []attackCase{
	{name: "launched from Russian territory (issue)", pub: "2025-06-01",
		text: "Drones launched from Russian territory hit Sumy overnight; 45 drones were launched and 38 were destroyed.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.launched.drones": 45, "0.intercepted.drones": 38}},
	{name: "launched from Russian territory, after the air force's count (issue)", pub: "2025-06-01",
		text: "Russia launched 45 drones overnight, Ukraine's air force said. The drones were launched from Russian territory and 38 were destroyed.",
		want: map[string]any{"#": 1, "0.attacker": "RU", "0.launched.drones": 45, "0.intercepted.drones": 38}},
	{name: "over Russian territory is Russia's count", pub: "2025-06-01",
		text: "Russia's defence ministry said 30 Ukrainian drones were destroyed over Russian territory overnight.",
		want: map[string]any{"#": 1, "0.attacker": "UA", "0.intercepted.drones": 30}},
	{name: "both sides in one text", pub: "2025-06-01",
		text: "Russia launched 80 drones overnight, Ukraine's air force said. Russia's defence ministry said it had downed 25 Ukrainian drones.",
		want: map[string]any{"#": 2, "0.attacker": "RU", "0.launched.drones": 80, "1.attacker": "UA", "1.intercepted.drones": 25}},
	{name: "a governor's count is regional", pub: "2025-06-01",
		text: "Russia launched 80 drones overnight, the air force said. The governor of the Sumy region said 12 drones were shot down over the region.",
		want: map[string]any{"#": 2, "national#": 1, "1.scope": "regional", "1.regions": []string{"Sumy"}, "1.intercepted.drones": 12}},
}

// the Air Force's report template (issue 13): the night and its window, the
// time of the count, the header total over its breakdown, a type named
// without a count, the daytime tally, an attack still going on.
var templateFamily = []attackCase{
	{name: "window and time of the count", pub: "2025-09-17",
		text: "У ніч на 17 вересня (з 18:00 16 вересня) противник атакував 90 ударними БпЛА.\nЗа попередніми даними, станом на 07:40, протиповітряною обороною збито/подавлено 70 ворожих БпЛА.",
		want: map[string]any{"#": 1, "0.date": "2025-09-17", "0.period": "overnight", "0.window_start": "2025-09-16T18:00", "0.as_of": "07:40",
			"0.launched.drones": 90, "0.intercepted_or_jammed.drones": 70}},
	{name: "a type named without a count is a lower bound", pub: "2025-09-17",
		text: "У ніч на 17 вересня противник атакував:\n- балістичними ракетами Іскандер-М;\n- 4 крилатими ракетами Х-101;\n- 90 ударними БпЛА.",
		want: map[string]any{"0.launched.missiles": 4, "0.qualifiers.launched\\.missiles": "at_least", "0.launched.drones": 90, "0.qualifiers.launched\\.drones": nil}},
	{name: "a stated class total stays complete", pub: "2025-09-17",
		text: "У ніч на 17 вересня противник атакував 6 ракетами:\n- балістичними ракетами Іскандер-М;\n- 4 крилатими ракетами Х-101.",
		want: map[string]any{"0.launched.missiles": 6, "0.qualifiers.launched\\.missiles": nil}},
	{name: "the daytime tally is its own event", pub: "2025-09-17",
		text: "Протягом дня 17 вересня (із 6.40 до 18.50) противник атакував 40 ударними БпЛА. Збито/подавлено 31 БпЛА.",
		want: map[string]any{"#": 1, "0.period": "day", "0.date": "2025-09-17", "0.window_start": "2025-09-17T06:40", "0.window_end": "2025-09-17T18:50",
			"0.launched.drones": 40, "0.intercepted_or_jammed.drones": 31}},
	{name: "an ongoing attack is provisional", pub: "2025-09-17",
		text: "У ніч на 17 вересня противник атакував 90 ударними БпЛА. Збито/подавлено 70 ворожих БпЛА. Атака триває.",
		want: map[string]any{"0.provisional": true}},
	{name: "the attack is ongoing", pub: "2025-09-17",
		text: "Russia launched 90 drones overnight and 70 were shot down or jammed, the air force said, adding that the attack is ongoing.",
		want: map[string]any{"0.provisional": true}},
	{name: "a finished attack is not provisional", pub: "2025-09-17",
		text: "Russia launched 90 drones overnight and 70 were shot down or jammed, the air force said. Revisions are common when an attack continues into the morning.",
		want: map[string]any{"0.provisional": nil}},
	{name: "hits and debris locations", pub: "2025-09-17",
		text: "Зафіксовано влучання 9 ударних БпЛА на 6 локаціях, а також падіння уламків на 4 локаціях.",
		want: map[string]any{"0.hits.drones": 9, "0.hits.locations": 6, "0.hits.debris_locations": 4}},
}

// texts without figures give no report.
var noFigureFamily = []attackCase{
	{name: "an attack without figures", pub: "2025-06-01", text: "Russia attacked Kyiv with drones and missiles overnight, officials said.", want: map[string]any{"#": 0}},
	{name: "dates, times and ordinals", pub: "2025-06-01", text: "On June 1, 2025, at 04:30, sirens sounded in Kyiv for the 3rd time in 24 hours.", want: map[string]any{"#": 0}},
	{name: "vague quantities", pub: "2025-06-01", text: "Dozens of drones and several missiles hit Kharkiv overnight.", want: map[string]any{"#": 0}},
	{name: "a denied claim", pub: "2025-06-01", text: "Russia's defence minister denied that Ukraine had shot down six Kinzhal missiles.", want: map[string]any{"#": 0}},
}

// TestDaytimeTallyIsItsOwnEvent: a day's tally and the night that ends the
// same day have different event keys, so one never revises the other.
func TestDaytimeTallyIsItsOwnEvent(t *testing.T) {
	text := "У ніч на 17 вересня противник атакував 90 ударними БпЛА. Збито/подавлено 70 БпЛА.\n" +
		"Протягом дня 17 вересня (із 6.40 до 18.50) противник атакував 40 ударними БпЛА. Збито/подавлено 31 БпЛА."
	res := Extract(text, day("2025-09-17"))
	if len(res.Attacks) != 2 {
		t.Fatalf("%d reports, want 2: %+v", len(res.Attacks), res.Attacks)
	}
	night, dayTally := res.Attacks[0], res.Attacks[1]
	if night.Period != briefings.PeriodOvernight || dayTally.Period != briefings.PeriodDay {
		t.Fatalf("periods %q, %q", night.Period, dayTally.Period)
	}
	if night.EventKey() == dayTally.EventKey() {
		t.Errorf("night and day share the event key %q", night.EventKey())
	}
	if *night.Launched.Drones != 90 || *dayTally.Launched.Drones != 40 {
		t.Errorf("figures mixed: night %d, day %d", *night.Launched.Drones, *dayTally.Launched.Drones)
	}
}

// TestAsOfTime: the time of the count on the report's date, in Kyiv's zone.
func TestAsOfTime(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	res := Extract("У ніч на 17 вересня противник атакував 90 ударними БпЛА. Станом на 08:30 збито/подавлено 70 БпЛА.", day("2025-09-17"))
	if len(res.Attacks) != 1 {
		t.Fatalf("%d reports", len(res.Attacks))
	}
	got, ok := res.Attacks[0].AsOfTime(loc)
	want := time.Date(2025, 9, 17, 8, 30, 0, 0, loc)
	if !ok || !got.Equal(want) {
		t.Errorf("AsOfTime = %v, %v; want %v", got, ok, want)
	}
	if res.Attacks[0].LowerBound("launched.drones") {
		t.Errorf("a complete figure read as a lower bound")
	}
}
