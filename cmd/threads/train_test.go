package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/sharedtest"
	"github.com/cocolian/threads/internal/thread"
)

// writeSampleGold lays out the sample day as a gold folder and a corpus
// folder for train and eval (gold/sample-2018-07-04.tsv beside
// corpus/sample/2018-07-04-chat.markdown), with the reply links and the
// roles that model m makes as the gold ones.
func writeSampleGold(t *testing.T, m *thread.Model) (gold, corpus string) {
	t.Helper()
	dir := t.TempDir()
	gold, corpus = filepath.Join(dir, "gold"), filepath.Join(dir, "corpus")
	data, err := os.ReadFile(sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(corpus, "sample"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(gold, 0o755); err != nil {
		t.Fatal(err)
	}
	chat := filepath.Join(corpus, "sample", "2018-07-04-chat.markdown")
	writeFile(t, chat, string(data))
	log, err := chatlog.ParseFile(chat, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	seg, err := loadSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	p := thread.DefaultParams()
	p.Model = m
	res := thread.BuildWith(log, seg, p)
	label := map[int]string{}
	for _, th := range res.Threads {
		for _, i := range th.Messages {
			label[i] = th.ID
		}
	}
	var b strings.Builder
	b.WriteString("# reply links and roles of a model\nidx\ttime\tnick\tparent\trole\tthread\n")
	for i, l := range res.Links {
		parent := l.Parent
		if parent < 0 {
			parent = i
		}
		role := "-"
		switch {
		case l.Role == thread.RoleQuestion:
			role = "Q"
		case l.AnswerOf >= 0:
			role = fmt.Sprintf("A%d", l.AnswerOf)
		}
		fmt.Fprintf(&b, "%d\t%s\t%s\t%d\t%s\t%s\n", i, log.Messages[i].Time.Format("15:04:05"), strings.TrimSpace(log.Messages[i].Sender), parent, role, label[i])
	}
	writeFile(t, filepath.Join(gold, "sample-2018-07-04.tsv"), b.String())
	return gold, corpus
}

// trainModel runs `threads train` with args and `-o` a new temporary file,
// fails the test unless it succeeds, and returns the file's path, what it
// holds and what train wrote to stderr.
func trainModel(t *testing.T, args ...string) (path, written, errOut string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "model.yaml")
	code, _, errOut := runCmd(t, "", append(append([]string{"train"}, args...), "-o", path)...)
	if code != exitOK {
		t.Fatalf("train %v: exit %d: %s", args, code, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, string(data), errOut
}

// linkF1 runs eval on one gold file and returns its reply-link F1.
func linkF1(t *testing.T, args ...string) float64 {
	t.Helper()
	files := evalFiles(t, args...)
	if len(files) != 1 {
		t.Fatalf("eval %v scored %d files, want 1", args, len(files))
	}
	return files[0].Scores["link_f1"]
}

// TestTrainRank fits rank weights to reply links a known rank weighting
// made, and checks that the written model reproduces them better than the
// embedded one.
func TestTrainRank(t *testing.T) {
	target := *thread.DefaultModel("cocolian")
	target.Rank, target.RankTrees = map[string]float64{"log-distance": 2}, nil
	data := target.YAML("target")
	m, err := thread.ParseModel(data, "target")
	if err != nil {
		t.Fatal(err)
	}
	gold, corpus := writeSampleGold(t, m)
	out, written, errOut := trainModel(t, "--rank", "--lambda", "0.1", "--gold", gold, corpus)
	if want := "fit it again with `threads train --answers --model " + out + "`"; !strings.Contains(errOut, want) {
		t.Errorf("no note that the embedded answer check wants fitting again (%q):\n%s", want, errOut)
	}
	if !strings.Contains(written, "\nrank:\n") || !strings.Contains(written, "\nrank_trees:\n") || !strings.Contains(written, "rank weights fitted by `threads train --rank`") {
		t.Errorf("model file lacks its rank weights, its rank trees or their provenance:\n%s", written)
	}
	before := linkF1(t, "--gold", gold, corpus)
	after := linkF1(t, "--model", out, "--gold", gold, corpus)
	if after <= before {
		t.Errorf("link F1 %.1f with the trained rank weights, %.1f without", after, before)
	}
	t.Logf("link F1 %.1f -> %.1f", before, after)
}

// TestTrainRankErrors checks the errors of train --rank.
func TestTrainRankErrors(t *testing.T) {
	gold, corpus := writeSampleGold(t, thread.DefaultModel("cocolian"))
	out := filepath.Join(t.TempDir(), "m.yaml")
	for _, tt := range []struct {
		flags []string
		want  string
	}{
		{[]string{"--rank", "--model", "no-such.yaml"}, "no-such.yaml: cannot read model"},
		{[]string{"--lambda", "3"}, "`--lambda` goes with `--rank`"},
		{[]string{"--rank", "--lambda", "0"}, "`--lambda` must be above 0"},
		{[]string{"--rank-trees", "10"}, "`--rank-trees` goes with `--rank`"},
		{[]string{"--rank", "--rank-trees", "-1"}, "`--rank-trees` is a number of trees, 0 or more"},
	} {
		args := append(append([]string{"train"}, tt.flags...), "--gold", gold, corpus, "-o", out)
		if code, _, errOut := runCmd(t, "", args...); code == exitOK || !strings.Contains(errOut, tt.want) {
			t.Errorf("train %v: exit %d, stderr %q, want %q", tt.flags, code, errOut, tt.want)
		}
	}
	// Gold where every message starts its own thread gives nothing to rank.
	path := filepath.Join(gold, "sample-2018-07-04.tsv")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var alone strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) == 6 && f[0] != "idx" {
			f[3], f[4], f[5] = f[0], "-", "T"+f[0]
		}
		alone.WriteString(strings.Join(f, "\t") + "\n")
	}
	writeFile(t, path, alone.String())
	code, _, errOut := runCmd(t, "", "train", "--rank", "--gold", gold, corpus, "-o", out)
	if code == exitOK || !strings.Contains(errOut, "the annotations have no reply links (every message is its own parent") {
		t.Errorf("no example: exit %d, stderr %q", code, errOut)
	}
	empty := t.TempDir()
	code, _, errOut = runCmd(t, "", "train", "--rank", "--gold", empty, corpus, "-o", out)
	if code == exitOK || !strings.Contains(errOut, empty) {
		t.Errorf("empty gold folder: exit %d, stderr %q", code, errOut)
	}
}

// TestTrainChecksBeforeTraining checks that train rejects what it cannot
// use before it reads any gold file: --epochs below 1 as a usage error,
// and an output it cannot create (the gold folder here is empty, so a
// check after reading the gold would report that instead).
func TestTrainChecksBeforeTraining(t *testing.T) {
	empty := t.TempDir()
	out := filepath.Join(t.TempDir(), "m.yaml")
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no epochs", []string{"--epochs", "0", "-o", out}, exitUsage, "`--epochs` is a number of passes over the data, 1 or more (got 0)"},
		{"negative epochs", []string{"--epochs", "-3", "-o", out}, exitUsage, "`--epochs` is a number of passes over the data, 1 or more (got -3)"},
		{"a missing folder", []string{"-o", filepath.Join(empty, "no-such", "m.yaml")}, exitFailure, "no-such does not exist; create it first"},
		{"a folder", []string{"-o", empty}, exitFailure, "it is a folder"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, "", append([]string{"train", "--gold", empty}, tt.args...)...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}

// TestTrainSeveralGoldFolders checks that --gold given twice trains on the
// files of both folders.
func TestTrainSeveralGoldFolders(t *testing.T) {
	gold, corpus := writeSampleGold(t, thread.DefaultModel("cocolian"))
	second := filepath.Join(t.TempDir(), "second")
	if err := os.MkdirAll(second, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(gold, "sample-2018-07-04.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(second, "sample-2018-07-04.tsv"), string(data))
	_, written, errOut := trainModel(t, "--rank", "--gold", gold, "--gold", second, corpus)
	if !strings.Contains(errOut, "trained on 2 files") {
		t.Errorf("two gold folders: stderr %q", errOut)
	}
	if !strings.Contains(written, gold+", "+second) {
		t.Errorf("model provenance does not name both folders:\n%s", written)
	}
}

// TestTrainAnswers fits an answer check on the sample gold and checks that
// the written model names where it came from and serves eval.
func TestTrainAnswers(t *testing.T) {
	gold, corpus := writeSampleGold(t, thread.DefaultModel("cocolian"))
	out, written, _ := trainModel(t, "--answers", "--threshold", "0.3", "--gold", gold, corpus)
	for _, want := range []string{"\nanswers:\n  threshold: 0.3\n", "answer check fitted by `threads train --answers`", "\nrank:\n"} {
		if !strings.Contains(written, want) {
			t.Errorf("model file lacks %q:\n%s", want, written)
		}
	}
	linkF1(t, "--model", out, "--gold", gold, corpus)
}

// TestTrainAnswersErrors checks the flag errors of train --answers.
func TestTrainAnswersErrors(t *testing.T) {
	gold, corpus := writeSampleGold(t, thread.DefaultModel("cocolian"))
	out := filepath.Join(t.TempDir(), "m.yaml")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--answers", "--rank"}, "fit different parts of a model"},
		{[]string{"--threshold", "0.3"}, "`--threshold` goes with `--answers`"},
		{[]string{"--answers", "--threshold", "1.5"}, "between 0 and 1 (got 1.5)"},
		{[]string{"--answers", "--threshold", "NaN"}, "between 0 and 1 (got NaN)"},
		{[]string{"--answers", "--epochs", "3"}, "`--epochs` sets how the link weights are trained"},
		{[]string{"--rank", "--name", "x"}, "`--name` sets how the link weights are trained"},
		{[]string{"--model", "m.yaml"}, "`--model` goes with `--rank` or `--answers`"},
		{[]string{"--answers", "--model", "no-such.yaml"}, "no-such.yaml: cannot read model"},
	} {
		args := append([]string{"train"}, tc.args...)
		code, _, errOut := runCmd(t, "", append(args, "--gold", gold, corpus, "-o", out)...)
		if code == exitOK || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestEmbeddedBlocksReproduce refits the learned blocks of the embedded
// WeChat model (the rank weights and the answer check) from the
// repository's annotations, as the comments in its model file say, and
// checks that each comes out the same, with the default settings: a change
// to what a block measures, or to its defaults, must come with the refitted
// block.
func TestEmbeddedBlocksReproduce(t *testing.T) {
	corpus := sharedtest.Dir(t, "corpus", "cocolian")
	if runtime.GOARCH != "amd64" {
		t.Skip("the embedded blocks were fitted on amd64, where math.Exp and math.Log may differ in the last bit from " + runtime.GOARCH)
	}
	embedded, err := os.ReadFile("../../internal/thread/models/wechat.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// block returns the lines of the top-level key name and those indented
	// under it.
	block := func(s, name string) string {
		k := strings.Index(s, "\n"+name+":\n")
		if k < 0 {
			return ""
		}
		lines := strings.SplitAfter(s[k+1:], "\n")
		n := 1
		for n < len(lines) && strings.HasPrefix(lines[n], "  ") {
			n++
		}
		return strings.Join(lines[:n], "")
	}
	for flag, names := range map[string][]string{"--rank": {"rank", "rank_trees"}, "--answers": {"answers"}} {
		t.Run(flag, func(t *testing.T) {
			_, written, _ := trainModel(t, flag,
				"--gold", "../../testdata/annotations/cocolian", "--gold", "../../testdata/annotations/cocolian-second", corpus)
			for _, name := range names {
				if got, want := block(written, name), block(string(embedded), name); got == "" || got != want {
					t.Errorf("the refitted %s block differs from the embedded one; if the change is meant, replace the `%s:` block of internal/thread/models/wechat.yaml with the one from\n  go run ./cmd/threads train %s --gold testdata/annotations/cocolian --gold testdata/annotations/cocolian-second ../shared/corpus/cocolian -o /tmp/m.yaml", name, name, flag)
				}
			}
		})
	}
}

// TestEmbeddedIRCModelReproduces retrains the embedded IRC weights with the
// command the README gives and checks that they come out the same: a change
// to what the link features measure must come with the retrained weights.
// It takes about a minute, so -short leaves it out.
func TestEmbeddedIRCModelReproduces(t *testing.T) {
	train := sharedtest.Dir(t, "corpus", "irc-ubuntu", "train")
	if testing.Short() {
		t.Skip("-short: retraining the IRC weights takes about a minute")
	}
	if runtime.GOARCH != "amd64" {
		t.Skip("the embedded weights were trained on amd64, where floating point may differ in the last bit from " + runtime.GOARCH)
	}
	embedded, err := os.ReadFile("../../internal/thread/models/irc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, written, _ := trainModel(t, "--gold", train, "--name", "irc", "--epochs", "8")
	// The comment lines name the folder the weights were trained from.
	body := func(s string) string {
		var b strings.Builder
		for _, line := range strings.SplitAfter(s, "\n") {
			if !strings.HasPrefix(line, "#") {
				b.WriteString(line)
			}
		}
		return b.String()
	}
	if body(written) != body(string(embedded)) {
		t.Errorf("the retrained IRC weights differ from internal/thread/models/irc.yaml; if the change is meant, replace it with the output of\n  go run ./cmd/threads train --gold ../shared/corpus/irc-ubuntu/train -o internal/thread/models/irc.yaml --name irc --epochs 8")
	}
}

// TestTrainRefusesLambda checks that train --rank takes only a finite
// --lambda above 0, as a usage error, and writes no model otherwise.
func TestTrainRefusesLambda(t *testing.T) {
	gold, corpus := writeSampleGold(t, thread.DefaultModel("cocolian"))
	for _, lambda := range []string{"0", "-1", "NaN", "Inf", "+Inf", "-Inf"} {
		t.Run(lambda, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "m.yaml")
			code, _, errOut := runCmd(t, "", "train", "--rank", "--lambda", lambda, "--gold", gold, corpus, "-o", out)
			if code != exitUsage || !strings.Contains(errOut, "`--lambda` must be above 0 and finite") {
				t.Errorf("exit %d, stderr %q; want exit %d and the reason", code, errOut, exitUsage)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a model was written")
			}
		})
	}
}

// TestTrainFailsWithoutScorerLinks checks that train fails, and writes no
// model, when the gold annotates only messages the passes before the
// scorer link (here an IRC join line): the perceptron would take no step
// and the model would have no weights.
func TestTrainFailsWithoutScorerLinks(t *testing.T) {
	gold := t.TempDir()
	writeFile(t, filepath.Join(gold, "day.raw.txt"), "[12:00] <alice> hello there\n=== bob has joined #ubuntu\n[12:01] <alice> anyone around?\n")
	writeFile(t, filepath.Join(gold, "day.annotation.txt"), "0 1 -\n")
	out := filepath.Join(t.TempDir(), "m.yaml")
	code, _, errOut := runCmd(t, "", "train", "--gold", gold, "-o", out)
	for _, want := range []string{gold + ": no annotated message is left for the link scorer", "give annotated days with reply links the scorer decides", "no model written"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q, want %q", errOut, want)
		}
	}
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a model was written")
	}
}

// TestGoldFolderWithoutCorpus checks that eval and train, given a folder
// of TSV gold and no corpus folder, say that the chat log is not beside
// the gold file and to give the corpus folder.
func TestGoldFolderWithoutCorpus(t *testing.T) {
	gold, _ := writeSampleGold(t, thread.DefaultModel("cocolian"))
	out := filepath.Join(t.TempDir(), "m.yaml")
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"eval", []string{"eval", "--gold", gold}, "threads eval --gold GOLD DIR"},
		{"train", []string{"train", "--gold", gold, "-o", out}, "threads train --gold GOLD CORPUS_DIR -o MODEL.yaml"},
		{"train --rank", []string{"train", "--rank", "--gold", gold, "-o", out}, "threads train --gold GOLD CORPUS_DIR -o MODEL.yaml"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, "", tt.args...)
			chat := filepath.Join(gold, "sample", "2018-07-04-chat.markdown")
			tsv := filepath.Join(gold, "sample-2018-07-04.tsv")
			for _, want := range []string{tsv + ": no chat log " + chat + " beside it", "give the corpus folder as the argument: " + tt.want} {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr %q, want %q", errOut, want)
				}
			}
			if code != exitFailure {
				t.Errorf("exit %d, want %d", code, exitFailure)
			}
		})
	}
}

