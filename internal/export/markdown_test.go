package export

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/mdtext"
	"github.com/cocolian/threads/internal/thread"
)

// doubledDay is a day whose export lists some messages twice, under the
// display name and again under the group nickname: a question (0), an
// answer (1) and its second listing (2), an answer (3) and its second
// listing with the content lost (4), the second listing (6) of a
// message (5) that answers nothing, which took an answer's role of its own,
// a picture (7) listed again (8), which the threading takes for no copy, and
// the same picture posted again a second later (9).
func doubledDay() Day {
	zone := time.FixedZone("CST", 8*3600)
	at := time.Date(2017, 12, 20, 11, 5, 28, 0, zone)
	msg := func(i int, sender, text string) chatlog.Message {
		return chatlog.Message{Index: i, Line: 10 + 4*i, Time: at, Sender: sender, Type: chatlog.TypeText, Text: text}
	}
	picture := func(i int, sender string, when time.Time) chatlog.Message {
		return chatlog.Message{Index: i, Line: 10 + 4*i, Time: when, Sender: sender, Type: chatlog.TypeImage, URL: "http://static.cocolian.cn/img/201712/20171220_110528.png"}
	}
	copied := func() []thread.Evidence {
		return []thread.Evidence{{Kind: "copy", Detail: "the export lists the message again under another name of its sender"}}
	}
	answer := func(parent int, ev []thread.Evidence) thread.Link {
		return thread.Link{Parent: parent, Role: thread.RoleAnswer, AnswerOf: 0, Evidence: ev}
	}
	log := &chatlog.Log{
		Path: "devarch/2017-12-20-chat.markdown", Format: "cocolian", Date: "2017-12-20", Title: "2017-12-20-WeChat", Group: "devarch",
		Messages: []chatlog.Message{
			msg(0, "Allen", "开源规则引擎有没有推荐的？"),
			msg(1, "奶瓶", "drools"),
			msg(2, "奶瓶-国商-研发", "drools"),
			msg(3, "高水平", "罗湖区 晴 8℃"),
			msg(4, "高水平-互金平台架构师", ""),
			msg(5, "Json", "guvnor"),
			msg(6, "Json-nick", "guvnor"),
			picture(7, "丁爱民", at),
			picture(8, "丁爱民-圣亚云鼎", at),
			picture(9, "丁爱民", at.Add(time.Second)),
		},
	}
	res := &thread.Result{
		Links: []thread.Link{
			{Parent: -1, Role: thread.RoleQuestion, AnswerOf: -1},
			answer(0, nil),
			answer(1, copied()),
			answer(0, nil),
			answer(3, copied()),
			{Parent: 0, AnswerOf: -1},
			answer(5, copied()),
			answer(0, nil),
			answer(7, nil),
			answer(8, nil),
		},
		Threads: []thread.Thread{{ID: "t1", Kind: thread.KindQA, Title: "开源规则引擎有没有推荐的？", Start: at, End: at,
			Messages: []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, Questions: []thread.QA{{Question: 0, Answers: []int{1, 2, 3, 4, 6, 7, 8, 9}}}}},
	}
	return Day{Log: log, Result: res}
}

