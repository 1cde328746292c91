package chatlog

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// An EmitFunc receives the messages of a log one at a time, in file order,
// as Scan reads them. log holds what is known of the log's metadata so far
// (Path and Format always; Title, Group and Speaker once the input has
// named them); its Messages is nil and it must not be kept or changed. An
// error returned by emit stops the scan, and Scan returns it unchanged.
type EmitFunc func(log *Log, m Message) error

// scanFunc is a parser that hands each message to emit as soon as it is
// complete, its time in z, and returns the log's metadata (Messages nil).
type scanFunc func(r io.Reader, path string, z zone, emit EmitFunc) (*Log, error)

// Streams reports whether Scan reads the format as a stream, holding one
// message at a time; the other formats are parsed whole first (IRC resolves
// mentions against every nick of the file, the JSON formats resolve members
// or replies across the whole document, Slack sorts its days).
func (f Format) Streams() bool { return f.scan != nil }

// Scan reads one log like Parse but hands every message to emit in file
// order as soon as it is read, instead of collecting them: for the formats
// that stream (chatlog-csv, chatlog-text, memotrace-csv, memotrace-txt,
// whatsapp, cocolian; see Format.Streams) memory does not grow with the
// input. The other formats are parsed whole, then emitted. Messages carry
// the same fields, Index included, as Parse gives them. Scan returns the
// log's metadata, complete (Date and a Title gathered from the records are
// only known at the end), with Messages nil.
//
// A parse error met part-way comes after the messages before it have been
// emitted. An input whose bytes end inside a character (see Decode) is
// an error at the line of its last message, which is not emitted. A WhatsApp export whose first headers do not tell whether the
// day or the month comes first is held until one does (a day above 12 in
// either place), and to the end when none does.
func Scan(r io.Reader, path, format string, emit EmitFunc) (*Log, error) {
	return ScanIn(r, path, format, nil, emit)
}

// ScanIn is Scan with the message times in loc, as ParseIn puts them.
func ScanIn(r io.Reader, path, format string, loc *time.Location, emit EmitFunc) (*Log, error) {
	br, f, end, err := prepare(r, path, format)
	if err != nil {
		return nil, err
	}
	return f.scanWith(br, path, newZone(loc), end, emit)
}

// scanWith is ScanIn for a decoded input in format f, end telling
// whether it was cut inside a character. A parser that stops at an error
// part-way may return the log of the messages before it with the error;
// they are emitted before the error is returned. An input cut inside a
// character is an error at the line of its last message, which is not
// emitted: the cut is in it.
func (f Format) scanWith(br io.Reader, path string, z zone, end *decodeEnd, emit EmitFunc) (*Log, error) {
	h := &holdLast{emit: emit}
	var (
		log *Log
		err error
	)
	if f.scan != nil {
		log, err = f.scan(br, path, z, h.add)
	} else if log, err = f.parse(br, path, z); log != nil {
		msgs := log.Messages
		log.Messages = nil
		for _, m := range msgs {
			if err := h.add(log, m); err != nil {
				return nil, err
			}
		}
	}
	return h.finish(log, err, path, end)
}

// holdLast passes messages on to emit one behind, so that the last one
// can be dropped when the input turns out to be cut inside it.
type holdLast struct {
	emit   EmitFunc
	log    *Log    // the log of the message held
	m      Message // the message held
	held   bool
	failed bool // emit returned an error
}

// add holds m, emitting the message held before it; it is an EmitFunc.
func (h *holdLast) add(log *Log, m Message) error {
	if h.held {
		if err := h.emit(h.log, h.m); err != nil {
			h.failed = true
			return err
		}
	}
	h.log, h.m, h.held = log, m, true
	return nil
}

// finish ends a scan that returned log and err: the message held is
// emitted, unless the input was cut inside a character (end, nil when
// unknown, tells) or err is a cutLastError, either of which is reported
// at the message's line (the input's last line when it has none), and
// the scan's error, or the log, returned.
func (h *holdLast) finish(log *Log, err error, path string, end *decodeEnd) (*Log, error) {
	if h.failed {
		return nil, err
	}
	var last *cutLastError
	if errors.As(err, &last) {
		line := 0
		if h.held {
			line = h.m.Line
		} else if end != nil {
			line = end.lastLine()
		}
		return nil, &ParseError{Path: path, Line: line, Msg: last.msg}
	}
	if err == nil && end != nil && end.cut() {
		line := end.lastLine()
		if h.held {
			line = h.m.Line
		}
		return nil, &ParseError{Path: path, Line: line, Msg: cutInCharacter}
	}
	if h.held {
		if err := h.emit(h.log, h.m); err != nil {
			return nil, err
		}
	}
	if err != nil {
		return nil, err
	}
	return log, nil
}

// A cutLastError is what a parser returns at the end of an input cut
// short inside its last message (see holdLast.finish).
type cutLastError struct{ msg string }

// Error implements error.
func (e *cutLastError) Error() string { return e.msg }

// cutInCharacter is the error of an input whose bytes end inside a character.
const cutInCharacter = "the file is cut short: it ends inside a character; export it again"

