package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// multiDay writes a MemoTrace TXT export of the given number of messages
// per day, from 2025-03-01 on, and returns its path and the line of every
// message header.
func multiDay(t *testing.T, perDay []int) (string, []int) {
	t.Helper()
	var b strings.Builder
	var lines []int
	line := 1
	for d, n := range perDay {
		for i := range n {
			lines = append(lines, line)
			fmt.Fprintf(&b, "2025-03-%02d 10:%02d:00 用户%d\n请问第%d天的第%d个问题是什么？\n\n", d+1, i, i%3, d+1, i)
			line += 3
		}
	}
	path := filepath.Join(t.TempDir(), "group.txt")
	writeFile(t, path, b.String())
	return path, lines
}

// TestExtractSplitsDays checks that a multi-day input gives one JSON object
// per calendar day, with the day's date, its messages numbered from 0 and
// their source lines, every message of the file in exactly one day.
func TestExtractSplitsDays(t *testing.T) {
	perDay := []int{4, 7, 2}
	path, lines := multiDay(t, perDay)
	code, out, errOut := runCmd(t, "", "extract", "--format", "json", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var days []contractDay
	if err := json.Unmarshal([]byte(out), &days); err != nil {
		t.Fatalf("want an array of day objects: %v", err)
	}
	if len(days) != len(perDay) {
		t.Fatalf("got %d day objects, want %d", len(days), len(perDay))
	}
	k, total := 0, 0
	for d, day := range days {
		if want := fmt.Sprintf("2025-03-%02d", d+1); day.Source.Date != want || day.Source.Format != "memotrace-txt" {
			t.Errorf("day %d: source date, format = %q, %q; want %q, memotrace-txt", d, day.Source.Date, day.Source.Format, want)
		}
		if len(day.Messages) != perDay[d] {
			t.Errorf("day %d: %d messages, want %d", d, len(day.Messages), perDay[d])
		}
		inThreads := 0
		for _, th := range day.Threads {
			inThreads += len(th.Messages)
		}
		if inThreads != len(day.Messages) {
			t.Errorf("day %d: %d messages in threads, want %d", d, inThreads, len(day.Messages))
		}
		for i, m := range day.Messages {
			if m.Index != i || m.Line != lines[k] {
				t.Errorf("day %d message %d: index, line = %d, %d; want %d, %d", d, i, m.Index, m.Line, i, lines[k])
			}
			k++
		}
		total += len(day.Messages)
	}
	if total != len(lines) {
		t.Errorf("%d messages in the days, %d in the file", total, len(lines))
	}

	// Link lines number the messages in the file.
	code, out, errOut = runCmd(t, "", "extract", "--format", "links", path)
	if code != exitOK {
		t.Fatalf("links: exit %d: %s", code, errOut)
	}
	links := strings.Split(strings.TrimSpace(out), "\n")
	if len(links) != len(lines) || !strings.HasSuffix(links[len(links)-1], fmt.Sprintf(" %d -", len(lines)-1)) {
		t.Errorf("links: %d lines ending %q, want %d ending with message %d", len(links), links[len(links)-1], len(lines), len(lines)-1)
	}
	for i, l := range links[perDay[0]:] {
		var x, y int
		if _, err := fmt.Sscanf(l, "%d %d -", &x, &y); err != nil || y != perDay[0]+i || x < perDay[0] {
			t.Errorf("links line %q: want a link of message %d within its day", l, perDay[0]+i)
		}
	}
}

// TestExtractDayOrder checks that only a later date cuts: a message dated
// before the day being collected stays in it, in file order, and messages
// without a date never cut.
func TestExtractDayOrder(t *testing.T) {
	input := "" +
		"2025-03-01 10:00:00 甲\n一\n\n" +
		"2025-03-02 09:00:00 乙\n二\n\n" +
		"2025-03-01 23:59:00 丙\n迟到的一条\n\n" +
		"2025-03-02 09:05:00 甲\n三\n\n" +
		"2025-03-03 08:00:00 乙\n四\n\n"
	path := filepath.Join(t.TempDir(), "g.txt")
	writeFile(t, path, input)
	code, out, errOut := runCmd(t, "", "extract", "--format", "json", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var days []contractDay
	if err := json.Unmarshal([]byte(out), &days); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range days {
		got = append(got, fmt.Sprintf("%s:%d", d.Source.Date, len(d.Messages)))
	}
	if want := "2025-03-01:1 2025-03-02:3 2025-03-03:1"; strings.Join(got, " ") != want {
		t.Errorf("days %q, want %q", strings.Join(got, " "), want)
	}

	// chatlog text without a date in the header or file name: one log.
	undated := "张三(wxid_a) 10:00:00\n一\n\n李四(wxid_b) 09:00:00\n二\n\n"
	code, out, errOut = runCmd(t, undated, "extract", "--format", "json", "-")
	if code != exitOK {
		t.Fatalf("undated: exit %d: %s", code, errOut)
	}
	var one contractDay
	if err := json.Unmarshal([]byte(out), &one); err != nil || len(one.Messages) != 2 || one.Source.Date != "" {
		t.Errorf("undated input: want one object of 2 messages without a date, got %d (%v)", len(one.Messages), err)
	}
}

// TestExtractDaysBeforeError checks that the days of an input read before
// a parse error are written, and the error reported.
func TestExtractDaysBeforeError(t *testing.T) {
	input := "" +
		"2025-03-01 10:00:00 甲\n一\n\n" +
		"2025-03-02 09:00:00 乙\n二\n\n" +
		"2025-03-02 09:01:00 甲\n三\n\n" +
		"2025-03-03 25:00:00 丙\n四\n\n"
	path := filepath.Join(t.TempDir(), "g.txt")
	writeFile(t, path, input)
	code, out, errOut := runCmd(t, "", "extract", "--format", "json", path)
	if code != exitFailure || !strings.Contains(errOut, "g.txt:10:") {
		t.Errorf("exit %d, stderr %q; want %d and an error at line 10", code, errOut, exitFailure)
	}
	var day contractDay
	if err := json.Unmarshal([]byte(out), &day); err != nil || day.Source.Date != "2025-03-01" {
		t.Errorf("want the first day written before the error, got %q (%v)", out, err)
	}
}

// TestExtractCutJSON checks that a Telegram, Discord or ChatLab JSON
// export cut short inside its messages array (a download interrupted, a
// disk full) has extract and digest read the complete days before the
// day the cut is in, as they read a cut WeFlow export, and fail with the
// file's path and the line it ends on; they read nothing of such a file.
// Each export holds two messages a day over three days; the cut is inside
// a message's text, in a multi-byte character.
func TestExtractCutJSON(t *testing.T) {
	texts := []string{"支付牌照怎么申请？", "找人行当地分行，材料很多", "跨境收款哪家费率低？", "PingPong 和万里汇都可以", "备付金要集中存管吗？", "要的，全部交存央行"}
	names := []string{"李雷", "韩梅梅"}
	cst := time.FixedZone("", 8*3600)
	formats := []struct {
		name, head, tail string
		rec              func(i int, at time.Time) string // record i, sent at
	}{
		{"weflow", `{"weflow": {"version": "4.3.0"}, "session": {"accountId": "1@chatroom", "nickname": "支付群", "type": "群聊"}, "messages": [`, "]}\n",
			func(i int, at time.Time) string {
				return fmt.Sprintf(`{"localId": %d, "createTime": %d, "type": "文本消息", "localType": 1, "content": %q, "isSend": 0, "senderUsername": "wxid_%d", "senderDisplayName": %q}`,
					i+1, at.Unix(), texts[i], i%2, names[i%2])
			}},
		{"telegram", `{"name": "支付群", "type": "private_supergroup", "id": 1, "messages": [`, "]}\n",
			func(i int, at time.Time) string {
				return fmt.Sprintf(`{"id": %d, "type": "message", "date": %q, "date_unixtime": "%d", "from": %q, "from_id": "user%d", "text": %q}`,
					i+1, at.Format("2006-01-02T15:04:05"), at.Unix(), names[i%2], i%2, texts[i])
			}},
		{"discord", `{"guild": {"id": "1", "name": "支付"}, "channel": {"id": "2", "name": "问答"}, "messages": [`, "], \"messageCount\": 6}\n",
			func(i int, at time.Time) string {
				return fmt.Sprintf(`{"id": "%d", "type": "Default", "timestamp": %q, "content": %q, "author": {"id": "%d", "name": %q}}`,
					100+i, at.Format(time.RFC3339), texts[i], i%2, names[i%2])
			}},
		{"chatlab", `{"chatlab": {"version": "0.0.2"}, "meta": {"name": "支付群", "platform": "wechat", "type": "group"}, "messages": [`, "]}\n",
			func(i int, at time.Time) string {
				return fmt.Sprintf(`{"sender": "wxid_%d", "accountName": %q, "timestamp": %d, "type": 0, "content": %q}`, i%2, names[i%2], at.Unix(), texts[i])
			}},
	}
	cuts := []struct {
		name string
		in   int    // the message the file is cut inside, -1 for none
		days string // the dates of the days written
	}{
		{"whole", -1, "2024-03-04 2024-03-05 2024-03-06"},
		{"inside the third day's second message", 5, "2024-03-04 2024-03-05"},
		{"inside the third day's first message", 4, "2024-03-04"},
		{"inside the second day's first message", 2, ""},
	}
	for _, f := range formats {
		var recs []string
		for i := range texts {
			recs = append(recs, f.rec(i, time.Date(2024, 3, 4+i/2, 10, 30*(i%2), 0, 0, cst)))
		}
		whole := f.head + "\n" + strings.Join(recs, ",\n") + "\n" + f.tail
		for _, c := range cuts {
			t.Run(f.name+"/"+c.name, func(t *testing.T) {
				data, code := whole, exitOK
				if c.in >= 0 {
					at := strings.Index(whole, texts[c.in])
					data, code = whole[:at+1], exitFailure // inside the text's first character
				}
				path := filepath.Join(t.TempDir(), "export.json")
				writeFile(t, path, data)
				wantErr := fmt.Sprintf("threads: %s:%d: ", path, strings.Count(data, "\n")+1)
				check := func(cmd string, gotCode int, errOut string) {
					t.Helper()
					if gotCode != code || code == exitFailure && (!strings.Contains(errOut, wantErr) || !strings.Contains(errOut, "the file is cut short")) {
						t.Errorf("%s: exit %d, stderr %q; want %d and %q…the file is cut short", cmd, gotCode, errOut, code, wantErr)
					}
				}

				gotCode, out, errOut := runCmd(t, "", "extract", "--input-format", f.name, "--format", "json", path)
				check("extract", gotCode, errOut)
				var days []contractDay
				switch {
				case strings.HasPrefix(out, "["):
					if err := json.Unmarshal([]byte(out), &days); err != nil {
						t.Fatal(err)
					}
				case out != "":
					var one contractDay
					if err := json.Unmarshal([]byte(out), &one); err != nil {
						t.Fatal(err)
					}
					days = append(days, one)
				}
				var dates []string
				for _, d := range days {
					dates = append(dates, d.Source.Date)
					if len(d.Messages) != 2 {
						t.Errorf("extract: day %s of %d messages, want 2", d.Source.Date, len(d.Messages))
					}
				}
				if got := strings.Join(dates, " "); got != c.days {
					t.Errorf("extract: days %q, want %q", got, c.days)
				}

				gotCode, out, errOut = runCmd(t, "", "digest", "--input-format", f.name, "--format", "json", path)
				check("digest", gotCode, errOut)
				var d digestEntries // nothing is written when no day was read
				if err := json.Unmarshal([]byte(out), &d); out != "" && err != nil {
					t.Fatalf("digest: %v\n%s", err, out)
				}
				seen := map[string]bool{}
				for _, e := range d.Entries {
					for _, o := range e.Occurrences {
						seen[o.Date] = true
					}
				}
				for _, u := range d.Unanswered {
					seen[u.Date] = true
				}
				dates = slices.Sorted(maps.Keys(seen))
				if got := strings.Join(dates, " "); got != c.days {
					t.Errorf("digest: the questions' days %q, want %q", got, c.days)
				}
			})
		}
	}
}

// TestExtractCocolianPastMidnight checks that a cocolian day archive whose
// chat runs on past midnight stays one day, its front-matter date, with the
// late reply in the question's thread.
func TestExtractCocolianPastMidnight(t *testing.T) {
	path := filepath.Join(t.TempDir(), "2018-05-04-chat.markdown")
	writeFile(t, path, "---\ntitle: 2018-05-04-WeChat\ndate: 2018-05-04\n---\n"+
		"> 23:58:00  甲  \n   \n@乙 备付金集中存管之后还有利息吗？  \n   \n"+
		"> 00:01:00  乙  \n   \n@甲 没有了，全部交存央行  \n")
	code, out, errOut := runCmd(t, "", "extract", "--format", "json", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var day contractDay
	if err := json.Unmarshal([]byte(out), &day); err != nil {
		t.Fatalf("want one day object: %v\n%s", err, out)
	}
	if day.Source.Date != "2018-05-04" || len(day.Messages) != 2 {
		t.Fatalf("date %q, %d messages; want 2018-05-04, 2", day.Source.Date, len(day.Messages))
	}
	if r := day.Messages[1].ReplyTo; r == nil || *r != 0 {
		t.Errorf("the reply after midnight links to %v, want message 0", r)
	}
}

// TestExtractRepliesPastMidnight checks that a day runs on past midnight
// for the explicit replies to it, with the messages between, until the
// first pause of an hour, and that a reply that comes later loses its link
// rather than a day its date.
func TestExtractRepliesPastMidnight(t *testing.T) {
	type msg struct {
		id, reply int // reply 0: none
		time      string
	}
	tests := []struct {
		name string
		msgs []msg
		want string // date:messages of each day
	}{
		{"reply after midnight stays", []msg{{1, 0, "01-10T23:50"}, {2, 0, "01-10T23:52"}, {3, 1, "01-11T00:10"}}, "2024-01-10:3"},
		{"the messages before the reply stay, those after it do not", []msg{{1, 0, "01-10T23:50"}, {2, 0, "01-11T00:05"}, {3, 1, "01-11T00:10"}, {4, 0, "01-11T00:20"}}, "2024-01-10:3 2024-01-11:1"},
		{"new talk after midnight", []msg{{1, 0, "01-10T23:50"}, {2, 0, "01-11T00:05"}, {3, 0, "01-11T00:10"}}, "2024-01-10:1 2024-01-11:2"},
		{"a pause of an hour ends the day", []msg{{1, 0, "01-10T23:50"}, {2, 0, "01-11T00:05"}, {3, 0, "01-11T01:05"}, {4, 1, "01-11T01:10"}}, "2024-01-10:1 2024-01-11:3"},
		{"a pause before the first", []msg{{1, 0, "01-10T22:50"}, {2, 1, "01-11T00:10"}}, "2024-01-10:1 2024-01-11:1"},
		{"a later date ends the wait", []msg{{1, 0, "01-10T23:50"}, {2, 0, "01-11T23:59"}, {3, 0, "01-12T00:01"}, {4, 1, "01-12T00:02"}}, "2024-01-10:1 2024-01-11:1 2024-01-12:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var recs []string
			for _, m := range tt.msgs {
				reply := ""
				if m.reply > 0 {
					reply = fmt.Sprintf(`, "reply_to_message_id": %d`, m.reply)
				}
				recs = append(recs, fmt.Sprintf(`{"id": %d, "type": "message", "date": "2024-%s:00", "from": "u%d", "from_id": "user%d", "text": "message %d"%s}`, m.id, m.time, m.id, m.id, m.id, reply))
			}
			days := extractDays(t, telegramExport(t, recs))
			got := dayCounts(days)
			if tt.want == "2024-01-10:3" {
				if r := days[0].Messages[2].ReplyTo; r == nil || *r != 0 {
					t.Errorf("the reply after midnight links to %v, want message 0", r)
				}
			}
			if got != tt.want {
				t.Errorf("days %q, want %q", got, tt.want)
			}
		})
	}
}

// TestExtractMentionsPastMidnight checks that a WeChat export's day (no
// reply ids) runs on past midnight for an @mention or a quote of someone
// who spoke in the day's last half hour, with the messages between,
// unless they spoke again after midnight; a mention after that half hour,
// or a message naming nobody, starts the next day.
func TestExtractMentionsPastMidnight(t *testing.T) {
	type msg struct {
		sender, text, time string
		quotes             bool // quotes the question asked at 23:50
	}
	asked := msg{"王五-风控-北京", "求推荐一家做跨境收款的持牌机构？", "04-01 23:50", false}
	for _, tt := range []struct {
		name string
		msgs []msg
		want string // date:messages of each day
	}{
		{"an @mention at 00:01", []msg{asked, {"李四", "今天好冷", "04-02 00:00", false}, {"赵六", "@王五-风控-北京 可以看看连连和PingPong", "04-02 00:01", false}}, "2025-04-01:3"},
		{"a quote at 00:05", []msg{asked, {"赵六", "可以看看连连", "04-02 00:05", true}}, "2025-04-01:2"},
		{"a quote after the asker spoke again", []msg{asked, {"王五-风控-北京", "有人吗", "04-02 00:10", false}, {"赵六", "可以看看连连", "04-02 00:20", true}}, "2025-04-01:1 2025-04-02:2"},
		{"past half an hour", []msg{asked, {"赵六", "@王五-风控-北京 可以看看连连和PingPong", "04-02 00:21", false}}, "2025-04-01:1 2025-04-02:1"},
		{"the asker spoke after midnight", []msg{asked, {"王五-风控-北京", "有人吗", "04-02 00:00", false}, {"赵六", "@王五-风控-北京 可以看看连连", "04-02 00:01", false}}, "2025-04-01:1 2025-04-02:2"},
		{"naming nobody", []msg{asked, {"赵六", "可以看看连连和PingPong", "04-02 00:01", false}}, "2025-04-01:1 2025-04-02:1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var recs []string
			for k, m := range tt.msgs {
				at, err := time.ParseInLocation("2006-01-02 15:04", "2025-"+m.time, time.FixedZone("CST", 8*3600))
				if err != nil {
					t.Fatal(err)
				}
				quote := ""
				if m.quotes {
					quote = fmt.Sprintf(`, "quotedContent": %q, "quotedSender": %q`, asked.text, asked.sender)
				}
				recs = append(recs, fmt.Sprintf(`{"localId": %d, "createTime": %d, "type": "文本消息", "localType": 1, "content": %q, "senderUsername": "wxid_%d", "senderDisplayName": %q, "platformMessageId": ""%s}`,
					k+1, at.Unix(), m.text, k, m.sender, quote))
			}
			path := filepath.Join(t.TempDir(), "weflow.json")
			writeFile(t, path, `{"weflow": {"version": "4.3.0", "generator": "WeFlow"}, "session": {"accountId": "1@chatroom", "nickname": "g", "type": "群聊"}, "messages": [`+strings.Join(recs, ",\n")+`]}`)
			if got := dayCounts(extractDays(t, path)); got != tt.want {
				t.Errorf("days %q, want %q", got, tt.want)
			}
		})
	}
}

// TestExtractRepliesCarryOneNight checks that replies carry a day over its
// own midnight only: a chain of replies to one question, 50 minutes apart
// over three days, keeps the day after the question's in its day and
// starts the third day on its own.
func TestExtractRepliesCarryOneNight(t *testing.T) {
	start := time.Date(2024, 1, 10, 23, 30, 0, 0, time.UTC)
	var recs []string
	for k := range 60 {
		reply := ""
		if k > 0 {
			reply = `, "reply_to_message_id": 1`
		}
		at := start.Add(time.Duration(k) * 50 * time.Minute)
		recs = append(recs, fmt.Sprintf(`{"id": %d, "type": "message", "date": "%s", "from": "u%d", "from_id": "user%d", "text": "message %d"%s}`, k+1, at.Format("2006-01-02T15:04:05"), k%3, k%3, k+1, reply))
	}
	got := dayCounts(extractDays(t, telegramExport(t, recs)))
	// 23:30 and the 29 messages of 01-11 (to 23:40); 01-12 from 00:30.
	if want := "2024-01-10:30 2024-01-12:29 2024-01-13:1"; got != want {
		t.Errorf("days %q, want %q", got, want)
	}
}

// TestExtractRepliesAcrossDays checks that an explicit reply to a message
// of an earlier day, which its day threads alone, keeps the link as
// reply_to_earlier, and that the FAQ of its day lists an answer from
// someone else under the question it answers; the asker's own reply, a
// thanks and a reply to a message that asked nothing answer nothing.
func TestExtractRepliesAcrossDays(t *testing.T) {
	recs := []string{
		`{"id": 1, "type": "message", "date": "2024-01-10T22:50:00", "from": "Ann", "from_id": "user1", "text": "How do I rotate the API key without downtime?"}`,
		`{"id": 2, "type": "message", "date": "2024-01-10T22:55:00", "from": "Bob", "from_id": "user2", "text": "The release went out today."}`,
		`{"id": 3, "type": "message", "date": "2024-01-11T08:10:00", "from": "Cid", "from_id": "user3", "text": "Create the new key first, deploy it, then revoke the old one.", "reply_to_message_id": 1}`,
		`{"id": 4, "type": "message", "date": "2024-01-11T08:12:00", "from": "Ann", "from_id": "user1", "text": "Also the webhook secret?", "reply_to_message_id": 1}`,
		`{"id": 5, "type": "message", "date": "2024-01-11T08:13:00", "from": "Dee", "from_id": "user4", "text": "Thanks!", "reply_to_message_id": 1}`,
		`{"id": 6, "type": "message", "date": "2024-01-11T08:20:00", "from": "Eve", "from_id": "user5", "text": "Nice, the new search is fast.", "reply_to_message_id": 2}`,
		`{"id": 7, "type": "message", "date": "2024-01-11T08:21:00", "from": "Cid", "from_id": "user3", "text": "Glad it works.", "reply_to_message_id": 6}`,
	}
	path := telegramExport(t, recs)
	days := extractDays(t, path)
	if got := dayCounts(days); got != "2024-01-10:2 2024-01-11:5" {
		t.Fatalf("days %q", got)
	}
	want := []string{"2024-01-10 0 line 1 answers true", "2024-01-10 0 line 1 answers false", "2024-01-10 0 line 1 answers false", "2024-01-10 1 line 2 answers false", "none"}
	for i, m := range days[1].Messages {
		got := "none"
		if e := m.Earlier; e != nil {
			got = fmt.Sprintf("%s %d line %d answers %v", e.Date, e.Index, e.Line, e.Answers)
		}
		if got != want[i] {
			t.Errorf("message %d of the second day: reply_to_earlier %s, want %s", i, got, want[i])
		}
	}
	for _, m := range days[0].Messages {
		if m.Earlier != nil {
			t.Errorf("a message of the first day links to an earlier one: %+v", m.Earlier)
		}
	}
	code, out, errOut := runCmd(t, "", "extract", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	section := "## Answers to earlier questions (1)\n\n### How do I rotate the API key without downtime?\n\n" +
		"Asked by **Ann** on 2024-01-10 at 22:50:00 (line 1)\n\n> How do I rotate the API key without downtime?\n\n" +
		"- **Cid** (08:10:00): Create the new key first, deploy it, then revoke the old one.\n\n" +
		"## Unanswered questions (1)\n\n- **Ann** at 08:12:00 (line 4, thread t2): Also the webhook secret?\n\n## Other threads (3)"
	if !strings.Contains(out, section) {
		t.Errorf("the FAQ lacks the answer to the earlier question:\n%s", out)
	}
	if strings.Count(out, "Answers to earlier questions") != 1 {
		t.Errorf("the section should appear once, in the second day:\n%s", out)
	}
}

// TestRepliesAcrossDaysStayInTheirChat checks that in a Telegram
// all-chats export two chats of the same name, whose message IDs overlap,
// are never linked: a reply in the second to an ID only the first holds is
// a reply to nothing here.
func TestRepliesAcrossDaysStayInTheirChat(t *testing.T) {
	chat := func(id int, recs ...string) string {
		return fmt.Sprintf(`{"name": "Support", "type": "public_supergroup", "id": %d, "messages": [%s]}`, id, strings.Join(recs, ",\n"))
	}
	path := filepath.Join(t.TempDir(), "result.json")
	writeFile(t, path, telegramAll(
		chat(100, `{"id": 1, "type": "message", "date": "2024-01-10T10:00:00", "from": "Ann", "from_id": "user1", "text": "How do I rotate the API key without downtime?"}`),
		chat(200, `{"id": 7, "type": "message", "date": "2024-01-11T09:00:00", "from": "Bob", "from_id": "user2", "text": "Create the new key first, then revoke the old one.", "reply_to_message_id": 1}`),
	))
	for _, d := range extractDays(t, path) {
		for _, m := range d.Messages {
			if m.Earlier != nil {
				t.Errorf("%s message %d links to %+v, a message of another chat", d.Source.Date, m.Index, *m.Earlier)
			}
		}
	}
}

// telegramExport writes a Telegram Desktop result.json holding the message
// records recs and returns its path.
func telegramExport(t *testing.T, recs []string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "result.json")
	writeFile(t, path, `{"name": "g", "type": "private_supergroup", "id": 1, "messages": [`+strings.Join(recs, ",\n")+`]}`)
	return path
}

// extractDays runs extract --format json on path, which must succeed, and
// returns its day objects: the one object of a one-day input, or the
// array's.
func extractDays(t *testing.T, path string) []contractDay {
	t.Helper()
	code, out, errOut := runCmd(t, "", "extract", "--format", "json", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "[") {
		var one contractDay
		if err := json.Unmarshal([]byte(out), &one); err != nil {
			t.Fatal(err)
		}
		return []contractDay{one}
	}
	var days []contractDay
	if err := json.Unmarshal([]byte(out), &days); err != nil {
		t.Fatal(err)
	}
	return days
}

// dayCounts describes days as "date:messages", space-separated.
func dayCounts(days []contractDay) string {
	var got []string
	for _, d := range days {
		got = append(got, fmt.Sprintf("%s:%d", d.Source.Date, len(d.Messages)))
	}
	return strings.Join(got, " ")
}
