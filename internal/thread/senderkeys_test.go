package thread

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

// sameNameDir holds the fixtures of two accounts with one display name.
const sameNameDir = "testdata/samename"

// parseSameName parses fixture file of sameNameDir.
func parseSameName(t *testing.T, file string) *chatlog.Log {
	t.Helper()
	log, err := chatlog.ParseFile(filepath.Join(sameNameDir, file), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// TestSameNameRoles checks that two accounts of one display name thread as
// two senders: the second's answer to the first's question is an answer,
// a quote or mention that gives the account finds that account's message,
// and a quote that gives only the shared name may find either's.
func TestSameNameRoles(t *testing.T) {
	type link struct {
		index, parent int
		role          Role
		answerOf      int
	}
	tests := []struct {
		name, file string
		want       []link
	}{
		{"Telegram: the second Bob Li's reply by id answers the first's question", "dupnames.json",
			[]link{{0, -1, RoleQuestion, -1}, {1, 0, RoleAnswer, 0}}},
		{"Telegram: a mention_name names the second Bob Li, who answers", "mention-id.json",
			[]link{{0, -1, RoleQuestion, -1}, {2, 0, RoleAnswer, 0}}},
		{"chatlog CSV: a quote of Bob(wxid_a) finds wxid_a's question, not wxid_b's later one of the same words", "quote-day.csv",
			[]link{{2, 0, RoleAnswer, 0}}},
		{"chatlog CSV: a quote of Bob(wxid_b) finds wxid_b's question", "quote-day-b.csv",
			[]link{{0, -1, RoleQuestion, -1}, {2, 1, RoleAnswer, 1}}},
		{"chatlog CSV: a quote of Bob without an id prefers the messages of either Bob", "quote-noid.csv",
			[]link{{3, 0, RoleAnswer, 0}}},
		{"Discord: @Bob with the first Bob's id replies to the first Bob", "mention-discord.json",
			[]link{{1, 0, RoleAnswer, 0}, {2, 0, RoleQuestion, -1}}},
		{"Discord: a typed @Bob without an id may be either Bob: it reaches the nearer", "mention-typed.json",
			[]link{{2, 1, RoleQuestion, -1}}},
		{"chatlog CSV: a typed @Bob reaches the Bob who spoke last, as before the keys", "typed-wechat.csv",
			[]link{{4, 2, RoleNone, -1}}},
		{"Telegram: a mention_name of a Bob Li not posting today reaches neither Bob Li", "mention-absent.json",
			[]link{{0, -1, RoleQuestion, -1}, {1, -1, RoleQuestion, -1}}},
		{"weekly file 1: wxid_b answers wxid_a", "week-1.csv",
			[]link{{0, -1, RoleQuestion, -1}, {1, 0, RoleAnswer, 0}}},
		{"weekly file 2, the accounts in the other order: wxid_a answers wxid_b", "week-2.csv",
			[]link{{0, -1, RoleQuestion, -1}, {1, 0, RoleAnswer, 0}}},
	}
	seg, err := fuzzSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := parseSameName(t, tt.file)
			before, _ := json.Marshal(log)
			res := Build(log, seg)
			checkInvariants(t, res, len(log.Messages))
			for _, w := range tt.want {
				l := res.Links[w.index]
				if l.Parent != w.parent || l.Role != w.role || l.AnswerOf != w.answerOf {
					t.Errorf("message %d (%q): parent %d, role %q answering %d; want parent %d, role %q answering %d; evidence %v",
						w.index, log.Messages[w.index].Text, l.Parent, l.Role, l.AnswerOf, w.parent, w.role, w.answerOf, l.Evidence)
				}
			}
			if after, _ := json.Marshal(log); string(after) != string(before) {
				t.Errorf("Build changed the log it was given")
			}
			for _, th := range res.Threads {
				for _, p := range th.Participants {
					if !slices.ContainsFunc(log.Messages, func(m chatlog.Message) bool { return m.Sender == p }) {
						t.Errorf("thread %s: participant %q is no sender of the export", th.ID, p)
					}
				}
			}
		})
	}
}

