package bot

import (
	"context"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings/keywords"
	"github.com/sitrep/sitrep/briefings/locale"
)

// filterCommands: the chat's keyword filter for digests and alerts.
func filterCommands() []Command {
	return []Command{
		command(Command{Name: "filter", Access: ChatManagers,
			Help: Help{Usage: "/filter [+word] [-word] [clear]", Summary: "Keywords digests and alerts must name (+) or must not (-)"},
			Args: []Arg{{Name: "words", Help: "+Odesa -Belgorod, or clear", Rest: true}}},
			parseFilter, (*Router).filter),
	}
}

// Limits of a keyword filter.
const (
	maxKeywords   = 20
	maxKeywordLen = 40
)

// filterChange is a /filter: words to include and exclude, or a reset.
type filterChange struct {
	Clear            bool
	Include, Exclude []string
}

// parseFilter reads "+word", "-word" (a bare word includes) and "clear".
// A keyword is letters, digits, apostrophes and hyphens: it is matched as
// a word, never as a pattern.
func parseFilter(words []string) (filterChange, error) {
	var c filterChange
	for _, w := range words {
		typed := w
		if strings.EqualFold(w, "clear") || strings.EqualFold(w, "off") {
			c.Clear = true
			continue
		}
		list := &c.Include
		switch {
		case strings.HasPrefix(w, "+"):
			w = w[1:]
		case strings.HasPrefix(w, "-"), strings.HasPrefix(w, "−"):
			_, size := utf8.DecodeRuneInString(w)
			w, list = w[size:], &c.Exclude
		}
		w = strings.Trim(w, ",;.")
		if !keywordOK(w) {
			// Quoted as typed: a bare "+" names no word to show.
			return c, invalid("error.filter_word", locale.Args{"Word": strconv.Quote(trimForReply(typed, maxKeywordLen))})
		}
		*list = appendUnique(*list, w)
	}
	return c, nil
}

func keywordOK(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > maxKeywordLen {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("'’-", r) {
			return false
		}
	}
	return true
}

func (r *Router) filter(ctx context.Context, req *Request, c filterChange) (*Reply, error) {
	s, err := r.chatSettings(ctx, req.Chat)
	if err != nil {
		return nil, err
	}
	if c.Clear {
		s.Include, s.Exclude = nil, nil
	}
	for _, w := range c.Include {
		s.Include = appendUnique(removeFold(s.Include, w), w)
		s.Exclude = removeFold(s.Exclude, w)
	}
	for _, w := range c.Exclude {
		s.Exclude = appendUnique(removeFold(s.Exclude, w), w)
		s.Include = removeFold(s.Include, w)
	}
	if len(s.Include) > maxKeywords || len(s.Exclude) > maxKeywords {
		return nil, invalid("error.filter_many", locale.Args{"Max": maxKeywords})
	}
	if c.Clear || len(c.Include)+len(c.Exclude) > 0 {
		if s.Lang == "" && req.pr != nil {
			s.Lang = string(req.pr.Lang())
		}
		if err := r.d.Store.SetChatSettings(ctx, s); err != nil {
			return nil, err
		}
		r.notify()
	}
	return Text(describeFilter(req, keywords.Filter{Include: s.Include, Exclude: s.Exclude})), nil
}

// removeFold returns list without w, compared case-insensitively.
func removeFold(list []string, w string) []string {
	var out []string
	for _, x := range list {
		if !strings.EqualFold(x, w) {
			out = append(out, x)
		}
	}
	return out
}

// describeFilter says what the chat's filter keeps.
func describeFilter(req *Request, f keywords.Filter) string {
	if f.Empty() {
		return req.t("filter.none")
	}
	var parts []string
	if len(f.Include) > 0 {
		parts = append(parts, req.t("filter.include", locale.Args{"Words": strings.Join(f.Include, ", ")}))
	}
	if len(f.Exclude) > 0 {
		parts = append(parts, req.t("filter.exclude", locale.Args{"Words": strings.Join(f.Exclude, ", ")}))
	}
	return req.t("filter.now", locale.Args{"What": strings.Join(parts, "; ")})
}
