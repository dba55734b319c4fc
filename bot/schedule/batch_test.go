package schedule

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

func bothDialects(t *testing.T, fn func(t *testing.T, st *store.DB)) {
	for name, open := range map[string]func(testing.TB) *store.DB{"sqlite": storetest.Open, "postgres": storetest.OpenPostgres} {
		t.Run(name, func(t *testing.T) { fn(t, open(t)) })
	}
}

func countRows(t *testing.T, st *store.DB, table string) int {
	t.Helper()
	var n int
	if err := st.SQL().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBatchStoreSharedPayloads: a batch stores each distinct payload once,
// every row reads back with its own payload through Claim and GetDelivery,
// a later batch with the same body reuses the stored one, and retention
// deletes a shared payload only once no row refers to it.
func TestBatchStoreSharedPayloads(t *testing.T) {
	bothDialects(t, func(t *testing.T, st *store.DB) {
		ctx := context.Background()
		t0 := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
		st.Now = func() time.Time { return t0 }
		bodies := [][]byte{[]byte(`{"text":"first digest"}`), []byte(`{"text":"second digest"}`), {}}
		var items []DueItem
		for i := range 9 {
			items = append(items, DueItem{Delivery: &briefings.Delivery{
				DedupeKey: fmt.Sprint("shared:", i), Chat: briefings.Chat{Platform: "telegram", ChatID: fmt.Sprint(i)},
				Kind: briefings.DeliveryDigest, Payload: append([]byte(nil), bodies[i%3]...), CreatedAt: t0,
			}})
		}
		if err := (BatchStore{st}).EnqueueDueBatch(ctx, items); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, st, "delivery_payloads"); n != 3 {
			t.Fatalf("%d stored payloads, want 3", n)
		}
		rows := claimAll(t, st, t0)
		if len(rows) != 9 {
			t.Fatalf("claimed %d rows, want 9", len(rows))
		}
		for _, r := range rows {
			var i int
			if _, err := fmt.Sscanf(r.DedupeKey, "shared:%d", &i); err != nil {
				t.Fatal(err)
			}
			if !r.SentAt.IsZero() || r.Attempts != 1 || r.ExternalID != "" || r.LastError != "" || r.EditOf != "" ||
				r.Kind != briefings.DeliveryDigest || !r.CreatedAt.Equal(t0) || r.Chat.ChatID != fmt.Sprint(i) {
				t.Errorf("%s: read back as %+v", r.DedupeKey, r)
			}
			if string(r.Payload) != string(bodies[i%3]) {
				t.Errorf("%s: payload %q, want %q", r.DedupeKey, r.Payload, bodies[i%3])
			}
			got, err := st.GetDelivery(ctx, r.ID)
			if err != nil || string(got.Payload) != string(bodies[i%3]) {
				t.Errorf("GetDelivery %d: %q %v", r.ID, got.Payload, err)
			}
		}
		// An inline payload (Enqueue) still reads back.
		inline := &briefings.Delivery{DedupeKey: "inline", Chat: briefings.Chat{Platform: "telegram", ChatID: "x"},
			Kind: briefings.DeliveryAlert, Payload: []byte(`{"text":"alert"}`), CreatedAt: t0}
		if _, err := st.Enqueue(ctx, inline); err != nil {
			t.Fatal(err)
		}
		if got, err := st.GetDelivery(ctx, inline.ID); err != nil || string(got.Payload) != `{"text":"alert"}` {
			t.Fatalf("inline payload %q %v", got.Payload, err)
		}

		// A day later the same first body is enqueued again: reused.
		t1 := t0.Add(24 * time.Hour)
		st.Now = func() time.Time { return t1 }
		again := []DueItem{{Delivery: &briefings.Delivery{DedupeKey: "again", Kind: briefings.DeliveryDigest,
			Chat: briefings.Chat{Platform: "telegram", ChatID: "0"}, Payload: bodies[0], CreatedAt: t1}}}
		if err := (BatchStore{st}).EnqueueDueBatch(ctx, again); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, st, "delivery_payloads"); n != 3 {
			t.Fatalf("%d stored payloads after reuse, want 3", n)
		}

		// All of day one is sent; pruning before t1 keeps the reused body
		// (still referenced by the pending "again") and drops the others.
		for _, r := range rows {
			if err := st.MarkSent(ctx, r.ID, "m", t0); err != nil {
				t.Fatal(err)
			}
		}
		n, err := st.PruneDeliveries(ctx, t0.Add(time.Hour))
		if err != nil || n != 9 {
			t.Fatalf("pruned %d (%v), want 9", n, err)
		}
		if n := countRows(t, st, "delivery_payloads"); n != 1 {
			t.Fatalf("%d stored payloads after prune, want 1 (the referenced one)", n)
		}
		left := claimAll(t, st, t1) // "inline" and "again"
		if len(left) != 2 {
			t.Fatalf("after prune: %d rows, want 2", len(left))
		}
		for _, r := range left {
			if r.DedupeKey == "again" && string(r.Payload) != string(bodies[0]) {
				t.Fatalf("after prune: payload %q, want %q", r.Payload, bodies[0])
			}
			// Sent and pruned: nothing refers to it; a cutoff before
			// its last use keeps it, a later one drops it.
			if err := st.MarkSent(ctx, r.ID, "m", t1); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := st.PruneDeliveries(ctx, t1); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, st, "delivery_payloads"); n != 1 {
			t.Fatalf("%d stored payloads, want 1 (used at the cutoff)", n)
		}
		if _, err := st.PruneDeliveries(ctx, t1.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, st, "delivery_payloads"); n != 0 {
			t.Fatalf("%d stored payloads, want 0", n)
		}
	})
}

// TestBatchStoreDedupeAcrossBatches: enqueueing the same items twice (a
// crash after the enqueue, before the advance is recorded elsewhere) keeps
// one row per dedupe key.
func TestBatchStoreDedupeAcrossBatches(t *testing.T) {
	bothDialects(t, func(t *testing.T, st *store.DB) {
		ctx := context.Background()
		t0 := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
		var items []DueItem
		for i := range rowsPerStmt + 3 {
			items = append(items, DueItem{Delivery: &briefings.Delivery{DedupeKey: fmt.Sprint("k", i), Kind: briefings.DeliveryDigest,
				Chat: briefings.Chat{Platform: "telegram", ChatID: fmt.Sprint(i)}, Payload: []byte(`{}`), CreatedAt: t0}})
		}
		for range 2 {
			if err := (BatchStore{st}).EnqueueDueBatch(ctx, items); err != nil {
				t.Fatal(err)
			}
		}
		if n := countRows(t, st, "deliveries"); n != len(items) {
			t.Fatalf("%d rows, want %d", n, len(items))
		}
	})
}
