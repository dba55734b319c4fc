package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"github.com/sitrep/sitrep/briefings/internal/shared"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

type corpusCase struct {
	URL      string          `json:"url"`
	Date     *string         `json:"date"`
	Text     string          `json:"text"`
	Expected json.RawMessage `json:"expected"`
}

func readCases(t testing.TB, path string) []corpusCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("extract: %s absent: %v", path, err)
	}
	defer f.Close()
	var out []corpusCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var c corpusCase
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("extract: %s: %v", path, err)
		}
		out = append(out, c)
	}
	return out
}

// fieldCheck is one labelled figure and how to read ours.
type fieldCheck struct {
	name string
	want *int // nil: the label says unstated
	get  func(a *briefings.AttackReport) *int
	all  func(a *briefings.AttackReport) bool // for a null category: true when ours is empty too
}

var firstInt = regexp.MustCompile(`\d+`)

// labelValue reads a label figure: an int, {"min":..,"qualifier":"more than 450"}
// (the stated number, 450), {"approx":500}, {"max":15}; ok=false when the
// label is not an exact figure.
func labelValue(v any) (n *int, ok bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case float64:
		i := int(x)
		return &i, true
	case map[string]any:
		if q, has := x["qualifier"].(string); has {
			if s := firstInt.FindString(q); s != "" {
				i, _ := strconv.Atoi(s)
				return &i, true
			}
			if mx, has := x["max"].(float64); has {
				i := int(mx)
				return &i, true
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

func byType(c briefings.Counts, k string) *int {
	if v, ok := c.ByType[k]; ok {
		return &v
	}
	return nil
}

// classGetter maps a label's class key to our figure.
func classGetter(key string) func(c briefings.Counts) *int {
	k := strings.ToLower(key)
	model := func(name string) func(c briefings.Counts) *int {
		return func(c briefings.Counts) *int { return byType(c, name) }
	}
	switch {
	case strings.Contains(k, "kh-101"):
		return model("Kh-101")
	case strings.Contains(k, "kalibr"):
		return model("Kalibr")
	case strings.Contains(k, "kh-59"), k == "air_launched":
		return model("Kh-59/69")
	case strings.HasPrefix(k, "banderol"):
		return model("Banderol")
	case strings.HasPrefix(k, "jet"):
		return model("jet Shahed")
	case k == "shahed":
		return model("Shahed")
	case k == "kinzhal":
		return model("Kinzhal")
	case k == "iskander-m":
		return model("Iskander-M")
	case strings.HasPrefix(k, "ballistic ") && !strings.Contains(k, "("):
		return nil // a type without a figure
	case strings.HasPrefix(k, "ballistic"):
		return model("ballistic")
	case strings.HasPrefix(k, "cruise"):
		return model("cruise")
	case strings.HasPrefix(k, "anti_ship"):
		return model("anti_ship")
	case k == "anti_radar":
		return model("anti_radar")
	case k == "drones", k == "drone", k == "decoy_drones":
		return func(c briefings.Counts) *int { return c.Drones }
	case k == "missiles":
		return func(c briefings.Counts) *int { return c.Missiles }
	case k == "total_mixed", k == "total", k == "assets":
		return mainFigure
	}
	return nil
}

type getCounts func(a *briefings.AttackReport) briefings.Counts

func categoryGetter(cat string) getCounts {
	switch cat {
	case "launched", "launched_total":
		return func(a *briefings.AttackReport) briefings.Counts { return a.Launched }
	case "intercepted":
		return func(a *briefings.AttackReport) briefings.Counts { return a.Intercepted }
	case "lost_jammed", "lost_ew":
		return func(a *briefings.AttackReport) briefings.Counts { return a.Jammed }
	case "intercepted_or_jammed", "downed_or_suppressed":
		return func(a *briefings.AttackReport) briefings.Counts { return a.InterceptedOrJammed }
	case "downed":
		// the Ukrainian labels' "downed" is shot down, or "збито/подавлено" when that is all the text says
		return func(a *briefings.AttackReport) briefings.Counts {
			if countsSet(a.Intercepted) {
				return a.Intercepted
			}
			return a.InterceptedOrJammed
		}
	case "not_reached":
		return func(a *briefings.AttackReport) briefings.Counts { return a.NotReached }
	case "impacts", "hits":
		return func(a *briefings.AttackReport) briefings.Counts {
			return briefings.Counts{Drones: a.Hits.Drones, Missiles: a.Hits.Missiles, ByType: a.Hits.ByType}
		}
	}
	return nil
}

// checksFor turns one labelled event into field checks.
func checksFor(ev map[string]any) []fieldCheck {
	var out []fieldCheck
	for cat, v := range ev {
		g := categoryGetter(cat)
		if g == nil {
			continue
		}
		switch x := v.(type) {
		case nil:
			out = append(out, fieldCheck{name: cat + "=null", all: func(a *briefings.AttackReport) bool { return !countsSet(g(a)) }})
		case float64:
			n := int(x)
			out = append(out, fieldCheck{name: cat, want: &n, get: func(a *briefings.AttackReport) *int { return mainFigure(g(a)) }})
		case map[string]any:
			for key, lv := range x {
				if cat == "hits" || cat == "impacts" {
					switch key {
					case "locations":
						if n, ok := labelValue(lv); ok {
							out = append(out, fieldCheck{name: "hits.locations", want: n, get: func(a *briefings.AttackReport) *int { return a.Hits.Locations }})
						}
						continue
					case "debris_locations":
						if n, ok := labelValue(lv); ok {
							out = append(out, fieldCheck{name: "hits.debris_locations", want: n, get: func(a *briefings.AttackReport) *int { return a.Hits.DebrisLocations }})
						}
						continue
					}
				}
				cg := classGetter(key)
				if cg == nil {
					continue
				}
				n, ok := labelValue(lv)
				if !ok {
					continue
				}
				out = append(out, fieldCheck{name: cat + "." + key, want: n, get: func(a *briefings.AttackReport) *int { return cg(g(a)) }})
			}
		}
	}
	if c, ok := ev["casualties"].(map[string]any); ok {
		for key, lv := range c {
			n, ok := labelValue(lv)
			if !ok {
				continue
			}
			switch key {
			case "killed":
				out = append(out, fieldCheck{name: "casualties.killed", want: n, get: func(a *briefings.AttackReport) *int { return a.Casualties.Killed }})
			case "injured":
				out = append(out, fieldCheck{name: "casualties.injured", want: n, get: func(a *briefings.AttackReport) *int { return a.Casualties.Injured }})
			}
		}
	}
	if v, ok := ev["hit_locations"]; ok {
		if n, ok := labelValue(v); ok {
			out = append(out, fieldCheck{name: "hits.locations", want: n, get: func(a *briefings.AttackReport) *int { return a.Hits.Locations }})
		}
	}
	if v, ok := ev["debris_locations"]; ok {
		if n, ok := labelValue(v); ok {
			out = append(out, fieldCheck{name: "hits.debris_locations", want: n, get: func(a *briefings.AttackReport) *int { return a.Hits.DebrisLocations }})
		}
	}
	return out
}

func (f fieldCheck) ok(a *briefings.AttackReport) bool {
	if f.all != nil {
		return a == nil || f.all(a)
	}
	var got *int
	if a != nil {
		got = f.get(a)
	}
	if f.want == nil || got == nil {
		return f.want == nil && got == nil
	}
	return *f.want == *got
}

func show(p *int) string {
	if p == nil {
		return "null"
	}
	return strconv.Itoa(*p)
}

// forbidden is a regional or cumulative figure that must never appear as a
// national attack's figure.
type forbidden struct {
	name string
	n    int
	get  func(a *briefings.AttackReport) *int
}

func forbiddenFigures(exp map[string]any) []forbidden {
	var out []forbidden
	add := func(name string, v any, cat string) {
		n, ok := labelValue(v)
		if !ok || n == nil {
			return
		}
		g := categoryGetter(cat)
		if g == nil {
			g = categoryGetter("intercepted")
		}
		out = append(out, forbidden{name, *n, func(a *briefings.AttackReport) *int { return g(a).Drones }},
			forbidden{name, *n, func(a *briefings.AttackReport) *int { return g(a).Missiles }})
		if cat == "downed" || cat == "intercepted" {
			out = append(out, forbidden{name, *n, func(a *briefings.AttackReport) *int { return a.InterceptedOrJammed.Drones }})
		}
	}
	var walk func(prefix string, v any, cat string)
	walk = func(prefix string, v any, cat string) {
		switch x := v.(type) {
		case map[string]any:
			if _, q := x["qualifier"]; q {
				add(prefix, x, cat)
				return
			}
			for k, y := range x {
				c := cat
				if categoryGetter(k) != nil {
					c = k
				}
				if k == "avg_per_day" {
					c = "launched"
				}
				walk(prefix+"."+k, y, c)
			}
		case float64:
			add(prefix, x, cat)
		}
	}
	for _, key := range []string{"monthly", "since_2022", "by_region", "by_region_partial", "regional_subset", "subset"} {
		if v, ok := exp[key]; ok {
			cat := "intercepted"
			if key == "regional_subset" {
				cat = "launched"
				if _, isNum := v.(map[string]any); isNum {
					for _, y := range v.(map[string]any) {
						if _, n := y.(float64); n {
							cat = "intercepted"
						}
					}
				}
			}
			walk(key, v, cat)
		}
	}
	if evs, ok := exp["events"].([]any); ok {
		for _, e := range evs {
			if m, ok := e.(map[string]any); ok {
				if s, ok := m["scope"].(string); ok && s != "national" {
					for _, cat := range []string{"launched", "intercepted"} {
						if c, ok := m[cat].(map[string]any); ok {
							for k, v := range c {
								walk("event scope:"+s+"."+cat+"."+k, v, cat)
							}
						}
					}
				}
			}
		}
	}
	if s, ok := exp["scope"].(string); ok && s != "national" {
		for _, cat := range []string{"launched", "intercepted"} {
			if c, ok := exp[cat].(map[string]any); ok {
				for k, v := range c {
					walk("scope:"+s+"."+cat+"."+k, v, cat)
				}
			}
		}
	}
	return out
}

// labelledEvents splits a label into events, each with its attacker.
func labelledEvents(exp map[string]any) []map[string]any {
	att, _ := exp["attacker"].(string)
	if att == "" {
		att = "RU"
	}
	var list []any
	if evs, ok := exp["events"].([]any); ok {
		list = evs
	} else if ns, ok := exp["nights"].([]any); ok {
		list = ns
	} else {
		return []map[string]any{exp}
	}
	var out []map[string]any
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		if _, ok := m["attacker"]; !ok {
			m["attacker"] = att
		}
		out = append(out, m)
	}
	return out
}

type score struct {
	fields, exact, violations int
	reports, unmatched        int // our national reports, and those no labelled event matched
}

func scoreFile(t *testing.T, path string) score {
	var sc score
	for i, c := range readCases(t, path) {
		var exp map[string]any
		if err := json.Unmarshal(c.Expected, &exp); err != nil {
			t.Fatalf("extract: %s line %d: %v", path, i+1, err)
		}
		var pub time.Time
		if c.Date != nil {
			pub, _ = time.Parse("2006-01-02", *c.Date)
		}
		res := Extract(c.Text, pub)
		var diffs []string
		matched := map[*briefings.AttackReport]bool{}
		for _, ev := range labelledEvents(exp) {
			att, _ := ev["attacker"].(string)
			if att == "" {
				att = "RU"
			}
			checks := checksFor(ev)
			if len(checks) == 0 {
				continue
			}
			// the report of ours that agrees best with the labelled event
			var best *briefings.AttackReport
			bestN := -1
			for k := range res.Attacks {
				a := &res.Attacks[k]
				if a.Attacker != att {
					continue
				}
				n := 0
				for _, f := range checks {
					if f.ok(a) && f.all == nil && f.want != nil {
						n++
					}
				}
				if n > bestN {
					best, bestN = a, n
				}
			}
			if best != nil {
				matched[best] = true
			}
			for _, f := range checks {
				sc.fields++
				ok := f.ok(best)
				if !ok && strings.HasPrefix(f.name, "casualties") {
					// casualties are often given by a governor: any report of the same side counts
					for k := range res.Attacks {
						if a := &res.Attacks[k]; a.Attacker == att && f.ok(a) {
							ok = true
						}
					}
				}
				if ok {
					sc.exact++
					continue
				}
				got := "no report"
				if best != nil && f.get != nil {
					got = show(f.get(best))
				} else if best != nil {
					got = "figures present"
				}
				diffs = append(diffs, fmt.Sprintf("%s %s: want %s got %s", att, f.name, show(f.want), got))
			}
		}
		for k := range res.Attacks {
			if a := &res.Attacks[k]; a.Scope == briefings.ScopeNational {
				sc.reports++
				if !matched[a] {
					sc.unmatched++
					diffs = append(diffs, "extra national report: "+a.Evidence)
				}
			}
		}
		for _, fb := range forbiddenFigures(exp) {
			for k := range res.Attacks {
				a := &res.Attacks[k]
				if a.Scope != briefings.ScopeNational || a.Cumulative {
					continue
				}
				if g := fb.get(a); g != nil && *g == fb.n {
					sc.violations++
					diffs = append(diffs, fmt.Sprintf("VIOLATION %s=%d reported as a national figure", fb.name, fb.n))
				}
			}
		}
		if len(diffs) > 0 && testing.Verbose() {
			js, _ := json.Marshal(res.Attacks)
			t.Logf("%s line %d (%s):\n  %s\n  ours: %s", filepath.Base(path), i+1, c.URL, strings.Join(diffs, "\n  "), js)
		}
	}
	return sc
}

// TestCorpusAccuracy measures field-level accuracy on the evaluation corpus.
// Run with -v to see the differing fields of each case.
func TestCorpusAccuracy(t *testing.T) {
	dir := shared.Corpus(t)
	floors := map[string]float64{
		"attacks_en.jsonl": 0.99,
		"attacks_uk.jsonl": 0.97,
	}
	for _, name := range []string{"attacks_en.jsonl", "attacks_uk.jsonl"} {
		sc := scoreFile(t, filepath.Join(dir, name))
		if sc.fields == 0 {
			t.Fatalf("extract: %s: no labelled fields", name)
		}
		acc := float64(sc.exact) / float64(sc.fields)
		t.Logf("%s: %d/%d labelled fields exact (%.1f%%); regional/cumulative figures reported as national: %d; national reports %d, matching no labelled event %d",
			name, sc.exact, sc.fields, 100*acc, sc.violations, sc.reports, sc.unmatched)
		if acc < floors[name] {
			t.Errorf("extract: %s accuracy %.3f below floor %.3f", name, acc, floors[name])
		}
		if sc.violations != 0 {
			t.Errorf("extract: %s: %d regional or cumulative figures reported as national attacks", name, sc.violations)
		}
	}
}
