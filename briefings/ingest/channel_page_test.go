package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	sharedcorpus "github.com/sitrep/sitrep/briefings/internal/shared"
)

func TestParseChannelPage(t *testing.T) {
	page, err := ParseChannelPage(fixture(t, "channel/page.html"))
	if err != nil {
		t.Fatal(err)
	}
	if page.Username != "testair" || page.Title != "Test Air Command" || page.Before != 500 {
		t.Errorf("header: %q %q before %d", page.Username, page.Title, page.Before)
	}
	var ids []string
	for _, p := range page.Posts {
		ids = append(ids, strconv.FormatInt(p.ID, 10))
	}
	// 500 service, 504 media only, 505 no time, "abc" bad id, 506 repeated.
	if got := strings.Join(ids, ","); got != "501,502,503,506,507" {
		t.Fatalf("posts %s, want 501,502,503,506,507", got)
	}
	if page.Skipped != 5 {
		t.Errorf("skipped %d, want 5", page.Skipped)
	}
	report := page.Posts[0]
	want := "⚡️ЗБИТО/ПОДАВЛЕНО 41 ЦІЛЬ\n\nВночі ворог запустив 45 ударних БпЛА.\nДеталі: звіт командування"
	if report.Text != want {
		t.Errorf("text:\n%q\nwant\n%q", report.Text, want)
	}
	if !report.Edited || report.URL != "https://t.me/testair/501" || report.GUID() != "testair/501" {
		t.Errorf("report %+v", report)
	}
	if !report.Time.Equal(time.Date(2026, 9, 27, 5, 30, 2, 0, time.UTC)) {
		t.Errorf("time %v", report.Time)
	}
	fwd := page.Posts[1]
	if fwd.ForwardedFrom != "Other News" || fwd.ForwardedURL != "https://t.me/othernews/77" || fwd.Edited {
		t.Errorf("forwarded %+v", fwd)
	}
	reply := page.Posts[2]
	if strings.Contains(reply.Text, "QUOTED") || reply.Text != "Оновлення: ще 3 БпЛА подавлено." {
		t.Errorf("reply text %q", reply.Text)
	}
	video := page.Posts[3]
	if !video.Time.Equal(time.Date(2026, 9, 27, 7, 0, 0, 0, time.UTC)) {
		t.Errorf("the footer's time, not the video's duration: %v", video.Time)
	}
	if got, want := page.Posts[4].Text, "Перший рядок того ж речення.\nДругий рядок.\nкод\nз відступом"; got != want {
		t.Errorf("laid-out markup:\n%q\nwant\n%q", got, want)
	}
}

func TestParseChannelPageBadInput(t *testing.T) {
	good := fixture(t, "channel/page.html")
	cases := []struct {
		name string
		data []byte
		err  error
	}{
		{"empty", nil, ErrNotChannelPage},
		{"not html", []byte("\x00\x01\x02 binary \xff\xfe"), ErrNotChannelPage},
		{"json", []byte(`{"ok":false,"error_code":429}`), ErrNotChannelPage},
		{"too many requests", []byte("Too Many Requests"), ErrRateLimited},
		{"landing page", []byte(`<html><body><div class="tgme_page"><div class="tgme_page_title">Telegram</div></div></body></html>`), ErrNotChannelPage},
	}
	for _, c := range cases {
		_, err := ParseChannelPage(c.data)
		if !errors.Is(err, c.err) {
			t.Errorf("%s: err %v, want %v", c.name, err, c.err)
		}
	}
	// Truncated anywhere: the posts that are whole, never a panic, ids increasing.
	for cut := 0; cut < len(good); cut += 97 {
		page, err := ParseChannelPage(good[:cut])
		if err != nil {
			continue
		}
		for i := 1; i < len(page.Posts); i++ {
			if page.Posts[i].ID <= page.Posts[i-1].ID {
				t.Fatalf("cut %d: ids not increasing", cut)
			}
		}
	}
	// 20 MB of posts: parsed, each id once.
	var big bytes.Buffer
	head, rest, _ := bytes.Cut(good, []byte("<!-- a service message"))
	big.Write(head)
	post := []byte(`<div class="tgme_widget_message js-widget_message" data-post="testair/%ID%"><div class="tgme_widget_message_text js-message_text">` +
		strings.Repeat("Текст допису. ", 60) + `</div><a class="tgme_widget_message_date"><time datetime="2026-09-27T05:30:02+00:00"></time></a></div>`)
	n := 0
	for big.Len() < 20<<20 {
		big.Write(bytes.ReplaceAll(post, []byte("%ID%"), []byte(strconv.Itoa(n%5000+10000))))
		n++
	}
	big.Write(rest)
	page, err := ParseChannelPage(big.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Posts) != 5000+5 {
		t.Errorf("20 MB page: %d posts, want 5005 (each id once)", len(page.Posts))
	}
}

