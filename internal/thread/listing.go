package thread

import (
	"iter"

	"github.com/cocolian/threads/internal/chatlog"
)

// doubledShare is the least share of messages listed twice (one in four)
// that makes an export one that lists each message twice (the three such
// days of the corpus list a third or more of their messages twice). Below
// it, the same words in the same second from two senders are two people (a
// welcome wave: 欢迎韩总[鼓掌]), not one message under two names.
const doubledShare = 4

// listings knows which messages of a log are turns of the conversation and
// which are not: the export's second listing of the message before (some
// exports list every message under the sender's display name and again, in
// the same second, under the group nickname), and, for models that pass
// over them, platform notices (joins, recalls). Distances and neighbours
// count turns only, so that a chat threads alike whether its export lists
// messages once or twice, with or without its notices. A reply of a side
// thread (chatlog.Message.SideThread) is a turn only to the replies of its
// thread: the messages of the chat's timeline do not see it. The zero value
// is a log whose every message is a turn.
type listings struct {
	second []bool   // the message repeats the one before it under another name
	notice []bool   // a platform notice that the conversation passes over
	pos    []int    // the number of turns after the first message, up to this one
	prev   []int    // the latest turn before this message, -1 for none
	side   []string // the side thread of a reply in one (its ReplyToID), "" for the rest; nil when none is
}

// newListings finds the second listings of msgs: a message that repeats
// the message before it (chatlog.ExportCopy) under another name of its
// sender, when that message is not a second listing itself. When fewer than
// one message in doubledShare is such a copy, the export lists each message
// once and there are none. With passNotices, system lines are no turns
// either, nor do they count among the messages a share is taken of.
func newListings(msgs []chatlog.Message, passNotices bool) listings {
	var l listings
	for i, m := range msgs {
		if m.SideThread {
			if l.side == nil {
				l.side = make([]string, len(msgs))
			}
			l.side[i] = m.ReplyToID
		}
	}
	notices := 0
	if passNotices {
		l.notice = make([]bool, len(msgs))
		for i, m := range msgs {
			if m.Type == chatlog.TypeSystem {
				l.notice[i] = true
				notices++
			}
		}
		if notices == 0 {
			l.notice = nil
		}
	}
	second := make([]bool, len(msgs))
	n := 0
	for i := range msgs {
		if chatlog.ExportCopy(msgs, i) && msgs[i-1].Sender != msgs[i].Sender && !second[i-1] && !l.isNotice(i) {
			second[i] = true
			n++
		}
	}
	if n > 0 && n*doubledShare >= len(msgs)-notices {
		// On a day listed twice, a message whose content the export lost,
		// in the same second as another name's message just before it, is
		// that message's second listing too.
		for i := 1; i < len(msgs); i++ {
			m, before := &msgs[i], &msgs[i-1]
			if contentLost(m) && m.Sender != "" && m.Sender != before.Sender &&
				m.Time.Equal(before.Time) && !second[i-1] && !l.isNotice(i-1) {
				second[i] = true
			}
		}
		l.second = second
	}
	if l.second == nil && l.notice == nil {
		return l
	}
	l.pos = make([]int, len(msgs))
	for k := 1; k < len(msgs); k++ {
		l.pos[k] = l.pos[k-1]
		if l.isTurn(k) {
			l.pos[k]++
		}
	}
	// The turn before each message, found once: walking back from every
	// message over a run of notices would take the square of its length.
	l.prev = make([]int, len(msgs))
	last := -1
	for k := range msgs {
		l.prev[k] = last
		if l.isTurn(k) {
			last = k
		}
	}
	return l
}

// isSecond reports whether message k is the export's second listing of the
// message before it.
func (l listings) isSecond(k int) bool {
	return l.second != nil && l.second[k]
}

// isNotice reports whether message k is a platform notice that the
// conversation passes over.
func (l listings) isNotice(k int) bool {
	return l.notice != nil && l.notice[k]
}

// isTurn reports whether message k is a turn of the conversation: neither
// the export's second listing of another nor a notice passed over.
func (l listings) isTurn(k int) bool {
	return !l.isSecond(k) && !l.isNotice(k)
}

// firstListing returns k, or the message k lists again when k is the
// export's second listing of it: what a link to k should name.
func (l listings) firstListing(k int) int {
	if l.isSecond(k) {
		return k - 1
	}
	return k
}

// turnBefore returns the latest turn before message i that i sees, or -1.
func (l listings) turnBefore(i int) int {
	k := l.prevTurn(i)
	for k >= 0 && l.hidden(i, k) {
		k = l.prevTurn(k)
	}
	return k
}

// prevTurn returns the latest turn before message k, or -1.
func (l listings) prevTurn(k int) int {
	if l.prev == nil {
		return k - 1 // every message is a turn
	}
	return l.prev[k]
}

// hidden reports whether message k is a reply of a side thread that message
// i is no reply of, which i does not see.
func (l listings) hidden(i, k int) bool {
	return l.side != nil && l.side[k] != "" && l.side[k] != l.side[i]
}

// turnsBefore yields, nearest first, the turns at most reach turns before
// message i.
func (l listings) turnsBefore(i, reach int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for k := i - 1; k >= 0 && l.distance(i, k) <= reach; k-- {
			if l.isTurn(k) && !l.hidden(i, k) && !yield(k) {
				return
			}
		}
	}
}

// turnsAfter yields, in order, the turns at most reach turns after message
// i of a log of n messages.
func (l listings) turnsAfter(i, reach, n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for k := i + 1; k < n && l.distance(k, i) <= reach; k++ {
			if l.isTurn(k) && !l.hidden(i, k) && !yield(k) {
				return
			}
		}
	}
}

// distance is how many turns j comes before i: second listings and notices
// between them do not set a conversation farther apart.
func (l listings) distance(i, j int) int {
	if l.pos == nil {
		return i - j
	}
	return l.pos[i] - l.pos[j]
}
