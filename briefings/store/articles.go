package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings"
)

const articleCols = `a.id, a.source_id, s.name, s.show_text, s.topic, a.url, a.guid, a.title, a.teaser, a.body, a.lang,
	a.published_at, a.fetched_at, a.content_hash, a.fingerprint, a.story_id, a.copy_of,
	a.topics, a.entities, a.summary, a.origin, a.revised_at, a.relevance, a.off_topic, a.section, a.date_only`

const articleFrom = ` FROM articles a JOIN sources s ON s.id = a.source_id`

const deleteEmptyStories = `DELETE FROM stories
	WHERE NOT EXISTS (SELECT 1 FROM articles WHERE articles.story_id = stories.id)`

func scanArticle(sc interface{ Scan(...any) error }) (*briefings.Article, error) {
	var a briefings.Article
	var topics, entities, summary string
	err := sc.Scan(&a.ID, &a.SourceID, &a.SourceName, &a.ShowText, &a.SourceTopic, &a.URL, &a.GUID, &a.Title, &a.Teaser, &a.Body, &a.Lang,
		tm(&a.PublishedAt), tm(&a.FetchedAt), &a.ContentHash, &a.Fingerprint, idCol{&a.StoryID}, idCol{&a.CopyOf},
		&topics, &entities, &summary, &a.Origin, tm(&a.RevisedAt), &a.Relevance, &a.OffTopic, &a.Section, &a.DateOnly)
	if err != nil {
		return nil, err
	}
	if err := fromJSON(topics, &a.Topics); err != nil {
		return nil, fmt.Errorf("article %d topics: %w", a.ID, err)
	}
	if err := fromJSON(entities, &a.Entities); err != nil {
		return nil, fmt.Errorf("article %d entities: %w", a.ID, err)
	}
	if err := fromJSON(summary, &a.Summary); err != nil {
		return nil, fmt.Errorf("article %d summary: %w", a.ID, err)
	}
	return &a, nil
}

