package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// maxStickerRunes is the longest unlisted bracketed Han code that still
// counts as a sticker ([微信红包], [动画表情]).
const maxStickerRunes = 4

// urlTrail is what a URL match gives back at its end: sentence punctuation
// and closing brackets that rarely end a real link.
const urlTrail = `.,;:!?'")]}>`

// A Segmenter splits chat text into classified tokens. It is safe for
// concurrent use by several goroutines once New has returned: nothing in it
// is written after New, and Tokens allocates its working arrays per call.
type Segmenter struct {
	words  cutter             // general dictionary plus payments terms; read-only
	domain map[string]payTerm // lowercased payments term or alias -> its entry
	stop   map[string]bool    // lowercased stop words and sticker codes
	known  map[string]Kind    // the keys of domain (KindDomain) and stop (KindStop)
}

// New builds a Segmenter from gse's simplified-Chinese dictionary, compiled
// into the binary, and the word lists of package dict. It takes a few
// milliseconds (parsing the YAML of dict/); the dictionary itself is
// searched in place.
func New() (*Segmenter, error) {
	terms, err := dict.Payments()
	if err != nil {
		return nil, err
	}
	stops, err := dict.StopWords()
	if err != nil {
		return nil, err
	}
	// Threading reads the generic words (thread keywords); a mistake in
	// their file stops every command here, as one in the others does.
	if _, err := dict.GenericWords(); err != nil {
		return nil, err
	}
	words, err := openDictionary(terms, stops)
	if err != nil {
		return nil, err
	}
	s := &Segmenter{
		words:  words,
		domain: make(map[string]payTerm),
		stop:   make(map[string]bool, len(stops)),
	}
	for _, t := range terms {
		e := payTerm{term: strings.ToLower(t.Term), gloss: t.Gloss}
		s.domain[e.term] = e
		for _, a := range t.Aliases {
			s.domain[strings.ToLower(a)] = e
		}
	}
	for _, w := range stops {
		s.stop[strings.ToLower(w)] = true
	}
	s.known = make(map[string]Kind, len(s.domain)+len(s.stop))
	for w := range s.stop {
		s.known[w] = KindStop
	}
	for w := range s.domain {
		s.known[w] = KindDomain
	}
	return s, nil
}

// A payTerm is a payments term of dict/ as a spelling of it finds it: the
// term, lowercased, and its English gloss.
type payTerm struct {
	term, gloss string
}

// A cutter finds the words of a text that holds no sticker or URL: it
// appends to ends the byte offset at which each word ends. The dictionary
// is one; tests use gse itself as another.
type cutter interface {
	cut(ends []int, text string) []int
}

// Gloss returns the English gloss of a payments term or alias, and whether
// term is one; the gloss may be empty for a term that needs none. Latin
// letters match in any case.
func (s *Segmenter) Gloss(term string) (string, bool) {
	e, ok := s.domain[strings.ToLower(strings.TrimSpace(term))]
	return e.gloss, ok
}

