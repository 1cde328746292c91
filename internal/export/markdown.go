package export

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/mdtext"
	"github.com/cocolian/threads/internal/thread"
	"github.com/cocolian/threads/internal/title"
)

// WriteMarkdown writes a readable FAQ per day: a section per Q&A thread with
// the question, its asker and time, and the answers with their authors, then
// the other threads in brief, in the language of opts.Lang (see Lang).
// What people typed (messages, names, titles)
// renders as they typed it, through mdtext; addresses they pasted are links.
func WriteMarkdown(w io.Writer, days []Day, opts Options) error {
	bw := bufio.NewWriter(w)
	var day bytes.Buffer
	dw := bufio.NewWriter(&day)
	for i, d := range days {
		if i > 0 {
			bw.WriteString("\n---\n\n")
		}
		day.Reset()
		writeDay(dw, d, opts)
		dw.Flush()
		// Whichever section came last, a day ends with one newline.
		bw.Write(bytes.TrimRight(day.Bytes(), "\n"))
		bw.WriteString("\n")
	}
	return bw.Flush()
}

func writeDay(w *bufio.Writer, d Day, opts Options) {
	log, res := d.Log, d.Result
	lang := Lang(opts.Lang, d)
	path := mdtext.Code(log.Path)
	if log.Path == "-" {
		path = text(lang, "stdin", 0)
	}
	name := mdtext.Escape(log.Title)
	if log.Title == "" {
		name = path
	}
	fmt.Fprintf(w, "# %s\n\n", text(lang, "title", 0, "name", name))
	var facts []string
	// ref is the date the FAQ is about: the log's, else its first message's.
	// A time on another date is shown with its date (clock, minute).
	first, last := dateRange(log.Messages)
	ref := cmp.Or(log.Date, first)
	if log.Date != "" {
		facts = append(facts, log.Date)
	} else if first != last {
		facts = append(facts, text(lang, "dateRange", 0, "from", first, "to", last))
	} else if first != "" {
		facts = append(facts, first)
	}
	if log.Group != "" {
		facts = append(facts, text(lang, "group", 0, "name", mdtext.Escape(log.Group)))
	}
	if log.Speaker != "" {
		facts = append(facts, text(lang, "speaker", 0, "name", mdtext.Escape(log.Speaker)))
	}
	facts = append(facts, text(lang, "messages", len(log.Messages)), text(lang, "threads", len(res.Threads)))
	fmt.Fprintf(w, "%s\n\n", text(lang, "source", 0, "path", path, "facts", strings.Join(facts, text(lang, "sep", 0))))

	var other []thread.Thread
	for _, t := range res.Threads {
		if t.Kind != thread.KindQA {
			other = append(other, t)
		}
	}
	// Every answered question is listed, in whatever thread: a question
	// put to the speaker inside a talk and answered there too.
	answered, inThreads := 0, 0
	for _, t := range res.Threads {
		k := answeredQuestions(t)
		answered += k
		if k > 0 {
			inThreads++
		}
	}
	if answered == 0 {
		none := "noneAnswered"
		if !slices.ContainsFunc(res.Threads, func(t thread.Thread) bool { return len(t.Questions) > 0 }) {
			none = "noneAsked"
		}
		fmt.Fprintf(w, "## %s\n\n%s\n\n", text(lang, "qaNone", 0), text(lang, none, 0))
	} else {
		fmt.Fprintf(w, "## %s\n\n", text(lang, "qa", answered, "threads", text(lang, "threads", inThreads)))
	}
	n := 0
	senders := title.Senders(log)
	for _, t := range res.Threads {
		for _, q := range t.Questions {
			if len(q.Answers) == 0 {
				continue
			}
			n++
			qm := &log.Messages[q.Question]
			fmt.Fprintf(w, "### %d. %s\n\n", n, questionTitle(lang, qm, senders))
			keywords := ""
			if len(t.Keywords) > 0 {
				keywords = text(lang, "keywords", 0, "keywords", mdtext.Escape(strings.Join(t.Keywords, text(lang, "list", 0))))
			}
			fmt.Fprintf(w, "%s\n\n", text(lang, "askedBy", 0, "sender", mdtext.Escape(qm.Sender), "time", clock(qm, ref),
				"line", fmt.Sprint(qm.Line), "thread", t.ID, "topic", inTopic(lang, t), "keywords", keywords))
			fmt.Fprintf(w, ">%s\n\n", mdtext.Spaced(fullText(lang, qm, "> ")))
			for _, a := range q.Answers {
				if listedAgain(log.Messages, res.Links, q.Answers, a) {
					continue
				}
				am := &log.Messages[a]
				if am.Quote != nil && res.Links[a].Parent == q.Question && res.Links[a].HasEvidence("quote") {
					shown := *am
					shown.Quote = nil // it quotes the question it is listed under, shown just above
					am = &shown
				}
				fmt.Fprintf(w, "%s\n", answerLine(lang, am, ref))
				if opts.Explain {
					writeEvidence(w, lang, res.Links[a])
				}
			}
			w.WriteString("\n")
		}
	}
	writeEarlierAnswers(w, d, lang, senders, ref)
	opening, inside := unansweredQuestions(d)
	writeUnanswered(w, d, lang, senders, ref, opening, inside)
	// A thread that is an unanswered question alone is listed just above.
	other = slices.DeleteFunc(other, func(t thread.Thread) bool {
		return len(t.Messages) == 1 && slices.ContainsFunc(opening, func(u unansweredQuestion) bool { return u.question == t.Messages[0] })
	})
	if len(other) > 0 {
		fmt.Fprintf(w, "## %s\n\n", text(lang, "other", len(other)))
	}
	var notices []string // the threads of system notices alone, "t3 (09:47)"
	for _, t := range other {
		if onlyNotices(log.Messages, t) {
			notices = append(notices, text(lang, "notice", 0, "thread", t.ID, "topic", inTopic(lang, t), "time", minute(t.Start, ref)))
			continue
		}
		fmt.Fprintf(w, "%s\n", text(lang, "otherThread", 0, "thread", t.ID, "topic", inTopic(lang, t), "kind", kindText(lang, t.Kind),
			"messages", text(lang, "messages", len(t.Messages)), "span", timeSpan(lang, t, ref), "name", threadName(lang, log.Messages, t)))
	}
	if len(notices) > 0 {
		// Pats, recalls and joins, one line for all: they say nothing to read.
		fmt.Fprintf(w, "%s\n", text(lang, "noticesOnly", 0, "threads", strings.Join(notices, text(lang, "list", 0))))
	}
	if opts.Explain && len(res.Aliases) > 0 {
		if len(other) > 0 {
			w.WriteString("\n") // closes the list of other threads
		}
		fmt.Fprintf(w, "## %s\n\n", text(lang, "aliases", 0))
		for _, a := range res.Aliases {
			fmt.Fprintf(w, "%s\n", text(lang, "alias", 0, "mention", mdtext.Escape(a.Mention), "sender", mdtext.Escape(a.Sender), "reason", mdtext.Escape(a.Reason)))
		}
	}
}

