package locale

import (
	"strconv"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// Args are a message's named values: {{.Name}} in the catalogue.
type Args map[string]any

// Printer writes messages and dates in one language. It is safe for
// concurrent use.
type Printer struct {
	lang Lang
	loc  *i18n.Localizer
}

func newPrinter(c *Catalogue, l Lang) *Printer {
	return &Printer{lang: l, loc: i18n.NewLocalizer(c.bundle, string(l), string(English))}
}

// Lang is the printer's language.
func (p *Printer) Lang() Lang { return p.lang }

// T returns the message key with args, in the printer's language or, when
// that lacks it, in English. A key no language has comes back as itself,
// so a slip shows in the text instead of blanking it.
func (p *Printer) T(key string, args ...Args) string {
	lc := &i18n.LocalizeConfig{MessageID: key}
	if len(args) > 0 {
		lc.TemplateData = map[string]any(args[0])
	}
	s, err := p.loc.Localize(lc)
	if s == "" && err != nil {
		return key
	}
	return s
}

// Lookup is T for a key that may be in no language (a name the catalogue
// may translate): ok is false when it is not.
func (p *Printer) Lookup(key string, args ...Args) (string, bool) {
	lc := &i18n.LocalizeConfig{MessageID: key}
	if len(args) > 0 {
		lc.TemplateData = map[string]any(args[0])
	}
	s, _ := p.loc.Localize(lc)
	return s, s != ""
}

// N returns the plural message key for count n ({{.Count}} in the
// catalogue), in the form the language's rules choose for n: English "one"
// and "other"; Ukrainian "one" (1, 21), "few" (2-4, 22-24) and "many" (5-20).
func (p *Printer) N(key string, n int, args ...Args) string {
	data := map[string]any{}
	if len(args) > 0 {
		for k, v := range args[0] {
			data[k] = v
		}
	}
	data["Count"] = n
	s, err := p.loc.Localize(&i18n.LocalizeConfig{MessageID: key, PluralCount: n, TemplateData: data})
	if s == "" && err != nil {
		return strconv.Itoa(n) + " " + key
	}
	return s
}

// NLookup is N for a key that may be in no language: ok is false when it
// is not.
func (p *Printer) NLookup(key string, n int) (string, bool) {
	s, err := p.loc.Localize(&i18n.LocalizeConfig{MessageID: key, PluralCount: n, TemplateData: map[string]any{"Count": n}})
	_ = err
	return s, s != ""
}

// Month returns the month's name as it stands after a day number ("17
// September", Ukrainian in the genitive: "17 вересня").
func (p *Printer) Month(m time.Month) string { return p.T("date.month." + strconv.Itoa(int(m))) }

// Weekday returns the weekday's short name ("Mon", "пн").
func (p *Printer) Weekday(d time.Weekday) string { return p.T("date.weekday." + strconv.Itoa(int(d))) }

// Date writes t's day ("17 September 2025", "17 вересня 2025"); t is
// already in the reader's time zone.
func (p *Printer) Date(t time.Time) string {
	return p.T("date.day", Args{"Day": t.Day(), "Month": p.Month(t.Month()), "Year": t.Year()})
}

// DayMonth writes t's day without the year ("17 September").
func (p *Printer) DayMonth(t time.Time) string {
	return p.T("date.day_month", Args{"Day": t.Day(), "Month": p.Month(t.Month())})
}

// Night names the night that ended on t's day: "night of 17 September
// 2025", "у ніч на 17 вересня 2025".
func (p *Printer) Night(t time.Time) string { return p.T("date.night", Args{"Date": p.Date(t)}) }

// Clock writes t's time of day ("08:05").
func (p *Printer) Clock(t time.Time) string { return t.Format("15:04") }

// DayTime writes t's day and time ("17 September 08:05").
func (p *Printer) DayTime(t time.Time) string {
	return p.T("date.day_time", Args{"Date": p.DayMonth(t), "Time": p.Clock(t)})
}

// WeekdayTime writes t's weekday, day, time and zone abbreviation ("Wed 17
// September 08:05 EEST", "ср 17 вересня 08:05 EEST").
func (p *Printer) WeekdayTime(t time.Time) string {
	return p.T("date.weekday_time", Args{"Weekday": p.Weekday(t.Weekday()), "Date": p.DayMonth(t),
		"Time": p.Clock(t), "Zone": t.Format("MST")})
}

// Window names the span [since, until) in loc: "26 Nov 2026, 06:00–14:00
// EET" within one day, "25 Nov 08:00 – 26 Nov 2026 08:00 EET" otherwise.
func (p *Printer) Window(since, until time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	s, u := since.In(loc), until.In(loc)
	a := Args{"Zone": u.Format("MST"), "To": p.Date(u) + " " + p.Clock(u)}
	switch {
	case s.Year() == u.Year() && s.YearDay() == u.YearDay():
		a["Date"], a["From"], a["To"] = p.Date(s), p.Clock(s), p.Clock(u)
		return p.T("date.window_day", a)
	case s.Year() == u.Year():
		a["From"] = p.DayTime(s)
	default:
		a["From"] = p.Date(s) + " " + p.Clock(s)
	}
	return p.T("date.window", a)
}
