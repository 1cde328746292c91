package chatlog

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// FormatIRC is the Log.Format of logs read by ParseIRC.
const FormatIRC = "irc"

// ParseIRC reads one IRC channel log in the layout of the Ubuntu IRC logs
// and of the Kummerfeld et al. disentanglement data
// (jkkummerfeld/irc-disentanglement) and returns its messages.
//
// Every line is one message, empty and system lines included, so that
// Message.Index is the line's 0-based number (the numbering the
// disentanglement annotations use) and Message.Line is Index+1. The lines are
//
//	[HH:MM] <nick> text           a message (Type text, or link when text is one URL)
//	[HH:MM]  * nick action        an action, sent by nick with Text the action
//	[HH:MM] -nick:#chan- text     a notice, sent by nick
//	=== nick has joined #chan     a system line without a time, Sender the first word
//	[HH:MM:SS] *** Joins: nick (~u@host)
//	                              a ZNC notice: a system line, Sender the nick that
//	                              joins, parts, quits, is renamed ("*** nick is now
//	                              known as new"), changes the topic, sets a mode or
//	                              is kicked
//
// and anything else (a timed line of another shape, an empty line) is a
// system message with the line as Text and no Sender. "[HH:MM:SS]" is read
// too. The logs carry no date: when the file's base name holds one date,
// written YYYY-MM-DD, YYYY_MM_DD, YYYY.MM.DD or YYYYMMDD and not part of a
// longer run of digits, as in 2004-11-15_03.raw.txt (the Ubuntu logs),
// #ubuntu-2021-03-14.log, ubuntu.2021-03-14.log or log-20210314.txt,
// messages fall on that day; when it holds none, or two different ones,
// they fall on 0001-01-01 (and Log.Date is ""). A time more than an hour
// earlier than the previous one is taken to be after midnight and moves to
// the next day, except in a file whose hours never exceed 12: such a file
// (the 2004-2006 Ubuntu logs) uses a 12-hour clock without AM/PM, so its
// hour 12 counts as 0 and a time going backwards moves 12 hours on. Times
// are UTC, the zone of the Ubuntu logs (another with ParseIn). Lines without a time take the
// previous message's time, and those before the first timed line the first
// timed line's. Log.Title and Log.Group are the first channel named in a
// join, part or notice line, else the channel the file's folder is named
// after, as ZNC lays its logs out (network/#chan/2024-03-14.log; the folder
// is read as cocolian days' are, however the path is typed or linked).
//
// Mentions are the nicks addressed at the start of a message, "nick: text"
// or "nick, text" (also "a, b: text"), when nick is a nick seen anywhere in
// the log (sending, acting, joining, leaving or renamed to); the match
// ignores case and the punctuation around nicks ("trey:" addresses "|trey|"),
// and the mention is the nick as first seen. The format has no message ids,
// replies or quotes.
//
// Errors are *ParseError values: an impossible time such as [25:61], a read
// error, or input with no line of the shapes above at all (no message,
// action, notice, "===" or ZNC notice line; empty input too), which is no IRC log
// whatever else it holds. A log with some lines of other shapes among those
// is read, those lines as system messages. A last line without a line end
// is kept.
func ParseIRC(r io.Reader, path string) (*Log, error) {
	return parseIRC(r, path, zone{})
}

// parseIRC is ParseIRC with the clocks read in z.
func parseIRC(r io.Reader, path string, z zone) (*Log, error) {
	p := &ircParser{
		br:  bufio.NewReaderSize(r, 64*1024),
		log: &Log{Path: path, Format: FormatIRC, Messages: make([]Message, 0)},
		day: ircDay(path),
		tz:  z,
	}
	if err := p.run(); err != nil {
		return nil, err
	}
	if p.log.Group == "" {
		if ch := groupOf(path); strings.HasPrefix(ch, "#") {
			p.log.Title, p.log.Group = ch, ch
		}
	}
	return p.log, nil
}

// ircParser holds the state of one ParseIRC call.
type ircParser struct {
	br     *bufio.Reader
	log    *Log
	day    time.Time // midnight of the file's date, or of 0001-01-01
	tz     zone      // the zone the clocks are read in
	lineNo int

	clocks  []time.Duration // per message, its time of day, or -1 for a line without time
	maxHour int             // the largest hour written
	shaped  bool            // a message, action, notice or "===" line was read
	first   int             // the number of the first non-blank line, 0 while none
	nicks   map[string]string
	cores   map[string]string // nick without surrounding punctuation -> nick, "" when ambiguous
}

