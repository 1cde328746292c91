package thread

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
)

// linkContext is what the scorer knows about the day when it scores a link.
type linkContext struct {
	msgs    []chatlog.Message
	fs      []features
	targets [][]string // resolved mention targets per message
	quotes  []int      // resolved quote target per message, -1 if none
	links   []Link
	talks   []talk
	p       Params
}

// linkRest scores candidate parents for every message not yet decided by the
// talk and wave passes, and keeps the best one above the new-thread score.
func linkRest(c *linkContext, decided []bool) {
	for i := range c.msgs {
		if decided[i] {
			continue
		}
		if j := c.quotes[i]; j >= 0 {
			c.setLink(i, j, c.p.Quote, Evidence{Kind: "quote", Detail: fmt.Sprintf("quotes message %d", j), Weight: c.p.Quote})
			continue
		}
		if j := c.repeatOf(i); j >= 0 {
			c.setLink(i, j, c.p.Quote, Evidence{Kind: "repeat", Detail: fmt.Sprintf("repeats message %d", j), Weight: c.p.Quote})
			continue
		}
		if c.linkReaction(i) {
			continue
		}
		best, bestScore := -1, 0.0
		var bestEv []Evidence
		for j := i - 1; j >= 0 && j >= i-c.p.Window; j-- {
			s, ev := c.score(i, j)
			if s > bestScore {
				best, bestScore, bestEv = j, s, ev
			}
		}
		if best >= 0 && bestScore >= c.p.NewThreadScore && c.msgs[i].Quote == nil && (c.fs[i].question && c.inTalk(best) || c.asksSpeaker(i)) {
			c.links[i].Evidence = append(c.links[i].Evidence, Evidence{Kind: "new-thread", Detail: "a question or comment to the speaker after a talk opens its own thread"})
			continue
		}
		if best >= 0 && bestScore >= c.p.NewThreadScore {
			c.links[i].Parent = best
			c.links[i].Score = round2(bestScore)
			c.links[i].Evidence = append(c.links[i].Evidence, bestEv...)
			continue
		}
		reason := "no earlier message scored above the new-thread threshold"
		if best >= 0 {
			reason = fmt.Sprintf("best candidate %d scored %.2f < %.2f", best, bestScore, c.p.NewThreadScore)
		}
		c.links[i].Evidence = append(c.links[i].Evidence, Evidence{Kind: "new-thread", Detail: reason})
	}
}

// repeatMinRunes is the shortest text whose repetition counts as a re-post.
const repeatMinRunes = 5

// repeatOf returns the earlier message whose text message i repeats word for
// word (a re-post, or "me too" by copying), or -1.
func (c *linkContext) repeatOf(i int) int {
	f := &c.fs[i]
	if f.runes < repeatMinRunes || f.welcome || f.sticker {
		return -1
	}
	for j := i - 1; j >= 0; j-- {
		if c.fs[j].plain == f.plain && c.msgs[j].Sender != c.msgs[i].Sender {
			return j
		}
	}
	return -1
}

// setLink records parent j for message i with one piece of evidence.
func (c *linkContext) setLink(i, j int, score float64, e Evidence) {
	c.links[i].Parent = j
	c.links[i].Score = score
	c.links[i].Evidence = append(c.links[i].Evidence, e)
}

// linkReaction links stickers and praise that address nobody: to the message
// just before when the sender takes part in that conversation, else to the
// talk they praise, else to the message just before. It reports whether it
// decided the link.
func (c *linkContext) linkReaction(i int) bool {
	m, f := &c.msgs[i], &c.fs[i]
	if !(f.sticker || f.thanks) || i == 0 {
		return false
	}
	if len(m.Mentions) > 0 && !c.mentionsOnlySpeakers(i) {
		return false
	}
	prev := i - 1
	recent := m.Time.Sub(c.msgs[prev].Time) <= 5*time.Minute
	if recent && c.participates(m.Sender, prev) {
		c.setLink(i, prev, 1, Evidence{Kind: "reaction", Detail: "reacts to the conversation it takes part in", Weight: 1})
		return true
	}
	if t, ok := c.talkBefore(i); ok {
		last := t.members[len(t.members)-1]
		c.setLink(i, last, 1, Evidence{Kind: "praise", Detail: fmt.Sprintf("reacts to %s's talk", t.speaker), Weight: 1})
		return true
	}
	if recent && f.sticker {
		c.setLink(i, prev, 1, Evidence{Kind: "reaction", Detail: "sticker right after a message", Weight: 1})
		return true
	}
	return false
}

