package chatlog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixtureDir holds the synthetic cocolian fixtures, relative to this package.
const fixtureDir = "../../testdata/chatlog/cocolian"

// countHeaders counts the "> HH:MM:SS " header lines after the front matter,
// independently of the parser: the conservation invariant.
var countHeaderRE = regexp.MustCompile(`^> \d\d:\d\d:\d\d( |$)`)

func countHeaders(data []byte) int {
	lines := strings.Split(string(data), "\n")
	lines[0] = strings.TrimPrefix(lines[0], "\ufeff")
	start := 0
	if strings.TrimSpace(strings.TrimSuffix(lines[0], "\r")) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(strings.TrimSuffix(lines[i], "\r")) == "---" {
				start = i + 1
				break
			}
		}
	}
	n := 0
	for _, l := range lines[start:] {
		if countHeaderRE.MatchString(strings.TrimSuffix(l, "\r")) {
			n++
		}
	}
	return n
}

func parseString(t *testing.T, s, path string) *Log {
	t.Helper()
	log, err := ParseCocolian(strings.NewReader(s), path)
	if err != nil {
		t.Fatalf("ParseCocolian: %v", err)
	}
	return log
}

func TestParseCocolianGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtureDir, "*.markdown"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", fixtureDir, err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".markdown")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			// A repository-relative path keeps the golden output independent
			// of where the test runs.
			path := "testdata/chatlog/cocolian/" + filepath.Base(file)
			log := parseString(t, string(data), path)
			if got, want := len(log.Messages), countHeaders(data); got != want {
				t.Errorf("got %d messages, want %d (one per header)", got, want)
			}
			got, err := json.MarshalIndent(log, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join(fixtureDir, name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run go test ./internal/chatlog -update and review the diff)\ngot:\n%s", golden, got)
			}
		})
	}
}

const fm = "---\nlayout:     source \ntitle:      \"2018-05-04-WeChat\"\ndate:       2018-05-04 12:00:00\nauthor:     PaymentGroup\nlines:      3 \ntag:\t\t  [chat]\n---\n"

