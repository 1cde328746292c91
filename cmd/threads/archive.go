package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cocolian/threads/internal/atomicfile"
	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/export"
	"github.com/cocolian/threads/internal/segment"
	"github.com/cocolian/threads/internal/thread"
)

// An input is one log to read: a path given on the command line, or a file
// found in a folder given on the command line.
type input struct {
	path   string
	folder int  // index of the folder argument it was found in, -1 for none
	walked bool // found in a folder: skipped unless it is a chat log
}

// expandInputs replaces every folder argument by the files in it,
// recursively and in name order, leaving out hidden files and folders, and
// returns the folders. A Slack export folder stays one input. Parts of
// folders that cannot be read are returned as errors. The files and folders
// of skip (the command's own output: a file, or a knowledge-base folder)
// are left out when a walk reaches them, however they are spelt (the same
// file, as os.SameFile tells); arguments that name them are kept.
func expandInputs(args []string, skip ...string) (inputs []input, folders []string, errs []error) {
	var skipped []os.FileInfo
	for _, p := range skip {
		if st, err := os.Stat(p); err == nil { // an output not written yet is not there to read
			skipped = append(skipped, st)
		}
	}
	// isOutput reports whether the walk reached one of skip at path.
	isOutput := func(path string, d fs.DirEntry) bool {
		for _, out := range skipped {
			if d.Name() != out.Name() {
				continue // a cheap test first: the same file has the same name, unless linked
			}
			if st, err := os.Stat(path); err == nil && os.SameFile(st, out) {
				return true
			}
		}
		return false
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if arg == "-" || err != nil || !st.IsDir() || chatlog.IsSlackDir(arg) {
			inputs = append(inputs, input{path: arg, folder: -1})
			continue
		}
		folder := len(folders)
		folders = append(folders, arg)
		err = walkFollowingLinks(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &chatlog.ParseError{Path: path, Msg: "cannot read folder", Err: unwrapPathError(err)})
				return nil
			}
			if path != arg && (strings.HasPrefix(d.Name(), ".") || isOutput(path, d)) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != arg && chatlog.IsSlackDir(path) {
					inputs = append(inputs, input{path: path, folder: folder})
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				// A symbolic link is followed when it leads to a file.
				if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
					return nil
				}
			}
			inputs = append(inputs, input{path: path, folder: folder, walked: true})
			return nil
		})
		if err != nil {
			errs = append(errs, &chatlog.ParseError{Path: arg, Msg: "cannot read folder", Err: err})
		}
	}
	return inputs, folders, errs
}

// walkFollowingLinks walks the folder root as filepath.WalkDir does, in
// name order, but follows symbolic links to folders, root's own included
// (a corpus linked in from elsewhere is read, not skipped): fn sees such a
// link as the folder it leads to, under the link's path, and may skip it
// with filepath.SkipDir. A folder is walked once however many links lead to
// it, which also ends a link that leads back up the tree.
func walkFollowingLinks(root string, fn fs.WalkDirFunc) error {
	// Folders are known by their absolute paths with links resolved, which
	// is how WalkDir spells every folder under a resolved root.
	walked := make(map[string]bool)
	var walk func(shown, real string, linked bool) error
	walk = func(shown, real string, linked bool) error {
		walked[real] = true
		return filepath.WalkDir(real, func(path string, d fs.DirEntry, err error) error {
			at := shown // the path under the name it was reached by
			if path != real {
				rel, rerr := filepath.Rel(real, path)
				if rerr != nil {
					return rerr
				}
				at = filepath.Join(shown, rel)
			} else if linked && err == nil {
				return nil // fn has seen the folder as the link to it
			}
			if err != nil {
				return fn(at, d, err)
			}
			if d.Type()&fs.ModeSymlink != 0 {
				st, serr := os.Stat(path)
				if serr != nil || !st.IsDir() {
					return fn(at, d, nil) // a link to a file, or a broken one: fn decides
				}
				if err := fn(at, fs.FileInfoToDirEntry(st), nil); err != nil {
					if err == filepath.SkipDir {
						return nil
					}
					return err
				}
				target, err := filepath.EvalSymlinks(path)
				if err != nil {
					return fn(at, d, err)
				}
				if walked[target] {
					return nil
				}
				return walk(at, target, true)
			}
			if d.IsDir() && path != real {
				if walked[path] {
					return filepath.SkipDir
				}
				err := fn(at, d, nil)
				if err == nil {
					walked[path] = true // a folder fn skips (a hidden one) may still be walked through a link
				}
				return err
			}
			return fn(at, d, nil)
		})
	}
	// Links first, then "..", as the system reads a path; then the working
	// folder's own links, which filepath.Abs keeps.
	real, err := filepath.EvalSymlinks(root)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err == nil {
		real, err = filepath.EvalSymlinks(real)
	}
	if err != nil {
		real = root // WalkDir reports it
	}
	return walk(root, real, false)
}

