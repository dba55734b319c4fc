package extract

import (
	"testing"

	"github.com/sitrep/sitrep/briefings"
)

// Paraphrase families for issue 14 (round 9, feed items read as title and
// teaser), written for these tests: invented places, times and figures.

// feedCase is a feed item: its title is read as a headline, its teaser as
// the body ("" for a title alone). tallies is the number of reports with a
// figure of the night's tallies that are neither regional nor cumulative
// (what alerts send).
type feedCase struct {
	name, title, body string
	tallies           int
	want              map[string]any
}

// One weapon named by an article ("a drone", "a single missile", "the
// rocket") is no tally of Russia's attack: the story is about that weapon.
// A single weapon in the teaser does not replace the headline's figure.
var loneFamily = []feedCase{
	{name: "lone: a drone with a painted greeting, title alone",
		title: "Russia attacked the capital with a drone bearing a birthday message in a wave of strikes on Ukraine"},
	{name: "lone: a drone that took a radio, title alone",
		title: "Ukraine's army says it used a drone to lift a radio set off a fallen Russian soldier"},
	{name: "lone: a pensioner and his rifle, title alone",
		title: "Retired miner who downed a Russian attack drone with an old rifle is decorated, Ukraine's army says"},
	{name: "lone: one shoot-down on video",
		title: "Watch: soldier stops a missile",
		body:  "Ukraine's defence ministry posted footage and said a paratrooper shot down a Russian cruise missile with a shoulder-fired launcher."},
	{name: "lone: a space launch",
		title: "Moscow sends spy satellite into orbit",
		body:  "Russia launched a Soyuz rocket with a military satellite from its northern cosmodrome on Thursday."},
	{name: "lone: the teaser's single drone under a headline figure",
		title:   "Russia says it downed 7 Ukrainian drones in a new raid on the capital",
		body:    "Drones were shot down over the Tula and Oryol regions, and one over a district west of the capital.",
		tallies: 1, want: map[string]any{"0.attacker": "UA", "0.intercepted.drones": 7}},
	{name: "lone: an earlier drone in the teaser under a headline figure",
		title:   "Russia says 11 Ukrainian drones shot down near the Black Sea fleet's base",
		body:    "The attempt follows a string of raids on the region since a drone was destroyed above the presidential residence in early June.",
		tallies: 1, want: map[string]any{"0.attacker": "UA", "0.intercepted.drones": 11}},
	// what must not change
	{name: "lone: the ministry's single Ukrainian drone",
		title:   "Russia says a Ukrainian drone was shot down near its capital",
		tallies: 1, want: map[string]any{"0.attacker": "UA", "0.intercepted.drones": 1}},
	{name: "lone: a missile among numbered drones",
		title:   "Russia fires 40 drones and a ballistic missile at Ukraine",
		body:    "Russia launched 40 drones and a ballistic missile overnight, and air defence shot down 31 of the drones, the air force said.",
		tallies: 1, want: map[string]any{"0.launched.drones": 40, "0.launched.missiles": 1, "0.intercepted.drones": 31}},
	{name: "lone: the Air Force's template with one ballistic missile",
		body:    "У ніч на 5 квітня (з 18:00 4 квітня) противник атакував балістичною ракетою Іскандер-М з Курської області.",
		tallies: 1, want: map[string]any{"0.launched.missiles": 1}},
	{name: "lone: the air force's commander on one hypersonic missile",
		title:   "Air defence stops a hypersonic missile",
		body:    "The commander of Ukraine's air force said a Patriot battery shot down a Kinzhal missile fired at the capital overnight.",
		tallies: 1, want: map[string]any{"0.attacker": "RU", "0.intercepted.missiles": 1, "0.source": "Ukraine's Air Force"}},
	{name: "lone: the air force's night, one missile of each kind",
		body:    "Ukraine's air force said its units destroyed a cruise missile overnight. An Iskander missile fired at the south did not reach its target, it added.",
		tallies: 1, want: map[string]any{"0.attacker": "RU", "0.intercepted.missiles": 1}},
	{name: "lone: a teaser figure beside a headline figure of another kind",
		title:   "Ukraine downs 12 Russian drones overnight",
		body:    "Air defence also destroyed a cruise missile over the south, the air force said.",
		tallies: 1, want: map[string]any{"0.intercepted.drones": 12, "0.intercepted.missiles": 1}},
}

func TestLoneWeaponFamily(t *testing.T) { runFeedCases(t, loneFamily) }

// runFeedCases runs each case's headline and teaser through the Analyzer,
// as ingestion reads a feed item, and checks its national tallies and paths.
func runFeedCases(t *testing.T, cases []feedCase) {
	t.Helper()
	an := NewAnalyzer()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := &briefings.Article{Title: c.title, Body: c.body, PublishedAt: day("2026-04-04")}
			an.Analyze(a)
			n := 0
			for i := range a.Attacks {
				if tallyReport(&a.Attacks[i]) {
					n++
				}
			}
			if n != c.tallies {
				t.Errorf("%d national tallies, want %d: %+v", n, c.tallies, a.Attacks)
			}
			checkPaths(t, c.name, a.Attacks, c.want)
		})
	}
}

// tallyReport: a national figure of one attack, as alerts read it.
func tallyReport(r *briefings.AttackReport) bool {
	if r.Cumulative || r.Scope == briefings.ScopeCumulative || r.Scope == briefings.ScopeRegional {
		return false
	}
	_, ok := r.LaunchedTotal()
	return ok || r.Intercepted.Drones != nil || r.Intercepted.Missiles != nil
}
