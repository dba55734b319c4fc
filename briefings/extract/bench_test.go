package extract

import (
	"github.com/sitrep/sitrep/briefings/internal/shared"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/sample"
)

// benchParagraphs are the team's own fixture texts, one paragraph each.
func benchParagraphs() []string {
	var out []string
	for _, c := range attackCases {
		out = append(out, c.text)
	}
	return out
}

func benchmarkParagraphs(b *testing.B, paras []string) {
	pub := time.Date(2025, 9, 4, 9, 0, 0, 0, time.UTC)
	var bytes int64
	for _, p := range paras {
		bytes += int64(len(p))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := shared.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, p := range paras {
			_ = Extract(p, pub)
		}
	}
	cpu1 := shared.CPUTime()
	b.ReportMetric(float64(b.N*len(paras))/b.Elapsed().Seconds(), "paragraphs/s")
	if cpu0 > 0 && cpu1 > cpu0 {
		// throughput per CPU second: what one core does, whatever the machine's load
		b.ReportMetric(float64(b.N*len(paras))/(cpu1-cpu0).Seconds(), "paragraphs/cpu-s")
	}
}

// BenchmarkExtract measures full extraction (attacks, topics, entities,
// events) per paragraph on the team's fixtures.
func BenchmarkExtract(b *testing.B) {
	benchmarkParagraphs(b, benchParagraphs())
}

// BenchmarkExtractCorpus runs on the evaluation corpus paragraphs (read at
// run time; skipped when absent).
func BenchmarkExtractCorpus(b *testing.B) {
	dir := shared.Corpus(b)
	var paras []string
	for _, name := range []string{"attacks_en.jsonl", "attacks_uk.jsonl"} {
		for _, c := range readRecords(b, filepath.Join(dir, name)) {
			paras = append(paras, strings.Split(c.text, "\n\n")...)
		}
	}
	if len(paras) == 0 {
		b.Skip("extract: no corpus paragraphs")
	}
	benchmarkParagraphs(b, paras)
}

// BenchmarkExtractSeed runs on the founding article, paragraph by paragraph.
func BenchmarkExtractSeed(b *testing.B) {
	dir := shared.Corpus(b)
	files, _ := filepath.Glob(filepath.Join(dir, "..", "seed", "*.txt"))
	if len(files) == 0 {
		b.Skip("extract: seed absent")
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		b.Skip(err)
	}
	var paras []string
	for _, p := range strings.Split(string(raw), "\n\n") {
		if strings.TrimSpace(p) != "" {
			paras = append(paras, p)
		}
	}
	benchmarkParagraphs(b, paras)
}

// BenchmarkAnalyzeSample measures Analyzer.Analyze (title and body) per
// article on the team's invented sample corpus.
func BenchmarkAnalyzeSample(b *testing.B) {
	var arts []briefings.Article
	var bytes int64
	for _, name := range sample.Names() {
		a := sampleArticle(b, name)
		bytes += int64(len(a.Title) + len(a.Body))
		arts = append(arts, a)
	}
	an := NewAnalyzer()
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := shared.CPUTime()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			an.Analyze(&a)
		}
	}
	cpu1 := shared.CPUTime()
	if cpu0 > 0 && cpu1 > cpu0 {
		b.ReportMetric(float64(b.N*len(arts))/(cpu1-cpu0).Seconds(), "articles/cpu-s")
	}
}
