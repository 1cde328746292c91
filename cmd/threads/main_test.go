package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

const sampleDay = "../../testdata/sample-day.markdown"

// telegramForum is a synthetic Telegram forum export whose topics interleave.
const telegramForum = "../../testdata/chatlog/telegram/forum.json"

// runCmd runs the command line with the given stdin and returns exit code, stdout and stderr.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExtractGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"sample-day.json", []string{"extract", "--format", "json", sampleDay}},
		{"sample-day.md", []string{"extract", sampleDay}}, // auto: a Chinese chat, a Chinese FAQ
		{"sample-day.en.md", []string{"extract", "--lang", "en", sampleDay}},
		{"sample-day-explain.json", []string{"extract", "--format", "json", "--explain", sampleDay}},
		// A Telegram forum export: each topic threaded apart, the topic in the JSON and the FAQ.
		{"telegram-forum-explain.json", []string{"extract", "--format", "json", "--explain", telegramForum}},
		{"telegram-forum.md", []string{"extract", telegramForum}}, // auto: an English chat
		{"telegram-forum.zh.md", []string{"extract", "--lang", "zh", telegramForum}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", tt.args...)
			if code != exitOK {
				t.Fatalf("exit %d, stderr: %s", code, errOut)
			}
			checkGolden(t, filepath.Join("..", "..", "testdata", "cmd", tt.golden), []byte(out))
			// Same input, byte-identical output.
			_, again, _ := runCmd(t, "", tt.args...)
			if again != out {
				t.Error("a second run gave different output")
			}
		})
	}
}

func TestExtractStdinAndOutputFile(t *testing.T) {
	data, err := os.ReadFile(sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	code, fromStdin, errOut := runCmd(t, string(data), "extract", "--format", "json", "-")
	if code != exitOK {
		t.Fatalf("stdin: exit %d: %s", code, errOut)
	}
	code, noArgs, _ := runCmd(t, string(data), "extract", "--format", "json")
	if code != exitOK || noArgs != fromStdin {
		t.Fatalf("no file argument should read stdin (exit %d)", code)
	}
	dir := t.TempDir()
	outPath := filepath.Join(dir, "day.json")
	code, stdout, errOut := runCmd(t, string(data), "extract", "--format", "json", "-o", outPath)
	if code != exitOK {
		t.Fatalf("-o: exit %d: %s", code, errOut)
	}
	if stdout != "" {
		t.Errorf("-o should leave stdout empty, got %q", stdout)
	}
	written, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatal(err)
	}
	if string(written) != fromStdin {
		t.Error("-o wrote something else than stdout would show")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("-o left temporary files: %v", entries)
	}
}

func TestExtractErrors(t *testing.T) {
	dir := t.TempDir()
	notChat := filepath.Join(dir, "notes.txt")
	writeFile(t, notChat, "just some notes\nnothing else\n")
	badTime := filepath.Join(dir, "bad.markdown")
	writeFile(t, badTime, "---\ntitle: x\ndate: 2018-05-04 12:00:00\n---\n> 25:61:00  someone  \n   \nhi  \n")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string // regexp on stderr
		wantOut  bool   // the good input still produced output
	}{
		{"unknown format", []string{"extract", notChat}, exitFailure, regexp.QuoteMeta(notChat) + `:1: `, false},
		{"bad header time", []string{"extract", badTime}, exitFailure, regexp.QuoteMeta(badTime) + `:5: `, false},
		{"missing file", []string{"extract", filepath.Join(dir, "nope.markdown")}, exitFailure, `nope\.markdown: cannot open input`, false},
		{"one bad of two", []string{"extract", "--format", "json", notChat, sampleDay}, exitFailure, `1 of 2 inputs failed`, true},
		{"bad output format", []string{"extract", "--format", "xml", sampleDay}, exitUsage, "invalid `--format` \"xml\"", false},
		{"unknown flag", []string{"extract", "--nope"}, exitUsage, `unknown flag`, false},
		{"unknown input format", []string{"extract", "--input-format", "nope", sampleDay}, exitUsage, "unknown `--input-format` \"nope\"; use one of: .*cocolian", false},
		{"unknown command", []string{"extarct", sampleDay}, exitUsage, `unknown command "extarct"; did you mean extract\?`, false},
		{"argument to a command that takes none", []string{"formats", "extra"}, exitUsage, `unknown command "extra"`, false},
		{"completion for an unknown shell", []string{"completion", "tcsh"}, exitUsage, `no completion for shell "tcsh"; use one of: bash, fish, powershell, zsh`, false},
		{"output in a missing folder", []string{"extract", "-o", filepath.Join(dir, "missing", "day.md"), sampleDay}, exitFailure, `day\.md: cannot create output: folder .*missing does not exist; create it first`, false},
		{"output is a folder", []string{"extract", "-o", dir, sampleDay}, exitFailure, `cannot write output: it is a folder`, false},
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
}

