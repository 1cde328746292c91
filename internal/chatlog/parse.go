package chatlog

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A Format describes one input format the tool reads.
type Format struct {
	Name        string                 // the --input-format value
	Description string                 // one line for `threads formats`
	parse       parseFunc              // reads the format whole; nil for a format that streams (see read) and for folder formats
	looks       func(head []byte) bool // recognises the format from the first bytes
	scan        scanFunc               // reads the format as a stream, nil when it is parsed whole
}

// parseFunc is a parser that reads a whole log, its times in z.
type parseFunc func(r io.Reader, path string, z zone) (*Log, error)

// formats lists every file format, in the order detection tries them: the
// most specific first.
var formats = []Format{
	{"chatlab", "ChatLab standard format, JSON or JSONL (meta, members, messages)", parseChatLab, looksChatLab, nil},
	{"weflow", "WeFlow JSON export (session, messages with localId, createTime, senderUsername)", parseWeFlow, looksWeFlow, nil},
	{"telegram", "Telegram Desktop result.json of one chat (messages with id, date, from, reply_to_message_id), or of all chats (one log per chat)", parseTelegram, looksTelegram, nil},
	{"discord", "DiscordChatExporter JSON (guild, channel, messages with author, reference)", parseDiscord, looksDiscord, nil},
	{"chatlog-json", "chatlog (Go WeChat tool) HTTP API JSON (seq, time, talker, sender, content, contents.refer)", parseChatlogJSON, looksChatlogJSON, nil},
	{"memotrace-csv", "MemoTrace / WeChatMsg CSV (localId,TalkerId,Type,SubType,IsSender,CreateTime,...)", nil, looksMemoTraceCSV, scanMemoTraceCSV},
	{"chatlog-csv", "chatlog (Go WeChat tool) CSV (Time,SenderName,Sender,TalkerName,Talker,Content)", nil, looksChatlogCSV, scanChatlogCSV},
	{"cocolian", "cocolian day-archive Markdown (front matter, '> HH:MM:SS  nickname' headers)", nil, looksCocolian, scanCocolian},
	{"chatlog-text", "chatlog (Go WeChat tool) text: 'SenderName(wxid) [TalkerName(roomid)] <time>' then content", nil, looksChatlogText, scanChatlogText},
	{"memotrace-txt", "MemoTrace / WeChatMsg TXT: '{YYYY-MM-DD HH:MM:SS} {name}' then content", nil, looksMemoTraceTXT, scanMemoTraceTXT},
	{"whatsapp", "WhatsApp chat .txt export, or its zip (Android and iOS layouts)", nil, looksWhatsApp, scanWhatsApp},
	{"irc", "IRC log: '[HH:MM] <nick> text', '=== ' and ZNC '*** ' system lines (Ubuntu IRC disentanglement data, ZNC logs)", parseIRC, looksIRC, nil},
}

// slackFormat is the one folder format.
var slackFormat = Format{Name: "slack", Description: "Slack export folder or zip (channels.json, users.json, <channel>/YYYY-MM-DD.json)"}

// Formats lists the supported input formats in detection order, the Slack
// folder format last.
func Formats() []Format {
	return append(append([]Format(nil), formats...), slackFormat)
}

// Parse reads one log in the named format; an empty format is detected from
// content. The input is decoded to UTF-8 first (see Decode). Times are in
// each format's own zone (see ParseIn).
func Parse(r io.Reader, path, format string) (*Log, error) {
	return ParseIn(r, path, format, nil)
}

