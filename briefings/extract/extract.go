// Package extract reads war news in English and Ukrainian: attack reports
// (drones and missiles launched, intercepted, jammed, hits, casualties),
// topics, named entities and diplomacy events.
//
// Extraction is rule-based and linear in the input: text is split into
// sentences and lines, each sentence into tokens (numbers and number words
// with their Ukrainian case forms), counted phrases ("112 strike and decoy
// drones", "both missiles", "58 out of 59") are found, each is given the
// outcome its verb states ("shot down", "jammed", "збито/подавлено"), and the
// figures are gathered into one report per attack, apart from regional
// subsets and cumulative totals. An unstated figure stays nil: a partial
// count ("N more", "another N") never states or replaces a total, a rate
// ("N drones each night", "on average") is cumulative context, and a vague
// quantity ("several thousand", "hundreds of") is a qualifier, never a figure.
package extract

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings"
)

// Result is the output of Extract; its JSON form is the contract of
// `sitrep extract`.
type Result struct {
	Attacks  []briefings.AttackReport `json:"attacks"`
	Topics   []briefings.Topic        `json:"topics"`
	Entities []briefings.Entity       `json:"entities"`
	Events   []Event                  `json:"events,omitempty"`
}

// maxText caps the text read by Extract (bytes): work stays bounded.
const maxText = 1 << 20

// Extract reads attack reports, topics, entities and events from text.
// published resolves relative dates ("overnight into Saturday"); the zero
// time leaves such dates unresolved.
func Extract(text string, published time.Time) Result {
	return extractWith(text, published, nil)
}

// extractWith is Extract with the rules in rs switched off (for tests).
func extractWith(text string, published time.Time, rs *ruleSet) Result {
	if len(text) > maxText {
		text = text[:maxText]
	}
	w := getWork()
	defer w.release()
	w.rules = rs
	w.sents = splitSentences(w.sents, validUTF8(text))
	return w.extract(published)
}

// work is the scratch memory of one extraction: its sentences and their
// tokens. It is pooled, so that a call allocates little beyond its result.
type work struct {
	sents []sentence
	toks  []token  // backing array of the sentences' tokens
	rules *ruleSet // rules switched off, for tests; nil in use
}

var workPool = sync.Pool{New: func() any { return new(work) }}

func getWork() *work { return workPool.Get().(*work) }

// maxPooledTokens bounds the token array kept for reuse (about 4.5 MB).
const maxPooledTokens = 1 << 16

// release empties w and returns it to the pool, keeping its capacity but
// no reference to the caller's text.
func (w *work) release() {
	clear(w.sents)
	clear(w.toks)
	w.sents, w.toks, w.rules = w.sents[:0], w.toks[:0], nil
	if cap(w.toks) > maxPooledTokens {
		w.toks = nil
	}
	workPool.Put(w)
}

// extract tokenizes w's sentences and reads everything from them.
func (w *work) extract(published time.Time) Result {
	sents := w.sents
	w.toks = tokenizeAll(sents, w.toks)
	res := Result{
		Attacks:  extractAttacks(sents, published, w.rules),
		Entities: findEntities(sents),
	}
	res.Events = findEvents(sents)
	res.Topics = findTopics(sents, res.Attacks, res.Events)
	if res.Attacks == nil {
		res.Attacks = []briefings.AttackReport{}
	}
	if res.Topics == nil {
		res.Topics = []briefings.Topic{}
	}
	if res.Entities == nil {
		res.Entities = []briefings.Entity{}
	}
	return res
}

// validUTF8 drops invalid UTF-8 from s (strings.ToValidUTF8 with no
// replacement), checking valid text, the usual case, quickly.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "")
}

// Analyzer implements briefings.Analyzer.
type Analyzer struct{}

// NewAnalyzer returns an Analyzer.
func NewAnalyzer() *Analyzer { return &Analyzer{} }

var _ briefings.Analyzer = (*Analyzer)(nil)

// Analyze fills a.Topics, a.Entities and a.Attacks from the title and body.
// The title is read as a headline: its figures are used only where the body
// states none.
func (*Analyzer) Analyze(a *briefings.Article) {
	body := a.Body
	if len(body) > maxText {
		body = body[:maxText]
	}
	w := getWork()
	defer w.release()
	if t := strings.TrimSpace(validUTF8(a.Title)); t != "" && len(t) < maxSentence {
		w.sents = append(w.sents, sentence{text: t, headline: true})
	}
	w.sents = splitSentences(w.sents, validUTF8(body))
	res := w.extract(a.PublishedAt)
	a.Topics = res.Topics
	a.Entities = res.Entities
	a.Attacks = res.Attacks
}
