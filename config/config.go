// Package config is sitrep's configuration: one YAML file plus SITREP_*
// environment overrides, with defaults and a Validate that names the key, the
// bad value and the fix for every problem at once.
//
// Precedence: Default(), then the YAML file, then the environment. Load does
// not validate, so `sitrep config check` can print every problem; callers run
// Validate before using the result.
//
// Admins are platform user ids written "platform:user_id" ("telegram:123456",
// "discord:80351110224678912", "console:local"). A bare id ("123456") is
// accepted and matches that id on every platform; prefer the qualified form,
// since ids of different platforms can collide.
package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

//go:embed sitrep.example.yaml
var example []byte

// Example returns the documented example configuration (sitrep.example.yaml).
func Example() []byte { return bytes.Clone(example) }

// Config is the whole configuration.
type Config struct {
	// DB is the SQLite file; ignored when DatabaseURL is set.
	DB string `yaml:"db"`
	// DatabaseURL is a postgres:// URL; it selects PostgreSQL.
	DatabaseURL string `yaml:"database_url"`
	// HTTPAddr is the bot's HTTP server (webhooks, interactions, /healthz);
	// empty (the default) disables it.
	HTTPAddr string `yaml:"http_addr"`
	// LogLevel is debug, info, warn or error.
	LogLevel string `yaml:"log_level"`
	// Locale is the language of chats that chose none and whose platform
	// names none the bot speaks ("en", "uk").
	Locale string `yaml:"locale"`
	// Admins may run /addsource, /removesource and /stats.
	Admins   []string `yaml:"admins"`
	Sources  []Source `yaml:"sources"`
	Telegram Telegram `yaml:"telegram"`
	Discord  Discord  `yaml:"discord"`
	Digest   Digest   `yaml:"digest"`
	Schedule Schedule `yaml:"schedule"`
	Ingest   Ingest   `yaml:"ingest"`
	Delivery Delivery `yaml:"delivery"`
	Alerts   Alerts   `yaml:"alerts"`
}

// Alerts sets attack alerts.
type Alerts struct {
	// MaxAge: an attack event alerts only while its time (when it was last
	// reported, at most the day after its date) is within MaxAge of now.
	// Older events never alert: not when a chat turns alerts on, a new
	// source back-fills, an archive or history is imported, or the bot
	// restarts after downtime.
	MaxAge Duration `yaml:"max_age"`
}

// Source is one configured feed, page or channel.
type Source struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
	// Kind is feed (RSS, Atom, JSON Feed), page, or channel (a public
	// Telegram channel's web preview, https://t.me/s/<name>; any
	// http(s)://host/s/<name> serves the same pages); empty means feed.
	Kind string `yaml:"kind"`
	// FullText fetches each item's page when the feed carries only a teaser.
	FullText bool `yaml:"full_text"`
	// ShowText: the feed's terms allow briefings to quote sentences of its
	// text. Off (the default), readers see title, teaser and link only.
	ShowText bool `yaml:"show_text"`
	// Interval overrides schedule.refresh_interval for this source (for a
	// channel, the default poll interval of 60s).
	Interval Duration `yaml:"interval"`
	Lang     string   `yaml:"lang"`
	// Topic is "war" for a war-only source: everything it publishes is
	// relevant to briefings. "general" (the default) has each article judged
	// by the classifier, which keeps off-topic articles (sport, weather,
	// other countries' news) out of digests, alerts and summaries.
	Topic string `yaml:"topic"`
	// PrimaryFor is the country code (UA or RU) whose military this source
	// is (Ukraine's Air Force's channel: UA). Its own reports of attacks on
	// that country are the reports of record, outranking outlets quoting it.
	PrimaryFor string `yaml:"primary_for"`
}

