// Package mdtext writes chat text into Markdown so that it renders as it was
// written: emphasis marks, code spans, links, HTML, tables and the like in a
// message show as the characters they are. The FAQ writers of
// internal/export and internal/digest share it.
package mdtext

import (
	"strings"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/chatlog"
)

// Escape writes s as Markdown inline text on one line: runs of white space
// become one space; the ASCII punctuation that can start or close Markdown
// syntax (\ ` * _ [ ] # | ~) is backslash-escaped, wherever it is; < and >
// become &lt; and &gt;, and & becomes &amp; where it would start an entity
// (&lt; &#169;); at the start of the text, where it could open a list item
// or a thematic break in a block quote, a - or + before a space (or a - before
// another) and the . or ) after a number before a space are escaped too. Other characters, Chinese text and emoji among them, are
// written as they are.
//
// An http or https address in the text is written as an autolink
// (<https://...>), so it stays clickable and reads exactly as pasted. It
// ends at white space, at a character outside printable ASCII (chat often
// runs Chinese text on after an address) and before closing punctuation
// (. , : ; ! ? ' " * _ ~ and a ) or ] it did not open). An address cut
// short (followed at once by "…") or holding what autolinks would read as
// an entity (&amp;) is text, not a link, with its colon
// escaped so that GitHub's Markdown does not link it either. An address
// without a scheme that starts www. (www.example.com/a_b), which GitHub's
// Markdown would link by itself but cut at an escaped character, is a link
// to it over http showing it as typed ([www\.example.com/a\_b](http://…));
// where it is text, its first dot is escaped.
func Escape(s string) string {
	return escape(s, true, true)
}

// Link writes a Markdown link to dest with text, escaped as Escape does
// but with addresses in it written as text (a link may not hold a link).
// A link without text shows its address. The destination is written as it
// is when it can be; otherwise spaces and control characters are
// percent-encoded and ( ) < > \ and an & that would start an entity are
// backslash-escaped. A destination with a scheme other than http, https,
// mailto or ftp (javascript:, data:, file:) is no link: the text is
// followed by the address as text, in parentheses.
func Link(text, dest string) string {
	if strings.TrimSpace(text) == "" {
		text = dest
	}
	if !safeScheme(dest) {
		return escape(text, false, true) + " (" + escape(dest, false, true) + ")"
	}
	return "[" + escape(text, false, true) + "](" + destination(dest) + ")"
}

// safeScheme reports whether dest is a relative reference, which has no
// scheme, or an address whose scheme a reader may follow: http, https,
// mailto or ftp. A scheme is a letter, then letters, digits, + - or ., up
// to the first colon, before any / ? or #.
func safeScheme(dest string) bool {
	i := strings.IndexAny(dest, ":/?#")
	if i <= 0 || dest[i] != ':' {
		return true
	}
	scheme := dest[:i]
	for k := 0; k < len(scheme); k++ {
		c := scheme[k]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (k == 0 || !isAlnum(c) && c != '+' && c != '-' && c != '.') {
			return true // no scheme: the colon is part of a path
		}
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto", "ftp":
		return true
	}
	return false
}

// escape is Escape; links says whether addresses become autolinks, start
// whether s starts a line.
func escape(s string, links, start bool) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	if start {
		b.WriteString(escapeStart(&s))
	}
	for i := 0; i < len(s); {
		if n := urlAt(s, i); n > 0 {
			u := s[i : i+n]
			if r, _ := utf8.DecodeRuneInString(s[i+n:]); links && r != '…' && !hasEntity(u) {
				b.WriteString("<" + u + ">")
				i += n
				continue
			}
			// Text: an escaped colon keeps GFM from linking it anyway.
			k := strings.IndexByte(u, ':')
			b.WriteString(u[:k] + `\:`)
			i += k + 1
			continue
		}
		if n := wwwAt(s, i); n > 0 {
			u := s[i : i+n]
			if r, _ := utf8.DecodeRuneInString(s[i+n:]); links && r != '…' && !hasEntity(u) {
				b.WriteString(Link(u, "http://"+u))
				i += n
				continue
			}
			// Text: an escaped dot keeps GFM from linking it anyway.
			b.WriteString(u[:3] + `\.`)
			i += 4
			continue
		}
		c := s[i]
		switch {
		case strings.IndexByte("\\`*_[]#|~", c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '&' && entityAt(s, i):
			b.WriteString("&amp;")
		default:
			b.WriteByte(c)
		}
		i++
	}
	return b.String()
}

