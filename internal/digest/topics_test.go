package digest

import (
	"fmt"
	"testing"

	"github.com/cocolian/threads/dict"
)

func TestTopicMentions(t *testing.T) {
	m := newTopicMatcher([]dict.Topic{
		{Name: "分账", Terms: []string{"分账", "分润"}},
		{Name: "POS终端", Terms: []string{"POS", "机具"}},
		{Name: "网联", Terms: []string{"网联", "协议支付"}},
		{Name: "账户体系", Terms: []string{"III类户"}},
	}, nil)
	tests := []struct {
		text string
		want string
	}{
		{"微信分账接口怎么申请？", "[0]"},
		{"分润和分账有什么区别", "[0]"},
		{"网联的协议支付和分账", "[0 2]"},
		{"POS机具怎么申请", "[1]"},
		{"pos机", "[1]"},
		{"POST 请求超时", "[]"},
		{"用 mPOS 收款", "[]"},
		{"Ⅲ类户有没有限额？", "[3]"}, // the Roman numeral Ⅲ, as 302号文 writes it
		{"iii类户有没有限额？", "[3]"},
		{"", "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := m.mentions(tt.text)
			if s := fmt.Sprint(nonNilInts(got)); s != tt.want {
				t.Errorf("mentions(%q) = %s, want %s", tt.text, s, tt.want)
			}
		})
	}
}

func TestTopicCounterNames(t *testing.T) {
	m := newTopicMatcher([]dict.Topic{{Name: "a", Terms: []string{"a"}}, {Name: "b", Terms: []string{"b"}}, {Name: "c", Terms: []string{"c"}}, {Name: "d", Terms: []string{"d"}}}, nil)
	tests := []struct {
		name   string
		counts topicCounter
		want   string
	}{
		{"one mention in an answer is not enough", topicCounter{0: 1}, "[]"},
		{"a question mention is", topicCounter{1: 2}, "[b]"},
		{"best first, ties in file order", topicCounter{3: 2, 0: 2, 2: 5}, "[c a d]"},
		{"at most three", topicCounter{0: 2, 1: 3, 2: 4, 3: 5}, "[d c b]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprint(nonNil(tt.counts.names(m))); got != tt.want {
				t.Errorf("names = %s, want %s", got, tt.want)
			}
		})
	}
}

func nonNilInts(xs []int) []int {
	if xs == nil {
		return []int{}
	}
	return xs
}

// TestTopicMentionsWords checks that a Chinese term is found as whole words
// or at the start or end of one word, never across a word boundary or in the
// middle of a word.
func TestTopicMentionsWords(t *testing.T) {
	m := newTopicMatcher([]dict.Topic{
		{Name: "二清", Terms: []string{"二清", "一清"}},
		{Name: "监管合规", Terms: []string{"人行", "监管", "合规"}},
		{Name: "分账", Terms: []string{"分账"}},
		{Name: "账务会计", Terms: []string{"记账"}},
		{Name: "风控", Terms: []string{"跑分"}},
		{Name: "网联", Terms: []string{"网联"}},
	}, segmenter(t))
	tests := []struct {
		text string
		want string
	}{
		{"统一清算后对账怎么做？", "[]"},
		{"请问个人行为分析用什么工具？", "[]"},
		{"积分账户怎么设计比较好？", "[]"},
		{"贷记账户的额度怎么控制？", "[]"},
		{"凑合规则", "[]"},
		{"跑分析", "[]"},
		{"互联网联合贷款", "[]"},
		{"一清机构和二清有什么区别？", "[0]"},
		{"微信分账接口怎么申请？", "[2]"},
		{"监管部门要求合规", "[1]"},
		{"人行发文了", "[1]"},
		{"复式记账怎么做", "[3]"},
		{"网联上线了", "[5]"},
		{"复式记帐怎么做", "[3]"}, // 帐 is 账
		{"分帐接口怎么申请", "[2]"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if s := fmt.Sprint(nonNilInts(m.mentions(tt.text))); s != tt.want {
				t.Errorf("mentions(%q) = %s, want %s (words %v)", tt.text, s, tt.want, segmenter(t).Tokens(tt.text))
			}
		})
	}
}
