package chatlog

import (
	"bufio"
	"errors"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// FormatCocolian is the Log.Format of logs read by ParseCocolian.
const FormatCocolian = "cocolian"

// cocolianZone is the chats' local zone (China Standard Time, UTC+8); a fixed
// zone so that parsing never depends on the system's tzdata.
var cocolianZone = time.FixedZone("CST", 8*3600)

// headerRE matches a message header line: "> HH:MM:SS" and a space, or the
// end of the line (a blank nickname whose trailing spaces an editor removed).
// The rest of the line is the nickname between a 2-space decoration on each side.
var headerRE = regexp.MustCompile(`^> (\d\d):(\d\d):(\d\d)(?: |$)`)

// headerLen is the length of "> HH:MM:SS".
const headerLen = len("> 00:00:00")

// entityRE matches one semicolon-terminated HTML character reference.
var entityRE = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)

// rawIDRE matches a body that is only a WeChat account id and a colon, which
// the exporter writes for messages it could not render (files, cards): the
// sender's message, with its content lost, not a platform notice. An id has
// at least 6 characters, a letter first, and, as every one in the corpus
// (wxid_nc1f44ewkf5n22, q822090866, chengwendong), no capital letters, so
// that a one-word body a person wrote, such as "Summary:", stays text.
var rawIDRE = regexp.MustCompile(`^[a-z][a-z0-9_-]{5,}:$`)

// schemeRE matches the scheme that starts an absolute URL.
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// fileRE matches a bare attachment file name.
var fileRE = regexp.MustCompile(`(?i)^[^\s@/:\\<>|"?!，。？！、；：]+(?: [^\s@/:\\<>|"?!，。？！、；：]+)*\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|tar|gz|tgz|txt|csv|wps|et|dps|key|numbers|pages|vsdx?|xmind|mmap|rp|apk|ipa)$`)

// stickerRE matches a title that is only a WeChat sticker code such as [动画表情].
var stickerRE = regexp.MustCompile(`^\[[^\[\]]{1,16}\]$`)

// wechatNoticeRE matches a whole text that is a WeChat notice the cocolian
// export writes as the message of the member it is about: a recall ("陈默"
// 撤回了一条消息, 陈默撤回了一条消息, 你撤回了一条消息), a join or an
// invitation ("陈默"邀请"李雷"加入了群聊, "王五"通过扫描二维码加入群聊), a
// removal ("陈默"将"李雷"移出了群聊) or a pat ("陈默" 拍了拍 "李雷", 我拍了拍
// "李四", "张三" 拍了拍我的肩膀). A name is quoted, or 你 or 我; a recall
// may name its member bare (bareRecallRE).
var wechatNoticeRE = regexp.MustCompile(`^(?:` +
	wxNoticeName + ` ?撤回了一条消息(?: 重新编辑)?` +
	`|` + wxNoticeName + `(?:邀请` + wxNoticeName + `(?:[、和]` + wxNoticeName + `)*|通过扫描(?:` + wxNoticeName + `分享的)?二维码)?加入了?群聊` +
	`|` + wxNoticeName + `将` + wxNoticeName + `(?:[、和]` + wxNoticeName + `)*移出了群聊` +
	`|` + wxNoticeName + ` ?拍了拍 ?(?:` + wxNoticeName + `|自己)[^\n，。？！,.?!]{0,16}` +
	`)$`)

// bareRecallRE matches a recall that names its member without quotes
// (陈默撤回了一条消息): a notice only when that member is the message's
// sender, as the export writes it; 刚才谁撤回了一条消息 is a member asking.
var bareRecallRE = regexp.MustCompile(`^([^\s"“”]{1,32})撤回了一条消息(?: 重新编辑)?$`)

// wxNoticeName is a member's name in a WeChat notice: quoted, or 你 or 我.
const wxNoticeName = `(?:["“][^"“”\n]{1,64}["”]|你|我)`

// redPacket is the text WeChat shows for a red packet.
const redPacket = "微信红包"

