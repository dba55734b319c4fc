// Package opml reads and writes OPML 2.0 subscription lists, the format feed
// readers import and export: each feed is an outline with an xmlUrl, and
// outlines that hold others are folders, which sitrep keeps as a source's
// category ("News/Ukraine" for a folder inside a folder). Settings OPML has
// no attribute for (may quote the text, fetch full pages, refresh interval,
// war-only topic, page sources) travel in attributes of sitrep's own namespace, which other
// readers ignore.
package opml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/sitrep/sitrep/briefings"
)

// Namespace is the XML namespace of sitrep's own outline attributes.
const Namespace = "https://github.com/sitrep/sitrep/opml"

// Limits bound what Parse reads.
type Limits struct {
	MaxBytes    int64 // the file's size
	MaxDepth    int   // element nesting, the root counting as 1
	MaxOutlines int   // outlines in the file, folders included
}

// DefaultLimits fit any real subscription list (thousands of feeds, folders
// a few levels deep) and refuse the rest before it costs memory.
var DefaultLimits = Limits{MaxBytes: 4 << 20, MaxDepth: 32, MaxOutlines: 10000}

// Errors Parse returns for a file it refuses whole; they wrap ErrBadFile.
var (
	ErrBadFile  = errors.New("opml: bad file")
	ErrTooLarge = fmt.Errorf("%w: too large", ErrBadFile)
	ErrTooDeep  = fmt.Errorf("%w: nested too deep", ErrBadFile)
	ErrTooMany  = fmt.Errorf("%w: too many outlines", ErrBadFile)
	ErrNotOPML  = fmt.Errorf("%w: not OPML", ErrBadFile)
	ErrNotXML   = fmt.Errorf("%w: not XML", ErrBadFile)
)

// Entry is one outline that is not a folder: a feed, a page, or an
// outline naming no address (Problem says so).
type Entry struct {
	Line     int    // line of the outline in the file
	Title    string // the outline's text (or title)
	URL      string // xmlUrl of a feed, url of a page
	HTMLURL  string
	Kind     string // briefings.SourceFeed or briefings.SourcePage
	Category string // the folders around it, outermost first, joined by "/"
	Lang     string
	ShowText bool
	FullText bool
	Interval time.Duration
	Topic    briefings.SourceTopic
	// Problem is set when the outline cannot be a source ("no_url").
	Problem string
}

// File is a parsed OPML file.
type File struct {
	Title   string
	Entries []Entry
}

// maxText bounds a title or a folder name, in runes.
const maxText = 200

// Parse reads an OPML file (version 1.0, 1.1 or 2.0; any encoding its XML
// declaration names). A file that is not XML, not OPML, or over a limit is
// refused whole with an error wrapping ErrBadFile; outlines that name no
// address are entries with a Problem, for the caller to report.
func Parse(r io.Reader, lim Limits) (*File, error) {
	if lim == (Limits{}) {
		lim = DefaultLimits
	}
	cr := &countReader{r: io.LimitReader(r, lim.MaxBytes+1)}
	p := &parser{lim: lim, dec: xml.NewDecoder(cr), f: &File{}}
	p.dec.Strict = true
	p.dec.Entity = xml.HTMLEntity // a fixed table: nothing expands into more markup
	p.dec.CharsetReader = charset.NewReaderLabel
	err := p.run()
	if cr.n > lim.MaxBytes {
		return nil, fmt.Errorf("%w (over %d MB)", ErrTooLarge, lim.MaxBytes>>20)
	}
	if err != nil {
		return nil, err
	}
	return p.f, nil
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}

// frame is one open element.
type frame struct {
	name     string
	folder   string // an outline without an address: its name as a folder
	children int    // outlines inside it
	pending  *Entry // an outline without an address, until its end
}

type parser struct {
	lim      Limits
	dec      *xml.Decoder
	f        *File
	stack    []frame
	outlines int
	sawRoot  bool
	title    strings.Builder
}

