package chatlog

// This file reads the three outputs of sjzar/chatlog (the Go WeChat tool whose
// HTTP API serves /api/v1/chatlog?format=json|csv|text) and holds the helpers
// that the other WeChat export parsers (weflow.go, chatlab.go, memotrace.go)
// share: flexible JSON fields, a streaming JSON walker that knows its line, a
// line reader without a length limit, WeChat appmsg XML extraction and the
// common placeholders.
//
// Media placeholders: a photo is a TypeImage message with Text "" (the URL, when
// the export has one, says where it is); a video or a sticker is a TypeImage
// message whose Text is the placeholder the export writes ("[视频]",
// "[动画表情]", "[表情包]"); a voice message is a TypeText message whose Text is
// the export's placeholder ("[语音]") or its transcription; a red packet is a
// TypeRedPacket message with Text "微信红包".

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The Log.Format names of the sjzar/chatlog outputs.
const (
	FormatChatlogJSON = "chatlog-json" // GET /api/v1/chatlog?format=json
	FormatChatlogCSV  = "chatlog-csv"  // GET /api/v1/chatlog?format=csv
	FormatChatlogText = "chatlog-text" // GET /api/v1/chatlog (plain text)
)

// wechatZone is the zone of WeChat exports that write unix seconds or local
// times without a zone: China Standard Time (UTC+8), a fixed zone so that
// parsing never depends on the system's tzdata.
var wechatZone = time.FixedZone("CST", 8*3600)

// The placeholders the parsers write for content that is not text.
const (
	wxVoice   = "[语音]"
	wxVideo   = "[视频]"
	wxSticker = "[动画表情]"
	wxCall    = "[语音通话]"
)

// wxBOM is the byte order mark some Windows exporters put first.
const wxBOM = "\ufeff"

// ---------------------------------------------------------------------------
// Flexible JSON fields.

// wxInt is a JSON integer that exporters write as a number, a numeric string
// or null (read as 0). A number with a fraction is truncated.
type wxInt int64

// UnmarshalJSON implements json.Unmarshaler.
func (n *wxInt) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	s := string(b)
	if s == "null" {
		*n = 0
		return nil
	}
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if s = strings.TrimSpace(s); s == "" {
			*n = 0
			return nil
		}
	}
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		*n = wxInt(v)
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f >= 9.2e18 || f <= -9.2e18 {
		return fmt.Errorf("expected an integer, got %s", wxClip(s, 40))
	}
	*n = wxInt(f)
	return nil
}

// wxString is a JSON text field that exporters write as a string, a number,
// a boolean or null (read as ""). Numbers keep their literal digits, so a
// 64-bit message id written as a number is not rounded.
type wxString string

// UnmarshalJSON implements json.Unmarshaler.
func (s *wxString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return errors.New("empty value")
	case b[0] == '"':
		var str string
		if err := json.Unmarshal(b, &str); err != nil {
			return err
		}
		*s = wxString(str)
	case string(b) == "null":
		*s = ""
	case b[0] == '-' || b[0] >= '0' && b[0] <= '9' || string(b) == "true" || string(b) == "false":
		*s = wxString(b)
	default:
		return fmt.Errorf("expected a string, got %s", wxClip(string(b), 40))
	}
	return nil
}

// wxTrimBlankTail drops the blank lines that end a message body.
func wxTrimBlankTail(body []string) []string {
	for len(body) > 0 && wxBlank(body[len(body)-1]) {
		body = body[:len(body)-1]
	}
	return body
}

// wxClip shortens s to at most n bytes (on a rune boundary) for an error message.
func wxClip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

// wxRawString returns a JSON value as text when it is a string or a number,
// "" otherwise.
func wxRawString(raw json.RawMessage) string {
	var s wxString
	if len(raw) == 0 || json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return string(s)
}

// wxUnix converts unix seconds to a time in wechatZone; ok is false when the
// value is negative or past the year 9999.
func wxUnix(sec int64) (time.Time, bool) {
	if sec < 0 || sec > 253402300799 {
		return time.Time{}, false
	}
	return time.Unix(sec, 0).In(wechatZone), true
}

// ---------------------------------------------------------------------------
// Streaming JSON.

// wxLineCounter counts the lines of what a json.Decoder reads, keeping only
// the newline offsets the decoder has not yet moved past.
type wxLineCounter struct {
	r     io.Reader
	off   int64   // bytes read so far
	nl    []int64 // offsets of newlines not yet counted in lines
	lines int     // newlines before nl[0]
}

// Read implements io.Reader.
func (c *wxLineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] == '\n' {
			c.nl = append(c.nl, c.off+int64(i))
		}
	}
	c.off += int64(n)
	return n, err
}

// lineAt returns the 1-based line of the byte at offset off. Offsets must not
// decrease from one call to the next.
func (c *wxLineCounter) lineAt(off int64) int {
	i := 0
	for i < len(c.nl) && c.nl[i] < off {
		i++
	}
	c.lines += i
	c.nl = c.nl[i:]
	return c.lines + 1
}

// errorLine returns the 1-based line an error of dec, which reads from c,
// points at: the end of the input for a file cut short, the offending byte
// for a syntax error, else the decoder's position. inValue says the error
// came from Decode.
//
// A syntax error from Token holds the offending byte's offset in the input,
// but one from Decode counts the bytes that all of the decoder's Decode calls
// have scanned, which is no position once values have been read with Token
// or several values decoded; the value that failed is then scanned again
// from the decoder's position, which a failed Decode leaves at its start, to
// find the byte.
func (c *wxLineCounter) errorLine(dec *json.Decoder, err error, inValue bool) int {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return c.lineAt(c.off)
	case errors.As(err, &se):
		cur := dec.InputOffset()
		off := se.Offset
		if inValue {
			off = cur
			var raw json.RawMessage
			if errors.As(json.NewDecoder(dec.Buffered()).Decode(&raw), &se) && se.Offset > 0 {
				off += se.Offset - 1 // Offset counts the offending byte
			}
		}
		if off < cur {
			off = cur
		}
		return c.lineAt(off)
	}
	return c.lineAt(dec.InputOffset())
}

// wxMembers calls fn with the key of each member of the JSON object obj in
// turn, its value and the byte offset of the value in obj, until fn returns
// false or the members end; it calls nothing when obj does not read as an
// object.
func wxMembers(obj json.RawMessage, fn func(key string, v json.RawMessage, at int64) bool) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return
		}
		k, _ := tok.(string)
		if !fn(k, v, dec.InputOffset()-int64(len(v))) {
			return
		}
	}
}

// wxValueOffset returns the byte offset in the JSON object obj of the value
// of its member key (the last one, as json.Unmarshal keeps), or 0, the
// object's start, when obj has no such member or does not read as an object.
// With the object's own offset it places an error about one field at that
// field's line.
func wxValueOffset(obj json.RawMessage, key string) int64 {
	var at int64
	wxMembers(obj, func(k string, _ json.RawMessage, off int64) bool {
		if k == key {
			at = off
		}
		return true
	})
	return at
}

// wxFaultOffset returns the byte offset in the JSON object obj of the value
// of the first member that does not decode on its own into a new value of
// the type v points to: the member at which json.Unmarshal(obj, v) failed,
// whose field type may have said so with an error of its own that names no
// field (wxString, wxInt). It is 0, the object's start, when no member fails
// alone or obj does not read as an object (a record that is an array, say).
func wxFaultOffset(obj json.RawMessage, v any) int64 {
	t := reflect.TypeOf(v)
	if t == nil || t.Kind() != reflect.Pointer {
		return 0
	}
	var at int64
	wxMembers(obj, func(key string, val json.RawMessage, off int64) bool {
		k, _ := json.Marshal(key)
		one := make([]byte, 0, len(k)+len(val)+3)
		one = append(append(append(append(append(one, '{'), k...), ':'), val...), '}')
		if json.Unmarshal(one, reflect.New(t.Elem()).Interface()) != nil {
			at = off
			return false
		}
		return true
	})
	return at
}

// wxJSON walks one JSON document token by token, so that a messages array is
// decoded one record at a time and never held whole, and positions its errors
// at the source line.
type wxJSON struct {
	jsonSource
	path string
}

// newWXJSON returns a walker over r, skipping a leading byte order mark.
func newWXJSON(r io.Reader, path string) *wxJSON {
	j := &wxJSON{jsonSource: newJSONSource(r), path: path}
	j.dec.UseNumber()
	return j
}

