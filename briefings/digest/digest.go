// Package digest composes a briefing for a window: it loads the stories
// whose last article falls in the window, files each under a section, orders
// the stories of each section, and gives each 1-3 verbatim sentences with
// every source.
//
// Off-topic articles (the classifier's decision, see briefings.Classifier)
// take no part: a story is read without them, and a story all of whose
// articles are off-topic is left out.
//
// A story's section is its articles' section (the classifier's), by
// majority; a tie goes to the section of its report of record (a report of
// the attacked side's own military, e.g. Ukraine's Air Force on a Russian
// attack), else to its earliest article's. A story none of whose articles
// was classified (stored before classification) is filed by its topics:
//
//	air_attacks                       -> Air attacks
//	front_line                        -> Front line
//	diplomacy, prisoners              -> Diplomacy
//	sanctions, military_aid, energy   -> Sanctions and aid
//	humanitarian, anything else, none -> Other
//
// where each article votes: one vote per topic for its section, except that
// air_attacks counts half unless the article carries a national attack
// report, and then counts two (a story with figures is an attack story; a
// passing mention of drones is not). The section with the most votes wins;
// ties go to the more specific section, in the order Sanctions and aid,
// Front line, Diplomacy, Air attacks, Other.
//
// Order within a section: stories carried by more outlets first, then those
// with a report of record (the Air Force's overnight figures first in Air
// attacks), then the most recent (by their latest article), then the higher
// story id. Each item's Score is (1 + log2(distinct sources)) x (0.25 + 0.75
// x recency) x topic weight, where recency halves every 12 hours from the
// story's latest article to Options.Now and the topic weight is the highest
// of the story's topics (air attacks 1.0 ... other 0.5).
//
// A section shows MaxPerSection stories: the stories only one source
// carries take at most half the places while other sources' stories wait,
// and the places left after; an item with nothing to say (no sentence, no
// figures, a headline of a word or two) is left out. Only the stories that
// will be shown are summarized, and each from at most MaxDocs of its original
// articles: the earliest report of each outlet first, then the earliest of
// the rest. Every outlet of a story is still listed with a link.
package digest

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/keywords"
	"github.com/sitrep/sitrep/briefings/locale"
	"github.com/sitrep/sitrep/briefings/text"
)

// Options select and shape a digest.
type Options struct {
	// Since and Until bound the window; Until defaults to Now and Since to
	// 24 hours before Until.
	Since, Until time.Time
	// Now is the clock for recency; it defaults to Until. One of them is required.
	Now time.Time
	// Topics keeps stories on any of these topics; empty keeps all. A
	// classified story is on a section-wide topic (air attacks, front
	// line, diplomacy, sanctions, military aid: Topic.Section) when it is
	// filed under that section, and on a narrower one when an article
	// carries it; a story stored before classification when an article
	// carries the topic (a story with attack figures counts as air attacks).
	Topics []briefings.Topic
	// MaxPerSection defaults to 5; Sentences (1-3) to 2.
	MaxPerSection int
	Sentences     int
	// Location is the reader's zone for dates; nil means UTC.
	Location *time.Location
	// EventLine, when set, gives Diplomacy items a one-line event (who met
	// whom, where, when, about what) read from an article's quotable text
	// (Article.DisplayText); "" when the text states none.
	EventLine func(a *briefings.Article) string
	// Printer writes the figures lines (DigestItem.Figures); nil means
	// English. A chat in another language renders them again from
	// DigestItem.Attacks (FigureLine).
	Printer *locale.Printer
}

// HalfLife is the recency half-life of the ranking.
const HalfLife = 12 * time.Hour

// sectionOf maps topics to sections.
var sectionOf = map[briefings.Topic]string{
	briefings.TopicAirAttacks:   briefings.SectionAirAttacks,
	briefings.TopicFrontLine:    briefings.SectionFrontLine,
	briefings.TopicDiplomacy:    briefings.SectionDiplomacy,
	briefings.TopicPrisoners:    briefings.SectionDiplomacy,
	briefings.TopicSanctions:    briefings.SectionSanctions,
	briefings.TopicMilitaryAid:  briefings.SectionSanctions,
	briefings.TopicEnergy:       briefings.SectionSanctions,
	briefings.TopicHumanitarian: briefings.SectionOther,
}

// topicWeight ranks topics; unknown topics and stories without one weigh 0.5.
var topicWeight = map[briefings.Topic]float64{
	briefings.TopicAirAttacks:   1.0,
	briefings.TopicFrontLine:    0.9,
	briefings.TopicDiplomacy:    0.9,
	briefings.TopicMilitaryAid:  0.8,
	briefings.TopicSanctions:    0.8,
	briefings.TopicPrisoners:    0.75,
	briefings.TopicEnergy:       0.7,
	briefings.TopicHumanitarian: 0.65,
}

