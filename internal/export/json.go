package export

import (
	"encoding/json"
	"io"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/thread"
)

// A Day is one threaded input file: the parsed log and its threading.
type Day struct {
	Log    *chatlog.Log   // the parsed input
	Result *thread.Result // its threading; Result.Links[i] belongs to Log.Messages[i]
	// Earlier holds, by message index, the message of an earlier day of
	// the same input that a message explicitly replies to
	// (thread.DayLinker); nil when none does.
	Earlier map[int]thread.Earlier
}

// Options change what the writers include.
type Options struct {
	Explain bool   // add the evidence behind every reply link, and the learned aliases
	Lang    string // the Markdown FAQ's own words: "en", "zh", or "" or "auto" to choose by each day's messages (see Lang)
}

// jsonDay is the JSON contract for one input file.
type jsonDay struct {
	Source   jsonSource     `json:"source"`
	Messages []jsonMessage  `json:"messages"`
	Threads  []jsonThread   `json:"threads"`
	Aliases  []thread.Alias `json:"aliases,omitzero"` // nil without --explain; [] when none were resolved
}

type jsonSource struct {
	Path    string `json:"path"`
	Format  string `json:"format"`
	Date    string `json:"date"`
	Title   string `json:"title"`
	Speaker string `json:"speaker"`
}

// jsonMessage is one message of the contract. ID, SenderID, URL, Quote and
// ReplyToID are left out when empty, so a message of a format without them reads as
// it did before they were added.
type jsonMessage struct {
	Index     int          `json:"index"`
	Line      int          `json:"line"`
	ID        string       `json:"id,omitempty"` // the format's own message id
	Time      string       `json:"time"`
	Sender    string       `json:"sender"`
	SenderID  string       `json:"sender_id,omitempty"` // the sender's platform account id
	Type      string       `json:"type"`
	Text      string       `json:"text"`
	URL       string       `json:"url,omitempty"`         // an image's, file's or link's address as the export gives it
	Quote     *jsonQuote   `json:"quote,omitempty"`       // what a quoted reply quotes; cut from Text
	ReplyToID string       `json:"reply_to_id,omitempty"` // the id of the message this one explicitly replies to, as the export gives it
	Mentions  []string     `json:"mentions"`
	ReplyTo   *int         `json:"reply_to"`
	Earlier   *jsonEarlier `json:"reply_to_earlier"`
	Thread    string       `json:"thread"`
	Role      string       `json:"role"`
	Explain   *jsonExplain `json:"explain,omitempty"`
}

// jsonQuote is the quoted message of a quoted reply, as the export shows
// it (chatlog.Quote).
type jsonQuote struct {
	Sender string `json:"sender"`
	Text   string `json:"text"`
}

// jsonEarlier is the message of an earlier day that a message explicitly
// replies to.
type jsonEarlier struct {
	Date    string `json:"date"`
	Index   int    `json:"index"`
	Line    int    `json:"line"`
	Answers bool   `json:"answers"` // the reply answers it, a question of its day
}

type jsonExplain struct {
	Score    float64           `json:"score"`
	AnswerOf *int              `json:"answer_of"`
	Evidence []thread.Evidence `json:"evidence"`
}

type jsonThread struct {
	ID           string         `json:"id"`
	Kind         string         `json:"kind"`
	Title        string         `json:"title"`
	Topic        string         `json:"topic"` // the forum topic, "" outside forums
	Keywords     []string       `json:"keywords"`
	Start        string         `json:"start"`
	End          string         `json:"end"`
	Participants []string       `json:"participants"`
	Messages     []int          `json:"messages"`
	Questions    []jsonQuestion `json:"questions"`
}

type jsonQuestion struct {
	Index      int   `json:"index"`
	Answers    []int `json:"answers"`
	AskedAgain *int  `json:"asked_again"` // thread.QA.AskedAgain, null for 0
}

