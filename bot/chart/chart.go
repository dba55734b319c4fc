// Package chart draws attack history as a picture a phone can read: per
// panel (drones, missiles) bars of launched and brought down per day (per
// week beyond 90 days) and a line of the moving average, with a legend, thinned
// dates and the source and period under it. It renders PNG in pure Go
// (go-analyze/charts); the figures come from history.Series, which tests
// check against the stored reports.
package chart

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-analyze/charts"

	"github.com/sitrep/sitrep/briefings/history"
	"github.com/sitrep/sitrep/briefings/locale"
)

// Layout at a phone's width: Telegram and Discord show a photo about 400
// points wide, so the canvas is drawn at twice that with large type.
const (
	Width       = 900
	panelHeight = 460
	footHeight  = 96
	labelSize   = 17.0
	titleSize   = 22.0
	footSize    = 15.0
)

// Colours: launched light, brought down dark, the average a contrasting line.
var (
	colLaunched = charts.ColorRGB(0xa9, 0xc1, 0xdc)
	colDown     = charts.ColorRGB(0x2b, 0x55, 0x86)
	colAverage  = charts.ColorRGB(0xd9, 0x48, 0x0f)
	colText     = charts.ColorRGB(0x33, 0x33, 0x33)
)

// Render draws one panel per series (at most two) as a PNG.
func Render(series []history.Series) ([]byte, error) {
	if len(series) == 0 || len(series) > 2 {
		return nil, fmt.Errorf("chart: %d series, want 1 or 2", len(series))
	}
	for _, s := range series {
		if len(s.Points) == 0 {
			return nil, errors.New("chart: a series without points")
		}
	}
	height := panelHeight*len(series) + footHeight
	opts := make([]charts.ChartOption, len(series))
	for i, s := range series {
		opts[i] = panel(s)
		opts[i].Box = charts.NewBox(0, i*panelHeight, Width, (i+1)*panelHeight)
	}
	// The first panel spans the whole canvas, its padding keeping it to the
	// top: so the background is painted under every panel and the footer
	// (a PNG left transparent there shows black in a dark chat theme).
	top := opts[0]
	top.Box = charts.Box{}
	top.Padding.Bottom += height - panelHeight
	top.Width, top.Height = Width, height
	top.OutputFormat = charts.ChartOutputPNG
	top.Children = opts[1:]
	p, err := charts.Render(top)
	if err != nil {
		return nil, fmt.Errorf("chart: render: %w", err)
	}
	foot := charts.FontStyle{FontSize: footSize, FontColor: colText, Font: charts.GetDefaultFont()}
	y := panelHeight*len(series) + 24
	for _, line := range Footer(series) {
		p.TextFit(line, 20, y, Width-40, foot)
		y += 24
	}
	png, err := p.Bytes()
	if err != nil {
		return nil, fmt.Errorf("chart: encode: %w", err)
	}
	return png, nil
}

// panel is one series' chart: two bar series and the average line.
func panel(s history.Series) charts.ChartOption {
	n := len(s.Points)
	launched, down, avg := make([]float64, n), make([]float64, n), make([]float64, n)
	labels := make([]string, n)
	for i, p := range s.Points {
		launched[i], down[i], avg[i] = float64(p.Launched), float64(p.Down), p.Average
		labels[i] = dayLabel(p.Start, s.Weekly)
	}
	thin(labels, labelCount(n, s.Weekly))
	list := charts.NewSeriesListGeneric([][]float64{launched, down}, charts.ChartTypeBar)
	list = append(list, charts.GenericSeries{Type: charts.ChartTypeLine, Values: avg})
	theme := charts.GetTheme(charts.ThemeLight).WithSeriesColors([]charts.Color{colLaunched, colDown, colAverage})
	label := charts.FontStyle{FontSize: labelSize, FontColor: colText}
	return charts.ChartOption{
		Theme:      theme,
		Padding:    charts.NewBox(16, 16, 40, 8),
		SeriesList: list,
		Title: charts.TitleOption{
			Text:      PanelTitle(s),
			FontStyle: charts.FontStyle{FontSize: titleSize, FontColor: colText},
		},
		Legend: charts.LegendOption{
			SeriesNames: []string{"launched", "brought down", AverageName(s)},
			Offset:      charts.OffsetStr{Top: "40"},
			FontStyle:   label,
		},
		XAxis: charts.XAxisOption{
			Labels:         labels,
			LabelCount:     n,
			LabelFontStyle: label,
		},
		YAxis: []charts.YAxisOption{{
			Min:            charts.Ptr(0.0),
			LabelFontStyle: label,
			ValueFormatter: func(f float64) string { return history.Thousands(int(f)) },
		}},
		Symbol:          charts.Symbol{Shape: charts.SymbolNone},
		LineStrokeWidth: 3,
		BarMargin:       charts.Ptr(0.0),
	}
}

