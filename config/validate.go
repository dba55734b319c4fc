package config

import (
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // zone names validate even on hosts without zoneinfo

	"github.com/sitrep/sitrep/briefings/locale"
)

// Problem is one configuration error: the key, its bad value (secrets shown
// as "(set)") and how to fix it.
type Problem struct {
	Key   string
	Value string
	Issue string
	Fix   string
}

func (p Problem) String() string {
	s := p.Key + ": "
	if p.Value != "" {
		s += p.Value + " "
	}
	s += p.Issue
	if p.Fix != "" {
		s += "; " + p.Fix
	}
	return s
}

// Problems is every problem Validate found; it is the error Validate returns.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return "config: " + strings.Join(lines, "\nconfig: ")
}

type checker struct{ ps Problems }

func (c *checker) add(key, value, issue, fix string) {
	c.ps = append(c.ps, Problem{Key: key, Value: value, Issue: issue, Fix: fix})
}

func q(s string) string { return strconv.Quote(s) }

// redact shows whether a secret is set, never its value.
func redact(s string) string {
	if s == "" {
		return ""
	}
	return "(set)"
}

// redactURL hides a URL's password.
func redactURL(s string) string {
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return "(set, unparsable)"
	}
	return u.Redacted()
}

var (
	digits        = regexp.MustCompile(`^[0-9]+$`)
	webhookSecret = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
	telegramToken = regexp.MustCompile(`^[0-9]+:[A-Za-z0-9_-]+$`)
	langTag       = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	channelPage   = regexp.MustCompile(`^/s/[A-Za-z][A-Za-z0-9_]{3,31}/?$`)
)

// Validate checks the whole configuration and returns every problem found as
// Problems (nil when the configuration is usable).
func (c *Config) Validate() error {
	ck := &checker{}
	if c.DatabaseURL == "" && strings.TrimSpace(c.DB) == "" {
		ck.add("db", q(c.DB), "is empty", `set a SQLite file such as "sitrep.db", or set database_url`)
	}
	if c.DatabaseURL != "" {
		if !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
			ck.add("database_url", q(redactURL(c.DatabaseURL)), "must start with postgres://", "use postgres://user@host:5432/db?sslmode=disable, or unset it to use SQLite (db)")
		} else if u, err := url.Parse(c.DatabaseURL); err != nil || u.Host == "" {
			ck.add("database_url", q(redactURL(c.DatabaseURL)), "is not a valid URL", "use postgres://user@host:5432/db?sslmode=disable")
		}
	}
	if c.HTTPAddr != "" {
		if _, port, err := net.SplitHostPort(c.HTTPAddr); err != nil {
			ck.add("http_addr", q(c.HTTPAddr), "is not host:port", `use ":8080" or "127.0.0.1:8080", or "" to disable the HTTP server`)
		} else if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
			ck.add("http_addr", q(c.HTTPAddr), "has an invalid port", "use a port from 1 to 65535")
		}
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		ck.add("log_level", q(c.LogLevel), "is not a log level", "use debug, info, warn or error")
	}
	if langs := locale.Available(); !slices.Contains(langs, locale.Lang(c.Locale)) {
		ck.add("locale", q(c.Locale), "is not a language sitrep speaks", "use one of "+langList(langs))
	}
	for i, a := range c.Admins {
		key := fmt.Sprintf("admins[%d]", i)
		platform, id, qualified := strings.Cut(a, ":")
		switch {
		case !qualified && digits.MatchString(a):
		case qualified && (platform == "telegram" || platform == "discord") && digits.MatchString(strings.TrimPrefix(id, "-")):
		case qualified && platform == "console" && id != "":
		default:
			ck.add(key, q(a), "is not a platform user id", `use "telegram:123456", "discord:80351110224678912" or "console:NAME"`)
		}
	}
	c.validateSources(ck)
	c.validatePlatforms(ck)
	c.validateJobs(ck)
	if len(ck.ps) == 0 {
		return nil
	}
	return ck.ps
}

