package ingest

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// MaxRedirects is how many redirects a fetch follows.
const MaxRedirects = 5

// ErrRefused marks a fetch refused by the address guard.
var ErrRefused = errors.New("refused")

var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("127.0.0.0/8"),
	netip.MustParsePrefix("169.254.0.0/16"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("224.0.0.0/4"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("::/128"),
	netip.MustParsePrefix("::1/128"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("fc00::/7"),
	netip.MustParsePrefix("fe80::/10"),
	netip.MustParsePrefix("ff00::/8"),
}

// CheckAddr returns an error wrapping ErrRefused when ip is not a public
// unicast address (loopback, private, link-local incl. cloud metadata,
// CGNAT, unspecified, multicast, reserved).
func CheckAddr(ip netip.Addr) error {
	ip = ip.Unmap()
	if !ip.IsValid() {
		return fmt.Errorf("ingest: %w: invalid address", ErrRefused)
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return fmt.Errorf("ingest: %w: address %s is not public", ErrRefused, ip)
		}
	}
	if ip.Is6() && ip.Is4In6() {
		return CheckAddr(netip.AddrFrom4(ip.As4()))
	}
	return nil
}

// CheckPublicURL refuses early what the guarded client would refuse anyway:
// schemes other than http and https, URLs without a host, literal
// non-public IP addresses and local host names. Names that resolve to
// private addresses are refused by the client's dialer.
func CheckPublicURL(raw string) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return fmt.Errorf("ingest: bad URL %q: %w", raw, err)
	}
	return checkURL(u)
}

func checkURL(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return fmt.Errorf("ingest: %w: scheme %q is not http or https", ErrRefused, u.Scheme)
	}
	host := u.Hostname()
	if host == "" {
		return fmt.Errorf("ingest: %w: URL has no host", ErrRefused)
	}
	lh := strings.ToLower(strings.TrimSuffix(host, "."))
	if lh == "localhost" || strings.HasSuffix(lh, ".localhost") || strings.HasSuffix(lh, ".local") || strings.HasSuffix(lh, ".internal") {
		return fmt.Errorf("ingest: %w: host %s is not public", ErrRefused, host)
	}
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return CheckAddr(ip)
	}
	// Legacy numeric forms (decimal "2130706433", octal "0177.0.0.1").
	if isAllNumericHost(lh) {
		return fmt.Errorf("ingest: %w: numeric host %s is not allowed", ErrRefused, host)
	}
	return nil
}

func isAllNumericHost(h string) bool {
	if h == "" {
		return false
	}
	for _, r := range h {
		if !(r >= '0' && r <= '9' || r == '.' || r == 'x' || r == 'X' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	// hex-only labels like "deadbeef" are real names too; only refuse when a
	// label starts with a digit.
	for _, l := range strings.Split(h, ".") {
		if l == "" || l[0] < '0' || l[0] > '9' {
			return false
		}
	}
	return true
}

// NewHTTPClient returns the client ingestion fetches with: a dialer that
// refuses non-public addresses after DNS resolution (unless AllowPrivate), no
// proxy from the environment, http/https only, at most MaxRedirects redirects
// each re-checked, and o.Timeout per request.
func NewHTTPClient(o Options) *http.Client {
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		d.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return fmt.Errorf("ingest: %w: bad address %q", ErrRefused, address)
			}
			ip, err := netip.ParseAddr(host)
			if err != nil {
				return fmt.Errorf("ingest: %w: bad address %q", ErrRefused, address)
			}
			return CheckAddr(ip)
		}
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          50,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: timeout,
	}
	allowPrivate := o.AllowPrivate
	return &http.Client{
		Transport: tr,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			for _, v := range via {
				if v.URL.String() == req.URL.String() {
					return fmt.Errorf("ingest: redirect loop at %s", req.URL.Redacted())
				}
			}
			if len(via) > MaxRedirects {
				return fmt.Errorf("ingest: too many redirects (more than %d)", MaxRedirects)
			}
			if allowPrivate {
				switch req.URL.Scheme {
				case "http", "https":
					return nil
				}
				return fmt.Errorf("ingest: %w: redirect to scheme %q", ErrRefused, req.URL.Scheme)
			}
			return checkURL(req.URL)
		},
	}
}
