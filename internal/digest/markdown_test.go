package digest

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/mdtext"
	"github.com/cocolian/threads/internal/thread"
)

// TestSpanRange checks the heading of a digest: the dates of its days, or
// when --since and --until left none, the range and how many days were
// read; "no dated days" only when the days have no dates.
func TestSpanRange(t *testing.T) {
	dated := []DayView{{Date: "2018-03-01"}, {Date: "2018-03-22"}}
	tests := []struct {
		name string
		days []DayView
		rng  Range
		want string
	}{
		{"days", dated, Range{}, "2018-03-01 to 2018-03-22"},
		{"days in a range", dated, Range{Since: "2018-03-01", Read: 4}, "2018-03-01 to 2018-03-22"},
		{"one day", dated[:1], Range{}, "2018-03-01"},
		{"a log of several days", []DayView{{Date: "2024-06-03", Dates: []string{"2024-06-03", "2024-06-04"}}}, Range{}, "2024-06-03 to 2024-06-04"},
		{"a log of several days among others", append([]DayView{{Date: "2018-03-20", Dates: []string{"2018-03-20", "2018-03-25"}}}, dated...), Range{}, "2018-03-01 to 2018-03-25"},
		{"a log shown from before the range", []DayView{{Date: "2024-06-03", Dates: []string{"2024-06-04"}}}, Range{Since: "2024-06-04"}, "2024-06-04"},
		{"undated days", []DayView{{}}, Range{}, "no dated days"},
		{"none read", nil, Range{}, "no dated days"},
		{"none since", nil, Range{Since: "2030-01-01", Read: 45}, "no day since 2030-01-01 (45 day logs read)"},
		{"none until", nil, Range{Until: "2016-12-31", Read: 1}, "no day until 2016-12-31 (1 day log read)"},
		{"none between", nil, Range{Since: "2018-03-02", Until: "2018-03-07", Read: 4}, "no day from 2018-03-02 to 2018-03-07 (4 day logs read)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := span(&Digest{Days: tt.days, Range: tt.rng}); got != tt.want {
				t.Errorf("span %q, want %q", got, tt.want)
			}
		})
	}
	// Build keeps the range for the writers.
	var b bytes.Buffer
	if err := WriteMarkdown(&b, Build(nil, segmenter(t), Options{Range: Range{Since: "2030-01-01", Read: 45}})); err != nil {
		t.Fatal(err)
	}
	if want := "# FAQ digest: no day since 2030-01-01 (45 day logs read)\n"; !strings.HasPrefix(b.String(), want) {
		t.Errorf("markdown starts %q, want %q", b.String()[:min(b.Len(), 80)], want)
	}
}

// TestWritersHostileNames checks that a group name and a source path with
// HTML and backticks show as text in the Markdown digest and knowledge base.
func TestWritersHostileNames(t *testing.T) {
	day := qaDay("a`<b>`/day.txt", "2018-03-01", "微信分账接口怎么申请？", "商户平台申请")
	day.Log.Group = "<img src=x onerror=alert(1)>"
	opts := fixtureOptions(t)
	opts.Lang = "en"
	d := Build([]Day{day}, segmenter(t), opts)
	var b bytes.Buffer
	if err := WriteMarkdown(&b, d); err != nil {
		t.Fatal(err)
	}
	kb := string(entryMarkdown(t.TempDir(), &d.Entries[0], "en"))
	for name, out := range map[string]string{"markdown": b.String(), "kb": kb} {
		if strings.Contains(out, "<img") {
			t.Errorf("%s: the group name is raw HTML:\n%s", name, out)
		}
	}
	if !strings.Contains(b.String(), "(``a`<b>`/day.txt:1``)") {
		t.Errorf("markdown: the source path is no code span of its own:\n%s", b.String())
	}
}

