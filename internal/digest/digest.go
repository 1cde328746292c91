package digest

import (
	"cmp"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
	"github.com/cocolian/threads/internal/thread"
	"github.com/cocolian/threads/internal/title"
)

// A Tokenizer splits text into classified tokens; *segment.Segmenter is one.
// Build calls it from several goroutines at once.
type Tokenizer interface {
	Tokens(text string) []segment.Token
}

// A Day is one threaded input file.
type Day struct {
	Log    *chatlog.Log   // the parsed input
	Result *thread.Result // its threading; Result.Links[i] belongs to Log.Messages[i]
	// Earlier holds, by message index, the message of an earlier day of
	// the same input that a message explicitly replies to
	// (thread.DayLinker); an answer to a question there is one of its
	// answers. Nil when none does.
	Earlier map[int]thread.Earlier
}

// Options tune Build.
type Options struct {
	Topics []dict.Topic // the topics threads and entries are given; none when empty
	Terms  []dict.Term  // payments terms, to read aliases as their term; none when empty
	Range  Range        // the dates the caller kept the days to; the zero Range for none
	// Copies are days the caller read and left out as copies of days it
	// gave (the same day saved under two names): they are not digested,
	// but their lines count as read, so that a knowledge base's entries
	// that name them are regenerated like the others.
	Copies []*chatlog.Log

	// Threshold is the similarity, 0 to 1, at or above which two questions
	// of different days merge; nil means DefaultThreshold. It is a pointer
	// so that 0 is a threshold like any other, not "unset".
	Threshold *float64

	// Lang is the language of the outputs' own words (the HTML page, the
	// Markdown digest, the knowledge base's files and index): "en", "zh",
	// or "" to choose by the messages (see PageLang).
	Lang string
}

// A Range is the dates the days of a digest were limited to (threads
// digest --since and --until) and how many days were read before the
// limit, so that a digest left with no day can say why.
type Range struct {
	Since, Until string // first and last day kept, YYYY-MM-DD; "" for no limit
	Read         int    // the day logs read (a file of one day, or each day of a file of several), in the range or not
}

// String names the range as the flags give it: "since 2018-05-01",
// "until 2018-05-31", "from 2018-05-01 to 2018-05-31"; "" when there is no
// limit.
func (r Range) String() string {
	switch {
	case r.Since != "" && r.Until != "":
		return "from " + r.Since + " to " + r.Until
	case r.Since != "":
		return "since " + r.Since
	case r.Until != "":
		return "until " + r.Until
	}
	return ""
}

// Holds reports whether date (YYYY-MM-DD) is within the range, inclusive;
// an unknown date ("") is within no limit but the absence of one.
func (r Range) Holds(date string) bool {
	if r.Since == "" && r.Until == "" {
		return true
	}
	return date != "" && (r.Since == "" || date >= r.Since) && (r.Until == "" || date <= r.Until)
}

// MessageDate is the day message m of log was sent: the log's date when
// the whole log is one day, else the message's own; "" when neither is
// known.
func MessageDate(log *chatlog.Log, m *chatlog.Message) string {
	if log.Date != "" {
		return log.Date
	}
	return dateOf(m.Time)
}

// dateOf is t's day as YYYY-MM-DD, "" for an unknown time: the zero time,
// or a clock time on 0001-01-01, which readers give a message of a log
// without dates.
func dateOf(t time.Time) string {
	if t.Year() <= 1 {
		return ""
	}
	return t.Format("2006-01-02")
}

// A Digest is the questions of many days merged into ranked entries, with
// an overview of every day's threads.
type Digest struct {
	Entries []Entry      // best first: most asked, then best answered
	Days    []DayView    // the input days by date, group and path
	Topics  []dict.Topic // the topics used, in file order
	Range   Range        // the dates the days were limited to, as Options gave it
	LeftOut int          // askings in no entry: asked once and never answered, or saying too little out of their chat
	Copies  []DayView    // the days Options.Copies names, Path and lines only: read, as copies of days given

	// Unanswered is the questions nobody answered that say enough out of
	// their chat, one item per question however often it was asked, by
	// the date, group, path and line of its latest asking: most are
	// askings left out (counted in LeftOut), the others entries asked
	// again and never answered.
	Unanswered []Unanswered

	Lang string // the outputs' language, as Options gave it: "en", "zh", or "" to choose
}

