package bot

import (
	"strings"

	"github.com/sitrep/sitrep/briefings"
)

// topicAliases maps words users type to topic names.
var topicAliases = map[string]briefings.Topic{
	"attacks": briefings.TopicAirAttacks, "attack": briefings.TopicAirAttacks, "air": briefings.TopicAirAttacks,
	"drones": briefings.TopicAirAttacks, "missiles": briefings.TopicAirAttacks,
	"front": briefings.TopicFrontLine, "frontline": briefings.TopicFrontLine, "front-line": briefings.TopicFrontLine,
	"diplomacy": briefings.TopicDiplomacy, "talks": briefings.TopicDiplomacy, "peace": briefings.TopicDiplomacy,
	"sanctions": briefings.TopicSanctions, "aid": briefings.TopicMilitaryAid, "weapons": briefings.TopicMilitaryAid,
	"energy": briefings.TopicEnergy, "humanitarian": briefings.TopicHumanitarian,
	"prisoners": briefings.TopicPrisoners, "pows": briefings.TopicPrisoners, "exchange": briefings.TopicPrisoners,
}

// summaryWord is the word /summary takes for a digest section's stories
// ("attacks"), or "" for a section no topic names (Other).
func summaryWord(section string) string {
	return map[string]string{
		briefings.SectionAirAttacks: "attacks", briefings.SectionFrontLine: "front",
		briefings.SectionDiplomacy: "diplomacy", briefings.SectionSanctions: "sanctions",
	}[section]
}

// plainWord is w lower-cased, without the punctuation typed around it.
func plainWord(w string) string { return strings.ToLower(strings.Trim(w, ",;.")) }

// topicName returns the topic a word names, or "".
func topicName(w string) briefings.Topic {
	w = plainWord(w)
	if t, ok := briefings.ParseTopic(w); ok {
		return t
	}
	return topicAliases[w]
}

// topicList writes topics as "a, b".
func topicList(ts []briefings.Topic) string {
	return strings.Join(briefings.TopicStrings(ts), ", ")
}