// TestWriteHTMLData checks what the page's script is given: lists for a
// digest with no day or question (never null), the messages of a question
// asked outside a Q&A thread, lanes of a log without dates at their clock
// times, and the date beside a time of another day than the log's first,
// whose day and title name its last day too.
func TestWriteHTMLData(t *testing.T) {
	data := func(t *testing.T, days []Day) string {
		t.Helper()
		var b bytes.Buffer
		if err := WriteHTML(&b, Build(days, segmenter(t), fixtureOptions(t))); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if out := data(t, nil); !strings.Contains(out, `"days":[],"entries":[]`) {
		t.Errorf("empty digest: no empty lists in the page data")
	}

	talk := qaDay("talk.txt", "2018-03-01", "微信分账接口怎么申请？", "商户平台申请")
	talk.Result.Threads[0].Kind = thread.KindTalk
	if out := data(t, []Day{talk}); !strings.Contains(out, `<script id="messages-0" type="application/json">{"senders":["A","B"],"threads":{"t1":[[1,"09:00:00",0,"微信分账接口怎么申请？"`) {
		t.Errorf("a question in a talk thread: its messages are not in the page data")
	}

	undated := qaDay("chan.raw.txt", "", "how do I mount a usb drive?", "use udisksctl")
	for i := range undated.Log.Messages {
		undated.Log.Messages[i].Time = time.Date(1, 1, 1, 0, 10+i, 0, 0, time.UTC)
	}
	undated.Result.Threads[0].Start, undated.Result.Threads[0].End = undated.Log.Messages[0].Time, undated.Log.Messages[1].Time
	if out := data(t, []Day{undated}); !strings.Contains(out, `"start":600,"end":660`) || !strings.Contains(out, "FAQ digest: no dated days") {
		t.Errorf("a log without dates: lanes not at their clock times, or a date made up")
	}

	slack := qaDay("general", "", "微信分账接口怎么申请？", "商户平台申请")
	slack.Log.Messages[1].Time = slack.Log.Messages[1].Time.Add(24 * time.Hour)
	out := data(t, []Day{slack})
	if !strings.Contains(out, `"2018-03-02 09:01:00"`) {
		t.Errorf("a log of two days: the answer's time has no date")
	}
	if !strings.Contains(out, `"date":"2018-03-01","last":"2018-03-02","group":"g"`) || !strings.Contains(out, "<title>常见问题汇总：2018-03-01 至 2018-03-02</title>") {
		t.Errorf("a log of two days: the day or the title does not name its last day")
	}
	if strings.Contains(data(t, []Day{talk}), `"last":`) {
		t.Errorf("a log of one day names a last day")
	}
}

// TestAskedLineUndated checks that an entry asked on a day without a date
// says "undated", not "()".
func TestAskedLineUndated(t *testing.T) {
	for _, tt := range []struct {
		dates []string
		want  string
	}{
		{[]string{""}, "Asked once (undated), not answered."},
		{[]string{"2018-05-04"}, "Asked once (2018-05-04), not answered."},
		{[]string{"", "2018-05-04"}, "Asked twice (undated to 2018-05-04), not answered."},
	} {
		var e Entry
		for _, d := range tt.dates {
			e.Occurrences = append(e.Occurrences, Occurrence{Date: d, Group: "g"})
		}
		if got := askedLine(&e, "en"); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.dates, got, tt.want)
		}
		if got := occWhere(&e.Occurrences[0], "en"); !strings.HasPrefix(got, dateIn(tt.dates[0], "en")+" g") {
			t.Errorf("%q: occWhere %q", tt.dates, got)
		}
	}
}