// thin blanks all but about want labels, evenly spaced from the first, so
// dates never collide however many points there are.
func thin(labels []string, want int) {
	if want <= 0 || len(labels) <= want {
		return
	}
	step := (len(labels) + want - 1) / want
	for i := range labels {
		if i%step != 0 {
			labels[i] = ""
		}
	}
}

// labelCount thins the dates to about six across the width (five of the
// longer weekly labels).
func labelCount(n int, weekly bool) int {
	if weekly {
		return min(n, 5)
	}
	return min(n, 6)
}

// dayLabel writes a civil date as "3 Mar", or "3 Mar '25" on a weekly
// chart, whose year of dates would otherwise repeat.
func dayLabel(date string, withYear bool) string {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	if withYear {
		return d.Format("2 Jan '06")
	}
	return d.Format("2 Jan")
}

// PanelTitle names what a panel shows: "Drones per day" or "Missiles per
// week".
func PanelTitle(s history.Series) string {
	unit := "day"
	if s.Weekly {
		unit = "week"
	}
	return strings.ToUpper(string(s.Class[:1])) + string(s.Class[1:]) + " per " + unit
}

// AverageName is the line's legend: "7-day average" or "4-week average".
func AverageName(s history.Series) string {
	if s.Weekly {
		return fmt.Sprintf("%d-week average", s.AvgSpan)
	}
	return fmt.Sprintf("%d-day average", s.AvgSpan)
}

// Period writes the series' days: "5 Jan - 4 Apr 2026".
func Period(s history.Series) string {
	from, err1 := time.Parse(time.DateOnly, s.From)
	to, err2 := time.Parse(time.DateOnly, s.To)
	if err1 != nil || err2 != nil {
		return s.From + " - " + s.To
	}
	if from.Year() == to.Year() {
		return from.Format("2 Jan") + " - " + to.Format("2 Jan 2006")
	}
	return from.Format("2 Jan 2006") + " - " + to.Format("2 Jan 2006")
}

// Footer is the lines under the panels: the period and the source.
func Footer(series []history.Series) []string {
	s := series[0]
	return []string{
		Period(s) + " (date the attack ended). Days without a report count as none.",
		"Source: " + sourceLine(series),
	}
}

// sourceLine names where the figures come from: the data set's attribution
// when its records are used, and the outlets of days read from news.
func sourceLine(series []history.Series) string {
	records, names := sources(series)
	var parts []string
	if records {
		parts = append(parts, history.Attribution)
	}
	if len(names) > 0 {
		if len(names) > 4 {
			names = append(names[:4], fmt.Sprintf("%d more", len(names)-4))
		}
		parts = append(parts, "news reports ("+strings.Join(names, ", ")+")")
	}
	if len(parts) == 0 {
		return "no stored reports"
	}
	return strings.Join(parts, "; ")
}

// sources says whether the series use the data set's records, and names the
// outlets of the days read from news, each once, in the order they come.
func sources(series []history.Series) (records bool, names []string) {
	seen := map[string]bool{}
	for _, s := range series {
		records = records || s.RecordDays > 0
		for _, src := range s.Sources {
			if src != history.Dataset && !seen[src] {
				seen[src] = true
				names = append(names, src)
			}
		}
	}
	return records, names
}

// MaxCaption is Telegram's limit for a photo caption (Discord's embed
// description is longer); Caption stays within it.
const MaxCaption = 1024

// Caption describes the chart in words, in English (the sitrep chart
// command, the cached picture); CaptionIn writes it in a reader's language.
func Caption(series []history.Series) string {
	cat, err := locale.New()
	if err != nil {
		return ""
	}
	return CaptionIn(cat.For(locale.English), series)
}

