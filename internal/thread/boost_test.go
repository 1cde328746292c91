package thread

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
)

// TestFitBoostLearnsAThreshold checks that boosted trees learn a label that
// one feature decides, ignore a feature that decides nothing, and give the
// same trees from the same data.
func TestFitBoostLearnsAThreshold(t *testing.T) {
	var x [][]float64
	var y []bool
	for i := range 200 {
		v := float64(i%40) / 40
		x = append(x, []float64{float64(i % 7), v})
		y = append(y, v > 0.6)
	}
	o := boostOptions{Trees: 30, Depth: 2, MinLeaf: 5, Rate: 0.3}
	base, trees := fitBoost(x, y, o)
	c := newAnswerCheck(0.5, base, trees)
	for _, tc := range []struct {
		x    []float64
		want bool
	}{
		{[]float64{3, 0.1}, false},
		{[]float64{3, 0.5}, false},
		{[]float64{3, 0.7}, true},
		{[]float64{0, 0.95}, true},
	} {
		if got := c.probability(tc.x) > 0.5; got != tc.want {
			t.Errorf("x %v: probability %.2f, want above 0.5 %v", tc.x, c.probability(tc.x), tc.want)
		}
	}
	for _, tr := range trees {
		for _, n := range tr {
			if len(n) == 4 && n[0] == 0 {
				t.Errorf("a tree splits on the feature that decides nothing: %v", tr)
			}
		}
	}
	base2, trees2 := fitBoost(x, y, o)
	if base != base2 || !reflect.DeepEqual(trees, trees2) {
		t.Error("two fits on the same data differ")
	}
}

// TestFitBoostTinyData checks the edge cases: no data, and too few
// examples to split (a single leaf that moves toward the labels).
func TestFitBoostTinyData(t *testing.T) {
	if base, trees := fitBoost(nil, nil, boostOptions{Trees: 3, Depth: 2, MinLeaf: 1, Rate: 0.1}); base != 0 || trees != nil {
		t.Errorf("no data: base %g, trees %v", base, trees)
	}
	base, trees := fitBoost([][]float64{{1}, {2}}, []bool{true, true}, boostOptions{Trees: 2, Depth: 3, MinLeaf: 5, Rate: 0.1})
	if base <= 0 || len(trees) != 2 || len(trees[0]) != 1 || trees[0][0][0] <= 0 {
		t.Errorf("two positives: base %g, trees %v; want a positive base and one positive leaf a tree", base, trees)
	}
}

