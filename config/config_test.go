package config

import (
	"errors"
	"github.com/sitrep/sitrep/briefings"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDefaultValidates(t *testing.T) {
	c := Default()
	if err := c.Validate(); err != nil {
		t.Fatalf("defaults do not validate: %v", err)
	}
	if c.DB != "sitrep.db" || c.Digest.Sentences != 2 || c.Digest.MaxPerSection != 5 ||
		c.Digest.Since.Duration() != 24*time.Hour || c.Schedule.RefreshInterval.Duration() != 15*time.Minute ||
		c.Schedule.Grace.Duration() != 6*time.Hour || c.Schedule.Retention.Duration() != 30*24*time.Hour ||
		c.Schedule.TimeZone != "UTC" || c.Ingest.Timeout.Duration() != 15*time.Second ||
		c.Ingest.MaxBytes != 5<<20 || c.Ingest.Workers != 4 || c.Delivery.MaxAttempts != 8 || c.Delivery.TelegramRate != 30 {
		t.Errorf("unexpected defaults: %+v", c)
	}
}

func TestExampleLoadsAndValidates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sitrep.yaml")
	if err := os.WriteFile(path, Example(), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path, nil)
	if err != nil {
		t.Fatalf("Load example: %v", err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("example does not validate: %v", err)
	}
	if len(c.Sources) < 12 || len(c.Sources) > 16 {
		t.Errorf("example ships %d sources, want 12-16", len(c.Sources))
	}
	// The example shows the defaults: loading it must equal Default() but for sources.
	d := Default()
	c.Sources = nil
	if len(c.Admins) == 0 {
		c.Admins = nil
	}
	if !reflect.DeepEqual(c, d) {
		t.Errorf("example differs from Default():\n got %+v\nwant %+v", c, d)
	}
	// The file on disk and the embedded copy are the same.
	disk, err := os.ReadFile("sitrep.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if string(disk) != string(Example()) {
		t.Error("embedded example differs from sitrep.example.yaml")
	}
}

func TestExampleSources(t *testing.T) {
	var c Config
	if err := Parse(Example(), &c); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Kyiv Independent": "https://kyivindependent.com/news-archive/rss/",
		"Meduza":           "https://meduza.io/rss/en/all",
	}
	found := 0
	for _, s := range c.Sources {
		if u, ok := want[s.Name]; ok {
			found++
			if s.URL != u {
				t.Errorf("%s: url %q, want %q", s.Name, s.URL, u)
			}
		}
		if s.Name == "Meduza" && s.Interval.Duration() != 30*time.Minute {
			t.Errorf("Meduza interval %v", s.Interval)
		}
		if s.Name == "Ukrinform (War)" && !s.FullText {
			t.Error("Ukrinform should fetch full text")
		}
		if s.Kind == "channel" && s.URL == "https://t.me/s/kpszsu" {
			found++
			if s.Lang != "uk" || !s.ShowText || s.PrimaryFor != "UA" {
				t.Errorf("the Air Force's channel: %+v", s)
			}
		}
	}
	if found != len(want)+1 {
		t.Errorf("found %d of %d expected sources (and the Air Force's channel)", found, len(want))
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		err  bool
	}{
		{"15m", 15 * time.Minute, false},
		{"24h", 24 * time.Hour, false},
		{"30d", 30 * 24 * time.Hour, false},
		{"1d12h", 36 * time.Hour, false},
		{"90s", 90 * time.Second, false},
		{"", 0, true},
		{"d", 0, true},
		{"xd", 0, true},
		{"15", 0, true},
		{"1d2x", 0, true},
		{"-1d", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if (err != nil) != tt.err || (!tt.err && got.Duration() != tt.want) {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, err=%v", tt.in, got, err, tt.want, tt.err)
		}
	}
	for _, d := range []Duration{Duration(30 * 24 * time.Hour), Duration(15 * time.Minute), Duration(36 * time.Hour), Duration(90 * time.Second)} {
		back, err := ParseDuration(d.String())
		if err != nil || back != d {
			t.Errorf("round trip %v: %v, %v", d, back, err)
		}
	}
}

func TestParseByteSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  bool
	}{
		{"5MB", 5 << 20, false}, {"512KB", 512 << 10, false}, {"1GiB", 1 << 30, false},
		{"1048576", 1 << 20, false}, {"12 mb", 12 << 20, false}, {"5XB", 0, true}, {"", 0, true}, {"-1", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseByteSize(tt.in)
		if (err != nil) != tt.err || (!tt.err && int64(got) != tt.want) {
			t.Errorf("ParseByteSize(%q) = %v, %v", tt.in, got, err)
		}
	}
}

