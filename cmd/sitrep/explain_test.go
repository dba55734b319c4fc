package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// sitrep explain reads an article like sitrep ingest and says how the
// classifier judges it: the seed (an overnight attack report with the Air
// Force's figures) is a relevant air attack, by the figures rule.
func TestExplainSeed(t *testing.T) {
	out, errs, code := run(t, "", nil, "explain", seedPath(t))
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	for _, want := range []string{"relevant (relevance", "section Air attacks", "sections: Air attacks", "for relevance: ", "for the section: "} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
	out, errs, code = run(t, "title: Derby ends level\n\nThe two clubs drew 1-1 in the league on Sunday; the coach praised the defence.\n", nil, "explain", "--json", "-")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	var e struct {
		Relevance float64 `json:"relevance"`
		OffTopic  bool    `json:"off_topic"`
		Section   string  `json:"section"`
		Threshold float64 `json:"threshold"`
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if !e.OffTopic || e.Relevance >= e.Threshold || e.Section == "" {
		t.Errorf("a football report: %+v", e)
	}
}
