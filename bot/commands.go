package bot

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// Command is one chat command: its entry in the command table is all the
// router, /help, Telegram's command menu and Discord's slash commands know
// of it. Entries are written with command (which ties the argument parser
// to the handler) in the cmd_*.go file of their area.
type Command struct {
	Name string // lower case, as typed after "/"
	Help Help
	Args []Arg
	// Access says who may run the command.
	Access Access
	// Slow: the command reads many articles or fetches a page, so platforms
	// that must acknowledge quickly do so at once (Discord defers).
	Slow bool
	// Hidden: a button's action, not a typed command; left out of /help and
	// the platforms' command lists.
	Hidden bool

	// run parses the argument words and answers.
	run func(r *Router, ctx context.Context, req *Request, words []string) (*Reply, error)
}

// Help is what a command says of itself to users. It is one value so that a
// message catalogue can swap it whole per language.
type Help struct {
	Usage   string // "/digest [24h|7d]"
	Summary string // one line, under 100 characters (Discord's limit)
}

// Access says who may run a command.
type Access int

// Access levels.
const (
	// Everyone may run the command.
	Everyone Access = iota
	// ChatManagers: the command changes the chat's settings, so in a group
	// only members who may manage it (Request.CanManage) may run it.
	ChatManagers
	// Admins: the bot's admins only (Request.IsAdmin).
	Admins
)

// ArgKind is the type of an argument on platforms with typed options.
type ArgKind int

// Argument kinds.
const (
	ArgText ArgKind = iota
	ArgInteger
	// ArgFile is a file sent with the command (Discord's attachment option);
	// it is no typed word: the adapter hands it over as Request.Attachment.
	ArgFile
)

// Completion names a list Complete offers for an argument.
type Completion string

// Completions.
const (
	CompleteTopics    Completion = "topics"
	CompleteTimeZones Completion = "timezones"
)

// Arg describes one argument of a command, for platforms with typed options
// (Discord slash commands). The router reads every command as typed words.
type Arg struct {
	Name     string
	Help     string // under 100 characters (Discord's limit)
	Required bool
	Kind     ArgKind
	Choices  []string
	Complete Completion
	// Rest: the argument takes the rest of the line (free text).
	Rest bool
}

// command returns the entry c whose words are read by parse and answered by
// run. Parsers are plain functions, tested on their own.
func command[A any](c Command, parse func(words []string) (A, error),
	run func(r *Router, ctx context.Context, req *Request, args A) (*Reply, error)) Command {
	c.run = func(r *Router, ctx context.Context, req *Request, words []string) (*Reply, error) {
		a, err := parse(words)
		if err != nil {
			return nil, err
		}
		return run(r, ctx, req, a)
	}
	return c
}

// noArgs is the parser of commands without arguments: extra words are
// ignored.
func noArgs([]string) (struct{}, error) { return struct{}{}, nil }

// table is every command in /help order, by area.
type table struct {
	list   []Command
	byName map[string]int
}

func newTable(areas ...[]Command) *table {
	t := &table{list: slices.Concat(areas...), byName: map[string]int{}}
	for i, c := range t.list {
		if _, dup := t.byName[c.Name]; dup || c.run == nil {
			panic("bot: command " + c.Name + " is listed twice or has no handler")
		}
		t.byName[c.Name] = i
	}
	return t
}

// commands is the command table, read-only once built.
var commands = newTable(generalCommands(), digestCommands(), alertCommands(), historyCommands(),
	subscriptionCommands(), filterCommands(), languageCommands(), sourceCommands(), opmlCommands(), adminCommands())

// Commands returns every command in /help order, hidden ones included.
func Commands() []Command { return slices.Clone(commands.list) }

// LookupCommand returns the command named name ("digest").
func LookupCommand(name string) (Command, bool) {
	i, ok := commands.byName[name]
	if !ok {
		return Command{}, false
	}
	return commands.list[i], true
}

// commonZones are offered first when completing time zones.
var commonZones = []string{
	"Europe/Kyiv", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Warsaw", "Europe/Vilnius",
	"Europe/Riga", "Europe/Tallinn", "Europe/Helsinki", "Europe/Bucharest", "Europe/Chisinau", "Europe/Prague",
	"Europe/Rome", "Europe/Madrid", "Europe/Amsterdam", "Europe/Brussels", "Europe/Stockholm", "Europe/Oslo",
	"Europe/Copenhagen", "Europe/Vienna", "Europe/Istanbul", "Europe/Moscow", "America/New_York",
	"America/Chicago", "America/Denver", "America/Los_Angeles", "America/Toronto", "Asia/Tokyo",
	"Asia/Seoul", "Asia/Tbilisi", "Australia/Sydney", "UTC",
}

// Complete returns up to 25 completions of prefix from a completion list,
// case-insensitive.
func Complete(kind Completion, prefix string) []string {
	var list []string
	switch kind {
	case CompleteTopics:
		list = briefings.TopicStrings(briefings.Topics())
	case CompleteTimeZones:
		list = commonZones
	default:
		return nil
	}
	p := strings.ToLower(strings.TrimSpace(prefix))
	var out []string
	for _, s := range list {
		if strings.Contains(strings.ToLower(s), p) {
			out = append(out, s)
		}
	}
	if kind == CompleteTimeZones && len(out) == 0 && p != "" {
		if _, err := time.LoadLocation(prefix); err == nil {
			out = append(out, prefix)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return strings.HasPrefix(strings.ToLower(out[i]), p) && !strings.HasPrefix(strings.ToLower(out[j]), p)
	})
	if len(out) > 25 {
		out = out[:25]
	}
	return out
}