func TestParseCocolianMessages(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	tests := []struct {
		name string
		in   string
		want []Message // compared on the fields set in want plus Type and Text
	}{
		{
			name: "plain text",
			in:   fm + "> 09:44:52  甲-某支付-产品  \n   \n分账怎么申请？  \n   \n",
			want: []Message{{Line: 9, Sender: "甲-某支付-产品", Type: TypeText, Text: "分账怎么申请？"}},
		},
		{
			name: "blank nickname and no body",
			in:   fm + "> 22:38:16    \n   \n> 22:38:20  乙  \n   \n好的  \n   \n",
			want: []Message{
				{Line: 9, Sender: "", Type: TypeText, Text: ""},
				{Index: 1, Line: 11, Sender: "乙", Type: TypeText, Text: "好的"},
			},
		},
		{
			name: "nickname ending in its own space",
			in:   fm + "> 13:01:48  丙 某某通   \n   \n在  \n   \n",
			want: []Message{{Line: 9, Sender: "丙 某某通 ", Type: TypeText, Text: "在"}},
		},
		{
			name: "CR LF everywhere and no final newline",
			in:   strings.ReplaceAll(fm+"> 10:00:00  丁  \n   \n网联  \n   \n> 10:00:01  戊  \n   \n银联", "\n", "\r\n"),
			want: []Message{
				{Line: 9, Sender: "丁", Type: TypeText, Text: "网联"},
				{Index: 1, Line: 13, Sender: "戊", Type: TypeText, Text: "银联"},
			},
		},
		{
			name: "stray content before the first header is ignored",
			in:   fm + "\n  \n说明文字\n> 10:00:00  丁  \n   \n在  \n",
			want: []Message{{Line: 12, Sender: "丁", Type: TypeText, Text: "在"}},
		},
		{
			name: "link title spanning two lines",
			in:   fm + "> 10:00:00  丁  \n   \n[二清是什么\r\n](http://example.com/a?x=1&amp;amp;amp;y=2)  \n   \n",
			want: []Message{{Line: 9, Sender: "丁", Type: TypeLink, Text: "二清是什么", LinkTitle: "二清是什么", URL: "http://example.com/a?x=1&y=2"}},
		},
		{
			name: "entity-like text without semicolon is kept",
			in:   fm + "> 10:00:00  丁  \n   \n[参数](http://example.com/a?x=1&amp;amp;param=2&not=3)  \n   \n",
			want: []Message{{Line: 9, Sender: "丁", Type: TypeLink, Text: "参数", LinkTitle: "参数", URL: "http://example.com/a?x=1&param=2&not=3"}},
		},
		{
			name: "header without trailing spaces",
			in:   fm + "> 22:38:16\n   \n> 22:38:20  乙\n   \n好的\n",
			want: []Message{
				{Line: 9, Sender: "", Type: TypeText, Text: ""},
				{Index: 1, Line: 11, Sender: "乙", Type: TypeText, Text: "好的"},
			},
		},
		{
			name: "sentence ending in a file name is text",
			in:   fm + "> 10:00:00  丁  \n   \n大家看下，分账说明.pdf  \n   \n",
			want: []Message{{Line: 9, Sender: "丁", Type: TypeText, Text: "大家看下，分账说明.pdf"}},
		},
		{
			name: "sticker code with parenthesis is text",
			in:   fm + "> 10:00:00  丁  \n   \n[捂脸](开玩笑的)  \n   \n",
			want: []Message{{Line: 9, Sender: "丁", Type: TypeText, Text: "[捂脸](开玩笑的)"}},
		},
		{
			name: "bare account ids: the export lost the content",
			in: fm + "> 10:00:00  丁  \n   \nwxid_abcdefgh123456:  \n   \n> 10:00:01  戊  \n   \nq822090866:  \n   \n" +
				"> 10:00:02  己  \n   \n[chengwendong:](&amp;lt;?xml version=&amp;quot;1.0&amp;quot;?&amp;gt;)  \n   \n",
			want: []Message{
				{Line: 9, Sender: "丁", Type: TypeText, Text: ""},
				{Index: 1, Line: 13, Sender: "戊", Type: TypeText, Text: ""},
				{Index: 2, Line: 17, Sender: "己", Type: TypeText, Text: ""},
			},
		},
		{
			name: "one word and a colon written by a person is text",
			in: fm + "> 10:00:00  丁  \n   \nSummary:  \n   \n> 10:00:01  戊  \n   \nUPDATE:  \n   \n" +
				"> 10:00:02  己  \n   \nhello:  \n   \n> 10:00:03  庚  \n   \n[Agenda:](http://example.com/a)  \n   \n",
			want: []Message{
				{Line: 9, Sender: "丁", Type: TypeText, Text: "Summary:"},
				{Index: 1, Line: 13, Sender: "戊", Type: TypeText, Text: "UPDATE:"},
				{Index: 2, Line: 17, Sender: "己", Type: TypeText, Text: "hello:"},
				{Index: 3, Line: 21, Sender: "庚", Type: TypeLink, Text: "Agenda:", LinkTitle: "Agenda:", URL: "http://example.com/a"},
			},
		},
		{
			name: "WeChat notices written as the member's text are system messages that keep their sender",
			in: fm + cocolianDay("陈默", `"陈默" 撤回了一条消息`, `陈默撤回了一条消息`, `你撤回了一条消息`, `"陈默"邀请"李雷"加入了群聊`,
				`"陈默" 拍了拍 "李雷"`, `我拍了拍 "李四"`, `"张三" 拍了拍我的肩膀`, `"王五"通过扫描"陈默"分享的二维码加入群聊`, `"陈默"将"李雷"移出了群聊`),
			want: cocolianWant("陈默", TypeSystem, `"陈默" 撤回了一条消息`, `陈默撤回了一条消息`, `你撤回了一条消息`, `"陈默"邀请"李雷"加入了群聊`,
				`"陈默" 拍了拍 "李雷"`, `我拍了拍 "李四"`, `"张三" 拍了拍我的肩膀`, `"王五"通过扫描"陈默"分享的二维码加入群聊`, `"陈默"将"李雷"移出了群聊`),
		},
		{
			name: "text that only speaks of a notice stays text",
			in: fm + cocolianDay("丁", `撤回了一条消息怎么恢复？`, `为什么他撤回了一条消息？`, `我拍了拍他`, `"陈默" 拍了拍 "李雷"，你们聊`, `怎么加入群聊`,
				`刚才谁撤回了一条消息`, `哈哈你撤回了一条消息`, `群主撤回了一条消息`, `你怎么撤回了一条消息`),
			want: cocolianWant("丁", TypeText, `撤回了一条消息怎么恢复？`, `为什么他撤回了一条消息？`, `我拍了拍他`, `"陈默" 拍了拍 "李雷"，你们聊`, `怎么加入群聊`,
				`刚才谁撤回了一条消息`, `哈哈你撤回了一条消息`, `群主撤回了一条消息`, `你怎么撤回了一条消息`),
		},
		{
			name: "quoted reply with mention in the reply only",
			in:   fm + "> 10:00:00  丁  \n   \n「戊：@己 认证支付要短信吗」 - - - @戊?要的  \n   \n",
			want: []Message{{Line: 9, Sender: "丁", Type: TypeText, Text: "@戊?要的", Mentions: []string{"戊"}, Quote: &Quote{Sender: "戊", Text: "@己 认证支付要短信吗"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := parseString(t, tt.in, "proddev/2018-05-04-chat.markdown")
			if len(log.Messages) != len(tt.want) {
				t.Fatalf("got %d messages, want %d: %+v", len(log.Messages), len(tt.want), log.Messages)
			}
			for i, w := range tt.want {
				g := log.Messages[i]
				if g.Index != w.Index || g.Line != w.Line || g.Sender != w.Sender || g.Type != w.Type || g.Text != w.Text ||
					g.URL != w.URL || g.LinkTitle != w.LinkTitle || !reflect.DeepEqual(g.Mentions, w.Mentions) || !reflect.DeepEqual(g.Quote, w.Quote) {
					t.Errorf("message %d:\n got %+v\nwant %+v", i, g, w)
				}
				if g.Time.Location().String() != "CST" || g.Time.Year() != 2018 {
					t.Errorf("message %d: time %v not on 2018-05-04 CST", i, g.Time)
				}
			}
			if len(tt.want) > 0 {
				want := time.Date(2018, 5, 4, 0, 0, 0, 0, cst)
				if got := log.Messages[0].Time; got.Before(want) || !got.Before(want.Add(24*time.Hour)) {
					t.Errorf("time %v not on 2018-05-04 CST", got)
				}
			}
		})
	}
}

// cocolianDay returns the messages of a cocolian day after its front
// matter: one per body, all from sender, a second apart from 10:00:00.
func cocolianDay(sender string, bodies ...string) string {
	var b strings.Builder
	for i, body := range bodies {
		fmt.Fprintf(&b, "> 10:00:%02d  %s  \n   \n%s  \n   \n", i, sender, body)
	}
	return b.String()
}

// cocolianWant returns the messages TestParseCocolianMessages wants of
// cocolianDay(sender, texts...) after fm: of type typ, their texts as written.
func cocolianWant(sender string, typ MessageType, texts ...string) []Message {
	var out []Message
	for i, text := range texts {
		out = append(out, Message{Index: i, Line: 9 + 4*i, Sender: sender, Type: typ, Text: text})
	}
	return out
}

func TestParseCocolianLogFields(t *testing.T) {
	tests := []struct {
		name, in, path string
		want           Log // Messages not compared
	}{
		{
			name: "2018 front matter",
			in:   fm,
			path: "proddev/2018-05-04-chat.markdown",
			want: Log{Path: "proddev/2018-05-04-chat.markdown", Format: "cocolian", Date: "2018-05-04", Title: "2018-05-04-WeChat", Group: "proddev"},
		},
		{
			name: "2017 quoted author and header-img",
			in:   "---\nlayout:     source \ntitle:      \"2017-05-15-WeChat\"\ndate:       2017-05-15 12:00:00\nauthor:     \"PaymentGroup\"\ntag:\t\t  [chat]\nheader-img: \"img/post-bg-wechat.jpg\"\n---\n",
			path: "/abs/devarch/2017-05-15-chat.markdown",
			want: Log{Path: "/abs/devarch/2017-05-15-chat.markdown", Format: "cocolian", Date: "2017-05-15", Title: "2017-05-15-WeChat", Group: "devarch"},
		},
		{
			name: "guest speaker, stdin",
			in:   "\ufeff---\ntitle: 2018-07-11-WeChat\ndate: 2018-07-11\nauthor:     路过的清算君\n---\n",
			path: "-",
			want: Log{Path: "-", Format: "cocolian", Date: "2018-07-11", Title: "2018-07-11-WeChat", Speaker: "路过的清算君"},
		},
		{
			name: "author None, a file at the root",
			in:   "---\ndate:       2018-12-19 12:00:00\nauthor:     None\n---\n",
			path: "/2018-12-19-chat.markdown",
			want: Log{Path: "/2018-12-19-chat.markdown", Format: "cocolian", Date: "2018-12-19"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := parseString(t, tt.in, tt.path)
			got := *log
			got.Messages = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
			if log.Messages == nil || len(log.Messages) != 0 {
				t.Errorf("Messages = %#v, want empty non-nil", log.Messages)
			}
		})
	}
}

// TestParseCocolianLeadingBlankLines checks that blank lines before the
// front matter, which detection skips, do not hide the front matter.
func TestParseCocolianLeadingBlankLines(t *testing.T) {
	body := "> 10:00:00  甲  \n   \n在吗  \n"
	tests := []struct {
		name, in string
		line     int // line of the message header
	}{
		{"no blank line", fm + body, 9},
		{"one blank line", "\n" + fm + body, 10},
		{"blank and spaces-only lines", "\n   \n\t\n" + fm + body, 12},
		{"crlf blank lines", "\r\n\r\n" + fm + body, 11},
		{"BOM then a blank line", "\ufeff\n" + fm + body, 10},
	}
	want := time.Date(2018, 5, 4, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Parse detects the format first; ParseCocolian is called directly.
			detected, err := Parse(strings.NewReader(tt.in), "x.markdown", "")
			if err != nil {
				t.Fatal(err)
			}
			for _, log := range []*Log{detected, parseString(t, tt.in, "x.markdown")} {
				if log.Format != FormatCocolian || log.Date != "2018-05-04" || log.Title != "2018-05-04-WeChat" {
					t.Fatalf("format %q, date %q, title %q: front matter not read", log.Format, log.Date, log.Title)
				}
				if len(log.Messages) != 1 {
					t.Fatalf("%d messages, want 1", len(log.Messages))
				}
				m := log.Messages[0]
				if !m.Time.Equal(want) || m.Line != tt.line || m.Text != "在吗" {
					t.Errorf("message at %v line %d text %q, want %v line %d text %q", m.Time, m.Line, m.Text, want, tt.line, "在吗")
				}
			}
		})
	}
}

