package extract

import (
	"fmt"
	"strings"
	"time"
)

// When (stage 3): the period a sentence's figures cover (a night, a day, 24
// hours, or a cumulative span), its date, the window of the Air Force's
// report ("у ніч на 17 вересня (з 18:00 16 вересня)"), the time of the
// count ("станом на 08:00") and whether the attack is still going on.

// timeInfo is what a sentence says about when its figures apply.
type timeInfo struct {
	has     bool
	period  period
	date    string // YYYY-MM-DD the attack ended (the morning of a night)
	key     string // compares two time expressions
	asOf    string // "HH:MM": the time of the count
	dated   bool   // the sentence names a date or a weekday
	start   string // "YYYY-MM-DDTHH:MM" (or "HH:MM" when the day is unknown): the window's start
	end     string // the window's end, likewise
	ongoing bool   // "атака триває", "the attack is ongoing"
}

func ymd(t time.Time) string { return t.Format("2006-01-02") }

// resolveDayMonth picks the year from the published date: the latest date
// not more than two days after it.
func resolveDayMonth(pub time.Time, m, d int) string {
	if pub.IsZero() || m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	t := time.Date(pub.Year(), time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.After(pub.AddDate(0, 0, 2)) {
		t = t.AddDate(-1, 0, 0)
	}
	return ymd(t)
}

// resolveWeekday picks the latest such weekday on or before the published day.
func resolveWeekday(pub time.Time, wd int) time.Time {
	p := time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	back := (int(p.Weekday()) - wd + 7) % 7
	return p.AddDate(0, 0, -back)
}

var saidWords = map[string]bool{"said": true, "says": true, "told": true, "reported": true, "announced": true, "stated": true, "added": true, "заявив": true, "повідомили": true, "повідомив": true, "написав": true, "написала": true}

// periodFlags are the period words of a sentence.
type periodFlags uint8

const (
	pwNight periodFlags = 1 << iota
	pwDay
	pw24h
	pwCumulative
)

// timeCue reads the time expression of a sentence.
func timeCue(toks []token, pub, today time.Time, rs *ruleSet) timeInfo {
	var pw periodFlags
	for i := 0; i < len(toks); i++ {
		if i > 0 && toks[i-1].low == "," && (toks[i].low == "where" || toks[i].low == "де") {
			// ", where troops crossed the border in August,": a clause about
			// the place, whose time is not the figures'
			for i < len(toks) && toks[i].low != "," {
				i++
			}
			continue
		}
		pw |= periodWord(toks, i, rs)
	}
	var ti timeInfo
	date, dateKey, weak := dateOf(toks, pub, today, pw&pwNight != 0, rs)
	switch {
	case pw&pwCumulative != 0:
		ti.period = periodCumulative
	case pw&pw24h != 0:
		ti.period = period24h
	case pw&pwDay != 0 && pw&pwNight == 0:
		ti.period = periodDay
	case pw&pwNight != 0:
		ti.period = periodOvernight
	}
	ti.has = ti.period != periodNone || dateKey != ""
	ti.dated = dateKey != "" && !weak
	if date == "" && dateKey == "" && !pub.IsZero() && pw&(pwNight|pw24h|pwDay) != 0 {
		date = ymd(pub)
	}
	ti.date = date
	if date != "" {
		dateKey = date
	}
	ti.key = string(ti.period) + "|" + dateKey
	if rs.on(ruleReportTimes) {
		ti.asOf, ti.start, ti.end = clockTimes(toks, pub, ti)
	}
	ti.ongoing = rs.on(ruleOngoing) && ongoing(toks)
	return ti
}

// periodWord reads the period a word at toks[i] points to.
func periodWord(toks []token, i int, rs *ruleSet) periodFlags {
	lw, prev, next := around(toks, i)
	rate := rs.on(ruleRate) && habitual(toks, i)
	switch lw {
	case "overnight", "nighttime", "вночі", "уночі", "ніч", "ночі", "night", "нічна", "нічну", "нічної", "нічний", "нічного":
		if rate {
			return pwCumulative // "each night", "100 drones a night": a rate, not one attack
		}
		return pwNight
	case "щоночі", "щодня", "щодоби", "щотижня", "щомісяця", "average", "середньому", "середнього":
		return pwCumulative
	case "початку":
		if !comparison(toks, i) {
			return pwCumulative
		}
	case "early":
		if smallHours(toks, i) {
			return pwNight // "early Friday", "early on Monday", "in the early hours"
		}
	case "pre-dawn", "predawn":
		return pwNight
	case "dawn":
		if prev == "before" {
			return pwNight
		}
	case "daytime", "вдень", "afternoon":
		return pwDay
	case "дня", "day", "день":
		if rate {
			return pwCumulative
		}
		return dayWord(lw, prev, toks, i)
	case "hours":
		if prev == "24" {
			return pw24h
		}
	case "доби", "добу":
		if rate || prev == "на" || severalSpan(toks, i) && rs.on(ruleRate) {
			return pwCumulative
		}
		return pw24h
	case "since":
		if sinceSpan(toks, i, next) && !comparison(toks, i) {
			return pwCumulative
		}
	case "days", "nights", "weeks", "months", "днів", "діб", "ночей", "тижнів", "місяців", "дні", "тижні", "місяці":
		if severalSpan(toks, i) && rs.on(ruleRate) && !ordinalAttack(toks, i) {
			return pwCumulative // "over the past few days", "за останні три доби": several attacks
		}
	case "month", "year", "week", "місяць", "місяця", "тиждень", "тижня", "рік", "року", "winter", "summer", "autumn", "spring", "зиму", "зими", "літо", "осінь", "весну":
		if spanAt(toks, i) && !(lw == "year" && (next == "war" || next == "old")) && !agoWord(next) && !comparison(toks, i) && !ordinalAttack(toks, i) {
			return pwCumulative // "in a week", "during the winter", "за тиждень"
		}
	case "повномасштабного", "full-scale":
		if (prev == "the" || prev == "початку" || prev == "of") && !comparison(toks, i) {
			return pwCumulative
		}
	}
	return monthSpan(toks, i, prev)
}

// smallHours: "early" at i names the small hours of a night: "early
// Friday", "early on Monday", "early Friday morning", "in the early hours",
// "early morning" (the Air Force dates such an attack by that morning, the
// end of the night).
func smallHours(toks []token, i int) bool {
	k := i + 1
	if k < len(toks) && toks[k].low == "on" {
		k++
	}
	if k >= len(toks) {
		return false
	}
	return toks[k].wday > 0 || toks[k].low == "hours" || toks[k].low == "morning"
}

// dayWord: "протягом дня", "during the day" (a day), "past day" (24 hours).
func dayWord(lw, prev string, toks []token, i int) periodFlags {
	switch {
	case lw == "дня" && (prev == "протягом" || prev == "впродовж"):
		return pwDay
	case lw == "day" && prev == "the" && i >= 2 && toks[i-2].low == "during":
		return pwDay
	case lw == "day" && prev == "past":
		return pw24h
	}
	return 0
}

// spanAt: the period word at i names a span: "this week", "last month",
// "за тиждень", "in a week", "during the winter", and in Ukrainian with
// "this" or "current" before the word ("за цей тиждень", "за поточний
// тиждень", "цього тижня"), "last" or "past" ("за минулий тиждень", "за
// останній місяць", "протягом останнього року") or "протягом" ("протягом
// тижня"): the span a weekly summary of a president or a ministry counts.
func spanAt(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	if wholeWord(toks[i-1].low) && i >= 2 {
		i-- // "throughout the entire week", "over the whole month": the span itself
	}
	before := ""
	if i >= 2 {
		before = toks[i-2].low
	}
	switch toks[i-1].low {
	case "this", "last", "past", "за", "цього", "минулого", "цей", "поточний", "поточного", "протягом",
		"минулий", "минулу", "минуле", "останній", "останню", "останнє", "останнього":
		return true
	case "a", "one":
		return before == "in" || before == "within"
	case "the":
		return before == "during" || before == "over" || before == "throughout" || before == "in"
	}
	return false
}

// wholeWord: "entire", "whole", "full", "весь", "увесь", "цілий" before a period word.
func wholeWord(w string) bool {
	switch w {
	case "entire", "whole", "full", "весь", "увесь", "цілий":
		return true
	}
	return false
}

// severalSpan: a span of several days, weeks or months ("over the past few
// days", "in the last three weeks", "за останні три доби"): a count, a few
// or several before the plural, after "past", "last" or "останні".
//
// A count after "in", "within" or "over" is a span too ("N drones in two
// days", "within three weeks"), as a headline sums the nights of a spell.
// The count may open the span ("in the first five days of the month") or
// follow "the" after a word of duration ("over the two summer months"), and
// a season may stand before the plural.
func severalSpan(toks []token, i int) bool {
	j := i - 1
	if j >= 0 && seasonWord(toks[j].low) {
		j-- // "two summer months"
	}
	if j < 1 {
		return false
	}
	q := toks[j]
	if !(q.kind == kNum || q.low == "few" || q.low == "several" || q.low == "кілька") {
		return false
	}
	switch toks[j-1].low {
	case "past", "last", "previous", "first", "останні", "останніх", "минулі", "перші":
		return true
	case "in", "within", "over":
		return q.kind == kNum && q.n >= 2 // "in two days", "within three weeks": a span of several attacks
	case "the":
		if j >= 2 {
			switch toks[j-2].low {
			case "over", "during", "throughout", "in", "for":
				return true // "over the two summer months"
			}
		}
	}
	return false
}

func seasonWord(w string) bool {
	return w == "winter" || w == "summer" || w == "autumn" || w == "spring"
}

func agoWord(w string) bool {
	switch w {
	case "ago", "after", "before", "earlier", "later", "тому":
		return true
	}
	return false
}

// comparison: a time span that a superlative compares against ("the
// largest attack since the start of the war", "найбільша атака з початку
// вторгнення") is no span of the figures.
func comparison(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		lw := toks[k].low
		switch lw {
		case "largest", "biggest", "heaviest", "most", "record", "worst", "highest", "first", "longest", "massive", "larger", "bigger":
			return true
		}
		if strings.HasPrefix(lw, "найбільш") || strings.HasPrefix(lw, "наймасованіш") || strings.HasPrefix(lw, "рекордн") || strings.HasPrefix(lw, "наймасштабніш") {
			return true
		}
		if lw == "." || lw == ";" {
			return false
		}
	}
	return false
}

