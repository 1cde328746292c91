package thread

import (
	"time"

	"github.com/cocolian/threads/internal/chatlog"
)

// A Kind classifies a thread.
type Kind string

// Thread kinds of the JSON contract.
const (
	KindQA         Kind = "qa"         // a question with at least one answer
	KindDiscussion Kind = "discussion" // several people talking without a detected Q&A
	KindTalk       Kind = "talk"       // a guest speaker's long monologue
	KindNews       Kind = "news"       // a shared headline, article or file and its reactions
	KindGreeting   Kind = "greeting"   // a wave of welcomes or stickers
	KindOther      Kind = "other"      // anything else, e.g. a lone message
)

// A Role is what a message does in its thread.
type Role string

// Message roles of the JSON contract.
const (
	RoleNone     Role = ""         // neither question nor answer
	RoleQuestion Role = "question" // an information-seeking question
	RoleAnswer   Role = "answer"   // answers a question (see Link.AnswerOf)
)

// Evidence is one reason behind a reply link, shown by `extract --explain`.
type Evidence struct {
	Kind   string  `json:"kind"`   // e.g. "quote", "mention", "same-sender", "shared-terms", "gap"
	Detail string  `json:"detail"` // human-readable specifics (the alias, the shared terms); "" when the kind says it all
	Weight float64 `json:"weight"` // contribution to the link score
}

// A Link is the threading decision for one message.
type Link struct {
	Parent   int        // index of the message it replies to or continues; -1 for a thread start
	Thread   int        // index into Result.Threads
	Role     Role       // question, answer or none
	AnswerOf int        // index of the question it answers, -1 when Role != RoleAnswer
	Score    float64    // score of the chosen link (0 for a thread start)
	Evidence []Evidence // why the link was chosen (or why a new thread started)
}

// A QA is a question in a thread and the messages that answer it.
type QA struct {
	Question int   // index of the question message
	Answers  []int // indices of its answers, in order
	// AskedAgain is the index of the first later question in which the
	// asker asks this one again (see markAskedAgain), 0 when none: a later
	// message's index is never 0.
	AskedAgain int
}

// HasEvidence reports whether the link carries evidence of the given kind
// ("copy", "mention", ...).
func (l Link) HasEvidence(kind string) bool {
	for _, e := range l.Evidence {
		if e.Kind == kind {
			return true
		}
	}
	return false
}

// A Thread is one conversation.
type Thread struct {
	ID           string    // "t1", "t2", ... in order of first message
	Kind         Kind      // what sort of conversation it is
	Title        string    // a short readable title (the question or first message)
	Keywords     []string  // the most telling content words, domain terms first
	Start        time.Time // earliest time of its messages (the zero time when none has one)
	End          time.Time // latest time of its messages
	Participants []string  // senders in order of first appearance
	Messages     []int     // message indices in file order
	Questions    []QA      // questions asked in the thread with their answers
	Topic        string    // the forum topic of its messages (chatlog.Message.Topic), "" outside forums
}

// An Alias records a mention name resolved to a sender, and why.
type Alias struct {
	Mention string `json:"mention"` // the name as written after @
	Sender  string `json:"sender"`  // the sender it resolves to
	Reason  string `json:"reason"`  // how it was resolved ("exact", "normalised", "shared parts: 快钱 产品 上海", ...)
}

// A Result is the threading of one log.
type Result struct {
	Links   []Link   // one per message, same order as the log's messages
	Threads []Thread // in order of their first message
	Aliases []Alias  // every mention name resolved, sorted by mention
}

// SecondListing reports whether message i of msgs, the log r threads, is
// the export's second listing of the message before it: linked to it as a
// copy, or the same picture or link in the same second
// (chatlog.ListedTwice). Readers show such a message once.
func (r *Result) SecondListing(msgs []chatlog.Message, i int) bool {
	return r.Links[i].HasEvidence("copy") || chatlog.ListedTwice(msgs, i)
}

// A Params holds the structure of the link scorer; the weights are in Model.
type Params struct {
	Window     int           // how many earlier messages are candidate parents
	MaxGap     time.Duration // candidates older than this are skipped unless mentioned
	Quote      float64       // score shown for a link made by a quote or a re-post
	DomainTerm float64       // per shared domain term, in the shared-terms feature
	SharedWord float64       // per shared ordinary content word, in the shared-terms feature
	MaxLexical float64       // cap on the shared-terms feature
	Model      *Model        // the weights; nil picks DefaultModel for the log's format
	// Earlier marks, by message index, the messages of the log that
	// explicitly reply to a message of an earlier day (DayLinker.Find):
	// each starts a thread, as what it answers is not in the log. Nil for
	// none.
	Earlier map[int]Earlier
}

// DefaultParams returns the scorer structure used by Build.
func DefaultParams() Params {
	return Params{
		Window:     40,
		MaxGap:     90 * time.Minute,
		Quote:      12,
		DomainTerm: 1.2,
		SharedWord: 0.5,
		MaxLexical: 4,
	}
}
