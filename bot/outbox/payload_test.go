package outbox

import (
	"errors"
	"reflect"
	"testing"

	"github.com/sitrep/sitrep/bot"
)

// A row queued before payloads had a version: the JSON of a reply as the
// bot wrote it then. It must decode after any refactor of bot.Reply.
const payloadV0 = `{"title":"Air attack, night of 4 Sep","paragraphs":[{"heading":"Figures","lines":[` +
	`[{"text":"Russia launched 112 drones; "},{"text":"84 intercepted","bold":true},{"text":" (75%)","italic":true}],` +
	`[{"text":"Source: "},{"text":"Sample Wire","url":"https://sample.sitrep.invalid/a"},{"text":" id 7","code":true}]]},` +
	`{"lines":[[{"text":"Second paragraph."}]]}],` +
	`"buttons":[[{"label":"Settings","data":"/settings"},{"label":"Read","url":"https://sample.sitrep.invalid/a"}]],` +
	`"ephemeral":true,"no_preview":true,"error":true,"photo":{"name":"chart.png","png":"iVBORw0=","alt":"A chart"}}`

// wantReply is what payloadV0 says.
func wantReply() *bot.Reply {
	return &bot.Reply{
		Title: "Air attack, night of 4 Sep",
		Paragraphs: []bot.Paragraph{
			{Heading: "Figures", Lines: [][]bot.Span{
				{{Text: "Russia launched 112 drones; "}, {Text: "84 intercepted", Bold: true}, {Text: " (75%)", Italic: true}},
				{{Text: "Source: "}, {Text: "Sample Wire", URL: "https://sample.sitrep.invalid/a"}, {Text: " id 7", Code: true}},
			}},
			{Lines: [][]bot.Span{{{Text: "Second paragraph."}}}},
		},
		Buttons:   [][]bot.Button{{{Label: "Settings", Data: "/settings"}, {Label: "Read", URL: "https://sample.sitrep.invalid/a"}}},
		Ephemeral: true, NoPreview: true, Error: true,
		Photo: &bot.Photo{Name: "chart.png", PNG: []byte("\x89PNG\r"), Alt: "A chart"},
	}
}

func TestDecodePayloadVersion0(t *testing.T) {
	got, err := DecodePayload([]byte(payloadV0))
	if err != nil {
		t.Fatal(err)
	}
	if want := wantReply(); !reflect.DeepEqual(got, want) {
		t.Errorf("version 0 payload:\n got %+v\nwant %+v", got, want)
	}
	// The plain rows written by older tests and tools decode too.
	got, err = DecodePayload([]byte(`{"paragraphs":[{"lines":[[{"text":"hello"}]]}]}`))
	if err != nil || len(got.Paragraphs) != 1 || got.Paragraphs[0].Lines[0][0].Text != "hello" {
		t.Errorf("plain version 0 payload: %+v %v", got, err)
	}
}

// Version 1 is written with its version and the same keys; a change to
// them shows here, as a stored format must not change silently.
func TestPayloadVersion1(t *testing.T) {
	b, err := EncodePayload(wantReply())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"v":1,` + payloadV0[1:]
	if string(b) != want {
		t.Errorf("encoded:\n got %s\nwant %s", b, want)
	}
	got, err := DecodePayload(b)
	if err != nil || !reflect.DeepEqual(got, wantReply()) {
		t.Errorf("round trip: %+v %v", got, err)
	}
	b, _ = EncodePayload(bot.Text("one line"))
	if string(b) != `{"v":1,"paragraphs":[{"lines":[[{"text":"one line"}]]}]}` {
		t.Errorf("a short reply: %s", b)
	}
	if _, err := EncodePayload(nil); err == nil {
		t.Error("a nil reply was encoded")
	}
}

func TestDecodePayloadRefuses(t *testing.T) {
	if _, err := DecodePayload([]byte(`{"v":2,"title":"from a newer sitrep"}`)); !errors.Is(err, errNewerPayload) {
		t.Errorf("newer version: %v", err)
	}
	for _, bad := range []string{``, `[1]`, `{"v":-1}`, `{"title":3}`} {
		if _, err := DecodePayload([]byte(bad)); err == nil || errors.Is(err, errNewerPayload) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
