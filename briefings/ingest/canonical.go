package ingest

import (
	"net"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a campaign or a click,
// never the article: they are dropped from canonical URLs.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "yclid": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "ref": true, "ref_src": true, "ref_url": true,
	"ocid": true, "cmpid": true, "cmp": true, "_ga": true, "_gl": true,
	"igshid": true, "smid": true, "spm": true, "mkt_tok": true, "wt.mc_id": true,
	"rss": false, // kept: some sites route on it
}

// trackingPrefixes are prefixes of tracking parameter families.
var trackingPrefixes = []string{"utm_", "at_", "pk_", "mtm_", "hsa_"}

func isTrackingParam(k string) bool {
	k = strings.ToLower(k)
	if trackingParams[k] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// CanonicalURL returns the form of raw used for dedupe: scheme and host in
// lower case, default ports, user info, fragment and tracking parameters
// dropped, the remaining query parameters sorted, and no trailing slash on a
// path (the root is "/"). The path keeps its case. A string that does not
// parse as an absolute http(s) URL is returned trimmed.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return raw
	}
	u.User = nil
	u.Fragment = ""
	u.RawFragment = ""
	host := strings.ToLower(u.Hostname())
	host = strings.TrimSuffix(host, ".")
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if port != "" {
		host = net.JoinHostPort(strings.Trim(host, "[]"), port)
	}
	u.Host = host

	p := u.EscapedPath()
	for len(p) > 1 && strings.HasSuffix(p, "/") {
		p = p[:len(p)-1]
	}
	if p == "" {
		p = "/"
	}
	if err := setEscapedPath(u, p); err != nil {
		return raw
	}

	if u.RawQuery != "" {
		q := u.Query()
		type kv struct{ k, v string }
		var keep []kv
		for k, vs := range q {
			if isTrackingParam(k) {
				continue
			}
			for _, v := range vs {
				keep = append(keep, kv{k, v})
			}
		}
		sort.Slice(keep, func(i, j int) bool {
			if keep[i].k != keep[j].k {
				return keep[i].k < keep[j].k
			}
			return keep[i].v < keep[j].v
		})
		var b strings.Builder
		for i, e := range keep {
			if i > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(e.k))
			if e.v != "" {
				b.WriteByte('=')
				b.WriteString(url.QueryEscape(e.v))
			}
		}
		u.RawQuery = b.String()
	}
	u.ForceQuery = false
	return u.String()
}

func setEscapedPath(u *url.URL, escaped string) error {
	p, err := url.PathUnescape(escaped)
	if err != nil {
		return err
	}
	u.Path = p
	u.RawPath = ""
	if u.EscapedPath() != escaped {
		u.RawPath = escaped
	}
	return nil
}
