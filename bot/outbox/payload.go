package outbox

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/sitrep/sitrep/bot"
)

// PayloadVersion is the version of the payloads EncodePayload writes.
//
// Version 0 is the rows written before payloads carried a version: the
// JSON of a reply under the same keys as version 1, without "v". Keys are
// never renamed or reused; a change old readers cannot read raises the
// version and keeps a decoder for every version still in queues.
const PayloadVersion = 1

// errNewerPayload: the row was written by a newer sitrep, which knows a
// version this one does not; a dispatcher of that version will send it.
var errNewerPayload = errors.New("outbox: payload of a newer version")

// payload is a stored message, the outbox's own copy of a bot.Reply: the
// keys below are what queued rows hold, whatever bot.Reply's fields are
// called.
type payload struct {
	V          int                `json:"v"`
	Title      string             `json:"title,omitempty"`
	Paragraphs []payloadParagraph `json:"paragraphs,omitempty"`
	Buttons    [][]payloadButton  `json:"buttons,omitempty"`
	Ephemeral  bool               `json:"ephemeral,omitempty"`
	NoPreview  bool               `json:"no_preview,omitempty"`
	Error      bool               `json:"error,omitempty"`
	Photo      *payloadPhoto      `json:"photo,omitempty"`
}

type payloadParagraph struct {
	Heading string          `json:"heading,omitempty"`
	Lines   [][]payloadSpan `json:"lines,omitempty"`
	// Continued: a key added within version 1; a reader that does not know
	// it sends the paragraph without the repeated heading.
	Continued string `json:"continued,omitempty"`
}

type payloadSpan struct {
	Text   string `json:"text"`
	URL    string `json:"url,omitempty"`
	Bold   bool   `json:"bold,omitempty"`
	Italic bool   `json:"italic,omitempty"`
	Code   bool   `json:"code,omitempty"`
}

type payloadButton struct {
	Label string `json:"label"`
	Data  string `json:"data,omitempty"`
	URL   string `json:"url,omitempty"`
}

type payloadPhoto struct {
	Name string `json:"name"`
	PNG  []byte `json:"png"`
	Alt  string `json:"alt,omitempty"`
}

// EncodePayload writes r as an outbox row's payload (current version).
func EncodePayload(r *bot.Reply) ([]byte, error) {
	if r == nil {
		return nil, errors.New("outbox: encode payload: nil reply")
	}
	b, err := json.Marshal(toPayload(r))
	if err != nil {
		return nil, fmt.Errorf("outbox: encode payload: %w", err)
	}
	return b, nil
}

// DecodePayload reads a row's payload of any version this binary knows.
func DecodePayload(b []byte) (*bot.Reply, error) {
	var p payload
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("outbox: decode payload: %w", err)
	}
	switch {
	case p.V < 0:
		return nil, fmt.Errorf("outbox: decode payload: version %d", p.V)
	case p.V > PayloadVersion:
		return nil, fmt.Errorf("%w: version %d, this one reads up to %d", errNewerPayload, p.V, PayloadVersion)
	}
	// Versions 0 and 1 share their keys.
	return p.reply(), nil
}

func toPayload(r *bot.Reply) payload {
	p := payload{V: PayloadVersion, Title: r.Title, Ephemeral: r.Ephemeral, NoPreview: r.NoPreview, Error: r.Error}
	for _, para := range r.Paragraphs {
		pp := payloadParagraph{Heading: para.Heading, Continued: para.Continued}
		for _, line := range para.Lines {
			pl := make([]payloadSpan, len(line))
			for i, s := range line {
				pl[i] = payloadSpan{Text: s.Text, URL: s.URL, Bold: s.Bold, Italic: s.Italic, Code: s.Code}
			}
			pp.Lines = append(pp.Lines, pl)
		}
		p.Paragraphs = append(p.Paragraphs, pp)
	}
	for _, row := range r.Buttons {
		pr := make([]payloadButton, len(row))
		for i, b := range row {
			pr[i] = payloadButton{Label: b.Label, Data: b.Data, URL: b.URL}
		}
		p.Buttons = append(p.Buttons, pr)
	}
	if r.Photo != nil {
		p.Photo = &payloadPhoto{Name: r.Photo.Name, PNG: r.Photo.PNG, Alt: r.Photo.Alt}
	}
	return p
}

func (p *payload) reply() *bot.Reply {
	r := &bot.Reply{Title: p.Title, Ephemeral: p.Ephemeral, NoPreview: p.NoPreview, Error: p.Error}
	for _, pp := range p.Paragraphs {
		para := bot.Paragraph{Heading: pp.Heading, Continued: pp.Continued}
		for _, pl := range pp.Lines {
			line := make([]bot.Span, len(pl))
			for i, s := range pl {
				line[i] = bot.Span{Text: s.Text, URL: s.URL, Bold: s.Bold, Italic: s.Italic, Code: s.Code}
			}
			para.Lines = append(para.Lines, line)
		}
		r.Paragraphs = append(r.Paragraphs, para)
	}
	for _, pr := range p.Buttons {
		row := make([]bot.Button, len(pr))
		for i, b := range pr {
			row[i] = bot.Button{Label: b.Label, Data: b.Data, URL: b.URL}
		}
		r.Buttons = append(r.Buttons, row)
	}
	if p.Photo != nil {
		r.Photo = &bot.Photo{Name: p.Photo.Name, PNG: p.Photo.PNG, Alt: p.Photo.Alt}
	}
	return r
}
