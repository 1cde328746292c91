package thread

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/optimize"

	"github.com/cocolian/threads/internal/chatlog"
)

// A TrainingDay is one log with gold reply links for some of its messages.
type TrainingDay struct {
	Log  *chatlog.Log  // the parsed log, threaded as a whole for context (a forum's topics apart)
	Gold map[int][]int // annotated message -> its gold antecedents (itself for a thread start)
	// Answers holds, for TSV gold (which gives roles), each annotated
	// message's question (-1 when it answers none); nil for link gold.
	Answers map[int]int
}

// DefaultEpochs is how many passes over the data Train makes when
// TrainOptions.Epochs is not set.
const DefaultEpochs = 5

// TrainOptions control Train.
type TrainOptions struct {
	Name   string // the trained model's name
	Epochs int    // passes over the data; 0 or less means DefaultEpochs
	Gate   bool   // whether the trained model gates candidates on evidence
}

// Train fits the link-scorer weights to gold reply links with an averaged
// perceptron: for each annotated message, when the best-scoring candidate
// (an earlier message, or itself for a new thread) is not a gold antecedent,
// the weights move toward the best gold candidate and away from the
// prediction. Links of earlier messages follow gold where it is known, so
// features that look at the reply chain see the annotated conversation; the
// links the passes before the scorer make (talks, waves, system lines) stay.
// The thread-place features get no link weight: only TrainRank fits them.
// The same data gives the same model: days and messages are visited in order.
// It fails when no annotated message is left for the scorer to link (the
// passes before it link them all): there is nothing to learn weights from.
func Train(days []TrainingDay, tok Tokenizer, opts TrainOptions) (*Model, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = DefaultEpochs
	}
	days = topicTrainingDays(days)
	p := DefaultParams()
	model := &Model{Name: opts.Name, Gate: opts.Gate}
	model.w[fNewThread] = 1
	w := &model.w
	var sum [numFeatures]float64
	steps := 0.0
	p.Model = model
	type prepared struct {
		c       *linkContext
		decided []bool
		first   int
	}
	var ready []prepared
	for _, d := range days {
		c, decided, _ := prepare(d.Log, tok, p)
		c.allFeatures = true
		first := len(d.Log.Messages)
		for i := range d.Gold {
			first = min(first, i)
		}
		start := first
		for start > 0 && c.distance(first, start-1) <= p.Window {
			start--
		}
		ready = append(ready, prepared{c, decided, start})
	}
	for epoch := 0; epoch < opts.Epochs; epoch++ {
		for k, d := range days {
			r := ready[k]
			c := r.c
			c.roots, c.place = nil, threadPlaces{} // the links change from epoch to epoch
			for i := r.first; i < len(c.msgs); i++ {
				if r.decided[i] {
					continue // linked by the passes before the scorer (talks, waves, system lines)
				}
				c.links[i].Parent = -1
				cands := c.candidates(i)
				pred := argmax(model, cands, opts.Gate)
				gold, annotated := d.Gold[i]
				if !annotated {
					c.links[i].Parent = parentOf(i, cands, pred)
					continue
				}
				isGold := func(j int) bool {
					for _, g := range gold {
						if g == j {
							return true
						}
					}
					return false
				}
				best := -1
				for x, cand := range cands {
					if isGold(cand.j) && (best < 0 || cand.score(model) > cands[best].score(model)) {
						best = x
					}
				}
				if best >= 0 && !isGold(cands[pred].j) {
					for _, f := range cands[best].fs {
						if !untrained[f.id] {
							w[f.id] += f.value
						}
					}
					for _, f := range cands[pred].fs {
						if !untrained[f.id] {
							w[f.id] -= f.value
						}
					}
				}
				steps++
				for n, v := range w {
					sum[n] += v
				}
				switch {
				case best >= 0:
					c.links[i].Parent = parentOf(i, cands, best)
				default:
					c.links[i].Parent = latestGold(gold, i)
				}
			}
		}
	}
	if steps == 0 {
		return nil, errNoScorerLinks
	}
	avg := map[string]float64{}
	for n, v := range sum {
		if a := v / steps; math.Abs(a) >= 1e-4 {
			avg[featureNames[n]] = round4(a)
		}
	}
	if len(avg) == 0 {
		return nil, errors.New("every averaged weight came out 0, which no model file can hold; give more annotated days")
	}
	out := &Model{Name: opts.Name, Gate: opts.Gate, Weights: avg}
	if err := out.index(opts.Name); err != nil {
		panic(err) // every name comes from featureNames
	}
	return out, nil
}

