package segment

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/cocolian/threads/dict"
)

// domainFreq is the dictionary frequency given to every payments term that
// gse's dictionary lacks or holds at a lower frequency.
//
// gse's default segmentation (Segment, and Cut without arguments, which
// calls Slice) picks the path of least total distance, where a dictionary
// word's distance is log2(T/f) for dictionary total T and word frequency f.
// gse loads every single character at f = 2 (distance about 24) and charges
// 32 for a character outside the dictionary, so a term is in practice never
// split into characters; what it competes with is a general word that
// overlaps it at an edge: 微|信用 against 微信|用, 结|算是 against 结算|是.
// There the term wins when its frequency is above the other word's. With
// the terms added T is about 4.0e7 and a term costs log2(T/10000) ≈ 12, so
// a term beats overlapping words rarer than about 10000 (信用 1745, 算是
// 3540) and loses to very common ones, and, since the most frequent
// multi-character word (一个, 142747) costs about 8.1, no split of a term's
// own span into two or more words (at least 16.2) can beat it. 30000 also
// cut common compounds (交易|类型, 冻结|资金, 跑分|析) on the shared corpus;
// 3000 left 结|算是 and 人|行为 (for 以人行为中心). The terms raise T by
// about a fifth, which adds the same 0.25 to every word's distance and
// leaves ordinary segmentations as they were.
const domainFreq = 10000

// stopFreq is the dictionary frequency given to stop words of two or more
// characters that gse's dictionary lacks (好的, 嗯嗯, 哈哈哈), so that they
// come out whole rather than as single characters (about 24 each). It is
// low, a distance of about 18.6, so that any general word overlapping one
// (最好|的 in 最好的) keeps winning.
const stopFreq = 100

// The part-of-speech tags gse stores for added words (nz: other proper
// noun, y: modal particle); the segmenter does not read them back.
const (
	domainPos = "nz"
	stopPos   = "y"
)

// maxStickerRunes is the longest unlisted bracketed Han code that still
// counts as a sticker ([微信红包], [动画表情]).
const maxStickerRunes = 4

// special matches the spans cut out before gse: bracketed codes that may be
// stickers, and URLs. A bracketed code that turns out not to be a sticker
// goes to gse like any other text.
var special = regexp.MustCompile(`\[[^\[\]\r\n]{1,24}\]|(?i:https?://|www\.)[!-~]+`)

// urlTrail is what a URL match gives back at its end: sentence punctuation
// and closing brackets that rarely end a real link.
const urlTrail = `.,;:!?'")]}>`

// A Segmenter splits chat text into classified tokens. It is safe for
// concurrent use by several goroutines once New has returned: gse's
// Segment only reads the dictionary (a cedar double-array trie) and gse's
// package-level ToLower switch, which nothing here changes, and allocates
// its working arrays per call; the maps below are never written after New.
type Segmenter struct {
	gse    gse.Segmenter     // general dictionary plus payments terms; read-only
	domain map[string]string // lowercased payments term or alias -> gloss
	stop   map[string]bool   // lowercased stop words and sticker codes
}

// New builds a Segmenter from gse's embedded simplified-Chinese dictionary
// and the word lists of package dict. Loading the dictionary takes one to
// two seconds, so build one Segmenter and share it.
func New() (*Segmenter, error) {
	terms, err := dict.Payments()
	if err != nil {
		return nil, err
	}
	stops, err := dict.StopWords()
	if err != nil {
		return nil, err
	}
	g, err := loadDictionary(terms, stops)
	if err != nil {
		return nil, err
	}
	s := &Segmenter{
		gse:    *g,
		domain: make(map[string]string),
		stop:   make(map[string]bool, len(stops)),
	}
	for _, t := range terms {
		s.domain[strings.ToLower(t.Term)] = t.Gloss
		for _, a := range t.Aliases {
			s.domain[strings.ToLower(a)] = t.Gloss
		}
	}
	for _, w := range stops {
		s.stop[strings.ToLower(w)] = true
	}
	return s, nil
}

