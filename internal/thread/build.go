package thread

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/chatlog"
)

// titleRunes is the longest thread title, in runes.
const titleRunes = 60

// Build threads one log with the default parameters.
func Build(log *chatlog.Log, tok Tokenizer) *Result {
	return BuildWith(log, tok, DefaultParams())
}

// BuildWith threads one log: every message gets exactly one thread, a reply-to
// link (or none for a thread start), a role, and the evidence behind its link.
// A log whose messages are posted in several forum topics
// (chatlog.Message.Topic) is threaded one topic at a time (see
// buildTopics): no link, thread or answer joins two topics.
func BuildWith(log *chatlog.Log, tok Tokenizer, p Params) *Result {
	if parts := topicParts(log.Messages); parts != nil {
		return buildTopics(log, tok, p, parts)
	}
	res := buildLog(log, tok, p)
	if len(log.Messages) > 0 && log.Messages[0].Topic != "" {
		for k := range res.Threads {
			res.Threads[k].Topic = log.Messages[0].Topic
		}
	}
	return res
}

// buildLog threads one log as one conversation space, whatever the topics
// of its messages.
func buildLog(log *chatlog.Log, tok Tokenizer, p Params) *Result {
	c, aliases := linkAndAssignRoles(log, tok, p)
	var checked map[int]Evidence
	if c.m.Answers != nil {
		checked = c.m.Answers.applyTo(c.msgs, c.fs, c.links, c.listings)
	}
	for i, e := range checked {
		c.links[i].Evidence = append(c.links[i].Evidence, e)
	}
	threads := assemble(c.msgs, c.fs, c.links, c.talks)
	markAskedAgain(c.msgs, c.fs, c.links, threads)
	res := &Result{Links: c.links, Threads: threads, Aliases: aliases}
	if c.keys != nil {
		exportNames(res, log.Messages) // threaded under distinct keys (see keyedLog)
	}
	return res
}

// linkAndAssignRoles links every message and gives it a role by the rules,
// before the model's answer check. Roles are read twice: from the links the
// link weights chose, and from the final links, once the rank weights have
// moved some to another message of the same thread. A message answers what
// its final links give it; when they give it no answer, the answer its
// first links gave stands. The link weights favour a recent question, the
// rank weights the message a reply names, and either may show what a
// message answers. The second reading is done whole before any first answer
// is restored, so a restored answer does not lead later messages to its
// question. Questions are the same either way.
func linkAndAssignRoles(log *chatlog.Log, tok Tokenizer, p Params) (*linkContext, []Alias) {
	c, decided, aliases := prepare(log, tok, p)
	linkRest(c, decided)
	if c.m.Handover {
		joinHandovers(c, decided)
	}
	assignRoles(c.msgs, c.fs, c.links)
	if len(c.reranked) == 0 {
		return c, aliases
	}
	first := make([]Link, len(c.links))
	copy(first, c.links)
	c.applyRerank()
	for i := range c.links {
		c.links[i].Role, c.links[i].AnswerOf = RoleNone, -1
	}
	assignRoles(c.msgs, c.fs, c.links)
	for i, l := range first {
		switch {
		case l.HasEvidence("copy"):
			copyRole(c.msgs, c.links, i)
		case l.Role == RoleAnswer && c.links[i].Role != RoleAnswer:
			c.links[i].Role, c.links[i].AnswerOf = RoleAnswer, l.AnswerOf
			c.links[i].Evidence = append(c.links[i].Evidence, firstLinkAnswer(l))
		}
	}
	return c, aliases
}