// An Unanswered is a question that got no answer, at none of its askings,
// and that says enough out of its chat to be answered later or added to a
// knowledge base. Its askings are those that open their thread and say
// enough; the item names the latest of them and counts them all.
type Unanswered struct {
	Date      string // the day of the latest asking, YYYY-MM-DD; "" when unknown
	Group     string // the group or channel, "" when unknown
	Asker     string // who asked
	Question  string // the question titled as an entry is (title.Of)
	Path      string // the source file
	Line      int    // 1-based line of the question's header in Path
	Day       int    // index into Digest.Days
	Thread    string // the thread's ID in that day ("t3")
	InEntry   bool   // the question is an entry (asked again, never answered), not an asking left out
	Asked     int    // how many times it was asked: its askings listed, 1 or more
	FirstDate string // the day of its first asking, YYYY-MM-DD; Date when asked once, "" when unknown
}

// An Entry is one question asked once or more, with every time it was asked.
type Entry struct {
	ID          string       // stable identifier: the date and a hash of the first occurrence
	Title       string       // the most representative question of the entry
	Topics      []string     // topic names, best first
	Occurrences []Occurrence // every time the question was asked, oldest first

	askings   []string // the title each asking would give, Title among them: a knowledge base's title that is none of them is a curator's
	generated string   // the title the digest gave, when a knowledge base's curator's title replaced it in Title
}

// An Occurrence is one asking of a question in one day's chat, with its answers.
type Occurrence struct {
	Path     string    // the source file
	Line     int       // 1-based line of the question's header in Path
	Date     string    // the day, YYYY-MM-DD
	Group    string    // the group or channel, "" when unknown
	Asker    string    // who asked
	Question string    // the question as written, on one line
	Lines    string    // the question as written, line breaks kept: Question with its lines (see written)
	Time     time.Time // when it was asked
	Answers  []Answer  // the answers the threading found, in order
	Day      int       // index into Digest.Days
	Thread   string    // the thread's ID in that day ("t3")
	Code     Code      // the code its sender marked in it, for the Markdown outputs
}

// An Answer is one message that answers an occurrence's question. It is in
// the occurrence's file but for an answer posted on a later day (Later),
// which may be in another file of the same chat (a group exported week by
// week): Path and Date say where it is.
type Answer struct {
	Sender string    // who answered
	Text   string    // the answer as written, on one line ("[image]" for a picture, the title of a shared link)
	Lines  string    // the answer as written, line breaks kept: Text with its lines (see written)
	URL    string    // the address of the picture or shared link the answer is; "" for text, or when the export gives none
	Path   string    // the file the answer is in
	Line   int       // 1-based line of the answer's header in Path
	Date   string    // the day it was sent, YYYY-MM-DD; "" when unknown
	Time   time.Time // when it was sent
	Code   Code      // the code its sender marked in it, for the Markdown outputs
	// Later says the answer was posted on a later day than the question,
	// as an explicit reply to it (Day.Earlier); Day (an index into
	// Digest.Days) and Thread (its thread's ID there) say where.
	Later  bool
	Day    int
	Thread string
}

// A Code is the text of a message as written, lines and all, with the
// stretches its sender marked as code (chatlog.Message.Code), which the
// Markdown outputs and the HTML page show as code; the zero Code when it
// has none, or when it is a picture or a shared link.
type Code struct {
	Text  string         // the message's text, as chatlog.Message.Text
	Spans []chatlog.Code // the code in Text
}

// codeOf is the Code of message m.
func codeOf(m *chatlog.Message) Code {
	if len(m.Code) == 0 || mediaURL(m) != "" {
		return Code{}
	}
	return Code{Text: m.Text, Spans: m.Code}
}

// A DayView is one input day as the HTML timeline shows it: a log of
// one day, or of several (a Slack channel, which is threaded whole).
type DayView struct {
	Path     string       // the source file
	Date     string       // YYYY-MM-DD: the log's day, or for a log of several the first its threads show; "" when unknown
	Group    string       // the group, "" when unknown
	Title    string       // the log's title
	Messages int          // how many messages the log has; for a log of several days, those of the threads shown
	Threads  []ThreadView // in order of their first message; for a log of several days, those with a message within the digest's range

	// Dates are the days its messages within the digest's range were
	// sent on, in order: the log's date for a log of one day, each day
	// it has messages on for a log of several; none when its messages
	// have no dates (a view without Dates covers Date alone, see
	// covered).
	Dates []string

	// FirstLine and LastLine are the lowest and highest source line of
	// the day's messages in Path (a file may hold several days); 0 when
	// it has none.
	FirstLine, LastLine int
}

