package store_test

import (
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// testClassification: the classifier's decision and a source's topic are
// stored and read back; off-topic articles are left out where asked
// (ListArticles.OnTopic) and their attack reports never reach report
// readers (the alert cursor, ListAttackReports).
func testClassification(e *env) {
	t, ctx := e.t, e.ctx
	war := &briefings.Source{Name: "War Desk", URL: "https://wardesk.example/feed", Kind: briefings.SourceFeed,
		Enabled: true, Topic: briefings.SourceTopicWar}
	must(t, e.db.UpsertSource(ctx, war))
	if got, err := e.db.GetSource(ctx, war.ID); err != nil || got.Topic != briefings.SourceTopicWar {
		t.Fatalf("war source read back with topic %q (%v)", got.Topic, err)
	}
	general := e.source("General Desk")
	if general.Topic != briefings.SourceTopicGeneral {
		t.Fatalf("general source topic %q", general.Topic)
	}

	on := article(war, 1, t0, "Drones hit a depot overnight")
	on.Relevance, on.Section = 0.93, briefings.SectionAirAttacks
	on.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Scope: briefings.ScopeNational,
		Launched: briefings.Counts{Drones: briefings.IntPtr(40)}}}
	e.add(on)
	off := article(general, 2, t0.Add(time.Minute), "Local team wins the cup")
	off.Relevance, off.OffTopic, off.Section = 0.04, true, briefings.SectionOther
	off.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Scope: briefings.ScopeRegional,
		Launched: briefings.Counts{Drones: briefings.IntPtr(3)}}}
	e.add(off)
	legacy := article(general, 3, t0.Add(2*time.Minute), "Unclassified ministers' meeting")
	e.add(legacy)

	got, err := e.db.GetArticle(ctx, on.ID)
	must(t, err)
	if got.Relevance < 0.929 || got.Relevance > 0.931 || got.OffTopic || got.Section != briefings.SectionAirAttacks ||
		got.SourceTopic != briefings.SourceTopicWar {
		t.Errorf("relevant article read back as relevance %v off-topic %v section %q source topic %q",
			got.Relevance, got.OffTopic, got.Section, got.SourceTopic)
	}
	got, err = e.db.GetArticle(ctx, off.ID)
	must(t, err)
	if !got.OffTopic || got.Section != briefings.SectionOther || got.SourceTopic != "" {
		t.Errorf("off-topic article read back as off-topic %v section %q", got.OffTopic, got.Section)
	}

	all, err := e.db.ListArticles(ctx, briefings.ArticleFilter{})
	must(t, err)
	kept, err := e.db.ListArticles(ctx, briefings.ArticleFilter{OnTopic: true})
	must(t, err)
	if len(all) != 3 || len(kept) != 2 {
		t.Fatalf("ListArticles: %d in all, %d on topic; want 3 and 2", len(all), len(kept))
	}
	for _, a := range kept {
		if a.ID == off.ID {
			t.Errorf("OnTopic listed the off-topic article")
		}
	}

	stories, err := e.db.ListStories(ctx, briefings.StoryFilter{Since: t0.Add(-time.Hour), Until: t0.Add(time.Hour)})
	must(t, err)
	found := 0
	for _, s := range stories {
		for _, a := range s.Articles {
			switch a.ID {
			case off.ID:
				found++
				if !a.OffTopic || a.Section != briefings.SectionOther {
					t.Errorf("ListStories: off-topic article as off-topic %v section %q", a.OffTopic, a.Section)
				}
			case on.ID:
				found++
				if a.OffTopic || a.Section != briefings.SectionAirAttacks || a.Relevance < 0.9 {
					t.Errorf("ListStories: relevant article as %v %q %v", a.OffTopic, a.Section, a.Relevance)
				}
			}
		}
	}
	if found != 2 {
		t.Errorf("ListStories returned %d of the two classified articles", found)
	}

	reps, err := e.db.ListAttackReports(ctx, t0.Add(-time.Hour), t0.Add(time.Hour))
	must(t, err)
	if len(reps) != 1 || reps[0].ArticleID != on.ID {
		t.Errorf("ListAttackReports: %d reports (want only the relevant article's)", len(reps))
	}
	after, err := e.db.AttackReportsAfter(ctx, 0, 10)
	must(t, err)
	if len(after) != 1 || after[0].ArticleID != on.ID {
		t.Errorf("AttackReportsAfter: %d reports (want only the relevant article's)", len(after))
	}

	// Upserting the source again as general changes its topic.
	war.Topic = briefings.SourceTopicGeneral
	must(t, e.db.UpsertSource(ctx, war))
	if got, err := e.db.GetSource(ctx, war.ID); err != nil || got.Topic != briefings.SourceTopicGeneral {
		t.Fatalf("topic after upsert %q (%v)", got.Topic, err)
	}
}
