package segment

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/longbridgeapp/opencc"
)

//go:generate go run ./gentrad

// Simplify writes the characters only traditional Chinese writes as
// simplified (請問這個嗎 as 请问这个吗), phrase by phrase as OpenCC does, so
// that what is written for simplified Chinese (the cues of package thread,
// the payments dictionary, the segmenter) reads both alike. A character
// both scripts write changes only in a clause that has one only
// traditional Chinese writes (乾貨 is 干货, 我瞭解這個 is 我了解这个, but 乾易付 of
// 乾易付的接口，會嗎 stays) or a phrase only it writes (瞭解了 is 了解了,
// 回覆 is 回复), and a text with neither is returned as it is. OpenCC's
// tables load the first time a text needs them (about 3 ms).
func Simplify(s string) string {
	if !readsTraditional(s) {
		return s
	}
	c, err := toSimplified()
	if err != nil {
		panic("segment: the embedded OpenCC tables do not load: " + err.Error())
	}
	out, err := c.Convert(s)
	if err != nil {
		return s // a lookup that failed leaves the text as written
	}
	in, conv := []rune(s), []rune(out)
	if len(in) != len(conv) {
		return out // a phrase changed length (二噁英): take OpenCC's whole
	}
	// A clause (the text between punctuation and spaces) with no character
	// or phrase only traditional Chinese writes keeps its characters as
	// written.
	for start := 0; start < len(in); {
		end := start
		for end < len(in) && !unicode.IsPunct(in[end]) && !unicode.IsSpace(in[end]) {
			end++
		}
		if !readsTraditional(string(in[start:end])) {
			copy(conv[start:end], in[start:end])
		}
		start = end + 1
	}
	return string(conv)
}

// readsTraditional reports whether s has a character only traditional
// Chinese writes, or a phrase only it writes though simplified Chinese
// writes each of its characters (瞭解, 回覆, 藉口).
func readsTraditional(s string) bool {
	var looked uint64 // the keys whose phrases were looked for (the 乾 of 双乾支付 recurs)
	for _, r := range s {
		switch {
		case !mayBeTraditional(r):
		case isTraditionalOnly(r):
			return true
		default:
			k, _ := slices.BinarySearch(phraseKeys, r)
			if looked&(1<<k) != 0 {
				continue
			}
			looked |= 1 << k
			for _, p := range phrasesByKey[r] {
				if strings.Contains(s, p) {
					return true
				}
			}
		}
	}
	return false
}

// phraseKeys are the characters of traditionalPhraseKeys, sorted (at most
// 64: readsTraditional marks each with a bit).
var phraseKeys = []rune(traditionalPhraseKeys)

// phrasesByKey lists traditionalPhrases under each character of
// traditionalPhraseKeys they hold: 什么 (么) need not be checked against
// 回覆 and 藉口.
var phrasesByKey = func() map[rune][]string {
	m := map[rune][]string{}
	for _, p := range traditionalPhrases {
		for _, r := range p {
			if strings.ContainsRune(traditionalPhraseKeys, r) && !slices.Contains(m[r], p) {
				m[r] = append(m[r], p)
			}
		}
	}
	return m
}()

// SimplifyName writes each character of a name that only traditional
// Chinese writes as its first simplified candidate (劉皇叔 as 刘皇叔), without
// loading OpenCC: a name is no phrase, and nicknames with a traditional
// character are common enough that every day would pay for the tables.
func SimplifyName(s string) string {
	if !strings.ContainsFunc(s, isTraditionalOnly) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if k, ok := slices.BinarySearch(traditionalRunes, r); ok {
			return simplifiedRunes[k]
		}
		return r
	}, s)
}

// traditionalRunes and simplifiedRunes are traditionalOnly and
// simplifiedFirst as aligned slices.
var traditionalRunes, simplifiedRunes = []rune(traditionalOnly), []rune(simplifiedFirst)

// toSimplified is OpenCC's converter from traditional to simplified Chinese.
var toSimplified = sync.OnceValues(func() (*opencc.OpenCC, error) {
	openccLoads.Add(1)
	return opencc.New("t2s")
})

// openccLoads counts the loads of OpenCC's tables, for the tests.
var openccLoads atomic.Int32

// The characters of traditionalOnly (traditional.go) in [bmpFrom, bmpTo),
// where nearly all of them are, as a bit set: isTraditionalOnly is asked of
// every character of every message.
const bmpFrom, bmpTo = 0x3400, 0xA000

var traditionalBits = runeBits(traditionalOnly)

// mayBeTraditionalBits holds the characters of traditionalOnly and
// traditionalPhraseKeys in [bmpFrom, bmpTo): a text with none of them
// (nearly every text written in simplified Chinese) needs no closer look.
var mayBeTraditionalBits = runeBits(traditionalOnly + traditionalPhraseKeys)

// runeBits returns the characters of s in [bmpFrom, bmpTo) as a bit set.
func runeBits(s string) []uint64 {
	bits := make([]uint64, (bmpTo-bmpFrom+63)/64)
	for _, r := range s {
		if r >= bmpFrom && r < bmpTo {
			bits[(r-bmpFrom)/64] |= 1 << ((r - bmpFrom) % 64)
		}
	}
	return bits
}

// inBits reports whether r, in [bmpFrom, bmpTo), is in the bit set bits
// of runeBits.
func inBits(bits []uint64, r rune) bool {
	return bits[(r-bmpFrom)/64]&(1<<((r-bmpFrom)%64)) != 0
}

// mayBeTraditional reports whether r is a character only traditional
// Chinese writes or one of traditionalPhraseKeys.
func mayBeTraditional(r rune) bool {
	switch {
	case r < bmpFrom:
		return false
	case r < bmpTo:
		return inBits(mayBeTraditionalBits, r)
	}
	return isTraditionalOnly(r)
}

// isTraditionalOnly reports whether r is a character only traditional
// Chinese writes (會, 請, 嗎; not 乾 or 覆, which simplified Chinese writes too).
func isTraditionalOnly(r rune) bool {
	switch {
	case r < bmpFrom:
		return false
	case r < bmpTo:
		return inBits(traditionalBits, r)
	}
	_, ok := slices.BinarySearch(traditionalRunes, r)
	return ok
}
