package thread

import (
	"fmt"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
)

// Limits of a handover (see joinHandovers).
const (
	handoverGap      = 2 * time.Minute // longest pause between the old conversation and the new start
	handoverLookback = 10              // messages before the start searched for the old conversation's people
	handoverMinSize  = 3               // old conversation messages among them
	handoverHorizon  = 4               // messages after the start that must leave the old conversation silent
	handoverTermBack = 15              // messages before the start searched for its payments terms
)

// joinHandovers links a thread start back to the conversation just before it
// when that conversation hands over to it: annotators keep an argument that
// drifts from point to point as one thread and split only where the subject
// changes. A start joins the conversation of the message before it when
//   - it follows that message within handoverGap and is an ordinary remark
//     or question: no asking phrase, headline, notice, quote or mention;
//   - that conversation was running (handoverMinSize of the last
//     handoverLookback messages) and does not go on in the next
//     handoverHorizon messages, while the new thread does;
//   - the people of the new thread (its starter or a replier) were just
//     talking in the old one;
//   - a question brings up no payments term the conversation has not used.
func joinHandovers(c *linkContext, decided []bool) {
	n := len(c.msgs)
	root := threadRoots(c.links)
	for s := 1; s < n; s++ {
		p := c.turnBefore(s)
		if p < 0 || decided[s] || c.links[s].Parent >= 0 || !c.mayHandOver(s) ||
			c.msgs[s].Time.Sub(c.msgs[p].Time) > handoverGap || c.inTalk(p) {
			continue
		}
		old := root[p]
		people := map[string]bool{}
		size := 0
		for k := range c.turnsBefore(s, handoverLookback) {
			if root[k] == old {
				people[c.msgs[k].Sender] = true
				size++
			}
		}
		if size < handoverMinSize || c.fs[s].question && c.bringsNewTerm(s, old, root) {
			continue
		}
		carried, oldGoesOn, newGoesOn := people[c.msgs[s].Sender], false, false
		for k := range c.turnsAfter(s, handoverHorizon, n) {
			switch root[k] {
			case old:
				oldGoesOn = true
			case s:
				newGoesOn = true
				carried = carried || people[c.msgs[k].Sender]
			}
		}
		if !carried || oldGoesOn || !newGoesOn {
			continue
		}
		c.links[s].Parent = p
		c.links[s].Evidence = append(c.links[s].Evidence, Evidence{Kind: "handover",
			Detail: fmt.Sprintf("the conversation of message %d carries on here among the same people and stops there", p)})
		for k := s; k < n; k++ {
			if root[k] == s {
				root[k] = old
			}
		}
	}
}

// mayHandOver reports whether message s is an ordinary remark or question
// that could continue a conversation rather than open a subject.
func (c *linkContext) mayHandOver(s int) bool {
	m, f := &c.msgs[s], &c.fs[s]
	return m.Type == chatlog.TypeText && !f.opener && !f.headline && !f.welcome &&
		m.Quote == nil && len(c.targets[s]) == 0
}

// bringsNewTerm reports whether message s uses a payments term that the
// recent messages of conversation old (rooted there) do not.
func (c *linkContext) bringsNewTerm(s, old int, root []int) bool {
	for t := range c.fs[s].domain {
		used := false
		for k := range c.turnsBefore(s, handoverTermBack) {
			if root[k] == old {
				if _, used = c.fs[k].wordSet[t]; used {
					break
				}
			}
		}
		if !used {
			return true
		}
	}
	return false
}
