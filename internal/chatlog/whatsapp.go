package chatlog

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// FormatWhatsApp is the Log.Format of logs read by ParseWhatsApp.
const FormatWhatsApp = "whatsapp"

// ParseWhatsApp reads one chat exported as text by WhatsApp ("Export chat",
// the .txt file or the _chat.txt of the zip) and returns its messages.
//
// Every header line yields exactly one message, in file order; lines that do
// not start with a header continue the previous message's text (joined with
// "\n"), and lines before the first header are ignored. Message.Line is the
// header's 1-based line. Headers have the Android form
// "31/12/23, 21:15 - Name: text" or the iOS form
// "[31/12/2023, 21:15:32] Name: text", with any of the separators / . - in
// the date, a year of 2 or 4 digits (or first, "2023-12-31"), an optional
// seconds field, 12-hour times ("9:15 PM", "9:15 p.m.", "下午9:15"), the
// word between date and time of the Finnish ("13.1.2024 klo 21.16") and
// French ("30/12/2023 à 20:57 - ") layouts, and the direction marks (U+200E,
// U+200F) and no-break spaces the apps insert.
// Whether days or months come first is decided once for the file, as
// Pustur/whatsapp-chat-parser does: a first number above 12 means day first,
// a second number above 12 month first, else the number that decreases
// within a year or that changes more often is the day; day first when
// undecided. Times are the wall clock as written, in UTC since the export
// carries no zone (in the chat's zone when ParseIn is given it). The
// messages carry no ids, replies or quotes.
//
// A header whose text has no "Name: ", or whose first ": " is inside a
// quotation, is a system message (Android: "Alice added Bob", the encryption
// notice, `Alice changed the subject to "a: b"`), with Sender ""; a name
// with closed quotes such as `Tom "TJ" Jones` is still a sender. So is an iOS message
// whose text starts with U+200E and is not a media note, a deleted message
// or a poll: iOS writes its notices as sent by the chat (Sender "", and the
// name becomes Log.Title); a marked line of a name that has sent ordinary
// messages before never names the chat. A deleted message ("This message
// was deleted", "You deleted this message", marked on iOS, unmarked on
// Android) is a system message that keeps its sender and names no chat. A
// poll ("POLL:", the question, then "OPTION: …" lines) is a text message,
// a question to the group, on iOS as on Android; its Text is the poll as
// Android writes it, without the marks iOS puts on each line. The note
// "<This message was edited>" at the end of a message is left out of Text.
// "<Media omitted>", "image omitted", "GIF omitted",
// "video omitted" and "audio omitted" are images; "<attached: file>" (or
// another language's word before the colon of a file with the 8-digit
// number iOS gives it, "<adjunto: 00000042-PHOTO-….jpg>") and
// "file (file attached)" are images for pictures, videos and audio
// and otherwise links titled by the file name (URL is the file name inside
// the export); "document omitted" and "Contact card omitted" are links. A
// sticker ("sticker omitted", or an attached STK-….webp or
// …-STICKER-….webp) is a reaction, as a WeChat sticker code is: a text
// message "[Sticker]", which threading reads as a sticker. The
// notes, deleted messages and poll heads of the German, Spanish, French,
// Portuguese, Italian, Dutch and Russian exports are read as the English
// ones ("<Medien ausgeschlossen>", "Diese Nachricht wurde gelöscht",
// "IMG-….jpg (Datei angehängt)", "<Se editó este mensaje.>"). A
// message that is only a URL is a link. Mentions are the "@⁨name⁩" mentions
// (between the isolation marks U+2068 and U+2069 that recent versions write)
// and, in the rest of the text, what ExtractMentions finds; Text is the body
// without those marks. Log.Title and Log.Group are the chat name when the
// file name ("WhatsApp Chat with Name.txt", "WhatsApp Chat - Name.txt") or
// an iOS notice gives it, as the other formats name the group by the chat.
//
// Errors are *ParseError values: input without any header line, a header
// with an impossible date or time, or a read error. A last message cut off
// by the end of the input is kept as it is.
func ParseWhatsApp(r io.Reader, path string) (*Log, error) {
	return collect(r, path, zone{}, scanWhatsApp)
}

