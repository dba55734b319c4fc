// Package telegramtest holds test doubles for sitrep's Telegram adapter: a Go
// fake of the Bot API (long polling, sends, edits, injected errors), a
// launcher and client for the telegram-test-api emulator, and a round-trip
// benchmark harness other packages can reuse with their own bot.Handler.
package telegramtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Identity of the fake bot.
const (
	FakeToken       = "987654321:AAFake-Token_for_sitrep_tests_only"
	FakeBotUsername = "sitrep_test_bot"
	FakeBotID       = 4242
)

// WaitTimeout bounds every wait in this package.
const WaitTimeout = 10 * time.Second

// Chat and User describe the sender side of a pushed update.
type Chat struct {
	ID    int64
	Type  string // private, group, supergroup, channel
	Title string
}

// User is a Telegram user.
type User struct {
	ID       int64
	UserName string
	// LanguageCode is the user's app language ("uk"), "" for none.
	LanguageCode string
}

// Call is one Bot API call the fake received.
type Call struct {
	Method string
	Params url.Values
}

// APIError is an error answer the fake gives to the next call of a method.
type APIError struct {
	Code        int // error_code and HTTP status
	Description string
	RetryAfter  int
	MigrateTo   int64
	// Raw, when set, is sent as a text/html body with status Code instead of
	// a Bot API JSON answer (a proxy's error page).
	Raw string
}

// SentMessage is a message the bot sent, as the fake stores it.
type SentMessage struct {
	ChatID         string
	MessageID      int
	Text           string
	ParseMode      string
	DisablePreview bool
	ReplyMarkup    string // raw JSON of reply_markup, "" when none
	Edits          int
	Deleted        bool
	// Photo is the image a sendPhoto uploaded (PhotoName its file name);
	// Text is then the caption.
	Photo     []byte
	PhotoName string
	// Document is the file a sendDocument uploaded (DocumentName its
	// name); Text is then the caption.
	Document     []byte
	DocumentName string
}

// Keyboard decodes ReplyMarkup.
func (m SentMessage) Keyboard() (tgbotapi.InlineKeyboardMarkup, bool) {
	var kb tgbotapi.InlineKeyboardMarkup
	if m.ReplyMarkup == "" || json.Unmarshal([]byte(m.ReplyMarkup), &kb) != nil {
		return kb, false
	}
	return kb, len(kb.InlineKeyboard) > 0
}

// Fake is an httptest Bot API. Use URL as the bot's API endpoint and
// FakeToken as its token.
type Fake struct {
	URL   string
	Token string

	srv        *httptest.Server
	mu         sync.Mutex
	changed    chan struct{} // closed on every change
	calls      []Call
	updates    []tgbotapi.Update
	nextUpd    int
	nextMsg    int
	msgs       []*SentMessage
	fail       map[string][]APIError
	members    map[string]string
	files      map[string][]byte // pushed documents by file id
	flood      *Flood            // strict mode: see SetLimits
	tooMany    int
	tooManyBot int
	sent       map[string]int // messages sent per chat
}

// NewFake starts a fake Bot API on 127.0.0.1, closed at the end of the test.
func NewFake(tb testing.TB) *Fake {
	tb.Helper()
	f := &Fake{Token: FakeToken, changed: make(chan struct{}), nextUpd: 100, nextMsg: 1,
		fail: map[string][]APIError{}, members: map[string]string{}, sent: map[string]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	f.URL = f.srv.URL
	tb.Cleanup(f.srv.Close)
	return f
}

// Close stops the server (also done at cleanup).
func (f *Fake) Close() { f.srv.Close() }

func (f *Fake) notifyLocked() {
	close(f.changed)
	f.changed = make(chan struct{})
}

// FailNext makes the next call of method answer with e.
func (f *Fake) FailNext(method string, e APIError) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail[method] = append(f.fail[method], e)
}

// SetMember sets a user's status in a chat for getChatMember
// (creator, administrator, member, left).
func (f *Fake) SetMember(chatID, userID int64, status string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.members[fmt.Sprint(chatID, "/", userID)] = status
}

// Calls returns the calls of method so far ("" for all).
func (f *Fake) Calls(method string) []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Call
	for _, c := range f.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// WaitCalls waits until method was called at least n times.
func (f *Fake) WaitCalls(tb testing.TB, method string, n int) []Call {
	tb.Helper()
	var out []Call
	f.wait(tb, fmt.Sprintf("%d %s calls", n, method), func() bool {
		out = nil
		for _, c := range f.calls {
			if c.Method == method {
				out = append(out, c)
			}
		}
		return len(out) >= n
	})
	return out
}

// Messages returns the messages sent to chatID (all chats for "").
func (f *Fake) Messages(chatID string) []SentMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.messagesLocked(chatID)
}

func (f *Fake) messagesLocked(chatID string) []SentMessage {
	var out []SentMessage
	for _, m := range f.msgs {
		if chatID == "" || m.ChatID == chatID {
			out = append(out, *m)
		}
	}
	return out
}

// Sent is how many messages the bot sent to chatID (a cheap count).
func (f *Fake) Sent(chatID string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.sent[chatID]
}