func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// stringsToJSON encodes v exactly as json.Marshal does ("null" for nil),
// copying plain strings directly; a string that needs escapes beyond \" and
// \\ (control characters, <, >, &, U+2028, U+2029, invalid UTF-8) sends
// the slice through encoding/json.
func stringsToJSON[S ~string](v []S) (string, error) {
	if v == nil {
		return "null", nil
	}
	n := 2
	for _, s := range v {
		n += len(s) + 3
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteByte('[')
	for i, e := range v {
		s := string(e)
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		last, ascii := 0, true
		for j := 0; j < len(s); j++ {
			switch c := s[j]; {
			case c == '"' || c == '\\':
				b.WriteString(s[last:j])
				b.WriteByte('\\')
				last = j
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				return toJSON(v)
			case c >= utf8.RuneSelf:
				ascii = false
			}
		}
		if !ascii && (!utf8.ValidString(s) || strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029")) {
			return toJSON(v)
		}
		b.WriteString(s[last:])
		b.WriteByte('"')
	}
	b.WriteByte(']')
	return b.String(), nil
}

func fromJSON(s string, v any) error {
	if s == "" || s == "null" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}

// The statements of AddArticle's transaction (prepared once on SQLite).
const (
	qLockHash    = `SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.sitrep.hash.' || $1))`
	qLockReports = `SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.sitrep.attack_reports'))`
	// qLookup is the three duplicate checks (kinds 1 to 3, by URL, GUID
	// and content hash) and the wire original (kind 4) in one query: the
	// one duplicate lookup of AddArticle, also after a lost insert race.
	qLookup = `SELECT 1, id, story_id, copy_of FROM articles WHERE url = $1 AND url <> ''
		UNION ALL SELECT 2, id, story_id, copy_of FROM articles WHERE source_id = $2 AND guid = $3 AND guid <> ''
		UNION ALL SELECT 3, id, story_id, copy_of FROM articles WHERE source_id = $2 AND content_hash = $4 AND content_hash <> ''
		UNION ALL SELECT * FROM (SELECT 4, id, story_id, copy_of FROM articles
			WHERE content_hash = $4 AND content_hash <> '' AND source_id <> $2 ORDER BY id LIMIT 1) wire`
	qNewStory    = `INSERT INTO stories (title, section, first_seen_at, last_seen_at) VALUES ($1, '', $2, $2) RETURNING id`
	qAttachStory = `UPDATE stories SET
		first_seen_at = CASE WHEN first_seen_at > $2 THEN $2 ELSE first_seen_at END,
		last_seen_at = CASE WHEN last_seen_at < $2 THEN $2 ELSE last_seen_at END
		WHERE id = $1`
	qInsertArticle = `INSERT INTO articles (source_id, url, guid, title, teaser, body, lang, published_at,
		fetched_at, content_hash, fingerprint, story_id, copy_of, topics, entities, summary, origin, revised_at,
		relevance, off_topic, section, date_only)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
	ON CONFLICT DO NOTHING RETURNING id`
	// qInsertFTS indexes a new article for full-text search (SQLite; see
	// migration 0002): a one-row insert needs no statement transaction, so
	// FTS5 keeps the batch's index data in memory until commit.
	qInsertFTS    = `INSERT INTO articles_fts (rowid, title, teaser, body) VALUES ($1, $2, $3, $4)`
	qInsertReport = `INSERT INTO attack_reports (article_id, event_key, attacker, target, attack_date,
		launched_total, cumulative, scope, data, no_alert, corrected) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`
)

// SQLite forms of the inserts above, without RETURNING: SQLite runs
// RETURNING as a trigger, which makes the INSERT a statement transaction
// that copies every page it touches to a statement journal first. The new
// row's id is the connection's last insert rowid instead.
var (
	qNewStoryLite      = strings.TrimSuffix(qNewStory, ` RETURNING id`)
	qInsertArticleLite = strings.TrimSuffix(qInsertArticle, ` RETURNING id`)
	qInsertReportLite  = strings.TrimSuffix(qInsertReport, ` RETURNING id`)
)

// txStatements are prepared at Open on SQLite (see DB.warm).
var txStatements = []string{qLookup, qNewStoryLite, qAttachStory,
	qInsertArticleLite, qInsertFTS, qInsertReportLite}

// insertID runs an INSERT of one row and returns the new row's id: query
// ends in RETURNING id, which SQLite does without (see qNewStoryLite). ok is
// false when the insert did nothing (ON CONFLICT DO NOTHING).
func (db *DB) insertID(ctx context.Context, tx runner, query string, args ...any) (id int64, ok bool, err error) {
	if db.dialect != SQLite {
		err = tx.queryRow(ctx, query, args...).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, false, nil
		}
		return id, err == nil, err
	}
	res, err := tx.exec(ctx, strings.TrimSuffix(query, ` RETURNING id`), args...)
	if err != nil {
		return 0, false, err
	}
	n, err := res.RowsAffected()
	if err != nil || n == 0 {
		return 0, false, err
	}
	id, err = res.LastInsertId()
	return id, err == nil, err
}

// errRaced says a concurrent insert won a unique key between our duplicate
// check and our insert.
var errRaced = errors.New("store: concurrent insert of the same article")

// AddArticle stores a with its attack reports in one transaction (see
// briefings.ArticleStore for the dedupe rules). A zero FetchedAt becomes now
// and a zero PublishedAt becomes FetchedAt, so every article has a time for
// digest windows. It sets a.ID, a.StoryID and a.CopyOf, and the ID and
// ArticleID of each attack report; on a duplicate it sets a.ID and a.StoryID
// to the stored article's.
func (db *DB) AddArticle(ctx context.Context, a *briefings.Article) (briefings.AddResult, error) {
	res, err := db.addArticles(ctx, []*briefings.Article{a})
	if err != nil {
		return briefings.AddResult{}, wrap("add article", err)
	}
	return res[0], nil
}

