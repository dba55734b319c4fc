package text

import (
	"slices"
	"strings"
	"testing"
	"unsafe"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank", "  \n\t \n", nil},
		{"simple", "Drones hit Kharkiv. Two people were hurt.", []string{"Drones hit Kharkiv.", "Two people were hurt."}},
		{"no final period", "Talks resumed. Officials gave no date", []string{"Talks resumed.", "Officials gave no date"}},
		{"U.S. mid-sentence", "The U.S. envoy arrived in Paris. He met allies.", []string{"The U.S. envoy arrived in Paris.", "He met allies."}},
		{"U.S. at end before starter", "Aid came from the U.S. The shipment landed Monday.", []string{"Aid came from the U.S.", "The shipment landed Monday."}},
		{"U.K. before name", "Talks moved to the U.K. Parliament on Friday.", []string{"Talks moved to the U.K. Parliament on Friday."}},
		{"titles", "Lt. Gen. Oleh Marchenko and Sen. Jane Roe met Gov. Tom Smith. Dr. Ivanenko and Mr. Lee stayed.", []string{"Lt. Gen. Oleh Marchenko and Sen. Jane Roe met Gov. Tom Smith.", "Dr. Ivanenko and Mr. Lee stayed."}},
		{"months", "The strike came on Jan. 5 and again on Feb. 12. A third hit on Sept. 30 killed one.", []string{"The strike came on Jan. 5 and again on Feb. 12.", "A third hit on Sept. 30 killed one."}},
		{"month at end", "The truce held until late Feb. Then shelling resumed.", []string{"The truce held until late Feb.", "Then shelling resumed."}},
		{"etc and Inc", "They sent fuel, food, etc. The firm Acme Inc. said nothing. Sales fell.", []string{"They sent fuel, food, etc.", "The firm Acme Inc. said nothing.", "Sales fell."}},
		{"No. 5", "Unit No. 5 was hit. No. The other was not.", []string{"Unit No. 5 was hit.", "No.", "The other was not."}},
		{"initials", "John F. Kennedy spoke here in 1963. Harry S. Truman did too.", []string{"John F. Kennedy spoke here in 1963.", "Harry S. Truman did too."}},
		{"decimals and thousands", "Inflation hit 3.5% as 1,000 troops left. Prices rose 0.4 points.", []string{"Inflation hit 3.5% as 1,000 troops left.", "Prices rose 0.4 points."}},
		{"ellipsis lower", "He paused... and then went on. Done.", []string{"He paused... and then went on.", "Done."}},
		{"ellipsis omission", `He said "the charges are serious ... Republicans have abused them." Then he left.`, []string{`He said "the charges are serious ... Republicans have abused them."`, "Then he left."}},
		{"ellipsis upper", "He paused… Then he left.", []string{"He paused…", "Then he left."}},
		{"closing quote", `"We are ready," Macron said. "We will act." Starmer agreed.`, []string{`"We are ready," Macron said.`, `"We will act."`, "Starmer agreed."}},
		{"curly closing quote", "He said “it is over.” The talks ended.", []string{"He said “it is over.”", "The talks ended."}},
		{"closing bracket", "The town was hit (again.) Rescuers came.", []string{"The town was hit (again.)", "Rescuers came."}},
		{"question in quote", "“Why now?” she asked. Nobody knew!", []string{"“Why now?” she asked.", "Nobody knew!"}},
		{"question and exclamation", "Is it over? No! It is not.", []string{"Is it over?", "No!", "It is not."}},
		{"AP dateline", "KYIV, Ukraine (AP) — Russia launched 112 drones overnight. Most were downed.", []string{"KYIV, Ukraine (AP) — Russia launched 112 drones overnight.", "Most were downed."}},
		{"Reuters dateline", "KYIV (Reuters) - Air defences were active. Officials said so.", []string{"KYIV (Reuters) - Air defences were active.", "Officials said so."}},
		{"seed dateline", "KYIV, Ukraine — (AP) — U.S. trade envoy Jane Roe met officials. They talked.", []string{"KYIV, Ukraine — (AP) — U.S. trade envoy Jane Roe met officials.", "They talked."}},
		{"dateline on its own line", "WASHINGTON (AP) —\nThe Senate voted on aid. It passed.", []string{"WASHINGTON (AP) —\nThe Senate voted on aid.", "It passed."}},
		{"state dateline", "MOREHEAD, Ky. — As the rally began, police watched. Later, Orlando, Fla. Mayor Ann Roe said no one was hurt.", []string{"MOREHEAD, Ky. — As the rally began, police watched.", "Later, Orlando, Fla. Mayor Ann Roe said no one was hurt."}},
		{"state at end", "The plant is in Mobile, Ala. The owners said it will reopen.", []string{"The plant is in Mobile, Ala.", "The owners said it will reopen."}},
		{"url and email", "Read the report at https://example.org/a.b?x=1. Write to press@example.org for more. Thanks.", []string{"Read the report at https://example.org/a.b?x=1.", "Write to press@example.org for more.", "Thanks."}},
		{"time", "The alert ended at 5 a.m. Tuesday in Kyiv. Schools opened.", []string{"The alert ended at 5 a.m. Tuesday in Kyiv.", "Schools opened."}},
		{"paragraph break always ends", "A line without a stop\n\nNext paragraph here", []string{"A line without a stop", "Next paragraph here"}},
		{"hard wrap", "The report was long and\nwrapped at forty columns. It\nended here.", []string{"The report was long and\nwrapped at forty columns.", "It\nended here."}},
		{"cyrillic", "У ніч на 4 вересня противник атакував. Збито 84 БпЛА. Київ, м. Бровари.", []string{"У ніч на 4 вересня противник атакував.", "Збито 84 БпЛА.", "Київ, м. Бровари."}},
		{"air force bullets",
			"⚡️ ЗБИТО 84 ЦІЛІ\nУ ніч на 4 вересня противник атакував 112 БпЛА різних типів:\n- 4 ракети Х-101 (район пуску – Курська обл., - рф);\n- 108 ударних БпЛА типу Shahed;\nЗа попередніми даними, збито 84 цілі.",
			[]string{"⚡️ ЗБИТО 84 ЦІЛІ", "У ніч на 4 вересня противник атакував 112 БпЛА різних типів:", "- 4 ракети Х-101 (район пуску – Курська обл., - рф);", "- 108 ударних БпЛА типу Shahed;", "За попередніми даними, збито 84 цілі."}},
		{"emoji line", "Атаку відбито.\n❗️ Основний напрямок – Київ. [...]\nУсього 570 цілей.", []string{"Атаку відбито.", "❗️ Основний напрямок – Київ. [...]", "Усього 570 цілей."}},
		{"headline over a long line", "Drones downed over Kyiv overnight\nRussia launched 57 drones at Ukraine overnight into Monday, and air defences shot down most of them over the capital region, the Air Force said.",
			[]string{"Drones downed over Kyiv overnight", "Russia launched 57 drones at Ukraine overnight into Monday, and air defences shot down most of them over the capital region, the Air Force said."}},
		{"numbered list", "Three demands:\n1. A ceasefire.\n2. Prisoner swaps.", []string{"Three demands:", "1. A ceasefire.", "2. Prisoner swaps."}},
		{"citation marks", "Kyiv is the capital.[1] It is old.", []string{"Kyiv is the capital.[1]", "It is old."}},
		{"lower after period", "Use e.g. radar or i.e. sensors. Fine.", []string{"Use e.g. radar or i.e. sensors.", "Fine."}},
		{"et al", "Smith et al. (2020) found it. Others disagree.", []string{"Smith et al. (2020) found it.", "Others disagree."}},
		{"digit after period", "The year was 2022. 84 drones came in.", []string{"The year was 2022.", "84 drones came in."}},
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

// checkSubstrings fails unless every sentence is a trimmed substring of in
// (the very bytes of in, located by address), the sentences appear in order
// without overlap, and nothing but white space lies between them.
func checkSubstrings(t testing.TB, in string, got []string) {
	t.Helper()
	pos := 0
	for _, s := range got {
		if s == "" || s != strings.TrimSpace(s) {
			t.Fatalf("sentence %q is empty or untrimmed", s)
		}
		off := offset(in, s)
		if off < pos {
			t.Fatalf("sentence %q is not a substring of the input after offset %d", s, pos)
		}
		if gap := in[pos:off]; strings.TrimSpace(gap) != "" {
			t.Fatalf("text %q dropped before %q", gap, s)
		}
		pos = off + len(s)
	}
	if rest := in[pos:]; strings.TrimSpace(rest) != "" {
		t.Fatalf("text %q dropped at the end", rest)
	}
}

// offset returns where sub's bytes start inside s, or -1 when sub is not a
// slice of s.
func offset(s, sub string) int {
	if len(sub) == 0 || len(s) == 0 {
		return -1
	}
	d := int(uintptr(unsafe.Pointer(unsafe.StringData(sub))) - uintptr(unsafe.Pointer(unsafe.StringData(s))))
	if d < 0 || d+len(sub) > len(s) {
		return -1
	}
	return d
}

func TestParagraphs(t *testing.T) {
	in := "First para\nstill first.\n\n  \nSecond.\r\n\r\nThird\n"
	want := []string{"First para\nstill first.", "Second.", "Third"}
	if got := Paragraphs(in); !slices.Equal(got, want) {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
	if got := Paragraphs("\n\n \n"); got != nil {
		t.Errorf("Paragraphs(blank) = %q, want nil", got)
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Russia's 112 drones, 3.5% and 1,000 troops.", []string{"russia", "112", "drones", "3.5", "and", "1,000", "troops"}},
		{"Don't STOP—now.", []string{"don't", "stop", "now"}},
		{"Збито 84 БпЛА, п’ять ракет Х-101", []string{"збито", "84", "бпла", "п’ять", "ракет", "х", "101"}},
		{"... --- !!!", nil},
		{"end 5.", []string{"end", "5"}},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNextWordAllocs(t *testing.T) {
	s := "Air defences shot down or jammed 91 drones, officials said on Tuesday."
	buf := make([]byte, 0, 64)
	n := testing.AllocsPerRun(100, func() {
		for i := 0; ; {
			w, next := NextWord(s, i)
			if w == "" {
				break
			}
			buf = AppendLower(buf[:0], w)
			_ = Stem(Lower(w[1:]))
			i = next
		}
	})
	if n != 0 {
		t.Errorf("NextWord+AppendLower+Stem allocated %v times per run, want 0", n)
	}
}

func TestStopWordsAndStem(t *testing.T) {
	for _, w := range []string{"the", "and", "said", "та", "що"} {
		if !IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = false", w)
		}
	}
	for _, w := range []string{"drones", "russia", "ракет"} {
		if IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = true", w)
		}
	}
	pairs := [][2]string{{"drones", "drone"}, {"attacked", "attack"}, {"talks", "talk"}, {"countries", "country"}, {"stopping", "stop"}, {"guarantees", "guarantee"}}
	for _, p := range pairs {
		if Stem(p[0]) != Stem(p[1]) {
			t.Errorf("Stem(%q)=%q != Stem(%q)=%q", p[0], Stem(p[0]), p[1], Stem(p[1]))
		}
	}
	if got := Stem("ракети"); got != "ракети" {
		t.Errorf("Stem of a non-ASCII word = %q, want it unchanged", got)
	}
}

func TestSentencesAllocs(t *testing.T) {
	s := strings.Repeat("Lt. Gen. Smith said 3.5 drones hit the U.S. base. ", 20)
	n := testing.AllocsPerRun(20, func() { _ = Sentences(s) })
	// Only the result slice grows: log2(20)+1 appends at most.
	if n > 7 {
		t.Errorf("Sentences allocated %v times for 20 sentences", n)
	}
}

func FuzzSentences(f *testing.F) {
	seeds := []string{
		"", ".", "...", "a. b", "U.S. Gen. X. Y", "“Why?” he asked.", "- 1;\n- 2;\n\nEnd",
		"KYIV (AP) — Drones. 3.5 1,000.\n\n", "[1] [22]. x", "Київ. [...]\nУсього.", "\xff\xfe. A",
		"№. 5", "A.B.C. D", "1. a\n2. b", "WASHINGTON (AP) —\nX.",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Sentences(s)
		checkSubstrings(t, s, got)
		for _, p := range Paragraphs(s) {
			if !strings.Contains(s, p) {
				t.Fatalf("paragraph %q not in input", p)
			}
		}
	})
}

func BenchmarkSentences(b *testing.B) {
	s := strings.Repeat("KYIV, Ukraine (AP) — Russia fired 112 drones overnight, Lt. Gen. Ivan Petrenko said on Sept. 4. Air defenses downed 84 of them (75%). “We are ready,” Mr. Macron said.\n\n", 50)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = Sentences(s)
	}
}

