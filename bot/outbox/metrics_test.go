package outbox

import (
	"testing"

	dto "github.com/prometheus/client_model/go"

	"github.com/sitrep/sitrep/briefings"
)

// TestCountFetchErrors: a source's counter grows by the errors since the
// last count; a success (the count back to zero) adds nothing, and later
// errors count again.
func TestCountFetchErrors(t *testing.T) {
	m := NewMetrics(nil)
	value := func(name string) float64 {
		var out dto.Metric
		if err := m.FeedFetchErrors.WithLabelValues(name).Write(&out); err != nil {
			t.Fatal(err)
		}
		return out.GetCounter().GetValue()
	}
	for i, step := range []struct {
		errors int
		want   float64
	}{{2, 2}, {3, 3}, {0, 3}, {1, 4}} {
		m.CountFetchErrors([]*briefings.Source{{ID: 7, Name: "Wire", ErrorCount: step.errors}, {ID: 8, Name: "Calm"}})
		if got := value("Wire"); got != step.want {
			t.Errorf("step %d: %v errors counted, want %v", i, got, step.want)
		}
	}
	if got := value("Calm"); got != 0 {
		t.Errorf("a source without errors counted %v", got)
	}
}