// TestSameNameAcrossDays checks that a quote of a question of an earlier
// day that gives the quoted account (Bob(wxid_a)) links to that account's
// question, not to the other Bob's later one of the same words.
func TestSameNameAcrossDays(t *testing.T) {
	tests := []struct {
		file string
		want map[int]string // earlier-day links of the second day's messages
	}{
		{"crossday.csv", map[int]string{0: "2025-03-06 #0 answers true", 1: "2025-03-06 #1 answers true"}},
		// wxid_a asks the quoted words again on the second day, where
		// wxid_b posts nothing: the quote still names wxid_b's question.
		{"crossday-absent.csv", map[int]string{1: "2025-03-06 #1 answers true"}},
	}
	seg, err := fuzzSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			log := parseSameName(t, tt.file)
			days := map[string]*chatlog.Log{}
			var order []string
			for _, m := range log.Messages {
				date := m.Time.Format("2006-01-02")
				d, ok := days[date]
				if !ok {
					d = &chatlog.Log{Path: log.Path, Format: log.Format, Date: date, Title: log.Title, Group: log.Group, ChatID: log.ChatID}
					days[date] = d
					order = append(order, date)
				}
				m.Index = len(d.Messages)
				d.Messages = append(d.Messages, m)
			}
			if len(order) != 2 {
				t.Fatalf("%d days, want 2", len(order))
			}
			var d DayLinker
			d.Build(days[order[0]], seg, DefaultParams())
			_, earlier := d.Build(days[order[1]], seg, DefaultParams())
			got := map[int]string{}
			for i, e := range earlier {
				got[i] = fmt.Sprintf("%s #%d answers %v", e.Date, e.Index, e.Answer)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSameNameKeys checks the keys: one per account of a shared name,
// from the name and the id alone (the same in every file, whatever order
// the accounts come in), none for a name only one account sends under or
// for one account under two names; mentions and quotes that give an
// account take its key (and make it a holder of its name), a typed
// mention names every holder.
func TestSameNameKeys(t *testing.T) {
	msg := func(sender, id string) chatlog.Message {
		return chatlog.Message{Sender: sender, SenderID: id, Type: chatlog.TypeText, Text: "x"}
	}
	mention := msg("Carol", "c")
	mention.Mentions, mention.MentionIDs = []string{"Bob", "Bob", "bob2", "Carol"}, []string{"b", "", "b", "c"}
	quote := msg("Carol", "c")
	quote.Quote = &chatlog.Quote{Sender: "Bob", SenderID: "a", Text: "q"}
	tests := []struct {
		name string
		msgs []chatlog.Message
		want [][]string // per message: sender, mentions..., quote sender
	}{
		{"two Bobs, a mention by id and typed, a quote by id",
			[]chatlog.Message{msg("Bob", "a"), msg("Bob", "b"), mention, quote},
			[][]string{{"Bob (a)"}, {"Bob (b)"}, {"Carol", "Bob (b)", "Bob (a)", "Bob (b)", "Bob (b)", "Carol"}, {"Carol", "Bob (a)"}}},
		{"an account only a mention or a quote names still holds its name",
			[]chatlog.Message{msg("Bob", "a"), quote, func() chatlog.Message {
				m := msg("Carol", "c")
				m.Mentions, m.MentionIDs = []string{"Bob"}, []string{"z"}
				return m
			}()},
			[][]string{{"Bob (a)"}, {"Carol", "Bob (a)"}, {"Carol", "Bob (z)"}}},
		{"the same two Bobs in the other order keep their keys",
			[]chatlog.Message{msg("Bob", "b"), msg("Bob", "a")},
			[][]string{{"Bob (b)"}, {"Bob (a)"}}},
		{"a message without an id keeps the shared name",
			[]chatlog.Message{msg("Bob", "a"), msg("Bob", "b"), msg("Bob", "")},
			[][]string{{"Bob (a)"}, {"Bob (b)"}, {"Bob"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := &chatlog.Log{Messages: tt.msgs}
			keyed, keys := keyedLog(log)
			if keys == nil || keyed == log {
				t.Fatal("no keys")
			}
			var got [][]string
			for _, m := range keyed.Messages {
				v := append([]string{m.Sender}, m.Mentions...)
				if m.Quote != nil {
					v = append(v, m.Quote.Sender)
				}
				got = append(got, v)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for i, m := range tt.msgs {
				if m.Sender == "Bob (a)" || slices.Contains(m.Mentions, "Bob (b)") {
					t.Errorf("keyedLog changed message %d of the log it was given", i)
				}
			}
		})
	}
	for _, msgs := range [][]chatlog.Message{
		{msg("Bob", "a"), msg("Rob", "b"), msg("Bob", "a")},
		{msg("Bob", "a"), msg("Bob Li", "a")},
		{msg("Bob", ""), msg("Bob", "")},
	} {
		if log := (&chatlog.Log{Messages: msgs}); func() bool { k, keys := keyedLog(log); return k != log || keys != nil }() {
			t.Errorf("%v: keyed, want the log itself", msgs)
		}
	}
}

// TestSameNameNoClash checks that a log whose display names are each one
// account's threads byte for byte as it does without any account ids.
func TestSameNameNoClash(t *testing.T) {
	seg, err := fuzzSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"week-1.csv", "mention-discord.json", "quote-day.csv"} {
		log := parseSameName(t, file)
		for i := range log.Messages { // the second Bob renamed: no name is shared
			if m := &log.Messages[i]; m.Sender == "Bob" && m.SenderID != "wxid_a" && m.SenderID != "101" {
				m.Sender = "Rob"
			}
		}
		bare := *log
		bare.Messages = slices.Clone(log.Messages)
		for i := range bare.Messages {
			m := &bare.Messages[i]
			m.SenderID, m.MentionIDs = "", nil
			if m.Quote != nil {
				q := *m.Quote
				q.SenderID = ""
				m.Quote = &q
			}
		}
		got, _ := json.Marshal(Build(log, seg))
		want, _ := json.Marshal(Build(&bare, seg))
		if string(got) != string(want) {
			t.Errorf("%s: threading with ids differs from threading without:\n%s\n%s", file, got, want)
		}
	}
}
