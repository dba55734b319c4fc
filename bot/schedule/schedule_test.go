package schedule

import (
	"strings"
	"testing"
	"time"
)

func mustLoc(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone data for %s unavailable: %v", name, err)
	}
	return loc
}

func utc(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

// slots lists every slot in (from, to].
func slots(s Schedule, from, to time.Time) []time.Time {
	var out []time.Time
	for t := s.Next(from); !t.IsZero() && !t.After(to); t = s.Next(t) {
		out = append(out, t)
		if len(out) > 10000 {
			break
		}
	}
	return out
}

func TestNextAcrossDST(t *testing.T) {
	tests := []struct {
		name     string
		spec, tz string
		from, to string // UTC window
		want     []string
	}{
		// Kyiv springs forward on 2026-03-29 at 03:00 -> 04:00 (01:00 UTC).
		{"kyiv 02:30 spring day", "02:30", "Europe/Kyiv", "2026-03-28 12:00", "2026-03-29 12:00", []string{"2026-03-29 00:30"}},
		{"kyiv 03:30 in the gap shifts to 04:30", "03:30", "Europe/Kyiv", "2026-03-27 12:00", "2026-03-30 12:00",
			[]string{"2026-03-28 01:30", "2026-03-29 01:30", "2026-03-30 00:30"}},
		// Kyiv falls back on 2026-10-25 at 04:00 -> 03:00 (01:00 UTC): 03:xx repeats.
		{"kyiv 03:30 repeated hour once", "03:30", "Europe/Kyiv", "2026-10-24 12:00", "2026-10-26 12:00",
			[]string{"2026-10-25 00:30", "2026-10-26 01:30"}},
		{"kyiv 01:30 fall day", "01:30", "Europe/Kyiv", "2026-10-24 12:00", "2026-10-25 12:00", []string{"2026-10-24 22:30"}},
		// New York springs forward on 2026-03-08 at 02:00 -> 03:00 (07:00 UTC).
		{"ny 02:30 in the gap", "02:30", "America/New_York", "2026-03-07 12:00", "2026-03-09 12:00",
			[]string{"2026-03-08 07:30", "2026-03-09 06:30"}},
		// New York falls back on 2026-11-01 at 02:00 -> 01:00 (06:00 UTC): 01:xx repeats.
		{"ny 01:30 repeated hour once", "01:30", "America/New_York", "2026-10-31 12:00", "2026-11-02 12:00",
			[]string{"2026-11-01 05:30", "2026-11-02 06:30"}},
		{"ny cron 01:30 repeated hour once", "CRON_TZ=America/New_York 30 1 * * *", "", "2026-10-31 12:00", "2026-11-01 23:00",
			[]string{"2026-11-01 05:30"}},
		{"ny cron 02:30 gap once", "TZ=America/New_York 30 2 * * *", "", "2026-03-07 12:00", "2026-03-08 23:00",
			[]string{"2026-03-08 07:30"}},
		{"ny cron half-hourly over fall back", "*/30 1-2 * * *", "America/New_York", "2026-11-01 04:00", "2026-11-01 09:00",
			[]string{"2026-11-01 05:00", "2026-11-01 05:30", "2026-11-01 07:00", "2026-11-01 07:30"}},
		{"ny cron half-hourly over spring forward merges shifted slots", "*/30 1-3 * * *", "America/New_York", "2026-03-08 04:00", "2026-03-08 09:00",
			[]string{"2026-03-08 06:00", "2026-03-08 06:30", "2026-03-08 07:00", "2026-03-08 07:30"}},
		{"kyiv weekdays only", "CRON_TZ=Europe/Kyiv 0 8 * * 1-5", "", "2026-03-27 00:00", "2026-03-31 00:00",
			[]string{"2026-03-27 06:00", "2026-03-30 05:00"}},
		{"utc default", "08:00", "", "2026-01-01 00:00", "2026-01-02 00:00", []string{"2026-01-01 08:00"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Parse(tc.spec, tc.tz)
			if err != nil {
				t.Fatal(err)
			}
			got := slots(s, utc(tc.from), utc(tc.to))
			var gs []string
			for _, g := range got {
				gs = append(gs, g.UTC().Format("2006-01-02 15:04"))
			}
			if strings.Join(gs, ",") != strings.Join(tc.want, ",") {
				t.Fatalf("slots = %v, want %v", gs, tc.want)
			}
		})
	}
}

// TestDailyOncePerLocalDate walks a whole year of every quarter hour in both
// zones: each local date gets exactly one slot, slots strictly increase.
func TestDailyOncePerLocalDate(t *testing.T) {
	for _, zone := range []string{"Europe/Kyiv", "America/New_York"} {
		loc := mustLoc(t, zone)
		for m := 0; m < 24*60; m += 15 {
			spec := time.Date(2000, 1, 1, m/60, m%60, 0, 0, time.UTC).Format("15:04")
			s, err := Parse(spec, zone)
			if err != nil {
				t.Fatal(err)
			}
			from := time.Date(2026, 1, 1, 0, 0, 0, 0, loc).Add(-time.Second)
			to := time.Date(2027, 1, 1, 0, 0, 0, 0, loc).Add(-time.Second)
			seen := map[string]int{}
			prev := from
			for _, sl := range slots(s, from, to) {
				if !sl.After(prev) {
					t.Fatalf("%s %s: slot %v not after %v", zone, spec, sl, prev)
				}
				prev = sl
				seen[sl.In(loc).Format("2006-01-02")]++
			}
			if len(seen) != 365 {
				t.Fatalf("%s %s: %d dates with a slot, want 365", zone, spec, len(seen))
			}
			for d, n := range seen {
				if n != 1 {
					t.Fatalf("%s %s: %d slots on %s", zone, spec, n, d)
				}
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		spec, tz string
		want     string
	}{
		{"TZ=Mars/Base 0 8 * * *", "", `unknown time zone "Mars/Base"; use an IANA name like Europe/Kyiv`},
		{"CRON_TZ=Mars/Base 0 8 * * *", "", `unknown time zone "Mars/Base"`},
		{"08:00", "Mars/Base", `unknown time zone "Mars/Base"`},
		{"TZ=Europe/Kyiv", "", "no schedule after it"}, // panics inside cron v3
		{"CRON_TZ=", "", "no schedule after it"},
		{"TZ= 0 8 * * *", "", "empty time zone"},
		{"TZ=Europe/Kyiv TZ=UTC 0 8 * * *", "", "only one time zone"},
		{"0 8 * * * TZ=UTC", "", "must come first"},
		{"25:00", "", "invalid cron spec"},
		{"0 8 * *", "", "invalid cron spec"},
		{"0 0 8 * * *", "", "invalid cron spec"},
		{"@every 5m", "", "interval"},
		{"", "", "empty schedule"},
		{"08:00", "../../etc/passwd", "unknown time zone"},
		{"08:00", "Local", "unknown time zone"},
	}
	for _, tc := range tests {
		_, err := Parse(tc.spec, tc.tz)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q, %q) = %v, want error containing %q", tc.spec, tc.tz, err, tc.want)
		}
	}
}

func TestParseNormalizes(t *testing.T) {
	for spec, want := range map[string]string{
		"8:05":                          "08:05",
		"0 8 * * 1-5":                   "CRON_TZ=Europe/Kyiv 0 8 * * 1-5",
		"TZ=America/New_York 0 8 * * *": "CRON_TZ=America/New_York 0 8 * * *",
		"@daily":                        "CRON_TZ=Europe/Kyiv @daily",
	} {
		s, err := Parse(spec, "Europe/Kyiv")
		if err != nil {
			t.Fatal(err)
		}
		if s.String() != want {
			t.Errorf("Parse(%q) = %q, want %q", spec, s, want)
		}
	}
	if !(Schedule{}).Next(time.Now()).IsZero() {
		t.Error("zero schedule fired")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"08:00", "TZ=Europe/Kyiv", "CRON_TZ=Europe/Kyiv 0 8 * * 1-5", "TZ=", "TZ= ", "@daily", "*/7 */3 * * *", "0 0 30 2 *", "=", "CRON_TZ=A 1"} {
		f.Add(s, "America/New_York")
	}
	after := time.Date(2026, 3, 8, 5, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, spec, tz string) {
		s, err := Parse(spec, tz)
		if err != nil {
			return
		}
		if n := s.Next(after); !n.IsZero() && !n.After(after) {
			t.Fatalf("Parse(%q,%q).Next(%v) = %v, not after", spec, tz, after, n)
		}
	})
}

func BenchmarkNextCron(b *testing.B) {
	s, err := Parse("CRON_TZ=Europe/Kyiv 0 8 * * 1-5", "")
	if err != nil {
		b.Fatal(err)
	}
	t := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		s.Next(t)
	}
}
