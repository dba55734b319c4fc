package supervise

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// Check is a dependency /healthz probes on every request (the database).
type Check struct {
	Name string
	// Probe returns nil while the dependency answers. A failing check
	// means nothing can be delivered.
	Probe func(ctx context.Context) error
}

// Health is what /healthz answers.
type Health struct {
	// Status: "ok" (everything is ok), "degraded" (something is starting,
	// retrying or stopped, but the bot delivers) or "down" (nothing can be
	// delivered: answered with 503).
	Status string `json:"status"`
	// Components maps each component (and check) to "ok", "starting",
	// "retrying since <RFC 3339 time>: <reason>" or "stopped: <reason>".
	Components map[string]string `json:"components"`
}

// Health probes the checks and reports every component's state.
func (s *Supervisor) Health(ctx context.Context, checks ...Check) Health {
	h := Health{Status: "ok", Components: map[string]string{}}
	for name, st := range s.States() {
		h.Components[name] = st.String()
		if st.Status != OK {
			h.Status = "degraded"
		}
	}
	deliver := s.CanDeliver()
	for _, c := range checks {
		pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		err := c.Probe(pctx)
		cancel()
		if err != nil {
			h.Components[c.Name] = "unavailable: " + err.Error()
			deliver = false
			continue
		}
		h.Components[c.Name] = OK
	}
	if !deliver {
		h.Status = "down"
	}
	return h
}

// Handler serves Health as JSON: 200 while the bot can deliver, 503 when
// it cannot.
func (s *Supervisor) Handler(checks ...Check) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := s.Health(r.Context(), checks...)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if h.Status == "down" {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		_ = enc.Encode(h)
	})
}
