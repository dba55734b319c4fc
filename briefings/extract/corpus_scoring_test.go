package extract

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/briefings"
)

func TestLabelValue(t *testing.T) {
	for in, want := range map[string]int{
		`1300`: 1300, `{"min": 1301, "qualifier": "more than 1,300"}`: 1300, `{"min": 3, "qualifier": "at least"}`: 3,
		`{"max": 15, "qualifier": "up to"}`: 15, `{"approx": 500, "qualifier": "some"}`: 500, `{"qualifier": "понад 2 000"}`: 2000,
	} {
		var v any
		if err := json.Unmarshal([]byte(in), &v); err != nil {
			t.Fatal(err)
		}
		n, ok := labelValue(v)
		if !ok || n == nil || *n != want {
			t.Errorf("labelValue(%s) = %s, %v; want %d", in, show(n), ok, want)
		}
	}
	var v any
	_ = json.Unmarshal([]byte(`{"min": 50, "max": 173}`), &v)
	if _, ok := labelValue(v); ok {
		t.Errorf("a range without a stated number read as a figure")
	}
}

// TestScoringRules: the corpus scoring matches a national label only with a
// national report of the same date, and counts national reports the label
// lacks. Texts written for this test.
func TestScoringRules(t *testing.T) {
	cases := []struct {
		name, text, date, expected string
		wantOK, wantN, wantExtra   int
	}{
		{"a regional count never stands for a national label",
			"The governor of the Sumy region said 12 drones were shot down over the region overnight.", "2025-05-10",
			`{"attacker": "RU", "intercepted": {"drones": 12}}`, 0, 1, 0},
		{"same attacker and date",
			"Russia launched 40 drones overnight, the air force said.", "2025-05-10",
			`{"attacker": "RU", "launched": {"drones": 40}}`, 1, 1, 0},
		{"another night is another event",
			"Russia launched 40 drones overnight, the air force said.", "2025-05-10",
			`{"attacker": "RU", "night": "May 8", "launched": {"drones": 40}}`, 0, 1, 1},
		{"the other side's report is another event",
			"Russia's defence ministry said 40 Ukrainian drones were destroyed overnight.", "2025-05-10",
			`{"attacker": "RU", "intercepted": {"drones": 40}}`, 0, 1, 1},
		{"a label of no weapon figure is described by a regional report",
			"A drone attack on the town of Romny killed two people overnight, the governor of the Sumy region said.", "2025-05-10",
			`{"attacker": "RU", "launched": null, "casualties": {"killed": 2}, "regions": ["Sumy"], "source": "Sumy governor"}`, 4, 4, 0},
		{"an extra national report fails",
			"Overnight on May 8, Russia launched 50 drones. Overnight on May 9, it launched 70 drones.", "2025-05-10",
			`{"attacker": "RU", "night": "May 9", "launched": {"drones": 70}}`, 1, 1, 1},
		{"a cumulative label's nulls beside its span's figures want no empty report",
			"Russia has fired more than 3,100 missiles at Ukraine, the president said.", "2025-05-10",
			`{"attacker": "RU", "scope": "cumulative (war to date)", "launched": null, "since_2022": {"launched": {"missiles": 3101}}}`, 0, 0, 0},
	}
	for _, c := range cases {
		date := c.date
		rec, err := newRecord(rawRecord{URL: c.name, Date: &date, Text: c.text, Expected: json.RawMessage(c.expected)})
		if err != nil {
			t.Fatal(err)
		}
		b := board{}
		scoreRecord(&rec, b)
		p := b.total("")
		var all score
		for _, k := range p.kinds {
			all.ok += k.ok
			all.n += k.n
		}
		if all.ok != c.wantOK || all.n != c.wantN || p.extra != c.wantExtra {
			t.Errorf("%s: %d/%d fields, %d extra; want %d/%d, %d", c.name, all.ok, all.n, p.extra, c.wantOK, c.wantN, c.wantExtra)
		}
	}
}