// A jsonSource is a JSON decoder over an input whose lines it counts, and
// the value last decoded whole (keep), so that an error about one of its
// members can name that member's line. The JSON readers of WeChat tools
// (wxJSON) and of Telegram, Discord and Slack (jsonWalker) share it.
type jsonSource struct {
	dec *json.Decoder
	lc  *wxLineCounter
	raw json.RawMessage // the value last kept
	at  int64           // its offset in the input
	cut bool            // the input ended inside the document: it is cut short (see cutInMessages)
}

// newJSONSource returns a source over r, skipping a leading byte order mark.
func newJSONSource(r io.Reader) jsonSource {
	br := bufio.NewReaderSize(r, 64*1024)
	if b, err := br.Peek(len(wxBOM)); err == nil && string(b) == wxBOM {
		br.Discard(len(wxBOM))
	}
	lc := &wxLineCounter{r: br}
	return jsonSource{dec: json.NewDecoder(lc), lc: lc}
}

// keep records raw, the value the decoder has just read, as the value last
// read.
func (s *jsonSource) keep(raw json.RawMessage) {
	s.raw, s.at = raw, s.dec.InputOffset()-int64(len(raw))
}

// startLine returns the line the value last kept starts on: for a record
// of a messages array, the line of its opening '{', which is the message's
// Line in the JSON readers.
func (s *jsonSource) startLine() int {
	return s.lc.lineAt(s.at)
}

// memberLine returns the line of the value of member key of the value last
// kept (see wxValueOffset), the line that value starts on when it has no
// such member.
func (s *jsonSource) memberLine(key string) int {
	return s.lc.lineAt(s.at + wxValueOffset(s.raw, key))
}

// faultLine returns the line of the member at fault when the value last
// kept does not decode into v (see wxFaultOffset), the line that value
// starts on when it is not an object.
func (s *jsonSource) faultLine(v any) int {
	return s.lc.lineAt(s.at + wxFaultOffset(s.raw, v))
}

// sync forgets the newlines before the decoder's position; call it after each
// record so that the counter stays small.
func (j *wxJSON) sync() { j.lc.lineAt(j.dec.InputOffset()) }

// errorf returns a *ParseError at the decoder's current line.
func (j *wxJSON) errorf(format string, args ...any) error {
	return &ParseError{Path: j.path, Line: j.lc.lineAt(j.dec.InputOffset()), Msg: fmt.Sprintf(format, args...)}
}

// fieldErrorf returns a *ParseError at the line of the value of member key
// in the value last read by records or value (see memberLine).
func (j *wxJSON) fieldErrorf(key, format string, args ...any) error {
	return &ParseError{Path: j.path, Line: j.memberLine(key), Msg: fmt.Sprintf(format, args...)}
}

// faultErrorf returns a *ParseError for a failure to unmarshal the value last
// read by records or value into v, at the line of the member at fault (see
// faultLine).
func (j *wxJSON) faultErrorf(v any, format string, args ...any) error {
	return &ParseError{Path: j.path, Line: j.faultLine(v), Msg: fmt.Sprintf(format, args...)}
}

// fail turns a decoder error met while reading what (e.g. "record 7") into a
// *ParseError at its line (see errorLine). inValue says the error came from
// Decode.
func (j *wxJSON) fail(err error, what string, inValue bool) error {
	line := j.lc.errorLine(j.dec, err, inValue)
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		j.cut = true
		return &ParseError{Path: j.path, Line: line, Msg: what + ": the file is cut short (unexpected end of input)"}
	case errors.As(err, &se):
		return &ParseError{Path: j.path, Line: line, Msg: what + ": malformed JSON", Err: err}
	default:
		return &ParseError{Path: j.path, Line: line, Msg: what + ": read error", Err: err}
	}
}

// start reads the first token of the document: '[' or '{' (as a json.Delim),
// or nil for a document that is only null. want names the expected content in
// errors.
func (j *wxJSON) start(want string) (json.Delim, error) {
	tok, err := j.dec.Token()
	if errors.Is(err, io.EOF) {
		return 0, &ParseError{Path: j.path, Line: 1, Msg: "empty input: expected " + want}
	}
	if err != nil {
		return 0, j.fail(err, "start of document", false)
	}
	if tok == nil {
		return 0, nil
	}
	d, ok := tok.(json.Delim)
	if !ok || d != '[' && d != '{' {
		return 0, j.errorf("expected %s, found %s", want, wxTokenKind(tok))
	}
	return d, nil
}

// wxTokenKind names a JSON token for an error message.
func wxTokenKind(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		return fmt.Sprintf("%q", v.String())
	case string:
		return fmt.Sprintf("string %q", wxClip(v, 40))
	case json.Number:
		return "number " + v.String()
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "a value"
}

// end checks that nothing but white space follows the document.
func (j *wxJSON) end() error {
	tok, err := j.dec.Token()
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return j.fail(err, "after the document", false)
	}
	return j.errorf("unexpected %s after the end of the document", wxTokenKind(tok))
}

// records reads the elements of an array whose '[' has been read, one at a
// time, calling fn with each element's bytes and its 1-based ordinal
// (first+1, first+2, ...); it consumes the closing ']' and returns the count.
// fn places its errors with fieldErrorf or faultErrorf.
func (j *wxJSON) records(first int, fn func(raw json.RawMessage, rec int) error) (int, error) {
	n := 0
	for j.dec.More() {
		var raw json.RawMessage
		if err := j.dec.Decode(&raw); err != nil {
			return n, j.fail(err, fmt.Sprintf("record %d", first+n+1), true)
		}
		j.keep(raw)
		n++
		if err := fn(raw, first+n); err != nil {
			return n, err
		}
		j.sync()
	}
	if _, err := j.dec.Token(); err != nil {
		return n, j.fail(err, fmt.Sprintf("after record %d (expected ',' or ']')", first+n), false)
	}
	return n, nil
}

// object reads the members of an object whose '{' has been read, calling fn
// with each key; fn must consume the member's value (with value, skip or by
// walking it). The closing '}' is consumed.
func (j *wxJSON) object(fn func(key string) error) error {
	for j.dec.More() {
		tok, err := j.dec.Token()
		if err != nil {
			return j.fail(err, "object key", false)
		}
		key, ok := tok.(string)
		if !ok {
			return j.errorf("expected an object key, found %s", wxTokenKind(tok))
		}
		if err := fn(key); err != nil {
			return err
		}
	}
	if _, err := j.dec.Token(); err != nil {
		return j.fail(err, "end of object (expected ',' or '}')", false)
	}
	return nil
}

// value decodes the next value into v, naming it what in errors; a member
// of the wrong type is reported at its line.
func (j *wxJSON) value(v any, what string) error {
	var raw json.RawMessage
	if err := j.dec.Decode(&raw); err != nil {
		return j.fail(err, what, true)
	}
	j.keep(raw)
	if err := json.Unmarshal(raw, v); err != nil {
		return j.faultErrorf(v, "%s: %v", what, err)
	}
	return nil
}

// skip consumes the next value.
func (j *wxJSON) skip(what string) error {
	var raw json.RawMessage
	if err := j.dec.Decode(&raw); err != nil {
		return j.fail(err, what, true)
	}
	return nil
}

// peekDelim reports the next token when it is '[' or '{' and consumes it;
// for any other value it consumes the value and returns 0.
func (j *wxJSON) peekDelim(what string) (json.Delim, error) {
	tok, err := j.dec.Token()
	if err != nil {
		return 0, j.fail(err, what, false)
	}
	if d, ok := tok.(json.Delim); ok && (d == '[' || d == '{') {
		return d, nil
	}
	return 0, nil
}

// skipRest consumes the rest of a container whose opening delimiter has been read.
func (j *wxJSON) skipRest(d json.Delim, what string) error {
	if d == '{' {
		return j.object(func(string) error { return j.skip(what) })
	}
	for j.dec.More() {
		if err := j.skip(what); err != nil {
			return err
		}
	}
	if _, err := j.dec.Token(); err != nil {
		return j.fail(err, what, false)
	}
	return nil
}

// ---------------------------------------------------------------------------
// Lines.

// wxLineReader returns the lines of a text export one at a time, without
// their line ends and with no limit on their length.
type wxLineReader struct {
	br   *bufio.Reader
	path string
	n    int // number of the line last returned
	eof  bool
}