func TestParseYAML(t *testing.T) {
	doc := `
db: /var/lib/sitrep/db.sqlite
digest: {since: 7d, sentences: 3}
ingest:
  max_bytes: 2MB
  workers: 2
sources:
  - {name: A, url: "https://a.example/feed", interval: 1h, full_text: true}
`
	c := Default()
	if err := Parse([]byte(doc), &c); err != nil {
		t.Fatal(err)
	}
	if c.DB != "/var/lib/sitrep/db.sqlite" || c.Digest.Since.Duration() != 7*24*time.Hour || c.Digest.Sentences != 3 ||
		c.Digest.MaxPerSection != 5 || c.Ingest.MaxBytes != 2<<20 || c.Ingest.Workers != 2 ||
		c.Ingest.Timeout.Duration() != 15*time.Second || c.Ingest.UserAgent == "" {
		t.Errorf("parsed %+v", c)
	}
	if len(c.Sources) != 1 || c.Sources[0].Interval.Duration() != time.Hour || !c.Sources[0].FullText {
		t.Errorf("sources %+v", c.Sources)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"unknown top key", "dbb: x\n", []string{`unknown key "dbb"`, "line 1", `did you mean "db"`}},
		{"unknown nested key", "digest:\n  sentence: 2\n", []string{`unknown key "digest.sentence"`, "line 2", `"digest.sentences"`}},
		{"unknown source key", "sources:\n  - name: a\n    url: https://a.example\n    fulltext: true\n", []string{`unknown key "sources[0].fulltext"`, "line 4"}},
		{"unknown far key", "telegram:\n  zzzzzzzzz: 1\n", []string{`unknown key "telegram.zzzzzzzzz"`, "known keys here: token"}},
		{"bad duration", "schedule:\n  retention: 30 days\n", []string{"line 2", "invalid duration"}},
		{"bad size", "ingest:\n  max_bytes: lots\n", []string{"line 2", "invalid size"}},
		{"bad type", "digest:\n  sentences: two\n", []string{"line 2: digest.sentences: cannot unmarshal"}},
		{"bad nested duration", "sources:\n  - name: a\n    interval: soon\n", []string{"line 3", "invalid duration"}},
		{"not a mapping", "- a\n- b\n", []string{"must be a mapping"}},
		{"syntax", "db: [\n", []string{"yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			err := Parse([]byte(tt.doc), &c)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestLoadMissingFileAndEmpty(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope.yaml"), nil); err == nil {
		t.Error("missing file: no error")
	}
	empty := filepath.Join(t.TempDir(), "empty.yaml")
	os.WriteFile(empty, []byte("# nothing\n"), 0o600)
	c, err := Load(empty, nil)
	if err != nil || !reflect.DeepEqual(c, Default()) {
		t.Errorf("empty file: %v, %+v", err, c)
	}
	c, err = Load("", nil)
	if err != nil || !reflect.DeepEqual(c, Default()) {
		t.Errorf("no file: %v", err)
	}
}

