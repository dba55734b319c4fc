// Package classify decides whether an article is about the Russia-Ukraine
// war or the diplomacy around it (its relevance, a probability) and under
// which digest section an editor would file it: Air attacks, Front line,
// Diplomacy, Sanctions and aid, or Other.
//
// It is a small linear model trained on labelled feed items in English,
// Ukrainian and Russian (the training program is in train/, the weights in
// weights.bin): logistic regression for relevance and a softmax over the
// five sections, over normalised words and word pairs of the title, the
// teaser and the start of the body, and over concepts (words of the three
// languages that mean one thing to a war editor: a drone, talks, sanctions;
// see concepts). Two rules stand above the model: an article that carries
// a national report of a Russian or Ukrainian attack with launched figures
// (the attack reader's output) is relevant and filed under Air attacks; an
// article the model files under Air attacks that names guns, mortars or
// rocket artillery and no weapon of the air is filed under Front line.
package classify

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/sitrep/sitrep/briefings"
)

//go:embed weights.bin
var embedded []byte

// Classifier implements briefings.Classifier. It is safe for concurrent use.
type Classifier struct {
	w    *Weights
	f    *featurizer
	pool sync.Pool // *scratch
}

var _ briefings.Classifier = (*Classifier)(nil)

// New returns a Classifier with the weights shipped in the package.
func New() (*Classifier, error) {
	w, err := ReadWeights(embedded)
	if err != nil {
		return nil, err
	}
	return NewWithWeights(w), nil
}

// NewWithWeights returns a Classifier with the given weights.
func NewWithWeights(w *Weights) *Classifier {
	c := &Classifier{w: w, f: newFeaturizer()}
	c.pool.New = func() any { return &scratch{seen: map[uint32]bool{}} }
	return c
}

type scratch struct {
	tk   tokenizer
	seen map[uint32]bool
}

// Weights returns the classifier's weights (shared: not to be changed).
func (c *Classifier) Weights() *Weights { return c.w }

// Threshold is the relevance below which an article is off-topic.
func (c *Classifier) Threshold() float64 { return c.w.Threshold }

// Classify decides a's relevance and section.
func (c *Classifier) Classify(a *briefings.Article) briefings.Classification {
	sc := c.pool.Get().(*scratch)
	defer c.pool.Put(sc)
	clear(sc.seen)
	logits := c.w.Bias
	c.f.article(&sc.tk, a, func(prefix, x, y string) {
		h := hashParts(prefix, x, y)
		if sc.seen[h] {
			return
		}
		sc.seen[h] = true
		if row, ok := c.w.Rows[h]; ok {
			for k := range logits {
				logits[k] += row[k]
			}
		}
	})
	d, _ := c.decide(&sc.tk, a, logits)
	return d
}

// decide turns the model's logits into a's classification, with the rule
// that overrode the model, if any.
func (c *Classifier) decide(tk *tokenizer, a *briefings.Article, logits [nOut]float64) (d briefings.Classification, rule string) {
	rel := sigmoid(logits[outRelevance])
	best := 1
	for k := 2; k < nOut; k++ {
		if logits[k] > logits[best] {
			best = k
		}
	}
	d = briefings.Classification{Relevance: rel, OffTopic: rel < c.w.Threshold, Section: sectionNames[best-1]}
	switch {
	case hasNationalFigures(a):
		if d.Section != briefings.SectionAirAttacks || d.OffTopic {
			rule = ruleNational
		}
		d.OffTopic, d.Section = false, briefings.SectionAirAttacks
	case d.Section == briefings.SectionAirAttacks && c.f.groundFireOnly(tk, a):
		d.Section, rule = briefings.SectionFrontLine, ruleGround
	}
	return d, rule
}

// The rules above the model, as Explain names them.
const (
	ruleNational = "a national attack report with launched figures is a relevant air attack"
	ruleGround   = "fire by guns, mortars or rocket artillery alone, with no weapon of the air named, is the ground war"
)

