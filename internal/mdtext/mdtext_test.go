package mdtext

import (
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Chinese text and emoji as they are", "请教一下，微信有分账接口吗？👍[强]", `请教一下，微信有分账接口吗？👍\[强\]`},
		{"bold and code", "**微信** `分账`", "\\*\\*微信\\*\\* \\`分账\\`"},
		{"emphasis by underscores", "_斜体_ profit_sharing=Y", `\_斜体\_ profit\_sharing=Y`},
		{"a link", "[x](y)", `\[x\](y)`},
		{"an image", "![x](y)", `!\[x\](y)`},
		{"a table cell", "a|b", `a\|b`},
		{"strikethrough and a range", "~~删~~ 9:00~18:00", `\~\~删\~\~ 9:00\~18:00`},
		{"a heading mark", "# 标题 #", `\# 标题 \#`},
		{"a backslash before punctuation", `\*`, `\\\*`},
		{"HTML and autolink brackets", "<b>粗</b> <x@y.z>", "&lt;b&gt;粗&lt;/b&gt; &lt;x@y.z&gt;"},
		{"an entity", "&lt; &#169; &amp;", `&amp;lt; &amp;\#169; &amp;amp;`},
		{"an ampersand that starts no entity", "P&G a & b", "P&G a & b"},
		{"line breaks and runs of spaces", "一\n二  \t三\n", "一 二 三"},
		{"a list item at the start", "- 不是列表", `\- 不是列表`},
		{"a plus at the start", "+ 1", `\+ 1`},
		{"a number with a plus", "+1", "+1"},
		{"a negative number", "-5", "-5"},
		{"a dash alone", "-", `\-`},
		{"a thematic break", "---", `\---`},
		{"an ordered item at the start", "1. 第一", `1\. 第一`},
		{"a number and a full stop alone", "12.", `12\.`},
		{"an ordered item with a parenthesis", "2) 第二", `2\) 第二`},
		{"a year, not an item", "2018.5 的数据", "2018.5 的数据"},
		{"a dash inside the text", "A-B 1. 2", "A-B 1. 2"},
		{"an address", "见 https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=26_1&index=1 谢谢",
			"见 <https://pay.weixin.qq.com/wiki/doc/api/allocation.php?chapter=26_1&index=1> 谢谢"},
		{"an address before Chinese text", "看这个http://t.cn/abc_d，不错", "看这个<http://t.cn/abc_d>，不错"},
		{"an address before a full stop", "See http://example.com/a.", "See <http://example.com/a>."},
		{"an address in parentheses", "(http://example.com/a_(b))", `(<http://example.com/a_(b)>)`},
		{"an address in brackets", "[http://example.com]", `\[<http://example.com>\]`},
		{"a capital scheme", "HTTPS://EXAMPLE.COM", "<HTTPS://EXAMPLE.COM>"},
		{"a scheme inside a word", "xhttp://a.b", `xhttp://a.b`},
		{"a bare scheme", "http:// 后面没有", "http:// 后面没有"},
		{"an address cut short", "https://example.com/a_b…", `https\://example.com/a\_b…`},
		{"an address with an entity", "http://a.b/?x=&lt;y", `http\://a.b/?x=&amp;lt;y`},
		{"an address without a scheme", "官网 www.pay_demo.com/a_b 可以看", `官网 [www\.pay\_demo.com/a\_b](http://www.pay_demo.com/a_b) 可以看`},
		{"an address without a scheme before Chinese text", "见www.example.com。", `见[www\.example.com](http://www.example.com)。`},
		{"www. inside a word", "awww.example.com", "awww.example.com"},
		{"www. after other punctuation", "foo@www.a.com sub.www.a.com ftp://www.a.com/f [www.a.com](y)", `foo@www.a.com sub.www.a.com ftp://www.a.com/f \[www.a.com\](y)`},
		{"www. with a host of other characters", "www.a.com&b www.ex*am*ple.com", `www.a.com&b www.ex\*am\*ple.com`},
		{"www. without a domain", "www. 和 www.x 和 www.", "www. 和 www.x 和 www."},
		{"an address without a scheme cut short", "www.example.com/a…", `www\.example.com/a…`},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLink(t *testing.T) {
	tests := []struct {
		name, text, dest, want string
	}{
		{"plain", "分账接口V1.3.pdf", "http://mp.weixin.qq.com/s?a=1&b=2", "[分账接口V1.3.pdf](http://mp.weixin.qq.com/s?a=1&b=2)"},
		{"Markdown in the text", "**新规** [全文]", "http://a.b/c", `[\*\*新规\*\* \[全文\]](http://a.b/c)`},
		{"an address in the text", "https://a.b/c", "https://a.b/c", `[https\://a.b/c](https://a.b/c)`},
		{"no text", "", "http://a.b/c", `[http\://a.b/c](http://a.b/c)`},
		{"parentheses and a space in the destination", "x", "http://a.b/c (1).png", `[x](http://a.b/c%20\(1\).png)`},
		{"brackets, a backslash and an entity in the destination", "x", `http://a.b/<c>\&amp;`, `[x](http://a.b/\<c\>\\\&amp;)`},
		{"an image", "image", "http://static.cocolian.cn/img/201807/20180704_194155.png", "[image](http://static.cocolian.cn/img/201807/20180704_194155.png)"},
		{"a relative path", "day.markdown:53", "../proddev/day.markdown#L53", "[day.markdown:53](../proddev/day.markdown#L53)"},
		{"a colon inside a path", "x", "img/a:b.png", "[x](img/a:b.png)"},
		{"mailto", "x", "mailto:a@b.c", "[x](mailto:a@b.c)"},
		{"javascript is no link", "image", "javascript:alert(1)", `image (javascript:alert(1))`},
		{"JavaScript in any case", "x", "JavaScript:alert(1)", `x (JavaScript:alert(1))`},
		{"data is no link", "x", "data:text/html,<b>", `x (data:text/html,&lt;b&gt;)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Link(tt.text, tt.dest); got != tt.want {
				t.Errorf("Link(%q, %q) = %q, want %q", tt.text, tt.dest, got, tt.want)
			}
		})
	}
}

// TestCode checks that a code span shows its text exactly, whatever
// backticks and spaces it holds (CommonMark's rules for code spans).
func TestCode(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"day.markdown", "`day.markdown`"},
		{"a`b.md", "``a`b.md``"},
		{"a``b`c", "```a``b`c```"},
		{"`day.md", "`` `day.md ``"},
		{"day.md`", "`` day.md` ``"},
		{"`", "`` ` ``"},
		{" day.md ", "`  day.md  `"},
		{" day.md", "` day.md`"},
		{"   ", "`   `"},
		{"a\n# b\r\nc", "`a # b c`"},
	} {
		if got := Code(tt.in); got != tt.want {
			t.Errorf("Code(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestBody(t *testing.T) {
	// code marks the stretches of text between « and » as code: its own
	// markup is the marks, and the code what they hold.
	code := func(text string, block bool, lang string) (string, []chatlog.Code) {
		var out []chatlog.Code
		var b strings.Builder
		for {
			i := strings.Index(text, "«")
			if i < 0 {
				break
			}
			j := strings.Index(text, "»")
			b.WriteString(text[:i])
			start := b.Len()
			b.WriteString(text[i:j])
			b.WriteString("»")
			from := start + len("«")
			out = append(out, chatlog.Code{Start: start, End: b.Len(), From: from, To: b.Len() - len("»"), Block: block, Lang: lang})
			text = text[j+len("»"):]
		}
		b.WriteString(text)
		return b.String(), out
	}
	tests := []struct {
		name, text string
		block      bool
		lang       string
		indent     string
		want       string
	}{
		{"no code is Escape", "- *粗* `x`\n<b>", false, "", "  ", "\\- \\*粗\\* \\`x\\` &lt;b&gt;"},
		{"inline code between words", "用 «context.WithTimeout» 就行", false, "", "  ", "用 `context.WithTimeout` 就行"},
		{"inline code against the words", "用«ctx»就行", false, "", "  ", "用`ctx`就行"},
		{"inline code holding backticks", "«a`b» *c*", false, "", "  ", "``a`b`` \\*c\\*"},
		{"text after code is escaped but starts no block", "«x» - 1. #", false, "", "  ", "`x` - 1. \\#"},
		{"a block in a list item", "注意：\n«payload := f()\nevent := g(payload)»", true, "go", "  ",
			"注意：\n  ```go\n  payload := f()\n  event := g(payload)\n  ```"},
		{"a block alone", "«ctx, cancel := f()\ndefer cancel()»", true, "go", "  ",
			"\n  ```go\n  ctx, cancel := f()\n  defer cancel()\n  ```"},
		{"text after a block, on a line of its own", "«a := 1» - 然后 <b>", true, "", "    ",
			"\n    ```\n    a := 1\n    ```\n    \\- 然后 &lt;b&gt;"},
		{"a block in a quote, its empty line quoted", "看：«a\n\n  b»", true, "", "> ",
			"看：\n> ```\n> a\n>\n>   b\n> ```"},
		{"code of several lines inside a line is a block", "用 «a\nb» 就行", false, "", "  ",
			"用\n  ```\n  a\n  b\n  ```\n  就行"},
		{"a fence longer than the backticks inside", "«x := `a`\n```\ny»", true, "", "  ",
			"\n  ````\n  x := `a`\n  ```\n  y\n  ````"},
		{"markup and HTML in code as written", "«<script>alert(1)</script>\n# *x* [a](b)»", true, "", "  ",
			"\n  ```\n  <script>alert(1)</script>\n  # *x* [a](b)\n  ```"},
		{"a language that is no plain word", "«x\ny»", true, "go`<b>", "  ", "\n  ```\n  x\n  y\n  ```"},
		{"line breaks of every kind", "«a\r\nb\rc\n»", true, "", "  ", "\n  ```\n  a\n  b\n  c\n  ```"},
		{"empty code is text", "a « » b", false, "", "  ", "a « » b"},
		{"inline code right after inline code is one span", "Go 里 «ctx»«.Done()» 什么时候关闭", false, "", "  ", "Go 里 `ctx.Done()` 什么时候关闭"},
		{"inline code after a space is a span of its own", "«a» «b»", false, "", "  ", "`a` `b`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, spans := code(tt.text, tt.block, tt.lang)
			if got := Body(text, spans, tt.indent); got != tt.want {
				t.Errorf("Body(%q, %+v, %q) =\n%s\nwant\n%s", text, spans, tt.indent, got, tt.want)
			}
		})
	}
	t.Run("a stretch that is not one of the text", func(t *testing.T) {
		if got, want := Body("a `b`", []chatlog.Code{{Start: 2, End: 9, From: 3, To: 4}}, ""), Escape("a `b`"); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

func TestSpaced(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"drools", " drools"},
		{"", " "},
		{"\n  ```\n  x\n  ```", "\n  ```\n  x\n  ```"},
	} {
		if got := Spaced(tt.in); got != tt.want {
			t.Errorf("Spaced(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
