package chatlog

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The Log.Format names of the MemoTrace (LC044/WeChatMsg) exports.
const (
	FormatMemoTraceCSV = "memotrace-csv" // 聊天记录/<remark>/<remark>_utf8.csv
	FormatMemoTraceTXT = "memotrace-txt" // 聊天记录/<remark>/<remark>.txt
)

// memoTraceCSVHeader is the header MemoTrace's CSV exporter writes: the MSG
// table's columns, then the sender's contact remark, nickname and wxid.
var memoTraceCSVHeader = []string{"localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime", "Status", "StrContent", "StrTime", "Remark", "NickName", "Sender"}

// Column indexes of the MemoTrace CSV.
const (
	mtLocalID = iota
	mtTalkerID
	mtType
	mtSubType
	mtIsSender
	mtCreateTime
	mtStatus
	mtStrContent
	mtStrTime
	mtRemark
	mtNickName
	mtSender
)

// memoTraceCSVShape is the first line of a MemoTrace CSV record, for the
// runaway quote check (see wxCSVRunaway): the columns up to StrContent, the
// first that may hold a line end (those before it are numbers, so a record
// whose StrContent is quoted has them on its first line however its quote
// ends), with CreateTime a time of WeChat's (see memoTraceRecordTime).
var memoTraceCSVShape = wxCSVShape{header: memoTraceCSVHeader, cols: mtStrContent + 1, timeCol: mtCreateTime, time: memoTraceRecordTime, chatCol: mtTalkerID, chat: memoTraceTalkerID}

// memoTraceTalkerID reports whether s reads as a MemoTrace TalkerId: the
// number of a chat in the phone's database.
func memoTraceTalkerID(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// memoTraceRecordEpoch is 2000-01-01 in unix seconds, earlier than any
// WeChat message.
const memoTraceRecordEpoch = 946684800

// memoTraceRecordTime reports whether s is a CreateTime a MemoTrace record
// holds: unix seconds, digits only, from memoTraceRecordEpoch on. The reader
// takes any number of seconds; the runaway quote check asks for a time of
// WeChat's, so that the small numbers of code or lists inside a message do
// not read as a record.
func memoTraceRecordTime(s string) bool {
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return false
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil || sec < memoTraceRecordEpoch {
		return false
	}
	_, ok := wxUnix(sec)
	return ok
}

// Legacy WeChat PC message types that pack the app type into the type.
const (
	mtRedPacketType = 436207665 // 微信红包
	mtTransferType  = 419430449 // 微信转账
)

// ParseMemoTraceCSV reads the CSV export of MemoTrace (LC044/WeChatMsg):
// a header "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,
// StrContent,StrTime,Remark,NickName,Sender" (UTF-8, usually with a byte order
// mark) and one record per row of WeChat's MSG table.
//
// ID is localId. Time is CreateTime (unix seconds) in UTC+8, or StrTime read
// as UTC+8 when CreateTime is empty (with ParseIn, CreateTime shown in its
// zone, StrTime read in it). Sender is Remark (the name MemoTrace
// displays), else NickName, else Sender; SenderID is Sender (the wxid). The
// chat has no name in the file: Log.Title and Log.Group are the file name
// without its extension and MemoTrace's "_utf8" suffix. Type and SubType
// give the kind: 1 text; 3 image; 43 video and 47 sticker are images (URL =
// the sticker's cdnurl); 34 voice is text "[语音]"; 42 card and 48 location
// are text placeholders; 49 is an app message whose StrContent XML, when the
// export has it, gives the link title and URL, or the reply text and quoted
// message of a SubType 57 reply (Quote; ReplyToID stays empty, as the
// export has no server ids); without XML, SubType 57 is text "", 2001 a red packet, 2000 a
// transfer (text), 87 a group notice (system) and any other a link; 436207665
// is a red packet; 10000 and 10002 are system messages (revoke markup is
// removed, a <replacemsg> is used when present); 50 calls are system
// messages; any other type is text.
//
// Message.Line is the line the record starts on. Every record after the
// header is a message, including a last record cut short. Errors are
// *ParseError values: a wrong header, a non-numeric Type or SubType, no
// usable time, malformed CSV, or a runaway quote: a quoted field whose
// closing quote is missing, so that it takes in the rows after it, is found
// by a line inside it that reads as the start of a record of its own (at
// least the columns up to StrContent, CreateTime unix seconds from 2000 on)
// and reported at the line the quote opened on.
func ParseMemoTraceCSV(r io.Reader, path string) (*Log, error) {
	return collect(r, path, zone{}, scanMemoTraceCSV)
}

// scanMemoTraceCSV is ParseMemoTraceCSV as a stream: it hands each message
// to emit as it is read.
func scanMemoTraceCSV(r io.Reader, path string, z zone, emit EmitFunc) (*Log, error) {
	cr, _, err := newWXCSV(r, path, memoTraceCSVHeader)
	if err != nil {
		return nil, err
	}
	log := &Log{Path: path, Format: FormatMemoTraceCSV, Title: memoTraceChatName(path)}
	log.Group = log.Title
	var date logDate
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			if err := cr.cutShort(); err != nil {
				return nil, err
			}
			break
		}
		if err != nil {
			return nil, wxCSVError(path, err)
		}
		if err := wxCSVRunawayError(path, cr.Reader, rec, memoTraceCSVShape); err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		errorf := func(format string, args ...any) error {
			return &ParseError{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)}
		}
		f := func(i int) string { return strings.TrimSpace(wxField(rec, i)) }
		typ, err := strconv.ParseInt(f(mtType), 10, 64)
		if err != nil {
			return nil, errorf("bad Type %q: expected an integer message type", wxClip(f(mtType), 40))
		}
		var sub int64
		if s := f(mtSubType); s != "" {
			if sub, err = strconv.ParseInt(s, 10, 64); err != nil {
				return nil, errorf("bad SubType %q: expected an integer", wxClip(s, 40))
			}
		}
		t, ok := memoTraceTime(f(mtCreateTime), f(mtStrTime), z)
		if !ok {
			return nil, errorf("bad CreateTime %q and StrTime %q: expected unix seconds or YYYY-MM-DD HH:MM:SS", wxClip(f(mtCreateTime), 40), wxClip(f(mtStrTime), 40))
		}
		m := Message{Line: line, ID: f(mtLocalID), Time: t, SenderID: f(mtSender)}
		for _, name := range []string{f(mtRemark), f(mtNickName), f(mtSender)} {
			if name != "" {
				m.Sender = name
				break
			}
		}
		memoTraceClassify(&m, typ, sub, wxField(rec, mtStrContent))
		date.number(&m)
		if err := emit(log, m); err != nil {
			return nil, err
		}
	}
	log.Date = date.get()
	return log, nil
}

