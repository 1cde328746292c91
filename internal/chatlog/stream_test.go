package chatlog

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestScanMatchesParse checks, on every file fixture of every format, that
// Scan emits exactly the messages ParseFile returns, in the same order and
// with the same fields, and returns the same metadata; and so do ScanFileIn
// and ParseIn in a zone.
func TestScanMatchesParse(t *testing.T) {
	streams := map[string]bool{}
	for _, f := range Formats() {
		streams[f.Name] = f.Streams()
	}
	for _, f := range Formats() {
		if f.Name == slackFormat.Name {
			continue
		}
		for _, loc := range []*time.Location{nil, mustZone(t, "America/New_York")} {
			testScanMatchesParse(t, f, loc)
		}
	}
	for _, name := range []string{"chatlog-csv", "chatlog-text", "memotrace-csv", "memotrace-txt", "whatsapp", "cocolian"} {
		if !streams[name] {
			t.Errorf("%s does not stream", name)
		}
	}
	for _, name := range []string{"irc", "chatlab", "telegram"} {
		if streams[name] {
			t.Errorf("%s streams, but is parsed whole", name)
		}
	}
}

// testScanMatchesParse is TestScanMatchesParse for the fixtures of one
// format, read in loc.
func testScanMatchesParse(t *testing.T, f Format, loc *time.Location) {
	t.Run(fmt.Sprintf("%s/%v", f.Name, loc), func(t *testing.T) {
		for _, file := range wxFixtures(t, f.Name, "*") {
			t.Run(filepath.Base(file), func(t *testing.T) {
				want, err := parseFile(file, "", loc, nil)
				if err != nil {
					t.Fatal(err)
				}
				var got []Message
				meta, err := ScanFileIn(file, "", loc, nil, func(log *Log, m Message) error {
					if log.Messages != nil {
						t.Errorf("message %d: emit got a log with Messages", m.Index)
					}
					if log.Path != file || log.Format != f.Name {
						t.Errorf("message %d: emit got Path, Format = %q, %q", m.Index, log.Path, log.Format)
					}
					got = append(got, m)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if meta.Messages != nil {
					t.Errorf("Scan returned %d messages in the log, want none", len(meta.Messages))
				}
				if len(got) != len(want.Messages) {
					t.Fatalf("emitted %d messages, ParseFile gives %d", len(got), len(want.Messages))
				}
				for i := range got {
					if !reflect.DeepEqual(got[i], want.Messages[i]) {
						t.Errorf("message %d:\n got %+v\nwant %+v", i, got[i], want.Messages[i])
					}
				}
				want.Messages = nil
				if !reflect.DeepEqual(meta, want) {
					t.Errorf("metadata:\n got %+v\nwant %+v", meta, want)
				}
			})
		}
	})
}

// TestScanEmitsAsItReads checks that a streaming parser hands a message to
// emit before it reads the rest of the input: a read error far after the
// first messages comes after they were emitted, and an emit error stops the
// scan and is returned as is.
func TestScanEmitsAsItReads(t *testing.T) {
	var b strings.Builder
	for i := range 3 {
		fmt.Fprintf(&b, "2025-03-0%d 10:00:00 张三\n第%d天\n\n", i+1, i+1)
	}
	input := b.String()
	r := &failAfter{data: []byte(input)}
	n := 0
	_, err := Scan(r, "g.txt", "", func(_ *Log, m Message) error {
		n++
		return nil
	})
	if err == nil || n != 2 {
		t.Errorf("read error after the input: got %d messages before %v, want 2 (the last one is still open)", n, err)
	}
	stop := errors.New("stop")
	n = 0
	_, err = Scan(strings.NewReader(input), "g.txt", "", func(_ *Log, m Message) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("emit error: got %v after %d messages, want stop after 2", err, n)
	}
}

// failAfter returns its data, then an error instead of io.EOF.
type failAfter struct {
	data []byte
	off  int
}

func (f *failAfter) Read(p []byte) (int, error) {
	if f.off >= len(f.data) {
		return 0, errors.New("disk on fire")
	}
	n := copy(p, f.data[f.off:])
	f.off += n
	return n, nil
}

// TestScanWhatsAppDateOrder checks that a WhatsApp export whose first days
// do not show the date order is read as the whole file decides: month
// first when a later header has a second number above 12.
func TestScanWhatsAppDateOrder(t *testing.T) {
	input := "1/2/24, 10:00 - A: one\n1/3/24, 10:00 - B: two\n1/13/24, 10:00 - A: three\n"
	log, err := Parse(strings.NewReader(input), "chat.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	var days []string
	for _, m := range log.Messages {
		days = append(days, m.Time.Format("2006-01-02"))
	}
	if want := []string{"2024-01-02", "2024-01-03", "2024-01-13"}; !reflect.DeepEqual(days, want) {
		t.Errorf("days %v, want %v", days, want)
	}
}

// TestScanFileErrors checks that ScanFile reports what ParseFile reports.
func TestScanFileErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir, filepath.Join(dir, "missing.txt"), empty} {
		_, perr := ParseFile(path, "", nil)
		_, serr := ScanFile(path, "", bytes.NewReader(nil), func(*Log, Message) error { return nil })
		if perr == nil || serr == nil || perr.Error() != serr.Error() {
			t.Errorf("%s: ScanFile error %v, ParseFile error %v", path, serr, perr)
		}
	}
}

// TestScanErrorAfterEarlierMessages checks the promise of Scan that a parse
// error met part-way comes after every message before it: on each fixture of
// each streaming format, the record of each message in turn is made bad (an
// hour of 29, or a non-numeric Type), and Scan must emit exactly the
// messages before it, as Parse gives them from the intact file, then fail at
// its line. MemoTrace TXT, chatlog text and cocolian lost the message just
// before a header with a bad time, which was only emitted once the next
// header parsed (found by a user review).
func TestScanErrorAfterEarlierMessages(t *testing.T) {
	tests := []struct {
		format string
		re     *regexp.Regexp // matches the part of a message's first line to spoil
		repl   string
	}{
		{"chatlog-csv", regexp.MustCompile(`^(\d{4}-\d\d-\d\d )\d\d`), "${1}29"},
		{"chatlog-text", regexp.MustCompile(`\d\d(:\d\d:\d\d\r?)$`), "29$1"},
		{"memotrace-csv", regexp.MustCompile(`^(\d+,\d+,)\d+`), "${1}x"},
		{"memotrace-txt", regexp.MustCompile(`^(\d{4}-\d\d-\d\d )\d\d`), "${1}29"},
		{"whatsapp", regexp.MustCompile(`^([\x{200E}\x{200F}]*\[?\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4},? (?:上午|下午)?)\d{1,2}`), "${1}29"},
		{"cocolian", regexp.MustCompile(`^> \d\d`), "> 29"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			for _, file := range wxFixtures(t, tt.format, "*") {
				data := string(wxReadFile(t, file))
				want, err := Parse(strings.NewReader(data), file, tt.format)
				if err != nil {
					t.Fatal(err)
				}
				lines := strings.Split(data, "\n")
				for k, m := range want.Messages {
					bad := slices.Clone(lines)
					bad[m.Line-1] = tt.re.ReplaceAllString(bad[m.Line-1], tt.repl)
					if bad[m.Line-1] == lines[m.Line-1] {
						t.Fatalf("%s:%d: the pattern spoils nothing in %q", file, m.Line, lines[m.Line-1])
					}
					var got []Message
					_, err := Scan(strings.NewReader(strings.Join(bad, "\n")), file, tt.format, func(_ *Log, m Message) error {
						got = append(got, m)
						return nil
					})
					var pe *ParseError
					if !errors.As(err, &pe) || pe.Line != m.Line {
						t.Errorf("%s: message %d spoilt at line %d: error %v, want one at that line", filepath.Base(file), k, m.Line, err)
					}
					if len(got) != k || k > 0 && !reflect.DeepEqual(got, want.Messages[:k]) {
						t.Errorf("%s: message %d spoilt at line %d: emitted %d messages before the error, want the %d before it", filepath.Base(file), k, m.Line, len(got), k)
					}
				}
			}
		})
	}
}

