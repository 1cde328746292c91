package chatlog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// The helpers in this file are shared by the tests of the Telegram, Discord,
// Slack, WhatsApp and IRC parsers.

// appFixtureDir returns the folder of a format's synthetic fixtures, relative
// to this package, and the same folder relative to the module root (the path
// the golden files record).
func appFixtureDir(format string) (dir, rel string) {
	rel = "testdata/chatlog/" + format
	return filepath.Join("..", "..", filepath.FromSlash(rel)), rel
}

// appFixtures returns the fixture files of a format matching pattern, without
// the golden files; it fails the test when there are none.
func appFixtures(t *testing.T, format, pattern string) []string {
	t.Helper()
	dir, _ := appFixtureDir(format)
	files, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".golden.json") {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no fixtures %s in %s", pattern, dir)
	}
	return out
}

// goldenName returns the golden file of a fixture: its name up to the first
// dot, plus .golden.json.
func goldenName(fixture string) string {
	base := filepath.Base(fixture)
	if i := strings.IndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return filepath.Join(filepath.Dir(fixture), base+".golden.json")
}

// checkGolden compares v, marshalled as indented JSON, with a golden file,
// or rewrites the file when the test runs with -update.
func checkGolden(t *testing.T, v any, golden string) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/chatlog -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test ./internal/chatlog -update and review the diff)\ngot:\n%s", golden, got)
	}
}

// checkLog checks the invariants every parsed log keeps: the format name,
// records == messages, Messages[i].Index == i and a positive Line.
func checkLog(t testing.TB, log *Log, format string, records int) {
	t.Helper()
	if log.Format != format {
		t.Errorf("Format = %q, want %q", log.Format, format)
	}
	if log.Messages == nil {
		t.Errorf("Messages is nil, want an empty slice at least")
	}
	if len(log.Messages) != records {
		t.Errorf("got %d messages, want %d (one per record)", len(log.Messages), records)
	}
	for i, m := range log.Messages {
		if m.Index != i || m.Line < 1 {
			t.Fatalf("message %d: Index %d Line %d", i, m.Index, m.Line)
		}
		if m.Type == "" {
			t.Fatalf("message %d has no type", i)
		}
		for _, name := range m.Mentions {
			if name == "" {
				t.Fatalf("message %d has an empty mention: %q", i, m.Mentions)
			}
		}
		checkCode(t, &log.Messages[i])
	}
}

// checkParseError fails unless err is a *ParseError whose message contains want
// and whose line is line (when line >= 0).
func checkParseError(t *testing.T, err error, want string, line int) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not contain %q", err, want)
	}
	if line >= 0 && pe.Line != line {
		t.Errorf("error %q at line %d, want %d", err, pe.Line, line)
	}
}

// fuzzCheck fails a fuzz run whose error is not a *ParseError or whose log
// breaks the Index invariant.
func fuzzCheck(t *testing.T, log *Log, err error) {
	t.Helper()
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v (%T) is not a *ParseError", err, err)
		}
		return
	}
	for i, m := range log.Messages {
		if m.Index != i || m.Line < 1 {
			t.Fatalf("message %d: Index %d Line %d", i, m.Index, m.Line)
		}
		for _, name := range m.Mentions {
			if name == "" {
				t.Fatalf("message %d has an empty mention: %q", i, m.Mentions)
			}
		}
	}
}

// msgView is the part of a Message the table tests compare.
type msgView struct {
	ID, Sender, SenderID string
	Type                 MessageType
	Text                 string
	Mentions             []string
	ReplyToID, URL       string
	LinkTitle            string
	Time                 string // RFC 3339; not compared when empty in the wanted view
}

// viewOf returns the compared part of m.
func viewOf(m Message) msgView {
	return msgView{
		ID: m.ID, Sender: m.Sender, SenderID: m.SenderID, Type: m.Type, Text: m.Text,
		Mentions: m.Mentions, ReplyToID: m.ReplyToID, URL: m.URL, LinkTitle: m.LinkTitle,
		Time: m.Time.Format(time.RFC3339),
	}
}

// checkViews compares the messages of a log with the wanted views.
func checkViews(t *testing.T, log *Log, want []msgView) {
	t.Helper()
	if len(log.Messages) != len(want) {
		t.Fatalf("got %d messages, want %d: %+v", len(log.Messages), len(want), log.Messages)
	}
	for i, m := range log.Messages {
		got := viewOf(m)
		if want[i].Time == "" {
			got.Time = ""
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("message %d:\n got %+v\nwant %+v", i, got, want[i])
		}
	}
}

