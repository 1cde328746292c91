package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/eval"
	"github.com/cocolian/threads/internal/segment"
	"github.com/cocolian/threads/internal/thread"
)

// evalOptions are the flags and arguments of `threads eval`.
type evalOptions struct {
	io          *streams
	Gold        string   // a gold file, or a folder of them
	golds       []string // every --gold given; eval takes one
	Inputs      []string
	Format      string // text or json
	InputFormat string
	Model       string // link-scorer weights file, "" for the embedded model
	Against     string // another annotation (file or folder) to score instead of the threading
	ByEvidence  bool   // also tally the predicted links by the kinds of evidence behind them
}

// evalPair is one chat file and its gold annotation.
type evalPair struct {
	name, gold, chat string
}

func newEvalCmd(io *streams, runF func(*evalOptions) error) *cobra.Command {
	opts := &evalOptions{io: io}
	cmd := &cobra.Command{
		Use:   "eval --gold GOLD [FILE|DIR...]",
		Short: "Score threading against gold annotations",
		Long: `Run extract on chat files and score the result against gold annotations:
one-to-one overlap, 1 - VI/log N, exact-match threads, reply links, questions
and question-answer pairs.

GOLD is one of:
  a TSV file (our format, see the gold GUIDELINES) with FILE the chat log;
  a Kummerfeld "X Y -" link file (*.annotation.txt) with FILE the raw log;
  a folder: every NAME.tsv is paired with GROUP/DATE-chat.markdown under DIR
  (NAME = GROUP-DATE), every NAME.annotation.txt with NAME.raw.txt in the same
  folder (or DIR). A folder prints each file and their average: the mean over
  TSV days, the micro-average over link files (as Kummerfeld et al. report it).
  Several DIRs may be given: each gold file's chat log is looked for in all
  of them (found in two is an error). With a folder and chat FILEs of the
  corpus, only those files are scored, each against its own gold file.

A TSV named GROUP-YYYY-MM-DD.tsv must be given with the chat log of that
date, or eval (and train) stop and say the dates differ. A TSV must line
up with its chat log: one row per message, and a row that
gives a time or a nick (not "-") must have those of the log's message at
its index; else eval (and train) stop at the first row that differs.

With --against, no chat file is read: a second TSV annotation (a file, or a
folder with the same NAME.tsv files) is scored against GOLD, to measure how
far two annotators agree.

With --by-evidence, a table pooled over all files follows the scores: for
each kind of evidence behind the predicted links (as extract --explain names
them), how many messages' links carry it and how many of those links reach
the gold parent and the gold thread.`,
		Example: "  threads eval --gold ../shared/gold ../shared/corpus/cocolian\n  threads eval --gold ../shared/corpus/irc-ubuntu/dev\n" +
			"  threads eval --gold ../shared/gold ../shared/corpus/cocolian/proddev/2018-05-04-chat.markdown\n" +
			"  threads eval --gold testdata/annotations/cocolian --against testdata/annotations/cocolian-second",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if err := oneGold(opts); err != nil {
				return err
			}
			if opts.Format != "text" && opts.Format != "json" {
				return usageError{fmt.Errorf("invalid `--format` %q: use text or json", opts.Format)}
			}
			if err := checkInputFormat(opts.InputFormat); err != nil {
				return err
			}
			if opts.Against != "" && (len(args) > 0 || opts.Model != "" || opts.InputFormat != "" || opts.ByEvidence) {
				return usageError{fmt.Errorf("`--against` scores two annotations: give no chat FILE|DIR, `--model`, `--input-format` or `--by-evidence`")}
			}
			if runF != nil {
				return runF(opts)
			}
			return evalRun(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.golds, "gold", nil, "gold annotation `FILE` or folder (one)")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: `text` or json")
	cmd.Flags().StringVar(&opts.InputFormat, "input-format", "", "input format of the chat files (default: detected)")
	cmd.Flags().StringVar(&opts.Model, "model", "", "link-scorer weights `FILE` from `threads train` (default: embedded)")
	cmd.Flags().StringVar(&opts.Against, "against", "", "score this TSV annotation `FILE` or folder against GOLD instead of the threading")
	cmd.Flags().BoolVar(&opts.ByEvidence, "by-evidence", false, "also show how often gold agrees with the links each kind of evidence supports")
	return cmd
}

// oneGold sets opts.Gold from the one --gold given: eval scores against
// one annotation, so a second --gold (which would replace the first) is a
// usage error.
func oneGold(opts *evalOptions) error {
	switch len(opts.golds) {
	case 0:
		return usageError{fmt.Errorf("`--gold` is required")}
	case 1:
		opts.Gold = opts.golds[0]
		return nil
	}
	return usageError{fmt.Errorf("`--gold` given %d times (%s); eval scores against one GOLD, a file or a folder: give `--gold` once (only train takes several)", len(opts.golds), strings.Join(opts.golds, ", "))}
}

func evalRun(opts *evalOptions) error {
	var pairs []evalPair
	var err error
	if opts.Against != "" {
		pairs, err = againstPairs(opts.Gold)
	} else if pairs, err = evalPairs(opts.Gold, opts.Inputs); err == nil && len(opts.Inputs) == 0 {
		err = checkChatsBeside(pairs, "threads eval --gold GOLD DIR")
	}
	if err != nil {
		return err
	}
	var score func(evalPair) (eval.Scores, []eval.EvidenceTally, error)
	if opts.Against != "" {
		otherOf, err := againstPaths(opts.Gold, opts.Against)
		if err != nil {
			return err
		}
		score = func(p evalPair) (eval.Scores, []eval.EvidenceTally, error) {
			s, err := scoreAgainst(p.gold, otherOf(p))
			return s, nil, err
		}
	} else {
		seg, err := loadSegmenter()
		if err != nil {
			return err
		}
		params, err := paramsWith(opts.Model)
		if err != nil {
			return err
		}
		kinds := newModelKinds(opts.io.Err, opts.Model, params.Model)
		defer kinds.warn()
		score = func(p evalPair) (eval.Scores, []eval.EvidenceTally, error) {
			return scorePair(p, opts.InputFormat, seg, params, kinds)
		}
	}
	type fileScore struct {
		Name   string      `json:"name"`
		Scores eval.Scores `json:"scores"`
	}
	var all []fileScore
	var tsv, links []eval.Scores
	var tallies [][]eval.EvidenceTally
	for _, p := range pairs {
		s, t, err := score(p)
		if err != nil {
			return err
		}
		all = append(all, fileScore{p.name, s})
		tallies = append(tallies, t)
		if strings.HasSuffix(p.gold, ".tsv") {
			tsv = append(tsv, s)
		} else {
			links = append(links, s)
		}
	}
	var avg []fileScore
	if len(pairs) > 1 && len(tsv) > 0 {
		avg = append(avg, fileScore{"mean over annotated days", eval.Mean(tsv)})
	}
	if len(pairs) > 1 && len(links) > 0 {
		avg = append(avg, fileScore{"micro-average over link files", eval.Micro(links)})
	}
	evidence := eval.SumTallies(tallies...)
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.io.Out)
		enc.SetIndent("", "  ")
		out := map[string]any{"files": all, "averages": nonNilScores(avg)}
		if opts.ByEvidence {
			out["evidence"] = nonNilScores(evidence)
		}
		return enc.Encode(out)
	}
	for _, fs := range append(all, avg...) {
		if err := eval.WriteText(opts.io.Out, fs.Name, fs.Scores); err != nil {
			return err
		}
	}
	if opts.ByEvidence {
		name := all[0].Name
		if len(all) > 1 {
			name = fmt.Sprintf("total over %d files", len(all))
		}
		return eval.WriteEvidence(opts.io.Out, name, evidence)
	}
	return nil
}