// prepare runs the passes that do not depend on the link weights: cues,
// mentions, quotes, talks and greeting waves. It returns the scorer's context
// and which messages those passes already linked. Accounts that share a
// display name are told apart by the keys of keyedLog: the context's
// messages are the keyed copy.
func prepare(log *chatlog.Log, tok Tokenizer, p Params) (*linkContext, []bool, []Alias) {
	log, keys := keyedLog(log)
	msgs := log.Messages
	m := p.Model
	if m == nil {
		m = DefaultModel(log.Format)
	}
	fs := computeFeatures(msgs, tok)
	markFreshPosts(msgs, fs)
	markEchoedNews(msgs, fs)
	lst := newListings(msgs, m.PassNotices)
	targets, aliases := resolveMentions(log, lst, keys)
	toFirstListing(msgs, targets, lst)
	quotes := resolveQuotes(msgs, aliases, lst, keys)
	for i, q := range quotes {
		if q >= 0 {
			quotes[i] = lst.firstListing(q) // a quote names the message, not its second listing
		}
	}

	links := make([]Link, len(msgs))
	for i := range links {
		links[i] = Link{Parent: -1, AnswerOf: -1}
	}
	decided := make([]bool, len(msgs))
	for i, e := range p.Earlier {
		decided[i] = true // a thread start: what it replies to is in an earlier day
		links[i].Evidence = []Evidence{{Kind: "earlier-day", Detail: fmt.Sprintf("replies to a message of %s (line %d)", e.Date, e.Line)}}
	}
	linkCopies(lst, links, decided, p.Quote)
	linkCheckIns(msgs, links, decided)
	talks := withoutDecided(findTalks(msgs, fs, lst, log.Speaker), decided)
	for _, t := range talks {
		for _, j := range t.members {
			if msgs[j].Sender == t.speaker {
				fs[j].question = false // a speaker's questions inside a talk are rhetorical
			}
		}
	}
	linkTalks(talks, links, decided)
	linkIntros(msgs, fs, lst, links, decided)
	linkWaves(msgs, fs, lst, links, decided)
	linkSystem(msgs, lst, links, decided)
	c := &linkContext{msgs: msgs, fs: fs, targets: targets, quotes: quotes, links: links, talks: talks, p: p, m: m, seconds: timedToTheSecond(msgs),
		listings: lst, keys: keys}
	c.indexSenders()
	return c, decided, aliases
}

// toFirstListing makes mentions of the name a sender's messages are listed
// under a second time (an export that lists each message under the display
// name and again under the group nickname) name the first listing's sender,
// whose messages the replies link to.
func toFirstListing(msgs []chatlog.Message, targets [][]string, lst listings) {
	first := map[string]string{}
	for i := range msgs {
		if lst.isSecond(i) {
			first[msgs[i].Sender] = msgs[i-1].Sender
		}
	}
	if len(first) == 0 {
		return
	}
	for _, ts := range targets {
		for k, t := range ts {
			if f, ok := first[t]; ok {
				ts[k] = f
			}
		}
	}
}

// lostContentReach is how soon after the message before it a line whose
// content the export lost still belongs to that conversation.
const lostContentReach = 10 * time.Minute

// linkSystem makes every system line (joins, leaves, renames) its own
// thread. An empty header (no sender, no text: a message the export lost,
// most often a picture) joins the message just before it, like a picture
// posted in a conversation, unless it comes more than lostContentReach
// later.
func linkSystem(msgs []chatlog.Message, lst listings, links []Link, decided []bool) {
	for i, m := range msgs {
		if decided[i] {
			continue
		}
		lost := m.Sender == "" && contentLost(&m)
		prev := lst.turnBefore(i)
		switch {
		case lost && prev >= 0 && m.Time.Sub(msgs[prev].Time) <= lostContentReach:
			decided[i] = true
			links[i].Parent = prev
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "system", Detail: "a line the export lost joins the message just before it", Weight: 1})
		case lost || m.Type == chatlog.TypeSystem:
			decided[i] = true
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "system", Detail: "a system line stands alone"})
		}
	}
}

// contentLost reports whether m is a message whose content the export lost:
// a text message with no text (a header with no body, a picture it did not
// keep, cocolian's wxid_… bodies).
func contentLost(m *chatlog.Message) bool {
	return m.Type == chatlog.TypeText && m.Text == ""
}

// firstLinkAnswer is the evidence of an answer that the links the link
// weights chose give message l, and the final links do not.
func firstLinkAnswer(l Link) Evidence {
	detail := fmt.Sprintf("the links as the link weights chose them, before the rank weights moved any, reach question %d", l.AnswerOf)
	if l.Parent != l.AnswerOf {
		detail += fmt.Sprintf(" (through message %d)", l.Parent)
	}
	return Evidence{Kind: "answers-by-first-link", Detail: detail + "; the final links give no answer"}
}

