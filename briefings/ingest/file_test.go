package ingest

import (
	"bytes"
	"errors"
	sharedtest "github.com/sitrep/sitrep/briefings/internal/shared"
	"strings"
	"testing"
	"time"
)

func TestParseFile(t *testing.T) {
	tests := []struct {
		name, file, data string
		title, url, src  string
		date             string
		bodyPrefix       string
		paras            int
		err              error
	}{
		{
			name: "seed date header shares the line",
			file: "000.txt",
			data: " date 2025-09-04 KYIV, Ukraine — (Wire) — An envoy sat down with European ministers in Rome on Friday to talk over security guarantees. More followed.\n\nSecond paragraph here.\n",
			date: "2025-09-04", bodyPrefix: "KYIV, Ukraine — (Wire) — An envoy sat down", paras: 2,
			title: "An envoy sat down with European ministers in Rome on Friday to talk over security guarantees.",
		},
		{
			name:  "header lines",
			file:  "a.txt",
			data:  "title: Ceasefire talks stall\nurl: https://x.example/a?utm_source=t\nsource: Test Wire\ndate: 2026-03-12T10:00:00Z\n\nTalks stalled on Tuesday.\n",
			title: "Ceasefire talks stall", url: "https://x.example/a?utm_source=t", src: "Test Wire", date: "2026-03-12",
			bodyPrefix: "Talks stalled on Tuesday.", paras: 1,
		},
		{
			name:  "title falls back to the first sentence",
			file:  "b.txt",
			data:  "Officials in Lviv said on Monday the city would open two new shelters. The work starts next week.",
			title: "Officials in Lviv said on Monday the city would open two new shelters.", paras: 1,
			bodyPrefix: "Officials in Lviv",
		},
		{
			name:  "hard-wrapped paragraphs are joined",
			file:  "c.txt",
			data:  "title: T\n\nline one of\nthe first paragraph\n\nsecond\nparagraph\n",
			title: "T", bodyPrefix: "line one of the first paragraph\n\nsecond paragraph", paras: 2,
		},
		{
			name:  "markdown heading as title",
			file:  "d.md",
			data:  "# Sanctions list grows\n\nThe **council** added [twelve](https://x.example) entities.\n",
			title: "Sanctions list grows", bodyPrefix: "The council added twelve entities.", paras: 1,
		},
		{
			name:  "html through readability",
			file:  "e.html",
			data:  string(mustRead("testdata/page.html")),
			title: "Grain talks resume in Istanbul", bodyPrefix: "Delegations from Ukraine, Turkey", paras: 4,
		},
		{name: "empty", file: "f.txt", data: " \n\t\n", err: ErrEmpty},
		{name: "binary", file: "g.txt", data: "PK\x03\x04\x00\x00binary\x00data", err: ErrBinary},
		{name: "invalid utf-8 heavy", file: "h.txt", data: strings.Repeat("\xff\xfe\xc3", 100), err: ErrBinary},
		{name: "only headers", file: "i.txt", data: "source: X\nurl: https://x.example/\n", err: ErrNoText},
		{name: "html without text", file: "j.html", data: string(mustRead("testdata/notext.html")), err: ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseFile(tt.file, []byte(tt.data))
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if a.URL != tt.url {
				t.Errorf("url = %q, want %q", a.URL, tt.url)
			}
			if a.SourceName != tt.src {
				t.Errorf("source = %q, want %q", a.SourceName, tt.src)
			}
			if tt.date != "" && a.PublishedAt.Format("2006-01-02") != tt.date {
				t.Errorf("date = %v, want %s", a.PublishedAt, tt.date)
			}
			if !strings.HasPrefix(a.Body, tt.bodyPrefix) {
				t.Errorf("body = %q, want prefix %q", a.Body, tt.bodyPrefix)
			}
			if n := len(strings.Split(a.Body, "\n\n")); n != tt.paras {
				t.Errorf("%d paragraphs, want %d: %q", n, tt.paras, a.Body)
			}
			if strings.Contains(a.Body, "date 20") || strings.Contains(a.Body, "title:") {
				t.Errorf("header left in body: %q", a.Body)
			}
		})
	}
}

func mustRead(name string) []byte {
	b, err := readFileForTest(name)
	if err != nil {
		panic(err)
	}
	return b
}

func TestSeedFile(t *testing.T) {
	root := sharedtest.Root(t)
	b, err := readFileForTest(root + "/../shared/seed/000_638444e5b0321baa.txt")
	if err != nil {
		t.Skipf("seed not available: %v", err)
	}
	a, err := ParseFile("000_638444e5b0321baa.txt", b)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.PublishedAt; !got.Equal(time.Date(2025, 9, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date = %v", got)
	}
	if !strings.HasPrefix(a.Body, "KYIV, Ukraine") || strings.HasPrefix(a.Title, "date") {
		t.Errorf("body starts %.40q, title %q", a.Body, a.Title)
	}
	if n := strings.Count(a.Body, "\n\n") + 1; n < 10 {
		t.Errorf("%d paragraphs", n)
	}
	t.Logf("title: %s", a.Title)
}

func FuzzParseFile(f *testing.F) {
	f.Add("a.txt", []byte(" date 2025-09-04 KYIV, Ukraine — text. More text."))
	f.Add("b.md", []byte("title: x\nurl: y\nsource: z\ndate: 2026-01-02\n\n# H\n\nbody **b** [l](u)"))
	f.Add("c.html", []byte("<html><body><article><p>Some text here that is long enough to count as an article paragraph for the extractor to keep it.</p></article></body></html>"))
	f.Add("d.txt", []byte("date 2025-13-45 x"))
	f.Add("e.txt", []byte("\xef\xbb\xbftitle:\n\n\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		a, err := ParseFile(name, data)
		if err != nil {
			if a != nil {
				t.Fatal("article and error")
			}
			return
		}
		if a.Title == "" && a.Body == "" {
			t.Fatalf("no error and no text for %q", data)
		}
		if bytes.Contains([]byte(a.Body), []byte{0}) {
			t.Fatal("NUL in body")
		}
	})
}

func TestCleanLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"  two  spaces\there ", "two spaces here"},
		{"cafe\u0301", "café"},
		{"zero\u200bwidth\ufeff", "zero width"},
		{"bell\x07char", "bellchar"},
		{"a\u00a0b", "a b"},
	}
	for _, tt := range tests {
		if got := cleanLine(tt.in); got != tt.want {
			t.Errorf("cleanLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The sample corpus marks its texts with a "sample: true" header line; it is
// a header like the others, not the first words of the body (where it would
// join every sample article's story signature and summary).
func TestParseFileSampleHeader(t *testing.T) {
	a, err := ParseFile("x.txt", []byte("title: Ministers meet\nsource: Sample Wire\nsample: true\n\nMinisters met on Friday to discuss a plan.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Body, "sample") || !strings.HasPrefix(a.Body, "Ministers met") {
		t.Errorf("body %q: the sample header leaked into it", a.Body)
	}
	if a.Title != "Ministers meet" || a.SourceName != "Sample Wire" {
		t.Errorf("title %q, source %q", a.Title, a.SourceName)
	}
}
