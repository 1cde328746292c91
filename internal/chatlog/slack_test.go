package chatlog

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// slackExports returns the fixture export folders.
func slackExports(t *testing.T) []string {
	t.Helper()
	dir, _ := appFixtureDir("slack")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	if len(out) == 0 {
		t.Fatalf("no export folders in %s", dir)
	}
	return out
}

// countSlackRecords counts the records of a channel folder's day files
// independently of the parser.
func countSlackRecords(t *testing.T, dir string) int {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var recs []json.RawMessage
		if err := json.Unmarshal(data, &recs); err != nil {
			t.Fatal(err)
		}
		n += len(recs)
	}
	return n
}

func TestParseSlackDirGolden(t *testing.T) {
	for _, dir := range slackExports(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			if !IsSlackDir(dir) {
				t.Fatalf("IsSlackDir(%s) = false", dir)
			}
			logs, err := ParseSlackDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(logs) == 0 {
				t.Fatal("no channels")
			}
			for _, log := range logs {
				checkLog(t, log, FormatSlack, countSlackRecords(t, log.Path))
				for i := 1; i < len(log.Messages); i++ {
					if log.Messages[i].Time.Before(log.Messages[i-1].Time) {
						t.Errorf("%s: message %d is earlier than message %d", log.Path, i, i-1)
					}
				}
				// A repository-relative path keeps the golden output
				// independent of where the test runs.
				rel, err := filepath.Rel(filepath.Join("..", ".."), log.Path)
				if err != nil {
					t.Fatal(err)
				}
				log.Path = filepath.ToSlash(rel)
			}
			checkGolden(t, logs, dir+".golden.json")
		})
	}
}

