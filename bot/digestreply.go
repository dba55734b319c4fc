package bot

import (
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
)

// DigestReply renders a digest in the house style: the title names the
// window in loc; each section's first item carries the section name as its
// heading; each item is its headline in bold with its time, its verbatim
// sentences, the figures line of an attack, and "Sources:" with every
// source linked. Link previews are off. An empty digest says plainly that
// nothing was reported in the window.
func DigestReply(d *briefings.Digest, loc *time.Location) *Reply {
	if loc == nil {
		loc = time.UTC
	}
	r := &Reply{NoPreview: true}
	if d == nil {
		r.Paragraphs = []Paragraph{{Lines: [][]Span{{{Text: "No briefing is available."}}}}}
		return r
	}
	window := digest.Window(d.Since, d.Until, loc)
	r.Title = "Briefing: " + window
	if d.Empty() {
		r.Paragraphs = []Paragraph{{Lines: [][]Span{{{Text: "Nothing was reported between " + window + "."}}}}}
		if d.Since.IsZero() || d.Until.IsZero() {
			r.Paragraphs[0].Lines[0][0].Text = "Nothing was reported in this period."
		}
		return r
	}
	for _, sec := range d.Sections {
		for i, it := range sec.Items {
			p := Paragraph{}
			if i == 0 {
				p.Heading = sec.Name
			}
			head := []Span{{Text: it.Headline, Bold: true}}
			if !it.Published.IsZero() {
				head = append(head, Span{Text: " (" + it.Published.In(loc).Format("2 Jan 15:04") + ")"})
			}
			p.Lines = append(p.Lines, head)
			if len(it.Sentences) > 0 {
				p.Lines = append(p.Lines, []Span{{Text: strings.Join(it.Sentences, " ")}})
			}
			if it.Figures != "" {
				p.Lines = append(p.Lines, []Span{{Text: it.Figures}})
			}
			if it.Event != "" {
				p.Lines = append(p.Lines, []Span{{Text: "Event: ", Italic: true}, {Text: it.Event}})
			}
			if len(it.Sources) > 0 {
				src := []Span{{Text: "Sources: "}}
				if len(it.Sources) == 1 {
					src[0].Text = "Source: "
				}
				for j, s := range it.Sources {
					if j > 0 {
						src = append(src, Span{Text: ", "})
					}
					src = append(src, Span{Text: s.Name, URL: s.URL})
				}
				p.Lines = append(p.Lines, src)
			}
			r.Paragraphs = append(r.Paragraphs, p)
		}
	}
	return r
}