// Telegram configures the Telegram adapter; it runs when Token is set.
type Telegram struct {
	Token string `yaml:"token"`
	// APIEndpoint is the Bot API base URL (an emulator in tests).
	APIEndpoint string `yaml:"api_endpoint"`
	// WebhookURL switches from long polling to webhook mode.
	WebhookURL    string `yaml:"webhook_url"`
	WebhookSecret string `yaml:"webhook_secret"`
}

// Discord configures the Discord adapter; it runs when Token or PublicKey is set.
type Discord struct {
	Token string `yaml:"token"`
	AppID string `yaml:"app_id"`
	// PublicKey (hex ed25519) switches to HTTP interactions mode.
	PublicKey string `yaml:"public_key"`
	APIBase   string `yaml:"api_base"`
}

// Digest sets the shape of briefings.
type Digest struct {
	// Since is the default window of /digest and `sitrep digest`.
	Since Duration `yaml:"since"`
	// Sentences per item, 1 to 3.
	Sentences     int `yaml:"sentences"`
	MaxPerSection int `yaml:"max_per_section"`
}

// Schedule sets the background jobs.
type Schedule struct {
	RefreshInterval Duration `yaml:"refresh_interval"`
	// Grace: a digest slot missed by less than this (downtime) is still sent.
	Grace Duration `yaml:"grace"`
	// Retention: articles fetched longer ago are pruned.
	Retention Duration `yaml:"retention"`
	// TimeZone is the default IANA zone for dates (subscriptions carry their own).
	TimeZone string `yaml:"timezone"`
}

// Ingest sets how feeds and pages are fetched.
type Ingest struct {
	Timeout Duration `yaml:"timeout"`
	// MaxBytes caps a response body; YAML takes 5242880 or "5MB".
	MaxBytes  int64  `yaml:"max_bytes"`
	UserAgent string `yaml:"user_agent"`
	Workers   int    `yaml:"workers"`
}

// UnmarshalYAML lets max_bytes carry a unit ("5MB").
func (in *Ingest) UnmarshalYAML(n *yaml.Node) error {
	var raw struct {
		Timeout   *Duration `yaml:"timeout"`
		MaxBytes  *ByteSize `yaml:"max_bytes"`
		UserAgent *string   `yaml:"user_agent"`
		Workers   *int      `yaml:"workers"`
	}
	if err := n.Decode(&raw); err != nil {
		return err
	}
	if raw.Timeout != nil {
		in.Timeout = *raw.Timeout
	}
	if raw.MaxBytes != nil {
		in.MaxBytes = int64(*raw.MaxBytes)
	}
	if raw.UserAgent != nil {
		in.UserAgent = *raw.UserAgent
	}
	if raw.Workers != nil {
		in.Workers = *raw.Workers
	}
	return nil
}

// Delivery sets the outbox dispatcher.
type Delivery struct {
	// MaxAttempts before a message becomes a dead letter.
	MaxAttempts int `yaml:"max_attempts"`
	// TelegramRate is messages per second across all chats (Telegram's bulk limit is about 30).
	// The dispatcher paces 3 % under this and the other rates (outbox.DefaultHeadroom).
	// It is the bot's rate: several processes on one database share it (and DiscordRate)
	// equally, each counting the live ones every few seconds.
	TelegramRate float64 `yaml:"telegram_rate"`
	// TelegramChatRate is messages per second to one chat.
	TelegramChatRate float64 `yaml:"telegram_chat_rate"`
	// TelegramGroupPerMinute is messages per minute to one group.
	TelegramGroupPerMinute int `yaml:"telegram_group_per_minute"`
	// DiscordRate is requests per second (Discord's global limit is 50).
	DiscordRate float64 `yaml:"discord_rate"`
	// Lease is how long a claimed message stays claimed before another sender may retry it.
	Lease Duration `yaml:"lease"`
	// BackoffBase and BackoffMax bound the retry delay (doubling per attempt).
	BackoffBase Duration `yaml:"backoff_base"`
	BackoffMax  Duration `yaml:"backoff_max"`
}

