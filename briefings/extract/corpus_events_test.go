package extract

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// readExpected reads the attacks_en / attacks_uk label format.
func readExpected(rec *labelledRecord, exp map[string]any) {
	att := str(exp["attacker"])
	if att == "" {
		att = string(sideRU)
	}
	list, _ := exp["events"].([]any)
	if list == nil {
		list, _ = exp["nights"].([]any)
	}
	if list == nil {
		readEvent(rec, exp, att, rec.pub)
	} else {
		for _, e := range list {
			m, ok := e.(map[string]any)
			if !ok {
				continue
			}
			if str(m["source"]) == "" && exp["source"] != nil {
				m["source"] = exp["source"]
			}
			readEvent(rec, m, att, rec.pub)
		}
	}
	readCumulative(rec, exp, att)
	rec.forbidden = forbiddenFigures(exp)
}

// readEvent reads one labelled event and the regional events it lists.
func readEvent(rec *labelledRecord, m map[string]any, att string, pub time.Time) {
	if a := str(m["attacker"]); a != "" {
		att = a
	}
	ev := labelEvent{attacker: att, scope: evNational, date: eventDate(m, pub)}
	if s := strings.ToLower(str(m["scope"])); s != "" && s != "national" {
		ev.scope = evRegional
		if strings.Contains(s, "cumulative") {
			ev.scope = evCumulative
		}
		regs, _ := m["regions"].([]any)
		ev.regions = regionNames(rec, append([]any{m["scope"]}, regs...), false)
	}
	for _, cat := range sortedKeys(m) {
		readCategory(rec, &ev, cat, m[cat])
	}
	if ev.scope == evCumulative && cumulativeFigures(m) {
		// "launched": null beside "since_2022": {...}: the label keeps the
		// span's figures under their own key, so a cumulative report that
		// states them is not wrong
		ev.checks = dropNull(ev.checks)
	}
	for _, key := range []string{"hit_locations", "debris_locations"} {
		if v, ok := m[key]; ok {
			locationCheck(rec, &ev, key, v)
		}
	}
	figures := stated(ev.checks)
	ev.noFigure = !figures && ev.scope == evNational
	readCasualties(&ev, m["casualties"])
	// what describes the figures is scored where the label states a figure
	// (a label of no figure wants no report to describe)
	if figures || len(ev.anyReport) > 0 {
		readTime(&ev, m, pub)
		if ws, ok := m["weapon_types"].([]any); ok {
			for _, w := range ws {
				ev.checks = append(ev.checks, weaponCheck(str(w)))
			}
		}
		if ev.scope == evNational {
			readRegions(rec, &ev, m)
		}
		if s := str(m["source"]); s != "" {
			if c, ok := sourceCheck(s); ok {
				ev.checks = append(ev.checks, c)
			} else {
				rec.unscored = append(rec.unscored, "source "+s+": no kind of source of ours")
			}
		}
	}
	// a label that gives only per-region figures states no event of its own
	if figures || !hasRegionalLists(m) {
		rec.events = append(rec.events, ev)
	}
	readRegional(rec, m, att, ev.date)
}

