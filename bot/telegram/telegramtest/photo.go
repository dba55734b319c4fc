package telegramtest

import (
	"bytes"
	"errors"
	"html"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"time"
	"unicode/utf8"
)

// maxUpload bounds a multipart request the fake reads (Telegram takes
// photos up to 10 MB).
const maxUpload = 10 << 20

// upload is a file a multipart request carried.
type upload struct {
	field, name string
	data        []byte
}

// readParams reads a call's parameters: URL-encoded, or multipart form data
// with at most one uploaded file (sendPhoto and the other upload methods).
func readParams(r *http.Request) (url.Values, *upload, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		if err := r.ParseForm(); err != nil {
			return nil, nil, err
		}
		_, _ = io.Copy(io.Discard, r.Body)
		return r.PostForm, nil, nil
	}
	if err := r.ParseMultipartForm(maxUpload); err != nil {
		return nil, nil, err
	}
	params := url.Values(r.MultipartForm.Value)
	for field, files := range r.MultipartForm.File {
		if len(files) == 0 {
			continue
		}
		f, err := files[0].Open()
		if err != nil {
			return nil, nil, err
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, nil, err
		}
		return params, &upload{field: field, name: files[0].Filename, data: data}, nil
	}
	return params, nil, nil
}

var tag = regexp.MustCompile(`<[^>]*>`)

// captionLen is a caption's length as Telegram counts it: the text after
// HTML markup is parsed.
func captionLen(caption, parseMode string) int {
	if parseMode == "HTML" {
		caption = html.UnescapeString(tag.ReplaceAllString(caption, ""))
	}
	return utf8.RuneCountInString(caption)
}

// imageKind accepts PNG and JPEG by their signatures.
func imageKind(data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")), bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return nil
	}
	return errors.New("IMAGE_PROCESS_FAILED")
}

func (f *Fake) sendPhoto(w http.ResponseWriter, p url.Values, up *upload) {
	if up == nil || up.field != "photo" || len(up.data) == 0 {
		apiErr(w, http.StatusBadRequest, "Bad Request: there is no photo in the request", nil)
		return
	}
	if err := imageKind(up.data); err != nil {
		apiErr(w, http.StatusBadRequest, "Bad Request: "+err.Error(), nil)
		return
	}
	m := captioned(w, p)
	if m == nil {
		return
	}
	m.Photo, m.PhotoName = up.data, up.name
	f.record(m)
	uploaded(w, m, "photo", []map[string]any{{"file_id": "photo" + strconv.Itoa(m.MessageID), "file_unique_id": "u" + strconv.Itoa(m.MessageID),
		"width": 900, "height": 1016, "file_size": len(up.data)}})
}

// sendDocument records an uploaded document as a message, its caption
// checked like a photo's.
func (f *Fake) sendDocument(w http.ResponseWriter, p url.Values, up *upload) {
	if up == nil || up.field != "document" || len(up.data) == 0 {
		apiErr(w, http.StatusBadRequest, "Bad Request: there is no document in the request", nil)
		return
	}
	m := captioned(w, p)
	if m == nil {
		return
	}
	m.Document, m.DocumentName = up.data, up.name
	f.record(m)
	uploaded(w, m, "document", map[string]any{"file_id": "doc" + strconv.Itoa(m.MessageID), "file_unique_id": "d" + strconv.Itoa(m.MessageID),
		"file_name": up.name, "file_size": len(up.data)})
}

// captioned is the message an upload's parameters describe, after the checks
// Telegram makes of any captioned file: the caption's length and the chat. On
// a failed check it answers the error and returns nil.
func captioned(w http.ResponseWriter, p url.Values) *SentMessage {
	caption := p.Get("caption")
	if captionLen(caption, p.Get("parse_mode")) > 1024 {
		apiErr(w, http.StatusBadRequest, "Bad Request: message caption is too long", nil)
		return nil
	}
	chat := p.Get("chat_id")
	if chat == "" {
		apiErr(w, http.StatusBadRequest, "Bad Request: chat_id is empty", nil)
		return nil
	}
	return &SentMessage{ChatID: chat, Text: caption, ParseMode: p.Get("parse_mode"), ReplyMarkup: p.Get("reply_markup")}
}

// record keeps m as the next message sent: its id, the chat's count, and a
// wake-up for those waiting on messages.
func (f *Fake) record(m *SentMessage) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m.MessageID = f.nextMsg
	f.nextMsg++
	f.msgs = append(f.msgs, m)
	f.sent[m.ChatID]++
	f.notifyLocked()
}

// uploaded answers an upload with the Message Telegram returns, the file
// under key.
func uploaded(w http.ResponseWriter, m *SentMessage, key string, file any) {
	id, _ := strconv.ParseInt(m.ChatID, 10, 64)
	ok(w, map[string]any{"message_id": m.MessageID, "date": time.Now().Unix(), "caption": m.Text, key: file,
		"chat": map[string]any{"id": id, "type": "private"}})
}
