package thread_test

import (
	"os"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
	"github.com/cocolian/threads/internal/sharedtest"
	"github.com/cocolian/threads/internal/thread"
)

// BenchmarkBuildReferenceDay threads the parsed shared reference day,
// segmentation of every message included.
func BenchmarkBuildReferenceDay(b *testing.B) {
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
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		thread.Build(log, seg)
	}
}
