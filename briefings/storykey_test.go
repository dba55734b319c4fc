package briefings

import "testing"

func TestStoryKey(t *testing.T) {
	n := func(v int) *int { return &v }
	night := AttackReport{Attacker: "RU", Target: "UA", Date: "2026-05-14", Scope: ScopeNational}
	tally := night
	tally.Launched = Counts{Drones: n(120)}
	hitsOnly := night
	hitsOnly.Hits = Hits{Drones: n(2)}
	hitsOnly.Casualties = Casualties{Injured: n(3)}
	region := func(regs ...string) AttackReport {
		r := night
		r.Scope, r.Regions, r.Casualties = ScopeRegional, regs, Casualties{Killed: n(1)}
		return r
	}
	cumulative := tally
	cumulative.Cumulative, cumulative.Scope = true, ScopeCumulative
	day := tally
	day.Period = PeriodDay
	bombs := night
	bombs.Period = Period24h
	bombs.Launched = Counts{ByType: map[string]int{TypeGuidedBomb: 90}}
	bombsAndShaheds := bombs
	bombsAndShaheds.Launched = Counts{ByType: map[string]int{TypeGuidedBomb: 90, "Shahed": 40}}
	cases := []struct {
		name string
		r    AttackReport
		want string
	}{
		{"a national tally is its event", tally, "RU>UA@2026-05-14"},
		{"a daytime tally is its own event", day, "RU>UA@2026-05-14/day"},
		{"national hits and casualties alone say nothing", hitsOnly, ""},
		{"a region's report is the event in that region", region("Kharkiv"), "RU>UA@2026-05-14/Kharkiv"},
		{"regions in any order", region("Sumy", "Kharkiv", "Sumy"), "RU>UA@2026-05-14/Kharkiv+Sumy"},
		{"a regional report without a region says nothing", region(), ""},
		{"a cumulative total says nothing", cumulative, ""},
		{"the front's day of glide bombs alone says nothing", bombs, ""},
		{"a tally with drones by type is its event", bombsAndShaheds, "RU>UA@2026-05-14"},
	}
	for _, c := range cases {
		if got := c.r.StoryKey(); got != c.want {
			t.Errorf("%s: StoryKey() = %q, want %q", c.name, got, c.want)
		}
	}
}
