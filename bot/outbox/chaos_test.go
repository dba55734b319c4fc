package outbox

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/telegram"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// The chaos test sends 5,000 messages through the real Telegram adapter and
// the dispatcher to a Bot API fake behind a proxy that fails a share of the
// sends and edits at random. Some faults lose the request (a connection
// reset before it reaches the API, 500, 502, 429 with retry_after), some
// lose only the answer (the API took the message, then the connection was
// reset or the answer never came in time): a retry of those sends the
// message again, and a retried edit is answered "message is not modified".
// A few chats refuse the bot for good (403 blocked, 400 chat not found).
// At the end every row is sent or dead with a reason that names a
// permanent refusal or the attempts used up; every sent row's text reached
// the API; the only duplicates are messages whose answer was lost.

// chaosFault is what the proxy does with one request.
type chaosFault string

const (
	faultNone        chaosFault = "ok"
	faultResetBefore chaosFault = "reset before the API"
	faultResetAfter  chaosFault = "reset after the API took it"
	faultLateAnswer  chaosFault = "answer later than the client waits"
	fault500         chaosFault = "500"
	fault502         chaosFault = "502 proxy page"
	fault429         chaosFault = "429 retry_after 1"
)

// chaosShares are the faults' shares of the sends and edits, in percent
// (the rest pass): 28 % of the requests fail.
var chaosShares = []struct {
	f   chaosFault
	pct int
}{
	{faultResetBefore, 5}, {faultResetAfter, 3}, {faultLateAnswer, 3},
	{fault500, 5}, {fault502, 5}, {fault429, 7},
}

// chaosProxy sits between the adapter and the fake Bot API.
type chaosProxy struct {
	api     *telegramtest.Fake
	client  *http.Client
	blocked func(chatID string) string // "" or the permanent refusal of the chat

	mu          sync.Mutex
	rng         *rand.Rand
	faults      map[chaosFault]int
	took        map[string]string // request id -> text of a send or edit the API took
	failed      map[string]bool   // request ids whose answer the client did not get
	sends       map[string]int    // text -> sendMessage calls the API took
	notModified int
}

// lost counts, per text, the sends and edits the API took whose answer the
// client did not get (an injected fault, or its own timeout under load).
func (p *chaosProxy) lost() map[string]int {
	out := map[string]int{}
	for id, text := range p.took {
		if p.failed[id] {
			out[text]++
		}
	}
	return out
}

// chaosClient marks each request with an id and tells the proxy which
// answers it did not get.
type chaosClient struct {
	next http.RoundTripper
	p    *chaosProxy
	n    atomic.Int64
}

func (c *chaosClient) RoundTrip(req *http.Request) (*http.Response, error) {
	id := strconv.FormatInt(c.n.Add(1), 10)
	req = req.Clone(req.Context())
	req.Header.Set(chaosIDHeader, id)
	resp, err := c.next.RoundTrip(req)
	if err != nil {
		c.p.fail(id)
		return nil, err
	}
	resp.Body = &chaosBody{ReadCloser: resp.Body, fail: func() { c.p.fail(id) }}
	return resp, nil
}

func (p *chaosProxy) fail(id string) {
	p.mu.Lock()
	p.failed[id] = true
	p.mu.Unlock()
}

// chaosBody reports a read that failed (a timeout or a reset mid-answer).
type chaosBody struct {
	io.ReadCloser
	fail func()
}

func (b *chaosBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		b.fail()
	}
	return n, err
}

const chaosIDHeader = "X-Chaos-Id"

