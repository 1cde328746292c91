package thread

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cocolian/threads/dict"
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
	effort   float64             // what plain takes to type, in Chinese characters (see typingEffort)
	words    []string            // content words, in order
	wordSet  map[string]struct{} // content words as a set
	wordIDs  []int32             // the day's numbers for the content words, ascending
	idDomain []bool              // wordIDs[k] is a domain term
	domain   map[string]struct{} // domain terms as a set
	question bool                // an information-seeking question
	sticker  bool                // only stickers, emoji or symbols (a cheer or a reaction)
	welcome  bool                // a welcome or greeting (欢迎, 大家好)
	thanks   bool                // thanks for a shared talk or article, praise of it (谢谢分享, 干货)
	ack      bool                // an acknowledgement that answers nothing (谢谢, 明白了, 收到)
	affirm   bool                // a short yes/no (对, 是的, 有, 不是): answers a yes/no question
	headline bool                // reads as a news headline, an article title or a notice to all
	notice   bool                // a notice to all (a tip, a talk announcement, a job ad), mentions or not
	anaphor  bool                // refers back to something said before (这个, 那, 同问)
	confirm  bool                // asks to confirm an understanding (…对吧？, 相当于…？)
	metoo    bool                // joins another's question (同问, 我也想问)
	you      bool                // speaks to someone as 你 / 您 (你们咋测的？)
	opener   bool                // opens with an asking phrase (请问, 请教, 问个问题): a new topic
	pleads   bool                // a question that opens by asking for help (请教一下, 请问, 想了解下)
	announce bool                // only announces a question to come (问个问题：): no question itself, no role, opens a topic
	bare     bool                // a question of four characters at most (车贷？ 招联的？ 什么节奏): asks about what was just said
	script   bool                // a script address posted bare (javascript:alert(1), 点这里 javascript:void(0)): noise, no role
	han      bool                // plain holds a Chinese character: the English cues read only a text without one
	english  []enSentence        // plain split into English sentences when it has no Han characters, while the cues are read; nil after
}

// stickerPattern matches a bracketed code that may be a WeChat sticker
// ([强], [捂脸], [Facepalm]); isStickerCode tells whether it is one.
const stickerPattern = `\[[^\[\]\r\n]{1,16}\]`

// listedStickers are the sticker codes of dict/stopwords.yaml, lowercased:
// the names WeChat writes in each of its languages ([捂脸], [Facepalm]).
var listedStickers = sync.OnceValue(func() map[string]bool {
	words, err := dict.StopWords()
	if err != nil {
		panic(err) // the embedded file is checked by the dict tests
	}
	codes := map[string]bool{}
	for _, w := range words {
		if strings.HasPrefix(w, "[") {
			codes[strings.ToLower(w)] = true
		}
	}
	return codes
})

// isStickerCode reports whether code, a match of stickerPattern, is a
// sticker: one that dict/stopwords.yaml lists, or any code of at most six
// characters without spaces, which is how exporters write the stickers
// they do not name ([吃瓜]) and media ([图片]).
func isStickerCode(code string) bool {
	name := code[1 : len(code)-1]
	if utf8.RuneCountInString(name) <= 6 && !strings.ContainsFunc(name, unicode.IsSpace) {
		return true
	}
	return listedStickers()[strings.ToLower(code)]
}

// replaceStickers replaces each sticker code in text with with.
func replaceStickers(text, with string) string {
	return stickerRe.ReplaceAllStringFunc(text, func(code string) string {
		if isStickerCode(code) {
			return with
		}
		return code
	})
}

var (
	stickerRe = regexp.MustCompile(stickerPattern)
	// mentionRe matches an @mention, and the ? that some exports write for
	// the space WeChat puts after it (@李奔-快钱?可以).
	mentionRe  = regexp.MustCompile(`[@＠][^\s\x{2005}\x{3000}?？，,。：:！!@]+\??`)
	lostMarkRe = regexp.MustCompile(`\?{2,}`)
	// datedTitleRe matches an article title posted with its date
	// (20171218-微服务下支付宝接入).
	datedTitleRe = regexp.MustCompile(`^20\d{6}[-－]\S`)
	// rhetoricalRe matches a rhetorical question (反问: "不是…吗", "难道",
	// "岂不"), which asserts rather than asks.
	rhetoricalRe = regexp.MustCompile(`(不是|不就|不也|不应该)[^，,。；;？?]{0,15}[吗么嘛]|难道|岂不|哪那么|哪敢|哪有|何况|还怕|还会有人`)
)

// rhetoricalMarks are the words rhetoricalRe starts with.
var rhetoricalMarks = []string{"不是", "不就", "不也", "不应该", "难道", "岂不", "哪那么", "哪敢", "哪有", "何况", "还怕", "还会有人"}

// rhetorical reports whether text asks a rhetorical question (rhetoricalRe),
// leaving out the look-alikes: 是不是 asks, and the 么 of 这么, 那么, 怎么,
// 什么, 多么 is no question particle.
func rhetorical(text string) bool { return rhetoricalEnd(text) >= 0 }

// rhetoricalEnd returns where the first rhetorical question rhetorical
// accepts ends in text, or -1 when there is none.
func rhetoricalEnd(text string) int {
	if !containsAny(text, rhetoricalMarks) {
		return -1 // the regexp cannot match: skip the scan
	}
	for _, m := range rhetoricalRe.FindAllStringIndex(text, -1) {
		match := text[m[0]:m[1]]
		if strings.HasPrefix(match, "不是") && strings.HasSuffix(text[:m[0]], "是") {
			continue
		}
		if strings.HasPrefix(match, "不") && strings.HasSuffix(match, "么") {
			before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(match, "么"))
			if strings.ContainsRune("这那怎什多要", before) {
				continue
			}
		}
		return m[1]
	}
	return -1
}

