package briefings

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Counts holds figures per weapon class. A nil pointer is an unstated figure,
// never zero.
type Counts struct {
	Drones   *int           `json:"drones"`
	Missiles *int           `json:"missiles"`
	ByType   map[string]int `json:"by_type,omitempty"`
	// Total is a stated total of mixed weapons ("570 means of air attack",
	// "524 targets"), kept apart from the class figures; nil when unstated.
	Total *int `json:"total,omitempty"`
}

// Hits are impacts and where debris fell.
type Hits struct {
	Drones          *int `json:"drones"`
	Missiles        *int `json:"missiles"`
	Locations       *int `json:"locations"`
	DebrisLocations *int `json:"debris_locations"`
	// ByType splits hits by missile class or type ("ballistic": 26), as Counts.ByType.
	ByType map[string]int `json:"by_type,omitempty"`
}

// Casualties are the killed and injured figures of an attack.
type Casualties struct {
	Killed  *int `json:"killed"`
	Injured *int `json:"injured"`
}

// Scope of an attack report.
const (
	ScopeNational   = "national"
	ScopeRegional   = "regional"
	ScopeCumulative = "cumulative"
)

// Period of an attack report: the night, a daytime tally (its own event,
// never a revision of the night), 24 hours, or a cumulative span.
const (
	PeriodOvernight  = "overnight"
	PeriodDay        = "day"
	Period24h        = "24h"
	PeriodCumulative = "cumulative"
)

// Qualifier values of AttackReport.Qualifiers: how exact a figure is. The
// lower bounds are QualMoreThan and QualAtLeast; a figure with either must be
// shown as "more than N" or "at least N", never as a complete count.
const (
	QualMoreThan = "more_than"
	QualAtLeast  = "at_least"
	QualAtMost   = "at_most"
	QualUpTo     = "up_to"
	QualLessThan = "less_than"
	QualAbout    = "about"
	QualNearly   = "nearly"
)