// CaptionIn describes the chart in words in p's language for the message
// that carries it: what is plotted, the period, each class's totals and the
// source.
func CaptionIn(p *locale.Printer, series []history.Series) string {
	if len(series) == 0 {
		return ""
	}
	what := p.T("chart.both")
	if len(series) == 1 {
		what = p.T("chart.class." + string(series[0].Class))
	}
	s0 := series[0]
	unit, avg := p.T("chart.unit_day"), p.T("chart.avg_days", locale.Args{"N": s0.AvgSpan})
	if s0.Weekly {
		unit, avg = p.T("chart.unit_week"), p.T("chart.avg_weeks", locale.Args{"N": s0.AvgSpan})
	}
	var b strings.Builder
	b.WriteString(p.T("chart.caption", locale.Args{"What": what, "Unit": unit, "Period": PeriodIn(p, s0), "Average": avg}))
	for _, s := range series {
		if line := totals(p, s); line != "" {
			b.WriteString("\n" + line)
		}
	}
	b.WriteString("\n" + p.T("chart.source", locale.Args{"What": sourceLineIn(p, series)}))
	return clipCaption(b.String())
}

// PeriodIn is Period in p's language.
func PeriodIn(p *locale.Printer, s history.Series) string {
	from, err1 := time.Parse(time.DateOnly, s.From)
	to, err2 := time.Parse(time.DateOnly, s.To)
	if err1 != nil || err2 != nil {
		return s.From + " - " + s.To
	}
	if from.Year() == to.Year() {
		return p.DayMonth(from) + " - " + p.Date(to)
	}
	return p.Date(from) + " - " + p.Date(to)
}

// sourceLineIn is sourceLine in p's language.
func sourceLineIn(p *locale.Printer, series []history.Series) string {
	records, names := sources(series)
	var parts []string
	if records {
		parts = append(parts, history.Attribution)
	}
	if len(names) > 0 {
		if len(names) > 4 {
			names = append(names[:4], p.T("chart.more", locale.Args{"N": len(names) - 4}))
		}
		parts = append(parts, p.T("chart.news", locale.Args{"Names": strings.Join(names, ", ")}))
	}
	if len(parts) == 0 {
		return p.T("chart.no_reports")
	}
	return strings.Join(parts, "; ")
}

// totals sums a series: "Drones (sums added up by sitrep from the day
// figures): 9,876 launched, 89 % brought down (of the 1,234 whose outcome
// is stated)." No source states these sums (a day's own summed figure may be
// among them), so the line says they are sitrep's, and over how many of the
// period's days when some gave no figure.
func totals(p *locale.Printer, s history.Series) string {
	var launched, down, paired int
	days := map[string]bool{} // the days that state a launched figure
	for _, pt := range s.Points {
		if pt.LaunchedStated {
			launched += pt.Launched
		}
		for _, r := range pt.Refs {
			if r.Launched != nil {
				days[r.Date] = true
			}
			if r.Launched != nil && r.Down != nil {
				down += *r.Down
				paired += *r.Launched
			}
		}
	}
	class := p.T("chart.class." + string(s.Class))
	if len(days) == 0 {
		return p.T("chart.totals_none", locale.Args{"Class": class})
	}
	sep := p.T("number.thousands")
	th := func(n int) string { return strings.ReplaceAll(history.Thousands(n), ",", sep) }
	args := locale.Args{"Class": class, "N": th(launched)}
	key := "chart.totals"
	if of := periodDays(s); len(days) < of {
		key, args["Days"], args["Of"] = "chart.totals_some", len(days), of
	}
	line := p.T(key, args)
	if paired > 0 {
		line += p.T("chart.totals_down", locale.Args{"Pct": (200*down + paired) / (2 * paired)})
		if paired != launched {
			line += p.T("chart.totals_of", locale.Args{"N": th(paired)})
		}
	}
	return line + "."
}

// periodDays counts the days of a series' period, both ends included (0
// when its dates do not parse).
func periodDays(s history.Series) int {
	from, err1 := time.Parse(time.DateOnly, s.From)
	to, err2 := time.Parse(time.DateOnly, s.To)
	if err1 != nil || err2 != nil || to.Before(from) {
		return 0
	}
	return int(to.Sub(from).Hours()/24) + 1
}

// clipCaption cuts s to MaxCaption runes at a line end where it can.
func clipCaption(s string) string {
	r := []rune(s)
	if len(r) <= MaxCaption {
		return s
	}
	cut := string(r[:MaxCaption-1])
	if i := strings.LastIndexByte(cut, '\n'); i > 0 {
		return cut[:i]
	}
	return cut + "…"
}
