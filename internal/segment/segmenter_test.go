package segment

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/sharedtest"
)

// The tests of one binary share a single Segmenter.
var (
	sharedOnce sync.Once
	sharedSeg  *Segmenter
	sharedErr  error
)

// shared returns the test binary's Segmenter, building it on first use.
func shared() (*Segmenter, error) {
	sharedOnce.Do(func() { sharedSeg, sharedErr = New() })
	return sharedSeg, sharedErr
}

// testSegmenter returns the shared Segmenter or stops the test.
func testSegmenter(tb testing.TB) *Segmenter {
	tb.Helper()
	s, err := shared()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// checkTokens fails the test unless toks tile text exactly: contiguous,
// non-empty, each Text equal to text[Start:End].
func checkTokens(t *testing.T, text string, toks []Token) {
	t.Helper()
	pos := 0
	var b strings.Builder
	for i, tok := range toks {
		if tok.Start != pos || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d %q spans [%d,%d), want start %d within %d bytes", i, tok.Text, tok.Start, tok.End, pos, len(text))
		}
		if text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d text %q, but text[%d:%d] is %q", i, tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		b.WriteString(tok.Text)
		pos = tok.End
	}
	if pos != len(text) || b.String() != text {
		t.Fatalf("tokens reproduce %q, want %q", b.String(), text)
	}
}

// render writes tokens as text/kind separated by spaces.
func render(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text + "/" + t.Kind.String()
	}
	return strings.Join(parts, " ")
}

func TestTokensDomainTerms(t *testing.T) {
	s := testSegmenter(t)
	tests := []struct {
		text string
		want []string // each must be one KindDomain token
	}{
		{"微信有没有和支付宝一样的分账的接口？", []string{"微信", "支付宝", "分账"}},
		{"网联认证支付 \t银联无卡支付", []string{"网联", "认证支付", "银联", "无卡支付"}},
		{"商业委托支付和协议支付有什么区别", []string{"商业委托支付", "协议支付"}},
		{"备付金集中存管以后还能吃利息吗", []string{"备付金", "集中存管"}},
		{"客户备付金账户", []string{"备付金", "账户"}},
		{"吃备付金利差的日子过去了", []string{"备付金"}},
		{"断直连之后代扣代付都要走网联", []string{"断直连", "代扣", "代付", "网联"}},
		{"快捷支付和网关支付的费率不一样", []string{"快捷支付", "网关支付", "费率"}},
		{"T+1结算还是D+0垫资？MDR多少", []string{"T+1", "结算", "D+0", "垫资", "MDR"}},
		{"II类户和III类户能绑卡吗", []string{"II类户", "III类户", "绑卡"}},
		{"人行说二清不合规", []string{"人行", "二清", "合规"}},
		{"提前结算是好事", []string{"结算"}},
		{"微信用二类户做收单", []string{"微信", "二类户", "收单"}},
		{"发卡行发起拒付，也就是chargeback", []string{"发卡行", "拒付", "chargeback"}},
		{"四要素鉴权失败要冲正吗", []string{"四要素", "鉴权", "冲正"}},
		{"对账发现长短款怎么做差错处理", []string{"对账", "长短款", "差错处理"}},
		{"Apple Pay和云闪付", []string{"Apple Pay", "云闪付"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			toks := s.Tokens(tt.text)
			checkTokens(t, tt.text, toks)
			for _, w := range tt.want {
				found := false
				for _, tok := range toks {
					if tok.Text == w && tok.Kind == KindDomain {
						found = true
					}
				}
				if !found {
					t.Errorf("%q is not one domain token in %s", w, render(toks))
				}
			}
		})
	}
}