// TestMarkdownListsACopyOnce checks that the FAQ lists an answer the
// export lists twice once, under its first listing, blank copies included,
// keeps a copy whose first listing it does not list, and that the JSON
// keeps every listing.
func TestMarkdownListsACopyOnce(t *testing.T) {
	for _, explain := range []bool{false, true} {
		var md, js bytes.Buffer
		if err := WriteMarkdown(&md, []Day{doubledDay()}, Options{Explain: explain}); err != nil {
			t.Fatal(err)
		}
		if err := WriteJSON(&js, []Day{doubledDay()}, Options{Explain: explain}); err != nil {
			t.Fatal(err)
		}
		var answers []string
		for _, line := range strings.Split(md.String(), "\n") {
			if strings.HasPrefix(line, "- **") {
				answers = append(answers, line)
			}
		}
		want := []string{
			"- **奶瓶** (11:05:28): drools",
			"- **高水平** (11:05:28): 罗湖区 晴 8℃",
			"- **Json-nick** (11:05:28): guvnor",
			"- **丁爱民** (11:05:28): [image](http://static.cocolian.cn/img/201712/20171220_110528.png)",
			"- **丁爱民** (11:05:29): [image](http://static.cocolian.cn/img/201712/20171220_110528.png)",
		}
		if strings.Join(answers, "\n") != strings.Join(want, "\n") {
			t.Errorf("explain %v: answers listed:\n%s\nwant:\n%s", explain, strings.Join(answers, "\n"), strings.Join(want, "\n"))
		}
		for _, sender := range []string{"奶瓶-国商-研发", "高水平-互金平台架构师", "丁爱民-圣亚云鼎"} {
			if !strings.Contains(js.String(), `"`+sender+`"`) {
				t.Errorf("explain %v: the JSON lost the second listing by %s", explain, sender)
			}
		}
	}
}

// TestMarkdownSourceWithBackticks checks that a source path holding
// backticks stays one code span in the FAQ.
func TestMarkdownSourceWithBackticks(t *testing.T) {
	d := sampleDay()
	d.Log.Path = "chats/`odd` day.markdown"
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, []Day{d}, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	want := "Source: ``chats/`odd` day.markdown`` (2018-05-04,"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("FAQ does not hold %q:\n%s", want, buf.String())
	}
}

// TestMarkdownCode checks that the FAQ shows the code a member marked
// (chatlog.Message.Code) as code: a block on lines of its own in the
// question's quote and in the answer's list item, code inside a line as a
// code span, the rest escaped as ever.
func TestMarkdownCode(t *testing.T) {
	// coded is a message of text whose code is the stretches given, each
	// with the code it holds (the same for a Telegram entity).
	type stretch struct {
		markup, code string
		block        bool
		lang         string
	}
	coded := func(text string, stretches ...stretch) chatlog.Message {
		m := chatlog.Message{Text: text}
		for _, s := range stretches {
			start := strings.Index(text, s.markup)
			from := start + strings.Index(s.markup, s.code)
			m.Code = append(m.Code, chatlog.Code{Start: start, End: start + len(s.markup), From: from, To: from + len(s.code), Block: s.block, Lang: s.lang})
		}
		return m
	}
	tests := []struct {
		name             string
		question, answer chatlog.Message
		want             string
	}{
		{
			name:     "a Discord fence in an answer",
			question: coded("gRPC 的 deadline 怎么传？"),
			answer: coded("用 `context.WithTimeout` 就行\n```go\nctx, cancel := f(ctx)\ndefer cancel()\n```",
				stretch{"`context.WithTimeout`", "context.WithTimeout", false, ""},
				stretch{"```go\nctx, cancel := f(ctx)\ndefer cancel()\n```", "ctx, cancel := f(ctx)\ndefer cancel()", true, "go"}),
			want: "> gRPC 的 deadline 怎么传？\n\n" +
				"- **B**（10:00:01）：用 `context.WithTimeout` 就行\n  ```go\n  ctx, cancel := f(ctx)\n  defer cancel()\n  ```\n",
		},
		{
			name:     "a Telegram pre entity in a question",
			question: coded("为什么报错？\nx := <-ch // *y*", stretch{"x := <-ch // *y*", "x := <-ch // *y*", true, ""}),
			answer:   coded("ch 是 nil"),
			want: "> 为什么报错？\n> ```\n> x := <-ch // *y*\n> ```\n\n" +
				"- **B**（10:00:01）：ch 是 nil\n",
		},
		{
			name:     "an answer that is a block only",
			question: coded("怎么传？"),
			answer:   coded("ctx, cancel := f(ctx)\ndefer cancel()", stretch{"ctx, cancel := f(ctx)\ndefer cancel()", "ctx, cancel := f(ctx)\ndefer cancel()", true, "go"}),
			want:     "- **B** (10:00:01):\n  ```go\n  ctx, cancel := f(ctx)\n  defer cancel()\n  ```\n",
		},
		{
			name:     "no code: escaped on one line",
			question: coded("`a`\n*b*？"),
			answer:   coded("```go\nc\n```"),
			want:     "> \\`a\\` \\*b\\*？\n\n- **B** (10:00:01): \\`\\`\\`go c \\`\\`\\`\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleQA(tt.question.Text, tt.answer.Text)
			d.Log.Messages[0].Code, d.Log.Messages[1].Code = tt.question.Code, tt.answer.Code
			d.Log.Messages[1].Sender = "B"
			var buf bytes.Buffer
			if err := WriteMarkdown(&buf, []Day{d}, Options{}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), tt.want) {
				t.Errorf("FAQ does not hold\n%s\nFAQ:\n%s", tt.want, buf.String())
			}
		})
	}
}

