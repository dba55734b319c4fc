package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  = 'w' // a word (letters, possibly with digits, hyphens, slashes)
	kNum   = 'n' // a count: digits or number words
	kPunct = 'p' // punctuation, one rune
	kOther = 'x' // a number that is not a count (time, decimal)
)

// token is one token of a sentence. low is the lower-cased form with
// apostrophes normalized; for numbers n holds the value.
type token struct {
	s     string
	low   string
	n     int
	off   int // byte offset in the sentence
	end   int // byte offset after the token
	kind  byte
	vague bool // "dozens", "several": a quantity with no figure
	all   bool // "all"
	both  bool // "both"
	art   bool // "a", "an", "one" used as a count
	words bool // a number spelled out in words
	hi    int  // a range's upper figure ("40-50"): 50; 0 when no range
	// lookups of low, made once per token: cueWord, monthOf, weekday+1 (0: none)
	cue   outcome
	month int8
	wday  int8
	head  class // headClass of low
	one   bool  // the head noun is singular
	model bool  // low names a weapon type (modelOf)
}

// maxSentence caps the bytes of one sentence that are looked at, so that work
// per sentence is bounded whatever the input.
const maxSentence = 4000

// maxTokens caps tokens per sentence.
const maxTokens = 600

func isJoiner(r rune) bool {
	return r == '-' || r == '/' || r == '\'' || r == '’' || r == 'ʼ' || r == '‑'
}

var aposReplacer = strings.NewReplacer("’", "'", "ʼ", "'", "`", "'", "‑", "-")

// normApos writes apostrophes and non-breaking hyphens one way.
func normApos(s string) string {
	// ’ and ‑ start with 0xE2, ʼ with 0xCA
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xE2 || c == 0xCA || c == '`' {
			return aposReplacer.Replace(s)
		}
	}
	return s
}

// tokenize splits a sentence into tokens. It is linear in len(s).
func tokenize(s string) []token {
	return tokenizeInto(make([]token, 0, tokensCap(s)), s)
}

// tokensCap guesses the tokens a sentence makes (prose runs at about six
// bytes a token), so that the slice seldom grows and little is left unused.
func tokensCap(s string) int {
	n := len(s)
	if n > maxSentence {
		n = maxSentence
	}
	return n/6 + 4
}

// tokenizeAll tokenizes every sentence, into one shared backing array
// where the tokens fit: buf's when it is large enough (buf is empty), else
// a new one. It returns that array, for reuse once the tokens are no longer
// needed.
func tokenizeAll(sents []sentence, buf []token) []token {
	n := 0
	for i := range sents {
		n += tokensCap(sents[i].text)
	}
	if cap(buf) < n {
		buf = make([]token, 0, n)
	}
	for i := range sents {
		free := buf[len(buf):]
		toks := tokenizeInto(free, sents[i].text)
		if len(toks) > 0 && cap(free) > 0 && &toks[0] == &free[:1][0] {
			// written in place: the next sentence starts after it
			buf = buf[:len(buf)+len(toks)]
		}
		sents[i].toks = toks[:len(toks):len(toks)]
	}
	return buf
}

// tokenizeInto splits a sentence into tokens, appending them to toks (an
// empty slice whose capacity it may use).
func tokenizeInto(toks []token, s string) []token {
	if len(s) > maxSentence {
		s = s[:maxSentence]
		for len(s) > 0 && !utf8.ValidString(s[len(s)-1:]) {
			s = s[:len(s)-1]
		}
	}
	for i := 0; i < len(s) && len(toks) < maxTokens; {
		r, w := decodeAt(s, i)
		var t token
		switch {
		case unicode.IsSpace(r):
			i += w
			continue
		case isDigit(r):
			t = numberAt(s, i)
		case isLetter(r):
			t = wordAt(s, i)
		default:
			t = token{s: s[i : i+w], off: i, end: i + w, kind: kPunct}
			t.low = t.s
		}
		toks = append(toks, t)
		i = t.end
	}
	toks = mergeSpaceThousands(s, toks)
	toks = numberWords(toks)
	for i := range toks {
		t := &toks[i]
		t.cue = cueWord(t.low)
		if t.kind == kWord {
			t.head, t.one = headClass(t.low)
			_, t.model = modelOf(t.low)
		}
		t.month = int8(monthOf(t.low))
		if d, ok := weekdayOf(t.low); ok {
			t.wday = int8(d + 1)
		}
	}
	for i := range toks {
		if toks[i].low == "jet" && !jetDrone(toks, i) {
			toks[i].model = false
		}
	}
	return toks
}

