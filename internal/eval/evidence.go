package eval

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// An EvidenceTally counts, for one kind of evidence behind predicted reply
// links (the kinds `threads extract --explain` shows), the scored messages
// whose link carries it and how many of those links gold agrees with. It
// tells which kinds of evidence to trust and which to check by hand.
type EvidenceTally struct {
	Kind     string `json:"kind"`
	Messages int    `json:"messages"` // scored messages whose link carries Kind
	Parent   int    `json:"parent"`   // of those, links to the gold parent (a thread start where gold starts one)
	Thread   int    `json:"thread"`   // of those, links into the message's gold thread (a thread start where gold starts one)
}

// TallyEvidence tallies the predicted links of a day against a TSV gold
// annotation with reply links: message i links to parent[i] (i itself, or a
// negative number, for a thread start) on the evidence kinds[i]. A kind
// counts once per message. Messages beyond gold are not scored.
func TallyEvidence(gold *Annotation, parent []int, kinds [][]string) []EvidenceTally {
	n := gold.Len()
	thread := gold.threadIDs(n)
	agree := func(i, p int) (bool, bool) {
		gp := i
		if i < len(gold.Parent) {
			gp = gold.Parent[i]
		}
		if p == i {
			return gp == i, gp == i
		}
		return gp == p, thread[p] == thread[i]
	}
	return tally(upTo(n), parent, kinds, agree)
}

// TallyEvidenceLinks tallies predicted links as TallyEvidence does, against
// a Kummerfeld link annotation: only annotated messages are scored, a link
// agrees when gold has it (a message may have several gold links), and a
// link lands in the gold thread when both messages are connected by gold
// links, context lines included.
func TallyEvidenceLinks(gold *Links, parent []int, kinds [][]string) []EvidenceTally {
	pairs := make(map[Link]bool, len(gold.Pairs))
	var nodes []int // every message a gold link names, context lines included
	for _, l := range gold.Pairs {
		pairs[l] = true
		nodes = append(nodes, l.Message, l.Antecedent)
	}
	slices.Sort(nodes)
	conversation := make(map[int]int)
	for k, c := range components(gold.Pairs, slices.Compact(nodes)) {
		for _, m := range c {
			conversation[m] = k
		}
	}
	agree := func(i, p int) (bool, bool) {
		link := pairs[Link{Message: max(i, p), Antecedent: min(i, p)}]
		if p == i {
			return link, link
		}
		cp, ok := conversation[p]
		return link, ok && cp == conversation[i]
	}
	return tally(gold.Annotated, parent, kinds, agree)
}

// upTo returns 0, 1, ..., n-1.
func upTo(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// tally counts the kinds of each scored message's predicted link and how
// often agree finds the link's parent and thread right.
func tally(scored, parent []int, kinds [][]string, agree func(i, p int) (parentOK, threadOK bool)) []EvidenceTally {
	byKind := map[string]*EvidenceTally{}
	for _, i := range scored {
		if i >= len(kinds) {
			break
		}
		p := i
		if i < len(parent) && parent[i] >= 0 {
			p = parent[i]
		}
		parentOK, threadOK := agree(i, p)
		seen := map[string]bool{}
		for _, k := range kinds[i] {
			if seen[k] {
				continue
			}
			seen[k] = true
			t := byKind[k]
			if t == nil {
				t = &EvidenceTally{Kind: k}
				byKind[k] = t
			}
			t.Messages++
			if parentOK {
				t.Parent++
			}
			if threadOK {
				t.Thread++
			}
		}
	}
	out := make([]EvidenceTally, 0, len(byKind))
	for _, t := range byKind {
		out = append(out, *t)
	}
	sortTallies(out)
	return out
}

// SumTallies pools the tallies of several files, kind by kind.
func SumTallies(files ...[]EvidenceTally) []EvidenceTally {
	byKind := map[string]int{}
	var out []EvidenceTally
	for _, ts := range files {
		for _, t := range ts {
			k, ok := byKind[t.Kind]
			if !ok {
				k = len(out)
				byKind[t.Kind] = k
				out = append(out, EvidenceTally{Kind: t.Kind})
			}
			out[k].Messages += t.Messages
			out[k].Parent += t.Parent
			out[k].Thread += t.Thread
		}
	}
	sortTallies(out)
	return out
}

// sortTallies orders tallies by how many messages carry the kind, most
// first, then by kind.
func sortTallies(ts []EvidenceTally) {
	slices.SortFunc(ts, func(a, b EvidenceTally) int {
		return cmp.Or(cmp.Compare(b.Messages, a.Messages), strings.Compare(a.Kind, b.Kind))
	})
}

// WriteEvidence writes tallies as an aligned table headed by name: each
// kind, the messages whose link carries it, and the percentages of those
// links that reach the gold parent and the gold thread.
func WriteEvidence(w io.Writer, name string, ts []EvidenceTally) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: evidence behind the predicted links, %% of the links carrying it that gold agrees with\n", name)
	fmt.Fprintf(&b, "  %-30s %8s %7s %7s\n", "kind", "messages", "parent", "thread")
	for _, t := range ts {
		fmt.Fprintf(&b, "  %-30s %8d %7.1f %7.1f\n", t.Kind, t.Messages, Count{TP: t.Parent, Pred: t.Messages}.P(), Count{TP: t.Thread, Pred: t.Messages}.P())
	}
	_, err := io.WriteString(w, b.String())
	return err
}