// AddArticles is AddArticle for many articles in one transaction: all are
// stored or, on an error, none. An article may duplicate an earlier one of
// the same batch. One commit for many articles is several times faster than
// one commit each on SQLite.
func (db *DB) AddArticles(ctx context.Context, arts []*briefings.Article) ([]briefings.AddResult, error) {
	res, err := db.addArticles(ctx, arts)
	return res, wrap("add articles", err)
}

// articleInput is an article checked and encoded for insertion.
type articleInput struct {
	a       *briefings.Article
	enc     [3]string // topics, entities, summary
	reports []briefings.AttackReport
}

func (db *DB) addArticles(ctx context.Context, arts []*briefings.Article) ([]briefings.AddResult, error) {
	ins := make([]articleInput, len(arts))
	for i, a := range arts {
		in, err := db.articleInput(a)
		if err != nil {
			return nil, err
		}
		ins[i] = in
	}
	results := make([]briefings.AddResult, len(ins))
	err := db.withTx(ctx, func(tx runner) error {
		if err := db.lockHashes(ctx, tx, ins); err != nil {
			return err
		}
		for i, in := range ins {
			res, err := db.addOrFind(ctx, tx, in)
			if err != nil {
				return err
			}
			results[i] = res
		}
		return db.indexForSearch(ctx, tx, ins, results)
	})
	if err != nil {
		return nil, err
	}
	for i, in := range ins {
		res, a := results[i], in.a
		a.ID, a.StoryID = res.ID, res.StoryID
		if res.Created {
			a.CopyOf = res.CopyOf
			copy(a.Attacks, in.reports)
		}
	}
	return results, nil
}

// articleInput checks a, fills its times (a zero FetchedAt is now, a zero
// PublishedAt is FetchedAt) and encodes its lists.
func (db *DB) articleInput(a *briefings.Article) (articleInput, error) {
	if a.SourceID == 0 {
		return articleInput{}, briefings.Errorf(briefings.EINVALID, "An article needs a source.")
	}
	if a.FetchedAt.IsZero() {
		a.FetchedAt = db.now()
	}
	if a.PublishedAt.IsZero() {
		a.PublishedAt = a.FetchedAt
	}
	in := articleInput{a: a, reports: append([]briefings.AttackReport(nil), a.Attacks...)}
	var err [3]error
	in.enc[0], err[0] = stringsToJSON(a.Topics)
	in.enc[1], err[1] = toJSON(a.Entities)
	in.enc[2], err[2] = stringsToJSON(a.Summary)
	if err := errors.Join(err[:]...); err != nil {
		return articleInput{}, fmt.Errorf("encode: %w", err)
	}
	return in, nil
}

// lockHashes takes a batch's content-hash locks (PostgreSQL) in one order,
// so that two batches never wait for each other in a cycle.
func (db *DB) lockHashes(ctx context.Context, tx runner, ins []articleInput) error {
	if db.dialect != Postgres || len(ins) < 2 {
		return nil
	}
	hashes := make([]string, 0, len(ins))
	for _, in := range ins {
		if in.a.ContentHash != "" {
			hashes = append(hashes, in.a.ContentHash)
		}
	}
	sort.Strings(hashes)
	for _, h := range slices.Compact(hashes) {
		if _, err := tx.exec(ctx, qLockHash, h); err != nil {
			return err
		}
	}
	return nil
}

// addOrFind adds one article, or finds the one it duplicates. When another
// transaction committed the same article first (PostgreSQL; SQLite writers
// never overlap), the story this one created is dropped and theirs is the
// duplicate: under READ COMMITTED the next statement sees it.
func (db *DB) addOrFind(ctx context.Context, tx runner, in articleInput) (briefings.AddResult, error) {
	res, created, err := db.addArticleTx(ctx, tx, in)
	if !errors.Is(err, errRaced) {
		return res, err
	}
	if created != 0 {
		if _, err := tx.exec(ctx, `DELETE FROM stories WHERE id = $1`, created); err != nil {
			return res, err
		}
	}
	if res, _, err = lookupArticle(ctx, tx, in.a); err == nil && res.ID == 0 {
		err = errRaced
	}
	return res, err
}

