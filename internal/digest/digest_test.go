package digest

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
	"github.com/cocolian/threads/internal/thread"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixtureDir holds synthetic cocolian days where the same questions recur
// in different words (see testdata/digest/days/README.txt).
const fixtureDir = "../../testdata/digest/days"

var (
	segOnce sync.Once
	seg     *segment.Segmenter
	segErr  error
)

func segmenter(t testing.TB) *segment.Segmenter {
	t.Helper()
	segOnce.Do(func() { seg, segErr = segment.New() })
	if segErr != nil {
		t.Fatal(segErr)
	}
	return seg
}

// mediaDir holds a synthetic day whose answers are pictures and shared
// links, at web addresses and others (javascript:, a relative path).
const mediaDir = "../../testdata/digest/media"

// fixtureDays parses and threads the fixture days in path order.
func fixtureDays(t testing.TB) []Day {
	t.Helper()
	return daysIn(t, fixtureDir)
}

// daysIn parses and threads the days of dir's group folders
// (dir/GROUP/DAY.markdown) in path order, leaving out hidden folders.
func daysIn(t testing.TB, dir string) []Day {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.markdown"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture days in %s: %v", dir, err)
	}
	sort.Strings(files)
	var days []Day
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(filepath.Dir(f)), ".") {
			continue // the hidden folder the command skips
		}
		log, err := chatlog.ParseFile(f, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		days = append(days, Day{Log: log, Result: thread.Build(log, segmenter(t))})
	}
	return days
}

func fixtureOptions(t testing.TB) Options {
	t.Helper()
	topics, err := dict.Topics()
	if err != nil {
		t.Fatal(err)
	}
	terms, err := dict.Payments()
	if err != nil {
		t.Fatal(err)
	}
	return Options{Topics: topics, Terms: terms}
}

func fixtureDigest(t testing.TB) *Digest {
	t.Helper()
	return Build(fixtureDays(t), segmenter(t), fixtureOptions(t))
}

// TestBuildMergesFixture checks which questions of the fixture days end up
// together: the same question asked in other words on other days merges,
// questions that share a topic but ask something else do not, and neither
// do questions that lean on their conversation.
func TestBuildMergesFixture(t *testing.T) {
	d := fixtureDigest(t)
	entryOf := map[string]*Entry{}
	for i := range d.Entries {
		for _, o := range d.Entries[i].Occurrences {
			entryOf[o.Question] = &d.Entries[i]
		}
	}
	tests := []struct {
		question string
		group    string // questions with the same group share an entry; "" alone; "-" no entry
	}{
		{"请教一下，微信分账接口怎么申请？", "分账接口"},
		{"请问微信的分账接口要怎么申请开通？", "分账接口"},
		{"微信的分账接口在哪里申请？", "分账接口"},
		{"网联的协议支付和认证支付有什么区别？", "协议认证"},
		{"协议支付跟认证支付的区别是什么？", "协议认证"},
		{"备付金集中存管以后，还有利息收入吗？", "利息"},
		{"备付金集中存管之后，支付公司还有利息收入吗？", "利息"},
		{"对账出现长款和短款的差错，你们一般怎么处理？", "长短款"},
		{"对账时长款短款的差错一般怎么处理？", "长短款"},
		{"有没有网联的接口文档？", "文档"},
		{"网联接口文档谁有？", "文档"},
		{"聚合支付现在还能做二清吗？", "二清"},
		{"聚合支付现在还可以做二清吗？", "二清"},
		// Same topic, another question.
		{"分账回退有时间限制吗？", ""},
		{"渠道对账文件一般几点能下载？", ""},
		// Shares only 分账 with the 分账接口 questions: merging it would take
		// knowing that 开通 and 申请 mean the same here.
		{"分账功能要单独开通吗？", ""},
		// Leans on its conversation: an entry, but never merged.
		{"那存量的快捷用户要重新签约吗？", ""},
		// Says too little out of its chat to be an entry.
		{"这个接口怎么申请？", "-"},
	}
	first := map[string]*Entry{}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			e := entryOf[tt.question]
			switch {
			case tt.group == "-":
				if e != nil {
					t.Errorf("in entry %s (%q), want no entry", e.ID, e.Title)
				}
				return
			case e == nil:
				t.Fatalf("no entry")
			case tt.group == "":
				if len(e.Occurrences) != 1 {
					t.Errorf("merged into %s with %d occurrences, want alone", e.ID, len(e.Occurrences))
				}
				return
			}
			if f, ok := first[tt.group]; !ok {
				first[tt.group] = e
			} else if f != e {
				t.Errorf("in entry %s, want %s (%q)", e.ID, f.ID, f.Title)
			}
		})
	}
	for group, e := range first {
		n := 0
		for _, tt := range tests {
			if tt.group == group {
				n++
			}
		}
		if len(e.Occurrences) != n {
			t.Errorf("entry %q has %d occurrences, want %d", e.Title, len(e.Occurrences), n)
		}
	}
	if len(d.Entries) == 0 || !strings.Contains(d.Entries[0].Title, "分账接口") {
		t.Errorf("the most asked question should rank first, got %+v", d.Entries[0])
	}
	if got := d.Entries[0].Topics; len(got) == 0 || got[0] != "分账" {
		t.Errorf("first entry topics %v, want 分账 first", got)
	}
}

