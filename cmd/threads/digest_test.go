package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/sharedtest"
)

// digestDays are synthetic days where the same questions recur in other words.
const digestDays = "../../testdata/digest/days"

// digestMedia holds a day whose answers are pictures and shared links.
const digestMedia = "../../testdata/digest/media"

// digestGolden holds the golden digests, shared with internal/digest's tests.
var digestGolden = filepath.Join("..", "..", "testdata", "digest", "golden")

// digestEntries is the part of the JSON contract the tests read.
type digestEntries struct {
	Entries []struct {
		ID          string
		Title       string
		Topics      []string
		Occurrences []struct {
			Path, Date, Group, Asker, Question string
			Line                               int
			Answers                            []struct {
				Sender, Text, Path, Date string
				Line                     int
			}
		}
	}
	Unanswered []struct{ Date, Group, Question string }
}

// digestSplit is a synthetic Telegram group exported week by week: a
// question of week1.json is answered by a reply in week2.json.
const digestSplit = "../../testdata/digest/split"

// TestDigestAnswerInLaterFile checks that every answer of the JSON digest
// names its own file and day, so that a reply in a later export of the
// chat is found at its line of that file, not of the question's; that the
// Markdown digest names that file too; and that the JSON keeps the line
// breaks of the messages as written.
func TestDigestAnswerInLaterFile(t *testing.T) {
	code, out, errOut := runCmd(t, "", "digest", "-q", "--format", "json", digestSplit)
	if code != exitOK {
		t.Fatalf("exit %d, stderr: %s", code, errOut)
	}
	d := decodeDigest(t, out)
	week1, week2 := filepath.Join(digestSplit, "week1.json"), filepath.Join(digestSplit, "week2.json")
	tests := []struct {
		asker, question  string // the occurrence
		sender, text     string // its one answer
		path             string
		line             int
		date             string
		occPath, occDate string
	}{
		{"Carol", "Does 网联 charge per transaction for 协议支付?",
			"Dan", "late answer: 网联 charges 协议支付 per transaction, tiered by volume", week2, 6, "2024-03-11", week1, "2024-03-04"},
		{"Alice", "How does 分账 settlement work for marketplace refunds?\nWe split 70/30 and the buyer asks 退款 after settlement.",
			"Bob", "Reverse the split first (分账回退),\nthen refund the buyer.", week1, 14, "2024-03-04", week1, "2024-03-04"},
	}
	if len(d.Entries) != len(tests) {
		t.Fatalf("%d entries, want %d:\n%s", len(d.Entries), len(tests), out)
	}
	for i, tt := range tests {
		t.Run(tt.asker, func(t *testing.T) {
			e := d.Entries[i]
			if len(e.Occurrences) != 1 || len(e.Occurrences[0].Answers) != 1 {
				t.Fatalf("entry %q: want one occurrence with one answer:\n%s", e.Title, out)
			}
			o, a := e.Occurrences[0], e.Occurrences[0].Answers[0]
			if o.Asker != tt.asker || o.Question != tt.question || o.Path != tt.occPath || o.Date != tt.occDate || o.Group != "Pay Team 支付组" {
				t.Errorf("occurrence %s %q at %s on %s in %q, want %s %q at %s on %s in Pay Team 支付组",
					o.Asker, o.Question, o.Path, o.Date, o.Group, tt.asker, tt.question, tt.occPath, tt.occDate)
			}
			if a.Sender != tt.sender || a.Text != tt.text || a.Path != tt.path || a.Line != tt.line || a.Date != tt.date {
				t.Errorf("answer %s %q at %s:%d on %s, want %s %q at %s:%d on %s",
					a.Sender, a.Text, a.Path, a.Line, a.Date, tt.sender, tt.text, tt.path, tt.line, tt.date)
			}
		})
	}
	code, md, errOut := runCmd(t, "", "digest", "-q", "--lang", "en", digestSplit)
	if code != exitOK {
		t.Fatalf("markdown: exit %d, stderr: %s", code, errOut)
	}
	for _, want := range []string{
		"  - **Dan** (2024-03-11, `" + week2 + ":6`): late answer:",
		"  - **Bob** (line 14): Reverse the split first (分账回退), then refund the buyer.\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown digest lacks %q:\n%s", want, md)
		}
	}
}

// TestDigestGroupPerFormat checks the group the JSON digest gives the
// askings of each input format: the chat's name where the export names
// the chat (a WhatsApp export by its file name or an iOS notice, as
// Telegram by its name), a Discord server's name, a cocolian day's folder,
// and "" where the export names no chat.
func TestDigestGroupPerFormat(t *testing.T) {
	named := filepath.Join(t.TempDir(), "WhatsApp Chat with Pay Team.txt")
	android, err := os.ReadFile("../../testdata/chatlog/whatsapp/android.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, named, string(android))
	const chatlog = "../../testdata/chatlog/"
	tests := []struct {
		name, path, group string
	}{
		{"chatlab", chatlog + "chatlab/group.json", "支付产品交流群"},
		{"chatlog-csv", chatlog + "chatlog-csv/20688888888@chatroom_2025-03-06_2025-03-07.csv", "支付产品交流群"},
		{"chatlog-json", chatlog + "chatlog-json/group.json", "支付产品交流群"},
		{"chatlog-text without a talker name", chatlog + "chatlog-text/group_2025-03-06.txt", ""},
		{"cocolian: its folder", chatlog + "cocolian/basic.markdown", "cocolian"},
		{"discord: its server", chatlog + "discord/channel.json", "Payments Builders"},
		{"irc: its channel", chatlog + "irc/2021-03-14_23.raw.txt", "#payments-dev"},
		{"memotrace-csv", chatlog + "memotrace-csv/group_utf8.csv", "group"},
		{"memotrace-txt", chatlog + "memotrace-txt/group.txt", "group"},
		{"slack: its channel", chatlog + "slack/workspace", "general"},
		{"telegram", chatlog + "telegram/group.json", "Payments Dev 支付开发"},
		{"weflow", chatlog + "weflow/group.json", "支付产品交流群"},
		{"whatsapp named by its file", named, "Pay Team"},
		{"whatsapp named by an iOS notice", chatlog + "whatsapp/ios.txt", "Payments Dev"},
		{"whatsapp naming no chat", chatlog + "whatsapp/android.txt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", "digest", "-q", "--format", "json", tt.path)
			if code != exitOK {
				t.Fatalf("exit %d, stderr: %s", code, errOut)
			}
			d := decodeDigest(t, out)
			n := 0
			for _, e := range d.Entries {
				for _, o := range e.Occurrences {
					n++
					if o.Group != tt.group {
						t.Errorf("asking %q: group %q, want %q", o.Question, o.Group, tt.group)
					}
				}
			}
			for _, u := range d.Unanswered {
				n++
				if u.Group != tt.group {
					t.Errorf("unanswered %q: group %q, want %q", u.Question, u.Group, tt.group)
				}
			}
			if n == 0 {
				t.Fatalf("no asking to check:\n%s", out)
			}
		})
	}
}

func TestDigestGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"digest.md", []string{"digest", digestDays}}, // auto: Chinese chats, a Chinese digest
		{"digest.en.md", []string{"digest", "--lang", "en", digestDays}},
		{"digest.json", []string{"digest", "--format", "json", digestDays}},
		{"digest.html", []string{"digest", "--format", "html", digestDays}},
		{"digest.en.html", []string{"digest", "--format", "html", "--lang", "en", digestDays}},
		{"media.md", []string{"digest", digestMedia}},
		{"media.en.md", []string{"digest", "--lang", "en", digestMedia}},
		{"media.json", []string{"digest", "--format", "json", digestMedia}},
		{"media.html", []string{"digest", "--format", "html", digestMedia}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", tt.args...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr: %s", code, errOut)
			}
			checkGolden(t, filepath.Join(digestGolden, tt.golden), []byte(out))
			// The folder walk notes the file that is not a chat log and
			// says nothing of the hidden folder.
			if strings.HasPrefix(tt.golden, "media.") {
				return
			}
			if !strings.Contains(errOut, "README.txt: skipped: not a chat log in a known format\n") || strings.Contains(errOut, ".hidden") {
				t.Errorf("stderr %q", errOut)
			}
			if strings.Contains(errOut, "files/s") {
				t.Error("progress shown although stderr is not a terminal")
			}
		})
	}
}

