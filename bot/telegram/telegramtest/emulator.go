package telegramtest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// EmulatorInstall is the command that installs the emulator (run from the
// repository root); `make test` runs it before go test.
const EmulatorInstall = "npm ci --prefix bot/telegram/testdata/emulator"

// EmulatorBotUsername is what the emulator's getMe answers.
const EmulatorBotUsername = "TestNameBot"

// Emulator is a running telegram-test-api server.
type Emulator struct {
	URL   string
	Token string
	http  *http.Client
}

// EmulatorDir finds bot/telegram/testdata/emulator from the working
// directory by walking up to go.mod.
func EmulatorDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "bot", "telegram", "testdata", "emulator"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("telegramtest: go.mod not found above the working directory")
		}
		dir = parent
	}
}

// StartEmulator starts the emulator with node on a free loopback port and
// waits for its "ready" line. It skips the test when node or the npm package
// is missing. The process is stopped at cleanup.
func StartEmulator(tb testing.TB) *Emulator {
	tb.Helper()
	dir, err := EmulatorDir()
	if err != nil {
		tb.Skipf("telegram emulator: %v", err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		tb.Skipf("telegram emulator: node not found; run `make test` (it runs %q first)", EmulatorInstall)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "telegram-test-api", "package.json")); err != nil {
		tb.Skipf("telegram emulator not installed; run `make test` (it runs %q first)", EmulatorInstall)
	}
	port, err := freePort()
	if err != nil {
		tb.Fatalf("telegram emulator: %v", err)
	}
	cmd := exec.Command(node, filepath.Join(dir, "launcher.js"), strconv.Itoa(port))
	cmd.Dir = dir
	stdin, err := cmd.StdinPipe() // closing it stops the emulator
	if err != nil {
		tb.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		tb.Fatalf("telegram emulator: start: %v", err)
	}
	exited := make(chan struct{})
	tb.Cleanup(func() {
		stdin.Close()
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	ready := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		signalled := false
		for sc.Scan() {
			if !signalled && strings.TrimSpace(sc.Text()) == "ready" {
				ready <- nil
				signalled = true
			}
		}
		if !signalled {
			ready <- errors.New("emulator exited before it was ready")
		}
		_, _ = io.Copy(io.Discard, stdout)
		_ = cmd.Wait()
		close(exited)
	}()
	select {
	case err := <-ready:
		if err != nil {
			tb.Fatalf("telegram emulator: %v: %s", err, stderr.String())
		}
	case <-time.After(WaitTimeout):
		tb.Fatalf("telegram emulator: not ready after %s: %s", WaitTimeout, stderr.String())
	}
	return &Emulator{
		URL:   fmt.Sprintf("http://127.0.0.1:%d", port),
		Token: "emu-" + strconv.FormatInt(time.Now().UnixNano(), 36),
		http:  &http.Client{Timeout: WaitTimeout},
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (e *Emulator) post(tb testing.TB, path string, body any, out any) {
	tb.Helper()
	data, err := json.Marshal(body)
	if err != nil {
		tb.Fatal(err)
	}
	resp, err := e.http.Post(e.URL+path, "application/json", bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("telegram emulator %s: %v", path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("telegram emulator %s: status %d: %s", path, resp.StatusCode, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			tb.Fatalf("telegram emulator %s: %v: %s", path, err, raw)
		}
	}
}

func (e *Emulator) common(chat Chat, user User) map[string]any {
	return map[string]any{
		"botToken": e.Token,
		"date":     time.Now().Unix(),
		"from":     map[string]any{"id": user.ID, "is_bot": false, "first_name": user.UserName, "username": user.UserName},
		"chat":     map[string]any{"id": chat.ID, "type": chat.Type, "title": chat.Title},
	}
}

// SendMessage sends text as user in chat; text starting with "/" is sent as
// a command (with its bot_command entity).
func (e *Emulator) SendMessage(tb testing.TB, chat Chat, user User, text string) {
	tb.Helper()
	m := e.common(chat, user)
	m["text"] = text
	path := "/sendMessage"
	if strings.HasPrefix(text, "/") {
		n := strings.IndexAny(text, " \n\t")
		if n < 0 {
			n = len(text)
		}
		m["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": len(utf16(text[:n]))}}
		path = "/sendCommand"
	}
	e.post(tb, path, m, nil)
}

// SendCallback presses a button with data on the bot's message messageID.
func (e *Emulator) SendCallback(tb testing.TB, chat Chat, user User, messageID int, data string) {
	tb.Helper()
	c := e.common(chat, user)
	c["data"] = data
	c["message"] = map[string]any{
		"message_id": messageID, "date": time.Now().Unix(),
		"chat": map[string]any{"id": chat.ID, "type": chat.Type, "title": chat.Title},
	}
	e.post(tb, "/sendCallback", c, nil)
}

// BotMessage is a message the bot sent, as the emulator stores it (with
// later edits applied).
type BotMessage struct {
	MessageID      int
	ChatID         string
	Text           string
	ParseMode      string
	DisablePreview bool
	Keyboard       *tgbotapi.InlineKeyboardMarkup
}

// loose decodes a JSON string, number or bool as a string (the emulator
// stores form values as sent).
type loose string

func (l *loose) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*l = loose(s)
		return nil
	}
	*l = loose(strings.Trim(string(b), `"`))
	return nil
}

type storedUpdate struct {
	MessageID int `json:"messageId"`
	Message   struct {
		ChatID         loose                          `json:"chat_id"`
		Text           string                         `json:"text"`
		ParseMode      string                         `json:"parse_mode"`
		DisablePreview loose                          `json:"disable_web_page_preview"`
		ReplyMarkup    *tgbotapi.InlineKeyboardMarkup `json:"reply_markup"`
	} `json:"message"`
}

func (s storedUpdate) bot() BotMessage {
	return BotMessage{MessageID: s.MessageID, ChatID: string(s.Message.ChatID), Text: s.Message.Text,
		ParseMode: s.Message.ParseMode, DisablePreview: s.Message.DisablePreview == "true", Keyboard: s.Message.ReplyMarkup}
}

// BotMessages returns the bot's messages to chatID not returned before.
func (e *Emulator) BotMessages(tb testing.TB, chatID int64) []BotMessage {
	tb.Helper()
	var resp struct {
		Result []storedUpdate `json:"result"`
	}
	e.post(tb, "/getUpdates", map[string]any{"token": e.Token, "chatId": chatID}, &resp)
	out := make([]BotMessage, 0, len(resp.Result))
	for _, u := range resp.Result {
		out = append(out, u.bot())
	}
	return out
}

// WaitBotMessages collects the bot's new messages to chatID until there are
// n; the emulator has no push, so it polls every 5ms.
func (e *Emulator) WaitBotMessages(tb testing.TB, chatID int64, n int) []BotMessage {
	tb.Helper()
	var out []BotMessage
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.NewTimer(WaitTimeout)
	defer deadline.Stop()
	for {
		out = append(out, e.BotMessages(tb, chatID)...)
		if len(out) >= n {
			return out
		}
		select {
		case <-tick.C:
		case <-deadline.C:
			tb.Fatalf("telegram emulator: got %d of %d bot messages to chat %d", len(out), n, chatID)
		}
	}
}

// BotHistory returns every message the bot sent (to any chat), with edits
// applied, oldest first.
func (e *Emulator) BotHistory(tb testing.TB) []BotMessage {
	tb.Helper()
	var resp struct {
		Result []json.RawMessage `json:"result"`
	}
	e.post(tb, "/getUpdatesHistory", map[string]any{"token": e.Token}, &resp)
	var out []BotMessage
	for _, raw := range resp.Result {
		var probe struct {
			Message map[string]json.RawMessage `json:"message"`
		}
		if json.Unmarshal(raw, &probe) != nil || probe.Message["chat_id"] == nil {
			continue // a user's update
		}
		var s storedUpdate
		if err := json.Unmarshal(raw, &s); err != nil {
			tb.Fatalf("telegram emulator history: %v", err)
		}
		out = append(out, s.bot())
	}
	return out
}

// WaitBotHistory polls the bot's message history until cond holds.
func (e *Emulator) WaitBotHistory(tb testing.TB, what string, cond func([]BotMessage) bool) []BotMessage {
	tb.Helper()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.NewTimer(WaitTimeout)
	defer deadline.Stop()
	for {
		h := e.BotHistory(tb)
		if cond(h) {
			return h
		}
		select {
		case <-tick.C:
		case <-deadline.C:
			tb.Fatalf("telegram emulator: timed out waiting for %s; history: %+v", what, h)
		}
	}
}