// ParseCocolian reads one cocolian day archive (a Jekyll post exported from a
// payments WeChat group) and returns its messages.
//
// The file has optional front matter between "---" lines (title, date,
// author, lines, tag; blank lines before it are skipped), then one message
// per header line "> HH:MM:SS  nickname  ", whose body lines follow,
// separated by lines of 3 spaces. Every header yields
// exactly one message, in file order; content before the first header is
// ignored. Message times combine the front-matter date with the header time in
// UTC+8 (in another zone with ParseIn); when there is no front matter,
// Log.Date is "" and times fall on 0001-01-01. path names the input in errors and in Log.Path ("-" for stdin);
// Log.Group is the name of the folder holding path (proddev, devarch, ...).
//
// Bodies are HTML-unescaped (repeatedly, "&amp;amp;amp;" is "&"), their line
// breaks and TABs become spaces, and they are classified: "![..](url)" is an
// image (Text ""); "[title](url)" is a link whose Text and LinkTitle are the
// title, a file attachment when url is empty, a red packet when it is 微信红包,
// a system message when it is a chatroom notice or XML; a bare file name is a
// link without URL; bare 微信红包 is a red packet; "<sysmsg" markup is a
// system message, and so is a WeChat notice written as the text of the
// member it is about (a recall, join, invitation, removal or pat: see
// wechatNoticeRE), which keeps its sender; a bare account id such as
// "wxid_x:" (as body or link title: a file or card the export did not
// render) is a text message with Text "", its content lost (see rawIDRE);
// the rest is text. A text
// of the form "「name: quoted」 - - - reply" sets Quote and keeps only the
// reply in Text; Mentions are extracted from Text with ExtractMentions.
//
// A header time more than twelve hours earlier than the one before is taken
// to be after midnight: it and the messages after it fall on the next day (a
// day archive of a chat that ran from 23:50 until 00:30), while Log.Date
// stays the front-matter date. A smaller step back (a message out of order)
// stays on its day, and so does a message from before midnight listed after
// one from after it (23:59:30 after 00:01).
//
// Errors are *ParseError values positioned at "path:line": input that has
// neither front matter nor a header, an unterminated front matter, a malformed
// front-matter date, an impossible header time, or a read error.
func ParseCocolian(r io.Reader, path string) (*Log, error) {
	return collect(r, path, zone{}, scanCocolian)
}

// scanCocolian is ParseCocolian as a stream: it hands each message to emit
// once its body has ended.
func scanCocolian(r io.Reader, path string, z zone, emit EmitFunc) (*Log, error) {
	p := &cocolianParser{
		br:   bufio.NewReaderSize(r, 64*1024),
		log:  &Log{Path: path, Format: FormatCocolian, Group: groupOf(path)},
		emit: emit,
		tz:   z,
	}
	if err := p.run(); err != nil {
		return nil, err
	}
	return p.log, nil
}

// groupOf returns the name of the folder holding path, "" for stdin or a
// file at the root. A relative path is read from the working directory, and
// symbolic links to the folder are followed, so a day names its group
// however the path was typed or linked (proddev/x.markdown, x.markdown from
// inside proddev, or pd/x.markdown where pd links to proddev).
func groupOf(path string) string {
	if path == "" || path == "-" {
		return ""
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	dir := filepath.Dir(path)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // a folder reached through a link is named by its own name
	}
	g := filepath.Base(dir)
	if g == "." || g == ".." || g == string(filepath.Separator) {
		return ""
	}
	return g
}

// cocolianParser holds the state of one ParseCocolian call.
type cocolianParser struct {
	br     *bufio.Reader
	log    *Log
	emit   EmitFunc  // receives each message once its body has ended
	tz     zone      // the zone the header clocks are read in
	lineNo int       // number of the line last read
	day    time.Time // midnight of the front-matter date, or of 0001-01-01
	eof    bool

	clock    time.Duration // the last header's time of day
	dayShift time.Duration // days the header times have passed midnight, as a duration

	cur     *Message // message whose body is being collected, nil before the first header
	body    []string // the current message's non-blank body lines
	headers int      // headers seen
}

// next returns the next line without its line end; ok is false at the end of input.
func (p *cocolianParser) next() (line string, ok bool, err error) {
	if p.eof {
		return "", false, nil
	}
	s, err := p.br.ReadString('\n')
	if err != nil {
		if !errors.Is(err, io.EOF) {
			return "", false, &ParseError{Path: p.log.Path, Line: p.lineNo + 1, Msg: "read error", Err: err}
		}
		p.eof = true
		if s == "" {
			return "", false, nil
		}
	}
	p.lineNo++
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	if p.lineNo == 1 {
		s = strings.TrimPrefix(s, "\ufeff")
	}
	return s, true, nil
}

