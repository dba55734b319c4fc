package config

import (
	"fmt"
	"github.com/sitrep/sitrep/briefings"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Duration is a time.Duration written in YAML as a string: "90s", "15m",
// "24h", and also days, "30d" or "1d12h".
type Duration time.Duration

// Duration returns d as a time.Duration.
func (d Duration) Duration() time.Duration { return time.Duration(d) }

// String formats d with a "d" suffix for two or more whole days ("30d",
// "24h", "36h", "15m").
func (d Duration) String() string {
	td := time.Duration(d)
	if td >= 48*time.Hour && td%(24*time.Hour) == 0 {
		return strconv.FormatInt(int64(td/(24*time.Hour)), 10) + "d"
	}
	s := td.String()
	// time.Duration prints "15m0s"; trim the zero tails.
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// ParseDuration parses a Go duration with an optional leading day count:
// "30d", "1d12h", "15m" (briefings.ParseDuration).
func ParseDuration(s string) (Duration, error) {
	d, err := briefings.ParseDuration(s)
	return Duration(d), err
}

// UnmarshalYAML reads a duration string.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: expected a duration such as 15m or 30d", n.Line)
	}
	v, err := ParseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*d = v
	return nil
}

// MarshalYAML writes the duration string.
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// ByteSize is a size in bytes written in YAML as a plain number or with a
// unit: "512KB", "5MB", "1GB" (powers of 1024; KiB/MiB/GiB are accepted too).
type ByteSize int64

// ParseByteSize parses "5MB", "512KiB", "1048576".
func ParseByteSize(s string) (ByteSize, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			mult = u.m
			t = strings.TrimSpace(strings.TrimSuffix(t, u.suffix))
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("invalid size %q: use a form like 5MB or 512KB", s)
	}
	return ByteSize(n * mult), nil
}

// String formats the size with the largest exact unit.
func (b ByteSize) String() string {
	switch {
	case b > 0 && b%(1<<30) == 0:
		return strconv.FormatInt(int64(b>>30), 10) + "GB"
	case b > 0 && b%(1<<20) == 0:
		return strconv.FormatInt(int64(b>>20), 10) + "MB"
	case b > 0 && b%(1<<10) == 0:
		return strconv.FormatInt(int64(b>>10), 10) + "KB"
	}
	return strconv.FormatInt(int64(b), 10)
}

// UnmarshalYAML reads a size.
func (b *ByteSize) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: expected a size such as 5MB", n.Line)
	}
	v, err := ParseByteSize(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*b = v
	return nil
}

// MarshalYAML writes the size string.
func (b ByteSize) MarshalYAML() (any, error) { return b.String(), nil }

// SourceTopic is the source's topic as the domain names it.
func (s Source) SourceTopic() briefings.SourceTopic {
	if strings.EqualFold(strings.TrimSpace(s.Topic), "war") {
		return briefings.SourceTopicWar
	}
	return briefings.SourceTopicGeneral
}
