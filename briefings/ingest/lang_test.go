package ingest

import (
	"testing"
)

// TestArticleLanguageFromText: a feed that declares one language for items
// in three (a Ukrainian outlet's mixed feed, a scraper's copy tagged
// English) stores each article in the language of its own text; the
// source keeps the feed's tag.
func TestArticleLanguageFromText(t *testing.T) {
	feed := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Mixed Wire</title><link>https://mixed.example/</link><language>en</language>
<item><title>Уночі ворог атакував область дронами</title><link>https://mixed.example/1</link><guid>1</guid>
<description>Є пошкодження інфраструктури, повідомила обласна військова адміністрація.</description></item>
<item><title>Ночью противник атаковал область беспилотниками</title><link>https://mixed.example/2</link><guid>2</guid>
<description>Объекты энергетики повреждены, сообщили в штабе обороны.</description></item>
<item><title>The army said the drones were shot down over the region</title><link>https://mixed.example/3</link><guid>3</guid>
<description>Officials said that nobody was hurt in the attack on the city.</description></item>
</channel></rss>`
	st := &memStore{}
	srv := serve(t, map[string][2]string{"/feed": {"application/rss+xml", feed}})
	in := newIngester(t, st, Options{})
	if outs, err := in.Ingest(t.Context(), srv.URL+"/feed"); err != nil || len(outs) != 3 {
		t.Fatalf("%v\n%s", err, lines(outs))
	}
	want := map[string]string{"https://mixed.example/1": "uk", "https://mixed.example/2": "ru", "https://mixed.example/3": "en"}
	if len(st.articles) != len(want) {
		t.Fatalf("%d articles stored, want %d", len(st.articles), len(want))
	}
	for _, a := range st.articles {
		if a.Lang != want[a.URL] {
			t.Errorf("%s: lang %q, want %q", a.URL, a.Lang, want[a.URL])
		}
	}
	s, err := st.GetSourceByURL(t.Context(), srv.URL+"/feed")
	if err != nil || s.Lang != "en" {
		t.Errorf("source lang %q (%v), want the feed's tag en", s.Lang, err)
	}
}
