package storetest_test

import (
	"context"
	"testing"

	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

func check(t *testing.T, db *store.DB, dialect string) {
	t.Helper()
	if db.Dialect() != dialect {
		t.Fatalf("dialect %s, want %s", db.Dialect(), dialect)
	}
	ctx := context.Background()
	if err := db.SetCursor(ctx, "x", 5); err != nil {
		t.Fatal(err)
	}
	if v, err := db.GetCursor(ctx, "x"); err != nil || v != 5 {
		t.Fatalf("cursor %d %v", v, err)
	}
}

func TestOpen(t *testing.T) { check(t, storetest.Open(t), store.SQLite) }

func TestOpenPostgres(t *testing.T) {
	// Two schemas are independent.
	a, b := storetest.OpenPostgres(t), storetest.OpenPostgres(t)
	check(t, a, store.Postgres)
	if v, err := b.GetCursor(context.Background(), "x"); err != nil || v != 0 {
		t.Fatalf("schemas not isolated: %d %v", v, err)
	}
}
