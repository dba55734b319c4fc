package rougebench

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/sitrep/sitrep/briefings/summarize/rouge"
)

// corpus finds ../shared/corpus/bbc_summ beside the project root (the
// directory of the project's go.mod, three levels up), or skips.
func corpus(tb testing.TB) []rouge.Pair {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "..", "shared", "corpus", "bbc_summ")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("bbc_summ corpus absent at %s: %v", dir, err)
	}
	pairs, err := rouge.LoadPairs(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return pairs
}

// TestRouge prints ROUGE-1, ROUGE-2 and ROUGE-Lsum, F1 x100 (recall in
// brackets), of every system at N=3 and N = reference length, and whether
// each system gives the same output on a second run.
func TestRouge(t *testing.T) {
	pairs := corpus(t)
	var b strings.Builder
	fmt.Fprintf(&b, "\nbbc_summ: %d articles, headline passed as title and excluded from the body; F1 x100 (recall)\n", len(pairs))
	fmt.Fprintf(&b, "%-5s %-9s %-13s %-13s %-13s %-6s %s\n", "N", "system", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "sents", "same on rerun")
	for _, n := range []int{3, 0} {
		label := "3"
		if n == 0 {
			label = "ref"
		}
		for _, s := range systems() {
			r := rouge.Evaluate(pairs, s.run, n)
			fmt.Fprintf(&b, "%-5s %-9s %5.1f (%5.1f) %5.1f (%5.1f) %5.1f (%5.1f) %-6.1f %s\n", label, s.name,
				100*r.R1.F, 100*r.R1.R, 100*r.R2.F, 100*r.R2.R, 100*r.RL.F, 100*r.RL.R, r.Sentences, stable(pairs, s.run, n))
			if spread := spread(pairs, s.run, n, 5); spread != "" {
				fmt.Fprintf(&b, "%-5s %-9s   over 5 whole-corpus runs: %s\n", "", "", spread)
			}
		}
	}
	t.Log(b.String())
}

// spread evaluates sys runs times and reports the range of F1 figures when
// they differ (a summarizer whose ties fall differently on each run).
func spread(pairs []rouge.Pair, sys rouge.System, n, runs int) string {
	lo, hi := [3]float64{101, 101, 101}, [3]float64{}
	for range runs {
		r := rouge.Evaluate(pairs, sys, n)
		for i, f := range []float64{r.R1.F, r.R2.F, r.RL.F} {
			lo[i], hi[i] = min(lo[i], 100*f), max(hi[i], 100*f)
		}
	}
	if lo == hi {
		return ""
	}
	return fmt.Sprintf("ROUGE-1 %.1f-%.1f, ROUGE-2 %.1f-%.1f, ROUGE-Lsum %.1f-%.1f", lo[0], hi[0], lo[1], hi[1], lo[2], hi[2])
}

// stable reruns sys over the corpus twice more and counts articles whose
// output changed.
func stable(pairs []rouge.Pair, sys rouge.System, n int) string {
	changed := 0
	for _, p := range pairs {
		k := n
		if k <= 0 {
			k = len(p.Reference)
		}
		a := sys(p.Title, p.Body, k)
		for range 2 {
			if !slices.Equal(a, sys(p.Title, p.Body, k)) {
				changed++
				break
			}
		}
	}
	if changed == 0 {
		return "yes"
	}
	return fmt.Sprintf("no (%d articles differ)", changed)
}

// BenchmarkSystems summarizes every article once per iteration with each
// system (N=3) and reports articles per second of wall time and per second
// of process CPU time (steadier on a shared machine).
func BenchmarkSystems(b *testing.B) {
	pairs := corpus(b)
	for _, s := range systems() {
		b.Run(s.name, func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				for _, p := range pairs {
					_ = s.run(p.Title, p.Body, 3)
				}
			}
			articles := float64(b.N * len(pairs))
			b.ReportMetric(articles/b.Elapsed().Seconds(), "articles/s")
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(articles/cpu, "articles/cpu-s")
			}
		})
	}
}

// cpuTime is the process's user plus system CPU time in seconds.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