// errNoScorerLinks is Train's error when the passes before the link scorer
// (talks, waves, copies, system lines) link every annotated message.
var errNoScorerLinks = errors.New("no annotated message is left for the link scorer to decide: the passes before it (talks, waves, copies, system lines) link them all, so the perceptron took no step and would give no weights; give annotated days with reply links the scorer decides")

// A candidate is one possible parent of a message: an earlier message, or
// the message itself (a new thread).
type candidate struct {
	j  int
	fs []feature
}

func (c candidate) score(m *Model) float64 {
	s, _, _ := m.score(c.fs)
	return s
}

// candidates lists message i itself and every message it may reply to
// (inReach), as linkRest scores them.
func (c *linkContext) candidates(i int) []candidate {
	out := []candidate{{j: i, fs: c.selfFeatures(i)}}
	for j := range c.inReach(i) {
		if fs := c.pairFeatures(i, j); fs != nil {
			out = append(out, candidate{j, fs})
		}
	}
	return out
}

// argmax returns the position of the best candidate; ties go to the earlier
// position in the list (the new thread first, then the nearest message).
func argmax(m *Model, cands []candidate, gate bool) int {
	best, bestScore := 0, math.Inf(-1)
	for x, cand := range cands {
		s, ok, _ := m.score(cand.fs)
		if x > 0 && gate && !ok {
			continue
		}
		if s > bestScore {
			best, bestScore = x, s
		}
	}
	return best
}

// parentOf turns a chosen candidate into a parent index (-1 for a new thread).
func parentOf(i int, cands []candidate, x int) int {
	if cands[x].j == i {
		return -1
	}
	return cands[x].j
}

