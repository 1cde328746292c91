package chatlog

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestDetectFixtures checks that every fixture is detected as the format its
// folder is named after.
func TestDetectFixtures(t *testing.T) {
	dirs, err := filepath.Glob("../../testdata/chatlog/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, dir := range dirs {
		format := filepath.Base(dir)
		if format == "slack" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if strings.HasSuffix(f, ".golden.json") {
				continue
			}
			t.Run(filepath.Base(f), func(t *testing.T) {
				log, err := ParseFile(f, "", nil)
				if err != nil {
					t.Fatal(err)
				}
				if log.Format != format {
					t.Errorf("detected %q, want %q", log.Format, format)
				}
			})
		}
	}
}

const sampleDay = "../../testdata/sample-day.markdown"

// TestHostileEncodings feeds the sample day in every encoding and line-end
// style a user may have and checks that the same messages come out.
func TestHostileEncodings(t *testing.T) {
	plain, err := os.ReadFile(sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(bytes.NewReader(plain), "day", "")
	if err != nil {
		t.Fatal(err)
	}
	utf16 := func(order unicode.Endianness, bom unicode.BOMPolicy) []byte {
		out, err := unicode.UTF16(order, bom).NewEncoder().Bytes(plain)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(plain)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		data     []byte
		encoding string
	}{
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, plain...), EncodingUTF8},
		{"utf-16le with BOM", utf16(unicode.LittleEndian, unicode.UseBOM), EncodingUTF16LE},
		{"utf-16be with BOM", utf16(unicode.BigEndian, unicode.UseBOM), EncodingUTF16BE},
		{"utf-16le without BOM", utf16(unicode.LittleEndian, unicode.IgnoreBOM), EncodingUTF16LE},
		{"gb18030", gb, EncodingGB18030},
		{"crlf", bytes.ReplaceAll(plain, []byte("\n"), []byte("\r\n")), EncodingUTF8},
		{"lone cr", bytes.ReplaceAll(plain, []byte("\n"), []byte("\r")), EncodingUTF8},
		{"nul bytes", bytes.ReplaceAll(plain, []byte("  \n"), []byte("  \x00\n")), EncodingUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, enc := Decode(bytes.NewReader(tt.data))
			if enc != tt.encoding {
				t.Errorf("encoding %s, want %s", enc, tt.encoding)
			}
			got, err := Parse(bytes.NewReader(tt.data), "day", "")
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Messages) != len(want.Messages) {
				t.Fatalf("%d messages, want %d", len(got.Messages), len(want.Messages))
			}
			for i := range got.Messages {
				g, w := got.Messages[i], want.Messages[i]
				if g.Sender != w.Sender || g.Text != w.Text || g.Line != w.Line || !g.Time.Equal(w.Time) {
					t.Fatalf("message %d differs:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}

func TestInvalidUTF8(t *testing.T) {
	data := []byte("---\ntitle: x\ndate: 2018-05-04 12:00:00\n---\n> 09:00:00  a  \n   \nok \xff\xfe bad  \n   \n")
	log, err := Parse(bytes.NewReader(data), "bad.markdown", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Messages) != 1 || !strings.Contains(log.Messages[0].Text, "\uFFFD") {
		t.Fatalf("invalid bytes should become U+FFFD: %+v", log.Messages)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, format, want string
	}{
		{"empty", "", "", "x:1: empty input"},
		{"blank", "  \n\n", "", "x:1: empty input"},
		{"unknown", "hello world\n", "", "x:1: cannot tell the input format"},
		{"unknown format name", "---\n", "nope", `x: unknown input format "nope"`},
		{"slack as a file", "{}", "slack", "x: slack exports are folders"},
		{"DiscordChatExporter HTML, detected", dceHTML, "", "x:1: is a DiscordChatExporter HTML export, which threads does not read: export the channel again as JSON"},
		{"DiscordChatExporter HTML, named discord", dceHTML, "discord", "x:1: is a DiscordChatExporter HTML export"},
		{"DiscordChatExporter HTML of the review, with a BOM", "\ufeff<!DOCTYPE html><html><head><title>G - help</title></head><body><div class=\"chatlog\"></div></body></html>", "discord", "x:1: is a DiscordChatExporter HTML export"},
		{"Telegram Desktop HTML", "<!DOCTYPE html>\n<html>\n\n <head>\n\n  <meta charset=\"utf-8\"/>\n<title>Exported Data</title>\n </head>\n <body>\n  <div class=\"page_wrap\">\n", "telegram", "x:1: is a Telegram Desktop HTML export, which threads does not read: export the chat again with Format: Machine-readable JSON"},
		{"another HTML page", "<html lang=\"en\">\n<head><title>notes</title></head>\n", "", "x:1: is an HTML page, not a chat export threads reads"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.data), "x", tt.format)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %q, want prefix %q", err, tt.want)
			}
		})
	}
}

// dceHTML is the start of a DiscordChatExporter HTML export, as its
// PreambleTemplate.cshtml writes it.
const dceHTML = "<!DOCTYPE html>\n<html lang=\"en\">\n\n<head>\n    <title>G - help</title>\n    <meta charset=\"utf-8\">\n" +
	"    <style>\n        .chatlog {\n            padding: 1rem 0;\n        }\n\n        .chatlog__message-group {\n            margin-bottom: 1rem;\n        }\n    </style>\n</head>\n<body>\n<div class=\"preamble\">\n"

func TestFormatsListed(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Formats() {
		if seen[f.Name] || f.Description == "" {
			t.Errorf("format %q listed twice or without description", f.Name)
		}
		seen[f.Name] = true
	}
	for _, name := range []string{"cocolian", "chatlog-json", "chatlog-csv", "chatlog-text", "weflow", "chatlab", "memotrace-csv", "memotrace-txt", "telegram", "slack", "discord", "whatsapp", "irc"} {
		if !seen[name] {
			t.Errorf("format %s is not listed", name)
		}
	}
}

// TestDetectCocolian checks that a cocolian day is told by its headers, with
// or without front matter, and that other Markdown with front matter (a
// blog post, an entry of a knowledge base that digest wrote) is not.
func TestDetectCocolian(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"front matter and a header", "---\ntitle: x\ndate: 2018-05-04 12:00:00\n---\n> 09:00:05  张三  \n   \n你好  \n", true},
		{"blank lines first", "\n\n---\ntitle: x\n---\n\n> 09:00:05  张三  \n", true},
		{"a header first", "> 09:00:05  张三  \n你好\n", true},
		{"front matter alone (a day without messages)", "---\ntitle: x\n---\n", true},
		{"front matter cut by the window", "---\ntitle: x\nauthor: y\n", true},
		{"a knowledge-base entry", "---\nid: 2017-12-20-28ea3cf9\ntitle: 还有代扣通道吗?\n---\n\n# 还有代扣通道吗?\n\n> 10:30:00 批量代付\n", false},
		{"a blog post", "---\nlayout: post\ntitle: x\n---\nSome text.\n", false},
		{"plain Markdown", "# Notes\n\n> 10:30:00 a quote\n", false},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.in)) == FormatCocolian; got != tt.want {
			t.Errorf("%s: cocolian %v, want %v (detected %q)", tt.name, got, tt.want, Detect([]byte(tt.in)))
		}
	}
}
