package thread_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

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

// noticeTalk is the conversation noticeDay puts before, between and after
// its runs of notices: a question, answers naming the asker, thanks.
var noticeTalk = []struct{ sender, text string }{
	{"钱多多-聚合支付-产品-深圳", "微信分账的接口，分账比例上限是多少？有没有踩过坑的？"},
	{"周一鸣-某某支付-产品-杭州", "@钱多多-聚合支付-产品-深圳 默认是30%，要更高得找微信单独申请"},
	{"钱多多-聚合支付-产品-深圳", "那退款的时候分账要先回退吗？"},
	{"韩梅-东软(前)-开发", "先回退再退款，回退单号要和分账单号对应"},
	{"李雷-网联-架构-北京", "我们也是这么做的"},
	{"钱多多-聚合支付-产品-深圳", "明白了，谢谢"},
}

// noticeDay builds a day of runs of run platform notices each (joins with
// no sender, two a second), with the noticeTalk conversation before, between
// and after them: the shape of a day on which a group is opened to many
// newcomers at once.
func noticeDay(runs, run int) *chatlog.Log {
	at := time.Date(2025, 3, 6, 8, 0, 0, 0, time.FixedZone("CST", 8*3600))
	var msgs []chatlog.Message
	add := func(m chatlog.Message) {
		m.Index, m.Line = len(msgs), len(msgs)+1
		msgs = append(msgs, m)
	}
	talk := func() {
		for _, t := range noticeTalk {
			at = at.Add(30 * time.Second)
			add(chatlog.Message{Time: at, Sender: t.sender, Type: chatlog.TypeText, Text: t.text, Mentions: chatlog.ExtractMentions(t.text)})
		}
	}
	talk()
	for r := 0; r < runs; r++ {
		for k := 0; k < run; k++ {
			if k%2 == 0 {
				at = at.Add(time.Second)
			}
			add(chatlog.Message{Time: at, Type: chatlog.TypeSystem, Text: fmt.Sprintf("\"新人%d\"加入了群聊", r*run+k)})
		}
		talk()
	}
	return &chatlog.Log{Format: chatlog.FormatChatlogText, Date: "2025-03-06", Messages: msgs}
}

// BenchmarkNoticeRun threads days with 10,000 to 40,000 platform notices in
// two runs, segmentation included: the time per day should grow with the
// number of notices, not with its square.
func BenchmarkNoticeRun(b *testing.B) {
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10000, 20000, 40000} {
		log := noticeDay(2, n/2)
		b.Run(fmt.Sprintf("notices=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				thread.Build(log, seg)
			}
		})
	}
}
