package thread

import (
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

// TestIntroducesSelf checks which texts read as a self-introduction.
func TestIntroducesSelf(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"大家好，我是季康，产品经理，目前在一家P2P公司", true},
		{"大家好, 我是吕彦鹏, 现在在借贷宝做架构", true},
		{"我叫陈商，目前就职成都宜贷网，产品经理", true},
		{"大家好，自我介绍一下。刘国果Gary，目前在威富通负责产品", true},
		{"池永， 上海化交，架构，上海。新人报道，各位大神好！", true},
		{"我是觉得这样不太好", false}, // a bare 我是 starts a reply
		{"我叫了个外卖", false},
		{"大家好，我是今天的分享者，今天主要和大家交流下支付", false}, // a speaker opening a talk
		{"大家好，我是新来的，请问分账怎么开通？", false},       // asks
	}
	for _, tt := range tests {
		if got := introducesSelf(ptr(textFeatures(tt.text))); got != tt.want {
			t.Errorf("introducesSelf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestLinkIntros checks that a round of introductions is one thread opened
// by the host's call (the host calling again joins it), that a question
// inside the round is left to the other passes, and that an introduction
// long after the round opens a new one.
func TestLinkIntros(t *testing.T) {
	msgs := []chatlog.Message{
		msg("Host", "进群的同学注意修改下昵称，做一个自我介绍以便大家相互了解", 0),
		msg("A", "大家好，我是季康，产品经理，目前在一家P2P公司", 1),
		msg("B", "分账 怎么 开通？", 2),
		msg("C", "我叫尹珍，聚合支付公司产品总监", 3),
		msg("Host", "入群后还没做自我介绍的同学，请尽快发布一个，谢谢", 4),
		msg("D", "大家好，我是严思奇，目前在杉德支付做清结算", 200),
	}
	fs := fsOf(msgs)
	links := make([]Link, len(msgs))
	for i := range links {
		links[i] = Link{Parent: -1, AnswerOf: -1}
	}
	decided := make([]bool, len(msgs))
	linkIntros(msgs, fs, listings{}, links, decided)
	want := []int{-1, 0, -1, 0, 0, -1} // D comes after the round has closed
	for i, w := range want {
		if links[i].Parent != w {
			t.Errorf("message %d (%s): parent %d, want %d", i, msgs[i].Text, links[i].Parent, w)
		}
	}
	if decided[2] {
		t.Error("the question inside the round was decided by the introductions pass")
	}
	if !decided[0] {
		t.Error("the host's call was left to the other passes, which may take its 签到 or 欢迎 for a welcome")
	}
}

// TestIntroCallInReply checks that a call for introductions inside a reply
// (the sender going on from their own line) is left to the scorer.
func TestIntroCallInReply(t *testing.T) {
	msgs := []chatlog.Message{
		msg("A", "诚邀 加入 技术圈 微信群", 0),
		msg("B", "@A", 1, "A"),
		msg("B", "群规两条： 进群需要自我介绍以及不少于20元新人红包", 1),
	}
	links := make([]Link, len(msgs))
	for i := range links {
		links[i] = Link{Parent: -1, AnswerOf: -1}
	}
	decided := make([]bool, len(msgs))
	linkIntros(msgs, fsOf(msgs), listings{}, links, decided)
	if decided[2] {
		t.Error("the call going on from its sender's line was decided as a thread start")
	}
}

func ptr[T any](v T) *T { return &v }

// TestNewcomerOpensThread checks that a newcomer's self-introduction after
// a Q&A has gone quiet opens a thread of its own, however the link weights
// score the question before it, and that the welcomes to them join it;
// a guest announced by name who then introduces themself stays in the
// announcement's wave.
func TestNewcomerOpensThread(t *testing.T) {
	tests := []struct {
		name string
		msgs []chatlog.Message
		want map[int]int // parent of these messages
	}{
		{
			name: "after a quiet Q&A",
			msgs: []chatlog.Message{
				msg("A-富友-风控-上海", "你们 风控 规则 怎么 维护 的？", 0),
				msg("B-随行付-技术-北京", "规则 太多 建议 上 模型", 3),
				msg("C-通联-运营-深圳", "午饭 时间 到了", 10),
				msg("D-快钱-产品-上海", "大家好，我是快钱的何琳，刚进群，多多指教", 50),
				msg("C-通联-运营-深圳", "欢迎何琳[鼓掌]", 51),
				msg("E-平安付-产品-深圳", "欢迎", 51),
			},
			want: map[int]int{3: -1, 4: 3, 5: 3},
		},
		{
			name: "a guest the host announced",
			msgs: []chatlog.Message{
				msg("Host", "今晚20:00请到 @沈清-云汇支付-清算产品-杭州 给大家分享，欢迎大家准时参加[鼓掌]", 0, "沈清-云汇支付-清算产品-杭州"),
				msg("沈清-云汇支付-清算产品-杭州", "大家好，我是沈清，在云汇支付做清算产品，请多指教[抱拳]", 1),
				msg("C-通联-运营-深圳", "欢迎沈总[鼓掌]", 2),
			},
			want: map[int]int{1: 0, 2: 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Build(day(tt.msgs...), fieldTokenizer{})
			checkInvariants(t, res, len(tt.msgs))
			for i, want := range tt.want {
				if l := res.Links[i]; l.Parent != want {
					t.Errorf("message %d (%q): parent %d, want %d; evidence %+v", i, tt.msgs[i].Text, l.Parent, want, l.Evidence)
				}
			}
		})
	}
}
