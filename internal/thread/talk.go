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
	for i := range msgs {
		if used[i] || msgs[i].Sender == "" || !lst.isTurn(i) {
			continue
		}
		run := talkRun(msgs, fs, lst, i)
		long, total := 0, 0
		for _, j := range run {
			if fs[j].runes >= talkLongRunes || msgs[j].Type == chatlog.TypeImage {
				long++
			}
			total += fs[j].runes
		}
		minMessages := talkMinMessages
		if speaker != "" && strings.HasPrefix(msgs[i].Sender, speaker) {
			minMessages = talkMinMessages / 2
		}
		if len(run) < minMessages || (long < talkMinLong && total < talkMinRunes) {
			continue
		}
		if others := saidBetween(msgs, fs, lst, run); others*talkMaxSaidShare >= len(run) {
			continue // a discussion the sender leads, not a monologue
		}
		if n := addressing(msgs, run); n >= 2 && n*talkAddressedShare >= len(run) {
			continue // replies to people by name: an answer in a discussion
		}
		t := talk{speaker: msgs[i].Sender}
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

// addressing counts the messages of a run that @mention someone.
func addressing(msgs []chatlog.Message, run []int) int {
	n := 0
	for _, j := range run {
		if len(msgs[j].Mentions) > 0 {
			n++
		}
	}
	return n
}

// saidBetween counts the messages of others inside a run that say something
// (not a sticker, acknowledgement, praise or welcome).
func saidBetween(msgs []chatlog.Message, fs []features, lst listings, run []int) int {
	n := 0
	for j := run[0]; j <= run[len(run)-1]; j++ {
		f := &fs[j]
		if msgs[j].Sender != msgs[run[0]].Sender && !(f.sticker || f.ack || f.thanks || f.welcome) && lst.isTurn(j) {
			n++
		}
	}
	return n
}

// talkRun follows sender(i)'s messages from i while the talk conditions hold.
func talkRun(msgs []chatlog.Message, fs []features, lst listings, i int) []int {
	run := []int{i}
	speaker := msgs[i].Sender
	prev := i
	others := 0
	for j := i + 1; j < len(msgs); j++ {
		if msgs[j].Time.Sub(msgs[prev].Time) > talkMaxPause {
			break
		}
		if msgs[j].Sender == speaker {
			run = append(run, j)
			prev, others = j, 0
			continue
		}
		if !lst.isTurn(j) {
			continue // the export lists the message before again
		}
		if fs[j].question {
			break
		}
		others++
		if others > talkMaxInterleave {
			break
		}
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
