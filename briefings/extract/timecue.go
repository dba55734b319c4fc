package extract

import (
	"fmt"
	"strings"
	"time"
)

// Periods of an attack.
const (
	periodOvernight  = "overnight"
	periodDay        = "day"
	period24h        = "24h"
	periodCumulative = "cumulative"
)

// timeInfo is what a sentence says about when the figures apply.
type timeInfo struct {
	has    bool
	period string
	date   string // YYYY-MM-DD when resolved
	key    string // compares two time expressions
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

var saidWords = map[string]bool{"said": true, "says": true, "told": true, "reported": true, "announced": true, "stated": true, "added": true, "заявив": true, "повідомили": true, "повідомив": true}

// timeCue reads the time expression of a sentence.
func timeCue(toks []token, pub time.Time) timeInfo {
	var ti timeInfo
	night, day, h24, cum := false, false, false, false
	date := ""
	dateKey := ""
	for i := 0; i < len(toks); i++ {
		lw := toks[i].low
		prev := ""
		if i > 0 {
			prev = toks[i-1].low
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].low
		}
		switch lw {
		case "overnight", "nighttime", "вночі", "уночі", "ніч", "ночі", "night", "нічна", "нічну", "нічної", "нічний", "нічного":
			if habitual(toks, i) {
				// "each night", "100 drones a night", "кожної ночі": a rate, not one attack
				cum = true
				continue
			}
			night = true
		case "щоночі", "щодня", "щодоби", "щотижня", "щомісяця":
			cum = true
		case "daytime", "вдень":
			day = true
		case "дня":
			if prev == "протягом" || prev == "впродовж" {
				day = true
			}
			if habitual(toks, i) {
				cum = true
			}
		case "day":
			if prev == "the" && i >= 2 && toks[i-2].low == "during" {
				day = true
			}
			if prev == "past" {
				h24 = true
			}
			if habitual(toks, i) {
				cum = true
			}
		case "hours":
			if prev == "24" {
				h24 = true
			}
		case "доби", "добу":
			if habitual(toks, i) || prev == "на" {
				cum = true
				continue
			}
			h24 = true
		case "день":
			if habitual(toks, i) {
				cum = true
			}
		case "average", "середньому", "середнього":
			cum = true
		case "since":
			if next == "the" || next == "february" || next == "2022" || next == "start" || next == "beginning" || (i+1 < len(toks) && toks[i+1].month > 0) || (i+1 < len(toks) && toks[i+1].kind == kOther) || (i+1 < len(toks) && toks[i+1].n >= 1990) {
				cum = true
			}
		case "month", "year", "week", "місяць", "місяця", "тиждень", "рік", "року":
			if prev == "this" || prev == "last" || prev == "past" || prev == "за" || prev == "цього" || prev == "минулого" {
				if !(lw == "year" && (next == "war" || next == "old")) {
					cum = true
				}
			}
		case "початку":
			cum = true
		case "повномасштабного", "full-scale":
			if prev == "the" || prev == "початку" || prev == "of" {
				cum = true
			}
		case "today", "сьогодні", "yesterday", "вчора":
			// the report's day
		}
		if m := int(toks[i].month); m > 0 {
			// "October 21", "21 October", "02 липня"
			d := 0
			if i+1 < len(toks) && toks[i+1].kind == kNum && toks[i+1].n >= 1 && toks[i+1].n <= 31 {
				d = toks[i+1].n
			} else if i+2 < len(toks) && toks[i+1].low == "." && toks[i+2].kind == kNum && toks[i+2].n <= 31 {
				d = toks[i+2].n
			} else if i > 0 && toks[i-1].kind == kNum && toks[i-1].n >= 1 && toks[i-1].n <= 31 {
				d = toks[i-1].n
			}
			if d == 0 {
				if _, ok := monthsEN[lw]; ok && (prev == "in" || prev == "during" || prev == "for") && lw != "may" {
					cum = true
				}
				continue
			}
			if date != "" || dateKey != "" {
				continue
			}
			if asOfBefore(toks, i) {
				continue
			}
			dk := fmt.Sprintf("%02d-%02d", m, d)
			dt := resolveDayMonth(pub, m, d)
			if eveningStart(toks, i) {
				if dt != "" {
					t, _ := time.Parse("2006-01-02", dt)
					dt = ymd(t.AddDate(0, 0, 1))
				}
				dk += "+1"
			}
			date, dateKey = dt, dk
			continue
		}
		if monthPeriodFilter.may(lw) && monthsUKPeriod[lw] != 0 && (prev == "у" || prev == "в") {
			cum = true
		}
		if wd, ok := int(toks[i].wday)-1, toks[i].wday > 0; ok {
			if date != "" || dateKey != "" {
				continue
			}
			if asOfBefore(toks, i) {
				continue
			}
			said := false
			for k := i - 1; k >= 0 && k >= i-3; k-- {
				if saidWords[toks[k].low] {
					said = true
				}
			}
			nightAfter := next == "night" || next == "evening"
			if said && !night && !hasNight(toks) {
				continue
			}
			dateKey = "wd" + lw
			if !pub.IsZero() {
				t := resolveWeekday(pub, wd)
				if nightAfter && t.AddDate(0, 0, 1).Before(pub.AddDate(0, 0, 1)) {
					t = t.AddDate(0, 0, 1)
				}
				date = ymd(t)
			}
			if prev == "on" || prev == "early" || prev == "into" || prev == "на" || prev == "overnight" || night || nightAfter {
				ti.has = true
			}
			ti.has = true
		}
	}
	switch {
	case cum:
		ti.period = periodCumulative
	case h24:
		ti.period = period24h
	case day && !night:
		ti.period = periodDay
	case night:
		ti.period = periodOvernight
	}
	if ti.period != "" || dateKey != "" {
		ti.has = true
	}
	if date == "" && dateKey == "" && !pub.IsZero() && (night || h24 || day) {
		date = ymd(pub)
	}
	ti.date = date
	k := dateKey
	if date != "" {
		k = date
	}
	ti.key = ti.period + "|" + k
	return ti
}

// habitual: the day or night word at toks[i] states a rate ("each night",
// "every day", "per night", "60 drones a night", "кожної ночі"), so the
// figures are a typical night's, not one attack's.
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
		return cl == clDrone || cl == clMissile || cl == clMixed || cl == clBomb || q.low == "attacks" || q.low == "strikes"
	}
	return false
}

func hasNight(toks []token) bool {
	for ix := range toks {
		t := &toks[ix]
		switch t.low {
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
	from := false
	evening := false
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		t := &toks[k]
		switch t.low {
		case "з", "із", "from", "beginning", "starting", "since", "від":
			from = true
		}
		if t.kind == kOther && len(t.s) >= 4 {
			h := atoi(t.s)
			if h >= 17 && h <= 23 {
				evening = true
			}
		}
	}
	return from && evening
}
