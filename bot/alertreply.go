package bot

import (
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/locale"
)

// AlertReply renders an attack alert for one event from its reports, in the
// house style and pr's language: a title with the night, the line of figures
// and a link to the report of record they come from; without one (outlets
// side by side), every source with its link. Only figures from the reports
// appear. An outlet that repeats the record's figures changes nothing, so
// the alert is not edited.
func AlertReply(pr *locale.Printer, reports []*briefings.AttackReport, loc *time.Location) *Reply {
	if loc == nil {
		loc = time.UTC
	}
	title := pr.T("alert.title")
	if len(reports) > 0 {
		r := reports[0]
		if d, err := time.ParseInLocation("2006-01-02", r.Date, loc); err == nil {
			if r.Period == "overnight" || r.Period == "night" {
				title = pr.T("alert.title_night", locale.Args{"Night": pr.Night(d)})
			} else {
				title = pr.T("alert.title_day", locale.Args{"Date": pr.Date(d)})
			}
		}
	}
	p := Paragraph{}
	recorded := true
	for _, l := range digest.AttackEvents(pr, reports, loc) {
		p.Lines = append(p.Lines, EventSpans(pr, l))
		recorded = recorded && l.Record != nil
	}
	if recorded && len(p.Lines) > 0 {
		return &Reply{Title: title, Paragraphs: []Paragraph{p}, NoPreview: true}
	}
	src := []Span{{Text: pr.T("reply.sources") + " "}}
	seen := map[string]bool{}
	for _, r := range reports {
		key := r.SourceName + "|" + r.ArticleURL
		if seen[key] || r.SourceName == "" {
			continue
		}
		seen[key] = true
		if len(src) > 1 {
			src = append(src, Span{Text: ", "})
		}
		src = append(src, Span{Text: r.SourceName, URL: r.ArticleURL})
	}
	if len(src) > 1 {
		p.Lines = append(p.Lines, src)
	}
	return &Reply{Title: title, Paragraphs: []Paragraph{p}, NoPreview: true}
}

// EventSpans renders an attack event's line with a link to its report of
// record, when it has one.
func EventSpans(pr *locale.Printer, l briefings.EventLine) []Span {
	line := []Span{{Text: l.Text}}
	if l.Record != nil && l.Record.URL != "" {
		line = append(line, Span{Text: " — "}, Span{Text: pr.T("figures.report_link"), URL: l.Record.URL})
	}
	return line
}