// checkOutputNotInput returns a usage error when output (the -o file, ""
// for none) is the same file as one of the inputs, however either is spelt
// (a symbolic or hard link, a folder walked to it, stdin redirected from
// it), so that an input is never replaced by what was made from it. An
// output that does not exist yet is none of them.
func checkOutputNotInput(output string, inputs []input, stdin io.Reader) error {
	if output == "" {
		return nil
	}
	out, err := os.Stat(output)
	if err != nil {
		return nil
	}
	for _, in := range inputs {
		if st := inputInfo(in.path, stdin); st != nil && os.SameFile(st, out) {
			name := in.path
			if name == "-" {
				name = "stdin"
			}
			return usageError{fmt.Errorf("`-o` %s is the same file as the input %s: writing it would replace the input; give another output file", output, name)}
		}
	}
	return nil
}

// checkOutputNotWalkedLog returns a usage error when output (the -o file, ""
// for none) is a chat log that a folder among args holds. The walk leaves
// the command's own output out, so that a digest or an extract written into
// the folder it reads is not read back; a chat log there would be left out
// the same way and then replaced by the output.
func checkOutputNotWalkedLog(output string, args []string) error {
	if output == "" {
		return nil
	}
	out, err := os.Stat(output)
	if err != nil || !out.Mode().IsRegular() {
		return nil
	}
	if ok, _ := isChatLog(output); !ok {
		return nil
	}
	all, folders, _ := expandInputs(args)
	for _, in := range all {
		if st, err := os.Stat(in.path); err == nil && in.walked && os.SameFile(st, out) {
			return usageError{fmt.Errorf("`-o` %s is a chat log in the input folder %s: writing the output would replace it; give another output file", output, folders[in.folder])}
		}
	}
	return nil
}

// inputInfo returns what os.Stat tells of the input at path ("-": stdin,
// when it is a file), or nil when it cannot tell.
func inputInfo(path string, stdin io.Reader) os.FileInfo {
	if path != "-" {
		st, _ := os.Stat(path)
		return st
	}
	if f, ok := stdin.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			return st
		}
	}
	return nil
}

// emptyFolders returns an error for each folder of the command line in
// which no chat log was found (held[i] is false for folders[i]); hint says
// where to look further. A folder of Slack day files is one channel of an
// export, whose folder is what to pass.
func emptyFolders(folders []string, held []bool, hint string) []error {
	var errs []error
	for i, dir := range folders {
		switch {
		case held[i]:
		case chatlog.IsSlackChannelDir(dir):
			export := "the export folder, the one with channels.json and users.json,"
			if parent := filepath.Dir(filepath.Clean(dir)); chatlog.IsSlackDir(parent) {
				export = "the export folder " + parent
			}
			errs = append(errs, fmt.Errorf("%s: looks like one channel of a Slack export (YYYY-MM-DD.json day files): pass %s instead", dir, export))
		default:
			errs = append(errs, fmt.Errorf("%s: no chat log in a known format in this folder (%s)", dir, hint))
		}
	}
	return errs
}

