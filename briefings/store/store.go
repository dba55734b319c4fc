// Package store keeps sitrep's data in SQLite (modernc.org/sqlite, pure Go)
// or PostgreSQL (pgx through database/sql) on one code path.
//
// Queries are written once with $N placeholders and rewritten per dialect;
// the few statements that must differ (full-text search, the outbox claim)
// are chosen by dialect. Migrations are embedded and versioned (see
// migrate.go).
//
// Times are stored as UTC with microsecond precision: TIMESTAMPTZ on
// PostgreSQL and INTEGER unix microseconds on SQLite. The zero time.Time is
// stored as itself (0001-01-01), so it sorts before every real time in both
// dialects and reads back as the zero time.
//
// Besides briefings.Store, *DB offers GetDelivery, Migrate and
// SchemaVersion, and Dialect and SQL for tests and tools.
//
// SQLite concurrency: the DB holds two pools on the same file. Every write
// goes through a pool of one connection whose transactions begin IMMEDIATE,
// so writers queue in Go instead of failing with SQLITE_BUSY; reads use a
// pool of query-only connections that run concurrently thanks to WAL.
// Another process writing the same file waits up to the busy timeout.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep/sitrep/briefings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Dialect names returned by DB.Dialect.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// busyTimeout is how long a SQLite connection waits for another process's
// write lock before giving up.
const busyTimeout = 10 * time.Second

// DB is a briefings.Store on SQLite or PostgreSQL.
type DB struct {
	dialect string
	w       *sql.DB // writes (and reads inside write transactions)
	r       *sql.DB // reads; the same pool as w on PostgreSQL

	// Now is the clock used for defaults (created_at, fetched_at...). Set it
	// right after Open, before the DB is shared; it defaults to time.Now.
	Now func() time.Time

	rebound   sync.Map // query text -> dialect text
	stmts     sync.Map // SQLite: dialect text -> *sql.Stmt prepared on w
	stmtCount atomic.Int32
}

var _ briefings.Store = (*DB)(nil)

// Open opens the database named by dsn and applies pending migrations. A dsn
// starting with postgres:// or postgresql:// opens PostgreSQL; anything else
// is a SQLite file path (an optional "sqlite:" prefix is removed).
func Open(ctx context.Context, dsn string) (*DB, error) {
	var db *DB
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		db, err = openPostgres(ctx, dsn)
	} else {
		db, err = openSQLite(ctx, dsn)
	}
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.warm(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	pool.SetMaxOpenConns(16)
	pool.SetMaxIdleConns(4)
	pool.SetConnMaxIdleTime(5 * time.Minute)
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: connect %s: %w", redactDSN(dsn), err)
	}
	return &DB{dialect: Postgres, w: pool, r: pool, Now: time.Now}, nil
}

func openSQLite(ctx context.Context, dsn string) (*DB, error) {
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite://"), "sqlite:")
	if path == "" {
		return nil, fmt.Errorf("store: open sqlite: empty database path")
	}
	memory := path == ":memory:" || strings.Contains(path, "mode=memory")
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	ms := strconv.FormatInt(busyTimeout.Milliseconds(), 10)
	common := "_pragma=busy_timeout(" + ms + ")&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"

	wdsn := path + sep + common + "&_txlock=immediate&_pragma=cache_size(-16000)"
	if !memory {
		wdsn += "&_pragma=journal_mode(WAL)"
	}
	w, err := sql.Open("sqlite", wdsn)
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open sqlite %s: %w", path, err)
	}
	db := &DB{dialect: SQLite, w: w, r: w, Now: time.Now}
	if memory {
		// Each connection to :memory: is its own database: one pool only.
		return db, nil
	}
	r, err := sql.Open("sqlite", path+sep+common+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open sqlite readers: %w", err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	r.SetConnMaxIdleTime(10 * time.Minute)
	db.r = r
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error {
	if db.dialect == SQLite {
		// Let SQLite refresh the planner statistics it finds stale.
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		_, _ = db.w.ExecContext(ctx, "PRAGMA optimize")
		cancel()
	}
	db.stmts.Range(func(_, v any) bool {
		v.(*sql.Stmt).Close()
		return true
	})
	err := db.w.Close()
	if db.r != db.w {
		if rerr := db.r.Close(); err == nil {
			err = rerr
		}
	}
	if err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// Dialect returns "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect }

// SQL returns the underlying pool that may write (for tests and tools). On
// SQLite it has a single connection: do not hold a transaction on it while
// calling DB methods.
func (db *DB) SQL() *sql.DB { return db.w }

func (db *DB) now() time.Time {
	if db.Now != nil {
		return db.Now().UTC()
	}
	return time.Now().UTC()
}

// querier is what *sql.DB, *sql.Tx and *sql.Conn have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// runner runs portable queries ($N placeholders, time.Time arguments) on a
// pool, a transaction or a connection.
type runner struct {
	db *DB
	q  querier
}

func (db *DB) reader() runner { return runner{db, db.r} }
func (db *DB) writer() runner { return runner{db, db.w} }

// cachedWrites bounds the SQLite writer's statement cache (the writer's
// queries are a fixed set; the bound is a guard).
const cachedWrites = 128

// stmt returns query prepared on the SQLite writer connection, bound to r's
// transaction when r is one, or nil when r does not write on SQLite. Parsing
// a statement costs about as much as running a small one, and the writer is
// the one connection every write waits for.
func (r runner) stmt(ctx context.Context, query string) *sql.Stmt {
	if r.db.dialect != SQLite {
		return nil
	}
	tx, inTx := r.q.(*sql.Tx)
	if !inTx && r.q != querier(r.db.w) {
		return nil
	}
	if v, ok := r.db.stmts.Load(query); ok {
		if inTx {
			// Closed with the transaction; runs st's statement already
			// prepared on the writer connection.
			return tx.StmtContext(ctx, v.(*sql.Stmt))
		}
		return v.(*sql.Stmt)
	}
	if inTx {
		// Preparing on the pool would wait for the one connection this
		// transaction holds. Statements used in transactions are
		// prepared by warm at Open.
		return nil
	}
	st, _ := r.db.prepareWrite(ctx, query)
	return st
}

// prepareWrite prepares query (dialect text) on the SQLite writer and caches
// it; nil when the cache is full or preparing fails (the plain call then
// reports the error).
func (db *DB) prepareWrite(ctx context.Context, query string) (*sql.Stmt, error) {
	if db.stmtCount.Load() >= cachedWrites {
		return nil, nil
	}
	p, err := db.w.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if v, loaded := db.stmts.LoadOrStore(query, p); loaded {
		p.Close()
		return v.(*sql.Stmt), nil
	}
	db.stmtCount.Add(1)
	return p, nil
}

// warm prepares the statements that write transactions run often.
func (db *DB) warm(ctx context.Context) error {
	if db.dialect != SQLite {
		return nil
	}
	for _, q := range txStatements {
		if _, err := db.prepareWrite(ctx, db.rebind(q)); err != nil {
			return fmt.Errorf("store: prepare %q: %w", q, err)
		}
	}
	return nil
}

func (r runner) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	q := r.db.rebind(query)
	if st := r.stmt(ctx, q); st != nil {
		return st.ExecContext(ctx, r.db.args(args)...)
	}
	return r.q.ExecContext(ctx, q, r.db.args(args)...)
}

func (r runner) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	q := r.db.rebind(query)
	if st := r.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, r.db.args(args)...)
	}
	return r.q.QueryContext(ctx, q, r.db.args(args)...)
}