// indexForSearch indexes the new articles for full-text search (SQLite),
// last: at a statement transaction (a statement with triggers, RETURNING
// or several rows) FTS5 writes its pending data out as a new segment, and
// the inserts before must stay free to use one.
func (db *DB) indexForSearch(ctx context.Context, tx runner, ins []articleInput, results []briefings.AddResult) error {
	if db.dialect != SQLite {
		return nil
	}
	for i, in := range ins {
		if res := results[i]; res.Created {
			if _, err := tx.exec(ctx, qInsertFTS, res.ID, in.a.Title, in.a.Teaser, in.a.Body); err != nil {
				return fmt.Errorf("index article: %w", err)
			}
		}
	}
	return nil
}

// addArticleTx adds one article in tx. On errRaced it also returns the id of
// the story it created for the article (0 when it attached to one).
func (db *DB) addArticleTx(ctx context.Context, tx runner, in articleInput) (res briefings.AddResult, createdStory int64, err error) {
	a, enc, reports := in.a, in.enc, in.reports
	if db.dialect == Postgres && a.ContentHash != "" {
		// Serialize adds of the same text so that two outlets' copies
		// arriving at once still end in one story.
		if _, err := tx.exec(ctx, qLockHash, a.ContentHash); err != nil {
			return res, 0, err
		}
	}
	res, wire, err := lookupArticle(ctx, tx, a)
	if err != nil || res.ID != 0 {
		return res, 0, err
	}

	storyID := a.StoryID
	var copyOf int64
	if wire.ID != 0 {
		copyOf, storyID = wire.ID, wire.StoryID
		if wire.CopyOf != 0 {
			copyOf = wire.CopyOf
		}
	}

	at := a.PublishedAt
	if storyID == 0 {
		id, ok, err := db.insertID(ctx, tx, qNewStory, a.Title, at)
		if err == nil && !ok {
			err = errors.New("story not inserted")
		}
		if err != nil {
			return res, 0, err
		}
		storyID, createdStory = id, id
	} else {
		n, err := tx.affected(ctx, qAttachStory, storyID, at)
		if err != nil {
			return res, 0, err
		}
		if n == 0 {
			return res, 0, notFound("Story %d not found.", storyID)
		}
	}

	id, ok, err := db.insertID(ctx, tx, qInsertArticle,
		a.SourceID, a.URL, a.GUID, a.Title, a.Teaser, a.Body, a.Lang, a.PublishedAt,
		a.FetchedAt, a.ContentHash, a.Fingerprint, storyID, nullID(copyOf), enc[0], enc[1], enc[2], a.Origin, a.RevisedAt,
		a.Relevance, a.OffTopic, a.Section, a.DateOnly)
	if err != nil {
		return res, 0, err
	}
	if !ok {
		return res, createdStory, errRaced
	}

	if err := db.insertReports(ctx, tx, a, id, reports); err != nil {
		return res, 0, err
	}
	return briefings.AddResult{ID: id, StoryID: storyID, Created: true, CopyOf: copyOf}, 0, nil
}

// insertReports inserts the attack reports of article a (stored as id) and
// sets their ID and ArticleID.
func (db *DB) insertReports(ctx context.Context, tx runner, a *briefings.Article, id int64, reports []briefings.AttackReport) error {
	if len(reports) > 0 && db.dialect == Postgres {
		// Report ids must grow in commit order: the alert job reads them
		// with a cursor (AttackReportsAfter) and must never skip one that
		// committed late.
		if _, err := tx.exec(ctx, qLockReports); err != nil {
			return err
		}
	}
	for i := range reports {
		r := &reports[i]
		r.ArticleID = id
		data, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("encode attack report: %w", err)
		}
		keyed := *r
		if keyed.PublishedAt.IsZero() {
			keyed.PublishedAt = a.PublishedAt
		}
		var total any
		if n, ok := r.LaunchedTotal(); ok {
			total = n
		}
		rid, ok, err := db.insertID(ctx, tx, qInsertReport,
			id, keyed.EventKey(), r.Attacker, r.Target, r.Date, total, r.Cumulative, r.Scope, string(data), a.NoAlert || r.NoAlert, r.Corrected)
		if err == nil && !ok {
			err = errors.New("no row inserted")
		}
		if err != nil {
			return fmt.Errorf("insert attack report: %w", err)
		}
		r.ID = rid
	}
	return nil
}