// ircTimeRE matches the time stamp that starts a timed line.
var ircTimeRE = regexp.MustCompile(`^\[(\d{1,2}):(\d\d)(?::(\d\d))?\] ?`)

// ircMsgRE matches the rest of a message line: "<nick> text".
var ircMsgRE = regexp.MustCompile(`^<([^<>]*)> ?(.*)$`)

// ircActionRE matches the rest of an action line: " * nick action".
var ircActionRE = regexp.MustCompile(`^ ?\* (\S+) ?(.*)$`)

// ircNoticeRE matches the rest of a notice line: "-nick:#chan- text" or "-nick- text".
var ircNoticeRE = regexp.MustCompile(`^-([^\s:-][^\s:]*?)(?::(\S+))?-(?: (.*))?$`)

// ircZNCRE matches the rest of a ZNC notice line (its log module's joins,
// parts, quits, renames, topics, modes and kicks): the nick is the first
// group or the second, the new nick of a rename the third.
var ircZNCRE = regexp.MustCompile(`^\*\*\* (?:(?:Joins|Parts|Quits): (\S+)|(\S+) (?:is now known as (\S+)|changes topic to |sets mode: |was kicked by ))`)

// ircRenameRE matches a nick change notice.
var ircRenameRE = regexp.MustCompile(`^=== (\S+) is now known as (\S+)`)

// ircChannelRE finds the channel of a join or part line.
var ircChannelRE = regexp.MustCompile(`has (?:joined|left) (#\S+)`)

