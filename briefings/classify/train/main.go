// Command train fits the classify package's weights on labelled feed items
// and reports how well they do on items kept out of training.
//
//	go run ./briefings/classify/train [-dev DIR] [-extra DIR]... [-untouched] [-final] [-out FILE]
//
// -dev names the folder of sections_*.jsonl with its feeds/ (the evaluation
// corpus, ../shared/corpus); each -extra names a folder of labels.jsonl with
// its feeds/ (more labelled items). One item in five of the extra folders,
// by a hash of feed and guid, is untouched: out of every run unless
// -untouched (report on it, after training on everything else) or -final
// (train the shipped weights on it too).
//
// It prints, per language (on-topic items in the right section, off-topic
// items reaching a digest, on-topic items dropped):
//   - 5-fold cross-validation over every item but the untouched ones (the
//     relevance threshold is tuned on these out-of-fold decisions);
//   - the dev items held out: trained on the extra items alone;
//   - with -untouched, the untouched items: trained on all the rest;
//
// and writes the weights trained on everything allowed to -out.
package main

import (
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"log"
	"math"
	"os"
	"strings"

	"github.com/sitrep/sitrep/briefings/classify"
	"github.com/sitrep/sitrep/briefings/classify/labelled"
	"github.com/sitrep/sitrep/briefings/extract"
)

type dirs []string

func (d *dirs) String() string     { return fmt.Sprint(*d) }
func (d *dirs) Set(s string) error { *d = append(*d, s); return nil }

func main() {
	dev := flag.String("dev", "../shared/corpus", "folder of sections_*.jsonl and feeds/ (\"\" for none)")
	var extra dirs
	flag.Var(&extra, "extra", "folder of labels.jsonl and feeds/ (repeatable)")
	untouched := flag.Bool("untouched", false, "report on the untouched fold (do this once, at the end)")
	final := flag.Bool("final", false, "train the written weights on the untouched fold too")
	out := flag.String("out", "", "write the weights here")
	epochs := flag.Int("epochs", 60, "training epochs")
	l2 := flag.Float64("l2", 3e-3, "L2 regularisation of concept features (word features: ten times this)")
	errs := flag.Bool("errors", false, "list the items cross-validation gets wrong (stderr) and the dev items the held-out run gets wrong")
	flag.Parse()
	opts := classify.TrainOptions{Epochs: *epochs, L2: *l2, Seed: 1}

	an := extract.NewAnalyzer()
	var devItems, pool, held []*labelled.Item
	// An item labelled twice (the same feed saved in two folders) counts
	// once, where it was first seen: the dev set first.
	seen := map[string]bool{}
	dup := func(it *labelled.Item) bool {
		key := strings.ToLower(strings.Join(strings.Fields(it.Article.Title), " "))
		if seen[key] {
			return true
		}
		seen[key] = true
		return false
	}
	if *dev != "" {
		items, err := labelled.Load(*dev, "sections_*.jsonl", an)
		check(err)
		for _, it := range items {
			dup(it)
		}
		devItems = items
	}
	dups := 0
	for _, d := range extra {
		items, err := labelled.Load(d, "labels.jsonl", an)
		check(err)
		for _, it := range items {
			if dup(it) {
				dups++
				continue
			}
			if it.Untouched() {
				held = append(held, it)
			} else {
				pool = append(pool, it)
			}
		}
	}
	fmt.Printf("items: dev %d, extra %d (+%d untouched; %d labelled twice dropped)\n", len(devItems), len(pool), len(held), dups)

	all := append(append([]*labelled.Item{}, pool...), devItems...)
	var cvErrors io.Writer
	if *errs {
		cvErrors = os.Stderr
	}
	threshold := crossValidate(all, opts, cvErrors)

	if len(pool) > 0 && len(devItems) > 0 {
		w := classify.Train(labelled.Examples(pool), opts)
		w.Threshold = threshold
		c := classify.NewWithWeights(w)
		fmt.Printf("\ndev held out (trained on the %d extra items):\n%s", len(pool), labelled.Score(c, devItems))
		if *errs {
			printErrors(c, devItems)
		}
	}
	if *untouched && len(held) > 0 {
		w := classify.Train(labelled.Examples(all), opts)
		w.Threshold = threshold
		fmt.Printf("\nuntouched fold (trained on the %d others):\n%s", len(all), labelled.Score(classify.NewWithWeights(w), held))
	}
	if *out != "" {
		train := all
		if *final {
			train = append(train, held...)
		}
		w := classify.Train(labelled.Examples(train), opts)
		w.Threshold = threshold
		data := w.Encode()
		check(os.WriteFile(*out, data, 0o644))
		fmt.Printf("\nwrote %s: %d bytes, trained on %d items, threshold %.3f\n", *out, len(data), len(train), threshold)
	}
}

