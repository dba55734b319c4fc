package discord

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// rewriteTransport sends requests aimed at https://discord.com/api to another
// base URL, and those to Discord's CDN to the same host under /cdn. discordgo builds its endpoint strings once, at package init, from
// package variables; rewriting on the way out leaves those globals alone.
type rewriteTransport struct {
	base *url.URL // scheme, host and path prefix replacing https://discord.com/api
	next http.RoundTripper
}

func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	cdn := isDiscordCDN(req.URL)
	if !isDiscordAPI(req.URL) && !cdn {
		return t.next.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	u := *req.URL
	u.Scheme = t.base.Scheme
	u.Host = t.base.Host
	prefix := strings.TrimSuffix(t.base.Path, "/")
	if prefix == "" {
		// A bare host stands in for discord.com: keep the /api prefix.
		prefix = "/api"
	}
	if cdn {
		// The files Discord serves (attachments) come from the same host,
		// under /cdn.
		u.Path = "/cdn" + u.Path
	} else {
		u.Path = prefix + strings.TrimPrefix(u.Path, "/api")
	}
	u.RawPath = ""
	r.URL = &u
	r.Host = ""
	return t.next.RoundTrip(r)
}

func isDiscordAPI(u *url.URL) bool {
	if u.Scheme != "https" || !strings.EqualFold(u.Hostname(), "discord.com") {
		return false
	}
	return u.Path == "/api" || strings.HasPrefix(u.Path, "/api/")
}

// isDiscordCDN: an https URL on the hosts Discord serves attachments from.
func isDiscordCDN(u *url.URL) bool {
	if u.Scheme != "https" {
		return false
	}
	h := strings.ToLower(u.Hostname())
	return h == "cdn.discordapp.com" || h == "media.discordapp.net"
}

// rewriteClient returns a copy of c (or a default client) whose transport
// rewrites Discord API requests to apiBase. An empty apiBase or Discord's own
// base leaves requests unchanged.
func rewriteClient(c *http.Client, apiBase string) (*http.Client, error) {
	out := &http.Client{Timeout: 20 * time.Second}
	if c != nil {
		cp := *c
		out = &cp
	}
	apiBase = strings.TrimSpace(apiBase)
	if apiBase == "" || strings.TrimSuffix(apiBase, "/") == DefaultAPIBase {
		return out, nil
	}
	u, err := url.Parse(apiBase)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, errors.New("discord: API base must be an http(s) URL such as http://127.0.0.1:9000/api")
	}
	next := out.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	out.Transport = &rewriteTransport{base: u, next: next}
	return out, nil
}
