package thread

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/chatlog"
)

// quoteWindow is how many turns before a quote are searched besides the
// quoted sender's own messages.
const quoteWindow = 300

// resolveQuotes finds, for every message that quotes or explicitly replies to
// another, the index of that message; -1 where there is none or no match.
// keys are those msgs were keyed by (keyedLog), nil when none.
func resolveQuotes(msgs []chatlog.Message, aliases []Alias, lst listings, keys *senderKeys) []int {
	target := make([]int, len(msgs))
	byID := map[string]int{}
	for i, m := range msgs {
		target[i] = -1
		if m.ID != "" {
			byID[m.ID] = i
		}
	}
	var qm *quoteMatcher // built at the first quote
	for i, m := range msgs {
		if m.ReplyToID != "" {
			if j, ok := byID[m.ReplyToID]; ok && j < i {
				target[i] = j
				continue
			}
		}
		if m.Quote == nil {
			continue
		}
		if qm == nil {
			qm = newQuoteMatcher(msgs, aliases, lst, keys)
		}
		target[i] = qm.match(i, m.Quote)
	}
	return target
}

// A quoteMatcher finds quoted messages, caching each message's normalised
// text and character pairs so that a day of many quotes stays linear.
type quoteMatcher struct {
	msgs     []chatlog.Message
	aliasOf  map[string]string // mention name -> sender
	bySender map[string][]int  // normalised sender -> message indices, ascending
	sender   []string          // normalised sender per message
	norm     []string          // normalised text, filled on first use
	grams    [][]uint64
	done     []bool
	lst      listings // turns: the window counts them
	// holders are, by normalised display name, the normalised keys of the
	// accounts sharing it (senderKeys.holders); shared caches their
	// messages, and those sent under the name itself, ascending.
	holders map[string][]string
	shared  map[string][]int
}

// newQuoteMatcher returns the quote matcher of msgs, keyed by keys (nil
// when they are not).
func newQuoteMatcher(msgs []chatlog.Message, aliases []Alias, lst listings, keys *senderKeys) *quoteMatcher {
	qm := &quoteMatcher{
		msgs:     msgs,
		lst:      lst,
		aliasOf:  map[string]string{},
		bySender: map[string][]int{},
		sender:   make([]string, len(msgs)),
		norm:     make([]string, len(msgs)),
		grams:    make([][]uint64, len(msgs)),
		done:     make([]bool, len(msgs)),
	}
	if keys != nil {
		qm.holders, qm.shared = keys.holders, map[string][]int{}
	}
	for _, a := range aliases {
		qm.aliasOf[a.Mention] = a.Sender
	}
	for i, m := range msgs {
		n := normaliseName(m.Sender)
		qm.sender[i] = n
		qm.bySender[n] = append(qm.bySender[n], i)
	}
	return qm
}

// text returns message j's normalised text and character pairs.
func (qm *quoteMatcher) text(j int) (string, []uint64) {
	if !qm.done[j] {
		m := &qm.msgs[j]
		t := m.Text
		if t == "" {
			t = m.LinkTitle
		}
		qm.norm[j] = normaliseText(t)
		qm.done[j] = true
	}
	if qm.grams[j] == nil && qm.norm[j] != "" {
		qm.grams[j] = charPairs(qm.norm[j])
	}
	return qm.norm[j], qm.grams[j]
}

// quotedSenderReach is how many of the quoted sender's latest messages a
// quote is matched against: a day where one sender is quoted thousands of
// times stays linear, and no day of the corpus comes near it.
const quotedSenderReach = 300

// match returns the earlier message whose text best matches the quote of
// message i, preferring messages by the quoted sender; -1 when nothing does.
// It searches the quoted sender's last quotedSenderReach messages and the
// last quoteWindow others. A quote that names a display name two accounts
// share, without saying which (no Quote.SenderID), prefers the messages of
// either. A quote that gives the quoted account never matches a message
// the export says another account sent: the ids decide, not the text.
func (qm *quoteMatcher) match(i int, q *chatlog.Quote) int {
	qn := normaliseText(innermostText(q.Text))
	if qn == "" {
		return -1
	}
	qg := charPairs(qn)
	sender := q.Sender
	hs := qm.holders[normaliseName(sender)]
	if s, ok := qm.aliasOf[sender]; ok && hs == nil {
		sender = s
	}
	sn := normaliseName(sender)
	best, bestScore := -1, 0.0
	try := func(j int, bonus float64) {
		if otherAccount(q, &qm.msgs[j]) {
			return
		}
		tn, tg := qm.text(j)
		if tn == "" {
			return
		}
		s := textMatch(qn, tn, qg, tg)
		if s == 0 {
			return
		}
		s += bonus
		if s > bestScore || (s == bestScore && j > best) {
			best, bestScore = j, s
		}
	}
	own := qm.bySender[sn]
	if hs != nil {
		own = qm.sharedBy(sn, hs)
	}
	k := sort.SearchInts(own, i) // own[:k] come before i
	for _, j := range own[max(0, k-quotedSenderReach):k] {
		try(j, 1)
	}
	for j := i - 1; j >= 0 && qm.lst.distance(i, j) <= quoteWindow; j-- {
		if qm.sender[j] != sn && !slices.Contains(hs, qm.sender[j]) {
			try(j, 0)
		}
	}
	if bestScore < 0.6 {
		return -1
	}
	return best
}

// otherAccount reports whether quote q gives the quoted account and the
// export says another account sent m: then q does not quote m, whatever
// their texts and names share.
func otherAccount(q *chatlog.Quote, m *chatlog.Message) bool {
	return q.SenderID != "" && m.SenderID != "" && m.SenderID != q.SenderID
}

// sharedBy returns the messages sent under the normalised name sn and
// under the normalised keys hs of the accounts sharing it, ascending.
func (qm *quoteMatcher) sharedBy(sn string, hs []string) []int {
	if own, ok := qm.shared[sn]; ok {
		return own
	}
	own := slices.Clone(qm.bySender[sn])
	for _, h := range hs {
		own = append(own, qm.bySender[h]...)
	}
	slices.Sort(own)
	qm.shared[sn] = own
	return own
}

// textMatch scores how well quoted text q matches message text t, 0 to 1;
// qb and tb are their character pairs (charPairs).
func textMatch(q, t string, qb, tb []uint64) float64 {
	if q == t {
		return 1
	}
	if strings.Contains(t, q) || strings.Contains(q, t) {
		short := min(utf8.RuneCountInString(q), utf8.RuneCountInString(t))
		long := max(utf8.RuneCountInString(q), utf8.RuneCountInString(t))
		if short >= 4 || short == long {
			return 0.9
		}
		return 0.3
	}
	// Character bigram overlap for quotes the exporter shortened or re-spaced.
	if len(qb) == 0 {
		return 0
	}
	return 0.8 * float64(sharedPairs(qb, tb)) / float64(len(qb))
}

// innermostText drops a nested quote inside quoted text, keeping the reply part.
func innermostText(s string) string {
	if k := strings.LastIndex(s, "」"); k >= 0 {
		rest := strings.TrimLeft(s[k+len("」"):], " -")
		if rest != "" {
			return rest
		}
	}
	return s
}

// normaliseText removes spaces, stickers and lost-character marks for matching.
func normaliseText(s string) string {
	s = replaceStickers(s, "")
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '?' || r == '\u2005' || r == '\u3000' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
