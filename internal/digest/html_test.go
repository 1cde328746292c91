package digest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/thread"
)

// TestHTMLMessageLines checks the text the page shows of a message: a
// WeChat message of several lines keeps its line breaks (the page writes
// it with white-space: pre-wrap, as text), and one of white space only is
// empty, so that its box is no taller than an empty message's.
func TestHTMLMessageLines(t *testing.T) {
	oneLine := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	tests := []struct {
		name, text, want string
		url              string
	}{
		{"one line", "默认是30%", "默认是30%", ""},
		{"lines", "默认是30%\n第二行：<b>x</b> & y\n第三行", "默认是30%\n第二行：<b>x</b> & y\n第三行", ""},
		{"blank lines as one, line ends trimmed", "a  \r\n\n\n\n  b\t\n\n", "a\n\n  b", ""},
		{"white space only", " \n\n\t\u3000\n \n", "", ""},
		{"empty", "", "", ""},
		{"link keeps its address", "见文档\n第二行", "见文档\n第二行", "https://example.com/doc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := MessageView{Line: 3, Time: time.Date(2025, 3, 6, 9, 3, 40, 0, time.UTC), Sender: "A", Text: oneLine(tt.text), Lines: strings.TrimSpace(tt.text), URL: tt.url}
			got := htmlMessage(time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC), m, 0, "en")
			if got[3] != tt.want {
				t.Errorf("text %q, want %q", got[3], tt.want)
			}
			if tt.url != "" && (len(got) != 6 || got[5] != tt.url) {
				t.Errorf("message %q, want the address %q last", got, tt.url)
			}
		})
	}
	// A picture shows its readable text in the page's language, not the
	// (empty) text as written; a message that says "[image]" says it on
	// both pages.
	pictures := []struct {
		name, lang, lines, want string
	}{
		{"picture, English page", "en", "", "[image]"},
		{"picture, Chinese page", "zh", "", "[图片]"},
		{"text [image], Chinese page", "zh", imageText, imageText},
	}
	for _, tt := range pictures {
		t.Run(tt.name, func(t *testing.T) {
			m := MessageView{Text: imageText, Lines: tt.lines, URL: "https://example.com/a.png"}
			if got := htmlMessage(time.Time{}, m, 0, tt.lang); got[3] != tt.want {
				t.Errorf("text %q, want %q", got[3], tt.want)
			}
		})
	}
}

// TestBarSpan checks that a thread's bar in the timeline runs from its
// first to its last message with something to read: a message of white
// space only (a WeChat header with a blank body, "> 17:43:20    ") at its
// end or start does not stretch it, and a thread of such messages only is
// a short bar at its start.
func TestBarSpan(t *testing.T) {
	at := func(hm string) time.Time {
		tm, err := time.Parse("15:04", hm)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	msg := func(hm, text, url string) MessageView { return MessageView{Time: at(hm), Text: text, URL: url} }
	tests := []struct {
		name       string
		msgs       []MessageView
		start, end string
	}{
		{"all with text", []MessageView{msg("17:30", "问", ""), msg("17:33", "答", "")}, "17:30", "17:33"},
		{"blank last", []MessageView{msg("17:30", "问", ""), msg("17:33", "答", ""), msg("17:43", "", "")}, "17:30", "17:33"},
		{"blank first", []MessageView{msg("17:20", "", ""), msg("17:30", "问", ""), msg("17:33", "答", "")}, "17:30", "17:33"},
		{"a picture counts", []MessageView{msg("17:30", "问", ""), msg("17:40", imageText, "https://example.com/a.png")}, "17:30", "17:40"},
		{"blank only", []MessageView{msg("17:43", "", ""), msg("17:50", "", "")}, "17:43", "17:43"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tv := ThreadView{Start: tt.msgs[0].Time, End: tt.msgs[len(tt.msgs)-1].Time, Messages: tt.msgs}
			start, end := barSpan(tv)
			if start.Format("15:04") != tt.start || end.Format("15:04") != tt.end {
				t.Errorf("bar %s–%s, want %s–%s", start.Format("15:04"), end.Format("15:04"), tt.start, tt.end)
			}
		})
	}
}

