package digest

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/cocolian/threads/internal/uitext"
)

// PageLangs are the languages the digest's outputs can be written in.
var PageLangs = uitext.Langs

// pageTexts are the HTML page's own words, one table per language, with the
// same keys. The page's script fills in {name}; a value with "|" has a form
// for a count of one and one for other counts ("{n} thread|{n} threads").
// Keys starting with "static." are written into the page's markup by
// WriteHTML, those starting with "summary." into its title and summary,
// those starting with "js." into the characters of a string in the
// script's code (where the script builds a text without the table), and
// those starting with "data." into the data the page embeds; the others
// are the script's table (scriptTexts). The English page's summary is the
// Markdown digest's (summary), so only the Chinese table has the
// summary's counts (zhOnly).
var pageTexts = uitext.Table{
	"en": {
		"static.timeline":       "Timeline",
		"static.timelineHelp":   "Each bar is a thread, from its first to its last non-blank message (white ticks); click a green Q&A thread, or Tab to it and press Enter, to read it.",
		"static.topicIndex":     "Topic index",
		"static.unanswered":     "Unanswered questions",
		"static.unansweredHelp": "Questions that opened a thread and got no answer; click one to read its thread.",
		"static.thread":         "Thread",
		"static.panelHelp":      "Click a Q&A thread in the timeline, or an occurrence in the topic index.",
		"kind.qa":               "Q&A",
		"kind.discussion":       "discussion",
		"kind.talk":             "talk",
		"kind.news":             "news",
		"kind.greeting":         "greeting",
		"kind.other":            "other",
		"role.question":         "question",
		"role.answer":           "answer",
		"undated":               "undated",
		"noMessages":            "No messages.",
		"threads":               "{n} thread|{n} threads",
		"messages":              "{n} message|{n} messages",
		"questions":             "{n} question|{n} questions",
		"threadsOf":             "threads of {date}",
		"read":                  "Read {thread}",
		"data.facts":            " — asked {times}{answered}",
		"line":                  "line {n}",
		"answeredOn":            "answered {date}",
		"askedTimes":            "asked {n} times",
		"askedTimesSince":       "asked {n} times since {date}",
		"askedTwice":            "asked twice",
		"askedTwiceSince":       "asked twice since {date}",
		"otherQuestions":        "Other questions",
		"mentionedOnly":         "No answered or repeated questions; {n} thread mentions it.|No answered or repeated questions; {n} threads mention it.",
		"entry":                 "Entry: {title}",
		"threadFacts":           "{kind}, {from}–{to}, {messages}",
		"groupFacts":            " {questions} · {threads}",
		"summary.title":         "FAQ digest: {span}",
		"summary.span":          "{first} to {last}",
		"summary.noDates":       "no dated days",
		"summary.noDayInRange":  "no day {range} ({read} read)",
		"summary.since":         "since {date}",
		"summary.until":         "until {date}",
		"summary.fromTo":        "from {since} to {until}",
		"summary.days":          "{n} day|{n} days",
		"summary.dayLogs":       "{n} day log|{n} day logs",
		"js.dayUnit":            "d",
		"js.nextDay":            "+1d",
		"js.glossOpen":          " (",
		"js.glossClose":         ")",
		"data.image":            "[image]",
	},
	"zh": uitext.With(map[string]string{
		"static.timeline":             "时间线",
		"static.timelineHelp":         "每个色条代表一段对话，从第一条画到最后一条非空消息，白色刻度是单条消息。点击绿色的问答对话（或用 Tab 键选中后按回车），即可在右侧阅读。",
		"static.topicIndex":           "主题索引",
		"static.unanswered":           "未回答的问题",
		"static.unansweredHelp":       "有人提问、但无人回答的问题；点击可查看当时的对话。",
		"static.thread":               "对话",
		"static.panelHelp":            "点击时间线中的问答对话，或主题索引中的某次提问，即可在此阅读。",
		"role.question":               "问题",
		"role.answer":                 "回答",
		"undated":                     "日期不明",
		"noMessages":                  "没有消息。",
		"threads":                     "{n} 段对话",
		"messages":                    "{n} 条消息",
		"questions":                   "{n} 个问题",
		"threadsOf":                   "{date} 的对话",
		"read":                        "阅读 {thread}",
		"data.facts":                  " — 提问 {times}{answered}",
		"line":                        "第 {n} 行",
		"answeredOn":                  "{date} 回答",
		"askedTimes":                  "问了 {n} 次",
		"askedTimesSince":             "自 {date} 起问了 {n} 次",
		"askedTwice":                  "问了两次",
		"askedTwiceSince":             "自 {date} 起问了两次",
		"otherQuestions":              "其他问题",
		"mentionedOnly":               "暂无已回答或多次被问到的问题；有 {n} 段对话提到这一主题。",
		"entry":                       "相关问答：{title}",
		"threadFacts":                 "{kind}，{from}–{to}，{messages}",
		"groupFacts":                  " {questions} · {threads}",
		"summary.title":               "常见问题汇总：{span}",
		"summary.span":                "{first} 至 {last}",
		"summary.noDates":             "没有带日期的聊天",
		"summary.noDayInRange":        "所选日期（{range}）内没有聊天记录（已读取 {read}）",
		"summary.since":               "自 {date} 起",
		"summary.until":               "截至 {date}",
		"summary.fromTo":              "{since} 至 {until}",
		"summary.days":                "{n} 个聊天日",
		"summary.dayLogs":             "{n} 份聊天记录",
		"summary.counts":              "共 {days}，{threads}；{asked}。",
		"summary.askedNone":           "暂无已回答或多次被问到的问题",
		"summary.askedOne":            "整理出 1 个问题，提问 {times}",
		"summary.askedEach":           "整理出 {questions}，均只被问到一次",
		"summary.asked":               "整理出 {questions}，共提问 {askings} 次，其中 {repeated} 个被多次问到",
		"summary.leftOut":             "另有 {n} 次提问未收录（只问过一次且无人回答，或脱离上下文后信息不足）",
		"summary.end":                 "。",
		"summary.unansweredOfLeftOut": "，其中 {n} 个值得补答的问题列在文末。",
		"summary.unansweredList":      "文末列出 {n} 个值得补答的问题",
		"summary.unansweredIn":        "：{leftOut} 个来自未收录的提问，{entries} 个已收录但无人回答。",
		"summary.unansweredEntries":   "，均已收录但无人回答。",
		"js.dayUnit":                  "天",
		"js.nextDay":                  "次日",
		"js.glossOpen":                "：",
		"js.glossClose":               "",
		"data.image":                  "[图片]",
	}, uitext.ThreadKindsZh),
}