// memoTraceTime reads a CSV row's time from CreateTime (unix seconds, an
// instant shown in z), else from StrTime (local time, read as UTC+8 or in
// z).
func memoTraceTime(create, str string, z zone) (time.Time, bool) {
	if sec, err := strconv.ParseInt(create, 10, 64); err == nil {
		t, ok := wxUnix(sec)
		if !ok {
			return time.Time{}, false
		}
		return z.instant(t), true
	}
	if t, err := time.ParseInLocation("2006-01-02 15:04:05", str, wechatZone); err == nil {
		return z.wall(t), true
	}
	return time.Time{}, false
}

// memoTraceChatName returns the chat name MemoTrace puts in its file names:
// the base name without extension and without a "_utf8" suffix.
func memoTraceChatName(path string) string {
	if path == "" || path == "-" {
		return ""
	}
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return strings.TrimSuffix(base, "_utf8")
}

// memoTraceClassify sets m from a MSG row's type, subtype and StrContent.
func memoTraceClassify(m *Message, typ, sub int64, content string) {
	content = wxText(content)
	switch typ {
	case 1:
		wxSetText(m, content)
	case 3:
		wxSet(m, TypeImage, "")
	case 34:
		wxSet(m, TypeText, wxVoice)
	case 42:
		wxSet(m, TypeText, "[名片]")
	case 43:
		wxSet(m, TypeImage, wxVideo)
	case 47:
		wxSet(m, TypeImage, wxSticker)
		m.URL = wxStickerURL(content)
	case 48:
		wxSet(m, TypeText, "[位置]")
	case 50:
		wxSet(m, TypeSystem, wxCall)
	case 10000, 10002:
		wxSet(m, TypeSystem, memoTraceSystemText(content))
	case mtRedPacketType:
		wxSetRedPacket(m, "")
	case mtTransferType:
		wxSet(m, TypeText, "[转账]")
	case 49:
		if app, ok := wxParseApp(content); ok {
			if app.Type == 0 {
				app.Type = sub
			}
			wxSetApp(m, app)
			// IDs here are localIds; refermsg's svrid is a server id that
			// no message of the export carries.
			m.ReplyToID = ""
			return
		}
		switch sub {
		case 57:
			wxSetText(m, content)
		case 2001, 2003:
			wxSetRedPacket(m, "")
		case 2000:
			wxSet(m, TypeText, "[转账]")
		case 87:
			wxSet(m, TypeSystem, "[群公告]")
		case 62:
			wxSet(m, TypeSystem, content)
		case 6:
			wxSetLinkPlaceholder(m, "[文件]")
		case 19:
			wxSetLinkPlaceholder(m, "[聊天记录]")
		default:
			wxSetLinkPlaceholder(m, "[链接]")
		}
	default:
		wxSetText(m, content)
	}
}

