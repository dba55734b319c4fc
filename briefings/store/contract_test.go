package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// t0 is the fixed "now" of the tests.
var t0 = time.Date(2025, 9, 4, 6, 0, 0, 0, time.UTC)

func TestContractSQLite(t *testing.T) {
	runContract(t, func(t *testing.T) string { return filepath.Join(t.TempDir(), "sitrep.db") })
}

func TestContractPostgres(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skip(storetest.PostgresEnv + " not set")
	}
	runContract(t, func(t *testing.T) string { return storetest.PostgresDSN(t) })
}

// env is one test's database: db, and a second handle on the same database
// standing for another process.
type env struct {
	t   *testing.T
	ctx context.Context
	dsn string
	db  *store.DB
}

func (e *env) open() *store.DB {
	e.t.Helper()
	db, err := store.Open(e.ctx, e.dsn)
	if err != nil {
		e.t.Fatalf("open: %v", err)
	}
	db.Now = func() time.Time { return t0 }
	e.t.Cleanup(func() { db.Close() })
	return db
}

// runContract runs the store contract on the database that dsn names; each
// subtest gets a fresh database.
func runContract(t *testing.T, dsn func(t *testing.T) string) {
	tests := []struct {
		name string
		fn   func(e *env)
	}{
		{"Migrations", testMigrations},
		{"ZeroTimes", testZeroTimes},
		{"Sources", testSources},
		{"AddSources", testAddSources},
		{"RecordFetch", testRecordFetch},
		{"AddArticle", testAddArticle},
		{"Dedupe", testDedupe},
		{"WireCopy", testWireCopy},
		{"AttachStory", testAttachStory},
		{"ConcurrentAdd", testConcurrentAdd},
		{"AddArticles", testAddArticles},
		{"Search", testSearch},
		{"ListArticles", testListArticles},
		{"ListStories", testListStories},
		{"AttackReports", testAttackReports},
		{"AttackRecords", testAttackRecords},
		{"ChannelPosts", testChannelPosts},
		{"PrimaryReports", testPrimaryReports},
		{"LatestVersion", testLatestVersion},
		{"Classification", testClassification},
		{"Prune", testPrune},
		{"DeleteSource", testDeleteSource},
		{"Subscriptions", testSubscriptions},
		{"PauseMigrate", testPauseMigrate},
		{"DueGroups", testDueGroups},
		{"DueLockSeesChanges", testDueLockSeesChanges},
		{"DueCharts", testDueCharts},
		{"UpsertWakesSchedule", testUpsertWakesSchedule},
		{"ResumeWakesSchedule", testResumeWakesSchedule},
		{"EmptySchedule", testEmptySchedule},
		{"EmptyScheduleRace", testEmptyScheduleRace},
		{"AlertSettings", testAlertSettings},
		{"ChatSettings", testChatSettings},
		{"Outbox", testOutbox},
		{"OutboxLease", testOutboxLease},
		{"OutboxRelease", testOutboxRelease},
		{"ConcurrentClaim", testConcurrentClaim},
		{"OutboxTakeover", testOutboxTakeover},
		{"ClaimAlertsFirst", testClaimAlertsFirst},
		{"ConcurrentTakeover", testConcurrentTakeover},
		{"Leases", testLeases},
		{"LiveLeases", testLiveLeases},
		{"Cursors", testCursors},
		{"Errors", testErrors},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each subtest has its own database
			e := &env{t: t, ctx: context.Background(), dsn: dsn(t)}
			e.db = e.open()
			tc.fn(e)
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := briefings.ErrorCode(err); got != code {
		t.Fatalf("error %v: code %q, want %q", err, got, code)
	}
}

func (e *env) source(name string) *briefings.Source {
	e.t.Helper()
	s := &briefings.Source{Name: name, URL: "https://" + strings.ToLower(strings.ReplaceAll(name, " ", "")) + ".example/feed",
		Kind: briefings.SourceFeed, Enabled: true, Interval: 15 * time.Minute}
	must(e.t, e.db.UpsertSource(e.ctx, s))
	return s
}

// article returns an invented article n of src published at `at`.
func article(src *briefings.Source, n int, at time.Time, title string) *briefings.Article {
	return &briefings.Article{
		SourceID:    src.ID,
		URL:         fmt.Sprintf("%s/news/%d", strings.TrimSuffix(src.URL, "/feed"), n),
		GUID:        fmt.Sprintf("guid-%d", n),
		Title:       title,
		Body:        title + ". Officials said more details would follow later in the day.",
		Lang:        "en",
		PublishedAt: at,
		FetchedAt:   at.Add(time.Minute),
		ContentHash: fmt.Sprintf("hash-%s-%d", src.Name, n),
	}
}

func (e *env) add(a *briefings.Article) briefings.AddResult {
	e.t.Helper()
	res, err := e.db.AddArticle(e.ctx, a)
	must(e.t, err)
	return res
}

func testMigrations(e *env) {
	t, ctx := e.t, e.ctx
	v1, err := e.db.SchemaVersion(ctx)
	must(t, err)
	if v1 < 1 {
		t.Fatalf("schema version %d after open", v1)
	}
	must(t, e.db.Migrate(ctx))
	must(t, e.db.Migrate(ctx))
	var n int
	must(t, e.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n))
	if n != v1 {
		t.Fatalf("%d rows in schema_migrations, want %d", n, v1)
	}
	// Several processes opening (and migrating) the same database at once.
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			db, err := store.Open(ctx, e.dsn)
			if err != nil {
				errs <- err
				return
			}
			errs <- db.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	v2, err := e.db.SchemaVersion(ctx)
	must(t, err)
	if v2 != v1 {
		t.Fatalf("version %d after reopen, want %d", v2, v1)
	}
}

func testZeroTimes(e *env) {
	t, ctx := e.t, e.ctx
	s := &briefings.Source{Name: "Zero", URL: "https://zero.example/feed", Enabled: true, CreatedAt: t0}
	must(t, e.db.UpsertSource(ctx, s))
	got, err := e.db.GetSource(ctx, s.ID)
	must(t, err)
	if got.LastFetchAt != (time.Time{}) || got.NextCheckAt != (time.Time{}) || got.LastSuccessAt != (time.Time{}) {
		t.Fatalf("zero times came back as %v %v %v", got.LastFetchAt, got.NextCheckAt, got.LastSuccessAt)
	}
	if !got.CreatedAt.Equal(t0) || got.CreatedAt.Location() != time.UTC {
		t.Fatalf("created %v, want %v UTC", got.CreatedAt, t0)
	}
	// A zero next check is due at once; sub-microsecond precision is dropped
	// the same way in both dialects.
	due, err := e.db.DueSources(ctx, t0, 0)
	must(t, err)
	if len(due) != 1 {
		t.Fatalf("%d due sources, want 1", len(due))
	}
	odd := time.Date(2031, 2, 3, 4, 5, 6, 123456789, time.FixedZone("X", 3*3600))
	must(t, e.db.RecordFetch(ctx, s.ID, briefings.FetchResult{At: odd, OK: true, NextCheckAt: odd}))
	got, err = e.db.GetSource(ctx, s.ID)
	must(t, err)
	if want := odd.UTC().Truncate(time.Microsecond); got.LastFetchAt != want {
		t.Fatalf("time %v, want %v", got.LastFetchAt, want)
	}
}

func testAddSources(e *env) {
	t, ctx := e.t, e.ctx
	old := &briefings.Source{Name: "Old name", URL: "https://old.example/rss", Kind: briefings.SourceFeed, Enabled: true,
		Category: "Wires", ShowText: true}
	must(t, e.db.UpsertSource(ctx, old))
	batch := []*briefings.Source{
		{Name: "New", URL: "https://new.example/rss", Kind: briefings.SourceFeed, Enabled: true, Category: "News/Ukraine",
			Lang: "uk", NextCheckAt: t0, Topic: briefings.SourceTopicWar},
		{Name: "Renamed", URL: old.URL, Kind: briefings.SourceFeed, Enabled: true, Category: "Other"},
		{Name: "Page", URL: "https://page.example/a", Kind: briefings.SourcePage, Enabled: true},
	}
	added, err := e.db.AddSources(ctx, batch)
	must(t, err)
	if !added[0] || added[1] || !added[2] {
		t.Fatalf("added = %v, want [true false true]", added)
	}
	// The stored source is left as it was; the batch entry shows it.
	if batch[1].ID != old.ID || batch[1].Name != "Old name" || batch[1].Category != "Wires" || !batch[1].ShowText {
		t.Fatalf("existing source changed or not filled: %+v", batch[1])
	}
	got, err := e.db.GetSourceByURL(ctx, "https://new.example/rss")
	must(t, err)
	if got.ID != batch[0].ID || got.Category != "News/Ukraine" || got.Lang != "uk" || got.AllowPrivate || !got.NextCheckAt.Equal(t0) ||
		got.Topic != briefings.SourceTopicWar {
		t.Fatalf("new source: %+v", got)
	}
	// Again: nothing added, same ids (idempotent).
	again := []*briefings.Source{{Name: "New", URL: "https://new.example/rss", Kind: briefings.SourceFeed}}
	added, err = e.db.AddSources(ctx, again)
	must(t, err)
	if added[0] || again[0].ID != batch[0].ID {
		t.Fatalf("second import: added %v id %d", added, again[0].ID)
	}
	// One bad entry adds none of the batch.
	_, err = e.db.AddSources(ctx, []*briefings.Source{{Name: "Fine", URL: "https://fine.example/rss"}, {Name: "No URL"}})
	wantCode(t, err, briefings.EINVALID)
	if _, err := e.db.GetSourceByURL(ctx, "https://fine.example/rss"); briefings.ErrorCode(err) != briefings.ENOTFOUND {
		t.Fatalf("half a failed batch stored: %v", err)
	}
	list, err := e.db.ListSources(ctx)
	must(t, err)
	if len(list) != 3 {
		t.Fatalf("%d sources, want 3", len(list))
	}
}

