package thread

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
)

// Talk detection thresholds: a run of one sender's messages with at most
// talkMaxInterleave others between consecutive ones, none of them a question,
// few of them saying anything, and no pause longer than talkMaxPause, is a
// talk when it is long enough.
const (
	talkMaxInterleave = 4
	talkMaxPause      = 10 * time.Minute
	talkLongRunes     = 50
	talkMinLong       = 3   // long text messages a talk needs (images count as slides)
	talkMinMessages   = 8   // messages a talk needs; the front-matter speaker needs fewer
	talkMinRunes      = 400 // total text a talk needs when it has few long messages
	// talkMaxSaidShare: a talk's run holds fewer than one message that says
	// something by others for every talkMaxSaidShare of the speaker's.
	talkMaxSaidShare = 3
)

// A talk is one guest speaker's monologue.
type talk struct {
	speaker string
	members []int // the speaker's messages and the reactions inside the span, in order
}

// findTalks returns the talks of the day: runs of long messages by one sender
// that nobody interrupts with a question, others hardly speak in, and that
// do not keep naming the people they answer.
func findTalks(msgs []chatlog.Message, fs []features, lst listings, speaker string) []talk {
	var talks []talk
	used := make([]bool, len(msgs))
	runs := newTalkRuns(msgs, fs, lst)
	for i := range msgs {
		if used[i] || msgs[i].Sender == "" || !lst.isTurn(i) {
			continue
		}
		runs.follow(i)
		n, long, total := runs.length[i], runs.long[i], runs.runes[i]
		minMessages := talkMinMessages
		if speaker != "" && strings.HasPrefix(msgs[i].Sender, speaker) {
			minMessages = talkMinMessages / 2
		}
		if n < minMessages || (long < talkMinLong && total < talkMinRunes) {
			continue
		}
		if others := runs.saidBetween(i); others*talkMaxSaidShare >= n {
			continue // a discussion the sender leads, not a monologue
		}
		if a := runs.addressing[i]; a >= 2 && a*talkAddressedShare >= n {
			continue // replies to people by name: an answer in a discussion
		}
		t := talk{speaker: msgs[i].Sender}
		run := runs.run(i)
		last := run[len(run)-1]
		k := 0
		for j := run[0]; j <= last; j++ {
			if k < len(run) && run[k] == j {
				t.members = append(t.members, j)
				used[j] = true
				k++
				continue
			}
			f := fs[j]
			if (f.sticker || f.ack || f.thanks) && !f.welcome && len(msgs[j].Mentions) == 0 {
				t.members = append(t.members, j)
				used[j] = true
			}
		}
		talks = append(talks, t)
	}
	return resumeTalks(msgs, fs, lst, talks)
}

// withoutDecided drops from each talk the members whose links are already
// decided (check-ins posted while the talk runs).
func withoutDecided(talks []talk, decided []bool) []talk {
	for k := range talks {
		talks[k].members = slices.DeleteFunc(talks[k].members, func(j int) bool { return decided[j] })
	}
	return talks
}

// resumeTalks joins a talk to the same speaker's talk just before it when
// only a short interruption (a question and the speaker's short reply to it)
// separates them: the speaker answered and went on with the same talk. The
// short replies leave the talk so that they answer the question.
func resumeTalks(msgs []chatlog.Message, fs []features, lst listings, talks []talk) []talk {
	out := talks[:0]
	for _, t := range talks {
		if len(out) == 0 {
			out = append(out, t)
			continue
		}
		p := &out[len(out)-1]
		last := p.members[len(p.members)-1]
		first := t.members[0]
		if p.speaker != t.speaker || lst.distance(first, last) > talkMaxInterleave+2 || msgs[first].Time.Sub(msgs[last].Time) > talkMaxPause {
			out = append(out, t)
			continue
		}
		members := t.members
		for len(members) > 1 && msgs[members[0]].Sender == t.speaker && msgs[members[0]].Type == chatlog.TypeText && fs[members[0]].runes < talkLongRunes {
			members = members[1:]
		}
		p.members = append(p.members, members...)
	}
	return out
}

// talkAddressedShare: a run of which two messages or more, and at least
// one in talkAddressedShare, @mention someone is no talk. A speaker giving
// a talk addresses the group; one answering in a discussion names the
// people they answer (@程琳 做清算先把计算公式写出来).
const talkAddressedShare = 4

// saysSomething reports whether a message is more than a sticker,
// acknowledgement, praise or welcome.
func saysSomething(f *features) bool {
	return !(f.sticker || f.ack || f.thanks || f.welcome)
}

