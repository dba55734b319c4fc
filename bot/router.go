package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/bot/chart"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/text"
)

// Deps are what the router needs. Everything that is not the store is a
// function value, so the router stays free of ingest/digest/schedule imports
// and tests can swap any of them.
type Deps struct {
	Store      briefings.Store
	Summarizer briefings.Summarizer
	// Digest builds a digest over [since, until) for the given topics (empty = all).
	Digest func(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error)
	// AttackLines renders one line per attack event from reports.
	AttackLines func(reports []*briefings.AttackReport, loc *time.Location) []string
	// FetchPage fetches and extracts a public article page (SSRF-guarded).
	FetchPage func(ctx context.Context, url string) (*briefings.Article, error)
	// AddSource validates a public feed URL or channel ("@name", a t.me
	// link), reads it once and stores it.
	AddSource func(ctx context.Context, url string) (*briefings.Source, error)
	// NextDigest returns the first slot after `after` for a schedule, or an
	// error a user can read ("unknown time zone ...").
	NextDigest func(schedule, tz string, after time.Time) (time.Time, error)
	// Stats returns extra lines for /stats (queue metrics); may be nil.
	Stats func(ctx context.Context) []string
	// Notify is called after settings change (wake schedulers); may be nil.
	Notify func()
	Now    func() time.Time
	Logger *slog.Logger
	// RatePerMinute is each user's command budget (default 20) and RateBurst
	// how many may come at once (default 5).
	RatePerMinute int
	RateBurst     int
	// Location renders dates when a chat has no time zone of its own (default UTC).
	Location *time.Location
	// Charts draws /chart and computes /trend; nil turns both off.
	Charts *chart.Service
}

// Router is the platform-neutral command router every adapter uses.
type Router struct {
	d       Deps
	cmds    map[string]CommandSpec
	limiter *userLimiter
}

// MaxInput is the longest command line accepted.
const MaxInput = 512

// NewRouter returns a router over d.
func NewRouter(d Deps) *Router {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.RatePerMinute <= 0 {
		d.RatePerMinute = 20
	}
	if d.RateBurst <= 0 {
		d.RateBurst = 5
	}
	if d.Location == nil {
		d.Location = time.UTC
	}
	r := &Router{d: d, cmds: map[string]CommandSpec{}, limiter: newUserLimiter(d.RatePerMinute, d.RateBurst)}
	for _, c := range Commands() {
		r.cmds[c.Name] = c
	}
	return r
}

