package outbox

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/keywords"
)

// AlertCursor is the LeaseStore cursor of the last attack report scanned.
const AlertCursor = "alerts"

// AlertBatch is how many reports one scan step reads.
const AlertBatch = 500

// AlertDedupeKey is the outbox key of a chat's first alert for an event.
func AlertDedupeKey(c briefings.Chat, event string) string {
	return "alert:" + string(c.Platform) + ":" + c.ChatID + ":" + event
}

// EnqueueAlerts turns attack reports stored since the "alerts" cursor into
// alerts: one per chat per event (reports of the same attack by several
// outlets share an EventKey), for chats whose alert settings match, delayed
// past the chat's quiet hours. A later report with different figures enqueues
// an edit of the chat's alert. Cumulative and regional-only reports never
// alert, nor do reports stored as NoAlert (a back-fill, an import), and an
// event alerts only while it is fresh: its time (briefings.EventTime) within
// maxAge of now (0: briefings.DefaultAlertMaxAge), so that turning alerts on,
// an archive or a restart after downtime never sends an old night. It only
// reads the database, so reports ingested by another process alert too. The
// cursor moves after each batch is enqueued; a crash re-scans at most that
// batch, and the dedupe keys make that harmless. It returns the number of
// rows enqueued.
func EnqueueAlerts(ctx context.Context, st briefings.Store, now time.Time, maxAge time.Duration, render func(chat briefings.Chat, ev []*briefings.AttackReport) *bot.Reply) (int, error) {
	if maxAge <= 0 {
		maxAge = briefings.DefaultAlertMaxAge
	}
	cursor, err := st.GetCursor(ctx, AlertCursor)
	if err != nil {
		return 0, fmt.Errorf("outbox: alert cursor: %w", err)
	}
	var settings []*briefings.AlertSettings
	loaded := false
	total := 0
	for {
		reports, err := st.AttackReportsAfter(ctx, cursor, AlertBatch)
		if err != nil {
			return total, fmt.Errorf("outbox: attack reports: %w", err)
		}
		if len(reports) == 0 {
			return total, nil
		}
		last := reports[len(reports)-1].ID
		events := map[string]bool{}
		var order []string
		for _, r := range reports {
			if !alertable(r) || r.NoAlert {
				continue
			}
			k := r.EventKey()
			if !events[k] {
				events[k] = true
				order = append(order, k)
			}
		}
		if len(order) > 0 && !loaded {
			if settings, err = st.ListAlertSettings(ctx); err != nil {
				return total, fmt.Errorf("outbox: alert settings: %w", err)
			}
			loaded = true
		}
		for _, k := range order {
			ev, err := eventReports(ctx, st, reports, k, last, now)
			if err != nil {
				return total, err
			}
			if !briefings.Fresh(ev, now, maxAge) {
				continue
			}
			n, err := enqueueEvent(ctx, st, now, k, ev, settings, render)
			total += n
			if err != nil {
				return total, err
			}
		}
		if err := st.SetCursor(ctx, AlertCursor, last); err != nil {
			return total, fmt.Errorf("outbox: alert cursor: %w", err)
		}
		cursor = last
		if len(reports) < AlertBatch {
			return total, nil
		}
	}
}

// alertable: national figures of one attack (not cumulative totals, not a
// regional administration's share).
func alertable(r *briefings.AttackReport) bool {
	if r.Cumulative || r.Scope == briefings.ScopeCumulative || r.Scope == briefings.ScopeRegional {
		return false
	}
	_, ok := r.LaunchedTotal()
	return ok || r.Intercepted.Drones != nil || r.Intercepted.Missiles != nil
}

