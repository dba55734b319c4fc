package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep/sitrep/bot/chart"
	"github.com/sitrep/sitrep/briefings/locale"
)

// WeeklyChart is the chart that goes with the first digest of the week
// starting monday (a civil date, "2006-01-02"): drones and missiles of the
// seven days before it, drawn by charts (which keeps the picture until the
// figures change), titled in pr's language. Nil when no day of that week
// has a figure: there is nothing to show.
func WeeklyChart(ctx context.Context, charts *chart.Service, pr *locale.Printer, monday string) (*Reply, error) {
	day, err := time.Parse(time.DateOnly, monday)
	if err != nil {
		return nil, fmt.Errorf("bot: weekly chart: %w", err)
	}
	sunday := day.AddDate(0, 0, -1)
	p, err := charts.Chart(ctx, chart.Query{Days: 7, Until: sunday.Format(time.DateOnly)})
	if err != nil {
		return nil, fmt.Errorf("bot: weekly chart: %w", err)
	}
	if empty(p.Series) {
		return nil, nil
	}
	rep := Text(strings.Split(p.Caption, "\n")...)
	rep.Title = pr.T("weekly_chart.title", locale.Args{"From": pr.DayMonth(day.AddDate(0, 0, -7)), "To": pr.Date(sunday)})
	rep.NoPreview = true
	rep.Photo = &Photo{Name: "chart-week-" + sunday.Format(time.DateOnly) + ".png", PNG: p.PNG,
		Alt: pr.T("chart.alt", locale.Args{"Title": rep.Title})}
	rep.Buttons = [][]Button{{{Label: pr.T("button.chart_30d"), Data: "/chart 30d"},
		{Label: pr.T("button.weekly_chart_off"), Data: "/weeklychart off"}}}
	return rep, nil
}