func newChaosProxy(t *testing.T, seed uint64, blocked func(string) string) (*chaosProxy, string) {
	p := &chaosProxy{api: telegramtest.NewFake(t), client: &http.Client{}, blocked: blocked,
		rng: rand.New(rand.NewPCG(seed, 7)), faults: map[chaosFault]int{}, took: map[string]string{}, failed: map[string]bool{},
		sends: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(srv.Close)
	return p, srv.URL
}

func (p *chaosProxy) pick(method string) chaosFault {
	if method != "sendMessage" && method != "editMessageText" {
		return faultNone
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	n := p.rng.IntN(100)
	for _, s := range chaosShares {
		if n < s.pct {
			p.faults[s.f]++
			return s.f
		}
		n -= s.pct
	}
	p.faults[faultNone]++
	return faultNone
}

func (p *chaosProxy) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	params, _ := url.ParseQuery(string(body))
	method := r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
	if refusal := p.blocked(params.Get("chat_id")); refusal != "" && (method == "sendMessage" || method == "editMessageText") {
		code := http.StatusForbidden
		if strings.Contains(refusal, "not found") {
			code = http.StatusBadRequest
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		json.NewEncoder(w).Encode(map[string]any{"ok": false, "error_code": code, "description": refusal})
		return
	}
	fault := p.pick(method)
	switch fault {
	case faultResetBefore:
		reset(w)
		return
	case fault500:
		http.Error(w, `{"ok":false,"error_code":500,"description":"Internal Server Error"}`, 500)
		return
	case fault502:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		io.WriteString(w, "<html><body><h1>502 Bad Gateway</h1></body></html>")
		return
	case fault429:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		io.WriteString(w, `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}`)
		return
	}
	resp, err := p.client.Post(p.api.URL+r.URL.Path, r.Header.Get("Content-Type"), bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := resp.StatusCode == http.StatusOK
	p.mu.Lock()
	if took && method == "sendMessage" {
		p.sends[params.Get("text")]++
	}
	if bytes.Contains(answer, []byte("message is not modified")) {
		p.notModified++
	}
	if took && (method == "sendMessage" || method == "editMessageText") {
		p.took[r.Header.Get(chaosIDHeader)] = params.Get("text")
	}
	p.mu.Unlock()
	switch fault {
	case faultResetAfter:
		reset(w)
	case faultLateAnswer:
		select { // the client gives up first
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	default:
		w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
		w.WriteHeader(resp.StatusCode)
		w.Write(answer)
	}
}

// reset closes the client's connection with a TCP reset.
func reset(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	conn.Close()
}

// chaosRow is one message of the test: a send, or an edit of an earlier one.
type chaosRow struct {
	key, chat, text, editOf string
}

// chaosRows makes n rows: one message per chat, and every tenth chat also
// gets a revision of its message (an edit).
func chaosRows(n int) []chaosRow {
	var rows []chaosRow
	for i := 1; len(rows) < n; i++ {
		chat := strconv.Itoa(1000 + i)
		orig := chaosRow{key: "alert:" + chat + ":1", chat: chat, text: "Alert " + chat + " v1"}
		rows = append(rows, orig)
		if i%10 == 0 && len(rows) < n {
			rows = append(rows, chaosRow{key: "alert:" + chat + ":1:r2", chat: chat, text: "Alert " + chat + " v2", editOf: orig.key})
		}
	}
	return rows
}

func TestChaosDelivery(t *testing.T) {
	if testing.Short() {
		t.Skip("5,000 messages through a failing API")
	}
	const n = 5000
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	blocked := func(chat string) string {
		id, _ := strconv.Atoi(chat)
		switch {
		case id%100 == 7:
			return "Forbidden: bot was blocked by the user"
		case id%200 == 13:
			return "Bad Request: chat not found"
		}
		return ""
	}
	proxy, proxyURL := newChaosProxy(t, seed, blocked)
	var logs syncBuf
	ctx := context.Background()
	tg, err := telegram.New(ctx, telegram.Config{Token: proxy.api.Token, APIEndpoint: proxyURL,
		Client: &http.Client{Timeout: 400 * time.Millisecond, Transport: &chaosClient{next: http.DefaultTransport, p: proxy}}})
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.Open(t)
	rows := chaosRows(n)
	now := time.Now()
	for _, r := range rows {
		payload, _ := EncodePayload(bot.Text(r.text))
		if _, err := st.Enqueue(ctx, &briefings.Delivery{DedupeKey: r.key, Chat: briefings.Chat{Platform: "telegram", ChatID: r.chat},
			Kind: briefings.DeliveryAlert, Payload: payload, EditOf: r.editOf, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": tg}, Options{
		Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn})), NoLimits: true, Workers: 32, Poll: 50 * time.Millisecond,
		BaseBackoff: 50 * time.Millisecond, MaxBackoff: time.Second})
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- d.Run(runCtx) }()
	deadline := time.Now().Add(5 * time.Minute) // a safety net, not the measure
	for {
		s, err := st.DeliveryStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if s.Pending+s.Sending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up with %+v", s)
		}
		time.Sleep(100 * time.Millisecond)
	}
	took := time.Since(start)
	cancel()
	<-done
	checkChaos(t, st, proxy, rows, blocked, took)
	for _, l := range strings.Split(logs.String(), "\n") {
		if strings.Contains(l, "lapsed") || strings.Contains(l, "presence") {
			t.Log(l)
		}
	}
}

