package thread

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/chatlog"
)

// An Earlier is the message of an earlier day that a message explicitly
// replies to (a Telegram, Discord, WeFlow, ChatLab or chatlog reply): a day is threaded alone,
// so the link cannot be a reply link, but it is kept as this.
type Earlier struct {
	Date     string           // the earlier day's date, YYYY-MM-DD
	Index    int              // the message's index in that day's log
	Line     int              // its source line
	Question *chatlog.Message // the message, when it was a question that day (Role question); nil otherwise
	// Answer says the reply answers Question: someone else's reply that
	// neither asks in turn nor only thanks, acknowledges, greets, says "me
	// too" or sends a sticker.
	Answer bool
}

// A DayLinker links explicit replies across the days of one chat: Find
// and Remember are called on each day in order, and Find finds the
// messages that reply to a message of a day before. It keeps every
// message with an ID of the days it saw and every question (the questions
// whole, the rest as their place only, in 16 bytes and a map entry: a year
// of a busy group holds some 300,000). IDs are a chat's own: each chat of
// an input (a Telegram all-chats export holds several) takes a DayLinker
// of its own; and an export format's own, so a chat exported one week with
// one tool and the next with another links IDs within each format and
// quotes across them. The zero value is ready to use.
type DayLinker struct {
	ids       map[string]*chatIDs // by the format of the days that gave them: each export numbers messages its own way
	dates     []string            // the days remembered, in order
	questions []*chatlog.Message  // the questions among their messages
	seen      []seenMessage
	// asked finds the questions by their sender's normalised name, for
	// quotes: into seen, in order.
	asked map[string][]int32
}

// chatIDs finds the messages of a chat by ID: a number (Telegram,
// Discord, WeFlow) by its value, any other ID by its text.
type chatIDs struct {
	byNumber map[uint64]int32 // -> DayLinker.seen
	byText   map[string]int32
}

// A seenMessage is where a message of an earlier day is.
type seenMessage struct {
	date, index, line int32 // date: into DayLinker.dates
	question          int32 // into DayLinker.questions; -1 when it asked nothing
}

// Find returns, by message index in log, the messages of the earlier days
// it was given (Remember) that log's messages explicitly reply to; nil
// when none does. A reply names its message by ID or, without one, quotes
// an earlier day's question (a WeChat quote names the sender and text,
// matched as quotes within a day are). A reply counts only when the
// message it names is in none of log's messages, and a system notice (a
// pin) links nothing. Give the result to BuildWith as Params.Earlier, then
// log and its threading to Remember.
func (d *DayLinker) Find(log *chatlog.Log) map[int]Earlier {
	if len(d.seen) == 0 || log.Date == "" {
		return nil
	}
	var out map[int]Earlier
	link := func(i int, k int32) {
		m := &log.Messages[i]
		e := d.seen[k]
		var q *chatlog.Message
		if e.question >= 0 {
			q = d.questions[e.question]
		}
		if out == nil {
			out = make(map[int]Earlier)
		}
		out[i] = Earlier{Date: d.dates[e.date], Index: int(e.index), Line: int(e.line), Question: q,
			Answer: q != nil && answersEarlier(m, q)}
	}
	var here map[string]bool
	var inDay *quoteMatcher // the day's own quotes, built at the first quote
	var keyed *chatlog.Log  // log keyed as BuildWith threads it (keyedLog), for inDay
	for i := range log.Messages {
		m := &log.Messages[i]
		if m.Type == chatlog.TypeSystem {
			continue
		}
		if m.ReplyToID == "" {
			if m.Quote != nil && len(d.asked) > 0 {
				if inDay == nil {
					var keys *senderKeys
					keyed, keys = keyedLog(log)
					inDay = newQuoteMatcher(keyed.Messages, nil, listings{}, keys)
				}
				if inDay.match(i, keyed.Messages[i].Quote) < 0 {
					if k, ok := d.quoted(m.Quote); ok {
						link(i, k)
					}
				}
			} else if m.Quote == nil && len(m.Mentions) > 0 && len(d.asked) > 0 {
				if k, ok := d.answeredPastMidnight(log, i); ok {
					link(i, k)
				}
			}
			continue
		}
		if here == nil {
			here = make(map[string]bool, len(log.Messages))
			for _, o := range log.Messages {
				if o.ID != "" {
					here[o.ID] = true
				}
			}
		}
		if here[m.ReplyToID] {
			continue
		}
		if k, ok := d.ids[log.Format].find(m.ReplyToID); ok {
			link(i, k)
		} else if m.Quote != nil && len(d.asked) > 0 {
			// An ID this linker never saw (its day was read from another
			// export of the chat): the quote still names the question.
			if k, ok := d.quoted(m.Quote); ok {
				link(i, k)
			}
		}
	}
	return out
}

