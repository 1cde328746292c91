package chatlog

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// The helpers in this file are shared by the tests of the WeChat export
// parsers (chatlog, WeFlow, ChatLab, MemoTrace).

// wxParseFunc is the signature of every parser.
type wxParseFunc func(io.Reader, string) (*Log, error)

// wxFixtureRoot is the folder of the synthetic fixtures, relative to this package.
const wxFixtureRoot = "../../testdata/chatlog"

// wxFixtures returns the fixtures of a format folder matching pattern,
// without golden files; it fails the test when there are none.
func wxFixtures(t testing.TB, dir, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(wxFixtureRoot, dir, pattern))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".golden.json") {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no fixtures %s in %s", pattern, filepath.Join(wxFixtureRoot, dir))
	}
	return out
}

// wxGolden parses every fixture of a format folder, checks the conservation
// invariant against count (an independent count of the fixture's records),
// the Index and Line invariants, and compares json.MarshalIndent of the Log
// with <fixture>.golden.json byte for byte (rewritten with -update).
func wxGolden(t *testing.T, dir, pattern, format string, parse wxParseFunc, count func(t *testing.T, data []byte) int) {
	for _, file := range wxFixtures(t, dir, pattern) {
		base := filepath.Base(file)
		t.Run(base, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			// A repository-relative path keeps the golden output
			// independent of where the test runs.
			path := "testdata/chatlog/" + dir + "/" + base
			log, err := parse(bytes.NewReader(data), path)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if log.Format != format || log.Path != path {
				t.Errorf("Format, Path = %q, %q; want %q, %q", log.Format, log.Path, format, path)
			}
			if got, want := len(log.Messages), count(t, data); got != want {
				t.Errorf("got %d messages, want %d (one per record)", got, want)
			}
			wxCheckInvariants(t, log)
			got, err := json.MarshalIndent(log, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join(filepath.Dir(file), strings.TrimSuffix(base, filepath.Ext(base))+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/chatlog -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run go test ./internal/chatlog -update and review the diff)\ngot:\n%s", golden, got)
			}
		})
	}
}

// wxCheckInvariants checks Messages[i].Index == i and Line >= 1.
func wxCheckInvariants(t testing.TB, log *Log) {
	t.Helper()
	if log.Messages == nil {
		t.Fatalf("Messages is nil, want an empty slice")
	}
	for i, m := range log.Messages {
		if m.Index != i || m.Line < 1 {
			t.Fatalf("message %d: Index %d, Line %d", i, m.Index, m.Line)
		}
		if m.Type == "" {
			t.Fatalf("message %d has no type", i)
		}
	}
}

// wxWantError parses in and checks that it fails with a *ParseError at line
// (when line > 0) whose message contains each of the wanted parts.
func wxWantError(t *testing.T, parse wxParseFunc, in, path string, line int, parts ...string) {
	t.Helper()
	log, err := parse(strings.NewReader(in), path)
	if err == nil {
		t.Fatalf("no error, got %d messages", len(log.Messages))
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	if line > 0 && pe.Line != line {
		t.Errorf("error %q at line %d, want line %d", err, pe.Line, line)
	}
	if pe.Path != path {
		t.Errorf("error path %q, want %q", pe.Path, path)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not contain %q", err, p)
		}
	}
}

// wxMustParse parses in and fails the test on an error.
func wxMustParse(t *testing.T, parse wxParseFunc, in, path string) *Log {
	t.Helper()
	log, err := parse(strings.NewReader(in), path)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	wxCheckInvariants(t, log)
	return log
}

// wxFuzz runs the shared fuzz assertions: no panic, errors are *ParseError,
// and a parsed log keeps the invariants; count, when not nil, is an
// independent record count that must match (it returns -1 when it cannot
// tell).
func wxFuzz(f *testing.F, parse wxParseFunc, path string, count func([]byte) int) {
	f.Fuzz(func(t *testing.T, data []byte) {
		log, err := parse(bytes.NewReader(data), path)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *ParseError", err, err)
			}
			if pe.Path != path {
				t.Fatalf("error path %q", pe.Path)
			}
			return
		}
		wxCheckInvariants(t, log)
		if count != nil {
			if want := count(data); want >= 0 && len(log.Messages) != want {
				t.Fatalf("got %d messages, want %d records", len(log.Messages), want)
			}
		}
		if _, err := json.Marshal(log); err != nil {
			t.Fatalf("log does not marshal: %v", err)
		}
	})
}

// wxSeed adds the fixtures of a format folder to a fuzz corpus.
func wxSeed(f *testing.F, dir, pattern string) {
	for _, file := range wxFixtures(f, dir, pattern) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// wxCountLines counts the lines of data matching re.
func wxCountLines(data []byte, re *regexp.Regexp) int {
	n := 0
	for _, l := range strings.Split(string(data), "\n") {
		if re.MatchString(strings.TrimSuffix(l, "\r")) {
			n++
		}
	}
	return n
}

// wxCountCSV counts the records after the header of a CSV, as encoding/csv
// reads them with the parsers' settings; -1 when the CSV does not read.
func wxCountCSV(data []byte) int {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil || len(recs) == 0 {
		return -1
	}
	return len(recs) - 1
}

// ---------------------------------------------------------------------------
// Sniffers.

// wxSniffers are the sniffers of the WeChat export formats, by format folder.
var wxSniffers = map[string]func([]byte) bool{
	"chatlog-json":  looksChatlogJSON,
	"chatlog-csv":   looksChatlogCSV,
	"chatlog-text":  looksChatlogText,
	"weflow":        looksWeFlow,
	"chatlab":       looksChatLab,
	"memotrace-csv": looksMemoTraceCSV,
	"memotrace-txt": looksMemoTraceTXT,
}

func TestWeChatSniffers(t *testing.T) {
	dirs, err := os.ReadDir(wxFixtureRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(wxFixtureRoot, d.Name(), "*"))
		for _, file := range files {
			if strings.HasSuffix(file, ".golden.json") {
				continue
			}
			if st, err := os.Stat(file); err != nil || st.IsDir() {
				continue
			}
			t.Run(d.Name()+"/"+filepath.Base(file), func(t *testing.T) {
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				if len(data) > 8*1024 {
					data = data[:8*1024]
				}
				for name, sniff := range wxSniffers {
					want := name == d.Name()
					if got := sniff(data); got != want {
						t.Errorf("looks %s = %v, want %v", name, got, want)
					}
				}
			})
		}
	}
}

