package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

func TestFilterCommand(t *testing.T) {
	h := newHarness(t)
	h.add(t, "Wire", "Drones hit port in Odesa", "Russian drones hit port infrastructure in Odesa overnight, the regional governor said.",
		now0.Add(-2*time.Hour), briefings.TopicAirAttacks)
	h.add(t, "Radio", "Blasts reported in Belgorod", "Explosions were heard in Belgorod on Monday, the local governor said.",
		now0.Add(-3*time.Hour), briefings.TopicAirAttacks)
	h.add(t, "Post", "Ministers meet in Geneva", "Foreign ministers met in Geneva on Monday to discuss a ceasefire.",
		now0.Add(-4*time.Hour), briefings.TopicDiplomacy)

	// No user patterns: anything but a word is refused.
	for _, in := range []string{"/filter (a+)+$", "/filter +.*", "/filter -x", "/filter +" + strings.Repeat("a", 41)} {
		if rep, out := h.say(t, req(in)); rep == nil || !rep.Error || !strings.Contains(out, "is not a keyword") {
			t.Errorf("%s: %q", in, out)
		}
	}
	// A sign without a word is named as typed.
	if _, out := h.say(t, req("/filter +")); !strings.HasPrefix(out, `"+" is not a keyword`) {
		t.Errorf("a lone sign: %q", out)
	}
	_, out := h.say(t, req("/filter -Belgorod"))
	if out != "Digests and alerts here: never items naming Belgorod." {
		t.Errorf("exclude: %q", out)
	}
	_, out = h.say(t, req("/digest"))
	if strings.Contains(out, "Belgorod") || !strings.Contains(out, "Odesa") || !strings.Contains(out, "Geneva") {
		t.Errorf("digest without Belgorod:\n%s", out)
	}
	_, out = h.say(t, req("/filter +Odesa"))
	if out != "Digests and alerts here: only items naming Odesa; never items naming Belgorod." {
		t.Errorf("include: %q", out)
	}
	_, out = h.say(t, req("/digest"))
	if strings.Contains(out, "Geneva") || !strings.Contains(out, "Odesa") {
		t.Errorf("digest of Odesa only:\n%s", out)
	}
	_, out = h.say(t, req("/settings"))
	if !strings.Contains(out, "Keywords: Digests and alerts here: only items naming Odesa") {
		t.Errorf("settings:\n%s", out)
	}
	_, out = h.say(t, req("/filter clear"))
	if out != "No keyword filter: digests and alerts bring everything." {
		t.Errorf("clear: %q", out)
	}
	s, err := h.st.GetChatSettings(context.Background(), req("").Chat)
	if err != nil || len(s.Include)+len(s.Exclude) != 0 {
		t.Fatalf("after clear: %+v %v", s, err)
	}
}
