package cluster

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings/text"
)

// fpVersion prefixes every fingerprint; entries of another version are
// ignored by the index (recomputed by callers that have the text).
const fpVersion = "c2"

// leadWords is how much of the body the fingerprint reads: the lead carries
// the who, where and when of a news story.
const leadWords = 90

const (
	maxTerms    = 28
	maxEntities = 14
	maxNumbers  = 8
)

// sig is a parsed fingerprint.
type sig struct {
	terms    []string // content terms, entities included, most salient first
	entities map[string]bool
	numbers  []string // figures (not years), as written without separators
	days     []string // weekdays named in the lead
	events   []string // attack event keys (attacker, target, date)
	// undated are the keys of attack reports that name no date (the
	// attacker, the target, the regions): see update.
	undated []string
	// Filled by prepare; similarity reads these, not entities, so the index
	// keeps no map per entry.
	w      []float64 // weight of terms[i]
	ent    []bool    // terms[i] is a name
	sorted []int32   // indexes of the distinct terms in alphabetical order
	nent   int       // distinct names
	total  float64   // sum of w
	// summaries of numbers, days and events (see listMask)
	numMask, dayMask, eventMask uint64
}

// keys are the index keys of a signature: its terms and its figures.
func (s *sig) keys() []string {
	out := make([]string, 0, len(s.terms)+len(s.numbers))
	out = append(out, s.terms...)
	for _, n := range s.numbers {
		out = append(out, "#"+n)
	}
	for _, e := range s.events {
		out = append(out, "@"+e)
	}
	// A dated event and an undated report of its attacker, target and
	// regions meet under the undated form (see update).
	for _, list := range [][]string{s.events, s.undated} {
		for _, e := range list {
			if b := "~" + eventBase(e); !slices.Contains(out, b) {
				out = append(out, b)
			}
		}
	}
	return out
}

// prepare computes the term weights once, which terms are names, and the
// terms' alphabetical order for similarity's merge.
func (s *sig) prepare() {
	n := len(s.terms)
	s.w = make([]float64, n)
	s.ent = make([]bool, n)
	s.total = 0
	for i, t := range s.terms {
		w := 1.0 - 0.4*float64(i)/float64(maxTerms)
		if s.entities[t] {
			w *= 2
			s.ent[i] = true
		}
		if common[t] {
			w *= 0.3
		}
		s.w[i] = w
		s.total += w
	}
	idx := make([]int32, n)
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(x, y int32) int { return strings.Compare(s.terms[x], s.terms[y]) })
	// A term listed twice (only a hand-made fingerprint has one) counts
	// once, with the weight of its last place.
	out := idx[:0]
	for k, i := range idx {
		if k+1 < len(idx) && s.terms[idx[k+1]] == s.terms[i] {
			continue
		}
		out = append(out, i)
	}
	s.sorted = out
	s.nent = 0
	for _, i := range out {
		if s.ent[i] && !common[s.terms[i]] {
			s.nent++
		}
	}
	s.numMask, s.dayMask, s.eventMask = listMask(s.numbers), listMask(s.days), listMask(s.events)
}

// listMask summarizes a list of values in 64 bits, one bit per value (by
// an FNV-1a hash): two lists whose masks share no bit share no value, so
// most comparisons of unrelated articles need no string comparison.
func listMask(list []string) uint64 {
	var m uint64
	for _, v := range list {
		h := uint64(14695981039346656037)
		for i := 0; i < len(v); i++ {
			h = (h ^ uint64(v[i])) * 1099511628211
		}
		m |= 1 << (h >> 58)
	}
	return m
}

type tok struct {
	text  string // as written
	start bool   // begins a sentence or headline
}

// tokenize splits s into words and numbers, marking sentence starts.
func tokenize(s string, out []tok) []tok {
	start := true
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '\u0301' {
					j += sz
					continue
				}
				// keep 1,200 and 3.5 and Zelensky's / don't
				if (r2 == ',' || r2 == '.') && j+sz < len(s) && unicode.IsDigit(lastRune(s[i:j])) && isDigitAt(s, j+sz) {
					j += sz
					continue
				}
				if (r2 == '\'' || r2 == '’') && j+sz < len(s) && isLetterAt(s, j+sz) {
					j += sz
					continue
				}
				break
			}
			out = append(out, tok{text: s[i:j], start: start})
			start = false
			i = j
			continue
		}
		switch r {
		case '.', '!', '?', '\n', ':', '—', '–', '"', '“', '”', '(', ')':
			start = true
		}
		i += size
	}
	return out
}

