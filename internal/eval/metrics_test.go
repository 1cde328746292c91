package eval

import (
	"math"
	"math/rand/v2"
	"testing"
)

// near reports whether got is within 1e-3 of want.
func near(got, want float64) bool { return math.Abs(got-want) < 1e-3 }

// chain returns parents linking each message of the given thread sizes to
// the previous message of its thread, threads laid out one after the other.
func chain(sizes ...int) []int {
	var p []int
	for _, n := range sizes {
		start := len(p)
		for i := range n {
			p = append(p, start+max(i-1, 0))
		}
	}
	return p
}

func selfLinks(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return p
}

func TestScoreThreads(t *testing.T) {
	// Gold: two threads of three, {0,1,2} and {3,4,5}, each a reply chain.
	gold := &Annotation{Parent: chain(3, 3)}
	log6 := math.Log2(6)
	tests := []struct {
		name string
		pred *Annotation
		want Scores
	}{
		{
			// 1-1: each gold thread keeps one singleton: 2/6.
			// VI = H(gold|pred) + H(pred|gold) = 0 + log2 3.
			// Links: only the two thread starts (0,0) and (3,3) are right.
			name: "all singletons",
			pred: &Annotation{Parent: selfLinks(6)},
			want: Scores{
				Messages: 6, GoldThreads: 2, PredThreads: 6,
				OneToOne: 100.0 / 3, VI: 100 * (1 - math.Log2(3)/log6),
				ExactGold: 2, LinkTP: 2, LinkPred: 6, LinkGold: 6,
				LinkP: 100.0 / 3, LinkR: 100.0 / 3, LinkF1: 100.0 / 3,
			},
		},
		{
			// 1-1: the one predicted thread matches one gold thread: 3/6.
			// VI = H(gold|pred) = 1 bit (two halves), H(pred|gold) = 0.
			// Links: all but (3,2) are gold links.
			name: "all one thread",
			pred: &Annotation{Parent: chain(6)},
			want: Scores{
				Messages: 6, GoldThreads: 2, PredThreads: 1,
				OneToOne: 50, VI: 100 * (1 - 1/log6),
				ExactPred: 1, ExactGold: 2, LinkTP: 5, LinkPred: 6, LinkGold: 6,
				LinkP: 500.0 / 6, LinkR: 500.0 / 6, LinkF1: 500.0 / 6,
			},
		},
		{
			name: "perfect",
			pred: &Annotation{Parent: chain(3, 3)},
			want: Scores{
				Messages: 6, GoldThreads: 2, PredThreads: 2, OneToOne: 100, VI: 100,
				ExactTP: 2, ExactPred: 2, ExactGold: 2, ExactP: 100, ExactR: 100, ExactF1: 100,
				LinkTP: 6, LinkPred: 6, LinkGold: 6, LinkP: 100, LinkR: 100, LinkF1: 100,
			},
		},
		{
			// Same clusters given as Thread labels only: no predicted links.
			name: "threads without parents",
			pred: &Annotation{Thread: []int{7, 7, 7, 9, 9, 9}},
			want: Scores{
				Messages: 6, GoldThreads: 2, PredThreads: 2, OneToOne: 100, VI: 100,
				ExactTP: 2, ExactPred: 2, ExactGold: 2, ExactP: 100, ExactR: 100, ExactF1: 100,
				LinkGold: 6,
			},
		},
		{
			// A prediction shorter than gold: message 5 is a singleton start.
			// 1-1 = 5/6; VI: gold {3,4,5} splits 2+1, H(pred|gold) =
			// 3/6 * H(2/3, 1/3); H(gold|pred) = 0.
			name: "short prediction",
			pred: &Annotation{Parent: chain(3, 2)},
			want: Scores{
				Messages: 6, GoldThreads: 2, PredThreads: 3,
				OneToOne: 500.0 / 6, VI: 100 * (1 - 0.5*(math.Log2(3)-2.0/3)/log6),
				ExactTP: 1, ExactPred: 2, ExactGold: 2, ExactP: 50, ExactR: 50, ExactF1: 50,
				LinkTP: 5, LinkPred: 6, LinkGold: 6,
				LinkP: 500.0 / 6, LinkR: 500.0 / 6, LinkF1: 500.0 / 6,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(gold, tt.pred)
			tt.want.Files = 1
			checkScores(t, got, tt.want)
		})
	}
}

