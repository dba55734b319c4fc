package bot

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// subscriptionCommands: the chat's daily digest and its settings.
func subscriptionCommands() []Command {
	return []Command{
		command(Command{Name: "subscribe", Access: ChatManagers,
			Help: Help{Usage: "/subscribe [HH:MM] [time zone] [topics...]", Summary: "Daily digest at your local time"},
			Args: []Arg{
				{Name: "time", Help: "HH:MM (default 08:00)"},
				{Name: "timezone", Help: "IANA time zone, e.g. Europe/Kyiv", Complete: CompleteTimeZones},
				{Name: "topics", Help: "Topics, space separated", Complete: CompleteTopics, Rest: true},
			}},
			parseSubscribe, (*Router).subscribe),
		command(Command{Name: "unsubscribe", Access: ChatManagers, Help: Help{Usage: "/unsubscribe", Summary: "Stop the daily digest"}},
			noArgs, (*Router).unsubscribe),
		command(Command{Name: "weeklychart", Access: ChatManagers,
			Help: Help{Usage: "/weeklychart on|off", Summary: "A chart of the week's attacks with Monday's digest"},
			Args: []Arg{{Name: "state", Help: "on or off", Required: true, Choices: []string{"on", "off"}}}},
			parseOnOff, (*Router).weeklyChart),
		command(Command{Name: "settings", Help: Help{Usage: "/settings", Summary: "This chat's digest and alert settings"}},
			noArgs, (*Router).settings),
		// The topic buttons of /settings.
		command(Command{Name: "toggle", Access: ChatManagers, Hidden: true,
			Help: Help{Usage: "/toggle <topic>", Summary: "Add or remove a topic of the daily digest"}},
			parseToggle, (*Router).toggle),
	}
}

// subscribeRequest is a daily digest asked for: a time of day ("08:00") with
// a zone ("" when none was named) and topics, or a cron spec.
type subscribeRequest struct {
	Schedule string
	TimeZone string
	Topics   []briefings.Topic
}

// parseSubscribe reads "[HH:MM] [time zone] [topics...]" or a cron spec.
func parseSubscribe(words []string) (subscribeRequest, error) {
	joined := strings.Join(words, " ")
	if strings.HasPrefix(joined, "CRON_TZ=") || strings.HasPrefix(joined, "TZ=") || looksLikeCron(words) {
		return subscribeRequest{Schedule: joined}, nil
	}
	s := subscribeRequest{Schedule: "08:00"}
	for _, a := range words {
		switch {
		case isClock(a):
			s.Schedule = normalizeClock(a)
		case strings.Contains(a, "/") || strings.EqualFold(a, "UTC"):
			if strings.EqualFold(a, "utc") {
				a = "UTC"
			}
			s.TimeZone = a
		default:
			t := topicName(a)
			if t == "" {
				return subscribeRequest{}, invalid("error.topic_unknown", locale.Args{"Topic": strconv.Quote(trimForReply(a, 30)),
					"Topics": topicList(briefings.Topics())})
			}
			s.Topics = appendUnique(s.Topics, t)
		}
	}
	return s, nil
}

func looksLikeCron(args []string) bool {
	if len(args) != 5 {
		return false
	}
	for _, a := range args {
		if strings.Trim(a, "0123456789*/,-") != "" && !strings.ContainsAny(a, "0123456789*") {
			return false
		}
	}
	return !isClock(args[0])
}