func testSources(e *env) {
	t, ctx := e.t, e.ctx
	s := &briefings.Source{Name: "Wire", URL: "https://wire.example/rss", Kind: briefings.SourceFeed,
		FullText: true, Interval: 20 * time.Minute, Lang: "en", Enabled: true, AllowPrivate: true}
	must(t, e.db.UpsertSource(ctx, s))
	if s.ID == 0 || !s.CreatedAt.Equal(t0) || !s.AllowPrivate {
		t.Fatalf("after insert: %+v", s)
	}
	must(t, e.db.RecordFetch(ctx, s.ID, briefings.FetchResult{At: t0, OK: true, ETag: `"v1"`, NextCheckAt: t0.Add(time.Hour)}))

	// Updating by URL keeps the id and the fetch health.
	upd := &briefings.Source{Name: "Wire Service", URL: s.URL, Kind: briefings.SourceFeed, Interval: time.Hour, Enabled: false}
	must(t, e.db.UpsertSource(ctx, upd))
	if upd.ID != s.ID || upd.ETag != `"v1"` || !upd.NextCheckAt.Equal(t0.Add(time.Hour)) || upd.Enabled {
		t.Fatalf("after update: %+v", upd)
	}
	got, err := e.db.GetSourceByURL(ctx, s.URL)
	must(t, err)
	if got.Name != "Wire Service" || got.Interval != time.Hour || got.FullText || got.Lang != "" || got.AllowPrivate {
		t.Fatalf("get by url: %+v", got)
	}
	_, err = e.db.GetSourceByURL(ctx, "https://nowhere.example/")
	wantCode(t, err, briefings.ENOTFOUND)
	_, err = e.db.GetSource(ctx, 9999)
	wantCode(t, err, briefings.ENOTFOUND)

	b := e.source("Second")
	c := e.source("Third")
	must(t, e.db.RecordFetch(ctx, c.ID, briefings.FetchResult{At: t0, OK: true, NextCheckAt: t0.Add(2 * time.Hour)}))
	list, err := e.db.ListSources(ctx)
	must(t, err)
	if len(list) != 3 || list[0].ID != s.ID || list[1].ID != b.ID {
		t.Fatalf("list: %d sources", len(list))
	}
	// Disabled s is never due; b (never checked) is; c is due after 2h.
	due, err := e.db.DueSources(ctx, t0.Add(time.Hour), 10)
	must(t, err)
	if len(due) != 1 || due[0].ID != b.ID {
		t.Fatalf("due at +1h: %v", names(due))
	}
	due, err = e.db.DueSources(ctx, t0.Add(2*time.Hour), 1)
	must(t, err)
	if len(due) != 1 || due[0].ID != b.ID {
		t.Fatalf("due at +2h limit 1: %v", names(due))
	}
	due, err = e.db.DueSources(ctx, t0.Add(2*time.Hour), 0)
	must(t, err)
	if len(due) != 2 {
		t.Fatalf("due at +2h: %v", names(due))
	}
}

func names(ss []*briefings.Source) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Name)
	}
	return out
}

func testRecordFetch(e *env) {
	t, ctx := e.t, e.ctx
	s := e.source("Health")
	step := func(r briefings.FetchResult) *briefings.Source {
		t.Helper()
		must(t, e.db.RecordFetch(ctx, s.ID, r))
		got, err := e.db.GetSource(ctx, s.ID)
		must(t, err)
		return got
	}
	got := step(briefings.FetchResult{At: t0, OK: true, ETag: "e1", LastModified: "lm1", NextCheckAt: t0.Add(time.Minute)})
	if got.ETag != "e1" || got.LastModified != "lm1" || !got.LastSuccessAt.Equal(t0) || got.ErrorCount != 0 {
		t.Fatalf("ok: %+v", got)
	}
	got = step(briefings.FetchResult{At: t0.Add(time.Minute), Err: "HTTP 500", NextCheckAt: t0.Add(3 * time.Minute)})
	if got.ErrorCount != 1 || got.LastError != "HTTP 500" || !got.NextCheckAt.Equal(t0.Add(3*time.Minute)) {
		t.Fatalf("after an error: %+v", got)
	}
	got = step(briefings.FetchResult{At: t0.Add(3 * time.Minute), Err: "timeout", NextCheckAt: t0.Add(10 * time.Minute)})
	if got.ErrorCount != 2 || got.LastError != "timeout" || !got.LastSuccessAt.Equal(t0) ||
		!got.LastFetchAt.Equal(t0.Add(3*time.Minute)) || got.ETag != "e1" {
		t.Fatalf("after errors: %+v", got)
	}
	// 304 keeps the validators it did not replace and clears the errors.
	got = step(briefings.FetchResult{At: t0.Add(10 * time.Minute), OK: true, NotModified: true, LastModified: "lm2",
		NextCheckAt: t0.Add(20 * time.Minute)})
	if got.ETag != "e1" || got.LastModified != "lm2" || got.ErrorCount != 0 || got.LastError != "" ||
		!got.NextCheckAt.Equal(t0.Add(20*time.Minute)) {
		t.Fatalf("after 304: %+v", got)
	}
	// A 200 without validators clears them.
	got = step(briefings.FetchResult{At: t0.Add(20 * time.Minute), OK: true, NextCheckAt: t0.Add(30 * time.Minute)})
	if got.ETag != "" || got.LastModified != "" {
		t.Fatalf("after 200: %+v", got)
	}
	wantCode(t, e.db.RecordFetch(ctx, 4242, briefings.FetchResult{At: t0, OK: true}), briefings.ENOTFOUND)
}

func testAddArticle(e *env) {
	t, ctx := e.t, e.ctx
	src := e.source("Daily Post")
	a := article(src, 1, t0, "Ministers meet in Geneva over grain corridor")
	a.Teaser = "A short teaser."
	a.Fingerprint = "fp-1"
	a.Topics = []briefings.Topic{"diplomacy", "grain"}
	a.Entities = []briefings.Entity{{Name: "Geneva", Kind: "place"}}
	a.Summary = []string{"Ministers meet in Geneva over grain corridor."}
	res := e.add(a)
	if !res.Created || res.ID == 0 || res.StoryID == 0 || res.Duplicate != "" || res.CopyOf != 0 {
		t.Fatalf("first add: %+v", res)
	}
	if a.ID != res.ID || a.StoryID != res.StoryID {
		t.Fatalf("article ids not set: %d %d", a.ID, a.StoryID)
	}
	got, err := e.db.GetArticle(ctx, a.ID)
	must(t, err)
	want := *a
	want.SourceName = "Daily Post"
	if !reflect.DeepEqual(*got, want) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", *got, want)
	}

	// Adding the same article again adds nothing.
	again := article(src, 1, t0, a.Title)
	res2 := e.add(again)
	if res2.Created || res2.ID != a.ID || res2.StoryID != a.StoryID || res2.Duplicate != "url" {
		t.Fatalf("second add: %+v", res2)
	}
	if n, _ := e.db.CountArticles(ctx); n != 1 {
		t.Fatalf("%d articles, want 1", n)
	}

	// nil slices stay nil, empty stay empty; missing times get defaults.
	b := &briefings.Article{SourceID: src.ID, Title: "Undated note", Body: "Text.", Topics: []briefings.Topic{}}
	e.add(b)
	got, err = e.db.GetArticle(ctx, b.ID)
	must(t, err)
	if got.Topics == nil || len(got.Topics) != 0 || got.Entities != nil || got.Summary != nil || got.Attacks != nil {
		t.Fatalf("slices: %#v %#v %#v", got.Topics, got.Entities, got.Summary)
	}
	if !got.FetchedAt.Equal(t0) || !got.PublishedAt.Equal(t0) {
		t.Fatalf("default times: %v %v", got.FetchedAt, got.PublishedAt)
	}
	_, err = e.db.GetArticle(ctx, 12345)
	wantCode(t, err, briefings.ENOTFOUND)
	_, err = e.db.AddArticle(ctx, &briefings.Article{Title: "no source"})
	wantCode(t, err, briefings.EINVALID)
}

func testDedupe(e *env) {
	t := e.t
	src := e.source("Feed One")
	other := e.source("Feed Two")
	orig := article(src, 1, t0, "Parliament passes budget with defence increase")
	e.add(orig)
	cases := []struct {
		name   string
		a      func() *briefings.Article
		reason string
	}{
		{"same url other source", func() *briefings.Article {
			a := article(other, 9, t0, "Different title")
			a.URL = orig.URL
			return a
		}, "url"},
		{"same guid same source", func() *briefings.Article {
			a := article(src, 2, t0, "Updated headline")
			a.GUID = orig.GUID
			return a
		}, "guid"},
		{"same hash same source", func() *briefings.Article {
			a := article(src, 3, t0, "Same text, new URL")
			a.ContentHash = orig.ContentHash
			return a
		}, "content"},
	}
	for _, c := range cases {
		res := e.add(c.a())
		if res.Created || res.Duplicate != c.reason || res.ID != orig.ID || res.StoryID != orig.StoryID {
			t.Errorf("%s: %+v, want duplicate %q of %d", c.name, res, c.reason, orig.ID)
		}
	}
	// The same GUID from another source is a different article.
	a := article(other, 4, t0, "Other outlet")
	a.GUID = orig.GUID
	if res := e.add(a); !res.Created {
		t.Errorf("same guid, other source: %+v", res)
	}
	// Empty keys never collide.
	for i := range 2 {
		b := &briefings.Article{SourceID: src.ID, Title: fmt.Sprintf("Local file %d", i), Body: "x"}
		if res := e.add(b); !res.Created {
			t.Errorf("empty keys %d: %+v", i, res)
		}
	}
	if n, _ := e.db.CountArticles(e.ctx); n != 4 {
		t.Errorf("%d articles, want 4", n)
	}
}

func testWireCopy(e *env) {
	t, ctx := e.t, e.ctx
	agency := e.source("Agency")
	paper := e.source("Paper")
	radio := e.source("Radio")
	orig := article(agency, 1, t0, "Drones strike energy site overnight")
	e.add(orig)

	cp := article(paper, 7, t0.Add(time.Hour), "Overnight drone strike hits energy site")
	cp.ContentHash = orig.ContentHash
	res := e.add(cp)
	if !res.Created || res.CopyOf != orig.ID || res.StoryID != orig.StoryID || cp.CopyOf != orig.ID {
		t.Fatalf("copy: %+v", res)
	}
	// A copy of the copy points at the original too.
	cp2 := article(radio, 3, t0.Add(2*time.Hour), "Energy site hit")
	cp2.ContentHash = orig.ContentHash
	res = e.add(cp2)
	if !res.Created || res.CopyOf != orig.ID || res.StoryID != orig.StoryID {
		t.Fatalf("second copy: %+v", res)
	}
	// The copy's own duplicate is still a duplicate.
	again := article(paper, 7, t0.Add(time.Hour), "x")
	again.ContentHash = orig.ContentHash
	if res := e.add(again); res.Created || res.ID != cp.ID {
		t.Fatalf("copy again: %+v", res)
	}

	stories, err := e.db.ListStories(ctx, briefings.StoryFilter{})
	must(t, err)
	if len(stories) != 1 {
		t.Fatalf("%d stories, want 1", len(stories))
	}
	s := stories[0]
	if got := s.Sources(); !reflect.DeepEqual(got, []string{"Agency", "Paper", "Radio"}) {
		t.Fatalf("story sources %v", got)
	}
	if !s.FirstSeenAt.Equal(t0) || !s.LastSeenAt.Equal(t0.Add(2*time.Hour)) || s.Title != orig.Title {
		t.Fatalf("story %+v", s)
	}
	got, err := e.db.GetArticle(ctx, cp.ID)
	must(t, err)
	if got.CopyOf != orig.ID {
		t.Fatalf("stored copy_of %d", got.CopyOf)
	}
}

