package chatlog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// FormatSlack is the Log.Format of logs read by ParseSlackDir.
const FormatSlack = "slack"

// slackUserFiles are the member lists a Slack export may hold, in order of preference.
var slackUserFiles = []string{"users.json", "org_users.json"}

// IsSlackDir reports whether dir looks like an unzipped Slack workspace
// export: a folder holding channels.json, users.json or org_users.json
// (the Enterprise Grid member list).
func IsSlackDir(dir string) bool {
	for _, name := range append([]string{"channels.json"}, slackUserFiles...) {
		if st, err := os.Stat(filepath.Join(dir, name)); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// IsSlackChannelDir reports whether dir looks like one channel folder of
// an unzipped Slack export: it holds day files (YYYY-MM-DD.json) and is no
// export folder itself.
func IsSlackChannelDir(dir string) bool {
	if IsSlackDir(dir) {
		return false
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && slackDayRE.MatchString(e.Name()) {
			return true
		}
	}
	return false
}

// ParseSlackDir reads an unzipped Slack workspace export (Workspace settings
// > Import/Export Data) and returns one Log per conversation folder, sorted by
// folder name.
//
// The export holds users.json (or org_users.json) and one folder per channel,
// private channel or direct message, with one file per day named
// YYYY-MM-DD.json holding an array of message records. Folders without such
// day files are ignored. Every record yields exactly one message; a channel's
// messages are those of all its day files, sorted by time (stably, so equal
// times keep file order). Log.Path is the channel folder, Log.Title and
// Log.Group its name, and Message.Line the line of the record's opening '{'
// counted on through the channel's day files in name order, each file
// starting on a new line (the first line of the second day file comes
// after the last of the first): a day file that cannot be read as JSON
// still counts its lines, so leaving it out moves no other message's Line.
// Times are the records' ts in UTC, the zone Slack names its day files
// by (shown in another zone with ParsePathIn).
//
// A record maps as follows: ts is Message.ID; user is SenderID, and Sender is
// that member's display name from the member list (else real name, else user
// name), falling back on the record's user_profile, username or bot_profile.
// thread_ts, when it differs from ts, is ReplyToID: the thread's parent,
// and the reply is SideThread unless its subtype is thread_broadcast (also
// sent to the channel). In
// text, "<@U123>" becomes "@name" and adds name to Mentions (and U123 to
// MentionIDs), "<#C1|general>"
// becomes "#general", "<!here>" "@here", "<url|label>" the label (the URL
// when there is none), and &amp; &lt; &gt; are unescaped. Records whose
// subtype is a channel or group event (channel_join, channel_topic, ...),
// a pin, a bot change or a tombstone are system messages. A record whose
// text is empty (a bot's, often) takes the text its blocks show (rich text
// with its mentions and links, section, header and context blocks) or,
// without any, its attachments' (pretext, title linked to title_link,
// text and "title: value" fields, else the fallback), read as text is
// read. A record whose
// first file is an image or video is an image (URL is the file's url_private,
// else its permalink); with another file it is a link titled by the file; a
// text that is only one link is a link; the rest is text.
//
// Errors are *ParseError values: dir that is not a Slack export, folders or
// files that cannot be read, and in users.json or a day file, truncated or
// malformed JSON, a record that is not an object or has a field of the wrong
// JSON type, or a malformed ts; their Path is the file, Line the source line
// of the offending value, and the message names the record number. A file
// with an error does not stop the others: a day file is left out whole (a
// channel none of whose day files could be read gives no log), users.json
// gives the members read before its error, and ParseSlackDir returns the
// logs of the channels read with all the errors joined (errors.Join), nil
// when there were none. Only an export folder that cannot be listed gives
// no logs.
func ParseSlackDir(dir string) ([]*Log, error) {
	return parseSlackDir(dir, zone{})
}

// parseSlackDir is ParseSlackDir with the times shown in z.
func parseSlackDir(dir string, z zone) ([]*Log, error) {
	if !IsSlackDir(dir) {
		return nil, &ParseError{Path: dir, Msg: "not a Slack export folder: expected channels.json or users.json in it"}
	}
	if dir == "" {
		dir = "."
	}
	return parseSlackFS(os.DirFS(dir), func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }, z)
}

// parseSlackFS is parseSlackDir for the export at the root of fsys (a
// folder, or a zip archive), its times shown in z; show gives the path
// that names a file or folder of fsys (by its slash-separated path there)
// in logs and errors.
func parseSlackFS(fsys fs.FS, show func(rel string) string, z zone) ([]*Log, error) {
	var errs []error
	users := map[string]string{}
	for _, name := range slackUserFiles {
		f, err := fsys.Open(name)
		if err != nil {
			continue
		}
		err = readSlackUsers(f, show(name), users)
		f.Close()
		if err != nil {
			errs = append(errs, err) // the members read before the error still name their messages
		}
		break
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, &ParseError{Path: show("."), Msg: "cannot read the export folder", Err: unwrapFSError(err)}
	}
	logs := make([]*Log, 0)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		log, err := parseSlackChannel(fsys, e.Name(), show, users, z)
		if err != nil {
			errs = append(errs, err)
		}
		if log != nil {
			logs = append(logs, log)
		}
	}
	return logs, errors.Join(errs...)
}

