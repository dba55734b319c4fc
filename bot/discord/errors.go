package discord

import (
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep/sitrep/bot"
)

// Discord JSON error codes the dispatcher cares about.
const (
	codeUnknownChannel     = 10003
	codeUnknownMessage     = 10008
	codeMissingAccess      = 50001
	codeCannotSendToUser   = 50007
	codeMissingPermissions = 50013
	codeCloudflareBlock    = 40333 // "internal network error": the client, not the chat
)

// classify turns a REST failure into a *bot.SendError for the dispatcher:
//
//	429                         -> rate_limited, RetryAfter from the body or header
//	403 (50001, 50013, 50007..) -> blocked: the bot lost access to the channel
//	404 (10003 and others)      -> not_found; 10008 Unknown Message is fatal for
//	                               that edit only (the channel is still there)
//	5xx, network, timeouts      -> retry
//	other 4xx                   -> fatal
func classify(err error) error {
	if err == nil {
		return nil
	}
	se := &bot.SendError{Platform: "discord", Err: err}
	var rl *discordgo.RateLimitError
	var rest *discordgo.RESTError
	switch {
	case errors.As(err, &rl):
		se.Kind = bot.SendRateLimited
		se.RetryAfter = retrySeconds(rl.RetryAfter)
	case errors.As(err, &rest) && rest.Response != nil:
		status := rest.Response.StatusCode
		code := 0
		if rest.Message != nil {
			code = rest.Message.Code
		}
		switch {
		case status == http.StatusTooManyRequests:
			se.Kind = bot.SendRateLimited
			se.RetryAfter = retryAfterOf(rest)
		case status == http.StatusForbidden && code == codeCloudflareBlock:
			se.Kind = bot.SendRetry
		case status == http.StatusForbidden:
			se.Kind = bot.SendBlocked
		case code == codeMissingAccess || code == codeMissingPermissions || code == codeCannotSendToUser:
			se.Kind = bot.SendBlocked
		case code == codeUnknownMessage:
			se.Kind = bot.SendFatal
		case status == http.StatusNotFound || code == codeUnknownChannel:
			se.Kind = bot.SendNotFound
		case status >= 500:
			se.Kind = bot.SendRetry
		default:
			se.Kind = bot.SendFatal
		}
	default:
		// Network errors, timeouts, a 502 after discordgo's own retry, or a
		// body that was not JSON (a proxy's error page): transient.
		se.Kind = bot.SendRetry
	}
	return se
}

// retrySeconds rounds a wait up to whole seconds, at least one.
func retrySeconds(d time.Duration) int {
	s := int(math.Ceil(d.Seconds()))
	if s < 1 {
		s = 1
	}
	return s
}

func retryAfterOf(rest *discordgo.RESTError) int {
	var body struct {
		RetryAfter float64 `json:"retry_after"`
	}
	if json.Unmarshal(rest.ResponseBody, &body) == nil && body.RetryAfter > 0 {
		return retrySeconds(time.Duration(body.RetryAfter * float64(time.Second)))
	}
	if v, err := strconv.ParseFloat(rest.Response.Header.Get("Retry-After"), 64); err == nil && v > 0 {
		return retrySeconds(time.Duration(v * float64(time.Second)))
	}
	return 1
}

// redactedError hides interaction tokens (they sit in webhook URLs, which
// discordgo and net/http put into error strings) from log lines.
type redactedError struct {
	err     error
	secrets []string
}

func (e *redactedError) Error() string {
	s := e.err.Error()
	for _, sec := range e.secrets {
		if sec != "" {
			s = strings.ReplaceAll(s, sec, "[redacted]")
		}
	}
	return s
}

func (e *redactedError) Unwrap() error { return e.err }

func redact(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	return &redactedError{err: err, secrets: secrets}
}
