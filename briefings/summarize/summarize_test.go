package summarize

import (
	"fmt"
	"github.com/sitrep/sitrep/briefings/internal/shared"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/text"
)

func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkVerbatimOrdered fails unless every sentence is a slice of body's
// own bytes (located by address, so a match elsewhere cannot fool it), in
// order and without overlap.
func checkVerbatimOrdered(t testing.TB, body string, got []string) {
	t.Helper()
	pos := 0
	for _, s := range got {
		off := -1
		if len(s) > 0 && len(body) > 0 {
			d := int(uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(unsafe.StringData(body))))
			if d >= 0 && d+len(s) <= len(body) {
				off = d
			}
		}
		if off < 0 {
			t.Fatalf("sentence not verbatim in the input: %q", s)
		}
		if off < pos {
			t.Fatalf("sentence out of article order: %q", s)
		}
		pos = off + len(s)
	}
}

func TestSummarizeFixtures(t *testing.T) {
	tests := []struct {
		file, title string
		n           int
		want        []string // substrings of sentences that must be picked
		not         []string // substrings that must not appear
	}{
		{
			file: "attack_diplomacy.txt", n: 3,
			want: []string{"Foreign ministers from the Nordic", "Russia launched 96 attack drones", "shot down or jammed 71"},
			not:  []string{"Photo:", "Read more"},
		},
		{
			file: "attack_diplomacy.txt", n: 1,
			want: []string{"Foreign ministers from the Nordic"},
		},
		{
			file: "boilerplate.txt", title: "Glide bomb hits Kharkiv apartment block", n: 3,
			want: []string{"A glide bomb struck a residential block"},
			not:  []string{"By Jane Doe", "Updated", "Advertisement", "Photo:", "READ MORE", "Reporting by"},
		},
		{
			file: "airforce_uk.txt", n: 3,
			// Launched, downed and hit: 81, 63 (the header or the count line), 18.
			want: []string{"81 ударним БпЛА", "63 ", "18 ударних"},
			not:  []string{"Бережіть себе"},
		},
	}
	z := New()
	for _, tt := range tests {
		body := fixture(t, tt.file)
		got := z.Summarize(tt.title, body, tt.n)
		if len(got) == 0 || len(got) > tt.n {
			t.Fatalf("%s n=%d: got %d sentences: %q", tt.file, tt.n, len(got), got)
		}
		checkVerbatimOrdered(t, body, got)
		joined := strings.Join(got, "\n")
		for _, w := range tt.want {
			if !strings.Contains(joined, w) {
				t.Errorf("%s n=%d: summary lacks %q:\n%s", tt.file, tt.n, w, joined)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(joined, w) {
				t.Errorf("%s n=%d: summary has boilerplate %q:\n%s", tt.file, tt.n, w, joined)
			}
		}
	}
}

// TestSeed summarizes the founding article (read from ../shared/seed): the
// ideal three sentences say who met whom and give the Air Force's 112 and 84.
func TestSeed(t *testing.T) {
	dir := shared.Seed(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no seed article in %s", dir)
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	// The ingest layer removes the leading "date YYYY-MM-DD" header.
	body := regexp.MustCompile(`^\s*date \d{4}-\d{2}-\d{2}\s+`).ReplaceAllString(string(raw), "")
	got := New().Summarize("", body, 3)
	checkVerbatimOrdered(t, body, got)
	if len(got) != 3 {
		t.Fatalf("got %d sentences: %q", len(got), got)
	}
	if !strings.Contains(got[0], "Witkoff") {
		t.Errorf("first sentence is not the lead: %q", got[0])
	}
	joined := strings.Join(got, " ")
	for _, fig := range []string{"112", "84"} {
		if !regexp.MustCompile(`\b` + fig + ` `).MatchString(joined) {
			t.Errorf("summary lacks the figure %s: %q", fig, got)
		}
	}
}

func TestSummarizeEdges(t *testing.T) {
	z := New()
	body := fixture(t, "attack_diplomacy.txt")
	for _, n := range []int{0, -1} {
		if got := z.Summarize("", body, n); got != nil {
			t.Errorf("n=%d: got %q, want nil", n, got)
		}
	}
	for _, in := range []string{"", "   \n\n\t", "...", "—"} {
		if got := z.Summarize("Title", in, 3); len(got) != 0 {
			t.Errorf("Summarize(%q) = %q, want nothing", in, got)
		}
	}
	// n larger than the article: every sentence that is not boilerplate,
	// in order.
	got := z.Summarize("", body, 1000)
	checkVerbatimOrdered(t, body, got)
	var want []string
	for _, s := range text.Sentences(body) {
		if !strings.HasPrefix(s, "Photo:") && !strings.HasPrefix(s, "Read more") {
			want = append(want, s)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("n=1000:\n got  %q\n want %q", got, want)
	}
	// A single short sentence is still a summary of itself.
	if got := z.Summarize("", "Drones hit Lviv overnight.", 3); len(got) != 1 {
		t.Errorf("one-sentence article: got %q", got)
	}
	if got := z.SummarizeStory(nil, 3); got != nil {
		t.Errorf("SummarizeStory(nil) = %+v", got)
	}
}

// TestDeterministic runs the summarizer many times, also from several
// goroutines at once (the pooled state must not leak between calls), on
// texts full of score ties, and wants the same output every time.
func TestDeterministic(t *testing.T) {
	var ties strings.Builder
	for i := range 12 {
		ties.WriteString([]string{"Drones hit the city. ", "Missiles hit the town. ", "Talks went on in Paris. "}[i%3])
	}
	inputs := []string{fixture(t, "attack_diplomacy.txt"), fixture(t, "boilerplate.txt"),
		fixture(t, "airforce_uk.txt"), ties.String()}
	z := New()
	want := make([][]string, len(inputs))
	for i, in := range inputs {
		want[i] = z.Summarize("", in, 3)
	}
	docs := []briefings.Doc{{Body: fixture(t, "wire_a.txt")}, {Body: fixture(t, "wire_b.txt")}, {Body: fixture(t, "wire_c.txt")}}
	wantStory := z.SummarizeStory(docs, 4)
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for range 4 {
		wg.Go(func() {
			for range 25 {
				for i, in := range inputs {
					if got := New().Summarize("", in, 3); !slices.Equal(got, want[i]) {
						errs <- strings.Join(got, "|")
					}
				}
				if got := z.SummarizeStory(docs, 4); !slices.Equal(got, wantStory) {
					errs <- "story differs"
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatalf("output changed between runs: %s", e)
	}
}

func TestSummarizeStory(t *testing.T) {
	docs := []briefings.Doc{
		{Title: "Drones hit Odesa port", Body: fixture(t, "wire_a.txt")},
		{Title: "Odesa port attacked", Body: fixture(t, "wire_b.txt")},
		{Title: "Russian drones set Odesa grain store ablaze", Body: fixture(t, "wire_c.txt")},
	}
	got := New().SummarizeStory(docs, 4)
	if len(got) == 0 || len(got) > 4 {
		t.Fatalf("got %d picks", len(got))
	}
	seen := map[string]bool{}
	for _, p := range got {
		if p.Doc < 0 || p.Doc >= len(docs) || !strings.Contains(docs[p.Doc].Body, p.Sentence) {
			t.Fatalf("pick %+v is not verbatim in its document", p)
		}
		if seen[p.Sentence] {
			t.Errorf("sentence picked twice: %q", p.Sentence)
		}
		seen[p.Sentence] = true
	}
	joined := ""
	for _, p := range got {
		joined += p.Sentence + "\n"
	}
	// The wire copy shared by a and b, and c's rewrite of it, are one fact:
	// it appears once.
	if n := strings.Count(joined, "grain warehouse"); n > 1 {
		t.Errorf("the shared lead appears %d times:\n%s", n, joined)
	}
	if !strings.Contains(got[0].Sentence, "struck port facilities") && !strings.Contains(got[0].Sentence, "drone attack on Odesa") {
		t.Errorf("a lead does not come first: %q", got[0].Sentence)
	}
	if n := strings.Count(joined, "31"); n != 1 {
		t.Errorf("the shared figure (31 of 40 downed) appears %d times, want 1:\n%s", n, joined)
	}
}

func FuzzSummarize(f *testing.F) {
	for _, name := range []string{"attack_diplomacy.txt", "boilerplate.txt", "airforce_uk.txt", "wire_a.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add("", string(b), 3)
	}
	f.Add("T", "", 1)
	f.Add("", "A. B. C. D.", 10)
	f.Add("x", "\xff\xfe 1 2 3 drones. 4 missiles!", -2)
	z := New()
	f.Fuzz(func(t *testing.T, title, body string, n int) {
		n %= 50
		got := z.Summarize(title, body, n)
		if len(got) > max(n, 0) {
			t.Fatalf("%d sentences for n=%d", len(got), n)
		}
		checkVerbatimOrdered(t, body, got)
		half := len(body) / 2
		docs := []briefings.Doc{{Title: title, Body: body[:half]}, {Body: body[half:]}, {Body: body}}
		for _, p := range z.SummarizeStory(docs, n) {
			if p.Doc < 0 || p.Doc > 2 || !strings.Contains(docs[p.Doc].Body, p.Sentence) {
				t.Fatalf("story pick %+v not verbatim", p)
			}
		}
		focused := z.SummarizeFocused(docs, title, n)
		if len(focused) > max(n, 0) {
			t.Fatalf("%d focused sentences for n=%d", len(focused), n)
		}
		for _, p := range focused {
			if p.Doc < 0 || p.Doc > 2 || !strings.Contains(docs[p.Doc].Body, p.Sentence) {
				t.Fatalf("focused pick %+v not verbatim", p)
			}
		}
	})
}

// TestSummarizeLarge runs a 1 MB article and a story of 60 articles. The
// work is bounded by construction (linear splitting and tokenizing, O(n *
// sentences) picking, a capped support comparison), so these finish in well
// under a second; a quadratic regression would show up as a test timeout.
func TestSummarizeLarge(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, "Drone number %d hit sector %d of the front line near town %d. ", i, i%97, i%13)
		if i%7 == 0 {
			b.WriteString("\n\n")
		}
	}
	body := b.String()
	z := New()
	got := z.Summarize("Drones", body, 10)
	if len(got) == 0 || len(got) > 10 {
		t.Fatalf("got %d sentences", len(got))
	}
	checkVerbatimOrdered(t, body, got)
	docs := make([]briefings.Doc, 60)
	for i := range docs {
		docs[i] = briefings.Doc{Title: "Drones", Body: body[i*1000 : i*1000+40000]}
	}
	picks := z.SummarizeStory(docs, 5)
	if len(picks) == 0 || len(picks) > 5 {
		t.Fatalf("got %d picks", len(picks))
	}
}

func TestSummarizeFocused(t *testing.T) {
	docs := []briefings.Doc{
		{Title: "Power cuts eased as repairs advance", Body: "The grid operator lifted scheduled power cuts in most regions on Thursday after repair crews restored two substations. " +
			"Households in the capital will still see short outages in the evening peak. " +
			"Earlier in the week, drones struck a substation in the Poltava region, the operator said. " +
			"Electricity imports from neighbouring countries rose to a record for the month."},
		{Title: "Regional council approves school budget", Body: "The regional council approved a budget for rebuilding three schools on Wednesday. " +
			"Officials said shelters would be built under each school before classes resume in the autumn. " +
			"The council also voted to rename a street after a local teacher."},
	}
	z := New()
	plain := z.SummarizeStory(docs, 2)
	if len(plain) == 0 || !strings.HasPrefix(plain[0].Sentence, "The grid operator lifted") {
		t.Fatalf("without a query the lead should come first: %+v", plain)
	}
	for _, query := range []string{"drones", "attacks"} {
		got := z.SummarizeFocused(docs, query, 2)
		joined := ""
		for _, p := range got {
			if !strings.Contains(docs[p.Doc].Body, p.Sentence) {
				t.Fatalf("%s: pick %+v is not verbatim", query, p)
			}
			joined += p.Sentence + "\n"
		}
		if !strings.Contains(joined, "drones struck a substation") {
			t.Errorf("%s: the one sentence about the query is missing:\n%s", query, joined)
		}
		if strings.Contains(joined, "rename a street") {
			t.Errorf("%s: an unrelated sentence outranked the lead of a matching article:\n%s", query, joined)
		}
	}
	// The query picks the article it is about, not the other's lead.
	got := z.SummarizeFocused(docs, "school shelters", 1)
	if len(got) != 1 || got[0].Doc != 1 {
		t.Errorf("school shelters: %+v", got)
	}
	// A query no sentence holds leaves the result as SummarizeStory's.
	if got := z.SummarizeFocused(docs, "zeppelin", 2); !slices.Equal(got, plain) {
		t.Errorf("unmatched query changed the summary: %+v, want %+v", got, plain)
	}
	// One article: a query can move the pick off the lead.
	one := z.SummarizeFocused(docs[:1], "drones", 1)
	if len(one) != 1 || !strings.Contains(one[0].Sentence, "drones struck") {
		t.Errorf("one article, focused: %+v", one)
	}
}