// printErrors writes err to w after "threads: ", each of the errors it
// joins (errors.Join: the files of a Slack export that could not be read)
// on a line of its own.
func printErrors(w io.Writer, err error) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			printErrors(w, e)
		}
		return
	}
	fmt.Fprintln(w, "threads:", err)
}

// unwrapPathError returns the cause of a *fs.PathError, whose path the
// ParseError already names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// A result is what became of one input once its days have been sent: why
// it gave none or stopped part-way.
type result struct {
	err     error // the input could not be read or parsed (after the days sent before the error)
	skipped bool  // a file found in a folder that is no chat log
}

// processInput reads, threads and renders one input, handing each rendered
// day to send (JSON as export.WriteJSONElement writes it, Markdown as
// WriteMarkdown writes one day alone) as soon
// as it is done; send returns false when the output wants no more. Each
// log eachLog reads is threaded alone: a calendar day of a file, or a
// Slack channel.
func processInput(in input, opts *extractOptions, seg *segment.Segmenter, send func([]byte) bool) result {
	if in.walked && opts.InputFormat == "" {
		ok, err := isChatLog(in.path)
		if err != nil {
			return result{err: err}
		}
		if !ok {
			return result{skipped: true}
		}
	}
	var linker thread.DayLinker // the chat's days, for replies to an earlier one
	lastChat := 0
	render := func(log *chatlog.Log, offset, chat int) error {
		opts.kinds.add(log.Format)
		if chat != lastChat {
			linker, lastChat = thread.DayLinker{}, chat // IDs are the chat's own
		}
		day, err := renderDay(log, offset, opts, seg, &linker)
		if err != nil {
			return fmt.Errorf("%s: %w", in.path, err)
		}
		if !send(day) {
			return errStopped
		}
		return nil
	}
	return stopResult(eachLog(in.path, opts.InputFormat, opts.Zone, opts.io.In, render))
}

// eachLog reads the input at path ("-" is stdin) in format ("" to detect),
// its times in zone (nil for each format's own, see chatlog.ParseIn), and
// hands each of its logs to flush as soon as it is read, with the file
// index of its first message: a Slack export folder (or zip) gives one log
// per channel (those that could be read, when some of its files could not:
// the error, for them, comes after), and a file is read with
// chatlog.ScanEachFileIn, each of its logs (its one log, or each chat of a
// Telegram all-chats export, numbered on from the chat before) cut into
// the calendar days of its times as shown by a daySplitter, so that only
// one day is held. flush is also given the log's chat: 0 for the first
// chat (or channel) of the input, 1 for the next, the days of one chat
// sharing it. With THREADS_NOSTREAM=1 in the environment a file is
// parsed whole and cut into no days, as before days were split (for
// benchmarks).
func eachLog(path, format string, zone *time.Location, stdin io.Reader, flush func(log *chatlog.Log, offset, chat int) error) error {
	slack := (format == "" || format == "slack") && isSlackExport(path)
	if os.Getenv("THREADS_NOSTREAM") == "1" || slack {
		logs, err := chatlog.ParsePathIn(path, format, zone, stdin)
		offset := 0 // the chats of a Telegram all-chats export number on, as streamed; Slack channels each from 0
		for chat, log := range logs {
			if err := flush(log, offset, chat); err != nil {
				return err
			}
			if !slack {
				offset += len(log.Messages)
			}
		}
		return err
	}
	base, n, chats := 0, 0, 0 // the file index of the log's first message, the messages of the log so far, the chats before it
	splitter := func() *daySplitter {
		first, chat := base, chats
		return &daySplitter{flush: func(log *chatlog.Log, offset int) error { return flush(log, first+offset, chat) }}
	}
	sp := splitter()
	return chatlog.ScanEachFileIn(path, format, zone, stdin, func(log *chatlog.Log, m chatlog.Message) error {
		n++
		return sp.add(log, m)
	}, func(final *chatlog.Log) error {
		err := sp.finish(final)
		base, n, chats = base+n, 0, chats+1
		sp = splitter()
		return err
	})
}