// countTelegramRecords counts the elements of the messages array independently of the parser.
func countTelegramRecords(t *testing.T, data []byte) int {
	t.Helper()
	var doc struct {
		Messages []json.RawMessage `json:"messages"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return len(doc.Messages)
}

func TestParseTelegramGolden(t *testing.T) {
	for _, file := range appFixtures(t, "telegram", "*.json") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, rel := appFixtureDir("telegram")
			log, err := ParseTelegram(bytes.NewReader(data), rel+"/"+filepath.Base(file))
			if err != nil {
				t.Fatal(err)
			}
			checkLog(t, log, FormatTelegram, countTelegramRecords(t, data))
			checkGolden(t, log, goldenName(file))
		})
	}
}

// tgMsg wraps message records in a single-chat export.
func tgMsg(records ...string) string {
	return `{"name": "Chat", "type": "private_group", "id": 1, "messages": [` + strings.Join(records, ",") + `]}`
}

func TestParseTelegramMessages(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []msgView
	}{
		{
			name: "plain text in the zone the local date implies",
			in:   tgMsg(`{"id": 7, "type": "message", "date": "2023-12-31T21:15:32", "date_unixtime": "1704053732", "from": "Ann", "from_id": "user5", "text": "hello"}`),
			want: []msgView{{ID: "7", Sender: "Ann", SenderID: "user5", Type: TypeText, Text: "hello", Time: "2023-12-31T21:15:32+01:00"}},
		},
		{
			name: "without date_unixtime the wall clock is read as UTC",
			in:   tgMsg(`{"id": 7, "type": "message", "date": "2018-05-04T10:00:00", "from": "Ann", "text": "old export"}`),
			want: []msgView{{ID: "7", Sender: "Ann", Type: TypeText, Text: "old export", Time: "2018-05-04T10:00:00Z"}},
		},
		{
			name: "reply, mention and mention_name resolved to the sender name",
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2023-12-31T10:00:00", "from": "Ann Lee", "from_id": "user5", "text": "q?"}`,
				`{"id": 2, "type": "message", "date": "2023-12-31T10:01:00", "from": "Bo", "from_id": "user6", "reply_to_message_id": 1,
				  "text": [{"type": "mention_name", "text": "Ann", "user_id": 5}, " and ", {"type": "mention", "text": "@cy"}, " see"]}`),
			want: []msgView{
				{ID: "1", Sender: "Ann Lee", SenderID: "user5", Type: TypeText, Text: "q?"},
				{ID: "2", Sender: "Bo", SenderID: "user6", Type: TypeText, Text: "Ann and @cy see", Mentions: []string{"Ann Lee", "cy"}, ReplyToID: "1"},
			},
		},
		{
			name: "text_entities win over text and unknown user ids keep the written name",
			in: tgMsg(`{"id": 3, "type": "message", "date": "2023-12-31T10:00:00", "from": "Bo", "from_id": "user6",
			  "text": "ignored", "text_entities": [{"type": "mention_name", "text": "Zed", "user_id": 99}, {"type": "bold", "text": " ok"}]}`),
			want: []msgView{{ID: "3", Sender: "Bo", SenderID: "user6", Type: TypeText, Text: "Zed ok", Mentions: []string{"Zed"}}},
		},
		{
			name: "empty text_entities beside a text string: the text is read",
			in: tgMsg(`{"id": 3, "type": "message", "date": "2023-12-31T10:00:00", "from": "Bo", "from_id": "user6", "text": "银行发的 @cy", "text_entities": []}`,
				`{"id": 4, "type": "message", "date": "2023-12-31T10:00:00", "from": "Bo", "from_id": "user6", "text": ["see ", {"type": "mention", "text": "@cy"}], "text_entities": []}`,
				`{"id": 5, "type": "message", "date": "2023-12-31T10:00:00", "from": "Bo", "from_id": "user6", "text": "", "text_entities": []}`),
			want: []msgView{
				{ID: "3", Sender: "Bo", SenderID: "user6", Type: TypeText, Text: "银行发的 @cy"},
				{ID: "4", Sender: "Bo", SenderID: "user6", Type: TypeText, Text: "see @cy", Mentions: []string{"cy"}},
				{ID: "5", Sender: "Bo", SenderID: "user6", Type: TypeText, Text: ""},
			},
		},
		{
			name: "a reply into another chat has no ReplyToID",
			in:   tgMsg(`{"id": 4, "type": "message", "date": "2023-12-31T10:00:00", "from": "Bo", "reply_to_message_id": 9, "reply_to_peer_id": "channel3", "text": "x"}`),
			want: []msgView{{ID: "4", Sender: "Bo", Type: TypeText, Text: "x"}},
		},
		{
			name: "service record with members",
			in:   tgMsg(`{"id": 5, "type": "service", "date": "2023-12-31T10:00:00", "actor": "Ann", "actor_id": "user5", "action": "invite_members", "members": ["Bo", null, "Cy"], "text": ""}`),
			want: []msgView{{ID: "5", Sender: "Ann", SenderID: "user5", Type: TypeSystem, Text: "invite members: Bo, Cy"}},
		},
		{
			name: "service record with a title",
			in:   tgMsg(`{"id": 5, "type": "service", "date": "2023-12-31T10:00:00", "actor": "Ann", "action": "edit_group_title", "title": "New", "text": ""}`),
			want: []msgView{{ID: "5", Sender: "Ann", Type: TypeSystem, Text: `edit group title "New"`}},
		},
		{
			name: "photo with caption, photo not exported, voice message",
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2023-12-31T10:00:00", "from": "Bo", "photo": "photos/p1.jpg", "text": "look"}`,
				`{"id": 2, "type": "message", "date": "2023-12-31T10:00:01", "from": "Bo", "photo": "(File not included. Change data exporting settings to download.)", "text": ""}`,
				`{"id": 3, "type": "message", "date": "2023-12-31T10:00:02", "from": "Bo", "file": "voice/a.ogg", "media_type": "voice_message", "text": ""}`),
			want: []msgView{
				{ID: "1", Sender: "Bo", Type: TypeImage, Text: "look", URL: "photos/p1.jpg"},
				{ID: "2", Sender: "Bo", Type: TypeImage},
				{ID: "3", Sender: "Bo", Type: TypeImage, URL: "voice/a.ogg"},
			},
		},
		{
			name: "a sticker is its emoji, or [Sticker], as text; an animation (a GIF) is an image",
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2023-12-31T10:00:00", "from": "Bo", "file": "stickers/sticker (3).webp", "file_name": "sticker.webp", "media_type": "sticker", "sticker_emoji": "👍", "text": ""}`,
				`{"id": 2, "type": "message", "date": "2023-12-31T10:00:01", "from": "Bo", "file": "(File not included. Change data exporting settings to download.)", "media_type": "sticker", "text": ""}`,
				`{"id": 3, "type": "message", "date": "2023-12-31T10:00:02", "from": "Bo", "file": "video_files/a.mp4", "media_type": "animation", "mime_type": "video/mp4", "text": ""}`),
			want: []msgView{
				{ID: "1", Sender: "Bo", Type: TypeText, Text: "👍"},
				{ID: "2", Sender: "Bo", Type: TypeText, Text: "[Sticker]"},
				{ID: "3", Sender: "Bo", Type: TypeImage, URL: "video_files/a.mp4"},
			},
		},
		{
			name: "a forwarded post is a link titled by its text; a forwarded sticker, poll or bare picture is as it was",
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2024-03-04T10:00:00", "from": "Tina", "forwarded_from": "支付产业观察", "text": "你的支付系统准备好应对 PSD3 了吗？一文读懂欧盟新规"}`,
				`{"id": 2, "type": "message", "date": "2024-03-04T10:00:01", "from": "Tina", "forwarded_from": null, "text": ["PSD3 explained: ", {"type": "text_link", "text": "read", "href": "https://n.org/psd3"}, " or ", {"type": "link", "text": "https://m.org"}]}`,
				`{"id": 3, "type": "message", "date": "2024-03-04T10:00:02", "from": "Tina", "forwarded_from": "Ch", "photo": "photos/p.jpg", "text": "Is your PSP ready?"}`,
				`{"id": 4, "type": "message", "date": "2024-03-04T10:00:03", "from": "Tina", "forwarded_from": "Ch", "photo": "photos/q.jpg", "text": ""}`,
				`{"id": 5, "type": "message", "date": "2024-03-04T10:00:04", "from": "Tina", "forwarded_from": "Ch", "file": "stickers/s.webp", "media_type": "sticker", "sticker_emoji": "🔥", "text": ""}`,
				`{"id": 6, "type": "message", "date": "2024-03-04T10:00:05", "from": "Tina", "forwarded_from": "Ch", "text": "", "poll": {"question": "Ready?", "answers": [{"text": "yes"}]}}`,
				`{"id": 7, "type": "message", "date": "2024-03-04T10:00:06", "from": "Tina", "forwarded_from": "Ch", "text": [{"type": "link", "text": "https://x.org"}]}`,
				`{"id": 8, "type": "message", "date": "2024-03-04T10:00:07", "from": "Tina", "forwarded_from": "Ch", "file": "files/spec.pdf", "text": ""}`),
			want: []msgView{
				{ID: "1", Sender: "Tina", Type: TypeLink, Text: "你的支付系统准备好应对 PSD3 了吗？一文读懂欧盟新规", LinkTitle: "你的支付系统准备好应对 PSD3 了吗？一文读懂欧盟新规"},
				{ID: "2", Sender: "Tina", Type: TypeLink, Text: "PSD3 explained: read or https://m.org", URL: "https://n.org/psd3", LinkTitle: "PSD3 explained: read or https://m.org"},
				{ID: "3", Sender: "Tina", Type: TypeLink, Text: "Is your PSP ready?", URL: "photos/p.jpg", LinkTitle: "Is your PSP ready?"},
				{ID: "4", Sender: "Tina", Type: TypeImage, URL: "photos/q.jpg"},
				{ID: "5", Sender: "Tina", Type: TypeText, Text: "🔥"},
				{ID: "6", Sender: "Tina", Type: TypeText, Text: "POLL:\nReady?\nOPTION: yes"},
				{ID: "7", Sender: "Tina", Type: TypeLink, Text: "https://x.org", URL: "https://x.org"},
				{ID: "8", Sender: "Tina", Type: TypeLink, Text: "spec.pdf", URL: "files/spec.pdf", LinkTitle: "spec.pdf"},
			},
		},
		{
			name: "a forward a reply takes up, or a person's, is said again; a channel's post is shared all the same",
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2024-03-04T10:00:00", "from": "Tina", "forwarded_from": "跨境支付交流群", "text": "有朋友问：跨境收款 PingPong 和 万里汇 哪个费率低？"}`,
				`{"id": 2, "type": "message", "date": "2024-03-04T10:00:01", "from": "Mei", "reply_to_message_id": 1, "text": "万里汇提现 0.3% 封顶"}`,
				`{"id": 3, "type": "message", "date": "2024-03-04T10:00:02", "from": "Tina", "forwarded_from": "Ann", "forwarded_from_id": "user7", "text": "anyone tried PSD3 sandboxes?"}`,
				`{"id": 4, "type": "message", "date": "2024-03-04T10:00:03", "from": "Tina", "forwarded_from": "支付产业观察", "forwarded_from_id": "channel9", "text": "PSD3 了吗？"}`,
				`{"id": 5, "type": "message", "date": "2024-03-04T10:00:04", "from": "Mei", "reply_to_message_id": 4, "text": "是的"}`),
			want: []msgView{
				{ID: "1", Sender: "Tina", Type: TypeText, Text: "有朋友问：跨境收款 PingPong 和 万里汇 哪个费率低？"},
				{ID: "2", Sender: "Mei", Type: TypeText, Text: "万里汇提现 0.3% 封顶", ReplyToID: "1"},
				{ID: "3", Sender: "Tina", Type: TypeText, Text: "anyone tried PSD3 sandboxes?"},
				{ID: "4", Sender: "Tina", Type: TypeLink, Text: "PSD3 了吗？", LinkTitle: "PSD3 了吗？"},
				{ID: "5", Sender: "Mei", Type: TypeText, Text: "是的", ReplyToID: "4"},
			},
		},
		{
			name: "documents are links titled by the file name",
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2023-12-31T10:00:00", "from": "Bo", "file": "files/spec.pdf", "text": ""}`,
				`{"id": 2, "type": "message", "date": "2023-12-31T10:00:01", "from": "Bo", "file": "(File not included.)", "file_name": "a.zip", "text": "here"}`),
			want: []msgView{
				{ID: "1", Sender: "Bo", Type: TypeLink, Text: "spec.pdf", URL: "files/spec.pdf", LinkTitle: "spec.pdf"},
				{ID: "2", Sender: "Bo", Type: TypeLink, Text: "here", LinkTitle: "a.zip"},
			},
		},
		{
			name: "a message that is only a link",
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2023-12-31T10:00:00", "from": "Bo", "text": [{"type": "link", "text": "https://x.org"}]}`,
				`{"id": 2, "type": "message", "date": "2023-12-31T10:00:01", "from": "Bo", "text": [{"type": "text_link", "text": "docs", "href": "https://d.org"}, " "]}`,
				`{"id": 3, "type": "message", "date": "2023-12-31T10:00:02", "from": "Bo", "text": ["see ", {"type": "link", "text": "https://x.org"}]}`),
			want: []msgView{
				{ID: "1", Sender: "Bo", Type: TypeLink, Text: "https://x.org", URL: "https://x.org"},
				{ID: "2", Sender: "Bo", Type: TypeLink, Text: "docs", URL: "https://d.org", LinkTitle: "docs"},
				{ID: "3", Sender: "Bo", Type: TypeText, Text: "see https://x.org"},
			},
		},
		{
			name: "a record without date takes the previous time; null sender",
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2023-12-31T10:00:00", "date_unixtime": "1704016800", "from": null, "text": "deleted account"}`,
				`{"id": 2, "type": "unsupported"}`),
			want: []msgView{
				{ID: "1", Type: TypeText, Text: "deleted account", Time: "2023-12-31T10:00:00Z"},
				{ID: "2", Type: TypeSystem, Time: "2023-12-31T10:00:00Z"},
			},
		},
		{
			name: "deleted accounts (from null) stay apart by their from_id",
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2023-12-31T10:00:00", "from": null, "from_id": "user333", "text": "q?"}`,
				`{"id": 2, "type": "message", "date": "2023-12-31T10:01:00", "from": null, "from_id": "user444", "text": "a"}`,
				`{"id": 3, "type": "service", "date": "2023-12-31T10:02:00", "actor": null, "actor_id": "user444", "action": "join_group_by_link", "text": ""}`),
			want: []msgView{
				{ID: "1", Sender: "Deleted Account (user333)", SenderID: "user333", Type: TypeText, Text: "q?"},
				{ID: "2", Sender: "Deleted Account (user444)", SenderID: "user444", Type: TypeText, Text: "a"},
				{ID: "3", Sender: "Deleted Account (user444)", SenderID: "user444", Type: TypeSystem, Text: "join group by link"},
			},
		},
		{
			name: "a reply to a forum topic's topic_created notice is no reply",
			in: tgMsg(
				`{"id": 2, "type": "service", "date": "2024-01-05T20:00:00", "actor": "Ann", "actor_id": "user1", "action": "topic_created", "title": "cgo", "text": ""}`,
				`{"id": 3, "type": "message", "date": "2024-01-05T21:00:00", "from": "Bo", "from_id": "user2", "reply_to_message_id": 2, "text": "q?"}`,
				`{"id": 4, "type": "message", "date": "2024-01-05T21:01:00", "from": "Cy", "from_id": "user3", "reply_to_message_id": 3, "text": "a"}`,
				`{"id": 5, "type": "service", "date": "2024-01-05T21:02:00", "actor": "Ann", "actor_id": "user1", "action": "pin_message", "message_id": 3, "text": ""}`,
				`{"id": 6, "type": "message", "date": "2024-01-05T21:03:00", "from": "Cy", "from_id": "user3", "reply_to_message_id": 5, "text": "pinned"}`),
			want: []msgView{
				{ID: "2", Sender: "Ann", SenderID: "user1", Type: TypeSystem, Text: `topic created "cgo"`},
				{ID: "3", Sender: "Bo", SenderID: "user2", Type: TypeText, Text: "q?"},
				{ID: "4", Sender: "Cy", SenderID: "user3", Type: TypeText, Text: "a", ReplyToID: "3"},
				{ID: "5", Sender: "Ann", SenderID: "user1", Type: TypeSystem, Text: "pin message"},
				{ID: "6", Sender: "Cy", SenderID: "user3", Type: TypeText, Text: "pinned", ReplyToID: "5"},
			},
		},
		{
			name: "a poll is text: its question and its answers",
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2024-03-30T21:20:00", "from": "José", "from_id": "user4", "text": "",
				  "poll": {"question": "Which day works?", "closed": false, "total_voters": 4,
				           "answers": [{"text": "Saturday", "voters": 3, "chosen": false}, {"text": "Sunday", "voters": 1, "chosen": true}]}}`,
				`{"id": 2, "type": "message", "date": "2024-03-30T21:21:00", "from": "Bo", "text": "vote please",
				  "poll": {"question": [{"type": "bold", "text": "Pizza"}, " or pasta?"], "answers": [{"text": "Pizza"}, {"text": "Pasta", "voters": 0}]}}`,
				`{"id": 3, "type": "message", "date": "2024-03-30T21:22:00", "from": "Bo", "text": "", "poll": null}`),
			want: []msgView{
				{ID: "1", Sender: "José", SenderID: "user4", Type: TypeText, Text: "POLL:\nWhich day works?\nOPTION: Saturday (3 votes)\nOPTION: Sunday (1 vote)"},
				{ID: "2", Sender: "Bo", Type: TypeText, Text: "POLL:\nPizza or pasta?\nOPTION: Pizza\nOPTION: Pasta (0 votes)\nvote please"},
				{ID: "3", Sender: "Bo", Type: TypeText},
			},
		},
		{
			name: `\xHH escapes of control characters, an escaped backslash before x kept`,
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2024-01-05T21:00:00", "from": "B\x01o", "text": "a\x0Bb", "text_entities": [{"type": "plain", "text": "a\x0Bb\x1f"}]}`,
				`{"id": 2, "type": "message", "date": "2024-01-05T21:00:01", "from": "Bo", "text": "C:\\x41 \\\x41 \"\x41\" \u0041"}`),
			want: []msgView{
				{ID: "1", Sender: "B\x01o", Type: TypeText, Text: "a\vb\x1f"},
				{ID: "2", Sender: "Bo", Type: TypeText, Text: `C:\x41 \A "A" A`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, err := ParseTelegram(strings.NewReader(tt.in), "result.json")
			if err != nil {
				t.Fatal(err)
			}
			checkLog(t, log, FormatTelegram, len(tt.want))
			checkViews(t, log, tt.want)
		})
	}
}

