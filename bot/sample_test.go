package bot_test

import (
	"context"
	"io/fs"
	"testing"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/render"
	"github.com/sitrep/sitrep/bot/telegram"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/classify"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/extract"
	"github.com/sitrep/sitrep/briefings/ingest"
	"github.com/sitrep/sitrep/briefings/locale"
	"github.com/sitrep/sitrep/briefings/sample"
	"github.com/sitrep/sitrep/briefings/store/storetest"
	"github.com/sitrep/sitrep/briefings/summarize"
)

// The digest of the bundled sample corpus, as a reply rendered for
// Telegram, splits into messages that each fit Telegram's limit.
func TestSampleDigestFitsTelegram(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	an := extract.NewAnalyzer()
	cl, err := classify.New()
	if err != nil {
		t.Fatal(err)
	}
	sum := summarize.New()
	sources := map[string]int64{}
	for _, n := range sample.Names() {
		data, err := fs.ReadFile(sample.FS(), n)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ingest.ParseFile(n, data)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if sources[a.SourceName] == 0 {
			s := &briefings.Source{Name: a.SourceName, URL: "https://sample.sitrep.invalid/feeds/" + n, Kind: briefings.SourceFeed, Enabled: true, ShowText: true}
			if err := st.UpsertSource(ctx, s); err != nil {
				t.Fatal(err)
			}
			sources[a.SourceName] = s.ID
		}
		a.SourceID = sources[a.SourceName]
		an.Analyze(a)
		c := cl.Classify(a)
		a.Relevance, a.OffTopic, a.Section = c.Relevance, c.OffTopic, c.Section
		a.Summary = sum.Summarize(a.Title, a.Body, 3)
		a.ContentHash = n
		if _, err := st.AddArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	d, err := digest.Build(ctx, st, sum, digest.Options{Now: sample.BaseDate, Since: sample.BaseDate.AddDate(0, 0, -4), MaxPerSection: 20})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	parts := render.Chunks(bot.DigestReply(cat.For(locale.English), d, nil), render.FormatHTML, telegram.MaxMessage)
	if len(parts) < 2 {
		t.Fatalf("the sample digest is %d message(s); the test wants one that needs splitting", len(parts))
	}
	for _, part := range parts {
		if render.Len(part) > telegram.MaxMessage {
			t.Errorf("part of %d characters", render.Len(part))
		}
	}
}