// isSlackExport reports whether the input at path is a Slack export: a
// folder, or its zip archive.
func isSlackExport(path string) bool {
	return path != "-" && (chatlog.IsSlackDir(path) || chatlog.IsSlackZip(path))
}

// errStopped says the output wants no more days.
var errStopped = errors.New("output stopped")

// stopResult is the result of an input that ended with err (nil or
// errStopped for none).
func stopResult(err error) result {
	if err == nil || errors.Is(err, errStopped) {
		return result{}
	}
	return result{err: err}
}

// renderDay threads one log and renders it in the output format; offset is
// the file index of its first message (link lines number messages in the
// file, not the day); linker holds the input's days before it, to which
// its messages may reply.
func renderDay(log *chatlog.Log, offset int, opts *extractOptions, seg *segment.Segmenter, linker *thread.DayLinker) ([]byte, error) {
	res, earlier := linker.Build(log, seg, opts.params)
	days := []export.Day{{Log: log, Result: res, Earlier: earlier}}
	eo := export.Options{Explain: opts.Explain, Lang: opts.Lang}
	var buf bytes.Buffer
	var err error
	switch opts.Format {
	case "json":
		err = export.WriteJSONElement(&buf, days[0], eo)
	case "links":
		err = export.WriteDayLinks(&buf, days[0], opts.withPath, offset)
	default:
		err = export.WriteMarkdown(&buf, days, eo)
	}
	return buf.Bytes(), err
}

// A daySplitter cuts the messages of one input, as chatlog.Scan emits
// them, into calendar days (the date of the message's time as shown: in
// its format's zone, or in --timezone) and hands each day to flush as a
// log of its own: the input's metadata with Date the day and Messages the
// day's messages, Index counting from 0 in the day and Line still the
// source line. Only a
// message dated later than the day being collected starts a new one; a
// message dated earlier (a clock set back, an export out of order) stays
// in the day being collected, in file order, and messages without a date
// (0001-01-01) never cut. So an input without dates, an IRC log, whose
// dates come from its file name, and a cocolian day archive, one day by its
// front matter even when the chat ran on past midnight, stay one log. When no cut happens the
// input is one log exactly as chatlog.Parse gives it.
//
// A day runs on past midnight for the explicit replies to it (a Telegram
// or Discord reply, whose link a cut would lose) and for WeChat's, which
// name a sender of the day by quote or @mention (namesDay): while the day
// holds messages with ids, or its last message is at most mentionCarry
// old, the messages of the next date wait, and one that replies to the
// day keeps itself and every message before it in the day. Only the date right after the day's runs on into it, for
// at most maxCarry messages. The wait ends, and the day is cut before the
// messages still waiting, at the first pause of carryPause (the pause
// before the first of them included), a message of a later date still,
// the maxCarry-th message after midnight, or the end of the input.
type daySplitter struct {
	flush func(log *chatlog.Log, offset int) error

	cur    []chatlog.Message // the messages of the day being collected
	day    string            // its date as YYYY-MM-DD, "" while none of its messages has one
	first  int               // file index of cur[0]
	cuts   int               // days flushed
	nodays bool              // the format is one day a file (IRC, cocolian)

	ids     map[string]bool      // the ids of the messages in cur
	spoke   map[string]time.Time // when each sender of cur last spoke in it
	next    []chatlog.Message    // messages of the next date waiting to be cut or carried, Index as in the file
	nextDay string               // their date
	last    time.Time            // the time of the last dated message added
	over    int                  // messages of the next date that replies kept in the day
}

