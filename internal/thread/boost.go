package thread

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// A Tree is one regression tree of a boosted model, as a list of nodes with
// the root first. A split node is [feature, threshold, left, right]: an input
// whose feature is at most threshold goes to node left, else to node right.
// A leaf is [value], the log-odds it adds.
type Tree [][]float64

// A Forest is the trees of a boosted model. A model file writes it as one
// block of text, a tree a line and its nodes separated by semicolons
// (`0 0.5 1 2; -0.1; 0.2`): that reads several times faster than YAML
// sequences, and the embedded model is read at every start of the program.
type Forest []Tree

// String writes t on one line, as in a model file.
func (t Tree) String() string {
	var b strings.Builder
	for k, n := range t {
		if k > 0 {
			b.WriteString("; ")
		}
		for j, v := range n {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	return b.String()
}

// UnmarshalYAML reads a forest written a tree a line (see Forest).
func (f *Forest) UnmarshalYAML(value *yaml.Node) error {
	if value.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: trees are a block of text, a tree a line of nodes separated by semicolons (0 0.5 1 2; -0.1; 0.2)", value.Line)
	}
	*f = nil
	if strings.TrimSpace(value.Value) == "" {
		return nil
	}
	for k, line := range strings.Split(strings.TrimRight(value.Value, "\n"), "\n") {
		at := value.Line // where the trees start; with `|`, each tree has its line
		if value.Style == yaml.LiteralStyle {
			at += 1 + k
		}
		var t Tree
		for _, node := range strings.Split(line, ";") {
			var n []float64
			for _, field := range strings.Fields(node) {
				v, err := strconv.ParseFloat(field, 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
					return fmt.Errorf("line %d: %q in a tree is not a finite number", at, field)
				}
				n = append(n, v)
			}
			if len(n) == 0 {
				return fmt.Errorf("line %d: an empty node (a blank line, or nothing between semicolons); a tree is one line of nodes separated by semicolons", at)
			}
			t = append(t, n)
		}
		if err := t.check(math.MaxInt32); err != nil {
			return fmt.Errorf("line %d: %w", at, err)
		}
		*f = append(*f, t)
	}
	return nil
}

// A compiledForest is a Forest laid out for reading: every tree's nodes in
// one slice, one tree after another. It reads several times faster than
// Tree's nested slices, and rerank reads the rank trees for every candidate.
type compiledForest struct {
	nodes []flatNode
	roots []int32 // where each tree starts in nodes
}

// A flatNode is a node of a compiled tree: a split on input feature (at
// most value goes to left, else to right), or a leaf (feature -1) adding
// value.
type flatNode struct {
	feature     int32
	left, right int32
	value       float64
}

// compileForest lays out trees that have passed check.
func compileForest(trees Forest) compiledForest {
	var c compiledForest
	for _, t := range trees {
		at := int32(len(c.nodes))
		c.roots = append(c.roots, at)
		for _, n := range t {
			if len(n) == 1 {
				c.nodes = append(c.nodes, flatNode{feature: -1, value: n[0]})
			} else {
				c.nodes = append(c.nodes, flatNode{int32(n[0]), at + int32(n[2]), at + int32(n[3]), n[1]})
			}
		}
	}
	return c
}

// sum adds up the leaf values the trees give input x.
func (c *compiledForest) sum(x []float64) float64 {
	total := 0.0
	for _, k := range c.roots {
		n := &c.nodes[k]
		for n.feature >= 0 {
			if x[n.feature] <= n.value {
				n = &c.nodes[n.left]
			} else {
				n = &c.nodes[n.right]
			}
		}
		total += n.value
	}
	return total
}

// check reports the first malformed node of t: a node that is neither a
// leaf nor a split, a feature outside [0, features), or a child that does
// not come after its parent (which would loop).
func (t Tree) check(features int) error {
	if len(t) == 0 {
		return fmt.Errorf("a tree has no nodes")
	}
	for k, n := range t {
		switch {
		case len(n) == 1:
		case len(n) != 4:
			return fmt.Errorf("node %d has %d numbers; a split has 4 ([feature, threshold, left, right]) and a leaf 1 ([value])", k, len(n))
		case n[0] != math.Trunc(n[0]) || n[0] < 0 || n[0] >= float64(features):
			return fmt.Errorf("node %d splits on feature %g; there are %d features", k, n[0], features)
		default:
			for _, c := range n[2:] {
				if c != math.Trunc(c) || c <= float64(k) || c >= float64(len(t)) {
					return fmt.Errorf("node %d has child %g; a child must be a later node of the tree (%d nodes)", k, c, len(t))
				}
			}
		}
	}
	return nil
}

// boostOptions control fitBoost.
type boostOptions struct {
	Trees   int     // boosting rounds
	Depth   int     // deepest split level of a tree
	MinLeaf int     // fewest examples a leaf may hold
	Rate    float64 // shrinkage of each tree's leaf values
}

// fitBoost fits gradient-boosted regression trees to binary labels under the
// logistic loss (Friedman's gradient boosting with Newton leaf values and an
// L2 penalty of 1 on them). It returns the starting log-odds and the trees.
// A split falls between neighbouring distinct values, at the number with
// the fewest digits near their midpoint (between); ties go to the lowest
// feature and threshold, so the same data give the same trees. The starting
// log-odds and the leaf values are rounded to six decimals as fitted, so the
// model file holds what was fitted.
func fitBoost(x [][]float64, y []bool, o boostOptions) (float64, []Tree) {
	n := len(x)
	if n == 0 {
		return 0, nil
	}
	pos := 0
	for _, v := range y {
		if v {
			pos++
		}
	}
	p0 := (float64(pos) + 0.5) / (float64(n) + 1)
	base := round6(math.Log(p0 / (1 - p0)))
	f := make([]float64, n)
	for i := range f {
		f[i] = base
	}
	return base, boostRounds(x, f, o, func(f, g, h []float64) {
		for i := range f {
			p := 1 / (1 + math.Exp(-f[i]))
			g[i] = p
			if y[i] {
				g[i]--
			}
			h[i] = max(p*(1-p), 1e-6)
		}
	})
}

// boostRounds grows o.Trees trees on x, starting from the scores f (which
// it updates): before each tree, gradient fills the gradients g and
// Hessians h of the loss at the current scores.
func boostRounds(x [][]float64, f []float64, o boostOptions, gradient func(f, g, h []float64)) []Tree {
	n := len(x)
	if n == 0 {
		return nil
	}
	b := binInputs(x)
	g, h := make([]float64, n), make([]float64, n)
	in := make([]int32, n) // node of each example in the tree being grown
	var trees []Tree
	for range o.Trees {
		gradient(f, g, h)
		clear(in)
		t := b.growTree(g, h, in, o)
		c := compileForest(Forest{t})
		for i := range f {
			f[i] += c.sum(x[i])
		}
		trees = append(trees, t)
	}
	return trees
}

// binnedInputs are the inputs of boosting as split search reads them: each
// feature's distinct values, and each example's features that are not 0 as
// the position of their value among them. Most link features are 0 for
// most candidates, so a tree level costs a pass over those alone.
type binnedInputs struct {
	values [][]float64 // each feature's distinct values, ascending
	zero   []int32     // each feature's position of 0 in values, -1 when no example has 0
	first  []int       // example i's cells are cells[first[i]:first[i+1]]
	cells  []binCell
}

// A binCell is one feature of an example that is not 0.
type binCell struct {
	feature, bin int32
}

// binInputs bins the rows of x, which all have the same length.
func binInputs(x [][]float64) *binnedInputs {
	nf := len(x[0])
	b := &binnedInputs{values: make([][]float64, nf), zero: make([]int32, nf), first: make([]int, 0, len(x)+1)}
	for j := range nf {
		vs := make([]float64, 0, len(x))
		for _, row := range x {
			vs = append(vs, row[j])
		}
		slices.Sort(vs)
		b.values[j] = slices.Compact(vs)
		b.zero[j] = -1
		if k, ok := slices.BinarySearch(b.values[j], 0); ok {
			b.zero[j] = int32(k)
		}
	}
	for _, row := range x {
		b.first = append(b.first, len(b.cells))
		for j, v := range row {
			if v != 0 {
				k, _ := slices.BinarySearch(b.values[j], v)
				b.cells = append(b.cells, binCell{int32(j), int32(k)})
			}
		}
	}
	b.first = append(b.first, len(b.cells))
	return b
}

// value returns example i's value of feature j.
func (b *binnedInputs) value(i int, j int32) float64 {
	for _, c := range b.cells[b.first[i]:b.first[i+1]] {
		if c.feature == j {
			return b.values[j][c.bin]
		}
	}
	return 0
}

// growTree grows one tree level by level on the gradients g and Hessians h;
// in holds each example's node and starts at 0 (the root). Each level sums
// the gradients of every node's examples by feature value (a histogram; the
// examples at 0 are what the node holds besides the others), then splits
// each node at the boundary between neighbouring values that gains most,
// when both sides keep o.MinLeaf examples.
func (b *binnedInputs) growTree(g, h []float64, in []int32, o boostOptions) Tree {
	const lambda = 1.0
	type stats struct {
		g, h float64
		n    int
	}
	t := Tree{nil}
	level := []int32{0}
	slot := map[int32]int{} // a node of the level -> its position in level
	for depth := 0; len(level) > 0; depth++ {
		clear(slot)
		for k, node := range level {
			slot[node] = k
		}
		totals := make([]stats, len(level))
		for i, node := range in {
			if k, ok := slot[node]; ok {
				totals[k].g += g[i]
				totals[k].h += h[i]
				totals[k].n++
			}
		}
		hist := make([][][]stats, len(level)) // node slot, feature, value
		if depth < o.Depth {
			for k := range level {
				if totals[k].n >= 2*o.MinLeaf {
					hist[k] = make([][]stats, len(b.values))
					for j := range hist[k] {
						hist[k][j] = make([]stats, len(b.values[j]))
					}
				}
			}
			for i, node := range in {
				k, ok := slot[node]
				if !ok || hist[k] == nil {
					continue
				}
				for _, c := range b.cells[b.first[i]:b.first[i+1]] {
					s := &hist[k][c.feature][c.bin]
					s.g += g[i]
					s.h += h[i]
					s.n++
				}
			}
			for k := range level {
				if hist[k] == nil {
					continue
				}
				for j, byValue := range hist[k] {
					if z := b.zero[j]; z >= 0 {
						rest := totals[k]
						for v, s := range byValue {
							if int32(v) != z {
								rest.g -= s.g
								rest.h -= s.h
								rest.n -= s.n
							}
						}
						byValue[z] = rest
					}
				}
			}
		}
		var next []int32
		for k, node := range level {
			G, H, count := totals[k].g, totals[k].h, totals[k].n
			bestGain, bestF, bestT := 0.0, int32(-1), 0.0
			if hist[k] != nil {
				parent := G * G / (H + lambda)
				for j, byValue := range hist[k] {
					var gl, hl float64
					nl := 0
					prev := math.NaN()
					for v, s := range byValue {
						if s.n == 0 {
							continue
						}
						value := b.values[j][v]
						if nl >= o.MinLeaf && count-nl >= o.MinLeaf && nl > 0 {
							gain := gl*gl/(hl+lambda) + (G-gl)*(G-gl)/(H-hl+lambda) - parent
							if gain > bestGain+1e-12 {
								bestGain, bestF, bestT = gain, int32(j), between(prev, value)
							}
						}
						gl += s.g
						hl += s.h
						nl += s.n
						prev = value
					}
				}
			}
			if bestF < 0 {
				t[node] = []float64{round6(-G / (H + lambda) * o.Rate)}
				continue
			}
			left, right := int32(len(t)), int32(len(t)+1)
			t = append(t, nil, nil)
			t[node] = []float64{float64(bestF), bestT, float64(left), float64(right)}
			for i, at := range in {
				if at == node {
					if b.value(i, bestF) <= bestT {
						in[i] = left
					} else {
						in[i] = right
					}
				}
			}
			next = append(next, left, right)
		}
		level = next
	}
	return t
}

// between returns the number with the fewest significant digits strictly
// between a and b (a < b), near their midpoint, so that model files stay
// short without moving a split across a value it was fitted on.
func between(a, b float64) float64 {
	mid := (a + b) / 2
	for digits := 1; digits < 17; digits++ {
		v, _ := strconv.ParseFloat(strconv.FormatFloat(mid, 'g', digits, 64), 64)
		if a < v && v < b {
			return v
		}
	}
	return mid
}

// round6 keeps six significant decimals, so that model files stay short.
func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }
