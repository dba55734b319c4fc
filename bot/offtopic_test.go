package bot_test

import (
	"context"
	"fmt"
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

// A section's summary (/summary attacks, /summary diplomacy) reads the
// articles the digest files under that section: a classified article goes
// by its section, not by the topic words it happens to mention.
func TestSummaryOfASectionFollowsTheDigestSections(t *testing.T) {
	h := newHarness(t)
	src := h.add(t, "Wire", "Depot repairs finished", "Crews finished repairs at the depot.", now0.Add(-9*time.Hour))
	add := func(title, body, section string, at time.Time, topics ...briefings.Topic) {
		t.Helper()
		a := &briefings.Article{SourceID: src.SourceID, URL: "https://wire.example/" + fmt.Sprint(at.Unix()), Title: title, Body: body,
			PublishedAt: at, FetchedAt: at, ContentHash: title, Topics: topics, Relevance: 0.9, Section: section}
		if _, err := h.st.AddArticle(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	// A visit that mentions air-defence pledges carries the air attacks
	// topic by its words, but the digest files it under Diplomacy.
	add("Chancellor visits the capital", "The chancellor arrived in the capital on Sunday and pledged interceptor drones.",
		briefings.SectionDiplomacy, now0.Add(-3*time.Hour), briefings.TopicAirAttacks, briefings.TopicDiplomacy)
	// A strike story whose words gave no topic (a headline with no teaser).
	add("Port city struck overnight", "Explosions shook the port city overnight.",
		briefings.SectionAirAttacks, now0.Add(-2*time.Hour))
	_, text := h.say(t, req("/summary attacks"))
	if strings.Contains(text, "chancellor") || !strings.Contains(text, "port city") {
		t.Errorf("/summary attacks: %q; want the strike only", text)
	}
	_, text = h.say(t, req("/summary diplomacy"))
	if !strings.Contains(text, "chancellor") || strings.Contains(text, "port city") {
		t.Errorf("/summary diplomacy: %q; want the visit only", text)
	}
}