func nonNilScores[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// scorePair threads one chat file and scores it against its gold file; it
// also tallies the predicted links by the kinds of evidence behind them,
// and adds the chat's format to formats.
func scorePair(p evalPair, inputFormat string, seg *segment.Segmenter, params thread.Params, formats *modelKinds) (eval.Scores, []eval.EvidenceTally, error) {
	log, err := parseChat(p, inputFormat)
	if err != nil {
		return eval.Scores{}, nil, err
	}
	formats.add(log.Format)
	gold, links, err := readGoldFor(p.gold, log)
	if err != nil {
		return eval.Scores{}, nil, err
	}
	res := thread.BuildWith(log, seg, params)
	pred := annotationOf(res)
	kinds := evidenceKinds(res)
	if gold != nil {
		return eval.Score(gold, pred), eval.TallyEvidence(gold, pred.Parent, kinds), nil
	}
	return eval.ScoreLinks(links, pred), eval.TallyEvidenceLinks(links, pred.Parent, kinds), nil
}

// evidenceKinds lists the kinds of evidence behind each message's link.
func evidenceKinds(res *thread.Result) [][]string {
	kinds := make([][]string, len(res.Links))
	for i, l := range res.Links {
		for _, e := range l.Evidence {
			kinds[i] = append(kinds[i], e.Kind)
		}
	}
	return kinds
}

// paramsWith returns the threading parameters with the model of --model
// (see loadModel), or with the embedded models when model is "".
func paramsWith(model string) (thread.Params, error) {
	p := thread.DefaultParams()
	if model == "" {
		return p, nil
	}
	m, err := loadModel(model)
	p.Model = m
	return p, err
}

// loadModel reads the model file of --model, as thread.LoadModel does,
// but says plainly that a file which is no YAML mapping at all (a gold
// TSV, a chat log) is not a threads model. A file that cannot be read is
// an error with exit 1, as for extract --model and a missing --gold.
func loadModel(path string) (*thread.Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read model: %w", path, err)
	}
	m, err := thread.ParseModel(data, path)
	if err == nil {
		return m, nil
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: not a threads model: expected the YAML file that `threads train` writes (name:, weights:, ...)", path)
	}
	return nil, err
}

