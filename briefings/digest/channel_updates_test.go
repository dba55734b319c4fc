package digest_test

import (
	"context"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/extract"
	"github.com/sitrep/sitrep/briefings/ingest"
	"github.com/sitrep/sitrep/briefings/store/storetest"
	"github.com/sitrep/sitrep/briefings/summarize"
)

// channelPost is a post of a Telegram channel as the channel poller hands
// it to the ingester.
type channelPost struct {
	channel string
	at      time.Time
	text    string
}

// TestChannelUpdatesAreOneItem: a channel that posts on an event and then
// posts again on it with other figures (the Air Force's morning tally and
// its later update; a city's first casualty count and the revised one)
// has written one story, and the digest shows it once. The update names
// no date: it gives no time at all, as such updates often do. What must
// not change: the same channel's posts on another region, and its posts
// on another night or on the next day, stay stories of their own.
func TestChannelUpdatesAreOneItem(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	day := func(d, h, m int) time.Time { return time.Date(2026, 5, d, h, m, 0, 0, time.UTC) }
	now := day(14, 16, 0)
	in := ingest.New(st, ingest.Options{Summarizer: summarize.New(), Analyzer: extract.NewAnalyzer(), Now: func() time.Time { return now }})
	posts := map[string]channelPost{
		// The Air Force's channel: the night's tally, then its update
		// with revised figures and no date.
		"night":  {"airforce_ua", day(14, 6, 10), "У ніч на 14 травня противник атакував 97 ударними БпЛА типу Shahed та дронами-імітаторами різних типів. Станом на 08:30 протиповітряною обороною збито/подавлено 74 ворожі БпЛА на півночі та сході країни."},
		"update": {"airforce_ua", day(14, 9, 40), "Уточнення: загалом противник застосував 103 ударні БпЛА та дрони-імітатори. Збито/подавлено 81 ворожий БпЛА."},
		// A city's channel: a first count of the strike's injured with
		// no date, then the revised count the next morning names the
		// night.
		"city first":   {"city_news", day(14, 1, 5), "Наслідки удару по Харкову: у Шевченківському районі пошкоджено багатоповерхівку, попередньо 4 поранених. На місці працюють рятувальники."},
		"city revised": {"city_news", day(14, 5, 30), "Уточнені дані щодо нічного удару по Харкову: кількість поранених зросла до 11, серед них двоє дітей. Пошкоджено 14 будинків."},
		// Must not join: the same city channel on another region that
		// night, the Air Force's tally of the night before, and the
		// city's strike of the next day (after the night's story; its
		// wording is much like the first count's).
		"other region": {"city_news", day(14, 2, 0), "Наслідки удару по Одесі: пошкоджено склад, попередньо 3 поранених."},
		"night before": {"airforce_ua", day(13, 6, 20), "У ніч на 13 травня противник атакував 45 ударними БпЛА. Збито/подавлено 38 ворожих БпЛА."},
		"day strike":   {"city_news", day(14, 13, 50), "Сьогодні вдень ворожий дрон атакував Харків: влучання у Шевченківському районі, попередньо 2 поранених."},
	}
	sources := map[string]*briefings.Source{}
	story := map[string]int64{}
	for _, name := range []string{"night before", "city first", "other region", "city revised", "night", "update", "day strike"} {
		p := posts[name]
		s := sources[p.channel]
		if s == nil {
			s = &briefings.Source{Name: p.channel, URL: ingest.ChannelPreviewURL(p.channel), Kind: briefings.SourceChannel, Lang: "uk",
				Topic: briefings.SourceTopicWar, Enabled: true, ShowText: true}
			if err := st.UpsertSource(ctx, s); err != nil {
				t.Fatal(err)
			}
			sources[p.channel] = s
		}
		a := &briefings.Article{SourceID: s.ID, SourceName: s.Name, SourceTopic: s.Topic, Lang: s.Lang, Body: p.text, PublishedAt: p.at,
			URL: s.URL + "/" + p.at.Format("021504"), GUID: p.channel + p.at.Format("021504")}
		o := in.AddAll(ctx, []*briefings.Article{a})[0]
		if o.Status != ingest.StatusNew {
			t.Fatalf("%s: %s", name, o)
		}
		story[name] = o.StoryID
	}
	for _, pair := range [][2]string{{"night", "update"}, {"city first", "city revised"}} {
		if story[pair[0]] != story[pair[1]] {
			t.Errorf("%q and %q are stories %d and %d: one event of one channel", pair[0], pair[1], story[pair[0]], story[pair[1]])
		}
	}
	for _, pair := range [][2]string{{"city first", "other region"}, {"night", "night before"}, {"update", "night before"},
		{"city revised", "day strike"}, {"city first", "day strike"}} {
		if story[pair[0]] == story[pair[1]] {
			t.Errorf("%q and %q share story %d", pair[0], pair[1], story[pair[0]])
		}
	}
	d, err := digest.Build(ctx, st, summarize.New(), digest.Options{Now: now, Since: day(12, 16, 0), MaxPerSection: 20})
	if err != nil {
		t.Fatal(err)
	}
	items := map[int64]int{}
	for _, sec := range d.Sections {
		for _, it := range sec.Items {
			items[it.StoryID]++
		}
	}
	for _, name := range []string{"update", "city revised"} {
		if items[story[name]] != 1 {
			t.Errorf("%q: story %d has %d digest items", name, story[name], items[story[name]])
		}
	}
	if n := len(items); n != 5 {
		t.Errorf("%d digest items of 7 posts, want 5 (one per event)", n)
	}
}
