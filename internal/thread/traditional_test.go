package thread

import (
	"testing"

	"github.com/longbridgeapp/opencc"

	"github.com/cocolian/threads/internal/chatlog"
)

// s2t writes simplified Chinese as traditional, as OpenCC does.
func s2t(t *testing.T) func(string) string {
	t.Helper()
	c, err := opencc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	return func(s string) string {
		out, err := c.Convert(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
}

// TestTraditionalCorpus writes every corpus day in traditional Chinese as a
// member in Hong Kong or Taiwan types it (messages and the quotes in them)
// and checks that every message keeps its parent and role.
func TestTraditionalCorpus(t *testing.T) {
	convert := s2t(t)
	days := checkSameThreads(t, "in traditional Chinese", rewriteTextsAndQuotes(convert))
	if days == 0 {
		t.Fatal("no corpus day to write in traditional Chinese")
	}
}

// TestTraditionalExportCorpus writes every corpus day as an export from a
// phone set to traditional Chinese has it, names too (senders, the names in
// mentions and quotes, the day's speaker). A few messages may thread
// differently: names and words go to traditional and back not quite
// unchanged (後 for both 后 and 後, 乾 kept beside no traditional
// character), so the test allows 15 of the corpus's 10,008 (12 did when it was written).
func TestTraditionalExportCorpus(t *testing.T) {
	convert := s2t(t)
	days := checkSameThreadsLog(t, "exported in traditional Chinese", func(log *chatlog.Log) (*chatlog.Log, []int) {
		out := *log
		out.Speaker = convert(log.Speaker)
		out.Messages = append([]chatlog.Message(nil), log.Messages...)
		at := make([]int, len(log.Messages))
		for k := range out.Messages {
			m := &out.Messages[k]
			at[k] = k
			m.Text, m.Sender, m.LinkTitle = convert(m.Text), convert(m.Sender), convert(m.LinkTitle)
			m.Mentions = append([]string(nil), m.Mentions...)
			for x := range m.Mentions {
				m.Mentions[x] = convert(m.Mentions[x])
			}
			if q := m.Quote; q != nil {
				m.Quote = &chatlog.Quote{Sender: convert(q.Sender), Text: convert(q.Text)}
			}
		}
		return &out, at
	}, 15)
	if days == 0 {
		t.Fatal("no corpus day to write in traditional Chinese")
	}
}
