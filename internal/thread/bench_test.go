package thread_test

import (
	"os"
	"path/filepath"
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

// BenchmarkBuildCorpus threads every parsed day of the shared cocolian
// corpus once per iteration, segmentation included.
func BenchmarkBuildCorpus(b *testing.B) {
	root := sharedtest.Dir(b, "corpus", "cocolian")
	files, err := filepath.Glob(filepath.Join(root, "*", "*.markdown"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus days under %s: %v", root, err)
	}
	var logs []*chatlog.Log
	var size int64
	for _, f := range files {
		log, err := chatlog.ParseFile(f, "", nil)
		if err != nil {
			b.Fatal(err)
		}
		st, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
		logs = append(logs, log)
	}
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, log := range logs {
			thread.Build(log, seg)
		}
	}
}