// zhOnly are the keys only the Chinese table has.
var zhOnly = []string{"summary.counts", "summary.askedNone", "summary.askedOne", "summary.askedEach", "summary.asked", "summary.leftOut", "summary.end", "summary.unansweredOfLeftOut",
	"summary.unansweredList", "summary.unansweredIn", "summary.unansweredEntries"}

// PageLang is the language WriteHTML, WriteMarkdown and WriteKB write d
// in: d.Lang when it is one of PageLangs, else "zh" when most of the
// digest's messages that have letters in them have Chinese (CJK)
// characters, else "en" (uitext.Choose).
func PageLang(d *Digest) string {
	return uitext.Choose(d.Lang, messageTexts(d))
}

// messageTexts yields the text of every message of d's days.
func messageTexts(d *Digest) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, day := range d.Days {
			for _, t := range day.Threads {
				for _, m := range t.Messages {
					if !yield(m.Text) {
						return
					}
				}
			}
		}
	}
}

// pageText is the text of key in lang's page table (uitext.Table.Text).
var pageText = pageTexts.Text

// pageTitle is the page's title, and the Markdown digest's heading:
// "FAQ digest: " and the dates it covers (spanIn).
func pageTitle(d *Digest, lang string) string {
	return pageText(lang, "summary.title", 0, "span", spanIn(d, lang))
}

