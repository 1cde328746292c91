package chatlog

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// A MessageType says what kind of content a message carries.
type MessageType string

// The message types of the JSON contract.
const (
	TypeText      MessageType = "text"      // plain text, possibly with mentions and a quote
	TypeImage     MessageType = "image"     // a picture, video or GIF (a WeChat custom sticker, [动画表情], too); URL holds its address when known
	TypeLink      MessageType = "link"      // a shared article, file or chat record; URL and LinkTitle are set
	TypeRedPacket MessageType = "redpacket" // a WeChat red packet (微信红包)
	TypeSystem    MessageType = "system"    // joins, leaves, renames and other platform notices
)

// A Quote is the earlier message that a reply quotes, as the export shows it.
type Quote struct {
	Sender string // name of the quoted sender as written in the quote
	Text   string // quoted text as written (may itself contain a nested quote)
	// SenderID is the quoted sender's account id (the SenderID of their
	// messages) when the export gives it: the wxid of a chatlog quote
	// header "Name(wxid)", of a chatlog JSON or WeChat appmsg refer.
	// Threading uses it to tell apart two accounts of one display name.
	SenderID string `json:",omitempty"`
}

// A Message is one chat message, the record every parser produces.
//
// Line is the line of the source the message starts on: that of its header
// in a text format, of its record in CSV and JSONL, of its record's opening
// '{' in JSON (1 for every message of a JSON file written on one line). A
// Slack channel, whose records come from many day files, counts the lines
// on through its day files in name order, each starting on a new line, so
// that a day file left out moves no other message's Line.
type Message struct {
	Index    int         // 0-based ordinal of the message in file order
	Line     int         // 1-based line of the source the message starts on (see above)
	ID       string      // the format's own message id, empty when the format has none
	Time     time.Time   // when it was sent, in the format's zone or the one ParseIn was given
	Sender   string      // the sender's name as the export shows it
	SenderID string      // the sender's stable account id, empty when the format has none
	Type     MessageType // what the message carries
	Text     string      // readable body: entities unescaped, quote removed, lost characters kept as written
	Mentions []string    // @-mentioned names as written, without the @, in order of appearance
	// MentionIDs gives, for Mentions[k], the account id (SenderID) of the
	// user it names when the export says so: a Telegram mention_name
	// entity's user, a Discord mention's id, a Slack <@U…>'s user. It is
	// "" where the export does not say, and shorter than Mentions when
	// names typed after an @ were added after them. Threading uses it to
	// tell apart two accounts of one display name. Left out of a Log's
	// JSON dump when empty.
	MentionIDs []string `json:",omitempty"`
	Quote      *Quote   // the quoted message of a quoted reply, nil otherwise
	ReplyToID  string   // the ID of the message this one explicitly replies to, when the format carries it
	// SideThread marks a reply posted in a thread that the chat's own
	// timeline does not show (a Slack thread reply not also sent to the
	// channel): only the replies of the same thread (the same ReplyToID)
	// take it up, never a message of the channel.
	SideThread bool   `json:",omitempty"`
	URL        string // address of an image or link, unescaped
	LinkTitle  string // title of a shared link or file
	// Topic is the forum topic the message was posted in, "" outside
	// forums: Telegram forum groups (see ParseTelegram) mix the messages
	// of all their topics in one export, and threading keeps each topic
	// apart. It names the topic by its title as the export gives it
	// ("General" for the General topic), with the topic's id added when
	// the title is missing or another topic has it ("#57", "Refunds #57",
	// then "Refunds #57 (2)" if a title already reads so),
	// so that one name is one topic. It is left out of a Log's JSON dump
	// when empty.
	Topic string `json:",omitempty"`
	// Code is the stretches of Text the sender marked as code, in order:
	// a Telegram "code" or "pre" entity, a Discord message's backticks and
	// fences. Text keeps the code as written (and threading reads it so);
	// the FAQ and the digest show it as code. Left out of a Log's JSON dump
	// when empty.
	Code []Code `json:",omitempty"`
}

// A Code is a stretch of a message's Text that its sender marked as code.
// Offsets are in bytes.
type Code struct {
	Start, End int    // the stretch, Text[Start:End], with any markup of its own (a Discord message's backticks and fence lines)
	From, To   int    // the code itself, Text[From:To], within the stretch
	Block      bool   // a block of lines (a Telegram "pre" entity, a Discord fence), not code inside a line
	Lang       string `json:",omitempty"` // the language the block names ("go"), "" when none
}

// Caption returns the text a picture or a file or link carries of its own:
// the caption a WhatsApp, Telegram, Discord or Slack member writes with a
// photo or a file ("Is this error normal?" under a screenshot). It is ""
// for any other message, and for the text the exporters write in a
// caption's place: the file's name, the link's title or address, a
// bracketed placeholder or sticker name alone ([视频], [合并转发], [捂脸]).
// A WeChat picture has none.
func (m *Message) Caption() string {
	if m.Type != TypeImage && m.Type != TypeLink {
		return ""
	}
	text := strings.TrimSpace(m.Text)
	if text == "" || text == strings.TrimSpace(m.LinkTitle) || text == strings.TrimSpace(m.URL) || placeholderRE.MatchString(text) {
		return ""
	}
	return text
}

