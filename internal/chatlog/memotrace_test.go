package chatlog

import (
	"os"
	"regexp"
	"testing"
	"time"
)

// wxReadFile reads a file or fails the test.
func wxReadFile(t testing.TB, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// memoTraceCSVRecordRE matches the first line of a fixture record: localId,
// TalkerId and Type.
var memoTraceCSVRecordRE = regexp.MustCompile(`^\d+,\d+,\d+,`)

func TestParseMemoTraceCSVGolden(t *testing.T) {
	wxGolden(t, "memotrace-csv", "*.csv", FormatMemoTraceCSV, ParseMemoTraceCSV, func(t *testing.T, data []byte) int {
		return wxCountLines(data, memoTraceCSVRecordRE)
	})
}

const memoTraceHeader = "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n"

func TestParseMemoTraceCSV(t *testing.T) {
	const path = "x/聊天记录/支付群/支付群_utf8.csv"
	tests := []struct {
		name      string
		in        string
		want      []Message
		wantTimes []string
	}{
		{
			name: "names, StrTime fallback, revoke and sysmsg notices, sticker, legacy red packet",
			in: memoTraceHeader +
				"1,5,1,0,0,1741222805,2,在吗,2025-03-06 09:00:05,,张三,wxid_a\n" +
				"2,5,1,0,1,,2,在,2025-03-06 09:00:06,,,wxid_me\n" +
				"3,5,10000,0,0,1741222807,2,\"<![CDATA[\"\"张三\"\" 撤回了一条消息 <a href=\"\"weixin://revoke_edit_click\"\">重新编辑</a>]]>\",2025-03-06 09:00:07,,,\n" +
				"4,5,10002,0,0,1741222808,2,\"<sysmsg type=\"\"revokemsg\"\"><revokemsg><replacemsg><![CDATA[\"\"李四\"\" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>\",2025-03-06 09:00:08,,,\n" +
				"5,5,47,0,0,1741222809,2,\"<msg><emoji cdnurl=\"\"http://e/x?a=1&amp;b=2\"\" /></msg>\",2025-03-06 09:00:09,李四-网联,ls,wxid_b\n" +
				"6,5,436207665,0,0,1741222810,2,,2025-03-06 09:00:10,李四-网联,ls,wxid_b\n",
			want: []Message{
				{Line: 2, ID: "1", Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "在吗"},
				{Line: 3, ID: "2", Sender: "wxid_me", SenderID: "wxid_me", Type: TypeText, Text: "在"},
				{Line: 4, ID: "3", Type: TypeSystem, Text: `"张三" 撤回了一条消息`},
				{Line: 5, ID: "4", Type: TypeSystem, Text: `"李四" 撤回了一条消息`},
				{Line: 6, ID: "5", Sender: "李四-网联", SenderID: "wxid_b", Type: TypeImage, Text: "[动画表情]", URL: "http://e/x?a=1&b=2"},
				{Line: 7, ID: "6", Sender: "李四-网联", SenderID: "wxid_b", Type: TypeRedPacket, Text: "微信红包"},
			},
			wantTimes: []string{"2025-03-06T09:00:05+08:00", "2025-03-06T09:00:06+08:00"},
		},
		{
			name: "app messages without XML, a quote of a link",
			in: memoTraceHeader +
				"1,5,49,2001,0,1741222805,2,,,张三,zs,wxid_a\n" +
				"2,5,49,19,0,1741222806,2,,,张三,zs,wxid_a\n" +
				"3,5,49,57,0,1741222807,2,\"<msg><appmsg><title>看这个</title><type>57</type><refermsg><type>49</type><svrid>88</svrid><displayname>李四</displayname><content>&lt;msg&gt;&lt;appmsg&gt;&lt;title&gt;分账文档&lt;/title&gt;&lt;type&gt;5&lt;/type&gt;&lt;/appmsg&gt;&lt;/msg&gt;</content></refermsg></appmsg></msg>\",,张三,zs,wxid_a\n",
			want: []Message{
				{Line: 2, ID: "1", Sender: "张三", SenderID: "wxid_a", Type: TypeRedPacket, Text: "微信红包"},
				{Line: 3, ID: "2", Sender: "张三", SenderID: "wxid_a", Type: TypeLink, Text: "[聊天记录]"},
				{Line: 4, ID: "3", Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "看这个", Quote: &Quote{Sender: "李四", Text: "分账文档"}},
			},
		},
		{
			name: "quoted multi-line messages with commas, times, code and quotes inside are no runaway quotes",
			in: memoTraceHeader +
				"1,5,1,0,0,1741222805,2,\"会议改到\n2025-03-07 14:00:00, 三楼\n地点,时间,人,事,备注,1741222805\nf(1, 2, 3, 4, 5, 6, 7, 8)\n他说\"\"好\"\"\",2025-03-06 09:00:05,张三,zs,wxid_a\n" +
				"2,5,1,0,0,1741222806,2,\"收到\n2,5,1,0,0,1741222807\",2025-03-06 09:00:06,李四,ls,wxid_b\n" +
				// A row of a settlement file pasted in: another chat's column.
				"3,5,1,0,0,1741222808,2,\"对账文件是这样的\n9001,SH0001,1,0,0,1741222700,2,100.00 CNY\",2025-03-06 09:00:08,王五,ww,wxid_c\n",
			want: []Message{
				{Line: 2, ID: "1", Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "会议改到\n2025-03-07 14:00:00, 三楼\n地点,时间,人,事,备注,1741222805\nf(1, 2, 3, 4, 5, 6, 7, 8)\n他说\"好\""},
				{Line: 7, ID: "2", Sender: "李四", SenderID: "wxid_b", Type: TypeText, Text: "收到\n2,5,1,0,0,1741222807"},
				{Line: 9, ID: "3", Sender: "王五", SenderID: "wxid_c", Type: TypeText, Text: "对账文件是这样的\n9001,SH0001,1,0,0,1741222700,2,100.00 CNY"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := wxMustParse(t, ParseMemoTraceCSV, tt.in, path)
			wxCompare(t, log.Messages, tt.want)
			for i, w := range tt.wantTimes {
				if got := log.Messages[i].Time.Format(time.RFC3339); got != w {
					t.Errorf("message %d time %s, want %s", i, got, w)
				}
			}
			if log.Title != "支付群" || log.Group != "支付群" {
				t.Errorf("Title, Group = %q, %q; want 支付群", log.Title, log.Group)
			}
		})
	}
}

func TestParseMemoTraceCSVErrors(t *testing.T) {
	const path = "x/a_utf8.csv"
	tests := []struct {
		name  string
		in    string
		line  int
		parts []string
	}{
		{"empty", "", 1, []string{"empty input", `expected header "localId,TalkerId,Type`}},
		{"chatlog header", "Time,SenderName,Sender,TalkerName,Talker,Content\n", 1, []string{"expected header", `got "Time,SenderName`}},
		{"bad type", memoTraceHeader + "1,5,1,0,0,1741222805,2,a,,,,\n2,5,text,0,0,1741222805,2,a,,,,\n", 3, []string{`bad Type "text"`}},
		{"bad subtype", memoTraceHeader + "1,5,49,x,0,1741222805,2,a,,,,\n", 2, []string{`bad SubType "x"`}},
		{"no time", memoTraceHeader + "1,5,1,0,0,,2,a,yesterday,,,\n", 2, []string{`bad CreateTime "" and StrTime "yesterday"`}},
		{"time out of range", memoTraceHeader + "1,5,1,0,0,-5,2,a,,,,\n", 2, []string{"bad CreateTime"}},
		{"cut inside the type", memoTraceHeader + "1,5,1,0,0,1741222805,2,a,,,,\n2,5", 3, []string{`bad Type ""`}},
		// A last record cut inside its quotes (found by a user review):
		// its text was kept as if whole.
		{"cut inside StrContent's quotes", memoTraceHeader + "1,5,1,0,0,1741222805,2,a,,,,\n2,5,1,0,0,1741222808,2,\"没写完", 3,
			[]string{"the file is cut short: it ends inside the StrContent field's quotes; export it again"}},
		{"cut inside StrContent's quotes after a line end", memoTraceHeader + "1,5,1,0,0,1741222805,2,a,,,,\n2,5,1,0,0,1741222808,2,\"第一行\n", 3,
			[]string{"cut short", "StrContent"}},
		// Runaway quotes (found by a user review): a field whose closing
		// quote is missing took every row after it into one message.
		{"runaway quote to the end of the file", memoTraceHeader +
			"1,5,1,0,0,1741222805,2,早,2025-03-06 09:00:05,张三,zs,wxid_a\n" +
			"2,5,1,0,0,1741222806,2,\"问一下\n分账怎么开,2025-03-06 09:00:06,张三,zs,wxid_a\n" +
			"3,5,1,0,0,1741309200,2,商户平台申请,2025-03-07 09:00:00,李四,ls,wxid_b\n" +
			"4,5,1,0,0,1741395600,2,谢谢,2025-03-08 09:00:00,张三,zs,wxid_a\n",
			3, []string{"the quote that opens StrContent here never closes", `into line 5, "3,5,1,0,0,1741309200,`, `add the closing quote (")`, "where StrContent ends"}},
		{"runaway quote closed by the next record's quoted text", memoTraceHeader +
			"1,5,1,0,0,1741222805,2,\"问一下,2025-03-06 09:00:05,张三,zs,wxid_a\n" +
			"2,5,1,0,0,1741309200,2,\"第一行\n第二行\",2025-03-07 09:00:00,李四,ls,wxid_b\n" +
			"3,5,1,0,0,1741395600,2,谢谢,2025-03-08 09:00:00,张三,zs,wxid_a\n",
			2, []string{"opens StrContent here", `into line 3, "2,5,1,0,0,1741309200,2,\"第一行"`}},
		{"runaway quote closed by the next record's XML", memoTraceHeader +
			"1,5,1,0,0,1741222805,2,\"问一下,2025-03-06 09:00:05,张三,zs,wxid_a\n" +
			"2,5,3,0,0,1741309200,2,\"<?xml version=\"\"1.0\"\"?><msg><img length=\"\"5\"\" /></msg>\",2025-03-07 09:00:00,李四,ls,wxid_b\n",
			2, []string{"opens StrContent here", "into line 3"}},
		{"runaway quote closed by a later quote", memoTraceHeader +
			"1,5,1,0,0,1741222805,2,\"问一下,2025-03-06 09:00:05,张三,zs,wxid_a\n" +
			"2,5,1,0,0,1741309200,2,好,2025-03-07 09:00:00,李四,ls,wxid_b\n" +
			"3,5,1,0,0,1741395600,2,\"a, b\",2025-03-08 09:00:00,张三,zs,wxid_a\n",
			2, []string{"opens StrContent here", "into line 3"}},
		{"runaway quote in another column", memoTraceHeader +
			"1,5,1,0,0,1741222805,2,早,2025-03-06 09:00:05,\"张三,zs,wxid_a\n" +
			"2,5,1,0,0,1741309200,2,好,2025-03-07 09:00:00,李四,ls,wxid_b\n",
			2, []string{"opens Remark here", "into line 3", "where Remark ends"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wxWantError(t, ParseMemoTraceCSV, tt.in, path, tt.line, tt.parts...)
		})
	}
}

func FuzzParseMemoTraceCSV(f *testing.F) {
	wxSeed(f, "memotrace-csv", "*.csv")
	f.Add([]byte(memoTraceHeader + "1,5,49,57,0,1,2,<appmsg><refermsg><svrid>0</svrid></refermsg>,,,,\n"))
	wxFuzz(f, ParseMemoTraceCSV, "fuzz/a_utf8.csv", wxCountCSV)
}

// ---------------------------------------------------------------------------
// TXT.

// memoTraceTXTHeaderRE matches the fixture's header lines, independently of
// the parser's pattern.
var memoTraceTXTHeaderRE = regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`)

func TestParseMemoTraceTXTGolden(t *testing.T) {
	wxGolden(t, "memotrace-txt", "*.txt", FormatMemoTraceTXT, ParseMemoTraceTXT, func(t *testing.T, data []byte) int {
		return wxCountLines(data, memoTraceTXTHeaderRE)
	})
}

func TestParseMemoTraceTXT(t *testing.T) {
	const path = "x/聊天记录/支付群/支付群.txt"
	tests := []struct {
		name string
		in   string
		want []Message
	}{
		{
			name: "system at the end, unknown quote, multi-line quote, CRLF",
			in: "2025-03-06 09:00:05 张三\r\n好的\r\n引用:未知\r\n\r\n" +
				"2025-03-06 09:00:06 李四\r\n\r\n引用:张三:第一行\r\n第二行\r\n\r\n" +
				"2025-03-06 09:00:07 \"王五\"加入了群聊\r\n\r\n",
			want: []Message{
				{Line: 1, Sender: "张三", Type: TypeText, Text: "好的"},
				{Line: 5, Sender: "李四", Type: TypeText, Text: "", Quote: &Quote{Sender: "张三", Text: "第一行\n第二行"}},
				{Line: 10, Type: TypeSystem, Text: `"王五"加入了群聊`},
			},
		},
		{
			name: "a share card with None fields, a date inside a body, a header cut short",
			in: "2025-03-06 09:00:05 张三\n            [链接]:title:None\n            description:None\n            url:None\n            name:None\n            \n\n" +
				"2025-03-06 09:00:06 李四\n2025-03-07 10:00:00 开会\n\n" +
				"2025-03-06 09:00:07 王五",
			want: []Message{
				{Line: 1, Sender: "张三", Type: TypeLink, Text: ""},
				{Line: 8, Sender: "李四", Type: TypeText, Text: "2025-03-07 10:00:00 开会"},
				{Line: 11, Sender: "王五", Type: TypeText, Text: ""},
			},
		},
		{
			name: "placeholders",
			in:   "2025-03-06 09:00:05 张三\n[视频]\n\n2025-03-06 09:00:06 张三\n[音乐分享]\n\n2025-03-06 09:00:07 张三\n微信红包\n",
			want: []Message{
				{Line: 1, Sender: "张三", Type: TypeImage, Text: "[视频]"},
				{Line: 4, Sender: "张三", Type: TypeLink, Text: "[音乐分享]"},
				{Line: 7, Sender: "张三", Type: TypeRedPacket, Text: "微信红包"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := wxMustParse(t, ParseMemoTraceTXT, tt.in, path)
			wxCompare(t, log.Messages, tt.want)
			if log.Title != "支付群" || log.Date != "2025-03-06" {
				t.Errorf("Title, Date = %q, %q", log.Title, log.Date)
			}
		})
	}
}

func TestParseMemoTraceTXTErrors(t *testing.T) {
	const path = "x/a.txt"
	tests := []struct {
		name  string
		in    string
		line  int
		parts []string
	}{
		{"empty", "", 1, []string{"empty input"}},
		{"not a header", "hello\n", 1, []string{"not a MemoTrace TXT export"}},
		{"cocolian", "---\ntitle: x\n---\n", 1, []string{"not a MemoTrace TXT export"}},
		{"bad time", "2025-03-06 09:00:05 张三\n好\n\n2025-13-06 09:00:05 李四\n", 4, []string{`bad message time "2025-13-06 09:00:05"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wxWantError(t, ParseMemoTraceTXT, tt.in, path, tt.line, tt.parts...)
		})
	}
}

// countMemoTraceTXTHeaders counts header lines at the start or after a blank
// line, independently of the parser; -1 when the first non-blank line is not
// a header.
func countMemoTraceTXTHeaders(data []byte) int {
	return countBlockHeaders(data, regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?: |$)`))
}

func FuzzParseMemoTraceTXT(f *testing.F) {
	wxSeed(f, "memotrace-txt", "*.txt")
	f.Add([]byte("2025-03-06 09:00:05 a\n引用:b\n\n2025-03-06 09:00:06\n\n"))
	wxFuzz(f, ParseMemoTraceTXT, "fuzz/a.txt", countMemoTraceTXTHeaders)
}
