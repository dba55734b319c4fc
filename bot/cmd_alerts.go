package bot

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// alertCommands: drone and missile attacks, and the chat's attack alerts.
func alertCommands() []Command {
	return []Command{
		command(Command{Name: "attacks", Slow: true, Args: []Arg{periodArg()},
			Help: Help{Usage: "/attacks [24h|7d]", Summary: "Drone and missile attacks with figures"}},
			parsePeriod, (*Router).attacks),
		command(Command{Name: "alerts", Access: ChatManagers,
			Help: Help{Usage: "/alerts on|off [min N] [regions...]", Summary: "Attack alerts on or off, with filters"},
			Args: []Arg{
				{Name: "state", Help: "on or off", Required: true, Choices: []string{"on", "off"}},
				{Name: "filters", Help: "min N, regions", Rest: true},
			}},
			parseAlerts, (*Router).alerts),
	}
}

func (r *Router) attacks(ctx context.Context, req *Request, period time.Duration) (*Reply, error) {
	now := r.d.Now()
	reps, err := r.d.Store.ListAttackReports(ctx, now.Add(-period), now.Add(time.Minute))
	if err != nil {
		return nil, err
	}
	loc := r.chatLocation(ctx, req.Chat)
	lines := r.d.AttackLines(r.printer(ctx, req), reps, loc)
	title := req.t("attacks.title", locale.Args{"Period": FormatPeriod(period)})
	rec, err := r.recordParagraph(ctx, req, now.Add(-period), now, reps, loc)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 && rec == nil {
		return Text(req.t("attacks.none", locale.Args{"Period": FormatPeriod(period)})), nil
	}
	var paras []Paragraph
	if len(lines) > 0 {
		p := Paragraph{}
		if rec != nil {
			p.Heading = req.t("attacks.news")
		}
		for _, l := range lines {
			p.Lines = append(p.Lines, EventSpans(r.printer(ctx, req), l))
		}
		paras = append(paras, p)
	}
	if rec != nil {
		paras = append(paras, *rec)
	}
	return &Reply{Title: title, Paragraphs: paras, NoPreview: true}, nil
}

// alertsChange is what an /alerts command asks for.
type alertsChange struct {
	On       bool
	Min      int
	MinSet   bool
	Classes  []string // drones, missiles
	Attacker string   // RU, UA; "" leaves it as it is
	Regions  []string
	// Bare: "/alerts on" with nothing after it, which clears the minimum and
	// the regions.
	Bare bool
}

// parseAlerts reads "on|off [min N] [regions...]".
func parseAlerts(words []string) (alertsChange, error) {
	var c alertsChange
	if len(words) == 0 {
		return c, invalid("error.alerts_how")
	}
	switch strings.ToLower(words[0]) {
	case "on":
		c.On = true
	case "off":
		return c, nil
	default:
		return c, invalid("error.alerts_on_off")
	}
	rest := words[1:]
	c.Bare = len(rest) == 0
	for i := 0; i < len(rest); i++ {
		w := rest[i]
		lw := strings.ToLower(w)
		switch {
		case lw == "min" && i+1 < len(rest):
			n, err := strconv.Atoi(rest[i+1])
			if err != nil || n < 0 || n > 100000 {
				return c, invalid("error.alerts_min")
			}
			c.Min, c.MinSet = n, true
			i++
		case lw == "drones" || lw == "missiles":
			c.Classes = appendUnique(c.Classes, lw)
		case lw == "ru" || lw == "ua":
			c.Attacker = strings.ToUpper(lw)
		default:
			if utf8.RuneCountInString(w) > 40 || strings.ContainsAny(w, "<>&*_`[]()@#") {
				return c, invalid("error.alerts_region", locale.Args{"Region": strconv.Quote(trimForReply(w, 40))})
			}
			c.Regions = appendUnique(c.Regions, strings.Trim(w, ","))
		}
	}
	return c, nil
}

// apply changes a chat's settings as asked. Classes add to those set
// before; regions replace them when given.
func (c alertsChange) apply(cur *briefings.AlertSettings) {
	cur.Enabled = c.On
	if !c.On {
		return
	}
	if c.MinSet {
		cur.MinLaunched = c.Min
	}
	for _, cl := range c.Classes {
		cur.Classes = appendUnique(cur.Classes, cl)
	}
	if c.Attacker != "" {
		cur.Attacker = c.Attacker
	}
	if c.Bare {
		cur.MinLaunched = 0
	}
	if len(c.Regions) > 0 || c.Bare {
		cur.Regions = c.Regions
	}
}

func (r *Router) alerts(ctx context.Context, req *Request, change alertsChange) (*Reply, error) {
	cur, err := r.d.Store.GetAlertSettings(ctx, req.Chat)
	if err != nil {
		if briefings.ErrorCode(err) != briefings.ENOTFOUND {
			return nil, err
		}
		cur = &briefings.AlertSettings{Chat: req.Chat}
	}
	change.apply(cur)
	cur.Chat = req.Chat
	if err := r.d.Store.SetAlertSettings(ctx, cur); err != nil {
		return nil, err
	}
	r.notify()
	r.rememberLang(ctx, req)
	if !cur.Enabled {
		return Text(req.t("alerts.off")), nil
	}
	return Text(req.t("alerts.on", locale.Args{"What": describeAlerts(req.pr, cur)})), nil
}

// describeAlerts says which attacks a chat is alerted to.
func describeAlerts(pr *locale.Printer, a *briefings.AlertSettings) string {
	parts := []string{}
	if a.MinLaunched > 0 {
		parts = append(parts, pr.T("alerts.min", locale.Args{"N": a.MinLaunched}))
	}
	if len(a.Classes) > 0 {
		classes := make([]string, len(a.Classes))
		for i, c := range a.Classes {
			classes[i] = pr.T("alerts.class." + c)
		}
		parts = append(parts, strings.Join(classes, pr.T("figures.and")))
	}
	if len(a.Regions) > 0 {
		parts = append(parts, pr.T("alerts.regions", locale.Args{"Regions": strings.Join(a.Regions, ", ")}))
	}
	if a.Attacker != "" {
		parts = append(parts, pr.T("alerts.attacker", locale.Args{"Who": a.Attacker}))
	}
	if len(parts) == 0 {
		return pr.T("alerts.every")
	}
	return strings.Join(parts, "; ")
}