// tiePreference orders sections when their votes are equal.
var tiePreference = []string{briefings.SectionSanctions, briefings.SectionFrontLine, briefings.SectionDiplomacy,
	briefings.SectionAirAttacks, briefings.SectionOther}

// StorySection returns the section of a story made of these (relevant)
// articles: the classifier's sections by majority, a tie going to the
// report of record's section, else to the earliest article's; by topics
// (SectionOf) when none was classified.
func StorySection(articles []briefings.Article) string {
	votes := map[string]int{}
	top := 0
	for _, a := range articles {
		if isSection(a.Section) {
			votes[a.Section]++
			top = max(top, votes[a.Section])
		}
	}
	if top == 0 {
		return SectionOf(articles)
	}
	if i := recordIndex(articles); i >= 0 && votes[articles[i].Section] == top {
		return articles[i].Section
	}
	for _, a := range articles {
		if votes[a.Section] == top {
			return a.Section
		}
	}
	return briefings.SectionOther
}

// relevantOnly returns s without its off-topic articles (s itself when it
// has none).
func relevantOnly(s *briefings.Story) *briefings.Story {
	n := 0
	for i := range s.Articles {
		if !s.Articles[i].OffTopic {
			n++
		}
	}
	if n == len(s.Articles) {
		return s
	}
	c := *s
	c.Articles = make([]briefings.Article, 0, n)
	for _, a := range s.Articles {
		if !a.OffTopic {
			c.Articles = append(c.Articles, a)
		}
	}
	return &c
}

func classified(articles []briefings.Article) bool {
	for _, a := range articles {
		if a.Section != "" {
			return true
		}
	}
	return false
}

// recordIndex returns the index of the first article that carries a report
// of record, or -1.
func recordIndex(articles []briefings.Article) int {
	for i := range articles {
		for j := range articles[i].Attacks {
			if r := &articles[i].Attacks[j]; usable(r) && OfRecord(r) {
				return i
			}
		}
	}
	return -1
}

// OfRecord reports a report of record: one from the attacked side's own
// military (Ukraine's Air Force, General Staff or military on a Russian
// attack; Russia's Defence Ministry on a Ukrainian one), in its own
// publication or as an outlet quotes it (briefings.AttackReport.Standing).
func OfRecord(r *briefings.AttackReport) bool {
	return r.Standing() >= briefings.StandingQuoted
}

// SectionOf returns the section of a story made of these articles, by
// their topics (see the package comment).
func SectionOf(articles []briefings.Article) string {
	votes := map[string]float64{}
	for _, a := range articles {
		figures := false
		for i := range a.Attacks {
			figures = figures || usable(&a.Attacks[i])
		}
		for _, t := range a.Topics {
			s, ok := sectionOf[t]
			if !ok {
				s = briefings.SectionOther
			}
			w := 1.0
			if t == briefings.TopicAirAttacks {
				w = 0.5
				if figures {
					w = 2
				}
			}
			votes[s] += w
		}
		if figures && !slices.Contains(a.Topics, briefings.TopicAirAttacks) {
			votes[briefings.SectionAirAttacks] += 2
		}
	}
	best, bestV := briefings.SectionOther, 0.0
	for _, s := range tiePreference {
		if votes[s] > bestV {
			best, bestV = s, votes[s]
		}
	}
	return best
}

type ranked struct {
	story   *briefings.Story
	section string
	score   float64
	latest  time.Time
	outlets int
	record  bool   // carries a report of record
	sole    string // the one source that carries it; "" when several do
}

// before orders the stories of one section (see the package comment).
func (r *ranked) before(o *ranked) bool {
	switch {
	case r.outlets != o.outlets:
		return r.outlets > o.outlets
	case r.record != o.record:
		return r.record
	case !r.latest.Equal(o.latest):
		return r.latest.After(o.latest)
	}
	return r.story.ID > o.story.ID
}

