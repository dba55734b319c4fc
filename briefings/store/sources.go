package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

const sourceCols = `id, name, url, kind, full_text, show_text, interval_ns, lang, enabled, etag, last_modified,
	last_fetch_at, last_success_at, next_check_at, error_count, last_error, created_at, allow_private, last_post_id, topic, category, primary_for`

func scanSource(sc interface{ Scan(...any) error }) (*briefings.Source, error) {
	var s briefings.Source
	var interval int64
	err := sc.Scan(&s.ID, &s.Name, &s.URL, &s.Kind, &s.FullText, &s.ShowText, &interval, &s.Lang, &s.Enabled,
		&s.ETag, &s.LastModified, tm(&s.LastFetchAt), tm(&s.LastSuccessAt), tm(&s.NextCheckAt),
		&s.ErrorCount, &s.LastError, tm(&s.CreatedAt), &s.AllowPrivate, &s.LastPostID, &s.Topic, &s.Category, &s.PrimaryFor)
	if err != nil {
		return nil, err
	}
	s.Interval = time.Duration(interval)
	return &s, nil
}

// UpsertSource inserts s, or updates the settings (name, kind, full text,
// interval, language, enabled, topic, category, primary_for) of the source with the same URL, keeping its
// fetch health. It sets s.ID and fills s with the stored row.
func (db *DB) UpsertSource(ctx context.Context, s *briefings.Source) error {
	if s.URL == "" {
		return briefings.Errorf(briefings.EINVALID, "A source needs a URL.")
	}
	created := s.CreatedAt
	if created.IsZero() {
		created = db.now()
	}
	row := db.writer().queryRow(ctx, `INSERT INTO sources (name, url, kind, full_text, interval_ns, lang, enabled,
		etag, last_modified, last_fetch_at, last_success_at, next_check_at, error_count, last_error, created_at, show_text,
		allow_private, topic, category, primary_for)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
	ON CONFLICT (url) DO UPDATE SET name = excluded.name, kind = excluded.kind, full_text = excluded.full_text,
		interval_ns = excluded.interval_ns, lang = excluded.lang, enabled = excluded.enabled, show_text = excluded.show_text,
		allow_private = excluded.allow_private, topic = excluded.topic, category = excluded.category,
		primary_for = excluded.primary_for
	RETURNING `+sourceCols,
		s.Name, s.URL, s.Kind, s.FullText, int64(s.Interval), s.Lang, s.Enabled,
		s.ETag, s.LastModified, s.LastFetchAt, s.LastSuccessAt, s.NextCheckAt, s.ErrorCount, s.LastError, created, s.ShowText,
		s.AllowPrivate, s.Topic, s.Category, s.PrimaryFor)
	got, err := scanSource(row)
	if err != nil {
		return wrap("upsert source", err)
	}
	*s = *got
	return nil
}

// AddSources inserts the sources whose URL is not stored yet, all in one
// transaction: on an error none is added. A source whose URL is already
// stored is left as it is and filled with the stored row. It returns, per
// source, whether it was added, and sets each s.ID.
func (db *DB) AddSources(ctx context.Context, srcs []*briefings.Source) ([]bool, error) {
	for _, s := range srcs {
		if s.URL == "" {
			return nil, briefings.Errorf(briefings.EINVALID, "A source needs a URL.")
		}
	}
	added := make([]bool, len(srcs))
	got := make([]*briefings.Source, len(srcs))
	now := db.now()
	err := db.withTx(ctx, func(tx runner) error {
		for i, s := range srcs {
			created := s.CreatedAt
			if created.IsZero() {
				created = now
			}
			row, err := scanSource(tx.queryRow(ctx, `INSERT INTO sources (name, url, kind, full_text, interval_ns, lang,
				enabled, etag, last_modified, last_fetch_at, last_success_at, next_check_at, error_count, last_error,
				created_at, show_text, allow_private, category, topic)
			VALUES ($1, $2, $3, $4, $5, $6, $7, '', '', $8, $8, $9, 0, '', $10, $11, $12, $13, $14)
			ON CONFLICT (url) DO NOTHING
			RETURNING `+sourceCols,
				s.Name, s.URL, s.Kind, s.FullText, int64(s.Interval), s.Lang, s.Enabled, time.Time{}, s.NextCheckAt,
				created, s.ShowText, s.AllowPrivate, s.Category, s.Topic))
			if errors.Is(err, sql.ErrNoRows) {
				row, err = scanSource(tx.queryRow(ctx, `SELECT `+sourceCols+` FROM sources WHERE url = $1`, s.URL))
			} else if err == nil {
				added[i] = true
			}
			if err != nil {
				return err
			}
			got[i] = row
		}
		return nil
	})
	if err != nil {
		return nil, wrap("add sources", err)
	}
	for i, s := range srcs {
		*s = *got[i]
	}
	return added, nil
}

