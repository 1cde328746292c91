package thread

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
)

// fieldTokenizer splits on spaces: enough for tests of the link passes.
type fieldTokenizer struct{}

func (fieldTokenizer) Tokens(text string) []segment.Token {
	var toks []segment.Token
	pos := 0
	for _, w := range strings.Fields(text) {
		k := strings.Index(text[pos:], w) + pos
		toks = append(toks, segment.Token{Text: w, Start: k, End: k + len(w), Kind: segment.KindWord})
		pos = k + len(w)
	}
	return toks
}

// msg builds a text message at minute m of the test day.
func msg(sender, text string, m int, mentions ...string) chatlog.Message {
	base := time.Date(2018, 5, 4, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	return chatlog.Message{Sender: sender, Text: text, Time: base.Add(time.Duration(m) * time.Minute), Type: chatlog.TypeText, Mentions: mentions}
}

// cocolianContext prepares msgs for linking with the model of cocolian
// archives, the words split at spaces.
func cocolianContext(msgs []chatlog.Message) *linkContext {
	p := DefaultParams()
	p.Model = DefaultModel(chatlog.FormatCocolian)
	c, _, _ := prepare(&chatlog.Log{Messages: msgs}, fieldTokenizer{}, p)
	return c
}

// image builds a picture posted at minute m of the test day.
func image(sender string, m int) chatlog.Message {
	p := msg(sender, "", m)
	p.Type = chatlog.TypeImage
	return p
}

// system builds a platform notice (a join) at minute m of the test day.
func system(text string, m int) chatlog.Message {
	p := msg("", text, m)
	p.Type = chatlog.TypeSystem
	return p
}

// monologue builds n long messages by speaker, one a minute from minute
// from: a talk.
func monologue(speaker, words string, from, n int) []chatlog.Message {
	long := strings.Repeat(words, 8)
	msgs := make([]chatlog.Message, n)
	for k := range msgs {
		msgs[k] = msg(speaker, long, from+k)
	}
	return msgs
}

// link builds a shared article at minute m of the test day.
func link(sender, title string, m int) chatlog.Message {
	l := msg(sender, "", m)
	l.Type, l.LinkTitle, l.URL = chatlog.TypeLink, title, "https://example.com/a"
	return l
}

// linkWeightsOnly returns the embedded WeChat model without its rank
// weights: the hand-set link rules alone.
func linkWeightsOnly(t *testing.T) *Model {
	t.Helper()
	m := *DefaultModel("cocolian")
	m.Rank, m.RankTrees = nil, nil
	if err := m.index("wechat without rank"); err != nil {
		t.Fatal(err)
	}
	return &m
}

// TestBuildLinks checks the link rules; it runs the link weights without the
// rank weights, which learned choices are checked in train_test.go.
// A linkCase is a small day with the parent and role each message should get.
type linkCase struct {
	name    string
	msgs    []chatlog.Message
	speaker string
	parents []int // expected parent per message, -1 for a thread start
	roles   string
}

func TestBuildLinks(t *testing.T) {
	for _, tt := range linkCases() {
		t.Run(tt.name, func(t *testing.T) {
			log := day(tt.msgs...)
			log.Speaker = tt.speaker
			p := DefaultParams()
			p.Model = linkWeightsOnly(t)
			res := BuildWith(log, fieldTokenizer{}, p)
			for i, l := range res.Links {
				if l.Parent != tt.parents[i] {
					t.Errorf("message %d (%s): parent %d, want %d; evidence %+v", i, tt.msgs[i].Text, l.Parent, tt.parents[i], l.Evidence)
				}
			}
			if got := roleString(res.Links); got != tt.roles {
				t.Errorf("roles %s, want %s", got, tt.roles)
			}
			checkInvariants(t, res, len(tt.msgs))
		})
	}
}

// roleString writes the role of each link as Q, A or -.
func roleString(links []Link) string {
	var roles strings.Builder
	for _, l := range links {
		switch l.Role {
		case RoleQuestion:
			roles.WriteByte('Q')
		case RoleAnswer:
			roles.WriteByte('A')
		default:
			roles.WriteByte('-')
		}
	}
	return roles.String()
}

// linkCases are the days TestBuildLinks checks; TestDoubledExport checks
// that listing every message twice changes none of them.
func linkCases() []linkCase {
	return []linkCase{
		{
			name: "question, answer, continuation, thanks",
			msgs: []chatlog.Message{
				msg("A", "请教一下 微信 分账 接口 有没有？", 0),
				msg("B", "有的", 2),
				msg("B", "要 单独 申请", 2),
				msg("C", "京东 也 在 用", 3),
				msg("A", "谢谢", 4),
			},
			// C answers the question too, and the asker, who speaks
			// right after, thanks C.
			parents: []int{-1, 0, 1, 0, 3},
			roles:   "QAAA-",
		},
		{
			name: "a file the asker shares a while after the answer follows up on nothing",
			msgs: []chatlog.Message{
				msg("A", "分账 接口 怎么 申请？", 0),
				msg("B", "是的 @A", 1, "A"),
				link("A", "新美大外卖订单系统架构实践.pdf", 25),
			},
			parents: []int{-1, 0, -1},
			roles:   "QA-",
		},
		{
			name: "a call for introductions opens their round, though its rules name 签到",
			msgs: []chatlog.Message{
				msg("A", "欢迎 韩总", 0),
				msg("B", "欢迎 欢迎", 0),
				msg("Host", "进群的同学做一个自我介绍，19:15 开始 签到", 1),
				msg("C", "大家好，我是季康，产品经理", 2),
			},
			parents: []int{-1, 0, -1, 2},
			roles:   "----",
		},
		{
			name: "a message whose content the export lost answers nothing",
			msgs: []chatlog.Message{
				msg("A", "请教一下 微信 分账 接口 有没有？", 0),
				msg("B", "", 1),
				msg("B", "有的 要 单独 申请", 1),
			},
			parents: []int{-1, 0, 1},
			roles:   "Q-A",
		},
		{
			name: "a bare question asks about what was just said",
			msgs: []chatlog.Message{
				msg("A", "今日头条 在 收购 支付 牌照", 0),
				msg("B", "不是 已经 收 了 吗", 1),
				msg("A", "问 老熊 就 知道 了", 2),
				msg("C", "打赏？", 20),
			},
			parents: []int{-1, 0, 0, 2},
			roles:   "---Q",
		},
		{
			name: "a bystander's quick question joins the exchange running",
			msgs: []chatlog.Message{
				msg("A", "预付卡 能 提现 吗？", 0),
				msg("B", "不能 提现 最多 原路 退回", 1),
				msg("C", "有 发卡 资质 也 不行？", 1),
			},
			parents: []int{-1, 0, 1},
			roles:   "QAQ",
		},
		{
			name: "a quick question to the group opens a topic",
			msgs: []chatlog.Message{
				msg("A", "预付卡 能 提现 吗？", 0),
				msg("B", "不能 提现 最多 原路 退回", 1),
				msg("C", "群里 有 做过 基金 支付 的 同行 么", 1),
			},
			parents: []int{-1, 0, -1},
			roles:   "QAQ",
		},
		{
			name: "a sticker joins the conversation its sender is in",
			msgs: []chatlog.Message{
				msg("A", "备付金 要 交 多少？", 0),
				msg("B", "百分之百 集中 存管", 1),
				msg("A", "[捂脸]", 2),
			},
			parents: []int{-1, 0, 1},
			roles:   "QA-",
		},
		{
			name: "a welcome wave does not swallow a question",
			msgs: []chatlog.Message{
				msg("Host", "欢迎 韩总[鼓掌]", 0),
				msg("B", "欢迎韩总[鼓掌]", 1),
				msg("C", "请问 协议支付 和 认证支付 有什么区别？", 1),
				msg("D", "欢迎韩总", 2),
				msg("E", "[强]", 2),
			},
			parents: []int{-1, 0, -1, 0, 0},
			roles:   "--Q--",
		},
		{
			name: "the welcomed guest, thanks and a word to the guest join the wave",
			msgs: []chatlog.Message{
				msg("A", "欢迎文通老师~~", 0),
				msg("B", "欢迎文通老师~~", 5),
				msg("C", "嘿嘿，谢谢老熊", 13),
				msg("喵喵家的文通", "总算 进来 了 以后 多 交流", 16),
				msg("D", "[呲牙]文通老师", 19),
				msg("E", "网联 协议支付 上线 了 吗？", 20),
			},
			parents: []int{-1, 0, 0, 0, 0, -1},
			roles:   "-----Q",
		},
		{
			name: "check-ins keep joining an announced talk's wave until it begins",
			msgs: []chatlog.Message{
				msg("Host", "今天请到一位朋友给大家做分享，开始时间为19:30，欢迎欢迎", 0),
				msg("B", "签到", 5),
				msg("C", "签到", 50),
				msg("D", "签到", 95),
			},
			parents: []int{-1, 0, 0, 0},
			roles:   "----",
		},
		{
			name: "an answerer's line well after their answer is a comment, not more of the answer",
			msgs: []chatlog.Message{
				msg("A", "代扣 通道 还有 吗？", 0),
				msg("B", "有 的 招行 还 在 做", 1),
				msg("B", "对公 的 也 有", 2),
				msg("B", "银行 最近 都 挺难 的", 9),
			},
			parents: []int{-1, 0, 1, 2},
			roles:   "QAA-",
		},
		{
			name: "a sticker after a cheer cheers what the cheer cheered",
			msgs: []chatlog.Message{
				msg("A", "20171218-微服务下支付宝接入", 0),
				msg("B", "整理的好全[强][强]", 60),
				msg("C", "[强]", 95),
			},
			parents: []int{-1, 0, 0},
			roles:   "---",
		},
		{
			name: "a line the export lost joins the message before it, unless it comes much later",
			msgs: []chatlog.Message{
				msg("A", "代扣 通道 还有 吗？", 0),
				msg("B", "有 的", 1),
				msg("", "", 2),
				msg("", "", 40),
			},
			parents: []int{-1, 0, 1, -1},
			roles:   "QA--",
		},
		{
			name: "a morning greeting after the morning news greets, it does not react to the news",
			msgs: []chatlog.Message{
				msg("A", "20171231-银联信用卡分期新规发布", 0),
				msg("B", "早", 21),
				msg("C", "早", 40),
			},
			parents: []int{-1, -1, 1},
			roles:   "---",
		},
		{
			name: "an announced question opens its own topic; the announcement has no role",
			msgs: []chatlog.Message{
				msg("A", "电汇 业务 怎么 做？", 0),
				msg("B", "再请教一下", 1),
				msg("B", "退款 一般 几天 到账？", 1),
			},
			parents: []int{-1, -1, 1},
			roles:   "Q-Q",
		},
		{
			name: "a re-post links to the original",
			msgs: []chatlog.Message{
				msg("A", "有没有直播课程", 0),
				msg("B", "网联 断直连 新规", 95),
				msg("C", "有没有直播课程", 96),
			},
			parents: []int{-1, -1, 0},
			roles:   "Q-Q",
		},
		{
			name: "a short question pointing back (这个) joins the conversation",
			msgs: []chatlog.Message{
				msg("A", "微信 分账 接口 有没有？", 0),
				msg("B", "分账接口V1.3.pdf", 2),
				msg("C", "京东 是不是 用的 这个？", 3),
			},
			parents: []int{-1, 0, 1},
			roles:   "QAQ",
		},
		{
			name: "a lone sticker reacts to the message before, even after a pause",
			msgs: []chatlog.Message{
				msg("A", "升级 版本 之后 好了", 0),
				msg("B", "[强]", 60),
			},
			parents: []int{-1, 0},
			roles:   "--",
		},
		{
			name: "a notice to the group does not answer the question before it",
			msgs: []chatlog.Message{
				msg("A", "这种 卡 是 什么 卡？", 0),
				msg("B", "如果 有人 用 ZipKin 的 时候 注意一下 默认 版本 要 升级", 1),
			},
			parents: []int{-1, -1},
			roles:   "Q-",
		},
		{
			name: "a rhetorical question (不是…吗) answers rather than asks",
			msgs: []chatlog.Message{
				msg("A", "500个 税号 是不是 指 企业 有 500个 单位？", 0),
				msg("B", "一个 企业 不是 只有 一个 税号 吗？", 20),
			},
			parents: []int{-1, 0},
			roles:   "QA",
		},
		{
			name: "a remark after a round of stickers follows the message they cheered",
			msgs: []chatlog.Message{
				msg("A", "外汇 杠杆 1:400", 0),
				msg("B", "[强]", 1),
				msg("C", "[强]", 1),
				msg("D", "只要 不是 比特币 就 没事", 2),
			},
			parents: []int{-1, 0, 1, 0},
			roles:   "----",
		},
		{
			name: "a question the same people carry on with continues their conversation",
			msgs: []chatlog.Message{
				msg("A", "今天 行情 不错", 0),
				msg("B", "确实 涨 了", 0),
				msg("A", "估计 还会 涨", 1),
				msg("C", "现在 买 什么 基金 比较 好？", 2),
				msg("A", "基金 也 一般", 3),
				msg("C", "好吧", 3),
			},
			parents: []int{-1, 0, 0, 2, 3, 4},
			roles:   "---QA-",
		},
		{
			name: "a question with an asking phrase opens its own thread",
			msgs: []chatlog.Message{
				msg("A", "今天 行情 不错", 0),
				msg("B", "确实 涨 了", 0),
				msg("A", "估计 还会 涨", 1),
				msg("C", "请问 现在 买 什么 基金 比较 好？", 2),
				msg("A", "基金 也 一般", 3),
				msg("C", "好吧", 3),
			},
			parents: []int{-1, 0, 0, -1, 3, 4},
			roles:   "---QA-",
		},
		{
			name: "a question starts a thread when the conversation before it goes on",
			msgs: []chatlog.Message{
				msg("A", "今天 行情 不错", 0),
				msg("B", "确实 涨 了", 0),
				msg("A", "估计 还会 涨", 1),
				msg("C", "现在 买 什么 基金 比较 好？", 2),
				msg("B", "@A 明天 还会 涨", 2, "A"),
				msg("D", "基金 也 一般", 3),
			},
			// A answers B, who speaks next: 估计还会涨 replies to 确实涨了.
			parents: []int{-1, 0, 1, -1, 2, 3},
			roles:   "---Q-A",
		},
		{
			name: "a sender's stories each start a thread",
			msgs: []chatlog.Message{
				link("A", "央行 对 互联网 存款 窗口 指导", 0),
				link("A", "美团 回应 裁员 传言", 1),
				msg("A", "寒冬 凛冽", 3),
				link("A", "广州 地铁 可续期 行权", 9),
			},
			parents: []int{-1, -1, 1, -1},
			roles:   "----",
		},
		{
			name: "a mention picks up what the person said in the sender's conversation",
			msgs: []chatlog.Message{
				msg("A", "招行 能 汇款 吗？", 0),
				msg("B", "可以 汇", 1),
				msg("C", "请问 动账 通知 是 什么 形式？", 2),
				msg("B", "111 报文", 3),
				msg("A", "@B 私户 充值 一般 不做 吧？", 4, "B"),
			},
			parents: []int{-1, 0, -1, 2, 1},
			roles:   "QAQAQ",
		},
		{
			name: "an asker restating their unanswered question continues it",
			msgs: []chatlog.Message{
				msg("A", "请教下，有前辈玩过 cassandra 吗？", 0),
				msg("A", "请教下 cassandra 数据 迁移 的 问题，有前辈玩过吗？", 1),
				msg("B", "迁移 用 sstableloader", 3),
			},
			parents: []int{-1, 0, 1},
			roles:   "QQA",
		},
		{
			name: "a question that checks an understanding follows what it checks",
			msgs: []chatlog.Message{
				msg("A", "分笔 支付 加 部分 退款 的 需求", 0),
				msg("B", "类似 定金 加 尾款 的 模式 对吧？", 1),
				msg("A", "对", 2),
			},
			parents: []int{-1, 0, 1},
			roles:   "-QA",
		},
		{
			name: "thanks said again later is no re-post",
			msgs: []chatlog.Message{
				msg("A", "分账 怎么 做？", 0),
				msg("B", "看 文档", 1),
				msg("A", "谢谢龚老师", 2),
				msg("C", "备付金 交 多少？", 120),
				msg("D", "全额 交存", 121),
				msg("C", "谢谢龚老师", 122),
			},
			parents: []int{-1, 0, 1, -1, 3, 4},
			roles:   "QA-QA-",
		},
		{
			name: "a question repeated by the one who then answers it is the words they take up",
			msgs: []chatlog.Message{
				msg("A", "超级网银 支持 公对公 付款 吗？", 0),
				msg("B", "超级网银 支持 公对公 付款 吗？", 2),
				msg("B", "超网 目前 只 支持 私对私", 2),
			},
			parents: []int{-1, 0, 1},
			roles:   "Q-A",
		},
		{
			name: "a question pasted in front of a reply is quoted, and the reply asks only if its own words ask",
			msgs: []chatlog.Message{
				msg("A", "超级网银 是 人行 弄 的 吗", 0),
				msg("C", "备付金 交 多少？", 1),
				msg("D", "全额 交存", 2),
				msg("B", "超级网银 是 人行 弄 的 吗 ------ 是的 ， 也 叫做 第二代 支付 系统", 3),
				msg("E", "联行 往来 的 记账 能 举 个 例子 吗？", 4),
				msg("B", "联行 往来 的 记账 能 举 个 例子 吗？ ----- 记账 分录 这个 是 指 单笔 交易 的 科目 吗？", 5),
			},
			parents: []int{-1, -1, 1, 0, -1, 4},
			roles:   "QQAAQQ",
		},
		{
			name: "a question repeated and left standing asks again",
			msgs: []chatlog.Message{
				msg("A", "有没有 直播 课程？", 0),
				msg("B", "有没有 直播 课程？", 20),
				msg("D", "备付金 交 多少？", 22),
				msg("E", "全额 交存", 23),
			},
			parents: []int{-1, 0, -1, 2},
			roles:   "QQQA",
		},
		{
			name: "a message the export lists twice is one message with one role",
			msgs: []chatlog.Message{
				msg("A", "分账 怎么 做？", 0),
				msg("A-群昵称", "分账 怎么 做？", 0),
				msg("B", "看 文档", 1),
				msg("B-群昵称", "看 文档", 1),
			},
			parents: []int{-1, 0, 0, 2}, // replies go to the first listing
			roles:   "QQAA",
		},
		{
			name: "laughter is a reaction, not the message an answer follows",
			msgs: []chatlog.Message{
				msg("A", "故纸堆 翻出来 的 谁有？", 0),
				msg("B", "哈哈哈", 1),
				msg("C", "这本书 我 有", 1),
			},
			parents: []int{-1, 0, 0},
			roles:   "Q-A",
		},
		{
			name: "a question about the picture its sender just posted continues it",
			msgs: []chatlog.Message{
				msg("A", "各位大牛", 0),
				image("A", 0),
				msg("A", "这个 是 啥 系统 ， 有没有人 了解？", 0),
				msg("B", "同城 交换", 3),
			},
			parents: []int{-1, 0, 1, 2},
			roles:   "--QA",
		},
		{
			name: "praise no conversation claims goes to the article shared before",
			msgs: []chatlog.Message{
				link("Bot", "20171218-微服务下支付宝接入", 0),
				msg("A", "对账 差错 怎么 处理？", 30),
				msg("B", "看 日切", 31),
				msg("C", "整理的好全[强]", 150),
				msg("D", "看了 里面 讨论 的 一账通", 160),
			},
			parents: []int{-1, -1, 1, 0, 0},
			roles:   "-QA--",
		},
		{
			name: "a question put to you asks the one who just spoke",
			msgs: []chatlog.Message{
				msg("A", "现在 这些 银行 和 农行 支持 电汇", 0),
				msg("B", "你们 咋 测 的？", 4),
				msg("C", "有人 用过 星云 吗？", 5),
				msg("D", "冻结 资金 你们 一般 怎么 设计 的？", 6),
			},
			parents: []int{-1, 0, -1, -1},
			roles:   "-QQQ",
		},
		{
			name: "a short remark after a pause comments on the last thing said",
			msgs: []chatlog.Message{
				msg("A", "谈 信仰 的 人 都 在 为 信仰 充值", 0),
				msg("B", "[强]", 1),
				msg("C", "一看 就是 做 支付 的", 32),
				msg("E", "群聊的聊天记录", 34),
			},
			parents: []int{-1, 0, 0, -1},
			roles:   "----",
		},
		{
			name: "a plea for help put to someone by name asks them something new",
			msgs: []chatlog.Message{
				msg("B", "分账 接口 上线 了", 0),
				msg("C", "恭喜", 1),
				msg("A", "@B 请教一下， 公司 内部 网络 访问 是不是 有 困难？", 2, "B"),
				msg("B", "没有", 3),
			},
			parents: []int{-1, 0, -1, 2},
			roles:   "--QA",
		},
		{
			name: "a round of stickers cheers one message",
			msgs: []chatlog.Message{
				msg("A", "山哥 谈 支付 系统", 0),
				msg("B", "[强][强]", 1),
				msg("C", "[强]", 2),
			},
			parents: []int{-1, 0, 0},
			roles:   "---",
		},
		{
			name: "a short question about words just said asks their speaker",
			msgs: []chatlog.Message{
				msg("A", "业务 系统 根据 业务指令 去 记账", 0),
				msg("B", "对账 一般 参考 资金", 0),
				msg("B", "业务指令 ？", 1),
			},
			parents: []int{-1, 0, 0},
			roles:   "--Q",
		},
		{
			name: "the host's new call to check in opens a new round",
			msgs: []chatlog.Message{
				msg("Host", "大家好， 友情提示 一下 入群 推荐 的 事情 请 大家 理解", 0),
				msg("A", "欢迎", 1),
				msg("B", "欢迎", 2),
				msg("Host", "老规矩， 19:15 开始签到 ， 签到手势 为 [OK]", 5),
				msg("C", "签到", 6),
				msg("D", "签到", 6),
			},
			parents: []int{-1, 0, 0, -1, 3, 3},
			roles:   "------",
		},
		{
			name: "replies go to the first listing of a message the export lists twice",
			msgs: []chatlog.Message{
				msg("杜雷", "国外 信用卡 怎么 校验 的？", 0),
				msg("杜雷-乐天-技术", "国外 信用卡 怎么 校验 的？", 0),
				msg("杜雷", "好奇", 1),
				msg("陈鹏", "@杜雷-乐天-技术 连 visa 就 可以", 2, "杜雷-乐天-技术"),
			},
			parents: []int{-1, 0, 0, 2},
			roles:   "QQ-A",
		},
		{
			name: "morning greetings are one wave",
			msgs: []chatlog.Message{
				msg("A", "早", 0),
				msg("B", "早", 19),
				msg("C", "大家早", 25),
			},
			parents: []int{-1, 0, 0},
			roles:   "---",
		},
		{
			name: "after a long pause an unrelated message starts a thread",
			msgs: []chatlog.Message{
				msg("A", "对账 差错 怎么 处理", 0),
				msg("B", "看 日切", 1),
				msg("C", "今天 天气 不错", 120),
			},
			parents: []int{-1, 0, -1},
			roles:   "QA-",
		},
		{
			name: "a remark passes over stickers and a join line to the message they cheered",
			msgs: []chatlog.Message{
				msg("A", "谈 信仰 的 人 都 在 为 信仰 充值", 0),
				msg("B", "[强]", 1),
				system("张三 加入了群聊", 2),
				msg("C", "一看 就是 做 支付 的", 32),
			},
			parents: []int{-1, 0, -1, 0},
			roles:   "----",
		},
		{
			name: "the host's second call right after the first is the same round",
			msgs: []chatlog.Message{
				msg("Host", "欢迎 新 朋友 ，老规矩， 19:15 开始签到 ，签到手势 为 [OK]", 0),
				msg("Host", "欢迎 大家 ，友情提示 ： 19:30 开始签到 ，签到手势 为 [OK]", 1),
				msg("A", "欢迎", 2),
			},
			parents: []int{-1, 0, 0},
			roles:   "---",
		},
	}
}

// TestDoubledExport checks that an export listing every message twice, the
// second time under the sender's other name, threads the first listings as
// the plain log does: each copy links to its first listing and takes its
// role, and nothing else moves.
// checkRewrittenCase threads link case tt as it is and as rewritten, where
// message k of tt stands at at[k], and checks that every message keeps its
// parent and role. It returns both results for further checks.
func checkRewrittenCase(t *testing.T, tt linkCase, rewritten []chatlog.Message, at []int) (plain, res *Result) {
	t.Helper()
	p := DefaultParams()
	p.Model = linkWeightsOnly(t)
	plainLog, rewrittenLog := day(tt.msgs...), day(rewritten...)
	plainLog.Speaker, rewrittenLog.Speaker = tt.speaker, tt.speaker
	plain = BuildWith(plainLog, fieldTokenizer{}, p)
	res = BuildWith(rewrittenLog, fieldTokenizer{}, p)
	for k, l := range plain.Links {
		want := -1
		if l.Parent >= 0 {
			want = at[l.Parent]
		}
		if got := res.Links[at[k]]; got.Parent != want || got.Role != l.Role {
			t.Errorf("message %d (%s): parent %d role %q, want %d %q (as message %d as written); evidence %+v; as written %+v",
				at[k], tt.msgs[k].Text, got.Parent, got.Role, want, l.Role, k, got.Evidence, l.Evidence)
		}
	}
	checkInvariants(t, res, len(rewritten))
	return plain, res
}

func TestDoubledExport(t *testing.T) {
	for _, tt := range linkCases() {
		t.Run(tt.name, func(t *testing.T) {
			for k := range tt.msgs {
				if chatlog.ExportCopy(tt.msgs, k) {
					t.Skip("the day has messages of the same text and minute already")
				}
			}
			var doubled []chatlog.Message
			first := make([]int, len(tt.msgs)) // position of each message in doubled
			for k, m := range tt.msgs {
				first[k] = len(doubled)
				doubled = append(doubled, m)
				if m.Text != "" && m.Type != chatlog.TypeSystem { // a notice has no sender to list under two names
					copied := m
					copied.Sender += "-群名片"
					doubled = append(doubled, copied)
				}
			}
			plain, res := checkRewrittenCase(t, tt, doubled, first)
			for k, l := range plain.Links {
				if c := first[k] + 1; c < len(doubled) && (k+1 == len(first) || c < first[k+1]) {
					if res.Links[c].Parent != first[k] || res.Links[c].Role != l.Role {
						t.Errorf("copy %d of message %d: parent %d role %q, want %d %q", c, first[k], res.Links[c].Parent, res.Links[c].Role, first[k], l.Role)
					}
				}
			}
		})
	}
}

// TestLostCopyTakesNoRole checks that on a day listed twice, a second
// listing whose content the export lost links to its first listing but
// takes no role, while a whole copy of an answer is an answer too.
func TestLostCopyTakesNoRole(t *testing.T) {
	msgs := []chatlog.Message{
		msg("A", "分账 接口 怎么 申请？", 0), msg("A-快钱", "分账 接口 怎么 申请？", 0),
		msg("B", "在 商户 平台 申请", 1), msg("B-银联", "", 1),
		msg("C", "找 客户 经理 开通", 2), msg("C-通联", "找 客户 经理 开通", 2),
	}
	res := Build(day(msgs...), fieldTokenizer{})
	checkInvariants(t, res, len(msgs))
	for _, tc := range []struct {
		i      int
		parent int
		role   Role
	}{{2, 0, RoleAnswer}, {3, 2, RoleNone}, {4, 0, RoleAnswer}, {5, 4, RoleAnswer}} {
		if l := res.Links[tc.i]; l.Parent != tc.parent || l.Role != tc.role {
			t.Errorf("message %d (%q): parent %d role %q, want %d %q; evidence %+v", tc.i, msgs[tc.i].Text, l.Parent, l.Role, tc.parent, tc.role, l.Evidence)
		}
	}
}

// TestNoticesPassedOver puts a platform notice (a join) after every message
// of each link case and checks that every message keeps its parent and role:
// the WeChat model passes over notices, so they count in no distance and
// stand beside no reply.
func TestNoticesPassedOver(t *testing.T) {
	for _, tt := range linkCases() {
		t.Run(tt.name, func(t *testing.T) {
			var withNotices []chatlog.Message
			at := make([]int, len(tt.msgs)) // position of each message in withNotices
			for k, m := range tt.msgs {
				at[k] = len(withNotices)
				withNotices = append(withNotices, m)
				if k+1 < len(tt.msgs) && chatlog.ExportCopy(tt.msgs, k+1) {
					continue // no export splits a message from its second listing
				}
				withNotices = append(withNotices, chatlog.Message{Time: m.Time, Type: chatlog.TypeSystem, Text: `"新人"加入了群聊`})
			}
			_, res := checkRewrittenCase(t, tt, withNotices, at)
			for n, m := range withNotices {
				if m.Type == chatlog.TypeSystem && m.Sender == "" && (res.Links[n].Parent != -1 || res.Links[n].Role != "") {
					t.Errorf("notice %d: parent %d role %q, want a thread of its own", n, res.Links[n].Parent, res.Links[n].Role)
				}
			}
		})
	}
}

func TestTalk(t *testing.T) {
	msgs := []chatlog.Message{msg("Host", "今天 请到 @韩伟-双乾支付 给 大家 做 分享，欢迎", 0, "韩伟-双乾支付")}
	msgs = append(msgs, monologue("心有灵浠", "支付 公司 与 银行 的 合作 模式 ", 10, 6)...)
	msgs = append(msgs,
		msg("B", "[强]", 17),
		msg("C", "@韩伟-双乾支付 商业委托支付 可以 开给 p2p 吗？", 18, "韩伟-双乾支付"),
		msg("心有灵浠", "要 一家 一家 银行 谈", 19),
		msg("D", "谢谢分享", 40),
		msg("E", "群里 都是 大佬", 41),
		msg("E", "学习 了", 41),
		msg("心有灵浠", "还有 一点 好处 合作 之后 银行 可以 给 商户 提供 融资 服务", 45),
	)
	log := day(msgs...)
	log.Speaker = "心有灵浠"
	res := Build(log, fieldTokenizer{})
	talk := res.Links[1].Thread
	if res.Threads[talk].Kind != KindTalk {
		t.Fatalf("thread of the talk has kind %s", res.Threads[talk].Kind)
	}
	for i := 1; i <= 7; i++ {
		if res.Links[i].Thread != talk {
			t.Errorf("message %d is not in the talk", i)
		}
	}
	if res.Links[8].Parent != -1 || res.Links[8].Role != RoleQuestion {
		t.Errorf("the question after the talk should open its own thread: %+v", res.Links[8])
	}
	if res.Links[9].AnswerOf != 8 {
		t.Errorf("the speaker's reply should answer the question: %+v", res.Links[9])
	}
	if res.Links[10].Thread != talk {
		t.Errorf("thanks for the talk should join it: %+v", res.Links[10])
	}
	if res.Links[13].Thread != talk {
		t.Errorf("the speaker's long addition after the talk should join it: %+v", res.Links[13])
	}
	found := false
	for _, a := range res.Aliases {
		if a.Mention == "韩伟-双乾支付" && a.Sender == "心有灵浠" {
			found = true
		}
	}
	if !found {
		t.Errorf("the speaker's display name was not learned: %+v", res.Aliases)
	}
	checkInvariants(t, res, len(msgs))
}

// checkInvariants checks that every message is in exactly one thread, links
// point backwards within the thread, and answers point to questions.
func checkInvariants(t *testing.T, res *Result, n int) {
	t.Helper()
	seen := make([]int, n)
	for k, th := range res.Threads {
		for _, i := range th.Messages {
			seen[i]++
			if res.Links[i].Thread != k {
				t.Errorf("message %d listed in thread %d but linked to %d", i, k, res.Links[i].Thread)
			}
		}
	}
	for i, l := range res.Links {
		if seen[i] != 1 {
			t.Errorf("message %d is in %d threads", i, seen[i])
		}
		if l.Parent >= i || (l.Parent >= 0 && res.Links[l.Parent].Thread != l.Thread) {
			t.Errorf("message %d has parent %d", i, l.Parent)
		}
		if l.Role == RoleAnswer && res.Links[l.AnswerOf].Role != RoleQuestion {
			t.Errorf("message %d answers %d, which is not a question", i, l.AnswerOf)
		}
	}
}

// TestAnswersByNameAreNoTalk checks that the day's speaker answering a
// question in a run of long messages that name the people they answer is
// taking part in a discussion, not giving a talk: the asker's follow-up
// stays in the conversation.
func TestAnswersByNameAreNoTalk(t *testing.T) {
	long := strings.Repeat("清算 公式 待结算 资金 手续费 ", 6)
	msgs := []chatlog.Message{msg("A", "分账 是不是 先 对 主 交易 记账 再 分账？", 0)}
	for k := 0; k < 6; k++ {
		text, mentions := long, []string(nil)
		if k%2 == 1 {
			text, mentions = "@A "+long, []string{"A"}
		}
		msgs = append(msgs, msg("Speaker", text, 1+k, mentions...))
	}
	msgs = append(msgs, msg("A", "如果 按 我 上面 分账 举例 的话 手续费 怎么 算？", 8))
	log := day(msgs...)
	log.Speaker = "Speaker"
	res := Build(log, fieldTokenizer{})
	for _, th := range res.Threads {
		if th.Kind == KindTalk {
			t.Errorf("thread %s is a talk: %v", th.ID, th.Messages)
		}
	}
	if res.Links[7].Parent < 0 {
		t.Errorf("the asker's follow-up opens a thread: %+v", res.Links[7].Evidence)
	}
}

// TestTalkPraiseLater checks that long after a talk a bare [强] cheers the
// conversation running then, while thanks that name the talk still join it.
func TestTalkPraiseLater(t *testing.T) {
	msgs := monologue("心有灵浠", "支付 公司 与 银行 的 合作 模式 ", 0, 6)
	msgs = append(msgs,
		msg("A", "对公 代扣 通道 现在 还有 吗？", 180),
		msg("B", "有 的 我们 在 用 招行 的 对公 代扣", 181),
		msg("C", "[强]", 182),
		msg("D", "谢谢分享", 183),
	)
	log := day(msgs...)
	log.Speaker = "心有灵浠"
	res := Build(log, fieldTokenizer{})
	talk := res.Links[0].Thread
	if res.Threads[talk].Kind != KindTalk {
		t.Fatalf("thread of the talk has kind %s", res.Threads[talk].Kind)
	}
	if res.Links[8].Parent != 7 {
		t.Errorf("a sticker three hours after the talk should cheer the answer before it: %+v", res.Links[8])
	}
	if res.Links[9].Thread != talk {
		t.Errorf("thanks naming the talk should join it even three hours later: %+v", res.Links[9])
	}
	checkInvariants(t, res, len(msgs))
}

// TestSpeakerExchangeFollowUp checks that after a talk a follow-up to the
// speaker from someone already talking with them stays in that exchange,
// while a new question to the speaker, even from the same sender, opens its
// own thread.
func TestSpeakerExchangeFollowUp(t *testing.T) {
	msgs := monologue("梁新华", "账务 系统 与 会计 科目 的 对应 关系 ", 0, 6)
	msgs = append(msgs,
		msg("A", "@梁新华 账务 系统 的 余额表 是 怎么 生成 的？", 20, "梁新华"),
		msg("梁新华", "每日 日终 按 科目 汇总 余额", 21),
		msg("A", "@梁新华 我 的 意思 是 余额表 按 账户 汇总 还是 按 科目 汇总？", 23, "梁新华"),
		msg("A", "@梁新华 还要 咨询 个 问题，会计 系统 接收 什么 数据？", 25, "梁新华"),
	)
	log := day(msgs...)
	log.Speaker = "梁新华"
	res := Build(log, fieldTokenizer{})
	if res.Threads[res.Links[0].Thread].Kind != KindTalk {
		t.Fatalf("thread of the talk has kind %s", res.Threads[res.Links[0].Thread].Kind)
	}
	if res.Links[6].Parent != -1 {
		t.Errorf("the first question to the speaker should open its own thread: %+v", res.Links[6])
	}
	if res.Links[8].Thread != res.Links[6].Thread {
		t.Errorf("the asker's follow-up should stay in their exchange with the speaker: %+v", res.Links[8])
	}
	if res.Links[9].Parent != -1 {
		t.Errorf("a new question to the speaker should open its own thread: %+v", res.Links[9])
	}
	checkInvariants(t, res, len(msgs))
}

func TestCheckInGesture(t *testing.T) {
	tests := []struct{ text, want string }{
		{"大家好，晚上邀请 龚正 给大家做分享。现在是签到时间，请大家回复[OK] 签到。", "[OK]"},
		{"老规矩，19:15开始签到，签到手势为[OK]。", "[OK]"},
		{"入群请回复[姓名 公司 职位]，会前回复[OK]签到", "[OK]"}, // a form to fill in is no gesture
		{"今晚分享，回复[ThumbsUp]签到，谢谢大家配合", "[ThumbsUp]"},
		{"今晚分享，回复/:strong签到，谢谢大家配合", "[强]"}, // an older client's code, read as today's name
		{"签到[强]", ""},
	}
	for _, tt := range tests {
		if got := checkInGesture(tt.text); got != tt.want {
			t.Errorf("checkInGesture(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestCheckInsDuringTalk checks that check-ins with the gesture the call
// named stay in the check-in round even when posted after the talk began,
// and that a check-in that names a sticker calls for nothing.
func TestCheckInsDuringTalk(t *testing.T) {
	msgs := []chatlog.Message{
		msg("Host", "大家好，晚上邀请 龚正 给大家做分享。现在是签到时间，请大家回复[OK] 签到。", 0),
		msg("A", "[OK]", 1),
		msg("B", "签到[强]", 2),
	}
	msgs = append(msgs, monologue("龚正", "支付 会员 体系 与 账户 体系 的 关系 ", 10, 6)...)
	msgs = append(msgs, msg("C", "[OK]", 13), msg("D", "[强]", 14))
	log := day(msgs...)
	log.Speaker = "龚正"
	res := Build(log, fieldTokenizer{})
	if gesture := checkInGesture(msgs[2].Text); gesture != "" {
		t.Errorf("签到[强] names gesture %q, want none", gesture)
	}
	for _, i := range []int{1, 9} {
		if res.Links[i].Parent != 0 {
			t.Errorf("check-in %d should join the call to check in: %+v", i, res.Links[i])
		}
	}
	if talk := res.Links[3].Thread; res.Threads[talk].Kind != KindTalk || res.Links[10].Thread != talk {
		t.Errorf("a cheer during the talk should stay in the talk: %+v", res.Links[10])
	}
	checkInvariants(t, res, len(msgs))
}

// TestTalkResumes checks that a talk interrupted by a question and the
// speaker's short reply goes on as one talk, and that the reply answers.
func TestTalkResumes(t *testing.T) {
	msgs := monologue("Speaker", "供应链 金融 围绕 核心 企业 提供 融资 服务 ", 0, 8)
	msgs = append(msgs,
		msg("A", "@Speaker 你用的什么软件，幕布么？", 8, "Speaker"),
		msg("Speaker", "是的", 8),
	)
	msgs = append(msgs, monologue("Speaker", "供应链 金融 围绕 核心 企业 提供 融资 服务 ", 9, 8)...)
	res := Build(day(msgs...), fieldTokenizer{})
	talk := res.Links[0].Thread
	if res.Threads[talk].Kind != KindTalk {
		t.Fatalf("thread of the talk has kind %s", res.Threads[talk].Kind)
	}
	for i := 10; i < len(msgs); i++ {
		if res.Links[i].Thread != talk {
			t.Errorf("message %d after the interruption is not in the talk: %+v", i, res.Links[i])
		}
	}
	if res.Links[8].Thread == talk || res.Links[8].Role != RoleQuestion {
		t.Errorf("the question should open its own thread: %+v", res.Links[8])
	}
	if res.Links[9].AnswerOf != 8 {
		t.Errorf("the speaker's short reply should answer the question: %+v", res.Links[9])
	}
	checkInvariants(t, res, len(msgs))
}

// TestOpenQuestion checks that a reply right after a question in its thread
// answers it even when its link goes elsewhere in the thread.
func TestOpenQuestion(t *testing.T) {
	msgs := []chatlog.Message{
		msg("B", "分账 要 开通 权限", 0),
		msg("A", "怎么 开通？", 1),
		msg("B", "找 客户经理", 2),
		msg("A", "好 的", 3),
	}
	links := []Link{
		{Parent: -1, AnswerOf: -1},
		{Parent: 0, AnswerOf: -1, Role: RoleQuestion},
		{Parent: 0, AnswerOf: -1}, // the scorer took B's own line as the parent
		{Parent: 2, AnswerOf: -1},
	}
	root := threadRoots(links)
	if q := openQuestion(msgs, links, root, 2); q != 1 {
		t.Errorf("openQuestion(2) = %d, want 1", q)
	}
	if q := openQuestion(msgs, links, root, 3); q != -1 {
		t.Errorf("openQuestion(3) = %d, want -1 (the message before asks nothing)", q)
	}
}

// TestAnswerToAskerLine checks that a reply to the line an asker adds to
// their question answers the question.
func TestAnswerToAskerLine(t *testing.T) {
	msgs := []chatlog.Message{
		msg("A", "分账 怎么 开通？", 0),
		msg("A", "我们 是 服务商", 1),
		msg("B", "找 客户经理", 2),
	}
	links := []Link{
		{Parent: -1, AnswerOf: -1, Role: RoleQuestion},
		{Parent: 0, AnswerOf: -1},
		{Parent: 1, AnswerOf: -1},
	}
	if q := answeredQuestion(msgs, fsOf(msgs), links, 2); q != 0 {
		t.Errorf("answeredQuestion(2) = %d, want 0", q)
	}
	links[1].Parent = -1 // the line opens its own conversation
	if q := answeredQuestion(msgs, fsOf(msgs), links, 2); q != -1 {
		t.Errorf("answeredQuestion(2) = %d, want -1 once the line is no longer the asker's addition", q)
	}
}

// TestInterjectionAnswersNothing checks that 谢了 or 哦 after a question
// is no answer to it, where a reply that says something is.
func TestInterjectionAnswersNothing(t *testing.T) {
	for _, tt := range []struct {
		reply string
		want  Role
	}{
		{"谢了", RoleNone},
		{"哦哦", RoleNone},
		{"要 单独 申请", RoleAnswer},
	} {
		msgs := []chatlog.Message{msg("A", "分账 怎么 开通？", 0), msg("B", tt.reply, 1)}
		links := []Link{{Parent: -1, AnswerOf: -1}, {Parent: 0, AnswerOf: -1}}
		assignRoles(msgs, fsOf(msgs), links)
		if links[1].Role != tt.want {
			t.Errorf("%q after a question: role %q, want %q", tt.reply, links[1].Role, tt.want)
		}
	}
}

// TestAnswerAfterCounterQuestion checks that an answerer who first asks
// back (哪个银行不支持) and then answers answers the original question,
// while an asker's own follow-up chain answers nothing.
func TestAnswerAfterCounterQuestion(t *testing.T) {
	msgs := []chatlog.Message{
		msg("A", "电汇 业务 怎么 做？", 0),
		msg("B", "哪个 银行 不 支持", 1),
		msg("B", "这些 银行 支持 电汇", 2),
		msg("A", "我们 是 服务商", 3),
	}
	links := []Link{
		{Parent: -1, AnswerOf: -1, Role: RoleQuestion},
		{Parent: 0, AnswerOf: -1, Role: RoleQuestion},
		{Parent: 1, AnswerOf: -1},
		{Parent: 0, AnswerOf: -1},
	}
	if q := answeredQuestion(msgs, fsOf(msgs), links, 2); q != 0 {
		t.Errorf("answeredQuestion(2) = %d, want 0 (the question B asked back about)", q)
	}
	links[1].Parent = -1 // B's question opens its own conversation
	if q := answeredQuestion(msgs, fsOf(msgs), links, 2); q != -1 {
		t.Errorf("answeredQuestion(2) = %d, want -1 once B's question asks on its own", q)
	}
	links[1].Parent = 0
	msgs[1] = msg("B", "电汇 业务 退款 一般 怎么 处理 比较 好 呢 各位 大神？", 1)
	if q := answeredQuestion(msgs, fsOf(msgs), links, 2); q != -1 {
		t.Errorf("answeredQuestion(2) = %d, want -1 after B's own question to the group", q)
	}
}

// TestShortQuestionOnWordJustSaid checks that a short question taking up a
// word said a few messages back asks about it: against that message it is
// not a fresh question, against one that shares nothing it still is.
func TestShortQuestionOnWordJustSaid(t *testing.T) {
	msgs := []chatlog.Message{
		msg("A", "找 银行 朋友 核实 了 下 小牛在线 已经 跑路 了 上个月 工资 就 停发 了", 0),
		msg("B", "上个月 刚 清光 吓死 我 了", 1),
		msg("C", "网贷 这 一年 真 不太平", 2),
		msg("E", "股市 也 一样", 3),
		msg("F", "还是 存 银行 吧", 4),
		msg("D", "小牛在线 被黑 了 么", 5),
	}
	p := DefaultParams()
	p.Model = linkWeightsOnly(t)
	c, _, _ := prepare(&chatlog.Log{Messages: msgs}, fieldTokenizer{}, p)
	fresh := func(j int) float64 {
		for _, f := range c.pairFeatures(5, j) {
			if f.id == fFreshQuestion {
				return f.value
			}
		}
		return 0
	}
	if v := fresh(0); v != 0 {
		t.Errorf("fresh-question against the message on 小牛在线 = %v, want 0", v)
	}
	if v := fresh(2); v == 0 {
		t.Error("fresh-question against a message sharing no word = 0, want a penalty")
	}
}

// A reply is typed after what it answers: a message that came sooner after
// a candidate than one Chinese character (or three other characters) a
// second was begun before the candidate arrived, so its 这个 does not point
// there, and the rank weights see typed-before (typed-soon-after under two
// seconds a character). Where the rate says nothing (times without seconds,
// a time before the candidate's, a shared article) neither fires and the
// 这个 counts.
func TestTypingRate(t *testing.T) {
	const chinese = "这个 要 看 商户 类目 吧"                        // 9 characters and 5 spaces: 10.67 to type
	const english = "that depends on the merchant category" // 37 keystrokes: 12.33
	cases := []struct {
		name        string
		text        string
		after       time.Duration // the reply's time after the candidate's
		minutesOnly bool          // every time of the log falls on the minute
		shared      bool          // the reply is a shared article titled text
		wantAnaphor bool
		want        featureID // typed-before, typed-soon-after, or -1 for neither
	}{
		{"a minute later", chinese, time.Minute, false, false, true, -1},
		{"22 seconds later: under half a character a second", chinese, 22 * time.Second, false, false, true, -1},
		{"21 seconds later: over half a character a second", chinese, 21 * time.Second, false, false, true, fTypedSoonAfter},
		{"11 seconds later: under a character a second", chinese, 11 * time.Second, false, false, true, fTypedSoonAfter},
		{"10 seconds later: over a character a second", chinese, 10 * time.Second, false, false, false, fTypedBefore},
		{"the same second", chinese, 0, false, false, false, fTypedBefore},
		{"the same minute, times without seconds", chinese, 0, true, false, true, -1},
		{"dated before the candidate", chinese, -30 * time.Second, false, false, true, -1},
		{"a shared article 5 seconds later", chinese, 5 * time.Second, false, true, true, -1},
		{"English, 15 seconds later: 2.5 letters a second", english, 15 * time.Second, false, false, false, fTypedSoonAfter},
		{"English, 5 seconds later", english, 5 * time.Second, false, false, false, fTypedBefore},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msgs := []chatlog.Message{msg("A", "分账 功能 要 单独 申请 吗？", 0), msg("B", tc.text, 0)}
			if tc.shared {
				msgs[1] = link("B", tc.text, 0)
			}
			if !tc.minutesOnly {
				msgs[0].Time = msgs[0].Time.Add(7 * time.Second)
			}
			msgs[1].Time = msgs[0].Time.Add(tc.after)
			c := cocolianContext(msgs)
			c.allFeatures = true
			got := map[featureID]bool{}
			for _, f := range c.pairFeatures(1, 0) {
				got[f.id] = true
			}
			if got[fAnaphor] != tc.wantAnaphor {
				t.Errorf("anaphor = %v, want %v", got[fAnaphor], tc.wantAnaphor)
			}
			for _, id := range []featureID{fTypedBefore, fTypedSoonAfter} {
				if got[id] != (id == tc.want) {
					t.Errorf("%s = %v, want %v", featureNames[id], got[id], id == tc.want)
				}
			}
			// Scoring leaves out the features only the rank weights use.
			c.allFeatures = false
			for _, f := range c.pairFeatures(1, 0) {
				if f.id == fTypedBefore || f.id == fTypedSoonAfter {
					t.Errorf("%s is scored by the link weights, want it for the rank weights only", featureNames[f.id])
				}
			}
		})
	}
}

// TestDistanceSkipsSecondListings checks that an export listing every
// message twice (under two names of its sender) does not set messages
// twice as far apart.
func TestDistanceSkipsSecondListings(t *testing.T) {
	cases := []struct {
		name string
		msgs []chatlog.Message
		i, j int
		want int
	}{
		{"no second listings", []chatlog.Message{msg("A", "分账 要 申请 吗", 0), msg("B", "要", 1), msg("C", "对", 2)}, 2, 0, 2},
		{"every message listed twice", []chatlog.Message{
			msg("A", "分账 要 申请 吗", 0), msg("A-快钱", "分账 要 申请 吗", 0),
			msg("B", "要 单独 申请", 1), msg("B-银联", "要 单独 申请", 1),
			msg("C", "不 一定 给 开", 2),
		}, 4, 2, 1},
		{"across both pairs", []chatlog.Message{
			msg("A", "分账 要 申请 吗", 0), msg("A-快钱", "分账 要 申请 吗", 0),
			msg("B", "要 单独 申请", 1), msg("B-银联", "要 单独 申请", 1),
			msg("C", "不 一定 给 开", 2),
		}, 4, 0, 2},
		{"the same sender saying it twice is two messages", []chatlog.Message{
			msg("A", "在 吗", 0), msg("A", "在 吗", 0), msg("B", "在", 1),
		}, 2, 0, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := cocolianContext(tc.msgs)
			if got := c.distance(tc.i, tc.j); got != tc.want {
				t.Errorf("distance(%d, %d) = %d, want %d", tc.i, tc.j, got, tc.want)
			}
		})
	}
}

// TestAnsweredBack checks whose sender answers back to message i: one of
// the next two turns by others, within ten minutes, counting an export's
// second listings and the sender's own lines as no turns.
func TestAnsweredBack(t *testing.T) {
	cases := []struct {
		name string
		msgs []chatlog.Message
		i, j int
		want bool
	}{
		{"the next speaker", []chatlog.Message{msg("B", "有 的", 0), msg("A", "怎么 申请", 1), msg("B", "找 客户经理", 2)}, 1, 0, true},
		{"the second next speaker", []chatlog.Message{msg("B", "有 的", 0), msg("A", "怎么 申请", 1), msg("C", "我 也 想 知道", 2), msg("B", "找 客户经理", 3)}, 1, 0, true},
		{"the third is too late", []chatlog.Message{msg("B", "有 的", 0), msg("A", "怎么 申请", 1), msg("C", "同问", 2), msg("D", "同问", 2), msg("B", "找 客户经理", 3)}, 1, 0, false},
		{"the sender's own lines are no turns", []chatlog.Message{msg("B", "有 的", 0), msg("A", "怎么 申请", 1), msg("A", "要 什么 材料", 1), msg("C", "同问", 2), msg("B", "找 客户经理", 3)}, 1, 0, true},
		{"two lines of another are two turns", []chatlog.Message{msg("B", "有 的", 0), msg("A", "怎么 申请", 1), msg("C", "同问", 2), msg("C", "我 也 想 知道", 2), msg("B", "找 客户经理", 3)}, 1, 0, false},
		{"after a long run of the sender's lines", []chatlog.Message{msg("B", "有 的", 0), msg("A", "怎么 申请", 1), msg("A", "要 什么 材料", 1), msg("A", "多久 开通", 1), msg("A", "收费 吗", 2), msg("B", "找 客户经理", 3)}, 1, 0, true},
		{"more than ten minutes on", []chatlog.Message{msg("B", "有 的", 0), msg("A", "怎么 申请", 1), msg("B", "找 客户经理", 12)}, 1, 0, false},
		{"a second listing is no turn", []chatlog.Message{
			msg("B", "有 的", 0), msg("B-银联", "有 的", 0),
			msg("A", "怎么 申请", 1), msg("A-快钱", "怎么 申请", 1),
			msg("C", "同问", 2), msg("C-网联", "同问", 2),
			msg("B", "找 客户经理", 3), msg("B-银联", "找 客户经理", 3),
		}, 2, 0, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := cocolianContext(tc.msgs)
			if got := c.answeredBack(tc.i, tc.j); got != tc.want {
				t.Errorf("answeredBack(%d, %d) = %v, want %v", tc.i, tc.j, got, tc.want)
			}
		})
	}
}

// TestSecondListings checks when the same words in the same second from two
// senders count as one message listed twice: only in an export that lists
// many messages so.
func TestSecondListings(t *testing.T) {
	cases := []struct {
		name string
		msgs []chatlog.Message
		want []int // the second listings, nil for an export that lists each message once
	}{
		{"a welcome wave: two people clap at once", []chatlog.Message{
			msg("Host", "欢迎 韩总", 0), msg("A", "欢迎[鼓掌]", 1), msg("B", "欢迎[鼓掌]", 1),
			msg("C", "分账 怎么 做？", 2), msg("D", "看 文档", 3),
		}, nil},
		{"a copy of a copy is a third person saying the same", []chatlog.Message{
			msg("A", "分账 怎么 做？", 0), msg("A-快钱", "分账 怎么 做？", 0),
			msg("B", "欢迎[鼓掌]", 1), msg("B-银联", "欢迎[鼓掌]", 1), msg("C", "欢迎[鼓掌]", 1),
		}, []int{1, 3}},
		{"an export listing each message under two names", []chatlog.Message{
			msg("A", "分账 怎么 做？", 0), msg("A-快钱", "分账 怎么 做？", 0),
			msg("B", "看 文档", 1), msg("B-银联", "看 文档", 1),
			msg("C", "[强]", 2),
		}, []int{1, 3}},
		{"on such a day, a listing whose content the export lost is a second listing too", []chatlog.Message{
			msg("A", "分账 怎么 做？", 0), msg("A-快钱", "分账 怎么 做？", 0),
			msg("B", "罗湖区 晴 8℃", 1), msg("B-银联", "", 1),
			msg("C", "看 文档", 2), msg("C-通联", "看 文档", 2), msg("C", "", 3), // a lost message of C's own
		}, []int{1, 3, 5}},
		{"a lost listing on a day listed once is a message of its own", []chatlog.Message{
			msg("A", "分账 怎么 做？", 0), msg("B", "看 文档", 1), msg("B-银联", "", 1), msg("C", "好的", 2),
		}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lst := newListings(tc.msgs, false)
			var got []int
			for i := range tc.msgs {
				if lst.isSecond(i) {
					got = append(got, i)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("second listings %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSharesRare checks which shared words tie a reply to its parent: a
// word only the two messages of the day use.
func TestSharesRare(t *testing.T) {
	msgs := []chatlog.Message{
		msg("A", "分账 接口 要 申请 吗", 0),
		msg("B", "分账 接口 看 文档", 1),
		msg("C", "分账 的 限额 呢", 2),
		msg("A", "文档 在 哪里", 3),
	}
	c := cocolianContext(msgs)
	cases := []struct {
		i, j int
		want bool
	}{
		{3, 1, true},  // 文档: only these two use it
		{1, 0, true},  // 接口: only these two; 分账 is in three
		{2, 0, false}, // only 分账, which three messages use
		{2, 1, false}, // the same
	}
	for _, tc := range cases {
		if got := c.sharesRare(&c.fs[tc.i], &c.fs[tc.j]); got != tc.want {
			t.Errorf("sharesRare(%d, %d) = %v, want %v", tc.i, tc.j, got, tc.want)
		}
	}
}

// TestThreadSpan checks that a thread runs from its earliest to its latest
// message time, whatever the file order, and that a message without a time
// leaves the span as it is.
func TestThreadSpan(t *testing.T) {
	msgs := []chatlog.Message{
		msg("A", "分账 接口 怎么 申请？", 5), msg("B", "@A 在 商户 平台 申请", 2, "A"),
		msg("A", "@B 谢谢", 9, "B"), msg("B", "@A 不客气", 0, "A"),
	}
	msgs[3].Time = time.Time{}
	res := Build(day(msgs...), fieldTokenizer{})
	checkInvariants(t, res, len(msgs))
	if len(res.Threads) != 1 {
		t.Fatalf("got %d threads, want one: %+v", len(res.Threads), res.Links)
	}
	th := res.Threads[0]
	if !th.Start.Equal(msgs[1].Time) || !th.End.Equal(msgs[2].Time) {
		t.Errorf("span %v to %v, want %v to %v", th.Start, th.End, msgs[1].Time, msgs[2].Time)
	}
}

// TestSideThreadOutOfReach checks that a message of the channel takes up no
// reply of a side thread (a Slack thread reply the channel does not show),
// even one by the person it mentions, while a reply of the same side
// thread may, and a reply also sent to the channel may too.
func TestSideThreadOutOfReach(t *testing.T) {
	for _, broadcast := range []bool{false, true} {
		root := msg("Alice", "how do I reset the coordinator?", 0)
		root.ID = "r"
		reply := msg("Bob", "back up the NVRAM first, then flash", 1)
		reply.ID, reply.ReplyToID, reply.SideThread = "b", "r", !broadcast
		channel := msg("Chen", "@Bob the MQTT docs, do they cover TLS?", 2, "Bob")
		again := msg("Alice", "thanks, that worked", 3)
		again.ReplyToID, again.SideThread = "r", true
		res := Build(&chatlog.Log{Messages: []chatlog.Message{root, reply, channel, again}}, fieldTokenizer{})
		if got := res.Links[2].Parent; (got == 1) != broadcast {
			t.Errorf("broadcast %v: the channel message links to %d", broadcast, got)
		}
		if got := res.Links[3].Parent; got != 0 && got != 1 {
			t.Errorf("broadcast %v: the side thread's second reply links to %d, want the thread", broadcast, got)
		}
	}
	// Nor does a rule that reads the message before: an echo of the
	// side reply's words asks nothing of it.
	root := msg("Alice", "how do I reset the coordinator?", 0)
	root.ID = "r"
	side := msg("Chen", "先备份 NVRAM 再刷 固件", 1)
	side.ReplyToID, side.SideThread = "r", true
	echo := msg("Dana", "刷 固件？", 2)
	res := Build(&chatlog.Log{Messages: []chatlog.Message{root, side, echo}}, fieldTokenizer{})
	if got := res.Links[2].Parent; got == 1 {
		t.Errorf("the channel's echo links to the side reply")
	}
}