// carryPause and maxCarry bound how long a day runs on past midnight: the
// first pause this long, or this many messages after midnight, end it.
// A reply by @mention or quote (WeChat's, which carry no id) keeps the day
// on only within mentionCarry of the last words of the one it names.
const (
	carryPause   = time.Hour
	maxCarry     = 1000
	mentionCarry = 30 * time.Minute
)

// add takes the next message of the input; it is a chatlog.EmitFunc.
func (s *daySplitter) add(log *chatlog.Log, m chatlog.Message) error {
	if m.Index == 0 && (log.Format == chatlog.FormatIRC || log.Format == chatlog.FormatCocolian) {
		s.nodays = true
	}
	if s.nodays || m.Time.Year() <= 1 {
		if len(s.next) > 0 {
			s.next = append(s.next, m)
		} else {
			s.keep(m)
		}
		return nil
	}
	d := m.Time.Format("2006-01-02")
	gap := m.Time.Sub(s.last)
	pause := gap >= carryPause
	s.last = m.Time
	if len(s.next) > 0 && (d > s.nextDay || pause || s.over+len(s.next) >= maxCarry) {
		if err := s.cutBeforeNext(log); err != nil {
			return err
		}
	}
	switch {
	case s.day == "":
		s.day = d
	case len(s.next) > 0 || d > s.day:
		if len(s.next) == 0 {
			if len(s.ids) == 0 && gap > mentionCarry || pause || d != dayAfter(s.day) || s.over >= maxCarry {
				// No reply can reach back into this day.
				if err := s.cut(log); err != nil {
					return err
				}
				s.first = m.Index
				s.day = d
				break
			}
			s.nextDay = d
		}
		s.next = append(s.next, m)
		if s.ids[m.ReplyToID] || s.namesDay(m) {
			// A reply to the day: it and the messages before it stay in the day.
			for _, w := range s.next {
				s.keep(w)
			}
			s.over += len(s.next)
			s.next = s.next[:0]
		}
		return nil
	}
	s.keep(m)
	return nil
}

// namesDay reports whether m, a message of the next date, replies to the
// day by naming one of its senders who has not spoken since midnight (a
// reply would then name that turn): a quote of such a sender, or an
// @mention of one who spoke in the day at most mentionCarry before m.
// WeChat's replies are such, with no id.
func (s *daySplitter) namesDay(m chatlog.Message) bool {
	quietSince := func(name string) bool {
		return !slices.ContainsFunc(s.next, func(w chatlog.Message) bool { return w.Sender == name })
	}
	if m.Quote != nil {
		if _, ok := s.spoke[m.Quote.Sender]; ok && quietSince(m.Quote.Sender) {
			return true
		}
	}
	for _, name := range m.Mentions {
		name = strings.TrimSpace(name)
		last, ok := s.spoke[name]
		if ok && m.Time.Sub(last) <= mentionCarry && quietSince(name) {
			return true
		}
	}
	return false
}

// dayAfter returns the date after day, both YYYY-MM-DD.
func dayAfter(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, 1).Format("2006-01-02")
}

// keep adds m to the day being collected.
func (s *daySplitter) keep(m chatlog.Message) {
	if m.ID != "" {
		if s.ids == nil {
			s.ids = make(map[string]bool)
		}
		s.ids[m.ID] = true
	}
	if m.Sender != "" && !m.Time.IsZero() {
		if s.spoke == nil {
			s.spoke = make(map[string]time.Time)
		}
		s.spoke[m.Sender] = m.Time
	}
	m.Index -= s.first
	s.cur = append(s.cur, m)
}

// cutBeforeNext flushes the day collected so far and starts the next with
// the messages waiting for it.
func (s *daySplitter) cutBeforeNext(meta *chatlog.Log) error {
	if err := s.cut(meta); err != nil {
		return err
	}
	s.first = s.next[0].Index
	s.day = s.nextDay
	for _, w := range s.next {
		s.keep(w)
	}
	s.next = s.next[:0]
	return nil
}

