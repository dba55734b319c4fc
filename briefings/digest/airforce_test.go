package digest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/extract"
	"github.com/sitrep/sitrep/briefings/locale"
)

// The Air Force heads its overnight report with one figure for everything
// intercepted or jammed, drones and missiles together, and breaks it down per
// class under its own count. The line a reader gets shows the breakdown once,
// never the header's figure as a further "drones and missiles" part. The
// posts are invented, in the channel's template, with made-up figures.
func TestAirForceHeaderTotalShownOnce(t *testing.T) {
	posts := []struct {
		name, body string
		want       string
	}{
		{"header total over a per-class list", strings.Join([]string{
			"⚡️ ЗБИТО/ПОДАВЛЕНО 97 ЦІЛЕЙ",
			"У ніч на 14 листопада (з 18:00 13 листопада) противник атакував 3 балістичними ракетами Іскандер-М з Брянської обл. рф та 105 ударними БпЛА типу Shahed, Гербера і дронами-імітаторами.",
			"💥 За попередніми даними, станом на 08:15, протиповітряною обороною збито/подавлено 97 цілей:",
			"- 2 балістичні ракети Іскандер-М;",
			"- 95 ворожих ударних БпЛА (Shahed, Гербера) і дронів-імітаторів.",
		}, "\n"), "Russia launched 105 drones and 3 missiles; 95 drones intercepted or jammed (90%); 2 missiles intercepted or jammed (67%)"},
		{"header with its own split, then the inventory and the count", strings.Join([]string{
			"⚡️ ЗБИТО/ПОДАВЛЕНО 212 ЦІЛЕЙ: 12 РАКЕТ ТА 200 ВОРОЖИХ БПЛА",
			"У ніч на 9 листопада (з 18:00 8 листопада), противник атакував Україну ракетами та ударними БпЛА.",
			"Усього радіотехнічними військами Повітряних Сил зафіксовано 240 засобів повітряного нападу – 15 ракет і 225 БпЛА різних типів:",
			"- 5 балістичних ракет Іскандер-М (район пуску – Курська обл., - рф);",
			"- 10 крилатих ракет Х-101 (район пуску – Саратовська обл., - рф);",
			"- 225 ударних БпЛА типу Shahed, Гербера та дронів-імітаторів.",
			"💥 За попередніми даними, станом на 09:10, протиповітряною обороною збито/подавлено 212 цілей – 12 ракет та 200 безпілотників різних типів:",
			"- 2 балістичні ракети Іскандер-М;",
			"- 10 крилатих ракет Х-101;",
			"- 200 ворожих БпЛА різних типів.",
		}, "\n"), "Russia launched 225 drones and 15 missiles; 200 drones intercepted or jammed (89%); 12 missiles intercepted or jammed (80%)"},
	}
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	p := c.For(locale.English)
	pub := time.Date(2026, 11, 14, 6, 40, 0, 0, time.UTC)
	for _, tt := range posts {
		t.Run(tt.name, func(t *testing.T) {
			a := &briefings.Article{Body: tt.body, PublishedAt: pub, SourceName: "Air Force channel"}
			extract.NewAnalyzer().Analyze(a)
			if len(a.Attacks) != 1 {
				t.Fatalf("%d attack reports, want 1: %+v", len(a.Attacks), a.Attacks)
			}
			r := &a.Attacks[0]
			r.SourceName, r.PublishedAt = a.SourceName, a.PublishedAt
			lines := digest.AttackLines(p, []*briefings.AttackReport{r}, time.UTC)
			if len(lines) != 1 {
				t.Fatalf("lines %q", lines)
			}
			if !strings.Contains(lines[0], tt.want) {
				t.Errorf("got  %s\nwant %s", lines[0], tt.want)
			}
			if strings.Contains(lines[0], "drones and missiles") {
				t.Errorf("the header total is shown beside its breakdown: %s", lines[0])
			}
		})
	}
}
