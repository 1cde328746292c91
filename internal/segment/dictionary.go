package segment

import (
	_ "embed"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/segment/wordtab"
)

//go:generate go run ./gen zh_s.dict

// zhS is gse's embedded simplified-Chinese dictionary (zh_s of
// github.com/go-ego/gse v1.0.2, 352,275 words) compiled by ./gen into a
// word table (package wordtab) that is searched in place: nothing is parsed
// or copied when the program starts, and only the pages that lookups touch
// are read in. TestCompiledDictionaryUpToDate checks that compiling gse's
// dictionary again gives the same bytes.
//
//go:embed zh_s.dict
var zhS string

// A dictionary is gse's zh_s with the words of dict/ on top, as the
// reference loader (gse's LoadDictEmbed, AddToken, ReAddToken and
// CalcToken; see reference_test.go) builds it: the same words, the same
// frequencies and the same total, hence the same distance log2(total/freq)
// for every word.
type dictionary struct {
	base     *wordtab.Table
	extra    map[string]extraWord // words of dict/ and their prefixes, by key
	filter   *[filterBits / 64]uint64
	logTotal float32 // float32(log2(total)), as gse's CalcToken has it
}

// filterBits is the size of a bit set that holds, at bit h>>48 for each
// key of extra whose FNV-1a hash is h, a one, so that cut looks in the map
// only for one in a few dozen of the runs it tries.
const filterBits = 1 << 16

// mayBeExtra reports whether the run of units with hash h may be a key of
// extra.
func (d *dictionary) mayBeExtra(h uint64) bool {
	b := h >> 48
	return d.filter[b/64]&(1<<(b%64)) != 0
}

// An extraWord is a word of dict/, or a run of whole units that starts one.
type extraWord struct {
	freq float64 // the word's frequency, 0 for a prefix only
}

// newDictionary adds the payments terms and stop words to base the way the
// reference loader adds them to gse's dictionary, in the same order, since
// whether a word is added depends on what is there already:
//
//   - every term and alias goes in at domainFreq, or keeps its frequency
//     when that is higher; gse's ReAddToken, which raises a word, leaves
//     its old frequency in the total, and so does this;
//   - every stop word of two or more characters that is no word yet goes in
//     at stopFreq (sticker codes never reach the segmenter).
func newDictionary(base *wordtab.Table, terms []dict.Term, stops []string) *dictionary {
	d := &dictionary{base: base, extra: make(map[string]extraWord)}
	total := base.Total()
	var ends []int
	add := func(w string, f float64) {
		k := key(w)
		for _, end := range wordtab.UnitEnds(ends[:0], k) {
			if _, ok := d.extra[k[:end]]; !ok {
				d.extra[k[:end]] = extraWord{}
			}
		}
		d.extra[k] = extraWord{freq: f}
		total += f
	}
	for _, t := range terms {
		for _, w := range append([]string{t.Term}, t.Aliases...) {
			if d.find(key(w)) < domainFreq {
				add(w, domainFreq)
			}
		}
	}
	for _, w := range stops {
		if strings.HasPrefix(w, "[") || utf8.RuneCountInString(w) < 2 || d.find(key(w)) > 0 {
			continue
		}
		add(w, stopFreq)
	}
	d.logTotal = float32(math.Log2(total))
	d.filter = new([filterBits / 64]uint64)
	for k := range d.extra {
		b := wordtab.Extend(wordtab.Seed, k) >> 48
		d.filter[b/64] |= 1 << (b % 64)
	}
	return d
}

// openDictionary opens the embedded zh_s and adds dict/ to it.
func openDictionary(terms []dict.Term, stops []string) (*dictionary, error) {
	base, err := wordtab.Open(zhS)
	if err != nil {
		return nil, fmt.Errorf("segment: embedded zh_s.dict: %w (run go generate ./internal/segment)", err)
	}
	return newDictionary(base, terms, stops), nil
}

// find returns the frequency of the word with key k, 0 when there is none.
func (d *dictionary) find(k string) float64 {
	if e, ok := d.extra[k]; ok && e.freq > 0 {
		return e.freq
	}
	return d.base.Find(k)
}

// distance is gse's path length of a word of frequency f.
func (d *dictionary) distance(f float64) float32 {
	return d.logTotal - float32(math.Log2(f))
}

// key returns the dictionary key of a text: gse lowercases the ASCII
// letters of its units, and ASCII letters only occur in units that it
// lowercases, so this is the text with ASCII letters lowercased.
func key(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