// jetDrone: the English word "jet" names the jet-powered Shahed only before
// a drone's noun or name ("jet drones", "jet Shaheds"); a fighter jet, a
// passenger jet or the jet of a sentence about aircraft is no drone.
func jetDrone(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := &toks[i+1]
	if n.head == classDrone {
		return true
	}
	md, ok := modelOf(n.low)
	return ok && md.head == classDrone
}

// numberAt reads the token that starts with a digit at s[i]: a count
// ("1,000", "50-ма", a range "40-50"), a time or decimal ("18:00", "3.5"), or
// a word that starts with digits ("12-day", "24th", "3М22").
func numberAt(s string, i int) token {
	j := i
	for j < len(s) && isDigitByte(s[j]) {
		j++
	}
	// thousands separators: "1,000", "12,500"
	for j+4 <= len(s) && s[j] == ',' && allDigits(s[j+1:j+4]) && (j+4 == len(s) || !isDigitByte(s[j+4])) {
		j += 4
	}
	t := token{s: s[i:j], off: i, end: j, kind: kNum}
	if j+1 < len(s) && (s[j] == ':' || s[j] == '.' || s[j] == ',') && isDigitByte(s[j+1]) {
		// a time 18:00, a decimal 09.30 or 3.5
		k := j + 1
		for k < len(s) && (isDigitByte(s[k]) || s[k] == ':' || s[k] == '.') {
			k++
		}
		t.kind, t.s, t.end = kOther, s[i:k], k
		return t
	}
	if hi, end, ok := rangeAfter(s, j); ok {
		t.s, t.end, t.n, t.hi, t.low = s[i:end], end, atoi(s[i:j]), hi, s[i:end]
		return t
	}
	if w, ok := suffixAt(s, i, j); ok {
		return w
	}
	t.n, t.low = atoi(t.s), t.s
	return t
}

// suffixAt reads what follows the digits s[i:j]: a case ending ("50-ма",
// "81-го": still a count) or the rest of a word ("12-day", "24th", "3М22").
func suffixAt(s string, i, j int) (token, bool) {
	if j >= len(s) {
		return token{}, false
	}
	if r, _ := decodeAt(s, j); !isLetter(r) && !((s[j] == '-' || s[j] == '/') && j+1 < len(s)) {
		return token{}, false
	}
	k := j
	for k < len(s) {
		r, w := decodeAt(s, k)
		if !isLetter(r) && !isDigit(r) && !isJoiner(r) {
			break
		}
		k += w
	}
	for k > j && (s[k-1] == '-' || s[k-1] == '/') {
		k-- // trailing joiners are not part of the word
	}
	if k == j {
		return token{}, false
	}
	if suf := lowerWord(s[j:k]); suf[0] == '-' && ukCaseSuffix[suf[1:]] {
		return token{s: s[i:k], low: s[i:k], off: i, end: k, kind: kNum, n: atoi(s[i:j])}, true
	}
	t := token{s: s[i:k], off: i, end: k, kind: kWord}
	t.low = normApos(lowerWord(t.s))
	return t, true
}

