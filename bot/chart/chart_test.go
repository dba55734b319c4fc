package chart

import (
	"bytes"
	"fmt"
	"image/png"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-analyze/charts"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/history"
	"github.com/sitrep/sitrep/briefings/locale"
)

// TestPanelPlotsTheReports checks what a chart plots against the records
// it was built from: each bar is that day's stated figure, and the line the
// mean of the last seven days.
func TestPanelPlotsTheReports(t *testing.T) {
	recs := yearOfRecords("2025-01-01", 120)
	s := history.Build(recs, nil, history.Options{Class: history.Drones, From: "2025-03-01", To: "2025-03-30"})
	opt := panel(s)
	if len(opt.SeriesList) != 3 {
		t.Fatalf("series = %d, want launched, brought down and the average", len(opt.SeriesList))
	}
	byDate := map[string]*briefings.AttackReport{}
	for _, r := range recs {
		byDate[r.Report.Date] = &r.Report
	}
	launched, down, avg := opt.SeriesList[0].Values, opt.SeriesList[1].Values, opt.SeriesList[2].Values
	if len(launched) != 30 || opt.SeriesList[0].Type != charts.ChartTypeBar || opt.SeriesList[2].Type != charts.ChartTypeLine {
		t.Fatalf("%d bars of type %s, line of type %s", len(launched), opt.SeriesList[0].Type, opt.SeriesList[2].Type)
	}
	for i := range launched {
		date := s.Points[i].Start
		r := byDate[date]
		if launched[i] != float64(*r.Launched.Drones) || down[i] != float64(*r.InterceptedOrJammed.Drones) {
			t.Errorf("%s: plotted %v launched, %v down; the record says %d, %d", date, launched[i], down[i], *r.Launched.Drones, *r.InterceptedOrJammed.Drones)
		}
		sum := 0
		for k := range 7 {
			d := s.Points[i].Start
			prev := mustAddDays(t, d, -k)
			sum += *byDate[prev].Launched.Drones
		}
		if want := float64(sum) / 7; avg[i] != want {
			t.Errorf("%s: average %v, want %v", date, avg[i], want)
		}
	}
	shown := 0
	for _, l := range opt.XAxis.Labels {
		if l != "" {
			shown++
		}
	}
	if opt.XAxis.Labels[0] != "1 Mar" || shown > 6 || shown < 4 {
		t.Errorf("labels: first %q, %d shown; want 1 Mar and at most six", opt.XAxis.Labels[0], shown)
	}
	if got := opt.Legend.SeriesNames; strings.Join(got, "|") != "launched|brought down|7-day average" {
		t.Errorf("legend = %v", got)
	}
}

func TestRenderPNG(t *testing.T) {
	recs := yearOfRecords("2025-01-01", 100)
	d := history.Build(recs, nil, history.Options{Class: history.Drones, From: "2025-02-01", To: "2025-04-01"})
	m := history.Build(recs, nil, history.Options{Class: history.Missiles, From: "2025-02-01", To: "2025-04-01"})
	for _, series := range [][]history.Series{{d}, {d, m}} {
		data, err := Render(series)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("not a PNG: %v", err)
		}
		if b := img.Bounds(); b.Dx() != Width || b.Dy() != panelHeight*len(series)+footHeight {
			t.Errorf("%d panels: %dx%d", len(series), b.Dx(), b.Dy())
		}
	}
	if _, err := Render(nil); err == nil {
		t.Error("no series: no error")
	}
	if _, err := Render([]history.Series{{Class: history.Drones}}); err == nil {
		t.Error("a series without points: no error")
	}
}

func TestCaption(t *testing.T) {
	recs := yearOfRecords("2025-01-01", 10)
	d := history.Build(recs, nil, history.Options{Class: history.Drones, From: "2025-01-04", To: "2025-01-06"})
	// 4-6 Jan are days 3-5: drones 50+(i*37)%400 = 161, 198, 235; down 9/10 of each.
	got := Caption([]history.Series{d})
	for _, want := range []string{
		"Drones launched and brought down per day, 4 Jan - 6 Jan 2025 (bars), with the 7-day average (line).",
		"Drones (sums added up by sitrep from the day figures): 594 launched, 90 % brought down.",
		"Source: " + history.Attribution + ".",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("caption lacks %q:\n%s", want, got)
		}
	}
}

