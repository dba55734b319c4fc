package briefings

import (
	"context"
	"time"
)

// Digest schedules. Every subscription with the same schedule and time zone
// is due at the same slots, so a store keeps one row per (schedule, time
// zone), a digest schedule, and consumes a slot for all its subscriptions
// at once. The due-digest job (bot/schedule) decides what each due
// subscription gets and when a schedule moves on; a DueStore runs the reads
// and writes it asks for.

// DueSchedule is a digest schedule whose time to run has come (its slot, or
// an earlier own slot of one of its subscriptions), with its due members.
type DueSchedule struct {
	Schedule string
	TimeZone string
	Slot     time.Time // the schedule's next slot
	LastRun  time.Time // when the schedule last ran; zero: never
	LastSlot time.Time // the slot its last run at a slot consumed
	Groups   []DueGroup
}

// DueGroup are due subscriptions of one schedule that receive one and the
// same digest: the same topics and the same slot. Members a run of the
// schedule consumed are due at the schedule's slot; the others (they
// subscribed or resumed since its last run) at their own.
type DueGroup struct {
	Topics []Topic
	Slot   time.Time
	Count  int
	// Charts counts the members who receive the weekly chart
	// (Subscription.WeeklyChart).
	Charts int
	// Own says the members are due at their own slot, not the schedule's.
	Own bool
	// Stored is the members' topics as the store keeps them: with Slot and
	// Own it names the members. Pass the group back unchanged.
	Stored string
}

// ScheduleRun is what a run of a schedule leaves: every member due by At
// is consumed (due next at Slot), the schedule's next slot is Slot, the
// slot it last consumed LastSlot, and it wakes next at Wake.
type ScheduleRun struct {
	At       time.Time
	Slot     time.Time
	LastSlot time.Time
	Wake     time.Time
}

// DueStore gives the due-digest job the schedules that are due and a
// transaction to act on them.
type DueStore interface {
	// DueSchedules returns the schedules whose wake-up time is at or
	// before now, earliest first, each with its due members grouped by
	// topics and slot.
	DueSchedules(ctx context.Context, now time.Time) ([]DueSchedule, error)
	// BeginDue starts a write transaction for the due-digest job. Call
	// nothing else on the store until it ends (on SQLite it holds the one
	// writer connection).
	BeginDue(ctx context.Context) (DueTx, error)
}

// DueTx is one transaction of the due-digest job: the schedules it locks
// stay as it read them until it ends, and its writes are committed together
// or not at all.
type DueTx interface {
	// LockSchedule locks the schedule's row until the transaction ends
	// and returns it as it is now, without groups; found is false when it
	// no longer exists. A subscription stored meanwhile waits for the lock
	// or was committed before it.
	LockSchedule(ctx context.Context, schedule, timeZone string) (d DueSchedule, found bool, err error)
	// DueGroups returns the members of the locked schedule d due at now,
	// grouped by topics and slot.
	DueGroups(ctx context.Context, d DueSchedule, now time.Time) ([]DueGroup, error)
	// EnqueueDigests writes one pending digest delivery of payload for
	// each member of g, a group of the locked schedule d, with dedupe key
	// DigestDedupeKey(subscription, g.Slot): a row already queued under
	// that key is left as it is. Each distinct payload is stored once.
	EnqueueDigests(ctx context.Context, d DueSchedule, g DueGroup, payload []byte, now time.Time) error
	// EnqueueCharts writes one pending weekly chart delivery of payload
	// for each member of g that receives the weekly chart, with dedupe key
	// ChartDedupeKey(subscription, monday): a row already queued under
	// that key is left as it is. Call it after the group's EnqueueDigests,
	// so that a chat's chart is queued after its digest.
	EnqueueCharts(ctx context.Context, d DueSchedule, g DueGroup, monday string, payload []byte, now time.Time) error
	// NextOwnSlot returns the earliest due time in (after, before) of an
	// active member of the schedule waiting for its own slot; zero when
	// there is none.
	NextOwnSlot(ctx context.Context, schedule, timeZone string, after, before time.Time) (time.Time, error)
	// AdvanceSchedule records a run of the locked schedule (see ScheduleRun).
	AdvanceSchedule(ctx context.Context, schedule, timeZone string, run ScheduleRun) error
	// DeleteEmptySchedule deletes the locked schedule's row when no
	// subscription, active or paused, is on it; deleted says whether it
	// did. A subscription stored afterwards creates the row anew.
	DeleteEmptySchedule(ctx context.Context, schedule, timeZone string) (deleted bool, err error)
	Commit() error
	// Rollback ends the transaction without its writes; after Commit it
	// does nothing.
	Rollback() error
}
