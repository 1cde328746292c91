package export_test

import (
	"io"
	"os"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/export"
	"github.com/cocolian/threads/internal/segment"
	"github.com/cocolian/threads/internal/sharedtest"
	"github.com/cocolian/threads/internal/thread"
)

// referenceDay returns the shared reference day parsed and threaded, and
// the size of its file.
func referenceDay(b *testing.B) ([]export.Day, int64) {
	b.Helper()
	path := sharedtest.Dir(b, "corpus", "cocolian", "proddev", "2018-05-04-chat.markdown")
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	log, err := chatlog.ParseFile(path, "", nil)
	if err != nil {
		b.Fatal(err)
	}
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	return []export.Day{{Log: log, Result: thread.Build(log, seg)}}, st.Size()
}

// BenchmarkWriteJSONReferenceDay writes the JSON contract of the threaded
// reference day.
func BenchmarkWriteJSONReferenceDay(b *testing.B) {
	days, size := referenceDay(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if err := export.WriteJSON(io.Discard, days, export.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteMarkdownReferenceDay writes the Markdown FAQ of the
// threaded reference day.
func BenchmarkWriteMarkdownReferenceDay(b *testing.B) {
	days, size := referenceDay(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if err := export.WriteMarkdown(io.Discard, days, export.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