// FuzzParseChannelPage: any input gives an error or posts with ids
// increasing, each with an id, a time and text; never a panic.
func FuzzParseChannelPage(f *testing.F) {
	f.Add(fixture(f, "channel/page.html"))
	f.Add([]byte("Too Many Requests"))
	f.Add([]byte(`<div class="tgme_channel_info"></div><div class="tgme_widget_message" data-post="a/1">`))
	f.Fuzz(func(t *testing.T, data []byte) {
		page, err := ParseChannelPage(data)
		if err != nil {
			return
		}
		for i, p := range page.Posts {
			if p.ID <= 0 || p.Time.IsZero() || p.Text == "" || !strings.HasPrefix(p.URL, "https://t.me/") {
				t.Fatalf("post %+v", p)
			}
			if i > 0 && p.ID <= page.Posts[i-1].ID {
				t.Fatalf("ids not increasing at %d", i)
			}
		}
	})
}

// TestParseChannelPageCorpus reads the real preview pages in
// ../shared/corpus/tme and checks what the markup itself says: every post
// node with an id, a footer time and its own text becomes a post, ids
// increase, a reply's quoted text never enters the post, service posts are
// skipped and forwarded posts name their origin.
func TestParseChannelPageCorpus(t *testing.T) {
	dir := sharedcorpus.Dir(t, "corpus/tme")
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(files) == 0 {
		t.Skipf("no pages in %s", dir)
	}
	total := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		page, err := ParseChannelPage(data)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		facts := markupFacts(t, data)
		got := map[int64]ChannelPost{}
		for i, p := range page.Posts {
			got[p.ID] = p
			if i > 0 && p.ID <= page.Posts[i-1].ID {
				t.Errorf("%s: ids not increasing at %d", filepath.Base(f), p.ID)
			}
		}
		if len(page.Posts) != len(facts.readable) {
			t.Errorf("%s: %d posts, the markup has %d with an id, a time and text", filepath.Base(f), len(page.Posts), len(facts.readable))
		}
		for _, id := range facts.service {
			if _, ok := got[id]; ok {
				t.Errorf("%s: service post %d was read", filepath.Base(f), id)
			}
		}
		for id, quote := range facts.quotes {
			if p, ok := got[id]; ok && quote != "" && strings.Contains(p.Text, quote) {
				t.Errorf("%s: post %d holds its reply's quoted text", filepath.Base(f), id)
			}
		}
		for id, origin := range facts.forwarded {
			if p, ok := got[id]; ok && p.ForwardedFrom != origin {
				t.Errorf("%s: post %d forwarded from %q, the markup says %q", filepath.Base(f), id, p.ForwardedFrom, origin)
			}
		}
		t.Logf("%s: %d posts read, %d skipped (%d service), %d replies, %d forwarded, @%s",
			filepath.Base(f), len(page.Posts), page.Skipped, len(facts.service), len(facts.quotes), len(facts.forwarded), page.Username)
		total += len(page.Posts)
	}
	if total == 0 {
		t.Error("no posts read from any page")
	}
}

// pageFacts are counted from the markup by a plain tree walk, independent
// of the parser's selectors.
type pageFacts struct {
	readable  []int64
	service   []int64
	quotes    map[int64]string // post -> quoted text of the post it replies to
	forwarded map[int64]string // post -> origin's name
}

func markupFacts(t *testing.T, data []byte) pageFacts {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	facts := pageFacts{quotes: map[int64]string{}, forwarded: map[int64]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && hasClass(n, "tgme_widget_message") && attr(n, "data-post") != "" {
			_, idText, _ := strings.Cut(attr(n, "data-post"), "/")
			id, _ := strconv.ParseInt(idText, 10, 64)
			if hasClass(n, "service_message") {
				facts.service = append(facts.service, id)
				return
			}
			var own, quote, origin string
			hasTime := false
			find(n, func(c *html.Node) {
				switch {
				case hasClass(c, "js-message_reply_text"):
					quote = strings.TrimSpace(oneLineText(c))
				case hasClass(c, "js-message_text") && own == "":
					own = strings.TrimSpace(oneLineText(c))
				case hasClass(c, "tgme_widget_message_forwarded_from_name"):
					origin = oneLineText(c)
				case c.Data == "time" && attr(c, "datetime") != "" && c.Parent != nil && hasClass(c.Parent, "tgme_widget_message_date"):
					hasTime = true
				}
			})
			if id > 0 && own != "" && hasTime {
				facts.readable = append(facts.readable, id)
			}
			if quote != "" {
				facts.quotes[id] = quote
			}
			if origin != "" {
				facts.forwarded[id] = origin
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return facts
}

func find(n *html.Node, f func(*html.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			f(c)
		}
		find(c, f)
	}
}
