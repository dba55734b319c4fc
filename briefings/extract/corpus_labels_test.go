package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/sitrep/sitrep/briefings"
)

// This file reads the labelled attack reports of ../shared/corpus
// (attacks_en.jsonl, attacks_uk.jsonl, attacks_more.jsonl and files of the
// same formats) into labelled events and checks; corpus_score_test.go scores
// the reader's output against them.

// fieldKind is a row of the accuracy table.
type fieldKind int

const (
	fLaunched fieldKind = iota
	fIntercepted
	fJammed
	fCombined // intercepted or jammed; the Ukrainian labels' "downed"
	fNotReached
	fHits // hits, hit and debris locations
	fTypes
	fCasualties
	fRegions
	fSource
	fTime // period, as-of time, window start
	nFieldKinds
)

var fieldKindNames = [nFieldKinds]string{
	"launched", "intercepted", "jammed/lost", "intercepted or jammed", "not reached", "hits, locations",
	"classes and types", "casualties", "regions", "source", "period, as-of, window",
}

// check is one labelled field and how to read ours. af marks a launched or
// intercepted-or-jammed figure (the Air Force template goal).
type check struct {
	kind fieldKind
	name string
	want string
	af   bool
	eval func(a *briefings.AttackReport) (ok bool, got string)
}

// eventScope is what kind of report of ours may stand for a labelled event.
type eventScope int

const (
	evNational eventScope = iota
	evRegional
	evCumulative
)

// labelEvent is one attack (or regional share, or cumulative total) a label states.
type labelEvent struct {
	attacker string
	scope    eventScope
	regions  []string // a regional event's region(s), canonical names
	date     string   // YYYY-MM-DD, "--MM-DD" when the year is unknown, "" when unknown
	// noFigure: a national event the label gives no weapon figure (only
	// casualties, places, a source): what describes it may be read from a
	// regional report of ours, as no national figure is at stake
	noFigure bool
	checks   []check
	// anyReport checks may be met by any report of the attacker (casualties
	// are often given by a governor, apart from the national figures)
	anyReport []check
}

// labelledRecord is one line of a corpus file.
type labelledRecord struct {
	file, url, lang string
	line            int
	heldOut         bool
	af              bool // the text is in the Air Force's report template
	text            string
	pub             time.Time
	events          []labelEvent
	forbidden       []forbidden
	unscored        []string // labelled figures the scoring cannot read, and why
}

// noFigures: the label states no figure at all (nothing to report).
func (r *labelledRecord) noFigures() bool {
	if len(r.forbidden) > 0 {
		return false
	}
	for _, ev := range r.events {
		for _, c := range append(ev.checks, ev.anyReport...) {
			if c.kind != fRegions && c.kind != fSource && c.kind != fTime && !strings.HasPrefix(c.name, "weapon ") && c.want != "null" {
				return false
			}
		}
	}
	return true
}

// heldOutFold is the fold kept untouched while the rules were written: one
// of five, by a hash of the URL.
const (
	nFolds      = 5
	heldOutFold = 0
)

func foldOf(url string) int {
	h := fnv.New32a()
	h.Write([]byte(url))
	return int(h.Sum32() % nFolds)
}

type rawRecord struct {
	URL       string          `json:"url"`
	Date      *string         `json:"date"`
	Lang      string          `json:"lang"`
	Text      string          `json:"text"`
	Expected  json.RawMessage `json:"expected"`
	DailyData map[string]any  `json:"daily_data"`
}

// readRecords reads a corpus file; it skips the test when the file is absent.
func readRecords(t testing.TB, path string) []labelledRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("extract: %s absent: %v", path, err)
	}
	defer f.Close()
	var out []labelledRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var raw rawRecord
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			t.Fatalf("extract: %s line %d: %v", path, n, err)
		}
		rec, err := newRecord(raw)
		if err != nil {
			t.Fatalf("extract: %s line %d: %v", path, n, err)
		}
		rec.file, rec.line = path, n
		out = append(out, rec)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("extract: %s: %v", path, err)
	}
	return out
}