func lastRune(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }
func isDigitAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsDigit(r)
}
func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// Fingerprint is the near-duplicate signature of an article: the salient
// terms of its headline and lead (stemmed, with spelling variants of
// transliterated names folded), which of them are names, the figures and the
// weekdays the lead states. Two reports of one event share names and terms
// and never state different figures or days.
//
// events are the keys of the attack events the article reports
// (briefings.AttackReport.EventKey): two articles that both report attacks and
// share no event are different nights, however alike their template wording.
func Fingerprint(title, body string, events ...string) string {
	return Prepare(title, body, events...).String()
}

// Signature is an article's fingerprint together with its parsed form, for
// callers that match and index the same article: Index.MatchSignature and
// Index.AddSignature read it without parsing the fingerprint again. It is
// immutable and safe to share.
type Signature struct {
	fp   string
	s    sig
	keys []string
}

// Prepare computes an article's signature: String is Fingerprint(title,
// body, events...), and matching with it gives the same results as
// matching an article carrying that fingerprint.
func Prepare(title, body string, events ...string) *Signature {
	s := buildSig(title, body)
	for _, e := range events {
		if e != "" && !strings.ContainsAny(e, "|,") && !contains(s.events, e) && !contains(s.undated, e) {
			s.addEvent(e)
		}
	}
	fp := render(&s)
	// The index reads a fingerprint back from its text; a term the text
	// cannot carry faithfully (a comma splits it) is read as the text says.
	for _, t := range s.terms {
		if strings.ContainsAny(t, ",|") || strings.HasPrefix(t, "*") {
			if p, ok := ParseSignature(fp); ok {
				return p
			}
			break
		}
	}
	s.prepare()
	return &Signature{fp: fp, s: s, keys: s.keys()}
}

// ParseSignature reads a stored fingerprint; ok is false for another
// version.
func ParseSignature(fp string) (*Signature, bool) {
	s, ok := parseSig(fp)
	if !ok {
		return nil, false
	}
	return &Signature{fp: fp, s: s, keys: s.keys()}, true
}

// String is the fingerprint, as Fingerprint returns it.
func (g *Signature) String() string { return g.fp }

