package thread

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

// forumFixture is a synthetic Telegram forum export: General and the topics
// Refunds and Payouts, whose messages interleave with the same words a few
// seconds apart.
const forumFixture = "../../testdata/chatlog/telegram/forum.json"

// checkTopicsApart checks that no reply link, answer or thread of res joins
// messages of two topics, that each thread names its messages' topic, and
// that evidence details naming messages by number name messages of the
// same topic (the topic's numbers were turned into the log's).
func checkTopicsApart(t *testing.T, log *chatlog.Log, res *Result) {
	t.Helper()
	msgs := log.Messages
	for i, l := range res.Links {
		if l.Parent >= 0 && msgs[l.Parent].Topic != msgs[i].Topic {
			t.Errorf("message %d (topic %q) replies to message %d (topic %q)", i, msgs[i].Topic, l.Parent, msgs[l.Parent].Topic)
		}
		if l.AnswerOf >= 0 && msgs[l.AnswerOf].Topic != msgs[i].Topic {
			t.Errorf("message %d (topic %q) answers message %d (topic %q)", i, msgs[i].Topic, l.AnswerOf, msgs[l.AnswerOf].Topic)
		}
		for _, e := range l.Evidence {
			if _, ok := indexedEvidence[e.Kind]; !ok {
				continue
			}
			for _, m := range messageNumber.FindAllStringSubmatch(e.Detail, -1) {
				k, _ := strconv.Atoi(m[2])
				if k >= len(msgs) || msgs[k].Topic != msgs[i].Topic {
					t.Errorf("message %d (topic %q): evidence %s %q names a message of another topic", i, msgs[i].Topic, e.Kind, e.Detail)
				}
			}
			if e.Kind == "quote" && strings.HasPrefix(e.Detail, "quotes message ") && e.Detail != "quotes message "+strconv.Itoa(l.Parent) {
				t.Errorf("message %d replies to %d, but its evidence says %q", i, l.Parent, e.Detail)
			}
		}
	}
	for k, th := range res.Threads {
		if want := "t" + strconv.Itoa(k+1); th.ID != want {
			t.Errorf("thread %d is %s, want %s", k, th.ID, want)
		}
		if k > 0 && th.Messages[0] < res.Threads[k-1].Messages[0] {
			t.Errorf("thread %s starts at message %d, before the thread before it (%d)", th.ID, th.Messages[0], res.Threads[k-1].Messages[0])
		}
		for _, i := range th.Messages {
			if msgs[i].Topic != th.Topic {
				t.Errorf("thread %s (topic %q) holds message %d of topic %q", th.ID, th.Topic, i, msgs[i].Topic)
			}
		}
		for _, q := range th.Questions {
			for _, a := range q.Answers {
				if !slices.Contains(th.Messages, q.Question) || !slices.Contains(th.Messages, a) {
					t.Errorf("thread %s: question %d or answer %d is not in it", th.ID, q.Question, a)
				}
			}
		}
	}
}

// checkTopicsAlone checks that each topic of log threads in res as it
// does alone, as a log of only its messages.
func checkTopicsAlone(t *testing.T, log *chatlog.Log, res *Result, tok Tokenizer) {
	t.Helper()
	for _, idx := range topicParts(log.Messages) {
		sub := *log
		sub.Messages = nil
		for k, i := range idx {
			m := log.Messages[i]
			m.Index = k
			sub.Messages = append(sub.Messages, m)
		}
		alone := Build(&sub, tok)
		topic := sub.Messages[0].Topic
		for k, l := range alone.Links {
			got := res.Links[idx[k]]
			want := l
			if want.Parent >= 0 {
				want.Parent = idx[want.Parent]
			}
			if want.AnswerOf >= 0 {
				want.AnswerOf = idx[want.AnswerOf]
			}
			want.Evidence = remapEvidence(want.Evidence, idx)
			want.Thread = got.Thread
			if !reflect.DeepEqual(got, want) {
				t.Errorf("topic %q, message %d: threaded with the others\n%+v\nalone\n%+v", topic, idx[k], got, want)
			}
		}
		for _, th := range alone.Threads {
			got := res.Threads[res.Links[idx[th.Messages[0]]].Thread]
			if !reflect.DeepEqual(got.Messages, remapIndices(th.Messages, idx)) || got.Title != th.Title || got.Kind != th.Kind || got.Topic != topic {
				t.Errorf("topic %q: thread %+v alone is %+v with the others", topic, th, got)
			}
		}
	}
}