func (r runner) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	q := r.db.rebind(query)
	if st := r.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, r.db.args(args)...)
	}
	return r.q.QueryRowContext(ctx, q, r.db.args(args)...)
}

// affected runs query and returns the number of rows it changed.
func (r runner) affected(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := r.exec(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// withTx runs fn in a write transaction (BEGIN IMMEDIATE on SQLite) and
// commits when fn returns nil.
func (db *DB) withTx(ctx context.Context, fn func(tx runner) error) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(runner{db, tx}); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// withReadTx runs fn in a read transaction, so that its queries see one
// snapshot (REPEATABLE READ on PostgreSQL, a deferred transaction on SQLite).
func (db *DB) withReadTx(ctx context.Context, fn func(tx runner) error) error {
	var opts *sql.TxOptions
	if db.dialect == Postgres {
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	tx, err := db.r.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // read only
	return fn(runner{db, tx})
}

// rebind rewrites $N placeholders for the dialect: ?N on SQLite (its own
// numbered form), unchanged on PostgreSQL. Text in quotes is left alone.
func (db *DB) rebind(query string) string {
	if db.dialect == Postgres {
		return query
	}
	if v, ok := db.rebound.Load(query); ok {
		return v.(string)
	}
	out := rebindSQLite(query)
	db.rebound.Store(query, out)
	return out
}

func rebindSQLite(query string) string {
	var b strings.Builder
	b.Grow(len(query))
	var quote byte
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '$' && i+1 < len(query) && query[i+1] >= '0' && query[i+1] <= '9':
			c = '?'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// zeroMicros is the zero time.Time in unix microseconds.
var zeroMicros = time.Time{}.UnixMicro()

// args converts time.Time arguments to the dialect's representation.
func (db *DB) args(args []any) []any {
	copied := false
	for i, a := range args {
		if t, ok := a.(time.Time); ok {
			if !copied {
				args = append([]any(nil), args...)
				copied = true
			}
			args[i] = db.timeArg(t)
		}
	}
	return args
}

func (db *DB) timeArg(t time.Time) any {
	if db.dialect == SQLite {
		return t.UnixMicro()
	}
	return t.UTC().Truncate(time.Microsecond)
}

// timeCol scans a stored time (int64 micros or time.Time) into *t as UTC.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.t = time.Time{}
	case int64:
		if v == zeroMicros {
			*c.t = time.Time{}
		} else {
			*c.t = time.UnixMicro(v).UTC()
		}
	case time.Time:
		if v.IsZero() {
			*c.t = time.Time{}
		} else {
			*c.t = v.UTC()
		}
	default:
		return fmt.Errorf("store: cannot scan %T into a time", src)
	}
	return nil
}

// tm returns a scanner for *t.
func tm(t *time.Time) timeCol { return timeCol{t} }

// nullID is nil for 0, for nullable foreign keys.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// idCol scans a nullable id into *p (0 for NULL).
type idCol struct{ p *int64 }

func (c idCol) Scan(src any) error {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return err
	}
	*c.p = n.Int64
	return nil
}

func noLimit(n int) int {
	if n <= 0 {
		return 1 << 31
	}
	return n
}

// notFound returns a briefings ENOTFOUND error.
func notFound(format string, args ...any) error {
	return briefings.Errorf(briefings.ENOTFOUND, format, args...)
}

// wrap prefixes internal errors; domain errors pass through unchanged.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *briefings.Error
	if errors.As(err, &e) {
		return err
	}
	return fmt.Errorf("store: %s: %w", op, err)
}

// placeholders returns "$from, $from+1, ..." for n arguments.
func placeholders(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(from + i))
	}
	return b.String()
}

// redactDSN hides a password in a PostgreSQL URL for error messages.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres"
	}
	return u.Redacted()
}
