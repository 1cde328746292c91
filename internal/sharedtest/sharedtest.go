// Package sharedtest locates the shared corpus and gold annotations for
// tests, and holds the helpers that the tests of several packages share.
//
// The shared material lives beside the repository (../shared from the module
// root) and is never committed. Tests that need it call Dir, which skips the
// test with a clear message when it is absent. THREADS_SHARED overrides the
// location.
package sharedtest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of the shared folder joined with elem, or
// skips the test when that path does not exist.
func Dir(t testing.TB, elem ...string) string {
	t.Helper()
	root := Root()
	if root == "" {
		t.Skip(notFound())
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not found; skipping test on the shared corpus", p)
	}
	return p
}

// notFound says why Root found no shared folder, naming THREADS_SHARED's
// value when it is set, as then ../shared is not looked for.
func notFound() string {
	if env := os.Getenv("THREADS_SHARED"); env != "" {
		return fmt.Sprintf("THREADS_SHARED=%s is not a folder (set it to the shared folder's path, or unset it to use ../shared beside the module root); skipping test on the shared corpus", env)
	}
	return "../shared not found beside the module root (set THREADS_SHARED to its path); skipping test on the shared corpus"
}

// Root returns the shared folder's absolute path, or "" when there is none.
func Root() string {
	if env := os.Getenv("THREADS_SHARED"); env != "" {
		if st, err := os.Stat(env); err == nil && st.IsDir() {
			return env
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(filepath.Dir(dir), "shared")
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				return p
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
