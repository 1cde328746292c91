package digest

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"
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
			got := htmlMessage(time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC), m)
			if got[3] != tt.want {
				t.Errorf("text %q, want %q", got[3], tt.want)
			}
			if tt.url != "" && (len(got) != 6 || got[5] != tt.url) {
				t.Errorf("message %q, want the address %q last", got, tt.url)
			}
		})
	}
	// A picture shows its readable text, not the (empty) text as written.
	m := MessageView{Text: imageText, URL: "https://example.com/a.png"}
	if got := htmlMessage(time.Time{}, m); got[3] != imageText {
		t.Errorf("picture: text %q, want %q", got[3], imageText)
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
