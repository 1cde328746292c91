package digest

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/segment"
)

// A topicMatcher finds the topics whose terms a text mentions.
type topicMatcher struct {
	topics  []dict.Topic
	byFirst map[rune][]topicTerm // terms by their first rune, longest first
}

// A topicTerm is one lowercased term and the topic it signals.
type topicTerm struct {
	text  string
	topic int  // index into topicMatcher.topics
	latin bool // an ASCII term: matches only as a whole word
}

func newTopicMatcher(topics []dict.Topic) *topicMatcher {
	m := &topicMatcher{topics: topics, byFirst: make(map[rune][]topicTerm)}
	for i, t := range topics {
		for _, w := range t.Terms {
			w = strings.ToLower(w)
			r, _ := utf8.DecodeRuneInString(w)
			m.byFirst[r] = append(m.byFirst[r], topicTerm{text: w, topic: i, latin: isASCII(w)})
		}
	}
	for _, ts := range m.byFirst {
		sort.SliceStable(ts, func(a, b int) bool { return len(ts[a].text) > len(ts[b].text) })
	}
	return m
}

// mentions returns the indices of the topics text mentions, each once,
// in ascending order.
func (m *topicMatcher) mentions(text string) []int {
	if len(m.topics) == 0 || text == "" {
		return nil
	}
	lower := strings.ToLower(segment.Canonical(text)) // 分賬 is the topic 分账
	var found []int
	for i, r := range lower {
		for _, t := range m.byFirst[r] {
			if !strings.HasPrefix(lower[i:], t.text) {
				continue
			}
			if t.latin && (wordByteBefore(lower, i) || wordByteAt(lower, i+len(t.text))) {
				continue
			}
			if !containsInt(found, t.topic) {
				found = append(found, t.topic)
			}
		}
	}
	sort.Ints(found)
	return found
}

// topicCounter adds up topic mentions over the messages of a thread or an
// entry, with a weight per message.
type topicCounter map[int]float64

func (c topicCounter) add(topics []int, weight float64) {
	for _, t := range topics {
		c[t] += weight
	}
}

// maxTopics is the most topics a thread or an entry gets.
const maxTopics = 3

// minTopicScore is the weight of mentions a topic needs: one mention in a
// question (weighted 2), or mentions in two other messages.
const minTopicScore = 2

// names returns the topics that reach minTopicScore, best first (ties in
// file order), at most maxTopics.
func (c topicCounter) names(m *topicMatcher) []string {
	var ids []int
	for t, s := range c {
		if s >= minTopicScore {
			ids = append(ids, t)
		}
	}
	sort.Slice(ids, func(a, b int) bool {
		if c[ids[a]] != c[ids[b]] {
			return c[ids[a]] > c[ids[b]]
		}
		return ids[a] < ids[b]
	})
	if len(ids) > maxTopics {
		ids = ids[:maxTopics]
	}
	names := make([]string, len(ids))
	for i, t := range ids {
		names[i] = m.topics[t].Name
	}
	return names
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wordByteBefore reports whether the byte before s[i] is an ASCII letter or digit.
func wordByteBefore(s string, i int) bool {
	return i > 0 && isWordByte(s[i-1])
}

// wordByteAt reports whether s[i] is an ASCII letter or digit.
func wordByteAt(s string, i int) bool {
	return i < len(s) && isWordByte(s[i])
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
