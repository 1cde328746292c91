package chatlog

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/sharedtest"
)

const (
	zipIOSChat     = "[13/01/24, 10:00:00] Grp: \u200eAnn added Bo\n[13/01/24, 10:01:00] Ann: how do I refund?\n[13/01/24, 10:02:00] Bo: \u200e<attached: 00000003-PHOTO-2024-01-13-10-02-00.jpg>\n"
	zipAndroidChat = "13/01/24, 10:00 - Ann: how do I refund?\n13/01/24, 10:01 - Bo: IMG-20240113-WA0001.jpg (file attached)\n"
)

func TestParseZipChat(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		member string // the chat log's name in the archive
		format string // --input-format
		title  string
		n      int // messages
	}{
		{"ios _chat.txt beside its media", map[string]string{"_chat.txt": zipIOSChat, "00000003-PHOTO-2024-01-13-10-02-00.jpg": "\xff\xd8"}, "_chat.txt", "", "Grp", 3},
		{"android file named by WhatsApp", map[string]string{"WhatsApp Chat with Payments.txt": zipAndroidChat, "IMG-20240113-WA0001.jpg": "\xff\xd8"}, "WhatsApp Chat with Payments.txt", "", "Payments", 2},
		{"another language's name, found by its content", map[string]string{"Chat de WhatsApp con Ana.txt": zipAndroidChat, "notes.md": "# notes\n", "IMG-20240113-WA0001.jpg": "\xff\xd8"}, "Chat de WhatsApp con Ana.txt", "", "", 2},
		{"the only file that is no medium, with a format", map[string]string{"chat.txt": zipAndroidChat, "IMG-20240113-WA0001.jpg": "\xff\xd8"}, "chat.txt", "whatsapp", "", 2},
		{"in a folder, beside macOS's copies", map[string]string{"export/": "", "export/_chat.txt": zipIOSChat, "__MACOSX/export/._chat.txt": "\x00\x05"}, "export/_chat.txt", "", "Grp", 3},
		{"a chat name that holds a media prefix", map[string]string{"WhatsApp Chat with COVID-19 Volunteers.txt": zipAndroidChat, "IMG-20240301-WA0001.jpg": "\xff\xd8", "DOC-20240301-WA0003.pdf": "%PDF"}, "WhatsApp Chat with COVID-19 Volunteers.txt", "", "COVID-19 Volunteers", 2},
		{"a format named, beside notes", map[string]string{"chat.txt": zipAndroidChat, "notes.txt": "notes\n"}, "chat.txt", "whatsapp", "", 2},
		{"a name outside the archive passed over", map[string]string{"../../etc/_chat.txt": zipIOSChat, "chat.txt": zipAndroidChat}, "chat.txt", "", "", 2},
		{"another format", map[string]string{"result.json": `{"name": "Pay", "type": "private_group", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2024-01-13T10:00:00", "date_unixtime": "1705140000", "from": "Ann", "from_id": "user1", "text": "hi"}]}`}, "result.json", "", "Pay", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "export.zip")
			sharedtest.WriteZip(t, path, tt.files)
			if !IsZip(path) || IsSlackZip(path) || !IsChatZip(path) {
				t.Errorf("IsZip %v IsSlackZip %v IsChatZip %v, want true false true", IsZip(path), IsSlackZip(path), IsChatZip(path))
			}
			log, err := ParseFile(path, tt.format, nil)
			if err != nil {
				t.Fatal(err)
			}
			if want := path + "/" + tt.member; log.Path != want || log.Title != tt.title {
				t.Errorf("Path %q Title %q, want %q %q", log.Path, log.Title, want, tt.title)
			}
			checkLog(t, log, log.Format, tt.n)
			// Read from the archive as from the file unzipped, and as a stream.
			want, err := Parse(strings.NewReader(tt.files[tt.member]), log.Path, tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(log, want) {
				t.Errorf("the archive's log differs from its file's:\n got %+v\nwant %+v", log, want)
			}
			var streamed []Message
			meta, err := ScanFile(path, tt.format, nil, func(_ *Log, m Message) error {
				streamed = append(streamed, m)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			meta.Messages = streamed
			if !reflect.DeepEqual(meta, log) {
				t.Errorf("ScanFile gives %+v, ParseFile %+v", meta, log)
			}
		})
	}
}

