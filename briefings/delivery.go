package briefings

import (
	"strconv"
	"time"
)

// Chat addresses one conversation on one platform: a Telegram chat or group, a
// Discord channel, or the console.
type Chat struct {
	Platform Platform `json:"platform"`
	ChatID   string   `json:"chat_id"`
}

// Subscription is a chat's daily digest.
type Subscription struct {
	ID       int64
	Chat     Chat
	Schedule string  // "08:00" style time of day, or a cron spec ("CRON_TZ=Europe/Kyiv 0 8 * * 1-5")
	TimeZone string  // IANA name for a time-of-day schedule
	Topics   []Topic // empty: all sections
	Active   bool
	// PausedReason is set when delivery was refused (blocked, missing access).
	PausedReason string
	// WeeklyChart: the week's first digest brings a chart of the attacks
	// of the week before (off unless the chat turns it on).
	WeeklyChart  bool
	NextDueAt    time.Time // next digest slot, UTC
	LastSentSlot time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// AlertSettings are a chat's attack alert filters.
type AlertSettings struct {
	Chat        Chat
	Enabled     bool
	MinLaunched int
	Regions     []string
	Classes     []string // drones, missiles; empty = any
	Attacker    string   // RU, UA; empty = any
	QuietStart  string   // "23:00"; empty = no quiet hours
	QuietEnd    string
	TimeZone    string
	UpdatedAt   time.Time
}

// ChatSettings are a chat's language and keyword filters.
type ChatSettings struct {
	Chat Chat
	// Lang is the code of the language the bot speaks in the chat ("uk");
	// "" follows the user's platform language, else the configured default.
	Lang string
	// OwnLangSources: a digest item quotes an article in the chat's
	// language when its story has one.
	OwnLangSources bool
	// Include: digests and alerts keep only items naming one of these
	// words (empty: all). Exclude: they leave out items naming any.
	Include   []string
	Exclude   []string
	UpdatedAt time.Time
}

// Delivery kinds and states.
const (
	DeliveryDigest = "digest"
	DeliveryAlert  = "alert"
	DeliveryChart  = "chart" // the weekly chart after a digest

	StatusPending = "pending"
	StatusSending = "sending"
	StatusSent    = "sent"
	StatusDead    = "dead"
)

// DigestKeyPrefix starts every digest's dedupe key.
const DigestKeyPrefix = "digest:"

// DigestDedupeKey is the outbox dedupe key of a subscription's digest for
// one slot: "digest:<subscription id>:<slot unix seconds>". One slot of one
// subscription is one delivery, however often it is enqueued.
func DigestDedupeKey(subID int64, slot time.Time) string {
	return DigestKeyPrefix + strconv.FormatInt(subID, 10) + ":" + strconv.FormatInt(slot.Unix(), 10)
}

// ChartKeyPrefix starts every weekly chart's dedupe key.
const ChartKeyPrefix = "chart:"

// ChartDedupeKey is the outbox dedupe key of a subscription's weekly chart
// for the week that starts on monday (a civil date, "2006-01-02"):
// "chart:<subscription id>:<monday>". One week of one subscription is one
// chart, whatever its digests' slots and time zone.
func ChartDedupeKey(subID int64, monday string) string {
	return ChartKeyPrefix + strconv.FormatInt(subID, 10) + ":" + monday
}

// Delivery is one outbox row: a message the bot has promised to send.
type Delivery struct {
	ID        int64
	DedupeKey string // unique: "digest:<sub>:<slot>", "chart:<sub>:<monday>", "alert:<chat>:<event>"
	Chat      Chat
	Kind      string
	Payload   []byte // the rendered message, platform-neutral JSON
	Status    string
	Attempts  int
	// NextAttemptAt is when the row may be claimed (again).
	NextAttemptAt time.Time
	LastError     string
	// EditOf: when set, the message replaces the one sent for that dedupe key
	// (an alert revised by a later report).
	EditOf     string
	ExternalID string // platform message id once sent
	CreatedAt  time.Time
	SentAt     time.Time
}

// DeliveryStats summarize the outbox for /stats and metrics.
type DeliveryStats struct {
	Pending int
	Sending int
	Sent    int
	Dead    int
	// DeadReasons counts dead letters by last error.
	DeadReasons map[string]int
}