// ordinalAttack: the span at i counts attacks by an ordinal ("the third
// barrage in N days", "the seventh drone strike this month", "the 11th such
// raid in the past month"): the figures are the attack so numbered,
// not the span's total. The ordinal stands at most three words before a noun
// of attack, in the same clause as the span.
func ordinalAttack(toks []token, i int) bool {
	for k := i - 1; k >= 1 && k >= i-8; k-- {
		if toks[k].kind == kPunct {
			return false
		}
		if !attackNoun(toks[k].low) {
			continue
		}
		for q := k - 1; q >= 0 && q >= k-3; q-- {
			if ordinalWord(toks[q].low) {
				return true
			}
		}
	}
	return false
}

// attackNoun: a noun that names an attack ("attack", "strike", "raid",
// "barrage", "shelling", "an airstrike", "a wave", "a salvo").
func attackNoun(w string) bool {
	switch w {
	case "attack", "attacks", "strike", "strikes", "raid", "raids", "airstrike", "airstrikes", "shelling",
		"barrage", "barrages", "bombardment", "assault", "assaults", "blitz", "blitzes", "wave", "salvo":
		return true
	}
	return false
}

// ordinalWord: "second" to "twelfth", or digits with an ordinal ending ("14th", "21st").
func ordinalWord(w string) bool {
	switch w {
	case "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth":
		return true
	}
	n := 0
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	if n == 0 {
		return false
	}
	switch w[n:] {
	case "th", "st", "nd", "rd":
		return true
	}
	return false
}

