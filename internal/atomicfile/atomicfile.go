// Package atomicfile writes files so that readers never see them half-written.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A File is an output being written: a temporary file beside its path,
// which Commit moves into place. Until then the path is left as it was.
type File struct {
	*os.File
	path string
	done bool
}

// Create starts writing the file at path. It checks first that path can be
// written to, so that a mistyped output fails before any work is done: its
// folder exists, and path is no folder itself.
func Create(path string) (*File, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s: cannot write output: it is a folder; give the name of a file to write", path)
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: cannot create output: folder %s does not exist; create it first", path, dir)
	case err != nil:
		return nil, fmt.Errorf("%s: cannot create output: %w", path, err)
	case !st.IsDir():
		return nil, fmt.Errorf("%s: cannot create output: %s is a file, not a folder", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the temporary name means nothing to the user
		}
		return nil, fmt.Errorf("%s: cannot create output in folder %s: %w", path, dir, err)
	}
	return &File{File: tmp, path: path}, nil
}

// Commit closes the file and moves it into place.
func (f *File) Commit() error {
	f.done = true
	defer os.Remove(f.Name())
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: cannot write output: %w", f.path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("%s: %w", f.path, err)
	}
	if err := os.Rename(f.Name(), f.path); err != nil {
		return fmt.Errorf("%s: cannot replace output: %w", f.path, err)
	}
	return nil
}

// Abort drops a file that was not committed; after Commit it does nothing.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.Close()
	os.Remove(f.Name())
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