func TestWeChatSniffersEdges(t *testing.T) {
	tests := []struct {
		name, in, want string // want: the matching format folder, "" for none
	}{
		{"bom chatlog csv", "\ufeffTime,SenderName,Sender,TalkerName,Talker,Content\n", "chatlog-csv"},
		{"chatlog csv with id", "MessageID,Time,SenderName,Sender,TalkerName,Talker,Content\r\n", "chatlog-csv"},
		{"chatlog export csv", "Time,Talker,TalkerName,Sender,SenderName,IsSelf,Type,TypeDesc,Content\n", "chatlog-csv"},
		{"compact chatlog json", `[{"seq":1,"time":"2025-03-06T09:00:05+08:00"}]`, "chatlog-json"},
		{"chatlog items", `{"total":1,"items":[{"seq":1,"talker":"x","senderName":"y"}]}`, "chatlog-json"},
		{"chatlog text system first", "系统消息 09:00:05\nhello\n", "chatlog-text"},
		{"chatlog text plain-text notice first", " 09:00:05\n\"陆小川\"邀请\"李雷\"加入了群聊\n\n钱多多(wxid_q) 09:01:15\n早\n", "chatlog-text"},
		{"chatlog text plain-text notice first after a bom and blank lines", "\ufeff\r\n\n [群(1@chatroom)] 2025-03-06 09:00:05\nx\n", "chatlog-text"},
		{"a time alone without the indent", "09:00:05\nhello\n", ""},
		{"a date and time alone without the indent is no chatlog header", "2025-03-06 09:00:05\nhello\n", "memotrace-txt"},
		{"chatlog text dated", "张三(wxid_a) [群(1@chatroom)] 2025-03-06 09:00:05\nhi\n", "chatlog-text"},
		{"chatlog text bare id first", "wxid_abc123 09:00:00\n早上好\n\n张三(wxid_a) 09:01:00\n早\n", "chatlog-text"},
		{"chatlog text bare 我 first", "我 03-06 09:00:00\n早\n", "chatlog-text"},
		{"chatlog text bare id and talker id", "wxid_abc123 [1@chatroom] 2025-03-06 09:00:00\n早\n", "chatlog-text"},
		{"word and time", "时间 2025-03-07 15:00:00\n", ""},
		{"name and note", "地点(三楼) 10:00:00\n", ""},
		{"sentence ending with a time", "see you at 15:00:00\n", ""},
		{"weflow session first", `{"session":{"accountId":"x"},"messages":[{"localId":1,"senderUsername":"a"}]}`, "weflow"},
		{"chatlab jsonl", `{"_type":"header","chatlab":{"version":"0.0.2"}}` + "\n", "chatlab"},
		{"chatlab meta first", `{"meta":{"name":"g"},"chatlab":{"version":"0.0.2"},"messages":[]}`, "chatlab"},
		{"memotrace txt", "2025-03-06 09:00:05 张三\n你好\n", "memotrace-txt"},
		{"memotrace csv", "\ufefflocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n", "memotrace-csv"},
		{"cocolian front matter", "---\ntitle: x\n---\n> 09:00:05  张三  \n", ""},
		{"cocolian header", "> 09:00:05  张三  \n你好\n", ""},
		{"empty", "", ""},
		{"empty array", "[]", ""},
		{"plain text", "hello world\n", ""},
		{"other json", `{"name":"x","messages":[{"from":"a"}]}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, sniff := range wxSniffers {
				if got, want := sniff([]byte(tt.in)), name == tt.want; got != want {
					t.Errorf("looks %s = %v, want %v", name, got, want)
				}
			}
		})
	}
}

// ---------------------------------------------------------------------------
// chatlog JSON.

func TestParseChatlogJSONGolden(t *testing.T) {
	wxGolden(t, "chatlog-json", "*.json", FormatChatlogJSON, ParseChatlogJSON, func(t *testing.T, data []byte) int {
		var recs []json.RawMessage
		if err := json.Unmarshal(data, &recs); err != nil {
			t.Fatal(err)
		}
		return len(recs)
	})
}

func TestParseChatlogJSON(t *testing.T) {
	const path = "x/chatlog.json"
	rec := func(fields string) string {
		return `{"seq":1741222805001,"time":"2025-03-06T09:00:05+08:00","talker":"1@chatroom","talkerName":"群","sender":"wxid_a","senderName":"张三",` + fields + `}`
	}
	tests := []struct {
		name string
		in   string
		want []Message // compared on Type, Text, Sender, SenderID, ID, Line, URL, LinkTitle, ReplyToID, Quote
	}{
		{
			name: "compact array, every record on line 1",
			in:   "[" + rec(`"type":1,"subType":0,"content":"a"`) + "," + rec(`"type":1,"subType":0,"content":"b"`) + "]",
			want: []Message{
				{Line: 1, ID: "1741222805001", Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "a"},
				{Line: 1, ID: "1741222805001", Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "b"},
			},
		},
		{
			name: "items object of a fork",
			in:   `{"total":1,"limit":50,"offset":0,"items":[` + rec(`"type":1,"content":"hi"`) + `]}`,
			want: []Message{{Line: 1, ID: "1741222805001", Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "hi"}},
		},
		{
			name: "null is an empty log",
			in:   "null",
		},
		{
			name: "sender without name, system message, unknown type",
			in: `[{"seq":"7","time":"2025-03-06T09:00:05+08:00","sender":"wxid_b","senderName":"","type":1,"content":"x"},` +
				`{"seq":8,"time":"2025-03-06T09:00:06+08:00","sender":"系统消息","type":10000,"content":"张三撤回了一条消息"},` +
				`{"seq":9,"time":"2025-03-06T09:00:07+08:00","sender":"wxid_b","type":42,"content":""}]`,
			want: []Message{
				{Line: 1, ID: "7", Sender: "wxid_b", SenderID: "wxid_b", Type: TypeText, Text: "x"},
				{Line: 1, ID: "8", Sender: "系统消息", SenderID: "系统消息", Type: TypeSystem, Text: "张三撤回了一条消息"},
				{Line: 1, ID: "9", Sender: "wxid_b", SenderID: "wxid_b", Type: TypeText, Text: "[名片]"},
			},
		},
		{
			name: "quote of an image, refer with a seq",
			in:   "[" + rec(`"type":49,"subType":57,"content":"这张图哪来的","contents":{"refer":{"seq":42,"time":"2025-03-06T08:00:00+08:00","sender":"wxid_c","senderName":"","type":3,"subType":0,"content":"","contents":{"md5":"ab"}}}`) + "]",
			want: []Message{{Line: 1, ID: "1741222805001", Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "这张图哪来的",
				Quote: &Quote{Sender: "wxid_c", SenderID: "wxid_c", Text: "[图片]"}, ReplyToID: "42"}},
		},
		{
			name: "red packet cover, merged forward, mini program",
			in: "[" + rec(`"type":49,"subType":2003,"content":""`) + "," +
				rec(`"type":49,"subType":19,"content":"","contents":{"title":"群聊的聊天记录","desc":"张三: 你好"}`) + "," +
				rec(`"type":49,"subType":33,"content":"","contents":{"title":"腾讯文档","url":"https://docs.qq.com"}`) + "]",
			want: []Message{
				{Line: 1, ID: "1741222805001", Sender: "张三", SenderID: "wxid_a", Type: TypeRedPacket, Text: "微信红包"},
				{Line: 1, ID: "1741222805001", Sender: "张三", SenderID: "wxid_a", Type: TypeLink, Text: "群聊的聊天记录", LinkTitle: "群聊的聊天记录"},
				{Line: 1, ID: "1741222805001", Sender: "张三", SenderID: "wxid_a", Type: TypeLink, Text: "腾讯文档", LinkTitle: "腾讯文档", URL: "https://docs.qq.com"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := wxMustParse(t, ParseChatlogJSON, tt.in, path)
			wxCompare(t, log.Messages, tt.want)
		})
	}
}

// wxCompare compares messages on the fields the table tests set.
func wxCompare(t *testing.T, got, want []Message) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d messages, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Line != w.Line || g.ID != w.ID || g.Sender != w.Sender || g.SenderID != w.SenderID || g.Type != w.Type ||
			g.Text != w.Text || g.URL != w.URL || g.LinkTitle != w.LinkTitle || g.ReplyToID != w.ReplyToID {
			t.Errorf("message %d:\n got %+v\nwant %+v", i, g, w)
		}
		switch {
		case (g.Quote == nil) != (w.Quote == nil):
			t.Errorf("message %d: quote %+v, want %+v", i, g.Quote, w.Quote)
		case g.Quote != nil && *g.Quote != *w.Quote:
			t.Errorf("message %d: quote %+v, want %+v", i, *g.Quote, *w.Quote)
		}
		if w.Mentions != nil && strings.Join(g.Mentions, "|") != strings.Join(w.Mentions, "|") {
			t.Errorf("message %d: mentions %q, want %q", i, g.Mentions, w.Mentions)
		}
	}
}

// chatlogPretty is a chatlog JSON array of two records laid out one field a
// line: the second record starts on line 8, its time is on line 10, its type
// on line 11 and its contents on line 12.
const chatlogPretty = `[
  {
    "seq": 1,
    "time": "2025-03-06T09:00:05+08:00",
    "type": 1,
    "content": "a"
  },
  {
    "seq": 2,
    "time": %s,
    "type": %s,
    "contents": %s,
    "content": "b"
  }
]`

func TestParseChatlogJSONErrors(t *testing.T) {
	const path = "x/chatlog.json"
	okTime := `"2025-03-06T09:00:06+08:00"`
	ok := `{"seq":1,"time":"2025-03-06T09:00:05+08:00","type":1,"content":"a"}`
	tests := []struct {
		name  string
		in    string
		line  int
		parts []string
	}{
		{"empty", "", 1, []string{"empty input", "JSON array of chatlog messages"}},
		{"not json", "hello", 1, []string{"malformed JSON"}},
		{"a string", `"x"`, 1, []string{"expected a JSON array"}},
		{"object without items", `{"a":1}`, 1, []string{"not a chatlog JSON export"}},
		{"record not an object", "[\n" + ok + ",\n1]", 3, []string{"record 2", "expected a chatlog message object"}},
		{"bad time", "[\n" + ok + ",\n" + `{"seq":2,"time":"yesterday","type":1}` + "]", 3, []string{"record 2", `bad time "yesterday"`}},
		{"bad field type", `[{"seq":1,"time":"2025-03-06T09:00:05+08:00","type":"x"}]`, 1, []string{"record 1", "expected an integer"}},
		{"malformed later record", "[\n" + ok + ",\n" + `{"seq":2,}` + "\n]", 3, []string{"record 2", "malformed JSON"}},
		{"malformed inside a laid out record", "[\n" + ok + ",\n{\n \"seq\": 2,\n \"time\": 2025-03-06\n}\n]", 5, []string{"record 2", "malformed JSON"}},
		{"cut inside a record", "[\n" + ok + ",\n" + `{"seq":2,"time":"2025-03-06T09:00:06+08:00","con`, 3, []string{"record 2", "cut short"}},
		{"cut between records", "[\n" + ok + ",\n", 3, []string{"record 2", "cut short"}},
		{"cut before the bracket", "[\n" + ok + "\n", 3, []string{"after record 1", "cut short"}},
		{"trailing data", "[" + ok + "] x", 1, []string{"malformed JSON"}},
		{"second document", "[" + ok + "] []", 1, []string{"after the end of the document"}},
		{"bad time in a laid out record", fmt.Sprintf(chatlogPretty, `"yesterday"`, "1", "{}"), 10, []string{"record 2", `bad time "yesterday"`}},
		{"missing time in a laid out record", strings.Replace(fmt.Sprintf(chatlogPretty, "1", "1", "{}"), `"time": 1,`, `"talker": "g",`, 1), 8, []string{"record 2", "bad time"}},
		{"bad field type in a laid out record", fmt.Sprintf(chatlogPretty, okTime, `"x"`, "{}"), 11, []string{"record 2", "expected an integer"}},
		{"wrong JSON type in a laid out record", fmt.Sprintf(chatlogPretty, okTime, "1", `"x"`), 12, []string{"record 2", "expected a chatlog message object"}},
		{"laid out record not an object", "[\n  " + ok + ",\n  [\n    1\n  ]\n]", 3, []string{"record 2", "expected a chatlog message object"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wxWantError(t, ParseChatlogJSON, tt.in, path, tt.line, tt.parts...)
		})
	}
}

func FuzzParseChatlogJSON(f *testing.F) {
	wxSeed(f, "chatlog-json", "*.json")
	f.Add([]byte(`{"items":[{"seq":1,"time":"2025-03-06T09:00:05Z","type":49,"subType":57,"contents":{"refer":{"type":49,"subType":5}}}]}`))
	f.Add([]byte(`[{"time":"0001-01-01T00:00:00Z"},{"time":"9999-12-31T23:59:59+08:00","type":47,"contents":{"cdnurl":1}}]`))
	wxFuzz(f, ParseChatlogJSON, "fuzz/chatlog.json", func(data []byte) int {
		var recs []json.RawMessage
		if json.Unmarshal(data, &recs) != nil || recs == nil {
			return -1
		}
		return len(recs)
	})
}

// ---------------------------------------------------------------------------
// chatlog CSV.

var chatlogCSVRecordRE = regexp.MustCompile(`^(?:\x{feff})?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,`)

func TestParseChatlogCSVGolden(t *testing.T) {
	wxGolden(t, "chatlog-csv", "*.csv", FormatChatlogCSV, ParseChatlogCSV, func(t *testing.T, data []byte) int {
		return wxCountLines(data, chatlogCSVRecordRE)
	})
}

func TestParseChatlogCSV(t *testing.T) {
	const path = "x/talker_2025-03-06_2025-03-07.csv"
	const header = "Time,SenderName,Sender,TalkerName,Talker,Content\n"
	tests := []struct {
		name string
		in   string
		want []Message
	}{
		{
			name: "message id column, quote without refer, unknown type",
			in: "MessageID,Time,SenderName,Sender,TalkerName,Talker,Content\n" +
				"17412228050001,2025-03-06 09:00:05,张三,wxid_a,群,1@chatroom,\"> [引用]\n好的\"\n" +
				"17412228050002,2025-03-06 09:00:06,,系统消息,群,1@chatroom,Type: 10002 Content: <sysmsg type=\"revokemsg\"/>\n",
			want: []Message{
				{Line: 2, ID: "17412228050001", Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "好的"},
				{Line: 4, ID: "17412228050002", Sender: "系统消息", SenderID: "系统消息", Type: TypeSystem, Text: `Type: 10002 Content: <sysmsg type="revokemsg"/>`},
			},
		},
		{
			name: "a plain-text notice has neither SenderName nor Sender and is a system message",
			in: header +
				"2025-03-06 09:00:05,,,支付群,1@chatroom,\"\"\"陆小川\"\"邀请\"\"李雷\"\"加入了群聊\"\n" +
				"2025-03-06 09:00:06,,wxid_a,支付群,1@chatroom,早\n",
			want: []Message{
				{Line: 2, Type: TypeSystem, Text: `"陆小川"邀请"李雷"加入了群聊`},
				{Line: 3, Sender: "wxid_a", SenderID: "wxid_a", Type: TypeText, Text: "早"},
			},
		},
		{
			name: "share, video, merged forward, a text that looks like a quote",
			in: header +
				"2025-03-06 09:00:05,张三,wxid_a,群,1@chatroom,[分享|标题|描述](https://example.com/a)\n" +
				"2025-03-06 09:00:06,张三,wxid_a,群,1@chatroom,![视频](http://h/video/ab)\n" +
				"2025-03-06 09:00:07,张三,wxid_a,群,1@chatroom,\"[合并转发|群聊的聊天记录]\n  李四 2025-03-05 10:00:00\n  你好\"\n" +
				"2025-03-06 09:00:08,张三,wxid_a,群,1@chatroom,> 这不是引用\n",
			want: []Message{
				{Line: 2, Sender: "张三", SenderID: "wxid_a", Type: TypeLink, Text: "标题", LinkTitle: "标题", URL: "https://example.com/a"},
				{Line: 3, Sender: "张三", SenderID: "wxid_a", Type: TypeImage, Text: "[视频]", URL: "http://h/video/ab"},
				{Line: 4, Sender: "张三", SenderID: "wxid_a", Type: TypeLink, Text: "群聊的聊天记录", LinkTitle: "群聊的聊天记录"},
				{Line: 7, Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "> 这不是引用"},
			},
		},
		{
			name: "the export command's layout",
			in: "Time,Talker,TalkerName,Sender,SenderName,IsSelf,Type,TypeDesc,Content\n" +
				"2025-03-06 09:00:05,1@chatroom,支付群,wxid_a,张三,false,1,文本消息,@李四\u2005在吗\n" +
				"2025-03-06 09:00:06,1@chatroom,支付群,wxid_b,李四,true,49,引用消息,在\n" +
				"2025-03-06 09:00:07,1@chatroom,支付群,wxid_b,李四,true,49,应用消息(2001),\n" +
				"2025-03-06 09:00:08,1@chatroom,支付群,wxid_b,李四,true,3,图片消息,\n" +
				"2025-03-06 09:00:09,1@chatroom,支付群,系统消息,,false,10000,系统消息,李四修改群名为“支付群”\n",
			want: []Message{
				{Line: 2, Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "@李四\u2005在吗", Mentions: []string{"李四"}},
				{Line: 3, Sender: "李四", SenderID: "wxid_b", Type: TypeText, Text: "在"},
				{Line: 4, Sender: "李四", SenderID: "wxid_b", Type: TypeRedPacket, Text: "微信红包"},
				{Line: 5, Sender: "李四", SenderID: "wxid_b", Type: TypeImage, Text: ""},
				{Line: 6, Sender: "系统消息", SenderID: "系统消息", Type: TypeSystem, Text: "李四修改群名为“支付群”"},
			},
		},
		{
			name: "quoted multi-line messages with commas, times and quotes inside are no runaway quotes",
			in: header +
				"2025-03-06 09:00:05,张三,wxid_a,群,1@chatroom,\"会议改到\n2025-03-07 14:00:00, 三楼\n地点,时间,人,事,备注\n他说\"\"好\"\"\"\n" +
				"2025-03-06 09:00:06,李四,wxid_b,群,1@chatroom,\"收到\n2025-03-07 14:00:00\"\n" +
				// A row of a settlement file pasted in: another chat's column.
				"2025-03-06 09:00:07,王五,wxid_c,群,1@chatroom,\"对账文件是这样的\n2025-03-05 23:59:59,T0001,100.00,CNY,SUCCESS,ok\"\n",
			want: []Message{
				{Line: 2, Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "会议改到\n2025-03-07 14:00:00, 三楼\n地点,时间,人,事,备注\n他说\"好\""},
				{Line: 6, Sender: "李四", SenderID: "wxid_b", Type: TypeText, Text: "收到\n2025-03-07 14:00:00"},
				{Line: 8, Sender: "王五", SenderID: "wxid_c", Type: TypeText, Text: "对账文件是这样的\n2025-03-05 23:59:59,T0001,100.00,CNY,SUCCESS,ok"},
			},
		},
		{
			name: "short and unquoted cut-short last records are kept",
			in:   header + "2025-03-06 09:00:05,张三,wxid_a\n2025-03-06 09:00:06,张三,wxid_a,群,1@chatroom,没写完",
			want: []Message{
				{Line: 2, Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: ""},
				{Line: 3, Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "没写完"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := wxMustParse(t, ParseChatlogCSV, tt.in, path)
			wxCompare(t, log.Messages, tt.want)
		})
	}
}

func TestParseChatlogCSVErrors(t *testing.T) {
	const path = "x/a.csv"
	tests := []struct {
		name  string
		in    string
		line  int
		parts []string
	}{
		{"empty", "", 1, []string{"empty input", `expected header "Time,SenderName,Sender,TalkerName,Talker,Content"`}},
		{"wrong header", "Time,Sender,Content\n", 1, []string{"expected header", `got "Time,Sender,Content"`}},
		// The other headers were quoted as one string, their quotes
		// escaped (found by a user review).
		{"wrong header names each header read", "{\n", 1, []string{`expected header "Time,SenderName,Sender,TalkerName,Talker,Content" (or "MessageID,Time,SenderName,Sender,TalkerName,Talker,Content" or "Time,Talker,TalkerName,Sender,SenderName,IsSelf,Type,TypeDesc,Content"), got "{"`}},
		// A last record cut inside its quotes (found by a user review):
		// its text was kept as if whole.
		{"cut inside Content's quotes", "Time,SenderName,Sender,TalkerName,Talker,Content\n2025-03-06 09:00:05,a,b,c,d,e\n2025-03-06 09:00:06,张三,wxid_a,群,1@chatroom,\"没写完", 3,
			[]string{"the file is cut short: it ends inside the Content field's quotes; export it again"}},
		{"cut inside Content's quotes after a line end", "Time,SenderName,Sender,TalkerName,Talker,Content\n2025-03-06 09:00:05,a,b,c,d,e\n2025-03-06 09:00:06,张三,wxid_a,群,1@chatroom,\"第一行\n\n", 3,
			[]string{"cut short", "Content field's quotes"}},
		{"cut inside a doubled quote's text", "Time,SenderName,Sender,TalkerName,Talker,Content\n2025-03-06 09:00:06,张三,wxid_a,群,1@chatroom,\"他说\"\"好", 2,
			[]string{"cut short", "Content field's quotes"}},
		{"cut inside SenderName's quotes", "MessageID,Time,SenderName,Sender,TalkerName,Talker,Content\n1,2025-03-06 09:00:06,\"张", 2,
			[]string{"cut short", "SenderName field's quotes"}},
		{"bad time", "Time,SenderName,Sender,TalkerName,Talker,Content\n2025-03-06 09:00:05,a,b,c,d,e\n\"x\ny\",a,b,c,d,e\n", 3, []string{`bad Time "x\ny"`}},
		{"impossible time", "Time,SenderName,Sender,TalkerName,Talker,Content\n2025-02-30 09:00:05,a,b,c,d,e\n", 2, []string{"bad Time"}},
		// Runaway quotes (found by a user review): a field whose closing
		// quote is missing took every row after it into one message.
		{"runaway quote to the end of the file", "Time,SenderName,Sender,TalkerName,Talker,Content\n" +
			"2025-03-06 09:00:05,a,wxid_a,群,1@chatroom,早\n" +
			"2025-03-06 09:00:06,a,wxid_a,群,1@chatroom,\"问一下\n分账怎么开\n" +
			"2025-03-07 10:00:00,b,wxid_b,群,1@chatroom,商户平台申请\n" +
			"2025-03-08 10:00:00,c,wxid_c,群,1@chatroom,谢谢\n",
			3, []string{"the quote that opens Content here never closes", `into line 5, "2025-03-07 10:00:00,b,`, `add the closing quote (")`}},
		{"runaway quote closed by a later quoted field", "Time,SenderName,Sender,TalkerName,Talker,Content\n" +
			"2025-03-06 09:00:05,a,wxid_a,群,1@chatroom,\"问一下\n" +
			"2025-03-07 10:00:00,b,wxid_b,群,1@chatroom,\"第一行\n第二行\"\n" +
			"2025-03-08 10:00:00,c,wxid_c,群,1@chatroom,谢谢\n",
			2, []string{"opens Content here", "into line 3"}},
		{"runaway quote into another chat's rows", "Time,SenderName,Sender,TalkerName,Talker,Content\n" +
			"2025-03-06 09:00:05,a,wxid_a,群A,1@chatroom,\"收到\n三楼\n" +
			"2025-03-06 10:00:00,b,wxid_b,群B,2@chatroom,请问对账文件几点出？\n" +
			"2025-03-06 10:01:00,c,wxid_c,群B,2@chatroom,\"九点\"\n",
			2, []string{"opens Content here", "into line 4"}},
		{"runaway quote in another column", "Time,SenderName,Sender,TalkerName,Talker,Content\n" +
			"2025-03-06 09:00:05,\"a,wxid_a,群,1@chatroom,早\n" +
			"2025-03-07 10:00:00,b,wxid_b,群,1@chatroom,\"好\"\n",
			2, []string{"opens SenderName here", "into line 3", "where SenderName ends"}},
		{"runaway quote in a MessageID file", "MessageID,Time,SenderName,Sender,TalkerName,Talker,Content\n" +
			"1,2025-03-06 09:00:05,a,wxid_a,群,1@chatroom,\"问\n" +
			"2,2025-03-07 10:00:00,b,wxid_b,群,1@chatroom,答\n",
			2, []string{"opens Content here", "into line 3"}},
		{"runaway quote in the export layout", "Time,Talker,TalkerName,Sender,SenderName,IsSelf,Type,TypeDesc,Content\n" +
			"2025-03-06 09:00:05,1@chatroom,群,wxid_a,a,false,1,文本消息,\"问\n" +
			"2025-03-07T10:00:00+08:00,1@chatroom,群,wxid_b,b,false,1,文本消息,答\n",
			2, []string{"opens Content here", "into line 3"}},
		{"export bad type", "Time,Talker,TalkerName,Sender,SenderName,IsSelf,Type,TypeDesc,Content\n2025-03-06 09:00:05,t,n,s,sn,false,text,文本消息,x\n", 2, []string{`bad Type "text"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wxWantError(t, ParseChatlogCSV, tt.in, path, tt.line, tt.parts...)
		})
	}
}

// recordLastLine returns the index in lines, a file's lines, of the last
// line of the record of msgs[k] that is not blank: the line before the
// next record's, or the file's last.
func recordLastLine(lines []string, msgs []Message, k int) int {
	end := len(lines) - 1
	if k+1 < len(msgs) {
		end = msgs[k+1].Line - 2
	}
	for end > 0 && strings.TrimSpace(lines[end]) == "" {
		end--
	}
	return end
}

// runawayFixture is how TestCSVRunawayFixtures drops the quote that closes
// a record's free-text field in the fixtures of one CSV format.
type runawayFixture struct {
	format  string
	files   []string
	parse   wxParseFunc
	unquote func(last string) (string, bool) // the record's last line without that quote; false when it has none
	field   string                           // the field the error names
	min     int                              // the records of each file that must have the quote
}

// TestCSVRunawayFixtures drops, in turn, the quote that closes the free
// text of each record of the CSV fixtures (chatlog's Content, MemoTrace's
// StrContent): the field then takes in the rows after it, which must be
// reported at the record's line once the messages before it are emitted. A
// record with no row after it is a file cut short, reported at its line
// too.
func TestCSVRunawayFixtures(t *testing.T) {
	for _, fx := range []runawayFixture{
		{FormatChatlogCSV, wxFixtures(t, "chatlog-csv", "*.csv"), ParseChatlogCSV, func(last string) (string, bool) {
			cut, ok := strings.CutSuffix(last, `"`)
			return cut, ok
		}, "Content", 1},
		{FormatMemoTraceCSV, wxFixtures(t, "memotrace-csv", "*.csv"), ParseMemoTraceCSV, func(last string) (string, bool) {
			// StrContent's closing quote is the last quote of the
			// record, four fields before its end.
			q := strings.LastIndex(last, `"`)
			if q < 0 || strings.Count(last[q:], ",") != len(memoTraceCSVHeader)-1-mtStrContent {
				return "", false
			}
			return last[:q] + last[q+1:], true
		}, "StrContent", 2},
	} {
		for _, file := range fx.files {
			checkRunawayFixture(t, fx, file)
		}
	}
}

// checkRunawayFixture runs TestCSVRunawayFixtures on one file.
func checkRunawayFixture(t *testing.T, fx runawayFixture, file string) {
	t.Helper()
	data := string(wxReadFile(t, file))
	want := wxMustParse(t, fx.parse, data, file)
	lines := strings.Split(data, "\n")
	tried := 0
	for k, m := range want.Messages {
		end := recordLastLine(lines, want.Messages, k)
		cut, ok := fx.unquote(strings.TrimSuffix(lines[end], "\r"))
		if !ok {
			continue
		}
		tried++
		bad := slices.Clone(lines)
		bad[end] = cut
		var got []Message
		_, err := Scan(strings.NewReader(strings.Join(bad, "\n")), file, fx.format, func(_ *Log, m Message) error {
			got = append(got, m)
			return nil
		})
		msg := "opens " + fx.field + " here never closes"
		if k == len(want.Messages)-1 {
			msg = "cut short: it ends inside the " + fx.field + " field's quotes"
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != m.Line || !strings.Contains(pe.Msg, msg) {
			t.Errorf("%s: closing quote of line %d dropped: error %v, want a runaway quote at line %d", filepath.Base(file), end+1, err, m.Line)
		}
		if len(got) != k {
			t.Errorf("%s: closing quote of line %d dropped: %d messages before the error, want %d", filepath.Base(file), end+1, len(got), k)
		}
	}
	if tried < fx.min {
		t.Errorf("%s: %d records with a closing quote to drop, want %d at least", file, tried, fx.min)
	}
}

func FuzzParseChatlogCSV(f *testing.F) {
	wxSeed(f, "chatlog-csv", "*.csv")
	f.Add([]byte("MessageID,Time,SenderName,Sender,TalkerName,Talker,Content\n1,2025-03-06T09:00:05Z,a,b,c,d,\"> x(y) 03-06 09:00:00\n> q\nr\"\n"))
	wxFuzz(f, ParseChatlogCSV, "fuzz/chatlog.csv", wxCountCSV)
}

// ---------------------------------------------------------------------------
// chatlog text.

// chatlogTextHeaderRE matches the fixture's header lines, independently of
// the parser's pattern.
var chatlogTextHeaderRE = regexp.MustCompile(`^(?:\S.*\(\S+\)|系统消息|) \d\d:\d\d:\d\d$`)

func TestParseChatlogTextGolden(t *testing.T) {
	wxGolden(t, "chatlog-text", "*.txt", FormatChatlogText, ParseChatlogText, func(t *testing.T, data []byte) int {
		return wxCountLines(data, chatlogTextHeaderRE)
	})
}

func TestParseChatlogText(t *testing.T) {
	tests := []struct {
		name, path string
		in         string
		want       []Message
		wantTimes  []string
		wantDate   string
		wantTitle  string
	}{
		{
			name: "full dates and talkers, blank lines inside a body",
			path: "x/export.txt",
			in: "张三(wxid_a) [支付群(1@chatroom)] 2025-03-06 23:59:59\n第一段\n\n第二段\n\n" +
				"李四(wxid_b) [支付群(1@chatroom)] 2025-03-07 00:00:01\n@张三\u2005收到\n",
			want: []Message{
				{Line: 1, Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "第一段\n\n第二段"},
				{Line: 6, Sender: "李四", SenderID: "wxid_b", Type: TypeText, Text: "@张三\u2005收到", Mentions: []string{"张三"}},
			},
			wantTimes: []string{"2025-03-06T23:59:59+08:00", "2025-03-07T00:00:01+08:00"},
			wantTitle: "支付群",
		},
		{
			name: "month-day headers take the year from the file name",
			path: "x/1@chatroom_2024-02-28_2024-03-01.txt",
			in:   "张三(我) 02-29 23:00:00\n闰日\n\nwxid_b 03-01 00:10:00\n新月\n",
			want: []Message{
				{Line: 1, Sender: "张三", Type: TypeText, Text: "闰日"},
				{Line: 4, Sender: "wxid_b", SenderID: "wxid_b", Type: TypeText, Text: "新月"},
			},
			wantTimes: []string{"2024-02-29T23:00:00+08:00", "2024-03-01T00:10:00+08:00"},
		},
		{
			name: "clock-only headers without a date in the name",
			path: "-",
			in:   "\n\n张三(wxid_a) 09:00:00\n早\n\n系统消息 09:00:01\n\"李四\"加入了群聊\n",
			want: []Message{
				{Line: 3, Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "早"},
				{Line: 6, Sender: "系统消息", SenderID: "系统消息", Type: TypeSystem, Text: "\"李四\"加入了群聊"},
			},
			wantTimes: []string{"0001-01-01T09:00:00+08:00", "0001-01-01T09:00:01+08:00"},
		},
		{
			name: "a plain-text notice's header has no sender and is a system message",
			path: "x/group_2025-03-06.txt",
			in:   " 09:00:05\n\"陆小川\"邀请\"李雷\"加入了群聊\n\n钱多多(wxid_q) 09:01:15\n早\n",
			want: []Message{
				{Line: 1, Type: TypeSystem, Text: `"陆小川"邀请"李雷"加入了群聊`},
				{Line: 4, Sender: "钱多多", SenderID: "wxid_q", Type: TypeText, Text: "早"},
			},
			wantTimes: []string{"2025-03-06T09:00:05+08:00", "2025-03-06T09:01:15+08:00"},
			wantDate:  "2025-03-06",
		},
		{
			name: "a header-like line inside a body without a blank line before it",
			path: "x/2025-03-06.txt",
			in:   "张三(wxid_a) 09:00:00\n明天 10:00:00\n开会",
			want: []Message{
				{Line: 1, Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "明天 10:00:00\n开会"},
			},
			wantTimes: []string{"2025-03-06T09:00:00+08:00"},
			wantDate:  "2025-03-06",
		},
		{
			name: "body lines after an inner blank line that only look like headers stay in the body",
			path: "x/chatlog_2025-03-06.txt",
			in: "张三(wxid_a) 10:00:00\n会议通知：\n\n时间 2025-03-07 15:00:00\n\n2025-03-08 09:00:00\n\n地点(三楼) 10:00:00\n\n" +
				"> 王五(wxid_c) 10:00:00\n\n李四(wxid_b) 10:01:00\n收到\n\n",
			want: []Message{
				{Line: 1, Sender: "张三", SenderID: "wxid_a", Type: TypeText,
					Text: "会议通知：\n\n时间 2025-03-07 15:00:00\n\n2025-03-08 09:00:00\n\n地点(三楼) 10:00:00\n\n> 王五(wxid_c) 10:00:00"},
				{Line: 12, Sender: "李四", SenderID: "wxid_b", Type: TypeText, Text: "收到"},
			},
			wantTimes: []string{"2025-03-06T10:00:00+08:00", "2025-03-06T10:01:00+08:00"},
			wantDate:  "2025-03-06",
		},
		{
			name: "headers with a spaced name, a bare WeCom id, a bare custom id and a bare 我",
			path: "x/2025-03-06.txt",
			in: "Ann Lee(wxid_al) 10:00:00\nhi\n\n1688850000000001@openim 10:00:05\nhello\n\n" +
				"bob_2024 10:00:10\nyo\n\n我 10:00:15\n好\n",
			want: []Message{
				{Line: 1, Sender: "Ann Lee", SenderID: "wxid_al", Type: TypeText, Text: "hi"},
				{Line: 4, Sender: "1688850000000001@openim", SenderID: "1688850000000001@openim", Type: TypeText, Text: "hello"},
				{Line: 7, Sender: "bob_2024", SenderID: "bob_2024", Type: TypeText, Text: "yo"},
				{Line: 10, Sender: "我", Type: TypeText, Text: "好"},
			},
			wantTimes: []string{"2025-03-06T10:00:00+08:00", "2025-03-06T10:00:05+08:00", "2025-03-06T10:00:10+08:00", "2025-03-06T10:00:15+08:00"},
			wantDate:  "2025-03-06",
		},
		{
			name: "a last message cut short after its header is kept",
			path: "x/2025-03-06.txt",
			in:   "张三(wxid_a) 09:00:00\n早\n\n李四(wxid_b) 09:00:05",
			want: []Message{
				{Line: 1, Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "早"},
				{Line: 4, Sender: "李四", SenderID: "wxid_b", Type: TypeText, Text: ""},
			},
			wantTimes: []string{"2025-03-06T09:00:00+08:00", "2025-03-06T09:00:05+08:00"},
			wantDate:  "2025-03-06",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := wxMustParse(t, ParseChatlogText, tt.in, tt.path)
			wxCompare(t, log.Messages, tt.want)
			for i, w := range tt.wantTimes {
				if got := log.Messages[i].Time.Format(time.RFC3339); got != w {
					t.Errorf("message %d time %s, want %s", i, got, w)
				}
			}
			if log.Date != tt.wantDate || log.Title != tt.wantTitle {
				t.Errorf("Date, Title = %q, %q; want %q, %q", log.Date, log.Title, tt.wantDate, tt.wantTitle)
			}
		})
	}
}

func TestParseChatlogTextErrors(t *testing.T) {
	const path = "x/a.txt"
	tests := []struct {
		name  string
		in    string
		line  int
		parts []string
	}{
		{"empty", "", 1, []string{"empty input"}},
		{"blank", "\n \n", 1, []string{"empty input"}},
		{"not a header", "\nhello\n", 2, []string{"not a chatlog text export"}},
		{"cocolian", "> 09:00:05  张三  \n你好\n", 1, []string{"not a chatlog text export"}},
		{"bad clock", "张三(wxid_a) 09:00:00\n早\n\n李四(wxid_b) 24:00:00\n晚\n", 4, []string{"bad message time 24:00:00"}},
		{"bad date", "张三(wxid_a) 02-30 09:00:00\n早\n", 1, []string{"bad message date 02-30"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wxWantError(t, ParseChatlogText, tt.in, path, tt.line, tt.parts...)
		})
	}
}

// chatlogTextCountRE matches a chatlog text header, independently of the
// parser's pattern: a sender that is empty, 系统消息, 我, an ASCII id with a
// letter, or "name(id)" with a name not opening with a quote mark "> ", an
// optional "[talker]" of the same id shapes, and a time.
var chatlogTextCountRE = func() *regexp.Regexp {
	id := `[\w.@-]*[A-Za-z][\w.@-]*`
	sender := `(?:系统消息|我|` + id + `|(?:[^>].*|>[^ ].*|>)\((?:` + id + `|我)\))?`
	talker := `(?:` + id + `|.+\(` + id + `\))`
	return regexp.MustCompile(`^` + sender + ` (?:\[` + talker + `\] )?(?:(?:\d{4}-)?\d\d-\d\d )?\d\d:\d\d:\d\d$`)
}()

// countChatlogTextHeaders counts header lines at the start or after a blank
// line, independently of the parser; -1 when the first non-blank line is not
// a header (the parser then fails).
func countChatlogTextHeaders(data []byte) int {
	return countBlockHeaders(data, chatlogTextCountRE)
}

// countBlockHeaders counts the lines matching re that start a block (the
// first line, or one after a blank line), independently of the parsers; -1
// when the first non-blank line is not such a header.
func countBlockHeaders(data []byte, re *regexp.Regexp) int {
	lines := strings.Split(string(data), "\n")
	n, prevBlank, started := 0, true, false
	for i, l := range lines {
		if i == len(lines)-1 && l == "" {
			break
		}
		l = strings.TrimSuffix(l, "\r")
		if i == 0 {
			l = strings.TrimPrefix(l, "\ufeff")
		}
		blank := strings.TrimSpace(l) == ""
		if prevBlank && !blank && re.MatchString(l) {
			n++
			started = true
		} else if !started && !blank {
			return -1
		}
		prevBlank = blank
	}
	return n
}

func FuzzParseChatlogText(f *testing.F) {
	wxSeed(f, "chatlog-text", "*.txt")
	f.Add([]byte("a(b) [c(d)] 2025-02-29 09:00:00\n> x(y) 03-06 09:00:00\n> q\nr\n\n系统消息 12-31 00:00:00\n"))
	f.Add([]byte("a(b) 09:00:00\nx\n\n时间 2025-03-07 15:00:00\n\n> c(d) 09:00:00\n\n地点(三楼) 09:00:00\n\nwxid_e 09:00:01\n"))
	wxFuzz(f, ParseChatlogText, "fuzz/2025-03-06.txt", countChatlogTextHeaders)
}

// TestWeChatLongLines checks that the line-based parsers read lines far
// longer than bufio.Scanner's 64 KB limit.
func TestWeChatLongLines(t *testing.T) {
	long := strings.Repeat("分账", 400*1024) // 2.4 MB
	tests := []struct {
		name  string
		parse wxParseFunc
		in    string
	}{
		{"chatlog text", ParseChatlogText, "张三(wxid_a) 2025-03-06 09:00:05\n" + long + "\n"},
		{"memotrace txt", ParseMemoTraceTXT, "2025-03-06 09:00:05 张三\n" + long + "\n"},
		{"chatlab jsonl", ParseChatLab, `{"_type":"message","sender":"a","timestamp":1741222805,"type":0,"content":"` + long + `"}` + "\n"},
		{"chatlog csv", ParseChatlogCSV, "Time,SenderName,Sender,TalkerName,Talker,Content\n2025-03-06 09:00:05,张三,wxid_a,群,1@chatroom," + long + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := wxMustParse(t, tt.parse, tt.in, "x/2025-03-06.txt")
			if len(log.Messages) != 1 || log.Messages[0].Text != long {
				t.Fatalf("got %d messages, text of %d bytes; want 1 of %d", len(log.Messages), len(log.Messages[0].Text), len(long))
			}
		})
	}
}
