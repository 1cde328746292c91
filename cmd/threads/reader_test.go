package main

import (
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
// forwarder's, and the comment after it answers nothing.
func TestForwardsAreShared(t *testing.T) {
	const (
		headline = "你的支付系统准备好应对 PSD3 了吗？一文读懂欧盟新规"
		comment  = "PSD3 主要是强化 SCA 和开放银行"
	)
	tests := []struct {
		name, file, data string
	}{
		{"telegram, forwarded from a channel", "result.json", telegramChat(
			tgRecord(101, 0, "Tina", headline, `"forwarded_from": "支付产业观察"`),
			tgRecord(102, 2, "Lei", comment, ""))},
		{"telegram, forwarded from a hidden account", "result.json", telegramChat(
			tgRecord(101, 0, "Tina", headline, `"forwarded_from": null`),
			tgRecord(102, 2, "Lei", comment, ""))},
		{"discord forward", "help.json", dcExport(
			dcRecord(1, 0, "tina", "", `"reference": {"type": "Forward", "messageId": "77", "channelId": "5", "guildId": "8"},
			  "forwardedMessage": {"timestamp": "2024-03-04T09:00:00+00:00", "content": "`+headline+`", "attachments": [], "embeds": [], "stickers": []}`),
			dcRecord(2, 2, "lei", comment, ""))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			writeFile(t, path, tt.data)
			days := extractDays(t, path)
			if len(days) != 1 || len(days[0].Messages) != 2 || len(days[0].Threads) != 1 {
				t.Fatalf("want one day of 2 messages in one thread, got %s, %d threads", dayCounts(days), len(days[0].Threads))
			}
			for i, m := range days[0].Messages {
				if m.Role != "" {
					t.Errorf("message %d: role %q, want none", i, m.Role)
				}
			}
			if k := days[0].Threads[0].Kind; k != "news" {
				t.Errorf("thread kind %q, want news", k)
			}
		})
	}
}
