package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// Off-topic articles are searchable but stay out of /latest, topic and
// question summaries, and digests.
func TestRouterLeavesOffTopicOut(t *testing.T) {
	h := newHarness(t)
	on := h.add(t, "Wire", "Envoys meet in Geneva on a ceasefire",
		"Envoys met in Geneva on Tuesday for talks on a ceasefire. The delegations discussed security guarantees.",
		now0.Add(-2*time.Hour), "diplomacy")
	off := &briefings.Article{SourceID: on.SourceID, URL: "https://wire.example/feed/geneva-motor-show", Title: "Geneva motor show opens",
		Body:        "The Geneva motor show opened on Tuesday with a ceasefire between rival car makers, as one critic joked. New electric models dominate.",
		PublishedAt: now0.Add(-time.Hour), FetchedAt: now0.Add(-time.Hour), ContentHash: "motor", Topics: []briefings.Topic{briefings.TopicDiplomacy},
		Relevance: 0.05, OffTopic: true, Section: briefings.SectionOther}
	if _, err := h.st.AddArticle(context.Background(), off); err != nil {
		t.Fatal(err)
	}

	_, text := h.say(t, req("/latest 5"))
	if strings.Contains(text, "motor show") || !strings.Contains(text, "Envoys meet in Geneva") {
		t.Errorf("/latest: %q", text)
	}
	_, text = h.say(t, req("/search Geneva"))
	if !strings.Contains(text, "motor show") {
		t.Errorf("/search does not find the off-topic article: %q", text)
	}
	for _, q := range []string{"/summary diplomacy", "/summary Geneva ceasefire"} {
		_, text = h.say(t, req(q))
		if strings.Contains(text, "motor") || !strings.Contains(text, "Envoys met in Geneva") {
			t.Errorf("%s: %q", q, text)
		}
	}
	_, text = h.say(t, req("/digest 24h"))
	if strings.Contains(text, "motor show") || !strings.Contains(text, "Geneva") {
		t.Errorf("/digest: %q", text)
	}
}
