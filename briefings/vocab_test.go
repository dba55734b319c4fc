package briefings

import (
	"encoding/json"
	"testing"
)

func TestParseTopic(t *testing.T) {
	for _, tp := range Topics() {
		if got, ok := ParseTopic(string(tp)); !ok || got != tp {
			t.Errorf("ParseTopic(%q) = %q, %v", tp, got, ok)
		}
	}
	if _, ok := ParseTopic("Diplomacy"); ok {
		t.Error("ParseTopic is exact: a capitalised name is not a topic")
	}
}

// Topics, platforms and chats are stored as JSON strings: the types must not
// change what is written.
func TestVocabularyJSON(t *testing.T) {
	b, err := json.Marshal(struct {
		Topics []Topic
		Chat   Chat
	}{[]Topic{TopicAirAttacks, TopicPrisoners}, Chat{Platform: PlatformTelegram, ChatID: "1"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"Topics":["air_attacks","prisoners"],"Chat":{"platform":"telegram","chat_id":"1"}}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}

func TestNewLeaseHolder(t *testing.T) {
	a, b := NewLeaseHolder(), NewLeaseHolder()
	if a == b || a == "" {
		t.Errorf("two holders in one process: %q and %q", a, b)
	}
}
