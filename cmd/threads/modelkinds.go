package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"

	"github.com/cocolian/threads/internal/thread"
)

// modelKinds collects the formats of the logs threaded with a --model
// file, to warn once, at the end, for each kind of chat the model was not
// trained on (thread.Model.KindWarning). A nil one collects nothing: no
// --model was given. Workers may add formats at once.
type modelKinds struct {
	w       io.Writer
	path    string
	model   *thread.Model
	mu      sync.Mutex
	formats map[string]bool
}

// newModelKinds returns the modelKinds of the --model file path, loaded
// as model, warning on w; nil when path is "" (the embedded models).
func newModelKinds(w io.Writer, path string, model *thread.Model) *modelKinds {
	if path == "" {
		return nil
	}
	return &modelKinds{w: w, path: path, model: model, formats: map[string]bool{}}
}

// add notes that a log of format was threaded.
func (k *modelKinds) add(format string) {
	if k == nil {
		return
	}
	k.mu.Lock()
	k.formats[format] = true
	k.mu.Unlock()
}

// warn writes each warning of the formats added, once, in the order of
// the formats' names.
func (k *modelKinds) warn() {
	if k == nil {
		return
	}
	said := map[string]bool{}
	for _, f := range slices.Sorted(maps.Keys(k.formats)) {
		if msg := k.model.KindWarning(k.path, f); msg != "" && !said[msg] {
			said[msg] = true
			fmt.Fprintln(k.w, "threads: warning:", msg)
		}
	}
}