// errorf returns a *ParseError at the given line.
func (p *cocolianParser) errorf(line int, format string, args ...any) error {
	return &ParseError{Path: p.log.Path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// run parses the whole input into p.log.
func (p *cocolianParser) run() error {
	p.day = time.Date(1, 1, 1, 0, 0, 0, 0, cocolianZone)
	// Blank lines before the front matter are skipped, as looksCocolian
	// skips them when it recognises the format.
	var first string
	var ok bool
	for {
		var err error
		first, ok, err = p.next()
		if err != nil {
			return err
		}
		if !ok || strings.TrimSpace(first) != "" {
			break
		}
	}
	frontMatter := ok && strings.TrimSpace(first) == "---"
	if frontMatter {
		if err := p.frontMatter(); err != nil {
			return err
		}
	} else if ok {
		if err := p.line(first); err != nil {
			return err
		}
	}
	for {
		line, ok, err := p.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if err := p.line(line); err != nil {
			return err
		}
	}
	if err := p.flush(); err != nil {
		return err
	}
	if !frontMatter && p.headers == 0 {
		return p.errorf(1, "not a cocolian day archive: expected front matter '---' or a '> HH:MM:SS  name' header")
	}
	return nil
}

// frontMatter reads the front matter after its opening "---" line, up to and
// including the closing one.
func (p *cocolianParser) frontMatter() error {
	open := p.lineNo
	for {
		line, ok, err := p.next()
		if err != nil {
			return err
		}
		if !ok {
			return p.errorf(open, "unterminated front matter: expected a closing '---' line")
		}
		if strings.TrimSpace(line) == "---" {
			return nil
		}
		if headerRE.MatchString(line) {
			// A later "---" (a body's rule) would swallow every message up to it.
			return p.errorf(open, "unterminated front matter: the message header at line %d comes before a closing '---' line; add one after the front matter", p.lineNo)
		}
		key, val, found := strings.Cut(line, ":")
		if !found {
			continue
		}
		val = unquote(strings.TrimSpace(val))
		switch strings.TrimSpace(key) {
		case "title":
			p.log.Title = val
		case "author":
			if val != "PaymentGroup" && val != "None" {
				p.log.Speaker = val
			}
		case "date":
			d, _, _ := strings.Cut(val, " ")
			t, err := time.ParseInLocation("2006-01-02", d, cocolianZone)
			if err != nil {
				return p.errorf(p.lineNo, "bad front matter date %q: expected YYYY-MM-DD", val)
			}
			p.log.Date = d
			p.day = t
		}
	}
}

// unquote removes one pair of matching double or single quotes around s.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// line handles one line after the front matter.
func (p *cocolianParser) line(s string) error {
	var m []string
	if strings.HasPrefix(s, "> ") { // most lines are message text: skip the regexp
		m = headerRE.FindStringSubmatch(s)
	}
	if m == nil {
		if p.cur != nil && strings.TrimSpace(s) != "" {
			p.body = append(p.body, s)
		}
		return nil
	}
	// The message before this header is complete: emit it before a bad
	// time stops the scan.
	if err := p.flush(); err != nil {
		return err
	}
	h, mi, sec := atoi2(m[1]), atoi2(m[2]), atoi2(m[3])
	if h > 23 || mi > 59 || sec > 59 {
		return p.errorf(p.lineNo, "bad message time %s:%s:%s: expected HH:MM:SS from 00:00:00 to 23:59:59", m[1], m[2], m[3])
	}
	name := trimUpTo(s[headerLen:], 2, true)
	name = trimUpTo(name, 2, false)
	clock := time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second
	shift := p.dayShift
	switch {
	case p.headers > 0 && clock < p.clock-12*time.Hour:
		p.dayShift += 24 * time.Hour // the chat went on past midnight
		shift = p.dayShift
	case p.dayShift > 0 && clock > p.clock+12*time.Hour:
		shift -= 24 * time.Hour // 23:59 listed after 00:01: out of order, before midnight
	}
	if shift == p.dayShift {
		p.clock = clock // an out-of-order message is no new reference
	}
	p.headers++
	p.cur = &Message{
		Index:  p.headers - 1,
		Line:   p.lineNo,
		Time:   p.tz.wall(p.day.Add(shift + clock)),
		Sender: name,
	}
	return nil
}

// atoi2 converts two ASCII digits.
func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

// trimUpTo removes at most n spaces from the start (or end) of s.
func trimUpTo(s string, n int, start bool) string {
	for i := 0; i < n; i++ {
		if start && strings.HasPrefix(s, " ") {
			s = s[1:]
		} else if !start && strings.HasSuffix(s, " ") {
			s = s[:len(s)-1]
		}
	}
	return s
}

// flush completes the current message and hands it to emit.
func (p *cocolianParser) flush() error {
	if p.cur == nil {
		return nil
	}
	m := p.cur
	classify(m, strings.Join(p.body, "\n"))
	p.cur, p.body = nil, nil
	return p.emit(p.log, *m)
}

// classify sets the type, text, quote, mentions, URL and link title of m from
// its raw body (body lines joined by "\n").
func classify(m *Message, raw string) {
	raw = strings.TrimSpace(raw)
	m.Type = TypeText
	if raw == "" {
		return
	}
	if _, url, ok := splitLink(raw, true); ok {
		// The alt text is only the image's timestamp.
		m.Type = TypeImage
		m.URL = unescape(strings.TrimSpace(url))
		return
	}
	if title, url, ok := splitLink(raw, false); ok {
		if url = unescape(strings.TrimSpace(url)); isLinkTarget(url) {
			classifyLink(m, cleanTitle(title), url)
			return
		}
	}
	text := cleanText(raw)
	switch {
	case text == redPacket:
		m.Type = TypeRedPacket
		m.Text = text
	case rawIDRE.MatchString(text):
		// The sender's own message (a file or a card), which the export
		// could not render: its content is lost, the sender and time stand.
		m.Text = ""
	case strings.Contains(text, "<sysmsg") || wechatNoticeRE.MatchString(text) || isBareRecall(text, m.Sender):
		m.Type = TypeSystem
		m.Text = text
	case fileRE.MatchString(text) && utf8.RuneCountInString(text) <= 160:
		m.Type = TypeLink
		m.Text = text
		m.LinkTitle = text
	default:
		if q, reply, ok := splitQuote(text); ok {
			m.Quote = q
			text = reply
		}
		m.Text = text
		m.Mentions = ExtractMentions(text)
	}
}

// isBareRecall reports whether text is the recall notice of sender, named
// bare (bareRecallRE).
func isBareRecall(text, sender string) bool {
	sub := bareRecallRE.FindStringSubmatch(text)
	return sub != nil && sub[1] == sender
}

// classifyLink sets m from a markdown link's cleaned title and unescaped URL.
func classifyLink(m *Message, title, url string) {
	chatroom := strings.HasSuffix(strings.TrimSuffix(title, ":"), "@chatroom") // the group's own id: a notice
	switch {
	case rawIDRE.MatchString(title) && !chatroom:
		// The sender's own message, which the export could not render.
		m.Type = TypeText
		m.Text = ""
	case strings.Contains(url, "<sysmsg") || strings.Contains(url, "<?xml") || chatroom:
		// A platform notice: keep the id as text.
		m.Type = TypeSystem
		m.Text = title
	case isExporterHTML(url):
		// The exporter leaked its own HTML into the URL; the title is what
		// the sender wrote (a sticker code or a short text).
		switch {
		case title == "":
			m.Type = TypeSystem
		case stickerRE.MatchString(title):
			m.Type = TypeImage
			m.Text = title
		default:
			m.Type = TypeText
			m.Text = title
			m.Mentions = ExtractMentions(title)
		}
	case title == redPacket || strings.Contains(url, "wxhb_"):
		m.Type = TypeRedPacket
		m.Text = redPacket
		m.LinkTitle = title
		m.URL = url
	default:
		// A shared article, or a file attachment when the URL is empty.
		m.Type = TypeLink
		m.Text = title
		m.LinkTitle = title
		m.URL = url
	}
}

// isLinkTarget reports whether url can be a link's target: empty (a file
// attachment), an absolute URL, or markup the exporter put there. Anything
// else, as in "[捂脸](开玩笑的)", is text that merely looks like a link.
func isLinkTarget(url string) bool {
	return url == "" || schemeRE.MatchString(url) || strings.HasPrefix(url, "<") ||
		strings.Contains(url, "@chatroom")
}

// isExporterHTML reports whether a link target is HTML the exporter leaked
// (an Excel-style table row) rather than an address.
func isExporterHTML(url string) bool {
	return strings.HasPrefix(url, "<tr") || strings.HasPrefix(url, "<td") ||
		strings.Contains(url, "mso-height") || strings.Contains(url, "x:str>")
}

// splitLink splits a body that is exactly one markdown link "[title](url)"
// (or image "![alt](url)" when image is set). The title's brackets are
// matched by depth so that "[[动画表情]](url)" has the title "[动画表情]".
func splitLink(s string, image bool) (title, url string, ok bool) {
	if image {
		if !strings.HasPrefix(s, "![") {
			return "", "", false
		}
		s = s[1:]
	}
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, ")") {
		return "", "", false
	}
	end := -1
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			end = i
			break
		}
	}
	if end < 0 || end+1 >= len(s) || s[end+1] != '(' {
		// Unbalanced brackets in the title: fall back to the first "](".
		end = strings.Index(s, "](")
		if end < 0 {
			return "", "", false
		}
	}
	return s[1:end], s[end+2 : len(s)-1], true
}