// TestDigestSkippedCounted checks that the files of a folder skipped as no
// chat log are named up to three, and the rest counted in one line (a
// knowledge base kept inside the archive).
func TestDigestSkippedCounted(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample-day.markdown"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "2018-07-04-chat.markdown"), string(data))
	for k := range 5 {
		writeFile(t, filepath.Join(dir, "kb", fmt.Sprintf("entry-%d.md", k)), "---\nid: x\n---\n# notes\n")
	}
	code, _, errOut := runCmd(t, "", "digest", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	named := strings.Count(errOut, ": skipped: not a chat log in a known format\n")
	if named != 3 || !strings.Contains(errOut, filepath.Join(dir, "kb")+": 2 more files skipped: not chat logs in a known format\n") {
		t.Errorf("stderr %q", errOut)
	}
}

func TestDigestErrors(t *testing.T) {
	dir := t.TempDir()
	badTopics := filepath.Join(dir, "topics.yaml")
	writeFile(t, badTopics, "- {topic: 沙龙, terms: [沙龙]}\n- {topic: 沙龙, terms: [活动]}\n")
	tabTopics := filepath.Join(dir, "tab-topics.yaml")
	writeFile(t, tabTopics, "- topic: 沙龙\n\tterms: [沙龙]\n")
	twiceTopics := filepath.Join(dir, "twice-topics.yaml")
	writeFile(t, twiceTopics, "- {topic: 测试, terms: [分账], topic: 别的}\n")
	notChat := filepath.Join(dir, "notes.txt")
	writeFile(t, notChat, "just notes\n")
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	noChat := regexp.QuoteMeta(`: no chat log in a known format in this folder (see threads formats)`)
	day := filepath.Join(digestDays, "proddev", "2018-03-01-chat.markdown")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string // regexp on stderr
		wantOut  bool   // a digest was still written
	}{
		{"no input", []string{"digest"}, exitUsage, `needs at least one FILE or DIR`, false},
		{"bad format", []string{"digest", "--format", "pdf", day}, exitUsage, "invalid `--format` \"pdf\"", false},
		{"kb without out", []string{"digest", "--format", "kb", day}, exitUsage, "`--format kb` needs `--out DIR`", false},
		{"kb to stdout", []string{"digest", "--format", "kb", "-o", "-", day}, exitUsage, "`--format kb` needs `--out DIR`", false},
		{"kb to a file", []string{"digest", "--format", "kb", "-o", day, day}, exitUsage, "is a file, and `--format kb` writes a folder of files", false},
		{"-o - is stdout", []string{"digest", "-q", "-o", "-", day}, exitOK, "^$", true},
		{"bad since", []string{"digest", "--since", "2018-3-1", day}, exitUsage, "invalid `--since` \"2018-3-1\": want a date like 2018-05-04, or a month like 2018-05", false},
		{"no such day", []string{"digest", "--until", "2018-02-31", day}, exitUsage, "invalid `--until` \"2018-02-31\": 2018-02 has 28 days", false},
		{"since after until", []string{"digest", "--since", "2018-03-09", "--until", "2018-03-01", day}, exitUsage, "`--since` 2018-03-09 is after `--until` 2018-03-01", false},
		{"bad threshold", []string{"digest", "--threshold", "2", day}, exitUsage, "invalid `--threshold` 2: want a similarity between 0 and 1", false},
		{"negative threshold", []string{"digest", "--threshold", "-1", day}, exitUsage, "invalid `--threshold` -1: want a similarity between 0 and 1", false},
		{"threshold 1.5", []string{"digest", "--threshold", "1.5", day}, exitUsage, "invalid `--threshold` 1.5: want a similarity between 0 and 1", false},
		{"threshold NaN", []string{"digest", "--threshold", "NaN", day}, exitUsage, "invalid `--threshold` NaN: want a similarity between 0 and 1", false},
		{"threshold Inf", []string{"digest", "--threshold", "Inf", day}, exitUsage, `invalid ` + "`--threshold`" + ` \+Inf: want a similarity between 0 and 1`, false},
		{"threshold -Inf", []string{"digest", "--threshold", "-inf", day}, exitUsage, "invalid `--threshold` -Inf: want a similarity between 0 and 1", false},
		{"bad topics", []string{"digest", "--topics", badTopics, day}, exitFailure, regexp.QuoteMeta(badTopics) + `:2: duplicate topic "沙龙"`, false},
		{"topics indented with a tab", []string{"digest", "--topics", tabTopics, day}, exitFailure, regexp.QuoteMeta(tabTopics) + `:2: invalid YAML: [^\n]*\(YAML indents with spaces, not tabs`, false},
		{"topics with a key twice", []string{"digest", "--topics", twiceTopics, day}, exitFailure, regexp.QuoteMeta(twiceTopics) + `:1: duplicate key "topic" \(first at line 1\)`, false},
		{"missing topics", []string{"digest", "--topics", filepath.Join(dir, "nope.yaml"), day}, exitFailure, `nope\.yaml: cannot read topics`, false},
		{"missing input", []string{"digest", filepath.Join(dir, "nope"), day}, exitFailure, `nope: cannot open input[^\n]*\n(.|\n)*1 of 2 inputs failed`, true},
		{"named file not a chat", []string{"digest", notChat, day}, exitFailure, regexp.QuoteMeta(notChat) + `:1: cannot tell the input format`, true},
		{"named file not a chat, also in a folder", []string{"digest", dir, notChat, day}, exitFailure, regexp.QuoteMeta(notChat) + `:1: cannot tell the input format`, true},
		{"only a missing input", []string{"digest", filepath.Join(dir, "nope")}, exitFailure, `nope: cannot open input[^\n]*\nthreads: 1 of 1 inputs failed\n$`, false},
		{"empty folder", []string{"digest", empty}, exitFailure, `^threads: ` + regexp.QuoteMeta(empty) + noChat + `\nthreads: 1 of 1 inputs failed\n$`, false},
		{"empty folder, json", []string{"digest", "--format", "json", empty + "/"}, exitFailure, regexp.QuoteMeta(empty+"/") + noChat, false},
		{"folder without chat logs", []string{"digest", dir}, exitFailure, `notes\.txt: skipped[^\n]*\n(.|\n)*` + regexp.QuoteMeta(dir) + noChat + `\nthreads: 1 of 1 inputs failed\n$`, false},
		{"empty folder and a day", []string{"digest", empty, day}, exitFailure, regexp.QuoteMeta(empty) + noChat + `\nthreads: 1 of 2 inputs failed\n$`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.wantCode, errOut)
			}
			if !regexp.MustCompile(tt.wantErr).MatchString(errOut) {
				t.Errorf("stderr %q does not match %q", errOut, tt.wantErr)
			}
			if tt.wantOut != (out != "") {
				t.Errorf("stdout present = %v, want %v", out != "", tt.wantOut)
			}
		})
	}
	// With nothing read, neither a knowledge base nor an output file is written.
	kb, page := filepath.Join(dir, "kb"), filepath.Join(dir, "digest.html")
	runCmd(t, "", "digest", "--format", "kb", "--out", kb, empty)
	runCmd(t, "", "digest", "--format", "html", "-o", page, empty)
	for _, path := range []string{kb, page} {
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("%s written although no chat log was read (%v)", path, err)
		}
	}
}

func digestJSON(t *testing.T, args ...string) digestEntries {
	t.Helper()
	code, out, errOut := runCmd(t, "", append([]string{"digest", "--format", "json"}, args...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	return decodeDigest(t, out)
}

// decodeDigest reads out, a digest's JSON, failing the test when it is
// none.
func decodeDigest(t *testing.T, out string) digestEntries {
	t.Helper()
	var d digestEntries
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDigestSinceUntil(t *testing.T) {
	tests := []struct {
		since, until string
		dates        string // the distinct dates of all occurrences, sorted
	}{
		{"", "", "2018-03-01 2018-03-08 2018-03-14 2018-03-22"},
		{"2018-03-08", "", "2018-03-08 2018-03-14 2018-03-22"},
		{"", "2018-03-08", "2018-03-01 2018-03-08"},
		{"2018-03-08", "2018-03-14", "2018-03-08 2018-03-14"},
		{"2018-03-14", "2018-03-14", "2018-03-14"},
		{"2019-01-01", "", ""},
		{"2018-03", "2018-03", "2018-03-01 2018-03-08 2018-03-14 2018-03-22"}, // a month, from its first day to its last
		{"2018-02", "2018-02", ""},
	}
	for _, tt := range tests {
		t.Run(tt.since+".."+tt.until, func(t *testing.T) {
			args := []string{digestDays}
			if tt.since != "" {
				args = append(args, "--since", tt.since)
			}
			if tt.until != "" {
				args = append(args, "--until", tt.until)
			}
			seen := map[string]bool{}
			for _, e := range digestJSON(t, args...).Entries {
				for _, o := range e.Occurrences {
					seen[o.Date] = true
				}
			}
			if got := strings.Join(sortedKeys(seen), " "); got != tt.dates {
				t.Errorf("dates %q, want %q", got, tt.dates)
			}
		})
	}
}

// TestDigestThreshold checks that --threshold is the threshold given, 0
// included (it once fell back to the default), on two days whose questions
// share 微信分账接口 but ask different things.
func TestDigestThreshold(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "g", "2018-03-01-chat.markdown"), cocolianDay("2018-03-01",
		"09:00:00", "甲-支付-产品-上海", "微信分账接口怎么申请开通？",
		"09:01:00", "乙-支付-研发-杭州", "在商户平台的产品中心申请"))
	writeFile(t, filepath.Join(dir, "g", "2018-03-09-chat.markdown"), cocolianDay("2018-03-09",
		"09:00:00", "丙-银行-架构-北京", "微信分账接口的费率一般是多少？",
		"09:01:00", "乙-支付-研发-杭州", "千分之六，和支付费率一样"))
	tests := []struct {
		args    []string
		entries int
	}{
		{nil, 2},
		{[]string{"--threshold", "0.7"}, 2},
		{[]string{"--threshold", "0"}, 1},
		{[]string{"--threshold", "0.0"}, 1},
		{[]string{"--threshold", "1"}, 2},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			if got := len(digestJSON(t, append(tt.args, dir)...).Entries); got != tt.entries {
				t.Errorf("%d entries, want %d", got, tt.entries)
			}
		})
	}
}

// cocolianDay is a cocolian day archive of date whose messages are given
// as time, sender, text triples.
func cocolianDay(date string, msgs ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nlayout:     source\ntitle:      \"%s-WeChat\"\ndate:       %s 12:00:00\ntag:\t\t  [chat]\n---\n", date, date)
	for i := 0; i+2 < len(msgs); i += 3 {
		fmt.Fprintf(&b, "> %s  %s  \n   \n%s  \n   \n", msgs[i], msgs[i+1], msgs[i+2])
	}
	return b.String()
}

