// Package title makes the one-line title of a question that the FAQ of
// threads extract and the entries of threads digest show: without the
// mentions the message makes (StripMentions), the answer of a question
// re-posted with it, or a polite lead-in or greeting, from the sentence
// from which the question fits and ending at the question when what
// follows would be cut (Of).
package title

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/chatlog"
)

// mentionRe matches an @mention: names carry company and city words that
// say nothing about the question.
var mentionRe = regexp.MustCompile(`[@＠][^\s\x{2005}\x{3000}?？，,。：:！!@]+`)

// StripMentions removes the mentions from text, a message's text: first
// "@" followed by the whole name of one of senders (the day's senders,
// longest first, see Senders) or of mentions (the names the message
// mentions, chatlog.Message.Mentions) that holds a space ("@shawn -
// fullrich - BJ", "@Bob Zhang 张波"); then each name of mentions that text
// writes without its "@" (a Telegram mention_name entity writes the
// mentioned member's display name alone: "Bob Zhang 张波 请教一下…") where
// it stands as a name of its own; then any other "@name" up to the
// characters that end a mention, and on past a space where the name goes
// on (see mentionGoesOn): a group display name the day's senders do not
// give ("@杨彧-微众- 支付产品经理-上海") is removed whole too. Each mention
// leaves a space.
func StripMentions(text string, mentions, senders []string) string {
	bare := bareNames(text, mentions)
	if len(bare) == 0 && !strings.ContainsAny(text, "@＠") {
		return text
	}
	for _, s := range spacedNames(senders, mentions) {
		for _, at := range []string{"@", "＠"} {
			text = replaceMention(text, at+s)
		}
	}
	for _, name := range bare {
		text = replaceName(text, name)
	}
	return dropLostSpaces(replaceMentions(text))
}

