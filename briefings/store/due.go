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

// The due-digest job works on schedules, not subscriptions (migration 0004):
// schedule_slots holds each (schedule, time zone)'s next slot and last run;
// a subscription consumed by that run is due at the schedule's next slot,
// any other at its own next_due_at. A run reads the due schedules with their members grouped
// by what their digest depends on (topics and slot), builds one payload per
// group outside any transaction, then for each schedule enqueues every
// group's deliveries with one INSERT ... SELECT and advances the schedule's
// one row: the work per subscription stays inside the database.

// DueSchedule is a schedule whose next slot has come, with its due members.
type DueSchedule struct {
	Schedule string
	TimeZone string
	Slot     time.Time // the schedule's next slot, as read
	Members  []DueMembers

	lastRun time.Time // the schedule's last run, as read
}

// regular reports whether the schedule's own slot has come at now (else it
// woke for subscriptions waiting for their own earlier slots only).
func (d DueSchedule) regular(now time.Time) bool { return !d.Slot.After(now) }

// DueMembers are the due subscriptions of one schedule that receive one and
// the same digest: the same stored topics and the same slot (the later of
// the schedule's slot for those its last run consumed, else their own
// next_due_at).
type DueMembers struct {
	Topics []briefings.Topic
	Slot   time.Time
	Count  int

	topics string // as stored: the group's key
	own    bool   // Slot is the members' own next_due_at (not consumed by the last run)
}

// DuePlan is the due-digest job's decision for one schedule: Decide gives
// the payload of a group of members (nil: the slot is consumed without
// sending, e.g. missed beyond grace) or ok false when it has none (its build
// failed, or the group appeared after the read): then the schedule is not
// advanced and the next run tries again. Next is the schedule's next slot
// after this run. Decide runs inside the write transaction: it must only
// look up what was built before.
type DuePlan struct {
	Due    DueSchedule
	Next   time.Time
	Decide func(m DueMembers) (payload []byte, ok bool)
}

// DueFanout counts a run's subscriptions: those whose digest is in the
// outbox (newly, or from an earlier run that crashed before advancing) and
// those whose slot was consumed without sending; Held counts the schedules
// left unadvanced (a group without a payload), Removed those deleted
// because no subscription is on them any more.
type DueFanout struct {
	Enqueued int
	Skipped  int
	Held     int
	Removed  int
}

// dueMembersPerTx bounds the members written per transaction, so one large
// fan-out never holds the SQLite writer for long (one larger schedule still
// goes in one).
const dueMembersPerTx = 25000

