package chatlog

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// senderView is what TestDistinctSenders compares of a message.
type senderView struct {
	Sender   string
	Mentions []string
}

// senderViews returns the senders and mentions of msgs.
func senderViews(msgs []Message) []senderView {
	out := make([]senderView, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, senderView{m.Sender, m.Mentions})
	}
	return out
}

// tgRec is a Telegram message record from sender (from_id id) with the
// text entities given as JSON.
func tgRec(n int, name, id, entities string) string {
	return `{"id": ` + string(rune('0'+n)) + `, "type": "message", "date": "2024-03-11T10:0` + string(rune('0'+n)) + `:00", "from": "` + name + `", "from_id": "` + id + `", "text": "", "text_entities": ` + entities + `}`
}

func TestDistinctSenders(t *testing.T) {
	const plain = `[{"type": "plain", "text": "x"}]`
	tests := []struct {
		name   string
		format string
		in     string
		want   []senderView
	}{
		{
			name:   "Telegram: two accounts of one name, the second has its id added",
			format: FormatTelegram,
			in:     tgMsg(tgRec(1, "Bob Li", "user201", plain), tgRec(2, "Bob Li", "user202", plain), tgRec(3, "Bob Li", "user201", plain)),
			want:   []senderView{{"Bob Li", nil}, {"Bob Li (user202)", nil}, {"Bob Li", nil}},
		},
		{
			name:   "Telegram: a mention_name names the account by its user_id, even before it sends; a typed @ keeps the shared name",
			format: FormatTelegram,
			in: tgMsg(
				tgRec(1, "Bob Li", "user201", plain),
				tgRec(2, "Ann", "user7", `[{"type": "mention_name", "text": "Bob Li", "user_id": 202}, {"type": "plain", "text": " and "}, {"type": "mention_name", "text": "Bob Li", "user_id": 201}]`),
				tgRec(3, "Bob Li", "user202", `[{"type": "plain", "text": "@Bob Li yes"}]`)),
			want: []senderView{{"Bob Li", nil}, {"Ann", []string{"Bob Li (user202)", "Bob Li"}}, {"Bob Li (user202)", []string{"Bob Li"}}},
		},
		{
			name:   "Telegram: one account under two names is left alone",
			format: FormatTelegram,
			in:     tgMsg(tgRec(1, "Bob", "user201", plain), tgRec(2, "Bob Li", "user201", plain)),
			want:   []senderView{{"Bob", nil}, {"Bob Li", nil}},
		},
		{
			name:   "Discord: author ids tell two nicknames apart",
			format: FormatDiscord,
			in: dcMsg(`{"id": "1", "type": "Default", "timestamp": "2024-03-11T10:00:00Z", "content": "q?", "author": {"id": "5", "name": "bob1", "nickname": "Bob"}}`,
				`{"id": "2", "type": "Default", "timestamp": "2024-03-11T10:01:00Z", "content": "a", "author": {"id": "6", "name": "bob2", "nickname": "Bob"}}`),
			want: []senderView{{"Bob", nil}, {"Bob (6)", nil}},
		},
		{
			name:   "chatlog CSV, read as a stream: wxids tell two group nicknames apart",
			format: FormatChatlogCSV,
			in: "Time,SenderName,Sender,TalkerName,Talker,Content\n" +
				"2025-03-06 09:00:00,李雷,wxid_a,群,1@chatroom,分账比例上限是多少？\n" +
				"2025-03-06 09:01:00,李雷,wxid_b,群,1@chatroom,默认30%\n",
			want: []senderView{{"李雷", nil}, {"李雷 (wxid_b)", nil}},
		},
		{
			name:   "WhatsApp gives no ids: one name is one sender",
			format: FormatWhatsApp,
			in:     "[11/03/2024, 10:00:00] Bob Li: q?\n[11/03/2024, 10:01:00] Bob Li: a\n",
			want:   []senderView{{"Bob Li", nil}, {"Bob Li", nil}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, err := Parse(strings.NewReader(tt.in), "x", tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if got := senderViews(log.Messages); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse: got %+v, want %+v", got, tt.want)
			}
			var scanned []Message
			if _, err := Scan(strings.NewReader(tt.in), "x", tt.format, func(_ *Log, m Message) error {
				scanned = append(scanned, m)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if got := senderViews(scanned); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Scan: got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestDistinctSendersPath checks the inputs ParsePath reads as several
// logs: a Slack export's channels, a Telegram all-chats export's chats.
// Each log is renamed alone.
func TestDistinctSendersPath(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"channels.json":       `[]`,
		"users.json":          `[{"id": "U1", "name": "bob", "profile": {"display_name": "Bob Li"}}, {"id": "U2", "name": "bob2", "profile": {"display_name": "Bob Li"}}]`,
		"dev/2024-01-01.json": `[{"user": "U1", "ts": "1704067200.000000", "text": "q?"}, {"user": "U2", "ts": "1704067260.000000", "text": "a"}]`,
		"ops/2024-01-01.json": `[{"user": "U2", "ts": "1704067200.000000", "text": "only U2 here"}]`,
	})
	logs, err := ParsePath(dir, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]senderView{}
	for _, log := range logs {
		got[log.Title] = senderViews(log.Messages)
	}
	want := map[string][]senderView{
		"dev": {{"Bob Li", nil}, {"Bob Li (U2)", nil}},
		"ops": {{"Bob Li", nil}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Slack channels: got %+v, want %+v", got, want)
	}

	all := filepath.Join(t.TempDir(), "result.json")
	chat := func(id, recs string) string {
		return `{"name": "C` + id + `", "type": "private_group", "id": ` + id + `, "messages": [` + recs + `]}`
	}
	writeFiles(t, filepath.Dir(all), map[string]string{"result.json": `{"about": "x", "chats": {"about": "y", "list": [` +
		chat("1", tgRec(1, "Bob Li", "user201", `[]`)+","+tgRec(2, "Bob Li", "user202", `[]`)) + `]}}`})
	logs, err = ParsePath(all, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(logs) != 1 {
		t.Fatalf("got %d Telegram chats, want 1", len(logs))
	}
	if got, want := senderViews(logs[0].Messages), []senderView{{"Bob Li", nil}, {"Bob Li (user202)", nil}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Telegram all-chats export: got %+v, want %+v", got, want)
	}
}
