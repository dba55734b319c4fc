// Package cluster groups articles about one event into stories: near-
// duplicate wire copies and different outlets' reports of the same event.
//
// Design. A Fingerprint is a small, readable signature of the headline and
// the lead (the first 90 words), where news states who, what, where and
// when: up to 28 salient terms (stop words dropped, light English stemming,
// transliteration variants folded: Zelenskiy/Zelenskyy, Kiev/Kyiv), which
// of them are names (capitalized mid-sentence; headline capitals are ignored
// when the headline is in Title Case), the figures stated (numbers >= 10 that
// are not years) and the weekdays named. Two articles are compared by a
// weighted Dice overlap of terms (names weigh double, ubiquitous domain
// words such as "Ukraine" a third), blended with the share of names in
// common, plus a bonus for a shared figure. Hard vetoes keep apart what
// wording cannot: both state figures and share none (two nights' attacks:
// 146 drones vs 88), or both name weekdays and share none (Thursday's talks
// vs Friday's meeting). Reports a day apart need a higher score, and only
// articles published within the index's window of each other are compared.
// Two articles of one source need SameSourceThreshold: an outlet writes an
// event up once, so its other articles of the day are other stories however
// much of its house style they share. The events of the fingerprint are the
// attack events the article's reports identify (AttackReport.StoryKey): the
// same event is the same story, in any language. A source's report that
// names no date is its update of its dated report of the same attacker,
// target and regions when published in that event's reporting window, and
// another event's when published outside it (update.go).
// A story also closes: an article joins a story only while the story's first
// indexed article is within the index's span (DefaultSpan) of it, so a
// recurring subject starts a new story every few days instead of growing one
// story for weeks.
// The index keeps postings from terms and figures to recent articles, so a
// match looks only at candidates sharing at least two of them.
package cluster

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// Threshold is the least similarity for two articles to share a story.
const Threshold = 0.30

// SameSourceThreshold is the least similarity for two articles of one
// source to share a story. A story is one event however many outlets carry
// it; one outlet writes an event up once, and its other articles of the
// day are other stories, however much of its house vocabulary and the
// day's names (the president, the capital) they share. Its update of an
// article (a new version under a new link) is far above this, and two of
// its reports of one attack event share the event's key.
const SameSourceThreshold = 0.60

// minNames is the least number of names the share of names in common is
// measured on.
const minNames = 3

// maxPosting bounds the candidate lists: a term shared by more entries than
// this says too little to find candidates with (it still counts in scoring).
const maxPosting = 300

// rareKeys is how many of a query's rarest keys find candidates.
const rareKeys = 12

// DefaultSpan is how far apart a story's first article and a new member may
// be published.
const DefaultSpan = 72 * time.Hour

type entry struct {
	id, story int64
	source    int64 // the article's source (0: unknown)
	at        time.Time
	sig       sig
	slot      int32 // index of the entry's counter in a match's scratch
}

// Index is an in-memory map of recent articles' fingerprints to their
// stories. It is safe for concurrent use.
type Index struct {
	mu       sync.RWMutex
	window   time.Duration
	span     time.Duration
	entries  map[int64]*entry
	first    map[int64]time.Time // story id -> its earliest indexed article
	own      map[ownKey]int32    // a story's indexed articles per source
	postings map[string][]*entry
	newest   time.Time
	adds     int
	// Every live entry holds a distinct slot below slots; pruned entries'
	// slots are reused.
	slots int32
	free  []int32
}

// New returns an index that matches articles published within window of
// each other.
func New(window time.Duration) *Index {
	if window <= 0 {
		window = 48 * time.Hour
	}
	return &Index{window: window, span: max(DefaultSpan, window), entries: map[int64]*entry{},
		first: map[int64]time.Time{}, own: map[ownKey]int32{}, postings: map[string][]*entry{}}
}

// SetSpan sets how far apart a story's first article and a new member may
// be published (DefaultSpan, or the window when that is longer); d <= 0
// restores the default. Call it before the index is used.
func (x *Index) SetSpan(d time.Duration) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if d <= 0 {
		d = max(DefaultSpan, x.window)
	}
	x.span = d
}

// Span is the longest a story may run, first article to last.
func (x *Index) Span() time.Duration {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.span
}

// open reports whether an article published at t may still join story.
// Called with x.mu held.
func (x *Index) open(story int64, t time.Time) bool {
	first, ok := x.first[story]
	return !ok || t.Sub(first) <= x.span
}

// noteFirst records that story has an article published at t.
// Called with x.mu held for writing.
func (x *Index) noteFirst(story int64, t time.Time) {
	if f, ok := x.first[story]; !ok || t.Before(f) {
		x.first[story] = t
	}
}