func TestParseSlackDirChannels(t *testing.T) {
	dir, _ := appFixtureDir("slack")
	logs, err := ParseSlackDir(filepath.Join(dir, "workspace"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range logs {
		names = append(names, l.Title)
	}
	if !reflect.DeepEqual(names, []string{"general", "random"}) {
		t.Fatalf("channels %q, want [general random] (notes has no day files)", names)
	}
	g := logs[0]
	if g.Date != "" || g.Group != "general" || filepath.Base(g.Path) != "general" {
		t.Errorf("general: Date %q Group %q Path %q", g.Date, g.Group, g.Path)
	}
	if logs[1].Date != "2024-01-15" {
		t.Errorf("random: Date %q, want 2024-01-15", logs[1].Date)
	}
	// The thread reply posted on the 16th names the parent of the 15th.
	var reply *Message
	for i := range g.Messages {
		if strings.HasPrefix(g.Messages[i].Text, "谢谢") {
			reply = &g.Messages[i]
		}
	}
	// Its record opens on line 2 of 2024-01-16.json, after the 88 lines of 2024-01-15.json.
	if reply == nil || reply.ReplyToID != g.Messages[1].ID || reply.Line != 90 {
		t.Errorf("thread reply %+v, want ReplyToID %s and Line 90", reply, g.Messages[1].ID)
	}
}

func TestReadSlackDay(t *testing.T) {
	users := map[string]string{"U1": "alice", "U2": "Bob Li"}
	tests := []struct {
		name string
		in   string
		want []msgView
	}{
		{
			name: "text with mentions, channel, here and escapes",
			in:   `[{"type": "message", "user": "U1", "ts": "1705311000.000100", "text": "<@U2> &amp; <@U9|zed>: see <#C1|general> <!here> a &lt;b&gt;"}]`,
			want: []msgView{{ID: "1705311000.000100", Sender: "alice", SenderID: "U1", Type: TypeText,
				Text: "@Bob Li & @zed: see #general @here a <b>", Mentions: []string{"Bob Li", "zed"}, Time: "2024-01-15T09:30:00Z"}},
		},
		{
			name: "thread reply and parent",
			in: `[{"user": "U1", "ts": "1705311000.000100", "thread_ts": "1705311000.000100", "text": "q"},
			      {"user": "U2", "ts": "1705311060.000200", "thread_ts": "1705311000.000100", "parent_user_id": "U1", "text": "a"}]`,
			want: []msgView{
				{ID: "1705311000.000100", Sender: "alice", SenderID: "U1", Type: TypeText, Text: "q"},
				{ID: "1705311060.000200", Sender: "Bob Li", SenderID: "U2", Type: TypeText, Text: "a", ReplyToID: "1705311000.000100"},
			},
		},
		{
			name: "system subtypes keep their sender",
			in: `[{"subtype": "channel_join", "user": "U2", "ts": "1705311000.1", "text": "<@U2> has joined the channel"},
			      {"subtype": "pinned_item", "user": "U1", "ts": "1705311001", "text": "pinned a message"}]`,
			want: []msgView{
				{ID: "1705311000.1", Sender: "Bob Li", SenderID: "U2", Type: TypeSystem, Text: "@Bob Li has joined the channel", Time: "2024-01-15T09:30:00Z"},
				{ID: "1705311001", Sender: "alice", SenderID: "U1", Type: TypeSystem, Text: "pinned a message"},
			},
		},
		{
			name: "files and links",
			in: `[{"user": "U1", "ts": "1.0", "text": "", "files": [{"name": "a.jpg", "mimetype": "image/jpeg", "permalink": "https://p/a.jpg"}]},
			      {"user": "U1", "ts": "2.0", "text": "", "files": [{"name": "r.pdf", "title": " ", "mimetype": "application/pdf", "url_private": "https://f/r.pdf"}]},
			      {"user": "U1", "ts": "3.0", "text": "<https://x.org/a?b=1&amp;c=2>", "attachments": [{"title": "A page", "from_url": "https://x.org/a?b=1&c=2"}]},
			      {"user": "U1", "ts": "4.0", "text": "<mailto:a@b.org|a@b.org>"},
			      {"user": "U1", "ts": "5.0", "text": "see <https://x.org|x>"}]`,
			want: []msgView{
				{ID: "1.0", Sender: "alice", SenderID: "U1", Type: TypeImage, URL: "https://p/a.jpg"},
				{ID: "2.0", Sender: "alice", SenderID: "U1", Type: TypeLink, Text: "r.pdf", URL: "https://f/r.pdf", LinkTitle: "r.pdf"},
				{ID: "3.0", Sender: "alice", SenderID: "U1", Type: TypeLink, Text: "https://x.org/a?b=1&c=2", URL: "https://x.org/a?b=1&c=2", LinkTitle: "A page"},
				{ID: "4.0", Sender: "alice", SenderID: "U1", Type: TypeLink, Text: "a@b.org", URL: "mailto:a@b.org", LinkTitle: "a@b.org"},
				{ID: "5.0", Sender: "alice", SenderID: "U1", Type: TypeText, Text: "see x"},
			},
		},
		{
			name: "an empty text takes the attachments' text",
			in: `[{"subtype": "bot_message", "bot_id": "B1", "username": "alerts", "ts": "1.0", "text": "",
			       "attachments": [{"fallback": "[FIRING] disk full", "pretext": "Alert for <@U2>", "title": "Disk full on db1",
			                        "title_link": "https://grafana/d/1", "text": "usage is 97% &gt; 90%",
			                        "fields": [{"title": "Host", "value": "db1", "short": true}, {"title": "", "value": "prod"}]}]},
			      {"subtype": "bot_message", "bot_id": "B1", "username": "alerts", "ts": "2.0", "text": " ",
			       "attachments": [{"fallback": "Build 42 failed"}, {"color": "danger"}]},
			      {"subtype": "bot_message", "bot_id": "B2", "username": "rss", "ts": "3.0", "text": "",
			       "attachments": [{"title": "Release 2024.1", "title_link": "https://x.org/r"}]},
			      {"user": "U1", "ts": "4.0", "text": "kept", "attachments": [{"text": "not this"}]}]`,
			want: []msgView{
				{ID: "1.0", Sender: "alerts", SenderID: "B1", Type: TypeText,
					Text: "Alert for @Bob Li\nDisk full on db1\nusage is 97% > 90%\nHost: db1\nprod", Mentions: []string{"Bob Li"}},
				{ID: "2.0", Sender: "alerts", SenderID: "B1", Type: TypeText, Text: "Build 42 failed"},
				{ID: "3.0", Sender: "rss", SenderID: "B2", Type: TypeLink, Text: "Release 2024.1", URL: "https://x.org/r", LinkTitle: "Release 2024.1"},
				{ID: "4.0", Sender: "alice", SenderID: "U1", Type: TypeText, Text: "kept"},
			},
		},
		{
			name: "an empty text takes the blocks' text, before the attachments'",
			in: `[{"user": "U1", "ts": "1.0", "text": "", "attachments": [{"fallback": "not this"}], "blocks": [{"type": "rich_text", "elements": [
			        {"type": "rich_text_section", "elements": [{"type": "user", "user_id": "U2"}, {"type": "text", "text": " how do I refund a <partial> order? "},
			                                                   {"type": "emoji", "name": "pray"}]},
			        {"type": "rich_text_list", "style": "bullet", "elements": [
			          {"type": "rich_text_section", "elements": [{"type": "text", "text": "see "}, {"type": "link", "url": "https://d.org", "text": "docs"}]},
			          {"type": "rich_text_section", "elements": [{"type": "channel", "channel_id": "C1"}, {"type": "broadcast", "range": "here"}]}]}]}]},
			      {"subtype": "bot_message", "bot_id": "B1", "username": "deploy", "ts": "2.0", "blocks": [
			        {"type": "header", "text": {"type": "plain_text", "text": "Deploy done"}},
			        {"type": "section", "text": {"type": "mrkdwn", "text": "*api* v2 is live"}, "fields": [{"type": "mrkdwn", "text": "*Env:* prod"}]},
			        {"type": "divider"}, {"type": "actions", "elements": [{"type": "button", "text": {"type": "plain_text", "text": "Roll back"}}]},
			        {"type": "context", "elements": [{"type": "mrkdwn", "text": "by <@U1>"}, {"type": "plain_text", "text": "2 min"}]}]},
			      {"user": "U1", "ts": "3.0", "text": "", "blocks": "not blocks"}]`,
			want: []msgView{
				{ID: "1.0", Sender: "alice", SenderID: "U1", Type: TypeText,
					Text: "@Bob Li how do I refund a <partial> order? :pray:\nsee docs\n#C1@here", Mentions: []string{"Bob Li"}},
				{ID: "2.0", Sender: "deploy", SenderID: "B1", Type: TypeText, Text: "Deploy done\n*api* v2 is live\n*Env:* prod\nby @alice 2 min", Mentions: []string{"alice"}},
				{ID: "3.0", Sender: "alice", SenderID: "U1", Type: TypeText},
			},
		},
		{
			name: "senders from the profile, the username, the bot profile or the id",
			in: `[{"user": "U7", "ts": "1.0", "text": "a", "user_profile": {"display_name": "", "real_name": "Seven"}},
			      {"subtype": "bot_message", "bot_id": "B1", "username": "deploybot", "ts": "2.0", "text": "b"},
			      {"subtype": "bot_message", "bot_id": "B2", "bot_profile": {"name": "ci"}, "ts": "3.0", "text": "c"},
			      {"user": "U8", "ts": "4.0", "text": "d"}]`,
			want: []msgView{
				{ID: "1.0", Sender: "Seven", SenderID: "U7", Type: TypeText, Text: "a"},
				{ID: "2.0", Sender: "deploybot", SenderID: "B1", Type: TypeText, Text: "b"},
				{ID: "3.0", Sender: "ci", SenderID: "B2", Type: TypeText, Text: "c"},
				{ID: "4.0", Sender: "U8", SenderID: "U8", Type: TypeText, Text: "d"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs, err := readSlackDay(strings.NewReader(tt.in), "general/2024-01-15.json", users, 0)
			if err != nil {
				t.Fatal(err)
			}
			log := &Log{Format: FormatSlack, Messages: msgs}
			for i := range log.Messages {
				log.Messages[i].Index = i
			}
			checkLog(t, log, FormatSlack, len(tt.want))
			checkViews(t, log, tt.want)
		})
	}
}

// writeFiles creates files (path -> content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestParseSlackDirOrderAndLines(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"channels.json":       `[]`,
		"dev/2024-01-02.json": "[\n{\"user\": \"U1\", \"ts\": \"1704153600.000001\", \"text\": \"second day\"}]",
		"dev/2024-01-01.json": "[{\"user\": \"U1\", \"ts\": \"1704067300.000000\", \"text\": \"b\"},\n{\"user\": \"U1\", \"ts\": \"1704067200.000000\", \"text\": \"a\"}]\n",
		"dev/notes.json":      `not a day file`,
	})
	logs, err := ParseSlackDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(logs) != 1 {
		t.Fatalf("got %d logs", len(logs))
	}
	var got []string
	for _, m := range logs[0].Messages {
		got = append(got, m.Text+"@"+string(rune('0'+m.Line)))
	}
	if want := []string{"a@2", "b@1", "second day@4"}; !reflect.DeepEqual(got, want) {
		t.Errorf("messages %q, want %q (time order, Line counted on through the day files in name order)", got, want)
	}
	checkLog(t, logs[0], FormatSlack, 3)
	if logs[0].Messages[0].Sender != "U1" {
		t.Errorf("sender %q without users.json, want the id", logs[0].Messages[0].Sender)
	}
}

