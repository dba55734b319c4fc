package classify

import (
	"net/url"
	"strings"

	"github.com/sitrep/sitrep/briefings"
)

// Publishers file their items in sections of their own, and say so in two
// places a general-news feed carries beside the text: the item's
// categories ("Sport", "Погода", "War") and the path or host of its link
// (/sport/..., /pogoda/..., economics.example.ua). Those section words are
// features of their own:
//
//	s:STEM      a word of a category, of a path segment or of a sub-domain
//	sc:CONCEPT  a concept word among them ("Спорт" and "sport" meet)
//
// The last path segment is only read when it is one short word: most are
// the item's slug or number, which repeat the title or say nothing.

// maxSectionWords bounds the section words read of one article.
const maxSectionWords = 8

// article emits all features of a: of its title and text, then of its
// publisher's section words.
func (f *featurizer) article(tk *tokenizer, a *briefings.Article, emit emitter) {
	title, text := articleText(a)
	f.features(tk, title, text, emit)
	f.sectionFeatures(tk, sectionWords(a.URL, a.Tags), emit)
}

// sectionFeatures emits the s: and sc: features of the section words ws.
func (f *featurizer) sectionFeatures(tk *tokenizer, ws []string, emit emitter) {
	tk.lex = f.lex
	for _, w := range ws {
		toks := tk.tokens(w)
		for i, s := range toks {
			if c := tk.concepts[i]; c >= 0 {
				emit("sc:", f.lex.names[c], "")
			}
			if !f.isStop(s) && s != "#" {
				emit("s:", s, "")
			}
		}
	}
}

// sectionWords returns the publisher's section words of an item: its
// categories, then the sub-domain and path segments of its link that read
// as words, at most maxSectionWords in all.
func sectionWords(link string, tags []string) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && len(out) < maxSectionWords && len(s) <= 60 {
			out = append(out, s)
		}
	}
	for _, t := range tags {
		add(t)
	}
	u, err := url.Parse(link)
	if err != nil || u.Host == "" {
		return out
	}
	if labels := strings.Split(u.Hostname(), "."); len(labels) > 2 && !genericLabel(labels[0]) {
		add(labels[0])
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i, s := range segs {
		last := i == len(segs)-1 && !strings.HasSuffix(u.Path, "/")
		if pathWord(s, last) {
			add(strings.ReplaceAll(s, "-", " "))
		}
	}
	return out
}

// genericLabel reports sub-domains that name no section: the web host
// itself, a mobile or accelerated copy, a language edition.
func genericLabel(s string) bool {
	switch strings.ToLower(s) {
	case "www", "m", "mobile", "amp", "en", "eng", "ru", "uk", "ua", "rus", "news", "feeds", "rss":
		return true
	}
	return false
}

// pathWord reports whether a path segment reads as a section's name: letters
// only (with at most one hyphen), not too long, not a language code; a
// last segment must be a single word (slugs join several).
func pathWord(s string, last bool) bool {
	if len(s) < 3 || len(s) > 20 || genericLabel(s) {
		return false
	}
	hyphens := 0
	for _, r := range s {
		switch {
		case r == '-':
			hyphens++
		case r < 'A' || r > 'z' || (r > 'Z' && r < 'a'):
			return false
		}
	}
	return hyphens == 0 || (hyphens == 1 && !last)
}