func (c *Config) validateSources(ck *checker) {
	seen := map[string]int{}
	for i, s := range c.Sources {
		key := fmt.Sprintf("sources[%d]", i)
		if strings.TrimSpace(s.Name) == "" {
			ck.add(key+".name", q(s.Name), "is empty", "give the source a short display name")
		}
		u, err := url.Parse(s.URL)
		switch {
		case s.URL == "":
			ck.add(key+".url", q(s.URL), "is empty", "set the feed or page URL")
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			ck.add(key+".url", q(s.URL), "is not an http(s) URL", "use a full URL such as https://example.org/feed")
		default:
			norm := strings.ToLower(u.Scheme+"://"+u.Host) + u.RequestURI()
			norm = strings.TrimSuffix(norm, "/")
			if j, dup := seen[norm]; dup {
				ck.add(key+".url", q(s.URL), fmt.Sprintf("duplicates sources[%d].url", j), "remove one of the two entries")
			} else {
				seen[norm] = i
			}
		}
		switch s.Kind {
		case "", "feed", "page":
			if s.Interval != 0 && s.Interval.Duration() < time.Minute {
				ck.add(key+".interval", q(s.Interval.String()), "is too short", "use at least 1m, or leave it out for schedule.refresh_interval")
			}
		case "channel":
			if err == nil && !channelPage.MatchString(u.Path) {
				ck.add(key+".url", q(s.URL), "is not a channel's web preview", "use https://t.me/s/<name>, e.g. https://t.me/s/kpszsu")
			}
			if s.Interval != 0 && s.Interval.Duration() < 10*time.Second {
				ck.add(key+".interval", q(s.Interval.String()), "is too short", "use at least 10s, or leave it out for 60s")
			}
		default:
			ck.add(key+".kind", q(s.Kind), "is not a source kind", "use feed, page or channel")
		}
		switch s.PrimaryFor {
		case "", "UA", "RU":
		default:
			ck.add(key+".primary_for", q(s.PrimaryFor), "is not a country sitrep reads the military of", "use UA (Ukraine's Air Force) or RU (Russia's Defence Ministry), or leave it out for an outlet")
		}
		if s.Lang != "" && !langTag.MatchString(s.Lang) {
			ck.add(key+".lang", q(s.Lang), "is not a language tag", "use a code such as en, uk or ru")
		}
		switch strings.ToLower(strings.TrimSpace(s.Topic)) {
		case "", "general", "war":
		default:
			ck.add(key+".topic", q(s.Topic), "is not a source topic", "use war for a war-only source, or general (the default)")
		}
	}
}

// loopback reports whether the URL's host is a loopback address or localhost.
func loopback(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	h := u.Hostname()
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

func checkHTTPURL(ck *checker, key, v, fix string) bool {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		ck.add(key, q(v), "is not an http(s) URL", fix)
		return false
	}
	return true
}

func (c *Config) validatePlatforms(ck *checker) {
	t := c.Telegram
	// A local emulator takes any token; the real Bot API only its own form.
	if t.Token != "" && !telegramToken.MatchString(t.Token) && !(loopback(t.APIEndpoint) && !strings.ContainsAny(t.Token, " \t\r\n")) {
		ck.add("telegram.token", "(set)", "does not look like a bot token", "copy the token BotFather gave (digits, a colon, then letters)")
	}
	checkHTTPURL(ck, "telegram.api_endpoint", t.APIEndpoint, "use https://api.telegram.org or an emulator such as http://127.0.0.1:9000")
	if t.WebhookURL != "" {
		checkHTTPURL(ck, "telegram.webhook_url", t.WebhookURL, "use the public https URL that reaches http_addr's /telegram/webhook")
		if t.WebhookSecret == "" {
			ck.add("telegram.webhook_url", q(t.WebhookURL), "requires telegram.webhook_secret", "set webhook_secret (SITREP_TELEGRAM_WEBHOOK_SECRET) to 1-256 characters of A-Z, a-z, 0-9, _ and -")
		}
		if c.HTTPAddr == "" {
			ck.add("telegram.webhook_url", q(t.WebhookURL), "requires http_addr", `set http_addr, e.g. ":8080"`)
		}
		if t.Token == "" {
			ck.add("telegram.webhook_url", q(t.WebhookURL), "requires telegram.token", "set the bot token, or unset webhook_url")
		}
	}
	if t.WebhookSecret != "" && !webhookSecret.MatchString(t.WebhookSecret) {
		ck.add("telegram.webhook_secret", "(set)", "has characters Telegram refuses", "use 1-256 characters of A-Z, a-z, 0-9, _ and -")
	}
	d := c.Discord
	if d.AppID != "" && !digits.MatchString(d.AppID) {
		ck.add("discord.app_id", q(d.AppID), "is not a numeric application id", "copy the Application ID from the developer portal")
	}
	if d.PublicKey != "" {
		if b, err := hex.DecodeString(d.PublicKey); err != nil || len(b) != 32 {
			ck.add("discord.public_key", fmt.Sprintf("(%d characters)", len(d.PublicKey)), "must be 64 hex characters", "copy the Public Key from the developer portal's General Information page")
		}
		if d.AppID == "" {
			ck.add("discord.public_key", "(set)", "requires discord.app_id", "set app_id (SITREP_DISCORD_APP_ID) for HTTP interactions mode")
		}
		if c.HTTPAddr == "" {
			ck.add("discord.public_key", "(set)", "requires http_addr", `set http_addr, e.g. ":8080", to serve /discord/interactions`)
		}
	}
	if d.Token != "" && strings.ContainsAny(d.Token, " \t\n") {
		ck.add("discord.token", "(set)", "contains whitespace", `copy the bot token alone, without "Bot " in front`)
	}
	checkHTTPURL(ck, "discord.api_base", d.APIBase, "use https://discord.com/api or a loopback fake")
}

