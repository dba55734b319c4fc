package bot

import (
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// ArgSpec describes one command argument, for platforms with typed options
// (Discord slash commands) and for /help.
type ArgSpec struct {
	Name        string
	Description string
	Required    bool
	// Kind is string or integer.
	Kind    string
	Choices []string
	// Autocomplete names a completion list for Complete: "topics" or "timezones".
	Autocomplete string
	// Rest: the argument takes the rest of the line (free text).
	Rest bool
}

// CommandSpec describes one command.
type CommandSpec struct {
	Name        string
	Description string // under 100 characters (Discord's limit)
	Usage       string
	Args        []ArgSpec
	AdminOnly   bool
	// Manage: changes the chat's settings (needs CanManage in groups).
	Manage bool
}

// Commands lists every command in /help order. Platform adapters register them
// (Telegram setMyCommands, Discord bulk overwrite) from this list.
func Commands() []CommandSpec {
	period := ArgSpec{Name: "period", Description: "Time window", Kind: "string", Choices: []string{"24h", "7d"}}
	return []CommandSpec{
		{Name: "start", Description: "Welcome and one-tap setup", Usage: "/start"},
		{Name: "help", Description: "What sitrep can do", Usage: "/help"},
		{Name: "digest", Description: "Briefing of the latest stories", Usage: "/digest [24h|7d]", Args: []ArgSpec{period}},
		{Name: "summary", Description: "Summary of a topic, a question or an article URL", Usage: "/summary <topic, question or URL>",
			Args: []ArgSpec{{Name: "query", Description: "Topic, question or article URL", Required: true, Kind: "string", Autocomplete: "topics", Rest: true}}},
		{Name: "latest", Description: "Latest articles on the war", Usage: "/latest [n]",
			Args: []ArgSpec{{Name: "n", Description: "How many (1-20)", Kind: "integer"}}},
		{Name: "attacks", Description: "Drone and missile attacks with figures", Usage: "/attacks [24h|7d]", Args: []ArgSpec{period}},
		{Name: "chart", Description: "Chart of drones and missiles launched and brought down", Usage: "/chart [30d|90d|1y] [drones|missiles]",
			Args: []ArgSpec{
				{Name: "window", Description: "How far back", Kind: "string", Choices: []string{"30d", "90d", "1y"}},
				{Name: "class", Description: "Drones or missiles (default both)", Kind: "string", Choices: []string{"drones", "missiles"}},
			}},
		{Name: "trend", Description: "This week's attacks in numbers, against last week", Usage: "/trend [drones|missiles]",
			Args: []ArgSpec{{Name: "class", Description: "Drones or missiles (default both)", Kind: "string", Choices: []string{"drones", "missiles"}}}},
		{Name: "subscribe", Description: "Daily digest at your local time", Usage: "/subscribe [HH:MM] [time zone] [topics...]", Manage: true,
			Args: []ArgSpec{
				{Name: "time", Description: "HH:MM (default 08:00)", Kind: "string"},
				{Name: "timezone", Description: "IANA time zone, e.g. Europe/Kyiv", Kind: "string", Autocomplete: "timezones"},
				{Name: "topics", Description: "Topics, space separated", Kind: "string", Autocomplete: "topics", Rest: true},
			}},
		{Name: "unsubscribe", Description: "Stop the daily digest", Usage: "/unsubscribe", Manage: true},
		{Name: "alerts", Description: "Attack alerts on or off, with filters", Usage: "/alerts on|off [min N] [regions...]", Manage: true,
			Args: []ArgSpec{
				{Name: "state", Description: "on or off", Required: true, Kind: "string", Choices: []string{"on", "off"}},
				{Name: "filters", Description: "min N, regions", Kind: "string", Rest: true},
			}},
		{Name: "settings", Description: "This chat's digest and alert settings", Usage: "/settings"},
		{Name: "sources", Description: "Sources and their health", Usage: "/sources"},
		{Name: "search", Description: "Search stored articles", Usage: "/search <words>",
			Args: []ArgSpec{{Name: "words", Description: "Words to search for", Required: true, Kind: "string", Rest: true}}},
		{Name: "addsource", Description: "Add a feed or public channel (admins)", Usage: "/addsource <url|@channel>", AdminOnly: true,
			Args: []ArgSpec{{Name: "url", Description: "Feed URL, or a public Telegram channel (@name or t.me link)", Required: true, Kind: "string"}}},
		{Name: "removesource", Description: "Remove a source (admins)", Usage: "/removesource <id>", AdminOnly: true,
			Args: []ArgSpec{{Name: "id", Description: "Source id from /sources", Required: true, Kind: "integer"}}},
		{Name: "stats", Description: "Bot statistics (admins)", Usage: "/stats", AdminOnly: true},
	}
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

// Complete returns up to 25 completions of prefix for an autocomplete kind
// ("topics" or "timezones"), case-insensitive.
func Complete(kind, prefix string) []string {
	var list []string
	switch kind {
	case "topics":
		list = briefings.TopicStrings(briefings.Topics())
	case "timezones":
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
	if kind == "timezones" && len(out) == 0 && p != "" {
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
