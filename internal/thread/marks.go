package thread

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/segment"
)

// asciiMarks are the punctuation marks a Chinese writer types in either
// width: 几度? and 几度？ ask the same.
const asciiMarks = "?!,:;()"

// fullWidth gives each of asciiMarks its full-width form.
var fullWidth = map[rune]rune{'?': '？', '!': '！', ',': '，', ':': '：', ';': '；', '(': '（', ')': '）'}

// widenMarks writes the ASCII punctuation of Chinese text in full width, so
// that the cues, written for full-width marks, read both alike. A mark is
// widened when a Han character stands beside it or a space or the end of
// the text follows it (谁有完整ppt? 好的, ok), so 1,000, 10:30 and the ? of
// a link keep theirs; a ? only as told below. mentions tells that the text
// @mentions someone.
func widenMarks(s string, mentions bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	prev := rune(0)
	for i, r := range s {
		if w, ok := fullWidth[r]; ok {
			rest := s[i+utf8.RuneLen(r):]
			next, _ := utf8.DecodeRuneInString(rest)
			switch {
			case r == '?':
				// An export may write ? for a character it could not
				// (Ping 支付学院 2018 ? 上海站, 谢谢。?) or for the space after a
				// mention, which a name with spaces hides from mentionRe
				// (@邵芳 随行付 北京?能否…): a ? asks when only marks and
				// spaces follow it and it follows no space and no sentence
				// end (退款?!, 可以吗?）), or when it stands between Chinese
				// characters in a text that mentions nobody (是团队不行?管理不行？).
				// A ? typed right after a word and followed by a space
				// and more text asks too (怎么验签? 一直报错, idempotent?
				// 重复退款了), unless another ? follows, as where an export
				// wrote a run of them.
				end := strings.TrimLeftFunc(rest, isClosingMark) == "" && prev != 0 &&
					!unicode.IsSpace(prev) && !strings.ContainsRune("?？。！!", prev)
				after := strings.TrimLeftFunc(rest, unicode.IsSpace)
				spaced := unicode.IsSpace(next) && (isHan(prev) || unicode.IsLetter(prev) || unicode.IsDigit(prev)) &&
					after != "" && !strings.HasPrefix(after, "?")
				if end || spaced || !mentions && isHan(prev) && isHan(next) {
					r = w
				}
			case isHan(prev) || isHan(next) || next == utf8.RuneError || unicode.IsSpace(next):
				r = w
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// normaliseWidth writes text as the cues read it, whichever width its
// writer typed in: the punctuation of Chinese text in full width
// (widenMarks), letters and digits in half width (segment.NarrowAlnum). mentions
// tells that the text @mentions someone.
func normaliseWidth(s string, mentions bool) string {
	s = segment.NarrowAlnum(s)
	if strings.ContainsAny(s, asciiMarks) && hasHan(s) {
		s = widenMarks(s, mentions)
	}
	return s
}

// isHan reports whether r is a Chinese character. A rune below firstHan is
// none, which spares an ASCII text the look-up in the Han table.
func isHan(r rune) bool { return r >= firstHan && unicode.Is(unicode.Han, r) }

// firstHan is the first Chinese character in Unicode (⺀, U+2E80, the
// first of the CJK radicals).
const firstHan = '\u2e80'
