package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// deliveryCols are the columns scanDelivery reads from the deliveries
// table: the payload is the shared delivery_payloads body of a row that has
// one (see migration 0003), else its inline payload.
const deliveryCols = `id, dedupe_key, platform, chat_id, kind,
	COALESCE((SELECT p.body FROM delivery_payloads p WHERE p.id = deliveries.payload_id), deliveries.payload),
	status, attempts, next_attempt_at, last_error, edit_of, external_id, created_at, sent_at`

func scanDelivery(sc interface{ Scan(...any) error }) (*briefings.Delivery, error) {
	var d briefings.Delivery
	err := sc.Scan(&d.ID, &d.DedupeKey, &d.Chat.Platform, &d.Chat.ChatID, &d.Kind, &d.Payload, &d.Status,
		&d.Attempts, tm(&d.NextAttemptAt), &d.LastError, &d.EditOf, &d.ExternalID, tm(&d.CreatedAt), tm(&d.SentAt))
	if err != nil {
		return nil, err
	}
	return &d, nil
}

// Enqueue inserts d as a pending delivery unless a row with its DedupeKey
// exists; created says which. A zero CreatedAt becomes now and a zero
// NextAttemptAt becomes CreatedAt. It sets d.ID (the existing row's when not
// created).
func (db *DB) Enqueue(ctx context.Context, d *briefings.Delivery) (bool, error) {
	if d.DedupeKey == "" {
		return false, briefings.Errorf(briefings.EINVALID, "A delivery needs a dedupe key.")
	}
	if err := validChat(d.Chat); err != nil {
		return false, err
	}
	created := d.CreatedAt
	if created.IsZero() {
		created = db.now()
	}
	next := d.NextAttemptAt
	if next.IsZero() {
		next = created
	}
	payload := d.Payload
	if payload == nil {
		payload = []byte{}
	}
	var id int64
	err := db.writer().queryRow(ctx, `INSERT INTO deliveries (dedupe_key, platform, chat_id, kind, payload, status,
		attempts, next_attempt_at, lease_until, last_error, edit_of, external_id, created_at, sent_at)
	VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $7, '', $8, '', $9, $7)
	ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
		d.DedupeKey, d.Chat.Platform, d.Chat.ChatID, d.Kind, payload, next, time.Time{}, d.EditOf, created).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = db.writer().queryRow(ctx, `SELECT id FROM deliveries WHERE dedupe_key = $1`, d.DedupeKey).Scan(&id)
		if err != nil {
			return false, wrap("enqueue", err)
		}
		d.ID = id
		return false, nil
	}
	if err != nil {
		return false, wrap("enqueue", err)
	}
	d.ID, d.Status, d.Attempts = id, briefings.StatusPending, 0
	d.CreatedAt, d.NextAttemptAt = created.UTC().Truncate(time.Microsecond), next.UTC().Truncate(time.Microsecond)
	return true, nil
}

// Claim marks up to limit due rows as sending until leaseUntil for claimer,
// counts an attempt on each, and returns them in id order. Due alerts are
// claimed before other due rows. Due means pending
// with NextAttemptAt <= now, or sending with an expired claim lease, or
// sending for a claimer that is gone: claimer names the claimer's presence
// lease (TryLease), and a row whose claimer's lease is missing or expired at
// now is taken over at once (its process was killed or lost the database),
// before it is due by its claim lease. A row is never taken from a claimer
// whose lease is live. An empty claimer has no presence: its rows wait for
// their claim lease. A limit of 0 or less claims nothing. Concurrent
// claimers never get the same row: SQLite runs one UPDATE ... RETURNING
// under its single writer; PostgreSQL locks the rows with FOR UPDATE SKIP
// LOCKED.
func (db *DB) Claim(ctx context.Context, claimer string, now, leaseUntil time.Time, limit int) ([]*briefings.Delivery, error) {
	if limit <= 0 {
		return nil, nil
	}
	if err := db.takeOver(ctx, now); err != nil {
		return nil, err
	}
	// A claimed row's next_attempt_at is its lease end, so the same index
	// range yields due rows and expired leases. Alerts first: an alert due
	// now goes before a digest fan-out due earlier.
	const due = `SELECT id FROM deliveries
		WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1
		ORDER BY CASE WHEN kind = 'alert' THEN 0 ELSE 1 END, next_attempt_at, id LIMIT $3`
	const set = `status = 'sending', attempts = attempts + 1, lease_until = $2, next_attempt_at = $2, claimed_by = $4`
	var q string
	if db.dialect == Postgres {
		q = `WITH due AS (` + due + ` FOR UPDATE SKIP LOCKED)
		UPDATE deliveries d SET ` + set + `
		FROM due WHERE d.id = due.id
		RETURNING d.id, d.dedupe_key, d.platform, d.chat_id, d.kind,
			COALESCE((SELECT p.body FROM delivery_payloads p WHERE p.id = d.payload_id), d.payload), d.status, d.attempts,
			d.next_attempt_at, d.last_error, d.edit_of, d.external_id, d.created_at, d.sent_at`
	} else {
		q = `UPDATE deliveries SET ` + set + `
		WHERE id IN (` + due + `)
		RETURNING ` + deliveryCols
	}
	rows, err := db.writer().query(ctx, q, now, leaseUntil, limit, claimer)
	if err != nil {
		return nil, wrap("claim", err)
	}
	defer rows.Close()
	var out []*briefings.Delivery
	for rows.Next() {
		d, err := scanDelivery(rows)
		if err != nil {
			return nil, wrap("claim", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap("claim", err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// takeOver makes the sending rows of claimers whose presence lease is gone
// or expired at now due again: pending, due when they were created (or now,
// if later), so they go before rows that became due since. The attempt
// their claim counted stays counted (a row that crashes its sender must
// still reach its dead letter). Only the claimer's lease decides: the
// number of sending rows is bounded by what the live dispatchers hold, and
// the (status, next_attempt_at) index finds them.
func (db *DB) takeOver(ctx context.Context, now time.Time) error {
	const orphans = `SELECT id FROM deliveries WHERE status = 'sending' AND claimed_by <> ''
		AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.name = deliveries.claimed_by AND l.expires_at > $1)`
	lock := ""
	if db.dialect == Postgres {
		lock = ` FOR UPDATE SKIP LOCKED` // two claimers never wait on each other's rows
	}
	_, err := db.writer().exec(ctx, `UPDATE deliveries SET status = 'pending', claimed_by = '', lease_until = $2,
		next_attempt_at = CASE WHEN created_at < $1 THEN created_at ELSE $1 END,
		last_error = CASE WHEN last_error = '' THEN 'taken over from a stopped dispatcher' ELSE last_error END
		WHERE id IN (`+orphans+lock+`)`, now, time.Time{})
	return wrap("take over", err)
}

// MarkSent records that the delivery was sent as the platform message
// externalID.
func (db *DB) MarkSent(ctx context.Context, id int64, externalID string, at time.Time) error {
	n, err := db.writer().affected(ctx, `UPDATE deliveries SET status = 'sent', external_id = $2, sent_at = $3
		WHERE id = $1`, id, externalID, at)
	if err != nil {
		return wrap("mark sent", err)
	}
	if n == 0 {
		return notFound("Delivery %d not found.", id)
	}
	return nil
}

// MarkRetry returns a claimed row to pending with its error and the time of
// the next attempt. A row no longer being sent (sent or dead meanwhile) is
// left alone.
func (db *DB) MarkRetry(ctx context.Context, id int64, errMsg string, next time.Time) error {
	return db.finish(ctx, "mark retry", id, `UPDATE deliveries SET status = 'pending', last_error = $2,
		next_attempt_at = $3, lease_until = $4 WHERE id = $1 AND status = 'sending'`, errMsg, next, time.Time{})
}

// Release returns a claimed row that was never tried to pending, due at
// next, and takes back the attempt its claim counted: a row handed back
// (shutdown, a chat waiting too long, a share of the rate given to another
// dispatcher) does not come nearer to dead-lettering. Its last error is
// kept unless it has none, then it is why.
func (db *DB) Release(ctx context.Context, id int64, why string, next time.Time) error {
	return db.finish(ctx, "release", id, `UPDATE deliveries SET status = 'pending',
		last_error = CASE WHEN last_error = '' THEN $2 ELSE last_error END,
		attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END,
		next_attempt_at = $3, lease_until = $4 WHERE id = $1 AND status = 'sending'`, why, next, time.Time{})
}

// MarkDead dead-letters an unsent row with its reason. A sent row is left alone.
func (db *DB) MarkDead(ctx context.Context, id int64, errMsg string) error {
	return db.finish(ctx, "mark dead", id, `UPDATE deliveries SET status = 'dead', last_error = $2
		WHERE id = $1 AND status IN ('pending', 'sending')`, errMsg)
}

func (db *DB) finish(ctx context.Context, op string, id int64, q string, args ...any) error {
	n, err := db.writer().affected(ctx, q, append([]any{id}, args...)...)
	if err != nil {
		return wrap(op, err)
	}
	if n > 0 {
		return nil
	}
	var one int
	err = db.writer().queryRow(ctx, `SELECT 1 FROM deliveries WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("Delivery %d not found.", id)
	}
	return wrap(op, err)
}

