package export

import (
	"iter"

	"github.com/cocolian/threads/internal/thread"
	"github.com/cocolian/threads/internal/uitext"
)

// mdTexts are the Markdown FAQ's own words (headings, labels, counts: not
// what people wrote), one table per language with the same keys (see
// uitext.Table). The Chinese ones use the HTML digest page's terms
// (digest's pageTexts): 对话 a thread (counted in 段), 版块 a forum
// topic, 问答 a Q&A, 回答 an answer, 关键词 a thread's keywords. A
// "kind." key names a thread kind (thread.Kind) in the list of other
// threads, in English as the JSON writes it.
var mdTexts = uitext.Table{
	"en": {
		"title":            "FAQ: {name}",
		"source":           "Source: {path} ({facts})",
		"stdin":            "standard input",
		"group":            "group {name}",
		"speaker":          "speaker {name}",
		"sep":              ", ",
		"list":             ", ",
		"messages":         "{n} message|{n} messages",
		"threads":          "{n} thread|{n} threads",
		"qaNone":           "Questions and answers (0)",
		"noneAnswered":     "No question asked this day was answered.",
		"qa":               "Questions and answers ({n}, in {threads})",
		"askedBy":          "Asked by **{sender}** at {time} (line {line}, thread {thread}{topic}{keywords})",
		"answer":           "- **{sender}** ({time}):",
		"keywords":         "; {keywords}",
		"inTopic":          " in topic {topic}",
		"earlier":          "Answers to earlier questions ({n})",
		"askedByOn":        "Asked by **{sender}** on {date} at {time} (line {line})",
		"noneAsked":        "No question was asked this day.",
		"unanswered":       "Unanswered questions ({n})",
		"unansweredLine":   "- **{sender}** at {time} (line {line}, thread {thread}{topic}): {question}",
		"insideOnly":       "It was asked inside a conversation already going (a follow-up, a remark, a rhetorical question), so it is not listed; the JSON marks it with role `question`.|All {n} were asked inside conversations already going (follow-ups, remarks, rhetorical questions), so they are not listed; the JSON marks them with role `question`.",
		"unansweredInside": "One more, asked inside a conversation already going (a follow-up, a remark, a rhetorical question), is not listed; the JSON marks it with role `question`.|{n} more, asked inside conversations already going (follow-ups, remarks, rhetorical questions), are not listed; the JSON marks them with role `question`.",
		"other":            "Other threads ({n})",
		"otherThread":      "- {thread}{topic}, {kind}, {messages}, {span}: {name}",
		"span":             "{from}-{to}",
		"dateRange":        "{from} to {to}",
		"spanOne":          "{time}",
		"noticesOnly":      "- system notices only: {threads}",
		"notice":           "{thread}{topic} ({time})",
		"aliases":          "Mention aliases",
		"alias":            "- @{mention} = {sender} ({reason})",
		"why":              "  - why: {evidence}",
		"noText":           "(no text)",
		"image":            "image",
		"imageText":        "[image]",
		"replying":         "(replying to {sender}: \"{quote}\") {text}",
		"kind.qa":          "qa",
		"kind.discussion":  "discussion",
		"kind.talk":        "talk",
		"kind.news":        "news",
		"kind.greeting":    "greeting",
		"kind.other":       "other",
	},
	"zh": uitext.With(map[string]string{
		"title":            "问答整理：{name}",
		"source":           "来源：{path}（{facts}）",
		"stdin":            "标准输入",
		"group":            "群 {name}",
		"speaker":          "主讲人 {name}",
		"sep":              "，",
		"list":             "、",
		"messages":         "{n} 条消息",
		"threads":          "{n} 段对话",
		"qaNone":           "问答（0）",
		"noneAnswered":     "本日提出的问题均未得到回答。",
		"qa":               "问答（{n} 个问题，分属 {threads}）",
		"askedBy":          "提问：**{sender}**，{time}（第 {line} 行 · 对话 {thread}{topic}{keywords}）",
		"answer":           "- **{sender}**（{time}）：",
		"keywords":         " · 关键词：{keywords}",
		"inTopic":          " · 版块 {topic}",
		"earlier":          "此前问题的回答（{n}）",
		"askedByOn":        "提问：**{sender}**，{date} {time}（第 {line} 行）",
		"noneAsked":        "本日无人提问。",
		"unanswered":       "未回答的问题（{n}）",
		"unansweredLine":   "- **{sender}**，{time}（第 {line} 行 · 对话 {thread}{topic}）：{question}",
		"insideOnly":       "这 {n} 个问题是对话中的追问、插话或反问，未列出；JSON 中以 role `question` 标出。",
		"unansweredInside": "另有 {n} 个是对话中的追问、插话或反问，未列出；JSON 中以 role `question` 标出。",
		"other":            "其他对话（{n}）",
		"otherThread":      "- {thread}{topic}，{kind}，{messages}，{span}：{name}",
		"span":             "{from}–{to}",
		"dateRange":        "{from} 至 {to}",
		"spanOne":          "{time}",
		"noticesOnly":      "- 仅有系统通知：{threads}",
		"notice":           "{thread}{topic}（{time}）",
		"aliases":          "@ 提及的别名",
		"alias":            "- @{mention} = {sender}（{reason}）",
		"why":              "  - 依据：{evidence}",
		"noText":           "（无文字）",
		"image":            "图片",
		"imageText":        "[图片]",
		"replying":         "（回复 {sender}：“{quote}”）{text}",
	}, uitext.ThreadKindsZh),
}

// text is the text of key in lang's table (uitext.Table.Text).
var text = mdTexts.Text

// Lang is the language WriteMarkdown writes day in: lang when it is one
// of uitext.Langs, else (auto: "" or "auto") "zh" when most of the day's
// messages that have letters in them have Chinese characters, else "en"
// (uitext.Choose). Each day is chosen alone, as extract writes each day as
// soon as it is threaded.
func Lang(lang string, day Day) string {
	return uitext.Choose(lang, messageTexts(day))
}

// messageTexts are the texts of a day's messages.
func messageTexts(day Day) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, m := range day.Log.Messages {
			if !yield(m.Text) {
				return
			}
		}
	}
}

// kindText is a thread kind's name in lang; a kind the table lacks keeps
// its JSON name.
func kindText(lang string, k thread.Kind) string {
	if _, ok := mdTexts[lang]["kind."+string(k)]; !ok {
		return string(k)
	}
	return text(lang, "kind."+string(k), 0)
}
