package digest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/thread"
)

// threadDay is a day of the file path in group g whose one thread holds
// texts in order, each replying to the one before; questions maps the
// index of each question to the indices of its answers.
func threadDay(path, date, g string, questions map[int][]int, texts ...string) Day {
	base := time.Date(2018, 3, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	log := &chatlog.Log{Path: path, Format: "test", Date: date, Group: g}
	res := &thread.Result{Threads: []thread.Thread{{ID: "t1", Kind: thread.KindQA}}}
	for i, text := range texts {
		log.Messages = append(log.Messages, chatlog.Message{Index: i, Line: 1 + 4*i, Time: base.Add(time.Duration(i) * time.Minute), Sender: string(rune('A' + i)), Type: chatlog.TypeText, Text: text})
		res.Links = append(res.Links, thread.Link{Parent: i - 1, AnswerOf: -1})
		res.Threads[0].Messages = append(res.Threads[0].Messages, i)
	}
	for i := range texts {
		if answers, ok := questions[i]; ok {
			res.Threads[0].Questions = append(res.Threads[0].Questions, thread.QA{Question: i, Answers: answers})
			res.Links[i].Role = thread.RoleQuestion
			for _, a := range answers {
				res.Links[a].Role, res.Links[a].AnswerOf = thread.RoleAnswer, i
			}
		}
	}
	return Day{Log: log, Result: res}
}

// TestBuildUnanswered checks which askings the digest lists as unanswered
// questions, and in what order.
func TestBuildUnanswered(t *testing.T) {
	asked := map[int][]int{0: nil}    // message 0 asks, and gets no answer
	answered := map[int][]int{0: {1}} // message 0 asks, message 1 answers
	followUp := map[int][]int{1: nil} // message 1 asks, inside the thread
	tests := []struct {
		name string
		days []Day
		want []string // "date group line question", "+" after it for an entry's asking
	}{
		{"asked once, never answered, says enough",
			[]Day{threadDay("a.md", "2018-03-01", "g", asked, "微信 分账 接口 怎么 申请")},
			[]string{"2018-03-01 g 1 微信 分账 接口 怎么 申请"}},
		{"answered",
			[]Day{threadDay("a.md", "2018-03-01", "g", answered, "微信 分账 接口 怎么 申请", "商户平台 申请")},
			nil},
		{"answered on another day",
			[]Day{
				threadDay("a.md", "2018-03-01", "g", asked, "微信 分账 接口 怎么 申请"),
				threadDay("b.md", "2018-03-09", "g", answered, "微信 分账 接口 怎么 申请", "商户平台 申请"),
			},
			nil},
		{"asked on two days, never answered: both askings of the entry",
			[]Day{
				threadDay("b.md", "2018-03-09", "g", asked, "微信 分账 接口 怎么 申请"),
				threadDay("a.md", "2018-03-01", "g", asked, "微信 分账 接口 怎么 申请"),
			},
			[]string{"2018-03-01 g 1 微信 分账 接口 怎么 申请 +", "2018-03-09 g 1 微信 分账 接口 怎么 申请 +"}},
		{"too little said: two words, no payments term",
			[]Day{threadDay("a.md", "2018-03-01", "g", asked, "接口 怎么 申请")},
			nil},
		{"two words with a payments term say enough",
			[]Day{threadDay("a.md", "2018-03-01", "g", asked, "分账 怎么 申请")},
			[]string{"2018-03-01 g 1 分账 怎么 申请"}},
		{"not a question",
			[]Day{threadDay("a.md", "2018-03-01", "g", nil, "微信 分账 接口 申请 很 麻烦")},
			nil},
		{"a turn inside a thread",
			[]Day{threadDay("a.md", "2018-03-01", "g", followUp, "备付金 利息 归 谁", "微信 分账 接口 怎么 申请")},
			nil},
		{"ordered by date, group and line",
			[]Day{
				threadDay("z.md", "2018-03-02", "a", asked, "备付金 账户 利息 多少"),
				threadDay("y.md", "2018-03-01", "b", asked, "微信 分账 比例 上限"),
				threadDay("x.md", "2018-03-02", "b", asked, "商户平台 证书 过期 怎么 续"),
			},
			[]string{"2018-03-01 b 1 微信 分账 比例 上限", "2018-03-02 a 1 备付金 账户 利息 多少", "2018-03-02 b 1 商户平台 证书 过期 怎么 续"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Build(tt.days, spaceTokenizer{}, fixtureOptions(t))
			var got []string
			for _, u := range d.Unanswered {
				s := fmt.Sprintf("%s %s %d %s", u.Date, u.Group, u.Line, u.Question)
				if u.InEntry {
					s += " +"
				}
				got = append(got, s)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("listed\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			askings := 0
			for _, e := range d.Entries {
				askings += len(e.Occurrences)
			}
			if n := askings + d.LeftOut; n != countQuestions(tt.days) {
				t.Errorf("%d askings in entries and left out, want every one of %d", n, countQuestions(tt.days))
			}
		})
	}
}

// countQuestions counts the questions of days.
func countQuestions(days []Day) int {
	n := 0
	for _, d := range days {
		for _, t := range d.Result.Threads {
			n += len(t.Questions)
		}
	}
	return n
}

// TestUnansweredCount checks the summary's sentence on the unanswered
// questions listed, and where they are counted.
func TestUnansweredCount(t *testing.T) {
	tests := []struct {
		name string
		us   []Unanswered
		want string
	}{
		{"none", nil, ""},
		{"one left out", []Unanswered{{}}, " 1 unanswered question listed at the end, out of those left out."},
		{"of entries only", []Unanswered{{InEntry: true}, {InEntry: true}}, " 2 unanswered questions listed at the end, askings of entries never answered."},
		{"both", []Unanswered{{}, {}, {InEntry: true}}, " 3 unanswered questions listed at the end: 2 out of those left out, 1 asking of entries never answered."},
	}
	for _, tt := range tests {
		if got := unansweredCount(tt.us); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestUnansweredOutputs checks that the knowledge base's index lists the
// unanswered questions after its entries, above the marker, with their
// sources linked, and that the HTML page gives them to its script with
// their text escaped as the rest of its data is.
func TestUnansweredOutputs(t *testing.T) {
	day := threadDay("a.md", "2018-03-01", "g", map[int][]int{0: nil}, "微信 分账 接口 <b>怎么</b> 申请")
	d := Build([]Day{day}, spaceTokenizer{}, fixtureOptions(t))
	if len(d.Unanswered) != 1 {
		t.Fatalf("%d unanswered, want 1", len(d.Unanswered))
	}
	index := string(indexMarkdown(".", d, nil))
	want := "## Unanswered questions of the last run\n\n- 2018-03-01 g, **A**: 微信 分账 接口 &lt;b&gt;怎么&lt;/b&gt; 申请 ([a.md:1](a.md#L1))\n\n" + Marker + "\n"
	if !strings.HasSuffix(index, want) {
		t.Errorf("index ends\n%s\nwant\n%s", index[max(0, len(index)-len(want)-40):], want)
	}
	var b strings.Builder
	if err := WriteHTML(&b, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"unanswered":[{"date":"2018-03-01","group":"g","asker":"A","question":"微信 分账 接口 \u003cb\u003e怎么\u003c/b\u003e 申请","source":"a.md:1","day":0,"thread":"t1"}]`) {
		t.Error("the page data lacks the unanswered question, escaped")
	}
}
