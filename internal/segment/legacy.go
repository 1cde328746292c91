package segment

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/cocolian/threads/dict"
)

// Canonical writes text as the dictionary and the cues of package thread
// read it, whichever way the client or the export wrote it: in simplified
// Chinese (Simplify), and with the sticker codes of older WeChat clients
// written as the bracketed names of today's (/::) as [微笑], /:strong as [强];
// dict/legacy-stickers.yaml lists them), and with full-width letters and
// digits in ASCII (NarrowAlnum). Text with none of these is returned as it
// is.
func Canonical(s string) string {
	return NarrowAlnum(Simplify(BracketLegacyStickers(s)))
}

// NarrowAlnum writes full-width letters and digits, which a Chinese input
// method types in its full-width mode, as ASCII: P2Ｐ is P2P, Ｔ０ is T0.
// The full-width plus sign goes with them, so that a settlement cycle typed
// so (Ｔ＋１, T＋2) reads as T+1 and T+2. Canonical does this too.
func NarrowAlnum(s string) string {
	if !strings.ContainsFunc(s, isWideAlnum) && !strings.ContainsRune(s, '＋') {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isWideAlnum(r) {
			return r - 'Ａ' + 'A'
		}
		if r == '＋' {
			return '+'
		}
		return r
	}, s)
}

// isWideAlnum reports whether r is a full-width letter or digit (Ｐ, ０).
func isWideAlnum(r rune) bool {
	return r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

// BracketLegacyStickers writes each sticker code of older WeChat clients in
// s as the bracketed name of today's (/::) as [微笑]); Canonical does this
// and more. A code that ends in a letter must not run on into another
// letter (/:shared is no /:share).
func BracketLegacyStickers(s string) string {
	if !strings.Contains(s, legacyPrefix) {
		return s
	}
	codes := legacyCodes()
	var b strings.Builder
	last := 0 // s[:last] is written to b
	for i := 0; ; {
		at := strings.Index(s[i:], legacyPrefix)
		if at < 0 {
			break
		}
		i += at
		n, name := codes.match(s[i:])
		if n == 0 {
			i += len(legacyPrefix)
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(name)
		i += n
		last = i
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// legacyPrefix starts every legacy sticker code.
const legacyPrefix = "/:"

// legacyTable holds the legacy sticker codes, longest first, with their
// bracketed names.
type legacyTable []dict.LegacySticker

// match returns the length of the legacy code that text starts with and
// its bracketed name, or 0 and "" when it starts with none.
func (t legacyTable) match(text string) (int, string) {
	for _, c := range t {
		if !strings.HasPrefix(text, c.Code) {
			continue
		}
		if isASCIILetter(c.Code[len(c.Code)-1]) && len(text) > len(c.Code) && isASCIILetter(text[len(c.Code)]) {
			continue
		}
		return len(c.Code), c.Name
	}
	return 0, ""
}

// isASCIILetter reports whether b is an ASCII letter.
func isASCIILetter(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// legacyCodes loads dict/legacy-stickers.yaml once, the first time a text
// holds /:, with each name in brackets and the longest codes first.
var legacyCodes = sync.OnceValue(func() legacyTable {
	codes, err := dict.LegacyStickers()
	if err != nil {
		panic(err) // the embedded file is checked by the dict tests
	}
	for k := range codes {
		codes[k].Name = "[" + codes[k].Name + "]"
	}
	slices.SortStableFunc(codes, func(a, b dict.LegacySticker) int { return cmp.Compare(len(b.Code), len(a.Code)) })
	return codes
})