// A ThreadView is one thread of a day: its kind, span, topics and messages.
type ThreadView struct {
	ID       string        // the thread's ID in its day ("t3")
	Kind     thread.Kind   // qa, discussion, talk, news, greeting or other
	Title    string        // the thread's title
	Start    time.Time     // earliest time of its messages
	End      time.Time     // latest time of its messages
	Topics   []string      // topic names, best first
	Entries  []string      // IDs of the entries its questions belong to, in order
	Messages []MessageView // the thread's messages in file order
}

// A MessageView is one message of a thread as the timeline shows it.
type MessageView struct {
	Line   int         // 1-based line of its header in the source
	Time   time.Time   // when it was sent
	Sender string      // who sent it
	Text   string      // its readable text, on one line
	Lines  string      // its text as written, line breaks kept, for the HTML page; "" when blank
	URL    string      // the address of the picture or shared link it is; "" for text, or when the export gives none
	Role   thread.Role // question, answer or none
	Code   Code        // the code its sender marked in it, which the page shows as code
}

// FirstAsked returns the date of the entry's first occurrence.
func (e *Entry) FirstAsked() string { return e.Occurrences[0].Date }

// LastAsked returns the date of the entry's last occurrence.
func (e *Entry) LastAsked() string { return e.Occurrences[len(e.Occurrences)-1].Date }

// Answered returns how many occurrences got at least one answer.
func (e *Entry) Answered() int {
	n := 0
	for _, o := range e.Occurrences {
		if len(o.Answers) > 0 {
			n++
		}
	}
	return n
}

// AnswerCount returns the number of answers over all occurrences.
func (e *Entry) AnswerCount() int {
	n := 0
	for _, o := range e.Occurrences {
		n += len(o.Answers)
	}
	return n
}

// Build merges the questions of days that ask the same thing into entries,
// ranks them, and gives every thread and entry its topics. days may be in
// any order; the digest is the same for the same set of days.
func Build(days []Day, tok Tokenizer, opts Options) *Digest {
	threshold := DefaultThreshold
	if opts.Threshold != nil {
		threshold = *opts.Threshold
	}
	days = sortedDays(days, opts.Range)
	tm := newTopicMatcher(opts.Topics, tok)
	d := &Digest{Topics: opts.Topics, Range: opts.Range, Lang: opts.Lang}
	var qs []*question
	d.Days, qs = readQuestions(days, tok, tm, newTerms(opts.Terms), opts.Range)
	for _, log := range opts.Copies {
		dates := datesIn(log, opts.Range)
		view := DayView{Path: log.Path, Date: cmp.Or(first(dates), logDate(log)), Dates: dates, Group: log.Group, Title: log.Title, Messages: len(log.Messages)}
		view.FirstLine, view.LastLine = lineSpan(log, opts.Range)
		d.Copies = append(d.Copies, view)
	}
	clusters := cluster(qs, threshold)
	entryOf := make(map[*question]int)
	for _, c := range clusters {
		e, ok := makeEntry(c, tm)
		if u, listed := unanswered(c, ok); listed {
			d.Unanswered = append(d.Unanswered, u)
		}
		if !ok {
			continue
		}
		for _, q := range c.members {
			entryOf[q] = len(d.Entries)
		}
		d.Entries = append(d.Entries, e)
	}
	uniqueIDs(d.Entries)
	sortUnanswered(d.Unanswered)
	d.LeftOut = len(qs) - len(entryOf)
	for _, q := range qs {
		if k, ok := entryOf[q]; ok {
			t := &d.Days[q.occ.Day].Threads[q.thread]
			if id := d.Entries[k].ID; !slices.Contains(t.Entries, id) {
				t.Entries = append(t.Entries, id) // a question copied within a thread
			}
		}
	}
	rank(d.Entries)
	return d
}