// participates reports whether sender posted in, or was mentioned in, the
// recent reply chain that ends at message j.
func (c *linkContext) participates(sender string, j int) bool {
	for k, depth := j, 0; k >= 0 && depth < 15; k, depth = c.links[k].Parent, depth+1 {
		if c.msgs[k].Sender == sender || contains(c.targets[k], sender) {
			return true
		}
	}
	return false
}

// mentionsOnlySpeakers reports whether every mention of message i names a
// speaker whose talk ended before it.
func (c *linkContext) mentionsOnlySpeakers(i int) bool {
	if len(c.targets[i]) != len(c.msgs[i].Mentions) {
		return false
	}
	for _, s := range c.targets[i] {
		ok := false
		for _, t := range c.talks {
			if t.speaker == s && t.members[len(t.members)-1] < i {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// asksSpeaker reports whether message i mentions a speaker whose talk ended before it.
func (c *linkContext) asksSpeaker(i int) bool {
	for _, t := range c.talks {
		if t.members[len(t.members)-1] < i && contains(c.targets[i], t.speaker) {
			return true
		}
	}
	return false
}

// inTalk reports whether message j belongs to a talk.
func (c *linkContext) inTalk(j int) bool {
	for _, t := range c.talks {
		for _, k := range t.members {
			if k == j {
				return true
			}
		}
	}
	return false
}

// score rates message j as the parent of message i and says why.
func (c *linkContext) score(i, j int) (float64, []Evidence) {
	mi, mj := &c.msgs[i], &c.msgs[j]
	fi, fj := &c.fs[i], &c.fs[j]
	gap := mi.Time.Sub(mj.Time)
	mentionsJ := contains(c.targets[i], mj.Sender)
	if gap > c.p.MaxGap && !mentionsJ {
		return 0, nil
	}
	var ev []Evidence
	add := func(kind, detail string, w float64) {
		if w != 0 {
			ev = append(ev, Evidence{Kind: kind, Detail: detail, Weight: round2(w)})
		}
	}
	latestBySender := c.latestBy(mj.Sender, i) == j
	if mentionsJ && c.latestSubstantiveBy(mj.Sender, i) == j {
		add("mention", "mentions "+mj.Sender, c.p.MentionSender)
	}
	if contains(c.targets[j], mi.Sender) && c.latestBy(mi.Sender, i) < j {
		w := c.p.MentionedReply
		if gap > 10*time.Minute {
			w /= 2
		}
		add("mentioned", mj.Sender+" mentioned this sender", w)
	}
	if mi.Sender == mj.Sender && latestBySender && (len(c.targets[i]) == 0 || j == i-1 && gap <= time.Minute) {
		switch {
		case j == i-1 && gap <= 10*time.Minute:
			add("same-sender", "continues the sender's previous message", c.p.SameSender)
		case gap <= 3*time.Minute:
			add("same-sender", "the sender's previous message, others spoke since", c.p.SameSender*0.4)
		}
	}
	if fj.question && mi.Sender != mj.Sender && !fi.question && !fi.ack && i-j <= 8 {
		add("answers", "candidate is a recent question", c.p.AnswersQuestion)
	}
	if mi.Sender != mj.Sender && (c.answersAskerOf(i, j) || fi.ack && latestBySender && c.answerLineFor(i, j)) {
		add("asker-follow-up", "asker replies to an answer", c.p.AskerFollowUp)
	}
	lex, shared := lexical(fi, fj, c.p)
	if lex > 0 {
		add("shared-terms", strings.Join(shared, " "), lex)
	}
	if (fi.ack || fi.affirm) && mi.Sender != mj.Sender && i-j <= 2 {
		add("reply", "short reply to a recent message", 1.0)
	}
	if fi.anaphor && i-j <= 3 && mi.Sender != mj.Sender {
		add("anaphor", "refers back to something just said", c.p.Anaphor)
	}
	if fj.headline && i-j <= 3 && mi.Sender != mj.Sender && len(c.targets[i]) == 0 && (!fi.question || fi.runes <= 4) {
		add("news-reaction", "reacts to a headline just posted", c.p.AnswersQuestion)
	}
	if w := c.adjacency(i, j); w > 0 {
		add("adjacent", fmt.Sprintf("%d messages before", i-j), w)
	}
	if mj.Type == chatlog.TypeImage || mj.Type == chatlog.TypeRedPacket {
		add("media", "candidate is media", -0.3)
	}
	total := 0.0
	for _, e := range ev {
		total += e.Weight
	}
	if total <= 0 {
		return 0, nil
	}
	dist := float64(i - j - 1)
	minutes := min(gap.Minutes(), 30)
	pen := c.p.PerMessage*dist + c.p.PerMinute*minutes
	if mentionsJ {
		pen /= 4
	}
	addressed := len(c.targets[i]) > 0 || mi.Quote != nil
	if fi.opener && !addressed {
		pen += 2 * c.p.NewQuestion
		add("opener", "opens with an asking phrase: a new topic", -2*c.p.NewQuestion)
	} else if fi.question && !addressed && mi.Sender != mj.Sender {
		w := c.p.NewQuestion
		if (fi.anaphor || lex > 0) && !fi.opener {
			w *= 0.3
		}
		pen += w
		add("fresh-question", "an unaddressed question tends to start a thread", -w)
	}
	if !addressed && (fi.headline || (mi.Type == chatlog.TypeLink && !fj.question)) {
		pen += c.p.NewQuestion
		add("share", "a shared article or headline tends to start a thread", -c.p.NewQuestion)
	}
	add("distance", fmt.Sprintf("%d messages, %.0f min earlier", i-j, gap.Minutes()), -(c.p.PerMessage*dist + c.p.PerMinute*minutes))
	return total - pen, ev
}

// adjacency is the weight of plain succession: a reply to the message just
// before (half for two before), fading with the pause, and none where the
// earlier message closes a conversation (thanks, stickers, welcomes), belongs
// to a talk, or where this message addresses someone else or opens a topic.
func (c *linkContext) adjacency(i, j int) float64 {
	mi, mj := &c.msgs[i], &c.msgs[j]
	fi, fj := &c.fs[i], &c.fs[j]
	if i-j > 2 || mi.Sender == mj.Sender || fi.question || fi.headline || mi.Type == chatlog.TypeLink {
		return 0
	}
	if fj.ack || fj.thanks || fj.sticker || fj.welcome || c.inTalk(j) {
		return 0
	}
	if len(c.targets[i]) > 0 && !contains(c.targets[i], mj.Sender) {
		return 0
	}
	w := c.p.Adjacent
	if i-j == 2 {
		w /= 2
	}
	switch gap := mi.Time.Sub(mj.Time); {
	case gap <= 10*time.Minute:
		return w
	case gap <= 30*time.Minute || fj.question:
		return w / 2
	}
	return 0
}

// lexical scores the content words two messages share.
func lexical(a, b *features, p Params) (float64, []string) {
	if len(a.wordSet) == 0 || len(b.wordSet) == 0 {
		return 0, nil
	}
	var shared []string
	s := 0.0
	for w := range a.wordSet {
		if _, ok := b.wordSet[w]; !ok {
			continue
		}
		shared = append(shared, w)
		if _, dom := a.domain[w]; dom {
			s += p.DomainTerm
		} else {
			s += p.SharedWord
		}
	}
	sort.Strings(shared)
	return min(s, p.MaxLexical), shared
}

// latestBy returns the index of sender's latest message before i, or -1.
func (c *linkContext) latestBy(sender string, i int) int {
	for j := i - 1; j >= 0; j-- {
		if c.msgs[j].Sender == sender {
			return j
		}
	}
	return -1
}

// latestSubstantiveBy returns sender's latest message before i that says
// something (not a sticker, thanks or welcome), or -1.
func (c *linkContext) latestSubstantiveBy(sender string, i int) int {
	for j := i - 1; j >= 0 && j >= i-c.p.Window; j-- {
		f := &c.fs[j]
		if c.msgs[j].Sender == sender {
			if !f.sticker && !f.thanks && !f.welcome {
				return j
			}
		}
	}
	return -1
}

// answersAskerOf reports whether j directly answers a question asked by sender(i).
func (c *linkContext) answersAskerOf(i, j int) bool {
	p := c.links[j].Parent
	return p >= 0 && c.msgs[p].Sender == c.msgs[i].Sender && c.fs[p].question
}

// answerLineFor reports whether j is a line of an answer to sender(i)'s
// question: its chain reaches that question through j's sender's own lines.
func (c *linkContext) answerLineFor(i, j int) bool {
	for k, depth := c.links[j].Parent, 0; k >= 0 && depth < 4; k, depth = c.links[k].Parent, depth+1 {
		if c.msgs[k].Sender == c.msgs[i].Sender {
			return c.fs[k].question
		}
		if c.msgs[k].Sender != c.msgs[j].Sender {
			return false
		}
	}
	return false
}

// talkBefore returns the latest talk that ended before message i.
func (c *linkContext) talkBefore(i int) (talk, bool) {
	for k := len(c.talks) - 1; k >= 0; k-- {
		t := c.talks[k]
		if t.members[len(t.members)-1] < i {
			return t, true
		}
	}
	return talk{}, false
}

func round2(x float64) float64 {
	if x < 0 {
		return -round2(-x)
	}
	return float64(int64(x*100+0.5)) / 100
}