// TestParseTelegramForumTopics checks the topic of every message of the
// synthetic forum export: the messages of General (before the topics, a
// reply in it, a reply to a message the export lacks), of the topics
// Refunds and Payouts (their notices, messages naming a notice, replies to
// messages of the topic, a picture, a pin notice by its pinned message).
func TestParseTelegramForumTopics(t *testing.T) {
	dir, _ := appFixtureDir("telegram")
	log, err := ParseFile(filepath.Join(dir, "forum.json"), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"200": "General", "201": "Refunds", "202": "Payouts", "203": "Refunds",
		"204": "Payouts", "205": "Refunds", "206": "Payouts", "207": "General",
		"208": "Refunds", "209": "Payouts", "210": "General", "211": "Payouts",
		"212": "Refunds", "213": "Refunds", "214": "Payouts", "215": "Refunds",
		"216": "General", "217": "General",
	}
	if len(log.Messages) != len(want) {
		t.Fatalf("%d messages, want %d", len(log.Messages), len(want))
	}
	for _, m := range log.Messages {
		if m.Topic != want[m.ID] {
			t.Errorf("message %s (%q): topic %q, want %q", m.ID, m.Text, m.Topic, want[m.ID])
		}
	}
	// A message posted in a topic without replying is no reply; a reply is.
	for _, c := range []struct{ id, reply string }{{"203", ""}, {"206", "204"}, {"212", ""}, {"213", ""}, {"217", "150"}} {
		for _, m := range log.Messages {
			if m.ID == c.id && m.ReplyToID != c.reply {
				t.Errorf("message %s: ReplyToID %q, want %q", c.id, m.ReplyToID, c.reply)
			}
		}
	}
}

