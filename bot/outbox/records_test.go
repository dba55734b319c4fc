package outbox

import (
	"context"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// Imported history never alerts: reports of record of last night, for a
// chat that alerts on everything, enqueue nothing; a report read from an
// article afterwards still does.
func TestImportedRecordsNeverAlert(t *testing.T) {
	ctx := context.Background()
	f := newAlertFixture(t)
	now := time.Date(2026, 9, 4, 6, 0, 0, 0, time.UTC)
	chat := briefings.Chat{Platform: "telegram", ChatID: "1"}
	if err := f.st.SetAlertSettings(ctx, &briefings.AlertSettings{Chat: chat, Enabled: true}); err != nil {
		t.Fatal(err)
	}
	recs := []*briefings.AttackRecord{
		{Dataset: "Invented data set", Key: "w1", Hash: "h1", Report: national("2026-09-04", 300)},
		{Dataset: "Invented data set", Key: "w2", Hash: "h2", Report: national("2026-09-03", 120)},
	}
	if _, err := f.st.ImportAttackRecords(ctx, recs); err != nil {
		t.Fatal(err)
	}
	n, err := EnqueueAlerts(ctx, f.st, now, 0, renderTest)
	if err != nil || n != 0 {
		t.Fatalf("after an import: %d alerts enqueued (%v), want none", n, err)
	}
	if rows := pending(t, f.st); len(rows) != 0 {
		t.Fatalf("%d deliveries queued by an import", len(rows))
	}
	f.report(t, now.Add(-time.Hour), national("2026-09-04", 301))
	if n, err := EnqueueAlerts(ctx, f.st, now, 0, renderTest); err != nil || n != 1 {
		t.Errorf("a report read from an article: %d alerts (%v), want 1", n, err)
	}
}