// TestBuildOccurrences checks what an occurrence records and that every
// thread lists the entries of its questions.
func TestBuildOccurrences(t *testing.T) {
	d := fixtureDigest(t)
	e := d.Entries[0]
	o := e.Occurrences[0]
	want := Occurrence{Path: filepath.Join(fixtureDir, "proddev", "2018-03-01-chat.markdown"), Line: 13, Date: "2018-03-01", Group: "proddev", Asker: "陈立-银通支付-产品-上海", Question: "请教一下，微信分账接口怎么申请？"}
	if o.Path != want.Path || o.Line != want.Line || o.Date != want.Date || o.Group != want.Group || o.Asker != want.Asker || o.Question != want.Question {
		t.Errorf("first occurrence %+v, want %+v", o, want)
	}
	if len(o.Answers) != 2 || o.Answers[0].Line != 17 || o.Answers[0].Sender != "沈清-云汇支付-清算产品-杭州" {
		t.Errorf("answers %+v", o.Answers)
	}
	if e.FirstAsked() != "2018-03-01" || e.LastAsked() != "2018-03-22" || e.Answered() != 3 || e.AnswerCount() != 4 {
		t.Errorf("first %s last %s answered %d answers %d", e.FirstAsked(), e.LastAsked(), e.Answered(), e.AnswerCount())
	}
	for _, o := range e.Occurrences {
		day := d.Days[o.Day]
		if day.Path != o.Path {
			t.Errorf("occurrence %s:%d points at day %s", o.Path, o.Line, day.Path)
		}
		found := false
		for _, th := range day.Threads {
			if th.ID == o.Thread {
				found = slices.Contains(th.Entries, e.ID)
			}
		}
		if !found {
			t.Errorf("thread %s of %s does not list entry %s", o.Thread, day.Path, e.ID)
		}
	}
}

// TestBuildDeterministic checks that the order of the days does not matter
// and that the output is the same every time.
func TestBuildDeterministic(t *testing.T) {
	days := fixtureDays(t)
	var outs [][]byte
	for _, ds := range [][]Day{days, reversed(days)} {
		var b bytes.Buffer
		if err := WriteJSON(&b, Build(ds, segmenter(t), fixtureOptions(t))); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b.Bytes())
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("reversing the days changed the digest")
	}
}