func (p *parser) run() error {
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			if !p.sawRoot {
				return fmt.Errorf("%w: the file is empty", ErrNotXML)
			}
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return fmt.Errorf("%w: line %d: %s", ErrNotXML, se.Line, se.Msg)
			}
			return fmt.Errorf("%w: %v", ErrNotXML, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			p.end()
		case xml.CharData:
			if p.inHeadTitle() && p.title.Len() < 4*maxText {
				p.title.Write(t)
			}
		}
	}
}

func (p *parser) inHeadTitle() bool {
	n := len(p.stack)
	return n == 3 && p.stack[1].name == "head" && p.stack[2].name == "title"
}

func (p *parser) start(t xml.StartElement) error {
	name := strings.ToLower(t.Name.Local)
	if len(p.stack) == 0 {
		if p.sawRoot || name != "opml" {
			return fmt.Errorf("%w: the root element is <%s>, not <opml>", ErrNotOPML, trim(t.Name.Local, 40))
		}
		p.sawRoot = true
	}
	if len(p.stack)+1 > p.lim.MaxDepth {
		return fmt.Errorf("%w (more than %d levels)", ErrTooDeep, p.lim.MaxDepth)
	}
	fr := frame{name: name}
	if name == "outline" && p.inBody() {
		p.outlines++
		if p.outlines > p.lim.MaxOutlines {
			return fmt.Errorf("%w (more than %d)", ErrTooMany, p.lim.MaxOutlines)
		}
		if parent := &p.stack[len(p.stack)-1]; parent.name == "outline" {
			parent.children++
		}
		line, _ := p.dec.InputPos()
		e := p.entry(t.Attr, line)
		if e.URL != "" {
			p.f.Entries = append(p.f.Entries, e)
		} else {
			// A folder, or, if nothing is inside, an outline naming no address.
			fr.folder = strings.ReplaceAll(e.Title, "/", "-")
			fr.pending = &e
		}
	}
	p.stack = append(p.stack, fr)
	return nil
}

// inBody reports whether the open element is <body> or inside it.
func (p *parser) inBody() bool {
	return len(p.stack) >= 2 && p.stack[1].name == "body"
}

func (p *parser) end() {
	if len(p.stack) == 0 {
		return
	}
	fr := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	if fr.name == "title" && len(p.stack) == 2 && p.stack[1].name == "head" {
		p.f.Title = clean(p.title.String())
	}
	if fr.pending != nil && fr.children == 0 {
		// Nothing came between its start and its end: it keeps its place.
		fr.pending.Problem = "no_url"
		fr.pending.Category = p.category()
		p.f.Entries = append(p.f.Entries, *fr.pending)
	}
}

// category is the path of the open folders.
func (p *parser) category() string {
	var parts []string
	for _, fr := range p.stack {
		if fr.name == "outline" && fr.folder != "" {
			parts = append(parts, fr.folder)
		}
	}
	return strings.Join(parts, "/")
}

// entry reads an outline's attributes.
func (p *parser) entry(attrs []xml.Attr, line int) Entry {
	e := Entry{Line: line, Kind: briefings.SourceFeed, Category: p.category()}
	var text, title, typ, link string
	for _, a := range attrs {
		v := strings.TrimSpace(a.Value)
		if ours(a.Name) {
			p.sitrepAttr(&e, strings.ToLower(a.Name.Local), v)
			continue
		}
		if a.Name.Space != "" {
			continue
		}
		switch strings.ToLower(a.Name.Local) {
		case "text":
			text = v
		case "title":
			title = v
		case "type":
			typ = strings.ToLower(v)
		case "xmlurl":
			e.URL = v
		case "htmlurl":
			e.HTMLURL = v
		case "url":
			link = v
		case "language":
			e.Lang = strings.ToLower(trim(v, 16))
		}
	}
	switch {
	case e.URL != "":
		e.Kind = briefings.SourceFeed
	case e.Kind == briefings.SourcePage && typ == "link":
		e.URL = link
	default:
		e.Kind = briefings.SourceFeed
	}
	e.Title = clean(text)
	if e.Title == "" {
		e.Title = clean(title)
	}
	return e
}