// cut flushes the day collected so far with the metadata known now.
func (s *daySplitter) cut(meta *chatlog.Log) error {
	log := *meta
	log.Date = s.day
	log.Messages = s.cur
	s.cur = nil
	s.ids = nil
	s.spoke = nil
	s.over = 0
	s.cuts++
	return s.flush(&log, s.first)
}

// finish flushes the last day, given the input's complete metadata.
func (s *daySplitter) finish(meta *chatlog.Log) error {
	if len(s.next) > 0 {
		if err := s.cutBeforeNext(meta); err != nil {
			return err
		}
	}
	if s.cuts == 0 {
		// One day (or no dates): the log as chatlog.Parse gives it, dated
		// by its first day when replies carried it past midnight.
		log := *meta
		if s.over > 0 {
			log.Date = s.day
		}
		log.Messages = s.cur
		if log.Messages == nil {
			log.Messages = make([]chatlog.Message, 0)
		}
		s.cur = nil
		return s.flush(&log, 0)
	}
	return s.cut(meta)
}

// isChatLog reports whether the file at path starts like a chat log in a
// format that detection knows, or is a zip archive of a Slack export or of
// one such chat log.
func isChatLog(path string) (bool, error) {
	if chatlog.IsZip(path) {
		return chatlog.IsChatZip(path), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, &chatlog.ParseError{Path: path, Msg: "cannot open input", Err: unwrapPathError(err)}
	}
	defer f.Close()
	dec, _ := chatlog.Decode(f)
	head := make([]byte, 8*1024)
	n, err := io.ReadFull(dec, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return false, &chatlog.ParseError{Path: path, Msg: "cannot read input", Err: err}
	}
	return chatlog.Detect(head[:n]) != "", nil
}

// inFlight is how many results per job may wait to be emitted: enough that
// a slow day holds the others up only once they are this far ahead.
const inFlight = 4

// runOrdered calls process on every input, on up to jobs goroutines, and
// hands what they produce on in input order: emitDay gets each day an input
// sends, as soon as it and every day of the inputs before it are ready,
// and emit the input's result once its days are done. At most inFlight*jobs
// inputs wait to be emitted, each holding at most one finished day while it
// works on the next, so memory grows neither with the number of inputs nor
// with the number of days in one. Once emitDay or emit returns false, the
// inputs not yet started are no longer processed (process is not called),
// send returns false to those running, and neither is called again.
func runOrdered(inputs []input, jobs int, process func(in input, send func([]byte) bool) result, emitDay func(input, []byte) bool, emit func(input, result) bool) {
	type job struct {
		in   input
		days chan []byte
		out  chan result
	}
	jobs = workers(jobs, len(inputs))
	jobsCh := make(chan job)
	pending := make(chan job, min(inFlight*jobs, len(inputs))) // in input order; bounds the results in flight
	var mu sync.Mutex
	stopped := false
	isStopped := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return stopped
	}
	go func() {
		defer close(jobsCh)
		defer close(pending)
		for _, in := range inputs {
			if isStopped() {
				return
			}
			j := job{in: in, days: make(chan []byte, 1), out: make(chan result, 1)}
			pending <- j
			jobsCh <- j
		}
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobsCh {
				if isStopped() {
					close(j.days)
					j.out <- result{}
					continue
				}
				r := process(j.in, func(day []byte) bool {
					if isStopped() {
						return false
					}
					j.days <- day
					return true
				})
				close(j.days)
				j.out <- r
			}
		}()
	}
	ok := true
	stop := func() {
		ok = false
		mu.Lock()
		stopped = true
		mu.Unlock()
	}
	for j := range pending {
		for day := range j.days { // drained even once stopped, so that no sender blocks
			if ok && !emitDay(j.in, day) {
				stop()
			}
		}
		r := <-j.out
		if ok && !emit(j.in, r) {
			stop()
		}
	}
	wg.Wait()
}

