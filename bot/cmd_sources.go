package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
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

func (r *Router) sources(ctx context.Context, req *Request, _ struct{}) (*Reply, error) {
	srcs, err := r.d.Store.ListSources(ctx)
	if err != nil {
		return nil, err
	}
	if len(srcs) == 0 {
		return Text(req.t("sources.none")), nil
	}
	now := r.d.Now()
	p := Paragraph{}
	for _, s := range srcs {
		p.Lines = append(p.Lines, sourceLine(req.pr, s, now))
	}
	return &Reply{Title: req.t("sources.title", locale.Args{"N": len(srcs)}), Paragraphs: []Paragraph{p}, NoPreview: true}, nil
}

// sourceLine is a source's id, name (linked) and health.
func sourceLine(pr *locale.Printer, s *briefings.Source, now time.Time) []Span {
	health := "✓"
	detail := pr.T("sources.never")
	switch {
	case s.Kind == briefings.SourceFile:
		health, detail = "·", pr.T("sources.files")
	case !s.Enabled:
		health, detail = "–", pr.T("sources.disabled")
	case s.ErrorCount > 0:
		health = "✗"
		detail = pr.N("sources.errors", s.ErrorCount, locale.Args{"Error": trimForReply(s.LastError, 80)})
	case !s.LastSuccessAt.IsZero():
		detail = pr.T("sources.updated", locale.Args{"Ago": ago(pr, now.Sub(s.LastSuccessAt))})
	}
	if note := ofRecord(pr, s); note != "" {
		detail += "; " + note
	}
	line := []Span{{Text: fmt.Sprintf("%s #%d ", health, s.ID)}}
	if strings.HasPrefix(s.URL, "http") {
		line = append(line, Span{Text: s.Name, URL: s.URL})
	} else {
		line = append(line, Span{Text: s.Name})
	}
	return append(line, Span{Text: " — " + detail, Italic: true})
}

// ofRecord says whose figures of record a primary source gives ("figures of
// record for attacks on Ukraine"), or "".
func ofRecord(pr *locale.Printer, s *briefings.Source) string {
	if s.PrimaryFor == "" {
		return ""
	}
	if t, ok := pr.Lookup("sources.of_record." + s.PrimaryFor); ok {
		return t
	}
	return pr.T("sources.of_record.code", locale.Args{"Country": s.PrimaryFor})
}

func ago(pr *locale.Printer, d time.Duration) string {
	switch {
	case d < time.Minute:
		return pr.T("ago.moment")
	case d < time.Hour:
		return pr.T("ago.minutes", locale.Args{"N": int(d / time.Minute)})
	case d < 48*time.Hour:
		return pr.T("ago.hours", locale.Args{"N": int(d / time.Hour)})
	default:
		return pr.T("ago.days", locale.Args{"N": int(d / (24 * time.Hour))})
	}
}

// parseAddSource reads the one feed URL or channel ("@name") of /addsource.
func parseAddSource(words []string) (string, error) {
	if len(words) != 1 || !isURL(words[0]) && !strings.HasPrefix(words[0], "@") {
		return "", invalid("error.addsource_how")
	}
	return words[0], nil
}

func (r *Router) addSource(ctx context.Context, req *Request, u string) (*Reply, error) {
	if r.d.AddSource == nil {
		return nil, invalid("error.addsource_off")
	}
	s, err := r.d.AddSource(ctx, u)
	if err != nil {
		if briefings.ErrorCode(err) == briefings.EINTERNAL {
			r.d.Logger.Info("router: addsource failed", slog.Any("error", err))
			return nil, invalid("error.addsource_failed", locale.Args{"Why": shortErr(err)})
		}
		return nil, err
	}
	text := req.t("sources.added", locale.Args{"ID": s.ID, "Name": s.Name})
	if note := ofRecord(req.pr, s); note != "" {
		text += " — " + note
	}
	return Text(text), nil
}

// parseSourceID reads a source id as /sources shows it ("3" or "#3").
func parseSourceID(words []string) (int64, error) {
	if len(words) != 1 {
		return 0, invalid("error.removesource_how")
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(words[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, invalid("error.removesource_how")
	}
	return id, nil
}

func (r *Router) removeSource(ctx context.Context, req *Request, id int64) (*Reply, error) {
	s, err := r.d.Store.GetSource(ctx, id)
	if err != nil {
		if briefings.ErrorCode(err) == briefings.ENOTFOUND {
			return nil, fail(briefings.ENOTFOUND, "error.no_source", locale.Args{"ID": id})
		}
		return nil, err
	}
	if err := r.d.Store.DeleteSource(ctx, id); err != nil {
		return nil, err
	}
	return Text(req.t("sources.removed", locale.Args{"ID": id, "Name": s.Name})), nil
}