func testAttachStory(e *env) {
	t, ctx := e.t, e.ctx
	a := e.source("A")
	b := e.source("B")
	first := article(a, 1, t0, "Talks resume in Istanbul")
	e.add(first)
	// The cluster package found b's article to be the same story.
	second := article(b, 2, t0.Add(-time.Hour), "Istanbul talks restart")
	second.StoryID = first.StoryID
	res := e.add(second)
	if !res.Created || res.StoryID != first.StoryID || res.CopyOf != 0 {
		t.Fatalf("attach: %+v", res)
	}
	third := article(b, 3, t0.Add(3*time.Hour), "Istanbul talks end")
	third.StoryID = first.StoryID
	e.add(third)
	stories, err := e.db.ListStories(ctx, briefings.StoryFilter{})
	must(t, err)
	if len(stories) != 1 || len(stories[0].Articles) != 3 {
		t.Fatalf("stories %+v", stories)
	}
	s := stories[0]
	if !s.FirstSeenAt.Equal(t0.Add(-time.Hour)) || !s.LastSeenAt.Equal(t0.Add(3*time.Hour)) {
		t.Fatalf("story window %v..%v", s.FirstSeenAt, s.LastSeenAt)
	}
	if s.Articles[0].ID != second.ID || s.Articles[2].ID != third.ID {
		t.Fatalf("articles not oldest first")
	}
	bad := article(b, 4, t0, "Orphan")
	bad.StoryID = 98765
	_, err = e.db.AddArticle(ctx, bad)
	wantCode(t, err, briefings.ENOTFOUND)
	if n, _ := e.db.CountArticles(ctx); n != 3 {
		t.Fatalf("%d articles after failed add", n)
	}
}

func testConcurrentAdd(e *env) {
	t, ctx := e.t, e.ctx
	src := e.source("Racer")
	other := e.open() // a second process on the same database
	// Without a content hash the unique URL and GUID keys settle the race;
	// with one, the wire-copy lookup is part of it.
	for round, hash := range []string{"", "racer-hash"} {
		const n = 8
		results := make([]briefings.AddResult, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			db := e.db
			if i%2 == 1 {
				db = other
			}
			wg.Go(func() {
				a := article(src, round, t0, "Same article from many workers")
				a.ContentHash = hash
				a.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Launched: briefings.Counts{Drones: briefings.IntPtr(10)}}}
				results[i], errs[i] = db.AddArticle(ctx, a)
			})
		}
		wg.Wait()
		created := 0
		for i := range n {
			must(t, errs[i])
			if results[i].Created {
				created++
			}
			if results[i].ID != results[0].ID || results[i].StoryID != results[0].StoryID {
				t.Fatalf("round %d: results differ: %+v vs %+v", round, results[i], results[0])
			}
		}
		if created != 1 {
			t.Fatalf("round %d: %d created, want 1", round, created)
		}
		for _, q := range []string{"articles", "stories", "attack_reports"} {
			var c int
			must(t, e.db.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM "+q).Scan(&c))
			if c != round+1 {
				t.Fatalf("round %d: %d rows in %s, want %d", round, c, q, round+1)
			}
		}
	}
	// Wire copies racing from different sources end in one story.
	var wg2 sync.WaitGroup
	copies := make([]briefings.AddResult, 4)
	srcs := []*briefings.Source{e.source("W1"), e.source("W2"), e.source("W3"), e.source("W4")}
	for i := range copies {
		db := e.db
		if i%2 == 1 {
			db = other
		}
		wg2.Go(func() {
			a := article(srcs[i], 50, t0, "Wire story")
			a.ContentHash = "shared-wire-hash"
			var err error
			copies[i], err = db.AddArticle(ctx, a)
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg2.Wait()
	originals := 0
	for _, r := range copies {
		if !r.Created || r.StoryID != copies[0].StoryID {
			t.Fatalf("wire copies: %+v", copies)
		}
		if r.CopyOf == 0 {
			originals++
		}
	}
	if originals != 1 {
		t.Fatalf("%d originals among racing copies, want 1: %+v", originals, copies)
	}
}

func testSearch(e *env) {
	t, ctx := e.t, e.ctx
	src := e.source("Search Desk")
	other := e.source("Search Copy")
	a1 := article(src, 1, t0, "Sanctions package targets shipping")
	a1.Body = "The European Union agreed a new sanctions package aimed at tankers and insurers."
	a2 := article(src, 2, t0.Add(time.Hour), "Air defence busy over the capital")
	a2.Body = "Air defence units shot down drones over the capital; sanctions were not mentioned by officials, sanctions aside."
	a3 := article(src, 3, t0.Add(2*time.Hour), "Café owners in Zürich rebuild")
	a3.Body = "Owners of a café reopened after repairs."
	for _, a := range []*briefings.Article{a1, a2, a3} {
		e.add(a)
	}
	cp := article(other, 9, t0, "Copy of sanctions story")
	cp.ContentHash = a1.ContentHash
	e.add(cp)

	got, err := e.db.SearchArticles(ctx, "sanctions", 10)
	must(t, err)
	if len(got) != 2 || got[0].ID != a1.ID || got[1].ID != a2.ID {
		t.Fatalf("search sanctions: %v", titles(got))
	}
	if got[0].SourceName != "Search Desk" || got[0].Body == "" {
		t.Fatalf("search fills rows: %+v", got[0])
	}
	got, err = e.db.SearchArticles(ctx, "drones capital", 10)
	must(t, err)
	if len(got) != 1 || got[0].ID != a2.ID {
		t.Fatalf("search two words: %v", titles(got))
	}
	accented := []string{"café zürich"}
	if e.db.Dialect() == store.SQLite {
		// FTS5's tokenizer folds diacritics; PostgreSQL's english
		// configuration does not (that would need the unaccent extension).
		accented = append(accented, "cafe zurich")
	}
	for _, q := range accented {
		got, err = e.db.SearchArticles(ctx, q, 10)
		must(t, err)
		if len(got) != 1 || got[0].ID != a3.ID {
			t.Fatalf("search %q: %v", q, titles(got))
		}
	}
	got, err = e.db.SearchArticles(ctx, "sanctions", 1)
	must(t, err)
	if len(got) != 1 {
		t.Fatalf("limit: %d", len(got))
	}
	// Any of the words: none has both "drones" and "tankers"; the article
	// with two of three words (one in its title) ranks first.
	if got, _ := e.db.SearchArticles(ctx, "drones tankers", 10); len(got) != 0 {
		t.Fatalf("every word: %v", titles(got))
	}
	got, err = e.db.SearchArticlesAny(ctx, "drones tankers", 10)
	must(t, err)
	if ids := []int64{got[0].ID, got[len(got)-1].ID}; len(got) != 2 || !(ids[0] == a1.ID && ids[1] == a2.ID || ids[0] == a2.ID && ids[1] == a1.ID) {
		t.Fatalf("any word: %v", titles(got))
	}
	got, err = e.db.SearchArticlesAny(ctx, "tankers drones capital", 10)
	must(t, err)
	if len(got) != 2 || got[0].ID != a2.ID {
		t.Fatalf("any word, most words first: %v", titles(got))
	}
	hostile := []string{`"`, `*`, `AND OR`, `)`, `(`, `NEAR(`, `title:x`, `-`, `""""`, `'`, `a' OR '1'='1`,
		`sanctions"`, `"sanctions`, `sanctions*`, `^sanctions`, `NOT`, `\`, "\x00", "", "   ", `💥`, `OR sanctions AND`,
		`{title body}: sanctions`, `sanctions:`, `!!!`, `'; DROP TABLE articles; --`}
	for _, q := range hostile {
		for name, search := range map[string]func(context.Context, string, int) ([]*briefings.Article, error){
			"all": e.db.SearchArticles, "any": e.db.SearchArticlesAny} {
			got, err := search(ctx, q, 5)
			if err != nil {
				t.Fatalf("search %s %q: %v", name, q, err)
			}
			for _, a := range got {
				// Any word: "a' OR '1'='1" rightly finds "a café"; the
				// point is that no input is read as syntax.
				if name == "all" && a.ID != a1.ID && a.ID != a2.ID {
					t.Fatalf("search %s %q found %q", name, q, a.Title)
				}
			}
		}
	}
	if n, _ := e.db.CountArticles(ctx); n != 4 {
		t.Fatalf("articles lost: %d", n)
	}
}

func titles(as []*briefings.Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Title)
	}
	return out
}

func testListArticles(e *env) {
	t, ctx := e.t, e.ctx
	a := e.source("LA")
	b := e.source("LB")
	var ids []int64
	for i := range 6 {
		src := a
		if i%2 == 1 {
			src = b
		}
		art := article(src, i, t0.Add(time.Duration(i)*time.Hour), fmt.Sprintf("Item %d", i))
		e.add(art)
		ids = append(ids, art.ID)
	}
	got, err := e.db.ListArticles(ctx, briefings.ArticleFilter{})
	must(t, err)
	if len(got) != 6 || got[0].ID != ids[5] || got[5].ID != ids[0] {
		t.Fatalf("newest first: %v", titles(got))
	}
	got, err = e.db.ListArticles(ctx, briefings.ArticleFilter{Since: t0.Add(time.Hour), Until: t0.Add(4 * time.Hour), SourceID: b.ID})
	must(t, err)
	if len(got) != 2 || got[0].ID != ids[3] || got[1].ID != ids[1] || got[0].SourceName != "LB" {
		t.Fatalf("window and source: %v", titles(got))
	}
	got, err = e.db.ListArticles(ctx, briefings.ArticleFilter{Limit: 2, Offset: 1})
	must(t, err)
	if len(got) != 2 || got[0].ID != ids[4] || got[1].ID != ids[3] {
		t.Fatalf("limit offset: %v", titles(got))
	}
	story := got[0].StoryID
	got, err = e.db.ListArticles(ctx, briefings.ArticleFilter{StoryID: story})
	must(t, err)
	if len(got) != 1 || got[0].ID != ids[4] {
		t.Fatalf("story filter: %v", titles(got))
	}

	fps, err := e.db.ListFingerprints(ctx, t0.Add(4*time.Hour))
	must(t, err)
	if len(fps) != 2 || fps[0].ID != ids[4] || fps[1].ID != ids[5] {
		t.Fatalf("fingerprints oldest first since +4h: %+v", fps)
	}
	f := fps[0]
	if f.StoryID == 0 || f.SourceID != a.ID || f.Title != "Item 4" || !f.PublishedAt.Equal(t0.Add(4*time.Hour)) || f.Body != "" {
		t.Fatalf("fingerprint row: %+v", f)
	}
}

func testListStories(e *env) {
	t, ctx := e.t, e.ctx
	src := e.source("Stories")
	// Story i has articles at hours i and i+10 for odd i (a later update).
	var storyIDs []int64
	for i := range 6 {
		a := article(src, i, t0.Add(time.Duration(i)*time.Hour), fmt.Sprintf("Story %d", i))
		if i == 2 {
			a.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Date: "2025-09-04",
				Launched: briefings.Counts{Missiles: briefings.IntPtr(3)}, Scope: briefings.ScopeNational}}
		}
		e.add(a)
		storyIDs = append(storyIDs, a.StoryID)
		if i%2 == 1 {
			up := article(src, 100+i, t0.Add(time.Duration(i+10)*time.Hour), fmt.Sprintf("Story %d update", i))
			up.StoryID = a.StoryID
			e.add(up)
		}
	}
	all, err := e.db.ListStories(ctx, briefings.StoryFilter{})
	must(t, err)
	// last seen: s0 0h, s1 11h, s2 2h, s3 13h, s4 4h, s5 15h.
	want := []int64{storyIDs[5], storyIDs[3], storyIDs[1], storyIDs[4], storyIDs[2], storyIDs[0]}
	if got := storyIDsOf(all); !reflect.DeepEqual(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	for _, s := range all {
		for i := 1; i < len(s.Articles); i++ {
			if s.Articles[i].PublishedAt.Before(s.Articles[i-1].PublishedAt) {
				t.Fatalf("story %d articles not oldest first", s.ID)
			}
		}
		if s.Articles[0].SourceName != "Stories" {
			t.Fatalf("source name not filled")
		}
	}
	if len(all[0].Articles) != 2 || len(all[3].Articles) != 1 {
		t.Fatalf("article counts %d %d", len(all[0].Articles), len(all[3].Articles))
	}
	if a := all[4].Articles[0]; len(a.Attacks) != 1 || *a.Attacks[0].Launched.Missiles != 3 {
		t.Fatalf("attacks not loaded: %+v", a.Attacks)
	}
	win, err := e.db.ListStories(ctx, briefings.StoryFilter{Since: t0.Add(2 * time.Hour), Until: t0.Add(13 * time.Hour)})
	must(t, err)
	if got := storyIDsOf(win); !reflect.DeepEqual(got, []int64{storyIDs[1], storyIDs[4], storyIDs[2]}) {
		t.Fatalf("window %v", got)
	}
	lim, err := e.db.ListStories(ctx, briefings.StoryFilter{Since: t0.Add(time.Hour), Limit: 2})
	must(t, err)
	if got := storyIDsOf(lim); !reflect.DeepEqual(got, want[:2]) || len(lim[0].Articles) != 2 {
		t.Fatalf("limit %v", got)
	}
	none, err := e.db.ListStories(ctx, briefings.StoryFilter{Since: t0.Add(100 * time.Hour)})
	must(t, err)
	if len(none) != 0 {
		t.Fatalf("future window: %d stories", len(none))
	}
}