// readQuestions returns the views of days and their questions, with the
// vectors they are merged by.
func readQuestions(days []Day, tok Tokenizer, tm *topicMatcher, tn *terms, r Range) ([]DayView, []*question) {
	var views []DayView
	var qs []*question
	df, n := make(map[string]int), 0
	for _, p := range readDays(days, tok, tm, tn, r) {
		views = append(views, p.view)
		qs = append(qs, p.questions...)
		for w, c := range p.df {
			df[w] += c
		}
		n += p.messages
	}
	vectorize(qs, tok, tn, df, n)
	return views, qs
}

// A dayPart is what Build reads from one day: its view, its questions,
// and for the IDF how many of its messages use each content word.
type dayPart struct {
	view      DayView
	questions []*question
	df        map[string]int // content word → messages of the day using it
	messages  int            // messages with text, the df's total
}

// readDays reads the parts of days (in that order, days[k] with index k),
// several days at a time: segmenting every message of a year's chats for
// the IDF is most of what Build does besides merging.
func readDays(days []Day, tok Tokenizer, tm *topicMatcher, tn *terms, r Range) []dayPart {
	later := answersFromLaterDays(days)
	parts := make([]dayPart, len(days))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(days)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(days); k = int(next.Add(1) - 1) {
				p := &parts[k]
				p.view, p.questions = collectDay(days[k], k, tm, r, later)
				p.df, p.messages = messageDF(days[k].Log, tok, tn)
			}
		})
	}
	wg.Wait()
	return parts
}

// messageDF counts, for every content word, the messages of log that use
// it, and returns the counts with the number of messages counted.
func messageDF(log *chatlog.Log, tok Tokenizer, tn *terms) (map[string]int, int) {
	df := make(map[string]int)
	n := 0
	for i := range log.Messages {
		m := &log.Messages[i]
		if m.Text == "" {
			continue
		}
		n++
		for _, w := range tn.keys(segment.ContentWords(tok.Tokens(segment.Canonical(m.Text)))) {
			df[w]++
		}
	}
	return df, n
}

// sortedDays returns days ordered by the first date they cover within r
// (a log of several days may start before it), group and path.
func sortedDays(days []Day, r Range) []Day {
	out := append([]Day(nil), days...)
	date := make(map[*chatlog.Log]string, len(out))
	for _, d := range out {
		date[d.Log] = cmp.Or(first(datesIn(d.Log, r)), logDate(d.Log))
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Log, out[j].Log
		if da, db := date[a], date[b]; da != db {
			return da < db
		}
		if a.Group != b.Group {
			return a.Group < b.Group
		}
		return a.Path < b.Path
	})
	return out
}

// logDate is the day a log starts on: its Date, else the date of its
// first dated message; "" when none has a date.
func logDate(l *chatlog.Log) string {
	if l.Date != "" {
		return l.Date
	}
	for _, m := range l.Messages {
		if d := dateOf(m.Time); d != "" {
			return d
		}
	}
	return ""
}

// datesIn returns the days log has messages on within r, in order: its
// Date for a log of one day (the caller kept it for being within r), each
// date its messages have for a log of several; none when they have no
// dates.
func datesIn(log *chatlog.Log, r Range) []string {
	if log.Date != "" {
		return []string{log.Date}
	}
	var dates []string
	for i := range log.Messages {
		if d := dateOf(log.Messages[i].Time); d != "" && r.Holds(d) && !slices.Contains(dates, d) {
			dates = append(dates, d)
		}
	}
	slices.Sort(dates)
	return dates
}

// first is the first of dates, "" when there are none.
func first(dates []string) string {
	if len(dates) == 0 {
		return ""
	}
	return dates[0]
}

// covered returns the days v covers within the digest's range: its
// Dates, or Date alone for a view made without them; none when undated.
func (v *DayView) covered() []string {
	if len(v.Dates) > 0 || v.Date == "" {
		return v.Dates
	}
	return []string{v.Date}
}

// shownThreads reports, by thread index, whether the threads of a day are
// shown within r: all of a log of one day (the caller kept it for being
// within r), and those of a log of several days (a Slack channel) that
// have a message on a day within r.
func shownThreads(log *chatlog.Log, res *thread.Result, r Range) []bool {
	shown := make([]bool, len(res.Threads))
	for ti, t := range res.Threads {
		shown[ti] = log.Date != "" || slices.ContainsFunc(t.Messages, func(i int) bool {
			return r.Holds(dateOf(log.Messages[i].Time))
		})
	}
	return shown
}

