// Package history turns the Air Force's published daily attack figures into
// sitrep's attack history, and stored attack reports into series and trends:
//   - Parse reads the public data set "Massive Missile Attacks on Ukraine"
//     (one CSV row per weapon model and attack window) into reports of record,
//     one per attack window and original post;
//   - Build computes per-day (or per-week) series of drones or missiles
//     launched and brought down, with a moving average, for charts;
//   - Weekly computes the week's figures in words for /trend.
//
// Every figure it returns is a stated figure or a sum of stated figures,
// with the reports and days it came from.
package history

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/sitrep/sitrep/briefings"
)

// The data set, as its licence asks it to be attributed.
const (
	// Dataset is the records' Dataset and the name their source is shown by.
	Dataset = `"Massive Missile Attacks on Ukraine" (Petro Ivaniuk, Kaggle)`
	// DatasetSource is where the data set's figures come from.
	DatasetSource = "Ukraine's Air Force"
	// Attribution is the credit line charts and replies carry.
	Attribution = `Ukraine's Air Force figures, compiled in "Massive Missile Attacks on Ukraine" by Petro Ivaniuk (Kaggle)`
)

// Import is what one data set file holds.
type Import struct {
	// Rows counts the file's data rows, good and bad.
	Rows int
	// Records are the reports of record: one per attack window and original
	// post, in date order.
	Records []*briefings.AttackRecord
	// Errors lists bad rows (at most MaxRowErrors) with line and reason;
	// MoreErrors counts those past the cap.
	Errors     []RowError
	MoreErrors int
	// Unmapped lists models whose rows are in no drone or missile total.
	Unmapped []Unmapped
}

// Parse reads a data set file a user downloaded. It fails only when the
// file as a whole cannot be read; a bad row is listed in Errors with its
// line and reason, and the rest load.
func Parse(r io.Reader) (*Import, error) {
	rows, errs, n, err := readRows(r)
	if err != nil {
		return nil, err
	}
	im := &Import{Rows: n}
	if len(errs) > MaxRowErrors {
		im.MoreErrors = len(errs) - MaxRowErrors
		errs = errs[:MaxRowErrors]
	}
	im.Errors = errs
	groups := map[string][]row{}
	var order []string
	unmapped := map[string]*Unmapped{}
	for _, rw := range rows {
		if _, ok := resolve(rw.model); !ok {
			u := unmapped[rw.model]
			if u == nil {
				u = &Unmapped{Model: rw.model}
				unmapped[rw.model] = u
			}
			u.Rows++
			if rw.launched != nil {
				u.Launched += *rw.launched
			}
			if len(u.Lines) < 5 {
				u.Lines = append(u.Lines, rw.line)
			}
		}
		k := rw.start + "|" + rw.end + "|" + rw.source
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], rw)
	}
	for _, k := range order {
		if rec := buildRecord(k, groups[k]); rec != nil {
			im.Records = append(im.Records, rec)
		}
	}
	slices.SortStableFunc(im.Records, func(a, b *briefings.AttackRecord) int {
		return cmp.Or(cmp.Compare(a.Report.Date, b.Report.Date), cmp.Compare(a.Key, b.Key))
	})
	for _, u := range unmapped {
		im.Unmapped = append(im.Unmapped, *u)
	}
	slices.SortFunc(im.Unmapped, func(a, b Unmapped) int { return cmp.Or(b.Rows-a.Rows, cmp.Compare(a.Model, b.Model)) })
	return im, nil
}

// buildRecord turns the rows of one attack window and post into a record;
// nil when no row has a known model.
func buildRecord(key string, rows []row) *briefings.AttackRecord {
	first := rows[0]
	rep := briefings.AttackReport{
		Attacker: "RU", Target: "UA",
		Date:       first.endT.Format("2006-01-02"),
		Period:     period(first),
		Source:     DatasetSource,
		Scope:      scopeOf(first.source),
		Qualifiers: map[string]string{},
	}
	known := false
	for _, m := range []struct {
		name string
		dst  *briefings.Counts
		get  func(row) *int
	}{
		{"launched", &rep.Launched, func(r row) *int { return r.launched }},
		{"intercepted_or_jammed", &rep.InterceptedOrJammed, func(r row) *int { return r.destroyed }},
		{"not_reached", &rep.NotReached, func(r row) *int { return r.notReached }},
	} {
		known = tally(m.dst, m.name, rows, m.get, rep.Qualifiers) || known
	}
	if !known {
		return nil
	}
	if len(rep.Qualifiers) == 0 {
		rep.Qualifiers = nil
	}
	data, _ := json.Marshal(rep)
	sum := sha256.Sum256(append(data, first.source...))
	return &briefings.AttackRecord{
		Dataset: Dataset,
		Key:     key,
		Hash:    hex.EncodeToString(sum[:16]),
		URL:     postURL(first.source),
		Report:  rep,
	}
}

