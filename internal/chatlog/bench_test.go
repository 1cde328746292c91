package chatlog_test

import (
	"bytes"
	"os"
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