// trainFixtures copies the synthetic days of testdata/train (two payops
// days, their gold and variants of it) to a new folder and returns it, so
// that a test may change or overwrite them. The days and their annotations
// are laid out there as corpus/ and gold/, as a curator's folders are (the
// repository keeps them as days/ and annotations/, names no one takes for
// the shared corpus's).
func trainFixtures(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "train")
	if err := os.CopyFS(dir, os.DirFS("../../testdata/train")); err != nil {
		t.Fatal(err)
	}
	for from, to := range map[string]string{"days": "corpus", "annotations": "gold"} {
		if err := os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestTrainRefusesOutputThatIsAnInput checks that train, like extract and
// digest, refuses with exit 2 an -o that is one of the files it reads (a
// gold file or a chat log, however it is reached) and leaves that file as
// it was, and that an -o beside them is written.
func TestTrainRefusesOutputThatIsAnInput(t *testing.T) {
	dir := trainFixtures(t)
	gold, corpus := filepath.Join(dir, "gold"), filepath.Join(dir, "corpus")
	tsv := filepath.Join(gold, "payops-2019-03-05.tsv")
	chat := filepath.Join(corpus, "payops", "2019-03-06-chat.markdown")
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(chat, link); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, out string
		flags     []string
		want      string // "" when train should write out
	}{
		{"gold file", tsv, nil, "`-o` " + tsv + " is the same file as the input " + tsv},
		{"chat log", chat, []string{"--rank"}, "`-o` " + chat + " is the same file as the input " + chat},
		{"link to a chat log", link, []string{"--answers"}, "`-o` " + link + " is the same file as the input " + chat},
		{"new file in the gold folder", filepath.Join(gold, "m.yaml"), []string{"--rank"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.out)
			args := append(append([]string{"train"}, tt.flags...), "--gold", gold, corpus, "-o", tt.out)
			code, _, errOut := runCmd(t, "", args...)
			if tt.want == "" {
				if code != exitOK {
					t.Errorf("exit %d, stderr %q", code, errOut)
				}
				return
			}
			if code != exitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, exitUsage, tt.want)
			}
			if after, _ := os.ReadFile(tt.out); string(after) != string(before) {
				t.Errorf("%s changed", tt.out)
			}
		})
	}
}

