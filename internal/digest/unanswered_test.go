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

// opening is day with its message i opening a thread of its own: the
// threading linked it to nothing said before.
func opening(day Day, i int) Day {
	day.Result.Links[i].Parent = -1
	return day
}

// TestBuildUnanswered checks which questions the digest lists as
// unanswered, one item per question of its latest asking, and in what
// order.
func TestBuildUnanswered(t *testing.T) {
	asked := map[int][]int{0: nil}    // message 0 asks, and gets no answer
	answered := map[int][]int{0: {1}} // message 0 asks, message 1 answers
	followUp := map[int][]int{1: nil} // message 1 asks, inside the thread
	const q = "微信 分账 接口 怎么 申请"
	tests := []struct {
		name string
		days []Day
		want []string // "date group line question, asked N since first", "+" after it for an entry
	}{
		{"asked once, never answered, says enough",
			[]Day{threadDay("a.md", "2018-03-01", "g", asked, q)},
			[]string{"2018-03-01 g 1 " + q + ", asked 1 since 2018-03-01"}},
		{"answered",
			[]Day{threadDay("a.md", "2018-03-01", "g", answered, q, "商户平台 申请")},
			nil},
		{"answered on another day",
			[]Day{
				threadDay("a.md", "2018-03-01", "g", asked, q),
				threadDay("b.md", "2018-03-09", "g", answered, q, "商户平台 申请"),
			},
			nil},
		{"asked on two days, never answered: one item, the latest asking",
			[]Day{
				threadDay("b.md", "2018-03-09", "g", asked, q),
				threadDay("a.md", "2018-03-01", "g", asked, q),
			},
			[]string{"2018-03-09 g 1 " + q + ", asked 2 since 2018-03-01 +"}},
		{"asked on three days, never answered: one item, the latest asking's line",
			[]Day{
				threadDay("b.md", "2018-03-09", "g", asked, q),
				opening(threadDay("c.md", "2018-03-20", "h", map[int][]int{1: nil}, "大家 早上 好", q), 1),
				threadDay("a.md", "2018-03-01", "g", asked, q),
			},
			[]string{"2018-03-20 h 5 " + q + ", asked 3 since 2018-03-01 +"}},
		{"asked on three days, answered on one: none",
			[]Day{
				threadDay("a.md", "2018-03-01", "g", asked, q),
				threadDay("b.md", "2018-03-09", "g", answered, q, "商户平台 申请"),
				threadDay("c.md", "2018-03-20", "g", asked, q),
			},
			nil},
		{"asked twice, once inside a thread: the asking that opens its thread, once",
			[]Day{
				threadDay("a.md", "2018-03-01", "g", asked, q),
				threadDay("b.md", "2018-03-09", "g", followUp, "备付金 利息 归 谁", q),
			},
			[]string{"2018-03-01 g 1 " + q + ", asked 1 since 2018-03-01 +"}},
		{"too little said: two words, no payments term",
			[]Day{threadDay("a.md", "2018-03-01", "g", asked, "接口 怎么 申请")},
			nil},
		{"two words with a payments term say enough",
			[]Day{threadDay("a.md", "2018-03-01", "g", asked, "分账 怎么 申请")},
			[]string{"2018-03-01 g 1 分账 怎么 申请, asked 1 since 2018-03-01"}},
		{"not a question",
			[]Day{threadDay("a.md", "2018-03-01", "g", nil, "微信 分账 接口 申请 很 麻烦")},
			nil},
		{"a turn inside a thread",
			[]Day{threadDay("a.md", "2018-03-01", "g", followUp, "备付金 利息 归 谁", q)},
			nil},
		{"ordered by date, group and line",
			[]Day{
				threadDay("z.md", "2018-03-02", "a", asked, "备付金 账户 利息 多少"),
				threadDay("y.md", "2018-03-01", "b", asked, "微信 分账 比例 上限"),
				threadDay("x.md", "2018-03-02", "b", asked, "商户平台 证书 过期 怎么 续"),
			},
			[]string{"2018-03-01 b 1 微信 分账 比例 上限, asked 1 since 2018-03-01", "2018-03-02 a 1 备付金 账户 利息 多少, asked 1 since 2018-03-02", "2018-03-02 b 1 商户平台 证书 过期 怎么 续, asked 1 since 2018-03-02"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Build(tt.days, spaceTokenizer{}, fixtureOptions(t))
			var got []string
			for _, u := range d.Unanswered {
				s := fmt.Sprintf("%s %s %d %s, asked %d since %s", u.Date, u.Group, u.Line, u.Question, u.Asked, u.FirstDate)
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
		{"an entry only", []Unanswered{{InEntry: true, Asked: 3}}, " 1 unanswered question listed at the end, an entry never answered."},
		{"of entries only", []Unanswered{{InEntry: true, Asked: 2}, {InEntry: true, Asked: 5}}, " 2 unanswered questions listed at the end, entries never answered."},
		{"both", []Unanswered{{Asked: 1}, {Asked: 1}, {InEntry: true, Asked: 4}}, " 3 unanswered questions listed at the end: 2 out of those left out, 1 entry never answered."},
		{"both, entries", []Unanswered{{Asked: 1}, {InEntry: true, Asked: 2}, {InEntry: true, Asked: 2}}, " 3 unanswered questions listed at the end: 1 out of those left out, 2 entries never answered."},
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
	opts := fixtureOptions(t)
	opts.Lang = "en"
	d := Build([]Day{day}, spaceTokenizer{}, opts)
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
	if !strings.Contains(b.String(), `"unanswered":[{"asker":"A","question":"微信 分账 接口 \u003cb\u003e怎么\u003c/b\u003e 申请","line":1,"day":0,"thread":"t1"}]`) {
		t.Error("the page data lacks the unanswered question, escaped")
	}
}

// TestUnansweredAskedOutputs checks how each output says how often an
// unanswered question was asked: the JSON always, with the first asking's
// date; the Markdown digest, the knowledge base's index and the HTML page
// only when it was asked more than once, after the latest asking.
func TestUnansweredAskedOutputs(t *testing.T) {
	const q = "微信 分账 接口 怎么 申请"
	tests := []struct {
		name   string
		days   []Day
		want   []string // in the Markdown digest, the index, the page and the JSON
		absent []string // in none of them
	}{
		{"asked once",
			[]Day{threadDay("a.md", "2018-03-01", "g", map[int][]int{0: nil}, q)},
			[]string{
				"- 2018-03-01 g, **A**: " + q + " (`a.md:1`)\n",
				"- 2018-03-01 g, **A**: " + q + " ([a.md:1](a.md#L1))\n",
				`"line":1,"day":0,"thread":"t1"}`,
				"\"line\": 1,\n      \"asked\": 1,\n      \"first_date\": \"2018-03-01\"\n",
			},
			[]string{"asked 1", " since 20", `"repeated"`}},
		{"asked three times",
			[]Day{
				threadDay("b.md", "2018-03-09", "g", map[int][]int{0: nil}, q),
				opening(threadDay("c.md", "2018-03-20", "h", map[int][]int{1: nil}, "大家 早上 好", q), 1),
				threadDay("a.md", "2018-03-01", "g", map[int][]int{0: nil}, q),
			},
			[]string{
				"- 2018-03-20 h, **B**: " + q + " (`c.md:5`), asked 3 times since 2018-03-01\n",
				"- 2018-03-20 h, **B**: " + q + " ([c.md:5](c.md#L5)), asked 3 times since 2018-03-01\n",
				`"line":5,"day":2,"thread":"t1","asked":3,"since":"2018-03-01"}`,
				"\"path\": \"c.md\",\n      \"line\": 5,\n      \"asked\": 3,\n      \"first_date\": \"2018-03-01\"\n",
				"1 unanswered question listed at the end, an entry never answered.",
			},
			[]string{"a.md#L1)), asked", "b.md#L1)), asked"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := fixtureOptions(t)
			opts.Lang = "en" // TestChineseMarkdownHasNoEnglish checks the Chinese words
			d := Build(tt.days, spaceTokenizer{}, opts)
			var md, page, js strings.Builder
			if err := WriteMarkdown(&md, d); err != nil {
				t.Fatal(err)
			}
			if err := WriteHTML(&page, d); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSON(&js, d); err != nil {
				t.Fatal(err)
			}
			all := md.String() + string(indexMarkdown(".", d, nil)) + page.String() + js.String()
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("no %q in\n%s\n%s", w, md.String(), js.String())
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(all, a) {
					t.Errorf("%q in the outputs", a)
				}
			}
		})
	}
}
