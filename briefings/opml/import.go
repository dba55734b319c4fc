package opml

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// Import statuses.
const (
	Added   = "added"   // a new source
	Exists  = "exists"  // the address is a source already (or earlier in the file)
	Refused = "refused" // not imported; Reason says why
)

// Reasons an entry is refused.
const (
	ReasonNoURL     = "no_url"     // the outline names no feed address
	ReasonBadURL    = "bad_url"    // the address does not parse or has no host
	ReasonScheme    = "scheme"     // not http or https (file:, javascript: ...)
	ReasonNotPublic = "not_public" // the address guard refused it (private, loopback, local names)
)

// Result is what Import did with one entry.
type Result struct {
	Entry    Entry
	Status   string
	Reason   string // for Refused
	Detail   string // the guard's words, for ReasonNotPublic
	SourceID int64  // for Added and Exists
}

// SourceAdder stores a batch of sources (briefings.SourceStore has it).
type SourceAdder interface {
	AddSources(ctx context.Context, srcs []*briefings.Source) ([]bool, error)
}

// Importer adds the feeds of OPML files as sources.
type Importer struct {
	Store SourceAdder
	// Check is the address guard: an error refuses the entry. Chat imports
	// pass the public-address check; nil checks only scheme and host.
	Check func(rawURL string) error
	// AllowPrivate marks the new sources as the operator's (fetchable from
	// private addresses); never for imports from chat.
	AllowPrivate bool
	Now          func() time.Time
}

// Import checks every entry of f, then adds the acceptable new ones in one
// transaction: on an error nothing is added. Importing the same file again
// adds nothing (its feeds are there: Exists). A source already stored keeps
// its settings. It returns one result per entry, in file order.
func (im *Importer) Import(ctx context.Context, f *File) ([]Result, error) {
	now := time.Now
	if im.Now != nil {
		now = im.Now
	}
	results := make([]Result, len(f.Entries))
	var batch []*briefings.Source
	var at []int // result index of each batch entry
	var dups []int
	first := map[string]int{}
	for i, e := range f.Entries {
		results[i] = Result{Entry: e}
		r := &results[i]
		if r.Reason, r.Detail = im.refusal(e); r.Reason != "" {
			r.Status = Refused
			continue
		}
		if _, dup := first[e.URL]; dup {
			dups = append(dups, i)
			continue
		}
		first[e.URL] = i
		batch = append(batch, sourceOf(e, im.AllowPrivate, now()))
		at = append(at, i)
	}
	added, err := im.Store.AddSources(ctx, batch)
	if err != nil {
		return nil, fmt.Errorf("opml: import: %w", err)
	}
	for k, s := range batch {
		r := &results[at[k]]
		r.SourceID, r.Status = s.ID, Exists
		if added[k] {
			r.Status = Added
		}
	}
	// A feed listed twice is there after its first listing.
	for _, i := range dups {
		results[i].Status = Exists
		results[i].SourceID = results[first[results[i].Entry.URL]].SourceID
	}
	return results, nil
}

// refusal says why e cannot be a source, or "".
func (im *Importer) refusal(e Entry) (reason, detail string) {
	if e.Problem != "" || e.URL == "" {
		return ReasonNoURL, ""
	}
	u, err := url.Parse(e.URL)
	if err != nil {
		return ReasonBadURL, ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return ReasonScheme, trim(u.Scheme, 20)
	}
	if u.Host == "" || u.User != nil {
		return ReasonBadURL, ""
	}
	if im.Check != nil {
		if err := im.Check(e.URL); err != nil {
			return ReasonNotPublic, err.Error()
		}
	}
	return "", ""
}

func sourceOf(e Entry, private bool, now time.Time) *briefings.Source {
	name := e.Title
	if name == "" {
		if u, err := url.Parse(e.URL); err == nil {
			name = u.Host
		}
	}
	return &briefings.Source{Name: name, URL: e.URL, Kind: e.Kind, Category: e.Category, Lang: e.Lang,
		ShowText: e.ShowText, FullText: e.FullText, Interval: e.Interval, Topic: e.Topic, AllowPrivate: private,
		Enabled: true, NextCheckAt: now}
}

// Count returns how many results have the status.
func Count(rs []Result, status string) int {
	n := 0
	for _, r := range rs {
		if r.Status == status {
			n++
		}
	}
	return n
}

// String is the result as one line of the command line's report:
// "added #3 Kyiv Daily <https://...>", "refused line 12 Script
// <javascript:...>: the address is not http or https".
func (r Result) String() string {
	what := r.Entry.Title
	if r.Entry.URL != "" {
		what += " <" + trim(r.Entry.URL, 200) + ">"
	}
	switch r.Status {
	case Added, Exists:
		return fmt.Sprintf("%s #%d %s", r.Status, r.SourceID, what)
	}
	return fmt.Sprintf("%s line %d %s: %s", r.Status, r.Entry.Line, what, r.Why())
}

// Why says in English why an entry was refused.
func (r Result) Why() string {
	switch r.Reason {
	case ReasonNoURL:
		return "the outline names no feed address (xmlUrl)"
	case ReasonBadURL:
		return "the address is not a valid web address"
	case ReasonScheme:
		return fmt.Sprintf("the address is %s:, not http or https", r.Detail)
	case ReasonNotPublic:
		return "the address is not public (" + strings.TrimPrefix(r.Detail, "ingest: ") + ")"
	}
	return r.Reason
}
