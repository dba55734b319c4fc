package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits news prose into sentences. Each sentence is a trimmed
// substring of s, in order, so joining them never invents characters.
//
// A sentence ends at '.', '?', '!' or an ellipsis (with any closing quotes or
// brackets after it) when whitespace and a plausible sentence start follow.
// Abbreviations (Mr., Lt. Gen., U.S., Jan. 5, No. 5, etc.), initials
// (John F. Kennedy), decimals (3.5), URLs and e-mail addresses do not end a
// sentence, nor does a period before a dateline dash ("MOREHEAD, Ky. — As")
// or a spaced ellipsis that marks words left out ("charges ... Republicans").
// A blank line always ends a sentence. A single line break ends one when
// the text is line-structured: a bullet item ("- 4 drones;"), a line before a
// bullet, an all-capitals header line, an emoji-led or keycap-numbered line
// and the line before one, the items under a list header (a line ending in a
// colon over item lines, see listHeader), a headline over a line longer than
// any wrapping width. Otherwise a line break inside a paragraph is taken for
// a hard wrap.
//
// The scan is linear in len(s).
func Sentences(s string) []string {
	var out []string
	start := 0
	lineStart := 0
	list := false // inside the items under a list header
	emit := func(a, b int) {
		if t := strings.TrimSpace(s[a:b]); t != "" {
			out = append(out, t)
		}
	}
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\n':
			j := skipBlank(s, i+1)
			if j < len(s) && s[j] == '\n' {
				// Blank line: a paragraph break.
				for j < len(s) && (s[j] == '\n' || isBlankByte(s, j)) {
					j = skipBlank(s, j)
					if j < len(s) && s[j] == '\n' {
						j++
					}
				}
				emit(start, i)
				start, lineStart, i = j, j, j
				list = false
				continue
			}
			list = list || listHeader(s[lineStart:i], s[j:])
			if list && !lowerStart(s[j:]) || lineBreakEnds(s[lineStart:i], s[j:]) {
				emit(start, i)
				start = j
			}
			lineStart, i = j, j
			continue
		case c == '.' || c == '?' || c == '!':
			end, ok := terminal(s, i)
			if ok {
				emit(start, end)
				start = end
			}
			i = end
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == '…' {
				end, ok := terminal(s, i)
				if ok {
					emit(start, end)
					start = end
				}
				i = end
				continue
			}
			i += size
			continue
		}
		i++
	}
	emit(start, len(s))
	return out
}

// terminal examines the punctuation run starting at i. It returns the end of
// the run with its closing quotes and brackets, and whether a sentence ends
// there.
func terminal(s string, i int) (end int, ok bool) {
	j, dots, marks := punctuationRun(s, i)
	j = closers(s, j)
	if j >= len(s) {
		return j, true
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	if !unicode.IsSpace(r) {
		return j, false // 3.5, U.S., example.com, "end.Next"
	}
	k, paragraph := spaceAfter(s, j)
	if k >= len(s) || paragraph {
		return j, true
	}
	next, nextKind := nextWord(s[k:])
	switch nextKind {
	case kindNone:
		return j, false // "Kyiv. [...]": keep the fragment with its sentence
	case kindLower:
		return j, false // "e.g. this", "3 p.m. yesterday", "“Why?” he asked"
	}
	if marks > 0 {
		return j, true
	}
	if dots > 2 {
		// Ellipsis: a new sentence only when a capital follows, and not
		// when a space stands before it ("charges ... Republicans" marks
		// words left out of a quote) unless a bracket closes it ("[...]").
		if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') && !bracketClosed(s[i:j]) {
			return j, false
		}
		return j, nextKind == kindUpper
	}
	if dashAfter(s[k:]) {
		return j, false // a dateline: "MOREHEAD, Ky. — As the protesters"
	}
	prev := prevWord(s[:i])
	if itemNumber(s[:i], prev) {
		return j, false // "1. A ceasefire." at the start of a line
	}
	return j, periodEnds(prev, next, nextKind)
}

