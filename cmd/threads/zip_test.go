package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/sharedtest"
)

// TestExtractZip checks that a WhatsApp chat zip and a Slack export zip are
// read as the chat file and the export folder they unzip to, also in a
// folder walk, and what is said of the zips and folders that cannot be read.
func TestExtractZip(t *testing.T) {
	dir := t.TempDir()
	chat := "../../testdata/chatlog/whatsapp/ios.txt"
	plain := filepath.Join(dir, "plain", "_chat.txt")
	copyFile(t, chat, plain)
	data, err := os.ReadFile(chat)
	if err != nil {
		t.Fatal(err)
	}
	wa := filepath.Join(dir, "wa", "WhatsApp Chat - Payments Dev.zip")
	sharedtest.WriteZip(t, wa, map[string]string{"_chat.txt": string(data), "00000012-PHOTO-2023-12-31-21-05-00.jpg": "\xff\xd8\xff"})
	sharedtest.WriteZip(t, filepath.Join(dir, "wa", "photos.zip"), map[string]string{"IMG-1.jpg": "\xff\xd8\xff", "list.txt": "no chat\n"})
	workspace := "../../testdata/chatlog/slack/workspace"
	slackFiles := sharedtest.FolderFiles(t, workspace)
	slack := filepath.Join(dir, "slack.zip")
	zipped := map[string]string{}
	for name, data := range slackFiles {
		zipped["Slack export/"+name] = data
	}
	sharedtest.WriteZip(t, slack, zipped)
	export := filepath.Join(dir, "export")
	for name, data := range slackFiles {
		writeFile(t, filepath.Join(export, filepath.FromSlash(name)), data)
	}
	notes := filepath.Join(dir, "notes.zip")
	sharedtest.WriteZip(t, notes, map[string]string{"a.txt": "notes\n", "b.txt": "more notes\n"})

	_, plainOut, _ := runCmd(t, "", "extract", "--format", "json", plain)
	_, plainDirOut, _ := runCmd(t, "", "extract", "--format", "json", filepath.Dir(plain))
	_, slackOut, _ := runCmd(t, "", "extract", "--format", "links", export)
	tests := []struct {
		name     string
		stdin    string
		args     []string
		wantCode int
		wantOut  string // "" for none
		wantErr  string // what stderr holds
		replace  []string
	}{
		{"whatsapp zip", "", []string{"extract", "--format", "json", wa}, exitOK, plainOut, "", []string{wa + "/_chat.txt", plain}},
		{"slack zip", "", []string{"extract", "--format", "links", slack}, exitOK, slackOut, "", []string{slack + "/Slack export", export}},
		{"a folder with zips", "", []string{"extract", "--format", "json", "-v", filepath.Join(dir, "wa")}, exitOK, plainDirOut, filepath.Join(dir, "wa", "photos.zip") + ": skipped", []string{wa + "/_chat.txt", plain}},
		{"zip without a chat log", "", []string{"extract", notes}, exitFailure, "", notes + ": is a zip archive without a chat log in a known format in it (unzip it and pass the chat file, or the Slack export folder)", nil},
		{"zip on stdin", zipBytes(t, wa), []string{"extract"}, exitFailure, "", "threads: -: is a zip archive: give its path", nil},
		{"one channel of an export", "", []string{"extract", filepath.Join(export, "general")}, exitFailure, "",
			filepath.Join(export, "general") + ": looks like one channel of a Slack export (YYYY-MM-DD.json day files): pass the export folder " + export + " instead", nil},
		{"one day of a channel", "", []string{"extract", filepath.Join(export, "general", "2024-01-15.json")}, exitFailure, "",
			filepath.Join(export, "general", "2024-01-15.json") + ": looks like one day of a Slack export's channel: pass the export folder, the one with channels.json", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.wantCode, errOut)
			}
			if len(tt.replace) == 2 {
				out = strings.ReplaceAll(out, tt.replace[0], tt.replace[1])
			}
			if tt.wantOut == "" && out != "" || tt.wantOut != "" && out != tt.wantOut {
				t.Errorf("stdout differs from the unzipped input's:\n%s", out)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q does not hold %q", errOut, tt.wantErr)
			}
		})
	}
}

// zipBytes returns the content of the file at path.
func zipBytes(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestExtractZipTimezone checks that --timezone reads a zip's chat log as
// it reads the file unzipped: a WhatsApp chat's clocks in the zone
// (+01:00 in Berlin in winter), and a Slack export zip's instants shown in
// it as the export folder's are.
func TestExtractZipTimezone(t *testing.T) {
	dir := t.TempDir()
	chat := "31/12/23, 23:15 - Alice: how do refunds work?\n01/01/24, 00:15 - Bob: in the dashboard\n"
	plain := filepath.Join(dir, "WhatsApp Chat with Team.txt")
	writeFile(t, plain, chat)
	wa := filepath.Join(dir, "WhatsApp Chat - Team.zip")
	sharedtest.WriteZip(t, wa, map[string]string{"WhatsApp Chat with Team.txt": chat, "IMG-20231231-WA0001.jpg": "\xff\xd8\xff"})
	want := []string{"2023-12-31: 2023-12-31T23:15:00+01:00", "2024-01-01: 2024-01-01T00:15:00+01:00"}
	for _, path := range []string{plain, wa} {
		if got := dayTimes(t, zoneDays(t, "", "--timezone", "Europe/Berlin", path)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s in Berlin: days\n%s\nwant\n%s", filepath.Base(path), strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	if got := dayTimes(t, zoneDays(t, "", wa)); !reflect.DeepEqual(got, []string{"2023-12-31: 2023-12-31T23:15:00Z", "2024-01-01: 2024-01-01T00:15:00Z"}) {
		t.Errorf("zip in its own zone: days\n%s", strings.Join(got, "\n"))
	}

	workspace := "../../testdata/chatlog/slack/workspace"
	slack := filepath.Join(dir, "slack.zip")
	sharedtest.WriteZip(t, slack, sharedtest.FolderFiles(t, workspace))
	_, folderOut, errOut := runCmd(t, "", "extract", "--format", "json", "--timezone", "Asia/Tokyo", workspace)
	code, zipOut, zipErr := runCmd(t, "", "extract", "--format", "json", "--timezone", "Asia/Tokyo", slack)
	if code != exitOK {
		t.Fatalf("exit %d: %s %s", code, errOut, zipErr)
	}
	if !strings.Contains(zipOut, "+09:00") {
		t.Errorf("the Slack zip in Tokyo shows no +09:00 time:\n%.400s", zipOut)
	}
	if got := strings.ReplaceAll(zipOut, slack, workspace); got != folderOut {
		t.Errorf("the Slack zip in Tokyo differs from its folder:\n%.400s\nwant\n%.400s", got, folderOut)
	}
}