func TestEnvOverrides(t *testing.T) {
	tests := []struct {
		env   string
		value string
		check func(c Config) bool
	}{
		{"SITREP_DB", "/tmp/x.db", func(c Config) bool { return c.DB == "/tmp/x.db" }},
		{"SITREP_DATABASE_URL", "postgres://u@h/db", func(c Config) bool { return c.DatabaseURL == "postgres://u@h/db" }},
		{"SITREP_HTTP_ADDR", ":9999", func(c Config) bool { return c.HTTPAddr == ":9999" }},
		{"SITREP_LOG_LEVEL", "debug", func(c Config) bool { return c.LogLevel == "debug" }},
		{"SITREP_LOCALE", "uk", func(c Config) bool { return c.Locale == "uk" }},
		{"SITREP_ADMINS", "telegram:1, discord:2,3", func(c Config) bool {
			return reflect.DeepEqual(c.Admins, []string{"telegram:1", "discord:2", "3"})
		}},
		{"SITREP_TELEGRAM_TOKEN", "123:abc", func(c Config) bool { return c.Telegram.Token == "123:abc" }},
		{"SITREP_TELEGRAM_API_ENDPOINT", "http://127.0.0.1:9000", func(c Config) bool { return c.Telegram.APIEndpoint == "http://127.0.0.1:9000" }},
		{"SITREP_TELEGRAM_WEBHOOK_URL", "https://bot.example/telegram/webhook", func(c Config) bool {
			return c.Telegram.WebhookURL == "https://bot.example/telegram/webhook"
		}},
		{"SITREP_TELEGRAM_WEBHOOK_SECRET", "s3cr3t", func(c Config) bool { return c.Telegram.WebhookSecret == "s3cr3t" }},
		{"SITREP_DISCORD_TOKEN", "tok", func(c Config) bool { return c.Discord.Token == "tok" }},
		{"SITREP_DISCORD_APP_ID", "42", func(c Config) bool { return c.Discord.AppID == "42" }},
		{"SITREP_DISCORD_PUBLIC_KEY", "ab", func(c Config) bool { return c.Discord.PublicKey == "ab" }},
		{"SITREP_DISCORD_API_BASE", "http://127.0.0.1:1/api", func(c Config) bool { return c.Discord.APIBase == "http://127.0.0.1:1/api" }},
	}
	if len(tests) != len(EnvNames()) {
		t.Fatalf("table covers %d variables, Load reads %d", len(tests), len(EnvNames()))
	}
	file := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(file, []byte("db: from-file.db\nhttp_addr: ':1'\nadmins: [telegram:9]\n"), 0o600)
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			env := map[string]string{tt.env: tt.value}
			c, err := Load(file, func(k string) string { return env[k] })
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(c) {
				t.Errorf("%s=%s not applied: %+v", tt.env, tt.value, c)
			}
		})
	}
	// Unset or blank variables leave the file's values.
	c, _ := Load(file, func(k string) string {
		if k == "SITREP_DB" {
			return "  "
		}
		return ""
	})
	if c.DB != "from-file.db" || c.HTTPAddr != ":1" || !reflect.DeepEqual(c.Admins, []string{"telegram:9"}) {
		t.Errorf("file values lost: %+v", c)
	}
}

func TestIsAdmin(t *testing.T) {
	c := Config{Admins: []string{"telegram:1", "55"}}
	for _, tt := range []struct {
		p, id string
		want  bool
	}{{"telegram", "1", true}, {"discord", "1", false}, {"discord", "55", true}, {"telegram", "55", true}, {"telegram", "", false}} {
		if got := c.IsAdmin(tt.p, tt.id); got != tt.want {
			t.Errorf("IsAdmin(%s,%s) = %v", tt.p, tt.id, got)
		}
	}
}

func TestAdminIDs(t *testing.T) {
	c := Config{Admins: []string{"telegram:1", "55", "discord:7"}}
	if got := c.AdminIDs("telegram"); !reflect.DeepEqual(got, map[string]bool{"1": true, "55": true}) {
		t.Errorf("telegram admins %v", got)
	}
	if got := c.AdminIDs("discord"); !reflect.DeepEqual(got, map[string]bool{"7": true, "55": true}) {
		t.Errorf("discord admins %v", got)
	}
}

const goodKey = "e4b2c1d0a9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e"