// Window is the index's matching window.
func (x *Index) Window() time.Duration { return x.window }

// Len is the number of indexed articles.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.entries)
}

func sigOf(a *briefings.Article) (sig, bool) {
	if a.Fingerprint != "" {
		if s, ok := parseSig(a.Fingerprint); ok {
			return s, true
		}
	}
	if a.Title == "" && a.Body == "" && a.Teaser == "" {
		return sig{}, false
	}
	body := a.Body
	if body == "" {
		body = a.Teaser
	}
	return buildSig(a.Title, body), true
}

// Match returns the story of the most similar indexed article published
// within the window around a.PublishedAt, if any is similar enough. Stories
// whose first indexed article is more than the span before a.PublishedAt
// are closed and not matched.
func (x *Index) Match(a *briefings.Article) (storyID int64, ok bool) {
	s, ok := sigOf(a)
	if !ok {
		return 0, false
	}
	return x.match(a, &s, nil)
}

// MatchSignature is Match with a's signature prepared by the caller (g is
// the signature of a's Fingerprint, or of its text when it has none).
func (x *Index) MatchSignature(a *briefings.Article, g *Signature) (storyID int64, ok bool) {
	if g == nil {
		return x.Match(a)
	}
	s := g.s
	return x.match(a, &s, g.keys)
}

// match finds a's story; keys are s.keys() when the caller has them.
func (x *Index) match(a *briefings.Article, sp *sig, keys []string) (storyID int64, ok bool) {
	if len(sp.terms) == 0 {
		return 0, false
	}
	s := *sp
	if keys == nil {
		keys = s.keys()
	}
	x.mu.RLock()
	defer x.mu.RUnlock()
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	x.candidates(sc, a, keys)
	// Score the candidates; an entry of a's own source counts only above
	// SameSourceThreshold, and a story that holds an article of a's source
	// is open to a only when one of them scored so (an outlet writes an
	// event up once: its other articles are other stories).
	for _, e := range sc.touched {
		if n := sc.count[e.slot]; n < 2 || e.id == a.ID && a.ID != 0 {
			continue
		}
		gap := a.PublishedAt.Sub(e.at)
		if gap < 0 {
			gap = -gap
		}
		if gap > x.window || !x.open(e.story, a.PublishedAt) {
			continue
		}
		score := similarity(&s, &e.sig, gap)
		if a.SourceID != 0 && e.source == a.SourceID {
			// The source's update of its report of an event, or its report
			// of another night's (update).
			switch update(&s, &e.sig, a.PublishedAt, e.at) {
			case 1:
				score = 1
			case -1:
				score = 0
			}
			if score < SameSourceThreshold {
				continue
			}
			sc.ownOK = append(sc.ownOK, e.story)
		}
		if score >= Threshold {
			sc.scored = append(sc.scored, scored{e, score})
		}
	}
	var best *scored
	for i := range sc.scored {
		c := &sc.scored[i]
		if a.SourceID != 0 && x.own[ownKey{c.e.story, a.SourceID}] > 0 && !slices.Contains(sc.ownOK, c.e.story) {
			continue
		}
		if best == nil || c.score > best.score || c.score == best.score && c.e.id < best.e.id {
			best = c
		}
	}
	if best == nil {
		return 0, false
	}
	return best.e.story, true
}

// candidates counts, in sc, the entries published within the window of a
// that share the query's rarest keys: at least two of them are needed to
// be compared (names, places and figures are rare; a report of the same
// event shares them), and a shared dated attack event counts as two keys
// on its own. Called with x.mu held.
func (x *Index) candidates(sc *scratch, a *briefings.Article, keys []string) {
	lists := sc.lists[:0]
	for _, t := range keys {
		if p := x.postings[t]; len(p) > 0 && len(p) <= maxPosting {
			w, own := 1, false
			switch t[0] {
			case '@':
				w = 2
			case '~':
				// an attack's attacker, target and regions without its
				// date: a candidate of a's own source only (update)
				w, own = 2, true
			}
			lists = append(lists, posting{p, w, own})
		}
	}
	sort.Slice(lists, func(i, j int) bool { return len(lists[i].p) < len(lists[j].p) })
	if len(lists) > rareKeys {
		lists = lists[:rareKeys]
	}
	sc.lists = lists
	lo, hi := a.PublishedAt.Add(-x.window), a.PublishedAt.Add(x.window)
	if len(sc.count) < int(x.slots) {
		sc.count = make([]int32, int(x.slots)+int(x.slots)/4+64)
	}
	for _, l := range lists {
		for _, e := range l.p {
			if l.own && (a.SourceID == 0 || e.source != a.SourceID) {
				continue
			}
			if !e.at.Before(lo) && !e.at.After(hi) {
				if sc.count[e.slot] == 0 {
					sc.touched = append(sc.touched, e)
				}
				sc.count[e.slot] += int32(l.w)
			}
		}
	}
}

