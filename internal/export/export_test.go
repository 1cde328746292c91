package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/thread"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sampleDay is a small hand-threaded day: a question with two answers, a
// thanks, and a shared link nobody answered.
func sampleDay() Day {
	zone := time.FixedZone("CST", 8*3600)
	at := func(h, m, s int) time.Time { return time.Date(2018, 5, 4, h, m, s, 0, zone) }
	log := &chatlog.Log{
		Path: "testdata/sample.markdown", Format: "cocolian", Date: "2018-05-04",
		Title: "2018-05-04-WeChat", Speaker: "", Group: "proddev",
		Messages: []chatlog.Message{
			{Index: 0, Line: 9, Time: at(9, 33, 17), Sender: "王五", Type: chatlog.TypeText, Text: "请教一下，微信有分账接口吗？"},
			{Index: 1, Line: 12, Time: at(9, 40, 21), Sender: "李明-某某支付-产品-上海", Type: chatlog.TypeText, Text: "有的，要单独申请"},
			{Index: 2, Line: 15, Time: at(9, 41, 2), Sender: "李明-某某支付-产品-上海", Type: chatlog.TypeLink, LinkTitle: "分账接口V1.3.pdf"},
			{Index: 3, Line: 18, Time: at(9, 44, 52), Sender: "王五", Type: chatlog.TypeText, Text: "@小明-某某支付-产品-上海 谢谢", Mentions: []string{"小明-某某支付-产品-上海"}},
			{Index: 4, Line: 21, Time: at(10, 52, 42), Sender: "赵六", Type: chatlog.TypeLink, LinkTitle: "央行发布<条码支付>新规", URL: "http://mp.weixin.qq.com/s?a=1&b=2"},
		},
	}
	res := &thread.Result{
		Links: []thread.Link{
			{Parent: -1, Thread: 0, Role: thread.RoleQuestion, AnswerOf: -1, Evidence: []thread.Evidence{{Kind: "new-thread", Detail: "no earlier message"}}},
			{Parent: 0, Thread: 0, Role: thread.RoleAnswer, AnswerOf: 0, Score: 2.1, Evidence: []thread.Evidence{{Kind: "answers", Weight: 1.5}, {Kind: "shared-terms", Detail: "分账", Weight: 1.2}}},
			{Parent: 1, Thread: 0, Role: thread.RoleAnswer, AnswerOf: 0, Score: 3, Evidence: []thread.Evidence{{Kind: "same-sender", Weight: 3}}},
			{Parent: 2, Thread: 0, AnswerOf: -1, Score: 6, Evidence: []thread.Evidence{{Kind: "mention", Detail: "mentions 李明-某某支付-产品-上海", Weight: 6}}},
			{Parent: -1, Thread: 1, AnswerOf: -1},
		},
		Threads: []thread.Thread{
			{ID: "t1", Kind: thread.KindQA, Title: "请教一下，微信有分账接口吗？", Keywords: []string{"分账", "微信", "接口"},
				Start: at(9, 33, 17), End: at(9, 44, 52), Participants: []string{"王五", "李明-某某支付-产品-上海"},
				Messages: []int{0, 1, 2, 3}, Questions: []thread.QA{{Question: 0, Answers: []int{1, 2}}}},
			{ID: "t2", Kind: thread.KindNews, Title: "央行发布<条码支付>新规", Start: at(10, 52, 42), End: at(10, 52, 42),
				Participants: []string{"赵六"}, Messages: []int{4}},
		},
		Aliases: []thread.Alias{{Mention: "小明-某某支付-产品-上海", Sender: "李明-某某支付-产品-上海", Reason: "shared name parts: 某某支付 产品 上海"}},
	}
	return Day{Log: log, Result: res}
}

