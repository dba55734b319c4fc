package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/briefings"
)

// adminCommands: the bot's own state, for its admins.
func adminCommands() []Command {
	return []Command{
		command(Command{Name: "stats", Access: Admins, Help: Help{Usage: "/stats", Summary: "Bot statistics (admins)"}},
			noArgs, (*Router).stats),
	}
}

func (r *Router) stats(ctx context.Context, _ *Request, _ struct{}) (*Reply, error) {
	n, err := r.d.Store.CountArticles(ctx)
	if err != nil {
		return nil, err
	}
	srcs, err := r.d.Store.ListSources(ctx)
	if err != nil {
		return nil, err
	}
	failing := 0
	for _, s := range srcs {
		if s.ErrorCount > 0 {
			failing++
		}
	}
	ds, err := r.d.Store.DeliveryStats(ctx)
	if err != nil {
		return nil, err
	}
	active, paused, err := r.d.Store.CountSubscriptions(ctx)
	if err != nil {
		return nil, err
	}
	subs := fmt.Sprint(active)
	if paused > 0 {
		subs += fmt.Sprintf(" (%d more paused)", paused)
	}
	p := Paragraph{Lines: [][]Span{
		{{Text: fmt.Sprintf("Articles: %d; sources: %d (%d failing); subscriptions: %s", n, len(srcs), failing, subs)}},
		{{Text: fmt.Sprintf("Outbox: %d pending, %d sending, %d sent, %d dead", ds.Pending, ds.Sending, ds.Sent, ds.Dead)}},
	}}
	p.Lines = append(p.Lines, deadLines(&ds)...)
	if r.d.Stats != nil {
		for _, l := range r.d.Stats(ctx) {
			p.Lines = append(p.Lines, []Span{{Text: l}})
		}
	}
	return &Reply{Title: "Stats", Paragraphs: []Paragraph{p}, Ephemeral: true}, nil
}

// deadLines count the outbox's dead letters by reason, the most frequent
// first.
func deadLines(ds *briefings.DeliveryStats) [][]Span {
	reasons := make([]string, 0, len(ds.DeadReasons))
	for reason := range ds.DeadReasons {
		reasons = append(reasons, reason)
	}
	slices.SortFunc(reasons, func(a, b string) int {
		if d := ds.DeadReasons[b] - ds.DeadReasons[a]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	var out [][]Span
	for _, reason := range reasons {
		out = append(out, []Span{{Text: fmt.Sprintf("  dead: %d × %s", ds.DeadReasons[reason], trimForReply(reason, 100))}})
	}
	return out
}
