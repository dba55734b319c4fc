// Command train fits the classify package's weights on labelled feed items
// and reports how well they do on items kept out of training.
//
//	go run ./briefings/classify/train [-dev DIR] [-extra DIR]... [-test DIR]... [-untouched] [-final] [-out FILE]
//
// -dev names the folder of sections_*.jsonl with its feeds/ (the evaluation
// corpus, ../shared/corpus); each -extra names a folder of labels.jsonl with
// its feeds/ (more labelled items). One item in five of the extra folders,
// by a hash of feed and guid, is untouched: out of every run unless
// -untouched (report on it, after training on everything else) or -final
// (train the shipped weights on it too). Each -test names a folder of
// labels.jsonl with its feeds/ kept out of training altogether (a set split
// off by feed): the trainer reports on it, per language and per feed, the
// weights shipped in the package and the weights it trains, side by side;
// the latter are the weights -out writes (with -final, trained on the
// untouched fold too), 8-bit as written.
//
// It prints, per language (on-topic items in the right section, off-topic
// items reaching a digest, on-topic items dropped):
//   - 5-fold cross-validation over every item but the untouched ones, over
//     -reps splits into folds (-byfeed: whole feeds in a fold), with the dev
//     items' figures apart (-perfeed: each feed's); the relevance threshold
//     is tuned on these out-of-fold decisions, made with 8-bit weights;
//   - the dev items held out: trained on the extra items alone;
//   - with -untouched, the untouched items: trained on all the rest;
//
// and writes the weights trained on everything allowed to -out. -errors
// lists the decisions cross-validation gets wrong; -explain TEXT shows the
// features behind the decisions on the items whose title contains TEXT,
// trained without them. The other flags tune training (see -help).
package main

import (
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"log"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/briefings/classify"
	"github.com/sitrep/sitrep/briefings/classify/labelled"
	"github.com/sitrep/sitrep/briefings/extract"
)

type dirs []string

func (d *dirs) String() string     { return fmt.Sprint(*d) }
func (d *dirs) Set(s string) error { *d = append(*d, s); return nil }

// config is the command line.
type config struct {
	dev, out, prior, other, explain string
	from                            string
	extra, test                     dirs
	untouched, final, errs, perFeed bool
	byFeed                          bool
	reps                            int
	threshold                       float64
	devWeight, otherWeight          float64
	opts                            classify.TrainOptions
}

func parseFlags() *config {
	c := &config{}
	flag.StringVar(&c.dev, "dev", "../shared/corpus", "folder of sections_*.jsonl and feeds/ (\"\" for none)")
	flag.Var(&c.extra, "extra", "folder of labels.jsonl and feeds/ (repeatable)")
	flag.Var(&c.test, "test", "folder of labels.jsonl and feeds/ never trained on: report on it the weights shipped in the package and the weights trained here, the very weights -out writes (with -final, trained with the untouched fold too) (repeatable)")
	flag.BoolVar(&c.untouched, "untouched", false, "report on the untouched fold (do this once, at the end)")
	flag.BoolVar(&c.final, "final", false, "train the written weights on the untouched fold too")
	flag.StringVar(&c.out, "out", "", "write the weights here")
	flag.StringVar(&c.from, "from", "", "start from these weights and regularise towards them (a weights file, or \"shipped\": the package's)")
	flag.Float64Var(&c.opts.PriorL2, "froml2", 1, "with -from: the pull towards the prior weights, times the usual L2")
	flag.IntVar(&c.opts.Epochs, "epochs", 60, "training epochs")
	flag.Float64Var(&c.opts.L2, "l2", 3e-3, "L2 regularisation of concept features")
	flag.Float64Var(&c.opts.WordL2, "wordl2", 10, "word features' L2 is this times -l2")
	flag.Float64Var(&c.opts.SectionBalance, "balance", 0, "weigh sections by the inverse of their share to this power (0..1)")
	flag.BoolVar(&c.opts.ConceptRelevance, "conceptrel", false, "relevance reads concept features only")
	flag.BoolVar(&c.opts.ConceptSection, "conceptsec", false, "sections read concept features only")
	flag.StringVar(&c.prior, "prior", "", "shares of the sections among the articles to judge (air,front,diplomacy,sanctions,other), or \"dev\": as in the dev items")
	flag.StringVar(&c.other, "other", "", "comma-separated starts of the names of feeds from outlets of another kind than the dev feeds' (world outlets)")
	flag.Float64Var(&c.otherWeight, "otherweight", 1, "training weight of the -other feeds' items")
	flag.Float64Var(&c.devWeight, "devweight", 1, "training weight of the dev items (they are of the kind the model is judged on)")
	flag.Float64Var(&c.threshold, "threshold", 0, "relevance threshold of the written weights (0: the one cross-validation tunes)")
	flag.IntVar(&c.reps, "reps", 1, "cross-validate over this many splits into folds")
	flag.BoolVar(&c.perFeed, "perfeed", false, "print the cross-validation figures of each feed")
	flag.BoolVar(&c.byFeed, "byfeed", false, "cross-validate with whole feeds in a fold (no item's feed-mates in its training)")
	flag.StringVar(&c.explain, "explain", "", "explain the decisions on the items whose title contains this, trained without them")
	flag.BoolVar(&c.errs, "errors", false, "list the items cross-validation gets wrong (stderr) and the dev items the held-out run gets wrong")
	flag.Parse()
	c.opts.Seed = 1
	switch c.from {
	case "":
	case "shipped":
		cl, err := classify.New()
		check(err)
		c.opts.Prior = cl.Weights()
	default:
		data, err := os.ReadFile(c.from)
		check(err)
		c.opts.Prior, err = classify.ReadWeights(data)
		check(err)
	}
	return c
}