func TestParseTelegramTopicNames(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // the topic of each message
	}{
		{
			name: "no topic_created notice: no topics",
			in: tgMsg(
				`{"id": 1, "type": "message", "date": "2024-01-05T20:00:00", "from": "Ann", "text": "q?"}`,
				`{"id": 2, "type": "message", "date": "2024-01-05T20:01:00", "from": "Bo", "reply_to_message_id": 1, "text": "a"}`),
			want: []string{"", ""},
		},
		{
			name: "an untitled topic, a title taken twice, a topic called General",
			in: tgMsg(
				`{"id": 2, "type": "service", "date": "2024-01-05T20:00:00", "actor": "Ann", "action": "topic_created", "title": "Go", "text": ""}`,
				`{"id": 3, "type": "service", "date": "2024-01-05T20:00:01", "actor": "Ann", "action": "topic_created", "title": "Go", "text": ""}`,
				`{"id": 4, "type": "service", "date": "2024-01-05T20:00:02", "actor": "Ann", "action": "topic_created", "text": ""}`,
				`{"id": 5, "type": "service", "date": "2024-01-05T20:00:03", "actor": "Ann", "action": "topic_created", "title": "General", "text": ""}`,
				`{"id": 6, "type": "message", "date": "2024-01-05T20:01:00", "from": "Bo", "reply_to_message_id": 3, "text": "in the second Go"}`,
				`{"id": 7, "type": "message", "date": "2024-01-05T20:01:01", "from": "Bo", "reply_to_message_id": 4, "text": "untitled"}`,
				`{"id": 8, "type": "message", "date": "2024-01-05T20:01:02", "from": "Bo", "reply_to_message_id": 5, "text": "the other General"}`,
				`{"id": 9, "type": "message", "date": "2024-01-05T20:01:03", "from": "Cy", "reply_to_message_id": 6, "text": "a reply"}`,
				`{"id": 10, "type": "message", "date": "2024-01-05T20:01:04", "from": "Cy", "text": "General"}`),
			want: []string{"Go", "Go #3", "#4", "General #5", "Go #3", "#4", "General #5", "Go #3", "General"},
		},
		{
			name: "a title that reads like another topic's name with its id",
			in: tgMsg(
				`{"id": 3, "type": "service", "date": "2024-01-05T20:00:00", "actor": "Ann", "action": "topic_created", "title": "Refunds", "text": ""}`,
				`{"id": 10, "type": "service", "date": "2024-01-05T20:00:01", "actor": "Ann", "action": "topic_created", "title": "Refunds #57", "text": ""}`,
				`{"id": 57, "type": "service", "date": "2024-01-05T20:00:02", "actor": "Ann", "action": "topic_created", "title": "Refunds", "text": ""}`,
				`{"id": 64, "type": "message", "date": "2024-01-05T20:01:00", "from": "Bo", "reply_to_message_id": 10, "text": "in the second"}`,
				`{"id": 65, "type": "message", "date": "2024-01-05T20:01:01", "from": "Bo", "reply_to_message_id": 57, "text": "in the third"}`),
			want: []string{"Refunds", "Refunds #57", "Refunds #57 (2)", "Refunds #57", "Refunds #57 (2)"},
		},
		{
			name: "a reply to another chat, a rename and a join are in General",
			in: tgMsg(
				`{"id": 2, "type": "service", "date": "2024-01-05T20:00:00", "actor": "Ann", "action": "topic_created", "title": "Go", "text": ""}`,
				`{"id": 3, "type": "message", "date": "2024-01-05T20:01:00", "from": "Bo", "reply_to_message_id": 2, "reply_to_peer_id": "channel9", "text": "elsewhere"}`,
				`{"id": 4, "type": "service", "date": "2024-01-05T20:02:00", "actor": "Ann", "action": "topic_edit", "new_title": "Golang", "text": ""}`,
				`{"id": 5, "type": "service", "date": "2024-01-05T20:03:00", "actor": "Di", "action": "join_group_by_link", "text": ""}`),
			want: []string{"Go", "General", "General", "General"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, err := ParseTelegram(strings.NewReader(tt.in), "result.json")
			if err != nil {
				t.Fatal(err)
			}
			checkLog(t, log, FormatTelegram, len(tt.want))
			for i, m := range log.Messages {
				if m.Topic != tt.want[i] {
					t.Errorf("message %s: topic %q, want %q", m.ID, m.Topic, tt.want[i])
				}
			}
		})
	}
}

