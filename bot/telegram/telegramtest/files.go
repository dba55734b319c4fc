package telegramtest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// PushDocument queues a message carrying a file (as a user sends an OPML
// list to the bot); the bot fetches it with getFile and the file URL.
func (f *Fake) PushDocument(chat Chat, user User, name string, data []byte) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.files == nil {
		f.files = map[string][]byte{}
	}
	id := "file" + strconv.Itoa(f.nextUpd)
	f.files[id] = data
	m := &tgbotapi.Message{
		Date:     int(time.Now().Unix()),
		Chat:     &tgbotapi.Chat{ID: chat.ID, Type: chat.Type, Title: chat.Title},
		From:     &tgbotapi.User{ID: user.ID, UserName: user.UserName, FirstName: user.UserName, LanguageCode: user.LanguageCode},
		Document: &tgbotapi.Document{FileID: id, FileUniqueID: "u" + id, FileName: name, FileSize: len(data)},
	}
	return f.pushLocked(tgbotapi.Update{Message: m})
}

// getFile answers the file's path, as the Bot API does.
func (f *Fake) getFile(w http.ResponseWriter, p url.Values) {
	id := p.Get("file_id")
	f.mu.Lock()
	data, known := f.files[id]
	f.mu.Unlock()
	if !known {
		apiErr(w, http.StatusBadRequest, "Bad Request: invalid file_id", nil)
		return
	}
	ok(w, map[string]any{"file_id": id, "file_unique_id": "u" + id, "file_size": len(data), "file_path": "documents/" + id})
}

// serveFile answers GET /file/bot<token>/<path> with a pushed file.
func (f *Fake) serveFile(w http.ResponseWriter, r *http.Request) bool {
	rest, found := strings.CutPrefix(r.URL.Path, "/file/bot")
	if !found {
		return false
	}
	token, path, _ := strings.Cut(rest, "/")
	if token != f.Token {
		http.Error(w, "Unauthorized", http.StatusUnauthorized)
		return true
	}
	f.mu.Lock()
	data, ok := f.files[strings.TrimPrefix(path, "documents/")]
	f.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return true
	}
	_, _ = w.Write(data)
	return true
}