// spacedNames returns the names of senders and mentions that hold a
// space, once each, longest first.
func spacedNames(senders, mentions []string) []string {
	var out []string
	for _, names := range [][]string{senders, mentions} {
		for _, s := range names {
			if strings.ContainsAny(s, mentionSpaces) && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	sortLongestFirst(out)
	return out
}

// bareNames returns the names of mentions that text never writes after an
// "@", longest first: the names of Telegram mention_name entities. A name
// the text does not hold whole is written by its first word when the text
// holds that (a Telegram user mentioned by first name, Bob for the sender
// Bob Zhang 张波), two characters at least.
func bareNames(text string, mentions []string) []string {
	var out []string
	for _, m := range mentions {
		if strings.TrimSpace(m) == "" || strings.Contains(text, "@"+m) || strings.Contains(text, "＠"+m) {
			continue
		}
		if first, _, spaced := strings.Cut(m, " "); spaced && !strings.Contains(text, m) && utf8.RuneCountInString(first) >= 2 && strings.Contains(text, first) {
			m = first
		}
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	sortLongestFirst(out)
	return out
}

// sortLongestFirst sorts names longest first, then in byte order.
func sortLongestFirst(names []string) {
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
}

// replaceMentions replaces every mention mentionRe finds in text, with the
// parts of its name after a space (see mentionGoesOn), by a space.
func replaceMentions(text string) string {
	var b strings.Builder
	for {
		loc := mentionRe.FindStringIndex(text)
		if loc == nil {
			break
		}
		end := loc[1]
		for {
			rest := text[end:]
			gap := len(rest) - len(strings.TrimLeft(rest, mentionSpaces))
			next := mentionPart.FindString(rest[gap:])
			if gap == 0 || next == "" || !mentionGoesOn(text[loc[0]:end], next, rest[gap+len(next):]) {
				break
			}
			end += gap + len(next)
		}
		b.WriteString(text[:loc[0]])
		b.WriteByte(' ')
		text = text[end:]
	}
	b.WriteString(text)
	return b.String()
}

// mentionSpaces are the spaces that end a mention's name, or separate its
// parts: a space, U+2005 (which WeChat puts after a mention) and U+3000.
const mentionSpaces = " \u2005\u3000"

// mentionPart matches what may follow a space in a mention's name: the
// characters up to those that end a mention.
var mentionPart = regexp.MustCompile(`^[^\s\x{2005}\x{3000}?？，,。：:！!@]+`)

// nameJoiners join the parts of a group display name (姓名-公司-职位-城市)
// and, at the end of one part or the start of the next, join them across a
// space. A tilde, which joins parts too (陈创~兴业数金~产品~上海), does not:
// after a name it is more often a tone ("@小明~ 你好").
const nameJoiners = "-_—"

// dividerRunes make up a divider, or an emoticon such as -_-, which is no
// part of a name.
const dividerRunes = "-_—~～=*"

// mentionGoesOn reports whether next, the text after a space that follows
// the mention so far (with its "@"), is more of the mentioned name, by the
// shape of group display names; after is the text after next. The mention
// ends in a joiner, a hyphen or underscore ("@杨彧-微众- 支付产品经理-上海"), or
// next starts with one ("@刘金 -有赞-研发-杭州", "@汤霆 - 医美消金-pm-上海"), and
// next is that joiner alone, or joins parts of its own, or another part
// joins on after it: a question after a dash is no part of the name ("@Alice
// - 请问分账比例上限是多少？", "@小明 -请问对账文件几点出？"). Or next closes a
// bracket the mention opened ("@程垒(Pat )-海尔互金-上海"), or the mention is
// an English given name and next the rest of a display name, three or more
// parts joined by "-" with Chinese in them ("@Summer 梁夏-丰瑞祥-GM-BJ"). A
// run of dashes ("@甲 ------", a divider) is no part of a name, nor is a date
// ("@甲  2018-5-11"), nor anything else that follows a mention.
func mentionGoesOn(mention, next, after string) bool {
	if utf8.RuneCountInString(next) > 1 && strings.Trim(next, dividerRunes) == "" {
		return false // a divider, or an emoticon such as -_-
	}
	last, _ := utf8.DecodeLastRuneInString(mention)
	first, _ := utf8.DecodeRuneInString(next)
	lastPart := mention[strings.LastIndexAny(mention, mentionSpaces)+1:]
	switch {
	case strings.ContainsRune(nameJoiners, last) && strings.Trim(lastPart, nameJoiners) != "":
		return true // the name itself ends in a joiner ("@杨彧-微众-"): it goes on
	case strings.ContainsRune(nameJoiners, last), strings.ContainsRune(nameJoiners, first):
		// A dash set apart ("@Alice - …") may be the name's or the
		// sentence's: the part after it must read as a name's.
		body := strings.TrimLeft(next, nameJoiners)
		if body == "" {
			return true // the dash alone; the part after it decides
		}
		if strings.ContainsAny(body, "-—") {
			return true // parts joined: a name's ("@刘金 -有赞-研发-杭州")
		}
		if strings.HasPrefix(after, "?") || strings.HasPrefix(after, "？") || slices.ContainsFunc(askWords, func(w string) bool { return strings.Contains(body, w) }) {
			return false // the question itself
		}
		return joinsOn(after) || namePart(body)
	case strings.Count(mention, "(") > strings.Count(mention, ")") && first == ')',
		strings.Count(mention, "（") > strings.Count(mention, "）") && first == '）':
		return true
	}
	return givenName(mention) && restOfDisplayName(next)
}

// maxNamePartRunes is the longest last part of a display name, after a
// dash set apart, that is taken for one when nothing joins on after it
// ("@shawn - 小黑鱼 - 上海", "@李四 - 腾讯财付通产品"): a city, a company, a
// role. A longer one is what the message says.
const maxNamePartRunes = 8

// askWords mark a part after a dash as the message's question, not a part
// of the name ("@小明 -请问对账文件几点出？").
var askWords = []string{"请问", "请教", "怎么", "什么", "如何", "为什么", "为啥", "是否", "能否", "有没有", "吗", "呢", "哪"}

// namePart reports whether part may be the last part of a display name: a
// Latin code that starts with a capital or a digit (BJ, SH2; not the
// words of a sentence, "how"), or at most maxNamePartRunes runes of
// other text.
func namePart(part string) bool {
	latin := true
	for i := 0; i < len(part); i++ {
		latin = latin && isASCIIAlnum(part[i])
	}
	if latin {
		return part[0] < 'a'
	}
	return utf8.RuneCountInString(part) <= maxNamePartRunes
}

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// joinsOn reports whether text, what follows a part of a mention, goes on
// with another part after a space, joined by a joiner ("fullrich - BJ":
// " - BJ").
func joinsOn(text string) bool {
	rest := strings.TrimLeft(text, mentionSpaces)
	first, _ := utf8.DecodeRuneInString(rest)
	return len(rest) < len(text) && strings.ContainsRune(nameJoiners, first)
}

// givenName reports whether mention ("@Summer") is "@" and ASCII letters
// alone: an English given name, which a display name may put before the
// Chinese name, company and city after a space.
func givenName(mention string) bool {
	name := strings.TrimLeft(mention, "@＠")
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return name != ""
}

// restOfDisplayName reports whether s has the shape of the rest of a group
// display name after a given name: three or more non-empty parts joined by
// "-", the first with a letter and one with a Chinese character
// ("梁夏-丰瑞祥-GM-BJ", "li-支付-上海"), not a date ("2018-5-11-上午") or a code
// ("T-1-D0").
func restOfDisplayName(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) < 3 || slices.Contains(parts, "") || !strings.ContainsFunc(parts[0], unicode.IsLetter) {
		return false // a name starts with a letter, a date ("2018-5-11-上午") does not
	}
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// dropLostSpaces removes the "?" the cocolian export writes for the space
// that follows a mention (U+2005), where a stripped mention left it in
// front of more words: " ?韩老师" is " 韩老师". A "?" that ends the text
// stays, as it may ask.
func dropLostSpaces(text string) string {
	if !strings.Contains(text, " ?") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.Index(text, " ?")
		if i < 0 {
			break
		}
		b.WriteString(text[:i+1])
		rest := text[i+2:]
		if r, _ := utf8.DecodeRuneInString(rest); rest == "" || unicode.IsSpace(r) || unicode.IsPunct(r) {
			b.WriteByte('?')
		}
		text = rest
	}
	b.WriteString(text)
	return b.String()
}

// replaceMention replaces every occurrence of mention in text that ends
// where a mention ends (white space, punctuation, "@" or the end) by a space.
func replaceMention(text, mention string) string {
	return replaceWhere(text, mention, func(_, after rune) bool {
		return after == edge || unicode.IsSpace(after) || unicode.IsPunct(after) || after == '@' || after == '＠'
	})
}

// replaceName replaces every occurrence of name in text that stands as a
// name of its own, with white space, punctuation or the text's end on
// either side, by a space.
func replaceName(text, name string) string {
	apart := func(r rune) bool { return r == edge || unicode.IsSpace(r) || unicode.IsPunct(r) }
	return replaceWhere(text, name, func(before, after rune) bool { return apart(before) && apart(after) })
}

// edge stands for the rune before the start or after the end of a text.
const edge rune = -1

// replaceWhere replaces by a space every occurrence of s in text for which
// fits holds, given the runes before and after it (edge at the text's
// start or end, the text as replaced so far before it).
func replaceWhere(text, s string, fits func(before, after rune) bool) string {
	var b strings.Builder
	last := edge // the last rune written to b
	for {
		i := strings.Index(text, s)
		if i < 0 {
			break
		}
		end := i + len(s)
		before, after := last, edge
		if i > 0 {
			before, _ = utf8.DecodeLastRuneInString(text[:i])
		}
		if end < len(text) {
			after, _ = utf8.DecodeRuneInString(text[end:])
		}
		if fits(before, after) {
			b.WriteString(text[:i])
			b.WriteByte(' ')
			last = ' '
		} else {
			b.WriteString(text[:end])
			last, _ = utf8.DecodeLastRuneInString(s)
		}
		text = text[end:]
	}
	b.WriteString(text)
	return b.String()
}

// Senders returns the distinct senders of a log, longest first: the names
// StripMentions removes whole after an "@".
func Senders(log *chatlog.Log) []string {
	seen := make(map[string]bool)
	var names []string
	for _, m := range log.Messages {
		if m.Sender != "" && !seen[m.Sender] {
			seen[m.Sender] = true
			names = append(names, m.Sender)
		}
	}
	sortLongestFirst(names)
	return names
}

// openers are polite lead-ins that a title does without when a
// comma or a space follows them ("请教一下，微信分账接口怎么申请？"), or a
// run of dots ("哈哈哈.....").
var openers = []string{"请教一下", "请教下", "请教各位", "请教大家", "请教", "请问一下", "请问下", "请问", "问一下", "问下", "想问下", "想问一下", "各位大佬", "各位大神", "各位", "大家好",
	// Greetings ("各位早，请教一下：…").
	"各位早上好", "大家早上好", "早上好", "各位早", "大家早", "早安", "各位好", "下午好", "晚上好",
	// Thanks, laughter and assent carried over from the talk before.
	"谢谢", "多谢", "哈哈哈哈", "哈哈哈", "哈哈", "嗯嗯", "嗯", "哦哦", "哦", "好的"}

// leadPunct is what may separate an opener from the question, and what a
// title does not start with (the "?" cocolian leaves after a mention).
const leadPunct = "，,：:、!！~～?？。… "

// greeting matches an English greeting that a title does without, with
// whom it greets and what separates it from the question: "Morning all.",
// "Hi everyone!", "Hey folks, ", "hello there - ", "hi " (but not "Hello
// world").
var greeting = regexp.MustCompile(`^(?i:hi|hello|hey|hiya|howdy|greetings|(?:good\s+)?(?:morning|afternoon|evening))` +
	`(?i:\s+(?:all|everyone|everybody|folks|guys|people|team|there|y'?all|friends|again))*` +
	`(?:\s*[,.!:;…]+\s*|\s+-+\s+|\s+)`)

// leadIn matches an English lead-in that a title does without when
// punctuation follows it: "Quick question:", and thanks, laughter and
// assent carried over from the talk before ("thanks, ", "ok. ", "hmm... ").
var leadIn = regexp.MustCompile(`^(?i:(?:a\s+)?quick\s+(?:question|q)|(?:one\s+)?question|(?:thanks|thank\s+you|thx)(?:\s+(?:all|everyone|again))?|ok|okay|hmm+|haha+|lol)` +
	`\s*[,.!:;…]+\s*`)

// askingLeadIn matches a Chinese lead-in that announces the question and
// whom it is put to, which a title does without when punctuation follows
// it: "请教一下各位，", "咨询下，", "问个小白问题，", "请教各位大仙一个问题，".
var askingLeadIn = regexp.MustCompile(`^想?(?:请教|咨询|请问|问)(?:一下|下)?(?:各位|大家)?(?:大佬|大神|大仙|专家|牛人|老师)?们?(?:一个|个)?(?:小白|小)?(?:问题|事)?\s*[，,：:]+\s*`)

// Of is a question as a title, the FAQ's and a digest entry's: plain is
// its text without mentions (see StripMentions); the title is on one
// line, without the answer of a re-posted question (see AskedPart), a
// polite lead-in or greeting (see withoutLeadIns) or what a stripped
// mention left at its end (see withoutLostMarks), and at most Runes long:
// from the sentence (or failing that the clause) from which its question
// fits, ending at the question when more follows it that does not fit
// (see fromQuestion), cut at a word's end (see shorten).
func Of(plain string) string {
	s := withoutLeadIns(strings.TrimLeft(strings.Join(strings.Fields(AskedPart(plain)), " "), leadPunct))
	if s == "" {
		s = strings.Join(strings.Fields(plain), " ")
	}
	return shorten(fromQuestion(withoutLostMarks(s), Runes), Runes)
}

// withoutLeadIns returns s without the lead-ins it starts with, one after
// another ("各位早，请教一下：", "Hi all, quick question: "): the openers
// followed by a separator, an English greeting and an English lead-in
// (greeting, leadIn), and a Chinese one that names whom it asks
// (askingLeadIn). A lead-in that no letter or digit follows is the
// whole message and stays ("谢谢", "Morning all!").
func withoutLeadIns(s string) string {
	for {
		rest := afterLeadIn(s)
		if rest == s || !strings.ContainsFunc(rest, isLetterOrDigit) {
			return s
		}
		s = rest
	}
}

// afterLeadIn returns s without the one lead-in it starts with, or s
// when it starts with none.
func afterLeadIn(s string) string {
	for _, o := range openers {
		rest, ok := strings.CutPrefix(s, o)
		if !ok || rest == "" {
			continue
		}
		if first, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune(leadPunct, first) || strings.HasPrefix(rest, "..") {
			return strings.TrimLeft(rest, leadPunct+".")
		}
	}
	for _, re := range []*regexp.Regexp{greeting, leadIn, askingLeadIn} {
		if m := re.FindString(s); m != "" && !(re == greeting && notGreeted(s[len(m):])) {
			return s[len(m):]
		}
	}
	return s
}

// notGreeted reports whether rest, what follows a greeting, shows the
// greeting to be no greeting but words of the question ("Hello world
// example fails to build").
func notGreeted(rest string) bool {
	word, _, _ := strings.Cut(rest, " ")
	return strings.EqualFold(strings.TrimRight(word, ",.!?:;"), "world")
}

// withoutLostMarks drops the " ?" that end s after its question mark, or
// that end a title of Chinese text, with the commas left before them: the
// "?" the cocolian export writes for the space after a mention (U+2005)
// or for an emoji it could not write, left where a mention at the end
// was stripped (对么？@邹刘名? is "对么？ ?", 核心功能呀@达文西-欣业邦-产品-重庆?
// is "核心功能呀 ?"), which is no question mark: Chinese asks with "？".
// After other text a final " ?" stays, as it asks ("how do I mount it
// ?"), and so does a "?" that no space parts from the text.
func withoutLostMarks(s string) string {
	t := s
	for strings.HasSuffix(t, " ?") {
		t = strings.TrimSuffix(t, " ?")
	}
	if t != s && (strings.HasSuffix(t, "？") || strings.HasSuffix(t, "?")) {
		return t
	}
	if t == s || !strings.ContainsFunc(t, isHan) {
		return s
	}
	if t = strings.TrimRight(t, "，,、 "); t == "" {
		return s
	}
	return t
}

// isLetterOrDigit reports whether r is a letter or a digit.
func isLetterOrDigit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r)
}