// wordAt reads a word at s[i]: letters, digits and marks, with joiners
// ("Х-101", "Shahed-136/131", "п'ять") between them.
func wordAt(s string, i int) token {
	j, spaced := i, false
	for j < len(s) {
		if c := s[j]; ('a' <= c|0x20 && c|0x20 <= 'z') || ('0' <= c && c <= '9') {
			if c <= '9' && gluedPreposition(s[i:j]) {
				break // "на16 локаціях": a preposition written onto its number
			}
			j++ // an ASCII letter or digit
			continue
		}
		r, w := decodeAt(s, j)
		if isLetter(r) || isDigit(r) || isMark(r) {
			j += w
			continue
		}
		if isJoiner(r) && j+w < len(s) {
			if r3, _ := decodeAt(s, j+w); isLetter(r3) || isDigit(r3) {
				j += w
				continue
			}
			if e, ok := spacedModel(s, i, j, w); ok {
				spaced, j = true, e
				continue
			}
		}
		break
	}
	t := token{s: s[i:j], off: i, end: j, kind: kWord}
	if spaced {
		t.low = normApos(lowerWord(strings.Replace(t.s, "- ", "-", 1)))
	} else {
		t.low = normApos(lowerWord(t.s))
	}
	return t
}

// spacedModel: a type's name written with a space after its hyphen
// ("Іскандер- М/С-400", as some of the Air Force's lists have it): the
// hyphen at s[j:j+w], one space, then letters that with the word before
// make a known type. It returns where those letters end.
func spacedModel(s string, i, j, w int) (int, bool) {
	if s[j] != '-' || j+w+1 >= len(s) || s[j+w] != ' ' {
		return 0, false
	}
	e := j + w + 1
	for e < len(s) {
		r, rw := decodeAt(s, e)
		if !isLetter(r) {
			break
		}
		e += rw
	}
	if e == j+w+1 {
		return 0, false
	}
	_, ok := models.get(normApos(lowerWord(s[i:j] + "-" + s[j+w+1:e])))
	return e, ok
}

// gluedPreposition: a Ukrainian preposition that a missing space joined to
// the number after it.
func gluedPreposition(w string) bool {
	switch w {
	case "на", "На", "в", "у", "з", "із", "до", "по", "від":
		return true
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// rangeAfter reads "-50" or "–50" at s[j:] after a number: the upper figure
// of a range and the end of the token. A letter after it ("40-50-year") makes
// it no range.
func rangeAfter(s string, j int) (hi, end int, ok bool) {
	k := j
	switch {
	case k < len(s) && s[k] == '-':
		k++
	case strings.HasPrefix(s[k:], "–"):
		k += len("–")
	default:
		return 0, 0, false
	}
	e := k
	for e < len(s) && isDigitByte(s[e]) {
		e++
	}
	if e == k || e-k > 6 {
		return 0, 0, false
	}
	if e < len(s) {
		if r, _ := decodeAt(s, e); isLetter(r) || r == '-' {
			return 0, 0, false
		}
	}
	return atoi(s[k:e]), e, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s != ""
}

// atoi reads digits, skipping separators; it saturates instead of
// overflowing.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			if c == ',' || c == ' ' {
				continue
			}
			break
		}
		if n > 1e9 {
			return n
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// mergeSpaceThousands joins "1 000" into one number.
func mergeSpaceThousands(s string, toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		at := i
		t := &toks[i]
		for t.kind == kNum && len(t.s) <= 3 && allDigits(t.s) && i+1 < len(toks) {
			nx := toks[i+1]
			if nx.kind == kNum && len(nx.s) == 3 && allDigits(nx.s) && nx.off == t.end+1 && (s[t.end] == ' ' || s[t.end] == 0xa0) {
				t.n = t.n*1000 + nx.n
				t.end = nx.end
				t.s = s[t.off:t.end]
				i++
				continue
			}
			break
		}
		out = kept(out, toks, at)
	}
	return out
}

