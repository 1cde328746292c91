package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/export"
	"github.com/cocolian/threads/internal/sharedtest"
	"github.com/cocolian/threads/internal/thread"
)

// wantOutput renders files the way extract did before it streamed: every
// day parsed and threaded first, then written at once.
func wantOutput(t *testing.T, format string, explain bool, files ...string) string {
	t.Helper()
	seg, err := loadSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	var days []export.Day
	for _, f := range files {
		log, err := chatlog.ParseFile(f, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		days = append(days, export.Day{Log: log, Result: thread.Build(log, seg)})
	}
	var buf bytes.Buffer
	eo := export.Options{Explain: explain}
	if format == "json" {
		err = export.WriteJSON(&buf, days, eo)
	} else {
		err = export.WriteMarkdown(&buf, days, eo)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// copyFile copies the file src to dst, making dst's folder.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dst, string(data))
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestExtractStreamsSameBytes checks that streaming the days gives the
// bytes that writing them all at once gives, for one, two and many days,
// in both formats and with any number of jobs.
func TestExtractStreamsSameBytes(t *testing.T) {
	files := []string{sampleDay}
	if root := sharedtest.Root(); root != "" {
		more, _ := filepath.Glob(filepath.Join(root, "corpus", "cocolian", "*", "*.markdown"))
		if len(more) > 4 {
			more = more[:4]
		}
		files = append(files, more...)
	}
	for _, n := range []int{1, 2, len(files) + 1} {
		in := make([]string, n)
		for i := range in {
			in[i] = files[i%len(files)]
		}
		for _, format := range []string{"json", "markdown"} {
			for _, explain := range []bool{false, true} {
				if explain && (n != 2 || format != "json") {
					continue // the evidence changes what is written, not how
				}
				want := wantOutput(t, format, explain, in...)
				for _, jobs := range []string{"1", "3"} {
					name := fmt.Sprintf("%d days/%s/explain=%v/jobs=%s", n, format, explain, jobs)
					args := []string{"extract", "--format", format, "--jobs", jobs}
					if explain {
						args = append(args, "--explain")
					}
					code, out, errOut := runCmd(t, "", append(args, in...)...)
					if code != exitOK {
						t.Fatalf("%s: exit %d: %s", name, code, errOut)
					}
					if out != want {
						t.Errorf("%s: streamed output differs from writing all days at once", name)
					}
				}
			}
		}
	}
}

// TestExtractFolder checks that a folder is read recursively in name order,
// that hidden files and files of no known format are left out, and that
// --verbose names what was skipped.
func TestExtractFolder(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "2018", "05-04.markdown")
	b := filepath.Join(dir, "2018", "sub", "day.md")
	c := filepath.Join(dir, "b-day.txt")
	copyFile(t, sampleDay, a)
	copyFile(t, sampleDay, b)
	copyFile(t, sampleDay, c)
	copyFile(t, sampleDay, filepath.Join(dir, ".hidden.markdown"))
	copyFile(t, sampleDay, filepath.Join(dir, ".git", "day.markdown"))
	notes := filepath.Join(dir, "2018", "notes.txt")
	writeFile(t, notes, "just some notes\nnothing else\n")
	want := wantOutput(t, "json", false, a, b, c)

	code, out, errOut := runCmd(t, "", "extract", "--format", "json", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out != want {
		t.Error("folder output differs from its chat files given in name order")
	}
	if errOut != "" {
		t.Errorf("stderr without --verbose: %q", errOut)
	}
	code, out2, errOut := runCmd(t, "", "extract", "--format", "json", "--verbose", dir)
	if code != exitOK || out2 != out {
		t.Fatalf("--verbose: exit %d, same output %v", code, out2 == out)
	}
	if !strings.Contains(errOut, notes+": "+skippedNote+"\n") || strings.Contains(errOut, "hidden") || strings.Contains(errOut, ".git") {
		t.Errorf("--verbose stderr: %q", errOut)
	}
	// Folders and files mix, in argument order.
	code, out, errOut = runCmd(t, "", "extract", "--format", "json", c, filepath.Join(dir, "2018"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out != wantOutput(t, "json", false, c, a, b) {
		t.Error("file then folder: output differs")
	}
}

// TestExtractFolderFollowsLinks checks that symbolic links to folders are
// walked, the folder argument's own included, under the link's name, and
// that a folder is read once however many links lead to it (a link back up
// the tree ends there).
func TestExtractFolderFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	top := filepath.Join(dir, "top")
	real := filepath.Join(dir, "elsewhere")
	copyFile(t, sampleDay, filepath.Join(top, "a.markdown"))
	copyFile(t, sampleDay, filepath.Join(real, "day.markdown"))
	for link, target := range map[string]string{
		filepath.Join(top, "linked"):   filepath.Join("..", "elsewhere"),
		filepath.Join(top, "loop"):     "..",
		filepath.Join(top, "twice"):    real,
		filepath.Join(dir, "rootlink"): "top",
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	for _, arg := range []string{top, filepath.Join(dir, "rootlink"), filepath.Join(dir, "rootlink") + string(filepath.Separator)} {
		base := filepath.Clean(arg)
		want := wantOutput(t, "json", false, filepath.Join(base, "a.markdown"), filepath.Join(base, "linked", "day.markdown"))
		code, out, errOut := runCmd(t, "", "extract", "--format", "json", arg)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", arg, code, errOut)
		}
		if out != want {
			t.Errorf("%s: output differs from a.markdown then linked/day.markdown", arg)
		}
	}
	// The working folder, however it is spelt.
	t.Chdir(top)
	for _, arg := range []string{".", "./", filepath.Join("..", "top")} {
		want := wantOutput(t, "json", false, filepath.Join(arg, "a.markdown"), filepath.Join(arg, "linked", "day.markdown"))
		code, out, errOut := runCmd(t, "", "extract", "--format", "json", arg)
		if code != exitOK || out != want {
			t.Errorf("%s: exit %d, same output %v, stderr %q", arg, code, out == want, errOut)
		}
	}
}

// TestExtractFolderFromLinkedWorkingFolder checks that a folder and a link
// to it inside the folder walked are read once when the working folder is
// reached through a link, whose name its path keeps (os.Getwd reads $PWD).
func TestExtractFolderFromLinkedWorkingFolder(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, sampleDay, filepath.Join(dir, "real", "corpus", "sub", "day.markdown"))
	if err := os.Symlink("sub", filepath.Join(dir, "real", "corpus", "alias")); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	if err := os.Symlink("real", filepath.Join(dir, "L")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(dir, "L"))
	t.Setenv("PWD", filepath.Join(dir, "L")) // as a shell sets it
	paths := extractedPaths(t, "corpus")
	if want := filepath.Join("corpus", "alias", "day.markdown"); len(paths) != 1 || paths[0] != want {
		t.Errorf("read %v, want %s once", paths, want)
	}
}

// TestExtractFolderLinkToHiddenFolder checks that a link to a hidden
// folder is followed whatever the names' order: the hidden folder itself
// is left out, and so not walked already.
func TestExtractFolderLinkToHiddenFolder(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, sampleDay, filepath.Join(dir, ".hid", "day.markdown"))
	if err := os.Symlink(".hid", filepath.Join(dir, "vis")); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	if paths := extractedPaths(t, dir); len(paths) != 1 || paths[0] != filepath.Join(dir, "vis", "day.markdown") {
		t.Errorf("read %v, want vis/day.markdown", paths)
	}
}

// extractedPaths runs extract --format json on the folder dir and returns
// the source path of each day written.
func extractedPaths(t *testing.T, dir string) []string {
	t.Helper()
	code, out, errOut := runCmd(t, "", "extract", "--format", "json", dir)
	var days []contractDay
	if err := json.Unmarshal([]byte(out), &days); code != exitOK || err != nil {
		t.Fatalf("exit %d (%v), stderr %q", code, err, errOut)
	}
	var paths []string
	for _, d := range days {
		paths = append(paths, d.Source.Path)
	}
	return paths
}

// TestExtractFolderErrors checks what a folder without chat logs and an
// unreadable input among good ones give.
func TestExtractFolderErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	writeFile(t, filepath.Join(empty, "notes.txt"), "just some notes\n")
	code, out, errOut := runCmd(t, "", "extract", empty)
	if code != exitFailure || out != "" {
		t.Errorf("folder without logs: exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errOut, empty+": no chat log") {
		t.Errorf("folder without logs: stderr %q", errOut)
	}

	missing := filepath.Join(dir, "nope.markdown")
	bad := filepath.Join(dir, "bad.markdown")
	writeFile(t, bad, "---\ntitle: x\ndate: 2018-05-04 12:00:00\n---\n> 25:61:00  someone  \n   \nhi  \n")
	code, out, errOut = runCmd(t, "", "extract", "--format", "json", sampleDay, missing, bad, sampleDay)
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	if out != wantOutput(t, "json", false, sampleDay, sampleDay) {
		t.Error("the good inputs' output differs")
	}
	re := regexp.MustCompile(`(?s)` + regexp.QuoteMeta(missing) + `: cannot open input.*` + regexp.QuoteMeta(bad) + `:5: .*2 of 4 inputs failed`)
	if !re.MatchString(errOut) {
		t.Errorf("stderr %q does not match %s", errOut, re)
	}
}

// TestExtractOutputDash checks that -o - writes to stdout, as - reads
// stdin among the inputs, and makes no file named -.
func TestExtractOutputDash(t *testing.T) {
	day, err := filepath.Abs(sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	want := wantOutput(t, "markdown", false, day)
	t.Chdir(t.TempDir())
	code, out, errOut := runCmd(t, "", "extract", "-o", "-", day)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out != want {
		t.Error("-o - output differs from stdout's")
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("-o - made a file named -")
	}
}

// TestExtractOutputFileStreams checks -o with many inputs: the file holds
// what stdout would, no temporary file is left, and no file is made when
// every input fails.
func TestExtractOutputFileStreams(t *testing.T) {
	dir := t.TempDir()
	outPath := filepath.Join(dir, "out.json")
	code, _, errOut := runCmd(t, "", "extract", "--format", "json", "-o", outPath, sampleDay, sampleDay, sampleDay)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != wantOutput(t, "json", false, sampleDay, sampleDay, sampleDay) {
		t.Error("-o file differs")
	}
	failPath := filepath.Join(dir, "fail.json")
	code, _, _ = runCmd(t, "", "extract", "-o", failPath, filepath.Join(dir, "nope.markdown"))
	if code != exitFailure {
		t.Errorf("exit %d", code)
	}
	if _, err := os.Stat(failPath); !os.IsNotExist(err) {
		t.Errorf("an output file was made though every input failed: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("-o left files: %v", entries)
	}
}

// TestExtractUsageErrors checks flags that make no sense, or none
// together: exit 2, naming the flag.
func TestExtractUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--jobs", "-1"}, "--jobs"},
		{[]string{"--jobs", "x"}, `invalid argument "x" for "-j, --jobs" flag: want a whole number`},
		{[]string{"--explain=maybe"}, `invalid argument "maybe" for "--explain" flag: want true or false`},
		{[]string{"--explain", "--format", "links"}, "`--explain` has no place in `--format links`"},
	} {
		code, _, errOut := runCmd(t, "", append(append([]string{"extract"}, tt.args...), sampleDay)...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, errOut)
		}
	}
}

// TestRunOrdered checks that results come out in input order whatever
// order they finish in, that no more than inFlight*jobs+1 inputs are
// between start and emit at any time, and that a false emit stops the work.
func TestRunOrdered(t *testing.T) {
	const n, jobs = 200, 3
	inputs := make([]input, n)
	for i := range inputs {
		inputs[i] = input{path: fmt.Sprint(i)}
	}
	var mu sync.Mutex
	started, maxLive := 0, 0
	emitted := 0
	process := func(in input, send func([]byte) bool) result {
		mu.Lock()
		started++
		if live := started - emitted; live > maxLive {
			maxLive = live
		}
		mu.Unlock()
		time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
		for k := range 3 {
			if !send(fmt.Appendf(nil, "%s/%d", in.path, k)) {
				break
			}
		}
		return result{}
	}
	var got []string
	var days []string
	runOrdered(inputs, jobs, process, func(in input, day []byte) bool {
		if want := fmt.Sprintf("%s/%d", in.path, len(days)%3); string(day) != want {
			t.Errorf("input %s got day %s, want %s", in.path, day, want)
		}
		days = append(days, string(day))
		return true
	}, func(in input, r result) bool {
		mu.Lock()
		emitted++
		mu.Unlock()
		got = append(got, in.path)
		return true
	})
	if len(got) != n || len(days) != 3*n || !sort.SliceIsSorted(got, func(i, j int) bool { return len(got[i]) < len(got[j]) || len(got[i]) == len(got[j]) && got[i] < got[j] }) {
		t.Errorf("emitted %d results and %d days out of order: %v", len(got), len(days), got)
	}
	if maxLive > inFlight*jobs+1 {
		t.Errorf("%d results in flight, want at most %d", maxLive, inFlight*jobs+1)
	}

	started, emitted = 0, 0
	calls := 0
	runOrdered(inputs, jobs, process, func(input, []byte) bool { return true }, func(in input, r result) bool {
		calls++
		return calls < 5
	})
	if calls != 5 || started > 5+inFlight*jobs+1 {
		t.Errorf("after a false emit: %d emits, %d inputs processed", calls, started)
	}

	// A false emitDay stops the input sending days at once.
	started, emitted = 0, 0
	dayCalls := 0
	runOrdered(inputs, jobs, process, func(input, []byte) bool {
		dayCalls++
		return dayCalls < 2
	}, func(input, result) bool {
		t.Error("emit called after a false emitDay")
		return true
	})
	if dayCalls != 2 || started > 1+inFlight*jobs+1 {
		t.Errorf("after a false emitDay: %d days emitted, %d inputs processed", dayCalls, started)
	}
}

// TestExtractSlackBrokenDay checks that a Slack export with a broken day
// file still gives its other channels, names the file and line of each
// error on a line of its own, and exits 1.
func TestExtractSlackBrokenDay(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "export")
	writeFile(t, filepath.Join(dir, "channels.json"), `[{"id": "C1", "name": "general"}, {"id": "C2", "name": "help"}, {"id": "C3", "name": "random"}]`)
	writeFile(t, filepath.Join(dir, "users.json"), `[{"id": "U1", "name": "alice"}, {"id": "U2", "name": "bob"}]`)
	writeFile(t, filepath.Join(dir, "general", "2024-01-15.json"), `[
{"type": "message", "user": "U1", "text": "微信分账接口怎么申请？", "ts": "1705312800.000100"},
{"type": "message", "user": "U2", "text": "在商户平台的产品中心申请开通", "ts": "1705313100.000200"}]`)
	writeFile(t, filepath.Join(dir, "help", "2024-01-15.json"), "[\n{\"type\": \"message\", \"user\": \"U1\", \"text\": \"hi\", \"ts\": \"17053")
	writeFile(t, filepath.Join(dir, "random", "2024-01-15.json"), `[{"type": "message", "user": "U2", "text": "lunch?", "ts": "1705312800.000100"}]`)
	writeFile(t, filepath.Join(dir, "random", "2024-01-16.json"), `{"not": "a day"}`)
	wantErrs := []string{
		"threads: " + filepath.Join(dir, "help", "2024-01-15.json") + ":2: truncated JSON in message record 1",
		"threads: " + filepath.Join(dir, "random", "2024-01-16.json") + ":1: ",
	}
	tests := []struct {
		name string
		args []string
		want []string // what stdout holds
	}{
		{"json", []string{"extract", "--format", "json", dir}, []string{`"path": "` + filepath.Join(dir, "general") + `"`, `"path": "` + filepath.Join(dir, "random") + `"`, "在商户平台的产品中心申请开通", "lunch?"}},
		{"links", []string{"extract", "--format", "links", dir}, []string{filepath.Join(dir, "general") + ":0 1 -", filepath.Join(dir, "random") + ":0 0 -"}},
		{"markdown", []string{"extract", dir}, []string{"微信分账接口怎么申请？"}},
		{"digest", []string{"digest", "-q", "--format", "json", dir}, []string{"微信分账接口怎么申请？"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", tt.args...)
			if code != exitFailure {
				t.Errorf("exit %d, want %d", code, exitFailure)
			}
			for _, want := range tt.want {
				if !strings.Contains(out, want) {
					t.Errorf("stdout does not hold %q:\n%s", want, out)
				}
			}
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			if len(lines) != len(wantErrs)+1 || !strings.HasSuffix(lines[len(lines)-1], "1 of 1 inputs failed") {
				t.Fatalf("stderr %q: want the %d errors and the count", errOut, len(wantErrs))
			}
			for i, want := range wantErrs {
				if !strings.HasPrefix(lines[i], want) {
					t.Errorf("stderr line %q, want it to start with %q", lines[i], want)
				}
			}
		})
	}
}