// Handle answers one request. It never panics on user input and never returns
// internal error detail to the user. A nil reply means "say nothing" (plain
// chatter in a group).
func (r *Router) Handle(ctx context.Context, req *Request) (reply *Reply) {
	defer func() {
		if p := recover(); p != nil {
			r.d.Logger.Error("router: panic", slog.Any("panic", p), slog.String("platform", string(req.Chat.Platform)))
			reply = ErrorReply("Something went wrong; please try again later.")
		}
	}()
	text := req.Text
	if req.Callback != "" {
		text = req.Callback
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	if !utf8.ValidString(text) || hasOddRunes(text) {
		return ErrorReply("Your message has characters I can't read (control or direction marks). Please retype it.")
	}
	if len(text) > MaxInput {
		return ErrorReply(fmt.Sprintf("That is too long (%d characters); commands take at most %d.", utf8.RuneCountInString(text), MaxInput))
	}
	if !strings.HasPrefix(text, "/") {
		if req.ChatKind == briefings.ChatPrivate || req.Chat.Platform == briefings.PlatformConsole {
			text = "/summary " + text
		} else {
			return nil
		}
	}
	name, args := splitCommand(text)
	spec, ok := r.cmds[name]
	if !ok && name != "toggle" {
		return ErrorReply(fmt.Sprintf("Unknown command /%s. Try /help.", trimForReply(name, 32)))
	}
	if req.Chat.Platform != briefings.PlatformConsole && !r.limiter.allow(string(req.Chat.Platform)+":"+req.UserID, r.d.Now()) {
		return ErrorReply("Slow down a little: too many commands in a minute. Try again shortly.")
	}
	if spec.AdminOnly && !req.IsAdmin {
		return ErrorReply("That command is for the bot's admins.")
	}
	if (spec.Manage || name == "toggle") && !req.CanManage {
		return ErrorReply("Only members who can manage this channel may change its settings.")
	}
	var err error
	switch name {
	case "start":
		reply = r.start(req)
	case "help":
		reply = r.help(req)
	case "digest":
		reply, err = r.digest(ctx, req, args)
	case "summary":
		reply, err = r.summary(ctx, args)
	case "latest":
		reply, err = r.latest(ctx, args)
	case "attacks":
		reply, err = r.attacks(ctx, req, args)
	case "chart":
		reply, err = r.chart(ctx, req, args)
	case "trend":
		reply, err = r.trend(ctx, req, args)
	case "subscribe":
		reply, err = r.subscribe(ctx, req, args)
	case "unsubscribe":
		reply, err = r.unsubscribe(ctx, req)
	case "alerts":
		reply, err = r.alerts(ctx, req, args)
	case "settings":
		reply, err = r.settings(ctx, req)
	case "toggle":
		reply, err = r.toggle(ctx, req, args)
	case "sources":
		reply, err = r.sources(ctx)
	case "search":
		reply, err = r.search(ctx, args)
	case "addsource":
		reply, err = r.addSource(ctx, args)
	case "removesource":
		reply, err = r.removeSource(ctx, args)
	case "stats":
		reply, err = r.stats(ctx)
	}
	if err != nil {
		code := briefings.ErrorCode(err)
		if code == briefings.EINTERNAL {
			r.d.Logger.Error("router: command failed", slog.String("command", name), slog.String("platform", string(req.Chat.Platform)),
				slog.String("chat_id", req.Chat.ChatID), slog.Any("error", err))
			return ErrorReply("Something went wrong; please try again later.")
		}
		return ErrorReply(briefings.ErrorMessage(err))
	}
	return reply
}

// splitCommand returns the lower-cased command name (without "/" and
// "@botname") and the argument words.
func splitCommand(text string) (string, []string) {
	fields := strings.Fields(text)
	name := strings.TrimPrefix(fields[0], "/")
	if i := strings.IndexByte(name, '@'); i >= 0 {
		name = name[:i]
	}
	return strings.ToLower(name), fields[1:]
}

// hasOddRunes reports control characters (other than tab and newline),
// bidirectional overrides and other invisible format characters.
func hasOddRunes(s string) bool {
	for _, c := range s {
		switch {
		case c == '\n' || c == '\t' || c == '\r':
		case unicode.IsControl(c):
			return true
		case c >= 0x202A && c <= 0x202E, c >= 0x2066 && c <= 0x2069, c == 0x200E, c == 0x200F, c == 0xFEFF:
			return true
		case unicode.Is(unicode.Co, c) || c == utf8.RuneError:
			return true
		}
	}
	return false
}

func trimForReply(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

func invalid(format string, a ...any) error {
	return briefings.Errorf(briefings.EINVALID, format, a...)
}

func (r *Router) start(req *Request) *Reply {
	rep := &Reply{
		Title: "Welcome to sitrep",
		Paragraphs: []Paragraph{{Lines: [][]Span{
			{{Text: "Short, sourced briefings on the Russia-Ukraine war and the diplomacy around it. Every figure is quoted from its source, and every item names its sources."}},
			{{Text: "Tap a button to set up, or type /help."}},
		}}},
	}
	rep.Buttons = [][]Button{{{Label: "Latest briefing", Data: "/digest 24h"}, {Label: "Attacks (24h)", Data: "/attacks 24h"}}}
	if req.CanManage {
		rep.Buttons = append(rep.Buttons, []Button{
			{Label: "Daily digest 08:00 Kyiv", Data: "/subscribe 08:00 Europe/Kyiv"},
			{Label: "Attack alerts on", Data: "/alerts on"},
		})
	}
	return rep
}

func (r *Router) help(req *Request) *Reply {
	p := Paragraph{}
	for _, c := range Commands() {
		if c.AdminOnly && !req.IsAdmin {
			continue
		}
		p.Lines = append(p.Lines, []Span{{Text: c.Usage, Code: true}, {Text: " " + c.Description}})
	}
	return &Reply{Title: "sitrep commands", Paragraphs: []Paragraph{p,
		{Lines: [][]Span{{{Text: "Figures are quoted verbatim from the sources named under each item."}}}}}}
}

// parsePeriod reads "24h", "7d", "3d", "12h" (at most 30 days).
func parsePeriod(args []string, def time.Duration) (time.Duration, error) {
	if len(args) == 0 {
		return def, nil
	}
	if len(args) > 1 {
		return 0, invalid("Give one period, like 24h or 7d.")
	}
	d, err := briefings.ParseDuration(strings.ToLower(args[0]))
	if err != nil || d <= 0 {
		return 0, invalid("I don't understand the period %q; use something like 24h or 7d.", trimForReply(args[0], 20))
	}
	if d > 30*24*time.Hour {
		return 0, invalid("The longest period is 30d.")
	}
	return d, nil
}

func (r *Router) chatLocation(ctx context.Context, c briefings.Chat) *time.Location {
	if sub, err := r.d.Store.GetSubscription(ctx, c); err == nil && sub.TimeZone != "" {
		if loc, err := time.LoadLocation(sub.TimeZone); err == nil {
			return loc
		}
	}
	return r.d.Location
}

func (r *Router) digest(ctx context.Context, req *Request, args []string) (*Reply, error) {
	period, err := parsePeriod(args, 24*time.Hour)
	if err != nil {
		return nil, err
	}
	now := r.d.Now()
	d, err := r.d.Digest(ctx, now.Add(-period), now, nil)
	if err != nil {
		return nil, err
	}
	rep := DigestReply(d, r.chatLocation(ctx, req.Chat))
	if period < 7*24*time.Hour {
		rep.Buttons = [][]Button{{{Label: "Last 7 days", Data: "/digest 7d"}, {Label: "Attacks", Data: "/attacks " + FormatPeriod(period)}}}
	}
	return rep, nil
}

// FormatPeriod prints a duration as "24h" or "7d".
func FormatPeriod(d time.Duration) string {
	if d%(24*time.Hour) == 0 && d >= 48*time.Hour {
		return strconv.Itoa(int(d/(24*time.Hour))) + "d"
	}
	return strconv.Itoa(int(d/time.Hour)) + "h"
}

func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && u.Host != ""
}

// topicAliases maps words users type to topic names.
var topicAliases = map[string]briefings.Topic{
	"attacks": briefings.TopicAirAttacks, "attack": briefings.TopicAirAttacks, "air": briefings.TopicAirAttacks,
	"drones": briefings.TopicAirAttacks, "missiles": briefings.TopicAirAttacks,
	"front": briefings.TopicFrontLine, "frontline": briefings.TopicFrontLine, "front-line": briefings.TopicFrontLine,
	"diplomacy": briefings.TopicDiplomacy, "talks": briefings.TopicDiplomacy, "peace": briefings.TopicDiplomacy,
	"sanctions": briefings.TopicSanctions, "aid": briefings.TopicMilitaryAid, "weapons": briefings.TopicMilitaryAid,
	"energy": briefings.TopicEnergy, "humanitarian": briefings.TopicHumanitarian,
	"prisoners": briefings.TopicPrisoners, "pows": briefings.TopicPrisoners, "exchange": briefings.TopicPrisoners,
}

// plainWord is w lower-cased, without the punctuation typed around it.
func plainWord(w string) string { return strings.ToLower(strings.Trim(w, ",;.")) }

// topicName returns the topic a word names, or "".
func topicName(w string) briefings.Topic {
	w = plainWord(w)
	if t, ok := briefings.ParseTopic(w); ok {
		return t
	}
	return topicAliases[w]
}

func (r *Router) summary(ctx context.Context, args []string) (*Reply, error) {
	if len(args) == 0 {
		return nil, invalid("Tell me what about: /summary <topic, question or article URL>, e.g. /summary security guarantees")
	}
	if len(args) == 1 && isURL(args[0]) {
		return r.summarizeURL(ctx, args[0])
	}
	query := strings.Join(args, " ")
	focus := query // what the search and the summary look for
	var arts []*briefings.Article
	var err error
	if t := topicName(query); t != "" && len(args) == 1 {
		arts, err = r.articlesWithTopic(ctx, t, 12)
		// Newest first, but an article that names the word the user typed
		// ("missiles") before one that is only on the topic, so the story's
		// article that speaks of it is the one quoted.
		w := plainWord(query)
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
	} else {
		// A question ("what did the Air Force say about missiles?") is
		// searched by its content words, all of them if some article has
		// them all, else any, best match first.
		words := contentWords(query)
		if len(words) == 0 {
			return nil, invalid("Tell me what about: a topic, a place or a name, e.g. /summary security guarantees")
		}
		focus = strings.Join(words, " ")
		arts, err = r.d.Store.SearchArticles(ctx, focus, 12)
		if err == nil && len(arts) == 0 && strings.Contains(focus, " ") {
			arts, err = r.d.Store.SearchArticlesAny(ctx, focus, 12)
		}
	}
	if err != nil {
		return nil, err
	}
	// Off-topic articles are searchable (/search) but never summarized.
	arts = slices.DeleteFunc(arts, func(a *briefings.Article) bool { return a.OffTopic })
	if len(arts) == 0 {
		return Text(fmt.Sprintf("Nothing stored matches %q yet. Try other words, or /latest.", trimForReply(query, 80))), nil
	}
	// Keep one article per story (the best match), most relevant first.
	seen := map[int64]bool{}
	var docs []briefings.Doc
	var picked []*briefings.Article
	for _, a := range arts {
		if seen[a.StoryID] || a.CopyOf != 0 || len(docs) == 5 {
			continue
		}
		seen[a.StoryID] = true
		docs = append(docs, briefings.Doc{Title: a.Title, Body: a.DisplayText()})
		picked = append(picked, a)
	}
	var sents []briefings.Picked
	if fs, ok := r.d.Summarizer.(briefings.FocusedSummarizer); ok {
		sents = fs.SummarizeFocused(docs, focus, 4)
	} else {
		sents = r.d.Summarizer.SummarizeStory(docs, 4)
	}
	rep := &Reply{Title: "Summary: " + trimForReply(query, 80), NoPreview: true}
	p := Paragraph{}
	used := map[int]bool{}
	for _, s := range sents {
		p.Lines = append(p.Lines, []Span{{Text: s.Sentence}, {Text: " (" + picked[s.Doc].SourceName + ")", Italic: true}})
		used[s.Doc] = true
	}
	if len(p.Lines) > 0 {
		rep.Paragraphs = append(rep.Paragraphs, p)
	}
	src := Paragraph{Heading: "Sources"}
	for i, a := range picked {
		if len(used) > 0 && !used[i] {
			continue
		}
		src.Lines = append(src.Lines, articleLine(a, r.d.Location))
	}
	rep.Paragraphs = append(rep.Paragraphs, src)
	return rep, nil
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
		for _, t := range a.Topics {
			if t == topic {
				out = append(out, a)
				break
			}
		}
		if len(out) == n {
			break
		}
	}
	return out, nil
}

