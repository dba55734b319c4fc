package store_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// FuzzSearchArticles: no user query makes search fail.
func FuzzSearchArticles(f *testing.F) {
	for _, s := range []string{`"`, `*`, `AND OR`, `)`, `NEAR(a b)`, `title:drone`, `-x`, `a"b`, "\x00", `'`, "🙂 дрони"} {
		f.Add(s)
	}
	db := storetest.Open(f)
	ctx := context.Background()
	src := &briefings.Source{Name: "Fuzz", URL: "https://fuzz.example/feed", Enabled: true}
	if err := db.UpsertSource(ctx, src); err != nil {
		f.Fatal(err)
	}
	for i, title := range []string{"Drone attack on the port", "Talks and sanctions", "Front line near the river"} {
		a := &briefings.Article{SourceID: src.ID, URL: fmt.Sprint("https://fuzz.example/", i), Title: title,
			Body: title + " was reported by officials.", PublishedAt: t0}
		if _, err := db.AddArticle(ctx, a); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := db.SearchArticles(ctx, q, 5); err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
	})
}

// benchDBs returns the databases to benchmark: SQLite always, PostgreSQL
// when SITREP_TEST_POSTGRES_URL is set.
func benchDBs(b *testing.B, fn func(b *testing.B, db *store.DB)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, storetest.Open(b)) })
	if os.Getenv(storetest.PostgresEnv) != "" {
		b.Run("postgres", func(b *testing.B) { fn(b, storetest.OpenPostgres(b)) })
	}
}

func benchSource(b *testing.B, db *store.DB, name string) *briefings.Source {
	s := &briefings.Source{Name: name, URL: "https://" + name + ".example/feed", Enabled: true}
	if err := db.UpsertSource(context.Background(), s); err != nil {
		b.Fatal(err)
	}
	return s
}

const benchBody = `Officials said air defence units were active over several regions during the night. ` +
	`The figures were published in the morning and later revised. Talks on a ceasefire continued in the capital, ` +
	`where delegations met for a second day. Analysts said the outcome remained uncertain.`

func benchArticle(src *briefings.Source, i int, at time.Time) *briefings.Article {
	return &briefings.Article{
		SourceID: src.ID, URL: fmt.Sprintf("https://bench.example/%s/%d", src.Name, i), GUID: fmt.Sprint(i),
		Title: fmt.Sprintf("Report number %d on overnight strikes", i), Body: benchBody, Lang: "en",
		PublishedAt: at, ContentHash: fmt.Sprintf("%s-%d", src.Name, i), Fingerprint: "fp",
		Topics: []briefings.Topic{"air"}, Summary: []string{"Officials said air defence units were active."},
	}
}

// BenchmarkAddArticle: one new article (its story and search index) per op.
func BenchmarkAddArticle(b *testing.B) {
	benchDBs(b, func(b *testing.B, db *store.DB) {
		ctx := context.Background()
		src := benchSource(b, db, "add")
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := db.AddArticle(ctx, benchArticle(src, i, t0.Add(time.Duration(i)*time.Second))); err != nil {
				b.Fatal(err)
			}
			i++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
}

// BenchmarkAddArticles: new articles stored 100 per transaction; ns/op is
// per article.
func BenchmarkAddArticles(b *testing.B) {
	benchDBs(b, func(b *testing.B, db *store.DB) {
		ctx := context.Background()
		src := benchSource(b, db, "batch")
		const size = 100
		batch := make([]*briefings.Article, 0, size)
		i := 0
		flush := func() {
			if _, err := db.AddArticles(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
		for b.Loop() {
			batch = append(batch, benchArticle(src, i, t0.Add(time.Duration(i)*time.Second)))
			i++
			if len(batch) == size {
				flush()
			}
		}
		flush()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
}

// BenchmarkAddArticleDuplicate: the idempotent path (ingesting a feed again).
func BenchmarkAddArticleDuplicate(b *testing.B) {
	benchDBs(b, func(b *testing.B, db *store.DB) {
		ctx := context.Background()
		src := benchSource(b, db, "dup")
		for i := range 100 {
			if _, err := db.AddArticle(ctx, benchArticle(src, i, t0)); err != nil {
				b.Fatal(err)
			}
		}
		i := 0
		for b.Loop() {
			res, err := db.AddArticle(ctx, benchArticle(src, i%100, t0))
			if err != nil || res.Created {
				b.Fatal(err, res)
			}
			i++
		}
	})
}

// BenchmarkClaim: claim a batch of 50 due deliveries and mark them sent.
func BenchmarkClaim(b *testing.B) {
	benchDBs(b, func(b *testing.B, db *store.DB) {
		ctx := context.Background()
		const batch = 50
		chat := briefings.Chat{Platform: "telegram", ChatID: "1"}
		payload := []byte(`{"text":"An alert text of ordinary length for a chat message."}`)
		n := 0
		enqueue := func(k int) {
			for range k {
				d := &briefings.Delivery{DedupeKey: fmt.Sprint("b", n), Chat: chat, Kind: briefings.DeliveryAlert, Payload: payload, CreatedAt: t0}
				if _, err := db.Enqueue(ctx, d); err != nil {
					b.Fatal(err)
				}
				n++
			}
		}
		enqueue(10 * batch)
		b.ResetTimer()
		claimed := 0
		for b.Loop() {
			ds, err := db.Claim(ctx, "", t0, t0.Add(time.Minute), batch)
			if err != nil {
				b.Fatal(err)
			}
			for _, d := range ds {
				if err := db.MarkSent(ctx, d.ID, "m", t0); err != nil {
					b.Fatal(err)
				}
			}
			claimed += len(ds)
			if len(ds) < batch {
				b.StopTimer()
				enqueue(10 * batch)
				b.StartTimer()
			}
		}
		b.ReportMetric(float64(claimed)/b.Elapsed().Seconds(), "deliveries/s")
	})
}

// BenchmarkListStories: a 24-hour window of a database with 10,000 articles
// in about 3,300 stories over 10 days.
func BenchmarkListStories(b *testing.B) {
	benchDBs(b, func(b *testing.B, db *store.DB) {
		ctx := context.Background()
		srcs := []*briefings.Source{benchSource(b, db, "s1"), benchSource(b, db, "s2"), benchSource(b, db, "s3")}
		const total = 10000
		var story int64
		for i := range total {
			at := t0.Add(time.Duration(i) * 10 * 24 * time.Hour / total)
			a := benchArticle(srcs[i%3], i, at)
			if i%3 != 0 {
				a.StoryID = story // three outlets per story
			}
			if _, err := db.AddArticle(ctx, a); err != nil {
				b.Fatal(err)
			}
			story = a.StoryID
		}
		until := t0.Add(10 * 24 * time.Hour)
		f := briefings.StoryFilter{Since: until.Add(-24 * time.Hour), Until: until}
		b.ResetTimer()
		b.ReportAllocs()
		var n int
		for b.Loop() {
			ss, err := db.ListStories(ctx, f)
			if err != nil {
				b.Fatal(err)
			}
			n = len(ss)
		}
		b.ReportMetric(float64(n), "stories")
	})
}
