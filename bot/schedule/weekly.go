package schedule

import "time"

// ChartWeek says whether slot, a slot of the schedule sc, is the schedule's
// first on or after Monday 00:00 of its week on sc's wall clock: the digest
// that brings the weekly chart. monday is that Monday (a civil date,
// "2006-01-02"), the week the chart's dedupe key names.
//
// The rule follows the schedule, not the weekday of the slot: a schedule of
// Tuesdays and Fridays brings the chart on Tuesday; one of every six hours,
// at Monday 00:00. A week has one such slot whatever daylight saving does to
// it (Monday's midnight is read as the schedule reads wall times, so one
// inside a gap is the instant just after it).
func ChartWeek(sc Schedule, slot time.Time) (monday string, first bool) {
	if sc.IsZero() || slot.IsZero() {
		return "", false
	}
	loc := sc.Location()
	w := wall(slot, loc)
	back := (int(w.Weekday()) + 6) % 7 // days since Monday
	start := time.Date(w.Year(), w.Month(), w.Day()-back, 0, 0, 0, 0, time.UTC)
	first = sc.Next(instant(start, loc).Add(-time.Nanosecond)).Equal(slot)
	return start.Format(time.DateOnly), first
}