func (r *Router) summarizeURL(ctx context.Context, u string) (*Reply, error) {
	if r.d.FetchPage == nil {
		return nil, invalid("Fetching pages is turned off here.")
	}
	a, err := r.d.FetchPage(ctx, u)
	if err != nil {
		if briefings.ErrorCode(err) == briefings.EINTERNAL {
			r.d.Logger.Info("router: page fetch failed", slog.Any("error", err))
			return nil, invalid("I couldn't read that page: %s", shortErr(err))
		}
		return nil, err
	}
	sents := r.d.Summarizer.Summarize(a.Title, a.Body, 3)
	if len(sents) == 0 {
		return nil, invalid("That page has no article text I can summarize.")
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
		{Lines: [][]Span{{{Text: "Source: "}, {Text: name, URL: u}}}}}}, nil
}

// shortErr keeps the last part of an error chain, which says what went wrong
// without internal prefixes.
func shortErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && i+2 < len(s) {
		s = s[i+2:]
	}
	return trimForReply(s, 160)
}

func articleLine(a *briefings.Article, loc *time.Location) []Span {
	line := []Span{}
	if a.URL != "" {
		line = append(line, Span{Text: a.Title, URL: a.URL})
	} else {
		line = append(line, Span{Text: a.Title})
	}
	meta := " — " + a.SourceName
	if !a.PublishedAt.IsZero() {
		meta += ", " + a.PublishedAt.In(loc).Format("2 Jan 15:04")
	}
	return append(line, Span{Text: meta, Italic: true})
}