// TestWritersCode checks that the Markdown digest and the knowledge base
// show the code a member marked (chatlog.Message.Code) as code, in the
// list items and quotes they write questions and answers in, and that the
// JSON keeps the text on one line; a line of code that would read as the
// knowledge base's Marker leaves that message on one line, as text. The
// HTML page gives its script the text and code of each message, the
// page's <script> and markup in them escaped, and the code's style and
// script only when some message has code.
func TestWritersCode(t *testing.T) {
	block := func(text, code, lang string) []chatlog.Code {
		i := strings.Index(text, code)
		return []chatlog.Code{{Start: i, End: i + len(code), From: i, To: i + len(code), Block: true, Lang: lang}}
	}
	tests := []struct {
		name                   string
		question, answer       string
		qCode, aCode           func(text string) []chatlog.Code
		markdown, kb, jsonText []string
		html                   []string // in the page; a page without code has none of codeStyle and codeScript
	}{
		{
			name:     "a block in the answer",
			question: "微信分账接口的签名怎么算？",
			answer:   "这样：\nsign := hmac(key, body)\nreturn sign",
			aCode:    func(s string) []chatlog.Code { return block(s, "sign := hmac(key, body)\nreturn sign", "go") },
			markdown: []string{"  - **B** (line 5): 这样：\n    ```go\n    sign := hmac(key, body)\n    return sign\n    ```\n"},
			kb:       []string{"- **B**: 这样：\n  ```go\n  sign := hmac(key, body)\n  return sign\n  ```\n"},
			jsonText: []string{`"text": "这样：\nsign := hmac(key, body)\nreturn sign"`},
			html:     []string{`"这样： sign := hmac(key, body) return sign","","",[["","这样："],["pre","sign := hmac(key, body)\nreturn sign","go"]]]`},
		},
		{
			name:     "a block in the question",
			question: "微信分账接口这样签名对吗？\nsign := md5(body) // *x*",
			qCode:    func(s string) []chatlog.Code { return block(s, "sign := md5(body) // *x*", "") },
			answer:   "要用 HMAC-SHA256",
			markdown: []string{"asked (`d.txt:1`): 微信分账接口这样签名对吗？\n  ```\n  sign := md5(body) // *x*\n  ```\n  - **B** (line 5): 要用 HMAC-SHA256\n"},
			kb:       []string{"> 微信分账接口这样签名对吗？\n> ```\n> sign := md5(body) // *x*\n> ```\n\n- **B**: 要用 HMAC-SHA256\n"},
			jsonText: []string{`"question": "微信分账接口这样签名对吗？\nsign := md5(body) // *x*"`},
			html:     []string{`// *x*","","",[["","微信分账接口这样签名对吗？"],["pre","sign := md5(body) // *x*"]]],[5,"09:01:00",1,"要用 HMAC-SHA256",""]]`},
		},
		{
			name:     "code inside a line, and markup in code and text",
			question: "微信分账接口 <script>alert(1)</script> 用  ctx  还是 <b>?",
			qCode: func(s string) []chatlog.Code {
				i := strings.Index(s, "ctx")
				return []chatlog.Code{{Start: i, End: i + 3, From: i, To: i + 3}}
			},
			answer:   "用 </script><script>alert(2)</script>",
			aCode:    func(s string) []chatlog.Code { return block(s, "</script><script>alert(2)</script>", "html") },
			markdown: []string{"微信分账接口 &lt;script&gt;alert(1)&lt;/script&gt; 用 `ctx` 还是 &lt;b&gt;?"},
			html: []string{
				`[["","微信分账接口 \u003cscript\u003ealert(1)\u003c/script\u003e 用 "],["code","ctx"],[""," 还是 \u003cb\u003e?"]]`,
				`[["","用"],["pre","\u003c/script\u003e\u003cscript\u003ealert(2)\u003c/script\u003e","html"]]`,
			},
		},
		{
			name:     "no code",
			question: "微信分账接口怎么申请？",
			answer:   "商户平台申请",
			html:     []string{`"微信分账接口怎么申请？",""],[5,"09:01:00",1,"商户平台申请",""]]`},
		},
		{
			name:     "code that holds the marker",
			question: "微信分账接口的签名怎么算？",
			answer:   "看：\n" + Marker + "\n*x*",
			aCode:    func(s string) []chatlog.Code { return block(s, Marker+"\n*x*", "") },
			markdown: []string{"  - **B** (line 5): 看：\n    ```\n    " + Marker + "\n    *x*\n    ```\n"},
			kb:       []string{"- **B**: 看： &lt;!-- threads: edits below this line are kept --&gt; \\*x\\*\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day := qaDay("d.txt", "2018-03-01", tt.question, tt.answer)
			for i, code := range []func(string) []chatlog.Code{tt.qCode, tt.aCode} {
				if m := &day.Log.Messages[i]; code != nil {
					m.Code = code(m.Text)
				}
			}
			opts := fixtureOptions(t)
			opts.Lang = "en" // the outputs' words as the cases give them; the code shows alike in Chinese
			d := Build([]Day{day}, segmenter(t), opts)
			if len(d.Entries) != 1 {
				t.Fatalf("%d entries, want 1", len(d.Entries))
			}
			var md, js, page bytes.Buffer
			if err := WriteMarkdown(&md, d); err != nil {
				t.Fatal(err)
			}
			if err := WriteHTML(&page, d); err != nil {
				t.Fatal(err)
			}
			hasCode := tt.qCode != nil || tt.aCode != nil
			for _, part := range []string{codeStyle, codeScript} {
				if strings.Contains(page.String(), part) != hasCode {
					t.Errorf("html: with code %v, holds %q: %v", hasCode, part, !hasCode)
				}
			}
			if n := strings.Count(page.String(), "<script"); n != 3 {
				t.Errorf("html: %d script elements, want the page's 3 (data, script, the day's messages)", n)
			}
			if err := WriteJSON(&js, d); err != nil {
				t.Fatal(err)
			}
			kb := string(entryMarkdown(t.TempDir(), &d.Entries[0], "en"))
			if markerAt([]byte(kb)) != strings.LastIndex(kb, Marker) {
				t.Errorf("kb: a line before the marker reads as the marker:\n%s", kb)
			}
			for _, c := range []struct {
				name, out string
				want      []string
			}{{"markdown", md.String(), tt.markdown}, {"kb", kb, tt.kb}, {"json", js.String(), tt.jsonText}, {"html", page.String(), tt.html}} {
				for _, w := range c.want {
					if !strings.Contains(c.out, w) {
						t.Errorf("%s does not hold\n%s\nit is:\n%s", c.name, w, c.out)
					}
				}
			}
		})
	}
}