func sortedKeys(m map[string]bool) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestDigestTopicsFile checks that --topics extends the embedded topics:
// a new topic is added, and an existing one gets more terms, whether the
// file is one YAML document or split into several by "---".
func TestDigestTopicsFile(t *testing.T) {
	topicsOf := func(d digestEntries, question string) []string {
		for _, e := range d.Entries {
			for _, o := range e.Occurrences {
				if o.Question == question {
					return e.Topics
				}
			}
		}
		t.Fatalf("no entry for %q", question)
		return nil
	}
	if got := topicsOf(digestJSON(t, digestDays), "网联接口文档谁有？"); strings.Join(got, " ") != "网联" {
		t.Errorf("without the file: %v", got)
	}
	tests := []struct {
		name string
		data string
	}{
		{"one document", "- {topic: 接口文档, gloss: API documents, terms: [接口文档, 文档]}\n- {topic: 二清, terms: [平台自己的账户]}\n"},
		{"two documents", "- {topic: 二清, terms: [平台自己的账户]}\n---\n- {topic: 接口文档, gloss: API documents, terms: [接口文档, 文档]}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extra := filepath.Join(t.TempDir(), "topics.yaml")
			writeFile(t, extra, tt.data)
			after := digestJSON(t, "--topics", extra, digestDays)
			if got := topicsOf(after, "网联接口文档谁有？"); strings.Join(got, " ") != "网联 接口文档" {
				t.Errorf("with the file: %v, want 网联 接口文档", got)
			}
			code, out, _ := runCmd(t, "", "digest", "--lang", "en", "--topics", extra, digestDays)
			if code != exitOK || !strings.Contains(out, "Topics: 网联, 接口文档.") {
				t.Errorf("the markdown digest does not show the new topic (exit %d)", code)
			}
		})
	}
}

func TestDigestKB(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kb")
	code, out, errOut := runCmd(t, "", "digest", "--format", "kb", "--out", dir, digestDays)
	if code != exitOK || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errOut)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) < 5 || !strings.Contains(errOut, dir+": "+strconv.Itoa(len(files))+" files written, 0 unchanged") {
		t.Errorf("%d files; stderr %q", len(files), errOut)
	}
	code, _, errOut = runCmd(t, "", "digest", "--format", "kb", "--out", dir, digestDays)
	if code != exitOK || !strings.Contains(errOut, "0 files written, "+strconv.Itoa(len(files))+" unchanged") {
		t.Errorf("second run: exit %d, stderr %q", code, errOut)
	}
}

// TestDigestKBDaysGone checks that a run that keeps entries of days whose
// files are gone names one of them and says what to do, and that it says
// its questions were not compared with the entries it kept.
func TestDigestKBDaysGone(t *testing.T) {
	archive := filepath.Join(t.TempDir(), "archive", "proddev")
	if err := os.MkdirAll(archive, 0o755); err != nil {
		t.Fatal(err)
	}
	names := []string{"2018-03-01-chat.markdown", "2018-03-08-chat.markdown"}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(digestDays, "proddev", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(archive, name), string(data))
	}
	dir := filepath.Join(t.TempDir(), "kb")
	if code, _, errOut := runCmd(t, "", "digest", "-q", "--format", "kb", "--out", dir, archive); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	gone := filepath.Join(archive, names[0])
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, "", "digest", "-q", "--format", "kb", "--out", dir, archive)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"day files that are not there from here (1; the first " + filepath.ToSlash(gone) + ")", "were not compared with the", "run over the whole archive"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q, want %q", errOut, want)
		}
	}
}

// TestDigestKBCopiedDay checks that a day saved twice under two names is
// read once, from the file of the shorter name, and that the entries a
// knowledge base took from the copy are regenerated, not kept as entries of
// days the run did not read; --quiet leaves out the notes saying so.
func TestDigestKBCopiedDay(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(digestDays, "proddev", "2018-03-01-chat.markdown"))
	if err != nil {
		t.Fatal(err)
	}
	group := filepath.Join(t.TempDir(), "proddev")
	original := filepath.Join(group, "2018-03-01-chat.markdown")
	copied := filepath.Join(group, "2018-03-01-chat (1).markdown")
	writeFile(t, copied, string(data))
	dir := filepath.Join(t.TempDir(), "kb")
	if code, _, errOut := runCmd(t, "", "digest", "-q", "--format", "kb", "--out", dir, copied); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	writeFile(t, original, string(data))
	code, _, errOut := runCmd(t, "", "digest", "--format", "kb", "--out", dir, group)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := copied + ": a day the same as in " + original + ": read once"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if strings.Contains(errOut, "did not read") || strings.Contains(errOut, "not compared") {
		t.Errorf("the copy's entries were kept as unread: %s", errOut)
	}
	// --quiet silences the notes: the copy read once, the files written.
	if code, _, errOut := runCmd(t, "", "digest", "-q", "--format", "kb", "--out", dir, group); code != exitOK || errOut != "" {
		t.Errorf("with -q: exit %d, stderr %q; want no notes", code, errOut)
	}
}

// TestDigestKBStaleButRead checks that a run that read every day of an
// entry it no longer makes (its topics file is gone) keeps the entry
// without telling the curator to run over the whole archive.
func TestDigestKBStaleButRead(t *testing.T) {
	folder := t.TempDir()
	writeFile(t, filepath.Join(folder, "chat.txt"), "01/03/2024, 10:00 - Ann: How do I update HACS?\n"+
		"01/03/2024, 10:02 - Ben: Open HACS and press update in the top right corner.\n")
	topics := filepath.Join(t.TempDir(), "topics.yaml")
	writeFile(t, topics, "- {topic: Home Assistant, terms: [HACS, Zigbee]}\n")
	dir := filepath.Join(t.TempDir(), "kb")
	if code, _, errOut := runCmd(t, "", "digest", "-q", "--format", "kb", "--out", dir, "--topics", topics, folder); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	code, _, errOut := runCmd(t, "", "digest", "--format", "kb", "--out", dir, folder)
	if code != exitOK || !strings.Contains(errOut, "1 entry not in this run kept") {
		t.Fatalf("exit %d, stderr %q; want the entry kept", code, errOut)
	}
	if strings.Contains(errOut, "whole archive") {
		t.Errorf("stderr %q tells to run over the whole archive, which this run read", errOut)
	}
}

// TestDigestKBThroughLink checks that a run over a folder reached through
// a symbolic link updates the knowledge base a run over the folder itself
// made: the same entry files, no copies under new names, no entry left
// unread.
func TestDigestKBThroughLink(t *testing.T) {
	days, err := filepath.Abs(filepath.Join(digestDays, "proddev")) // a group's folder, whose name is the group's
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	link := filepath.Join(tmp, "linked")
	if err := os.Symlink(days, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	dir := filepath.Join(tmp, "kb")
	if code, _, errOut := runCmd(t, "", "digest", "-q", "--format", "kb", "--out", dir, days); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	before := readKBFolder(t, dir)
	code, _, errOut := runCmd(t, "", "digest", "--format", "kb", "--out", dir, link)
	if code != exitOK || strings.Contains(errOut, "not in this run") {
		t.Fatalf("through the link: exit %d, stderr %q", code, errOut)
	}
	after := readKBFolder(t, dir)
	if len(after) != len(before) {
		t.Errorf("%d files after the run through the link, %d before", len(after), len(before))
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			t.Errorf("%s is gone", name)
		}
	}
}

// readKBFolder returns the files of a knowledge-base folder by name.
func readKBFolder(t *testing.T, dir string) map[string]string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string]string, len(ents))
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(data)
	}
	return files
}

// TestDigestKBNarrowerRun checks that a run limited to fewer days removes
// no entry file of a wider run, and that the wider run again gives the
// knowledge base it gave before.
func TestDigestKBNarrowerRun(t *testing.T) {
	tests := []struct {
		name   string
		narrow []string // the narrower run's flags and inputs
		wider  int      // entry files that hold days it did not read
	}{
		{"since", []string{"--since", "2018-03-08", digestDays}, 2},
		{"until", []string{"--until", "2018-03-14", digestDays}, 3},
		{"one folder", []string{filepath.Join(digestDays, "proddev")}, 2},
		{"one day", []string{filepath.Join(digestDays, "proddev", "2018-03-22-chat.markdown")}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "kb")
			kb := func(args ...string) string {
				t.Helper()
				code, _, errOut := runCmd(t, "", append([]string{"digest", "--format", "kb", "--out", dir}, args...)...)
				if code != exitOK {
					t.Fatalf("%v: exit %d: %s", args, code, errOut)
				}
				return errOut
			}
			kb(digestDays)
			wide := readKBFolder(t, dir)
			errOut := kb(tt.narrow...)
			narrow := readKBFolder(t, dir)
			for name := range wide {
				if _, ok := narrow[name]; !ok {
					t.Errorf("the narrower run removed %s (%s)", name, strings.TrimSpace(errOut))
				}
			}
			if want := fmt.Sprintf(", %d entries with days this run did not read kept as they were", tt.wider); tt.wider > 0 && !strings.Contains(errOut, want) || tt.wider == 0 && strings.Contains(errOut, "did not read") {
				t.Errorf("stderr %q, want %d wider entries kept", errOut, tt.wider)
			}
			kb(digestDays)
			again := readKBFolder(t, dir)
			if len(again) != len(wide) {
				t.Errorf("%d files after the wide run again, want %d", len(again), len(wide))
			}
			for name, text := range wide {
				if again[name] != text {
					t.Errorf("%s differs after the wide run again:\n%s\nwant\n%s", name, again[name], text)
				}
			}
		})
	}
}

func TestDigestOutputFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "digest.md")
	code, out, errOut := runCmd(t, "", "digest", "-q", "-o", path, digestDays)
	if code != exitOK || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errOut)
	}
	want, _ := os.ReadFile(filepath.Join(digestGolden, "digest.md"))
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Error("-o wrote something else than stdout would show")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("-o left temporary files: %v", entries)
	}
}

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, true, 3)
	for range 3 {
		p.step()
	}
	p.finish()
	if !regexp.MustCompile(`\rthreads digest: 3/3 files, [0-9.]+ files/s\n$`).MatchString(b.String()) {
		t.Errorf("progress %q", b.String())
	}
	b.Reset()
	p = newProgress(&b, false, 3)
	p.step()
	p.finish()
	if b.Len() != 0 {
		t.Errorf("progress off wrote %q", b.String())
	}
	if isTerminal(&b) {
		t.Error("a buffer is not a terminal")
	}
}

