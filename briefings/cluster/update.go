package cluster

import (
	"strings"
	"time"
)

// A channel writes one event up in several posts: the Air Force's tally of
// the night and its update with revised figures, a city's first count of a
// strike's injured and the revised one. The update often names no date
// ("update: 103 drones in all, 81 downed"), so its report identifies no
// event (AttackReport.StoryKey needs a date), and its figures, revised,
// share none with the first post's. An undated report still says whose
// attack on whom and where (its key without the date); for two articles of
// one source, update relates it to the source's dated report of the same
// attacker, target and regions by the time it was published.

// updateGap is how far apart two undated reports of one source, of the
// same attacker, target and regions, may be published to be one event.
const updateGap = 6 * time.Hour

// The reporting window of a dated event, in UTC: a night's attack (the
// night that ends on its date) is reported from the evening before
// (alerts, first strikes) until the afternoon of its date (revised
// tallies, casualty counts); a daytime attack from the morning of its
// date until the night after it. Kyiv is two or three hours ahead of UTC.
const (
	nightFrom = -9 * time.Hour // the evening before: 15:00 UTC
	nightTo   = 15 * time.Hour // 15:00 UTC on the date
	dayFrom   = 3 * time.Hour  // 03:00 UTC on the date
	dayTo     = 24 * time.Hour // midnight UTC after the date
)

// addEvent files an event key under the dated events or the undated
// reports.
func (s *sig) addEvent(e string) {
	if undatedKey(e) {
		s.undated = append(s.undated, e)
	} else {
		s.events = append(s.events, e)
	}
}

// undatedKey: the key of a report that names no date ("RU>UA@" or
// "RU>UA@/Kharkiv").
func undatedKey(k string) bool {
	_, tail, ok := strings.Cut(k, "@")
	return ok && (tail == "" || tail[0] == '/')
}

// splitEvent reads an event key: its base (attacker, target and regions,
// without the date and the day mark), its date (zero when undated or
// unreadable) and whether it is a daytime event.
func splitEvent(k string) (base string, date time.Time, day bool) {
	head, tail, ok := strings.Cut(k, "@")
	if !ok {
		return k, time.Time{}, false
	}
	d, rest, _ := strings.Cut(tail, "/")
	if rest == "day" || strings.HasPrefix(rest, "day/") {
		day, rest = true, strings.TrimPrefix(strings.TrimPrefix(rest, "day"), "/")
	}
	date, _ = time.Parse("2006-01-02", d)
	return head + "/" + rest, date, day
}

// eventBase is the key of an event without its date and day mark.
func eventBase(k string) string {
	b, _, _ := splitEvent(k)
	return b
}

// inWindow reports whether an article published at t may report the
// dated event k (see nightFrom).
func inWindow(k string, t time.Time) bool {
	_, d, day := splitEvent(k)
	if d.IsZero() {
		return false
	}
	from, to := d.Add(nightFrom), d.Add(nightTo)
	if day {
		from, to = d.Add(dayFrom), d.Add(dayTo)
	}
	return !t.Before(from) && !t.After(to)
}

// update judges two articles of one source, published at ta and tb, by
// their undated reports: 1 when one of them has an undated report of the
// same attacker, target and regions as a dated event of the other and was
// published in that event's reporting window, or both have such undated
// reports published within updateGap; -1 when an undated report matches
// the other's dated event but falls outside its window (another night,
// or the day after); 0 when the reports say nothing (both dated:
// similarity compares the events themselves).
func update(a, b *sig, ta, tb time.Time) int {
	if len(a.undated) == 0 && len(b.undated) == 0 || len(a.events) > 0 && len(b.events) > 0 {
		return 0
	}
	verdict := 0
	judge := func(dated, undated []string, t time.Time) bool {
		for _, d := range dated {
			base := eventBase(d)
			for _, u := range undated {
				if eventBase(u) != base {
					continue
				}
				if inWindow(d, t) {
					return true
				}
				verdict = -1
			}
		}
		return false
	}
	if judge(a.events, b.undated, tb) || judge(b.events, a.undated, ta) {
		return 1
	}
	gap := ta.Sub(tb)
	if gap < 0 {
		gap = -gap
	}
	if gap <= updateGap {
		for _, u := range a.undated {
			for _, v := range b.undated {
				if eventBase(u) == eventBase(v) {
					return 1
				}
			}
		}
	}
	return verdict
}
