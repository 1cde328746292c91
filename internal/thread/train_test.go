package thread

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
)

// sampleDay threads the sample day shipped in testdata with model m.
func sampleDay(t *testing.T, m *Model) (*chatlog.Log, *Result) {
	t.Helper()
	log, err := chatlog.ParseFile("../../testdata/sample-day.markdown", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParams()
	p.Model = m
	return log, BuildWith(log, seg, p)
}

// withRank returns the embedded WeChat link weights with the given rank
// weights in place of the embedded ones.
func withRank(t *testing.T, rank map[string]float64) *Model {
	t.Helper()
	m := *linkWeightsOnly(t)
	m.Rank = rank
	if err := m.index("test"); err != nil {
		t.Fatal(err)
	}
	return &m
}

// TestRankKeepsThreadsAndQuestions checks that rank weights only move a
// reply link to another, earlier message of the same thread: threads, thread
// starts and questions stay as the link weights make them, and every
// message the link weights make an answer still answers a question of its
// thread by someone else, asked before it (the answer check left out, which
// judges answers by their links).
func TestRankKeepsThreadsAndQuestions(t *testing.T) {
	noCheck := func(m *Model) *Model {
		m.Answers = nil
		return m
	}
	_, plain := sampleDay(t, noCheck(linkWeightsOnly(t)))
	// A strong pull toward far candidates: many links move.
	_, ranked := sampleDay(t, noCheck(withRank(t, map[string]float64{"log-distance": 3})))
	threadOf := func(r *Result) map[int]string {
		out := map[int]string{}
		for _, th := range r.Threads {
			for _, i := range th.Messages {
				out[i] = th.ID
			}
		}
		return out
	}
	a, b := threadOf(plain), threadOf(ranked)
	moved, newAnswers := 0, 0
	for i := range plain.Links {
		p, q := plain.Links[i], ranked.Links[i]
		if (p.Parent < 0) != (q.Parent < 0) {
			t.Errorf("message %d: thread start changed (parent %d -> %d)", i, p.Parent, q.Parent)
		}
		if (p.Role == RoleQuestion) != (q.Role == RoleQuestion) {
			t.Errorf("message %d: role %s -> %s", i, p.Role, q.Role)
		}
		if p.Role == RoleAnswer && q.Role != RoleAnswer {
			t.Errorf("message %d: answer to %d lost with the rank weights", i, p.AnswerOf)
		}
		if q.Role == RoleAnswer {
			if a[q.AnswerOf] != a[i] || ranked.Links[q.AnswerOf].Role != RoleQuestion || q.AnswerOf >= i {
				t.Errorf("message %d answers %d, no earlier question of its thread", i, q.AnswerOf)
			}
			if p.Role != RoleAnswer {
				newAnswers++
			}
		}
		if p.Parent != q.Parent {
			moved++
			if q.Parent >= i || a[q.Parent] != a[i] {
				t.Errorf("message %d moved to %d, outside its thread", i, q.Parent)
			}
			if !q.HasEvidence("rerank") {
				t.Errorf("message %d moved without rerank evidence: %+v", i, q.Evidence)
			}
		}
	}
	if newAnswers == 0 {
		t.Error("no message answers by its moved link alone; the test needs rank weights that matter")
	}
	for i, id := range a {
		if b[i] != id {
			t.Errorf("message %d: thread %s -> %s", i, id, b[i])
		}
	}
	if moved == 0 {
		t.Error("no link moved; the test needs rank weights that matter")
	}
}

// rankTarget threads the sample day with known rank weights and returns
// it, the result, its reply links as gold, and a segmenter to train with.
func rankTarget(t *testing.T) (*chatlog.Log, *Result, map[int][]int, *segment.Segmenter) {
	t.Helper()
	log, target := sampleDay(t, withRank(t, map[string]float64{"shared-words-1": 2, "adjacent": -1}))
	gold := map[int][]int{}
	for i, l := range target.Links {
		gold[i] = []int{l.Parent}
		if l.Parent < 0 {
			gold[i] = []int{i}
		}
	}
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	return log, target, gold, seg
}

// TestTrainRank checks that TrainRank recovers the reply links a known rank
// weighting makes, from the link weights alone.
func TestTrainRank(t *testing.T) {
	log, target, gold, seg := rankTarget(t)
	_, plain := sampleDay(t, linkWeightsOnly(t))
	m, examples, err := TrainRank([]TrainingDay{{Log: log, Gold: gold}}, seg, linkWeightsOnly(t), RankOptions{Lambda: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	if examples == 0 || len(m.Rank) == 0 {
		t.Fatalf("learned nothing: %d examples, rank %v", examples, m.Rank)
	}
	_, learned := sampleDay(t, m)
	agree := func(r *Result) int {
		n := 0
		for i, l := range r.Links {
			if l.Parent == target.Links[i].Parent {
				n++
			}
		}
		return n
	}
	before, after := agree(plain), agree(learned)
	if after <= before || after < len(gold)*95/100 {
		t.Errorf("links agreeing with the target: %d without rank weights, %d with the learned ones, of %d", before, after, len(gold))
	}
	t.Logf("agreeing links: %d -> %d of %d (%d examples)", before, after, len(gold), examples)
	// The model file holds the weights fitted, which the trees start from.
	again, err := ParseModel(m.YAML("rank"), "rank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(again.Rank, m.Rank) {
		t.Errorf("rank weights written and read back as %v, fitted %v", again.Rank, m.Rank)
	}
}

// TestTrainRankTrees checks that the rank trees learn a known rank
// weighting on their own, when the penalty keeps the Rank weights at zero.
func TestTrainRankTrees(t *testing.T) {
	log, target, gold, seg := rankTarget(t)
	opts := RankOptions{Lambda: 1e9, Trees: 40, Depth: 2, MinLeaf: 1, Rate: 0.3}
	m, _, err := TrainRank([]TrainingDay{{Log: log, Gold: gold}}, seg, linkWeightsOnly(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Rank) != 0 || m.RankTrees == nil || len(m.RankTrees.Trees) != opts.Trees {
		t.Fatalf("want trees alone: rank %v, trees %v", m.Rank, m.RankTrees)
	}
	_, learned := sampleDay(t, m)
	agree := 0
	for i, l := range learned.Links {
		if l.Parent == target.Links[i].Parent {
			agree++
		}
	}
	if agree < len(gold)*95/100 {
		t.Errorf("links agreeing with the target: %d of %d", agree, len(gold))
	}
	again, err := ParseModel(m.YAML("trees"), "trees.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, reread := sampleDay(t, again); !slices.EqualFunc(reread.Links, learned.Links, func(a, b Link) bool { return a.Parent == b.Parent }) {
		t.Error("the model file's trees link differently from the fitted ones")
	}
}

// TestModelRankYAML checks that rank weights are read, written, and checked.
func TestModelRankYAML(t *testing.T) {
	m, err := ParseModel([]byte("name: x\ngate: true\nweights:\n  mention: 6\nrank:\n  shared-terms: 0.5\n"), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !m.ranks || m.r[fSharedTerms] != 0.5 {
		t.Errorf("rank weights not indexed: %+v", m.Rank)
	}
	if out := string(m.YAML("a model")); !strings.Contains(out, "rank:\n  shared-terms: 0.5\n") {
		t.Errorf("YAML lost the rank weights:\n%s", out)
	}
	if _, err := ParseModel([]byte("weights:\n  mention: 6\nrank:\n  no-such: 1\n"), "y.yaml"); err == nil || !strings.Contains(err.Error(), `y.yaml:4: unknown feature "no-such"`) {
		t.Errorf("unknown rank feature: got error %v", err)
	}
	trees := "name: x\nweights:\n  mention: 6\nrank_trees:\n  features: [adjacent, shared-terms]\n  trees: |\n    1 0.5 1 2; -0.25; 0.75\n"
	m, err = ParseModel([]byte(trees), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !m.ranks || !m.rankUses[fSharedTerms] || m.rankUses[fAdjacent] {
		t.Errorf("rank trees not indexed: ranks %v, uses shared-terms %v, adjacent %v", m.ranks, m.rankUses[fSharedTerms], m.rankUses[fAdjacent])
	}
	x := make([]float64, 2)
	if v := m.rankScore([]feature{{id: fSharedTerms, value: 1}}, x); v != 0.75 {
		t.Errorf("rank trees score %g for shared terms, want 0.75", v)
	}
	if out := string(m.YAML("a model")); !strings.Contains(out, "rank_trees:\n  features: [adjacent, shared-terms]\n  trees: |\n    1 0.5 1 2; -0.25; 0.75\n") {
		t.Errorf("YAML lost the rank trees:\n%s", out)
	}
	for bad, want := range map[string]string{
		strings.Replace(trees, "shared-terms]", "no-such]", 1): `z.yaml:5: rank_trees splits on unknown feature "no-such"`,
		strings.Replace(trees, "1 0.5 1 2", "2 0.5 1 2", 1):    "z.yaml:7: rank_trees tree 1",
	} {
		if _, err := ParseModel([]byte(bad), "z.yaml"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got error %v, want %q", err, want)
		}
	}
}

// TestThreadPlaceFeatures checks the Rank-only features that read where a
// candidate stands in its thread, on a hand-linked exchange.
func TestThreadPlaceFeatures(t *testing.T) {
	msgs := []chatlog.Message{
		msg("A", "分账 怎么 开通？", 0), // 0: thread 1 starts
		msg("B", "找 客户经理 开通", 1), // 1 -> 0
		msg("C", "今天 天气 不错", 2),  // 2: thread 2 starts
		msg("A", "要 什么 资料？", 3),  // 3 -> 1
		msg("B", "营业执照 就 行", 4),  // 4 -> 3
		msg("D", "是 的", 5),       // 5 -> 2
		msg("A", "好 的 谢谢", 6),    // 6: the message linked
	}
	parents := []int{-1, 0, -1, 1, 3, 2}
	p := DefaultParams()
	p.Model = linkWeightsOnly(t)
	c, _, _ := prepare(&chatlog.Log{Messages: msgs}, fieldTokenizer{}, p)
	for k, parent := range parents {
		c.links[k].Parent = parent
	}
	c.allFeatures = true // the embedded link weights weigh these 0
	has := func(j int, id featureID) bool {
		for _, f := range c.pairFeatures(6, j) {
			if f.id == id {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		j    int
		id   featureID
		want bool
	}{
		{0, fThreadRoot, true},
		{1, fThreadRoot, false},
		{4, fThreadLatest, true},
		{1, fThreadLatest, false},
		{4, fThreadLatestOther, true},
		{1, fThreadLatestOther, false},
		{3, fThreadLatestQuestion, true}, // A's own question, the thread's latest
		{0, fThreadLatestQuestion, false},
		{4, fRepliesToSender, true}, // B answered A's 要什么资料
		{2, fRepliesToSender, false},
		{1, fRepliedAlready, true}, // A replied to 1 already (message 3)
		{4, fRepliedAlready, false},
		{1, fPartner, true},      // A replied to B after this line of B's
		{4, fPartner, false},     // B's line after A's reply
		{5, fThreadLatest, true}, // the other thread's latest line
	} {
		if got := has(tc.j, tc.id); got != tc.want {
			t.Errorf("candidate %d: %s = %v, want %v", tc.j, featureNames[tc.id], got, tc.want)
		}
	}
}

// TestTrainLeavesRankOnlyFeaturesOut checks that the perceptron learns no
// link weight for the thread-place features, which only the Rank weights
// use, and that a model weighing one by hand gets it computed when scoring.
func TestTrainLeavesRankOnlyFeaturesOut(t *testing.T) {
	log, target := sampleDay(t, linkWeightsOnly(t))
	gold := map[int][]int{}
	for i, l := range target.Links {
		gold[i] = []int{l.Parent}
		if l.Parent < 0 {
			gold[i] = []int{i}
		}
	}
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train([]TrainingDay{{Log: log, Gold: gold}}, seg, TrainOptions{Name: "t", Epochs: 2, Gate: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range placeFeatures {
		if w, ok := m.Weights[featureNames[id]]; ok {
			t.Errorf("Train learned a link weight for the rank-only feature %s: %v", featureNames[id], w)
		}
	}

	hand, err := ParseModel([]byte("name: hand\nweights:\n  new-thread: 0.6\n  thread-root: 2\n"), "hand.yaml")
	if err != nil {
		t.Fatal(err)
	}
	msgs := []chatlog.Message{msg("A", "分账 怎么 开通？", 0), msg("B", "找 客户经理", 1)}
	p := DefaultParams()
	p.Model = hand
	c, _, _ := prepare(&chatlog.Log{Messages: msgs}, fieldTokenizer{}, p)
	found := false
	for _, f := range c.pairFeatures(1, 0) {
		found = found || f.id == fThreadRoot
	}
	if !found {
		t.Error("a model that weighs thread-root does not get it when scoring")
	}
}

// TestAnswerByFirstLink checks the answer the link weights' links give
// where the rank weights move a link so that the final links give none: the
// rank weights move B's answer from A's question to D's comment, and the
// answer to A's question stands, for the message and for its second listing
// in an export that lists every message twice.
func TestAnswerByFirstLink(t *testing.T) {
	msgs := []chatlog.Message{
		msg("A", "分账 怎么 开通？", 0), msg("C", "分账 很 麻烦", 1),
		msg("D", "是 的 很 麻烦", 2), msg("B", "找 客户经理 开通 分账", 3),
	}
	build := func(m *Model, msgs []chatlog.Message) *Result {
		m.Answers = nil
		p := DefaultParams()
		p.Model = m
		return BuildWith(day(append([]chatlog.Message(nil), msgs...)...), fieldTokenizer{}, p)
	}
	rank := map[string]float64{"dist-1": 6}
	if l := build(linkWeightsOnly(t), msgs).Links[3]; l.Parent != 0 || l.Role != RoleAnswer || l.AnswerOf != 0 {
		t.Fatalf("link weights: message 3 parent %d %s/%d, want 0 answer/0", l.Parent, l.Role, l.AnswerOf)
	}
	res := build(withRank(t, rank), msgs)
	checkInvariants(t, res, len(msgs))
	l := res.Links[3]
	if l.Parent != 2 || !l.HasEvidence("rerank") {
		t.Fatalf("message 3 parent %d, want 2 (moved); %+v", l.Parent, l.Evidence)
	}
	if l.Role != RoleAnswer || l.AnswerOf != 0 || !l.HasEvidence("answers-by-first-link") {
		t.Errorf("message 3: %s/%d, want answer/0 by first link; %+v", l.Role, l.AnswerOf, l.Evidence)
	}
	if got := roleString(res.Links); got != "QAAA" {
		t.Errorf("roles %s, want QAAA", got)
	}

	var doubled []chatlog.Message
	for _, m := range msgs {
		c := m
		c.Sender += "-群名片"
		doubled = append(doubled, m, c)
	}
	res = build(withRank(t, rank), doubled)
	checkInvariants(t, res, len(doubled))
	for k := range msgs {
		l, c := res.Links[2*k], res.Links[2*k+1]
		if !c.HasEvidence("copy") || c.Parent != 2*k {
			t.Fatalf("listing %d: not a copy of %d; %+v", 2*k+1, 2*k, c.Evidence)
		}
		if c.Role != l.Role || c.AnswerOf != l.AnswerOf {
			t.Errorf("copy %d: %s/%d, its message %s/%d", 2*k+1, c.Role, c.AnswerOf, l.Role, l.AnswerOf)
		}
	}
	if l := res.Links[6]; l.Role != RoleAnswer || l.AnswerOf != 0 || !l.HasEvidence("answers-by-first-link") {
		t.Errorf("doubled: message 6: %s/%d; %+v", l.Role, l.AnswerOf, l.Evidence)
	}
}
