package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// tgRecord is a Telegram message record of one chat export, sent by from
// at 10:mm UTC on 4 March 2024, with text and any more fields (JSON members).
func tgRecord(id, mm int, from, text, more string) string {
	rec := fmt.Sprintf(`{"id": %d, "type": "message", "date": "2024-03-04T10:%02d:00", "date_unixtime": "%d", "from": %q, "from_id": "user%s", "text": %q`,
		id, mm, 1709546400+60*mm, from, from, text)
	if more != "" {
		rec += ", " + more
	}
	return rec + "}"
}

// dcExport is a DiscordChatExporter JSON export of one channel with the
// message records recs.
func dcExport(recs ...string) string {
	return `{"guild": {"id": "8", "name": "G"}, "channel": {"id": "9", "name": "help"}, "messages": [` + strings.Join(recs, ",\n") + `]}`
}

// dcRecord is a Discord message record by author at 10:mm on 4 March 2024,
// with content and any more fields (JSON members).
func dcRecord(id, mm int, author, content, more string) string {
	rec := fmt.Sprintf(`{"id": "%d", "type": "Default", "timestamp": "2024-03-04T10:%02d:00+00:00", "content": %q, "author": {"id": %q, "name": %q}`,
		id, mm, content, author, author)
	if more != "" {
		rec += ", " + more
	}
	return rec + "}"
}

// TestStickersAreReactions checks that a sticker after an answer is a
// reaction, as a WeChat sticker code is: in the question's thread, and
// no answer (README: thanks, stickers and welcomes never answer).
func TestStickersAreReactions(t *testing.T) {
	const (
		q = "有没有银联云闪付 SDK 的接入文档？"
		a = "在银联开放平台 open.unionpay.com 的商户接入那里"
	)
	tests := []struct {
		name, file, data string
	}{
		{"telegram sticker with its emoji", "result.json", telegramChat(
			tgRecord(101, 0, "Sunny", q, ""),
			tgRecord(102, 1, "Bob", a, ""),
			tgRecord(103, 3, "Iris", "", `"file": "stickers/sticker (3).webp", "file_name": "sticker.webp", "media_type": "sticker", "sticker_emoji": "👍"`))},
		{"telegram sticker without an emoji", "result.json", telegramChat(
			tgRecord(101, 0, "Sunny", q, ""),
			tgRecord(102, 1, "Bob", a, ""),
			tgRecord(103, 3, "Iris", "", `"file": "(File not included. Change data exporting settings to download.)", "media_type": "sticker"`))},
		{"discord sticker", "help.json", dcExport(
			dcRecord(1, 0, "sunny", q, ""),
			dcRecord(2, 1, "bob", a, ""),
			dcRecord(3, 3, "iris", "", `"stickers": [{"id": "7", "name": "thumbs up", "format": "Png", "sourceUrl": "https://media.discordapp.net/stickers/7.png"}]`))},
		{"whatsapp sticker omitted (iOS)", "_chat.txt",
			"[04/03/2024, 10:00:00] Sunny: " + q + "\n[04/03/2024, 10:01:00] Bob: " + a + "\n[04/03/2024, 10:03:00] Iris: \u200esticker omitted\n"},
		{"whatsapp sticker attached (Android)", "chat.txt",
			"04/03/2024, 10:00 - Sunny: " + q + "\n04/03/2024, 10:01 - Bob: " + a + "\n04/03/2024, 10:03 - Iris: STK-20240304-WA0001.webp (file attached)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			writeFile(t, path, tt.data)
			days := extractDays(t, path)
			if len(days) != 1 || len(days[0].Messages) != 3 {
				t.Fatalf("want one day of 3 messages, got %s", dayCounts(days))
			}
			msgs := days[0].Messages
			if msgs[0].Role != "question" || msgs[1].Role != "answer" {
				t.Errorf("roles %q, %q: want the question and its answer", msgs[0].Role, msgs[1].Role)
			}
			if msgs[2].Role != "" || msgs[2].Thread != msgs[0].Thread {
				t.Errorf("sticker: role %q in thread %s: want no role, in the question's thread %s", msgs[2].Role, msgs[2].Thread, msgs[0].Thread)
			}
		})
	}
}