// Build composes the digest for o's window from the store's stories. sum
// picks each story's sentences; when sum is nil the stored summaries are used.
func Build(ctx context.Context, st briefings.ArticleStore, sum briefings.Summarizer, o Options) (*briefings.Digest, error) {
	c, err := o.settings()
	if err != nil {
		return nil, err
	}
	stories, err := st.ListStories(ctx, briefings.StoryFilter{Since: c.since, Until: c.until, Limit: 5000})
	if err != nil {
		return nil, fmt.Errorf("digest: list stories: %w", err)
	}
	// Every report of the window's attack events, so that an item shows its
	// event's report of record wherever that report's article sits.
	reports, err := st.ListAttackReports(ctx, c.since.Add(-48*time.Hour), c.until)
	if err != nil {
		return nil, fmt.Errorf("digest: attack reports: %w", err)
	}
	c.events = eventReports(reports)
	d := &briefings.Digest{
		Title:       "Briefing: " + Window(c.since, c.until, c.loc),
		Since:       c.since.In(c.loc),
		Until:       c.until.In(c.loc),
		GeneratedAt: c.now.In(c.loc),
	}
	if d.Sections, err = c.sections(ctx, c.rank(stories), sum); err != nil {
		return nil, err
	}
	return d, nil
}

// settings are Options with the defaults filled in.
type settings struct {
	now, since, until time.Time
	loc               *time.Location
	printer           *locale.Printer
	sentences         int // per item, 1 to 3
	maxPer            int // items per section
	want              map[briefings.Topic]bool
	eventLine         func(a *briefings.Article) string
	// events are the window's attack reports by event (see item).
	events map[string][]*briefings.AttackReport
}

// settings fills o's defaults and checks its window.
func (o Options) settings() (settings, error) {
	c := settings{now: o.Now, since: o.Since, until: o.Until, loc: o.Location, printer: o.Printer, sentences: o.Sentences,
		maxPer: o.MaxPerSection, want: map[briefings.Topic]bool{}, eventLine: o.EventLine}
	if c.until.IsZero() {
		c.until = c.now
	}
	if c.now.IsZero() {
		c.now = c.until
	}
	if c.now.IsZero() {
		return c, fmt.Errorf("digest: Options.Now or Options.Until is required")
	}
	if c.since.IsZero() {
		c.since = c.until.Add(-24 * time.Hour)
	}
	if !c.since.Before(c.until) {
		return c, briefings.Errorf(briefings.EINVALID, "The start of the period must be before its end.")
	}
	if c.loc == nil {
		c.loc = time.UTC
	}
	if c.printer == nil {
		cat, err := locale.New()
		if err != nil {
			return c, fmt.Errorf("digest: %w", err)
		}
		c.printer = cat.For(locale.English)
	}
	if c.sentences <= 0 {
		c.sentences = 2
	}
	c.sentences = min(c.sentences, 3)
	if c.maxPer <= 0 {
		c.maxPer = 5
	}
	for _, t := range o.Topics {
		c.want[briefings.Topic(strings.ToLower(strings.TrimSpace(string(t))))] = true
	}
	return c, nil
}

// rank scores the stories of relevant articles on a wanted topic, in
// digest order.
func (c settings) rank(stories []*briefings.Story) []ranked {
	var rs []ranked
	for _, s := range stories {
		s = relevantOnly(s)
		if len(s.Articles) == 0 {
			continue
		}
		match, weight, topics := c.topics(s)
		section := StorySection(s.Articles)
		if classified(s.Articles) && len(c.want) > 0 {
			match = c.wantsClassified(s, section)
		}
		if !match {
			continue
		}
		if section == briefings.SectionOther && isSection(s.Section) && !hasTopics(topics) && !classified(s.Articles) {
			section = s.Section
		}
		latest := latestOf(s)
		recency := math.Pow(0.5, float64(max(c.now.Sub(latest), 0))/float64(HalfLife))
		srcs := distinctSources(s)
		outlets := max(1, len(srcs))
		score := (1 + math.Log2(float64(outlets))) * (0.25 + 0.75*recency) * weight
		rs = append(rs, ranked{story: s, section: section, score: math.Round(score*10000) / 10000, latest: latest,
			outlets: outlets, record: recordIndex(s.Articles) >= 0})
		if len(srcs) == 1 {
			rs[len(rs)-1].sole = srcs[0].Name
		}
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].before(&rs[j]) })
	return rs
}

// topics reads a story's topics: whether it carries a wanted one (a story
// with attack figures is an air attack story), the weight of its heaviest
// (0.5 without a known one), and each article's list.
func (c settings) topics(s *briefings.Story) (match bool, weight float64, topics [][]briefings.Topic) {
	match, weight = len(c.want) == 0, 0.5
	for _, a := range s.Articles {
		topics = append(topics, a.Topics)
		for i := range a.Attacks {
			if usable(&a.Attacks[i]) {
				match = match || c.want[briefings.TopicAirAttacks]
				weight = max(weight, topicWeight[briefings.TopicAirAttacks])
			}
		}
		for _, t := range a.Topics {
			match = match || c.want[t]
			if w, ok := topicWeight[t]; ok && w > weight {
				weight = w
			}
		}
	}
	return match, weight, topics
}

