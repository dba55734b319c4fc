package text

import (
	"strings"
	"testing"
)

func TestLanguage(t *testing.T) {
	uk := "Уночі ворог атакував область дронами, є пошкодження інфраструктури, повідомила їхня служба."
	ru := "Ночью противник атаковал область беспилотниками, объекты энергетики повреждены, сообщили в штабе."
	en := "The army said on Monday that the drones were shot down over the region and that nobody was hurt."
	de := "Die Regierung hat am Montag neue Regeln beschlossen, sagte ein Sprecher nach der Sitzung."
	neutral := "Спасатели работали в городе до самого утра вместе с медиками" // no letter only one language writes
	cases := []struct {
		name, declared, text, want string
	}{
		{"Ukrainian text under an English tag", "en", uk, "uk"},
		{"Russian text under an English tag", "en", ru, "ru"},
		{"Russian item of a feed tagged Ukrainian", "uk", ru, "ru"},
		{"Ukrainian item of a feed tagged Russian", "ru-RU", uk, "uk"},
		{"tag agrees", "uk", uk, "uk"},
		{"untagged Cyrillic", "", ru, "ru"},
		{"Ukrainian text quoting one Russian word keeps Ukrainian", "ru", uk + " Слово «объект» у цитаті.", "uk"},
		{"Cyrillic without a sign keeps a Cyrillic tag", "ru", neutral, "ru"},
		{"Cyrillic without a sign under a Latin tag is unknown", "en", neutral, ""},
		{"another Cyrillic language's tag is kept", "bg", ru, "bg"},
		{"English text under a Russian tag", "ru", en, "en"},
		{"untagged English", "", en, "en"},
		{"German under a Ukrainian tag is not called English", "uk", de, ""},
		{"a Latin tag on Latin text is kept", "de", de, "de"},
		{"a Latin tag on English text is kept", "en-GB", en, "en"},
		{"short text keeps its tag", "en", "Київ", "en"},
		{"mixed scripts keep the tag", "uk", "Shahed Шахед Geran Герань drones дрони", "uk"},
	}
	for _, c := range cases {
		if got := Language(c.declared, c.text); got != c.want {
			t.Errorf("%s: Language(%q, ...) = %q, want %q", c.name, c.declared, got, c.want)
		}
	}
}

// TestLanguageReadsOnlyTheSample: a long text is judged on its start.
func TestLanguageReadsOnlyTheSample(t *testing.T) {
	start := strings.Repeat("Уночі ворог атакував область дронами. ", 200)
	if len(start) < maxLangSample {
		t.Fatalf("sample too short: %d", len(start))
	}
	if got := Language("en", start+strings.Repeat("Объекты повреждены, сообщили в штабе. ", 500)); got != "uk" {
		t.Errorf("got %q, want uk (the start decides)", got)
	}
}

// BenchmarkLanguage: a long Cyrillic text under a Latin tag, and a long
// English text under a Cyrillic tag (the word count runs).
func BenchmarkLanguage(b *testing.B) {
	for _, c := range []struct{ name, tag, text string }{
		{"cyrillic", "en", strings.Repeat("Уночі ворог атакував область дронами, є пошкодження. ", 100)},
		{"latin", "uk", strings.Repeat("The army said the drones were shot down over the region. ", 100)},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Language(c.tag, c.text)
			}
		})
	}
}
