// Package console is the local chat adapter: one command per input line,
// replies as plain text on the output. Outbox messages for the console chat
// are printed to the same output.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
	// Dir is where pictures (charts) are saved as PNG files; the reply says
	// where. Default: the system's temporary directory.
	Dir string
	// TimeZone is the operator's zone (an IANA name): a daily digest set up
	// on the console without naming a zone takes it.
	TimeZone string

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
// is an admin of its own machine, in a private chat, and no rate applies.
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
				IsAdmin: true, CanManage: true, Unmetered: true, TimeZone: c.TimeZone, Text: line}
			if rep := h.Handle(ctx, req); rep != nil {
				c.write(c.text(rep))
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

// text renders r as plain text; a photo is saved to a PNG file in Dir and
// the text ends with its path.
func (c *Console) text(r *bot.Reply) string {
	out := render.Text(r)
	if r.Document != nil {
		path, err := c.saveFile(r.Document.Name, r.Document.Data)
		if err != nil {
			return out + "\n(the file could not be saved: " + err.Error() + ")"
		}
		out += "\nFile saved to " + path
	}
	if r.Photo == nil {
		return out
	}
	path, err := c.save(r.Photo)
	if err != nil {
		return out + "\n(the picture could not be saved: " + err.Error() + ")"
	}
	return out + "\nChart saved to " + path
}

func (c *Console) save(p *bot.Photo) (string, error) {
	name := p.Name
	if !strings.HasSuffix(name, ".png") {
		name += ".png"
	}
	return c.saveFile(name, p.PNG)
}

// saveFile writes data to a new file in Dir named after name (its
// extension kept) and returns its path.
func (c *Console) saveFile(name string, data []byte) (string, error) {
	dir := c.Dir
	if dir == "" {
		dir = os.TempDir()
	}
	ext := filepath.Ext(name)
	pattern := "sitrep-*" + ext
	if base := strings.TrimSuffix(filepath.Base(name), ext); base != "" && base != "." && !strings.ContainsAny(base+ext, "*/\\") {
		pattern = "sitrep-" + base + "-*" + ext
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", fmt.Errorf("console: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return "", fmt.Errorf("console: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("console: %w", err)
	}
	return f.Name(), nil
}

// Send prints an outbox message.
func (c *Console) Send(_ context.Context, _ briefings.Chat, r *bot.Reply) (string, error) {
	c.write(c.text(r))
	return strconv.FormatInt(c.nextID.Add(1), 10), nil
}

// Edit prints the revised message, marked as an update.
func (c *Console) Edit(_ context.Context, _ briefings.Chat, id string, r *bot.Reply) error {
	c.write("(update to message " + id + ")\n" + render.Text(r))
	return nil
}

var _ bot.Platform = (*Console)(nil)
