package bot

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings"
)

var commandNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

// Every entry of the table is complete: a name every platform accepts, help
// within Discord's limits, a usage line that names it, and a handler.
func TestCommandTable(t *testing.T) {
	names := map[string]bool{}
	for _, c := range Commands() {
		names[c.Name] = true
		if !commandNameRE.MatchString(c.Name) {
			t.Errorf("%q: not a name Telegram and Discord accept", c.Name)
		}
		if n := utf8.RuneCountInString(c.Help.Summary); n == 0 || n > 100 {
			t.Errorf("%s: summary of %d characters", c.Name, n)
		}
		if !strings.HasPrefix(c.Help.Usage, "/"+c.Name) {
			t.Errorf("%s: usage %q", c.Name, c.Help.Usage)
		}
		if c.run == nil {
			t.Errorf("%s: no handler", c.Name)
		}
		for _, a := range c.Args {
			if n := utf8.RuneCountInString(a.Help); !commandNameRE.MatchString(a.Name) || n == 0 || n > 100 {
				t.Errorf("%s %s: bad argument name or help", c.Name, a.Name)
			}
		}
	}
	if c, ok := LookupCommand("toggle"); !ok || !c.Hidden || c.Access != ChatManagers {
		t.Errorf("toggle: %+v %v; want a hidden command for chat managers", c, ok)
	}
	for _, slow := range []string{"digest", "summary", "search", "attacks", "chart"} {
		if c, _ := LookupCommand(slow); !c.Slow {
			t.Errorf("%s should be slow", slow)
		}
	}
	if _, ok := LookupCommand("nosuch"); ok || len(names) != len(commands.list) {
		t.Error("lookup found a command the table lacks, or names repeat")
	}
}

// A new command is one entry: the router dispatches it, parses its
// arguments, applies its access rule and lists it in /help, with no other
// change.
func TestCommandIsOneEntry(t *testing.T) {
	echo := command(Command{Name: "echo", Access: ChatManagers, Help: Help{Usage: "/echo <n>", Summary: "Say a number back"}},
		parseLatest, func(_ *Router, _ context.Context, _ *Request, n int) (*Reply, error) {
			return Text(strings.Repeat("x", n)), nil
		})
	r := NewRouter(Deps{Now: func() time.Time { return time.Unix(0, 0) }})
	r.cmds = newTable(r.cmds.list, []Command{echo})
	ask := func(text string, manage bool) string {
		rep := r.Handle(context.Background(), &Request{Chat: briefings.Chat{Platform: "p", ChatID: "1"}, UserID: "u",
			ChatKind: briefings.ChatPrivate, CanManage: manage, Unmetered: true, Text: text})
		return plain(rep)
	}
	if got := ask("/echo 3", true); got != "xxx" {
		t.Errorf("/echo 3: %q", got)
	}
	if got := ask("/echo 99", true); !strings.Contains(got, "from 1 to 20") {
		t.Errorf("/echo 99 should fail its parser: %q", got)
	}
	if got := ask("/echo 3", false); !strings.Contains(got, "Only members who can manage") {
		t.Errorf("/echo by a non-manager: %q", got)
	}
	if got := ask("/help", true); !strings.Contains(got, "/echo <n> Say a number back") {
		t.Errorf("/help lacks the new command: %q", got)
	}
	if got := ask("/help", true); strings.Contains(got, "/toggle") {
		t.Errorf("/help lists a hidden command: %q", got)
	}
}

// plain is a reply's text, spans joined, lines on their own.
func plain(r *Reply) string {
	if r == nil {
		return ""
	}
	var lines []string
	for _, p := range r.Paragraphs {
		for _, l := range p.Lines {
			var b strings.Builder
			for _, s := range l {
				b.WriteString(s.Text)
			}
			lines = append(lines, b.String())
		}
	}
	return strings.Join(lines, "\n")
}

// What differs between platforms comes in the request: the console's
// requests are unmetered and carry the operator's zone.
func TestRequestCarriesPlatformDifferences(t *testing.T) {
	r := NewRouter(Deps{Now: func() time.Time { return time.Unix(0, 0) }, RatePerMinute: 1, RateBurst: 1})
	req := &Request{Chat: briefings.Chat{Platform: "any", ChatID: "1"}, UserID: "u", ChatKind: briefings.ChatGroup, Text: "/help"}
	for i := range 3 {
		if rep := r.Handle(context.Background(), req); rep.Error != (i > 0) {
			t.Fatalf("metered request %d: error %v", i, rep.Error)
		}
	}
	req.Unmetered = true
	if rep := r.Handle(context.Background(), req); rep.Error {
		t.Fatal("an unmetered request was limited")
	}
	req.Text = "plain chatter"
	if rep := r.Handle(context.Background(), req); rep != nil {
		t.Fatalf("chatter in a group answered: %+v", rep)
	}
}

