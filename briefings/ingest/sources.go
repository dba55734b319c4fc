package ingest

import (
	"context"
	"net/url"
	"strings"

	"github.com/sitrep/sitrep/briefings"
)

// Sources come from two places: the operator's configuration (they may live
// on the operator's own network) and chat users with admin rights (public
// addresses only, on every fetch). Both are read by the same Ingester, so
// their articles are matched against one story index.

// SyncSources stores the configured sources, enabled. A new one is due at
// once; one already stored keeps its fetch state (validators, errors, next
// check) and takes the configuration's name, kind, text rights, interval,
// language and topic. A source without a kind is a feed. The operator's sources
// may be fetched from private addresses.
func (in *Ingester) SyncSources(ctx context.Context, configured []briefings.Source) error {
	for _, cs := range configured {
		s, err := in.st.GetSourceByURL(ctx, cs.URL)
		if err != nil {
			if briefings.ErrorCode(err) != briefings.ENOTFOUND {
				return err
			}
			s = &briefings.Source{URL: cs.URL, NextCheckAt: in.o.Now()}
		}
		s.Name, s.Kind, s.FullText, s.ShowText, s.Interval, s.Lang = cs.Name, cs.Kind, cs.FullText, cs.ShowText, cs.Interval, cs.Lang
		s.Topic, s.PrimaryFor = cs.Topic, cs.PrimaryFor
		s.Enabled, s.AllowPrivate = true, true
		if s.Kind == "" {
			s.Kind = briefings.SourceFeed
		}
		if err := in.st.UpsertSource(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// ConfiguredFor returns the configured source a target of `sitrep ingest`
// names: the same URL up to the case of scheme and host and a final slash,
// or, for a channel, a reference to the same channel (not a link to one of
// its posts). ok is false when none matches.
func ConfiguredFor(configured []briefings.Source, target string) (s briefings.Source, ok bool) {
	key := sourceKey(target)
	for _, cs := range configured {
		if key != "" && sourceKey(cs.URL) == key {
			return cs, true
		}
	}
	return briefings.Source{}, false
}

// sourceKey is the form two spellings of one source's URL share: the
// channel's preview URL for a reference to a channel, else the URL with scheme
// and host in lower case and no final slash; "" for no URL.
func sourceKey(raw string) string {
	if name, ok := ChannelName(raw); ok && !strings.HasPrefix(strings.TrimSpace(raw), "@") {
		u, err := url.Parse(raw)
		if err == nil && len(strings.Split(strings.Trim(strings.TrimPrefix(u.Path, "/s/"), "/"), "/")) == 1 {
			return ChannelPreviewURL(strings.ToLower(name))
		}
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Scheme+"://"+u.Host) + strings.TrimSuffix(u.RequestURI(), "/")
}

// AddPublicSource adds the source a chat user names: a public channel
// ("@name", a t.me link) or a feed URL. It refuses a URL that is not on a
// public address and a source already stored, reads the source once
// through the address guard (as every later fetch of it will be), and
// keeps it only when that read worked. Its errors are for the user (EINVALID,
// ECONFLICT) unless the store failed.
func (in *Ingester) AddPublicSource(ctx context.Context, raw string) (*briefings.Source, error) {
	s, isChannel := ChannelSource(raw)
	if !isChannel {
		if err := CheckPublicURL(raw); err != nil {
			return nil, briefings.Errorf(briefings.EINVALID, "%s", err.Error()).
				WithKey("error.address_refused", map[string]any{"Why": err.Error()})
		}
		u, _ := url.Parse(raw)
		s = &briefings.Source{Name: u.Host, URL: raw, Kind: briefings.SourceFeed, Enabled: true}
	}
	if existing, err := in.st.GetSourceByURL(ctx, s.URL); err == nil {
		return nil, briefings.Errorf(briefings.ECONFLICT, "That source is already #%d.", existing.ID).
			WithKey("error.source_exists", map[string]any{"ID": existing.ID})
	}
	s.AllowPrivate = false
	s.NextCheckAt = in.o.Now()
	if err := in.st.UpsertSource(ctx, s); err != nil {
		return nil, err
	}
	if _, err := in.RefreshSource(ctx, s); err != nil {
		_ = in.st.DeleteSource(ctx, s.ID)
		what, key := "a feed", "error.feed_unreadable"
		if isChannel {
			what, key = "that channel's public page", "error.channel_unreadable"
		}
		return nil, briefings.Errorf(briefings.EINVALID, "I couldn't read %s: %s", what, err.Error()).
			WithKey(key, map[string]any{"Why": err.Error()})
	}
	if fresh, err := in.st.GetSource(ctx, s.ID); err == nil {
		s = fresh
	}
	return s, nil
}
