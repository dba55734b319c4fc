package schedule

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings/store"
)

// BatchStore gives a *store.DB the DueBatcher capability: each batch of due
// digests (enqueues and advances) is one transaction with prepared
// multi-row statements, instead of two transactions per subscription. Each
// distinct payload of a batch is stored once in delivery_payloads and the
// deliveries rows point at it (payload_id), so a fan-out writes a small row
// per subscription rather than a copy of the digest. The statements follow
// the store's schema and time encoding (unix microseconds on SQLite,
// TIMESTAMPTZ on PostgreSQL) and are checked by this package's tests against
// the store's own readers (Claim, GetSubscription).
type BatchStore struct{ *store.DB }

var _ DueBatcher = BatchStore{}

const (
	// rowsPerStmt deliveries per INSERT: 8 parameters a row, far below
	// SQLite's and PostgreSQL's parameter limits.
	rowsPerStmt = 500
	idsPerStmt  = 1000 // subscription ids per advancing UPDATE (plus 3 parameters)
)

// dialectSQL holds the literals that differ between the store's dialects.
type dialectSQL struct {
	sqlite    bool
	emptyBlob string // the inline payload of a row with a shared one
	zeroTime  string // the stored zero time.Time
}

func newDialect(sqlite bool) dialectSQL {
	if sqlite {
		return dialectSQL{sqlite: true, emptyBlob: "X''", zeroTime: fmt.Sprint(time.Time{}.UnixMicro())}
	}
	return dialectSQL{emptyBlob: `'\x'::bytea`, zeroTime: `'0001-01-01 00:00:00+00'::timestamptz`}
}

// insertSQL is a multi-row insert of n deliveries whose payload is shared.
func (d dialectSQL) insertSQL(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO deliveries (dedupe_key, platform, chat_id, kind, payload_id, next_attempt_at, edit_of,
		created_at, payload, status, attempts, lease_until, last_error, external_id, sent_at) VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		p := i * 8
		fmt.Fprintf(&b, "($%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, %s, 'pending', 0, %s, '', '', %s)",
			p+1, p+2, p+3, p+4, p+5, p+6, p+7, p+8, d.emptyBlob, d.zeroTime, d.zeroTime)
	}
	b.WriteString(` ON CONFLICT (dedupe_key) DO NOTHING`)
	return placeholders(b.String(), d.sqlite)
}

// advanceSQL sets one slot and next due time on n subscriptions.
func (d dialectSQL) advanceSQL(n int) string {
	var b strings.Builder
	b.WriteString(`UPDATE subscriptions SET last_sent_slot = $1, next_due_at = $2, updated_at = $3 WHERE id IN (`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", i+4)
	}
	b.WriteString(")")
	return placeholders(b.String(), d.sqlite)
}

// payloadSQL stores a payload once (by hash) and returns its id.
func (d dialectSQL) payloadSQL() string {
	return placeholders(`INSERT INTO delivery_payloads (hash, body, last_used_at) VALUES ($1, $2, $3)
		ON CONFLICT (hash) DO UPDATE SET last_used_at = excluded.last_used_at RETURNING id`, d.sqlite)
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

// chunked runs full chunks of size through one statement prepared on tx
// (parsing a multi-row statement costs about as much as running it) and
// the rest through text built for its length.
type chunked struct {
	tx   *sql.Tx
	size int
	text func(n int) string
	full *sql.Stmt
}

func (c *chunked) exec(ctx context.Context, n int, args []any) error {
	if n != c.size {
		_, err := c.tx.ExecContext(ctx, c.text(n), args...)
		return err
	}
	if c.full == nil {
		st, err := c.tx.PrepareContext(ctx, c.text(n))
		if err != nil {
			return err
		}
		c.full = st
	}
	_, err := c.full.ExecContext(ctx, args...)
	return err
}

func (c *chunked) close() {
	if c.full != nil {
		c.full.Close()
	}
}

// EnqueueDueBatch implements DueBatcher: each distinct payload stored once,
// multi-row inserts of the deliveries, and one UPDATE per group of
// subscriptions advancing to the same slot and next time, all in one
// transaction.
func (b BatchStore) EnqueueDueBatch(ctx context.Context, items []DueItem) error {
	sqlite := b.Dialect() == store.SQLite
	d := newDialect(sqlite)
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

	// Distinct payloads by content: EnqueueDue shares one slice among the
	// subscriptions of a digest, so this hashes each body once.
	payloadIDs := map[string]int64{}
	var putPayload *sql.Stmt
	defer func() {
		if putPayload != nil {
			putPayload.Close()
		}
	}()
	payloadID := func(body []byte) (int64, error) {
		if id, ok := payloadIDs[string(body)]; ok {
			return id, nil
		}
		if putPayload == nil {
			var err error
			if putPayload, err = tx.PrepareContext(ctx, d.payloadSQL()); err != nil {
				return 0, err
			}
		}
		if body == nil {
			body = []byte{}
		}
		sum := sha256.Sum256(body)
		var id int64
		if err := putPayload.QueryRowContext(ctx, hex.EncodeToString(sum[:]), body, tm(now)).Scan(&id); err != nil {
			return 0, err
		}
		payloadIDs[string(body)] = id
		return id, nil
	}

	ins := &chunked{tx: tx, size: rowsPerStmt, text: d.insertSQL}
	defer ins.close()
	args := make([]any, 0, 8*min(len(items), rowsPerStmt))
	rows := 0
	flush := func() error {
		if rows == 0 {
			return nil
		}
		if err := ins.exec(ctx, rows, args); err != nil {
			return fmt.Errorf("schedule: batch enqueue: %w", err)
		}
		args, rows = args[:0], 0
		return nil
	}
	type advKey struct{ slot, next int64 }
	groups := map[advKey][]any{}
	var order []advKey
	for _, it := range items {
		if dl := it.Delivery; dl != nil {
			next, created := dl.NextAttemptAt, dl.CreatedAt
			if created.IsZero() {
				created = now
			}
			if next.IsZero() {
				next = created
			}
			pid, err := payloadID(dl.Payload)
			if err != nil {
				return fmt.Errorf("schedule: batch payload: %w", err)
			}
			args = append(args, dl.DedupeKey, dl.Chat.Platform, dl.Chat.ChatID, dl.Kind, pid,
				tm(next), dl.EditOf, tm(created))
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
	adv := &chunked{tx: tx, size: idsPerStmt, text: d.advanceSQL}
	defer adv.close()
	for _, k := range order {
		ids := groups[k]
		for len(ids) > 0 {
			n := min(len(ids), idsPerStmt)
			a := append([]any{tm(time.UnixMicro(k.slot)), tm(time.UnixMicro(k.next)), tm(now)}, ids[:n]...)
			if err := adv.exec(ctx, n, a); err != nil {
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