// checkScores compares every field but the raw VI and overlap, which the
// percentages already cover.
func checkScores(t *testing.T, got, want Scores) {
	t.Helper()
	ints := []struct {
		name      string
		got, want int
	}{
		{"Messages", got.Messages, want.Messages},
		{"GoldThreads", got.GoldThreads, want.GoldThreads},
		{"PredThreads", got.PredThreads, want.PredThreads},
		{"ExactTP", got.ExactTP, want.ExactTP},
		{"ExactPred", got.ExactPred, want.ExactPred},
		{"ExactGold", got.ExactGold, want.ExactGold},
		{"LinkTP", got.LinkTP, want.LinkTP},
		{"LinkPred", got.LinkPred, want.LinkPred},
		{"LinkGold", got.LinkGold, want.LinkGold},
		{"QuestionTP", got.QuestionTP, want.QuestionTP},
		{"QuestionPred", got.QuestionPred, want.QuestionPred},
		{"QuestionGold", got.QuestionGold, want.QuestionGold},
		{"QATP", got.QATP, want.QATP},
		{"QAPred", got.QAPred, want.QAPred},
		{"QAGold", got.QAGold, want.QAGold},
		{"Files", got.Files, want.Files},
	}
	for _, c := range ints {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	floats := []struct {
		name      string
		got, want float64
	}{
		{"OneToOne", got.OneToOne, want.OneToOne},
		{"VI", got.VI, want.VI},
		{"ExactP", got.ExactP, want.ExactP},
		{"ExactR", got.ExactR, want.ExactR},
		{"ExactF1", got.ExactF1, want.ExactF1},
		{"LinkP", got.LinkP, want.LinkP},
		{"LinkR", got.LinkR, want.LinkR},
		{"LinkF1", got.LinkF1, want.LinkF1},
		{"QuestionP", got.QuestionP, want.QuestionP},
		{"QuestionR", got.QuestionR, want.QuestionR},
		{"QuestionF1", got.QuestionF1, want.QuestionF1},
		{"QAP", got.QAP, want.QAP},
		{"QAR", got.QAR, want.QAR},
		{"QAF1", got.QAF1, want.QAF1},
	}
	for _, c := range floats {
		if !near(c.got, c.want) {
			t.Errorf("%s = %.4f, want %.4f", c.name, c.got, c.want)
		}
	}
}

func TestClusterMetricsByHand(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []int
		overlap    int
		vi         float64 // bits
		exact      Count
	}{
		{
			// Contingency (rows gold g0={0,1,2} g1={3,4,5} g2={6,7};
			// columns pred p0={0,1} p1={2,3,4,5} p2={6} p3={7}):
			//        p0 p1 p2 p3
			//   g0    2  1  .  .
			//   g1    .  3  .  .
			//   g2    .  .  1  1
			// 1-1: g0-p0 2 + g1-p1 3 + g2-p2 1 = 6 of 8 = 75.0.
			// VI = -sum n_ij/N (log2(n_ij/a_i) + log2(n_ij/b_j))
			//    = 2/8 (log2 3/2) + 1/8 (log2 3 + 2) + 3/8 (log2 4/3)
			//      + 2 * 1/8 (1 + 0)
			//    = 1/8 (2 log2 3 - 2 + log2 3 + 2 + 6 - 3 log2 3 + 2) = 1 bit;
			// 1 - VI/log2 8 = 1 - 1/3 = 66.7.
			name: "worked example",
			gold: []int{0, 0, 0, 1, 1, 1, 2, 2}, pred: []int{0, 0, 1, 1, 1, 1, 2, 3},
			overlap: 6, vi: 1, exact: Count{TP: 0, Pred: 2, Gold: 3},
		},
		{
			// Weights g0: p0 3, p1 2; g1: p0 2. Greedy (g0-p0) covers 3,
			// the optimal matching g0-p1 + g1-p0 covers 4.
			name: "greedy is not optimal",
			gold: []int{0, 0, 0, 0, 0, 1, 1}, pred: []int{0, 0, 0, 1, 1, 0, 0},
			overlap: 4,
			// H(pred|gold) = 5/7 H(3/5, 2/5); H(gold|pred) = 5/7 H(3/5, 2/5).
			vi:    2 * 5.0 / 7 * (-0.6*math.Log2(0.6) - 0.4*math.Log2(0.4)),
			exact: Count{TP: 0, Pred: 2, Gold: 2},
		},
		{
			name: "identical up to renaming",
			gold: []int{4, 4, 1, 1, 9}, pred: []int{0, 0, 5, 5, 2},
			overlap: 5, vi: 0, exact: Count{TP: 2, Pred: 2, Gold: 2},
		},
		{
			name: "empty", overlap: 0, vi: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OneToOneOverlap(tt.gold, tt.pred); got != tt.overlap {
				t.Errorf("OneToOneOverlap = %d, want %d", got, tt.overlap)
			}
			if got := VariationOfInformation(tt.gold, tt.pred); !near(got, tt.vi) {
				t.Errorf("VariationOfInformation = %.4f, want %.4f", got, tt.vi)
			}
			if got := ExactMatch(tt.gold, tt.pred); got != tt.exact {
				t.Errorf("ExactMatch = %+v, want %+v", got, tt.exact)
			}
		})
	}
	if got := ScaledVI(1, 8); !near(got, 200.0/3) {
		t.Errorf("ScaledVI(1, 8) = %.4f, want 66.667", got)
	}
	if got := ScaledVI(0, 1); got != 100 {
		t.Errorf("ScaledVI(0, 1) = %.4f, want 100", got)
	}
}

