package briefings

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"time"
)

// An attack event is reported by many texts: the attacked side's own
// military (Ukraine's Air Force for attacks on Ukraine, Russia's Defence
// Ministry for attacks on Russia) and outlets quoting it, often later and
// rounded, and sometimes outlets with figures of their own. ReportOfRecord
// is the one place that decides which report an event's figures come from;
// alerts, /attacks, digests and their JSON all show what it chooses.

// Standing is how authoritative a report's figures are.
type Standing int

// Standings, weakest first.
const (
	// StandingOutlet: an outlet's own figures, or another authority's.
	StandingOutlet Standing = iota
	// StandingQuoted: an outlet quoting the attacked side's military.
	StandingQuoted
	// StandingPrimary: the attacked side's military in its own publication
	// (its official channel, not a forwarded post).
	StandingPrimary
)

// militaries names, per attacked country, the authorities the attack reader
// attributes its own military's figures to.
var militaries = map[string][]string{
	"UA": {"Ukraine's Air Force", "Ukraine's General Staff", "Ukraine's military"},
	"RU": {"Russia's Defence Ministry"},
}

// militaryChannels are the public Telegram channels an attacked country's
// military publishes its own reports on, by channel name in lower case (the
// reference on channels documents these).
var militaryChannels = map[string]string{
	"kpszsu": "UA", // Ukraine's Air Force
}

// MilitaryChannel is the country (PrimaryFor) whose military publishes the
// Telegram channel name, or "" for any other channel. A channel added from
// chat is always read from t.me, so its name is the channel itself: a known
// military's channel is that country's primary source by default.
func MilitaryChannel(name string) string {
	return militaryChannels[strings.ToLower(strings.TrimPrefix(name, "@"))]
}

// MilitaryOf names the attacked country's military as reports are attributed
// to it ("Ukraine's Air Force" for "UA"); "" for other countries.
func MilitaryOf(target string) string {
	if m := militaries[target]; len(m) > 0 {
		return m[0]
	}
	return ""
}

// Standing tells own publications of the attacked side's military, outlets
// quoting it and the rest apart.
func (r *AttackReport) Standing() Standing {
	if r.Primary {
		return StandingPrimary
	}
	for _, m := range militaries[r.Target] {
		if r.Source == m {
			return StandingQuoted
		}
	}
	return StandingOutlet
}

// StatedAt is when the report's figures were stated: the revision of its
// text when it was edited, else its publication.
func (r *AttackReport) StatedAt() time.Time {
	if r.RevisedAt.After(r.PublishedAt) {
		return r.RevisedAt
	}
	return r.PublishedAt
}

// revisionWords mark a text that reports a later count than its source's
// first one: "in an updated report", "revised the number", "correction", and
// the Ukrainian "оновлені/уточнені дані" (updated, refined figures).
var revisionWords = regexp.MustCompile(`(?i)\b(updated|updates (its|the)|revis(ed|es|ing|ion)|corrected|correction)\b|оновлен|уточнен(і|ими) (дані|даними)`)

// futureRevision marks a promise of figures still to come ("updated figures
// will be published"), which is not itself a revision.
var futureRevision = regexp.MustCompile(`(?i)\b(will|would) (be )?(publish|release|update|revise)|буде оприлюдн|будуть оприлюдн`)

// Revises reports whether the report says it updates an earlier report of
// its source: its evidence speaks of an updated or revised count.
func (r *AttackReport) Revises() bool {
	return revisionWords.MatchString(r.Evidence) && !futureRevision.MatchString(r.Evidence)
}

// EventRecord is the choice of an attack event's figures.
type EventRecord struct {
	// Report is the report of record; nil when none stands out (outlets
	// that disagree, or that quote no primary source): then every outlet's
	// figures are shown side by side.
	Report *AttackReport
	// Updated: the same authority stated other figures for the event
	// earlier (or the record's own post was edited with a new count); the
	// record replaces them, at StatedAt.
	Updated  bool
	StatedAt time.Time
}

