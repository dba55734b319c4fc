package store

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzStringsJSON: the fast path decodes exactly what encoding/json does,
// and fails where it fails.
func FuzzStringsJSON(f *testing.F) {
	for _, s := range []string{
		``, `null`, `[]`, `["air_attacks"]`, `["air_attacks","diplomacy"]`,
		`["Дрони атакували Київ уночі."]`, `["a \"quoted\" word"]`, `["\u003cb\u003e"]`,
		`[ "a"]`, `["a" ,"b"]`, `["a",]`, `["a"`, `[1]`, `["a","b"`, `[""]`, `["",""]`, "[\"\xff\"]", "[\"a\tb\"]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := stringsJSON(s)
		var want []string
		var werr error
		if s != "" && s != "null" {
			werr = json.Unmarshal([]byte(s), &want)
		}
		if (err != nil) != (werr != nil) {
			t.Fatalf("%q: error %v, encoding/json %v", s, err, werr)
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %#v, encoding/json %#v", s, got, want)
		}
	})
}

func BenchmarkStringsJSON(b *testing.B) {
	s := `["The air force said 84 of 112 drones were shot down or jammed overnight.","Debris fell in two districts of the city."]`
	for b.Loop() {
		if _, err := stringsJSON(s); err != nil {
			b.Fatal(err)
		}
	}
}
