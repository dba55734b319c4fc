package text

import "time"

// weekdays are the names of the days of the week in English and Ukrainian,
// lower case: the nominative and the accusative a date takes after "on"
// ("у суботу"), with both apostrophes Ukrainian text uses (' and ʼ).
var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"неділя": time.Sunday, "неділю": time.Sunday, "понеділок": time.Monday, "вівторок": time.Tuesday,
	"середа": time.Wednesday, "середу": time.Wednesday, "четвер": time.Thursday,
	"п'ятниця": time.Friday, "п'ятницю": time.Friday, "пʼятниця": time.Friday, "пʼятницю": time.Friday,
	"субота": time.Saturday, "суботу": time.Saturday,
}

// Weekday returns the day a lower-case word names ("friday", "п'ятницю").
func Weekday(lower string) (time.Weekday, bool) {
	d, ok := weekdays[lower]
	return d, ok
}

// WeekdayWords returns every word Weekday knows, for callers that index
// their lexicons.
func WeekdayWords() []string {
	out := make([]string, 0, len(weekdays))
	for w := range weekdays {
		out = append(out, w)
	}
	return out
}