func storyIDsOf(ss []*briefings.Story) []int64 {
	var out []int64
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

func testAttackReports(e *env) {
	t, ctx := e.t, e.ctx
	src := e.source("Air Desk")
	full := briefings.AttackReport{
		Attacker: "RU", Target: "UA", Date: "2025-09-04", Period: "overnight",
		Launched:            briefings.Counts{Drones: briefings.IntPtr(73), Missiles: briefings.IntPtr(2), ByType: map[string]int{"shahed": 50}},
		Intercepted:         briefings.Counts{Drones: briefings.IntPtr(0)},
		InterceptedOrJammed: briefings.Counts{Drones: briefings.IntPtr(61)},
		Hits:                briefings.Hits{Locations: briefings.IntPtr(4)},
		Qualifiers:          map[string]string{"drones": "strike and decoy"},
		Regions:             []string{"Sumy", "Odesa"},
		Casualties:          briefings.Casualties{Injured: briefings.IntPtr(2)},
		Source:              "Air Force", Scope: briefings.ScopeNational,
		Evidence: "An invented sentence with the figures.",
	}
	bare := briefings.AttackReport{Attacker: "UA", Target: "RU", Cumulative: true, Scope: briefings.ScopeCumulative}
	a := article(src, 1, t0, "Overnight attack figures")
	a.Attacks = []briefings.AttackReport{full, bare}
	e.add(a)
	if a.Attacks[0].ID == 0 || a.Attacks[1].ID <= a.Attacks[0].ID || a.Attacks[0].ArticleID != a.ID {
		t.Fatalf("report ids not set: %+v", a.Attacks)
	}
	b := article(src, 2, t0.Add(26*time.Hour), "Next night")
	b.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Launched: briefings.Counts{Drones: briefings.IntPtr(20)}}}
	e.add(b)

	reps, err := e.db.ListAttackReports(ctx, t0, t0.Add(24*time.Hour))
	must(t, err)
	if len(reps) != 2 {
		t.Fatalf("%d reports in window, want 2", len(reps))
	}
	for i, want := range []briefings.AttackReport{full, bare} {
		wj, _ := json.Marshal(want)
		gj, _ := json.Marshal(reps[i])
		if string(wj) != string(gj) {
			t.Fatalf("report %d JSON changed:\n got %s\nwant %s", i, gj, wj)
		}
		r := reps[i]
		if r.SourceName != "Air Desk" || r.ArticleURL != a.URL || !r.PublishedAt.Equal(t0) || r.ArticleID != a.ID {
			t.Fatalf("filled fields: %+v", r)
		}
	}
	if r := reps[1]; r.Launched.Drones != nil || r.Qualifiers != nil || r.Regions != nil || r.Launched.ByType != nil {
		t.Fatalf("nil became non-nil: %+v", r)
	}
	if *reps[0].Intercepted.Drones != 0 {
		t.Fatalf("a stated zero was lost")
	}
	after, err := e.db.AttackReportsAfter(ctx, 0, 2)
	must(t, err)
	if len(after) != 2 || after[0].ID != a.Attacks[0].ID || after[1].ID != a.Attacks[1].ID {
		t.Fatalf("after 0: %+v", after)
	}
	after, err = e.db.AttackReportsAfter(ctx, after[1].ID, 10)
	must(t, err)
	if len(after) != 1 || after[0].ID != b.Attacks[0].ID || after[0].SourceName != "Air Desk" {
		t.Fatalf("after cursor: %+v", after)
	}
	open, err := e.db.ListAttackReports(ctx, t0.Add(time.Hour), time.Time{})
	must(t, err)
	if len(open) != 1 {
		t.Fatalf("open-ended window: %d", len(open))
	}
	var key string
	must(t, e.db.SQL().QueryRowContext(ctx, `SELECT event_key FROM attack_reports WHERE id = `+fmt.Sprint(b.Attacks[0].ID)).Scan(&key))
	if key != "RU>UA@2025-09-05" {
		t.Fatalf("event key %q", key)
	}
}

func testPrune(e *env) {
	t, ctx := e.t, e.ctx
	src := e.source("Old")
	other := e.source("Older")
	old := article(src, 1, t0.Add(-72*time.Hour), "Old news")
	old.FetchedAt = t0.Add(-72 * time.Hour)
	old.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA"}}
	e.add(old)
	cp := article(other, 1, t0, "Fresh copy of old news")
	cp.ContentHash = old.ContentHash
	cp.FetchedAt = t0
	e.add(cp)
	lone := article(src, 2, t0.Add(-80*time.Hour), "Lonely old story")
	lone.FetchedAt = t0.Add(-80 * time.Hour)
	e.add(lone)
	fresh := article(src, 3, t0, "Fresh")
	e.add(fresh)

	n, err := e.db.PruneArticles(ctx, t0.Add(-24*time.Hour))
	must(t, err)
	if n != 2 {
		t.Fatalf("pruned %d, want 2", n)
	}
	if c, _ := e.db.CountArticles(ctx); c != 2 {
		t.Fatalf("%d left", c)
	}
	stories, err := e.db.ListStories(ctx, briefings.StoryFilter{})
	must(t, err)
	if len(stories) != 2 {
		t.Fatalf("%d stories left, want 2 (the empty one removed)", len(stories))
	}
	got, err := e.db.GetArticle(ctx, cp.ID)
	must(t, err)
	if got.CopyOf != 0 || got.StoryID != old.StoryID {
		t.Fatalf("copy after its original was pruned: %+v", got)
	}
	reps, err := e.db.AttackReportsAfter(ctx, 0, 0)
	must(t, err)
	if len(reps) != 0 {
		t.Fatalf("reports of pruned article remain")
	}
	// The search index follows deletes.
	found, err := e.db.SearchArticles(ctx, "lonely", 5)
	must(t, err)
	if len(found) != 0 {
		t.Fatalf("pruned article still searchable")
	}
}

func testDeleteSource(e *env) {
	t, ctx := e.t, e.ctx
	src := e.source("Gone")
	keep := e.source("Kept")
	a := article(src, 1, t0, "Goes away")
	e.add(a)
	k := article(keep, 1, t0, "Stays")
	e.add(k)
	must(t, e.db.DeleteSource(ctx, src.ID))
	wantCode(t, e.db.DeleteSource(ctx, src.ID), briefings.ENOTFOUND)
	_, err := e.db.GetArticle(ctx, a.ID)
	wantCode(t, err, briefings.ENOTFOUND)
	stories, err := e.db.ListStories(ctx, briefings.StoryFilter{})
	must(t, err)
	if len(stories) != 1 || stories[0].ID != k.StoryID {
		t.Fatalf("stories after delete: %v", storyIDsOf(stories))
	}
}

