// Package atomicfile writes files so that readers never see them half-written.
//
// A file is written to a temporary file beside it and renamed over it once
// complete. The result has the mode a shell redirect would give it: a new
// file gets 0666 less the umask, and a file that exists keeps its mode. A
// path that is a symbolic link is written where the link points, and the
// link stays. Temporary files not yet committed can all be removed at once
// (AbortAll), for a signal handler.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// A File is an output being written: a temporary file beside its path,
// which Commit moves into place. Until then the path is left as it was.
type File struct {
	*os.File
	path   string      // the path as given, for messages
	target string      // where Commit renames to: path with symbolic links resolved
	mode   fs.FileMode // the mode of the file at target when there was one
	keep   bool        // mode is to be given to the new file
	done   bool        // committed or aborted; guarded by open.mu
}

// open holds the files created and not yet committed or aborted, so that
// AbortAll can remove their temporary files.
var open = struct {
	mu    sync.Mutex
	files map[*File]bool
}{files: map[*File]bool{}}

// keptMode are the bits of a file's mode that a file written over it keeps.
const keptMode = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

// maxLinks is how many symbolic links Create follows from a path before it
// gives up, as the system does for a loop.
const maxLinks = 255

// Create starts writing the file at path. It checks first that path can be
// written to, so that a mistyped output fails before any work is done: its
// folder exists, and path is no folder itself. When path is a symbolic
// link, the file it points to is written, and the link is kept.
func Create(path string) (*File, error) {
	target, err := resolve(path)
	if err != nil {
		return nil, err
	}
	if err := checkTarget(path, target); err != nil {
		return nil, err
	}
	f := &File{path: path, target: target}
	perm := fs.FileMode(0o666) // less the umask, as a shell redirect makes a file
	if st, err := os.Stat(target); err == nil {
		f.mode, f.keep = st.Mode()&keptMode, true
		perm = 0o600 // the data stays private until Commit gives the file's own mode back
	}
	// The temporary file is made and listed under one lock, so that an
	// AbortAll from a signal handler cannot come between the two and
	// leave it behind.
	open.mu.Lock()
	defer open.mu.Unlock()
	tmp, err := createTemp(filepath.Dir(target), filepath.Base(target), perm)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot create output in folder %s: %w", path, filepath.Dir(target), unwrapPath(err))
	}
	f.File = tmp
	open.files[f] = true
	return f, nil
}

// resolve returns where writing path puts the file: path itself, or when
// path is a symbolic link, the file it points to (whether it exists yet or
// not, as a shell redirect writes through a dangling link).
func resolve(path string) (string, error) {
	p := path
	for range maxLinks {
		st, err := os.Lstat(p)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return p, nil // no link (or nothing there yet): the checks that follow say what is wrong
		}
		if resolved, err := filepath.EvalSymlinks(p); err == nil {
			return resolved, nil
		}
		// A link to nothing yet: follow it one step, from its folder as
		// the system reads it (with the links of the folder resolved, so
		// that ".." in the link means what it means to the system).
		dest, err := os.Readlink(p)
		if err != nil {
			return "", fmt.Errorf("%s: cannot read the symbolic link: %w", path, unwrapPath(err))
		}
		if !filepath.IsAbs(dest) {
			dir, err := filepath.EvalSymlinks(filepath.Dir(p))
			if err != nil {
				return "", fmt.Errorf("%s: cannot follow the symbolic link to %s: %w", path, dest, unwrapPath(err))
			}
			dest = filepath.Join(dir, dest)
		}
		p = dest
	}
	return "", fmt.Errorf("%s: cannot write output: too many symbolic links; point it at a file", path)
}