// writeEarlierAnswers lists the day's answers to questions of earlier days
// (explicit replies, as a Telegram reply the next morning), under each
// question as it was asked, in lang; nothing when there are none.
func writeEarlierAnswers(w *bufio.Writer, d Day, lang string, senders []string, ref string) {
	var replies []int
	for i, e := range d.Earlier {
		if e.Answer {
			replies = append(replies, i)
		}
	}
	if len(replies) == 0 {
		return
	}
	slices.Sort(replies)
	type asked struct {
		e       thread.Earlier
		answers []int
	}
	type place struct {
		date  string
		index int
	}
	var questions []*asked
	byPlace := map[place]*asked{}
	for _, i := range replies {
		e := d.Earlier[i]
		key := place{e.Date, e.Index}
		q := byPlace[key]
		if q == nil {
			q = &asked{e: e}
			byPlace[key] = q
			questions = append(questions, q)
		}
		q.answers = append(q.answers, i)
	}
	fmt.Fprintf(w, "## %s\n\n", text(lang, "earlier", len(questions)))
	for _, q := range questions {
		qm := q.e.Question
		fmt.Fprintf(w, "### %s\n\n", questionTitle(lang, qm, senders))
		fmt.Fprintf(w, "%s\n\n", text(lang, "askedByOn", 0, "sender", mdtext.Escape(qm.Sender), "date", q.e.Date, "time", clock(qm, ""), "line", fmt.Sprint(q.e.Line)))
		fmt.Fprintf(w, ">%s\n\n", mdtext.Spaced(fullText(lang, qm, "> ")))
		for _, a := range q.answers {
			shown := d.Log.Messages[a]
			shown.Quote = nil // it replies to the question shown just above
			fmt.Fprintf(w, "%s\n", answerLine(lang, &shown, ref))
		}
		w.WriteString("\n")
	}
}

