package classify

import (
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings/text"
)

// stopStems are the normalised forms of Ukrainian and Russian function words
// (prepositions, conjunctions, pronouns, particles, auxiliaries) that carry
// no topic; English ones come from text.IsStopWord. A stop word is no word
// feature and breaks no word pair, but still counts for concepts.
var stopWords = []string{
	"що", "як", "який", "яка", "які", "якого", "це", "цей", "ця", "ці", "цього", "той", "та", "ті", "той",
	"він", "вона", "воно", "вони", "його", "її", "їх", "ми", "ви", "ми", "нас", "вас", "свої", "свій", "також",
	"але", "або", "чи", "щоб", "коли", "де", "тут", "там", "вже", "ще", "теж", "лише", "тільки", "був",
	"була", "було", "були", "буде", "будуть", "бути", "має", "мають", "може", "можуть", "про", "для", "від",
	"після", "через", "під", "над", "між", "без", "біля", "проти", "серед", "понад", "щодо", "все", "всі",
	"усі", "весь", "свою", "своє", "наш", "наші", "його", "цьому", "того", "тому", "так", "ні", "не",
	"что", "как", "какой", "какая", "какие", "это", "этот", "эта", "эти", "этого", "тот", "те", "он", "она",
	"оно", "они", "его", "ее", "их", "мы", "вы", "свои", "свой", "также", "но", "или", "ли", "чтобы", "когда",
	"где", "тут", "там", "уже", "еще", "тоже", "лишь", "только", "был", "была", "было", "были", "будет",
	"будут", "быть", "может", "могут", "про", "для", "от", "после", "через", "под", "над", "между", "без",
	"около", "против", "среди", "более", "все", "весь", "свою", "наш", "наши", "этом", "того", "тому",
	"так", "нет", "не", "который", "которая", "которые", "которых", "котор", "заявил", "заявила", "заявив",
	"заявила", "сказал", "сказав", "сообщил", "повідомив", "повідомили", "сообщили",
}

// stopSet returns the normalised stop words.
func stopSet() map[string]bool {
	set := map[string]bool{}
	var tk tokenizer
	for _, w := range stopWords {
		for _, s := range tk.tokens(w) {
			set[s] = true
		}
	}
	return set
}

// isStop reports a stem that makes no word feature: a stop word, or a word
// of one or two letters.
func (f *featurizer) isStop(w string) bool {
	if utf8.RuneCountInString(w) <= 2 && w != "#" {
		return true
	}
	return f.stop[w] || text.IsStopWord(w)
}