func TestWriters(t *testing.T) {
	tests := []struct {
		golden string
		write  func(*bytes.Buffer) error
	}{
		{"day.json", func(b *bytes.Buffer) error { return WriteJSON(b, []Day{sampleDay()}, Options{}) }},
		{"day-explain.json", func(b *bytes.Buffer) error { return WriteJSON(b, []Day{sampleDay()}, Options{Explain: true}) }},
		{"two-days.json", func(b *bytes.Buffer) error { return WriteJSON(b, []Day{sampleDay(), sampleDay()}, Options{}) }},
		{"day.en.md", func(b *bytes.Buffer) error { return WriteMarkdown(b, []Day{sampleDay()}, Options{Lang: "en"}) }},
		{"day-explain.en.md", func(b *bytes.Buffer) error {
			return WriteMarkdown(b, []Day{sampleDay()}, Options{Explain: true, Lang: "en"})
		}},
		{"day.zh.md", func(b *bytes.Buffer) error { return WriteMarkdown(b, []Day{sampleDay()}, Options{}) }}, // auto: a Chinese chat
		{"day-explain.zh.md", func(b *bytes.Buffer) error {
			return WriteMarkdown(b, []Day{sampleDay()}, Options{Explain: true, Lang: "zh"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("..", "..", "testdata", "export", tt.golden), buf.Bytes())
		})
	}
}

// TestMarkdownCountsAnsweredQuestions checks the FAQ heading: it counts
// the questions listed below it, and says so when none has an answer, in
// either language; a question nobody answered is listed on its own, and
// one answered inside a talk is listed with the others.
func TestMarkdownCountsAnsweredQuestions(t *testing.T) {
	unanswered := sampleDay()
	unanswered.Result.Threads[0].Questions = []thread.QA{{Question: 0}}
	inTalk := sampleDay()
	inTalk.Result.Threads[0].Kind = thread.KindTalk
	noQuestion := sampleDay()
	noQuestion.Result.Threads[0].Questions = nil
	// 谢谢 (message 3) asks inside the conversation, and the news is asked
	// as a thread of its own that nobody answered.
	asking := sampleDay()
	asking.Result.Threads[0].Questions = append(asking.Result.Threads[0].Questions, thread.QA{Question: 3})
	asking.Result.Threads[1].Questions = []thread.QA{{Question: 4}}
	// 王五 asks again at message 3 what message 0 asked: answered there,
	// or not, or answered there while 赵六's news asks unanswered.
	againAnswered := sampleDay()
	againAnswered.Result.Threads[0].Questions = []thread.QA{{Question: 0, AskedAgain: 3}, {Question: 3, Answers: []int{4}}}
	againAsking := sampleDay()
	againAsking.Result.Threads[0].Questions = []thread.QA{{Question: 0, AskedAgain: 3}, {Question: 3}}
	againBeside := sampleDay()
	againBeside.Result.Threads[0].Questions = againAnswered.Result.Threads[0].Questions
	againBeside.Result.Threads[1].Questions = []thread.QA{{Question: 4}}
	onlyInside := sampleDay()
	onlyInside.Result.Threads[0].Questions = append(onlyInside.Result.Threads[0].Questions, thread.QA{Question: 3})
	for _, tt := range []struct {
		name, lang string
		day        Day
		want       string
	}{
		{"one answered question", "en", sampleDay(), "## Questions and answers (1, in 1 thread)\n\n### 1. "},
		{"a question nobody answered", "en", unanswered, "## Questions and answers (0)\n\nNo question asked this day was answered.\n\n" +
			"## Unanswered questions (1)\n\n- **王五** at 09:33:17 (line 9, thread t1): 微信有分账接口吗？\n\n## Other threads"},
		{"no question", "en", noQuestion, "## Questions and answers (0)\n\nNo question was asked this day.\n\n## Other threads"},
		{"no question, zh", "zh", noQuestion, "## 问答（0）\n\n本日无人提问。\n\n## 其他对话"},
		{"unanswered inside a conversation and alone", "en", asking, "## Unanswered questions (2)\n\n" +
			"- **赵六** at 10:52:42 (line 21, thread t2): 央行发布&lt;条码支付&gt;新规\n\n" +
			"One more, asked inside a conversation already going (a follow-up, a remark, a rhetorical question), is not listed; " +
			"the JSON marks it with role `question`.\n"},
		{"unanswered inside a conversation, zh", "zh", asking, "另有 1 个是对话中的追问、插话或反问，未列出；JSON 中以 role `question` 标出。\n"},
		{"asked again and answered there", "en", againAnswered, "## Questions and answers (1, in 1 thread)\n\n### 1. "},
		{"asked again, and the first asking inside a conversation", "en", againAsking,
			"## Unanswered questions (1)\n\n- **王五** at 09:44:52 (line 18, thread t1): "},
		{"asked again and answered, another unanswered", "en", againBeside, "## Unanswered questions (1)\n\n" +
			"- **赵六** at 10:52:42 (line 21, thread t2): 央行发布&lt;条码支付&gt;新规\n"},
		{"only inside a conversation", "en", onlyInside, "## Unanswered questions (1)\n\nIt was asked inside a conversation already going " +
			"(a follow-up, a remark, a rhetorical question), so it is not listed; the JSON marks it with role `question`.\n"},
		{"only inside a conversation, zh", "zh", onlyInside, "## 未回答的问题（1）\n\n这 1 个问题是对话中的追问、插话或反问，未列出；JSON 中以 role `question` 标出。\n"},
		{"a question answered in a talk", "en", inTalk, "## Questions and answers (1, in 1 thread)\n\n### 1. "},
		{"one answered question, zh", "zh", sampleDay(), "## 问答（1 个问题，分属 1 段对话）\n\n### 1. "},
		{"a question nobody answered, zh", "zh", unanswered, "## 问答（0）\n\n本日提出的问题均未得到回答。\n\n" +
			"## 未回答的问题（1）\n\n- **王五**，09:33:17（第 9 行 · 对话 t1）：微信有分账接口吗？\n\n## 其他对话"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteMarkdown(&buf, []Day{tt.day}, Options{Lang: tt.lang}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), tt.want) {
				t.Errorf("the FAQ lacks %q:\n%s", tt.want, buf.String())
			}
		})
	}
}