// render writes a signature as its fingerprint text.
func render(s *sig) string {
	var b strings.Builder
	b.WriteString(fpVersion)
	b.WriteString("|t:")
	for i, t := range s.terms {
		if i > 0 {
			b.WriteByte(',')
		}
		if s.entities[t] {
			b.WriteByte('*')
		}
		b.WriteString(t)
	}
	b.WriteString("|n:")
	b.WriteString(strings.Join(s.numbers, ","))
	b.WriteString("|d:")
	b.WriteString(strings.Join(s.days, ","))
	b.WriteString("|e:")
	b.WriteString(strings.Join(s.events, ","))
	if len(s.events) > 0 && len(s.undated) > 0 {
		b.WriteByte(',')
	}
	b.WriteString(strings.Join(s.undated, ","))
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// parseSig reads a fingerprint; ok is false for another version.
func parseSig(fp string) (sig, bool) {
	parts := strings.Split(fp, "|")
	if len(parts) != 5 || parts[0] != fpVersion {
		return sig{}, false
	}
	s := sig{entities: map[string]bool{}}
	for _, p := range parts[1:] {
		k, v, _ := strings.Cut(p, ":")
		if v == "" {
			continue
		}
		list := strings.Split(v, ",")
		switch k {
		case "t":
			for _, t := range list {
				if strings.HasPrefix(t, "*") {
					t = t[1:]
					s.entities[t] = true
				}
				s.terms = append(s.terms, t)
			}
		case "n":
			s.numbers = list
		case "d":
			s.days = list
		case "e":
			for _, e := range list {
				s.addEvent(e)
			}
		}
	}
	s.prepare()
	return s, true
}

// termStat is a candidate term of buildSig.
type termStat struct {
	term   string
	weight float64
	first  int
	entity bool
}

// sigScratch is buildSig's working memory, pooled: the token buffer, the
// stats block and the map from terms to their stats.
type sigScratch struct {
	toks  []tok
	block []termStat
	stats map[string]*termStat
	order []*termStat
}

var sigScratchPool = sync.Pool{New: func() any {
	return &sigScratch{toks: make([]tok, 0, 32+leadWords+leadWords/2), stats: make(map[string]*termStat, 2*leadWords)}
}}

// release empties sc, keeping its capacity but no reference to the text.
func (sc *sigScratch) release() {
	clear(sc.toks[:cap(sc.toks)])
	clear(sc.block[:cap(sc.block)])
	clear(sc.order[:cap(sc.order)])
	clear(sc.stats)
	sigScratchPool.Put(sc)
}

func buildSig(title, body string) sig {
	lead := leadOf(body)
	sc := sigScratchPool.Get().(*sigScratch)
	defer sc.release()
	// One token buffer and one block of stats serve the whole article.
	toks := tokenize(title, sc.toks[:0])
	nt := len(toks)
	toks = tokenize(lead, toks)
	sc.toks = toks
	tt, bt := toks[:nt:nt], toks[nt:]
	titleCase := isTitleCase(tt)

	// Every token adds at most one stat, so block never grows and pointers
	// into it stay valid.
	if cap(sc.block) < len(toks) {
		sc.block = make([]termStat, 0, len(toks))
	}
	b := sigBuilder{block: sc.block[:0], stats: sc.stats, order: sc.order[:0]}
	for i, t := range tt {
		b.add(t, i, 2.0, !titleCase)
	}
	for i, t := range bt {
		// earlier words of the lead weigh more
		b.add(t, len(tt)+i, 1.0-0.5*float64(i)/float64(leadWords), true)
	}
	sc.block, sc.order = b.block, b.order
	return b.signature()
}

// sigBuilder gathers an article's candidate terms, figures and weekdays
// (its slices and map are the pooled scratch's).
type sigBuilder struct {
	block         []termStat
	stats         map[string]*termStat
	order         []*termStat
	numbers, days []string
}

// add counts token t at position pos with weight w: a weekday or a figure
// goes to its list; a word not a stop word becomes a term, a name when
// capitalized (capsCount) other than a sentence's first word.
func (b *sigBuilder) add(t tok, pos int, w float64, capsCount bool) {
	low := strings.ToLower(t.text)
	if wd, ok := text.Weekday(low); ok {
		d := dayAbbrev[wd]
		if !contains(b.days, d) {
			b.days = append(b.days, d)
		}
		return
	}
	if n, ok := figure(t.text); ok {
		if len(b.numbers) < maxNumbers && !contains(b.numbers, n) {
			b.numbers = append(b.numbers, n)
		}
		return
	}
	if stopWords[low] || utf8.RuneCountInString(low) < 2 {
		return
	}
	first, _ := utf8.DecodeRuneInString(t.text)
	name := capsCount && unicode.IsUpper(first) && (!t.start || isAllCaps(t.text))
	term := fold(low)
	if !name {
		term = stem(term)
	}
	if term == "" || stopWords[term] {
		return
	}
	st := b.stats[term]
	if st == nil {
		b.block = append(b.block, termStat{term: term, first: pos})
		st = &b.block[len(b.block)-1]
		b.stats[term] = st
		b.order = append(b.order, st)
	}
	if common[term] {
		w *= 0.3
	}
	st.weight += w
	if name {
		st.entity = true
	}
}

// signature keeps the heaviest terms (names count 1.5 times; then the
// first seen), at most maxTerms of them and maxEntities names. The caller
// prepares it (Prepare, or similarity when it first compares it).
func (b *sigBuilder) signature() sig {
	slices.SortStableFunc(b.order, func(x, y *termStat) int {
		wx, wy := x.weight, y.weight
		if x.entity {
			wx *= 1.5
		}
		if y.entity {
			wy *= 1.5
		}
		switch {
		case wx > wy:
			return -1
		case wx < wy:
			return 1
		}
		return cmp.Compare(x.first, y.first)
	})
	s := sig{entities: make(map[string]bool, maxEntities), numbers: b.numbers, days: b.days,
		terms: make([]string, 0, min(len(b.order), maxTerms))}
	ents := 0
	for _, st := range b.order {
		if len(s.terms) >= maxTerms {
			break
		}
		if st.entity {
			if ents >= maxEntities {
				continue
			}
			ents++
			s.entities[st.term] = true
		}
		s.terms = append(s.terms, st.term)
	}
	return s
}

// leadOf is the first leadWords words of body.
func leadOf(body string) string {
	n := 0
	inWord := false
	for i, r := range body {
		if unicode.IsSpace(r) {
			if inWord {
				n++
				if n >= leadWords {
					return body[:i]
				}
			}
			inWord = false
		} else {
			inWord = true
		}
	}
	return body
}

// isTitleCase: most longer words of the headline are capitalized, so its
// capitals say nothing about names.
func isTitleCase(ts []tok) bool {
	long, caps := 0, 0
	for _, t := range ts {
		if utf8.RuneCountInString(t.text) < 4 {
			continue
		}
		long++
		r, _ := utf8.DecodeRuneInString(t.text)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return long > 0 && caps*10 > long*6
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters >= 2
}

// figure returns the normalized number of a token that states a figure:
// digits (with separators), not a year and not a single digit.
func figure(s string) (string, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return "", false
	}
	clean := strings.ReplaceAll(s, ",", "")
	for _, r := range clean {
		if (r < '0' || r > '9') && r != '.' {
			return "", false // 30th, 5G, 10am
		}
	}
	if v, err := strconv.ParseFloat(clean, 64); err == nil {
		if v < 10 || (v >= 1900 && v <= 2100 && !strings.Contains(clean, ".")) {
			return "", false
		}
	}
	return clean, true
}

// dayAbbrev writes a weekday in a signature (stored with it: never change).
var dayAbbrev = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// variants folds spellings of the same place or name.
var variants = map[string]string{
	"kiev": "kyiv", "kharkov": "kharkiv", "odessa": "odesa", "nikolaev": "mykolaiv", "mykolayiv": "mykolaiv",
	"zaporozhye": "zaporizhzhia", "zaporizhia": "zaporizhzhia", "dnipropetrovsk": "dnipro", "lvov": "lviv",
	"chernigov": "chernihiv", "donetsk": "donetsk", "lugansk": "luhansk", "kherson": "kherson",
	"met": "meet", "meeting": "meet", "meetings": "meet", "talk": "talks",
	"shot": "shoot", "downed": "down", "fired": "fire", "launched": "launch", "struck": "strike", "strikes": "strike",
	"ceasefire": "truce", "cease": "truce", "truce": "truce",
	"us": "us", "u": "u",
}

// fold maps transliteration variants to one spelling: -iy/-yy endings
// (Zelenskiy, Zelenskyy -> zelensky) and the known place-name pairs.
func fold(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	w = strings.ReplaceAll(w, "'", "")
	w = strings.ReplaceAll(w, "’", "")
	if v, ok := variants[w]; ok {
		return v
	}
	if len(w) > 5 && (strings.HasSuffix(w, "iy") || strings.HasSuffix(w, "yy")) {
		w = w[:len(w)-2] + "y"
	}
	return w
}

// stem is a light English suffix stripper (plurals, -ing, -ed); other
// scripts pass unchanged.
func stem(w string) string {
	for _, r := range w {
		if r > unicode.MaxASCII {
			return w
		}
	}
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case n > 5 && strings.HasSuffix(w, "ing"):
		return undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "eed"):
		return w[:n-1]
	case n > 4 && strings.HasSuffix(w, "ed"):
		return undouble(w[:n-2])
	case n > 3 && strings.HasSuffix(w, "es") && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

func undouble(w string) string {
	n := len(w)
	if n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		return w[:n-1]
	}
	if n > 2 && strings.HasSuffix(w, "at") || strings.HasSuffix(w, "iz") {
		return w + "e"
	}
	return w
}

