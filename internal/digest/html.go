package digest

import (
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/thread"
)

//go:embed page.html
var pageTemplate string

// htmlKinds are the thread kinds in legend order.
var htmlKinds = []thread.Kind{thread.KindQA, thread.KindDiscussion, thread.KindTalk, thread.KindNews, thread.KindGreeting, thread.KindOther}

// htmlData is what the page's script renders; the page embeds it as JSON.
// The messages of each day's threads are in an htmlMessages of their own,
// which the page embeds after its script, each in a script element of its
// own: the browser shows the page before it has read them all, and the
// page reads a day's when one of its threads is opened.
type htmlData struct {
	Text    map[string]string `json:"text"` // the page's words in its language (scriptTexts)
	Kinds   []string          `json:"kinds"`
	Days    []htmlDay         `json:"days"`
	Entries []htmlEntry       `json:"entries"`
	Topics  []htmlTopic       `json:"topics"`

	Unanswered []htmlUnanswered `json:"unanswered"` // Digest.Unanswered, in its order
}

// htmlMessages are the messages of a day's threads that the panel shows,
// by thread ID, and their senders, each named once (a message has its
// sender's index).
type htmlMessages struct {
	Senders []string           `json:"senders"`
	Threads map[string][][]any `json:"threads"` // see htmlMessage
}

// htmlUnanswered is a question nobody answered; day and thread name the
// thread it opens, which the page shows when it is clicked, and whose day
// gives its date and group.
type htmlUnanswered struct {
	Asker    string `json:"asker"`
	Question string `json:"question"`
	Line     int    `json:"line"` // the asking's line in its day's chat
	Day      int    `json:"day"`
	Thread   string `json:"thread"`
	Asked    int    `json:"asked,omitempty"` // how often it was asked, when more than once
	Since    string `json:"since,omitempty"` // the first asking's date, when asked more than once
}

// htmlDay is one day of the timeline. It names the day by its date, group
// and the chat's title, never by its file: the page is for readers, who
// have no use for the curator's paths (the JSON and Markdown keep them).
type htmlDay struct {
	Date    string       `json:"date"`
	Last    string       `json:"last,omitempty"` // the last day its threads show, when it is not Date (a Slack channel's days)
	Group   string       `json:"group"`
	Title   string       `json:"title,omitempty"` // the chat's title, when it is not the group's name
	Threads []htmlThread `json:"threads"`
}

