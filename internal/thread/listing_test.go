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
