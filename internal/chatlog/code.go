package chatlog

import (
	"regexp"
	"strings"
)

// backtickCode returns the stretches of text that Discord's Markdown shows
// as code: a block between ``` fences, whose first line names its language
// when it is one word alone on that line (```go), and code inside a line
// between two runs of as many backticks (`ctx`; a`b between runs of two).
// A backslash before a backtick makes it a backtick, not markup.
func backtickCode(text string) []Code {
	var out []Code
	for i := 0; i < len(text); {
		switch text[i] {
		case '\\':
			i += 2 // the character after it is itself; a byte of a longer one is no '`' or '\\'
			continue
		case '`':
		default:
			i++
			continue
		}
		n := backtickRun(text, i)
		if n >= 3 {
			if c, ok := fencedCode(text, i); ok {
				out = append(out, c)
				i = c.End
				continue
			}
		}
		if j := closingRun(text, i+n, n); j > i+n {
			out = append(out, Code{Start: i, End: j + n, From: i + n, To: j})
			i = j + n
			continue
		}
		i += n
	}
	return out
}

// backtickRun is the number of backticks from text[i] on.
func backtickRun(text string, i int) int {
	n := 0
	for i+n < len(text) && text[i+n] == '`' {
		n++
	}
	return n
}

// closingRun returns where the next run of exactly n backticks starts in
// text from from on, or -1.
func closingRun(text string, from, n int) int {
	for j := from; j < len(text); {
		if text[j] != '`' {
			j++
			continue
		}
		k := backtickRun(text, j)
		if k == n {
			return j
		}
		j += k
	}
	return -1
}

// fenceLangRE matches the language that opens a fenced block: one word
// alone on the fence's line.
var fenceLangRE = regexp.MustCompile(`^([A-Za-z0-9_+\-.#]+)\n`)

// fencedCode reads the block that the ``` at text[i] opens, as Discord
// does: the language line if there is one, then at least one character
// that is no line break, up to the next ```; the line breaks around the
// code are no part of it. It reports false when there is no such block.
func fencedCode(text string, i int) (Code, bool) {
	open := i + 3
	try := func(from int, lang string) (Code, bool) {
		for from < len(text) && text[from] == '\n' {
			from++
		}
		if from >= len(text) || text[from] == '\n' {
			return Code{}, false
		}
		k := strings.Index(text[from+1:], "```")
		if k < 0 {
			return Code{}, false
		}
		end := from + 1 + k
		to := end
		for to > from && text[to-1] == '\n' {
			to--
		}
		return Code{Start: i, End: end + 3, From: from, To: to, Block: true, Lang: lang}, true
	}
	if m := fenceLangRE.FindStringSubmatch(text[open:]); m != nil {
		if c, ok := try(open+len(m[0]), m[1]); ok {
			return c, true
		}
	}
	return try(open, "")
}

// A CodePart is a piece of a message's text: text, or code its sender
// marked (see CodeParts).
type CodePart struct {
	Text  string // the text as written, or the code without its markup
	Code  bool   // code, not text
	Block bool   // code shown as a block of lines: a block, or code of several lines
	Lang  string // a block's language when it is a plain word (letters, digits, _ + - . #), else ""
}

// CodeParts splits text into the text and the code its sender marked
// (code, as Message.Code gives it), in order, as the writers show them. A
// stretch of code that is not one of text's, or that holds only white
// space, is text. The line breaks around a block's code are no part of
// it, and code inside a line right after code inside a line, with
// nothing between, joins it (two spans side by side would read as one).
// Text parts are never empty.
func CodeParts(text string, code []Code) []CodePart {
	var parts []CodePart
	at := 0
	addText := func(end int) {
		if end > at {
			parts = append(parts, CodePart{Text: text[at:end]})
		}
	}
	for _, c := range code {
		if c.Start < at || c.End > len(text) || c.From < c.Start || c.To > c.End || c.From > c.To {
			continue // no stretch of this text; what it covers is text
		}
		src := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text[c.From:c.To])
		src = strings.Trim(src, "\n")
		if strings.TrimSpace(src) == "" {
			continue
		}
		block := c.Block || strings.Contains(src, "\n")
		if n := len(parts); !block && n > 0 && c.Start == at && parts[n-1].Code && !parts[n-1].Block {
			parts[n-1].Text += src
			at = c.End
			continue
		}
		addText(c.Start)
		p := CodePart{Text: src, Code: true, Block: block}
		if block && plainWord(c.Lang) {
			p.Lang = c.Lang
		}
		parts = append(parts, p)
		at = c.End
	}
	addText(len(text))
	return parts
}

// plainWord reports whether lang is a short word of letters, digits and
// _ + - . #, which may name a block's language.
func plainWord(lang string) bool {
	if lang == "" || len(lang) > 32 {
		return false
	}
	for i := 0; i < len(lang); i++ {
		c := lang[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') && strings.IndexByte("_+-.#", c) < 0 {
			return false
		}
	}
	return true
}