func TestIsSlackDir(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"channels.json", map[string]string{"channels.json": "[]"}, true},
		{"users.json", map[string]string{"users.json": "[]"}, true},
		{"org_users.json", map[string]string{"org_users.json": "[]"}, true},
		{"empty", nil, false},
		{"only a channel", map[string]string{"general/2024-01-01.json": "[]"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			if got := IsSlackDir(dir); got != tt.want {
				t.Errorf("IsSlackDir = %v, want %v", got, tt.want)
			}
		})
	}
	if IsSlackDir(filepath.Join(t.TempDir(), "missing")) {
		t.Error("IsSlackDir of a missing folder = true")
	}
}

func TestParseSlackDirErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		file  string // the file the error names, relative to the export
		want  string
		line  int
	}{
		{"not an export", map[string]string{"general/2024-01-01.json": "[]"}, "", "not a Slack export folder", 0},
		{"users not an array", map[string]string{"users.json": "\n{\"id\": \"U1\"}"}, "users.json", `expected "["`, 2},
		{"bad user", map[string]string{"users.json": "[{\"id\": \"U1\"},\n{\"id\": [\"U2\"]}]"}, "users.json", "user record 2", 2},
		{"bad ts", map[string]string{"users.json": `[]`, "g/2024-01-01.json": "[{\"ts\": \"1.0\"},\n{\"ts\": \"yesterday\"}]"},
			"g/2024-01-01.json", `message record 2: bad ts "yesterday"`, 2},
		{"bad ts in a laid out record", map[string]string{"users.json": `[]`, "g/2024-01-01.json": "[\n  {\n    \"text\": \"x\",\n    \"ts\": \"yesterday\"\n  }\n]"},
			"g/2024-01-01.json", `message record 1: bad ts "yesterday"`, 4},
		{"missing ts", map[string]string{"users.json": `[]`, "g/2024-01-01.json": "[\n{\"text\": \"x\"}]"}, "g/2024-01-01.json", "bad ts", 2},
		{"truncated day", map[string]string{"users.json": `[]`, "g/2024-01-01.json": "[{\"ts\": \"1.0\"},\n{\"ts\": \"2."}, "g/2024-01-01.json", "truncated JSON in message record 2", 2},
		{"record not an object", map[string]string{"users.json": `[]`, "g/2024-01-01.json": "[\n\"x\"]"}, "g/2024-01-01.json", "message record 1", 2},
		{"empty day file", map[string]string{"users.json": `[]`, "g/2024-01-01.json": ``}, "g/2024-01-01.json", "truncated JSON", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			_, err := ParseSlackDir(dir)
			checkParseError(t, err, tt.want, tt.line)
			if want := filepath.Join(dir, filepath.FromSlash(tt.file)); !strings.HasPrefix(err.Error(), want+":") {
				t.Errorf("error %q does not start with %s:", err, want)
			}
		})
	}
}

