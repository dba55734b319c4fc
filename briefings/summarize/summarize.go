// Package summarize is the default extractive summarizer: it picks whole
// sentences, verbatim, in article order.
//
// Each sentence gets a score from four signals: centrality (how much of the
// article's recurring vocabulary it carries), position (news puts the key
// facts first), overlap with the title, and figures (sentences that state
// numbers, above all counts of drones and missiles). Boilerplate (bylines,
// captions, "Read more", fragments) scores nothing. Sentences are then
// chosen greedily by maximal marginal relevance, so that a sentence that
// repeats one already chosen loses its score, and returned in article order.
// Every tie is broken by position, so the output is the same on every run.
package summarize

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/text"
)

// Summarizer implements briefings.Summarizer. The zero value is not ready;
// use New. A Summarizer holds only settings, so one may serve many
// goroutines.
type Summarizer struct {
	// Lead is the weight of position: the first sentence gets Lead, later
	// ones less, decaying with their rank.
	Lead float64
	// Title is the weight of overlap with the title.
	Title float64
	// Figures is the weight of numbers written in digits (four times as
	// much in a sentence about strikes and air defence).
	Figures float64
	// Counts is the weight of a sentence that counts weapons ("112 strike
	// and decoy drones", "84 БпЛА"): the figures a briefing about an attack
	// must carry, wherever they stand in the article.
	Counts float64
	// Redundancy is the MMR trade-off: a candidate's score is multiplied by
	// (1 - Redundancy*similarity) to the closest sentence already chosen.
	Redundancy float64
	// Shared is the boost, per other document, of a sentence whose fact
	// other articles of a story also state.
	Shared float64
	// Duplicate is the similarity above which a sentence counts as a copy
	// of one already chosen and is skipped.
	Duplicate float64
	// Focus is, in SummarizeFocused, the share of a sentence's score that
	// rides on the reader's query: a sentence with none of the query's
	// terms keeps 1-Focus of its score, one with all of them keeps it all.
	Focus float64
}

// New returns a Summarizer with the default settings.
func New() *Summarizer {
	return &Summarizer{
		Lead:       0.6,
		Title:      0.3,
		Figures:    0.15,
		Counts:     1.0,
		Redundancy: 0.5,
		Duplicate:  0.7,
		Shared:     0.3,
		Focus:      0.8,
	}
}

var _ briefings.Summarizer = (*Summarizer)(nil)

// sentence is one candidate with its features.
type sentence struct {
	text   string
	idx    int // order over all documents
	doc    int
	pos    int     // rank within its document, boilerplate not counted
	terms  []int32 // distinct content terms, sorted
	words  int     // all words, stop words included
	nums   int     // numbers written in digits
	attack bool    // speaks of drones, missiles, interceptions
	counts bool    // a number stands within three words of a weapon
	boiler bool
	score  float64
	simMax float64 // highest similarity to a chosen sentence
}

// Summarize returns up to n sentences of body, verbatim and in article
// order. title may be empty.
func (z *Summarizer) Summarize(title, body string, n int) []string {
	picked := z.SummarizeStory([]briefings.Doc{{Title: title, Body: body}}, n)
	if len(picked) == 0 {
		return nil
	}
	out := make([]string, len(picked))
	for i, p := range picked {
		out[i] = p.Sentence
	}
	return out
}

// SummarizeStory picks up to n (at most 500) sentences across docs,
// articles about one event. Terms and facts that several documents share weigh more; a
// sentence that repeats one already picked (a wire copy) is skipped. The
// result is ordered by position within each article (leads first), then by
// document; with one document that is article order.
func (z *Summarizer) SummarizeStory(docs []briefings.Doc, n int) []briefings.Picked {
	return z.summarize(docs, "", n)
}

// SummarizeFocused is SummarizeStory for a reader's question or topic
// ("drones over Kyiv", "security guarantees"): sentences holding the
// query's words weigh more, and a query about strikes or air defence
// favours sentences about them, so an article that matched the query for
// one paragraph contributes that paragraph and not its unrelated lead.
// Sentences holding no query word are left out, so the result may have
// fewer than n; when no sentence holds one, the result is SummarizeStory's.
func (z *Summarizer) SummarizeFocused(docs []briefings.Doc, query string, n int) []briefings.Picked {
	return z.summarize(docs, query, n)
}

