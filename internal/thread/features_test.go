package thread

import "testing"

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
		{"也不会退了是吧", true},
		{"同问", false},
		{"否则银行想怎么送就怎么送了", false},
		{"真的？", false},
		{"又是他？", false},
		{"对", false},
		{"要单独申请", false},
		{"请教一下各位，优惠券和积分部分退款如何处理", true},
		{"你玩过?", false},
		{"备付金要交多少?", true},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got, _ := isQuestion(tt.text); got != tt.want {
				t.Errorf("isQuestion(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
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
