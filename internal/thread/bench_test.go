package thread_test

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
	benchmarkBuildFiles(b, filepath.Join(root, "*", "*.markdown"))
}

// BenchmarkBuildIRCDev threads every log of the shared IRC dev split once
// per iteration, segmentation included: English text, every message read
// by the English question cues.
func BenchmarkBuildIRCDev(b *testing.B) {
	dir := sharedtest.Dir(b, "corpus", "irc-ubuntu", "dev")
	benchmarkBuildFiles(b, filepath.Join(dir, "*.raw.txt"))
}

// benchmarkBuildFiles parses the files pattern matches and threads them
// all once per iteration, segmentation included, reporting their bytes.
func benchmarkBuildFiles(b *testing.B, pattern string) {
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		b.Fatalf("no logs match %s: %v", pattern, err)
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

// BenchmarkBuildAbsentMentions threads generated days whose messages mention
// many distinct display names of people who do not post that day (see
// absentMentionsDay), to show how resolving them grows with their number.
func BenchmarkBuildAbsentMentions(b *testing.B) {
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, names := range []int{10000, 30000, 60000} {
		b.Run(fmt.Sprintf("names=%d", names), func(b *testing.B) {
			benchGenerated(b, seg, absentMentionsDay(300, names), chatlog.ParseCocolian, "stress/2018-05-04-chat.markdown")
		})
	}
}

// TestWriteAbsentMentionsDays writes the days of
// BenchmarkBuildAbsentMentions as cocolian files, for timing and comparing
// `threads extract` on them, when THREADS_STRESS_DIR names a folder:
//
//	THREADS_STRESS_DIR=/tmp/stress go test -run TestWriteAbsentMentionsDays ./internal/thread
func TestWriteAbsentMentionsDays(t *testing.T) {
	for _, names := range []int{10000, 30000, 60000} {
		writeStressDay(t, filepath.Join(fmt.Sprintf("absent-%d", names), "2018-05-04-chat.markdown"), absentMentionsDay(300, names))
	}
}

// benchGenerated times thread.Build on a generated day, text in the format
// parse reads (path names it).
func benchGenerated(b *testing.B, seg *segment.Segmenter, text string, parse func(io.Reader, string) (*chatlog.Log, error), path string) {
	log, err := parse(strings.NewReader(text), path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		thread.Build(log, seg)
	}
}

// writeStressDay writes a generated day at name inside the folder
// THREADS_STRESS_DIR names, and skips the test when it names none.
func writeStressDay(t *testing.T, name, text string) {
	dir := os.Getenv("THREADS_STRESS_DIR")
	if dir == "" {
		t.Skip("THREADS_STRESS_DIR not set")
	}
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Parts of the generated display names: 名字-公司-角色-城市.
var (
	stressSurnames  = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	stressGiven     = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯俊帆帅亮飞鑫波宁峰龙林阳晨雪琳颖倩婷欣然博")
	stressCompanies = []string{"快钱", "支付宝", "财付通", "银联", "网联", "连连支付", "汇付天下", "拉卡拉", "易宝支付", "双乾支付",
		"京东金融", "平安银行", "招商银行", "民生金服", "宜信", "陆金所", "苏宁金融", "度小满", "美团", "滴滴",
		"蚂蚁金服", "微众银行", "百度", "腾讯", "网易支付", "富友支付", "通联支付", "随行付", "银盈通", "乐刷",
		"恒丰银行", "中信银行", "小米支付", "携程", "爱奇艺", "蘑菇街", "唯品会", "新浪支付", "快钱金融", "宝付"}
	stressRoles   = []string{"产品", "技术", "架构师", "运营", "风控", "产品经理", "技术总监", "研发", "测试", "合规", "CTO", "PM", "商务"}
	stressCities  = []string{"北京", "上海", "深圳", "广州", "杭州", "成都", "南京", "武汉", "西安", "BJ", "SH"}
	stressHandles = []string{"Kevin", "Tank", "zhangwei", "cs", "wseric", "ark", "freewolf", "Summer", "Ben", "lily"}
)

// stressPerson draws a Chinese name of two or three characters from r.
func stressPerson(r *rand.Rand) string {
	n := string(stressSurnames[r.IntN(len(stressSurnames))])
	for range 1 + r.IntN(2) {
		n += string(stressGiven[r.IntN(len(stressGiven))])
	}
	return n
}

// absentMentionsDay returns a cocolian day where the given number of senders
// post under display names of the form 名字-公司-角色-城市 (one in thirty
// under a Latin handle), each message mentioning four to six display names
// of people who never post that day, until names distinct such names have
// been mentioned. One mention in five names an earlier absent person again,
// and one message in ten also mentions a sender. The day is the same for the
// same arguments.
func absentMentionsDay(senders, names int) string {
	r := rand.New(rand.NewPCG(7, uint64(names)))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	person := func() string { return stressPerson(r) }
	displayName := func() string {
		parts := []string{person(), pick(stressCompanies), pick(stressRoles), pick(stressCities)}
		return strings.Join(parts[:2+r.IntN(3)], "-")
	}
	taken := map[string]bool{}
	var posting []string
	for try := 0; len(posting) < senders; try++ {
		s := displayName()
		if try%30 == 0 {
			s = stressHandles[try/30%len(stressHandles)]
			if try >= 30*len(stressHandles) {
				s += "-" + pick(stressCompanies)
			}
		}
		if !taken[s] {
			taken[s] = true
			posting = append(posting, s)
		}
	}
	var absent []string
	var msgs [][2]string // sender, text
	for len(absent) < names {
		var text strings.Builder
		for range 4 + r.IntN(3) {
			name := ""
			if len(absent) > 0 && r.IntN(5) == 0 {
				name = absent[r.IntN(len(absent))]
			} else {
				for name == "" || taken[name] {
					name = displayName()
				}
				taken[name] = true
				absent = append(absent, name)
			}
			text.WriteString("@" + name + " ")
		}
		if r.IntN(10) == 0 {
			text.WriteString("@" + pick(posting) + " ")
		}
		text.WriteString(pick([]string{"请问这个怎么看？", "你们怎么做的", "帮忙看下", "谢谢", "有空聊聊"}))
		msgs = append(msgs, [2]string{pick(posting), text.String()})
	}
	var out strings.Builder
	fmt.Fprintf(&out, "---\nlayout:     source \ntitle:      \"2018-05-04-WeChat\"\ndate:       2018-05-04 12:00:00\nauthor:     %s\nlines:      %d \ntag:\t\t  [chat]\n---\n", posting[1], 4*len(msgs))
	start := 8 * time.Hour
	for i, m := range msgs {
		at := start + time.Duration(i)*15*time.Hour/time.Duration(len(msgs))
		fmt.Fprintf(&out, "> %02d:%02d:%02d  %s  \n   \n%s  \n   \n", int(at.Hours()), int(at.Minutes())%60, int(at.Seconds())%60, m[0], m[1])
	}
	return out.String()
}

// The members of busyDay: regulars who post every few turns, and the texts
// everybody says. Only the first regular asks, and nobody else says
// anything that reads as a question, so that the first regular's messages
// follow one another from morning to night with a few turns between.
var (
	busyRegulars = []string{"钱多多-聚合支付-产品-深圳", "周一鸣-某某支付-产品-杭州", "韩梅-东软(前)-开发", "李雷-网联-架构-北京"}
	busyAsks     = []string{
		"微信分账的接口，分账比例上限是多少？有没有踩过坑的？",
		"退款的时候分账要先回退吗？",
		"跨境收单现在哪家通道费率低一些？",
		"T1结算改D0要走什么流程？",
	}
	busyShort = []string{"我们也是这么做的", "对，这个要看通道", "同意楼上", "这个我们踩过坑", "先回退再退款", "明白了，谢谢", "有道理", "我回头查一下文档"}
	busyLong  = []string{
		"分账比例默认是百分之三十，要更高得找微信单独申请，申请的时候要提供业务场景说明和分账方的资质材料，审核大概一到两周，期间接口会直接报比例超限的错误码。",
		"我们的做法是先把分账回退掉，再发起退款，回退单号和分账单号一一对应，不然对账的时候会出现一笔退款对不上两笔回退的情况，财务那边很难处理。",
		"跨境这块主要看结算币种和到账时效，费率只是一方面，还要看通道的拒付处理能力和风控规则，有些通道费率低但是拒付率高的商户直接就不接了。",
		"D0本质上是垫资，通道要承担资金成本和风险，所以一般要单独签协议，额度按商户的历史流水来核定，新商户基本只能先做T1跑一段时间再申请。",
	}
	busyOthers = []string{"默认是30%，要更高得找微信单独申请", "回退单号要和分账单号对应", "我们用的是银联的通道", "这个文档里写了", "看商户的行业", "[动画表情]", "收到", "好的", "我们那边也一样", "可以找渠道经理谈"}
	busyTalk   = "今天跟大家分享一下我们做聚合支付这几年在清结算上的一些经验，主要分三部分：通道对接、对账差错处理，还有资金的归集和下发，每一部分都会讲一些实际踩过的坑。"
)

// busyDay returns a day of n messages in sjzar/chatlog's plain-text export
// on which the given number of busyRegulars (one to four) post every few
// turns from 08:00 to 23:00, never minutes apart: each round of the
// conversation has every regular say something, the first asking now and
// then, and one of a hundred other members answer. With notices > 0 a run
// of that many join notices follows every conversation of twenty rounds.
// With talkEvery > 0 the first regular gives a talk every talkEvery
// conversations (ten long messages, others' stickers between them), after
// which another member asks a question. The day is the same for the same
// arguments.
func busyDay(n, regulars, notices, talkEvery int) string {
	r := rand.New(rand.NewPCG(11, uint64(n)))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	type line struct{ sender, id, text string }
	var lines []line
	say := func(k int, text string) {
		lines = append(lines, line{busyRegulars[k], fmt.Sprintf("wxid_reg%d", k), text})
	}
	other := func(text string) {
		k := r.IntN(100)
		name := string(stressSurnames[k%len(stressSurnames)]) + string(stressGiven[k%len(stressGiven)]) + "-" + stressCompanies[k%len(stressCompanies)]
		lines = append(lines, line{name, fmt.Sprintf("wxid_m%03d", k), text})
	}
	for c := 0; len(lines) < n; c++ {
		if talkEvery > 0 && c%talkEvery == talkEvery-1 {
			for k := range 10 {
				say(0, fmt.Sprintf("第%d点，", k+1)+busyTalk)
				other("[强]")
			}
			other("请问刚才讲的归集和下发，小商户也适用吗？")
		}
		for round := range 20 {
			for k := range regulars {
				switch {
				case k == 0 && round%5 == 0:
					say(k, pick(busyAsks))
				case r.IntN(3) == 0:
					say(k, pick(busyLong))
				default:
					say(k, pick(busyShort))
				}
			}
			text := pick(busyOthers)
			if r.IntN(4) == 0 {
				text = "@" + busyRegulars[r.IntN(regulars)] + " " + text
			}
			other(text)
		}
		for k := range notices {
			lines = append(lines, line{text: fmt.Sprintf("\"新人%d-%d\"加入了群聊", c, k)})
		}
	}
	lines = lines[:n]
	var out strings.Builder
	for i, l := range lines {
		at := 8*time.Hour + time.Duration(i)*15*time.Hour/time.Duration(n)
		clock := fmt.Sprintf("%02d:%02d:%02d", int(at.Hours()), int(at.Minutes())%60, int(at.Seconds())%60)
		if l.sender == "" {
			fmt.Fprintf(&out, " %s\n%s\n\n", clock, l.text)
			continue
		}
		fmt.Fprintf(&out, "%s(%s) %s\n%s\n\n", l.sender, l.id, clock, l.text)
	}
	return out.String()
}

// busyDays are the days of BenchmarkBusySpeaker and TestWriteBusyDays by
// name: one regular, three, three with runs of 50 notices between
// conversations, and three with talks.
var busyDays = []struct {
	name                         string
	regulars, notices, talkEvery int
}{
	{"one", 1, 0, 0},
	{"three", 3, 0, 0},
	{"notices", 3, 50, 0},
	{"talks", 3, 50, 20},
}

// BenchmarkBusySpeaker threads days of 10,000 to 40,000 messages on which a
// few regulars post every few turns all day (see busyDay), segmentation
// included: the time per day should grow with the number of messages, not
// with its square, however long one sender's messages follow one another.
func BenchmarkBusySpeaker(b *testing.B) {
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range busyDays {
		for _, n := range []int{10000, 20000, 40000} {
			b.Run(fmt.Sprintf("%s/messages=%d", d.name, n), func(b *testing.B) {
				benchGenerated(b, seg, busyDay(n, d.regulars, d.notices, d.talkEvery), chatlog.ParseChatlogText, "busy/group_2025-03-06.txt")
			})
		}
	}
}

// TestWriteBusyDays writes the days of BenchmarkBusySpeaker as chatlog text
// files, for timing and comparing `threads extract` on them, when
// THREADS_STRESS_DIR names a folder:
//
//	THREADS_STRESS_DIR=/tmp/stress go test -run TestWriteBusyDays ./internal/thread
func TestWriteBusyDays(t *testing.T) {
	for _, d := range busyDays {
		for _, n := range []int{10000, 20000, 40000} {
			writeStressDay(t, filepath.Join(fmt.Sprintf("busy-%s-%d", d.name, n), "group_2025-03-06.txt"), busyDay(n, d.regulars, d.notices, d.talkEvery))
		}
	}
}

// BenchmarkBuildManySenders threads generated days on which thousands of
// members post and mention each other by display-name variants (see
// manySendersDay), segmentation included: resolving the mentions should
// grow with the number of mentions and senders, not with their product.
func BenchmarkBuildManySenders(b *testing.B) {
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range []struct {
		senders, messages int
		heavy             bool
	}{{1000, 10000, false}, {1000, 10000, true}, {5000, 50000, false}} {
		b.Run(fmt.Sprintf("senders=%d/messages=%d/heavy=%v", d.senders, d.messages, d.heavy), func(b *testing.B) {
			benchGenerated(b, seg, manySendersDay(d.senders, d.messages, d.heavy), chatlog.ParseCocolian, "stress/2018-05-04-chat.markdown")
		})
	}
}

// TestWriteManySendersDay writes two days of manySendersDay, 5,000 senders
// and 50,000 messages, heavy and not, as cocolian files, for timing and
// comparing `threads extract` on them, when THREADS_STRESS_DIR names a
// folder:
//
//	THREADS_STRESS_DIR=/tmp/stress go test -run TestWriteManySendersDay ./internal/thread
func TestWriteManySendersDay(t *testing.T) {
	writeStressDay(t, filepath.Join("many-senders", "2018-05-04-chat.markdown"), manySendersDay(5000, 50000, false))
	writeStressDay(t, filepath.Join("many-senders-heavy", "2018-05-04-chat.markdown"), manySendersDay(5000, 50000, true))
}

// Texts of manySendersDay.
var (
	manyAsks = []string{
		"请问微信分账的接口有没有和支付宝一样的？", "网联协议支付现在还能走认证支付吗？", "备付金集中存管以后，利息怎么算？",
		"有没有人做过跨境收单的，外管局要报什么材料？", "断直连之后银行通道的费率是不是都涨了？", "分润结算一般是T+1还是T+0？",
		"请教一下，商户进件的风控规则一般怎么配？", "条码支付的限额是多少来着？",
	}
	manyAnswers = []string{
		"微信分账要单独申请，接口文档里有，和支付宝的分账逻辑不太一样", "协议支付是网联的，认证支付已经不让新接了",
		"备付金现在全部交存央行，不计息了", "要看你是货物贸易还是服务贸易，材料不一样", "费率没怎么变，主要是清算路径变了",
		"一般T+1，大商户可以谈D0", "先看行业和MCC，再看交易额度和历史流水", "静态码单日500，动态码看风险等级",
	}
	manyChatter = []string{"谢谢分享", "学习了", "收到", "[图片]", "[动画表情]", "同问", "对的", "明白了，多谢", "有的", "帮忙看下"}
)

// manySendersDay returns a cocolian day of the given number of messages
// from about the given number of senders, named 名字-公司-角色-城市 (one in
// ten with fewer parts, one in forty under a Latin handle), a few posting
// much more than the rest. Two messages in five mention one or two names:
// a sender's own display name, the same with other separators or cut after
// the company, the same person with another role or city, another person
// with a sender's company, role and city (哈木-快钱-产品-上海 for
// 李奔-快钱-产品-上海), or a made-up member who never posts. Half the time the
// sender a mention was made from answers next, now and then mentioning
// back. A heavy day has every message mention three names, four in ten of
// them made up and none another person with a sender's parts. The day is the same for the same arguments.
func manySendersDay(senders, messages int, heavy bool) string {
	r := rand.New(rand.NewPCG(13, uint64(senders)<<32|uint64(messages)))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	person := func() string { return stressPerson(r) }
	type member struct{ name, person, company, role, city string }
	var posting []member
	taken := map[string]bool{}
	for try := 0; len(posting) < senders; try++ {
		m := member{"", person(), pick(stressCompanies), pick(stressRoles), pick(stressCities)}
		if try%40 == 0 {
			m.person = pick(stressHandles) + fmt.Sprint(try/40%7)
		}
		parts := []string{m.person, m.company, m.role, m.city}
		if try%10 == 3 {
			parts = parts[:2+r.IntN(2)]
		}
		m.name = strings.Join(parts, "-")
		if !taken[m.name] {
			taken[m.name] = true
			posting = append(posting, m)
		}
	}
	who := func() member { // a few post much more than the rest
		u := r.Float64()
		return posting[int(u*u*u*float64(len(posting)))]
	}
	variant := func(m member) string {
		switch k := r.IntN(10); {
		case k < 3:
			return m.name
		case k == 3:
			return strings.ReplaceAll(m.name, "-", "_")
		case k == 4:
			return m.person + "-" + m.company
		case k == 5:
			return strings.Join([]string{m.person, m.company, pick(stressRoles), pick(stressCities)}, "-")
		case k < 8 && !heavy:
			return strings.Join([]string{person(), m.company, m.role, m.city}, "-")
		default:
			return strings.Join([]string{person(), pick(stressCompanies), pick(stressRoles), pick(stressCities)}, "-")
		}
	}
	type line struct {
		sender member
		text   string
	}
	var lines []line
	for len(lines) < messages {
		m := who()
		if !heavy && r.IntN(5) >= 2 {
			lines = append(lines, line{m, pick(slices.Concat(manyAsks, manyAnswers, manyChatter))})
			continue
		}
		var text strings.Builder
		var named []member
		n := 1 + r.IntN(2)
		if heavy {
			n = 3
		}
		for range n {
			t := who()
			named = append(named, t)
			text.WriteString("@" + variant(t) + " ")
		}
		text.WriteString(pick(manyAsks))
		lines = append(lines, line{m, text.String()})
		if t := named[0]; r.IntN(2) == 0 && t.name != m.name {
			reply := pick(manyAnswers)
			if r.IntN(3) == 0 {
				reply = "@" + m.name + " " + reply
			}
			lines = append(lines, line{t, reply})
		}
	}
	lines = lines[:messages]
	var out strings.Builder
	fmt.Fprintf(&out, "---\nlayout:     source \ntitle:      \"2018-05-04-WeChat\"\ndate:       2018-05-04 12:00:00\nauthor:     %s\nlines:      %d \ntag:\t\t  [chat]\n---\n", posting[1].name, 4*len(lines))
	for i, l := range lines {
		at := 8*time.Hour + time.Duration(i)*15*time.Hour/time.Duration(len(lines))
		fmt.Fprintf(&out, "> %02d:%02d:%02d  %s  \n   \n%s  \n   \n", int(at.Hours()), int(at.Minutes())%60, int(at.Seconds())%60, l.sender.name, l.text)
	}
	return out.String()
}
