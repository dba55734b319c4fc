package briefings

import "time"

// Digest sections, in display order.
const (
	SectionAirAttacks = "Air attacks"
	SectionFrontLine  = "Front line"
	SectionDiplomacy  = "Diplomacy"
	SectionSanctions  = "Sanctions and aid"
	SectionOther      = "Other"
)

// Sections lists the digest sections in display order.
var Sections = []string{SectionAirAttacks, SectionFrontLine, SectionDiplomacy, SectionSanctions, SectionOther}

// Digest is a briefing over a window: stories ranked into sections.
type Digest struct {
	Title       string          `json:"title"`
	Since       time.Time       `json:"since"`
	Until       time.Time       `json:"until"`
	GeneratedAt time.Time       `json:"generated_at"`
	Sections    []DigestSection `json:"sections"`
}

// DigestSection is one section of a digest.
type DigestSection struct {
	Name  string       `json:"name"`
	Items []DigestItem `json:"items"`
	// More counts the section's stories its cap of places left out (0:
	// every story is shown).
	More int `json:"more,omitempty"`
}

// DigestItem is one story: 1-3 verbatim sentences and every source.
type DigestItem struct {
	StoryID   int64       `json:"story_id"`
	Headline  string      `json:"headline"`
	Sentences []string    `json:"sentences"`
	Sources   []SourceRef `json:"sources"`
	// Published is when the headline's article was published; Updated
	// when the story's latest article was (the ranking's recency), which
	// is later when other reports followed the headline's.
	Published time.Time `json:"published"`
	Updated   time.Time `json:"updated,omitzero"`
	// DateOnly and UpdatedDateOnly: the article's source gives its day but
	// no time of day (Article.DateOnly): show the day alone.
	DateOnly        bool    `json:"date_only,omitempty"`
	UpdatedDateOnly bool    `json:"updated_date_only,omitempty"`
	Score           float64 `json:"score"`
	// Figures is a one-line attack summary built only from extracted figures.
	Figures string `json:"figures,omitempty"`
	// Attacks are the reports Figures was written from, to write it again
	// in a reader's language: the story's and the other reports of its
	// attack event in the window (the report of record may sit in another
	// story).
	Attacks []*AttackReport `json:"-"`
	// Record links the report of record the figures come from (see
	// ReportOfRecord); nil when outlets are shown side by side.
	Record *SourceRef `json:"record,omitempty"`
	// Lang is the language of the article most sentences come from ("" if
	// unknown); InLang holds, per other language the story has an article
	// in, that article's headline and sentences, for a reader who prefers
	// articles in their language.
	Lang   string                 `json:"lang,omitempty"`
	InLang map[string]LangVersion `json:"-"`
	// Event is a one-line diplomacy event (who, what, where, when) built only
	// from words of a source's quotable text.
	Event string `json:"event,omitempty"`
}

// SourceRef names a source and links to its article.
type SourceRef struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// Empty reports whether the digest has no items.
func (d *Digest) Empty() bool {
	for _, s := range d.Sections {
		if len(s.Items) > 0 {
			return false
		}
	}
	return true
}

// EventLine is one attack event as alerts, /attacks and digests show it: its
// label and figures in one line, and the report of record they come from.
type EventLine struct {
	Key    string     `json:"key"`
	Text   string     `json:"text"`
	Record *SourceRef `json:"record,omitempty"` // nil when outlets are shown side by side
}

// LangVersion is a digest item told from one article in one language:
// its headline and sentences, verbatim.
type LangVersion struct {
	Headline  string
	Sentences []string
	Published time.Time // the article's publication
	DateOnly  bool      // Published is a day without a time (Article.DateOnly)
}