// telegramChat is a Telegram single-chat export with the records recs.
func telegramChat(recs ...string) string {
	return `{"name": "测试群", "type": "private_supergroup", "id": 1, "messages": [` + strings.Join(recs, ",\n") + `]}`
}

// TestForwardsAreShared checks that a forwarded post whose headline asks
// something is shared news, as a shared article is: no question of the
// forwarder's, and the comment after it answers nothing; and that a
// relayed question a reply takes up is a question, and the reply its
// answer.
func TestForwardsAreShared(t *testing.T) {
	const (
		headline = "你的支付系统准备好应对 PSD3 了吗？一文读懂欧盟新规"
		comment  = "PSD3 主要是强化 SCA 和开放银行"
		relayed  = "有朋友问：跨境收款 PingPong 和 万里汇 哪个费率低？"
		answer   = "万里汇提现 0.3% 封顶，PingPong 1% 起，不过可以谈"
	)
	tests := []struct {
		name, file, data string
		roles            string // the messages' roles, "-" for none
		kind             string
	}{
		{"telegram, forwarded from a channel", "result.json", telegramChat(
			tgRecord(101, 0, "Tina", headline, `"forwarded_from": "支付产业观察"`),
			tgRecord(102, 2, "Lei", comment, "")), "- -", "news"},
		{"telegram, forwarded from a hidden account", "result.json", telegramChat(
			tgRecord(101, 0, "Tina", headline, `"forwarded_from": null`),
			tgRecord(102, 2, "Lei", comment, "")), "- -", "news"},
		{"telegram, a channel's post replied to", "result.json", telegramChat(
			tgRecord(101, 0, "Tina", headline, `"forwarded_from": "支付产业观察", "forwarded_from_id": "channel1500000000"`),
			tgRecord(102, 2, "Lei", comment, `"reply_to_message_id": 101`)), "- -", "news"},
		{"telegram, a relayed question replied to", "result.json", telegramChat(
			tgRecord(101, 0, "Tina", relayed, `"forwarded_from": "跨境支付交流群"`),
			tgRecord(102, 1, "Mei", answer, `"reply_to_message_id": 101`)), "question answer", "qa"},
		{"discord forward", "help.json", dcExport(
			dcRecord(1, 0, "tina", "", `"reference": {"type": "Forward", "messageId": "77", "channelId": "5", "guildId": "8"},
			  "forwardedMessage": {"timestamp": "2024-03-04T09:00:00+00:00", "content": "`+headline+`", "attachments": [], "embeds": [], "stickers": []}`),
			dcRecord(2, 2, "lei", comment, "")), "- -", "news"},
		{"discord, a relayed question replied to", "help.json", dcExport(
			dcRecord(1, 0, "tina", "", `"reference": {"type": "Forward", "messageId": "77", "channelId": "5", "guildId": "8"},
			  "forwardedMessage": {"timestamp": "2024-03-04T09:00:00+00:00", "content": "`+relayed+`", "attachments": [], "embeds": [], "stickers": []}`),
			dcRecord(2, 1, "mei", answer, `"type": "Reply", "reference": {"messageId": "1", "channelId": "9", "guildId": "8"}`)), "question answer", "qa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			writeFile(t, path, tt.data)
			days := extractDays(t, path)
			if len(days) != 1 || len(days[0].Messages) != 2 || len(days[0].Threads) != 1 {
				t.Fatalf("want one day of 2 messages in one thread, got %s, %d threads", dayCounts(days), len(days[0].Threads))
			}
			var roles []string
			for _, m := range days[0].Messages {
				roles = append(roles, cmp.Or(m.Role, "-"))
			}
			if got := strings.Join(roles, " "); got != tt.roles {
				t.Errorf("roles %q, want %q", got, tt.roles)
			}
			if k := days[0].Threads[0].Kind; k != tt.kind {
				t.Errorf("thread kind %q, want %q", k, tt.kind)
			}
		})
	}
}