// TestMarkdownEndsOnce checks that a day whose threads all hold a Q&A has
// no heading for other threads, and that the FAQ ends with one newline
// whichever section comes last.
func TestMarkdownEndsOnce(t *testing.T) {
	allQA := sampleDay()
	allQA.Result.Threads[1].Kind = thread.KindQA
	allQA.Result.Threads[1].Questions = []thread.QA{{Question: 4}}
	for _, lang := range []string{"en", "zh"} {
		var buf bytes.Buffer
		if err := WriteMarkdown(&buf, []Day{allQA, sampleDay()}, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.Contains(out, "(0)") || strings.Contains(out, "（0）") {
			t.Errorf("%s: a heading counts nothing:\n%s", lang, out)
		}
		if strings.Contains(out, "\n\n\n") || !strings.HasSuffix(out, "\n") || strings.HasSuffix(out, "\n\n") ||
			!strings.Contains(out, "新规\n\n---\n\n# ") {
			t.Errorf("%s: days do not end with one newline:\n%q", lang, out)
		}
	}
}

// TestMarkdownDatesPastMidnight checks that a time on another date than
// the day's is given with its date: an answer carried past midnight, a
// thread of the next day in a log of several days, whose source line
// gives its dates.
func TestMarkdownDatesPastMidnight(t *testing.T) {
	nextDay := func(d Day, i int) {
		m := &d.Log.Messages[i]
		m.Time = time.Date(2018, 5, 5, 0, 10, 0, 0, m.Time.Location())
	}
	carried := sampleDay()
	nextDay(carried, 2)
	severalDays := sampleDay()
	severalDays.Log.Date = ""
	nextDay(severalDays, 4)
	severalDays.Result.Threads[1].Start = severalDays.Log.Messages[4].Time
	severalDays.Result.Threads[1].End = severalDays.Log.Messages[4].Time
	stdin := sampleDay()
	stdin.Log.Path, stdin.Log.Title = "-", ""
	clockOnly := sampleDay() // an IRC log whose name gives no date
	clockOnly.Log.Date = ""
	for i := range clockOnly.Log.Messages {
		m := &clockOnly.Log.Messages[i]
		m.Time = time.Date(1, 1, 1, m.Time.Hour(), m.Time.Minute(), m.Time.Second(), 0, time.UTC)
	}
	for _, tt := range []struct {
		name, lang string
		day        Day
		want       []string
	}{
		{"read from standard input", "en", stdin, []string{"# FAQ: standard input\n\nSource: standard input (2018-05-04, "}},
		{"read from standard input, zh", "zh", stdin, []string{"# 问答整理：标准输入\n\n来源：标准输入（2018-05-04，"}},
		{"clock times without a date", "en", clockOnly, []string{"Source: `testdata/sample.markdown` (group proddev, 5 messages", "at 09:33:17 ("}},
		{"an answer past midnight", "en", carried, []string{"Asked by **王五** at 09:33:17 (", "- **李明-某某支付-产品-上海** (2018-05-05 00:10:00): "}},
		{"an answer past midnight, zh", "zh", carried, []string{"- **李明-某某支付-产品-上海**（2018-05-05 00:10:00）："}},
		{"a log of two days", "en", severalDays, []string{"(2018-05-04 to 2018-05-05, group proddev,", "- t2, news, 1 message, 2018-05-05 00:10: "}},
		{"a log of two days, zh", "zh", severalDays, []string{"（2018-05-04 至 2018-05-05，群 proddev，"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteMarkdown(&buf, []Day{tt.day}, Options{Lang: tt.lang}); err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.want {
				if !strings.Contains(buf.String(), want) {
					t.Errorf("the FAQ lacks %q:\n%s", want, buf.String())
				}
			}
		})
	}
}

func TestWritersDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteJSON(&a, []Day{sampleDay()}, Options{Explain: true}); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&b, []Day{sampleDay()}, Options{Explain: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs on the same input gave different JSON")
	}
}