func (r *Router) latest(ctx context.Context, args []string) (*Reply, error) {
	n := 5
	if len(args) > 0 {
		v, err := strconv.Atoi(args[0])
		if err != nil || v < 1 || v > 20 || len(args) > 1 {
			return nil, invalid("Give a number from 1 to 20, like /latest 10.")
		}
		n = v
	}
	// Off-topic articles are left out; /search still finds them.
	arts, err := r.d.Store.ListArticles(ctx, briefings.ArticleFilter{Limit: n, OnTopic: true})
	if err != nil {
		return nil, err
	}
	if len(arts) == 0 {
		return Text("No articles stored yet."), nil
	}
	p := Paragraph{}
	for _, a := range arts {
		p.Lines = append(p.Lines, articleLine(a, r.d.Location))
	}
	return &Reply{Title: fmt.Sprintf("Latest %d articles", len(arts)), Paragraphs: []Paragraph{p}, NoPreview: true}, nil
}

func (r *Router) attacks(ctx context.Context, req *Request, args []string) (*Reply, error) {
	period, err := parsePeriod(args, 24*time.Hour)
	if err != nil {
		return nil, err
	}
	now := r.d.Now()
	reps, err := r.d.Store.ListAttackReports(ctx, now.Add(-period), now.Add(time.Minute))
	if err != nil {
		return nil, err
	}
	loc := r.chatLocation(ctx, req.Chat)
	lines := r.d.AttackLines(reps, loc)
	title := "Attacks, last " + FormatPeriod(period)
	rec, err := r.recordParagraph(ctx, now.Add(-period), now, reps, loc)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 && rec == nil {
		return Text("No drone or missile attack reports with figures in the last " + FormatPeriod(period) + "."), nil
	}
	var paras []Paragraph
	if len(lines) > 0 {
		p := Paragraph{}
		if rec != nil {
			p.Heading = "Reported in the news"
		}
		for _, l := range lines {
			p.Lines = append(p.Lines, []Span{{Text: l}})
		}
		paras = append(paras, p)
	}
	if rec != nil {
		paras = append(paras, *rec)
	}
	return &Reply{Title: title, Paragraphs: paras, NoPreview: true}, nil
}

