package history

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep/briefings"
)

// RecordDay is one day's reports of record beside the reports read from
// text of the same day: both are kept, and the record is the figure of
// record.
type RecordDay struct {
	Date string
	// Drones and Missiles sum the day's national records' figures.
	Drones, Missiles Point
	// URLs link the records' original posts.
	URLs []string
	// Differ names the outlets whose report of the day states a launched or
	// brought-down figure other than the record's.
	Differ []string
}

// RecordDays lists, newest first, the days of records (national, attacks on
// Ukraine), each with the outlets whose reports of that day disagree.
func RecordDays(records []*briefings.AttackRecord, reports []*briefings.AttackReport) []RecordDay {
	idx := index(records, reports)
	var out []RecordDay
	for date := range idx.records {
		d := RecordDay{Date: date}
		d.Drones, _ = dayPoint(dayIndex{records: idx.records}, date, Drones)
		d.Missiles, _ = dayPoint(dayIndex{records: idx.records}, date, Missiles)
		for _, r := range idx.records[date] {
			if r.URL != "" && !slices.Contains(d.URLs, r.URL) {
				d.URLs = append(d.URLs, r.URL)
			}
		}
		for _, r := range idx.reports[date] {
			if differs(r, d) {
				name := r.SourceName
				if name == "" {
					name = r.Source
				}
				if name != "" && !slices.Contains(d.Differ, name) {
					d.Differ = append(d.Differ, name)
				}
			}
		}
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b RecordDay) int { return strings.Compare(b.Date, a.Date) })
	return out
}

// differs: the report states a figure of a class the record states too,
// with another value.
func differs(r *briefings.AttackReport, d RecordDay) bool {
	for _, c := range []struct {
		class Class
		p     Point
	}{{Drones, d.Drones}, {Missiles, d.Missiles}} {
		l, down := figures(r, c.class)
		if l != nil && c.p.LaunchedStated && *l != c.p.Launched {
			return true
		}
		if down != nil && c.p.DownStated && *down != c.p.Down {
			return true
		}
	}
	return false
}