// TestParseSlackDirPartial checks that a file that cannot be read leaves
// the others read: the channels and days it does not hold, the members read
// before its error.
func TestParseSlackDirPartial(t *testing.T) {
	const day = `[{"user": "U1", "ts": "1704067200.000100", "text": "ok"}]`
	tests := []struct {
		name     string
		files    map[string]string
		channels map[string]int // title -> messages
		errs     []string       // what the errors say, each "file:line: ..." relative to the export
		sender   string         // the sender of general's first message
	}{
		{
			name: "a truncated day file leaves its channel's other days and the other channels",
			files: map[string]string{
				"users.json": `[{"id": "U1", "name": "alice"}]`, "general/2024-01-01.json": day,
				"help/2024-01-01.json": day, "help/2024-01-02.json": "[{\"user\": \"U1\", \"ts\": \"1704153600.1\", \"text\": \"cut\"},\n{\"ts\": \"17",
			},
			channels: map[string]int{"general": 1, "help": 1},
			errs:     []string{"help/2024-01-02.json:2: truncated JSON in message record 2"},
			sender:   "alice",
		},
		{
			name: "a channel none of whose days can be read gives no log; each error is kept",
			files: map[string]string{
				"channels.json": `[]`, "general/2024-01-01.json": day,
				"help/2024-01-01.json": `[{"ts": "x"}]`, "help/2024-01-02.json": `{}`,
				"random/2024-01-01.json": "[\n{\"ts\": \"yesterday\"}]",
			},
			channels: map[string]int{"general": 1},
			errs: []string{`help/2024-01-01.json:1: message record 1: bad ts "x"`, `help/2024-01-02.json:1: `,
				`random/2024-01-01.json:2: message record 1: bad ts "yesterday"`},
			sender: "U1",
		},
		{
			name: "a broken users.json names the members read before its error",
			files: map[string]string{
				"users.json":              "[{\"id\": \"U1\", \"name\": \"alice\"},\n{\"id\": [\"U2\"]}]",
				"general/2024-01-01.json": day,
			},
			channels: map[string]int{"general": 1},
			errs:     []string{"users.json:2: cannot read JSON in user record 2"},
			sender:   "alice",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			logs, err := ParseSlackDir(dir)
			got := map[string]int{}
			for _, l := range logs {
				got[l.Title] = len(l.Messages)
				checkLog(t, l, FormatSlack, len(l.Messages))
			}
			if !reflect.DeepEqual(got, tt.channels) {
				t.Errorf("channels %v, want %v", got, tt.channels)
			}
			if len(logs) > 0 && logs[0].Messages[0].Sender != tt.sender {
				t.Errorf("sender %q, want %q", logs[0].Messages[0].Sender, tt.sender)
			}
			var lines []string
			if err != nil {
				lines = strings.Split(err.Error(), "\n")
			}
			if len(lines) != len(tt.errs) {
				t.Fatalf("errors %q, want %d", lines, len(tt.errs))
			}
			for i, want := range tt.errs {
				if want = filepath.Join(dir, filepath.FromSlash(want)); !strings.HasPrefix(lines[i], want) {
					t.Errorf("error %q, want it to start with %q", lines[i], want)
				}
			}
			checkParseError(t, err, "", -1)
		})
	}
}