// cleanTitle unescapes a link title and folds its line breaks into spaces.
func cleanTitle(s string) string {
	return strings.TrimSpace(cleanText(s))
}

// cleanText unescapes HTML character references, turns line breaks and TABs
// into spaces and trims the result.
func cleanText(s string) string {
	s = unescape(s)
	if strings.ContainsAny(s, "\r\n\t") {
		s = lineBreaks.Replace(s)
	}
	return strings.TrimSpace(s)
}

// lineBreaks turns line breaks and TABs into spaces.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// unescape decodes semicolon-terminated HTML character references, repeatedly,
// until the text is stable ("&amp;amp;amp;" becomes "&"). References without a
// semicolon are left alone so that "&param=" in a URL is not read as "¶m=".
func unescape(s string) string {
	for i := 0; i < 16 && strings.IndexByte(s, '&') >= 0; i++ {
		u := entityRE.ReplaceAllStringFunc(s, html.UnescapeString)
		if u == s {
			break
		}
		s = u
	}
	return s
}

// splitQuote splits a quoted reply "「name: quoted」 - - - - reply" into its
// quote and reply. The outer 「 」 are matched by depth so the quoted text may
// contain a nested quote; the colon may be ASCII or full width.
func splitQuote(s string) (*Quote, string, bool) {
	const open, close = "「", "」"
	if !strings.HasPrefix(s, open) {
		return nil, "", false
	}
	depth, end := 0, -1
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], open):
			depth++
			i += len(open)
		case strings.HasPrefix(s[i:], close):
			depth--
			i += len(close)
		default:
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
		if depth == 0 {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, "", false
	}
	inner := s[len(open) : end-len(close)]
	rest := strings.TrimLeft(s[end:], " ")
	dashes := 0
	for strings.HasPrefix(rest, "-") && (len(rest) == 1 || rest[1] == ' ') {
		dashes++
		rest = strings.TrimLeft(rest[1:], " ")
	}
	if dashes == 0 {
		return nil, "", false
	}
	q := &Quote{Text: strings.TrimSpace(inner)}
	if i := quoteColon(inner); i >= 0 {
		q.Sender = strings.TrimSpace(inner[:i])
		_, n := utf8.DecodeRuneInString(inner[i:])
		q.Text = strings.TrimSpace(inner[i+n:])
	}
	return q, strings.TrimSpace(rest), true
}

// quoteColon returns the byte offset of the colon ending the sender's name in a
// quote's inner text, or -1. Colons inside a nested quote or starting "://"
// do not count.
func quoteColon(s string) int {
	depth := 0
	for i, r := range s {
		switch r {
		case '「':
			depth++
		case '」':
			depth--
		case '：':
			if depth == 0 {
				return i
			}
		case ':':
			if depth == 0 && !strings.HasPrefix(s[i:], "://") {
				return i
			}
		}
	}
	return -1
}