// An unansweredQuestion is a question that opened its thread and got no
// answer: the index of its message, and its thread.
type unansweredQuestion struct {
	question int
	thread   *thread.Thread
}

// unansweredQuestions splits the day's questions that got no answer (a
// copy of a message the export listed twice aside) into those that open
// their thread, in the order they were asked: someone asked the group and
// nobody took it up; and how many others there are: turns of a
// conversation already going, where most are remarks, banter and the
// rhetorical questions of an argument (小额你计较什么手续费。。), as the
// digest found (see digest's unanswered). A question its asker asked
// again (thread.QA.AskedAgain) is one question with all its askings: when
// one of them was answered, it is not unanswered (the FAQ lists it above);
// else its last asking stands for it, and it is listed when any asking
// opened a thread.
func unansweredQuestions(d Day) (opening []unansweredQuestion, inside int) {
	type asking struct {
		qa     *thread.QA
		thread *thread.Thread
	}
	at := map[int]asking{}
	askedBefore := map[int]bool{}
	for k := range d.Result.Threads {
		t := &d.Result.Threads[k]
		for q := range t.Questions {
			qa := &t.Questions[q]
			at[qa.Question] = asking{qa, t}
			if qa.AskedAgain > 0 {
				askedBefore[qa.AskedAgain] = true
			}
		}
	}
	listed := map[int]bool{}
	for k := range d.Result.Threads {
		for _, q := range d.Result.Threads[k].Questions {
			if askedBefore[q.Question] || d.Result.SecondListing(d.Log.Messages, q.Question) {
				continue // a later asking is read with the first
			}
			last := at[q.Question]
			answered, opens := len(q.Answers) > 0, d.Result.Links[q.Question].Parent < 0
			for again := q.AskedAgain; again > 0; again = last.qa.AskedAgain {
				last = at[again]
				answered = answered || len(last.qa.Answers) > 0
				opens = opens || d.Result.Links[again].Parent < 0
			}
			switch {
			case answered: // listed with its answers above
			case opens && !listed[last.qa.Question]:
				listed[last.qa.Question] = true
				opening = append(opening, unansweredQuestion{last.qa.Question, last.thread})
			case !opens:
				inside++
			}
		}
	}
	slices.SortFunc(opening, func(a, b unansweredQuestion) int { return a.question - b.question })
	return opening, inside
}