func newRecord(raw rawRecord) (labelledRecord, error) {
	rec := labelledRecord{url: raw.URL, text: raw.Text, lang: raw.Lang}
	if raw.Date != nil && *raw.Date != "" {
		d, err := time.Parse("2006-01-02", *raw.Date)
		if err != nil {
			return rec, fmt.Errorf("date %q: %w", *raw.Date, err)
		}
		rec.pub = d
	}
	if rec.lang == "" {
		rec.lang = scriptLang(raw.Text)
	}
	rec.heldOut = foldOf(raw.URL) == heldOutFold
	rec.af = afTemplate(raw.URL, raw.Text)
	switch {
	case raw.DailyData != nil:
		readDaily(&rec, raw.DailyData)
	case len(raw.Expected) > 0:
		var exp map[string]any
		if err := json.Unmarshal(raw.Expected, &exp); err != nil {
			return rec, fmt.Errorf("expected: %w", err)
		}
		readExpected(&rec, exp)
	default:
		return rec, fmt.Errorf("no labels (expected or daily_data)")
	}
	return rec, nil
}

// scriptLang: "uk" when most letters are Cyrillic, else "en".
func scriptLang(s string) string {
	cyr, lat := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.IsLetter(r):
			lat++
		}
	}
	if cyr > lat {
		return "uk"
	}
	return "en"
}

// afTemplate: a post of the Air Force's channel, or a text that opens a night
// or a day with its window in brackets, as the Air Force's report does.
var afOpening = regexp.MustCompile(`(?i)(у ніч на|протягом дня|on the night of)[^\n(]{0,40}\((з|із|from) \d`)

func afTemplate(url, text string) bool {
	return strings.Contains(url, "kpszsu") || afOpening.MatchString(text)
}

// ---- values

var labelNumber = regexp.MustCompile(`\d{1,3}(?:[,\x{00a0} ]\d{3})+|\d+`)

// parseNumber reads "1,300", "1 300" or "450" (the first number in s).
func parseNumber(s string) (int, bool) {
	m := labelNumber.FindString(s)
	if m == "" {
		return 0, false
	}
	m = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, m)
	n, err := strconv.Atoi(m)
	return n, err == nil
}

// labelValue reads a label figure: a number; {"qualifier": "more than 1,300"}
// reads as the number stated (1,300); {"approx": N}; {"max": N}. ok is false
// when the label is no figure (a string, a range without a stated number).
func labelValue(v any) (n *int, ok bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case float64:
		i := int(x)
		return &i, true
	case map[string]any:
		if q, has := x["qualifier"].(string); has {
			// the number the qualifier states, else its bound ("at least" with min 3)
			if i, ok := parseNumber(q); ok {
				return &i, true
			}
			for _, k := range []string{"approx", "min", "max"} {
				if b, has := x[k].(float64); has {
					i := int(b)
					return &i, true
				}
			}
			return nil, false
		}
		if ap, has := x["approx"].(float64); has {
			i := int(ap)
			return &i, true
		}
	}
	return nil, false
}

func show(p *int) string {
	if p == nil {
		return "null"
	}
	return strconv.Itoa(*p)
}

// ---- our figures

func mainFigure(c briefings.Counts) *int {
	switch {
	case c.Total != nil:
		return c.Total
	case c.Drones != nil && c.Missiles == nil:
		return c.Drones
	case c.Missiles != nil && c.Drones == nil:
		return c.Missiles
	case c.Drones != nil && c.Missiles != nil:
		n := *c.Drones + *c.Missiles
		return &n
	}
	return nil
}

// byType is our figure for a labelled type or class: the key of that name,
// else a joined key naming it as one of its parts ("Kh-101/Kh-55" for a
// label's Kh-101 where the text counts the two together).
func byType(c briefings.Counts, k string) *int {
	for key, v := range c.ByType {
		if strings.EqualFold(key, k) {
			return &v
		}
	}
	if strings.Contains(k, "/") {
		return nil
	}
	for key, v := range c.ByType {
		for _, part := range strings.Split(key, "/") {
			if strings.Contains(key, "/") && strings.EqualFold(part, k) {
				return &v
			}
		}
	}
	return nil
}

type countsGetter func(a *briefings.AttackReport) briefings.Counts