// asksAfterRhetorical reports whether one of the sentences after the first
// rhetorical question asks in earnest, itself not rhetorically
// ("钱不是直接到商家了吗？收钱吧提现是什么情况？").
func asksAfterRhetorical(text string) bool {
	end := rhetoricalEnd(text)
	if end < 0 {
		return false
	}
	rest := text[end:]
	for {
		cut := strings.IndexAny(rest, sentenceEnds)
		if cut < 0 {
			return false // the rhetorical question's sentence runs to the end
		}
		_, size := utf8.DecodeRuneInString(rest[cut:])
		rest = rest[cut+size:]
		sentence := rest
		if next := strings.IndexAny(rest, sentenceEnds); next >= 0 {
			_, size := utf8.DecodeRuneInString(rest[next:])
			sentence = rest[:next+size]
		}
		if isQuestion(sentence) && !rhetorical(sentence) {
			return true
		}
	}
}

// sentenceEnds end a sentence.
const sentenceEnds = "？?。！!"

// isClosingMark reports whether r is punctuation, space or a tilde, the
// marks that end a chat line without changing what it says.
func isClosingMark(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSpace(r) || r == '~' || r == '～'
}

// laughOnly reports whether text is only laughter (哈哈哈, 呵呵, 嘿嘿): a
// reaction, like a sticker.
func laughOnly(text string) bool {
	t := strings.TrimFunc(text, isClosingMark)
	if t == "" {
		return false
	}
	for _, r := range t {
		if !strings.ContainsRune("哈呵嘿嘻hH", r) {
			return false
		}
	}
	return utf8.RuneCountInString(t) >= 2
}

// saysStatement reports whether a text without a question mark wraps its
// interrogative in a statement: an admitted uncertainty (不知道…是不是), an
// explanation (这就是为什么…), advice to ask someone (去问一下…), a
// whether-clause that is still open (能不能开的出来还是问题呢) or that
// something depends on (要看有没有商家账户的概念), or a problem named
// (存在哪个账户的问题; not when asked about: 有没有人遇到过…的问题).
func saysStatement(text string) bool {
	if strings.Contains(text, "不知") && !strings.Contains(text, "知不知") || strings.Contains(text, "就是为什么") {
		return true
	}
	// Advice to ask someone else: "去问一下你们做清算的同事", "问一下你们管入网的同事吧",
	// "可以问问你们合作银行是不是批量处理的".
	bare := strings.TrimRightFunc(text, isClosingMark)
	if strings.Contains(text, "去问") || strings.HasSuffix(bare, "吧") && containsAny(text, []string{"问一下", "问下"}) {
		return true
	}
	if advisesAsking(text) && !endsWithAny(bare, finalParticles) {
		return true
	}
	if whetherIsOpen(text) {
		return true
	}
	if strings.HasSuffix(bare, "的问题") && !startsWithAny(text, pleas) && !scanCues(text).has(cueStrongInterrogative|cueGroupAsk) {
		return true // "有个过度资金存在哪个账户的问题" names a problem
	}
	return !endsWithAny(bare, finalParticles) && dependsOnWhether(text)
}

// askingVerbs ask someone something; adviceToAsk before them makes the
// asking advice to the reader (可以问问, 你最好问一下), where 我, 再 or 先
// before them (再问一下) ask the group.
var (
	askingVerbs = []string{"问问", "问一下", "问下", "问一问", "咨询下", "咨询一下"}
	adviceToAsk = []string{"可以", "建议", "最好", "不妨", "你", "您", "让", "找"}
)

// askingAbout before an advice word make it part of a question
// (请问哪里可以咨询一下…, 有没有人知道找谁可以问问…).
var askingAbout = []string{"请问", "哪", "谁", "有没有", "有人", "求"}

// advisesAsking reports whether text advises its reader to ask someone:
// an asking verb right after an advice word (可以问问你们合作银行…), with no
// asking word before it (哪位大佬可以问一下… asks who).
func advisesAsking(text string) bool {
	for _, v := range askingVerbs {
		for at := 0; ; {
			k := strings.Index(text[at:], v)
			if k < 0 {
				break
			}
			before := text[:at+k]
			if endsWithAny(before, adviceToAsk) && !containsAny(before, askingAbout) {
				return true
			}
			at += k + len(v)
		}
	}
	return false
}

// openMatters say that a matter is still open: a whether-clause before them
// is their subject, not a question (能不能开的出来还是问题呢).
var openMatters = []string{"是个问题", "是问题", "不好说", "不一定", "难说", "两说", "另说"}

// whetherIsOpen reports whether text says that a whether-clause is an open
// matter: a whether-word followed in the same sentence by an open-matter
// phrase that closes its clause (是否要备案还不好说; not 有没有不一定要执照的通道).
func whetherIsOpen(text string) bool {
	for _, w := range whetherWords {
		k := strings.Index(text, w)
		if k < 0 {
			continue
		}
		rest := text[k+len(w):]
		if cut := strings.IndexAny(rest, sentenceEnds+"；;"); cut >= 0 {
			rest = rest[:cut]
		}
		for _, o := range openMatters {
			if at := strings.Index(rest, o); at >= 0 && closesClause(rest[at+len(o):]) {
				return true
			}
		}
	}
	return false
}

// closesClause reports whether what follows a phrase ends its clause: only
// particles and marks before the next clause break.
func closesClause(after string) bool {
	if cut := strings.IndexAny(after, clauseBreaks); cut >= 0 {
		after = after[:cut]
	}
	return strings.Trim(after, "呢啊吧了的哦呀 ~～.。…") == ""
}

// whetherWords ask yes or no (是否, 有没有); after a verb of judging or
// depending they only name the alternative (看是否合理: depends on whether).
var whetherWords = []string{"是否", "有没有", "能不能", "是不是", "能否", "可不可以", "会不会", "要不要"}

// judgingVerbs take a whether-clause as their object.
var judgingVerbs = []string{"看", "取决于", "判断", "确定", "在于", "关键是", "决定", "考虑", "确认"}

// whetherReach is how many characters a whether-word may stand after its
// judging verb in the same clause.
const whetherReach = 12

