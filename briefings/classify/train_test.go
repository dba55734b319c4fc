package classify

import (
	"math"
	"testing"

	"github.com/sitrep/sitrep/briefings"
)

func TestClassWeights(t *testing.T) {
	// 6 off-topic, 4 air attacks, 1 each of the other sections
	ts := &trainSet{labels: []int{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 3, 4, 5}}
	for range ts.labels {
		ts.weight = append(ts.weight, 1)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	rel, sec := classWeights(ts, TrainOptions{})
	// relevance: each class weighs half of all
	if !near(rel[0]*6, 7) || !near(rel[1]*8, 7) {
		t.Errorf("relevance weights %v", rel)
	}
	for k := 1; k < nOut; k++ {
		if !near(sec[k], 1) {
			t.Errorf("no balance: section %d weighs %v, want 1", k, sec[k])
		}
	}
	_, sec = classWeights(ts, TrainOptions{SectionBalance: 1})
	if !near(sec[1]*4, sec[2]) || !near(sec[1]*4+sec[2]*4, 8) {
		t.Errorf("full balance: %v", sec)
	}
	// a prior that says air attacks are rare where the model is used
	_, sec = classWeights(ts, TrainOptions{SectionPrior: []float64{0.1, 0.225, 0.225, 0.225, 0.225}})
	if !(sec[1] < sec[2]) || !near(sec[2], sec[3]) {
		t.Errorf("prior: %v", sec)
	}
	// an example's weight counts as that many examples
	ts.weight[0] = 3
	rel, _ = classWeights(ts, TrainOptions{})
	if !near(rel[0]*8, 8) {
		t.Errorf("weighted: relevance weights %v", rel)
	}
}

// TestTrainFromPrior: training from prior weights keeps the prior's rows that
// no example has, starts from its biases and stays nearer its weights than
// training from zero does.
func TestTrainFromPrior(t *testing.T) {
	// invented headlines: two of drone strikes, two of football
	var ex []Example
	for _, s := range []struct{ title, label string }{
		{"Drones hit a fuel depot near the border overnight", "air_attacks"},
		{"Drones hit a power station in the east overnight", "air_attacks"},
		{"Football club wins the cup after a late goal", LabelOffTopic},
		{"Football club signs a young striker for the cup", LabelOffTopic},
	} {
		ex = append(ex, Example{Article: &briefings.Article{Title: s.title}, Label: s.label})
	}
	seen := hash("t:dron") // a title word of two examples
	unseen := hash("u:no-example-has-this")
	prior := &Weights{Threshold: 0.5, Bias: [nOut]float64{-0.25, 0.5, 0, 0, 0, 0}, Rows: map[uint32][nOut]float64{
		seen:   {-1, -1, 1, 0, 0, 0}, // a prior that disagrees with the examples
		unseen: {0.75, 0, 0, 0.5, 0, 0},
	}}
	plain := Train(ex, TrainOptions{Epochs: 20, Seed: 1})
	from := Train(ex, TrainOptions{Epochs: 20, Seed: 1, Prior: prior, PriorL2: 50})
	if _, ok := plain.Rows[seen]; !ok {
		t.Fatalf("no row for a word of two examples")
	}
	if got := from.Rows[unseen]; got != prior.Rows[unseen] {
		t.Errorf("a prior row no example has: %v, want it kept as %v", got, prior.Rows[unseen])
	}
	dist := func(a, b [nOut]float64) float64 {
		d := 0.0
		for k := range a {
			d += math.Abs(a[k] - b[k])
		}
		return d
	}
	if dp, df := dist(plain.Rows[seen], prior.Rows[seen]), dist(from.Rows[seen], prior.Rows[seen]); df >= dp {
		t.Errorf("trained from the prior, a seen word's row is %.3f from it; from zero, %.3f", df, dp)
	}
	// the examples still move it: the word of drone strikes gains relevance
	if from.Rows[seen][outRelevance] <= prior.Rows[seen][outRelevance] {
		t.Errorf("relevance weight of a word of relevant examples did not grow from the prior's %v: %v",
			prior.Rows[seen][outRelevance], from.Rows[seen][outRelevance])
	}
}