type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) { s.mu.Lock(); defer s.mu.Unlock(); return s.b.Write(p) }
func (s *syncBuf) String() string              { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// checkChaos accounts for every row and reports the run's figures.
func checkChaos(t *testing.T, st *store.DB, proxy *chaosProxy, rows []chaosRow, blocked func(string) string, took time.Duration) {
	ctx := context.Background()
	proxy.mu.Lock()
	defer proxy.mu.Unlock()
	final := map[string]bool{} // texts some message shows at the end
	for _, r := range rows {
		for _, m := range proxy.api.Messages(r.chat) {
			final[m.Text] = true
		}
	}
	lost := proxy.lost()
	status := map[string]string{}
	for _, r := range rows {
		dl, err := st.DeliveryByKey(ctx, r.key)
		if err != nil {
			t.Fatal(err)
		}
		status[r.key] = dl.Status
	}
	var sent, dead, dups, deliveredDead, edits, editsAsSends int
	reasons := map[string]int{}
	for _, r := range rows {
		dl, err := st.DeliveryByKey(ctx, r.key)
		if err != nil {
			t.Fatal(err)
		}
		got := proxy.sends[r.text]
		if r.editOf != "" {
			edits++
			if got > 0 {
				editsAsSends++
				if status[r.editOf] != briefings.StatusDead {
					t.Errorf("%s sent as a message of its own while its original is %s", r.key, status[r.editOf])
				}
			}
		}
		switch dl.Status {
		case briefings.StatusSent:
			sent++
			if r.editOf == "" && got == 0 || r.editOf != "" && !final[r.text] {
				t.Errorf("%s marked sent but the API never had %q", r.key, r.text)
			}
		case briefings.StatusDead:
			dead++
			reason := dl.LastError
			if i := strings.Index(reason, ":"); strings.HasPrefix(reason, "gave up") && i > 0 {
				reason = reason[:i]
			}
			reasons[reason]++
			switch {
			case blocked(r.chat) != "" && (reason == "blocked by the user" || reason == "chat not found"):
			case strings.HasPrefix(reason, "gave up after"):
			default:
				t.Errorf("%s dead for %q (chat refusal %q): a transient fault dead-lettered or a wrong reason", r.key, dl.LastError, blocked(r.chat))
			}
			if got > 0 {
				deliveredDead++
			}
		default:
			t.Errorf("%s left %s", r.key, dl.Status)
		}
		if extra := got - 1; extra > 0 {
			dups += extra
			if extra > lost[r.text] {
				t.Errorf("%s sent %d times with %d answers lost: a duplicate without a lost answer", r.key, got, lost[r.text])
			}
		}
		if blocked(r.chat) == "" && dl.Status != briefings.StatusSent && !strings.HasPrefix(dl.LastError, "gave up") {
			t.Errorf("%s to a working chat not sent: %s %q", r.key, dl.Status, dl.LastError)
		}
	}
	nLost := 0
	for _, k := range lost {
		nLost += k
	}
	var kinds []string
	for f, k := range proxy.faults {
		kinds = append(kinds, fmt.Sprintf("%s %d", f, k))
	}
	sort.Strings(kinds)
	t.Logf("chaos: %d messages (%d edits, %d of them sent as new messages for a dead original) in %.1f s: %d sent, %d dead-lettered %v; "+
		"%d duplicates from %d lost answers; %d 'not modified' answers to retried edits; %d dead rows the API had taken; requests: %s",
		len(rows), edits, editsAsSends, took.Seconds(), sent, dead, reasons, dups, nLost, proxy.notModified, deliveredDead, strings.Join(kinds, ", "))
	if sent+dead != len(rows) {
		t.Errorf("%d sent + %d dead != %d rows", sent, dead, len(rows))
	}
}
