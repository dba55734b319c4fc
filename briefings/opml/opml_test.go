package opml_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/ingest"
	"github.com/sitrep/sitrep/briefings/opml"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// A list as feed readers write it: folders, a folder in a folder, a feed
// outside any folder, an outline with no address and one of every kind of
// address the importer must refuse.
const readerList = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Wires">
      <outline type="rss" text="Example Wire" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/"/>
      <outline text="Ukraine">
        <outline type="rss" text="Kyiv Daily" title="ignored" xmlUrl="https://kyiv.example/feed" language="uk"/>
      </outline>
    </outline>
    <outline type="rss" title="Loose &amp; free" xmlUrl="http://loose.example/atom.xml"/>
    <outline text="A note without an address"/>
    <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
    <outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>
    <outline type="rss" text="Router" xmlUrl="http://192.168.1.1/feed"/>
    <outline type="rss" text="Metadata" xmlUrl="http://169.254.169.254/latest/"/>
    <outline type="rss" text="Intranet" xmlUrl="https://wiki.internal/feed"/>
    <outline type="rss" text="Wire again" xmlUrl="https://wire.example/rss"/>
  </body>
</opml>`

func TestParseFolders(t *testing.T) {
	f, err := opml.Parse(strings.NewReader(readerList), opml.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "My feeds" {
		t.Errorf("title %q", f.Title)
	}
	want := []struct{ title, url, category, problem string }{
		{"Example Wire", "https://wire.example/rss", "Wires", ""},
		{"Kyiv Daily", "https://kyiv.example/feed", "Wires/Ukraine", ""},
		{"Loose & free", "http://loose.example/atom.xml", "", ""},
		{"A note without an address", "", "", "no_url"},
		{"Local file", "file:///etc/passwd", "", ""},
		{"Script", "javascript:alert(1)", "", ""},
		{"Router", "http://192.168.1.1/feed", "", ""},
		{"Metadata", "http://169.254.169.254/latest/", "", ""},
		{"Intranet", "https://wiki.internal/feed", "", ""},
		{"Wire again", "https://wire.example/rss", "", ""},
	}
	if len(f.Entries) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(f.Entries), len(want), f.Entries)
	}
	for i, w := range want {
		e := f.Entries[i]
		if e.Title != w.title || e.URL != w.url || e.Category != w.category || e.Problem != w.problem {
			t.Errorf("entry %d = %q %q %q %q, want %+v", i, e.Title, e.URL, e.Category, e.Problem, w)
		}
	}
	if f.Entries[1].Lang != "uk" || f.Entries[0].Line != 6 {
		t.Errorf("lang %q line %d", f.Entries[1].Lang, f.Entries[0].Line)
	}
}

func TestImportReport(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	f, err := opml.Parse(strings.NewReader(readerList), opml.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	im := &opml.Importer{Store: db, Check: ingest.CheckPublicURL, Now: func() time.Time { return time.Unix(1e9, 0) }}
	res, err := im.Import(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ status, reason string }{
		{opml.Added, ""}, {opml.Added, ""}, {opml.Added, ""},
		{opml.Refused, opml.ReasonNoURL},
		{opml.Refused, opml.ReasonScheme}, {opml.Refused, opml.ReasonScheme},
		{opml.Refused, opml.ReasonNotPublic}, {opml.Refused, opml.ReasonNotPublic}, {opml.Refused, opml.ReasonNotPublic},
		{opml.Exists, ""},
	}
	for i, w := range want {
		if res[i].Status != w.status || res[i].Reason != w.reason {
			t.Errorf("%s: %s %s (%s), want %s %s", res[i].Entry.Title, res[i].Status, res[i].Reason, res[i].Detail, w.status, w.reason)
		}
	}
	if res[9].SourceID != res[0].SourceID || res[0].SourceID == 0 {
		t.Errorf("the repeated feed has id %d, its first listing %d", res[9].SourceID, res[0].SourceID)
	}
	if res[4].Detail != "file" || !strings.Contains(res[6].Detail, "192.168.1.1") {
		t.Errorf("details %q %q", res[4].Detail, res[6].Detail)
	}
	srcs, err := db.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 3 {
		t.Fatalf("%d sources stored, want 3", len(srcs))
	}
	for _, s := range srcs {
		if s.AllowPrivate || !s.Enabled || s.NextCheckAt.IsZero() {
			t.Errorf("imported from chat: %+v", s)
		}
	}
	// Again: the same report but nothing new.
	res, err = im.Import(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if n := opml.Count(res, opml.Added); n != 0 || opml.Count(res, opml.Exists) != 4 {
		t.Errorf("second import added %d, exists %d", n, opml.Count(res, opml.Exists))
	}
}

// failingStore fails the batch write, as a database that went away would.
type failingStore struct{ briefings.Store }

func (failingStore) AddSources(context.Context, []*briefings.Source) ([]bool, error) {
	return nil, errors.New("disk full")
}

func TestImportWriteFails(t *testing.T) {
	f, err := opml.Parse(strings.NewReader(readerList), opml.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	im := &opml.Importer{Store: failingStore{}}
	if res, err := im.Import(context.Background(), f); err == nil || res != nil {
		t.Fatalf("import over a failing store: %v, %d results", err, len(res))
	}
}

func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	a := storetest.Open(t)
	in := []*briefings.Source{
		{Name: "Example Wire", URL: "https://wire.example/rss", Kind: briefings.SourceFeed, Category: "Wires", Lang: "en", ShowText: true},
		{Name: "Kyiv Daily", URL: "https://kyiv.example/feed", Kind: briefings.SourceFeed, Category: "Wires/Ukraine", Lang: "uk",
			FullText: true, Interval: 30 * time.Minute, Topic: briefings.SourceTopicWar},
		{Name: "One page", URL: "https://page.example/story", Kind: briefings.SourcePage},
		{Name: "Loose <feed> & \"quotes\"", URL: "https://loose.example/feed?a=1&b=2", Kind: briefings.SourceFeed},
		{Name: "Folder", URL: "file:/var/sitrep/notes", Kind: briefings.SourceFile},
	}
	for _, s := range in {
		s.Enabled = true
		if err := a.UpsertSource(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	srcs, err := a.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := opml.Write(&buf, "sitrep sources", time.Date(2026, 3, 14, 8, 0, 0, 0, time.UTC), srcs); err != nil {
		t.Fatal(err)
	}
	f, err := opml.Parse(bytes.NewReader(buf.Bytes()), opml.Limits{})
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	b := storetest.Open(t)
	res, err := (&opml.Importer{Store: b}).Import(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if opml.Count(res, opml.Added) != 4 {
		t.Fatalf("results %+v", res)
	}
	got, err := b.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	key := func(s *briefings.Source) string {
		return fmt.Sprintf("%s|%s|%s|%s|%s|%v|%v|%v|%s", s.Name, s.URL, s.Kind, s.Category, s.Lang, s.ShowText, s.FullText, s.Interval, s.Topic)
	}
	var want, have []string
	for _, s := range srcs {
		if s.Kind != briefings.SourceFile {
			want = append(want, key(s))
		}
	}
	for _, s := range got {
		have = append(have, key(s))
	}
	slices.Sort(want)
	slices.Sort(have)
	if strings.Join(want, "\n") != strings.Join(have, "\n") {
		t.Fatalf("round trip:\n got %q\nwant %q\n%s", have, want, buf.String())
	}
}

func TestParseRefusesWholeFile(t *testing.T) {
	deep := strings.Repeat("<outline text=\"x\">", 10000) + strings.Repeat("</outline>", 10000)
	huge := `<opml version="2.0"><head><title>` + strings.Repeat("padding ", 20<<20/8) + `</title></head><body/></opml>`
	many := `<opml version="2.0"><body>` + strings.Repeat(`<outline text="f" xmlUrl="https://a.example/"/>`, 10001) + `</body></opml>`
	cases := []struct {
		name, in string
		want     error
	}{
		{"empty", "", opml.ErrNotXML},
		{"not XML", "title,url\nWire,https://wire.example/rss\n", opml.ErrNotXML},
		{"JSON", `{"feeds": ["https://wire.example/rss"]}`, opml.ErrNotXML},
		{"cut short", `<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/">`, opml.ErrNotXML},
		{"HTML", `<html><body><a href="https://a.example/">a</a></body></html>`, opml.ErrNotOPML},
		{"RSS", `<rss version="2.0"><channel><title>t</title></channel></rss>`, opml.ErrNotOPML},
		{"10,000 levels", `<opml version="2.0"><body>` + deep + `</body></opml>`, opml.ErrTooDeep},
		{"20 MB", huge, opml.ErrTooLarge},
		{"10,001 outlines", many, opml.ErrTooMany},
		{"entity bomb", `<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><opml version="2.0"><head><title>&b;</title></head></opml>`, opml.ErrNotXML},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := opml.Parse(strings.NewReader(tc.in), opml.Limits{})
			if !errors.Is(err, tc.want) || !errors.Is(err, opml.ErrBadFile) || f != nil {
				t.Fatalf("err %v, want %v", err, tc.want)
			}
		})
	}
}

