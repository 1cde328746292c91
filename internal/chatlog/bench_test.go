package chatlog_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/sharedtest"
)

// BenchmarkParseReferenceDay parses the shared reference day (27 KB,
// cocolian Markdown) from memory, format detection included.
func BenchmarkParseReferenceDay(b *testing.B) {
	path := sharedtest.Dir(b, "corpus", "cocolian", "proddev", "2018-05-04-chat.markdown")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := chatlog.Parse(bytes.NewReader(data), path, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseJSON parses each whole-file JSON format (and ChatLab's
// JSONL) from memory: a synthetic fixture whose messages are repeated to
// about 1 MB, pretty-printed as the exporters write it (chatlog's JSON, which
// the tool writes on one line, minified), the format named so that
// detection is not measured.
func BenchmarkParseJSON(b *testing.B) {
	for _, c := range []struct{ format, fixture, indent string }{
		{"telegram", "telegram/group.json", " "},
		{"discord", "discord/channel.json", "  "},
		{"weflow", "weflow/group.json", "  "},
		{"chatlab", "chatlab/group.json", "  "},
		{"chatlab", "chatlab/group-stream.jsonl", ""},
		{"chatlog-json", "chatlog-json/group.json", ""},
	} {
		b.Run(filepath.Base(filepath.Dir(c.fixture))+"/"+filepath.Base(c.fixture), func(b *testing.B) {
			data := benchJSONInput(b, filepath.Join("..", "..", "testdata", "chatlog", c.fixture), c.indent, 1<<20)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := chatlog.Parse(bytes.NewReader(data), c.fixture, c.format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchJSONInput returns the fixture at path with its messages repeated
// until it holds at least size bytes: the records of a JSON document's
// "messages" array (or of a top-level array), indented with indent ("":
// minified), or the message lines of a JSONL file.
func benchJSONInput(b *testing.B, path, indent string, size int) []byte {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	if strings.HasSuffix(path, ".jsonl") {
		var head, msgs []byte
		for _, line := range bytes.SplitAfter(data, []byte("\n")) {
			if bytes.Contains(line, []byte(`"_type":"message"`)) {
				msgs = append(msgs, line...)
			} else {
				head = append(head, line...)
			}
		}
		out := head
		for len(out) < size {
			out = append(out, msgs...)
		}
		return out
	}
	var doc any
	var msgs []json.RawMessage
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) {
		if err := json.Unmarshal(data, &msgs); err != nil {
			b.Fatal(err)
		}
	} else {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(data, &obj); err != nil {
			b.Fatal(err)
		}
		if err := json.Unmarshal(obj["messages"], &msgs); err != nil {
			b.Fatal(err)
		}
		doc = obj
	}
	all := msgs
	for n := len(data); n < size; n += len(data) {
		all = append(all, msgs...)
	}
	if doc == nil {
		doc = all
	} else {
		raw, err := json.Marshal(all)
		if err != nil {
			b.Fatal(err)
		}
		doc.(map[string]json.RawMessage)["messages"] = raw
	}
	out, err := json.Marshal(doc)
	if err != nil {
		b.Fatal(err)
	}
	if indent == "" {
		return out
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, out, "", indent); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}
