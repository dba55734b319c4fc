package classify_test

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep/briefings/classify"
	"github.com/sitrep/sitrep/briefings/classify/labelled"
	"github.com/sitrep/sitrep/briefings/extract"
	"github.com/sitrep/sitrep/briefings/internal/shared"
)

// Floors of the corpus test: what the shipped model must do at least on
// labelled items it has not seen. Issue 19's goals are 85 %, 5 % and 5 %;
// the model does not reach them yet. Trained without them, it put 61-76 %
// of on-topic items in the right section, let 8-13 % of off-topic items
// through and dropped 4-13 % of on-topic ones: in cross-validation over
// 2,083 labelled items (by item and by whole feed), on the corpus's
// sections_dev.jsonl held out, and on an untouched fifth of the labels (73
// / 9.5 / 8.6 %; 64.5 / 12.0 / 12.3 % leaving out the news-card pages whose
// stories recur in several outlets). The floors sit just below those
// figures, with room for the sampling error of a set of about a hundred
// items, so that a regression fails and a fair sample passes.
//
// Those labels were lost; the shipped weights now start from the model they
// trained and are adjusted on 666 newer labels (the corpus's 110 and 556
// items of eight other public feeds, mostly headlines without a teaser:
// train -from shipped). On 274 items of four feeds kept out of all training
// (split off by feed, English and Russian headlines 2021-2024), they put
// 70.1 % of on-topic items in the right section, let 2.5 % of off-topic
// items through and dropped 2.6 % (the weights before: 61.0 / 2.5 / 5.2);
// on the English ones alone 56.2 / 3.1 / 4.2 (before: 41.7 / 3.1 / 8.3).
// On 130 headlines of other outlets labelled after they were chosen: 54.8
// / 10.2 / 2.4 (before: 45.2 / 5.7 / 9.5): Russia named in a headline now
// weighs more towards relevance, and lets more headlines about Russia but
// not the war through.
// The next weights add a concept of artillery shelling and 94 items of
// Ukrainian, Russian and English news pages and feeds (2022 and 2026) to
// the training, those 404 held-out items too (942 items in all: the
// trainer's hashed fifth stays out, as without -final). On 67 items of seven other
// feeds kept out of all training (split off by feed; 35 Ukrainian, 17
// Russian, 15 English) they put 72.7 % of on-topic items in the right
// section, let none of 12 off-topic items through and dropped 7.3 %
// (the weights before: 67.3 / 8.3 / 9.1); Ukrainian items alone 67.9 /
// 0 / 10.7 (before: 53.6 / 14.3 / 3.6).
// The next weights start from those (train -from shipped -froml2 30 -final)
// and add 627 items of two new sets split off by feed (classify6: CNN 2022,
// Moscow Times 2024-2025, LIGA 2021; classify7: Ukrainian, Russian and
// English outlets 2025-2026), with concepts for household power cuts and
// for settlements. On their 170 untouched items (ten feeds kept out of all
// training, scored once) they put 58.3 % of on-topic items in the right
// section, let 11.2 % of off-topic items through and dropped 15.3 % (the
// weights before: 52.8 / 9.2 / 20.8); English 52.8 / 8.9 / 15.1 (before
// 56.6 / 7.1 / 18.9), Russian 62.5 / 21.7 / 37.5 (25.0 / 13.0 / 62.5),
// Ukrainian 81.8 / 5.3 / 0 (63.6 / 10.5 / 0).
// The next weights (train -from shipped -froml2 3 -final) read the
// publisher's section words too and add 2,202 items of six new sets
// (classify8 to classify13: Russian, Ukrainian and English general-news
// feeds 2022-2026, each scored once as untouched before it joined the
// training). On 264 items of a seventh set kept out of all training
// (classify14: CNN International, Novaya Gazeta Europe, Novosti Donbassa,
// 056.ua, UNIAN) they put 75.0 % of on-topic items in the right section,
// let 8.8 % of off-topic items through and dropped 14.4 % (the weights
// before: 57.7 / 6.9 / 18.3).
// The next weights start from those (train -from shipped -froml2 100
// -final, threshold set to 0.50) and add 1,404 items of three dev sets:
// classify16 (Russian and Ukrainian outlets 2025-2026), classify17 (The
// Guardian 2022, NYT World 2023, Russian feature sections and a Ukrainian
// rights outlet 2025-2026) and classify18 (English world outlets
// 2022-2025); the lexicon no longer reads storming, frosty welcomes or
// rockets that rain down as weather, and reads English oligarchs as
// sanctions. In cross-validation by whole feed over those sets (5 splits)
// they put 3.4 points more of on-topic items in the right section than
// the weights before, let 0.1 point more of off-topic items through and
// drop 0.9 point fewer (English +6.0 / +0.1 / -1.8).
// Headline-only items are harder than this corpus's: the section floor is
// not met on such sets yet.
const (
	floorRight    = 60.0 // on-topic items in the right section, %
	ceilReaching  = 16.0 // off-topic items that would reach a digest, %
	ceilDropped   = 15.0 // on-topic items dropped as off-topic, %
	minItemsFloor = 20   // fewer labelled items than this: report only
)

