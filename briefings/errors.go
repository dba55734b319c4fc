package briefings

import (
	"errors"
	"fmt"
)

// Error codes: what a chat user is told is chosen by the code; the detail
// stays in logs.
const (
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
	ERATELIMIT    = "rate_limited"
	EUNAVAILABLE  = "unavailable"
)

// Error is a domain error that carries a code and a message safe to show a user.
type Error struct {
	Code    string
	Message string
	// Key, when set, names the message in a catalogue of messages (chat
	// replies in the reader's language), with Args its values; Message is
	// then the key too.
	Key  string
	Args map[string]any
}

func (e *Error) Error() string {
	return fmt.Sprintf("sitrep error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted, user-safe message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// WithKey names e's message in the catalogue of chat messages (key, with
// args) and returns e; Message keeps the English for logs and the command
// line.
func (e *Error) WithKey(key string, args map[string]any) *Error {
	e.Key, e.Args = key, args
	return e
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of err. Internal errors never leak
// their detail.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}