// TestScanCutJSON checks that a JSON export cut short inside its last
// record gives the messages before that record, then the error: a user
// review found a cut WeFlow week export giving nothing at all, so that
// extract wrote none of its days.
func TestScanCutJSON(t *testing.T) {
	const dir = "../../testdata/chatlog/"
	tests := []struct {
		name, file, format string
		after              int // bytes of the last record's first line kept
	}{
		{"weflow, inside the last record", "weflow/group.json", FormatWeFlow, 10},
		{"weflow, right after the last record opens", "weflow/group.json", FormatWeFlow, 1},
		{"weflow notices", "weflow/notices.json", FormatWeFlow, 10},
		{"chatlog json", "chatlog-json/group.json", FormatChatlogJSON, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := wxReadFile(t, dir+tt.file)
			want := scanAll(t, data, tt.format)
			if want.err != nil {
				t.Fatalf("whole file: %v", want.err)
			}
			n := len(want.msgs)
			last := want.msgs[n-1].Line
			start := 0 // the offset of the last record's first line
			for range last - 1 {
				start += bytes.IndexByte(data[start:], '\n') + 1
			}
			start += bytes.IndexByte(data[start:], '{')
			got := scanAll(t, data[:start+tt.after], tt.format)
			var pe *ParseError
			if !errors.As(got.err, &pe) || !strings.Contains(pe.Msg, "the file is cut short") || !strings.Contains(pe.Msg, fmt.Sprintf("record %d", n)) {
				t.Fatalf("error %v, want record %d cut short", got.err, n)
			}
			if len(got.msgs) != n-1 {
				t.Fatalf("%d messages before the error, want %d", len(got.msgs), n-1)
			}
			for i, m := range got.msgs {
				if w := want.msgs[i]; m.Line != w.Line || m.Text != w.Text || m.Sender != w.Sender || m.Index != w.Index {
					t.Errorf("message %d: line %d %s %q, want line %d %s %q", i, m.Line, m.Sender, m.Text, w.Line, w.Sender, w.Text)
				}
			}
		})
	}
}
