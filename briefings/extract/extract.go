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
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings"
)

// Result is the output of Extract; its JSON form is the contract of
// `sitrep extract`.
type Result struct {
	Attacks  []briefings.AttackReport `json:"attacks"`
	Topics   []string                 `json:"topics"`
	Entities []briefings.Entity       `json:"entities"`
	Events   []Event                  `json:"events,omitempty"`
}

// maxText caps the text read by Extract (bytes): work stays bounded.
const maxText = 1 << 20

// Extract reads attack reports, topics, entities and events from text.
// published resolves relative dates ("overnight into Saturday"); the zero
// time leaves such dates unresolved.
func Extract(text string, published time.Time) Result {
	if len(text) > maxText {
		text = text[:maxText]
	}
	text = validUTF8(text)
	return extractSentences(splitSentences(text), published)
}

func extractSentences(sents []sentence, published time.Time) Result {
	tokenizeAll(sents)
	res := Result{
		Attacks:  extractAttacks(sents, published),
		Entities: findEntities(sents),
	}
	res.Events = findEvents(sents)
	res.Topics = findTopics(sents, res.Attacks, res.Events)
	if res.Attacks == nil {
		res.Attacks = []briefings.AttackReport{}
	}
	if res.Topics == nil {
		res.Topics = []string{}
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
	var sents []sentence
	if t := strings.TrimSpace(validUTF8(a.Title)); t != "" && len(t) < maxSentence {
		sents = append(sents, sentence{text: t, headline: true})
	}
	sents = append(sents, splitSentences(validUTF8(body))...)
	res := extractSentences(sents, a.PublishedAt)
	a.Topics = res.Topics
	a.Entities = res.Entities
	a.Attacks = res.Attacks
}