// TestForumTopicsThreadApart threads the synthetic forum export: without
// keeping topics apart, a question of Payouts replied to one of Refunds
// (the same words, 30 seconds later), a picture posted in Refunds joined a
// question of Payouts, and a message of Refunds answered one of General.
func TestForumTopicsThreadApart(t *testing.T) {
	log, err := chatlog.ParseFile(forumFixture, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	seg, err := fuzzSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	res := Build(log, seg)
	checkInvariants(t, res, len(log.Messages))
	checkTopicsApart(t, log, res)
	checkTopicsAlone(t, log, res, seg)

	byID := map[string]int{}
	for i, m := range log.Messages {
		byID[m.ID] = i
	}
	// The answers of each topic's question stay in its topic.
	for _, c := range []struct{ answer, question string }{{"205", "203"}, {"206", "204"}, {"210", "207"}, {"211", "209"}} {
		if l := res.Links[byID[c.answer]]; l.Role != RoleAnswer || l.AnswerOf != byID[c.question] {
			t.Errorf("message %s: %s of %d, want an answer to message %s", c.answer, l.Role, l.AnswerOf, c.question)
		}
	}
	topics := map[string]bool{}
	for _, th := range res.Threads {
		topics[th.Topic] = true
	}
	if len(topics) != 3 || !topics["General"] || !topics["Refunds"] || !topics["Payouts"] {
		t.Errorf("thread topics %v, want General, Refunds and Payouts", topics)
	}
	if again := Build(log, seg); !reflect.DeepEqual(res, again) {
		t.Error("two runs on the same input gave different results")
	}
}

// TestTopicsOnSampleDay cuts the sample day into two topics, every other
// message, so that every pass (waves, quotes, the rank weights, the answer
// check) runs inside a topic; and checks that a day whose messages share
// one topic threads as it does without topics.
func TestTopicsOnSampleDay(t *testing.T) {
	seg, err := fuzzSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	plain, err := chatlog.ParseFile("../../testdata/sample-day.markdown", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Build(plain, seg)

	one := *plain
	one.Messages = slices.Clone(plain.Messages)
	for i := range one.Messages {
		one.Messages[i].Topic = "Only"
	}
	got := Build(&one, seg)
	for k := range got.Threads {
		if got.Threads[k].Topic != "Only" {
			t.Errorf("thread %s: topic %q, want Only", got.Threads[k].ID, got.Threads[k].Topic)
		}
		got.Threads[k].Topic = ""
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("a day whose messages share one topic threads otherwise than without topics")
	}

	two := *plain
	two.Messages = slices.Clone(plain.Messages)
	for i := range two.Messages {
		two.Messages[i].Topic = []string{"A", "B"}[i%2]
	}
	res := Build(&two, seg)
	checkInvariants(t, res, len(two.Messages))
	checkTopicsApart(t, &two, res)
	checkTopicsAlone(t, &two, res, seg)
}

func TestRemapEvidence(t *testing.T) {
	idx := []int{3, 8, 10, 42}
	in := []Evidence{
		{Kind: "quote", Detail: "quotes message 2", Weight: 12},
		{Kind: "rerank", Detail: "the link weights chose message 1 of this thread; with the rank weights this one scores higher by the weight; most of all typed-before +1.84 (message 1 has it), rank trees +0.35"},
		{Kind: "thread-start", Detail: "best candidate 3 scored 0.41 < 0.60"},
		{Kind: "takes-up", Detail: "message 1 speaks on right after: the repeat takes message 2 up, as a quote would"},
		{Kind: "greeting-wave", Detail: "checks in with the message 0 message 1 asked for"},
		{Kind: "answers-by-first-link", Detail: "the links as the link weights chose them, before the rank weights moved any, reach question 0 (through message 1); the final links give no answer"},
		{Kind: "adjacent", Detail: "2 messages before"},
		{Kind: "shared-terms", Detail: "message 1"},
		{Kind: "answered-back", Detail: "message 2 speaks again right after"},
		{Kind: "copy", Detail: "message 9 is out of range"},
	}
	want := []string{
		"quotes message 10",
		"the link weights chose message 8 of this thread; with the rank weights this one scores higher by the weight; most of all typed-before +1.84 (message 8 has it), rank trees +0.35",
		"best candidate 42 scored 0.41 < 0.60",
		"message 1 speaks on right after: the repeat takes message 10 up, as a quote would",
		"checks in with the message 0 message 8 asked for",
		"the links as the link weights chose them, before the rank weights moved any, reach question 3 (through message 8); the final links give no answer",
		"2 messages before",
		"message 1",
		"message 2 speaks again right after",
		"message 9 is out of range",
	}
	saved := slices.Clone(in)
	out := remapEvidence(in, idx)
	for k := range want {
		if out[k].Detail != want[k] {
			t.Errorf("%s %q: got %q, want %q", in[k].Kind, in[k].Detail, out[k].Detail, want[k])
		}
	}
	if !reflect.DeepEqual(in, saved) {
		t.Error("remapEvidence changed its input")
	}
	if remapEvidence(nil, idx) != nil {
		t.Error("no evidence should stay nil")
	}
}

// TestIndexedEvidenceComplete keeps indexedEvidence in step with the
// package: every format string that names a message by its number ("message
// %d", "question %d", "candidate %d") is listed here, with the evidence
// kind it is written under. A new one fails the test until its kind is in
// indexedEvidence (and here): otherwise a forum's evidence would name
// messages by their number in the topic.
func TestIndexedEvidenceComplete(t *testing.T) {
	known := map[string]string{
		"an answer to message %d with probability %.3f, below %g: a comment, not an answer":              "answer-check",
		"the links as the link weights chose them, before the rank weights moved any, reach question %d": "answers-by-first-link",
		" (through message %d)": "answers-by-first-link",
		"the export lists message %d again under another name of its sender":                   "copy",
		"the conversation of message %d carries on here among the same people and stops there": "handover",
		"calls again for the introductions message %d asked for":                               "introductions",
		"a self-introduction in the round opened by message %d":                                "introductions",
		"quotes message %d":  "quote",
		"repeats message %d": "repeat",
		"%s speaks on right after: the repeat takes message %d up, as a quote would":                                        "takes-up",
		"takes up question %d in its own words":                                                                             "quote",
		"asks about words of message %d":                                                                                    "echo",
		"a short remark opens no subject: it comments on message %d":                                                        "remark",
		"best candidate %d scored %.2f < %.2f":                                                                              "thread-start",
		"the link weights chose message %d of this thread (%s); with the rank weights this one scores higher by the weight": "rerank",
		"message %d has it":                          "rerank",
		"cheers message %d with the sticker before":  "reaction",
		"welcome in the wave started at message %d":  "greeting-wave",
		"checks in with the %s message %d asked for": "greeting-wave",
	}
	for _, kind := range known {
		if _, ok := indexedEvidence[kind]; !ok {
			t.Errorf("indexedEvidence lacks %q", kind)
		}
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	literal := regexp.MustCompile(`"((?:[^"\\]|\\.)*\b(?:message|question|candidate) %d(?:[^"\\]|\\.)*)"`)
	seen := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			seen[m[1]] = true
			if _, ok := known[m[1]]; !ok {
				t.Errorf("%s: %q names a message by its number: add its evidence kind to indexedEvidence, and the string to this test", f, m[1])
			}
		}
	}
	for s := range known {
		if !seen[s] {
			t.Errorf("no source writes %q any more: drop it from this test (and its kind from indexedEvidence if no other detail needs it)", s)
		}
	}
}

// TestTopicTrainingDays checks that training cuts a forum log into one day
// per topic, as threading does, with gold renumbered within the topic and
// annotations that reach into another topic left out.
func TestTopicTrainingDays(t *testing.T) {
	topics := []string{"A", "B", "A", "B", "A"}
	log := &chatlog.Log{}
	for i, topic := range topics {
		m := msg("S"+strconv.Itoa(i), "分账 接口", i)
		m.Index, m.Topic = i, topic
		log.Messages = append(log.Messages, m)
	}
	day := TrainingDay{
		Log:     log,
		Gold:    map[int][]int{0: {0}, 1: {0}, 2: {0}, 3: {1}, 4: {1, 2}},
		Answers: map[int]int{0: -1, 2: 0, 3: 0, 4: -1},
	}
	plain := TrainingDay{Log: &chatlog.Log{Messages: log.Messages[:1]}, Gold: map[int][]int{0: {0}}}
	got := topicTrainingDays([]TrainingDay{day, plain})
	if len(got) != 3 || got[2].Log != plain.Log {
		t.Fatalf("got %d days, want topics A and B, then the log without topics as it is", len(got))
	}
	want := []struct {
		indices []int
		gold    map[int][]int
		answers map[int]int
	}{
		{[]int{0, 2, 4}, map[int][]int{0: {0}, 1: {0}, 2: {1}}, map[int]int{0: -1, 1: 0, 2: -1}},
		{[]int{1, 3}, map[int][]int{1: {0}}, map[int]int{}}, // 1's gold and 3's question are in topic A
	}
	for k, w := range want {
		d := got[k]
		var senders, wantSenders []string
		for i, m := range d.Log.Messages {
			if m.Index != i {
				t.Errorf("topic %d: message %d has Index %d", k, i, m.Index)
			}
			senders = append(senders, m.Sender)
		}
		for _, i := range w.indices {
			wantSenders = append(wantSenders, log.Messages[i].Sender)
		}
		if !slices.Equal(senders, wantSenders) {
			t.Errorf("topic %d: messages of %v, want %v", k, senders, wantSenders)
		}
		if !reflect.DeepEqual(d.Gold, w.gold) || !reflect.DeepEqual(d.Answers, w.answers) {
			t.Errorf("topic %d: gold %v answers %v, want %v and %v", k, d.Gold, d.Answers, w.gold, w.answers)
		}
	}
}