// writeUnanswered lists the day's questions that opened a thread and got
// no answer, one line each with who asked, when and in which thread, and
// counts the others (unansweredQuestions), in lang; nothing when there
// are none. They are what a group owner follows up.
func writeUnanswered(w *bufio.Writer, d Day, lang string, senders []string, ref string, opening []unansweredQuestion, inside int) {
	if len(opening) == 0 && inside == 0 {
		return
	}
	fmt.Fprintf(w, "## %s\n\n", text(lang, "unanswered", len(opening)+inside))
	for _, u := range opening {
		qm := &d.Log.Messages[u.question]
		fmt.Fprintf(w, "%s\n", text(lang, "unansweredLine", 0, "sender", mdtext.Escape(qm.Sender), "time", clock(qm, ref),
			"line", fmt.Sprint(qm.Line), "thread", u.thread.ID, "topic", inTopic(lang, *u.thread), "question", questionTitle(lang, qm, senders)))
	}
	if len(opening) > 0 {
		w.WriteString("\n")
	}
	switch {
	case inside > 0 && len(opening) == 0:
		fmt.Fprintf(w, "%s\n\n", text(lang, "insideOnly", inside))
	case inside > 0:
		fmt.Fprintf(w, "%s\n\n", text(lang, "unansweredInside", inside))
	}
}

// questionTitle is question qm as the FAQ names it, escaped: its text
// without the mentions of senders (title.Question) made a title
// (title.Of), or "(no text)" in lang when nothing is left.
func questionTitle(lang string, qm *chatlog.Message, senders []string) string {
	t := title.Of(title.Question(messageText(qm), qm.Code, qm.Mentions, senders))
	if t == "" {
		t = text(lang, "noText", 0)
	}
	return mdtext.Escape(t)
}

// answerLine is answer m as the FAQ lists it under its question, in
// lang: "- **Alice** (09:31:05): text", "- **王五**（09:31:05）：text",
// with its date when that is not ref (clock).
func answerLine(lang string, m *chatlog.Message, ref string) string {
	label := text(lang, "answer", 0, "sender", mdtext.Escape(m.Sender), "time", clock(m, ref))
	return afterLabel(label, fullText(lang, m, "  "))
}

// afterLabel is label and then md on its line, as mdtext.Spaced puts it,
// without the space after a label that ends in a full-width colon ("：").
func afterLabel(label, md string) string {
	if strings.HasSuffix(label, "：") {
		return label + strings.TrimPrefix(mdtext.Spaced(md), " ")
	}
	return label + mdtext.Spaced(md)
}

// timeSpan is when thread t ran, as the list of other threads gives it:
// "09:31-09:47", or one time when it starts and ends in the same minute;
// a time on another date than ref (writeDay's) is given with its date
// ("23:50-2024-05-11 00:10"); in lang.
func timeSpan(lang string, t thread.Thread, ref string) string {
	from, to := minute(t.Start, ref), minute(t.End, ref)
	if from == to {
		return text(lang, "spanOne", 0, "time", from)
	}
	return text(lang, "span", 0, "from", from, "to", to)
}

// inTopic names the forum topic of a thread after its ID (" in topic
// Refunds"), in lang, or is "" outside forums.
func inTopic(lang string, t thread.Thread) string {
	if t.Topic == "" {
		return ""
	}
	return text(lang, "inTopic", 0, "topic", mdtext.Escape(t.Topic))
}

// threadName is a thread's title in the list of other threads, in
// Markdown: its title, or for a thread without text to title it by (a
// picture or sticker alone), its first message as the FAQ shows it, a
// link to the picture ("[image](stickers/sticker.webp)", "[image]" when
// the export gives no file); "(no text)" when no message has any (the
// export lost their content); in lang.
func threadName(lang string, msgs []chatlog.Message, t thread.Thread) string {
	if t.Title != "" {
		return mdtext.Escape(oneLine(t.Title, 80))
	}
	for _, i := range t.Messages {
		if s := fullText(lang, &msgs[i], ""); s != "" {
			return s
		}
	}
	return text(lang, "noText", 0)
}

// listedAgain reports whether answer a is the export's second listing of
// another of the answers: its link has "copy" evidence and its parent is one
// of them, or it is the same picture or link as the answer listed just
// before it (chatlog.ListedTwice). It is the same message under another
// name of its sender, which the FAQ lists once. The JSON keeps both.
func listedAgain(msgs []chatlog.Message, links []thread.Link, answers []int, a int) bool {
	l := links[a]
	if l.Parent >= 0 && l.Parent != a && slices.Contains(answers, l.Parent) && l.HasEvidence("copy") {
		return true
	}
	return chatlog.ListedTwice(msgs, a) && slices.Contains(answers, a-1)
}