func TestParseTelegramLogFields(t *testing.T) {
	in := "\ufeff" + tgMsg(
		`{"id": 1, "type": "message", "date": "2023-12-31T23:59:00", "from": "A", "text": "x"}`,
		`{"id": 2, "type": "message", "date": "2023-12-31T23:59:59", "from": "A", "text": "y"}`)
	log, err := ParseTelegram(strings.NewReader(in), "dir/result.json")
	if err != nil {
		t.Fatal(err)
	}
	if log.Path != "dir/result.json" || log.Title != "Chat" || log.Group != "Chat" || log.Date != "2023-12-31" {
		t.Errorf("log fields %+v", *log)
	}
	log, err = ParseTelegram(strings.NewReader(tgMsg(
		`{"id": 1, "type": "message", "date": "2023-12-31T23:59:00", "from": "A", "text": "x"}`,
		`{"id": 2, "type": "message", "date": "2024-01-01T00:00:01", "from": "A", "text": "y"}`)), "r.json")
	if err != nil {
		t.Fatal(err)
	}
	if log.Date != "" {
		t.Errorf("Date = %q for two days, want empty", log.Date)
	}
	log, err = ParseTelegram(strings.NewReader(`{"type": "saved_messages", "id": 1, "messages": []}`), "r.json")
	if err != nil {
		t.Fatal(err)
	}
	checkLog(t, log, FormatTelegram, 0)
}