// examples turns items into training examples with their weights.
func (c *config) examples(items []*labelled.Item) []classify.Example {
	ex := labelled.Examples(items)
	for i, it := range items {
		switch {
		case it.Dev:
			ex[i].Weight = c.devWeight
		case c.other != "" && hasAnyPrefix(it.Feed, strings.Split(c.other, ",")):
			ex[i].Weight = c.otherWeight
		}
	}
	return ex
}

func main() {
	c := parseFlags()
	devItems, pool, held, test := loadItems(c.dev, c.extra, c.test)
	c.opts.SectionPrior = sectionPrior(c.prior, devItems)
	all := append(append([]*labelled.Item{}, pool...), devItems...)
	if c.explain != "" {
		var train, show []*labelled.Item
		for _, it := range all {
			if strings.Contains(it.Article.Title, c.explain) {
				show = append(show, it)
			} else {
				train = append(train, it)
			}
		}
		printErrors(classify.NewWithWeights(classify.Train(c.examples(train), c.opts)), show, true)
		return
	}
	var cvErrors io.Writer
	if c.errs {
		cvErrors = os.Stderr
	}
	threshold := crossValidate(all, c.opts, c.examples, c.reps, c.byFeed, c.perFeed, cvErrors)
	if c.threshold > 0 {
		threshold = c.threshold
	}
	train := func(items []*labelled.Item) *classify.Weights {
		w := classify.Train(c.examples(items), c.opts)
		w.Threshold = threshold
		return w
	}
	if len(pool) > 0 && len(devItems) > 0 {
		cl := shipped(train(pool))
		fmt.Printf("\ndev held out (trained on the %d extra items):\n%s", len(pool), labelled.Score(cl, devItems))
		if c.errs {
			printErrors(cl, devItems, false)
		}
	}
	if c.untouched && len(held) > 0 {
		cl := shipped(train(all))
		fmt.Printf("\nuntouched fold (trained on the %d others):\n%s", len(all), labelled.Score(cl, held))
		if c.perFeed {
			fmt.Printf("  by feed:\n%s", scoreByFeed(cl, held))
		}
	}
	check(c.ship(os.Stdout, all, held, test, train))
}

// ship trains the weights to ship once, on all the items and with -final on
// the untouched fold too, reports them on the test items and writes them to
// -out: the test figures are always those of the weights written, 8-bit as
// written. Without -test and -out it trains nothing.
func (c *config) ship(w io.Writer, all, held, test []*labelled.Item, train func([]*labelled.Item) *classify.Weights) error {
	if len(test) == 0 && c.out == "" {
		return nil
	}
	items := all
	fold := "the untouched fold left out"
	if c.final {
		items = append(append([]*labelled.Item{}, all...), held...)
		fold = "the untouched fold included by -final"
	}
	data := train(items).Encode()
	q, err := classify.ReadWeights(data)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	if len(test) > 0 {
		name := "the weights trained here"
		if c.out != "" {
			name = "the weights written to " + c.out
		}
		reportTest(w, classify.NewWithWeights(q), fmt.Sprintf("%s (trained on %d items, %s)", name, len(items), fold), test)
	}
	if c.out != "" {
		if err := os.WriteFile(c.out, data, 0o644); err != nil {
			return fmt.Errorf("train: %w", err)
		}
		fmt.Fprintf(w, "\nwrote %s: %d bytes, trained on %d items (%s), threshold %.3f\n", c.out, len(data), len(items), fold, q.Threshold)
	}
	return nil
}