func TestValidateProblems(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(c *Config)
		want   string // exact problem line
	}{
		{"db empty", func(c *Config) { c.DB = "" }, `db: "" is empty; set a SQLite file such as "sitrep.db", or set database_url`},
		{"database_url scheme", func(c *Config) { c.DatabaseURL = "mysql://root:pw@h/db" }, `database_url: "mysql://root:xxxxx@h/db" must start with postgres://; use postgres://user@host:5432/db?sslmode=disable, or unset it to use SQLite (db)`},
		{"http_addr", func(c *Config) { c.HTTPAddr = "8080" }, `http_addr: "8080" is not host:port; use ":8080" or "127.0.0.1:8080", or "" to disable the HTTP server`},
		{"http_addr port", func(c *Config) { c.HTTPAddr = ":99999" }, `http_addr: ":99999" has an invalid port; use a port from 1 to 65535`},
		{"log_level", func(c *Config) { c.LogLevel = "loud" }, `log_level: "loud" is not a log level; use debug, info, warn or error`},
		{"locale", func(c *Config) { c.Locale = "ru" }, `locale: "ru" is not a language sitrep speaks; use one of en, uk`},
		{"locale empty", func(c *Config) { c.Locale = "" }, `locale: "" is not a language sitrep speaks; use one of en, uk`},
		{"admin", func(c *Config) { c.Admins = []string{"telegram:1", "slack:x"} }, `admins[1]: "slack:x" is not a platform user id; use "telegram:123456", "discord:80351110224678912" or "console:NAME"`},
		{"source name", func(c *Config) { c.Sources = []Source{{URL: "https://a.example/f"}} }, `sources[0].name: "" is empty; give the source a short display name`},
		{"source url empty", func(c *Config) { c.Sources = []Source{{Name: "a"}} }, `sources[0].url: "" is empty; set the feed or page URL`},
		{"source url scheme", func(c *Config) { c.Sources = []Source{{Name: "a", URL: "ftp://a.example/f"}} }, `sources[0].url: "ftp://a.example/f" is not an http(s) URL; use a full URL such as https://example.org/feed`},
		{"source url relative", func(c *Config) { c.Sources = []Source{{Name: "a", URL: "/feed"}} }, `sources[0].url: "/feed" is not an http(s) URL; use a full URL such as https://example.org/feed`},
		{"source dup", func(c *Config) {
			c.Sources = []Source{{Name: "a", URL: "https://A.example/feed/"}, {Name: "b", URL: "https://a.example/feed"}}
		}, `sources[1].url: "https://a.example/feed" duplicates sources[0].url; remove one of the two entries`},
		{"source kind", func(c *Config) { c.Sources = []Source{{Name: "a", URL: "https://a.example/f", Kind: "atom"}} }, `sources[0].kind: "atom" is not a source kind; use feed, page or channel`},
		{"primary_for", func(c *Config) {
			c.Sources = []Source{{Name: "a", URL: "https://t.me/s/kpszsu", Kind: "channel", PrimaryFor: "Ukraine"}}
		}, `sources[0].primary_for: "Ukraine" is not a country sitrep reads the military of; use UA (Ukraine's Air Force) or RU (Russia's Defence Ministry), or leave it out for an outlet`},
		{"channel url", func(c *Config) {
			c.Sources = []Source{{Name: "a", URL: "https://t.me/kpszsu", Kind: "channel"}}
		}, `sources[0].url: "https://t.me/kpszsu" is not a channel's web preview; use https://t.me/s/<name>, e.g. https://t.me/s/kpszsu`},
		{"channel interval", func(c *Config) {
			c.Sources = []Source{{Name: "a", URL: "http://127.0.0.1:8080/s/kpszsu", Kind: "channel", Interval: Duration(time.Second)}}
		}, `sources[0].interval: "1s" is too short; use at least 10s, or leave it out for 60s`},
		{"source interval", func(c *Config) {
			c.Sources = []Source{{Name: "a", URL: "https://a.example/f", Interval: Duration(time.Second)}}
		}, `sources[0].interval: "1s" is too short; use at least 1m, or leave it out for schedule.refresh_interval`},
		{"source lang", func(c *Config) { c.Sources = []Source{{Name: "a", URL: "https://a.example/f", Lang: "English"}} }, `sources[0].lang: "English" is not a language tag; use a code such as en, uk or ru`},
		{"source topic", func(c *Config) { c.Sources = []Source{{Name: "a", URL: "https://a.example/f", Topic: "politics"}} }, `sources[0].topic: "politics" is not a source topic; use war for a war-only source, or general (the default)`},
		{"telegram token", func(c *Config) { c.Telegram.Token = "not-a-token" }, `telegram.token: (set) does not look like a bot token; copy the token BotFather gave (digits, a colon, then letters)`},
		{"telegram token spaces with emulator", func(c *Config) {
			c.Telegram.Token = "12 34"
			c.Telegram.APIEndpoint = "http://127.0.0.1:9000"
		}, `telegram.token: (set) does not look like a bot token; copy the token BotFather gave (digits, a colon, then letters)`},
		{"telegram endpoint", func(c *Config) { c.Telegram.APIEndpoint = "api.telegram.org" }, `telegram.api_endpoint: "api.telegram.org" is not an http(s) URL; use https://api.telegram.org or an emulator such as http://127.0.0.1:9000`},
		{"webhook needs secret", func(c *Config) {
			c.HTTPAddr = ":8080"
			c.Telegram.Token = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ"
			c.Telegram.WebhookURL = "https://bot.example/telegram/webhook"
		}, `telegram.webhook_url: "https://bot.example/telegram/webhook" requires telegram.webhook_secret; set webhook_secret (SITREP_TELEGRAM_WEBHOOK_SECRET) to 1-256 characters of A-Z, a-z, 0-9, _ and -`},
		{"webhook needs token", func(c *Config) {
			c.HTTPAddr = ":8080"
			c.Telegram.WebhookURL = "https://bot.example/telegram/webhook"
			c.Telegram.WebhookSecret = "abc"
		}, `telegram.webhook_url: "https://bot.example/telegram/webhook" requires telegram.token; set the bot token, or unset webhook_url`},
		{"webhook needs http_addr", func(c *Config) {
			c.Telegram.Token = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ"
			c.Telegram.WebhookURL = "https://bot.example/telegram/webhook"
			c.Telegram.WebhookSecret = "abc"
			c.HTTPAddr = ""
		}, `telegram.webhook_url: "https://bot.example/telegram/webhook" requires http_addr; set http_addr, e.g. ":8080"`},
		{"webhook url", func(c *Config) {
			c.HTTPAddr = ":8080"
			c.Telegram.Token = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ"
			c.Telegram.WebhookURL = "bot.example"
			c.Telegram.WebhookSecret = "abc"
		}, `telegram.webhook_url: "bot.example" is not an http(s) URL; use the public https URL that reaches http_addr's /telegram/webhook`},
		{"webhook secret chars", func(c *Config) { c.Telegram.WebhookSecret = "has space" }, `telegram.webhook_secret: (set) has characters Telegram refuses; use 1-256 characters of A-Z, a-z, 0-9, _ and -`},
		{"discord app id", func(c *Config) { c.Discord.AppID = "my-app" }, `discord.app_id: "my-app" is not a numeric application id; copy the Application ID from the developer portal`},
		{"discord key", func(c *Config) { c.Discord.PublicKey = "abc"; c.Discord.AppID = "1" }, `discord.public_key: (3 characters) must be 64 hex characters; copy the Public Key from the developer portal's General Information page`},
		{"discord key hex", func(c *Config) { c.Discord.PublicKey = strings.Repeat("z", 64); c.Discord.AppID = "1" }, `discord.public_key: (64 characters) must be 64 hex characters; copy the Public Key from the developer portal's General Information page`},
		{"discord key needs app", func(c *Config) { c.Discord.PublicKey = goodKey; c.HTTPAddr = ":8080" }, `discord.public_key: (set) requires discord.app_id; set app_id (SITREP_DISCORD_APP_ID) for HTTP interactions mode`},
		{"discord key needs http", func(c *Config) { c.Discord.PublicKey = goodKey; c.Discord.AppID = "1"; c.HTTPAddr = "" }, `discord.public_key: (set) requires http_addr; set http_addr, e.g. ":8080", to serve /discord/interactions`},
		{"discord token", func(c *Config) { c.Discord.Token = "Bot abc" }, `discord.token: (set) contains whitespace; copy the bot token alone, without "Bot " in front`},
		{"discord api base", func(c *Config) { c.Discord.APIBase = "" }, `discord.api_base: "" is not an http(s) URL; use https://discord.com/api or a loopback fake`},
		{"digest since", func(c *Config) { c.Digest.Since = Duration(time.Minute) }, `digest.since: "1m" is out of range; use 1h to 31d, e.g. 24h`},
		{"digest sentences", func(c *Config) { c.Digest.Sentences = 7 }, `digest.sentences: 7 is out of range; use 1 to 3`},
		{"digest max", func(c *Config) { c.Digest.MaxPerSection = 0 }, `digest.max_per_section: 0 is out of range; use 1 to 20`},
		{"refresh", func(c *Config) { c.Schedule.RefreshInterval = Duration(time.Second) }, `schedule.refresh_interval: "1s" is too short; use at least 1m, e.g. 15m`},
		{"grace", func(c *Config) { c.Schedule.Grace = Duration(48 * time.Hour) }, `schedule.grace: "2d" is out of range; use 0 to 24h, e.g. 6h`},
		{"retention", func(c *Config) { c.Schedule.Retention = Duration(time.Hour) }, `schedule.retention: "1h" is too short; use at least 1d, e.g. 30d`},
		{"timezone", func(c *Config) { c.Schedule.TimeZone = "Kyiv" }, `schedule.timezone: "Kyiv" is not an IANA time zone; use a name such as UTC or Europe/Kyiv`},
		{"timezone empty", func(c *Config) { c.Schedule.TimeZone = "" }, `schedule.timezone: "" is not an IANA time zone; use a name such as UTC or Europe/Kyiv`},
		{"ingest timeout", func(c *Config) { c.Ingest.Timeout = 0 }, `ingest.timeout: "0s" is out of range; use 1s to 5m, e.g. 15s`},
		{"ingest max_bytes", func(c *Config) { c.Ingest.MaxBytes = 10 }, `ingest.max_bytes: 10 is out of range; use 1KB to 1GB, e.g. 5MB`},
		{"ingest ua", func(c *Config) { c.Ingest.UserAgent = "a\nb" }, `ingest.user_agent: "a\nb" is not a usable User-Agent; use one line naming the bot, e.g. "sitrep/0.1 (+https://github.com/sitrep/sitrep)"`},
		{"ingest workers", func(c *Config) { c.Ingest.Workers = 0 }, `ingest.workers: 0 is out of range; use 1 to 64`},
		{"max attempts", func(c *Config) { c.Delivery.MaxAttempts = 0 }, `delivery.max_attempts: 0 is out of range; use 1 to 100`},
		{"telegram rate", func(c *Config) { c.Delivery.TelegramRate = 0 }, `delivery.telegram_rate: 0 is out of range; use more than 0 and at most 30 messages per second (1000 with paid broadcasts)`},
		{"telegram chat rate", func(c *Config) { c.Delivery.TelegramChatRate = -1 }, `delivery.telegram_chat_rate: -1 is out of range; use more than 0, e.g. 1 message per second per chat`},
		{"telegram group", func(c *Config) { c.Delivery.TelegramGroupPerMinute = 0 }, `delivery.telegram_group_per_minute: 0 is out of range; use 1 to 600, e.g. 20`},
		{"discord rate", func(c *Config) { c.Delivery.DiscordRate = 51 }, `delivery.discord_rate: 51 is out of range; use more than 0 and at most 50 requests per second`},
		{"lease", func(c *Config) { c.Delivery.Lease = Duration(time.Second) }, `delivery.lease: "1s" is too short; use at least 10s, e.g. 2m`},
		{"backoff base", func(c *Config) { c.Delivery.BackoffBase = 0 }, `delivery.backoff_base: "0s" is too short; use at least 100ms, e.g. 5s`},
		{"backoff max", func(c *Config) { c.Delivery.BackoffMax = Duration(time.Second) }, `delivery.backoff_max: "1s" is shorter than backoff_base; use at least backoff_base, e.g. 1h`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.mutate(&c)
			err := c.Validate()
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Validate() = %v, want Problems", err)
			}
			var lines []string
			for _, p := range ps {
				lines = append(lines, p.String())
			}
			found := false
			for _, l := range lines {
				found = found || l == tt.want
			}
			if !found {
				t.Errorf("want problem\n  %s\ngot\n  %s", tt.want, strings.Join(lines, "\n  "))
			}
		})
	}
}