// linkCopies links each of the export's second listings (see
// listings) to its first listing before any other pass: it is the same
// message again, and takes that message's role (assignRoles).
func linkCopies(lst listings, links []Link, decided []bool, weight float64) {
	for i := range links {
		if lst.isSecond(i) {
			decided[i] = true
			links[i].Parent, links[i].Score = i-1, weight
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "copy", Detail: fmt.Sprintf("the export lists message %d again under another name of its sender", i-1), Weight: weight})
		}
	}
}

// assignRoles marks questions, and answers: a message answers the nearest
// question by another sender up its reply chain.
func assignRoles(msgs []chatlog.Message, fs []features, links []Link) {
	root := threadRoots(links)
	for i := range msgs {
		if links[i].Parent >= 0 && links[i].HasEvidence("copy") {
			copyRole(msgs, links, i)
			continue
		}
		if links[i].HasEvidence("takes-up") {
			continue // someone else's words posted again to reply to them: no question of its own, no answer yet
		}
		if fs[i].question {
			links[i].Role = RoleQuestion
			continue
		}
		f := fs[i]
		if links[i].HasEvidence("system") {
			continue // a system line, or one whose content the export lost, says nothing
		}
		if f.ack || interjection(f.plain) || f.welcome || f.sticker || f.script || f.thanks || f.metoo || f.headline || f.announce || msgs[i].Type == chatlog.TypeRedPacket {
			continue
		}
		if contentLost(&msgs[i]) {
			continue // the export lost what it said
		}
		if q := answeredQuestion(msgs, fs, links, i); q >= 0 {
			links[i].Role = RoleAnswer
			links[i].AnswerOf = q
		} else if q := openQuestion(msgs, links, root, i); q >= 0 {
			links[i].Role = RoleAnswer
			links[i].AnswerOf = q
		}
	}
}

// copyRole gives message i, the export's second listing of its parent, the
// parent's role: it is the same message again. A listing whose content the
// export lost takes none, as no such message does.
func copyRole(msgs []chatlog.Message, links []Link, i int) {
	p := links[i].Parent
	links[i].Role, links[i].AnswerOf = RoleNone, -1
	if !contentLost(&msgs[i]) {
		links[i].Role, links[i].AnswerOf = links[p].Role, links[p].AnswerOf
	}
}

// openQuestion returns the message before i in i's thread when that is a
// question by another sender: i links elsewhere in the thread, but right
// after the question it answers it (looking further back would take
// comments for answers); -1 otherwise.
func openQuestion(msgs []chatlog.Message, links []Link, root []int, i int) int {
	for k := i - 1; k >= 0; k-- {
		if root[k] == root[i] && !links[k].HasEvidence("copy") {
			if links[k].Role == RoleQuestion && msgs[k].Sender != msgs[i].Sender {
				return k
			}
			return -1
		}
	}
	return -1
}

// answeredQuestion walks up the reply chain of message i to the question it
// answers: the first question by another sender, reached through the
// answerer's own lines (the first of them within answerGoesOnGap of i). The
// chain stops at the asker's own replies (the
// talk has moved on) and at anything that is neither question nor answer.
func answeredQuestion(msgs []chatlog.Message, fs []features, links []Link, i int) int {
	for p, depth := links[i].Parent, 0; p >= 0 && depth < 12; p, depth = links[p].Parent, depth+1 {
		switch {
		case links[p].Role == RoleQuestion && msgs[p].Sender != msgs[i].Sender:
			return p
		case links[p].Role == RoleQuestion:
			if pp := links[p].Parent; pp >= 0 && links[pp].Role == RoleQuestion && msgs[pp].Sender != msgs[i].Sender && counterQuestion(&fs[p]) {
				return pp // the answerer's counter-question ("哪个银行不支持"), then the answer
			}
			return -1 // the asker's own follow-up chain
		case links[p].Role == RoleAnswer && msgs[p].Sender == msgs[links[p].AnswerOf].Sender:
			return -1
		case links[p].Role == RoleAnswer && msgs[p].Sender == msgs[i].Sender:
			if depth == 0 && msgs[i].Time.Sub(msgs[p].Time) > answerGoesOnGap {
				return -1 // a later word of the answerer's: a comment, not more of the answer
			}
			return links[p].AnswerOf // the answerer goes on
		case links[p].Role == RoleAnswer:
			return -1 // a comment on someone else's answer
		case msgs[p].Sender != msgs[i].Sender:
			if q := askerLineOf(msgs, links, p); q >= 0 {
				return q // a reply to the asker's line that goes on from their question
			}
			return -1 // a reply to a comment, not to the question
		}
	}
	return -1
}