// parseSubscribe reads "[HH:MM] [time zone] [topics...]" or a cron spec.
func parseSubscribe(args []string) (schedule, tz string, topics []briefings.Topic, err error) {
	joined := strings.Join(args, " ")
	if strings.HasPrefix(joined, "CRON_TZ=") || strings.HasPrefix(joined, "TZ=") || looksLikeCron(args) {
		return joined, "", nil, nil
	}
	schedule = "08:00"
	for _, a := range args {
		switch {
		case isClock(a):
			schedule = normalizeClock(a)
		case strings.Contains(a, "/") || strings.EqualFold(a, "UTC"):
			if strings.EqualFold(a, "utc") {
				a = "UTC"
			}
			tz = a
		default:
			t := topicName(a)
			if t == "" {
				return "", "", nil, invalid("I don't know the topic %q. Topics: %s.", trimForReply(a, 30), topicList(briefings.Topics()))
			}
			topics = appendUnique(topics, t)
		}
	}
	return schedule, tz, topics, nil
}

func looksLikeCron(args []string) bool {
	if len(args) != 5 {
		return false
	}
	for _, a := range args {
		if strings.Trim(a, "0123456789*/,-") != "" && !strings.ContainsAny(a, "0123456789*") {
			return false
		}
	}
	return !isClock(args[0])
}