// TestMaxWeightAssignment checks the Hungarian algorithm against brute force
// on random small matrices of every shape up to 5x5.
func TestMaxWeightAssignment(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for rows := 1; rows <= 5; rows++ {
		for cols := 1; cols <= 5; cols++ {
			for range 50 {
				w := make([][]int, rows)
				for i := range w {
					w[i] = make([]int, cols)
					for j := range w[i] {
						if r.IntN(3) > 0 {
							w[i][j] = r.IntN(10)
						}
					}
				}
				if got, want := maxWeightAssignment(w), bruteAssignment(w, 0, make([]bool, cols)); got != want {
					t.Fatalf("maxWeightAssignment(%v) = %d, want %d", w, got, want)
				}
			}
		}
	}
}

func bruteAssignment(w [][]int, row int, used []bool) int {
	if row == len(w) {
		return 0
	}
	best := bruteAssignment(w, row+1, used) // row left unmatched
	for j := range used {
		if !used[j] {
			used[j] = true
			best = max(best, w[row][j]+bruteAssignment(w, row+1, used))
			used[j] = false
		}
	}
	return best
}

func TestCounts(t *testing.T) {
	tests := []struct {
		name    string
		got     Count
		want    Count
		p, r, f float64
	}{
		{
			name: "questions",
			got:  QuestionCounts([]bool{true, false, true, true, false}, []bool{true, true, false, true, false}),
			want: Count{TP: 2, Pred: 3, Gold: 3}, p: 200.0 / 3, r: 200.0 / 3, f: 200.0 / 3,
		},
		{
			name: "questions, short prediction",
			got:  QuestionCounts([]bool{true, false, true}, []bool{true}),
			want: Count{TP: 1, Pred: 1, Gold: 2}, p: 100, r: 50, f: 200.0 / 3,
		},
		{
			// Gold pairs (1,0) (2,0) (4,3); predicted (1,0) (2,1) (4,3) (5,3).
			name: "qa pairs",
			got:  QAPairCounts([]int{-1, 0, 0, -1, 3, -1}, []int{-1, 0, 1, -1, 3, 3}),
			want: Count{TP: 2, Pred: 4, Gold: 3}, p: 50, r: 200.0 / 3, f: 2 * 50 * 200.0 / 3 / (50 + 200.0/3),
		},
		{
			name: "nothing predicted",
			got:  QAPairCounts([]int{-1, 0}, []int{-1, -1}),
			want: Count{Gold: 1},
		},
		{
			name: "links with several gold links per message",
			got: LinkCounts(
				[]Link{{10, 10}, {11, 10}, {12, 10}, {12, 11}},
				[]Link{{10, 10}, {11, 11}, {12, 11}, {12, 11}}),
			want: Count{TP: 2, Pred: 3, Gold: 4}, p: 200.0 / 3, r: 50, f: 2 * 50 * 200.0 / 3 / (50 + 200.0/3),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Fatalf("counts = %+v, want %+v", tt.got, tt.want)
			}
			if !near(tt.got.P(), tt.p) || !near(tt.got.R(), tt.r) || !near(tt.got.F1(), tt.f) {
				t.Errorf("P/R/F1 = %.3f/%.3f/%.3f, want %.3f/%.3f/%.3f", tt.got.P(), tt.got.R(), tt.got.F1(), tt.p, tt.r, tt.f)
			}
		})
	}
}

