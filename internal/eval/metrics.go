package eval

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// A Count holds the true positives, predicted and gold totals behind a
// precision/recall/F1 score; counts add up across files for micro-averaging.
type Count struct {
	TP   int // predicted items that are also gold items
	Pred int // predicted items
	Gold int // gold items
}

// Add returns the element-wise sum of c and d.
func (c Count) Add(d Count) Count {
	return Count{TP: c.TP + d.TP, Pred: c.Pred + d.Pred, Gold: c.Gold + d.Gold}
}

// P returns the precision in percent, 100*TP/Pred, or 0 when nothing was
// predicted (as print_results in Kummerfeld's graph-eval.py does).
func (c Count) P() float64 {
	if c.Pred == 0 {
		return 0
	}
	return 100 * float64(c.TP) / float64(c.Pred)
}

// R returns the recall in percent, 100*TP/Gold, or 0 when there is no gold
// item.
func (c Count) R() float64 {
	if c.Gold == 0 {
		return 0
	}
	return 100 * float64(c.TP) / float64(c.Gold)
}

// F1 returns the harmonic mean of P and R in percent, 0 when TP is 0.
func (c Count) F1() float64 {
	if c.TP == 0 {
		return 0
	}
	p, r := c.P(), c.R()
	return 2 * p * r / (p + r)
}

// defined reports whether the score says anything: some item was predicted
// or expected.
func (c Count) defined() bool { return c.Pred+c.Gold > 0 }

// contingency is the table n_ij of messages in gold cluster i and predicted
// cluster j, with the cluster sizes as margins.
type contingency struct {
	n        int            // messages
	goldSize []int          // a_i, messages in gold cluster i
	predSize []int          // b_j, messages in predicted cluster j
	cells    map[[2]int]int // n_ij, only cells above zero
	order    [][2]int       // keys of cells in first-seen order, for determinism
}

// newContingency builds the table for two labelings of the same messages.
func newContingency(gold, pred []int) *contingency {
	if len(gold) != len(pred) {
		panic(fmt.Sprintf("eval: %d gold labels but %d predicted labels", len(gold), len(pred)))
	}
	t := &contingency{n: len(gold), cells: make(map[[2]int]int)}
	goldRow, predCol := make(map[int]int), make(map[int]int)
	for m := range gold {
		i, ok := goldRow[gold[m]]
		if !ok {
			i = len(t.goldSize)
			goldRow[gold[m]] = i
			t.goldSize = append(t.goldSize, 0)
		}
		j, ok := predCol[pred[m]]
		if !ok {
			j = len(t.predSize)
			predCol[pred[m]] = j
			t.predSize = append(t.predSize, 0)
		}
		t.goldSize[i]++
		t.predSize[j]++
		k := [2]int{i, j}
		if t.cells[k] == 0 {
			t.order = append(t.order, k)
		}
		t.cells[k]++
	}
	return t
}

// OneToOneOverlap returns the number of messages covered by the one-to-one
// mapping of Elsner & Charniak (2008, "You talking to me?"): a
// maximum-weight bipartite matching between gold and predicted clusters (each
// cluster used at most once) where the weight of a pair is the number of
// messages they share. The one-to-one score is 100*overlap/N.
// Kummerfeld's conversation-eval.py computes the same matching with a
// min-cost flow; here the Hungarian algorithm runs on each connected
// component of the table of shared messages. gold and pred hold a cluster id
// per scored message and must have the same length.
func OneToOneOverlap(gold, pred []int) int {
	t := newContingency(gold, pred)
	g := len(t.goldSize)
	// Components of the bipartite graph of nonzero cells: rows 0..g-1,
	// columns g.. .
	uf := newUnionFind(g + len(t.predSize))
	for _, k := range t.order {
		uf.union(k[0], g+k[1])
	}
	type comp struct{ rows, cols []int }
	comps := make(map[int]*comp)
	var roots []int
	get := func(x int) *comp {
		r := uf.find(x)
		c, ok := comps[r]
		if !ok {
			c = &comp{}
			comps[r] = c
			roots = append(roots, r)
		}
		return c
	}
	for i := range t.goldSize {
		c := get(i)
		c.rows = append(c.rows, i)
	}
	for j := range t.predSize {
		c := get(g + j)
		c.cols = append(c.cols, j)
	}
	total := 0
	for _, r := range roots {
		c := comps[r]
		w := make([][]int, len(c.rows))
		for a, i := range c.rows {
			w[a] = make([]int, len(c.cols))
			for b, j := range c.cols {
				w[a][b] = t.cells[[2]int{i, j}]
			}
		}
		total += maxWeightAssignment(w)
	}
	return total
}

