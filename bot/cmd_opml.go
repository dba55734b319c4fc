package bot

import (
	"bytes"
	"context"
	"log/slog"

	"github.com/sitrep/sitrep/briefings/locale"
	"github.com/sitrep/sitrep/briefings/opml"
)

// opmlCommands: admins bring a list of feeds.
func opmlCommands() []Command {
	return []Command{
		command(Command{Name: "importopml", Access: Admins, Slow: true,
			Help: Help{Usage: "/importopml <url> (or send the file)", Summary: "Add the feeds of an OPML file (admins)"},
			Args: []Arg{{Name: "url", Help: "Address of the OPML file"}, {Name: "file", Help: "The OPML file (.opml or .xml)", Kind: ArgFile}}},
			parseOPMLURL, (*Router).importOPML),
		command(Command{Name: "export", Access: Admins,
			Help: Help{Usage: "/export", Summary: "The sources as an OPML file (admins)"}},
			noArgs, (*Router).export),
	}
}

// export answers with the sources as an OPML 2.0 file, folders by category.
func (r *Router) export(ctx context.Context, req *Request, _ struct{}) (*Reply, error) {
	srcs, err := r.d.Store.ListSources(ctx)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := opml.Write(&buf, "sitrep sources", r.d.Now(), srcs); err != nil {
		return nil, err
	}
	rep := Text(req.t("opml.export", locale.Args{"N": len(srcs)}))
	rep.Document = &Document{Name: "sitrep-sources.opml", Type: "text/x-opml", Data: buf.Bytes()}
	rep.Ephemeral = true
	return rep, nil
}

// parseOPMLURL reads the list's address; none when the list comes as a
// file sent with the command (Request.Attachment).
func parseOPMLURL(words []string) (string, error) {
	switch {
	case len(words) == 0:
		return "", nil
	case len(words) != 1 || !isURL(words[0]):
		return "", invalid("error.opml_how")
	}
	return words[0], nil
}

// maxOPMLLines bounds the per-outline report in a chat reply.
const maxOPMLLines = 30

// importOPML fetches an OPML file through the address guard and adds its
// feeds, each address checked by the guard too (a chat import never reaches
// private addresses, now or on later fetches).
func (r *Router) importOPML(ctx context.Context, req *Request, u string) (*Reply, error) {
	if r.d.FetchFile == nil || r.d.CheckURL == nil {
		return nil, invalid("error.addsource_off")
	}
	var data []byte
	switch {
	case req.Attachment != nil:
		data = req.Attachment.Data
	case u == "":
		return nil, invalid("error.opml_how")
	default:
		var err error
		if data, err = r.d.FetchFile(ctx, u); err != nil {
			r.d.Logger.Info("router: opml fetch failed", slog.Any("error", err))
			return nil, invalid("error.page_unreadable", locale.Args{"Why": shortErr(err)})
		}
	}
	doc, err := opml.Parse(bytes.NewReader(data), opml.DefaultLimits)
	if err != nil {
		return nil, invalid("error.opml_bad", locale.Args{"Why": shortErr(err)})
	}
	im := &opml.Importer{Store: r.d.Store, Check: r.d.CheckURL, Now: r.d.Now}
	res, err := im.Import(ctx, doc)
	if err != nil {
		return nil, err
	}
	r.notify()
	p := Paragraph{}
	for i, x := range res {
		if i == maxOPMLLines {
			p.Lines = append(p.Lines, []Span{{Text: "…"}})
			break
		}
		p.Lines = append(p.Lines, opmlLine(req, x))
	}
	title := req.t("opml.title", locale.Args{"Added": opml.Count(res, opml.Added),
		"Exists": opml.Count(res, opml.Exists), "Refused": opml.Count(res, opml.Refused)})
	return &Reply{Title: title, Paragraphs: []Paragraph{p}, NoPreview: true}, nil
}

// opmlLine is one outline's result in the chat's language.
func opmlLine(req *Request, x opml.Result) []Span {
	name := x.Entry.Title
	if name == "" {
		name = trimForReply(x.Entry.URL, 60)
	}
	switch x.Status {
	case opml.Added, opml.Exists:
		return []Span{{Text: req.t("opml."+x.Status, locale.Args{"ID": x.SourceID}) + " "}, {Text: name, URL: x.Entry.URL}}
	}
	why := req.t("opml.why."+x.Reason, locale.Args{"Scheme": x.Detail})
	return []Span{{Text: req.t("opml.refused", locale.Args{"Line": x.Entry.Line}) + " " + trimForReply(name, 60) + ": " + why}}
}
