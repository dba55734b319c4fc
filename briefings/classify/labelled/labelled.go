// Package labelled reads labelled feed items (the evaluation corpus's
// sections_*.jsonl, or a labels.jsonl, each beside a feeds/ folder) the way
// ingestion reads their feeds, and scores a classifier on them. The trainer
// and the corpus tests share it.
package labelled

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/classify"
	"github.com/sitrep/sitrep/briefings/ingest"
)

// Item is one labelled feed item with the article ingestion makes of it.
type Item struct {
	Feed    string             `json:"feed"`
	Index   int                `json:"index"`
	GUID    string             `json:"guid"`
	Title   string             `json:"title"`
	Lang    string             `json:"lang"`
	Label   string             `json:"label"`
	Article *briefings.Article `json:"-"`
	// Dev marks an item of the evaluation corpus (set by the caller).
	Dev bool `json:"-"`
}

// Key identifies the item across files: feed and guid (else index).
func (it *Item) Key() string {
	id := it.GUID
	if id == "" {
		id = fmt.Sprint(it.Index)
	}
	return it.Feed + "\x00" + id
}

// Untouched reports whether the item is in the fold kept out of training
// until the end: one item in five, by a hash of its feed and guid.
func (it *Item) Untouched() bool {
	h := fnv.New32a()
	h.Write([]byte(it.Key()))
	return h.Sum32()%5 == 0
}

// Analyzer fills an article's attack reports as ingestion does (the
// classifier's rule reads them); nil leaves them empty.
type Analyzer interface{ Analyze(a *briefings.Article) }

// Load reads every file of dir matching pattern (e.g. "sections_*.jsonl")
// and the feeds they name from dir/feeds. Each feed is parsed once with the
// ingester's feed parser; an item is found by its index and checked by its
// guid (else found by guid). The analyzer, if any, runs on each article.
func Load(dir, pattern string, an Analyzer) ([]*Item, error) {
	files, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		return nil, fmt.Errorf("labelled: %w", err)
	}
	sort.Strings(files)
	feeds := map[string][]*briefings.Article{}
	var out []*Item
	for _, f := range files {
		items, err := readJSONL(f)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			arts, ok := feeds[it.Feed]
			if !ok {
				data, err := os.ReadFile(filepath.Join(dir, "feeds", it.Feed))
				if err != nil {
					return nil, fmt.Errorf("labelled: %w", err)
				}
				arts, err = ingest.FeedArticles(data, "", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
				if err != nil {
					return nil, fmt.Errorf("labelled: %s: %w", it.Feed, err)
				}
				feeds[it.Feed] = arts
			}
			a := find(arts, it)
			if a == nil {
				return nil, fmt.Errorf("labelled: %s: item %d (%s) not in the feed", it.Feed, it.Index, it.GUID)
			}
			cp := *a
			if an != nil {
				an.Analyze(&cp)
			}
			it.Article = &cp
			out = append(out, it)
		}
	}
	return out, nil
}

func find(arts []*briefings.Article, it *Item) *briefings.Article {
	if it.Index >= 0 && it.Index < len(arts) && arts[it.Index] != nil {
		a := arts[it.Index]
		if it.GUID == "" || a.GUID == it.GUID || a.URL == it.GUID || strings.TrimSpace(it.Title) == a.Title {
			return a
		}
	}
	for _, a := range arts {
		if a != nil && it.GUID != "" && (a.GUID == it.GUID || a.URL == it.GUID) {
			return a
		}
	}
	return nil
}

func readJSONL(path string) ([]*Item, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("labelled: %w", err)
	}
	var out []*Item
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var it Item
		if err := json.Unmarshal(line, &it); err != nil {
			return nil, fmt.Errorf("labelled: %s:%d: %w", path, n, err)
		}
		if it.Label != classify.LabelOffTopic && classify.SectionOfLabel(it.Label) == "" {
			return nil, fmt.Errorf("labelled: %s:%d: unknown label %q", path, n, it.Label)
		}
		out = append(out, &it)
	}
	return out, sc.Err()
}

// Examples turns items into training examples.
func Examples(items []*Item) []classify.Example {
	out := make([]classify.Example, len(items))
	for i, it := range items {
		out[i] = classify.Example{Article: it.Article, Label: it.Label}
	}
	return out
}