func TestParseZipErrors(t *testing.T) {
	slack := map[string]string{"users.json": `[]`, "general/2024-01-01.json": `[{"ts": "1.0", "text": "x"}]`}
	tests := []struct {
		name   string
		files  map[string]string // nil: a file that starts as a zip and is none
		format string
		want   string
		chat   bool // IsChatZip: a folder walk reads it
	}{
		{"empty archive", map[string]string{}, "", "is a zip archive without a chat log in a known format in it (unzip it and pass the chat file, or the Slack export folder)", false},
		{"no chat log", map[string]string{"a.txt": "notes\n", "b.txt": "more notes\n"}, "", "is a zip archive without a chat log", false},
		{"one file, no chat log", map[string]string{"README.txt": "notes\n"}, "", "is a zip archive without a chat log", false},
		{"several chat logs", map[string]string{"a.txt": zipAndroidChat, "b.txt": zipAndroidChat}, "", "is a zip archive of several chat logs (a.txt, b.txt): unzip it and pass them", false},
		{"several named by WhatsApp", map[string]string{"x/_chat.txt": zipIOSChat, "y/_chat.txt": zipIOSChat}, "", "several chat logs (x/_chat.txt, y/_chat.txt)", false},
		{"a Slack export to ParseFile", slack, "", "is a Slack export zip: read it with ParsePath", true},
		{"slack format for a WhatsApp zip", map[string]string{"_chat.txt": zipIOSChat}, "slack", "not a Slack export zip", true},
		{"broken archive", nil, "", "is a zip archive that cannot be read (unzip it", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "export.zip")
			if tt.files == nil {
				if err := os.WriteFile(path, []byte("PK\x03\x04 and then nothing of a zip"), 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				sharedtest.WriteZip(t, path, tt.files)
			}
			_, err := ParseFile(path, tt.format, nil)
			checkParseError(t, err, tt.want, 0)
			if !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("error %q does not name the archive", err)
			}
			if IsChatZip(path) != tt.chat {
				t.Errorf("IsChatZip = %v, want %v", !tt.chat, tt.chat)
			}
		})
	}
	// A zip archive read from stdin cannot be opened as one.
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, _ := w.Create("_chat.txt")
	f.Write([]byte(zipIOSChat))
	w.Close()
	_, err := Parse(&buf, "-", "")
	checkParseError(t, err, "-: is a zip archive: give its path (WhatsApp chat and Slack export zips are read as they are), or unzip it", 0)
	if dir := t.TempDir(); IsZip(dir) || IsZip(filepath.Join(dir, "missing.zip")) {
		t.Error("IsZip of a folder or a missing file = true")
	}
}

func TestParseSlackZip(t *testing.T) {
	dir, _ := appFixtureDir("slack")
	export := filepath.Join(dir, "workspace")
	files := sharedtest.FolderFiles(t, export)
	want, err := ParseSlackDir(export)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		prefix string // the folder the export is zipped in
	}{
		{"at the top of the archive", ""},
		{"in one folder", "Slack export Jan 1 2024 - Jan 31 2024/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			zipped := map[string]string{"__MACOSX/._users.json": "x"}
			for name, data := range files {
				zipped[tt.prefix+name] = data
			}
			path := filepath.Join(t.TempDir(), "slack.zip")
			sharedtest.WriteZip(t, path, zipped)
			if !IsSlackZip(path) || !IsChatZip(path) {
				t.Errorf("IsSlackZip %v IsChatZip %v", IsSlackZip(path), IsChatZip(path))
			}
			logs, err := ParsePath(path, "", nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(logs) != len(want) {
				t.Fatalf("%d channels, want %d", len(logs), len(want))
			}
			for i, log := range logs {
				if p := path + "/" + tt.prefix + filepath.Base(want[i].Path); log.Path != p {
					t.Errorf("Path %q, want %q", log.Path, p)
				}
				w := *want[i]
				w.Path = log.Path
				if !reflect.DeepEqual(log, &w) {
					t.Errorf("channel %s differs from the folder's", log.Title)
				}
			}
		})
	}
	// A broken day file in an archive is named inside it.
	path := filepath.Join(t.TempDir(), "broken.zip")
	sharedtest.WriteZip(t, path, map[string]string{"users.json": `[]`, "g/2024-01-01.json": "[{\"ts\": \"1.0\"},\n{\"ts\": \"2.", "h/2024-01-01.json": `[{"ts": "1.0"}]`})
	logs, err := ParseSlackZip(path)
	checkParseError(t, err, path+"/g/2024-01-01.json:2: truncated JSON in message record 2", 2)
	if len(logs) != 1 || logs[0].Path != path+"/h" {
		t.Errorf("logs %+v, want channel h alone", logs)
	}
}

