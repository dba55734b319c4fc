package history

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/briefings"
)

// The fixtures are invented rows in the data set's format (its header, a
// subset of its columns in another order is also accepted).
const header = "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,source\n"

func parse(t *testing.T, csv string) *Import {
	t.Helper()
	im, err := Parse(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	return im
}

func intOf(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

func TestParseGroupsRowsByWindowAndPost(t *testing.T) {
	im := parse(t, header+
		"2025-03-01 19:00,2025-03-02 08:30,Shahed-136/131,Kursk oblast,Ukraine,,100.0,80.0,12.0,,kpszsu/posts/aaa\n"+
		"2025-03-01 19:00,2025-03-02 08:30,Kalibr,Black Sea,Kyiv oblast,,10.0,8.0,,,kpszsu/posts/aaa\n"+
		"2025-03-01 19:00,2025-03-02 08:30,Iskander-M,Kursk oblast,Ukraine,,4.0,1.0,,,kpszsu/posts/aaa\n"+
		"2025-03-02 10:00,2025-03-02 16:00,Shahed-136/131,Kursk oblast,Ukraine,,30,25,,,kpszsu/posts/bbb\n"+
		"2025-03-02,2025-03-02,Orlan-10,,south,,3.0,3.0,,,PvKPivden/posts/ccc\n")
	if len(im.Errors) != 0 || len(im.Unmapped) != 0 || im.Rows != 5 {
		t.Fatalf("rows %d, errors %v, unmapped %v", im.Rows, im.Errors, im.Unmapped)
	}
	if len(im.Records) != 3 {
		t.Fatalf("records = %d, want 3 (two windows of the Air Force, one of a regional command)", len(im.Records))
	}
	var night *briefings.AttackRecord
	for _, r := range im.Records {
		if strings.HasSuffix(r.Key, "aaa") {
			night = r
		}
	}
	r := night.Report
	if r.Date != "2025-03-02" || r.Period != "overnight" || r.Scope != briefings.ScopeNational || r.Attacker != "RU" || r.Target != "UA" {
		t.Errorf("report = date %s period %s scope %s %s>%s", r.Date, r.Period, r.Scope, r.Attacker, r.Target)
	}
	if intOf(r.Launched.Drones) != 100 || intOf(r.Launched.Missiles) != 14 {
		t.Errorf("launched = %d drones, %d missiles; want 100, 14", intOf(r.Launched.Drones), intOf(r.Launched.Missiles))
	}
	if intOf(r.InterceptedOrJammed.Drones) != 80 || intOf(r.InterceptedOrJammed.Missiles) != 9 {
		t.Errorf("brought down = %d drones, %d missiles; want 80, 9", intOf(r.InterceptedOrJammed.Drones), intOf(r.InterceptedOrJammed.Missiles))
	}
	if intOf(r.NotReached.Drones) != 12 || r.NotReached.Missiles != nil {
		t.Errorf("not reached = %d drones, %v missiles; want 12, unstated", intOf(r.NotReached.Drones), r.NotReached.Missiles)
	}
	want := map[string]int{"Shahed": 100, "Kalibr": 10, "cruise": 10, "Iskander-M": 4, "ballistic": 4}
	for k, v := range want {
		if r.Launched.ByType[k] != v {
			t.Errorf("launched by type %s = %d, want %d (%v)", k, r.Launched.ByType[k], v, r.Launched.ByType)
		}
	}
	if night.URL != "https://www.facebook.com/kpszsu/posts/aaa" || night.Dataset != Dataset || r.Source != DatasetSource {
		t.Errorf("url %q dataset %q source %q", night.URL, night.Dataset, r.Source)
	}
	for _, rec := range im.Records {
		switch {
		case strings.HasSuffix(rec.Key, "bbb") && rec.Report.Period != "day":
			t.Errorf("10:00-16:00 window: period %q, want day", rec.Report.Period)
		case strings.HasSuffix(rec.Key, "ccc") && (rec.Report.Scope != briefings.ScopeRegional || rec.Report.Period != ""):
			t.Errorf("regional command's tally: scope %q period %q, want regional and no period", rec.Report.Scope, rec.Report.Period)
		}
	}
}

func TestParseBadRowsGiveLineAndReasonAndTheRestLoads(t *testing.T) {
	im := parse(t, header+
		"2025-03-01 19:00,2025-03-02 08:30,Shahed-136/131,,Ukraine,,100.0,80.0,,,kpszsu/posts/a\n"+ // line 2, good
		"2025-13-01,2025-03-02,Shahed-136/131,,Ukraine,,5,5,,,kpszsu/posts/b\n"+ // 3: bad month
		"2025-03-03,2025-03-03,Kalibr,,Ukraine,,-2,0,,,kpszsu/posts/c\n"+ // 4: negative
		"2025-03-03,2025-03-03,Kalibr,,Ukraine,,2.5,0,,,kpszsu/posts/d\n"+ // 5: fraction
		"2025-03-03,2025-03-03,Kalibr,,Ukraine,,many,0,,,kpszsu/posts/e\n"+ // 6: words
		"2025-03-03,2025-03-03,,,Ukraine,,3,0,,,kpszsu/posts/f\n"+ // 7: no model
		"2025-03-05 10:00,2025-03-04 09:00,Kalibr,,Ukraine,,3,0,,,kpszsu/posts/g\n"+ // 8: ends before it starts
		"2025-03-03,2025-03-03,Kalibr,,Ukraine,,,,,,kpszsu/posts/h\n"+ // 9: no figure
		"2025-03-03,2025-03-03\n"+ // 10: cut short
		"2025-03-06 01:00,2025-03-06 05:00,Kalibr,,Ukraine,,6,6,,,kpszsu/posts/i\n") // 11: good
	wantLines := map[int]string{3: "time_start", 4: "negative", 5: "whole number", 6: "not a number", 7: "no model", 8: "before", 9: "no figure", 10: "fields"}
	if len(im.Errors) != len(wantLines) {
		t.Errorf("errors = %v", im.Errors)
	}
	for _, e := range im.Errors {
		if w, ok := wantLines[e.Line]; !ok || !strings.Contains(e.Reason, w) {
			t.Errorf("error %s: want line %d to say %q", e, e.Line, w)
		}
	}
	if im.Rows != 10 || len(im.Records) != 2 {
		t.Errorf("rows %d records %d, want 10 rows and the 2 good ones loaded", im.Rows, len(im.Records))
	}
}

func TestParseUnreadableCSVRowIsListed(t *testing.T) {
	im := parse(t, header+
		"2025-03-01,2025-03-01,Kalibr,,Ukraine,,1,1,,,x\"y\n"+ // 2: a bare quote
		"2025-03-02,2025-03-02,Kalibr,,Ukraine,,2,2,,,kpszsu/posts/z\n")
	if len(im.Errors) != 1 || im.Errors[0].Line != 2 || !strings.Contains(im.Errors[0].Reason, "unreadable") {
		t.Errorf("errors = %v, want line 2 unreadable", im.Errors)
	}
	if len(im.Records) != 1 || im.Records[0].Report.Date != "2025-03-02" {
		t.Errorf("records = %d, want the good row after the bad one", len(im.Records))
	}
}

func TestParseListsUnmappedModels(t *testing.T) {
	im := parse(t, header+
		"2025-03-01 19:00,2025-03-02 08:00,Shahed-136/131,,Ukraine,,50,40,,,kpszsu/posts/a\n"+
		"2025-03-01 19:00,2025-03-02 08:00,Zmey-7,,Ukraine,,3,1,,,kpszsu/posts/a\n"+
		"2025-03-04 19:00,2025-03-05 08:00,Zmey-7,,Ukraine,,2,2,,,kpszsu/posts/b\n"+
		"2025-03-04 19:00,2025-03-05 08:00,Shahed-136/131 and Kalibr,,Ukraine,,9,9,,,kpszsu/posts/b\n")
	got := map[string]Unmapped{}
	for _, u := range im.Unmapped {
		got[u.Model] = u
	}
	if u := got["Zmey-7"]; u.Rows != 2 || u.Launched != 5 || len(u.Lines) != 2 || u.Lines[0] != 3 {
		t.Errorf("Zmey-7 = %+v, want 2 rows, 5 launched, lines 3 and 4", u)
	}
	if u := got["Shahed-136/131 and Kalibr"]; u.Rows != 1 {
		t.Errorf("a drone and a missile counted together must be listed: %+v", im.Unmapped)
	}
	if len(im.Records) != 1 || intOf(im.Records[0].Report.Launched.Drones) != 50 || im.Records[0].Report.Launched.Missiles != nil {
		t.Errorf("records = %d; the unmapped rows must stay out of the totals", len(im.Records))
	}
}

func TestParseJoinedModelsShareTheirClass(t *testing.T) {
	im := parse(t, header+
		"2025-03-01 19:00,2025-03-02 08:00,X-101/X-555 and Kalibr,,Ukraine,,20,18,,,p/posts/a\n"+
		"2025-03-01 19:00,2025-03-02 08:00,X-47 Kinzhal and Iskander-M,,Ukraine,,4,2,,,p/posts/a\n")
	r := im.Records[0].Report
	if intOf(r.Launched.Missiles) != 24 || r.Launched.ByType["cruise"] != 20 {
		t.Errorf("missiles %d, cruise %d; want 24 and 20 (%v)", intOf(r.Launched.Missiles), r.Launched.ByType["cruise"], r.Launched.ByType)
	}
	if _, ok := r.Launched.ByType["ballistic"]; ok {
		t.Errorf("a hypersonic and a ballistic missile counted together have no one class: %v", r.Launched.ByType)
	}
}

func TestParsePartialFiguresAreAtLeast(t *testing.T) {
	im := parse(t, header+
		"2025-03-01 19:00,2025-03-02 08:00,Shahed-136/131,,Ukraine,,50,40,,,p/posts/a\n"+
		"2025-03-01 19:00,2025-03-02 08:00,Unknown UAV,,Ukraine,,,6,,,p/posts/a\n")
	r := im.Records[0].Report
	if intOf(r.Launched.Drones) != 50 || r.Qualifiers["launched.drones"] != "at least" {
		t.Errorf("launched %d qualifiers %v; want 50 qualified at least", intOf(r.Launched.Drones), r.Qualifiers)
	}
	if intOf(r.InterceptedOrJammed.Drones) != 46 || r.Qualifiers["intercepted_or_jammed.drones"] != "" {
		t.Errorf("brought down %d, qualifiers %v", intOf(r.InterceptedOrJammed.Drones), r.Qualifiers)
	}
}

func TestParseHeader(t *testing.T) {
	if _, err := Parse(strings.NewReader("")); err == nil {
		t.Error("empty file: no error")
	}
	_, err := Parse(strings.NewReader("date,weapon,count\n2025-01-01,x,1\n"))
	if err == nil || !strings.Contains(err.Error(), "time_start") {
		t.Errorf("wrong file: err = %v, want the missing columns named", err)
	}
	im, err := Parse(strings.NewReader("\ufeffsource,model,destroyed,launched,time_end,time_start\n" +
		"kpszsu/posts/a,Kalibr,3,4,2025-01-02 06:00,2025-01-02 03:00\n"))
	if err != nil || len(im.Records) != 1 || intOf(im.Records[0].Report.Launched.Missiles) != 4 {
		t.Fatalf("reordered columns with a byte-order mark: %v %+v", err, im)
	}
}

func TestRecordIdentity(t *testing.T) {
	row := "2025-03-01 19:00,2025-03-02 08:00,Shahed-136/131,,Ukraine,,50,40,,,p/posts/a\n"
	a, b := parse(t, header+row), parse(t, header+row)
	c := parse(t, header+strings.Replace(row, ",50,40,", ",52,41,", 1))
	ra, rb, rc := a.Records[0], b.Records[0], c.Records[0]
	if ra.Key != rb.Key || ra.Hash != rb.Hash {
		t.Error("the same row parsed twice must give the same key and hash")
	}
	if rc.Key != ra.Key || rc.Hash == ra.Hash {
		t.Error("a corrected figure keeps the key and changes the hash")
	}
}

func TestAccountAndURL(t *testing.T) {
	for _, c := range []struct{ src, url, scope string }{
		{"kpszsu/posts/pfbidX", "https://www.facebook.com/kpszsu/posts/pfbidX", briefings.ScopeNational},
		{"https://t.me/kpszsu/1234", "https://t.me/kpszsu/1234", briefings.ScopeNational},
		{"PvKPivden/videos/99", "https://www.facebook.com/PvKPivden/videos/99", briefings.ScopeRegional},
		{"pvkshid/posts/x", "https://www.facebook.com/pvkshid/posts/x", briefings.ScopeRegional},
		{"https://kharkivoda.gov.ua/news/1", "https://kharkivoda.gov.ua/news/1", briefings.ScopeRegional},
		{"watch/?v=12", "https://www.facebook.com/watch/?v=12", briefings.ScopeNational},
		{"a note, not a link", "", briefings.ScopeNational},
		{"", "", briefings.ScopeNational},
	} {
		if got := postURL(c.src); got != c.url {
			t.Errorf("postURL(%q) = %q, want %q", c.src, got, c.url)
		}
		if got := scopeOf(c.src); got != c.scope {
			t.Errorf("scopeOf(%q) = %q, want %q", c.src, got, c.scope)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(header + "2025-03-01 19:00,2025-03-02 08:00,Shahed-136/131,,Ukraine,,50,40,,,p/posts/a\n")
	f.Add(header + "2025-03-01,2025-03-01,X-101/X-555 and Kalibr,,south,,1e3,nan,,,PvKPivden/posts/b\n")
	f.Add("time_start,time_end,model,launched,destroyed\n\"2025-01-01\",2025-01-01,\"a\"\"b\",1,1\n")
	f.Add(header + "2025-03-01 9:5,2025-03-01,Kalibr,,,,,,,,\n,,,\n")
	f.Fuzz(func(t *testing.T, data string) {
		im, err := Parse(strings.NewReader(data))
		if err != nil {
			return
		}
		if len(im.Errors) > MaxRowErrors || len(im.Errors)+im.MoreErrors > im.Rows {
			t.Fatalf("%d errors (+%d) for %d rows", len(im.Errors), im.MoreErrors, im.Rows)
		}
		for _, r := range im.Records {
			if r.Key == "" || len(r.Hash) != 32 || len(r.Report.Date) != 10 {
				t.Fatalf("record %+v", r)
			}
			for _, c := range []briefings.Counts{r.Report.Launched, r.Report.InterceptedOrJammed, r.Report.NotReached} {
				if (c.Drones != nil && *c.Drones < 0) || (c.Missiles != nil && *c.Missiles < 0) {
					t.Fatalf("negative figure in %+v", r.Report)
				}
			}
		}
		for _, e := range im.Errors {
			if e.Line < 2 || e.Reason == "" {
				t.Fatalf("row error %+v", e)
			}
		}
	})
}
