package eval

import "fmt"

// An Annotation is a threading of one chat log: per message (0-based index),
// its reply-to parent, thread and Q&A role.
//
// Parent, Thread, Question and AnswerOf are indexed by message. A nil slice
// means the annotation says nothing about that aspect (for example a
// prediction without Q&A roles). Labels, Nicks, Seconds and Lines are
// optional extras filled by ReadTSV.
type Annotation struct {
	Parent   []int    // index of the message it replies to; == own index for a thread start
	Thread   []int    // cluster id per message (any ints; same id = same thread)
	Question []bool   // message is an information-seeking question
	AnswerOf []int    // index of the question this message answers, -1 if none
	Labels   []string // thread label as written in the source (e.g. "T1"), if any
	Nicks    []string // sender nickname, if known
	Seconds  []int    // time of day in seconds since midnight, -1 if unknown
	Lines    []int    // 1-based line of each message's row in the source file
}

// Len returns the number of messages, the length of the first non-nil slice
// among Parent, Thread, Question and AnswerOf.
func (a *Annotation) Len() int {
	switch {
	case a == nil:
		return 0
	case a.Parent != nil:
		return len(a.Parent)
	case a.Thread != nil:
		return len(a.Thread)
	case a.Question != nil:
		return len(a.Question)
	default:
		return len(a.AnswerOf)
	}
}

// Validate reports the first inconsistency in a: slices of different
// lengths, a parent outside [0, own index], or an AnswerOf outside
// [-1, message count).
func (a *Annotation) Validate() error {
	n := a.Len()
	lens := []struct {
		name string
		n    int
		set  bool
	}{
		{"Parent", len(a.Parent), a.Parent != nil},
		{"Thread", len(a.Thread), a.Thread != nil},
		{"Question", len(a.Question), a.Question != nil},
		{"AnswerOf", len(a.AnswerOf), a.AnswerOf != nil},
		{"Labels", len(a.Labels), a.Labels != nil},
		{"Nicks", len(a.Nicks), a.Nicks != nil},
		{"Seconds", len(a.Seconds), a.Seconds != nil},
		{"Lines", len(a.Lines), a.Lines != nil},
	}
	for _, l := range lens {
		if l.set && l.n != n {
			return fmt.Errorf("annotation: %s has %d entries, want %d", l.name, l.n, n)
		}
	}
	for i, p := range a.Parent {
		if p < 0 || p > i {
			return fmt.Errorf("annotation: message %d: parent %d not in [0, %d]", i, p, i)
		}
	}
	for i, q := range a.AnswerOf {
		if q < -1 || q >= n {
			return fmt.Errorf("annotation: message %d: answers %d, want -1 or a message index below %d", i, q, n)
		}
	}
	return nil
}

// ThreadsFromParents returns the connected components of the reply graph
// given by parent as a cluster id per message: the smallest message index in
// the component. A parent outside [0, len(parent)) counts as a self link.
func ThreadsFromParents(parent []int) []int {
	uf := newUnionFind(len(parent))
	for i, p := range parent {
		if p >= 0 && p < len(parent) {
			uf.union(i, p)
		}
	}
	ids := make([]int, len(parent))
	first := make(map[int]int)
	for i := range parent {
		r := uf.find(i)
		if _, ok := first[r]; !ok {
			first[r] = i
		}
		ids[i] = first[r]
	}
	return ids
}

// threadIDs returns a's cluster id for each of n messages: Thread when it is
// set, else the components of Parent. Messages beyond a's length are
// singletons with ids that no other message shares.
func (a *Annotation) threadIDs(n int) []int {
	var src []int
	switch {
	case a == nil:
	case a.Thread != nil:
		src = a.Thread
	case a.Parent != nil:
		src = ThreadsFromParents(a.Parent)
	}
	// Renumber to 0..k-1 so that padding ids cannot collide with given ones.
	ids := make([]int, n)
	seen := make(map[int]int)
	for i := range ids {
		if i < len(src) {
			id, ok := seen[src[i]]
			if !ok {
				id = len(seen)
				seen[src[i]] = id
			}
			ids[i] = id
		} else {
			ids[i] = -1 - i
		}
	}
	return ids
}

// unionFind is a disjoint-set forest over 0..n-1.
type unionFind struct{ parent, size []int }

func newUnionFind(n int) *unionFind {
	uf := &unionFind{parent: make([]int, n), size: make([]int, n)}
	for i := range uf.parent {
		uf.parent[i] = i
		uf.size[i] = 1
	}
	return uf
}

func (uf *unionFind) find(x int) int {
	for uf.parent[x] != x {
		uf.parent[x] = uf.parent[uf.parent[x]]
		x = uf.parent[x]
	}
	return x
}

func (uf *unionFind) union(x, y int) {
	x, y = uf.find(x), uf.find(y)
	if x == y {
		return
	}
	if uf.size[x] < uf.size[y] {
		x, y = y, x
	}
	uf.parent[y] = x
	uf.size[x] += uf.size[y]
}