// maxWeightAssignment returns the largest total weight of a matching in the
// complete bipartite graph with non-negative weights w[row][col], using the
// O(n^2 m) Hungarian algorithm with potentials (Kuhn 1955; Munkres 1957).
func maxWeightAssignment(w [][]int) int {
	rows := len(w)
	if rows == 0 || len(w[0]) == 0 {
		return 0
	}
	cols := len(w[0])
	cost := func(i, j int) int { return -w[i][j] }
	if rows > cols {
		rows, cols = cols, rows
		cost = func(i, j int) int { return -w[j][i] }
	}
	const inf = math.MaxInt / 4
	u := make([]int, rows+1)
	v := make([]int, cols+1)
	p := make([]int, cols+1) // p[j]: row (1-based) assigned to column j, 0 if none
	way := make([]int, cols+1)
	minv := make([]int, cols+1)
	used := make([]bool, cols+1)
	for i := 1; i <= rows; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= cols; j++ {
				if used[j] {
					continue
				}
				if cur := cost(i0-1, j-1) - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= cols; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	total := 0
	for j := 1; j <= cols; j++ {
		if p[j] != 0 {
			total -= cost(p[j]-1, j-1)
		}
	}
	return total
}

// VariationOfInformation returns the variation of information of Meila
// (2007), VI = H(gold|pred) + H(pred|gold), in bits, as
// variation_of_information in Kummerfeld's conversation-eval.py computes it
// (H_UV - I_UV over the contingency table). gold and pred hold a cluster id
// per scored message and must have the same length.
func VariationOfInformation(gold, pred []int) float64 {
	t := newContingency(gold, pred)
	n := float64(t.n)
	vi := 0.0
	for _, k := range t.order {
		c := float64(t.cells[k])
		a, b := float64(t.goldSize[k[0]]), float64(t.predSize[k[1]])
		vi -= c / n * (math.Log2(c/a) + math.Log2(c/b))
	}
	return max(vi, 0) // clamp rounding noise below zero
}

// ScaledVI returns 100*(1 - vi/log2 n), the "1 - Scaled VI" of Kummerfeld et
// al. (2019, "A large-scale corpus for conversation disentanglement";
// conversation-eval.py), for a VI in bits over n
// messages. log2 n is the largest VI possible over n messages. With n <= 1
// both clusterings are trivially equal and the score is 100.
func ScaledVI(vi float64, n int) float64 {
	if n <= 1 {
		return 100
	}
	return 100 * (1 - vi/math.Log2(float64(n)))
}

// ExactMatch counts exact conversation matches as exact_match in Kummerfeld's
// conversation-eval.py does (skip_single=True): only clusters of 2 or more
// messages count, on each side, and a predicted cluster is right when a gold
// cluster with exactly the same messages exists. gold and pred hold a cluster
// id per scored message and must have the same length.
func ExactMatch(gold, pred []int) Count {
	if len(gold) != len(pred) {
		panic(fmt.Sprintf("eval: %d gold labels but %d predicted labels", len(gold), len(pred)))
	}
	key := func(labels []int) (map[string]bool, int) {
		byID := make(map[int][]int)
		for m, id := range labels {
			byID[id] = append(byID[id], m)
		}
		set := make(map[string]bool)
		for _, ms := range byID {
			if len(ms) < 2 {
				continue
			}
			var b strings.Builder
			for _, m := range ms {
				fmt.Fprintf(&b, "%d,", m)
			}
			set[b.String()] = true
		}
		return set, len(set)
	}
	g, ng := key(gold)
	p, np := key(pred)
	c := Count{Pred: np, Gold: ng}
	for k := range p {
		if g[k] {
			c.TP++
		}
	}
	return c
}

// LinkCounts counts reply links as Kummerfeld's graph-eval.py does: gold and
// predicted links are sets of (message, antecedent) pairs, a thread start is
// a link of a message to itself, a message may have several gold links, and a
// predicted link is right when the same pair is a gold link. Duplicates are
// counted once.
func LinkCounts(gold, pred []Link) Count {
	g := make(map[Link]bool, len(gold))
	for _, k := range gold {
		g[k] = true
	}
	p := make(map[Link]bool, len(pred))
	for _, k := range pred {
		p[k] = true
	}
	c := Count{Pred: len(p), Gold: len(g)}
	for k := range p {
		if g[k] {
			c.TP++
		}
	}
	return c
}

// QuestionCounts counts question detection per message: a message flagged as
// a question in pred is right when it is flagged in gold. A missing entry
// (index beyond a slice) counts as false.
func QuestionCounts(gold, pred []bool) Count {
	var c Count
	for i := range max(len(gold), len(pred)) {
		g := i < len(gold) && gold[i]
		p := i < len(pred) && pred[i]
		if g {
			c.Gold++
		}
		if p {
			c.Pred++
		}
		if g && p {
			c.TP++
		}
	}
	return c
}

// QAPairCounts counts question-answer pairs (answer index, question index)
// from AnswerOf slices: a predicted pair is right when gold has the same
// pair. Entries below 0 (and missing entries) mean "answers nothing".
func QAPairCounts(gold, pred []int) Count {
	var c Count
	for i := range max(len(gold), len(pred)) {
		g, p := -1, -1
		if i < len(gold) {
			g = gold[i]
		}
		if i < len(pred) {
			p = pred[i]
		}
		if g >= 0 {
			c.Gold++
		}
		if p >= 0 {
			c.Pred++
		}
		if g >= 0 && g == p {
			c.TP++
		}
	}
	return c
}

// labelsOf returns a cluster id per message in members (sorted) from a list
// of clusters over those messages.
func labelsOf(cs [][]int, members []int) []int {
	id := make(map[int]int, len(members))
	for c, ms := range cs {
		for _, m := range ms {
			id[m] = c
		}
	}
	out := make([]int, len(members))
	for i, m := range members {
		out[i] = id[m]
	}
	return out
}

// countClusters returns the number of distinct ids.
func countClusters(ids []int) int {
	s := slices.Clone(ids)
	slices.Sort(s)
	return len(slices.Compact(s))
}