// htmlThread is one lane: times are seconds since midnight of the day.
type htmlThread struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Title   string   `json:"title"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Times   []int    `json:"times"`
	Topics  []int    `json:"topics"`  // indices into htmlData.Topics
	Entries []string `json:"entries"` // IDs of the entries its questions belong to
}

type htmlEntry struct {
	ID     string    `json:"id"`
	Title  string    `json:"title"`
	Topics []int     `json:"topics"`
	Facts  string    `json:"facts"` // how often it was asked and answered, after its title (entryFacts)
	Occ    []htmlOcc `json:"occ"`
	Later  []htmlOcc `json:"later"` // the answers posted on a later day, Asker their sender
}

// entryFacts says after an entry's title how often it was asked and
// answered, in lang, as the Markdown digest does (answeredText): " —
// asked once, 2 answers", " — asked 3 times, answered twice, 4 answers".
func entryFacts(e *Entry, lang string) string {
	return pageText(lang, "data.facts", 0, "times", times(len(e.Occurrences), lang), "answered", answeredText(e, lang))
}

// htmlOcc is an asking (or a later day's answer) in the thread Thread of
// day Day; its date and group are the day's, and given only where they
// are not.
type htmlOcc struct {
	Day    int    `json:"day"`
	Thread string `json:"thread"`
	Date   string `json:"date,omitempty"`
	Group  string `json:"group,omitempty"`
	Asker  string `json:"asker"`
	Line   int    `json:"line"` // the asking's (or answer's) line in its day's chat
}

type htmlTopic struct {
	Name    string   `json:"name"`
	Gloss   string   `json:"gloss"`
	Entries []string `json:"entries"` // entry IDs in rank order
}

// WriteHTML writes the digest as one self-contained HTML page, with no
// network access: a timeline per day with every thread as a lane over the
// day's hours, coloured by kind (Q&A threads open their messages when
// clicked), and a topic index of the entries. The page's script draws it
// all from the JSON the page embeds. The page's own words are in the
// language PageLang chooses, and so are the topics' glosses, where a topic
// has one in it (dict.Topic.GlossIn).
func WriteHTML(w io.Writer, d *Digest) error {
	lang := PageLang(d)
	data := htmlData{Text: scriptTexts(lang), Days: []htmlDay{}, Entries: []htmlEntry{}, Unanswered: []htmlUnanswered{}}
	var msgs htmlMessages // the day's
	senders := map[string]int{}
	message := func(base time.Time, m MessageView) []any {
		i, ok := senders[m.Sender]
		if !ok {
			i = len(msgs.Senders)
			senders[m.Sender] = i
			msgs.Senders = append(msgs.Senders, m.Sender)
		}
		return htmlMessage(base, m, i, lang)
	}
	var dayMessages strings.Builder // the days' script elements
	type threadRef struct {
		day int    // index into d.Days
		id  string // the thread's ID in that day
	}
	asked := make(map[threadRef]bool) // the threads an unanswered question opens, or a later day's answer is in
	// A question answered on a later day (Answer.Later): its thread shows
	// the answers after its own messages, and both its thread and the
	// answer's are Q&A threads of the entry on the page.
	laterAnswers := make(map[threadRef][]MessageView) // by the question's thread
	answerEntries := make(map[threadRef][]string)     // by the answer's thread: the entries it answers
	for _, e := range d.Entries {
		for _, o := range e.Occurrences {
			for _, a := range o.Answers {
				if a.Later {
					at := threadRef{a.Day, a.Thread}
					asked[at] = true
					q := threadRef{o.Day, o.Thread}
					laterAnswers[q] = append(laterAnswers[q], laterAnswerView(d, a))
					if !slices.Contains(answerEntries[at], e.ID) {
						answerEntries[at] = append(answerEntries[at], e.ID)
					}
				}
			}
		}
	}
	for _, u := range d.Unanswered {
		asked[threadRef{u.Day, u.Thread}] = true
		hu := htmlUnanswered{Asker: u.Asker, Question: u.Question, Line: u.Line, Day: u.Day, Thread: u.Thread}
		if u.Asked > 1 {
			hu.Asked, hu.Since = u.Asked, u.FirstDate
		}
		data.Unanswered = append(data.Unanswered, hu)
	}
	for _, k := range htmlKinds {
		data.Kinds = append(data.Kinds, string(k))
	}
	topicIndex := make(map[string]int, len(d.Topics))
	for i, t := range d.Topics {
		topicIndex[t.Name] = i
		data.Topics = append(data.Topics, htmlTopic{Name: t.Name, Gloss: t.GlossIn(lang), Entries: []string{}})
	}
	topicIDs := func(names []string) []int {
		ids := make([]int, 0, len(names))
		for _, n := range names {
			if i, ok := topicIndex[n]; ok {
				ids = append(ids, i)
			}
		}
		return ids
	}
	hasCode := false
	for k, day := range d.Days {
		msgs = htmlMessages{Senders: []string{}, Threads: map[string][][]any{}}
		clear(senders)
		hd := htmlDay{Date: day.Date, Group: day.Group, Threads: make([]htmlThread, 0, len(day.Threads))}
		if last := lastDate(day); last > day.Date {
			hd.Last = last
		}
		if day.Title != day.Group {
			hd.Title = day.Title
		}
		base := dayBase(day)
		at := func(t time.Time) int {
			if t.IsZero() {
				return 0 // unknown, or 00:00:00 of a log without dates
			}
			return int(t.Sub(base) / time.Second)
		}
		for _, t := range day.Threads {
			start, end := barSpan(t)
			ht := htmlThread{ID: t.ID, Kind: string(t.Kind), Title: t.Title, Start: at(start), End: at(end), Topics: topicIDs(t.Topics), Entries: nonNil(t.Entries)}
			var tm [][]any
			for _, m := range t.Messages {
				ht.Times = append(ht.Times, at(m.Time))
				if t.Kind == thread.KindQA || len(t.Entries) > 0 || asked[threadRef{k, t.ID}] { // a question asked in a talk, or never answered, too
					tm = append(tm, message(base, m))
					hasCode = hasCode || len(m.Code.Spans) > 0
				}
			}
			ref := threadRef{k, t.ID}
			for _, m := range laterAnswers[ref] {
				ht.Times = append(ht.Times, at(m.Time)) // past the bar's end: counted, not drawn
				tm = append(tm, message(base, m))
				hasCode = hasCode || len(m.Code.Spans) > 0
			}
			if tm != nil {
				msgs.Threads[t.ID] = tm
			}
			for _, id := range answerEntries[ref] {
				if !slices.Contains(ht.Entries, id) {
					ht.Entries = append(ht.Entries, id)
				}
			}
			if len(laterAnswers[ref]) > 0 || len(answerEntries[ref]) > 0 {
				ht.Kind = string(thread.KindQA)
			}
			hd.Threads = append(hd.Threads, ht)
		}
		data.Days = append(data.Days, hd)
		if len(msgs.Threads) > 0 {
			mjs, err := json.Marshal(msgs) // sorted by thread ID
			if err != nil {
				return fmt.Errorf("html digest: %w", err)
			}
			fmt.Fprintf(&dayMessages, "<script id=\"messages-%d\" type=\"application/json\">%s</script>\n", k, mjs)
		}
	}
	for _, e := range d.Entries {
		he := htmlEntry{ID: e.ID, Title: e.Title, Topics: topicIDs(e.Topics), Facts: entryFacts(&e, lang), Later: []htmlOcc{}}
		for _, o := range e.Occurrences {
			he.Occ = append(he.Occ, occ(d, htmlOcc{Day: o.Day, Thread: o.Thread, Date: o.Date, Group: o.Group, Asker: o.Asker, Line: o.Line}))
			for _, a := range o.Answers {
				if a.Later {
					he.Later = append(he.Later, occ(d, htmlOcc{Day: a.Day, Thread: a.Thread, Date: cmp.Or(a.Date, dateOf(a.Time)), Group: o.Group, Asker: a.Sender, Line: a.Line}))
				}
			}
		}
		for _, i := range he.Topics {
			data.Topics[i].Entries = append(data.Topics[i].Entries, e.ID)
		}
		data.Entries = append(data.Entries, he)
	}
	js, err := json.Marshal(data) // escapes <, > and &, so the JSON cannot end the script element
	if err != nil {
		return fmt.Errorf("html digest: %w", err)
	}
	style, script := "", ""
	if hasCode {
		style, script = codeStyle, codeScript
	}
	htmlLang := map[string]string{"en": "en", "zh": "zh-CN"}[lang]
	// One pass: what one placeholder is replaced by is not read for another.
	pairs := []string{"{{LANG}}", htmlLang, "{{TITLE}}", html.EscapeString(pageTitle(d, lang)), "{{SUMMARY}}", html.EscapeString(pageSummary(d, lang)),
		"{{CODE_STYLE}}", style, "{{CODE_SCRIPT}}", script, "{{DATA}}", string(js), "{{MESSAGES}}\n", dayMessages.String()}
	for k, v := range pageTexts[lang] {
		switch {
		case strings.HasPrefix(k, "static."):
			pairs = append(pairs, "{{"+k+"}}", html.EscapeString(v))
		case strings.HasPrefix(k, "js."):
			pairs = append(pairs, "{{"+k+"}}", jsStringChars(v))
		}
	}
	page := strings.NewReplacer(pairs...).Replace(pageTemplate)
	_, err = io.WriteString(w, page)
	return err
}

// jsStringChars is s as the characters of a JavaScript string between
// double quotes, that cannot end the script element it is in.
func jsStringChars(s string) string {
	js, _ := json.Marshal(s) // a string always marshals; <, > and & escaped
	return string(js[1 : len(js)-1])
}

// occ is o without its date and group where they are its day's.
func occ(d *Digest, o htmlOcc) htmlOcc {
	if o.Day >= 0 && o.Day < len(d.Days) {
		if o.Date == d.Days[o.Day].Date {
			o.Date = ""
		}
		if o.Group == d.Days[o.Day].Group {
			o.Group = ""
		}
	}
	return o
}

// htmlMessage is a message as the page's script reads it: [line, time,
// sender, text, role], the sender the index of its name in
// htmlMessages.Senders, the text of a picture without text (imageText) in
// the page's language lang, and for a picture or shared link at an http or https
// address, the address, which the script makes the text's link. Another
// address is no link: it is text after the message's, which the script
// writes as text. A message with code (a picture or link has none) has ""
// in the address's place and then its text and code as htmlCode gives
// them, which the script shows in the text's place.
func htmlMessage(base time.Time, m MessageView, sender int, lang string) []any {
	msg := []any{m.Line, clock(base, m.Time), sender, m.Text, string(m.Role)}
	if m.Text == imageText && m.Lines == "" { // a picture, not a message that says "[image]"
		msg[3] = pageText(lang, "data.image", 0)
	}
	if len(m.Code.Spans) > 0 {
		return append(msg, "", htmlCode(m.Code))
	}
	if sameWords(m.Lines, m.Text) {
		msg[3] = lines(m.Lines) // text as written; a picture's or link's stays its readable text
	}
	if webAddress(m.URL) {
		return append(msg, m.URL)
	}
	msg[3] = withAddress(msg[3].(string), m.URL)
	return msg
}

// lines is a message's text as the page shows it, its line breaks kept
// (the page writes it with white-space: pre-wrap, as text, never as
// markup): each line without white space at its end, runs of blank lines
// as one, none at the start or end. Text of white space only is "", which
// the page shows as an empty message.
func lines(s string) string {
	var out []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if strings.TrimSpace(l) == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// htmlCode is a message's text and code (see chatlog.CodeParts) as the
// page's script shows them: ["", text] for text, its runs of white space
// as one space as in the message's one-line text, ["code", code] for code
// inside a line, and ["pre", code] or ["pre", code, language] for a block,
// its lines as written. Text is trimmed where a block or the message
// starts or ends, as a block stands on lines of its own.
func htmlCode(c Code) [][]string {
	parts := chatlog.CodeParts(c.Text, c.Spans)
	out := make([][]string, 0, len(parts))
	for i, p := range parts {
		switch {
		case p.Block && p.Lang != "":
			out = append(out, []string{"pre", p.Text, p.Lang})
		case p.Block:
			out = append(out, []string{"pre", p.Text})
		case p.Code:
			out = append(out, []string{"code", p.Text})
		default:
			s := oneLine(p.Text)
			if i == 0 || parts[i-1].Block {
				s = strings.TrimLeft(s, " ")
			}
			if i == len(parts)-1 || parts[i+1].Block {
				s = strings.TrimRight(s, " ")
			}
			if s != "" {
				out = append(out, []string{"", s})
			}
		}
	}
	return out
}

// oneLine is s with its runs of white space as one space, at its ends too.
func oneLine(s string) string {
	words := strings.Join(strings.Fields(s), " ")
	if words == "" {
		return " " // CodeParts gives no empty text
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
		words = " " + words
	}
	if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(r) {
		words += " "
	}
	return words
}

// codeStyle and codeScript are what a page with code has more, at the end
// of its style sheet and in the script's writing of a message: the script
// writes a message's text and code (see htmlCode) as text, <code> and
// <pre><code>, all as text nodes, never as markup. A page without code
// leaves them out, so that it stays as it was before the page showed code.
const (
	codeStyle = `.msg code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; background: #eff1f3; border-radius: 3px; padding: 0 3px; }
