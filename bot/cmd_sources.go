package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// sourceCommands: the feeds the bot reads.
func sourceCommands() []Command {
	return []Command{
		command(Command{Name: "sources", Help: Help{Usage: "/sources", Summary: "Sources and their health"}},
			noArgs, (*Router).sources),
		command(Command{Name: "addsource", Access: Admins,
			Help: Help{Usage: "/addsource <url|@channel>", Summary: "Add a feed or public channel (admins)"},
			Args: []Arg{{Name: "url", Help: "Feed URL, or a public Telegram channel (@name or t.me link)", Required: true}}},
			parseAddSource, (*Router).addSource),
		command(Command{Name: "removesource", Access: Admins, Help: Help{Usage: "/removesource <id>", Summary: "Remove a source (admins)"},
			Args: []Arg{{Name: "id", Help: "Source id from /sources", Required: true, Kind: ArgInteger}}},
			parseSourceID, (*Router).removeSource),
	}
}

func (r *Router) sources(ctx context.Context, _ *Request, _ struct{}) (*Reply, error) {
	srcs, err := r.d.Store.ListSources(ctx)
	if err != nil {
		return nil, err
	}
	if len(srcs) == 0 {
		return Text("No sources yet."), nil
	}
	now := r.d.Now()
	p := Paragraph{}
	for _, s := range srcs {
		p.Lines = append(p.Lines, sourceLine(s, now))
	}
	return &Reply{Title: fmt.Sprintf("Sources (%d)", len(srcs)), Paragraphs: []Paragraph{p}, NoPreview: true}, nil
}

// sourceLine is a source's id, name (linked) and health.
func sourceLine(s *briefings.Source, now time.Time) []Span {
	health := "✓"
	detail := "never fetched"
	switch {
	case s.Kind == briefings.SourceFile:
		health, detail = "·", "local files"
	case !s.Enabled:
		health, detail = "–", "disabled"
	case s.ErrorCount > 0:
		health = "✗"
		detail = fmt.Sprintf("%d errors in a row: %s", s.ErrorCount, trimForReply(s.LastError, 80))
	case !s.LastSuccessAt.IsZero():
		detail = "updated " + ago(now.Sub(s.LastSuccessAt)) + " ago"
	}
	line := []Span{{Text: fmt.Sprintf("%s #%d ", health, s.ID)}}
	if strings.HasPrefix(s.URL, "http") {
		line = append(line, Span{Text: s.Name, URL: s.URL})
	} else {
		line = append(line, Span{Text: s.Name})
	}
	return append(line, Span{Text: " — " + detail, Italic: true})
}

func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "under a minute"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d/time.Hour))
	default:
		return fmt.Sprintf("%dd", int(d/(24*time.Hour)))
	}
}

// parseAddSource reads the one feed URL or channel ("@name") of /addsource.
func parseAddSource(words []string) (string, error) {
	if len(words) != 1 || !isURL(words[0]) && !strings.HasPrefix(words[0], "@") {
		return "", invalid("Give one feed URL or public channel: /addsource https://example.org/feed.xml or /addsource @kpszsu")
	}
	return words[0], nil
}

func (r *Router) addSource(ctx context.Context, _ *Request, u string) (*Reply, error) {
	if r.d.AddSource == nil {
		return nil, invalid("Adding sources is turned off here.")
	}
	s, err := r.d.AddSource(ctx, u)
	if err != nil {
		if briefings.ErrorCode(err) == briefings.EINTERNAL {
			r.d.Logger.Info("router: addsource failed", slog.Any("error", err))
			return nil, invalid("I couldn't add that feed: %s", shortErr(err))
		}
		return nil, err
	}
	return Text(fmt.Sprintf("Added source #%d: %s", s.ID, s.Name)), nil
}

// parseSourceID reads a source id as /sources shows it ("3" or "#3").
func parseSourceID(words []string) (int64, error) {
	if len(words) != 1 {
		return 0, invalid("Give the source id from /sources: /removesource 3")
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(words[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, invalid("Give the source id from /sources: /removesource 3")
	}
	return id, nil
}

func (r *Router) removeSource(ctx context.Context, _ *Request, id int64) (*Reply, error) {
	s, err := r.d.Store.GetSource(ctx, id)
	if err != nil {
		if briefings.ErrorCode(err) == briefings.ENOTFOUND {
			return nil, briefings.Errorf(briefings.ENOTFOUND, "There is no source #%d.", id)
		}
		return nil, err
	}
	if err := r.d.Store.DeleteSource(ctx, id); err != nil {
		return nil, err
	}
	return Text(fmt.Sprintf("Removed source #%d: %s", id, s.Name)), nil
}