// TestKindColoursContrast checks that every kind's colour in the page's
// style sheet has a contrast ratio (WCAG 2) of at least 3:1 with the
// timeline's background, #fafbfc, and with the page's, #fff.
func TestKindColoursContrast(t *testing.T) {
	luminance := func(hex string) float64 {
		var rgb [3]float64
		for i := range rgb {
			var v int
			if _, err := fmt.Sscanf(hex[1+2*i:3+2*i], "%02x", &v); err != nil {
				t.Fatalf("colour %q: %v", hex, err)
			}
			c := float64(v) / 255
			if c <= 0.03928 {
				rgb[i] = c / 12.92
			} else {
				rgb[i] = math.Pow((c+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	}
	for _, k := range htmlKinds {
		m := regexp.MustCompile(`--` + string(k) + `: (#[0-9a-f]{6});`).FindStringSubmatch(pageTemplate)
		if m == nil {
			t.Fatalf("no colour for the kind %s in page.html", k)
		}
		for _, bg := range []string{"#fafbfc", "#ffffff"} {
			if ratio := (luminance(bg) + 0.05) / (luminance(m[1]) + 0.05); ratio < 3 {
				t.Errorf("%s %s on %s: contrast %.2f:1, want at least 3:1", k, m[1], bg, ratio)
			}
		}
	}
}

// TestHTMLWithoutPaths checks that the page names a day by its date and
// group, never by the path of its file, which is the curator's: the JSON
// digest keeps it.
func TestHTMLWithoutPaths(t *testing.T) {
	const dir = "/home/curator/chats/"
	days := []Day{
		threadDay(dir+"a.md", "2018-03-01", "g", map[int][]int{0: nil}, "微信 分账 接口 怎么 申请"),
		threadDay(dir+"b.md", "2018-03-09", "g", map[int][]int{0: {1}}, "微信 分账 接口 怎么 申请", "商户 平台 申请"),
	}
	d := Build(days, spaceTokenizer{}, fixtureOptions(t))
	var page, js strings.Builder
	if err := WriteHTML(&page, d); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&js, d); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(page.String(), "curator") || strings.Contains(page.String(), ".md") {
		t.Errorf("the page names a file:\n%s", page.String())
	}
	for _, want := range []string{`"date":"2018-03-01","group":"g"`, `"line":1`} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if !strings.Contains(js.String(), dir+"a.md") {
		t.Error("the JSON digest lost the path")
	}
}

// TestPageTexts checks the page's word tables: the same keys in every
// language (but the Chinese summary's counts), the same {names} in each
// key's texts, forms for one and other counts in English only, and every
// key used by the page (a "data." key by WriteHTML, in the page's data).
func TestPageTexts(t *testing.T) {
	names := regexp.MustCompile(`\{\w+\}`)
	for key, en := range pageTexts["en"] {
		for _, lang := range PageLangs {
			text, ok := pageTexts[lang][key]
			if !ok {
				t.Errorf("%s: no %q", lang, key)
				continue
			}
			if got, want := slices.Sorted(slices.Values(names.FindAllString(text, -1))), slices.Sorted(slices.Values(names.FindAllString(en, -1))); !slices.Equal(slices.Compact(got), slices.Compact(want)) {
				t.Errorf("%s %q fills in %v, en %v", lang, key, got, want)
			}
			if lang == "zh" && strings.Contains(text, "|") {
				t.Errorf("zh %q has forms for counts: %q", key, text)
			}
		}
		used := strings.Contains(pageTemplate, `"`+key+`"`) || strings.Contains(pageTemplate, "{{"+key+"}}") ||
			strings.HasPrefix(key, "kind.") || strings.HasPrefix(key, "role.") || strings.HasPrefix(key, "summary.") || strings.HasPrefix(key, "data.")
		if !used {
			t.Errorf("%q is used nowhere in the page", key)
		}
	}
	for key := range pageTexts["zh"] {
		if _, ok := pageTexts["en"][key]; !ok && !slices.Contains(zhOnly, key) {
			t.Errorf("en: no %q", key)
		}
	}
}

// TestPageLang checks the language the page is written in: the one asked
// for, else Chinese when most messages with letters are Chinese.
func TestPageLang(t *testing.T) {
	day := func(texts ...string) DayView {
		var ms []MessageView
		for _, s := range texts {
			ms = append(ms, MessageView{Text: s})
		}
		return DayView{Threads: []ThreadView{{Messages: ms}}}
	}
	tests := []struct {
		name, lang string
		day        DayView
		want       string
	}{
		{"Chinese", "", day("微信分账接口怎么申请？", "商户平台申请", "ok"), "zh"},
		{"English", "", day("how do I mount a usb drive?", "use udisksctl", "分账"), "en"},
		{"half and half", "", day("分账", "refund"), "en"},
		{"an ok does not count", "", day("分账", "ok"), "zh"},
		{"no letters", "", day("123", "[]", ""), "en"},
		{"Chinese asked for", "zh", day("hello"), "zh"},
		{"English asked for", "en", day("你好"), "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Digest{Days: []DayView{tt.day}, Lang: tt.lang}
			if got := PageLang(d); got != tt.want {
				t.Errorf("PageLang = %q, want %q", got, tt.want)
			}
			var page bytes.Buffer
			if err := WriteHTML(&page, d); err != nil {
				t.Fatal(err)
			}
			htmlLang := map[string]string{"en": `<html lang="en">`, "zh": `<html lang="zh-CN">`}[tt.want]
			heading := map[string]string{"en": "<h2>Timeline</h2>", "zh": "<h2>时间线</h2>"}[tt.want]
			if !strings.Contains(page.String(), htmlLang) || !strings.Contains(page.String(), heading) {
				t.Errorf("the page lacks %s or %s", htmlLang, heading)
			}
			if strings.Contains(page.String(), "{{") {
				t.Errorf("a placeholder is left in the page: %s", page.String()[strings.Index(page.String(), "{{"):][:40])
			}
		})
	}
}

// TestLaterAnswerViewKeepsLines checks that an answer posted the next day
// shows in its question's panel as its own day shows it, line breaks kept,
// and with the answer's own lines when its day's thread is not found.
func TestLaterAnswerViewKeepsLines(t *testing.T) {
	at := time.Date(2024, 1, 11, 8, 10, 0, 0, time.UTC)
	d := &Digest{Days: []DayView{
		{Threads: []ThreadView{{ID: "t1"}}},
		{Threads: []ThreadView{{ID: "t1", Messages: []MessageView{{Line: 4, Time: at, Sender: "Cid", Text: "默认最高30%， 可以找微信申请提高", Lines: "默认最高30%，\n可以找微信申请提高"}}}}},
	}}
	tests := []struct {
		name string
		a    Answer
		want string
	}{
		{"found in its day", Answer{Later: true, Day: 1, Thread: "t1", Line: 4, Sender: "Cid", Text: "默认最高30%， 可以找微信申请提高", Time: at}, "默认最高30%，\n可以找微信申请提高"},
		{"not found: its own lines", Answer{Later: true, Day: 1, Thread: "t9", Line: 4, Sender: "Cid", Text: "默认最高30%， 可以找微信申请提高", Lines: "默认最高30%，\n可以找微信申请提高", Time: at}, "默认最高30%，\n可以找微信申请提高"},
		{"not found: a picture has none", Answer{Later: true, Day: 1, Thread: "t9", Line: 5, Sender: "Cid", Text: imageText, Lines: imageText, URL: "img/a.png", Time: at}, ""},
		{"not found: a text saying [image] keeps it", Answer{Later: true, Day: 1, Thread: "t9", Line: 6, Sender: "Cid", Text: imageText, Lines: imageText, Time: at}, imageText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := laterAnswerView(d, tt.a)
			if m.Lines != tt.want || m.Role != thread.RoleAnswer || m.Text != tt.a.Text {
				t.Errorf("got lines %q role %q text %q, want lines %q, an answer, text %q", m.Lines, m.Role, m.Text, tt.want, tt.a.Text)
			}
		})
	}
}

// englishPageWords are the English page's own words, as a reader meets
// them on it: in its markup, in the texts its script writes (its table,
// the topics' glosses, a picture's text) and in the day marker its script
// writes on the timeline's axis ("+1d 00:00"), which is code in the
// script (`d + "d "`). A Chinese page holds none of them.
var englishPageWords = []string{
	// markup: title, headings and help
	"FAQ digest", "Timeline", "Each bar is a thread", "Topic index", "Unanswered questions",
	"Questions that opened", "Thread", "Click a Q&A",
	// the script's table: kinds, roles, counts and labels
	"Q&A", "discussion", "talk", "news", "greeting", "other", "question", "answer",
	"undated", "No messages", "thread", "message", "Read ", "asked", "answered", "twice",
	"since", "line ", "Other questions", "No answered", "mention", "Entry:",
	// the data: a picture without text, and some of the topics' glosses
	// (TestChinesePageHasNoEnglish checks every topic's)
	"[image]", "profit sharing", "NetsUnion", "reconciliation", "WeChat Pay",
	// the script's code: the days' markers on the axis
	`"+1d"`, `d + "d"`,
}

// TestChinesePageHasNoEnglish checks that a Chinese page holds none of
// englishPageWords, nor any topic's English gloss, where a reader meets
// them, and that the English page, read the same way, holds them.
func TestChinesePageHasNoEnglish(t *testing.T) {
	opts := fixtureOptions(t)
	days := append(fixtureDays(t), daysIn(t, mediaDir)...) // pictures too
	shown := func(lang string) string {
		o := opts
		o.Lang = lang
		var b bytes.Buffer
		if err := WriteHTML(&b, Build(days, segmenter(t), o)); err != nil {
			t.Fatal(err)
		}
		return pageShows(t, b.String())
	}
	zh, en := shown("zh"), shown("en")
	words := slices.Clone(englishPageWords)
	for _, tp := range opts.Topics {
		words = append(words, tp.Gloss)
	}
	for _, w := range words {
		if strings.Contains(zh, w) {
			t.Errorf("the Chinese page shows %q", w)
		}
	}
	for _, w := range []string{"Timeline", "Topic index", `"[image]"`, "Q&A", "profit sharing", `"+1d"`, `d + "d"`} {
		if !strings.Contains(en, w) {
			t.Errorf("the English page does not show %q: the test reads the page wrong", w)
		}
	}
	for _, w := range []string{"时间线", "主题索引", `"[图片]"`, "问答", "一笔交易资金分给多方收款（分润、分佣）", `"次日"`, `d + "天"`, "相关问答"} {
		if !strings.Contains(zh, w) {
			t.Errorf("the Chinese page does not show %q", w)
		}
	}
}

// pageShows is what of page a reader meets, one part a line: the text
// of its markup and its title and aria-label attributes, the texts of the
// script's table (without their {names}) and the topics' glosses, the messages'
// texts (as JSON strings: a picture's is the page's), and the code of the
// script's hhmm, the one place where the script writes words of its own.
func pageShows(t *testing.T, page string) string {
	t.Helper()
	scripts := regexp.MustCompile(`(?s)<script([^>]*)>(.*?)</script>`)
	var parts []string
	for _, m := range scripts.FindAllStringSubmatch(page, -1) {
		switch {
		case strings.Contains(m[1], `id="data"`):
			var data htmlData
			if err := json.Unmarshal([]byte(m[2]), &data); err != nil {
				t.Fatalf("the page's data: %v", err)
			}
			names := regexp.MustCompile(`\{\w+\}`) // filled in by the script
			for _, v := range data.Text {
				parts = append(parts, names.ReplaceAllString(v, "…"))
			}
			for _, tp := range data.Topics {
				parts = append(parts, tp.Gloss)
			}
		case strings.Contains(m[1], `id="messages-`):
			var msgs htmlMessages
			if err := json.Unmarshal([]byte(m[2]), &msgs); err != nil {
				t.Fatalf("a day's messages: %v", err)
			}
			for _, list := range msgs.Threads {
				for _, msg := range list {
					s, _ := json.Marshal(msg[3])
					parts = append(parts, string(s))
				}
			}
		case strings.Contains(m[2], "function hhmm"):
			code := regexp.MustCompile(`(?s)function hhmm\(s\) \{.*?\n  \}`).FindString(m[2])
			if code == "" {
				t.Fatal("no function hhmm in the page's script")
			}
			parts = append(parts, code)
		}
	}
	markup := regexp.MustCompile(`(?s)<style.*?</style>`).ReplaceAllString(scripts.ReplaceAllString(page, ""), "")
	for _, m := range regexp.MustCompile(`(?:title|aria-label)="([^"]*)"`).FindAllStringSubmatch(markup, -1) {
		parts = append(parts, html.UnescapeString(m[1]))
	}
	parts = append(parts, html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(markup, "\n")))
	return strings.Join(parts, "\n")
}