// A question is one occurrence while it is being merged.
type question struct {
	occ    Occurrence
	thread int          // index of its thread in the day's view
	opens  bool         // it opens its thread: the threading linked it to nothing said before
	plain  string       // the question without @mentions
	titled string       // plain without its blocks of code (title.Question), for the entry's title
	topics topicCounter // topic mentions of the question (weight 2) and its answers (weight 1)
	vec    []component  // TF-IDF weights, unit length, sorted by word

	contextual bool // the question points into its conversation (这个, 你)
	topical    bool // the question names a term of a topic
}

// collectDay describes one day's threads with their topics and returns its
// questions. A log of several days (a Slack channel) gives the threads
// with a message within r and the questions asked within r only, its
// Dates are the days within r, and its source lines are those of the
// messages within r, so that a knowledge base knows the other days unread.
func collectDay(day Day, k int, tm *topicMatcher, r Range, later map[dayMessage][]laterAnswer) (DayView, []*question) {
	log, res := day.Log, day.Result
	view := DayView{Path: log.Path, Date: log.Date, Dates: datesIn(log, r), Group: log.Group, Title: log.Title, Messages: len(log.Messages)}
	view.FirstLine, view.LastLine = lineSpan(log, r)
	senders := title.Senders(log)
	shown := shownThreads(log, res, r)
	var qs []*question
	for ti, t := range res.Threads {
		if !shown[ti] {
			view.Messages -= len(t.Messages)
			continue // a thread of a Slack channel's days outside r
		}
		ti := len(view.Threads) // its index in the view
		for _, i := range t.Messages {
			if d := dateOf(log.Messages[i].Time); log.Date == "" && d != "" && (view.Date == "" || d < view.Date) {
				view.Date = d // the first day the threads show
			}
		}
		tv := ThreadView{ID: t.ID, Kind: t.Kind, Title: t.Title, Start: t.Start, End: t.End}
		counts := topicCounter{}
		isQuestion := make(map[int]bool, len(t.Questions))
		for _, q := range t.Questions {
			isQuestion[q.Question] = true
		}
		for n, i := range t.Messages {
			if res.SecondListing(log.Messages, i) {
				continue // the message before, exported twice: shown and counted once
			}
			m := &log.Messages[i]
			text := readable(m)
			tv.Messages = append(tv.Messages, MessageView{Line: m.Line, Time: m.Time, Sender: m.Sender, Text: text, Lines: strings.TrimSpace(m.Text), URL: mediaURL(m), Role: res.Links[i].Role, Code: codeOf(m)})
			w := 1.0
			if isQuestion[i] || n == 0 {
				w = 2
			}
			counts.add(tm.mentions(title.StripMentions(text, m.Mentions, senders)), w)
		}
		tv.Topics = counts.names(tm)
		view.Threads = append(view.Threads, tv)
		for _, q := range t.Questions {
			m := &log.Messages[q.Question]
			if m.Type == chatlog.TypeLink && m.Caption() == "" {
				continue // a shared article whose title asks something; a file's caption may ask
			}
			if chatlog.ListedTwice(log.Messages, q.Question) {
				continue // the message before, exported twice
			}
			occ := Occurrence{
				Path: log.Path, Line: m.Line, Date: MessageDate(log, m), Group: log.Group, Asker: m.Sender,
				Question: readable(m), Lines: written(m), Time: m.Time, Day: k, Thread: t.ID, Code: codeOf(m),
			}
			if !r.Holds(occ.Date) {
				continue // asked on a day of a multi-day log outside the range
			}
			var answered []string // the answers without mentions
			for _, a := range q.Answers {
				if chatlog.ListedTwice(log.Messages, a) {
					continue // the answer before, exported twice
				}
				am := &log.Messages[a]
				text := readable(am)
				occ.Answers = append(occ.Answers, answerOf(log, am))
				answered = append(answered, title.StripMentions(text, am.Mentions, senders))
			}
			for _, a := range later[placeOf(log, q.Question)] {
				if slices.ContainsFunc(occ.Answers, func(b Answer) bool { return b.Time.Equal(a.answer.Time) && b.Text == a.answer.Text }) {
					continue // the same answer, in another export of the chat
				}
				occ.Answers = append(occ.Answers, a.answer)
				answered = append(answered, a.plain)
			}
			opens := res.Links[q.Question].Parent < 0
			q := &question{occ: occ, thread: ti, opens: opens, plain: title.StripMentions(occ.Question, m.Mentions, senders), topics: topicCounter{}}
			q.titled = q.plain
			if occ.Code.Text != "" { // the code of the message's own text (see codeOf)
				q.titled = title.Question(m.Text, m.Code, m.Mentions, senders)
			}
			own := tm.mentions(q.plain)
			q.topical = len(own) > 0
			q.topics.add(own, 2)
			for _, a := range answered {
				q.topics.add(tm.mentions(a), 1)
			}
			qs = append(qs, q)
		}
	}
	view.Date = cmp.Or(view.Date, first(view.Dates), logDate(log))
	return view, qs
}

