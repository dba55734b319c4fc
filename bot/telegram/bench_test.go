package telegram_test

import (
	"testing"

	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
)

// BenchmarkCommandRoundTrip measures the time from a user's command to the
// bot's full reply being accepted by the API (p50-ms, p99-ms), through the Go
// fake (which long-polls like Telegram) and through the emulator (which does
// not: the bot's idle pause is 1ms there). The handler is the test stand-in;
// telegramtest.RoundTrip takes the real router the same way.
func BenchmarkCommandRoundTrip(b *testing.B) {
	b.Run("fake", func(b *testing.B) {
		telegramtest.RoundTrip(b, telegramtest.NewFake(b), &chatHandler{}, "/digest")
	})
	b.Run("emulator", func(b *testing.B) {
		telegramtest.RoundTrip(b, telegramtest.StartEmulator(b), &chatHandler{}, "/digest")
	})
}
