package segment

import (
	"os"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/sharedtest"
)

// BenchmarkTokensMessages segments the messages of the shared reference
// day one at a time, as the threader does.
func BenchmarkTokensMessages(b *testing.B) {
	benchmarkMessages(b, testSegmenter(b))
}

// BenchmarkTokensMessagesGse does the same with gse itself cutting (the
// reference the compiled dictionary reproduces), for comparison.
func BenchmarkTokensMessagesGse(b *testing.B) {
	ref, _ := reference(b)
	benchmarkMessages(b, ref)
}

func benchmarkMessages(b *testing.B, s *Segmenter) {
	path := sharedtest.Dir(b, "corpus", "cocolian", "proddev", "2018-05-04-chat.markdown")
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	log, err := chatlog.ParseFile(path, "", nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		for i := range log.Messages {
			s.Tokens(log.Messages[i].Text)
		}
	}
}

// BenchmarkSimplifyMessages reads the messages of the shared reference
// day, written in simplified Chinese, one at a time through Simplify, as
// the threader does: the path every message takes.
func BenchmarkSimplifyMessages(b *testing.B) {
	log, err := chatlog.ParseFile(sharedtest.Dir(b, "corpus", "cocolian", "proddev", "2018-05-04-chat.markdown"), "", nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range log.Messages {
			Simplify(log.Messages[i].Text)
		}
	}
}