// TestBuildSameThread checks that a follow-up question of one thread stays
// apart, that a question copied within its thread joins it, and that the
// same question on two days merges.
func TestBuildSameThread(t *testing.T) {
	day := func(path, date string, texts ...string) Day {
		base := time.Date(2018, 3, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
		log := &chatlog.Log{Path: path, Format: "test", Date: date, Group: "g"}
		res := &thread.Result{Threads: []thread.Thread{{ID: "t1", Kind: thread.KindQA}}}
		for i, text := range texts {
			log.Messages = append(log.Messages, chatlog.Message{Index: i, Line: 1 + 4*i, Time: base.Add(time.Duration(i) * time.Minute), Sender: string(rune('A' + i)), Type: chatlog.TypeText, Text: text})
			res.Links = append(res.Links, thread.Link{Parent: i - 1, AnswerOf: -1})
			res.Threads[0].Messages = append(res.Threads[0].Messages, i)
		}
		// Messages 0 and 2 are questions, 1 and 3 their answers.
		res.Threads[0].Questions = []thread.QA{{Question: 0, Answers: []int{1}}, {Question: 2, Answers: []int{3}}}
		return Day{Log: log, Result: res}
	}
	days := []Day{
		day("a.md", "2018-03-01", "微信 分账 接口 怎么 申请", "商户平台 申请", "微信 分账 比例 上限 多少", "百分之三十"),
		day("b.md", "2018-03-09", "微信 分账 接口 申请", "找 客户经理", "微信 分账 接口 申请", "产品中心 开通"),
	}
	d := Build(days, spaceTokenizer{}, fixtureOptions(t))
	var sizes []int
	for _, e := range d.Entries {
		sizes = append(sizes, len(e.Occurrences))
	}
	sort.Ints(sizes)
	if got := fmt.Sprint(sizes); got != "[1 3]" {
		t.Errorf("entry sizes %s, want [1 3]: day a's follow-up apart, its first question with day b's question and its copy", got)
	}
}

// qaDay is a day of the file path whose one thread is question, answered
// by answer a minute later.
func qaDay(path, date, question, answer string) Day {
	base := time.Date(2018, 3, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	log := &chatlog.Log{Path: path, Format: "test", Date: date, Group: "g"}
	log.Messages = []chatlog.Message{
		{Index: 0, Line: 1, Time: base, Sender: "A", Type: chatlog.TypeText, Text: question},
		{Index: 1, Line: 5, Time: base.Add(time.Minute), Sender: "B", Type: chatlog.TypeText, Text: answer},
	}
	res := &thread.Result{
		Links:   []thread.Link{{Parent: -1, AnswerOf: -1}, {Parent: 0, AnswerOf: 0}},
		Threads: []thread.Thread{{ID: "t1", Kind: thread.KindQA, Messages: []int{0, 1}, Questions: []thread.QA{{Question: 0, Answers: []int{1}}}}},
	}
	return Day{Log: log, Result: res}
}

// TestBuildThreshold checks that Options.Threshold is used as given, 0
// included, and that nil means DefaultThreshold: two questions of
// different days that share 微信分账接口 but ask different things merge
// only at a low threshold.
func TestBuildThreshold(t *testing.T) {
	at := func(f float64) *float64 { return &f }
	tests := []struct {
		name      string
		threshold *float64
		entries   int
	}{
		{"unset", nil, 2},
		{"default", at(DefaultThreshold), 2},
		{"zero", at(0), 1},
		{"0.3", at(0.3), 1},
		{"one", at(1), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := fixtureOptions(t)
			opts.Threshold = tt.threshold
			d := Build([]Day{
				qaDay("a.md", "2018-03-01", "微信分账接口怎么申请开通？", "商户平台申请"),
				qaDay("b.md", "2018-03-09", "微信分账接口的费率一般是多少？", "千分之六"),
			}, segmenter(t), opts)
			if len(d.Entries) != tt.entries {
				t.Errorf("%d entries, want %d", len(d.Entries), tt.entries)
			}
		})
	}
}

// TestBuildMultiDayLog checks a log of several days (a Slack channel):
// each asking is dated by its own message, and a range keeps the askings
// of its days only, with the log's source lines narrowed to them; the
// heading and the summary count the days its messages have within the
// range, first and last, and the threads with a message within it.
func TestBuildMultiDayLog(t *testing.T) {
	d1 := qaDay("general", "", "微信分账接口怎么申请？", "商户平台申请")
	d2 := qaDay("general", "", "网联协议支付要重新签约吗？", "要")
	log := *d1.Log
	log.Messages = append([]chatlog.Message(nil), d1.Log.Messages...)
	for _, m := range d2.Log.Messages {
		m.Index += 2
		m.Line += 10
		m.Time = m.Time.Add(48 * time.Hour)
		log.Messages = append(log.Messages, m)
	}
	res := &thread.Result{
		Links: []thread.Link{{Parent: -1, AnswerOf: -1}, {Parent: 0, AnswerOf: 0}, {Parent: -1, AnswerOf: -1}, {Parent: 2, AnswerOf: 2}},
		Threads: []thread.Thread{
			{ID: "t1", Kind: thread.KindQA, Messages: []int{0, 1}, Questions: []thread.QA{{Question: 0, Answers: []int{1}}}},
			{ID: "t2", Kind: thread.KindQA, Messages: []int{2, 3}, Questions: []thread.QA{{Question: 2, Answers: []int{3}}}},
		},
	}
	days := []Day{{Log: &log, Result: res}}
	tests := []struct {
		name        string
		r           Range
		want        []string // the askings' dates, in entry order
		first, last int      // the day's source lines
		date        string   // the day's Date
		threads     []string // the day's threads
		title, sum  string   // the Markdown's heading, and how its summary starts
		zhTitle     string   // the Chinese heading
		zhSum       string   // how the Chinese summary starts
	}{
		{"no range", Range{}, []string{"2018-03-01", "2018-03-03"}, 1, 15, "2018-03-01", []string{"t1", "t2"},
			"FAQ digest: 2018-03-01 to 2018-03-03", "2 days (g), 2 threads; 2 questions, each asked once.",
			"常见问题汇总：2018-03-01 至 2018-03-03", "共 2 个聊天日（g），2 段对话；整理出 2 个问题，均只被问到一次。"},
		{"since the second day", Range{Since: "2018-03-02"}, []string{"2018-03-03"}, 11, 15, "2018-03-03", []string{"t2"},
			"FAQ digest: 2018-03-03", "1 day (g), 1 thread; 1 question, asked once.",
			"常见问题汇总：2018-03-03", "共 1 个聊天日（g），1 段对话；整理出 1 个问题，提问 1 次。"},
		{"until the first day", Range{Until: "2018-03-02"}, []string{"2018-03-01"}, 1, 5, "2018-03-01", []string{"t1"},
			"FAQ digest: 2018-03-01", "1 day (g), 1 thread; 1 question, asked once.",
			"常见问题汇总：2018-03-01", "共 1 个聊天日（g），1 段对话；整理出 1 个问题，提问 1 次。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := fixtureOptions(t)
			opts.Range = tt.r
			d := Build(days, segmenter(t), opts)
			var got []string
			for _, e := range d.Entries {
				for _, o := range e.Occurrences {
					got = append(got, o.Date)
				}
			}
			if sort.Strings(got); strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("askings dated %v, want %v", got, tt.want)
			}
			v := d.Days[0]
			if v.FirstLine != tt.first || v.LastLine != tt.last {
				t.Errorf("source lines %d-%d, want %d-%d", v.FirstLine, v.LastLine, tt.first, tt.last)
			}
			var threads []string
			for _, th := range v.Threads {
				threads = append(threads, th.ID)
			}
			if v.Date != tt.date || !slices.Equal(threads, tt.threads) {
				t.Errorf("the day is %s with threads %v, want %s with %v", v.Date, threads, tt.date, tt.threads)
			}
			if got := pageTitle(d, "en"); got != tt.title {
				t.Errorf("heading %q, want %q", got, tt.title)
			}
			if got := summary(d); !strings.HasPrefix(got, tt.sum) {
				t.Errorf("summary %q, want it to start %q", got, tt.sum)
			}
			if got := pageTitle(d, "zh"); got != tt.zhTitle {
				t.Errorf("Chinese heading %q, want %q", got, tt.zhTitle)
			}
			if got := pageSummary(d, "zh"); !strings.HasPrefix(got, tt.zhSum) {
				t.Errorf("Chinese summary %q, want it to start %q", got, tt.zhSum)
			}
		})
	}
}

