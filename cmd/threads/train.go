package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cocolian/threads/internal/atomicfile"
	"github.com/cocolian/threads/internal/mdtext"
	"github.com/cocolian/threads/internal/thread"
)

// trainOptions are the flags of `threads train`.
type trainOptions struct {
	io     *streams
	Gold   []string // folders of gold files (as for eval), one --gold each
	Corpus []string // folders (or files) of the chat logs, when not beside the gold
	Output string   // model file to write
	Name   string   // model name
	Epochs int
	Gate   bool
	Rank   bool    // fit only the Rank weights, on top of Model's link weights
	Lambda float64 // L2 penalty of the Rank weights
	// RankTrees is how many boosted trees --rank fits after the Rank weights.
	RankTrees int
	Model     string // model file whose link weights Rank or Answers refines (default: the embedded one)
	// Answers fits only the answer check, on top of Model's weights.
	Answers   bool
	Threshold float64 // with Answers: answers less likely than this lose their role
}

func newTrainCmd(io *streams, runF func(*trainOptions) error) *cobra.Command {
	opts := &trainOptions{io: io}
	cmd := &cobra.Command{
		Use:   "train --gold DIR [--gold DIR...] [CORPUS_DIR...] -o MODEL.yaml",
		Short: "Fit the reply-link weights to your own annotations",
		Long: `Fit the weights of the link scorer (a linear model over the features the
threading computes: mentions, same speaker, distance, time gap, shared words,
question and answer cues, ...) to gold reply links, with an averaged
perceptron, and write them as YAML. Use the file with --model on extract and
eval. GOLD is a folder as for eval: Kummerfeld "X Y -" link files beside their
*.raw.txt logs, or our TSV days with the chat files under CORPUS_DIR.
Plain train writes link weights alone, and with --model they replace the
whole built-in model: for WeChat days that means the hand-set link weights,
the rank weights and the answer check, and the result is worse there.
Trained on the 43 annotated WeChat days of testdata/annotations/cocolian
and scored on those same days, one-to-one fell from 82.6 to 74.4, reply
links from 70.7 to 63.2, Q&A from 54.3 to 42.0 (2026-11-29). To fit the built-in
WeChat model to your own annotations, refit its learned blocks instead:
train --rank, then train --answers --model on its output. Plain train is
for chats unlike WeChat groups (the IRC model was trained so).

Give --gold more than once to train on several folders together, and
several CORPUS_DIRs when their chat logs are in different folders: each
gold file's chat log is looked for in all of them (found in two is an
error).

With --rank, the link weights of --model (default: the embedded model) stay
as they are and only its rank weights are fitted: once the link weights have
chosen a thread for a message, the rank weights choose which message of that
thread it replies to (a conditional logit over those candidates, with an L2
penalty of --lambda), and then --rank-trees boosted trees add to them what
they leave unexplained. Threads and questions do not change; reply links
do, and so may the answers read from them: a model with an answer check
wants --answers fitted again on the output (--model OUT).

With --answers, the weights of --model stay as they are and only its answer
check is fitted, from TSV gold that gives roles: boosted trees that take
the role from answers the rules find but an annotator would call comments
(those less likely than --threshold). Thread membership and reply links
do not change; a thread left with no answer becomes a discussion.

Train fails, and writes nothing, when the annotations lack what it would
fit: answer roles (A<q>) for --answers, reply links other than a message's
link to itself for the link and rank weights. With fewer than 5 annotated
files or 300 examples it warns, and still writes the model: fitted to so
little, it may do worse than the built-in one on other days; check it with
eval --model on annotated days it was not trained on.

The model records the kind of chat it was trained on (kind: irc for IRC
logs, wechat for every other format; none when the logs are of both),
and extract, digest and eval --model warn when an input is of another
kind; so does train --rank or --answers when --model is.

An -o that is one of the files train reads (a gold file or a chat log,
however it is reached) is refused with exit 2.`,
		Example: "  # the embedded IRC weights (internal/thread/models/irc.yaml)\n" +
			"  threads train --gold ../shared/corpus/irc-ubuntu/train --name irc --epochs 8 -o /tmp/irc.yaml\n" +
			"  # the embedded WeChat model's learned blocks, each fitted from both annotations of the 43 days\n" +
			"  threads train --rank --gold testdata/annotations/cocolian --gold testdata/annotations/cocolian-second ../shared/corpus/cocolian -o /tmp/wechat-rank.yaml\n" +
			"  threads train --answers --gold testdata/annotations/cocolian --gold testdata/annotations/cocolian-second ../shared/corpus/cocolian -o /tmp/wechat-answers.yaml",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(opts.Gold) == 0 || opts.Output == "" {
				return usageError{fmt.Errorf("`--gold` and `-o` are required")}
			}
			if opts.Rank && opts.Answers {
				return usageError{fmt.Errorf("`--rank` and `--answers` fit different parts of a model; fit one, then the other with `--model` set to the first one's file")}
			}
			for _, name := range []string{"name", "epochs", "gate"} {
				if (opts.Rank || opts.Answers) && cmd.Flags().Changed(name) {
					return usageError{fmt.Errorf("`--%s` sets how the link weights are trained; `--rank` and `--answers` keep those of `--model`", name)}
				}
			}
			if !opts.Rank && !opts.Answers && cmd.Flags().Changed("model") {
				return usageError{fmt.Errorf("`--model` goes with `--rank` or `--answers`")}
			}
			for _, name := range []string{"lambda", "rank-trees"} {
				if !opts.Rank && cmd.Flags().Changed(name) {
					return usageError{fmt.Errorf("`--%s` goes with `--rank`", name)}
				}
			}
			if opts.Epochs < 1 {
				return usageError{fmt.Errorf("`--epochs` is a number of passes over the data, 1 or more (got %d)", opts.Epochs)}
			}
			if opts.RankTrees < 0 {
				return usageError{fmt.Errorf("`--rank-trees` is a number of trees, 0 or more (got %d)", opts.RankTrees)}
			}
			if !opts.Answers && cmd.Flags().Changed("threshold") {
				return usageError{fmt.Errorf("`--threshold` goes with `--answers`")}
			}
			if !(opts.Threshold >= 0 && opts.Threshold <= 1) {
				return usageError{fmt.Errorf("`--threshold` is a probability between 0 and 1 (got %g)", opts.Threshold)}
			}
			if !(opts.Lambda > 0) || math.IsInf(opts.Lambda, 1) {
				return usageError{fmt.Errorf("`--lambda` must be above 0 and finite (got %g): without a penalty the rank weights can grow without bound, and an infinite one leaves them 0", opts.Lambda)}
			}
			opts.Corpus = args
			if runF != nil {
				return runF(opts)
			}
			return trainRun(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Gold, "gold", nil, "folder of gold annotation files (repeatable)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the model to `FILE`")
	cmd.Flags().StringVar(&opts.Name, "name", "custom", "model `name` recorded in the file")
	cmd.Flags().IntVar(&opts.Epochs, "epochs", thread.DefaultEpochs, "passes over the training data (1 or more)")
	cmd.Flags().BoolVar(&opts.Gate, "gate", false, "consider a candidate only when its evidence sums above zero")
	cmd.Flags().BoolVar(&opts.Rank, "rank", false, "fit only the rank weights that choose a parent inside the chosen thread")
	cmd.Flags().Float64Var(&opts.Lambda, "lambda", thread.DefaultRankOptions().Lambda, "with --rank: L2 penalty that keeps the rank weights small")
	cmd.Flags().IntVar(&opts.RankTrees, "rank-trees", thread.DefaultRankOptions().Trees, "with --rank: boosted trees fitted after the rank weights (0: none)")
	cmd.Flags().StringVar(&opts.Model, "model", "", "with --rank or --answers: model `FILE` whose weights to keep (default: the embedded one)")
	cmd.Flags().BoolVar(&opts.Answers, "answers", false, "fit only the answer check that takes the role from answers that read as comments")
	cmd.Flags().Float64Var(&opts.Threshold, "threshold", thread.DefaultAnswerOptions().Threshold, "with --answers: answers less likely than this `probability` answer nothing")
	return cmd
}

// Below minTrainFiles annotated files or minTrainExamples examples, train
// warns that the model may be worse than the built-in one. The embedded
// WeChat blocks were fitted on 43 days (6,265 rank examples, 2,581 answer
// examples, about 60 a day), and held out by group they gain only a point
// or two; fitted on a few days, the quirks of one group and its speakers
// outweigh that. 300 examples is about five days of answers.
const (
	minTrainFiles    = 5
	minTrainExamples = 300
)

// trainRun fits and writes the model. The output is created first, so that
// a path that cannot be written fails before the training, not after it.
func trainRun(opts *trainOptions) error {
	out, err := atomicfile.Create(opts.Output)
	if err != nil {
		return err
	}
	defer out.Abort()
	var pairs []evalPair
	for _, g := range opts.Gold {
		ps, err := evalPairs(g, opts.Corpus)
		if err != nil {
			return err
		}
		pairs = append(pairs, ps...)
	}
	if len(opts.Corpus) == 0 {
		if err := checkChatsBeside(pairs, "threads train --gold GOLD CORPUS_DIR -o MODEL.yaml"); err != nil {
			return err
		}
	}
	if err := checkOutputNotInput(opts.Output, pairInputs(pairs), nil); err != nil {
		return err
	}
	golds := strings.Join(opts.Gold, ", ")
	seg, err := loadSegmenter()
	if err != nil {
		return err
	}
	var days []thread.TrainingDay
	annotated := 0
	for _, p := range pairs {
		d, err := trainingDay(p)
		if err != nil {
			return err
		}
		annotated += len(d.Gold)
		days = append(days, d)
	}
	if len(days) == 0 {
		return fmt.Errorf("%s: no gold files to train on", golds)
	}
	if missing := missingGold(days, opts.Answers); missing != "" {
		return fmt.Errorf("%s: %s; no model written", golds, missing)
	}
	var m *thread.Model
	var comment, learned, note string
	files := mdtext.Plural(len(days), "file")
	examples := annotated // what the fit learns from: annotated messages, or the examples of --rank or --answers
	if opts.Rank || opts.Answers {
		base := thread.DefaultModel(days[0].Log.Format)
		from := "the embedded " + base.Name + " model"
		if opts.Model != "" {
			if base, err = loadModel(opts.Model); err != nil {
				return err
			}
			from = opts.Model
			kinds := newModelKinds(opts.io.Err, opts.Model, base)
			for _, d := range days {
				kinds.add(d.Log.Format)
			}
			kinds.warn()
		}
		if opts.Rank {
			ro := thread.DefaultRankOptions()
			ro.Lambda, ro.Trees = opts.Lambda, opts.RankTrees
			m, examples, err = thread.TrainRank(days, seg, base, ro)
			if err != nil {
				return fmt.Errorf("%s: %w; no model written", golds, err)
			}
			if examples == 0 {
				return fmt.Errorf("%s: no annotated message that the model links has its gold parent in the thread the model chose; nothing to fit the rank weights to", golds)
			}
			if m.Answers != nil {
				note = fmt.Sprintf("the answer check of %s was fitted on other reply links; fit it again with `threads train --answers --model %s`", from, opts.Output)
			}
			comment = fmt.Sprintf("Link weights of %s; rank weights fitted by `threads train --rank`\non %s from %s (%d linked messages with their gold parent in the\nchosen thread), lambda %g, %d rank trees.", from, files, golds, examples, opts.Lambda, opts.RankTrees)
		} else {
			ao := thread.DefaultAnswerOptions()
			ao.Threshold = opts.Threshold
			m, examples = thread.TrainAnswers(days, seg, base, ao)
			if examples == 0 {
				return fmt.Errorf("%s: no annotated message that the rules call an answer; `--answers` needs TSV gold with roles", golds)
			}
			comment = fmt.Sprintf("Weights of %s; answer check fitted by `threads train --answers`\non %s from %s (%d answers the rules find in annotated messages),\n%d trees of depth %d, threshold %g.", from, files, golds, examples, ao.Trees, ao.Depth, ao.Threshold)
		}
		learned = fmt.Sprintf(", %d examples", examples)
	} else {
		if m, err = thread.Train(days, seg, thread.TrainOptions{Name: opts.Name, Epochs: opts.Epochs, Gate: opts.Gate}); err != nil {
			return fmt.Errorf("%s: %w; no model written", golds, err)
		}
		comment = fmt.Sprintf("Link-scorer weights trained by `threads train` on %s (%d annotated messages)\nfrom %s, %d epochs of an averaged perceptron.", files, annotated, golds, opts.Epochs)
	}
	m.Kind = thread.TrainedKind(days) // what eval, extract and digest --model compare with their inputs
	if _, err := out.Write(m.YAML(comment)); err != nil {
		return fmt.Errorf("%s: cannot write output: %w", opts.Output, err)
	}
	if err := out.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(opts.io.Err, "threads: trained on %s, %d annotated messages%s; wrote %s\n", files, annotated, learned, opts.Output)
	if len(days) < minTrainFiles || examples < minTrainExamples {
		fmt.Fprintf(opts.io.Err, "threads: warning: only %s and %d examples to train on (fewer than %d files or %d examples); the model may be worse than the built-in one on other days: check it with `threads eval --model %s` on annotated days it was not trained on\n",
			files, examples, minTrainFiles, minTrainExamples, opts.Output)
	}
	if note != "" {
		fmt.Fprintln(opts.io.Err, "threads: note:", note)
	}
	return nil
}

// missingGold says what the annotations lack that training needs, "" when
// nothing: answer roles (A<q>) for the answer check, else reply links
// other than self-links (a message that starts a thread) for the link or
// rank weights. Without them training would learn that there is nothing
// to find: an answer check that removes every answer, or link weights
// that start a thread at every message.
func missingGold(days []thread.TrainingDay, answers bool) string {
	for _, d := range days {
		if answers {
			for _, q := range d.Answers {
				if q >= 0 {
					return ""
				}
			}
			continue
		}
		for i, parents := range d.Gold {
			for _, p := range parents {
				if p != i {
					return ""
				}
			}
		}
	}
	if answers {
		return "the annotations have no answers (roles A<q>) to fit the answer check from; `--answers` needs TSV gold that marks each answer A<q> with its question's idx (see the gold GUIDELINES)"
	}
	return "the annotations have no reply links (every message is its own parent, each starts a thread) to fit the weights to; give gold that links replies to the messages they answer"
}

// pairInputs lists the files train reads, the gold files and their chat
// logs, as inputs for checkOutputNotInput.
func pairInputs(pairs []evalPair) []input {
	var in []input
	for _, p := range pairs {
		in = append(in, input{path: p.gold, folder: -1}, input{path: p.chat, folder: -1})
	}
	return in
}

// trainingDay reads one chat file and its gold links, checked against it
// as eval checks them.
func trainingDay(p evalPair) (thread.TrainingDay, error) {
	log, err := parseChat(p, "")
	if err != nil {
		return thread.TrainingDay{}, err
	}
	a, links, err := readGoldFor(p.gold, log)
	if err != nil {
		return thread.TrainingDay{}, err
	}
	gold := map[int][]int{}
	var answers map[int]int
	if a != nil {
		for i, parent := range a.Parent {
			gold[i] = []int{parent}
		}
		answers = map[int]int{}
		for i, q := range a.AnswerOf {
			answers[i] = q
		}
	} else {
		for _, l := range links.Pairs {
			gold[l.Message] = append(gold[l.Message], l.Antecedent)
		}
	}
	return thread.TrainingDay{Log: log, Gold: gold, Answers: answers}, nil
}
