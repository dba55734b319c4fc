package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings"
)

// reportCols ends with whether the report is its source's own as the
// attacked side's military (see briefings.AttackReport.Primary) and whether
// its article gives a day without a time (AttackReport.DateOnly).
const reportCols = `r.id, r.article_id, r.data, s.name, a.url, a.published_at, a.revised_at, r.no_alert, r.corrected,
	(s.primary_for <> '' AND s.primary_for = r.target AND a.origin = ''), a.date_only`

const reportFrom = ` FROM attack_reports r JOIN articles a ON a.id = r.article_id JOIN sources s ON s.id = a.source_id`

func queryReports(ctx context.Context, q runner, query string, args ...any) ([]*briefings.AttackReport, error) {
	rows, err := q.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*briefings.AttackReport
	for rows.Next() {
		var id, articleID int64
		var data, source, url string
		var published, revised time.Time
		var noAlert, corrected, primary, dateOnly bool
		if err := rows.Scan(&id, &articleID, &data, &source, &url, tm(&published), tm(&revised), &noAlert, &corrected, &primary, &dateOnly); err != nil {
			return nil, err
		}
		var r briefings.AttackReport
		if err := json.Unmarshal([]byte(data), &r); err != nil {
			return nil, fmt.Errorf("attack report %d: %w", id, err)
		}
		r.ID, r.ArticleID, r.SourceName, r.ArticleURL, r.PublishedAt = id, articleID, source, url, published
		r.RevisedAt, r.NoAlert, r.Primary, r.Corrected, r.DateOnly = revised, noAlert, primary, corrected, dateOnly
		out = append(out, &r)
	}
	return out, rows.Err()
}

// ListAttackReports returns the reports of articles published in
// [since, until), oldest article first; a zero bound does not limit.
// Reports of off-topic articles are left out.
func (db *DB) ListAttackReports(ctx context.Context, since, until time.Time) ([]*briefings.AttackReport, error) {
	q := `SELECT ` + reportCols + reportFrom + ` WHERE NOT a.off_topic AND a.published_at >= $1`
	args := []any{since}
	if !until.IsZero() {
		q += ` AND a.published_at < $2`
		args = append(args, until)
	}
	out, err := queryReports(ctx, db.reader(), q+` ORDER BY a.published_at, r.id`, args...)
	return out, wrap("list attack reports", err)
}

// AttackReportsAfter returns up to limit reports with ID > afterID in ID
// order. IDs grow in commit order (on PostgreSQL AddArticle serializes report
// inserts), so a cursor over them never skips a report. Reports of
// off-topic articles are left out (no alert is sent for them).
func (db *DB) AttackReportsAfter(ctx context.Context, afterID int64, limit int) ([]*briefings.AttackReport, error) {
	out, err := queryReports(ctx, db.reader(), `SELECT `+reportCols+reportFrom+
		` WHERE r.id > $1 AND NOT a.off_topic ORDER BY r.id LIMIT $2`, afterID, noLimit(limit))
	return out, wrap("attack reports after", err)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// truncateUTF8 cuts s to at most n bytes without splitting a rune.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