// kept appends toks[at] to out, a prefix of toks ending at or before at,
// without copying a token onto itself (most tokens stay where they are).
func kept(out, toks []token, at int) []token {
	n := len(out)
	if n != at {
		toks[n] = toks[at]
	}
	return toks[:n+1]
}

// ukCaseSuffix lists case endings written after digits ("50-ма", "81-го").
var ukCaseSuffix = map[string]bool{
	"ма": true, "ти": true, "х": true, "ох": true, "го": true, "му": true,
	"ю": true, "ьох": true, "ьма": true, "ми": true, "и": true, "ть": true, "ій": true, "у": true, "м": true,
	// the template's posts also write an ordinal's ending after a count
	// ("118-та ударними БпЛА"); without a weapon noun after it, the figure
	// counts nothing ("118-та бригада")
	"та": true,
}

// vagueWords are quantities without a figure; vagueScale words after them
// belong to the same quantity ("several thousand", "десятки тисяч").
var vagueWords = map[string]bool{
	"dozens": true, "scores": true, "several": true, "multiple": true, "hundreds": true, "thousands": true,
	"tens": true, "numerous": true, "декілька": true, "кілька": true, "десятки": true, "десятків": true,
	"десятками": true, "сотні": true, "сотень": true, "сотнями": true, "тисячі": true, "тисяч": true,
	"тисячами": true, "кількох": true, "декількох": true, "кількома": true, "декількома": true,
}

var vagueScale = map[string]bool{
	"few": true, "dozen": true, "hundred": true, "thousand": true, "hundreds": true, "thousands": true,
	"десятків": true, "десятки": true, "сотень": true, "сотні": true, "сотнями": true, "тисяч": true,
	"тисячі": true, "тисячами": true, "тисячу": true,
}

// scaleOf is the multiplier a word puts on the digits before it ("2 тисячі", "3 thousand").
func scaleOf(w string) int {
	switch w {
	case "thousand", "тисяча", "тисячі", "тисяч", "тисячу", "тис":
		return 1000
	case "hundred":
		return 100
	}
	return 0
}

// numberWords turns spelled-out numbers into number tokens.
func numberWords(toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		at := i
		i = numberWordAt(toks, i)
		out = kept(out, toks, at)
	}
	return out
}

// numberWordAt makes toks[i] a number token where it (and the words after
// it) write a number; it returns the index of the last token it used.
func numberWordAt(toks []token, i int) int {
	t := &toks[i]
	switch {
	case t.kind == kNum:
		return scaledAt(toks, i)
	case t.kind != kWord:
		return i
	case isVague(t.low) || (t.low == "a" || t.low == "an") && i+1 < len(toks) && toks[i+1].low == "few":
		return vagueAt(toks, i)
	}
	if last, ok := quantityWordAt(toks, i); ok {
		return last
	}
	if last, ok := oneAndHalfAt(toks, i); ok {
		return last
	}
	if t.low == "one" && i > 0 && toks[i-1].low == "no" {
		return i // "no one was hurt": nobody, no count
	}
	if _, ok := wordValue(t.low); ok {
		return composeAt(toks, i)
	}
	return i
}

// scaledAt: "2 тисячі", "3 thousand": the scale word is part of the number.
func scaledAt(toks []token, i int) int {
	t := &toks[i]
	if i+1 >= len(toks) || toks[i+1].kind != kWord || t.n <= 0 || t.n >= 1000 {
		return i
	}
	sc := scaleOf(toks[i+1].low)
	if sc == 0 {
		return i
	}
	t.n *= sc
	t.end = toks[i+1].end
	t.s = t.s + " " + toks[i+1].s
	return i + 1
}