// memoTraceRevokeRE matches the "re-edit" link WeChat appends to a revoke notice.
var memoTraceRevokeRE = regexp.MustCompile(`\s*<a href="weixin://revoke_edit_click">[^<]*</a>`)

// memoTraceSystemText returns the readable text of a system message: the
// <replacemsg> of sysmsg XML, or the text without CDATA markers and the
// revoke re-edit link.
func memoTraceSystemText(content string) string {
	if strings.Contains(content, "<sysmsg") {
		if t := wxTag(content, "replacemsg"); t != "" {
			return t
		}
		return content
	}
	content = strings.ReplaceAll(content, "<![CDATA[", "")
	content = memoTraceRevokeRE.ReplaceAllString(content, "")
	content = strings.ReplaceAll(content, "]]>", "")
	return wxText(content)
}

// ---------------------------------------------------------------------------
// MemoTrace TXT.

// memoTraceHeaderRE matches a MemoTrace TXT header: "YYYY-MM-DD HH:MM:SS name"
// (or the text of a system message in place of the name).
var memoTraceHeaderRE = regexp.MustCompile(`^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?: (.*))?$`)

// ParseMemoTraceTXT reads the TXT export of MemoTrace (LC044/WeChatMsg): per
// message a header "YYYY-MM-DD HH:MM:SS name", the body lines and a blank
// line. A system message is its header alone, the notice in place of the
// name, followed by the blank line.
//
// A header is a line of that shape at the start of the file or after a blank
// line; every header is one message and the lines up to the blank lines
// before the next header are its body. Times are the exporter's local time,
// read as UTC+8 (in another zone with ParseIn); Sender is the header's name (MemoTrace's display name: the
// contact remark, else the nickname); there are no ids. Bodies are
// classified by MemoTrace's placeholders: "[图片]" is an image (Text ""),
// "[视频]" and "[表情包]" are images with that text, "[语音]" is text, "[文件]"
// and "[音乐分享]" are links, a "[链接]:title:..." card with its description,
// url and name lines is a link (LinkTitle, URL), 微信红包 is a red packet; a
// body whose last part starts with a line "引用:name:text" is a quoted reply
// whose Quote is name and text ("引用:未知" gives no Quote); the rest is text.
// The chat has no name in the file: Log.Title and Log.Group are the file name
// without its extension.
//
// Errors are *ParseError values at "path:line": input whose first non-blank
// line is not a header, or an impossible date or time. A last message cut
// short is kept (a header alone at the end of the file is a message with an
// empty text, not a system message).
func ParseMemoTraceTXT(r io.Reader, path string) (*Log, error) {
	return collect(r, path, zone{}, scanMemoTraceTXT)
}