// TestMultiDayLogAmongDays checks a Slack channel of two days digested
// with a day of another chat within them: the heading runs to the
// channel's last day, the days are counted once each, and the day logs are
// named as two share a date.
func TestMultiDayLogAmongDays(t *testing.T) {
	channel := qaDay("help", "", "微信分账接口怎么申请？", "商户平台申请")
	later := channel.Log.Messages[1]
	later.Index, later.Line, later.Time, later.Text = 2, 9, later.Time.Add(24*time.Hour), "网联协议支付要重新签约吗？"
	channel.Log.Messages = append(channel.Log.Messages, later)
	channel.Result.Links = append(channel.Result.Links, thread.Link{Parent: -1, AnswerOf: -1})
	channel.Result.Threads = append(channel.Result.Threads, thread.Thread{ID: "t2", Kind: thread.KindOther, Messages: []int{2}})
	other := qaDay("wa.txt", "2018-03-01", "备付金集中存管以后还有利息吗？", "没有了")
	other.Log.Group = "pay"
	opts := fixtureOptions(t)
	d := Build([]Day{channel, other}, segmenter(t), opts)
	if got, want := span(d), "2018-03-01 to 2018-03-02"; got != want {
		t.Errorf("span %q, want %q", got, want)
	}
	if got, want := summary(d), "2 days (2 day logs of g, pay), 3 threads; "; !strings.HasPrefix(got, want) {
		t.Errorf("summary %q, want it to start %q", got, want)
	}
	if got := d.Days[0].Dates; !slices.Equal(got, []string{"2018-03-01", "2018-03-02"}) {
		t.Errorf("the channel's dates %v", got)
	}
}