// unwrapFSError returns the cause of a *fs.PathError, whose path the
// ParseError names already.
func unwrapFSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// slackDayRE matches the name of a day file.
var slackDayRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}\.json$`)

// parseSlackChannel reads the day files of the channel folder dir of fsys,
// their times shown in z; it returns nil when the folder has none, or none
// that could be read. A day file that cannot be read is left out whole,
// with its error, and the others are read.
func parseSlackChannel(fsys fs.FS, dir string, show func(string) string, users map[string]string, z zone) (*Log, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, &ParseError{Path: show(dir), Msg: "cannot read the channel folder", Err: unwrapFSError(err)}
	}
	var days []string
	for _, e := range entries {
		if !e.IsDir() && slackDayRE.MatchString(e.Name()) {
			days = append(days, e.Name())
		}
	}
	if len(days) == 0 {
		return nil, nil
	}
	sort.Strings(days)
	name := path.Base(dir)
	log := &Log{Path: show(dir), Format: FormatSlack, Title: name, Group: name, Messages: make([]Message, 0)}
	var errs []error
	before := 0 // lines of the day files before this one
	for _, day := range days {
		file := show(path.Join(dir, day))
		data, err := fs.ReadFile(fsys, path.Join(dir, day))
		if err != nil {
			// Its lines are unknown: the Lines of the days after it move.
			errs = append(errs, &ParseError{Path: file, Msg: "cannot read day file", Err: unwrapFSError(err)})
			continue
		}
		msgs, err := readSlackDay(bytes.NewReader(data), file, users, before)
		before += lineCount(data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		log.Messages = append(log.Messages, msgs...)
	}
	if len(errs) == len(days) {
		return nil, errors.Join(errs...)
	}
	sort.SliceStable(log.Messages, func(i, j int) bool { return log.Messages[i].Time.Before(log.Messages[j].Time) })
	for i := range log.Messages {
		log.Messages[i].Index = i
		log.Messages[i].Time = z.instant(log.Messages[i].Time)
	}
	log.Date = logDay(log.Messages)
	return log, errors.Join(errs...)
}

// slackUser is one element of users.json.
type slackUser struct {
	ID       jsonScalar   `json:"id"`
	Name     jsonScalar   `json:"name"`
	RealName jsonScalar   `json:"real_name"`
	Profile  slackProfile `json:"profile"`
}

// slackProfile is a member's profile, in users.json or in a record's user_profile.
type slackProfile struct {
	DisplayName jsonScalar `json:"display_name"`
	RealName    jsonScalar `json:"real_name"`
	Name        jsonScalar `json:"name"`
}

// name returns the first non-empty name of the profile.
func (p *slackProfile) name() string {
	for _, s := range []jsonScalar{p.DisplayName, p.RealName, p.Name} {
		if s = jsonScalar(strings.TrimSpace(string(s))); s != "" {
			return string(s)
		}
	}
	return ""
}

// readSlackUsers reads a users.json array into users (id -> shown name).
func readSlackUsers(r io.Reader, path string, users map[string]string) error {
	w := newJSONWalker(r, path)
	return w.array("user", func(n int) error {
		var u slackUser
		if err := w.decode(&u, "user", n); err != nil {
			return err
		}
		name := u.Profile.name()
		if name == "" {
			name = strings.TrimSpace(string(u.RealName))
		}
		if name == "" {
			name = string(u.Name)
		}
		if u.ID != "" && name != "" {
			users[string(u.ID)] = name
		}
		return nil
	})
}

// slackRecord is one message record of a day file.
type slackRecord struct {
	Subtype     jsonScalar        `json:"subtype"`
	TS          jsonScalar        `json:"ts"`
	User        jsonScalar        `json:"user"`
	BotID       jsonScalar        `json:"bot_id"`
	Username    jsonScalar        `json:"username"`
	Text        jsonScalar        `json:"text"`
	ThreadTS    jsonScalar        `json:"thread_ts"`
	UserProfile *slackProfile     `json:"user_profile"`
	BotProfile  *slackProfile     `json:"bot_profile"`
	Files       []slackFile       `json:"files"`
	Attachments []slackAttachment `json:"attachments"`
	Blocks      json.RawMessage   `json:"blocks"` // read only when text is empty
}

// slackFile is a shared file.
type slackFile struct {
	Name       jsonScalar `json:"name"`
	Title      jsonScalar `json:"title"`
	Mimetype   jsonScalar `json:"mimetype"`
	URLPrivate jsonScalar `json:"url_private"`
	Permalink  jsonScalar `json:"permalink"`
}

// slackAttachment is a link preview (unfurl) or legacy attachment.
type slackAttachment struct {
	Fallback  jsonScalar   `json:"fallback"`
	Pretext   jsonScalar   `json:"pretext"`
	Title     jsonScalar   `json:"title"`
	TitleLink jsonScalar   `json:"title_link"`
	FromURL   jsonScalar   `json:"from_url"`
	Text      jsonScalar   `json:"text"`
	Fields    []slackField `json:"fields"`
}

// slackField is one title and value of an attachment's table.
type slackField struct {
	Title jsonScalar `json:"title"`
	Value jsonScalar `json:"value"`
}

// slackSystemSubtypes are the subtypes, besides channel_* and group_*, that
// are platform notices rather than something a member wrote.
var slackSystemSubtypes = map[string]bool{
	"pinned_item": true, "unpinned_item": true, "bot_add": true, "bot_remove": true,
	"bot_enable": true, "bot_disable": true, "tombstone": true, "joiner_notification": true,
	"reminder_add": true, "reminder_delete": true, "sh_room_created": true, "huddle_thread": true,
}

// lineCount returns the number of lines of data: its newlines, and one more
// when its last line does not end in one.
func lineCount(data []byte) int {
	n := bytes.Count(data, []byte{'\n'})
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// readSlackDay reads one day file; before is the number of lines of the
// channel's day files before it, so that Line counts on through them.
func readSlackDay(r io.Reader, path string, users map[string]string, before int) ([]Message, error) {
	w := newJSONWalker(r, path)
	var msgs []Message
	err := w.array("message", func(n int) error {
		var rec slackRecord
		if err := w.decode(&rec, "message", n); err != nil {
			return err
		}
		t, err := slackTime(string(rec.TS))
		if err != nil {
			return &ParseError{Path: path, Line: w.memberLine("ts"), Msg: fmt.Sprintf("message record %d: bad ts %q: expected seconds.microseconds such as 1704060932.000200", n, string(rec.TS))}
		}
		m := Message{
			Line:     before + w.startLine(),
			ID:       string(rec.TS),
			Time:     t,
			SenderID: string(rec.User),
			Sender:   slackSender(&rec, users),
		}
		if m.SenderID == "" {
			m.SenderID = string(rec.BotID)
		}
		if rec.ThreadTS != "" && rec.ThreadTS != rec.TS {
			m.ReplyToID = string(rec.ThreadTS)
			m.SideThread = rec.Subtype != "thread_broadcast"
		}
		raw := string(rec.Text)
		if strings.TrimSpace(raw) == "" {
			raw = slackBlocksText(rec.Blocks)
		}
		if strings.TrimSpace(raw) == "" {
			raw = slackAttachmentsText(rec.Attachments)
		}
		text, mentions, mentionIDs, links := slackText(raw, users)
		m.Text = strings.TrimSpace(text)
		sub := string(rec.Subtype)
		switch {
		case strings.HasPrefix(sub, "channel_") || strings.HasPrefix(sub, "group_") || slackSystemSubtypes[sub]:
			m.Type = TypeSystem
		case len(rec.Files) > 0:
			f := rec.Files[0]
			m.URL = string(f.URLPrivate)
			if m.URL == "" {
				m.URL = string(f.Permalink)
			}
			mime := string(f.Mimetype)
			if strings.HasPrefix(mime, "image/") || strings.HasPrefix(mime, "video/") || (mime == "" && isMediaName(string(f.Name))) {
				m.Type = TypeImage
			} else {
				m.Type = TypeLink
				m.LinkTitle = strings.TrimSpace(string(f.Title))
				if m.LinkTitle == "" {
					m.LinkTitle = string(f.Name)
				}
				if m.Text == "" {
					m.Text = m.LinkTitle
				}
			}
			m.Mentions, m.MentionIDs = mentions, mentionIDs
		case len(links) == 1 && m.Text == links[0].shown:
			m.Type = TypeLink
			m.URL = links[0].url
			m.LinkTitle = links[0].label
			if m.LinkTitle == "" {
				for _, a := range rec.Attachments {
					if a.Title != "" && (a.TitleLink == "" || string(a.TitleLink) == m.URL || string(a.FromURL) == m.URL) {
						m.LinkTitle = strings.TrimSpace(string(a.Title))
						break
					}
				}
			}
		default:
			m.Type = TypeText
			m.Mentions, m.MentionIDs = mentions, mentionIDs
		}
		msgs = append(msgs, m)
		return nil
	})
	return msgs, err
}

// slackAttachmentsText returns what the attachments show, in Slack's
// markup, one line each for the pretext, the title (a link to title_link
// or from_url when there is one), the text and each "title: value" field,
// or the fallback when an attachment shows none of these.
func slackAttachmentsText(atts []slackAttachment) string {
	var lines []string
	for _, a := range atts {
		n := len(lines)
		add := func(s jsonScalar) {
			if t := strings.TrimSpace(string(s)); t != "" {
				lines = append(lines, t)
			}
		}
		add(a.Pretext)
		if title := strings.TrimSpace(string(a.Title)); title != "" {
			link := string(a.TitleLink)
			if link == "" {
				link = string(a.FromURL)
			}
			if link != "" {
				title = "<" + link + "|" + title + ">"
			}
			lines = append(lines, title)
		}
		add(a.Text)
		for _, f := range a.Fields {
			switch t, v := strings.TrimSpace(string(f.Title)), strings.TrimSpace(string(f.Value)); {
			case t != "" && v != "":
				lines = append(lines, t+": "+v)
			case t != "" || v != "":
				lines = append(lines, t+v)
			}
		}
		if len(lines) == n {
			add(a.Fallback)
		}
	}
	return strings.Join(lines, "\n")
}

// slackBlocksText returns the text of a message's Block Kit blocks in
// Slack's markup: rich text (its text, links, @-mentions, channels and
// emoji), and the text of section, header and context blocks, one line per
// block, paragraph or list item. Blocks it cannot read give "".
func slackBlocksText(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var blocks []any
	if err := json.Unmarshal(raw, &blocks); err != nil {
		return ""
	}
	var w slackBlockWriter
	w.write(blocks)
	return strings.TrimSpace(w.b.String())
}

// slackEscape escapes Slack's three control characters in plain text.
var slackEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// A slackBlockWriter writes the text of blocks in Slack's markup.
type slackBlockWriter struct {
	b strings.Builder
}

// put writes s.
func (w *slackBlockWriter) put(s string) { w.b.WriteString(s) }

// endLine ends the line written so far, if one is open.
func (w *slackBlockWriter) endLine() {
	if s := w.b.String(); s != "" && !strings.HasSuffix(s, "\n") {
		w.b.WriteByte('\n')
	}
}

// write writes the text of a block, a block element or a list of them.
func (w *slackBlockWriter) write(v any) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			w.write(e)
		}
	case map[string]any:
		str := func(k string) string { s, _ := v[k].(string); return s }
		switch str("type") {
		case "text", "plain_text":
			w.put(slackEscape.Replace(str("text")))
		case "mrkdwn":
			w.put(str("text"))
		case "link":
			if t := str("text"); t != "" {
				w.put("<" + str("url") + "|" + slackEscape.Replace(t) + ">")
			} else {
				w.put("<" + str("url") + ">")
			}
		case "user":
			w.put("<@" + str("user_id") + ">")
		case "usergroup":
			w.put("<!subteam^" + str("usergroup_id") + ">")
		case "channel":
			w.put("<#" + str("channel_id") + ">")
		case "broadcast":
			w.put("<!" + str("range") + ">")
		case "emoji":
			w.put(":" + str("name") + ":")
		case "context":
			for i, e := range slackList(v["elements"]) {
				if i > 0 {
					w.put(" ")
				}
				w.write(e)
			}
			w.endLine()
		case "rich_text", "rich_text_list": // paragraphs, list items
			for _, e := range slackList(v["elements"]) {
				w.write(e)
				w.endLine()
			}
		case "actions", "image", "divider", "file", "input", "video", "call":
			// buttons, pictures and forms: nothing a member wrote
		default: // section, header, a paragraph of rich text (its elements inline), and blocks to come
			w.write(v["text"])
			w.endLine()
			for _, f := range slackList(v["fields"]) {
				w.write(f)
				w.endLine()
			}
			w.write(v["elements"])
			w.endLine()
		}
	}
}

// slackList returns v as a list, or nil when it is none.
func slackList(v any) []any {
	l, _ := v.([]any)
	return l
}

// slackSender returns the name a record's sender is shown under.
func slackSender(rec *slackRecord, users map[string]string) string {
	if name, ok := users[string(rec.User)]; ok {
		return name
	}
	if rec.UserProfile != nil {
		if name := rec.UserProfile.name(); name != "" {
			return name
		}
	}
	if rec.Username != "" {
		return string(rec.Username)
	}
	if rec.BotProfile != nil {
		if name := rec.BotProfile.name(); name != "" {
			return name
		}
	}
	return string(rec.User)
}

// slackTime converts a ts such as "1704060932.000200" to a UTC time.
func slackTime(ts string) (time.Time, error) {
	sec, frac, _ := strings.Cut(ts, ".")
	if sec == "" || len(frac) > 9 || strings.Trim(sec+frac, "0123456789") != "" {
		return time.Time{}, fmt.Errorf("bad ts %q", ts)
	}
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil {
		return time.Time{}, err
	}
	var ns int64
	if frac != "" {
		ns, _ = strconv.ParseInt(frac+strings.Repeat("0", 9-len(frac)), 10, 64)
	}
	return time.Unix(s, ns).UTC(), nil
}

// slackLink is a "<url|label>" link of a text.
type slackLink struct {
	url, label, shown string
}

// slackTokenRE matches one "<...>" control sequence of a Slack text.
var slackTokenRE = regexp.MustCompile(`<([^<>]*)>`)

// slackUnescape undoes Slack's escaping of its three control characters.
var slackUnescape = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// slackText renders a Slack text readable and returns it with the mentioned
// names, their user ids (MentionIDs) and the links, in order of appearance.
func slackText(s string, users map[string]string) (text string, mentions, mentionIDs []string, links []slackLink) {
	var b strings.Builder
	last := 0
	for _, loc := range slackTokenRE.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(slackUnescape.Replace(s[last:loc[0]]))
		last = loc[1]
		inner := s[loc[2]:loc[3]]
		target, label, hasLabel := strings.Cut(inner, "|")
		label = slackUnescape.Replace(label)
		switch {
		case strings.HasPrefix(target, "@"):
			id := target[1:]
			name, ok := users[id]
			if !ok {
				name = strings.TrimPrefix(label, "@")
			}
			if name == "" {
				name = id
			}
			b.WriteString("@" + name)
			if name != "" { // "<@>" names nobody
				mentions = append(mentions, name)
				mentionIDs = append(mentionIDs, id)
			}
		case strings.HasPrefix(target, "#"):
			if hasLabel && label != "" {
				b.WriteString("#" + label)
			} else {
				b.WriteString(target)
			}
		case strings.HasPrefix(target, "!"):
			switch {
			case hasLabel && label != "":
				b.WriteString(label)
			case strings.HasPrefix(target, "!subteam^"):
				b.WriteString("@" + strings.TrimPrefix(target, "!subteam^"))
			default:
				b.WriteString("@" + target[1:])
			}
		default:
			url := slackUnescape.Replace(target)
			shown := url
			if hasLabel && label != "" {
				shown = label
			} else {
				label = ""
			}
			shown = strings.TrimPrefix(shown, "mailto:")
			b.WriteString(shown)
			links = append(links, slackLink{url: url, label: label, shown: shown})
		}
	}
	b.WriteString(slackUnescape.Replace(s[last:]))
	return b.String(), mentions, mentionIDs, links
}
