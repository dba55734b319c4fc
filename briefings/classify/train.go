package classify

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/sitrep/sitrep/briefings"
)

// Example is one labelled article: Label is LabelOffTopic or a section label
// (Labels).
type Example struct {
	Article *briefings.Article
	Label   string
	// Weight of the example in training; 0 means 1.
	Weight float64
}

// TrainOptions tune Train.
type TrainOptions struct {
	// Epochs of stochastic gradient descent (AdaGrad); default 40.
	Epochs int
	// L2 is the regularisation strength per example of concept features
	// (word features get WordL2 times it); default 1e-3.
	L2 float64
	// WordL2 multiplies L2 for word features (u:, t:, b:); default 10.
	WordL2 float64
	// MinCount drops features seen in fewer labelled articles; default 2, so
	// that no weight exists for one example alone.
	MinCount int
	// SectionBalance weighs each section's examples by the inverse of the
	// section's share to this power: 0 counts examples as they come, 1 gives
	// every section the same weight in all.
	SectionBalance float64
	// SectionPrior, when set, are the shares of the sections (in the order
	// of Labels) among the articles the model will judge; each section's
	// examples are weighted by its share there over its share in training
	// (to the power SectionBalance, or 1 when that is 0).
	SectionPrior []float64
	// ConceptRelevance makes relevance read concept features only, never
	// words: what an outlet's own vocabulary says about its mix of topics
	// does not carry over to other outlets.
	ConceptRelevance bool
	// ConceptSection makes the sections read concept features only.
	ConceptSection bool
	// Seed orders the examples of each epoch.
	Seed uint64
	// Prior, when set, are weights trained before (on labelled items that
	// may no longer be at hand): training starts from them and pulls each
	// weight towards its prior value instead of towards zero, with
	// PriorL2 times the usual strength (default 1); the features of the
	// prior that no example has keep their prior weights. New labels then
	// adjust what the prior learnt instead of replacing it.
	Prior   *Weights
	PriorL2 float64
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 40
	}
	if o.L2 <= 0 {
		o.L2 = 1e-3
	}
	if o.WordL2 <= 0 {
		o.WordL2 = 10
	}
	if o.MinCount <= 0 {
		o.MinCount = 2
	}
	if o.PriorL2 <= 0 {
		o.PriorL2 = 1
	}
}

// isWord reports the prefixes of word features; the others are concept
// features: few, dense and shared by the three languages.
func isWord(prefix string) bool {
	return prefix == "u:" || prefix == "t:" || prefix == "b:" || prefix == "s:"
}

// trainSet is the examples as feature indexes.
type trainSet struct {
	hashes []uint32  // feature hashes by index
	l2     []float64 // regularisation by feature
	word   []bool    // word feature (else concept)
	feats  [][]int   // feature indexes per example
	labels []int     // 0 off-topic, 1..5 sections
	weight []float64 // per example
}

// Train fits the weights on examples: a logistic regression for relevance on
// all of them (each class weighted by the inverse of its share) and a
// softmax over the sections on the relevant ones. The threshold is 0.5;
// callers tune it.
func Train(examples []Example, o TrainOptions) *Weights {
	o.defaults()
	ts := featurize(examples, o)
	m := &sgd{w: make([][nOut]float64, len(ts.hashes)), g: make([][nOut]float64, len(ts.hashes)), l2: ts.l2}
	if o.Prior != nil {
		m.w0 = make([][nOut]float64, len(ts.hashes))
		for j, h := range ts.hashes {
			if row, ok := o.Prior.Rows[h]; ok {
				m.w0[j], m.w[j] = row, row
				m.l2[j] *= o.PriorL2
			}
		}
		m.b = o.Prior.Bias
	}
	relW, secW := classWeights(ts, o)
	rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	var concepts []int
	for epoch := 0; epoch < o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			fs, l := ts.feats[i], ts.labels[i]
			rf, sf := fs, fs
			if o.ConceptRelevance || o.ConceptSection {
				concepts = concepts[:0]
				for _, j := range fs {
					if !ts.word[j] {
						concepts = append(concepts, j)
					}
				}
				if o.ConceptRelevance {
					rf = concepts
				}
				if o.ConceptSection {
					sf = concepts
				}
			}
			m.stepRelevance(rf, l > 0, relW[min(l, 1)]*ts.weight[i])
			if l > 0 {
				m.stepSection(sf, l, secW[l]*ts.weight[i])
			}
		}
	}
	w := &Weights{Threshold: 0.5, Bias: m.b, Rows: make(map[uint32][nOut]float64, len(ts.hashes))}
	if o.Prior != nil {
		for h, row := range o.Prior.Rows {
			w.Rows[h] = row
		}
	}
	for j, h := range ts.hashes {
		w.Rows[h] = m.w[j]
	}
	return w
}

