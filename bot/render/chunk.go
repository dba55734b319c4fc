package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/bot"
)

// MinLimit is the smallest limit Chunks honours; smaller limits are raised
// to it (a single escaped character with its markup must fit).
const MinLimit = 32

// Chunks renders r in format f as messages of at most limit characters
// (counted with Len, tags and entities included). It splits at paragraph
// boundaries first, then lines, sentences, words, and as a last resort
// between characters (never inside a UTF-8 sequence, a surrogate pair or a
// combining sequence). Each part is rendered on its own from the reply's
// spans, so every tag is balanced and no entity or escape is cut. A heading
// stays with the line after it. limit <= 0 means no limit.
func Chunks(r *bot.Reply, f Format, limit int) []string {
	if r == nil {
		return nil
	}
	rd := newRenderer(f, r.NoPreview)
	atoms := flatten(r)
	whole := rd.render(atoms, false)
	if whole == "" {
		return nil
	}
	if limit <= 0 || Len(whole) <= limit {
		return []string{whole}
	}
	limit = max(limit, MinLimit)
	p := &packer{rd: rd, limit: limit}
	p.addAll(paragraphs(atoms), levelPara)
	p.flush()
	return p.out
}

type level int

const (
	levelPara level = iota
	levelLine
	levelSentence
	levelWord
	levelCluster
	levelRune
)

// paragraphs groups atoms into paragraphs.
func paragraphs(atoms []atom) [][]atom {
	var out [][]atom
	for i, a := range atoms {
		if i == 0 || a.sep == sepPara {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], a)
	}
	return out
}

type packer struct {
	rd      *renderer
	limit   int
	cur     []atom
	head    int // leading atoms of cur that repeat a heading (0 or 1)
	out     []string
	scratch []atom // reused by fitsWith
}

// fitsWith reports whether the current atoms followed by groups render
// within the limit.
func (p *packer) fitsWith(groups [][]atom) bool {
	p.scratch = append(p.scratch[:0], p.cur...)
	for _, g := range groups {
		p.scratch = append(p.scratch, g...)
	}
	return Len(p.rd.render(p.scratch, false)) <= p.limit
}

