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
}

// TrainOptions tune Train.
type TrainOptions struct {
	// Epochs of stochastic gradient descent (AdaGrad); default 40.
	Epochs int
	// L2 is the regularisation strength per example of concept features
	// (word features get wordL2 times it); default 1e-3.
	L2 float64
	// MinCount drops features seen in fewer labelled articles; default 2, so
	// that no weight exists for one example alone.
	MinCount int
	// Seed orders the examples of each epoch.
	Seed uint64
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 40
	}
	if o.L2 <= 0 {
		o.L2 = 1e-3
	}
	if o.MinCount <= 0 {
		o.MinCount = 2
	}
}

// Train fits the weights on examples: a logistic regression for relevance on
// all of them (each class weighted by the inverse of its share) and a
// softmax over the sections on the relevant ones. The threshold is 0.5;
// callers tune it.
func Train(examples []Example, o TrainOptions) *Weights {
	o.defaults()
	f := newFeaturizer()
	var tk tokenizer
	// Feature indexes per example, over features seen often enough.
	docs := make([][]uint32, len(examples))
	df := map[uint32]int{}
	// Concept features (c:, tc:, n:, x:, k:) are few, dense and shared by
	// the three languages; word features are many and sparse. Words are
	// regularised ten times harder, so that a word seen in a handful of
	// articles does not outweigh what the concepts say.
	dense := map[uint32]bool{}
	for i, ex := range examples {
		seen := map[uint32]bool{}
		title, text := articleText(ex.Article)
		f.features(&tk, title, text, func(prefix, x, y string) {
			h := hashParts(prefix, x, y)
			if prefix != "u:" && prefix != "t:" && prefix != "b:" {
				dense[h] = true
			}
			if !seen[h] {
				seen[h] = true
				docs[i] = append(docs[i], h)
				df[h]++
			}
		})
	}
	index := map[uint32]int{}
	var hashes []uint32
	for h, n := range df {
		if n >= o.MinCount {
			index[h] = len(hashes)
			hashes = append(hashes, h)
		}
	}
	slices.Sort(hashes) // a fixed order: training is deterministic
	for j, h := range hashes {
		index[h] = j
	}
	l2 := make([]float64, len(hashes))
	for j, h := range hashes {
		l2[j] = o.L2 * wordL2
		if dense[h] {
			l2[j] = o.L2
		}
	}
	feats := make([][]int, len(examples))
	for i, d := range docs {
		for _, h := range d {
			if j, ok := index[h]; ok {
				feats[i] = append(feats[i], j)
			}
		}
	}
	labels := make([]int, len(examples)) // 0 off-topic, 1..5 sections
	pos := 0
	for i, ex := range examples {
		for k, l := range labelNames {
			if ex.Label == l {
				labels[i] = k + 1
			}
		}
		if labels[i] > 0 {
			pos++
		}
	}
	m := &sgd{w: make([][nOut]float64, len(hashes)), g: make([][nOut]float64, len(hashes)), l2: l2}
	wPos, wNeg := 1.0, 1.0
	if pos > 0 && pos < len(examples) {
		wPos = float64(len(examples)) / (2 * float64(pos))
		wNeg = float64(len(examples)) / (2 * float64(len(examples)-pos))
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	for epoch := 0; epoch < o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			cw := wNeg
			if labels[i] > 0 {
				cw = wPos
			}
			m.stepRelevance(feats[i], labels[i] > 0, cw)
			if labels[i] > 0 {
				m.stepSection(feats[i], labels[i])
			}
		}
	}
	w := &Weights{Threshold: 0.5, Bias: m.b, Rows: make(map[uint32][nOut]float64, len(hashes))}
	for j, h := range hashes {
		w.Rows[h] = m.w[j]
	}
	return w
}

// sgd is AdaGrad on the weights and biases of the six outputs.
type sgd struct {
	w, g   [][nOut]float64
	b, gb  [nOut]float64
	l2     []float64 // per feature
	logits [nOut]float64
}

const learningRate = 0.2

// wordL2 multiplies the regularisation of word features (see Train).
const wordL2 = 10

func (m *sgd) update(fs []int, k int, grad float64) {
	for _, j := range fs {
		gj := grad + m.l2[j]*m.w[j][k]
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

func (m *sgd) stepSection(fs []int, label int) {
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
		m.update(fs, k, p[k-1]-y)
	}
}