// common are domain words present in most stories: they count, but little.
var common = map[string]bool{
	"ukraine": true, "ukrainian": true, "russia": true, "russian": true, "war": true, "kyiv": true, "moscow": true,
	"president": true, "official": true, "country": true, "military": true, "force": true, "minister": true,
	// the West and the Union that most of the war's diplomacy and aid names
	"european": true, "europe": true, "eu": true, "union": true, "western": true, "west": true,
	"україна": true, "україни": true, "росія": true, "росії": true,
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above across after again against ago ahead all almost along already also although always am among an and another any are around as at away back be became because been before being below between both but by can cannot could did do does doing done down during each either else enough even ever every few for from further get gets got had has have having he her here hers herself him himself his how however i if in including into is it its itself just last late later least less like made make many may me meanwhile might more most much must my near nearly neither never new news next no nor not now of off often on once one only onto or other others our ours out over own per perhaps please put quite rather really said same say saying says see seen several she should since so some still such than that the their theirs them themselves then there these they this those though through thus to told too toward towards two three under until up upon us very via was we were what whatever when where whether which while who whom whose why will with within without would yet you your according amid told added asked early earlier week weeks day days year years month months time times today yesterday tomorrow tonight morning evening night overnight hour hours people first second third mr mrs ms dr gen lt col sen rep gov st jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august september october november december am pm reuters ap afp bbc photo video read update updated live report reported reports statement state i e. що і в у на з із та й до за про від як це не але або чи по при для після так вже також він вона вони його її їх ще`) {
		m[w] = true
	}
	return m
}()
