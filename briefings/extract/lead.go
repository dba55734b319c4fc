package extract

import (
	"strings"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/text"
)

// LeadEvent is the diplomacy event an article's lead states, in one line of
// its own words, or "". Only a complete event (who, and where or when) from
// the first two paragraphs qualifies: a passing mention later in the text
// (someone "did not comment on the meeting") is not the story's event.
func LeadEvent(a *briefings.Article) string {
	paras := text.Paragraphs(a.DisplayText())
	if len(paras) == 0 {
		return ""
	}
	lead := strings.Join(paras[:min(2, len(paras))], "\n\n")
	for _, ev := range Extract(lead, a.PublishedAt).Events {
		if len(ev.Who) > 0 && (ev.Where != "" || ev.When != "") {
			return ev.Line()
		}
	}
	return ""
}
