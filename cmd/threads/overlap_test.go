package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// overlapRec is a Telegram message record of 2024-01-07 at clock at,
// from user-FROM, replying to message replyTo (0: none).
func overlapRec(id int, at, from, text string, replyTo int) string {
	r := fmt.Sprintf(`{"id": %d, "type": "message", "date": "2024-01-07T%s:00", "from": %q, "from_id": "user-%s", "text": %q`, id, at, from, from, text)
	if replyTo > 0 {
		r += fmt.Sprintf(`, "reply_to_message_id": %d`, replyTo)
	}
	return r + "}"
}

// TestDigestOverlappingExports checks that weekly exports overlapping by a
// day digest each message once: a day all of whose messages the other file
// holds is left out, whichever file holds more, and halves that each hold
// messages the other lacks are both read, an answer both list counted
// once.
func TestDigestOverlappingExports(t *testing.T) {
	q1 := overlapRec(1, "10:00", "Ann", "微信分账接口的分账比例上限是多少？", 0)
	a1 := overlapRec(2, "10:05", "Cid", "默认最高30%，可以找微信申请提高", 1)
	chat := overlapRec(3, "11:00", "Bob", "今天好冷", 0)
	q2 := overlapRec(4, "15:00", "Dan", "网联的协议支付和快捷支付有什么区别？", 0)
	a2 := overlapRec(5, "15:10", "Eve", "协议支付要先签约，之后扣款不用再验短信", 4)
	late := overlapRec(6, "16:00", "Fay", "补充一下，分账要在交易完成后180天内发起", 1)
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

// TestDigestOverlapCountsOnce checks that two exports of one chat that
// overlap partially (each holds messages the other lacks) count each
// message once: a question both hold is asked once, its answers counted
// once, an answer only the later export holds still answers it, and a
// message only one holds still counts; that the channels of a ZNC log
// folder are two chats; and that a message whose text differs is never
// taken as held.
func TestDigestOverlapCountsOnce(t *testing.T) {
	tg := func(recs ...string) string {
		return `{"name": "g", "type": "private_supergroup", "id": 7, "messages": [` + strings.Join(recs, ",\n") + `]}`
	}
	hi := overlapRec(1, "09:00", "Zed", "早上好", 0)
	q1 := overlapRec(2, "10:00", "Ann", "微信分账接口的分账比例上限是多少？", 0)
	a1 := overlapRec(3, "10:05", "Cid", "默认最高30%，可以找微信申请提高", 2)
	cold := overlapRec(4, "11:00", "Bob", "今天好冷", 0)
	q2 := overlapRec(5, "15:00", "Dan", "网联的协议支付和快捷支付有什么区别？", 0)
	a2 := overlapRec(6, "15:10", "Eve", "协议支付要先签约，之后扣款不用再验短信", 5)
	late := overlapRec(7, "16:00", "Fay", "补充一下，分账要在交易完成后180天内发起", 2)

	const csvHead = "Time,SenderName,Sender,TalkerName,Talker,Content\n"
	row := func(at, name, id, text string) string {
		return "2025-04-06 " + at + "," + name + "," + id + ",支付产品交流群,2066@chatroom," + text + "\n"
	}
	memo := func(at, name, text string) string { return "2025-04-06 " + at + " " + name + "\n" + text + "\n\n" }
	const (
		zs, zsText = "张三-收单-产品-上海", "请问银联二维码的商户入网，现在还需要做实名认证回访吗？"
		ls, lsText = "李四-清算-深圳", "@张三-收单-产品-上海 需要，而且回访记录要留存五年"
		ww, wwText = "王五-风控-北京", "有人知道跨境支付的外汇申报，单笔超过5万美元要走什么流程吗？"
		zl, zlText = "赵六-跨境-杭州", "超过5万美元要做国际收支申报，银行那边会要求提供贸易背景材料"
	)
	zsRow, lsRow := row("09:00:05", zs, "wxid_zs", zsText), row("09:02:11", ls, "wxid_ls", lsText)
	wwRow, zlRow := row("10:15:00", ww, "wxid_ww", wwText), row("10:20:30", zl, "wxid_zl", zlText)
	morning := row("08:00:00", "周八-产品-成都", "wxid_zb", "早上好")
	bfj := row("13:00:00", "孙七-财务-广州", "wxid_sq", "备付金对账每天几点出文件？") +
		row("13:05:00", ls, "wxid_ls", "@孙七-财务-广州 一般是T+1早上八点前")

	irc := func(sepa string) string {
		return "[09:00:01] *** Joins: alice (~a@host)\n" +
			"[09:00:10] <alice> anyone know if PSD2 SCA applies to merchant-initiated transactions?\n" +
			"[09:01:30] <bob> alice: no, MITs are out of scope, but the first one needs SCA when setting up the mandate\n" +
			"[09:02:00] <alice> bob: thanks, that clears it up\n" +
			"[09:30:00] <carol> is there a test IBAN for SEPA " + sepa + " in the sandbox?\n" +
			"[09:31:00] <dave> carol: DE89370400440532013000 works in most sandboxes\n"
	}

	type asked struct {
		askings, answers int
		groups           string // the askings' groups, in order; "" to leave unchecked
	}
	tests := []struct {
		name  string
		files map[string]string
		note  string           // a "read once" note expected, "" for none
		want  map[string]asked // by the start of the question
	}{
		{"question in both halves, Telegram", map[string]string{
			"week1.json": tg(hi, q1, a1, cold),
			"week2.json": tg(q1, a1, cold, q2, a2),
		}, "", map[string]asked{"微信分账接口": {1, 1, ""}, "网联的协议支付": {1, 1, ""}}},
		{"an answer only the later half holds", map[string]string{
			"week1.json": tg(hi, q1, a1),
			"week2.json": tg(q1, a1, late, q2, a2),
		}, "", map[string]asked{"微信分账接口": {1, 2, ""}, "网联的协议支付": {1, 1, ""}}},
		{"question in both halves, chatlog CSV", map[string]string{
			"week1.csv": csvHead + morning + zsRow + lsRow + wwRow + zlRow,
			"week2.csv": csvHead + zsRow + lsRow + wwRow + zlRow + bfj,
		}, "", map[string]asked{"请问银联二维码": {1, 1, ""}, "有人知道跨境支付": {1, 1, ""}, "备付金对账": {1, 1, ""}}},
		{"question in both halves, chatlog CSV and MemoTrace TXT", map[string]string{
			"chat.csv": csvHead + zsRow + lsRow + wwRow + zlRow + bfj,
			"支付产品交流群.txt": memo("09:00:05", zs, zsText) + memo("09:02:11", ls, lsText) + memo("10:15:00", ww, wwText) +
				memo("10:20:30", zl, zlText) + memo("12:00:00", "周八-产品-成都", "聚合支付的T0垫资，一般费率多少？") +
				memo("12:03:00", zl, "@周八-产品-成都 万三到万五吧"),
		}, "", map[string]asked{"请问银联二维码": {1, 1, ""}, "有人知道跨境支付": {1, 1, ""}, "备付金对账": {1, 1, ""}, "聚合支付的T0垫资": {1, 1, ""}}},
		// Before the channels had groups, #dev's day was dropped as held
		// by #payments', its differing question with it.
		{"two ZNC channels", map[string]string{
			"libera/#dev/2024-03-14.log":      irc("credit transfer"),
			"libera/#payments/2024-03-14.log": irc("direct debit"),
		}, "", map[string]asked{
			"anyone know if PSD2":                  {2, 2, "#dev #payments"},
			"is there a test IBAN for SEPA credit": {1, 1, "#dev"},
			"is there a test IBAN for SEPA direct": {1, 1, "#payments"},
		}},
		// One chat: week1's question reads otherwise in week2 at its time,
		// so week2 does not hold all of week1.
		{"a differing message", map[string]string{
			"week1.csv": csvHead + zsRow + lsRow + row("10:15:00", ww, "wxid_ww", "有人知道跨境支付的外汇申报，单笔超过5万美元要走什么流程吗？急") + zlRow,
			"week2.csv": csvHead + zsRow + lsRow + wwRow + zlRow + bfj,
		}, "", map[string]asked{"请问银联二维码": {1, 1, ""}, "有人知道跨境支付": {2, 2, ""}, "备付金对账": {1, 1, ""}}},
		{"a day the other holds", map[string]string{
			"week1.csv": csvHead + zsRow + lsRow + wwRow + zlRow,
			"week2.csv": csvHead + zsRow + lsRow + wwRow + zlRow + bfj,
		}, "the 4 messages of 2025-04-06 are all in", map[string]asked{"请问银联二维码": {1, 1, ""}, "有人知道跨境支付": {1, 1, ""}, "备付金对账": {1, 1, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tt.files {
				writeFile(t, filepath.Join(dir, name), data)
			}
			code, out, errOut := runCmd(t, "", "digest", "--format", "json", dir)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if tt.note == "" && strings.Contains(errOut, "read once") || !strings.Contains(errOut, tt.note) {
				t.Errorf("stderr %q, want a note %q", errOut, tt.note)
			}
			got := make(map[string]asked)
			for _, e := range decodeDigest(t, out).Entries {
				for _, o := range e.Occurrences {
					for start := range tt.want {
						if strings.HasPrefix(o.Question, start) {
							a := got[start]
							a.askings++
							a.answers += len(o.Answers)
							a.groups = strings.TrimSpace(a.groups + " " + o.Group)
							got[start] = a
						}
					}
				}
			}
			for start, want := range tt.want {
				g := got[start]
				if want.groups == "" {
					g.groups = ""
				}
				if g != want {
					t.Errorf("%s…: asked %d times, %d answers, groups %q; want %d, %d, %q", start, g.askings, g.answers, g.groups, want.askings, want.answers, want.groups)
				}
			}
		})
	}
}