// loadDictionary returns a gse segmenter whose dictionary is gse's embedded
// zh_s dictionary with every payments term and alias added at domainFreq,
// or kept at its own frequency when that is higher, and the stop words it
// lacks added at stopFreq.
//
// It is the one place that builds the dictionary, so that a faster loader
// can replace it. gse computes word distances in CalcToken, which loading
// zh_s runs once and which runs here again for the terms (about 0.4 s of
// the total). The terms cannot go in before zh_s instead: gse's
// Dictionary.AddToken ignores a word it already holds, so zh_s would keep
// the term's frequency whatever it is, and the general frequency of words
// such as 交易 is not known until zh_s is loaded.
func loadDictionary(terms []dict.Term, stops []string) (*gse.Segmenter, error) {
	g := &gse.Segmenter{
		NotLoadHMM: true, // Slice never uses the HMM; loading it writes package globals
		SkipLog:    true,
	}
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("segment: load gse dictionary zh_s: %w", err)
	}
	natural := func(w string) float64 {
		f, _, _ := g.Dict.Find([]byte(join(g.SplitTextToWords([]byte(w)))))
		return f
	}
	for _, t := range terms {
		for _, w := range append([]string{t.Term}, t.Aliases...) {
			f := natural(w)
			var err error
			switch {
			case f == 0:
				err = g.AddToken(w, domainFreq, domainPos)
			case f < domainFreq:
				err = g.ReAddToken(w, domainFreq, domainPos)
			}
			if err != nil {
				return nil, fmt.Errorf("segment: add payments term %q: %w", w, err)
			}
		}
	}
	for _, w := range stops {
		// Sticker codes never reach gse, single characters are words already.
		if strings.HasPrefix(w, "[") || utf8.RuneCountInString(w) < 2 || natural(w) > 0 {
			continue
		}
		if err := g.AddToken(w, stopFreq, stopPos); err != nil {
			return nil, fmt.Errorf("segment: add stop word %q: %w", w, err)
		}
	}
	g.CalcToken()
	return g, nil
}

// join returns the text of gse units as one string.
func join(units []gse.Text) string {
	var b strings.Builder
	for _, u := range units {
		b.Write(u)
	}
	return b.String()
}

// Gloss returns the English gloss of a payments term or alias, and whether
// term is one; the gloss may be empty for a term that needs none. Latin
// letters match in any case.
func (s *Segmenter) Gloss(term string) (string, bool) {
	g, ok := s.domain[strings.ToLower(strings.TrimSpace(term))]
	return g, ok
}

// Tokens splits text into tokens whose texts, in order, concatenate to
// text exactly; Start and End are byte offsets into text.
func (s *Segmenter) Tokens(text string) []Token {
	toks := make([]Token, 0, len(text)/3+1)
	last := 0
	for _, m := range special.FindAllStringIndex(text, -1) {
		start, end := m[0], m[1]
		var kind Kind
		if text[start] == '[' {
			if !s.isSticker(text[start+1 : end-1]) {
				continue
			}
			kind = KindStop
		} else {
			end = start + len(strings.TrimRight(text[start:end], urlTrail))
			kind = KindLatin
		}
		toks = s.segmentPlain(toks, text, last, start)
		toks = append(toks, Token{Text: text[start:end], Start: start, End: end, Kind: kind})
		last = end
	}
	return s.segmentPlain(toks, text, last, len(text))
}