// TestSectionsCorpus classifies every labelled item of the evaluation
// corpus (../shared/corpus/sections_*.jsonl with feeds/) exactly as
// ingestion does: each feed parsed by the ingester's parser, the attack
// reader run, then the classifier. It reports, per language, on-topic items
// in the right section, off-topic items that would reach a digest, and
// on-topic items dropped; it fails below the floors. With
// SITREP_EXTRA_SECTIONS=<dir> it scores <dir>/labels.jsonl with <dir>/feeds
// the same way.
func TestSectionsCorpus(t *testing.T) {
	c, err := classify.New()
	if err != nil {
		t.Fatal(err)
	}
	dir := shared.Corpus(t)
	items, err := labelled.Load(dir, "sections_*.jsonl", extract.NewAnalyzer())
	if err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 {
		t.Skip("no sections_*.jsonl in the corpus")
	}
	check(t, "corpus sections_*.jsonl (the shipped model was trained on sections_dev.jsonl)", labelled.Score(c, items))

	if extra := os.Getenv("SITREP_EXTRA_SECTIONS"); extra != "" {
		items, err := labelled.Load(extra, "labels.jsonl", extract.NewAnalyzer())
		if err != nil {
			t.Fatal(err)
		}
		check(t, extra+" (partly training data of the shipped model)", labelled.Score(c, items))
	}
}

func check(t *testing.T, name string, r labelled.Report) {
	t.Helper()
	t.Logf("%s:\n%s", name, r)
	all := r.Total()
	if all.OnTopic+all.OffTopic < minItemsFloor {
		return
	}
	if all.OnTopic > 0 && all.RightPct() < floorRight {
		t.Errorf("%s: on-topic items in the right section %.1f%% < %.0f%%", name, all.RightPct(), floorRight)
	}
	if all.OffTopic > 0 && all.ReachingPct() > ceilReaching {
		t.Errorf("%s: off-topic items reaching a digest %.1f%% > %.0f%%", name, all.ReachingPct(), ceilReaching)
	}
	if all.OnTopic > 0 && all.DroppedPct() > ceilDropped {
		t.Errorf("%s: on-topic items dropped %.1f%% > %.0f%%", name, all.DroppedPct(), ceilDropped)
	}
}

// BenchmarkClassifyCorpus classifies the corpus's labelled feed items (real
// titles, teasers and bodies) one after another.
func BenchmarkClassifyCorpus(b *testing.B) {
	c, err := classify.New()
	if err != nil {
		b.Fatal(err)
	}
	items, err := labelled.Load(shared.Corpus(b), "sections_*.jsonl", nil)
	if err != nil || len(items) == 0 {
		b.Skip("no labelled items", err)
	}
	b.ReportAllocs()
	cpu0 := shared.CPUTime()
	n := 0
	for b.Loop() {
		c.Classify(items[n%len(items)].Article)
		n++
	}
	if cpu := shared.CPUTime() - cpu0; cpu0 > 0 && cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu-µs/op")
	}
}