// newWXLineReader returns a line reader over r.
func newWXLineReader(r io.Reader, path string) *wxLineReader {
	return &wxLineReader{br: bufio.NewReaderSize(r, 64*1024), path: path}
}

// next returns the next line; ok is false at the end of input.
func (l *wxLineReader) next() (line string, ok bool, err error) {
	if l.eof {
		return "", false, nil
	}
	s, err := l.br.ReadString('\n')
	if err != nil {
		if !errors.Is(err, io.EOF) {
			return "", false, &ParseError{Path: l.path, Line: l.n + 1, Msg: "read error", Err: err}
		}
		l.eof = true
		if s == "" {
			return "", false, nil
		}
	}
	l.n++
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	if l.n == 1 {
		s = strings.TrimPrefix(s, wxBOM)
	}
	return s, true, nil
}

// wxBlank reports whether a line holds only white space.
func wxBlank(s string) bool { return strings.TrimSpace(s) == "" }

// ---------------------------------------------------------------------------
// CSV.

// A wxCSVReader is a tolerant CSV reader (see newWXCSV) that also tells
// whether its input ends inside a quoted field.
type wxCSVReader struct {
	*csv.Reader
	quotes *csvQuotes
	header []string // the columns of the header read
}

// cutShort returns, once Read has given io.EOF, the error of an input
// that ends inside a quoted field (its closing quote never came: the
// file is cut short), or nil. holdLast reports it at the line of the
// last record, which it drops.
func (cr *wxCSVReader) cutShort() error {
	if !cr.quotes.open() {
		return nil
	}
	name := "a"
	if i := cr.quotes.field; i < len(cr.header) {
		name = "the " + cr.header[i]
	}
	return &cutLastError{msg: "the file is cut short: it ends inside " + name + " field's quotes; export it again"}
}

// newWXCSV returns a tolerant CSV reader over r (lazy quotes, any number of
// fields) after checking that its header is one of headers (compared without
// case, spaces or a byte order mark). It returns the index of the header that
// matched.
func newWXCSV(r io.Reader, path string, headers ...[]string) (*wxCSVReader, int, error) {
	quotes := &csvQuotes{r: r}
	cr := csv.NewReader(quotes)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	want := make([]string, len(headers))
	for i, h := range headers {
		want[i] = strconv.Quote(strings.Join(h, ","))
	}
	expected := "expected header " + want[0]
	if len(want) > 1 {
		expected += " (or " + strings.Join(want[1:], " or ") + ")"
	}
	rec, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, 0, &ParseError{Path: path, Line: 1, Msg: "empty input: " + expected}
	}
	if err != nil {
		return nil, 0, wxCSVError(path, err)
	}
	got := make([]string, len(rec))
	for i, f := range rec {
		if i == 0 {
			f = strings.TrimPrefix(f, wxBOM)
		}
		got[i] = strings.TrimSpace(f)
	}
	for i, h := range headers {
		if len(h) != len(got) {
			continue
		}
		match := true
		for k := range h {
			if !strings.EqualFold(h[k], got[k]) {
				match = false
				break
			}
		}
		if match {
			return &wxCSVReader{Reader: cr, quotes: quotes, header: h}, i, nil
		}
	}
	return nil, 0, &ParseError{Path: path, Line: 1, Msg: fmt.Sprintf("%s, got %q", expected, wxClip(strings.Join(got, ","), 200))}
}

// csvQuotes reads a CSV input through, following its quotes as
// encoding/csv with LazyQuotes reads them, to tell whether the input ends
// inside a quoted field: a field is quoted when its first byte is a
// quote, and a quote in it ends it only when a comma, a line end or the
// end of the input follows (two quotes are one; any other quote is kept).
// Line ends are LF, as Decode leaves them.
type csvQuotes struct {
	r     io.Reader
	state int // csvFieldStart, csvUnquoted, csvQuoted or csvQuoteSeen
	field int // the index of the field being read in its record
}

// The states of csvQuotes.
const (
	csvFieldStart = iota // before a field's first byte
	csvUnquoted          // in a field that does not start with a quote
	csvQuoted            // in a quoted field
	csvQuoteSeen         // in a quoted field, right after a quote
)

// Read implements io.Reader.
func (q *csvQuotes) Read(p []byte) (int, error) {
	n, err := q.r.Read(p)
	for _, b := range p[:n] {
		switch {
		case q.state == csvQuoted:
			if b == '"' {
				q.state = csvQuoteSeen
			}
		case q.state == csvQuoteSeen && b == '"':
			q.state = csvQuoted // a doubled quote
		case b == ',':
			q.state = csvFieldStart
			q.field++
		case b == '\n':
			q.state = csvFieldStart
			q.field = 0
		case q.state == csvQuoteSeen:
			q.state = csvQuoted // a bare quote inside the field, kept
		case q.state == csvFieldStart && b == '"':
			q.state = csvQuoted
		case q.state == csvFieldStart:
			q.state = csvUnquoted
		}
	}
	return n, err
}

// open reports whether the input read so far ends inside a quoted field.
func (q *csvQuotes) open() bool { return q.state == csvQuoted }

// wxCSVError turns an encoding/csv error into a *ParseError.
func wxCSVError(path string, err error) error {
	var ce *csv.ParseError
	if errors.As(err, &ce) {
		return &ParseError{Path: path, Line: ce.Line, Msg: "malformed CSV", Err: ce.Err}
	}
	return &ParseError{Path: path, Msg: "read error", Err: err}
}

// wxField returns field i of a record, "" when the record is shorter.
func wxField(rec []string, i int) string {
	if i < len(rec) {
		return rec[i]
	}
	return ""
}

// A wxCSVShape says how the first line of a record of one CSV format looks,
// so that wxCSVRunaway can tell a row of the file taken into a field whose
// closing quote is missing.
type wxCSVShape struct {
	header  []string          // the header's columns, to name a field in errors
	cols    int               // the fields the first line of every record holds at least
	timeCol int               // the column holding the record's time, below cols
	time    func(string) bool // reports whether a field, trimmed, is a time of the format
	chatCol int               // the column naming the chat (Talker); -1 for none
	chat    func(string) bool // reports whether a field, trimmed, reads as a chat's name in chatCol
}

// wxCSVRunaway finds a runaway quote in rec: a field holding, after its
// first line, a line that reads as the first line of a record of its own
// (see wxCSVLooksRecord). That is what a field whose closing quote is
// missing looks like: the reader takes every row after it, up to the next
// quote that ends a field or the end of the file, for the rest of that
// field. Where the field comes after the chat's column, the line must name
// a chat there too, the record's own or one of the format's shape: the rows
// a runaway takes in are the export's, and a CSV row pasted into a message
// (a settlement file's) names none.
// It returns the field's index and the index of that line in it, or ok
// false. Fields of one line are never runaways, so that a last record cut
// short is kept.
func wxCSVRunaway(rec []string, shape wxCSVShape) (field, at int, ok bool) {
	for i, f := range rec {
		if !strings.Contains(f, "\n") {
			continue
		}
		chat := -1 // the record's chat, when read before the field
		if shape.chatCol >= 0 && shape.chatCol < i {
			chat = shape.chatCol
		}
		for k, l := range strings.Split(f, "\n")[1:] {
			if row, ok := wxCSVLooksRecord(l, shape); ok && (chat < 0 || wxCSVSameExport(row[chat], rec[chat], shape)) {
				return i, k + 1, true
			}
		}
	}
	return 0, 0, false
}

// wxCSVSameExport reports whether got, a chat field of a line inside a
// record's field, names a chat of the export the record (whose chat field is
// own) comes from: the record's own chat, or a name of the format's shape.
func wxCSVSameExport(got, own string, shape wxCSVShape) bool {
	got = strings.TrimSpace(got)
	return got == strings.TrimSpace(own) || shape.chat != nil && shape.chat(got)
}

// wxCSVLooksRecord reads line alone as CSV and reports whether it has at
// least shape.cols fields and a time of the format in field shape.timeCol,
// and if so returns its fields.
func wxCSVLooksRecord(line string, shape wxCSVShape) ([]string, bool) {
	if strings.Count(line, ",") < shape.cols-1 {
		return nil, false
	}
	cr := csv.NewReader(strings.NewReader(line))
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	rec, err := cr.Read()
	if err != nil || len(rec) < shape.cols || !shape.time(strings.TrimSpace(rec[shape.timeCol])) {
		return nil, false
	}
	return rec, true
}