func TestParsers(t *testing.T) {
	bad := func(name string, err error) {
		t.Helper()
		if briefings.ErrorCode(err) != briefings.EINVALID {
			t.Errorf("%s: error %v, want one for the user", name, err)
		}
	}
	if d, err := parsePeriod(nil); d != 24*time.Hour || err != nil {
		t.Errorf("no period: %v %v", d, err)
	}
	if d, err := parsePeriod([]string{"7D"}); d != 7*24*time.Hour || err != nil {
		t.Errorf("7D: %v %v", d, err)
	}
	_, err := parsePeriod([]string{"31d"})
	bad("31d", err)
	_, err = parsePeriod([]string{"24h", "7d"})
	bad("two periods", err)

	if q, err := parseSummary([]string{"https://news.example/a"}); q.URL == "" || err != nil {
		t.Errorf("summary URL: %+v %v", q, err)
	}
	if q, _ := parseSummary([]string{"https://news.example/a", "and"}); q.URL != "" || len(q.Words) != 2 {
		t.Errorf("a URL with words is a question: %+v", q)
	}
	_, err = parseSummary(nil)
	bad("empty summary", err)

	if n, err := parseLatest(nil); n != 5 || err != nil {
		t.Errorf("latest: %d %v", n, err)
	}
	_, err = parseLatest([]string{"0"})
	bad("latest 0", err)

	if q, err := parseSearch([]string{"-p2", "grain", "deal"}); q.Page != 2 || q.Words != "grain deal" || err != nil {
		t.Errorf("search page: %+v %v", q, err)
	}
	if q, _ := parseSearch([]string{"-p99", "x"}); q.Page != 0 || q.Words != "-p99 x" {
		t.Errorf("an out-of-range page is a word: %+v", q)
	}
	_, err = parseSearch([]string{"-p1"})
	bad("search page without words", err)

	if id, err := parseSourceID([]string{"#12"}); id != 12 || err != nil {
		t.Errorf("source id: %d %v", id, err)
	}
	_, err = parseSourceID([]string{"x"})
	bad("source id x", err)
	_, err = parseAddSource([]string{"feed.example"})
	bad("addsource without scheme", err)

	if tp, err := parseToggle([]string{"drones"}); tp != briefings.TopicAirAttacks || err != nil {
		t.Errorf("toggle alias: %q %v", tp, err)
	}
}

func TestParseSubscribe(t *testing.T) {
	cases := []struct {
		in       string
		schedule string
		tz       string
		topics   string
	}{
		{"", "08:00", "", ""},
		{"7:30 utc talks drones talks", "07:30", "UTC", "diplomacy,air_attacks"},
		{"Europe/Kyiv 21:05", "21:05", "Europe/Kyiv", ""},
		{"0 8 * * 1-5", "0 8 * * 1-5", "", ""},
		{"CRON_TZ=Europe/Kyiv 0 8 * * *", "CRON_TZ=Europe/Kyiv 0 8 * * *", "", ""},
	}
	for _, c := range cases {
		s, err := parseSubscribe(strings.Fields(c.in))
		if err != nil || s.Schedule != c.schedule || s.TimeZone != c.tz || strings.Join(briefings.TopicStrings(s.Topics), ",") != c.topics {
			t.Errorf("%q: %+v %v", c.in, s, err)
		}
	}
	if _, err := parseSubscribe([]string{"08:00", "kittens"}); briefings.ErrorCode(err) != briefings.EINVALID {
		t.Errorf("unknown topic: %v", err)
	}
}

func TestParseAlertsApply(t *testing.T) {
	cur := &briefings.AlertSettings{MinLaunched: 10, Regions: []string{"Lviv"}, Classes: []string{"drones"}}
	c, err := parseAlerts([]string{"on", "min", "50", "missiles", "ru", "Kyiv,", "Odesa", "Kyiv"})
	if err != nil {
		t.Fatal(err)
	}
	c.apply(cur)
	if !cur.Enabled || cur.MinLaunched != 50 || cur.Attacker != "RU" || strings.Join(cur.Regions, ",") != "Kyiv,Odesa" ||
		strings.Join(cur.Classes, ",") != "drones,missiles" {
		t.Errorf("on with filters: %+v", cur)
	}
	c, _ = parseAlerts([]string{"ON"})
	c.apply(cur)
	if !cur.Enabled || cur.MinLaunched != 0 || cur.Regions != nil || cur.Attacker != "RU" {
		t.Errorf("bare on clears the minimum and regions only: %+v", cur)
	}
	c, _ = parseAlerts([]string{"off", "whatever"})
	c.apply(cur)
	if cur.Enabled || cur.Attacker != "RU" {
		t.Errorf("off keeps the filters: %+v", cur)
	}
	for _, in := range []string{"", "maybe", "on min x", "on <b>"} {
		if _, err := parseAlerts(strings.Fields(in)); briefings.ErrorCode(err) != briefings.EINVALID {
			t.Errorf("%q: %v", in, err)
		}
	}
}