// dependsOnWhether reports whether a whether-word in text is the object of a
// judging verb earlier in its clause (看你服务拆分是否合理, 关键是有没有特殊
// 处理), not a request to check (帮忙看看是否…).
func dependsOnWhether(text string) bool {
	for _, w := range whetherWords {
		k := strings.Index(text, w)
		if k < 0 {
			continue
		}
		clause := text[:k]
		if cut := strings.LastIndexAny(clause, clauseBreaks); cut >= 0 {
			_, size := utf8.DecodeRuneInString(clause[cut:])
			clause = clause[cut+size:]
		}
		if r := []rune(clause); len(r) > whetherReach {
			clause = string(r[len(r)-whetherReach:])
		}
		for _, v := range judgingVerbs {
			if at := strings.Index(clause, v); at >= 0 && !containsAny(clause[:at], checkRequests) {
				return true
			}
		}
	}
	return false
}

// clauseBreaks end a clause.
const clauseBreaks = "，,。；;！!：:"

// checkRequests before a judging verb ask someone to check (帮忙看看是否…).
var checkRequests = []string{"帮", "请", "麻烦"}

// interrogatives are words that make a sentence a question when it ends in
// a question mark or a question particle.
var interrogatives = []string{
	"请教", "请问", "有没有", "是不是", "能不能", "可不可以", "会不会", "要不要", "有谁", "谁知道", "谁有",
	"怎么", "怎样", "如何", "为什么", "为啥", "什么", "哪个", "哪些", "哪里", "哪家", "多少", "是否",
	"求助", "咨询", "问一下", "问下", "有无", "能否", "可否", "行不行", "对不对", "几个", "几天", "啥", "咋", "肿么",
}

// strongInterrogatives make a sentence a question even without a question mark.
var strongInterrogatives = []string{
	"请教一下", "请教下", "请教各位", "请教大家", "请教个", "想请教", "请问", "有没有", "谁知道", "有谁",
	"是不是", "能不能", "求助", "咨询一下", "什么意思", "为什么", "为啥", "是否", "可不可以", "能否",
	"问一下", "问下", "问个问题",
}

// whWords ask for a thing, a way, a place or a number: a short message with
// one reads as a question even without a question mark.
var whWords = []string{"什么", "怎么", "哪", "啥", "咋", "肿么", "多少", "几个", "几天"}

// notAsking are phrases with an interrogative word that do not ask.
var notAsking = []string{"没什么", "什么都", "啥都", "什么也", "啥也", "什么的", "不怎么", "怎么也", "无论", "不管", "多少有", "为什么不", "不知道", "我说呢", "想什么呢"}

// indefinites hold an interrogative word that asks nothing: after a negation
// (没啥, 没多少, 不到哪), before 都 (哪都有), closing a list (啥的), counting
// a few (前几天, 这几个, 端过几个月, 几千家), or in a rhetorical or concessive phrase (怎么可能,
// 哪怕, 说不定). Another interrogative word in the sentence still asks
// (这几天哪家通道稳定).
var indefinites = []string{"没啥", "没多少", "没几", "不到哪", "哪都", "哪儿都", "哪里都", "怎么都", "啥的",
	"前几天", "这几天", "那几天", "这几个", "那几个", "哪怕", "说不定", "怎么可能", "怎么会",
	"最近几", "近几", "不了几", "过几天", "过几个", "几十", "几百", "几千", "几万"}

// negatedWhRe matches an interrogative word right after a negated verb
// (我不信什么…, 看不出什么, 没懂啥意思, 不差啥): it means "any" and asks
// nothing.
var negatedWhRe = regexp.MustCompile(`[不没]\p{Han}{1,2}?(?:什么|啥)`)

