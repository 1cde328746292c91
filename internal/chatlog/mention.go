package chatlog

import (
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
