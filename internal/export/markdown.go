package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/mdtext"
	"github.com/cocolian/threads/internal/thread"
	"github.com/cocolian/threads/internal/title"
)

// WriteMarkdown writes a readable FAQ per day: a section per Q&A thread with
// the question, its asker and time, and the answers with their authors, then
// the other threads in brief. What people typed (messages, names, titles)
// renders as they typed it, through mdtext; addresses they pasted are links.
func WriteMarkdown(w io.Writer, days []Day, opts Options) error {
	bw := bufio.NewWriter(w)
	for i, d := range days {
		if i > 0 {
			bw.WriteString("\n---\n\n")
		}
		writeDay(bw, d, opts)
	}
	return bw.Flush()
}

func writeDay(w *bufio.Writer, d Day, opts Options) {
	log, res := d.Log, d.Result
	name := log.Title
	if name == "" {
		name = log.Path
	}
	fmt.Fprintf(w, "# FAQ: %s\n\n", mdtext.Escape(name))
	var facts []string
	if log.Date != "" {
		facts = append(facts, log.Date)
	}
	if log.Group != "" {
		facts = append(facts, "group "+mdtext.Escape(log.Group))
	}
	if log.Speaker != "" {
		facts = append(facts, "speaker "+mdtext.Escape(log.Speaker))
	}
	facts = append(facts, mdtext.Plural(len(log.Messages), "message"), mdtext.Plural(len(res.Threads), "thread"))
	fmt.Fprintf(w, "Source: %s (%s)\n\n", mdtext.Code(log.Path), strings.Join(facts, ", "))

	var qa, other []thread.Thread
	for _, t := range res.Threads {
		if t.Kind == thread.KindQA {
			qa = append(qa, t)
		} else {
			other = append(other, t)
		}
	}
	answered, inThreads := 0, 0
	for _, t := range qa {
		k := answeredQuestions(t)
		answered += k
		if k > 0 {
			inThreads++
		}
	}
	if answered == 0 {
		w.WriteString("## Questions and answers (0)\n\nNo question asked this day was answered.\n\n")
	} else {
		fmt.Fprintf(w, "## Questions and answers (%d, in %s)\n\n", answered, mdtext.Plural(inThreads, "thread"))
	}
	n := 0
	senders := title.Senders(log)
	for _, t := range qa {
		for _, q := range t.Questions {
			if len(q.Answers) == 0 {
				continue
			}
			n++
			qm := &log.Messages[q.Question]
			fmt.Fprintf(w, "### %d. %s\n\n", n, mdtext.Escape(title.Of(title.Question(messageText(qm), qm.Code, qm.Mentions, senders))))
			fmt.Fprintf(w, "Asked by **%s** at %s (line %d, thread %s%s", mdtext.Escape(qm.Sender), clock(qm), qm.Line, t.ID, inTopic(t))
			if len(t.Keywords) > 0 {
				fmt.Fprintf(w, "; %s", mdtext.Escape(strings.Join(t.Keywords, ", ")))
			}
			w.WriteString(")\n\n")
			fmt.Fprintf(w, ">%s\n\n", mdtext.Spaced(fullText(qm, "> ")))
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
				fmt.Fprintf(w, "- **%s** (%s):%s\n", mdtext.Escape(am.Sender), clock(am), mdtext.Spaced(fullText(am, "  ")))
				if opts.Explain {
					writeEvidence(w, res.Links[a])
				}
			}
			w.WriteString("\n")
		}
	}
	writeEarlierAnswers(w, d)
	fmt.Fprintf(w, "## Other threads (%d)\n\n", len(other))
	var notices []string // the threads of system notices alone, "t3 (09:47)"
	for _, t := range other {
		if onlyNotices(log.Messages, t) {
			notices = append(notices, fmt.Sprintf("%s%s (%s)", t.ID, inTopic(t), t.Start.Format("15:04")))
			continue
		}
		fmt.Fprintf(w, "- %s%s, %s, %s, %s-%s: %s\n", t.ID, inTopic(t), t.Kind, mdtext.Plural(len(t.Messages), "message"),
			t.Start.Format("15:04"), t.End.Format("15:04"), threadName(log.Messages, t))
	}
	if len(notices) > 0 {
		// Pats, recalls and joins, one line for all: they say nothing to read.
		fmt.Fprintf(w, "- system notices only: %s\n", strings.Join(notices, ", "))
	}
	if opts.Explain && len(res.Aliases) > 0 {
		w.WriteString("\n## Mention aliases\n\n")
		for _, a := range res.Aliases {
			fmt.Fprintf(w, "- @%s = %s (%s)\n", mdtext.Escape(a.Mention), mdtext.Escape(a.Sender), mdtext.Escape(a.Reason))
		}
	}
}

