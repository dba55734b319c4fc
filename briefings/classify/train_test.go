package classify

import (
	"math"
	"testing"
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