// wxCSVRunawayError returns a *ParseError at the line where a runaway quote
// of rec (see wxCSVRunaway) opened, naming its column and the first row it
// took in, or nil when rec has none. cr is the reader rec was just read
// from.
func wxCSVRunawayError(path string, cr *csv.Reader, rec []string, shape wxCSVShape) error {
	i, at, ok := wxCSVRunaway(rec, shape)
	if !ok {
		return nil
	}
	line, _ := cr.FieldPos(i)
	name := fmt.Sprintf("field %d", i+1)
	if i < len(shape.header) {
		name = shape.header[i]
	}
	row := strings.Split(rec[i], "\n")[at]
	return &ParseError{Path: path, Line: line, Msg: fmt.Sprintf("the quote that opens %s here never closes: the field runs on into line %d, %q, which reads as a record of its own; "+
		"add the closing quote (\") where %s ends, and write each quote inside it as two (\"\")", name, line+at, wxClip(row, 60), name)}
}

// ---------------------------------------------------------------------------
// Message helpers.

// wxText normalises a message body: CRLF and CR become LF, and surrounding
// white space is removed. Mention separators (U+2005) inside are kept.
func wxText(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.TrimSpace(s)
}

// wxSetText makes m a text message with the given body and its mentions.
func wxSetText(m *Message, text string) {
	m.Type = TypeText
	m.Text = text
	m.Mentions = ExtractMentions(text)
}

// wxSet sets m's type and text, without mentions (placeholders, notices).
func wxSet(m *Message, t MessageType, text string) {
	m.Type = t
	m.Text = text
}

// wxSetLink makes m a shared link, file or chat record.
func wxSetLink(m *Message, title, url string) {
	m.Type = TypeLink
	m.Text = title
	m.LinkTitle = title
	m.URL = url
}

// wxSetLinkPlaceholder makes m a link, file or chat record whose title the
// export does not give: Text is the export's placeholder, LinkTitle is empty.
func wxSetLinkPlaceholder(m *Message, placeholder string) {
	wxSetLink(m, placeholder, "")
	m.LinkTitle = ""
}

// wxSetRedPacket makes m a red packet; title is its blessing when known.
func wxSetRedPacket(m *Message, title string) {
	m.Type = TypeRedPacket
	m.Text = redPacket
	if title != redPacket {
		m.LinkTitle = title
	}
}

// wxFinish numbers the messages and sets Log.Date to the day all of them fall
// on (in their own zone), or "" when they span several days or a date is
// unknown (year 1).
func wxFinish(log *Log) {
	same := len(log.Messages) > 0
	day := ""
	for i := range log.Messages {
		m := &log.Messages[i]
		m.Index = i
		if !same {
			continue
		}
		if m.Time.Year() <= 1 {
			same = false
			continue
		}
		d := m.Time.Format("2006-01-02")
		if i == 0 {
			day = d
		} else if d != day {
			same = false
		}
	}
	if same {
		log.Date = day
	}
}

// wxTitle collects the chat name of a log whose records each name their chat:
// the first non-empty name, or "" when the records name different chats.
type wxTitle struct {
	name  string
	mixed bool
}

// add records one record's chat name.
func (t *wxTitle) add(name string) {
	switch {
	case name == "" || t.mixed:
	case t.name == "":
		t.name = name
	case t.name != name:
		t.mixed = true
	}
}

// get returns the common chat name.
func (t *wxTitle) get() string {
	if t.mixed {
		return ""
	}
	return t.name
}

// wxDateRE matches a YYYY-MM-DD date in a file name.
var wxDateRE = regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})`)

// wxDayFromPath returns midnight (UTC+8) of the first valid YYYY-MM-DD date in
// the file name of path, as chatlog puts in its download names.
func wxDayFromPath(path string) (time.Time, bool) {
	for _, m := range wxDateRE.FindAllString(filepath.Base(path), -1) {
		if t, err := time.ParseInLocation("2006-01-02", m, wechatZone); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// wxSplitName splits "Name(id)" into its name and id; a string without a
// trailing parenthesised id is all name.
func wxSplitName(s string) (name, id string) {
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i >= 0 {
			return s[:i], s[i+1 : len(s)-1]
		}
	}
	return s, ""
}

// ---------------------------------------------------------------------------
// WeChat appmsg XML.

// A wxApp is what the XML body of a WeChat type-49 message (appmsg) says.
type wxApp struct {
	Type  int64  // appmsg type: 5 link, 6 file, 19 chat record, 57 quote, 2000 transfer, 2001 red packet, ...
	Title string // title: the link or file title, or the reply text of a quote
	Des   string // description
	URL   string // address of a link
	Refer *wxRefer
}

// A wxRefer is the quoted message (refermsg) of a type-57 reply.
type wxRefer struct {
	Type        int64
	SvrID       string // the quoted message's server id
	Sender      string // chatusr, or fromusr outside groups
	DisplayName string
	Content     string
}

// wxParseApp extracts an appmsg from content; ok is false when content holds
// no <appmsg> element. The extraction is tolerant: it finds tags by name and
// never fails on malformed XML.
func wxParseApp(content string) (app wxApp, ok bool) {
	if !strings.Contains(content, "<appmsg") {
		return app, false
	}
	rest := content
	if i := strings.Index(content, "<refermsg"); i >= 0 {
		j := strings.Index(content[i:], "</refermsg>")
		inner := content[i:]
		rest = content[:i]
		if j >= 0 {
			inner = content[i : i+j]
			rest += content[i+j+len("</refermsg>"):]
		}
		r := &wxRefer{
			SvrID:       wxTag(inner, "svrid"),
			Sender:      wxTag(inner, "chatusr"),
			DisplayName: wxTag(inner, "displayname"),
			Content:     wxTag(inner, "content"),
		}
		r.Type, _ = strconv.ParseInt(wxTag(inner, "type"), 10, 64)
		if r.Sender == "" {
			if from := wxTag(inner, "fromusr"); !strings.HasSuffix(from, "@chatroom") {
				r.Sender = from
			}
		}
		app.Refer = r
	}
	app.Type, _ = strconv.ParseInt(wxTag(rest, "type"), 10, 64)
	app.Title = wxTag(rest, "title")
	app.Des = wxTag(rest, "des")
	app.URL = wxTag(rest, "url")
	return app, true
}

// wxTag returns the text of the first <tag> or <tag attr...> element of s,
// without CDATA markers, HTML-unescaped and trimmed; "" when there is none.
func wxTag(s, tag string) string {
	open := "<" + tag
	for from := 0; ; {
		i := strings.Index(s[from:], open)
		if i < 0 {
			return ""
		}
		i += from + len(open)
		if i >= len(s) {
			return ""
		}
		if c := s[i]; c != '>' && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '/' {
			from = i // a longer tag name such as <titlex>
			continue
		}
		gt := strings.IndexByte(s[i:], '>')
		if gt < 0 {
			return ""
		}
		if s[i+gt-1] == '/' { // <tag/>
			return ""
		}
		body := s[i+gt+1:]
		if end := strings.Index(body, "</"+tag+">"); end >= 0 {
			body = body[:end]
		}
		body = strings.TrimSpace(body)
		if strings.HasPrefix(body, "<![CDATA[") {
			body = strings.TrimPrefix(body, "<![CDATA[")
			body = strings.TrimSuffix(body, "]]>")
		}
		return strings.TrimSpace(html.UnescapeString(body))
	}
}

// wxCdnURLRE matches the cdnurl attribute of a sticker's <emoji> element.
var wxCdnURLRE = regexp.MustCompile(`\bcdnurl\s*=\s*"([^"]*)"`)

// wxStickerURL returns the cdnurl of a sticker's <emoji> XML, "" when absent.
func wxStickerURL(content string) string {
	if m := wxCdnURLRE.FindStringSubmatch(content); m != nil {
		return html.UnescapeString(m[1])
	}
	return ""
}

// wxReferPreview is the readable text of a quoted message from its type and content.
func wxReferPreview(r *wxRefer) string {
	c := wxText(r.Content)
	switch r.Type {
	case 3:
		return "[图片]"
	case 34:
		return wxVoice
	case 43:
		return wxVideo
	case 47:
		return wxSticker
	case 49:
		if app, ok := wxParseApp(c); ok {
			if app.Title != "" {
				return app.Title
			}
			return "[链接]"
		}
	}
	return c
}

