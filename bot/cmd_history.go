package bot

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/bot/chart"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/history"
	"github.com/sitrep/sitrep/briefings/locale"
)

// historyCommands: the attack history in pictures and numbers.
func historyCommands() []Command {
	class := Arg{Name: "class", Help: "Drones or missiles (default both)", Choices: []string{"drones", "missiles"}}
	return []Command{
		command(Command{Name: "chart", Slow: true,
			Help: Help{Usage: "/chart [30d|90d|1y] [drones|missiles]", Summary: "Chart of drones and missiles launched and brought down"},
			Args: []Arg{{Name: "window", Help: "How far back", Choices: []string{"30d", "90d", "1y"}}, class}},
			parseChartArgs, (*Router).chart),
		command(Command{Name: "trend", Args: []Arg{class},
			Help: Help{Usage: "/trend [drones|missiles]", Summary: "This week's attacks in numbers, against last week"}},
			parseTrend, (*Router).trend),
	}
}

// chartWindows are the windows /chart offers as buttons.
var chartWindows = []struct{ arg, label string }{{"30d", "chart.w30d"}, {"90d", "chart.w90d"}, {"1y", "chart.w1y"}}

// chartQuery is a /chart: how many days back (written as the user wrote
// it, for the buttons) and which classes (none: both).
type chartQuery struct {
	Days    int
	Window  string
	Classes []history.Class
}

// parseChartArgs reads "[30d|90d|1y] [drones|missiles]" in any order.
func parseChartArgs(args []string) (chartQuery, error) {
	q := chartQuery{Days: 30, Window: "30d"}
	for _, a := range args {
		if c, ok := history.ParseClass(a); ok {
			q.Classes = []history.Class{c}
			continue
		}
		n, perr := chart.ParseWindow(a)
		if perr != nil {
			return chartQuery{}, invalid("error.chart_how", locale.Args{"Word": strconv.Quote(trimForReply(a, 20))})
		}
		q.Days, q.Window = n, strings.ToLower(a)
	}
	return q, nil
}

// chart answers /chart: a picture of the attack history with its caption.
func (r *Router) chart(ctx context.Context, req *Request, q chartQuery) (*Reply, error) {
	if r.d.Charts == nil {
		return nil, fail(briefings.EUNAVAILABLE, "error.charts_off")
	}
	days, window, classes := q.Days, q.Window, q.Classes
	loc := r.chatLocation(ctx, req.Chat)
	p, err := r.d.Charts.Chart(ctx, chart.Query{Days: days, Classes: classes, Location: loc})
	if err != nil {
		return nil, err
	}
	what := req.t("chart.both")
	class := ""
	if len(classes) == 1 {
		class = " " + string(classes[0])
		what = req.t("chart.class." + string(classes[0]))
	}
	if empty(p.Series) {
		return Text(req.t("chart.none", locale.Args{"Period": chart.PeriodIn(req.pr, p.Series[0])})), nil
	}
	rep := Text(strings.Split(chart.CaptionIn(req.pr, p.Series), "\n")...)
	rep.Title = req.t("chart.title", locale.Args{"What": what, "Window": windowWords(req, days)})
	rep.NoPreview = true
	rep.Photo = &Photo{Name: "chart-" + window + ".png", PNG: p.PNG,
		Alt: req.t("chart.alt", locale.Args{"Title": rep.Title})}
	var row []Button
	for _, w := range chartWindows {
		if w.arg != window {
			row = append(row, Button{Label: req.t(w.label), Data: "/chart " + w.arg + class})
		}
	}
	rep.Buttons = [][]Button{row}
	return rep, nil
}

// empty: no series has a day with a report.
func empty(series []history.Series) bool {
	for _, s := range series {
		if s.RecordDays+s.TextDays > 0 {
			return false
		}
	}
	return true
}

// windowWords writes a window of days: "30 days", "year".
func windowWords(req *Request, days int) string {
	switch {
	case days == 365:
		return req.t("chart.year")
	case days%7 == 0 && days < 30:
		return req.n("chart.weeks", days/7)
	}
	return req.n("chart.days", days)
}

// parseTrend reads "[drones|missiles]" (default both).
func parseTrend(args []string) ([]history.Class, error) {
	if len(args) > 1 {
		return nil, invalid("error.trend_one")
	}
	if len(args) == 1 {
		c, ok := history.ParseClass(args[0])
		if !ok {
			return nil, invalid("error.trend_how", locale.Args{"Word": strconv.Quote(trimForReply(args[0], 20))})
		}
		return []history.Class{c}, nil
	}
	return []history.Class{history.Drones, history.Missiles}, nil
}

