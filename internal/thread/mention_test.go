package thread

import (
	"slices"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
)

func day(msgs ...chatlog.Message) *chatlog.Log {
	base := time.Date(2018, 5, 4, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for i := range msgs {
		msgs[i].Index = i
		msgs[i].Line = 9 + 3*i
		if msgs[i].Type == "" {
			msgs[i].Type = chatlog.TypeText
		}
		if msgs[i].Time.IsZero() {
			msgs[i].Time = base.Add(time.Duration(i) * time.Minute)
		}
	}
	return &chatlog.Log{Path: "test.markdown", Format: "cocolian", Messages: msgs}
}

func TestResolveMentions(t *testing.T) {
	tests := []struct {
		name    string
		log     *chatlog.Log
		mention string
		want    string // sender, "" for unresolved
	}{
		{
			name: "exact",
			log: day(
				chatlog.Message{Sender: "程超", Text: "大家好"},
				chatlog.Message{Sender: "Han", Text: "@程超 超哥好", Mentions: []string{"程超"}},
			),
			mention: "程超", want: "程超",
		},
		{
			name: "separators normalised",
			log: day(
				chatlog.Message{Sender: "珞珈-恒丰银行-产品-北京", Text: "图"},
				chatlog.Message{Sender: "A", Text: "@珞珈~恒丰银行~产品~北京 你好", Mentions: []string{"珞珈~恒丰银行~产品~北京"}},
			),
			mention: "珞珈~恒丰银行~产品~北京", want: "珞珈-恒丰银行-产品-北京",
		},
		{
			name: "prefix",
			log: day(
				chatlog.Message{Sender: "聚合支付_程昱", Text: "京东呢"},
				chatlog.Message{Sender: "风者", Text: "@聚合支付_程昱_PM", Mentions: []string{"聚合支付_程昱_PM"}},
			),
			mention: "聚合支付_程昱_PM", want: "聚合支付_程昱",
		},
		{
			name: "the only sender with that person name",
			log: day(
				chatlog.Message{Sender: "戴明-招行信用卡", Text: "我们是复式记账"},
				chatlog.Message{Sender: "戴安-平安-产品", Text: "嗯"},
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@戴明-招行卡中心-技术经理 借贷两边都记？", Mentions: []string{"戴明-招行卡中心-技术经理"}},
			),
			mention: "戴明-招行卡中心-技术经理", want: "戴明-招行信用卡",
		},
		{
			name: "a handle that is one part of one sender's name",
			log: day(
				chatlog.Message{Sender: "乾橙科技_Summer 梁夏", Text: "可以用爬虫"},
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "谢谢@Summer", Mentions: []string{"Summer"}},
			),
			mention: "Summer", want: "乾橙科技_Summer 梁夏",
		},
		{
			name: "a name in pinyin: initials",
			log: day(
				chatlog.Message{Sender: "cs", Text: "代扣要签约"},
				chatlog.Message{Sender: "csp", Text: "是的"},
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@陈商-宜贷网-产品经理-成都 协议支付呢", Mentions: []string{"陈商-宜贷网-产品经理-成都"}},
			),
			mention: "陈商-宜贷网-产品经理-成都", want: "cs",
		},
		{
			name: "a name in pinyin: initials and an English name",
			log: day(
				chatlog.Message{Sender: "wseric", Text: "我们也接了"},
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@王松-易宝支付-产品经理-北京 费率多少", Mentions: []string{"王松-易宝支付-产品经理-北京"}},
			),
			mention: "王松-易宝支付-产品经理-北京", want: "wseric",
		},
		{
			name: "a name in pinyin: the given name twice, the start of the full name",
			log: day(
				chatlog.Message{Sender: "fangfang", Text: "我有卡bin"},
				chatlog.Message{Sender: "Tank", Text: "我也有"},
				chatlog.Message{Sender: "hui", Text: "@邵芳 能否给一份", Mentions: []string{"邵芳"}},
				chatlog.Message{Sender: "hui", Text: "@坦克-爱贝-深圳 你呢", Mentions: []string{"坦克-爱贝-深圳"}},
			),
			mention: "邵芳", want: "fangfang",
		},
		{
			name: "a name in pinyin: a handle that starts the full name",
			log: day(
				chatlog.Message{Sender: "Tank", Text: "我也有"},
				chatlog.Message{Sender: "hui", Text: "@坦克-爱贝-深圳 你呢", Mentions: []string{"坦克-爱贝-深圳"}},
			),
			mention: "坦克-爱贝-深圳", want: "Tank",
		},
		{
			name: "a name in pinyin, but the sender has another Chinese name",
			log: day(
				chatlog.Message{Sender: "ls-老王-产品经理-深圳", Text: "联动的吧"},
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@龙三-UNPAY-产品-北京 在吗", Mentions: []string{"龙三-UNPAY-产品-北京"}},
			),
			mention: "龙三-UNPAY-产品-北京", want: "",
		},
		{
			name: "a name in pinyin: a surname in its surname reading",
			log: day(
				chatlog.Message{Sender: "zengwei", Text: "我们也接了"},
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@曾伟-联动-产品 费率多少", Mentions: []string{"曾伟-联动-产品"}},
			),
			mention: "曾伟-联动-产品", want: "zengwei",
		},
		{
			name: "a name in pinyin: a surname or a two-letter given name is too little",
			log: day(
				chatlog.Message{Sender: "zhang", Text: "我们也接了"},
				chatlog.Message{Sender: "li", Text: "嗯"},
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@张丽 @张三 费率多少", Mentions: []string{"张丽", "张三"}},
			),
			mention: "张丽", want: "",
		},
		{
			name: "a name in pinyin, but the sender's name has a person with 金 in it",
			log: day(
				chatlog.Message{Sender: "ls-李金-产品经理-深圳", Text: "联动的吧"},
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@龙三-UNPAY-产品-北京 在吗", Mentions: []string{"龙三-UNPAY-产品-北京"}},
			),
			mention: "龙三-UNPAY-产品-北京", want: "",
		},
		{
			name: "a name in pinyin that two senders could be",
			log: day(
				chatlog.Message{Sender: "cs", Text: "代扣要签约"},
				chatlog.Message{Sender: "chenshang", Text: "是的"},
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@陈商 协议支付呢", Mentions: []string{"陈商"}},
			),
			mention: "陈商", want: "",
		},
		{
			name: "a one-part Chinese name may be a city",
			log: day(
				chatlog.Message{Sender: "周文-爱客仕-支付PM-杭州", Text: "杭州下雨了"},
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@杭州 的朋友", Mentions: []string{"杭州"}},
			),
			mention: "杭州", want: "",
		},
		{
			name: "the only sender from an organisation",
			log: day(
				chatlog.Message{Sender: "蘑菇街_陈宗", Text: "[强] 好好消化"},
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "嗯"},
				chatlog.Message{Sender: "袁军", Text: "@铁手_蘑菇街_技术_杭州 互相学习", Mentions: []string{"铁手_蘑菇街_技术_杭州"}},
			),
			mention: "铁手_蘑菇街_技术_杭州", want: "蘑菇街_陈宗",
		},
		{
			name: "roles and Latin fragments name no organisation",
			log: day(
				chatlog.Message{Sender: "廊坊银行-架构师-朱文义", Text: "嗯"},
				chatlog.Message{Sender: "mark-U掌柜-系统架构", Text: "对"},
				chatlog.Message{Sender: "B", Text: "@张海-澳觅-架构师-澳门 @追梦师-ark 你好", Mentions: []string{"张海-澳觅-架构师-澳门", "追梦师-ark"}},
			),
			mention: "追梦师-ark", want: "",
		},
		{
			name: "two senders from the organisation: unresolved",
			log: day(
				chatlog.Message{Sender: "蘑菇街_陈宗", Text: "[强]"},
				chatlog.Message{Sender: "蘑菇街-小王", Text: "嗯"},
				chatlog.Message{Sender: "袁军", Text: "@铁手_蘑菇街_技术_杭州 互相学习", Mentions: []string{"铁手_蘑菇街_技术_杭州"}},
			),
			mention: "铁手_蘑菇街_技术_杭州", want: "",
		},
		{
			name: "shared company role city",
			log: day(
				chatlog.Message{Sender: "李奔-快钱-产品-上海", Text: "有的"},
				chatlog.Message{Sender: "小王-富友-产品-北京", Text: "嗯"},
				chatlog.Message{Sender: "superbboy", Text: "@哈木-快钱-产品-上海 谢谢", Mentions: []string{"哈木-快钱-产品-上海"}},
			),
			mention: "哈木-快钱-产品-上海", want: "李奔-快钱-产品-上海",
		},
		{
			name: "speaker introduced by display name",
			log: func() *chatlog.Log {
				l := day(
					chatlog.Message{Sender: "主持人", Text: "今天请到@韩伟-双乾支付-技术-苏州 给大家做分享", Mentions: []string{"韩伟-双乾支付-技术-苏州"}},
					chatlog.Message{Sender: "心有灵浠", Text: "大家好"},
				)
				l.Speaker = "心有灵浠"
				return l
			}(),
			mention: "韩伟-双乾支付-技术-苏州", want: "心有灵浠",
		},
		{
			name: "brackets separate name parts",
			log: day(
				chatlog.Message{Sender: "周峰（Edison Zhou）", Text: "嗯"},
				chatlog.Message{Sender: "B", Text: "@周峰-车置宝-项目管理-南京 你好", Mentions: []string{"周峰-车置宝-项目管理-南京"}},
			),
			mention: "周峰-车置宝-项目管理-南京", want: "周峰（Edison Zhou）",
		},
		{
			name: "a person name later in the sender's name, with another part shared",
			log: day(
				chatlog.Message{Sender: "联金所-产品-马忠信-深圳", Text: "嗯"},
				chatlog.Message{Sender: "B", Text: "@马忠信-赫美微贷产品-深圳 你好", Mentions: []string{"马忠信-赫美微贷产品-深圳"}},
			),
			mention: "马忠信-赫美微贷产品-深圳", want: "联金所-产品-马忠信-深圳",
		},
		{
			name: "a company first in the mention is no person name",
			log: day(
				chatlog.Message{Sender: "翔远-中金支付-产品", Text: "嗯"},
				chatlog.Message{Sender: "B", Text: "@中金支付-王宇 你好", Mentions: []string{"中金支付-王宇"}},
			),
			mention: "中金支付-王宇", want: "",
		},
		{
			name: "a shared role and city alone name nobody",
			log: day(
				chatlog.Message{Sender: "suevip-技术经理 畅捷通 北京", Text: "嗯"},
				chatlog.Message{Sender: "B", Text: "@老熊-爱奇艺-技术经理-北京 你好", Mentions: []string{"老熊-爱奇艺-技术经理-北京"}},
			),
			mention: "老熊-爱奇艺-技术经理-北京", want: "",
		},
		{
			name: "another display name with the same handle",
			log: day(
				chatlog.Message{Sender: "龚正-滴滴-支付金融", Text: "嗯"},
				chatlog.Message{Sender: "ibmHuang", Text: "好"},
				chatlog.Message{Sender: "B", Text: "@ark-滴滴-支付金融 你好", Mentions: []string{"ark-滴滴-支付金融"}},
				chatlog.Message{Sender: "C", Text: "感谢@追梦师-ark 的分享", Mentions: []string{"追梦师-ark"}},
			),
			mention: "追梦师-ark", want: "龚正-滴滴-支付金融",
		},
		{
			name: "handles do not chain through names resolved by handle",
			log: day(
				chatlog.Message{Sender: "龚正-滴滴-支付金融", Text: "嗯"},
				chatlog.Message{Sender: "B", Text: "@ark-滴滴-支付金融 你好", Mentions: []string{"ark-滴滴-支付金融"}},
				chatlog.Message{Sender: "C", Text: "感谢@追梦师-ark", Mentions: []string{"追梦师-ark"}},
				chatlog.Message{Sender: "D", Text: "@追梦师-蚂蚁 你好", Mentions: []string{"追梦师-蚂蚁"}},
			),
			mention: "追梦师-蚂蚁", want: "",
		},
		{
			name: "a company in front is no handle",
			log: day(
				chatlog.Message{Sender: "崔奕", Text: "嗯"},
				chatlog.Message{Sender: "B", Text: "@CSII-崔奕 @CSII-张三 你好", Mentions: []string{"CSII-崔奕", "CSII-张三"}},
			),
			mention: "CSII-张三", want: "",
		},
		{
			name: "a person name in the company's place is no match",
			log: day(
				chatlog.Message{Sender: "吕斌-网联-研发-北京", Text: "嗯"},
				chatlog.Message{Sender: "B", Text: "@网联-王强-北京 你好", Mentions: []string{"网联-王强-北京"}},
			),
			mention: "网联-王强-北京", want: "",
		},
		{
			name: "a remark in brackets names no organisation",
			log: day(
				chatlog.Message{Sender: "方块-创建科技（前）-项目经理", Text: "嗯"},
				chatlog.Message{Sender: "小王-富友-产品-北京", Text: "嗯"},
				chatlog.Message{Sender: "B", Text: "@张三-易联（前）-项目经理 你好", Mentions: []string{"张三-易联（前）-项目经理"}},
			),
			mention: "张三-易联（前）-项目经理", want: "",
		},
		{
			name: "a person name in another case, with a Kelvin sign",
			log: day(
				chatlog.Message{Sender: "kevin-财付通-深圳", Text: "可以"},
				chatlog.Message{Sender: "B", Text: "@\u212aEVIN-腾讯 你好", Mentions: []string{"\u212aEVIN-腾讯"}},
			),
			mention: "\u212aEVIN-腾讯", want: "kevin-财付通-深圳",
		},
		{
			name: "a name of separators alone stays unresolved",
			log: day(
				chatlog.Message{Sender: "-", Text: "嗯"},
				chatlog.Message{Sender: "程超", Text: "嗯"},
				chatlog.Message{Sender: "B", Text: "@~~ 你好", Mentions: []string{"~~"}},
			),
			mention: "~~", want: "",
		},
		{
			name: "the one who answers right after being mentioned",
			log: day(
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@韩伟-双乾支付-技术-苏州 分账接口开通了吗", Mentions: []string{"韩伟-双乾支付-技术-苏州"}},
				chatlog.Message{Sender: "心有灵浠", Text: "@小李-快钱-产品-北京 开通了，走服务商后台", Mentions: []string{"小李-快钱-产品-北京"}},
			),
			mention: "韩伟-双乾支付-技术-苏州", want: "心有灵浠",
		},
		{
			name: "who answers after a mention is not someone of another company",
			log: day(
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@老王-易宝-技术-北京 分账接口开通了吗", Mentions: []string{"老王-易宝-技术-北京"}},
				chatlog.Message{Sender: "张伟-拉卡拉-产品-北京", Text: "@小李-快钱-产品-北京 我们是走服务商后台", Mentions: []string{"小李-快钱-产品-北京"}},
			),
			mention: "老王-易宝-技术-北京", want: "",
		},
		{
			name: "one person's company in two languages",
			log: day(
				chatlog.Message{Sender: "小李-快钱-产品-北京", Text: "@小峰-iFLYTEK-开发组长-合肥 语音支付有案例吗", Mentions: []string{"小峰-iFLYTEK-开发组长-合肥"}},
				chatlog.Message{Sender: "林小峰-科大讯飞-开发组长", Text: "@小李-快钱-产品-北京 有的，银行在用", Mentions: []string{"小李-快钱-产品-北京"}},
			),
			mention: "小峰-iFLYTEK-开发组长-合肥", want: "林小峰-科大讯飞-开发组长",
		},
		{
			name: "unknown person stays unresolved",
			log: day(
				chatlog.Message{Sender: "风者", Text: "@Ben-富友-产品?你玩过?", Mentions: []string{"Ben-富友-产品"}},
				chatlog.Message{Sender: "Roger", Text: "Ping 支付学院"},
			),
			mention: "Ben-富友-产品", want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, aliases := resolveMentions(tt.log, listings{}, nil)
			got := ""
			for _, a := range aliases {
				if a.Mention == tt.mention {
					got = a.Sender
				}
			}
			if got != tt.want {
				t.Errorf("mention %q resolved to %q, want %q (aliases %+v)", tt.mention, got, tt.want, aliases)
			}
		})
	}
}