// punctuationRun reads the dots, ellipses and question and exclamation
// marks from i: where they end, how many dots (an ellipsis counts three)
// and how many marks.
func punctuationRun(s string, i int) (end, dots, marks int) {
	j := i
	for j < len(s) {
		switch {
		case s[j] == '.':
			dots++
			j++
		case s[j] == '?' || s[j] == '!':
			marks++
			j++
		case strings.HasPrefix(s[j:], "…"):
			dots += 3
			j += len("…")
		default:
			return j, dots, marks
		}
	}
	return j, dots, marks
}

// closers skips the closing quotes and brackets, and citation marks
// ("[12]"), that stay with the sentence ending before j.
func closers(s string, j int) int {
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == '[' {
			if n := citation(s[j:]); n > 0 {
				j += n
				continue
			}
		}
		if !isCloser(r) {
			break
		}
		j += size
	}
	return j
}

// spaceAfter skips the white space from j: where it ends, and whether it
// holds a blank line (a paragraph break).
func spaceAfter(s string, j int) (end int, paragraph bool) {
	k := j
	for k < len(s) {
		r, size := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsSpace(r) {
			break
		}
		if r == '\n' {
			if m := skipBlank(s, k+1); m < len(s) && s[m] == '\n' {
				paragraph = true
			}
		}
		k += size
	}
	return k, paragraph
}

// bracketClosed reports a punctuation run that ends with a closing bracket.
func bracketClosed(run string) bool {
	r, _ := utf8.DecodeLastRuneInString(run)
	return r == ']' || r == ')'
}

// dashAfter reports a dash standing alone at the start of s ("— As ...").
func dashAfter(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if r != '—' && r != '–' && r != '-' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[size:])
	return next == ' ' || next == '\u00a0'
}

// periodEnds decides a single period after the word prev, before next.
func periodEnds(prev, next string, nextKind wordKind) bool {
	if prev == "" {
		return true
	}
	var buf [32]byte
	low := lowerInto(buf[:0], prev)
	if low == nil {
		return true // too long to be an abbreviation
	}
	if numericPrefix[string(low)] {
		return nextKind != kindDigit // "No. 5", "Jan. 5", "Sept. 11"
	}
	if titles[string(low)] {
		return false // "Lt. Gen. Smith", "Dr. Chivago"
	}
	ambiguous := maybeEnds[string(low)] || isInitialism(prev)
	if !ambiguous {
		return true
	}
	if nextKind != kindUpper {
		return false // "et al. (2005)", "Inc. 10-K"
	}
	return isStarter(next)
}

// itemNumber reports a list number ("1", "12") that opens its line.
func itemNumber(before, prev string) bool {
	if prev == "" || len(prev) > 3 {
		return false
	}
	for i := 0; i < len(prev); i++ {
		if prev[i] < '0' || prev[i] > '9' {
			return false
		}
	}
	// Only blanks may stand between the line start and the number, and the
	// line before must end a clause (else "Section\n3. We" is a hard wrap).
	// The scans stop at the first other byte, so each run of blanks is read
	// once.
	i := len(before) - len(prev) - 1
	for ; i >= 0; i-- {
		c := before[i]
		if c == '\n' {
			break
		}
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	for ; i >= 0; i-- {
		switch before[i] {
		case ' ', '\t', '\r', '\n':
			continue
		case '.', ':', ';', '!', '?':
			return true
		}
		return false
	}
	return true
}

// isInitialism reports a single letter ("F", "м") or dotted letters whose
// parts have at most two letters ("U.S", "p.m", "e.g", "D.C").
func isInitialism(w string) bool {
	part := 0
	for _, r := range w {
		if r == '.' {
			if part == 0 {
				return false
			}
			part = 0
			continue
		}
		if !unicode.IsLetter(r) {
			return false
		}
		part++
		if part > 2 {
			return false
		}
	}
	if !strings.Contains(w, ".") {
		return utf8.RuneCountInString(w) == 1
	}
	return part > 0 && part <= 2
}

type wordKind int

const (
	kindNone  wordKind = iota // no letter or digit before the next space
	kindUpper                 // starts with an upper-case letter
	kindLower                 // starts with a lower-case letter
	kindDigit                 // starts with a digit
	kindOther                 // a letter without case (e.g. CJK)
)

// nextWord returns the word at the start of s, skipping opening quotes,
// brackets, dashes and symbols, and the kind of its first letter.
func nextWord(s string) (string, wordKind) {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return "", kindNone
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		return "", kindNone
	}
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’') {
			break
		}
		j += size
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	switch {
	case unicode.IsDigit(r):
		return s[i:j], kindDigit
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return s[i:j], kindUpper
	case unicode.IsLower(r):
		return s[i:j], kindLower
	}
	return s[i:j], kindOther
}