// GetSource returns the source with id, or ENOTFOUND.
func (db *DB) GetSource(ctx context.Context, id int64) (*briefings.Source, error) {
	s, err := scanSource(db.reader().queryRow(ctx, `SELECT `+sourceCols+` FROM sources WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Source %d not found.", id)
	}
	return s, wrap("get source", err)
}

// GetSourceByURL returns the source with url, or ENOTFOUND.
func (db *DB) GetSourceByURL(ctx context.Context, url string) (*briefings.Source, error) {
	s, err := scanSource(db.reader().queryRow(ctx, `SELECT `+sourceCols+` FROM sources WHERE url = $1`, url))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("Source %s not found.", url)
	}
	return s, wrap("get source by url", err)
}

// ListSources returns every source in id order.
func (db *DB) ListSources(ctx context.Context) ([]*briefings.Source, error) {
	return db.listSources(ctx, `SELECT `+sourceCols+` FROM sources ORDER BY id`)
}

// DueSources returns enabled sources whose next check is at or before now,
// the most overdue first.
func (db *DB) DueSources(ctx context.Context, now time.Time, limit int) ([]*briefings.Source, error) {
	return db.listSources(ctx, `SELECT `+sourceCols+` FROM sources
		WHERE enabled AND next_check_at <= $1 ORDER BY next_check_at, id LIMIT $2`, now, noLimit(limit))
}

func (db *DB) listSources(ctx context.Context, q string, args ...any) ([]*briefings.Source, error) {
	rows, err := db.reader().query(ctx, q, args...)
	if err != nil {
		return nil, wrap("list sources", err)
	}
	defer rows.Close()
	var out []*briefings.Source
	for rows.Next() {
		s, err := scanSource(rows)
		if err != nil {
			return nil, wrap("list sources", err)
		}
		out = append(out, s)
	}
	return out, wrap("list sources", rows.Err())
}

// DeleteSource deletes the source, its articles and the stories left empty.
func (db *DB) DeleteSource(ctx context.Context, id int64) error {
	err := db.withTx(ctx, func(tx runner) error {
		n, err := tx.affected(ctx, `DELETE FROM sources WHERE id = $1`, id)
		if err != nil {
			return err
		}
		if n == 0 {
			return notFound("Source %d not found.", id)
		}
		_, err = tx.exec(ctx, deleteEmptyStories)
		return err
	})
	return wrap("delete source", err)
}

// RecordFetch records one fetch attempt: on success the validators are
// replaced (kept on 304 unless new ones came) and the error count reset; on
// failure the error count grows. The next check is r.NextCheckAt either way,
// and the newest post id only ever grows.
func (db *DB) RecordFetch(ctx context.Context, sourceID int64, r briefings.FetchResult) error {
	var n int64
	var err error
	w := db.writer()
	switch {
	case r.OK && r.NotModified:
		n, err = w.affected(ctx, `UPDATE sources SET last_fetch_at = $2, last_success_at = $2, next_check_at = $3,
			error_count = 0, last_error = '',
			etag = CASE WHEN $4 = '' THEN etag ELSE $4 END,
			last_modified = CASE WHEN $5 = '' THEN last_modified ELSE $5 END
			WHERE id = $1`, sourceID, r.At, r.NextCheckAt, r.ETag, r.LastModified)
	case r.OK:
		n, err = w.affected(ctx, `UPDATE sources SET last_fetch_at = $2, last_success_at = $2, next_check_at = $3,
			error_count = 0, last_error = '', etag = $4, last_modified = $5
			WHERE id = $1`, sourceID, r.At, r.NextCheckAt, r.ETag, r.LastModified)
	default:
		msg := r.Err
		if msg == "" {
			msg = "fetch failed"
		}
		n, err = w.affected(ctx, `UPDATE sources SET last_fetch_at = $2, next_check_at = $3,
			error_count = error_count + 1, last_error = $4
			WHERE id = $1`, sourceID, r.At, r.NextCheckAt, msg)
	}
	if err == nil && n > 0 && r.LastPostID > 0 {
		_, err = w.exec(ctx, `UPDATE sources SET last_post_id = $2 WHERE id = $1 AND last_post_id < $2`, sourceID, r.LastPostID)
	}
	if err != nil {
		return wrap("record fetch", err)
	}
	if n == 0 {
		return notFound("Source %d not found.", sourceID)
	}
	return nil
}
