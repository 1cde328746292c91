package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/eval"
	"github.com/cocolian/threads/internal/thread"
)

// TestEvalAgainst checks that eval --against scores one annotation against
// another without reading chat files: an annotation agrees with itself
// fully, with a changed copy less, and mismatched or missing files fail.
func TestEvalAgainst(t *testing.T) {
	gold, _ := writeSampleGold(t, thread.DefaultModel("cocolian"))
	code, out, errOut := runCmd(t, "", "eval", "--format", "json", "--gold", gold, "--against", gold)
	if code != exitOK || !strings.Contains(out, `"one_to_one": 100`) || !strings.Contains(out, `"link_f1": 100`) {
		t.Fatalf("against itself: exit %d, stderr %q, out %s", code, errOut, out)
	}
	data, err := os.ReadFile(filepath.Join(gold, "sample-2018-07-04.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	// The second annotator starts every thread at every message.
	var rows []string
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) == 6 && f[0] != "idx" {
			f[3], f[4], f[5] = f[0], "-", "T"+f[0]
		}
		rows = append(rows, strings.Join(f, "\t"))
	}
	other := filepath.Join(t.TempDir(), "other")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(other, "sample-2018-07-04.tsv"), strings.Join(rows, "\n")+"\n")
	code, out, errOut = runCmd(t, "", "eval", "--format", "json", "--gold", gold, "--against", other)
	if code != exitOK || strings.Contains(out, `"one_to_one": 100`) {
		t.Errorf("against all-singletons: exit %d, stderr %q, out %s", code, errOut, out)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"missing folder", []string{"--against", filepath.Join(other, "nope")}, "cannot read annotation"},
		{"a chat dir too", []string{"--against", other, "corpus"}, "give no chat FILE|DIR"},
		{"a file for a folder", []string{"--against", filepath.Join(other, "sample-2018-07-04.tsv")}, "takes a folder"},
		{"with --by-evidence", []string{"--against", other, "--by-evidence"}, "or `--by-evidence`"},
	} {
		code, _, errOut := runCmd(t, "", append([]string{"eval", "--gold", gold}, tt.args...)...)
		if code == exitOK || !strings.Contains(errOut, tt.want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", tt.name, code, errOut, tt.want)
		}
	}
}