func testSubscriptions(e *env) {
	t, ctx := e.t, e.ctx
	chat := briefings.Chat{Platform: "telegram", ChatID: "-1001"}
	s := &briefings.Subscription{Chat: chat, Schedule: "08:00", TimeZone: "Europe/Kyiv", Topics: []briefings.Topic{"Diplomacy"},
		Active: true, WeeklyChart: true, NextDueAt: t0.Add(time.Hour)}
	must(t, e.db.UpsertSubscription(ctx, s))
	if s.ID == 0 || !s.CreatedAt.Equal(t0) {
		t.Fatalf("insert: %+v", s)
	}
	got, err := e.db.GetSubscription(ctx, chat)
	must(t, err)
	if !reflect.DeepEqual(got, s) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, s)
	}
	// Re-subscribing replaces the settings, keeps id and created time.
	e.db.Now = func() time.Time { return t0.Add(time.Minute) }
	s2 := &briefings.Subscription{Chat: chat, Schedule: "CRON_TZ=Europe/Kyiv 0 8 * * 1-5", Active: true, NextDueAt: t0.Add(2 * time.Hour)}
	must(t, e.db.UpsertSubscription(ctx, s2))
	if s2.ID != s.ID || !s2.CreatedAt.Equal(t0) || !s2.UpdatedAt.Equal(t0.Add(time.Minute)) {
		t.Fatalf("update: %+v", s2)
	}
	got, err = e.db.GetSubscription(ctx, chat)
	must(t, err)
	if got.Topics != nil || got.Schedule != s2.Schedule || got.TimeZone != "" || got.WeeklyChart {
		t.Fatalf("after update: %+v", got)
	}

	other := &briefings.Subscription{Chat: briefings.Chat{Platform: "discord", ChatID: "42"}, Schedule: "07:30",
		Active: true, NextDueAt: t0.Add(30 * time.Minute)}
	must(t, e.db.UpsertSubscription(ctx, other))
	off := &briefings.Subscription{Chat: briefings.Chat{Platform: "console", ChatID: "me"}, Schedule: "06:00",
		Active: false, NextDueAt: t0}
	must(t, e.db.UpsertSubscription(ctx, off))

	due, err := e.db.DueSubscriptions(ctx, t0.Add(2*time.Hour), 10)
	must(t, err)
	if len(due) != 2 || due[0].ID != other.ID || due[1].ID != s.ID {
		t.Fatalf("due: %+v", due)
	}
	due, err = e.db.DueSubscriptions(ctx, t0.Add(time.Hour), 10)
	must(t, err)
	if len(due) != 1 || due[0].ID != other.ID {
		t.Fatalf("due at +1h: %+v", due)
	}
	// A run of other's schedule at its slot moves it on.
	slot := t0.Add(30 * time.Minute)
	all, err := e.db.DueSchedules(ctx, slot)
	must(t, err)
	var schedules []briefings.DueSchedule
	for _, d := range all {
		if d.Schedule == "07:30" {
			schedules = append(schedules, d)
		}
	}
	if len(schedules) != 1 {
		t.Fatalf("due schedules at %v: %+v", slot, all)
	}
	_, err = runDue(ctx, e.db, slot, schedules, func(briefings.DueSchedule) time.Time { return slot.Add(24 * time.Hour) },
		func(briefings.DueGroup) []byte { return []byte("d") })
	must(t, err)
	got, err = e.db.GetSubscription(ctx, other.Chat)
	must(t, err)
	if !got.LastSentSlot.Equal(slot) || !got.NextDueAt.Equal(slot.Add(24*time.Hour)) {
		t.Fatalf("advance: %+v", got)
	}
	due, err = e.db.DueSubscriptions(ctx, t0.Add(2*time.Hour), 0)
	must(t, err)
	if len(due) != 1 || due[0].ID != s.ID {
		t.Fatalf("due after advance: %+v", due)
	}

	list, err := e.db.ListSubscriptions(ctx)
	must(t, err)
	if len(list) != 3 {
		t.Fatalf("list %d", len(list))
	}
	if active, paused, err := e.db.CountSubscriptions(ctx); err != nil || active != 2 || paused != 1 {
		t.Fatalf("count: %d active, %d paused, %v; want 2 and 1", active, paused, err)
	}
	must(t, e.db.DeleteSubscription(ctx, off.Chat))
	wantCode(t, e.db.DeleteSubscription(ctx, off.Chat), briefings.ENOTFOUND)
	_, err = e.db.GetSubscription(ctx, off.Chat)
	wantCode(t, err, briefings.ENOTFOUND)
	wantCode(t, e.db.UpsertSubscription(ctx, &briefings.Subscription{}), briefings.EINVALID)
}

func testPauseMigrate(e *env) {
	t, ctx := e.t, e.ctx
	group := briefings.Chat{Platform: "telegram", ChatID: "-100"}
	userOff := briefings.Chat{Platform: "telegram", ChatID: "55"}
	must(t, e.db.UpsertSubscription(ctx, &briefings.Subscription{Chat: group, Schedule: "08:00", Active: true, NextDueAt: t0}))
	must(t, e.db.UpsertSubscription(ctx, &briefings.Subscription{Chat: userOff, Schedule: "08:00", Active: false, NextDueAt: t0}))
	must(t, e.db.SetAlertSettings(ctx, &briefings.AlertSettings{Chat: group, Enabled: true, MinLaunched: 10}))

	must(t, e.db.PauseChat(ctx, group, "blocked"))
	must(t, e.db.PauseChat(ctx, userOff, "blocked"))
	got, err := e.db.GetSubscription(ctx, group)
	must(t, err)
	if got.Active || got.PausedReason != "blocked" {
		t.Fatalf("paused: %+v", got)
	}
	due, err := e.db.DueSubscriptions(ctx, t0.Add(time.Hour), 0)
	must(t, err)
	if len(due) != 0 {
		t.Fatalf("paused chat is due")
	}
	al, err := e.db.GetAlertSettings(ctx, group)
	must(t, err)
	if al.Enabled {
		t.Fatalf("alerts of a paused chat enabled")
	}
	// Resuming restores what the pause stopped, not what the user turned off.
	must(t, e.db.PauseChat(ctx, group, ""))
	must(t, e.db.PauseChat(ctx, userOff, ""))
	got, err = e.db.GetSubscription(ctx, group)
	must(t, err)
	if !got.Active || got.PausedReason != "" {
		t.Fatalf("resumed: %+v", got)
	}
	got, err = e.db.GetSubscription(ctx, userOff)
	must(t, err)
	if got.Active {
		t.Fatalf("a subscription the user turned off was resumed")
	}
	al, err = e.db.GetAlertSettings(ctx, group)
	must(t, err)
	if !al.Enabled || al.MinLaunched != 10 {
		t.Fatalf("alerts after resume: %+v", al)
	}
	// Pausing an unknown chat is harmless.
	must(t, e.db.PauseChat(ctx, briefings.Chat{Platform: "discord", ChatID: "404"}, "missing access"))

	// Migration moves the subscription, the alert settings and unsent deliveries.
	super := briefings.Chat{Platform: "telegram", ChatID: "-1009"}
	for i, st := range []string{"pending", "sent"} {
		d := &briefings.Delivery{DedupeKey: fmt.Sprintf("k%d", i), Chat: group, Kind: briefings.DeliveryDigest, Payload: []byte(`{}`)}
		_, err := e.db.Enqueue(ctx, d)
		must(t, err)
		if st == "sent" {
			claimAll(t, e.db, t0)
			must(t, e.db.MarkSent(ctx, d.ID, "m1", t0))
		}
	}
	must(t, e.db.MigrateChat(ctx, group, super))
	_, err = e.db.GetSubscription(ctx, group)
	wantCode(t, err, briefings.ENOTFOUND)
	got, err = e.db.GetSubscription(ctx, super)
	must(t, err)
	if got.Schedule != "08:00" {
		t.Fatalf("migrated: %+v", got)
	}
	if _, err := e.db.GetAlertSettings(ctx, super); err != nil {
		t.Fatalf("alerts not migrated: %v", err)
	}
	var moved, kept int
	must(t, e.db.SQL().QueryRowContext(ctx, `SELECT
		SUM(CASE WHEN chat_id = '-1009' THEN 1 ELSE 0 END), SUM(CASE WHEN chat_id = '-100' THEN 1 ELSE 0 END)
		FROM deliveries`).Scan(&moved, &kept))
	if moved != 1 || kept != 1 {
		t.Fatalf("deliveries moved %d kept %d", moved, kept)
	}
	// Migrating onto a chat that has its own subscription keeps the target's.
	must(t, e.db.UpsertSubscription(ctx, &briefings.Subscription{Chat: group, Schedule: "09:00", Active: true}))
	must(t, e.db.MigrateChat(ctx, group, super))
	got, err = e.db.GetSubscription(ctx, super)
	must(t, err)
	if got.Schedule != "08:00" {
		t.Fatalf("target overwritten: %+v", got)
	}
	if _, err := e.db.GetSubscription(ctx, group); briefings.ErrorCode(err) != briefings.ENOTFOUND {
		t.Fatalf("source chat kept its subscription")
	}
}

func claimAll(t *testing.T, db *store.DB, now time.Time) []*briefings.Delivery {
	t.Helper()
	ds, err := db.Claim(context.Background(), "", now, now.Add(time.Minute), 1000)
	must(t, err)
	return ds
}

func testAlertSettings(e *env) {
	t, ctx := e.t, e.ctx
	a := &briefings.AlertSettings{Chat: briefings.Chat{Platform: "telegram", ChatID: "1"}, Enabled: true, MinLaunched: 50,
		Regions: []string{"Kyiv"}, Classes: []string{"drones", "missiles"}, Attacker: "RU",
		QuietStart: "23:00", QuietEnd: "07:00", TimeZone: "Europe/Kyiv"}
	must(t, e.db.SetAlertSettings(ctx, a))
	if !a.UpdatedAt.Equal(t0) {
		t.Fatalf("updated at %v", a.UpdatedAt)
	}
	got, err := e.db.GetAlertSettings(ctx, a.Chat)
	must(t, err)
	if !reflect.DeepEqual(got, a) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, a)
	}
	a.MinLaunched, a.Regions, a.QuietStart, a.QuietEnd = 0, nil, "", ""
	must(t, e.db.SetAlertSettings(ctx, a))
	b := &briefings.AlertSettings{Chat: briefings.Chat{Platform: "discord", ChatID: "9"}, Enabled: false}
	must(t, e.db.SetAlertSettings(ctx, b))
	list, err := e.db.ListAlertSettings(ctx)
	must(t, err)
	if len(list) != 2 || list[0].Chat.Platform != "discord" || !reflect.DeepEqual(list[1], a) {
		t.Fatalf("list: %+v", list)
	}
	_, err = e.db.GetAlertSettings(ctx, briefings.Chat{Platform: "x", ChatID: "y"})
	wantCode(t, err, briefings.ENOTFOUND)
}

func testChatSettings(e *env) {
	t, ctx := e.t, e.ctx
	chat := briefings.Chat{Platform: "telegram", ChatID: "-100"}
	_, err := e.db.GetChatSettings(ctx, chat)
	wantCode(t, err, briefings.ENOTFOUND)
	s := &briefings.ChatSettings{Chat: chat, Lang: "uk", OwnLangSources: true,
		Include: []string{"Одеса", "Kharkiv"}, Exclude: []string{"Belgorod"}}
	must(t, e.db.SetChatSettings(ctx, s))
	if !s.UpdatedAt.Equal(t0) {
		t.Fatalf("updated at %v", s.UpdatedAt)
	}
	got, err := e.db.GetChatSettings(ctx, chat)
	must(t, err)
	if !reflect.DeepEqual(got, s) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, s)
	}
	s.Lang, s.OwnLangSources, s.Include, s.Exclude = "en", false, nil, nil
	must(t, e.db.SetChatSettings(ctx, s))
	got, err = e.db.GetChatSettings(ctx, chat)
	must(t, err)
	if !reflect.DeepEqual(got, s) {
		t.Fatalf("after update:\n got %+v\nwant %+v", got, s)
	}
	// A group that becomes a supergroup keeps its settings.
	to := briefings.Chat{Platform: "telegram", ChatID: "-1001"}
	must(t, e.db.MigrateChat(ctx, chat, to))
	got, err = e.db.GetChatSettings(ctx, to)
	must(t, err)
	if got.Lang != "en" {
		t.Fatalf("migrated settings: %+v", got)
	}
	_, err = e.db.GetChatSettings(ctx, chat)
	wantCode(t, err, briefings.ENOTFOUND)
	wantCode(t, e.db.SetChatSettings(ctx, &briefings.ChatSettings{Lang: "uk"}), briefings.EINVALID)
}