// answerGoesOnGap is how soon after their answer line an answerer's next
// line linked to it still goes on with the answer.
const answerGoesOnGap = 5 * time.Minute

// counterQuestion reports whether a question put to another's question asks
// back about it (哪个银行不支持, 你指的是？) rather than opening a topic of
// the answerer's own (no asking phrase at its start, not put to the group:
// 各位大神，退款怎么处理？). On the annotated days a length limit on top of
// this lost more answers than it saved.
func counterQuestion(f *features) bool {
	return !f.opener
}

// askerLineOf returns the question that message p goes on from through its
// sender's own lines (the asker adding to their question), or -1.
func askerLineOf(msgs []chatlog.Message, links []Link, p int) int {
	for k, depth := links[p].Parent, 0; k >= 0 && depth < 4 && msgs[k].Sender == msgs[p].Sender; k, depth = links[k].Parent, depth+1 {
		if links[k].Role == RoleQuestion {
			return k
		}
	}
	return -1
}

// assemble groups messages into threads by following reply links, and
// describes each thread.
func assemble(msgs []chatlog.Message, fs []features, links []Link, talks []talk) []Thread {
	for i := range links {
		if links[i].Parent >= i {
			links[i].Parent = -1
		}
	}
	root := threadRoots(links)
	talkRoot := map[int]bool{}
	for _, t := range talks {
		talkRoot[root[t.members[0]]] = true
	}
	byRoot := map[int]int{}
	var threads []Thread
	var timed []bool // per thread: whether it has a message with a time yet
	type member struct {
		thread int
		sender string
	}
	joined := map[member]bool{} // a thread's participants so far, for a round of thousands of newcomers
	for i, m := range msgs {
		r := root[i]
		k, ok := byRoot[r]
		if !ok {
			k = len(threads)
			byRoot[r] = k
			threads = append(threads, Thread{ID: fmt.Sprintf("t%d", k+1)})
			timed = append(timed, false)
		}
		t := &threads[k]
		links[i].Thread = k
		t.Messages = append(t.Messages, i)
		widenSpan(t, m.Time, timed[k])
		timed[k] = timed[k] || !m.Time.IsZero()
		if p := (member{k, m.Sender}); m.Sender != "" && !joined[p] {
			joined[p] = true
			t.Participants = append(t.Participants, m.Sender)
		}
	}
	for k := range threads {
		t := &threads[k]
		qIndex := map[int]int{}
		for _, i := range t.Messages {
			if links[i].Role == RoleQuestion {
				qIndex[i] = len(t.Questions)
				t.Questions = append(t.Questions, QA{Question: i})
			}
		}
		for _, i := range t.Messages {
			if links[i].Role == RoleAnswer {
				if q, ok := qIndex[links[i].AnswerOf]; ok {
					t.Questions[q].Answers = append(t.Questions[q].Answers, i)
				}
			}
		}
		t.Kind = threadKind(msgs, fs, t, talkRoot[root[t.Messages[0]]])
		t.Title = threadTitle(msgs, t)
		t.Keywords = threadKeywords(msgs, fs, t)
	}
	return threads
}

// threadKind classifies a thread from its messages.
func threadKind(msgs []chatlog.Message, fs []features, t *Thread, isTalk bool) Kind {
	if isTalk {
		return KindTalk
	}
	for _, q := range t.Questions {
		if len(q.Answers) > 0 {
			return KindQA
		}
	}
	greetings := 0
	for _, i := range t.Messages {
		if fs[i].welcome || fs[i].sticker {
			greetings++
		}
	}
	first := msgs[t.Messages[0]]
	switch {
	case len(t.Messages) >= 3 && greetings*2 > len(t.Messages):
		return KindGreeting
	case fs[t.Messages[0]].welcome && greetings == len(t.Messages):
		return KindGreeting
	case (first.Type == chatlog.TypeLink || fs[t.Messages[0]].headline) && len(t.Questions) == 0:
		return KindNews
	case len(t.Questions) > 0 && len(t.Participants) >= 2:
		return KindDiscussion
	case len(t.Participants) >= 2:
		return KindDiscussion
	}
	return KindOther
}

