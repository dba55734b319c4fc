package extract

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/sample"
)

// sampleArticle reads one file of the team's invented sample corpus: header
// lines, a blank line, the body.
func sampleArticle(t testing.TB, name string) briefings.Article {
	t.Helper()
	raw, err := fs.ReadFile(sample.FS(), name)
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(raw), "\n\n")
	a := briefings.Article{Body: body}
	for _, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		switch k {
		case "title":
			a.Title = v
		case "lang":
			a.Lang = v
		case "date":
			if ts, err := time.Parse(time.RFC3339, v); err == nil {
				a.PublishedAt = ts
			}
		}
	}
	return a
}

// sampleWant are the figures each sample article states, read by a person:
// paths as in attackCase.want ("#" = number of reports, "national#" =
// national, non-cumulative reports). Articles not listed state no attack.
var sampleWant = map[string]map[string]any{
	"01-airforce-night-14-mar-wire.txt": {
		"#": 2, "national#": 1, "0.date": "2026-03-14", "0.period": "overnight", "0.source": "Ukraine's Air Force",
		"0.launched.drones": 146, "0.launched.missiles": 7, "0.launched.by_type.ballistic": 4, "0.launched.by_type.cruise": 3,
		"0.intercepted_or_jammed.drones": 118, "0.intercepted_or_jammed.missiles": 5, "0.intercepted.drones": nil,
		"0.hits.drones": 26, "0.hits.missiles": 2, "0.hits.locations": 9, "0.hits.debris_locations": 4,
		"1.scope": "regional", "1.regions": []string{"Poltava"}, "1.casualties.injured": 2,
	},
	"02-airforce-night-14-mar-kyivpost.txt": {
		"#": 2, "national#": 1, "0.date": "2026-03-14",
		"0.launched.drones": 146, "0.launched.missiles": 7, "0.launched.by_type.Iskander-M": 4, "0.launched.by_type.Kh-101": 3,
		"0.intercepted_or_jammed.drones": 118, "0.intercepted.drones": 96, "0.jammed.drones": 22, "0.intercepted.missiles": 5,
		"1.cumulative": true, "1.launched.drones": 70, "1.qualifiers.launched\\.drones": "less_than",
	},
	"03-airforce-night-14-mar-revised.txt": {
		"national#": 1, "0.date": "2026-03-14", "0.launched.drones": 148, "0.intercepted_or_jammed.drones": 120,
		"0.launched.missiles": 7, "0.intercepted.missiles": 5, "0.intercepted.drones": nil,
		"1.scope": "regional", "1.regions": []string{"Poltava"}, "1.casualties.injured": 2,
	},
	"04-airforce-report-uk-14-mar.txt": {
		"#": 1, "0.date": "2026-03-14", "0.launched.drones": 146, "0.launched.missiles": 7,
		"0.launched.by_type.Iskander-M": 4, "0.launched.by_type.Kh-101": 3,
		"0.intercepted_or_jammed.drones": 118, "0.intercepted_or_jammed.missiles": 5,
		"0.hits.drones": 26, "0.hits.missiles": 2, "0.hits.locations": 9, "0.hits.debris_locations": 4,
	},
	"05-airforce-night-12-mar-wire.txt": {
		"#": 1, "national#": 1, "0.date": "2026-03-12", "0.launched.drones": 64, "0.intercepted_or_jammed.drones": 49,
		"0.hits.drones": 13, "0.hits.locations": 6, "0.hits.debris_locations": 3, "0.launched.missiles": nil,
		"0.casualties.injured": 1,
	},
	"06-airforce-report-uk-12-mar.txt": {
		"#": 2, "national#": 1, "0.date": "2026-03-12", "0.launched.drones": 64, "0.intercepted_or_jammed.drones": 49,
		"0.hits.drones": 13, "0.hits.locations": 6, "0.hits.debris_locations": 3, "0.casualties.injured": nil,
		"1.regions": []string{"Kharkiv"}, "1.casualties.injured": 1,
	},
	"07-odesa-regional-debris.txt": {
		"#": 1, "national#": 0, "0.regions": []string{"Odesa"}, "0.intercepted.drones": 11, "0.casualties.injured": 2,
	},
	"08-russia-mod-border-drones.txt": {
		"#": 4, "national#": 1, "0.attacker": "UA", "0.target": "RU", "0.intercepted.drones": 37, "0.launched.drones": nil,
		"1.regions": []string{"Bryansk"}, "1.intercepted.drones": 21, "1.source": "Russia's Defence Ministry",
		"2.regions": []string{"Kursk"}, "2.intercepted.drones": 9, "3.regions": []string{"Belgorod"}, "3.intercepted.drones": 7,
	},
	"13-un-security-council-humanitarian.txt": {"national#": 0},
	"17-general-staff-daily.txt": {
		"#": 1, "0.period": "24h", "0.launched.drones": nil, "0.launched.by_type.guided_bomb": 131,
		"0.qualifiers.launched\\.drones": "several_thousand",
	},
	"18-front-zaporizhzhia-counterattack.txt": {"#": 0},
}

// TestSampleCorpus runs every sample article through the Analyzer, prints
// each attack report (go test -v) and checks the figures against sampleWant.
func TestSampleCorpus(t *testing.T) {
	an := NewAnalyzer()
	for _, name := range sample.Names() {
		a := sampleArticle(t, name)
		an.Analyze(&a)
		for i, r := range a.Attacks {
			r.Evidence = ""
			js, _ := json.Marshal(r)
			t.Logf("%s #%d: %s", name, i, js)
		}
		want, ok := sampleWant[name]
		if !ok {
			want = map[string]any{"#": 0}
			if len(a.Attacks) == 0 {
				t.Logf("%s: no attack", name)
			}
		}
		checkPaths(t, name, a.Attacks, want)
	}
}
