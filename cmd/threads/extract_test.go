package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExtractRefusesToOverwriteItsInput checks that an -o file that is one
// of the inputs, however either is spelt, is refused as a usage error
// naming both before anything is written: the input stays as it was and no
// temporary file is left.
func TestExtractRefusesToOverwriteItsInput(t *testing.T) {
	data, err := os.ReadFile(sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		setup func(dir string) (output string, args []string, err error) // err: no links here
		input string                                                     // the name of the input stderr gives
	}{
		{"the same name", func(dir string) (string, []string, error) {
			return "day.markdown", []string{"day.markdown"}, nil
		}, "day.markdown"},
		{"another spelling", func(dir string) (string, []string, error) {
			return "./day.markdown", []string{filepath.Join(dir, "sub", "..", "day.markdown")}, os.Mkdir(filepath.Join(dir, "sub"), 0o755)
		}, "day.markdown"},
		{"the output a link to the input", func(dir string) (string, []string, error) {
			return "out.md", []string{"day.markdown"}, os.Symlink("day.markdown", filepath.Join(dir, "out.md"))
		}, "day.markdown"},
		{"the input a link to the output", func(dir string) (string, []string, error) {
			return "day.markdown", []string{"in.md"}, os.Symlink("day.markdown", filepath.Join(dir, "in.md"))
		}, "in.md"},
		{"found in a folder under another name", func(dir string) (string, []string, error) {
			err := os.Mkdir(filepath.Join(dir, "chats"), 0o755)
			if err == nil {
				err = os.Link(filepath.Join(dir, "day.markdown"), filepath.Join(dir, "chats", "other.markdown"))
			}
			return "day.markdown", []string{"chats"}, err
		}, "other.markdown"},
		{"among other inputs, with json", func(dir string) (string, []string, error) {
			return "day.markdown", []string{"--format", "json", sampleDay, "day.markdown"}, nil
		}, "day.markdown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			abs := func(p string) string { return filepath.Join(dir, p) }
			writeFile(t, abs("day.markdown"), string(data))
			output, args, err := tt.setup(dir)
			if err != nil {
				t.Skipf("cannot make the links: %v", err)
			}
			for i, a := range args {
				if a == sampleDay {
					args[i] = filepath.Join(testDir, a)
				}
			}
			code, stdout, errOut := runCmd(t, "", append([]string{"extract", "-o", output}, args...)...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d (stderr %q)", code, exitUsage, errOut)
			}
			if !strings.Contains(errOut, "`-o` "+output+" is the same file as the input ") || !strings.Contains(errOut, tt.input) {
				t.Errorf("stderr %q does not name -o %s and the input %s", errOut, output, tt.input)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if got, _ := os.ReadFile(abs("day.markdown")); !bytes.Equal(got, data) {
				t.Error("the input was overwritten")
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp-") {
					t.Errorf("temporary file left: %s", e.Name())
				}
			}
		})
	}
}

// testDir is the folder the tests start in: the package's.
var testDir, _ = os.Getwd()

// TestExtractStdinIsItsOutput checks that stdin redirected from the -o
// file is refused as a file named on the command line is.
func TestExtractStdinIsItsOutput(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "day.markdown")
	copyFile(t, sampleDay, path)
	before, _ := os.ReadFile(path)
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var out, errOut bytes.Buffer
	code := run([]string{"extract", "-o", path}, in, &out, &errOut)
	if code != exitUsage || !strings.Contains(errOut.String(), "the input stdin") {
		t.Errorf("exit %d, stderr %q; want %d naming stdin", code, errOut.String(), exitUsage)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the input was overwritten")
	}
}

// TestExtractAnyJobs checks that -j larger than the inputs (however large)
// runs as many jobs as there are inputs, with the same output, and that
// workers never starts more goroutines than inputs, nor none.
func TestExtractAnyJobs(t *testing.T) {
	want := wantOutput(t, "markdown", false, sampleDay, sampleDay)
	for _, jobs := range []string{"9223372036854775807", "1000000000", "1", "2"} {
		code, out, errOut := runCmd(t, "", "extract", "-j", jobs, sampleDay, sampleDay)
		if code != exitOK || out != want {
			t.Errorf("-j %s: exit %d (stderr %q), output as expected: %v", jobs, code, errOut, out == want)
		}
	}
	for _, tt := range []struct{ jobs, inputs, want int }{
		{1, 5, 1}, {3, 5, 3}, {5, 5, 5}, {1 << 40, 5, 5}, {8, 0, 1}, {0, 3, 1},
	} {
		if got := workers(tt.jobs, tt.inputs); got != tt.want {
			t.Errorf("workers(%d, %d) = %d, want %d", tt.jobs, tt.inputs, got, tt.want)
		}
	}
}

// TestInterrupted checks what a signal does: the temporary file of the
// output being written goes, the output stays as it was, and the exit
// status is the shell's for the signal.
func TestInterrupted(t *testing.T) {
	for _, tt := range []struct {
		sig  os.Signal
		want int
	}{
		{os.Interrupt, 130},
		{syscall.SIGTERM, 143},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "out.md")
		writeFile(t, path, "old")
		out, err := openOutput(&extractOptions{Output: path})
		if err != nil {
			t.Fatal(err)
		}
		out.w.WriteString("new")
		out.w.Flush()
		if code := interrupted(tt.sig); code != tt.want {
			t.Errorf("%v: exit %d, want %d", tt.sig, code, tt.want)
		}
		if err := out.commit(); err == nil {
			t.Errorf("%v: an output was committed after the signal", tt.sig)
		}
		if got, _ := os.ReadFile(path); string(got) != "old" {
			t.Errorf("%v: output %q, want it as it was", tt.sig, got)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("%v: files left: %v", tt.sig, entries)
		}
	}
}

