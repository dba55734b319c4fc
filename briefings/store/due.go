package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// The due-digest job's queries (briefings.DueStore). Since migration 0004
// schedule_slots holds each (schedule, time zone)'s next slot, wake-up time
// and last run: a subscription whose next_due_at is at or before its
// schedule's last run had that slot consumed and is due at the schedule's
// next slot; any other at its own next_due_at. Consuming a slot for every
// member is one UPDATE of the schedule's row, and enqueueing a group's
// digests one INSERT ... SELECT: the work per subscription stays inside the
// database. The rules (what is sent, skipped or held, when a schedule moves
// on) are the job's.

var (
	_ briefings.DueStore = (*DB)(nil)
	_ briefings.DueTx    = (*dueTx)(nil)
)

// DueSchedules returns the schedules whose wake_at has come (their slot, or
// a subscription's own earlier one), earliest first, each with its due
// members grouped by topics and slot. It reads one row per schedule and one
// per group, from subscriptions_due alone (the index holds every column the
// grouping reads).
func (db *DB) DueSchedules(ctx context.Context, now time.Time) ([]briefings.DueSchedule, error) {
	rows, err := db.reader().query(ctx, `SELECT schedule, time_zone, next_slot, last_run_at, last_slot FROM schedule_slots
		WHERE wake_at <= $1 ORDER BY wake_at, schedule, time_zone`, now)
	if err != nil {
		return nil, wrap("due schedules", err)
	}
	var out []briefings.DueSchedule
	for rows.Next() {
		var d briefings.DueSchedule
		if err := rows.Scan(&d.Schedule, &d.TimeZone, tm(&d.Slot), tm(&d.LastRun), tm(&d.LastSlot)); err != nil {
			rows.Close()
			return nil, wrap("due schedules", err)
		}
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, wrap("due schedules", err)
	}
	decoded := map[string][]briefings.Topic{}
	for i := range out {
		if out[i].Groups, err = dueGroups(ctx, db.reader(), out[i], now, decoded); err != nil {
			return nil, wrap("due schedules", err)
		}
	}
	return out, nil
}

// qDueMembers reads the due members of schedule $1 in zone $2 at $3 whose
// schedule last ran at $4 and is due next at $5, grouped by
// qDueMembersGroups: topics, whether they wait for an own slot, the slot,
// how many, and how many receive the weekly chart.
const (
	qDueMembers = `SELECT topics, next_due_at > $4, CASE WHEN next_due_at > $4 THEN next_due_at ELSE $5 END, COUNT(*),
		SUM(CASE WHEN weekly_chart THEN 1 ELSE 0 END)
		FROM subscriptions WHERE schedule = $1 AND time_zone = $2 AND active = TRUE AND next_due_at <= $3`
	qDueMembersGroups = ` GROUP BY 1, 2, 3 ORDER BY 1, 3`
)

// dueGroups groups the members of d due at now by stored topics and slot:
// when the schedule's slot has come, every member its last run consumed (at
// the schedule's slot) and every other one due by now (at its own); else
// only the latter.
func dueGroups(ctx context.Context, q runner, d briefings.DueSchedule, now time.Time, decoded map[string][]briefings.Topic) ([]briefings.DueGroup, error) {
	query := qDueMembers
	if d.Slot.After(now) {
		query += ` AND next_due_at > $4`
	}
	rows, err := q.query(ctx, query+qDueMembersGroups, d.Schedule, d.TimeZone, now, d.LastRun, d.Slot)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []briefings.DueGroup
	for rows.Next() {
		var g briefings.DueGroup
		if err := rows.Scan(&g.Stored, &g.Own, tm(&g.Slot), &g.Count, &g.Charts); err != nil {
			return nil, err
		}
		list, ok := decoded[g.Stored]
		if !ok {
			if err := fromJSON(g.Stored, &list); err != nil {
				return nil, err
			}
			decoded[g.Stored] = list
		}
		g.Topics = list
		out = append(out, g)
	}
	return out, rows.Err()
}

// dueTx is a write transaction of the due-digest job (BEGIN IMMEDIATE on
// SQLite: the writer is exclusive; row locks on PostgreSQL).
type dueTx struct {
	db         *DB
	tx         *sql.Tx
	q          runner
	payloadIDs map[string]int64             // payload -> delivery_payloads id, this transaction's
	decoded    map[string][]briefings.Topic // stored topics -> list
}

