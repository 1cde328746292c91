package thread

import (
	"testing"

	"github.com/longbridgeapp/opencc"

	"github.com/cocolian/threads/internal/chatlog"
)

func TestSimplifyTraditional(t *testing.T) {
	tests := []struct{ in, want string }{
		{"請問分賬接口怎麼申請？", "请问分账接口怎么申请？"},
		{"不會", "不会"},
		{"WeChat Pay HK開通港陸匯款", "WeChat Pay HK开通港陆汇款"},
		{"双乾支付的乾易付覆盖了", "双乾支付的乾易付覆盖了"}, // simplified text stays, 乾 and 覆 with it
		{"", ""},
	}
	for _, tt := range tests {
		if got := simplifyTraditional(tt.in); got != tt.want {
			t.Errorf("simplifyTraditional(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for r, want := range map[rune]bool{'會': true, '嗎': true, '請': true, '乾': false, '覆': false, '会': false, 'a': false} {
		if got := isTraditionalOnly(r); got != want {
			t.Errorf("isTraditionalOnly(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestTraditionalOnlyConverts checks the generated table against the
// converter: every character in it becomes another.
func TestTraditionalOnlyConverts(t *testing.T) {
	c, err := toSimplified()
	if err != nil {
		t.Fatal(err)
	}
	if len(traditionalRunes) < 3000 {
		t.Fatalf("traditionalOnly holds %d characters; run go generate ./internal/thread", len(traditionalRunes))
	}
	for _, r := range traditionalRunes {
		if out, err := c.Convert(string(r)); err != nil || out == string(r) {
			t.Errorf("%q converts to %q (%v): not a character only traditional Chinese writes", r, out, err)
		}
	}
}

// TestTraditionalCorpus writes every corpus day in traditional Chinese, as
// a member in Hong Kong or Taiwan types it (messages and the quotes in
// them; names stay as the app shows them), and checks that every message
// keeps its parent and role.
func TestTraditionalCorpus(t *testing.T) {
	s2t, err := opencc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	convert := func(s string) string {
		out, err := s2t.Convert(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	days := checkSameThreads(t, "in traditional Chinese", func(msgs []chatlog.Message) ([]chatlog.Message, []int) {
		out := append([]chatlog.Message(nil), msgs...)
		at := make([]int, len(msgs))
		for k := range out {
			at[k] = k
			out[k].Text = convert(out[k].Text)
			if q := out[k].Quote; q != nil {
				out[k].Quote = &chatlog.Quote{Sender: q.Sender, Text: convert(q.Text)}
			}
		}
		return out, at
	})
	if days == 0 {
		t.Fatal("no corpus day to write in traditional Chinese")
	}
}