func isClock(s string) bool {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(m) != 2 || len(h) < 1 || len(h) > 2 {
		return false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	return err1 == nil && err2 == nil && hh >= 0 && hh < 24 && mm >= 0 && mm < 60
}

func normalizeClock(s string) string {
	h, m, _ := strings.Cut(s, ":")
	if len(h) == 1 {
		h = "0" + h
	}
	return h + ":" + m
}

func appendUnique[S comparable](list []S, s S) []S {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func (r *Router) subscribe(ctx context.Context, req *Request, args []string) (*Reply, error) {
	schedule, tz, topics, err := parseSubscribe(args)
	if err != nil {
		return nil, err
	}
	if tz == "" && !strings.Contains(schedule, " ") {
		tz = "UTC"
		if old, err := r.d.Store.GetSubscription(ctx, req.Chat); err == nil && old.TimeZone != "" {
			tz = old.TimeZone
		} else if req.Chat.Platform == briefings.PlatformConsole {
			tz = r.d.Location.String()
		}
	}
	now := r.d.Now()
	next, err := r.d.NextDigest(schedule, tz, now)
	if err != nil {
		var be *briefings.Error
		if errors.As(err, &be) {
			return nil, err
		}
		return nil, invalid("%s", shortErr(err))
	}
	sub := &briefings.Subscription{Chat: req.Chat, Schedule: schedule, TimeZone: tz, Topics: topics, Active: true, NextDueAt: next}
	if err := r.d.Store.UpsertSubscription(ctx, sub); err != nil {
		return nil, err
	}
	r.notify()
	what := "all topics"
	if len(topics) > 0 {
		what = topicList(topics)
	}
	when := "daily at " + schedule + " " + tz
	if strings.Contains(schedule, " ") {
		when = "on schedule " + schedule
	}
	loc := time.UTC
	if l, err := time.LoadLocation(tz); err == nil {
		loc = l
	}
	return &Reply{Title: "Subscribed", Paragraphs: []Paragraph{{Lines: [][]Span{
		{{Text: "Digest " + when + ", " + what + "."}},
		{{Text: "Next one: " + next.In(loc).Format("Mon 2 Jan 15:04 MST") + "."}},
	}}}, Buttons: [][]Button{{{Label: "Settings", Data: "/settings"}, {Label: "Unsubscribe", Data: "/unsubscribe"}}}}, nil
}

func (r *Router) notify() {
	if r.d.Notify != nil {
		r.d.Notify()
	}
}

func (r *Router) unsubscribe(ctx context.Context, req *Request) (*Reply, error) {
	if _, err := r.d.Store.GetSubscription(ctx, req.Chat); err != nil {
		if briefings.ErrorCode(err) == briefings.ENOTFOUND {
			return Text("This chat has no daily digest."), nil
		}
		return nil, err
	}
	if err := r.d.Store.DeleteSubscription(ctx, req.Chat); err != nil {
		return nil, err
	}
	r.notify()
	return Text("Unsubscribed: no more daily digests here. /subscribe brings them back."), nil
}

// parseAlerts reads "on|off [min N] [regions...]".
func parseAlerts(args []string, cur *briefings.AlertSettings) error {
	if len(args) == 0 {
		return invalid("Say /alerts on or /alerts off, optionally with min N and regions: /alerts on min 50 Kyiv Odesa")
	}
	switch strings.ToLower(args[0]) {
	case "on":
		cur.Enabled = true
	case "off":
		cur.Enabled = false
		return nil
	default:
		return invalid("Say /alerts on or /alerts off.")
	}
	rest := args[1:]
	var regions []string
	minSet := false
	for i := 0; i < len(rest); i++ {
		w := rest[i]
		lw := strings.ToLower(w)
		switch {
		case lw == "min" && i+1 < len(rest):
			n, err := strconv.Atoi(rest[i+1])
			if err != nil || n < 0 || n > 100000 {
				return invalid("min takes a number, like min 50.")
			}
			cur.MinLaunched = n
			minSet = true
			i++
		case lw == "drones" || lw == "missiles":
			cur.Classes = appendUnique(cur.Classes, lw)
		case lw == "ru" || lw == "ua":
			cur.Attacker = strings.ToUpper(lw)
		default:
			if utf8.RuneCountInString(w) > 40 || strings.ContainsAny(w, "<>&*_`[]()@#") {
				return invalid("%q doesn't look like a region name.", trimForReply(w, 40))
			}
			regions = appendUnique(regions, strings.Trim(w, ","))
		}
	}
	if !minSet && len(rest) == 0 {
		cur.MinLaunched = 0
	}
	if len(regions) > 0 || len(rest) == 0 {
		cur.Regions = regions
	}
	return nil
}

func (r *Router) alerts(ctx context.Context, req *Request, args []string) (*Reply, error) {
	cur, err := r.d.Store.GetAlertSettings(ctx, req.Chat)
	if err != nil {
		if briefings.ErrorCode(err) != briefings.ENOTFOUND {
			return nil, err
		}
		cur = &briefings.AlertSettings{Chat: req.Chat}
	}
	if err := parseAlerts(args, cur); err != nil {
		return nil, err
	}
	cur.Chat = req.Chat
	if err := r.d.Store.SetAlertSettings(ctx, cur); err != nil {
		return nil, err
	}
	r.notify()
	if !cur.Enabled {
		return Text("Attack alerts are off."), nil
	}
	return Text("Attack alerts are on: " + describeAlerts(cur) + "."), nil
}

func describeAlerts(a *briefings.AlertSettings) string {
	parts := []string{}
	if a.MinLaunched > 0 {
		parts = append(parts, fmt.Sprintf("at least %d launched", a.MinLaunched))
	}
	if len(a.Classes) > 0 {
		parts = append(parts, strings.Join(a.Classes, " and "))
	}
	if len(a.Regions) > 0 {
		parts = append(parts, "regions "+strings.Join(a.Regions, ", "))
	}
	if a.Attacker != "" {
		parts = append(parts, "attacks by "+a.Attacker)
	}
	if len(parts) == 0 {
		return "every new attack report"
	}
	return strings.Join(parts, "; ")
}

func (r *Router) settings(ctx context.Context, req *Request) (*Reply, error) {
	rep := &Reply{Title: "Settings for this chat", Ephemeral: true}
	p := Paragraph{}
	sub, err := r.d.Store.GetSubscription(ctx, req.Chat)
	switch {
	case err == nil:
		topics := "all topics"
		if len(sub.Topics) > 0 {
			topics = topicList(sub.Topics)
		}
		state := ""
		if !sub.Active {
			state = " (paused: " + sub.PausedReason + ")"
		}
		p.Lines = append(p.Lines, []Span{{Text: "Daily digest: ", Bold: true}, {Text: sub.Schedule + " " + sub.TimeZone + ", " + topics + state}})
	case briefings.ErrorCode(err) == briefings.ENOTFOUND:
		p.Lines = append(p.Lines, []Span{{Text: "Daily digest: ", Bold: true}, {Text: "off (/subscribe 08:00 Europe/Kyiv)"}})
	default:
		return nil, err
	}
	al, err := r.d.Store.GetAlertSettings(ctx, req.Chat)
	alertsOn := false
	switch {
	case err == nil && al.Enabled:
		alertsOn = true
		p.Lines = append(p.Lines, []Span{{Text: "Attack alerts: ", Bold: true}, {Text: "on, " + describeAlerts(al)}})
	case err == nil || briefings.ErrorCode(err) == briefings.ENOTFOUND:
		p.Lines = append(p.Lines, []Span{{Text: "Attack alerts: ", Bold: true}, {Text: "off"}})
	default:
		return nil, err
	}
	rep.Paragraphs = []Paragraph{p}
	if req.CanManage {
		if sub != nil {
			var row []Button
			for _, t := range briefings.Topics() {
				mark := "○ "
				for _, s := range sub.Topics {
					if s == t {
						mark = "● "
					}
				}
				row = append(row, Button{Label: mark + string(t), Data: "/toggle " + string(t)})
				if len(row) == 4 {
					rep.Buttons = append(rep.Buttons, row)
					row = nil
				}
			}
			if len(row) > 0 {
				rep.Buttons = append(rep.Buttons, row)
			}
		}
		if alertsOn {
			rep.Buttons = append(rep.Buttons, []Button{{Label: "Alerts off", Data: "/alerts off"}})
		} else {
			rep.Buttons = append(rep.Buttons, []Button{{Label: "Alerts on", Data: "/alerts on"}})
		}
	}
	return rep, nil
}

// toggle flips one topic of the chat's subscription (a settings button).
func (r *Router) toggle(ctx context.Context, req *Request, args []string) (*Reply, error) {
	if len(args) != 1 || topicName(args[0]) == "" {
		return nil, invalid("Unknown topic.")
	}
	t := topicName(args[0])
	sub, err := r.d.Store.GetSubscription(ctx, req.Chat)
	if err != nil {
		if briefings.ErrorCode(err) == briefings.ENOTFOUND {
			return nil, invalid("Subscribe first: /subscribe 08:00 Europe/Kyiv")
		}
		return nil, err
	}
	var out []briefings.Topic
	found := false
	for _, s := range sub.Topics {
		if s == t {
			found = true
			continue
		}
		out = append(out, s)
	}
	if !found {
		out = append(out, t)
	}
	sub.Topics = out
	if err := r.d.Store.UpsertSubscription(ctx, sub); err != nil {
		return nil, err
	}
	return r.settings(ctx, req)
}

func (r *Router) sources(ctx context.Context) (*Reply, error) {
	srcs, err := r.d.Store.ListSources(ctx)
	if err != nil {
		return nil, err
	}
	if len(srcs) == 0 {
		return Text("No sources yet."), nil
	}
	now := r.d.Now()
	p := Paragraph{}
	for _, s := range srcs {
		health := "✓"
		detail := "never fetched"
		switch {
		case s.Kind == briefings.SourceFile:
			health, detail = "·", "local files"
		case !s.Enabled:
			health, detail = "–", "disabled"
		case s.ErrorCount > 0:
			health = "✗"
			detail = fmt.Sprintf("%d errors in a row: %s", s.ErrorCount, trimForReply(s.LastError, 80))
		case !s.LastSuccessAt.IsZero():
			detail = "updated " + ago(now.Sub(s.LastSuccessAt)) + " ago"
		}
		line := []Span{{Text: fmt.Sprintf("%s #%d ", health, s.ID)}}
		if strings.HasPrefix(s.URL, "http") {
			line = append(line, Span{Text: s.Name, URL: s.URL})
		} else {
			line = append(line, Span{Text: s.Name})
		}
		line = append(line, Span{Text: " — " + detail, Italic: true})
		p.Lines = append(p.Lines, line)
	}
	return &Reply{Title: fmt.Sprintf("Sources (%d)", len(srcs)), Paragraphs: []Paragraph{p}, NoPreview: true}, nil
}

func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "under a minute"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d/time.Hour))
	default:
		return fmt.Sprintf("%dd", int(d/(24*time.Hour)))
	}
}

