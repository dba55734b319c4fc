package outbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

// httpPlatform is a tiny bot.Platform that posts messages to a loopback fake
// API: {"chat_id","text","edit_of"} -> {"ok":true,"message_id":N} or a 429
// with {"retry_after":N}.
type httpPlatform struct {
	base   string
	client *http.Client
}

func newHTTPPlatform(base string) *httpPlatform {
	return &httpPlatform{base: base, client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}}
}

func (p *httpPlatform) Name() briefings.Platform                     { return "telegram" }
func (p *httpPlatform) Run(ctx context.Context, _ bot.Handler) error { <-ctx.Done(); return nil }

type fakeMsg struct {
	ChatID string `json:"chat_id"`
	Text   string `json:"text"`
	EditOf string `json:"edit_of,omitempty"`
}

type fakeResp struct {
	OK         bool   `json:"ok"`
	MessageID  int64  `json:"message_id"`
	RetryAfter int    `json:"retry_after"`
	Error      string `json:"error"`
}

func replyText(r *bot.Reply) string {
	var b bytes.Buffer
	b.WriteString(r.Title)
	for _, p := range r.Paragraphs {
		for _, l := range p.Lines {
			for _, s := range l {
				b.WriteString(s.Text)
			}
		}
	}
	return b.String()
}

func (p *httpPlatform) post(ctx context.Context, m fakeMsg) (string, error) {
	body, _ := json.Marshal(m)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.base+"/send", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return "", &bot.SendError{Platform: "telegram", Kind: bot.SendRetry, Err: err}
	}
	defer resp.Body.Close()
	var fr fakeResp
	if err := json.NewDecoder(resp.Body).Decode(&fr); err != nil {
		return "", &bot.SendError{Platform: "telegram", Kind: bot.SendRetry, Err: err}
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return "", &bot.SendError{Platform: "telegram", Kind: bot.SendRateLimited, RetryAfter: fr.RetryAfter, Err: errors.New("too many requests")}
	case !fr.OK:
		return "", &bot.SendError{Platform: "telegram", Kind: bot.SendFatal, Err: errors.New(fr.Error)}
	}
	return strconv.FormatInt(fr.MessageID, 10), nil
}

func (p *httpPlatform) Send(ctx context.Context, chat briefings.Chat, r *bot.Reply) (string, error) {
	return p.post(ctx, fakeMsg{ChatID: chat.ChatID, Text: replyText(r)})
}

func (p *httpPlatform) Edit(ctx context.Context, chat briefings.Chat, id string, r *bot.Reply) error {
	_, err := p.post(ctx, fakeMsg{ChatID: chat.ChatID, Text: replyText(r), EditOf: id})
	return err
}

// fakeAPI records every message it receives; with limits set it answers 429
// when a sender exceeds them (global and per chat token buckets).
type fakeAPI struct {
	srv      *httptest.Server
	mu       sync.Mutex
	got      []fakeMsg
	perChat  map[string]int
	perPath  map[string]int // messages received by URL path (one per sender when their bases differ)
	requests map[string]int // requests per chat, refused ones included
	n        atomic.Int64
	tooMany  atomic.Int64
	changed  chan struct{} // signalled (non-blocking) on each message
	limits   *Limits
	global   gcra
	chats    map[string]*gcra
	delay    time.Duration
	received func(fakeMsg)
}

func newFakeAPI(t testing.TB, limits *Limits, opts ...func(*fakeAPI)) *fakeAPI {
	f := &fakeAPI{perChat: map[string]int{}, perPath: map[string]int{}, requests: map[string]int{}, changed: make(chan struct{}, 1), limits: limits, chats: map[string]*gcra{}}
	for _, o := range opts {
		o(f)
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	var m fakeMsg
	if err := json.Unmarshal(b, &m); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(fakeResp{Error: "bad json"})
		return
	}
	if f.delay > 0 {
		time.Sleep(f.delay)
	}
	f.mu.Lock()
	f.requests[m.ChatID]++
	if f.limits != nil {
		now := time.Now()
		cg := f.chats[m.ChatID]
		if cg == nil {
			cg = &gcra{}
			f.chats[m.ChatID] = cg
		}
		cr := f.limits.Private
		if f.limits.IsGroup != nil && f.limits.IsGroup(m.ChatID) {
			cr = f.limits.Group
		}
		if f.global.next(now, f.limits.Global).After(now) || cg.next(now, cr).After(now) {
			f.mu.Unlock()
			f.tooMany.Add(1)
			w.WriteHeader(http.StatusTooManyRequests)
			json.NewEncoder(w).Encode(fakeResp{RetryAfter: 1, Error: "Too Many Requests: retry after 1"})
			return
		}
		f.global.take(now, f.limits.Global)
		cg.take(now, cr)
	}
	f.got = append(f.got, m)
	f.perChat[m.ChatID]++
	f.perPath[r.URL.Path]++
	if f.received != nil {
		f.received(m)
	}
	id := f.n.Add(1)
	f.mu.Unlock()
	select {
	case f.changed <- struct{}{}:
	default:
	}
	json.NewEncoder(w).Encode(fakeResp{OK: true, MessageID: id})
}

// waitFor blocks until cond holds (checked on every received message) or
// the child exits (exited closed) or ctx ends.
func (f *fakeAPI) waitFor(ctx context.Context, exited <-chan struct{}, cond func() bool) error {
	for !cond() {
		select {
		case <-f.changed:
		case <-exited:
			if cond() {
				return nil
			}
			return fmt.Errorf("child exited before the condition held (%d received)", f.n.Load())
		case <-ctx.Done():
			return fmt.Errorf("gave up waiting (%d received): %w", f.n.Load(), ctx.Err())
		}
	}
	return nil
}

// fromPath is how many messages came to path.
func (f *fakeAPI) fromPath(path string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.perPath[path]
}

func (f *fakeAPI) distinct() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.perChat)
}

// memPlatform is an in-process platform for throughput benchmarks.
type memPlatform struct {
	n    atomic.Int64
	done chan struct{}
	want int64
}

func (p *memPlatform) Name() briefings.Platform                     { return "telegram" }
func (p *memPlatform) Run(ctx context.Context, _ bot.Handler) error { <-ctx.Done(); return nil }
func (p *memPlatform) Send(_ context.Context, _ briefings.Chat, _ *bot.Reply) (string, error) {
	n := p.n.Add(1)
	if n == p.want {
		close(p.done)
	}
	return strconv.FormatInt(n, 10), nil
}
func (p *memPlatform) Edit(context.Context, briefings.Chat, string, *bot.Reply) error { return nil }
