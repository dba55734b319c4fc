package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// ReviseArticle replaces the stored text of article a.ID and what was
// derived from it, and its attack reports, in one transaction (see
// briefings.ArticleStore). The new reports get new ids, after every report
// stored so far, so the alert scan reads the event again. A zero RevisedAt
// becomes now.
func (db *DB) ReviseArticle(ctx context.Context, a *briefings.Article) error {
	if a.ID == 0 {
		return briefings.Errorf(briefings.EINVALID, "A revised article needs its id.")
	}
	if a.RevisedAt.IsZero() {
		a.RevisedAt = db.now()
	}
	var enc [3]string
	var errs [3]error
	enc[0], errs[0] = stringsToJSON(a.Topics)
	enc[1], errs[1] = toJSON(a.Entities)
	enc[2], errs[2] = stringsToJSON(a.Summary)
	if err := errors.Join(errs[:]...); err != nil {
		return wrap("revise article", fmt.Errorf("encode: %w", err))
	}
	reports := append([]briefings.AttackReport(nil), a.Attacks...)
	err := db.withTx(ctx, func(tx runner) error {
		var publishedAt time.Time
		err := tx.queryRow(ctx, `SELECT published_at FROM articles WHERE id = $1`, a.ID).Scan(tm(&publishedAt))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("Article %d not found.", a.ID)
		}
		if err != nil {
			return err
		}
		_, err = tx.exec(ctx, `UPDATE articles SET title = $2, teaser = $3, body = $4, content_hash = $5,
			fingerprint = $6, topics = $7, entities = $8, summary = $9, origin = $10, revised_at = $11
			WHERE id = $1`,
			a.ID, a.Title, a.Teaser, a.Body, a.ContentHash, a.Fingerprint, enc[0], enc[1], enc[2], a.Origin, a.RevisedAt)
		if err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `DELETE FROM attack_reports WHERE article_id = $1`, a.ID); err != nil {
			return err
		}
		stored := *a
		stored.PublishedAt = publishedAt
		return db.insertReports(ctx, tx, &stored, a.ID, reports)
	})
	if err != nil {
		return wrap("revise article", err)
	}
	copy(a.Attacks, reports)
	return nil
}
