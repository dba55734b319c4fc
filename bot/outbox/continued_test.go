package outbox

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/bot"
)

// A queued digest keeps the heading its split messages repeat: the key is
// new within version 1, and a row without it decodes as before.
func TestPayloadKeepsContinuedHeading(t *testing.T) {
	r := &bot.Reply{Paragraphs: []bot.Paragraph{{Heading: "Air attacks", Continued: "Air attacks (continued)", Lines: [][]bot.Span{{{Text: "One."}}}}}}
	b, err := EncodePayload(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"continued":"Air attacks (continued)"`) {
		t.Errorf("payload %s", b)
	}
	got, err := DecodePayload(b)
	if err != nil || got.Paragraphs[0].Continued != "Air attacks (continued)" {
		t.Errorf("decoded %+v %v", got, err)
	}
}