// ircDay returns midnight UTC of the date a file's base name holds (see
// ircNameDates), or of 0001-01-01 when it holds none, or two different ones.
func ircDay(path string) time.Time {
	var day time.Time
	for _, d := range ircNameDates(filepath.Base(path)) {
		if !day.IsZero() && !d.Equal(day) {
			day = time.Time{}
			break
		}
		day = d
	}
	if day.IsZero() {
		return time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return day
}

// ircNameDates returns, at midnight UTC, the dates written in a file name as
// YYYY-MM-DD, YYYY_MM_DD, YYYY.MM.DD or YYYYMMDD, as the Ubuntu logs
// (2004-11-15_03.raw.txt), ZNC (#ubuntu_20210314.log) and irssi
// (ubuntu.2021-03-14.log) write them: those that are valid calendar dates
// after the year 1 and not part of a longer run of digits (2021-03-145,
// 120210314), in the order they appear.
func ircNameDates(name string) []time.Time {
	digit := func(i int) bool { return i >= 0 && i < len(name) && name[i] >= '0' && name[i] <= '9' }
	digits := func(i, n int) bool {
		for k := i; k < i+n; k++ {
			if !digit(k) {
				return false
			}
		}
		return true
	}
	var out []time.Time
	for i := range name {
		if digit(i-1) || !digits(i, 4) {
			continue
		}
		var month, day string
		end := 0
		switch {
		case digits(i+4, 4): // YYYYMMDD
			month, day, end = name[i+4:i+6], name[i+6:i+8], i+8
		case i+10 <= len(name) && strings.IndexByte("-_.", name[i+4]) >= 0 && name[i+7] == name[i+4] && digits(i+5, 2) && digits(i+8, 2):
			month, day, end = name[i+5:i+7], name[i+8:i+10], i+10
		default:
			continue
		}
		if digit(end) {
			continue
		}
		y, _ := strconv.Atoi(name[i : i+4])
		mo, _ := strconv.Atoi(month)
		d, _ := strconv.Atoi(day)
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Year() == y && t.Month() == time.Month(mo) && t.Day() == d && HasDate(t) {
			out = append(out, t)
		}
	}
	return out
}

// run parses the whole input into p.log.
func (p *ircParser) run() error {
	p.nicks = map[string]string{}
	p.cores = map[string]string{}
	for {
		line, ok, err := p.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		m, err := p.line(line)
		if err != nil {
			return err
		}
		p.log.Messages = append(p.log.Messages, m)
	}
	if !p.shaped {
		return p.notIRC()
	}
	msgs := p.log.Messages
	p.times()
	for i := range msgs {
		msgs[i].Time = p.tz.wall(msgs[i].Time)
		if msgs[i].Type != TypeSystem {
			msgs[i].Mentions = p.addressed(msgs[i].Text)
		}
	}
	p.log.Date = logDay(msgs)
	return nil
}

// notIRC returns the error for input without a line of IRC shape, at its
// first non-blank line.
func (p *ircParser) notIRC() error {
	const lines = "'[12:34] <nick> text', '[12:34]  * nick action', '[12:34] -nick- notice' or '=== nick has joined #channel'"
	if p.first == 0 {
		return &ParseError{Path: p.log.Path, Line: 1, Msg: "empty input: expected an IRC log, with lines such as " + lines}
	}
	return &ParseError{Path: p.log.Path, Line: p.first, Msg: "not an IRC log: expected a line such as " + lines + ", found none"}
}

// times sets the time of every message from the clocks of the timed lines.
func (p *ircParser) times() {
	msgs := p.log.Messages
	twelve := p.maxHour <= 12
	wrap := 24 * time.Hour
	if twelve {
		wrap = 12 * time.Hour
	}
	var offset, prev time.Duration
	first := -1
	for i, c := range p.clocks {
		if c < 0 {
			if first >= 0 {
				msgs[i].Time = msgs[i-1].Time
			}
			continue
		}
		if twelve && c >= 12*time.Hour {
			c -= 12 * time.Hour
		}
		if first >= 0 && c < prev-time.Hour {
			offset += wrap
		}
		prev = c
		msgs[i].Time = p.day.Add(offset + c)
		if first < 0 {
			first = i
		}
	}
	start := p.day
	if first >= 0 {
		start = msgs[first].Time
	} else {
		first = len(msgs)
	}
	for i := 0; i < first; i++ {
		msgs[i].Time = start
	}
}

// next returns the next line without its line end; ok is false at the end of input.
func (p *ircParser) next() (string, bool, error) {
	s, err := p.br.ReadString('\n')
	if err != nil {
		if !errors.Is(err, io.EOF) {
			return "", false, &ParseError{Path: p.log.Path, Line: p.lineNo + 1, Msg: "read error", Err: err}
		}
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

// line converts one line into a message.
func (p *ircParser) line(s string) (Message, error) {
	m := Message{Index: len(p.log.Messages), Line: p.lineNo, Type: TypeSystem}
	p.clocks = append(p.clocks, -1)
	if p.first == 0 && strings.TrimSpace(s) != "" {
		p.first = p.lineNo
	}
	loc := ircTimeRE.FindStringSubmatchIndex(s)
	if loc == nil {
		m.Text = strings.TrimSpace(s)
		if rest, ok := strings.CutPrefix(s, "=== "); ok {
			m.Text = strings.TrimSpace(rest)
			m.Sender, _, _ = strings.Cut(m.Text, " ")
			p.addNick(m.Sender)
			p.shaped = p.shaped || m.Sender != ""
			if r := ircRenameRE.FindStringSubmatch(s); r != nil {
				p.addNick(r[2])
			}
			if c := ircChannelRE.FindStringSubmatch(s); c != nil && p.log.Group == "" {
				p.log.Title, p.log.Group = c[1], c[1]
			}
		}
		return m, nil
	}
	h, _ := strconv.Atoi(s[loc[2]:loc[3]])
	mi, _ := strconv.Atoi(s[loc[4]:loc[5]])
	sec := 0
	if loc[6] >= 0 {
		sec, _ = strconv.Atoi(s[loc[6]:loc[7]])
	}
	if h > 23 || mi > 59 || sec > 59 {
		return m, &ParseError{Path: p.log.Path, Line: p.lineNo, Msg: fmt.Sprintf("bad message time %q: expected [HH:MM] from [00:00] to [23:59]", s[:loc[1]])}
	}
	p.clocks[len(p.clocks)-1] = time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second
	p.maxHour = max(p.maxHour, h)
	rest := s[loc[1]:]
	if r := ircMsgRE.FindStringSubmatch(rest); r != nil {
		m.Sender, m.Text, m.Type = strings.TrimSpace(r[1]), r[2], TypeText
		if isOnlyURL(strings.TrimSpace(m.Text)) {
			m.Type, m.URL = TypeLink, strings.TrimSpace(m.Text)
		}
		p.addNick(m.Sender)
	} else if r := ircActionRE.FindStringSubmatch(rest); r != nil {
		m.Sender, m.Text, m.Type = r[1], r[2], TypeText
		p.addNick(m.Sender)
	} else if r := ircNoticeRE.FindStringSubmatch(rest); r != nil {
		m.Sender, m.Text, m.Type = r[1], r[3], TypeText
		p.addNick(m.Sender)
		if strings.HasPrefix(r[2], "#") && p.log.Group == "" {
			p.log.Title, p.log.Group = r[2], r[2]
		}
	} else if r := ircZNCRE.FindStringSubmatch(rest); r != nil {
		m.Sender, m.Text = r[1]+r[2], strings.TrimSpace(strings.TrimPrefix(rest, "*** "))
		p.addNick(m.Sender)
		p.addNick(r[3])
		p.shaped = true
	} else {
		m.Text = strings.TrimSpace(rest)
	}
	p.shaped = p.shaped || m.Type != TypeSystem
	return m, nil
}

// addNick records a nick seen in the log.
func (p *ircParser) addNick(nick string) {
	if nick == "" {
		return
	}
	key := strings.ToLower(nick)
	if _, ok := p.nicks[key]; ok {
		return
	}
	p.nicks[key] = nick
	core := strings.TrimFunc(key, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if core == "" || core == key {
		return
	}
	if prev, ok := p.cores[core]; ok && prev != nick {
		p.cores[core] = "" // two nicks share the core: not usable
	} else {
		p.cores[core] = nick
	}
}

// lookup returns the nick a written name addresses, or "".
func (p *ircParser) lookup(name string) string {
	key := strings.ToLower(name)
	if n, ok := p.nicks[key]; ok {
		return n
	}
	if n, ok := p.cores[key]; ok {
		return n
	}
	core := strings.TrimFunc(key, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if n, ok := p.nicks[core]; ok {
		return n
	}
	return p.cores[core]
}

// addressed returns the nicks a message text addresses at its start:
// "nick: ...", "nick, ..." or "a, b: ...".
func (p *ircParser) addressed(text string) []string {
	var out []string
	rest := strings.TrimLeft(text, " ")
	for rest != "" {
		end := strings.IndexAny(rest, " \t")
		tok := rest
		if end >= 0 {
			tok = rest[:end]
		}
		if len(tok) < 2 {
			break
		}
		last := tok[len(tok)-1]
		if last != ':' && last != ',' {
			break
		}
		nick := p.lookup(strings.TrimPrefix(tok[:len(tok)-1], "@"))
		if nick == "" {
			break
		}
		out = append(out, nick)
		if last == ':' || end < 0 {
			break
		}
		rest = strings.TrimLeft(rest[end:], " \t")
	}
	return out
}

// ircLineRE matches a line of an IRC log for looksIRC.
var ircLineRE = regexp.MustCompile(`^(?:\[\d{1,2}:\d\d(?::\d\d)?\] (?:<[^<>]*>| ?\* \S|-\S)|=== \S)`)

// looksIRC reports whether the first bytes of a file look like an IRC log in
// the layout ParseIRC reads: its first line and most of the complete lines
// of the head are message, action, notice, "===" or ZNC notice lines (a
// ZNC log of a busy channel is mostly joins and quits), one at least a
// "[HH:MM] <nick>" message.
func looksIRC(head []byte) bool {
	s := strings.TrimPrefix(string(head), "\ufeff")
	lines := strings.Split(s, "\n")
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last line may be cut off
	}
	match, total, msgs := 0, 0, 0
	for i, line := range lines {
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			continue
		}
		total++
		if ircLineRE.MatchString(line) || ircZNCLine(line) {
			match++
			if strings.HasPrefix(line, "[") && strings.Contains(line, "] <") {
				msgs++
			}
		} else if i == 0 {
			return false
		}
	}
	return msgs > 0 && match*10 >= total*8
}

// ircZNCLine reports whether line is a timed ZNC notice line.
func ircZNCLine(line string) bool {
	loc := ircTimeRE.FindStringIndex(line)
	return loc != nil && ircZNCRE.MatchString(line[loc[1]:])
}