// wantsClassified reports whether a classified story, filed under section,
// is on a wanted topic: a section-wide topic (air attacks, diplomacy ...)
// by the story's section, the words its articles mention aside; a narrower
// one (energy, prisoners, humanitarian) by its articles' topics.
func (c settings) wantsClassified(s *briefings.Story, section string) bool {
	carries := func(t briefings.Topic) bool {
		return slices.ContainsFunc(s.Articles, func(a briefings.Article) bool { return slices.Contains(a.Topics, t) })
	}
	for t := range c.want {
		if t.Includes(section, carries) {
			return true
		}
	}
	return false
}

// sections fills each section with up to maxPer items of the ranked
// stories (see section), sections in their fixed order.
func (c settings) sections(ctx context.Context, rs []ranked, sum briefings.Summarizer) ([]briefings.DigestSection, error) {
	bySection := map[string][]*ranked{}
	for i := range rs {
		bySection[rs[i].section] = append(bySection[rs[i].section], &rs[i])
	}
	var out []briefings.DigestSection
	for _, name := range briefings.Sections {
		items, more, err := c.section(ctx, bySection[name], sum)
		if err != nil {
			return nil, err
		}
		if len(items) > 0 {
			out = append(out, briefings.DigestSection{Name: name, Items: items, More: more})
		}
	}
	return out, nil
}

// section returns up to maxPer items of a section's ranked stories, in rank
// order. The stories only one source carries take at most half the places
// (at least one) while stories of other sources wait for one: a channel
// posting each update of a night as a post of its own, or one busy feed,
// does not fill a section that other outlets have news in. They take the
// places left after. A story that yields nothing to show is left out.
// more counts the stories the places left out (those never built are
// counted as having something to show).
func (c settings) section(ctx context.Context, rs []*ranked, sum briefings.Summarizer) (out []briefings.DigestItem, more int, err error) {
	quota := max(1, c.maxPer/2)
	empty := 0
	perSource := map[string]int{}
	var chosen, waiting []int
	items := map[int]briefings.DigestItem{}
	build := func(i int) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("digest: %w", err)
		}
		r := rs[i]
		it := item(c.printer, *r, sum, c.sentences, c.loc, c.events)
		if r.section == briefings.SectionDiplomacy && c.eventLine != nil {
			it.Event = eventLine(r.story, c.eventLine)
		}
		if !saysSomething(it) {
			empty++
			return nil
		}
		items[i] = it
		chosen = append(chosen, i)
		if r.sole != "" {
			perSource[r.sole]++
		}
		return nil
	}
	for i, r := range rs {
		switch {
		case len(chosen) == c.maxPer:
		case r.sole != "" && perSource[r.sole] >= quota:
			waiting = append(waiting, i)
		default:
			if err := build(i); err != nil {
				return nil, 0, err
			}
		}
	}
	for _, i := range waiting {
		if len(chosen) == c.maxPer {
			break
		}
		if err := build(i); err != nil {
			return nil, 0, err
		}
	}
	slices.Sort(chosen)
	out = make([]briefings.DigestItem, len(chosen))
	for k, i := range chosen {
		out[k] = items[i]
	}
	return out, len(rs) - len(chosen) - empty, nil
}

// saysSomething reports an item worth a reader's line: one with sentences,
// figures or an event line, or a headline of at least three words. A
// channel's one-word post (a place name, "minus" for a target down) with
// nothing after it says nothing out of its channel.
func saysSomething(it briefings.DigestItem) bool {
	if len(it.Sentences) > 0 || it.Figures != "" || it.Event != "" {
		return true
	}
	words := 0
	for _, w := range strings.Fields(it.Headline) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			words++
		}
	}
	return words >= 3
}

func isSection(s string) bool {
	for _, x := range briefings.Sections {
		if s == x {
			return true
		}
	}
	return false
}

func hasTopics(ts [][]briefings.Topic) bool {
	for _, t := range ts {
		if len(t) > 0 {
			return true
		}
	}
	return false
}

func latestOf(s *briefings.Story) time.Time {
	var t time.Time
	for _, a := range s.Articles {
		if a.PublishedAt.After(t) {
			t = a.PublishedAt
		}
	}
	if t.IsZero() {
		t = s.LastSeenAt
	}
	return t
}

