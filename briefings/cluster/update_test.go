package cluster

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// TestSourceUpdates: a source's posts on one attack are one story when one
// of them names no date and was published in the reporting window of the
// other's dated event (or both name none and are hours apart), whatever
// their figures; a post published outside that window is another night's
// or day's, however alike the wording. Reports of other regions, and an
// undated post of another source, are not joined by this rule.
func TestSourceUpdates(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2026, 5, d, h, 0, 0, 0, time.UTC) }
	type post struct {
		src    int64
		at     time.Time
		body   string
		events []string
	}
	run := func(posts ...post) []int64 {
		x := New(48 * time.Hour)
		out := make([]int64, len(posts))
		for i, p := range posts {
			g := Prepare("", p.body, p.events...)
			a := &briefings.Article{ID: int64(i + 1), SourceID: p.src, PublishedAt: p.at, Fingerprint: g.String()}
			if id, ok := x.MatchSignature(a, g); ok {
				a.StoryID = id
			} else {
				a.StoryID = int64(100 + i)
			}
			x.AddSignature(a, g)
			out[i] = a.StoryID
		}
		return out
	}
	night := post{1, at(14, 4), "Strike on the city overnight: 14 people injured and 23 buildings damaged, the mayor says.", []string{"RU>UA@2026-05-14/Kharkiv"}}
	for _, c := range []struct {
		name string
		p    post
		same bool
	}{
		{"update in the morning", post{1, at(14, 9), "Update: 19 people injured and 31 buildings damaged, the mayor says.", []string{"RU>UA@/Kharkiv"}}, true},
		{"update in the evening before", post{1, at(13, 20), "Strike on the city: 2 people injured, the mayor says.", []string{"RU>UA@/Kharkiv"}}, true},
		{"next evening", post{1, at(14, 19), "Strike on the city: 12 people injured and 23 buildings damaged, the mayor says.", []string{"RU>UA@/Kharkiv"}}, false},
		{"another region", post{1, at(14, 9), "Update: 19 people injured and 31 buildings damaged, the governor says.", []string{"RU>UA@/Odesa"}}, false},
		{"another source", post{2, at(14, 9), "Update: 19 people injured and 31 buildings damaged, the mayor says.", []string{"RU>UA@/Kharkiv"}}, false},
		{"day after, same words", post{1, at(15, 9), "Strike on the city overnight: 14 people injured and 23 buildings damaged, the mayor says.", []string{"RU>UA@/Kharkiv"}}, false},
	} {
		got := run(night, c.p)
		if (got[0] == got[1]) != c.same {
			t.Errorf("%s: stories %v, want one story: %v", c.name, got, c.same)
		}
	}
	// Two undated posts: one event within hours, not a day apart.
	first := post{1, at(14, 1), "Strike on the city: 4 injured.", []string{"RU>UA@/Kharkiv"}}
	if got := run(first, post{1, at(14, 5), "Update: 11 injured, 14 buildings damaged.", []string{"RU>UA@/Kharkiv"}}); got[0] != got[1] {
		t.Errorf("undated posts 4 hours apart: stories %v", got)
	}
	if got := run(first, post{1, at(14, 16), "Update: 11 injured, 14 buildings damaged.", []string{"RU>UA@/Kharkiv"}}); got[0] == got[1] {
		t.Errorf("undated posts 15 hours apart: stories %v", got)
	}
}