// TestBuildLegacyStickers checks that a question with the sticker codes of
// an older WeChat client (/:strong for [强]) merges with the same question
// with today's stickers: the code's letters are no words.
func TestBuildLegacyStickers(t *testing.T) {
	d := Build([]Day{
		qaDay("a.md", "2018-03-01", "分账怎么申请？[强][鼓掌][玫瑰][啤酒]", "商户平台申请"),
		qaDay("b.md", "2018-03-09", "分账怎么申请？/:strong/:handclap/:rose/:beer", "找客户经理"),
	}, segmenter(t), fixtureOptions(t))
	if len(d.Entries) != 1 || len(d.Entries[0].Occurrences) != 2 {
		t.Fatalf("%d entries, want the two askings in one: %+v", len(d.Entries), d.Entries)
	}
}

// TestBuildTraditional checks that a question asked in traditional Chinese
// merges with the same question in simplified Chinese, under its topic,
// and that its entry keeps the words as written.
func TestBuildTraditional(t *testing.T) {
	day := qaDay
	days := []Day{
		day("a.md", "2018-03-01", "微信分账接口怎么申请？", "商户平台申请"),
		day("b.md", "2018-03-09", "微信分賬接口怎麼申請？", "找客戶經理"),
	}
	d := Build(days, segmenter(t), fixtureOptions(t))
	if len(d.Entries) != 1 || len(d.Entries[0].Occurrences) != 2 {
		t.Fatalf("%d entries, want the two askings in one: %+v", len(d.Entries), d.Entries)
	}
	e := d.Entries[0]
	if !strings.Contains(fmt.Sprint(e.Topics), "分账") {
		t.Errorf("topics %v, want 分账 among them", e.Topics)
	}
	if got := e.Occurrences[1].Question; got != "微信分賬接口怎麼申請？" {
		t.Errorf("the second asking reads %q, want it as written", got)
	}
	// Asked alone, in traditional Chinese, it has its topic; a question
	// that leans on its conversation (這個…) merges with neither.
	alone := Build(days[1:], segmenter(t), fixtureOptions(t))
	if len(alone.Entries) != 1 || !strings.Contains(fmt.Sprint(alone.Entries[0].Topics), "分账") {
		t.Errorf("the traditional asking alone: %+v, want one entry under 分账", alone.Entries)
	}
	leaning := Build([]Day{days[0], day("c.md", "2018-03-12", "這個分賬接口怎麼申請？", "找客戶經理")}, segmenter(t), fixtureOptions(t))
	if len(leaning.Entries) != 2 {
		t.Errorf("%d entries, want 這個分賬接口怎麼申請？ apart from 微信分账接口怎么申请？", len(leaning.Entries))
	}
}

