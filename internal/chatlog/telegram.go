package chatlog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// FormatTelegram is the Log.Format of logs read by ParseTelegram.
const FormatTelegram = "telegram"

// ParseTelegram reads one chat exported as JSON by Telegram Desktop ("Export
// chat history", the result.json of a single chat) and returns its messages.
// An all-chats export ("Export Telegram data") holds many chats, and is an
// error here that says so: ParsePath and ScanEachIn read each of its chats.
//
// The file is an object {name, type, id, messages}; every element of messages
// yields exactly one message, in file order, and Message.Line is the source
// line of its record's opening '{'. The messages array is read one record at
// a time, so a large export is never held twice. Log.Title and Log.Group are
// the chat's name.
//
// A record maps as follows: id is Message.ID; from and from_id (actor and
// actor_id for service records) are Sender and SenderID, and a null from (an
// account deleted since, whose name the exporter writes as null) is Sender
// "Deleted Account (user333)", from_id in brackets, so that two deleted
// accounts stay two senders; reply_to_message_id is ReplyToID unless
// reply_to_peer_id says the replied message is in another chat, or the
// replied record is a forum topic's "topic_created" notice: in a forum group
// every message of a topic that replies to nothing names its topic's root
// that way, which is no reply. The time is date_unixtime shown in the zone
// that the local "date" implies (ParseIn shows it in its zone); without
// date_unixtime it is the "date" wall clock in UTC (in ParseIn's zone), and
// a record without any date (the exporter's "unsupported" records) takes the
// previous record's time. The text is the concatenation of the text_entities
// (or of the text parts when text_entities is absent or empty); "mention" entities
// give Mentions without the @, and "mention_name" entities give the mentioned
// user's display name, replaced by the name that user sends under in this
// chat when the user also appears as a sender, and its MentionIDs entry the
// user ("user" and the user_id, as from_id writes it); "code" and "pre" entities
// give Code (a pre entity a block, in its "language").
//
// Service records are system messages whose Text names the action (and its
// title and members). A sticker is a reaction, as a WeChat sticker code is:
// a text message whose Text is its sticker_emoji (👍), or "[Sticker]" when
// the export names none, and no URL. A photo, animation (a GIF), video, voice or audio
// message is an image (URL is the exported file's relative path, empty when
// the file was not exported; Text is the caption); another file is a link
// whose LinkTitle is the file name; a message that is nothing but one link is
// a link; the rest is text. A poll is text too, a question to the group,
// written as WhatsApp exports write polls: "POLL:", the question, then an
// "OPTION: answer (3 votes)" line per answer (and the message's own text
// after them, if it has any). A forwarded message (one with forwarded_from,
// a name or null) with text or a caption is shared, as an article or a
// WeChat chat record is: a link whose LinkTitle is its text (so that the
// text is no caption of the forwarder's and asks nothing), its URL the
// exported file or else the text's first link; unless forwarded_from_id
// names a user or a chat (a person's message said again), or, when it
// does not name a channel, a message of the chat replies to it (the group
// takes it up as said to it: a relayed question may be answered). A
// forwarded sticker, poll or picture without a caption reads as it would
// unforwarded.
//
// An export with a "topic_created" notice is a forum group's, whose topics
// Telegram Desktop writes into one messages array, and each of its messages
// gets Message.Topic. The export writes no topic id: a message posted in a
// topic without replying names the topic's notice as reply_to_message_id,
// and a reply names only the message it replies to (not the topic, which
// the API sends as reply_to_top_id and the exporter leaves out). So a
// notice opens its own topic, a message naming a notice is in that topic, a
// reply is in the topic of the message it replies to (a pin notice: of the
// pinned message_id), and every other message is in the General topic
// (id 1, which has no notice), as is a reply to a message the export does
// not hold (deleted, or before the exported dates) and any other notice
// (topic_edit names no topic). A topic is named by its title in its notice,
// "General" for the General topic; a later rename does not change it. An
// untitled topic is "#id", and a topic whose title an earlier topic (or
// General) has is "title #id". A forum exported from a date after its topics
// were created has no notices and gets no topics. Outside forums Topic is "".
//
// Telegram Desktop writes the control characters U+0000 to U+001F other than
// tab, line feed and carriage return as "\xHH" inside strings, which JSON
// does not allow; they are read as the characters they stand for.
//
// Errors are *ParseError values: input that is not a JSON object, a record
// that is not an object or has a field of the wrong JSON type or a malformed
// date, truncated or malformed JSON, an export without a messages array, or
// a read error. Line is the source line of the offending value (of the end of
// the input for a file cut short), and the message names the record number;
// a file that ends inside its messages array (a download interrupted, a
// disk full) says so, after which record, and to export the chat again. An
// error met after some records were read (a file cut short, a bad record)
// comes with the log of the records before it, as ParseWeFlow's does.
func ParseTelegram(r io.Reader, path string) (*Log, error) {
	return parseTelegram(r, path, zone{})
}

