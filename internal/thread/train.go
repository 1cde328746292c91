package thread

import (
	"math"
	"sort"

	"github.com/cocolian/threads/internal/chatlog"
)

// A TrainingDay is one log with gold reply links for some of its messages.
type TrainingDay struct {
	Log  *chatlog.Log  // the parsed log, threaded as a whole for context
	Gold map[int][]int // annotated message -> its gold antecedents (itself for a thread start)
}

// TrainOptions control Train.
type TrainOptions struct {
	Name   string // the trained model's name
	Epochs int    // passes over the data
	Gate   bool   // whether the trained model gates candidates on evidence
}

// Train fits the link-scorer weights to gold reply links with an averaged
// perceptron: for each annotated message, when the best-scoring candidate
// (an earlier message, or itself for a new thread) is not a gold antecedent,
// the weights move toward the best gold candidate and away from the
// prediction. Links of earlier messages follow gold where it is known, so
// features that look at the reply chain see the annotated conversation. The
// same data gives the same model: days and messages are visited in order.
func Train(days []TrainingDay, tok Tokenizer, opts TrainOptions) *Model {
	if opts.Epochs <= 0 {
		opts.Epochs = 5
	}
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
		ready = append(ready, prepared{c, decided, max(0, first-p.Window)})
	}
	for epoch := 0; epoch < opts.Epochs; epoch++ {
		for k, d := range days {
			r := ready[k]
			c := r.c
			for i := r.first; i < len(c.msgs); i++ {
				c.links[i].Parent = -1
				if r.decided[i] {
					continue
				}
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
						w[f.id] += f.value
					}
					for _, f := range cands[pred].fs {
						w[f.id] -= f.value
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
	avg := map[string]float64{}
	for n, v := range sum {
		if a := v / steps; math.Abs(a) >= 1e-4 {
			avg[featureNames[n]] = round4(a)
		}
	}
	out := &Model{Name: opts.Name, Gate: opts.Gate, Weights: avg}
	if err := out.index(opts.Name); err != nil {
		panic(err) // every name comes from featureNames
	}
	return out
}

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

// candidates lists message i itself and every earlier message in reach.
func (c *linkContext) candidates(i int) []candidate {
	out := []candidate{{j: i, fs: c.selfFeatures(i)}}
	for j := i - 1; j >= 0 && j >= i-c.p.Window; j-- {
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
