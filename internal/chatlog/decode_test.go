package chatlog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

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
			encode := func(s string) []byte { return encodeIn(t, tt.enc, s) }
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

// cutInput is a fixture cut inside a character: its text up to and
// including the last character of more than one byte in UTF-8, encoded,
// less drop bytes.
type cutInput struct {
	name   string
	file   string            // a fixture under testdata/chatlog, or "" for text
	text   string            // the input when file is ""
	format string            // the format to read it in
	enc    encoding.Encoding // nil for UTF-8
	drop   int               // bytes of the last character's encoding dropped
}

// TestScanCutInsideCharacter checks that an input whose bytes end inside
// a character (a user review found a chatlog CSV cut so, read silently
// with U+FFFD for the cut character) is an error naming the line of its
// last record, which is not emitted, after the messages before it, for
// every text format and every encoding Decode reads.
func TestScanCutInsideCharacter(t *testing.T) {
	const dir = "../../testdata/chatlog/"
	gb := simplifiedchinese.GB18030
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	tests := []cutInput{
		{"chatlog csv, 1 of 3 bytes", "chatlog-csv/20688888888@chatroom_2025-03-06_2025-03-07.csv", "", FormatChatlogCSV, nil, 2},
		{"chatlog csv, 2 of 3 bytes", "chatlog-csv/20688888888@chatroom_2025-03-06_2025-03-07.csv", "", FormatChatlogCSV, nil, 1},
		{"chatlog text", "chatlog-text/group_2025-03-06.txt", "", FormatChatlogText, nil, 1},
		{"memotrace csv", "memotrace-csv/group_utf8.csv", "", FormatMemoTraceCSV, nil, 1},
		{"memotrace txt", "memotrace-txt/group.txt", "", FormatMemoTraceTXT, nil, 2},
		{"cocolian", "cocolian/basic.markdown", "", FormatCocolian, nil, 1},
		{"cocolian with CR LF", "cocolian/crlf.markdown", "", FormatCocolian, nil, 1},
		{"whatsapp", "whatsapp/ios.txt", "", FormatWhatsApp, nil, 1},
		{"irc", "", "[23:50] <alice> anyone here?\n[23:51] <bob> alice: yes\n[23:52] <alice> 谢谢\n", FormatIRC, nil, 1},
		{"chatlog csv in gb18030, lead byte only", "chatlog-csv/20688888888@chatroom_2025-03-06_2025-03-07.csv", "", FormatChatlogCSV, gb, 1},
		{"chatlog text in gb18030, four-byte char cut", "", "张三(wxid_a) 2025-03-06 09:00:05\n早\n\n李四(wxid_b) 2025-03-06 09:00:06\n好😀\n", FormatChatlogText, gb, 2},
		{"memotrace txt in utf-16le, odd byte", "memotrace-txt/group.txt", "", FormatMemoTraceTXT, utf16le, 1},
		{"chatlog text in utf-16be, high surrogate only", "", "张三(wxid_a) 2025-03-06 09:00:05\n早\n\n李四(wxid_b) 2025-03-06 09:00:06\n好😀\n", FormatChatlogText, utf16be, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.text
			if tt.file != "" {
				text = string(wxReadFile(t, dir+tt.file))
			}
			encode := func(s string) []byte { return encodeIn(t, tt.enc, s) }
			want := scanAll(t, encode(text), tt.format)
			if want.err != nil {
				t.Fatalf("whole file: %v", want.err)
			}
			// The last character of more than one byte, and its line.
			end := len(text)
			for end > 0 {
				_, size := utf8.DecodeLastRuneInString(text[:end])
				if size > 1 {
					break
				}
				end -= size
			}
			if end == 0 {
				t.Fatal("fixture: no character of more than one byte")
			}
			line := strings.Count(strings.ReplaceAll(text[:end], "\r\n", "\n"), "\n") + 1
			k := 0 // the message the cut is in
			for i, m := range want.msgs {
				if m.Line <= line {
					k = i
				}
			}
			data := encode(text[:end])
			got := scanAll(t, data[:len(data)-tt.drop], tt.format)
			var pe *ParseError
			if !errors.As(got.err, &pe) || pe.Line != want.msgs[k].Line || !strings.Contains(pe.Msg, "the file is cut short") {
				t.Fatalf("error %v, want the file cut short at line %d", got.err, want.msgs[k].Line)
			}
			if len(got.msgs) != k {
				t.Fatalf("%d messages before the error, want %d", len(got.msgs), k)
			}
			for i, m := range got.msgs {
				if w := want.msgs[i]; m.Line != w.Line || m.Text != w.Text || m.Index != w.Index {
					t.Errorf("message %d: line %d %q, want line %d %q", i, m.Line, m.Text, w.Line, w.Text)
				}
			}
		})
	}
}

// TestScanNotCut checks inputs whose last bytes are no character cut
// short: a whole GBK file, and a GBK file whose first bytes are ASCII,
// so that it is decoded as UTF-8 and its last character, ill formed in
// it as all its others are, reads as the start of a UTF-8 character.
func TestScanNotCut(t *testing.T) {
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const header = "Time,SenderName,Sender,TalkerName,Talker,Content\n"
	ascii := strings.Repeat("2025-03-06 09:00:05,a,wxid_a,g,1@chatroom,ok\n", sniffSize/40)
	tests := []struct {
		name  string
		data  []byte
		msgs  int
		check string // text the last message must hold, "" for none
	}{
		{"gbk", gbk(header + "2025-03-06 09:00:05,张三,wxid_a,群,1@chatroom,你好"), 1, "你好"},
		{"gbk after an ascii window", append([]byte(header+ascii), gbk("2025-03-06 09:00:06,张三,wxid_a,群,1@chatroom,你好")...), sniffSize/40 + 1, ""},
		{"utf-8 ending on a whole character", []byte(header + "2025-03-06 09:00:05,张三,wxid_a,群,1@chatroom,你好"), 1, "你好"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "gbk after an ascii window" && !bytes.HasSuffix(tt.data, []byte{0xC3}) {
				t.Fatalf("fixture: ends in % x, want 0xC3, a UTF-8 lead byte", tt.data[len(tt.data)-2:])
			}
			got := scanAll(t, tt.data, FormatChatlogCSV)
			if got.err != nil || len(got.msgs) != tt.msgs {
				t.Fatalf("%d messages and %v, want %d and no error", len(got.msgs), got.err, tt.msgs)
			}
			if last := got.msgs[len(got.msgs)-1]; tt.check != "" && last.Text != tt.check {
				t.Errorf("last message %q, want %q", last.Text, tt.check)
			}
		})
	}
}

// scanned is what scanAll read.
type scanned struct {
	msgs []Message
	err  error
}

// scanAll reads data in format with Scan, and also with Parse, which
// must agree with it: the same messages, and the same error.
func scanAll(t *testing.T, data []byte, format string) scanned {
	t.Helper()
	var s scanned
	_, s.err = Scan(bytes.NewReader(data), "x/in", format, func(_ *Log, m Message) error {
		s.msgs = append(s.msgs, m)
		return nil
	})
	log, err := Parse(bytes.NewReader(data), "x/in", format)
	if fmt.Sprint(err) != fmt.Sprint(s.err) {
		t.Errorf("Parse: error %v, Scan %v", err, s.err)
	}
	if err == nil && len(log.Messages) != len(s.msgs) {
		t.Errorf("Parse: %d messages, Scan %d", len(log.Messages), len(s.msgs))
	}
	return s
}

// encodeIn returns s in enc, or as UTF-8 when enc is nil.
func encodeIn(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	if enc == nil {
		return []byte(s)
	}
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