// cutInMessages turns err, met reading the messages array of a JSON export
// from src, into the error of a file cut short there when src met the end
// of the input (an interrupted download, a full disk): at err's line, the
// input's last, naming the last record read whole before the cut (whole
// records were; record names them, "message record") and saying to
// export again what again names ("the chat"). Any other err is returned
// as it is. The readers that call it return the messages read before the
// cut with the error.
func cutInMessages(err error, src *jsonSource, whole int, record, again string) error {
	var pe *ParseError
	if !src.cut || !errors.As(err, &pe) {
		return err
	}
	where := fmt.Sprintf("after %s %d", record, whole)
	if whole == 0 {
		where = "before any " + record + " is whole"
	}
	return &ParseError{Path: pe.Path, Line: pe.Line, Msg: "the file is cut short: it ends inside the messages array, " + where + "; export " + again + " again"}
}

// ScanFile opens path ("-" is stdin) and reads it with Scan; a zip
// archive as ParseFile reads it.
func ScanFile(path, format string, stdin io.Reader, emit EmitFunc) (*Log, error) {
	return ScanFileIn(path, format, nil, stdin, emit)
}

// ScanFileIn opens path ("-" is stdin) and reads it with ScanIn; a zip
// archive as ParseFile reads it, its times in loc.
func ScanFileIn(path, format string, loc *time.Location, stdin io.Reader, emit EmitFunc) (*Log, error) {
	if path == "-" {
		return ScanIn(stdin, path, format, loc, emit)
	}
	if IsZip(path) {
		return scanZipChat(path, format, loc, emit)
	}
	f, err := openFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ScanIn(f, path, format, loc, emit)
}

// ScanEachIn reads an input that may hold several logs, one log after
// another: a Telegram all-chats export gives one log per chat with
// messages (see ParseTelegram), any other input its one log. emit gets
// the messages of each log as ScanIn hands them, then done the log's
// complete metadata (Messages nil), before the next log begins; an error
// either returns stops the reading, and ScanEachIn returns it unchanged.
// A parse error comes after the logs before it have ended, and after the
// messages read before it of the log it is in, as Scan emits them; that
// log does not end (done is not called for it).
func ScanEachIn(r io.Reader, path, format string, loc *time.Location, emit EmitFunc, done func(*Log) error) error {
	br, f, end, err := prepare(r, path, format)
	if err != nil {
		return err
	}
	z := newZone(loc)
	if each := f.each(); each != nil {
		emitAll := func(log *Log) error {
			msgs := log.Messages
			log.Messages = nil
			for _, m := range msgs {
				if err := emit(log, m); err != nil {
					return err
				}
			}
			return nil
		}
		partial, err := each(br, path, z, func(log *Log) error {
			if err := emitAll(log); err != nil {
				return err
			}
			return done(log)
		})
		if partial != nil {
			if err := emitAll(partial); err != nil {
				return err
			}
		}
		return err
	}
	log, err := f.scanWith(br, path, z, end, emit)
	if err != nil {
		return err
	}
	return done(log)
}

// ScanEachFileIn opens path ("-" is stdin) and reads it with ScanEachIn;
// a zip archive as ParseFile reads it.
func ScanEachFileIn(path, format string, loc *time.Location, stdin io.Reader, emit EmitFunc, end func(*Log) error) error {
	if path == "-" {
		return ScanEachIn(stdin, path, format, loc, emit, end)
	}
	name := path
	var r io.ReadCloser
	if IsZip(path) {
		f, err := openZipChat(path, format)
		if err != nil {
			return err
		}
		r, name = f, f.name
	} else {
		f, err := openFile(path)
		if err != nil {
			return err
		}
		r = f
	}
	defer r.Close()
	return ScanEachIn(r, name, format, loc, emit, end)
}

// each returns the reader of a format whose input may hold several logs,
// handing each to its fn as soon as it is read, and returning with its
// error the log it was in, as far as it was read (nil when none); nil for
// the formats whose input is one log.
func (f Format) each() func(r io.Reader, path string, z zone, fn func(*Log) error) (*Log, error) {
	switch f.Name {
	case FormatTelegram:
		return eachTelegramChat
	}
	return nil
}

// collect runs a streaming parser and gathers its messages into the log, so
// that the Parse functions of the streaming formats share its code path.
func collect(r io.Reader, path string, z zone, scan scanFunc) (*Log, error) {
	msgs := make([]Message, 0)
	h := &holdLast{emit: func(_ *Log, m Message) error {
		msgs = append(msgs, m)
		return nil
	}}
	log, err := scan(r, path, z, h.add)
	if log, err = h.finish(log, err, path, nil); err != nil {
		return nil, err
	}
	log.Messages = msgs
	return log, nil
}

// A logDate finds the day every message of a log falls on, message by
// message: Log.Date is that day as YYYY-MM-DD, or "" when the messages span
// several days, one has no date (0001-01-01), or there are none.
type logDate struct {
	day   string
	n     int
	mixed bool
}

// add records one message's time.
func (d *logDate) add(t time.Time) {
	d.n++
	if d.mixed {
		return
	}
	if t.Year() <= 1 {
		d.mixed = true
		return
	}
	day := t.Format("2006-01-02")
	switch {
	case d.n == 1:
		d.day = day
	case day != d.day:
		d.mixed = true
	}
}

// number gives a streamed message the next Index (the count of messages
// added so far) and records its time.
func (d *logDate) number(m *Message) {
	m.Index = d.n
	d.add(m.Time)
}

// get returns the common day, or "".
func (d *logDate) get() string {
	if d.mixed {
		return ""
	}
	return d.day
}