// tally adds one measure of the rows into c: drone and missile totals, type
// names and missile classes in ByType. A total some rows leave unstated is
// qualified "at least". It reports whether any row had a known model.
func tally(c *briefings.Counts, measure string, rows []row, get func(row) *int, quals map[string]string) bool {
	known := false
	missing := map[string]bool{}
	for _, rw := range rows {
		w, ok := resolve(rw.model)
		if !ok {
			continue
		}
		known = true
		v := get(rw)
		if v == nil {
			missing[w.head] = true
			continue
		}
		switch w.head {
		case headDrone:
			c.Drones = addTo(c.Drones, *v)
		case headMissile:
			c.Missiles = addTo(c.Missiles, *v)
		}
		for _, k := range []string{w.name, w.class} {
			if k == "" {
				continue
			}
			if c.ByType == nil {
				c.ByType = map[string]int{}
			}
			c.ByType[k] += *v
		}
	}
	if missing[headDrone] && c.Drones != nil {
		quals[measure+".drones"] = "at least"
	}
	if missing[headMissile] && c.Missiles != nil {
		quals[measure+".missiles"] = "at least"
	}
	return known
}

func addTo(p *int, n int) *int {
	if p == nil {
		return briefings.IntPtr(n)
	}
	*p += n
	return p
}

// period names the window as the attack reader does: "overnight" for a
// window that runs into the next day or ends before noon, "day" for a
// daytime window, "" for a bare date (a tally of the day, no clock times).
func period(r row) string {
	switch {
	case !r.timed:
		return ""
	case !sameDay(r.startT, r.endT) || r.endT.Hour() < 12:
		return "overnight"
	}
	return "day"
}

// scopeOf tells the national Air Force's figures from a regional command's:
// the data set quotes the Air Force's regional air commands (accounts named
// "PvK..." after Povitriane Komanduvannia, "air command") and regional
// administrations ("...oda.gov.ua") as well as the Air Force itself. Their
// tallies are their region's share, which national charts leave out as they
// leave out regional reports read from text.
func scopeOf(source string) string {
	acct := strings.ToLower(account(source))
	if strings.HasPrefix(acct, "pvk") || strings.HasSuffix(acct, "oda.gov.ua") {
		return briefings.ScopeRegional
	}
	return briefings.ScopeNational
}

// account is the publishing account of a source cell: the first path
// segment of a post path ("kpszsu/posts/...") or of a t.me URL, or the host
// of another URL.
func account(source string) string {
	if u, err := url.Parse(source); err == nil && u.Host != "" {
		if u.Host == "t.me" {
			first, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
			return first
		}
		return u.Host
	}
	first, _, _ := strings.Cut(source, "/")
	return first
}

// postURL is a link to the original post: a URL as given, or a post path as
// the data set writes it ("<page>/posts/<id>", "watch/?v=<id>"), which are
// paths on Facebook, where the Air Force and its commands publish the posts
// the data set cites. Anything else gives no link.
func postURL(source string) string {
	if strings.HasPrefix(source, "https://") || strings.HasPrefix(source, "http://") {
		if u, err := url.Parse(source); err == nil && u.Host != "" {
			return u.String()
		}
		return ""
	}
	if source == "" || strings.ContainsAny(source, " \t<>\"") {
		return ""
	}
	if strings.Contains(source, "/posts/") || strings.Contains(source, "/videos/") || strings.HasPrefix(source, "watch/?v=") {
		return "https://www.facebook.com/" + source
	}
	return ""
}
