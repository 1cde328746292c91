package eval

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/eval")

// TestWriteTextGolden compares WriteText on the fixture day with
// testdata/eval/day.golden; run with -update to rewrite it.
func TestWriteTextGolden(t *testing.T) {
	gold := readFixtureTSV(t)
	pred := &Annotation{
		Parent:   []int{0, 0, 1, 1, 2, 4, 6, 7, 7, 8},
		Question: []bool{true, false, true, false, false, false, false, true, false, false},
		AnswerOf: []int{-1, 0, -1, 0, -1, 2, -1, -1, 7, 7},
	}
	var b strings.Builder
	if err := WriteText(&b, "day.tsv", Score(gold, pred)); err != nil {
		t.Fatal(err)
	}
	links := readFixtureLinks(t)
	if err := WriteText(&b, "links (micro)", Micro([]Scores{ScoreLinks(links, &Annotation{Parent: selfLinks(18)}), ScoreLinks(links, &Annotation{Parent: selfLinks(18)})})); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(fixture, "day.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("WriteText output differs from %s (run go test -update):\n--- got\n%s--- want\n%s", golden, b.String(), want)
	}
}

// TestWriteTextTotals checks that the counts in brackets are labelled as
// totals when the scores cover several files: the percentages of Mean are
// means over the files, which the pooled counts do not give.
func TestWriteTextTotals(t *testing.T) {
	day := Score(readFixtureTSV(t), &Annotation{
		Parent:   []int{0, 0, 1, 1, 2, 4, 6, 7, 7, 8},
		Question: []bool{true, false, true, false, false, false, false, true, false, false},
		AnswerOf: []int{-1, 0, -1, 0, -1, 2, -1, -1, 7, 7},
	})
	links := readFixtureLinks(t)
	pred := &Annotation{Parent: selfLinks(18)}
	tests := []struct {
		name      string
		s         Scores
		want, not []string
	}{
		{"one file", day, []string{"(7 of 10 messages)", "(VI 0.600 bits)\n", "(tp 1, pred 2, gold 3)", "(tp 9, pred 10, gold 10)"}, []string{"total", "weighted"}},
		{"mean of two", Mean([]Scores{day, day}), []string{
			"2 files\n",
			"(total over 2 files: 14 of 20 messages)",
			"(VI 0.600 bits, message-weighted mean)",
			"(total over 2 files: tp 2, pred 4, gold 6)",
			"(total over 2 files: tp 18, pred 20, gold 20)",
		}, []string{"(tp "}},
		{"micro of two", Micro([]Scores{ScoreLinks(links, pred), ScoreLinks(links, pred)}), []string{"(total over 2 files: tp 6, pred 16, gold 18)"}, []string{"(tp "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := WriteText(&b, tt.name, tt.s); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, b.String())
				}
			}
			for _, w := range tt.not {
				if strings.Contains(b.String(), w) {
					t.Errorf("output has %q:\n%s", w, b.String())
				}
			}
		})
	}
}

func TestScoresJSON(t *testing.T) {
	s := Score(readFixtureTSV(t), readFixtureTSV(t))
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{
		"one_to_one", "vi", "exact_p", "exact_r", "exact_f1", "link_p", "link_r", "link_f1",
		"question_p", "question_r", "question_f1", "qa_p", "qa_r", "qa_f1",
		"messages", "gold_threads", "pred_threads", "exact_tp", "link_gold", "qa_pred", "vi_bits",
	} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON has no key %q: %s", k, data)
		}
	}
	var back Scores
	if err := json.Unmarshal(data, &back); err != nil || back != s {
		t.Errorf("JSON round trip = %+v, %v; want %+v", back, err, s)
	}
}

func FuzzReadTSV(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join(fixture, "day.tsv")); err == nil {
		f.Add(string(data))
	}
	f.Add("idx\ttime\tnick\tparent\trole\tthread\n0\t09:00:00\ta\t0\tQ\tT1\n1\t09:00:01\tb\t0\tA0\tT1\n")
	f.Fuzz(func(t *testing.T, in string) {
		a, err := ReadTSV(strings.NewReader(in), "fuzz.tsv")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.tsv:") {
				t.Errorf("error %q does not start with the path", err)
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Errorf("ReadTSV accepted an invalid annotation: %v", err)
		}
		s := Score(a, a)
		if a.Len() > 0 && (s.OneToOne != 100 || s.VI != 100) {
			t.Errorf("self score = %.1f/%.1f, want 100", s.OneToOne, s.VI)
		}
	})
}

func FuzzReadLinks(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join(fixture, "links.annotation.txt")); err == nil {
		f.Add(string(data))
	}
	f.Add("1000 1000 -\n998 1001 -\n")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := ReadLinks(strings.NewReader(in), "fuzz.txt")
		if err != nil {
			return
		}
		for _, k := range l.Pairs {
			if k.Message < k.Antecedent {
				t.Errorf("link %v: message before antecedent", k)
			}
		}
		n := 0
		for _, c := range l.Conversations() {
			n += len(c)
		}
		if n != len(l.Annotated) {
			t.Errorf("conversations hold %d messages, want %d", n, len(l.Annotated))
		}
	})
}