// maskNegatedWh blanks the matches of negatedWhRe in text, except after 有
// (有没有什么资料 asks).
func maskNegatedWh(text string) string {
	if !strings.Contains(text, "不") && !strings.Contains(text, "没") || !strings.Contains(text, "什么") && !strings.Contains(text, "啥") { // ContainsAny is slow on non-ASCII sets
		return text
	}
	var b strings.Builder
	last := 0
	for _, m := range negatedWhRe.FindAllStringIndex(text, -1) {
		if strings.HasSuffix(text[:m[0]], "有") {
			continue
		}
		b.WriteString(text[last:m[0]])
		b.WriteString("、")
		last = m[1]
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// maskIndefinites blanks the indefinites of a text.
var maskIndefinites = func() *strings.Replacer {
	pairs := make([]string, 0, 2*len(indefinites))
	for _, w := range indefinites {
		pairs = append(pairs, w, "、")
	}
	return strings.NewReplacer(pairs...)
}()

// finalParticles make a sentence a question when they end it.
var finalParticles = []string{"吗", "么", "嘛", "呢", "不", "没", "否"}

var ackWords = []string{"辛苦", "恩恩", "哦哦", "好嘞", "谢谢", "感谢", "多谢", "明白", "了解", "懂了", "收到", "原来如此", "有道理", "学习了", "受教", "好吧", "ok", "OK", "好的"}

// interjections are whole messages that only take note of what was said
// (哦, 谢了). Unlike ackWords they count only as the whole message: 哦，还有
// 这个接口 says more.
var interjections = []string{"哦", "噢", "喔", "哦了", "呃", "额", "谢了", "谢啦", "多谢了", "谢过"}

// interjection reports whether plain, without its closing marks, is one of
// the interjections, its first character said once or more (哦哦哦).
func interjection(plain string) bool {
	bare := strings.TrimFunc(plain, isClosingMark)
	first, size := utf8.DecodeRuneInString(bare)
	if size > 0 && strings.Trim(bare, string(first)) == "" {
		bare = string(first)
	}
	return isOneOf(bare, interjections)
}

var affirmWords = []string{"对", "是的", "是呀", "是啊", "对的", "对呀", "嗯", "嗯嗯", "有", "有的", "没有", "不是", "不行", "可以", "不可以", "能", "不能", "会", "不会", "要", "不要", "需要", "不需要", "没", "不用", "肯定", "当然"}

// degreeWords use a praise word for degree (黄金跌的厉害: falls hard), not praise.
var degreeWords = []string{"的厉害", "得厉害"}

// morningWords are whole messages that greet the group in the morning (早
// alone is a greeting; inside a sentence it means "early").
var morningWords = []string{"早", "早啊", "早呀", "早早早", "大家早", "各位早"}

var thanksWords = []string{"分享", "学习", "受教", "干货", "精彩", "精髓", "精华", "消化", "太赞", "点赞", "收藏", "涨知识", "长知识", "涨姿势", "好多知识", "很棒", "好棒", "整理的好", "佩服", "膜拜", "威武", "霸气", "厉害", "牛逼", "太牛", "很牛", "羡慕"}

// meToo marks a message that joins someone else's question without adding to
// it. Its "+1" is a vote only standing on its own (see joinsQuestion).
var meToo = []string{"同问", "也想问", "也想知道", "同求", "+1"}

// joinsQuestion reports whether plain, whose cues include cueMeToo, joins
// someone else's question: a me-too phrase other than "+1", or a "+1" that
// stands on its own (+1, 我也+1). A "+1" written onto a letter or a number
// (T+1, D+1, 1+1) or followed by one (+10, +1s) is part of a term or a sum,
// a fact stated: "一般T+1到账" answers.
func joinsQuestion(plain string) bool {
	for _, w := range meToo {
		if w != "+1" && strings.Contains(plain, w) {
			return true
		}
	}
	for at := 0; ; {
		k := strings.Index(plain[at:], "+1")
		if k < 0 {
			return false
		}
		k += at
		before, _ := utf8.DecodeLastRuneInString(plain[:k])
		after, _ := utf8.DecodeRuneInString(plain[k+2:])
		if !isASCIIAlnum(before) && !isASCIIAlnum(after) {
			return true
		}
		at = k + 2
	}
}

// isASCIIAlnum reports whether r is an ASCII letter or digit.
func isASCIIAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

var greetWords = []string{"欢迎", "签到", "大家好", "早上好", "晚上好", "晚安", "新年快乐", "节日快乐", "早安", "周末愉快", "假期愉快", "拜拜"}

// newsCues mark headlines: announcements of rules, reports and events.
var newsCues = append(slices.Clone(newsCueWords), "《", "：", "！", "|", "【")

// answerLabelRe matches a line that opens by naming what it gives, as an
// answer does (原因：…, 回答：…, 比如：…): its colon makes no title.
var answerLabelRe = regexp.MustCompile(`^(原因|回答|答|答案|步骤|方法|办法|解决办法|解决方法|结论|建议|补充|比如|例如|举例|区别|思路)\s*：`)

// newsCueWords are the words among newsCues.
var newsCueWords = []string{"刚刚", "重磅", "突发", "最新", "发布", "印发", "发文", "落地", "出台", "通报", "公告", "报告", "据悉", "爆料", "被罚", "罚没", "罚单", "声明"}

// forwardedChat ends the title WeChat gives a forwarded chat history
// (群聊的聊天记录): shared like an article.
const forwardedChat = "的聊天记录"

// reportedTalkRe matches the start of a talk just had with someone, passed
// on (刚和朋友聊，他们做汽车后市场…; 刚才和一个日本做支付的人聊天): like hearsay it
// brings up a new subject; not a talk with the one addressed (刚和你聊的那个).
var reportedTalkRe = regexp.MustCompile(`^刚(?:才|刚)?(?:和|跟)[^你您，,。\s]{1,16}?(?:聊|讨论|沟通|交流)`)

// hearsayOpeners open news passed on by word of mouth (据说支付要发牌照了):
// like a headline it brings up a new subject.
var hearsayOpeners = []string{"据说", "听说", "今天听说", "刚听说", "刚刚听说"}

// hearsayRunes is the shortest message that passes on news.
const hearsayRunes = 8

// noticeCues mark a warning, tip, announcement or ad posted to the whole
// group; like a headline it opens its own thread rather than answering what
// came before.
var noticeCues = []string{"注意一下", "提醒一下", "提醒大家", "大家注意", "友情提示", "温馨提示", "插播", "今天请到", "给大家推荐", "开始签到", "签到手势"}

// jobWords and hiringWords together make a job ad (简历丢过来…要招聘10人+):
// either alone is talk about one's job (投了简历没回音, 薪资都在降).
var (
	jobWords    = []string{"简历", "内推", "薪资"}
	hiringWords = []string{"招", "岗位", "经验", "坐标", "base", "Base", "感兴趣", "丢过来", "发我"}
)

// noticeOpeners open a post to the whole group: a job ad.
var noticeOpeners = []string{"招聘", "急招", "诚聘"}

// contactRe matches a contact handle left for the group (V：paylicense888,
// 微信: abc_123, QQ：12345678); with an adWords word it makes an ad.
var contactRe = regexp.MustCompile(`(?:^|[^A-Za-z])(?i:v|vx|wx|weixin)\s*[：:]\s*[A-Za-z0-9_-]{5,}|(?:微信号?|加微|威信|薇信|(?i:qq)|电话|手机|联系方式)\s*[：:]?\s*[A-Za-z0-9_-]{5,}`)

// adWords offer a service for sale (办理, 转让, 代办, 价格): with a contact
// handle they make an ad, which opens its own thread and answers nothing.
var adWords = []string{"办理", "代办", "转让", "出售", "收购", "价格", "优惠", "私聊", "包过", "代理", "招商", "加盟", "合作"}

var anaphors = []string{"这个", "那个", "这种", "那种", "这样", "那样", "这些", "那些", "这边", "那边",
	"这几", "那几", "这张", "那张", "这条", "那条", "这篇", "那篇", "这次", "那次", "这里", "这段", "这位", "这是", "上面", "刚才", "同问", "也想问", "那么", "那就", "那我", "那他", "那你", "那这", "那要", "那如果", "它"}

// confirmEndings and confirmOpenings mark a question that checks an
// understanding of what was just said rather than opening a topic.
var (
	confirmEndings  = []string{"对吧", "是吧", "的吧", "对吗", "是吗", "了吧", "吧"}
	confirmOpenings = []string{"相当于", "也就是说", "就是说", "意思是", "类似", "所以说"}
)

// requests ask for something without a question form (求推荐, 麻烦提供下思路).
var requests = []string{"求推荐", "求分享", "求共享", "求讲", "求助", "求教", "麻烦提供", "麻烦发", "麻烦给", "麻烦推荐",
	"求科普", "求指教", "求指导", "跪求", "麻烦再发", "麻烦整理", "我想知道", "我想了解", "想了解下", "想了解一下",
	"指导下", "指导一下", "科普下", "科普一下", "说一下你", "讲一下你", "介绍下你"}

// notRequests contain a request phrase but state or offer something (我想知道的都在文档里了,
// 我说一下你的问题).
var notRequests = []string{"我想知道的", "我想了解的", "我说一下你", "我讲一下你", "我介绍下你"}

// titleMarks set off an article title or its source (【震惊】, " - FT中文网", "|").
var titleMarks = []string{"【", "】", " - ", "|", "｜", "——"}

// titled reports whether a text reads as an article title: a title mark, or
// a question mark followed by more headline ("…28+15=26？方案有望6月出炉").
func titled(text string) bool {
	if containsAny(text, titleMarks) {
		return true
	}
	k := strings.LastIndex(text, "？")
	return k >= 0 && utf8.RuneCountInString(text[k:]) > 8 && containsAny(text, newsWords)
}

// newsWords are the words of newsCues, and a few more of article titles.
var newsWords = append(slices.Clone(newsCueWords), "来临", "出炉", "剖析", "解读", "曝光")

// pleas open a question by asking for help: put to someone by name, it asks
// them something new rather than replying to what they said.
var pleas = []string{"请问", "请教", "想请教", "想了解", "想咨询", "咨询", "问一下", "问下", "问个"}

// openers start a question that opens a new topic.
var openers = []string{"请问", "请教", "问个", "插个问题", "问一下", "问下", "再问", "还有个问题", "还有一个问题", "另外问", "有没有人", "有谁", "谁知道", "各位", "大家好", "求助", "咨询"}

// announceRe matches a message that only announces a question to come (有个
// 问题想咨询一下, 各位大神 请问个问题, 正好想请教): the annotators give the
// announcement no role and count the question that follows.
var announceRe = regexp.MustCompile(`^(?:(?:各位|大家|群里的?)[^，,\s]{0,8}?(?:大神|大佬|老师|朋友|大拿|专家)?们?[，,\s]*)?(?:正好|还|再|另外)?(?:有个|有一个|有)?小?(?:问题)?(?:想|要)?(?:请问|请教|咨询|问个|问一下|问下)(?:一下|下)?(?:个|一个|几个)?小?(?:问题)?(?:各位|大家)?(?:大神|大佬|老师)?[呀啊哈。.：:！!~～\s]*$`)

// announces reports whether a message only announces a question to come
// (announceRe); a bare 请教 may be a typo fixed, so it takes four
// characters or more, and at most announceRunes. English without Han
// characters announces by announcesInEnglish (quick question:, I have a
// question).
func announces(f *features) bool {
	if !f.han {
		return f.plain != "" && announcesInEnglish(f.englishSentences()) // Hi all, quick question:
	}
	return f.runes >= 4 && f.runes <= announceRunes && containsAny(f.plain, announceVerbs) && announceRe.MatchString(f.plain)
}

// announceVerbs are the asking verbs announceRe requires: a cheap test
// before the regexp.
var announceVerbs = []string{"问", "请教", "咨询"}

// announceRunes is the longest message that can announce a question to
// come ("群里的跨境支付大佬，请教一个问题呀") without asking it.
const announceRunes = 20

// groupAsk put a question to the whole group (各位, 哪位大神, 谁有) or announce
// one (我也想问个问题): like an asking phrase at the start, they open a topic
// wherever they stand in the question.
var groupAsk = []string{"各位", "哪位", "想问", "想请教", "谁有", "谁知道", "谁能", "谁可以", "有谁", "有没有人", "大神", "大拿", "大佬", "大咖", "大牛"}

var pronouns = []string{"我", "你", "咱", "您"}

// computeFeatures derives the cues of every message.
func computeFeatures(msgs []chatlog.Message, tok Tokenizer) []features {
	fs := make([]features, len(msgs))
	ids := map[string]int32{}
	for i := range msgs {
		fs[i] = messageFeatures(&msgs[i], tok)
		fs[i].numberWords(ids)
	}
	return fs
}

// numberWords gives f's content words the day's numbers (ids, extended as
// new words appear), sorted, so that two messages' shared words are found by
// one merge. A Chinese word of three or more characters that is no payments
// term also gets the numbers of its first and last two characters, so that
// 北方人 shares a word with 北方 (a term's parts, such as the 支付 of 认证支付,
// say too little).
func (f *features) numberWords(ids map[string]int32) {
	if len(f.wordSet) == 0 {
		return
	}
	f.wordIDs = make([]int32, 0, len(f.wordSet))
	number := func(w string) {
		id, ok := ids[w]
		if !ok {
			id = int32(len(ids))
			ids[w] = id
		}
		f.wordIDs = append(f.wordIDs, id)
	}
	for w := range f.wordSet {
		number(w)
		if head, tail, ok := f.wordEnds(w); ok {
			number(head)
			number(tail)
		}
	}
	slices.Sort(f.wordIDs)
	f.wordIDs = slices.Compact(f.wordIDs)
	if len(f.domain) == 0 {
		return
	}
	f.idDomain = make([]bool, len(f.wordIDs))
	for w := range f.domain {
		if id, ok := ids[w]; ok {
			if k, found := slices.BinarySearch(f.wordIDs, id); found {
				f.idDomain[k] = true
			}
		}
	}
}

// wordEnds returns the first and last two characters of w, a content word
// of f, when they count as words of their own: w is a Chinese word of
// three or more characters and no payments term (see numberWords).
func (f *features) wordEnds(w string) (head, tail string, ok bool) {
	if _, term := f.domain[w]; term || utf8.RuneCountInString(w) < 3 || !hasHan(w) {
		return "", "", false
	}
	_, a := utf8.DecodeRuneInString(w)
	_, b := utf8.DecodeRuneInString(w[a:])
	_, z := utf8.DecodeLastRuneInString(w)
	_, y := utf8.DecodeLastRuneInString(w[:len(w)-z])
	return w[:a+b], w[len(w)-y-z:], true
}

// everyoneNames are the names apps mention the whole group by, as they
// write them: WeChat @所有人 (@All in English), Slack and Discord @everyone,
// @here, @channel. A member nicknamed Here is not among them.
var everyoneNames = []string{"所有人", "All", "everyone", "here", "channel"}

// mentionsAll reports whether mentions name the whole group: a notice to
// everyone, or a question put to all of them.
func mentionsAll(mentions []string) bool {
	for _, name := range mentions {
		if slices.Contains(everyoneNames, name) {
			return true
		}
	}
	return false
}

// isEmoji reports whether r is an emoji or a part of one (a variation
// selector, a joiner, a skin tone): 👍 and [强] are the same sticker to the
// cues, whichever the exporter writes.
func isEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r >= 0x2B00 && r <= 0x2BFF ||
		r == 0xFE0F || r == 0x200D || r == 0x20E3
}

func messageFeatures(m *chatlog.Message, tok Tokenizer) features {
	var f features
	text := m.Text
	if m.Type == chatlog.TypeLink && text == "" {
		text = m.LinkTitle
	}
	// The text reads as segment.Canonical writes it, but legacy sticker
	// codes are bracketed before mentions are cut out (the @ of /:,@P is no
	// mention) and only what is left is simplified (a name is no phrase).
	text = segment.BracketLegacyStickers(text)
	plain := text
	if strings.IndexByte(plain, '@') >= 0 || strings.Contains(plain, "＠") { // ContainsAny is slow on non-ASCII sets
		plain = mentionRe.ReplaceAllString(plain, " ")
	}
	mentions := plain != text
	plain = segment.Simplify(plain)
	stripped := plain
	if strings.Contains(stripped, "[") {
		stripped = replaceStickers(stripped, " ")
	}
	if strings.Contains(stripped, "??") {
		stripped = lostMarkRe.ReplaceAllString(stripped, " ")
	}
	if strings.IndexFunc(stripped, isEmoji) >= 0 {
		stripped = strings.Map(func(r rune) rune {
			if isEmoji(r) {
				return ' '
			}
			return r
		}, stripped)
	}
	stripped = normaliseWidth(stripped, mentions)
	f.plain = strings.TrimSpace(collapseSpace(stripped))
	f.runes = utf8.RuneCountInString(f.plain)
	f.han = hasHan(f.plain)
	f.effort = typingEffort(f.plain)

	if tok != nil && text != "" {
		// The words are what the message says: a mention's name is none of
		// them (two messages to 李奔-快钱-产品-上海 share no 快钱 by that).
		toks := tok.Tokens(normaliseWidth(plain, mentions))
		f.words = segment.ContentWords(toks)
		for _, t := range toks {
			// A number of two characters or more is a word too: 裁员50% and
			// 我听到的说是50% talk of one figure (a lone digit says little).
			if t.Kind == segment.KindNumber && len(t.Text) >= 2 {
				f.words = append(f.words, t.Text)
			}
		}
		f.wordSet = make(map[string]struct{}) // no size hint: f.words repeats words, and a long message would reserve room for every repeat
		for _, w := range f.words {
			f.wordSet[w] = struct{}{}
		}
		for _, t := range toks {
			if t.Kind == segment.KindDomain {
				if f.domain == nil {
					f.domain = map[string]struct{}{}
				}
				term := t.Term
				if term == "" {
					term = strings.ToLower(t.Text) // a tokenizer that knows no terms' spellings
				}
				f.domain[term] = struct{}{}
			}
		}
	}

	bare := strings.TrimRightFunc(f.plain, isClosingMark)
	cues := scanCues(f.plain)
	switch m.Type {
	case chatlog.TypeImage, chatlog.TypeLink:
		// A picture or file posted with a caption (WhatsApp, Telegram,
		// Discord, Slack) asks as a text would: "Is this error normal?"
		// under a screenshot. A WeChat picture has no caption, and a
		// shared article's title is no caption.
		if m.Caption() != "" {
			f.askWith(cues)
		}
	case chatlog.TypeText:
		f.askWith(cues)
		f.sticker = text != "" && (!hasLetter(f.plain) || laughOnly(f.plain))
		if f.question {
			break
		}
		f.welcome = cues.has(cueGreet) || isOneOf(bare, morningWords)
		f.thanks = f.runes <= 24 && cues.has(cueThanks) && !containsAny(f.plain, degreeWords)
		f.ack = f.runes <= 12 && cues.has(cueAck) && !f.thanks
		f.affirm = f.runes <= 8 && (isOneOf(bare, affirmWords) || startsWithAny(bare, []string{"对，", "是的，", "有的，", "不是，", "没有，", "可以，", "不行，", "嗯，", "不能，", "不会，"}))
		// A notice may name people (a talk announcement names its guest); a
		// headline names nobody. Neither is a reply: an answer that names
		// its point (原因：…, 用 WithTimeout：…) in a reply the export
		// marks (a quote, a Telegram or Discord reply) is no title.
		replying := m.Quote != nil || m.ReplyToID != ""
		f.notice = !replying && (f.runes >= 12 && (cues.has(cueNotice) || startsWithAny(f.plain, noticeOpeners) ||
			containsAny(f.plain, jobWords) && containsAny(f.plain, hiringWords) ||
			containsAny(f.plain, adWords) && contactRe.MatchString(f.plain)) || mentionsAll(m.Mentions))
		f.headline = f.notice || f.runes >= 12 && !replying && len(m.Mentions) == 0 && !cues.has(cuePronoun) && cues.has(cueNews) && !answerLabelRe.MatchString(f.plain) ||
			f.runes >= hearsayRunes && !replying && len(m.Mentions) == 0 && (startsWithAny(f.plain, hearsayOpeners) || reportedTalkRe.MatchString(f.plain)) ||
			strings.HasSuffix(f.plain, forwardedChat) || datedTitleRe.MatchString(f.plain)
	case chatlog.TypeRedPacket:
		f.sticker = true
	}
	// A caption's 这个 points at its own picture ("这个报错是什么原因？"
	// under a screenshot), not back into the conversation.
	// 还是 refers back only opening the message (还是用代扣吧？ "or else"):
	// inside it, it weighs two things (按日还是按月) or means "still".
	f.anaphor = (cues.has(cueAnaphor) || strings.HasPrefix(f.plain, "还是")) && m.Caption() == ""
	f.confirm = f.question && (endsWithAny(bare, confirmEndings) || startsWithAny(f.plain, confirmOpenings))
	f.metoo = f.runes <= 16 && cues.has(cueMeToo) && joinsQuestion(f.plain)
	f.you = strings.ContainsRune(f.plain, '你') || strings.ContainsRune(f.plain, '您')
	if f.metoo {
		f.question = false
	}
	asks := f.question || !f.metoo && f.runes <= announceRunes && strings.Contains(f.plain, "问题") // "请教一个问题呀" announces one
	f.opener = f.announce || asks && (opensWithAsk(f.plain) || cues.has(cueGroupAsk) || mentionsAll(m.Mentions) ||
		!f.han && opensInEnglish(f.englishSentences()))
	f.pleads = f.question && startsWithAny(strings.TrimLeft(f.plain, " ,，、"), pleas)
	if f.script = postsScriptLink(m, f.plain); f.script {
		// A script address leads nowhere: it neither asks nor answers, and
		// its words (javascript, alert) are no topic the thread shares.
		f.question, f.announce, f.bare, f.confirm, f.opener, f.pleads = false, false, false, false, false, false
		f.words, f.domain = nil, nil
		clear(f.wordSet)
	}
	f.english = nil // read once by the English cues, not kept
	return f
}

// askWith sets the question cues of f, whose text's cues are cues:
// whether it asks, only announces a question to come, or asks a bare one.
func (f *features) askWith(cues cueSet) {
	var en []enSentence
	if !f.han {
		en = f.englishSentences()
	}
	f.question = questionWith(f.plain, cues, en)
	f.announce = announces(f)
	switch {
	case f.question && rhetorical(f.plain) && !asksAfterRhetorical(f.plain):
		f.question = false
	case f.question && !strings.ContainsAny(f.plain, "？?") && saysStatement(f.plain):
		f.question = false // "不知道现在还能不能用了", "这就是为什么会有代沟"
	case f.question && f.han && titled(f.plain) && !startsWithAny(f.plain, pleas):
		// An article title that asks ("…是否越界？ - FT中文网"); one that
		// opens by asking for help is put to the group ("请问分账接口 | 怎么申请？").
		f.question = false
	case f.question && f.announce:
		f.question = false // announces the question that follows
	case f.question && givesOwnAnswer(f.plain):
		f.question = false // "问题：户账分离是怎么做的？ 回答：…" gives its own answer
	case !f.question && cues.has(cueRequest) && !containsAny(f.plain, notRequests):
		f.question = true
	}
	f.bare = isBareQuestion(f)
}

// englishSentences returns f.plain split into English sentences, split
// once for all the English cues.
func (f *features) englishSentences() []enSentence {
	if f.english == nil {
		f.english = englishSentences(f.plain)
	}
	return f.english
}

// isQuestion reports whether text reads as an information-seeking question.
func isQuestion(text string) bool {
	return questionWith(text, scanCues(text), nil)
}

// questionWith is isQuestion for a text whose cues are already scanned;
// en is text split into English sentences, or nil to split it here.
func questionWith(text string, cues cueSet, en []enSentence) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	if cues.has(cueIndefinite) {
		cues = scanCues(maskIndefinites.Replace(t)) // the 啥 of 没啥 asks nothing
	}
	if masked := maskNegatedWh(t); masked != t {
		t = masked // the 什么 of 我不信什么… asks nothing, nor ends a sentence as 么
		cues = scanCues(maskIndefinites.Replace(t))
	}
	hasWord := cues.has(cueInterrogative)
	strong := cues.has(cueStrongInterrogative)
	trimmed := strings.TrimRightFunc(t, isClosingMark)
	n := utf8.RuneCountInString(trimmed)
	endsFull := strings.HasSuffix(t, "？")
	endsASCII := strings.HasSuffix(t, "?")
	particle := ""
	for _, p := range finalParticles {
		if strings.HasSuffix(trimmed, p) {
			particle = p
			break
		}
	}
	if !hasHan(t) {
		if countLetters(trimmed) < 2 {
			return false // "??": characters lost in export, not a question
		}
		if en == nil || t != text {
			en = englishSentences(t)
		}
		return isEnglishQuestion(en, endsASCII || endsFull || strings.Contains(t, "? ") || strings.Contains(t, "？"))
	}
	// A very short text asks when marked so (几度？ 车贷？ 招联的？), unless it
	// is a bare exclamation (真的？ 又是他？), a connective (还是？), a call
	// (在吗？ 有人吗？) or a reaction (好的？ 哈哈？ 可以？).
	if n <= 3 && !hasWord && (n < 2 || !endsFull && !endsASCII || !asksBare(trimmed)) {
		return false
	}
	switch {
	case endsFull || strings.Contains(t, "？"):
		return true
	case strong:
		return true
	case endsASCII && (hasWord || particle != ""):
		return true
	case strings.HasSuffix(trimmed, "了没有") && n >= 5: // 申报了没有: has it happened?
		return true
	case strings.HasSuffix(trimmed, "的吧") || strings.HasSuffix(trimmed, "是吧") || strings.HasSuffix(trimmed, "对吧"):
		return true
	case particle == "吗" || particle == "么" || particle == "嘛" && n <= whatAboutRunes, // 毕竟需要更好的平台嘛 insists
		containsAny(trimmed, clauseQuestions): // 群里有做担保的朋友吗，有业务勾兑
		return true
	case (particle == "不" || particle == "没" || particle == "否" && !strings.HasSuffix(trimmed, "与否") && !strings.HasSuffix(trimmed, "是否")) && n >= 5:
		return true
	case particle == "呢" && n >= 5 && n <= whatAboutRunes && !strings.ContainsAny(trimmed, "还都才正没") && !strings.Contains(trimmed, "以为") && !cues.has(cueNotAsking):
		return true // "房产、车子呢": what about them? (还养活孩子呢 only stresses)
	case hasWord && particle != "":
		return true
	case n <= 20 && cues.has(cueWh) && !cues.has(cueNotAsking) && !strings.HasSuffix(trimmed, "了"):
		return true
	}
	return false
}