// cumulativeFigures: the label gives figures under a key of a span
// (since_2022, monthly, multi_day_total, weekly, seasonal).
func cumulativeFigures(m map[string]any) bool {
	for _, k := range []string{"since_2022", "monthly", "multi_day_total", "weekly", "seasonal"} {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// dropNull removes the checks that want no figure.
func dropNull(cs []check) []check {
	out := cs[:0]
	for _, c := range cs {
		if c.want != "null" {
			out = append(out, c)
		}
	}
	return out
}

// stated: some check wants a figure (not only "none stated").
func stated(cs []check) bool {
	for _, c := range cs {
		if c.want != "null" {
			return true
		}
	}
	return false
}

func hasRegionalLists(m map[string]any) bool {
	for _, k := range []string{"by_region", "by_region_partial", "regional_subset"} {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// monthDay reads "Oct 21", "Sept 30", "2026-07-02", "night of August 1".
var isoDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

func monthDay(s string, pub time.Time) (string, bool) {
	if d := isoDate.FindString(s); d != "" {
		return d, true
	}
	m, d := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '.' || r == ',' }) {
		if mm, ok := monthsEN[w]; ok {
			m = mm
		} else if n, ok := parseNumber(w); ok && n >= 1 && n <= 31 && len(w) <= 2 {
			d = n
		}
	}
	if m == 0 || d == 0 {
		return "", false
	}
	if pub.IsZero() {
		return fmt.Sprintf("--%02d-%02d", m, d), true
	}
	return resolveDayMonth(pub, m, d), true
}

// eventDate: the night a label names, else the record's date; "" when the
// label says the date is unclear.
func eventDate(m map[string]any, pub time.Time) string {
	if n, ok := m["night"]; ok {
		if d, ok := monthDay(str(n), pub); ok {
			return d
		}
		return ""
	}
	if pub.IsZero() {
		return ""
	}
	return pub.Format("2006-01-02")
}

func readCasualties(ev *labelEvent, v any) {
	c, ok := v.(map[string]any)
	if !ok {
		return
	}
	for _, key := range []string{"killed", "injured"} {
		n, ok := labelValue(c[key])
		if !ok || n == nil {
			continue
		}
		get := func(a *briefings.AttackReport) *int { return a.Casualties.Killed }
		if key == "injured" {
			get = func(a *briefings.AttackReport) *int { return a.Casualties.Injured }
		}
		ev.anyReport = append(ev.anyReport, countCheck(fCasualties, "casualties."+key, n, false, get))
	}
}

// ---- time: period, as-of, window

// label24h: "24 hours", "~24h", "24-hour" (not a day of the month, "Dec 24").
var label24h = regexp.MustCompile(`\b24\s*-?\s*h`)

// periodOf normalizes a label's period ("overnight into Saturday", "past 24
// hours", "daytime ~11:30", kind "night").
func periodOf(s string) string {
	s = strings.ToLower(s)
	switch {
	case label24h.MatchString(s) || strings.Contains(s, "past day"):
		return string(period24h)
	case strings.Contains(s, "night"):
		return string(periodOvernight)
	case strings.Contains(s, "day"):
		return string(periodDay)
	}
	return ""
}

func jsonField(a *briefings.AttackReport, name string) string {
	b, _ := json.Marshal(a)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	if v, ok := m[name]; ok && v != nil {
		return fmt.Sprint(v)
	}
	return ""
}

func stringCheck(kind fieldKind, name, want string, get func(a *briefings.AttackReport) string) check {
	return check{kind: kind, name: name, want: want, eval: func(a *briefings.AttackReport) (bool, string) {
		if a == nil {
			return false, "no report"
		}
		g := get(a)
		return g == want, g
	}}
}

var clock = regexp.MustCompile(`(\d{1,2})[:.](\d{2})`)

func hhmm(s string) string {
	m := clock.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return fmt.Sprintf("%02s:%s", m[1], m[2])
}

func readTime(ev *labelEvent, m map[string]any, pub time.Time) {
	p := periodOf(str(m["period"]))
	if k := str(m["kind"]); k != "" {
		p = periodOf(k)
	}
	if p != "" {
		ev.checks = append(ev.checks, stringCheck(fTime, "period", p, func(a *briefings.AttackReport) string { return a.Period }))
	}
	if s := hhmm(str(m["as_of"])); s != "" {
		ev.checks = append(ev.checks, stringCheck(fTime, "as_of", s, func(a *briefings.AttackReport) string { return jsonField(a, "as_of") }))
	}
	if w := windowStart(m, pub); w != "" {
		ev.checks = append(ev.checks, stringCheck(fTime, "window_start", w, func(a *briefings.AttackReport) string { return jsonField(a, "window_start") }))
	}
}

// windowStart reads the start of a labelled window as Kyiv local time,
// "YYYY-MM-DDTHH:MM".
func windowStart(m map[string]any, pub time.Time) string {
	if s := str(m["time_window"]); s != "" {
		d, c := isoDate.FindString(s), hhmm(s)
		if d != "" && c != "" {
			return d + "T" + c
		}
	}
	if s := str(m["window_local"]); s != "" && !pub.IsZero() {
		if c := hhmm(s); c != "" {
			return pub.Format("2006-01-02") + "T" + c
		}
	}
	if w, ok := m["window_utc"].([]any); ok && len(w) > 0 {
		t, err := time.Parse("2006-01-02T15:04Z", str(w[0]))
		loc, lerr := time.LoadLocation("Europe/Kyiv")
		if err == nil && lerr == nil {
			return t.In(loc).Format("2006-01-02T15:04")
		}
	}
	return ""
}

// ---- weapon types

// labelWeapon reads a labelled weapon type as the names ours may use:
// a type's parts ("Iskander-M/KN-23": both), a class key, or "drone" or
// "missile" for a type named only by its class noun.
func labelWeapon(s string) []string {
	head, paren, _ := strings.Cut(strings.ToLower(s), "(")
	if strings.Contains(head, "bomb") {
		return []string{"guided_bomb"} // "guided bomb", "aerial bomb": not the guided missile class
	}
	if name, ok := labelModel(head); ok {
		return strings.Split(name, "/")
	}
	for _, w := range strings.Fields(head) {
		if cl, ok := classWords[w]; ok {
			return []string{string(cl)}
		}
	}
	if name, ok := labelModel(paren); ok {
		return strings.Split(name, "/")
	}
	for _, w := range strings.Fields(head) {
		switch cl, _ := headClass(w); cl {
		case classDrone:
			return []string{"drone"}
		case classMissile:
			return []string{"missile"}
		}
	}
	return []string{s}
}

// ourWeapons are the types and classes a report names: its weapons list and
// every by_type key, split at "/", lower case; plus "drone" and "missile" when
// it has such figures.
func ourWeapons(a *briefings.AttackReport) map[string]bool {
	out := map[string]bool{}
	add := func(name string) {
		for _, p := range strings.Split(name, "/") {
			out[strings.ToLower(p)] = true
		}
	}
	var ws []string
	b, _ := json.Marshal(a)
	var m struct {
		Weapons []string `json:"weapons"`
	}
	_ = json.Unmarshal(b, &m)
	ws = m.Weapons
	for _, w := range ws {
		add(w)
	}
	for _, c := range []briefings.Counts{a.Launched, a.Intercepted, a.Jammed, a.InterceptedOrJammed, a.NotReached, {ByType: a.Hits.ByType}} {
		for k := range c.ByType {
			add(k)
		}
		if c.Drones != nil {
			out["drone"] = true
		}
		if c.Missiles != nil || len(c.ByType) > 0 {
			out["missile"] = true
		}
	}
	for k := range out {
		if modelByName(k).head == classDrone {
			out["drone"] = true
		}
	}
	return out
}

func weaponCheck(label string) check {
	want := labelWeapon(label)
	return check{kind: fTypes, name: "weapon " + label, want: strings.Join(want, "+"), eval: func(a *briefings.AttackReport) (bool, string) {
		if a == nil {
			return false, "no report"
		}
		ours := ourWeapons(a)
		for _, w := range want {
			if !ours[strings.ToLower(w)] {
				return false, strings.Join(sortedKeys(ours), ",")
			}
		}
		return true, ""
	}}
}

// ---- regions

// regionNames resolves labelled region names (English or Ukrainian, "Kyiv
// Oblast", "Volyn (Lutsk)") to canonical names. A name the text never
// mentions is left out (the label read it elsewhere); with failOnUnknown a
// name that does not resolve is kept as it is, so that its check fails.
func regionNames(rec *labelledRecord, names []any, failOnUnknown bool) []string {
	var out []string
	mentioned := textRegions(rec.text)
	for _, v := range names {
		s := strings.TrimSpace(str(v))
		head, _, _ := strings.Cut(s, "(")
		low := strings.ToLower(head)
		if s == "" || strings.HasPrefix(s, "+") || strings.Contains(low, "regions") || strings.Contains(low, "other") {
			continue
		}
		name := ""
		for _, w := range strings.Fields(low) {
			if r, ok := regionOf(normApos(w)); ok {
				name = r.name
				break
			}
		}
		switch {
		case name == "" && failOnUnknown && unicode0Upper(head):
			out = append(out, head)
		case name != "" && mentioned[name] && !contains(out, name):
			out = append(out, name)
		}
	}
	return out
}

func unicode0Upper(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.ToUpper(s[:1]) == s[:1] && strings.ToLower(s[:1]) != s[:1]
}

// textRegions are the regions a text names anywhere.
func textRegions(text string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokenize(text) {
		if t.kind == kWord {
			if r, ok := regionOf(t.low); ok {
				out[r.name] = true
			}
		}
	}
	return out
}

func readRegions(rec *labelledRecord, ev *labelEvent, m map[string]any) {
	var names []any
	if rs, ok := m["regions"].([]any); ok {
		names = append(names, rs...)
	}
	if rs, ok := m["main_targets"].([]any); ok {
		names = append(names, rs...)
	}
	if s := str(m["main_target"]); s != "" {
		names = append(names, s)
	}
	for _, name := range regionNames(rec, names, true) {
		ev.checks = append(ev.checks, stringCheck(fRegions, "region "+name, name, func(a *briefings.AttackReport) string {
			if contains(a.Regions, name) {
				return name
			}
			return strings.Join(a.Regions, ",")
		}))
	}
}

// readRegional turns per-region figures (by_region, regional_subset) into
// regional events.
func readRegional(rec *labelledRecord, m map[string]any, att, date string) {
	for _, key := range []string{"by_region", "by_region_partial", "regional_subset"} {
		regs, ok := m[key].(map[string]any)
		if !ok {
			continue
		}
		cat := regionalCategory(key, regs)
		for _, name := range sortedKeys(regs) {
			names := regionNames(rec, []any{name}, false)
			if len(names) == 0 {
				continue
			}
			ev := labelEvent{attacker: att, scope: evRegional, regions: names, date: date}
			switch x := regs[name].(type) {
			case float64:
				readCategory(rec, &ev, cat, x)
			case map[string]any:
				for _, k := range sortedKeys(x) {
					if _, _, isCat := category(k); isCat {
						readCategory(rec, &ev, k, x[k])
					} else {
						readCategory(rec, &ev, cat, map[string]any{k: x[k]})
					}
				}
			}
			for i := range ev.checks {
				ev.checks[i].name = names[0] + ": " + ev.checks[i].name
			}
			if len(ev.checks) > 0 {
				rec.events = append(rec.events, ev)
			}
		}
	}
}

// regionalCategory: plain numbers per region count what was shot down; a
// regional subset of classes counts what was launched at the region.
func regionalCategory(key string, regs map[string]any) string {
	if key != "regional_subset" {
		return "intercepted"
	}
	for _, v := range regs {
		if _, isNum := v.(float64); isNum {
			return "intercepted"
		}
	}
	return "launched"
}

// readCumulative reads a monthly figure as cumulative events.
func readCumulative(rec *labelledRecord, m map[string]any, att string) {
	mo, ok := m["monthly"].(map[string]any)
	if !ok {
		return
	}
	ev := labelEvent{attacker: att, scope: evCumulative}
	for _, k := range sortedKeys(mo) {
		if k == "avg_per_day" {
			readCategory(rec, &ev, "launched", mo[k])
		} else {
			readCategory(rec, &ev, k, mo[k])
		}
	}
	if len(ev.checks) > 0 {
		rec.events = append(rec.events, ev)
	}
}

// ---- sources

// sourceNames reads a labelled source ("Ukrainian General Staff (updated);
// Air Force (earlier)") as the sources ours may name. A part that names no
// kind of source the reader has (a police chief, "Russian officials", the
// state alone: "Ukraine", "Moscow") adds nothing; when no part maps, the
// list is empty and the label's source is left unscored (see sourceCheck).
func sourceNames(label string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return r == '/' || r == ';' }) {
		s, ok := sourcePart(strings.TrimSpace(part))
		if ok && !contains(out, string(s)) {
			out = append(out, string(s))
		}
	}
	return out
}