// prevWord returns the token that ends s (s ends just before a period),
// without leading quotes or brackets.
func prevWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) || isOpener(r) || r == '/' || r == '—' || r == '–' {
			break
		}
		i -= size
	}
	return s[i:]
}

// lowerInto writes the lower-case form of w into buf; nil when it does not fit.
func lowerInto(buf []byte, w string) []byte {
	for _, r := range w {
		if len(buf)+utf8.UTFMax > cap(buf) {
			return nil
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

func isStarter(w string) bool {
	var buf [32]byte
	low := lowerInto(buf[:0], w)
	return low != nil && starters[string(low)]
}

// citation returns the length of a "[12]" or "[a]" mark at the start of s, or 0.
func citation(s string) int {
	for i := 1; i < len(s) && i <= 6; i++ {
		c := s[i]
		if c == ']' {
			if i > 1 {
				return i + 1
			}
			return 0
		}
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z') {
			return 0
		}
	}
	return 0
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '」', '』':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '„':
		return true
	}
	return false
}

// skipBlank skips spaces and tabs (not newlines) from i.
func skipBlank(s string, i int) int {
	for i < len(s) {
		if isBlankByte(s, i) {
			if s[i] < utf8.RuneSelf {
				i++
			} else {
				_, size := utf8.DecodeRuneInString(s[i:])
				i += size
			}
			continue
		}
		break
	}
	return i
}

func isBlankByte(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r != '\n' && unicode.IsSpace(r)
}

// lineBreakEnds decides a single line break between line and the rest.
func lineBreakEnds(line, rest string) bool {
	line = strings.TrimSpace(line)
	if line == "" {
		return false
	}
	if isBullet(line) && (!isNumbered(line) || endsClause(line)) ||
		isBullet(rest) && (!isNumbered(rest) || endsClause(line) || isBullet(line)) {
		return true
	}
	if emojiLed(rest) {
		return true
	}
	// An emoji-led line is an item or a title of its own, unless it
	// visibly goes on (a comma, a dash or a bracket at its end).
	if emojiLed(line) && !strings.ContainsRune(",-–—(", lastRune(line)) {
		return true
	}
	// A line longer than any wrapping width means line breaks separate
	// lines of their own (a headline over its text), not a hard wrap.
	next := rest
	if k := strings.IndexByte(rest, '\n'); k >= 0 {
		next = rest[:k]
	}
	if longLine(line) || longLine(next) {
		// Only after a line without a stop: after one, terminal decided.
		last, _ := utf8.DecodeLastRuneInString(line)
		if _, kind := nextWord(rest); kind == kindUpper && !strings.ContainsRune(".?!…", last) {
			return true
		}
	}
	// An all-capitals header line ("⚡️ ЗБИТО 524 ЦІЛІ"), but not a dateline
	// that runs on into the next line ("WASHINGTON (AP) —").
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '—', '–', '-', ',', ':', '(':
		return false
	}
	letters := 0
	for _, r := range line {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// longLine reports a line of more than 120 characters.
func longLine(s string) bool {
	return len(s) > 120 && utf8.RuneCountInString(s) > 120
}

// isBullet reports a line that starts a list item: "- ", "• ", "* ", "1. ", "2) ".
func isBullet(line string) bool {
	r, size := utf8.DecodeRuneInString(line)
	switch r {
	case '-', '*', '•', '–', '—', '·', '▪', '►', '‣', '◦':
		next, _ := utf8.DecodeRuneInString(line[size:])
		return next == ' ' || next == '\t' || next == '\u00a0'
	}
	i := 0
	for i < len(line) && i < 3 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}

// isNumbered reports a numbered item ("1. ", "2) "); in hard-wrapped prose a
// line may start with a number and a period ("Section\n3. We"), so a numbered
// line starts an item only after a line that ends a clause.
func isNumbered(line string) bool {
	return line != "" && '0' <= line[0] && line[0] <= '9'
}

func endsClause(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', ':', ';', '!', '?', '…':
		return true
	}
	return false
}

// emojiLed reports a line that opens with an emoji or a keycap number
// ("1️⃣", a digit with the keycap mark, with or without the variation
// selector).
func emojiLed(line string) bool {
	r, size := utf8.DecodeRuneInString(line)
	if isEmoji(r) {
		return true
	}
	if !('0' <= r && r <= '9' || r == '#' || r == '*') {
		return false
	}
	rest := strings.TrimPrefix(line[size:], "\uFE0F")
	return strings.HasPrefix(rest, "\u20E3")
}

// listHeader reports a line that ends with a colon over at least two lines
// of the same block that do not open in lower case: the header of a list
// whose items stand one a line, with or without a marker ("Збито:" over
// "20 БпЛА" and "6 ракет"). After a colon, hard-wrapped prose goes on in
// lower case on most lines, so two item-like lines in a row are asked for.
func listHeader(line, rest string) bool {
	if lastRune(strings.TrimSpace(line)) != ':' {
		return false
	}
	for n := 0; n < 2; n++ {
		next, after, _ := strings.Cut(rest, "\n")
		if strings.TrimSpace(next) == "" || lowerStart(next) {
			return false
		}
		rest = after
	}
	return true
}

// lowerStart reports a line whose first letter or digit is a lower-case
// letter.
func lowerStart(line string) bool {
	for _, r := range line {
		if r == '\n' {
			return false
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isEmoji(r rune) bool {
	return r >= 0x2190 && unicode.Is(unicode.So, r) || r >= 0x1F000 && r <= 0x1FAFF
}

// numericPrefix words take a number after their period ("No. 5", "Jan. 5").
var numericPrefix = wordSet(
	"no", "nos", "nr", "art", "vol", "ch", "fig", "p", "pp", "para", "sec", "op",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"№",
)

// titles stand before a name and never end a sentence.
var titles = wordSet(
	"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
	"cpl", "pvt", "adm", "cmdr", "cdr", "brig", "sen", "sens", "rep", "reps", "gov",
	"govs", "pres", "rev", "hon", "st", "mt", "ft", "fr", "messrs", "mmes", "supt",
	"insp", "det", "amb", "atty", "gens", "lieut", "ald", "pte", "cllr", "ген", "п", "пан",
)

// maybeEnds are abbreviations that may also end a sentence ("... Ltd. The").
var maybeEnds = wordSet(
	"etc", "inc", "ltd", "co", "corp", "jr", "sr", "bros", "vs", "v", "al", "approx",
	"est", "dept", "govt", "univ", "ave", "blvd", "rd", "assn", "int'l", "intl",
	"mln", "bln", "mn", "bn", "cf", "ca", "ibid", "min", "max", "km", "sq", "tel",
	"обл", "тис", "млн", "млрд", "грн", "вул", "див", "ім", "напр", "рр", "пп", "смт",
	"ст", "р", "м", "с", "т", "ч", "тощо", "кв", "пл",
	// U.S. states as datelines write them ("Orlando, Fla.", "Jackson, Miss.")
	"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
	"kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont",
	"neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
)

// starters are words that often begin a sentence; after an ambiguous
// abbreviation they tip the decision to a boundary.
var starters = wordSet(
	"the", "a", "an", "he", "she", "it", "its", "it's", "they", "we", "i", "you",
	"but", "and", "or", "so", "yet", "in", "on", "at", "for", "to", "from", "by",
	"with", "this", "that", "these", "those", "there", "here", "his", "her",
	"their", "our", "my", "your", "however", "meanwhile", "after", "before",
	"when", "while", "if", "as", "some", "many", "most", "all", "both", "each",
	"no", "not", "one", "what", "who", "why", "how", "where", "officials",
	"authorities", "still", "then", "also", "now", "last", "earlier", "later",
	"according", "since", "during", "under", "until", "other", "another", "such",
	"several", "more", "only", "even", "though", "although", "because", "instead",
	"thus", "therefore", "overall", "separately", "residents", "police",
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
