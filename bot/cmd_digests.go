package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
	"github.com/sitrep/sitrep/briefings/text"
)

// digestCommands: reading the news (digests, summaries, latest articles,
// search).
func digestCommands() []Command {
	return []Command{
		command(Command{Name: "digest", Slow: true, Args: []Arg{periodArg()},
			Help: Help{Usage: "/digest [24h|7d]", Summary: "Briefing of the latest stories"}},
			parsePeriod, (*Router).digest),
		command(Command{Name: "summary", Slow: true,
			Help: Help{Usage: "/summary <topic, question or URL>", Summary: "Summary of a topic, a question or an article URL"},
			Args: []Arg{{Name: "query", Help: "Topic, question or article URL", Required: true, Complete: CompleteTopics, Rest: true}}},
			parseSummary, (*Router).summary),
		command(Command{Name: "latest", Help: Help{Usage: "/latest [n]", Summary: "Latest articles on the war"},
			Args: []Arg{{Name: "n", Help: "How many (1-20)", Kind: ArgInteger}}},
			parseLatest, (*Router).latest),
		command(Command{Name: "search", Slow: true, Help: Help{Usage: "/search <words>", Summary: "Search stored articles"},
			Args: []Arg{{Name: "words", Help: "Words to search for", Required: true, Rest: true}}},
			parseSearch, (*Router).search),
	}
}

// periodArg is the time window of /digest and /attacks.
func periodArg() Arg {
	return Arg{Name: "period", Help: "Time window", Choices: []string{"24h", "7d"}}
}

// parsePeriod reads "24h", "7d", "3d", "12h" (at most 30 days; 24 hours
// when none is given).
func parsePeriod(words []string) (time.Duration, error) {
	if len(words) == 0 {
		return 24 * time.Hour, nil
	}
	if len(words) > 1 {
		return 0, invalid("error.period_one")
	}
	d, err := briefings.ParseDuration(strings.ToLower(words[0]))
	if err != nil || d <= 0 {
		return 0, invalid("error.period_bad", locale.Args{"Period": strconv.Quote(trimForReply(words[0], 20))})
	}
	if d > 30*24*time.Hour {
		return 0, invalid("error.period_long")
	}
	return d, nil
}

// FormatPeriod prints a duration as "24h" or "7d".
func FormatPeriod(d time.Duration) string {
	if d%(24*time.Hour) == 0 && d >= 48*time.Hour {
		return strconv.Itoa(int(d/(24*time.Hour))) + "d"
	}
	return strconv.Itoa(int(d/time.Hour)) + "h"
}

func (r *Router) digest(ctx context.Context, req *Request, period time.Duration) (*Reply, error) {
	now := r.d.Now()
	d, err := r.d.Digest(ctx, now.Add(-period), now, nil)
	if err != nil {
		return nil, err
	}
	rep := r.d.Langs.DigestFor(ctx, req.Chat, req.Locale, d, r.chatLocation(ctx, req.Chat))
	if period < 7*24*time.Hour {
		rep.Buttons = [][]Button{{{Label: req.t("button.last_7_days"), Data: "/digest 7d"}, {Label: req.t("button.attacks"), Data: "/attacks " + FormatPeriod(period)}}}
	}
	return rep, nil
}

// summaryQuery is what /summary is asked: an article's URL, or words (a
// topic or a question).
type summaryQuery struct {
	URL   string
	Words []string
}

func parseSummary(words []string) (summaryQuery, error) {
	if len(words) == 0 {
		return summaryQuery{}, invalid("error.summary_what")
	}
	if len(words) == 1 && isURL(words[0]) {
		return summaryQuery{URL: words[0]}, nil
	}
	return summaryQuery{Words: words}, nil
}

func (r *Router) summary(ctx context.Context, req *Request, q summaryQuery) (*Reply, error) {
	if q.URL != "" {
		return r.summarizeURL(ctx, req, q.URL)
	}
	query := strings.Join(q.Words, " ")
	arts, focus, err := r.summaryArticles(ctx, q.Words)
	if err != nil {
		return nil, err
	}
	// Off-topic articles are searchable (/search) but never summarized.
	arts = slices.DeleteFunc(arts, func(a *briefings.Article) bool { return a.OffTopic })
	if len(arts) == 0 {
		return Text(req.t("summary.none", locale.Args{"Query": strconv.Quote(trimForReply(query, 80))})), nil
	}
	docs, picked := onePerStory(arts, 5)
	var sents []briefings.Picked
	if fs, ok := r.d.Summarizer.(briefings.FocusedSummarizer); ok {
		sents = fs.SummarizeFocused(docs, focus, 4)
	} else {
		sents = r.d.Summarizer.SummarizeStory(docs, 4)
	}
	return summaryReply(req.pr, query, picked, sents, r.d.Location), nil
}