// hasNationalFigures reports an attack report of Russia on Ukraine or
// Ukraine on Russia that is national (or of unstated scope), not cumulative,
// and states how many drones or missiles were launched: the night's report of
// an air attack of this war.
func hasNationalFigures(a *briefings.Article) bool {
	for i := range a.Attacks {
		r := &a.Attacks[i]
		if r.Cumulative || (r.Scope != "" && r.Scope != briefings.ScopeNational) || (r.Attacker != "RU" && r.Attacker != "UA") {
			continue
		}
		if _, ok := r.LaunchedTotal(); ok {
			return true
		}
	}
	return false
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// Contribution is one feature's weight towards an output.
type Contribution struct {
	Feature string  `json:"feature"`
	Weight  float64 `json:"weight"`
}

// Explanation says why an article got its relevance and section.
type Explanation struct {
	briefings.Classification
	Threshold float64 `json:"threshold"`
	// Sections are the model's probabilities of each section.
	Sections map[string]float64 `json:"sections"`
	// Rule names the rule that set the section, if one did.
	Rule string `json:"rule,omitempty"`
	// ForRelevance and ForSection are the features that weigh most (either
	// way) on relevance and on the chosen section against the others.
	ForRelevance []Contribution `json:"for_relevance"`
	ForSection   []Contribution `json:"for_section"`
}

// Explain classifies a and returns the decision with the n features that
// weigh most on it.
func (c *Classifier) Explain(a *briefings.Article, n int) Explanation {
	logits := c.w.Bias
	type feat struct {
		name string
		row  [nOut]float64
	}
	var feats []feat
	seen := map[uint32]bool{}
	var tk tokenizer
	c.f.article(&tk, a, func(prefix, x, y string) {
		h := hashParts(prefix, x, y)
		if seen[h] {
			return
		}
		seen[h] = true
		if row, ok := c.w.Rows[h]; ok {
			feats = append(feats, feat{name(prefix, x, y), row})
			for k := range logits {
				logits[k] += row[k]
			}
		}
	})
	d, rule := c.decide(&tk, a, logits)
	e := Explanation{Classification: d, Rule: rule, Threshold: c.w.Threshold, Sections: map[string]float64{}}
	for i, p := range softmax(logits[1:]) {
		e.Sections[sectionNames[i]] = math.Round(p*1000) / 1000
	}
	chosen := slices.Index(sectionNames[:], e.Section) + 1
	for _, f := range feats {
		e.ForRelevance = append(e.ForRelevance, Contribution{f.name, round3(f.row[outRelevance])})
		// towards the chosen section against the mean of the others
		other := 0.0
		for k := 1; k < nOut; k++ {
			if k != chosen {
				other += f.row[k] / (nSections - 1)
			}
		}
		e.ForSection = append(e.ForSection, Contribution{f.name, round3(f.row[chosen] - other)})
	}
	e.ForRelevance = top(e.ForRelevance, n)
	e.ForSection = top(e.ForSection, n)
	return e
}

func top(cs []Contribution, n int) []Contribution {
	slices.SortStableFunc(cs, func(a, b Contribution) int {
		switch x, y := math.Abs(a.Weight), math.Abs(b.Weight); {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return 0
	})
	if len(cs) > n {
		cs = cs[:n]
	}
	return cs
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func softmax(x []float64) []float64 {
	m := slices.Max(x)
	out := make([]float64, len(x))
	sum := 0.0
	for i, v := range x {
		out[i] = math.Exp(v - m)
		sum += out[i]
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

// String is a one-line summary of the decision.
func (e Explanation) String() string {
	state := "relevant"
	if e.OffTopic {
		state = "off-topic"
	}
	return fmt.Sprintf("%s (relevance %.3f, threshold %.3f), section %s", state, e.Relevance, e.Threshold, e.Section)
}