// parseTelegram is ParseTelegram with the times in z: date_unixtime shown
// in it, a "date" without one read in it. An all-chats export is an error
// that says how to read it.
func parseTelegram(r io.Reader, path string, z zone) (*Log, error) {
	var log *Log
	partial, err := readTelegram(r, path, z, nil, func(l *Log) error {
		log = l
		return nil
	})
	if err != nil {
		return partial, err
	}
	return log, nil
}

// telegramAllChats says what an all-chats export is to a reader of one log.
const telegramAllChats = "is a Telegram all-chats export (Export Telegram data), which holds many chats: " +
	"threads extract and digest read each of its chats; to read one alone, export that chat (the chat's menu → Export chat history)"

// eachTelegramChat reads a Telegram Desktop export, times in z, and hands
// fn each chat it holds as a log of its own, as soon as the chat is read:
// the one chat of a single-chat export (see ParseTelegram), or each chat
// with messages of an all-chats export ("Export Telegram data": an object
// whose "chats" and "left_chats" hold a "list" of chats, each a
// single-chat export's object), in file order. A chat of an all-chats
// export is read as a single-chat export is, Line counting the lines of
// the whole file, Path the file's; its Title and Group are its name
// ("Saved Messages" and "Replies" for the two chats the export names
// none). An all-chats export without any chat with messages is an error.
// An error met inside a chat comes with the log of that chat's messages
// read before it, which fn is not given (see readTelegram).
func eachTelegramChat(r io.Reader, path string, z zone, fn func(*Log) error) (*Log, error) {
	return readTelegram(r, path, z, fn, fn)
}

// readTelegram reads a Telegram Desktop export and hands its one chat to
// single, or each chat with messages of an all-chats export to each; a nil
// each makes an all-chats export an error. An error met inside a chat
// after some of its messages were read (a file cut short, a bad record)
// comes with the log of those messages, finished as a whole chat's is,
// which neither single nor each is given; the log is nil when there are
// none, or the error is single's or each's.
func readTelegram(r io.Reader, path string, z zone, each, single func(*Log) error) (*Log, error) {
	w := newJSONWalker(newTelegramEscapes(r), path)
	chat := newTelegramParser(w, path, z)
	cur := chat // the chat being read
	lists, chats := false, 0
	err := w.object("Telegram chat export", func(key string) error {
		if key != "chats" && key != "left_chats" {
			return chat.field(key)
		}
		if each == nil {
			cur = nil
			return &ParseError{Path: path, Line: w.line(), Msg: telegramAllChats}
		}
		return w.object("Telegram chat list", func(key string) error {
			if key != "list" {
				return w.skip("in field " + strconv.Quote(key))
			}
			lists = true
			return w.array("chat", func(n int) error {
				p := newTelegramParser(w, path, z)
				cur = p
				if err := w.object("Telegram chat", p.field); err != nil {
					return err
				}
				cur = chat // the export's own object, which holds no messages
				if len(p.log.Messages) == 0 {
					return nil // a chat without messages (none in the dates exported) has nothing to thread
				}
				p.finish()
				chats++
				return each(p.log)
			})
		})
	})
	switch {
	case err != nil:
		return cur.partial(), err
	case lists && chats == 0:
		return nil, &ParseError{Path: path, Msg: "is a Telegram all-chats export (Export Telegram data) without any chat's messages: export again with the chats ticked, or export one chat (the chat's menu → Export chat history)"}
	case lists:
		return nil, nil
	case !chat.sawMessages:
		return nil, &ParseError{Path: path, Msg: "not a single-chat Telegram export: no \"messages\" array (export one chat with Export chat history)"}
	}
	chat.finish()
	return nil, single(chat.log)
}

// partial returns p's chat as far as it was read, finished, or nil when p
// is nil or read no message.
func (p *telegramParser) partial() *Log {
	if p == nil || len(p.log.Messages) == 0 {
		return nil
	}
	p.finish()
	return p.log
}

// newTelegramParser returns the parser of one chat read by w.
func newTelegramParser(w *jsonWalker, path string, z zone) *telegramParser {
	return &telegramParser{
		tz:     z,
		w:      w,
		log:    &Log{Path: path, Format: FormatTelegram, Messages: make([]Message, 0)},
		names:  map[string]string{},
		zones:  map[int]*time.Location{},
		topics: map[string]bool{},
	}
}

