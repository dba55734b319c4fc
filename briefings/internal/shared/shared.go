// Package shared finds the folder shared beside the repository (../shared:
// the evaluation corpus and the seed article) for tests and benchmarks. Its
// texts are read at test time and never copied into the repository; tests
// that need them skip when the folder is absent.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the module root (the folder holding go.mod), or skips.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// Dir returns ../shared/<name> beside the module root, or skips with a
// message when it is absent.
func Dir(t testing.TB, name string) string {
	t.Helper()
	d := filepath.Join(Root(t), "..", "shared", name)
	if _, err := os.Stat(d); err != nil {
		t.Skipf("%s absent at %s (it lies beside the repository in CI): %v", name, d, err)
	}
	return d
}

// Corpus returns ../shared/corpus, or skips.
func Corpus(t testing.TB) string { t.Helper(); return Dir(t, "corpus") }

// Seed returns ../shared/seed, or skips.
func Seed(t testing.TB) string { t.Helper(); return Dir(t, "seed") }