// readGoldFor reads a gold file (see readGold) and checks that it lines up
// with log, the chat log it annotates: a TSV by the date in its name
// (GROUP-YYYY-MM-DD.tsv, when it has that form and the log a date) and
// row by row (eval.CheckLog), a link file by its last annotated message. Eval and train both read gold
// through it.
func readGoldFor(path string, log *chatlog.Log) (*eval.Annotation, *eval.Links, error) {
	gold, links, err := readGold(path)
	if err != nil {
		return nil, nil, err
	}
	if gold != nil {
		if _, date, ok := goldDay(strings.TrimSuffix(filepath.Base(path), ".tsv")); ok && log.Date != "" && date != log.Date {
			return nil, nil, fmt.Errorf("%s: annotates %s (the date in its name), but the chat log %s is of %s; give the chat log of %s, or rename the gold file if its date is wrong", path, date, log.Path, log.Date, date)
		}
		if err := eval.CheckLog(gold, path, log); err != nil {
			return nil, nil, err
		}
		return gold, nil, nil
	}
	if n := len(links.Annotated); n > 0 && links.Annotated[n-1] >= len(log.Messages) {
		return nil, nil, fmt.Errorf("%s: annotates message %d, but the chat log %s has only %d messages; give the log it annotates", path, links.Annotated[n-1], log.Path, len(log.Messages))
	}
	return nil, links, nil
}

// againstPairs lists the gold files of eval --against, which reads no chat
// file: GOLD itself when it is a file, else the gold files of the folder.
func againstPairs(gold string) ([]evalPair, error) {
	st, err := os.Stat(gold)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read gold: %w", gold, err)
	}
	if st.IsDir() {
		return evalPairs(gold, nil)
	}
	return []evalPair{{name: strings.TrimSuffix(filepath.Base(gold), ".tsv"), gold: gold}}, nil
}

// againstPaths checks the --against path and returns, for each pair, the
// annotation to score against its gold: the same file name in the against
// folder, or the against file itself when GOLD is one file.
func againstPaths(gold, against string) (func(evalPair) string, error) {
	st, err := os.Stat(against)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read annotation: %w", against, err)
	}
	if st.IsDir() {
		return func(p evalPair) string { return filepath.Join(against, filepath.Base(p.gold)) }, nil
	}
	if gst, err := os.Stat(gold); err == nil && gst.IsDir() {
		return nil, usageError{fmt.Errorf("%s: with a gold folder, `--against` takes a folder", against)}
	}
	return func(evalPair) string { return against }, nil
}

