package thread

import (
	"fmt"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

// listedTwice returns msgs with every message that has text listed a
// second time right after it, in the same second, under another name of
// its sender (昵称N), and where each message of msgs stands in the result.
func listedTwice(msgs []chatlog.Message) (doubled []chatlog.Message, first []int) {
	first = make([]int, len(msgs))
	nick := map[string]string{}
	for k, m := range msgs {
		first[k] = len(doubled)
		doubled = append(doubled, m)
		if m.Text == "" {
			continue // an export repeats no empty line
		}
		if nick[m.Sender] == "" {
			nick[m.Sender] = fmt.Sprintf("昵称%d", len(nick))
		}
		copied := m
		copied.Sender = nick[m.Sender]
		doubled = append(doubled, copied)
	}
	return doubled, first
}

// TestDoubledExportCorpus lists every message of each corpus day twice, as
// some exports do, and checks that the first listings get the parents and
// roles the plain day gives them: the copies change nothing.
func TestDoubledExportCorpus(t *testing.T) {
	days := checkSameThreads(t, "listed twice", func(msgs []chatlog.Message) ([]chatlog.Message, []int) {
		if newListings(msgs, false).second != nil {
			return nil, nil // the export lists this day twice already
		}
		return listedTwice(msgs)
	})
	if days == 0 {
		t.Fatal("no corpus day lists each message once")
	}
}

// TestTurnBefore checks the turn before each message, found once for the
// whole log, against a walk back from the message over the second listings
// and notices before it, on a day that opens with notices, lists every
// message twice and has runs of notices between.
func TestTurnBefore(t *testing.T) {
	var msgs []chatlog.Message
	for k, text := range []string{"", "", "问题 一", "", "回答 一", "", "", "", "谢谢", "", "问题 二"} {
		if text == "" {
			msgs = append(msgs, system(`"新人"加入了群聊`, k))
			continue
		}
		msgs = append(msgs, msg(fmt.Sprintf("S%d", k%3), text, k))
	}
	doubled, _ := listedTwice(msgs)
	for _, day := range [][]chatlog.Message{msgs, doubled} {
		for _, pass := range []bool{false, true} {
			l := newListings(day, pass)
			for i := range day {
				want := -1
				for k := i - 1; k >= 0; k-- {
					if l.isTurn(k) {
						want = k
						break
					}
				}
				if got := l.turnBefore(i); got != want {
					t.Errorf("%d messages, notices passed over %v: turn before message %d is %d, want %d", len(day), pass, i, got, want)
				}
			}
		}
	}
}