// TestSentencesLargeInputs runs pathological 1 MB inputs. The splitter reads
// each byte a bounded number of times (every backward or forward look stops
// at the nearest space or line break), so these finish in milliseconds; a
// quadratic regression would show up as a test timeout.
func TestSentencesLargeInputs(t *testing.T) {
	const size = 1 << 20
	inputs := map[string]string{
		"dots":          strings.Repeat(".", size),
		"spaces":        strings.Repeat(" ", size),
		"newlines":      strings.Repeat("\n", size),
		"blank lines":   strings.Repeat(" \n", size/2),
		"one long word": strings.Repeat("a", size) + ". B",
		"numbers":       strings.Repeat("1. ", size/3),
		"abbrevs":       strings.Repeat("U.S. Gen. ", size/10),
		"bullets":       strings.Repeat("- x;\n", size/5),
		"ellipses":      strings.Repeat("a… ", size/5),
		"quotes":        strings.Repeat(".\"”’)] ", size/12),
		"no spaces":     strings.Repeat("a.b?c!", size/6),
		"cyrillic":      strings.Repeat("Збито м. Київ. ", size/24),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			got := Sentences(in)
			if len(got) > len(in) {
				t.Fatalf("%d sentences from %d bytes", len(got), len(in))
			}
			checkSubstrings(t, in, got)
		})
	}
}