// WaitMessages waits until at least n messages were sent to chatID.
func (f *Fake) WaitMessages(tb testing.TB, chatID string, n int) []SentMessage {
	tb.Helper()
	var out []SentMessage
	f.wait(tb, fmt.Sprintf("%d messages to chat %s", n, chatID), func() bool {
		out = f.messagesLocked(chatID)
		return len(out) >= n
	})
	return out
}

// wait blocks until cond (run under the lock) holds.
func (f *Fake) wait(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.NewTimer(WaitTimeout)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		ok := cond()
		ch := f.changed
		f.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline.C:
			tb.Fatalf("telegramtest: timed out waiting for %s", what)
		}
	}
}

// PushMessage queues a user's message (a command when text starts with "/")
// for getUpdates and returns its update id.
func (f *Fake) PushMessage(chat Chat, user User, text string) int {
	m := &tgbotapi.Message{
		Date: int(time.Now().Unix()),
		Chat: &tgbotapi.Chat{ID: chat.ID, Type: chat.Type, Title: chat.Title},
		From: &tgbotapi.User{ID: user.ID, UserName: user.UserName, FirstName: user.UserName, LanguageCode: user.LanguageCode},
		Text: text,
	}
	if strings.HasPrefix(text, "/") {
		n := strings.IndexAny(text, " \n\t")
		if n < 0 {
			n = len(text)
		}
		m.Entities = []tgbotapi.MessageEntity{{Type: "bot_command", Offset: 0, Length: len(utf16(text[:n]))}}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	m.MessageID = f.nextMsg
	f.nextMsg++
	return f.pushLocked(tgbotapi.Update{Message: m})
}

// PushCallback queues a button press on message messageID in chat.
func (f *Fake) PushCallback(chat Chat, user User, messageID int, data string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	cq := &tgbotapi.CallbackQuery{
		ID:   "cq" + strconv.Itoa(f.nextUpd),
		From: &tgbotapi.User{ID: user.ID, UserName: user.UserName, FirstName: user.UserName, LanguageCode: user.LanguageCode},
		Message: &tgbotapi.Message{MessageID: messageID, Date: int(time.Now().Unix()),
			Chat: &tgbotapi.Chat{ID: chat.ID, Type: chat.Type, Title: chat.Title}},
		Data: data,
	}
	return f.pushLocked(tgbotapi.Update{CallbackQuery: cq})
}

// Push queues a raw update; its UpdateID is assigned.
func (f *Fake) Push(u tgbotapi.Update) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.pushLocked(u)
}

func (f *Fake) pushLocked(u tgbotapi.Update) int {
	u.UpdateID = f.nextUpd
	f.nextUpd++
	f.updates = append(f.updates, u)
	f.notifyLocked()
	return u.UpdateID
}

func utf16(s string) []uint16 {
	var out []uint16
	for _, r := range s {
		if r >= 0x10000 {
			out = append(out, 0, 0)
		} else {
			out = append(out, 0)
		}
	}
	return out
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func ok(w http.ResponseWriter, result any) {
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "result": result})
}

func apiErr(w http.ResponseWriter, code int, desc string, params map[string]any) {
	body := map[string]any{"ok": false, "error_code": code, "description": desc}
	if params != nil {
		body["parameters"] = params
	}
	writeJSON(w, code, body)
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	arrived := time.Now()
	if f.serveFile(w, r) {
		return
	}
	rest, found := strings.CutPrefix(r.URL.Path, "/bot")
	token, method, found2 := strings.Cut(rest, "/")
	if !found || !found2 {
		apiErr(w, http.StatusNotFound, "Not Found", nil)
		return
	}
	if token != f.Token {
		apiErr(w, http.StatusUnauthorized, "Unauthorized", nil)
		return
	}
	params, upload, err := readParams(r)
	if err != nil {
		apiErr(w, http.StatusBadRequest, "Bad Request: "+err.Error(), nil)
		return
	}
	f.mu.Lock()
	f.calls = append(f.calls, Call{Method: method, Params: params})
	var injected *APIError
	if q := f.fail[method]; len(q) > 0 {
		injected = &q[0]
		f.fail[method] = q[1:]
	}
	flood := injected == nil && f.overLimitLocked(method, params, arrived)
	f.notifyLocked()
	f.mu.Unlock()
	if injected != nil {
		writeInjected(w, *injected)
		return
	}
	if flood {
		refuseFlood(w)
		return
	}
	switch method {
	case "getMe":
		ok(w, map[string]any{"id": FakeBotID, "is_bot": true, "first_name": "sitrep", "username": FakeBotUsername})
	case "getUpdates":
		f.getUpdates(w, r, params)
	case "sendMessage":
		f.sendMessage(w, params)
	case "sendPhoto":
		f.sendPhoto(w, params, upload)
	case "sendDocument":
		f.sendDocument(w, params, upload)
	case "getFile":
		f.getFile(w, params)
	case "editMessageText":
		f.editMessageText(w, params)
	case "deleteMessage":
		f.deleteMessage(w, params)
	case "getChatMember":
		f.mu.Lock()
		status := f.members[params.Get("chat_id")+"/"+params.Get("user_id")]
		f.mu.Unlock()
		if status == "" {
			status = "member"
		}
		uid, _ := strconv.ParseInt(params.Get("user_id"), 10, 64)
		ok(w, map[string]any{"status": status, "user": map[string]any{"id": uid, "is_bot": false, "first_name": "u"}})
	case "setMyCommands", "deleteMyCommands", "setWebhook", "deleteWebhook", "answerCallbackQuery":
		ok(w, true)
	default:
		apiErr(w, http.StatusNotFound, "Not Found: method not found", nil)
	}
}

