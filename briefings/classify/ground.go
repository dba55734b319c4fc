package classify

import "github.com/sitrep/sitrep/briefings"

// groundWords name the guns of the ground war: tube and rocket artillery,
// mortars. Air attacks are strikes by drones, missiles, glide bombs or
// aircraft; a town shelled by artillery and mortars alone is the ground war
// (Front line), however much the model's words of shelling and damage lean
// towards Air attacks. The words are read as stems, like the model's.
var groundWords = []string{
	"artillery", "mortar", "mortars", "howitzer", "howitzers", "mlrs",
	"артилерія", "артилерії", "артилерією", "артилерійський", "артилерійських",
	"артиллерия", "артиллерии", "артиллерией", "артиллерийский", "артиллерийских",
	"міномет", "мінометів", "мінометами", "мінометний", "мінометних",
	"миномет", "минометов", "минометами", "минометный", "минометных",
	"гаубиця", "гаубиці", "гаубиц", "гаубица", "гаубицы",
	"рсзв", "рсзо",
}

// groundStems returns the stems of groundWords.
func groundStems() map[string]bool {
	var tk tokenizer
	out := map[string]bool{}
	for _, w := range groundWords {
		for _, s := range tk.tokens(w) {
			out[s] = true
		}
	}
	return out
}

// groundFireOnly reports whether a's title and text name a weapon of the
// ground war and no word of the air (a drone, a missile, a bomb, air
// defence).
func (f *featurizer) groundFireOnly(tk *tokenizer, a *briefings.Article) bool {
	title, text := articleText(a)
	tk.lex = f.lex
	ground := false
	for _, s := range []string{title, text} {
		for i, w := range tk.tokens(s) {
			if tk.concepts[i] == f.air {
				return false
			}
			ground = ground || f.ground[w]
		}
	}
	return ground
}
