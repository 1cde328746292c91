package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cocolian/threads/internal/thread"
	"github.com/cocolian/threads/internal/uitext"
)

// extractOptions are the flags and arguments of `threads extract`.
type extractOptions struct {
	io          *streams
	Inputs      []string       // files or folders to read; "-" is stdin
	Format      string         // output format: markdown or json
	InputFormat string         // input format name, "" to detect
	Zone        *time.Location // --timezone: the zone of the message times, nil for each format's own
	Output      string         // output file, "" for stdout
	Explain     bool           // add link evidence
	Jobs        int            // inputs processed at once; 0 for one per CPU
	Verbose     bool           // say which files of a folder were skipped
	Model       string         // link-scorer weights file, "" for the embedded model
	Lang        string         // --lang: the Markdown FAQ's own words, en, zh or auto

	params   thread.Params // threading parameters, with the model loaded
	kinds    *modelKinds   // the formats threaded with --model, to warn of another kind of chat
	withPath bool          // several inputs, or a Slack folder's channels: link lines name their file
}

func newExtractCmd(io *streams, runF func(*extractOptions) error) *cobra.Command {
	opts := &extractOptions{io: io}
	cmd := &cobra.Command{
		Use:   "extract [FILE|DIR...]",
		Short: "Thread chat logs and write JSON or a Markdown FAQ",
		Long: `Read each FILE (or stdin when there is none or FILE is "-"), split it into
threads with reply-to links and question/answer roles, and write the result.
With several inputs, or a folder, JSON output is an array in argument
order (even when only one of them could be read); with one file, an array
only when the file holds several days. When no input could be read, JSON
output is [] (an -o file is left as it was).

A file whose messages span several calendar days is threaded one day at a
time, each day one object (or Markdown section) of its own: source.date is
the day, index counts from 0 in the day, line is still the file's line.
Only a message dated later than the day being read starts a new day (an
earlier one stays in it, in file order); files without dates, IRC logs and
Slack channels stay one log. Files in the "stream" formats (see threads
formats) are read as they are threaded, holding one day at a time.

Times: clocks written without a zone (WhatsApp, IRC, a Telegram record
without date_unixtime, and the WeChat exports' cocolian, chatlog text and
CSV, MemoTrace TXT) are read in the format's zone, China time (+08:00)
for WeChat and UTC for the others, or in --timezone ZONE, the chat's
zone, as written. Instants (unix
seconds, or times with an offset: WeFlow, ChatLab, MemoTrace CSV,
Telegram, Discord, Slack, chatlog JSON) are shown in --timezone, so that
their clock, and the day a message falls on and files are cut by, may
change. A clock without a date (an IRC log whose name holds none) gets
the zone's standard offset; a clock that a change of daylight saving time
skips or repeats is read in one of the offsets around it.

A DIR is read recursively, its files in name order: those whose content is a
chat log in a known format (see threads formats) are threaded and the others
skipped (--verbose names them; with --input-format every file is read in that
format). Hidden files and folders are left out; symbolic links to folders
are followed, each folder read once; a Slack export folder, or its zip, is one input, and a WhatsApp chat zip is read as its chat file. Inputs are threaded in parallel and written in order as they finish,
so a whole archive streams through in little memory; -j larger than the
number of inputs runs one job per input.

The Markdown FAQ's own words (headings, labels, counts) are English or
Simplified Chinese: --lang en or zh, or auto (the default): zh for a day
when most of its messages that have letters have Chinese characters (an
ok or T+1 alone does not count), so a Chinese chat gives a Chinese FAQ;
--lang en for English. JSON and links are the same in every language.

The -o file is written to a temporary file beside it and renamed over it
at the end, so it is never seen half-written; it gets the mode a shell
redirect would give it (a new file follows the umask, a file that exists
keeps its mode, a symbolic link is written where it points, a read-only
file is refused); -o - is stdout. An -o file that is one of the inputs
(however it is reached), or a chat log in an input folder, is refused
(exit 2), and an interrupt or SIGTERM removes the temporary file.`,
		Example: "  threads extract testdata/sample-day.markdown\n" +
			"  threads extract --format json -o day.json day.markdown\n" +
			"  threads extract --format json -o archive.json ~/chats/\n" +
			"  threads extract --timezone Europe/Berlin \"WhatsApp Chat with Team.txt\"",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if len(opts.Inputs) == 0 {
				opts.Inputs = []string{"-"}
			}
			opts.Output = outputPath(opts.Output)
			if opts.Format != "markdown" && opts.Format != "json" && opts.Format != "links" {
				return usageError{fmt.Errorf("invalid `--format` %q: use markdown, json or links", opts.Format)}
			}
			if opts.Explain && opts.Format == "links" {
				return usageError{errors.New("`--explain` has no place in `--format links` (bare X Y - lines): use json or markdown to see the evidence")}
			}
			if err := checkInputFormat(opts.InputFormat); err != nil {
				return err
			}
			if err := checkLang(opts.Lang); err != nil {
				return err
			}
			if opts.Jobs < 0 {
				return usageError{fmt.Errorf("invalid `--jobs` %d: use a positive number, or 0 for one per CPU", opts.Jobs)}
			}
			if runF != nil {
				return runF(opts)
			}
			return extractRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "markdown", "output format: `markdown`, json, or links (Kummerfeld's \"X Y -\" reply links)")
	cmd.Flags().StringVar(&opts.Model, "model", "", "link-scorer weights `FILE` from `threads train` (default: embedded)")
	addInputFormatFlag(cmd, &opts.InputFormat)
	addTimezoneFlag(cmd, &opts.Zone)
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (atomically) instead of stdout (- for stdout)")
	cmd.Flags().BoolVar(&opts.Explain, "explain", false, "add the evidence behind every reply link")
	cmd.Flags().IntVarP(&opts.Jobs, "jobs", "j", 0, "thread `N` inputs at once (default: one per CPU)")
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "name the files of a folder that were skipped")
	addLangFlag(cmd, &opts.Lang, "`LANG` of the Markdown FAQ's own words (headings, labels, counts): en, zh, or auto (zh for a day when most of its messages with letters have Chinese characters, else en)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"markdown", "json", "links"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// addLangFlag adds --lang, the language of an output's own words, to cmd:
// auto (the default) or one of uitext.Langs.
func addLangFlag(cmd *cobra.Command, lang *string, usage string) {
	cmd.Flags().StringVar(lang, "lang", "auto", usage)
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(append([]string{"auto"}, uitext.Langs...), cobra.ShellCompDirectiveNoFileComp))
}