// ReportOfRecord chooses the report an attack event's figures come from,
// given the event's national reports (one event: the same EventKey):
//   - the attacked side's own publications outrank outlets quoting it, and
//     its latest one stands;
//   - an outlet's report that the military updated or revised its count
//     supersedes the military's earlier reports (its own or quoted);
//   - a provisional record (the attack was still going on) gives way to
//     any later report of the military, its own or quoted: the count that
//     follows the attack;
//   - quotes of the military that all agree give the one stating most
//     figures (the earliest of those);
//   - otherwise there is no report of record.
//
// Of several reports stating the chosen figures at the same standing, the
// earliest stands, so that repeats never move the record.
func ReportOfRecord(event []*AttackReport) EventRecord {
	var own, quoted []*AttackReport
	for _, r := range event {
		switch r.Standing() {
		case StandingPrimary:
			own = append(own, r)
		case StandingQuoted:
			quoted = append(quoted, r)
		}
	}
	byTime(own)
	byTime(quoted)
	var rec *AttackReport
	if len(own) > 0 {
		rec = own[len(own)-1]
	}
	for _, q := range quoted {
		if q.Revises() && (rec == nil || q.StatedAt().After(rec.StatedAt())) {
			rec = q
		}
	}
	if rec != nil && rec.Provisional {
		rec = followUp(rec, quoted)
	}
	if rec == nil && len(quoted) > 0 && !conflicting(quoted) {
		rec = quoted[0]
		for _, q := range quoted[1:] {
			if statedFigures(q) > statedFigures(rec) {
				rec = q
			}
		}
	}
	if rec == nil {
		return EventRecord{}
	}
	rec = earliestSame(rec, append(own, quoted...))
	out := EventRecord{Report: rec, StatedAt: rec.StatedAt(), Updated: rec.Corrected}
	for _, r := range append(own, quoted...) {
		if r.StatedAt().Before(out.StatedAt) && conflict(r, rec) {
			out.Updated = true
		}
	}
	return out
}

// followUp is the latest of quoted stated after the provisional rec (a
// final count of the attack), preferring one that is not provisional
// itself; rec when none came later.
func followUp(rec *AttackReport, quoted []*AttackReport) *AttackReport {
	best := rec
	for _, q := range quoted {
		if !q.StatedAt().After(rec.StatedAt()) {
			continue
		}
		if best == rec || (best.Provisional && !q.Provisional) || (best.Provisional == q.Provisional && q.StatedAt().After(best.StatedAt())) {
			best = q
		}
	}
	return best
}

// byTime sorts reports by StatedAt, then ID.
func byTime(rs []*AttackReport) {
	sort.SliceStable(rs, func(i, j int) bool {
		ti, tj := rs[i].StatedAt(), rs[j].StatedAt()
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return rs[i].ID < rs[j].ID
	})
}

// earliestSame returns the earliest report of rec's standing, stated no later
// than rec, with exactly rec's figures.
func earliestSame(rec *AttackReport, rs []*AttackReport) *AttackReport {
	key := figureKey(rec)
	best := rec
	for _, r := range rs {
		if r.Standing() == rec.Standing() && r.StatedAt().Before(best.StatedAt()) && figureKey(r) == key {
			best = r
		}
	}
	return best
}

// SameFigures reports whether a and b state the same figures.
func SameFigures(a, b *AttackReport) bool { return figureKey(a) == figureKey(b) }

// figureKey identifies a report's figures.
func figureKey(r *AttackReport) string {
	b, _ := json.Marshal([]any{r.Launched, r.Intercepted, r.Jammed, r.InterceptedOrJammed, r.NotReached, r.Hits})
	return string(b)
}

// figures lists a report's stated figures by name, for comparisons.
func figures(r *AttackReport) map[string]*int {
	return map[string]*int{
		"launched.drones": r.Launched.Drones, "launched.missiles": r.Launched.Missiles, "launched.total": r.Launched.Total,
		"intercepted.drones": r.Intercepted.Drones, "intercepted.missiles": r.Intercepted.Missiles, "intercepted.total": r.Intercepted.Total,
		"jammed.drones": r.Jammed.Drones, "jammed.missiles": r.Jammed.Missiles, "jammed.total": r.Jammed.Total,
		"downed.drones": r.InterceptedOrJammed.Drones, "downed.missiles": r.InterceptedOrJammed.Missiles, "downed.total": r.InterceptedOrJammed.Total,
		"hits.drones": r.Hits.Drones, "hits.missiles": r.Hits.Missiles,
	}
}

// conflict reports whether a and b state a figure differently.
func conflict(a, b *AttackReport) bool {
	fb := figures(b)
	for k, p := range figures(a) {
		if q := fb[k]; p != nil && q != nil && *p != *q {
			return true
		}
	}
	return false
}

func conflicting(rs []*AttackReport) bool {
	for i := range rs {
		for j := i + 1; j < len(rs); j++ {
			if conflict(rs[i], rs[j]) {
				return true
			}
		}
	}
	return false
}

func statedFigures(r *AttackReport) int {
	n := 0
	for _, p := range figures(r) {
		if p != nil {
			n++
		}
	}
	return n
}