.msg pre { margin: 4px 0; padding: 6px 8px; background: #eff1f3; border-radius: 4px; overflow-x: auto; white-space: pre; }
.msg pre code { padding: 0; background: none; }
`
	codeScript = `      if (m[6]) {
        text.textContent = "";
        m[6].forEach(function (p) {
          if (p[0] === "pre") {
            var pre = el("pre", {});
            pre.appendChild(el("code", p[2] ? { "class": "language-" + p[2] } : {}, p[1]));
            text.appendChild(pre);
          } else if (p[0] === "code") text.appendChild(el("code", {}, p[1]));
          else text.appendChild(document.createTextNode(p[1]));
        });
      }
`
)

// laterAnswerView is an answer posted on a later day, as its question's
// panel shows it: the message as its own day's thread holds it (its line
// breaks kept), with the answer's role.
func laterAnswerView(d *Digest, a Answer) MessageView {
	if a.Day >= 0 && a.Day < len(d.Days) {
		for _, t := range d.Days[a.Day].Threads {
			if t.ID != a.Thread {
				continue
			}
			for _, m := range t.Messages {
				if m.Line == a.Line {
					m.Role = thread.RoleAnswer
					return m
				}
			}
		}
	}
	lines := a.Lines // as written, but a picture's is "", as a MessageView's
	if a.URL != "" && a.Lines == imageText {
		lines = ""
	}
	return MessageView{Line: a.Line, Time: a.Time, Sender: a.Sender, Text: a.Text, Lines: lines, URL: a.URL, Role: thread.RoleAnswer, Code: a.Code}
}

// barSpan is the stretch of time a thread's bar covers: from its first to
// its last message with something to read (text, a picture, a link). A
// message of white space only (a WeChat header with a blank body) at
// either end does not stretch the bar; a thread of such messages only is
// a short bar at its start.
func barSpan(t ThreadView) (start, end time.Time) {
	found := false
	for _, m := range t.Messages {
		if m.Text == "" && m.URL == "" {
			continue
		}
		if !found || m.Time.Before(start) {
			start = m.Time
		}
		if !found || m.Time.After(end) {
			end = m.Time
		}
		found = true
	}
	if !found {
		return t.Start, t.Start
	}
	return start, end
}

// lastDate is the date of the day's last dated message, "" when none has
// a date.
func lastDate(day DayView) string {
	last := ""
	for _, t := range day.Threads {
		for _, m := range t.Messages {
			last = max(last, dateOf(m.Time))
		}
	}
	return last
}

// dayBase is midnight before the day's first message, in its time zone. A
// log without dates has its clock times on 0001-01-01, whose midnight is
// the zero time.
func dayBase(day DayView) time.Time {
	var first time.Time
	for _, t := range day.Threads {
		for _, m := range t.Messages {
			if !m.Time.IsZero() && (first.IsZero() || m.Time.Before(first)) {
				first = m.Time
			}
		}
	}
	if first.IsZero() {
		return first
	}
	y, m, dd := first.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, first.Location())
}

// clock is t as HH:MM:SS, with its date in front when it falls on another
// day than base (a log of several days: a Slack channel).
func clock(base, t time.Time) string {
	if by, bm, bd := base.Date(); t.Year() != by || t.Month() != bm || t.Day() != bd {
		if t.Year() > 1 {
			return t.Format("2006-01-02 15:04:05")
		}
	}
	return t.Format("15:04:05")
}
