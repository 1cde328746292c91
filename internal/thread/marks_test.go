package thread

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNormaliseWidth(t *testing.T) {
	tests := []struct {
		in       string
		mentions bool
		want     string
	}{
		{"几度?", false, "几度？"},
		{"谁有完整ppt?", false, "谁有完整ppt？"},
		{"好的,谢谢!", false, "好的，谢谢！"},
		{"答:可以(暂时)", false, "答：可以（暂时）"},
		{"是团队不行?管理不行?", false, "是团队不行？管理不行？"},
		{"金额1,000元,10:30到账", false, "金额1,000元，10:30到账"},
		{"看这个 http://mp.weixin.qq.com/s?__biz=1", false, "看这个 http://mp.weixin.qq.com/s?__biz=1"},
		{"Ping 支付学院 2018 ? 上海站", false, "Ping 支付学院 2018 ? 上海站"}, // a character the export lost
		{"请大家积极提问。谢谢。?", false, "请大家积极提问。谢谢。?"},                 // an emoji the export lost
		{" 随行付 北京?能否给一份", true, " 随行付 北京?能否给一份"},                // the mark after a mention of a name with spaces
		{" 随行付 北京?能否给一份?", true, " 随行付 北京?能否给一份？"},
		{"这个接口也能用来退款?!", false, "这个接口也能用来退款？！"},
		{"可以吗?）", false, "可以吗？）"},
		{"谢谢 ?", false, "谢谢 ?"}, // a lost character after a space
		{"?", false, "?"},
		{"Stripe webhook 怎么验签? 一直报错", false, "Stripe webhook 怎么验签？ 一直报错"},
		{"How do you make refunds idempotent? 重复退款了两次", false, "How do you make refunds idempotent？ 重复退款了两次"},
		{"@张三 这个怎么弄? 急", true, "@张三 这个怎么弄？ 急"},
		{"招商银行B（收款）? ? ? 到账", false, "招商银行B（收款）? ? ? 到账"}, // characters the export lost
		{"民营银行? ? 以前没有", false, "民营银行? ? 以前没有"},
		{"我估计不可能给P2Ｐ", false, "我估计不可能给P2P"},
		{"比如商户Ｔ０,银行Ｔ１", false, "比如商户T0，银行T1"},
		{"ＯＫ", false, "OK"},
	}
	for _, tt := range tests {
		if got := normaliseWidth(tt.in, tt.mentions); got != tt.want {
			t.Errorf("normaliseWidth(%q, %v) = %q, want %q", tt.in, tt.mentions, got, tt.want)
		}
	}
}

// narrowMarks writes in half width the full-width marks of text that
// widenMarks would write back: those beside a Chinese character, a ？ that
// only marks and spaces follow (after no space or sentence end), and one
// between Chinese characters of a text that mentions nobody. A ？ next to another stays, since ?? is how the corpus's
// export writes a lost emoji.
func narrowMarks(text string) string {
	narrow := map[rune]rune{}
	for a, w := range fullWidth {
		narrow[w] = a
	}
	runes := []rune(text)
	mentions := strings.ContainsAny(text, "@＠")
	out := make([]rune, len(runes))
	for k, r := range runes {
		out[k] = r
		a, ok := narrow[r]
		if !ok {
			continue
		}
		prev, next := rune(0), utf8.RuneError
		if k > 0 {
			prev = runes[k-1]
		}
		if k+1 < len(runes) {
			next = runes[k+1]
		}
		if r != '？' {
			if isHan(prev) || isHan(next) {
				out[k] = a
			}
			continue
		}
		if prev == 0 || prev == '？' || next == '？' || prev == '@' || unicode.IsSpace(prev) || strings.ContainsRune("?。！!", prev) {
			continue
		}
		if strings.TrimLeftFunc(string(runes[k+1:]), isClosingMark) == "" || !mentions && isHan(prev) && isHan(next) {
			out[k] = a
		}
	}
	return string(out)
}

// TestHalfWidthMarksCorpus writes the punctuation of every corpus day in
// half width where a writer could have typed it so (几度? for 几度？) and
// checks that every message keeps its parent and role.
func TestHalfWidthMarksCorpus(t *testing.T) {
	if checkSameThreads(t, "in half width", rewriteTexts(narrowMarks)) == 0 {
		t.Fatal("no corpus day had a full-width mark to write in half width")
	}
}

// wideAlnum writes the letters and digits of text in full width, as a
// Chinese input method in its full-width mode types them (Ｔ０, Ｐ２Ｐ); a
// text with a mention, a link or a sticker code stays as it is, since the
// app writes those.
func wideAlnum(text string) string {
	if strings.ContainsAny(text, "@[") || strings.Contains(text, "http") {
		return text
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return r - 'A' + 'Ａ'
		}
		return r
	}, text)
}

// TestFullWidthLettersCorpus types the letters and digits of every corpus
// day in full width and checks that every message keeps its parent and
// role.
func TestFullWidthLettersCorpus(t *testing.T) {
	if checkSameThreads(t, "in full width", rewriteTexts(wideAlnum)) == 0 {
		t.Fatal("no corpus day had letters or digits to type in full width")
	}
}

// TestIsHanMatchesUnicode checks isHan's shortcut below firstHan against
// the Han table, rune by rune.
func TestIsHanMatchesUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHan(%U) = %v, unicode.Is(Han) = %v", r, isHan(r), !isHan(r))
		}
	}
}
