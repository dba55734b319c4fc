// Package schedule computes when subscriptions are due (daily at a local time
// of day, or a cron spec, both correct across daylight saving), enqueues due
// digests into the outbox, and runs the bot's periodic jobs.
package schedule

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/robfig/cron/v3"

	"github.com/sitrep/sitrep/briefings"
)

// Schedule is a parsed subscription schedule. The zero value never fires.
//
// Slots are defined on the wall clock of the schedule's zone: every wall time
// the spec names yields exactly one instant. A wall time that occurs twice
// (the repeated hour when clocks fall back) fires at its first occurrence only;
// a wall time that does not exist (skipped when clocks spring forward) fires at
// the shifted instant, as far past the gap's start as it was meant to be (02:30
// in a 02:00->03:00 gap fires at 03:30 new time).
type Schedule struct {
	spec string
	loc  *time.Location
	// daily: hour and minute of day; cron: spec parsed against UTC and used
	// on naive wall-clock times.
	daily        bool
	hour, minute int
	cron         cron.Schedule
}

// String returns the normalized spec.
func (s Schedule) String() string { return s.spec }

// Location returns the zone the schedule's wall times are in.
func (s Schedule) Location() *time.Location {
	if s.loc == nil {
		return time.UTC
	}
	return s.loc
}

// IsZero reports whether s is the zero Schedule.
func (s Schedule) IsZero() bool { return s.loc == nil }

var hhmm = regexp.MustCompile(`^([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])$`)

// cronParser accepts standard 5-field specs and descriptors (@daily ...).
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// Parse parses a subscription schedule: "HH:MM" (daily at that time in tz,
// default UTC) or a 5-field cron spec, optionally prefixed by
// "CRON_TZ=Area/City " or "TZ=Area/City " which overrides tz. It never panics.
func Parse(spec, tz string) (s Schedule, err error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return Schedule{}, specError("error.schedule_empty", nil, "schedule: empty schedule; use HH:MM like 08:00 or a cron spec like \"0 8 * * 1-5\"")
	}
	loc, err := LoadZone(tz)
	if err != nil {
		return Schedule{}, err
	}
	if m := hhmm.FindStringSubmatch(spec); m != nil {
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		return Schedule{spec: fmt.Sprintf("%02d:%02d", h, mi), loc: loc, daily: true, hour: h, minute: mi}, nil
	}
	body := spec
	if strings.HasPrefix(spec, "CRON_TZ=") || strings.HasPrefix(spec, "TZ=") {
		eq := strings.IndexByte(spec, '=')
		rest := spec[eq+1:]
		sp := strings.IndexAny(rest, " \t")
		if sp < 0 {
			return Schedule{}, specError("error.schedule_zone_only", quoted(spec), "schedule: %q has a time zone but no schedule after it; write e.g. \"CRON_TZ=Europe/Kyiv 0 8 * * *\"", spec)
		}
		name := rest[:sp]
		if loc, err = LoadZone(name); err != nil {
			return Schedule{}, err
		}
		if name == "" {
			return Schedule{}, specError("error.schedule_zone_empty", quoted(spec), "schedule: empty time zone in %q; use an IANA name like Europe/Kyiv", spec)
		}
		body = strings.TrimSpace(rest[sp:])
		if strings.Contains(body, "=") {
			return Schedule{}, specError("error.schedule_zone_twice", quoted(spec), "schedule: only one time zone prefix is allowed in %q", spec)
		}
	}
	if strings.HasPrefix(body, "@every") {
		return Schedule{}, specError("error.schedule_interval", quoted(spec), "schedule: %q is an interval, not a time of day; use HH:MM or a cron spec", spec)
	}
	if strings.Contains(body, "=") {
		return Schedule{}, specError("error.schedule_zone_first", nil, "schedule: the time zone prefix must come first, as in \"CRON_TZ=Europe/Kyiv 0 8 * * *\"")
	}
	cs, err := parseCron(body)
	if err != nil {
		args := quoted(body)
		args["Why"] = err.Error()
		return Schedule{}, specError("error.schedule_cron", args, "schedule: invalid cron spec %q: %v; use 5 fields \"minute hour day month weekday\" like \"0 8 * * 1-5\"", body, err)
	}
	norm := body
	if loc != time.UTC {
		norm = "CRON_TZ=" + loc.String() + " " + body
	}
	return Schedule{spec: norm, loc: loc, cron: cs}, nil
}

// parseCron parses a spec without a zone prefix against UTC (our wall-clock
// frame). cron v3 panics on some malformed input; recover as a last resort.
func parseCron(body string) (cs cron.Schedule, err error) {
	defer func() {
		if r := recover(); r != nil {
			cs, err = nil, fmt.Errorf("unparseable (%v)", r)
		}
	}()
	cs, err = cronParser.Parse(body)
	if err != nil {
		return nil, err
	}
	if spec, ok := cs.(*cron.SpecSchedule); ok {
		spec.Location = time.UTC
	}
	return cs, nil
}

