package schedule

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings/store"
)

// BatchStore gives a *store.DB the DueBatcher capability: each batch of due
// digests (enqueues and advances) is one transaction with prepared
// statements, instead of two transactions per subscription. The statements
// follow the store's schema and time encoding (unix microseconds on SQLite,
// TIMESTAMPTZ on PostgreSQL) and are checked by this package's tests against
// the store's own readers (Claim, GetSubscription).
type BatchStore struct{ *store.DB }

var _ DueBatcher = BatchStore{}

const (
	insertCols = `INSERT INTO deliveries (dedupe_key, platform, chat_id, kind, payload, status, attempts,
		next_attempt_at, lease_until, last_error, edit_of, external_id, created_at, sent_at) VALUES `
	insertTail  = ` ON CONFLICT (dedupe_key) DO NOTHING`
	rowsPerStmt = 100 // 10 parameters a row: far below SQLite's parameter limit
	idsPerStmt  = 500
)

// insertSQL is a multi-row insert of n deliveries.
func insertSQL(n int, sqlite bool) string {
	var b strings.Builder
	b.WriteString(insertCols)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		p := i * 10
		fmt.Fprintf(&b, "($%d, $%d, $%d, $%d, $%d, 'pending', 0, $%d, $%d, '', $%d, '', $%d, $%d)",
			p+1, p+2, p+3, p+4, p+5, p+6, p+7, p+8, p+9, p+10)
	}
	b.WriteString(insertTail)
	return placeholders(b.String(), sqlite)
}

// advanceSQL sets one slot and next due time on n subscriptions.
func advanceSQL(n int, sqlite bool) string {
	var b strings.Builder
	b.WriteString(`UPDATE subscriptions SET last_sent_slot = $1, next_due_at = $2, updated_at = $3 WHERE id IN (`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", i+4)
	}
	b.WriteString(")")
	return placeholders(b.String(), sqlite)
}

// placeholders turns $N into SQLite's anonymous ? (the statements use each
// parameter once, in order; numbered ?N parameters cost SQLite a name
// lookup per bind, quadratic in a multi-row statement).
func placeholders(q string, sqlite bool) string {
	if !sqlite {
		return q
	}
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		if q[i] == '$' {
			b.WriteByte('?')
			for i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9' {
				i++
			}
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// EnqueueDueBatch implements DueBatcher: multi-row inserts, and one UPDATE
// per group of subscriptions advancing to the same slot and next time.
func (b BatchStore) EnqueueDueBatch(ctx context.Context, items []DueItem) error {
	sqlite := b.Dialect() == store.SQLite
	tm := func(t time.Time) any {
		if sqlite {
			return t.UnixMicro()
		}
		return t.UTC().Truncate(time.Microsecond)
	}
	now := time.Now()
	if b.Now != nil {
		now = b.Now()
	}
	tx, err := b.SQL().BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("schedule: batch: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op

	// Full chunks reuse one prepared statement (parsing a 100-row insert
	// costs about as much as running it).
	var full *sql.Stmt
	if len(items) >= rowsPerStmt {
		if full, err = tx.PrepareContext(ctx, insertSQL(rowsPerStmt, sqlite)); err != nil {
			return fmt.Errorf("schedule: batch: %w", err)
		}
		defer full.Close()
	}
	var args []any
	rows := 0
	flush := func() error {
		if rows == 0 {
			return nil
		}
		var err error
		if rows == rowsPerStmt && full != nil {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, insertSQL(rows, sqlite), args...)
		}
		if err != nil {
			return fmt.Errorf("schedule: batch enqueue: %w", err)
		}
		args, rows = args[:0], 0
		return nil
	}
	type advKey struct{ slot, next int64 }
	groups := map[advKey][]any{}
	var order []advKey
	for _, it := range items {
		if d := it.Delivery; d != nil {
			next, created := d.NextAttemptAt, d.CreatedAt
			if created.IsZero() {
				created = now
			}
			if next.IsZero() {
				next = created
			}
			payload := d.Payload
			if payload == nil {
				payload = []byte{}
			}
			args = append(args, d.DedupeKey, d.Chat.Platform, d.Chat.ChatID, d.Kind, payload,
				tm(next), tm(time.Time{}), d.EditOf, tm(created), tm(time.Time{}))
			if rows++; rows == rowsPerStmt {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		k := advKey{it.Slot.UnixMicro(), it.Next.UnixMicro()}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], it.SubID)
	}
	if err := flush(); err != nil {
		return err
	}
	for _, k := range order {
		ids := groups[k]
		for len(ids) > 0 {
			n := min(len(ids), idsPerStmt)
			a := append([]any{tm(time.UnixMicro(k.slot)), tm(time.UnixMicro(k.next)), tm(now)}, ids[:n]...)
			if _, err := tx.ExecContext(ctx, advanceSQL(n, sqlite), a...); err != nil {
				return fmt.Errorf("schedule: batch advance: %w", err)
			}
			ids = ids[n:]
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("schedule: batch commit: %w", err)
	}
	return nil
}
