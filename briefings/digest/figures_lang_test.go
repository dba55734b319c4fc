package digest

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// The figures line is written from the structured report in the reader's
// language, whatever the language of the text it was read from.
func TestFigureLineInUkrainian(t *testing.T) {
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	uk, en := c.For(locale.Ukrainian), c.For(locale.English)
	at := time.Date(2025, 9, 17, 6, 0, 0, 0, time.UTC)
	wire := &briefings.AttackReport{Attacker: "RU", Target: "UA", Date: "2025-09-17", Period: "overnight",
		Source: "Ukraine's Air Force", SourceName: "Sample Wire", PublishedAt: at,
		Launched:            briefings.Counts{Drones: briefings.IntPtr(146), Missiles: briefings.IntPtr(2)},
		InterceptedOrJammed: briefings.Counts{Drones: briefings.IntPtr(118)},
		Casualties:          briefings.Casualties{Injured: briefings.IntPtr(3)}}
	cases := []struct{ got, want string }{
		{FigureLine(uk, []*briefings.AttackReport{wire}, nil),
			"Росія запустила 146 дронів і 2 ракети; 118 дронів збито або подавлено (81%); поранених: 3. Джерело: Повітряні сили України"},
		{FigureLine(en, []*briefings.AttackReport{wire}, nil),
			"Russia launched 146 drones and 2 missiles; 118 drones intercepted or jammed (81%); 3 injured. Source: Ukraine's Air Force"},
	}
	lines := AttackLines(uk, []*briefings.AttackReport{wire}, time.UTC)
	if len(lines) != 1 {
		t.Fatalf("lines %q", lines)
	}
	cases = append(cases, struct{ got, want string }{lines[0],
		"17 вересня 2025, уночі: Росія запустила 146 дронів і 2 ракети; 118 дронів збито або подавлено (81%); поранених: 3. Джерело: Повітряні сили України через Sample Wire"})
	one := &briefings.AttackReport{Attacker: "RU", Target: "UA", SourceName: "Sample Wire", Source: "some local office",
		PublishedAt: at, Launched: briefings.Counts{Drones: briefings.IntPtr(21)}, Intercepted: briefings.Counts{Drones: briefings.IntPtr(1)},
		Jammed: briefings.Counts{Drones: briefings.IntPtr(5)}}
	// An authority the catalogue does not know keeps its own name.
	cases = append(cases, struct{ got, want string }{FigureLine(uk, []*briefings.AttackReport{one}, nil),
		"Росія запустила 21 дрон; 1 збито, 5 подавлено (29%). Джерело: some local office"})
	for _, tc := range cases {
		if tc.got != tc.want {
			t.Errorf("got  %q\nwant %q", tc.got, tc.want)
		}
	}
}