func (z *Summarizer) summarize(docs []briefings.Doc, query string, n int) []briefings.Picked {
	if n <= 0 || len(docs) == 0 {
		return nil
	}
	n = min(n, maxPicks)
	a := pool.Get().(*analysis)
	defer a.release()
	for d, doc := range docs {
		a.addDoc(d, doc)
	}
	if len(a.sents) == 0 {
		return nil
	}
	z.score(a, len(docs))
	if query != "" {
		z.focus(a, query)
	}
	chosen := z.pick(a, n, len(docs))
	out := make([]briefings.Picked, len(chosen))
	for i, s := range chosen {
		out[i] = briefings.Picked{Doc: s.doc, Sentence: s.text}
	}
	return out
}

// maxPicks caps n: picking costs O(n * sentences), and a summary of more
// sentences than this is no summary.
const maxPicks = 500

// pool keeps analyses for reuse: a call then allocates little beyond its
// result and the words it has not seen in lower case.
var pool = sync.Pool{New: func() any {
	return &analysis{vocab: make(map[string]int32, 512)}
}}

// release empties a and returns it to the pool, keeping its capacity but
// no reference to the caller's text.
func (a *analysis) release() {
	clear(a.vocab)
	a.tf, a.docFreq, a.lastDoc, a.seen = a.tf[:0], a.docFreq[:0], a.lastDoc[:0], a.seen[:0]
	clear(a.titles)
	a.titles = a.titles[:0]
	clear(a.sents)
	a.sents = a.sents[:0]
	a.chosen = a.chosen[:0]
	a.cands = a.cands[:0]
	a.arena = a.arena[:0]
	a.focused = false
	pool.Put(a)
}

// analysis is the working state of one call.
type analysis struct {
	vocab   map[string]int32
	tf      []int32 // occurrences of each term over all documents
	docFreq []int32 // documents holding each term
	lastDoc []int32 // last document counted in docFreq, plus one
	titles  [][]int32
	sents   []sentence
	seen    []int32 // scratch: last sentence that counted a term, plus one
	arena   []int32 // backing store of the sentences' term lists
	cands   []*sentence
	chosen  []*sentence
	focused bool // a query re-weighed the scores: no fixed lead
}

// term returns the id of w. When w is a view of scratch memory (owned is
// false) it is copied before the map keeps it; otherwise it is a substring
// of the caller's text, which outlives the call.
func (a *analysis) term(w string, owned bool) int32 {
	id, ok := a.vocab[w]
	if !ok {
		id = int32(len(a.tf))
		if !owned {
			w = strings.Clone(w)
		}
		a.vocab[w] = id
		a.tf = append(a.tf, 0)
		a.docFreq = append(a.docFreq, 0)
		a.lastDoc = append(a.lastDoc, 0)
		a.seen = append(a.seen, 0)
	}
	return id
}

// terms appends the distinct content terms of s to dst, sorted from the
// length dst had.
func (a *analysis) terms(dst []int32, s string, count bool, doc int) (out []int32, words, nums int, attack, counts bool) {
	lastNum, lastWeapon := -10, -10
	var buf [64]byte
	from := len(dst)
	mark := int32(len(a.sents) + 1)
	if !count {
		mark = -1 // the title
	}
	for i := 0; ; {
		w, next := text.NextWord(s, i)
		if w == "" {
			break
		}
		i = next
		words++
		if text.IsNumeral(w) {
			nums++
			lastNum = words
			counts = counts || words-lastWeapon <= 3
		}
		lw, owned := w, true
		if text.HasUpper(w) {
			// Lower-case into scratch memory; term copies it if it keeps it.
			low := text.AppendLower(buf[:0], w)
			if len(low) > len(buf) {
				continue // a very long token: not a term
			}
			lw, owned = unsafeString(low), false
		}
		flags := lexicon(lw)
		attack = attack || flags&flagAttack != 0
		if flags&flagWeapon != 0 {
			lastWeapon = words
			counts = counts || words-lastNum <= 3
		}
		single := len(lw) <= utf8.UTFMax && utf8.RuneCountInString(lw) < 2
		if flags&flagStop != 0 || single && !text.IsNumeral(lw) {
			continue
		}
		id := a.term(text.Stem(lw), owned)
		if count {
			a.tf[id]++
			if a.lastDoc[id] != int32(doc+1) {
				a.lastDoc[id] = int32(doc + 1)
				a.docFreq[id]++
			}
		}
		if a.seen[id] == mark {
			continue
		}
		a.seen[id] = mark
		dst = append(dst, id)
	}
	slices.Sort(dst[from:])
	return dst, words, nums, attack, counts
}