// category maps a label's figure category to our counts and its table row.
func category(cat string) (countsGetter, fieldKind, bool) {
	switch cat {
	case "launched", "launched_total":
		return func(a *briefings.AttackReport) briefings.Counts { return a.Launched }, fLaunched, true
	case "intercepted":
		return func(a *briefings.AttackReport) briefings.Counts { return a.Intercepted }, fIntercepted, true
	case "lost_jammed", "lost_ew":
		return func(a *briefings.AttackReport) briefings.Counts { return a.Jammed }, fJammed, true
	case "intercepted_or_jammed", "downed_or_suppressed":
		return func(a *briefings.AttackReport) briefings.Counts { return a.InterceptedOrJammed }, fCombined, true
	case "downed":
		// shot down, or "збито/подавлено" when that is all the text says
		return downed, fCombined, true
	case "not_reached":
		return func(a *briefings.AttackReport) briefings.Counts { return a.NotReached }, fNotReached, true
	case "impacts", "hits":
		return func(a *briefings.AttackReport) briefings.Counts {
			return briefings.Counts{Drones: a.Hits.Drones, Missiles: a.Hits.Missiles, ByType: a.Hits.ByType}
		}, fHits, true
	}
	return nil, 0, false
}

func downed(a *briefings.AttackReport) briefings.Counts {
	if countsSet(a.Intercepted) {
		return a.Intercepted
	}
	return a.InterceptedOrJammed
}

// classWords maps label words to our by_type class keys.
var classWords = map[string]missileClass{
	"ballistic": mBallistic, "cruise": mCruise, "anti_ship": mAntiShip, "anti-ship": mAntiShip,
	"anti_radar": mAntiRadar, "anti-radar": mAntiRadar, "air_launched": mGuided, "guided": mGuided,
	"hypersonic": mHypersonic, "aeroballistic": mHypersonic, "rockets": mRocket, "rocket": mRocket,
	"anti-aircraft": mAntiAir, "anti_aircraft": mAntiAir,
}

// labelModel finds a weapon type named in a label string.
func labelModel(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '(' || r == ')' || r == '_' }) {
		if md, ok := modelOf(w); ok {
			return md.name, true
		}
	}
	if md, ok := modelOf(strings.ReplaceAll(s, " ", "-")); ok {
		return md.name, true // "storm shadow"
	}
	return "", false
}

// subGetter maps a label's class or type key ("drones", "cruise Kh-101",
// "ballistic (Iskander-M/S-400)") to our figure; main is false for classes
// and types. ok is false for keys the scoring cannot read.
func subGetter(key string) (get func(c briefings.Counts) *int, main, ok bool) {
	k := strings.ToLower(strings.TrimSpace(key))
	switch k {
	case "drones", "drone", "decoy_drones", "uav", "uavs":
		return func(c briefings.Counts) *int { return c.Drones }, true, true
	case "missiles", "missile":
		return func(c briefings.Counts) *int { return c.Missiles }, true, true
	case "total", "total_mixed", "assets":
		return mainFigure, true, true
	case "jet_shahed", "jet_subset", "jet":
		return func(c briefings.Counts) *int { return byType(c, "jet Shahed") }, false, true
	case "guided_bombs", "guided_bomb", "bombs", "kab":
		return func(c briefings.Counts) *int { return byType(c, "guided_bomb") }, false, true
	}
	head, paren, _ := strings.Cut(k, "(")
	if cl, ok := classWords[strings.TrimSpace(head)]; ok {
		return func(c briefings.Counts) *int { return byType(c, string(cl)) }, false, true
	}
	if name, ok := labelModel(head); ok {
		return func(c briefings.Counts) *int { return byType(c, name) }, false, true
	}
	for _, w := range strings.FieldsFunc(head, func(r rune) bool { return r == ' ' || r == '_' }) {
		if w == "missiles" || w == "missile" {
			continue
		}
		if cl, ok := classWords[w]; ok {
			return func(c briefings.Counts) *int { return byType(c, string(cl)) }, false, true
		}
	}
	if name, ok := labelModel(paren); ok {
		return func(c briefings.Counts) *int { return byType(c, name) }, false, true
	}
	return nil, false, false
}

// ---- checks

