package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/sitrep/sitrep/bot/chart"
	"github.com/sitrep/sitrep/briefings/history"
)

// runImport is `sitrep import attacks FILE.csv`: the Air Force's daily
// figures data set into the reports of record. Bad rows are listed with
// their line and reason and the rest load; it exits 1 when any row was bad.
func (m *Main) runImport(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "attacks" {
		fmt.Fprintln(m.Stderr, "usage: sitrep import attacks [--config F] [--db PATH] FILE.csv")
		return &exitError{code: 2}
	}
	var c common
	fs := m.flags("import attacks", &c, false)
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(m.Stderr, "usage: sitrep import attacks [--config F] [--db PATH] FILE.csv")
		return &exitError{code: 2}
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	im, err := history.Parse(f)
	if err != nil {
		return err
	}
	if err := m.setup(ctx, &c); err != nil {
		return err
	}
	res, err := m.Store.ImportAttackRecords(ctx, im.Records)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%d rows, %d attack windows: %d added, %d updated, %d unchanged\n",
		im.Rows, len(im.Records), res.Added, res.Updated, res.Unchanged)
	for _, u := range im.Unmapped {
		fmt.Fprintf(m.Stdout, "unmapped model %q: %d rows (lines %s), %d launched, in no drone or missile total\n",
			u.Model, u.Rows, joinInts(u.Lines), u.Launched)
	}
	for _, e := range im.Errors {
		fmt.Fprintf(m.Stdout, "bad row %s\n", e)
	}
	if im.MoreErrors > 0 {
		fmt.Fprintf(m.Stdout, "%d more bad rows\n", im.MoreErrors)
	}
	fmt.Fprintln(m.Stdout, "Figures: "+history.Attribution+".")
	if len(im.Errors) > 0 {
		return &exitError{code: 1}
	}
	return nil
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}

// runChart is `sitrep chart`: the chart /chart sends, written to a PNG file,
// its caption on stdout.
func (m *Main) runChart(ctx context.Context, args []string) error {
	var c common
	fs := m.flags("chart", &c, true)
	since := fs.String("since", "90d", "window: 30d, 90d, 1y (7 days to a year; weekly bars beyond 90 days)")
	class := fs.String("class", "all", "drones, missiles or all")
	until := fs.String("until", "", "last day of the chart, YYYY-MM-DD (default today)")
	out := fs.String("o", "chart.png", "PNG file to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	days, err := chart.ParseWindow(*since)
	if err != nil {
		fmt.Fprintf(m.Stderr, "sitrep chart: bad --since %q; use e.g. 30d, 90d or 1y\n", *since)
		return &exitError{code: 2}
	}
	q := chart.Query{Days: days, Until: *until}
	if *class != "all" {
		cl, ok := history.ParseClass(*class)
		if !ok {
			fmt.Fprintf(m.Stderr, "sitrep chart: bad --class %q; use drones, missiles or all\n", *class)
			return &exitError{code: 2}
		}
		q.Classes = []history.Class{cl}
	}
	if *until != "" {
		if _, err := time.Parse(time.DateOnly, *until); err != nil {
			fmt.Fprintf(m.Stderr, "sitrep chart: bad --until %q; use YYYY-MM-DD\n", *until)
			return &exitError{code: 2}
		}
	}
	if err := m.setup(ctx, &c); err != nil {
		return err
	}
	q.Location = m.location()
	svc := &chart.Service{Store: m.Store, Now: m.clock}
	p, err := svc.Chart(ctx, q)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, p.PNG, 0o644); err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	fmt.Fprintln(m.Stdout, p.Caption)
	fmt.Fprintf(m.Stdout, "Chart written to %s\n", *out)
	return nil
}