// fromQuestion returns s, or, when the first sentence that ends in a
// question mark ends past max runes (a question after a long lead-in or
// a pasted passage), s from the start of the earliest sentence from which
// that question still ends within a title of max runes, marked with "…";
// where the question's sentence alone is longer than that, from the start
// of the earliest clause of it from which the question fits, if that says
// enough by itself (minClauseRunes: not "…这样理解对吧？"); else s as it
// is. When s is longer than max and that question, of minClauseRunes or
// more (not "Anyone?"), ends within max runes, s ends there: the
// sentences after it ("How do we rotate the API keys without downtime?
// We have 3 services…") would be cut; so does s from a later sentence or
// clause, where the question from there is that long. s is on one line; sentences end at
// 。！；？, or at an ASCII . ! or ? that a space or the end follows (not
// the . ; or ! of pasted code), and clauses at ，, or at an ASCII , or ;
// that a space follows outside brackets (not in f(a, b)).
func fromQuestion(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	starts := []int{0} // where the sentences read so far start
	var clauses []int  // where their clauses start, past the first
	depth := 0         // brackets open: a comma inside is code's or a list's
	for i, c := range r {
		end := i+1 == len(r) || r[i+1] == ' '
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
		}
		switch {
		case c == '？' || c == '?' && end:
			if i < max {
				return upToQuestion(r, i, max, s)
			}
			for k, from := range append(starts, clauses...) {
				// "…", the question, and room for shorten's "…" after it;
				// a clause says enough by itself.
				if from > 0 && 1+i+1-from <= max-1 && (k < len(starts) || i+1-from >= minClauseRunes) {
					asked := strings.TrimLeft(string(r[from:i+1]), leadPunct)
					if 1+len(r)-from > max && utf8.RuneCountInString(asked) >= minClauseRunes {
						r = r[:questionEnd(r, i)] // what follows would be cut
					}
					return "…" + strings.TrimLeft(string(r[from:]), leadPunct)
				}
			}
			return s
		case c == '。' || c == '！' || c == '；' || (c == '!' || c == '.') && end:
			starts = append(starts, i+1)
			clauses = clauses[:0]
		case c == '，' || (c == ',' || c == ';') && end && depth == 0:
			clauses = append(clauses, i+1)
		}
	}
	return s
}

