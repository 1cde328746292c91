// Command bigfile writes a synthetic MemoTrace TXT export of a busy WeChat
// group, many days long, for bench/bigfile.sh: per message a header
// "YYYY-MM-DD HH:MM:SS name", a body of one or two lines and a blank line.
// The bodies mix questions, answers with @mentions, quotes, thanks and
// links drawn from a fixed pool, deterministically (same flags, same file).
//
// Usage: go run ./bench/bigfile -size 200 -days 365 > big.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"
)

var senders = []string{
	"李奔-快钱-产品-上海", "哈木", "心有灵浠", "韩伟-双乾支付-技术-苏州", "张三-银联-风控-北京",
	"王五-网联-架构-北京", "赵六-支付宝-产品-杭州", "小陈", "Kevin-财付通-深圳", "老周-易宝-运营",
	"刘洋-连连支付-合规", "阿木", "陈静-汇付-清算", "孙工", "周敏-拉卡拉-商户",
}

var questions = []string{
	"请问微信分账的接口有没有和支付宝一样的？",
	"网联协议支付现在还能走认证支付吗？",
	"备付金集中存管以后，利息怎么算？",
	"有没有人做过跨境收单的，外管局要报什么材料？",
	"断直连之后银行通道的费率是不是都涨了？",
	"聚合支付的牌照问题大家怎么处理的？",
	"分润结算一般是T+1还是T+0？",
	"二清的边界到底在哪里，平台代收算不算？",
	"请教一下，商户进件的风控规则一般怎么配？",
	"条码支付的限额是多少来着？",
}

var answers = []string{
	"微信分账要单独申请，接口文档里有，和支付宝的分账逻辑不太一样",
	"协议支付是网联的，认证支付已经不让新接了",
	"备付金现在全部交存央行，不计息了",
	"要看你是货物贸易还是服务贸易，材料不一样",
	"费率没怎么变，主要是清算路径变了",
	"持牌机构合作吧，自己拿牌太难了",
	"一般T+1，大商户可以谈D0",
	"资金过了平台的账户就算二清，找持牌机构做分账",
	"先看行业和MCC，再看交易额度和历史流水",
	"静态码单日500，动态码看风险等级",
}

var chatter = []string{
	"谢谢分享", "学习了", "收到", "[图片]", "[动画表情]", "同问", "对的", "大家好，欢迎新朋友",
	"[链接]:title:央行发布支付机构监管新规\ndes:None\nurl:https://example.com/pbc/notice\nname:None",
	"今天的分享干货满满，感谢老师", "明白了，多谢", "有的",
}

func main() {
	sizeMB := flag.Int("size", 200, "approximate size of the file in MB")
	days := flag.Int("days", 365, "number of days the messages spread over")
	start := flag.String("start", "2024-01-01", "first day, YYYY-MM-DD")
	flag.Parse()
	day, err := time.Parse("2006-01-02", *start)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bigfile: bad -start:", err)
		os.Exit(2)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	r := rand.New(rand.NewPCG(1, 2))
	target := int64(*sizeMB) << 20
	perDay := target / int64(*days)
	var written int64
	for d := 0; d < *days; d++ {
		var today int64
		// Messages average about 100 bytes: spread the day's over 08:00 to
		// about 23:00 so that none spills into the next day.
		gap := 2 * 15 * 3600 / max(1, int(perDay/100))
		t := day.AddDate(0, 0, d).Add(8 * time.Hour)
		for today < perDay {
			t = t.Add(time.Duration(r.IntN(gap+1)) * time.Second)
			sender := senders[r.IntN(len(senders))]
			var body string
			switch k := r.IntN(10); {
			case k < 3:
				body = questions[r.IntN(len(questions))]
			case k < 6:
				body = "@" + senders[r.IntN(len(senders))] + "\u2005" + answers[r.IntN(len(answers))]
			case k < 7:
				q := r.IntN(len(questions))
				body = answers[q] + "\n引用:" + senders[r.IntN(len(senders))] + ":" + questions[q]
			default:
				body = chatter[r.IntN(len(chatter))]
			}
			n, _ := fmt.Fprintf(w, "%s %s\n%s\n\n", t.Format("2006-01-02 15:04:05"), sender, body)
			today += int64(n)
		}
		written += today
	}
	fmt.Fprintf(os.Stderr, "bigfile: %d bytes over %d days\n", written, *days)
}