// wxSetApp sets m from a parsed appmsg: a quote (text with Quote, its
// SenderID the refer's chatusr, and ReplyToID), a red packet, a link, a file or chat record, a transfer (text)
// or a group notice (system).
func wxSetApp(m *Message, app wxApp) {
	switch app.Type {
	case 57:
		wxSetText(m, wxText(app.Title))
		if r := app.Refer; r != nil {
			name := r.DisplayName
			if name == "" {
				name = r.Sender
			}
			m.Quote = &Quote{Sender: name, SenderID: r.Sender, Text: wxReferPreview(r)}
			if r.SvrID != "" && r.SvrID != "0" {
				m.ReplyToID = r.SvrID
			}
		}
	case 2001, 2003:
		wxSetRedPacket(m, app.Title)
	case 2000:
		wxSet(m, TypeText, wxText("[转账] "+app.Title+" "+app.Des))
	case 87:
		wxSet(m, TypeSystem, wxText("[群公告] "+app.Title+" "+app.Des))
	case 62:
		wxSet(m, TypeSystem, wxText(app.Title))
	default:
		title := app.Title
		if title == "" {
			title = app.Des
		}
		wxSetLink(m, wxText(title), app.URL)
	}
}

// ---------------------------------------------------------------------------
// chatlog JSON.

// chatlogRecord is one message of chatlog's JSON (its model.Message).
type chatlogRecord struct {
	Seq        wxString                   `json:"seq"`
	Time       wxString                   `json:"time"`
	Talker     wxString                   `json:"talker"`
	TalkerName wxString                   `json:"talkerName"`
	Sender     wxString                   `json:"sender"`
	SenderName wxString                   `json:"senderName"`
	Type       wxInt                      `json:"type"`
	SubType    wxInt                      `json:"subType"`
	Content    wxString                   `json:"content"`
	Contents   map[string]json.RawMessage `json:"contents"`
}

// ParseChatlogJSON reads the JSON output of sjzar/chatlog
// (/api/v1/chatlog?format=json, or its export command): an array of messages
// {seq, time, talker, talkerName, isChatRoom, sender, senderName, isSelf,
// type, subType, content, contents}; an object whose "items" or "messages"
// member is that array (as some forks serve it) is read too.
//
// ID is seq; Time is time (RFC 3339) in the zone it is written in (shown in
// another with ParseIn); Sender is
// senderName (the group display name chatlog resolves), or sender when it is
// empty, and SenderID is sender. Types follow type/subType: 1 text; 3 image;
// 43 video and 47 sticker are images (URL = contents.cdnurl for stickers);
// 34 voice is text "[语音]"; 49 is read by subType: 57 a quoted reply whose
// Quote is contents.refer (its senderName, sender as SenderID, and content; chatlog writes the
// refer's seq as 0, so ReplyToID stays empty unless it is set), 2001/2003 a
// red packet, 2000 a transfer (text), 62 a pat and 87 a group notice
// (system), any other a link with LinkTitle = contents.title and URL =
// contents.url; 10000, 10002 and 50 (calls) are system messages. Log.Title and
// Log.Group are the talkerName (or talker) when all records share it,
// Log.ChatID the talker.
//
// Message.Line is the source line of the record's opening '{' (line 1 for
// every message when chatlog writes the whole array on one line, as its
// HTTP API does). Errors are *ParseError values naming the record by its
// 1-based ordinal in the array: a document that is not an array, a record
// that is not a message object, a bad time, or a file cut short. Line is the
// source line of the offending value: a bad time's or a field of the wrong
// type's (the record's first line when the record is not an object or has
// no time). An error met after some records were read comes with the log
// of the records before it, as ParseWeFlow's does.
func ParseChatlogJSON(r io.Reader, path string) (*Log, error) {
	return parseChatlogJSON(r, path, zone{})
}

// parseChatlogJSON is ParseChatlogJSON with the times shown in z.
func parseChatlogJSON(r io.Reader, path string, z zone) (*Log, error) {
	j := newWXJSON(r, path)
	log := &Log{Path: path, Format: FormatChatlogJSON, Messages: make([]Message, 0)}
	var title, chat wxTitle // chat: the talker, the chat's id, when all records share it
	each := func(raw json.RawMessage, rec int) error {
		var c chatlogRecord
		if err := json.Unmarshal(raw, &c); err != nil {
			return j.faultErrorf(&c, "record %d: expected a chatlog message object: %v", rec, err)
		}
		m := Message{Line: j.startLine(), ID: string(c.Seq), SenderID: string(c.Sender)}
		t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(string(c.Time)))
		if err != nil {
			return j.fieldErrorf("time", "record %d: bad time %q: expected an RFC 3339 time such as 2025-03-01T09:00:05+08:00", rec, wxClip(string(c.Time), 60))
		}
		m.Time = z.instant(t)
		m.Sender = string(c.SenderName)
		if m.Sender == "" {
			m.Sender = string(c.Sender)
		}
		chatlogClassify(&m, &c)
		talker := string(c.TalkerName)
		if talker == "" {
			talker = string(c.Talker)
		}
		title.add(talker)
		chat.add(strings.TrimSpace(string(c.Talker)))
		log.Messages = append(log.Messages, m)
		return nil
	}
	const want = "a JSON array of chatlog messages"
	d, err := j.start(want)
	if err != nil {
		return nil, err
	}
	switch d {
	case '[':
		_, err = j.records(0, each)
	case '{':
		found := false
		err = j.object(func(key string) error {
			if (key != "items" && key != "messages") || found {
				return j.skip(key)
			}
			d, err := j.peekDelim(key)
			if err != nil {
				return err
			}
			if d != '[' {
				if d != 0 {
					return j.skipRest(d, key)
				}
				return nil
			}
			found = true
			_, err = j.records(0, each)
			return err
		})
		if err == nil && !found {
			return nil, &ParseError{Path: path, Line: 1, Msg: "not a chatlog JSON export: expected " + want + " (or an object with an \"items\" array)"}
		}
	}
	if err == nil {
		err = j.end()
	}
	if err != nil && len(log.Messages) == 0 {
		return nil, err
	}
	log.Title = title.get()
	log.Group = log.Title
	log.ChatID = chat.get()
	wxFinish(log)
	return log, err
}

// chatlogClassify sets m's type and content from a chatlog record.
func chatlogClassify(m *Message, c *chatlogRecord) {
	content := wxText(string(c.Content))
	str := func(key string) string { return wxText(wxRawString(c.Contents[key])) }
	switch c.Type {
	case 1:
		wxSetText(m, content)
	case 3:
		wxSet(m, TypeImage, "")
	case 34:
		wxSet(m, TypeText, wxVoice)
	case 43:
		wxSet(m, TypeImage, wxVideo)
	case 47:
		wxSet(m, TypeImage, wxSticker)
		m.URL = str("cdnurl")
	case 50:
		wxSet(m, TypeSystem, wxCall)
	case 10000, 10002:
		wxSet(m, TypeSystem, content)
	case 49:
		switch c.SubType {
		case 57:
			wxSetText(m, content)
			var ref chatlogRecord
			if raw, ok := c.Contents["refer"]; ok && json.Unmarshal(raw, &ref) == nil {
				name := string(ref.SenderName)
				if name == "" {
					name = string(ref.Sender)
				}
				var q Message
				chatlogClassify(&q, &ref)
				text := q.Text
				if text == "" {
					text = chatlogPlaceholder(ref.Type)
				}
				m.Quote = &Quote{Sender: name, SenderID: string(ref.Sender), Text: text}
				if s := string(ref.Seq); s != "" && s != "0" {
					m.ReplyToID = s
				}
			}
		case 2001, 2003:
			wxSetRedPacket(m, str("title"))
		case 2000:
			wxSet(m, TypeText, content)
		case 62:
			wxSet(m, TypeSystem, content)
		case 87:
			text := str("title")
			if text == "" {
				text = "[群公告]"
			}
			wxSet(m, TypeSystem, text)
		default:
			title := str("title")
			if title == "" {
				title = content
			}
			if title == "" {
				title = str("desc")
			}
			wxSetLink(m, title, str("url"))
		}
	default:
		if content == "" {
			content = chatlogPlaceholder(c.Type)
		}
		wxSetText(m, content)
	}
}

// chatlogPlaceholder is chatlog's text for a message type without content.
func chatlogPlaceholder(t wxInt) string {
	switch t {
	case 3:
		return "[图片]"
	case 34:
		return wxVoice
	case 42:
		return "[名片]"
	case 43:
		return wxVideo
	case 47:
		return wxSticker
	case 48:
		return "[位置]"
	case 49:
		return "[分享]"
	case 50:
		return wxCall
	}
	return ""
}

