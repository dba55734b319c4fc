package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings/internal/shared"
)

// TestRuleAblation switches off each rule in turn and lists what it changes:
// the development records whose reports change (the corpus's, and those of
// SITREP_EXTRA_ATTACKS when set; held-out folds are left out), the
// development accuracy, and the team's own test cases whose reports change.
// A rule that changes a single development record is a rule for one
// example. Run with SITREP_ABLATION=1 go test -run TestRuleAblation -v
// ./briefings/extract/; SITREP_ABLATION_ALL=1 counts the held-out folds
// too (once they have been seen, every labelled record is development data).
func TestRuleAblation(t *testing.T) {
	if os.Getenv("SITREP_ABLATION") == "" {
		t.Skip("SITREP_ABLATION not set")
	}
	dir := shared.Corpus(t)
	var recs []labelledRecord
	paths := []string{filepath.Join(dir, "attacks_en.jsonl"), filepath.Join(dir, "attacks_uk.jsonl"), filepath.Join(dir, "attacks_more.jsonl")}
	if extra := os.Getenv("SITREP_EXTRA_ATTACKS"); extra != "" {
		more, _ := filepath.Glob(filepath.Join(extra, "*.jsonl"))
		paths = append(paths, more...)
	}
	for _, path := range paths {
		for _, r := range readRecords(t, path) {
			if !r.heldOut || os.Getenv("SITREP_ABLATION_ALL") != "" {
				recs = append(recs, r)
			}
		}
	}
	cases := ablationCases()
	base, baseAll := ablationRun(recs, nil)
	baseCases := caseOutputs(cases, nil)
	var sb strings.Builder
	fmt.Fprintf(&sb, "\ndevelopment accuracy with every rule: %s", baseAll)
	for r := rule(0); r < nRules; r++ {
		rs := &ruleSet{off: 1 << r}
		outs, all := ablationRun(recs, rs)
		var changed []string
		for i := range recs {
			if outs[i] != base[i] {
				changed = append(changed, fmt.Sprintf("%s/%s:%d", filepath.Base(filepath.Dir(recs[i].file)), strings.TrimSuffix(filepath.Base(recs[i].file), ".jsonl"), recs[i].line))
			}
		}
		var fams []string
		for name, out := range caseOutputs(cases, rs) {
			if out != baseCases[name] {
				fams = append(fams, name)
			}
		}
		fmt.Fprintf(&sb, "\n%-24s dev records changed %2d %v  accuracy %s  cases changed %d", r, len(changed), changed, all, len(fams))
		if testing.Verbose() && len(fams) > 0 {
			fmt.Fprintf(&sb, "\n%24s %s", "", strings.Join(fams, " | "))
		}
	}
	t.Log(sb.String())
}

func ablationRun(recs []labelledRecord, rs *ruleSet) ([]string, score) {
	b := board{}
	outs := make([]string, len(recs))
	for i := range recs {
		rec := recs[i]
		scoreRecordWith(&rec, b, rs)
		js, _ := json.Marshal(extractWith(rec.text, rec.pub, rs).Attacks)
		outs[i] = string(js)
	}
	return outs, b.total("").all()
}

// ablationCases are the team's own attack test cases, by name: every
// family a test runs, those with a test function of their own and the
// articles read with their headline (a feed case's name, its text the
// headline and the body).
func ablationCases() map[string]attackCase {
	out := map[string]attackCase{}
	for _, group := range [][]attackCase{attackCases, ruleCases, variantCases(), variantCases15uk(), variantCases21af(), variantCases21side()} {
		for _, c := range group {
			out[c.name] = c
		}
	}
	for _, group := range [][]feedCase{loneFamily, withFamily} {
		for _, c := range group {
			out[c.name] = attackCase{name: c.name, title: c.title, text: c.body, pub: "2026-04-04"}
		}
	}
	return out
}

func caseOutputs(cases map[string]attackCase, rs *ruleSet) map[string]string {
	out := map[string]string{}
	for name, c := range cases {
		js, _ := json.Marshal(analyzeWith(c.title, c.text, day(c.pub), rs).Attacks)
		out[name] = string(js)
	}
	return out
}

// analyzeWith reads a text as extractWith does, with its headline first
// when it has one (as the Analyzer reads an article).
func analyzeWith(title, body string, published time.Time, rs *ruleSet) Result {
	if title == "" {
		return extractWith(body, published, rs)
	}
	w := getWork()
	defer w.release()
	w.rules = rs
	w.sents = append(w.sents, sentence{text: title, headline: true})
	w.sents = splitSentences(w.sents, body)
	return w.extract(published)
}