// latestGold is the nearest gold antecedent of i, -1 when it is i itself.
func latestGold(gold []int, i int) int {
	g := append([]int(nil), gold...)
	sort.Ints(g)
	for k := len(g) - 1; k >= 0; k-- {
		if g[k] < i {
			return g[k]
		}
	}
	return -1
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// RankOptions control TrainRank.
type RankOptions struct {
	Lambda float64 // L2 penalty on the Rank weights: larger keeps them nearer 0
	// Trees, Depth, MinLeaf and Rate shape the RankTrees fitted after the
	// Rank weights (no trees when Trees is 0).
	Trees   int
	Depth   int
	MinLeaf int // fewest candidates a leaf may hold
	Rate    float64
}

// DefaultRankOptions are the settings the embedded model was fitted with.
// Fitted on two groups of the 43 annotated days and scored on the third,
// these trees raise reply-link F1 from 68.8 / 67.6 (Rank weights alone) to
// 69.5 / 68.2 on the two annotations. Other settings gave 69.0 / 67.7 (35
// trees at rate 0.4) to 69.5 / 68.2 (100 at 0.15); rerank reads the trees
// for every candidate of the chosen thread, so the fewest trees that reach
// the best figures were kept.
func DefaultRankOptions() RankOptions {
	return RankOptions{Lambda: 3, Trees: 30, Depth: 4, MinLeaf: 150, Rate: 0.5}
}

// A rankExample is one annotated message the link weights link: its
// candidates inside the thread they chose, their link-weight scores, and
// which of them gold names as the parent.
type rankExample struct {
	fs   [][]feature
	base []float64
	gold int
}

// TrainRank fits the Rank weights of m to gold reply links and returns a
// copy of m that has them, with the number of messages it learned from.
// Each annotated message that m's link weights link to an earlier message
// whose thread holds its gold parent is one example: among the candidates of
// that thread that pass the gate, the gold parent should score highest with
// the link weights plus the Rank weights. The Rank weights maximise the
// likelihood of the gold parents under a conditional logit (softmax over the
// candidates) minus Lambda times their squared size, found by L-BFGS. The
// threads, thread starts and questions m gives stay as they are. With no
// example it returns m without rank weights and 0. It fails when Lambda is
// not a finite number above 0, or when the optimiser makes no progress from
// zero weights.
func TrainRank(days []TrainingDay, tok Tokenizer, m *Model, opts RankOptions) (*Model, int, error) {
	if !(opts.Lambda > 0) || math.IsInf(opts.Lambda, 1) {
		return nil, 0, fmt.Errorf("lambda %g: the L2 penalty of the rank weights must be a finite number above 0", opts.Lambda)
	}
	base := *m
	base.Rank, base.RankTrees = nil, nil
	if err := base.index(base.Name); err != nil {
		panic(err) // m was indexed already
	}
	p := DefaultParams()
	p.Model = &base
	var examples []rankExample
	for _, d := range topicTrainingDays(days) {
		c, decided, _ := prepare(d.Log, tok, p)
		linkRest(c, decided)
		examples = append(examples, c.rankExamples(d.Gold)...)
	}
	if len(examples) == 0 {
		return &base, 0, nil // nothing to fit: the caller says so
	}
	delta, err := fitRank(examples, opts.Lambda)
	if err != nil {
		return nil, len(examples), err
	}
	out := base
	out.Rank = map[string]float64{}
	for id, v := range delta {
		if v = round4(v); v != 0 {
			out.Rank[featureNames[id]] = v
		}
		delta[id] = v // the trees start from the weights as the model file holds them
	}
	if opts.Trees > 0 {
		trees := fitRankTrees(examples, delta, boostOptions{Trees: opts.Trees, Depth: opts.Depth, MinLeaf: opts.MinLeaf, Rate: opts.Rate})
		out.RankTrees = &RankForest{Features: featureNames[:], Trees: trees}
	}
	if err := out.index(out.Name); err != nil {
		panic(err) // every name comes from featureNames
	}
	return &out, len(examples), nil
}

// fitRankTrees fits boosted trees to the examples under the conditional
// logit's loss (softmax over each example's candidates), starting from the
// link-weight scores plus the Rank weights w: the trees learn what those
// leave unexplained. Each candidate's input is its features by identifier.
func fitRankTrees(examples []rankExample, w []float64, o boostOptions) []Tree {
	var x [][]float64
	var f []float64
	first := make([]int, 0, len(examples)+1) // each example's first candidate in x
	for _, ex := range examples {
		first = append(first, len(x))
		for k, fs := range ex.fs {
			v := make([]float64, numFeatures)
			s := ex.base[k]
			for _, ft := range fs {
				v[ft.id] += ft.value
				s += w[ft.id] * ft.value
			}
			x = append(x, v)
			f = append(f, s)
		}
	}
	first = append(first, len(x))
	return boostRounds(x, f, o, func(f, g, h []float64) {
		for e, ex := range examples {
			cands := f[first[e]:first[e+1]]
			top := slices.Max(cands)
			sum := 0.0
			for _, s := range cands {
				sum += math.Exp(s - top)
			}
			for k, s := range cands {
				i := first[e] + k
				p := math.Exp(s-top) / sum
				g[i] = p
				if k == ex.gold {
					g[i]--
				}
				h[i] = max(p*(1-p), 1e-6)
			}
		}
	})
}

// rankExamples lists the examples of one threaded day (see TrainRank).
func (c *linkContext) rankExamples(gold map[int][]int) []rankExample {
	var out []rankExample
	c.allFeatures = true
	defer func() { c.allFeatures = false }()
	for i, scored := range c.scoredLink {
		parents, annotated := gold[i]
		if !scored || !annotated {
			continue
		}
		root := c.rootOf(c.links[i].Parent)
		ex := rankExample{gold: -1}
		for _, cand := range c.candidates(i)[1:] { // [0] is i itself
			if c.rootOf(cand.j) != root {
				continue
			}
			s, ok := c.m.total(cand.fs)
			if !ok {
				continue
			}
			if slices.Contains(parents, cand.j) {
				ex.gold = len(ex.fs)
			}
			ex.fs = append(ex.fs, cand.fs)
			ex.base = append(ex.base, s)
		}
		if ex.gold >= 0 {
			out = append(out, ex)
		}
	}
	return out
}

// fitRank returns the Rank weights that minimise the negative
// log-likelihood of the gold candidates plus lambda times the squared
// weights. L-BFGS usually stops with "linesearch: failed to converge" once
// it can improve no further; that result stands. It fails only when the
// optimiser made no progress (madeNoProgress).
func fitRank(examples []rankExample, lambda float64) ([]float64, error) {
	var scores, probs []float64
	objective := func(x, grad []float64) float64 {
		loss := 0.0
		for k, v := range x {
			loss += lambda * v * v
			if grad != nil {
				grad[k] = 2 * lambda * v
			}
		}
		for _, ex := range examples {
			scores = scores[:0]
			top := math.Inf(-1)
			for k, fs := range ex.fs {
				s := ex.base[k]
				for _, f := range fs {
					s += x[f.id] * f.value
				}
				scores = append(scores, s)
				top = max(top, s)
			}
			sum := 0.0
			probs = probs[:0]
			for _, s := range scores {
				e := math.Exp(s - top)
				probs = append(probs, e)
				sum += e
			}
			loss += math.Log(sum) + top - scores[ex.gold]
			if grad == nil {
				continue
			}
			for k, fs := range ex.fs {
				pk := probs[k] / sum
				if k == ex.gold {
					pk--
				}
				for _, f := range fs {
					grad[f.id] += pk * f.value
				}
			}
		}
		return loss
	}
	problem := optimize.Problem{
		Func: func(x []float64) float64 { return objective(x, nil) },
		Grad: func(grad, x []float64) { objective(x, grad) },
	}
	result, err := optimize.Minimize(problem, make([]float64, numFeatures), nil, &optimize.LBFGS{})
	if err != nil && madeNoProgress(result) {
		return nil, fmt.Errorf("fitting the rank weights on %d examples made no progress (%v); check that --lambda is a moderate number such as %g", len(examples), err, DefaultRankOptions().Lambda)
	}
	return result.X, nil
}

// madeNoProgress reports whether an optimisation that ended in an error
// left nothing to use: no result, a loss that is not a finite number, or
// weights still all at their starting 0.
func madeNoProgress(r *optimize.Result) bool {
	if r == nil || math.IsNaN(r.F) || math.IsInf(r.F, 0) {
		return true
	}
	for _, v := range r.X {
		if v != 0 {
			return false
		}
	}
	return true
}

// AnswerOptions control TrainAnswers.
type AnswerOptions struct {
	Threshold float64 // answers less likely than this lose their role
	Trees     int     // boosting rounds
	Depth     int     // deepest split level of a tree
	MinLeaf   int     // fewest answers a leaf may hold
	Rate      float64 // shrinkage of each tree
}

// DefaultAnswerOptions are the settings the embedded model was fitted with.
func DefaultAnswerOptions() AnswerOptions {
	return AnswerOptions{Threshold: 0.2, Trees: 200, Depth: 3, MinLeaf: 20, Rate: 0.05}
}

// TrainAnswers fits the answer check of m (its `answers:` block) and returns
// a copy of m that has it, with the number of answers it learned from. Each
// answer that m's rules give an annotated message of a day with gold roles
// is one example: right when gold says the message answers that question.
// The check is boosted trees over answerFeatureNames (fitBoost); thread
// membership, reply links and questions stay as they are.
func TrainAnswers(days []TrainingDay, tok Tokenizer, m *Model, opts AnswerOptions) (*Model, int) {
	base := *m
	base.Answers = nil
	p := DefaultParams()
	p.Model = &base
	var xs [][]float64
	var ys []bool
	for _, d := range topicTrainingDays(days) {
		if d.Answers == nil {
			continue
		}
		c, _ := linkAndAssignRoles(d.Log, tok, p)
		answers, x := answerPairs(c.msgs, c.fs, c.links, c.listings)
		for k, a := range answers {
			if q, ok := d.Answers[a]; ok {
				xs = append(xs, x[k])
				ys = append(ys, q == c.links[a].AnswerOf)
			}
		}
	}
	if len(xs) == 0 {
		return &base, 0
	}
	b, trees := fitBoost(xs, ys, boostOptions{Trees: opts.Trees, Depth: opts.Depth, MinLeaf: opts.MinLeaf, Rate: opts.Rate})
	base.Answers = newAnswerCheck(opts.Threshold, b, trees)
	return &base, len(xs)
}
