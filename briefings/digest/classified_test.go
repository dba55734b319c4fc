package digest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// addClassified stores an article with the classifier's decision; story 0
// starts a new story. It returns the story id.
func (f *fixture) addClassified(story int64, src, title string, at time.Time, section string, offTopic bool, reports ...briefings.AttackReport) int64 {
	f.t.Helper()
	a := &briefings.Article{
		SourceID: f.source(src), URL: "https://sample.sitrep.invalid/" + strings.ReplaceAll(strings.ToLower(src+"/"+title), " ", "-"),
		Title: title, Body: title + ". A second sentence follows.", PublishedAt: at, FetchedAt: at, StoryID: story,
		ContentHash: src + title, Attacks: reports, Lang: "en", Relevance: 0.8, OffTopic: offTopic, Section: section,
	}
	if offTopic {
		a.Relevance = 0.1
	}
	res, err := f.st.AddArticle(context.Background(), a)
	if err != nil || !res.Created {
		f.t.Fatalf("add %q: %+v %v", title, res, err)
	}
	return res.StoryID
}

func headlines(d *briefings.Digest) map[string][]string {
	out := map[string][]string{}
	for _, s := range d.Sections {
		for _, it := range s.Items {
			out[s.Name] = append(out[s.Name], it.Headline)
		}
	}
	return out
}

// Off-topic articles take no part in a digest; each story goes under its
// articles' section.
func TestBuildClassified(t *testing.T) {
	f := newFixture(t)
	h := func(n int) time.Time { return base.Add(-time.Duration(n) * time.Hour) }
	f.addClassified(0, "Sample Wire", "Dance show scandal", h(1), briefings.SectionOther, true)
	// A story of three relevant articles, two of them filed under Front
	// line, and one off-topic article that strayed into it.
	s := f.addClassified(0, "Sample Wire", "Troops hold the river line", h(6), briefings.SectionFrontLine, false)
	f.addClassified(s, "Demo Kyiv Post", "Counterattack near the crossing", h(5), briefings.SectionFrontLine, false)
	f.addClassified(s, "Example Courier", "Shelling near the crossing", h(4), briefings.SectionAirAttacks, false)
	f.addClassified(s, "Gossip Daily", "Crossing bridge festival", h(3), briefings.SectionOther, true)
	f.addClassified(0, "Example Courier", "Envoys meet in Geneva", h(2), briefings.SectionDiplomacy, false)

	d, err := Build(context.Background(), f.st, firstSentences{}, Options{Now: base})
	if err != nil {
		t.Fatal(err)
	}
	got := headlines(d)
	if len(got[briefings.SectionOther]) != 0 {
		t.Errorf("off-topic story in the digest: %v", got)
	}
	if len(got[briefings.SectionFrontLine]) != 1 || len(got[briefings.SectionDiplomacy]) != 1 || len(got[briefings.SectionAirAttacks]) != 0 {
		t.Fatalf("sections %v", got)
	}
	for _, sec := range d.Sections {
		for _, it := range sec.Items {
			for _, src := range it.Sources {
				if src.Name == "Gossip Daily" {
					t.Errorf("the off-topic article's outlet is listed: %+v", it.Sources)
				}
			}
		}
	}
}

