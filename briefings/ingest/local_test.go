package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/sitrep/sitrep/briefings"
)

func TestIngestFolder(t *testing.T) {
	st := &memStore{}
	in := newIngester(t, st, Options{})
	outs, err := in.Ingest(t.Context(), "testdata/folder")
	if err != nil {
		t.Fatalf("%v\n%s", err, lines(outs))
	}
	// Sorted order, recursive, .csv skipped.
	want := []string{"testdata/folder/a_border.txt", "testdata/folder/b_brief.md", "testdata/folder/sub/c_page.html"}
	if len(outs) != len(want) {
		t.Fatalf("outcomes:\n%s", lines(outs))
	}
	for i, o := range outs {
		if o.Target != want[i] || o.Status != StatusNew {
			t.Errorf("outcome %d: %s", i, o)
		}
	}
	a, b := st.articles[0], st.articles[1]
	if a.SourceName != DefaultSourceName || a.PublishedAt.Format("2006-01-02") != "2026-03-12" || !strings.HasPrefix(a.Body, "KYIV, Ukraine (Wire)") {
		t.Errorf("txt article: %+v", a)
	}
	if b.SourceName != "Rada Press" || b.URL != "https://rada.example/news/martial-law" || b.Title != "Parliament extends martial law for 90 days" {
		t.Errorf("md article: %q %q %q", b.SourceName, b.URL, b.Title)
	}
	if len(st.sources) != 2 || st.sources[0].Kind != briefings.SourceFile || st.sources[0].Enabled {
		t.Errorf("sources %+v", st.sources)
	}
	if got := outs[1].String(); got != `new #2 story #2 "Parliament extends martial law for 90 days" <https://rada.example/news/martial-law>` {
		t.Errorf("line %q", got)
	}
	// Idempotent: the second run adds nothing.
	outs, err = in.Ingest(t.Context(), "testdata/folder")
	if err != nil || count(outs, StatusDuplicate) != 3 || len(st.articles) != 3 {
		t.Fatalf("second run: %v\n%s", err, lines(outs))
	}
	if got := outs[0].String(); !strings.HasPrefix(got, "duplicate (content) #1 ") {
		t.Errorf("duplicate line %q", got)
	}
	if got := outs[1].String(); !strings.HasPrefix(got, "duplicate (url) #2 ") {
		t.Errorf("duplicate line %q", got)
	}
}

func TestIngestBadFilesContinue(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("1_empty.txt", nil)
	write("2_binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00garbage"))
	big := make([]byte, 200<<10)
	for i := range big {
		big[i] = 'a' + byte(i%26)
	}
	write("3_big.txt", big)
	write("4_good.txt", []byte("title: Good one\n\nKharkiv metro reopened two stations on Sunday, the city council said."))
	st := &memStore{}
	in := newIngester(t, st, Options{MaxBytes: 100 << 10})
	outs, err := in.Ingest(t.Context(), dir)
	if err == nil {
		t.Fatal("no error for bad files")
	}
	if statuses(outs) != "error,error,error,new" {
		t.Fatalf("outcomes:\n%s", lines(outs))
	}
	for i, want := range []string{"empty input", "binary input", "input too large"} {
		if !strings.Contains(outs[i].Reason, want) || strings.Contains(outs[i].String(), "\n") {
			t.Errorf("outcome %d: %q, want %q", i, outs[i], want)
		}
	}
	t.Log("\n" + lines(outs))
	if len(st.articles) != 1 {
		t.Errorf("%d articles", len(st.articles))
	}
	outs, err = in.Ingest(t.Context(), filepath.Join(dir, "nope.txt"))
	if err == nil || len(outs) != 1 || !strings.Contains(outs[0].String(), "no such file") {
		t.Errorf("missing file: %v %s", err, lines(outs))
	}
	outs, err = in.Ingest(t.Context(), "ftp://example.com/feed")
	if err == nil || !strings.Contains(outs[0].Reason, "not an http(s) URL") {
		t.Errorf("ftp: %v %s", err, lines(outs))
	}
}

func TestIngestStdin(t *testing.T) {
	st := &memStore{}
	in := newIngester(t, st, Options{Stdin: strings.NewReader("source: Console\n\nA convoy of aid trucks reached Kherson on Friday, the regional administration said.\n")})
	outs, err := in.Ingest(t.Context(), "-")
	if err != nil || len(outs) != 1 || outs[0].Status != StatusNew || outs[0].Target != "-" {
		t.Fatalf("%v %s", err, lines(outs))
	}
	if a := st.articles[0]; a.SourceName != "Console" || a.Title != "A convoy of aid trucks reached Kherson on Friday, the regional administration said." {
		t.Errorf("%+v", a)
	}
}

