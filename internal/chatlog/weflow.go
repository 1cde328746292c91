package chatlog

import (
	"cmp"
	"encoding/json"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// FormatWeFlow is the Log.Format of logs read by ParseWeFlow.
const FormatWeFlow = "weflow"

// weflowRecord is one message of a WeFlow JSON export (its JsonFormatter's
// msgObj, or the compact message of the arkme-json variant).
type weflowRecord struct {
	LocalID           wxString `json:"localId"`
	CreateTime        wxInt    `json:"createTime"`
	Type              wxString `json:"type"`      // type name: 文本消息, 图片消息, 引用消息, ...
	LocalType         wxInt    `json:"localType"` // WeChat type, its subtype in the high 32 bits
	Content           wxString `json:"content"`
	SenderUsername    wxString `json:"senderUsername"`
	SenderDisplayName wxString `json:"senderDisplayName"`
	SenderID          wxString `json:"senderID"` // arkme-json: index into senders
	PlatformMessageID wxString `json:"platformMessageId"`
	ReplyToMessageID  wxString `json:"replyToMessageId"`
	AppMsgType        wxString `json:"appMsgType"`
	AppMsgKind        wxString `json:"appMsgKind"`
	LinkTitle         wxString `json:"linkTitle"`
	LinkURL           wxString `json:"linkUrl"`
	QuotedSender      wxString `json:"quotedSender"`
	QuotedContent     wxString `json:"quotedContent"`
	EmojiCdnURL       wxString `json:"emojiCdnUrl"`
	EmojiCaption      wxString `json:"emojiCaption"`
}

// weflowSession is the export's session: the chat it holds.
type weflowSession struct {
	AccountID   wxString `json:"accountId"`
	Wxid        wxString `json:"wxid"` // older exports
	Nickname    wxString `json:"nickname"`
	Remark      wxString `json:"remark"`
	DisplayName wxString `json:"displayName"`
}

// weflowSender is one entry of an arkme-json export's senders array.
type weflowSender struct {
	SenderID      wxString `json:"senderID"`
	AccountID     wxString `json:"accountId"`
	DisplayName   wxString `json:"displayName"`
	Nickname      wxString `json:"nickname"`
	GroupNickname wxString `json:"groupNickname"`
}

// ParseWeFlow reads a WeFlow (hicccc77/WeFlow) JSON chat export:
// {"weflow": {...}, "session": {...}, "messages": [...]}, each message
// {localId, createTime, formattedTime, type, localType, content, isSend,
// senderUsername, senderDisplayName, platformMessageId?, replyToMessageId?,
// appMsgType?, appMsgKind?, linkTitle?, linkUrl?, quotedSender?,
// quotedContent?, ...}. The arkme-json variant, whose messages carry a
// senderID into a "senders" array, is read too.
//
// ID is platformMessageId (the WeChat server id, which replyToMessageId
// refers to), or localId when the message has none; ReplyToID is
// replyToMessageId. Time is createTime (unix seconds) in UTC+8 (in another
// zone with ParseIn). Sender is
// senderDisplayName (the name WeFlow chose by its display-name preference;
// in arkme-json the sender's groupNickname, else displayName), or
// senderUsername when empty; SenderID is senderUsername. A quoted reply
// (quotedSender/quotedContent set, appMsgKind "quote", type 引用消息) is text
// whose Quote is quotedSender and quotedContent (with no SenderID: WeFlow
// writes the name; an appmsg refer left as XML gives its chatusr), and WeFlow's appended
// "[引用 sender：text]" is removed from Text. The type follows the type name,
// appMsgKind, appMsgType and localType, any of which a record may carry
// alone; localType is WeChat's type, an app message's subtype in its high 32
// bits (WeChat 4) or packed into one 32-bit type (WeChat 3: 922746929 is a
// pat). Images (URL = exported media path), videos and stickers (URL =
// emojiCdnUrl) are images; voice, transfers (转账消息, "[转账] ￥200.00"),
// locations (位置消息) and contact cards (名片消息) are text, as the other
// WeChat readers make them; red packets (appMsgKind red-packet, 红包消息,
// subtype 2001) are red packets; links, files, chat records, music, mini
// programs and channel posts are links (LinkTitle = linkTitle, URL =
// linkUrl); pats (拍一拍, subtype 62, which WeFlow names 其他消息), recalls
// (撤回, 10002; a recall's sysmsg XML is read for its text), joins, invites
// and removals (10000, 系统消息), group notices and calls are system
// messages, which threading passes over; the rest is text. Log.Title and
// Log.Group are the session's displayName (else remark, nickname or account
// id).
//
// Message.Line is the source line of the record's opening '{'. Errors are
// *ParseError values naming the record by its 1-based ordinal in the
// messages array: a document without a messages array, a record that is not
// a message object, a createTime out of range, or a file cut short. Line is
// the source line of the offending value: a createTime's or a field of the
// wrong type's (the record's first line when the record is not an object).
// An error met after some records were read (a file cut short, a bad
// record) comes with the log of the records before it, so that a reader
// keeps the days before the error; its senders and session are those
// read before the error.
func ParseWeFlow(r io.Reader, path string) (*Log, error) {
	return parseWeFlow(r, path, zone{})
}

// parseWeFlow is ParseWeFlow with the times shown in z.
func parseWeFlow(r io.Reader, path string, z zone) (*Log, error) {
	j := newWXJSON(r, path)
	log := &Log{Path: path, Format: FormatWeFlow, Messages: make([]Message, 0)}
	const want = `a WeFlow JSON export (an object with "session" and "messages")`
	d, err := j.start(want)
	if err != nil {
		return nil, err
	}
	if d != '{' {
		return nil, &ParseError{Path: path, Line: 1, Msg: "not a WeFlow export: expected " + want}
	}
	var (
		session weflowSession
		senders = map[string]weflowSender{}
		unnamed []int // messages whose sender is only an arkme senderID
		found   bool
	)
	each := func(raw json.RawMessage, rec int) error {
		var c weflowRecord
		if err := json.Unmarshal(raw, &c); err != nil {
			return j.faultErrorf(&c, "record %d: expected a WeFlow message object: %v", rec, err)
		}
		t, ok := wxUnix(int64(c.CreateTime))
		if !ok {
			return j.fieldErrorf("createTime", "record %d: createTime %d out of range: expected unix seconds", rec, int64(c.CreateTime))
		}
		m := Message{Line: j.startLine(), Time: z.instant(t), ID: string(c.PlatformMessageID), ReplyToID: string(c.ReplyToMessageID)}
		if m.ID == "" || m.ID == "0" {
			m.ID = string(c.LocalID)
		}
		if m.ReplyToID == "0" {
			m.ReplyToID = ""
		}
		m.SenderID = string(c.SenderUsername)
		m.Sender = string(c.SenderDisplayName)
		if m.Sender == "" {
			m.Sender = m.SenderID
		}
		if m.Sender == "" && c.SenderID != "" {
			m.SenderID = "senderID:" + string(c.SenderID) // replaced from senders below
			unnamed = append(unnamed, len(log.Messages))
		}
		weflowClassify(&m, &c)
		log.Messages = append(log.Messages, m)
		return nil
	}
	err = j.object(func(key string) error {
		switch key {
		case "session":
			return j.value(&session, "session")
		case "senders":
			var list []weflowSender
			if err := j.value(&list, "senders"); err != nil {
				return err
			}
			for _, s := range list {
				senders[string(s.SenderID)] = s
			}
			return nil
		case "messages":
			if found {
				return j.skip(key)
			}
			d, err := j.peekDelim(key)
			if err != nil {
				return err
			}
			if d != '[' {
				return j.errorf(`"messages" is not an array: expected an array of WeFlow messages`)
			}
			found = true
			_, err = j.records(0, each)
			return err
		default:
			return j.skip(key)
		}
	})
	if err == nil && !found {
		return nil, &ParseError{Path: path, Line: 1, Msg: `not a WeFlow export: expected a "messages" array`}
	}
	if err == nil {
		err = j.end()
	}
	if err != nil && len(log.Messages) == 0 {
		return nil, err
	}
	for _, i := range unnamed {
		m := &log.Messages[i]
		id := strings.TrimPrefix(m.SenderID, "senderID:")
		s, ok := senders[id]
		if !ok {
			m.SenderID, m.Sender = "", id
			continue
		}
		m.SenderID = string(s.AccountID)
		for _, name := range []wxString{s.GroupNickname, s.DisplayName, s.Nickname, s.AccountID} {
			if name != "" {
				m.Sender = string(name)
				break
			}
		}
	}
	for _, name := range []wxString{session.DisplayName, session.Remark, session.Nickname, session.AccountID, session.Wxid} {
		if name != "" {
			log.Title = string(name)
			break
		}
	}
	log.Group = log.Title
	log.ChatID = string(cmp.Or(session.AccountID, session.Wxid))
	wxFinish(log)
	return log, err
}

// weflowURLRE finds an http(s) address in a link's content.
var weflowURLRE = regexp.MustCompile(`https?://[^\s\]\)）]+`)

// weflowMarkerRE matches a leading "[链接] ", "[文件] " or similar marker.
var weflowMarkerRE = regexp.MustCompile(`^\[[^\[\]]{1,8}\]\s*`)

// WeChat's message types, as WeFlow writes them in localType: the type of
// WeChat's message table, an app message's subtype in the high 32 bits of
// WeChat 4's local_type (quote 57<<32|49 = 244813135921, pat 62<<32|49 =
// 266287972401).
//
// Sources. hicccc77/WeFlow electron/services/export/formatters/
// JsonFormatter.ts (commit 9fa96cd, msgObj near line 321) writes type =
// getMessageTypeName(localType, content), localType as WeChat stores it, and
// appMsgType/appMsgKind in arkme-json (in json for quotes and links only).
// Its electron/services/exportService.ts (commit 0ad1de4): getMessageTypeName
// names 1 文本消息, 3 图片消息, 34 语音消息, 42 名片消息, 43 视频消息, 47 动画表情,
// 48 位置消息, 49 链接消息, 50 通话消息, 10000 系统消息 (and any sysmsg, a recall's
// too), subtypes 3 音乐消息, 87 群公告, 2000 转账消息, 5 链接消息, 6 文件消息,
// 19 聊天记录, 33/36 小程序消息, 57 引用消息, anything else 其他消息 (a pat, a
// red packet of WeChat 4); parseMessageContent writes 10000 and
// 266287972401 (拍一拍) as their text, 42 as [名片], 48 as
// "[位置] name label (x,y)", 50 as "[语音通话] 02:31", 2000 as
// "[转账] ￥200.00" or "[转账收款] …";
// extractArkmeAppMessageMeta gives a pat appMsgKind "card". WeChat's own
// table: lich0821/WeChatFerry WeChatFerry/spy/message_handler.cpp,
// GetMsgTypes (line 144 on, commit 132fa51), with 0x37000031 = 922746929
// 拍一拍 at line 173.
const (
	weflowCard     = 42    // 名片: a contact card
	weflowLocation = 48    // 位置
	weflowApp      = 49    // an app message: link, file, transfer, quote, pat, ...
	weflowCall     = 50    // VOIPMSG: a voice or video call
	weflowSysNote  = 9999  // SYSNOTICE
	weflowSystem   = 10000 // system notices: joins, invites, renames, pats of WeChat 3
	weflowRevoke   = 10002 // 撤回消息: a recall, and other sysmsg notices
)

// weflowSystemTypes are the localTypes of notices rather than messages, as
// WeChat's table names them: 37 好友确认, 40 POSSIBLEFRIEND_MSG, 51 微信初始化,
// 52 VOIPNOTIFY, 53 VOIPINVITE, besides calls, SYSNOTICE, system notices
// and recalls.
var weflowSystemTypes = map[int64]bool{
	37: true, 40: true, 51: true, 52: true, 53: true,
	weflowCall: true, weflowSysNote: true, weflowSystem: true, weflowRevoke: true,
}

// weflowPackedApps maps the localTypes of WeChat 3 that pack an app message
// into one 32-bit type (its low byte 49, 0x31) to the app subtype read for
// it. WeChat's table (GetMsgTypes, above) names them: 0x31000031 引用消息,
// 0x37000031 拍一拍 (922746929), 0x1A000031 微信红包, 0x20010031 红包封面,
// 0x41000031 文件, 0x01000031 链接, 0x3E000031 音乐链接, 0x2D000031 视频号视频,
// 0x2E000031 视频号名片, 0x3A000031 and 0x3A200031 视频号直播, 0x3A100031
// 商品链接; 0x19000031 微信转账 is MemoTrace's (mtTransferType). The link-like
// ones read as 5, a link.
var weflowPackedApps = map[int64]int64{
	0x31000031: 57,   // 引用消息
	0x37000031: 62,   // 拍一拍
	0x19000031: 2000, // 微信转账
	0x1A000031: 2001, // 微信红包
	0x20010031: 2003, // 红包封面
	0x41000031: 6,    // 文件
	0x01000031: 5,    // 链接
	0x3E000031: 5,    // 音乐链接
	0x2D000031: 5,    // 视频号视频
	0x2E000031: 5,    // 视频号名片
	0x3A000031: 5,    // 视频号直播
	0x3A100031: 5,    // 商品链接
	0x3A200031: 5,    // 视频号直播
}

// weflowSogouSticker is the localType WeChat's table names 搜狗表情 (0x100031).
const weflowSogouSticker = 0x100031

// weflowAppType returns the app message subtype a record carries: its
// appMsgType (arkme-json, and quotes and links in json), else the high 32
// bits of a localType whose low 32 bits are 49, else the subtype of a packed
// WeChat 3 type (weflowPackedApps); 0 when none.
func weflowAppType(c *weflowRecord) int64 {
	if t, err := strconv.ParseInt(string(c.AppMsgType), 10, 64); err == nil && t > 0 {
		return t
	}
	lt := int64(c.LocalType)
	if lt&0xffffffff == weflowApp {
		return lt >> 32
	}
	return weflowPackedApps[lt]
}

// weflowClassify sets m's type and content from a WeFlow record. A record
// is read by its type name (WeFlow's getMessageTypeName: 文本消息, 系统消息,
// 转账消息, ...), its appMsgKind and appMsgType, and its localType, any of
// which it may carry alone: WeFlow names a pat 其他消息, for one, so its
// localType tells it.
func weflowClassify(m *Message, c *weflowRecord) {
	content := wxText(string(c.Content))
	lt := int64(c.LocalType)
	base := lt & 0xffffffff
	kind := string(c.AppMsgKind)
	appType := weflowAppType(c)
	name := string(c.Type)

	// Content WeFlow could not render is the raw appmsg XML.
	if app, ok := wxParseApp(content); ok {
		if app.Type == 0 {
			app.Type = appType
		}
		wxSetApp(m, app)
		return
	}
	quoted := c.QuotedSender != "" || c.QuotedContent != ""
	switch {
	case quoted || kind == "quote" || appType == 57 || name == "引用消息":
		text, q := weflowSplitQuote(content, string(c.QuotedSender), string(c.QuotedContent))
		wxSetText(m, text)
		m.Quote = q
	case appType == 62:
		// 拍一拍: WeFlow writes its text ("张三" 拍了拍 "李四").
		wxSet(m, TypeSystem, content)
	case name == "系统消息" || name == "通话消息" || weflowSystemTypes[base]:
		// Joins, invites, recalls (撤回), pats of WeChat 3, calls. An older
		// WeFlow leaves a recall's sysmsg XML as it is.
		if strings.Contains(content, "<sysmsg") {
			content = memoTraceSystemText(content)
		}
		wxSet(m, TypeSystem, content)
	case name == "图片消息" || base == 3:
		wxSet(m, TypeImage, "")
		m.URL = weflowMediaPath(content)
	case name == "视频消息" || base == 43:
		wxSet(m, TypeImage, wxVideo)
		m.URL = weflowMediaPath(content)
	case name == "动画表情" || base == 47 || lt == weflowSogouSticker:
		text := content
		if text == "" || weflowMediaPath(text) != "" {
			text = wxSticker
		}
		wxSet(m, TypeImage, text)
		m.URL = string(c.EmojiCdnURL)
		if m.URL == "" {
			m.URL = weflowMediaPath(content)
		}
	case name == "语音消息" || base == 34:
		if content == "" || weflowMediaPath(content) != "" {
			content = wxVoice
		}
		wxSet(m, TypeText, content)
	case name == "名片消息" || base == weflowCard:
		// As the other WeChat readers read it: a placeholder, text.
		wxSet(m, TypeText, weflowOr(content, "[名片]"))
	case name == "位置消息" || base == weflowLocation:
		wxSet(m, TypeText, weflowOr(content, "[位置]"))
	case kind == "red-packet" || appType == 2001 || appType == 2003 || name == "红包消息":
		title := strings.TrimSpace(weflowMarkerRE.ReplaceAllString(content, ""))
		wxSetRedPacket(m, title)
	case kind == "transfer" || appType == 2000 || name == "转账消息":
		// Text, as the other WeChat readers read a transfer: "[转账] ￥100.00".
		wxSet(m, TypeText, weflowOr(content, "[转账]"))
	case kind == "announcement" || appType == 87 || name == "群公告":
		wxSet(m, TypeSystem, content)
	case kind == "link" || kind == "file" || kind == "chat-record" || kind == "music" || kind == "miniapp" || kind == "finder" ||
		name == "链接消息" || name == "文件消息" || name == "聊天记录" || name == "音乐消息" || name == "音乐分享" || name == "小程序消息" ||
		base == weflowApp || appType != 0:
		title, url := string(c.LinkTitle), string(c.LinkURL)
		if url == "" {
			url = weflowURLRE.FindString(content)
		}
		if title == "" {
			first, _, _ := strings.Cut(content, "\n")
			if url != "" {
				first = strings.Replace(first, url, "", 1)
			}
			title = strings.TrimSpace(weflowMarkerRE.ReplaceAllString(first, ""))
		}
		wxSetLink(m, wxText(title), url)
	default:
		wxSetText(m, content)
	}
}

// weflowOr returns s, or placeholder when s is empty.
func weflowOr(s, placeholder string) string {
	if s == "" {
		return placeholder
	}
	return s
}

// weflowSplitQuote removes the "[引用 sender：text]" WeFlow appends to a quoted
// reply's content and returns the reply and the quote (from the quoted
// fields when present, else from the appended label; nil when neither is).
func weflowSplitQuote(content, sender, quoted string) (string, *Quote) {
	const open = "[引用 "
	reply := content
	label := ""
	if i := strings.LastIndex(content, open); i >= 0 && strings.HasSuffix(content, "]") {
		reply = wxText(content[:i])
		label = content[i+len(open) : len(content)-1]
	}
	if sender == "" && quoted == "" {
		if label == "" {
			return reply, nil
		}
		if s, t, ok := strings.Cut(label, "："); ok {
			return reply, &Quote{Sender: strings.TrimSpace(s), Text: wxText(t)}
		}
		return reply, &Quote{Text: wxText(label)}
	}
	return reply, &Quote{Sender: sender, Text: wxText(quoted)}
}

// weflowMediaPath returns content when it is the path or address of an
// exported media file rather than a bracketed placeholder such as [图片].
func weflowMediaPath(content string) string {
	if content == "" || strings.HasPrefix(content, "[") || strings.ContainsAny(content, "\n") {
		return ""
	}
	if strings.Contains(content, "/") || strings.Contains(content, `\`) || strings.Contains(content, ".") {
		return content
	}
	return ""
}

// weflowKeyRE matches WeFlow's "weflow" header member.
var weflowKeyRE = regexp.MustCompile(`"weflow"\s*:\s*\{`)

// looksWeFlow reports whether head looks like a WeFlow JSON export: an object
// opening with the "weflow" header, or with a "session" followed by messages
// that carry WeFlow's senderUsername or localType fields.
func looksWeFlow(head []byte) bool {
	s := wxHead(head)
	if !strings.HasPrefix(s, "{") {
		return false
	}
	switch wxFirstKey(s) {
	case "weflow":
		return true
	case "chatlab", "_type":
		return false
	case "session":
		return strings.Contains(s, `"messages"`) || strings.Contains(s, `"senderUsername"`) || strings.Contains(s, `"localType"`)
	}
	return weflowKeyRE.MatchString(s) && strings.Contains(s, `"session"`)
}