func TestSlackTime(t *testing.T) {
	for _, ts := range []string{"", ".5", "1.0000000001", "1e9", "-1.0", "１.0"} {
		if _, err := slackTime(ts); err == nil {
			t.Errorf("slackTime(%q) accepted", ts)
		}
	}
	got, err := slackTime("1705311000.000123")
	if err != nil || got.Format("2006-01-02T15:04:05.000000Z07:00") != "2024-01-15T09:30:00.000123Z" {
		t.Errorf("slackTime = %v, %v", got, err)
	}
}

func FuzzParseSlack(f *testing.F) {
	dir, _ := appFixtureDir("slack")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*", "*.json"))
	more, _ := filepath.Glob(filepath.Join(dir, "*", "users.json"))
	for _, file := range append(files, more...) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`[{"ts": "1.5", "text": "<@U1|a> <#C|> <!subteam^S1> <|> <>", "thread_ts": "1.0", "files": [{}]}]`))
	users := map[string]string{"U01ALICE": "alice"}
	f.Fuzz(func(t *testing.T, data []byte) {
		msgs, err := readSlackDay(bytes.NewReader(data), "fuzz/general/2024-01-15.json", users, 0)
		log := &Log{Messages: msgs}
		for i := range log.Messages {
			log.Messages[i].Index = i
		}
		fuzzCheck(t, log, err)
		err = readSlackUsers(bytes.NewReader(data), "fuzz/users.json", map[string]string{})
		fuzzCheck(t, &Log{}, err)
	})
}

