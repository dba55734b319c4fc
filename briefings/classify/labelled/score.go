package labelled

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/classify"
)

// Counts are the figures of issue 19 for one language (or all).
type Counts struct {
	OnTopic, RightSection, Dropped int // on-topic items: all, in the right section, judged off-topic
	OffTopic, Reaching             int // off-topic items: all, judged relevant (so reaching a digest)
}

// Add counts one decision on an item labelled label.
func (c *Counts) Add(label string, d briefings.Classification) {
	if label == classify.LabelOffTopic {
		c.OffTopic++
		if !d.OffTopic {
			c.Reaching++
		}
		return
	}
	c.OnTopic++
	switch {
	case d.OffTopic:
		c.Dropped++
	case d.Section == classify.SectionOfLabel(label):
		c.RightSection++
	}
}

// Merge adds o to c.
func (c *Counts) Merge(o Counts) {
	c.OnTopic += o.OnTopic
	c.RightSection += o.RightSection
	c.Dropped += o.Dropped
	c.OffTopic += o.OffTopic
	c.Reaching += o.Reaching
}

// RightPct, ReachingPct and DroppedPct are the three figures in percent.
func (c Counts) RightPct() float64    { return pct(c.RightSection, c.OnTopic) }
func (c Counts) ReachingPct() float64 { return pct(c.Reaching, c.OffTopic) }
func (c Counts) DroppedPct() float64  { return pct(c.Dropped, c.OnTopic) }

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

func (c Counts) String() string {
	return fmt.Sprintf("right section %5.1f%% (%d/%d)  off-topic reaching %5.1f%% (%d/%d)  on-topic dropped %5.1f%% (%d/%d)",
		c.RightPct(), c.RightSection, c.OnTopic, c.ReachingPct(), c.Reaching, c.OffTopic, c.DroppedPct(), c.Dropped, c.OnTopic)
}

// Report counts decisions per language.
type Report map[string]*Counts

// Add counts the decision on it under its language.
func (r Report) Add(it *Item, d briefings.Classification) {
	c := r[it.Lang]
	if c == nil {
		c = &Counts{}
		r[it.Lang] = c
	}
	c.Add(it.Label, d)
}

// Total sums every language.
func (r Report) Total() Counts {
	var t Counts
	for _, c := range r {
		t.Merge(*c)
	}
	return t
}

// String lists each language, then all.
func (r Report) String() string {
	var langs []string
	for l := range r {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var b strings.Builder
	for _, l := range langs {
		fmt.Fprintf(&b, "  %-4s %s\n", l, r[l])
	}
	fmt.Fprintf(&b, "  %-4s %s\n", "all", r.Total())
	return b.String()
}

// Score classifies every item with c and reports per language.
func Score(c briefings.Classifier, items []*Item) Report {
	r := Report{}
	for _, it := range items {
		r.Add(it, c.Classify(it.Article))
	}
	return r
}
