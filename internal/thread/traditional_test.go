package thread

import (
	"testing"

	"github.com/longbridgeapp/opencc"

	"github.com/cocolian/threads/internal/chatlog"
)

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