// TestMarkdownQuestionTitles checks the heading of a question in the FAQ:
// without the mentions it makes (an @name, and the display name a Telegram
// mention_name entity writes without an @), a polite lead-in, or the
// description before a late question, as a digest entry's title.
func TestMarkdownQuestionTitles(t *testing.T) {
	tests := []struct {
		name, text string
		mentions   []string
		want       string
		code       []chatlog.Code
	}{
		{"a block of code before the question", "```go\nctx, cancel := context.WithTimeout(ctx, time.Second)\n```\nWhy does this deadline not reach the downstream gRPC call?", nil,
			"### 1. Why does this deadline not reach the downstream gRPC call?\n", []chatlog.Code{{Start: 0, End: 62, From: 6, To: 58, Block: true, Lang: "go"}}},
		{"an @mention and a lead-in", "@bobzh 请教一下，Stripe Connect 的 payout 是 T+2 还是 T+7？", []string{"bobzh"}, "### 1. Stripe Connect 的 payout 是 T+2 还是 T+7？\n", nil},
		{"a Telegram mention_name", "Bob Zhang 张波 请教一下，退款接口幂等怎么做？", []string{"Bob Zhang 张波"}, "### 1. 退款接口幂等怎么做？\n", nil},
		{"a display name with a space after an @", "@Bob Zhang 张波 退款接口幂等怎么做？", []string{"Bob Zhang 张波"}, "### 1. 退款接口幂等怎么做？\n", nil},
		{"a late question", "我们这边 dashboard 显示 payout 一直 pending，而且 webhook 里 payout.paid 事件一直没来，客户在催，已经查了两天日志了，Stripe Connect 的 payout 到底是 T+2 还是 T+7？", nil,
			"### 1. …客户在催，已经查了两天日志了，Stripe Connect 的 payout 到底是 T+2 还是 T+7？\n", nil},
		{"Markdown in the title", "请问 *粗* 怎么写？", nil, "### 1. \\*粗\\* 怎么写？\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleQA(tt.text, "不知道")
			d.Log.Messages[0].Mentions = tt.mentions
			d.Log.Messages[0].Code = tt.code
			var buf bytes.Buffer
			if err := WriteMarkdown(&buf, []Day{d}, Options{}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), tt.want) {
				t.Errorf("FAQ does not hold %q:\n%s", tt.want, buf.String())
			}
		})
	}
}

// sampleQA is a day of one question and its answer.
func sampleQA(question, answer string) Day {
	at := time.Date(2024, 3, 4, 10, 0, 0, 0, time.UTC)
	return Day{
		Log: &chatlog.Log{Path: "x.json", Format: "telegram", Date: "2024-03-04", Title: "help", Messages: []chatlog.Message{
			{Index: 0, Line: 1, Time: at, Sender: "A", Type: chatlog.TypeText, Text: question},
			{Index: 1, Line: 2, Time: at.Add(time.Second), Sender: "Bob Zhang 张波", Type: chatlog.TypeText, Text: answer},
		}},
		Result: &thread.Result{
			Links: []thread.Link{{Parent: -1, Role: thread.RoleQuestion, AnswerOf: -1}, {Parent: 0, Role: thread.RoleAnswer, AnswerOf: 0}},
			Threads: []thread.Thread{{ID: "t1", Kind: thread.KindQA, Title: "q", Start: at, End: at.Add(time.Second),
				Messages: []int{0, 1}, Questions: []thread.QA{{Question: 0, Answers: []int{1}}}}},
		},
	}
}