// checkLang refuses a --lang value that is neither auto nor one of
// uitext.Langs.
func checkLang(lang string) error {
	if lang != "auto" && !slices.Contains(uitext.Langs, lang) {
		return usageError{fmt.Errorf("invalid `--lang` %q: use auto, %s", lang, strings.Join(uitext.Langs, ", "))}
	}
	return nil
}

// gcPercent is the garbage collector's target when GOGC is not set.
// Threading allocates a lot of short-lived memory around a live heap of a
// few megabytes (the segmenter's maps and the days in flight), so with Go's
// default of 100 the collector runs every few megabytes; at 200 it takes
// about 15% less CPU time over the whole corpus, for about 10 MB more peak
// memory, and at 400 the corpus three times over takes about 8% less wall
// time again (nine alternated runs, medians 617 ms against 673 ms) for
// about 20 MB more (72 MB against 50 MB; one day stays at 26 MB).
const gcPercent = 400

// skippedNote follows the path of a folder's file that is in no known
// format, when extract (with --verbose) or digest names it, so that both
// word the note alike.
const skippedNote = "skipped: not a chat log in a known format"

// skippedPerFolder is how many skipped files of one folder are named one
// by one; the others are counted (a knowledge base's hundreds of entries
// kept inside the archive folder).
const skippedPerFolder = 3

// skippedNotes writes the notes for the files skipped as no chat log: each
// of the first skippedPerFolder of a folder by name, then, at finish, how
// many more each folder had.
type skippedNotes struct {
	w     io.Writer
	count map[string]int // skipped files by folder
	order []string       // the folders, in the order first seen
}

