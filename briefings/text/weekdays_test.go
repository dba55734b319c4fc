package text

import (
	"testing"
	"time"
)

func TestWeekday(t *testing.T) {
	for w, want := range map[string]time.Weekday{
		"friday": time.Friday, "sunday": time.Sunday, "субота": time.Saturday, "суботу": time.Saturday,
		"п'ятницю": time.Friday, "пʼятниця": time.Friday, "середу": time.Wednesday,
	} {
		if got, ok := Weekday(w); !ok || got != want {
			t.Errorf("Weekday(%q) = %v, %v; want %v", w, got, ok, want)
		}
	}
	for _, w := range []string{"Friday", "week", "fri", ""} {
		if _, ok := Weekday(w); ok {
			t.Errorf("Weekday(%q) found a day", w)
		}
	}
	if n := len(WeekdayWords()); n != len(weekdays) {
		t.Errorf("WeekdayWords: %d words, want %d", n, len(weekdays))
	}
}