// TestWriteJSONElement checks that days written as array elements, joined
// the way the archive writer joins them, are WriteJSON's array.
func TestWriteJSONElement(t *testing.T) {
	var want, a, b bytes.Buffer
	if err := WriteJSON(&want, []Day{sampleDay(), sampleDay()}, Options{Explain: true}); err != nil {
		t.Fatal(err)
	}
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if err := WriteJSONElement(buf, sampleDay(), Options{Explain: true}); err != nil {
			t.Fatal(err)
		}
	}
	got := "[\n" + strings.TrimSuffix(a.String(), "\n") + ",\n" + strings.TrimSuffix(b.String(), "\n") + "\n]\n"
	if got != want.String() {
		t.Errorf("joined elements differ from WriteJSON:\n--- got\n%s\n--- want\n%s", got, want.String())
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test ./internal/export -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestWriteLinks(t *testing.T) {
	var one, two bytes.Buffer
	if err := WriteLinks(&one, []Day{sampleDay()}); err != nil {
		t.Fatal(err)
	}
	if want := "0 0 -\n0 1 -\n1 2 -\n2 3 -\n4 4 -\n"; one.String() != want {
		t.Errorf("one day:\n%s\nwant:\n%s", one.String(), want)
	}
	if err := WriteLinks(&two, []Day{sampleDay(), sampleDay()}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(two.Bytes(), []byte("testdata/sample.markdown:0 0 -\n")) {
		t.Errorf("several days should prefix the path: %q", two.String()[:40])
	}
}

// TestMarkdownShowsChatTextLiterally checks that what people typed renders
// as they typed it: Markdown in a question, an answer, a sender's name, a
// thread title, a quote, a link title or an alias shows as its characters,
// while an address someone pasted stays a link.
func TestMarkdownShowsChatTextLiterally(t *testing.T) {
	tests := []struct {
		name   string
		change func(d Day)
		want   []string // lines (or parts of lines) the FAQ must hold
	}{
		{"bold and code in a question",
			func(d Day) { d.Log.Messages[0].Text = "**微信** `分账` 怎么开？" },
			[]string{"### 1. \\*\\*微信\\*\\* \\`分账\\` 怎么开？\n", "> \\*\\*微信\\*\\* \\`分账\\` 怎么开？\n"}},
		{"a link in an answer",
			func(d Day) { d.Log.Messages[1].Text = "看[x](y)" },
			[]string{"- **李明-某某支付-产品-上海** (09:40:21): 看\\[x\\](y)\n"}},
		{"a table cell in an answer",
			func(d Day) { d.Log.Messages[1].Text = "a|b" },
			[]string{"(09:40:21): a\\|b\n"}},
		{"a list item and HTML in a question",
			func(d Day) { d.Log.Messages[0].Text = "- <b>分账</b>?" },
			[]string{"> \\- &lt;b&gt;分账&lt;/b&gt;?\n"}},
		{"an address someone pasted",
			func(d Day) {
				d.Log.Messages[1].Text = "见https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=26_1，要申请"
			},
			[]string{"(09:40:21): 见<https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=26_1>，要申请\n"}},
		{"Markdown in sender names",
			func(d Day) { d.Log.Messages[0].Sender = "*王五*_支付" },
			[]string{"Asked by **\\*王五\\*\\_支付** at 09:33:17"}},
		{"Markdown in a thread title",
			func(d Day) { d.Result.Threads[1].Title = "# 央行[新规](x) ~~旧~~" },
			[]string{"10:52: \\# 央行\\[新规\\](x) \\~\\~旧\\~\\~\n"}},
		{"Markdown in a day title",
			func(d Day) { d.Log.Title = "**周报**" },
			[]string{"# FAQ: \\*\\*周报\\*\\*\n"}},
		{"Markdown in a link title",
			func(d Day) {
				m := &d.Log.Messages[2]
				m.LinkTitle, m.URL = "[V1.3]*分账*.pdf", "http://a.b/c.pdf"
			},
			[]string{"(09:41:02): [\\[V1.3\\]\\*分账\\*.pdf](http://a.b/c.pdf)\n"}},
		{"spaces and parentheses in a link's address",
			func(d Day) { d.Log.Messages[2].URL = "http://a.b/c (1).pdf" },
			[]string{"(09:41:02): [分账接口V1.3.pdf](http://a.b/c%20\\(1\\).pdf)\n"}},
		{"a picture's address",
			func(d Day) {
				m := &d.Log.Messages[2]
				m.Type, m.URL = chatlog.TypeImage, "http://static.cocolian.cn/img/201807/20180704_194155.png"
			},
			[]string{"(09:41:02): [image](http://static.cocolian.cn/img/201807/20180704_194155.png)\n"}},
		{"Markdown in an alias",
			func(d Day) { d.Result.Aliases[0].Mention = "小_明*" },
			[]string{"- @小\\_明\\* = 李明-某某支付-产品-上海 (shared name parts: 某某支付 产品 上海)\n"}},
		{"Markdown in a quote",
			func(d Day) {
				d.Log.Messages[1].Quote = &chatlog.Quote{Sender: "王_五", Text: "`微信`"}
			},
			[]string{"(replying to 王\\_五: \"\\`微信\\`\") 有的，要单独申请\n"}},
		{"an answer quoting the question it is listed under",
			func(d Day) {
				d.Log.Messages[1].Quote = &chatlog.Quote{Sender: "王五", Text: "微信分账要申请吗"}
				d.Result.Links[1].Evidence = append(d.Result.Links[1].Evidence, thread.Evidence{Kind: "quote", Detail: "quotes message 0"})
			},
			[]string{"(09:40:21): 有的，要单独申请\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleDay()
			tt.change(d)
			var buf bytes.Buffer
			if err := WriteMarkdown(&buf, []Day{d}, Options{Explain: true, Lang: "en"}); err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.want {
				if !strings.Contains(buf.String(), want) {
					t.Errorf("the FAQ lacks %q:\n%s", want, buf.String())
				}
			}
		})
	}
}

// TestFormatTime checks the JSON times: RFC 3339 date-times, the clock and
// zone alone when the log gives no date, and "" for no time.
func TestFormatTime(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	for _, tt := range []struct {
		in   time.Time
		want string
	}{
		{time.Date(2018, 5, 4, 7, 59, 37, 0, cst), "2018-05-04T07:59:37+08:00"},
		{time.Date(1, 1, 1, 9, 0, 5, 0, cst), "09:00:05+08:00"},
		{time.Date(1, 1, 1, 23, 50, 0, 0, time.UTC), "23:50:00Z"},
		{time.Time{}, ""},
	} {
		if got := formatTime(tt.in); got != tt.want {
			t.Errorf("formatTime(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