// TestMarkdownOtherThreadNames checks that a thread without a title (a
// sticker or picture alone) is named in the list of other threads by its
// message as the FAQ shows it, never left blank.
func TestMarkdownOtherThreadNames(t *testing.T) {
	tests := []struct {
		name  string
		msgs  []chatlog.Message
		title string
		want  string
	}{
		{"a title", []chatlog.Message{{Type: chatlog.TypeText, Text: "下班 *了*"}}, "下班 *了*", "下班 \\*了\\*"},
		{"a sticker", []chatlog.Message{{Type: chatlog.TypeImage, URL: "stickers/sticker (192).webp"}}, "", "[image](stickers/sticker%20\\(192\\).webp)"},
		{"a picture the export left out", []chatlog.Message{{Type: chatlog.TypeImage}}, "", "\\[image\\]"},
		{"a file without a name", []chatlog.Message{{Type: chatlog.TypeLink, URL: "https://a.b/c.pdf"}}, "", "[https\\://a.b/c.pdf](https://a.b/c.pdf)"},
		{"a lost message, then a picture", []chatlog.Message{{Type: chatlog.TypeText}, {Type: chatlog.TypeImage, URL: "http://a.b/p.png"}}, "", "[image](http://a.b/p.png)"},
		{"lost messages", []chatlog.Message{{Type: chatlog.TypeText}}, "", "(no text)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := time.Date(2024, 3, 4, 13, 32, 0, 0, time.UTC)
			th := thread.Thread{ID: "t1", Kind: thread.KindOther, Title: tt.title, Start: at, End: at}
			var links []thread.Link
			for i := range tt.msgs {
				tt.msgs[i].Index, tt.msgs[i].Line, tt.msgs[i].Time, tt.msgs[i].Sender = i, i+1, at, "A"
				th.Messages = append(th.Messages, i)
				links = append(links, thread.Link{Parent: i - 1, AnswerOf: -1})
			}
			d := Day{Log: &chatlog.Log{Path: "result.json", Title: "g", Messages: tt.msgs}, Result: &thread.Result{Links: links, Threads: []thread.Thread{th}}}
			var buf bytes.Buffer
			if err := WriteMarkdown(&buf, []Day{d}, Options{Lang: "en"}); err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("- t1, other, %s, 13:32: %s\n", mdtext.Plural(len(tt.msgs), "message"), tt.want)
			if !strings.Contains(buf.String(), want) {
				t.Errorf("FAQ does not hold %q:\n%s", want, buf.String())
			}
		})
	}
}

