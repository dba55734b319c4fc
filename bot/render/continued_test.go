package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// A long digest split into messages: a message that starts within a
// section opens with the section's heading marked as continued, in the
// reader's language; one that starts with a section opens with its own
// heading only; every message stays within the platform's limit.
func TestChunksRepeatTheSectionHeading(t *testing.T) {
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	var secs []briefings.DigestSection
	for k, name := range []string{briefings.SectionAirAttacks, briefings.SectionDiplomacy} {
		sec := briefings.DigestSection{Name: name}
		for i := range 10 {
			sec.Items = append(sec.Items, briefings.DigestItem{
				Headline:  fmt.Sprintf("Story %d of part %d", i+1, k+1),
				Sentences: []string{strings.Repeat("A sentence of the story that goes on for a while. ", 8)},
				Sources:   []briefings.SourceRef{{Name: "Sample Wire", URL: fmt.Sprintf("https://sample.sitrep.invalid/%d", i)}},
			})
		}
		secs = append(secs, sec)
	}
	d := &briefings.Digest{Sections: secs}
	cases := []struct {
		lang   locale.Lang
		f      Format
		limit  int
		prefix func(heading string) string
		cont   []string // the continued headings, by section
	}{
		{locale.English, FormatHTML, 4096, func(h string) string { return "<b>" + h + "</b>\n" },
			[]string{"Air attacks (continued)", "Diplomacy (continued)"}},
		{locale.English, FormatDiscord, 2000, func(h string) string { return "**" + escapeDiscord(h, true) + "**\n" },
			[]string{"Air attacks (continued)", "Diplomacy (continued)"}},
		{locale.Ukrainian, FormatHTML, 2000, func(h string) string { return "<b>" + h + "</b>\n" },
			[]string{"Повітряні атаки (продовження)", "Дипломатія (продовження)"}},
	}
	for _, tc := range cases {
		pr := c.For(tc.lang)
		heads := []string{bot.SectionName(pr, briefings.SectionAirAttacks), bot.SectionName(pr, briefings.SectionDiplomacy)}
		parts := Chunks(bot.DigestReply(pr, d, nil), tc.f, tc.limit)
		if len(parts) < 3 {
			t.Fatalf("%s %v: %d messages, want a split", tc.lang, tc.f, len(parts))
		}
		continuedSeen := 0
		for i, m := range parts {
			if Len(m) > tc.limit {
				t.Errorf("%s %v: message %d has %d characters", tc.lang, tc.f, i, Len(m))
			}
			if i == 0 {
				continue
			}
			// Which section is the message in: the last heading before it.
			sec := 0
			if strings.Contains(strings.Join(parts[:i], ""), tc.prefix(heads[1])) {
				sec = 1
			}
			switch {
			case strings.HasPrefix(m, tc.prefix(heads[0])), strings.HasPrefix(m, tc.prefix(heads[1])):
				// a section's own start
			case strings.HasPrefix(m, tc.prefix(tc.cont[sec])):
				continuedSeen++
			default:
				t.Errorf("%s %v: message %d starts %q, want %q", tc.lang, tc.f, i, m[:min(len(m), 60)], tc.prefix(tc.cont[sec]))
			}
			if strings.Count(m, tc.cont[sec]) > 1 {
				t.Errorf("%s %v: message %d repeats the heading twice", tc.lang, tc.f, i)
			}
		}
		if continuedSeen == 0 {
			t.Errorf("%s %v: no message continues a section", tc.lang, tc.f)
		}
	}
}
