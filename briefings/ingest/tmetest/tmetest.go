// Package tmetest serves public channels' web previews (the pages of
// https://t.me/s/<name>) from a local HTTP server, in the markup Telegram
// uses, for tests and benchmarks: posts appear, change and fail on command.
package tmetest

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// PageSize is how many posts a page shows, as t.me does.
const PageSize = 20

// Post is one post of a channel.
type Post struct {
	ID     int64
	Text   string // plain text; line breaks become <br/>, emoji get Telegram's markup
	Time   time.Time
	Edited bool
	// ForwardedFrom names the origin of a forwarded post.
	ForwardedFrom string
	// ReplyTo is the quoted text of the post this one replies to.
	ReplyTo string
	// MediaOnly: a photo without text; Service: a service message (Text is its line).
	MediaOnly bool
	Service   bool
}

// Failure modes of a channel's page.
const (
	FailNone       = ""
	FailRedirect   = "redirect"    // 302 to /<name>: no public preview
	Fail429        = "429"         // HTTP 429 with Retry-After
	FailTooMany    = "too_many"    // 200 with the body "Too Many Requests"
	FailNoHeader   = "no_header"   // 200 with a page without the channel header
	FailServerDown = "server_down" // HTTP 503
)

// Server serves channels.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	channels map[string]*channel
	requests map[string]int
	// RetryAfter is the Retry-After of Fail429 (default 30 s).
	RetryAfter time.Duration
	// OnRequest, when set, is called with each request's channel name and
	// query before the answer is written.
	OnRequest func(name, query string)
}

type channel struct {
	title  string
	posts  []Post
	fail   string
	served map[int64]time.Time // post id -> when a page first showed it
}

// NewServer starts a server; close it with Close.
func NewServer() *Server {
	s := &Server{channels: map[string]*channel{}, requests: map[string]int{}, RetryAfter: 30 * time.Second}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// PageURL returns the preview URL of a channel on this server.
func (s *Server) PageURL(name string) string { return s.Server.URL + "/s/" + name }

// AddChannel creates a channel.
func (s *Server) AddChannel(name, title string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channels[name] = &channel{title: title, served: map[int64]time.Time{}}
}

// Post adds a post (its ID is the next one unless set) and returns its id.
func (s *Server) Post(name string, p Post) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[name]
	if p.ID == 0 {
		p.ID = 1
		if n := len(c.posts); n > 0 {
			p.ID = c.posts[n-1].ID + 1
		}
	}
	c.posts = append(c.posts, p)
	sort.SliceStable(c.posts, func(i, j int) bool { return c.posts[i].ID < c.posts[j].ID })
	return p.ID
}

// Edit changes a post's text and marks it edited.
func (s *Server) Edit(name string, id int64, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.channels[name].posts {
		if p := &s.channels[name].posts[i]; p.ID == id {
			p.Text, p.Edited = text, true
		}
	}
}

// Fail sets a channel's failure mode (FailNone to heal it).
func (s *Server) Fail(name, mode string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channels[name].fail = mode
}

// ServedAt returns when a page of the channel first showed post id.
func (s *Server) ServedAt(name string, id int64) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.channels[name].served[id]
	return t, ok
}

