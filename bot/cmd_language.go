package bot

import (
	"context"
	"strings"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/keywords"
	"github.com/sitrep/sitrep/briefings/locale"
)

// languageCommands: the language the bot speaks in a chat.
func languageCommands() []Command {
	return []Command{
		command(Command{Name: "language", Access: ChatManagers,
			Help: Help{Usage: "/language [uk|en]", Summary: "The language of the bot in this chat"},
			Args: []Arg{{Name: "code", Help: "uk (Ukrainian) or en (English)"}}},
			parseLanguage, (*Router).language),
		command(Command{Name: "ownlang", Access: ChatManagers, Hidden: true,
			Help: Help{Usage: "/ownlang on|off", Summary: "Quote articles in the chat's language when a story has one"}},
			parseOnOff, (*Router).ownLang),
	}
}

// parseLanguage reads a language code ("" shows the choice).
func parseLanguage(words []string) (string, error) {
	switch len(words) {
	case 0:
		return "", nil
	case 1:
		return strings.ToLower(words[0]), nil
	}
	return "", invalid("error.language_how")
}

// parseOnOff reads "on" or "off".
func parseOnOff(words []string) (bool, error) {
	if len(words) == 1 {
		switch strings.ToLower(words[0]) {
		case "on":
			return true, nil
		case "off":
			return false, nil
		}
	}
	return false, invalid("error.on_off")
}

// chatSettings returns the chat's stored settings, or new ones.
func (r *Router) chatSettings(ctx context.Context, chat briefings.Chat) (*briefings.ChatSettings, error) {
	s, err := r.d.Store.GetChatSettings(ctx, chat)
	if briefings.ErrorCode(err) == briefings.ENOTFOUND {
		return &briefings.ChatSettings{Chat: chat}, nil
	}
	return s, err
}

func (r *Router) language(ctx context.Context, req *Request, code string) (*Reply, error) {
	cat := r.d.Langs.Catalogue
	if code == "" {
		rep := Text(req.t("language.current", locale.Args{"Name": req.t("lang.self")}))
		var row []Button
		for _, l := range cat.Langs() {
			row = append(row, Button{Label: cat.For(l).T("lang.self"), Data: "/language " + string(l)})
		}
		rep.Buttons = [][]Button{row}
		return rep, nil
	}
	l, ok := cat.Match(code)
	if !ok {
		return nil, invalid("error.language_unknown", locale.Args{"Code": trimForReply(code, 12), "Langs": langCodes(cat)})
	}
	s, err := r.chatSettings(ctx, req.Chat)
	if err != nil {
		return nil, err
	}
	s.Lang = string(l)
	if err := r.d.Store.SetChatSettings(ctx, s); err != nil {
		return nil, err
	}
	req.pr = cat.For(l)
	return Text(req.t("language.set", locale.Args{"Name": req.t("lang.self")})), nil
}

func langCodes(cat *locale.Catalogue) string {
	var out []string
	for _, l := range cat.Langs() {
		out = append(out, string(l))
	}
	return strings.Join(out, ", ")
}

func (r *Router) ownLang(ctx context.Context, req *Request, on bool) (*Reply, error) {
	s, err := r.chatSettings(ctx, req.Chat)
	if err != nil {
		return nil, err
	}
	s.OwnLangSources = on
	if s.Lang == "" {
		s.Lang = string(req.pr.Lang()) // the language it prefers is the one it reads now
	}
	if err := r.d.Store.SetChatSettings(ctx, s); err != nil {
		return nil, err
	}
	return r.settings(ctx, req, struct{}{})
}

// rememberLang stores the language the chat is answered in when it has
// none stored yet, so that what the bot sends later unasked (digests,
// alerts) speaks it too. Failures only cost that memory.
func (r *Router) rememberLang(ctx context.Context, req *Request) {
	s, err := r.chatSettings(ctx, req.Chat)
	if err != nil || s.Lang != "" || req.pr == nil {
		return
	}
	s.Lang = string(req.pr.Lang())
	_ = r.d.Store.SetChatSettings(ctx, s)
}

// languageLines are /settings' lines on the chat's language and whether
// digests quote articles in it first.
func languageLines(req *Request, s *briefings.ChatSettings) [][]Span {
	own := req.t("settings.off")
	if s != nil && s.OwnLangSources {
		own = req.t("settings.on")
	}
	f := keywords.Filter{}
	if s != nil {
		f = keywords.Filter{Include: s.Include, Exclude: s.Exclude}
	}
	return [][]Span{
		{{Text: req.t("settings.language") + " ", Bold: true}, {Text: req.t("lang.self") + " (/language)"}},
		{{Text: req.t("settings.own_lang") + " ", Bold: true}, {Text: own}},
		{{Text: req.t("settings.keywords") + " ", Bold: true}, {Text: describeFilter(req, f) + " (/filter)"}},
	}
}
