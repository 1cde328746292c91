package thread

import (
	"strings"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/chatlog"
)

// resolveQuotes finds, for every message that quotes or explicitly replies to
// another, the index of that message; -1 where there is none or no match.
func resolveQuotes(msgs []chatlog.Message, aliases []Alias) []int {
	target := make([]int, len(msgs))
	byID := map[string]int{}
	for i, m := range msgs {
		target[i] = -1
		if m.ID != "" {
			byID[m.ID] = i
		}
	}
	aliasOf := map[string]string{}
	for _, a := range aliases {
		aliasOf[a.Mention] = a.Sender
	}
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
		target[i] = matchQuote(msgs[:i], m.Quote, aliasOf)
	}
	return target
}

// matchQuote returns the latest earlier message whose text best matches the
// quote, preferring messages by the quoted sender; -1 when nothing matches.
func matchQuote(earlier []chatlog.Message, q *chatlog.Quote, aliasOf map[string]string) int {
	quoted := innermostText(q.Text)
	qn := normaliseText(quoted)
	if qn == "" {
		return -1
	}
	sender := q.Sender
	if s, ok := aliasOf[sender]; ok {
		sender = s
	}
	best, bestScore := -1, 0.0
	for j := len(earlier) - 1; j >= 0; j-- {
		m := earlier[j]
		text := m.Text
		if text == "" {
			text = m.LinkTitle
		}
		tn := normaliseText(text)
		if tn == "" {
			continue
		}
		s := textMatch(qn, tn)
		if s == 0 {
			continue
		}
		if m.Sender == sender || normaliseName(m.Sender) == normaliseName(sender) {
			s += 1
		}
		if s > bestScore {
			best, bestScore = j, s
		}
	}
	if bestScore < 0.6 {
		return -1
	}
	return best
}

// textMatch scores how well quoted text q matches message text t, 0 to 1.
func textMatch(q, t string) float64 {
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
	qb, tb := bigrams(q), bigrams(t)
	if len(qb) == 0 {
		return 0
	}
	hit := 0
	for g := range qb {
		if _, ok := tb[g]; ok {
			hit++
		}
	}
	return 0.8 * float64(hit) / float64(len(qb))
}

func bigrams(s string) map[string]struct{} {
	r := []rune(s)
	out := map[string]struct{}{}
	for i := 0; i+1 < len(r); i++ {
		out[string(r[i:i+2])] = struct{}{}
	}
	return out
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
	s = stickerRe.ReplaceAllString(s, "")
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '?' || r == '\u2005' || r == '\u3000' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