// sinceSpan: "since the start", "since February 2022", "since 2022".
func sinceSpan(toks []token, i int, next string) bool {
	switch next {
	case "the", "february", "2022", "start", "beginning":
		return true
	}
	if i+1 >= len(toks) {
		return false
	}
	n := &toks[i+1]
	return n.month > 0 || n.kind == kOther || n.n >= 1990
}

// monthSpan: "in April", "у травні": a month's total.
func monthSpan(toks []token, i int, prev string) periodFlags {
	t := &toks[i]
	if t.month > 0 && dayOfMonthAt(toks, i) == 0 {
		if _, en := monthsEN[t.low]; en && (prev == "in" || prev == "during" || prev == "for") && t.low != "may" {
			return pwCumulative
		}
	}
	if monthPeriodFilter.may(t.low) && monthsUKPeriod[t.low] != 0 && (prev == "у" || prev == "в") {
		return pwCumulative
	}
	return 0
}

// dayOfMonthAt is the day next to the month name at toks[i] ("October 21",
// "21 October", "Dec. 27"), or 0.
func dayOfMonthAt(toks []token, i int) int {
	switch {
	case i+1 < len(toks) && toks[i+1].kind == kNum && toks[i+1].n >= 1 && toks[i+1].n <= 31:
		return toks[i+1].n
	case i+2 < len(toks) && toks[i+1].low == "." && toks[i+2].kind == kNum && toks[i+2].n >= 1 && toks[i+2].n <= 31:
		return toks[i+2].n
	case i > 0 && toks[i-1].kind == kNum && toks[i-1].n >= 1 && toks[i-1].n <= 31:
		return toks[i-1].n
	}
	return 0
}

