package dict

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPayments(t *testing.T) {
	terms, err := Payments()
	if err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]bool)
	for _, term := range terms {
		for _, w := range append([]string{term.Term}, term.Aliases...) {
			key := strings.ToLower(w)
			if seen[key] {
				t.Errorf("duplicate term or alias %q", w)
			}
			seen[key] = true
			if utf8.RuneCountInString(w) < 2 {
				t.Errorf("single-character term %q", w)
			}
			if w != strings.TrimSpace(w) {
				t.Errorf("term %q has surrounding space", w)
			}
		}
	}
	if len(terms) < 300 {
		t.Errorf("got %d terms, want at least 300", len(terms))
	}
	required := []string{
		"分账", "分润", "分佣", "网联", "银联", "备付金", "协议支付", "认证支付", "商业委托支付",
		"代扣", "代付", "快捷支付", "聚合支付", "断直连", "存管", "收单", "清算", "对账", "二清",
		"条码支付", "扫码支付", "付款码", "收款码", "支付牌照", "预付卡", "跨境支付", "结算", "头寸",
		"差错处理", "退款", "冲正", "风控", "反洗钱", "实名认证", "四要素", "鉴权", "绑卡", "快捷",
		"网关支付", "虚拟账户", "电子账户", "II类户", "III类户", "收单机构", "发卡行", "手续费", "费率",
		"MDR", "人行", "央行", "账务", "复式记账", "会计分录", "银行存管", "资金池", "T+1", "D+0",
		"垫资", "拒付", "chargeback",
	}
	for _, w := range required {
		if !seen[strings.ToLower(w)] {
			t.Errorf("missing required term %q", w)
		}
	}
}

// TestPaymentsNoCompounds checks the rule of payments.yaml that a term made
// of two or more listed terms side by side is left out, so that the shorter
// terms come out on their own.
func TestPaymentsNoCompounds(t *testing.T) {
	terms, err := Payments()
	if err != nil {
		t.Fatal(err)
	}
	set := make(map[string]bool)
	for _, term := range terms {
		for _, w := range append([]string{term.Term}, term.Aliases...) {
			set[strings.ToLower(w)] = true
		}
	}
	var isCompound func(w string) bool
	isCompound = func(w string) bool {
		for i := 1; i < len(w); i++ {
			if set[w[:i]] && (set[w[i:]] || isCompound(w[i:])) {
				return true
			}
		}
		return false
	}
	for w := range set {
		if isCompound(w) {
			t.Errorf("%q is made of listed terms; leave it out", w)
		}
	}
}

func TestStopWords(t *testing.T) {
	words, err := StopWords()
	if err != nil {
		t.Fatal(err)
	}
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	required := []string{
		"哈哈", "哈哈哈", "嗯", "嗯嗯", "好的", "谢谢", "欢迎", "收到", "是的", "对", "啊", "呢", "吧",
		"的", "了", "是", "我", "你", "他", "这个", "那个", "什么",
		"[强]", "[鼓掌]", "[捂脸]", "[呲牙]", "[微笑]", "[抱拳]", "[握手]", "[玫瑰]", "[OK]", "[耶]",
		"[偷笑]", "[可怜]", "[撇嘴]", "[奸笑]", "[机智]", "[皱眉]", "[发呆]", "[憨笑]", "[疑问]", "[色]",
		"[拥抱]", "[害羞]", "[流泪]", "[大哭]", "[得意]", "[尴尬]", "[调皮]",
	}
	for _, w := range required {
		if !set[w] {
			t.Errorf("missing required stop word %q", w)
		}
	}

	terms, err := Payments()
	if err != nil {
		t.Fatal(err)
	}
	for _, term := range terms {
		for _, w := range append([]string{term.Term}, term.Aliases...) {
			if set[w] {
				t.Errorf("%q is both a payments term and a stop word", w)
			}
		}
	}
}

func TestParsePaymentsErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string
	}{
		{"syntax", "- {term: 分账, gloss: a\n- x: [", "dict/payments.yaml:2: invalid YAML: did not find expected ',' or '}'"},
		{"not a list", "term: 分账\n", "dict/payments.yaml:1: want a list of terms, got a mapping"},
		{"not a mapping", "- 分账\n", "dict/payments.yaml:1: want a mapping"},
		{"unknown key", "- {term: 分账}\n- {term: 分润, glos: x}\n", `dict/payments.yaml:2: unknown key "glos"`},
		{"no term", "- {gloss: profit sharing}\n", "dict/payments.yaml:1: entry has no term"},
		{"empty term", "- {term: ''}\n", "dict/payments.yaml:1: empty word"},
		{"single character", "- {term: 账}\n", `dict/payments.yaml:1: term "账" is a single character`},
		{"duplicate", "- {term: 分账}\n# comment\n- {term: 分账}\n", `dict/payments.yaml:3: duplicate term "分账" (first at line 1)`},
		{"duplicate alias", "- {term: 人民银行, aliases: [央行]}\n- {term: 央行}\n", `dict/payments.yaml:2: duplicate term "央行" (first at line 1)`},
		{"duplicate case", "- {term: MDR}\n- {term: mdr}\n", `dict/payments.yaml:2: duplicate term "mdr"`},
		{"duplicate key", "- {term: 分账, gloss: profit sharing, term: 分润}\n", `dict/payments.yaml:1: duplicate key "term" (first at line 1)`},
		{"duplicate aliases", "- term: 人民银行\n  aliases: [人行]\n  aliases: [央行]\n", `dict/payments.yaml:3: duplicate key "aliases" (first at line 2)`},
		{"duplicate across documents", "- {term: 分账}\n---\n- {term: 分润, aliases: [分账]}\n", `dict/payments.yaml:3: duplicate term "分账" (first at line 1)`},
		{"aliases not a list", "- {term: 分账, aliases: 分帐}\n", "dict/payments.yaml:1: aliases: want a list"},
		{"empty", "", "dict/payments.yaml: no terms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parsePayments(paymentsFile, []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestParsePayments(t *testing.T) {
	const in = `# comment
- {term: 人民银行, gloss: People's Bank of China, aliases: [人行, 央行]}
- term: 分账
  gloss: profit sharing / split settlement
`
	got, err := parsePayments(paymentsFile, []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d terms, want 2", len(got))
	}
	if got[0].Term != "人民银行" || got[0].Gloss != "People's Bank of China" || strings.Join(got[0].Aliases, ",") != "人行,央行" {
		t.Errorf("got %+v", got[0])
	}
	if got[1].Term != "分账" || got[1].Gloss != "profit sharing / split settlement" || strings.Join(got[1].Aliases, ",") != "分帐" {
		t.Errorf("got %+v, want the alias 分帐", got[1])
	}
}

// TestParsePaymentsOldSpelling checks that every spelling with 账 gets its
// twin with 帐, unless the file lists that twin itself.
func TestParsePaymentsOldSpelling(t *testing.T) {
	const in = `- {term: 对账, aliases: [对账单]}
- {term: 挂账}
- {term: 挂帐, gloss: listed on its own}
- {term: 分账}
`
	got, err := parsePayments(paymentsFile, []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, term := range got {
		lines = append(lines, term.Term+":"+strings.Join(term.Aliases, ","))
	}
	want := "对账:对账单,对帐,对帐单 挂账: 挂帐: 分账:分帐"
	if s := strings.Join(lines, " "); s != want {
		t.Errorf("got %q, want %q", s, want)
	}
}

func TestParseStopWords(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string // the words joined by spaces, or the error prefix
	}{
		{"groups", "filler: [哈哈, ok]\nstickers: [捂脸, OK]\n", "哈哈 ok [捂脸] [OK]"},
		{"two documents", "filler: [哈哈]\n---\nstickers: [捂脸]\n", "哈哈 [捂脸]"},
		{"duplicate group across documents", "filler: [哈哈]\n---\nfiller: [嗯嗯]\n", `dict/stopwords.yaml:3: duplicate group "filler" (first at line 1)`},
		{"number sticker", "stickers: [666]\n", "[666]"},
		{"not a mapping", "- 哈哈\n", "dict/stopwords.yaml:1: want groups of words"},
		{"group not a list", "filler: 哈哈\n", "dict/stopwords.yaml:1: filler: want a list of words"},
		{"duplicate", "filler:\n  - 好的\n  - OK\nfunction:\n  - ok\n", `dict/stopwords.yaml:5: duplicate word "ok" (first at line 3)`},
		{"duplicate group", "filler: [哈哈]\nstickers: [捂脸]\nfiller: [嗯嗯]\n", `dict/stopwords.yaml:3: duplicate group "filler" (first at line 1)`},
		{"empty word", "filler: ['']\n", "dict/stopwords.yaml:1: empty word"},
		{"syntax", "filler: [a\n", "dict/stopwords.yaml:1: invalid YAML: did not find expected ',' or ']'"},
		{"a payments term", "filler:\n  - 好的\n  - 分账\n", `dict/stopwords.yaml:3: "分账" is also in dict/payments.yaml (under 分账); a word is a payments term or a stop word, not both`},
		{"a payments alias", "filler: [人行]\n", `dict/stopwords.yaml:1: "人行" is also in dict/payments.yaml (under 人民银行)`},
	}
	terms := []Term{{Term: "分账", Gloss: "profit sharing"}, {Term: "人民银行", Gloss: "PBoC", Aliases: []string{"人行"}}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words, err := parseStopWords(stopwordsFile, []byte(tt.yaml), terms)
			var got string
			if err != nil {
				got = err.Error()
			} else {
				got = strings.Join(words, " ")
			}
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestGenericWords checks the embedded generic words: they parse, and
// none is a payments term or a stop word.
func TestGenericWords(t *testing.T) {
	words, err := GenericWords()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(words, "问题") {
		t.Errorf("generic words %v lack 问题", words)
	}
}

// TestParseGenericWords checks the errors generic.yaml can have beyond
// those of stopwords.yaml, which it shares.
func TestParseGenericWords(t *testing.T) {
	terms := []Term{{Term: "分账", Gloss: "profit sharing"}}
	stop := []string{"哈哈", "[捂脸]"}
	for _, tt := range []struct {
		name, yaml string
		want       string // the words joined by spaces, or the error prefix
	}{
		{"groups", "talk: [问题, 分享]\npeople: [老师]\n", "问题 分享 老师"},
		{"no brackets for a stickers group", "stickers: [捂脸]\n", "捂脸"},
		{"a stop word", "talk:\n  - 问题\n  - 哈哈\n", `dict/generic.yaml:3: "哈哈" is also in dict/stopwords.yaml`},
		{"a payments term", "talk: [分账]\n", `dict/generic.yaml:1: "分账" is also in dict/payments.yaml (under 分账); a word is a payments term or a generic word, not both`},
		{"duplicate", "talk: [问题]\npeople: [问题]\n", `dict/generic.yaml:2: duplicate word "问题" (first at line 1)`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			words, err := parseGenericWords(genericFile, []byte(tt.yaml), terms, stop)
			got := strings.Join(words, " ")
			if err != nil {
				got = err.Error()
			}
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLegacyStickers checks the embedded legacy codes: WeChat's hundred
// default stickers, each named as dict/stopwords.yaml lists it.
func TestLegacyStickers(t *testing.T) {
	codes, err := LegacyStickers()
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != 100 {
		t.Errorf("%d codes, want WeChat's 100", len(codes))
	}
	words, err := StopWords()
	if err != nil {
		t.Fatal(err)
	}
	listed := make(map[string]bool, len(words))
	for _, w := range words {
		listed[w] = true
	}
	names := map[string]string{}
	for _, c := range codes {
		names[c.Code] = c.Name
		if !listed["["+c.Name+"]"] {
			t.Errorf("%s: %s is no sticker dict/stopwords.yaml lists", c.Code, c.Name)
		}
	}
	for code, want := range map[string]string{"/::)": "微笑", "/::D": "呲牙", "/::d": "白眼", "/:strong": "强", "/:handclap": "鼓掌", "/::'(": "大哭", "/:<W>": "西瓜", "/:ok": "OK"} {
		if names[code] != want {
			t.Errorf("%s is %q, want %q", code, names[code], want)
		}
	}
}

func TestParseLegacyStickersErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string
	}{
		{"syntax", "\"/::)\": [", "dict/legacy-stickers.yaml:1: invalid YAML: did not find expected node content"},
		{"not a mapping", "- /::)\n", "dict/legacy-stickers.yaml:1: want codes mapped to sticker names"},
		{"no prefix", "\"::)\": 微笑\n", `dict/legacy-stickers.yaml:1: code "::)": a legacy sticker code starts with /:`},
		{"spaces", "\" /::)\": 微笑\n", `dict/legacy-stickers.yaml:1: code " /::)": a legacy sticker code starts with /: and has no spaces`},
		{"empty name", "\"/::)\": ''\n", "dict/legacy-stickers.yaml:1: empty word"},
		{"name not a word", "\"/::)\": [微笑]\n", "dict/legacy-stickers.yaml:1: want a word, got a list"},
		{"duplicate", "\"/::)\": 微笑\n# comment\n\"/::)\": 撇嘴\n", `dict/legacy-stickers.yaml:3: duplicate code "/::)" (first at line 1)`},
		{"duplicate across documents", "\"/::)\": 微笑\n---\n\"/::)\": 撇嘴\n", `dict/legacy-stickers.yaml:3: duplicate code "/::)" (first at line 1)`},
		{"second document not a mapping", "\"/::)\": 微笑\n---\n- /::~\n", "dict/legacy-stickers.yaml:3: want codes mapped to sticker names"},
		{"empty", "", "dict/legacy-stickers.yaml: no sticker codes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseLegacyStickers(legacyFile, []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q, want prefix %q", err, tt.want)
			}
		})
	}
}