// vagueAt: "several thousand", "a few hundred", "hundreds", "tens of
// thousands", "кілька тисяч": a quantity with no figure, never a number.
func vagueAt(toks []token, i int) int {
	t := &toks[i]
	j := i + 1
	if t.low == "a" || t.low == "an" {
		j++
	}
	for j < len(toks) && j < i+5 {
		if isVagueScale(toks[j].low) {
			j++
		} else if toks[j].low == "of" && j+1 < len(toks) && isVagueScale(toks[j+1].low) {
			j += 2
		} else {
			break
		}
	}
	parts := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		if lw := toks[k].low; lw != "a" && lw != "an" {
			parts = append(parts, lw)
		}
	}
	t.kind, t.vague, t.end = kNum, true, toks[j-1].end
	t.low = strings.Join(parts, "_")
	return j - 1
}

// quantityWordAt reads "none", "both", "all", "a", "a dozen".
func quantityWordAt(toks []token, i int) (int, bool) {
	t := &toks[i]
	switch t.low {
	case "none", "жодна", "жоден", "жодної", "жодного":
		t.kind, t.n, t.words = kNum, 0, true
	case "both", "обидві", "обидва", "обох":
		t.kind, t.both, t.n = kNum, true, 2
	case "all", "усі", "всі", "всіх", "усіх":
		t.kind, t.all = kNum, true
	case "a", "an":
		// "a dozen"; "a missile" is decided by the caller from the head noun
		if i+1 < len(toks) && toks[i+1].low == "dozen" {
			t.kind, t.n, t.end, t.words = kNum, 12, toks[i+1].end, true
			t.s = t.s + " " + toks[i+1].s
			return i + 1, true
		}
		t.kind, t.n, t.art = kNum, 1, true
	default:
		return i, false
	}
	return i, true
}

// composeAt reads a number of several words: "two hundred and twelve",
// "сорок два", "two dozen".
func composeAt(toks []token, i int) int {
	t := &toks[i]
	cur, _ := wordValue(t.low)
	total, end, j := 0, t.end, i+1
	for j < len(toks) && toks[j].kind == kWord {
		next, n, ok := composeStep(toks, j, cur)
		if !ok {
			break
		}
		if n < 0 {
			total += cur * 1000
			n = 0
		}
		cur, end, j = n, toks[next-1].end, next
	}
	t.kind, t.n, t.words = kNum, total+cur, true
	if j > i+1 {
		t.end = end
		t.s = t.s + "…"
	}
	if t.low == "one" || t.low == "одна" || t.low == "один" || t.low == "одну" {
		t.art = j == i+1
	}
	return j - 1
}

// composeStep adds the word at toks[j] to the number so far (cur): it
// returns the index after the words used and the new value (-1: cur was the
// thousands, start afresh).
func composeStep(toks []token, j, cur int) (int, int, bool) {
	lw := toks[j].low
	if lw == "dozen" {
		return j + 1, cur * 12, true
	}
	if m := ukTensHundreds(lw); m > 0 && cur >= 2 && cur <= 9 {
		return j + 1, cur * m, true // "три десятки", "дві сотні", "п'ятьма сотнями": tens and hundreds counted
	}
	if lw == "and" {
		if j+1 < len(toks) {
			if v2, ok := wordValue(toks[j+1].low); ok && v2 < 100 && cur >= 100 {
				return j + 2, cur + v2, true
			}
		}
		return 0, 0, false
	}
	v2, ok := wordValue(lw)
	switch {
	case !ok:
		return 0, 0, false
	case v2 == 100 && cur < 10:
		return j + 1, cur * 100, true
	case v2 == 1000 && cur < 1000:
		return j + 1, -1, true
	case v2 < 10 && cur%10 == 0 && cur >= 20, v2 < 100 && cur%100 == 0 && cur >= 100:
		return j + 1, cur + v2, true
	}
	return 0, 0, false
}

// oneAndHalfAt: "півтори сотні" (150), "півтора десятка" (15): one and a
// half tens or hundreds, a number of two words.
func oneAndHalfAt(toks []token, i int) (int, bool) {
	t := &toks[i]
	if t.low != "півтори" && t.low != "півтора" || i+1 >= len(toks) {
		return i, false
	}
	m := ukTensHundreds(toks[i+1].low)
	if toks[i+1].low == "десятка" {
		m = 10
	}
	if m == 0 {
		return i, false
	}
	t.kind, t.n, t.words, t.end = kNum, m*3/2, true, toks[i+1].end
	t.s = t.s + " " + toks[i+1].s
	return i + 1, true
}