// TestSummaryDays checks how the summary counts days: the dates the day
// logs cover (a day without a date counting as one of its own), with the
// day logs when groups or files share dates.
func TestSummaryDays(t *testing.T) {
	day := func(date, group string) DayView { return DayView{Date: date, Group: group} }
	tests := []struct {
		name string
		days []DayView
		want string
	}{
		{"one group", []DayView{day("2018-03-01", "proddev"), day("2018-03-08", "proddev")}, "2 days (proddev), "},
		{"groups on other dates", []DayView{day("2018-03-01", "proddev"), day("2018-03-14", "devarch")}, "2 days (devarch, proddev), "},
		{"groups on the same dates", []DayView{day("2024-03-04", "tg"), day("2024-03-04", "dc"), day("2024-03-04", "wx"), day("2024-03-05", "tg"), day("2024-03-05", "dc")},
			"2 days (5 day logs of dc, tg, wx), "},
		{"files without a group on one date", []DayView{day("2024-03-04", ""), day("2024-03-04", "")}, "1 day (2 day logs), "},
		{"undated days", []DayView{day("", "irc"), day("", "irc")}, "2 days (irc), "},
		{"one day", []DayView{day("2024-03-04", "")}, "1 day, "},
		{"a log of several days", []DayView{{Date: "2024-06-03", Group: "help", Dates: []string{"2024-06-03", "2024-06-04"}}}, "2 days (help), "},
		{"logs of several days on other dates", []DayView{{Group: "a", Dates: []string{"2024-06-03", "2024-06-04"}}, {Group: "b", Dates: []string{"2024-06-05"}}}, "3 days (a, b), "},
		{"logs of several days sharing one", []DayView{{Group: "a", Dates: []string{"2024-06-03", "2024-06-04"}}, day("2024-06-04", "b")}, "2 days (2 day logs of a, b), "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(&Digest{Days: tt.days}); !strings.HasPrefix(got, tt.want) {
				t.Errorf("summary %q, want it to start %q", got, tt.want)
			}
		})
	}
}