// TestDigestCorpus digests the whole shared corpus: every entry points at a
// real question header, questions recur (within a day and across days), and
// no message an export lists twice counts as a second asking.
func TestDigestCorpus(t *testing.T) {
	root := sharedtest.Dir(t, "corpus", "cocolian")
	d := digestJSON(t, "-q", root)
	if len(d.Entries) < 100 {
		t.Fatalf("only %d entries", len(d.Entries))
	}
	lines := map[string][]string{}
	repeated, acrossDays := 0, 0
	for _, e := range d.Entries {
		if len(e.Occurrences) > 1 {
			repeated++
			if e.Occurrences[0].Date != e.Occurrences[len(e.Occurrences)-1].Date {
				acrossDays++
			}
		}
		for k, o := range e.Occurrences {
			if k > 0 && o.Path == e.Occurrences[k-1].Path && o.Line-e.Occurrences[k-1].Line <= 4 && o.Question == e.Occurrences[k-1].Question {
				t.Errorf("%s:%d: an export's copy of the message before counts as a second asking", o.Path, o.Line)
			}
			if lines[o.Path] == nil {
				data, err := os.ReadFile(o.Path)
				if err != nil {
					t.Fatal(err)
				}
				lines[o.Path] = strings.Split(string(data), "\n")
			}
			if l := lines[o.Path]; o.Line < 1 || o.Line > len(l) || !strings.HasPrefix(l[o.Line-1], "> ") || !strings.Contains(l[o.Line-1], o.Asker) {
				t.Errorf("%s:%d is not the header of %s's question", o.Path, o.Line, o.Asker)
			}
		}
	}
	// 10 merged entries, 2 of them across days, were read by hand (all ask
	// the same thing; see README, Digests); the floors sit a little below.
	if repeated < 9 || acrossDays < 2 {
		t.Errorf("%d entries asked more than once, %d across days; want at least 9 and 2", repeated, acrossDays)
	}
	t.Logf("%d entries, %d asked more than once, %d across days", len(d.Entries), repeated, acrossDays)
}

