package classify

import (
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings/text"
)

// stopStems are the normalised forms of Ukrainian and Russian function words
// (prepositions, conjunctions, pronouns, particles, auxiliaries) that carry
// no topic, and the names of days and months in the three languages (a date
// says when, never what about); English function words come from
// text.IsStopWord. A stop word is no word feature and breaks no word pair,
// but still counts for concepts.
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
	// dates say when, never what about
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october", "november", "december", "today",
	"yesterday", "tomorrow", "week", "year", "day", "month", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec",
	"понеділок", "вівторок", "середа", "четвер", "пʼятниця", "п'ятниця", "субота", "неділя", "січня", "лютого",
	"березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня",
	"сьогодні", "вчора", "завтра", "тиждень", "року", "рік", "день", "доби",
	"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "января", "февраля",
	"марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
	"сегодня", "вчера", "неделя", "года", "год", "сутки",
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