// AttackReport is one attack's figures as stated by one text. The JSON form is
// the stable contract of `sitrep extract`.
type AttackReport struct {
	ID        int64  `json:"-"`
	ArticleID int64  `json:"-"`
	Attacker  string `json:"attacker"` // RU or UA
	Target    string `json:"target"`
	Date      string `json:"date,omitempty"`   // YYYY-MM-DD the attack ended (the morning of "overnight")
	Period    string `json:"period,omitempty"` // PeriodOvernight, PeriodDay, ...
	// AsOf is the local (Kyiv) time, "HH:MM", at which the source made its
	// count ("станом на 08:00", "as of 10:00 a.m."): on the morning of Date
	// for a night, on Date for a day's tally; "" when the text does not say.
	// Of two reports of one event by one source, the later count is the
	// revision (see AsOfTime).
	AsOf string `json:"as_of,omitempty"`
	// WindowStart and WindowEnd bound the time the figures cover, local
	// (Kyiv) time "YYYY-MM-DDTHH:MM" ("у ніч на 17 вересня (з 18:00 16
	// вересня)": WindowStart "2026-09-16T18:00"), or "HH:MM" when the text
	// names no day and none can be inferred; "" when not stated.
	WindowStart string `json:"window_start,omitempty"`
	WindowEnd   string `json:"window_end,omitempty"`
	// Provisional: the report says the attack is still going on ("Атака
	// триває", "the attack is ongoing", drones still in the air): its figures
	// are a count so far, which a later report of the event supersedes.
	Provisional         bool   `json:"provisional,omitempty"`
	Launched            Counts `json:"launched"`
	Intercepted         Counts `json:"intercepted"`
	Jammed              Counts `json:"jammed"`
	InterceptedOrJammed Counts `json:"intercepted_or_jammed"`
	NotReached          Counts `json:"not_reached"`
	Hits                Hits   `json:"hits"`
	// Qualifiers say how exact a figure is, by its path ("launched.drones":
	// QualMoreThan, "intercepted.by_type.Shahed": QualAbout), or give a vague
	// quantity stated instead of a figure ("launched.drones": "dozens").
	// QualAtLeast also marks a class total summed from a list that names a
	// type without a count: the true total is larger (see LowerBound).
	Qualifiers map[string]string `json:"qualifiers"`
	// Summed names the class figures the text does not state as one number:
	// the extractor added them up from parts it states by class or type (9
	// cruise and 4 ballistic missiles give launched.missiles 13). By path
	// ("launched.missiles"), the keys of the same counts' ByType whose
	// figures add up to it. A part may also stand by itself (SumPart:
	// "Shahed=60", "=3" for a figure of the class with no type), and a path
	// with no parts is a figure derived from a sum ("all but 2" of one) that
	// has none to show. A briefing shows the parts, never the sum.
	Summed  map[string][]string `json:"summed,omitempty"`
	Regions []string            `json:"regions"`
	// Weapons are the weapon types and classes the report names, counted or
	// not ("Shahed", "Iskander-M", "cruise", "drone").
	Weapons    []string   `json:"weapons,omitempty"`
	Casualties Casualties `json:"casualties"`
	Source     string     `json:"source,omitempty"`
	Cumulative bool       `json:"cumulative"`
	Scope      string     `json:"scope"`
	// Evidence is the sentence(s) the figures were read from, verbatim.
	Evidence string `json:"evidence,omitempty"`
	// Filled on read from the store.
	SourceName  string    `json:"-"`
	ArticleURL  string    `json:"-"`
	PublishedAt time.Time `json:"-"`
	// RevisedAt is when the article's text last changed (an edited post);
	// zero when it never did.
	RevisedAt time.Time `json:"-"`
	// DateOnly: the article gives its day but no time of day
	// (Article.DateOnly); PublishedAt is that day's 00:00 UTC.
	DateOnly bool `json:"-"`
	// NoAlert: the report never alerts by itself (back-filled or imported).
	NoAlert bool `json:"-"`
	// Primary: the report is the attacked side's military's own publication
	// (its source's PrimaryFor is the target, and the post is not forwarded).
	Primary bool `json:"-"`
	// Corrected: the report replaced other figures of the same article (a
	// post edited with a new count). Stored.
	Corrected bool `json:"-"`
}

// EventKey identifies the attack event across outlets: attacker, target and
// date, and "/day" for a daytime tally (an event apart from the night that
// ends the same day). Five outlets reporting the same night share one key.
func (r *AttackReport) EventKey() string {
	d := r.Date
	if d == "" && !r.PublishedAt.IsZero() {
		d = r.PublishedAt.UTC().Format("2006-01-02")
	}
	k := r.Attacker + ">" + r.Target + "@" + d
	if r.Period == PeriodDay {
		k += "/day"
	}
	return k
}

// StoryKey is what the report says about which story its article belongs
// to; "" when it says nothing. Articles whose reports share a key are one
// story, and articles whose keys all differ are not (see cluster). Only a
// report that identifies an event does:
//   - the national tally of a night or a day (a launched, intercepted or
//     jammed figure): its EventKey, shared by every outlet that reports it;
//   - a regional report: its EventKey and the regions it names, so that a
//     governor's post and the outlets quoting it meet, while two regions'
//     damage on the same night stay two stories.
//
// A national report with only hits or casualties, or only glide bombs, or a
// cumulative one, says
// nothing: on a night of a large attack, articles about its many
// consequences would otherwise all become one story.
func (r *AttackReport) StoryKey() string {
	if r.Cumulative || r.Scope == ScopeCumulative {
		return ""
	}
	if r.Scope == ScopeRegional {
		if len(r.Regions) == 0 {
			return ""
		}
		regs := slices.Clone(r.Regions)
		slices.Sort(regs)
		return r.EventKey() + "/" + strings.Join(slices.Compact(regs), "+")
	}
	for _, c := range []Counts{r.Launched, r.Intercepted, r.Jammed, r.InterceptedOrJammed} {
		if c.Drones != nil || c.Missiles != nil || c.Total != nil || hasTallyType(c.ByType) {
			return r.EventKey()
		}
	}
	return ""
}