// placeholderRE matches a bracketed code alone: a sticker's name or an
// exporter's placeholder for media ([捂脸], [视频], [Facepalm]).
var placeholderRE = regexp.MustCompile(`^\[[^\[\]\r\n]{1,16}\]$`)

// stickerPlaceholder is the text of a sticker whose export gives no emoji
// for it (a Discord sticker, WhatsApp's "sticker omitted"): a code that
// dict/stopwords.yaml lists as a sticker, so that threading reads the
// message as a reaction, as it reads a WeChat sticker code ([捂脸]).
const stickerPlaceholder = "[Sticker]"

// stickerText returns the text of a sticker message: its emoji, which
// threading reads as it reads the sticker code (👍 as [强]), else
// stickerPlaceholder.
func stickerText(emoji string) string {
	if emoji = strings.TrimSpace(emoji); emoji != "" {
		return emoji
	}
	return stickerPlaceholder
}

// A share is a forwarded message with text that may read as shared (see
// shareForwards).
type share struct {
	msg     int    // its index
	url     string // the address to give it when it has none: its text's first link
	channel bool   // the export says it was a channel's post
}

// shareForwards makes each forwarded message of shares a shared link, as a
// shared article or a WeChat chat record is: titled by its text, which the
// forwarder neither asks nor says (a channel's headline, 准备好了吗？, is
// news). A forward that a message of msgs replies to is left as it is,
// unless it was a channel's post: the group takes it up as said to it, and
// a relayed question (有朋友问：…？) may be answered.
func shareForwards(msgs []Message, shares []share) {
	if len(shares) == 0 {
		return
	}
	replied := make(map[string]bool)
	for _, m := range msgs {
		if m.ReplyToID != "" {
			replied[m.ReplyToID] = true
		}
	}
	for _, s := range shares {
		m := &msgs[s.msg]
		if !s.channel && m.ID != "" && replied[m.ID] {
			continue
		}
		m.Type = TypeLink
		m.LinkTitle = m.Text
		if m.URL == "" {
			m.URL = s.url
		}
	}
}

// HasDate reports whether t, a message's time, carries a date. A format
// that gives only the time of day, with no date in the file name either (an
// IRC log, a chatlog text export read from stdin, a cocolian day without
// front matter), leaves it on 0001-01-01, at the format's offset or, read
// in a zone (ParseIn), at the zone's standard offset.
func HasDate(t time.Time) bool {
	return t.Year() > 1
}

// A Log is one parsed input file: its messages and what the file says about itself.
type Log struct {
	Path     string    // the path the log was read from ("-" for stdin)
	Format   string    // the input format name, e.g. "cocolian"
	Date     string    // the day the log covers as YYYY-MM-DD, empty when it spans several or is unknown
	Title    string    // the log's title (front matter title, channel or chat name)
	Speaker  string    // the day's guest speaker (cocolian front matter author), empty when none
	Group    string    // the group or channel name, empty when unknown
	ChatID   string    // the chat's own ID when the export gives one (Telegram's chat id, WeFlow's session account, chatlog's talker), telling two chats of one name apart
	Messages []Message // every message in file order; Messages[i].Index == i
}

// A ParseError reports input that could not be read, with its position.
type ParseError struct {
	Path string // file the error is in
	Line int    // 1-based line, 0 when unknown
	Msg  string // what was wrong and what was expected
	Err  error  // underlying error, may be nil
}

// Error formats the error as "path:line: msg: err".
func (e *ParseError) Error() string {
	s := e.Path
	if e.Line > 0 {
		s += fmt.Sprintf(":%d", e.Line)
	}
	s += ": " + e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ExportCopy reports whether msgs[i] repeats the message before it in the
// same second, word for word: some exports list a message twice, under the
// sender's display name and their group nickname.
func ExportCopy(msgs []Message, i int) bool {
	if i <= 0 {
		return false
	}
	a, b := &msgs[i-1], &msgs[i]
	return a.Text != "" && a.Text == b.Text && a.Time.Equal(b.Time)
}

// ListedTwice reports whether msgs[i] is the export's second listing of the
// message before it: an ExportCopy, or the same picture or shared link (the
// same URL) in the same second. Readers of threads (the FAQ, the digest)
// show such a message once; threading itself compares text only
// (ExportCopy), as its learned weights were fitted that way.
func ListedTwice(msgs []Message, i int) bool {
	if ExportCopy(msgs, i) {
		return true
	}
	if i <= 0 {
		return false
	}
	a, b := &msgs[i-1], &msgs[i]
	return a.URL != "" && a.URL == b.URL && a.Type == b.Type && a.Time.Equal(b.Time)
}
