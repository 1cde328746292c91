package chatlog

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestJSONRecordLines checks that every message of a JSON reader has, as
// Line, the source line of its record's opening '{' (a JSONL record's own
// line), whatever the layout: the fixture as exported, re-indented with
// tabs, minified onto one line, with CR LF line ends, and in UTF-16. The
// expected line is found independently of the readers: the message's ID is
// looked up in the text as the value of its format's id member, the first
// match after the previous message's, and the '{' of the object around that
// member is found by matching braces back from it, outside strings. Every
// layout must also give the same messages but for Line.
func TestJSONRecordLines(t *testing.T) {
	tests := []struct {
		fixture string   // under testdata/chatlog
		format  string   // the --input-format name
		idKeys  []string // members whose value is Message.ID
	}{
		{"telegram/group.json", FormatTelegram, []string{"id"}},
		{"telegram/forum.json", FormatTelegram, []string{"id"}},
		{"discord/channel.json", FormatDiscord, []string{"id"}},
		{"weflow/group.json", FormatWeFlow, []string{"platformMessageId", "localId"}},
		{"chatlab/group.json", FormatChatLab, []string{"platformMessageId"}},
		{"chatlab/group-stream.jsonl", FormatChatLab, []string{"platformMessageId"}},
		{"chatlog-json/group.json", FormatChatlogJSON, []string{"seq"}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			data := wxReadFile(t, filepath.Join(wxFixtureRoot, tt.fixture))
			var base []Message // the messages of the fixture as it is, Line zeroed
			for _, l := range jsonLayouts(t, data, strings.HasSuffix(tt.fixture, ".jsonl")) {
				t.Run(l.name, func(t *testing.T) {
					log, err := Parse(bytes.NewReader(l.input), tt.fixture, tt.format)
					if err != nil {
						t.Fatalf("parse: %v", err)
					}
					if len(log.Messages) == 0 {
						t.Fatal("no messages")
					}
					from := 0
					for i, m := range log.Messages {
						line, next, err := recordLine(l.text, tt.idKeys, m.ID, from)
						if err != nil {
							t.Fatalf("message %d (ID %q): %v", i, m.ID, err)
						}
						from = next
						if m.Line != line {
							t.Errorf("message %d (ID %q): Line %d, want %d", i, m.ID, m.Line, line)
						}
						if l.oneLine && m.Line != 1 {
							t.Errorf("message %d (ID %q): Line %d in minified JSON, want 1", i, m.ID, m.Line)
						}
					}
					msgs := make([]Message, len(log.Messages))
					for i, m := range log.Messages {
						m.Line = 0
						msgs[i] = m
					}
					if base == nil {
						base = msgs
						return
					}
					got, _ := json.Marshal(msgs)
					want, _ := json.Marshal(base)
					if !bytes.Equal(got, want) {
						t.Errorf("messages differ from those of the fixture as exported beyond Line:\ngot  %s\nwant %s", got, want)
					}
				})
			}
		})
	}
}

// A jsonLayout is one way of writing a fixture: the bytes a reader gets,
// and the same text as UTF-8 with LF line ends, in which lines are counted.
type jsonLayout struct {
	name    string
	input   []byte
	text    string
	oneLine bool // all on one line: every Line must be 1
}

// jsonLayouts returns the layouts a fixture is read in, the fixture as it
// is first. A JSONL fixture keeps its lines, so it is not re-indented or
// minified.
func jsonLayouts(t *testing.T, data []byte, jsonl bool) []jsonLayout {
	t.Helper()
	out := []jsonLayout{{name: "as exported", input: data, text: string(data)}}
	if !jsonl {
		var tabs, min bytes.Buffer
		if err := json.Indent(&tabs, data, "", "\t"); err != nil {
			t.Fatal(err)
		}
		if err := json.Compact(&min, data); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(min.Bytes(), []byte("\n")) {
			t.Fatal("minified fixture holds a line end")
		}
		out = append(out,
			jsonLayout{name: "tab-indented", input: tabs.Bytes(), text: tabs.String()},
			jsonLayout{name: "minified", input: min.Bytes(), text: min.String(), oneLine: true})
	}
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	u16 := []byte{0xFF, 0xFE}
	for _, r := range utf16.Encode([]rune(string(data))) {
		u16 = binary.LittleEndian.AppendUint16(u16, r)
	}
	return append(out,
		jsonLayout{name: "CR LF", input: crlf, text: string(data)},
		jsonLayout{name: "UTF-16LE", input: u16, text: string(data)})
}

// recordLine finds the record of the message with the given id in text at
// or after byte from: the first member named one of keys whose value (a
// string or a number) is id, and the '{' of the object holding it. It
// returns the 1-based line of that '{' and the offset past the member, from
// which to look for the next message.
func recordLine(text string, keys []string, id string, from int) (line, next int, err error) {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = regexp.QuoteMeta(k)
	}
	re := regexp.MustCompile(`"(?:` + strings.Join(names, "|") + `)"\s*:\s*("` + regexp.QuoteMeta(id) + `"|` + regexp.QuoteMeta(id) + `[,}\s])`)
	loc := re.FindStringIndex(text[from:])
	if loc == nil {
		return 0, 0, fmt.Errorf("no member %v with value %s after byte %d", keys, id, from)
	}
	at, next := from+loc[0], from+loc[1]
	inString := jsonStringBytes(text)
	depth := 0
	for i := at - 1; i >= 0; i-- {
		if inString[i] {
			continue
		}
		switch text[i] {
		case '}', ']':
			depth++
		case '[':
			depth--
		case '{':
			if depth == 0 {
				return 1 + strings.Count(text[:i], "\n"), next, nil
			}
			depth--
		}
	}
	return 0, 0, fmt.Errorf("no object around the member at byte %d", at)
}

// jsonStringBytes marks the bytes of text that are inside JSON strings,
// their quotes included.
func jsonStringBytes(text string) []bool {
	in := make([]bool, len(text))
	inString, escaped := false, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case !inString:
			inString = c == '"'
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case c == '"':
			in[i] = true
			inString = false
			continue
		}
		in[i] = inString
	}
	return in
}