// TestTokensEveryTermWhole checks that every term and alias of the
// payments dictionary comes out as one domain token, alone and between two
// ordinary phrases. It pins the terms against the dictionary New builds (the
// compiled zh_s plus dict/), so that a smaller or differently loaded
// dictionary cannot split a term unnoticed.
func TestTokensEveryTermWhole(t *testing.T) {
	s := testSegmenter(t)
	terms, err := dict.Payments()
	if err != nil {
		t.Fatal(err)
	}
	for _, term := range terms {
		for _, w := range append([]string{term.Term}, term.Aliases...) {
			for _, text := range []string{w, "请问" + w + "，谢谢"} {
				toks := s.Tokens(text)
				found := false
				for _, tok := range toks {
					found = found || (tok.Text == w && tok.Kind == KindDomain)
				}
				if !found {
					t.Errorf("%q: got %s", text, render(toks))
				}
			}
		}
	}
}

// TestTokensKeepOverlappingWords checks that a payments term does not cut a
// common word that overlaps it.
func TestTokensKeepOverlappingWords(t *testing.T) {
	s := testSegmenter(t)
	tests := []struct {
		text string
		want string // the tokens joined by |
	}{
		{"一部分账户被冻结", "一部分|账户|被|冻结"},
		{"核对账单", "核对|账单"},
		{"对账户来说", "对|账户|来说"},
		{"接收单位", "接收单位"},
		{"保存管理", "保存|管理"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var parts []string
			for _, tok := range s.Tokens(tt.text) {
				parts = append(parts, tok.Text)
			}
			if got := strings.Join(parts, "|"); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestTokensKinds(t *testing.T) {
	s := testSegmenter(t)
	tests := []struct {
		name string
		text string
		want string
	}{
		{"sticker", "做任务赚积分[呲牙]", "做/word 任务/word 赚/word 积分/domain [呲牙]/stop"},
		{"stickers in a row", "[强][强][鼓掌]", "[强]/stop [强]/stop [鼓掌]/stop"},
		{"unlisted Han sticker", "[微信红包][某表情]", "[微信红包]/stop [某表情]/stop"},
		{"Latin sticker", "好的[OK][Salute]", "好的/stop [OK]/stop [Salute]/stop"},
		{"bracketed number is no sticker", "[2017]", "[/punct 2017/number ]/punct"},
		{"bracketed term is no sticker", "[分账]", "[/punct 分账/domain ]/punct"},
		{"long bracket is no sticker", "[五个汉字的]", "[/punct 五个/word 汉字/word 的/stop ]/punct"},
		{"url", "看 https://mp.weixin.qq.com/s?__biz=MTQz&mid=2。好", "看/word  /punct https://mp.weixin.qq.com/s?__biz=MTQz&mid=2/latin 。/punct 好/word"},
		{"www url", "(www.cocolian.cn)", "(/punct www.cocolian.cn/latin )/punct"},
		{"spaces", "清算  \t\n结算", "清算/domain   \t\n/punct 结算/domain"},
		{"punctuation run", "为什么？？？……", "为什么/stop ？？？……/punct"},
		{"numbers", "费率0.38%，1,000元，2018-05-04 10:30", "费率/domain 0.38%/number ，/punct 1,000/number 元/word ，/punct 2018-05-04/number  /punct 10:30/number"},
		{"latin", "Ping++的SDK v2", "Ping/latin ++/punct 的/stop SDK/latin  /punct v2/latin"},
		{"latin case kept", "ISO8583报文", "ISO8583/domain 报文/domain"},
		{"laughter", "哈哈哈哈哈 hhhh emmm", "哈哈/stop 哈哈哈/stop  /punct hhhh/stop  /punct emmm/stop"},
		{"emoji", "牛👍🏻😂", "牛/stop 👍🏻😂/punct"},
		{"full-width latin", "ＡＢＣ公司", "ＡＢＣ/latin 公司/word"},
		{"settlement cycles", "T+2到账，d+3或T+N结算，T日记账", "T+2/latin 到账/domain ，/punct d+3/latin 或/stop T+N/latin 结算/domain ，/punct T日/domain 记账/domain"},
		{"no cycle inside a word or with spaces", "SDT+2 T + 2", "SDT/latin +/punct 2/number  /punct T/stop  /punct +/punct  /punct 2/number"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := s.Tokens(tt.text)
			checkTokens(t, tt.text, toks)
			if got := render(toks); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestTokensReproduceText(t *testing.T) {
	s := testSegmenter(t)
	texts := []string{
		"",
		" ",
		"\t\n\r\n",
		"网联认证支付 \t银联无卡支付",
		"ABC Def GHI，大写 Latin 不会被改成小写",
		"@Ben-富友-产品?你玩过?",
		"invalid \xff\xfe utf-8 \xe4\xb8",
		"[未闭合 [强 ] [] [[捂脸]] [捂脸",
		"http://a.b/c?d=[e]&f=（g）。http://",
		"１２３４５ ①②③ Ⅱ类户 ２０１８年",
		"👨‍👩‍👧 ❤️ 🇨🇳",
		"日本語のテキストも大丈夫ですか",
		strings.Repeat("分账", 200),
	}
	for _, text := range texts {
		t.Run(fmt.Sprintf("%.20q", text), func(t *testing.T) {
			checkTokens(t, text, s.Tokens(text))
		})
	}
}

func TestContentWords(t *testing.T) {
	s := testSegmenter(t)
	tests := []struct {
		text string
		want string // joined by spaces
	}{
		{"微信有没有和支付宝一样的分账的接口？", "微信 支付宝 分账 接口"},
		{"网联认证支付 \t银联无卡支付", "网联 认证支付 银联 无卡支付"},
		{"好的，谢谢[抱拳][强]", ""},
		{"MDR费率是0.6%，T+1结算", "扣率 费率 t+1 结算"},
		{"Ping++ 的 SDK 和 Stripe 的 API", "ping sdk stripe api"},
		{"分账分账，还是分账", "分账 分账 分账"},
		{"我在上海", "上海"},
		{"1️⃣分账 2️⃣对账", "分账 对账"},         // a keycap is no word
		{"央行说人行要管二类户", "人民银行 人民银行 ii类户"}, // an alias reads as its term
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := strings.Join(ContentWords(s.Tokens(tt.text)), " ")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestContentWordsKinds(t *testing.T) {
	toks := []Token{
		{Text: "分账", Kind: KindDomain},
		{Text: "钱", Kind: KindWord},
		{Text: "接口", Kind: KindWord},
		{Text: "API", Kind: KindLatin},
		{Text: "の", Kind: KindWord},
		{Text: "好的", Kind: KindStop},
		{Text: "，", Kind: KindPunct},
		{Text: "2018", Kind: KindNumber},
	}
	got := strings.Join(ContentWords(toks), " ")
	if want := "分账 接口 api の"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if ContentWords(nil) != nil {
		t.Error("ContentWords(nil) is not nil")
	}
}

func TestGloss(t *testing.T) {
	s := testSegmenter(t)
	tests := []struct {
		term, want string
		ok         bool
	}{
		{"分账", "profit sharing / split settlement", true},
		{"央行", "People's Bank of China (PBOC)", true},
		{"mdr", "merchant discount rate", true},
		{" 网联 ", "NetsUnion Clearing Corporation (NUCC)", true},
		{"苹果", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := s.Gloss(tt.term)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Gloss(%q) = %q, %v; want %q, %v", tt.term, got, ok, tt.want, tt.ok)
		}
	}
}

// TestReferenceDay checks that on the shared reference day the six terms
// that threads hinge on are single domain tokens wherever they occur.
func TestReferenceDay(t *testing.T) {
	path := sharedtest.Dir(t, "corpus", "cocolian", "proddev", "2018-05-04-chat.markdown")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	s := testSegmenter(t)
	toks := s.Tokens(text)
	checkTokens(t, text, toks)
	at := make(map[int]Token, len(toks))
	for _, tok := range toks {
		at[tok.Start] = tok
	}
	for _, term := range []string{"分账", "网联", "协议支付", "认证支付", "商业委托支付", "备付金"} {
		n := 0
		for i := strings.Index(text, term); i >= 0; {
			n++
			if tok, ok := at[i]; !ok || tok.Text != term || tok.Kind != KindDomain {
				line := 1 + strings.Count(text[:i], "\n")
				t.Errorf("%s:%d: %q is not one domain token (got %q/%s)", path, line, term, tok.Text, tok.Kind)
			}
			next := strings.Index(text[i+len(term):], term)
			if next < 0 {
				break
			}
			i += len(term) + next
		}
		if n == 0 {
			t.Errorf("%q does not occur in %s", term, path)
		}
	}
}

func TestConcurrentTokens(t *testing.T) {
	s := testSegmenter(t)
	texts := []string{
		"微信有没有和支付宝一样的分账的接口？",
		"网联认证支付 \t银联无卡支付[捂脸]",
		"商业委托支付、协议支付和备付金集中存管 https://example.com/x",
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = render(s.Tokens(text))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(texts))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				for i, text := range texts {
					if got := render(s.Tokens(text)); got != want[i] {
						errs <- got
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("concurrent Tokens gave %s", got)
	}
}

func FuzzTokens(f *testing.F) {
	for _, seed := range []string{
		"微信有没有和支付宝一样的分账的接口？",
		"网联认证支付 \t银联无卡支付",
		"[捂脸][OK] https://x.y/z。",
		"T+1 0.38% 2018-05-04",
		"\xff[\xe4\xb8]",
	} {
		f.Add(seed)
	}
	s, err := shared()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := s.Tokens(text)
		checkTokens(t, text, toks)
		for _, w := range ContentWords(toks) {
			if w == "" {
				t.Fatalf("empty content word in %s", render(toks))
			}
			if r, size := utf8.DecodeRuneInString(w); size == len(w) && r >= 0x4e00 && r <= 0x9fff {
				t.Fatalf("single Han content word %q", w)
			}
		}
	})
}

// paragraph is a synthetic chat paragraph for BenchmarkTokens: domain
// terms, filler, stickers, numbers, Latin and a URL.
const paragraph = "各位大神，请问微信有没有和支付宝一样的分账的接口？我们现在走的是网联认证支付 \t银联无卡支付，" +
	"断直连以后商业委托支付和协议支付怎么选[捂脸]。T+1结算的话备付金集中存管有影响吗？MDR 0.38%，" +
	"手续费封顶20元。哈哈哈，谢谢[抱拳][强] 详见 https://mp.weixin.qq.com/s?__biz=MTQzMjE1NjQwMQ==&mid=2655552900 " +
	"II类户绑卡要四要素鉴权，失败了要不要冲正？对账发现长短款就走差错处理。"

func BenchmarkTokens(b *testing.B) {
	s := testSegmenter(b)
	b.SetBytes(int64(len(paragraph)))
	b.ResetTimer()
	for b.Loop() {
		s.Tokens(paragraph)
	}
}

// BenchmarkTokensReferenceDay segments the shared reference day.
func BenchmarkTokensReferenceDay(b *testing.B) {
	data, err := os.ReadFile(sharedtest.Dir(b, "corpus", "cocolian", "proddev", "2018-05-04-chat.markdown"))
	if err != nil {
		b.Fatal(err)
	}
	s := testSegmenter(b)
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		s.Tokens(text)
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleContentWords() {
	s, err := shared()
	if err != nil {
		fmt.Println(err)
		return
	}
	toks := s.Tokens("网联认证支付和银联无卡支付有什么区别[捂脸]")
	fmt.Println(render(toks))
	fmt.Println(ContentWords(toks))
	// Output:
	// 网联/domain 认证支付/domain 和/stop 银联/domain 无卡支付/domain 有/stop 什么/stop 区别/word [捂脸]/stop
	// [网联 认证支付 银联 无卡支付 区别]
}
