package chatlog

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseDiscordGolden(t *testing.T) {
	for _, file := range appFixtures(t, "discord", "*.json") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, rel := appFixtureDir("discord")
			log, err := ParseDiscord(bytes.NewReader(data), rel+"/"+filepath.Base(file))
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Messages     []json.RawMessage `json:"messages"`
				MessageCount int               `json:"messageCount"`
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			if doc.MessageCount != len(doc.Messages) {
				t.Fatalf("fixture says messageCount %d but has %d records", doc.MessageCount, len(doc.Messages))
			}
			checkLog(t, log, FormatDiscord, len(doc.Messages))
			checkGolden(t, log, goldenName(file))
		})
	}
}

// dcMsg wraps message records in a DiscordChatExporter export.
func dcMsg(records ...string) string {
	return `{"guild": {"id": "1", "name": "G"}, "channel": {"id": "10", "name": "help"}, "messages": [` +
		strings.Join(records, ",") + `], "messageCount": 0}`
}

func TestParseDiscordMessages(t *testing.T) {
	const ann = `{"id": "5", "name": "ann.dev", "nickname": "Ann"}`
	const bo = `{"id": "6", "name": "bo", "nickname": ""}`
	tests := []struct {
		name string
		in   string
		want []msgView
	}{
		{
			name: "default message keeps the timestamp's offset; nickname is the sender",
			in:   dcMsg(`{"id": "1", "type": "Default", "timestamp": "2023-12-31T21:15:32.12+01:00", "content": " hi ", "author": ` + ann + `}`),
			want: []msgView{{ID: "1", Sender: "Ann", SenderID: "5", Type: TypeText, Text: "hi", Time: "2023-12-31T21:15:32+01:00"}},
		},
		{
			name: "reply in the same channel, mentions in order of appearance",
			in: dcMsg(`{"id": "2", "type": "Reply", "timestamp": "2023-12-31T21:15:32Z", "content": "@bo and @Ann", "author": ` + ann + `,
			  "mentions": [` + ann + `, ` + bo + `], "reference": {"messageId": "1", "channelId": "10"}}`),
			want: []msgView{{ID: "2", Sender: "Ann", SenderID: "5", Type: TypeText, Text: "@bo and @Ann", Mentions: []string{"bo", "Ann"}, ReplyToID: "1", Time: "2023-12-31T21:15:32Z"}},
		},
		{
			name: "reference to another channel is not a reply; raw mentions are rewritten",
			in: dcMsg(`{"id": "3", "type": "Default", "timestamp": "2023-12-31T21:15:32Z", "content": "<@!6> fwd", "author": ` + ann + `,
			  "mentions": [` + bo + `], "reference": {"messageId": "1", "channelId": "99"}}`),
			want: []msgView{{ID: "3", Sender: "Ann", SenderID: "5", Type: TypeText, Text: "@bo fwd", Mentions: []string{"bo"}}},
		},
		{
			name: "system kinds, with their reference ignored",
			in: dcMsg(
				`{"id": "4", "type": "GuildMemberJoin", "timestamp": "2023-12-31T21:15:32Z", "content": "Joined the server.", "author": `+bo+`}`,
				`{"id": "5", "type": "ChannelPinnedMessage", "timestamp": "2023-12-31T21:15:33Z", "content": "Pinned a message.", "author": `+ann+`, "reference": {"messageId": "4", "channelId": "10"}}`,
				`{"id": "6", "type": "7", "timestamp": "2023-12-31T21:15:34Z", "content": "", "author": `+bo+`}`),
			want: []msgView{
				{ID: "4", Sender: "bo", SenderID: "6", Type: TypeSystem, Text: "Joined the server."},
				{ID: "5", Sender: "Ann", SenderID: "5", Type: TypeSystem, Text: "Pinned a message."},
				{ID: "6", Sender: "bo", SenderID: "6", Type: TypeSystem},
			},
		},
		{
			name: "attachments, stickers and links",
			in: dcMsg(
				`{"id": "7", "type": "Default", "timestamp": "2023-12-31T21:15:32Z", "content": "see", "author": `+bo+`, "attachments": [{"url": "https://c/a.PNG?x=1", "fileName": "a.PNG"}]}`,
				`{"id": "8", "type": "Default", "timestamp": "2023-12-31T21:15:32Z", "content": "", "author": `+bo+`, "attachments": [{"url": "https://c/spec.pdf", "fileName": "spec.pdf"}]}`,
				`{"id": "9", "type": "Default", "timestamp": "2023-12-31T21:15:32Z", "content": "", "author": `+bo+`, "stickers": [{"name": "Wave", "sourceUrl": "https://c/s.png"}]}`,
				`{"id": "10", "type": "Default", "timestamp": "2023-12-31T21:15:32Z", "content": "https://x.org/a", "author": `+bo+`, "embeds": [{"title": "", "url": "https://x.org/a"}, {"title": " A ", "url": "https://x.org/a"}]}`,
				`{"id": "11", "type": "Default", "timestamp": "2023-12-31T21:15:32Z", "content": "read https://x.org/a", "author": `+bo+`}`),
			want: []msgView{
				{ID: "7", Sender: "bo", SenderID: "6", Type: TypeImage, Text: "see", URL: "https://c/a.PNG?x=1"},
				{ID: "8", Sender: "bo", SenderID: "6", Type: TypeLink, Text: "spec.pdf", URL: "https://c/spec.pdf", LinkTitle: "spec.pdf"},
				{ID: "9", Sender: "bo", SenderID: "6", Type: TypeText, Text: "[Sticker]"},
				{ID: "10", Sender: "bo", SenderID: "6", Type: TypeLink, Text: "https://x.org/a", URL: "https://x.org/a", LinkTitle: "A"},
				{ID: "11", Sender: "bo", SenderID: "6", Type: TypeText, Text: "read https://x.org/a"},
			},
		},
		{
			name: "a sticker is text, after the content, that threading reads as a sticker; a picture wins over it",
			in: dcMsg(
				`{"id": "1", "type": "Default", "timestamp": "2023-12-31T21:15:32Z", "content": "", "author": `+bo+`, "stickers": [{"id": "7", "name": "thumbs up", "format": "Png", "sourceUrl": "https://media.discordapp.net/stickers/7.png"}]}`,
				`{"id": "2", "type": "Default", "timestamp": "2023-12-31T21:15:33Z", "content": "thanks", "author": `+bo+`, "stickers": [{"name": "Wave", "sourceUrl": "https://c/s.png"}]}`,
				`{"id": "3", "type": "Default", "timestamp": "2023-12-31T21:15:34Z", "content": "", "author": `+bo+`, "attachments": [{"url": "https://c/a.png", "fileName": "a.png"}], "stickers": [{"name": "Wave", "sourceUrl": "https://c/s.png"}]}`),
			want: []msgView{
				{ID: "1", Sender: "bo", SenderID: "6", Type: TypeText, Text: "[Sticker]"},
				{ID: "2", Sender: "bo", SenderID: "6", Type: TypeText, Text: "thanks [Sticker]"},
				{ID: "3", Sender: "bo", SenderID: "6", Type: TypeImage, URL: "https://c/a.png"},
			},
		},
		{
			name: "a forward is no reply and carries the forwarded text, as said when a reply takes it up; a typed reply is one",
			in: dcMsg(
				`{"id": "12", "type": "Default", "timestamp": "2023-12-31T21:15:32Z", "content": "", "author": `+bo+`,
				  "reference": {"type": "Forward", "messageId": "1", "channelId": "10", "guildId": "1"},
				  "forwardedMessage": {"timestamp": "2023-12-31T21:00:00Z", "content": "how do I cross-compile?", "attachments": [], "embeds": [], "stickers": []}}`,
				`{"id": "13", "type": "Default", "timestamp": "2023-12-31T21:15:33Z", "content": "", "author": `+bo+`,
				  "reference": {"type": "Forward", "messageId": "2", "channelId": "10", "guildId": "1"},
				  "forwardedMessage": {"content": "", "attachments": [{"url": "https://c/b.png", "fileName": "b.png"}]}}`,
				`{"id": "14", "type": "Reply", "timestamp": "2023-12-31T21:15:34Z", "content": "use zig cc", "author": `+ann+`,
				  "reference": {"type": "Default", "messageId": "12", "channelId": "10", "guildId": "1"}}`),
			want: []msgView{
				{ID: "12", Sender: "bo", SenderID: "6", Type: TypeText, Text: "how do I cross-compile?"},
				{ID: "13", Sender: "bo", SenderID: "6", Type: TypeImage, URL: "https://c/b.png"},
				{ID: "14", Sender: "Ann", SenderID: "5", Type: TypeText, Text: "use zig cc", ReplyToID: "12"},
			},
		},
		{
			name: "a forward's link is its attachment or first embed; its own text or a forwarded sticker is no share",
			in: dcMsg(
				`{"id": "1", "type": "Default", "timestamp": "2023-12-31T21:15:32Z", "content": "", "author": `+bo+`,
				  "reference": {"type": "Forward", "messageId": "1", "channelId": "10", "guildId": "1"},
				  "forwardedMessage": {"content": "PSD3 is out: https://n.org/psd3", "embeds": [{"title": "PSD3", "url": "https://n.org/psd3"}]}}`,
				`{"id": "2", "type": "Default", "timestamp": "2023-12-31T21:15:33Z", "content": "", "author": `+bo+`,
				  "reference": {"type": "Forward", "messageId": "2", "channelId": "10", "guildId": "1"},
				  "forwardedMessage": {"content": "is this error normal?", "attachments": [{"url": "https://c/e.png", "fileName": "e.png"}]}}`,
				`{"id": "3", "type": "Default", "timestamp": "2023-12-31T21:15:34Z", "content": "anyone?", "author": `+bo+`,
				  "reference": {"type": "Forward", "messageId": "3", "channelId": "10", "guildId": "1"},
				  "forwardedMessage": {"content": "how do I cross-compile?"}}`,
				`{"id": "4", "type": "Default", "timestamp": "2023-12-31T21:15:35Z", "content": "", "author": `+bo+`,
				  "reference": {"type": "Forward", "messageId": "4", "channelId": "10", "guildId": "1"},
				  "forwardedMessage": {"content": "", "stickers": [{"name": "Wave", "sourceUrl": "https://c/s.png"}]}}`),
			want: []msgView{
				{ID: "1", Sender: "bo", SenderID: "6", Type: TypeLink, Text: "PSD3 is out: https://n.org/psd3", URL: "https://n.org/psd3", LinkTitle: "PSD3 is out: https://n.org/psd3"},
				{ID: "2", Sender: "bo", SenderID: "6", Type: TypeLink, Text: "is this error normal?", URL: "https://c/e.png", LinkTitle: "is this error normal?"},
				{ID: "3", Sender: "bo", SenderID: "6", Type: TypeText, Text: "anyone?"},
				{ID: "4", Sender: "bo", SenderID: "6", Type: TypeText, Text: "[Sticker]"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, err := ParseDiscord(strings.NewReader(tt.in), "help.json")
			if err != nil {
				t.Fatal(err)
			}
			checkLog(t, log, FormatDiscord, len(tt.want))
			checkViews(t, log, tt.want)
		})
	}
}

func TestParseDiscordLogFields(t *testing.T) {
	log, err := ParseDiscord(strings.NewReader(dcMsg(`{"id": "1", "timestamp": "2023-12-31T23:00:00-05:00", "author": {"name": "a"}}`)), "d/help.json")
	if err != nil {
		t.Fatal(err)
	}
	if log.Path != "d/help.json" || log.Title != "help" || log.Group != "G" || log.Date != "2023-12-31" {
		t.Errorf("log fields %+v", *log)
	}
	log, err = ParseDiscord(strings.NewReader(`{"channel": {"name": "dm"}, "messages": []}`), "dm.json")
	if err != nil {
		t.Fatal(err)
	}
	if log.Title != "dm" || log.Group != "dm" || log.Date != "" {
		t.Errorf("log fields %+v", *log)
	}
	checkLog(t, log, FormatDiscord, 0)
}

// dcLines is dcMsg with one record a line: record k is on line k+1.
func dcLines(records ...string) string {
	return `{"guild": {"id": "1", "name": "G"}, "channel": {"id": "10", "name": "help"}, "messages": [` + "\n" +
		strings.Join(records, ",\n") + "\n" + `], "messageCount": 0}`
}

// dcPretty is the start of an export laid out as DiscordChatExporter writes
// it, one field a line, up to the first record's timestamp on line 11.
const dcPretty = `{
  "guild": {
    "id": "1",
    "name": "G"
  },
  "channel": {"id": "10", "name": "help"},
  "dateRange": {"after": null, "before": null},
  "messages": [
    {
      "id": "1",
      "timestamp": `

func TestParseDiscordErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
		line           int
	}{
		{"empty", "", "empty input", 0},
		{"not an object", `"x"`, "not a DiscordChatExporter JSON export", 1},
		{"no messages", `{"guild": {}, "channel": {}}`, `no "messages" array`, 0},
		{"bad channel", "{\"channel\":\n[1], \"messages\": []}", "in the channel object", 2},
		{"bad timestamp", dcLines(`{"id": "1", "timestamp": "yesterday"}`), `message record 1: bad timestamp "yesterday"`, 2},
		{"missing timestamp", dcLines(`{"id": "1", "timestamp": "2023-12-31T21:15:32Z"}`, `{"id": "2"}`), "message record 2: bad timestamp", 3},
		{"wrong type", dcLines(`{"id": "1", "attachments": {}}`), "message record 1", 2},
		{"truncated", "{\"messages\": [{\"id\": \"1\", \"timestamp\": \"2023-12-31T21:15:32Z\"},\n{\"id\": \"2\", \"conte", "the file is cut short: it ends inside the messages array, after message record 1; export the channel again", 2},
		{"truncated after a comma", "{\"messages\": [{\"id\": \"1\", \"timestamp\": \"2023-12-31T21:15:32Z\"},\n", "the file is cut short: it ends inside the messages array, after message record 1; export the channel again", 2},
		{"truncated after", "{\"messages\": [\n{\"id\": \"1\", \"timestamp\": \"2023-12-31T21:15:32Z\"}", "the file is cut short: it ends inside the messages array, after message record 1; export the channel again", 2},
		{"bad timestamp in a laid out record", dcPretty + "\"yesterday\",\n      \"content\": \"hi\"\n    }\n  ]\n}", `message record 1: bad timestamp "yesterday"`, 11},
		{"object as content in a laid out record", dcPretty + "\"2023-12-31T21:15:32Z\",\n      \"content\": {\"a\": 1}\n    }\n  ]\n}", "message record 1", 12},
		{"array as an author name in a laid out record", dcPretty + "\"2023-12-31T21:15:32Z\",\n      \"content\": \"hi\",\n      \"author\": {\"name\": [\"a\"]}\n    }\n  ]\n}", "message record 1", 13},
		{"array as a timestamp in a laid out record", dcPretty + "[\n        \"2023-12-31T21:15:32Z\"\n      ],\n      \"content\": \"hi\"\n    }\n  ]\n}", "message record 1", 11},
		{"truncated in a laid out record", dcPretty + "\"2023-12-31T21:15:32Z\",\n      \"content\": \"h", "the file is cut short: it ends inside the messages array, before any message record is whole; export the channel again", 12},
		{"truncated in a header", dcPretty[:strings.Index(dcPretty, `"before"`)], `truncated JSON in field "dateRange"`, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseDiscord(strings.NewReader(tt.in), "x/help.json")
			checkParseError(t, err, tt.want, tt.line)
		})
	}
}

func TestLooksDiscord(t *testing.T) {
	checkSniffer(t, "discord", looksDiscord)
	if !looksDiscord([]byte("\ufeff {\r\n  \"guild\": {\"id\": \"1\"},\r\n  \"channel\": {")) {
		t.Error("looksDiscord rejects a BOM and CRLF")
	}
	if looksDiscord([]byte(`{"name": "x", "messages": [{"text": "guild \"channel\""}]}`)) {
		t.Error("looksDiscord accepts a Telegram export mentioning a guild")
	}
}

func FuzzParseDiscord(f *testing.F) {
	dir, _ := appFixtureDir("discord")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil && !strings.HasSuffix(file, ".golden.json") {
			f.Add(data)
		}
	}
	f.Add([]byte(dcMsg(`{"id": "1", "type": "Reply", "timestamp": "2023-12-31T21:15:32Z", "content": "<@1> <@!2>", "mentions": [{"id": "1", "name": "a"}], "reference": {"messageId": "0"}}`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		log, err := ParseDiscord(bytes.NewReader(data), "fuzz/help.json")
		fuzzCheck(t, log, err)
	})
}