// quoted returns the question of an earlier day that quote q names: the
// best match of its text among the last quotedSenderReach questions of its
// sender, as a quote within a day is matched (at least 0.6, the latest of
// equals). A quote that gives the quoted account (Quote.SenderID) names
// only that account's questions (and those without an id) when two
// accounts share its display name: the SenderID tells them apart on every
// day, as the keys of keyedLog do within one.
func (d *DayLinker) quoted(q *chatlog.Quote) (int32, bool) {
	own := d.asked[normaliseName(q.Sender)]
	qn := normaliseText(innermostText(q.Text))
	if len(own) == 0 || qn == "" {
		return 0, false
	}
	qg := charPairs(qn)
	best, bestScore := int32(-1), 0.0
	for n, x := 0, len(own)-1; x >= 0 && n < quotedSenderReach; x-- { // the latest first
		k := own[x]
		m := d.questions[d.seen[k].question]
		if otherAccount(q, m) {
			continue // another account of the name
		}
		n++
		t := m.Text
		if t == "" {
			t = m.LinkTitle
		}
		tn := normaliseText(t)
		if tn == "" {
			continue
		}
		if s := textMatch(qn, tn, qg, charPairs(tn)); s > bestScore {
			best, bestScore = k, s
		}
	}
	return best, best >= 0 && bestScore >= 0.6
}

// pastMidnightReach is how long after an earlier day's question an
// answer that only @mentions its asker is still read as its answer: a
// conversation running past midnight, not the next evening's.
const pastMidnightReach = 30 * time.Minute

// answeredPastMidnight returns the question of an earlier day that message
// i of log answers by @mentioning its asker, the way WeChat users reply
// (no reply ID, no quote): the asker's latest question, asked at most
// pastMidnightReach before it; only when that asker has not spoken yet in
// log before it (the mention would name that turn), and the message
// answers (answersEarlier).
func (d *DayLinker) answeredPastMidnight(log *chatlog.Log, i int) (int32, bool) {
	m := &log.Messages[i]
	if m.Time.IsZero() {
		return 0, false
	}
	for _, name := range m.Mentions {
		key := normaliseName(name)
		own := d.asked[key]
		if key == "" || len(own) == 0 {
			continue
		}
		k := own[len(own)-1]
		q := d.questions[d.seen[k].question]
		if gap := m.Time.Sub(q.Time); q.Time.IsZero() || gap < 0 || gap > pastMidnightReach {
			continue
		}
		if slices.ContainsFunc(log.Messages[:i], func(o chatlog.Message) bool { return normaliseName(o.Sender) == key }) {
			return 0, false // the mention may name what they said today
		}
		if answersEarlier(m, q) {
			return k, true
		}
	}
	return 0, false
}

// Build threads log, a day of the chat, as BuildWith does with p and the
// links Find gives, remembers it, and returns its threading and those
// links: what a reader of the chat's days in order does with each.
func (d *DayLinker) Build(log *chatlog.Log, tok Tokenizer, p Params) (*Result, map[int]Earlier) {
	p.Earlier = d.Find(log)
	res := BuildWith(log, tok, p)
	d.Remember(log, res)
	return res, p.Earlier
}

// Remember keeps the messages of log, a day (log.Date set) threaded as
// res, for the days after it; with res nil (a day left unthreaded) none
// of them counts as a question.
func (d *DayLinker) Remember(log *chatlog.Log, res *Result) {
	if log.Date == "" {
		return // one day a file: no day after it in this input
	}
	date := int32(-1)
	for i := range log.Messages {
		m := &log.Messages[i]
		asks := res != nil && i < len(res.Links) && res.Links[i].Role == RoleQuestion
		if m.ID == "" && !asks {
			continue
		}
		if date < 0 {
			d.dates = append(d.dates, log.Date)
			date = int32(len(d.dates) - 1)
		}
		e := seenMessage{date: date, index: int32(i), line: int32(m.Line), question: -1}
		if asks {
			kept := *m
			d.questions = append(d.questions, &kept)
			e.question = int32(len(d.questions) - 1)
		}
		d.seen = append(d.seen, e)
		k := int32(len(d.seen) - 1)
		if m.ID != "" {
			ids := d.ids[log.Format]
			if ids == nil {
				if d.ids == nil {
					d.ids = make(map[string]*chatIDs)
				}
				ids = &chatIDs{}
				d.ids[log.Format] = ids
			}
			ids.add(m.ID, k)
		}
		if asks {
			if d.asked == nil {
				d.asked = make(map[string][]int32)
			}
			name := normaliseName(m.Sender)
			d.asked[name] = append(d.asked[name], k)
		}
	}
}

