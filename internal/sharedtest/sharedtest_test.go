package sharedtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// skipRecorder is a testing.TB whose Skip and Skipf record the message and
// stop the caller by panicking with the recorder, as a real Skip stops the
// test.
type skipRecorder struct {
	testing.TB
	msg string
}

func (r *skipRecorder) Helper() {}

func (r *skipRecorder) Skip(args ...any) {
	r.msg = fmt.Sprint(args...)
	panic(r)
}

func (r *skipRecorder) Skipf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
	panic(r)
}

// dirOrSkip calls Dir and returns its path, or the message it skipped with.
func dirOrSkip(t *testing.T, elem ...string) (path, skipped string) {
	r := &skipRecorder{TB: t}
	defer func() {
		if v := recover(); v != nil {
			if v != r {
				panic(v)
			}
			skipped = r.msg
		}
	}()
	return Dir(r, elem...), ""
}

// TestDirSkipMessage checks what Dir returns, or the message it skips
// with: the value of THREADS_SHARED when that names no folder, ../shared
// when it is unset and there is none beside the module root, and the path
// of a missing folder inside the shared one.
func TestDirSkipMessage(t *testing.T) {
	tmp := t.TempDir()
	shared := filepath.Join(tmp, "shared")
	file := filepath.Join(tmp, "file")
	module := filepath.Join(tmp, "lone", "module") // no ../shared beside it
	for _, dir := range []string{filepath.Join(shared, "corpus"), module} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for path, content := range map[string]string{file: "x", filepath.Join(module, "go.mod"): "module lone\n"} {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		env     string
		elem    []string
		path    string // what Dir returns, "" when it skips
		skipped string // what the skip message holds
	}{
		{"THREADS_SHARED missing", filepath.Join(tmp, "nowhere"), []string{"corpus"}, "", "THREADS_SHARED=" + filepath.Join(tmp, "nowhere") + " is not a folder"},
		{"THREADS_SHARED a file", file, []string{"corpus"}, "", "THREADS_SHARED=" + file + " is not a folder"},
		{"THREADS_SHARED unset", "", []string{"corpus"}, "", "../shared not found beside the module root (set THREADS_SHARED to its path)"},
		{"folder missing inside", shared, []string{"gold"}, "", filepath.Join(shared, "gold") + " not found"},
		{"found", shared, []string{"corpus"}, filepath.Join(shared, "corpus"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("THREADS_SHARED", tt.env)
			t.Chdir(module)
			path, skipped := dirOrSkip(t, tt.elem...)
			if path != tt.path || tt.skipped == "" && skipped != "" || !strings.Contains(skipped, tt.skipped) {
				t.Errorf("Dir gives %q, skips with %q; want %q, a skip holding %q", path, skipped, tt.path, tt.skipped)
			}
		})
	}
}