func ours(n xml.Name) bool { return n.Space == Namespace || n.Space == "sitrep" }

func (p *parser) sitrepAttr(e *Entry, name, v string) {
	switch name {
	case "showtext":
		e.ShowText = v == "true"
	case "fulltext":
		e.FullText = v == "true"
	case "interval":
		if d, err := time.ParseDuration(v); err == nil && d > 0 && d <= 7*24*time.Hour {
			e.Interval = d
		}
	case "topic":
		if v == string(briefings.SourceTopicWar) {
			e.Topic = briefings.SourceTopicWar
		}
	case "kind":
		if v == briefings.SourcePage {
			e.Kind = briefings.SourcePage
		}
	}
}

// clean makes s one line of printable text of at most maxText runes.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError:
			return -1
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	return trim(strings.Join(strings.Fields(s), " "), maxText)
}

func trim(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// Write writes srcs as an OPML 2.0 file: feeds and pages (local files have
// no address to share) in folders by category, in the order given.
func Write(w io.Writer, title string, created time.Time, srcs []*briefings.Source) error {
	doc := document{Version: "2.0", NS: Namespace, Head: head{Title: title}}
	if !created.IsZero() {
		doc.Head.DateCreated = created.UTC().Format(time.RFC1123Z)
	}
	root := &node{}
	for _, s := range srcs {
		if s.Kind == briefings.SourceFile || s.URL == "" {
			continue
		}
		root.folder(s.Category).add(outlineOf(s))
	}
	doc.Body.Outlines = root.outlines()
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("opml: write: %w", err)
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	if err != nil {
		return fmt.Errorf("opml: write: %w", err)
	}
	return nil
}

func outlineOf(s *briefings.Source) outline {
	o := outline{Text: s.Name, Title: s.Name, Language: s.Lang}
	if s.Kind == briefings.SourcePage {
		o.Type, o.URL, o.Kind = "link", s.URL, briefings.SourcePage
	} else {
		o.Type, o.XMLURL = "rss", s.URL
	}
	if s.ShowText {
		o.ShowText = "true"
	}
	if s.FullText {
		o.FullText = "true"
	}
	if s.Interval > 0 {
		o.Interval = s.Interval.String()
	}
	o.Topic = string(s.Topic)
	return o
}

type document struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	NS      string   `xml:"xmlns:sitrep,attr"`
	Head    head     `xml:"head"`
	Body    struct {
		Outlines []outline `xml:"outline"`
	} `xml:"body"`
}

type head struct {
	Title       string `xml:"title"`
	DateCreated string `xml:"dateCreated,omitempty"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	URL      string    `xml:"url,attr,omitempty"`
	Language string    `xml:"language,attr,omitempty"`
	Kind     string    `xml:"sitrep:kind,attr,omitempty"`
	ShowText string    `xml:"sitrep:showText,attr,omitempty"`
	FullText string    `xml:"sitrep:fullText,attr,omitempty"`
	Interval string    `xml:"sitrep:interval,attr,omitempty"`
	Topic    string    `xml:"sitrep:topic,attr,omitempty"`
	Children []outline `xml:"outline"`
}

// node is a folder while Write builds the tree: its sources, then its
// subfolders, each in order of first appearance.
type node struct {
	name  string
	items []outline
	subs  []*node
}

func (n *node) folder(path string) *node {
	cur := n
	for _, part := range strings.Split(path, "/") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		var next *node
		for _, s := range cur.subs {
			if s.name == part {
				next = s
			}
		}
		if next == nil {
			next = &node{name: part}
			cur.subs = append(cur.subs, next)
		}
		cur = next
	}
	return cur
}

func (n *node) add(o outline) { n.items = append(n.items, o) }

func (n *node) outlines() []outline {
	out := append([]outline(nil), n.items...)
	for _, s := range n.subs {
		out = append(out, outline{Text: s.name, Title: s.name, Children: s.outlines()})
	}
	return out
}