// TypeGuidedBomb is the weapon type of guided (glide) bombs in Counts.ByType.
const TypeGuidedBomb = "guided_bomb"

// hasTallyType reports a figure by type of the night's tallies, that is of
// anything but glide bombs: those are counted in the General Staff's daily
// summary of the front, not in the tallies of drones and missiles, so a
// report whose only figure is of bombs is the front's day, not an attack's
// event.
func hasTallyType(byType map[string]int) bool {
	for t := range byType {
		if t != TypeGuidedBomb {
			return true
		}
	}
	return false
}

// LowerBound reports whether the figure at path ("launched.missiles") is a
// lower bound: "more than N", "at least N".
func (r *AttackReport) LowerBound(path string) bool {
	q := r.Qualifiers[path]
	return q == QualMoreThan || q == QualAtLeast
}

// AsOfTime is the time of the count in loc (Kyiv's zone): AsOf on Date. ok
// is false when either is unknown.
func (r *AttackReport) AsOfTime(loc *time.Location) (time.Time, bool) {
	if r.AsOf == "" || r.Date == "" || loc == nil {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", r.Date+" "+strings.TrimSpace(r.AsOf), loc)
	return t, err == nil
}

// SumPart is a part of a summed figure as stated, kept in AttackReport.Summed
// by itself rather than by a ByType key: "Shahed=60", "=3" (a figure of the
// class with no type), "=40:more_than" (with its qualifier).
func SumPart(typ string, n int, qual string) string {
	s := typ + "=" + strconv.Itoa(n)
	if qual != "" {
		s += ":" + qual
	}
	return s
}

// ParseSumPart reads a SumPart; ok is false for a ByType key.
func ParseSumPart(key string) (typ string, n int, qual string, ok bool) {
	typ, rest, ok := strings.Cut(key, "=")
	if !ok {
		return "", 0, "", false
	}
	num, qual, _ := strings.Cut(rest, ":")
	n, err := strconv.Atoi(num)
	return typ, n, qual, err == nil
}

// LaunchedTotal is launched drones plus missiles, with ok=false when neither is stated.
func (r *AttackReport) LaunchedTotal() (n int, ok bool) {
	if r.Launched.Drones != nil {
		n += *r.Launched.Drones
		ok = true
	}
	if r.Launched.Missiles != nil {
		n += *r.Launched.Missiles
		ok = true
	}
	return n, ok
}

// IntPtr returns a pointer to n.
func IntPtr(n int) *int { return &n }

// DefaultAlertMaxAge is how long after its time an attack event may still
// alert (configurable as alerts.max_age).
const DefaultAlertMaxAge = 12 * time.Hour

// EventTime is the time of an attack event: when it was last reported (the
// newest report's publication, or the revision of its text), but never later
// than the day after the attack's date, so that a text about a past night
// published today does not make that night news again. A report whose
// article gives its day without a time counts at that day's end (UTC), the
// latest it can have been published. Zero when no report has a time.
func EventTime(event []*AttackReport) time.Time {
	var t time.Time
	for _, r := range event {
		at := r.PublishedAt
		if r.DateOnly && !at.IsZero() {
			// Published some time that day: it may be as late as its end.
			at = at.Add(24 * time.Hour)
		}
		if r.RevisedAt.After(at) {
			at = r.RevisedAt
		}
		if d, err := time.Parse("2006-01-02", r.Date); err == nil {
			// The attack ended on its date in any time zone; reports of it
			// come within hours. Allow the whole next day.
			if limit := d.Add(48 * time.Hour); at.After(limit) {
				at = limit
			}
		}
		if at.After(t) {
			t = at
		}
	}
	return t
}

// Fresh reports whether an event's time is within maxAge of now: only a
// fresh event alerts (old nights found by a back-fill, an archive, an
// import or a restart after downtime never do).
func Fresh(event []*AttackReport, now time.Time, maxAge time.Duration) bool {
	t := EventTime(event)
	return !t.IsZero() && !t.Before(now.Add(-maxAge))
}