// A dayMessage names a question by its day, time and text: not by its
// file or its place in it, so that a day read from a copy of its file, or
// from another tool's export of the chat (see Options.Copies), keeps the
// answers a later day of the original gives.
type dayMessage struct {
	date string
	at   int64 // unix nanoseconds
	text string
}

// placeOf names message i of log.
func placeOf(log *chatlog.Log, i int) dayMessage {
	m := &log.Messages[i]
	return dayMessage{log.Date, m.Time.UnixNano(), m.Text}
}

// A laterAnswer is an answer posted on a later day than its question, an
// explicit reply to it (Day.Earlier).
type laterAnswer struct {
	answer Answer
	plain  string // its text without mentions, for the topics
}

// answersFromLaterDays returns the answers that days give to questions of
// earlier days, by the question's place, in the order of days and of
// their messages.
func answersFromLaterDays(days []Day) map[dayMessage][]laterAnswer {
	var out map[dayMessage][]laterAnswer
	for k, d := range days {
		if len(d.Earlier) == 0 {
			continue
		}
		idx := make([]int, 0, len(d.Earlier))
		for i, e := range d.Earlier {
			if e.Answer {
				idx = append(idx, i)
			}
		}
		sort.Ints(idx)
		senders := title.Senders(d.Log)
		for _, i := range idx {
			e := d.Earlier[i]
			am := &d.Log.Messages[i]
			text := readable(am)
			at := dayMessage{e.Date, e.Question.Time.UnixNano(), e.Question.Text}
			if out == nil {
				out = make(map[dayMessage][]laterAnswer)
			}
			a := answerOf(d.Log, am)
			a.Later, a.Day, a.Thread = true, k, d.Result.Threads[d.Result.Links[i].Thread].ID
			out[at] = append(out[at], laterAnswer{answer: a, plain: title.StripMentions(text, am.Mentions, senders)})
		}
	}
	return out
}

// answerOf is message m of log as an answer, where it was sent.
func answerOf(log *chatlog.Log, m *chatlog.Message) Answer {
	return Answer{Sender: m.Sender, Text: readable(m), Lines: written(m), URL: mediaURL(m),
		Path: log.Path, Line: m.Line, Date: MessageDate(log, m), Time: m.Time, Code: codeOf(m)}
}

// lineSpan returns the lowest and highest source line of the messages of
// log within r; 0, 0 when there are none.
func lineSpan(log *chatlog.Log, r Range) (first, last int) {
	for i := range log.Messages {
		m := &log.Messages[i]
		if !r.Holds(MessageDate(log, m)) {
			continue
		}
		if first == 0 || m.Line < first {
			first = m.Line
		}
		last = max(last, m.Line)
	}
	return first, last
}

// readable is a message's text as a reader should see it, on one line: its
// text, the title of a shared link, or imageText. It is what questions are
// compared and given topics by, so it never holds the address of a picture
// or link (see mediaURL).
func readable(m *chatlog.Message) string {
	s := strings.Join(strings.Fields(m.Text), " ")
	switch m.Type {
	case chatlog.TypeImage:
		if s == "" {
			s = imageText
		}
	case chatlog.TypeLink:
		if t := strings.Join(strings.Fields(m.LinkTitle), " "); t != "" && (s == "" || s == m.URL) {
			s = t
		}
	}
	return s
}

// written is a message's text as a reader should see it, as written:
// readable with the line breaks and spacing of the message's own text
// kept (trimmed at both ends), so that a consumer of the JSON digest can
// show a code block or a list as it was sent. Joined on one line it is
// readable(m).
func written(m *chatlog.Message) string {
	s := readable(m)
	if w := strings.TrimSpace(m.Text); sameWords(w, s) {
		return w
	}
	return s // "[image]", or a shared link's title
}