// LoadZone loads an IANA time zone; "" is UTC. The error is fit to show a user.
func LoadZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if name == "" || strings.EqualFold(name, "UTC") {
		return time.UTC, nil
	}
	if strings.EqualFold(name, "local") || strings.ContainsAny(name, " \t\n\\") || strings.Contains(name, "..") || strings.HasPrefix(name, "/") || len(name) > 64 {
		return nil, zoneError(name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, zoneError(name)
	}
	return loc, nil
}

func zoneError(name string) error {
	return specError("error.schedule_zone", map[string]any{"Zone": quote(name)}, "schedule: unknown time zone %q; use an IANA name like Europe/Kyiv", name)
}

// specError is a schedule a user wrote that cannot be read: an EINVALID
// error whose message is English (logs, the command line) and whose key
// names it in the chat catalogue, so each chat reads it in its language.
func specError(key string, args map[string]any, format string, a ...any) error {
	return briefings.Errorf(briefings.EINVALID, format, a...).WithKey(key, args)
}

// quoted is the catalogue arguments naming a spec: {"Spec": "\"...\""}.
func quoted(spec string) map[string]any { return map[string]any{"Spec": quote(spec)} }

// quote quotes what a user typed, cut to 60 characters for a chat reply.
func quote(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:59]) + "…"
	}
	return strconv.Quote(s)
}

// maxShift bounds how far a zone's offset moves in one transition (real
// zones: at most 2 h historically).
const maxShift = 3 * time.Hour

// Next returns the first slot strictly after `after`, or the zero time when
// the schedule never fires (or is the zero Schedule).
func (s Schedule) Next(after time.Time) time.Time {
	if s.loc == nil {
		return time.Time{}
	}
	if s.daily {
		return s.nextDaily(after)
	}
	return s.nextCron(after)
}

// wall returns t's local wall clock as a naive UTC time.
func wall(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	y, mo, d := l.Date()
	return time.Date(y, mo, d, l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC)
}

// instant maps a naive wall time w to its slot in loc: the earliest instant
// whose local clock reads w, or, for a wall time inside a gap, w read with
// the offset in force before the gap (which lands as far past the gap's end).
func instant(w time.Time, loc *time.Location) time.Time {
	naive := w.Unix()
	// Offsets in force around w: before and after any transition near it.
	_, offA := time.Unix(naive-int64(maxShift/time.Second)*2, 0).In(loc).Zone()
	_, offB := time.Unix(naive+int64(maxShift/time.Second)*2, 0).In(loc).Zone()
	var best time.Time
	for _, off := range []int{offA, offB} {
		t := time.Unix(naive-int64(off), int64(w.Nanosecond())).In(loc)
		if wall(t, loc).Equal(w) && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	if !best.IsZero() {
		return best
	}
	// In a gap: use the offset before the transition.
	return time.Unix(naive-int64(offA), int64(w.Nanosecond())).In(loc)
}

func (s Schedule) nextDaily(after time.Time) time.Time {
	w := wall(after, s.loc)
	day := time.Date(w.Year(), w.Month(), w.Day(), s.hour, s.minute, 0, 0, time.UTC)
	// Each local date has exactly one slot; start a day early in case a
	// shifted slot of yesterday lies after `after`.
	for d := day.AddDate(0, 0, -1); ; d = d.AddDate(0, 0, 1) {
		if t := instant(d, s.loc); t.After(after) {
			return t
		}
	}
}

func (s Schedule) nextCron(after time.Time) time.Time {
	// Fast path: no offset change anywhere near after and the next slot.
	if w := s.cron.Next(wall(after, s.loc)); !w.IsZero() {
		t := instant(w, s.loc)
		la := after.In(s.loc)
		start, end := la.ZoneBounds()
		if t.After(after) && (start.IsZero() || start.Before(after.Add(-2*maxShift))) &&
			(end.IsZero() || end.After(t.Add(2*maxShift))) {
			return t
		}
	}
	// Enumerate wall times from a little before after's wall clock; each wall
	// time has one slot; the answer is the least slot after `after`. Once the
	// wall times pass the best candidate's wall clock by more than maxShift,
	// no later wall time can map before it.
	w := wall(after, s.loc).Add(-maxShift).Add(-time.Second)
	var best, bestWall time.Time
	for i := 0; i < 100000; i++ {
		w = s.cron.Next(w)
		if w.IsZero() {
			break
		}
		if !best.IsZero() && w.After(bestWall.Add(maxShift)) {
			break
		}
		t := instant(w, s.loc)
		if t.After(after) && (best.IsZero() || t.Before(best)) {
			best, bestWall = t, w
		}
	}
	return best
}
