package locale_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/sitrep/sitrep/briefings/locale"
)

func catalogue(t *testing.T) *locale.Catalogue {
	t.Helper()
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestMissingKeys lists every key English has that another language lacks,
// and every plural message lacking a form the language's rules use. Such a
// key reads in English in that language until it is added.
func TestMissingKeys(t *testing.T) {
	c := catalogue(t)
	if !slices.Contains(c.Langs(), locale.Ukrainian) || !slices.Contains(c.Langs(), locale.English) {
		t.Fatalf("languages %v", c.Langs())
	}
	for _, l := range c.Langs() {
		missing := c.Missing(l)
		for _, k := range missing {
			t.Errorf("%s: missing %s (falls back to English)", l, k)
		}
		for _, k := range c.Keys(l) {
			if c.Message(locale.English, k) == nil {
				t.Errorf("%s: %s is not in en.yaml (English is the reference)", l, k)
			}
			en := c.Message(locale.English, k)
			if en == nil || en.One == "" {
				continue // not a plural message
			}
			for _, form := range pluralForms(l) {
				if text(c.Message(l, k), form) == "" {
					t.Errorf("%s: %s lacks the plural form %q", l, k, form)
				}
			}
		}
		t.Logf("%s: %d keys, %d missing", l, len(c.Keys(l)), len(missing))
	}
}

// pluralForms returns the CLDR forms l's rules choose for whole numbers.
func pluralForms(l locale.Lang) []string {
	names := map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few",
		plural.Many: "many", plural.Other: "other"}
	seen := map[string]bool{}
	var out []string
	for n := 0; n <= 1000; n++ {
		f := names[plural.Cardinal.MatchPlural(language.Make(string(l)), n, 0, 0, 0, 0)]
		if f != "zero" && !seen[f] { // "zero" has its own wording nowhere in sitrep's languages
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

func text(m *i18n.Message, form string) string {
	return map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other}[form]
}

func TestFallbackToEnglish(t *testing.T) {
	fsys := fstest.MapFS{
		"c/en.yaml": {Data: []byte("greet: Hello {{.Name}}\nbye: Goodbye\nn:\n  one: \"{{.Count}} item\"\n  other: \"{{.Count}} items\"\n")},
		"c/de.yaml": {Data: []byte("greet: Hallo {{.Name}}\n")},
		"c/README":  {Data: []byte("not a catalogue")},
	}
	c, err := locale.Load(fsys, "c")
	if err != nil {
		t.Fatal(err)
	}
	de := c.For("de")
	if got := de.T("greet", locale.Args{"Name": "Olena"}); got != "Hallo Olena" {
		t.Errorf("de greet = %q", got)
	}
	if got := de.T("bye"); got != "Goodbye" {
		t.Errorf("de bye = %q, want the English", got)
	}
	if got := de.N("n", 3); got != "3 items" {
		t.Errorf("de n = %q, want the English plural", got)
	}
	if got := de.T("nowhere.at.all"); got != "nowhere.at.all" {
		t.Errorf("unknown key = %q", got)
	}
	if got := c.Missing("de"); !slices.Equal(got, []string{"bye", "n"}) {
		t.Errorf("missing in de: %v", got)
	}
	if got := c.For("fr").Lang(); got != locale.English {
		t.Errorf("a language the catalogue lacks prints in %s", got)
	}
	if _, err := locale.Load(fstest.MapFS{"c/de.yaml": {Data: []byte("a: b\n")}}, "c"); err == nil {
		t.Error("a catalogue without English loaded")
	}
}

func TestUkrainianPlurals(t *testing.T) {
	uk := catalogue(t).For(locale.Ukrainian)
	for n, want := range map[int]string{1: "1 дрон", 2: "2 дрони", 4: "4 дрони", 5: "5 дронів", 11: "11 дронів",
		14: "14 дронів", 21: "21 дрон", 22: "22 дрони", 25: "25 дронів", 111: "111 дронів", 146: "146 дронів", 0: "0 дронів"} {
		if got := uk.N("figures.drones", n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
	en := catalogue(t).For(locale.English)
	if got := en.N("figures.drones", 1) + ", " + en.N("figures.drones", 21); got != "1 drone, 21 drones" {
		t.Errorf("English: %q", got)
	}
}

func TestDates(t *testing.T) {
	c := catalogue(t)
	en, uk := c.For(locale.English), c.For(locale.Ukrainian)
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Skip("no time zone data")
	}
	night := time.Date(2025, 9, 17, 4, 30, 0, 0, kyiv)
	cases := []struct{ got, want string }{
		{uk.Night(night), "у ніч на 17 вересня 2025"},
		{en.Night(night), "night of 17 Sep 2025"},
		{uk.WeekdayTime(night), "ср 17 вересня 04:30 EEST"},
		{en.WeekdayTime(night), "Wed 17 Sep 04:30 EEST"},
		{uk.DayTime(night), "17 вересня 04:30"},
		// 23:30 UTC on the 16th is already the 17th in Kyiv.
		{uk.Date(time.Date(2025, 9, 16, 23, 30, 0, 0, time.UTC).In(kyiv)), "17 вересня 2025"},
		{en.Window(night.Add(-6*time.Hour), night, kyiv), "16 Sep 22:30 – 17 Sep 2025 04:30 EEST"},
		{uk.Window(night.Add(-4*time.Hour), night, kyiv), "17 вересня 2025, 00:30–04:30 EEST"},
		{uk.Window(time.Date(2025, 12, 31, 20, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 20, 0, 0, 0, time.UTC), time.UTC),
			"31 грудня 2025 20:00 – 1 січня 2026 20:00 UTC"},
	}
	for _, tc := range cases {
		if tc.got != tc.want {
			t.Errorf("%q, want %q", tc.got, tc.want)
		}
	}
}

func TestMatch(t *testing.T) {
	c := catalogue(t)
	for in, want := range map[string]locale.Lang{"uk": "uk", "uk-UA": "uk", "UK": "uk", "en_GB": "en", "en-US": "en", "en": "en"} {
		if got, ok := c.Match(in); !ok || got != want {
			t.Errorf("Match(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "ru", "pt-br", "klingon!", strings.Repeat("a", 300)} {
		if got, ok := c.Match(in); ok {
			t.Errorf("Match(%q) = %q, want none", in, got)
		}
	}
}
