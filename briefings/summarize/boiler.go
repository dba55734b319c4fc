package summarize

import (
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/briefings/text"
)

// boilerPrefixes open sentences that are page furniture, not news.
var boilerPrefixes = []string{
	"photo:", "photo by", "photos:", "image:", "images:", "video:", "watch:", "listen:",
	"read more", "read also", "see also", "related:", "related coverage", "more:",
	"continue reading", "advertisement", "subscribe", "sign up", "follow us", "follow the",
	"share this", "click here", "copyright", "©", "(c)", "all rights reserved",
	"reporting by", "additional reporting", "editing by", "writing by", "compiled by",
	"this story has been", "this article", "caption:", "credit:", "getty images",
	"updated ", "published ", "posted ", "last updated", "first published",
	"фото:", "читайте також", "дивіться також", "джерело:", "відео:",
}

// isBoilerplate reports bylines, captions, links and fragments.
func isBoilerplate(s string, words, nums int) bool {
	if words < 4 && nums == 0 {
		return true // fragments: "(AP)", "Advertisement", "Updated 10:41"
	}
	if words > 30 {
		return false // page furniture is short
	}
	low := strings.TrimLeft(s, " \t\"'“‘(*•-–—")
	if low == "" {
		return true
	}
	if c := low[0] | 0x20; c < 0x80 && !boilerFirst[c] && !strings.Contains(s, "://") {
		return nonLowerHeader(s, nums)
	}
	for _, p := range boilerPrefixes {
		if hasPrefixFold(low, p) {
			return true
		}
	}
	if hasPrefixFold(low, "by ") && words <= 8 && !strings.ContainsAny(s, ".!?") {
		return true // a byline: "By Jane Doe and John Roe"
	}
	if strings.Contains(s, "http://") || strings.Contains(s, "https://") {
		if words < 12 {
			return true // a bare link line
		}
	}
	return nonLowerHeader(s, nums)
}

// nonLowerHeader reports an all-capitals line without figures, a header
// ("BREAKING NEWS"); with figures it may be a Telegram summary line and
// stays.
func nonLowerHeader(s string, nums int) bool {
	return nums == 0 && !hasLower(s)
}

// boilerFirst holds the first bytes (lower-cased) of the ASCII boilerplate
// prefixes, to skip the prefix scan for most sentences.
var boilerFirst = func() (t [128]bool) {
	for _, p := range boilerPrefixes {
		if c := p[0] | 0x20; c < 0x80 {
			t[c] = true
		}
	}
	t['b'] = true // bylines: "By Jane Doe"
	return t
}()

// hasPrefixFold is strings.HasPrefix ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// Lexicon flags of a lower-case word.
const (
	flagStop uint8 = 1 << iota
	flagAttack
	flagWeapon
)

// lexicon returns the flags of the lower-case word w with one map lookup
// for ASCII words.
func lexicon(w string) uint8 {
	if w != "" && w[0] < 0x80 {
		return asciiLexicon[w]
	}
	var f uint8
	if text.IsStopWord(w) {
		f |= flagStop
	}
	if isAttackWord(w) {
		f |= flagAttack
	}
	if isWeapon(w) {
		f |= flagWeapon
	}
	return f
}

// asciiLexicon merges the stop, attack and weapon lists for ASCII words.
var asciiLexicon = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range attackWords {
		m[w] |= flagAttack
	}
	for w := range weaponWords {
		m[w] |= flagWeapon
	}
	for _, w := range text.StopWords() {
		if w[0] < 0x80 {
			m[w] |= flagStop
		}
	}
	return m
}()

// attackWords mark sentences about strikes and air defence; their figures
// are what a briefing must carry. Words are matched lower-case and by prefix
// for the inflected Ukrainian forms.
var attackWords = map[string]bool{
	"drone": true, "drones": true, "missile": true, "missiles": true, "shahed": true,
	"shaheds": true, "intercepted": true, "intercept": true, "jammed": true,
	"downed": true, "shot": true, "launched": true, "fired": true, "ballistic": true,
	"cruise": true, "uav": true, "uavs": true, "decoy": true, "decoys": true,
	"strike": true, "strikes": true, "attack": true, "attacks": true, "killed": true,
	"wounded": true, "injured": true, "destroyed": true, "neutralized": true,
	"bombs": true, "rockets": true, "shelling": true,
}

var attackPrefixes = []string{"бпла", "дрон", "ракет", "збит", "подавлен", "атак", "удар", "шахед", "загин", "поранен"}

func isAttackWord(w string) bool {
	if attackWords[w] {
		return true
	}
	if w != "" && w[0] < 0x80 {
		return false
	}
	for _, p := range attackPrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

var weaponWords = map[string]bool{
	"drone": true, "drones": true, "missile": true, "missiles": true, "shahed": true,
	"shaheds": true, "uav": true, "uavs": true, "rocket": true, "rockets": true,
	"decoy": true, "decoys": true, "bombs": true, "munitions": true, "targets": true,
}

var weaponPrefixes = []string{"бпла", "дрон", "ракет", "шахед", "цілі", "цілей", "бомб"}

// isWeapon reports a word naming what is launched or shot down.
func isWeapon(w string) bool {
	if weaponWords[w] {
		return true
	}
	if w != "" && w[0] < 0x80 {
		return false
	}
	for _, p := range weaponPrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}
