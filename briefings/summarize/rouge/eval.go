package rouge

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Pair is one article with its reference summary, as laid out in a
// bbc_summ-style corpus: article/<topic>/NNN.txt holds a headline line, a
// blank line, then the body; summary/<topic>/NNN.txt holds one reference
// sentence per line.
type Pair struct {
	Name      string // topic/NNN.txt
	Title     string
	Body      string
	Reference []string
}

// LoadPairs reads every article under dir/article with its summary under
// dir/summary, sorted by name.
func LoadPairs(dir string) ([]Pair, error) {
	arts, err := filepath.Glob(filepath.Join(dir, "article", "*", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("rouge: %w", err)
	}
	sort.Strings(arts)
	var out []Pair
	for _, a := range arts {
		rel, _ := filepath.Rel(filepath.Join(dir, "article"), a)
		raw, err := os.ReadFile(a)
		if err != nil {
			return nil, fmt.Errorf("rouge: %w", err)
		}
		ref, err := os.ReadFile(filepath.Join(dir, "summary", rel))
		if err != nil {
			return nil, fmt.Errorf("rouge: %w", err)
		}
		title, body, _ := strings.Cut(string(raw), "\n")
		p := Pair{Name: rel, Title: strings.TrimSpace(title), Body: strings.TrimSpace(body)}
		for _, l := range strings.Split(string(ref), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				p.Reference = append(p.Reference, l)
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// System is a summarizer under test: n sentences of body.
type System func(title, body string, n int) []string

// Result holds mean scores of one system over a corpus.
type Result struct {
	R1, R2, RL Score
	Sentences  float64 // mean sentences returned
}

// Evaluate runs sys over pairs with n sentences, or with the reference's
// length when n <= 0, and averages ROUGE-1, ROUGE-2 and ROUGE-Lsum.
func Evaluate(pairs []Pair, sys System, n int) Result {
	var r Result
	for _, p := range pairs {
		k := n
		if k <= 0 {
			k = len(p.Reference)
		}
		got := sys(p.Title, p.Body, k)
		cand, ref := strings.Join(got, "\n"), strings.Join(p.Reference, "\n")
		add(&r.R1, N(cand, ref, 1))
		add(&r.R2, N(cand, ref, 2))
		add(&r.RL, Lsum(got, p.Reference))
		r.Sentences += float64(len(got))
	}
	if k := float64(len(pairs)); k > 0 {
		for _, s := range []*Score{&r.R1, &r.R2, &r.RL} {
			s.P, s.R, s.F = s.P/k, s.R/k, s.F/k
		}
		r.Sentences /= k
	}
	return r
}

func add(dst *Score, s Score) {
	dst.P += s.P
	dst.R += s.R
	dst.F += s.F
}
