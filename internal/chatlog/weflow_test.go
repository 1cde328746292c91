package chatlog

import (
	"encoding/json"
	"fmt"
	"testing"
)

func TestParseWeFlowGolden(t *testing.T) {
	wxGolden(t, "weflow", "*.json", FormatWeFlow, ParseWeFlow, func(t *testing.T, data []byte) int {
		var doc struct {
			Messages []json.RawMessage `json:"messages"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		return len(doc.Messages)
	})
}

func TestParseWeFlow(t *testing.T) {
	const path = "x/weflow.json"
	tests := []struct {
		name      string
		in        string
		want      []Message
		wantTitle string
	}{
		{
			name: "messages before the session, local ids, a quote label without quoted fields",
			in: `{"messages":[
				{"localId":1,"createTime":1741222805,"type":"文本消息","localType":1,"content":"在吗","senderUsername":"wxid_a","senderDisplayName":"张三"},
				{"localId":2,"createTime":1741222806,"type":"引用消息","localType":244813135921,"content":"在[引用 张三：在吗]","senderUsername":"wxid_b","senderDisplayName":""}
			],"session":{"wxid":"1@chatroom","nickname":"支付群","displayName":""}}`,
			want: []Message{
				{Line: 2, ID: "1", Sender: "张三", SenderID: "wxid_a", Type: TypeText, Text: "在吗"},
				{Line: 3, ID: "2", Sender: "wxid_b", SenderID: "wxid_b", Type: TypeText, Text: "在", Quote: &Quote{Sender: "张三", Text: "在吗"}},
			},
			wantTitle: "支付群",
		},
		{
			name: "arkme-json senders, raw appmsg XML, a transfer, a call",
			in: `{"weflow":{"format":"arkme-json"},"session":{"accountId":"1@chatroom","displayName":"群"},
				"senders":[{"senderID":1,"accountId":"wxid_a","displayName":"张三","nickname":"zs","groupNickname":"张三-某支付-产品"},{"senderID":2,"accountId":"wxid_b","displayName":"李四","nickname":"ls"}],
				"messages":[
				{"localId":1,"createTime":1741222805,"type":"链接消息","localType":49,"content":"<msg><appmsg><title>分账文档</title><type>5</type><url>https://pay.weixin.qq.com/a?b=1&amp;c=2</url></appmsg></msg>","senderID":1,"platformMessageId":"900"},
				{"localId":2,"createTime":1741222806,"type":"转账消息","localType":49,"content":"[转账] 100.00元","senderID":2,"appMsgKind":"transfer"},
				{"localId":3,"createTime":1741222807,"type":"通话消息","localType":50,"content":"[语音通话] 已取消","senderID":3}
			]}`,
			want: []Message{
				{Line: 4, ID: "900", Sender: "张三-某支付-产品", SenderID: "wxid_a", Type: TypeLink, Text: "分账文档", LinkTitle: "分账文档", URL: "https://pay.weixin.qq.com/a?b=1&c=2"},
				{Line: 5, ID: "2", Sender: "李四", SenderID: "wxid_b", Type: TypeText, Text: "[转账] 100.00元"},
				{Line: 6, ID: "3", Sender: "3", SenderID: "", Type: TypeSystem, Text: "[语音通话] 已取消"},
			},
			wantTitle: "群",
		},
		{
			name: "string numbers and nulls",
			in:   `{"session":null,"messages":[{"localId":"7","createTime":"1741222805","type":null,"localType":null,"content":null,"senderUsername":"wxid_a"}]}`,
			want: []Message{{Line: 1, ID: "7", Sender: "wxid_a", SenderID: "wxid_a", Type: TypeText, Text: ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := wxMustParse(t, ParseWeFlow, tt.in, path)
			wxCompare(t, log.Messages, tt.want)
			if log.Title != tt.wantTitle || log.Group != tt.wantTitle {
				t.Errorf("Title, Group = %q, %q; want %q", log.Title, log.Group, tt.wantTitle)
			}
		})
	}
}

// TestWeFlowTypes reads one record of each kind WeFlow writes that is not
// plain text, by its type name, its localType (WeChat 4's, with the app
// subtype in the high 32 bits, or WeChat 3's packed type) or its arkme-json
// appMsgType and appMsgKind, each of which a record may carry alone.
func TestWeFlowTypes(t *testing.T) {
	tests := []struct {
		name      string
		record    string // the fields after localId, createTime and senderUsername
		wantType  MessageType
		wantText  string
		wantTitle string // LinkTitle
	}{
		// 拍一拍: WeFlow names a WeChat 4 pat 其他消息; the reviewer's export had WeChat 3's 922746929.
		{"pat, WeChat 4", `"type":"其他消息","localType":266287972401,"content":"\"张三\" 拍了拍 \"李四\""`, TypeSystem, `"张三" 拍了拍 "李四"`, ""},
		{"pat, WeChat 3 packed type", `"type":"其他消息","localType":922746929,"content":"\"张三\" 拍了拍 \"李四\""`, TypeSystem, `"张三" 拍了拍 "李四"`, ""},
		{"pat, localType alone", `"localType":922746929,"content":"我拍了拍 \"李四\""`, TypeSystem, `我拍了拍 "李四"`, ""},
		{"pat, arkme-json", `"type":"其他消息","localType":266287972401,"content":"\"张三\" 拍了拍我","appMsgType":"62","appMsgKind":"card"`, TypeSystem, `"张三" 拍了拍我`, ""},
		{"pat, WeChat 3 sysmsg", `"type":"系统消息","localType":10000,"content":"\"张三\" 拍了拍 \"李四\""`, TypeSystem, `"张三" 拍了拍 "李四"`, ""},
		{"pat, raw appmsg", `"type":"其他消息","localType":266287972401,"content":"<msg><appmsg><title>\"张三\" 拍了拍 \"李四\"</title><type>62</type></appmsg></msg>"`, TypeSystem, `"张三" 拍了拍 "李四"`, ""},
		// 撤回: 10002; an older WeFlow leaves the sysmsg XML.
		{"recall", `"type":"系统消息","localType":10002,"content":"\"张三\" 撤回了一条消息"`, TypeSystem, `"张三" 撤回了一条消息`, ""},
		{"recall, raw sysmsg", `"type":"其他消息","localType":10002,"content":"<sysmsg type=\"revokemsg\"><revokemsg><replacemsg><![CDATA[\"张三\" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>"`, TypeSystem, `"张三" 撤回了一条消息`, ""},
		{"recall, localType alone", `"localType":10002,"content":"你撤回了一条消息"`, TypeSystem, "你撤回了一条消息", ""},
		// Joins, invites, removals: 10000, 系统消息.
		{"join", `"type":"系统消息","localType":10000,"content":"\"王五\"通过扫描二维码加入群聊"`, TypeSystem, `"王五"通过扫描二维码加入群聊`, ""},
		{"invite, type name alone", `"type":"系统消息","content":"\"张三\"邀请\"王五\"加入了群聊"`, TypeSystem, `"张三"邀请"王五"加入了群聊`, ""},
		{"removal, localType alone", `"localType":10000,"content":"\"张三\"将\"王五\"移出了群聊"`, TypeSystem, `"张三"将"王五"移出了群聊`, ""},
		// 转账: text, as the chatlog and MemoTrace readers read it.
		{"transfer", `"type":"转账消息","localType":8589934592049,"content":"[转账] (张三 转账给 李四) ￥200.00 咨询费"`, TypeText, "[转账] (张三 转账给 李四) ￥200.00 咨询费", ""},
		{"transfer received, localType alone", `"localType":8589934592049,"content":"[转账收款] ￥200.00"`, TypeText, "[转账收款] ￥200.00", ""},
		{"transfer, WeChat 3 packed type", `"localType":419430449,"content":""`, TypeText, "[转账]", ""},
		{"transfer, arkme-json", `"type":"转账消息","localType":49,"content":"[转账] ￥5.00","appMsgType":"2000","appMsgKind":"transfer"`, TypeText, "[转账] ￥5.00", ""},
		// 红包.
		{"red packet, localType alone", `"type":"其他消息","localType":8594229559345,"content":"恭喜发财，大吉大利"`, TypeRedPacket, redPacket, "恭喜发财，大吉大利"},
		{"red packet, WeChat 3 packed type", `"localType":436207665,"content":"[红包] 微信红包"`, TypeRedPacket, redPacket, ""},
		// 位置, 名片: text placeholders, as the other WeChat readers write them.
		{"location", `"type":"位置消息","localType":48,"content":"[位置] 深圳湾科技生态园 (22.528,113.953)","locationLat":22.528,"locationLng":113.953,"locationPoiname":"深圳湾科技生态园"`, TypeText, "[位置] 深圳湾科技生态园 (22.528,113.953)", ""},
		{"location, localType alone", `"localType":48,"content":""`, TypeText, "[位置]", ""},
		{"contact card", `"type":"名片消息","localType":42,"content":"[名片]"`, TypeText, "[名片]", ""},
		{"contact card, type name alone", `"type":"名片消息","content":""`, TypeText, "[名片]", ""},
		// Calls and other notices.
		{"voice call", `"type":"通话消息","localType":50,"content":"[语音通话] 02:31"`, TypeSystem, "[语音通话] 02:31", ""},
		{"video call, localType alone", `"localType":50,"content":"[视频通话] 对方无应答"`, TypeSystem, "[视频通话] 对方无应答", ""},
		{"call invite", `"localType":53,"content":"[通话]"`, TypeSystem, "[通话]", ""},
		{"friend confirmation", `"localType":37,"content":"张三 请求添加你为朋友"`, TypeSystem, "张三 请求添加你为朋友", ""},
		{"group notice, localType alone", `"localType":373662154801,"content":"[群公告] 本群只讨论支付"`, TypeSystem, "[群公告] 本群只讨论支付", ""},
		// WeChat 3 packed app types.
		{"quote, WeChat 3 packed type", `"localType":822083633,"content":"在的[引用 张三：在吗]"`, TypeText, "在的", ""},
		{"file, WeChat 3 packed type", `"localType":1090519089,"content":"[文件] 对账单.xlsx"`, TypeLink, "对账单.xlsx", "对账单.xlsx"},
		{"sogou sticker", `"localType":1048625,"content":""`, TypeImage, wxSticker, ""},
		// Still a link: a file of WeChat 4 (6<<32|49).
		{"file, WeChat 4", `"type":"文件消息","localType":25769803825,"content":"[文件] 分账接入指引.pdf"`, TypeLink, "分账接入指引.pdf", "分账接入指引.pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := `{"messages":[{"localId":1,"createTime":1741222805,"senderUsername":"wxid_a",` + tt.record + `}]}`
			log := wxMustParse(t, ParseWeFlow, in, "x/weflow.json")
			m := log.Messages[0]
			if m.Type != tt.wantType || m.Text != tt.wantText || m.LinkTitle != tt.wantTitle {
				t.Errorf("Type, Text, LinkTitle = %q, %q, %q; want %q, %q, %q", m.Type, m.Text, m.LinkTitle, tt.wantType, tt.wantText, tt.wantTitle)
			}
		})
	}
}

// weflowPretty is a WeFlow export laid out as WeFlow writes it, one field a
// line: the session's displayName is on line 6, and the one message starts
// on line 9, its createTime on line 11 and its content on line 12.
const weflowPretty = `{
  "weflow": {
    "version": "1.0"
  },
  "session": {
    "displayName": %s
  },
  "messages": [
    {
      "localId": 1,
      "createTime": %s,
      "content": %s,
      "type": "文本消息"
    }
  ]
}`

func TestParseWeFlowErrors(t *testing.T) {
	const path = "x/weflow.json"
	ok := `{"localId":1,"createTime":1741222805,"type":"文本消息","localType":1,"content":"a"}`
	tests := []struct {
		name  string
		in    string
		line  int
		parts []string
	}{
		{"empty", "", 1, []string{"empty input"}},
		{"an array", "[]", 1, []string{"not a WeFlow export"}},
		{"no messages", `{"session":{}}`, 1, []string{`expected a "messages" array`}},
		{"messages not an array", `{"messages":{}}`, 1, []string{`"messages" is not an array`}},
		{"record not an object", "{\"messages\":[\n" + ok + ",\n\"x\"]}", 3, []string{"record 2", "expected a WeFlow message object"}},
		{"time out of range", "{\"messages\":[\n" + `{"createTime":99999999999999}` + "]}", 2, []string{"record 1", "out of range"}},
		{"cut short", "{\"weflow\":{},\n\"messages\":[\n" + ok + ",\n" + `{"localId":2,"createTi`, 4, []string{"record 2", "cut short"}},
		{"cut after the array", "{\"messages\":[\n" + ok + "]\n", 3, []string{"cut short"}},
		{"time out of range in a laid out record", fmt.Sprintf(weflowPretty, `"群"`, "99999999999999", `"a"`), 11, []string{"record 1", "createTime 99999999999999 out of range"}},
		{"negative time in a laid out record", fmt.Sprintf(weflowPretty, `"群"`, "-1", `"a"`), 11, []string{"record 1", "out of range"}},
		{"bad time in a laid out record", fmt.Sprintf(weflowPretty, `"群"`, `"soon"`, `"a"`), 11, []string{"record 1", "expected an integer"}},
		{"wrong type in a laid out record", fmt.Sprintf(weflowPretty, `"群"`, "1741222805", `{"a": 1}`), 12, []string{"record 1", "expected a string"}},
		{"wrong type in a laid out session", fmt.Sprintf(weflowPretty, `["群"]`, "1741222805", `"a"`), 6, []string{"session", "expected a string"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wxWantError(t, ParseWeFlow, tt.in, path, tt.line, tt.parts...)
		})
	}
}

func FuzzParseWeFlow(f *testing.F) {
	wxSeed(f, "weflow", "*.json")
	f.Add([]byte(`{"senders":[{"senderID":1,"accountId":"a"}],"messages":[{"senderID":1,"createTime":1,"localType":244813135921,"content":"x[引用 y]"},{"senderID":2}]}`))
	f.Add([]byte(`{"messages":[{"content":"<appmsg><type>57</type><title>t</title><refermsg><type>49</type><content>&lt;appmsg&gt;&lt;title&gt;q&lt;/title&gt;</content></refermsg></appmsg>"}]}`))
	wxFuzz(f, ParseWeFlow, "fuzz/weflow.json", nil)
}