func TestIngestPage(t *testing.T) {
	srv := serve(t, map[string][2]string{"/world/grain-talks": {"text/html; charset=utf-8", string(fixture(t, "page.html"))}})
	st := &memStore{}
	in := newIngester(t, st, Options{})
	outs, err := in.Ingest(t.Context(), srv.URL+"/world/grain-talks?utm_source=x#top")
	if err != nil || len(outs) != 1 || outs[0].Status != StatusNew {
		t.Fatalf("%v %s", err, lines(outs))
	}
	a := st.articles[0]
	if a.Title != "Grain talks resume in Istanbul" || a.URL != srv.URL+"/world/grain-talks" || strings.Contains(a.Body, "Copyright") || strings.Contains(a.Body, "Sport") {
		t.Errorf("page article %q %q %q", a.Title, a.URL, a.Body)
	}
	if paras := strings.Split(a.Body, "\n\n"); len(paras) != 4 {
		t.Errorf("%d paragraphs: %q", len(paras), a.Body)
	}
	if s := st.sources[0]; s.Kind != briefings.SourcePage || s.Enabled {
		t.Errorf("page source %+v", s)
	}
	p, err := in.FetchPage(t.Context(), srv.URL+"/world/grain-talks")
	if err != nil || p.Title != a.Title || p.Body != a.Body {
		t.Fatalf("FetchPage: %v %+v", err, p)
	}
	if len(st.articles) != 1 {
		t.Error("FetchPage stored an article")
	}
}

// Summarizer and Analyzer run before the store call and their output is
// stored with the article.
func TestAddRunsSummarizerAndAnalyzer(t *testing.T) {
	st := &memStore{}
	in := newIngester(t, st, Options{Summarizer: firstN{}, Analyzer: tagger{}, SummaryN: 2})
	o := in.Add(t.Context(), &briefings.Article{SourceName: "Desk", Title: "  Title\twith   space ",
		Body: "One sentence here. Two sentence here.\n\nThree here."})
	if o.Status != StatusNew {
		t.Fatal(o)
	}
	a := st.articles[0]
	if a.Title != "Title with space" || len(a.Summary) != 2 || a.Summary[0] != "One sentence here." || len(a.Topics) != 1 || a.Topics[0] != "test" {
		t.Errorf("%+v", a)
	}
	if o := in.Add(t.Context(), &briefings.Article{SourceName: "Desk", Title: " ", Body: "\n\n"}); o.Status != StatusError || !strings.Contains(o.Reason, "no title and no text") {
		t.Errorf("empty article: %s", o)
	}
	if len(st.articles) != 1 {
		t.Error("empty article stored")
	}
}

type firstN struct{}

func (firstN) Summarize(title, body string, n int) []string {
	var out []string
	for _, p := range strings.Split(body, "\n\n") {
		for _, s := range strings.SplitAfter(p, ". ") {
			if len(out) < n {
				out = append(out, strings.TrimSpace(s))
			}
		}
	}
	return out
}
func (firstN) SummarizeStory(docs []briefings.Doc, n int) []briefings.Picked { return nil }

type tagger struct{}

func (tagger) Analyze(a *briefings.Article) { a.Topics = []briefings.Topic{"test"} }

// A page in windows-1251 declared only in its meta tag is decoded.
func TestPageCharset(t *testing.T) {
	html := `<html><head><meta charset="windows-1251"><title>Новини</title></head><body><article><h1>Енергетики відновили живлення в Одесі</h1>
<p>Енергетики відновили електропостачання для більшості споживачів Одеси після нічної атаки, повідомили в обласній адміністрації у суботу вранці.</p>
<p>Ремонтні бригади працюватимуть до вечора, щоб повернути світло в усі райони міста та передмістя.</p></article></body></html>`
	enc, err := charmap.Windows1251.NewEncoder().String(html)
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, map[string][2]string{"/p": {"text/html", enc}})
	p, err := newIngester(t, &memStore{}, Options{}).FetchPage(t.Context(), srv.URL+"/p")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Body, "Енергетики відновили електропостачання для більшості") {
		t.Errorf("body %q", p.Body)
	}
}

func TestIngestEmptyFolder(t *testing.T) {
	outs, err := newIngester(t, &memStore{}, Options{}).Ingest(t.Context(), t.TempDir())
	if err == nil || len(outs) != 1 || !strings.Contains(outs[0].Reason, "no .txt, .md, .html or feed") {
		t.Fatalf("%v %s", err, lines(outs))
	}
}

func TestIngestStdinHTML(t *testing.T) {
	st := &memStore{}
	in := newIngester(t, st, Options{Stdin: strings.NewReader(string(fixture(t, "page.html")))})
	outs, err := in.Ingest(t.Context(), "-")
	if err != nil || len(outs) != 1 || outs[0].Title != "Grain talks resume in Istanbul" {
		t.Fatalf("%v %s", err, lines(outs))
	}
}
