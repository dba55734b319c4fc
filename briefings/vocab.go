package briefings

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"strconv"
)

// Topic names what an article is about (air attacks, diplomacy ...): the
// extractor tags articles with topics, digests rank and filter by them and
// chats subscribe to them. Its values are stored as they are (articles'
// and subscriptions' topic lists), so a constant's value never changes.
type Topic string

// Topics.
const (
	TopicAirAttacks   Topic = "air_attacks"
	TopicFrontLine    Topic = "front_line"
	TopicDiplomacy    Topic = "diplomacy"
	TopicSanctions    Topic = "sanctions"
	TopicMilitaryAid  Topic = "military_aid"
	TopicEnergy       Topic = "energy"
	TopicHumanitarian Topic = "humanitarian"
	TopicPrisoners    Topic = "prisoners"
)

// Topics returns every topic in display order (a new slice each call).
func Topics() []Topic {
	return []Topic{TopicAirAttacks, TopicFrontLine, TopicDiplomacy, TopicSanctions, TopicMilitaryAid,
		TopicEnergy, TopicHumanitarian, TopicPrisoners}
}

// ParseTopic returns the topic named exactly s.
func ParseTopic(s string) (Topic, bool) {
	for _, t := range Topics() {
		if string(t) == s {
			return t, true
		}
	}
	return "", false
}

// Section returns the digest section a topic names as a whole (air attacks,
// front line, diplomacy, sanctions and military aid: the classifier files
// articles under these sections), or "" for a topic narrower than any
// section (energy, humanitarian, prisoners), whose articles are found by
// their topics. A digest or summary of a section-wide topic reads the
// articles the classifier filed under its section.
func (t Topic) Section() string {
	switch t {
	case TopicAirAttacks:
		return SectionAirAttacks
	case TopicFrontLine:
		return SectionFrontLine
	case TopicDiplomacy:
		return SectionDiplomacy
	case TopicSanctions, TopicMilitaryAid:
		return SectionSanctions
	}
	return ""
}

// Includes reports whether an item filed under section ("" when it was
// stored before classification) is on topic t: by its section for a
// section-wide topic, the words it mentions aside; by its topics (carries)
// for a narrower topic or an unclassified item.
func (t Topic) Includes(section string, carries func(Topic) bool) bool {
	if sec := t.Section(); sec != "" && section != "" {
		return sec == section
	}
	return carries(t)
}

// TopicStrings returns the topics' names.
func TopicStrings(ts []Topic) []string {
	if ts == nil {
		return nil
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t)
	}
	return out
}

// Platform names a chat platform. Its values are stored (chats, outbox rows,
// admin ids "telegram:123").
type Platform string

// Platforms.
const (
	PlatformTelegram Platform = "telegram"
	PlatformDiscord  Platform = "discord"
	PlatformConsole  Platform = "console"
)

// ChatKind says what kind of conversation a request comes from.
type ChatKind string

// Chat kinds. Telegram's supergroups are groups; a Discord guild channel is a
// group, a direct message private.
const (
	ChatPrivate ChatKind = "private"
	ChatGroup   ChatKind = "group"
	ChatChannel ChatKind = "channel"
)

// NewLeaseHolder returns an id naming one holder of leases (a job runner, a
// dispatcher) among every process on the database: host, process id and a
// random part, so two holders in one process differ too.
func NewLeaseHolder() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		h = "host"
	}
	var id [6]byte
	_, _ = rand.Read(id[:])
	return h + "-" + strconv.Itoa(os.Getpid()) + "-" + hex.EncodeToString(id[:])
}
