package rougebench

import (
	"sort"
	"strings"

	textrank "github.com/DavidBelicza/TextRank/v2"
	"github.com/didasy/tldr"

	"github.com/sitrep/sitrep/briefings/summarize"
	"github.com/sitrep/sitrep/briefings/summarize/rouge"
	"github.com/sitrep/sitrep/briefings/text"
)

// system is one summarizer under comparison.
type system struct {
	name string
	run  rouge.System
}

func systems() []system {
	z := summarize.New()
	return []system{
		{"Lead-N", lead},
		{"TextRank", textRank},
		{"tldr", tldrSummary},
		{"sitrep", z.Summarize},
	}
}

// lead returns the first n sentences, split by the project's splitter.
func lead(_, body string, n int) []string {
	s := text.Sentences(body)
	return s[:min(n, len(s))]
}

// textRank ranks sentences with TextRank's default rule, language and
// algorithm, takes the n heaviest by relation weight and returns them in
// text order, as its README shows.
func textRank(_, body string, n int) []string {
	tr := textrank.NewTextRank()
	tr.Populate(body, textrank.NewDefaultLanguage(), textrank.NewDefaultRule())
	tr.Ranking(textrank.NewDefaultAlgorithm())
	found := textrank.FindSentencesByRelationWeight(tr, n)
	sort.Slice(found, func(i, j int) bool { return found[i].ID < found[j].ID })
	out := make([]string, 0, len(found))
	for _, s := range found {
		out = append(out, strings.TrimSpace(s.Value))
	}
	return out
}

// tldrSummary runs tldr with its defaults (Hamming weighing, PageRank).
func tldrSummary(_, body string, n int) []string {
	got, err := tldr.New().Summarize(body, n)
	if err != nil {
		return nil
	}
	out := make([]string, 0, len(got))
	for _, s := range got {
		out = append(out, strings.TrimSpace(s))
	}
	return out
}