// WriteJSON writes the JSON contract: one object for one day, an array of
// objects (in argument order) for several.
func WriteJSON(w io.Writer, days []Day, opts Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if len(days) == 1 {
		return enc.Encode(toJSON(days[0], opts))
	}
	all := make([]jsonDay, len(days))
	for i, d := range days {
		all[i] = toJSON(d, opts)
	}
	return enc.Encode(all)
}

// WriteJSONElement writes one day as WriteJSON writes it as an element of
// the array for several days: every line indented two spaces, ending in a
// newline. Archive runs render days in parallel this way, so the single
// writer only joins them.
func WriteJSONElement(w io.Writer, d Day, opts Options) error {
	if _, err := io.WriteString(w, "  "); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	return enc.Encode(toJSON(d, opts))
}

func toJSON(d Day, opts Options) jsonDay {
	log, res := d.Log, d.Result
	out := jsonDay{
		Source:   jsonSource{Path: log.Path, Format: log.Format, Date: log.Date, Title: log.Title, Speaker: log.Speaker},
		Messages: make([]jsonMessage, len(log.Messages)),
		Threads:  make([]jsonThread, len(res.Threads)),
	}
	for i, m := range log.Messages {
		l := res.Links[i]
		jm := jsonMessage{
			Index:     m.Index,
			Line:      m.Line,
			ID:        m.ID,
			Time:      formatTime(m.Time),
			Sender:    m.Sender,
			SenderID:  m.SenderID,
			Type:      string(m.Type),
			Text:      messageText(&m),
			URL:       m.URL,
			ReplyToID: m.ReplyToID,
			Mentions:  nonNil(m.Mentions),
			Thread:    res.Threads[l.Thread].ID,
			Role:      string(l.Role),
		}
		if q := m.Quote; q != nil {
			jm.Quote = &jsonQuote{Sender: q.Sender, Text: q.Text}
		}
		if l.Parent >= 0 {
			p := l.Parent
			jm.ReplyTo = &p
		}
		if e, ok := d.Earlier[i]; ok {
			jm.Earlier = &jsonEarlier{Date: e.Date, Index: e.Index, Line: e.Line, Answers: e.Answer}
		}
		if opts.Explain {
			ex := &jsonExplain{Score: l.Score, Evidence: l.Evidence}
			if ex.Evidence == nil {
				ex.Evidence = []thread.Evidence{}
			}
			if l.AnswerOf >= 0 {
				a := l.AnswerOf
				ex.AnswerOf = &a
			}
			jm.Explain = ex
		}
		out.Messages[i] = jm
	}
	for k, t := range res.Threads {
		jt := jsonThread{
			ID:           t.ID,
			Kind:         string(t.Kind),
			Title:        t.Title,
			Topic:        t.Topic,
			Keywords:     nonNil(t.Keywords),
			Start:        formatTime(t.Start),
			End:          formatTime(t.End),
			Participants: nonNil(t.Participants),
			Messages:     t.Messages,
			Questions:    make([]jsonQuestion, len(t.Questions)),
		}
		for q, qa := range t.Questions {
			answers := qa.Answers
			if answers == nil {
				answers = []int{}
			}
			jt.Questions[q] = jsonQuestion{Index: qa.Question, Answers: answers}
			if qa.AskedAgain > 0 {
				jt.Questions[q].AskedAgain = &qa.AskedAgain
			}
		}
		out.Threads[k] = jt
	}
	if opts.Explain {
		out.Aliases = res.Aliases
		if out.Aliases == nil {
			out.Aliases = []thread.Alias{}
		}
	}
	return out
}

// messageText is the text a reader sees: the body, or a link's title.
func messageText(m *chatlog.Message) string {
	if m.Text == "" && m.LinkTitle != "" {
		return m.LinkTitle
	}
	return m.Text
}

// formatTime writes a time as RFC 3339 does: a date-time, or, when the log
// gives no date (see chatlog.HasDate), a full-time, the clock and its zone
// (23:50:00Z), rather than a date of the year 1; "" when there is no time.
func formatTime(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case !chatlog.HasDate(t):
		return t.Format("15:04:05Z07:00")
	}
	return t.Format(time.RFC3339)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