// summaryArticles finds the articles a summary of words reads, best first,
// and what the summary should focus on. One word naming a topic reads the
// topic's articles; anything else is searched by its content words.
func (r *Router) summaryArticles(ctx context.Context, words []string) (arts []*briefings.Article, focus string, err error) {
	query := strings.Join(words, " ")
	if t := topicName(query); t != "" && len(words) == 1 {
		arts, err = r.articlesWithTopic(ctx, t, 12)
		namingFirst(arts, plainWord(query))
		return arts, query, err
	}
	// A question ("what did the Air Force say about missiles?") is searched
	// by its content words, all of them if some article has them all, else
	// any, best match first.
	cw := contentWords(query)
	if len(cw) == 0 {
		return nil, "", invalid("error.summary_words")
	}
	focus = strings.Join(cw, " ")
	arts, err = r.d.Store.SearchArticles(ctx, focus, 12)
	if err == nil && len(arts) == 0 && strings.Contains(focus, " ") {
		arts, err = r.d.Store.SearchArticlesAny(ctx, focus, 12)
	}
	return arts, focus, err
}

// namingFirst keeps arts newest first, but puts an article that names the
// word the user typed ("missiles") before one that is only on the topic, so
// the story's article that speaks of it is the one quoted.
func namingFirst(arts []*briefings.Article, w string) {
	names := make(map[*briefings.Article]int, len(arts))
	for _, a := range arts {
		if strings.Contains(strings.ToLower(a.Title), w) {
			names[a] += 2
		}
		if strings.Contains(strings.ToLower(a.DisplayText()), w) {
			names[a]++
		}
	}
	slices.SortStableFunc(arts, func(x, y *briefings.Article) int { return names[y] - names[x] })
}

// onePerStory keeps the first (best matching) article of each story, up to
// n, original articles only, as summarizer documents.
func onePerStory(arts []*briefings.Article, n int) ([]briefings.Doc, []*briefings.Article) {
	seen := map[int64]bool{}
	var docs []briefings.Doc
	var picked []*briefings.Article
	for _, a := range arts {
		if seen[a.StoryID] || a.CopyOf != 0 || len(docs) == n {
			continue
		}
		seen[a.StoryID] = true
		docs = append(docs, briefings.Doc{Title: a.Title, Body: a.DisplayText()})
		picked = append(picked, a)
	}
	return docs, picked
}

// summaryReply quotes the picked sentences, each with its source, and lists
// the articles quoted (all picked ones when none was).
func summaryReply(pr *locale.Printer, query string, picked []*briefings.Article, sents []briefings.Picked, loc *time.Location) *Reply {
	rep := &Reply{Title: pr.T("summary.title", locale.Args{"Query": trimForReply(query, 80)}), NoPreview: true}
	p := Paragraph{}
	used := map[int]bool{}
	for _, s := range sents {
		p.Lines = append(p.Lines, []Span{{Text: s.Sentence}, {Text: " (" + picked[s.Doc].SourceName + ")", Italic: true}})
		used[s.Doc] = true
	}
	if len(p.Lines) > 0 {
		rep.Paragraphs = append(rep.Paragraphs, p)
	}
	src := Paragraph{Heading: pr.T("reply.sources_heading")}
	for i, a := range picked {
		if len(used) > 0 && !used[i] {
			continue
		}
		src.Lines = append(src.Lines, articleLine(pr, a, loc))
	}
	rep.Paragraphs = append(rep.Paragraphs, src)
	return rep
}

// askWords are the words of a request or a question that name no subject.
var askWords = map[string]bool{
	"say": true, "says": true, "said": true, "tell": true, "told": true, "happen": true, "happened": true,
	"happening": true, "news": true, "latest": true, "update": true, "updates": true, "summary": true,
	"summarize": true, "summarise": true, "know": true, "me": true, "please": true, "going": true, "anything": true,
}

// contentWords returns the words of a user's query that name its subject:
// not stop words, not the words of asking.
func contentWords(query string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(query, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		lw := strings.ToLower(w)
		if text.IsStopWord(lw) || askWords[lw] {
			continue
		}
		out = append(out, w)
	}
	return out
}

func (r *Router) articlesWithTopic(ctx context.Context, topic briefings.Topic, n int) ([]*briefings.Article, error) {
	now := r.d.Now()
	all, err := r.d.Store.ListArticles(ctx, briefings.ArticleFilter{Since: now.Add(-7 * 24 * time.Hour), Limit: 500, OnTopic: true})
	if err != nil {
		return nil, err
	}
	var out []*briefings.Article
	for _, a := range all {
		if inTopic(a, topic) {
			out = append(out, a)
		}
		if len(out) == n {
			break
		}
	}
	return out, nil
}

// inTopic reports whether a belongs to a topic's summary. For a topic that
// names a section, a classified article belongs by its section (the one the
// digest shows it under), not by the words it mentions: a talks story that
// names a drone is no air attack. Narrower topics (energy, prisoners,
// humanitarian) and articles stored before classification go by topics.
func inTopic(a *briefings.Article, t briefings.Topic) bool {
	return t.Includes(a.Section, func(t briefings.Topic) bool { return slices.Contains(a.Topics, t) })
}

