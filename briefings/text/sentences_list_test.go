package text

import (
	"slices"
	"testing"
)

// TestSentencesListLines: a channel's post whose lines are the items of a
// list (an emoji before each item, a keycap number, or a header with a colon
// over unmarked items) keeps each line a sentence of its own, however the
// line ends. Paraphrased, own wording.
func TestSentencesListLines(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"emoji item before prose",
			"Знешкоджено над областями:\n🔹 Волинь – 3 дрони\n🔹 Рівненщина – 2 дрони\nВибухи чули також у Луцьку.",
			[]string{"Знешкоджено над областями:", "🔹 Волинь – 3 дрони", "🔹 Рівненщина – 2 дрони", "Вибухи чули також у Луцьку."}},
		{"emoji title over a lower-case line",
			"▶ Підсумки 5 травня\nкоротке відео від редакції каналу\n\nДалі текст.",
			[]string{"▶ Підсумки 5 травня", "коротке відео від редакції каналу", "Далі текст."}},
		{"emoji title over a date line",
			"📝Огляд дня📝\nЗа 5 травня 2026 року",
			[]string{"📝Огляд дня📝", "За 5 травня 2026 року"}},
		{"keycap numbers",
			"Головне за ніч:\n1️⃣ Збито 40 дронів\n2️⃣ Уламки впали на Черкащині\nДеталі згодом.",
			[]string{"Головне за ніч:", "1️⃣ Збито 40 дронів", "2️⃣ Уламки впали на Черкащині", "Деталі згодом."}},
		{"unmarked items under a colon header",
			"Groups of drones were seen:\nTwo over the Poltava region, heading west;\nOne in the Sumy region, heading south;\nThree near Chernihiv\nThe capital is under threat.",
			[]string{"Groups of drones were seen:", "Two over the Poltava region, heading west;", "One in the Sumy region, heading south;", "Three near Chernihiv", "The capital is under threat."}},
		{"unmarked figures under a colon header",
			"💥 Збито 26 цілей:\n20 БпЛА\n6 ракет Х-101",
			[]string{"💥 Збито 26 цілей:", "20 БпЛА", "6 ракет Х-101"}},
		// Must not change.
		{"one item under its header stays one sentence",
			"Полтавщина:\n1х з півночі на Кременчук",
			[]string{"Полтавщина:\n1х з півночі на Кременчук"}},
		{"wrapped prose after a colon",
			"The ministry listed its demands:\nan end to the shelling, a\nswap of prisoners and talks. Nothing else.",
			[]string{"The ministry listed its demands:\nan end to the shelling, a\nswap of prisoners and talks.", "Nothing else."}},
		{"emoji line going on after a comma",
			"⚠️ Загроза для Київщини,\nЧеркащини та Полтавщини",
			[]string{"⚠️ Загроза для Київщини,\nЧеркащини та Полтавщини"}},
		{"hard wrap", "The report was long and\nwrapped at forty columns. It\nended here.",
			[]string{"The report was long and\nwrapped at forty columns.", "It\nended here."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
			checkSubstrings(t, tt.in, got)
		})
	}
}