// writeEvidence writes the evidence of link l under an answer, its label
// in lang.
func writeEvidence(w *bufio.Writer, lang string, l thread.Link) {
	var parts []string
	for _, e := range l.Evidence {
		s := e.Kind
		if e.Detail != "" {
			s += ": " + e.Detail
		}
		parts = append(parts, s)
	}
	fmt.Fprintf(w, "%s\n", text(lang, "why", 0, "evidence", mdtext.Escape(strings.Join(parts, "; "))))
}

// fullText is the message as a reader should see it in the FAQ, in
// Markdown: its text shows as written, with the code its sender marked as
// code (a block on lines of its own, which start with indent: see
// mdtext.Body), a picture or a shared link is a link, followed by its
// caption when it has one (chatlog.Message.Caption); the FAQ's own words
// ("image", "replying to") in lang.
func fullText(lang string, m *chatlog.Message, indent string) string {
	withCaption := func(s string) string {
		if c := m.Caption(); c != "" {
			s += " " + mdtext.Escape(c)
		}
		return s
	}
	switch m.Type {
	case chatlog.TypeImage:
		if m.URL != "" {
			return withCaption(mdtext.Link(text(lang, "image", 0), m.URL))
		}
		return withCaption(mdtext.Escape(text(lang, "imageText", 0)))
	case chatlog.TypeLink:
		if m.URL != "" {
			return withCaption(mdtext.Link(oneLine(m.LinkTitle, 200), m.URL))
		}
	}
	s := mdtext.Body(messageText(m), m.Code, indent)
	if m.Quote != nil {
		s = text(lang, "replying", 0, "sender", mdtext.Escape(m.Quote.Sender), "quote", mdtext.Escape(oneLine(m.Quote.Text, 40)), "text", s)
	}
	return s
}

// clock is the time of m to the second ("09:31:05"), with its date when
// that is not ref ("2024-05-11 00:10:00"); "?" when the export gives none.
func clock(m *chatlog.Message, ref string) string {
	if m.Time.IsZero() {
		return "?"
	}
	if date := m.Time.Format(time.DateOnly); ref != "" && date != ref {
		return m.Time.Format(time.DateTime)
	}
	return m.Time.Format(time.TimeOnly)
}

// minute is t to the minute, with its date when that is not ref.
func minute(t time.Time, ref string) string {
	if date := t.Format(time.DateOnly); ref != "" && date != ref {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("15:04")
}

// dateRange returns the first and last dates of msgs' times, "" when no
// message has a dated one.
func dateRange(msgs []chatlog.Message) (first, last string) {
	for i := range msgs {
		if msgs[i].Time.Year() <= 1 {
			continue // no time, or a clock without a date (an IRC log named without one)
		}
		date := msgs[i].Time.Format(time.DateOnly)
		if first == "" || date < first {
			first = date
		}
		if date > last {
			last = date
		}
	}
	return first, last
}

// oneLine collapses white space and cuts to max runes (0: no limit).
func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if max > 0 {
		if r := []rune(s); len(r) > max {
			return string(r[:max-1]) + "…"
		}
	}
	return s
}

// answeredQuestions counts the questions of t that have an answer: those
// the FAQ lists.
func answeredQuestions(t thread.Thread) int {
	n := 0
	for _, q := range t.Questions {
		if len(q.Answers) > 0 {
			n++
		}
	}
	return n
}

// onlyNotices reports whether thread t holds system notices alone (a pat,
// a recall, a join).
func onlyNotices(msgs []chatlog.Message, t thread.Thread) bool {
	for _, i := range t.Messages {
		if msgs[i].Type != chatlog.TypeSystem {
			return false
		}
	}
	return len(t.Messages) > 0
}