// eventReports returns every alertable report of the event up to maxID, in
// ID order: those of this batch plus others from the store, published from
// three days before the batch's to now (a revised post keeps its publication
// time, so later reports of the event are read too).
func eventReports(ctx context.Context, st briefings.Store, batch []*briefings.AttackReport, key string, maxID int64, now time.Time) ([]*briefings.AttackReport, error) {
	var ev []*briefings.AttackReport
	var lo, hi time.Time
	for _, r := range batch {
		if alertable(r) && r.EventKey() == key {
			ev = append(ev, r)
			if !r.PublishedAt.IsZero() {
				if lo.IsZero() || r.PublishedAt.Before(lo) {
					lo = r.PublishedAt
				}
				if r.PublishedAt.After(hi) {
					hi = r.PublishedAt
				}
			}
		}
	}
	if lo.IsZero() {
		return ev, nil
	}
	if now.After(hi) {
		hi = now
	}
	older, err := st.ListAttackReports(ctx, lo.Add(-72*time.Hour), hi.Add(time.Second))
	if err != nil {
		return nil, fmt.Errorf("outbox: event reports: %w", err)
	}
	seen := map[int64]bool{}
	for _, r := range ev {
		seen[r.ID] = true
	}
	for _, r := range older {
		if !seen[r.ID] && r.ID <= maxID && alertable(r) && r.EventKey() == key {
			ev = append(ev, r)
			seen[r.ID] = true
		}
	}
	slices.SortFunc(ev, func(a, b *briefings.AttackReport) int { return cmpInt(a.ID, b.ID) })
	return ev, nil
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func enqueueEvent(ctx context.Context, st briefings.Store, now time.Time, key string, ev []*briefings.AttackReport, settings []*briefings.AlertSettings, render func(briefings.Chat, []*briefings.AttackReport) *bot.Reply) (int, error) {
	if len(ev) == 0 {
		return 0, nil
	}
	latest := ev[len(ev)-1]
	regions := map[string]bool{}
	for _, r := range ev {
		for _, g := range r.Regions {
			regions[strings.ToLower(g)] = true
		}
	}
	n := 0
	for _, a := range settings {
		if !matches(a, latest, regions) || !keywordsAllow(ctx, st, a.Chat, ev) {
			continue
		}
		// Rendered per chat: each in its own language.
		payload, err := EncodePayload(render(a.Chat, ev))
		if err != nil {
			return n, fmt.Errorf("outbox: render alert: %w", err)
		}
		due := quietEnd(a, now)
		firstKey := AlertDedupeKey(a.Chat, key)
		d := &briefings.Delivery{
			DedupeKey: firstKey, Chat: a.Chat, Kind: briefings.DeliveryAlert, Payload: payload,
			Status: briefings.StatusPending, NextAttemptAt: due, CreatedAt: now,
		}
		created, err := st.Enqueue(ctx, d)
		if err != nil {
			return n, fmt.Errorf("outbox: enqueue alert: %w", err)
		}
		if created {
			n++
			continue
		}
		created, err = enqueueRevision(ctx, st, d)
		if err != nil {
			return n, err
		}
		if created {
			n++
		}
	}
	return n, nil
}

// enqueueRevision edits a chat's alert (first, already queued) to first's
// payload when that text differs from the alert's latest version: an
// unchanged text (more outlets repeating the figures of record) sends
// nothing. The key names the version it replaces, so a rescan adds nothing.
func enqueueRevision(ctx context.Context, st briefings.Store, first *briefings.Delivery) (bool, error) {
	cur, err := st.LatestVersion(ctx, first.DedupeKey)
	if err != nil {
		return false, fmt.Errorf("outbox: alert version: %w", err)
	}
	if bytes.Equal(cur.Payload, first.Payload) {
		return false, nil
	}
	h := fnv.New64a()
	h.Write(first.Payload)
	rev := *first
	rev.ID = 0
	rev.DedupeKey = first.DedupeKey + ":rev:" + strconv.FormatInt(cur.ID, 10) + ":" + strconv.FormatUint(h.Sum64(), 36)
	rev.EditOf = first.DedupeKey
	created, err := st.Enqueue(ctx, &rev)
	if err != nil {
		return false, fmt.Errorf("outbox: enqueue alert revision: %w", err)
	}
	return created, nil
}

// keywordsAllow applies the chat's keyword filter (/filter) to an event:
// its regions, the sentences its figures come from and its outlets. A chat
// whose settings cannot be read gets the alert.
func keywordsAllow(ctx context.Context, st briefings.Store, chat briefings.Chat, ev []*briefings.AttackReport) bool {
	s, err := st.GetChatSettings(ctx, chat)
	if err != nil {
		return true
	}
	f := keywords.Filter{Include: s.Include, Exclude: s.Exclude}
	if f.Empty() {
		return true
	}
	var texts []string
	for _, r := range ev {
		texts = append(texts, strings.Join(r.Regions, " "), r.Evidence, r.SourceName)
	}
	return f.Allows(texts...)
}

// matches applies a chat's alert filters to an event.
func matches(a *briefings.AlertSettings, r *briefings.AttackReport, regions map[string]bool) bool {
	if !a.Enabled {
		return false
	}
	if a.Attacker != "" && !strings.EqualFold(a.Attacker, r.Attacker) {
		return false
	}
	if a.MinLaunched > 0 {
		if n, ok := r.LaunchedTotal(); !ok || n < a.MinLaunched {
			return false
		}
	}
	if len(a.Classes) > 0 {
		ok := false
		for _, c := range a.Classes {
			switch strings.ToLower(c) {
			case "drones", "drone":
				ok = ok || r.Launched.Drones != nil || r.Intercepted.Drones != nil
			case "missiles", "missile":
				ok = ok || r.Launched.Missiles != nil || r.Intercepted.Missiles != nil
			}
		}
		if !ok {
			return false
		}
	}
	if len(a.Regions) > 0 {
		ok := false
		for _, g := range a.Regions {
			ok = ok || regions[strings.ToLower(g)]
		}
		if !ok {
			return false
		}
	}
	return true
}

// quietEnd returns when an alert may be sent: now, or the end of the chat's
// quiet hours (in its time zone) when now falls inside them.
func quietEnd(a *briefings.AlertSettings, now time.Time) time.Time {
	if a.QuietStart == "" || a.QuietEnd == "" {
		return now
	}
	loc := time.UTC
	if a.TimeZone != "" {
		if l, err := time.LoadLocation(a.TimeZone); err == nil {
			loc = l
		}
	}
	s, ok1 := minuteOfDay(a.QuietStart)
	e, ok2 := minuteOfDay(a.QuietEnd)
	if !ok1 || !ok2 || s == e {
		return now
	}
	l := now.In(loc)
	m := l.Hour()*60 + l.Minute()
	inside := (s < e && m >= s && m < e) || (s > e && (m >= s || m < e))
	if !inside {
		return now
	}
	end := time.Date(l.Year(), l.Month(), l.Day(), e/60, e%60, 0, 0, loc)
	if !end.After(now) {
		end = time.Date(l.Year(), l.Month(), l.Day()+1, e/60, e%60, 0, 0, loc)
	}
	return end
}

func minuteOfDay(s string) (int, bool) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		return 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, false
	}
	return hh*60 + mm, true
}