// Default returns the defaults: SQLite in the working directory, no platform,
// 24h digests of 2 sentences, 15 minute refresh.
func Default() Config {
	return Config{
		DB:       "sitrep.db",
		LogLevel: "info",
		Locale:   "en",
		Telegram: Telegram{APIEndpoint: "https://api.telegram.org"},
		Discord:  Discord{APIBase: "https://discord.com/api"},
		Digest:   Digest{Since: Duration(24 * time.Hour), Sentences: 2, MaxPerSection: 5},
		Schedule: Schedule{
			RefreshInterval: Duration(15 * time.Minute),
			Grace:           Duration(6 * time.Hour),
			Retention:       Duration(30 * 24 * time.Hour),
			TimeZone:        "UTC",
		},
		Ingest: Ingest{
			Timeout:   Duration(15 * time.Second),
			MaxBytes:  5 << 20,
			UserAgent: "sitrep/0.1 (+https://github.com/sitrep/sitrep)",
			Workers:   4,
		},
		Alerts: Alerts{MaxAge: Duration(12 * time.Hour)},
		Delivery: Delivery{
			MaxAttempts:            8,
			TelegramRate:           30,
			TelegramChatRate:       1,
			TelegramGroupPerMinute: 20,
			DiscordRate:            40,
			Lease:                  Duration(2 * time.Minute),
			BackoffBase:            Duration(5 * time.Second),
			BackoffMax:             Duration(time.Hour),
		},
	}
}

// Load returns Default() overlaid with the YAML file at path (none when path
// is "") and then the SITREP_* variables getenv returns (none when getenv is
// nil). Unknown YAML keys are an error naming the key and its line. Load does
// not call Validate.
func Load(path string, getenv func(string) string) (Config, error) {
	c := Default()
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return c, fmt.Errorf("config: %w", err)
		}
		if err := parse(b, &c); err != nil {
			return c, fmt.Errorf("config: %s: %w", path, err)
		}
	}
	if getenv != nil {
		applyEnv(&c, getenv)
	}
	return c, nil
}

// Parse overlays the YAML document b on c (used by Load and by tests).
func Parse(b []byte, c *Config) error {
	if err := parse(b, c); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return nil
}

func parse(b []byte, c *Config) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return err
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil // empty file: defaults
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: the file must be a mapping of keys (db: ..., sources: ...)", root.Line)
	}
	lines := map[int]string{}
	if err := checkKeys(root, reflect.TypeOf(Config{}), "", lines); err != nil {
		return err
	}
	if err := root.Decode(c); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			msgs := make([]string, len(te.Errors))
			for i, m := range te.Errors {
				msgs[i] = nameKey(m, lines)
			}
			return errors.New(strings.Join(msgs, "; "))
		}
		return errors.New(nameKey(err.Error(), lines))
	}
	return nil
}

var lineRe = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// nameKey puts the dotted key of the value on the error's line after "line N:".
func nameKey(msg string, lines map[int]string) string {
	m := lineRe.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	n, _ := strconv.Atoi(m[1])
	key, ok := lines[n]
	if !ok {
		return msg
	}
	return "line " + m[1] + ": " + key + ": " + msg[len(m[0]):]
}

// checkKeys walks the document against t's yaml tags and reports the first
// key t does not have, with its dotted path and line.
func checkKeys(n *yaml.Node, t reflect.Type, prefix string, lines map[int]string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := map[string]reflect.Type{}
		var names []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" {
				continue
			}
			fields[name] = f.Type
			names = append(names, name)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				msg := fmt.Sprintf("line %d: unknown key %q", k.Line, prefix+k.Value)
				if s := closest(k.Value, names); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", prefix+s)
				} else {
					msg += fmt.Sprintf("; known keys here: %s", strings.Join(names, ", "))
				}
				return errors.New(msg)
			}
			if v := n.Content[i+1]; v.Kind == yaml.ScalarNode {
				lines[v.Line] = prefix + k.Value
			}
			if err := checkKeys(n.Content[i+1], ft, prefix+k.Value+".", lines); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for i, e := range n.Content {
			if err := checkKeys(e, t.Elem(), fmt.Sprintf("%s[%d].", strings.TrimSuffix(prefix, "."), i), lines); err != nil {
				return err
			}
		}
	}
	return nil
}