func TestThreadsFromParents(t *testing.T) {
	tests := []struct {
		name   string
		parent []int
		want   []int
	}{
		{"chains", []int{0, 0, 2, 1, 2}, []int{0, 0, 2, 0, 2}},
		{"late merge", []int{0, 1, 0, 1, 3}, []int{0, 1, 0, 1, 1}},
		{"out of range is a start", []int{-1, 9, 1}, []int{0, 1, 1}},
		{"empty", nil, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ThreadsFromParents(tt.parent)
			if len(got) != len(tt.want) {
				t.Fatalf("ThreadsFromParents(%v) = %v, want %v", tt.parent, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("ThreadsFromParents(%v) = %v, want %v", tt.parent, got, tt.want)
				}
			}
		})
	}
}

func TestMicroMean(t *testing.T) {
	gold := &Annotation{Parent: chain(3, 3)}
	a := Score(gold, &Annotation{Parent: selfLinks(6)}) // VI = log2 3 bits
	b := Score(gold, &Annotation{Parent: chain(3, 3)})  // perfect
	b2 := Score(&Annotation{Parent: chain(2, 2)}, &Annotation{Parent: chain(4)})

	t.Run("micro pools counts and the contingency table", func(t *testing.T) {
		m := Micro([]Scores{a, b})
		want := Scores{
			Messages: 12, GoldThreads: 4, PredThreads: 8, Files: 2,
			// (2 + 6) / 12 messages.
			OneToOne: 800.0 / 12,
			// Pooled VI = (6 log2 3 + 6*0) / 12 bits over N = 12.
			VI:      100 * (1 - math.Log2(3)/2/math.Log2(12)),
			ExactTP: 2, ExactPred: 2, ExactGold: 4, ExactP: 100, ExactR: 50, ExactF1: 200.0 / 3,
			LinkTP: 8, LinkPred: 12, LinkGold: 12, LinkP: 800.0 / 12, LinkR: 800.0 / 12, LinkF1: 800.0 / 12,
		}
		checkScores(t, m, want)
	})
	t.Run("micro of one file is that file", func(t *testing.T) {
		checkScores(t, Micro([]Scores{a}), a)
	})
	t.Run("mean averages percentages", func(t *testing.T) {
		m := Mean([]Scores{a, b2})
		want := Micro([]Scores{a, b2})
		want.OneToOne = (a.OneToOne + b2.OneToOne) / 2
		want.VI = (a.VI + b2.VI) / 2
		want.ExactP, want.ExactR, want.ExactF1 = (a.ExactP+b2.ExactP)/2, (a.ExactR+b2.ExactR)/2, (a.ExactF1+b2.ExactF1)/2
		want.LinkP, want.LinkR, want.LinkF1 = (a.LinkP+b2.LinkP)/2, (a.LinkR+b2.LinkR)/2, (a.LinkF1+b2.LinkF1)/2
		checkScores(t, m, want)
	})
	t.Run("mean skips files where a metric is undefined", func(t *testing.T) {
		q := &Annotation{Parent: chain(2), Question: []bool{true, false}, AnswerOf: []int{-1, 0}}
		withQ := Score(q, q)
		m := Mean([]Scores{a, withQ}) // a has no question and no Q&A item
		if m.QuestionF1 != 100 || m.QAF1 != 100 {
			t.Errorf("QuestionF1, QAF1 = %.1f, %.1f, want 100, 100", m.QuestionF1, m.QAF1)
		}
	})
	t.Run("empty", func(t *testing.T) {
		checkScores(t, Mean(nil), Scores{})
	})
}