// crossValidate prints 5-fold cross-validation figures and returns the
// relevance threshold that best balances the out-of-fold errors.
func crossValidate(items []*labelled.Item, opts classify.TrainOptions, cvErrors io.Writer) float64 {
	const k = 5
	fold := func(it *labelled.Item) int {
		h := fnv.New32a()
		h.Write([]byte(it.Key()))
		return int(h.Sum32()/5) % k
	}
	rel := make([]float64, len(items))
	sections := make([]string, len(items))
	for f := 0; f < k; f++ {
		var train []*labelled.Item
		for _, it := range items {
			if fold(it) != f {
				train = append(train, it)
			}
		}
		c := classify.NewWithWeights(classify.Train(labelled.Examples(train), opts))
		for i, it := range items {
			if fold(it) == f {
				d := c.Classify(it.Article)
				rel[i], sections[i] = d.Relevance, d.Section
			}
		}
	}
	best, bestCost := 0.5, math.Inf(1)
	for t := 0.05; t < 0.951; t += 0.01 {
		var fp, fn, pos, neg float64
		for i, it := range items {
			if it.Label == classify.LabelOffTopic {
				neg++
				if rel[i] >= t {
					fp++
				}
			} else {
				pos++
				if rel[i] < t {
					fn++
				}
			}
		}
		cost := math.Max(fp/math.Max(neg, 1), fn/math.Max(pos, 1)) + 0.01*math.Abs(t-0.5)
		if cost < bestCost {
			best, bestCost = t, cost
		}
	}
	r := labelled.Report{}
	confusion := map[[2]string]int{}
	for i, it := range items {
		d := decision(rel[i], sections[i], best)
		r.Add(it, d)
		got := d.Section
		if d.OffTopic {
			got = "off"
		}
		confusion[[2]string{it.Label, got}]++
		if cvErrors != nil && got != classify.SectionOfLabel(it.Label) && !(got == "off" && it.Label == classify.LabelOffTopic) {
			fmt.Fprintf(cvErrors, "%s\t%s\t%.2f\t%s\t%s\t%s\n", it.Label, got, rel[i], it.Lang, it.Feed, it.Article.Title)
		}
	}
	fmt.Printf("\n%d-fold cross-validation over %d items (threshold %.2f):\n%s", k, len(items), best, r)
	fmt.Println("  labels (rows) against decisions (columns: Air, Front, Dipl, Sanc, Other, off):")
	for _, l := range append(classify.Labels(), classify.LabelOffTopic) {
		fmt.Printf("  %-14s", l)
		for _, g := range []string{"Air attacks", "Front line", "Diplomacy", "Sanctions and aid", "Other", "off"} {
			fmt.Printf("%6d", confusion[[2]string{l, g}])
		}
		fmt.Println()
	}
	return best
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// printErrors lists the items c gets wrong, with the features that weigh most.
func printErrors(c *classify.Classifier, items []*labelled.Item) {
	for _, it := range items {
		e := c.Explain(it.Article, 6)
		want := classify.SectionOfLabel(it.Label)
		got := e.Section
		if e.OffTopic {
			got = ""
		}
		if got == want {
			continue
		}
		fmt.Printf("  %s %d [%s] want %q got %q rel %.2f: %s\n", it.Feed, it.Index, it.Lang, it.Label, got, e.Relevance, it.Article.Title)
		fmt.Printf("      rel: %v\n      sec: %v\n", e.ForRelevance, e.ForSection)
	}
}
