package extract

import (
	"encoding/json"
	"os"
	"testing"
	"time"
)

func TestDebugText(t *testing.T) {
	txt := os.Getenv("DBG_TEXT")
	if txt == "" {
		t.Skip()
	}
	pub, _ := time.Parse("2006-01-02", os.Getenv("DBG_DATE"))
	for _, s := range splitSentences(nil, txt) {
		toks := tokenize(s.text)
		cueAt := make([]outcome, len(toks)+1)
		cues := findCues(toks, cueAt, nil)
		ms := findMentions(toks, cueAt, nil)
		t.Logf("S bullet=%v colon=%v head=%v: %q\n  cues=%v\n  ms=%+v", s.bullet, s.colon, s.headline, s.text, cues, ms)
	}
	for _, a := range Extract(txt, pub).Attacks {
		a.Evidence = ""
		js, _ := json.Marshal(a)
		t.Logf("%s", js)
	}
}