// spanIn is span in lang: the days of a digest, "2018-03-01 至
// 2018-03-07" in Chinese.
func spanIn(d *Digest, lang string) string {
	if lang == "en" {
		return span(d)
	}
	first, last := dateSpan(d)
	switch {
	case len(d.Days) == 0 && d.Range.String() != "":
		r := pageText(lang, "summary.fromTo", 0, "since", d.Range.Since, "until", d.Range.Until)
		if d.Range.Since == "" {
			r = pageText(lang, "summary.until", 0, "date", d.Range.Until)
		} else if d.Range.Until == "" {
			r = pageText(lang, "summary.since", 0, "date", d.Range.Since)
		}
		return pageText(lang, "summary.noDayInRange", 0, "range", r, "read", pageText(lang, "summary.dayLogs", d.Range.Read))
	case first == "":
		return pageText(lang, "summary.noDates", 0)
	case first == last:
		return first
	}
	return pageText(lang, "summary.span", 0, "first", first, "last", last)
}

// pageSummary says in one line what the page covers: the Markdown digest's
// summary line in English, the same counts in lang otherwise.
func pageSummary(d *Digest, lang string) string {
	if lang == "en" {
		return summary(d)
	}
	c := countDigest(d)
	ds := pageText(lang, "summary.days", c.days)
	var in []string // "devarch、proddev 的 45 份聊天记录"
	if len(c.groups) > 0 {
		in = append(in, strings.Join(c.groups, "、"))
	}
	if c.shared {
		in = append(in, pageText(lang, "summary.dayLogs", len(d.Days)))
	}
	if len(in) > 0 {
		ds += "（" + strings.Join(in, " 的 ") + "）"
	}
	s := pageText(lang, "summary.counts", 0, "days", ds, "threads", pageText(lang, "threads", c.threads),
		"asked", askedIn(lang, len(d.Entries), c.askings, c.repeated))
	return s + leftOutIn(d, lang)
}

// askedIn says in lang how often entries questions were asked, askings
// times in all, repeated of them more than once: askedCounts in English,
// "整理出 3 个问题，均只被问到一次" in Chinese.
func askedIn(lang string, entries, askings, repeated int) string {
	if lang == "en" {
		return askedCounts(entries, askings, repeated)
	}
	questions := pageText(lang, "questions", entries)
	switch {
	case entries == 0:
		return pageText(lang, "summary.askedNone", 0)
	case entries == 1:
		return pageText(lang, "summary.askedOne", 0, "times", times(askings, lang))
	case repeated == 0:
		return pageText(lang, "summary.askedEach", 0, "questions", questions)
	}
	return pageText(lang, "summary.asked", 0, "questions", questions, "askings", fmt.Sprint(askings), "repeated", fmt.Sprint(repeated))
}

// leftOutIn says in lang how many askings d left out and how many
// unanswered questions it lists at the end, and where those are counted
// (as summary's unansweredCount does): "另有 724 次提问未收录（…），其中
// 67 个值得补答的问题列在文末。" when they are all among the askings left
// out; "" when there are neither.
func leftOutIn(d *Digest, lang string) string {
	inEntries := 0
	for _, u := range d.Unanswered {
		if u.InEntry {
			inEntries++
		}
	}
	leftOut := len(d.Unanswered) - inEntries
	s := ""
	if d.LeftOut > 0 {
		s = pageText(lang, "summary.leftOut", d.LeftOut)
		if len(d.Unanswered) > 0 && inEntries == 0 {
			return s + pageText(lang, "summary.unansweredOfLeftOut", leftOut)
		}
		s += pageText(lang, "summary.end", 0)
	}
	switch {
	case len(d.Unanswered) == 0:
		return s
	case leftOut == 0:
		return s + pageText(lang, "summary.unansweredList", inEntries) + pageText(lang, "summary.unansweredEntries", 0)
	}
	return s + pageText(lang, "summary.unansweredList", len(d.Unanswered)) +
		pageText(lang, "summary.unansweredIn", 0, "leftOut", fmt.Sprint(leftOut), "entries", fmt.Sprint(inEntries))
}

// writtenByGo are the prefixes of the keys whose texts WriteHTML writes
// into the page itself (see pageTexts), not into the script's table.
var writtenByGo = []string{"static.", "summary.", "js.", "data."}

// scriptTexts is lang's table as the page's script reads it: the keys
// that WriteHTML does not write into the page itself.
func scriptTexts(lang string) map[string]string {
	out := map[string]string{}
	for k, v := range pageTexts[lang] {
		if !slices.ContainsFunc(writtenByGo, func(p string) bool { return strings.HasPrefix(k, p) }) {
			out[k] = v
		}
	}
	return out
}
