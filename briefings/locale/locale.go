// Package locale is sitrep's message catalogue: every word a reader sees
// that is not quoted from a source, in each language sitrep speaks, with the
// language's plural rules ("1 дрон, 2 дрони, 5 дронів") and its dates
// ("у ніч на 17 вересня"). Each language is one embedded file,
// catalogue/<code>.yaml; English is complete and a key missing in another
// language falls back to it. Quoted sentences never pass through here: a
// source's words stay in its language.
package locale

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// Lang is a language sitrep speaks, by its ISO 639-1 code ("en", "uk").
// Its values are stored per chat.
type Lang string

// English is the default language and the fallback of every other.
const English Lang = "en"

// Ukrainian is the language of most of sitrep's readers and sources.
const Ukrainian Lang = "uk"

//go:embed catalogue/*.yaml
var files embed.FS

// Catalogue holds the messages of every language.
type Catalogue struct {
	bundle   *i18n.Bundle
	langs    []Lang
	messages map[Lang]map[string]*i18n.Message
	printers map[Lang]*Printer
}

// New loads the embedded catalogue.
func New() (*Catalogue, error) { return Load(files, "catalogue") }

// Load reads a catalogue from the files <code>.yaml in dir of fsys; one of
// them must be English.
func Load(fsys fs.FS, dir string) (*Catalogue, error) {
	c := &Catalogue{bundle: i18n.NewBundle(language.English), messages: map[Lang]map[string]*i18n.Message{},
		printers: map[Lang]*Printer{}}
	c.bundle.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("locale: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".yaml" {
			continue
		}
		mf, err := c.bundle.LoadMessageFileFS(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("locale: %s: %w", e.Name(), err)
		}
		base, _ := mf.Tag.Base()
		l := Lang(base.String())
		if _, dup := c.messages[l]; dup || mf.Tag != language.Make(string(l)) {
			return nil, fmt.Errorf("locale: %s: name the file by a two-letter language code, once", e.Name())
		}
		byID := map[string]*i18n.Message{}
		for _, m := range mf.Messages {
			byID[m.ID] = m
		}
		c.messages[l] = byID
		c.langs = append(c.langs, l)
	}
	if c.messages[English] == nil {
		return nil, fmt.Errorf("locale: no English catalogue (en.yaml) in %s", dir)
	}
	slices.Sort(c.langs)
	for _, l := range c.langs {
		c.printers[l] = newPrinter(c, l)
	}
	return c, nil
}

// Langs returns the languages of the catalogue in code order.
func (c *Catalogue) Langs() []Lang { return slices.Clone(c.langs) }

// Match returns the catalogue's language for a language tag as platforms
// send it ("uk", "uk-UA", "en_GB", "EN"), and false when the catalogue does
// not have that language.
func (c *Catalogue) Match(code string) (Lang, bool) {
	code = strings.ReplaceAll(strings.TrimSpace(code), "_", "-")
	if code == "" {
		return "", false
	}
	tag, err := language.Parse(code)
	if err != nil {
		return "", false
	}
	base, _ := tag.Base()
	l := Lang(base.String())
	if c.messages[l] == nil {
		return "", false
	}
	return l, true
}

// For returns the printer of l, or of English when the catalogue does not
// have l.
func (c *Catalogue) For(l Lang) *Printer {
	if p := c.printers[l]; p != nil {
		return p
	}
	return c.printers[English]
}

// Keys returns the message keys of l, sorted.
func (c *Catalogue) Keys(l Lang) []string {
	var out []string
	for k := range c.messages[l] {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Missing returns the keys English has and l lacks, sorted: those fall back
// to English.
func (c *Catalogue) Missing(l Lang) []string {
	var out []string
	for k := range c.messages[English] {
		if c.messages[l][k] == nil {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Message returns l's message for key (nil when l lacks it), for tests that
// check plural forms.
func (c *Catalogue) Message(l Lang, key string) *i18n.Message { return c.messages[l][key] }

// Available returns the codes of the embedded catalogue's languages, from
// its file names, without parsing them (configuration checks).
func Available() []Lang {
	entries, _ := fs.ReadDir(files, "catalogue")
	var out []Lang
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			out = append(out, Lang(name))
		}
	}
	return out
}
