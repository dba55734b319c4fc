package history

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/briefings/internal/shared"
	"github.com/sitrep/sitrep/briefings/store"
)

// corpusCSV opens the data set in ../shared/corpus, or skips.
func corpusCSV(t testing.TB) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(shared.Corpus(t), "missile_attacks_daily.csv"))
	if err != nil {
		t.Skipf("data set absent: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestCorpusLoadsWhole reads the published data set: every row loads, every
// model is mapped, and the rows group into fewer records than rows.
func TestCorpusLoadsWhole(t *testing.T) {
	im, err := Parse(corpusCSV(t))
	if err != nil {
		t.Fatal(err)
	}
	if im.Rows < 3500 {
		t.Errorf("rows = %d, want the whole file (3,585)", im.Rows)
	}
	for _, e := range im.Errors {
		t.Errorf("bad row: %s", e)
	}
	for _, u := range im.Unmapped {
		t.Errorf("unmapped model %q (%d rows, lines %v)", u.Model, u.Rows, u.Lines)
	}
	if len(im.Records) < 1500 || len(im.Records) >= im.Rows {
		t.Errorf("records = %d for %d rows", len(im.Records), im.Rows)
	}
}

// TestCorpusMatchesDailyData checks the per-day drone figures against the
// data set's figures that attacks_more.jsonl quotes beside real news texts
// (an independent reading of the same data set: its daily_data was taken
// from the data set for each text's night, not computed by this package).
func TestCorpusMatchesDailyData(t *testing.T) {
	im, err := Parse(corpusCSV(t))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(shared.Corpus(t), "attacks_more.jsonl"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	checked, matched := 0, 0
	for sc.Scan() {
		var it struct {
			Date  string         `json:"date"`
			Daily map[string]int `json:"daily_data"`
		}
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatal(err)
		}
		if it.Date > "2026-04-04" {
			continue
		}
		for _, c := range []struct {
			key   string
			class Class
			down  bool
		}{{"uav_launched", Drones, false}, {"uav_destroyed", Drones, true}, {"missiles_launched", Missiles, false}, {"missiles_destroyed", Missiles, true}} {
			want, ok := it.Daily[c.key]
			if !ok {
				continue
			}
			p := Build(im.Records, nil, Options{Class: c.class, From: it.Date, To: it.Date}).Points[0]
			got := p.Launched
			if c.down {
				got = p.Down
			}
			checked++
			if got == want {
				matched++
			} else {
				t.Logf("%s %s: %d, the data set's daily figure %d (refs %d)", it.Date, c.key, got, want, len(p.Refs))
			}
		}
	}
	if checked < 10 {
		t.Fatalf("only %d figures checked", checked)
	}
	t.Logf("figures match on %d of %d", matched, checked)
	if matched*10 < checked*8 {
		t.Errorf("figures match on %d of %d; want at least 80 %%", matched, checked)
	}
}

// TestCorpusImportIsIdempotent stores the published data set twice into
// SQLite: the second import adds and changes nothing.
func TestCorpusImportIsIdempotent(t *testing.T) {
	im, err := Parse(corpusCSV(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	first, err := db.ImportAttackRecords(ctx, im.Records)
	if err != nil || first.Added != len(im.Records) {
		t.Fatalf("first import: %+v %v", first, err)
	}
	again, err := Parse(corpusCSV(t))
	if err != nil {
		t.Fatal(err)
	}
	second, err := db.ImportAttackRecords(ctx, again.Records)
	if err != nil || second.Added != 0 || second.Updated != 0 || second.Unchanged != len(im.Records) {
		t.Fatalf("second import: %+v %v", second, err)
	}
}
