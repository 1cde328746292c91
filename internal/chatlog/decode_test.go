package chatlog

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestDecodeCharAcrossSniffWindow checks that a character cut in two by the
// end of the sniffed window does not change the detected encoding: the
// window holds only the first bytes of it, the rest of the file the others.
func TestDecodeCharAcrossSniffWindow(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	tests := []struct {
		name     string
		enc      encoding.Encoding // nil for UTF-8
		split    string            // the character that straddles the window's end
		inWindow int               // how many of its encoded bytes are inside the window
		want     string            // the encoding Decode must report
	}{
		{"gbk two-byte char, lead byte last", simplifiedchinese.GB18030, "退", 1, EncodingGB18030},
		{"gb18030 four-byte char, 1 byte in", simplifiedchinese.GB18030, "😀", 1, EncodingGB18030},
		{"gb18030 four-byte char, 2 bytes in", simplifiedchinese.GB18030, "😀", 2, EncodingGB18030},
		{"gb18030 four-byte char, 3 bytes in", simplifiedchinese.GB18030, "😀", 3, EncodingGB18030},
		{"utf-8 three-byte char, 2 bytes in", nil, "退", 2, EncodingUTF8},
		{"utf-16le surrogate pair, high half in", utf16le, "😀", 2, EncodingUTF16LE},
		{"utf-16be surrogate pair, high half in", utf16be, "😀", 2, EncodingUTF16BE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			encode := func(s string) []byte {
				if tt.enc == nil {
					return []byte(s)
				}
				b, err := tt.enc.NewEncoder().Bytes([]byte(s))
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			// Some non-ASCII text before the padding, so that the window is
			// not plain ASCII, which any encoding would accept.
			start, split, end := "张三说:\n", encode(tt.split), "李四\n"
			head := encode(start)
			unit := len(encode("a"))
			pad := (sniffSize - tt.inWindow - len(head)) / unit
			text := start + strings.Repeat("a", pad) + tt.split + end
			data := encode(text)
			if at := bytes.Index(data, split); at+tt.inWindow != sniffSize {
				t.Fatalf("fixture: %q starts at byte %d, want %d", tt.split, at, sniffSize-tt.inWindow)
			}
			r, enc := Decode(bytes.NewReader(data))
			if enc != tt.want {
				t.Errorf("encoding %s, want %s", enc, tt.want)
			}
			got, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != text {
				t.Errorf("decoded text differs from the original (U+FFFD at %d)", bytes.IndexRune(got, '\uFFFD'))
			}
		})
	}
}