// Requests returns how many page requests a channel had.
func (s *Server) Requests(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[name]
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/s/")
	if !ok {
		// A channel's plain page (where a preview-less channel redirects).
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html><body><div class="tgme_page"><div class="tgme_page_title">Channel</div></div></body></html>`)
		return
	}
	s.mu.Lock()
	c := s.channels[name]
	s.requests[name]++
	hook := s.OnRequest
	var page []byte
	if c != nil && c.fail == FailNone {
		page = s.page(name, c, r)
	}
	fail, retry := "", s.RetryAfter
	if c != nil {
		fail = c.fail
	}
	s.mu.Unlock()
	if hook != nil {
		hook(name, r.URL.RawQuery)
	}
	if c == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	switch fail {
	case FailRedirect:
		http.Redirect(w, r, "/"+name, http.StatusFound)
	case Fail429:
		w.Header().Set("Retry-After", strconv.Itoa(int(retry/time.Second)))
		http.Error(w, "Too Many Requests", http.StatusTooManyRequests)
	case FailTooMany:
		fmt.Fprint(w, "Too Many Requests")
	case FailNoHeader:
		fmt.Fprint(w, `<!DOCTYPE html><html><body><div class="tgme_page_wrap">Telegram: Contact</div></body></html>`)
	case FailServerDown:
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
	default:
		w.Write(page)
	}
}

// page renders the posts the request asks for: the newest PageSize, or
// those before ?before=N, or after ?after=N.
func (s *Server) page(name string, c *channel, r *http.Request) []byte {
	posts := c.posts
	if v, err := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64); err == nil {
		i := sort.Search(len(posts), func(i int) bool { return posts[i].ID >= v })
		posts = posts[max(0, i-PageSize):i]
	} else if v, err := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64); err == nil {
		i := sort.Search(len(posts), func(i int) bool { return posts[i].ID > v })
		posts = posts[i:min(len(posts), i+PageSize)]
	} else if len(posts) > PageSize {
		posts = posts[len(posts)-PageSize:]
	}
	now := time.Now()
	for _, p := range posts {
		if _, ok := c.served[p.ID]; !ok {
			c.served[p.ID] = now
		}
	}
	return Page(name, c.title, posts)
}

// Page renders a preview page of posts (oldest first) in t.me's markup.
func Page(name, title string, posts []Post) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s – Telegram</title></head>
<body class="widget_frame_base tgme_webpreview emoji_image"><div class="tgme_header_right_column"><section class="tgme_right_column">
<div class="tgme_channel_info"><div class="tgme_channel_info_header"><div class="tgme_channel_info_header_title_wrap"><div class="tgme_channel_info_header_title"><span dir="auto">%s</span></div></div>
<div class="tgme_channel_info_header_username"><a href="https://t.me/%s">@%s</a></div></div></div></section></div>
<main class="tgme_main" data-url="/%s"><div class="tgme_container"><section class="tgme_channel_history js-message_history">
`, html.EscapeString(title), html.EscapeString(title), name, name, name)
	if len(posts) > 0 && posts[0].ID > 1 {
		fmt.Fprintf(&b, `<div class="tgme_widget_message_centered js-messages_more_wrap"><a href="/s/%s?before=%d" class="tme_messages_more js-messages_more" data-before="%d"></a></div>`,
			name, posts[0].ID, posts[0].ID)
	}
	for _, p := range posts {
		writePost(&b, name, title, p)
	}
	b.WriteString("</section></div></main></body></html>\n")
	return []byte(b.String())
}

func writePost(b *strings.Builder, name, title string, p Post) {
	class := "tgme_widget_message text_not_supported_wrap js-widget_message"
	if p.Service {
		class = "tgme_widget_message text_not_supported_wrap service_message js-widget_message"
	}
	fmt.Fprintf(b, `<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="%s" data-post="%s/%d"><div class="tgme_widget_message_bubble">`, class, name, p.ID)
	fmt.Fprintf(b, `<div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/%s"><span dir="auto">%s</span></a></div>`, name, html.EscapeString(title))
	if p.ForwardedFrom != "" {
		fmt.Fprintf(b, `<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from&nbsp;<a class="tgme_widget_message_forwarded_from_name" href="https://t.me/origin/1"><span dir="auto">%s</span></a></div>`, html.EscapeString(p.ForwardedFrom))
	}
	if p.ReplyTo != "" {
		fmt.Fprintf(b, `<a class="tgme_widget_message_reply" href="https://t.me/%s/1"><div class="tgme_widget_message_text js-message_reply_text" dir="auto">%s</div></a>`, name, textHTML(p.ReplyTo))
	}
	if p.MediaOnly {
		fmt.Fprintf(b, `<a class="tgme_widget_message_photo_wrap" href="https://t.me/%s/%d" style="width:800px"></a>`, name, p.ID)
	} else {
		fmt.Fprintf(b, `<div class="tgme_widget_message_text js-message_text" dir="auto">%s</div>`, textHTML(p.Text))
	}
	edited := ""
	if p.Edited {
		edited = "edited "
	}
	fmt.Fprintf(b, `<div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short js-message_info"><span class="tgme_widget_message_views">1K</span><span class="tgme_widget_message_meta">%s<a class="tgme_widget_message_date" href="https://t.me/%s/%d"><time datetime="%s" class="time">%s</time></a></span></div></div>`,
		edited, name, p.ID, p.Time.UTC().Format("2006-01-02T15:04:05+00:00"), p.Time.UTC().Format("15:04"))
	b.WriteString("</div></div></div>\n")
}

// textHTML escapes text, turns line breaks into <br/> and wraps emoji the
// way t.me does.
func textHTML(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString("<br/>")
		case r >= 0x1F300 || r == 0x26A1 || r == 0x2757:
			fmt.Fprintf(&b, `<i class="emoji" style="background-image:url('//telegram.org/img/emoji/40/%X.png')"><b>%c</b></i>`, r, r)
		default:
			b.WriteString(html.EscapeString(string(r)))
		}
	}
	return b.String()
}
