package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/sitrep/sitrep/briefings"
)

// recordsRevision is the cursor an import that changes records bumps, so
// AttackDataVersion changes with it.
const recordsRevision = "attack_records_revision"

// ImportAttackRecords stores records in one transaction: a record whose
// (Dataset, Key) is new is added, one whose Hash changed is updated, and the
// rest are left alone.
func (db *DB) ImportAttackRecords(ctx context.Context, recs []*briefings.AttackRecord) (briefings.ImportResult, error) {
	var res briefings.ImportResult
	err := db.withTx(ctx, func(tx runner) error {
		res = briefings.ImportResult{}
		known, err := knownRecords(ctx, tx, recs)
		if err != nil {
			return err
		}
		now := db.now()
		for _, r := range recs {
			data, err := json.Marshal(r.Report)
			if err != nil {
				return fmt.Errorf("record %s: %w", r.Key, err)
			}
			k, ok := known[r.Dataset+"\x00"+r.Key]
			switch {
			case !ok:
				err = tx.queryRow(ctx, `INSERT INTO attack_records (dataset, record_key, hash, url, attack_date, scope, data, imported_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
					r.Dataset, r.Key, r.Hash, r.URL, r.Report.Date, r.Report.Scope, string(data), now).Scan(&r.ID)
				res.Added++
			case k.hash != r.Hash:
				r.ID = k.id
				_, err = tx.exec(ctx, `UPDATE attack_records SET hash = $1, url = $2, attack_date = $3, scope = $4, data = $5, updated_at = $6
				WHERE id = $7`, r.Hash, r.URL, r.Report.Date, r.Report.Scope, string(data), now, k.id)
				res.Updated++
			default:
				r.ID = k.id
				res.Unchanged++
			}
			if err != nil {
				return fmt.Errorf("record %s: %w", r.Key, err)
			}
			known[r.Dataset+"\x00"+r.Key] = knownRecord{r.ID, r.Hash}
		}
		if res.Added+res.Updated == 0 {
			return nil
		}
		_, err = tx.exec(ctx, `INSERT INTO cursors (name, value) VALUES ($1, 1)
		ON CONFLICT (name) DO UPDATE SET value = cursors.value + 1`, recordsRevision)
		return err
	})
	return res, wrap("import attack records", err)
}

type knownRecord struct {
	id   int64
	hash string
}

// knownRecords returns the stored id and hash of the records of the data
// sets recs come from, by dataset and key.
func knownRecords(ctx context.Context, tx runner, recs []*briefings.AttackRecord) (map[string]knownRecord, error) {
	out := map[string]knownRecord{}
	seen := map[string]bool{}
	for _, r := range recs {
		if seen[r.Dataset] {
			continue
		}
		seen[r.Dataset] = true
		rows, err := tx.query(ctx, `SELECT id, record_key, hash FROM attack_records WHERE dataset = $1`, r.Dataset)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k knownRecord
			var key string
			if err := rows.Scan(&k.id, &key, &k.hash); err != nil {
				rows.Close()
				return nil, err
			}
			out[r.Dataset+"\x00"+key] = k
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ListAttackRecords returns the records whose attack date is within
// [from, to] (civil dates YYYY-MM-DD; "" leaves that end open), by date.
func (db *DB) ListAttackRecords(ctx context.Context, from, to string) ([]*briefings.AttackRecord, error) {
	if to == "" {
		to = "9999-12-31"
	}
	rows, err := db.reader().query(ctx, `SELECT id, dataset, record_key, hash, url, data, imported_at, updated_at
	FROM attack_records WHERE attack_date >= $1 AND attack_date <= $2 ORDER BY attack_date, id`, from, to)
	if err != nil {
		return nil, wrap("list attack records", err)
	}
	defer rows.Close()
	var out []*briefings.AttackRecord
	for rows.Next() {
		r := &briefings.AttackRecord{}
		var data string
		if err := rows.Scan(&r.ID, &r.Dataset, &r.Key, &r.Hash, &r.URL, &data, tm(&r.ImportedAt), tm(&r.UpdatedAt)); err != nil {
			return nil, wrap("list attack records", err)
		}
		if err := json.Unmarshal([]byte(data), &r.Report); err != nil {
			return nil, wrap("list attack records", fmt.Errorf("record %d: %w", r.ID, err))
		}
		r.Report.ID, r.Report.SourceName, r.Report.ArticleURL = r.ID, r.Dataset, r.URL
		out = append(out, r)
	}
	return out, wrap("list attack records", rows.Err())
}

// AttackDataVersion names the state of the stored attack figures: it
// changes when a report is added or pruned and when an import adds or
// changes a record, so a chart drawn from them may be cached under it.
func (db *DB) AttackDataVersion(ctx context.Context) (string, error) {
	var maxID, count, rev int64
	err := db.withReadTx(ctx, func(tx runner) error {
		if err := tx.queryRow(ctx, `SELECT COALESCE(MAX(id), 0), COUNT(*) FROM attack_reports`).Scan(&maxID, &count); err != nil {
			return err
		}
		return tx.queryRow(ctx, `SELECT COALESCE(MAX(value), 0) FROM cursors WHERE name = $1`, recordsRevision).Scan(&rev)
	})
	if err != nil {
		return "", wrap("attack data version", err)
	}
	return strconv.FormatInt(maxID, 10) + "." + strconv.FormatInt(count, 10) + "." + strconv.FormatInt(rev, 10), nil
}