// BeginDue starts a write transaction for the due-digest job.
func (db *DB) BeginDue(ctx context.Context) (briefings.DueTx, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap("begin due", err)
	}
	return &dueTx{db: db, tx: tx, q: runner{db, tx}, payloadIDs: map[string]int64{}, decoded: map[string][]briefings.Topic{}}, nil
}

// Commit commits the transaction.
func (t *dueTx) Commit() error { return wrap("commit due", t.tx.Commit()) }

// Rollback rolls the transaction back; after Commit it does nothing.
func (t *dueTx) Rollback() error {
	if err := t.tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return wrap("rollback due", err)
	}
	return nil
}

// LockSchedule locks the schedule's row (FOR UPDATE on PostgreSQL; SQLite's
// writer is exclusive) and reads it.
func (t *dueTx) LockSchedule(ctx context.Context, schedule, tz string) (briefings.DueSchedule, bool, error) {
	lock := `SELECT next_slot, last_run_at, last_slot FROM schedule_slots WHERE schedule = $1 AND time_zone = $2`
	if t.db.dialect == Postgres {
		lock += ` FOR UPDATE`
	}
	d := briefings.DueSchedule{Schedule: schedule, TimeZone: tz}
	err := t.q.queryRow(ctx, lock, schedule, tz).Scan(tm(&d.Slot), tm(&d.LastRun), tm(&d.LastSlot))
	if errors.Is(err, sql.ErrNoRows) {
		return d, false, nil
	}
	if err != nil {
		return d, false, wrap("lock schedule", err)
	}
	return d, true, nil
}

// DueGroups groups the due members of the locked schedule d (a subscription
// changed since an earlier read falls in the group it is in now).
func (t *dueTx) DueGroups(ctx context.Context, d briefings.DueSchedule, now time.Time) ([]briefings.DueGroup, error) {
	gs, err := dueGroups(ctx, t.q, d, now, t.decoded)
	return gs, wrap("due groups", err)
}

// EnqueueDigests enqueues g's digests with one INSERT ... SELECT: the
// members the schedule's last run consumed, or exactly those waiting for
// their own slot g.Slot.
func (t *dueTx) EnqueueDigests(ctx context.Context, d briefings.DueSchedule, g briefings.DueGroup, payload []byte, now time.Time) error {
	err := t.enqueue(ctx, t.db.dueInsertSQL(false), d, g, payload, now,
		briefings.DigestKeyPrefix, ":"+strconv.FormatInt(g.Slot.Unix(), 10))
	return wrap("enqueue digests", err)
}

// EnqueueCharts enqueues the weekly charts of g's members that receive
// them, with one INSERT ... SELECT as EnqueueDigests.
func (t *dueTx) EnqueueCharts(ctx context.Context, d briefings.DueSchedule, g briefings.DueGroup, monday string, payload []byte, now time.Time) error {
	err := t.enqueue(ctx, t.db.dueInsertSQL(true), d, g, payload, now, briefings.ChartKeyPrefix, ":"+monday)
	return wrap("enqueue charts", err)
}

// enqueue runs insert (a dueInsertSQL) for g's members with payload, stored
// once per transaction, and dedupe keys prefix || id || suffix.
func (t *dueTx) enqueue(ctx context.Context, insert string, d briefings.DueSchedule, g briefings.DueGroup, payload []byte,
	now time.Time, prefix, suffix string) error {
	id, ok := t.payloadIDs[string(payload)]
	if !ok {
		var err error
		if id, err = putPayload(ctx, t.q, payload, now); err != nil {
			return err
		}
		t.payloadIDs[string(payload)] = id
	}
	lo, hi := time.Time{}, d.LastRun
	if g.Own {
		lo, hi = g.Slot, g.Slot
	}
	_, err := t.q.exec(ctx, insert, prefix, suffix, id, now, time.Time{}, d.Schedule, d.TimeZone, g.Stored, lo, hi)
	return err
}

// NextOwnSlot is the earliest next_due_at in (after, before) of the
// schedule's active members.
func (t *dueTx) NextOwnSlot(ctx context.Context, schedule, tz string, after, before time.Time) (time.Time, error) {
	var at time.Time
	err := t.q.queryRow(ctx, `SELECT MIN(next_due_at) FROM subscriptions WHERE schedule = $1 AND time_zone = $2
		AND active = TRUE AND next_due_at > $3 AND next_due_at < $4`, schedule, tz, after, before).Scan(tm(&at))
	return at, wrap("next own slot", err)
}

