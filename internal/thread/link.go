package thread

import (
	"fmt"
	"math"
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
	m       *Model

	bySender map[string][]int // message indices per sender, ascending
}

// indexSenders records each sender's messages for latestBy.
func (c *linkContext) indexSenders() {
	c.bySender = map[string][]int{}
	for i, m := range c.msgs {
		c.bySender[m.Sender] = append(c.bySender[m.Sender], i)
	}
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
		self, _, selfEv := c.m.score(c.selfFeatures(i))
		best, bestScore := -1, math.Inf(-1)
		var bestEv []Evidence
		for j := i - 1; j >= 0 && j >= i-c.p.Window; j-- {
			fs := c.pairFeatures(i, j)
			if fs == nil {
				continue
			}
			s, ok, ev := c.m.score(fs)
			if ok && s > bestScore {
				best, bestScore, bestEv = j, s, ev
			}
		}
		linked := best >= 0 && bestScore >= self
		if linked && c.msgs[i].Quote == nil && (c.fs[i].question && c.inTalk(best) || c.asksSpeaker(i)) {
			c.links[i].Evidence = append(c.links[i].Evidence, Evidence{Kind: "new-thread", Detail: "a question or comment to the speaker after a talk opens its own thread"})
			continue
		}
		if linked {
			c.links[i].Parent = best
			c.links[i].Score = round2(bestScore)
			c.links[i].Evidence = append(c.links[i].Evidence, bestEv...)
			continue
		}
		reason := "no earlier message scored above the new-thread score"
		if best >= 0 {
			reason = fmt.Sprintf("best candidate %d scored %.2f < %.2f", best, bestScore, self)
		}
		c.links[i].Evidence = append(c.links[i].Evidence, Evidence{Kind: "new-thread", Detail: reason})
		c.links[i].Evidence = append(c.links[i].Evidence, selfEv...)
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

// selfFeatures measure message i as the start of a new thread.
func (c *linkContext) selfFeatures(i int) []feature {
	mi, fi := &c.msgs[i], &c.fs[i]
	fs := []feature{{name: "new-thread", value: 1}}
	if fi.question {
		fs = append(fs, feature{"self-question", 1, "the message is a question"})
	}
	if len(mi.Mentions) > 0 {
		fs = append(fs, feature{"self-addressed", 1, "the message addresses someone"})
	}
	if c.latestBy(mi.Sender, i) < 0 || mi.Time.Sub(c.msgs[c.latestBy(mi.Sender, i)].Time) > 30*time.Minute {
		fs = append(fs, feature{"self-first-post", 1, "the sender's first message in a while"})
	}
	return fs
}

// pairFeatures measure message j as the parent of message i; nil when j is
// out of reach (too long ago and not mentioned).
func (c *linkContext) pairFeatures(i, j int) []feature {
	mi, mj := &c.msgs[i], &c.msgs[j]
	fi, fj := &c.fs[i], &c.fs[j]
	gap := mi.Time.Sub(mj.Time)
	mentionsJ := contains(c.targets[i], mj.Sender)
	if gap > c.p.MaxGap && !mentionsJ {
		return nil
	}
	fs := make([]feature, 0, 12)
	add := func(name, detail string, value float64) {
		if value != 0 {
			fs = append(fs, feature{name, value, detail})
		}
	}
	latestBySender := c.latestBy(mj.Sender, i) == j
	if mentionsJ && c.latestSubstantiveBy(mj.Sender, i) == j {
		add("mention", "mentions "+mj.Sender, 1)
	}
	if contains(c.targets[j], mi.Sender) && c.latestBy(mi.Sender, i) < j {
		v := 1.0
		if gap > 10*time.Minute {
			v = 0.5
		}
		add("mentioned", mj.Sender+" mentioned this sender", v)
	}
	if mi.Sender == mj.Sender && latestBySender && (len(c.targets[i]) == 0 || j == i-1 && gap <= time.Minute) {
		switch {
		case j == i-1 && gap <= 10*time.Minute:
			add("same-sender", "continues the sender's previous message", 1)
		case gap <= 3*time.Minute:
			add("same-sender", "the sender's previous message, others spoke since", 0.4)
		}
	}
	if fj.question && mi.Sender != mj.Sender && !fi.question && !fi.ack && i-j <= 8 {
		add("answers", "candidate is a recent question", 1)
	}
	if mi.Sender != mj.Sender && (c.answersAskerOf(i, j) || fi.ack && latestBySender && c.answerLineFor(i, j)) {
		add("asker-follow-up", "asker replies to an answer", 1)
	}
	lex, shared := lexical(fi, fj, c.p)
	add("shared-terms", strings.Join(shared, " "), lex)
	if (fi.ack || fi.affirm) && mi.Sender != mj.Sender && i-j <= 2 {
		add("reply", "short reply to a recent message", 1)
	}
	if fi.anaphor && i-j <= 3 && mi.Sender != mj.Sender {
		add("anaphor", "refers back to something just said", 1)
	}
	if fj.headline && i-j <= 3 && mi.Sender != mj.Sender && len(c.targets[i]) == 0 && (!fi.question || fi.runes <= 4) {
		add("news-reaction", "reacts to a headline just posted", 1)
	}
	add("adjacent", fmt.Sprintf("%d messages before", i-j), c.adjacency(i, j))
	if mj.Type == chatlog.TypeImage || mj.Type == chatlog.TypeRedPacket {
		add("media", "candidate is media", 1)
	}
	// Plain structure, for models trained on other chats.
	if mi.Sender == mj.Sender {
		add("same-speaker", "same speaker", 1)
	}
	if j == i-1 {
		add("previous", "the message just before", 1)
	}
	if fj.question {
		add("candidate-question", "candidate is a question", 1)
	}
	if mj.Type == chatlog.TypeSystem {
		add("candidate-system", "candidate is a system line", 1)
	}
	if len(c.targets[i]) > 0 && !mentionsJ {
		add("addressed-elsewhere", "the message addresses someone else", 1)
	}
	if len(c.targets[j]) > 0 && !contains(c.targets[j], mi.Sender) {
		add("candidate-addressed-elsewhere", "the candidate addressed someone else", 1)
	}
	if latestBySender {
		add("candidate-latest", "the candidate's sender has not spoken since", 1)
	}
	dist := float64(i - j - 1)
	minutes := min(gap.Minutes(), 30)
	scale := 1.0
	if mentionsJ {
		scale = 0.25
	}
	add("log-distance", "", math.Log2(2+dist))
	add(distanceBucket(i-j), "", 1)
	add(gapBucket(gap), "", 1)
	if lex > 0 && i-j <= 5 {
		add("shared-terms-near", "", lex)
	}
	if mentionsJ && i-j > 5 {
		add("mention-far", "", 1)
	}
	if n := len(shared); n > 0 {
		add(fmt.Sprintf("shared-words-%d", min(n, 3)), "", 1)
	}
	if fj.ack || fj.thanks {
		add("candidate-ack", "", 1)
	}
	if mi.Sender == mj.Sender && j == i-1 {
		add("same-speaker-previous", "", 1)
	}
	if len(c.targets[i]) > 0 && len(c.targets[j]) > 0 && c.targets[i][0] == c.targets[j][0] {
		add("same-addressee", "", 1)
	}
	if fi.question && fj.question {
		add("both-questions", "", 1)
	}
	addressed := len(c.targets[i]) > 0 || mi.Quote != nil
	if fi.opener && !addressed {
		add("opener", "opens with an asking phrase: a new topic", 1)
	} else if fi.question && !addressed && mi.Sender != mj.Sender {
		v := 1.0
		if (fi.anaphor || lex > 0) && !fi.opener {
			v = 0.3
		}
		add("fresh-question", "an unaddressed question tends to start a thread", v)
	}
	if !addressed && (fi.headline || (mi.Type == chatlog.TypeLink && !fj.question)) {
		add("share", "a shared article or headline tends to start a thread", 1)
	}
	add("gap-messages", fmt.Sprintf("%d messages earlier", i-j), dist*scale)
	add("gap-minutes", fmt.Sprintf("%.0f min earlier", gap.Minutes()), minutes*scale)
	return fs
}

// distanceBucket names the distance class of a candidate, for trained models.
func distanceBucket(d int) string {
	switch {
	case d == 1:
		return "dist-1"
	case d == 2:
		return "dist-2"
	case d <= 4:
		return "dist-3-4"
	case d <= 8:
		return "dist-5-8"
	case d <= 16:
		return "dist-9-16"
	}
	return "dist-17+"
}

// gapBucket names the time-gap class of a candidate, for trained models.
func gapBucket(gap time.Duration) string {
	switch {
	case gap <= time.Minute:
		return "gap-0-1m"
	case gap <= 5*time.Minute:
		return "gap-1-5m"
	case gap <= 15*time.Minute:
		return "gap-5-15m"
	}
	return "gap-15m+"
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
	w := 1.0
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
	idx := c.bySender[sender]
	k := sort.SearchInts(idx, i) // first index >= i
	if k == 0 {
		return -1
	}
	return idx[k-1]
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