// dateOf reads the date of a sentence: a day and month ("02 липня", "October
// 21"), else a weekday ("on Monday night"). A night whose window opens the
// evening before ("з 18:00 1 липня") ends the next day. A date after "as of"
// or "станом на" is the time of the count, not the attack's.
func dateOf(toks []token, pub, today time.Time, night bool, rs *ruleSet) (date, key string, weak bool) {
	for i := range toks {
		m := int(toks[i].month)
		d := 0
		if m > 0 {
			d = dayOfMonthAt(toks, i)
		}
		if d == 0 || asOfBefore(toks, i) {
			continue
		}
		if night {
			for _, j := range [2]int{i - 1, i + 1} {
				if j >= 0 && j < len(toks) && toks[j].kind == kNum && toks[j].n == d && toks[j].hi == d+1 {
					d = toks[j].hi // "the night of 23-24 January", "May 3-4": the night into the later day
					break
				}
			}
		}
		key = fmt.Sprintf("%02d-%02d", m, d)
		date = resolveDayMonth(pub, m, d)
		if y := yearAfterDate(toks, i, d, pub); y > 0 && rs.on(ruleWrittenYear) {
			date = writtenDate(y, m, d, date)
		}
		if rs.on(ruleEveningStart) && eveningStart(toks, i) {
			date, key = nextDay(date), key+"+1"
		} else if d2, k2, ok := closingDay(toks, i, pub); ok && rs.on(ruleClosingDay) {
			date, key = d2, k2
		}
		return date, key, false
	}
	for i := range toks {
		if toks[i].wday == 0 || asOfBefore(toks, i) {
			continue
		}
		if d, k, w, ok := weekdayDate(toks, i, pub, night, rs); ok {
			return d, k, w
		}
	}
	for i := range toks {
		if toks[i].low == "сьогодні" && !toDate(toks, i) && !today.IsZero() {
			// today: the day the text's speaker spoke, a time of its own
			// apart from a week's or a month's total in the sentence before
			return ymd(today), ymd(today), true
		}
	}
	return "", "", false
}

// yearAfterDate is the year written right after the day and the month at
// toks[i] ("18 березня 2024 року"), or 0. The Air Force's posts of 2023-2025
// date their night so; the year counts only when it is not after the
// published year (a year later than the report is no report's date).
func yearAfterDate(toks []token, i, d int, pub time.Time) int {
	k := i + 1
	if i == 0 || toks[i-1].kind != kNum || toks[i-1].n != d {
		return 0 // the day before the month, as Ukrainian writes it
	}
	if k >= len(toks) || toks[k].kind != kNum || len(toks[k].s) != 4 || toks[k].n < 2000 || toks[k].n > 2100 {
		return 0
	}
	if !pub.IsZero() && toks[k].n > pub.Year() {
		return 0
	}
	return toks[k].n
}