func TestStorySection(t *testing.T) {
	record := briefings.AttackReport{Attacker: "RU", Target: "UA", Scope: briefings.ScopeNational, Source: "Ukraine's Air Force",
		Launched: briefings.Counts{Drones: briefings.IntPtr(90)}}
	mayor := record
	mayor.Source = "mayor"
	art := func(section string, reps ...briefings.AttackReport) briefings.Article {
		return briefings.Article{Section: section, Attacks: reps}
	}
	cases := []struct {
		name string
		arts []briefings.Article
		want string
	}{
		{"majority", []briefings.Article{art(briefings.SectionOther), art(briefings.SectionDiplomacy), art(briefings.SectionDiplomacy)}, briefings.SectionDiplomacy},
		{"tie: the earliest", []briefings.Article{art(briefings.SectionFrontLine), art(briefings.SectionAirAttacks)}, briefings.SectionFrontLine},
		{"tie: the report of record", []briefings.Article{art(briefings.SectionFrontLine), art(briefings.SectionAirAttacks, record)}, briefings.SectionAirAttacks},
		{"tie: a mayor's figures are no report of record", []briefings.Article{art(briefings.SectionFrontLine), art(briefings.SectionAirAttacks, mayor)}, briefings.SectionFrontLine},
		{"unclassified: by topics", []briefings.Article{{Topics: []briefings.Topic{briefings.TopicSanctions}}}, briefings.SectionSanctions},
	}
	for _, c := range cases {
		if got := StorySection(c.arts); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// Within a section: more outlets first, then the report of record, then the
// most recent.
func TestBuildOrderWithinSection(t *testing.T) {
	f := newFixture(t)
	h := func(n int) time.Time { return base.Add(-time.Duration(n) * time.Hour) }
	record := briefings.AttackReport{Attacker: "RU", Target: "UA", Date: "2026-11-26", Period: "overnight", Scope: briefings.ScopeNational,
		Source: "Ukraine's Air Force", Launched: briefings.Counts{Drones: briefings.IntPtr(90)}}
	f.addClassified(0, "Sample Wire", "Drone hits a depot", h(1), briefings.SectionAirAttacks, false)
	f.addClassified(0, "Sample Wire", "Air Force: 90 drones overnight", h(5), briefings.SectionAirAttacks, false, record)
	two := f.addClassified(0, "Sample Wire", "Missile strike on the port", h(9), briefings.SectionAirAttacks, false)
	f.addClassified(two, "Demo Kyiv Post", "Port hit by a missile", h(8), briefings.SectionAirAttacks, false)
	f.addClassified(0, "Example Courier", "Glide bombs on a town", h(3), briefings.SectionAirAttacks, false)

	d, err := Build(context.Background(), f.st, firstSentences{}, Options{Now: base})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(headlines(d)[briefings.SectionAirAttacks], " | ")
	want := "Missile strike on the port | Air Force: 90 drones overnight | Drone hits a depot | Glide bombs on a town"
	if got != want {
		t.Errorf("order\n got %s\nwant %s", got, want)
	}
}

// One source's single-outlet stories take at most half a section's places
// while other sources' stories wait; they fill the places left after, and
// the items keep the section's order.
func TestBuildSectionSharesPlaces(t *testing.T) {
	f := newFixture(t)
	h := func(n int) time.Time { return base.Add(-time.Duration(n) * time.Hour) }
	// A channel posting each update as a post of its own, newest of all.
	for i, title := range []string{"Alert over the capital region", "Alert lifted in the north", "Shelters open in the east", "Alert over the south"} {
		f.addClassified(0, "Live Monitor", title, h(i+1), briefings.SectionOther, false)
	}
	f.addClassified(0, "Sample Wire", "Care home residents missing after deportation", h(8), briefings.SectionOther, false)
	f.addClassified(0, "Demo Kyiv Post", "Working group to identify the fallen", h(9), briefings.SectionOther, false)
	f.addClassified(0, "Sample Wire", "Pontoon crossings planned for the capital", h(10), briefings.SectionOther, false)
	two := f.addClassified(0, "Sample Wire", "Aid convoy reaches a frontline town", h(12), briefings.SectionOther, false)
	f.addClassified(two, "Live Monitor", "Convoy arrives in the town", h(11), briefings.SectionOther, false)

	d, err := Build(context.Background(), f.st, firstSentences{}, Options{Now: base, MaxPerSection: 5})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(headlines(d)[briefings.SectionOther], " | ")
	want := "Aid convoy reaches a frontline town | Alert over the capital region | Alert lifted in the north | " +
		"Care home residents missing after deportation | Working group to identify the fallen"
	if got != want {
		t.Errorf("other\n got %s\nwant %s", got, want)
	}
	// With no other source waiting, one source fills the section.
	g := newFixture(t)
	for i, title := range []string{"First alert tonight", "Second alert tonight", "Third alert tonight", "Fourth alert tonight"} {
		g.addClassified(0, "Live Monitor", title, h(i+1), briefings.SectionOther, false)
	}
	d, err = Build(context.Background(), g.st, firstSentences{}, Options{Now: base, MaxPerSection: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(headlines(d)[briefings.SectionOther], " | "); got != "First alert tonight | Second alert tonight | Third alert tonight" {
		t.Errorf("one source: %s", got)
	}
}

// A digest of some topics (a subscription's) takes a classified story by its
// section for a section-wide topic, whatever words its articles mention, and
// by its articles' topics for a narrower one.
func TestBuildTopicsFollowSections(t *testing.T) {
	f := newFixture(t)
	h := func(n int) time.Time { return base.Add(-time.Duration(n) * time.Hour) }
	add := func(title, section string, at time.Time, topics ...briefings.Topic) {
		t.Helper()
		a := &briefings.Article{SourceID: f.source("Sample Wire"), URL: "https://sample.sitrep.invalid/" + strings.ReplaceAll(strings.ToLower(title), " ", "-"),
			Title: title, Body: title + ". A second sentence follows.", PublishedAt: at, FetchedAt: at, ContentHash: title,
			Topics: topics, Lang: "en", Relevance: 0.8, Section: section}
		if _, err := f.st.AddArticle(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	add("Chancellor visits the capital with an air defence pledge", briefings.SectionDiplomacy, h(1), briefings.TopicAirAttacks, briefings.TopicMilitaryAid)
	add("Strikes on refineries to intensify, president says", briefings.SectionAirAttacks, h(2), briefings.TopicEnergy)
	add("Families lose contact with a deported care home resident", briefings.SectionOther, h(3), briefings.TopicHumanitarian)
	cases := []struct {
		topic briefings.Topic
		want  string
	}{
		{briefings.TopicAirAttacks, "Air attacks: Strikes on refineries to intensify, president says"},
		{briefings.TopicDiplomacy, "Diplomacy: Chancellor visits the capital with an air defence pledge"},
		{briefings.TopicHumanitarian, "Other: Families lose contact with a deported care home resident"},
		{briefings.TopicEnergy, "Air attacks: Strikes on refineries to intensify, president says"},
		{briefings.TopicFrontLine, ""},
	}
	for _, c := range cases {
		d, err := Build(context.Background(), f.st, firstSentences{}, Options{Now: base, Topics: []briefings.Topic{c.topic}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range d.Sections {
			for _, it := range s.Items {
				got = append(got, s.Name+": "+it.Headline)
			}
		}
		if strings.Join(got, " | ") != c.want {
			t.Errorf("%s: %q, want %q", c.topic, got, c.want)
		}
	}
}