// labelPeople are officials the labels name by surname alone, in Ukrainian,
// with the office each held when the labelled reports were written.
var labelPeople = map[string]source{
	"терехов": srcMayor, "синєгубов": srcGovernor, "синегубов": srcGovernor, "ігнат": srcAirForce,
	"бровді": srcMilitary, "мадяр": srcMilitary,
}

// sourcePart maps one part of a labelled source; ok is false when the part
// names no kind of source the reader has.
func sourcePart(part string) (source, bool) {
	head, _, _ := strings.Cut(part, "(")
	head = strings.TrimSpace(head)
	russian := strings.Contains(part, "russian") || strings.Contains(part, "росій")
	switch {
	case strings.Contains(part, "air force") || strings.Contains(part, "повітрян"):
		return srcAirForce, true
	case strings.Contains(part, "general staff") || strings.Contains(part, "генштаб"):
		return srcGenStaff, true
	case ukrainianService(part):
		return srcNone, false // Ukraine's interior ministry, rescuers or prosecutors: no kind of ours, as the police
	case strings.Contains(part, "mod") || strings.Contains(part, "ministry") || strings.Contains(part, "міноборони"):
		return srcRUMoD, true
	case strings.Contains(part, "police") || strings.Contains(part, "council") || strings.Contains(part, "поліці"):
		return srcNone, false // no kind of ours speaks for the police or a regional council
	case strings.Contains(part, "governor") || hasWord(part, "ова") || strings.Contains(part, "regional head") ||
		strings.Contains(part, "regional military administration"):
		return srcGovernor, true
	case strings.Contains(part, "mayor") || strings.Contains(part, "city military administration"):
		return srcMayor, true // a city's military administration speaks for the city, as its mayor does
	case strings.Contains(part, "military administration"):
		return srcNone, false // the city's or the region's: the label does not say which
	case strings.Contains(part, "russia") && (strings.Contains(part, "military") || strings.Contains(part, "army") || strings.Contains(part, "armed forces")):
		return srcRUMoD, true // Russia's military speaks through its defence ministry, the one Russian national source of ours
	case strings.Contains(part, "military") || strings.Contains(part, "commander") || strings.Contains(part, "armed forces"):
		return srcMilitary, true
	case russian && (strings.Contains(part, "official") || strings.Contains(part, "authorities")):
		return srcNone, false // Russia's officials other than its ministry: no kind of ours
	case strings.Contains(part, "officials") || strings.Contains(part, "president") || strings.Contains(part, "representatives") ||
		strings.Contains(part, "ukrainian authorities") || strings.Contains(part, "зеленськ") || strings.Contains(part, "zelensk"):
		return srcOfficial, true
	case hasWord(part, "pm") || strings.Contains(part, "prime minister") || strings.Contains(part, "pentagon") ||
		head == "poland" || head == "us" || head == "usa":
		return srcThird, true // a third country's government speaks
	case strings.Contains(part, "reporter") || strings.Contains(part, "correspondent") || strings.HasPrefix(part, "("):
		return srcNone, true // the outlet's own words: the text names no source
	}
	for _, w := range strings.FieldsFunc(part, func(r rune) bool { return !isLetter(r) && r != '-' }) {
		if s, ok := labelPeople[w]; ok {
			return s, true
		}
	}
	return srcNone, false
}