func testOutbox(e *env) {
	t, ctx := e.t, e.ctx
	chat := briefings.Chat{Platform: "telegram", ChatID: "7"}
	d := &briefings.Delivery{DedupeKey: "digest:1:2025-09-04T08:00", Chat: chat, Kind: briefings.DeliveryDigest,
		Payload: []byte(`{"text":"hello"}`)}
	created, err := e.db.Enqueue(ctx, d)
	must(t, err)
	if !created || d.ID == 0 || d.Status != briefings.StatusPending {
		t.Fatalf("enqueue: %v %+v", created, d)
	}
	dup := &briefings.Delivery{DedupeKey: d.DedupeKey, Chat: chat, Kind: briefings.DeliveryDigest, Payload: []byte(`{}`)}
	created, err = e.db.Enqueue(ctx, dup)
	must(t, err)
	if created || dup.ID != d.ID {
		t.Fatalf("dedupe: %v %+v", created, dup)
	}
	later := &briefings.Delivery{DedupeKey: "alert:7:RU>UA@2025-09-04", Chat: chat, Kind: briefings.DeliveryAlert,
		Payload: []byte(`{}`), NextAttemptAt: t0.Add(time.Hour), EditOf: "alert:7:old"}
	_, err = e.db.Enqueue(ctx, later)
	must(t, err)
	_, err = e.db.Enqueue(ctx, &briefings.Delivery{Chat: chat})
	wantCode(t, err, briefings.EINVALID)

	got := claimAll(t, e.db, t0)
	if len(got) != 1 || got[0].ID != d.ID || got[0].Status != briefings.StatusSending || got[0].Attempts != 1 ||
		string(got[0].Payload) != `{"text":"hello"}` || got[0].Chat != chat || !got[0].NextAttemptAt.Equal(t0.Add(time.Minute)) {
		t.Fatalf("claim: %+v", got)
	}
	if again := claimAll(t, e.db, t0); len(again) != 0 {
		t.Fatalf("claimed twice: %+v", again)
	}
	st, err := e.db.DeliveryStats(ctx)
	must(t, err)
	if st.Pending != 1 || st.Sending != 1 || st.Sent != 0 || st.Dead != 0 {
		t.Fatalf("stats: %+v", st)
	}

	// Retry puts it back with its error; it is due again at next.
	must(t, e.db.MarkRetry(ctx, d.ID, "429 retry after 5", t0.Add(5*time.Second)))
	if c := claimAll(t, e.db, t0.Add(4*time.Second)); len(c) != 0 {
		t.Fatalf("claimed before next attempt")
	}
	got = claimAll(t, e.db, t0.Add(5*time.Second))
	if len(got) != 1 || got[0].Attempts != 2 || got[0].LastError != "429 retry after 5" {
		t.Fatalf("reclaim: %+v", got)
	}
	must(t, e.db.MarkSent(ctx, d.ID, "msg-99", t0.Add(6*time.Second)))
	byKey, err := e.db.DeliveryByKey(ctx, d.DedupeKey)
	must(t, err)
	if byKey.ID != d.ID || byKey.Status != briefings.StatusSent || byKey.ExternalID != "msg-99" {
		t.Fatalf("by key: %+v", byKey)
	}
	byKey, err = e.db.DeliveryByKey(ctx, later.DedupeKey)
	if err != nil || byKey.Status != briefings.StatusPending || byKey.ExternalID != "" {
		t.Fatalf("pending by key: %+v %v", byKey, err)
	}
	_, err = e.db.DeliveryByKey(ctx, "no such key")
	wantCode(t, err, briefings.ENOTFOUND)
	// A late retry from a stale sender does not resurrect a sent row.
	must(t, e.db.MarkRetry(ctx, d.ID, "stale", t0))
	must(t, e.db.MarkDead(ctx, d.ID, "stale"))
	row, err := e.db.GetDelivery(ctx, d.ID)
	must(t, err)
	if row.Status != briefings.StatusSent || row.ExternalID != "msg-99" || !row.SentAt.Equal(t0.Add(6*time.Second)) {
		t.Fatalf("sent row changed: %+v", row)
	}

	got = claimAll(t, e.db, t0.Add(time.Hour))
	if len(got) != 1 || got[0].ID != later.ID || got[0].EditOf != "alert:7:old" {
		t.Fatalf("later: %+v", got)
	}
	must(t, e.db.MarkDead(ctx, later.ID, "chat not found"))
	for i := range 2 {
		x := &briefings.Delivery{DedupeKey: fmt.Sprintf("x%d", i), Chat: chat, Kind: briefings.DeliveryAlert, Payload: []byte(`{}`)}
		_, err := e.db.Enqueue(ctx, x)
		must(t, err)
		must(t, e.db.MarkDead(ctx, x.ID, "forbidden"))
	}
	st, err = e.db.DeliveryStats(ctx)
	must(t, err)
	want := briefings.DeliveryStats{Sent: 1, Dead: 3, DeadReasons: map[string]int{"chat not found": 1, "forbidden": 2}}
	if !reflect.DeepEqual(st, want) {
		t.Fatalf("stats %+v, want %+v", st, want)
	}
	wantCode(t, e.db.MarkSent(ctx, 9999, "", t0), briefings.ENOTFOUND)
	wantCode(t, e.db.MarkRetry(ctx, 9999, "", t0), briefings.ENOTFOUND)
	wantCode(t, e.db.MarkDead(ctx, 9999, ""), briefings.ENOTFOUND)

	// Prune: the sent row (sent at t0+6s) and the dead rows (created t0) go;
	// a pending row stays however old.
	_, err = e.db.Enqueue(ctx, &briefings.Delivery{DedupeKey: "old-pending", Chat: chat, Payload: []byte(`{}`), CreatedAt: t0.Add(-time.Hour)})
	must(t, err)
	n, err := e.db.PruneDeliveries(ctx, t0.Add(time.Second))
	must(t, err)
	if n != 3 {
		t.Fatalf("pruned %d, want 3", n)
	}
	n, err = e.db.PruneDeliveries(ctx, t0.Add(time.Hour))
	must(t, err)
	st, err = e.db.DeliveryStats(ctx)
	must(t, err)
	if n != 1 || st.Pending != 1 || st.Sent != 0 || st.Dead != 0 {
		t.Fatalf("after prune: %d %+v", n, st)
	}
}

func testOutboxLease(e *env) {
	t, ctx := e.t, e.ctx
	chat := briefings.Chat{Platform: "discord", ChatID: "c"}
	for i := range 3 {
		_, err := e.db.Enqueue(ctx, &briefings.Delivery{DedupeKey: fmt.Sprint("l", i), Chat: chat, Payload: []byte(`{}`),
			NextAttemptAt: t0.Add(time.Duration(i) * time.Second)})
		must(t, err)
	}
	first, err := e.db.Claim(ctx, "", t0.Add(10*time.Second), t0.Add(40*time.Second), 2)
	must(t, err)
	if len(first) != 2 {
		t.Fatalf("claimed %d, want 2", len(first))
	}
	// The sender crashed. Before the lease ends only the third row is due.
	mid, err := e.db.Claim(ctx, "", t0.Add(39*time.Second), t0.Add(99*time.Second), 10)
	must(t, err)
	if len(mid) != 1 {
		t.Fatalf("before lease expiry: %d", len(mid))
	}
	after, err := e.db.Claim(ctx, "", t0.Add(40*time.Second), t0.Add(100*time.Second), 10)
	must(t, err)
	if len(after) != 2 || after[0].ID != first[0].ID || after[1].ID != first[1].ID || after[0].Attempts != 2 {
		t.Fatalf("after lease expiry: %+v", after)
	}
	if none, _ := e.db.Claim(ctx, "", t0.Add(40*time.Second), t0.Add(100*time.Second), 0); len(none) != 0 {
		t.Fatalf("limit 0 claimed rows")
	}
}

// testOutboxRelease: a row handed back untried does not use up an attempt;
// a retry does.
func testOutboxRelease(e *env) {
	t, ctx := e.t, e.ctx
	chat := briefings.Chat{Platform: "telegram", ChatID: "7"}
	d := &briefings.Delivery{DedupeKey: "r", Chat: chat, Payload: []byte(`{}`), NextAttemptAt: t0}
	_, err := e.db.Enqueue(ctx, d)
	must(t, err)
	claim := func(at time.Time) *briefings.Delivery {
		t.Helper()
		rows, err := e.db.Claim(ctx, "", at, at.Add(time.Minute), 10)
		must(t, err)
		if len(rows) != 1 {
			t.Fatalf("claimed %d rows at %v, want 1", len(rows), at)
		}
		return rows[0]
	}
	for i := range 3 {
		r := claim(t0.Add(time.Duration(i) * time.Second))
		if r.Attempts != 1 {
			t.Fatalf("claim %d after releases: attempts %d, want 1", i, r.Attempts)
		}
		must(t, e.db.Release(ctx, r.ID, "released on shutdown", t0.Add(time.Duration(i+1)*time.Second)))
	}
	r := claim(t0.Add(3 * time.Second))
	if r.LastError != "released on shutdown" {
		t.Fatalf("last error %q", r.LastError)
	}
	must(t, e.db.MarkRetry(ctx, r.ID, "HTTP 502", t0.Add(4*time.Second)))
	r = claim(t0.Add(4 * time.Second))
	if r.Attempts != 2 {
		t.Fatalf("after a real retry: attempts %d, want 2", r.Attempts)
	}
	must(t, e.db.Release(ctx, r.ID, "deferred", t0.Add(5*time.Second)))
	r = claim(t0.Add(5 * time.Second))
	if r.Attempts != 2 || r.LastError != "HTTP 502" {
		t.Fatalf("release after a retry: attempts %d, last error %q; want 2 and the retry's error", r.Attempts, r.LastError)
	}
	// A row no longer being sent is left alone.
	must(t, e.db.MarkSent(ctx, r.ID, "m1", t0.Add(6*time.Second)))
	_ = e.db.Release(ctx, r.ID, "late", t0.Add(7*time.Second))
	if st, err := e.db.DeliveryStats(ctx); err != nil || st.Sent != 1 || st.Pending != 0 {
		t.Fatalf("after a late release: %+v %v", st, err)
	}
}

