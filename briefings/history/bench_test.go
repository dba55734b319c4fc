package history

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/briefings/internal/shared"
	"github.com/sitrep/sitrep/briefings/store"
)

// BenchmarkImportCSVSQLite parses the whole published data set (3,585 rows)
// and stores its records into a fresh SQLite file, as `sitrep import attacks`
// does; reported per import, with cpu-ms/op beside the wall time.
func BenchmarkImportCSVSQLite(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(shared.Corpus(b), "missile_attacks_daily.csv"))
	if err != nil {
		b.Skip(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	var cpu int64
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		db, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		c0 := shared.CPUTime()
		b.StartTimer()
		im, err := Parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		res, err := db.ImportAttackRecords(ctx, im.Records)
		if err != nil || res.Added != len(im.Records) {
			b.Fatalf("import: %+v %v", res, err)
		}
		b.StopTimer()
		cpu += int64(shared.CPUTime() - c0)
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
}
