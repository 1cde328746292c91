package segment

import "github.com/cocolian/threads/internal/segment/wordtab"

// This file is gse's shortest-path segmenter (Segmenter.Segment of
// github.com/go-ego/gse v1.0.2, with its default options) run over a
// dictionary, step for step, so that it cuts exactly where gse cuts;
// TestSameTokensAsGse checks it against gse itself on every corpus day.

// A jumper is the best path found so far to the end of one unit: its
// length and how many units its last word spans (gse's jumper).
type jumper struct {
	dist  float32
	units int
}

// unknownDistance is gse's distance of a unit that starts no dictionary
// word of one unit.
const unknownDistance = 32

// cut appends to ends the byte offsets at which the words of text end, as
// gse's Segment would cut text.
func (d *dictionary) cut(ends []int, text string) []int {
	if text == "" {
		return ends
	}
	low := key(text)
	var unitBuf [128]int
	units := wordtab.UnitEnds(unitBuf[:0], low)
	var jumperBuf [128]jumper
	var jumpers []jumper
	if len(units) <= len(jumperBuf) {
		jumpers = jumperBuf[:len(units)]
	} else {
		jumpers = make([]jumper, len(units))
	}
	start := 0 // byte offset of unit cur
	for cur := range units {
		var base float32
		if cur > 0 {
			base = jumpers[cur-1].dist
			start = units[cur-1]
		}
		// Every word that starts here, shortest first, as gse's trie
		// lookup finds them.
		first := 0 // units of the shortest word found
		h := wordtab.Seed
		for k, from := cur, start; k < len(units); k++ {
			h = wordtab.Extend(h, low[from:units[k]])
			from = units[k]
			p := low[start:units[k]]
			node, f := d.base.Lookup(h, p)
			if d.mayBeExtra(h) {
				if e, ok := d.extra[p]; ok {
					node = true
					if e.freq > 0 {
						f = e.freq
					}
				}
			}
			if !node {
				break
			}
			if f > 0 {
				if first == 0 {
					first = k - cur + 1
				}
				update(&jumpers[k], base+d.distance(f), k-cur+1)
			}
		}
		// gse adds a one-unit pseudo word when no word of one unit starts
		// here.
		if first != 1 {
			update(&jumpers[cur], base+unknownDistance, 1)
		}
	}
	// Walk back from the end, then write the ends in order.
	n := 0
	for i := len(units) - 1; i >= 0; i -= jumpers[i].units {
		n++
	}
	at := len(ends)
	for range n {
		ends = append(ends, 0)
	}
	k := at + n
	for i := len(units) - 1; i >= 0; i -= jumpers[i].units {
		k--
		ends[k] = units[i]
	}
	return ends
}

// update is gse's updateJumper: a path replaces the best one when there is
// none yet (a distance of zero) or when it is strictly shorter.
func update(j *jumper, dist float32, units int) {
	if j.dist == 0 || j.dist > dist {
		j.dist = dist
		j.units = units
	}
}
