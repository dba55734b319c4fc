package ingest

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// regionAnalyzer reports, for a text naming a region of its list, that
// region's attack of the night with one injured; a text naming no region
// but "drones" gets a national report with hits only.
type regionAnalyzer struct{}

func (regionAnalyzer) Analyze(a *briefings.Article) {
	one, date := 1, a.PublishedAt.Format("2006-01-02")
	a.Attacks = nil
	for _, reg := range []string{"Kharkiv", "Odesa"} {
		if strings.Contains(a.Body, reg) {
			a.Attacks = append(a.Attacks, briefings.AttackReport{Attacker: "RU", Target: "UA", Date: date, Scope: briefings.ScopeRegional,
				Regions: []string{reg}, Casualties: briefings.Casualties{Injured: &one}})
		}
	}
	if a.Attacks == nil && strings.Contains(a.Body, "drones") {
		a.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Date: date, Scope: briefings.ScopeNational, Hits: briefings.Hits{Drones: &one}}}
	}
}

// TestStoriesOfOneNight: on one night, two regions' damage reports are two
// stories and a report of bridges hit is a third, though all three report
// the same night's attack; two outlets' reports of one region's damage are
// one story.
func TestStoriesOfOneNight(t *testing.T) {
	st := &memStore{}
	in := newIngester(t, st, Options{Analyzer: regionAnalyzer{}})
	at := time.Date(2026, 5, 14, 7, 0, 0, 0, time.UTC)
	arts := []*briefings.Article{
		{SourceName: "Wire A", Title: "One injured as Russian drones hit Kharkiv overnight", Body: "One person was injured when Russian drones hit Kharkiv overnight, the regional governor said.", PublishedAt: at},
		{SourceName: "Wire A", Title: "One injured as Russian drones hit Odesa overnight", Body: "One person was injured when Russian drones hit Odesa overnight, the regional governor said.", PublishedAt: at.Add(10 * time.Minute)},
		{SourceName: "Wire B", Title: "Two road bridges closed after strikes", Body: "Traffic was diverted after drones damaged two road bridges across the river, the transport ministry said.", PublishedAt: at.Add(20 * time.Minute)},
		{SourceName: "Wire C", Title: "Russian drone attack on Kharkiv injures one", Body: "A Russian drone attack on Kharkiv overnight injured one person, according to the governor.", PublishedAt: at.Add(30 * time.Minute)},
	}
	outs := in.AddAll(t.Context(), arts)
	story := func(i int) int64 { return outs[i].StoryID }
	if story(0) == story(1) || story(0) == story(2) || story(1) == story(2) {
		t.Errorf("stories %d %d %d: one night's different reports share a story", story(0), story(1), story(2))
	}
	if story(3) != story(0) {
		t.Errorf("stories %d and %d: two outlets' reports of Kharkiv's night are apart", story(0), story(3))
	}
}
