package thread

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

// randomDay returns n messages of the given senders and texts, a minute
// apart, with platform notices and second listings (the last message again
// under another name of its sender) among them.
func randomDay(rng *rand.Rand, n int, senders, texts []string) []chatlog.Message {
	var msgs []chatlog.Message
	for i := range n {
		switch r := rng.IntN(10); {
		case r == 0:
			msgs = append(msgs, chatlog.Message{Time: msg("A", "", i).Time, Type: chatlog.TypeSystem, Text: `"新人"加入了群聊`})
		case r == 1 && len(msgs) > 0 && msgs[len(msgs)-1].Type == chatlog.TypeText:
			again := msgs[len(msgs)-1]
			again.Sender += "-昵称"
			msgs = append(msgs, again)
		default:
			msgs = append(msgs, msg(senders[rng.IntN(len(senders))], texts[rng.IntN(len(texts))], i))
		}
	}
	return msgs
}

// TestEarlierTurnsByOthers checks the one-pass table of repeats against a
// walk back over every earlier message, on random days of a few texts and
// senders with notices and second listings among them.
func TestEarlierTurnsByOthers(t *testing.T) {
	texts := []string{"本群禁止发广告谢谢配合", "请问分账接口怎么申请", "同问同问同问"}
	senders := []string{"A", "B", "C"}
	rng := rand.New(rand.NewPCG(1, 2))
	for day := range 200 {
		msgs := randomDay(rng, 30, senders, texts)
		c := cocolianContext(msgs)
		got := c.earlierTurnsByOthers()
		for i := range msgs {
			want := -1
			for j := i - 1; j >= 0; j-- {
				if c.fs[j].plain == c.fs[i].plain && msgs[j].Sender != msgs[i].Sender && c.isTurn(j) {
					want = j
					break
				}
			}
			if got[i] != want {
				t.Fatalf("day %d, message %d (%s: %q): %d, want %d", day, i, msgs[i].Sender, msgs[i].Text, got[i], want)
			}
		}
	}
}

// TestTurnCounts checks the answer check's counts of turns between a
// question and its answer against a walk over them, on random days with
// notices and second listings.
func TestTurnCounts(t *testing.T) {
	senders := []string{"A", "B", "C", "D"}
	rng := rand.New(rand.NewPCG(3, 4))
	for day := range 100 {
		msgs := randomDay(rng, 40, senders, []string{"分账 怎么 申请？", "在 商户 平台", "好的"})
		c := cocolianContext(msgs)
		links := make([]Link, len(msgs))
		for i := range links {
			links[i] = Link{Parent: rng.IntN(i+1) - 1, AnswerOf: -1}
			if rng.IntN(3) == 0 {
				links[i].Role = RoleQuestion
			}
		}
		tc := newTurnCounts(msgs, links, c.listings)
		root := threadRoots(links)
		for q := range msgs {
			for a := q; a < len(msgs); a++ {
				var byA, byQ, questions int
				for k := q + 1; k < a; k++ {
					if !c.listings.isTurn(k) {
						continue
					}
					if msgs[k].Sender == msgs[a].Sender {
						byA++
					}
					if msgs[k].Sender == msgs[q].Sender {
						byQ++
					}
					if links[k].Role == RoleQuestion && root[k] == root[a] {
						questions++
					}
				}
				got := []int{inside(tc.bySender[msgs[a].Sender], q, a), inside(tc.bySender[msgs[q].Sender], q, a), inside(tc.questions[tc.root[a]], q, a)}
				if want := []int{byA, byQ, questions}; !slices.Equal(got, want) {
					t.Fatalf("day %d, question %d, answer %d: counts %v, want %v", day, q, a, got, want)
				}
			}
		}
	}
}