func (c *Config) validateJobs(ck *checker) {
	dg := c.Digest
	if dg.Since.Duration() < time.Hour || dg.Since.Duration() > 31*24*time.Hour {
		ck.add("digest.since", q(dg.Since.String()), "is out of range", "use 1h to 31d, e.g. 24h")
	}
	if dg.Sentences < 1 || dg.Sentences > 3 {
		ck.add("digest.sentences", strconv.Itoa(dg.Sentences), "is out of range", "use 1 to 3")
	}
	if dg.MaxPerSection < 1 || dg.MaxPerSection > 20 {
		ck.add("digest.max_per_section", strconv.Itoa(dg.MaxPerSection), "is out of range", "use 1 to 20")
	}
	s := c.Schedule
	if s.RefreshInterval.Duration() < time.Minute {
		ck.add("schedule.refresh_interval", q(s.RefreshInterval.String()), "is too short", "use at least 1m, e.g. 15m")
	}
	if s.Grace < 0 || s.Grace.Duration() > 24*time.Hour {
		ck.add("schedule.grace", q(s.Grace.String()), "is out of range", "use 0 to 24h, e.g. 6h")
	}
	if s.Retention.Duration() < 24*time.Hour {
		ck.add("schedule.retention", q(s.Retention.String()), "is too short", "use at least 1d, e.g. 30d")
	}
	if _, err := time.LoadLocation(s.TimeZone); err != nil || s.TimeZone == "" || strings.EqualFold(s.TimeZone, "Local") {
		ck.add("schedule.timezone", q(s.TimeZone), "is not an IANA time zone", "use a name such as UTC or Europe/Kyiv")
	}
	in := c.Ingest
	if in.Timeout.Duration() < time.Second || in.Timeout.Duration() > 5*time.Minute {
		ck.add("ingest.timeout", q(in.Timeout.String()), "is out of range", "use 1s to 5m, e.g. 15s")
	}
	if in.MaxBytes < 1<<10 || in.MaxBytes > 1<<30 {
		ck.add("ingest.max_bytes", strconv.FormatInt(in.MaxBytes, 10), "is out of range", "use 1KB to 1GB, e.g. 5MB")
	}
	if strings.TrimSpace(in.UserAgent) == "" || strings.ContainsAny(in.UserAgent, "\r\n") {
		ck.add("ingest.user_agent", q(in.UserAgent), "is not a usable User-Agent", `use one line naming the bot, e.g. "sitrep/0.1 (+https://github.com/sitrep/sitrep)"`)
	}
	if in.Workers < 1 || in.Workers > 64 {
		ck.add("ingest.workers", strconv.Itoa(in.Workers), "is out of range", "use 1 to 64")
	}
	if a := c.Alerts.MaxAge.Duration(); a < 10*time.Minute || a > 7*24*time.Hour {
		ck.add("alerts.max_age", q(c.Alerts.MaxAge.String()), "is out of range", "use 10m to 7d, e.g. 12h")
	}
	dl := c.Delivery
	if dl.MaxAttempts < 1 || dl.MaxAttempts > 100 {
		ck.add("delivery.max_attempts", strconv.Itoa(dl.MaxAttempts), "is out of range", "use 1 to 100")
	}
	if dl.TelegramRate <= 0 || dl.TelegramRate > 1000 {
		ck.add("delivery.telegram_rate", fmtFloat(dl.TelegramRate), "is out of range", "use more than 0 and at most 30 messages per second (1000 with paid broadcasts)")
	}
	if dl.TelegramChatRate <= 0 || dl.TelegramChatRate > 30 {
		ck.add("delivery.telegram_chat_rate", fmtFloat(dl.TelegramChatRate), "is out of range", "use more than 0, e.g. 1 message per second per chat")
	}
	if dl.TelegramGroupPerMinute < 1 || dl.TelegramGroupPerMinute > 600 {
		ck.add("delivery.telegram_group_per_minute", strconv.Itoa(dl.TelegramGroupPerMinute), "is out of range", "use 1 to 600, e.g. 20")
	}
	if dl.DiscordRate <= 0 || dl.DiscordRate > 50 {
		ck.add("delivery.discord_rate", fmtFloat(dl.DiscordRate), "is out of range", "use more than 0 and at most 50 requests per second")
	}
	if dl.Lease.Duration() < 10*time.Second {
		ck.add("delivery.lease", q(dl.Lease.String()), "is too short", "use at least 10s, e.g. 2m")
	}
	if dl.BackoffBase.Duration() < 100*time.Millisecond {
		ck.add("delivery.backoff_base", q(dl.BackoffBase.String()), "is too short", "use at least 100ms, e.g. 5s")
	}
	if dl.BackoffMax < dl.BackoffBase {
		ck.add("delivery.backoff_max", q(dl.BackoffMax.String()), "is shorter than backoff_base", "use at least backoff_base, e.g. 1h")
	}
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func langList(ls []locale.Lang) string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = string(l)
	}
	return strings.Join(out, ", ")
}