// upToQuestion returns r, longer than max runes, up to the end of its
// question at q (see questionEnd), when that fits in max runes and says
// enough (minClauseRunes); else s, r as a string, for shorten to cut.
func upToQuestion(r []rune, q, max int, s string) string {
	if end := questionEnd(r, q); end <= max && q+1 >= minClauseRunes {
		return string(r[:end])
	}
	return s
}

// questionEnd returns where the question whose question mark is r[q]
// ends: after that mark and the question and exclamation marks right
// after it ("吗？？").
func questionEnd(r []rune, q int) int {
	end := q + 1
	for end < len(r) && strings.ContainsRune("?？!！", r[end]) {
		end++
	}
	return end
}

// minClauseRunes is the shortest stretch, in runes, from the clause a
// title starts at to its question mark, and the shortest question a title
// ends at.
const minClauseRunes = 16

// Runes is the longest title, in runes.
const Runes = 80

// shorten cuts s to max runes, marking the cut with "…": at the end of a
// word when the cut would fall inside one ("…using the…", not "…using
// the sa…"), unless that word started in the first half of the title (a
// long address), and without the spaces, commas, stops and colons before
// the cut.
func shorten(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	cut := max - 1
	if inWord(r[cut-1]) && inWord(r[cut]) {
		start := cut
		for start > 0 && inWord(r[start-1]) {
			start--
		}
		if start >= max/2 {
			cut = start
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,.;:，、") + "…"
}

// inWord reports whether r is part of a word written with spaces between
// words (a letter or digit of English, not a Chinese character), which a
// cut does not split.
func inWord(r rune) bool {
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\'' || r == '’'
}

// reposted matches a question re-posted with its answer, as curators do
// after a talk: "问题：会员中会员和支付会员，两套单独维护？ 回答：...".
var reposted = regexp.MustCompile(`^\s*问题\s*[:：]\s*(.+?)\s*回答\s*[:：]`)

// AskedPart returns the part of a question's text that asks: the question
// of a re-posted question and answer, else the whole text.
func AskedPart(text string) string {
	if m := reposted.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return text
}

// Question returns the text a question's title is made from (see Of): text
// without its mentions (StripMentions) and its blocks of code
// (WithoutBlocks), or with the blocks when nothing else would be left ("@Bob"
// and a block of code that asks).
func Question(text string, code []chatlog.Code, mentions, senders []string) string {
	if len(code) > 0 {
		if cut := StripMentions(WithoutBlocks(text, code), mentions, senders); strings.TrimSpace(cut) != "" {
			return cut
		}
	}
	return StripMentions(text, mentions, senders)
}

// WithoutBlocks returns text without the blocks of code in it (code its
// sender marked as a block, or that runs over several lines: a Telegram
// pre entity, a Discord fence), which a title of one line cannot show;
// each block leaves a space. code gives the stretches of text (see
// chatlog.Code); text comes back as it is when a stretch is not one of it
// or nothing but code is left.
func WithoutBlocks(text string, code []chatlog.Code) string {
	var b strings.Builder
	at, cut := 0, false
	for _, c := range code {
		if c.Start < at || c.End > len(text) || c.From < c.Start || c.To > c.End || c.From > c.To {
			return text
		}
		if !c.Block && !strings.Contains(text[c.From:c.To], "\n") {
			continue
		}
		b.WriteString(text[at:c.Start])
		b.WriteByte(' ')
		at, cut = c.End, true
	}
	if !cut {
		return text
	}
	b.WriteString(text[at:])
	if strings.TrimSpace(b.String()) == "" {
		return text
	}
	return b.String()
}