func TestValidateReportsAllAndHidesSecrets(t *testing.T) {
	c := Default()
	c.Digest.Sentences = 9
	c.Ingest.Workers = 0
	c.LogLevel = "x"
	c.Telegram.Token = "supersecret-token-value"
	c.Telegram.WebhookSecret = "bad secret with spaces"
	c.Discord.PublicKey = "deadbeef-secret"
	c.DatabaseURL = "mysql://user:hunter2@db/x"
	err := c.Validate()
	var ps Problems
	if !errors.As(err, &ps) || len(ps) < 6 {
		t.Fatalf("want at least 6 problems, got %v", err)
	}
	msg := err.Error()
	for _, secret := range []string{"supersecret-token-value", "bad secret with spaces", "deadbeef-secret", "hunter2"} {
		if strings.Contains(msg, secret) {
			t.Errorf("error echoes secret %q:\n%s", secret, msg)
		}
	}
	if !strings.HasPrefix(msg, "config: ") {
		t.Errorf("no package prefix: %s", msg)
	}
	out, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"supersecret-token-value", "bad secret with spaces", "hunter2"} {
		if strings.Contains(string(out), secret) {
			t.Errorf("Marshal echoes secret %q", secret)
		}
	}
}

func TestValidConfigs(t *testing.T) {
	c := Default()
	c.DatabaseURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	c.HTTPAddr = "127.0.0.1:8080"
	c.Admins = []string{"telegram:1", "discord:2", "console:me", "77", "telegram:-100123"}
	c.Telegram = Telegram{Token: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_-abc", APIEndpoint: "http://127.0.0.1:9000",
		WebhookURL: "https://bot.example/telegram/webhook", WebhookSecret: "abc_DEF-123"}
	c.Discord = Discord{Token: "abc.def.ghi", AppID: "1234", PublicKey: goodKey, APIBase: "http://127.0.0.1:8081/api"}
	c.Schedule.TimeZone = "Europe/Kyiv"
	c.Sources = []Source{{Name: "A", URL: "https://a.example/feed", Kind: "page", Lang: "uk", Interval: Duration(time.Hour)}}
	if err := c.Validate(); err != nil {
		t.Fatalf("valid config rejected: %v", err)
	}
	// Any token without spaces is fine against a loopback emulator.
	c.Telegram.Token = "emulator-token"
	if err := c.Validate(); err != nil {
		t.Fatalf("emulator token rejected: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(string(Example()))
	f.Add("digest: {since: 3d}\n")
	f.Add("sources: [{name: a, url: x}]\n")
	f.Fuzz(func(t *testing.T, doc string) {
		c := Default()
		if err := Parse([]byte(doc), &c); err == nil {
			_ = c.Validate() // must not panic
		}
	})
}

func TestSourceTopic(t *testing.T) {
	for in, want := range map[string]briefings.SourceTopic{"": briefings.SourceTopicGeneral, "general": briefings.SourceTopicGeneral,
		"war": briefings.SourceTopicWar, " War ": briefings.SourceTopicWar} {
		if got := (Source{Topic: in}).SourceTopic(); got != want {
			t.Errorf("topic %q: %q, want %q", in, got, want)
		}
	}
	c, err := Load("sitrep.example.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	wars := 0
	for _, s := range c.Sources {
		if s.SourceTopic() == briefings.SourceTopicWar {
			wars++
		}
	}
	if wars == 0 || wars == len(c.Sources) {
		t.Errorf("the example marks %d of %d sources war-only", wars, len(c.Sources))
	}
}
