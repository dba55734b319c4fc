package extract

import (
	"fmt"
	"strings"
	"time"
)

// The Air Force's report states when its count was made ("станом на 08:00",
// "as of 10:00 a.m.") and the window it covers ("у ніч на 17 вересня (з
// 18:00 16 вересня)", "протягом дня 3 травня (із 6.45 до 19.10)"); it says
// when the attack is still going on ("Атака триває").

// clockTimes reads the time of the count and the window of a sentence.
func clockTimes(toks []token, pub time.Time, ti timeInfo) (asOf, start, end string) {
	for k := 0; k < len(toks); k++ {
		lw := toks[k].low
		switch {
		case (lw == "станом" && k+1 < len(toks) && toks[k+1].low == "на") || (lw == "as" && k+1 < len(toks) && toks[k+1].low == "of"):
			if h, m, _, ok := clockAt(toks, skipAt(toks, k+2)); ok && asOf == "" {
				asOf = fmt.Sprintf("%02d:%02d", h, m)
			}
		case lw == "на" && asOf == "":
			if h, m, _, ok := clockAt(toks, k+1); ok {
				asOf = fmt.Sprintf("%02d:%02d", h, m)
			}
		case start == "" && windowOpens(lw):
			if s, e, next, ok := windowAt(toks, skipAt(toks, k+1), pub, ti); ok {
				start, end = s, e
				k = next - 1
			}
		}
	}
	return asOf, start, end
}

func windowOpens(w string) bool {
	switch w {
	case "з", "із", "from", "beginning", "starting", "від":
		return true
	}
	return false
}

// skipAt steps over "at" before a time ("beginning at 21:00").
func skipAt(toks []token, k int) int {
	if k < len(toks) && toks[k].low == "at" {
		return k + 1
	}
	return k
}

// windowAt reads "18:00 16 вересня", "21:00 on Friday, September 26", "7.00
// до 18.30", "10 p.m. to 3:15 a.m." at toks[k].
func windowAt(toks []token, k int, pub time.Time, ti timeInfo) (start, end string, next int, ok bool) {
	if k >= len(toks) {
		return "", "", 0, false
	}
	h, m, next, ok := clockAt(toks, k)
	if !ok {
		return "", "", 0, false
	}
	anchor := pub
	if t, err := time.Parse("2006-01-02", ti.date); err == nil {
		anchor = t // the window's day is the night's or the day's before it, in that date's year
	}
	day, after := dayAfter(toks, next, anchor)
	if day == "" {
		day = windowDay(ti, h, true)
	}
	start = stamp(day, h, m)
	if after < len(toks) && (windowCloses(toks[after].low) || toks[after].low == "-") {
		if h2, m2, n2, ok := clockAt(toks, after+1); ok {
			day2, n3 := dayAfter(toks, n2, anchor)
			if day2 == "" {
				day2, n3 = windowDay(ti, h2, false), n2
			}
			end, after = stamp(day2, h2, m2), n3
		}
	}
	return start, end, after, true
}

// windowCloses: the word before a window's closing time ("до 18.30", "по
// 07.00", "to 3:15 a.m."). The Air Force writes both "з ... до" and "із ...
// по"; "по" counts only before a time of day, where it cannot name a target.
func windowCloses(w string) bool {
	switch w {
	case "до", "по", "to", "until", "till":
		return true
	}
	return false
}

// dayAfter reads the day after a time: "16 вересня", "on Friday, September
// 26", "on November 7"; "" when none is named.
func dayAfter(toks []token, k int, pub time.Time) (string, int) {
	q := k
	for q < len(toks) && q < k+3 && (toks[q].low == "on" || toks[q].low == "," || toks[q].wday > 0) {
		q++
	}
	for p := q; p < len(toks) && p < q+2; p++ {
		if mo := int(toks[p].month); mo > 0 {
			if d := dayOfMonthAt(toks, p); d > 0 {
				end := p + 1
				if p+1 < len(toks) && toks[p+1].kind == kNum {
					end = p + 2
				}
				return resolveDayMonth(pub, mo, d), end
			}
		}
	}
	return "", k
}

// windowDay is the day of a window's time that names no day: a night's
// evening is the day before the night's date.
func windowDay(ti timeInfo, h int, opening bool) string {
	if ti.date == "" {
		return ""
	}
	if ti.period == periodOvernight && opening && h >= 12 {
		t, err := time.Parse("2006-01-02", ti.date)
		if err != nil {
			return ""
		}
		return ymd(t.AddDate(0, 0, -1))
	}
	return ti.date
}

// stamp writes "YYYY-MM-DDTHH:MM", or "HH:MM" when the day is unknown.
func stamp(day string, h, m int) string {
	if day == "" {
		return fmt.Sprintf("%02d:%02d", h, m)
	}
	return fmt.Sprintf("%sT%02d:%02d", day, h, m)
}

// completeStamp dates an "HH:MM" window time by the event's date.
func completeStamp(s string, date string, p period, opening bool) string {
	if len(s) != 5 || date == "" {
		return s
	}
	h, m := atoi(s[:2]), atoi(s[3:])
	return stamp(windowDay(timeInfo{date: date, period: p}, h, opening), h, m)
}

// ongoing: the sentence says the attack goes on ("Атака триває", "the attack
// is ongoing", "бойова робота триває") or that weapons are still in the air.
func ongoing(toks []token) bool {
	attackAt, goesOn, inAir, weapon := -10, false, false, false
	for i := range toks {
		lw := toks[i].low
		switch lw {
		case "атака", "атаки", "атаку", "робота", "тривога":
			attackAt = i
		case "attack", "attacks", "assault", "raid", "alert":
			if i > 0 && definite(toks[i-1].low) && !conditional(toks[:i]) {
				attackAt = i // "the attack is ongoing", not "when an attack continues"
			}
		case "триває", "тривають", "продовжується", "продовжуються", "ongoing", "continues", "continuing", "underway":
			goesOn = goesOn || i-attackAt <= 4
		case "way":
			goesOn = goesOn || i > 0 && toks[i-1].low == "under" && i-attackAt <= 5
		case "повітрі", "air", "airspace":
			inAir = inAir || i > 0 && (toks[i-1].low == "в" || toks[i-1].low == "у" || toks[i-1].low == "the") && !(i+1 < len(toks) && toks[i+1].kind == kWord && lw == "air")
		case "просторі":
			inAir = inAir || i > 0 && strings.HasPrefix(toks[i-1].low, "повітрян")
		}
		if toks[i].head.weapon() {
			weapon = true
		}
	}
	return goesOn || inAir && weapon && stillWord(toks)
}

func definite(w string) bool {
	return w == "the" || w == "this" || w == "russia's" || w == "drone" || w == "missile"
}

// conditional: a clause of when or if, which states no fact of this attack.
func conditional(toks []token) bool {
	for i := range toks {
		switch toks[i].low {
		case "when", "if", "whenever", "коли", "якщо":
			return true
		}
	}
	return false
}

// stillWord: "still", "remain", "спостерігаються", "залишаються".
func stillWord(toks []token) bool {
	for i := range toks {
		switch toks[i].low {
		case "still", "remain", "remained", "remaining", "спостерігаються", "залишаються", "перебувають":
			return true
		}
	}
	return false
}