// featurize indexes the features of the examples seen in o.MinCount of them
// or more.
func featurize(examples []Example, o TrainOptions) *trainSet {
	f := newFeaturizer()
	var tk tokenizer
	docs := make([][]uint32, len(examples))
	df := map[uint32]int{}
	word := map[uint32]bool{}
	for i, ex := range examples {
		seen := map[uint32]bool{}
		f.article(&tk, ex.Article, func(prefix, x, y string) {
			h := hashParts(prefix, x, y)
			if isWord(prefix) {
				word[h] = true
			}
			if !seen[h] {
				seen[h] = true
				docs[i] = append(docs[i], h)
				df[h]++
			}
		})
	}
	ts := &trainSet{}
	for h, n := range df {
		if n >= o.MinCount {
			ts.hashes = append(ts.hashes, h)
		}
	}
	slices.Sort(ts.hashes) // a fixed order: training is deterministic
	index := make(map[uint32]int, len(ts.hashes))
	ts.l2 = make([]float64, len(ts.hashes))
	ts.word = make([]bool, len(ts.hashes))
	for j, h := range ts.hashes {
		index[h] = j
		ts.word[j] = word[h]
		ts.l2[j] = o.L2
		if word[h] {
			ts.l2[j] = o.L2 * o.WordL2
		}
	}
	ts.feats = make([][]int, len(examples))
	for i, d := range docs {
		for _, h := range d {
			if j, ok := index[h]; ok {
				ts.feats[i] = append(ts.feats[i], j)
			}
		}
	}
	ts.labels = make([]int, len(examples))
	ts.weight = make([]float64, len(examples))
	for i, ex := range examples {
		ts.labels[i] = slices.Index(labelNames[:], ex.Label) + 1
		ts.weight[i] = ex.Weight
		if ts.weight[i] <= 0 {
			ts.weight[i] = 1
		}
	}
	return ts
}

// classWeights returns the weights of off-topic and relevant examples for
// relevance (each class weighs half of all), and of each section's
// examples for the sections (see TrainOptions.SectionBalance), both
// normalised to a mean of 1.
func classWeights(ts *trainSet, o TrainOptions) (rel [2]float64, sec [nOut]float64) {
	var n [nOut]float64
	total := 0.0
	for i, l := range ts.labels {
		n[l] += ts.weight[i]
		total += ts.weight[i]
	}
	pos := total - n[0]
	rel = [2]float64{1, 1}
	if pos > 0 && n[0] > 0 {
		rel = [2]float64{total / (2 * n[0]), total / (2 * pos)}
	}
	sum := 0.0
	for k := 1; k < nOut; k++ {
		sec[k] = 1
		switch {
		case n[k] == 0 || pos == 0:
		case len(o.SectionPrior) == nSections:
			p := o.SectionBalance
			if p == 0 {
				p = 1
			}
			sec[k] = math.Pow(o.SectionPrior[k-1]*pos/n[k], p)
		default:
			sec[k] = math.Pow(pos/(nSections*n[k]), o.SectionBalance)
		}
		sum += sec[k] * n[k]
	}
	for k := 1; k < nOut && sum > 0; k++ {
		sec[k] *= pos / sum
	}
	return rel, sec
}

// sgd is AdaGrad on the weights and biases of the six outputs.
type sgd struct {
	w, g   [][nOut]float64
	b, gb  [nOut]float64
	l2     []float64       // per feature
	w0     [][nOut]float64 // the prior weights regularisation pulls towards (nil: zero)
	logits [nOut]float64
}

const learningRate = 0.2

func (m *sgd) update(fs []int, k int, grad float64) {
	for _, j := range fs {
		w := m.w[j][k]
		if m.w0 != nil {
			w -= m.w0[j][k]
		}
		gj := grad + m.l2[j]*w
		m.g[j][k] += gj * gj
		m.w[j][k] -= learningRate * gj / math.Sqrt(m.g[j][k]+1e-8)
	}
	m.gb[k] += grad * grad
	m.b[k] -= learningRate * grad / math.Sqrt(m.gb[k]+1e-8)
}

func (m *sgd) stepRelevance(fs []int, relevant bool, weight float64) {
	z := m.b[outRelevance]
	for _, j := range fs {
		z += m.w[j][outRelevance]
	}
	y := 0.0
	if relevant {
		y = 1
	}
	m.update(fs, outRelevance, weight*(sigmoid(z)-y))
}

func (m *sgd) stepSection(fs []int, label int, weight float64) {
	for k := 1; k < nOut; k++ {
		m.logits[k] = m.b[k]
		for _, j := range fs {
			m.logits[k] += m.w[j][k]
		}
	}
	p := softmax(m.logits[1:])
	for k := 1; k < nOut; k++ {
		y := 0.0
		if k == label {
			y = 1
		}
		m.update(fs, k, weight*(p[k-1]-y))
	}
}