// TestTrainNeedsWhatItFits checks that train fails, and writes no model,
// when the annotations lack what it would fit: --answers without answer
// roles (every role "-", or questions with no A<q>) would fit an answer
// check that removes every answer, and train or train --rank without reply
// links would learn that every message starts a thread.
func TestTrainNeedsWhatItFits(t *testing.T) {
	dir := trainFixtures(t)
	corpus := filepath.Join(dir, "corpus")
	alone := filepath.Join(dir, "alone")
	for _, day := range []string{"payops-2019-03-05.tsv", "payops-2019-03-06.tsv"} {
		data, err := os.ReadFile(filepath.Join(dir, "gold", day))
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, line := range strings.SplitAfter(string(data), "\n") {
			if f := strings.Split(line, "\t"); len(f) == 6 && f[0] != "idx" {
				f[3], f[4], f[5] = f[0], "-", "T"+f[0]+"\n"
				line = strings.Join(f, "\t")
			}
			b.WriteString(line)
		}
		writeFile(t, filepath.Join(alone, day), b.String())
	}
	const noAnswers = "the annotations have no answers (roles A<q>) to fit the answer check from"
	const noLinks = "the annotations have no reply links (every message is its own parent"
	for _, tt := range []struct {
		name, gold string
		flags      []string
		want       string // "" when train should succeed
	}{
		{"answers, every role -", "noans", []string{"--answers"}, noAnswers},
		{"answers, questions only", "onlyQ", []string{"--answers"}, noAnswers},
		{"answers, with roles", "gold", []string{"--answers"}, ""},
		{"rank, no reply links", "alone", []string{"--rank"}, noLinks},
		{"link weights, no reply links", "alone", nil, noLinks},
		{"rank, no roles", "noans", []string{"--rank"}, ""},
		{"link weights, no roles", "noans", nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			gold := filepath.Join(dir, tt.gold)
			out := filepath.Join(t.TempDir(), "m.yaml")
			args := append(append([]string{"train"}, tt.flags...), "--gold", gold, corpus, "-o", out)
			code, _, errOut := runCmd(t, "", args...)
			if tt.want == "" {
				if code != exitOK {
					t.Errorf("exit %d, stderr %q", code, errOut)
				}
				return
			}
			if code != exitFailure || !strings.Contains(errOut, gold+": "+tt.want) || !strings.Contains(errOut, "no model written") {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, exitFailure, tt.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a model was written")
			}
		})
	}
}

