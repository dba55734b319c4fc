package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// TestLeadEvent: the event the lead states is the article's; one only
// mentioned further down is not.
func TestLeadEvent(t *testing.T) {
	at := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	meeting := "Zelensky met Merz in Geneva on Monday to discuss the prisoner exchange."
	lead := &briefings.Article{Title: "Ministers meet", ShowText: true, PublishedAt: at,
		Body: meeting + "\n\nBoth sides called the talks useful."}
	if got := LeadEvent(lead); got == "" || !strings.Contains(got, "Geneva") {
		t.Errorf("lead event %q, want the Geneva meeting", got)
	}
	later := &briefings.Article{Title: "Grain exports rise", ShowText: true, PublishedAt: at,
		Body: "Grain exports rose in February, the ministry said.\n\nPort traffic was steady through the month.\n\n" + meeting}
	if got := LeadEvent(later); got != "" {
		t.Errorf("event from the third paragraph %q, want none", got)
	}
}
