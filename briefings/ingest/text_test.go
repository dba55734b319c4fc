package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// normalizeBody's fast path for normalized ASCII text gives what the full
// path gives.
func TestNormalizeBodyNormalized(t *testing.T) {
	for _, s := range []string{
		"", "One line.", "One.\n\nTwo.", "One.\n\nTwo.\n", "One.\n\n\nTwo.", "One\ntwo.\n\nThree.",
		"\n\nOne.", "One.\n\n", "Two  spaces.", " Lead space.", "Tab\there.", "Crlf.\r\n\r\nTwo.",
		"Kyiv — Київ.\n\nTwo.",
	} {
		once := normalizeBody(s)
		if isNormalASCII(s) && once != s {
			t.Errorf("normalizeBody(%q) = %q, but the text counts as normalized", s, once)
		}
		if twice := normalizeBody(once); twice != once {
			t.Errorf("normalizeBody(normalizeBody(%q)) = %q, want %q", s, twice, once)
		}
	}
}

// contentHash hashes the lower-cased text, ASCII or not, in any length.
func TestContentHashLower(t *testing.T) {
	long := strings.Repeat("Drones AND Missiles. ", 200)
	for _, body := range []string{"Hello World", long, "Київ АТАКА", long + "Ü"} {
		sum := sha256.Sum256([]byte(strings.ToLower(body)))
		if got, want := contentHash("T", "", body), hex.EncodeToString(sum[:]); got != want {
			t.Errorf("contentHash(%.20q...) = %s, want %s", body, got, want)
		}
	}
	sum := sha256.Sum256([]byte("title\x00teaser"))
	if got, want := contentHash("Title", "TEASER", ""), hex.EncodeToString(sum[:]); got != want {
		t.Errorf("contentHash of title and teaser = %s, want %s", got, want)
	}
}

// A text without blank lines between its lines keeps each line a paragraph,
// whatever blank lines surround it (a file's final newline, every text
// file has one): a channel post saved to a file keeps its header line apart
// from the report under it. Blank lines between lines still make wrapped
// lines one paragraph.
func TestNormalizeBodyLines(t *testing.T) {
	for in, want := range map[string]string{
		"Заголовок поста\nПерший рядок звіту.\n- пункт списку;\n":    "Заголовок поста\n\nПерший рядок звіту.\n\n- пункт списку;",
		"\n\nЗаголовок поста\r\nПерший рядок звіту.\r\n\r\n":         "Заголовок поста\n\nПерший рядок звіту.",
		"Рядок, перенесений\nпосередині речення.\n\nДругий абзац.\n": "Рядок, перенесений посередині речення.\n\nДругий абзац.",
	} {
		if got := normalizeBody(in); got != want {
			t.Errorf("normalizeBody(%q) = %q, want %q", in, got, want)
		}
	}
}
