package extract

import (
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// extractAttacks reads every attack report of a text: stages 1 to 3 per
// sentence (reader.sentence), then stage 4 per event. rs switches rules off
// (nil: all on).
func extractAttacks(sents []sentence, pub time.Time, rs *ruleSet) []briefings.AttackReport {
	r := &reader{pub: pub, today: speechDay(sents, pub), rs: rs, cur: map[side]*event{}, prev: map[side]*event{}}
	for _, s := range sents {
		r.sentence(s)
	}
	r.settleScope()
	// body[k]: a strong event of that kind (k: a cumulative span or not)
	var body [2]bool
	for _, e := range r.events {
		body[e.spanKind()] = body[e.spanKind()] || e.strong
	}
	var out []briefings.AttackReport
	for _, e := range r.events {
		if body[e.spanKind()] && !e.strong {
			continue // a headline's figures summarize the body's events of their kind (a night's, a span's)
		}
		if a, ok := e.report(rs); ok {
			out = append(out, a)
		}
	}
	return out
}

// spanKind is 1 for a cumulative event, 0 for one attack.
func (e *event) spanKind() int {
	if e.root().scope == scopeCumulative {
		return 1
	}
	return 0
}
