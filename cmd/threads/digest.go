package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/atomicfile"
	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/digest"
	"github.com/cocolian/threads/internal/mdtext"
	"github.com/cocolian/threads/internal/thread"
)

// digestFormats are the values of `threads digest --format`.
var digestFormats = []string{"markdown", "json", "kb", "html"}

// digestOptions are the flags and arguments of `threads digest`.
type digestOptions struct {
	io          *streams
	Inputs      []string       // files and folders to read; "-" is stdin
	InputFormat string         // input format name, "" to detect
	Zone        *time.Location // --timezone: the zone of the message times, nil for each format's own
	Since       string         // first day to include, YYYY-MM-DD; "" for no limit
	Until       string         // last day to include, YYYY-MM-DD; "" for no limit
	Format      string         // markdown, json, kb or html
	Out         string         // output file (the folder for kb); "" for stdout
	Topics      string         // a topics file extending dict/topics.yaml
	Threshold   float64        // similarity for merging questions of different days
	Model       string         // link-scorer model file from threads train, "" for the embedded models
	params      thread.Params  // threading parameters, with the model loaded
	kinds       *modelKinds    // the formats threaded with --model, to warn of another kind of chat
	Quiet       bool           // no progress or notes on the error stream
	Lang        string         // --lang: the language of the page's, the Markdown's and the knowledge base's own words, en, zh or auto
	progress    bool           // show progress: the error stream is a terminal and not Quiet
}

// notes is where the notes go that need no action (a file skipped as no
// chat log, days read once, the files a knowledge base wrote), and the
// warning that --model was trained on another kind of chat, which may be
// meant: the error stream, or nowhere with --quiet. Errors and other
// warnings go to the error stream whatever the flag.
func (opts *digestOptions) notes() io.Writer {
	if opts.Quiet {
		return io.Discard
	}
	return opts.io.Err
}

