package digest

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/mdtext"
)

// WriteMarkdown writes the digest as a Markdown FAQ to post back into a
// group: a section per topic (the topics with the most askings first), and
// in each the entries whose first topic it is, most asked and best
// answered first, with every occurrence, its answers and its source line.
// Its own words are in the language PageLang chooses.
func WriteMarkdown(w io.Writer, d *Digest) error {
	lang := PageLang(d)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", pageTitle(d, lang))
	bw.WriteString(mdtext.Escape(pageSummary(d, lang)) + "\n\n")
	groups := byTopic(d)
	if len(groups) == 0 {
		bw.WriteString(mdText(lang, "noEntries", 0) + "\n")
	}
	for _, g := range groups {
		fmt.Fprintf(bw, "## %s\n\n", mdtext.Escape(topicHeading(g.topic, lang)))
		for i, e := range g.entries {
			writeEntryMarkdown(bw, i+1, e, lang)
		}
	}
	if len(groups) == 0 && len(d.Unanswered) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString(unansweredMarkdown(pageText(lang, "static.unanswered", 0), lang, d.Unanswered, func(u *Unanswered) string {
		return mdtext.Code(fmt.Sprintf("%s:%d", u.Path, u.Line))
	}))
	return bw.Flush()
}

// unansweredMarkdown is the section listing the unanswered questions us
// under heading, one bullet each, of its latest asking: "- 2018-05-09
// prodarch, **Asker**: question (source)", where source(u) is its path and
// line as Markdown, and ", asked 3 times since 2018-05-04" after it when
// it was asked more than once; "" when there are none. Its words are in
// lang.
func unansweredMarkdown(heading, lang string, us []Unanswered, source func(*Unanswered) string) string {
	if len(us) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("## " + heading + "\n\n")
	for i := range us {
		u := &us[i]
		where := dateIn(u.Date, lang)
		if u.Group != "" {
			where += " " + mdtext.Escape(u.Group)
		}
		b.WriteString(mdText(lang, "unansweredItem", 0, "where", where, "asker", mdtext.Escape(u.Asker), "question", mdtext.Escape(u.Question), "source", source(u)))
		if since := askedSince(u, lang); since != "" {
			b.WriteString(mdText(lang, "askedAgain", 0, "asked", since))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// span describes the days of a digest: "2018-03-01 to 2018-03-07", or
// when a range left none, "no day since 2030-01-01 (45 day logs read)".
func span(d *Digest) string {
	first, last := dateSpan(d)
	switch {
	case len(d.Days) == 0 && d.Range.String() != "":
		return fmt.Sprintf("no day %s (%s read)", d.Range, mdtext.Plural(d.Range.Read, "day log"))
	case first == "":
		return "no dated days"
	case first == last:
		return first
	}
	return first + " to " + last
}

// dateSpan returns the first and last day the digest's days cover within
// its range (DayView.Dates: a Slack channel's first and last day, not
// only the first); "", "" when none has a date.
func dateSpan(d *Digest) (first, last string) {
	for i := range d.Days {
		dates := d.Days[i].covered()
		if len(dates) == 0 {
			continue
		}
		if first == "" || dates[0] < first {
			first = dates[0]
		}
		last = max(last, dates[len(dates)-1])
	}
	return first, last
}

// summary says in one line what the digest covers: "4 days (devarch,
// proddev), 22 threads; …", or, where groups (or files) share dates,
// the dates and the day logs: "7 days (10 day logs of a, b, c), …". A day
// without a date counts as a day of its own, and a log of several days
// (a Slack channel) as each day it covers.
func summary(d *Digest) string {
	c := countDigest(d)
	s := mdtext.Plural(c.days, "day")
	var in []string
	if c.shared {
		in = append(in, mdtext.Plural(len(d.Days), "day log"))
	}
	if len(c.groups) > 0 {
		in = append(in, strings.Join(c.groups, ", "))
	}
	if len(in) > 0 {
		s += " (" + strings.Join(in, " of ") + ")"
	}
	s = fmt.Sprintf("%s, %s; %s.", s, mdtext.Plural(c.threads, "thread"), askedIn("en", len(d.Entries), c.askings, c.repeated))
	if d.LeftOut > 0 {
		s += fmt.Sprintf(" %s left out: asked once and never answered, or saying too little out of their chat.", mdtext.Plural(d.LeftOut, "other asking"))
	}
	return s + unansweredCount(d.Unanswered)
}

// askedCounts says in English how often the entries were asked: "no
// question answered or asked again", "1 question, asked once" ("twice",
// "3 times"), "3 questions, each asked once", "3 questions asked 5 times,
// 2 of them more than once".
func askedCounts(entries, askings, repeated int) string {
	switch {
	case entries == 0:
		return "no question answered or asked again"
	case entries == 1:
		return "1 question, asked " + times(askings, "en")
	case repeated == 0:
		return fmt.Sprintf("%d questions, each asked once", entries)
	}
	return fmt.Sprintf("%d questions asked %d times, %d of them more than once", entries, askings, repeated)
}

// digestCounts are what a digest's summary line counts.
type digestCounts struct {
	groups                           []string // the groups, sorted
	days, threads, askings, repeated int      // distinct dates (a day without one counts alone), threads, askings, entries asked more than once
	shared                           bool     // some date is covered by more than one day log (two groups, or two files, of one day)
}

// countDigest counts d for its summary line (summary, pageSummary).
func countDigest(d *Digest) digestCounts {
	var c digestCounts
	groups := map[string]bool{}
	dates := map[string]bool{}
	for i := range d.Days {
		day := &d.Days[i]
		if day.Group != "" {
			groups[day.Group] = true
		}
		covered := day.covered()
		if len(covered) == 0 {
			c.days++ // undated: a day of its own
		}
		for _, date := range covered {
			if dates[date] {
				c.shared = true
				continue
			}
			c.days++
			dates[date] = true
		}
		c.threads += len(day.Threads)
	}
	c.groups = slices.Sorted(maps.Keys(groups))
	for _, e := range d.Entries {
		c.askings += len(e.Occurrences)
		if len(e.Occurrences) > 1 {
			c.repeated++
		}
	}
	return c
}

// unansweredCount says how many unanswered questions are listed at the
// end (questions, not askings: one asked three times counts once), and
// where they are counted: among the askings left out, or as entries never
// answered. "" when none is.
func unansweredCount(us []Unanswered) string {
	if len(us) == 0 {
		return ""
	}
	inEntries := 0
	for _, u := range us {
		if u.InEntry {
			inEntries++
		}
	}
	entries := fmt.Sprintf("%d entries", inEntries)
	if inEntries == 1 {
		entries = "1 entry"
	}
	s := " " + mdtext.Plural(len(us), "unanswered question") + " listed at the end"
	switch leftOut := len(us) - inEntries; {
	case inEntries == 0:
		return s + ", out of those left out."
	case inEntries == 1 && leftOut == 0:
		return s + ", an entry never answered."
	case leftOut == 0:
		return s + ", entries never answered."
	default:
		return s + fmt.Sprintf(": %d out of those left out, %s never answered.", leftOut, entries)
	}
}

// A topicGroup is one section of the digest.
type topicGroup struct {
	topic   *dict.Topic // nil for the entries without a topic
	entries []*Entry    // in rank order
}

// byTopic groups the digest's entries under their first topic, as
// topicOrder orders them.
func byTopic(d *Digest) []topicGroup {
	sections := topicOrder(d.Topics, len(d.Entries),
		func(i int) []string { return d.Entries[i].Topics },
		func(i int) int { return len(d.Entries[i].Occurrences) })
	out := make([]topicGroup, len(sections))
	for k, sec := range sections {
		out[k].topic = sec.topic
		for _, i := range sec.items {
			out[k].entries = append(out[k].entries, &d.Entries[i])
		}
	}
	return out
}

// A topicSection is one topic's items, by their index.
type topicSection struct {
	topic *dict.Topic // nil for the items without a known topic
	items []int       // in the order given
}

// topicOrder groups n items (entries, in rank order) under their first
// topic (topicsOf(i)[0]): sections with more askings (askings(i) summed)
// first, then in topics-file order; the items without a topic, or whose
// first topic is not in topics, come last. Items keep their order within a
// section.
func topicOrder(topics []dict.Topic, n int, topicsOf func(int) []string, askings func(int) int) []topicSection {
	index := make(map[string]int, len(topics))
	for i, t := range topics {
		index[t.Name] = i
	}
	groups := make(map[int]*topicSection)
	total := make(map[int]int)
	for i := range n {
		k := len(topics) // the other questions
		if ts := topicsOf(i); len(ts) > 0 {
			if j, ok := index[ts[0]]; ok {
				k = j
			}
		}
		g, ok := groups[k]
		if !ok {
			g = &topicSection{}
			if k < len(topics) {
				g.topic = &topics[k]
			}
			groups[k] = g
		}
		g.items = append(g.items, i)
		total[k] += askings(i)
	}
	keys := make([]int, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		ka, kb := keys[a], keys[b]
		if (ka == len(topics)) != (kb == len(topics)) {
			return kb == len(topics)
		}
		if total[ka] != total[kb] {
			return total[ka] > total[kb]
		}
		return ka < kb
	})
	out := make([]topicSection, len(keys))
	for i, k := range keys {
		out[i] = *groups[k]
	}
	return out
}

// topicHeading is a topic's name with its gloss in lang (dict.Topic.GlossIn,
// as the HTML page shows it): "分账 (profit sharing)"; the entries without
// a topic are "Other questions".
func topicHeading(t *dict.Topic, lang string) string {
	if t == nil {
		return pageText(lang, "otherQuestions", 0)
	}
	gloss := t.GlossIn(lang)
	if gloss == "" {
		return t.Name
	}
	return mdText(lang, "topic", 0, "name", t.Name, "gloss", gloss)
}

// writeEntryMarkdown writes entry e, numbered n, as the Markdown digest
// lists it, in lang.
func writeEntryMarkdown(w *bufio.Writer, n int, e *Entry, lang string) {
	fmt.Fprintf(w, "### %d. %s\n\n", n, mdtext.Escape(e.Title))
	w.WriteString(askedLine(e, lang))
	w.WriteString(topicsText(e, lang))
	w.WriteString(mdText(lang, "entryID", 0, "id", "`"+e.ID+"`") + "\n\n")
	for _, o := range e.Occurrences {
		asked := mdText(lang, "occurrence", 0, "where", occWhere(&o, lang), "asker", mdtext.Escape(o.Asker), "source", mdtext.Code(source(&o)))
		w.WriteString(afterLabel(asked, messageMarkdown(o.Question, "", o.Code, "  ", lang)) + "\n")
		for _, a := range o.Answers {
			said := mdText(lang, "answer", 0, "sender", mdtext.Escape(a.Sender), "date", laterDate(a, lang), "place", answerPlace(&o, &a, lang))
			w.WriteString(afterLabel(said, messageMarkdown(a.Text, a.URL, a.Code, "    ", lang)) + "\n")
		}
	}
	w.WriteString("\n")
}

// afterLabel is label and then md on its line, as mdtext.Spaced puts it,
// without the space after a label that ends in a full-width colon ("：").
func afterLabel(label, md string) string {
	if strings.HasSuffix(label, "：") {
		return label + strings.TrimPrefix(mdtext.Spaced(md), " ")
	}
	return label + mdtext.Spaced(md)
}

// topicsText is " Topics: 分账, 对账." after an entry's asked line, in
// lang; "" when the entry has none.
func topicsText(e *Entry, lang string) string {
	if len(e.Topics) == 0 {
		return ""
	}
	return mdText(lang, "topics", 0, "topics", mdtext.Escape(strings.Join(e.Topics, mdText(lang, "sep", 0))))
}

// askedLine says how often an entry was asked and answered, in lang:
// "Asked twice (2018-03-01 to 2018-03-08), answered once, 1 answer.".
func askedLine(e *Entry, lang string) string {
	s := mdText(lang, "askedOn", 0, "times", times(len(e.Occurrences), lang), "date", dateIn(e.FirstAsked(), lang))
	if e.FirstAsked() != e.LastAsked() {
		s = mdText(lang, "askedFromTo", 0, "times", times(len(e.Occurrences), lang), "first", dateIn(e.FirstAsked(), lang), "last", dateIn(e.LastAsked(), lang))
	}
	return s + answeredText(e, lang) + mdText(lang, "end", 0)
}

// answeredText says how an entry was answered, after how often it was
// asked, in lang: ", not answered", ", 2 answers" (asked once), ",
// answered twice, 3 answers". The Markdown's askedLine and the HTML
// page's entries say it alike.
func answeredText(e *Entry, lang string) string {
	answers := mdText(lang, "answerCount", e.AnswerCount())
	switch a := e.Answered(); {
	case a == 0:
		return mdText(lang, "notAnswered", 0)
	case len(e.Occurrences) == 1:
		return mdText(lang, "answers", 0, "answers", answers)
	default:
		return mdText(lang, "answeredTimes", 0, "times", times(a, lang), "answers", answers)
	}
}

// occWhere is the date and group of an occurrence as Markdown text:
// "2018-05-04 proddev"; an undated one's date in lang.
func occWhere(o *Occurrence, lang string) string {
	if o.Group == "" {
		return dateIn(o.Date, lang)
	}
	return dateIn(o.Date, lang) + " " + mdtext.Escape(o.Group)
}

// dateIn is a date as the digest writes it, in lang: "undated" ("日期不明")
// for a day whose log gives no date (an IRC log whose file name holds
// none).
func dateIn(date, lang string) string {
	if date == "" {
		return pageText(lang, "undated", 0)
	}
	return date
}

// times writes "once", "twice", "3 times" in lang.
func times(n int, lang string) string {
	switch n {
	case 1:
		return mdText(lang, "once", 0)
	case 2:
		return mdText(lang, "twice", 0)
	}
	return mdText(lang, "times", n)
}

// answerPlace is where answer a of occurrence o is, as the Markdown digest
// writes it: "line 12" in the occurrence's file, `path:12` in another (a
// reply in a later export of the chat); in lang.
func answerPlace(o *Occurrence, a *Answer, lang string) string {
	if a.Path == o.Path {
		return pageText(lang, "line", a.Line)
	}
	return mdtext.Code(fmt.Sprintf("%s:%d", a.Path, a.Line))
}

// laterDate is "2024-01-11, " for an answer posted on a later day than its
// question, "" for the others; in lang.
func laterDate(a Answer, lang string) string {
	if !a.Later {
		return ""
	}
	return mdText(lang, "laterDate", 0, "date", dateOf(a.Time))
}