// trend answers /trend [drones|missiles]: the last 7 days against the 7
// before, in words, with each day's figures and where they came from.
func (r *Router) trend(ctx context.Context, req *Request, classes []history.Class) (*Reply, error) {
	if r.d.Charts == nil {
		return nil, fail(briefings.EUNAVAILABLE, "error.trends_off")
	}
	loc := r.chatLocation(ctx, req.Chat)
	rep := &Reply{NoPreview: true}
	var sources []string
	for _, c := range classes {
		t, err := r.d.Charts.Trend(ctx, c, loc)
		if err != nil {
			return nil, err
		}
		if rep.Title == "" {
			rep.Title = req.t("trend.title")
		}
		p := Paragraph{Lines: [][]Span{{{Text: t.Sentence(req.pr)}}}}
		if t.Week.LaunchedDays > 0 {
			p.Heading = req.t("chart.class." + string(c))
			for _, d := range t.Week.Days {
				if len(d.Refs) > 0 {
					p.Lines = append(p.Lines, []Span{{Text: history.DayLine(req.pr, d)}})
				}
			}
		}
		rep.Paragraphs = append(rep.Paragraphs, p)
		for _, s := range t.Sources {
			if !contains(sources, s) {
				sources = append(sources, s)
			}
		}
	}
	if line := sourcesLine(req, sources); line != "" {
		rep.Paragraphs = append(rep.Paragraphs, Paragraph{Lines: [][]Span{{{Text: line}}}})
	}
	rep.Buttons = [][]Button{{{Label: req.t("button.chart_30d"), Data: "/chart 30d"}, {Label: req.t("button.chart_90d"), Data: "/chart 90d"}}}
	return rep, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sourcesLine credits the figures: the data set as its licence asks, and
// the outlets by name.
func sourcesLine(req *Request, sources []string) string {
	if len(sources) == 0 {
		return ""
	}
	return req.t("reply.sources") + " " + strings.Join(credits(sources), "; ") + "."
}

// credits names sources, the Air Force data set with its attribution.
func credits(sources []string) []string {
	var names []string
	for _, s := range sources {
		if s == history.Dataset {
			names = append(names, history.Attribution)
		} else {
			names = append(names, s)
		}
	}
	return names
}

// recordParagraph lists the reports of record of the days in [since,
// until] (civil dates in loc), each with the outlets whose reports of that
// day differ, so /attacks shows which figure is the one of record.
func (r *Router) recordParagraph(ctx context.Context, req *Request, since, until time.Time, reports []*briefings.AttackReport, loc *time.Location) (*Paragraph, error) {
	recs, err := r.d.Store.ListAttackRecords(ctx, since.In(loc).Format(time.DateOnly), until.In(loc).Format(time.DateOnly))
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	days := history.RecordDays(recs, reports)
	if len(days) == 0 {
		return nil, nil
	}
	p := &Paragraph{Heading: req.t("record.heading")}
	var datasets []string
	for _, rec := range recs {
		if !contains(datasets, rec.Dataset) {
			datasets = append(datasets, rec.Dataset)
		}
	}
	for _, d := range days {
		line := []Span{{Text: recordLine(req, d)}}
		for i, u := range d.URLs {
			if i == 3 {
				break
			}
			line = append(line, Span{Text: " "}, Span{Text: req.t("record.post", locale.Args{"N": i + 1}), URL: u})
		}
		if len(d.Differ) > 0 {
			line = append(line, Span{Text: " " + req.t("record.differ", locale.Args{"Outlets": strings.Join(d.Differ, ", ")})})
		}
		p.Lines = append(p.Lines, line)
	}
	p.Lines = append(p.Lines, []Span{{Text: req.t("record.figures", locale.Args{"Sets": strings.Join(credits(datasets), "; ")}), Italic: true}})
	return p, nil
}

// recordLine is one day of record: "14 Mar 2026: 430 drones (400 brought
// down), 30 missiles (25 brought down)."
func recordLine(req *Request, d history.RecordDay) string {
	date := d.Date
	if t, err := time.Parse(time.DateOnly, d.Date); err == nil && req.pr != nil {
		date = req.pr.Date(t)
	}
	var parts []string
	for _, c := range []struct {
		name string
		p    history.Point
	}{{"drones", d.Drones}, {"missiles", d.Missiles}} {
		if !c.p.LaunchedStated {
			continue
		}
		s := req.t("record."+c.name, locale.Args{"N": history.Thousands(c.p.Launched)})
		if c.p.DownStated {
			s += " " + req.t("record.down", locale.Args{"N": history.Thousands(c.p.Down)})
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return req.t("record.no_launch", locale.Args{"Date": date})
	}
	return date + ": " + strings.Join(parts, ", ") + "."
}
