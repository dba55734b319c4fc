package chart

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/history"
)

// Store is what charts read: reports of record, reports read from articles
// and the version of both (briefings.Store has them).
type Store interface {
	ListAttackRecords(ctx context.Context, from, to string) ([]*briefings.AttackRecord, error)
	ListAttackReports(ctx context.Context, since, until time.Time) ([]*briefings.AttackReport, error)
	AttackDataVersion(ctx context.Context) (string, error)
}

// Windows a chart may span, in days; beyond WeeklyAfter days it plots weeks.
const (
	MaxDays     = 366
	WeeklyAfter = 90
)

// ParseWindow reads "30d", "90d", "1y", "12w" or "6m" (months of 30 days)
// as a number of days, 7 to MaxDays.
func ParseWindow(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, fmt.Errorf("chart: empty window")
	}
	unit := map[byte]int{'d': 1, 'w': 7, 'm': 30, 'y': 365}[s[len(s)-1]]
	n, err := strconv.Atoi(s[:len(s)-1])
	if unit == 0 || err != nil || n <= 0 {
		return 0, fmt.Errorf("chart: window %q: use e.g. 30d, 90d or 1y", s)
	}
	days := n * unit
	if days < 7 || days > MaxDays {
		return 0, fmt.Errorf("chart: window %q: from 7 days to a year", s)
	}
	return days, nil
}

// Query is one chart: the last Days days up to Until (a civil date; today
// in Location when empty), of Classes (both drones and missiles when empty).
type Query struct {
	Days     int
	Classes  []history.Class
	Location *time.Location
	Until    string
}

// Service draws charts and trends from the store, keeping drawn charts until
// the attack figures change.
type Service struct {
	Store Store
	Now   func() time.Time
	Cache *Cache
}

// Chart draws q, from the cache when the figures have not changed since.
func (s *Service) Chart(ctx context.Context, q Query) (Picture, error) {
	from, to, err := s.span(q)
	if err != nil {
		return Picture{}, err
	}
	classes := q.Classes
	if len(classes) == 0 {
		classes = []history.Class{history.Drones, history.Missiles}
	}
	version, err := s.Store.AttackDataVersion(ctx)
	if err != nil {
		return Picture{}, fmt.Errorf("chart: %w", err)
	}
	key := fmt.Sprint(from, "..", to, classes)
	if s.Cache != nil {
		if p, ok := s.Cache.Get(key, version); ok {
			return p, nil
		}
	}
	series, err := s.Series(ctx, from, to, classes)
	if err != nil {
		return Picture{}, err
	}
	png, err := Render(series)
	if err != nil {
		return Picture{}, err
	}
	p := Picture{PNG: png, Caption: Caption(series), Series: series}
	if s.Cache != nil {
		s.Cache.Put(key, version, p)
	}
	return p, nil
}

// span is the query's first and last day, as civil dates in its location.
func (s *Service) span(q Query) (from, to string, err error) {
	loc := q.Location
	if loc == nil {
		loc = time.UTC
	}
	last := s.Now().In(loc)
	if q.Until != "" {
		if last, err = time.Parse(time.DateOnly, q.Until); err != nil {
			return "", "", fmt.Errorf("chart: until %q is not a date (YYYY-MM-DD)", q.Until)
		}
	}
	days := max(q.Days, 1)
	return last.AddDate(0, 0, -(days - 1)).Format(time.DateOnly), last.Format(time.DateOnly), nil
}

// Series computes the series of classes over [from, to] from the store.
func (s *Service) Series(ctx context.Context, from, to string, classes []history.Class) ([]history.Series, error) {
	first, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return nil, fmt.Errorf("chart: from %q: %w", from, err)
	}
	last, err := time.Parse(time.DateOnly, to)
	if err != nil {
		return nil, fmt.Errorf("chart: to %q: %w", to, err)
	}
	weekly := last.Sub(first) >= WeeklyAfter*24*time.Hour
	// Enough days before the first for the moving average (and Monday).
	lead := first.AddDate(0, 0, -35)
	records, err := s.Store.ListAttackRecords(ctx, lead.Format(time.DateOnly), to)
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	// A report is published up to a few days after the attack it dates.
	reports, err := s.Store.ListAttackReports(ctx, lead.Add(-48*time.Hour), last.Add(96*time.Hour))
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	var out []history.Series
	for _, c := range classes {
		out = append(out, history.Build(records, reports, history.Options{Class: c, From: from, To: to, Weekly: weekly}))
	}
	return out, nil
}

// Trend computes the week to today (in loc) against the week before.
func (s *Service) Trend(ctx context.Context, c history.Class, loc *time.Location) (history.Trend, error) {
	if loc == nil {
		loc = time.UTC
	}
	today := s.Now().In(loc)
	from, to := today.AddDate(0, 0, -13).Format(time.DateOnly), today.Format(time.DateOnly)
	records, err := s.Store.ListAttackRecords(ctx, from, to)
	if err != nil {
		return history.Trend{}, fmt.Errorf("chart: trend: %w", err)
	}
	since := today.AddDate(0, 0, -16)
	reports, err := s.Store.ListAttackReports(ctx, since, today.Add(96*time.Hour))
	if err != nil {
		return history.Trend{}, fmt.Errorf("chart: trend: %w", err)
	}
	return history.Weekly(records, reports, c, to), nil
}