func newDigestCmd(io *streams, runF func(*digestOptions) error) *cobra.Command {
	opts := &digestOptions{io: io}
	cmd := &cobra.Command{
		Use:   "digest FILE|DIR|- ...",
		Short: "Merge the questions of many days into a FAQ digest or knowledge base",
		Long: `Read many days of chat (files, or folders walked recursively, any supported
format; "-" reads stdin), thread each day, and merge the questions that ask
the same thing across days into entries, each keeping every time it was
asked (date, group, asker, answers, source file and line). Entries get
topics from dict/topics.yaml (extend it with --topics FILE) and are ranked
by how often they were asked, then how well they were answered. Questions
that opened a thread and were never answered are listed last, once each
with how many times they were asked.

Formats:
  markdown  a FAQ digest grouped by topic, to post back into a group
  json      the merged entries and the questions left out of them:
            {"entries": [{"id", "title", "topics", "occurrences": [{"path",
            "line", "date", "group", "asker", "question", "answers":
            [{"sender", "text", "url", "path", "line", "date"}]}]}],
            "left_out", "unanswered": [{"date", "group", "asker",
            "question", "path", "line", "asked", "first_date"}]}; an answer
            gives its own file and day, as one posted on a later day may be
            in another file; url is the address of an answer that is a
            picture or a shared link (text is "[image]" or the link's
            title), absent otherwise; left_out counts the askings
            in no entry (asked once and never answered, or saying too little
            out of their chat); unanswered lists the questions nobody
            answered, once each by its latest asking, with asked, how many
            times, and first_date, the date of the first ([] for none)
  kb        a knowledge base in the folder --out: one Markdown file per entry
            with YAML front matter, and index.md; edits below the line
            "` + digest.Marker + `" are kept when it is regenerated;
            index.md lists every entry file, those of earlier runs too, and
            a run never rewrites or removes an entry that holds days it did
            not read; an entry file renamed keeps its name (it is known by
            the id in its front matter), and any other .md file in the
            folder is named on stderr, as it is in no entry and not indexed
  html      one self-contained page: a timeline per day with threads as lanes
            coloured by kind (click a Q&A thread to read it), and a topic index

The page's, the Markdown digest's and the knowledge base's own words
(headings, buttons, counts) are English or Simplified Chinese: --lang en
or zh, or auto (the default): zh when most messages that have letters
have Chinese characters (an ok or T+1 alone does not count), so Chinese
chats give Chinese outputs; --lang en for English. The JSON, and the
knowledge base's front matter, are the same in every language.

A file whose messages span several calendar days is cut into days as
extract cuts it (see threads extract --help): each day is threaded on its
own, dated by itself, and kept or left out by --since and --until alone.
--timezone reads and shows times as extract does (see threads extract
--help), and the days are then those of the times as shown.
Files in folders whose format is not recognised are skipped with a note (the
first three of a folder by name, the others counted in one line); a
folder with no chat log in a known format is an error (exit 1), as in
extract, and when no input could be read no digest is written. With
--input-format every input is read in that format, the files of folders
too, as extract reads them. The output
(the -o file, or the knowledge-base folder) is left out of the folders
walked, so a digest written into an input folder is not read back.
Every file is read once, however many times it is reached: inputs are told
apart by their absolute path with symbolic links resolved, so "corpus
corpus/proddev", a file named twice or a folder linked into another does
not count its questions twice.

Progress goes to stderr when it is a terminal (--quiet turns it off).`,
		Example: "  threads digest ../shared/corpus/cocolian\n" +
			"  threads digest --since 2018-05-01 --until 2018-05-31 --format html -o /tmp/may.html ../shared/corpus/cocolian\n" +
			"  threads digest --format kb --out /tmp/kb/ ../shared/corpus/cocolian",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if len(opts.Inputs) == 0 {
				return usageError{errors.New("digest needs at least one FILE or DIR (\"-\" reads stdin)")}
			}
			if err := checkInputFormat(opts.InputFormat); err != nil {
				return err
			}
			if !contains(digestFormats, opts.Format) {
				return usageError{fmt.Errorf("invalid `--format` %q: use %s", opts.Format, strings.Join(digestFormats, ", "))}
			}
			if opts.Format == "kb" && outputPath(opts.Out) == "" {
				return usageError{errors.New("`--format kb` needs `--out DIR`, a folder (stdout holds no files)")}
			}
			opts.Out = outputPath(opts.Out)
			if fi, err := os.Stat(opts.Out); opts.Format == "kb" && err == nil && !fi.IsDir() {
				return usageError{fmt.Errorf("`--out %s` is a file, and `--format kb` writes a folder of files: give `--out` a folder (a new one, or a knowledge base written before)", opts.Out)}
			}
			var err error
			if opts.Since, err = rangeDate("--since", opts.Since, false); err != nil {
				return err
			}
			if opts.Until, err = rangeDate("--until", opts.Until, true); err != nil {
				return err
			}
			if opts.Since != "" && opts.Until != "" && opts.Since > opts.Until {
				return usageError{fmt.Errorf("`--since` %s is after `--until` %s", opts.Since, opts.Until)}
			}
			if err := checkLang(opts.Lang); err != nil {
				return err
			}
			if !(opts.Threshold >= 0 && opts.Threshold <= 1) { // NaN too
				return usageError{fmt.Errorf("invalid `--threshold` %v: want a similarity between 0 and 1", opts.Threshold)}
			}
			opts.progress = !opts.Quiet && isTerminal(opts.io.Err)
			if runF != nil {
				return runF(opts)
			}
			return digestRun(opts)
		},
	}
	addInputFormatFlag(cmd, &opts.InputFormat)
	addTimezoneFlag(cmd, &opts.Zone)
	cmd.Flags().StringVar(&opts.Since, "since", "", "first `DATE` (YYYY-MM-DD) to include, or a month (YYYY-MM) from its first day")
	cmd.Flags().StringVar(&opts.Until, "until", "", "last `DATE` (YYYY-MM-DD) to include, or a month (YYYY-MM) to its last day")
	cmd.Flags().StringVar(&opts.Format, "format", "markdown", "output format: `markdown`, json, kb or html")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "write to `PATH` (atomically) instead of stdout (- for stdout); with --format kb, the knowledge-base folder")
	cmd.Flags().StringVar(&opts.Topics, "topics", "", "topics `FILE` extending dict/topics.yaml (same format)")
	cmd.Flags().Float64Var(&opts.Threshold, "threshold", digest.DefaultThreshold, "similarity (0-1) at which questions of different days merge; lower merges more (the words two questions share must also carry a share of each that falls with it)")
	cmd.Flags().StringVar(&opts.Model, "model", "", "link-scorer model `FILE` from `threads train`, as extract takes it (default: embedded)")
	addLangFlag(cmd, &opts.Lang, "`LANG` of the page's, the Markdown digest's and the knowledge base's own words (headings, buttons, counts): en, zh, or auto (zh when most messages with letters have Chinese characters, else en); JSON is the same in every language")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "no progress or notes on stderr (files skipped, days read once, files written), nor the warning that --model was trained on another kind of chat; errors and other warnings still print")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(digestFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// digestRun reads and threads every input day, merges the questions and
// writes the digest. Inputs that fail, and folders that hold no chat log,
// are reported on the error stream and the others are still digested;
// when no input could be read as a chat log, nothing is written.
func digestRun(opts *digestOptions) error {
	topics, err := loadTopics(opts.Topics)
	if err != nil {
		return err
	}
	terms, err := dict.Payments()
	if err != nil {
		return err
	}
	// What this digest writes, in an input folder, is no input of it.
	found, folders, walkErrs := expandInputs(opts.Inputs, opts.Out)
	if opts.Format != "kb" {
		if err := checkOutputNotInput(opts.Out, found, opts.io.In); err != nil {
			return err
		}
		if err := checkOutputNotWalkedLog(opts.Out, opts.Inputs); err != nil {
			return err
		}
	}
	inputs, of := uniqueInputs(found)
	for _, err := range walkErrs {
		fmt.Fprintln(opts.io.Err, "threads:", err)
	}
	seg, err := loadSegmenter()
	if err != nil {
		return err
	}
	if opts.params, err = paramsWith(opts.Model); err != nil {
		return err
	}
	// --quiet silences this warning too: a model of another kind may be meant.
	opts.kinds = newModelKinds(opts.notes(), opts.Model, opts.params.Model)
	days, st := threadFiles(opts, inputs, seg)
	opts.kinds.warn()
	failed, total := len(walkErrs)+st.failed, len(walkErrs)+st.read+st.failed
	chat := make([]bool, len(folders)) // a folder held a chat log
	for i, in := range found {
		if in.folder >= 0 && st.chat[of[i]] {
			chat[in.folder] = true
		}
	}
	for _, err := range emptyFolders(folders, chat, "see threads formats") {
		fmt.Fprintln(opts.io.Err, "threads:", err)
		failed++
		total++
	}
	if st.read == 0 && st.days == 0 && failed > 0 {
		// Nothing to digest: leave the output (a file, a knowledge base) alone.
		return &partialError{failed: failed, total: total}
	}
	rng := digest.Range{Since: opts.Since, Until: opts.Until, Read: st.days}
	if len(days) == 0 && rng.String() != "" {
		fmt.Fprintf(opts.io.Err, "threads: no day %s among the %s read: the digest is empty\n", rng, mdtext.Plural(st.days, "day log"))
	}
	if opts.progress && len(days) > 0 {
		fmt.Fprintf(opts.io.Err, "threads digest: merging the questions of %s\n", mdtext.Plural(len(days), "day"))
	}
	d := digest.Build(days, seg, digest.Options{Topics: topics, Terms: terms, Threshold: &opts.Threshold, Range: rng, Copies: st.copies, Lang: pageLang(opts.Lang)})
	if err := writeDigest(opts, d); err != nil {
		return err
	}
	if failed > 0 {
		return &partialError{failed: failed, total: total}
	}
	return nil
}

// uniqueInputs leaves out the inputs whose absolute path, with symbolic
// links resolved, came before (a file named twice, or found again through a
// folder that holds it or links to it, as in "corpus corpus/proddev"), so
// that no day is read and counted
// twice; "-" (stdin) is read once too. The first is kept, in input order,
// and read as a named input when any of its copies is one (a named file
// that is no chat log is an error, not a note). of[i] is the index in out
// of inputs[i] or the copy kept for it.
func uniqueInputs(inputs []input) (out []input, of []int) {
	seen := make(map[string]int, len(inputs))
	out = make([]input, 0, len(inputs))
	of = make([]int, len(inputs))
	for i, in := range inputs {
		key := in.path
		if key != "-" {
			if abs, err := filepath.Abs(key); err == nil {
				key = abs
			}
			if real, err := filepath.EvalSymlinks(key); err == nil {
				key = real
			}
		}
		if k, ok := seen[key]; ok {
			out[k].walked = out[k].walked && in.walked
			of[i] = k
			continue
		}
		seen[key] = len(out)
		of[i] = len(out)
		out = append(out, in)
	}
	return out, of
}

// loadTopics returns the embedded topics, extended by the file path when
// it is not empty.
func loadTopics(path string) ([]dict.Topic, error) {
	topics, err := dict.Topics()
	if err != nil {
		return nil, err
	}
	if path == "" {
		return topics, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read topics: %w", path, err)
	}
	extra, err := dict.ParseTopics(path, data)
	if err != nil {
		return nil, err
	}
	return dict.ExtendTopics(topics, extra), nil
}

// readStats say what became of the inputs threadFiles read.
type readStats struct {
	chat   []bool         // per input: not skipped as no chat log (it may have failed)
	read   int            // inputs read and threaded without error
	days   int            // the day logs of those inputs and of those that failed part-way, within --since and --until or not
	failed int            // inputs that could not be read or parsed
	copies []*chatlog.Log // days left out as copies of days read (the same day under two names)
}

// threadFiles parses and threads the files, several at a time, and returns
// the days within --since and --until in input order, with what became of
// the files. Files found in folders whose format is not recognised are
// skipped with a note, unless --input-format names the format of them all.
func threadFiles(opts *digestOptions, files []input, tok thread.Tokenizer) ([]digest.Day, readStats) {
	type result struct {
		days    []digest.Day        // the days within --since and --until
		before  []*chatlog.Log      // the dated days before --since, whose messages replies may name
		sums    [][sha256.Size]byte // each day's dayFingerprint
		read    int                 // the days read
		err     error
		skipped bool
	}
	results := make([]result, len(files))
	jobs := make(chan int)
	done := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(files))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r := &results[i]
				f := files[i]
				if f.walked && opts.InputFormat == "" {
					ok, err := isChatLog(f.path)
					r.err, r.skipped = err, err == nil && !ok
				}
				if r.err == nil && !r.skipped {
					// Each day of a file, or channel of a Slack folder, as extract reads them.
					var linker thread.DayLinker // the chat's days, for replies to an earlier one
					lastChat := 0
					r.err = eachLog(f.path, opts.InputFormat, opts.Zone, opts.io.In, func(log *chatlog.Log, _, chat int) error {
						r.read++
						opts.kinds.add(log.Format)
						if chat != lastChat {
							linker, lastChat = thread.DayLinker{}, chat // IDs are the chat's own
						}
						if !inRange(log, opts.Since, opts.Until) {
							// Its messages may be replied to: a day is threaded
							// alike whatever the range. (Its questions are
							// out of the digest.)
							linker.Remember(log, nil)
							if log.Date != "" && opts.Since != "" && log.Date < opts.Since {
								r.before = append(r.before, log)
							}
						} else {
							res, earlier := linker.Build(log, tok, opts.params)
							r.days = append(r.days, digest.Day{Log: log, Result: res, Earlier: earlier})
							r.sums = append(r.sums, dayFingerprint(log))
						}
						return nil
					})
				}
				done <- i
			}
		}()
	}
	go func() {
		for i := range files {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		close(done)
	}()
	p := newProgress(opts.io.Err, opts.progress, len(files))
	for range done {
		p.step()
	}
	p.finish()
	var days []digest.Day
	var before []*chatlog.Log
	st := readStats{chat: make([]bool, len(files))}
	type kept struct {
		at   int    // index in days
		path string // the file it came from
	}
	keptOf := make(map[[sha256.Size]byte]kept) // day fingerprint -> the day kept
	type copied struct {
		path string            // the file a day was left out of
		sum  [sha256.Size]byte // the day's fingerprint
	}
	var left []copied // in the order found
	skipped := skippedNotes{w: opts.notes()}
	defer skipped.finish()
	for i, r := range results {
		st.chat[i] = !r.skipped
		switch {
		case r.skipped:
			skipped.note(files[i].path)
		case r.err != nil:
			// The days read before the error (a Slack export's channels
			// that could be read) are digested, as extract writes them.
			printErrors(opts.io.Err, r.err)
			st.failed++
		default:
			st.read++
		}
		if r.skipped {
			continue
		}
		st.days += r.read
		before = append(before, r.before...)
		for k, day := range r.days {
			sum, path := r.sums[k], files[i].path
			first, dup := keptOf[sum]
			if !dup || len(day.Log.Messages) == 0 {
				keptOf[sum] = kept{len(days), path}
				days = append(days, day)
				continue
			}
			// The same day twice: keep the file of the shorter name (the
			// copy is "… (1).markdown"), never stdin, which a knowledge
			// base cannot cite, and count the other's lines read.
			if path != "-" && (first.path == "-" || len(filepath.Base(path)) < len(filepath.Base(first.path))) {
				st.copies = append(st.copies, days[first.at].Log)
				days[first.at] = day
				keptOf[sum] = kept{first.at, path}
				left = append(left, copied{first.path, sum})
			} else {
				st.copies = append(st.copies, day.Log)
				left = append(left, copied{path, sum})
			}
		}
	}
	// One note for each file and the file its days were kept from.
	type pair struct{ copy, kept string }
	var pairs []pair
	copies := make(map[pair]int)
	for _, c := range left {
		p := pair{c.path, keptOf[c.sum].path}
		if copies[p] == 0 {
			pairs = append(pairs, p)
		}
		copies[p]++
	}
	for _, p := range pairs {
		if n := copies[p]; n == 1 {
			fmt.Fprintf(opts.notes(), "threads: %s: a day the same as in %s: read once\n", p.copy, p.kept)
		} else {
			fmt.Fprintf(opts.notes(), "threads: %s: %d days the same as in %s: read once\n", p.copy, n, p.kept)
		}
	}
	days, held, overlaps := readOverlapsOnce(days, opts.notes())
	st.copies = append(st.copies, held...)
	linkAcrossFiles(days, before, tok, opts.params)
	countOverlapsOnce(days, overlaps)
	return days, st
}

