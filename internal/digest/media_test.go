package digest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

// TestWebAddress checks which addresses a digest links to: http and https
// ones with a host, in any case, and nothing else.
func TestWebAddress(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"http://static.cocolian.cn/img/201711/20171115_215311.png", true},
		{"https://mp.weixin.qq.com/s?__biz=MzA&mid=1#rd", true},
		{"HTTPS://example.com/a", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{"data:text/html,<b>x</b>", false},
		{"img/201711/a.png", false},
		{"/home/me/WeFlow/images/a.jpg", false},
		{"http:///no-host", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := webAddress(tt.url); got != tt.want {
			t.Errorf("webAddress(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

// TestMediaMarkdown checks how an answer that is a picture or shared link
// reads in the Markdown digest and a knowledge-base entry.
func TestMediaMarkdown(t *testing.T) {
	tests := []struct {
		name, text, url, want string
	}{
		{"text", "先挂账", "", "先挂账"},
		{"picture", "[image]", "http://static.cocolian.cn/img/a.png", "[image](http://static.cocolian.cn/img/a.png)"},
		{"picture without address", "[image]", "", `\[image\]`},
		{"shared link", "对账_差错_处理", "https://mp.example.com/s?id=42&a=1", `[对账\_差错\_处理](https://mp.example.com/s?id=42&a=1)`},
		{"file without address", "分账接口V1.3.pdf", "", "分账接口V1.3.pdf"},
		{"link without title", "https://example.com/a", "https://example.com/a", `[https\://example.com/a](https://example.com/a)`},
		{"script address", "[image]", "javascript:alert(1)", `\[image\] (javascript:alert(1))`},
		{"script address in a link", "点我](javascript:alert(1))", "javascript:alert(1)", `点我\](javascript:alert(1))`},
		{"path on the exporter's disk", "[image]", "img/a b.png", `\[image\] (img/a b.png)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mediaMarkdown(tt.text, tt.url, "en"); got != tt.want {
				t.Errorf("mediaMarkdown(%q, %q) = %q, want %q", tt.text, tt.url, got, tt.want)
			}
		})
	}
}

// TestBuildMediaAnswers checks that an answer that is a picture or a link
// keeps its address in every writer, and that the address is no words:
// the entries, their titles and topics are those of the same days without
// the addresses. The HTML page writes a picture's text in its language.
func TestBuildMediaAnswers(t *testing.T) {
	picture := func(d Day, url string) Day {
		a := &d.Log.Messages[1]
		a.Type, a.Text, a.URL = chatlog.TypeImage, "", url
		return d
	}
	link := func(d Day, title, url string) Day {
		a := &d.Log.Messages[1]
		a.Type, a.Text, a.LinkTitle, a.URL = chatlog.TypeLink, title, title, url
		return d
	}
	const img = "http://img.example.com/备付金/网联/a.png"
	days := []Day{
		picture(qaDay("a.md", "2018-03-01", "微信分账接口怎么申请？", ""), img),
		link(qaDay("b.md", "2018-03-09", "微信的分账接口在哪里申请？", ""), "商户平台操作指引", "https://pay.example.com/guide?x=1&y=2"),
		picture(qaDay("c.md", "2018-03-12", "对账文件几点能下载？", ""), "javascript:alert(1)"),
	}
	d := Build(days, segmenter(t), fixtureOptions(t))
	if len(d.Entries) != 2 || len(d.Entries[0].Occurrences) != 2 {
		t.Fatalf("entries %+v, want the two 分账 askings in one and the 对账 one alone", d.Entries)
	}
	// The same days without the addresses give the same entries.
	var bare []Day
	for _, day := range days {
		log := *day.Log
		log.Messages = append([]chatlog.Message(nil), day.Log.Messages...)
		log.Messages[1].URL = ""
		bare = append(bare, Day{Log: &log, Result: day.Result})
	}
	summary := func(d *Digest) string {
		var b strings.Builder
		for _, e := range d.Entries {
			fmt.Fprintf(&b, "%s %q %v %d\n", e.ID, e.Title, e.Topics, len(e.Occurrences))
		}
		return b.String()
	}
	if got, want := summary(d), summary(Build(bare, segmenter(t), fixtureOptions(t))); got != want {
		t.Errorf("the addresses changed the entries:\n%s\nwithout them:\n%s", got, want)
	}
	ans := func(i int) Answer { return d.Entries[0].Occurrences[i].Answers[0] }
	if a := ans(0); a.Text != "[image]" || a.URL != img {
		t.Errorf("picture answer %+v", a)
	}
	if a := ans(1); a.Text != "商户平台操作指引" || a.URL != "https://pay.example.com/guide?x=1&y=2" {
		t.Errorf("link answer %+v", a)
	}

	var md, mdZh, js, page, pageEn bytes.Buffer
	en := *d
	en.Lang = "en"
	if err := WriteMarkdown(&md, &en); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&mdZh, d); err != nil { // Chinese, as the chat is
		t.Fatal(err)
	}
	if err := WriteJSON(&js, d); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&page, d); err != nil { // Chinese, as the chat is
		t.Fatal(err)
	}
	if err := WriteHTML(&pageEn, &en); err != nil {
		t.Fatal(err)
	}
	var parsed struct {
		Entries []struct {
			Occurrences []struct {
				Answers []map[string]any
			}
		}
	}
	if err := json.Unmarshal(js.Bytes(), &parsed); err != nil {
		t.Fatal(err)
	}
	jsonAnswer := func(e, o int) map[string]any { return parsed.Entries[e].Occurrences[o].Answers[0] }
	tests := []struct {
		name, output string
		want         []string
		not          []string
	}{
		{"markdown", md.String(), []string{
			"  - **B** (line 5): [image](" + img + ")\n",
			"  - **B** (line 5): [商户平台操作指引](https://pay.example.com/guide?x=1&y=2)\n",
			"  - **B** (line 5): \\[image\\] (javascript:alert(1))\n",
		}, []string{"](javascript:"}},
		{"Chinese markdown", mdZh.String(), []string{
			"  - **B**（第 5 行）：[图片](" + img + ")\n",
			"  - **B**（第 5 行）：\\[图片\\] (javascript:alert(1))\n",
		}, []string{"](javascript:", "image"}},
		{"knowledge-base entry", string(entryMarkdown(".", &d.Entries[0], "en")), []string{
			"- **B**: [image](" + img + ")\n",
			"- **B**: [商户平台操作指引](https://pay.example.com/guide?x=1&y=2)\n",
		}, nil},
		{"html", page.String(), []string{
			`"[图片]","","http://img.example.com/备付金/网联/a.png"]`, // qaDay gives no roles
			`"[图片] (javascript:alert(1))",""]`,
		}, []string{`"","javascript:`, "[image]"}},
		{"English html", pageEn.String(), []string{
			`"[image]","","http://img.example.com/备付金/网联/a.png"]`,
			`"[image] (javascript:alert(1))",""]`,
		}, []string{`"","javascript:`, "[图片]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, want := range tt.want {
				if !strings.Contains(tt.output, want) {
					t.Errorf("the output lacks %q:\n%s", want, tt.output)
				}
			}
			for _, not := range tt.not {
				if strings.Contains(tt.output, not) {
					t.Errorf("the output has %q:\n%s", not, tt.output)
				}
			}
		})
	}
	t.Run("json", func(t *testing.T) {
		if a := jsonAnswer(0, 0); a["text"] != "[image]" || a["url"] != img {
			t.Errorf("picture answer %v", a)
		}
		if a := jsonAnswer(1, 0); a["url"] != "javascript:alert(1)" {
			t.Errorf("the script address is data in JSON, not left out: %v", a)
		}
		text := qaDay("d.md", "2018-03-01", "分账怎么申请？", "商户平台")
		var b bytes.Buffer
		if err := WriteJSON(&b, Build([]Day{text}, segmenter(t), fixtureOptions(t))); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), `"url"`) {
			t.Errorf("a text answer has a url:\n%s", b.String())
		}
	})
}