// bareReactions make a very short text a reaction, a call or a fragment
// rather than a question.
var bareReactions = []string{"真的", "又是", "是吗", "是么", "不会", "感谢", "谢谢", "还是", "而且", "在吗", "在么", "有人", "人呢"}

// asksBare reports whether a text of two or three characters, marked as a
// question and without an asking word, asks about something (车贷 of 车贷？)
// rather than reacting (真的, 好的, 哈哈, 可以).
func asksBare(text string) bool {
	return !containsAny(text, bareReactions) && !containsAny(text, ackWords) && !isOneOf(text, affirmWords) &&
		!laughOnly(text) && !containsAny(text, thanksWords)
}

// isBareQuestion reports whether a question is a bare one (车贷？ 几度？
// 什么节奏): four characters at most besides its mark, no call to the group
// (在吗？ 有人吗？) and no reaction.
func isBareQuestion(f *features) bool {
	t := strings.TrimRightFunc(f.plain, isClosingMark)
	return f.question && utf8.RuneCountInString(t) <= bareQuestionRunes && asksBare(t)
}

// bareQuestionRunes is the longest bare question, its mark aside.
const bareQuestionRunes = 4

// givesOwnAnswer reports whether a text goes on to answer its own question
// (a speaker posting the questions they took, each with its answer: 问题：…？
// 回答：…): 答： or 回答： opening a clause, not 解答： inside a request
// (谁能解答：分账怎么做？).
func givesOwnAnswer(text string) bool {
	for _, mark := range []string{"答：", "答:"} {
		for rest, at := text, 0; ; {
			k := strings.Index(rest, mark)
			if k < 0 {
				break
			}
			before, _ := utf8.DecodeLastRuneInString(text[:at+k])
			if at+k == 0 || before == '回' || !unicode.Is(unicode.Han, before) {
				return true
			}
			at += k + len(mark)
			rest = text[at:]
		}
	}
	return false
}