// telegramParser holds the state of one ParseTelegram call.
type telegramParser struct {
	tz          zone // the zone of the times, zero for Telegram's rule
	w           *jsonWalker
	log         *Log
	sawMessages bool
	prev        time.Time              // time of the previous record
	names       map[string]string      // from_id -> sender name, for mention_name
	pending     []telegramMention      // mention_name mentions to resolve at the end
	zones       map[int]*time.Location // fixed zones by offset in seconds
	topics      map[string]bool        // ids of the topic_created records read so far
	roots       []telegramTopic        // the topic_created records, in file order
	replies     []string               // per message, the id it names: reply_to_message_id (also a topic's notice), a pin's message_id
	shares      []share                // the forwards that may read as shared
}

// telegramTopic is a forum topic: the id and title of its topic_created record.
type telegramTopic struct {
	id, title string
}

// telegramMention is a mention_name entity: message i's mention k names user id.
type telegramMention struct {
	msg, k int
	id     string
}

// telegramRecord is one element of the messages array; fields the parser
// does not use are not listed.
type telegramRecord struct {
	ID           jsonScalar       `json:"id"`
	Type         jsonScalar       `json:"type"`
	Date         jsonScalar       `json:"date"`
	DateUnix     jsonScalar       `json:"date_unixtime"`
	From         jsonScalar       `json:"from"`
	FromID       jsonScalar       `json:"from_id"`
	Actor        jsonScalar       `json:"actor"`
	ActorID      jsonScalar       `json:"actor_id"`
	Action       jsonScalar       `json:"action"`
	Title        jsonScalar       `json:"title"`
	Members      []jsonScalar     `json:"members"`
	ReplyTo      jsonScalar       `json:"reply_to_message_id"`
	ReplyToPeer  jsonScalar       `json:"reply_to_peer_id"`
	MessageID    jsonScalar       `json:"message_id"`
	Photo        jsonScalar       `json:"photo"`
	File         jsonScalar       `json:"file"`
	FileName     jsonScalar       `json:"file_name"`
	MediaType    jsonScalar       `json:"media_type"`
	StickerEmoji jsonScalar       `json:"sticker_emoji"`
	Forwarded    json.RawMessage  `json:"forwarded_from"` // present (a name, or null for a hidden one) when the message is forwarded
	ForwardedID  jsonScalar       `json:"forwarded_from_id"`
	Poll         *telegramPoll    `json:"poll"`
	Text         json.RawMessage  `json:"text"`
	TextEntities []telegramEntity `json:"text_entities"`
}

// telegramPoll is the poll a message carries.
type telegramPoll struct {
	Question json.RawMessage      `json:"question"` // a string; parts as text has them are read too
	Answers  []telegramPollAnswer `json:"answers"`
}

// telegramPollAnswer is one option of a poll.
type telegramPollAnswer struct {
	Text   json.RawMessage `json:"text"`
	Voters jsonScalar      `json:"voters"`
}

// telegramEntity is one part of a message text.
type telegramEntity struct {
	Type   jsonScalar `json:"type"`
	Text   jsonScalar `json:"text"`
	Href   jsonScalar `json:"href"`
	UserID jsonScalar `json:"user_id"`
	Lang   jsonScalar `json:"language"` // a "pre" entity's language, "" when none
}

// field reads the value of the chat object's field key into p.log.
func (p *telegramParser) field(key string) error {
	switch key {
	case "name":
		s, err := p.w.scalar("in the chat name")
		p.log.Title, p.log.Group = s, s
		return err
	case "type":
		s, err := p.w.scalar("in the chat type")
		if p.log.Title == "" {
			p.log.Title = telegramUnnamed[s]
			p.log.Group = p.log.Title
		}
		return err
	case "id":
		s, err := p.w.scalar("in the chat id")
		p.log.ChatID = s
		if p.log.Title == "" && s != "" {
			p.log.Title = "Chat " + s // a chat the export names not (a deleted account): one of its own, by its id
			p.log.Group = p.log.Title
		}
		return err
	case "messages":
		p.sawMessages = true
		err := p.w.array("message", func(n int) error {
			var rec telegramRecord
			if err := p.w.decode(&rec, "message", n); err != nil {
				return err
			}
			return p.record(&rec, n)
		})
		return cutInMessages(err, &p.w.jsonSource, len(p.log.Messages), "message record", "the chat")
	default:
		return p.w.skip("in field " + strconv.Quote(key))
	}
}

// telegramUnnamed names the chats that an export writes without a name, by type.
var telegramUnnamed = map[string]string{"saved_messages": "Saved Messages", "replies": "Replies"}

// finish completes p.log once its chat is read: mentions by name,
// forwards, the date, forum topics.
func (p *telegramParser) finish() {
	shareForwards(p.log.Messages, p.shares)
	for _, m := range p.pending {
		msg := &p.log.Messages[m.msg]
		if name, ok := p.names[m.id]; ok && name != "" {
			msg.Mentions[m.k] = name
		}
		for len(msg.MentionIDs) < len(msg.Mentions) {
			msg.MentionIDs = append(msg.MentionIDs, "")
		}
		msg.MentionIDs[m.k] = m.id
	}
	addTypedMentions(p.log.Messages)
	p.log.Date = logDay(p.log.Messages)
	p.assignTopics()
}