func isClock(s string) bool {
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(m) != 2 || len(h) < 1 || len(h) > 2 {
		return false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	return err1 == nil && err2 == nil && hh >= 0 && hh < 24 && mm >= 0 && mm < 60
}

func normalizeClock(s string) string {
	h, m, _ := strings.Cut(s, ":")
	if len(h) == 1 {
		h = "0" + h
	}
	return h + ":" + m
}

func (r *Router) subscribe(ctx context.Context, req *Request, s subscribeRequest) (*Reply, error) {
	schedule, tz, topics := s.Schedule, s.TimeZone, s.Topics
	if tz == "" && !strings.Contains(schedule, " ") {
		tz = r.defaultZone(ctx, req)
	}
	now := r.d.Now()
	next, err := r.d.NextDigest(schedule, tz, now)
	if err != nil {
		var be *briefings.Error
		if errors.As(err, &be) {
			return nil, err
		}
		return nil, invalid("error.plain", locale.Args{"Text": shortErr(err)})
	}
	sub := &briefings.Subscription{Chat: req.Chat, Schedule: schedule, TimeZone: tz, Topics: topics, Active: true, NextDueAt: next}
	if old, err := r.d.Store.GetSubscription(ctx, req.Chat); err == nil {
		sub.WeeklyChart = old.WeeklyChart // a new time or topics keep the weekly chart as it was
	}
	if err := r.d.Store.UpsertSubscription(ctx, sub); err != nil {
		return nil, err
	}
	r.notify()
	what := req.t("subscribe.all_topics")
	if len(topics) > 0 {
		what = topicList(topics)
	}
	when := req.t("subscribe.daily", locale.Args{"Time": schedule, "Zone": tz})
	if strings.Contains(schedule, " ") {
		when = req.t("subscribe.cron", locale.Args{"Schedule": schedule})
	}
	loc := time.UTC
	if l, err := time.LoadLocation(tz); err == nil {
		loc = l
	}
	r.rememberLang(ctx, req)
	return &Reply{Title: req.t("subscribe.title"), Paragraphs: []Paragraph{{Lines: [][]Span{
		{{Text: req.t("subscribe.what", locale.Args{"When": when, "What": what})}},
		{{Text: req.t("subscribe.next", locale.Args{"When": req.pr.WeekdayTime(next.In(loc))})}},
	}}}, Buttons: [][]Button{{{Label: req.t("button.settings"), Data: "/settings"}, {Label: req.t("button.unsubscribe"), Data: "/unsubscribe"}}}}, nil
}

// defaultZone is the zone of a daily digest set up without one: the chat's
// current one, else the one the platform knows, else UTC.
func (r *Router) defaultZone(ctx context.Context, req *Request) string {
	if old, err := r.d.Store.GetSubscription(ctx, req.Chat); err == nil && old.TimeZone != "" {
		return old.TimeZone
	}
	if req.TimeZone != "" {
		return req.TimeZone
	}
	return "UTC"
}

func (r *Router) unsubscribe(ctx context.Context, req *Request, _ struct{}) (*Reply, error) {
	if _, err := r.d.Store.GetSubscription(ctx, req.Chat); err != nil {
		if briefings.ErrorCode(err) == briefings.ENOTFOUND {
			return Text(req.t("unsubscribe.none")), nil
		}
		return nil, err
	}
	if err := r.d.Store.DeleteSubscription(ctx, req.Chat); err != nil {
		return nil, err
	}
	r.notify()
	return Text(req.t("unsubscribe.done")), nil
}

func (r *Router) settings(ctx context.Context, req *Request, _ struct{}) (*Reply, error) {
	sub, err := r.d.Store.GetSubscription(ctx, req.Chat)
	if err != nil && briefings.ErrorCode(err) != briefings.ENOTFOUND {
		return nil, err
	}
	if err != nil {
		sub = nil
	}
	al, err := r.d.Store.GetAlertSettings(ctx, req.Chat)
	if err != nil && briefings.ErrorCode(err) != briefings.ENOTFOUND {
		return nil, err
	}
	alertsOn := err == nil && al.Enabled
	cs, err := r.chatSettings(ctx, req.Chat)
	if err != nil {
		return nil, err
	}
	p := settingsLines(req, sub, al, alertsOn)
	p.Lines = append(p.Lines, languageLines(req, cs)...)
	rep := &Reply{Title: req.t("settings.title"), Ephemeral: true, Paragraphs: []Paragraph{p}}
	if req.CanManage {
		if sub != nil {
			rep.Buttons = topicButtons(sub.Topics)
		}
		if cs.OwnLangSources {
			rep.Buttons = append(rep.Buttons, []Button{{Label: req.t("button.own_lang_off"), Data: "/ownlang off"}})
		} else {
			rep.Buttons = append(rep.Buttons, []Button{{Label: req.t("button.own_lang_on"), Data: "/ownlang on"}})
		}
		if sub != nil && sub.WeeklyChart {
			rep.Buttons = append(rep.Buttons, []Button{{Label: req.t("button.weekly_chart_off"), Data: "/weeklychart off"}})
		} else if sub != nil {
			rep.Buttons = append(rep.Buttons, []Button{{Label: req.t("button.weekly_chart_on"), Data: "/weeklychart on"}})
		}
		if alertsOn {
			rep.Buttons = append(rep.Buttons, []Button{{Label: req.t("button.alerts_off"), Data: "/alerts off"}})
		} else {
			rep.Buttons = append(rep.Buttons, []Button{{Label: req.t("button.alerts_on_short"), Data: "/alerts on"}})
		}
	}
	return rep, nil
}

// settingsLines describe a chat's digest (sub, nil when it has none) and
// alerts.
func settingsLines(req *Request, sub *briefings.Subscription, al *briefings.AlertSettings, alertsOn bool) Paragraph {
	p := Paragraph{}
	digest := []Span{{Text: req.t("settings.digest") + " ", Bold: true}}
	if sub != nil {
		topics := req.t("subscribe.all_topics")
		if len(sub.Topics) > 0 {
			topics = topicList(sub.Topics)
		}
		state := ""
		if !sub.Active {
			state = " " + req.t("settings.paused", locale.Args{"Why": sub.PausedReason})
		}
		p.Lines = append(p.Lines, append(digest, Span{Text: sub.Schedule + " " + sub.TimeZone + ", " + topics + state}))
		weekly := req.t("settings.off")
		if sub.WeeklyChart {
			weekly = req.t("settings.weekly_chart_on")
		}
		p.Lines = append(p.Lines, []Span{{Text: req.t("settings.weekly_chart") + " ", Bold: true}, {Text: weekly + " (/weeklychart)"}})
	} else {
		p.Lines = append(p.Lines, append(digest, Span{Text: req.t("settings.digest_off")}))
	}
	alerts := []Span{{Text: req.t("settings.alerts") + " ", Bold: true}}
	if alertsOn {
		p.Lines = append(p.Lines, append(alerts, Span{Text: req.t("settings.alerts_on", locale.Args{"What": describeAlerts(req.pr, al)})}))
	} else {
		p.Lines = append(p.Lines, append(alerts, Span{Text: req.t("settings.off")}))
	}
	return p
}

// topicButtons are the /toggle buttons of every topic, four to a row, the
// chat's own topics marked.
func topicButtons(chosen []briefings.Topic) [][]Button {
	var rows [][]Button
	var row []Button
	for _, t := range briefings.Topics() {
		mark := "○ "
		if slices.Contains(chosen, t) {
			mark = "● "
		}
		row = append(row, Button{Label: mark + string(t), Data: "/toggle " + string(t)})
		if len(row) == 4 {
			rows = append(rows, row)
			row = nil
		}
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// parseToggle reads the topic of a settings button.
func parseToggle(words []string) (briefings.Topic, error) {
	if len(words) != 1 || topicName(words[0]) == "" {
		return "", invalid("error.topic_toggle")
	}
	return topicName(words[0]), nil
}

// toggle flips one topic of the chat's subscription (a settings button).
func (r *Router) toggle(ctx context.Context, req *Request, t briefings.Topic) (*Reply, error) {
	sub, err := r.d.Store.GetSubscription(ctx, req.Chat)
	if err != nil {
		if briefings.ErrorCode(err) == briefings.ENOTFOUND {
			return nil, invalid("error.subscribe_first")
		}
		return nil, err
	}
	// A new list, nil when the last topic goes (stored as no topics at all).
	var out []briefings.Topic
	found := false
	for _, s := range sub.Topics {
		if s == t {
			found = true
			continue
		}
		out = append(out, s)
	}
	if !found {
		out = append(out, t)
	}
	sub.Topics = out
	if err := r.d.Store.UpsertSubscription(ctx, sub); err != nil {
		return nil, err
	}
	return r.settings(ctx, req, struct{}{})
}

// weeklyChart turns the weekly chart of the chat's digest on or off.
func (r *Router) weeklyChart(ctx context.Context, req *Request, on bool) (*Reply, error) {
	sub, err := r.d.Store.GetSubscription(ctx, req.Chat)
	if err != nil {
		if briefings.ErrorCode(err) == briefings.ENOTFOUND {
			return nil, invalid("error.subscribe_first")
		}
		return nil, err
	}
	sub.WeeklyChart = on
	if err := r.d.Store.UpsertSubscription(ctx, sub); err != nil {
		return nil, err
	}
	if !on {
		return Text(req.t("weekly_chart.off")), nil
	}
	return Text(req.t("weekly_chart.on")), nil
}