// escapeStart escapes what could open a block at the start of s, a list
// item or a thematic break, and takes it off s.
func escapeStart(s *string) string {
	t := *s
	if t == "" {
		return ""
	}
	if t[0] == '-' && (len(t) == 1 || t[1] == ' ' || t[1] == '-') || t[0] == '+' && (len(t) == 1 || t[1] == ' ') {
		*s = t[1:]
		return `\` + t[:1]
	}
	n := 0
	for n < len(t) && n < 10 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n > 0 && n <= 9 && n < len(t) && (t[n] == '.' || t[n] == ')') && (n+1 == len(t) || t[n+1] == ' ') {
		*s = t[n+1:]
		return t[:n] + `\` + t[n:n+1]
	}
	return ""
}

// entityAt reports whether the & at s[i] starts what Markdown would read as
// an entity or a numeric character reference: & then letters, digits or #,
// then ;.
func entityAt(s string, i int) bool {
	j := i + 1
	for j < len(s) && (isAlnum(s[j]) || s[j] == '#') {
		j++
	}
	return j > i+1 && j < len(s) && s[j] == ';'
}

// hasEntity reports whether s holds an & that starts an entity.
func hasEntity(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '&' && entityAt(s, i) {
			return true
		}
	}
	return false
}

// urlAt returns the length of the http or https address that starts at
// s[i], or 0.
func urlAt(s string, i int) int {
	if s[i] != 'h' && s[i] != 'H' {
		return 0
	}
	if i > 0 && isAlnum(s[i-1]) {
		return 0
	}
	rest := s[i:]
	var scheme int
	switch {
	case hasPrefixFold(rest, "https://"):
		scheme = len("https://")
	case hasPrefixFold(rest, "http://"):
		scheme = len("http://")
	default:
		return 0
	}
	if n := addressEnd(rest, scheme); n > scheme {
		return n
	}
	return 0
}

// addressEnd returns where the address that starts rest ends, its first
// lead bytes (its scheme, or www.) taken: at white space, a character
// outside printable ASCII or < >, and before closing punctuation.
func addressEnd(rest string, lead int) int {
	n := lead
	for n < len(rest) && rest[n] > ' ' && rest[n] < 0x7f && rest[n] != '<' && rest[n] != '>' {
		n++
	}
	// Closing punctuation ends a sentence, not the address.
	for n > lead {
		c := rest[n-1]
		if strings.IndexByte(".,:;!?'\"*_~", c) >= 0 ||
			c == ')' && strings.Count(rest[:n], "(") < strings.Count(rest[:n], ")") ||
			c == ']' && strings.Count(rest[:n], "[") < strings.Count(rest[:n], "]") {
			n--
			continue
		}
		break
	}
	return n
}

// wwwAt returns the length of the address without a scheme that starts
// at s[i] (www.example.com/a_b, which GitHub's Markdown links by itself),
// or 0: www. at the start, after white space, ( * _ ~ or a character
// outside ASCII (官网www.…), then a domain of two parts or more of
// letters, digits, - and _, then a path, ending as urlAt's addresses end.
func wwwAt(s string, i int) int {
	if s[i] != 'w' && s[i] != 'W' || !hasPrefixFold(s[i:], "www.") {
		return 0
	}
	if i > 0 && s[i-1] < utf8.RuneSelf && strings.IndexByte(" \t(*_~", s[i-1]) < 0 {
		return 0 // foo@www.…, sub.www.…, ftp://www.…, [www.…](…): GitHub links none of them so
	}
	rest := s[i:]
	const lead = len("www.")
	n := addressEnd(rest, lead)
	domain := rest[lead:n]
	if k := strings.IndexAny(domain, "/?#"); k >= 0 {
		domain = domain[:k]
	}
	if domain == "" || !strings.Contains(domain, ".") || !isAlnum(domain[0]) ||
		strings.IndexFunc(domain, func(r rune) bool { return r >= utf8.RuneSelf || !isAlnum(byte(r)) && !strings.ContainsRune("-_.", r) }) >= 0 {
		return 0
	}
	return n
}

// destination writes a link destination so that Markdown reads it back as
// dest.
func destination(dest string) string {
	if !strings.ContainsAny(dest, " ()<>\\&") && !hasControl(dest) {
		return dest
	}
	var b strings.Builder
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case c <= ' ' || c == 0x7f:
			b.WriteString("%")
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		case strings.IndexByte("()<>\\", c) >= 0 || c == '&' && entityAt(dest, i):
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] == 0x7f {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Code writes s as a Markdown code span that shows it exactly: fenced
// by one backtick more than its longest run of them, and padded with a
// space inside the fences when it starts or ends with a backtick, or starts
// and ends with a space (CommonMark strips one such space from each end).
// Line endings, which a code span shows as spaces, are written as spaces,
// so that no line of s can start a block of its own (a heading, a list).
func Code(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
	fence := codeFence(s, 1)
	pad := strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") ||
		len(s) >= 2 && s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != ""
	if pad {
		s = " " + s + " "
	}
	return fence + s + fence
}

// codeFence is the run of backticks that fences code: one longer than the
// longest run in code, and least long at the least.
func codeFence(code string, least int) string {
	longest, run := 0, 0
	for i := 0; i < len(code); i++ {
		if code[i] != '`' {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	return strings.Repeat("`", max(least, longest+1))
}

// Body writes a message's text as Escape does, but with the stretches its
// sender marked as code (chatlog.Code, split as chatlog.CodeParts does)
// shown as code: code inside a line as a code span (see Code), a block, or
// code of several lines, as a fenced code block on lines of its own, its
// lines as written. The text after a block goes on on a line of its own.
// Every line after the first starts with indent, which keeps it in the
// list item or block quote the text is written in ("  " after "- ", "> "
// in a quote; an empty line of code gets indent without its trailing
// spaces). The fence is a run of backticks longer than any in the code,
// and names the block's language when CodeParts gives one. So text without
// code is exactly what Escape writes, and no code can end its block or
// leave its container early.
func Body(text string, code []chatlog.Code, indent string) string {
	if len(code) == 0 {
		return Escape(text)
	}
	w := bodyWriter{indent: indent, lineStart: true}
	for _, p := range chatlog.CodeParts(text, code) {
		switch {
		case !p.Code:
			w.text(p.Text)
		case p.Block:
			w.block(p.Text, p.Lang)
		default:
			w.span(p.Text)
		}
	}
	return w.b.String()
}

// Spaced is md after a space, to follow a label on its line ("- **Bo**:",
// ">"), or md as it is when it starts with a line break (Body's block
// first): no line ends in a space.
func Spaced(md string) string {
	if strings.HasPrefix(md, "\n") {
		return md
	}
	return " " + md
}

// A bodyWriter writes Body's output.
type bodyWriter struct {
	b          strings.Builder
	indent     string
	lineStart  bool // the next text starts a line (of the container)
	afterBlock bool // a block was just written: text goes on on a new line
	space      bool // white space is pending between what was written and what comes next
}

// text writes plain text, escaped, its runs of white space as one space.
func (w *bodyWriter) text(s string) {
	words := strings.Join(strings.Fields(s), " ")
	if words == "" {
		w.space = w.space || s != ""
		return
	}
	w.startText(s != "" && isSpace(s[0]))
	if w.lineStart {
		w.b.WriteString(Escape(words))
	} else {
		w.b.WriteString(escapeInside(words))
	}
	w.lineStart = false
	w.space = isSpace(s[len(s)-1])
}

// span writes code inside a line.
func (w *bodyWriter) span(src string) {
	w.startText(false)
	w.b.WriteString(Code(src))
	w.lineStart = false
	w.space = false
}

// startText starts a new line after a block, or writes the space pending
// (or lead, the space the text starts with) before more of the line.
func (w *bodyWriter) startText(lead bool) {
	switch {
	case w.afterBlock:
		w.b.WriteString("\n" + w.indent)
		w.afterBlock, w.lineStart = false, true
	case !w.lineStart && (w.space || lead):
		w.b.WriteByte(' ')
	}
	w.space = false
}

// block writes src as a fenced code block on lines of its own.
func (w *bodyWriter) block(src, lang string) {
	fence := codeFence(src, 3)
	blank := strings.TrimRight(w.indent, " ")
	w.b.WriteString("\n" + w.indent + fence + lang)
	for _, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) == "" {
			w.b.WriteString("\n" + blank)
			continue
		}
		w.b.WriteString("\n" + w.indent + line)
	}
	w.b.WriteString("\n" + w.indent + fence)
	w.afterBlock, w.lineStart, w.space = true, true, false
}

// escapeInside escapes text that goes on a line, where nothing it starts
// with can open a block: Escape without the escapes of a line's start.
func escapeInside(s string) string {
	return escape(s, true, false)
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
