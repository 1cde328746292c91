package thread

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
)

// A Tokenizer splits text into tokens; *segment.Segmenter is one.
type Tokenizer interface {
	Tokens(text string) []segment.Token
}

// features are the per-message cues the passes work from.
type features struct {
	plain    string              // text without mentions, stickers and lost-character marks
	runes    int                 // length of plain in runes
	words    []string            // content words, in order
	wordSet  map[string]struct{} // content words as a set
	domain   map[string]struct{} // domain terms as a set
	question bool                // an information-seeking question
	greeting bool                // a welcome or a sticker-only cheer
	reaction bool                // a short reaction that carries no information (stickers, 哈哈)
	ack      bool                // an acknowledgement or thanks (谢谢, 明白了, 好的)
	thanks   bool                // thanks for a shared talk or article (谢谢分享, 学习了)
}

var (
	stickerRe  = regexp.MustCompile(`\[[^\[\]\s]{1,6}\]`)
	mentionRe  = regexp.MustCompile(`[@＠][^\s\x{2005}\x{3000}?？，,。：:！!@]+`)
	lostMarkRe = regexp.MustCompile(`\?{2,}`)
)

// interrogatives are words that make a sentence a question wherever they stand.
var interrogatives = []string{
	"请教", "请问", "有没有", "是不是", "能不能", "可不可以", "会不会", "要不要", "有谁", "谁知道", "谁有",
	"怎么", "怎样", "如何", "为什么", "为啥", "什么", "哪个", "哪些", "哪里", "哪家", "多少", "是否",
	"求助", "咨询", "问一下", "问下", "有无", "能否", "可否", "行不行", "对不对", "几个", "几天",
}

// strongInterrogatives make a sentence a question even without a question mark.
var strongInterrogatives = []string{
	"请教", "请问", "有没有", "谁知道", "有谁", "是不是", "能不能", "求助", "咨询", "什么意思",
	"怎么", "如何", "为什么", "为啥", "是否", "哪里", "哪个", "哪家", "多少钱", "可不可以", "能否",
}

// finalParticles make a sentence a question when they end it.
var finalParticles = []string{"吗", "么", "嘛", "呢", "不", "没", "否"}

var ackWords = []string{"谢谢", "感谢", "多谢", "明白", "了解", "懂了", "收到", "好的", "好吧", "嗯", "哦", "ok", "OK", "原来如此", "是的", "对的", "有道理", "学习了", "受教"}

var thanksWords = []string{"谢谢分享", "感谢分享", "多谢分享", "学习了", "受教", "干货", "精彩"}

var greetWords = []string{"欢迎", "大家好", "早上好", "晚上好", "晚安", "新年快乐", "节日快乐"}

// computeFeatures derives the cues of every message.
func computeFeatures(msgs []chatlog.Message, tok Tokenizer) []features {
	fs := make([]features, len(msgs))
	for i := range msgs {
		fs[i] = messageFeatures(&msgs[i], tok)
	}
	return fs
}

func messageFeatures(m *chatlog.Message, tok Tokenizer) features {
	var f features
	text := m.Text
	if m.Type == chatlog.TypeLink && text == "" {
		text = m.LinkTitle
	}
	plain := mentionRe.ReplaceAllString(text, " ")
	stripped := stickerRe.ReplaceAllString(plain, " ")
	stripped = lostMarkRe.ReplaceAllString(stripped, " ")
	f.plain = strings.TrimSpace(collapseSpace(stripped))
	f.runes = utf8.RuneCountInString(f.plain)

	if tok != nil && text != "" {
		toks := tok.Tokens(text)
		f.words = segment.ContentWords(toks)
		f.wordSet = make(map[string]struct{}, len(f.words))
		for _, w := range f.words {
			f.wordSet[w] = struct{}{}
		}
		for _, t := range toks {
			if t.Kind == segment.KindDomain {
				if f.domain == nil {
					f.domain = map[string]struct{}{}
				}
				f.domain[t.Text] = struct{}{}
			}
		}
	}

	onlySymbols := f.runes == 0 || !hasLetter(f.plain)
	switch m.Type {
	case chatlog.TypeText:
		f.question = isQuestion(f.plain)
		f.thanks = !f.question && f.runes <= 20 && containsAny(f.plain, thanksWords)
		f.ack = !f.question && f.runes <= 12 && (containsAny(f.plain, ackWords) || f.thanks)
		f.greeting = !f.question && (containsAny(f.plain, greetWords) || (onlySymbols && text != ""))
		f.reaction = !f.question && (onlySymbols || (f.runes <= 4 && len(f.words) == 0))
	case chatlog.TypeRedPacket:
		f.reaction = true
	}
	return f
}

// isQuestion reports whether text reads as an information-seeking question.
func isQuestion(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	hasWord := containsAny(t, interrogatives)
	trimmed := strings.TrimRightFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || r == '~' || r == '～'
	})
	n := utf8.RuneCountInString(trimmed)
	endsFull := strings.HasSuffix(t, "？")
	endsASCII := strings.HasSuffix(t, "?")
	endsParticle := false
	for _, p := range finalParticles {
		if strings.HasSuffix(trimmed, p) {
			endsParticle = true
			break
		}
	}
	// Very short exclamations ("真的？") are reactions, not questions.
	if n <= 3 && !hasWord {
		return false
	}
	switch {
	case endsFull:
		return true
	case endsASCII && (hasWord || endsParticle):
		return true
	case endsParticle && (strings.HasSuffix(trimmed, "吗") || strings.HasSuffix(trimmed, "么")):
		return true
	case hasWord && containsAny(t, strongInterrogatives):
		return true
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