// workers is how many goroutines runOrdered starts for n inputs when jobs
// are asked for: no more than there are inputs, so that any -j is safe, and
// at least one.
func workers(jobs, n int) int {
	return max(1, min(jobs, n))
}

// A daySink writes rendered days one after another.
type daySink interface {
	add(day []byte) error // write one day as rendered alone
	finish() error        // write what closes the output
	count() int           // days added so far
}

// jsonSink writes what export.WriteJSON writes for all the days at once:
// the object alone for one day, else an array of the objects; with array
// set (several inputs, or a folder), an array however many days come, so
// that the shape of the output does not depend on which inputs failed.
// Days come rendered as array elements (export.WriteJSONElement); without
// array the first is held until a second shows whether an array is
// needed, and a lone day loses the element's indentation.
type jsonSink struct {
	w     io.Writer
	array bool
	first []byte
	n     int
}

func (s *jsonSink) add(day []byte) error {
	s.n++
	if s.n == 1 && !s.array {
		s.first = day
		return nil
	}
	sep := ",\n"
	if s.n == 1 || s.first != nil {
		sep = "[\n"
		if s.first != nil {
			sep += string(bytes.TrimSuffix(s.first, []byte("\n"))) + ",\n"
			s.first = nil
		}
	}
	if _, err := io.WriteString(s.w, sep); err != nil {
		return err
	}
	_, err := s.w.Write(bytes.TrimSuffix(day, []byte("\n")))
	return err
}

func (s *jsonSink) finish() error {
	var err error
	switch {
	case s.first != nil:
		_, err = s.w.Write(outdent(s.first))
	case s.n > 0:
		_, err = io.WriteString(s.w, "\n]\n")
	}
	return err
}

func (s *jsonSink) count() int { return s.n }

// outdent removes the two spaces an array element's lines start with.
// Strings hold no raw newline, so lines are the document's.
func outdent(doc []byte) []byte {
	out := make([]byte, 0, len(doc))
	for len(doc) > 0 {
		line := doc
		if i := bytes.IndexByte(doc, '\n'); i >= 0 {
			line = doc[:i+1]
		}
		doc = doc[len(line):]
		out = append(out, bytes.TrimPrefix(line, []byte("  "))...)
	}
	return out
}

// markdownSink writes what export.WriteMarkdown writes for all the days at
// once: the days separated by a rule.
type markdownSink struct {
	w     io.Writer
	n     int
	plain bool // no separator between days (link lines)
}

func (s *markdownSink) add(day []byte) error {
	if s.n > 0 && !s.plain {
		if _, err := io.WriteString(s.w, "\n---\n\n"); err != nil {
			return err
		}
	}
	s.n++
	_, err := s.w.Write(day)
	return err
}

func (s *markdownSink) finish() error { return nil }

func (s *markdownSink) count() int { return s.n }

// An output is where the days go: stdout, or an atomicfile.File that
// replaces the output file on commit, so readers never see it half-written.
type output struct {
	w    *bufio.Writer
	file *atomicfile.File // nil for stdout
	path string
}

// openOutput opens the output of opts; a file that cannot be written to
// fails here, before any input is read.
func openOutput(opts *extractOptions) (*output, error) {
	if opts.Output == "" {
		return &output{w: bufio.NewWriterSize(opts.io.Out, 64*1024)}, nil
	}
	f, err := atomicfile.Create(opts.Output)
	if err != nil {
		return nil, err
	}
	return &output{w: bufio.NewWriterSize(f, 64*1024), file: f, path: opts.Output}, nil
}

// commit flushes the output and, for a file, moves it into place.
func (o *output) commit() error {
	if err := o.w.Flush(); err != nil {
		if o.file == nil {
			return err
		}
		return fmt.Errorf("%s: cannot write output: %w", o.path, err)
	}
	if o.file == nil {
		return nil
	}
	return o.file.Commit()
}

// abort drops a file output that was not committed.
func (o *output) abort() {
	if o.file != nil {
		o.file.Abort()
	}
}
