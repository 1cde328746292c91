// Package gsedict compiles gse's embedded simplified-Chinese dictionary
// (zh_s) into the word table (package wordtab) that package segment embeds,
// so that the threads binary neither links gse's 20+ MB of dictionaries nor
// spends 1.5 s and 200 MB parsing one at every start.
//
// Compile reads the dictionary of a gse segmenter that gse itself loaded,
// so the table holds every word gse holds, with the frequency gse gave it,
// and gse's total frequency: the distances computed from the table are
// gse's own. Only the generator (go generate ./internal/segment) and tests
// import this package.
package gsedict

import (
	"fmt"
	"math"

	"github.com/go-ego/gse"

	"github.com/cocolian/threads/internal/segment/wordtab"
)

// LoadZhS returns a gse segmenter with the embedded zh_s dictionary loaded
// the way the segmenter used to load it: no HMM model (the shortest-path
// segmenter never uses it) and no log output.
func LoadZhS() (*gse.Segmenter, error) {
	g := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("gsedict: load gse dictionary zh_s: %w", err)
	}
	return g, nil
}

// Compile returns the word table of the dictionary of g: every word that
// g's trie reaches, with its frequency, and g's total frequency. It fails
// on what the table cannot hold exactly (a fractional frequency).
func Compile(g *gse.Segmenter) ([]byte, error) {
	d := g.Dict
	words := make([]string, 0, d.NumTokens())
	freqs := make([]uint32, 0, d.NumTokens())
	sum := 0.0
	for i := range d.Tokens {
		tok := &d.Tokens[i]
		w, f := tok.Text(), tok.Freq()
		sum += f
		// A token the trie no longer reaches (replaced by ReAddToken)
		// still counts in the total but is no word.
		if v, _, err := d.Value([]byte(w)); err != nil || v != i {
			continue
		}
		if f != math.Trunc(f) || f < 1 || f > math.MaxUint32 {
			return nil, fmt.Errorf("gsedict: word %q has frequency %v, not a whole number that fits 32 bits", w, f)
		}
		words = append(words, w)
		freqs = append(freqs, uint32(f))
	}
	if sum != d.TotalFreq() {
		return nil, fmt.Errorf("gsedict: frequencies add up to %v, gse's total is %v", sum, d.TotalFreq())
	}
	return wordtab.Build(words, freqs, d.TotalFreq())
}
