package chatlog

import (
	"reflect"
	"strings"
	"testing"
)

// accountView is what TestAccountIDs compares of a message: the ids a
// reader gives mentions and quotes, which threading needs to tell apart
// two accounts of one display name.
type accountView struct {
	Mentions, MentionIDs []string
	Quote                string // "sender/senderID: text", "" without a quote
}

func TestAccountIDs(t *testing.T) {
	tests := []struct {
		name   string
		format string
		in     string
		want   []accountView
	}{
		{
			name:   "Telegram: a mention_name gives its user as from_id writes it; a typed @ none",
			format: FormatTelegram,
			in: tgMsg(`{"id": 1, "type": "message", "date": "2024-03-11T10:00:00", "from": "Bob Li", "from_id": "user202", "text": "x"}`,
				`{"id": 2, "type": "message", "date": "2024-03-11T10:01:00", "from": "Ann", "from_id": "user7", "text": "",
				"text_entities": [{"type": "mention_name", "text": "Bob Li", "user_id": 202}, {"type": "plain", "text": " and @Bob Li"}]}`),
			want: []accountView{{}, {Mentions: []string{"Bob Li"}, MentionIDs: []string{"user202"}}},
		},
		{
			name:   "Discord: mentions carry their ids, two users of one nickname are two mentions",
			format: FormatDiscord,
			in: dcMsg(`{"id": "1", "type": "Default", "timestamp": "2024-01-02T09:00:00Z", "content": "@Bob @Bob ping", "author": {"id": "103", "name": "carol"},
				"mentions": [{"id": "101", "name": "bob", "nickname": "Bob"}, {"id": "102", "name": "bob2", "nickname": "Bob"}]}`),
			want: []accountView{{Mentions: []string{"Bob", "Bob"}, MentionIDs: []string{"101", "102"}}},
		},
		{
			name:   "chatlog CSV: a quote header's wxid is the quote's SenderID",
			format: FormatChatlogCSV,
			in: "Time,SenderName,Sender,TalkerName,Talker,Content\n" +
				"2025-03-06 09:01:15,Bob,wxid_b,群,1@chatroom,分账比例上限是多少？\n" +
				"2025-03-06 09:03:40,Carol,wxid_c,群,1@chatroom,\"> Bob(wxid_b) 03-06 09:01:15\n> 分账比例上限是多少？\n默认30%\"\n",
			want: []accountView{{}, {Quote: "Bob/wxid_b: 分账比例上限是多少？"}},
		},
		{
			name:   "chatlog JSON: a refer's sender is the quote's SenderID",
			format: FormatChatlogJSON,
			in: `[{"seq":1,"time":"2025-03-06T09:00:00+08:00","talker":"1@chatroom","talkerName":"群","sender":"wxid_c","senderName":"Carol","type":49,"subType":57,"content":"默认30%",` +
				`"contents":{"refer":{"seq":0,"sender":"wxid_b","senderName":"Bob","type":1,"content":"上限是多少？"}}}]`,
			want: []accountView{{Quote: "Bob/wxid_b: 上限是多少？"}},
		},
		{
			name:   "WeFlow: an appmsg refer left as XML gives its chatusr; quotedSender is a name only",
			format: FormatWeFlow,
			in: `{"messages":[
				{"localId":1,"createTime":1741222805,"type":"引用消息","localType":49,"content":"<msg><appmsg><title>默认30%</title><type>57</type><refermsg><type>1</type><chatusr>wxid_b</chatusr><displayname>Bob</displayname><content>上限是多少？</content></refermsg></appmsg></msg>","senderUsername":"wxid_c","senderDisplayName":"Carol"},
				{"localId":2,"createTime":1741222806,"type":"引用消息","localType":244813135921,"content":"好","quotedSender":"Bob","quotedContent":"上限是多少？","senderUsername":"wxid_d","senderDisplayName":"Dave"}
			],"session":{"wxid":"1@chatroom","nickname":"群"}}`,
			want: []accountView{{Quote: "Bob/wxid_b: 上限是多少？"}, {Quote: "Bob/: 上限是多少？"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, err := Parse(strings.NewReader(tt.in), "x", tt.format)
			if err != nil {
				t.Fatal(err)
			}
			var got []accountView
			for _, m := range log.Messages {
				v := accountView{Mentions: m.Mentions, MentionIDs: m.MentionIDs}
				if q := m.Quote; q != nil {
					v.Quote = q.Sender + "/" + q.SenderID + ": " + q.Text
				}
				got = append(got, v)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestSlackMentionIDs checks that slackText gives each <@U…> mention its
// user id.
func TestSlackMentionIDs(t *testing.T) {
	users := map[string]string{"U1": "Bob Li", "U2": "Bob Li"}
	text, names, ids, _ := slackText("<@U2> and <@U1|bob>, <@U9|zed>", users)
	if text != "@Bob Li and @Bob Li, @zed" || !reflect.DeepEqual(names, []string{"Bob Li", "Bob Li", "zed"}) || !reflect.DeepEqual(ids, []string{"U2", "U1", "U9"}) {
		t.Errorf("got %q %q %q", text, names, ids)
	}
}