// The caption in a Ukrainian chat: the same figures, in its words and
// dates (the picture itself stays English).
func TestCaptionInUkrainian(t *testing.T) {
	cat, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	recs := yearOfRecords("2025-01-01", 10)
	d := history.Build(recs, nil, history.Options{Class: history.Drones, From: "2025-01-04", To: "2025-01-06"})
	got := CaptionIn(cat.For(locale.Ukrainian), []history.Series{d})
	for _, want := range []string{
		"Дрони: запущено та знешкоджено за добу, 4 січня - 6 січня 2025 (стовпці), із ковзним середнім за 7 дн. (лінія).",
		"Дрони (суми порахував sitrep за денними цифрами): запущено 594, знешкоджено 90 %.",
		"Джерело: " + history.Attribution + ".",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("caption lacks %q:\n%s", want, got)
		}
	}
}

func TestCaptionFitsTelegram(t *testing.T) {
	var reports []*briefings.AttackReport
	for i := range 300 {
		reports = append(reports, &briefings.AttackReport{ID: int64(i), Attacker: "RU", Target: "UA",
			Date: mustAddDays(t, "2025-01-01", i), SourceName: fmt.Sprintf("An outlet with a long name number %d", i),
			Launched: briefings.Counts{Drones: briefings.IntPtr(i)}})
	}
	s := history.Build(nil, reports, history.Options{Class: history.Drones, From: "2025-01-01", To: "2025-10-27", Weekly: true})
	c := Caption([]history.Series{s})
	if n := utf8.RuneCountInString(c); n > MaxCaption {
		t.Errorf("caption is %d characters", n)
	}
	if !strings.Contains(c, "more") {
		t.Errorf("many outlets should be summed up as more: %s", c)
	}
}

func TestCache(t *testing.T) {
	c := &Cache{Max: 2}
	a, b := Picture{Caption: "a"}, Picture{Caption: "b"}
	c.Put("30d", "v1", a)
	if p, ok := c.Get("30d", "v1"); !ok || p.Caption != "a" {
		t.Error("a cached chart is not returned")
	}
	if _, ok := c.Get("30d", "v2"); ok {
		t.Error("a chart of older reports is returned after a new report")
	}
	c.Put("90d", "v2", b)
	if _, ok := c.Get("30d", "v1"); ok {
		t.Error("charts of an older version survive a newer one")
	}
	c.Put("1y", "v2", a)
	c.Put("7d", "v2", a)
	if _, ok := c.Get("90d", "v2"); ok {
		t.Error("the oldest chart is kept past Max")
	}
	if _, ok := c.Get("7d", "v2"); !ok {
		t.Error("the newest chart is dropped")
	}
}

// Every pixel is opaque: a transparent footer or panel shows black behind
// black text in a chat's dark theme.
func TestRenderIsOpaque(t *testing.T) {
	recs := yearOfRecords("2025-01-01", 60)
	d := history.Build(recs, nil, history.Options{Class: history.Drones, From: "2025-01-10", To: "2025-02-28"})
	m := history.Build(recs, nil, history.Options{Class: history.Missiles, From: "2025-01-10", To: "2025-02-28"})
	data, err := Render([]history.Series{d, m})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			if _, _, _, a := img.At(x, y).RGBA(); a != 0xffff {
				t.Fatalf("pixel (%d,%d) has alpha %d", x, y, a)
			}
		}
	}
}

// The caption's totals are sitrep's own sums of the day figures (here one
// day's figure is itself the reader's sum of two stated parts): the line says
// whose sums they are and how many of the period's days gave a figure.
func TestCaptionTotalsAreSitrepsSums(t *testing.T) {
	r := &briefings.AttackReport{ID: 1, Attacker: "RU", Target: "UA", Date: "2025-01-05", SourceName: "Outlet A",
		Launched: briefings.Counts{Drones: briefings.IntPtr(85)},
		Summed:   map[string][]string{"launched.drones": {"Shahed=60", "decoy=25"}}}
	s := history.Build(nil, []*briefings.AttackReport{r}, history.Options{Class: history.Drones, From: "2025-01-04", To: "2025-01-06"})
	want := "Drones (sums added up by sitrep from the figures of 1 of the 3 days; the others give none): 85 launched."
	if got := Caption([]history.Series{s}); !strings.Contains(got, want) {
		t.Errorf("caption lacks %q:\n%s", want, got)
	}
}