func TestResolveSamePerson(t *testing.T) {
	tests := []struct{ mention, sender string }{
		{"CSII-崔奕", "崔奕"},
		{"张泽雄-民生金服-研发-北京", "张泽雄-民生金服 项目总监"},
	}
	for _, tt := range tests {
		t.Run(tt.mention, func(t *testing.T) {
			log := day(
				chatlog.Message{Sender: tt.sender, Text: "请问规则引擎是用什么实现的"},
				chatlog.Message{Sender: "someone-else", Text: "@" + tt.mention + " 写代码实现的", Mentions: []string{tt.mention}},
			)
			_, aliases := resolveMentions(log, listings{}, nil)
			if len(aliases) != 1 || aliases[0].Sender != tt.sender || aliases[0].Reason != "same person name" {
				t.Errorf("aliases %+v, want %s -> %s by same person name", aliases, tt.mention, tt.sender)
			}
		})
	}
}

// TestMentionsTakenOnToSpacedNames checks that a mention cut at a space
// inside a sender's display name resolves to the sender whose whole name
// the text writes after that mention's @, up to the end of a word, when two
// senders' names begin alike.
func TestMentionsTakenOnToSpacedNames(t *testing.T) {
	tests := []struct {
		text     string
		mentions []string
		want     []string
	}{
		{"@Bob Jones which SSD do you use?", []string{"Bob"}, []string{"Bob Jones"}},
		{"@Bob Marley which SSD do you use?", []string{"Bob"}, []string{"Bob Marley"}},
		{"@Bob which SSD exactly? cc @Bob Jones", []string{"Bob", "Bob"}, []string{"Bob", "Bob Jones"}},
		{"@Bob Jones and @Bob Marley, which SSD?", []string{"Bob", "Bob"}, []string{"Bob Jones", "Bob Marley"}},
		{"@Bob Jonesy hi", []string{"Bob"}, []string{"Bob"}},
		{"@杨彧-微众- 支付产品经理-上海 请问对账文件几点出？", []string{"杨彧-微众-"}, []string{"杨彧-微众- 支付产品经理-上海"}},
		{"@杨彧-微众- 风控 请问呢？", []string{"杨彧-微众-"}, []string{"杨彧-微众- 风控"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			log := day(
				chatlog.Message{Sender: "Bob", Text: "I use a Samsung"},
				chatlog.Message{Sender: "Bob Jones", Text: "I run HA on a NUC"},
				chatlog.Message{Sender: "Bob Marley", Text: "I use a Pi"},
				chatlog.Message{Sender: "杨彧-微众- 支付产品经理-上海", Text: "嗯"},
				chatlog.Message{Sender: "杨彧-微众- 风控", Text: "嗯"},
				chatlog.Message{Sender: "Dan", Text: tt.text, Mentions: tt.mentions},
			)
			if got := fullMentions(log.Messages, []string{"Bob", "Bob Jones", "Bob Marley", "杨彧-微众- 支付产品经理-上海", "杨彧-微众- 风控", "Dan"})[5]; !slices.Equal(got, tt.want) {
				t.Errorf("names %q, want %q", got, tt.want)
			}
			targets, _ := resolveMentions(log, listings{}, nil)
			if got := targets[5]; !slices.Equal(got, tt.want) {
				t.Errorf("mentions resolve to %q, want %q", got, tt.want)
			}
		})
	}
}