// TestExtraFailures: an extra labelled set fails on the invariants and on a
// floor the caller gives, never on the corpus floors.
func TestExtraFailures(t *testing.T) {
	low := func() board { // en at 50%, no uk fields
		b := board{}
		p := b.at(false, "en")
		p.records = 2
		p.kinds[0] = score{ok: 5, n: 10}
		return b
	}
	if fails, lines := extraFailures(low(), 0); len(fails) != 0 || len(lines) != 1 {
		t.Errorf("no floor, no violation: failures %q, lines %q; want none and one line (en)", fails, lines)
	}
	if fails, _ := extraFailures(low(), 0.4); len(fails) != 0 {
		t.Errorf("50%% over a 40%% floor: failures %q", fails)
	}
	if fails, _ := extraFailures(low(), 0.9); len(fails) != 1 || !strings.Contains(fails[0], "en accuracy") {
		t.Errorf("50%% under a 90%% floor: failures %q; want one for en", fails)
	}
	b := low()
	b.at(true, "uk").violations = 1
	if fails, _ := extraFailures(b, 0); len(fails) != 1 || !strings.Contains(fails[0], "reported as national") {
		t.Errorf("a regional figure as national: failures %q", fails)
	}
	b = low()
	b.at(false, "en").nfig = 2
	if fails, _ := extraFailures(b, 0); len(fails) != 1 || !strings.Contains(fails[0], "without figures") {
		t.Errorf("reports from a text without figures: failures %q", fails)
	}
	for in, want := range map[string]float64{"": 0, "85": 0.85, "92.5%": 0.925, " 100 ": 1} {
		if got, err := parseFloor(in); err != nil || got != want {
			t.Errorf("parseFloor(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"abc", "0", "-5", "101", "0.9x"} {
		if _, err := parseFloor(in); err == nil {
			t.Errorf("parseFloor(%q) accepted", in)
		}
	}
}

// TestLabelSourceAndWeaponNames: labelled sources and weapons map to the
// reader's kinds; a city's military administration is the city's (as a mayor),
// a regional one the governor's, a guided bomb is not the guided missile class.
func TestLabelSourceAndWeaponNames(t *testing.T) {
	for label, want := range map[string]string{
		"Kyiv City Military Administration (Serhii Popko)": string(srcMayor),
		"Cherkasy regional military administration":        string(srcGovernor),
		"Odesa regional head Oleh Kiper":                   string(srcGovernor),
		"Armed Forces of Ukraine":                          string(srcMilitary),
		"President Volodymyr Zelenskyy":                    string(srcOfficial),
		"Ukrainian Air Force commander Mykola Oleshchuk":   string(srcAirForce),
		"Ukrainian representatives":                        string(srcOfficial),
		"Lviv (Ukrainian authorities)":                     string(srcOfficial),
		"Зеленський":                                       string(srcOfficial),
		"Синєгубов; Терехов":                               string(srcGovernor) + "|" + string(srcMayor),
		"Петренко (Вінницька ОВА)":                         string(srcGovernor),
		"Finnish PM":                           string(srcThird),
		"Radio reporter":                       string(srcNone),
		"Ukraine":                              "",
		"Russian officials":                    "",
		"Lviv region police chief":             "",
		"Lviv military administration":         "",
		"Russian defence ministry; Ukraine":    string(srcRUMoD),
		"Ukraine's Interior Ministry":          "",
		"State Emergency Service (ДСНС)":       "",
		"Kharkiv regional prosecutor's office": "",
		"МВС; Терехов":                         string(srcMayor),
		"Russian military":                     string(srcRUMoD),
		"Russia's armed forces":                string(srcRUMoD),
	} {
		if got := strings.Join(sourceNames(label), "|"); got != want {
			t.Errorf("sourceNames(%q) = %q, want %q", label, got, want)
		}
	}
	if _, ok := sourceCheck("Ukraine"); ok {
		t.Errorf("a source that maps to no kind of ours is scored")
	}
	if c, ok := sourceCheck("Radio reporter"); !ok || c.want != "" {
		t.Errorf("the outlet's own words: want no source named, got %q, %v", c.want, ok)
	}
	if got := strings.Join(labelWeapon("guided bomb"), "|"); got != "guided_bomb" {
		t.Errorf("labelWeapon(guided bomb) = %q", got)
	}
}

// TestJoinedTypeFigure: a labelled type matches our figure for a joined
// name that holds it ("Kh-101/Kh-55", where the text counts the two types
// together); a key of its own wins, and a type not in the name gets none.
func TestJoinedTypeFigure(t *testing.T) {
	c := briefings.Counts{ByType: map[string]int{"Kh-101/Kh-55": 13, "cruise": 13}}
	if got := byType(c, "Kh-101"); got == nil || *got != 13 {
		t.Errorf("Kh-101 in a joined key: got %v, want 13", show(got))
	}
	if got := byType(c, "Kh-22"); got != nil {
		t.Errorf("Kh-22: got %d, want none", *got)
	}
	c.ByType["Kh-55"] = 4
	if got := byType(c, "kh-55"); got == nil || *got != 4 {
		t.Errorf("a key of its own: got %v, want 4", show(got))
	}
	if get, _, ok := subGetter("Kh-101"); !ok || get(c) == nil || *get(c) != 13 {
		t.Errorf("the label key Kh-101 reads no figure of the joined name")
	}
}

// TestForbiddenScopedKeys: a regional or cumulative label's figure counted
// as "downed" or as a "total" of air targets (the Ukrainian labels' keys),
// read as a national attack's, is a violation as one under "intercepted"
// is; the same figure in a national label is not. Texts written for this test.
func TestForbiddenScopedKeys(t *testing.T) {
	text := "Air defence shot down 11 drones over Ukraine overnight."
	cases := []struct {
		name, expected string
		want           bool
	}{
		{"a regional label's downed total", `{"attacker": "RU", "scope": "regional Khmelnytskyi", "regions": ["Khmelnytskyi"], "downed": {"total": 11}}`, true},
		{"a regional label's downed drones", `{"attacker": "RU", "scope": "regional Khmelnytskyi", "downed": {"drones": 11}}`, true},
		{"a regional event's downed total", `{"attacker": "RU", "events": [{"scope": "regional Khmelnytskyi", "downed": {"total": 11}}]}`, true},
		{"a regional label's total of air targets", `{"attacker": "RU", "scope": "regional Khmelnytskyi", "total": 11}`, true},
		{"a cumulative label's intercepted", `{"attacker": "RU", "scope": "cumulative (month)", "intercepted": {"drones": 11}}`, true},
		{"a national label's downed", `{"attacker": "RU", "downed": {"drones": 11}}`, false},
	}
	for _, c := range cases {
		checkForbidden(t, c.name, text, c.expected, c.want)
	}
	// a regional total of air targets read as a national report's total of
	// mixed weapons
	targets := "Air defence destroyed 11 air targets over Ukraine overnight."
	checkForbidden(t, "a regional total read as a national total", targets,
		`{"attacker": "RU", "scope": "regional Khmelnytskyi", "intercepted": {"total": 11}}`, true)
	checkForbidden(t, "a national total", targets, `{"attacker": "RU", "intercepted": {"total": 11}}`, false)
}

// checkForbidden scores one record and checks whether it counts a violation.
func checkForbidden(t *testing.T, name, text, expected string, want bool) {
	t.Helper()
	date := "2025-05-10"
	rec, err := newRecord(rawRecord{URL: name, Date: &date, Text: text, Expected: json.RawMessage(expected)})
	if err != nil {
		t.Fatal(err)
	}
	b := board{}
	scoreRecord(&rec, b)
	if got := b.total("").violations > 0; got != want {
		t.Errorf("%s: violation %v, want %v", name, got, want)
	}
}