// AdvanceSchedule writes the run into the schedule's one row: setting
// last_run_at consumes every member due by then.
func (t *dueTx) AdvanceSchedule(ctx context.Context, schedule, tz string, run briefings.ScheduleRun) error {
	_, err := t.q.exec(ctx, `UPDATE schedule_slots SET next_slot = $3, wake_at = $4, last_run_at = $5, updated_at = $5,
		last_slot = $6 WHERE schedule = $1 AND time_zone = $2`, schedule, tz, run.Slot, run.Wake, run.At, run.LastSlot)
	return wrap("advance schedule", err)
}

// DeleteEmptySchedule deletes the schedule's row when nobody is on it. The
// row's lock is held: an upsert that joined the schedule has committed and
// is seen here (a new statement, a new snapshot), or it waits and then
// creates the row afresh.
func (t *dueTx) DeleteEmptySchedule(ctx context.Context, schedule, tz string) (bool, error) {
	n, err := t.q.affected(ctx, `DELETE FROM schedule_slots WHERE schedule = $1 AND time_zone = $2
		AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE schedule = $1 AND time_zone = $2)`, schedule, tz)
	return n > 0, wrap("delete empty schedule", err)
}

// qDueInsertTmpl enqueues one group's digests (or weekly charts): dedupe
// key $1 || id || $2 (briefings.DigestDedupeKey, ChartDedupeKey), shared
// payload $3, created and due $4, zero time $5; the members are schedule
// $6, zone $7, topics $8, next_due_at in [$9, $10] (equalities on
// subscriptions_due's first four columns), and for charts those with
// weekly_chart on.
const qDueInsertTmpl = `INSERT {{ORIGNORE}}INTO deliveries (dedupe_key, platform, chat_id, kind, payload_id,
	payload, status, attempts, next_attempt_at, lease_until, last_error, edit_of, external_id, created_at, sent_at)
SELECT $1 || {{IDTEXT}} || $2, platform, chat_id, '{{KIND}}', $3,
	{{EMPTYBLOB}}, 'pending', 0, $4, $5, '', '', '', $4, $5
FROM subscriptions WHERE schedule = $6 AND time_zone = $7 AND active = TRUE AND topics = $8
	AND next_due_at >= $9 AND next_due_at <= $10{{CHARTS}}{{ONCONFLICT}}`

// dueInsertSQL is qDueInsertTmpl for the dialect, of digests or of charts.
// On SQLite it says OR IGNORE rather than ON CONFLICT DO NOTHING: a
// statement of many rows that may abort midway (any constraint left at its
// default, ABORT) makes SQLite copy every page it touches to a statement
// journal first, a third of a large fan-out's cost; nothing it writes can
// violate a constraint but the dedupe key.
func (db *DB) dueInsertSQL(charts bool) string {
	kind, only := briefings.DeliveryDigest, ""
	if charts {
		kind, only = briefings.DeliveryChart, " AND weekly_chart = TRUE"
	}
	r := []string{"{{KIND}}", kind, "{{CHARTS}}", only}
	if db.dialect == Postgres {
		r = append(r, "{{IDTEXT}}", "id::text", "{{EMPTYBLOB}}", `'\x'::bytea`, "{{ORIGNORE}}", "",
			"{{ONCONFLICT}}", "\nON CONFLICT (dedupe_key) DO NOTHING")
	} else {
		r = append(r, "{{IDTEXT}}", "id", "{{EMPTYBLOB}}", "X''", "{{ORIGNORE}}", "OR IGNORE ", "{{ONCONFLICT}}", "")
	}
	return strings.NewReplacer(r...).Replace(qDueInsertTmpl)
}

// putPayload stores body once (by its SHA-256) and returns its id.
func putPayload(ctx context.Context, tx runner, body []byte, now time.Time) (int64, error) {
	sum := sha256.Sum256(body)
	var id int64
	err := tx.queryRow(ctx, `INSERT INTO delivery_payloads (hash, body, last_used_at) VALUES ($1, $2, $3)
		ON CONFLICT (hash) DO UPDATE SET last_used_at = excluded.last_used_at RETURNING id`,
		hex.EncodeToString(sum[:]), body, now).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store payload: %w", err)
	}
	return id, nil
}