func TestParseEncodings(t *testing.T) {
	// windows-1251: "Новини" as a folder name.
	in := append([]byte(`<?xml version="1.0" encoding="windows-1251"?><opml version="1.0"><body><outline text="`),
		0xcd, 0xee, 0xe2, 0xe8, 0xed, 0xe8)
	in = append(in, []byte(`"><outline text="a" xmlUrl="https://a.example/"/></outline></body></opml>`)...)
	f, err := opml.Parse(bytes.NewReader(in), opml.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 1 || f.Entries[0].Category != "Новини" {
		t.Fatalf("entries %+v", f.Entries)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(readerList))
	f.Add([]byte(`<opml><body><outline text="a/b"><outline xmlUrl="https://x.example/" sitrep:interval="5m" xmlns:sitrep="` + opml.Namespace + `"/></outline></body></opml>`))
	f.Add([]byte(`<opml><body><outline type="link" url="https://p.example/" sitrep:kind="page" xmlns:sitrep="sitrep"/></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := opml.Limits{MaxBytes: 1 << 16, MaxDepth: 8, MaxOutlines: 200}
		doc, err := opml.Parse(bytes.NewReader(data), lim)
		if err != nil {
			if !errors.Is(err, opml.ErrBadFile) {
				t.Fatalf("error outside ErrBadFile: %v", err)
			}
			return
		}
		if len(doc.Entries) > lim.MaxOutlines {
			t.Fatalf("%d entries over the limit", len(doc.Entries))
		}
		// What was read writes back and reads again the same.
		var srcs []*briefings.Source
		for _, e := range doc.Entries {
			if e.URL == "" || strings.TrimSpace(e.URL) != e.URL {
				continue
			}
			srcs = append(srcs, &briefings.Source{Name: e.Title, URL: e.URL, Kind: e.Kind, Category: e.Category, Lang: e.Lang})
		}
		var buf bytes.Buffer
		if err := opml.Write(&buf, doc.Title, time.Time{}, srcs); err != nil {
			t.Fatal(err)
		}
		again, err := opml.Parse(&buf, opml.Limits{})
		if err != nil {
			t.Fatalf("re-reading the written file: %v\n%s", err, buf.String())
		}
		if len(again.Entries) != len(srcs) {
			t.Fatalf("%d entries written, %d read back", len(srcs), len(again.Entries))
		}
	})
}