// lookupArticle finds the stored article a duplicates (by URL, by source
// and GUID, by source and content hash, in that order of precedence) and
// the wire original of a (the oldest article of another source with a's
// content hash) in one query: on a duplicate dup is set, else wire is the
// original (zero when none).
func lookupArticle(ctx context.Context, q runner, a *briefings.Article) (dup, wire briefings.AddResult, err error) {
	rows, err := q.query(ctx, qLookup, a.URL, a.SourceID, a.GUID, a.ContentHash)
	if err != nil {
		return dup, wire, err
	}
	defer rows.Close()
	best := len(dupReasons)
	for rows.Next() {
		var kind int
		var id, story, of int64
		if err := rows.Scan(&kind, &id, idCol{&story}, idCol{&of}); err != nil {
			return dup, wire, err
		}
		switch {
		case kind >= 1 && kind <= len(dupReasons) && kind-1 < best:
			best = kind - 1
			dup = briefings.AddResult{ID: id, StoryID: story, Duplicate: dupReasons[best]}
		case kind == len(dupReasons)+1:
			wire = briefings.AddResult{ID: id, StoryID: story, CopyOf: of}
		}
	}
	if err := rows.Err(); err != nil {
		return briefings.AddResult{}, briefings.AddResult{}, err
	}
	if dup.ID != 0 {
		wire = briefings.AddResult{}
	}
	return dup, wire, nil
}

// dupReasons are the AddResult.Duplicate values of qLookup's kinds 1 to 3,
// in the order the checks apply.
var dupReasons = [...]string{"url", "guid", "content"}

// GetArticle returns the article with id and its attack reports, or ENOTFOUND.
func (db *DB) GetArticle(ctx context.Context, id int64) (*briefings.Article, error) {
	var out []*briefings.Article
	err := db.withReadTx(ctx, func(tx runner) error {
		var err error
		out, err = queryArticles(ctx, tx, `SELECT `+articleCols+articleFrom+` WHERE a.id = $1`, id)
		if err != nil {
			return err
		}
		return loadAttacks(ctx, tx, out)
	})
	if err != nil {
		return nil, wrap("get article", err)
	}
	if len(out) == 0 {
		return nil, notFound("Article %d not found.", id)
	}
	return out[0], nil
}

// ListArticles returns articles matching f, newest published first, with
// their source names and attack reports.
func (db *DB) ListArticles(ctx context.Context, f briefings.ArticleFilter) ([]*briefings.Article, error) {
	var conds []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, fmt.Sprintf(cond, len(args)))
	}
	if !f.Since.IsZero() {
		add("a.published_at >= $%d", f.Since)
	}
	if !f.Until.IsZero() {
		add("a.published_at < $%d", f.Until)
	}
	if f.OnTopic {
		conds = append(conds, "NOT a.off_topic")
	}
	if f.SourceID != 0 {
		add("a.source_id = $%d", f.SourceID)
	}
	if f.StoryID != 0 {
		add("a.story_id = $%d", f.StoryID)
	}
	if len(f.GUIDs) > 0 {
		first := len(args) + 1
		for _, g := range f.GUIDs {
			args = append(args, g)
		}
		conds = append(conds, "a.guid IN ("+placeholders(first, len(f.GUIDs))+")")
	}
	q := `SELECT ` + articleCols + articleFrom
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, " AND ")
	}
	args = append(args, noLimit(f.Limit), max(f.Offset, 0))
	q += fmt.Sprintf(` ORDER BY a.published_at DESC, a.id DESC LIMIT $%d OFFSET $%d`, len(args)-1, len(args))

	var out []*briefings.Article
	err := db.withReadTx(ctx, func(tx runner) error {
		var err error
		out, err = queryArticles(ctx, tx, q, args...)
		if err != nil {
			return err
		}
		return loadAttacks(ctx, tx, out)
	})
	return out, wrap("list articles", err)
}