// tgLines is tgMsg with one record a line: record k is on line k+1.
func tgLines(records ...string) string {
	return `{"name": "Chat", "type": "private_group", "id": 1, "messages": [` + "\n" + strings.Join(records, ",\n") + "\n]}"
}

// tgPretty is a chat of two records laid out as Telegram Desktop writes
// them, one field a line: the second record's date is on line 10, its
// date_unixtime on line 11 and the member filled in last on line 12.
const tgPretty = `{
 "name": "Chat",
 "messages": [
  {
   "id": 1,
   "date": "2023-12-31T10:00:00"
  },
  {
   "id": 2,
   "date": %s,
   "date_unixtime": %s,
   %s
  }
 ]
}`

func TestParseTelegramErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
		line           int
	}{
		{"empty", "", "empty input", 0},
		{"array", "[]", "not a Telegram chat export", 1},
		{"all-chats export read as one log", `{"about": "x", "chats": {"list": []}}`, `is a Telegram all-chats export (Export Telegram data), which holds many chats: threads extract and digest read each of its chats; to read one alone, export that chat`, 1},
		{"an object without messages", `{"about": "x", "personal": {}}`, `not a single-chat Telegram export: no "messages" array`, 0},
		{"record not an object", tgLines(`1`), "message record 1", 2},
		{"bad date", tgLines(`{"id": 1, "date": "31/12/2023"}`), `record 1: bad date "31/12/2023"`, 2},
		{"bad unixtime", tgLines(`{"id": 1, "date": "2023-12-31T10:00:00", "date_unixtime": "x"}`), "bad date_unixtime", 2},
		{"object as a scalar", tgLines(`{"id": 1}`, `{"id": {"a": 1}}`), "message record 2", 3},
		{"bad text", tgLines(`{"id": 1, "date": "2023-12-31T10:00:00", "text": [[1]]}`), "record 1: bad text", 2},
		{"poll not an object", tgLines(`{"id": 1, "date": "2023-12-31T10:00:00", "poll": "x"}`), `field "poll" in message record 1`, 2},
		{"truncated in a record", "{\"name\": \"c\", \"messages\": [{\"id\": 1},\n{\"id\": 2, \"te", "the file is cut short: it ends inside the messages array, after message record 1; export the chat again", 2},
		{"truncated after a record", "{\"name\": \"c\", \"messages\": [\n{\"id\": 1}", "the file is cut short: it ends inside the messages array, after message record 1; export the chat again", 2},
		{"truncated before the messages", "{\"name\": \"c\",\n\"mess", "truncated JSON", 2},
		{"malformed", tgLines(`{"id": 1}`, `{"id": 1,}`), "malformed JSON in message record 2", 3},
		{"malformed after an \\x escape", tgLines(`{"id": 1, "text": "a\x0Bb"}`, `{"id": 1,}`), "malformed JSON in message record 2", 3},
		{"bad \\x escape", tgLines(`{"id": 1}`, `{"id": 2, "text": "a\xZZ"}`), "malformed JSON in message record 2", 3},
		{"bad date in a laid out record", fmt.Sprintf(tgPretty, `"garbage"`, `"1"`, `"text": ""`), `message record 2: bad date "garbage"`, 10},
		{"bad unixtime in a laid out record", fmt.Sprintf(tgPretty, `"2023-12-31T10:00:00"`, `"x"`, `"text": ""`), "message record 2: bad date_unixtime", 11},
		{"bad text in a laid out record", fmt.Sprintf(tgPretty, `"2023-12-31T10:00:00"`, `"1"`, "\"text\": [\n    [1]\n   ]"), "message record 2: bad text", 12},
		{"wrong type in a laid out record", fmt.Sprintf(tgPretty, `"2023-12-31T10:00:00"`, `"1"`, `"members": {}`), `field "members" in message record 2`, 12},
		{"object as a scalar in a laid out record", fmt.Sprintf(tgPretty, `"2023-12-31T10:00:00"`, `"1"`, `"from": {"id": 5}`), "message record 2", 12},
		{"array as a scalar in a laid out record", fmt.Sprintf(tgPretty, `"2023-12-31T10:00:00"`, `"1"`, "\"from_id\": [\n    \"user5\"\n   ]"), "message record 2", 12},
		{"object as a date in a laid out record", fmt.Sprintf(tgPretty, `{"s": 1}`, `"1"`, `"text": ""`), "message record 2", 10},
		{"wrong type in an entity of a laid out record", fmt.Sprintf(tgPretty, `"2023-12-31T10:00:00"`, `"1"`, `"text_entities": [{"type": "bold", "text": ["x"]}]`), "message record 2", 12},
		{"truncated in a laid out record", fmt.Sprintf(tgPretty, `"2023-12-31T10:00:00"`, `"1"`, `"text": ""`)[:150], "the file is cut short: it ends inside the messages array, after message record 1; export the chat again", 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTelegram(strings.NewReader(tt.in), "x/result.json")
			checkParseError(t, err, tt.want, tt.line)
			if !strings.HasPrefix(err.Error(), "x/result.json") {
				t.Errorf("error %q does not start with the path", err)
			}
		})
	}
}

