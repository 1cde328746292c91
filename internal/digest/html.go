package digest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/cocolian/threads/internal/thread"
)

//go:embed page.html
var pageTemplate string

// htmlKinds are the thread kinds in legend order.
var htmlKinds = []thread.Kind{thread.KindQA, thread.KindDiscussion, thread.KindTalk, thread.KindNews, thread.KindGreeting, thread.KindOther}

// htmlData is what the page's script renders; the page embeds it as JSON.
type htmlData struct {
	Title   string      `json:"title"`
	Summary string      `json:"summary"`
	Kinds   []string    `json:"kinds"`
	Days    []htmlDay   `json:"days"`
	Entries []htmlEntry `json:"entries"`
	Topics  []htmlTopic `json:"topics"`
}

type htmlDay struct {
	Date    string       `json:"date"`
	Group   string       `json:"group"`
	Path    string       `json:"path"`
	Threads []htmlThread `json:"threads"`
}

// htmlThread is one lane: times are seconds since midnight of the day.
type htmlThread struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"`
	Title    string     `json:"title"`
	Start    int        `json:"start"`
	End      int        `json:"end"`
	Times    []int      `json:"times"`
	Topics   []int      `json:"topics"`             // indices into htmlData.Topics
	Entries  []string   `json:"entries"`            // IDs of the entries its questions belong to
	Messages [][]string `json:"messages,omitempty"` // Q&A threads: [line, time, sender, text, role], and url for a picture or link at a web address
}

type htmlEntry struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Topics   []int     `json:"topics"`
	Asked    int       `json:"asked"`
	Answered int       `json:"answered"`
	Answers  int       `json:"answers"`
	First    string    `json:"first"`
	Last     string    `json:"last"`
	Occ      []htmlOcc `json:"occ"`
}

type htmlOcc struct {
	Day    int    `json:"day"`
	Thread string `json:"thread"`
	Date   string `json:"date"`
	Group  string `json:"group"`
	Asker  string `json:"asker"`
	Source string `json:"source"`
}

type htmlTopic struct {
	Name    string   `json:"name"`
	Gloss   string   `json:"gloss"`
	Entries []string `json:"entries"` // entry IDs in rank order
	Threads int      `json:"threads"` // threads with the topic
}

// WriteHTML writes the digest as one self-contained HTML page, with no
// network access: a timeline per day with every thread as a lane over the
// day's hours, coloured by kind (Q&A threads open their messages when
// clicked), and a topic index of the entries. The page's script draws it
// all from the JSON the page embeds.
func WriteHTML(w io.Writer, d *Digest) error {
	data := htmlData{Title: "FAQ digest: " + span(d), Summary: summary(d), Days: []htmlDay{}, Entries: []htmlEntry{}}
	for _, k := range htmlKinds {
		data.Kinds = append(data.Kinds, string(k))
	}
	topicIndex := make(map[string]int, len(d.Topics))
	for i, t := range d.Topics {
		topicIndex[t.Name] = i
		data.Topics = append(data.Topics, htmlTopic{Name: t.Name, Gloss: t.Gloss, Entries: []string{}})
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
	for _, day := range d.Days {
		hd := htmlDay{Date: day.Date, Group: day.Group, Path: day.Path, Threads: make([]htmlThread, 0, len(day.Threads))}
		base := dayBase(day)
		at := func(t time.Time) int {
			if t.IsZero() {
				return 0 // unknown, or 00:00:00 of a log without dates
			}
			return int(t.Sub(base) / time.Second)
		}
		for _, t := range day.Threads {
			ht := htmlThread{ID: t.ID, Kind: string(t.Kind), Title: t.Title, Start: at(t.Start), End: at(t.End), Topics: topicIDs(t.Topics), Entries: nonNil(t.Entries)}
			for _, m := range t.Messages {
				ht.Times = append(ht.Times, at(m.Time))
				if t.Kind == thread.KindQA || len(t.Entries) > 0 { // a question asked in a talk, too
					ht.Messages = append(ht.Messages, htmlMessage(base, m))
				}
			}
			for _, i := range ht.Topics {
				data.Topics[i].Threads++
			}
			hd.Threads = append(hd.Threads, ht)
		}
		data.Days = append(data.Days, hd)
	}
	for _, e := range d.Entries {
		he := htmlEntry{ID: e.ID, Title: e.Title, Topics: topicIDs(e.Topics), Asked: len(e.Occurrences), Answered: e.Answered(), Answers: e.AnswerCount(), First: e.FirstAsked(), Last: e.LastAsked()}
		for _, o := range e.Occurrences {
			he.Occ = append(he.Occ, htmlOcc{Day: o.Day, Thread: o.Thread, Date: o.Date, Group: o.Group, Asker: o.Asker, Source: source(&o)})
		}
		for _, i := range he.Topics {
			data.Topics[i].Entries = append(data.Topics[i].Entries, e.ID)
		}
		data.Entries = append(data.Entries, he)
	}
	js, err := json.Marshal(data) // escapes <, > and &, so the JSON cannot end the script element
	if err != nil {
		return err
	}
	page := strings.Replace(pageTemplate, "{{TITLE}}", html.EscapeString(data.Title), 1)
	page = strings.Replace(page, "{{DATA}}", string(js), 1)
	_, err = io.WriteString(w, page)
	return err
}

// htmlMessage is a message as the page's script reads it: [line, time,
// sender, text, role], and for a picture or shared link at an http or https
// address, the address, which the script makes the text's link. Another
// address is no link: it is text after the message's, which the script
// writes as text.
func htmlMessage(base time.Time, m MessageView) []string {
	msg := []string{fmt.Sprint(m.Line), clock(base, m.Time), m.Sender, m.Text, string(m.Role)}
	if webAddress(m.URL) {
		return append(msg, m.URL)
	}
	msg[3] = withAddress(m.Text, m.URL)
	return msg
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