// scored is a candidate entry and its similarity to the query.
type scored struct {
	e     *entry
	score float64
}

// ownKey counts a story's indexed articles of one source.
type ownKey struct{ story, source int64 }

// scratch is a match's candidate counts: count[e.slot] is how many of the
// query's keys entry e shares (weighted), touched the entries counted, in
// the order first seen. A plain array indexed by slot costs no hashing.
type scratch struct {
	count   []int32
	touched []*entry
	lists   []posting // the query's candidate lists
	scored  []scored  // the candidates similar enough
	ownOK   []int64   // stories where an article of the query's source is similar enough
}

// posting is the entries indexed under one of a query's keys, and the
// weight of sharing that key.
type posting struct {
	p   []*entry
	w   int
	own bool // counts only entries of the query's source
}

// release zeroes sc's counts and returns it to the pool without references
// to entries.
func (sc *scratch) release() {
	for _, e := range sc.touched {
		sc.count[e.slot] = 0
	}
	clear(sc.touched)
	sc.touched = sc.touched[:0]
	clear(sc.lists[:cap(sc.lists)])
	sc.lists = sc.lists[:0]
	clear(sc.scored)
	sc.scored = sc.scored[:0]
	sc.ownOK = sc.ownOK[:0]
	scratchPool.Put(sc)
}

// scratchPool keeps scratches for reuse: a busy index counts thousands of
// candidates per match.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Similarity scores two articles' fingerprints in [0, 1], 0 when they state
// different figures or weekdays. Exposed for tools and tests.
func Similarity(fpA, fpB string, gap time.Duration) float64 {
	a, ok1 := parseSig(fpA)
	b, ok2 := parseSig(fpB)
	if !ok1 || !ok2 {
		return 0
	}
	return similarity(&a, &b, gap)
}