// TestParseZipZone checks that a zip archive is read in a zone as the
// files it holds are: a WhatsApp chat's clocks in the zone, by ParsePathIn
// and ScanFileIn alike, and a Slack export's instants shown in it, as
// ParsePathIn shows those of the export folder.
func TestParseZipZone(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	wa := filepath.Join(t.TempDir(), "WhatsApp Chat - Grp.zip")
	sharedtest.WriteZip(t, wa, map[string]string{"_chat.txt": zipIOSChat, "00000003-PHOTO-2024-01-13-10-02-00.jpg": "\xff\xd8"})
	logs, err := ParsePathIn(wa, "", berlin, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(logs) != 1 {
		t.Fatalf("%d logs, want 1", len(logs))
	}
	want := []string{"2024-01-13T10:00:00+01:00", "2024-01-13T10:01:00+01:00", "2024-01-13T10:02:00+01:00"}
	var got []string
	for _, m := range logs[0].Messages {
		got = append(got, m.Time.Format(time.RFC3339))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("times %v, want %v", got, want)
	}
	if logs[0].Path != wa+"/_chat.txt" || logs[0].Date != "2024-01-13" {
		t.Errorf("Path %q Date %q", logs[0].Path, logs[0].Date)
	}
	var streamed []string
	if _, err := ScanFileIn(wa, "", berlin, nil, func(_ *Log, m Message) error {
		streamed = append(streamed, m.Time.Format(time.RFC3339))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(streamed, want) {
		t.Errorf("ScanFileIn times %v, want %v", streamed, want)
	}

	dir, _ := appFixtureDir("slack")
	export := filepath.Join(dir, "workspace")
	files := sharedtest.FolderFiles(t, export)
	slack := filepath.Join(t.TempDir(), "slack.zip")
	sharedtest.WriteZip(t, slack, files)
	tokyo := mustZone(t, "Asia/Tokyo")
	wantLogs, err := ParsePathIn(export, "", tokyo, nil)
	if err != nil {
		t.Fatal(err)
	}
	own, err := ParsePath(slack, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	logs, err = ParsePathIn(slack, "", tokyo, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(logs) != len(wantLogs) || len(logs) != len(own) {
		t.Fatalf("%d channels, want %d", len(logs), len(wantLogs))
	}
	for i, log := range logs {
		w := *wantLogs[i]
		w.Path = log.Path
		if !reflect.DeepEqual(log, &w) {
			t.Errorf("channel %s in Tokyo differs from the folder's", log.Title)
		}
		for k, m := range log.Messages {
			if _, off := m.Time.Zone(); off != 9*3600 || !m.Time.Equal(own[i].Messages[k].Time) {
				t.Errorf("channel %s message %d: %v, want %v in Tokyo", log.Title, k, m.Time, own[i].Messages[k].Time)
			}
		}
	}
}

func TestIsSlackChannelDir(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"day files", map[string]string{"2024-01-01.json": "[]", "2024-01-02.json": "[]"}, true},
		{"an export", map[string]string{"users.json": "[]", "2024-01-01.json": "[]"}, false},
		{"other files", map[string]string{"notes.json": "[]", "2024-01-01/x.json": "[]"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			if got := IsSlackChannelDir(dir); got != tt.want {
				t.Errorf("IsSlackChannelDir = %v, want %v", got, tt.want)
			}
		})
	}
}
