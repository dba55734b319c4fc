package outbox

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// TestAlertsBeforeDigests: among chats that may send, alerts go first; in
// one chat an alert goes before the digests queued ahead of it (alerts
// keep their own order, so a revision follows its original).
func TestAlertsBeforeDigests(t *testing.T) {
	s := newSched(map[briefings.Platform]Limits{"telegram": TelegramLimits()})
	id := int64(0)
	add := func(chat, kind string) {
		id++
		s.add(t0, &briefings.Delivery{ID: id, Chat: tgChat(chat), Kind: kind})
	}
	for i := range 100 {
		add(fmt.Sprint("d", i), briefings.DeliveryDigest)
	}
	add("a1", briefings.DeliveryAlert) // id 101
	add("d5", briefings.DeliveryAlert) // id 102: a chat with a digest queued
	add("d5", briefings.DeliveryAlert) // id 103: its revision
	add("a2", briefings.DeliveryAlert) // id 104
	out := simulate(t, s, t0, func(time.Time, *briefings.Delivery) (time.Time, bool) { return time.Time{}, false })
	if len(out) != 104 {
		t.Fatalf("sent %d", len(out))
	}
	first := map[int64]int{}
	for i, e := range out {
		first[e.id] = i
	}
	for _, a := range []int64{101, 102, 104} {
		if first[a] > 3 {
			t.Errorf("alert %d went out %dth, behind digests", a, first[a]+1)
		}
	}
	if first[103] < first[102] || first[6] < first[103] {
		t.Errorf("chat d5: alert at %d, revision at %d, digest at %d; want alert, revision, digest", first[102], first[103], first[6])
	}
}

// TestReplyGoesBeforeTheFanOut: a reply reserves the next global slot; the
// dispatcher's fan-out waits for it instead of the reply waiting behind
// the fan-out, and the fan-out keeps the rest of the rate.
func TestReplyGoesBeforeTheFanOut(t *testing.T) {
	b := newBudget(TelegramLimits(), time.Now)
	s := newSchedBudgets(map[briefings.Platform]*Budget{"telegram": b})
	for i := range 300 {
		s.add(t0, &briefings.Delivery{ID: int64(i + 1), Chat: tgChat(fmt.Sprint(i + 1))})
	}
	now := t0
	var sends []time.Time
	var replies []time.Time
	nextReply := t0.Add(time.Second)
	for len(sends) < 300 {
		if !now.Before(nextReply) {
			// A user's command: the reply reserves its chat's slot, then a
			// global one, and goes at the later of the two.
			c := b.reserveChat(now, fmt.Sprint("user", len(replies)))
			at := b.reserveGlobal(later(now, c))
			replies = append(replies, at)
			if at.Sub(now) > 100*time.Millisecond {
				t.Fatalf("reply %d waits %v behind the fan-out", len(replies), at.Sub(now))
			}
			nextReply = nextReply.Add(100 * time.Millisecond) // 10 replies a second
			continue
		}
		d, wake := s.pop(now)
		if d != nil {
			sends = append(sends, now)
			s.done(now, d.Chat, time.Time{})
			continue
		}
		now = wake
		if nextReply.Before(now) {
			now = nextReply
		}
	}
	all := append(append([]time.Time(nil), sends...), replies...)
	if n := maxInWindow(sortTimes(all), time.Second); n > 31 {
		t.Errorf("%d messages in one second: replies and the fan-out spend the budget twice", n)
	}
	span := sends[len(sends)-1].Sub(sends[0]).Seconds()
	left := 30 - float64(len(replies))/span
	if rate := float64(len(sends)-1) / span; rate < 0.95*left {
		t.Errorf("fan-out at %.1f msg/s with %.1f left to it", rate, left)
	}
}