// add files message k of DayLinker.seen under id.
func (c *chatIDs) add(id string, k int32) {
	if n, err := strconv.ParseUint(id, 10, 64); err == nil && strconv.FormatUint(n, 10) == id {
		if c.byNumber == nil {
			c.byNumber = make(map[uint64]int32)
		}
		c.byNumber[n] = k
		return
	}
	if c.byText == nil {
		c.byText = make(map[string]int32)
	}
	c.byText[strings.Clone(id)] = k // not the day's string, whose record it may share memory with
}

// find returns where the message id names is in DayLinker.seen; false on
// a nil c.
func (c *chatIDs) find(id string) (int32, bool) {
	if c == nil {
		return 0, false
	}
	if n, err := strconv.ParseUint(id, 10, 64); err == nil && strconv.FormatUint(n, 10) == id {
		k, ok := c.byNumber[n]
		return k, ok
	}
	k, ok := c.byText[id]
	return k, ok
}

// answersEarlier reports whether m, an explicit reply to the question q of
// an earlier day, answers it: its sender is someone else (by ID when both
// have one), and it is a text, picture or link that neither asks nor only
// reacts: thanks, an acknowledgement, a greeting, "me too", a sticker, a
// script address posted bare (postsScriptLink), a bump (顶, 蹲一个) or "I
// don't know". A bump the next day is the sign that nobody answered.
func answersEarlier(m, q *chatlog.Message) bool {
	if m.SenderID != "" && q.SenderID != "" {
		if m.SenderID == q.SenderID {
			return false
		}
	} else if m.Sender == q.Sender {
		return false
	}
	switch m.Type {
	case chatlog.TypeText, chatlog.TypeImage, chatlog.TypeLink:
	default:
		return false
	}
	f := messageFeatures(m, nil)
	return !f.question && !f.thanks && !f.ack && !f.metoo && !f.sticker && !f.script && !f.welcome &&
		!interjection(f.plain) && !bumps(f.plain) && !reactsInEnglish(f.plain)
}

// bumpWords make a short message a bump or a shrug rather than an answer.
var bumpWords = []string{"顶", "蹲", "插眼", "坐等", "等答案", "求解", "好问题", "不知道", "不清楚", "不了解", "没用过", "mark", "Mark", "MARK"}

// bumps reports whether a short text (ten characters at most) bumps a
// question or says the sender does not know (顶一下, 蹲一个, 好问题, 不清楚),
// or is a lone 1 or +1.
func bumps(text string) bool {
	t := strings.TrimRightFunc(text, isClosingMark)
	return t == "1" || t == "+1" || utf8.RuneCountInString(t) <= 10 && containsAny(t, bumpWords)
}

// englishReactions open a short English text that only reacts.
var englishReactions = [][]string{{"same", "here"}, {"same", "question"}, {"same", "problem"}, {"same", "issue"}, {"me", "too"},
	{"i", "have", "the", "same"}, {"got", "it"}, {"good", "question"}, {"great", "question"}, {"agreed"}, {"agree"},
	{"lol"}, {"no", "idea"}, {"i", "don't", "know"}, {"i", "dont", "know"}, {"idk"}, {"bump"}, {"following"}, {"interesting"},
	{"nice"}, {"cool"}, {"ok"}, {"okay"}, {"+1"}, {"haha"}, {"hahaha"}, {"hehe"}, {"lmao"}}

// reactsInEnglish reports whether a short English text (eight words at
// most) only reacts: it thanks (thanks, thx anywhere in it), opens with a
// reaction (Same here, Got it, Good question, No idea), or is one of two
// words at most (Nice, lol, +1).
func reactsInEnglish(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '+' })
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		if strings.HasPrefix(w, "thank") || isOneOf(w, []string{"thx", "ty", "tks", "tysm", "cheers"}) {
			return true
		}
	}
	for _, r := range englishReactions {
		if len(r) == 1 && len(words) > 2 {
			continue // "ok, use the v2 endpoint" says more
		}
		if len(words) >= len(r) && slices.Equal(words[:len(r)], r) {
			return true
		}
	}
	return false
}
