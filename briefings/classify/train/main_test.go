package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/classify"
	"github.com/sitrep/sitrep/briefings/classify/labelled"
)

// TestShipReportsTheWeightsWritten: the figures -test prints are those of
// the weights -out writes, also with -final, which trains them on the
// untouched fold too (the test figures were once those of weights trained
// without it).
func TestShipReportsTheWeightsWritten(t *testing.T) {
	item := func(feed, title, label string) *labelled.Item {
		return &labelled.Item{Feed: feed, Title: title, Lang: "en", Label: label,
			Article: &briefings.Article{Title: title, Lang: "en"}}
	}
	// invented titles
	all := []*labelled.Item{item("a", "Drones strike a depot in the south", "air_attacks")}
	untouched := item("b", "Missiles hit a power plant before dawn", "air_attacks")
	held := []*labelled.Item{untouched}
	test := []*labelled.Item{
		item("c", "Shelling damages a bridge in the east", "air_attacks"),
		item("c", "Storm closes the harbour for a day", classify.LabelOffTopic),
	}
	// A stand-in for training whose weights tell apart what they were
	// trained on: with the untouched item every article is relevant, without
	// it none is; Air attacks is the section either way.
	weights := func(withHeld bool) *classify.Weights {
		w := &classify.Weights{Threshold: 0.5}
		w.Bias[0] = -4
		if withHeld {
			w.Bias[0] = 4
		}
		w.Bias[1] = 2
		return w
	}
	score := func(w *classify.Weights) string {
		q, err := classify.ReadWeights(w.Encode())
		if err != nil {
			t.Fatal(err)
		}
		return labelled.Score(classify.NewWithWeights(q), test).String()
	}
	if score(weights(true)) == score(weights(false)) {
		t.Fatal("the stand-in weights score alike with and without the untouched item")
	}
	for _, final := range []bool{false, true} {
		var calls [][]*labelled.Item
		train := func(items []*labelled.Item) *classify.Weights {
			calls = append(calls, items)
			return weights(slices.Contains(items, untouched))
		}
		c := &config{final: final, out: filepath.Join(t.TempDir(), "weights.bin")}
		var out strings.Builder
		if err := c.ship(&out, all, held, test, train); err != nil {
			t.Fatal(err)
		}
		for _, items := range calls {
			if slices.Contains(items, untouched) != final {
				t.Errorf("-final %v: weights trained on %d items, the untouched item among them: %v", final, len(items), !final)
			}
		}
		data, err := os.ReadFile(c.out)
		if err != nil {
			t.Fatal(err)
		}
		written, err := classify.ReadWeights(data)
		if err != nil {
			t.Fatal(err)
		}
		want := score(written)
		_, report, ok := strings.Cut(out.String(), "the weights written to "+c.out)
		if !ok {
			t.Fatalf("-final %v: no test report of the weights written:\n%s", final, out.String())
		}
		if !strings.Contains(report, want) {
			t.Errorf("-final %v: test report of the weights written:\n%s\nthe written file scores:\n%s", final, report, want)
		}
		if wantFold := map[bool]string{false: "left out", true: "included"}[final]; !strings.Contains(report, "untouched fold "+wantFold) {
			t.Errorf("-final %v: the report does not say the untouched fold is %s:\n%s", final, wantFold, report)
		}
	}
}