// telegramGeneral is the name of a forum's General topic, which has no
// topic_created notice.
const telegramGeneral = "General"

// assignTopics gives every message of a forum export its Topic (see
// ParseTelegram); an export without topic_created notices is left as it is.
func (p *telegramParser) assignTopics() {
	if len(p.roots) == 0 {
		return
	}
	taken := map[string]bool{telegramGeneral: true}
	names := make(map[string]string, len(p.roots)) // notice id -> topic name
	for _, t := range p.roots {
		name := t.title
		switch {
		case name == "":
			name = "#" + t.id
		case taken[name]:
			name += " #" + t.id
		}
		for n := 2; taken[name]; n++ { // a title may read like another's name with its id
			name = fmt.Sprintf("%s #%s (%d)", t.title, t.id, n)
		}
		taken[name] = true
		names[t.id] = name
	}
	topicOf := make(map[string]string, len(p.log.Messages)) // message id -> topic name
	for i := range p.log.Messages {
		m := &p.log.Messages[i]
		name, ok := names[m.ID]
		if !ok {
			name, ok = topicOf[p.replies[i]]
		}
		if !ok {
			name = telegramGeneral
		}
		m.Topic = name
		if m.ID != "" {
			topicOf[m.ID] = name
		}
	}
}

// record converts one messages element (record number n) and appends it.
func (p *telegramParser) record(rec *telegramRecord, n int) error {
	t, err := p.time(rec, n)
	if err != nil {
		return err
	}
	p.prev = t
	m := Message{
		Index: len(p.log.Messages),
		Line:  p.w.startLine(),
		ID:    string(rec.ID),
		Time:  t,
	}
	parts, err := rec.parts()
	if err != nil {
		return &ParseError{Path: p.w.path, Line: p.w.memberLine("text"), Msg: fmt.Sprintf("message record %d: bad text", n), Err: err}
	}
	reply := "" // the id of the message this record names, for its topic
	switch rec.Type {
	case "service":
		m.Type = TypeSystem
		m.Sender, m.SenderID = telegramSender(rec.Actor, rec.ActorID), string(rec.ActorID)
		m.Text = telegramAction(rec, parts)
		p.remember(m.SenderID, m.Sender)
		if rec.Action == "topic_created" && rec.ID != "" && !p.topics[string(rec.ID)] {
			p.topics[string(rec.ID)] = true
			p.roots = append(p.roots, telegramTopic{id: string(rec.ID), title: string(rec.Title)})
		}
		if rec.Action == "pin_message" {
			reply = string(rec.MessageID)
		}
	case "message", "":
		m.Sender, m.SenderID = telegramSender(rec.From, rec.FromID), string(rec.FromID)
		if rec.ReplyToPeer == "" {
			reply = string(rec.ReplyTo)
		}
		if reply != "" && !p.topics[reply] {
			m.ReplyToID = reply
		}
		p.remember(m.SenderID, m.Sender)
		p.content(&m, rec, parts)
	default:
		// "unsupported" and future record kinds the exporter could not render.
		m.Type = TypeSystem
		m.Sender, m.SenderID = telegramSender(rec.From, rec.FromID), string(rec.FromID)
		m.Text = telegramPlain(parts)
	}
	p.log.Messages = append(p.log.Messages, m)
	p.replies = append(p.replies, reply)
	return nil
}

// telegramDeleted is the name Telegram shows for an account without a name,
// a deleted one.
const telegramDeleted = "Deleted Account"

// telegramSender returns the sender name of a record: its name, or for an
// account the exporter writes without a name (null) but with an id,
// "Deleted Account (user333)", so that deleted accounts stay apart and a
// reader sees why the name is missing. Without an id it is "".
func telegramSender(name, id jsonScalar) string {
	if name != "" || id == "" {
		return string(name)
	}
	return telegramDeleted + " (" + string(id) + ")"
}

// remember records the name a sender id sends under, for mention_name entities.
func (p *telegramParser) remember(id, name string) {
	if id != "" && name != "" {
		if _, ok := p.names[id]; !ok {
			p.names[id] = name
		}
	}
}

