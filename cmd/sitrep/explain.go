package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/briefings/classify"
	"github.com/sitrep/sitrep/briefings/extract"
)

// runExplain prints how the classifier judges one article (a local file or
// stdin, as `sitrep ingest` reads it): its relevance against the
// threshold, its section, any rule that decided, and the features that weigh
// most on each.
func (m *Main) runExplain(args []string) error {
	fs := flag.NewFlagSet("sitrep explain", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	n := fs.Int("n", 8, "features to show for relevance and for the section")
	asJSON := fs.Bool("json", false, "print the explanation as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	a, err := m.readArticle(fs.Args())
	if err != nil {
		return err
	}
	c, err := classify.New()
	if err != nil {
		return err
	}
	extract.NewAnalyzer().Analyze(a) // the attack reports the classifier's rule reads
	e := c.Explain(a, max(*n, 1))
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(e)
	}
	fmt.Fprintln(m.Stdout, e.String())
	var secs []string
	for _, s := range []string{"Air attacks", "Front line", "Diplomacy", "Sanctions and aid", "Other"} {
		secs = append(secs, fmt.Sprintf("%s %.2f", s, e.Sections[s]))
	}
	fmt.Fprintln(m.Stdout, "sections: "+strings.Join(secs, ", "))
	if e.Rule != "" {
		fmt.Fprintln(m.Stdout, "rule: "+e.Rule)
	}
	fmt.Fprintln(m.Stdout, "for relevance: "+contributions(e.ForRelevance))
	fmt.Fprintln(m.Stdout, "for the section: "+contributions(e.ForSection))
	return nil
}

func contributions(cs []classify.Contribution) string {
	if len(cs) == 0 {
		return "(no known feature)"
	}
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%+.2f %s", c.Weight, c.Feature))
	}
	return strings.Join(out, ", ")
}