// writtenDate is the date of day d of month m in year y, or else (no such
// day) the date resolved from the publication.
func writtenDate(y, m, d int, resolved string) string {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return resolved
	}
	return ymd(t)
}

// toDate: "до сьогодні", "на сьогодні", "станом на сьогодні": a count up
// to today, not today's.
func toDate(toks []token, i int) bool {
	return i > 0 && (toks[i-1].low == "до" || toks[i-1].low == "на")
}

// speechDay: the day the text's speaker spoke, which its "today" names:
// the weekday of a saying the text gives ("написав у неділю", "said on
// Sunday") when it is not a night's, else the publication day.
func speechDay(sents []sentence, pub time.Time) time.Time {
	if pub.IsZero() {
		return pub
	}
	for _, s := range sents {
		for i := range s.toks {
			if s.toks[i].wday > 0 && saidDay(s.toks, i) && !tiedToNight(s.toks, i) && !hasNight(s.toks) {
				return resolveWeekday(pub, int(s.toks[i].wday)-1)
			}
		}
	}
	return pub
}

func nextDay(date string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	return ymd(t.AddDate(0, 0, 1))
}

// weekdayDate reads "on Monday night", "overnight into Saturday"; a weekday
// of saying ("said on Sunday") dates nothing unless the sentence speaks of a night.
func weekdayDate(toks []token, i int, pub time.Time, night bool, rs *ruleSet) (date, key string, weak, ok bool) {
	wd := int(toks[i].wday) - 1
	said := saidDay(toks, i) && !tiedToNight(toks, i)
	if said && !night && !hasNight(toks) {
		return "", "", false, false
	}
	if said {
		weak = true // the day the report was given: the night that ended that morning
	}
	key = "wd" + toks[i].low
	if pub.IsZero() {
		return "", key, weak, true
	}
	t := resolveWeekday(pub, wd)
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].low
	}
	if (next == "night" || next == "evening" || rs.on(ruleEveningStart) && eveningStart(toks, i)) && t.AddDate(0, 0, 1).Before(pub.AddDate(0, 0, 1)) ||
		overnightOn(toks, i) && ymd(t.AddDate(0, 0, 1)) <= ymd(pub) {
		t = t.AddDate(0, 0, 1)
	}
	return ymd(t), key, weak, true
}

// overnightOn: "overnight Saturday", "overnight on Tuesday" (not "overnight
// into Tuesday"): the night that began that weekday, as "Saturday night" is,
// so a report published the next day dates it that next morning; on the
// weekday itself it is the night just ended (the shift stops at the
// publication day).
func overnightOn(toks []token, i int) bool {
	k := i - 1
	if k >= 0 && toks[k].low == "on" {
		k--
	}
	return k >= 0 && toks[k].low == "overnight"
}

// saidDay: the weekday at i is the day a report was given ("said on
// Monday", "in a statement on Monday").
func saidDay(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		lw := toks[k].low
		if saidWords[lw] || lw == "statement" || lw == "update" || lw == "post" {
			return true
		}
		if lw == "," || lw == "overnight" || lw == "night" {
			return false
		}
	}
	return false
}

// tiedToNight: a night word belongs to the weekday at i ("on Monday night",
// "overnight into Monday", "overnight Monday").
func tiedToNight(toks []token, i int) bool {
	if i+1 < len(toks) && (toks[i+1].low == "night" || toks[i+1].low == "evening") {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if lw := toks[k].low; lw == "overnight" || lw == "into" || lw == "night" {
			return true
		}
	}
	return false
}

// habitual: the day or night word at toks[i] states a rate ("each night",
// "every day", "per night", "60 drones a night", "кожної ночі").
func habitual(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	switch p := toks[i-1].low; {
	case p == "each" || p == "every" || p == "per" || strings.HasPrefix(p, "кожн"):
		return true
	case (p == "a" || p == "an") && i >= 2:
		// "a night" after a counted noun or a number, not "in a night", nor "a day after"
		if i+1 < len(toks) {
			switch toks[i+1].low {
			case "after", "before", "later", "earlier", "ahead", "of", "when":
				return false
			}
		}
		q := toks[i-2]
		if q.kind == kNum {
			return true
		}
		cl, _ := headClass(q.low)
		return cl.weapon() || q.low == "attacks" || q.low == "strikes"
	}
	return false
}

