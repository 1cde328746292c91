package chatlog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

// cutFixture is a synthetic JSON export whose messages array is laid out
// one field a line, as the exporters write it, with the byte offsets that
// the cut tests cut at.
type cutFixture struct {
	data       []byte
	open       int   // the offset just after the messages array's '['
	start, end []int // per record, the offsets of its '{' and just after its '}'
	texts      []string
}

// cutTexts are the fixtures' message texts, all of multi-byte characters.
var cutTexts = []string{"支付牌照怎么申请？", "找人行当地分行，材料很多", "跨境收款哪家费率低？", "PingPong 和万里汇都可以", "备付金要集中存管吗？", "要的，全部交存央行"}

// newCutFixture lays out an export: head up to the messages array, one
// record per element of recs (record i carries cutTexts[i]), then tail.
func newCutFixture(t *testing.T, head string, recs []map[string]any, tail string) cutFixture {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(head + "[")
	f := cutFixture{open: b.Len(), texts: cutTexts[:len(recs)]}
	for i, rec := range recs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n  ")
		js, err := json.MarshalIndent(rec, "  ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		f.start = append(f.start, b.Len())
		b.Write(js)
		f.end = append(f.end, b.Len())
	}
	b.WriteString("\n ]" + tail)
	f.data = b.Bytes()
	return f
}

// cutDay is the date of fixture record i: two records a day from
// 2024-03-04, at 10:00 and 10:30 China time.
func cutDay(i int) time.Time {
	return time.Date(2024, 3, 4+i/2, 10, 30*(i%2), 0, 0, time.FixedZone("", 8*3600))
}

// cutFixtures builds the Telegram, Discord and ChatLab JSON fixtures of
// six messages over three days, by format.
func cutFixtures(t *testing.T) []struct {
	format string
	cutFixture
} {
	names := []string{"李雷", "韩梅梅"}
	var tg, dc, cl []map[string]any
	for i, text := range cutTexts {
		at := cutDay(i)
		tg = append(tg, map[string]any{"id": i + 1, "type": "message", "date": at.Format("2006-01-02T15:04:05"), "date_unixtime": fmt.Sprint(at.Unix()),
			"from": names[i%2], "from_id": fmt.Sprintf("user%d", i%2+1), "text": text})
		dc = append(dc, map[string]any{"id": fmt.Sprint(100 + i), "type": "Default", "timestamp": at.Format(time.RFC3339), "content": text,
			"author": map[string]any{"id": fmt.Sprint(i%2 + 1), "name": names[i%2]}})
		cl = append(cl, map[string]any{"sender": fmt.Sprintf("wxid_%d", i%2), "accountName": names[i%2], "timestamp": at.Unix(), "type": 0, "content": text})
	}
	return []struct {
		format string
		cutFixture
	}{
		{FormatTelegram, newCutFixture(t, "{\n \"name\": \"支付群\",\n \"type\": \"private_supergroup\",\n \"id\": 1,\n \"messages\": ", tg, "\n}\n")},
		{FormatDiscord, newCutFixture(t, "{\n \"guild\": {\"id\": \"1\", \"name\": \"支付\"},\n \"channel\": {\"id\": \"2\", \"name\": \"问答\"},\n \"messages\": ",
			dc, ",\n \"messageCount\": 6\n}\n")},
		{FormatChatLab, newCutFixture(t, "{\n \"chatlab\": {\"version\": \"0.0.2\"},\n \"meta\": {\"name\": \"支付群\", \"platform\": \"wechat\", \"type\": \"group\"},\n"+
			" \"members\": [{\"platformId\": \"wxid_0\", \"accountName\": \"李雷\"}],\n \"messages\": ", cl, "\n}\n")},
	}
}