// scanMemoTraceTXT is ParseMemoTraceTXT as a stream: it hands each message
// to emit once its body has ended.
func scanMemoTraceTXT(r io.Reader, path string, z zone, emit EmitFunc) (*Log, error) {
	lr := newWXLineReader(r, path)
	log := &Log{Path: path, Format: FormatMemoTraceTXT, Title: memoTraceChatName(path)}
	log.Group = log.Title
	var (
		date      logDate
		cur       *Message
		rest      string // the header's text after the time
		body      []string
		after     int // lines read after the current header
		prevBlank = true
	)
	flush := func() error {
		if cur == nil {
			return nil
		}
		body = wxTrimBlankTail(body)
		if len(body) == 0 && after > 0 {
			// A header followed by a blank line: a system notice.
			wxSet(cur, TypeSystem, wxText(rest))
		} else {
			cur.Sender = rest
			memoTraceTXTBody(cur, body)
		}
		m := *cur
		cur, body = nil, nil
		date.number(&m)
		return emit(log, m)
	}
	for {
		line, ok, err := lr.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		blank := wxBlank(line)
		if prevBlank && !blank {
			if h := memoTraceHeaderRE.FindStringSubmatch(line); h != nil {
				// The message before this header is complete: emit it
				// before a bad time stops the scan.
				if err := flush(); err != nil {
					return nil, err
				}
				t, err := time.ParseInLocation("2006-01-02 15:04:05", line[:19], wechatZone)
				if err != nil {
					return nil, &ParseError{Path: path, Line: lr.n, Msg: fmt.Sprintf("bad message time %q: expected a valid YYYY-MM-DD HH:MM:SS", line[:19])}
				}
				cur = &Message{Line: lr.n, Time: z.wall(t)}
				rest, after = h[7], 0
				prevBlank = false
				continue
			}
			if cur == nil {
				return nil, &ParseError{Path: path, Line: lr.n, Msg: "not a MemoTrace TXT export: expected a 'YYYY-MM-DD HH:MM:SS name' header line"}
			}
		}
		if cur != nil {
			body = append(body, line)
			after++
		}
		prevBlank = blank
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if date.n == 0 {
		return nil, &ParseError{Path: path, Line: 1, Msg: "empty input: expected a 'YYYY-MM-DD HH:MM:SS name' header line"}
	}
	log.Date = date.get()
	return log, nil
}

// memoTraceTXTBody sets m from the body lines of a MemoTrace TXT message.
func memoTraceTXTBody(m *Message, lines []string) {
	trimmed := make([]string, len(lines))
	for i, l := range lines {
		trimmed[i] = strings.TrimSpace(l)
	}
	body := wxText(strings.Join(lines, "\n"))
	if len(trimmed) > 0 && strings.HasPrefix(trimmed[0], "[链接]:title:") {
		title := strings.TrimPrefix(trimmed[0], "[链接]:title:")
		url := ""
		for _, l := range trimmed[1:] {
			if v, ok := strings.CutPrefix(l, "url:"); ok {
				url = v
			}
		}
		if title == "None" {
			title = ""
		}
		if url == "None" {
			url = ""
		}
		wxSetLink(m, title, url)
		return
	}
	for k, l := range trimmed {
		quote, ok := strings.CutPrefix(l, "引用:")
		if !ok {
			continue
		}
		reply := wxText(strings.Join(lines[:k], "\n"))
		wxSetText(m, reply)
		if quote == "未知" && k == len(lines)-1 {
			return
		}
		quote = wxText(strings.Join(append([]string{quote}, lines[k+1:]...), "\n"))
		name, text, found := strings.Cut(quote, ":")
		if !found {
			name, text = "", quote
		}
		m.Quote = &Quote{Sender: strings.TrimSpace(name), Text: wxText(text)}
		return
	}
	switch body {
	case "[图片]":
		wxSet(m, TypeImage, "")
	case "[视频]", "[表情包]", wxSticker:
		wxSet(m, TypeImage, body)
	case wxVoice:
		wxSet(m, TypeText, body)
	case "[文件]", "[音乐分享]":
		wxSetLinkPlaceholder(m, body)
	case redPacket, "[红包]":
		wxSetRedPacket(m, "")
	default:
		wxSetText(m, body)
	}
}

// looksMemoTraceCSV reports whether head opens with MemoTrace's CSV header.
func looksMemoTraceCSV(head []byte) bool {
	h := strings.ToLower(strings.ReplaceAll(wxFirstLine(wxHead(head)), " ", ""))
	return h == strings.ToLower(strings.Join(memoTraceCSVHeader, ","))
}

// looksMemoTraceTXT reports whether head opens with a MemoTrace TXT header
// "YYYY-MM-DD HH:MM:SS name".
func looksMemoTraceTXT(head []byte) bool {
	return memoTraceHeaderRE.MatchString(wxFirstLine(wxHead(head)))
}
