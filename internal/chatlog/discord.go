package chatlog

import (
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// FormatDiscord is the Log.Format of logs read by ParseDiscord.
const FormatDiscord = "discord"

// ParseDiscord reads one channel exported as JSON by DiscordChatExporter
// (Tyrrrz/DiscordChatExporter, --format Json) and returns its messages.
//
// The file is an object {guild, channel, dateRange, exportedAt, messages,
// messageCount}; every element of messages yields exactly one message, in
// file order, and Message.Line is the source line of its record's opening
// '{'. The messages array is read one record at a time. Log.Title is the
// channel's name and Log.Group the guild's (server's) name, or the channel's
// when the export has no guild name.
//
// A record maps as follows: id is Message.ID; author.id is SenderID and
// Sender is author.nickname (the name shown in the server) or, when empty,
// author.name; timestamp (ISO 8601 with offset) is Time in that offset.
// reference.messageId is ReplyToID for ordinary messages whose reference
// points into the same channel (replies; not pins or forwards, whose
// reference.type is "Forward"). A forward's Text, attachments, embeds and
// stickers are those of its forwardedMessage when it has none of its own
// (a forward carries none), and a forward whose text is the forwarded
// message's is shared, as an article is: a link whose LinkTitle is that
// text (so that it is no caption and asks nothing), its URL the
// attachment's or else the first embed's; unless a message of the channel
// replies to it (the group takes it up as said to it: a relayed question
// may be answered). A forwarded sticker, or picture without text, reads as
// it would unforwarded. Mentions
// are the users in mentions, named like senders, in order of appearance in
// the content, with their ids as MentionIDs; raw "<@id>" mentions in unformatted exports are rewritten to
// "@name". Types Default and Reply, and the kinds the exporter writes as
// numbers for slash-command and context-menu replies (20, 23) and thread
// starters (21), carry content; all other types (GuildMemberJoin,
// ChannelPinnedMessage, ThreadCreated, Call, boosts, ...) are system
// messages. A message with an image attachment is an image (URL is the
// attachment address, Text the content); else one with a sticker is text,
// its content followed by "[Sticker]", which threading reads as a sticker
// code (a reaction, as a WeChat sticker is; the export names the sticker,
// not its emoji); with
// another attachment a link whose LinkTitle is the file name; a message that
// is only one URL is a link, titled by its embed when it has one; the rest is
// text. The code that Discord's Markdown shows as code (`span`, ``` fences)
// is Code, and stays in Text as written.
//
// Errors are *ParseError values: input that is not a JSON object, a record
// that is not an object, has a field of the wrong JSON type or a malformed
// timestamp, truncated or malformed JSON, an export without a messages array,
// or a read error. Line is the source line of the offending value (of the end
// of the input for a file cut short), and the message names the record
// number; a file that ends inside its messages array (a download
// interrupted, a disk full) says so, after which record, and to export the
// channel again. An error met after some records were read (a file cut
// short, a bad record) comes with the log of the records before it, as
// ParseWeFlow's does.
func ParseDiscord(r io.Reader, path string) (*Log, error) {
	return parseDiscord(r, path, zone{})
}

// parseDiscord is ParseDiscord with the times shown in z.
func parseDiscord(r io.Reader, path string, z zone) (*Log, error) {
	p := &discordParser{
		w:   newJSONWalker(r, path),
		log: &Log{Path: path, Format: FormatDiscord, Messages: make([]Message, 0)},
		tz:  z,
	}
	err := p.run()
	if err != nil && len(p.log.Messages) == 0 {
		return nil, err
	}
	p.finish()
	return p.log, err
}

// discordParser holds the state of one ParseDiscord call.
type discordParser struct {
	w           *jsonWalker
	log         *Log
	tz          zone // the zone the times are shown in, zero for each one's own offset
	channelID   string
	guild       string
	sawMessages bool
	shares      []share // the forwards that may read as shared
}

// discordRecord is one element of the messages array.
type discordRecord struct {
	ID          jsonScalar          `json:"id"`
	Type        jsonScalar          `json:"type"`
	Timestamp   jsonScalar          `json:"timestamp"`
	Content     jsonScalar          `json:"content"`
	Author      discordUser         `json:"author"`
	Attachments []discordAttachment `json:"attachments"`
	Embeds      []discordEmbed      `json:"embeds"`
	Stickers    []discordSticker    `json:"stickers"`
	Mentions    []discordUser       `json:"mentions"`
	Reference   *discordReference   `json:"reference"`
	Forwarded   *discordForwarded   `json:"forwardedMessage"`
}

// discordForwarded is the content of the message a forward carries.
type discordForwarded struct {
	Content     jsonScalar          `json:"content"`
	Attachments []discordAttachment `json:"attachments"`
	Embeds      []discordEmbed      `json:"embeds"`
	Stickers    []discordSticker    `json:"stickers"`
}

// discordUser is an author or a mentioned user.
type discordUser struct {
	ID       jsonScalar `json:"id"`
	Name     jsonScalar `json:"name"`
	Nickname jsonScalar `json:"nickname"`
}

// display returns the name the export shows for u.
func (u discordUser) display() string {
	if u.Nickname != "" {
		return string(u.Nickname)
	}
	return string(u.Name)
}

// discordAttachment is an attached file.
type discordAttachment struct {
	URL      jsonScalar `json:"url"`
	FileName jsonScalar `json:"fileName"`
}

// discordEmbed is a link preview or rich embed.
type discordEmbed struct {
	Title jsonScalar `json:"title"`
	URL   jsonScalar `json:"url"`
}

// discordSticker is a sticker sent as a message.
type discordSticker struct {
	Name      jsonScalar `json:"name"`
	SourceURL jsonScalar `json:"sourceUrl"`
}

// discordReference is the message a reply, pin or forward refers to; Type
// is "Default" (a reply or pin), "Forward", or absent in older exports.
type discordReference struct {
	Type      jsonScalar `json:"type"`
	MessageID jsonScalar `json:"messageId"`
	ChannelID jsonScalar `json:"channelId"`
}

// forward reports whether the reference is a forward's.
func (r *discordReference) forward() bool {
	return r != nil && r.Type == "Forward"
}

// discordHeader is the guild or channel object of the export.
type discordHeader struct {
	ID   jsonScalar `json:"id"`
	Name jsonScalar `json:"name"`
}

// run parses the whole document into p.log.
func (p *discordParser) run() error {
	err := p.w.object("DiscordChatExporter JSON export", func(key string) error {
		switch key {
		case "guild", "channel":
			var h discordHeader
			if err := p.w.value(&h, "in the "+key+" object"); err != nil {
				return err
			}
			if key == "guild" {
				p.guild = string(h.Name)
			} else {
				p.channelID = string(h.ID)
				p.log.Title = string(h.Name)
			}
			return nil
		case "messages":
			p.sawMessages = true
			err := p.w.array("message", func(n int) error {
				var rec discordRecord
				if err := p.w.decode(&rec, "message", n); err != nil {
					return err
				}
				return p.record(&rec, n)
			})
			return cutInMessages(err, &p.w.jsonSource, len(p.log.Messages), "message record", "the channel")
		default:
			return p.w.skip("in field " + strconv.Quote(key))
		}
	})
	if err != nil {
		return err
	}
	if !p.sawMessages {
		return &ParseError{Path: p.w.path, Msg: "not a DiscordChatExporter JSON export: no \"messages\" array"}
	}
	return nil
}

// finish completes p.log once its messages are read (all of them, or
// those before an error): the group, the date, forwards, typed mentions.
func (p *discordParser) finish() {
	p.log.Group = p.guild
	if p.log.Group == "" {
		p.log.Group = p.log.Title
	}
	p.log.Date = logDay(p.log.Messages)
	shareForwards(p.log.Messages, p.shares)
	addTypedMentions(p.log.Messages)
}

// discordContentTypes are the message types that carry user content; all
// other types are platform notices. The exporter writes the kinds its enum
// does not name as numbers (Discord's message type ids).
var discordContentTypes = map[string]bool{
	"": true, "Default": true, "Reply": true, "ChatInputCommand": true, "ContextMenuCommand": true,
	"ThreadStarterMessage": true, "0": true, "19": true, "20": true, "21": true, "23": true,
}

// discordMentionRE matches a raw user mention "<@id>" or "<@!id>".
var discordMentionRE = regexp.MustCompile(`<@!?(\d+)>`)

// record converts one messages element (record number n) and appends it.
func (p *discordParser) record(rec *discordRecord, n int) error {
	t, err := time.Parse(time.RFC3339Nano, string(rec.Timestamp))
	if err != nil {
		return &ParseError{Path: p.w.path, Line: p.w.memberLine("timestamp"), Msg: fmt.Sprintf("message record %d: bad timestamp %q: expected ISO 8601 such as 2023-12-31T21:15:32+01:00", n, string(rec.Timestamp))}
	}
	if p.tz.loc != nil {
		t = p.tz.instant(t)
	} else {
		_, off := t.Zone()
		t = t.In(time.FixedZone("", off))
	}
	m := Message{
		Index:    len(p.log.Messages),
		Line:     p.w.startLine(),
		ID:       string(rec.ID),
		Time:     t,
		Sender:   rec.Author.display(),
		SenderID: string(rec.Author.ID),
	}
	shared := rec.takeForwarded()
	byID := map[string]string{}
	for _, u := range rec.Mentions {
		if u.ID != "" {
			byID[string(u.ID)] = u.display()
		}
	}
	text := discordMentionRE.ReplaceAllStringFunc(string(rec.Content), func(s string) string {
		if name, ok := byID[discordMentionRE.FindStringSubmatch(s)[1]]; ok {
			return "@" + name
		}
		return s
	})
	m.Text = strings.TrimSpace(text)
	if !discordContentTypes[string(rec.Type)] {
		m.Type = TypeSystem
		p.log.Messages = append(p.log.Messages, m)
		return nil
	}
	if ref := rec.Reference; ref != nil && ref.MessageID != "" && !ref.forward() &&
		(ref.ChannelID == "" || p.channelID == "" || string(ref.ChannelID) == p.channelID) {
		m.ReplyToID = string(ref.MessageID)
	}
	m.Mentions, m.MentionIDs = discordMentions(m.Text, rec.Mentions)
	m.Code = backtickCode(m.Text)
	p.classify(&m, rec)
	if shared && len(rec.Stickers) == 0 && (m.Type == TypeText && m.Text != "" || m.Caption() != "") {
		s := share{msg: m.Index}
		if len(rec.Embeds) > 0 {
			s.url = string(rec.Embeds[0].URL)
		}
		p.shares = append(p.shares, s)
	}
	p.log.Messages = append(p.log.Messages, m)
	return nil
}

// takeForwarded gives a forward without content of its own the forwarded
// message's content, attachments, embeds and stickers, which the exporter
// writes apart in forwardedMessage, and reports whether the content is the
// forwarded message's.
func (rec *discordRecord) takeForwarded() bool {
	f := rec.Forwarded
	if f == nil || !rec.Reference.forward() {
		return false
	}
	shared := rec.Content == "" && f.Content != ""
	if rec.Content == "" {
		rec.Content = f.Content
	}
	if len(rec.Attachments) == 0 {
		rec.Attachments = f.Attachments
	}
	if len(rec.Embeds) == 0 {
		rec.Embeds = f.Embeds
	}
	if len(rec.Stickers) == 0 {
		rec.Stickers = f.Stickers
	}
	return shared
}

// classify sets the type, URL and link title of an ordinary message.
func (p *discordParser) classify(m *Message, rec *discordRecord) {
	m.Type = TypeText
	for _, a := range rec.Attachments {
		if isMediaName(string(a.FileName)) || isMediaName(string(a.URL)) {
			m.Type = TypeImage
			m.URL = string(a.URL)
			return
		}
	}
	if len(rec.Stickers) > 0 {
		// A sticker is a reaction, as a WeChat sticker code is; the export
		// names no emoji for it.
		m.Text = strings.TrimSpace(m.Text + " " + stickerPlaceholder)
		return
	}
	if len(rec.Attachments) > 0 {
		a := rec.Attachments[0]
		m.Type = TypeLink
		m.URL = string(a.URL)
		m.LinkTitle = string(a.FileName)
		if m.Text == "" {
			m.Text = m.LinkTitle
		}
		return
	}
	if isOnlyURL(m.Text) {
		m.Type = TypeLink
		m.URL = m.Text
		for _, e := range rec.Embeds {
			if e.Title != "" {
				m.LinkTitle = strings.TrimSpace(string(e.Title))
				break
			}
		}
	}
}

// discordMentions returns the display names of the mentioned users, in order
// of first appearance of "@name" in text, then the rest in the export's order,
// and their ids (MentionIDs). Two users of one display name are two mentions.
func discordMentions(text string, users []discordUser) (names, ids []string) {
	type hit struct {
		name, id string
		at       int
	}
	var hits []hit
	seen := map[[2]string]bool{}
	for i, u := range users {
		name, id := u.display(), string(u.ID)
		if name == "" || seen[[2]string{name, id}] {
			continue
		}
		seen[[2]string{name, id}] = true
		at := strings.Index(text, "@"+name)
		if at < 0 {
			at = len(text) + i
		}
		hits = append(hits, hit{name, id, at})
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	for _, h := range hits {
		names = append(names, h.name)
		ids = append(ids, h.id)
	}
	if !slices.ContainsFunc(ids, func(id string) bool { return id != "" }) {
		ids = nil
	}
	return names, ids
}

// isMediaName reports whether a file name or URL names a picture or video.
func isMediaName(name string) bool {
	if i := strings.IndexAny(name, "?#"); i >= 0 {
		name = name[:i]
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".heic", ".heif", ".tif", ".tiff", ".svg",
		".mp4", ".mov", ".webm", ".m4v":
		return true
	}
	return false
}

// isOnlyURL reports whether s is a single absolute http(s) URL.
func isOnlyURL(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && !strings.ContainsAny(s, " \t\n")
}

// looksDiscord reports whether the first bytes of a file look like a
// DiscordChatExporter JSON export: an object whose first key is "guild",
// followed by a "channel" object.
func looksDiscord(head []byte) bool {
	s := jsonHead(head)
	return jsonFirstKey(s) == "guild" && strings.Contains(s, `"channel"`)
}
