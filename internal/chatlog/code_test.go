package chatlog

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// codeViews describes the code of a text as the table tests compare it:
// "inline" or "block", the language after a colon, the stretch and the
// code itself.
func codeViews(text string, code []Code) []string {
	var out []string
	for _, c := range code {
		kind := "inline"
		if c.Block {
			kind = "block"
		}
		if c.Lang != "" {
			kind += ":" + c.Lang
		}
		out = append(out, fmt.Sprintf("%s %q %q", kind, text[c.Start:c.End], text[c.From:c.To]))
	}
	return out
}

// checkCode fails when a message's code is no stretch of its text, in
// order.
func checkCode(t testing.TB, m *Message) {
	t.Helper()
	at := 0
	for _, c := range m.Code {
		if c.Start < at || c.Start > c.From || c.From > c.To || c.To > c.End || c.End > len(m.Text) {
			t.Fatalf("message %d: code %+v is no stretch of its text %q after byte %d", m.Index, c, m.Text, at)
		}
		at = c.End
	}
}

func TestBacktickCode(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"none", "no code here", nil},
		{"inline", "用 `context.WithTimeout` 就行", []string{"inline \"`context.WithTimeout`\" \"context.WithTimeout\""}},
		{"a fence with its language", "用 `ctx` 就行\n```go\nctx, cancel := f()\ndefer cancel()\n```", []string{
			"inline \"`ctx`\" \"ctx\"",
			"block:go \"```go\\nctx, cancel := f()\\ndefer cancel()\\n```\" \"ctx, cancel := f()\\ndefer cancel()\"",
		}},
		{"a fence without a language", "```\nSELECT 1;\n```", []string{"block \"```\\nSELECT 1;\\n```\" \"SELECT 1;\""}},
		{"a fence on one line", "```go```", []string{"block \"```go```\" \"go\""}},
		{"a fence after text on its line", "run ```make test``` first", []string{"block \"```make test```\" \"make test\""}},
		{"a word then a space is no language", "```go run .\n```", []string{"block \"```go run .\\n```\" \"go run .\""}},
		{"a fence never closed", "```go\nfmt.Println()", nil},
		{"an empty fence", "``````", nil},
		{"double backticks around one", "``a ` b``", []string{"inline \"``a ` b``\" \"a ` b\""}},
		{"runs of other lengths do not close", "`a`` b` c", []string{"inline \"`a`` b`\" \"a`` b\""}},
		{"an escaped backtick", "\\`not code\\` and `code`", []string{"inline \"`code`\" \"code\""}},
		{"an escaped backtick after Chinese text", "代码\\`x` `y`", []string{"inline \"` `\" \" \""}},
		{"a lone backtick", "it`s", nil},
		{"inline code across lines", "`a\nb`", []string{"inline \"`a\\nb`\" \"a\\nb\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := backtickCode(tt.text)
			checkCode(t, &Message{Text: tt.text, Code: code})
			if got := codeViews(tt.text, code); !slices.Equal(got, tt.want) {
				t.Errorf("backtickCode(%q) =\n%s\nwant\n%s", tt.text, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestReadersKeepCode checks that the Telegram and Discord readers give
// the code their members marked (Telegram's code and pre entities,
// Discord's backticks) as Message.Code, and keep Text as it was.
func TestReadersKeepCode(t *testing.T) {
	const ann = `{"id": "5", "name": "ann.dev", "nickname": "Ann"}`
	tests := []struct {
		name, format, in string
		text             string
		want             []string
	}{
		{
			name:   "Telegram code and pre entities",
			format: FormatTelegram,
			in: tgMsg(`{"id": 1, "type": "message", "date": "2024-03-04T10:10:00", "from": "Zhao", "text": [],
				"text_entities": [{"type": "plain", "text": "注意：\n"}, {"type": "code", "text": "io.ReadAll"},
					{"type": "plain", "text": " 之后：\n"}, {"type": "pre", "text": "payload, _ := io.ReadAll(r.Body)\nevent, err := f(payload)", "language": "go"}]}`),
			text: "注意：\nio.ReadAll 之后：\npayload, _ := io.ReadAll(r.Body)\nevent, err := f(payload)",
			want: []string{
				`inline "io.ReadAll" "io.ReadAll"`,
				`block:go "payload, _ := io.ReadAll(r.Body)\nevent, err := f(payload)" "payload, _ := io.ReadAll(r.Body)\nevent, err := f(payload)"`,
			},
		},
		{
			name:   "Telegram text parts, trimmed",
			format: FormatTelegram,
			in: tgMsg(`{"id": 1, "type": "message", "date": "2024-03-04T10:10:00", "from": "Zhao",
				"text": ["  ", {"type": "pre", "text": "\nSELECT 1;\n"}, "\n"]}`),
			text: "SELECT 1;",
			want: []string{`block "SELECT 1;" "SELECT 1;"`},
		},
		{
			name:   "Telegram poll with code in its text",
			format: FormatTelegram,
			in: tgMsg(`{"id": 1, "type": "message", "date": "2024-03-04T10:10:00", "from": "Zhao", "poll": {"question": "Q", "answers": []},
				"text": [{"type": "code", "text": "x"}]}`),
			text: "POLL:\nQ\nx",
			want: []string{`inline "x" "x"`},
		},
		{
			name:   "Telegram mentions and bold are no code",
			format: FormatTelegram,
			in: tgMsg(`{"id": 1, "type": "message", "date": "2024-03-04T10:10:00", "from": "Zhao",
				"text": [{"type": "mention", "text": "@bo"}, " ", {"type": "bold", "text": "看"}]}`),
			text: "@bo 看",
		},
		{
			name:   "Discord backticks and a fence",
			format: FormatDiscord,
			in:     dcMsg(`{"id": "1", "type": "Default", "timestamp": "2024-03-04T10:02:00+08:00", "content": "用 ` + "`ctx`" + ` 就行\n` + "```go\\nctx, cancel := f()\\n```" + `", "author": ` + ann + `}`),
			text:   "用 `ctx` 就行\n```go\nctx, cancel := f()\n```",
			want: []string{
				"inline \"`ctx`\" \"ctx\"",
				"block:go \"```go\\nctx, cancel := f()\\n```\" \"ctx, cancel := f()\"",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, err := Parse(strings.NewReader(tt.in), "x.json", tt.format)
			if err != nil {
				t.Fatal(err)
			}
			m := &log.Messages[0]
			if m.Text != tt.text {
				t.Errorf("text %q, want %q", m.Text, tt.text)
			}
			checkCode(t, m)
			if got := codeViews(m.Text, m.Code); !slices.Equal(got, tt.want) {
				t.Errorf("code\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestCodeParts checks how a text splits into text and code: the pieces
// in order, a block's line breaks trimmed, spans side by side joined,
// stretches that are no code of the text kept as text.
func TestCodeParts(t *testing.T) {
	tests := []struct {
		name string
		text string
		code []Code
		want []CodePart
	}{
		{"no code", "a b", nil, []CodePart{{Text: "a b"}}},
		{"a span between words", "用 `ctx` 就行", []Code{{Start: 4, End: 9, From: 5, To: 8}},
			[]CodePart{{Text: "用 "}, {Text: "ctx", Code: true}, {Text: " 就行"}}},
		{"a block with its language, its line breaks trimmed", "看\n```go\nx\r\ny\n```", []Code{{Start: 4, End: 18, From: 10, To: 15, Block: true, Lang: "go"}},
			[]CodePart{{Text: "看\n"}, {Text: "x\ny", Code: true, Block: true, Lang: "go"}}},
		{"a language that is no plain word", "x", []Code{{Start: 0, End: 1, From: 0, To: 1, Block: true, Lang: "go<b>"}},
			[]CodePart{{Text: "x", Code: true, Block: true}}},
		{"code of several lines inside a line is a block", "a\nb", []Code{{Start: 0, End: 3, From: 0, To: 3}},
			[]CodePart{{Text: "a\nb", Code: true, Block: true}}},
		{"spans side by side join", "ctx.Done()", []Code{{Start: 0, End: 3, From: 0, To: 3}, {Start: 3, End: 10, From: 3, To: 10}},
			[]CodePart{{Text: "ctx.Done()", Code: true}}},
		{"spans with a space between do not", "a b", []Code{{Start: 0, End: 1, From: 0, To: 1}, {Start: 2, End: 3, From: 2, To: 3}},
			[]CodePart{{Text: "a", Code: true}, {Text: " "}, {Text: "b", Code: true}}},
		{"white space only is text", "a   b", []Code{{Start: 1, End: 4, From: 1, To: 4}}, []CodePart{{Text: "a   b"}}},
		{"a stretch past the text is text", "a `b`", []Code{{Start: 2, End: 9, From: 3, To: 4}}, []CodePart{{Text: "a `b`"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CodeParts(tt.text, tt.code); !slices.Equal(got, tt.want) {
				t.Errorf("CodeParts(%q) =\n%+v\nwant\n%+v", tt.text, got, tt.want)
			}
		})
	}
}