// loadItems reads the test items, the dev items and the extra items, these
// split into the pool and the untouched fold. An item labelled twice (the
// same feed saved in two folders) counts once, where it was first seen: the
// test folders first (no item of theirs is ever trained on), then the dev
// set.
func loadItems(dev string, extra, testDirs []string) (devItems, pool, held, test []*labelled.Item) {
	an := extract.NewAnalyzer()
	seen := map[string]bool{}
	dup := func(it *labelled.Item) bool {
		key := titleKey(it)
		if seen[key] {
			return true
		}
		seen[key] = true
		return false
	}
	testTitles := map[string]bool{}
	testTitle := func(it *labelled.Item) bool { return testTitles[titleKey(it)] }
	for _, d := range testDirs {
		items, err := labelled.Load(d, "labels.jsonl", an)
		check(err)
		for _, it := range items {
			if !dup(it) {
				testTitles[titleKey(it)] = true
				test = append(test, it)
			}
		}
	}
	if dev != "" {
		items, err := labelled.Load(dev, "sections_*.jsonl", an)
		check(err)
		for _, it := range items {
			// the dev set keeps its own repeats, never a test item
			if dup(it) && testTitle(it) {
				continue
			}
			it.Dev = true
			devItems = append(devItems, it)
		}
	}
	dups := 0
	for _, d := range extra {
		items, err := labelled.Load(d, "labels.jsonl", an)
		check(err)
		for _, it := range items {
			switch {
			case dup(it):
				dups++
			case it.Untouched():
				held = append(held, it)
			default:
				pool = append(pool, it)
			}
		}
	}
	fmt.Printf("items: dev %d, extra %d (+%d untouched; %d labelled twice dropped), test %d\n", len(devItems), len(pool), len(held), dups, len(test))
	return devItems, pool, held, test
}

// titleKey is an item's title as compared for repeats.
func titleKey(it *labelled.Item) string {
	return strings.ToLower(strings.Join(strings.Fields(it.Article.Title), " "))
}

// reportTest prints the figures of the weights shipped in the package and
// of the trained ones (cl, described by name) on the test items, per
// language and per feed.
func reportTest(w io.Writer, cl *classify.Classifier, name string, test []*labelled.Item) {
	ship, err := classify.New()
	check(err)
	for _, x := range []struct {
		name string
		c    *classify.Classifier
	}{{"the weights shipped in the package", ship}, {name, cl}} {
		fmt.Fprintf(w, "\ntest items (never trained on), %s (threshold %.3f):\n%s", x.name, x.c.Threshold(), labelled.Score(x.c, test))
		fmt.Fprintf(w, "  by feed:\n%s", scoreByFeed(x.c, test))
	}
}