// TestBudgetWaitHonoursHold: a chat held after a 429 makes a reply wait
// until the hold ends; a global hold holds every chat.
func TestBudgetWaitHonoursHold(t *testing.T) {
	now := t0
	b := newBudget(TelegramLimits(), func() time.Time { return now })
	b.Hold("7", t0.Add(3*time.Second))
	if at := b.reserveChat(now, "7"); !at.Equal(t0.Add(3 * time.Second)) {
		t.Errorf("held chat reserved at %v", at.Sub(t0))
	}
	if at := b.reserveChat(now, "8"); !at.Equal(t0) {
		t.Errorf("another chat reserved at %v", at.Sub(t0))
	}
	b.Hold("", t0.Add(5*time.Second))
	if at := b.reserveGlobal(now); !at.Equal(t0.Add(5 * time.Second)) {
		t.Errorf("global slot at %v during a global hold", at.Sub(t0))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.Wait(ctx, "9"); err == nil {
		t.Error("Wait ignored a cancelled context")
	}
}

func sortTimes(ts []time.Time) []time.Time {
	out := append([]time.Time(nil), ts...)
	slices.SortFunc(out, time.Time.Compare)
	return out
}

// TestSecondHoldsWholeSlotsOnly: paced at 29.1 a second, no second holds
// 30 sends (a bucket alone lets one in now and then), so a send that
// leaves a little late cannot make 31 arrive within a second.
func TestSecondHoldsWholeSlotsOnly(t *testing.T) {
	s := newSched(map[briefings.Platform]Limits{"telegram": TelegramLimits().WithHeadroom(DefaultHeadroom)})
	for i := range 600 {
		s.add(t0, &briefings.Delivery{ID: int64(i + 1), Chat: tgChat(fmt.Sprint(i + 1))})
	}
	out := simulate(t, s, t0, func(time.Time, *briefings.Delivery) (time.Time, bool) { return time.Time{}, false })
	var times []time.Time
	for _, e := range out {
		times = append(times, e.at)
	}
	if n := maxInWindow(times, time.Second); n > 29 {
		t.Errorf("%d sends in one second at 29.1 a second", n)
	}
	if rate := float64(len(times)-1) / times[len(times)-1].Sub(times[0]).Seconds(); rate < 28.9 {
		t.Errorf("%.2f sends a second, want about 29", rate)
	}
}

// TestLateWakerTakesANewSlot: a reply whose caller woke up well after its
// slot (a busy machine wakes many at once) takes a new slot instead of
// going together with the others.
func TestLateWakerTakesANewSlot(t *testing.T) {
	var mu sync.Mutex
	now, calls := t0, 0
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if calls == 3 { // the check after the first sleep: half a second late
			now = now.Add(500 * time.Millisecond)
		}
		return now
	}
	b := newBudget(Limits{Global: PerSecond(10)}, clock)
	if err := b.Wait(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	if len(b.recent) != 2 || !b.recent[1].Equal(t0.Add(500*time.Millisecond)) {
		t.Fatalf("slots %v: want the missed one and a new one at +500ms", b.recent)
	}
}

// TestChatRateCountsFromTheSend: two replies to one chat while the global
// rate is busy (its next slot well after the chat's): the second waits a
// chat interval after the first one's send, not after the first one's chat
// slot, which had long passed when the first went out; otherwise the two
// reach the chat one global interval apart and the platform refuses the
// second.
func TestChatRateCountsFromTheSend(t *testing.T) {
	limits := Limits{Global: PerSecond(20), Private: PerSecond(5)} // 50 ms and 200 ms
	b := newBudget(limits, time.Now)
	slots := &slotLog{}
	b.observe = slots.add
	now := time.Now()
	for range 6 { // others hold the next 300 ms of the global rate
		b.reserveGlobal(now)
	}
	for range 2 {
		if err := b.Wait(context.Background(), "7"); err != nil {
			t.Fatal(err)
		}
	}
	if over := slots.over(limits); len(over) != 0 {
		t.Errorf("replies to one chat closer than its rate: %v", over)
	}
}
