package chatlog

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
)

// sniffSize is how much of an input is looked at to tell its encoding and format.
const sniffSize = 8 * 1024

// Encoding names reported by Decode.
const (
	EncodingUTF8    = "utf-8"
	EncodingUTF16LE = "utf-16le"
	EncodingUTF16BE = "utf-16be"
	EncodingGB18030 = "gb18030"
)

// Decode wraps r so that it yields clean UTF-8 text: a byte-order mark is
// removed, UTF-16 (with a BOM, or recognised by its zero bytes) and GB18030 /
// GBK (detected when the start is not valid UTF-8) are converted, CR LF and
// lone CR line ends become LF, NUL bytes are dropped and invalid UTF-8 becomes
// U+FFFD. It returns the name of the source encoding.
func Decode(r io.Reader) (io.Reader, string) {
	dec, name, _ := decode(r)
	return dec, name
}

// A decodeEnd tells, once a decoded input has been read to its end,
// whether its bytes end inside a character, and how many lines it has.
type decodeEnd struct {
	check *cutCheck
	ends  *lineEnds
}

// cut reports whether the input, read to its end, ends inside a character
// (a UTF-8, GB18030 or UTF-16 sequence cut short) with every character
// before it well formed: a file cut short, rather than one in another
// encoding than the one detected.
func (e *decodeEnd) cut() bool { return e.check.cut && e.check.clean }

// lastLine returns the line the decoded text ends on.
func (e *decodeEnd) lastLine() int {
	if e.ends.last == '\n' || e.ends.last == 0 {
		return max(e.ends.lines, 1)
	}
	return e.ends.lines + 1
}

// decode is Decode, and also returns what tells whether the input was cut
// inside a character.
func decode(r io.Reader) (io.Reader, string, *decodeEnd) {
	br := bufio.NewReaderSize(r, 64*1024)
	head, _ := br.Peek(sniffSize)
	var enc encoding.Encoding
	name := EncodingUTF8
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		enc, name = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), EncodingUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		enc, name = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), EncodingUTF16BE
	default:
		switch guessUTF16(head) {
		case EncodingUTF16LE:
			enc, name = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), EncodingUTF16LE
		case EncodingUTF16BE:
			enc, name = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), EncodingUTF16BE
		default:
			if !validUTF8Prefix(head) && looksGB18030(head) {
				enc, name = simplifiedchinese.GB18030, EncodingGB18030
			}
		}
	}
	end := &decodeEnd{ends: &lineEnds{}}
	var src io.Reader = br
	fix := transform.Transformer(runes.ReplaceIllFormed())
	if enc != nil {
		end.check = &cutCheck{t: enc.NewDecoder(), clean: true}
		src = transform.NewReader(br, end.check)
	} else {
		end.check = &cutCheck{t: fix, utf8: true, clean: true}
		fix = end.check
	}
	return transform.NewReader(src, transform.Chain(fix, end.ends)), name, end
}

// cutCheck wraps the transformer that decodes an input (or, for UTF-8,
// replaces its ill-formed bytes) and records whether the input ends
// inside a character: at the end of the input, t asked for more bytes to
// complete the last one. The bytes are decoded as t decodes them, a cut
// character becoming U+FFFD.
type cutCheck struct {
	t     transform.Transformer
	utf8  bool // the input is UTF-8, checked as it is read; else t's output is
	cut   bool // the input ends inside a character
	clean bool // every character before the end was well formed
}

// Transform implements transform.Transformer.
func (c *cutCheck) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	nDst, nSrc, err = c.t.Transform(dst, src, false)
	c.note(dst[:nDst], src[:nSrc])
	if !atEOF || err != transform.ErrShortSrc {
		return nDst, nSrc, err
	}
	// The input ends here, inside a character: decode what is left as t
	// does at the end (U+FFFD).
	c.cut = true
	n, m, err := c.t.Transform(dst[nDst:], src[nSrc:], true)
	return nDst + n, nSrc + m, err
}

// note records whether the bytes read so far were well formed.
func (c *cutCheck) note(dst, src []byte) {
	if !c.clean {
		return
	}
	if c.utf8 {
		c.clean = utf8.Valid(src)
	} else {
		c.clean = !bytes.ContainsRune(dst, utf8.RuneError)
	}
}

// Reset implements transform.Transformer.
func (c *cutCheck) Reset() {
	c.t.Reset()
	c.cut, c.clean = false, true
}

// guessUTF16 recognises BOM-less UTF-16 by the zero bytes of ASCII text.
func guessUTF16(head []byte) string {
	if len(head) < 4 {
		return ""
	}
	even, odd := 0, 0
	for i, b := range head {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(head) / 2
	switch {
	case odd > half*3/10 && even < half/20:
		return EncodingUTF16LE
	case even > half*3/10 && odd < half/20:
		return EncodingUTF16BE
	}
	return ""
}

// validUTF8Prefix reports whether head is valid UTF-8, allowing a rune cut
// off at the end of the sniffed window.
func validUTF8Prefix(head []byte) bool {
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size <= 1 {
			return len(head) < utf8.UTFMax && !utf8.FullRune(head)
		}
		head = head[size:]
	}
	return true
}

// looksGB18030 reports whether head decodes as GB18030 without errors,
// allowing a character of up to four bytes cut off at the end of the sniffed
// window (as validUTF8Prefix does for UTF-8): the decoder runs in non-final
// mode, so a trailing incomplete sequence stops it with ErrShortSrc instead
// of becoming U+FFFD.
func looksGB18030(head []byte) bool {
	// Each input byte yields at most 3 output bytes (U+FFFD for a bad byte).
	out := make([]byte, 3*len(head)+utf8.UTFMax)
	n, nSrc, err := simplifiedchinese.GB18030.NewDecoder().Transform(out, head, false)
	if err == transform.ErrShortSrc && len(head)-nSrc < 4 {
		err = nil
	}
	return err == nil && !bytes.ContainsRune(out[:n], utf8.RuneError)
}

// lineEnds turns CR LF and lone CR into LF and drops NUL bytes, counting
// the lines it writes.
type lineEnds struct {
	cr    bool
	lines int  // LFs written
	last  byte // the last byte written, 0 before the first
}

// Transform implements transform.Transformer.
func (t *lineEnds) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		b := src[nSrc]
		if t.cr && b == '\n' { // the LF of a CR LF already written
			t.cr = false
			nSrc++
			continue
		}
		t.cr = false
		if b == 0 {
			nSrc++
			continue
		}
		if nDst >= len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		if b == '\r' {
			b, t.cr = '\n', true
		}
		dst[nDst] = b
		nDst++
		nSrc++
		t.last = b
		if b == '\n' {
			t.lines++
		}
	}
	return nDst, nSrc, nil
}

// Reset implements transform.Transformer.
func (t *lineEnds) Reset() { *t = lineEnds{} }
