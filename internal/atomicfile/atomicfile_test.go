package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
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

// TestCreateRefusesReadOnlyFile checks that a file made read-only is
// refused, as a shell redirect refuses it, and left as it was.
func TestCreateRefusesReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, for whom no file is read-only")
	}
	path := filepath.Join(t.TempDir(), "keep.md")
	if err := os.WriteFile(path, []byte("precious\n"), 0o444); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err == nil {
		f.Abort()
		t.Fatal("a read-only file was accepted")
	}
	if !strings.Contains(err.Error(), "read-only") {
		t.Errorf("error %q does not say the file is read-only", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "precious\n" {
		t.Errorf("the file now holds %q", data)
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

// TestModeAndLinks checks what a shell redirect would do: a file written
// over another keeps its mode, and a path that is a symbolic link is
// written where it points (even when nothing is there yet), the link kept.
func TestModeAndLinks(t *testing.T) {
	dir := t.TempDir()
	private := filepath.Join(dir, "private.md")
	if err := os.WriteFile(private, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(private, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(private, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(private); err != nil || runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("a 0600 file written over: %v (%v), want -rw-------", st.Mode(), err)
	}

	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, link, dest, target string }{
		{"to a file", filepath.Join(dir, "link.md"), "private.md", private},
		{"to nothing yet", filepath.Join(dir, "dangling.md"), "sub/later.md", filepath.Join(sub, "later.md")},
		{"up a folder", filepath.Join(sub, "up.md"), "../up-target.md", filepath.Join(dir, "up-target.md")},
	} {
		if err := os.Symlink(tt.dest, tt.link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		if err := Write(tt.link, []byte(tt.name)); err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if st, err := os.Lstat(tt.link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s: the link was replaced: %v (%v)", tt.name, st.Mode(), err)
		}
		if got, err := os.ReadFile(tt.target); err != nil || string(got) != tt.name {
			t.Errorf("%s: the file pointed to holds %q (%v), want %q", tt.name, got, err, tt.name)
		}
	}
	if st, _ := os.Stat(private); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("a 0600 file written through a link: %v, want -rw-------", st.Mode())
	}
	for _, d := range []string{dir, sub} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") {
				t.Errorf("temporary file left behind: %s", filepath.Join(d, e.Name()))
			}
		}
	}
}

// TestAbortAll checks that AbortAll removes the temporary files of the
// files not yet committed, leaves their paths as they were, and makes a
// later Commit fail rather than write.
func TestAbortAll(t *testing.T) {
	dir := t.TempDir()
	kept := filepath.Join(dir, "kept.txt")
	if err := Write(kept, []byte("kept")); err != nil {
		t.Fatal(err)
	}
	var files []*File
	for _, name := range []string{"kept.txt", "new.txt"} {
		f, err := Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("lost")
		files = append(files, f)
	}
	done, err := Create(filepath.Join(dir, "done.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := done.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := AbortAll(); n != 2 {
		t.Errorf("AbortAll aborted %d files, want 2", n)
	}
	if n := AbortAll(); n != 0 {
		t.Errorf("a second AbortAll aborted %d files, want 0", n)
	}
	if err := files[0].Commit(); err == nil || !strings.Contains(err.Error(), "kept.txt") {
		t.Errorf("Commit after AbortAll: %v, want an error naming the file", err)
	}
	files[1].Abort()
	if got, _ := os.ReadFile(kept); string(got) != "kept" {
		t.Errorf("after AbortAll: %q, want %q", got, "kept")
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "done.txt kept.txt" {
		t.Errorf("files after AbortAll: %v, want done.txt kept.txt", names)
	}
}

// TestCreateRefusesSpecialFiles checks that an output that is a device, a
// pipe or a socket is refused rather than replaced by a regular file.
func TestCreateRefusesSpecialFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /dev/null")
	}
	f, err := Create("/dev/null")
	if err == nil {
		f.Abort()
		t.Fatal("Create(/dev/null): no error")
	}
	if !strings.Contains(err.Error(), "no regular file") {
		t.Errorf("Create(/dev/null): %v", err)
	}
}

// TestCreateRefusesLinkToPipe checks that a link the system follows to a
// pipe, as /dev/stdout is when stdout is piped, is refused as a special
// file rather than failing in a folder of /proc.
func TestCreateRefusesLinkToPipe(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	link := filepath.Join(t.TempDir(), "stdout")
	if err := os.Symlink(fmt.Sprintf("/proc/self/fd/%d", w.Fd()), link); err != nil {
		t.Skip(err)
	}
	f, err := Create(link)
	if err == nil {
		f.Abort()
		t.Fatal("a link to a pipe was accepted")
	}
	if !strings.Contains(err.Error(), "no regular file") {
		t.Errorf("error %q does not say it is no regular file", err)
	}
}
