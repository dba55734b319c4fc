package sample

import (
	"bufio"
	"io/fs"
	"strings"
	"testing"
	"time"
)

type header struct {
	fields map[string]string
	body   string
}

func parse(t *testing.T, name string) header {
	t.Helper()
	data, err := fs.ReadFile(FS(), name)
	if err != nil {
		t.Fatal(err)
	}
	h := header{fields: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	var body []string
	inHeader := true
	for sc.Scan() {
		line := sc.Text()
		if inHeader {
			if line == "" {
				inHeader = false
				continue
			}
			k, v, ok := strings.Cut(line, ": ")
			if !ok {
				t.Fatalf("%s: bad header line %q", name, line)
			}
			h.fields[k] = v
			continue
		}
		body = append(body, line)
	}
	h.body = strings.TrimSpace(strings.Join(body, "\n"))
	return h
}

func TestCorpus(t *testing.T) {
	names := Names()
	if len(names) < 24 {
		t.Fatalf("%d articles, want at least 24", len(names))
	}
	urls := map[string]bool{}
	topics := map[string]int{}
	langs := map[string]int{}
	for _, n := range names {
		h := parse(t, n)
		for _, k := range []string{"title", "url", "source", "date", "sample"} {
			if h.fields[k] == "" {
				t.Errorf("%s: no %s header", n, k)
			}
		}
		if h.fields["sample"] != "true" {
			t.Errorf("%s: not marked as sample data", n)
		}
		if u := h.fields["url"]; !strings.HasPrefix(u, "https://sample.sitrep.invalid/") || urls[u] {
			t.Errorf("%s: url %q not a unique sample URL", n, u)
		} else {
			urls[u] = true
		}
		d, err := time.Parse(time.RFC3339, h.fields["date"])
		if err != nil || d.Year() != 2026 || d.After(BaseDate) || BaseDate.Sub(d) > 4*24*time.Hour {
			t.Errorf("%s: date %q outside the corpus window: %v", n, h.fields["date"], err)
		}
		if w := len(strings.Fields(h.body)); w < 150 || w > 400 {
			t.Errorf("%s: %d words, want 150-400", n, w)
		}
		lang := h.fields["lang"]
		if lang == "" {
			lang = "en"
		}
		langs[lang]++
		low := strings.ToLower(h.fields["title"] + " " + h.body)
		for topic, words := range map[string][]string{
			"attack":       {"drones", "бпла"},
			"diplomacy":    {"security guarantees", "ceasefire"},
			"front":        {"front line", "assaults", "clashes"},
			"sanctions":    {"sanctions"},
			"energy":       {"electricity", "gas"},
			"prisoners":    {"prisoners"},
			"military":     {"air defence package", "military aid"},
			"revision":     {"revised"},
			"humanitarian": {"evacuat"},
		} {
			for _, w := range words {
				if strings.Contains(low, w) {
					topics[topic]++
					break
				}
			}
		}
	}
	for _, topic := range []string{"attack", "diplomacy", "front", "sanctions", "energy", "prisoners", "military", "revision", "humanitarian"} {
		if topics[topic] == 0 {
			t.Errorf("no article about %s", topic)
		}
	}
	if langs["uk"] < 1 || langs["uk"] > 2 {
		t.Errorf("Ukrainian articles: %d", langs["uk"])
	}
}
