package thread

import (
	"slices"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

// walkTalkRun is the walk talkRuns replaces: it follows sender(i)'s
// messages from i while the talk conditions hold.
func walkTalkRun(msgs []chatlog.Message, fs []features, lst listings, i int) []int {
	run := []int{i}
	speaker := msgs[i].Sender
	prev := i
	others := 0
	for j := i + 1; j < len(msgs); j++ {
		if msgs[j].Time.Sub(msgs[prev].Time) > talkMaxPause {
			break
		}
		if msgs[j].Sender == speaker {
			run = append(run, j)
			prev, others = j, 0
			continue
		}
		if !lst.isTurn(j) {
			continue
		}
		if fs[j].question {
			break
		}
		others++
		if others > talkMaxInterleave {
			break
		}
	}
	return run
}

// walkSaidBetween is the count talkRuns.saidBetween replaces: the messages
// of others inside a run that say something.
func walkSaidBetween(msgs []chatlog.Message, fs []features, lst listings, run []int) int {
	n := 0
	for j := run[0]; j <= run[len(run)-1]; j++ {
		f := &fs[j]
		if msgs[j].Sender != msgs[run[0]].Sender && !(f.sticker || f.ack || f.thanks || f.welcome) && lst.isTurn(j) {
			n++
		}
	}
	return n
}

// TestTalkRuns checks the runs talkRuns follows, and the sums it keeps for
// them, against walking each run from its first message, on crafted days:
// a sender who posts every other turn all day, runs that end at another's
// question, at a fifth turn of others or at a pause, runs across notices
// (passed over or not) and a notice under the speaker's name, each day
// also listed twice, the runs asked for first to last and last to first.
func TestTalkRuns(t *testing.T) {
	long := strings.Repeat("清算", 30)
	speakerNotice := system("A 撤回了一条消息", 0)
	speakerNotice.Sender = "A"
	days := []struct {
		name string
		msgs []chatlog.Message
	}{
		{"every other turn all day", func() []chatlog.Message {
			var msgs []chatlog.Message
			for k := range 40 {
				switch {
				case k%2 == 1:
					msgs = append(msgs, msg([]string{"B", "C", "D"}[k%3], "我们 也 这么 做", k))
				case k%8 == 0:
					msgs = append(msgs, msg("A", "分账 比例 上限 是 多少？", k))
				case k%6 == 0:
					msgs = append(msgs, msg("A", long, k))
				default:
					msgs = append(msgs, msg("A", "同意", k))
				}
			}
			return msgs
		}()},
		{"another's question", []chatlog.Message{
			msg("A", long, 0), msg("B", "[强]", 1), msg("A", long, 2), msg("A", long, 3),
			msg("C", "这个 怎么 做？", 4), msg("A", long, 5), msg("A", long, 6),
		}},
		{"four turns of others, then five", []chatlog.Message{
			msg("A", long, 0), msg("B", "好", 1), msg("C", "谢谢", 2), msg("D", "收到", 3), msg("E", "对", 4),
			msg("A", long, 5), msg("B", "好", 6), msg("C", "谢谢", 7), msg("D", "收到", 8), msg("E", "对", 9),
			msg("F", "嗯", 10), msg("A", long, 11), msg("B", "好", 12), msg("A", long, 13),
		}},
		{"pauses", []chatlog.Message{
			msg("A", long, 0), msg("B", "同意", 5), msg("A", long, 10), msg("A", long, 21),
			msg("B", "同意", 22), msg("A", long, 32), msg("B", "同意", 43), msg("A", long, 44),
		}},
		{"notices and mentions", []chatlog.Message{
			system(`"新人"加入了群聊`, 0), msg("A", long, 0), system(`"新人"加入了群聊`, 0),
			system(`"新人"加入了群聊`, 1), system(`"新人"加入了群聊`, 1), system(`"新人"加入了群聊`, 1),
			system(`"新人"加入了群聊`, 1), system(`"新人"加入了群聊`, 1), msg("A", "@B 你 说 的 对", 2, "B"),
			msg("B", "[强]", 2), image("A", 3), msg("C", "欢迎 欢迎", 3), msg("A", "@C 对", 4, "C"),
			speakerNotice, msg("B", "不 一定", 5), msg("A", long, 6), system(`"新人"加入了群聊`, 6),
			msg("C", "有 道理", 7), msg("D", "同意", 7), msg("A", long, 8),
		}},
	}
	for _, day := range days {
		doubled, _ := listedTwice(day.msgs)
		for _, msgs := range [][]chatlog.Message{day.msgs, doubled} {
			fs := computeFeatures(msgs, fieldTokenizer{})
			for _, pass := range []bool{false, true} {
				lst := newListings(msgs, pass)
				var starts []int
				for i := range msgs {
					if msgs[i].Sender != "" && lst.isTurn(i) {
						starts = append(starts, i)
					}
				}
				for _, backwards := range []bool{false, true} {
					where := day.name
					if len(msgs) > len(day.msgs) {
						where += ", listed twice"
					}
					if pass {
						where += ", notices passed over"
					}
					order := slices.Clone(starts)
					if backwards {
						slices.Reverse(order)
						where += ", last to first"
					}
					runs := newTalkRuns(msgs, fs, lst)
					for _, i := range order {
						runs.follow(i)
						want := walkTalkRun(msgs, fs, lst, i)
						if got := runs.run(i); !slices.Equal(got, want) {
							t.Errorf("%s: run from %d is %v, want %v", where, i, got, want)
							continue
						}
						long, total, addressing := 0, 0, 0
						for _, j := range want {
							if fs[j].runes >= talkLongRunes || msgs[j].Type == chatlog.TypeImage {
								long++
							}
							total += fs[j].runes
							if len(msgs[j].Mentions) > 0 {
								addressing++
							}
						}
						if runs.length[i] != len(want) || runs.last[i] != want[len(want)-1] || runs.long[i] != long ||
							runs.runes[i] != total || runs.addressing[i] != addressing {
							t.Errorf("%s: run from %d sums to length %d, last %d, long %d, runes %d, addressing %d; want %d, %d, %d, %d, %d",
								where, i, runs.length[i], runs.last[i], runs.long[i], runs.runes[i], runs.addressing[i],
								len(want), want[len(want)-1], long, total, addressing)
						}
						if got, want := runs.saidBetween(i), walkSaidBetween(msgs, fs, lst, want); got != want {
							t.Errorf("%s: %d said between in the run from %d, want %d", where, got, i, want)
						}
					}
				}
			}
		}
	}
}
