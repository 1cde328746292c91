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