// threadTitle is the thread's first question, else its first message with text.
func threadTitle(msgs []chatlog.Message, t *Thread) string {
	if len(t.Questions) > 0 {
		return shorten(displayText(&msgs[t.Questions[0].Question]))
	}
	for _, i := range t.Messages {
		if s := displayText(&msgs[i]); s != "" {
			return shorten(s)
		}
	}
	return ""
}

// displayText is the readable text of a message: its text, or its link title.
func displayText(m *chatlog.Message) string {
	s := strings.TrimSpace(m.Text)
	if s == "" {
		s = strings.TrimSpace(m.LinkTitle)
	}
	return collapseSpace(s)
}

func shorten(s string) string {
	if utf8.RuneCountInString(s) <= titleRunes {
		return s
	}
	r := []rune(s)
	return string(r[:titleRunes-1]) + "…"
}

// genericWords are the words of dict/generic.yaml, lowercased: too general
// to be a thread's keyword (问题, 老师).
var genericWords = sync.OnceValue(func() map[string]bool {
	words, err := dict.GenericWords()
	if err != nil {
		panic(err) // the embedded file is checked by the dict tests
	}
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[strings.ToLower(w)] = true
	}
	return set
})

// isAddress reports whether content word w is a web address (a link the
// segmenter kept whole), which names no subject.
func isAddress(w string) bool {
	w = strings.Trim(strings.ToLower(w), "<>")
	return strings.Contains(w, "://") || strings.HasPrefix(w, "www.")
}

// inMention reports whether content word w is part of one of a message's
// mentions (Alice of a mention of Alice Chen): a name, not a subject.
func inMention(w string, mentions []string) bool {
	w = strings.ToLower(w)
	return slices.ContainsFunc(mentions, func(m string) bool { return strings.Contains(strings.ToLower(m), w) })
}

// callNames returns the names people call the senders by, lower case: a
// nick whole (zykotick9; spark_dev is no spark), and the first word of a
// name of several words in Latin letters (dave of Dave Jones). "Thanks
// Dave" names who answered, not what the thread is about.
func callNames(senders []string) map[string]bool {
	names := map[string]bool{}
	for _, s := range senders {
		first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(s)), " ")
		if len(first) >= 3 && !strings.ContainsFunc(first, func(r rune) bool { return r >= utf8.RuneSelf }) {
			names[first] = true
		}
	}
	return names
}

// namesSomething reports whether content word w can be a keyword: not a
// number, time or date alone (500, 20:00, 2018-05-04, 0.6%), nor a single
// Latin letter (the b of b端).
func namesSomething(w string) bool {
	if utf8.RuneCountInString(w) == 1 && w[0] < utf8.RuneSelf && unicode.IsLetter(rune(w[0])) {
		return false
	}
	return strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsDigit(r) && !strings.ContainsRune(":./-%", r) })
}

