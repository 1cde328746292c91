// Package wordtab is a word-frequency table that is searched in place: a
// dictionary compiled once into a byte string that a program embeds and
// uses without parsing or copying it, so that only the pages its lookups
// touch are ever read in.
//
// It holds words as gse (github.com/go-ego/gse) keys them: the
// concatenation of gse's text units (see UnitEnds), ASCII letters
// lowercased. Besides each word it can say whether some word starts with a
// given run of whole units, which is what a segmenter needs to find every
// word that starts at a position of a text: walk forward unit by unit,
// extending the hash (Extend), until Lookup says that no word goes on.
//
// # Format
//
// All integers are little-endian.
//
//	magic   [8]byte       "wordtab1"
//	n       uint32        number of words
//	slots   uint32        size of the hash table
//	total   uint64        float64 bits of the dictionary's total frequency
//	offsets [n+1]uint32   word i is blob[offsets[i]:offsets[i+1]]
//	freqs   [n]uint32     frequency of word i
//	table   [slots]uint32 open-addressing hash table of prefixes
//	blob    []byte        the words, sorted bytewise, back to back
//
// The hash table holds every prefix of a word that ends at one of the
// word's unit boundaries, the word itself included. A slot is 0 when empty,
// else first+1 | len<<20 | tag<<26: first is the lowest index of a word
// that starts with the prefix (the prefix itself when it is a word, since
// words are sorted), len the prefix's length in bytes and tag the top six
// bits of h, the prefix's 64-bit FNV-1a hash passed through MurmurHash3's
// finaliser. The prefix lives in the first slot at or after
// (uint32(h)*slots)>>32 (linear probing, wrapping).
package wordtab

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Magic starts a compiled table.
const Magic = "wordtab1"

const headerSize = len(Magic) + 4 + 4 + 8

// Limits of the slot layout.
const (
	maxWords  = 1<<20 - 1 // first+1 takes 20 bits
	maxLength = 1<<6 - 1  // len takes 6 bits
)

// FNV-1a, 64 bits.
const (
	// Seed is the hash of the empty string; Extend it by each unit.
	Seed  uint64 = 14695981039346656037
	prime uint64 = 1099511628211
)

// Extend returns the hash of s appended to the text whose hash is h.
func Extend(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return h
}

// mix spreads the bits of an FNV hash over all 64 (the finaliser of
// MurmurHash3), whose low bits alone cluster badly.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// UnitEnds appends to ends the byte offsets at which gse's text units of s
// end (gse's SplitTextToWords with its default options): a run of letters
// and digits encoded in one or two bytes (Latin, Greek, Cyrillic, ...) is
// one unit, and every other rune (a Han character, a space, a full-width
// letter, an invalid byte) is a unit alone.
func UnitEnds(ends []int, s string) []int {
	inRun := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		alnum := size <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r))
		if inRun && !alnum {
			ends = append(ends, i)
		}
		if !alnum {
			ends = append(ends, i+size)
		}
		inRun = alnum
		i += size
	}
	if inRun {
		ends = append(ends, len(s))
	}
	return ends
}

// A Table is an opened compiled table. Its methods only read it, so one
// Table serves any number of goroutines.
type Table struct {
	data    string
	n       int
	slots   uint64
	total   float64
	offsets int // byte offsets of the sections in data
	freqs   int
	table   int
	blob    int
}

// Open checks the header and size of a compiled table and returns it.
func Open(data string) (*Table, error) {
	if len(data) < headerSize || data[:len(Magic)] != Magic {
		return nil, errors.New("wordtab: not a compiled table")
	}
	t := &Table{data: data}
	t.n = int(u32(data, len(Magic)))
	t.slots = uint64(u32(data, len(Magic)+4))
	t.total = math.Float64frombits(uint64(u32(data, len(Magic)+8)) | uint64(u32(data, len(Magic)+12))<<32)
	t.offsets = headerSize
	t.freqs = t.offsets + 4*(t.n+1)
	t.table = t.freqs + 4*t.n
	t.blob = t.table + 4*int(t.slots)
	if t.slots == 0 || t.blob > len(data) || t.blob+int(u32(data, t.offsets+4*t.n)) != len(data) {
		return nil, errors.New("wordtab: truncated table")
	}
	return t, nil
}

// u32 reads the little-endian uint32 at byte offset i of s.
func u32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

// Len returns the number of words.
func (t *Table) Len() int { return t.n }

// Total returns the dictionary's total frequency.
func (t *Table) Total() float64 { return t.total }