// clauseQuestions end a clause with 吗 and go on: the clause asks.
var clauseQuestions = []string{"吗，", "吗,", "吗 ", "吗。"}

// whatAboutRunes is the longest "X呢" that asks about X without an asking
// word; a longer sentence ending in 呢 states something.
const whatAboutRunes = 8

// isEnglishQuestion reports whether a text without Han characters asks
// something: it has a question mark, or reads as a question without one
// (asksInEnglish); a call to the group (anyone?, hello?) asks nothing, as
// 有人吗？ does not, nor does a question its asker withdraws (…? Never
// mind, found it), as one posted with its own answer does not.
func isEnglishQuestion(sentences []enSentence, mark bool) bool {
	return (mark || asksInEnglish(sentences)) && !callsInEnglish(sentences) && !withdrawsInEnglish(sentences)
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

func isOneOf(s string, words []string) bool {
	for _, w := range words {
		if s == w {
			return true
		}
	}
	return false
}

func endsWithAny(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// softeners are the modest adverbs that may come before an asking phrase
// (弱弱的问一下, 顺便问下, 我也咨询个问题).
var softeners = []string{"弱弱的", "弱弱地", "默默的", "默默地", "默默", "顺便", "冒昧", "斗胆", "我也", "我再", "我想", "也想", "再"}

// opensWithAsk reports whether text opens with an asking phrase, perhaps
// after softeners (顺便再请教一下). An asking verb followed by 过 tells of
// asking done (我也咨询过银联), not of a question now.
func opensWithAsk(text string) bool {
	for {
		for _, p := range openers {
			if strings.HasPrefix(text, p) && !strings.HasPrefix(text[len(p):], "过") {
				return true
			}
		}
		rest := text
		for _, s := range softeners {
			if strings.HasPrefix(text, s) {
				rest = text[len(s):]
				break
			}
		}
		if rest == text {
			return false
		}
		text = rest
	}
}

func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
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
	if spacedOnce(s) {
		return s // as it would be written again, without copying it
	}
	return strings.Join(strings.Fields(s), " ")
}

// spacedOnce reports whether s is written as collapseSpace writes it: its
// words apart by one plain space each, no space before or after them.
func spacedOnce(s string) bool {
	afterSpace := true // as at the start of s, where no space may stand
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (r != ' ' || afterSpace) {
			return false
		}
		afterSpace = space
	}
	return !afterSpace || s == ""
}

// typingEffort is what text takes to type, counted in Chinese characters:
// one for each Han character (about three keystrokes of pinyin), a third
// for any other character (a letter, a digit, a space or a mark is one
// keystroke), so that typing speed means the same in Chinese and English.
func typingEffort(text string) float64 {
	han, other := 0, 0
	for _, r := range text {
		if isHan(r) {
			han++
		} else {
			other++
		}
	}
	return float64(han) + float64(other)/3
}
