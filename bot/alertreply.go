package bot

import (
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/locale"
)

// AlertReply renders an attack alert for one event from its reports, in the
// house style: a title with the night, one line of figures per report group,
// and the sources with links, in pr's language. Only figures from the
// reports appear.
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
	for _, l := range digest.AttackLines(pr, reports, loc) {
		p.Lines = append(p.Lines, []Span{{Text: l}})
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
