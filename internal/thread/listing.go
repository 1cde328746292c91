package thread

import "github.com/cocolian/threads/internal/chatlog"

// doubledShare is the least share of messages listed twice (one in four)
// that makes an export one that lists each message twice (the three such
// days of the corpus list a third or more of their messages twice). Below
// it, the same words in the same second from two senders are two people (a
// welcome wave: 欢迎韩总[鼓掌]), not one message under two names.
const doubledShare = 4

// secondListings marks each message that repeats the message before it
// under another name of its sender, in the same second (chatlog.ExportCopy:
// some exports list every message under the display name and again under
// the group nickname). It returns nil when fewer than one message in
// doubledShare is such a copy: the export lists each message once.
func secondListings(msgs []chatlog.Message) []bool {
	second := make([]bool, len(msgs))
	n := 0
	for i := range msgs {
		if chatlog.ExportCopy(msgs, i) && msgs[i-1].Sender != msgs[i].Sender {
			second[i] = true
			n++
		}
	}
	if n == 0 || n*doubledShare < len(msgs) {
		return nil
	}
	return second
}

// listingPositions numbers the messages leaving out second listings (a
// second listing takes the number of the first), or returns nil when there
// are none.
func listingPositions(second []bool) []int {
	if second == nil {
		return nil
	}
	pos := make([]int, len(second))
	for k := 1; k < len(second); k++ {
		pos[k] = pos[k-1]
		if !second[k] {
			pos[k]++
		}
	}
	return pos
}

// exportCopyOf returns the message just before i when i is the same message
// listed again by the export (see secondListings), or -1.
func (c *linkContext) exportCopyOf(i int) int {
	if c.second == nil || !c.second[i] {
		return -1
	}
	return i - 1
}

// firstListing returns k, or the message k lists again when k is the
// export's second listing of it: what a link to k should name.
func (c *linkContext) firstListing(k int) int {
	if c.second != nil && c.second[k] {
		return k - 1
	}
	return k
}

// distance is how many messages j comes before i, leaving out the
// export's second listings: an export that lists every message twice,
// under two names of its sender, must not set a conversation twice as far
// apart.
func (c *linkContext) distance(i, j int) int {
	if c.pos == nil {
		return i - j
	}
	return c.pos[i] - c.pos[j]
}