// ukTensHundreds: the Ukrainian nouns of tens and hundreds a numeral counts
// ("три десятки" 30, "дві сотні" 200, "п'ять сотень" 500); 0 for other words.
func ukTensHundreds(w string) int {
	switch w {
	case "десятки", "десятків", "десятками":
		return 10
	case "сотні", "сотень", "сотнями":
		return 100
	}
	return 0
}

var enNums = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}

// ukNums maps Ukrainian number words, in their case forms, to values.
var ukNums = func() map[string]int {
	m := map[string]int{}
	add := func(v int, forms ...string) {
		for _, f := range forms {
			m[f] = v
		}
	}
	add(1, "один", "одна", "одне", "одну", "одного", "одному", "одним", "одній", "одною", "однієї")
	add(2, "два", "дві", "двох", "двом", "двома")
	add(3, "три", "трьох", "трьом", "трьома")
	add(4, "чотири", "чотирьох", "чотирьом", "чотирма")
	add(5, "п'ять", "п'яти", "п'ятьом", "п'ятьма", "пяти", "пять")
	add(6, "шість", "шести", "шістьом", "шістьма", "шістьох")
	add(7, "сім", "семи", "сімом", "сьома", "сімома", "сімох")
	add(8, "вісім", "восьми", "вісьмом", "вісьмома", "восьма", "вісьмох")
	add(9, "дев'ять", "дев'яти", "дев'ятьом", "дев'ятьма")
	add(10, "десять", "десяти", "десятьом", "десятьма")
	teens := []string{"одинадцят", "дванадцят", "тринадцят", "чотирнадцят", "п'ятнадцят", "шістнадцят", "сімнадцят", "вісімнадцят", "дев'ятнадцят"}
	for k, st := range teens {
		add(11+k, st+"ь", st+"и", st+"ьом", st+"ьма", st+"ьох")
	}
	add(20, "двадцять", "двадцяти", "двадцятьом", "двадцятьма")
	add(30, "тридцять", "тридцяти", "тридцятьом", "тридцятьма")
	add(40, "сорок", "сорока")
	add(50, "п'ятдесят", "п'ятдесяти", "п'ятдесятьма")
	add(60, "шістдесят", "шістдесяти", "шістдесятьма")
	add(70, "сімдесят", "сімдесяти", "сімдесятьма")
	add(80, "вісімдесят", "вісімдесяти", "вісімдесятьма")
	add(90, "дев'яносто", "дев'яноста")
	// a ten as a noun, as "сотня" is a hundred ("понад десяток дронів",
	// "близько десятка", "десятком дронів"); "півтора десятка" is read first
	add(10, "десяток", "десятка", "десятком")
	add(100, "сто", "ста", "сотня", "сотнею", "сотню")
	add(200, "двісті", "двохсот", "двомстам", "двомастами")
	add(300, "триста", "трьохсот", "трьомстам", "трьомастами")
	add(400, "чотириста", "чотирьохсот", "чотирмастами")
	add(500, "п'ятсот", "п'ятисот", "п'ятьмастами")
	add(600, "шістсот", "шестисот")
	add(700, "сімсот", "семисот")
	add(800, "вісімсот", "восьмисот")
	add(900, "дев'ятсот", "дев'ятисот")
	add(1000, "тисяча", "тисячі", "тисяч", "тисячу", "тисячею")
	// collective numerals: "п'ятеро поранених", "двоє людей"
	add(2, "двоє")
	add(3, "троє")
	add(4, "четверо", "четверых", "четвертьох")
	add(5, "п'ятеро", "п'ятьох")
	add(6, "шестеро")
	add(7, "семеро")
	add(8, "восьмеро")
	add(9, "дев'ятеро")
	add(10, "десятеро")
	return m
}()