// isSticker reports whether name, the text between brackets, names a
// WeChat sticker: a listed one, or one to four Han characters that are not
// a payments term.
func (s *Segmenter) isSticker(name string) bool {
	if s.stop["["+strings.ToLower(name)+"]"] {
		return true
	}
	if _, ok := s.domain[name]; ok {
		return false
	}
	n := 0
	for _, r := range name {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n <= maxStickerRunes
}

// segmentPlain appends the tokens of text[start:end], which holds no
// sticker or URL, to toks.
func (s *Segmenter) segmentPlain(toks []Token, text string, start, end int) []Token {
	if start >= end {
		return toks
	}
	first := len(toks)
	pos := start
	for _, sg := range s.gse.Segment([]byte(text[start:end])) {
		a, b := start+sg.Start(), start+sg.End()
		if a != pos || b <= a || b > end {
			break // gse lost track of the bytes; finish rune by rune below
		}
		toks = append(toks, Token{Text: text[a:b], Start: a, End: b, Kind: s.kind(text[a:b])})
		pos = b
	}
	for pos < end {
		_, size := utf8.DecodeRuneInString(text[pos:end])
		toks = append(toks, Token{Text: text[pos : pos+size], Start: pos, End: pos + size, Kind: s.kind(text[pos : pos+size])})
		pos += size
	}
	return append(toks[:first], merge(text, toks[first:])...)
}

// kind classifies one word as gse returned it.
func (s *Segmenter) kind(w string) Kind {
	folded := strings.ToLower(w)
	if _, ok := s.domain[folded]; ok {
		return KindDomain
	}
	if s.stop[folded] || isFiller(folded) {
		return KindStop
	}
	var han, letters, latin, numbers, marks int
	n := 0
	for _, r := range w {
		n++
		switch {
		case isMark(r):
			marks++
		case unicode.IsNumber(r):
			numbers++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r):
			letters++
			if unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Greek, r) || unicode.Is(unicode.Cyrillic, r) {
				latin++
			}
		}
	}
	switch {
	case marks == n:
		return KindPunct
	case numbers == n:
		return KindNumber
	case letters > 0 && latin == letters && latin+numbers == n:
		return KindLatin
	default:
		return KindWord
	}
}

// isMark reports whether r is punctuation, a space, a symbol (emoji
// included), a control or format character, a combining mark or an
// invalid byte: anything that is not part of a word.
func isMark(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) ||
		unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) ||
		r == utf8.RuneError
}

// isFiller reports whether a lowercased word is laughter or hesitation of
// any length that the stop list cannot spell out: 哈哈哈哈哈, 嗯嗯嗯嗯, hhhhh,
// hahaha, emmmmm.
func isFiller(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	if strings.Trim(w, "哈呵嘿嘻嗯") == "" || strings.Trim(w, "h") == "" {
		return true
	}
	if strings.HasPrefix(w, "em") && strings.Trim(w[2:], "m") == "" {
		return true
	}
	return strings.Trim(strings.ReplaceAll(w, "ha", ""), "h") == ""
}

// merge joins the pieces gse leaves of one thing: runs of spaces, runs of
// other punctuation and symbols, numbers with separators, and runs of
// Latin letters that gse splits (full-width letters).
func merge(text string, toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.Kind == KindPunct:
			space := isSpaceText(t.Text)
			for i+1 < len(toks) && toks[i+1].Kind == KindPunct && isSpaceText(toks[i+1].Text) == space {
				i++
				t.End = toks[i].End
			}
		case t.Kind == KindNumber && isDigits(t.Text):
			for i+2 < len(toks) && isNumberSep(toks[i+1].Text) && toks[i+2].Kind == KindNumber && isDigits(toks[i+2].Text) {
				i += 2
				t.End = toks[i].End
			}
			if i+1 < len(toks) && (toks[i+1].Text == "%" || toks[i+1].Text == "％") {
				i++
				t.End = toks[i].End
			}
		case t.Kind == KindLatin:
			for i+1 < len(toks) && toks[i+1].Kind == KindLatin {
				i++
				t.End = toks[i].End
			}
		}
		t.Text = text[t.Start:t.End]
		out = append(out, t)
	}
	return out
}

// isSpaceText reports whether w is all white space.
func isSpaceText(w string) bool {
	return strings.TrimFunc(w, unicode.IsSpace) == ""
}

// isDigits reports whether w is all decimal digits.
func isDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// isNumberSep reports whether w joins two digit groups into one number.
func isNumberSep(w string) bool {
	switch w {
	case ".", ",", ":", "/", "-", "．", "：":
		return true
	}
	return false
}

// ContentWords returns the words of tokens that carry meaning for lexical
// similarity: payments terms, ordinary words and Latin runs, lowercased, in
// order and with repeats, leaving out stop words and single Han characters.
func ContentWords(tokens []Token) []string {
	var words []string
	for _, t := range tokens {
		switch t.Kind {
		case KindDomain, KindLatin:
		case KindWord:
			if r, size := utf8.DecodeRuneInString(t.Text); size == len(t.Text) && unicode.Is(unicode.Han, r) {
				continue
			}
		default:
			continue
		}
		words = append(words, strings.ToLower(t.Text))
	}
	return words
}
