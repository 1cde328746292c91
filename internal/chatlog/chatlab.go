package chatlog

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// FormatChatLab is the Log.Format of logs read by ParseChatLab.
const FormatChatLab = "chatlab"

// chatlabMeta is the meta object of a ChatLab export.
type chatlabMeta struct {
	Name     wxString `json:"name"`
	Platform wxString `json:"platform"`
	Type     wxString `json:"type"`
	GroupID  wxString `json:"groupId"`
}

// chatlabMember is one entry of a ChatLab export's members.
type chatlabMember struct {
	PlatformID    wxString `json:"platformId"`
	AccountName   wxString `json:"accountName"`
	GroupNickname wxString `json:"groupNickname"`
}

// chatlabMessage is one ChatLab message.
type chatlabMessage struct {
	Sender            wxString `json:"sender"`
	AccountName       wxString `json:"accountName"`
	GroupNickname     wxString `json:"groupNickname"`
	Timestamp         wxInt    `json:"timestamp"`
	Type              wxInt    `json:"type"`
	Content           wxString `json:"content"`
	PlatformMessageID wxString `json:"platformMessageId"`
	ReplyToMessageID  wxString `json:"replyToMessageId"`
}

// chatlabLine is one line of a ChatLab JSONL export: a header, a member or a
// message, told apart by _type.
type chatlabLine struct {
	Kind       *string     `json:"_type"`
	Meta       chatlabMeta `json:"meta"`
	PlatformID wxString    `json:"platformId"`
	chatlabMessage
}

// ParseChatLab reads a ChatLab standard-format export (hellodigua/ChatLab
// format spec v0.0.2, as WeFlow and other tools write it), in either form:
//
//   - JSON: {"chatlab": {...}, "meta": {name, platform, type, ...},
//     "members": [{platformId, accountName, groupNickname, ...}],
//     "messages": [{sender, accountName, groupNickname, timestamp, type,
//     content, platformMessageId?, replyToMessageId?}]};
//   - JSONL: one object per line, told apart by "_type": a "header" line
//     ({chatlab, meta}), "member" lines and "message" lines; blank lines and
//     lines starting with "#" are skipped.
//
// The form is sniffed: JSONL when the first object's first key is "_type" or
// its first line is a complete object with a "_type".
//
// ID is platformMessageId and ReplyToID replyToMessageId. Time is timestamp
// (unix seconds; a value above 10^11 is taken as milliseconds) in UTC+8 (in
// another zone with ParseIn).
// SenderID is sender (the member's platformId); Sender is the message's
// groupNickname, else the member's groupNickname, else the message's
// accountName, else the member's, else the id. Types follow the spec's table:
// 0 TEXT, 8 LOCATION, 21 TRANSFER, 25 REPLY, 27 CONTACT and unknown types are
// text; 1 IMAGE (URL = content when it is a path or address), 3 VIDEO and
// 5 EMOJI are images; 2 VOICE is text ("[语音]" when empty); 4 FILE, 7 LINK,
// 24 SHARE and 26 FORWARD are links (a "[title](url)" content gives LinkTitle
// and URL); 20 RED_PACKET is a red packet; 22 POKE, 23 CALL, 80 SYSTEM and
// 81 RECALL are system messages. Log.Title and Log.Group are meta.name,
// Log.ChatID meta.groupId.
//
// Message.Line is the source line the message's record starts on: that of
// its opening '{' in JSON, its line in JSONL. Errors are *ParseError values
// naming the record by its 1-based ordinal (in the messages array for JSON,
// among the lines neither blank nor comments for JSONL): a document without
// messages, a malformed or cut-short record, a field of the wrong type, an
// unknown _type, or a timestamp out of range. Line is the source line of the
// offending value (in JSON, a timestamp's or a field of the wrong type's,
// the record's first line when the record is not an object; in JSONL, the
// record's line); a JSON file that ends inside its messages array (a
// download interrupted, a disk full) says so, after which record, and to
// export the chat again, at the line the input ends on. An error met after
// some messages were read (a file cut short, a bad record) comes with the
// log of the messages before it, as ParseWeFlow's does.
func ParseChatLab(r io.Reader, path string) (*Log, error) {
	return parseChatLab(r, path, zone{})
}

// parseChatLab is ParseChatLab with the times shown in z.
func parseChatLab(r io.Reader, path string, z zone) (*Log, error) {
	br := bufio.NewReaderSize(r, 64*1024)
	head, _ := br.Peek(64 * 1024)
	p := &chatlabParser{
		tz:      z,
		path:    path,
		log:     &Log{Path: path, Format: FormatChatLab, Messages: make([]Message, 0)},
		members: map[string]chatlabMember{},
	}
	var err error
	if chatlabIsJSONL(head) {
		err = p.jsonl(br)
	} else {
		err = p.json(br)
	}
	if err != nil && len(p.log.Messages) == 0 {
		return nil, err
	}
	p.finish()
	return p.log, err
}

