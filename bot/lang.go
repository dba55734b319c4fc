package bot

import (
	"context"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/keywords"
	"github.com/sitrep/sitrep/briefings/locale"
)

// Languages picks the language the bot speaks in a chat.
type Languages struct {
	Catalogue *locale.Catalogue
	// Default is the configured language (config locale).
	Default locale.Lang
	Store   interface {
		GetChatSettings(ctx context.Context, c briefings.Chat) (*briefings.ChatSettings, error)
	}
}

// Printer returns the printer of chat's language: the one the chat chose
// (stored), else the user's platform language (userLocale, "" when none is
// known) when the catalogue has it, else the default.
func (l *Languages) Printer(ctx context.Context, chat briefings.Chat, userLocale string) *locale.Printer {
	return l.Catalogue.For(l.Lang(ctx, chat, userLocale))
}

// Lang is the language Printer speaks.
func (l *Languages) Lang(ctx context.Context, chat briefings.Chat, userLocale string) locale.Lang {
	if l.Store != nil {
		if s, err := l.Store.GetChatSettings(ctx, chat); err == nil {
			if lang, ok := l.Catalogue.Match(s.Lang); ok {
				return lang
			}
		}
	}
	if lang, ok := l.Catalogue.Match(userLocale); ok {
		return lang
	}
	if lang, ok := l.Catalogue.Match(string(l.Default)); ok {
		return lang
	}
	return locale.English
}

// DigestFor renders d for chat (a scheduled digest, or /digest with the
// user's app language userLocale): the chat's keyword filter applied, in
// the chat's language.
func (l *Languages) DigestFor(ctx context.Context, chat briefings.Chat, userLocale string, d *briefings.Digest, loc *time.Location) *Reply {
	pr := l.Printer(ctx, chat, userLocale)
	if l.Store != nil {
		if s, err := l.Store.GetChatSettings(ctx, chat); err == nil {
			d = digest.Filter(d, keywords.Filter{Include: s.Include, Exclude: s.Exclude})
			if s.OwnLangSources {
				d = inLanguage(d, string(pr.Lang()))
			}
		}
	}
	return DigestReply(pr, d, loc)
}

// inLanguage returns d with each item told from an article in lang when
// its story has one (headline and sentences verbatim from that article);
// d is not changed.
func inLanguage(d *briefings.Digest, lang string) *briefings.Digest {
	if d == nil {
		return nil
	}
	out := *d
	out.Sections = make([]briefings.DigestSection, len(d.Sections))
	for i, sec := range d.Sections {
		items := make([]briefings.DigestItem, len(sec.Items))
		for j, it := range sec.Items {
			if v, ok := it.InLang[lang]; ok && it.Lang != lang {
				it.Headline, it.Sentences, it.Lang = v.Headline, v.Sentences, lang
				if !v.Published.IsZero() && !v.Published.After(it.Updated) {
					it.Published, it.DateOnly = v.Published, v.DateOnly
				}
			}
			items[j] = it
		}
		out.Sections[i] = briefings.DigestSection{Name: sec.Name, Items: items, More: sec.More}
	}
	return &out
}
