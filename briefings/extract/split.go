package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is one unit of text the extractor reads: a prose sentence, a
// bullet line or a headline.
type sentence struct {
	text     string
	headline bool // a title or a first line without final punctuation
	bullet   bool // a list item ("- 4 missiles;")
	colon    bool // ends with ':' (a list header)
	para     bool // the first sentence of a line (a paragraph or list item)
	toks     []token
}

// abbreviations that do not end a sentence before a following word.
var abbrevs = map[string]bool{
	"gov": true, "gen": true, "lt": true, "col": true, "maj": true, "capt": true, "sgt": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "sen": true, "rep": true, "pres": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "obl": true, "обл": true,
	"м": true, "вул": true, "р": true, "т.ч": true, "ін": true, "тис": true, "млн": true, "млрд": true, "ст": true,
}

// splitSentences appends the sentences and lines of text to out. A headline
// is the first line of a multi-line text when it has no final punctuation.
func splitSentences(out []sentence, text string) []sentence {
	lines := unwrap(strings.Split(text, "\n"))
	multi := len(lines) > 1
	first := true
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		isFirst := first
		first = false
		trimmed := strings.TrimLeft(line, "-–—•*· ")
		bullet := len(trimmed) < len(line) && (strings.HasPrefix(line, "-") || strings.HasPrefix(line, "–") || strings.HasPrefix(line, "—") || strings.HasPrefix(line, "•") || strings.HasPrefix(line, "*") || strings.HasPrefix(line, "·"))
		if bullet {
			out = append(out, sentence{text: trimmed, bullet: true, colon: strings.HasSuffix(trimmed, ":"), para: true})
			continue
		}
		if n := len(out); n > 0 && (out[n-1].colon || out[n-1].bullet) && countDashItem(line) {
			// "7 – over the territory of X region," under a list header: an
			// item whose weapon noun is the header's
			out = append(out, sentence{text: line, bullet: true, para: true})
			continue
		}
		if isFirst && multi && len(line) < 300 && !endsSentence(line) {
			out = append(out, sentence{text: line, headline: true, para: true})
			continue
		}
		for k, s := range splitLine(line) {
			out = append(out, sentence{text: s, colon: strings.HasSuffix(s, ":"), para: k == 0})
		}
	}
	return out
}

// countDashItem: the line opens with a count and a dash ("7 – over the
// territory of the region", "12 - над областю"), the way Russia's Defence
// Ministry lists each region's share of its total.
func countDashItem(line string) bool {
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i == 0 || i > 4 {
		return false
	}
	rest := strings.TrimLeft(line[i:], " ")
	for _, d := range []string{"–", "—", "-"} {
		if after, ok := strings.CutPrefix(rest, d); ok {
			// the place follows the dash: a numbered line of prose is no share
			word, _, _ := strings.Cut(strings.TrimLeft(after, " "), " ")
			switch strings.ToLower(word) {
			case "over", "above", "in", "near", "над", "в", "у", "на":
				return true
			}
			return false
		}
	}
	return false
}

// unwrap joins the lines of a hard-wrapped sentence: a line that ends
// without punctuation, followed by one that starts in lower case.
func unwrap(lines []string) []string {
	out := lines[:0]
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if n := len(out); n > 0 && t != "" && startsLower(t) {
			if prev := strings.TrimSpace(out[n-1]); prev != "" && !endsSentence(prev) {
				out[n-1] = prev + " " + t
				continue
			}
		}
		out = append(out, line)
	}
	return out
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// abbrevDot: the dot at i, with the next sentence's start at k, closes an
// abbreviation, an initial or a clock's "a.m."/"p.m." before a time zone.
func abbrevDot(line string, start, i, k int) bool {
	w := i
	for w > start {
		r0, s0 := utf8.DecodeLastRuneInString(line[:w])
		if unicode.IsLetter(r0) || r0 == '.' {
			w -= s0
			continue
		}
		break
	}
	word := lowerWord(line[w:i])
	if abbrevs[word] || abbrevs[strings.TrimSuffix(word, ".")] {
		return true
	}
	if (word == "a.m" || word == "p.m") && zoneWord(line[k:]) {
		return true // "11:00 p.m. Moscow time": the clock, not the sentence, ends
	}
	// a single capital letter: an initial
	return utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(line[w:i])[0])
}

// zoneWord: s opens with the name of a time zone or a city's time.
func zoneWord(s string) bool {
	for _, z := range []string{"Moscow", "Kyiv", "Kiev", "GMT", "UTC", "CET", "EET", "Eastern", "Central", "local"} {
		if strings.HasPrefix(s, z) {
			return true
		}
	}
	return false
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”»)… ")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == ':' || r == ';'
}

// splitLine splits one line of prose at sentence ends.
func splitLine(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		// only '[' and sentence punctuation matter: skip to the next one
		n := strings.IndexAny(line[i:], ".!?[")
		if n < 0 {
			break
		}
		i += n
		c := line[i]
		if c == '[' && strings.HasPrefix(line[i:], "[...]") {
			if s := strings.TrimSpace(line[start:i]); s != "" {
				out = append(out, s)
			}
			start = i + 5
			i += 4
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		// closing quotes and brackets
		for j < len(line) {
			r, w := utf8.DecodeRuneInString(line[j:])
			if r == '"' || r == '\'' || r == '”' || r == '»' || r == ')' || r == '’' || r == '.' {
				j += w
				continue
			}
			break
		}
		if j >= len(line) {
			break
		}
		if line[j] != ' ' {
			continue
		}
		k := j
		for k < len(line) && line[k] == ' ' {
			k++
		}
		if k >= len(line) {
			break
		}
		r, _ := utf8.DecodeRuneInString(line[k:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '«' || r == '[' || r == '(' || r == '\'' || unicode.Is(unicode.So, r)) {
			continue
		}
		if c == '.' && abbrevDot(line, start, i, k) {
			continue
		}
		if s := strings.TrimSpace(line[start:j]); s != "" {
			out = append(out, s)
		}
		start = k
		i = k - 1
	}
	if s := strings.TrimSpace(line[start:]); s != "" {
		out = append(out, s)
	}
	return out
}