func TestParseCocolianNoFrontMatter(t *testing.T) {
	log := parseString(t, "> 23:59:59  甲  \n   \n在  \n", "x/y.markdown")
	if log.Date != "" || len(log.Messages) != 1 {
		t.Fatalf("got date %q, %d messages", log.Date, len(log.Messages))
	}
	want := time.Date(1, 1, 1, 23, 59, 59, 0, time.FixedZone("CST", 8*3600))
	if got := log.Messages[0].Time; !got.Equal(want) {
		t.Errorf("time = %v, want %v", got, want)
	}
}

func TestParseCocolianLongLine(t *testing.T) {
	long := strings.Repeat("清算", 600_000) // 3.6 MB on one line
	log := parseString(t, fm+"> 10:00:00  甲  \n   \n"+long+"  \n   \n> 10:00:01  乙  \n", "proddev/x.markdown")
	if len(log.Messages) != 2 || log.Messages[0].Text != long || log.Messages[1].Line != 13 {
		t.Fatalf("long line not read whole: %d messages", len(log.Messages))
	}
}

func TestParseCocolianErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"empty input", "", 1, "x.markdown:1: not a cocolian day archive: expected front matter '---' or a '> HH:MM:SS  name' header"},
		{"plain text", "hello\nworld\n", 1, "x.markdown:1: not a cocolian day archive"},
		{"bad hour", fm + "> 25:61:00  x  \n", 9, "x.markdown:9: bad message time 25:61:00"},
		{"bad second", fm + "> 10:00:00  x  \n   \nok  \n> 10:00:60  y  \n", 12, "x.markdown:12: bad message time 10:00:60"},
		{"unterminated front matter", "---\ntitle: x\n> 10:00:00  x  \n", 1, "x.markdown:1: unterminated front matter"},
		{"front matter closed only by a body's rule", "---\ntitle: x\n> 10:00:00  x  \n\n   \nhi\n---\n> 10:01:00  y  \n", 1, "x.markdown:1: unterminated front matter: the message header at line 3"},
		{"unterminated front matter after a blank line", "\n---\ntitle: x\n", 2, "x.markdown:2: unterminated front matter"},
		{"bad date", "---\ndate: 2018-13-40 12:00:00\n---\n", 2, `x.markdown:2: bad front matter date "2018-13-40 12:00:00"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCocolian(strings.NewReader(tt.in), "x.markdown")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if pe.Line != tt.line || !strings.HasPrefix(err.Error(), tt.msg) {
				t.Errorf("err = %q (line %d), want prefix %q (line %d)", err, pe.Line, tt.msg, tt.line)
			}
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestParseCocolianReadError(t *testing.T) {
	_, err := ParseCocolian(failingReader{}, "x.markdown")
	var pe *ParseError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("err = %v, want a *ParseError wrapping the read error", err)
	}
}

func TestGroupOf(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"-":                                  "",
		"":                                   "",
		"/x.markdown":                        "",
		"x.markdown":                         filepath.Base(wd), // typed from inside the group's folder
		"./x.markdown":                       filepath.Base(wd),
		"../chatlog/x.markdown":              "chatlog",
		"proddev/2018-05-04-chat.markdown":   "proddev",
		"/data/cocolian/prodarch/a.markdown": "prodarch",
	}
	// A folder reached through a symbolic link goes by its own name.
	tmp := t.TempDir()
	if err := os.Mkdir(filepath.Join(tmp, "proddev"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(tmp, "proddev"), filepath.Join(tmp, "pd")); err == nil {
		tests[filepath.Join(tmp, "pd", "a.markdown")] = "proddev"
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := groupOf(in); got != want {
				t.Errorf("groupOf(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

// TestCocolianCorpus checks on every shared corpus file that no message is
// dropped and that Index and Line point back to the headers.
func TestCocolianCorpus(t *testing.T) {
	dir := sharedtest.Dir(t, "corpus", "cocolian")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.markdown"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files under %s: %v", dir, err)
	}
	total := 0
	for _, file := range files {
		rel, _ := filepath.Rel(dir, file)
		t.Run(rel, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			log, err := ParseCocolian(bytes.NewReader(data), file)
			if err != nil {
				t.Fatal(err)
			}
			lines := readLines(data)
			strict := 0 // the corpus README's definition of a header
			for _, l := range lines {
				if strictHeaderRE.MatchString(l) {
					strict++
				}
			}
			if got := len(log.Messages); got != strict || got != countHeaders(data) {
				t.Errorf("got %d messages, want %d headers", got, strict)
			}
			for i, m := range log.Messages {
				if m.Index != i {
					t.Errorf("message %d has Index %d", i, m.Index)
				}
				if m.Line < 1 || m.Line > len(lines) || !countHeaderRE.MatchString(lines[m.Line-1]) ||
					!strings.HasPrefix(lines[m.Line-1], "> "+m.Time.Format("15:04:05")) {
					t.Errorf("message %d: line %d is not its header", i, m.Line)
				}
				if i > 0 && m.Line <= log.Messages[i-1].Line {
					t.Errorf("message %d: line %d not after %d", i, m.Line, log.Messages[i-1].Line)
				}
				if m.Time.Format("2006-01-02") != log.Date {
					t.Errorf("message %d: time %v not on %s", i, m.Time, log.Date)
				}
			}
			if log.Date == "" || log.Group != filepath.Base(filepath.Dir(file)) {
				t.Errorf("date %q group %q", log.Date, log.Group)
			}
			total += len(log.Messages)
		})
	}
	t.Logf("%d files, %d messages", len(files), total)
}

var strictHeaderRE = regexp.MustCompile(`^> \d\d:\d\d:\d\d `)

func readLines(data []byte) []string {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

// TestCocolianReferenceDay checks the mention in the reference day's question
// at 09:44:52 ("@哈木-快钱-产品-上海 ，谢谢。分账权限…").
func TestCocolianReferenceDay(t *testing.T) {
	file := filepath.Join(sharedtest.Dir(t, "corpus", "cocolian"), "proddev", "2018-05-04-chat.markdown")
	f, err := os.Open(file)
	if err != nil {
		t.Skipf("reference day not in the shared corpus: %v", err)
	}
	defer f.Close()
	log, err := ParseCocolian(f, file)
	if err != nil {
		t.Fatal(err)
	}
	if log.Group != "proddev" || log.Date != "2018-05-04" {
		t.Errorf("group %q date %q", log.Group, log.Date)
	}
	for _, m := range log.Messages {
		if m.Time.Format("15:04:05") == "09:44:52" {
			if !reflect.DeepEqual(m.Mentions, []string{"哈木-快钱-产品-上海"}) {
				t.Errorf("mentions at 09:44:52 = %q, want [哈木-快钱-产品-上海]", m.Mentions)
			}
			return
		}
	}
	t.Error("no message at 09:44:52")
}

func FuzzParseCocolian(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*.markdown"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(fm + "> 10:00:00  甲  \n   \n「乙：「丙：x」 - - y」 - - @丁?z  \n"))
	f.Add([]byte("> 00:00:00 \n[[a]](<tr x:str>)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		log, err := ParseCocolian(bytes.NewReader(data), "fuzz/x.markdown")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		if got, want := len(log.Messages), countHeaders(data); got != want {
			t.Fatalf("got %d messages, want %d headers", got, want)
		}
		for i, m := range log.Messages {
			if m.Index != i || m.Line < 1 {
				t.Fatalf("message %d: Index %d Line %d", i, m.Index, m.Line)
			}
		}
	})
}

// TestSampleDay checks that the README demo day parses with every feature it
// is meant to show.
func TestSampleDay(t *testing.T) {
	const file = "../../testdata/sample-day.markdown"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	log := parseString(t, string(data), "testdata/sample-day.markdown")
	if got, want := len(log.Messages), countHeaders(data); got != want || got < 50 || got > 70 {
		t.Fatalf("got %d messages for %d headers, want 50-70", got, want)
	}
	if log.Speaker == "" || log.Date != "2018-07-04" {
		t.Errorf("speaker %q date %q", log.Speaker, log.Date)
	}
	count := map[MessageType]int{}
	quotes, mentions, senders := 0, map[string]bool{}, map[string]bool{}
	for _, m := range log.Messages {
		count[m.Type]++
		if m.Quote != nil {
			quotes++
		}
		for _, n := range m.Mentions {
			mentions[n] = true
		}
		senders[m.Sender] = true
	}
	if count[TypeImage] == 0 || count[TypeLink] == 0 || count[TypeRedPacket] == 0 || quotes == 0 {
		t.Errorf("types %v, %d quotes: want images, a link, a red packet and a quote", count, quotes)
	}
	if !senders[log.Speaker] || !mentions[log.Speaker] {
		t.Errorf("speaker %q should speak and be mentioned", log.Speaker)
	}
	alias := false // a mention by a display name that is not any sender's nickname
	for n := range mentions {
		if !senders[n] {
			alias = true
		}
	}
	if !alias {
		t.Error("want a mention by a group display name that differs from the nickname")
	}
}

func TestParseCocolianPastMidnight(t *testing.T) {
	body := "> 23:50:00  甲  \n   \n还有人在吗？  \n   \n" +
		"> 22:00:00  乙  \n   \n在  \n   \n" + // hours back, no midnight: the same day
		"> 00:05:00  甲  \n   \n晚安  \n   \n" + // past midnight: the next day
		"> 01:10:00  乙  \n   \n睡了  \n   \n" +
		"> 00:59:00  甲  \n   \n好  \n   \n" + // a step back after midnight stays on the next day
		"> 23:59:30  乙  \n   \n补一句  \n   \n" + // before midnight, listed late
		"> 01:11:00  甲  \n   \n嗯  \n"
	log := parseString(t, fm+body, "proddev/x.markdown")
	zone := time.FixedZone("CST", 8*3600)
	want := []time.Time{
		time.Date(2018, 5, 4, 23, 50, 0, 0, zone),
		time.Date(2018, 5, 4, 22, 0, 0, 0, zone),
		time.Date(2018, 5, 5, 0, 5, 0, 0, zone),
		time.Date(2018, 5, 5, 1, 10, 0, 0, zone),
		time.Date(2018, 5, 5, 0, 59, 0, 0, zone),
		time.Date(2018, 5, 4, 23, 59, 30, 0, zone),
		time.Date(2018, 5, 5, 1, 11, 0, 0, zone),
	}
	if len(log.Messages) != len(want) {
		t.Fatalf("got %d messages, want %d", len(log.Messages), len(want))
	}
	for i, m := range log.Messages {
		if !m.Time.Equal(want[i]) {
			t.Errorf("message %d: time = %v, want %v", i, m.Time, want[i])
		}
	}
	if log.Date != "2018-05-04" {
		t.Errorf("Date = %q, want the front-matter date", log.Date)
	}
}
