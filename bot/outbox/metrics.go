package outbox

import (
	"errors"
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sitrep/sitrep/briefings"
)

// Metrics are the delivery metrics, registered on a registry the caller owns.
type Metrics struct {
	QueueDepth *prometheus.GaugeVec     // by status
	Sent       *prometheus.CounterVec   // by platform, kind
	Failed     *prometheus.CounterVec   // by platform, reason
	Latency    *prometheus.HistogramVec // created_at -> sent, by platform, kind
	// FeedFetchErrors is for the feed refresher to increment (by source).
	FeedFetchErrors *prometheus.CounterVec
	// Dispatchers sharing the platforms' rate limits, as last counted.
	Dispatchers prometheus.Gauge

	fetchMu   sync.Mutex
	fetchSeen map[int64]int // source id -> error count last exported
}

// NewMetrics creates the metrics and registers them on reg (nil: not
// registered). Registering twice on one registry reuses the first set.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		QueueDepth: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Namespace: "sitrep", Subsystem: "outbox", Name: "queue_depth",
			Help: "Outbox rows by status.",
		}, []string{"status"}),
		Sent: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "sitrep", Subsystem: "outbox", Name: "sent_total",
			Help: "Messages delivered, by platform and kind.",
		}, []string{"platform", "kind"}),
		Failed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "sitrep", Subsystem: "outbox", Name: "failed_total",
			Help: "Failed send attempts, by platform and reason (retry, rate_limited, blocked, not_found, migrated, fatal, dead).",
		}, []string{"platform", "reason"}),
		Latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "sitrep", Subsystem: "outbox", Name: "delivery_latency_seconds",
			Help:    "Time from enqueue to delivery.",
			Buckets: []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600},
		}, []string{"platform", "kind"}),
		FeedFetchErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "sitrep", Subsystem: "feed", Name: "fetch_errors_total",
			Help: "Feed fetch failures, by source.",
		}, []string{"source"}),
		Dispatchers: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: "sitrep", Subsystem: "outbox", Name: "dispatchers",
			Help: "Dispatchers (processes) sharing the platforms' rate limits, as this one last counted them.",
		}),
	}
	if reg == nil {
		return m
	}
	m.QueueDepth = register(reg, m.QueueDepth)
	m.Sent = register(reg, m.Sent)
	m.Failed = register(reg, m.Failed)
	m.Latency = register(reg, m.Latency)
	m.FeedFetchErrors = register(reg, m.FeedFetchErrors)
	m.Dispatchers = register(reg, m.Dispatchers)
	return m
}

// CountFetchErrors exports the sources' consecutive fetch errors as
// FeedFetchErrors: each source's counter grows by the errors it had since
// the last call.
func (m *Metrics) CountFetchErrors(srcs []*briefings.Source) {
	m.fetchMu.Lock()
	defer m.fetchMu.Unlock()
	if m.fetchSeen == nil {
		m.fetchSeen = map[int64]int{}
	}
	for _, s := range srcs {
		if d := s.ErrorCount - m.fetchSeen[s.ID]; d > 0 {
			m.FeedFetchErrors.WithLabelValues(s.Name).Add(float64(d))
		}
		m.fetchSeen[s.ID] = s.ErrorCount
	}
}

func register[C prometheus.Collector](reg prometheus.Registerer, c C) C {
	if err := reg.Register(c); err != nil {
		var are prometheus.AlreadyRegisteredError
		if errors.As(err, &are) {
			if prev, ok := are.ExistingCollector.(C); ok {
				return prev
			}
		}
	}
	return c
}

func (m *Metrics) setDepth(s briefings.DeliveryStats) {
	m.QueueDepth.WithLabelValues(briefings.StatusPending).Set(float64(s.Pending))
	m.QueueDepth.WithLabelValues(briefings.StatusSending).Set(float64(s.Sending))
	m.QueueDepth.WithLabelValues(briefings.StatusSent).Set(float64(s.Sent))
	m.QueueDepth.WithLabelValues(briefings.StatusDead).Set(float64(s.Dead))
}