// distinctSources returns each source once with its first article's link,
// in order of first appearance.
func distinctSources(s *briefings.Story) []briefings.SourceRef {
	var out []briefings.SourceRef
	seen := map[string]int{}
	for _, a := range s.Articles {
		name := strings.TrimSpace(a.SourceName)
		if name == "" {
			name = hostOf(a.URL)
		}
		if name == "" {
			continue
		}
		if i, ok := seen[name]; ok {
			if out[i].URL == "" {
				out[i].URL = a.URL
			}
			continue
		}
		seen[name] = len(out)
		out = append(out, briefings.SourceRef{Name: name, URL: a.URL})
	}
	return out
}

func hostOf(u string) string {
	rest, ok := strings.CutPrefix(u, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(u, "http://")
	}
	if !ok {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	return strings.TrimPrefix(host, "www.")
}

// eventLine returns the first event line of the story's original articles,
// oldest first.
func eventLine(s *briefings.Story, f func(a *briefings.Article) string) string {
	for i := range s.Articles {
		if a := &s.Articles[i]; a.CopyOf == 0 {
			if l := strings.TrimSpace(f(a)); l != "" {
				return l
			}
		}
	}
	return ""
}

// item builds one digest item.
// events holds the window's attack reports by event.
func item(p *locale.Printer, r ranked, sum briefings.Summarizer, n int, loc *time.Location, events map[string][]*briefings.AttackReport) briefings.DigestItem {
	s := r.story
	originals := originalsOf(s)
	it := briefings.DigestItem{
		StoryID: s.ID,
		Sources: distinctSources(s),
		Updated: r.latest.In(loc),
		Score:   r.score,
	}
	var at time.Time
	var best int
	it.Headline, at, it.Sentences, best = told(s, originals, sum, n)
	reports := storyReports(s)
	if ev := mainEvent(reports); ev != nil && len(events[ev.key]) > 0 && talliesEvent(reports, ev.key) {
		// The event's other reports in the window (a revision, the
		// military's own post) may sit in other stories: the figures are
		// the event's, the same as in alerts and /attacks. Only a story
		// that reports the event's tally takes them: the front's daily
		// summary of the same date is another story.
		reports = union(reports, events[ev.key])
	}
	it.Figures = FigureLine(p, reports, loc)
	if it.Figures != "" {
		it.Attacks = reports
		ev := mainEvent(reports)
		if ev != nil {
			it.Record = recordRef(ev) // RecordOf, with the event kept for revising
		}
		if i := revising(ev, originals); i >= 0 && i != best {
			if h, a, ss, b := told(s, originals[i:i+1], sum, n); b >= 0 && len(ss) > 0 {
				it.Headline, at, it.Sentences, best = h, a, ss, i
			}
		}
	}
	it.Published = it.Updated
	if !at.IsZero() && at.Before(r.latest) {
		// The time beside a headline is its own article's: a later
		// report of the story is its update, not the headline's time.
		it.Published = at.In(loc)
	}
	it.DateOnly, it.UpdatedDateOnly = dateOnlyAt(s, it.Published), dateOnlyAt(s, it.Updated)
	it.Lang, it.InLang = inLanguages(originals, best, sum, n)
	return it
}

// revising is the index in originals of the article whose report revised
// the event's figures (its report of record replaced earlier figures of the
// same authority), -1 when there is none (or no event) or it is not among
// them. The item is then told from that article: its headline and
// sentences state the figures the figures line gives, not the count they
// replaced.
func revising(ev *event, originals []briefings.Article) int {
	if ev == nil || !ev.record.Updated || ev.record.Report == nil || ev.record.Report.ArticleID == 0 {
		return -1
	}
	for i := range originals {
		if originals[i].ID == ev.record.Report.ArticleID {
			return i
		}
	}
	return -1
}

// dateOnlyAt reports whether the story's articles published at t give a
// day without a time of day (every one of them, and at least one).
func dateOnlyAt(s *briefings.Story, t time.Time) bool {
	found := false
	for _, a := range s.Articles {
		if a.PublishedAt.Equal(t) {
			if !a.DateOnly {
				return false
			}
			found = true
		}
	}
	return found
}

// told is a story's headline, its article's publication, up to n sentences
// none of which repeats the headline, and the index of the original most
// of them come from (-1: none). An untitled article (a channel's post, a
// local file) is titled by its first line or sentence, which the summary
// then quotes again: that sentence makes way for the next one.
func told(s *briefings.Story, originals []briefings.Article, sum briefings.Summarizer, n int) (string, time.Time, []string, int) {
	var head string
	var at time.Time
	var sents, kept []string
	best := -1
	for _, k := range []int{n, n + 1} {
		sents, best = nil, -1
		if sum != nil {
			sents, best = summarized(originals, sum, k)
		}
		if len(sents) == 0 {
			sents, best = stored(originals, k)
		}
		head, at = headline(s, originals, best)
		if kept = withoutHeadline(head, ownLine(head, originals...), sents); len(kept) == len(sents) {
			break // none dropped: no need for one more
		}
	}
	return head, at, clip(kept, n), best
}

// withoutHeadline returns sents without the sentences that repeat head: the
// same words (case, spacing and end punctuation aside), or, for a headline
// cut short with "…", a sentence containing what it kept. When the headline
// is a line of its own in the text (line: a post's first line), a sentence
// that starts with it and goes on keeps what follows it; a teaser that
// starts with a title's words keeps them.
func withoutHeadline(head string, line bool, sents []string) []string {
	h := plain(head)
	cut, short := strings.CutSuffix(h, "…")
	cut = strings.TrimRight(cut, " ,;:-–—")
	var out []string
	for _, s := range sents {
		p := plain(s)
		switch {
		case h == "" || p == "":
		case p == h, short && len(cut) >= 20 && strings.Contains(p, cut):
			continue
		case line && !short && strings.HasPrefix(s, head):
			if rest, ok := afterLine(s[len(head):]); ok {
				s = rest // the headline line glued to the next one
			}
		}
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// ownLine reports whether head is a line of its own in one of the
// articles' texts: an untitled post titled by its first line.
func ownLine(head string, arts ...briefings.Article) bool {
	if head == "" {
		return false
	}
	for _, a := range arts {
		for _, t := range []string{a.Body, a.DisplayText()} {
			t = strings.TrimSpace(t)
			if strings.HasPrefix(t, head+"\n") || strings.Contains(t, "\n"+head+"\n") {
				return true
			}
		}
	}
	return false
}

// afterLine returns what follows a headline line glued to the next line:
// text after a dash or colon, or a new capitalised sentence after a space
// (a teaser that merely starts with the headline's words goes on in lower
// case and is kept whole).
func afterLine(rest string) (string, bool) {
	t := strings.TrimLeft(rest, " ")
	if t == rest {
		return "", false // the headline's last word goes on
	}
	if u := strings.TrimLeft(t, "-–—:;,"); u != t {
		u = strings.TrimSpace(u)
		return u, u != ""
	}
	r, _ := utf8.DecodeRuneInString(t)
	return t, unicode.IsUpper(r)
}

// dateline is a wire dateline opening a sentence: a place in capitals
// followed by a region after a comma, an agency in brackets, or both, then
// a dash ("CITY, Country — (Agency) — ", "CITY (Agency) - "). A capitalised
// word and a dash alone ("US – Russia talks") is no dateline.
var dateline = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'-]{1,40}(?:, [\p{L} .'-]{1,40}?\s*(?:[—–-]\s*)?(?:\([\p{L}\d .&'-]{1,40}\)\s*)?|\s*\([\p{L}\d .&'-]{1,40}\)\s*)[—–-]\s+`)

// plain is s lower-cased with its spaces collapsed and its end
// punctuation trimmed, for comparing a headline with a sentence.
func plain(s string) string {
	return strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(s), " ")), " .!?")
}

// talliesEvent reports whether one of reports is a tally of the event key
// (its story key is the event's).
func talliesEvent(reports []*briefings.AttackReport, key string) bool {
	for _, r := range reports {
		if r.StoryKey() == key {
			return true
		}
	}
	return false
}

// inLanguages is the language of originals[best] and, per other language
// an original is in, the first such article's headline and sentences
// (those its source allows quoting).
func inLanguages(originals []briefings.Article, best int, sum briefings.Summarizer, n int) (string, map[string]briefings.LangVersion) {
	lang := ""
	if best >= 0 && best < len(originals) {
		lang = originals[best].Lang
	}
	var out map[string]briefings.LangVersion
	for _, a := range originals {
		if a.Lang == "" || a.Lang == lang || out[a.Lang].Headline != "" {
			continue
		}
		var sents []string
		if sum != nil && strings.TrimSpace(a.DisplayText()) != "" {
			sents = sum.Summarize(a.Title, a.DisplayText(), n)
		}
		if len(sents) == 0 {
			sents, _ = stored([]briefings.Article{a}, n)
		}
		title := strings.TrimSpace(a.Title)
		if sents = withoutHeadline(title, ownLine(title, a), sents); len(sents) == 0 {
			continue
		}
		if out == nil {
			out = map[string]briefings.LangVersion{}
		}
		out[a.Lang] = briefings.LangVersion{Headline: strings.TrimSpace(a.Title), Sentences: clip(sents, n), Published: a.PublishedAt, DateOnly: a.DateOnly}
	}
	return lang, out
}

// originalsOf is a story's articles that are no wire copy (all of them
// when every one is).
func originalsOf(s *briefings.Story) []briefings.Article {
	var originals []briefings.Article
	for _, a := range s.Articles {
		if a.CopyOf == 0 {
			originals = append(originals, a)
		}
	}
	if len(originals) == 0 {
		return s.Articles
	}
	return originals
}

// summarized picks up to n sentences across the originals with sum, and
// the index of the original most of them come from (-1: none). An item
// quotes one language: when the pick mixes languages, it is made again from
// the originals in the language of the one most sentences came from (and
// those of no known language), chosen over their sources as the first pick
// is (summaryDocs); the item's versions in other languages are
// inLanguages'.
func summarized(originals []briefings.Article, sum briefings.Summarizer, n int) (sentences []string, best int) {
	picked := summaryDocs(originals, MaxDocs)
	sentences, best, mixed := summarizeDocs(originals, picked, sum, n)
	if !mixed {
		return sentences, best
	}
	lang := originals[best].Lang
	var same []briefings.Article
	var at []int // the index in originals of same[k]
	for i := range originals {
		if l := originals[i].Lang; l == lang || l == "" {
			same, at = append(same, originals[i]), append(at, i)
		}
	}
	picked = summaryDocs(same, MaxDocs) // spread over the sources, as the first pick
	for k, j := range picked {
		picked[k] = at[j]
	}
	sentences, best, _ = summarizeDocs(originals, picked, sum, n)
	return sentences, best
}

// summarizeDocs summarizes the originals at picked: the sentences, the
// original most of them come from, and whether they come from originals of
// two known languages.
func summarizeDocs(originals []briefings.Article, picked []int, sum briefings.Summarizer, n int) (sentences []string, best int, mixed bool) {
	best = -1
	docs := make([]briefings.Doc, len(picked))
	for i, j := range picked {
		// Quote only what the source's terms allow: the teaser unless
		// the source permits its text.
		a := &originals[j]
		docs[i] = briefings.Doc{Title: a.Title, Body: a.DisplayText()}
	}
	votes := make([]int, len(docs))
	langs := map[string]bool{}
	for _, p := range sum.SummarizeStory(docs, n) {
		if strings.TrimSpace(p.Sentence) == "" {
			continue
		}
		sentences = append(sentences, p.Sentence)
		if p.Doc >= 0 && p.Doc < len(votes) {
			votes[p.Doc]++
			if l := originals[picked[p.Doc]].Lang; l != "" {
				langs[l] = true
			}
		}
	}
	for i, v := range votes {
		if v > 0 && (best < 0 || v > votes[best]) {
			best = i
		}
	}
	if best >= 0 {
		best = picked[best]
	}
	return sentences, best, len(langs) > 1
}

// storyReports are the attack reports of a story's articles, each with its
// article's source, link, time and id where it lacks them.
func storyReports(s *briefings.Story) []*briefings.AttackReport {
	var reports []*briefings.AttackReport
	for _, a := range s.Articles {
		for i := range a.Attacks {
			rep := a.Attacks[i]
			if rep.SourceName == "" {
				rep.SourceName = a.SourceName
			}
			if rep.ArticleURL == "" {
				rep.ArticleURL = a.URL
			}
			if rep.PublishedAt.IsZero() {
				rep.PublishedAt = a.PublishedAt
			}
			if rep.ArticleID == 0 {
				rep.ArticleID = a.ID
			}
			reports = append(reports, &rep)
		}
	}
	return reports
}

// MaxDocs caps the articles of one story given to the summarizer: a
// story's first reports state its facts, and summarizing costs more than
// linear time in the number of sentences.
const MaxDocs = 8

// summaryDocs returns the indexes, in story order, of up to limit articles to
// summarize: the earliest article of each source first (so that different
// outlets' wording counts as support), then the earliest of the rest.
func summaryDocs(articles []briefings.Article, limit int) []int {
	if len(articles) <= limit {
		out := make([]int, len(articles))
		for i := range out {
			out[i] = i
		}
		return out
	}
	take := make([]bool, len(articles))
	seen := map[string]bool{}
	n := 0
	for i := range articles {
		if n == limit {
			break
		}
		src := articles[i].SourceName
		if src == "" {
			src = hostOf(articles[i].URL)
		}
		if !seen[src] {
			seen[src] = true
			take[i] = true
			n++
		}
	}
	for i := range articles {
		if n == limit {
			break
		}
		if !take[i] {
			take[i] = true
			n++
		}
	}
	out := make([]int, 0, limit)
	for i, ok := range take {
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// stored returns up to n stored summary sentences, else the teaser's first
// sentences, from the earliest article that has them.
func stored(articles []briefings.Article, n int) ([]string, int) {
	for i, a := range articles {
		if len(a.Summary) > 0 && a.ShowText {
			return clip(a.Summary, n), i
		}
	}
	for i, a := range articles {
		if t := strings.TrimSpace(a.Teaser); t != "" {
			return clip(text.Sentences(t), n), i
		}
	}
	return nil, -1
}

// clip returns up to n of ss, trimmed, without empty ones and without the
// list marker a sentence quoted from a list starts with ("- ", "• ", "* ":
// the Air Force's posts list weapons so), which out of its list reads as
// a stray dash (dashes of dialogue, – and —, stay), and without a wire
// dateline before the sentence (the item names its sources).
func clip(ss []string, n int) []string {
	var out []string
	for _, s := range ss {
		s = strings.TrimSpace(s)
		for _, m := range []string{"- ", "• ", "* "} {
			s = strings.TrimSpace(strings.TrimPrefix(s, m))
		}
		if m := dateline.FindStringIndex(s); m != nil && m[1] < len(s) {
			s = s[m[1]:]
		}
		if s != "" {
			out = append(out, s)
		}
		if len(out) == n {
			break
		}
	}
	return out
}

// headline is the story's headline, from the article most sentences come
// from (originals[best]) else the first with a title, and that article's
// publication (zero for the story's own title).
func headline(s *briefings.Story, originals []briefings.Article, best int) (string, time.Time) {
	if best >= 0 && best < len(originals) && strings.TrimSpace(originals[best].Title) != "" {
		return strings.TrimSpace(originals[best].Title), originals[best].PublishedAt
	}
	for _, a := range originals {
		if t := strings.TrimSpace(a.Title); t != "" {
			return t, a.PublishedAt
		}
	}
	return strings.TrimSpace(s.Title), time.Time{}
}

// Window formats a period in loc: "26 Nov 2026, 06:00–14:00 EET" within
// one day, "25 Nov 08:00 – 26 Nov 2026 08:00 EET" otherwise.
func Window(since, until time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	s, u := since.In(loc), until.In(loc)
	zone := u.Format("MST")
	switch {
	case s.Year() == u.Year() && s.YearDay() == u.YearDay():
		return s.Format("2 Jan 2006, 15:04") + "–" + u.Format("15:04") + " " + zone
	case s.Year() == u.Year():
		return s.Format("2 Jan 15:04") + " – " + u.Format("2 Jan 2006 15:04") + " " + zone
	}
	return s.Format("2 Jan 2006 15:04") + " – " + u.Format("2 Jan 2006 15:04") + " " + zone
}

// JSON returns the digest as indented JSON.
func JSON(d *briefings.Digest) ([]byte, error) {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("digest: json: %w", err)
	}
	return b, nil
}

// union is a's reports and those of b not in a (by ID).
func union(a, b []*briefings.AttackReport) []*briefings.AttackReport {
	seen := map[int64]bool{}
	out := append([]*briefings.AttackReport(nil), a...)
	for _, r := range a {
		seen[r.ID] = true
	}
	for _, r := range b {
		if r.ID == 0 || !seen[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// eventReports indexes the usable attack reports of a window by event.
func eventReports(reports []*briefings.AttackReport) map[string][]*briefings.AttackReport {
	out := map[string][]*briefings.AttackReport{}
	for _, r := range reports {
		if usable(r) {
			out[r.EventKey()] = append(out[r.EventKey()], r)
		}
	}
	return out
}

// Filter returns d without the items f leaves out, judged on their
// headline, sentences, figures, event line, sources and the regions of their
// attack reports; sections left empty are dropped. d is not changed.
func Filter(d *briefings.Digest, f keywords.Filter) *briefings.Digest {
	if d == nil || f.Empty() {
		return d
	}
	out := *d
	out.Sections = nil
	for _, sec := range d.Sections {
		// More is dropped: the filter never judged the stories left out.
		kept := briefings.DigestSection{Name: sec.Name}
		for _, it := range sec.Items {
			texts := append([]string{it.Headline, it.Figures, it.Event}, it.Sentences...)
			for _, s := range it.Sources {
				texts = append(texts, s.Name)
			}
			for _, r := range it.Attacks {
				texts = append(texts, strings.Join(r.Regions, " "))
			}
			if f.Allows(texts...) {
				kept.Items = append(kept.Items, it)
			}
		}
		if len(kept.Items) > 0 {
			out.Sections = append(out.Sections, kept)
		}
	}
	return &out
}