func (a *analysis) addDoc(d int, doc briefings.Doc) {
	var title []int32
	if doc.Title != "" {
		title, _, _, _, _ = a.terms(nil, doc.Title, false, d)
		// Title terms were marked with a sentence number nobody has; reset.
		for _, id := range title {
			a.seen[id] = 0
		}
	}
	a.titles = append(a.titles, title)
	pos := 0
	for _, s := range text.Sentences(doc.Body) {
		st := sentence{text: s, idx: len(a.sents), doc: d, pos: pos}
		from := len(a.arena)
		a.arena, st.words, st.nums, st.attack, st.counts = a.terms(a.arena, s, true, d)
		st.terms = a.arena[from:len(a.arena):len(a.arena)]
		st.boiler = isBoilerplate(s, st.words, st.nums)
		a.sents = append(a.sents, st)
		if !st.boiler {
			pos++ // a byline or caption does not take the lead position
		}
	}
}

func (z *Summarizer) score(a *analysis, ndocs int) {
	// Centrality: the mean, over a sentence's terms, of how often the term
	// recurs in the text (log-damped), so long sentences do not win by
	// length alone; scaled by the square root of the term count so that
	// sentences with more substance still rank higher.
	best := 0.0
	for i := range a.sents {
		s := &a.sents[i]
		if s.boiler || len(s.terms) == 0 {
			continue
		}
		sum := 0.0
		for _, id := range s.terms {
			w := math.Log1p(float64(a.tf[id] - 1))
			if ndocs > 1 {
				w *= 1 + math.Log(float64(a.docFreq[id]))
			}
			sum += w
		}
		s.score = sum / math.Sqrt(float64(len(s.terms)))
		best = max(best, s.score)
	}
	for i := range a.sents {
		s := &a.sents[i]
		if s.boiler || len(s.terms) == 0 {
			s.score = 0
			continue
		}
		c := 0.0
		if best > 0 {
			c = s.score / best
		}
		lead := z.Lead / (1 + float64(s.pos))
		title := 0.0
		if t := a.titles[s.doc]; len(t) > 0 {
			title = z.Title * float64(overlap(s.terms, t)) / float64(len(t))
		}
		fig := 0.0
		if s.nums > 0 {
			fig = z.Figures * math.Min(float64(s.nums), 3) / 3
			if s.attack {
				fig *= 4
			}
		}
		if s.counts {
			fig += z.Counts
		}
		short := 1.0
		if s.words < 8 {
			short = float64(s.words) / 8
		}
		s.score = (c + lead + title + fig) * short
	}
	if ndocs > 1 {
		z.support(a)
	}
}

// focus re-weighs the scores by the query. When some sentence holds a query
// term, a sentence holding none is left out (score 0), and the others keep
// 1-Focus of their score plus Focus times the share of the query's terms
// they hold. A query that speaks of strikes or air defence ("drones",
// "missile attack") counts a sentence about them as holding at least half
// of it, so "/summary attacks" finds "intercepted 37 drones". A query with
// no match anywhere leaves the scores as they were.
func (z *Summarizer) focus(a *analysis, query string) {
	q, _, _, attack, _ := a.terms(nil, query, false, -1)
	for _, id := range q {
		a.seen[id] = 0 // the query's mark, as the title's, is no sentence's
	}
	if len(q) == 0 {
		return
	}
	match := func(s *sentence) float64 {
		m := float64(overlap(s.terms, q)) / float64(len(q))
		if attack && s.attack {
			m = max(m, 0.5)
		}
		return m
	}
	for i := range a.sents {
		if s := &a.sents[i]; s.score > 0 && match(s) > 0 {
			a.focused = true
			break
		}
	}
	if !a.focused {
		return
	}
	for i := range a.sents {
		s := &a.sents[i]
		if m := match(s); m > 0 {
			s.score *= 1 - z.Focus + z.Focus*m
		} else {
			s.score = 0
		}
	}
}

