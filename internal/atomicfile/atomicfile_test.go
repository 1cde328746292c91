package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	for _, content := range []string{"first", "second, longer"} {
		if err := Write(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("read %q (%v), want %q", got, err, content)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := Write(filepath.Join(dir, "missing", "out.txt"), nil); err == nil {
		t.Error("writing into a missing folder should fail")
	}
}

// TestCreateChecksThePath checks that Create refuses, with the reason, a
// path it could never commit to, before anything is written.
func TestCreateChecksThePath(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, path, want string }{
		{"missing folder", filepath.Join(dir, "missing", "out.txt"), "folder " + filepath.Join(dir, "missing") + " does not exist"},
		{"a folder", dir, "it is a folder"},
		{"inside a file", filepath.Join(file, "out.txt"), "is a file, not a folder"},
	} {
		f, err := Create(tt.path)
		if err == nil {
			f.Abort()
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), ".tmp-") {
			t.Errorf("%s: %v, want %q and no temporary name", tt.name, err, tt.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}

// TestAbortLeavesThePath checks that an aborted file leaves the path as it
// was and no temporary file behind, and that Abort after Commit does
// nothing.
func TestAbortLeavesThePath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := Write(path, []byte("kept")); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("lost")
	f.Abort()
	if got, _ := os.ReadFile(path); string(got) != "kept" {
		t.Errorf("after Abort: %q, want %q", got, "kept")
	}
	f, err = Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("new")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Abort()
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("after Commit and Abort: %q, want %q", got, "new")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}