// scoreAgainst scores the TSV annotation other against the TSV gold.
func scoreAgainst(gold, other string) (eval.Scores, error) {
	if !strings.HasSuffix(gold, ".tsv") {
		return eval.Scores{}, fmt.Errorf("%s: `--against` compares TSV annotations; this is a link file", gold)
	}
	g, err := readTSVFile(gold)
	if err != nil {
		return eval.Scores{}, err
	}
	a, err := readTSVFile(other)
	if err != nil {
		return eval.Scores{}, err
	}
	if g.Len() != a.Len() {
		return eval.Scores{}, fmt.Errorf("%s: %d messages, but %s has %d; are they the same day?", other, a.Len(), gold, g.Len())
	}
	return eval.Score(g, a), nil
}

// parseChat reads the chat file of a pair in inputFormat, or else in the
// format its name tells (IRC for *.raw.txt) or its content shows.
func parseChat(p evalPair, inputFormat string) (*chatlog.Log, error) {
	if inputFormat == "" && strings.HasSuffix(p.chat, ".raw.txt") {
		inputFormat = "irc"
	}
	return chatlog.ParseFile(p.chat, inputFormat, nil)
}

// readGold reads a gold file: our TSV annotation when its name ends in .tsv,
// else Kummerfeld's "X Y -" links. Exactly one result is set when err is nil.
func readGold(path string) (*eval.Annotation, *eval.Links, error) {
	if strings.HasSuffix(path, ".tsv") {
		a, err := readTSVFile(path)
		return a, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: cannot open gold file: %w", path, err)
	}
	defer f.Close()
	links, err := eval.ReadLinks(f, path)
	return nil, links, err
}

// readTSVFile reads one TSV annotation.
func readTSVFile(path string) (*eval.Annotation, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot open annotation file: %w", path, err)
	}
	defer f.Close()
	return eval.ReadTSV(f, path)
}

// annotationOf turns a threading into the scorer's form.
func annotationOf(res *thread.Result) *eval.Annotation {
	n := len(res.Links)
	a := &eval.Annotation{Parent: make([]int, n), Thread: make([]int, n), Question: make([]bool, n), AnswerOf: make([]int, n)}
	for i, l := range res.Links {
		a.Parent[i] = l.Parent
		if l.Parent < 0 {
			a.Parent[i] = i
		}
		a.Thread[i] = l.Thread
		a.Question[i] = l.Role == thread.RoleQuestion
		a.AnswerOf[i] = l.AnswerOf
	}
	return a
}

// checkChatsBeside reports the first pair whose chat file is missing when
// no corpus DIR was given, so that evalPairs looked for the chat files
// beside the gold files; usage shows the command with the corpus folder.
// The error names the gold file and the chat log it asks for.
func checkChatsBeside(pairs []evalPair, usage string) error {
	for _, p := range pairs {
		if _, err := os.Stat(p.chat); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: no chat log %s beside it; give the corpus folder as the argument: %s", p.gold, p.chat, usage)
		}
	}
	return nil
}

// evalPairs pairs gold files with the chat files they annotate. With no
// inputs, the chat files are looked for beside the gold files
// (checkChatsBeside says so when they are not there). Else each input is a
// corpus folder, in which every gold file's chat log is looked for (found
// in two folders is an error), or one chat file of a corpus: with only
// chat files, only they are scored, each against its own gold file.
func evalPairs(gold string, inputs []string) ([]evalPair, error) {
	st, err := os.Stat(gold)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read gold: %w", gold, err)
	}
	if !st.IsDir() {
		if len(inputs) != 1 {
			return nil, usageError{fmt.Errorf("with a gold file, give exactly one chat FILE (got %d)", len(inputs))}
		}
		if st, err := os.Stat(inputs[0]); err == nil && st.IsDir() {
			return nil, usageError{fmt.Errorf("%s: is a folder; with the gold file %s, give the one chat log it annotates (or give --gold the folder of gold files to score a corpus folder)", inputs[0], gold)}
		}
		return []evalPair{{name: filepath.Base(inputs[0]), gold: gold, chat: inputs[0]}}, nil
	}
	var roots, files []string
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err != nil {
			return nil, fmt.Errorf("%s: cannot read the chat files: %w", in, err)
		}
		if st.IsDir() {
			roots = append(roots, in)
		} else {
			files = append(files, in)
		}
	}
	entries, err := os.ReadDir(gold)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", gold, err)
	}
	var pairs []evalPair
	matched := make([]bool, len(files))
	for _, e := range entries {
		name := e.Name()
		base, rel, err := goldChat(gold, name)
		if err != nil {
			return nil, err
		}
		if rel == "" {
			continue // not a gold file
		}
		p := evalPair{name: base, gold: filepath.Join(gold, name), chat: filepath.Join(gold, rel)}
		if len(inputs) > 0 {
			found, err := findChat(p.gold, rel, roots, files, matched)
			if err != nil {
				return nil, err
			}
			if found == "" && len(roots) == 0 {
				continue // only the chat files given are scored
			}
			if found == "" {
				return nil, noChatLog(p.gold, rel, roots)
			}
			p.chat = found
		}
		pairs = append(pairs, p)
	}
	if len(pairs) == 0 && len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.tsv or *.annotation.txt gold files", gold)
	}
	for i, f := range files {
		if !matched[i] {
			return nil, usageError{fmt.Errorf("%s: no gold file in %s annotates this chat file (a TSV is named GROUP-DATE.tsv for GROUP/DATE-chat.markdown, an IRC annotation NAME.annotation.txt for NAME.raw.txt); give the corpus folder, or --gold the one gold file", f, gold)}
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].name < pairs[j].name })
	return pairs, nil
}

