package eval

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/sharedtest"
)

// TestPreviousMessageOnUbuntuDev runs a "previous message" baseline on the
// Ubuntu IRC dev split of Kummerfeld et al. (2019) and pools the files as
// their scripts do. Each chat line replies to the closest earlier chat line;
// system lines ("=== ... has joined") start their own conversation, as the
// gold annotates nearly all of them. The published numbers of their
// previous-message baseline are on the test split (link F 35.0, VI 66.1,
// 1-1 27.6, exact F 0.0), so the dev numbers are only checked loosely.
func TestPreviousMessageOnUbuntuDev(t *testing.T) {
	dir := sharedtest.Dir(t, "corpus", "irc-ubuntu", "dev")
	files, err := filepath.Glob(filepath.Join(dir, "*.annotation.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no annotation files in %s", dir)
	}
	var prev []Scores
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		gold, err := ReadLinks(f, p)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		system := systemLines(t, strings.TrimSuffix(p, ".annotation.txt")+".raw.txt")
		n := len(system)
		if last := gold.Annotated[len(gold.Annotated)-1]; last >= n {
			t.Fatalf("%s: annotated line %d beyond the %d raw lines", p, last, n)
		}
		parent := make([]int, n)
		last := -1 // latest chat line
		for i := range parent {
			parent[i] = i
			if !system[i] && last >= 0 {
				parent[i] = last
			}
			if !system[i] {
				last = i
			}
		}
		prev = append(prev, ScoreLinks(gold, &Annotation{Parent: parent}))

		// The gold conversations as a Thread-only prediction score 100 on
		// every cluster metric.
		th := make([]int, n)
		for c, conv := range gold.Conversations() {
			for _, m := range conv {
				th[m] = c + 1
			}
		}
		s := ScoreLinks(gold, &Annotation{Thread: th})
		if s.OneToOne != 100 || s.VI != 100 || (s.ExactGold > 0 && s.ExactF1 != 100) {
			t.Errorf("%s: gold conversations score %.1f/%.1f/%.1f, want 100", p, s.OneToOne, s.VI, s.ExactF1)
		}
	}
	m := Micro(prev)
	var b strings.Builder
	if err := WriteText(&b, "previous message, Ubuntu dev (micro)", m); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", b.String())
	t.Logf("macro mean over files: one-to-one %.2f, VI %.2f, link F1 %.2f", Mean(prev).OneToOne, Mean(prev).VI, Mean(prev).LinkF1)
	if m.Messages != 250*len(files) {
		t.Errorf("Messages = %d, want %d", m.Messages, 250*len(files))
	}
	if len(files) == 10 {
		// Values from a Python port of dstc8-evaluation.py (read_data,
		// variation_of_information, exact_match) and graph-eval.py
		// (get_pairs, pooled counts) run on the same baseline output.
		got := []int{m.LinkTP, m.LinkPred, m.LinkGold, m.ExactTP, m.ExactPred, m.ExactGold}
		want := []int{771, 2500, 2607, 0, 10, 223}
		if !slices.Equal(got, want) {
			t.Errorf("link tp/pred/gold, exact tp/pred/gold = %v, want %v", got, want)
		}
		if d := m.VI - 66.2009; d > 0.001 || d < -0.001 {
			t.Errorf("pooled VI = %.4f, want 66.2009", m.VI)
		}
	}
	// Loose bounds around the published test-split numbers.
	for _, c := range []struct {
		name           string
		got, low, high float64
	}{
		{"link F1", m.LinkF1, 25, 45},
		{"VI", m.VI, 55, 75},
		{"one-to-one", m.OneToOne, 15, 40},
		{"exact F1", m.ExactF1, 0, 5},
	} {
		if c.got < c.low || c.got > c.high {
			t.Errorf("%s = %.1f, want within [%.0f, %.0f]", c.name, c.got, c.low, c.high)
		}
	}
}

// systemLines reports for each line of a raw Ubuntu IRC log whether it is a
// system line ("=== ...").
func systemLines(t *testing.T, path string) []bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []bool
	for sc.Scan() {
		out = append(out, strings.HasPrefix(sc.Text(), "==="))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