func TestVersionAndCompletion(t *testing.T) {
	code, out, _ := runCmd(t, "", "--version")
	if code != exitOK || !strings.Contains(out, version) {
		t.Errorf("--version: exit %d, out %q", code, out)
	}
	code, out, _ = runCmd(t, "", "completion", "bash")
	if code != exitOK || !strings.Contains(out, "bash completion") {
		t.Errorf("completion bash: exit %d", code)
	}
	code, out, _ = runCmd(t, "", "formats")
	if code != exitOK || !strings.Contains(out, "cocolian") {
		t.Errorf("formats: exit %d, out %q", code, out)
	}
}

func TestSegmentCommand(t *testing.T) {
	code, out, errOut := runCmd(t, "", "segment", "微信有没有和支付宝一样的分账的接口？网联协议支付")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	tokens := strings.Fields(out)
	for _, want := range []string{"分账", "网联", "协议支付"} {
		found := false
		for _, tok := range tokens {
			if tok == want {
				found = true
			}
		}
		if !found {
			t.Errorf("%s is not a single token in %q", want, out)
		}
	}
	code, _, _ = runCmd(t, "", "segment")
	if code != exitUsage {
		t.Errorf("segment without argument: exit %d, want %d", code, exitUsage)
	}
}

// contractDay is the part of the JSON contract the conservation test checks.
type contractDay struct {
	Source   struct{ Path, Format, Date string }
	Messages []struct {
		Index   int
		Line    int
		ReplyTo *int `json:"reply_to"`
		Earlier *struct {
			Date        string
			Index, Line int
			Answers     bool
		} `json:"reply_to_earlier"`
		Thread string
		Role   string
	}
	Threads []struct {
		ID       string
		Kind     string
		Messages []int
	}
}

// TestCorpusConservation checks on every shared cocolian day that the JSON has
// one message per header, each in exactly one thread, with a valid reply link.
func TestCorpusConservation(t *testing.T) {
	root := sharedtest.Dir(t, "corpus", "cocolian")
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.markdown"))
	if len(files) == 0 {
		t.Skip("no cocolian day files in " + root)
	}
	header := regexp.MustCompile(`(?m)^> \d\d:\d\d:\d\d `)
	args := append([]string{"extract", "--format", "json"}, files...)
	code, out, errOut := runCmd(t, "", args...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var days []contractDay
	if err := json.Unmarshal([]byte(out), &days); err != nil {
		t.Fatal(err)
	}
	if len(days) != len(files) {
		t.Fatalf("got %d days for %d files", len(days), len(files))
	}
	kinds := map[string]bool{"qa": true, "discussion": true, "talk": true, "news": true, "greeting": true, "other": true}
	for k, path := range files {
		data, _ := os.ReadFile(path)
		d := days[k]
		if want := len(header.FindAll(data, -1)); len(d.Messages) != want {
			t.Errorf("%s: %d messages in JSON, %d headers in the file", path, len(d.Messages), want)
		}
		inThread := make([]int, len(d.Messages))
		for _, th := range d.Threads {
			if !kinds[th.Kind] {
				t.Errorf("%s: thread %s has kind %q", path, th.ID, th.Kind)
			}
			for _, i := range th.Messages {
				inThread[i]++
				if d.Messages[i].Thread != th.ID {
					t.Errorf("%s: message %d says thread %s but is listed in %s", path, i, d.Messages[i].Thread, th.ID)
				}
			}
		}
		for i, m := range d.Messages {
			if m.Index != i || inThread[i] != 1 {
				t.Errorf("%s: message %d has index %d and is in %d threads", path, i, m.Index, inThread[i])
			}
			if m.ReplyTo != nil && (*m.ReplyTo >= i || *m.ReplyTo < 0) {
				t.Errorf("%s: message %d replies to %d", path, i, *m.ReplyTo)
			}
			if m.ReplyTo != nil && d.Messages[*m.ReplyTo].Thread != m.Thread {
				t.Errorf("%s: message %d replies across threads", path, i)
			}
		}
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		writeFile(t, path, string(got))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/threads -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test ./cmd/threads -update to accept)", path)
	}
}