// time returns the time of record n.
func (p *telegramParser) time(rec *telegramRecord, n int) (time.Time, error) {
	if rec.Date == "" {
		return p.prev, nil
	}
	wall, err := time.ParseInLocation("2006-01-02T15:04:05", string(rec.Date), time.UTC)
	if err != nil {
		return time.Time{}, &ParseError{Path: p.w.path, Line: p.w.memberLine("date"), Msg: fmt.Sprintf("message record %d: bad date %q: expected YYYY-MM-DDTHH:MM:SS", n, string(rec.Date))}
	}
	if rec.DateUnix == "" {
		return p.tz.wall(wall), nil
	}
	unix, err := strconv.ParseInt(string(rec.DateUnix), 10, 64)
	if err != nil {
		return time.Time{}, &ParseError{Path: p.w.path, Line: p.w.memberLine("date_unixtime"), Msg: fmt.Sprintf("message record %d: bad date_unixtime %q: expected seconds since 1970", n, string(rec.DateUnix))}
	}
	off := wall.Unix() - unix
	if off < -18*3600 || off > 18*3600 {
		// The two dates disagree by more than any zone: trust the wall clock.
		return p.tz.wall(wall), nil
	}
	if p.tz.loc != nil {
		return p.tz.instant(time.Unix(unix, 0)), nil
	}
	return time.Unix(unix, 0).In(p.zone(int(off))), nil
}

// zone returns a fixed zone with the given offset east of UTC.
func (p *telegramParser) zone(off int) *time.Location {
	if off == 0 {
		return time.UTC
	}
	z, ok := p.zones[off]
	if !ok {
		z = time.FixedZone("", off)
		p.zones[off] = z
	}
	return z
}

// content sets the type, text, mentions, URL and link title of an ordinary message.
func (p *telegramParser) content(m *Message, rec *telegramRecord, parts []telegramEntity) {
	var links, other int
	var linkURL, linkText, firstURL string
	for _, e := range parts {
		text := string(e.Text)
		switch e.Type {
		case "mention":
			if name := strings.TrimPrefix(text, "@"); name != "" {
				m.Mentions = append(m.Mentions, name)
			}
			other++
		case "mention_name":
			if text = strings.TrimPrefix(text, "@"); text != "" {
				if e.UserID != "" {
					p.pending = append(p.pending, telegramMention{msg: m.Index, k: len(m.Mentions), id: "user" + string(e.UserID)})
				}
				m.Mentions = append(m.Mentions, text)
			}
			other++
		case "link", "text_link":
			links++
			linkURL, linkText = text, ""
			if e.Type == "text_link" {
				linkURL, linkText = string(e.Href), text
			}
			if firstURL == "" {
				firstURL = linkURL
			}
		default:
			if strings.TrimSpace(text) != "" {
				other++
			}
		}
	}
	full := telegramPlain(parts)
	m.Text = strings.TrimSpace(full)
	m.Code = telegramCode(parts, len(full)-len(strings.TrimLeftFunc(full, unicode.IsSpace)), len(m.Text))
	file := string(rec.File)
	switch {
	case rec.Poll != nil:
		m.Type = TypeText
		head := telegramPollText(rec.Poll) + "\n"
		m.Text = strings.TrimSpace(head + m.Text)
		for k := range m.Code {
			c := &m.Code[k]
			c.Start, c.End, c.From, c.To = c.Start+len(head), c.End+len(head), c.From+len(head), c.To+len(head)
		}
	case rec.MediaType == "sticker":
		m.Type = TypeText
		m.Text = strings.TrimSpace(stickerText(string(rec.StickerEmoji)) + " " + m.Text)
		m.Code = nil // a sticker carries no text of its own to mark
	case rec.Photo != "":
		m.Type = TypeImage
		m.URL = telegramFile(string(rec.Photo))
	case file != "" && rec.MediaType != "":
		m.Type = TypeImage
		m.URL = telegramFile(file)
	case file != "":
		m.Type = TypeLink
		m.URL = telegramFile(file)
		m.LinkTitle = string(rec.FileName)
		if m.LinkTitle == "" && m.URL != "" {
			m.LinkTitle = path.Base(m.URL)
		}
		if m.Text == "" {
			m.Text = m.LinkTitle
		}
	case links == 1 && other == 0:
		m.Type = TypeLink
		m.URL = linkURL
		m.LinkTitle = linkText
	default:
		m.Type = TypeText
	}
	origin := string(rec.ForwardedID)
	if rec.Forwarded != nil && rec.Poll == nil && rec.MediaType != "sticker" && (m.Type == TypeText && m.Text != "" || m.Caption() != "") &&
		!strings.HasPrefix(origin, "user") && !strings.HasPrefix(origin, "chat") {
		// A person's message forwarded is said again; a channel's post,
		// or a forward of unknown origin, is shared (see finish).
		p.shares = append(p.shares, share{msg: m.Index, url: firstURL, channel: strings.HasPrefix(origin, "channel")})
	}
}

