package bot

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/bot/chart"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// Deps are what the router needs. Everything that is not the store is a
// function value, so the router stays free of ingest/digest/schedule imports
// and tests can swap any of them.
type Deps struct {
	Store      briefings.Store
	Summarizer briefings.Summarizer
	// Digest builds a digest over [since, until) for the given topics (empty = all).
	Digest func(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error)
	// AttackLines renders one line per attack event from reports, in p's
	// language, with its report of record.
	AttackLines func(p *locale.Printer, reports []*briefings.AttackReport, loc *time.Location) []briefings.EventLine
	// FetchFile fetches a file a user names through the address guard (an
	// OPML list); CheckURL is the guard for each address in it. Either nil
	// turns /importopml off.
	FetchFile func(ctx context.Context, url string) ([]byte, error)
	CheckURL  func(url string) error
	// Langs picks each chat's language (default: English only).
	Langs *Languages
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

// Router is the platform-neutral command router every adapter uses: it
// checks a request, finds its command in the command table, and answers.
type Router struct {
	d       Deps
	cmds    *table
	limiter *userLimiter
}

// MaxInput is the longest command line accepted.
const MaxInput = 512

// MaxButtonData is the longest button data (Request.Callback) a reply may
// carry: the smallest of the platforms' limits (Telegram's callback_data).
const MaxButtonData = 64

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
	if d.Langs == nil {
		cat, err := locale.New()
		if err != nil {
			panic("bot: the embedded catalogue does not load: " + err.Error())
		}
		d.Langs = &Languages{Catalogue: cat, Default: locale.English}
	}
	if d.Langs.Store == nil {
		langs := *d.Langs
		langs.Store = d.Store // the chats' choices are in the router's store
		d.Langs = &langs
	}
	return &Router{d: d, cmds: commands, limiter: newUserLimiter(d.RatePerMinute, d.RateBurst)}
}

// Handle answers one request. It never panics on user input and never returns
// internal error detail to the user. A nil reply means "say nothing" (plain
// chatter in a group).
func (r *Router) Handle(ctx context.Context, req *Request) (reply *Reply) {
	defer func() {
		if p := recover(); p != nil {
			r.d.Logger.Error("router: panic", slog.Any("panic", p), slog.String("platform", string(req.Chat.Platform)))
			reply = ErrorReply(req.t("error.internal"))
		}
	}()
	line, refusal := commandLine(req)
	if line == "" && refusal == nil {
		return nil // chatter: no need to know the chat's language
	}
	req.pr = r.printer(ctx, req)
	if line == "" {
		return ErrorReply(req.t(refusal.key, refusal.args))
	}
	name, words := splitCommand(line)
	i, ok := r.cmds.byName[name]
	if !ok {
		return ErrorReply(req.t("error.unknown_command", locale.Args{"Name": trimForReply(name, 32)}))
	}
	cmd := &r.cmds.list[i]
	if refusal := r.admit(cmd, req); refusal != nil {
		return refusal
	}
	reply, err := cmd.run(r, ctx, req, words)
	if err != nil {
		return r.failure(cmd, req, err)
	}
	return reply
}

// refusal is the catalogue message answering an unreadable request.
type refusal struct {
	key  string
	args locale.Args
}

// commandLine returns the command line of a request ("/summary ..." for
// plain text in a private chat), or "" and what to answer instead: an error
// for unreadable or overlong input, nothing (nil) for chatter in a group.
func commandLine(req *Request) (string, *refusal) {
	text := req.Text
	if req.Callback != "" {
		text = req.Callback
	}
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return "", nil
	case !utf8.ValidString(text) || hasOddRunes(text):
		return "", &refusal{key: "error.odd_runes"}
	case len(text) > MaxInput:
		return "", &refusal{key: "error.too_long", args: locale.Args{"N": utf8.RuneCountInString(text), "Max": MaxInput}}
	case strings.HasPrefix(text, "/"):
		return text, nil
	case req.ChatKind == briefings.ChatPrivate:
		return "/summary " + text, nil
	}
	return "", nil
}

// admit applies the per-user rate and the command's access rule; it returns
// the refusal, or nil.
func (r *Router) admit(cmd *Command, req *Request) *Reply {
	if !req.Unmetered && !r.limiter.allow(string(req.Chat.Platform)+":"+req.UserID, r.d.Now()) {
		return ErrorReply(req.t("error.slow_down"))
	}
	switch {
	case cmd.Access == Admins && !req.IsAdmin:
		return ErrorReply(req.t("error.admins_only"))
	case cmd.Access == ChatManagers && !req.CanManage:
		return ErrorReply(req.t("error.managers_only"))
	}
	return nil
}

// failure is the reply to a command's error: its message for errors meant
// for users, a generic one (and a log line) for internal ones.
func (r *Router) failure(cmd *Command, req *Request, err error) *Reply {
	if briefings.ErrorCode(err) == briefings.EINTERNAL {
		r.d.Logger.Error("router: command failed", slog.String("command", cmd.Name), slog.String("platform", string(req.Chat.Platform)),
			slog.String("chat_id", req.Chat.ChatID), slog.Any("error", err))
		return ErrorReply(req.t("error.internal"))
	}
	var e *briefings.Error
	if errors.As(err, &e) && e.Key != "" {
		return ErrorReply(req.t(e.Key, e.Args))
	}
	return ErrorReply(briefings.ErrorMessage(err))
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

// fail is an error a user reads: the catalogue's message key with its
// values, in the chat's language.
func fail(code, key string, args ...locale.Args) error {
	e := &briefings.Error{Code: code, Message: key, Key: key}
	if len(args) > 0 {
		e.Args = args[0]
	}
	return e
}

// invalid is fail for a request the user can correct.
func invalid(key string, args ...locale.Args) error { return fail(briefings.EINVALID, key, args...) }

// printer is the printer of the request's chat language.
func (r *Router) printer(ctx context.Context, req *Request) *locale.Printer {
	return r.d.Langs.Printer(ctx, req.Chat, req.Locale)
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

func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && u.Host != ""
}

func appendUnique[S comparable](list []S, s S) []S {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// chatLocation is the chat's time zone: its subscription's, else the bot's.
func (r *Router) chatLocation(ctx context.Context, c briefings.Chat) *time.Location {
	if sub, err := r.d.Store.GetSubscription(ctx, c); err == nil && sub.TimeZone != "" {
		if loc, err := time.LoadLocation(sub.TimeZone); err == nil {
			return loc
		}
	}
	return r.d.Location
}

// notify tells the schedulers that a chat's settings changed.
func (r *Router) notify() {
	if r.d.Notify != nil {
		r.d.Notify()
	}
}