// TestScanCutMessagesArray checks that a Telegram, Discord or ChatLab JSON
// export cut short inside its messages array (a download interrupted, a
// disk full) gives every message read whole before the cut, then an error
// at the line the input ends on that says so and to export again, read by
// Scan, by ScanEachIn (as extract and digest read) and by the format's
// parser, which returns those messages with the error. They gave nothing.
func TestScanCutMessagesArray(t *testing.T) {
	third := func(f cutFixture) int { return f.start[2] + bytes.Index(f.data[f.start[2]:], []byte(f.texts[2])) } // the third text's first byte
	cuts := []struct {
		name  string
		at    func(f cutFixture) int
		whole int // the records read whole before the cut
	}{
		{"right after the opening bracket", func(f cutFixture) int { return f.open }, 0},
		{"inside the first message", func(f cutFixture) int { return f.start[0] + 6 }, 0},
		{"inside a message, on its first field's line", func(f cutFixture) int { return f.start[2] + 6 }, 2},
		{"inside a message, before its closing brace", func(f cutFixture) int { return f.end[2] - 1 }, 2},
		{"between messages, before the comma", func(f cutFixture) int { return f.end[1] }, 2},
		{"between messages, after the comma", func(f cutFixture) int { return f.end[1] + 1 }, 2},
		{"between messages, before the next record", func(f cutFixture) int { return f.start[2] }, 2},
		{"inside a string, in a multi-byte character", func(f cutFixture) int { return third(f) + 1 }, 2},
		{"inside a string, after a multi-byte character", func(f cutFixture) int { return third(f) + len("跨") }, 2},
		{"inside a string, in its last character", func(f cutFixture) int { return third(f) + len(f.texts[2]) - 1 }, 2},
		{"after the last message", func(f cutFixture) int { return f.end[5] }, 6},
	}
	parsers := map[string]func(io.Reader, string) (*Log, error){FormatTelegram: ParseTelegram, FormatDiscord: ParseDiscord, FormatChatLab: ParseChatLab}
	again := map[string]string{FormatTelegram: "export the chat again", FormatDiscord: "export the channel again", FormatChatLab: "export the chat again"}
	record := map[string]string{FormatTelegram: "message record", FormatDiscord: "message record", FormatChatLab: "record"}
	for _, ff := range cutFixtures(t) {
		format, f := ff.format, ff.cutFixture
		whole, err := Parse(bytes.NewReader(f.data), "x/in", format)
		if err != nil || len(whole.Messages) != len(cutTexts) {
			t.Fatalf("%s: the whole fixture: %v", format, err)
		}
		for i, m := range whole.Messages {
			if m.Text != cutTexts[i] || !m.Time.Equal(cutDay(i)) {
				t.Fatalf("%s: the whole fixture's message %d: %q at %v", format, i, m.Text, m.Time)
			}
		}
		for _, c := range cuts {
			t.Run(format+"/"+c.name, func(t *testing.T) {
				at := c.at(f)
				data := f.data[:at]
				where := fmt.Sprintf("after %s %d", record[format], c.whole)
				if c.whole == 0 {
					where = "before any " + record[format] + " is whole"
				}
				wantMsg := "the file is cut short: it ends inside the messages array, " + where + "; " + again[format]
				wantLine := bytes.Count(data, []byte("\n")) + 1
				check := func(how string, got []Message, err error) {
					t.Helper()
					var pe *ParseError
					if !errors.As(err, &pe) || pe.Msg != wantMsg || pe.Line != wantLine || pe.Path != "x/in" {
						t.Errorf("%s: error %v, want x/in:%d: %s", how, err, wantLine, wantMsg)
					}
					if len(got) != c.whole {
						t.Fatalf("%s: %d messages before the error, want %d", how, len(got), c.whole)
					}
					for i, m := range got {
						if w := whole.Messages[i]; m.Line != w.Line || m.Index != w.Index || m.ID != w.ID || m.Sender != w.Sender || m.Text != w.Text || !m.Time.Equal(w.Time) {
							t.Errorf("%s: message %d: line %d %s %q, want line %d %s %q", how, i, m.Line, m.Sender, m.Text, w.Line, w.Sender, w.Text)
						}
					}
				}
				s := scanAll(t, data, format)
				check("Scan", s.msgs, s.err)
				var each []Message
				err := ScanEachIn(bytes.NewReader(data), "x/in", format, nil, func(_ *Log, m Message) error {
					each = append(each, m)
					return nil
				}, func(log *Log) error {
					t.Errorf("ScanEachIn ended the log of a cut file (%d messages)", len(each))
					return nil
				})
				check("ScanEachIn", each, err)
				log, err := parsers[format](bytes.NewReader(data), "x/in")
				var msgs []Message
				if log != nil {
					msgs = log.Messages
					if c.whole == 0 || log.Title == "" || log.Format != format {
						t.Errorf("parser: log %q (%s) of %d messages", log.Title, log.Format, len(msgs))
					}
				}
				check("parser", msgs, err)
			})
		}
	}
}

// TestScanCutChatLabJSONL checks that a ChatLab JSONL export whose last
// line is cut short gives the messages of the lines before it, as the
// JSON form does.
func TestScanCutChatLabJSONL(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"_type":"header","chatlab":{"version":"0.0.2"},"meta":{"name":"支付群","platform":"wechat","type":"group"}}` + "\n")
	for i, text := range cutTexts {
		fmt.Fprintf(&b, `{"_type":"message","sender":"wxid_%d","accountName":"李雷","timestamp":%d,"type":0,"content":%q}`+"\n", i%2, cutDay(i).Unix(), text)
	}
	data := []byte(b.String())
	cut := data[:bytes.LastIndex(data, []byte("全部"))+1] // inside a character of the last line
	s := scanAll(t, cut, FormatChatLab)
	var pe *ParseError
	if !errors.As(s.err, &pe) || pe.Line != 7 || !strings.Contains(pe.Msg, "record 7: the line is cut short") {
		t.Errorf("error %v, want record 7 at line 7 cut short", s.err)
	}
	if len(s.msgs) != 5 || s.msgs[4].Text != cutTexts[4] || s.msgs[4].Line != 6 {
		t.Errorf("%d messages before the error, want the 5 before the cut line", len(s.msgs))
	}
}