// TestChineseMarkdownHasNoEnglish checks that a Chinese FAQ holds none of
// the English table's words (every word of its texts, {names} left out),
// outside what people wrote and the code spans and link targets, on a day
// that shows every part of the FAQ: a speaker, a forum topic, a quote, a
// picture, a message without text, an answer to an earlier day's question
// and a thread of system notices; and that the English FAQ, read the same
// way, holds them.
func TestChineseMarkdownHasNoEnglish(t *testing.T) {
	d := sampleDay()
	zone := time.FixedZone("CST", 8*3600)
	at := time.Date(2018, 5, 4, 11, 0, 0, 0, zone)
	d.Log.Speaker = "周七"
	d.Log.Messages[1].Quote = &chatlog.Quote{Sender: "王五", Text: "分账接口"}
	d.Log.Messages[2].Type, d.Log.Messages[2].URL = chatlog.TypeImage, "img/a.png"
	d.Log.Messages = append(d.Log.Messages,
		chatlog.Message{Index: 5, Line: 24, Time: at, Sender: "钱八", Type: chatlog.TypeText, Text: "上周问的对账文件，是 T+1 生成的"},
		chatlog.Message{Index: 6, Line: 27, Time: at, Type: chatlog.TypeSystem, Text: "钱八 拍了拍 王五"},
		chatlog.Message{Index: 7, Line: 30, Time: at, Sender: "孙九", Type: chatlog.TypeImage},
		chatlog.Message{Index: 8, Line: 33, Time: at, Sender: "孙九", Type: chatlog.TypeText})
	d.Result.Links = append(d.Result.Links, thread.Link{Parent: -1, Thread: 2, AnswerOf: -1}, thread.Link{Parent: -1, Thread: 3, AnswerOf: -1},
		thread.Link{Parent: -1, Thread: 4, AnswerOf: -1}, thread.Link{Parent: -1, Thread: 5, AnswerOf: -1})
	d.Result.Threads[1].Topic = "退款"
	for i, kind := range []thread.Kind{thread.KindDiscussion, thread.KindGreeting, thread.KindOther, thread.KindTalk} {
		d.Result.Threads = append(d.Result.Threads, thread.Thread{ID: fmt.Sprintf("t%d", i+3), Kind: kind, Start: at, End: at, Messages: []int{5 + i}})
	}
	d.Result.Threads[len(d.Result.Threads)-1].Messages = []int{8} // lost text
	asked := chatlog.Message{Line: 40, Time: at.AddDate(0, 0, -7), Sender: "王五", Type: chatlog.TypeText, Text: "对账文件几点生成？"}
	d.Earlier = map[int]thread.Earlier{5: {Date: "2018-04-27", Index: 3, Line: 40, Question: &asked, Answer: true}}

	shown := func(lang string) string {
		var buf bytes.Buffer
		if err := WriteMarkdown(&buf, []Day{d}, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		s := buf.String()
		for _, m := range d.Log.Messages { // what people wrote
			for _, typed := range []string{m.Text, m.Sender, m.LinkTitle} {
				if typed != "" {
					s = strings.ReplaceAll(s, typed, "…")
				}
			}
		}
		return regexp.MustCompile("`[^`]*`|\\]\\([^)]*\\)").ReplaceAllString(s, "…")
	}
	zh, en := shown(""), shown("en")
	if !strings.Contains(zh, "此前问题的回答") || !strings.Contains(zh, "仅有系统通知") || !strings.Contains(zh, "版块 退款") {
		t.Fatalf("the day does not show every part of the FAQ:\n%s", zh)
	}
	word := regexp.MustCompile(`[A-Za-z]+`)
	names := regexp.MustCompile(`\{\w+\}`)
	for key, text := range mdTexts["en"] {
		for _, w := range word.FindAllString(names.ReplaceAllString(text, " "), -1) {
			if strings.HasPrefix(key, "kind.") || key == "aliases" || key == "alias" || key == "why" || len(w) < 2 {
				continue // kinds are checked below; aliases and evidence need --explain
			}
			if regexp.MustCompile(`\b` + w + `\b`).MatchString(zh) {
				t.Errorf("the Chinese FAQ shows %q (of %q)", w, key)
			}
		}
	}
	for _, w := range []string{"discussion", "greeting", "other", "news", "talk"} {
		if strings.Contains(zh, w) {
			t.Errorf("the Chinese FAQ shows the kind %q", w)
		}
	}
	for _, w := range []string{"FAQ", "Source", "speaker", "Asked by", "in topic", "Answers to earlier questions", "system notices", "replying to", "image", "no text", "discussion"} {
		if !strings.Contains(en, w) {
			t.Errorf("the English FAQ does not show %q: the test reads the FAQ wrong\n%s", w, en)
		}
	}
}

// TestMarkdownTexts checks the FAQ's word table (uitext.Table.Problems)
// and that it names every thread kind.
func TestMarkdownTexts(t *testing.T) {
	for _, p := range mdTexts.Problems() {
		t.Error(p)
	}
	for _, k := range []thread.Kind{thread.KindQA, thread.KindDiscussion, thread.KindTalk, thread.KindNews, thread.KindGreeting, thread.KindOther} {
		if kindText("en", k) != string(k) || kindText("zh", k) == string(k) {
			t.Errorf("kind %q: en %q, zh %q", k, kindText("en", k), kindText("zh", k))
		}
	}
}