// TestEvalByEvidence checks that eval --by-evidence follows the scores with
// the evidence table, in text and in JSON: against gold that is the tool's
// own threading, every link of every kind agrees.
func TestEvalByEvidence(t *testing.T) {
	gold, corpus := writeSampleGold(t, thread.DefaultModel("cocolian"))
	code, out, errOut := runCmd(t, "", "eval", "--by-evidence", "--gold", gold, corpus)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	_, table, ok := strings.Cut(out, "sample-2018-07-04: evidence behind the predicted links")
	if !ok || !strings.Contains(out, "reply links  P 100.0") {
		t.Fatalf("no evidence table after the scores:\n%s", out)
	}
	rows := strings.Split(strings.TrimSpace(table), "\n")[2:]
	if len(rows) < 5 {
		t.Fatalf("only %d kinds of evidence:\n%s", len(rows), table)
	}
	for _, row := range rows {
		if f := strings.Fields(row); len(f) != 4 || f[2] != "100.0" || f[3] != "100.0" {
			t.Errorf("row %q: want every link to agree", row)
		}
	}

	code, out, errOut = runCmd(t, "", "eval", "--by-evidence", "--format", "json", "--gold", gold, corpus)
	var res struct {
		Evidence []eval.EvidenceTally `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(out), &res); code != exitOK || err != nil || len(res.Evidence) != len(rows) {
		t.Fatalf("json: exit %d, stderr %q, error %v, %d kinds (text: %d)", code, errOut, err, len(res.Evidence), len(rows))
	}
	for _, e := range res.Evidence {
		if e.Parent != e.Messages || e.Thread != e.Messages {
			t.Errorf("json: %+v, want every link to agree", e)
		}
	}
	if code, out, _ := runCmd(t, "", "eval", "--format", "json", "--gold", gold, corpus); code != exitOK || strings.Contains(out, `"evidence"`) {
		t.Errorf("without --by-evidence: exit %d, evidence in the output", code)
	}
}

// TestEvalAgainstFile checks that --against works with a gold FILE too:
// against a file, or a folder holding a file of the same name.
func TestEvalAgainstFile(t *testing.T) {
	gold, _ := writeSampleGold(t, thread.DefaultModel("cocolian"))
	file := filepath.Join(gold, "sample-2018-07-04.tsv")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	dir := t.TempDir()
	short := filepath.Join(dir, "short.tsv")
	writeFile(t, short, strings.Join(lines[:len(lines)-1], "\n")+"\n")
	for _, tt := range []struct {
		name, gold, against string
		code                int
		want                string // in stdout when code is exitOK, else in stderr
	}{
		{"a file against itself", file, file, exitOK, `"one_to_one": 100`},
		{"a file against a folder", file, gold, exitOK, `"name": "sample-2018-07-04"`},
		{"a file against a shorter one", file, short, exitFailure, "59 messages, but"},
		{"a file against a missing one", file, filepath.Join(dir, "nope.tsv"), exitFailure, "cannot read annotation"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", "eval", "--format", "json", "--gold", tt.gold, "--against", tt.against)
			got := out
			if tt.code != exitOK {
				got = errOut
			}
			if code != tt.code || !strings.Contains(got, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, out, errOut, tt.code, tt.want)
			}
		})
	}
}

// TestEvalOneFileOfAGoldFolder checks that eval with a gold folder and one
// chat file scores that file against its own gold file, and that a chat
// file the folder does not annotate, or one that does not exist, fails
// with the reason.
func TestEvalOneFileOfAGoldFolder(t *testing.T) {
	gold, corpus := writeSampleGold(t, thread.DefaultModel("cocolian"))
	chat := filepath.Join(corpus, "sample", "2018-07-04-chat.markdown")
	code, out, errOut := runCmd(t, "", "eval", "--format", "json", "--gold", gold, chat)
	if code != exitOK || !strings.Contains(out, `"one_to_one": 100`) || !strings.Contains(out, `"sample-2018-07-04"`) {
		t.Fatalf("one annotated file: exit %d, stderr %q, out %s", code, errOut, out)
	}
	other := filepath.Join(corpus, "sample", "2018-05-05-chat.markdown")
	data, err := os.ReadFile(chat)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, other, string(data))
	for _, tt := range []struct {
		name, chat, want string
	}{
		{"a day without gold", other, "no gold file in"},
		{"a missing file", filepath.Join(corpus, "sample", "nope-chat.markdown"), "cannot read the chat files"},
	} {
		code, _, errOut := runCmd(t, "", "eval", "--gold", gold, tt.chat)
		if code == exitOK || !strings.Contains(errOut, tt.want) {
			t.Errorf("%s: exit %d, stderr %q, want %q", tt.name, code, errOut, tt.want)
		}
	}
}

// TestGoldOutOfStep checks that eval and train both refuse a TSV gold file
// that does not line up with its chat log, through the same check: a row
// whose time and nick are another message's, and a file with a row too few,
// with times and nicks or labels only. The error names the row's line and
// both sides, or both counts.
func TestGoldOutOfStep(t *testing.T) {
	gold, corpus := writeSampleGold(t, thread.DefaultModel("cocolian"))
	data, err := os.ReadFile(filepath.Join(gold, "sample-2018-07-04.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	const head = 2 // the comment and the column line; row i is on line head+i+1
	rows := len(lines) - head
	// shift gives rows k and on the time and nick of the row after them, and
	// the last row a message the log does not have: a row removed and one
	// appended, as a file made for another version of the log would be.
	shift := func(k int) func([]string) []string {
		return func(ls []string) []string {
			for i := head + k; i < len(ls); i++ {
				f := strings.Split(ls[i], "\t")
				if i+1 < len(ls) {
					next := strings.Split(ls[i+1], "\t")
					f[1], f[2] = next[1], next[2]
				} else {
					f[1], f[2] = "23:59:59", "xiaOv"
				}
				ls[i] = strings.Join(f, "\t")
			}
			return ls
		}
	}
	labelsOnly := func(ls []string) []string {
		for i := head; i < len(ls); i++ {
			f := strings.Split(ls[i], "\t")
			f[1], f[2] = "-", "-"
			ls[i] = strings.Join(f, "\t")
		}
		return ls
	}
	dropLast := func(ls []string) []string { return ls[:len(ls)-1] }
	tests := []struct {
		name string
		edit func([]string) []string
		want string
	}{
		{"a row removed and one appended", shift(40), fmt.Sprintf("sample-2018-07-04.tsv:%d: row 40 says", head+41)},
		{"the last row dropped", dropLast, fmt.Sprintf("sample-2018-07-04.tsv: %d rows, but the chat log", rows-1)},
		{"labels only, the last row dropped", func(ls []string) []string { return dropLast(labelsOnly(ls)) }, fmt.Sprintf("sample-2018-07-04.tsv: %d rows, but the chat log", rows-1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "gold")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			edited := tt.edit(append([]string(nil), lines...))
			writeFile(t, filepath.Join(dir, "sample-2018-07-04.tsv"), strings.Join(edited, "\n")+"\n")
			out := filepath.Join(t.TempDir(), "m.yaml")
			for _, args := range [][]string{
				{"eval", "--gold", dir, corpus},
				{"train", "--gold", dir, corpus, "-o", out},
			} {
				code, _, errOut := runCmd(t, "", args...)
				if code != exitFailure || !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "made for another version of the chat log") {
					t.Errorf("%s: exit %d, stderr %q, want exit %d and %q", args[0], code, errOut, exitFailure, tt.want)
				}
			}
		})
	}
}

// TestEvalOneGold checks that eval takes one --gold: a second one, which
// would replace the first, is a usage error that says to give one.
func TestEvalOneGold(t *testing.T) {
	gold, corpus := writeSampleGold(t, thread.DefaultModel("cocolian"))
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"one", []string{"--gold", gold, corpus}, exitOK, ""},
		{"none", []string{corpus}, exitUsage, "`--gold` is required"},
		{"twice", []string{"--gold", gold, "--gold", gold, corpus}, exitUsage, "`--gold` given 2 times"},
		{"with --against", []string{"--gold", gold, "--gold", gold, "--against", gold}, exitUsage, "eval scores against one GOLD, a file or a folder: give `--gold` once"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, "", append([]string{"eval"}, tt.args...)...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}

// TestSeveralCorpusFolders checks that eval and train take several corpus
// folders or chat files: each gold file is paired with the chat log found
// in any of them; one found in two folders is an error naming both, unless
// both are the same file.
func TestSeveralCorpusFolders(t *testing.T) {
	dir := trainFixtures(t)
	gold, corpus := filepath.Join(dir, "gold"), filepath.Join(dir, "corpus")
	day5 := filepath.Join("payops", "2019-03-05-chat.markdown")
	day6 := filepath.Join("payops", "2019-03-06-chat.markdown")
	first, second := filepath.Join(dir, "first"), filepath.Join(dir, "second")
	for _, c := range []struct{ root, day string }{{first, day5}, {second, day6}} {
		data, err := os.ReadFile(filepath.Join(corpus, c.day))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(c.root, c.day), string(data))
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(corpus, link); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "m.yaml")
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string // in stdout when the exit is 0, else in stderr
	}{
		{"eval, two folders", []string{"eval", "--gold", gold, first, second}, exitOK, "total over 2 files"},
		{"eval, a folder and a link to it", []string{"eval", "--gold", gold, corpus, link}, exitOK, "total over 2 files"},
		{"eval, two chat files", []string{"eval", "--gold", gold, filepath.Join(first, day5), filepath.Join(second, day6)}, exitOK, "total over 2 files"},
		{"eval, one chat file", []string{"eval", "--gold", gold, filepath.Join(second, day6)}, exitOK, "payops-2019-03-06:"},
		{"eval, in two folders", []string{"eval", "--gold", gold, corpus, second}, exitUsage,
			filepath.Join(gold, "payops-2019-03-06.tsv") + ": two chat logs for it, " + filepath.Join(corpus, day6) + " and " + filepath.Join(second, day6)},
		{"train, two folders", []string{"train", "--rank", "--gold", gold, first, second, "-o", out}, exitOK, ""},
		{"train, in two folders", []string{"train", "--gold", gold, first, corpus, "-o", out}, exitUsage,
			filepath.Join(gold, "payops-2019-03-05.tsv") + ": two chat logs for it, " + filepath.Join(first, day5) + " and " + filepath.Join(corpus, day5)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, errOut := runCmd(t, "", tt.args...)
			got := errOut
			if code == exitOK {
				got = stdout
			}
			if code != tt.code || !strings.Contains(got, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, stdout, errOut, tt.code, tt.want)
			}
		})
	}
}

// TestGoldWithoutChatLog checks that a gold file whose chat log is in no
// corpus folder given stops eval and train with an error that names the
// gold file, the chat log it asks for, and what to do.
func TestGoldWithoutChatLog(t *testing.T) {
	dir := trainFixtures(t)
	gold, corpus := filepath.Join(dir, "gold"), filepath.Join(dir, "corpus")
	orphan := filepath.Join(gold, "payops-2019-03-09.tsv")
	data, err := os.ReadFile(filepath.Join(gold, "payops-2019-03-05.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, orphan, string(data))
	other := t.TempDir()
	missing := filepath.Join("payops", "2019-03-09-chat.markdown")
	what := "; give the corpus folder that holds it as another argument, or move payops-2019-03-09.tsv out of " + gold + " to leave that day out"
	out := filepath.Join(t.TempDir(), "m.yaml")
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"eval", []string{"eval", "--gold", gold, corpus}, orphan + ": no chat log " + filepath.Join(corpus, missing) + " for it" + what},
		{"eval, two folders", []string{"eval", "--gold", gold, corpus, other}, orphan + ": no chat log " + filepath.Join(corpus, missing) + " or " + filepath.Join(other, missing) + " for it" + what},
		{"train", []string{"train", "--gold", gold, corpus, "-o", out}, orphan + ": no chat log " + filepath.Join(corpus, missing) + " for it" + what},
		{"eval, beside", []string{"eval", "--gold", gold}, filepath.Join(gold, "payops-2019-03-05.tsv") + ": no chat log " + filepath.Join(gold, "payops", "2019-03-05-chat.markdown") + " beside it; give the corpus folder as the argument"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, "", tt.args...)
			if code != exitFailure || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, exitFailure, tt.want)
			}
		})
	}
}

// TestGoldFileNames checks how a TSV gold file's name is split into the
// group and the date of the chat log it annotates: the date from the end,
// so that a group may hold hyphens, and an error that gives the expected
// form for a name of another form.
func TestGoldFileNames(t *testing.T) {
	for _, tt := range []struct {
		name string
		rel  string // "" when the name is refused
	}{
		{"payops-2019-03-05.tsv", filepath.Join("payops", "2019-03-05-chat.markdown")},
		{"pay-ops-2019-03-05.tsv", filepath.Join("pay-ops", "2019-03-05-chat.markdown")},
		{"a-b-c-2019-03-05.tsv", filepath.Join("a-b-c", "2019-03-05-chat.markdown")},
		{"2019-03-05.tsv", ""},
		{"payops-2019-3-5.tsv", ""},
		{"payops_2019-03-05.tsv", ""},
		{"payops.tsv", ""},
		{"notes.txt", "-"}, // not a gold file: skipped
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, rel, err := goldChat("gold", tt.name)
			switch {
			case tt.rel == "-":
				if rel != "" || err != nil {
					t.Errorf("got %q, %v; want it skipped", rel, err)
				}
			case tt.rel == "":
				want := filepath.Join("gold", tt.name) + ": a TSV gold file is named GROUP-YYYY-MM-DD.tsv, for the chat log GROUP/YYYY-MM-DD-chat.markdown it annotates"
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("got %q, %v; want the error %q", rel, err, want)
				}
			case rel != tt.rel || err != nil:
				t.Errorf("got %q, %v; want %q", rel, err, tt.rel)
			}
		})
	}
	// A group folder with a hyphen, end to end.
	dir := trainFixtures(t)
	data, err := os.ReadFile(filepath.Join(dir, "gold", "payops-2019-03-05.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	chat, err := os.ReadFile(filepath.Join(dir, "corpus", "payops", "2019-03-05-chat.markdown"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "hyph", "gold", "pay-ops-2019-03-05.tsv"), string(data))
	writeFile(t, filepath.Join(dir, "hyph", "corpus", "pay-ops", "2019-03-05-chat.markdown"), string(chat))
	if code, _, errOut := runCmd(t, "", "eval", "--gold", filepath.Join(dir, "hyph", "gold"), filepath.Join(dir, "hyph", "corpus")); code != exitOK {
		t.Errorf("group pay-ops: exit %d, stderr %q", code, errOut)
	}
}

// TestGoldForAnotherDay checks that a TSV whose name gives one date, given
// with the chat log of another day, is an error that says the dates differ,
// even when it gives labels only and the message counts agree, and not
// that it was made for another version of the log.
func TestGoldForAnotherDay(t *testing.T) {
	dir := trainFixtures(t)
	corpus := filepath.Join(dir, "corpus", "payops")
	wrong := filepath.Join(dir, "wrongday", "payops-2019-03-05.tsv") // labels only, 37 rows like 2019-03-06
	gold5 := filepath.Join(dir, "gold", "payops-2019-03-05.tsv")
	day5, day6 := filepath.Join(corpus, "2019-03-05-chat.markdown"), filepath.Join(corpus, "2019-03-06-chat.markdown")
	renamed := filepath.Join(dir, "labels.tsv")
	data, err := os.ReadFile(wrong)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, renamed, string(data))
	for _, tt := range []struct {
		name, gold, chat string
		want             string // "" when eval should score it
	}{
		{"labels only, another day", wrong, day6, wrong + ": annotates 2019-03-05 (the date in its name), but the chat log " + day6 + " is of 2019-03-06; give the chat log of 2019-03-05"},
		{"times and nicks, another day", gold5, day6, gold5 + ": annotates 2019-03-05 (the date in its name), but the chat log " + day6 + " is of 2019-03-06"},
		{"its own day", gold5, day5, ""},
		{"a name without a date", renamed, day6, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, "", "eval", "--gold", tt.gold, tt.chat)
			if tt.want == "" {
				if code != exitOK {
					t.Errorf("exit %d, stderr %q", code, errOut)
				}
				return
			}
			if code != exitFailure || !strings.Contains(errOut, tt.want) || strings.Contains(errOut, "another version") {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, exitFailure, tt.want)
			}
		})
	}
}

// TestEvalArgumentMessages checks the messages for arguments of the wrong
// kind: a corpus folder with a gold file, and a --model that is no threads
// model (a gold TSV, a chat log) or is missing (exit 1, as extract --model
// and a missing --gold exit).
func TestEvalArgumentMessages(t *testing.T) {
	dir := trainFixtures(t)
	gold, corpus := filepath.Join(dir, "gold"), filepath.Join(dir, "corpus")
	tsv := filepath.Join(gold, "payops-2019-03-05.tsv")
	chat := filepath.Join(corpus, "payops", "2019-03-05-chat.markdown")
	notModel := ": not a threads model: expected the YAML file that `threads train` writes"
	out := filepath.Join(t.TempDir(), "m.yaml")
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"gold file with a folder", []string{"eval", "--gold", tsv, corpus}, exitUsage,
			corpus + ": is a folder; with the gold file " + tsv + ", give the one chat log it annotates (or give --gold the folder of gold files to score a corpus folder)"},
		{"model is a gold file", []string{"eval", "--model", tsv, "--gold", gold, corpus}, exitFailure, tsv + notModel},
		{"model is a chat log", []string{"eval", "--model", chat, "--gold", gold, corpus}, exitFailure, chat + notModel},
		{"train model is a gold file", []string{"train", "--rank", "--model", tsv, "--gold", gold, corpus, "-o", out}, exitFailure, tsv + notModel},
		{"model is missing", []string{"eval", "--model", filepath.Join(dir, "no-such.yaml"), "--gold", gold, corpus}, exitFailure, "no-such.yaml: cannot read model"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) || strings.Contains(errOut, "ParsePath") {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}
