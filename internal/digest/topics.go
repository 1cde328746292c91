package digest

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/segment"
	"golang.org/x/text/unicode/norm"
)

// A topicMatcher finds the topics whose terms a text mentions.
type topicMatcher struct {
	topics  []dict.Topic
	byFirst map[rune][]topicTerm // terms by their first rune, longest first
	tok     Tokenizer            // finds the words a Chinese term must not cut; nil: none
}

// A topicTerm is one lowercased term and the topic it signals.
type topicTerm struct {
	text  string
	topic int  // index into topicMatcher.topics
	latin bool // an ASCII term: matches only as a whole word
	short bool // a Chinese term of two characters: must not cut a word (see mentions)
}

// newTopicMatcher matches the terms of topics; tok (nil for none) splits a
// text into words, so that a Chinese term is not found across two of them
// (see mentions).
func newTopicMatcher(topics []dict.Topic, tok Tokenizer) *topicMatcher {
	m := &topicMatcher{topics: topics, byFirst: make(map[rune][]topicTerm), tok: tok}
	for i, t := range topics {
		for _, w := range t.Terms {
			w = foldTopicText(w)
			r, _ := utf8.DecodeRuneInString(w)
			m.byFirst[r] = append(m.byFirst[r], topicTerm{text: w, topic: i, latin: isASCII(w), short: !isASCII(w) && utf8.RuneCountInString(w) <= 2})
		}
	}
	for _, ts := range m.byFirst {
		sort.SliceStable(ts, func(a, b int) bool { return len(ts[a].text) > len(ts[b].text) })
	}
	return m
}

// mentions returns the indices of the topics text mentions, each once,
// in ascending order. A Latin term matches as a whole word. A Chinese term
// of two characters matches as whole words of the text or at the start or
// end of one word, but not across words or in the middle of one: 一清 is
// not in 统一|清算, nor 人行 in 个人行为, nor 分账 in 积分|账户. A longer
// term matches anywhere: the words found may cut it where a reader would
// not (微信支付 in 微信|支付宝, WeChat Pay and Alipay), and three
// characters seldom meet by chance.
func (m *topicMatcher) mentions(text string) []int {
	if len(m.topics) == 0 || text == "" {
		return nil
	}
	lower := foldTopicText(segment.Canonical(norm.NFKC.String(text))) // 分賬 and 分帐 are the topic 分账
	var words []segment.Token                                         // the text's words, found when a short term first needs them
	tokenized := m.tok == nil
	var found []int
	for i, r := range lower {
		for _, t := range m.byFirst[r] {
			if !strings.HasPrefix(lower[i:], t.text) {
				continue
			}
			if t.latin && (wordByteBefore(lower, i) || wordByteAt(lower, i+len(t.text))) {
				continue
			}
			if t.short {
				if !tokenized {
					words, tokenized = m.tok.Tokens(lower), true
				}
				if cutsWord(words, i, i+len(t.text)) {
					continue
				}
			}
			if !slices.Contains(found, t.topic) {
				found = append(found, t.topic)
			}
		}
	}
	sort.Ints(found)
	return found
}

// cutsWord reports whether the bytes [start, end) of a text, whose words
// are words (in order), cut a word the wrong way: they begin or end inside
// a word and reach past it (一清 in 统一|清算), or lie in the middle of one
// word (人行 in 个人行为). Whole words match, and so does the start or the
// end of one word (监管 of 监管部门).
func cutsWord(words []segment.Token, start, end int) bool {
	first, last := wordAt(words, start), wordAt(words, end-1)
	if first >= 0 && first == last {
		return words[first].Start != start && words[first].End != end
	}
	return first >= 0 && words[first].Start != start || last >= 0 && words[last].End != end
}

// wordAt returns the index of the word that holds byte pos, or -1 when pos
// lies between words.
func wordAt(words []segment.Token, pos int) int {
	k := sort.Search(len(words), func(k int) bool { return words[k].End > pos })
	if k < len(words) && words[k].Start <= pos {
		return k
	}
	return -1
}

// foldTopicText writes a topic term or a text as they are compared: in
// compatibility form (NFKC: the Roman numeral Ⅲ of Ⅲ类户 as III, ① as 1),
// in lower case, and with 帐, the old spelling of 账 that chats still use
// (挂帐, 对帐), as 账. A text is split into words after folding, so the
// offsets of its words are those of the folded text.
func foldTopicText(s string) string {
	return strings.ReplaceAll(strings.ToLower(norm.NFKC.String(s)), "帐", "账")
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
