package main

import (
	"encoding/json"
	"testing"

	"github.com/cocolian/threads/internal/sharedtest"
)

// TestGoldQuality keeps the threading from regressing on the shared gold days.
// The floors sit a little below what the heuristics reach (see README,
// Quality); raise them when the heuristics improve.
func TestGoldQuality(t *testing.T) {
	gold := sharedtest.Dir(t, "gold")
	corpus := sharedtest.Dir(t, "corpus", "cocolian")
	code, out, errOut := runCmd(t, "", "eval", "--format", "json", "--gold", gold, corpus)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Files []struct {
			Name   string
			Scores map[string]float64
		}
		Averages []struct {
			Name   string
			Scores map[string]float64
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Files) < 2 || len(res.Averages) == 0 {
		t.Fatalf("expected the gold days and their mean, got %s", out)
	}
	mean := res.Averages[0].Scores
	floors := map[string]float64{
		"one_to_one":  91,
		"vi":          95,
		"exact_f1":    65,
		"link_f1":     81,
		"question_f1": 94,
		"qa_f1":       69,
	}
	// Each day may sit below the mean, but not far below.
	const perDaySlack = 8
	for _, f := range res.Files {
		for metric, floor := range floors {
			if got := f.Scores[metric]; got < floor-perDaySlack {
				t.Errorf("%s: %s = %.1f, more than %d below the floor %.1f", f.Name, metric, got, perDaySlack, floor)
			}
		}
	}
	for metric, floor := range floors {
		if got := mean[metric]; got < floor {
			t.Errorf("mean %s = %.1f, below the floor %.1f", metric, got, floor)
		} else {
			t.Logf("mean %s = %.1f (floor %.1f)", metric, got, floor)
		}
	}
}