// scanWhatsApp is ParseWhatsApp as a stream: it hands each message to emit
// once its continuation lines have ended and the file's date order is
// known. Messages wait until a header shows the order (a number above 12
// where the day or the month is); when none does, to the end of the input,
// where the whole file decides as whatsappDayFirst does.
func scanWhatsApp(r io.Reader, path string, z zone, emit EmitFunc) (*Log, error) {
	title := whatsappTitle(path)
	p := &whatsappParser{
		br:   bufio.NewReaderSize(r, 64*1024),
		log:  &Log{Path: path, Format: FormatWhatsApp, Title: title, Group: title},
		emit: emit,
		tz:   z,
	}
	if err := p.run(); err != nil {
		return nil, err
	}
	return p.log, nil
}

// whatsappHeaderRE matches a message header: leading direction marks, an
// optional "[", the date's three numbers, the word some locales put before
// the time (Finnish "klo", French "à"), the time (with an optional 上午/下午
// before it or an am/pm marker after it), and the separator "] ", " - " or
// ": ". The rest of the line is the body.
var whatsappHeaderRE = regexp.MustCompile(`^[\x{200E}\x{200F}\x{202A}-\x{202E}\x{FEFF}]*\[?` +
	`(\d{1,4})[-/.]\s?(\d{1,2})[-/.]\s?(\d{1,4})\.?,?[ \x{00A0}]+(?:(?:klo|à)[ \x{00A0}]+)?` +
	`(上午|下午)?(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?` +
	`(?:[ \x{00A0}\x{202F}]*([aApP])\.?[ \x{00A0}\x{202F}]?[mM]\.?)?` +
	`(?:\][ \x{00A0}]?|[ \x{00A0}]+[-–][ \x{00A0}]|:[ \x{00A0}])`)

// whatsappHeader is a header line's fields before the date order is known.
type whatsappHeader struct {
	a, b, c     string // the date's numbers in written order
	ampm        string // "a", "p" or ""
	h, min, sec int
}

// whatsappRaw is one message before its date is resolved.
type whatsappRaw struct {
	hdr  whatsappHeader
	line int
	body []string // first the rest of the header line, then continuation lines
}

// whatsappParser holds the state of one ParseWhatsApp call.
type whatsappParser struct {
	br     *bufio.Reader
	log    *Log
	emit   EmitFunc
	tz     zone // the zone the header clocks are read in
	lineNo int
	raws   []whatsappRaw // messages read and not yet emitted, the last one possibly still open

	decided  bool // the date order is known
	dayFirst bool // days come before months
	headers  int  // headers read
	date     logDate
	members  map[string]bool // senders of ordinary messages so far, never the chat's title
}

// run parses the whole input, emitting its messages.
func (p *whatsappParser) run() error {
	for {
		line, ok, err := p.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if hdr, rest, ok := parseWhatsAppHeader(line); ok {
			p.headers++
			if !p.decided {
				p.decide(hdr)
			}
			if p.decided {
				// Every message before this header is complete.
				if err := p.flush(len(p.raws)); err != nil {
					return err
				}
			}
			p.raws = append(p.raws, whatsappRaw{hdr: hdr, line: p.lineNo, body: []string{rest}})
		} else if n := len(p.raws); n > 0 {
			p.raws[n-1].body = append(p.raws[n-1].body, line)
		}
	}
	if p.headers == 0 {
		return &ParseError{Path: p.log.Path, Line: 1, Msg: "not a WhatsApp chat export: expected a line such as '31/12/23, 21:15 - Name: text' or '[31/12/23, 21:15:32] Name: text'"}
	}
	if !p.decided {
		p.dayFirst, p.decided = whatsappDayFirst(p.raws), true
	}
	if err := p.flush(len(p.raws)); err != nil {
		return err
	}
	p.log.Date = p.date.get()
	return nil
}