// TestChineseMarkdownHasNoEnglish checks that a Chinese Markdown digest,
// knowledge-base index and entry file hold none of the English outputs'
// words (every word of the English Markdown table, of the page texts the
// Markdown shares, of the English summary line, and every topic's English
// gloss) outside what people wrote, the code spans, the links and the
// Marker line; and
// that the English outputs, read the same way, hold them.
func TestChineseMarkdownHasNoEnglish(t *testing.T) {
	days := append(fixtureDays(t), daysIn(t, mediaDir)...) // pictures too
	opts := fixtureOptions(t)
	d := Build(days, segmenter(t), opts)
	if len(d.Unanswered) == 0 || d.LeftOut == 0 {
		t.Fatal("the days have no unanswered question or asking left out: the test shows too little")
	}
	shown := func(lang string) string {
		o := *d
		o.Lang = lang
		var b bytes.Buffer
		if err := WriteMarkdown(&b, &o); err != nil {
			t.Fatal(err)
		}
		var es []kbEntry
		for i := range o.Entries {
			es = append(es, kbEntry{file: o.Entries[i].ID + ".md", fm: entryFrontMatter(&o.Entries[i])})
			fm := string(entryMarkdown(".", &o.Entries[i], PageLang(&o)))
			b.WriteString(fm[strings.Index(fm[4:], "\n---")+8:]) // without its front matter, which is data
		}
		b.Write(indexMarkdown(".", &o, es))
		s := strings.ReplaceAll(b.String(), Marker, "…") // a contract, in English
		var typed []string                               // what people wrote, longest first
		for _, day := range o.Days {
			typed = append(typed, day.Group)
		}
		for _, e := range o.Entries {
			typed = append(typed, e.Title)
			typed = append(typed, e.Topics...)
			for _, oc := range e.Occurrences {
				typed = append(typed, oc.Asker, oc.Question)
				for _, a := range oc.Answers {
					typed = append(typed, a.Sender, a.Text)
				}
			}
		}
		for _, u := range o.Unanswered {
			typed = append(typed, u.Asker, u.Question)
		}
		slices.SortFunc(typed, func(a, b string) int { return len(b) - len(a) })
		for _, w := range typed {
			if w != "" && w != imageText {
				s = strings.ReplaceAll(s, mdtext.Escape(w), "…")
			}
		}
		return regexp.MustCompile("`[^`]*`|\\[[^\\]]*\\]\\([^)]*\\)").ReplaceAllString(s, "…")
	}
	zh, en := shown("zh"), shown("en")
	names := regexp.MustCompile(`\{\w+\}`)
	texts := []string{summary(d)}
	for _, text := range markdownTexts["en"] {
		texts = append(texts, text)
	}
	for _, key := range []string{"summary.title", "otherQuestions", "static.unanswered", "askedTimesSince", "askedTwiceSince", "undated", "line", "data.image"} {
		texts = append(texts, pageTexts["en"][key])
	}
	for _, text := range texts {
		for _, w := range regexp.MustCompile(`[A-Za-z]{2,}`).FindAllString(names.ReplaceAllString(text, " "), -1) {
			if regexp.MustCompile(`\b` + w + `\b`).MatchString(zh) {
				t.Errorf("the Chinese Markdown shows %q (of %q)", w, text)
			}
		}
	}
	for _, tp := range opts.Topics {
		if strings.Contains(zh, tp.Gloss) {
			t.Errorf("the Chinese Markdown shows the gloss %q", tp.Gloss)
		}
	}
	for _, w := range []string{"FAQ digest", "Asked", "Topics:", "Entry", "Unanswered questions", "answers.", "asked twice since", "(line ", "Knowledge base", "Last run", "Source:", "No answer in the chat", "profit sharing"} {
		if !strings.Contains(en, w) {
			t.Errorf("the English Markdown does not show %q: the test reads it wrong", w)
		}
	}
	for _, w := range []string{"常见问题汇总", "提问", "主题：", "问答编号", "未回答的问题", "条回答", "起问了两次", "（第 ", "知识库", "本次更新", "来源：", "群里没有人回答", "图片"} {
		if !strings.Contains(zh, w) {
			t.Errorf("the Chinese Markdown does not show %q\n%s", w, zh)
		}
	}
}