// ---------------------------------------------------------------------------
// chatlog CSV and text: bodies as chatlog's PlainTextContent writes them.

// chatlogSystemSender is the sender chatlog gives system messages (type
// 10000) whose content is XML.
const chatlogSystemSender = "系统消息"

// chatlogSystem reports whether a message of chatlog's CSV or text output
// with this sender name and sender is a system message: sender 系统消息 (a
// type-10000 message whose content chatlog parsed as XML), or no sender and
// no name at all (one whose content is plain text, such as a group join
// "\"A\"邀请\"B\"加入了群聊", which chatlog leaves without a sender).
func chatlogSystem(name, sender string) bool {
	return name == "" && (sender == chatlogSystemSender || sender == "")
}

// Patterns of chatlog's plain-text bodies.
var (
	// ![图片](url), ![视频](url), ![动画表情](url)
	chatlogMediaRE = regexp.MustCompile(`^!\[(图片|视频|动画表情)\]\((.*)\)$`)
	// [链接|title](url), [文件|title](url), [分享|title|desc](url), ...
	chatlogLinkRE = regexp.MustCompile(`(?s)^\[(链接|文件|分享|小程序|视频号|音乐)\|(.*)\]\(([^()\s]*)\)$`)
	// [合并转发|title] and [笔记|title] open a multi-line chat record.
	chatlogRecordRE = regexp.MustCompile(`^\[(合并转发|笔记|群公告)\|(.*)\]$`)
	// Type: 10002 Content: ... is chatlog's text for types it does not know.
	chatlogUnknownRE = regexp.MustCompile(`^Type: (\d+) Content: `)
)

// chatlogPlain sets m from a body written by chatlog's PlainTextContent; system
// says the sender is chatlog's system sender.
func chatlogPlain(m *Message, body string, system bool) {
	body = wxText(body)
	if system {
		wxSet(m, TypeSystem, body)
		return
	}
	if q, reply, ok := chatlogSplitQuote(body); ok {
		wxSetText(m, reply)
		m.Quote = q
		return
	}
	first, _, _ := strings.Cut(body, "\n")
	if mm := chatlogMediaRE.FindStringSubmatch(body); mm != nil {
		m.URL = mm[2]
		switch mm[1] {
		case "图片":
			wxSet(m, TypeImage, "")
		case "视频":
			wxSet(m, TypeImage, wxVideo)
		default:
			wxSet(m, TypeImage, wxSticker)
		}
		return
	}
	if mm := chatlogLinkRE.FindStringSubmatch(body); mm != nil {
		title := mm[2]
		if mm[1] == "分享" {
			title, _, _ = strings.Cut(title, "|")
		}
		wxSetLink(m, wxText(title), mm[3])
		return
	}
	if mm := chatlogRecordRE.FindStringSubmatch(first); mm != nil {
		if mm[1] == "群公告" {
			wxSet(m, TypeSystem, body)
			return
		}
		wxSetLink(m, wxText(mm[2]), "")
		return
	}
	if mm := chatlogUnknownRE.FindStringSubmatch(body); mm != nil {
		if mm[1] == "10000" || mm[1] == "10002" {
			wxSet(m, TypeSystem, body)
		} else {
			wxSet(m, TypeText, body)
		}
		return
	}
	switch {
	case body == "[红包]" || body == "[红包封面]" || body == redPacket:
		wxSetRedPacket(m, "")
	case body == wxVoice || strings.HasPrefix(body, "[语音](") && strings.HasSuffix(body, ")") && !strings.Contains(body, "\n"):
		wxSet(m, TypeText, wxVoice)
	case body == wxCall || body == "[拍一拍]":
		wxSet(m, TypeSystem, body)
	case body == wxSticker || body == "[GIF表情]":
		wxSet(m, TypeImage, body)
	case body == "[合并转发]" || body == "[笔记]" || body == "[分享]" || body == "[小程序]" || body == "[视频号]" || body == "[视频号直播]":
		wxSetLinkPlaceholder(m, body)
	case strings.HasPrefix(body, "[视频号直播|") && strings.HasSuffix(body, "]") && !strings.Contains(body, "\n"):
		wxSetLink(m, body[len("[视频号直播|"):len(body)-1], "")
	case body == "[群公告]":
		wxSet(m, TypeSystem, body)
	case body == "[名片]" || body == "[引用]" || strings.HasPrefix(body, "[位置|") || strings.HasPrefix(body, "[转账|"):
		wxSet(m, TypeText, body)
	default:
		wxSetText(m, body)
	}
}

// chatlogSplitQuote splits a quoted reply as chatlog writes it: the quoted
// message's header "SenderName(sender) 01-02 15:04:05" (sender is the
// Quote's SenderID) and body lines, each prefixed with "> ", then the reply. "> [引用]" marks a reply whose quoted
// message chatlog could not read; it is dropped and the Quote is nil.
func chatlogSplitQuote(body string) (q *Quote, reply string, ok bool) {
	if !strings.HasPrefix(body, "> ") {
		return nil, "", false
	}
	lines := strings.Split(body, "\n")
	var quoted []string
	i := 0
	for ; i < len(lines); i++ {
		l := strings.TrimSuffix(lines[i], " ")
		if l != ">" && !strings.HasPrefix(l, "> ") {
			break
		}
		quoted = append(quoted, strings.TrimPrefix(strings.TrimPrefix(l, ">"), " "))
	}
	reply = wxText(strings.Join(lines[i:], "\n"))
	if quoted[0] == "[引用]" {
		return nil, reply, true
	}
	h := chatlogQuoteHeaderRE.FindStringSubmatch(quoted[0])
	if h == nil {
		return nil, "", false
	}
	name, id := wxSplitName(h[1])
	if name == "" {
		name = id
	}
	return &Quote{Sender: name, SenderID: id, Text: wxText(strings.Join(quoted[1:], "\n"))}, reply, true
}

// ---------------------------------------------------------------------------
// chatlog CSV.

// The headers of chatlog's CSV: the HTTP API's, the same after the seq as
// MessageID (as some forks write it), and the one of the export command.
var (
	chatlogCSVHeader       = []string{"Time", "SenderName", "Sender", "TalkerName", "Talker", "Content"}
	chatlogCSVHeaderID     = []string{"MessageID", "Time", "SenderName", "Sender", "TalkerName", "Talker", "Content"}
	chatlogCSVHeaderExport = []string{"Time", "Talker", "TalkerName", "Sender", "SenderName", "IsSelf", "Type", "TypeDesc", "Content"}
)

// chatlogCSVColumns are the column indexes of one chatlog CSV header, -1 for
// a column the header lacks.
type chatlogCSVColumns struct {
	id, time, senderName, sender, talkerName, talker, typ, typeDesc, content int
}

// chatlogCSVLayouts are the columns of chatlogCSVHeader, chatlogCSVHeaderID
// and chatlogCSVHeaderExport, in that order.
var chatlogCSVLayouts = []chatlogCSVColumns{
	{id: -1, time: 0, senderName: 1, sender: 2, talkerName: 3, talker: 4, typ: -1, typeDesc: -1, content: 5},
	{id: 0, time: 1, senderName: 2, sender: 3, talkerName: 4, talker: 5, typ: -1, typeDesc: -1, content: 6},
	{id: -1, time: 0, talker: 1, talkerName: 2, sender: 3, senderName: 4, typ: 6, typeDesc: 7, content: 8},
}

// chatlogTypeDescSubTypes maps the TypeDesc of chatlog's export command to
// the app message subtype it stands for.
var chatlogTypeDescSubTypes = map[string]wxInt{
	"链接分享": 5, "文件": 6, "合并转发": 19, "小程序": 33, "视频号": 51, "引用消息": 57, "拍一拍": 62,
}

// chatlogAppDescRE matches the TypeDesc of other app messages: 应用消息(N).
var chatlogAppDescRE = regexp.MustCompile(`^应用消息\((\d+)\)$`)

