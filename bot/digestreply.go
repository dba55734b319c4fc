package bot

import (
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/locale"
)

// DigestReply renders a digest in the house style, in pr's language: the
// title names the window in loc; each section's first item carries the
// section name as its heading; each item is its headline in bold with its
// article's time (and when a later report updated the story), its verbatim
// sentences (in their source's language), the figures
// line of an attack (written from the reports in pr's language), and
// "Sources:" with every source linked. Link previews are off. An empty
// digest says plainly that nothing was reported in the window.
func DigestReply(pr *locale.Printer, d *briefings.Digest, loc *time.Location) *Reply {
	if loc == nil {
		loc = time.UTC
	}
	r := &Reply{NoPreview: true}
	if d == nil {
		r.Paragraphs = []Paragraph{{Lines: [][]Span{{{Text: pr.T("digest.unavailable")}}}}}
		return r
	}
	window := pr.Window(d.Since, d.Until, loc)
	r.Title = pr.T("digest.title", locale.Args{"Window": window})
	if d.Empty() {
		msg := pr.T("digest.empty", locale.Args{"Window": window})
		if d.Since.IsZero() || d.Until.IsZero() {
			msg = pr.T("digest.empty_period")
		}
		r.Paragraphs = []Paragraph{{Lines: [][]Span{{{Text: msg}}}}}
		return r
	}
	for _, sec := range d.Sections {
		for i, it := range sec.Items {
			p := Paragraph{Continued: pr.T("digest.continued", locale.Args{"Section": SectionName(pr, sec.Name)})}
			if i == 0 {
				p.Heading = SectionName(pr, sec.Name)
			}
			p.Lines = digestItemLines(pr, it, loc)
			if i == len(sec.Items)-1 && sec.More > 0 {
				p.Lines = append(p.Lines, moreLine(pr, sec))
			}
			r.Paragraphs = append(r.Paragraphs, p)
		}
	}
	return r
}

func digestItemLines(pr *locale.Printer, it briefings.DigestItem, loc *time.Location) [][]Span {
	head := []Span{{Text: it.Headline, Bold: true}}
	if !it.Published.IsZero() {
		head = append(head, Span{Text: " (" + itemTimes(pr, it, loc) + ")"})
	}
	lines := [][]Span{head}
	if len(it.Sentences) > 0 {
		lines = append(lines, []Span{{Text: strings.Join(it.Sentences, " ")}})
	}
	figures := it.Figures
	if len(it.Attacks) > 0 {
		figures = digest.FigureLine(pr, it.Attacks, loc)
	}
	if figures != "" {
		lines = append(lines, EventSpans(pr, briefings.EventLine{Text: figures, Record: it.Record}))
	}
	if it.Event != "" {
		lines = append(lines, []Span{{Text: pr.T("digest.event") + " ", Italic: true}, {Text: it.Event}})
	}
	if len(it.Sources) > 0 {
		src := []Span{{Text: pr.N("reply.sources_n", len(it.Sources)) + " "}}
		for j, s := range it.Sources {
			if j > 0 {
				src = append(src, Span{Text: ", "})
			}
			src = append(src, Span{Text: s.Name, URL: s.URL})
		}
		lines = append(lines, src)
	}
	return lines
}

// itemTimes writes an item's time: its headline's ("14 Mar 06:40"), and
// when a later report followed, when ("14 Mar 06:40, updated 09:30"; the
// day too when it differs). A time its source does not give is not
// written: such an article shows its day alone ("14 Mar").
func itemTimes(pr *locale.Printer, it briefings.DigestItem, loc *time.Location) string {
	published, updated := it.Published.In(loc), it.Updated.In(loc)
	out := pr.DayTime(published)
	if it.DateOnly {
		published = dayOf(it.Published)
		out = pr.DayMonth(published)
	}
	if it.Updated.IsZero() || it.Updated.Sub(it.Published) < time.Minute {
		return out
	}
	y, m, d := updated.Date()
	if it.UpdatedDateOnly {
		if y, m, d = it.Updated.UTC().Date(); y == published.Year() && m == published.Month() && d == published.Day() {
			return out // the same day again says nothing new
		}
		return out + pr.T("digest.updated", locale.Args{"Time": pr.DayMonth(dayOf(it.Updated))})
	}
	at := pr.Clock(updated)
	if y != published.Year() || m != published.Month() || d != published.Day() {
		at = pr.DayTime(updated)
	}
	return out + pr.T("digest.updated", locale.Args{"Time": at})
}

// dayOf is the day of a date without a time of day (stored as its 00:00
// UTC), whatever the reader's zone.
func dayOf(t time.Time) time.Time { return t.UTC() }

// moreLine says how many of a section's stories its places left out, and
// the command that sums them up: "+2 more: /summary attacks".
func moreLine(pr *locale.Printer, sec briefings.DigestSection) []Span {
	if w := summaryWord(sec.Name); w != "" {
		return []Span{{Text: pr.T("digest.more", locale.Args{"N": sec.More, "Command": "/summary " + w}), Italic: true}}
	}
	return []Span{{Text: pr.T("digest.more_plain", locale.Args{"N": sec.More}), Italic: true}}
}

// SectionName is a digest section's name in pr's language (the section
// constants of briefings are English).
func SectionName(pr *locale.Printer, name string) string {
	key := map[string]string{
		briefings.SectionAirAttacks: "section.air_attacks", briefings.SectionFrontLine: "section.front_line",
		briefings.SectionDiplomacy: "section.diplomacy", briefings.SectionSanctions: "section.sanctions",
		briefings.SectionOther: "section.misc",
	}[name]
	if s, ok := pr.Lookup(key); ok && key != "" {
		return s
	}
	return name
}
