package digest

import (
	"context"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store/storetest"
	"github.com/sitrep/sitrep/briefings/summarize"
)

// Imported history is not news: reports of record of the digest's own
// window put no item and no figure into it.
func TestImportedRecordsAreNotNews(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	rep := briefings.AttackReport{Attacker: "RU", Target: "UA", Date: "2026-03-14", Period: "overnight", Scope: briefings.ScopeNational,
		Launched: briefings.Counts{Drones: briefings.IntPtr(430)}}
	if _, err := st.ImportAttackRecords(ctx, []*briefings.AttackRecord{{Dataset: "Invented data set", Key: "w", Hash: "h", Report: rep}}); err != nil {
		t.Fatal(err)
	}
	d, err := Build(ctx, st, summarize.New(), Options{Since: now.Add(-24 * time.Hour), Until: now, Now: now, Sentences: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Sections {
		if len(s.Items) > 0 {
			t.Errorf("section %s has %d items from an import", s.Name, len(s.Items))
		}
	}
}