// note notes path as skipped.
func (s *skippedNotes) note(path string) {
	dir := filepath.Dir(path)
	if s.count == nil {
		s.count = make(map[string]int)
	}
	if s.count[dir] == 0 {
		s.order = append(s.order, dir)
	}
	s.count[dir]++
	if s.count[dir] <= skippedPerFolder {
		fmt.Fprintf(s.w, "threads: %s: %s\n", path, skippedNote)
	}
}

// finish writes how many more files each folder had skipped.
func (s *skippedNotes) finish() {
	for _, dir := range s.order {
		if more := s.count[dir] - skippedPerFolder; more > 0 {
			fmt.Fprintf(s.w, "threads: %s: %d more files skipped: not chat logs in a known format\n", dir, more)
		}
	}
}

// extractRun parses, threads and exports every input; an input that fails is
// reported on the error stream and the others are still processed.
func extractRun(opts *extractOptions) error {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	seg, err := loadSegmenter()
	if err != nil {
		return err
	}
	if opts.params, err = paramsWith(opts.Model); err != nil {
		return err
	}
	opts.kinds = newModelKinds(opts.io.Err, opts.Model, opts.params.Model)
	defer opts.kinds.warn()
	// The -o file, in an input folder, is no input.
	inputs, folders, walkErrs := expandInputs(opts.Inputs, opts.Output)
	opts.withPath = len(inputs) > 1 || len(inputs) == 1 && isSlackExport(inputs[0].path) // a Slack export's channels are logs of their own
	found := make([]bool, len(folders))                                                  // a folder held a chat log
	if err := checkOutputNotInput(opts.Output, inputs, opts.io.In); err != nil {
		return err
	}
	if err := checkOutputNotWalkedLog(opts.Output, opts.Inputs); err != nil {
		return err
	}
	out, err := openOutput(opts)
	if err != nil {
		return err
	}
	defer out.abort()
	jobs := opts.Jobs
	if jobs == 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	var sink daySink
	switch opts.Format {
	case "json":
		sink = &jsonSink{w: out.w, array: len(opts.Inputs) > 1 || len(folders) > 0}
	case "links":
		sink = &markdownSink{w: out.w, plain: true}
	default:
		sink = &markdownSink{w: out.w}
	}
	failed, total := 0, 0
	report := func(err error) {
		printErrors(opts.io.Err, err)
		failed++
		total++
	}
	for _, err := range walkErrs {
		report(err)
	}
	var writeErr error
	process := func(in input, send func([]byte) bool) result { return processInput(in, opts, seg, send) }
	emitDay := func(in input, day []byte) bool {
		if in.folder >= 0 {
			found[in.folder] = true
		}
		if err := sink.add(day); err != nil {
			writeErr = err
			return false
		}
		return true
	}
	emit := func(in input, r result) bool {
		switch {
		case r.skipped:
			if opts.Verbose {
				fmt.Fprintf(opts.io.Err, "threads: %s: %s\n", in.path, skippedNote)
			}
			return true
		case r.err != nil:
			report(r.err)
			return true
		}
		total++
		if in.folder >= 0 {
			found[in.folder] = true
		}
		return true
	}
	runOrdered(inputs, jobs, process, emitDay, emit)
	if writeErr == nil {
		for _, err := range emptyFolders(folders, found, "see threads formats; --verbose names the files skipped") {
			report(err)
		}
	}
	if writeErr == nil {
		writeErr = sink.finish()
	}
	// No day read: stdout still gets valid JSON, an empty array, for a
	// pipe; an -o file is left as it was.
	emptyJSON := sink.count() == 0 && opts.Format == "json" && opts.Output == ""
	if writeErr == nil && emptyJSON {
		_, writeErr = io.WriteString(out.w, "[]\n")
	}
	if writeErr == nil && (sink.count() > 0 || emptyJSON) {
		writeErr = out.commit()
	}
	if writeErr != nil {
		return writeErr
	}
	if failed > 0 {
		return &partialError{failed: failed, total: total}
	}
	return nil
}
