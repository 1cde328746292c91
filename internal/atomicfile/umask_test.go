//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestNewFileFollowsUmask checks that a new file gets 0666 less the umask,
// as a shell redirect makes it, and a file that exists keeps its mode
// whatever the umask.
func TestNewFileFollowsUmask(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		umask int
		want  os.FileMode
	}{
		{0o077, 0o600},
		{0o022, 0o644},
		{0o002, 0o664},
	} {
		old := syscall.Umask(tt.umask)
		path := filepath.Join(dir, "new.md")
		os.Remove(path)
		err := Write(path, []byte("x"))
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(path); st.Mode().Perm() != tt.want {
			t.Errorf("umask %03o: new file %v, want %v", tt.umask, st.Mode().Perm(), tt.want)
		}
	}
	existing := filepath.Join(dir, "existing.md")
	if err := os.WriteFile(existing, nil, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(existing, 0o640); err != nil {
		t.Fatal(err)
	}
	old := syscall.Umask(0o077)
	err := Write(existing, []byte("x"))
	syscall.Umask(old)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(existing); st.Mode().Perm() != 0o640 {
		t.Errorf("existing 0640 file written with umask 077: %v", st.Mode().Perm())
	}
}