// GetDelivery returns the delivery with id, or ENOTFOUND.
func (db *DB) GetDelivery(ctx context.Context, id int64) (*briefings.Delivery, error) {
	d, err := scanDelivery(db.reader().queryRow(ctx, `SELECT `+deliveryCols+` FROM deliveries WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Delivery %d not found.", id)
	}
	return d, wrap("get delivery", err)
}

// DeliveryByKey returns the delivery with dedupeKey, or ENOTFOUND.
func (db *DB) DeliveryByKey(ctx context.Context, dedupeKey string) (*briefings.Delivery, error) {
	d, err := scanDelivery(db.reader().queryRow(ctx, `SELECT `+deliveryCols+` FROM deliveries WHERE dedupe_key = $1`, dedupeKey))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("No delivery %s.", dedupeKey)
	}
	return d, wrap("delivery by key", err)
}

// LatestVersion returns the newest version of a message: the delivery with
// dedupeKey, or the newest edit of it (EditOf = dedupeKey), whatever its
// status; ENOTFOUND when there is none.
func (db *DB) LatestVersion(ctx context.Context, dedupeKey string) (*briefings.Delivery, error) {
	d, err := scanDelivery(db.reader().queryRow(ctx, `SELECT `+deliveryCols+` FROM deliveries
		WHERE id = (SELECT MAX(id) FROM (
			SELECT id FROM deliveries WHERE dedupe_key = $1
			UNION ALL SELECT id FROM deliveries WHERE edit_of = $1 AND edit_of <> '') v)`, dedupeKey))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Nothing was queued for %s.", dedupeKey)
	}
	return d, wrap("latest version", err)
}

// DeliveryStats counts the outbox rows by status and dead letters by reason.
func (db *DB) DeliveryStats(ctx context.Context) (briefings.DeliveryStats, error) {
	st := briefings.DeliveryStats{DeadReasons: map[string]int{}}
	err := db.withReadTx(ctx, func(tx runner) error {
		rows, err := tx.query(ctx, `SELECT status, COUNT(*) FROM deliveries GROUP BY status`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var status string
			var n int
			if err := rows.Scan(&status, &n); err != nil {
				return err
			}
			switch status {
			case briefings.StatusPending:
				st.Pending = n
			case briefings.StatusSending:
				st.Sending = n
			case briefings.StatusSent:
				st.Sent = n
			case briefings.StatusDead:
				st.Dead = n
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		rows, err = tx.query(ctx, `SELECT last_error, COUNT(*) FROM deliveries WHERE status = 'dead' GROUP BY last_error`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var reason string
			var n int
			if err := rows.Scan(&reason, &n); err != nil {
				return err
			}
			st.DeadReasons[reason] = n
		}
		return rows.Err()
	})
	if err != nil {
		return briefings.DeliveryStats{}, wrap("delivery stats", err)
	}
	return st, nil
}

// PruneDeliveries deletes sent rows sent before t and dead rows created
// before t; pending and sending rows are kept whatever their age. Then it
// deletes the shared payloads no row refers to any more and last used
// before t (a concurrent enqueue reusing one has just made it newer).
func (db *DB) PruneDeliveries(ctx context.Context, before time.Time) (int, error) {
	n, err := db.writer().affected(ctx, `DELETE FROM deliveries
		WHERE (status = 'sent' AND sent_at < $1) OR (status = 'dead' AND created_at < $1)`, before)
	if err != nil {
		return int(n), wrap("prune deliveries", err)
	}
	_, err = db.writer().exec(ctx, `DELETE FROM delivery_payloads WHERE last_used_at < $1
		AND id NOT IN (SELECT payload_id FROM deliveries WHERE payload_id IS NOT NULL)`, before)
	return int(n), wrap("prune delivery payloads", err)
}