// ukrainianService: the part names Ukraine's interior ministry, its
// emergency (rescue) service or a prosecutor's office, in English or
// Ukrainian. None is Russia's ministry, which a bare "ministry" maps to.
func ukrainianService(part string) bool {
	for _, w := range []string{"interior", "internal affairs", "emergency", "prosecutor", "мвс", "дснс", "прокурат"} {
		if strings.Contains(part, w) {
			return true
		}
	}
	return false
}

// hasWord: w is a whole word of part ("ОВА", not a word ending in -ова).
func hasWord(part, w string) bool {
	for _, f := range strings.FieldsFunc(part, func(r rune) bool { return !isLetter(r) }) {
		if f == w {
			return true
		}
	}
	return false
}

// sourceCheck scores the source ours names; ok is false when the label's
// source maps to no kind of ours (the field is then unscored).
func sourceCheck(label string) (check, bool) {
	want := sourceNames(label)
	if len(want) == 0 {
		return check{}, false
	}
	return check{kind: fSource, name: "source", want: strings.Join(want, " | "), eval: func(a *briefings.AttackReport) (bool, string) {
		if a == nil {
			return false, "no report"
		}
		return contains(want, a.Source), a.Source
	}}, true
}

// ---- the daily data format (attacks_more)

// statedNumbers are the numbers a text writes, in digits or as common number
// words, read independently of the reader.
var labelNumberWords = func() map[string]int {
	m := map[string]int{}
	for i, w := range strings.Fields("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty") {
		m[w] = i + 1
	}
	for i, w := range strings.Fields("thirty forty fifty sixty seventy eighty ninety") {
		m[w] = 30 + 10*i
	}
	uk := map[int]string{
		1: "один одна одну одного одним одній", 2: "два дві двох двома", 3: "три трьох трьома", 4: "чотири чотирьох чотирма",
		5: "п'ять п'яти п'ятьма п'ятьох", 6: "шість шести шістьма", 7: "сім семи сьома", 8: "вісім восьми вісьмома",
		9: "дев'ять дев'яти", 10: "десять десяти десятьма", 100: "сто сотня сотні сотнею сотню hundred",
	}
	for n, ws := range uk {
		for _, w := range strings.Fields(ws) {
			m[w] = n
		}
	}
	return m
}()

