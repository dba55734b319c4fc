// Package bot is sitrep's platform-neutral chat: the command router, the reply
// model every adapter renders natively, and the Platform interface adapters
// implement.
package bot

import (
	"context"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// Request is one incoming command from any platform.
type Request struct {
	Chat     briefings.Chat
	UserID   string
	UserName string
	// ChatKind is private, group or channel.
	ChatKind briefings.ChatKind
	// IsAdmin: the user is in SITREP_ADMINS. CanManage: may change this chat's
	// settings (always true in private chats; Manage Channels on Discord; group
	// admins on Telegram).
	IsAdmin   bool
	CanManage bool
	// Text is the command line as typed ("/digest 7d"). Adapters strip a
	// "@botname" suffix from the command word.
	Text string
	// Callback is set when the request comes from a button press (its data).
	Callback string
	// Locale is the language the user's app is set to, as the platform names
	// it (Telegram's language_code "uk", Discord's locale "en-GB"); "" when
	// the platform did not say. A chat that chose no language is answered in
	// it when the bot speaks it.
	Locale string
	// Unmetered exempts the request from the per-user command rate (the
	// operator's own console).
	Unmetered bool
	// TimeZone is the chat's zone when the platform knows it (the console:
	// the operator's); a daily digest set up without naming a zone takes it,
	// else UTC.
	TimeZone string

	// Attachment is a file the user sent with the command (an OPML list
	// sent to the bot arrives as /importopml with the file); nil for none.
	Attachment *Attachment

	// pr writes the replies in the chat's language (set by the router).
	pr *locale.Printer
}

// Attachment is a file a user sent.
type Attachment struct {
	Name string
	Data []byte
}

// t is the catalogue's message key in the request's language.
func (req *Request) t(key string, args ...locale.Args) string {
	if req.pr == nil {
		return key
	}
	return req.pr.T(key, args...)
}

// n is the plural message key for count n in the request's language.
func (req *Request) n(key string, n int, args ...locale.Args) string {
	if req.pr == nil {
		return key
	}
	return req.pr.N(key, n, args...)
}

// Span is a run of inline text; URL makes it a link.
type Span struct {
	Text   string
	URL    string
	Bold   bool
	Italic bool
	Code   bool
}

// Paragraph is a block: an optional heading and lines of spans.
type Paragraph struct {
	Heading string
	Lines   [][]Span
	// Continued is the heading a message repeats when a long reply is
	// split and the message starts within this paragraph (a digest
	// section's name marked as continued); "" for none.
	Continued string
}

// Button is an inline button; Data comes back as Request.Callback.
type Button struct {
	Label string
	Data  string
	URL   string
}

// Reply is a platform-neutral message. Adapters render it: Telegram HTML,
// Discord embeds/markdown, plain text on the console. All text is raw; the
// renderers escape it. The outbox stores replies in a format of its own
// (outbox.EncodePayload), so these fields may change freely.
type Reply struct {
	Title      string
	Paragraphs []Paragraph
	Buttons    [][]Button
	// Ephemeral: shown only to the requester where the platform can (Discord).
	Ephemeral bool
	// NoPreview turns link previews off (digests).
	NoPreview bool
	// Error marks a short error reply.
	Error bool
	// Photo is a picture sent with the reply (a chart); the reply's text is
	// its caption where the platform allows (Telegram: 1,024 characters;
	// the rest follows as messages).
	Photo *Photo
	// Document is a file sent with the reply (an OPML export); as with a
	// photo, the text is its caption where the platform allows.
	Document *Document
}

// Document is a file attached to a reply.
type Document struct {
	Name string // the file name shown to users ("sitrep.opml")
	Type string // its media type ("text/x-opml")
	Data []byte
}

// Photo is an image attached to a reply.
type Photo struct {
	// Name is the file name shown to users ("chart.png").
	Name string
	// PNG is the image.
	PNG []byte
	// Alt describes the picture in words (alt text, a console's note).
	Alt string
}

// Text returns a reply of one plain paragraph per line given.
func Text(lines ...string) *Reply {
	r := &Reply{}
	p := Paragraph{}
	for _, l := range lines {
		p.Lines = append(p.Lines, []Span{{Text: l}})
	}
	r.Paragraphs = []Paragraph{p}
	return r
}

// ErrorReply returns a short error reply.
func ErrorReply(msg string) *Reply {
	r := Text(msg)
	r.Error = true
	return r
}

// Handler answers a request. The Router implements it.
type Handler interface {
	Handle(ctx context.Context, req *Request) *Reply
}

// Platform is one chat adapter. Run receives requests and passes them to h
// until ctx ends; Send and Edit deliver outbox messages.
type Platform interface {
	Name() briefings.Platform
	Run(ctx context.Context, h Handler) error
	// Send delivers r to the chat and returns the platform message id.
	Send(ctx context.Context, chat briefings.Chat, r *Reply) (messageID string, err error)
	// Edit replaces a message the bot sent earlier.
	Edit(ctx context.Context, chat briefings.Chat, messageID string, r *Reply) error
}

// SendError classifies a platform failure for the dispatcher.
type SendError struct {
	Platform briefings.Platform
	// Kind: retry (transient), rate_limited (RetryAfter set), blocked (pause the
	// chat), not_found (deactivate), migrated (NewChatID set), fatal
	// (dead-letter), unavailable (the platform's adapter is down in this
	// process: not the message's fault, no attempt spent).
	Kind       string
	RetryAfter int // seconds
	NewChatID  string
	Err        error
}

func (e *SendError) Error() string {
	return string(e.Platform) + ": " + e.Kind + ": " + e.Err.Error()
}
func (e *SendError) Unwrap() error { return e.Err }

// SendError kinds.
const (
	SendRetry       = "retry"
	SendRateLimited = "rate_limited"
	SendBlocked     = "blocked"
	SendNotFound    = "not_found"
	SendMigrated    = "migrated"
	SendFatal       = "fatal"
	SendUnavailable = "unavailable"
)
