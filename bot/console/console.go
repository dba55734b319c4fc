// Package console is the local chat adapter: one command per input line,
// replies as plain text on the output. Outbox messages for the console chat
// are printed to the same output.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/render"
	"github.com/sitrep/sitrep/briefings"
)

// ChatID is the console's only chat.
const ChatID = "console"

// Console reads commands from In and writes replies to Out.
type Console struct {
	In  io.Reader
	Out io.Writer
	// Prompt is printed before each line when set (interactive use).
	Prompt string

	mu     sync.Mutex // serializes writes to Out
	nextID atomic.Int64
}

// New returns a console over in and out.
func New(in io.Reader, out io.Writer) *Console { return &Console{In: in, Out: out} }

// Name is the console's platform name.
const Name = briefings.PlatformConsole

// Name returns the console's platform name.
func (c *Console) Name() briefings.Platform { return Name }

// Chat is the console's chat address.
func Chat() briefings.Chat { return briefings.Chat{Platform: Name, ChatID: ChatID} }

// Run handles one command per line until EOF or ctx ends. The console user
// is an admin of its own machine.
func (c *Console) Run(ctx context.Context, h bot.Handler) error {
	lines := make(chan string)
	errc := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(c.In)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		errc <- sc.Err()
		close(lines)
	}()
	c.prompt()
	for {
		select {
		case <-ctx.Done():
			return nil
		case line, ok := <-lines:
			if !ok {
				if err := <-errc; err != nil {
					return fmt.Errorf("console: read: %w", err)
				}
				return nil
			}
			if line == "" {
				c.prompt()
				continue
			}
			req := &bot.Request{Chat: Chat(), UserID: "console", UserName: "console", ChatKind: briefings.ChatPrivate,
				IsAdmin: true, CanManage: true, Text: line}
			if rep := h.Handle(ctx, req); rep != nil {
				c.write(render.Text(rep))
			}
			c.prompt()
		}
	}
}

func (c *Console) prompt() {
	if c.Prompt != "" {
		c.mu.Lock()
		fmt.Fprint(c.Out, c.Prompt)
		c.mu.Unlock()
	}
}

func (c *Console) write(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintln(c.Out, s)
}

// Send prints an outbox message.
func (c *Console) Send(_ context.Context, _ briefings.Chat, r *bot.Reply) (string, error) {
	c.write(render.Text(r))
	return strconv.FormatInt(c.nextID.Add(1), 10), nil
}

// Edit prints the revised message, marked as an update.
func (c *Console) Edit(_ context.Context, _ briefings.Chat, id string, r *bot.Reply) error {
	c.write("(update to message " + id + ")\n" + render.Text(r))
	return nil
}

var _ bot.Platform = (*Console)(nil)