// closest returns the known name within edit distance 2 of s, if any.
func closest(s string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := editDistance(s, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Env lists the environment variables Load reads, in documentation order.
var envVars = []struct {
	name string
	set  func(c *Config, v string)
}{
	{"SITREP_DB", func(c *Config, v string) { c.DB = v }},
	{"SITREP_DATABASE_URL", func(c *Config, v string) { c.DatabaseURL = v }},
	{"SITREP_HTTP_ADDR", func(c *Config, v string) { c.HTTPAddr = v }},
	{"SITREP_LOG_LEVEL", func(c *Config, v string) { c.LogLevel = v }},
	{"SITREP_LOCALE", func(c *Config, v string) { c.Locale = v }},
	{"SITREP_ADMINS", func(c *Config, v string) { c.Admins = splitList(v) }},
	{"SITREP_TELEGRAM_TOKEN", func(c *Config, v string) { c.Telegram.Token = v }},
	{"SITREP_TELEGRAM_API_ENDPOINT", func(c *Config, v string) { c.Telegram.APIEndpoint = v }},
	{"SITREP_TELEGRAM_WEBHOOK_URL", func(c *Config, v string) { c.Telegram.WebhookURL = v }},
	{"SITREP_TELEGRAM_WEBHOOK_SECRET", func(c *Config, v string) { c.Telegram.WebhookSecret = v }},
	{"SITREP_DISCORD_TOKEN", func(c *Config, v string) { c.Discord.Token = v }},
	{"SITREP_DISCORD_APP_ID", func(c *Config, v string) { c.Discord.AppID = v }},
	{"SITREP_DISCORD_PUBLIC_KEY", func(c *Config, v string) { c.Discord.PublicKey = v }},
	{"SITREP_DISCORD_API_BASE", func(c *Config, v string) { c.Discord.APIBase = v }},
}

// EnvNames returns the SITREP_* variables Load reads.
func EnvNames() []string {
	out := make([]string, len(envVars))
	for i, e := range envVars {
		out[i] = e.name
	}
	return out
}

// applyEnv sets each field whose variable is set and not empty.
func applyEnv(c *Config, getenv func(string) string) {
	for _, e := range envVars {
		if v := strings.TrimSpace(getenv(e.name)); v != "" {
			e.set(c, v)
		}
	}
}

// splitList splits "a, b,c" into its non-empty, trimmed items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// IsAdmin reports whether the user is listed in Admins, as "platform:id" or
// as a bare id.
func (c *Config) IsAdmin(platform, userID string) bool {
	if userID == "" {
		return false
	}
	for _, a := range c.Admins {
		if a == platform+":"+userID || a == userID {
			return true
		}
	}
	return false
}

// AdminIDs returns the user ids IsAdmin accepts on platform (an adapter
// that must know them all, such as Telegram's per-admin command menu).
func (c *Config) AdminIDs(platform string) map[string]bool {
	out := map[string]bool{}
	for _, a := range c.Admins {
		id := a
		if _, after, ok := strings.Cut(a, ":"); ok {
			id = after
		}
		if c.IsAdmin(platform, id) {
			out[id] = true
		}
	}
	return out
}

// Marshal returns c as YAML with secrets replaced by "(set)".
func (c Config) Marshal() ([]byte, error) {
	r := c
	r.Telegram.Token = redact(r.Telegram.Token)
	r.Telegram.WebhookSecret = redact(r.Telegram.WebhookSecret)
	r.Discord.Token = redact(r.Discord.Token)
	r.DatabaseURL = redactURL(r.DatabaseURL)
	return yaml.Marshal(r)
}