// Tokens splits text into tokens whose texts, in order, concatenate to
// text exactly; Start and End are byte offsets into text.
func (s *Segmenter) Tokens(text string) []Token {
	toks := make([]Token, 0, len(text)/3+1)
	last := 0
	for start, end := nextSpecial(text, 0); start >= 0; start, end = nextSpecial(text, end) {
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
	var buf [64]int
	for _, e := range s.words.cut(buf[:0], text[start:end]) {
		b := start + e
		if b <= pos || b > end {
			break // lost track of the bytes; finish rune by rune below
		}
		toks = append(toks, Token{Text: text[pos:b], Start: pos, End: b, Kind: s.kind(text[pos:b])})
		pos = b
	}
	for pos < end {
		_, size := utf8.DecodeRuneInString(text[pos:end])
		toks = append(toks, Token{Text: text[pos : pos+size], Start: pos, End: pos + size, Kind: s.kind(text[pos : pos+size])})
		pos += size
	}
	toks = append(toks[:first], merge(text, toks[first:])...)
	for k := first; k < len(toks); k++ {
		if toks[k].Kind == KindDomain {
			toks[k].Term = s.domain[lower(toks[k].Text)].term
		}
	}
	return toks
}

// kind classifies one word as gse returned it.
func (s *Segmenter) kind(w string) Kind {
	folded := lower(w)
	if k, ok := s.known[folded]; ok {
		return k // a payments term, else a stop word
	}
	if isFiller(folded) {
		return KindStop
	}
	var han, letters, latin, numbers, marks int
	n := 0
	for _, r := range w {
		n++
		switch {
		// Fast paths for the common runes, which the general cases below
		// classify the same way (TestKindFastPaths).
		case r < utf8.RuneSelf:
			switch {
			case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
				letters++
				latin++
			case '0' <= r && r <= '9':
				numbers++
			default:
				marks++ // every other ASCII character is punctuation, a symbol, a space or a control
			}
		case cjkFirst <= r && r <= cjkLast:
			han++
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
// included), a control or format character, a combining or enclosing mark
// (the keycap of 1️⃣) or an invalid byte: anything that is not part of a
// word.
func isMark(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) ||
		unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) ||
		unicode.Is(unicode.Me, r) || r == utf8.RuneError
}

// isFiller reports whether a lowercased word is laughter or hesitation of
// any length that the stop list cannot spell out: 哈哈哈哈哈, 嗯嗯嗯嗯, hhhhh,
// hahaha, emmmmm.
func isFiller(w string) bool {
	// Every filler starts with h, e or one of the characters below.
	if w == "" || w[0] != 'h' && w[0] != 'e' && !strings.ContainsRune("哈呵嘿嘻嗯", firstRune(w)) {
		return false
	}
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

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// The CJK Unified Ideographs block: Han characters, none of them
// punctuation, a number or a letter with case.
const (
	cjkFirst = 0x4E00
	cjkLast  = 0x9FFF
)

// lower returns strings.ToLower(w), without looking up case tables for the
// runes that have no case: ASCII other than A-Z, and U+3000 to U+A63F
// (CJK punctuation, kana, CJK ideographs, Yi, Lisu, Vai); TestLowerFastPath
// checks that range.
func lower(w string) string {
	upper := false
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			upper = upper || 'A' <= c && c <= 'Z'
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if r < noCaseFirst || r > noCaseLast {
			return strings.ToLower(w)
		}
		i += size
	}
	if upper {
		return strings.ToLower(w)
	}
	return w
}

// The runes from noCaseFirst to noCaseLast have no lowercase form.
const (
	noCaseFirst = 0x3000
	noCaseLast  = 0xA63F
)

// merge joins the pieces gse leaves of one thing: runs of spaces, runs of
// other punctuation and symbols, numbers with separators, and runs of
// Latin letters that gse splits (full-width letters).
func merge(text string, toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case i+2 < len(toks) && isCycleDay(t.Text) && toks[i+1].Text == "+" && isCycleCount(toks[i+2].Text):
			// A settlement cycle the dictionary does not list (T+2, D+3,
			// T+N): the single letter would otherwise be the stop word t
			// or d, and the count a bare number.
			i += 2
			t.End = toks[i].End
			t.Kind = KindLatin
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

// isCycleDay reports whether w is the day letter of a settlement cycle:
// T for business days, D for calendar days.
func isCycleDay(w string) bool {
	switch w {
	case "T", "t", "D", "d":
		return true
	}
	return false
}

// isCycleCount reports whether w counts the days of a settlement cycle:
// digits, or N for any number of them.
func isCycleCount(w string) bool {
	return isDigits(w) || w == "N" || w == "n"
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
// similarity: payments terms (as their Term: an alias reads as its term),
// ordinary words and Latin runs, lowercased, in order and with repeats,
// leaving out stop words and single Han characters.
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
		if t.Term != "" {
			words = append(words, t.Term)
			continue
		}
		words = append(words, strings.ToLower(t.Text))
	}
	return words
}
