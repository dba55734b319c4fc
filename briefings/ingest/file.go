package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/sitrep/sitrep/briefings"
)

// DefaultSourceName names the source of local files without a source: line.
const DefaultSourceName = "local"

// Errors of local input.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary input, not text")
	ErrTooLarge = errors.New("input too large")
	ErrNoText   = errors.New("no article text")
)

// fileExts are the file types a folder walk picks up.
var fileExts = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

// leadingDate is the seed's header: "date 2025-09-04" on the first line,
// followed on the same line by the text.
var leadingDate = regexp.MustCompile(`^\s*date:?\s+(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\b\s*`)

var headerLine = regexp.MustCompile(`^(?i)(title|url|link|source|date|published|lang|language|sample)\s*:\s*(.*)$`)

// ParseFile parses a local article. name gives the format (.html/.htm go
// through readability, anything else is plain text or markdown). Header
// lines at the top (title:, url:, source:, date:, lang:) and the seed's
// leading "date YYYY-MM-DD" are read and removed. The returned article has
// Title, Body, URL, SourceName, Lang and PublishedAt (zero when unstated).
func ParseFile(name string, data []byte) (*briefings.Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("ingest: %s: %w", name, ErrEmpty)
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".html" || ext == ".htm" {
		return parseHTMLFile(name, data)
	}
	if looksBinary(data) {
		return nil, fmt.Errorf("ingest: %s: %w", name, ErrBinary)
	}
	text := string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	a := &briefings.Article{}
	text = parseHeaders(a, text)
	if ext == ".md" || ext == ".markdown" {
		text = stripMarkdown(a, text)
	}
	a.Body = normalizeBody(text)
	a.Title = cleanLine(a.Title)
	if a.Title == "" && a.Body == "" {
		return nil, fmt.Errorf("ingest: %s: %w", name, ErrNoText)
	}
	if a.Title == "" {
		a.Title = firstSentence(a.Body)
	}
	return a, nil
}

// parseHeaders reads header lines into a and returns the rest of the text.
func parseHeaders(a *briefings.Article, text string) string {
	for {
		trimmed := strings.TrimLeft(text, " \t\r\n")
		if m := leadingDate.FindStringSubmatchIndex(trimmed); m != nil && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(trimmed)), "date:") {
			if t, ok := parseDate(trimmed[m[2]:m[3]]); ok {
				a.PublishedAt, a.DateOnly = t, !hasClock(trimmed[m[2]:m[3]])
				text = trimmed[m[1]:]
				continue
			}
		}
		line, rest, _ := strings.Cut(trimmed, "\n")
		m := headerLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			return text
		}
		v := strings.TrimSpace(m[2])
		switch strings.ToLower(m[1]) {
		case "title":
			a.Title = v
		case "url", "link":
			a.URL = v
		case "source":
			a.SourceName = cleanLine(v)
		case "date", "published":
			if t, ok := parseDate(v); ok {
				a.PublishedAt, a.DateOnly = t, !hasClock(v)
			}
		case "lang", "language":
			a.Lang = strings.ToLower(v)
		case "sample":
			// marks a text the team wrote (briefings/sample): a header,
			// never part of the article
		}
		text = rest
	}
}

var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04",
	"2006-01-02", time.RFC1123Z, time.RFC1123, "2 January 2006", "January 2, 2006", "Jan 2, 2006", "02.01.2006",
}

func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// clockTime finds a time of day in a written date ("09:30", "9:30:00").
var clockTime = regexp.MustCompile(`\d{1,2}:\d{2}`)

// hasClock reports whether a written date gives a time of day: a date
// alone ("2025-09-04", "4 September 2025") is that day, at no known time.
func hasClock(s string) bool { return clockTime.MatchString(s) }

var mdHeading = regexp.MustCompile(`^#{1,6}\s+(.*?)\s*#*\s*$`)
var mdLink = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
var mdEmph = regexp.MustCompile(`(\*\*|__)(.+?)(\*\*|__)`)

// stripMarkdown takes a leading "# Title" as the title (when none is set) and
// removes the markup that would otherwise end up in sentences.
func stripMarkdown(a *briefings.Article, text string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if m := mdHeading.FindStringSubmatch(t); m != nil {
			if a.Title == "" && len(out) == 0 || a.Title == "" && allBlank(lines[:i]) {
				a.Title = m[1]
				continue
			}
			out = append(out, "", m[1], "")
			continue
		}
		if strings.HasPrefix(t, "> ") {
			l = strings.TrimPrefix(t, "> ")
		}
		l = mdLink.ReplaceAllString(l, "$1")
		l = mdEmph.ReplaceAllString(l, "$2")
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func allBlank(ls []string) bool {
	for _, l := range ls {
		if strings.TrimSpace(l) != "" {
			return false
		}
	}
	return true
}

// parseHTMLFile extracts a local HTML page with readability.
func parseHTMLFile(name string, data []byte) (*briefings.Article, error) {
	if bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0 {
		return nil, fmt.Errorf("ingest: %s: %w", name, ErrBinary)
	}
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return nil, fmt.Errorf("ingest: %s: %w", name, err)
	}
	a, err := extractPage(r, nil)
	if err != nil {
		return nil, fmt.Errorf("ingest: %s: %w", name, err)
	}
	return a, nil
}