func queryArticles(ctx context.Context, r runner, q string, args ...any) ([]*briefings.Article, error) {
	rows, err := r.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*briefings.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// loadAttacks fills the Attacks of arts, a few hundred ids per query.
func loadAttacks(ctx context.Context, r runner, arts []*briefings.Article) error {
	byID := make(map[int64]*briefings.Article, len(arts))
	ids := make([]any, 0, len(arts))
	for _, a := range arts {
		if _, ok := byID[a.ID]; !ok {
			byID[a.ID] = a
			ids = append(ids, a.ID)
		}
	}
	const chunk = 500
	for len(ids) > 0 {
		n := min(chunk, len(ids))
		reps, err := queryReports(ctx, r, `SELECT `+reportCols+reportFrom+
			` WHERE r.article_id IN (`+placeholders(1, n)+`) ORDER BY r.id`, ids[:n]...)
		if err != nil {
			return err
		}
		for _, rep := range reps {
			a := byID[rep.ArticleID]
			a.Attacks = append(a.Attacks, *rep)
		}
		ids = ids[n:]
	}
	return nil
}

// SearchArticles is full-text search over title, teaser and body, best match
// first (bm25 on SQLite, ts_rank on PostgreSQL). The query is reduced to its
// words, all of which must match; search syntax in it is never interpreted,
// so any input is safe. Wire copies are left out: their originals match.
func (db *DB) SearchArticles(ctx context.Context, query string, limit int) ([]*briefings.Article, error) {
	return db.search(ctx, query, limit, false)
}

// SearchArticlesAny is SearchArticles for articles holding any of the
// query's words, best match (most of them, title first) first.
func (db *DB) SearchArticlesAny(ctx context.Context, query string, limit int) ([]*briefings.Article, error) {
	return db.search(ctx, query, limit, true)
}

func (db *DB) search(ctx context.Context, query string, limit int, anyWord bool) ([]*briefings.Article, error) {
	terms := searchTerms(query)
	if len(terms) == 0 {
		return nil, nil
	}
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + t + `"`
	}
	sep := " " // both FTS5 and websearch_to_tsquery read juxtaposition as AND
	if anyWord {
		sep = " OR " // FTS5's operator; websearch_to_tsquery takes "or" in any case
	}
	match := strings.Join(quoted, sep)
	var q string
	if db.dialect == SQLite {
		q = `SELECT ` + articleCols + ` FROM articles_fts
			JOIN articles a ON a.id = articles_fts.rowid JOIN sources s ON s.id = a.source_id
			WHERE articles_fts MATCH $1 AND a.copy_of IS NULL
			ORDER BY bm25(articles_fts, 4.0, 2.0, 1.0), a.published_at DESC, a.id DESC LIMIT $2`
	} else {
		q = `SELECT ` + articleCols + articleFrom + ` CROSS JOIN websearch_to_tsquery('english', $1) AS query
			WHERE a.search @@ query AND a.copy_of IS NULL
			ORDER BY ts_rank(a.search, query) DESC, a.published_at DESC, a.id DESC LIMIT $2`
	}
	out, err := queryArticles(ctx, db.reader(), q, match, noLimit(limit))
	return out, wrap("search articles", err)
}

// maxSearchTerms bounds the work one search can ask for.
const maxSearchTerms = 16

// searchTerms splits a user's query into words (letters, digits and marks),
// lower-cased, at most maxSearchTerms of at most 64 bytes each.
func searchTerms(query string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(query, func(r rune) bool { return !isWordRune(r) }) {
		w = strings.ToLower(w)
		if len(w) > 64 {
			w = truncateUTF8(w, 64)
		}
		if seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
		if len(out) == maxSearchTerms {
			break
		}
	}
	return out
}

