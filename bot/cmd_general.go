package bot

import (
	"context"

	"github.com/sitrep/sitrep/briefings/locale"
)

// generalCommands: the welcome and the command list.
func generalCommands() []Command {
	return []Command{
		command(Command{Name: "start", Help: Help{Usage: "/start", Summary: "Welcome and one-tap setup"}},
			noArgs, (*Router).start),
		command(Command{Name: "help", Help: Help{Usage: "/help", Summary: "What sitrep can do"}},
			noArgs, (*Router).help),
	}
}

func (r *Router) start(_ context.Context, req *Request, _ struct{}) (*Reply, error) {
	rep := &Reply{
		Title: req.t("start.title"),
		Paragraphs: []Paragraph{{Lines: [][]Span{
			{{Text: req.t("start.about")}},
			{{Text: req.t("start.next")}},
		}}},
	}
	rep.Buttons = [][]Button{{{Label: req.t("button.latest_briefing"), Data: "/digest 24h"}, {Label: req.t("button.attacks_24h"), Data: "/attacks 24h"}}}
	if req.CanManage {
		rep.Buttons = append(rep.Buttons, []Button{
			{Label: req.t("button.daily_kyiv"), Data: "/subscribe 08:00 Europe/Kyiv"},
			{Label: req.t("button.alerts_on"), Data: "/alerts on"},
		})
	}
	return rep, nil
}

// help lists the commands the user may run, from the command table.
func (r *Router) help(_ context.Context, req *Request, _ struct{}) (*Reply, error) {
	p := Paragraph{}
	for _, c := range r.cmds.list {
		if c.Hidden || c.Access == Admins && !req.IsAdmin {
			continue
		}
		h := CommandHelp(req.pr, c)
		p.Lines = append(p.Lines, []Span{{Text: h.Usage, Code: true}, {Text: " " + h.Summary}})
	}
	return &Reply{Title: req.t("help.title"), Paragraphs: []Paragraph{p,
		{Lines: [][]Span{{{Text: req.t("help.figures")}}}}}}, nil
}

// CommandHelp is c's help in pr's language (the catalogue's cmd.<name>
// keys), its English help where the catalogue has none.
func CommandHelp(pr *locale.Printer, c Command) Help {
	h := c.Help
	if pr == nil {
		return h
	}
	if s, ok := pr.Lookup("cmd." + c.Name + ".usage"); ok {
		h.Usage = s
	}
	if s, ok := pr.Lookup("cmd." + c.Name + ".summary"); ok {
		h.Summary = s
	}
	return h
}

// ArgHelp is the help of c's argument a in pr's language.
func ArgHelp(pr *locale.Printer, c Command, a Arg) string {
	if pr != nil {
		if s, ok := pr.Lookup("cmd." + c.Name + ".args.a_" + a.Name); ok {
			return s
		}
	}
	return a.Help
}