// noChatLog reports that the chat log at rel, which the gold file gold
// annotates, is in none of the corpus folders roots, and what to do.
func noChatLog(gold, rel string, roots []string) error {
	var tried []string
	for _, root := range roots {
		tried = append(tried, filepath.Join(root, rel))
	}
	return fmt.Errorf("%s: no chat log %s for it; give the corpus folder that holds it as another argument, or move %s out of %s to leave that day out",
		gold, strings.Join(tried, " or "), filepath.Base(gold), filepath.Dir(gold))
}

// goldChat tells, for a file name in the gold folder, the name of the day
// it annotates and the chat log's path relative to a corpus folder; rel is
// "" for a file that is not a gold file.
func goldChat(gold, name string) (base, rel string, err error) {
	switch {
	case strings.HasSuffix(name, ".tsv"):
		base = strings.TrimSuffix(name, ".tsv")
		group, date, ok := goldDay(base)
		if !ok {
			return "", "", fmt.Errorf("%s: a TSV gold file is named GROUP-YYYY-MM-DD.tsv, for the chat log GROUP/YYYY-MM-DD-chat.markdown it annotates; rename it so", filepath.Join(gold, name))
		}
		return base, filepath.Join(group, date+"-chat.markdown"), nil
	case strings.HasSuffix(name, ".annotation.txt"):
		base = strings.TrimSuffix(name, ".annotation.txt")
		return base, base + ".raw.txt", nil
	}
	return "", "", nil
}

// goldDayPattern is the name of a TSV gold file without .tsv: the group
// (which may hold hyphens), a hyphen, and the date.
var goldDayPattern = regexp.MustCompile(`^(.+)-([0-9]{4}-[0-9]{2}-[0-9]{2})$`)

// goldDay splits the name of a TSV gold file without its .tsv,
// GROUP-YYYY-MM-DD, into the group and the date, taking the date from the
// end so that a group name may hold hyphens; ok is false for another form.
func goldDay(base string) (group, date string, ok bool) {
	m := goldDayPattern.FindStringSubmatch(base)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// findChat returns the chat log at rel in one of the corpus folders roots,
// or among the chat files files (marking matched the one it is), "" when
// none; a log found in two places (not the same file) is an error that
// names both.
func findChat(gold, rel string, roots, files []string, matched []bool) (string, error) {
	var found string
	var foundInfo os.FileInfo
	add := func(path string, st os.FileInfo) error {
		switch {
		case found == "":
			found, foundInfo = path, st
		case !os.SameFile(foundInfo, st):
			return usageError{fmt.Errorf("%s: two chat logs for it, %s and %s; give only the corpus folder or file that holds the one it annotates", gold, found, path)}
		}
		return nil
	}
	for _, root := range roots {
		path := filepath.Join(root, rel)
		if st, err := os.Stat(path); err == nil {
			if err := add(path, st); err != nil {
				return "", err
			}
		}
	}
	for i, f := range files {
		clean := filepath.Clean(f)
		if clean != rel && !strings.HasSuffix(clean, string(filepath.Separator)+rel) {
			continue
		}
		st, err := os.Stat(f)
		if err != nil {
			continue
		}
		matched[i] = true
		if err := add(f, st); err != nil {
			return "", err
		}
	}
	return found, nil
}
