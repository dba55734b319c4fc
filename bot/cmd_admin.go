package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// adminCommands: the bot's own state, for its admins.
func adminCommands() []Command {
	return []Command{
		command(Command{Name: "stats", Access: Admins, Help: Help{Usage: "/stats", Summary: "Bot statistics (admins)"}},
			noArgs, (*Router).stats),
	}
}

func (r *Router) stats(ctx context.Context, req *Request, _ struct{}) (*Reply, error) {
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
		subs += " " + req.t("stats.paused", locale.Args{"N": paused})
	}
	p := Paragraph{Lines: [][]Span{
		{{Text: req.t("stats.counts", locale.Args{"Articles": n, "Sources": len(srcs), "Failing": failing, "Subs": subs})}},
		{{Text: req.t("stats.outbox", locale.Args{"Pending": ds.Pending, "Sending": ds.Sending, "Sent": ds.Sent, "Dead": ds.Dead})}},
	}}
	p.Lines = append(p.Lines, deadLines(req, &ds)...)
	if r.d.Stats != nil {
		for _, l := range r.d.Stats(ctx) {
			p.Lines = append(p.Lines, []Span{{Text: l}})
		}
	}
	return &Reply{Title: req.t("stats.title"), Paragraphs: []Paragraph{p}, Ephemeral: true}, nil
}

// deadLines count the outbox's dead letters by reason, the most frequent
// first.
func deadLines(req *Request, ds *briefings.DeliveryStats) [][]Span {
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
		out = append(out, []Span{{Text: "  " + req.t("stats.dead", locale.Args{"N": ds.DeadReasons[reason], "Why": trimForReply(reason, 100)})}})
	}
	return out
}