// numFilter, vagueFilter and vagueScaleFilter let the per-token lookups skip most words.
var (
	numFilter        = filterOf(enNums, ukNums)
	vagueFilter      = filterOf(vagueWords)
	vagueScaleFilter = filterOf(vagueScale)
)

func isVague(w string) bool      { return vagueFilter.may(w) && vagueWords[w] }
func isVagueScale(w string) bool { return vagueScaleFilter.may(w) && vagueScale[w] }

func wordValue(w string) (int, bool) {
	if numFilter.may(w) {
		if v, ok := enNums[w]; ok {
			return v, true
		}
		if v, ok := ukNums[w]; ok {
			return v, true
		}
	}
	// "twenty-two", "forty-one"
	if k := strings.IndexByte(w, '-'); k > 0 {
		a, ok1 := enNums[w[:k]]
		b, ok2 := enNums[w[k+1:]]
		if ok1 && ok2 && a >= 20 && a%10 == 0 && b < 10 {
			return a + b, true
		}
	}
	return 0, false
}

// isLetter is unicode.IsLetter with fast paths for ASCII and Cyrillic.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return isLetterSlow(r)
}

func isLetterSlow(r rune) bool {
	if 0x400 <= r && r <= 0x4FF {
		// U+0482..U+0489 are a sign and combining marks
		return r <= 0x481 || r >= 0x48A
	}
	return unicode.IsLetter(r)
}

// isDigit is unicode.IsDigit with fast paths for ASCII and Cyrillic.
func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return isDigitSlow(r)
}

func isDigitSlow(r rune) bool {
	if 0x400 <= r && r <= 0x4FF {
		return false
	}
	return unicode.IsDigit(r)
}

// isMark is unicode.Is(unicode.Mn, r) with a fast path below U+0300, where
// no nonspacing mark is.
func isMark(r rune) bool {
	if r < 0x300 {
		return false
	}
	return unicode.Is(unicode.Mn, r)
}

// lowerRune is unicode.ToLower with fast paths for ASCII and the basic
// Cyrillic letters.
func lowerRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case 0x410 <= r && r <= 0x42F:
		return r + 0x20
	case 0x400 <= r && r <= 0x40F:
		return r + 0x50
	case 0x430 <= r && r <= 0x45F:
		return r
	}
	return unicode.ToLower(r)
}

// lowerWord is strings.ToLower for a token's text: the same result, with
// less work per rune; s itself when nothing changes.
func lowerWord(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
	}
	if i == len(s) {
		return s
	}
	// find the first rune that changes
	for i < len(s) {
		r, w := decodeAt(s, i)
		if r == utf8.RuneError {
			return strings.ToLower(s)
		}
		if lowerRune(r) != r {
			break
		}
		i += w
	}
	if i == len(s) {
		return s
	}
	buf := make([]byte, 0, len(s)+4)
	buf = append(buf, s[:i]...)
	for i < len(s) {
		r, w := decodeAt(s, i)
		if r == utf8.RuneError {
			return strings.ToLower(s)
		}
		buf = utf8.AppendRune(buf, lowerRune(r))
		i += w
	}
	return string(buf)
}

// decodeAt is utf8.DecodeRuneInString(s[i:]) with the one- and two-byte
// forms (ASCII, Cyrillic) decoded inline.
func decodeAt(s string, i int) (rune, int) {
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return decodeAtSlow(s, i)
}

func decodeAtSlow(s string, i int) (rune, int) {
	c := s[i]
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// around is the word at toks[i] and its neighbours' ("" at either end).
func around(toks []token, i int) (lw, prev, next string) {
	lw = toks[i].low
	if i > 0 {
		prev = toks[i-1].low
	}
	if i+1 < len(toks) {
		next = toks[i+1].low
	}
	return lw, prev, next
}