// ParseIn is Parse with the message times in loc: a format that writes the
// wall clock without a zone (WhatsApp, IRC, cocolian, chatlog text and
// CSV, MemoTrace TXT, a MemoTrace CSV row without CreateTime, a Telegram
// record without date_unixtime) has its clocks read in loc, as written; a
// format that writes instants (unix seconds, or times with an offset) has
// them shown in loc, so that their wall clock, and the day they fall on,
// may change. Log.Date, and every day a reader gives, follows the times
// as they are shown; a cocolian archive keeps the date of its front
// matter. A clock without a date (0001-01-01) takes loc's standard
// offset, and a clock that loc skips or repeats at a change of daylight
// saving time is read as time.Date reads it. A nil loc keeps each format's
// own zone: China time (UTC+8) for the WeChat exports, UTC for WhatsApp,
// IRC and Slack, the written offset for Discord and chatlog JSON, and
// Telegram's rule (see ParseTelegram). See ParseZone for the zones a user
// may name.
func ParseIn(r io.Reader, path, format string, loc *time.Location) (*Log, error) {
	br, f, end, err := prepare(r, path, format)
	if err != nil {
		return nil, err
	}
	return collect(br, path, newZone(loc), func(r io.Reader, path string, z zone, emit EmitFunc) (*Log, error) {
		return f.scanWith(r, path, z, end, emit)
	})
}

// prepare decodes r and finds its format: the named one, or the detected
// one when format is "". The decodeEnd tells, once the input is read,
// whether it was cut inside a character.
func prepare(r io.Reader, path, format string) (*bufio.Reader, Format, *decodeEnd, error) {
	raw := bufio.NewReaderSize(r, 64*1024) // Decode reads through it
	if magic, _ := raw.Peek(4); zipMagic(magic) {
		return nil, Format{}, nil, &ParseError{Path: path, Msg: "is a zip archive: give its path (WhatsApp chat and Slack export zips are read as they are), or " + zipHint}
	}
	dec, _, end := decode(raw)
	br := bufio.NewReaderSize(dec, 64*1024)
	var head []byte
	if format == "" {
		head, _ = br.Peek(sniffSize)
	} else {
		// What the first read gave is enough to tell an HTML page; a named
		// format waits for no more (a pipe may be slow).
		br.Peek(1)
		head, _ = br.Peek(min(br.Buffered(), sniffSize))
	}
	if msg := htmlExport(head); msg != "" {
		return nil, Format{}, nil, &ParseError{Path: path, Line: 1, Msg: msg}
	}
	if format == "" {
		format = Detect(head)
		if format == "" {
			if len(strings.TrimSpace(string(head))) == 0 {
				return nil, Format{}, nil, &ParseError{Path: path, Line: 1, Msg: "empty input: expected a chat export"}
			}
			if path != "-" && slackDayRE.MatchString(filepath.Base(path)) && IsSlackChannelDir(filepath.Dir(path)) {
				return nil, Format{}, nil, &ParseError{Path: path, Msg: "looks like one day of a Slack export's channel: pass the export folder, the one with channels.json"}
			}
			return nil, Format{}, nil, &ParseError{Path: path, Line: 1, Msg: fmt.Sprintf("cannot tell the input format; pass --input-format with one of: %s", formatNames())}
		}
	}
	for _, f := range formats {
		if f.Name == format {
			return br, f, end, nil
		}
	}
	if format == slackFormat.Name {
		return nil, Format{}, nil, &ParseError{Path: path, Msg: "slack exports are folders: pass the export folder (with channels.json), or its zip, instead of a file"}
	}
	return nil, Format{}, nil, &ParseError{Path: path, Msg: fmt.Sprintf("unknown input format %q; known formats: %s", format, formatNames())}
}

// ParseFile opens path ("-" is stdin) and parses it with Parse; of a zip
// archive, the chat log it holds (_chat.txt, "WhatsApp Chat with Name.txt",
// or its one file in a known format), whose Log.Path is path/name-in-it.
func ParseFile(path, format string, stdin io.Reader) (*Log, error) {
	return parseFile(path, format, nil, stdin)
}

// parseFile opens path ("-" is stdin) and parses it with ParseIn.
func parseFile(path, format string, loc *time.Location, stdin io.Reader) (*Log, error) {
	if path == "-" {
		return ParseIn(stdin, path, format, loc)
	}
	if IsZip(path) {
		return parseZipChat(path, format, loc)
	}
	f, err := openFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseIn(f, path, format, loc)
}

