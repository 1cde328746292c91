package digest

import "github.com/cocolian/threads/internal/uitext"

// markdownTexts are the Markdown digest's and the knowledge base's own
// words (headings, labels, counts: not what people wrote, and not the
// entry files' front matter, which is data), one table per language with
// the same keys (see uitext.Table). What they share with the HTML page
// (the title and summary, "Other questions", "Unanswered questions",
// "asked twice since …", "undated", "line 12") comes from its table,
// pageTexts, so both say it alike. The Chinese ones use the page's terms:
// 对话 a thread, 主题 a topic, 问答 an entry, 回答 an answer; a line
// before the knowledge base's Marker (beforeMarker) says in Chinese what
// the Marker says in English.
var markdownTexts = uitext.Table{
	"en": {
		"noEntries":       "No answered or repeated questions.",
		"unansweredItem":  "- {where}, **{asker}**: {question} ({source})",
		"askedAgain":      ", {asked}",
		"topic":           "{name} ({gloss})",
		"sep":             ", ",
		"askedOn":         "Asked {times} ({date})",
		"askedFromTo":     "Asked {times} ({first} to {last})",
		"notAnswered":     ", not answered",
		"answers":         ", {answers}",
		"answeredTimes":   ", answered {times}, {answers}",
		"answerCount":     "{n} answer|{n} answers",
		"once":            "once",
		"twice":           "twice",
		"times":           "{n} times",
		"topics":          " Topics: {topics}.",
		"entryID":         " Entry {id}.",
		"occurrence":      "- {where}: **{asker}** asked ({source}):",
		"laterDate":       "{date}, ",
		"answer":          "  - **{sender}** ({date}{place}):",
		"kbOccurrence":    "{where}: {asker}",
		"kbAnswer":        "- **{sender}**{later}:",
		"kbLater":         " ({date})",
		"beforeMarker":    "",
		"noAnswer":        "No answer in the chat.",
		"source":          "Source: {source}",
		"kbTitle":         "Knowledge base: {span}",
		"kbSpan":          "{first} to {last}",
		"kept":            "; {n} kept from earlier runs",
		"end":             ".",
		"lastRun":         "Last run: {summary}",
		"kbItem":          ": asked {times}, last {date}",
		"unansweredOfRun": "Unanswered questions of the last run",
		"image":           "image",
	},
	"zh": {
		"noEntries":       "暂无已回答或多次被问到的问题。",
		"unansweredItem":  "- {where}，**{asker}**：{question}（{source}）",
		"askedAgain":      "，{asked}",
		"topic":           "{name}：{gloss}",
		"sep":             "、",
		"askedOn":         "提问 {times}（{date}）",
		"askedFromTo":     "提问 {times}（{first} 至 {last}）",
		"notAnswered":     "，无人回答",
		"answers":         "，{answers}",
		"answeredTimes":   "，其中 {times}得到回答，{answers}",
		"answerCount":     "共 {n} 条回答",
		"once":            "1 次",
		"twice":           "2 次",
		"times":           "{n} 次",
		"topics":          "主题：{topics}。",
		"entryID":         "问答编号 {id}。",
		"occurrence":      "- {where}：**{asker}** 提问（{source}）：",
		"laterDate":       "{date}，",
		"answer":          "  - **{sender}**（{date}{place}）：",
		"kbOccurrence":    "{where} · {asker}",
		"kbAnswer":        "- **{sender}**{later}：",
		"kbLater":         "（{date}）",
		"beforeMarker":    "<!-- 此线以下的编辑会在重新生成时保留 -->\n",
		"noAnswer":        "群里没有人回答。",
		"source":          "来源：{source}",
		"kbTitle":         "知识库：{span}",
		"kbSpan":          "{first} 至 {last}",
		"kept":            "，{n} 个来自此前的更新",
		"end":             "。",
		"lastRun":         "本次更新：{summary}",
		"kbItem":          "：提问 {times}，最近一次提问于 {date}",
		"unansweredOfRun": "暂无人回答的问题（本次更新）",
		"image":           "图片",
	},
}

// mdText is the text of key in lang's Markdown table
// (uitext.Table.Text).
var mdText = markdownTexts.Text
