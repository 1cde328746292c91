package main

import (
	"path/filepath"
	"testing"

	"github.com/cocolian/threads/internal/sharedtest"
)

// TestIRCDevFile keeps the IRC threading from regressing on one file of the
// Ubuntu IRC dev split (Kummerfeld et al. 2019). Floors sit a little below
// what the embedded IRC model reaches on it.
func TestIRCDevFile(t *testing.T) {
	dev := sharedtest.Dir(t, "corpus", "irc-ubuntu", "dev")
	gold := filepath.Join(dev, "2004-11-15_03.annotation.txt")
	raw := filepath.Join(dev, "2004-11-15_03.raw.txt")
	files := evalFiles(t, "--gold", gold, raw)
	if len(files) != 1 {
		t.Fatalf("eval scored %d files, want 1", len(files))
	}
	s := files[0].Scores
	floors := map[string]float64{"one_to_one": 62, "vi": 82, "link_f1": 58}
	for metric, floor := range floors {
		if s[metric] < floor {
			t.Errorf("%s = %.1f, below the floor %.1f", metric, s[metric], floor)
		} else {
			t.Logf("%s = %.1f (floor %.1f)", metric, s[metric], floor)
		}
	}
	if s["messages"] != 250 {
		t.Errorf("scored %v messages, want the 250 annotated ones", s["messages"])
	}
}