// tgAll is an all-chats export (Export Telegram data) laid out one member
// a line: the about text and personal information, then the chats and
// left_chats lists, each chat a single-chat export's object on one line.
func tgAll(chats, left []string) string {
	return "{\n \"about\": \"Here is the data you requested.\",\n \"personal_information\": {\"user_id\": 1, \"first_name\": \"Tina\"},\n" +
		" \"chats\": {\n  \"about\": \"This page lists all chats from this export.\",\n  \"list\": [\n" + strings.Join(chats, ",\n") + "\n  ]\n },\n" +
		" \"left_chats\": {\n  \"about\": \"left\",\n  \"list\": [\n" + strings.Join(left, ",\n") + "\n  ]\n }\n}\n"
}

// tgChat is one chat of an all-chats export, on one line: head (its name,
// type and id members) and its message records.
func tgChat(head string, records ...string) string {
	return "{" + head + `, "messages": [` + strings.Join(records, ", ") + "]}"
}

// TestEachTelegramChat checks that an all-chats export gives each chat with
// messages as a log of its own, in file order, read as its single-chat
// export is, lines counted in the whole file; that a single-chat export
// gives its one chat; and that ParsePath gives the same logs.
func TestEachTelegramChat(t *testing.T) {
	rec := func(id int, text string) string {
		return fmt.Sprintf(`{"id": %d, "type": "message", "date": "2024-03-04T10:0%d:00", "from": "Bo", "from_id": "user2", "text": %q}`, id, id, text)
	}
	type logView struct {
		Title, Group string
		Lines        []int
	}
	tests := []struct {
		name string
		in   string
		want []logView
	}{
		{"single chat", tgMsg(rec(1, "a"), rec(2, "b")), []logView{{"Chat", "Chat", []int{1, 1}}}},
		{"all chats, left ones too; a chat without messages gives no log", tgAll(
			[]string{
				tgChat(`"name": "支付群", "type": "private_supergroup", "id": 10`, rec(1, "q?"), rec(2, "a")),
				tgChat(`"name": "Empty", "type": "private_group", "id": 11`),
				tgChat(`"type": "saved_messages", "id": 12`, rec(3, "note")),
				tgChat(`"name": null, "type": "personal_chat", "id": 14`, rec(5, "hi")),
			},
			[]string{tgChat(`"name": "Old channel", "type": "public_channel", "id": 13`, rec(4, "news"))}),
			[]logView{{"支付群", "支付群", []int{7, 7}}, {"Saved Messages", "Saved Messages", []int{9}}, {"Chat 14", "Chat 14", []int{10}}, {"Old channel", "Old channel", []int{16}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []logView
			partial, err := eachTelegramChat(strings.NewReader(tt.in), "result.json", zone{}, func(log *Log) error {
				checkLog(t, log, FormatTelegram, len(log.Messages))
				if log.Path != "result.json" {
					t.Errorf("Path = %q, want the file's", log.Path)
				}
				v := logView{Title: log.Title, Group: log.Group}
				for i, m := range log.Messages {
					if m.Index != i {
						t.Errorf("%s: message %d has Index %d", log.Title, i, m.Index)
					}
					v.Lines = append(v.Lines, m.Line)
				}
				got = append(got, v)
				return nil
			})
			if err != nil || partial != nil {
				t.Fatal(err, partial)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("logs %+v, want %+v", got, tt.want)
			}
			path := filepath.Join(t.TempDir(), "result.json")
			if err := os.WriteFile(path, []byte(tt.in), 0o644); err != nil {
				t.Fatal(err)
			}
			logs, err := ParsePath(path, "", nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(logs) != len(tt.want) {
				t.Fatalf("ParsePath: %d logs, want %d", len(logs), len(tt.want))
			}
			for i, log := range logs {
				if log.Title != tt.want[i].Title || len(log.Messages) != len(tt.want[i].Lines) {
					t.Errorf("ParsePath log %d: %q with %d messages, want %+v", i, log.Title, len(log.Messages), tt.want[i])
				}
			}
		})
	}
}

// TestEachTelegramChatErrors checks the errors of all-chats exports: one
// without any chat's messages, one whose record is malformed, at its line
// in the file, after the chats before it, and one cut short inside a
// chat's messages, which come with the error.
func TestEachTelegramChatErrors(t *testing.T) {
	rec := `{"id": 1, "type": "message", "date": "2024-03-04T10:00:00", "from": "Bo", "text": "x"}`
	good := tgChat(`"name": "A", "type": "private_group", "id": 1`, rec)
	bad := tgChat(`"name": "B", "type": "private_group", "id": 2`, `{"id": 1, "type": "message", "date": "04/03/2024", "from": "Bo", "text": "x"}`)
	two := tgChat(`"name": "C", "type": "private_group", "id": 3`, rec, strings.Replace(rec, `"id": 1`, `"id": 2`, 1))
	cut := tgAll([]string{good, two}, nil)
	cut = cut[:strings.Index(cut, `"id": 2, "type"`)+5] // inside chat C's second record
	tests := []struct {
		name, in, want string
		line, logs     int
		partial        int // messages of the chat the error is in
	}{
		{"no chats", `{"about": "x", "personal_information": {}}`, `not a single-chat Telegram export: no "messages" array`, 0, 0, 0},
		{"no chat with messages", tgAll([]string{tgChat(`"name": "E", "type": "private_group", "id": 1`)}, nil), "is a Telegram all-chats export (Export Telegram data) without any chat's messages: export again with the chats ticked, or export one chat", 0, 0, 0},
		{"a bad date in the second chat", tgAll([]string{good, bad}, nil), `message record 1: bad date "04/03/2024"`, 8, 1, 0},
		{"cut inside the second chat's second message", cut, "result.json:8: the file is cut short: it ends inside the messages array, after message record 1; export the chat again", 8, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs := 0
			partial, err := eachTelegramChat(strings.NewReader(tt.in), "result.json", zone{}, func(*Log) error {
				logs++
				return nil
			})
			checkParseError(t, err, tt.want, tt.line)
			n, title := 0, ""
			if partial != nil {
				n, title = len(partial.Messages), partial.Title
			}
			if n != tt.partial || n > 0 && title != "C" {
				t.Errorf("the chat with the error gave %d messages of %q, want %d of chat C", n, title, tt.partial)
			}
			if logs != tt.logs {
				t.Errorf("%d logs before the error, want %d", logs, tt.logs)
			}
		})
	}
}

func TestTelegramEscapes(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"control character", `{"a\x0B": "b\x1F"}`, `{"a\u000B": "b\u001F"}`},
		{"escaped backslash then x", `["\\x41"]`, `["\\x41"]`},
		{"three backslashes", `["\\\x41"]`, `["\\\u0041"]`},
		{"after an escaped quote", `["\"\x41", "\x42"]`, `["\"\u0041", "\u0042"]`},
		{"outside strings", `{"a": 1} \x41`, `{"a": 1} \x41`},
		{"line ends kept", "[\n\"\\x0A\",\n\"x\"\n]", "[\n\"\\u000A\",\n\"x\"\n]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range []io.Reader{strings.NewReader(tt.in), iotest.OneByteReader(strings.NewReader(tt.in))} {
				got, err := io.ReadAll(newTelegramEscapes(r))
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != tt.want {
					t.Errorf("got %s, want %s", got, tt.want)
				}
			}
		})
	}
}