// openFile opens an input file, refusing a folder.
func openFile(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the ParseError names the path already
		}
		return nil, &ParseError{Path: path, Msg: "cannot open input", Err: err}
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, &ParseError{Path: path, Msg: "is a folder; give the files inside it, or a Slack export folder to ParsePath"}
	}
	return f, nil
}

// ParsePath parses a file, or a Slack export folder or zip into one log
// per channel, or a Telegram all-chats export into one log per chat (see
// ScanEachIn); of an export some of whose files or chats cannot be read,
// it returns the channels or chats read with the error (see
// ParseSlackDir).
func ParsePath(path, format string, stdin io.Reader) ([]*Log, error) {
	return ParsePathIn(path, format, nil, stdin)
}

// ParsePathIn is ParsePath with the message times in loc, as ParseIn puts them.
func ParsePathIn(path, format string, loc *time.Location, stdin io.Reader) ([]*Log, error) {
	if path != "-" && (format == "" || format == slackFormat.Name) && IsSlackDir(path) {
		return parseSlackDir(path, newZone(loc))
	}
	if path != "-" && (format == "" || format == slackFormat.Name) && IsSlackZip(path) {
		return parseSlackZip(path, newZone(loc))
	}
	var logs []*Log
	msgs := make([]Message, 0)
	err := ScanEachFileIn(path, format, loc, stdin, func(_ *Log, m Message) error {
		msgs = append(msgs, m)
		return nil
	}, func(log *Log) error {
		log.Messages = msgs
		msgs = make([]Message, 0)
		logs = append(logs, log)
		return nil
	})
	return logs, err
}

// Detect names the format of a log from its first bytes (decoded UTF-8), or
// "" when unknown.
func Detect(head []byte) string {
	for _, f := range formats {
		if f.looks(head) {
			return f.Name
		}
	}
	return ""
}

// htmlExport says what to do with an input whose first bytes are an HTML
// page, which no format reads: the HTML exports of DiscordChatExporter and
// Telegram Desktop, which can export the same chat as JSON, or another page.
// It returns "" for anything else.
func htmlExport(head []byte) string {
	s := strings.ToLower(jsonHead(head))
	if !strings.HasPrefix(s, "<!doctype html") && !strings.HasPrefix(s, "<html") ||
		!strings.Contains(s, "<head") && !strings.Contains(s, "<body") {
		return ""
	}
	switch {
	case strings.Contains(s, "discordchatexporter") || strings.Contains(s, "chatlog__") || strings.Contains(s, `class="chatlog"`):
		return "is a DiscordChatExporter HTML export, which threads does not read: export the channel again as JSON (--format Json, or JSON in the app) and pass that file"
	case strings.Contains(s, "<title>exported data</title>") || strings.Contains(s, `class="page_wrap"`):
		return "is a Telegram Desktop HTML export, which threads does not read: export the chat again with Format: Machine-readable JSON and pass its result.json"
	}
	return "is an HTML page, not a chat export threads reads: export the chat as JSON or text (threads formats lists the formats read)"
}

// looksCocolian recognises a cocolian day archive by its headers: the first
// non-blank line is a message header, or front matter between "---" lines
// whose first non-blank line after it is a header (or which the window, or
// the file, ends in). Other Markdown with front matter (a blog post, a
// knowledge-base entry that `threads digest --format kb` wrote) is no chat
// log: its front matter is followed by text.
func looksCocolian(head []byte) bool {
	inFrontMatter, sawFrontMatter := false, false
	for _, line := range strings.Split(strings.TrimPrefix(string(head), "\ufeff"), "\n") {
		line = strings.TrimRight(line, "\r")
		switch trimmed := strings.TrimSpace(line); {
		case inFrontMatter:
			if trimmed == "---" {
				inFrontMatter = false
			}
		case trimmed == "":
		case trimmed == "---" && !sawFrontMatter:
			inFrontMatter, sawFrontMatter = true, true
		default:
			return headerRE.MatchString(line)
		}
	}
	return sawFrontMatter
}

func formatNames() string {
	var names []string
	for _, f := range Formats() {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}