// chatlabParser holds the state of one ParseChatLab call.
type chatlabParser struct {
	tz      zone // the zone the times are shown in
	path    string
	log     *Log
	meta    chatlabMeta
	members map[string]chatlabMember
	byGroup []bool // per message: its Sender is the message's own groupNickname
}

// json reads the JSON form.
func (p *chatlabParser) json(r io.Reader) error {
	j := newWXJSON(r, p.path)
	const want = `a ChatLab JSON export (an object with "meta", "members" and "messages")`
	d, err := j.start(want)
	if err != nil {
		return err
	}
	if d != '{' {
		return &ParseError{Path: p.path, Line: 1, Msg: "not a ChatLab export: expected " + want}
	}
	found := false
	err = j.object(func(key string) error {
		switch key {
		case "meta":
			return j.value(&p.meta, "meta")
		case "members":
			d, err := j.peekDelim(key)
			if err != nil || d != '[' {
				if err == nil && d != 0 {
					err = j.skipRest(d, key)
				}
				return err
			}
			_, err = j.records(0, func(raw json.RawMessage, rec int) error {
				var mem chatlabMember
				if err := json.Unmarshal(raw, &mem); err != nil {
					return j.faultErrorf(&mem, "member %d: expected a member object: %v", rec, err)
				}
				p.members[string(mem.PlatformID)] = mem
				return nil
			})
			return err
		case "messages":
			if found {
				return j.skip(key)
			}
			d, err := j.peekDelim(key)
			if err != nil {
				return err
			}
			if d != '[' {
				return j.errorf(`"messages" is not an array: expected an array of ChatLab messages`)
			}
			found = true
			_, err = j.records(0, func(raw json.RawMessage, rec int) error {
				var c chatlabMessage
				if err := json.Unmarshal(raw, &c); err != nil {
					return j.faultErrorf(&c, "record %d: expected a ChatLab message object: %v", rec, err)
				}
				if err := p.add(&c, j.startLine()); err != nil {
					return j.fieldErrorf("timestamp", "record %d: %v", rec, err)
				}
				return nil
			})
			return cutInMessages(err, &j.jsonSource, len(p.log.Messages), "record", "the chat")
		default:
			return j.skip(key)
		}
	})
	if err != nil {
		return err
	}
	if !found {
		return &ParseError{Path: p.path, Line: 1, Msg: `not a ChatLab export: expected a "messages" array`}
	}
	return j.end()
}

// jsonl reads the JSONL form.
func (p *chatlabParser) jsonl(r io.Reader) error {
	lr := newWXLineReader(r, p.path)
	rec := 0
	for {
		line, ok, err := lr.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		rec++
		var c chatlabLine
		if err := json.Unmarshal([]byte(t), &c); err != nil {
			msg := fmt.Sprintf("record %d: expected a ChatLab object", rec)
			switch {
			case !json.Valid([]byte(t)) && lr.eof:
				msg = fmt.Sprintf("record %d: the line is cut short (the file ends inside it) or malformed", rec)
			case !json.Valid([]byte(t)):
				msg = fmt.Sprintf("record %d: malformed JSON line", rec)
			}
			return &ParseError{Path: p.path, Line: lr.n, Msg: msg, Err: err}
		}
		kind := "<missing>"
		if c.Kind != nil {
			kind = *c.Kind
		}
		switch kind {
		case "header":
			p.meta = c.Meta
		case "member":
			p.members[string(c.PlatformID)] = chatlabMember{PlatformID: c.PlatformID, AccountName: c.AccountName, GroupNickname: c.GroupNickname}
		case "message":
			if err := p.add(&c.chatlabMessage, lr.n); err != nil {
				return &ParseError{Path: p.path, Line: lr.n, Msg: fmt.Sprintf("record %d: %v", rec, err)}
			}
		default:
			return &ParseError{Path: p.path, Line: lr.n, Msg: fmt.Sprintf("record %d: unknown _type %q: expected \"header\", \"member\" or \"message\"", rec, wxClip(kind, 40))}
		}
	}
	if rec == 0 {
		return &ParseError{Path: p.path, Line: 1, Msg: "empty input: expected ChatLab JSONL lines (a _type header line, member and message lines)"}
	}
	return nil
}

