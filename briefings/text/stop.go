package text

import "slices"

// IsStopWord reports whether the lower-case word w is an English or Ukrainian
// function word that carries no topic.
func IsStopWord(w string) bool {
	return stopWords[w]
}

// StopWords lists the stop words, sorted.
func StopWords() []string {
	out := make([]string, 0, len(stopWords))
	for w := range stopWords {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}

var stopWords = wordSet(
	// English
	"a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
	"and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before",
	"being", "below", "between", "both", "but", "by", "can", "cannot", "could",
	"couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down",
	"during", "each", "even", "ever", "few", "for", "from", "further", "had",
	"hadn't", "has", "hasn't", "have", "haven't", "having", "he", "her", "here",
	"hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in",
	"into", "is", "isn't", "it", "its", "itself", "just", "last", "let", "like",
	"made", "make", "many", "may", "me", "might", "more", "most", "much", "must",
	"my", "myself", "new", "no", "nor", "not", "now", "of", "off", "on", "once",
	"one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
	"per", "put", "said", "same", "say", "says", "see", "she", "should", "shouldn't",
	"since", "so", "some", "still", "such", "than", "that", "the", "their",
	"theirs", "them", "themselves", "then", "there", "these", "they", "this",
	"those", "though", "through", "thus", "to", "too", "told", "under", "until",
	"up", "upon", "us", "very", "was", "wasn't", "way", "we", "well", "were",
	"weren't", "what", "when", "where", "whether", "which", "while", "who", "whom",
	"whose", "why", "will", "with", "within", "without", "won't", "would",
	"wouldn't", "yet", "you", "your", "yours", "yourself", "s", "t", "mr", "mrs",
	"ms", "dr", "get", "got", "going", "take", "two", "three", "year", "years",
	"according", "already", "another", "around", "away", "back", "became",
	"become", "every", "go", "know", "less", "lot", "never", "often", "rather",
	"really", "seem", "seemed", "several", "something", "thing", "things",
	"think", "want", "across", "along", "among", "amid", "amongst", "onto",
	// Ukrainian
	"і", "й", "та", "а", "але", "або", "в", "у", "на", "з", "із", "зі", "до",
	"від", "по", "за", "для", "про", "при", "що", "як", "це", "цей", "ця", "ці",
	"той", "та", "ті", "він", "вона", "воно", "вони", "ми", "ви", "я", "не", "ні",
	"так", "також", "вже", "ще", "було", "був", "була", "були", "є", "бути",
	"який", "яка", "які", "яке", "його", "її", "їх", "над", "під", "між", "через",
	"після", "під", "щоб", "чи", "лише", "тому", "коли", "де", "свої", "своїх",
)