// checkTarget checks that target, where path is written, can be replaced by
// a file: it is a regular file or nothing yet, and its folder exists.
func checkTarget(path, target string) error {
	st, err := os.Stat(target)
	if err != nil {
		// A link the system follows where resolve cannot (/dev/stdout
		// to a pipe, through /proc) still says what it leads to.
		st, err = os.Stat(path)
	}
	if err == nil {
		switch {
		case st.IsDir():
			return fmt.Errorf("%s: cannot write output: it is a folder; give the name of a file to write", path)
		case !st.Mode().IsRegular():
			return fmt.Errorf("%s: cannot write output: it is no regular file (a device, pipe or socket), which a rename would replace; write to stdout and redirect it there instead", path)
		}
		// The file is replaced by a rename, which its folder's permissions
		// allow; a shell redirect needs the file's own, so a file made
		// read-only to keep it is refused here, as the shell refuses it.
		// Opening it to write neither truncates nor changes it.
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("%s: cannot write output: the file is read-only; make it writable (chmod u+w) or give another file", path)
		}
		if err == nil {
			f.Close()
		}
	}
	dir := filepath.Dir(target)
	st, err = os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: cannot create output: folder %s does not exist; create it first", path, dir)
	case err != nil:
		return fmt.Errorf("%s: cannot create output: %w", path, err)
	case !st.IsDir():
		return fmt.Errorf("%s: cannot create output: %s is a file, not a folder", path, dir)
	}
	return nil
}

// createTemp creates a new file named .NAME.tmp-RANDOM in dir with perm
// (less the umask), as os.CreateTemp does with 0600.
func createTemp(dir, name string, perm fs.FileMode) (*os.File, error) {
	for try := 0; ; try++ {
		p := filepath.Join(dir, "."+name+".tmp-"+strconv.FormatUint(uint64(rand.Uint32()), 10))
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && try < 10000 {
			continue
		}
		return f, err
	}
}

// unwrapPath returns the cause of a *fs.PathError: the temporary name it
// holds means nothing to the user.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// finish marks f done and forgets it; it reports false when f was done
// already (committed, aborted, or removed by AbortAll).
func (f *File) finish() bool {
	open.mu.Lock()
	defer open.mu.Unlock()
	if f.done {
		return false
	}
	f.done = true
	delete(open.files, f)
	return true
}

// Commit closes the file and moves it into place: a file that was there
// keeps its mode, a new one has the mode the umask gives.
func (f *File) Commit() error {
	if !f.finish() {
		return fmt.Errorf("%s: cannot write output: it was abandoned (interrupted) or written already", f.path)
	}
	defer os.Remove(f.Name())
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: cannot write output: %w", f.path, err)
	}
	if f.keep {
		if err := os.Chmod(f.Name(), f.mode); err != nil {
			return fmt.Errorf("%s: cannot give the output the mode %v of the file it replaces: %w", f.path, f.mode, unwrapPath(err))
		}
	}
	if err := os.Rename(f.Name(), f.target); err != nil {
		return fmt.Errorf("%s: cannot replace output: %w", f.path, unwrapPath(err))
	}
	return nil
}

// Abort drops a file that was not committed; after Commit it does nothing.
func (f *File) Abort() {
	if f.finish() {
		f.remove()
	}
}

// remove closes the temporary file and removes it.
func (f *File) remove() {
	f.Close()
	os.Remove(f.Name())
}

// AbortAll aborts every file created and not yet committed or aborted,
// removing their temporary files, and returns how many there were. It is
// for a signal handler, before the program exits: the outputs are left as
// they were.
func AbortAll() int {
	open.mu.Lock()
	files := make([]*File, 0, len(open.files))
	for f := range open.files {
		f.done = true
		files = append(files, f)
	}
	clear(open.files)
	open.mu.Unlock()
	for _, f := range files {
		f.remove()
	}
	return len(files)
}

// Write writes data to a temporary file beside path and renames it over
// path; on any error path is left as it was.
func Write(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.File.Write(data); err != nil {
		return fmt.Errorf("%s: cannot write output: %w", path, err)
	}
	return f.Commit()
}
