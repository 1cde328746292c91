package thread

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
	"github.com/cocolian/threads/internal/sharedtest"
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
	root := sharedtest.Dir(t, "corpus", "cocolian")
	paths, err := filepath.Glob(filepath.Join(root, "*", "*.markdown"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus days under %s", root)
	}
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	days := 0
	for _, path := range paths {
		logs, err := chatlog.ParsePath(path, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		plainLog := logs[0]
		if newListings(plainLog.Messages).second != nil {
			continue // the export lists this day twice already
		}
		days++
		plain := Build(plainLog, seg)
		doubledLog := *plainLog
		var first []int
		doubledLog.Messages, first = listedTwice(plainLog.Messages)
		res := Build(&doubledLog, seg)
		differ := 0
		for k, l := range plain.Links {
			want := -1
			if l.Parent >= 0 {
				want = first[l.Parent]
			}
			if got := res.Links[first[k]]; got.Parent != want || got.Role != l.Role {
				if differ++; differ <= 3 {
					t.Errorf("%s: message %d (%.30q): listed twice, parent %d role %q; listed once, parent %d role %q\n  evidence twice %+v\n  evidence once %+v",
						filepath.Base(path), k, plainLog.Messages[k].Text, got.Parent, got.Role, want, l.Role, got.Evidence, l.Evidence)
				}
			}
		}
		if differ > 3 {
			t.Errorf("%s: %d messages in all thread differently when listed twice", filepath.Base(path), differ)
		}
	}
	if days == 0 {
		t.Fatal("no corpus day lists each message once")
	}
}