func (r *Router) summarizeURL(ctx context.Context, req *Request, u string) (*Reply, error) {
	if r.d.FetchPage == nil {
		return nil, invalid("error.fetch_off")
	}
	a, err := r.d.FetchPage(ctx, u)
	if err != nil {
		if briefings.ErrorCode(err) == briefings.EINTERNAL {
			r.d.Logger.Info("router: page fetch failed", slog.Any("error", err))
			return nil, invalid("error.page_unreadable", locale.Args{"Why": shortErr(err)})
		}
		return nil, err
	}
	sents := r.d.Summarizer.Summarize(a.Title, a.Body, 3)
	if len(sents) == 0 {
		return nil, invalid("error.page_empty")
	}
	p := Paragraph{}
	for _, s := range sents {
		p.Lines = append(p.Lines, []Span{{Text: s}})
	}
	name := a.SourceName
	if name == "" {
		if pu, err := url.Parse(u); err == nil {
			name = pu.Host
		}
	}
	return &Reply{Title: a.Title, NoPreview: true, Paragraphs: []Paragraph{p,
		{Lines: [][]Span{{{Text: req.n("reply.sources_n", 1) + " "}, {Text: name, URL: u}}}}}}, nil
}

// articleLine is an article's title, linked, with its source and date.
func articleLine(pr *locale.Printer, a *briefings.Article, loc *time.Location) []Span {
	line := []Span{}
	if a.URL != "" {
		line = append(line, Span{Text: a.Title, URL: a.URL})
	} else {
		line = append(line, Span{Text: a.Title})
	}
	meta := " — " + a.SourceName
	switch {
	case a.PublishedAt.IsZero():
	case a.DateOnly:
		meta += ", " + pr.DayMonth(dayOf(a.PublishedAt)) // the source gives no time of day
	default:
		meta += ", " + pr.DayTime(a.PublishedAt.In(loc))
	}
	return append(line, Span{Text: meta, Italic: true})
}

// parseLatest reads how many articles /latest lists (default 5).
func parseLatest(words []string) (int, error) {
	if len(words) == 0 {
		return 5, nil
	}
	v, err := strconv.Atoi(words[0])
	if err != nil || v < 1 || v > 20 || len(words) > 1 {
		return 0, invalid("error.latest_n")
	}
	return v, nil
}

func (r *Router) latest(ctx context.Context, req *Request, n int) (*Reply, error) {
	// Off-topic articles are left out; /search still finds them.
	arts, err := r.d.Store.ListArticles(ctx, briefings.ArticleFilter{Limit: n, OnTopic: true})
	if err != nil {
		return nil, err
	}
	if len(arts) == 0 {
		return Text(req.t("latest.none")), nil
	}
	p := Paragraph{}
	for _, a := range arts {
		p.Lines = append(p.Lines, articleLine(req.pr, a, r.d.Location))
	}
	return &Reply{Title: req.n("latest.title", len(arts)), Paragraphs: []Paragraph{p}, NoPreview: true}, nil
}

// searchPage is how many results one /search reply lists.
const searchPage = 5

// searchQuery is a /search: the words and which page of results (0 first).
type searchQuery struct {
	Page  int
	Words string
}

// parseSearch reads "/search words"; "-pN" before the words asks for page N
// (the "More" button).
func parseSearch(words []string) (searchQuery, error) {
	q := searchQuery{}
	if len(words) > 0 && strings.HasPrefix(words[0], "-p") {
		if n, err := strconv.Atoi(words[0][2:]); err == nil && n >= 0 && n < 20 {
			q.Page = n
			words = words[1:]
		}
	}
	if len(words) == 0 {
		return q, invalid("error.search_what")
	}
	q.Words = strings.Join(words, " ")
	return q, nil
}

func (r *Router) search(ctx context.Context, req *Request, q searchQuery) (*Reply, error) {
	page, query := q.Page, q.Words
	arts, err := r.d.Store.SearchArticles(ctx, query, (page+1)*searchPage+1)
	if err != nil {
		return nil, err
	}
	if len(arts) <= page*searchPage {
		return Text(req.t("search.none", locale.Args{"Query": strconv.Quote(trimForReply(query, 80))})), nil
	}
	more := len(arts) > (page+1)*searchPage
	arts = arts[page*searchPage : min(len(arts), (page+1)*searchPage)]
	p := Paragraph{}
	for _, a := range arts {
		p.Lines = append(p.Lines, articleLine(req.pr, a, r.d.Location))
	}
	rep := &Reply{Title: req.t("search.title", locale.Args{"Query": trimForReply(query, 60)}), Paragraphs: []Paragraph{p}, NoPreview: true}
	if more {
		data := fmt.Sprintf("/search -p%d %s", page+1, query)
		if len(data) <= MaxButtonData {
			rep.Buttons = [][]Button{{{Label: req.t("button.more"), Data: data}}}
		}
	}
	return rep, nil
}
