package chart

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/history"
)

// yearOfRecords invents days national records from start, with figures
// that vary by day so bars differ.
func yearOfRecords(start string, days int) []*briefings.AttackRecord {
	d0, err := time.Parse(time.DateOnly, start)
	if err != nil {
		panic(err)
	}
	var out []*briefings.AttackRecord
	for i := range days {
		d := d0.AddDate(0, 0, i).Format(time.DateOnly)
		drones, missiles := 50+(i*37)%400, (i*13)%30
		out = append(out, &briefings.AttackRecord{ID: int64(i + 1), Dataset: history.Dataset, Key: d, Report: briefings.AttackReport{
			Attacker: "RU", Target: "UA", Date: d, Scope: briefings.ScopeNational,
			Launched:            briefings.Counts{Drones: briefings.IntPtr(drones), Missiles: briefings.IntPtr(missiles)},
			InterceptedOrJammed: briefings.Counts{Drones: briefings.IntPtr(drones * 9 / 10), Missiles: briefings.IntPtr(missiles / 2)},
		}})
	}
	return out
}

func mustAddDays(t testing.TB, date string, n int) string {
	t.Helper()
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		t.Fatal(err)
	}
	return d.AddDate(0, 0, n).Format(time.DateOnly)
}
