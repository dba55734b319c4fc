package bot

import (
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
)

// AlertReply renders an attack alert for one event from its reports, in the
// house style: a title with the night, one line of figures per report group,
// and the sources with links. Only figures from the reports appear.
func AlertReply(reports []*briefings.AttackReport, loc *time.Location) *Reply {
	if loc == nil {
		loc = time.UTC
	}
	title := "Air attack"
	if len(reports) > 0 {
		r := reports[0]
		if d, err := time.ParseInLocation("2006-01-02", r.Date, loc); err == nil {
			if r.Period == "overnight" || r.Period == "night" {
				title += ", night of " + d.Format("2 Jan 2006")
			} else {
				title += ", " + d.Format("2 Jan 2006")
			}
		}
	}
	p := Paragraph{}
	for _, l := range digest.AttackLines(reports, loc) {
		p.Lines = append(p.Lines, []Span{{Text: l}})
	}
	src := []Span{{Text: "Sources: "}}
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
