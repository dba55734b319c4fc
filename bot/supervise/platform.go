package supervise

import (
	"context"
	"errors"
	"sync"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

// Platform stands in the outbox for an adapter that comes and goes with its
// supervised component: Send and Edit go to the adapter while it is up and
// fail with kind bot.SendUnavailable while it is down, so the dispatcher
// holds that platform's messages (no attempt spent) instead of
// dead-lettering them during an outage.
type Platform struct {
	name briefings.Platform
	mu   sync.RWMutex
	p    bot.Platform
}

var _ bot.Platform = (*Platform)(nil)

// NewPlatform returns a Platform for name, down until Set.
func NewPlatform(name briefings.Platform) *Platform { return &Platform{name: name} }

// Set marks the platform up, served by p; Set(nil) marks it down.
func (s *Platform) Set(p bot.Platform) {
	s.mu.Lock()
	s.p = p
	s.mu.Unlock()
}

// Get returns the adapter, nil while down.
func (s *Platform) Get() bot.Platform {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.p
}

// Name implements bot.Platform.
func (s *Platform) Name() briefings.Platform { return s.name }

// Run implements bot.Platform; the supervised component runs the adapter
// itself, so this only waits for ctx.
func (s *Platform) Run(ctx context.Context, _ bot.Handler) error {
	<-ctx.Done()
	return nil
}

func (s *Platform) unavailable() error {
	return &bot.SendError{Platform: s.name, Kind: bot.SendUnavailable, Err: errors.New("the adapter is not connected")}
}

// Send implements bot.Platform.
func (s *Platform) Send(ctx context.Context, chat briefings.Chat, r *bot.Reply) (string, error) {
	p := s.Get()
	if p == nil {
		return "", s.unavailable()
	}
	return p.Send(ctx, chat, r)
}

// Edit implements bot.Platform.
func (s *Platform) Edit(ctx context.Context, chat briefings.Chat, messageID string, r *bot.Reply) error {
	p := s.Get()
	if p == nil {
		return s.unavailable()
	}
	return p.Edit(ctx, chat, messageID, r)
}