// writeEarlierAnswers lists the day's answers to questions of earlier days
// (explicit replies, as a Telegram reply the next morning), under each
// question as it was asked; nothing when there are none.
func writeEarlierAnswers(w *bufio.Writer, d Day) {
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
	fmt.Fprintf(w, "## Answers to earlier questions (%d)\n\n", len(questions))
	senders := title.Senders(d.Log)
	for _, q := range questions {
		qm := q.e.Question
		fmt.Fprintf(w, "### %s\n\n", mdtext.Escape(title.Of(title.Question(messageText(qm), qm.Code, qm.Mentions, senders))))
		fmt.Fprintf(w, "Asked by **%s** on %s at %s (line %d)\n\n", mdtext.Escape(qm.Sender), q.e.Date, clock(qm), q.e.Line)
		fmt.Fprintf(w, ">%s\n\n", mdtext.Spaced(fullText(qm, "> ")))
		for _, a := range q.answers {
			shown := d.Log.Messages[a]
			shown.Quote = nil // it replies to the question shown just above
			fmt.Fprintf(w, "- **%s** (%s):%s\n", mdtext.Escape(shown.Sender), clock(&shown), mdtext.Spaced(fullText(&shown, "  ")))
		}
		w.WriteString("\n")
	}
}

// inTopic names the forum topic of a thread after its ID (" in topic
// Refunds"), or is "" outside forums.
func inTopic(t thread.Thread) string {
	if t.Topic == "" {
		return ""
	}
	return " in topic " + mdtext.Escape(t.Topic)
}

// threadName is a thread's title in the list of other threads, in
// Markdown: its title, or for a thread without text to title it by (a
// picture or sticker alone), its first message as the FAQ shows it, a
// link to the picture ("[image](stickers/sticker.webp)", "[image]" when
// the export gives no file); "(no text)" when no message has any (the
// export lost their content).
func threadName(msgs []chatlog.Message, t thread.Thread) string {
	if t.Title != "" {
		return mdtext.Escape(oneLine(t.Title, 80))
	}
	for _, i := range t.Messages {
		if s := fullText(&msgs[i], ""); s != "" {
			return s
		}
	}
	return "(no text)"
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

func writeEvidence(w *bufio.Writer, l thread.Link) {
	var parts []string
	for _, e := range l.Evidence {
		s := e.Kind
		if e.Detail != "" {
			s += ": " + e.Detail
		}
		parts = append(parts, s)
	}
	fmt.Fprintf(w, "  - why: %s\n", mdtext.Escape(strings.Join(parts, "; ")))
}

// fullText is the message as a reader should see it in the FAQ, in
// Markdown: its text shows as written, with the code its sender marked as
// code (a block on lines of its own, which start with indent: see
// mdtext.Body), a picture or a shared link is a link, followed by its
// caption when it has one (chatlog.Message.Caption).
func fullText(m *chatlog.Message, indent string) string {
	withCaption := func(s string) string {
		if c := m.Caption(); c != "" {
			s += " " + mdtext.Escape(c)
		}
		return s
	}
	switch m.Type {
	case chatlog.TypeImage:
		if m.URL != "" {
			return withCaption(mdtext.Link("image", m.URL))
		}
		return withCaption(mdtext.Escape("[image]"))
	case chatlog.TypeLink:
		if m.URL != "" {
			return withCaption(mdtext.Link(oneLine(m.LinkTitle, 200), m.URL))
		}
	}
	s := mdtext.Body(messageText(m), m.Code, indent)
	if m.Quote != nil {
		s = fmt.Sprintf("(replying to %s: \"%s\") %s", mdtext.Escape(m.Quote.Sender), mdtext.Escape(oneLine(m.Quote.Text, 40)), s)
	}
	return s
}

func clock(m *chatlog.Message) string {
	if m.Time.IsZero() {
		return "?"
	}
	return m.Time.Format("15:04:05")
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