// TestSignalRemovesTemporaryFile sends SIGTERM to `threads extract -o`
// while it waits for stdin, in a process of its own, and checks that it
// exits with 143 and leaves no temporary file.
func TestSignalRemovesTemporaryFile(t *testing.T) {
	if args := os.Getenv("THREADS_TEST_MAIN"); args != "" {
		os.Args = append([]string{"threads"}, strings.Split(args, "\n")...)
		main()
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM to send")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out.md")
	cmd := exec.Command(os.Args[0], "-test.run=^TestSignalRemovesTemporaryFile$")
	cmd.Env = append(os.Environ(), "THREADS_TEST_MAIN=extract\n-o\n"+out+"\n-")
	stdin, err := cmd.StdinPipe() // held open: extract waits for its input
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	temps := func() []string {
		names, _ := filepath.Glob(filepath.Join(dir, ".out.md.tmp-*"))
		return names
	}
	for deadline := time.Now().Add(60 * time.Second); len(temps()) == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("no temporary file made in a minute; stderr %q", errOut.String())
		}
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 143 {
		t.Errorf("after SIGTERM: %v, want exit status 143 (stderr %q)", err, errOut.String())
	}
	if left := temps(); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an output was written: %v", err)
	}
}

// TestExtractJSONWhenNothingIsRead checks that when no input can be read,
// --format json still prints valid JSON, an empty array, with exit code 1
// and the errors on stderr; the other formats print nothing, and an -o
// file is left as it was.
func TestExtractJSONWhenNothingIsRead(t *testing.T) {
	dir := t.TempDir()
	notChat := filepath.Join(dir, "notes.txt")
	writeFile(t, notChat, "just some notes\nnothing else\n")
	empty := filepath.Join(dir, "empty.markdown")
	writeFile(t, empty, "")
	noLogs := filepath.Join(dir, "nologs")
	if err := os.Mkdir(noLogs, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(noLogs, "readme.txt"), "no chat here\n")
	kept := filepath.Join(dir, "kept.json")
	writeFile(t, kept, "{\"earlier\": true}\n")
	tests := []struct {
		name    string
		stdin   string
		args    []string
		wantOut string
		wantErr string // a part of stderr
	}{
		{"one input", "", []string{"extract", "--format", "json", notChat}, "[]\n", "1 of 1 inputs failed"},
		{"several inputs", "", []string{"extract", "--format", "json", notChat, empty, filepath.Join(dir, "missing.markdown")}, "[]\n", "3 of 3 inputs failed"},
		{"a folder without chat logs", "", []string{"extract", "--format", "json", noLogs}, "[]\n", "no chat log in a known format in this folder"},
		{"empty stdin", "", []string{"extract", "--format", "json"}, "[]\n", "empty input"},
		{"-o - is stdout", "", []string{"extract", "--format", "json", "-o", "-", notChat}, "[]\n", "1 of 1 inputs failed"},
		{"an -o file is kept", "", []string{"extract", "--format", "json", "-o", kept, notChat}, "", "1 of 1 inputs failed"},
		{"markdown prints nothing", "", []string{"extract", notChat}, "", "1 of 1 inputs failed"},
		{"links print nothing", "", []string{"extract", "--format", "links", notChat}, "", "1 of 1 inputs failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, tt.args...)
			if code != exitFailure {
				t.Errorf("exit %d, want %d", code, exitFailure)
			}
			if out != tt.wantOut {
				t.Errorf("stdout %q, want %q", out, tt.wantOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q lacks %q", errOut, tt.wantErr)
			}
			if data, err := os.ReadFile(kept); err != nil || string(data) != "{\"earlier\": true}\n" {
				t.Errorf("the -o file became %q (%v), want it as it was", data, err)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 4 {
				t.Errorf("the folder holds %d entries, want the 4 made here: %v", len(entries), entries)
			}
		})
	}
}

// TestLangFlag checks --lang on extract and digest: a language the
// outputs have none of is a usage error naming the ones they have, and
// each language gives its Markdown, whatever the chat's.
func TestLangFlag(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string // in stdout, or in stderr for a usage error
	}{
		{[]string{"extract", "--lang", "fr", sampleDay}, exitUsage, "invalid `--lang` \"fr\": use auto, en, zh"},
		{[]string{"digest", "--lang", "fr", digestDays}, exitUsage, "invalid `--lang` \"fr\": use auto, en, zh"},
		{[]string{"extract", sampleDay}, exitOK, "## 问答（10 个问题，分属 5 段对话）\n"},
		{[]string{"extract", "--lang", "auto", sampleDay}, exitOK, "## 问答（10 个问题，分属 5 段对话）\n"},
		{[]string{"extract", "--lang", "en", sampleDay}, exitOK, "## Questions and answers (10, in 5 threads)\n"},
		{[]string{"extract", "--lang", "zh", telegramForum}, exitOK, "## 问答（4 个问题，分属 3 段对话）\n"},
		{[]string{"digest", "-q", digestDays}, exitOK, "# 常见问题汇总：2018-03-01 至 2018-03-22\n"},
		{[]string{"digest", "-q", "--lang", "en", digestDays}, exitOK, "# FAQ digest: 2018-03-01 to 2018-03-22\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:len(tt.args)-1], " "), func(t *testing.T) {
			code, out, errOut := runCmd(t, "", tt.args...)
			if tt.code != exitOK {
				out = errOut
			}
			if code != tt.code || !strings.Contains(out, tt.want) {
				t.Errorf("exit %d, want %d with %q in:\n%s", code, tt.code, tt.want, out)
			}
		})
	}
}