// supportWindow bounds the pairwise comparison of support: only the first
// sentences of each article (where shared facts stand), and at most
// supportMax sentences in all, so a story of many long articles costs at
// most supportMax² similarity tests.
const (
	supportWindow = 40
	supportMax    = 1000
)

// support raises sentences whose fact other documents also state (a wire
// copy or a close paraphrase): each other document that has a sentence
// sharing at least half the terms of the shorter one adds Shared.
func (z *Summarizer) support(a *analysis) {
	idx := a.cands[:0] // scratch: the sentences compared
	for i := range a.sents {
		if s := &a.sents[i]; s.score > 0 && s.pos < supportWindow && len(idx) < supportMax {
			idx = append(idx, s)
		}
	}
	for _, s := range idx {
		others, lastDoc := 0, -1
		for _, o := range idx {
			if o.doc == s.doc || o.doc == lastDoc {
				continue
			}
			if similarity(s.terms, o.terms) >= 0.5 {
				others++
				lastDoc = o.doc
			}
		}
		s.score *= 1 + z.Shared*float64(others)
	}
	a.cands = idx[:0]
}

// pick chooses up to n sentences by maximal marginal relevance and returns
// them in reading order. Each candidate keeps its highest similarity to the
// sentences chosen so far, updated once per pick, so the work is
// O(n * sentences) similarity tests.
func (z *Summarizer) pick(a *analysis, n, ndocs int) []*sentence {
	cands := a.cands[:0]
	for i := range a.sents {
		if s := &a.sents[i]; !s.boiler && len(s.terms) > 0 && (s.score > 0 || !a.focused) {
			s.simMax = 0
			cands = append(cands, s)
		}
	}
	chosen := a.chosen[:0]
	take := func(i int) {
		c := cands[i]
		chosen = append(chosen, c)
		cands = slices.Delete(cands, i, i+1)
		for _, s := range cands {
			s.simMax = max(s.simMax, similarity(s.terms, c.terms))
		}
	}
	if ndocs == 1 && !a.focused && len(cands) > 0 && cands[0].pos == 0 {
		// One article: its lead is the best single sentence of a news
		// story (who, what, where), so it is always taken first.
		take(0)
	}
	for len(chosen) < n && len(cands) > 0 {
		bi, bv := -1, -1.0
		for i, s := range cands {
			if s.simMax >= z.Duplicate {
				continue // a copy of a chosen sentence
			}
			v := s.score * (1 - z.Redundancy*s.simMax)
			if v > bv { // strict: the earlier sentence wins a tie
				bi, bv = i, v
			}
		}
		if bi < 0 {
			break
		}
		take(bi)
	}
	// One article: article order. A story: by position in its article, then
	// by document, so that leads come first and the text reads as news.
	slices.SortFunc(chosen, func(x, y *sentence) int {
		if x.pos != y.pos {
			return x.pos - y.pos
		}
		return x.idx - y.idx
	})
	a.cands, a.chosen = cands, chosen
	return chosen
}

// overlap counts the terms two sorted lists share.
func overlap(a, b []int32) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// similarity is the overlap of two sorted term lists relative to the
// shorter one, so that a sentence contained in another counts as a copy.
func similarity(a, b []int32) float64 {
	m := min(len(a), len(b))
	if m == 0 {
		return 0
	}
	return float64(overlap(a, b)) / float64(m)
}

// unsafeString views b as a string without copying. The result is only
// used for lookups while b is unchanged; term clones it before keeping it.
func unsafeString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}