func countCheck(kind fieldKind, name string, want *int, af bool, get func(a *briefings.AttackReport) *int) check {
	return check{kind: kind, name: name, want: show(want), af: af, eval: func(a *briefings.AttackReport) (bool, string) {
		if a == nil {
			return want == nil, "no report"
		}
		g := get(a)
		if want == nil || g == nil {
			return want == nil && g == nil, show(g)
		}
		return *want == *g, show(g)
	}}
}

// lowerBoundCheck: a type named without a count leaves its class's total
// unknown; ours is unstated or marked as a lower bound.
func lowerBoundCheck(cat, key string, get countsGetter, kind fieldKind) check {
	return check{kind: fTypes, name: cat + "." + key + " (named, no count)", want: "class total unknown or at least", eval: func(a *briefings.AttackReport) (bool, string) {
		if a == nil {
			return false, "no report"
		}
		_, isDrone := map[string]bool{"drones": true, "drone": true}[strings.ToLower(key)]
		if md, ok := labelModel(key); ok && modelByName(md).head == classDrone {
			isDrone = true
		}
		field, n := "missiles", get(a).Missiles
		if isDrone {
			field, n = "drones", get(a).Drones
		}
		q := a.Qualifiers[cat+"."+field]
		if n == nil || q == "at_least" || q == "more_than" {
			return true, show(n) + " " + q
		}
		return false, show(n) + " stated as complete"
	}}
}

// readCategory turns one labelled category ("launched": {...}) into checks.
func readCategory(rec *labelledRecord, ev *labelEvent, cat string, v any) {
	get, kind, ok := category(cat)
	if !ok {
		return
	}
	af := kind == fLaunched || kind == fCombined
	switch x := v.(type) {
	case nil:
		ev.checks = append(ev.checks, check{kind: kind, name: cat, want: "null", eval: func(a *briefings.AttackReport) (bool, string) {
			if a == nil || !countsSet(get(a)) {
				return true, "null"
			}
			return false, "figures"
		}})
	case float64:
		n := int(x)
		ev.checks = append(ev.checks, countCheck(kind, cat, &n, af, func(a *briefings.AttackReport) *int { return mainFigure(get(a)) }))
	case map[string]any:
		readClasses(rec, ev, cat, x, get, kind)
	}
}

// metaKeys are label keys that state no figure of the text.
var metaKeys = map[string]bool{"superseded_value": true, "drones_total_in_breakdown": true, "note": true}

func readClasses(rec *labelledRecord, ev *labelEvent, cat string, m map[string]any, get countsGetter, kind fieldKind) {
	for _, key := range sortedKeys(m) {
		lv := m[key]
		if metaKeys[key] {
			continue
		}
		if sub, isMap := lv.(map[string]any); isMap && strings.HasSuffix(key, "_by_type") {
			readClasses(rec, ev, cat, sub, get, kind)
			continue
		}
		if kind == fHits && (key == "locations" || key == "debris_locations") {
			locationCheck(rec, ev, key, lv)
			continue
		}
		if s, isStr := lv.(string); isStr && s == "unnumbered" {
			ev.checks = append(ev.checks, lowerBoundCheck(cat, key, get, kind))
			continue
		}
		sg, main, ok := subGetter(key)
		if !ok {
			rec.unscored = append(rec.unscored, cat+"."+key+": no reading of this key")
			continue
		}
		n, ok := labelValue(lv)
		if !ok {
			continue
		}
		k := kind
		if !main {
			k = fTypes
		}
		ev.checks = append(ev.checks, countCheck(k, cat+"."+key, n, kind == fLaunched || kind == fCombined,
			func(a *briefings.AttackReport) *int { return sg(get(a)) }))
	}
}

func locationCheck(rec *labelledRecord, ev *labelEvent, key string, v any) {
	n, ok := labelValue(v)
	if !ok {
		return
	}
	get := func(a *briefings.AttackReport) *int { return a.Hits.Locations }
	name := "hits.locations"
	if strings.HasPrefix(key, "debris") {
		get = func(a *briefings.AttackReport) *int { return a.Hits.DebrisLocations }
		name = "hits.debris_locations"
	}
	ev.checks = append(ev.checks, countCheck(fHits, name, n, false, get))
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