// TestBuildSkipsExportCopies checks that a message an export lists twice
// (same second, same words, under the display name and the group nickname)
// is one asking (and an answer listed twice one answer), while the same
// words a minute later are a second one.
func TestBuildSkipsExportCopies(t *testing.T) {
	base := time.Date(2017, 12, 20, 18, 19, 52, 0, time.FixedZone("CST", 8*3600))
	msgs := []struct {
		sender, text string
		sec          int
	}{
		{"吴生", "跨境 支付 对接 境外 银行 要 走 swift 吗", 0},
		{"吴生-海辉-支付主管", "跨境 支付 对接 境外 银行 要 走 swift 吗", 0},
		{"B", "要 走 swift", 30},
		{"B-群昵称", "要 走 swift", 30},
		{"C", "跨境 支付 对接 境外 银行 要 走 swift 吗", 90},
		{"B", "对", 100},
	}
	log := &chatlog.Log{Path: "a.md", Format: "test", Date: "2017-12-20", Group: "g"}
	res := &thread.Result{Threads: []thread.Thread{{ID: "t1", Kind: thread.KindQA,
		Questions: []thread.QA{{Question: 0, Answers: []int{2, 3}}, {Question: 1}, {Question: 4, Answers: []int{5}}}}}}
	for i, m := range msgs {
		log.Messages = append(log.Messages, chatlog.Message{Index: i, Line: 1 + 4*i, Time: base.Add(time.Duration(m.sec) * time.Second), Sender: m.sender, Type: chatlog.TypeText, Text: m.text})
		res.Links = append(res.Links, thread.Link{Parent: i - 1, AnswerOf: -1})
		res.Threads[0].Messages = append(res.Threads[0].Messages, i)
	}
	d := Build([]Day{{Log: log, Result: res}}, spaceTokenizer{}, fixtureOptions(t))
	if len(d.Entries) != 1 || len(d.Entries[0].Occurrences) != 2 {
		t.Fatalf("entries %+v, want one entry asked twice (lines 1 and 17)", d.Entries)
	}
	if a, b := d.Entries[0].Occurrences[0].Line, d.Entries[0].Occurrences[1].Line; a != 1 || b != 17 {
		t.Errorf("occurrences at lines %d and %d, want 1 and 17", a, b)
	}
	if n := len(d.Entries[0].Occurrences[0].Answers); n != 1 {
		t.Errorf("first asking has %d answers, want 1 (the answer listed twice is one)", n)
	}
}

// spaceTokenizer splits on spaces and marks payments terms of dict.
type spaceTokenizer struct{}

func (spaceTokenizer) Tokens(text string) []segment.Token {
	var toks []segment.Token
	pos := 0
	for _, w := range strings.Fields(text) {
		k := strings.Index(text[pos:], w) + pos
		kind := segment.KindWord
		switch w {
		case "微信", "分账", "备付金", "商户平台":
			kind = segment.KindDomain
		case "怎么", "吗", "了", "还有":
			kind = segment.KindStop
		}
		toks = append(toks, segment.Token{Text: w, Start: k, End: k + len(w), Kind: kind})
		pos = k + len(w)
	}
	return toks
}

func reversed(days []Day) []Day {
	out := make([]Day, len(days))
	for i, d := range days {
		out[len(days)-1-i] = d
	}
	return out
}

// TestWritersGolden compares every writer's output on the fixture days with
// its golden file; go test ./internal/digest -update rewrites them.
func TestWritersGolden(t *testing.T) {
	md := func(b *bytes.Buffer, d *Digest) error { return WriteMarkdown(b, d) }
	js := func(b *bytes.Buffer, d *Digest) error { return WriteJSON(b, d) }
	page := func(b *bytes.Buffer, d *Digest) error { return WriteHTML(b, d) }
	media := func(t testing.TB) *Digest { return Build(daysIn(t, mediaDir), segmenter(t), fixtureOptions(t)) }
	english := func(digest func(testing.TB) *Digest) func(testing.TB) *Digest {
		return func(t testing.TB) *Digest { d := digest(t); d.Lang = "en"; return d }
	}
	tests := []struct {
		golden string
		digest func(testing.TB) *Digest
		write  func(*bytes.Buffer, *Digest) error
	}{
		{"digest.md", fixtureDigest, md}, // auto: the fixture chats are Chinese
		{"digest.en.md", english(fixtureDigest), md},
		{"digest.json", fixtureDigest, js},
		{"digest.html", fixtureDigest, page},
		// Answers that are pictures and shared links, at web addresses and others.
		{"media.md", media, md},
		{"media.en.md", english(media), md},
		{"media.json", media, js},
		{"media.html", media, page},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b, tt.digest(t)); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("..", "..", "testdata", "digest", "golden", tt.golden), b.Bytes())
			var again bytes.Buffer
			if err := tt.write(&again, tt.digest(t)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), again.Bytes()) {
				t.Error("a second run gave different output")
			}
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/digest -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test ./internal/digest -update to accept)", path)
	}
}