// CountArticles returns the number of stored articles.
func (db *DB) CountArticles(ctx context.Context) (int, error) {
	var n int
	err := db.reader().queryRow(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n)
	return n, wrap("count articles", err)
}

// ListFingerprints returns ID, StoryID, SourceID, Title, Fingerprint and
// PublishedAt of articles published since t, oldest first.
func (db *DB) ListFingerprints(ctx context.Context, since time.Time) ([]*briefings.Article, error) {
	rows, err := db.reader().query(ctx, `SELECT id, story_id, source_id, title, fingerprint, published_at
		FROM articles WHERE published_at >= $1 ORDER BY published_at, id`, since)
	if err != nil {
		return nil, wrap("list fingerprints", err)
	}
	defer rows.Close()
	var out []*briefings.Article
	for rows.Next() {
		var a briefings.Article
		if err := rows.Scan(&a.ID, idCol{&a.StoryID}, &a.SourceID, &a.Title, &a.Fingerprint, tm(&a.PublishedAt)); err != nil {
			return nil, wrap("list fingerprints", err)
		}
		out = append(out, &a)
	}
	return out, wrap("list fingerprints", rows.Err())
}

// ListStories returns the stories whose last article falls in [Since, Until),
// most recently updated first, each with all its articles oldest first (and
// their attack reports). It runs three queries whatever the number of stories.
// The articles' Entities are not loaded: a story's readers (the digest) do
// not use them, and decoding them was a large share of the call.
func (db *DB) ListStories(ctx context.Context, f briefings.StoryFilter) ([]*briefings.Story, error) {
	var conds []string
	var args []any
	if !f.Since.IsZero() {
		args = append(args, f.Since)
		conds = append(conds, fmt.Sprintf("last_seen_at >= $%d", len(args)))
	}
	if !f.Until.IsZero() {
		args = append(args, f.Until)
		conds = append(conds, fmt.Sprintf("last_seen_at < $%d", len(args)))
	}
	args = append(args, noLimit(f.Limit))
	window := ` FROM stories`
	if len(conds) > 0 {
		window += ` WHERE ` + strings.Join(conds, " AND ")
	}
	window += fmt.Sprintf(` ORDER BY last_seen_at DESC, id DESC LIMIT $%d`, len(args))

	var stories []*briefings.Story
	err := db.withReadTx(ctx, func(tx runner) error {
		rows, err := tx.query(ctx, `SELECT id, title, section, first_seen_at, last_seen_at`+window, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		byID := map[int64]*briefings.Story{}
		for rows.Next() {
			var s briefings.Story
			if err := rows.Scan(&s.ID, &s.Title, &s.Section, tm(&s.FirstSeenAt), tm(&s.LastSeenAt)); err != nil {
				return err
			}
			stories = append(stories, &s)
			byID[s.ID] = &s
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(stories) == 0 {
			return nil
		}
		arts, err := queryStoryArticles(ctx, tx, `SELECT `+storyArticleCols+articleFrom+`
			WHERE a.story_id IN (SELECT id`+window+`) ORDER BY a.story_id, a.published_at, a.id`, args...)
		if err != nil {
			return err
		}
		// The reports of the same stories in one query (not chunks of
		// article ids, whose long IN lists cost a prepare each).
		reps, err := queryReports(ctx, tx, `SELECT `+reportCols+reportFrom+`
			WHERE a.story_id IN (SELECT id`+window+`) ORDER BY r.id`, args...)
		if err != nil {
			return err
		}
		artByID := make(map[int64]*briefings.Article, len(arts))
		for _, a := range arts {
			artByID[a.ID] = a
		}
		for _, rep := range reps {
			if a := artByID[rep.ArticleID]; a != nil {
				a.Attacks = append(a.Attacks, *rep)
			}
		}
		for _, a := range arts {
			if s := byID[a.StoryID]; s != nil {
				s.Articles = append(s.Articles, *a)
			}
		}
		return nil
	})
	if err != nil {
		return nil, wrap("list stories", err)
	}
	return stories, nil
}

// storyArticleCols are the columns ListStories reads: articleCols without
// the entities.
const storyArticleCols = `a.id, a.source_id, s.name, s.show_text, s.topic, a.url, a.guid, a.title, a.teaser, a.body, a.lang,
	a.published_at, a.fetched_at, a.content_hash, a.fingerprint, a.story_id, a.copy_of,
	a.topics, a.summary, a.origin, a.revised_at, a.relevance, a.off_topic, a.section, a.date_only`

// queryStoryArticles runs q, which selects storyArticleCols, and decodes
// the rows.
func queryStoryArticles(ctx context.Context, r runner, q string, args ...any) ([]*briefings.Article, error) {
	rows, err := r.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*briefings.Article
	var topics, summary string
	for rows.Next() {
		a := new(briefings.Article)
		err := rows.Scan(&a.ID, &a.SourceID, &a.SourceName, &a.ShowText, &a.SourceTopic, &a.URL, &a.GUID, &a.Title, &a.Teaser, &a.Body, &a.Lang,
			tm(&a.PublishedAt), tm(&a.FetchedAt), &a.ContentHash, &a.Fingerprint, idCol{&a.StoryID}, idCol{&a.CopyOf},
			&topics, &summary, &a.Origin, tm(&a.RevisedAt), &a.Relevance, &a.OffTopic, &a.Section, &a.DateOnly)
		if err != nil {
			return nil, err
		}
		if a.Topics, err = listJSON[briefings.Topic](topics); err != nil {
			return nil, fmt.Errorf("article %d topics: %w", a.ID, err)
		}
		if a.Summary, err = stringsJSON(summary); err != nil {
			return nil, fmt.Errorf("article %d summary: %w", a.ID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// stringsJSON decodes a JSON array of strings as fromJSON does. The arrays
// json.Marshal writes for plain text (no escapes) are split directly; any
// other input goes through encoding/json.
func stringsJSON(s string) ([]string, error) { return listJSON[string](s) }

// listJSON is stringsJSON for any string type (topics).
func listJSON[S ~string](s string) ([]S, error) {
	if s == "" || s == "null" {
		return nil, nil
	}
	if out, ok := plainStrings[S](s); ok {
		return out, nil
	}
	var out []S
	err := json.Unmarshal([]byte(s), &out)
	return out, err
}

// plainStrings splits `["a","b"]` when no string holds an escape and the
// text is valid UTF-8; ok is false for anything else.
func plainStrings[S ~string](s string) (out []S, ok bool) {
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' || strings.IndexByte(s, '\\') >= 0 || !utf8.ValidString(s) {
		return nil, false
	}
	rest := s[1 : len(s)-1]
	out = make([]S, 0, strings.Count(rest, `","`)+1)
	if rest == "" {
		return out, true
	}
	for {
		if len(rest) < 2 || rest[0] != '"' {
			return nil, false
		}
		end := strings.IndexByte(rest[1:], '"')
		if end < 0 {
			return nil, false
		}
		v := rest[1 : 1+end]
		for i := 0; i < len(v); i++ {
			if v[i] < 0x20 {
				return nil, false // json.Marshal escapes control characters
			}
		}
		out = append(out, S(v))
		rest = rest[2+end:]
		if rest == "" {
			return out, true
		}
		if rest[0] != ',' {
			return nil, false
		}
		rest = rest[1:]
	}
}

// PruneArticles deletes articles fetched before t, their attack reports, and
// the stories left empty. It returns the number of articles deleted.
func (db *DB) PruneArticles(ctx context.Context, before time.Time) (int, error) {
	var n int64
	err := db.withTx(ctx, func(tx runner) error {
		var err error
		if n, err = tx.affected(ctx, `DELETE FROM articles WHERE fetched_at < $1`, before); err != nil {
			return err
		}
		_, err = tx.exec(ctx, deleteEmptyStories)
		return err
	})
	return int(n), wrap("prune articles", err)
}
