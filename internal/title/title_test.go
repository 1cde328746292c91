package title

import (
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

func TestAskedPart(t *testing.T) {
	tests := []struct{ text, want string }{
		{"问题：会员中会员和支付会员，两套单独维护？ 回答：淘宝账户和支付宝账户应该不是一个吧", "会员中会员和支付会员，两套单独维护？"},
		{"问题: 对账怎么做? 回答: 每天跑批", "对账怎么做?"},
		{"我的问题：回答不了", "我的问题：回答不了"},
		{"对账怎么做？", "对账怎么做？"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := AskedPart(tt.text); got != tt.want {
				t.Errorf("AskedPart = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStripMentions(t *testing.T) {
	senders := []string{"shawn - fullrich - BJ", "陈创"}
	tests := []struct{ text, want string }{
		{"@陈立-银通支付-产品-上海 在商户平台申请", "  在商户平台申请"},
		{"@shawn - fullrich - BJ 你的观点呢", "  你的观点呢"},
		{"@陈创~兴业数金~产品~上海?", " ?"},
		{"@韩伟-双乾支付-技术-苏州?韩老师，结算给平台吗？", " 韩老师，结算给平台吗？"}, // the export's ? for the space after a mention
		{"@shawn - fullrich - BJ?你的观点呢", " 你的观点呢"},
		{"这个 ?", "这个 ?"},
		{"@甲@乙 好的", "   好的"},
		{"没有提到谁", "没有提到谁"},
		// Group display names that go on past a space, of people who are
		// not among the senders: removed whole.
		{"@杨彧-微众- 支付产品经理-上海?上次微众搞绑定银行卡支付减免的活动", " 上次微众搞绑定银行卡支付减免的活动"},
		{"这块可以请教@杨彧-微众- 支付产品经理-上海?", "这块可以请教 ?"},
		{"@Summer 梁夏-丰瑞祥-GM-BJ 蚂蚁金服有哪些？", "  蚂蚁金服有哪些？"},
		{"@jocelyn li-支付-上海 就是", "  就是"},
		{"@刘金 -有赞-研发-杭州?和关二哥认识", " 和关二哥认识"},
		{"@Allen -开元金融-技术经理-北京 代扣要签约吗", "  代扣要签约吗"},
		{"@汤霆 - 医美消金-pm-上海 @思奇-杉德-需求-上海 欢迎加入", "    欢迎加入"},
		{"@shawn - 小黑鱼 - 上海 我觉得确实打开略卡啊", "  我觉得确实打开略卡啊"},
		{"@Alice - 请问分账比例上限是多少？", "  请问分账比例上限是多少？"},
		{"@Alice - 怎么退款？", "  怎么退款？"},
		{"@Bob - 怎么设置notify_url？", "  怎么设置notify_url？"},
		{"@Alice - how to refund?", "  how to refund?"},
		{"@Tom - callback 收不到怎么办？", "  callback 收不到怎么办？"},
		{"@杨彧-微众- 支付产品经理 请问分账怎么开？", "  请问分账怎么开？"},
		{"@李四 - 腾讯财付通产品 请问分账怎么开？", "  请问分账怎么开？"},
		{"@小明 -请问对账文件几点出？", "  -请问对账文件几点出？"}, // the question stays
		{"@程垒(Pat )-海尔互金-上海 [握手]", "  [握手]"},
		{"@甲\u2005-乙-丙 好的", "  好的"},
		// What follows a mention after a space and is no name stays.
		{"@林-杭州银行-项目经理  ------------ 正文", "   ------------ 正文"},
		{"@周鑫-西安-支付-产品经理  2018-5-11 的文件", "   2018-5-11 的文件"},
		{"@王向东+卡联科技+产品总监+河南 客气~~", "  客气~~"},
		{"@梁新华-北京-金融支付产品 你的账户表上有一个subject_code", "  你的账户表上有一个subject_code"},
		{"@小明~ 你好", "  你好"},
		{"@张三 ~~好的", "  ~~好的"},
		{"@张三 -_- 好吧", "  -_- 好吧"},
		{"@李四 北京-上海-深圳 三地都有机房吗", "  北京-上海-深圳 三地都有机房吗"},
		{"@Tom T-1-D0 怎么算", "  T-1-D0 怎么算"},
		{"@Tom 2018-5-11-上午 的文件", "  2018-5-11-上午 的文件"},
		{"@Tom 分账-分润 怎么算", "  分账-分润 怎么算"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := StripMentions(tt.text, nil, senders); got != tt.want {
				t.Errorf("StripMentions(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestStripMentionsNamed checks the mentions a message names (its
// Mentions): a name with a space after its "@", and a name written
// without one, as a Telegram mention_name entity writes the display name,
// wherever it stands as a name of its own.
func TestStripMentionsNamed(t *testing.T) {
	tests := []struct {
		text     string
		mentions []string
		want     string
	}{
		{"Bob Zhang 张波 请教一下，退款接口幂等怎么做？", []string{"Bob Zhang 张波"}, "  请教一下，退款接口幂等怎么做？"},
		{"Alex 🇭🇰 请教一下，payout 是 T+2 吗？", []string{"Alex 🇭🇰"}, "  请教一下，payout 是 T+2 吗？"},
		{"问下 王芳，协议支付是什么？", []string{"王芳"}, "问下  ，协议支付是什么？"},
		{"@Bob Zhang 张波 请教一下", []string{"Bob Zhang 张波"}, "  请教一下"},
		{"@bobzh 请教一下", []string{"bobzh"}, "  请教一下"},
		{"王芳芳说的对", []string{"王芳"}, "王芳芳说的对"},
		{"Bobby 说过", []string{"Bob"}, "Bobby 说过"},
		{"@王芳 王芳说的对", []string{"王芳"}, "  王芳说的对"},
		{"没有提到谁", []string{""}, "没有提到谁"},
		{"Bob 请教一下，gRPC 的 deadline 怎么往下游传？", []string{"Bob Zhang 张波"}, "  请教一下，gRPC 的 deadline 怎么往下游传？"}, // mentioned by first name
		{"Bobby 说过", []string{"Bob Zhang"}, "Bobby 说过"},
		{"B 说过", []string{"B Zhang"}, "B 说过"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := StripMentions(tt.text, tt.mentions, nil); got != tt.want {
				t.Errorf("StripMentions(%q, %q) = %q, want %q", tt.text, tt.mentions, got, tt.want)
			}
		})
	}
}

func TestOf(t *testing.T) {
	tests := []struct{ plain, want string }{
		{"请教一下，微信分账接口怎么申请？", "微信分账接口怎么申请？"},
		{"各位大佬， 请问  网联  接口文档谁有？", "网联 接口文档谁有？"},
		{"问题：两套单独维护？ 回答：不是", "两套单独维护？"},
		{"请问", "请问"},
		{"请问微信的分账接口要怎么申请开通？", "请问微信的分账接口要怎么申请开通？"},
		{"各位是怎么处理金融和支付账户的", "各位是怎么处理金融和支付账户的"},
		{" ?网联和银联有网银产品么？", "网联和银联有网银产品么？"},
		// A question after a long lead-in: the title starts at the
		// earliest sentence from which the question fits.
		{strings.Repeat("背景很长", 20) + "。客户收货后才能算价格。这块可以采用代扣吗？", "…客户收货后才能算价格。这块可以采用代扣吗？"},
		{strings.Repeat("背景很长", 20) + "。这块可以采用代扣吗？后面还有很多话", "…这块可以采用代扣吗？后面还有很多话"},
		// Pasted code's ; and ! end no sentence.
		{"用BC，" + strings.Repeat("x.y(z);", 12) + "了吗？", "用BC，" + strings.Repeat("x.y(z);", 10) + "x.y(z…"},
		// A question within the first 80 runes keeps the lead-in.
		{"对了，这块可以采用代扣吗？" + strings.Repeat("后面", 40), "对了，这块可以采用代扣吗？" + strings.Repeat("后面", 33) + "…"},
		// Thanks, laughter or assent carried over from the talk before.
		{"谢谢。分账权限是不是要特殊渠道才能申请？", "分账权限是不是要特殊渠道才能申请？"},
		{"哈哈哈…你在软件园吗？", "你在软件园吗？"},
		{"好的，那平台的佣金怎么收？", "那平台的佣金怎么收？"},
		{"谢谢", "谢谢"},
		{"谢谢老师，分账怎么申请？", "谢谢老师，分账怎么申请？"},
		// An English lead-in ends its sentences with ". ".
		{strings.Repeat("Some long background. ", 5) + "So how do I update HACS? Thanks", "…Some long background. Some long background. So how do I update HACS? Thanks"},
		// A question of 78 runes after its lead-in ends within the title,
		// and the title ends with it.
		{strings.Repeat("背景", 30) + "。" + strings.Repeat("问", 77) + "？后面", "…" + strings.Repeat("问", 77) + "？"},
		// A question sentence longer than a title: from the clause from
		// which the question fits, when it says enough.
		{"我们这边 dashboard 显示 payout 一直 pending，而且 webhook 里 payout.paid 事件一直没来，客户在催，已经查了两天日志了，Stripe Connect 的 payout 到底是 T+2 还是 T+7？",
			"…客户在催，已经查了两天日志了，Stripe Connect 的 payout 到底是 T+2 还是 T+7？"},
		{strings.Repeat("背景很长", 20) + "，这样理解对吧？", strings.Repeat("背景很长", 19) + "背景很…"},
		{"用BC，" + strings.Repeat("x.y(a, b);", 8) + "了吗？", "用BC，" + strings.Repeat("x.y(a, b);", 7) + "x.y(a…"},
		// A question sentence longer than a title: cut as before.
		{strings.Repeat("很长", 50) + "吗？", strings.Repeat("很长", 39) + "很…"},
		// The export's "?" for the space after a stripped mention, after
		// the question mark.
		{"意思是云闪付h5，对么？ ?", "意思是云闪付h5，对么？"},
		{"能做到秒到啊？ ? ? ?", "能做到秒到啊？"},
		// After Chinese text a final " ?" is the export's lost character,
		// no question mark (核心功能呀@达文西-欣业邦-产品-重庆?), and goes with
		// the commas before it; after English it asks and stays.
		{"核心功能呀 ?", "核心功能呀"},
		{"需要单独和小米支付进行商务沟通吗？，， ?", "需要单独和小米支付进行商务沟通吗？"},
		{"改天星巴克见见[偷笑][偷笑] ?", "改天星巴克见见[偷笑][偷笑]"},
		{"how do I mount it ?", "how do I mount it ?"},
		{"does it work? ?", "does it work?"},
		{"核心功能呀?", "核心功能呀?"},
		{" ?", "?"},
	}
	for _, tt := range tests {
		t.Run(tt.plain, func(t *testing.T) {
			if got := Of(tt.plain); got != tt.want {
				t.Errorf("Of = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestOfLeadIns checks that a title does without the greetings and
// lead-ins a question starts with, Chinese and English, one after another,
// but not without words of the question, nor without the whole message.
func TestOfLeadIns(t *testing.T) {
	tests := []struct{ plain, want string }{
		{"各位早，请教一下：银联二维码的商户入网，现在还需要做实名认证回访吗？", "银联二维码的商户入网，现在还需要做实名认证回访吗？"},
		{"大家早上好！请问分账怎么开？", "请问分账怎么开？"}, // as 请问分账怎么开？ would be
		{"各位好，分账怎么开？", "分账怎么开？"},
		{"请教一下各位，微信有没有分账的接口？", "微信有没有分账的接口？"},
		{"请教各位大仙一个问题，二类户能做钱包吗？", "二类户能做钱包吗？"},
		{"问个小白问题，这样算二清吗？", "这样算二清吗？"},
		{"咨询下，非订单POS怎么对账？", "非订单POS怎么对账？"},
		{"请教个积分支付问题：积分能退吗？", "请教个积分支付问题：积分能退吗？"}, // it names its subject
		{"请教个问题：", "请教个问题："},
		{"哈哈哈.....你在软件园吗？", "你在软件园吗？"},
		{"好的.NET 怎么接支付宝？", "好的.NET 怎么接支付宝？"},
		{"各位早上好", "各位早上好"},
		{"Morning all. Does anyone know how long Stripe takes?", "Does anyone know how long Stripe takes?"},
		{"Hi everyone! How do I refund a payout?", "How do I refund a payout?"},
		{"Hey folks, is SEPA Instant live?", "is SEPA Instant live?"},
		{"hello there - what is a chargeback?", "what is a chargeback?"},
		{"Quick question: is SEPA Instant available for refunds too?", "is SEPA Instant available for refunds too?"},
		{"Hi all, quick question: how do refunds work?", "how do refunds work?"},
		{"hey, hello there! could anyone walk me through nfs?", "could anyone walk me through nfs?"},
		{"hi does anyone know a linux friendly card?", "does anyone know a linux friendly card?"},
		{"Good morning everyone... where is the wine channel?", "where is the wine channel?"},
		{"ok, how do i mount the system?", "how do i mount the system?"},
		{"hmm... and that returned no errors?", "and that returned no errors?"},
		{"Thanks! That won't be automated though, right?", "That won't be automated though, right?"},
		// Words of the question that look like a lead-in stay.
		{"Hello world example fails to build, why?", "Hello world example fails to build, why?"},
		{"history of the refunds API?", "history of the refunds API?"},
		{"okay so what now?", "okay so what now?"},
		{"question marks break the parser?", "question marks break the parser?"},
		{"thank you i will try", "thank you i will try"},
		// A lead-in alone is the message.
		{"Hi all!", "Hi all!"},
		{"thanks!", "thanks!"},
	}
	for _, tt := range tests {
		t.Run(tt.plain, func(t *testing.T) {
			if got := Of(tt.plain); got != tt.want {
				t.Errorf("Of = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestOfEnds checks where a title longer than Runes ends: at its question
// when more follows that would be cut and the question says enough, else
// at the end of a word, marked with "…".
func TestOfEnds(t *testing.T) {
	long := " We have 3 services using the same key and more words after it, and more."
	tests := []struct{ plain, want string }{
		{"Morning all. Does anyone know how long Stripe takes to release a payout after KYC is approved?",
			"Does anyone know how long Stripe takes to release a payout after KYC is…"},
		{"How do we rotate the API keys without downtime?" + long, "How do we rotate the API keys without downtime?"},
		{"How do we rotate the API keys without downtime??" + long, "How do we rotate the API keys without downtime??"},
		{"这个地方是如何区分是充值资金还是其他资金的呢？！" + strings.Repeat("不论是支付账户充值提回", 8), "这个地方是如何区分是充值资金还是其他资金的呢？！"},
		{"这个地方是如何区分是充值资金还是其他资金的呢？对银行而言，" + strings.Repeat("不论是支付账户充值提回", 8),
			"这个地方是如何区分是充值资金还是其他资金的呢？"},
		// After a "…" start too, when the question says enough.
		{strings.Repeat("long ", 18) + "background. Is this normal? Under normal operation will it stay up like this or go down again later on?",
			"…Is this normal? Under normal operation will it stay up like this or go down…"},
		{strings.Repeat("Some long background. ", 4) + "Is this behaviour normal? Under normal operation will it stay up like this?",
			"…Some long background. Some long background. Is this behaviour normal?"},
		// A question too short to say enough by itself: cut as before.
		{"Anyone?" + long + long, "Anyone? We have 3 services using the same key and more words after it, and more…"},
		{"这块可以采用代扣吗？" + strings.Repeat("后面", 40), "这块可以采用代扣吗？" + strings.Repeat("后面", 34) + "后…"},
		// A cut inside a word moves to the word's start, without the
		// spaces, commas and stops before it.
		{strings.Repeat("word ", 14) + "sandbox configuration", strings.Repeat("word ", 14) + "sandbox…"},
		{strings.Repeat("word ", 14) + "end. sandbox configuration", strings.Repeat("word ", 14) + "end…"},
		{strings.Repeat("word ", 14) + "end, sandbox configuration", strings.Repeat("word ", 14) + "end…"},
		{"用BC，KeyStore.getInstance(\"PKCS12\",\"BC\") 前 Security.addProvider(new BouncyCastleProvider()) 了吗，还是要别的配置",
			"用BC，KeyStore.getInstance(\"PKCS12\",\"BC\") 前 Security.addProvider(new…"},
		// A word that starts in the first half of the title (an address)
		// is cut where it is; Chinese is cut anywhere.
		{"see https://example.com/" + strings.Repeat("abcdefghij", 10), "see https://example.com/" + strings.Repeat("abcdefghij", 5) + "abcde…"},
		{strings.Repeat("很长", 50), strings.Repeat("很长", 39) + "很…"},
	}
	for _, tt := range tests {
		t.Run(tt.plain, func(t *testing.T) {
			got := Of(tt.plain)
			if got != tt.want {
				t.Errorf("Of = %q, want %q", got, tt.want)
			}
			if n := len([]rune(got)); n > Runes {
				t.Errorf("Of = %q, %d runes, more than %d", got, n, Runes)
			}
		})
	}
}

// TestWithoutBlocks checks that blocks of code leave a title's text, while
// code inside a line stays and stretches that are not the text's leave it
// as it is.
func TestWithoutBlocks(t *testing.T) {
	text := "看下 `ctx` 这段：\nx := 1\ny := 2\n为什么不生效？"
	inline := chatlog.Code{Start: 7, End: 12, From: 8, To: 11}
	block := chatlog.Code{Start: 23, End: 36, From: 23, To: 36, Block: true}
	tests := []struct {
		name string
		text string
		code []chatlog.Code
		want string
	}{
		{"a block leaves a space", text, []chatlog.Code{inline, block}, "看下 `ctx` 这段：\n \n为什么不生效？"},
		{"code inside a line stays", text, []chatlog.Code{inline}, text},
		{"code of several lines is a block", "a\nb 为什么？", []chatlog.Code{{Start: 0, End: 3, From: 0, To: 3}}, "  为什么？"},
		{"nothing but code", "x := 1\ny := 2", []chatlog.Code{{Start: 0, End: 13, From: 0, To: 13, Block: true}}, "x := 1\ny := 2"},
		{"a stretch past the text", "a", []chatlog.Code{{Start: 0, End: 9, From: 0, To: 9, Block: true}}, "a"},
	}
	for _, tt := range tests {
		if got := WithoutBlocks(tt.text, tt.code); got != tt.want {
			t.Errorf("%s: WithoutBlocks = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestQuestion checks the text a title is made from: without mentions and
// blocks of code, but with the blocks when only a mention would be left.
func TestQuestion(t *testing.T) {
	block := func(text, code string) []chatlog.Code {
		i := strings.Index(text, code)
		return []chatlog.Code{{Start: i, End: i + len(code), From: i, To: i + len(code), Block: true}}
	}
	const asked = "x := f()\nwhy does this fail?"
	tests := []struct {
		name, text string
		code       []chatlog.Code
		want       string
	}{
		{"no code", "@Bob why does this fail?", nil, "why does this fail?"},
		{"a block before the question", "@Bob x := f()\nwhy does this fail?", block("@Bob x := f()\nwhy", "x := f()\n"), "why does this fail?"},
		{"a mention and a block alone", "@Bob\n" + asked, block("@Bob\n"+asked, asked), "x := f() why does this fail?"},
	}
	for _, tt := range tests {
		// white space as Of reads it: runs of it are one space
		if got := strings.Join(strings.Fields(Question(tt.text, tt.code, []string{"Bob"}, nil)), " "); got != tt.want {
			t.Errorf("%s: Question = %q, want %q", tt.name, got, tt.want)
		}
	}
}