// talkRuns follows each sender's messages as a talk goes on: a run from
// message i is i and the sender's messages after it, each reached from the
// one before with no pause longer than talkMaxPause, no question by another
// and at most talkMaxInterleave turns of others between them.
//
// The run from a member of a run is the rest of that run: the step from a
// member to the next depends on nothing before the member. So talkRuns
// takes each step once, the first time a run takes it (next), and keeps
// the sums findTalks weighs a run by for the run from each member, added
// up from the run's end. Asking for the run from every message of a sender
// who posts every few turns all day then takes time in proportion to the
// messages, not to their square. A run is followed only from where it is
// asked for, so that a message no run reaches (a notice under a sender's
// name) takes no step.
type talkRuns struct {
	msgs []chatlog.Message
	fs   []features
	lst  listings

	// next is the member after each followed message in its sender's run,
	// runEnds after the last member, notFollowed before follow reaches it.
	next []int
	// For the run from each followed message, the sums over its members:
	last       []int // the last member
	length     []int // the members
	long       []int // long texts (talkLongRunes or more) and images (slides)
	runes      []int // the runes of text
	said       []int // turns that say something (saysSomething)
	addressing []int // messages that @mention someone
	// saysBefore[k] counts the turns before message k that say something.
	saysBefore []int
	chain      []int // scratch: the members follow walks before summing them
}

// The ends of talkRuns.next.
const (
	runEnds     = -1
	notFollowed = -2
)

// newTalkRuns prepares to follow the runs of msgs; no run is followed yet.
func newTalkRuns(msgs []chatlog.Message, fs []features, lst listings) *talkRuns {
	n := len(msgs)
	r := &talkRuns{msgs: msgs, fs: fs, lst: lst,
		next: make([]int, n), last: make([]int, n), length: make([]int, n), long: make([]int, n),
		runes: make([]int, n), said: make([]int, n), addressing: make([]int, n), saysBefore: make([]int, n+1)}
	for k := range msgs {
		r.next[k] = notFollowed
		r.saysBefore[k+1] = r.saysBefore[k]
		if r.says(k) {
			r.saysBefore[k+1]++
		}
	}
	return r
}

// says reports whether message k is a turn that says something.
func (r *talkRuns) says(k int) bool {
	return saysSomething(&r.fs[k]) && r.lst.isTurn(k)
}

// follow follows the run from message i, which has a sender, to its end or
// to a member already followed, then sums each new member's run from the
// last back to i.
func (r *talkRuns) follow(i int) {
	r.chain = r.chain[:0]
	for j := i; j != runEnds && r.next[j] == notFollowed; j = r.next[j] {
		r.next[j] = r.step(j)
		r.chain = append(r.chain, j)
	}
	for k := len(r.chain) - 1; k >= 0; k-- {
		j := r.chain[k]
		r.last[j], r.length[j] = j, 1
		r.long[j], r.runes[j], r.said[j], r.addressing[j] = 0, r.fs[j].runes, 0, 0
		if r.fs[j].runes >= talkLongRunes || r.msgs[j].Type == chatlog.TypeImage {
			r.long[j] = 1
		}
		if r.says(j) {
			r.said[j] = 1
		}
		if len(r.msgs[j].Mentions) > 0 {
			r.addressing[j] = 1
		}
		if nx := r.next[j]; nx != runEnds {
			r.last[j] = r.last[nx]
			r.length[j] += r.length[nx]
			r.long[j] += r.long[nx]
			r.runes[j] += r.runes[nx]
			r.said[j] += r.said[nx]
			r.addressing[j] += r.addressing[nx]
		}
	}
}

// step returns the next message of j's sender that the talk conditions
// reach from j, or runEnds: the run ends at a pause longer than
// talkMaxPause, at another's question, or after more than
// talkMaxInterleave turns of others.
func (r *talkRuns) step(j int) int {
	msgs := r.msgs
	others := 0
	for k := j + 1; k < len(msgs); k++ {
		if msgs[k].Time.Sub(msgs[j].Time) > talkMaxPause {
			return runEnds
		}
		if msgs[k].Sender == msgs[j].Sender {
			return k
		}
		if !r.lst.isTurn(k) {
			continue // the export lists the message before again
		}
		if r.fs[k].question {
			return runEnds
		}
		others++
		if others > talkMaxInterleave {
			return runEnds
		}
	}
	return runEnds
}

// saidBetween counts the turns of others inside the followed run from i
// that say something: those of the run's span less its own. Every message
// of the sender inside the span is a member, since the run takes each one
// it reaches.
func (r *talkRuns) saidBetween(i int) int {
	return r.saysBefore[r.last[i]+1] - r.saysBefore[i] - r.said[i]
}

// run returns the members of the followed run from i, in order.
func (r *talkRuns) run(i int) []int {
	var run []int
	for j := i; j != runEnds; j = r.next[j] {
		run = append(run, j)
	}
	return run
}

// linkTalks links each talk member to the previous member.
func linkTalks(talks []talk, links []Link, decided []bool) {
	for _, t := range talks {
		for k, j := range t.members {
			decided[j] = true
			if k == 0 {
				links[j].Evidence = append(links[j].Evidence, Evidence{Kind: "talk", Detail: fmt.Sprintf("start of %s's talk", t.speaker)})
				continue
			}
			links[j].Parent = t.members[k-1]
			links[j].Evidence = append(links[j].Evidence, Evidence{Kind: "talk", Detail: fmt.Sprintf("inside %s's talk", t.speaker), Weight: 1})
		}
	}
}
