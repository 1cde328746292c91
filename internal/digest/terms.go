package digest

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cocolian/threads/dict"
)

// domainBoost multiplies the weight of payments terms: two questions about
// 分账 and 接口 share their subject more than two that share 接口 alone.
const domainBoost = 1.5

// partWeight is the weight of a payments term found inside a longer one
// (快捷 in 快捷支付), relative to the longer term.
const partWeight = 0.5

// terms maps the words of a question to the features compared: a payments
// alias becomes its term (央行 and 人行 are 人民银行), and a payments term
// also counts the shorter terms inside it (快捷支付 is also 快捷), so that
// "协议支付对应的是快捷吧？" and "协议支付和快捷支付的区别呢？" share 快捷.
type terms struct {
	canonical map[string]string   // lowercased term or alias -> lowercased term
	parts     map[string][]string // lowercased term -> the other terms inside it, sorted
}

// newTerms indexes the payments terms; nil or empty gives a terms that
// keeps every word as it is.
func newTerms(list []dict.Term) *terms {
	t := &terms{canonical: make(map[string]string), parts: make(map[string][]string)}
	for _, term := range list {
		c := strings.ToLower(term.Term)
		t.canonical[c] = c
		for _, a := range term.Aliases {
			t.canonical[strings.ToLower(a)] = c
		}
	}
	for c := range t.canonical {
		if t.canonical[c] != c {
			continue
		}
		for d := range t.canonical {
			if t.canonical[d] == d && d != c && isPart(c, d) {
				t.parts[c] = append(t.parts[c], d)
			}
		}
		sort.Strings(t.parts[c])
	}
	return t
}

// isPart reports whether term d is a word of term c: c starts or ends with
// d and the rest is at least two characters, not all ASCII (快捷 in 快捷支付,
// but not I类户 in II类户).
func isPart(c, d string) bool {
	var rest string
	switch {
	case strings.HasPrefix(c, d):
		rest = c[len(d):]
	case strings.HasSuffix(c, d):
		rest = c[:len(c)-len(d)]
	default:
		return false
	}
	return utf8.RuneCountInString(rest) >= 2 && !isASCII(rest)
}

// A feature is one compared term of a question: how often it occurs and
// the weight it carries.
type feature struct {
	count  float64
	weight float64
}

// features returns the features of a question's content words: payments
// terms (weighted domainBoost) under their canonical spelling, the terms
// inside them (weighted partWeight of that), and the other words as they are.
func (t *terms) features(words []string) map[string]feature {
	fs := make(map[string]feature, len(words))
	add := func(w string, weight float64) {
		f := fs[w]
		f.count++
		if weight > f.weight {
			f.weight = weight
		}
		fs[w] = f
	}
	for _, w := range words {
		c, ok := t.canonical[w]
		if !ok {
			add(w, 1)
			continue
		}
		add(c, domainBoost)
		for _, p := range t.parts[c] {
			add(p, domainBoost*partWeight)
		}
	}
	return fs
}

// keys returns the distinct features of words, for document frequencies.
func (t *terms) keys(words []string) []string {
	fs := t.features(words)
	out := make([]string, 0, len(fs))
	for w := range fs {
		out = append(out, w)
	}
	return out
}