// threadKeywords are the thread's most frequent content words, domain terms
// first, leaving out the generic ones (dict/generic.yaml), numbers and
// single letters, web addresses, names a message mentions or the
// thread's participants are called by (callNames), the words of
// system messages, and, in a thread none of whose messages is Chinese,
// the words of Chinese (the dictionary's 卡BIN read in /usr/bin).
func threadKeywords(msgs []chatlog.Message, fs []features, t *Thread) []string {
	names := callNames(t.Participants)
	generic := genericWords()
	// A thread with no Chinese in it gets no Chinese keyword: the bin of
	// /usr/bin is no 卡BIN, however the dictionary reads it.
	han := slices.ContainsFunc(t.Messages, func(i int) bool { return fs[i].han && msgs[i].Type != chatlog.TypeSystem })
	type word struct {
		text         string
		domain       bool
		count, first int
	}
	at := map[string]int{}
	var words []word
	for _, i := range t.Messages {
		if msgs[i].Type == chatlog.TypeSystem {
			continue // a join, a rename or a recall says nothing of the subject
		}
		for _, w := range fs[i].words {
			if generic[strings.ToLower(w)] || !namesSomething(w) || !han && hasHan(w) || isAddress(w) || inMention(w, msgs[i].Mentions) ||
				names[strings.ToLower(w)] {
				continue
			}
			k, ok := at[w]
			if !ok {
				k = len(words)
				at[w] = k
				_, dom := fs[i].domain[w]
				words = append(words, word{text: w, domain: dom, first: k})
			}
			words[k].count++
			if _, dom := fs[i].domain[w]; dom {
				words[k].domain = true
			}
		}
	}
	sort.Slice(words, func(a, b int) bool {
		wa, wb := &words[a], &words[b]
		if wa.domain != wb.domain {
			return wa.domain
		}
		if wa.count != wb.count {
			return wa.count > wb.count
		}
		return wa.first < wb.first
	})
	out := make([]string, 0, min(len(words), 5))
	for _, w := range words[:min(len(words), 5)] {
		out = append(out, w.text)
	}
	return out
}

// freshPostGap is how long a sender must have been quiet for a headline-like
// message to count as a fresh post of news rather than part of their talk.
const freshPostGap = 10 * time.Minute

// markFreshPosts keeps the headline cue only on messages whose sender was
// quiet before: a headline is posted out of the blue.
func markFreshPosts(msgs []chatlog.Message, fs []features) {
	last := map[string]time.Time{}
	for i, m := range msgs {
		if t, ok := last[m.Sender]; ok && m.Time.Sub(t) < freshPostGap {
			fs[i].headline = false
		}
		last[m.Sender] = m.Time
	}
}

// echoWindow is how far back a question may be for a reply to take up
// its news word: the messages and minutes an answer usually follows within.
const (
	echoMessages = 5
	echoGap      = 10 * time.Minute
)

// markEchoedNews drops the headline cue from a message whose news subject
// (被罚, 通报, 罚单) a question of another sender just before it asked about:
// 看情况，前年有一家被罚了几百万 after 套错了会被罚多少？ answers in the
// question's own words rather than posting news. Words that only date or
// stress news (刚刚, 最新, 重磅, 发布) say nothing of its subject: 最新！网联
// 发布… after 最新的分账费率是多少？ is still news.
func markEchoedNews(msgs []chatlog.Message, fs []features) {
	for i := range msgs {
		if !fs[i].headline || fs[i].notice {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-echoMessages && msgs[i].Time.Sub(msgs[j].Time) <= echoGap; j-- {
			if fs[j].question && msgs[j].Sender != msgs[i].Sender && sharesWordOf(fs[i].plain, fs[j].plain, newsSubjects) {
				fs[i].headline = false
				break
			}
		}
	}
}

// newsSubjects are the news cue words that name what happened (a penalty,
// a notice, a report), not when or how loudly it is told.
var newsSubjects = []string{"被罚", "罚没", "罚单", "通报", "公告", "报告", "声明", "爆料"}

// sharesWordOf reports whether a and b both contain one of words.
func sharesWordOf(a, b string, words []string) bool {
	for _, w := range words {
		if strings.Contains(a, w) && strings.Contains(b, w) {
			return true
		}
	}
	return false
}

// widenSpan stretches t's Start and End to take in a message sent at when.
// They are the earliest and latest times, not the first and last messages',
// so a thread reads right where an export's clock went backwards; a message
// without a time (the zero time) leaves them as they are.
// timed says whether t already has a message with a time.
func widenSpan(t *Thread, when time.Time, timed bool) {
	switch {
	case when.IsZero():
	case !timed:
		t.Start, t.End = when, when
	case when.Before(t.Start):
		t.Start = when
	case when.After(t.End):
		t.End = when
	}
}

// threadRoots returns, for every message, the thread start its reply links
// lead back to (parents point backwards; a parent of -1 starts a thread).
func threadRoots(links []Link) []int {
	root := make([]int, len(links))
	for i := range links {
		if p := links[i].Parent; p >= 0 && p < i {
			root[i] = root[p]
		} else {
			root[i] = i
		}
	}
	return root
}