// telegramAll is a Telegram all-chats export (Export Telegram data) with
// the chats chats, each the object of a single-chat export.
func telegramAll(chats ...string) string {
	return `{"about": "Here is the data you requested.", "personal_information": {"user_id": 1, "first_name": "Tina"},
 "chats": {"about": "This page lists all chats from this export.", "list": [` + strings.Join(chats, ",\n") + `]}}`
}

// TestTelegramAllChats checks that a Telegram all-chats export, detected or
// named, from a file or stdin, is read chat by chat, each chat cut into its
// days as its own export is, link lines numbering the messages of the file
// on from chat to chat; and that one without any chat's messages says what
// to do.
func TestTelegramAllChats(t *testing.T) {
	chat := func(name string, id int, recs ...string) string {
		return fmt.Sprintf(`{"name": %q, "type": "private_supergroup", "id": %d, "messages": [%s]}`, name, id, strings.Join(recs, ",\n"))
	}
	export := telegramAll(
		chat("支付群", 10, tgRecord(1, 0, "Sunny", "有没有银联云闪付 SDK 的接入文档？", ""), tgRecord(2, 1, "Bob", "在银联开放平台的商户接入那里", "")),
		chat("Empty", 11),
		chat("Go 开发", 12, tgRecord(1, 5, "Lei", "gRPC 的 deadline 怎么往下游传？", "")))
	tests := []struct {
		name, stdin string
		args        []string // the file is appended unless stdin is used
		code        int
		want        string // the days as "title:messages", the link lines' children, or the error
		nostream    bool   // read with THREADS_NOSTREAM=1, the file parsed whole
	}{
		{"json, detected", "", []string{"extract", "--format", "json"}, exitOK, "支付群:2 Go 开发:1", false},
		{"json, named", "", []string{"extract", "--format", "json", "--input-format", "telegram"}, exitOK, "支付群:2 Go 开发:1", false},
		{"json, from stdin", export, []string{"extract", "--format", "json", "-"}, exitOK, "支付群:2 Go 开发:1", false},
		{"links number the file's messages", "", []string{"extract", "--format", "links"}, exitOK, "0 1 2", false},
		{"links number the file's messages, parsed whole", "", []string{"extract", "--format", "links"}, exitOK, "0 1 2", true},
		{"no chat with messages", "", []string{"extract", "--format", "json"}, exitFailure, "is a Telegram all-chats export (Export Telegram data) without any chat's messages", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.nostream {
				t.Setenv("THREADS_NOSTREAM", "1")
			}
			args := tt.args
			if tt.stdin == "" {
				path := filepath.Join(t.TempDir(), "result.json")
				data := export
				if tt.code != exitOK {
					data = telegramAll(chat("Empty", 11))
				}
				writeFile(t, path, data)
				args = append(append([]string(nil), args...), path)
			}
			code, out, errOut := runCmd(t, tt.stdin, args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, errOut)
			}
			var got string
			switch {
			case code != exitOK:
				got = errOut
			case strings.Contains(strings.Join(args, " "), "links"):
				var children []string
				for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
					if f := strings.Fields(line); len(f) == 3 {
						children = append(children, f[1])
					}
				}
				got = strings.Join(children, " ")
			default:
				var days []struct {
					Source   struct{ Title string }
					Messages []json.RawMessage
				}
				if err := json.Unmarshal([]byte(out), &days); err != nil {
					t.Fatalf("%v: %s", err, out)
				}
				var parts []string
				for _, d := range days {
					parts = append(parts, fmt.Sprintf("%s:%d", d.Source.Title, len(d.Messages)))
				}
				got = strings.Join(parts, " ")
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