// telegramCode returns the "code" and "pre" entities of parts as the
// stretches of code of the text they make, once trim bytes are cut from
// its start and it is cut to n bytes (the message's Text, trimmed).
func telegramCode(parts []telegramEntity, trim, n int) []Code {
	var out []Code
	at := -trim
	for _, e := range parts {
		start, end := at, at+len(e.Text)
		at = end
		if e.Type != "code" && e.Type != "pre" {
			continue
		}
		start, end = max(start, 0), min(end, n)
		if start >= end {
			continue
		}
		c := Code{Start: start, End: end, From: start, To: end}
		if e.Type == "pre" {
			c.Block, c.Lang = true, string(e.Lang)
		}
		out = append(out, c)
	}
	return out
}

// telegramFile returns the relative path of an exported file, or "" when
// the exporter wrote a note such as "(File not included. ...)" instead.
func telegramFile(s string) string {
	if strings.HasPrefix(s, "(") {
		return ""
	}
	return s
}

// telegramAction renders a service record as text: its own text when it has
// one, else the action with its title and members ("invite members: A, B").
func telegramAction(rec *telegramRecord, parts []telegramEntity) string {
	if s := strings.TrimSpace(telegramPlain(parts)); s != "" {
		return s
	}
	s := strings.ReplaceAll(string(rec.Action), "_", " ")
	if rec.Title != "" {
		s += " " + strconv.Quote(string(rec.Title))
	}
	var names []string
	for _, n := range rec.Members {
		if n != "" {
			names = append(names, string(n))
		}
	}
	if len(names) > 0 {
		s += ": " + strings.Join(names, ", ")
	}
	return strings.TrimSpace(s)
}

// telegramPollText renders a poll as WhatsApp exports write one: "POLL:",
// the question, then an "OPTION: text (3 votes)" line per answer.
func telegramPollText(poll *telegramPoll) string {
	var b strings.Builder
	b.WriteString("POLL:")
	if parts, _ := telegramParts(poll.Question); len(parts) > 0 {
		b.WriteString("\n" + strings.TrimSpace(telegramPlain(parts)))
	}
	for _, a := range poll.Answers {
		parts, _ := telegramParts(a.Text)
		b.WriteString("\nOPTION: " + strings.TrimSpace(telegramPlain(parts)))
		switch a.Voters {
		case "":
		case "1":
			b.WriteString(" (1 vote)")
		default:
			b.WriteString(" (" + string(a.Voters) + " votes)")
		}
	}
	return b.String()
}

// parts returns the record's text as entities: text_entities when it lists
// any, else the parts of text (see telegramParts): an export that another
// tool wrote, or a hand-edited one, may give "text_entities": [] beside a
// text.
func (rec *telegramRecord) parts() ([]telegramEntity, error) {
	if len(rec.TextEntities) > 0 {
		return rec.TextEntities, nil
	}
	return telegramParts(rec.Text)
}

// telegramParts returns a text value as entities: a string is one plain
// part, an array the parts it lists (strings and entity objects).
func telegramParts(text json.RawMessage) ([]telegramEntity, error) {
	raw := bytes.TrimSpace(text)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if raw[0] != '[' {
		var s jsonScalar
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		return []telegramEntity{{Type: "plain", Text: s}}, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, err
	}
	out := make([]telegramEntity, 0, len(items))
	for _, it := range items {
		it = bytes.TrimSpace(it)
		if len(it) > 0 && it[0] == '{' {
			var e telegramEntity
			if err := json.Unmarshal(it, &e); err != nil {
				return nil, err
			}
			out = append(out, e)
			continue
		}
		var s jsonScalar
		if err := json.Unmarshal(it, &s); err != nil {
			return nil, err
		}
		out = append(out, telegramEntity{Type: "plain", Text: s})
	}
	return out, nil
}

// telegramPlain concatenates the text of the entities.
func telegramPlain(parts []telegramEntity) string {
	var b strings.Builder
	for _, e := range parts {
		b.WriteString(string(e.Text))
	}
	return b.String()
}

// looksTelegram reports whether the first bytes of a file look like a
// Telegram Desktop JSON export: of one chat, an object whose first key is
// "name" (or "type", for saved messages) with a "messages" array whose
// records carry date_unixtime, from_id or actor_id; of all chats (Export
// Telegram data), an object whose first member is its "about" text and
// whose second is one of the sections that export writes.
func looksTelegram(head []byte) bool {
	s := jsonHead(head)
	if telegramAllRE.MatchString(s) {
		return true
	}
	if k := jsonFirstKey(s); k != "name" && k != "type" {
		return false
	}
	return strings.Contains(s, `"messages"`) &&
		(strings.Contains(s, `"date_unixtime"`) || strings.Contains(s, `"from_id"`) || strings.Contains(s, `"actor_id"`))
}