func TestParseTelegramReadError(t *testing.T) {
	_, err := ParseTelegram(failingReader{}, "r.json")
	checkParseError(t, err, "disk on fire", -1)
}

func TestLooksTelegram(t *testing.T) {
	checkSniffer(t, "telegram", looksTelegram)
	for _, s := range []string{
		"\ufeff{\n \"name\": \"c\",\n \"type\": \"personal_chat\",\n \"id\": 1,\n \"messages\": [\n  {\n   \"id\": 1,\n   \"date_unixtime\": \"1\"",
		`{"type": "saved_messages", "id": 1, "messages": [{"id": 1, "from_id": "user1"`,
		"{\n \"about\": \"Here is the data you requested.\",\n \"personal_information\": {\n  \"user_id\": 1",
		"\ufeff{\"about\": \"Here is the \\\"data\\\"\", \"chats\": {\"about\": \"x\", \"list\": [",
	} {
		if !looksTelegram([]byte(s)) {
			t.Errorf("looksTelegram(%q) = false", s)
		}
	}
	for _, s := range []string{
		`{"weflow": {}, "messages": [{"date_unixtime": "1"}]}`,
		`{"about": "a blog", "posts": []}`,
		`{"about": {"chats": []}}`,
	} {
		if looksTelegram([]byte(s)) {
			t.Errorf("looksTelegram(%q) = true", s)
		}
	}
}

// checkSniffer checks that sniff accepts the head of every fixture of its own
// format and rejects every other file under testdata/chatlog (the other
// formats' fixtures, the cocolian archives, Slack member lists) and a few
// short texts.
func checkSniffer(t *testing.T, own string, sniff func([]byte) bool) {
	t.Helper()
	root := filepath.Join("..", "..", "testdata", "chatlog")
	accepted := 0
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".golden.json") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		format, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		got := sniff(data[:min(len(data), 8*1024)])
		if got != (format == own) {
			t.Errorf("sniffer for %s on %s = %v", own, rel, got)
		}
		if got {
			accepted++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if accepted == 0 {
		t.Errorf("sniffer for %s accepted no fixture", own)
	}
	for _, s := range []string{"", "---\ntitle: x\n---\n", "> 10:00:00  甲  \nhi\n", "{}", "[]", "hello\nworld\n"} {
		if sniff([]byte(s)) {
			t.Errorf("sniffer for %s accepts %q", own, s)
		}
	}
}

func FuzzParseTelegram(f *testing.F) {
	dir, _ := appFixtureDir("telegram")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil && !strings.HasSuffix(file, ".golden.json") {
			f.Add(data)
		}
	}
	f.Add([]byte(tgMsg(`{"id": 1, "type": "unsupported"}`, `{"id": 2, "date": "2023-12-31T10:00:00", "text": [{"type": "mention_name", "text": "a", "user_id": 1}]}`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		log, err := ParseTelegram(bytes.NewReader(data), "fuzz/result.json")
		fuzzCheck(t, log, err)
	})
}
