//go:build unix

package chart

import (
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings/history"
)

// BenchmarkRenderYear renders the one-year chart (52 weekly bars, two
// panels). Besides ns/op it reports cpu-ms/op (user+system CPU time, which a
// loaded machine does not inflate as it does wall time) and the process's
// peak RSS in MB.
func BenchmarkRenderYear(b *testing.B) {
	recs := yearOfRecords("2025-04-05", 365)
	d := history.Build(recs, nil, history.Options{Class: history.Drones, From: "2025-04-05", To: "2026-04-04", Weekly: true})
	m := history.Build(recs, nil, history.Options{Class: history.Missiles, From: "2025-04-05", To: "2026-04-04", Weekly: true})
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := Render([]history.Series{d, m}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	b.ReportMetric(peakRSSMB(), "peak-rss-MB")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSSMB is the process's maximum resident set (Linux reports KiB).
func peakRSSMB() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}