// decide settles the date order when hdr shows it: a first number above
// 12 puts the day first, a second one the month, as whatsappDayFirst
// decides for a whole file.
func (p *whatsappParser) decide(hdr whatsappHeader) {
	if len(hdr.a) >= 3 {
		return
	}
	a, _ := strconv.Atoi(hdr.a)
	b, _ := strconv.Atoi(hdr.b)
	switch {
	case a > 12:
		p.dayFirst, p.decided = true, true
	case b > 12:
		p.dayFirst, p.decided = false, true
	}
}

// flush resolves and emits the first n waiting messages.
func (p *whatsappParser) flush(n int) error {
	for i := 0; i < n; i++ {
		raw := &p.raws[i]
		t, err := raw.hdr.time(p.dayFirst)
		if err != nil {
			return &ParseError{Path: p.log.Path, Line: raw.line, Msg: err.Error()}
		}
		m := Message{Line: raw.line, Time: p.tz.wall(t)}
		p.classify(&m, raw.body)
		raw.body = nil
		p.date.number(&m)
		if err := p.emit(p.log, m); err != nil {
			return err
		}
	}
	p.raws = append(p.raws[:0], p.raws[n:]...)
	return nil
}

// next returns the next line without its line end; ok is false at the end of input.
func (p *whatsappParser) next() (string, bool, error) {
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

// parseWhatsAppHeader splits a header line into its fields and the rest.
func parseWhatsAppHeader(line string) (whatsappHeader, string, bool) {
	loc := whatsappHeaderRE.FindStringSubmatchIndex(line)
	if loc == nil {
		return whatsappHeader{}, "", false
	}
	sub := func(i int) string {
		if loc[2*i] < 0 {
			return ""
		}
		return line[loc[2*i]:loc[2*i+1]]
	}
	h := whatsappHeader{a: sub(1), b: sub(2), c: sub(3)}
	h.h, _ = strconv.Atoi(sub(5))
	h.min, _ = strconv.Atoi(sub(6))
	h.sec, _ = strconv.Atoi(sub(7))
	switch {
	case sub(4) == "上午":
		h.ampm = "a"
	case sub(4) == "下午":
		h.ampm = "p"
	case sub(8) != "":
		h.ampm = strings.ToLower(sub(8))
	}
	return h, line[loc[1]:], true
}

// time returns the header's time, reading the date day first or month first.
func (h *whatsappHeader) time(dayFirst bool) (time.Time, error) {
	var ys, ms, ds string
	switch {
	case len(h.a) >= 3:
		ys, ms, ds = h.a, h.b, h.c
	case dayFirst:
		ds, ms, ys = h.a, h.b, h.c
	default:
		ms, ds, ys = h.a, h.b, h.c
	}
	y, _ := strconv.Atoi(ys)
	mo, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	if len(ys) <= 2 {
		y += 2000
	}
	hour := h.h
	switch h.ampm {
	case "a", "p":
		if hour < 1 || hour > 12 {
			return time.Time{}, fmt.Errorf("bad message time %d:%02d %sm: expected an hour from 1 to 12", hour, h.min, h.ampm)
		}
		hour %= 12
		if h.ampm == "p" {
			hour += 12
		}
	}
	if hour > 23 || h.min > 59 || h.sec > 59 {
		return time.Time{}, fmt.Errorf("bad message time %d:%02d:%02d: expected 00:00:00 to 23:59:59", h.h, h.min, h.sec)
	}
	t := time.Date(y, time.Month(mo), d, hour, h.min, h.sec, 0, time.UTC)
	if mo < 1 || mo > 12 || d < 1 || t.Day() != d {
		order := "day/month/year"
		if len(h.a) >= 3 {
			order = "year/month/day"
		} else if !dayFirst {
			order = "month/day/year"
		}
		return time.Time{}, fmt.Errorf("bad message date %s/%s/%s: not a date when read as %s", h.a, h.b, h.c, order)
	}
	return t, nil
}

// whatsappDayFirst decides whether the file's dates put the day before the month.
func whatsappDayFirst(raws []whatsappRaw) bool {
	type date struct{ a, b, y int }
	var dates []date
	for _, r := range raws {
		if len(r.hdr.a) >= 3 {
			continue
		}
		a, _ := strconv.Atoi(r.hdr.a)
		b, _ := strconv.Atoi(r.hdr.b)
		y, _ := strconv.Atoi(r.hdr.c)
		dates = append(dates, date{a, b, y})
	}
	for _, d := range dates {
		if d.a > 12 {
			return true
		}
	}
	for _, d := range dates {
		if d.b > 12 {
			return false
		}
	}
	// Within a year months never decrease, days do.
	for i := 1; i < len(dates); i++ {
		if dates[i].y == dates[i-1].y && dates[i].a < dates[i-1].a {
			return true
		}
	}
	for i := 1; i < len(dates); i++ {
		if dates[i].y == dates[i-1].y && dates[i].b < dates[i-1].b {
			return false
		}
	}
	var da, db int
	for i := 1; i < len(dates); i++ {
		da += whatsappAbs(dates[i].a - dates[i-1].a)
		db += whatsappAbs(dates[i].b - dates[i-1].b)
	}
	return da >= db
}

// whatsappAbs returns the absolute value of x.
func whatsappAbs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// The notes WhatsApp writes in place of what it leaves out of an export,
// in English and, for the main locales (de, es, fr, pt, it, nl, ru), as
// their exports write them. Each is compared without regard to case.
var (
	// whatsappMediaNotes stand for any medium an Android export left out
	// ("<Media omitted>"), without the angle brackets.
	whatsappMediaNotes = []string{
		"Media omitted",
		"Medien ausgeschlossen", "Medien weggelassen",
		"Multimedia omitido", "Archivo omitido",
		"Médias omis", "Fichier omis",
		"Mídia oculta", "Mídia omitida", "Ficheiro não revelado",
		"Media omessi", "Media omesso",
		"Media weggelaten",
		"Без медиафайлов", "Файл пропущен",
	}
	// whatsappOmittedNotes are the iOS notes of one kind of medium ("image
	// omitted"), by the kind of message they make: a link for a document or
	// a contact card, text for a sticker (stickerPlaceholder, a reaction),
	// an image for the rest.
	whatsappOmittedNotes = map[MessageType][]string{
		TypeImage: {
			"image omitted", "video omitted", "audio omitted", "GIF omitted",
			"Bild weggelassen", "Video weggelassen", "Audio weggelassen", "GIF weggelassen",
			"imagen omitida", "video omitido", "audio omitido", "GIF omitido",
			"image absente", "vidéo absente", "audio omis", "GIF retiré",
			"imagem ocultada", "vídeo omitido", "áudio ocultado",
			"immagine omessa", "video omesso", "audio omesso", "GIF esclusa",
			"afbeelding weggelaten", "video weggelaten", "audio weggelaten", "GIF weggelaten",
			"изображение отсутствует", "видео отсутствует", "аудиофайл отсутствует", "GIF отсутствует",
		},
		TypeText: {
			"sticker omitted", "Sticker weggelassen", "sticker omitido", "sticker omis", "figurinha omitida",
			"sticker non incluso", "sticker weggelaten", "стикер не добавлен",
		},
		TypeLink: {
			"document omitted", "Contact card omitted",
			"Dokument weggelassen", "Kontaktkarte ausgelassen",
			"documento omitido", "Tarjeta de contacto omitida",
			"document manquant", "Fiche contact manquante",
			"Cartão do contato omitido",
			"documento omesso", "Scheda contatto omessa",
			"document weggelaten", "Visitekaartje weggelaten",
			"документ отсутствует", "Карточка контакта отсутствует",
		},
	}
	// whatsappAttachedNotes follow the file name of an Android attachment:
	// "IMG-20231231-WA0001.jpg (file attached)".
	whatsappAttachedNotes = []string{
		"file attached", "Datei angehängt", "archivo adjunto", "fichier joint",
		"arquivo anexado", "file allegato", "bestand bijgevoegd", "файл добавлен",
	}
	// whatsappDeletedTexts stand for a deleted message, a member's and your
	// own, without the final period some versions write.
	whatsappDeletedTexts = []string{
		"This message was deleted", "You deleted this message",
		"Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht",
		"Se eliminó este mensaje", "Este mensaje fue eliminado", "Eliminaste este mensaje",
		"Ce message a été supprimé", "Vous avez supprimé ce message",
		"Esta mensagem foi apagada", "Mensagem apagada", "Você apagou esta mensagem", "Apagou esta mensagem",
		"Questo messaggio è stato eliminato", "Hai eliminato questo messaggio",
		"Dit bericht is verwijderd", "U hebt dit bericht verwijderd", "Je hebt dit bericht verwijderd",
		"Данное сообщение удалено", "Вы удалили данное сообщение", "Вы удалили это сообщение",
	}
	// whatsappEditedNotes end the text of an edited message, between angle
	// brackets: "ok <This message was edited>".
	whatsappEditedNotes = []string{
		"This message was edited", "Diese Nachricht wurde bearbeitet", "Se editó este mensaje",
		"Ce message a été modifié", "Esta mensagem foi editada", "Mensagem editada",
		"Questo messaggio è stato modificato", "Dit bericht is bewerkt", "Сообщение изменено",
	}
	// whatsappPollHeads open a poll: the line before its question, then
	// one line per option ("OPTION: Saturday (3 votes)").
	whatsappPollHeads = []string{"POLL:", "UMFRAGE:", "ENCUESTA:", "SONDAGE :", "SONDAGE:", "ENQUETE:", "SONDAGGIO:", "PEILING:"}
)

// whatsappAlternation returns the phrases as a regular expression
// alternation, longest first.
func whatsappAlternation(phrases []string) string {
	q := make([]string, len(phrases))
	for i, p := range phrases {
		q[i] = regexp.QuoteMeta(p)
	}
	sort.Slice(q, func(i, j int) bool { return len(q[i]) > len(q[j]) })
	return strings.Join(q, "|")
}

// whatsappMediaRE matches an Android note for a medium left out.
var whatsappMediaRE = regexp.MustCompile(`(?i)^<\s?(?:` + whatsappAlternation(whatsappMediaNotes) + `)\s?>$`)

// whatsappOmittedRE matches an iOS media note such as "image omitted" or
// "a.docx • 2 pages document omitted": the document's title, then the note.
var whatsappOmittedRE = regexp.MustCompile(`(?i)^(?:(.*\S)\s+•\s+.*\s)?<?(` +
	whatsappAlternation(slices.Concat(whatsappOmittedNotes[TypeImage], whatsappOmittedNotes[TypeLink], whatsappOmittedNotes[TypeText])) + `)>?$`)

// whatsappAttachedRE matches an attachment: "<attached: 00000012-PHOTO-....jpg>"
// (iOS; another language's word before the colon when the file has the
// 8-digit number iOS gives it) or "IMG-20231231-WA0001.jpg (file attached)"
// (Android, in any of whatsappAttachedNotes).
var whatsappAttachedRE = regexp.MustCompile(`^(?:<attached: ([^<>]+)>|<[^<>:\d]{1,30}: ?(\d{8}-[^<>]+)>|(\S.*?) \((?i:` +
	whatsappAlternation(whatsappAttachedNotes) + `)\))$`)

// whatsappEditedRE matches the note ending an edited message's last line.
var whatsappEditedRE = regexp.MustCompile(`(?i)[ \x{00A0}\x{200E}\x{200F}]*<(?:` + whatsappAlternation(whatsappEditedNotes) + `)\.?>[ \x{200E}\x{200F}]*$`)

// classify sets the sender, type, text, mentions and URL of m from the body
// lines of its header (the rest of the header line first).
func (p *whatsappParser) classify(m *Message, body []string) {
	first := body[0]
	sender, text, hasSender := strings.Cut(first, ": ")
	if !hasSender && strings.HasSuffix(first, ":") {
		sender, text, hasSender = strings.TrimSuffix(first, ":"), "", true
	}
	if hasSender && insideQuote(sender) {
		// The ": " is inside a quotation, so this is a notice that quotes a
		// text with a colon: `Alice changed the subject to "a: b"`. A name
		// with closed quotes, `Tom "TJ" Jones` or 王“老王”, is a sender.
		hasSender = false
	}
	if !hasSender {
		m.Type = TypeSystem
		m.Text = strings.TrimSpace(strings.Join(body, "\n"))
		return
	}
	sender = strings.Trim(sender, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2068\u2069 ")
	lines := append([]string{text}, body[1:]...)
	last := len(lines) - 1
	lines[last] = whatsappEditedRE.ReplaceAllString(lines[last], "")
	full := strings.Join(lines, "\n")
	marked := strings.HasPrefix(full, "\u200e")
	full = strings.TrimSpace(strings.TrimLeft(full, "\u200e\u200f"))
	note := strings.TrimSpace(whatsappMarks.Replace(lines[0]))
	caption := strings.TrimSpace(strings.Join(lines[1:], "\n"))
	m.Sender = sender
	switch {
	case whatsappMediaRE.MatchString(note):
		m.Type = TypeImage
		m.Text = caption
	case whatsappOmittedRE.MatchString(note):
		sm := whatsappOmittedRE.FindStringSubmatch(note)
		m.Text = caption
		m.Type = TypeImage
		switch {
		case whatsappNoteOf(sm[2], TypeLink):
			m.Type = TypeLink
			m.LinkTitle = sm[1]
			if m.Text == "" {
				m.Text = m.LinkTitle
			}
		case whatsappNoteOf(sm[2], TypeText):
			m.Type = TypeText
			m.Text = stickerText("")
		}
	case whatsappAttachedRE.MatchString(note):
		sm := whatsappAttachedRE.FindStringSubmatch(note)
		file := strings.TrimSpace(sm[1] + sm[2] + sm[3])
		m.URL = file
		m.Text = caption
		switch {
		case isWhatsAppSticker(file):
			m.Type = TypeText
			m.Text = stickerText("")
			m.URL = ""
		case isWhatsAppMedia(file):
			m.Type = TypeImage
		default:
			m.Type = TypeLink
			m.LinkTitle = file
			if m.Text == "" {
				m.Text = file
			}
		}
	case whatsappDeleted(full):
		// A deleted message, marked with U+200E on iOS and not on Android:
		// a notice that keeps its sender and names no chat.
		m.Type = TypeSystem
		m.Text = full
	case whatsappPoll(lines):
		// A poll asks the group, on iOS (its lines marked) as on Android.
		m.Type = TypeText
		m.Text = whatsappPollText(lines)
	case marked:
		// iOS writes notices as sent by the chat, their text marked with
		// U+200E.
		m.Type = TypeSystem
		m.Text = full
		if p.log.Title == "" && !p.members[sender] {
			p.log.Title, p.log.Group = sender, sender
		}
		if sender == p.log.Title {
			m.Sender = ""
		}
	default:
		m.Type = TypeText
		m.Text = full
		if isOnlyURL(full) {
			m.Type = TypeLink
			m.URL = full
		}
	}
	if m.Type == TypeText || m.Type == TypeImage || m.Type == TypeLink {
		m.Text, m.Mentions = whatsappMentions(m.Text)
		if p.members == nil {
			p.members = map[string]bool{}
		}
		p.members[sender] = true
	}
}

// whatsappDeleted reports whether text stands for a deleted message.
func whatsappDeleted(text string) bool {
	text = strings.TrimSuffix(strings.TrimSpace(text), ".")
	for _, d := range whatsappDeletedTexts {
		if strings.EqualFold(text, d) {
			return true
		}
	}
	return false
}

// whatsappPoll reports whether the body lines of a message are a poll: a
// poll head, then at least the question.
func whatsappPoll(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	head := strings.TrimSpace(whatsappMarks.Replace(lines[0]))
	for _, h := range whatsappPollHeads {
		if strings.EqualFold(head, h) {
			return true
		}
	}
	return false
}

// whatsappPollText returns a poll's lines as Android writes them: without
// the direction marks iOS puts at the start of each.
func whatsappPollText(lines []string) string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, strings.TrimSpace(whatsappMarks.Replace(l)))
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// insideQuote reports whether the end of s is inside a quotation: after an
// odd number of straight double quotes, or after a “ not closed by a ”.
func insideQuote(s string) bool {
	straight, curly := 0, 0
	for _, r := range s {
		switch r {
		case '"':
			straight++
		case '“':
			curly++
		case '”':
			if curly > 0 {
				curly--
			}
		}
	}
	return straight%2 == 1 || curly > 0
}

// whatsappMarks removes the direction marks WhatsApp puts into media notes.
var whatsappMarks = strings.NewReplacer("\u200e", "", "\u200f", "")

// whatsappNoteOf reports whether note is one of the omitted notes of kind t.
func whatsappNoteOf(note string, t MessageType) bool {
	return slices.ContainsFunc(whatsappOmittedNotes[t], func(n string) bool { return strings.EqualFold(note, n) })
}

// isWhatsAppSticker reports whether an attached file is a sticker, by the
// name WhatsApp gives it (STK-20231230-WA0001.webp on Android,
// 00000042-STICKER-2023-12-30-21-00-00.webp on iOS).
func isWhatsAppSticker(file string) bool {
	up := strings.ToUpper(path.Base(filepath.ToSlash(file)))
	return strings.Contains(up, "-STICKER-") || strings.HasPrefix(up, "STK-")
}

// isWhatsAppMedia reports whether an attached file is a picture, video,
// sticker or audio: by the names WhatsApp gives them (IMG-20231230-WA0001.jpg
// on Android, 00000042-PHOTO-2023-12-30-21-00-00.jpg on iOS) or by its
// extension.
func isWhatsAppMedia(file string) bool {
	up := strings.ToUpper(path.Base(filepath.ToSlash(file)))
	for _, k := range []string{"-PHOTO-", "-STICKER-", "-VIDEO-", "-GIF-", "-AUDIO-"} {
		if strings.Contains(up, k) {
			return true
		}
	}
	for _, k := range []string{"IMG-", "VID-", "STK-", "PTT-", "AUD-"} {
		if strings.HasPrefix(up, k) {
			return true
		}
	}
	switch strings.ToLower(filepath.Ext(file)) {
	case ".opus", ".ogg", ".m4a", ".mp3", ".aac", ".wav":
		return true
	}
	return isMediaName(file)
}

// whatsappMentions returns text without the isolation marks around mentions,
// and the mentioned names: "@⁨name⁩" spans first, ExtractMentions elsewhere.
func whatsappMentions(text string) (string, []string) {
	if !strings.Contains(text, "@\u2068") {
		return strings.NewReplacer("\u2068", "", "\u2069", "").Replace(text), ExtractMentions(text)
	}
	var b strings.Builder
	var names []string
	rest := text
	for {
		i := strings.Index(rest, "@\u2068")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "\u2069")
		if j < 0 {
			break
		}
		before := rest[:i]
		names = append(names, ExtractMentions(before)...)
		b.WriteString(before)
		name := rest[i+len("@\u2068") : i+j]
		b.WriteString("@" + name)
		if name = strings.TrimSpace(name); name != "" {
			names = append(names, name)
		}
		rest = rest[i+j+len("\u2069"):]
	}
	names = append(names, ExtractMentions(rest)...)
	b.WriteString(rest)
	return strings.NewReplacer("\u2068", "", "\u2069", "").Replace(b.String()), names
}

// whatsappTitleRE matches the file name WhatsApp gives an export.
var whatsappTitleRE = regexp.MustCompile(`^WhatsApp Chat (?:with|-) (.+?)(?: \(\d+\))?\.txt$`)

// whatsappTitle returns the chat name the export's file name carries, or "".
func whatsappTitle(path string) string {
	if m := whatsappTitleRE.FindStringSubmatch(filepath.Base(path)); m != nil {
		return m[1]
	}
	return ""
}

// looksWhatsApp reports whether the first bytes of a file look like a
// WhatsApp text export: its first non-empty line is a message header.
func looksWhatsApp(head []byte) bool {
	s := strings.TrimPrefix(string(head), "\ufeff")
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		_, _, ok := parseWhatsAppHeader(line)
		return ok
	}
	return false
}