func testConcurrentClaim(e *env) {
	t, ctx := e.t, e.ctx
	const rows = 300
	for i := range rows {
		_, err := e.db.Enqueue(ctx, &briefings.Delivery{DedupeKey: fmt.Sprint("c", i),
			Chat: briefings.Chat{Platform: "telegram", ChatID: fmt.Sprint(i)}, Payload: []byte(`{}`)})
		must(t, err)
	}
	other := e.open()
	var mu sync.Mutex
	seen := map[int64]int{}
	var wg sync.WaitGroup
	for w := range 6 {
		db := e.db
		if w%2 == 1 {
			db = other
		}
		wg.Go(func() {
			for {
				ds, err := db.Claim(ctx, "", t0, t0.Add(time.Hour), 7)
				if err != nil {
					t.Error(err)
					return
				}
				if len(ds) == 0 {
					return
				}
				mu.Lock()
				for _, d := range ds {
					seen[d.ID]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(seen) != rows {
		t.Fatalf("claimed %d distinct rows, want %d", len(seen), rows)
	}
	var dups []int64
	for id, n := range seen {
		if n != 1 {
			dups = append(dups, id)
		}
	}
	sort.Slice(dups, func(i, j int) bool { return dups[i] < dups[j] })
	if len(dups) > 0 {
		t.Fatalf("rows claimed more than once: %v", dups)
	}
}

// testOutboxTakeover: the rows of a claimer whose presence lease lapsed are
// claimed by another at once, long before their claim lease ends; while the
// claimer's lease is live they are not, and rows of a claimer without
// presence wait for their claim lease.
func testOutboxTakeover(e *env) {
	t, ctx := e.t, e.ctx
	for i := range 5 {
		_, err := e.db.Enqueue(ctx, &briefings.Delivery{DedupeKey: fmt.Sprint("t", i),
			Chat: briefings.Chat{Platform: "telegram", ChatID: fmt.Sprint(i)}, Payload: []byte(`{}`), NextAttemptAt: t0})
		must(t, err)
	}
	lease := func(name string, now, until time.Time) {
		t.Helper()
		ok, err := e.db.TryLease(ctx, name, name, now, until)
		must(t, err)
		if !ok {
			t.Fatalf("lease %s not taken", name)
		}
	}
	claim := func(claimer string, at time.Time, limit int) []*briefings.Delivery {
		t.Helper()
		rows, err := e.db.Claim(ctx, claimer, at, at.Add(2*time.Minute), limit)
		must(t, err)
		return rows
	}
	lease("dispatcher:a", t0, t0.Add(6*time.Second))
	lease("dispatcher:b", t0, t0.Add(time.Hour))
	a := claim("dispatcher:a", t0, 2)
	legacy := claim("", t0, 1) // a claimer without presence
	if len(a) != 2 || len(legacy) != 1 {
		t.Fatalf("claimed %d and %d", len(a), len(legacy))
	}
	// A is alive (renewed): b gets only the two rows nobody holds.
	lease("dispatcher:a", t0.Add(3*time.Second), t0.Add(9*time.Second))
	if b := claim("dispatcher:b", t0.Add(5*time.Second), 10); len(b) != 2 {
		t.Fatalf("while a lives: b claimed %d rows, want the 2 unclaimed", len(b))
	}
	if b := claim("dispatcher:b", t0.Add(8*time.Second), 10); len(b) != 0 {
		t.Fatalf("a's lease still live at +8s: b took %d rows", len(b))
	}
	// A was killed: its lease ends at +9s. At +9s b takes a's rows (and not
	// the row of the claimer without presence, whose claim lease ends at +2m).
	b := claim("dispatcher:b", t0.Add(9*time.Second), 10)
	if len(b) != 2 || b[0].ID != a[0].ID || b[1].ID != a[1].ID {
		t.Fatalf("after a's lease lapsed: b claimed %+v, want a's rows %d and %d", b, a[0].ID, a[1].ID)
	}
	if b[0].Attempts != 2 || b[0].LastError != "taken over from a stopped dispatcher" {
		t.Errorf("taken-over row: attempts %d, last error %q", b[0].Attempts, b[0].LastError)
	}
	// b lives: nobody takes its rows back; a lease deleted (LiveLeases
	// prunes expired ones, a dispatcher leaving releases its own) is gone too.
	lease("dispatcher:c", t0.Add(9*time.Second), t0.Add(time.Hour))
	if c := claim("dispatcher:c", t0.Add(10*time.Second), 10); len(c) != 0 {
		t.Fatalf("c took %d rows from live b", len(c))
	}
	must(t, e.db.ReleaseLease(ctx, "dispatcher:b", "dispatcher:b"))
	if c := claim("dispatcher:c", t0.Add(10*time.Second), 10); len(c) != 4 {
		t.Fatalf("after b left: c claimed %d, want b's 4 rows", len(c))
	}
	if c := claim("dispatcher:c", t0.Add(2*time.Minute), 10); len(c) != 1 || c[0].ID != legacy[0].ID {
		t.Fatalf("the row without a claimer after its claim lease: %+v", c)
	}
	// A taken-over row sent by its new claimer stays sent.
	must(t, e.db.MarkSent(ctx, b[0].ID, "m1", t0.Add(11*time.Second)))
	if st, err := e.db.DeliveryStats(ctx); err != nil || st.Sent != 1 || st.Sending != 4 {
		t.Fatalf("stats %+v %v", st, err)
	}
}

// testClaimAlertsFirst: an alert due now is claimed before a backlog of
// digests due earlier.
func testClaimAlertsFirst(e *env) {
	t, ctx := e.t, e.ctx
	for i := range 30 {
		_, err := e.db.Enqueue(ctx, &briefings.Delivery{DedupeKey: fmt.Sprint("digest:", i), Kind: briefings.DeliveryDigest,
			Chat: briefings.Chat{Platform: "telegram", ChatID: fmt.Sprint(i)}, Payload: []byte(`{}`), NextAttemptAt: t0.Add(time.Duration(i) * time.Second)})
		must(t, err)
	}
	_, err := e.db.Enqueue(ctx, &briefings.Delivery{DedupeKey: "alert:1", Kind: briefings.DeliveryAlert,
		Chat: briefings.Chat{Platform: "telegram", ChatID: "99"}, Payload: []byte(`{}`), NextAttemptAt: t0.Add(time.Minute)})
	must(t, err)
	_, err = e.db.Enqueue(ctx, &briefings.Delivery{DedupeKey: "alert:later", Kind: briefings.DeliveryAlert,
		Chat: briefings.Chat{Platform: "telegram", ChatID: "98"}, Payload: []byte(`{}`), NextAttemptAt: t0.Add(time.Hour)})
	must(t, err)
	rows, err := e.db.Claim(ctx, "", t0.Add(time.Minute), t0.Add(2*time.Minute), 5)
	must(t, err)
	var keys []string
	for _, r := range rows {
		keys = append(keys, r.DedupeKey)
	}
	if len(rows) != 5 || !slices.Contains(keys, "alert:1") || slices.Contains(keys, "alert:later") {
		t.Fatalf("claimed %v: want the due alert among the first five, not the alert due later", keys)
	}
}

// testConcurrentTakeover: dispatchers racing for a dead claimer's rows each
// get distinct rows, every row exactly once.
func testConcurrentTakeover(e *env) {
	t, ctx := e.t, e.ctx
	const rows = 200
	for i := range rows {
		_, err := e.db.Enqueue(ctx, &briefings.Delivery{DedupeKey: fmt.Sprint("o", i),
			Chat: briefings.Chat{Platform: "telegram", ChatID: fmt.Sprint(i)}, Payload: []byte(`{}`), NextAttemptAt: t0})
		must(t, err)
	}
	if _, err := e.db.TryLease(ctx, "dispatcher:dead", "dispatcher:dead", t0, t0.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if got, err := e.db.Claim(ctx, "dispatcher:dead", t0, t0.Add(time.Hour), rows); err != nil || len(got) != rows {
		t.Fatalf("dead claimer: %d, %v", len(got), err)
	}
	at := t0.Add(2 * time.Second)
	other := e.open()
	var mu sync.Mutex
	seen := map[int64]int{}
	var wg sync.WaitGroup
	for w := range 6 {
		db, name := e.db, fmt.Sprint("dispatcher:live", w)
		if w%2 == 1 {
			db = other
		}
		if _, err := db.TryLease(ctx, name, name, at, at.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			for {
				ds, err := db.Claim(ctx, name, at, at.Add(time.Hour), 7)
				if err != nil {
					t.Error(err)
					return
				}
				if len(ds) == 0 {
					return
				}
				mu.Lock()
				for _, d := range ds {
					seen[d.ID]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(seen) != rows {
		t.Fatalf("took over %d distinct rows, want %d", len(seen), rows)
	}
	for id, n := range seen {
		if n != 1 {
			t.Fatalf("row %d claimed %d times", id, n)
		}
	}
}

func testLiveLeases(e *env) {
	t, ctx := e.t, e.ctx
	for i, until := range []time.Duration{time.Minute, 2 * time.Minute, -time.Second} {
		ok, err := e.db.TryLease(ctx, fmt.Sprint("dispatcher:", i), fmt.Sprint("p", i), t0, t0.Add(until))
		must(t, err)
		if !ok {
			t.Fatalf("lease %d not taken", i)
		}
	}
	// Other families and a name with LIKE wildcards are not counted.
	_, err := e.db.TryLease(ctx, "job:due-digests", "p0", t0, t0.Add(time.Hour))
	must(t, err)
	_, err = e.db.TryLease(ctx, "dispatcherX1", "p9", t0, t0.Add(time.Hour))
	must(t, err)
	n, err := e.db.LiveLeases(ctx, "dispatcher:", t0)
	must(t, err)
	if n != 2 {
		t.Fatalf("live at t0: %d, want 2 (one expired)", n)
	}
	// The expired one was deleted; the one that expires next is gone after it.
	n, err = e.db.LiveLeases(ctx, "dispatcher:", t0.Add(90*time.Second))
	must(t, err)
	if n != 1 {
		t.Fatalf("live at +90s: %d, want 1", n)
	}
	if ok, err := e.db.TryLease(ctx, "job:due-digests", "p1", t0, t0.Add(time.Hour)); err != nil || ok {
		t.Fatalf("another family's lease was touched: %v %v", ok, err)
	}
}

func testLeases(e *env) {
	t, ctx := e.t, e.ctx
	try := func(holder string, now time.Time, want bool) {
		t.Helper()
		ok, err := e.db.TryLease(ctx, "feeds", holder, now, now.Add(time.Minute))
		must(t, err)
		if ok != want {
			t.Fatalf("%s at %v: got %v, want %v", holder, now.Sub(t0), ok, want)
		}
	}
	try("a", t0, true)
	try("b", t0.Add(30*time.Second), false)
	try("a", t0.Add(30*time.Second), true) // renew to +90s
	try("b", t0.Add(89*time.Second), false)
	try("b", t0.Add(90*time.Second), true)
	try("a", t0.Add(91*time.Second), false)
	must(t, e.db.ReleaseLease(ctx, "feeds", "a")) // not a's: no effect
	try("a", t0.Add(92*time.Second), false)
	must(t, e.db.ReleaseLease(ctx, "feeds", "b"))
	try("a", t0.Add(93*time.Second), true)

	// Racing processes: exactly one wins.
	other := e.open()
	var wins int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range 8 {
		db := e.db
		if i%2 == 1 {
			db = other
		}
		wg.Go(func() {
			ok, err := db.TryLease(ctx, "digests", fmt.Sprint("h", i), t0, t0.Add(time.Minute))
			if err != nil {
				t.Error(err)
			}
			if ok {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if wins != 1 {
		t.Fatalf("%d holders won the lease", wins)
	}
}

func testCursors(e *env) {
	t, ctx := e.t, e.ctx
	v, err := e.db.GetCursor(ctx, "alerts")
	must(t, err)
	if v != 0 {
		t.Fatalf("unset cursor %d", v)
	}
	must(t, e.db.SetCursor(ctx, "alerts", 41))
	must(t, e.db.SetCursor(ctx, "alerts", 1<<40))
	must(t, e.db.SetCursor(ctx, "other", 3))
	v, err = e.db.GetCursor(ctx, "alerts")
	must(t, err)
	if v != 1<<40 {
		t.Fatalf("cursor %d", v)
	}
}

func testErrors(e *env) {
	t, ctx := e.t, e.ctx
	db := e.open()
	must(t, db.Close())
	_, err := db.CountArticles(ctx)
	if err == nil || !strings.HasPrefix(err.Error(), "store: ") || briefings.ErrorCode(err) != briefings.EINTERNAL {
		t.Fatalf("closed db error: %v", err)
	}
	if errors.Unwrap(err) == nil || briefings.ErrorMessage(err) != "Internal error." {
		t.Fatalf("internal detail leaks: %q", briefings.ErrorMessage(err))
	}
	if d := e.db.Dialect(); d != store.SQLite && d != store.Postgres {
		t.Fatalf("dialect %q", d)
	}
}

func testAddArticles(e *env) {
	t, ctx := e.t, e.ctx
	a := e.source("Batch A")
	b := e.source("Batch B")
	first := article(a, 1, t0, "Batch first")
	first.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Launched: briefings.Counts{Drones: briefings.IntPtr(5)}}}
	dup := article(a, 1, t0, "Batch first again") // same URL as first
	wire := article(b, 2, t0.Add(time.Hour), "Batch wire copy")
	wire.ContentHash = first.ContentHash
	other := article(b, 3, t0, "Batch other")
	res, err := e.db.AddArticles(ctx, []*briefings.Article{first, dup, wire, other})
	must(t, err)
	if len(res) != 4 || !res[0].Created || res[1].Created || res[1].ID != first.ID || res[1].Duplicate != "url" ||
		!res[2].Created || res[2].CopyOf != first.ID || res[2].StoryID != first.StoryID || !res[3].Created {
		t.Fatalf("batch results %+v", res)
	}
	if first.Attacks[0].ID == 0 || wire.CopyOf != first.ID || other.ID != res[3].ID {
		t.Fatalf("articles not updated: %+v %+v", first, wire)
	}
	// All or nothing: a bad story id fails the whole batch.
	ok := article(a, 10, t0, "Would be fine")
	bad := article(a, 11, t0, "Bad story")
	bad.StoryID = 424242
	_, err = e.db.AddArticles(ctx, []*briefings.Article{ok, bad})
	wantCode(t, err, briefings.ENOTFOUND)
	if n, _ := e.db.CountArticles(ctx); n != 3 {
		t.Fatalf("%d articles after failed batch, want 3", n)
	}
	if res, err := e.db.AddArticles(ctx, nil); err != nil || len(res) != 0 {
		t.Fatalf("empty batch: %v %v", res, err)
	}

	// Overlapping batches from two processes store each article once.
	otherDB := e.open()
	var wg sync.WaitGroup
	batches := make([][]briefings.AddResult, 4)
	for w := range batches {
		db := e.db
		if w%2 == 1 {
			db = otherDB
		}
		wg.Go(func() {
			var arts []*briefings.Article
			for i := range 20 {
				n := (i*7 + w*3) % 20 // every batch holds the same 20, in its own order
				art := article(b, 100+n, t0, fmt.Sprint("Overlap ", n))
				if n%2 == 0 {
					art.ContentHash = "" // only URL and GUID keys
				}
				arts = append(arts, art)
			}
			r, err := db.AddArticles(ctx, arts)
			if err != nil {
				t.Error(err)
				return
			}
			batches[w] = r
		})
	}
	wg.Wait()
	created := 0
	for _, r := range batches {
		for _, x := range r {
			if x.Created {
				created++
			}
		}
	}
	if created != 20 {
		t.Fatalf("%d created across overlapping batches, want 20", created)
	}
	var stories int
	must(t, e.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM stories`).Scan(&stories))
	if n, _ := e.db.CountArticles(ctx); n != 23 || stories != 22 {
		t.Fatalf("%d articles in %d stories, want 23 in 22", n, stories)
	}
}

// testChannelPosts covers what a channel source needs: the newest post id
// kept per source (it only grows), articles found by GUID, an edited post
// revised in place with new report ids, and quiet (back-filled) reports.
func testChannelPosts(e *env) {
	t, ctx := e.t, e.ctx
	src := &briefings.Source{Name: "Test channel", URL: "https://t.me/s/testchan", Kind: briefings.SourceChannel, Enabled: true}
	must(t, e.db.UpsertSource(ctx, src))
	for _, id := range []int64{120, 90, 0} {
		must(t, e.db.RecordFetch(ctx, src.ID, briefings.FetchResult{At: t0, OK: true, NextCheckAt: t0.Add(time.Minute), LastPostID: id}))
	}
	src.Name = "Renamed channel"
	must(t, e.db.UpsertSource(ctx, src)) // settings only: the post id stays
	got, err := e.db.GetSource(ctx, src.ID)
	must(t, err)
	if got.LastPostID != 120 || got.Name != "Renamed channel" {
		t.Fatalf("last post id %d (want 120, never lower), name %q", got.LastPostID, got.Name)
	}

	report := func(drones int) briefings.AttackReport {
		return briefings.AttackReport{Attacker: "RU", Target: "UA", Date: "2026-03-14", Period: "overnight",
			Launched: briefings.Counts{Drones: briefings.IntPtr(drones)}, Scope: briefings.ScopeNational}
	}
	quiet := article(src, 119, t0, "An older post read by the back-fill")
	quiet.GUID, quiet.NoAlert = "testchan/119", true
	quiet.Attacks = []briefings.AttackReport{report(40)}
	e.add(quiet)
	live := article(src, 120, t0.Add(time.Hour), "The newest post")
	live.GUID, live.Origin = "testchan/120", "Other News <https://t.me/othernews/7>"
	live.Attacks = []briefings.AttackReport{report(143)}
	e.add(live)
	oldID := live.Attacks[0].ID

	found, err := e.db.ListArticles(ctx, briefings.ArticleFilter{SourceID: src.ID, GUIDs: []string{"testchan/120", "testchan/999"}})
	must(t, err)
	if len(found) != 1 || found[0].ID != live.ID || found[0].Origin != live.Origin || found[0].ContentHash != live.ContentHash {
		t.Fatalf("by GUID: %+v", found)
	}

	live.Body = "The newest post, edited: the count is now higher."
	live.ContentHash = "hash-edited"
	live.Attacks = []briefings.AttackReport{report(146)}
	live.RevisedAt = t0.Add(2 * time.Hour)
	must(t, e.db.ReviseArticle(ctx, live))
	if live.Attacks[0].ID <= oldID {
		t.Fatalf("revised report id %d, want above %d", live.Attacks[0].ID, oldID)
	}
	after, err := e.db.AttackReportsAfter(ctx, 0, 10)
	must(t, err)
	if len(after) != 2 || after[0].NoAlert != true || after[1].NoAlert || *after[1].Launched.Drones != 146 ||
		!after[1].RevisedAt.Equal(t0.Add(2*time.Hour)) || !after[1].PublishedAt.Equal(t0.Add(time.Hour)) || after[1].ArticleID != live.ID {
		t.Fatalf("reports after the revision: %+v", after)
	}
	a, err := e.db.GetArticle(ctx, live.ID)
	must(t, err)
	if a.Body != live.Body || a.ContentHash != "hash-edited" || a.StoryID != live.StoryID || len(a.Attacks) != 1 {
		t.Fatalf("revised article: %+v", a)
	}
	if hits, err := e.db.SearchArticles(ctx, "edited", 5); err != nil || len(hits) != 1 {
		t.Fatalf("search after the revision: %v %v", hits, err)
	}
	wantCode(t, e.db.ReviseArticle(ctx, &briefings.Article{ID: 4242, SourceID: src.ID}), briefings.ENOTFOUND)
}

// testPrimaryReports: a report is its source's own as the attacked side's
// military when the source is primary for the report's target and the post
// is not forwarded.
func testPrimaryReports(e *env) {
	t, ctx := e.t, e.ctx
	src := &briefings.Source{Name: "Air Command", URL: "https://t.me/s/testaircommand", Kind: briefings.SourceChannel, Enabled: true, PrimaryFor: "UA"}
	must(t, e.db.UpsertSource(ctx, src))
	got, err := e.db.GetSource(ctx, src.ID)
	must(t, err)
	if got.PrimaryFor != "UA" {
		t.Fatalf("primary_for %q", got.PrimaryFor)
	}
	own := article(src, 1, t0, "Own report")
	own.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Date: "2026-03-14"}, {Attacker: "UA", Target: "RU", Date: "2026-03-14"}}
	e.add(own)
	fwd := article(src, 2, t0, "Forwarded report")
	fwd.Origin = "Someone Else"
	fwd.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Date: "2026-03-14"}}
	e.add(fwd)
	other := e.source("Outlet")
	quote := article(other, 3, t0, "Outlet quoting")
	quote.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Date: "2026-03-14", Source: "Ukraine's Air Force"}}
	e.add(quote)
	reps, err := e.db.AttackReportsAfter(ctx, 0, 10)
	must(t, err)
	var flags []bool
	for _, r := range reps {
		flags = append(flags, r.Primary)
	}
	if fmt.Sprint(flags) != "[true false false false]" {
		t.Fatalf("primary flags %v, want own UA report only", flags)
	}
}

func testLatestVersion(e *env) {
	t, ctx := e.t, e.ctx
	chat := briefings.Chat{Platform: "telegram", ChatID: "1"}
	enq := func(key, editOf, payload string) {
		t.Helper()
		_, err := e.db.Enqueue(ctx, &briefings.Delivery{DedupeKey: key, EditOf: editOf, Chat: chat, Kind: briefings.DeliveryAlert, Payload: []byte(payload)})
		must(t, err)
	}
	_, err := e.db.LatestVersion(ctx, "alert:a")
	wantCode(t, err, briefings.ENOTFOUND)
	enq("alert:a", "", "v1")
	enq("alert:b", "", "other")
	d, err := e.db.LatestVersion(ctx, "alert:a")
	must(t, err)
	if string(d.Payload) != "v1" {
		t.Fatalf("first version %q", d.Payload)
	}
	enq("alert:a:rev:1", "alert:a", "v2")
	enq("alert:b:rev:1", "alert:b", "other v2")
	d, err = e.db.LatestVersion(ctx, "alert:a")
	must(t, err)
	if string(d.Payload) != "v2" || d.DedupeKey != "alert:a:rev:1" {
		t.Fatalf("latest version %q %q", d.DedupeKey, d.Payload)
	}
}