// linkAcrossFiles links the explicit replies that name a message of a day
// of another file of the same chat (a group exported week by week, the
// question of Sunday night in one file and Monday's reply in the next), as
// each file's days were linked among themselves: the days of one chat
// (chatOf: by chat ID, in any format; else by format, title and group)
// are taken in date order, each day's links to the days before are found again over
// all of them, and a day whose links changed is threaded again.
func linkAcrossFiles(days []digest.Day, before []*chatlog.Log, tok thread.Tokenizer, params thread.Params) {
	type member struct {
		log *chatlog.Log
		day int // index in days; -1 for a day before --since, only remembered
	}
	byChat := make(map[chatKey][]member)
	var keys []chatKey // in the order of days
	add := func(l *chatlog.Log, day int) {
		if l.Date == "" {
			return
		}
		k := chatOf(l)
		if _, ok := byChat[k]; !ok {
			keys = append(keys, k)
		}
		byChat[k] = append(byChat[k], member{l, day})
	}
	for i := range days {
		add(days[i].Log, i)
	}
	for _, l := range before {
		add(l, -1)
	}
	for _, k := range keys {
		ms := byChat[k]
		if !slices.ContainsFunc(ms, func(m member) bool { return m.log.Path != ms[0].log.Path }) {
			continue // one file: linked as it was read
		}
		// Days in order: by date, a day's halves in two files by their
		// first message, then by file.
		sort.SliceStable(ms, func(a, b int) bool { return readingOrder(ms[a].log, ms[b].log) < 0 })
		var linker thread.DayLinker
		for _, m := range ms {
			if m.day < 0 {
				linker.Remember(m.log, nil)
				continue
			}
			d := &days[m.day]
			if found := linker.Find(d.Log); !sameLinks(found, d.Earlier) {
				d.Earlier = found
				p := params
				p.Earlier = d.Earlier
				d.Result = thread.BuildWith(d.Log, tok, p)
			}
			linker.Remember(d.Log, d.Result)
		}
	}
}

