package ingest

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestFeedArticles(t *testing.T) {
	data, err := os.ReadFile("testdata/rss2.xml")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	arts, err := FeedArticles(data, "application/rss+xml", now)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 {
		t.Fatalf("%d articles, want 2", len(arts))
	}
	a := arts[0]
	if a.GUID != "fw-1001" || !strings.HasPrefix(a.Title, "Russia launches 146 drones") {
		t.Errorf("first item: guid %q title %q", a.GUID, a.Title)
	}
	// as Add stores it: tracking parameters gone, markup and scripts stripped
	if a.URL != "https://frontline.example/news/drones-146" {
		t.Errorf("url %q", a.URL)
	}
	if a.Teaser != "Air defenses shot down or jammed 121 of the drones." || strings.Contains(a.Body, "trackVisit") {
		t.Errorf("teaser %q body %q", a.Teaser, a.Body)
	}
	if !a.PublishedAt.Equal(time.Date(2026, 3, 12, 6, 10, 0, 0, time.UTC)) {
		t.Errorf("published %v", a.PublishedAt)
	}
	if arts[1].Body != "" || !strings.HasPrefix(arts[1].Teaser, "European Union ambassadors") {
		t.Errorf("second item: body %q teaser %q", arts[1].Body, arts[1].Teaser)
	}
	if _, err := FeedArticles([]byte("<html>no feed</html>"), "", now); err == nil {
		t.Error("a page parsed as a feed")
	}
}

// A feed item's categories reach the article as its tags (for the
// classifier): as text, without blanks or repeats.
func TestFeedArticlesTags(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>P</title>
<item><title>Cup final tonight</title><link>https://p.example/sport/1</link>
<category>Sport</category><category> </category><category>Sport</category><category><![CDATA[<b>Football</b>]]></category></item>
<item><title>No categories</title><link>https://p.example/2</link></item>
</channel></rss>`
	arts, err := FeedArticles([]byte(feed), "", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(arts) != 2 {
		t.Fatalf("FeedArticles: %d articles, %v", len(arts), err)
	}
	if got := arts[0].Tags; !slices.Equal(got, []string{"Sport", "Football"}) {
		t.Errorf("tags %q, want Sport and Football", got)
	}
	if got := arts[1].Tags; len(got) != 0 {
		t.Errorf("item without categories: tags %q", got)
	}
}
