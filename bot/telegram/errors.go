package telegram

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/sitrep/sitrep/bot"
)

const redacted = "<redacted>"

// redactedError hides the bot token. tgbotapi builds request URLs as
// <endpoint>/bot<token>/<method>, and net/http puts that URL in every
// transport error; the message and the whole Unwrap chain are scrubbed.
type redactedError struct {
	msg string
	err error // already scrubbed
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// redact returns err with every occurrence of token replaced. The chain keeps
// its sentinel values (context.Canceled, *tgbotapi.Error, net errors) so
// errors.Is/As still work.
func redact(err error, token string) error {
	if err == nil || token == "" {
		return err
	}
	var inner error
	var ue *url.Error
	if errors.As(err, &ue) {
		// Rebuild the url.Error without the token; its inner error (a net or
		// context error) does not carry the URL.
		inner = &url.Error{Op: ue.Op, URL: strings.ReplaceAll(ue.URL, token, redacted), Err: ue.Err}
	} else if u := errors.Unwrap(err); u != nil && strings.Contains(u.Error(), token) {
		inner = redact(u, token)
	} else if u != nil {
		inner = u
	} else if !strings.Contains(err.Error(), token) {
		return err
	}
	return &redactedError{msg: strings.ReplaceAll(err.Error(), token, redacted), err: inner}
}

// statusError reports an HTTP failure that did not carry a Bot API answer
// (a proxy's 502 page, the emulator's 500 for a method it lacks).
type statusError struct {
	Code       int
	Body       string
	RetryAfter int // seconds, from a Retry-After header
}

func (e *statusError) Error() string {
	if e.Body == "" {
		return fmt.Sprintf("http status %d", e.Code)
	}
	return fmt.Sprintf("http status %d: %s", e.Code, e.Body)
}

// apiError returns the Bot API error inside err, if any.
func apiError(err error) (*tgbotapi.Error, bool) {
	var pe *tgbotapi.Error
	if errors.As(err, &pe) {
		return pe, true
	}
	var ve tgbotapi.Error
	if errors.As(err, &ve) {
		return &ve, true
	}
	return nil, false
}

// classify turns a failed Bot API call into a *bot.SendError for the
// dispatcher. err must already be redacted.
func classify(err error) *bot.SendError {
	if err == nil {
		return nil
	}
	var se *bot.SendError
	if errors.As(err, &se) {
		return se
	}
	out := &bot.SendError{Platform: Name, Kind: bot.SendRetry, Err: err}
	var st *statusError
	if errors.As(err, &st) {
		if st.Code == http.StatusTooManyRequests {
			out.Kind, out.RetryAfter = bot.SendRateLimited, max(st.RetryAfter, 1)
		} else if st.Code < 500 {
			out.Kind = bot.SendFatal
		}
		return out
	}
	ae, ok := apiError(err)
	if !ok {
		return out // network trouble, timeouts, a cancelled context: try again later
	}
	desc := strings.ToLower(ae.Message)
	switch {
	case ae.Code == http.StatusTooManyRequests:
		out.Kind = bot.SendRateLimited
		out.RetryAfter = ae.RetryAfter
		if out.RetryAfter <= 0 {
			out.RetryAfter = 1
		}
	case ae.MigrateToChatID != 0:
		out.Kind = bot.SendMigrated
		out.NewChatID = fmt.Sprint(ae.MigrateToChatID)
	case ae.Code == http.StatusForbidden:
		// "bot was blocked by the user", "bot was kicked from the group chat",
		// "user is deactivated", "bot can't initiate conversation", "bot is not
		// a member of the channel chat": the chat no longer takes our messages.
		out.Kind = bot.SendBlocked
	case ae.Code == http.StatusBadRequest && (strings.Contains(desc, "chat not found") ||
		strings.Contains(desc, "user not found") || strings.Contains(desc, "group chat was deactivated")):
		out.Kind = bot.SendNotFound
	case ae.Code >= 500 || ae.Code == http.StatusConflict:
		out.Kind = bot.SendRetry
	case ae.Code == 0:
		out.Kind = bot.SendRetry
	default:
		out.Kind = bot.SendFatal
	}
	return out
}

// notModified reports Telegram's answer to an edit that changes nothing.
func notModified(err error) bool {
	ae, ok := apiError(err)
	return ok && ae.Code == http.StatusBadRequest && strings.Contains(strings.ToLower(ae.Message), "message is not modified")
}

// tokenFix tells the operator what to do when Telegram refuses the token.
const tokenFix = "Telegram refused the bot token: set telegram.token (SITREP_TELEGRAM_TOKEN) to the token @BotFather gave this bot"

// permanent marks err permanent when Telegram refused the token (401
// Unauthorized, 403 Forbidden, or 404 for a token of the wrong shape):
// retrying cannot help, the operator must fix the configuration. Other
// failures (network, timeouts, 5xx, 429) are left as they are: transient.
// It is applied to the bot-wide calls (getMe, setWebhook, getUpdates),
// never to a send, where 403 is one chat refusing the bot. err must
// already be redacted.
func permanent(err error) error {
	if ae, ok := apiError(err); ok && tokenRefused(ae.Code) {
		return bot.Permanent(err, tokenFix)
	}
	var st *statusError
	if errors.As(err, &st) && tokenRefused(st.Code) {
		return bot.Permanent(err, tokenFix)
	}
	return err
}

func tokenRefused(code int) bool {
	return code == http.StatusUnauthorized || code == http.StatusForbidden || code == http.StatusNotFound
}