// crossValidate prints k-fold cross-validation figures, over reps
// different splits of the items into folds (the counts add up over the
// splits), and returns the relevance threshold that best balances the
// out-of-fold errors.
func crossValidate(items []*labelled.Item, opts classify.TrainOptions, examples func([]*labelled.Item) []classify.Example, reps int, byFeed, perFeed bool, cvErrors io.Writer) float64 {
	const k = 5
	var rel []float64
	var sections []string
	var all []*labelled.Item
	quantDiffs := 0
	for rep := 0; rep < reps; rep++ {
		r, s, n := outOfFold(items, opts, examples, k, rep, byFeed)
		quantDiffs += n
		rel, sections, all = append(rel, r...), append(sections, s...), append(all, items...)
	}
	best := balancedThreshold(all, rel)
	r, rd, rf := labelled.Report{}, labelled.Report{}, labelled.Report{}
	confusion := map[[2]string]int{}
	for i, it := range all {
		d := decision(rel[i], sections[i], best)
		r.Add(it, d)
		if rf[it.Feed] == nil {
			rf[it.Feed] = &labelled.Counts{}
		}
		rf[it.Feed].Add(it.Label, d)
		if it.Dev {
			rd.Add(it, d)
		}
		got := d.Section
		if d.OffTopic {
			got = "off"
		}
		confusion[[2]string{it.Label, got}]++
		if cvErrors != nil && i < len(items) && got != classify.SectionOfLabel(it.Label) && !(got == "off" && it.Label == classify.LabelOffTopic) {
			fmt.Fprintf(cvErrors, "%s\t%s\t%.2f\t%s\t%s\t%s\n", it.Label, got, rel[i], it.Lang, it.Feed, it.Article.Title)
		}
	}
	by := ""
	if byFeed {
		by = ", whole feeds in a fold"
	}
	fmt.Printf("\n%d-fold cross-validation over %d items, %d splits%s (threshold %.2f):\n%s", k, len(items), reps, by, best, r)
	if len(rd) > 0 {
		fmt.Printf("  of which the dev items:\n%s", rd)
	}
	fmt.Printf("  (8-bit weights against unquantised: %d of %d decisions differ in section or by more than 0.02 in relevance)\n", quantDiffs, len(all))
	if perFeed {
		fmt.Printf("  by feed:\n%s", rf)
	}
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

// outOfFold returns each item's relevance and section from the model
// trained on the other folds; split numbers a way to split the items, and
// byFeed keeps each feed's items in one fold.
//
// quantDiffs counts the decisions whose section or relevance (by more than
// 0.02) the 8-bit weights change.
func outOfFold(items []*labelled.Item, opts classify.TrainOptions, examples func([]*labelled.Item) []classify.Example, k, split int, byFeed bool) (rel []float64, sections []string, quantDiffs int) {
	fold := func(it *labelled.Item) int {
		h := fnv.New32a()
		if byFeed {
			h.Write([]byte(it.Feed))
		} else {
			h.Write([]byte(it.Key()))
		}
		if split > 0 {
			fmt.Fprint(h, split)
		}
		return int(h.Sum32()/5) % k
	}
	rel = make([]float64, len(items))
	sections = make([]string, len(items))
	for f := 0; f < k; f++ {
		var train []*labelled.Item
		for _, it := range items {
			if fold(it) != f {
				train = append(train, it)
			}
		}
		w := classify.Train(examples(train), opts)
		// Judge with the weights as shipped: 8-bit. Count the decisions
		// that differ from the unquantised weights'.
		q, err := classify.ReadWeights(w.Encode())
		check(err)
		c, cf := classify.NewWithWeights(q), classify.NewWithWeights(w)
		for i, it := range items {
			if fold(it) == f {
				d, df := c.Classify(it.Article), cf.Classify(it.Article)
				rel[i], sections[i] = d.Relevance, d.Section
				if d.Section != df.Section || math.Abs(d.Relevance-df.Relevance) > 0.02 {
					quantDiffs++
				}
			}
		}
	}
	return rel, sections, quantDiffs
}

// balancedThreshold returns the relevance threshold at which the larger of
// the two error rates (off-topic items kept, on-topic items dropped) is
// least.
func balancedThreshold(items []*labelled.Item, rel []float64) float64 {
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
	return best
}

// sectionPrior parses -prior: five shares, or "dev" for the shares of the
// sections among the dev items (each count plus one).
func sectionPrior(s string, dev []*labelled.Item) []float64 {
	if s == "" {
		return nil
	}
	out := make([]float64, len(classify.Labels()))
	if s == "dev" {
		for i, l := range classify.Labels() {
			out[i] = 1
			for _, it := range dev {
				if it.Label == l {
					out[i]++
				}
			}
		}
	} else {
		parts := strings.Split(s, ",")
		if len(parts) != len(out) {
			log.Fatalf("-prior: want %d shares", len(out))
		}
		for i, p := range parts {
			v, err := strconv.ParseFloat(p, 64)
			check(err)
			out[i] = v
		}
	}
	sum := 0.0
	for _, v := range out {
		sum += v
	}
	for i := range out {
		out[i] /= sum
	}
	fmt.Printf("section prior (air, front, diplomacy, sanctions, other): %.2f\n", out)
	return out
}

// shipped is the classifier with w as shipped: quantised to 8 bits.
func shipped(w *classify.Weights) *classify.Classifier {
	q, err := classify.ReadWeights(w.Encode())
	check(err)
	return classify.NewWithWeights(q)
}

// scoreByFeed classifies every item with c and reports per feed.
func scoreByFeed(c *classify.Classifier, items []*labelled.Item) labelled.Report {
	r := labelled.Report{}
	for _, it := range items {
		if r[it.Feed] == nil {
			r[it.Feed] = &labelled.Counts{}
		}
		r[it.Feed].Add(it.Label, c.Classify(it.Article))
	}
	return r
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// printErrors lists the items c gets wrong (or all), with the features that
// weigh most.
func printErrors(c *classify.Classifier, items []*labelled.Item, all bool) {
	for _, it := range items {
		e := c.Explain(it.Article, 10)
		want := classify.SectionOfLabel(it.Label)
		got := e.Section
		if e.OffTopic {
			got = ""
		}
		if got == want && !all {
			continue
		}
		fmt.Printf("  %s %d [%s] want %q got %q rel %.2f: %s\n", it.Feed, it.Index, it.Lang, it.Label, got, e.Relevance, it.Article.Title)
		fmt.Printf("      rel: %v\n      sec: %v\n", e.ForRelevance, e.ForSection)
	}
}
