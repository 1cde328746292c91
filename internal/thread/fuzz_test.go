package thread

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
)

// fuzzSegmenter is built once per fuzzing process.
var fuzzSegmenter = sync.OnceValues(segment.New)

// FuzzBuild threads day archives made from arbitrary lines ("sender|text",
// one message each) and checks that every message lands in exactly one
// thread with an earlier parent in it, that answers answer questions, and
// that the same input gives the same result; then spreads the same messages
// over three forum topics and checks that nothing links across them.
func FuzzBuild(f *testing.F) {
	for _, seed := range []string{
		"甲|请教一下，微信有分账接口吗？\n乙|@甲 有的，要单独申请\n甲|谢谢",
		"甲|问个问题：\n甲|收银台和网关是怎么划分的\n乙|哪个银行不支持\n乙|现在这些银行支持电汇",
		"甲|钱不是直接到商家了吗？难道不行？那提现怎么办？\n乙|「甲：钱不是直接到商家了吗？」 - - - 不是",
		"甲|能不能开的出来还是问题呢\n乙|[强][强]\n丙|欢迎欢迎\n丁|有想跳槽的java开发没，简历丢过来，要招聘10人+。",
		"甲|@乙?@丙? ??\n乙|[捂脸]\n丙|http://mp.weixin.qq.com/s?a=1",
		"甲|> 09:00:00  乙\n乙|> 99:00:00\n丙|a\r> 10:00:00 b",
		"甲|分账要申请吗？\n甲-快钱|分账要申请吗？\n乙|要\n乙-银联|要\n丙|wxid_abc123:\n丙|[强]",                        // listed twice; an unrendered message
		"甲|分账要申请吗？\n群|<sysmsg>乙加入了群聊</sysmsg>\n乙|要\n乙-银联|要\n|<sysmsg>撤回了一条消息</sysmsg>\n甲|谢谢", // notices between
		"甲|今晚分享，回复/:strong签到\n乙|/:strong\n丙|/:,@P@甲 /::@@乙\n丁|/:shared /:\n甲|/::'(/:<W>",     // legacy sticker codes
		"甲|請問分賬接口怎麼申請？\n乙|回覆：要單獨申請\n甲|瞭解了，謝謝\n丙|双乾支付的乾乾脆脆\n乙|瞭",                              // traditional phrases
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) {
		var md strings.Builder
		md.WriteString("---\nlayout: post\ntitle: fuzz\ndate: 2018-05-04\n---\n\n")
		lines := strings.Split(data, "\n")
		if len(lines) > 200 {
			lines = lines[:200]
		}
		for k, line := range lines {
			sender, text, _ := strings.Cut(strings.ReplaceAll(line, "\r", " "), "|")
			if strings.HasPrefix(strings.TrimSpace(text), ">") {
				text = "» " + text // a text line reading as a message header would start another message
			}
			// Two lines to a second, so that an export's second listing (the
			// same text under another name, in the same second) can occur.
			fmt.Fprintf(&md, "> %02d:%02d:%02d  %s  \n   \n%s  \n   \n", 9+k/120, k/2%60, 7, sender, text)
		}
		log, err := chatlog.ParseCocolian(bytes.NewReader([]byte(md.String())), "fuzz.markdown")
		if err != nil {
			t.Fatalf("the generated day does not parse: %v", err)
		}
		if len(log.Messages) != len(lines) {
			t.Fatalf("%d messages from %d lines", len(log.Messages), len(lines))
		}
		seg, err := fuzzSegmenter()
		if err != nil {
			t.Fatal(err)
		}
		res := Build(log, seg)
		checkInvariants(t, res, len(log.Messages))
		if again := Build(log, seg); !reflect.DeepEqual(res, again) {
			t.Fatal("two runs on the same input gave different results")
		}
		forum := *log
		forum.Messages = slices.Clone(log.Messages)
		for i := range forum.Messages {
			m := &forum.Messages[i]
			m.Topic = string(rune('A' + (len(m.Sender)+len(m.Text))%3))
		}
		fres := Build(&forum, seg)
		checkInvariants(t, fres, len(forum.Messages))
		checkTopicsApart(t, &forum, fres)
	})
}