func statedNumbers(text string) map[int]bool {
	out := map[int]bool{}
	for _, s := range labelNumber.FindAllString(text, -1) {
		if n, ok := parseNumber(s); ok {
			out[n] = true
		}
	}
	words := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(text, "’", "'")), func(r rune) bool {
		return !(r == '\'' || r == '-' || unicodeLetter(r))
	})
	for _, w := range words {
		if n, ok := labelNumberWords[w]; ok {
			out[n] = true
		}
		if a, b, ok := strings.Cut(w, "-"); ok && labelNumberWords[a] >= 20 && labelNumberWords[b] < 10 {
			out[labelNumberWords[a]+labelNumberWords[b]] = true
		}
	}
	return out
}

func unicodeLetter(r rune) bool { return isLetter(r) }

// readDaily reads a record labelled with the Air Force's daily data: a field
// is scored only when the text states its number (the data set can split
// what a text lumps together, or hold figures the excerpt does not give).
func readDaily(rec *labelledRecord, dd map[string]any) {
	date := ""
	if !rec.pub.IsZero() {
		date = rec.pub.Format("2006-01-02")
	}
	ev := labelEvent{attacker: string(sideRU), scope: evNational, date: date}
	stated := statedNumbers(rec.text)
	num := func(k string) (int, bool) {
		f, ok := dd[k].(float64)
		return int(f), ok
	}
	add := func(kind fieldKind, name string, n int, get func(a *briefings.AttackReport) *int) {
		if !stated[n] {
			rec.unscored = append(rec.unscored, fmt.Sprintf("%s=%d: not stated in the text", name, n))
			return
		}
		ev.checks = append(ev.checks, countCheck(kind, name, &n, kind == fLaunched || kind == fCombined, get))
	}
	if n, ok := num("uav_launched"); ok {
		add(fLaunched, "launched.drones", n, func(a *briefings.AttackReport) *int {
			if a.Launched.Drones == nil && a.Launched.Missiles == nil {
				return a.Launched.Total
			}
			return a.Launched.Drones
		})
	}
	readDailyDowned(&ev, stated, num, add)
	if n, ok := num("missiles_launched"); ok {
		add(fLaunched, "launched.missiles", n, func(a *briefings.AttackReport) *int { return a.Launched.Missiles })
	}
	if n, ok := num("missiles_destroyed"); ok {
		add(fCombined, "downed.missiles", n, func(a *briefings.AttackReport) *int { return downed(a).Missiles })
	}
	if n, ok := num("hits_locations"); ok {
		add(fHits, "hits.locations", n, func(a *briefings.AttackReport) *int { return a.Hits.Locations })
	}
	if n, ok := num("debris_locations"); ok {
		add(fHits, "hits.debris_locations", n, func(a *briefings.AttackReport) *int { return a.Hits.DebrisLocations })
	}
	rec.events = append(rec.events, ev)
}

func readDailyDowned(ev *labelEvent, stated map[int]bool, num func(string) (int, bool), add func(fieldKind, string, int, func(a *briefings.AttackReport) *int)) {
	d, hasD := num("uav_destroyed")
	if n, ok := num("uav_down"); ok {
		d, hasD = n, true
	}
	lost, hasL := num("location_lost")
	if n, ok := num("not_reach_goal"); ok && !hasL {
		lost, hasL = n, true
	}
	switch {
	case hasD && stated[d]:
		add(fCombined, "downed.drones", d, func(a *briefings.AttackReport) *int { return downed(a).Drones })
	case hasD && hasL && lost > 0 && stated[d+lost]:
		// the text lumps shot down and lost together ("neutralized N")
		add(fCombined, "intercepted_or_jammed.drones", d+lost, func(a *briefings.AttackReport) *int { return a.InterceptedOrJammed.Drones })
	case hasD:
		add(fCombined, "downed.drones", d, nil) // not stated: left unscored
	}
	if hasL && lost > 0 {
		add(fJammed, "jammed.drones", lost, func(a *briefings.AttackReport) *int {
			if a.Jammed.Drones == nil {
				return a.NotReached.Drones
			}
			return a.Jammed.Drones
		})
	}
}