// TestSlackLinesStableWhenDaySkipped checks that a day file left out (bad
// JSON, a bad record, a truncated file, not an array) moves no other
// message's Line: the Lines of the days after it are those of the export
// whose day file, of as many lines (four), reads.
func TestSlackLinesStableWhenDaySkipped(t *testing.T) {
	good := "[\n  {\"user\": \"U1\", \"ts\": \"1704153600.000100\", \"text\": \"day two\"},\n  {\"user\": \"U1\", \"ts\": \"1704153660.000100\", \"text\": \"day two again\"}\n]\n"
	files := func(second string) map[string]string {
		return map[string]string{
			"channels.json":       `[]`,
			"dev/2024-01-01.json": "[\n  {\"user\": \"U1\", \"ts\": \"1704067200.000100\", \"text\": \"day one\"}\n]\n",
			"dev/2024-01-02.json": second,
			"dev/2024-01-03.json": "[\n  {\"user\": \"U1\", \"ts\": \"1704240000.000100\", \"text\": \"day three\"},\n\n  {\"user\": \"U1\", \"ts\": \"1704240060.000100\", \"text\": \"day three again\"}\n]",
		}
	}
	lines := func(t *testing.T, second string) (map[string]int, error) {
		dir := t.TempDir()
		writeFiles(t, dir, files(second))
		logs, err := ParseSlackDir(dir)
		if len(logs) != 1 {
			t.Fatalf("%d logs: %v", len(logs), err)
		}
		got := map[string]int{}
		for _, m := range logs[0].Messages {
			got[m.Text] = m.Line
		}
		return got, err
	}
	want, err := lines(t, good)
	if err != nil {
		t.Fatal(err)
	}
	if want["day three"] != 3+4+2 || want["day three again"] != 3+4+4 {
		t.Fatalf("lines %v: day three's records open on lines 2 and 4 of its file, after 3 and 4 lines", want)
	}
	tests := []struct{ name, second string }{
		{"truncated", "[\n  {\"user\": \"U1\", \"ts\": \"1704153600.000100\", \"text\": \"day two\"},\n  {\"user\": \"U1\", \"ts\": \"17\n\n"},
		{"bad ts", "[\n  {\"user\": \"U1\", \"ts\": \"yesterday\", \"text\": \"day two\"},\n  {\"user\": \"U1\", \"ts\": \"1704153660.000100\", \"text\": \"x\"}\n]\n"},
		{"not an array", "{\n  \"messages\": []\n}\n\n"},
		{"bad JSON", "[\n  {\"user\": \"U1\", \"ts\": \"1704153600.000100\" \"text\": \"day two\"}\n\n]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := lines(t, tt.second)
			if err == nil {
				t.Fatal("the broken day file gives no error")
			}
			for _, text := range []string{"day one", "day three", "day three again"} {
				if got[text] != want[text] {
					t.Errorf("%q on line %d, want %d as when the day file reads", text, got[text], want[text])
				}
			}
		})
	}
}
