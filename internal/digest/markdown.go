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

// otherTopic heads the entries that have no topic.
const otherTopic = "Other questions"

// WriteMarkdown writes the digest as a Markdown FAQ to post back into a
// group: a section per topic (the topics with the most askings first), and
// in each the entries whose first topic it is, most asked and best
// answered first, with every occurrence, its answers and its source line.
func WriteMarkdown(w io.Writer, d *Digest) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# FAQ digest: %s\n\n", span(d))
	bw.WriteString(mdtext.Escape(summary(d)) + "\n\n")
	groups := byTopic(d)
	if len(groups) == 0 {
		bw.WriteString("No answered or repeated questions.\n")
	}
	for _, g := range groups {
		fmt.Fprintf(bw, "## %s\n\n", mdtext.Escape(topicHeading(g.topic)))
		for i, e := range g.entries {
			writeEntryMarkdown(bw, i+1, e)
		}
	}
	if len(groups) == 0 && len(d.Unanswered) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString(unansweredMarkdown(unansweredHeading, d.Unanswered, func(u *Unanswered) string {
		return mdtext.Code(fmt.Sprintf("%s:%d", u.Path, u.Line))
	}))
	return bw.Flush()
}

// unansweredHeading heads the list of questions nobody answered.
const unansweredHeading = "Unanswered questions"

