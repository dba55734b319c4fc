package briefings_test

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

var night = time.Date(2026, 9, 4, 0, 0, 0, 0, time.UTC)

// rep is an invented report of the night of 4 Sep by outlet at hh:mm.
func rep(id int64, outlet string, hhmm int, drones int, opts ...func(*briefings.AttackReport)) *briefings.AttackReport {
	r := &briefings.AttackReport{ID: id, Attacker: "RU", Target: "UA", Date: "2026-09-04", Scope: briefings.ScopeNational,
		SourceName: outlet, ArticleURL: "https://" + outlet + ".test/" + string(rune('a'+id)),
		PublishedAt: night.Add(time.Duration(hhmm/100)*time.Hour + time.Duration(hhmm%100)*time.Minute),
		Launched:    briefings.Counts{Drones: briefings.IntPtr(drones)}}
	for _, o := range opts {
		o(r)
	}
	return r
}

func own(r *briefings.AttackReport)     { r.Primary = true }
func ongoing(r *briefings.AttackReport) { r.Provisional = true }
func quote(r *briefings.AttackReport)   { r.Source = "Ukraine's Air Force" }
func says(evidence string) func(*briefings.AttackReport) {
	return func(r *briefings.AttackReport) { r.Evidence = evidence }
}
func editedAt(hhmm int) func(*briefings.AttackReport) {
	return func(r *briefings.AttackReport) {
		r.RevisedAt = night.Add(time.Duration(hhmm/100)*time.Hour + time.Duration(hhmm%100)*time.Minute)
	}
}

func TestReportOfRecord(t *testing.T) {
	updated := says("The air force said in an updated report that it had counted more drones.")
	cases := []struct {
		name    string
		event   []*briefings.AttackReport
		want    int64 // the record's ID; 0: none
		updated bool
	}{
		{"own post over a later rounded quote", []*briefings.AttackReport{
			rep(1, "airforce", 800, 151, own), rep(2, "wire", 850, 150, quote)}, 1, false},
		{"the later own post supersedes", []*briefings.AttackReport{
			rep(1, "airforce", 800, 151, own), rep(2, "airforce", 930, 155, own)}, 2, true},
		{"an edited own post counts at its edit", []*briefings.AttackReport{
			rep(2, "airforce", 700, 155, own, editedAt(1000)), rep(1, "airforce", 900, 151, own)}, 2, true},
		{"a quoted revision after the own post supersedes it", []*briefings.AttackReport{
			rep(1, "airforce", 800, 146, own), rep(2, "courier", 930, 148, quote, updated)}, 2, true},
		{"a quoted revision before the own post does not", []*briefings.AttackReport{
			rep(1, "courier", 700, 148, quote, updated), rep(2, "airforce", 800, 146, own)}, 2, true},
		{"a plain later quote never supersedes", []*briefings.AttackReport{
			rep(1, "wire", 700, 143, quote), rep(2, "courier", 900, 146, quote, updated), rep(3, "gazette", 1000, 143, quote)}, 2, true},
		{"quotes that agree: the one stating most, earliest", []*briefings.AttackReport{
			rep(1, "wire", 700, 90, quote), rep(2, "post", 710, 90, quote, func(r *briefings.AttackReport) { r.Intercepted.Drones = briefings.IntPtr(80) }),
			rep(3, "gazette", 720, 90, quote, func(r *briefings.AttackReport) { r.Intercepted.Drones = briefings.IntPtr(80) })}, 2, false},
		{"quotes that disagree with no revision: side by side", []*briefings.AttackReport{
			rep(1, "wire", 700, 805, quote), rep(2, "post", 710, 810, quote)}, 0, false},
		{"outlets' own figures: side by side", []*briefings.AttackReport{
			rep(1, "wire", 700, 40), rep(2, "post", 710, 42)}, 0, false},
		{"a promise of updated figures is no revision", []*briefings.AttackReport{
			rep(1, "wire", 700, 60, quote), rep(2, "post", 800, 64, quote, says("Updated figures will be published after the attack."))}, 0, false},
		{"repeats never move the record", []*briefings.AttackReport{
			rep(1, "courier", 930, 148, quote, updated), rep(2, "post", 1000, 148, quote, updated), rep(3, "wire", 700, 146, quote)}, 1, true},
		{"a forwarded or outlet copy of the own figures ranks as a quote", []*briefings.AttackReport{
			rep(1, "airforce", 800, 151, own), rep(2, "airforce", 900, 140, quote)}, 1, false},
		{"a provisional own post gives way to the later own one", []*briefings.AttackReport{
			rep(1, "airforce", 615, 146, own, ongoing), rep(2, "airforce", 900, 150, own)}, 2, true},
		{"a provisional own post gives way to a later plain quote", []*briefings.AttackReport{
			rep(1, "airforce", 615, 146, own, ongoing), rep(2, "wire", 940, 150, quote), rep(3, "post", 700, 146, quote)}, 2, true},
		{"a provisional own post stands until something follows", []*briefings.AttackReport{
			rep(1, "airforce", 615, 146, own, ongoing), rep(2, "wire", 600, 140, quote)}, 1, true},
		{"Ukrainian: уточнені дані", []*briefings.AttackReport{
			rep(1, "wire", 700, 60, quote), rep(2, "post", 800, 64, quote, says("За уточненими даними, повідомили Повітряні сили, уточнені дані: 64."))}, 2, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := briefings.ReportOfRecord(c.event)
			var id int64
			if got.Report != nil {
				id = got.Report.ID
			}
			if id != c.want || got.Updated != c.updated {
				t.Fatalf("record %d (updated %v), want %d (updated %v)", id, got.Updated, c.want, c.updated)
			}
			if got.Report != nil && !got.StatedAt.Equal(got.Report.StatedAt()) {
				t.Fatalf("stated at %v", got.StatedAt)
			}
		})
	}
}

func TestStanding(t *testing.T) {
	for _, c := range []struct {
		r    briefings.AttackReport
		want briefings.Standing
	}{
		{briefings.AttackReport{Target: "UA", Primary: true}, briefings.StandingPrimary},
		{briefings.AttackReport{Target: "UA", Source: "Ukraine's Air Force"}, briefings.StandingQuoted},
		{briefings.AttackReport{Target: "RU", Source: "Russia's Defence Ministry"}, briefings.StandingQuoted},
		{briefings.AttackReport{Target: "RU", Source: "Ukraine's Air Force"}, briefings.StandingOutlet},
		{briefings.AttackReport{Target: "UA", Source: "regional governor"}, briefings.StandingOutlet},
	} {
		if got := c.r.Standing(); got != c.want {
			t.Errorf("%+v: standing %d, want %d", c.r, got, c.want)
		}
	}
}
