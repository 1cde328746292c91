package segment

import "unicode/utf8"

// The spans cut out before the dictionary sees the text are what the
// regular expression
//
//	\[[^\[\]\r\n]{1,24}\]|(?i:https?://|www\.)[!-~]+
//
// matches, leftmost first: bracketed codes that may be stickers, and URLs.
// A bracketed code that turns out not to be a sticker is cut like any other
// text. nextSpecial finds them without the regexp engine, which cost a
// sixth of the segmenter's time; TestNextSpecialMatchesRegexp and
// FuzzNextSpecial check it against the expression.

// maxBracketRunes is the most runes a bracketed code holds.
const maxBracketRunes = 24

// nextSpecial returns the byte offsets of the first span at or after
// offset from, or -1, -1 when there is none.
func nextSpecial(text string, from int) (start, end int) {
	for i := from; i < len(text); i++ {
		// Both alternatives start with an ASCII byte, and an ASCII byte
		// always starts a rune, valid UTF-8 or not.
		switch text[i] {
		case '[':
			if end := bracketEnd(text, i); end > 0 {
				return i, end
			}
		case 'h', 'H', 'w', 'W':
			if end := urlEnd(text, i); end > 0 {
				return i, end
			}
		}
	}
	return -1, -1
}

// bracketEnd returns the end of the bracketed code that starts at text[i]
// == '[', or 0 when none does: one to 24 runes other than [ ] CR LF, then ].
func bracketEnd(text string, i int) int {
	n := 0
	for j := i + 1; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch r {
		case '[', '\r', '\n':
			return 0
		case ']':
			if n == 0 {
				return 0
			}
			return j + 1
		}
		if n++; n > maxBracketRunes {
			return 0
		}
		j += size
	}
	return 0
}

// urlEnd returns the end of the URL that starts at text[i], or 0 when none
// does: http://, https:// or www. in any case (the regexp's case folding
// also lets ſ, U+017F, stand for the s), then one or more printable ASCII
// characters.
func urlEnd(text string, i int) int {
	j := 0
	switch {
	case hasPrefixFold(text[i:], "www."):
		j = i + 4
	case hasPrefixFold(text[i:], "http"):
		j = i + 4
		switch {
		case j < len(text) && (text[j] == 's' || text[j] == 'S'):
			j++
		case len(text) >= j+2 && text[j:j+2] == "ſ":
			j += 2
		}
		if len(text) < j+3 || text[j:j+3] != "://" {
			// s? may also match nothing, but then "://" would have to
			// start at the s.
			return 0
		}
		j += 3
	default:
		return 0
	}
	k := j
	for k < len(text) && '!' <= text[k] && text[k] <= '~' {
		k++
	}
	if k == j {
		return 0
	}
	return k
}

// hasPrefixFold reports whether s starts with prefix, a lowercase ASCII
// string, in any ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