// TestDigestHTMLInChromium renders the HTML digest in headless Chromium and
// checks what its script drew: a lane per thread, the topic index, and a
// Q&A thread's messages in the panel when the location names the thread.
func TestDigestHTMLInChromium(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed (apt-get install chromium); skipping the browser test")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "digest.html")
	// The page in English, whose words the checks below look for; the
	// Chinese page is checked on its own at the end.
	if code, _, errOut := runCmd(t, "", "digest", "--format", "html", "--lang", "en", "-o", page, digestDays); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	abs, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	// dumpIn is the page's DOM once loaded in a window of size
	// ("1280,900"); dump's window is tall enough to show every day, which
	// the page draws only when they come near the screen.
	dumpIn := func(t *testing.T, size, url string) string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir="+t.TempDir(), "--window-size="+size, "--dump-dom", url)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("chromium: %v\n%s", err, errOut.String())
		}
		return out.String()
	}
	dump := func(t *testing.T, url string) string {
		t.Helper()
		return dumpIn(t, "1280,20000", url)
	}
	var threads, qa int
	for _, f := range []string{"proddev/2018-03-01", "proddev/2018-03-08", "devarch/2018-03-14", "proddev/2018-03-22"} {
		_, out, _ := runCmd(t, "", "extract", "--format", "json", filepath.Join(digestDays, f+"-chat.markdown"))
		var day contractDay
		if err := json.Unmarshal([]byte(out), &day); err != nil {
			t.Fatal(err)
		}
		threads += len(day.Threads)
		for _, th := range day.Threads {
			if th.Kind == "qa" {
				qa++
			}
		}
	}

	t.Run("lanes and index", func(t *testing.T) {
		dom := dump(t, "file://"+abs)
		if !strings.Contains(dom, `data-rendered="true"`) {
			t.Fatal("the page script did not finish")
		}
		if got := strings.Count(dom, `<rect class="lane `); got != threads {
			t.Errorf("%d lanes, want one per thread (%d)", got, threads)
		}
		if got := strings.Count(dom, `<rect class="lane kind-qa qa"`); got != qa {
			t.Errorf("%d clickable Q&A lanes, want %d", got, qa)
		}
		if got := strings.Count(dom, `<svg class="lanes"`); got != 4 {
			t.Errorf("%d day timelines, want 4", got)
		}
		index := regexp.MustCompile(`<ul id="topic-index">(.*?)</ul>`).FindStringSubmatch(dom)
		if index == nil || !strings.Contains(index[1], `href="#topic-0"`) || !strings.Contains(index[1], "分账 (profit sharing") {
			t.Errorf("topic index missing or without 分账: %q", index)
		}
		if !strings.Contains(dom, `<li class="entry" data-entry="`) || !strings.Contains(dom, "微信分账接口怎么申请？") {
			t.Error("no entries in the topic sections")
		}
		if !strings.Contains(dom, "网联接口文档谁有？</a><span class=\"muted\"> — 2018-03-14 devarch · 钱多多-跨境支付-PM-深圳 · asked twice since 2018-03-08</span>") {
			t.Error("the unanswered question asked twice is not listed with its date, group, asker and count")
		}
	})

	t.Run("a topic lights the threads it counts", func(t *testing.T) {
		// Every group of the index counts the
		// threads it lights up in the timeline: those tagged with its
		// topic and those its questions were asked or answered in.
		for _, topic := range []string{"topic-0", "topic-1"} { // 分账, 网联
			dom := dump(t, "file://"+abs+"#"+topic)
			lanes := regexp.MustCompile(`<rect class="lane ([^"]*)"`).FindAllStringSubmatch(dom, -1)
			if len(lanes) != threads {
				t.Fatalf("%s: %d lanes, want %d", topic, len(lanes), threads)
			}
			on := 0
			for _, l := range lanes {
				if !strings.Contains(l[1], "dim") {
					on++
				}
			}
			count := regexp.MustCompile(`<a href="#` + topic + `">[^<]*</a><span class="muted"> \d+ questions? · (\d+) threads?</span>`).FindStringSubmatch(dom)
			if count == nil {
				t.Fatalf("%s: no count in the topic index", topic)
			}
			if count[1] != strconv.Itoa(on) || on == 0 || on == threads {
				t.Errorf("%s: the index counts %s threads, the timeline lights %d of %d", topic, count[1], on, threads)
			}
		}
	})

	t.Run("hour labels do not overlap", func(t *testing.T) {
		// A day from just after midnight to just before the next, as
		// proddev 2017-05-15 of the corpus, whose "22:00" and "+1d 00:00"
		// were drawn over each other; on the Chinese page the next day's
		// marker is "次日 00:00".
		day := filepath.Join(dir, "allday.txt")
		chat := "2025-03-06 00:10:00 A\n早\n\n2025-03-06 12:00:00 B\n午\n\n2025-03-06 23:50:00 C\n晚安\n"
		if err := os.WriteFile(day, []byte(chat), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, c := range [][2]string{{"en", "+1d 00:00"}, {"zh", "次日 00:00"}} {
			lang, last := c[0], c[1]
			page := filepath.Join(dir, "allday."+lang+".html")
			if code, _, errOut := runCmd(t, "", "digest", "-q", "--format", "html", "--lang", lang, "-o", page, day); code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			dom := dump(t, "file://"+page)
			labels := regexp.MustCompile(`<text x="([\d.]+)" y="11" text-anchor="(start|end)">([^<]*)</text>`).FindAllStringSubmatch(dom, -1)
			if len(labels) < 3 || labels[len(labels)-1][3] != last {
				t.Fatalf("%s: axis labels %q, want several ending in %s", lang, labels, last)
			}
			prevEnd := -1.0
			for _, l := range labels {
				x, _ := strconv.ParseFloat(l[1], 64)
				w := 6.0 * float64(len([]rune(l[3]))) // the page's estimate of a label's width
				start := x
				if l[2] == "end" {
					start = x - w
				}
				if start < prevEnd {
					t.Errorf("%s: label %q at %.1f overlaps the one before, which ends at %.1f", lang, l[3], start, prevEnd)
				}
				prevEnd = start + w
			}
		}
	})

	t.Run("a Q&A bar is a button for the keyboard", func(t *testing.T) {
		// The first Q&A bar can be focused with Tab (tabindex), is a named
		// button, and Enter on it opens its thread in the panel.
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		press := `<script>var b = document.querySelector("rect.qa"); b.focus();
document.body.setAttribute("data-focused", document.activeElement === b);
b.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));</script></body>`
		keyed := filepath.Join(dir, "keyed.html")
		if err := os.WriteFile(keyed, []byte(strings.Replace(string(src), "</body>", press, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		dom := dump(t, "file://"+keyed)
		if !strings.Contains(dom, `data-focused="true"`) {
			t.Error("the Q&A bar took no focus")
		}
		bar := regexp.MustCompile(`<rect class="lane kind-qa qa[^"]*"[^>]*>`).FindString(dom)
		for _, want := range []string{`tabindex="0"`, `role="button"`, `aria-label="Read t`} {
			if !strings.Contains(bar, want) {
				t.Errorf("the first Q&A bar lacks %s: %s", want, bar)
			}
		}
		if !strings.Contains(dom, `class="msg role-question"`) {
			t.Error("Enter on the bar did not open its thread in the panel")
		}
		if n := strings.Count(dom, `tabindex="0"`); n != qa {
			t.Errorf("%d bars reachable with Tab, want the %d Q&A bars", n, qa)
		}
	})

	t.Run("a Q&A thread opens in the panel", func(t *testing.T) {
		dom := dump(t, "file://"+abs+"#d0-t2") // 2018-03-01, the 分账接口 thread
		panel := regexp.MustCompile(`(?s)<aside id="panel">(.*?)</aside>`).FindStringSubmatch(dom)
		if panel == nil {
			t.Fatal("no panel")
		}
		for _, want := range []string{"2018-03-01 · proddev · t2", "请教一下，微信分账接口怎么申请？", "在微信支付商户平台的产品中心申请开通分账", `class="msg role-answer"`} {
			if !strings.Contains(panel[1], want) {
				t.Errorf("panel lacks %q:\n%s", want, panel[1])
			}
		}
		if !strings.Contains(dom, `class="lane kind-qa qa selected"`) {
			t.Error("the thread's lane is not selected")
		}
	})

	t.Run("days off the screen are drawn when needed", func(t *testing.T) {
		// Of twelve days, in a window that shows the first ones, the last
		// is empty until it comes near the screen, or a link opens one of
		// its threads.
		folder := filepath.Join(dir, "twelve")
		if err := os.Mkdir(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		for d := 1; d <= 12; d++ {
			chat := fmt.Sprintf("2025-03-%02d 09:00:00 A\n微信分账接口怎么申请？\n\n2025-03-%02d 09:05:00 B\n商户平台申请\n", d, d)
			if err := os.WriteFile(filepath.Join(folder, fmt.Sprintf("2025-03-%02d.txt", d)), []byte(chat), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		twelve := filepath.Join(dir, "twelve.html")
		if code, _, errOut := runCmd(t, "", "digest", "-q", "--format", "html", "-o", twelve, folder); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		drawn := regexp.MustCompile(`<svg class="lanes"[^>]*data-day="(\d+)"><g class="axis">`)
		dom := dumpIn(t, "1280,600", "file://"+twelve)
		if !strings.Contains(dom, `data-rendered="true"`) {
			t.Fatal("the page script did not finish")
		}
		days := drawn.FindAllStringSubmatch(dom, -1)
		if len(days) == 0 || days[0][1] != "0" || strings.Contains(dom, `data-day="11"><g`) {
			t.Errorf("days drawn in a short window: %q, want the first ones only", days)
		}
		dom = dumpIn(t, "1280,600", "file://"+twelve+"#d11-t1")
		if !regexp.MustCompile(`<rect class="lane [^"]*selected" [^>]*data-day="11" data-thread="t1"`).MatchString(dom) {
			t.Error("the last day's thread t1, opened by a link, is not drawn and selected")
		}
	})

	t.Run("the Chinese page", func(t *testing.T) {
		zh := filepath.Join(dir, "zh.html")
		if code, _, errOut := runCmd(t, "", "digest", "--format", "html", "-o", zh, digestDays); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		dom := dump(t, "file://"+zh+"#d0-t2")
		text := regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`).ReplaceAllString(dom, " ") // the words a reader sees
		for _, want := range []string{`<html lang="zh-CN">`, "<h2>时间线</h2>", "<h2>主题索引</h2>", "问答</span>", "个问题 · ", `title="第 `, "· 问题</div>", "· 回答</div>", `aria-label="阅读 t`, "自 2018-03-08 起问了两次"} {
			if !strings.Contains(dom, want) {
				t.Errorf("the Chinese page lacks %q", want)
			}
		}
		for _, not := range []string{"Timeline", "question", "thread", "line ", "answer"} {
			if strings.Contains(text, not) {
				t.Errorf("the Chinese page has %q", not)
			}
		}
	})

	t.Run("pictures and links at web addresses are links, others text", func(t *testing.T) {
		media := filepath.Join(dir, "media.html")
		if code, _, errOut := runCmd(t, "", "digest", "--format", "html", "-o", media, digestMedia); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		abs, err := filepath.Abs(media)
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			thread string
			want   []string // in the panel
			not    []string
		}{
			// The page is Chinese, as the chat is: a picture's text is [图片].
			{"d0-t1", []string{`<a href="http://img.example.com/201804/fenzhang-flow.png" rel="noopener noreferrer nofollow">[图片]</a>`}, nil},
			{"d0-t2", []string{`<a href="https://mp.example.com/s?id=42&amp;a=1" rel="noopener noreferrer nofollow">对账差错处理的_三种_做法</a>`}, nil},
			{"d0-t3", []string{`<div class="text">[图片] (javascript:alert(1))</div>`, `<div class="text">[图片] (img/beifujin.png)</div>`}, []string{"<a href=\"javascript", "<a href=\"img/"}},
		}
		for _, tt := range tests {
			dom := dump(t, "file://"+abs+"#"+tt.thread)
			panel := regexp.MustCompile(`(?s)<aside id="panel">(.*?)</aside>`).FindStringSubmatch(dom)
			if panel == nil {
				t.Fatalf("%s: no panel", tt.thread)
			}
			for _, want := range tt.want {
				if !strings.Contains(panel[1], want) {
					t.Errorf("%s: panel lacks %q:\n%s", tt.thread, want, panel[1])
				}
			}
			for _, not := range tt.not {
				if strings.Contains(panel[1], not) {
					t.Errorf("%s: panel has %q:\n%s", tt.thread, not, panel[1])
				}
			}
		}
	})
}

// TestDigestStdin checks that "-" reads the day from stdin, as extract
// does, and that stdin that is no chat log is an error, not a panic.
func TestDigestStdin(t *testing.T) {
	day, err := os.ReadFile(filepath.Join(digestDays, "proddev", "2018-03-01-chat.markdown"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		stdin    string
		wantCode int
		wantErr  string // regexp on stderr; "" for none
		wantQs   int    // occurrences read from "-"
	}{
		{"a day", string(day), exitOK, "", 3},
		{"empty", "", exitFailure, `^threads: -:1: empty input`, 0},
		{"not a chat log", "just notes\n", exitFailure, `^threads: -:1: cannot tell the input format`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, "digest", "--format", "json", "-")
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.wantCode, errOut)
			}
			if tt.wantErr == "" && errOut != "" || tt.wantErr != "" && !regexp.MustCompile(tt.wantErr).MatchString(errOut) {
				t.Errorf("stderr %q, want %q", errOut, tt.wantErr)
			}
			if tt.wantCode != exitOK {
				return
			}
			d := decodeDigest(t, out)
			n := 0
			for _, e := range d.Entries {
				for _, o := range e.Occurrences {
					if o.Path != "-" || o.Date != "2018-03-01" {
						t.Errorf("occurrence %s %s:%d, want the day read from -", o.Date, o.Path, o.Line)
					}
					n++
				}
			}
			if n != tt.wantQs {
				t.Errorf("%d occurrences, want %d", n, tt.wantQs)
			}
		})
	}
}

// TestDigestKBStdin checks the source lines of a knowledge base built from
// stdin: the line as text ("stdin:13"), not a link to a file named "-",
// and a file's source a link to it.
func TestDigestKBStdin(t *testing.T) {
	path := filepath.Join(digestDays, "proddev", "2018-03-01-chat.markdown")
	day, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, stdin, input string
		want, not          *regexp.Regexp
	}{
		{"stdin", string(day), "-", regexp.MustCompile(`(?m)^Source: stdin:\d+$`), regexp.MustCompile(`\]\([^)]*-#L|\[-:`)},
		{"a file", "", path, regexp.MustCompile(`(?m)^Source: \[2018-03-01-chat\.markdown:\d+\]\([^)]*proddev/2018-03-01-chat\.markdown#L\d+\)$`), regexp.MustCompile(`stdin:`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "kb")
			if code, _, errOut := runCmd(t, tt.stdin, "digest", "--format", "kb", "--lang", "en", "--out", dir, tt.input); code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			files := readKBFolder(t, dir)
			if len(files) < 2 {
				t.Fatalf("no entry files: %v", files)
			}
			for name, text := range files {
				if name == "index.md" {
					continue
				}
				if n := len(tt.want.FindAllString(text, -1)); n == 0 || n != strings.Count(text, "\nSource: ") {
					t.Errorf("%s: %d of %d sources match %s:\n%s", name, n, strings.Count(text, "\nSource: "), tt.want, text)
				}
				if tt.not.MatchString(text) {
					t.Errorf("%s matches %s:\n%s", name, tt.not, text)
				}
			}
		})
	}
}

// digestMultiDay is a synthetic MemoTrace TXT export whose messages span
// three days (2025-03-06, 2025-03-07, 2025-03-10), a question on each.
const digestMultiDay = "../../testdata/digest/multiday/paygroup.txt"

// TestDigestMultiDay checks that a file spanning several days is read as
// extract reads it: each calendar day is threaded on its own, dated by
// itself, and kept or left out by --since and --until alone.
func TestDigestMultiDay(t *testing.T) {
	const (
		q06 = "2025-03-06 请教一下，微信分账接口怎么申请？"
		q07 = "2025-03-07 微信的分账接口在哪里申请？"
		q10 = "2025-03-10 聚合支付现在还能做二清吗？"
	)
	tests := []struct {
		name string
		args []string
		want []string // "date question" of every occurrence, sorted
	}{
		{"all days", nil, []string{q06, q07, q10}},
		{"since the second day", []string{"--since", "2025-03-07"}, []string{q07, q10}},
		{"until the first day", []string{"--until", "2025-03-06"}, []string{q06}},
		{"the middle day", []string{"--since", "2025-03-07", "--until", "2025-03-09"}, []string{q07}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range digestJSON(t, append(tt.args, digestMultiDay)...).Entries {
				for _, o := range e.Occurrences {
					got = append(got, o.Date+" "+o.Question)
				}
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("occurrences\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	code, out, errOut := runCmd(t, "", "digest", "--lang", "en", digestMultiDay)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := "# FAQ digest: 2025-03-06 to 2025-03-10\n\n3 days (paygroup), 3 threads;"; !strings.HasPrefix(out, want) {
		t.Errorf("markdown starts %q, want %q", out[:min(len(out), 120)], want)
	}
}

// TestDigestAnswerNextDay checks that a question answered the next
// morning by an explicit reply (Telegram) is an answered entry of the
// digest, with that answer, and no unanswered question; with --until the
// day before, the answer's day is not read and the question is unanswered.
func TestDigestAnswerNextDay(t *testing.T) {
	path := telegramExport(t, []string{
		`{"id": 1, "type": "message", "date": "2024-01-10T22:50:00", "from": "Ann", "from_id": "user1", "text": "微信分账接口的分账比例上限是多少？"}`,
		`{"id": 2, "type": "message", "date": "2024-01-11T08:10:00", "from": "Cid", "from_id": "user3", "text": "默认最高30%，可以找微信申请提高", "reply_to_message_id": 1}`,
		`{"id": 3, "type": "message", "date": "2024-01-11T08:12:00", "from": "Dee", "from_id": "user4", "text": "谢谢", "reply_to_message_id": 1}`,
	})
	d := digestJSON(t, path)
	var got []string
	for _, e := range d.Entries {
		for _, o := range e.Occurrences {
			for _, a := range o.Answers {
				got = append(got, o.Date+" "+o.Question+" <- "+a.Sender+" "+a.Text)
			}
		}
	}
	if want := "2024-01-10 微信分账接口的分账比例上限是多少？ <- Cid 默认最高30%，可以找微信申请提高"; strings.Join(got, "\n") != want {
		t.Errorf("answers\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if len(d.Unanswered) != 0 {
		t.Errorf("unanswered %v, want none", d.Unanswered)
	}
	for _, tt := range []struct{ format, want string }{
		{"markdown", "**Cid** (2024-01-11, line 2): 默认最高30%"},
		{"html", `"later":[{"day":1,"thread":"t1","asker":"Cid"`}, // the date and group of day 1
		{"html", "默认最高30%，可以找微信申请提高"},
		// The question's panel shows the answer, dated, and the question's
		// thread is a Q&A thread (green, clickable), as is the answer's.
		{"html", `{"id":"t1","kind":"qa","title":"微信分账接口的分账比例上限是多少？"`},
		{"html", `<script id="messages-0" type="application/json">{"senders":["Ann","Cid"],"threads":{"t1":[[1,"22:50:00",0,"微信分账接口的分账比例上限是多少？","question"],[2,"2024-01-11 08:10:00",1,"默认最高30%，可以找微信申请提高","answer"]]}}`},
		{"html", `{"id":"t1","kind":"qa","title":"默认最高30%，可以找微信申请提高"`},
	} {
		code, out, errOut := runCmd(t, "", "digest", "-q", "--lang", "en", "--format", tt.format, path)
		if code != exitOK || !strings.Contains(out, tt.want) {
			t.Errorf("digest --format %s (exit %d, %s) lacks %q:\n%s", tt.format, code, errOut, tt.want, out)
		}
	}
	d = digestJSON(t, "--until", "2024-01-10", path)
	if len(d.Unanswered) != 1 || len(d.Entries) != 0 {
		t.Errorf("until the first day: %d entries, unanswered %v; want none and the question", len(d.Entries), d.Unanswered)
	}

	// A day is threaded alike whatever the range: from the second day on,
	// the reply to the first day's question starts a thread as before, and
	// is no answer to the question asked just before it.
	path = telegramExport(t, []string{
		`{"id": 1, "type": "message", "date": "2024-01-10T22:50:00", "from": "Ann", "from_id": "user1", "text": "微信分账接口的分账比例上限是多少？"}`,
		`{"id": 2, "type": "message", "date": "2024-01-11T08:00:00", "from": "Bob", "from_id": "user2", "text": "支付宝当面付的退款接口怎么调用？需要什么权限？"}`,
		`{"id": 3, "type": "message", "date": "2024-01-11T08:01:00", "from": "Cid", "from_id": "user3", "text": "默认最高30%，可以找微信申请提高", "reply_to_message_id": 1}`,
		`{"id": 4, "type": "message", "date": "2024-01-11T08:03:00", "from": "Dan", "from_id": "user4", "text": "退款接口要开通退款权限，在商户后台申请"}`,
	})
	for _, e := range digestJSON(t, "--since", "2024-01-11", path).Entries {
		for _, o := range e.Occurrences {
			for _, a := range o.Answers {
				if a.Sender == "Cid" {
					t.Errorf("with --since the second day, %q has Cid's answer to the first day's question", o.Question)
				}
			}
		}
	}

	// A copy of the question's day (another export saved on that day) is
	// read in its place; the later day's answer still reaches the question.
	dir := t.TempDir()
	first := []string{`{"id": 1, "type": "message", "date": "2024-01-10T22:50:00", "from": "Ann", "from_id": "user1", "text": "微信分账接口的分账比例上限是多少？"}`}
	writeFile(t, filepath.Join(dir, "aa.json"), `{"name": "g", "type": "private_supergroup", "id": 1, "messages": [`+strings.Join(append(first,
		`{"id": 2, "type": "message", "date": "2024-01-11T08:10:00", "from": "Cid", "from_id": "user3", "text": "默认最高30%，可以找微信申请提高", "reply_to_message_id": 1}`), ",\n")+`]}`)
	writeFile(t, filepath.Join(dir, "c.json"), `{"name": "g", "type": "private_supergroup", "id": 1, "messages": [`+first[0]+`]}`)
	d = digestJSON(t, "-q", filepath.Join(dir, "aa.json"), filepath.Join(dir, "c.json"))
	if len(d.Entries) != 1 || len(d.Unanswered) != 0 {
		t.Errorf("with a copy of the first day: %d entries, unanswered %v; want the answered entry", len(d.Entries), d.Unanswered)
	}
}

// TestDigestAnswerInNextFile checks that a group exported week by week
// keeps the reply in one file to a question of the file before as its
// answer, and that a chat of the same name but another chat ID does not.
func TestDigestAnswerInNextFile(t *testing.T) {
	dir := t.TempDir()
	export := func(name string, chatID int, recs ...string) string {
		path := filepath.Join(dir, name)
		writeFile(t, path, fmt.Sprintf(`{"name": "g", "type": "private_supergroup", "id": %d, "messages": [%s]}`, chatID, strings.Join(recs, ",\n")))
		return path
	}
	question := `{"id": 1, "type": "message", "date": "2024-01-07T22:50:00", "from": "Ann", "from_id": "user1", "text": "微信分账接口的分账比例上限是多少？"}`
	reply := `{"id": 2, "type": "message", "date": "2024-01-08T08:10:00", "from": "Cid", "from_id": "user3", "text": "默认最高30%，可以找微信申请提高", "reply_to_message_id": 1}`
	week1 := export("week1.json", 7, question)
	for _, tt := range []struct {
		name     string
		chatID   int
		answered bool
	}{
		{"the same chat", 7, true},
		{"another chat of the same name", 8, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			week2 := export(fmt.Sprintf("week2-%d.json", tt.chatID), tt.chatID, reply)
			d := digestJSON(t, "-q", week1, week2)
			if got := len(d.Unanswered) == 0; got != tt.answered {
				t.Errorf("answered %v, want %v (unanswered %v)", got, tt.answered, d.Unanswered)
			}
		})
	}

	// From --since the second week on, the reply to the first week's
	// question starts a thread as before: it answers no question of its day.
	ask := `{"id": 3, "type": "message", "date": "2024-01-08T08:00:00", "from": "Dan", "from_id": "user4", "text": "有人用过银联的云闪付网关吗？接口稳定吗？"}`
	week2 := export("week2-asks.json", 7, ask, strings.Replace(reply, "08:10", "08:01", 1))
	for _, e := range digestJSON(t, "-q", "--since", "2024-01-08", week1, week2).Entries {
		for _, o := range e.Occurrences {
			if len(o.Answers) > 0 {
				t.Errorf("with --since the second week, %q has answers %v", o.Question, o.Answers)
			}
		}
	}

	// A day split between two files links alike whatever the files are
	// called: the morning half first.
	morning := `{"id": 1, "type": "message", "date": "2024-01-09T09:00:00", "from": "Ann", "from_id": "user1", "text": "微信分账接口的分账比例上限是多少？"}`
	afternoon := `{"id": 2, "type": "message", "date": "2024-01-09T15:00:00", "from": "Cid", "from_id": "user3", "text": "默认最高30%，可以找微信申请提高", "reply_to_message_id": 1}`
	for _, names := range [][2]string{{"a-morning.json", "b-afternoon.json"}, {"z-morning.json", "b-afternoon.json"}} {
		m, a := export(names[0], 9, morning), export(names[1], 9, afternoon)
		if d := digestJSON(t, "-q", m, a); len(d.Unanswered) != 0 {
			t.Errorf("%s and %s: unanswered %v, want the question answered", names[0], names[1], d.Unanswered)
		}
	}
}

// TestDigestRefusesToOverwriteItsInput checks that digest -o refuses an
// output file that is one of its inputs, as extract does, and leaves the
// input as it was.
func TestDigestRefusesToOverwriteItsInput(t *testing.T) {
	data, err := os.ReadFile(sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	day := filepath.Join(dir, "day.markdown")
	writeFile(t, day, string(data))
	code, _, errOut := runCmd(t, "", "digest", "-q", "-o", day, day)
	if code != exitUsage || !strings.Contains(errOut, "is the same file as the input") {
		t.Errorf("exit %d, stderr %q; want a usage error", code, errOut)
	}
	if got, err := os.ReadFile(day); err != nil || string(got) != string(data) {
		t.Errorf("the input changed (%v)", err)
	}
}

// TestOutputRefusesALogInItsFolder checks that digest -o and extract -o
// refuse an output that is a chat log in an input folder (the walk leaves
// the output out, so the log would be skipped and then replaced), and still
// write their output into the folder they read, run after run.
func TestOutputRefusesALogInItsFolder(t *testing.T) {
	data, err := os.ReadFile(sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		cmd []string
		out string
	}{
		{[]string{"digest", "-q"}, "digest.md"},
		{[]string{"extract"}, "faq.md"},
		{[]string{"extract", "--format", "json"}, "threads.json"},
		{[]string{"extract", "--format", "links"}, "links.txt"},
	} {
		dir := t.TempDir()
		for _, name := range []string{"a.markdown", "b.markdown"} {
			writeFile(t, filepath.Join(dir, name), string(data))
		}
		day := filepath.Join(dir, "a.markdown")
		code, _, errOut := runCmd(t, "", append(tt.cmd, "-o", day, dir)...)
		if code != exitUsage || !strings.Contains(errOut, "is a chat log in the input folder") {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", tt.cmd, code, errOut)
		}
		if got, err := os.ReadFile(day); err != nil || string(got) != string(data) {
			t.Errorf("%v: the chat log changed (%v)", tt.cmd, err)
		}
		out := filepath.Join(dir, tt.out)
		for run := range 2 {
			if code, _, errOut := runCmd(t, "", append(tt.cmd, "-o", out, dir)...); code != exitOK {
				t.Errorf("%v: run %d into its folder: exit %d: %s", tt.cmd, run, code, errOut)
			}
		}
	}
}

// TestDigestSlackDays checks that a Slack channel, one log of several
// days, dates each asking by its own day, and that --since and --until
// keep the askings of their days only.
func TestDigestSlackDays(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "workspace")
	for _, sub := range []string{"general"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(dir, "channels.json"), `[{"id": "C1", "name": "general"}]`)
	writeFile(t, filepath.Join(dir, "users.json"), `[{"id": "U1", "name": "alice"}, {"id": "U2", "name": "bob"}]`)
	// 2024-01-15 and 2024-01-16, 10:00 and 10:05 UTC.
	writeFile(t, filepath.Join(dir, "general", "2024-01-15.json"), `[
{"type": "message", "user": "U1", "text": "微信分账接口怎么申请？", "ts": "1705312800.000100"},
{"type": "message", "user": "U2", "text": "在商户平台的产品中心申请开通", "ts": "1705313100.000200"}]`)
	writeFile(t, filepath.Join(dir, "general", "2024-01-16.json"), `[
{"type": "message", "user": "U2", "text": "网联协议支付要重新签约吗？", "ts": "1705399200.000100"},
{"type": "message", "user": "U1", "text": "要的，存量用户也要重新签约", "ts": "1705399500.000200"}]`)
	tests := []struct {
		name string
		args []string
		want []string // the askings' dates, sorted
	}{
		{"all days", nil, []string{"2024-01-15", "2024-01-16"}},
		{"since the second day", []string{"--since", "2024-01-16"}, []string{"2024-01-16"}},
		{"until the first day", []string{"--until", "2024-01-15"}, []string{"2024-01-15"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range digestJSON(t, append(tt.args, dir)...).Entries {
				for _, o := range e.Occurrences {
					got = append(got, o.Date)
				}
			}
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("askings dated %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDigestInputsReadOnce checks that a file reached twice (named twice,
// spelt two ways, or named and found in a folder, or in a folder and a
// folder inside it) is read once: its questions are not asked twice.
func TestDigestInputsReadOnce(t *testing.T) {
	day := filepath.Join(digestDays, "proddev", "2018-03-01-chat.markdown")
	abs, err := filepath.Abs(day)
	if err != nil {
		t.Fatal(err)
	}
	dayText, err := os.ReadFile(day)
	if err != nil {
		t.Fatal(err)
	}
	askings := func(t *testing.T, stdin string, args ...string) []string {
		t.Helper()
		code, out, errOut := runCmd(t, stdin, append([]string{"digest", "--format", "json"}, args...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		d := decodeDigest(t, out)
		var got []string
		for _, e := range d.Entries {
			for _, o := range e.Occurrences {
				got = append(got, o.Date+" "+o.Asker+" "+o.Question)
			}
		}
		sort.Strings(got)
		return got
	}
	type readOnce struct {
		name  string
		stdin string
		args  []string
		once  []string // the same inputs, each given once
	}
	tests := []readOnce{
		{"a file twice", "", []string{day, day}, []string{day}},
		{"a file spelt two ways", "", []string{day, abs, filepath.Join(digestDays, "proddev", "..", "proddev", ".", "2018-03-01-chat.markdown")}, []string{day}},
		{"a file and its folder", "", []string{day, digestDays}, []string{digestDays}},
		{"a folder and a folder in it", "", []string{digestDays, filepath.Join(digestDays, "proddev")}, []string{digestDays}},
		{"stdin twice", string(dayText), []string{"-", "-"}, []string{"-"}},
	}
	saved := filepath.Join(t.TempDir(), "proddev", "2018-03-01-chat (1).markdown")
	if err := os.MkdirAll(filepath.Dir(saved), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, saved, string(dayText))
	tests = append(tests, readOnce{"a day saved twice under two names", "", []string{day, saved}, []string{day}})
	links := t.TempDir()
	group, err := filepath.Abs(filepath.Join(digestDays, "proddev"))
	if err != nil {
		t.Fatal(err)
	}
	if os.Symlink(group, filepath.Join(links, "pd")) == nil && os.Symlink(abs, filepath.Join(links, "day.markdown")) == nil {
		tests = append(tests,
			readOnce{"a folder and a link to it", "", []string{group, links}, []string{group}},
			readOnce{"a file and a link to it", "", []string{day, filepath.Join(links, "day.markdown")}, []string{day}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := askings(t, tt.stdin, tt.args...), askings(t, tt.stdin, tt.once...)
			if len(want) == 0 {
				t.Fatal("no questions")
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("askings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestDigestNoDayInRange checks that when --since and --until leave none
// of the days read, the digest says so, naming the range and the days read
// (one day in the singular), in its heading and on the error stream.
func TestDigestNoDayInRange(t *testing.T) {
	oneDay := filepath.Join(digestDays, "proddev", "2018-03-08-chat.markdown")
	tests := []struct {
		args    []string
		input   string // digestDays when empty
		heading string
		note    string
	}{
		{[]string{"--since", "2019-01-01"}, "", "# FAQ digest: no day since 2019-01-01 (4 day logs read)\n", "threads: no day since 2019-01-01 among the 4 day logs read: the digest is empty\n"},
		{[]string{"--until", "2018-02-28"}, "", "# FAQ digest: no day until 2018-02-28 (4 day logs read)\n", "threads: no day until 2018-02-28 among the 4 day logs read: the digest is empty\n"},
		{[]string{"--since", "2018-03-02", "--until", "2018-03-07"}, "", "# FAQ digest: no day from 2018-03-02 to 2018-03-07 (4 day logs read)\n", "threads: no day from 2018-03-02 to 2018-03-07 among the 4 day logs read: the digest is empty\n"},
		{[]string{"--since", "2018-03-02", "--until", "2018-03-08"}, "", "# FAQ digest: 2018-03-08\n", ""},
		{[]string{"--since", "2019-01-01"}, oneDay, "# FAQ digest: no day since 2019-01-01 (1 day log read)\n", "threads: no day since 2019-01-01 among the 1 day log read: the digest is empty\n"},
	}
	for _, tt := range tests {
		input := tt.input
		if input == "" {
			input = digestDays
		}
		t.Run(strings.Join(append(tt.args, filepath.Base(input)), " "), func(t *testing.T) {
			code, out, errOut := runCmd(t, "", append(append([]string{"digest", "--lang", "en"}, tt.args...), input)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if !strings.HasPrefix(out, tt.heading) {
				t.Errorf("digest starts %q, want %q", out[:min(len(out), 80)], tt.heading)
			}
			if tt.note != "" && !strings.Contains(errOut, tt.note) || tt.note == "" && strings.Contains(errOut, "no day") {
				t.Errorf("stderr %q, want the note %q", errOut, tt.note)
			}
		})
	}
}

// TestDigestSkipsItsOutput checks that a digest written into one of its
// input folders (a knowledge base, or an -o file) is not read back as
// input on the next run, however the output is spelt.
func TestDigestSkipsItsOutput(t *testing.T) {
	tests := []struct {
		name   string
		format string
		out    string // the output, in the input folder
		link   bool   // the output is named through a symbolic link to the input folder
	}{
		{"knowledge base", "kb", "kb", false},
		{"knowledge base in a subfolder", "kb", filepath.Join("proddev", "kb"), false},
		{"knowledge base named through a link", "kb", "kb", true},
		{"markdown file", "markdown", "faq.md", false},
		{"json file", "json", filepath.Join("devarch", "digest.json"), false},
		{"html file named through a link", "html", "digest.html", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			in := filepath.Join(tmp, "days")
			for _, day := range []string{"proddev/2018-03-01-chat.markdown", "proddev/2018-03-08-chat.markdown", "devarch/2018-03-14-chat.markdown"} {
				copyFile(t, filepath.Join(digestDays, day), filepath.Join(in, day))
			}
			out := filepath.Join(in, tt.out)
			if tt.link {
				link := filepath.Join(tmp, "link")
				if err := os.Symlink(in, link); err != nil {
					t.Skip("no symbolic links:", err)
				}
				out = filepath.Join(link, tt.out)
			}
			digest := func() (string, string) {
				t.Helper()
				code, _, errOut := runCmd(t, "", "digest", "--format", tt.format, "-o", out, in)
				if code != exitOK {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				summary := regexp.MustCompile(`^threads: .*: \d+ files written`) // what kb wrote
				for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
					if strings.Contains(line, filepath.Base(tt.out)) && !summary.MatchString(line) {
						t.Errorf("the output was read as input: %s", line)
					}
				}
				if tt.format == "kb" {
					data, _ := os.ReadFile(filepath.Join(out, "index.md"))
					return string(data), errOut
				}
				data, _ := os.ReadFile(out)
				return string(data), errOut
			}
			first, _ := digest()
			second, errOut := digest()
			if first == "" || second != first {
				t.Errorf("the second run wrote\n%s\nthe first\n%s", second, first)
			}
			if tt.format == "kb" && !strings.Contains(errOut, " 0 files written,") {
				t.Errorf("the second run changed the knowledge base: %s", errOut)
			}
		})
	}
}

// TestDigestInputFormat checks --input-format, which the error for a file
// of no format detection knows recommends: a file detection cannot tell
// (an IRC log after a line of its own) is read in the format given, an
// unknown format is the usage error extract gives, and a folder's files
// are all read in the format, as extract reads them.
func TestDigestInputFormat(t *testing.T) {
	dir := t.TempDir()
	irc := filepath.Join(dir, "irc.log")
	const log = "exported from #ubuntu\n" +
		"[09:00] <alice> how do I mount a usb drive on the command line?\n" +
		"[09:01] <bob> alice: use udisksctl mount -b /dev/sdb1\n"
	writeFile(t, irc, log)
	_, _, extractErr := runCmd(t, "", "extract", "--input-format", "nope", irc)
	tests := []struct {
		name     string
		stdin    string
		args     []string
		wantCode int
		wantErr  string // regexp on stderr
		entries  int    // in the JSON digest written; -1 for none written
	}{
		{"not detected", "", []string{irc}, exitFailure, regexp.QuoteMeta(irc) + `:1: cannot tell the input format; pass --input-format with one of: `, -1},
		{"given", "", []string{"--input-format", "irc", irc}, exitOK, `^$`, 1},
		{"given, stdin", log, []string{"--input-format", "irc", "-"}, exitOK, `^$`, 1},
		{"unknown", "", []string{"--input-format", "nope", irc}, exitUsage, "^" + regexp.QuoteMeta(extractErr) + "$", -1},
		{"wrong for the file", "", []string{"--input-format", "cocolian", irc}, exitFailure, regexp.QuoteMeta(irc) + `:1: not a cocolian day archive`, -1},
		// Every file of a folder is read in the format: the README is no
		// cocolian day, an error as in extract, not a note.
		{"a folder", "", []string{"--input-format", "cocolian", digestDays}, exitFailure, `README\.txt:1: not a cocolian day archive[^\n]*\nthreads: 1 of 5 inputs failed\n$`, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, append([]string{"digest", "--format", "json"}, tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.wantCode, errOut)
			}
			if !regexp.MustCompile(tt.wantErr).MatchString(errOut) {
				t.Errorf("stderr %q does not match %q", errOut, tt.wantErr)
			}
			if tt.entries < 0 {
				if out != "" {
					t.Errorf("a digest was written: %s", out)
				}
				return
			}
			var d digestEntries
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatalf("%v: %q", err, out)
			}
			if len(d.Entries) != tt.entries {
				t.Errorf("%d entries, want %d", len(d.Entries), tt.entries)
			}
		})
	}
}

// TestDigestInputFormatFlagIsExtracts checks that digest's --input-format
// is extract's: the same name, default, type and help.
func TestDigestInputFormatFlagIsExtracts(t *testing.T) {
	io := &streams{}
	ext := newExtractCmd(io, nil).Flags().Lookup("input-format")
	dig := newDigestCmd(io, nil).Flags().Lookup("input-format")
	if ext == nil || dig == nil {
		t.Fatalf("extract's flag %v, digest's %v", ext, dig)
	}
	if ext.DefValue != dig.DefValue || ext.Usage != dig.Usage || ext.Value.Type() != dig.Value.Type() || ext.Shorthand != dig.Shorthand {
		t.Errorf("digest's --input-format %+v differs from extract's %+v", dig, ext)
	}
}

// TestDigestKBRenamedEntry checks the curator's renamed entry file: the
// next run keeps it under its name with its note and lists it in the
// index, writes no second file of the entry, a narrower run leaves it as
// it is, and a Markdown file that is no entry file is named on stderr.
func TestDigestKBRenamedEntry(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kb")
	const id = "2018-03-14-86c66046" // 对账出现长款和短款的差错 (2018-03-14, 2018-03-22)
	kb := func(args ...string) string {
		t.Helper()
		code, _, errOut := runCmd(t, "", append([]string{"digest", "--format", "kb", "--out", dir}, args...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		return errOut
	}
	kb(digestDays)
	renamed := filepath.Join(dir, "reconcile.md")
	data, err := os.ReadFile(filepath.Join(dir, id+".md"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, renamed, string(data)+"NOTE\n")
	if err := os.Remove(filepath.Join(dir, id+".md")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		extra   string // a file to add first
		wantErr string // regexp on stderr; "" for no line about the files
	}{
		{"the same run", []string{digestDays}, "", ""},
		{"a narrower run", []string{"--since", "2018-03-22", digestDays}, "", ""},
		{"a file that is no entry", []string{digestDays}, "notes.md",
			regexp.QuoteMeta(filepath.Join(dir, "notes.md")) + `: no entry id in its front matter, so no entry file: left as it is and out of index\.md, and its notes go to no entry \(give it the id of its entry, or move it out of the folder\)\n`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.extra != "" {
				writeFile(t, filepath.Join(dir, tt.extra), "# 笔记\n")
			}
			errOut := kb(tt.args...)
			files := readKBFolder(t, dir)
			if _, ok := files[id+".md"]; ok {
				t.Errorf("%s.md written again beside reconcile.md", id)
			}
			if text := files["reconcile.md"]; !strings.HasSuffix(text, "\nNOTE\n") || !strings.Contains(text, "id: "+id+"\n") {
				t.Errorf("reconcile.md lost its note or its entry:\n%s", text)
			}
			if !strings.Contains(files["index.md"], "](reconcile.md)") {
				t.Errorf("the index does not list reconcile.md:\n%s", files["index.md"])
			}
			lines := regexp.MustCompile(`(?m)^threads: .*(entry file|entry id|second file).*\n`).FindAllString(errOut, -1)
			if got := strings.Join(lines, ""); tt.wantErr == "" && got != "" || tt.wantErr != "" && !regexp.MustCompile("^threads: "+tt.wantErr+"$").MatchString(got) {
				t.Errorf("stderr lines %q, want %q", got, tt.wantErr)
			}
		})
	}
}

// TestDigestModel checks that digest threads with the model --model names,
// as extract does: the embedded WeChat model's own file gives the same
// digest as no flag, the IRC model another one, and a missing file is an
// error naming it.
func TestDigestModel(t *testing.T) {
	digest := func(args ...string) (int, string, string) {
		return runCmd(t, "", append([]string{"digest", "--format", "json"}, append(args, digestDays)...)...)
	}
	_, plain, _ := digest()
	tests := []struct {
		name  string
		model string
		code  int
		same  bool
	}{
		{"the embedded model's file", "../../internal/thread/models/wechat.yaml", exitOK, true},
		{"another model", "../../internal/thread/models/irc.yaml", exitOK, false},
		{"no such file", "no-such-model.yaml", exitFailure, false},
		{"a chat log, not a model", "../../testdata/sample-day.markdown", exitFailure, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := digest("--model", tt.model)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, errOut)
			}
			if code != exitOK {
				if !strings.Contains(errOut, tt.model) || strings.Contains(errOut, "unmarshal") {
					t.Errorf("stderr %q does not name %s in plain words", errOut, tt.model)
				}
				return
			}
			if (out == plain) != tt.same {
				t.Errorf("digest with --model %s the same as without: %v, want %v", tt.model, out == plain, tt.same)
			}
		})
	}
}

// TestRangeDate checks the dates --since and --until take: a day as given,
// a month from its first day or to its last (leap years too), and what a
// wrong one is told.
func TestRangeDate(t *testing.T) {
	for _, tt := range []struct {
		val  string
		last bool
		want string // the date, or the error
	}{
		{"2018-05-04", false, "2018-05-04"},
		{"2018-02", false, "2018-02-01"},
		{"2018-02", true, "2018-02-28"},
		{"2020-02", true, "2020-02-29"},
		{"2100-02", true, "2100-02-28"},
		{"", true, ""},
		{"2018-02-30", true, "invalid `--until` \"2018-02-30\": 2018-02 has 28 days"},
		{"2018-04-31", true, "invalid `--until` \"2018-04-31\": 2018-04 has 30 days"},
		{"2018-02-+1", true, "invalid `--until` \"2018-02-+1\": want a date like 2018-05-04, or a month like 2018-05"},
		{"2018-02-00", true, "invalid `--until` \"2018-02-00\": want a date like 2018-05-04, or a month like 2018-05"},
		{"2018-13", true, "invalid `--until` \"2018-13\": want a date like 2018-05-04, or a month like 2018-05"},
	} {
		got, err := rangeDate("--until", tt.val, tt.last)
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("rangeDate(%q, last %v) = %q, want %q", tt.val, tt.last, got, tt.want)
		}
	}
}

// TestDigestKBBrokenFrontMatter checks that an entry file whose front
// matter a curator broke is named on stderr with its line and what to do,
// and left as it is.
func TestDigestKBBrokenFrontMatter(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kb")
	const id = "2018-03-14-86c66046" // 对账出现长款和短款的差错 (2018-03-14, 2018-03-22)
	if code, _, errOut := runCmd(t, "", "digest", "--format", "kb", "--out", dir, digestDays); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	path := filepath.Join(dir, id+".md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(data), "\ntitle: ", "\ntitle: \"", 1)
	writeFile(t, path, broken)
	code, _, errOut := runCmd(t, "", "digest", "--format", "kb", "--out", dir, digestDays)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := regexp.QuoteMeta(path) + `:\d+: [^\n]+; the front matter is no valid YAML, so the file is left unchanged and its entry not regenerated \(fix the YAML and run again\)\n`
	if !regexp.MustCompile(want).MatchString(errOut) {
		t.Errorf("stderr %q, want a line matching %q", errOut, want)
	}
	if got, _ := os.ReadFile(path); string(got) != broken {
		t.Error("the broken file was rewritten")
	}
}
