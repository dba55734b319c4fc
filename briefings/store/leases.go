package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// TryLease takes or renews the named lease for holder until `until`. It
// succeeds when nobody holds the lease, when holder already does, or when the
// lease expired at or before now; otherwise it returns false. One atomic
// statement in both dialects.
func (db *DB) TryLease(ctx context.Context, name, holder string, now, until time.Time) (bool, error) {
	var got string
	err := db.writer().queryRow(ctx, `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3)
	ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
		WHERE leases.holder = excluded.holder OR leases.expires_at <= $4
	RETURNING holder`, name, holder, until, now).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, wrap("try lease", err)
	}
	return got == holder, nil
}

// ReleaseLease gives up the named lease if holder has it, so another process
// may take it at once (e.g. on shutdown).
func (db *DB) ReleaseLease(ctx context.Context, name, holder string) error {
	_, err := db.writer().exec(ctx, `DELETE FROM leases WHERE name = $1 AND holder = $2`, name, holder)
	return wrap("release lease", err)
}

// GetCursor returns the named position, 0 when never set.
func (db *DB) GetCursor(ctx context.Context, name string) (int64, error) {
	var v int64
	err := db.reader().queryRow(ctx, `SELECT value FROM cursors WHERE name = $1`, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, wrap("get cursor", err)
}

// SetCursor stores the named position.
func (db *DB) SetCursor(ctx context.Context, name string, v int64) error {
	_, err := db.writer().exec(ctx, `INSERT INTO cursors (name, value) VALUES ($1, $2)
	ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, v)
	return wrap("set cursor", err)
}

// LiveLeases deletes the leases named with prefix that expired before now
// (their holders stopped or died) and counts those left: the live holders
// of a family of per-process leases, such as the dispatchers sharing a
// bot's rate limits.
func (db *DB) LiveLeases(ctx context.Context, prefix string, now time.Time) (int, error) {
	if _, err := db.writer().exec(ctx, `DELETE FROM leases WHERE substr(name, 1, length($1)) = $1 AND expires_at < $2`,
		prefix, now); err != nil {
		return 0, wrap("prune leases", err)
	}
	var n int
	err := db.reader().queryRow(ctx, `SELECT COUNT(*) FROM leases WHERE substr(name, 1, length($1)) = $1 AND expires_at >= $2`,
		prefix, now).Scan(&n)
	return n, wrap("count leases", err)
}
