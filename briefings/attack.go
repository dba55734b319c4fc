package briefings

import "time"

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

// AttackReport is one attack's figures as stated by one text. The JSON form is
// the stable contract of `sitrep extract`.
type AttackReport struct {
	ID                  int64             `json:"-"`
	ArticleID           int64             `json:"-"`
	Attacker            string            `json:"attacker"` // RU or UA
	Target              string            `json:"target"`
	Date                string            `json:"date,omitempty"`   // YYYY-MM-DD the attack ended (the morning of "overnight")
	Period              string            `json:"period,omitempty"` // overnight, day, ...
	Launched            Counts            `json:"launched"`
	Intercepted         Counts            `json:"intercepted"`
	Jammed              Counts            `json:"jammed"`
	InterceptedOrJammed Counts            `json:"intercepted_or_jammed"`
	NotReached          Counts            `json:"not_reached"`
	Hits                Hits              `json:"hits"`
	Qualifiers          map[string]string `json:"qualifiers"`
	Regions             []string          `json:"regions"`
	Casualties          Casualties        `json:"casualties"`
	Source              string            `json:"source,omitempty"`
	Cumulative          bool              `json:"cumulative"`
	Scope               string            `json:"scope"`
	// Evidence is the sentence(s) the figures were read from, verbatim.
	Evidence string `json:"evidence,omitempty"`
	// Filled on read from the store.
	SourceName  string    `json:"-"`
	ArticleURL  string    `json:"-"`
	PublishedAt time.Time `json:"-"`
	// RevisedAt is when the article's text last changed (an edited post);
	// zero when it never did.
	RevisedAt time.Time `json:"-"`
	// NoAlert: the report never alerts by itself (back-filled or imported).
	NoAlert bool `json:"-"`
}

// EventKey identifies the attack event across outlets: attacker, target and
// date. Five outlets reporting the same night share one key.
func (r *AttackReport) EventKey() string {
	d := r.Date
	if d == "" && !r.PublishedAt.IsZero() {
		d = r.PublishedAt.UTC().Format("2006-01-02")
	}
	return r.Attacker + ">" + r.Target + "@" + d
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
// published today does not make that night news again. Zero when no report
// has a time.
func EventTime(event []*AttackReport) time.Time {
	var t time.Time
	for _, r := range event {
		at := r.PublishedAt
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
