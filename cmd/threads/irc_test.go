package main

import (
	"encoding/json"
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
	code, out, errOut := runCmd(t, "", "eval", "--format", "json", "--gold", gold, raw)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Files []struct {
			Scores map[string]float64
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Files) != 1 {
		t.Fatalf("unexpected output %s (%v)", out, err)
	}
	s := res.Files[0].Scores
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