// BenchmarkBuildFixture measures merging on the fixture days (threading excluded).
func BenchmarkBuildFixture(b *testing.B) {
	days := fixtureDays(b)
	opts := fixtureOptions(b)
	s := segmenter(b)
	b.ResetTimer()
	for range b.N {
		Build(days, s, opts)
	}
}

// TestMarkdownShowsChatTextLiterally checks that the Markdown digest and
// the knowledge base show what people typed as they typed it: Markdown in
// a question, an asker's or answerer's name or an answer shows as its
// characters, an address someone pasted stays a link, and a source path
// with a space still links to its file.
func TestMarkdownShowsChatTextLiterally(t *testing.T) {
	at := time.Date(2018, 3, 1, 9, 33, 17, 0, time.FixedZone("CST", 8*3600))
	e := Entry{ID: "2018-03-01-0123abcd", Title: "**微信** `分账`|怎么开？", Occurrences: []Occurrence{{
		Path: "proddev/2018-03-01 chat.markdown", Line: 13, Date: "2018-03-01", Group: "proddev", Time: at,
		Asker: "王_五", Question: "**微信** `分账`|怎么开？",
		Answers: []Answer{{Sender: "李明~支付", Text: "- 见https://pay.weixin.qq.com/a_b，要申请 <b>", Path: "proddev/2018-03-01 chat.markdown", Line: 15, Time: at}},
	}}}
	d := &Digest{Entries: []Entry{e}, Days: []DayView{{Path: e.Occurrences[0].Path, Date: "2018-03-01", Group: "proddev", Messages: 2}}, Lang: "en"}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, d); err != nil {
		t.Fatal(err)
	}
	question := "\\*\\*微信\\*\\* \\`分账\\`\\|怎么开？"
	answer := "\\- 见<https://pay.weixin.qq.com/a_b>，要申请 &lt;b&gt;"
	tests := []struct {
		name, output string
		want         []string
	}{
		{"digest", md.String(), []string{
			"### 1. " + question + "\n",
			"- 2018-03-01 proddev: **王\\_五** asked (`proddev/2018-03-01 chat.markdown:13`): " + question + "\n",
			"  - **李明\\~支付** (line 15): " + answer + "\n",
		}},
		{"knowledge-base entry", string(entryMarkdown(".", &d.Entries[0], "en")), []string{
			"# " + question + "\n",
			"## 2018-03-01 proddev: 王\\_五\n",
			"> " + question + "\n",
			"- **李明\\~支付**: " + answer + "\n",
			"Source: [2018-03-01 chat.markdown:13](proddev/2018-03-01%20chat.markdown#L13)\n",
		}},
		{"knowledge-base index", string(indexMarkdown(".", d, []kbEntry{{file: e.ID + ".md", fm: entryFrontMatter(&e)}})), []string{
			"- [" + question + "](2018-03-01-0123abcd.md): asked once, last 2018-03-01\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, want := range tt.want {
				if !strings.Contains(tt.output, want) {
					t.Errorf("the output lacks %q:\n%s", want, tt.output)
				}
			}
		})
	}
}

// TestTopicTermMakesSubstantial checks that a question of two content words
// is an entry when one is a term of a topic, as with a payments term, and
// none without.
func TestTopicTermMakesSubstantial(t *testing.T) {
	day := qaDay("chat.txt", "2024-02-01", "How do I update HACS?", "Open HACS and press update.")
	opts := fixtureOptions(t)
	if d := Build([]Day{day}, segmenter(t), opts); len(d.Entries) != 0 || d.LeftOut != 1 {
		t.Fatalf("without the topic: %d entries, %d left out; want none, and the asking left out", len(d.Entries), d.LeftOut)
	}
	opts.Topics = append(opts.Topics, dict.Topic{Name: "Home Assistant", Terms: []string{"HACS", "Zigbee"}})
	d := Build([]Day{day}, segmenter(t), opts)
	if len(d.Entries) != 1 || d.Entries[0].Title != "How do I update HACS?" || d.LeftOut != 0 {
		t.Fatalf("with the topic: entries %+v, want the question", d.Entries)
	}
}