const searchPage = 5

func (r *Router) search(ctx context.Context, args []string) (*Reply, error) {
	if len(args) == 0 {
		return nil, invalid("What should I search for? /search <words>")
	}
	page := 0
	// "/search -p2 words" comes from the "more" button.
	if strings.HasPrefix(args[0], "-p") {
		if n, err := strconv.Atoi(args[0][2:]); err == nil && n >= 0 && n < 20 {
			page = n
			args = args[1:]
		}
	}
	if len(args) == 0 {
		return nil, invalid("What should I search for? /search <words>")
	}
	query := strings.Join(args, " ")
	arts, err := r.d.Store.SearchArticles(ctx, query, (page+1)*searchPage+1)
	if err != nil {
		return nil, err
	}
	if len(arts) <= page*searchPage {
		return Text(fmt.Sprintf("No articles match %q.", trimForReply(query, 80))), nil
	}
	more := len(arts) > (page+1)*searchPage
	arts = arts[page*searchPage : min(len(arts), (page+1)*searchPage)]
	p := Paragraph{}
	for _, a := range arts {
		p.Lines = append(p.Lines, articleLine(a, r.d.Location))
	}
	rep := &Reply{Title: "Search: " + trimForReply(query, 60), Paragraphs: []Paragraph{p}, NoPreview: true}
	if more {
		data := fmt.Sprintf("/search -p%d %s", page+1, query)
		if len(data) <= 64 {
			rep.Buttons = [][]Button{{{Label: "More", Data: data}}}
		}
	}
	return rep, nil
}