// unansweredMarkdown is the section listing the unanswered questions us
// under heading, one bullet each, of its latest asking: "- 2018-05-09
// prodarch, **Asker**: question (source)", where source(u) is its path and
// line as Markdown, and ", asked 3 times since 2018-05-04" after it when
// it was asked more than once; "" when there are none.
func unansweredMarkdown(heading string, us []Unanswered, source func(*Unanswered) string) string {
	if len(us) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("## " + heading + "\n\n")
	for i := range us {
		u := &us[i]
		where := DateText(u.Date)
		if u.Group != "" {
			where += " " + mdtext.Escape(u.Group)
		}
		fmt.Fprintf(&b, "- %s, **%s**: %s (%s)", where, mdtext.Escape(u.Asker), mdtext.Escape(u.Question), source(u))
		if since := askedSince(u); since != "" {
			b.WriteString(", " + since)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// span describes the days of a digest: "2018-03-01 to 2018-03-07", or
// when a range left none, "no day since 2030-01-01 (45 days read)".
func span(d *Digest) string {
	first, last := "", ""
	for _, day := range d.Days {
		if day.Date == "" {
			continue
		}
		if first == "" || day.Date < first {
			first = day.Date
		}
		if day.Date > last {
			last = day.Date
		}
	}
	switch {
	case len(d.Days) == 0 && d.Range.String() != "":
		return fmt.Sprintf("no day %s (%s read)", d.Range, mdtext.Plural(d.Range.Read, "day"))
	case first == "":
		return "no dated days"
	case first == last:
		return first
	}
	return first + " to " + last
}

// summary says in one line what the digest covers: "4 days (devarch,
// proddev), 22 threads; …", or, where groups (or files) share dates,
// the dates and the day logs: "7 days (10 day logs of a, b, c), …". A day
// without a date counts as a day of its own.
func summary(d *Digest) string {
	c := countDigest(d)
	s := mdtext.Plural(c.days, "day")
	var in []string
	if c.days != len(d.Days) {
		in = append(in, mdtext.Plural(len(d.Days), "day log"))
	}
	if len(c.groups) > 0 {
		in = append(in, strings.Join(c.groups, ", "))
	}
	if len(in) > 0 {
		s += " (" + strings.Join(in, " of ") + ")"
	}
	s = fmt.Sprintf("%s, %s; %s asked %s, %d of them more than once.",
		s, mdtext.Plural(c.threads, "thread"), mdtext.Plural(len(d.Entries), "question"), mdtext.Plural(c.askings, "time"), c.repeated)
	if d.LeftOut > 0 {
		s += fmt.Sprintf(" %s left out: asked once and never answered, or saying too little out of their chat.", mdtext.Plural(d.LeftOut, "other asking"))
	}
	return s + unansweredCount(d.Unanswered)
}

// digestCounts are what a digest's summary line counts.
type digestCounts struct {
	groups                           []string // the groups, sorted
	days, threads, askings, repeated int      // distinct dates (a day without one counts alone), threads, askings, entries asked more than once
}

// countDigest counts d for its summary line (summary, pageSummary).
func countDigest(d *Digest) digestCounts {
	var c digestCounts
	groups := map[string]bool{}
	dates := map[string]bool{}
	for _, day := range d.Days {
		if day.Group != "" {
			groups[day.Group] = true
		}
		if day.Date == "" || !dates[day.Date] {
			c.days++
			dates[day.Date] = true
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

// topicHeading is a topic's name with its gloss: "分账 (profit sharing)".
func topicHeading(t *dict.Topic) string {
	if t == nil {
		return otherTopic
	}
	if t.Gloss == "" {
		return t.Name
	}
	return t.Name + " (" + t.Gloss + ")"
}

func writeEntryMarkdown(w *bufio.Writer, n int, e *Entry) {
	fmt.Fprintf(w, "### %d. %s\n\n", n, mdtext.Escape(e.Title))
	w.WriteString(askedLine(e))
	if len(e.Topics) > 0 {
		fmt.Fprintf(w, " Topics: %s.", mdtext.Escape(strings.Join(e.Topics, ", ")))
	}
	fmt.Fprintf(w, " Entry `%s`.\n\n", e.ID)
	for _, o := range e.Occurrences {
		fmt.Fprintf(w, "- %s: **%s** asked (%s):%s\n", occWhere(&o), mdtext.Escape(o.Asker), mdtext.Code(source(&o)), mdtext.Spaced(messageMarkdown(o.Question, "", o.Code, "  ")))
		for _, a := range o.Answers {
			fmt.Fprintf(w, "  - **%s** (%s%s):%s\n", mdtext.Escape(a.Sender), laterDate(a), answerPlace(&o, &a), mdtext.Spaced(messageMarkdown(a.Text, a.URL, a.Code, "    ")))
		}
	}
	w.WriteString("\n")
}

// askedLine says how often an entry was asked and answered.
func askedLine(e *Entry) string {
	s := "Asked " + times(len(e.Occurrences))
	if e.FirstAsked() != e.LastAsked() {
		s += fmt.Sprintf(" (%s to %s)", DateText(e.FirstAsked()), DateText(e.LastAsked()))
	} else {
		s += fmt.Sprintf(" (%s)", DateText(e.FirstAsked()))
	}
	switch a := e.Answered(); {
	case a == 0:
		s += ", not answered."
	case len(e.Occurrences) == 1:
		s += fmt.Sprintf(", %s.", mdtext.Plural(e.AnswerCount(), "answer"))
	default:
		s += fmt.Sprintf(", answered %s, %s.", times(a), mdtext.Plural(e.AnswerCount(), "answer"))
	}
	return s
}

// occWhere is the date and group of an occurrence as Markdown text:
// "2018-05-04 proddev".
func occWhere(o *Occurrence) string {
	if o.Group == "" {
		return DateText(o.Date)
	}
	return DateText(o.Date) + " " + mdtext.Escape(o.Group)
}

// DateText is a date as the digest writes it: "undated" for a day whose log
// gives no date (an IRC log whose file name holds none).
func DateText(date string) string {
	if date == "" {
		return "undated"
	}
	return date
}

// times writes "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// answerPlace is where answer a of occurrence o is, as the Markdown digest
// writes it: "line 12" in the occurrence's file, `path:12` in another (a
// reply in a later export of the chat).
func answerPlace(o *Occurrence, a *Answer) string {
	if a.Path == o.Path {
		return fmt.Sprintf("line %d", a.Line)
	}
	return mdtext.Code(fmt.Sprintf("%s:%d", a.Path, a.Line))
}

// laterDate is "2024-01-11, " for an answer posted on a later day than its
// question, "" for the others.
func laterDate(a Answer) string {
	if !a.Later {
		return ""
	}
	return dateOf(a.Time) + ", "
}
