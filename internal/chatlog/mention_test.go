package chatlog

import (
	"reflect"
	"slices"
	"testing"
)

func TestExtractMentions(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"none", "分账接口怎么接？", nil},
		{"empty text", "", nil},
		{"U+2005 separator", "@李明-某某支付-产品-上海\u2005请教一下", []string{"李明-某某支付-产品-上海"}},
		{"lost separator shown as ?", "@张三-某某金服-研发-北京?谢谢", []string{"张三-某某金服-研发-北京"}},
		{"full-width question mark", "@王五？在吗", []string{"王五"}},
		{"space then comma", "@甲-快付-产品-上海 ，谢谢。", []string{"甲-快付-产品-上海"}},
		{"full-width space", "@乙\u3000收到", []string{"乙"}},
		{"full-width comma", "感谢@丙，@丁、@戊。", []string{"丙", "丁", "戊"}},
		{"ASCII comma", "@All,对账时注意", []string{"All"}},
		{"colons and exclamation", "@甲：好 @乙:好 @丙！ @丁!", []string{"甲", "乙", "丙", "丁"}},
		{"adjacent mentions", "@甲@乙 看下", []string{"甲", "乙"}},
		{"adjacent Latin mentions", "@Tom@Jerry ok", []string{"Tom", "Jerry"}},
		{"end of text", "谢谢@凤凰牌老熊", []string{"凤凰牌老熊"}},
		{"separators kept", "@陈某~某数金~产品~上海 @凡某 | 即信 @-王某 @管某_支付_杭州", []string{"陈某~某数金~产品~上海", "凡某", "-王某", "管某_支付_杭州"}},
		{"brackets kept", "@韩某-东软(前)-开发-广州 @郭某-中央结算（中债登）-北京?", []string{"韩某-东软(前)-开发-广州", "郭某-中央结算（中债登）-北京"}},
		{"ampersand and dot", "@付某-农业-ERP&电商-成都 @雪某-海尔.快捷通-架构", []string{"付某-农业-ERP&电商-成都", "雪某-海尔.快捷通-架构"}},
		{"email is not a mention", "发到 pay-team@example.com 或 a.b@c.cn", nil},
		{"account id is not a mention", "1234567890@chatroom", nil},
		{"after Chinese text", "请教@老樊-某某-开发", []string{"老樊-某某-开发"}},
		{"after punctuation", "好的，@甲", []string{"甲"}},
		{"bare at signs", "@ @? @@", nil},
		{"mention inside quote brackets", "「@甲」", []string{"甲"}},
		{"lost emoji in name", "@Judy??在吗", []string{"Judy"}},
		{"tab ends", "@甲\t好", []string{"甲"}},
		{"invalid UTF-8 ends", "@甲\xff好", []string{"甲"}},
		{"legacy sticker codes", "/::@ /:,@P好/:@x /:,@@ /:<@ /:@@", nil},
		{"legacy code then mention", "/:,@P @甲 注意:@乙", []string{"甲", "乙"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExtractMentions(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ExtractMentions(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestAddTypedMentions checks the mentions of senders typed after an @ as
// plain text, as Telegram and Discord users do without picking a name.
func TestAddTypedMentions(t *testing.T) {
	senders := []string{"李雷", "韩梅梅 Meimei", "Bob", "Bobby Tables", "Bo", "José Luis", "Иван"}
	tests := []struct {
		text     string
		mentions []string // already marked by the export
		want     []string
	}{
		{"@李雷 你那个 deadline 问题", nil, []string{"李雷"}},
		{"@李雷你那个问题解决了吗", nil, []string{"李雷"}},
		{"@韩梅梅 看下回调端口", nil, []string{"韩梅梅 Meimei"}},
		{"@Bobby Tables 试下 retry", nil, []string{"Bobby Tables"}},
		{"@Bob, 试下 retry", nil, []string{"Bob"}},
		{"@Bobcat 不是群友", nil, nil},
		{"mail bob@Bob.com", nil, nil},
		{"@Bob 和 @李雷 都看下", nil, []string{"Bob", "李雷"}},
		{"@Bob 看下", []string{"Bob"}, []string{"Bob"}},
		{"@王五 不在群里", nil, nil},
		{"@Josés question", nil, nil},
		{"@José 你看下", nil, []string{"José Luis"}},
		{"@Иванов где ты?", nil, nil},
		{"@Иван где ты?", nil, []string{"Иван"}},
		{"@Bob_dev can you check?", []string{"Bob_dev"}, []string{"Bob_dev"}},
		{"see https://medium.com/@Bob/post", nil, nil},
		{"你好@李雷", nil, []string{"李雷"}},
	}
	for _, tt := range tests {
		msgs := []Message{{Sender: "Alex", Type: TypeText, Text: tt.text, Mentions: slices.Clone(tt.mentions)}}
		for _, s := range senders {
			msgs = append(msgs, Message{Sender: s, Type: TypeText, Text: "在"})
		}
		addTypedMentions(msgs)
		if got := msgs[0].Mentions; !slices.Equal(got, tt.want) {
			t.Errorf("%q: mentions %q, want %q", tt.text, got, tt.want)
		}
	}
}
