package segment

import (
	"strings"
	"testing"
)

func TestSimplify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"請問分賬接口怎麼申請？", "请问分账接口怎么申请？"},
		{"不會", "不会"},
		{"WeChat Pay HK開通港陸匯款", "WeChat Pay HK开通港陆汇款"},
		{"双乾支付的乾易付覆盖了", "双乾支付的乾易付覆盖了"}, // simplified text stays, 乾 and 覆 with it
		{"乾易付的接口，會嗎", "乾易付的接口，会吗"},     // a clause with no traditional character stays as written
		{"我瞭解期貨的", "我了解期货的"},
		{"都是乾貨！相當於", "都是干货！相当于"},
		{"瞭解了，終於搞順了。。", "了解了，终于搞顺了。。"}, // a phrase only traditional Chinese writes
		{"瞭解了", "了解了"},
		{"收到回覆，謝謝", "收到回复，谢谢"},
		{"沈阳的瞭望塔", "沈阳的瞭望塔"}, // 沈 and 瞭 of simplified Chinese stay
		{"", ""},
	}
	for _, tt := range tests {
		if got := Simplify(tt.in); got != tt.want {
			t.Errorf("Simplify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for r, want := range map[rune]bool{'會': true, '嗎': true, '請': true, '乾': false, '覆': false, '会': false, 'a': false, '𠀀': false} {
		if got := isTraditionalOnly(r); got != want {
			t.Errorf("isTraditionalOnly(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestTraditionalOnlyConverts checks the generated list against the
// converter: every character in it becomes another, and the bit set and
// the list hold them all.
func TestTraditionalOnlyConverts(t *testing.T) {
	c, err := toSimplified()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range traditionalOnly {
		n++
		if !isTraditionalOnly(r) {
			t.Errorf("%q is in traditionalOnly but isTraditionalOnly says no", r)
		}
		if out, err := c.Convert(string(r)); err != nil || out == string(r) {
			t.Errorf("%q converts to %q (%v): not a character only traditional Chinese writes", r, out, err)
		} else if name := SimplifyName(string(r)); name != out {
			t.Errorf("%q: SimplifyName gives %q, OpenCC %q", r, name, out)
		}
	}
	if n < 3000 {
		t.Fatalf("traditionalOnly holds %d characters; run go generate ./internal/segment", n)
	}
}

// TestTraditionalPhrasesConvert checks the generated phrases against the
// converter: each becomes another phrase, changing only characters of
// traditionalPhraseKeys, and has no character of traditionalOnly.
func TestTraditionalPhrasesConvert(t *testing.T) {
	c, err := toSimplified()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range traditionalPhrases {
		out, err := c.Convert(p)
		if err != nil || out == p || strings.ContainsFunc(p, isTraditionalOnly) || !readsTraditional(p) {
			t.Errorf("%q converts to %q (%v): not a phrase only traditional Chinese writes with characters both write", p, out, err)
			continue
		}
		for k, r := range []rune(p) {
			if []rune(out)[k] != r && !strings.ContainsRune(traditionalPhraseKeys, r) {
				t.Errorf("%q: OpenCC changes %q, which traditionalPhraseKeys lacks", p, r)
			}
		}
	}
	if len(phraseKeys) > 64 {
		t.Errorf("%d phrase keys: hasTraditionalPhrase marks at most 64", len(phraseKeys))
	}
	if len(traditionalPhrases) < 50 {
		t.Fatalf("traditionalPhrases holds %d phrases; run go generate ./internal/segment", len(traditionalPhrases))
	}
}

func TestSimplifyName(t *testing.T) {
	before := openccLoads.Load()
	for in, want := range map[string]string{"劉皇叔": "刘皇叔", "Khan_闞": "Khan_阚", "頂頂貓-民生銀行-項目經理": "顶顶猫-民生银行-项目经理", "双乾支付": "双乾支付"} {
		if got := SimplifyName(in); got != want {
			t.Errorf("SimplifyName(%q) = %q, want %q", in, got, want)
		}
	}
	if openccLoads.Load() != before {
		t.Error("SimplifyName loaded OpenCC's tables")
	}
}
