package thread

import (
	"testing"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
)

// TestAskedAgain checks which later question is read as the first one
// asked again: by its asker, in other words, the same day; not a
// follow-up on part of it, nor another person's question.
func TestAskedAgain(t *testing.T) {
	first := msg("苏小鱼", "备付金 集中 存管 以后 支付公司 还能 拿到 利息 收入 吗？", 0)
	wait := msg("老周", "这个 等 分享 完 一起 讨论", 1)
	again := msg("苏小鱼", "请教 沈总 备付金 集中 存管 以后 支付公司 还有 利息 收入 吗？", 30)
	nextDay := again
	nextDay.Time = first.Time.AddDate(0, 0, 1).Add(time.Minute)
	byOther := again
	byOther.Sender = "田野"
	for _, tt := range []struct {
		name string
		msgs []chatlog.Message
		want int // AskedAgain of message 0
	}{
		{"asked again in other words", []chatlog.Message{first, wait, again}, 2},
		{"a follow-up on part of it", []chatlog.Message{
			msg("王五", "可以 退回 账户 余额 吗？", 0), msg("李明", "可以 的", 1), msg("王五", "退回 余额 以后 是不是 可以 提现？", 2)}, 0},
		{"the same question by someone else", []chatlog.Message{first, wait, byOther}, 0},
		{"the next day", []chatlog.Message{first, wait, nextDay}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			log := &chatlog.Log{Format: chatlog.FormatCocolian, Messages: tt.msgs}
			res := Build(log, fieldTokenizer{})
			if res.Links[0].Role != RoleQuestion {
				t.Fatalf("message 0 is no question: %+v", res.Links[0])
			}
			qa := res.Threads[res.Links[0].Thread].Questions[0]
			if qa.Question != 0 || qa.AskedAgain != tt.want {
				t.Errorf("question %d asked again at %d, want 0 at %d", qa.Question, qa.AskedAgain, tt.want)
			}
		})
	}
}

// TestKeywordsLeaveOutCallNames checks that the names a thread's
// participants are called by (callNames) are none of its keywords:
// "thanks Dave" names who answered.
func TestKeywordsLeaveOutCallNames(t *testing.T) {
	log := &chatlog.Log{Format: chatlog.FormatIRC, Messages: []chatlog.Message{
		msg("amy", "how do I mount an ntfs disk?", 0),
		msg("Dave Jones", "amy: install ntfs-3g, then mount it", 1),
		msg("amy", "mounted, thanks Dave", 2),
		msg("zyko9", "zyko9 says ntfs-3g is fine", 3),
	}}
	seg, err := fuzzSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	res := Build(log, seg)
	for _, th := range res.Threads {
		names := callNames(th.Participants)
		for _, k := range th.Keywords {
			if names[k] {
				t.Errorf("thread %s has the name %q among its keywords %v", th.ID, k, th.Keywords)
			}
		}
	}
	if got := callNames([]string{"Dave Jones", "zyko9", "spark_dev", "Kevin-城商行-架构-北京", "邓晓杰～友鱼科技～java开发", "bo"}); len(got) != 3 || !got["dave"] || !got["zyko9"] || !got["spark_dev"] {
		t.Errorf("callNames = %v, want dave, zyko9 and spark_dev", got)
	}
}
