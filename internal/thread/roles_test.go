package thread

import (
	"slices"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

func TestJoinsQuestion(t *testing.T) {
	tests := []struct {
		text string
		want bool // messageFeatures' metoo
	}{
		{"+1", true},
		{"我也+1", true},
		{"+1，同求", true},
		{"同问", true},
		{"一般T+1到账，最长7个工作日", false}, // a settlement day: a fact stated
		{"D+1到账", false},
		{"t+1", false},
		{"1+1", false},
		{"+10", false},
		{"走T+0还是T+1", false},
	}
	for _, tt := range tests {
		m := chatlog.Message{Type: chatlog.TypeText, Text: tt.text}
		if got := messageFeatures(&m, nil).metoo; got != tt.want {
			t.Errorf("messageFeatures(%q).metoo = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestFixtureRoles threads the small days of testdata/ and checks the
// roles the misses they were written for got wrong: an answer that
// mentions the asker and gives a settlement day (T+1), script addresses
// posted after a question, and an answer taken for news because it
// repeats the question's 被罚.
func TestFixtureRoles(t *testing.T) {
	type role struct {
		index    int
		role     Role
		answerOf int
	}
	tests := []struct {
		file     string
		want     []role
		keywords []string // words no thread may have among its keywords
	}{
		{"testdata/mention-answer.markdown", []role{{0, RoleQuestion, -1}, {1, RoleAnswer, 0}, {2, RoleNone, -1}}, nil},
		{"testdata/script-link.markdown", []role{
			{0, RoleQuestion, -1}, {1, RoleNone, -1}, {2, RoleNone, -1}, {3, RoleNone, -1}, {4, RoleNone, -1}, {5, RoleAnswer, 0},
		}, []string{"javascript", "alert", "void"}},
		// An answer in the question's own words (被罚) is no headline; the
		// same word posted out of the blue still is, and so is a headline
		// that shares only a word of when (最新) with a question.
		{"testdata/echoed-news.markdown", []role{{0, RoleQuestion, -1}, {1, RoleAnswer, 0}, {2, RoleNone, -1}, {3, RoleNone, -1}, {4, RoleQuestion, -1}, {5, RoleNone, -1}}, nil},
		// Generic words (dict/generic.yaml), numbers, times and single
		// letters are no keywords.
		{"testdata/generic-keywords.markdown", []role{{0, RoleQuestion, -1}, {1, RoleAnswer, 0}, {2, RoleNone, -1}},
			[]string{"老师", "问题", "晚上", "分享", "20:00", "500", "b"}},
		// Nor, in an English chat, the dictionary's 卡BIN for /usr/bin, the
		// words of a join, a name addressed (bob:) or a web address.
		{"testdata/english-keywords.raw.txt", []role{{0, RoleNone, -1}, {1, RoleNone, -1}, {2, RoleNone, -1}, {3, RoleNone, -1}, {4, RoleNone, -1}},
			[]string{"卡bin", "bin", "hey", "guys", "joined", "carol", "ubuntu", "bob", "dave", "https://help.ubuntu.com/community/gcc"}},
	}
	seg, err := fuzzSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			log, err := chatlog.ParseFile(tt.file, "", nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(log.Messages) != len(tt.want) {
				t.Fatalf("%s: %d messages, want %d", tt.file, len(log.Messages), len(tt.want))
			}
			res := Build(log, seg)
			checkInvariants(t, res, len(log.Messages))
			for _, w := range tt.want {
				l := res.Links[w.index]
				if l.Role != w.role || l.AnswerOf != w.answerOf {
					t.Errorf("message %d (%q): role %q answering %d, want %q answering %d; evidence %v",
						w.index, log.Messages[w.index].Text, l.Role, l.AnswerOf, w.role, w.answerOf, l.Evidence)
				}
			}
			for _, th := range res.Threads {
				for _, k := range tt.keywords {
					if slices.Contains(th.Keywords, k) {
						t.Errorf("thread %s has keyword %q (keywords %v)", th.ID, k, th.Keywords)
					}
				}
			}
		})
	}
}