// maxFit returns how many leading groups fit after the current atoms,
// by galloping then bisecting, so each message costs O(log n) renders.
func (p *packer) maxFit(groups [][]atom) int {
	lo, hi := 0, 1 // groups[:lo] fit; hi is the next size to try
	for hi <= len(groups) && p.fitsWith(groups[:hi]) {
		lo = hi
		hi *= 2
	}
	if hi > len(groups) {
		hi = len(groups) + 1
	}
	// groups[:lo] fit, groups[:hi] do not (or hi is past the end).
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if p.fitsWith(groups[:mid]) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// aloneFits reports whether g fits in a message of its own, with the
// heading such a message would repeat.
func (p *packer) aloneFits(g []atom) bool {
	return Len(p.rd.render(append(continued(g), g...), false)) <= p.limit
}

// continued is the heading a message that starts with g repeats: its
// paragraph's Continued, unless g opens with a heading of its own.
func continued(g []atom) []atom {
	if len(g) == 0 || g[0].cont == "" || g[0].kind != kindBody {
		return nil
	}
	return []atom{{kind: kindHeading, sep: sepPara, spans: []bot.Span{{Text: g[0].cont}}, seeded: true}}
}

// seed starts an empty message that will open with g with the heading it
// repeats: a message that starts within a section names the section.
func (p *packer) seed(g []atom) {
	if len(p.cur) == 0 {
		p.cur = continued(g)
		p.head = len(p.cur)
	}
}

// addAll packs groups (paragraphs, lines, sentences, ... as lv says) into
// messages, splitting a group that fits in no message at the next level.
func (p *packer) addAll(groups [][]atom, lv level) {
	for i := 0; i < len(groups); {
		p.seed(groups[i])
		if k := p.maxFit(groups[i:]); k > 0 {
			for _, g := range groups[i : i+k] {
				p.cur = append(p.cur, g...)
			}
			i += k
			continue
		}
		g := groups[i]
		i++
		if len(p.cur) > p.head && p.aloneFits(g) {
			p.flush()
			p.seed(g)
			p.cur = append(p.cur, g...)
			continue
		}
		if subs, sublv := subdivide(g, lv); subs != nil {
			p.addAll(subs, sublv)
			continue
		}
		// A single character that fits in no message: drop its link, then
		// send it, alone if need be.
		g = append([]atom(nil), g...)
		for j := range g {
			g[j].spans = unlink(g[j].spans)
		}
		if !p.fitsWith([][]atom{g}) {
			p.flush()
		}
		p.cur = append(p.cur, g...)
	}
}

func unlink(spans []bot.Span) []bot.Span {
	out := make([]bot.Span, len(spans))
	for i, s := range spans {
		s.URL = ""
		out[i] = s
	}
	return out
}

// flush emits the current message.
func (p *packer) flush() {
	if len(p.cur) > p.head { // a repeated heading alone is no message
		if s := p.rd.render(p.cur, false); strings.TrimSpace(s) != "" {
			p.out = append(p.out, s)
		}
	}
	p.cur, p.head = nil, 0
}

// subdivide splits a group into smaller groups at the next level, or returns
// nil when it cannot be split further.
func subdivide(g []atom, lv level) ([][]atom, level) {
	switch lv {
	case levelPara:
		// One group per line; a heading or title stays with the next line.
		var out [][]atom
		for i := 0; i < len(g); i++ {
			if g[i].kind != kindBody && i+1 < len(g) {
				out = append(out, []atom{g[i], g[i+1]})
				i++
				continue
			}
			out = append(out, []atom{g[i]})
		}
		if len(out) > 1 {
			return out, levelLine
		}
		return subdivide(g, levelLine)
	case levelLine:
		if len(g) > 1 {
			out := make([][]atom, len(g))
			for i := range g {
				out[i] = g[i : i+1]
			}
			return out, levelLine
		}
		for _, l := range []level{levelSentence, levelWord, levelCluster, levelRune} {
			if out := cut(g[0], l); len(out) > 1 {
				return out, l
			}
		}
	case levelSentence, levelWord, levelCluster:
		for l := lv + 1; l <= levelRune; l++ {
			if out := cut(g[0], l); len(out) > 1 {
				return out, l
			}
		}
	}
	return nil, lv
}

// cut splits one atom at the boundaries of level lv.
func cut(a atom, lv level) [][]atom {
	var text strings.Builder
	for _, s := range a.spans {
		text.WriteString(s.Text)
	}
	t := text.String()
	var cuts []int
	switch lv {
	case levelSentence:
		cuts = sentenceCuts(t)
	case levelWord:
		cuts = wordCuts(t)
	case levelCluster:
		cuts = clusterCuts(t)
	case levelRune:
		for i := range t {
			if i > 0 {
				cuts = append(cuts, i)
			}
		}
	}
	if len(cuts) == 0 {
		return nil
	}
	pieces := splitAt(a, cuts)
	out := make([][]atom, len(pieces))
	for i := range pieces {
		out[i] = pieces[i : i+1]
	}
	return out
}

// splitAt cuts the atom's spans at byte offsets of their joined text. The
// first piece keeps the atom's separator; the others continue its line.
func splitAt(a atom, cuts []int) []atom {
	var out []atom
	cur := atom{kind: a.kind, sep: a.sep, cont: a.cont}
	pos, ci := 0, 0
	for _, s := range a.spans {
		text := s.Text
		for ci < len(cuts) && cuts[ci] < pos+len(text) {
			k := cuts[ci] - pos
			if k > 0 {
				piece := s
				piece.Text = text[:k]
				cur.spans = append(cur.spans, piece)
				text, pos = text[k:], pos+k
			}
			if len(cur.spans) > 0 {
				out = append(out, cur)
				cur = atom{kind: a.kind, sep: sepNone, cont: a.cont}
			}
			ci++
		}
		if text != "" {
			piece := s
			piece.Text = text
			cur.spans = append(cur.spans, piece)
			pos += len(text)
		}
	}
	if len(cur.spans) > 0 {
		out = append(out, cur)
	}
	return out
}

// sentenceCuts returns the starts of sentences after the first: after
// whitespace that follows . ! ? or … (and any closing quotes or brackets).
func sentenceCuts(t string) []int {
	var cuts []int
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		for i < len(t) {
			r, n := utf8.DecodeRuneInString(t[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
		}
		if start == 0 || i >= len(t) {
			continue
		}
		j := start
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(t[:j])
			if strings.ContainsRune("\"')]»”’", r) {
				j -= n
				continue
			}
			if strings.ContainsRune(".!?…", r) {
				cuts = append(cuts, i)
			}
			break
		}
	}
	return cuts
}

// wordCuts returns the starts of words after the first.
func wordCuts(t string) []int {
	var cuts []int
	prevSpace := false
	for i, r := range t {
		sp := unicode.IsSpace(r)
		if !sp && prevSpace && i > 0 {
			cuts = append(cuts, i)
		}
		prevSpace = sp
	}
	return cuts
}

// clusterCuts returns character boundaries that do not split a combining
// sequence, an emoji joined with ZWJ, a modifier or a flag pair.
func clusterCuts(t string) []int {
	var cuts []int
	var prev rune
	ri := 0 // regional indicators in a row before i
	for i, r := range t {
		if i > 0 && !joins(prev, r) && !(isRI(r) && ri%2 == 1) {
			cuts = append(cuts, i)
		}
		if isRI(r) {
			ri++
		} else {
			ri = 0
		}
		prev = r
	}
	return cuts
}

func isRI(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

func joins(prev, r rune) bool {
	return prev == 0x200D || r == 0x200D || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) ||
		unicode.Is(unicode.Mc, r) || (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0x1F3FB && r <= 0x1F3FF) ||
		(r >= 0xE0020 && r <= 0xE007F)
}