// TestMarkdownTexts checks the Markdown word table
// (uitext.Table.Problems).
func TestMarkdownTexts(t *testing.T) {
	for _, p := range markdownTexts.Problems() {
		t.Error(p)
	}
}

// TestAskedCounts checks how the summary says how often its questions
// were asked, in English and Chinese: no count of one time, no clause of
// zero questions asked more than once.
func TestAskedCounts(t *testing.T) {
	tests := []struct {
		entries, askings, repeated int
		en, zh                     string
	}{
		{0, 0, 0, "no question answered or asked again", "暂无已回答或多次被问到的问题"},
		{1, 1, 0, "1 question, asked once", "整理出 1 个问题，提问 1 次"},
		{1, 2, 1, "1 question, asked twice", "整理出 1 个问题，提问 2 次"},
		{1, 3, 1, "1 question, asked 3 times", "整理出 1 个问题，提问 3 次"},
		{3, 3, 0, "3 questions, each asked once", "整理出 3 个问题，均只被问到一次"},
		{3, 5, 1, "3 questions asked 5 times, 1 of them more than once", "整理出 3 个问题，共提问 5 次，其中 1 个被多次问到"},
		{12, 20, 5, "12 questions asked 20 times, 5 of them more than once", "整理出 12 个问题，共提问 20 次，其中 5 个被多次问到"},
	}
	for _, tt := range tests {
		for lang, want := range map[string]string{"en": tt.en, "zh": tt.zh} {
			if got := askedIn(lang, tt.entries, tt.askings, tt.repeated); got != want {
				t.Errorf("%s %d/%d/%d: %q, want %q", lang, tt.entries, tt.askings, tt.repeated, got, want)
			}
		}
	}
}

// TestEntryFacts checks what the HTML page says after an entry's title,
// in both languages: how often it was asked and answered as the Markdown
// digest's asked line says it.
func TestEntryFacts(t *testing.T) {
	entry := func(answers ...int) *Entry {
		e := &Entry{}
		for _, n := range answers {
			e.Occurrences = append(e.Occurrences, Occurrence{Date: "2018-03-01", Answers: make([]Answer, n)})
		}
		return e
	}
	tests := []struct {
		name   string
		e      *Entry
		en, zh string
	}{
		{"asked once, one answer", entry(1), " — asked once, 1 answer", " — 提问 1 次，共 1 条回答"},
		{"asked once, two answers", entry(2), " — asked once, 2 answers", " — 提问 1 次，共 2 条回答"},
		{"asked twice, not answered", entry(0, 0), " — asked twice, not answered", " — 提问 2 次，无人回答"},
		{"asked twice, answered once", entry(0, 1), " — asked twice, answered once, 1 answer", " — 提问 2 次，其中 1 次得到回答，共 1 条回答"},
		{"asked 3 times", entry(1, 2, 1), " — asked 3 times, answered 3 times, 4 answers", " — 提问 3 次，其中 3 次得到回答，共 4 条回答"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for lang, want := range map[string]string{"en": tt.en, "zh": tt.zh} {
				if got := entryFacts(tt.e, lang); got != want {
					t.Errorf("%s: %q, want %q", lang, got, want)
				}
			}
			if got, want := strings.Replace(askedLine(tt.e, "en"), " (2018-03-01)", "", 1), "Asked"+strings.TrimPrefix(tt.en, " — asked")+"."; got != want {
				t.Errorf("the Markdown says %q, the page %q", got, tt.en)
			}
		})
	}
}