// DueSchedules returns the schedules with subscriptions due at now (their
// wake_at has come: their slot, or a subscription's own earlier one),
// earliest first, each with its due members grouped by topics and slot. It
// reads one row per schedule and one per group, from subscriptions_due
// alone (the index holds every column the grouping reads).
func (db *DB) DueSchedules(ctx context.Context, now time.Time) ([]DueSchedule, error) {
	rows, err := db.reader().query(ctx, `SELECT schedule, time_zone, next_slot, last_run_at FROM schedule_slots
		WHERE wake_at <= $1 ORDER BY wake_at, schedule, time_zone`, now)
	if err != nil {
		return nil, wrap("due schedules", err)
	}
	var out []DueSchedule
	for rows.Next() {
		var d DueSchedule
		if err := rows.Scan(&d.Schedule, &d.TimeZone, tm(&d.Slot), tm(&d.lastRun)); err != nil {
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
		if out[i].Members, err = db.dueMembers(ctx, db.reader(), now, out[i], decoded); err != nil {
			return nil, wrap("due schedules", err)
		}
	}
	return out, nil
}

// dueMembers groups the due members of d at now by stored topics and slot:
// when the schedule's slot has come, every member its last run consumed (at
// the schedule's slot) and every other one due by now (at its own); else
// only the latter.
func (db *DB) dueMembers(ctx context.Context, q runner, now time.Time, d DueSchedule, decoded map[string][]briefings.Topic) ([]DueMembers, error) {
	query := `SELECT topics, next_due_at > $4, CASE WHEN next_due_at > $4 THEN next_due_at ELSE $5 END, COUNT(*)
		FROM subscriptions WHERE schedule = $1 AND time_zone = $2 AND active = TRUE AND next_due_at <= $3`
	if !d.regular(now) {
		query += ` AND next_due_at > $4`
	}
	rows, err := q.query(ctx, query+` GROUP BY 1, 2, 3 ORDER BY 1, 3`, d.Schedule, d.TimeZone, now, d.lastRun, d.Slot)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DueMembers
	for rows.Next() {
		var m DueMembers
		if err := rows.Scan(&m.topics, &m.own, tm(&m.Slot), &m.Count); err != nil {
			return nil, err
		}
		list, ok := decoded[m.topics]
		if !ok {
			if err := fromJSON(m.topics, &list); err != nil {
				return nil, err
			}
			decoded[m.topics] = list
		}
		m.Topics = list
		out = append(out, m)
	}
	return out, rows.Err()
}

// EnqueueDueSchedules carries out the plans. For each schedule, in a write
// transaction: its row is locked (FOR UPDATE on PostgreSQL; SQLite's writer
// is exclusive) and checked to be still at the slot read, its due members
// are grouped again, each group gets its payload from Decide and one pending
// digest delivery per member (dedupe key briefings.DigestDedupeKey(id,
// slot), an existing row left as it is; each distinct payload stored once
// in delivery_payloads), and the schedule advances to Next unless a group
// had no payload. A subscription changed since the read falls in the group
// it is in now; a schedule another run advanced is left alone.
// Transactions hold about dueMembersPerTx members each.
func (db *DB) EnqueueDueSchedules(ctx context.Context, now time.Time, plans []DuePlan) (DueFanout, error) {
	var res DueFanout
	for len(plans) > 0 {
		n, members := 0, 0
		for n < len(plans) {
			c := 0
			for _, m := range plans[n].Due.Members {
				c += m.Count
			}
			if n > 0 && members+c > dueMembersPerTx {
				break
			}
			members += c
			n++
		}
		var part DueFanout
		err := db.withTx(ctx, func(tx runner) error {
			part = DueFanout{}
			payloadIDs := map[string]int64{}
			decoded := map[string][]briefings.Topic{}
			for _, p := range plans[:n] {
				if err := db.enqueueDuePlan(ctx, tx, now, p, payloadIDs, decoded, &part); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return res, wrap("enqueue due schedules", err)
		}
		res.Enqueued += part.Enqueued
		res.Skipped += part.Skipped
		res.Held += part.Held
		res.Removed += part.Removed
		plans = plans[n:]
	}
	return res, nil
}

func (db *DB) enqueueDuePlan(ctx context.Context, tx runner, now time.Time, p DuePlan,
	payloadIDs map[string]int64, decoded map[string][]briefings.Topic, res *DueFanout) error {
	lock := `SELECT next_slot, last_run_at, last_slot FROM schedule_slots WHERE schedule = $1 AND time_zone = $2`
	if db.dialect == Postgres {
		lock += ` FOR UPDATE`
	}
	var slot, lastRun, lastSlot time.Time
	err := tx.queryRow(ctx, lock, p.Due.Schedule, p.Due.TimeZone).Scan(tm(&slot), tm(&lastRun), tm(&lastSlot))
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("lock schedule: %w", err)
	}
	if !slot.Equal(p.Due.Slot) || !lastRun.Equal(p.Due.lastRun) {
		return nil // run by another since the read
	}
	members, err := db.dueMembers(ctx, tx, now, p.Due, decoded)
	if err != nil {
		return fmt.Errorf("due members: %w", err)
	}
	if len(members) == 0 {
		// A schedule nobody is on any more (its last subscriber left or
		// moved to another time) is deleted rather than woken every slot
		// for ever. The row's lock is held: an upsert that joined it has
		// committed and is seen here (a new statement, a new snapshot), or
		// it waits and then creates the row afresh.
		var anyone bool
		if err := tx.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM subscriptions WHERE schedule = $1 AND time_zone = $2)`,
			p.Due.Schedule, p.Due.TimeZone).Scan(&anyone); err != nil {
			return fmt.Errorf("schedule members: %w", err)
		}
		if !anyone {
			if _, err := tx.exec(ctx, `DELETE FROM schedule_slots WHERE schedule = $1 AND time_zone = $2`,
				p.Due.Schedule, p.Due.TimeZone); err != nil {
				return fmt.Errorf("delete empty schedule: %w", err)
			}
			res.Removed++
			return nil
		}
	}
	complete := true
	for _, m := range members {
		payload, ok := p.Decide(m)
		if !ok {
			complete = false
			continue
		}
		if payload == nil {
			res.Skipped += m.Count
			continue
		}
		id, ok := payloadIDs[string(payload)]
		if !ok {
			if id, err = putPayload(ctx, tx, payload, now); err != nil {
				return err
			}
			payloadIDs[string(payload)] = id
		}
		// The members: those the last run consumed, or exactly those
		// waiting for their own slot.
		lo, hi := time.Time{}, p.Due.lastRun
		if m.own {
			lo, hi = m.Slot, m.Slot
		}
		if _, err := tx.exec(ctx, db.dueInsertSQL(), briefings.DigestKeyPrefix, ":"+strconv.FormatInt(m.Slot.Unix(), 10),
			id, now, time.Time{}, p.Due.Schedule, p.Due.TimeZone, m.topics, lo, hi); err != nil {
			return fmt.Errorf("enqueue due digests: %w", err)
		}
		res.Enqueued += m.Count
	}
	if !complete {
		res.Held++
		return nil
	}
	// The run: every member due by now is consumed. The schedule moves on
	// when its slot came, and wakes next at that slot or for the earliest
	// member waiting for an own slot before it.
	next, last := p.Due.Slot, lastSlot
	if p.Due.regular(now) {
		next, last = p.Next, p.Due.Slot
	}
	var wake time.Time
	if err := tx.queryRow(ctx, `SELECT MIN(next_due_at) FROM subscriptions WHERE schedule = $1 AND time_zone = $2
		AND active = TRUE AND next_due_at > $3 AND next_due_at < $4`,
		p.Due.Schedule, p.Due.TimeZone, now, next).Scan(tm(&wake)); err != nil {
		return fmt.Errorf("schedule wake: %w", err)
	}
	if wake.IsZero() { // none waiting
		wake = next
	}
	if _, err := tx.exec(ctx, `UPDATE schedule_slots SET next_slot = $3, wake_at = $4, last_run_at = $5, updated_at = $5,
		last_slot = $6 WHERE schedule = $1 AND time_zone = $2`,
		p.Due.Schedule, p.Due.TimeZone, next, wake, now, last); err != nil {
		return fmt.Errorf("advance schedule: %w", err)
	}
	return nil
}

// qDueInsertTmpl enqueues one group's digests: dedupe key $1 || id || $2
// (briefings.DigestDedupeKey), shared payload $3, created and due $4, zero
// time $5; the members are schedule $6, zone $7, topics $8, next_due_at in
// [$9, $10] (equalities on subscriptions_due's first four columns).
const qDueInsertTmpl = `INSERT {{ORIGNORE}}INTO deliveries (dedupe_key, platform, chat_id, kind, payload_id,
	payload, status, attempts, next_attempt_at, lease_until, last_error, edit_of, external_id, created_at, sent_at)
SELECT $1 || {{IDTEXT}} || $2, platform, chat_id, '` + briefings.DeliveryDigest + `', $3,
	{{EMPTYBLOB}}, 'pending', 0, $4, $5, '', '', '', $4, $5
FROM subscriptions WHERE schedule = $6 AND time_zone = $7 AND active = TRUE AND topics = $8
	AND next_due_at >= $9 AND next_due_at <= $10{{ONCONFLICT}}`

// dueInsertSQL is qDueInsertTmpl for the dialect. On SQLite it says OR
// IGNORE rather than ON CONFLICT DO NOTHING: a statement of many rows that
// may abort midway (any constraint left at its default, ABORT) makes SQLite
// copy every page it touches to a statement journal first, a third of a
// large fan-out's cost; nothing it writes can violate a constraint but the
// dedupe key.
func (db *DB) dueInsertSQL() string {
	if db.dialect == Postgres {
		return strings.NewReplacer("{{IDTEXT}}", "id::text", "{{EMPTYBLOB}}", `'\x'::bytea`, "{{ORIGNORE}}", "",
			"{{ONCONFLICT}}", "\nON CONFLICT (dedupe_key) DO NOTHING").Replace(qDueInsertTmpl)
	}
	return strings.NewReplacer("{{IDTEXT}}", "id", "{{EMPTYBLOB}}", "X''", "{{ORIGNORE}}", "OR IGNORE ",
		"{{ONCONFLICT}}", "").Replace(qDueInsertTmpl)
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
