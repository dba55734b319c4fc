package extract

import "strings"

// Whose figures (stage 3): a source named in a sentence before the figures
// ("the Air Force reported it:", a headline's "Russia says ...") is theirs
// only when it spoke of the same side's attack, and when the figures'
// own sentence names no other speaker.

// pendingFits: the source named before any figure may be the source of
// the figures of the sentence toks, placed in e. A source that spoke of the
// other side's attack (Ukraine's General Staff on a strike Russia blames on
// Ukraine) is not; nor is one when the sentence names its own speaker whom
// the reader does not know ("the embassy said", "Russian officials said",
// "according to investigators").
func (r *reader) pendingFits(e *event, toks []token) bool {
	if !r.rs.on(rulePendingSource) {
		return true
	}
	if r.pendingSide != sideNone && r.pendingSide != e.attacker {
		return false
	}
	return !ownSpeaker(toks)
}

// ownSpeaker: the sentence names who speaks: a reporting verb with a noun
// as its subject ("the embassy said", "officials claimed", "said the
// Kremlin"), or "according to" a noun; a pronoun ("it said", "he added")
// refers to someone named before.
func ownSpeaker(toks []token) bool {
	for i := range toks {
		lw := toks[i].low
		if lw == "according" && i+2 < len(toks) && toks[i+1].low == "to" {
			if w := toks[i+2].low; !pronoun(w) && !(w == "the" && i+3 < len(toks) && roleNoun(toks[i+3].low)) {
				return true
			}
			continue
		}
		if !speechVerb(lw) && lw != "claimed" && lw != "claims" && lw != "announced" && lw != "told" {
			continue
		}
		k := i - 1
		for k >= 0 && (toks[k].low == "had" || toks[k].low == "has" || toks[k].low == "have" || strings.HasSuffix(toks[k].low, "ly")) {
			k--
		}
		if k >= 0 && toks[k].kind == kWord && !pronoun(toks[k].low) && !roleNoun(toks[k].low) {
			return true // "the embassy said"
		}
		if i+2 < len(toks) && toks[i+1].low == "the" && toks[i+2].kind == kWord && !roleNoun(toks[i+2].low) {
			return true // "said the embassy"
		}
	}
	return false
}

func pronoun(w string) bool {
	switch w {
	case "it", "he", "she", "they", "we", "i", "you", "who", "which", "that", "him", "her", "them", "us", "this":
		return true
	}
	return false
}

// roleNoun: a speaker named by the role, who speaks for the body named
// before ("the spokesman said", "its press service said").
func roleNoun(w string) bool {
	switch w {
	case "spokesman", "spokeswoman", "spokesperson", "representative", "commander", "service", "chief", "head":
		return true
	}
	return false
}
