package store

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// TestAddArticleDuplicatePriority checks that when an article's keys match
// different stored articles, the URL wins over the GUID and the GUID over
// the content hash, and that a duplicate is never taken for a wire copy.
func TestAddArticleDuplicatePriority(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "dup.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	at := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return at }
	var srcs []*briefings.Source
	for _, name := range []string{"alpha", "beta"} {
		s := &briefings.Source{Name: name, URL: "https://" + name + ".example/feed", Kind: briefings.SourceFeed,
			Enabled: true, Interval: time.Hour}
		if err := db.UpsertSource(ctx, s); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, s)
	}
	one, two := srcs[0].ID, srcs[1].ID
	add := func(a *briefings.Article) briefings.AddResult {
		t.Helper()
		res, err := db.AddArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	x := &briefings.Article{SourceID: one, URL: "https://alpha.example/x", GUID: "gx", ContentHash: "hx", Title: "X"}
	y := &briefings.Article{SourceID: one, URL: "https://alpha.example/y", GUID: "gy", ContentHash: "hy", Title: "Y"}
	w := &briefings.Article{SourceID: two, URL: "https://beta.example/w", GUID: "gw", ContentHash: "hz", Title: "W"}
	for _, a := range []*briefings.Article{x, y, w} {
		if res := add(a); !res.Created {
			t.Fatalf("add %s: %+v", a.Title, res)
		}
	}
	tests := []struct {
		name   string
		a      briefings.Article
		id     int64
		reason string
	}{
		{"url over guid and hash", briefings.Article{SourceID: one, URL: y.URL, GUID: "gx", ContentHash: "hx"}, y.ID, "url"},
		{"guid over hash", briefings.Article{SourceID: one, URL: "https://alpha.example/n1", GUID: "gy", ContentHash: "hx"}, y.ID, "guid"},
		{"hash", briefings.Article{SourceID: one, URL: "https://alpha.example/n2", GUID: "gn", ContentHash: "hx"}, x.ID, "content"},
	}
	for _, tc := range tests {
		a := tc.a
		a.Title = tc.name
		res := add(&a)
		if res.Created || res.ID != tc.id || res.Duplicate != tc.reason || res.CopyOf != 0 {
			t.Errorf("%s: %+v, want duplicate %q of %d", tc.name, res, tc.reason, tc.id)
		}
	}
	// A new article with another source's hash is a copy of the oldest.
	cp := &briefings.Article{SourceID: two, URL: "https://beta.example/copy", ContentHash: "hx", Title: "copy"}
	if res := add(cp); !res.Created || res.CopyOf != x.ID || res.StoryID != x.StoryID {
		t.Errorf("wire copy: %+v, want copy of %d in story %d", res, x.ID, x.StoryID)
	}
	// Once that copy is stored, the same text from its source is a
	// duplicate of the copy, not another copy of the original.
	again := &briefings.Article{SourceID: two, URL: "https://beta.example/again", ContentHash: "hx", Title: "again"}
	if res := add(again); res.Created || res.ID != cp.ID || res.Duplicate != "content" || res.CopyOf != 0 {
		t.Errorf("copy again: %+v, want duplicate \"content\" of %d", res, cp.ID)
	}
	if n, err := db.CountArticles(ctx); err != nil || n != 4 {
		t.Errorf("%d articles (%v), want 4", n, err)
	}
}

func TestStringsToJSON(t *testing.T) {
	tests := [][]string{
		nil,
		{},
		{""},
		{"plain", "two words"},
		{`say "hi"`, `back\slash`, `"`, `\`, `\"`},
		{"Kyiv — Київ", "naïve café"},
		{"a < b", "x & y", "p > q"},
		{"line\nbreak", "tab\there", "\x00", "\x7f"},
		{"sep\u2028", "para\u2029"},
		{"bad \xff byte", "\xe2\x80"},
		{"ok", "then <bad>"},
	}
	for _, v := range tests {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := stringsToJSON(v)
		if err != nil {
			t.Fatalf("stringsToJSON(%q): %v", v, err)
		}
		if got != string(want) {
			t.Errorf("stringsToJSON(%q) = %s, want %s", v, got, want)
		}
	}
}

func FuzzStringsToJSON(f *testing.F) {
	for _, s := range []string{"", "plain", `q"uote`, `b\s`, "<&>", "\n", "Київ", "\u2028", "\xff"} {
		f.Add(s, "second")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		v := []string{a, b, strings.ToUpper(a)}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := stringsToJSON(v)
		if err != nil || got != string(want) {
			t.Fatalf("stringsToJSON(%q) = %s, %v; want %s", v, got, err, want)
		}
	})
}