func hasNight(toks []token) bool {
	for ix := range toks {
		switch toks[ix].low {
		case "overnight", "night", "вночі", "ніч", "уночі":
			return true
		}
	}
	return false
}

// asOfBefore: "as of HH:MM on <weekday>, <month> <day>", "станом на HH:MM".
func asOfBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		lw := toks[k].low
		if lw == "станом" || (lw == "of" && k > 0 && toks[k-1].low == "as") {
			return true
		}
		if lw == "." || lw == ";" {
			return false
		}
	}
	return false
}

// eveningStart: "з HH:MM <day> <month>", "beginning at HH:MM on <weekday>, <month> <day>".
func eveningStart(toks []token, i int) bool {
	from, evening := false, false
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		switch toks[k].low {
		case "з", "із", "from", "beginning", "starting", "since", "від":
			from = true
		}
		if h, _, _, ok := clockAt(toks, k); ok && h >= 17 && h <= 23 {
			evening = true
		}
	}
	return from && evening && !closesByMidnight(toks)
}

// closingDay: the date at toks[i] opens a window ("із 14.00 12 грудня") that
// closes on a later day it names ("по 10.00 13 грудня", "до 07:00 13
// грудня"). The attack ran into that morning, so it is dated by the day the
// window closes, as the template's night is.
func closingDay(toks []token, i int, pub time.Time) (date, key string, ok bool) {
	opened := false
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if windowOpens(toks[k].low) {
			opened = true
		}
	}
	if !opened {
		return "", "", false
	}
	for k := i + 1; k+1 < len(toks) && k <= i+4; k++ {
		if !windowCloses(toks[k].low) {
			continue
		}
		_, _, n, isClock := clockAt(toks, k+1)
		if !isClock {
			return "", "", false
		}
		for p := n; p < len(toks) && p < n+2; p++ {
			if mo := int(toks[p].month); mo > 0 {
				if d := dayOfMonthAt(toks, p); d > 0 && p > n {
					date = resolveDayMonth(pub, mo, d)
					if y := yearAfterDate(toks, p, d, pub); y > 0 {
						date = writtenDate(y, mo, d, date)
					}
					return date, fmt.Sprintf("%02d-%02d", mo, d), date > ymdOrEmpty(toks, i, pub)
				}
			}
		}
		return "", "", false
	}
	return "", "", false
}

// ymdOrEmpty is the resolved date of the day and month at toks[i].
func ymdOrEmpty(toks []token, i int, pub time.Time) string {
	d := dayOfMonthAt(toks, i)
	if d == 0 {
		return ""
	}
	return resolveDayMonth(pub, int(toks[i].month), d)
}

// closesByMidnight: the sentence's window closes on its opening day, at a
// later evening hour or at midnight ("from 20:00 to 23:00", "з 18:00 до
// 24:00", "until midnight"). Russia's ministry reports such an evening
// window apart from the night after it, and the Air Force's night template
// runs into the next morning: a window that closes by midnight belongs to
// the day it opened, not to the night that follows.
func closesByMidnight(toks []token) bool {
	for k := 0; k+1 < len(toks); k++ {
		if !windowCloses(toks[k].low) && toks[k].low != "-" && toks[k].low != "–" {
			continue
		}
		if toks[k+1].low == "midnight" || toks[k+1].low == "опівночі" {
			return true
		}
		if h, m, _, ok := clockAt(toks, k+1); ok && (h >= 17 && h <= 23 || h == 24 && m == 0) {
			return true
		}
	}
	return false
}

