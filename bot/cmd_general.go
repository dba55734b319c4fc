package bot

import (
	"context"
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
		Title: "Welcome to sitrep",
		Paragraphs: []Paragraph{{Lines: [][]Span{
			{{Text: "Short, sourced briefings on the Russia-Ukraine war and the diplomacy around it. Every figure is quoted from its source, and every item names its sources."}},
			{{Text: "Tap a button to set up, or type /help."}},
		}}},
	}
	rep.Buttons = [][]Button{{{Label: "Latest briefing", Data: "/digest 24h"}, {Label: "Attacks (24h)", Data: "/attacks 24h"}}}
	if req.CanManage {
		rep.Buttons = append(rep.Buttons, []Button{
			{Label: "Daily digest 08:00 Kyiv", Data: "/subscribe 08:00 Europe/Kyiv"},
			{Label: "Attack alerts on", Data: "/alerts on"},
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
		p.Lines = append(p.Lines, []Span{{Text: c.Help.Usage, Code: true}, {Text: " " + c.Help.Summary}})
	}
	return &Reply{Title: "sitrep commands", Paragraphs: []Paragraph{p,
		{Lines: [][]Span{{{Text: "Figures are quoted verbatim from the sources named under each item."}}}}}}, nil
}
