package rouge

import (
	"math"
	"slices"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestTokens(t *testing.T) {
	got := Tokens("Russia's 112 drones—84 DOWNED (75%).")
	want := []string{"russia", "s", "112", "drones", "84", "downed", "75"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

func TestN(t *testing.T) {
	// cand: the cat sat on the mat (6 tokens); ref: the cat lay on the mat (6).
	cand, ref := "The cat sat on the mat.", "the cat lay on the mat"
	// unigrams: the(2,2) cat on mat match = 5 of 6 each side.
	s := N(cand, ref, 1)
	if !near(s.P, 5.0/6) || !near(s.R, 5.0/6) || !near(s.F, 5.0/6) {
		t.Errorf("ROUGE-1 = %+v, want 5/6 each", s)
	}
	// bigrams cand: the cat, cat sat, sat on, on the, the mat; ref: the cat,
	// cat lay, lay on, on the, the mat: 3 of 5.
	s = N(cand, ref, 2)
	if !near(s.P, 0.6) || !near(s.R, 0.6) {
		t.Errorf("ROUGE-2 = %+v, want 0.6", s)
	}
	// Clipping: "the the the" against "the cat": 1 hit, P 1/3, R 1/2.
	s = N("the the the", "the cat", 1)
	if !near(s.P, 1.0/3) || !near(s.R, 0.5) || !near(s.F, 0.4) {
		t.Errorf("clipped ROUGE-1 = %+v", s)
	}
	if s := N("", "the cat", 1); s != (Score{}) {
		t.Errorf("empty candidate = %+v", s)
	}
}

func TestLsum(t *testing.T) {
	// The example of Lin (2004) section 3.2: r = w1 w2 w3 w4 w5, c1 = w1 w2
	// w6 w7 w8, c2 = w1 w3 w8 w9 w5. Union LCS = w1 w2 w3 w5: 4 of 5 hits.
	ref := []string{"w1 w2 w3 w4 w5"}
	cand := []string{"w1 w2 w6 w7 w8", "w1 w3 w8 w9 w5"}
	s := Lsum(cand, ref)
	if !near(s.R, 4.0/5) || !near(s.P, 4.0/10) {
		t.Errorf("Lsum = %+v, want R 0.8 P 0.4", s)
	}
	// Identical summaries score 1.
	same := []string{"drones hit kyiv", "84 were downed"}
	if s := Lsum(same, same); !near(s.F, 1) {
		t.Errorf("Lsum(identical) = %+v", s)
	}
	if s := Lsum(nil, same); s != (Score{}) {
		t.Errorf("Lsum(empty) = %+v", s)
	}
}