func similarity(a, b *sig, gap time.Duration) float64 {
	if a.w == nil {
		a.prepare()
	}
	if b.w == nil {
		b.prepare()
	}
	// Each list pair is compared once: a conflict is both lists non-empty
	// and nothing shared.
	sharedEvent := shares(a.events, b.events, a.eventMask, b.eventMask)
	if !sharedEvent && len(a.events) > 0 && len(b.events) > 0 {
		return 0
	}
	// The same dated attack event is the same story, in any language.
	if sharedEvent {
		return 1
	}
	if len(a.days) > 0 && len(b.days) > 0 && !shares(a.days, b.days, a.dayMask, b.dayMask) {
		return 0
	}
	sharedFigure := shares(a.numbers, b.numbers, a.numMask, b.numMask)
	if !sharedFigure && len(a.numbers) > 0 && len(b.numbers) > 0 {
		return 0
	}
	// Weighted Dice over terms: names weigh 2, others 1; a term's weight
	// also falls with its rank in the signature.
	// One merge of the alphabetical term lists finds the shared terms and
	// the shared names.
	var inter float64
	en := 0
	for i, j := 0, 0; i < len(a.sorted) && j < len(b.sorted); {
		x, y := a.sorted[i], b.sorted[j]
		switch c := strings.Compare(a.terms[x], b.terms[y]); {
		case c == 0:
			inter += min(a.w[x], b.w[y])
			if a.ent[x] && b.ent[y] && !common[a.terms[x]] {
				en++
			}
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	ta, tb := a.total, b.total
	if ta == 0 || tb == 0 {
		return 0
	}
	score := 2 * inter / (ta + tb)
	// Shared names, measured on the smaller set of names but never on
	// fewer than minNames: one name in common (a city, a ministry) is no
	// sign of one story, however few names a short item has. The names
	// every article of the war carries (Ukraine, Kyiv) are no names here.
	ea, eb := a.nent, b.nent
	if ea > 0 && eb > 0 {
		score = 0.6*score + 0.4*float64(en)/float64(max(min(ea, eb), minNames))
	}
	if sharedFigure {
		score += 0.15
	}
	// Reports a day or more apart need more in common.
	if gap > 20*time.Hour {
		score -= 0.1
	}
	return min(score, 1)
}

// shares reports whether lists a and b, with masks ma and mb (listMask),
// have a value in common.
func shares(a, b []string, ma, mb uint64) bool {
	if ma&mb == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// Add indexes a stored article (it needs ID, StoryID, PublishedAt and a
// Fingerprint or text). Entries older than two windows before the newest
// one are pruned as the index grows.
func (x *Index) Add(a *briefings.Article) {
	if a.ID == 0 || a.StoryID == 0 {
		return
	}
	s, ok := sigOf(a)
	if !ok {
		return
	}
	x.addLocked(a, s)
}

// AddSignature is Add with a's signature prepared by the caller (g is the
// signature of a's Fingerprint, or of its text when it has none).
func (x *Index) AddSignature(a *briefings.Article, g *Signature) {
	if g == nil {
		x.Add(a)
		return
	}
	if a.ID == 0 || a.StoryID == 0 {
		return
	}
	x.addLocked(a, g.s)
}

func (x *Index) addLocked(a *briefings.Article, s sig) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.add(a, s)
	x.adds++
	if x.adds%1024 == 0 {
		x.prune()
	}
}

// add indexes a under the keys of s. Called with x.mu held for writing.
func (x *Index) add(a *briefings.Article, s sig) {
	if old, ok := x.entries[a.ID]; ok {
		x.countOwn(old, -1)
		old.story = a.StoryID
		x.countOwn(old, 1)
		x.noteFirst(a.StoryID, old.at)
		return
	}
	s.entities = nil // prepare's flags serve similarity; the map is not kept
	// Terms and figures may be substrings of the article's text: copy
	// them, so that the index does not keep every indexed text alive.
	s.terms, s.numbers = detach(s.terms), detach(s.numbers)
	keys := s.keys()
	e := &entry{id: a.ID, story: a.StoryID, source: a.SourceID, at: a.PublishedAt, sig: s}
	if n := len(x.free); n > 0 {
		e.slot = x.free[n-1]
		x.free = x.free[:n-1]
	} else {
		e.slot = x.slots
		x.slots++
	}
	x.entries[a.ID] = e
	x.countOwn(e, 1)
	x.noteFirst(a.StoryID, a.PublishedAt)
	for _, t := range keys {
		x.postings[t] = append(x.postings[t], e)
	}
	if a.PublishedAt.After(x.newest) {
		x.newest = a.PublishedAt
	}
}

// countOwn adds d to the count of e's story's articles of e's source.
// Called with x.mu held for writing.
func (x *Index) countOwn(e *entry, d int32) {
	if e.source == 0 {
		return
	}
	k := ownKey{e.story, e.source}
	if x.own[k] += d; x.own[k] <= 0 {
		delete(x.own, k)
	}
}

// detach returns list with its strings copied into one new block.
func detach(list []string) []string {
	if len(list) == 0 {
		return list
	}
	n := 0
	for _, v := range list {
		n += len(v)
	}
	var b strings.Builder
	b.Grow(n)
	for _, v := range list {
		b.WriteString(v)
	}
	block := b.String()
	out := make([]string, len(list))
	for i, v := range list {
		out[i], block = block[:len(v)], block[len(v):]
	}
	return out
}

// Warm indexes a list of stored articles (store.ListFingerprints).
func (x *Index) Warm(list []*briefings.Article) {
	sorted := append([]*briefings.Article(nil), list...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, a := range sorted {
		if a.ID == 0 || a.StoryID == 0 {
			continue
		}
		if s, ok := sigOf(a); ok {
			x.add(a, s)
		}
	}
	x.prune()
}

// Prune drops entries published more than two windows before the newest
// entry (or before now-2*window when now is later).
func (x *Index) Prune(now time.Time) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if now.After(x.newest) {
		x.newest = now
	}
	x.prune()
}

func (x *Index) prune() {
	cut := x.newest.Add(-2 * x.window)
	removed := false
	for id, e := range x.entries {
		if e.at.Before(cut) {
			x.countOwn(e, -1)
			delete(x.entries, id)
			x.free = append(x.free, e.slot)
			removed = true
		}
	}
	if !removed {
		return
	}
	// Forget the first-seen times of stories with no entry left: no
	// article can match them any more.
	live := make(map[int64]bool, len(x.first))
	for _, e := range x.entries {
		live[e.story] = true
	}
	for id := range x.first {
		if !live[id] {
			delete(x.first, id)
		}
	}
	for t, p := range x.postings {
		q := p[:0]
		for _, e := range p {
			if _, ok := x.entries[e.id]; ok && x.entries[e.id] == e {
				q = append(q, e)
			}
		}
		if len(q) == 0 {
			delete(x.postings, t)
		} else {
			x.postings[t] = q
		}
	}
}
