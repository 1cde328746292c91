package thread

import (
	"fmt"
	"sort"
	"strings"

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
			c.links[i].Parent = j
			c.links[i].Score = c.p.Quote
			c.links[i].Evidence = append(c.links[i].Evidence, Evidence{Kind: "quote", Detail: fmt.Sprintf("quotes message %d", j), Weight: c.p.Quote})
			continue
		}
		if c.fs[i].thanks {
			if t, ok := c.talkBefore(i); ok {
				last := t.members[len(t.members)-1]
				c.links[i].Parent = last
				c.links[i].Score = 1
				c.links[i].Evidence = append(c.links[i].Evidence, Evidence{Kind: "thanks", Detail: fmt.Sprintf("thanks for %s's talk", t.speaker), Weight: 1})
				continue
			}
		}
		best, bestScore := -1, 0.0
		var bestEv []Evidence
		for j := i - 1; j >= 0 && j >= i-c.p.Window; j-- {
			s, ev := c.score(i, j)
			if s > bestScore {
				best, bestScore, bestEv = j, s, ev
			}
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
	if mentionsJ && latestBySender {
		add("mention", "mentions "+mj.Sender, c.p.MentionSender)
	}
	if contains(c.targets[j], mi.Sender) && c.latestBy(mi.Sender, i) < j {
		add("mentioned", mj.Sender+" mentioned this sender", c.p.MentionedReply)
	}
	if mi.Sender == mj.Sender && latestBySender && gap <= 3*60e9 && len(c.targets[i]) == 0 && !fi.question {
		add("same-sender", "continues the sender's previous message", c.p.SameSender)
	} else if mi.Sender == mj.Sender && latestBySender && gap <= 3*60e9 && len(c.targets[i]) == 0 {
		add("same-sender", "follow-up question by the same sender", c.p.SameSender*0.6)
	}
	if fj.question && mi.Sender != mj.Sender && !fi.question && !fi.greeting {
		add("answers", "candidate is a question", c.p.AnswersQuestion)
	}
	if mi.Sender != mj.Sender && c.answersAskerOf(i, j) {
		add("asker-follow-up", "asker replies to an answer", c.p.AskerFollowUp)
	}
	if lex, shared := lexical(fi, fj, c.p); lex > 0 {
		add("shared-terms", strings.Join(shared, " "), lex)
	}
	if (fi.reaction || fi.ack) && mi.Sender != mj.Sender && i-j <= 2 && !fj.reaction {
		add("reaction", "short reaction to a recent message", 1.0)
	}
	if mj.Type == chatlog.TypeImage || mj.Type == chatlog.TypeRedPacket {
		// Images and red packets rarely start what follows; let text carry it.
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
	pen := c.p.PerMessage*dist + c.p.PerMinute*gap.Minutes()
	if mentionsJ {
		pen /= 4
	}
	if fi.question && len(c.targets[i]) == 0 && mi.Quote == nil && mi.Sender != mj.Sender {
		pen += c.p.NewQuestion
		add("fresh-question", "an unaddressed question tends to start a thread", -c.p.NewQuestion)
	}
	if mi.Type == chatlog.TypeLink && mi.Sender != mj.Sender && len(c.targets[i]) == 0 && !fj.question {
		pen += c.p.NewQuestion
		add("share", "a shared link tends to start a thread", -c.p.NewQuestion)
	}
	add("distance", fmt.Sprintf("%d messages, %.0f min earlier", i-j, gap.Minutes()), -(c.p.PerMessage*dist + c.p.PerMinute*gap.Minutes()))
	return total - pen, ev
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

// answersAskerOf reports whether j replies (directly) to a question asked by sender(i).
func (c *linkContext) answersAskerOf(i, j int) bool {
	p := c.links[j].Parent
	if p < 0 {
		return false
	}
	return c.msgs[p].Sender == c.msgs[i].Sender && c.fs[p].question
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