// TestTreeCheck checks the errors for malformed trees in a model file.
func TestTreeCheck(t *testing.T) {
	for _, tc := range []struct {
		name string
		tree Tree
		want string // "" for a good tree
	}{
		{"leaf", Tree{{0.5}}, ""},
		{"split", Tree{{1, 0.5, 1, 2}, {-0.1}, {0.2}}, ""},
		{"empty", Tree{}, "no nodes"},
		{"three numbers", Tree{{1, 0.5, 1}}, "node 0 has 3 numbers"},
		{"feature out of range", Tree{{2, 0.5, 1, 2}, {0}, {0}}, "splits on feature 2"},
		{"fractional feature", Tree{{0.5, 0.5, 1, 2}, {0}, {0}}, "splits on feature 0.5"},
		{"loop", Tree{{0, 0.5, 0, 1}, {0}}, "child 0"},
		{"child past the end", Tree{{0, 0.5, 1, 5}, {0}}, "child 5"},
		{"huge feature", Tree{{1e19, 0.5, 1, 2}, {0}, {0}}, "splits on feature 1e+19"},
		{"huge child", Tree{{0, 0.5, 1, 1e19}, {0}, {0}}, "child 1e+19"},
	} {
		err := tc.tree.check(2)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

// TestAnswerCheckRoundTrip checks that a model with an answer check reads
// back from the YAML it writes with the same probabilities, and that model
// files with a check this version cannot use are refused with the reason.
func TestAnswerCheckRoundTrip(t *testing.T) {
	m := *linkWeightsOnly(t)
	tree := Tree{{float64(len(answerFeatureNames) - 1), 0.5, 1, 2}, {-1.25}, {0.75}}
	m.Answers = newAnswerCheck(0.3, 0.1, Forest{tree, {{0.125}}})
	data := m.YAML("test")
	back, err := ParseModel(data, "m.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	x := make([]float64, len(answerFeatureNames))
	for _, v := range []float64{0, 1} {
		x[len(x)-1] = v
		if got, want := back.Answers.probability(x), m.Answers.probability(x); math.Abs(got-want) > 1e-12 {
			t.Errorf("input %g: probability %g after the round trip, %g before", v, got, want)
		}
	}
	if back.Answers.Threshold != 0.3 {
		t.Errorf("threshold %g after the round trip", back.Answers.Threshold)
	}
	// the line of the second tree (0.125), as a curator's editor shows it
	line0125 := fmt.Sprintf("line %d: ", strings.Count(string(data[:strings.Index(string(data), "\n    0.125\n")]), "\n")+2)
	for _, tc := range []struct{ from, to, want string }{
		{"features: [messages-between,", "features: [words-between,", "fitted on other features"},
		{"threshold: 0.3", "threshold: 1.5", "threshold 1.5 is not a probability"},
		{"\n    0.125\n", "\n    0 1 1\n", line0125 + "node 0 has 3 numbers"},
		{"\n    0.125\n", "\n    0 x 1 2\n", line0125 + "\"x\" in a tree is not a finite number"},
		{"\n    0.125\n", "\n\n    0.125\n", line0125 + "an empty node"},
		{"\n    0.125\n", "\n    0.125;\n", line0125 + "an empty node"},
		{"\n    0.125\n", "\n    99 0.5 1 2; 0; 0\n", "answers tree 2 (line 2 of the trees block): node 0 splits on feature 99"},
		{"threshold: 0.3", "threshold: .nan", "threshold NaN is not a probability"},
		{"base: 0.1", "base: .inf", "base +Inf is not a finite number"},
		{"trees: |\n    " + tree.String() + "\n    0.125\n", "trees: [1]\n", "trees are a block of text"},
	} {
		bad := strings.Replace(string(data), tc.from, tc.to, 1)
		if bad == string(data) {
			t.Fatalf("%q not in the model file:\n%s", tc.from, data)
		}
		if _, err := ParseModel([]byte(bad), "m.yaml"); err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "m.yaml") {
			t.Errorf("%s -> %s: error %v, want one naming m.yaml and containing %q", tc.from, tc.to, err, tc.want)
		}
	}
}

// TestTrainAnswersLearnsAnnotatorsAnswers fits an answer check to gold that
// keeps only the rule answers of ten characters or more, and checks that the
// model then keeps exactly those on the same day, changing no link or thread.
func TestTrainAnswersLearnsAnnotatorsAnswers(t *testing.T) {
	base := linkWeightsOnly(t)
	base.Answers = nil
	log, res := sampleDay(t, base)
	gold := map[int]int{}
	long, short := 0, 0
	for i, l := range res.Links {
		gold[i] = -1
		if l.Role == RoleAnswer {
			if len([]rune(log.Messages[i].Text)) >= 10 {
				gold[i] = l.AnswerOf
				long++
			} else {
				short++
			}
		}
	}
	if long == 0 || short == 0 {
		t.Fatalf("the sample day has %d long and %d short rule answers; the test needs both", long, short)
	}
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	m, n := TrainAnswers([]TrainingDay{{Log: log, Answers: gold}}, seg, base, AnswerOptions{Threshold: 0.5, Trees: 40, Depth: 2, MinLeaf: 1, Rate: 0.3})
	if n != long+short {
		t.Errorf("learned from %d answers, want %d", n, long+short)
	}
	_, checked := sampleDay(t, m)
	for i, l := range checked.Links {
		if l.Parent != res.Links[i].Parent || l.Thread != res.Links[i].Thread {
			t.Errorf("message %d: link %d thread %d with the check, %d and %d without", i, l.Parent, l.Thread, res.Links[i].Parent, res.Links[i].Thread)
		}
		if want := gold[i] >= 0; (l.Role == RoleAnswer) != want {
			t.Errorf("message %d (%q): role %q, want an answer %v", i, log.Messages[i].Text, l.Role, want)
		}
		if res.Links[i].Role == RoleAnswer && l.Role != RoleAnswer && !l.HasEvidence("answer-check") {
			t.Errorf("message %d lost its answer role without answer-check evidence", i)
		}
	}
}

// TestAnswerCheckDropsCopies checks that a dropped answer takes its copies
// (the export's second listing of a message) along, and that an answer the
// check keeps stays as it was.
func TestAnswerCheckDropsCopies(t *testing.T) {
	msgs := []chatlog.Message{
		msg("甲", "分账 要 开通 吗？", 0),
		msg("乙", "哈哈 随便 聊聊", 1),
		msg("乙2", "哈哈 随便 聊聊", 1),
		msg("丙", "要 开通", 2),
	}
	fs := fsOf(msgs)
	links := []Link{
		{Parent: -1, AnswerOf: -1, Role: RoleQuestion},
		{Parent: 0, AnswerOf: 0, Role: RoleAnswer},
		{Parent: 1, AnswerOf: 0, Role: RoleAnswer, Evidence: []Evidence{{Kind: "copy"}}},
		{Parent: 0, AnswerOf: 0, Role: RoleAnswer},
	}
	// One split on the answer's laugh: laughing answers are unlikely.
	laughs := float64(slices.Index(answerFeatureNames, "answer-laughs"))
	c := newAnswerCheck(0.5, 0, Forest{{{laughs, 0.5, 1, 2}, {3}, {-3}}})
	changed := c.applyTo(msgs, fs, links, listings{})
	for i, want := range []Role{RoleQuestion, RoleNone, RoleNone, RoleAnswer} {
		if links[i].Role != want {
			t.Errorf("message %d: role %q, want %q", i, links[i].Role, want)
		}
	}
	if _, ok := changed[1]; !ok {
		t.Error("the dropped answer has no answer-check evidence")
	}
	if _, ok := changed[2]; !ok {
		t.Error("the dropped answer's copy has no answer-check evidence")
	}
	if links[3].AnswerOf != 0 || len(changed) != 2 {
		t.Errorf("kept answer answers %d; %d messages changed, want 2", links[3].AnswerOf, len(changed))
	}
}