// ParseChatlogCSV reads the CSV output of sjzar/chatlog: the HTTP API's
// (/api/v1/chatlog?format=csv), whose header is "Time,SenderName,Sender,
// TalkerName,Talker,Content" (some forks put a "MessageID" column first),
// or the export command's, "Time,Talker,TalkerName,Sender,SenderName,IsSelf,
// Type,TypeDesc,Content"; one record per message.
//
// Time is "YYYY-MM-DD HH:MM:SS" in the chatlog server's local time, read as
// UTC+8 (an RFC 3339 time keeps its own zone; ParseIn reads the one in its
// zone and shows the other in it); Sender is SenderName, or Sender
// when it is empty, and SenderID is Sender; ID is MessageID when present.
// The API's Content is chatlog's plain-text rendering and is classified by
// its shape: "![图片](url)" is an image, "![视频](url)" and "![动画表情](url)"
// are a video and a sticker (images); "[链接|title](url)", "[文件|title](url)"
// and the other "[kind|title](url)" forms are links; "[合并转发|title]" and
// "[笔记|title]" are chat records (links); "[红包]" is a red packet; "[语音]" is
// text "[语音]"; a body whose sender is 系统消息, or that has neither
// SenderName nor Sender (both type 10000, see chatlogSystem), is a system
// message; a body opening with "> header" lines is a quoted reply whose Quote
// is the quoted sender (the header's wxid its SenderID) and text. The export command's Content is the raw
// content, classified by Type and TypeDesc as ParseChatlogJSON classifies
// type and subType (without contents: links have no URL, quotes no Quote).
// Log.Title and Log.Group are the TalkerName (or Talker) when all records
// share it, Log.ChatID the Talker.
//
// Message.Line is the line the record starts on. Every record after the
// header is a message, including a last record cut short. Errors are
// *ParseError values: a wrong header, a bad Time or Type, malformed CSV, or
// a runaway quote: a quoted field whose closing quote is missing, so that
// it takes in the rows after it, is found by a line inside it that reads as
// a record of its own (see wxCSVRunaway) and reported at the line the
// quote opened on.
func ParseChatlogCSV(r io.Reader, path string) (*Log, error) {
	return collect(r, path, zone{}, scanChatlogCSV)
}

// scanChatlogCSV is ParseChatlogCSV as a stream: it hands each message to
// emit as it is read.
func scanChatlogCSV(r io.Reader, path string, z zone, emit EmitFunc) (*Log, error) {
	headers := [][]string{chatlogCSVHeader, chatlogCSVHeaderID, chatlogCSVHeaderExport}
	cr, which, err := newWXCSV(r, path, headers...)
	if err != nil {
		return nil, err
	}
	cols := chatlogCSVLayouts[which]
	// Content, the column that holds line ends, is the last: a record's
	// first line has every column.
	shape := wxCSVShape{header: headers[which], cols: len(headers[which]), timeCol: cols.time, time: func(s string) bool {
		_, err := chatlogCSVTime(s, zone{})
		return err == nil
	}, chatCol: cols.talker, chat: chatlogTalker}
	field := func(rec []string, i int) string {
		if i < 0 {
			return ""
		}
		return wxField(rec, i)
	}
	log := &Log{Path: path, Format: FormatChatlogCSV}
	var (
		title wxTitle
		chat  wxTitle // the Talker, the chat's id, when all records share it
		date  logDate
	)
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
		if err := wxCSVRunawayError(path, cr.Reader, rec, shape); err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		m := Message{Line: line, ID: strings.TrimSpace(field(rec, cols.id))}
		ts := strings.TrimSpace(field(rec, cols.time))
		t, err := chatlogCSVTime(ts, z)
		if err != nil {
			return nil, &ParseError{Path: path, Line: line, Msg: fmt.Sprintf("bad Time %q: expected YYYY-MM-DD HH:MM:SS", wxClip(ts, 60))}
		}
		m.Time = t
		name, sender := field(rec, cols.senderName), field(rec, cols.sender)
		m.Sender, m.SenderID = name, sender
		if m.Sender == "" {
			m.Sender = sender
		}
		content := field(rec, cols.content)
		if cols.typ < 0 {
			chatlogPlain(&m, content, chatlogSystem(name, sender))
		} else {
			c := chatlogRecord{Content: wxString(content)}
			if err := json.Unmarshal([]byte(strconv.Quote(strings.TrimSpace(field(rec, cols.typ)))), &c.Type); err != nil {
				return nil, &ParseError{Path: path, Line: line, Msg: fmt.Sprintf("bad Type %q: expected an integer message type", wxClip(field(rec, cols.typ), 40))}
			}
			desc := strings.TrimSpace(field(rec, cols.typeDesc))
			c.SubType = chatlogTypeDescSubTypes[desc]
			if mm := chatlogAppDescRE.FindStringSubmatch(desc); mm != nil {
				n, _ := strconv.ParseInt(mm[1], 10, 32)
				c.SubType = wxInt(n)
			}
			chatlogClassify(&m, &c)
		}
		talker := field(rec, cols.talkerName)
		if talker == "" {
			talker = field(rec, cols.talker)
		}
		title.add(talker)
		log.Title = title.get()
		log.Group = log.Title
		chat.add(strings.TrimSpace(field(rec, cols.talker)))
		log.ChatID = chat.get()
		date.number(&m)
		if err := emit(log, m); err != nil {
			return nil, err
		}
	}
	log.Date = date.get()
	return log, nil
}

// chatlogTalker reports whether s reads as a chatlog Talker: a group's
// id (…@chatroom) or an account's (wxid_…).
func chatlogTalker(s string) bool {
	return strings.HasSuffix(s, "@chatroom") || strings.HasPrefix(s, "wxid_")
}