func TestExtractLinksModelAndSlack(t *testing.T) {
	code, out, errOut := runCmd(t, "", "extract", "--format", "links", sampleDay)
	if code != exitOK {
		t.Fatalf("links: exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 60 || lines[0] != "0 0 -" {
		t.Errorf("links: %d lines starting %q, want 60 starting \"0 0 -\"", len(lines), lines[0])
	}
	code, _, errOut = runCmd(t, "", "extract", "--model", "no-such-model.yaml", sampleDay)
	if code != exitFailure || !strings.Contains(errOut, "no-such-model.yaml: cannot read model") {
		t.Errorf("missing model: exit %d, stderr %q", code, errOut)
	}
	code, withModel, errOut := runCmd(t, "", "extract", "--format", "json", "--model", "../../internal/thread/models/wechat.yaml", sampleDay)
	if code != exitOK {
		t.Fatalf("model: exit %d: %s", code, errOut)
	}
	_, embedded, _ := runCmd(t, "", "extract", "--format", "json", sampleDay)
	if withModel != embedded {
		t.Error("--model with the embedded WeChat weights should change nothing")
	}
	code, out, errOut = runCmd(t, "", "extract", "--format", "json", "../../testdata/chatlog/slack/workspace")
	if code != exitOK {
		t.Fatalf("slack: exit %d: %s", code, errOut)
	}
	var days []contractDay
	if err := json.Unmarshal([]byte(out), &days); err != nil || len(days) != 2 {
		t.Errorf("slack export folder: want two channels, got %d (%v)", len(days), err)
	}
	// Each channel numbers its messages from 0: its link lines name it.
	code, out, errOut = runCmd(t, "", "extract", "--format", "links", "../../testdata/chatlog/slack/workspace")
	if code != exitOK {
		t.Fatalf("slack links: exit %d: %s", code, errOut)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if seen[line] || !strings.HasPrefix(line, "../../testdata/chatlog/slack/workspace/") {
			t.Errorf("slack links: line %q repeated or without its channel", line)
		}
		seen[line] = true
	}
}

// TestExtractJSONShape checks that JSON output is an array whenever several
// inputs or a folder are given, even when all but one fail, and an object
// for one file of one day.
func TestExtractJSONShape(t *testing.T) {
	folder := t.TempDir()
	data, err := os.ReadFile(sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(folder, "day.markdown"), string(data))
	tests := []struct {
		name  string
		args  []string
		code  int
		array bool
	}{
		{"one file", []string{sampleDay}, exitOK, false},
		{"two files", []string{sampleDay, sampleDay}, exitOK, true},
		{"one good of two", []string{sampleDay, "no-such-day.markdown"}, exitFailure, true},
		{"a folder of one day", []string{folder}, exitOK, true},
	}
	for _, tt := range tests {
		code, out, errOut := runCmd(t, "", append([]string{"extract", "--format", "json"}, tt.args...)...)
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d: %s", tt.name, code, tt.code, errOut)
		}
		if got := strings.HasPrefix(out, "["); got != tt.array {
			t.Errorf("%s: array %v, want %v: %.40q", tt.name, got, tt.array, out)
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("%s: not JSON: %v", tt.name, err)
		}
	}
}

// TestExtractSkipsItsOutput checks that extract's -o file, inside a folder
// it reads, is not read back as an input, run after run: the folder's one
// day stays one day, and --verbose names no skipped output. (An -o file
// that is a chat log there is refused: TestOutputRefusesALogInItsFolder.)
func TestExtractSkipsItsOutput(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "day.markdown"), string(data))
	out := filepath.Join(dir, "out.json")
	for run := range 2 {
		code, _, errOut := runCmd(t, "", "extract", "--verbose", "--format", "json", "-o", out, dir)
		if code != exitOK || strings.Contains(errOut, "out.json") {
			t.Fatalf("run %d: exit %d: %s", run, code, errOut)
		}
		written, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var days []contractDay
		if err := json.Unmarshal(written, &days); err != nil || len(days) != 1 {
			t.Errorf("run %d: want the one day of day.markdown, got %d (%v)", run, len(days), err)
		}
	}
}
