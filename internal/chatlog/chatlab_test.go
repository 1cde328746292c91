package chatlog

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chatlabMessageLineRE matches a JSONL message line, independently of the parser.
var chatlabMessageLineRE = regexp.MustCompile(`^\s*\{"_type"\s*:\s*"message"`)

func TestParseChatLabGolden(t *testing.T) {
	wxGolden(t, "chatlab", "*.json", FormatChatLab, ParseChatLab, func(t *testing.T, data []byte) int {
		var doc struct {
			Messages []json.RawMessage `json:"messages"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		return len(doc.Messages)
	})
	wxGolden(t, "chatlab", "*.jsonl", FormatChatLab, ParseChatLab, func(t *testing.T, data []byte) int {
		return wxCountLines(data, chatlabMessageLineRE)
	})
}

// TestChatLabFormsAgree checks that the JSON and JSONL fixtures, which hold
// the same chat, give the same messages but for Line.
func TestChatLabFormsAgree(t *testing.T) {
	parse := func(file string) *Log {
		t.Helper()
		files := wxFixtures(t, "chatlab", file)
		data := wxReadFile(t, files[0])
		return wxMustParse(t, ParseChatLab, string(data), "x")
	}
	a, b := parse("group.json"), parse("group-stream.jsonl")
	if len(a.Messages) != len(b.Messages) {
		t.Fatalf("%d and %d messages", len(a.Messages), len(b.Messages))
	}
	for i := range a.Messages {
		ma, mb := a.Messages[i], b.Messages[i]
		ma.Line, mb.Line = 0, 0
		ja, _ := json.Marshal(ma)
		jb, _ := json.Marshal(mb)
		if string(ja) != string(jb) {
			t.Errorf("message %d differs:\n%s\n%s", i, ja, jb)
		}
	}
	if a.Title != b.Title || a.Date != b.Date {
		t.Errorf("Title, Date: %q %q vs %q %q", a.Title, a.Date, b.Title, b.Date)
	}
}

func TestParseChatLab(t *testing.T) {
	const path = "x/chatlab.json"
	tests := []struct {
		name      string
		in        string
		want      []Message
		wantTimes []string
		wantTitle string
	}{
		{
			name: "members after messages, millisecond timestamps",
			in: `{"meta":{"name":"支付群","platform":"wechat","type":"group"},"messages":[
				{"sender":"a","accountName":"张三","timestamp":1741222805000,"type":0,"content":"@李四-网联 在吗"},
				{"sender":"b","accountName":"李四","groupNickname":"李四-网联","timestamp":1741222806,"type":25,"content":"在","replyToMessageId":"m1"},
				{"sender":"c","accountName":"","timestamp":1741222807,"type":99,"content":"?"},
				{"sender":"d","accountName":"","timestamp":1741222808,"type":0,"content":"x"}
			],"members":[{"platformId":"a","accountName":"zs","groupNickname":"张三-某支付"},{"platformId":"c","accountName":"王五"}],"chatlab":{"version":"0.0.2"}}`,
			want: []Message{
				{Line: 2, Sender: "张三-某支付", SenderID: "a", Type: TypeText, Text: "@李四-网联 在吗", Mentions: []string{"李四-网联"}},
				{Line: 3, Sender: "李四-网联", SenderID: "b", Type: TypeText, Text: "在", ReplyToID: "m1"},
				{Line: 4, Sender: "王五", SenderID: "c", Type: TypeText, Text: "?"},
				{Line: 5, Sender: "d", SenderID: "d", Type: TypeText, Text: "x"},
			},
			wantTimes: []string{"2025-03-06T09:00:05+08:00", "2025-03-06T09:00:06+08:00"},
			wantTitle: "支付群",
		},
		{
			name: "jsonl with comments, blank lines, no header, a bom",
			in: "\ufeff{\"_type\":\"member\",\"platformId\":\"a\",\"accountName\":\"张三\"}\n\n# note\n" +
				`{"_type":"message","sender":"a","timestamp":1741222805,"type":22,"content":"张三拍了拍李四"}` + "\n" +
				`{"_type":"message","sender":"a","timestamp":1741222806,"type":26,"content":"群聊的聊天记录\n张三: 你好"}`,
			want: []Message{
				{Line: 4, Sender: "张三", SenderID: "a", Type: TypeSystem, Text: "张三拍了拍李四"},
				{Line: 5, Sender: "张三", SenderID: "a", Type: TypeLink, Text: "群聊的聊天记录", LinkTitle: "群聊的聊天记录"},
			},
		},
		{
			name: "jsonl whose first key is not _type",
			in: `{"chatlab":{"version":"0.0.2"},"meta":{"name":"g"},"_type":"header"}` + "\n" +
				`{"sender":"a","accountName":"张三","timestamp":1741222805,"type":1,"content":"[图片]","_type":"message"}` + "\n",
			want:      []Message{{Line: 2, Sender: "张三", SenderID: "a", Type: TypeImage, Text: ""}},
			wantTitle: "g",
		},
		{
			name: "media paths, empty voice, share markdown link, recall",
			in: `{"messages":[
				{"sender":"a","accountName":"A","timestamp":1,"type":1,"content":"images/a.jpg"},
				{"sender":"a","accountName":"A","timestamp":2,"type":2,"content":""},
				{"sender":"a","accountName":"A","timestamp":3,"type":24,"content":"[音乐|晴天](https://y.qq.com/x)"},
				{"sender":"a","accountName":"A","timestamp":4,"type":81,"content":"A撤回了一条消息"}
			]}`,
			want: []Message{
				{Line: 2, Sender: "A", SenderID: "a", Type: TypeImage, Text: "", URL: "images/a.jpg"},
				{Line: 3, Sender: "A", SenderID: "a", Type: TypeText, Text: "[语音]"},
				{Line: 4, Sender: "A", SenderID: "a", Type: TypeLink, Text: "音乐|晴天", LinkTitle: "音乐|晴天", URL: "https://y.qq.com/x"},
				{Line: 5, Sender: "A", SenderID: "a", Type: TypeSystem, Text: "A撤回了一条消息"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := wxMustParse(t, ParseChatLab, tt.in, path)
			wxCompare(t, log.Messages, tt.want)
			for i, w := range tt.wantTimes {
				if got := log.Messages[i].Time.Format(time.RFC3339); got != w {
					t.Errorf("message %d time %s, want %s", i, got, w)
				}
			}
			if log.Title != tt.wantTitle {
				t.Errorf("Title = %q, want %q", log.Title, tt.wantTitle)
			}
		})
	}
}

// chatlabPretty is a ChatLab JSON export laid out one field a line: meta's
// name is on line 4, the one member's accountName on line 9, and the one
// message starts on line 13, its timestamp on line 15 and its type on line
// 16.
const chatlabPretty = `{
  "chatlab": {"version": "0.0.2"},
  "meta": {
    "name": %s
  },
  "members": [
    {
      "platformId": "a",
      "accountName": %s
    }
  ],
  "messages": [
    {
      "sender": "a",
      "timestamp": %s,
      "type": %s,
      "content": "x"
    }
  ]
}`

func TestParseChatLabErrors(t *testing.T) {
	const path = "x/chatlab.jsonl"
	msg := `{"_type":"message","sender":"a","timestamp":1741222805,"type":0,"content":"x"}`
	tests := []struct {
		name  string
		in    string
		line  int
		parts []string
	}{
		{"empty", "", 1, []string{"empty input"}},
		{"json without messages", `{"chatlab":{},"meta":{}}`, 1, []string{`expected a "messages" array`}},
		{"json cut short", "{\"chatlab\":{},\n\"messages\":[\n" + `{"sender":"a","timestamp":1,"type":0,"content":"x"},` + "\n" + `{"sender":"b","timest`, 4, []string{"the file is cut short: it ends inside the messages array, after record 1; export the chat again"}},
		{"json bad timestamp", `{"messages":[{"sender":"a","timestamp":-99999999999999999,"type":0}]}`, 1, []string{"record 1", "timestamp", "out of range"}},
		{"jsonl malformed line", `{"_type":"header","meta":{}}` + "\n" + msg + "\n{oops}\n" + msg + "\n", 3, []string{"record 3", "malformed JSON line"}},
		{"jsonl cut short", `{"_type":"header","meta":{}}` + "\n" + msg + "\n" + `{"_type":"message","sender":"a","times`, 3, []string{"record 3", "cut short"}},
		{"jsonl unknown type", `{"_type":"header","meta":{}}` + "\n" + `{"_type":"reaction"}` + "\n", 2, []string{"record 2", `unknown _type "reaction"`}},
		{"jsonl missing type", `{"_type":"header","meta":{}}` + "\n" + `{"sender":"a"}` + "\n", 2, []string{"record 2", "unknown _type"}},
		{"jsonl only comments", `{"_type":"header"` + "\n", 1, []string{"record 1"}},
		{"json bad timestamp in a laid out record", fmt.Sprintf(chatlabPretty, `"g"`, `"A"`, "-99999999999999999", "0"), 15, []string{"record 1", "timestamp", "out of range"}},
		{"json wrong type in a laid out record", fmt.Sprintf(chatlabPretty, `"g"`, `"A"`, "1741222805", `"text"`), 16, []string{"record 1", "expected an integer"}},
		{"json wrong type in a laid out member", fmt.Sprintf(chatlabPretty, `"g"`, "{}", "1741222805", "0"), 9, []string{"member 1", "expected a string"}},
		{"json wrong type in a laid out meta", fmt.Sprintf(chatlabPretty, "[1]", `"A"`, "1741222805", "0"), 4, []string{"meta", "expected a string"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wxWantError(t, ParseChatLab, tt.in, path, tt.line, tt.parts...)
		})
	}
}

// countChatLabJSONL counts message lines of a JSONL input that parses; -1
// for JSON input.
func countChatLabJSONL(data []byte) int {
	if !chatlabIsJSONL(data) {
		return -1
	}
	n := 0
	for _, l := range strings.Split(string(data), "\n") {
		var probe struct {
			Kind string `json:"_type"`
		}
		if json.Unmarshal([]byte(strings.TrimSpace(strings.TrimPrefix(l, "\ufeff"))), &probe) == nil && probe.Kind == "message" {
			n++
		}
	}
	return n
}

func FuzzParseChatLab(f *testing.F) {
	wxSeed(f, "chatlab", "*.json")
	wxSeed(f, "chatlab", "*.jsonl")
	f.Add([]byte(`{"_type":"header","meta":{"name":"g"}}` + "\n" + `{"_type":"message","timestamp":"1e3","type":7,"content":"[a](b)"}`))
	wxFuzz(f, ParseChatLab, "fuzz/chatlab.json", countChatLabJSONL)
}
