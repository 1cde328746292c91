package thread

import (
	"fmt"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
)

// dayClock is day ("2024-01-10") at clock ("22:50"), UTC.
func dayClock(t *testing.T, day, clock string) time.Time {
	t.Helper()
	tm, err := time.Parse("2006-01-02 15:04", day+" "+clock)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// TestDayLinker checks which messages Find links to an earlier day and
// which of them answer (not the asker's own, by ID when both have one, nor
// thanks, me too, a bump or a shrug): a reply to a message of the day
// itself and a pin link nothing.
func TestDayLinker(t *testing.T) {
	at := func(day, clock string) time.Time { return dayClock(t, day, clock) }
	msg := func(id, reply, sender, text string, tm time.Time) chatlog.Message {
		return chatlog.Message{ID: id, ReplyToID: reply, Sender: sender, SenderID: sender, Type: chatlog.TypeText, Text: text, Time: tm}
	}
	first := &chatlog.Log{Title: "g", Date: "2024-01-10", Messages: []chatlog.Message{
		msg("1", "", "ann", "分账接口怎么申请？", at("2024-01-10", "22:50")),
		msg("2", "", "bob", "今天发版了", at("2024-01-10", "22:55")),
	}}
	var d DayLinker
	if got := d.Find(first); got != nil {
		t.Fatalf("the first day links to %v", got)
	}
	d.Remember(first, BuildWith(first, fieldTokenizer{}, DefaultParams()))

	pin := msg("9", "1", "bob", "bob pinned a message", at("2024-01-11", "08:00"))
	pin.Type = chatlog.TypeSystem
	second := &chatlog.Log{Title: "g", Date: "2024-01-11", Messages: []chatlog.Message{
		pin,
		msg("3", "1", "cid", "在商户平台的产品中心开通就行", at("2024-01-11", "08:10")),
		msg("4", "1", "ann", "还有别的办法吗？", at("2024-01-11", "08:11")),
		msg("5", "1", "dee", "谢谢", at("2024-01-11", "08:12")),
		msg("6", "1", "eve", "同问", at("2024-01-11", "08:13")),
		msg("7", "2", "eve", "新版本挺快的", at("2024-01-11", "08:20")),
		msg("8", "7", "cid", "是的", at("2024-01-11", "08:21")),
		msg("10", "1", "fay", "顶一下", at("2024-01-11", "08:30")),
		msg("11", "1", "gus", "Same here", at("2024-01-11", "08:31")),
		msg("12", "1", "hal", "不清楚", at("2024-01-11", "08:32")),
		{ID: "13", ReplyToID: "1", Sender: "ann", SenderID: "another-ann", Type: chatlog.TypeText, Text: "要先开通分账权限", Time: at("2024-01-11", "08:40")},
	}}
	got := d.Find(second)
	want := map[int]string{1: "0 answers true", 2: "0 answers false", 3: "0 answers false", 4: "0 answers false", 5: "1 answers false",
		7: "0 answers false", 8: "0 answers false", 9: "0 answers false", 10: "0 answers true"}
	for i := range second.Messages {
		e, ok := got[i]
		s := ""
		if ok {
			s = fmt.Sprintf("%d answers %v", e.Index, e.Answer)
			if e.Date != "2024-01-10" {
				t.Errorf("message %d: date %q", i, e.Date)
			}
		}
		if s != want[i] {
			t.Errorf("message %d: %q, want %q", i, s, want[i])
		}
	}
	res := BuildWith(second, fieldTokenizer{}, Params{Window: 40, MaxGap: 90 * time.Minute, Quote: 12, Earlier: got})
	for i := range got {
		if res.Links[i].Parent != -1 || !res.Links[i].HasEvidence("earlier-day") {
			t.Errorf("message %d replies to an earlier day but links to %d (%v)", i, res.Links[i].Parent, res.Links[i].Evidence)
		}
	}

}

// TestDayLinkerMentionsPastMidnight checks that a WeChat answer just after
// midnight, which only @mentions the asker of the day before, links to
// the asker's question: not once the asker spoke that day, not past
// pastMidnightReach, not "me too", not a name that asked nothing.
func TestDayLinkerMentionsPastMidnight(t *testing.T) {
	at := func(day, clock string) time.Time { return dayClock(t, day, clock) }
	msg := func(sender, text string, tm time.Time, mentions ...string) chatlog.Message {
		return chatlog.Message{Sender: sender, Type: chatlog.TypeText, Text: text, Time: tm, Mentions: mentions}
	}
	for _, tt := range []struct {
		name string
		day  []chatlog.Message
		want string // the earlier message the day's last links to, "" for none
	}{
		{"an answer at 00:01", []chatlog.Message{
			msg("李四", "@王五-风控-北京 可以看看连连和PingPong", at("2025-04-02", "00:01"), "王五-风控-北京")}, "1 answers true"},
		{"the asker spoke first", []chatlog.Message{
			msg("王五-风控-北京", "有人吗", at("2025-04-02", "00:00")),
			msg("李四", "@王五-风控-北京 可以看看连连和PingPong", at("2025-04-02", "00:01"), "王五-风控-北京")}, ""},
		{"the next morning", []chatlog.Message{
			msg("李四", "@王五-风控-北京 可以看看连连和PingPong", at("2025-04-02", "08:01"), "王五-风控-北京")}, ""},
		{"me too", []chatlog.Message{
			msg("李四", "@王五-风控-北京 同问", at("2025-04-02", "00:01"), "王五-风控-北京")}, ""},
		{"someone who asked nothing", []chatlog.Message{
			msg("李四", "@赵六 可以看看连连和PingPong", at("2025-04-02", "00:01"), "赵六")}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			first := &chatlog.Log{Title: "g", Date: "2025-04-01", Messages: []chatlog.Message{
				msg("赵六", "今天发版了", at("2025-04-01", "23:40")),
				msg("王五-风控-北京", "求推荐一家做跨境收款的持牌机构？", at("2025-04-01", "23:59")),
			}}
			var d DayLinker
			d.Remember(first, BuildWith(first, fieldTokenizer{}, DefaultParams()))
			second := &chatlog.Log{Title: "g", Date: "2025-04-02", Messages: tt.day}
			got := ""
			for i, e := range d.Find(second) {
				got += fmt.Sprintf("%d answers %v", e.Index, e.Answer)
				if i != len(tt.day)-1 {
					t.Errorf("message %d links to %+v", i, e)
				}
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDayLinkerQuotes checks that a quote without an ID (a WeChat quote:
// the quoted sender and text) links to the earlier day's question it
// names, and only when the day itself holds no message it matches, its
// sender asked the question, and that message was a question.
func TestDayLinkerQuotes(t *testing.T) {
	day := func(date string, msgs ...chatlog.Message) *chatlog.Log {
		for i := range msgs {
			msgs[i].Type = chatlog.TypeText
			msgs[i].SenderID = msgs[i].Sender
			msgs[i].Time = time.Date(2025, 3, 4, 9, i, 0, 0, time.UTC)
		}
		return &chatlog.Log{Title: "g", Date: date, Messages: msgs}
	}
	quote := func(sender, quoted, text string) chatlog.Message {
		return chatlog.Message{Sender: "li", Text: text, Quote: &chatlog.Quote{Sender: sender, Text: quoted}}
	}
	question := "网联协议支付和快捷支付到底有什么区别？"
	tests := []struct {
		name  string
		reply *chatlog.Log
		want  string // "index answers bool" of the linked message at 0, "" for none
	}{
		{"a quote of the question", day("2025-03-05", quote("wu", question, "协议支付签约走网联，快捷是直连银行")), "1 answers true"},
		{"a shortened quote", day("2025-03-05", quote("wu", "网联协议支付和快捷支付到底", "签约主体不一样")), "1 answers true"},
		{"the asker quoting himself", day("2025-03-05", chatlog.Message{Sender: "wu", Text: "有人知道吗", Quote: &chatlog.Quote{Sender: "wu", Text: question}}), "1 answers false"},
		{"another sender", day("2025-03-05", quote("zhao", question, "签约主体不一样")), ""},
		{"a quote of a remark", day("2025-03-05", quote("wu", "今天好冷", "是啊")), ""},
		{"the day asks it again", day("2025-03-05", chatlog.Message{Sender: "wu", Text: question}, quote("wu", question, "签约主体不一样")), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := day("2025-03-04", chatlog.Message{Sender: "wu", Text: "今天好冷"}, chatlog.Message{Sender: "wu", Text: question})
			var d DayLinker
			d.Remember(first, BuildWith(first, fieldTokenizer{}, DefaultParams()))
			at := len(tt.reply.Messages) - 1
			got := ""
			if e, ok := d.Find(tt.reply)[at]; ok {
				got = fmt.Sprintf("%d answers %v", e.Index, e.Answer)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEarlierInTopics checks that the messages replying to an earlier day
// start threads in a forum log too, where each topic is threaded alone
// and counts its messages from 0.
func TestEarlierInTopics(t *testing.T) {
	base := time.Date(2024, 1, 11, 8, 0, 0, 0, time.UTC)
	var msgs []chatlog.Message
	for i, topic := range []string{"A", "B", "A", "B"} {
		msgs = append(msgs, chatlog.Message{Index: i, Sender: fmt.Sprint("u", i), Type: chatlog.TypeText, Text: "支付 通道 费率", Time: base.Add(time.Duration(i) * time.Minute), Topic: topic})
	}
	log := &chatlog.Log{Date: "2024-01-11", Messages: msgs}
	p := DefaultParams()
	p.Earlier = map[int]Earlier{3: {Date: "2024-01-10", Index: 5, Line: 40}}
	res := BuildWith(log, fieldTokenizer{}, p)
	if !res.Links[3].HasEvidence("earlier-day") || res.Links[3].Parent != -1 {
		t.Errorf("message 3 links to %d (%v), want a thread start replying to an earlier day", res.Links[3].Parent, res.Links[3].Evidence)
	}
	if res.Links[1].HasEvidence("earlier-day") {
		t.Errorf("message 1 took message 3's earlier-day link")
	}
}

// TestDayLinkerIDsByFormat checks that message IDs link within the format
// that gave them: another tool's export of the chat numbers its messages
// its own way.
func TestDayLinkerIDsByFormat(t *testing.T) {
	at := time.Date(2025, 3, 6, 9, 0, 0, 0, time.UTC)
	first := &chatlog.Log{Format: "weflow", Date: "2025-03-06", Messages: []chatlog.Message{
		{ID: "7", Sender: "ann", SenderID: "ann", Type: chatlog.TypeText, Text: "分账接口怎么申请？", Time: at}}}
	var d DayLinker
	d.Remember(first, BuildWith(first, fieldTokenizer{}, DefaultParams()))
	for _, format := range []string{"weflow", "chatlog-json"} {
		next := &chatlog.Log{Format: format, Date: "2025-03-07", Messages: []chatlog.Message{
			{ID: "8", ReplyToID: "7", Sender: "bob", SenderID: "bob", Type: chatlog.TypeText, Text: "在商户平台开通", Time: at.Add(24 * time.Hour)}}}
		_, linked := d.Find(next)[0]
		if want := format == "weflow"; linked != want {
			t.Errorf("a %s reply to ID 7: linked %v, want %v", format, linked, want)
		}
	}
}
