package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/briefings"
)

// TestIngestFeedFile: a feed saved to disk is read as its feed (one article
// per item under a source named by the feed's title), not as one article
// of raw markup; a second run adds nothing.
func TestIngestFeedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "saved.xml")
	if err := os.WriteFile(path, fixture(t, "rss2.xml"), 0o644); err != nil {
		t.Fatal(err)
	}
	st := &memStore{}
	in := newIngester(t, st, Options{})
	outs, err := in.Ingest(t.Context(), path)
	if err != nil || len(outs) != 2 || count(outs, StatusNew) != 2 {
		t.Fatalf("%v\n%s", err, lines(outs))
	}
	for _, o := range outs {
		if !strings.HasPrefix(o.Target, "https://frontline.example/") {
			t.Errorf("outcome target %q, want the item's link", o.Target)
		}
	}
	if got := st.articles[0].Title; got != "Russia launches 146 drones at Ukraine overnight, air force says" {
		t.Errorf("first article %q", got)
	}
	for _, a := range st.articles {
		if strings.Contains(a.Title+a.Body+a.Teaser, "<") || !strings.HasPrefix(a.URL, "https://frontline.example/") {
			t.Errorf("article %q %q: markup or no link", a.Title, a.URL)
		}
	}
	s := st.sources[len(st.sources)-1]
	if s.Name != "Frontline Wire" || s.Kind != briefings.SourceFile || s.Enabled || s.ShowText || s.Lang != "en" {
		t.Errorf("source %+v: want the feed's name, a disabled file source that does not quote", s)
	}
	outs, err = in.Ingest(t.Context(), path)
	if err != nil || count(outs, StatusDuplicate) != 2 || len(st.articles) != 2 {
		t.Errorf("second run: %v\n%s", err, lines(outs))
	}
}

// TestIngestFolderWithFeeds: a folder walk reads feed files after the
// articles; an XML file that is no feed gets its error and harms nothing.
func TestIngestFolderWithFeeds(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"a.txt":       []byte("Title: Grain corridor reopens\n\nShips left the port on Friday, the ministry said.\n"),
		"b_feed.atom": fixture(t, "atom.xml"),
		"c_feed.rss":  fixture(t, "rss2.xml"),
		"d_notes.xml": []byte("<?xml version=\"1.0\"?>\n<notes><note>nothing to read</note></notes>\n"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := &memStore{}
	in := newIngester(t, st, Options{})
	outs, err := in.Ingest(t.Context(), dir)
	if err == nil {
		t.Fatalf("no error for the XML file that is no feed\n%s", lines(outs))
	}
	if len(outs) != 5 || count(outs, StatusNew) != 4 {
		t.Fatalf("outcomes:\n%s", lines(outs))
	}
	last := outs[len(outs)-1]
	if last.Status != StatusError || last.Target != filepath.Join(dir, "d_notes.xml") || last.Reason != errNotFeed.Error() {
		t.Errorf("last outcome %s, want d_notes.xml refused as no feed", last)
	}
	if outs[0].Target != filepath.Join(dir, "a.txt") || outs[1].Title != "Defence minister announces new air defence package" {
		t.Errorf("order: %s", lines(outs))
	}
}

// TestIngestStdinFeed: a feed piped on stdin is read as a feed.
func TestIngestStdinFeed(t *testing.T) {
	st := &memStore{}
	in := newIngester(t, st, Options{Stdin: strings.NewReader(string(fixture(t, "rss2.xml")))})
	outs, err := in.Ingest(t.Context(), "-")
	if err != nil || count(outs, StatusNew) != 2 {
		t.Fatalf("%v\n%s", err, lines(outs))
	}
	if st.articles[0].SourceName != "Frontline Wire" {
		t.Errorf("source %q", st.articles[0].SourceName)
	}
}

// TestIngestBrokenFeedFile: a malformed feed file gives one clear error.
func TestIngestBrokenFeedFile(t *testing.T) {
	st := &memStore{}
	in := newIngester(t, st, Options{})
	outs, err := in.Ingest(t.Context(), "testdata/malformed.xml")
	if err == nil || len(outs) != 1 || outs[0].Status != StatusError || len(st.articles) != 0 {
		t.Fatalf("%v\n%s", err, lines(outs))
	}
}
