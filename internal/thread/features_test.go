package thread

import (
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/chatlog"
)

func TestIsQuestion(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"微信有没有和支付宝一样的分账的接口？", true},
		{"分账权限是不是要特殊渠道才能申请", true},
		{"早鸟票什么意思", true},
		{"网联的接口文档方便发一个不", true}, // a request ending in 不 asks
		{"商业委托支付投入使用了吗", true},
		{"银行上报国际收支申报了没有", true},     // V了没有 asks whether it happened
		{"曾经有幸给秋秋老师端过几个月的茶", false}, // 过几个 counts a few
		{"一年几千万的流水怎么做", true},       // 几千 counts; 怎么 asks
		{"还没有", false},
		{"我从来没有", false},
		{"也不会退了是吧", true},
		{"房产、车子呢", true},  // what about them?
		{"还养活孩子呢", false}, // 呢 after 还 stresses
		{"没呢，我在开会呢", false},
		{"存管属于银行的表外业务，按照记账规则，还的记单边账呢", false},
		{"同问", false},
		{"能借鉴下嘛", true},
		{"群里有做融资担保业务的朋友吗，有业务勾兑", true}, // a clause ending in 吗 asks
		{"毕竟需要更好的平台嘛", false},          // a long sentence ending in 嘛 insists
		{"以为创业是玩呢", false},
		{"哦。。。我说呢", false},
		{"否则银行想怎么送就怎么送了", false},
		{"这个跟风控没啥关系", false},       // 啥 after a negation is indefinite
		{"我不信什么能一条路走到黑的战略", false}, // 什么 after a negated verb: "any"
		{"看不出什么", false},
		{"有没有什么资料可以介绍一下", true}, // 有没有 still asks
		{"这两个似乎没啥关系？", true},    // the mark still asks
		{"想开户哪都行", false},       // 哪 before 都: anywhere
		{"通道费手续费啥的", false},     // 啥 closes a list
		{"前几天刚切的网联", false},     // 几 counts a few days
		{"我关注的公众号最近几天都在狂推这个pdf", false},
		{"估计也用不了几天", false},
		{"怎么可能不赚钱", false},   // rhetorical
		{"这几天哪家通道比较稳", true}, // 这几天 asks nothing, 哪家 does
		{"一共多少钱", true},

		{"真的？", false},
		{"又是他？", false},
		{"车贷？", true}, // a bare question asks about what was just said
		{"招联的？", true},
		{"还是？", false}, // a connective alone
		{"好的？", false}, // a reaction
		{"哈哈？", false},
		{"在吗？", false}, // a call
		{"有人吗？", false},
		{"为啥？", true},
		{"啊？", false},  // one character
		{"四要素", false}, // no mark
		{"对", false},
		{"要单独申请", false},
		{"请教一下各位，优惠券和积分部分退款如何处理", true},
		{"你玩过?", false},
		{"备付金要交多少?", true},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := isQuestion(tt.text); got != tt.want {
				t.Errorf("isQuestion(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
	if textFeatures("做支付的不也是靠这个赚钱嘛").question {
		t.Error("不也…嘛 is rhetorical")
	}
}

func TestNormaliseName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"珞珈~恒丰银行~产品~北京", "珞珈恒丰银行产品北京"},
		{"珞珈-恒丰银行-产品-北京", "珞珈恒丰银行产品北京"},
		{"聚合支付_程昱_PM", "聚合支付程昱pm"},
		{"coral－群管理－深圳－产品", "coral群管理深圳产品"},
		{"朱黎明 海尔快捷通", "朱黎明海尔快捷通"},
	}
	for _, tt := range tests {
		if got := normaliseName(tt.in); got != tt.want {
			t.Errorf("normaliseName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGuestName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"欢迎文通老师~~", "文通"},
		{"欢迎韩总", ""}, // one character is too short to recognise
		{"欢迎海尔.快捷通架构童鞋的分享", ""},
		{"欢迎新朋友", "新朋友"},
		{"欢迎", ""},
	}
	for _, tt := range tests {
		if got := guestName(tt.in); got != tt.want {
			t.Errorf("guestName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestQuestionCues checks the cues messageFeatures adds to isQuestion:
// rhetorical questions assert, article titles that ask are headlines, and
// requests without a question form ask.
func TestQuestionCues(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"一个企业不是只有一个税号吗？", false},
		{"这不应该是产品该关心的事情么", false},
		{"但是转型哪那么容易", false},
		{"“花呗”服务协议惹风波，信息收集是否越界？ - FT中文网", false},
		{"请问微信分账接口 | 怎么申请？", true}, // asks the group for help: no article title
		{"咨询下，账务的余额表 - 每天几点汇总？", true},
		{"金融监管史上最大部门调整来临，28+15=26？方案有望6月出炉", false},
		{"有哪位朋友了解回望期权的？给解释一下，谢谢！", true},
		{"各位大佬，有一个支付BD岗的需求，求推荐。", true},
		{"麻烦提供下思路", true},
		{"四要素？", true},           // a payments term asked about
		{"你上次发的设计图麻烦再发一次", true}, // requests ask
		{"我想知道业务场景", true},
		{"我也想知道", false}, // joins someone else's question
		{"你说一下你的应用场景", true},
		{"龚老师指导下政策呗", true},
		{"自我介绍一下", false},
		{"我想知道的都在文档里了", false}, // states, asks nothing
		{"我说一下你的问题", false},
		{"我再发一次", false},                       // offers
		{"问题：户账分离是怎么做的？ 回答：根据对支付系统的设计", false}, // gives its own answer
		{"分账怎么做？答：找客户经理", false},
		{"谁能解答：分账怎么做？", true},   // 解答： asks for an answer
		{"目前是不是都是这么处理的？", true}, // 是不是 asks; the 么 of 这么 is no particle
		{"这种情况咋办[磕头]", true},
		{"不过不知道现在还能不能用了", false},
		{"厉害啊，韩老师啥都有", false},
		{"问一下你们管银联入网的同事吧", false}, // advice to ask someone
		{"好，我去问下", false},
		{"结汇一般T+1到T+2，T+3偏慢了，可以问问你们合作银行是不是批量处理的", false}, // advice to ask someone
		{"你最好问一下你对接的支付公司，每个公司不一样的", false},
		{"再问一下，户名是法人代表的结算户，是算个人的户还是企业的户", true}, // 再问一下 asks again
		{"可以问一下大家有没有做过数字人民币的吗", true},           // the closing 吗 asks
		{"请问哪里可以咨询一下备付金的问题", true},              // asks where
		{"哪位大佬可以问一下网联的对接人", true},
		{"有没有人知道找谁可以问问结汇", true},
		{"这就是为什么会有代沟", false},
		{"要看通道有没有开通这个权限", false}, // depends on whether
		{"关键是银行能不能给接口", false},
		{"也帮忙看看是否有遗漏的地方", true},  // a request to check asks
		{"先判断是否实名，这个接口有吗", true}, // the closing 吗 still asks
		{"再请教各位大神 知不知道有什么开源的项目", true},
		{"不知道是不是最新版的？", true}, // a question mark still asks
		{"网联的商业委托支付投入使用了吗？", true},
		{"能不能开的出来还是问题呢", false}, // whether it can is an open matter
		{"是否需要备案还不好说", false},
		{"有个过度资金存在哪个账户的问题", false}, // names a problem
		{"请问一个关于分账的问题", true},
		{"但是钱不是直接到商家了吗？收钱吧提现是什么情况？", true}, // asks after the rhetorical question
		{"钱不是直接到商家了吗？我觉得是", false},
		{"入手一个域名 可以否", true}, // a closing 否 asks
		{"有个问题想咨询一下", false}, // announces the question that follows
		{"各位大神 请问个问题", false},
		{"问个问题：", false},
		{"问个问题，比如说提现要收手续费，在收单层面是怎么做的？", true},
		{"有没有人遇到过支付失败的问题", true}, // asks about a problem
		{"这取决于你的业务合规与否", false},  // 与否 closes no question
		{"有没有不一定要营业执照的通道", true}, // 不一定 inside the clause asks on
		{"钱不是到商家了吗？难道不行？那提现怎么办？", true},
		{"钱不是到商家了吗？难道不行？", false},
		{"有了客人，还怕没菜？", false}, // 还怕, 何况, 还会有人 ask rhetorically
		{"清算组织都不可信了，何况普通的非持牌公司？", false},
		{"这么大的流量，还会有人觉得没有支付场景？", false},
	}
	for _, tt := range tests {
		if got := textFeatures(tt.text).question; got != tt.want {
			t.Errorf("question(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestOpener checks which questions open a topic: an asking phrase at the
// start (perhaps after a softener: 弱弱的, 顺便), or a question put to the
// whole group wherever it stands.
func TestOpener(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"请问 分账 有 限额 吗？", true},
		{"现在反洗钱是什么政策呢？哪位大拿科普下？", true},
		{"网联的接口文档谁有？", true},
		{"好吧，我也想问问题。对接过PayPal 支付的同学吗？", true},
		{"高频交易？", false},
		{"那现在还在用吗？", false},
		{"各位晚上好", false},            // a greeting, not a question
		{"群里的跨境支付大佬，请教一个问题呀", true}, // announces a question
		{"再请教一下", true},
		{"我也想问相同的问题", false},                 // me too
		{"弱弱的问一下，5台server想做虚拟化，一般怎么搞", true}, // a softener first
		{"顺便问下群里同学，银联跟支付宝是怎么合作的？", true},
		{"你最好问一下你对接的支付公司吧？", false}, // advice, not an asking phrase
		{"再问一次，到底要不要申请？", true},     // 再问 is an asking phrase itself
		{"顺便再请教一下，分账有限额吗？", true},   // two softeners
		{"我也咨询过银联，他们说不行吗？", false},  // asking done, not a question now
	}
	for _, tt := range tests {
		if got := textFeatures(tt.text).opener; got != tt.want {
			t.Errorf("opener(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestConfirm checks which questions only ask to confirm an understanding.
func TestConfirm(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"类似定金+尾款的模式对吧？", true},
		{"出款类的路由，一般都会很慎重的吧？", true},
		{"相当于每次做一遍签约并支付？", true},
		{"分账回退有时间限制吗？", false},
		{"总分核对应该是账账核对的一个维度", false}, // not a question
	}
	for _, tt := range tests {
		if got := textFeatures(tt.text).confirm; got != tt.want {
			t.Errorf("confirm(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestAck checks short acknowledgements, which answer nothing.
func TestAck(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"田老师。辛苦", true},
		{"明白了", true},
		{"收到", true},
		{"要单独申请", false},
	}
	for _, tt := range tests {
		if got := textFeatures(tt.text).ack; got != tt.want {
			t.Errorf("ack(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestInterjection checks the whole messages that only take note, which
// answer nothing: said alone, repeated or with closing marks, but not as
// the start of a longer line.
func TestInterjection(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"哦", true},
		{"哦哦哦。", true},
		{"谢了！", true},
		{"噢~", true},
		{"哦，还有这个接口", false},
		{"谢了谢了", false},
		{"额度多少", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := interjection(tt.text); got != tt.want {
			t.Errorf("interjection(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestLaughOnly checks that laughter alone reads as a sticker.
func TestLaughOnly(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"哈哈哈", true},
		{"呵呵，。", true},
		{"哈", false},
		{"哈哈，有道理", false},
	}
	for _, tt := range tests {
		if got := laughOnly(tt.text); got != tt.want {
			t.Errorf("laughOnly(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// textFeatures computes the cues of a text message.
func textFeatures(text string) features {
	m := chatlog.Message{Type: chatlog.TypeText, Text: text}
	return messageFeatures(&m, fieldTokenizer{})
}

// TestMentionsAll checks that a mention of the whole group (@所有人, @All)
// makes a notice of a statement and a topic of its own of a question.
func TestMentionsAll(t *testing.T) {
	tests := []struct {
		text           string
		notice, opener bool
	}{
		{"@所有人，大家好，关于推荐人员入群的事情，和大家统一说一下。", true, false},
		{"@所有人 开始了", true, false},
		{"@All,对账时拿不到终态怎么办？", false, true},
		{"@所有人 群里有谁做境外POS机通道？", false, true},
		{"@张三 开始了", false, false},
	}
	for _, tt := range tests {
		m := chatlog.Message{Type: chatlog.TypeText, Text: tt.text, Mentions: chatlog.ExtractMentions(tt.text)}
		f := messageFeatures(&m, fieldTokenizer{})
		if f.notice != tt.notice || f.opener != tt.opener {
			t.Errorf("%q: notice %v opener %v, want %v %v", tt.text, f.notice, f.opener, tt.notice, tt.opener)
		}
	}
}

// TestNewsAndPraise checks hearsay and penalty news read as headlines, and a
// praise word used for degree is no praise.
func TestNewsAndPraise(t *testing.T) {
	tests := []struct {
		text             string
		headline, thanks bool
	}{
		{"据说支付要发牌照了", true, false},
		{"今天听说了各家支付机构都在大裁员啊", true, false},
		{"刚和朋友聊，他们做汽车后市场，0费率T0送POS", true, false}, // what a friend just said, passed on
		{"刚才和一个日本做支付行业资讯的人聊天，他和我说日本做支付服务提供商，不需要证书", true, false},
		{"刚和你说的那个接口", false, false},
		{"刚跟你聊的那个问题，有结论了吗", false, false}, // a talk with the one addressed
		{"刚和银行确认了，可以开", false, false},
		{"没听说过哎。。。Javassist 比较常见", false, false},
		{"招商银行等5家银行分行被罚没1731万元", true, false},
		{"最近黄金跌的厉害", false, false},
		{"风风火火大渠道的聊天记录", true, false},
		{"20171218-微服务下支付宝接入", true, false},
		{"整理的好全[强][强][强]", false, true},
		{"厉害了[强]", false, true},
		{"羡慕", false, true},                          // a reaction, like praise
		{"有想跳槽的java开发没，简历丢过来，要招聘10人+。", true, false}, // a job ad is a notice
		{"我去年投了简历，后来也没回音了", false, false},            // talk about one's job is not
		{"现在支付行业的薪资都在降，跳槽要谨慎", false, false},
		{"专业办理支付牌照转让、ICP/EDI许可证，价格美丽，有需要的老板私聊我，V：paylicense888", true, false}, // an ad with a contact handle
		{"收单外包资质一站式搞定，包过，微信：abc_12345", true, false},
		{"这个通道我们在用，价格还可以，我一会私聊你", false, false},  // an offer without a handle
		{"我的微信：abc_12345，有问题可以问我", false, false}, // a handle without an offer
	}
	for _, tt := range tests {
		f := textFeatures(tt.text)
		if f.headline != tt.headline || f.thanks != tt.thanks {
			t.Errorf("%q: headline %v thanks %v, want %v %v", tt.text, f.headline, f.thanks, tt.headline, tt.thanks)
		}
	}
}

// TestSubwordsShared checks that a long Chinese word shares its first and
// last two characters with shorter words.
func TestSubwordsShared(t *testing.T) {
	ids := map[string]int32{}
	a, b, c := textFeatures("北方人 抗冻"), textFeatures("北方 的 零下"), textFeatures("南方 的 冬天")
	for _, f := range []*features{&a, &b, &c} {
		f.numberWords(ids)
	}
	p := DefaultParams()
	if _, n := lexical(&a, &b, p); n != 1 {
		t.Errorf("北方人 and 北方 share %d words, want 1", n)
	}
	if _, n := lexical(&a, &c, p); n != 0 {
		t.Errorf("北方人 and 南方 share %d words, want 0", n)
	}
}

// fsOf computes the cues of each message.
func fsOf(msgs []chatlog.Message) []features {
	fs := make([]features, len(msgs))
	for i := range msgs {
		fs[i] = messageFeatures(&msgs[i], fieldTokenizer{})
	}
	return fs
}

// TestRhetoricalMarks checks that rhetoricalMarks are exactly the literal
// words a match of rhetoricalRe can start with, so that the pre-check in
// rhetoricalEnd never skips a text the regexp would match.
func TestRhetoricalMarks(t *testing.T) {
	re, err := syntax.Parse(rhetoricalRe.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	starts, _ := literalStarts(re)
	slices.Sort(starts)
	want := slices.Clone(rhetoricalMarks)
	slices.Sort(want)
	if !slices.Equal(starts, want) {
		t.Errorf("rhetoricalRe starts with %q; rhetoricalMarks are %q", starts, want)
	}
}

// literalStarts lists the literal prefixes a match of re starts with, and
// whether re is literal throughout (so that what follows extends them).
func literalStarts(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpCapture:
		return literalStarts(re.Sub[0])
	case syntax.OpCharClass: // the parser factors 不是|不就 into 不[就是]
		var out []string
		for k := 0; k < len(re.Rune); k += 2 {
			if re.Rune[k+1]-re.Rune[k] > 16 {
				return nil, false
			}
			for r := re.Rune[k]; r <= re.Rune[k+1]; r++ {
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		whole := true
		for _, sub := range re.Sub {
			s, w := literalStarts(sub)
			out = append(out, s...)
			whole = whole && w
		}
		return out, whole
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			s, w := literalStarts(sub)
			if len(s) == 0 {
				return out, false
			}
			var next []string
			for _, a := range out {
				for _, b := range s {
					next = append(next, a+b)
				}
			}
			out = next
			if !w {
				return out, false
			}
		}
		return out, true
	}
	return nil, false
}

// TestEmojiReadLikeStickerCodes checks that an emoji and the WeChat sticker
// code for it give a message the same cues, whichever the exporter writes.
func TestEmojiReadLikeStickerCodes(t *testing.T) {
	pairs := []struct{ code, emoji string }{
		{"需要开发不[呲牙]", "需要开发不😁"},              // a final 不 still asks
		{"我去看看莱茨狗涨价没[捂脸]", "我去看看莱茨狗涨价没🤦‍♂️"}, // with a joiner and a variation selector
		{"啊？？[捂脸]", "啊？？🤦"},
		{"[强][强]", "👍👍"},
		{"分账 接口 上线 了[鼓掌]", "分账 接口 上线 了👏🏻"}, // with a skin tone
	}
	for _, p := range pairs {
		a, b := textFeatures(p.code), textFeatures(p.emoji)
		if a.plain != b.plain || a.question != b.question || a.sticker != b.sticker {
			t.Errorf("%q: plain %q question %v sticker %v; %q: plain %q question %v sticker %v",
				p.code, a.plain, a.question, a.sticker, p.emoji, b.plain, b.question, b.sticker)
		}
	}
}

// englishStickers are WeChat's English names of the stickers the corpus
// uses most, as an English-language phone writes them.
var englishStickers = strings.NewReplacer(
	"[强]", "[ThumbsUp]", "[鼓掌]", "[Clap]", "[捂脸]", "[Facepalm]", "[呲牙]", "[Grin]",
	"[偷笑]", "[Chuckle]", "[抱拳]", "[Fight]", "[奸笑]", "[Smirk]", "[坏笑]", "[Trick]",
	"[憨笑]", "[Laugh]", "[玫瑰]", "[Rose]", "[握手]", "[Shake]", "[阴险]", "[Sly]",
	"[机智]", "[Smart]", "[微笑]", "[Smile]", "[皱眉]", "[Concerned]", "[尴尬]", "[Awkward]",
	"[抠鼻]", "[NosePick]", "[发呆]", "[Scowl]", "[大哭]", "[Cry]", "[流汗]", "[Sweat]",
	"[抓狂]", "[Scream]", "[愉快]", "[Joyful]", "[嘿哈]", "[Hey]", "[可怜]", "[Whimper]",
	"[调皮]", "[Tongue]", "[月亮]", "[Moon]", "[衰]", "[Toasted]", "[胜利]", "[Peace]",
)

func TestIsStickerCode(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"[捂脸]", true},
		{"[吃瓜]", true}, // unlisted, short
		{"[Facepalm]", true},
		{"[facepalm]", true},
		{"[BrokenHeart]", true},
		{"[TaiChi L]", true},
		{"[Pooh-pooh]", true},
		{"[Announcement]", false}, // long and not listed
		{"[分账 接口]", false},
	}
	for _, tt := range tests {
		if got := isStickerCode(tt.code); got != tt.want {
			t.Errorf("isStickerCode(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

// TestEnglishStickerCodesCorpus writes the stickers of every corpus day by
// their English names, as a phone set to English exports them, and checks
// that every message keeps its parent and role.
func TestEnglishStickerCodesCorpus(t *testing.T) {
	if checkSameThreads(t, "with English sticker names", rewriteTexts(englishStickers.Replace)) == 0 {
		t.Fatal("no corpus day had a sticker to rename")
	}
}

// TestLegacyStickerCodesCorpus writes the stickers of every corpus day as
// older WeChat clients write them (/::) for [微笑], /:strong for [强]; the
// codes of dict/legacy-stickers.yaml), in the messages and the quotes in
// them, and checks that every message keeps its parent and role.
func TestLegacyStickerCodesCorpus(t *testing.T) {
	codes, err := dict.LegacyStickers()
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, c := range codes {
		pairs = append(pairs, "["+c.Name+"]", c.Code)
	}
	legacy := strings.NewReplacer(pairs...)
	days := checkSameThreads(t, "with legacy sticker codes", rewriteTextsAndQuotes(legacy.Replace))
	if days == 0 {
		t.Fatal("no corpus day had a sticker to write as a legacy code")
	}
}

// TestMentionSpaceMark checks that the ? some exports write for the space
// WeChat puts after a mention reads as that space: no question, and no
// question mark for the answer check.
func TestMentionSpaceMark(t *testing.T) {
	pairs := []struct{ marked, spaced string }{
		{"@姚雪峰-通联-产品-上海?可以", "@姚雪峰-通联-产品-上海\u2005可以"},
		{"@马文霞-产品经理-互金?友商么", "@马文霞-产品经理-互金\u2005友商么"},
		{"@张三?@李四?看下文档", "@张三\u2005@李四\u2005看下文档"},
	}
	for _, p := range pairs {
		a, b := textFeatures(p.marked), textFeatures(p.spaced)
		if a.plain != b.plain || a.question != b.question || a.affirm != b.affirm {
			t.Errorf("%q: plain %q question %v affirm %v; %q: plain %q question %v affirm %v",
				p.marked, a.plain, a.question, a.affirm, p.spaced, b.plain, b.question, b.affirm)
		}
		m := chatlog.Message{Text: p.marked, Type: chatlog.TypeText}
		if cuesOf(&m, &a).asks {
			t.Errorf("%q: the mark after a mention reads as a question mark", p.marked)
		}
	}
}

// TestNumbersShared checks that a figure two messages both give is a word
// they share (裁员50% and 说是50%), and that a lone digit is none.
func TestNumbersShared(t *testing.T) {
	seg, err := fuzzSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	feats := func(text string) features {
		m := chatlog.Message{Type: chatlog.TypeText, Text: text}
		return messageFeatures(&m, seg)
	}
	tests := []struct {
		a, b string
		want int
	}{
		{"动不动就裁员50%", "我听到的说是50%", 1},
		{"单笔不超3000", "限额3000还是5000", 1},
		{"第1步", "第1个", 0},
		{"裁员50%", "裁员30%", 1}, // 裁员 only
	}
	p := DefaultParams()
	for _, tt := range tests {
		ids := map[string]int32{}
		a, b := feats(tt.a), feats(tt.b)
		a.numberWords(ids)
		b.numberWords(ids)
		if _, n := lexical(&a, &b, p); n != tt.want {
			t.Errorf("%s and %s share %d words, want %d", tt.a, tt.b, n, tt.want)
		}
	}
}

// TestSharedTermsEvidenceNamesTheWords checks that the evidence of every
// shared-terms link of the sample day names the words shared, the ends of
// longer words (只能 of 只能靠) included, as lexical counts them.
func TestSharedTermsEvidenceNamesTheWords(t *testing.T) {
	log, res := sampleDay(t, DefaultModel("cocolian"))
	seen := 0
	for i, l := range res.Links {
		for _, e := range l.Evidence {
			if e.Kind != "shared-terms" {
				continue
			}
			seen++
			if e.Detail == "" {
				t.Errorf("message %d (%q): shared-terms evidence of weight %g names no word", i, log.Messages[i].Text, e.Weight)
			}
		}
	}
	if seen == 0 {
		t.Error("no shared-terms evidence on the sample day")
	}
}

// TestCaptionQuestion checks that a picture or file posted with a caption
// asks as a text would (a WhatsApp attachment with text, a Telegram photo
// with a caption, a Discord attachment with content, a Slack file with
// text), while a picture alone, a sticker, a placeholder or a shared
// article's title that asks does not.
func TestCaptionQuestion(t *testing.T) {
	tests := []struct {
		m    chatlog.Message
		want bool
	}{
		{chatlog.Message{Type: chatlog.TypeImage, Text: "Is this error normal after updating to 2024.1?", URL: "IMG-0001.jpg"}, true},
		{chatlog.Message{Type: chatlog.TypeImage, Text: "how do I get rid of this warning", URL: "shot.png"}, true},
		{chatlog.Message{Type: chatlog.TypeImage, Text: "这个报错是什么意思？", URL: "shot.png"}, true},
		{chatlog.Message{Type: chatlog.TypeLink, Text: "Here is my config, is the indentation right?", LinkTitle: "config.yaml", URL: "config.yaml"}, true},
		{chatlog.Message{Type: chatlog.TypeImage, Text: "My new dashboard, finally done!", URL: "shot.png"}, false},
		{chatlog.Message{Type: chatlog.TypeImage, URL: "shot.png"}, false},
		{chatlog.Message{Type: chatlog.TypeImage, Text: "[捂脸]", URL: "https://example.com/s.html"}, false},
		{chatlog.Message{Type: chatlog.TypeLink, Text: "[合并转发]"}, false},
		{chatlog.Message{Type: chatlog.TypeLink, Text: "支付清算的未来在哪里？", LinkTitle: "支付清算的未来在哪里？", URL: "https://example.com/a"}, false},
		{chatlog.Message{Type: chatlog.TypeLink, Text: "Is the new release safe?", LinkTitle: "Is the new release safe?", URL: "https://example.com/a"}, false},
	}
	for _, tt := range tests {
		if got := messageFeatures(&tt.m, fieldTokenizer{}).question; got != tt.want {
			t.Errorf("question(%s %q) = %v, want %v", tt.m.Type, tt.m.Text, got, tt.want)
		}
	}
}

// TestRepliesAreNoHeadlines checks that a line shaped like a title (a
// colon after its point) is a headline when posted on its own, but not as
// a reply the export marks: a quote, or a Telegram, Discord or Slack reply
// (用 WithTimeout：ctx 会自动带 deadline, answering a question).
func TestRepliesAreNoHeadlines(t *testing.T) {
	const text = "用 WithTimeout：ctx 会自动带 deadline"
	tests := []struct {
		name string
		m    chatlog.Message
		want bool
	}{
		{"posted on its own", chatlog.Message{Type: chatlog.TypeText, Text: text}, true},
		{"an explicit reply", chatlog.Message{Type: chatlog.TypeText, Text: text, ReplyToID: "17"}, false},
		{"a quoted reply", chatlog.Message{Type: chatlog.TypeText, Text: text, Quote: &chatlog.Quote{Sender: "陈静", Text: "这个报错是什么原因？"}}, false},
	}
	for _, tt := range tests {
		if got := messageFeatures(&tt.m, fieldTokenizer{}).headline; got != tt.want {
			t.Errorf("%s: headline = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCaptionPointsAtItsPicture checks that 这个 in a picture's caption
// points at the picture, not back into the conversation, while the same
// words as a text do.
func TestCaptionPointsAtItsPicture(t *testing.T) {
	const text = "这个报错是什么原因？"
	tests := []struct {
		m    chatlog.Message
		want bool
	}{
		{chatlog.Message{Type: chatlog.TypeText, Text: text}, true},
		{chatlog.Message{Type: chatlog.TypeImage, Text: text, URL: "photos/photo_3.jpg"}, false},
	}
	for _, tt := range tests {
		if got := messageFeatures(&tt.m, fieldTokenizer{}).anaphor; got != tt.want {
			t.Errorf("anaphor(%s %q) = %v, want %v", tt.m.Type, tt.m.Text, got, tt.want)
		}
	}
}

// TestAnswerLabelsAreNoHeadlines checks that a line opening by naming what
// it gives (原因：, 比如:) is no headline, while a news title with a colon is.
func TestAnswerLabelsAreNoHeadlines(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"原因：timestamp 用了毫秒，微信要秒级的", false},
		{"回答：有些公司的策略不同，有些是按照自然人来看的", false},
		{"比如:用户在支付平台提现的时候，根据提现金额选渠道", false},
		{"重磅：央行发布非银行支付机构监督管理条例实施细则", true},
		{"原因分析：支付机构备付金集中存管全面落地", true},
	}
	for _, tt := range tests {
		if got := textFeatures(tt.text).headline; got != tt.want {
			t.Errorf("headline(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestCollapseSpaceKeepsSpacedText checks collapseSpace, which returns a
// text spaced once as it is, against joining its fields anew.
func TestCollapseSpaceKeepsSpacedText(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "a\u3000b",
		"你好 世界", "你好\u3000世界", "x \xff y", "\xff", "how do I reset it", "how do I  reset it"} {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestGreetingsAndFarewells checks that wishes and goodbyes read as
// greetings, which answer nothing (a user review's 周末愉快 half an hour
// after an open question was taken for its answer).
func TestGreetingsAndFarewells(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"早上好", true}, {"晚安", true}, {"周末愉快", true}, {"大家周末愉快[玫瑰]", true}, {"拜拜", true},
		{"周末也要对账吗", false},
	} {
		m := chatlog.Message{Type: chatlog.TypeText, Text: tt.text}
		if got := messageFeatures(&m, nil).welcome; got != tt.want {
			t.Errorf("%q: greeting %v, want %v", tt.text, got, tt.want)
		}
	}
}