// telegramAllRE matches the start of an all-chats export: "about", then a
// section of Telegram Desktop's export_output_json.cpp.
var telegramAllRE = regexp.MustCompile(`^\{\s*"about"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"(?:personal_information|profile_pictures|stories|contacts|frequent_contacts|sessions|web_sessions|other_data|chats|left_chats)"\s*:`)

// jsonFirstKeyRE matches the start of a JSON object up to its first key.
var jsonFirstKeyRE = regexp.MustCompile(`^\{\s*"([^"\\]*)"\s*:`)

// jsonFirstKey returns the first key of the JSON object s starts with, or "".
func jsonFirstKey(s string) string {
	if m := jsonFirstKeyRE.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// jsonHead returns head without a byte order mark and leading white space.
func jsonHead(head []byte) string {
	s := strings.TrimPrefix(string(head), "\ufeff")
	return strings.TrimLeft(s, " \t\r\n")
}

// logDay returns the day (YYYY-MM-DD) all messages fall on, in their own
// zones, or "" when they span several days, there are none, or the date is
// unknown (year 1).
func logDay(msgs []Message) string {
	if len(msgs) == 0 || msgs[0].Time.Year() <= 1 {
		return ""
	}
	y, mo, d := msgs[0].Time.Date()
	for _, m := range msgs[1:] {
		if y2, mo2, d2 := m.Time.Date(); y2 != y || mo2 != mo || d2 != d {
			return ""
		}
	}
	return msgs[0].Time.Format("2006-01-02")
}

// A jsonScalar is a JSON string, number or boolean read as its text; null reads as "".
type jsonScalar string

// UnmarshalJSON accepts any JSON scalar and rejects objects and arrays.
func (s *jsonScalar) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return errors.New("empty value")
	case b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = jsonScalar(v)
	case string(b) == "null":
		*s = ""
	case b[0] == '{' || b[0] == '[':
		return fmt.Errorf("expected a string or number, got %s", jsonKind(b[0]))
	default:
		*s = jsonScalar(b)
	}
	return nil
}

// jsonKind names the JSON value that starts with c.
func jsonKind(c byte) string {
	if c == '{' {
		return "an object"
	}
	return "an array"
}

// jsonWalker reads a JSON document token by token, so that the array of
// records can be decoded one record at a time, and turns every error into a
// *ParseError at the source line (see jsonSource, which wxJSON shares).
type jsonWalker struct {
	jsonSource
	path string
}

// newJSONWalker returns a walker over r, skipping a UTF-8 byte order mark.
func newJSONWalker(r io.Reader, path string) *jsonWalker {
	return &jsonWalker{jsonSource: newJSONSource(r), path: path}
}

// line returns the line of the decoder's position.
func (w *jsonWalker) line() int { return w.lc.lineAt(w.dec.InputOffset()) }

// fail converts a decoding error into a *ParseError at its line; where says
// where it happened ("in message record 3"), inValue that it came from Decode.
func (w *jsonWalker) fail(where string, err error, inValue bool) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe
	}
	line := w.lc.errorLine(w.dec, err, inValue)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		w.cut = true
		return &ParseError{Path: w.path, Line: line, Msg: "truncated JSON " + where}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &ParseError{Path: w.path, Line: line, Msg: "malformed JSON " + where, Err: err}
	}
	return &ParseError{Path: w.path, Line: line, Msg: "cannot read JSON " + where, Err: err}
}

// delim reads the next token and checks that it is the delimiter want.
func (w *jsonWalker) delim(want json.Delim, where string) error {
	tok, err := w.dec.Token()
	if err != nil {
		return w.fail(where, err, false)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return &ParseError{Path: w.path, Line: w.line(), Msg: fmt.Sprintf("expected %q %s, got %v", string(want), where, tok)}
	}
	return nil
}

// object reads a JSON object, calling fn for every key; fn must consume the value.
func (w *jsonWalker) object(what string, fn func(key string) error) error {
	tok, err := w.dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return &ParseError{Path: w.path, Msg: "empty input: expected a " + what + " (a JSON object)"}
		}
		return w.fail("at the start of the "+what, err, false)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return &ParseError{Path: w.path, Line: w.line(), Msg: "not a " + what + ": expected a JSON object"}
	}
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			return w.fail("in the "+what, err, false)
		}
		key, ok := tok.(string)
		if !ok {
			return &ParseError{Path: w.path, Line: w.line(), Msg: fmt.Sprintf("malformed JSON in the %s: expected a key, got %v", what, tok)}
		}
		if err := fn(key); err != nil {
			return err
		}
	}
	return w.delim('}', "at the end of the "+what)
}