// TestTrainWarnsOnLittleData checks that train still writes its model but
// warns, pointing to eval --model on other days, when it had fewer than
// minTrainFiles files or minTrainExamples examples, and that it counts
// "1 file" and "N files".
func TestTrainWarnsOnLittleData(t *testing.T) {
	dir := trainFixtures(t)
	corpus := filepath.Join(dir, "corpus")
	one := filepath.Join(dir, "one")
	data, err := os.ReadFile(filepath.Join(dir, "gold", "payops-2019-03-05.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(one, "payops-2019-03-05.tsv"), string(data))
	const warning = "examples to train on (fewer than 5 files or 300 examples); the model may be worse than the built-in one on other days: check it with `threads eval --model "
	for _, tt := range []struct {
		name   string
		args   func(t *testing.T) []string
		counts string // the counts train reports
		warn   bool
	}{
		{"one day", func(*testing.T) []string { return []string{"--gold", one, corpus} }, "trained on 1 file, 44 annotated messages;", true},
		{"two days, answers", func(*testing.T) []string { return []string{"--answers", "--gold", filepath.Join(dir, "gold"), corpus} }, "trained on 2 files, 81 annotated messages, 30 examples;", true},
		{"43 days, answers", func(t *testing.T) []string {
			return []string{"--answers", "--gold", "../../testdata/annotations/cocolian", sharedtest.Dir(t, "corpus", "cocolian")}
		}, "trained on 43 files, 9557 annotated messages, ", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, written, errOut := trainModel(t, tt.args(t)...)
			if !strings.Contains(errOut, tt.counts) {
				t.Errorf("stderr %q, want %q", errOut, tt.counts)
			}
			if got := strings.Contains(errOut, warning+out+"` on annotated days it was not trained on"); got != tt.warn {
				t.Errorf("warning %v, want %v; stderr %q", got, tt.warn, errOut)
			}
			if files := strings.Fields(tt.counts)[2] + " " + strings.Fields(tt.counts)[3]; !strings.Contains(written, " on "+strings.TrimSuffix(files, ",")+" ") {
				t.Errorf("model comment does not say %q:\n%s", files, written)
			}
		})
	}
}

// TestTrainHelpWarnsWeChatCurators checks that train --help says that
// plain train replaces the built-in model and does worse on WeChat days,
// and points to --rank then --answers.
func TestTrainHelpWarnsWeChatCurators(t *testing.T) {
	code, out, errOut := runCmd(t, "", "train", "--help")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	help := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"Plain train writes link weights alone, and with --model they replace the whole built-in model",
		"one-to-one fell from 82.6 to 74.4",
		"train --rank, then train --answers --model on its output",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("train --help lacks %q", want)
		}
	}
}