// sameWords reports whether text, its lines and spaces joined into single
// spaces, is line: the same words, written on one line.
func sameWords(text, line string) bool {
	return strings.Join(strings.Fields(text), " ") == line
}

// imageText is the readable text of a picture without text.
const imageText = "[image]"

// mediaURL is the address of the picture or shared link m is, "" for any
// other message (a red packet's address is no content).
func mediaURL(m *chatlog.Message) string {
	if m.Type == chatlog.TypeImage || m.Type == chatlog.TypeLink {
		return m.URL
	}
	return ""
}

// makeEntry turns a cluster into an entry, or reports false when the
// cluster is not worth a digest entry: asked once and never answered, or
// without words that say what it asks.
func makeEntry(c *clusterSet, tm *topicMatcher) (Entry, bool) {
	members := append([]*question(nil), c.members...)
	sort.SliceStable(members, func(i, j int) bool { return occLess(&members[i].occ, &members[j].occ) })
	answered := false
	for _, q := range members {
		if len(q.occ.Answers) > 0 {
			answered = true
		}
	}
	if len(members) < 2 && !answered {
		return Entry{}, false
	}
	centre := central(members)
	if !substantial(centre) {
		return Entry{}, false
	}
	e := Entry{ID: entryID(&members[0].occ), Title: title.Of(centre.titled)}
	counts := topicCounter{}
	for _, q := range members {
		e.Occurrences = append(e.Occurrences, q.occ)
		e.askings = append(e.askings, title.Of(q.titled))
		for t, w := range q.topics {
			counts[t] += w
		}
	}
	e.Topics = counts.names(tm)
	return e, true
}

// occLess orders occurrences by time, then source and line.
func occLess(a, b *Occurrence) bool {
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	if !a.Time.Equal(b.Time) {
		return a.Time.Before(b.Time)
	}
	if a.Group != b.Group {
		return a.Group < b.Group
	}
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	return a.Line < b.Line
}

// entryID derives an entry's identifier from its first occurrence, so that
// it does not depend on the entry's rank or on the other days of the run:
// the date and a hash of the group, asker and question.
func entryID(o *Occurrence) string {
	h := sha1.Sum([]byte(o.Group + "\x00" + o.Asker + "\x00" + o.Question))
	date := o.Date
	if date == "" {
		date = "undated"
	}
	return date + "-" + hex.EncodeToString(h[:4])
}

// uniqueIDs suffixes the IDs of entries whose first occurrences hash alike
// (one asker posting the same question twice in a day) with -2, -3, ... in
// order of their first occurrence.
func uniqueIDs(es []Entry) {
	seen := make(map[string]int)
	order := make([]int, len(es))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return occLess(&es[order[a]].Occurrences[0], &es[order[b]].Occurrences[0])
	})
	for _, i := range order {
		id := es[i].ID
		seen[id]++
		if n := seen[id]; n > 1 {
			es[i].ID = fmt.Sprintf("%s-%d", id, n)
		}
	}
}

// rank orders entries: most occurrences, then most answered occurrences,
// then most answers, then first asked, then ID.
func rank(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		return rankKeyOf(&es[i]).before(rankKeyOf(&es[j]))
	})
}

// A rankKey is what entries are ranked by, so that the entries of a
// digest and those a knowledge base's files describe rank alike.
type rankKey struct {
	occurrences int    // how often it was asked
	answered    int    // how many of those got an answer
	answers     int    // the answers over all occurrences
	first       string // the date first asked
	id          string // the entry's ID
}

// rankKeyOf is an entry's rankKey.
func rankKeyOf(e *Entry) rankKey {
	return rankKey{len(e.Occurrences), e.Answered(), e.AnswerCount(), e.FirstAsked(), e.ID}
}

// before reports whether an entry of key a ranks before one of key b: most
// occurrences, then most answered occurrences, then most answers, then
// first asked, then ID.
func (a rankKey) before(b rankKey) bool {
	if a.occurrences != b.occurrences {
		return a.occurrences > b.occurrences
	}
	if a.answered != b.answered {
		return a.answered > b.answered
	}
	if a.answers != b.answers {
		return a.answers > b.answers
	}
	if a.first != b.first {
		return a.first < b.first
	}
	return a.id < b.id
}