// add appends one message at the given line. Its only error is about the
// timestamp.
func (p *chatlabParser) add(c *chatlabMessage, line int) error {
	ts := int64(c.Timestamp)
	if ts > 99999999999 || ts < -99999999999 {
		ts /= 1000 // milliseconds
	}
	t, ok := wxUnix(ts)
	if !ok {
		return fmt.Errorf("timestamp %d out of range: expected unix seconds", int64(c.Timestamp))
	}
	m := Message{Line: line, Time: p.tz.instant(t), ID: string(c.PlatformMessageID), ReplyToID: string(c.ReplyToMessageID), SenderID: string(c.Sender)}
	m.Sender = string(c.GroupNickname)
	p.byGroup = append(p.byGroup, m.Sender != "")
	if m.Sender == "" {
		m.Sender = string(c.AccountName)
	}
	chatlabClassify(&m, c)
	p.log.Messages = append(p.log.Messages, m)
	return nil
}

// finish resolves senders against the members and fills the log's fields.
func (p *chatlabParser) finish() {
	for i := range p.log.Messages {
		m := &p.log.Messages[i]
		mem, ok := p.members[m.SenderID]
		switch {
		case p.byGroup[i]:
		case ok && mem.GroupNickname != "":
			m.Sender = string(mem.GroupNickname)
		case m.Sender == "" && ok && mem.AccountName != "":
			m.Sender = string(mem.AccountName)
		}
		if m.Sender == "" {
			m.Sender = m.SenderID
		}
	}
	p.log.Title = string(p.meta.Name)
	p.log.Group = p.log.Title
	p.log.ChatID = string(p.meta.GroupID)
	wxFinish(p.log)
}

// chatlabLinkRE matches a content that is one markdown link "[title](url)".
var chatlabLinkRE = regexp.MustCompile(`(?s)^\[(.*)\]\((\S*)\)$`)

// chatlabClassify sets m's type and content from a ChatLab message type.
func chatlabClassify(m *Message, c *chatlabMessage) {
	content := wxText(string(c.Content))
	switch c.Type {
	case 1: // IMAGE
		wxSet(m, TypeImage, "")
		m.URL = weflowMediaPath(content)
	case 2: // VOICE
		if content == "" || weflowMediaPath(content) != "" {
			content = wxVoice
		}
		wxSet(m, TypeText, content)
	case 3: // VIDEO
		wxSet(m, TypeImage, wxVideo)
		m.URL = weflowMediaPath(content)
	case 5: // EMOJI
		text := content
		if text == "" || weflowMediaPath(text) != "" {
			text = wxSticker
		}
		wxSet(m, TypeImage, text)
		m.URL = weflowMediaPath(content)
	case 4, 7, 24, 26: // FILE, LINK, SHARE, FORWARD
		title, url := content, ""
		if mm := chatlabLinkRE.FindStringSubmatch(content); mm != nil {
			title, url = mm[1], mm[2]
		} else if c.Type == 26 {
			title, _, _ = strings.Cut(content, "\n")
		}
		title = strings.TrimSpace(weflowMarkerRE.ReplaceAllString(title, ""))
		if title == "" {
			title = content
		}
		wxSetLink(m, wxText(title), url)
	case 20: // RED_PACKET
		wxSetRedPacket(m, strings.TrimSpace(weflowMarkerRE.ReplaceAllString(content, "")))
	case 22, 23, 80, 81: // POKE, CALL, SYSTEM, RECALL
		wxSet(m, TypeSystem, content)
	default: // TEXT, LOCATION, TRANSFER, REPLY, CONTACT, OTHER
		wxSetText(m, content)
	}
}

// chatlabIsJSONL reports whether the start of a ChatLab file is JSONL: its
// first object's first key is "_type", or its first line is a complete
// object with a "_type" member.
func chatlabIsJSONL(head []byte) bool {
	s := strings.TrimLeft(strings.TrimPrefix(string(head), wxBOM), " \t\r\n")
	if wxFirstKey(s) == "_type" {
		return true
	}
	line, _, found := strings.Cut(s, "\n")
	if !found || !strings.HasPrefix(line, "{") {
		return false
	}
	var probe struct {
		Kind *string `json:"_type"`
	}
	return json.Unmarshal([]byte(line), &probe) == nil && probe.Kind != nil
}

// chatlabKeyRE matches ChatLab's "chatlab" header member.
var chatlabKeyRE = regexp.MustCompile(`"chatlab"\s*:\s*\{`)

// looksChatLab reports whether head looks like a ChatLab export: a JSON
// object opening with "chatlab" (or holding a "chatlab" header and a "meta"),
// or a JSONL first line whose first key is "_type".
func looksChatLab(head []byte) bool {
	s := wxHead(head)
	if !strings.HasPrefix(s, "{") {
		return false
	}
	switch wxFirstKey(s) {
	case "chatlab", "_type":
		return true
	case "weflow", "session":
		return false
	}
	return chatlabKeyRE.MatchString(s) && strings.Contains(s, `"meta"`)
}