// array reads a JSON array of records, calling fn with the 1-based record
// number of each element; fn must consume the element.
func (w *jsonWalker) array(record string, fn func(n int) error) error {
	if err := w.delim('[', "starting the "+record+" array"); err != nil {
		return err
	}
	n := 0
	for w.dec.More() {
		n++
		if err := fn(n); err != nil {
			return err
		}
		w.line() // forget the newlines before the next record
	}
	tok, err := w.dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			w.cut = true
			return &ParseError{Path: w.path, Line: w.lc.errorLine(w.dec, err, false), Msg: fmt.Sprintf("truncated JSON: input ends after %s record %d", record, n)}
		}
		return w.fail(fmt.Sprintf("after %s record %d", record, n), err, false)
	}
	if d, ok := tok.(json.Delim); !ok || d != ']' {
		return &ParseError{Path: w.path, Line: w.line(), Msg: fmt.Sprintf("malformed JSON after %s record %d: expected ',' or ']'", record, n)}
	}
	return nil
}

// read decodes the next value into v, keeping it for memberLine; where says what it is in errors. A value that does not decode
// is reported at the line of the member at fault (see wxFaultOffset), be the
// error json's own or one of a field type that names no field (jsonScalar),
// and at the value's first line when it is not an object.
func (w *jsonWalker) read(v any, where string) error {
	var raw json.RawMessage
	if err := w.dec.Decode(&raw); err != nil {
		return w.fail(where, err, true)
	}
	w.keep(raw)
	err := json.Unmarshal(raw, v)
	if err == nil {
		return nil
	}
	line := w.faultLine(v)
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te) && te.Field == "":
		return &ParseError{Path: w.path, Line: line, Msg: fmt.Sprintf("unexpected JSON %s %s: expected an object", te.Value, where)}
	case errors.As(err, &te):
		return &ParseError{Path: w.path, Line: line, Msg: fmt.Sprintf("unexpected JSON %s for field %q %s", te.Value, te.Field, where)}
	}
	return &ParseError{Path: w.path, Line: line, Msg: "cannot read JSON " + where, Err: err}
}

// decode decodes the next value, record number n, into v.
func (w *jsonWalker) decode(v any, record string, n int) error {
	return w.read(v, fmt.Sprintf("in %s record %d", record, n))
}

// value decodes the next value, which is not a record, into v.
func (w *jsonWalker) value(v any, where string) error {
	return w.read(v, where)
}

// scalar reads the next value as a jsonScalar.
func (w *jsonWalker) scalar(where string) (string, error) {
	var s jsonScalar
	err := w.read(&s, where)
	return string(s), err
}

// skip reads and discards the next value without holding it in memory.
func (w *jsonWalker) skip(where string) error {
	depth := 0
	for {
		tok, err := w.dec.Token()
		if err != nil {
			return w.fail(where, err, false)
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
		if depth <= 0 {
			return nil
		}
	}
}

// telegramEscapes rewrites the "\xHH" escapes Telegram Desktop writes for
// control characters inside JSON strings to "\u00HH", which JSON reads, as
// the input streams by. An escape is a backslash that no escape before it
// consumed, inside a string: in `"\\x41"` the x follows an escaped backslash
// and stays. Everything else passes through unchanged, line ends included,
// so that lines counted after it are the input's lines.
type telegramEscapes struct {
	r        io.Reader
	in       []byte // raw bytes read from r
	buf      []byte // rewritten bytes when a chunk has escapes to rewrite
	out      []byte // bytes not yet returned: in or buf
	inString bool   // inside a JSON string
	escaped  bool   // the previous byte opened an escape inside a string
	err      error  // the error r returned, reported once out is empty
}

// newTelegramEscapes returns a reader of r with "\x" escapes rewritten.
func newTelegramEscapes(r io.Reader) *telegramEscapes {
	return &telegramEscapes{r: r, in: make([]byte, 32*1024)}
}

// Read implements io.Reader.
func (t *telegramEscapes) Read(p []byte) (int, error) {
	for len(t.out) == 0 && t.err == nil {
		n, err := t.r.Read(t.in)
		t.out = t.rewrite(t.in[:n])
		t.err = err
	}
	if len(t.out) == 0 {
		return 0, t.err
	}
	n := copy(p, t.out)
	t.out = t.out[n:]
	return n, nil
}

// rewrite returns b with every "\x" escape inside a string turned into
// "\u00": b itself when it has none, else a copy in t.buf. The string and
// escape state carry from one call to the next.
func (t *telegramEscapes) rewrite(b []byte) []byte {
	dst, from := t.buf[:0], 0
	for i, c := range b {
		switch {
		case !t.inString:
			t.inString = c == '"'
		case t.escaped:
			t.escaped = false
			if c == 'x' {
				dst = append(append(dst, b[from:i]...), 'u', '0', '0')
				from = i + 1
			}
		case c == '\\':
			t.escaped = true
		case c == '"':
			t.inString = false
		}
	}
	if from == 0 {
		return b
	}
	t.buf = append(dst, b[from:]...)
	return t.buf
}