// sameLinks reports whether two days' links to earlier days name the same
// messages alike.
func sameLinks(a, b map[int]thread.Earlier) bool {
	if len(a) != len(b) {
		return false
	}
	for i, x := range a {
		y, ok := b[i]
		if !ok || x.Date != y.Date || x.Index != y.Index || x.Line != y.Line || x.Answer != y.Answer || (x.Question == nil) != (y.Question == nil) {
			return false
		}
	}
	return true
}

// readingOrder compares two days of one chat in the order linkAcrossFiles
// reads them, and countOverlapsOnce counts their shared messages: by
// date, a day's halves in two files by their first message, then by file.
func readingOrder(a, b *chatlog.Log) int {
	if c := strings.Compare(a.Date, b.Date); c != 0 {
		return c
	}
	if ta, tb := firstTime(a), firstTime(b); !ta.Equal(tb) {
		return ta.Compare(tb)
	}
	return strings.Compare(a.Path, b.Path)
}

// firstTime is the time of the first message of log, the zero time when
// it has none.
func firstTime(log *chatlog.Log) time.Time {
	if len(log.Messages) == 0 {
		return time.Time{}
	}
	return log.Messages[0].Time
}

// dayFingerprint sums what makes a day's chat that day's: its format,
// date, group and title, and every message's time, sender, type and text.
// A day saved twice under two names ("2018-05-16-chat (1).markdown") sums
// the same, so the digest counts its askings once.
func dayFingerprint(log *chatlog.Log) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", log.Format, log.Date, log.Group, log.Title)
	for _, m := range log.Messages {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d:%s\x00", m.Time.Format(time.RFC3339Nano), m.Sender, m.Type, len(m.Text), m.Text)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// inRange reports whether a log has a day within since and until
// (inclusive; "" is no limit): its date, or for a log of several days (a
// Slack channel) the date of any of its messages. A log with no date is
// kept only when there is no limit.
func inRange(log *chatlog.Log, since, until string) bool {
	r := digest.Range{Since: since, Until: until}
	if log.Date != "" || len(log.Messages) == 0 {
		return r.Holds(log.Date)
	}
	return slices.ContainsFunc(log.Messages, func(m chatlog.Message) bool { return r.Holds(digest.MessageDate(log, &m)) })
}

// rangeDate checks the value of the date flag name and returns the date
// it means: a date as given (2018-05-04), or a month (2018-05) as its
// first day, or its last when last is set; "" stays "".
func rangeDate(name, val string, last bool) (string, error) {
	if val == "" {
		return "", nil
	}
	if m, err := time.Parse("2006-01", val); err == nil {
		if last {
			m = m.AddDate(0, 1, -1)
		}
		return m.Format("2006-01-02"), nil
	}
	if _, err := time.Parse("2006-01-02", val); err == nil {
		return val, nil
	}
	if m, err := time.Parse("2006-01", val[:min(len(val), 7)]); err == nil && len(val) == 10 && val[7] == '-' && isDigit(val[8]) && isDigit(val[9]) {
		if day, _ := strconv.Atoi(val[8:]); day > 0 {
			return "", usageError{fmt.Errorf("invalid `%s` %q: %s has %d days", name, val, m.Format("2006-01"), m.AddDate(0, 1, -1).Day())}
		}
	}
	return "", usageError{fmt.Errorf("invalid `%s` %q: want a date like 2018-05-04, or a month like 2018-05", name, val)}
}

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// problemAt writes problem, a digest.KBProblem's ("line 3: did not find
// expected key", or a message without a line), at path: "DIR/f.md:3: did
// not find expected key".
func problemAt(path, problem string) string {
	if rest, ok := strings.CutPrefix(problem, "line "); ok {
		return path + ":" + rest
	}
	return path + ": " + problem
}

// writeDigest writes the digest in the chosen format.
func writeDigest(opts *digestOptions, d *digest.Digest) error {
	if opts.Format == "kb" {
		res, err := digest.WriteKB(opts.Out, d)
		if err != nil {
			return err
		}
		notes := opts.notes()
		fmt.Fprintf(notes, "threads: %s: %s written, %d unchanged", opts.Out, mdtext.Plural(len(res.Written), "file"), len(res.Unchanged))
		if len(res.Merged) > 0 {
			fmt.Fprintf(notes, ", %d merged into other entries (their edits moved)", len(res.Merged))
		}
		if len(res.Stale) > 0 {
			fmt.Fprintf(notes, ", %s not in this run kept", mdtext.PluralOf(len(res.Stale), "entry", "entries"))
		}
		if len(res.Wider) > 0 {
			fmt.Fprintf(notes, ", %s with days this run did not read kept as they were", mdtext.PluralOf(len(res.Wider), "entry", "entries"))
		}
		fmt.Fprintln(notes)
		if len(res.Gone) > 0 {
			fmt.Fprintf(opts.io.Err, "threads: %s: the entries kept name day files that are not there from here (%d; the first %s): if the archive moved or was renamed, run over it where those paths name its files (or through a link of the old name), so that their entries are read again\n", opts.Out, len(res.Gone), res.Gone[0])
		}
		if res.Unread > 0 {
			fmt.Fprintf(opts.io.Err, "threads: %s: questions are merged only across the days one run reads, so this run's were not compared with the %s it kept of days it did not read: to add a question asked again to its entry, run over the whole archive\n", opts.Out, mdtext.PluralOf(res.Unread, "entry", "entries"))
		}
		for _, name := range res.NoMarker {
			fmt.Fprintf(opts.io.Err, "threads: %s: no marker line, left unchanged\n", filepath.Join(opts.Out, name))
		}
		for _, m := range res.Renamed {
			fmt.Fprintf(opts.io.Err, "threads: %s: its questions joined another entry, whose file %s now holds its notes; the file and its name are gone (rename %s if you want that name back)\n", filepath.Join(opts.Out, m.Name), filepath.Join(opts.Out, m.Into), m.Into)
		}
		for _, f := range res.BadFrontMatter {
			fmt.Fprintf(opts.io.Err, "threads: %s; the front matter is no valid YAML, so the file is left unchanged and its entry not regenerated (fix the YAML and run again)\n", problemAt(filepath.Join(opts.Out, f.Name), f.Problem))
		}
		for _, f := range res.Skipped {
			path := filepath.Join(opts.Out, f.Name)
			if f.Problem != "" {
				fmt.Fprintf(opts.io.Err, "threads: %s; the front matter is no valid YAML, so no entry id could be read: left as it is and out of index.md (fix the YAML)\n", problemAt(path, f.Problem))
				continue
			}
			if f.Entry == "" {
				fmt.Fprintf(opts.io.Err, "threads: %s: no entry id in its front matter, so no entry file: left as it is and out of index.md, and its notes go to no entry (give it the id of its entry, or move it out of the folder)\n", path)
			} else {
				fmt.Fprintf(opts.io.Err, "threads: %s: a second file of entry %s, whose file is %s: left as it is and out of index.md, and its notes go to no entry (move them into %s and remove it)\n", path, f.Entry, filepath.Join(opts.Out, f.File), f.File)
			}
		}
		return nil
	}
	var buf bytes.Buffer
	var err error
	switch opts.Format {
	case "json":
		err = digest.WriteJSON(&buf, d)
	case "html":
		err = digest.WriteHTML(&buf, d)
	default:
		err = digest.WriteMarkdown(&buf, d)
	}
	if err != nil {
		return err
	}
	if opts.Out == "" {
		_, err = opts.io.Out.Write(buf.Bytes())
		return err
	}
	return atomicfile.Write(opts.Out, buf.Bytes())
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// A progress line on the error stream: files done of total and the rate,
// rewritten in place at most every tenth of a second.
type progress struct {
	w           io.Writer
	on          bool
	done, total int
	shown       int // the count last printed
	start, last time.Time
}

func newProgress(w io.Writer, on bool, total int) *progress {
	now := time.Now()
	return &progress{w: w, on: on, total: total, start: now, last: now}
}

// step counts one file done.
func (p *progress) step() {
	p.done++
	if !p.on {
		return
	}
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond || p.done == p.total {
		p.last = now
		p.print()
	}
}

func (p *progress) print() {
	p.shown = p.done
	rate := float64(p.done) / max(time.Since(p.start).Seconds(), 1e-3)
	fmt.Fprintf(p.w, "\rthreads digest: %d/%d files, %.1f files/s", p.done, p.total, rate)
}

// finish ends the progress line.
func (p *progress) finish() {
	if p.on && p.total > 0 {
		if p.shown != p.done {
			p.print()
		}
		fmt.Fprintln(p.w)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// pageLang is the --lang value as digest.Options takes it: "" for auto.
func pageLang(lang string) string {
	if lang == "auto" {
		return ""
	}
	return lang
}
