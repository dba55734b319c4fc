package briefings

// Relevance and sections of articles.
//
// Every article gets a relevance decision: is it about the Russia-Ukraine war
// or the diplomacy around it? Off-topic articles are stored and searchable
// but never enter digests, alerts or topic summaries. A relevant article is
// filed under one digest section (Sections).

// SourceTopic says what a source publishes (configuration key
// sources[].topic); its values are stored as they are.
type SourceTopic string

// Source topics.
const (
	// SourceTopicGeneral: a general-news source; each article is judged on
	// its own.
	SourceTopicGeneral SourceTopic = ""
	// SourceTopicWar: a war-only source; everything it publishes is relevant.
	SourceTopicWar SourceTopic = "war"
)

// Classification is a Classifier's decision on one article.
type Classification struct {
	// Relevance is the probability (0-1) that the article is about the war
	// or its diplomacy.
	Relevance float64 `json:"relevance"`
	// OffTopic: not about the war; kept out of digests, alerts and summaries.
	OffTopic bool `json:"off_topic"`
	// Section is the digest section of the article (one of Sections); set
	// for off-topic articles too, as the section they would go under.
	Section string `json:"section"`
}

// Classifier decides an article's relevance and section from its title,
// teaser and body (and, where set, the analyzer's attack reports). The
// classify package implements it.
type Classifier interface {
	Classify(a *Article) Classification
}
