package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A public Telegram channel's web preview (https://t.me/s/<name>) is an HTML
// page of its newest posts, oldest first. Each post is a
// div.tgme_widget_message with data-post="<name>/<id>"; its own text is the
// element with class js-message_text (a quoted post it replies to has
// js-message_reply_text instead, inside a.tgme_widget_message_reply); its
// time is the footer's time[datetime]. The page is a web page, not an API:
// the parser reads what it can and never trusts the markup's shape.

// Errors of a page that is not a channel's posts.
var (
	// ErrNotChannelPage: the page has no channel header (a missing or
	// private channel's landing page, an error page, not HTML).
	ErrNotChannelPage = errors.New("not a channel's web preview (no channel header)")
	// ErrRateLimited: Telegram answered "Too Many Requests".
	ErrRateLimited = errors.New("rate limited by Telegram (Too Many Requests)")
	// ErrNoPreview: the channel has no public web preview (t.me redirected
	// to the channel's plain page).
	ErrNoPreview = errors.New("the channel has no public web preview")
)

// ChannelPage is one parsed preview page.
type ChannelPage struct {
	// Username is the channel's @name from the header ("" when absent).
	Username string
	// Title is the channel's display name from the header.
	Title string
	// Posts are the readable posts, ids increasing, each id once.
	Posts []ChannelPost
	// Before is the id of the "older posts" link (data-before); 0 when none.
	Before int64
	// Skipped counts posts left out: service messages, media without text,
	// posts without an id or a time, repeats.
	Skipped int
	// MaxID is the highest post id on the page, of any post, readable or not.
	MaxID int64
}

// ChannelPost is one post of a channel.
type ChannelPost struct {
	ID      int64
	Channel string // the name in data-post
	URL     string // https://t.me/<channel>/<id>
	Text    string // the post's own text: line breaks kept, emoji as characters
	Time    time.Time
	Edited  bool // the footer says "edited"
	// ForwardedFrom names the origin of a forwarded post, ForwardedURL links it.
	ForwardedFrom string
	ForwardedURL  string
}

// GUID is the post's stable id, "<channel>/<id>" in lower case.
func (p *ChannelPost) GUID() string {
	return strings.ToLower(p.Channel) + "/" + strconv.FormatInt(p.ID, 10)
}

var (
	selHeader    = cascadia.MustCompile(".tgme_channel_info")
	selTitle     = cascadia.MustCompile(".tgme_channel_info_header_title")
	selUsername  = cascadia.MustCompile(".tgme_channel_info_header_username")
	selPost      = cascadia.MustCompile(".tgme_widget_message[data-post]")
	selText      = cascadia.MustCompile(".js-message_text")
	selTime      = cascadia.MustCompile(".tgme_widget_message_date time[datetime]")
	selMeta      = cascadia.MustCompile(".tgme_widget_message_meta")
	selForwarded = cascadia.MustCompile(".tgme_widget_message_forwarded_from")
	selFwdName   = cascadia.MustCompile(".tgme_widget_message_forwarded_from_name")
	selMore      = cascadia.MustCompile(".tme_messages_more[data-before]")
)

// ParseChannelPage reads a preview page. A page without the channel header
// is ErrNotChannelPage (ErrRateLimited when it says "Too Many Requests");
// otherwise every post that has an id, a time and text of its own is
// returned, and the others are counted in Skipped.
func ParseChannelPage(data []byte) (*ChannelPage, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("ingest: channel page: %w", err)
	}
	header := selHeader.MatchFirst(doc)
	if header == nil {
		if bytes.Contains(bytes.ToLower(data[:min(len(data), 4096)]), []byte("too many requests")) {
			return nil, ErrRateLimited
		}
		return nil, ErrNotChannelPage
	}
	page := &ChannelPage{}
	if n := selTitle.MatchFirst(header); n != nil {
		page.Title = oneLineText(n)
	}
	if n := selUsername.MatchFirst(header); n != nil {
		page.Username = strings.TrimPrefix(oneLineText(n), "@")
	}
	if n := selMore.MatchFirst(doc); n != nil {
		page.Before, _ = strconv.ParseInt(attr(n, "data-before"), 10, 64)
	}
	byID := map[int64]int{}
	for _, n := range selPost.MatchAll(doc) {
		if _, id, ok := strings.Cut(attr(n, "data-post"), "/"); ok {
			if v, err := strconv.ParseInt(strings.TrimSpace(id), 10, 64); err == nil && v > page.MaxID {
				page.MaxID = v
			}
		}
		p, ok := parsePost(n)
		if !ok {
			page.Skipped++
			continue
		}
		if i, dup := byID[p.ID]; dup {
			page.Posts[i] = p // a repeat: the later copy stands
			page.Skipped++
			continue
		}
		byID[p.ID] = len(page.Posts)
		page.Posts = append(page.Posts, p)
	}
	sort.SliceStable(page.Posts, func(i, j int) bool { return page.Posts[i].ID < page.Posts[j].ID })
	return page, nil
}