// Word returns the i-th word in bytewise order.
func (t *Table) Word(i int) string {
	return t.data[t.blob+int(u32(t.data, t.offsets+4*i)) : t.blob+int(u32(t.data, t.offsets+4*i+4))]
}

// Freq returns the frequency of the i-th word.
func (t *Table) Freq(i int) float64 {
	return float64(u32(t.data, t.freqs+4*i))
}

// Lookup reports whether p, whose hash is h, is a run of whole units that
// starts some word (node) and, when p is itself a word, its frequency
// (0 when it is none).
func (t *Table) Lookup(h uint64, p string) (node bool, freq float64) {
	h = mix(h)
	tag := uint32(h >> 58)
	s := (h & 0xffffffff) * t.slots >> 32
	for {
		e := u32(t.data, t.table+4*int(s))
		if e == 0 {
			return false, 0
		}
		if e>>26 == tag && int(e>>20&maxLength) == len(p) {
			i := int(e&maxWords) - 1
			start := t.blob + int(u32(t.data, t.offsets+4*i))
			end := t.blob + int(u32(t.data, t.offsets+4*i+4))
			if end-start >= len(p) && t.data[start:start+len(p)] == p {
				if end-start == len(p) {
					return true, t.Freq(i)
				}
				return true, 0
			}
		}
		if s++; s == t.slots {
			s = 0
		}
	}
}

// Find returns the frequency of word w, 0 when it is no word.
func (t *Table) Find(w string) float64 {
	if len(w) == 0 {
		return 0
	}
	_, f := t.Lookup(Extend(Seed, w), w)
	return f
}

// Build compiles words with their frequencies and the total frequency. The
// words must be distinct and keyed as gse keys them.
func Build(words []string, freqs []uint32, total float64) ([]byte, error) {
	if len(words) != len(freqs) {
		return nil, fmt.Errorf("wordtab: %d words but %d frequencies", len(words), len(freqs))
	}
	if len(words) > maxWords {
		return nil, fmt.Errorf("wordtab: %d words, at most %d fit", len(words), maxWords)
	}
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return words[order[a]] < words[order[b]] })
	sorted := make([]string, len(words))
	for k, i := range order {
		sorted[k] = words[i]
		if k > 0 && sorted[k] == sorted[k-1] {
			return nil, fmt.Errorf("wordtab: word %q twice", sorted[k])
		}
		if sorted[k] == "" || len(sorted[k]) > maxLength {
			return nil, fmt.Errorf("wordtab: word %q: want 1 to %d bytes", sorted[k], maxLength)
		}
	}
	// The prefixes, each with the first word that starts with it: in
	// sorted order that is the first time it is met.
	type node struct {
		prefix string
		first  int
	}
	var nodes []node
	seen := make(map[string]bool)
	var ends []int
	for k, w := range sorted {
		for _, end := range UnitEnds(ends[:0], w) {
			if p := w[:end]; !seen[p] {
				seen[p] = true
				nodes = append(nodes, node{p, k})
			}
		}
	}
	slots := uint64(len(nodes))*10/7 + 1 // load factor 0.7
	if slots > math.MaxUint32 {
		return nil, fmt.Errorf("wordtab: %d prefixes are too many", len(nodes))
	}
	table := make([]uint32, slots)
	for _, nd := range nodes {
		h := mix(Extend(Seed, nd.prefix))
		s := (h & 0xffffffff) * slots >> 32
		for table[s] != 0 {
			if s++; s == slots {
				s = 0
			}
		}
		table[s] = uint32(nd.first+1) | uint32(len(nd.prefix))<<20 | uint32(h>>58)<<26
	}
	out := make([]byte, 0, headerSize+8*len(sorted)+4+4*len(table)+len(sorted)*9)
	out = append(out, Magic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(sorted)))
	out = binary.LittleEndian.AppendUint32(out, uint32(slots))
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(total))
	off := 0
	for _, w := range sorted {
		out = binary.LittleEndian.AppendUint32(out, uint32(off))
		off += len(w)
	}
	if off > math.MaxUint32 {
		return nil, fmt.Errorf("wordtab: %d bytes of words do not fit 32-bit offsets", off)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(off))
	for _, i := range order {
		out = binary.LittleEndian.AppendUint32(out, freqs[i])
	}
	for _, e := range table {
		out = binary.LittleEndian.AppendUint32(out, e)
	}
	for _, w := range sorted {
		out = append(out, w...)
	}
	return out, nil
}