func writeInjected(w http.ResponseWriter, e APIError) {
	if e.Raw != "" {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(e.Code)
		_, _ = io.WriteString(w, e.Raw)
		return
	}
	var params map[string]any
	if e.RetryAfter != 0 || e.MigrateTo != 0 {
		params = map[string]any{}
		if e.RetryAfter != 0 {
			params["retry_after"] = e.RetryAfter
		}
		if e.MigrateTo != 0 {
			params["migrate_to_chat_id"] = e.MigrateTo
		}
	}
	apiErr(w, e.Code, e.Description, params)
}

func (f *Fake) getUpdates(w http.ResponseWriter, r *http.Request, p url.Values) {
	offset, _ := strconv.Atoi(p.Get("offset"))
	timeout, _ := strconv.Atoi(p.Get("timeout"))
	deadline := time.NewTimer(time.Duration(timeout) * time.Second)
	defer deadline.Stop()
	for {
		f.mu.Lock()
		// Confirming an offset forgets the updates before it, as Telegram does.
		kept := f.updates[:0]
		for _, u := range f.updates {
			if u.UpdateID >= offset {
				kept = append(kept, u)
			}
		}
		f.updates = kept
		out := append([]tgbotapi.Update(nil), kept...)
		ch := f.changed
		f.mu.Unlock()
		if len(out) > 0 || timeout <= 0 {
			ok(w, out)
			return
		}
		select {
		case <-ch:
		case <-deadline.C:
			ok(w, []tgbotapi.Update{})
			return
		case <-r.Context().Done():
			return
		}
	}
}

func (f *Fake) sendMessage(w http.ResponseWriter, p url.Values) {
	text := p.Get("text")
	if text == "" {
		apiErr(w, http.StatusBadRequest, "Bad Request: message text is empty", nil)
		return
	}
	chat := p.Get("chat_id")
	m := &SentMessage{ChatID: chat, Text: text, ParseMode: p.Get("parse_mode"),
		DisablePreview: p.Get("disable_web_page_preview") == "true", ReplyMarkup: p.Get("reply_markup")}
	f.record(m)
	id, _ := strconv.ParseInt(chat, 10, 64)
	ok(w, map[string]any{"message_id": m.MessageID, "date": time.Now().Unix(), "text": text,
		"chat": map[string]any{"id": id, "type": "private"}})
}

func (f *Fake) find(p url.Values) *SentMessage {
	id, _ := strconv.Atoi(p.Get("message_id"))
	for _, m := range f.msgs {
		if m.ChatID == p.Get("chat_id") && m.MessageID == id && !m.Deleted {
			return m
		}
	}
	return nil
}

func (f *Fake) editMessageText(w http.ResponseWriter, p url.Values) {
	f.mu.Lock()
	m := f.find(p)
	if m == nil {
		f.mu.Unlock()
		apiErr(w, http.StatusBadRequest, "Bad Request: message to edit not found", nil)
		return
	}
	if m.Text == p.Get("text") && m.ReplyMarkup == p.Get("reply_markup") {
		f.mu.Unlock()
		apiErr(w, http.StatusBadRequest, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message", nil)
		return
	}
	m.Text, m.ParseMode, m.ReplyMarkup = p.Get("text"), p.Get("parse_mode"), p.Get("reply_markup")
	m.DisablePreview = p.Get("disable_web_page_preview") == "true"
	m.Edits++
	res := map[string]any{"message_id": m.MessageID, "date": time.Now().Unix(), "text": m.Text}
	f.notifyLocked()
	f.mu.Unlock()
	ok(w, res)
}

func (f *Fake) deleteMessage(w http.ResponseWriter, p url.Values) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := f.find(p)
	if m == nil {
		apiErr(w, http.StatusBadRequest, "Bad Request: message to delete not found", nil)
		return
	}
	m.Deleted = true
	f.notifyLocked()
	ok(w, true)
}

// WaitMessage waits until message id in chatID satisfies cond.
func (f *Fake) WaitMessage(tb testing.TB, chatID string, id int, cond func(SentMessage) bool) SentMessage {
	tb.Helper()
	var out SentMessage
	f.wait(tb, fmt.Sprintf("message %d in chat %s", id, chatID), func() bool {
		for _, m := range f.msgs {
			if m.ChatID == chatID && m.MessageID == id {
				out = *m
				return cond(out)
			}
		}
		return false
	})
	return out
}
