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
// 回覆 is 回复), and a text with neither is returned as it is. OpenCC's tables load the first time
// a text needs them (about 3 ms).
func Simplify(s string) string {
	if !strings.ContainsFunc(s, isTraditionalOnly) && !hasTraditionalPhrase(s) {
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
		end, traditional := start, false
		for end < len(in) && !unicode.IsPunct(in[end]) && !unicode.IsSpace(in[end]) {
			traditional = traditional || isTraditionalOnly(in[end])
			end++
		}
		if !traditional && !hasTraditionalPhrase(string(in[start:end])) {
			copy(conv[start:end], in[start:end])
		}
		start = end + 1
	}
	return string(conv)
}

// hasTraditionalPhrase reports whether s has a phrase only traditional
// Chinese writes though simplified Chinese writes each of its characters
// (瞭解, 回覆, 藉口).
func hasTraditionalPhrase(s string) bool {
	if !strings.ContainsAny(s, traditionalPhraseKeys) {
		return false
	}
	for _, p := range traditionalPhrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

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

var traditionalBits = func() []uint64 {
	bits := make([]uint64, (bmpTo-bmpFrom+63)/64)
	for _, r := range traditionalOnly {
		if r >= bmpFrom && r < bmpTo {
			bits[(r-bmpFrom)/64] |= 1 << ((r - bmpFrom) % 64)
		}
	}
	return bits
}()

// isTraditionalOnly reports whether r is a character only traditional
// Chinese writes (會, 請, 嗎; not 乾 or 覆, which simplified Chinese writes too).
func isTraditionalOnly(r rune) bool {
	switch {
	case r < bmpFrom:
		return false
	case r < bmpTo:
		return traditionalBits[(r-bmpFrom)/64]&(1<<((r-bmpFrom)%64)) != 0
	}
	_, ok := slices.BinarySearch(traditionalRunes, r)
	return ok
}