// clockAt reads a time of day at toks[k]: "18:00", "18.00", "7.00", "9
// p.m.", "6:30 p.m."; it returns the hour, minute and the index after it.
func clockAt(toks []token, k int) (h, m, next int, ok bool) {
	if k < 0 || k >= len(toks) {
		return 0, 0, 0, false
	}
	t := &toks[k]
	switch {
	case t.kind == kOther:
		sep := strings.IndexAny(t.s, ":.")
		if sep < 1 || len(t.s)-sep != 3 {
			return 0, 0, 0, false
		}
		h, m = atoi(t.s[:sep]), atoi(t.s[sep+1:])
	case t.kind == kNum && !t.words && t.n <= 12 && meridiem(toks, k+1) != "":
		h = t.n
	default:
		return 0, 0, 0, false
	}
	next = k + 1
	switch meridiem(toks, next) {
	case "p":
		if h < 12 {
			h += 12
		}
		next += 3
	case "a":
		if h == 12 {
			h = 0
		}
		next += 3
	}
	if h > 24 || m > 59 {
		return 0, 0, 0, false
	}
	return h, m, next, true
}

// meridiem reads "a.m." or "p.m." at toks[k]: "a", "p" or "".
func meridiem(toks []token, k int) string {
	if k+2 >= len(toks) || toks[k+1].low != "." || toks[k+2].low != "m" {
		return ""
	}
	if w := toks[k].low; w == "a" || w == "p" {
		return w
	}
	return ""
}

// One attack's largest counts in the Air Force's daily data (2022-2026):
// 127 missiles (26 August 2024) and 810 drones (7 September 2025). A figure
// well above them, in a sentence with no time word, counts the war (or a
// long spell) to date: "Russia has fired more than 4,000 missiles", "more
// than 200 missiles of one type have hit Ukraine".
const (
	maxAttackMissiles = 200
	maxAttackDrones   = 1000
	// no single strike of the war has killed or wounded more than a few
	// hundred people; a toll above this, with no time word, is the war's
	// ("the attacks have killed more than 12,000 civilians")
	maxAttackPeople = 1000
)

// warScale: a launched, shot-down or hit figure of missiles or drones, or a
// toll of people killed or hurt, larger than any one attack's.
func warScale(figs []figure) bool {
	for i := range figs {
		f := &figs[i]
		if !f.known || f.out == outNone {
			continue
		}
		switch {
		case f.out.people():
			if f.n > maxAttackPeople {
				return true
			}
		case f.class == classMissile && f.n > maxAttackMissiles:
			return true
		case f.class == classDrone && f.n > maxAttackDrones:
			return true
		}
	}
	return false
}

// pastYear: the sentence dates what it tells by an earlier year than the
// report's ("in 2014", "in 2022" in a report of 2023) and names no time of
// the present (overnight, today, a weekday): its figures are history (a
// plane downed or a missile fired years before the report), not an attack
// to report. A year that only dates the war's start or an
// annexation ("annexed in 2014", "since the invasion in 2022") or that a
// superlative compares against is not matched.
func pastYear(toks []token, pub time.Time) bool {
	if pub.IsZero() {
		return false
	}
	past := false
	for i := range toks {
		t := &toks[i]
		if t.wday > 0 {
			return false
		}
		switch t.low {
		case "overnight", "today", "tonight", "night", "вночі", "уночі", "сьогодні":
			return false
		}
		if t.kind != kNum || len(t.s) != 4 || t.n < 1990 || t.n >= pub.Year() || i == 0 || toks[i-1].low != "in" {
			continue
		}
		if i >= 2 && toks[i-2].month > 0 || warStart(toks, i) || comparison(toks, i) || !weaponInClause(toks, i) {
			continue
		}
		past = true
	}
	return past
}

// weaponInClause: a weapon's noun or name stands in the clause of toks[i],
// with no comma, semicolon or stop between ("hit by a missile in 2014", not
// "the missile ..., near the bridge, built in 2014").
func weaponInClause(toks []token, i int) bool {
	for _, dir := range [2]int{-1, 1} {
		for k := i + dir; k >= 0 && k < len(toks); k += dir {
			if lw := toks[k].low; lw == "," || lw == ";" || lw == "." {
				break
			}
			if toks[k].head == classDrone || toks[k].head == classMissile || toks[k].model {
				return true
			}
		}
	}
	return false
}

// warStart: a year after a word of the war's start, an annexation or an
// occupation within four words before it.
func warStart(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch toks[k].low {
		case "annexed", "annexation", "seized", "occupied", "captured", "invaded", "invasion", "began", "begun",
			"started", "start", "since", "war", "launched", "full-scale":
			return true
		}
	}
	return false
}
