// Package sample is sitrep's bundled sample corpus: short news articles the
// team wrote for demos (`--demo`) and tests. Every text, outlet and link is
// invented; the outlets ("Sample Wire", "Demo Kyiv Post", ...) do not exist
// and every URL is under sample.sitrep.invalid. Each file starts with header
// lines (title:, url:, source:, date:, lang: for non-English texts, and
// sample: true), a blank line, then the body.
//
// The corpus spans 11 to 14 March 2026 and covers air attacks with figures
// (one night carried by several outlets with different wording, one revised
// count, two Ukrainian-language Air Force style reports, a regional and a
// Russian-side report), diplomacy, a prisoner exchange, the front line,
// sanctions, military aid, energy and humanitarian news.
package sample

import (
	"embed"
	"io/fs"
	"sort"
	"time"
)

//go:embed articles/*.txt
var files embed.FS

// BaseDate is the fixed "now" of the corpus: shortly after its newest
// article. Demos shift the dates so the newest article is recent.
var BaseDate = time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)

// PrimaryFor names the sample sources that stand for an attacked country's
// military publishing its own reports (source name: country, as a source's
// primary_for): the invented bulletin plays the Air Force's channel, so a
// demo shows reports of record.
var PrimaryFor = map[string]string{"Demo Air Force Bulletin": "UA"}

// FS returns the corpus; its files are at the root, named NN-slug.txt.
func FS() fs.FS {
	sub, err := fs.Sub(files, "articles")
	if err != nil {
		panic("sample: " + err.Error()) // the embedded tree is fixed at build time
	}
	return sub
}

// Names returns the corpus file names in FS, sorted.
func Names() []string {
	entries, err := fs.ReadDir(FS(), ".")
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}
