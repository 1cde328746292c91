package digest

import (
	"encoding/json"
	"io"
)

// jsonDigest is the JSON contract of `threads digest --format json`.
type jsonDigest struct {
	Entries    []jsonEntry      `json:"entries"`
	LeftOut    int              `json:"left_out"`
	Unanswered []jsonUnanswered `json:"unanswered"`
}

// jsonUnanswered is one unanswered question: its latest asking, how many
// times it was asked and the date of the first.
type jsonUnanswered struct {
	Date      string `json:"date"`
	Group     string `json:"group"`
	Asker     string `json:"asker"`
	Question  string `json:"question"`
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Asked     int    `json:"asked"`
	FirstDate string `json:"first_date"`
}

type jsonEntry struct {
	ID          string           `json:"id"`
	Title       string           `json:"title"`
	Topics      []string         `json:"topics"`
	Occurrences []jsonOccurrence `json:"occurrences"`
}

type jsonOccurrence struct {
	Path     string       `json:"path"`
	Line     int          `json:"line"`
	Date     string       `json:"date"`
	Group    string       `json:"group"`
	Asker    string       `json:"asker"`
	Question string       `json:"question"`
	Answers  []jsonAnswer `json:"answers"`
}

type jsonAnswer struct {
	Sender string `json:"sender"`
	Text   string `json:"text"`
	URL    string `json:"url,omitempty"` // the picture's or shared link's address, as the export gives it
	Path   string `json:"path"`          // the answer's own file: another than the occurrence's for a reply in a later export of the chat
	Line   int    `json:"line"`
	Date   string `json:"date"`
}

// WriteJSON writes the merged entries in rank order as
// {"entries": [{"id", "title", "topics", "occurrences": [{"path", "line",
// "date", "group", "asker", "question", "answers": [{"sender", "text",
// "url", "path", "line", "date"}]}]}], "left_out", "unanswered": [{"date",
// "group", "asker", "question", "path", "line", "asked", "first_date"}]},
// where line is the 1-based line of a message's header in the path beside
// it. Every answer gives its own file and the day it was sent: an answer
// posted on a later day, as a reply, may be in another file of the chat
// than its question (a group exported week by week). A question's and an answer's text are as
// written, line breaks kept (Occurrence.Lines, Answer.Lines); titles and
// unanswered questions are on one line. An unanswered
// question is one item however often it was asked: its fields but the
// last two are those of its latest asking, asked counts its askings and
// first_date is the date of the first (date when asked once). An answer that is a picture or a shared link has its text
// ("[image]", the link's title) and, when the export gives it, its address
// in url, left out for the others. Lists are never null.
func WriteJSON(w io.Writer, d *Digest) error {
	out := jsonDigest{Entries: make([]jsonEntry, 0, len(d.Entries)), LeftOut: d.LeftOut, Unanswered: make([]jsonUnanswered, 0, len(d.Unanswered))}
	for _, u := range d.Unanswered {
		out.Unanswered = append(out.Unanswered, jsonUnanswered{Date: u.Date, Group: u.Group, Asker: u.Asker, Question: u.Question,
			Path: u.Path, Line: u.Line, Asked: u.Asked, FirstDate: u.FirstDate})
	}
	for _, e := range d.Entries {
		je := jsonEntry{ID: e.ID, Title: e.Title, Topics: nonNil(e.Topics), Occurrences: make([]jsonOccurrence, 0, len(e.Occurrences))}
		for _, o := range e.Occurrences {
			jo := jsonOccurrence{Path: o.Path, Line: o.Line, Date: o.Date, Group: o.Group, Asker: o.Asker, Question: o.Lines, Answers: make([]jsonAnswer, 0, len(o.Answers))}
			for _, a := range o.Answers {
				jo.Answers = append(jo.Answers, jsonAnswer{Sender: a.Sender, Text: a.Lines, URL: a.URL, Path: a.Path, Line: a.Line, Date: a.Date})
			}
			je.Occurrences = append(je.Occurrences, jo)
		}
		out.Entries = append(out.Entries, je)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
