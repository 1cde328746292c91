package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestDigestOverlappingExports checks that weekly exports overlapping by a
// day digest each message once: a day all of whose messages the other file
// holds is left out, whichever file holds more, and halves that each hold
// messages the other lacks are both read, an answer both list counted
// once.
func TestDigestOverlappingExports(t *testing.T) {
	rec := func(id int, at, from, text string, replyTo int) string {
		r := fmt.Sprintf(`{"id": %d, "type": "message", "date": "2024-01-07T%s:00", "from": %q, "from_id": "user-%s", "text": %q`, id, at, from, from, text)
		if replyTo > 0 {
			r += fmt.Sprintf(`, "reply_to_message_id": %d`, replyTo)
		}
		return r + "}"
	}
	q1 := rec(1, "10:00", "Ann", "微信分账接口的分账比例上限是多少？", 0)
	a1 := rec(2, "10:05", "Cid", "默认最高30%，可以找微信申请提高", 1)
	chat := rec(3, "11:00", "Bob", "今天好冷", 0)
	q2 := rec(4, "15:00", "Dan", "网联的协议支付和快捷支付有什么区别？", 0)
	a2 := rec(5, "15:10", "Eve", "协议支付要先签约，之后扣款不用再验短信", 4)
	late := rec(6, "16:00", "Fay", "补充一下，分账要在交易完成后180天内发起", 1)
	tests := []struct {
		name           string
		week1, week2   []string
		note           string
		q1Answers      int // answers of the one asking of q1
		wantUnanswered int
	}{
		{"the first week's day within the second's", []string{q1, a1}, []string{q1, a1, chat, q2, a2},
			"the 2 messages of 2024-01-07 are all in", 1, 0},
		{"the second week's day within the first's", []string{q1, a1, chat, q2, a2}, []string{q2, a2},
			"the 2 messages of 2024-01-07 are all in", 1, 0},
		// Neither holds the other: both are read whole, so no answer is
		// threaded apart from its question, and an answer both list counts
		// once.
		{"overlapping halves", []string{q1, a1, chat}, []string{a1, chat, q2, a2, late},
			"", 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			export := func(name string, recs []string) string {
				path := filepath.Join(dir, name)
				writeFile(t, path, `{"name": "g", "type": "private_supergroup", "id": 7, "messages": [`+strings.Join(recs, ",\n")+`]}`)
				return path
			}
			w1, w2 := export("week1.json", tt.week1), export("week2.json", tt.week2)
			code, out, errOut := runCmd(t, "", "digest", "--format", "json", w1, w2)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if tt.note == "" && strings.Contains(errOut, "read once") || !strings.Contains(errOut, tt.note) {
				t.Errorf("stderr %q, want a note %q", errOut, tt.note)
			}
			d := decodeDigest(t, out)
			askings := 0
			for _, e := range d.Entries {
				for _, o := range e.Occurrences {
					if strings.HasPrefix(o.Question, "微信分账接口") {
						askings++
						if len(o.Answers) != tt.q1Answers {
							t.Errorf("%s:%d: %d answers %v, want %d", o.Path, o.Line, len(o.Answers), o.Answers, tt.q1Answers)
						}
					}
					if o.Question == "网联的协议支付和快捷支付有什么区别？" && len(o.Answers) != 1 {
						t.Errorf("%s:%d: q2 answers %v, want 1", o.Path, o.Line, o.Answers)
					}
				}
			}
			if askings != 1 {
				t.Errorf("the question both files hold is asked %d times, want once", askings)
			}
			if len(d.Unanswered) != tt.wantUnanswered {
				t.Errorf("unanswered %v, want %d", d.Unanswered, tt.wantUnanswered)
			}
		})
	}
}

// TestDigestOverlapAcrossFormats checks that one WeChat group's day exported
// by two tools (WeFlow JSON and chatlog CSV, the same chat ID) is digested
// once: each question is one asking.
func TestDigestOverlapAcrossFormats(t *testing.T) {
	weflow := filepath.Join("..", "..", "testdata", "chatlog", "weflow", "group.json")
	csv := filepath.Join("..", "..", "testdata", "chatlog", "chatlog-csv", "20688888888@chatroom_2025-03-06_2025-03-07.csv")
	code, out, errOut := runCmd(t, "", "digest", "--format", "json", weflow, csv)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// WeFlow writes a voice message [语音消息], chatlog [语音]: one message.
	if want := "the 12 messages of 2025-03-06 are all in " + csv + ": read once"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	d := decodeDigest(t, out)
	for _, e := range d.Entries {
		if len(e.Occurrences) != 1 {
			t.Errorf("%q asked %d times, want once", e.Title, len(e.Occurrences))
		}
	}
}

// TestDigestQuoteAcrossFormats checks that a chatlog CSV quote the next day
// of a question in a WeFlow export of the same group (the same …@chatroom
// id) answers it.
func TestDigestQuoteAcrossFormats(t *testing.T) {
	weflow := filepath.Join("..", "..", "testdata", "chatlog", "weflow", "group.json")
	csv := filepath.Join(t.TempDir(), "week2.csv")
	writeFile(t, csv, "Time,SenderName,Sender,TalkerName,Talker,Content\n"+
		"2025-03-07 08:55:40,李雷-网联-架构-北京,wxid_ll,支付产品交流群,20688888888@chatroom,\"> 钱多多-聚合支付-产品-深圳(wxid_qdd02) 03-06 09:01:15\n"+
		"> 微信分账的接口，分账比例上限是多少？有没有踩过坑的？\n"+
		"服务商模式下也是30%，超过要走线下申请\"\n")
	d := digestJSON(t, "-q", weflow, csv)
	for _, e := range d.Entries {
		for _, o := range e.Occurrences {
			if !strings.HasPrefix(o.Question, "微信分账的接口") {
				continue
			}
			for _, a := range o.Answers {
				if strings.HasPrefix(a.Text, "服务商模式下也是30%") {
					return
				}
			}
			t.Fatalf("%s:%d: answers %v, want the next day's quoted reply among them", o.Path, o.Line, o.Answers)
		}
	}
	t.Fatalf("no entry for the question: %+v", d.Entries)
}
