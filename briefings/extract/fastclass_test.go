package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestRuneClassesMatchUnicode checks the fast rune classes and lower-casing
// of the tokenizer against package unicode for every rune.
func TestRuneClassesMatchUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isLetter(r) != unicode.IsLetter(r) {
			t.Fatalf("isLetter(%U) = %v", r, isLetter(r))
		}
		if isDigit(r) != unicode.IsDigit(r) {
			t.Fatalf("isDigit(%U) = %v", r, isDigit(r))
		}
		if isMark(r) != unicode.Is(unicode.Mn, r) {
			t.Fatalf("isMark(%U) = %v", r, isMark(r))
		}
		if lowerRune(r) != unicode.ToLower(r) {
			t.Fatalf("lowerRune(%U) = %U", r, lowerRune(r))
		}
	}
}

func TestLowerWord(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC", "Київ", "КИЇВ", "ҐАНОК", "Ґанок", "ÉCOLE", "İstanbul", "Ѐѐ", "Х-101", "X-101", "a\xffB", "\xff", "ΣΊΣΥΦΟΣ", "mixedКИРИЛИЦЯ", "ẞ"} {
		if got, want := lowerWord(s), strings.ToLower(s); got != want {
			t.Errorf("lowerWord(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzLowerWord(f *testing.F) {
	for _, s := range []string{"Київ", "ABC", "İ", "a\xffB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lowerWord(s), strings.ToLower(s); got != want {
			t.Errorf("lowerWord(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzDecodeAt(f *testing.F) {
	for _, s := range []string{"Київ", "a", "\xc2", "\xc1\xbf", "\xd0\x9a\xff", "€", "\xe2\x82"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			r, w := decodeAt(s, i)
			r2, w2 := utf8.DecodeRuneInString(s[i:])
			if r != r2 || w != w2 {
				t.Fatalf("decodeAt(%q, %d) = %U, %d; want %U, %d", s, i, r, w, r2, w2)
			}
		}
	})
}