// TestTitleWithoutCodeBlocks checks that an entry's title leaves out a
// block of code the question opens with, where it showed the fence.
func TestTitleWithoutCodeBlocks(t *testing.T) {
	question := "```go\nctx, cancel := context.WithTimeout(ctx, time.Second)\n```\nWhy does this deadline not reach the downstream gRPC call?"
	day := qaDay("a.json", "2024-03-04", question, "Pass ctx to the client call.")
	day.Log.Messages[0].Code = []chatlog.Code{{Start: 0, End: 62, From: 6, To: 58, Block: true, Lang: "go"}}
	d := Build([]Day{day}, spaceTokenizer{}, Options{})
	if len(d.Entries) != 1 {
		t.Fatalf("%d entries, want 1", len(d.Entries))
	}
	if got, want := d.Entries[0].Title, "Why does this deadline not reach the downstream gRPC call?"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
}

// TestWrittenKeepsLineBreaks checks the text the JSON digest gives a
// question or an answer: the message as written, line breaks and spacing
// kept and trimmed at both ends, or what readable puts for a picture or a
// shared link; joined on one line it is always readable's text, which
// titles, merging and the Markdown outputs read.
func TestWrittenKeepsLineBreaks(t *testing.T) {
	tests := []struct {
		name string
		m    chatlog.Message
		want string
	}{
		{"lines kept", chatlog.Message{Type: chatlog.TypeText, Text: "这样：\nsign := hmac(key, body)\nreturn sign"}, "这样：\nsign := hmac(key, body)\nreturn sign"},
		{"indent and spaces kept", chatlog.Message{Type: chatlog.TypeText, Text: "try:\n  a  =  1"}, "try:\n  a  =  1"},
		{"ends trimmed", chatlog.Message{Type: chatlog.TypeText, Text: "\n  T+1?  \n"}, "T+1?"},
		{"one line", chatlog.Message{Type: chatlog.TypeText, Text: "网联怎么收费？"}, "网联怎么收费？"},
		{"a picture", chatlog.Message{Type: chatlog.TypeImage, URL: "photos/1.jpg"}, "[image]"},
		{"a picture's caption", chatlog.Message{Type: chatlog.TypeImage, Text: "fee table:\nsee row 2", URL: "photos/1.jpg"}, "fee table:\nsee row 2"},
		{"a link's title", chatlog.Message{Type: chatlog.TypeLink, Text: "https://example.com/a", URL: "https://example.com/a", LinkTitle: "网联 fee\ntable"}, "网联 fee table"},
		{"a link's caption", chatlog.Message{Type: chatlog.TypeLink, Text: "see:\nhttps://example.com/a", URL: "https://example.com/a", LinkTitle: "fees"}, "see:\nhttps://example.com/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := written(&tt.m)
			if got != tt.want {
				t.Errorf("written = %q, want %q", got, tt.want)
			}
			if flat := strings.Join(strings.Fields(got), " "); flat != readable(&tt.m) {
				t.Errorf("on one line %q, readable %q", flat, readable(&tt.m))
			}
		})
	}
}

// TestThreadViewsListCopiesOnce checks that a message an export listed
// twice (the same text in the same second, under a second name) is shown
// and counted once in its thread's view, as the FAQ and the knowledge
// base show it.
func TestThreadViewsListCopiesOnce(t *testing.T) {
	day := fixtureDays(t)[0]
	log := *day.Log
	copied := log.Messages[1]
	copied.Sender += "（群昵称）"
	log.Messages = slices.Insert(slices.Clone(log.Messages), 2, copied)
	for i := range log.Messages {
		log.Messages[i].Index = i
	}
	res := thread.Build(&log, segmenter(t))
	d := Build([]Day{{Log: &log, Result: res}}, segmenter(t), fixtureOptions(t))
	shown := 0
	for _, tv := range d.Days[0].Threads {
		shown += len(tv.Messages)
	}
	if shown != len(log.Messages)-1 {
		t.Errorf("the thread views show %d messages, want %d: the copy once", shown, len(log.Messages)-1)
	}
}