func (r *Router) addSource(ctx context.Context, args []string) (*Reply, error) {
	if len(args) != 1 || !isURL(args[0]) && !strings.HasPrefix(args[0], "@") {
		return nil, invalid("Give one feed URL or public channel: /addsource https://example.org/feed.xml or /addsource @kpszsu")
	}
	if r.d.AddSource == nil {
		return nil, invalid("Adding sources is turned off here.")
	}
	s, err := r.d.AddSource(ctx, args[0])
	if err != nil {
		if briefings.ErrorCode(err) == briefings.EINTERNAL {
			r.d.Logger.Info("router: addsource failed", slog.Any("error", err))
			return nil, invalid("I couldn't add that feed: %s", shortErr(err))
		}
		return nil, err
	}
	return Text(fmt.Sprintf("Added source #%d: %s", s.ID, s.Name)), nil
}

func (r *Router) removeSource(ctx context.Context, args []string) (*Reply, error) {
	if len(args) != 1 {
		return nil, invalid("Give the source id from /sources: /removesource 3")
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return nil, invalid("Give the source id from /sources: /removesource 3")
	}
	s, err := r.d.Store.GetSource(ctx, id)
	if err != nil {
		if briefings.ErrorCode(err) == briefings.ENOTFOUND {
			return nil, briefings.Errorf(briefings.ENOTFOUND, "There is no source #%d.", id)
		}
		return nil, err
	}
	if err := r.d.Store.DeleteSource(ctx, id); err != nil {
		return nil, err
	}
	return Text(fmt.Sprintf("Removed source #%d: %s", id, s.Name)), nil
}

func (r *Router) stats(ctx context.Context) (*Reply, error) {
	n, err := r.d.Store.CountArticles(ctx)
	if err != nil {
		return nil, err
	}
	srcs, err := r.d.Store.ListSources(ctx)
	if err != nil {
		return nil, err
	}
	failing := 0
	for _, s := range srcs {
		if s.ErrorCount > 0 {
			failing++
		}
	}
	ds, err := r.d.Store.DeliveryStats(ctx)
	if err != nil {
		return nil, err
	}
	active, paused, err := r.d.Store.CountSubscriptions(ctx)
	if err != nil {
		return nil, err
	}
	subs := fmt.Sprint(active)
	if paused > 0 {
		subs += fmt.Sprintf(" (%d more paused)", paused)
	}
	p := Paragraph{Lines: [][]Span{
		{{Text: fmt.Sprintf("Articles: %d; sources: %d (%d failing); subscriptions: %s", n, len(srcs), failing, subs)}},
		{{Text: fmt.Sprintf("Outbox: %d pending, %d sending, %d sent, %d dead", ds.Pending, ds.Sending, ds.Sent, ds.Dead)}},
	}}
	// Dead letters by reason, the most frequent first.
	reasons := make([]string, 0, len(ds.DeadReasons))
	for reason := range ds.DeadReasons {
		reasons = append(reasons, reason)
	}
	slices.SortFunc(reasons, func(a, b string) int {
		if d := ds.DeadReasons[b] - ds.DeadReasons[a]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for _, reason := range reasons {
		p.Lines = append(p.Lines, []Span{{Text: fmt.Sprintf("  dead: %d × %s", ds.DeadReasons[reason], trimForReply(reason, 100))}})
	}
	if r.d.Stats != nil {
		for _, l := range r.d.Stats(ctx) {
			p.Lines = append(p.Lines, []Span{{Text: l}})
		}
	}
	return &Reply{Title: "Stats", Paragraphs: []Paragraph{p}, Ephemeral: true}, nil
}

// userLimiter is a token bucket per user with bounded memory.
type userLimiter struct {
	mu      sync.Mutex
	perMin  float64
	burst   float64
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newUserLimiter(perMin, burst int) *userLimiter {
	return &userLimiter{perMin: float64(perMin), burst: float64(burst), buckets: map[string]*bucket{}}
}

func (l *userLimiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) > 10000 {
			// Drop buckets that have refilled completely: they carry no state.
			for k, v := range l.buckets {
				if now.Sub(v.last).Minutes()*l.perMin >= l.burst {
					delete(l.buckets, k)
				}
			}
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Minutes()*l.perMin)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// topicList writes topics as "a, b".
func topicList(ts []briefings.Topic) string {
	return strings.Join(briefings.TopicStrings(ts), ", ")
}
