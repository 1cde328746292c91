package thread

import "github.com/cocolian/threads/internal/chatlog"

// doubledShare is the least share of messages listed twice (one in four)
// that makes an export one that lists each message twice (the three such
// days of the corpus list a third or more of their messages twice). Below
// it, the same words in the same second from two senders are two people (a
// welcome wave: 欢迎韩总[鼓掌]), not one message under two names.
const doubledShare = 4

// listings knows which messages the export lists a second time: some
// exports list every message under the sender's display name and again,
// in the same second, under the group nickname. The zero value is an export
// that lists each message once.
type listings struct {
	second []bool // the message repeats the one before it under another name
	pos    []int  // the message's number leaving out second listings
}

// newListings finds the second listings of msgs: a message that repeats
// the message before it (chatlog.ExportCopy) under another name of its
// sender, when that message is not a second listing itself. When fewer than
// one message in doubledShare is such a copy, the export lists each message
// once and newListings returns the zero value.
func newListings(msgs []chatlog.Message) listings {
	second := make([]bool, len(msgs))
	n := 0
	for i := range msgs {
		if chatlog.ExportCopy(msgs, i) && msgs[i-1].Sender != msgs[i].Sender && !second[i-1] {
			second[i] = true
			n++
		}
	}
	if n == 0 || n*doubledShare < len(msgs) {
		return listings{}
	}
	pos := make([]int, len(msgs))
	for k := 1; k < len(msgs); k++ {
		pos[k] = pos[k-1]
		if !second[k] {
			pos[k]++
		}
	}
	return listings{second: second, pos: pos}
}

// isSecond reports whether message k is the export's second listing of the
// message before it.
func (l listings) isSecond(k int) bool {
	return l.second != nil && l.second[k]
}

// firstListing returns k, or the message k lists again when k is the
// export's second listing of it: what a link to k should name.
func (l listings) firstListing(k int) int {
	if l.isSecond(k) {
		return k - 1
	}
	return k
}

// distance is how many messages j comes before i, leaving out the
// export's second listings: an export that lists every message twice,
// under two names of its sender, must not set a conversation twice as far
// apart.
func (l listings) distance(i, j int) int {
	if l.pos == nil {
		return i - j
	}
	return l.pos[i] - l.pos[j]
}

// exportCopyOf returns the message just before i when i is the same message
// listed again by the export, or -1.
func (l listings) exportCopyOf(i int) int {
	if !l.isSecond(i) {
		return -1
	}
	return i - 1
}
