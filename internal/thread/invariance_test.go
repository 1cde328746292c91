package thread

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
	"github.com/cocolian/threads/internal/sharedtest"
)

// A rewrite writes a day's messages the way another export would, and
// returns where each message stands in the result, or nil when the day has
// nothing to rewrite (the day is then left out).
type rewrite func(msgs []chatlog.Message) (rewritten []chatlog.Message, at []int)

// rewriteTexts is a rewrite that changes only texts, with change; at is nil
// when change leaves every text as it was.
func rewriteTexts(change func(string) string) rewrite {
	return rewriteMessages(change, false)
}

// rewriteTextsAndQuotes is rewriteTexts that changes the quotes in the
// messages too, as a client that writes its texts so would quote them.
func rewriteTextsAndQuotes(change func(string) string) rewrite {
	return rewriteMessages(change, true)
}

// rewriteMessages is rewriteTexts, and with quotes rewriteTextsAndQuotes.
func rewriteMessages(change func(string) string, quotes bool) rewrite {
	return func(msgs []chatlog.Message) ([]chatlog.Message, []int) {
		out := append([]chatlog.Message(nil), msgs...)
		at := make([]int, len(msgs))
		changed := false
		for k := range out {
			at[k] = k
			if t := change(out[k].Text); t != out[k].Text {
				if out[k].LinkTitle == out[k].Text {
					out[k].LinkTitle = t // a shared link's title, written as its text: no caption
				}
				out[k].Text, changed = t, true
			}
			if q := out[k].Quote; quotes && q != nil {
				out[k].Quote = &chatlog.Quote{Sender: q.Sender, Text: change(q.Text)}
			}
		}
		if !changed {
			return nil, nil
		}
		return out, at
	}
}

// checkSameThreads threads every corpus day as it is and as rewritten, and
// checks that each message gets the same parent and role both ways: the
// export's way of writing the chat changes nothing. It returns how many
// days were rewritten.
func checkSameThreads(t *testing.T, how string, rw rewrite) int {
	t.Helper()
	return checkSameThreadsLog(t, how, func(log *chatlog.Log) (*chatlog.Log, []int) {
		msgs, at := rw(log.Messages)
		if at == nil {
			return nil, nil
		}
		rewritten := *log
		rewritten.Messages = msgs
		return &rewritten, at
	}, 0)
}

// checkSameThreadsLog is checkSameThreads for a rewrite of the whole log
// (its speaker too), which returns the rewritten log and where each message
// stands in it, or nil when the day has nothing to rewrite. Up to tolerate
// messages of the whole corpus may thread differently; they are logged.
func checkSameThreadsLog(t *testing.T, how string, rw func(log *chatlog.Log) (*chatlog.Log, []int), tolerate int) int {
	t.Helper()
	root := sharedtest.Dir(t, "corpus", "cocolian")
	paths, err := filepath.Glob(filepath.Join(root, "*", "*.markdown"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus days under %s", root)
	}
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	days, total := 0, 0
	var differences []string
	for _, path := range paths {
		logs, err := chatlog.ParsePath(path, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		plainLog := logs[0]
		rewritten, at := rw(plainLog)
		if at == nil {
			continue
		}
		msgs := rewritten.Messages
		days++
		plain := Build(plainLog, seg)
		res := Build(rewritten, seg)
		for k, l := range plain.Links {
			total++
			want := -1
			if l.Parent >= 0 {
				want = at[l.Parent]
			}
			if got := res.Links[at[k]]; got.Parent != want || got.Role != l.Role {
				differences = append(differences, fmt.Sprintf("%s: message %d (%.30q, %s %.30q): parent %d role %q; as exported, parent %d role %q\n  evidence %+v\n  as exported %+v",
					filepath.Base(path), k, plainLog.Messages[k].Text, how, msgs[at[k]].Text, got.Parent, got.Role, want, l.Role, got.Evidence, l.Evidence))
			}
		}
	}
	report := t.Logf
	if len(differences) > tolerate {
		report = t.Errorf
	}
	for _, d := range differences[:min(len(differences), 5)] {
		report("%s", d)
	}
	if len(differences) > 0 {
		report("%d of %d messages thread differently %s (at most %d may)", len(differences), total, how, tolerate)
	}
	return days
}

// TestNoticesCorpus puts a platform notice (a join) after every fifth
// message of each corpus day, as exports that keep joins and recalls do,
// and checks that every message keeps its parent and role: the WeChat
// model passes over notices.
func TestNoticesCorpus(t *testing.T) {
	days := checkSameThreads(t, "with notices between", func(msgs []chatlog.Message) ([]chatlog.Message, []int) {
		var out []chatlog.Message
		at := make([]int, len(msgs))
		for k, m := range msgs {
			at[k] = len(out)
			out = append(out, m)
			if k%5 == 4 && !(k+1 < len(msgs) && chatlog.ExportCopy(msgs, k+1)) { // no export splits a message from its second listing
				out = append(out, chatlog.Message{Time: m.Time, Type: chatlog.TypeSystem, Text: `"新人"加入了群聊`})
			}
		}
		return out, at
	})
	if days == 0 {
		t.Fatal("no corpus day to put notices in")
	}
}
