package digest

import (
	"context"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// A section that shows fewer stories than it has counts the ones its places
// left out; a section that shows them all counts none.
func TestBuildSectionCountsWhatItLeavesOut(t *testing.T) {
	f := newFixture(t)
	h := func(n int) time.Time { return base.Add(-time.Duration(n) * time.Hour) }
	for i, title := range []string{"Power restored in the northern district", "Trains run again to the border city",
		"Schools reopen after the summer break", "Volunteers repair a damaged clinic"} {
		f.addClassified(0, "Sample Wire", title, h(i+1), briefings.SectionOther, false)
		f.addClassified(0, "Demo Kyiv Post", title+" says the mayor", h(i+1), briefings.SectionOther, false)
	}
	f.addClassified(0, "Sample Wire", "Envoys meet to prepare a prisoner exchange", h(2), briefings.SectionDiplomacy, false)
	d, err := Build(context.Background(), f.st, firstSentences{}, Options{Now: base, MaxPerSection: 3})
	if err != nil {
		t.Fatal(err)
	}
	more := map[string]int{}
	for _, sec := range d.Sections {
		more[sec.Name] = sec.More
		if len(sec.Items) > 3 {
			t.Errorf("%s: %d items", sec.Name, len(sec.Items))
		}
	}
	if more[briefings.SectionOther] != 5 || more[briefings.SectionDiplomacy] != 0 {
		t.Errorf("more: %v, want Other 5 (8 stories, 3 shown), Diplomacy 0", more)
	}
}
