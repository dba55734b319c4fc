package telegram

import (
	"strconv"
	"sync"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// dispatcher runs jobs concurrently across chats, in order within a chat, with
// at most `workers` chats served at once.
type dispatcher struct {
	sem    chan struct{}
	slots  chan struct{} // bounds queued + running jobs: submit blocks when full
	mu     sync.Mutex
	queues map[string][]func() // key present while a drainer runs
	wg     sync.WaitGroup
}

// maxPending bounds the updates held in memory; getUpdates waits beyond it.
const maxPending = 1024

func newDispatcher(workers int) *dispatcher {
	return &dispatcher{sem: make(chan struct{}, workers), slots: make(chan struct{}, maxPending), queues: map[string][]func(){}}
}

// submit queues job behind the earlier jobs of key. It blocks while
// maxPending jobs are waiting or running (jobs never submit, so they drain).
func (d *dispatcher) submit(key string, job func()) {
	d.slots <- struct{}{}
	d.mu.Lock()
	q, running := d.queues[key]
	d.queues[key] = append(q, job)
	if !running {
		d.wg.Add(1)
		go d.drain(key)
	}
	d.mu.Unlock()
}

func (d *dispatcher) drain(key string) {
	defer d.wg.Done()
	d.sem <- struct{}{}
	defer func() { <-d.sem }()
	for {
		d.mu.Lock()
		q := d.queues[key]
		if len(q) == 0 {
			delete(d.queues, key)
			d.mu.Unlock()
			return
		}
		job := q[0]
		q[0] = nil
		d.queues[key] = q[1:]
		d.mu.Unlock()
		job()
		<-d.slots
	}
}

// wait blocks until every submitted job has run.
func (d *dispatcher) wait() { d.wg.Wait() }

// chatKey names the chat an update belongs to.
func chatKey(u tgbotapi.Update) string {
	switch {
	case u.Message != nil && u.Message.Chat != nil:
		return strconv.FormatInt(u.Message.Chat.ID, 10)
	case u.ChannelPost != nil && u.ChannelPost.Chat != nil:
		return strconv.FormatInt(u.ChannelPost.Chat.ID, 10)
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil && u.CallbackQuery.Message.Chat != nil:
		return strconv.FormatInt(u.CallbackQuery.Message.Chat.ID, 10)
	case u.CallbackQuery != nil && u.CallbackQuery.From != nil:
		return "u" + strconv.FormatInt(u.CallbackQuery.From.ID, 10)
	}
	return "update"
}
