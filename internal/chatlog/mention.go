package chatlog

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ExtractMentions returns the names @-mentioned in text, without the @, in
// order of appearance, or nil when there are none.
//
// A mention runs from an @ to the first whitespace (including U+2005, the
// separator WeChat puts after a mention, and the full-width space U+3000), to a
// question mark (cocolian exports show "?" where U+2005 was lost), to one of
// the punctuation marks ，,。、：:！!；;「」, to the next @ or to the end of the
// text. Group names keep their other characters: "-", "_", "~", "|", "—",
// "." and brackets as in "韩某-东软(前)-开发". An @ right after an ASCII
// letter, digit, ".", "_" or "+" is an e-mail address or an account id
// ("6341476380@chatroom"), not a mention, unless it directly follows another
// mention ("@甲@乙"), nor is an @ inside a sticker code of older WeChat
// clients (/::@, /:,@P, /:@x: "/:" and then only ":,<@" before it). Empty
// names are skipped.
func ExtractMentions(text string) []string {
	var out []string
	inMention := false // the previous rune ended a mention (we are at its terminating @)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '@' {
			inMention = false
			i += n
			continue
		}
		if !inMention && i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			if isAddressRune(prev) || inLegacySticker(text[:i]) {
				i += n
				continue
			}
		}
		start := i + n
		end := start
		for end < len(text) {
			c, m := utf8.DecodeRuneInString(text[end:])
			if endsMention(c) {
				break
			}
			end += m
		}
		if end > start {
			out = append(out, text[start:end])
		}
		i = end
		inMention = end < len(text) && text[end] == '@'
	}
	return out
}

// inLegacySticker reports whether an @ after before is part of a legacy
// WeChat sticker code: before ends in "/:" and then only ":,<@" (/::@ for
// [发怒], /:,@P for [偷笑], /:<@, /:@@).
func inLegacySticker(before string) bool {
	code := strings.TrimRight(before, ":,<@")
	return strings.HasSuffix(code, "/") && strings.HasPrefix(before[len(code):], ":")
}

// isAddressRune reports whether r before an @ makes it part of an address.
func isAddressRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		r == '.' || r == '_' || r == '+')
}

// endsMention reports whether r ends an @mention.
func endsMention(r rune) bool {
	if unicode.IsSpace(r) || r == utf8.RuneError {
		return true
	}
	switch r {
	case '@', '?', '？', '，', ',', '。', '、', '：', ':', '！', '!', '；', ';', '「', '」', '\u200b':
		return true
	}
	return false
}

// addTypedMentions adds to each message's Mentions the senders of msgs
// that it names after an @ typed as plain text, which an export that marks
// its mentions (Telegram's entities, Discord's mentions list) does not
// list: "@李雷 你那个 deadline 问题" where the writer did not pick 李雷
// from the member list. A sender is named by their whole name or by its
// first word when no one else's starts with it (@韩梅梅 for 韩梅梅 Meimei),
// of two characters or more; the longest that follows the @ counts, when
// no letter, digit or _ goes on a name in a spaced script ("@Bob" is not
// "@Bobby", "@Bob_dev" or "@Иванов" not "@Иван"; see inWord). An @ after
// such a letter or digit, or after . / - _ + (an e-mail address, a web
// address) names nobody, and a sender the message mentions already is not
// added again.
func addTypedMentions(msgs []Message) {
	names := typedNames(msgs)
	for i := range msgs {
		m := &msgs[i]
		if m.Type == TypeSystem {
			continue
		}
		for at := strings.IndexByte(m.Text, '@'); at >= 0; {
			rest := m.Text[at+1:]
			prev, _ := utf8.DecodeLastRuneInString(m.Text[:at])
			if at == 0 || !inWord(prev) && !strings.ContainsRune("./-_+", prev) {
				if sender := typedName(rest, names); sender != "" && !slices.Contains(m.Mentions, sender) {
					m.Mentions = append(m.Mentions, sender)
				}
			}
			next := strings.IndexByte(rest, '@')
			if next < 0 {
				break
			}
			at += 1 + next
		}
	}
}

// A typedAlias is how a sender may be typed after an @.
type typedAlias struct {
	text, sender string
}

// typedNames returns the ways the senders of msgs may be typed after an @
// (see addTypedMentions), longest first.
func typedNames(msgs []Message) []typedAlias {
	var out []typedAlias
	firstWords := map[string][]string{} // first word → the senders whose names start with it
	seen := map[string]bool{}
	for i := range msgs {
		s := msgs[i].Sender
		if s == "" || seen[s] || msgs[i].Type == TypeSystem {
			continue
		}
		seen[s] = true
		if utf8.RuneCountInString(s) >= 2 {
			out = append(out, typedAlias{s, s})
		}
		if w, _, ok := strings.Cut(s, " "); ok && utf8.RuneCountInString(w) >= 2 {
			firstWords[w] = append(firstWords[w], s)
		}
	}
	for w, senders := range firstWords {
		if len(senders) == 1 && !seen[w] {
			out = append(out, typedAlias{w, senders[0]})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if len(out[a].text) != len(out[b].text) {
			return len(out[a].text) > len(out[b].text)
		}
		return out[a].text < out[b].text
	})
	return out
}

// typedName returns the sender of the first of names that text starts
// with and that no letter or digit goes on when it ends in one, or "".
func typedName(text string, names []typedAlias) string {
	for _, n := range names {
		if !strings.HasPrefix(text, n.text) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(n.text)
		next, _ := utf8.DecodeRuneInString(text[len(n.text):])
		if inWord(last) && (inWord(next) || next == '_') {
			continue
		}
		return n.sender
	}
	return ""
}

// inWord reports whether r is a letter or digit of a script that spaces
// its words (Bob, José, Иван, 42): one that goes on a name makes a longer
// word. Chinese and Japanese characters are not: @李雷你好 names 李雷.
func inWord(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) &&
		!unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}