// chatlogCSVTime parses a chatlog CSV time: "YYYY-MM-DD HH:MM:SS", a wall
// clock read in UTC+8 or z, or RFC 3339, an instant shown in its own
// offset or z.
func chatlogCSVTime(s string, z zone) (time.Time, error) {
	if t, err := time.ParseInLocation("2006-01-02 15:04:05", s, wechatZone); err == nil {
		return z.wall(t), nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	return z.instant(t), nil
}

// ---------------------------------------------------------------------------
// chatlog text.

// chatlogIDPattern matches a WeChat id as chatlog writes it for a sender or
// a chat: ASCII letters, digits and "_-.@" with at least one letter, as in
// wxid_abc123, a custom id, gh_ ids, 123@chatroom or 1688...@openim. It keeps
// dates, numbers and words in other scripts from passing for an id.
const chatlogIDPattern = `[A-Za-z0-9_.@-]*[A-Za-z][A-Za-z0-9_.@-]*`

// chatlogTimePattern matches the time of a chatlog text header, in the
// layouts sjzar/chatlog's PerfectTimeFormat picks by the span of the query:
// "2006-01-02 15:04:05", "01-02 15:04:05" or "15:04:05".
const chatlogTimePattern = `(?:(?:(\d{4})-)?(\d\d)-(\d\d) )?(\d\d:\d\d:\d\d)`

// chatlogHeaderRE matches the header line of a message in chatlog's text
// output, as sjzar/chatlog's Message.PlainText writes it:
// "SenderName(sender) [TalkerName(talker)] time". The sender part is
// "SenderName(id)" or "SenderName(我)", or, when the name is unknown, the id
// alone, "我", 系统消息 or nothing; the talker part, which appears when
// several chats are listed, is "TalkerName(id)" or the id alone. Anything
// else (a word, a date, "name(note)") is not a header, so that a body line
// such as "时间 2025-03-07 15:00:00" after a blank line stays in the body.
// Groups: 1 sender, 2 talker, 3 year, 4 month, 5 day, 6 clock.
var chatlogHeaderRE = regexp.MustCompile(`^(|系统消息|我|` + chatlogIDPattern + `|.+\((?:` + chatlogIDPattern + `|我)\)) ` +
	`(?:\[(` + chatlogIDPattern + `|.+\(` + chatlogIDPattern + `\))\] )?` + chatlogTimePattern + `$`)

// chatlogQuoteHeaderRE matches the header of a quoted message, the first
// line after the "> " marks of a quote. The marks already say it is a
// header, so any sender goes. Groups as chatlogHeaderRE.
var chatlogQuoteHeaderRE = regexp.MustCompile(`^(.*?) (?:\[(.*)\] )?` + chatlogTimePattern + `$`)

// chatlogHeader returns the groups of chatlogHeaderRE for a header line, nil
// when line is no header. A line opening with a quote mark "> " is a quoted
// line of a body, never a header, whatever follows.
func chatlogHeader(line string) []string {
	if strings.HasPrefix(line, "> ") {
		return nil
	}
	return chatlogHeaderRE.FindStringSubmatch(line)
}

// ParseChatlogText reads the plain-text output of sjzar/chatlog
// (/api/v1/chatlog, the default format): per message a header line
// "SenderName(sender) [TalkerName(talker)] time", the body lines, and a blank
// line. The sender part is "sender" alone when the name is unknown,
// "SenderName(我)" for the account's own messages, and 系统消息 or nothing
// (" 09:00:05") for system messages (see chatlogSystem); the talker part only
// appears when several chats are listed.
//
// A header is a line of that shape at the start of the file or after a blank
// line, its sender and talker ids WeChat ids (see chatlogHeaderRE): a body
// line such as "时间 2025-03-07 15:00:00" or "地点(三楼) 10:00:00" is no
// header, whatever precedes it. Every header is one message and the lines up
// to the blank line before the next header are its body (inner blank lines
// included). A header time of
// "15:04:05" or "01-02 15:04:05" lacks the date or the year: they are taken
// from the first YYYY-MM-DD date in the file name, as chatlog's download names
// carry it, else the date is 0001-01-01 (and Log.Date is ""). Times are UTC+8
// (in another zone with ParseIn).
// Bodies are classified as ParseChatlogCSV does with Content.
//
// Errors are *ParseError values at "path:line": input whose first non-blank
// line is not a header, or an impossible time. A last message cut short is
// kept.
func ParseChatlogText(r io.Reader, path string) (*Log, error) {
	return collect(r, path, zone{}, scanChatlogText)
}

// scanChatlogText is ParseChatlogText as a stream: it hands each message to
// emit once its body has ended.
func scanChatlogText(r io.Reader, path string, z zone, emit EmitFunc) (*Log, error) {
	lr := newWXLineReader(r, path)
	log := &Log{Path: path, Format: FormatChatlogText}
	day, haveDay := wxDayFromPath(path)
	var (
		title     wxTitle
		date      logDate
		cur       *Message
		system    bool
		body      []string
		prevBlank = true
	)
	flush := func() error {
		if cur == nil {
			return nil
		}
		body = wxTrimBlankTail(body)
		chatlogPlain(cur, strings.Join(body, "\n"), system)
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
			if h := chatlogHeader(line); h != nil {
				// The message before this header is complete: emit it
				// before a bad time stops the scan.
				if err := flush(); err != nil {
					return nil, err
				}
				t, err := chatlogTextTime(h, day, haveDay)
				if err != nil {
					return nil, &ParseError{Path: path, Line: lr.n, Msg: err.Error()}
				}
				// "SenderName(sender)", or the sender alone when the name
				// is unknown; "我" stands for the account's own id.
				name, id := wxSplitName(h[1])
				if id == "" {
					id = name
				}
				if id == "我" {
					id = ""
				}
				cur = &Message{Line: lr.n, Time: z.wall(t), Sender: name, SenderID: id}
				system = chatlogSystem("", h[1])
				if h[2] != "" {
					tn, tid := wxSplitName(h[2])
					if tn == "" {
						tn = tid
					}
					title.add(tn)
					log.Title = title.get()
					log.Group = log.Title
				}
				prevBlank = false
				continue
			}
			if cur == nil {
				return nil, &ParseError{Path: path, Line: lr.n, Msg: "not a chatlog text export: expected a 'SenderName(sender) HH:MM:SS' header line"}
			}
		}
		if cur != nil {
			body = append(body, line)
		}
		prevBlank = blank
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if date.n == 0 {
		return nil, &ParseError{Path: path, Line: 1, Msg: "empty input: expected a 'SenderName(sender) HH:MM:SS' header line"}
	}
	log.Title = title.get()
	log.Group = log.Title
	log.Date = date.get()
	return log, nil
}

// chatlogTextTime builds a header's time from its groups, the day from the
// file name when the header lacks it, in UTC+8.
func chatlogTextTime(h []string, day time.Time, haveDay bool) (time.Time, error) {
	clock, err := time.Parse("15:04:05", h[6])
	if err != nil {
		return time.Time{}, fmt.Errorf("bad message time %s: expected HH:MM:SS from 00:00:00 to 23:59:59", h[6])
	}
	y, mo, d := 1, time.January, 1
	if haveDay {
		y, mo, d = day.Date()
	}
	if h[4] != "" {
		// Parse in a leap year so that 02-29 is accepted without a year.
		date, err := time.Parse("2006-01-02", "2000-"+h[4]+"-"+h[5])
		if err != nil {
			return time.Time{}, fmt.Errorf("bad message date %s-%s: expected MM-DD", h[4], h[5])
		}
		_, mo, d = date.Date()
		if h[3] != "" {
			date, err := time.Parse("2006-01-02", h[3]+"-"+h[4]+"-"+h[5])
			if err != nil {
				return time.Time{}, fmt.Errorf("bad message date %s-%s-%s: expected YYYY-MM-DD", h[3], h[4], h[5])
			}
			y = date.Year()
		}
	}
	return time.Date(y, mo, d, clock.Hour(), clock.Minute(), clock.Second(), 0, wechatZone), nil
}

// ---------------------------------------------------------------------------
// Sniffers.

// wxHead returns the first 8 KB of head as text, without a byte order mark
// and leading white space.
func wxHead(head []byte) string {
	if len(head) > 8*1024 {
		head = head[:8*1024]
	}
	return strings.TrimLeft(strings.TrimPrefix(string(head), wxBOM), " \t\r\n")
}

// wxFirstLine returns the first line of s without its line end.
func wxFirstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSuffix(line, "\r")
}

// wxDateTimeStartRE matches a line that opens with "YYYY-MM-DD HH:MM:SS", as
// MemoTrace's text headers do.
var wxDateTimeStartRE = regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`)

// wxFirstKeyRE matches the opening of a JSON object and its first key.
var wxFirstKeyRE = regexp.MustCompile(`^\{\s*"([^"\\]*)"\s*:`)

// wxFirstKey returns the first key of the JSON object s opens, "" when s does
// not open an object with a key.
func wxFirstKey(s string) string {
	if m := wxFirstKeyRE.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// chatlogJSONStartRE matches the opening of chatlog's message array.
var chatlogJSONStartRE = regexp.MustCompile(`^\[\s*\{\s*"seq"\s*:`)

// looksChatlogJSON reports whether head looks like chatlog's JSON output: an
// array whose first message opens with "seq", or a document with chatlog's
// seq, talker and senderName fields.
func looksChatlogJSON(head []byte) bool {
	s := wxHead(head)
	if chatlogJSONStartRE.MatchString(s) {
		return true
	}
	if !strings.HasPrefix(s, "[") && !strings.HasPrefix(s, "{") {
		return false
	}
	if k := wxFirstKey(s); k == "weflow" || k == "chatlab" || k == "_type" || k == "session" {
		return false
	}
	return strings.Contains(s, `"talker"`) && strings.Contains(s, `"senderName"`) && strings.Contains(s, `"seq"`)
}

// looksChatlogCSV reports whether head opens with one of chatlog's CSV headers.
func looksChatlogCSV(head []byte) bool {
	h := strings.ToLower(strings.ReplaceAll(wxFirstLine(wxHead(head)), " ", ""))
	for _, header := range [][]string{chatlogCSVHeader, chatlogCSVHeaderID, chatlogCSVHeaderExport} {
		if h == strings.ToLower(strings.Join(header, ",")) {
			return true
		}
	}
	return false
}

// looksChatlogText reports whether head opens with a chatlog text header, as
// the parser takes it (chatlogHeader): "SenderName(sender) ... time", the
// sender id alone, 我, or a system message's 系统消息; or with the header of
// a system message without a sender, a space then the time (" 09:00:05",
// which a first line read without its indent would lose). A line opening
// with a date and time as MemoTrace's headers do is not taken as chatlog's.
func looksChatlogText(head []byte) bool {
	line := wxFirstLine(wxHead(head))
	if h := chatlogHeader(line); h != nil && h[1] != "" && !wxDateTimeStartRE.MatchString(line) {
		return true
	}
	h := chatlogHeader(wxFirstLine(wxHeadIndented(head)))
	return h != nil && h[1] == ""
}

// wxHeadIndented is wxHead without the leading blank lines only: the first
// line keeps its indent.
func wxHeadIndented(head []byte) string {
	all := strings.TrimPrefix(string(head[:min(len(head), 8*1024)]), wxBOM)
	rest := strings.TrimLeft(all, " \t\r\n")
	start := strings.LastIndexByte(all[:len(all)-len(rest)], '\n') + 1
	return all[start:]
}
