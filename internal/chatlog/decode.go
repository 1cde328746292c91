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
	var src io.Reader = br
	if enc != nil {
		src = transform.NewReader(br, enc.NewDecoder())
	}
	return transform.NewReader(src, transform.Chain(runes.ReplaceIllFormed(), &lineEnds{})), name
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

// lineEnds turns CR LF and lone CR into LF and drops NUL bytes.
type lineEnds struct{ cr bool }

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
	}
	return nDst, nSrc, nil
}

// Reset implements transform.Transformer.
func (t *lineEnds) Reset() { t.cr = false }
