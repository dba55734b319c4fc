package discord

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"net/url"
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
	se := &bot.SendError{Platform: Name, Err: err}
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

// redactedError hides secrets (interaction tokens sit in webhook URLs, which
// discordgo and net/http put into error strings; the bot token sits in the
// Authorization header of the request a REST error keeps). Its message is
// scrubbed, and so is every error its Unwrap chain hands out.
type redactedError struct {
	msg string
	err error // already scrubbed
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// redactedJoin is a scrubbed error with several wrapped errors.
type redactedJoin struct {
	msg  string
	errs []error // already scrubbed
}

func (e *redactedJoin) Error() string   { return e.msg }
func (e *redactedJoin) Unwrap() []error { return e.errs }

// redact returns err with every secret scrubbed from its message and from
// the whole chain: url.Error URLs, discordgo's REST errors (request URL and
// headers, response body) and rate-limit errors are rebuilt as scrubbed
// copies, so errors.As still finds them and classify still works; errors
// that carry no secret (context.Canceled, net errors) are kept as they are.
func redact(err error, secrets ...string) error {
	var s scrubber
	for _, sec := range secrets {
		if sec = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(sec), "Bot ")); sec != "" {
			s = append(s, sec)
		}
	}
	return s.err(err)
}

type scrubber []string

func (s scrubber) str(v string) string {
	for _, sec := range s {
		v = strings.ReplaceAll(v, sec, "[redacted]")
	}
	return v
}

func (s scrubber) err(err error) error {
	switch e := err.(type) {
	case nil:
		return nil
	case *url.Error:
		return &url.Error{Op: e.Op, URL: s.str(e.URL), Err: s.err(e.Err)}
	case *discordgo.RESTError:
		c := *e
		c.Request = s.request(e.Request)
		if e.Response != nil {
			resp := *e.Response
			resp.Request = s.request(e.Response.Request)
			c.Response = &resp
		}
		c.ResponseBody = []byte(s.str(string(e.ResponseBody)))
		return &c
	case *discordgo.RateLimitError:
		if e.RateLimit == nil {
			return e
		}
		rl := *e.RateLimit
		rl.URL = s.str(rl.URL)
		return &discordgo.RateLimitError{RateLimit: &rl}
	case *bot.SendError:
		c := *e
		c.Err = s.err(e.Err)
		return &c
	case interface{ Unwrap() []error }:
		var errs []error
		for _, x := range e.Unwrap() {
			errs = append(errs, s.err(x))
		}
		return &redactedJoin{msg: s.str(err.Error()), errs: errs}
	}
	inner := errors.Unwrap(err)
	clean, msg := s.err(inner), err.Error()
	if clean == inner && s.str(msg) == msg {
		return err
	}
	return &redactedError{msg: s.str(msg), err: clean}
}

// request returns a copy of r without secrets in its URL and without its
// Authorization header; the body is dropped (it was sent already).
func (s scrubber) request(r *http.Request) *http.Request {
	if r == nil {
		return nil
	}
	c := r.Clone(context.Background())
	if u, err := url.Parse(s.str(r.URL.String())); err == nil {
		c.URL = u
	}
	c.RequestURI = s.str(r.RequestURI)
	if c.Header.Get("Authorization") != "" {
		c.Header.Set("Authorization", "[redacted]")
	}
	c.Body, c.GetBody = nil, nil
	return c
}

// Fixes for the failures restarting cannot mend.
const (
	tokenFix = "Discord refused the bot token: set discord.token (SITREP_DISCORD_TOKEN) to the bot token of the application (Developer Portal, Bot, Reset Token)"
	appFix   = "Discord refused the request for this application: check that discord.app_id (SITREP_DISCORD_APP_ID) is the id of the application whose bot token is configured"
)

// permanent marks a start-up failure that retrying cannot mend: Discord
// refused the token (401, or the gateway's close code 4004) or the
// application (403 on the application's commands). Other failures
// (connection refused, timeouts, 5xx, 429) stay transient.
func permanent(err error) error {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Response != nil {
		switch rest.Response.StatusCode {
		case http.StatusUnauthorized:
			return bot.Permanent(err, tokenFix)
		case http.StatusForbidden:
			if code := restCode(rest); code != codeCloudflareBlock {
				return bot.Permanent(err, appFix)
			}
		}
	}
	if errors.Is(err, discordgo.ErrUnauthorized) || strings.Contains(err.Error(), "4004") {
		return bot.Permanent(err, tokenFix)
	}
	return err
}

func restCode(rest *discordgo.RESTError) int {
	if rest.Message == nil {
		return 0
	}
	return rest.Message.Code
}