// parsePost reads one post; ok is false for service messages, posts without
// text of their own (media only), and posts without an id or a time.
func parsePost(n *html.Node) (ChannelPost, bool) {
	var p ChannelPost
	if hasClass(n, "service_message") {
		return p, false
	}
	name, id, ok := strings.Cut(attr(n, "data-post"), "/")
	name = strings.TrimSpace(name)
	if !ok || !validChannelName(name) {
		return p, false
	}
	v, err := strconv.ParseInt(strings.TrimSpace(id), 10, 64)
	if err != nil || v <= 0 {
		return p, false
	}
	p.ID, p.Channel = v, name
	p.URL = "https://t.me/" + name + "/" + strconv.FormatInt(v, 10)
	t := selTime.MatchFirst(n)
	if t == nil {
		return p, false
	}
	ts, err := time.Parse(time.RFC3339, strings.TrimSpace(attr(t, "datetime")))
	if err != nil {
		return p, false
	}
	p.Time = ts.UTC()
	p.Text = ownText(n)
	if p.Text == "" {
		return p, false
	}
	if m := selMeta.MatchFirst(n); m != nil {
		p.Edited = strings.Contains(strings.ToLower(oneLineText(m)), "edited")
	}
	if f := selForwarded.MatchFirst(n); f != nil {
		if a := selFwdName.MatchFirst(f); a != nil {
			p.ForwardedFrom, p.ForwardedURL = oneLineText(a), attr(a, "href")
		} else {
			p.ForwardedFrom = strings.TrimSpace(strings.TrimPrefix(oneLineText(f), "Forwarded from"))
		}
		if p.ForwardedFrom == "" {
			p.ForwardedFrom = "another channel"
		}
	}
	return p, true
}

// ownText is the text of the post's own js-message_text, never that of a
// quoted post inside a reply block.
func ownText(post *html.Node) string {
	for _, n := range selText.MatchAll(post) {
		if insideReply(n, post) {
			continue
		}
		var b strings.Builder
		writeText(&b, n)
		return tidyText(b.String())
	}
	return ""
}

func insideReply(n, post *html.Node) bool {
	for p := n.Parent; p != nil && p != post; p = p.Parent {
		if hasClass(p, "tgme_widget_message_reply") || hasClass(p, "js-message_reply_text") {
			return true
		}
	}
	return false
}

// writeText writes n's text as a browser shows it: white space in the
// markup is one space (but in <pre>), <br> is a line break, an emoji image
// its alt text, a link its own text, block elements start a new line.
func writeText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if inPre(n) {
			b.WriteString(n.Data)
		} else {
			b.WriteString(collapseSpace(n.Data))
		}
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			writeText(b, c)
		}
		return
	}
	switch n.DataAtom {
	case atom.Br:
		b.WriteByte('\n')
		return
	case atom.Img:
		b.WriteString(attr(n, "alt"))
		return
	case atom.Script, atom.Style, atom.Template:
		return
	}
	if hasClass(n, "tgme_widget_message_reply") {
		return
	}
	block := n.DataAtom == atom.Div || n.DataAtom == atom.P || n.DataAtom == atom.Blockquote ||
		n.DataAtom == atom.Li || n.DataAtom == atom.Pre
	if block {
		b.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(b, c)
	}
	if block {
		b.WriteByte('\n')
	}
}

// collapseSpace turns each run of ASCII white space into one space (no-break
// spaces stay: tidyText makes them spaces).
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\n\r\t  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func inPre(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.DataAtom == atom.Pre || p.DataAtom == atom.Code && p.Parent != nil && p.Parent.DataAtom == atom.Pre) {
			return true
		}
	}
	return false
}

// tidyText trims each line, turns no-break spaces into spaces and keeps at
// most one blank line in a row.
func tidyText(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			blank++
			if blank > 1 || len(out) == 0 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

func oneLineText(n *html.Node) string {
	var b strings.Builder
	writeText(&b, n)
	return strings.Join(strings.Fields(strings.ReplaceAll(b.String(), "\u00a0", " ")), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// validChannelName: a public username, 4-32 letters, digits and underscores,
// starting with a letter.
func validChannelName(s string) bool {
	if len(s) < 4 || len(s) > 32 {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '_'):
		default:
			return false
		}
	}
	return true
}
