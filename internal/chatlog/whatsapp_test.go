package chatlog

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// countWhatsAppHeaderRE recognises a header line independently of the
// parser's expression, for the conservation check on the fixtures.
var countWhatsAppHeaderRE = regexp.MustCompile(`^\x{200E}?\[?\d+[/.-]\d+[/.-]\d+, \d+[:.]\d\d(?:[:.]\d\d)?(?:\x{202F}[AP]M)?(?:\] | - )`)

// countWhatsAppHeaders counts the header lines of a fixture.
func countWhatsAppHeaders(data []byte) int {
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		if countWhatsAppHeaderRE.MatchString(line) {
			n++
		}
	}
	return n
}

func TestParseWhatsAppGolden(t *testing.T) {
	for _, file := range appFixtures(t, "whatsapp", "*.txt") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, rel := appFixtureDir("whatsapp")
			log, err := ParseWhatsApp(bytes.NewReader(data), rel+"/"+filepath.Base(file))
			if err != nil {
				t.Fatal(err)
			}
			checkLog(t, log, FormatWhatsApp, countWhatsAppHeaders(data))
			checkGolden(t, log, goldenName(file))
		})
	}
}

func TestParseWhatsAppMessages(t *testing.T) {
	const lrm, fsi, pdi = "\u200e", "\u2068", "\u2069"
	tests := []struct {
		name string
		in   string
		want []msgView
	}{
		{
			name: "android, day first, continuation lines",
			in:   "13/01/24, 09:05 - Ann: first\nsecond\n\n13/01/24, 09:06 - Bo: ok\n",
			want: []msgView{
				{Sender: "Ann", Type: TypeText, Text: "first\nsecond", Time: "2024-01-13T09:05:00Z"},
				{Sender: "Bo", Type: TypeText, Text: "ok", Time: "2024-01-13T09:06:00Z"},
			},
		},
		{
			name: "month first from a second number above 12, 12-hour clock",
			in:   "1/13/24, 12:05 AM - Ann: a\n1/13/24, 12:10 p.m. - Bo: b\n1/14/24, 9:01\u202fpm - Bo: c\n",
			want: []msgView{
				{Sender: "Ann", Type: TypeText, Text: "a", Time: "2024-01-13T00:05:00Z"},
				{Sender: "Bo", Type: TypeText, Text: "b", Time: "2024-01-13T12:10:00Z"},
				{Sender: "Bo", Type: TypeText, Text: "c", Time: "2024-01-14T21:01:00Z"},
			},
		},
		{
			name: "day first when days decrease within a year",
			in:   "10/01/24, 10:00 - A: x\n02/02/24, 10:00 - A: y\n",
			want: []msgView{
				{Sender: "A", Type: TypeText, Text: "x", Time: "2024-01-10T10:00:00Z"},
				{Sender: "A", Type: TypeText, Text: "y", Time: "2024-02-02T10:00:00Z"},
			},
		},
		{
			name: "month first when months decrease",
			in:   "01/10/24, 10:00 - A: x\n02/09/24, 10:00 - A: y\n",
			want: []msgView{
				{Sender: "A", Type: TypeText, Text: "x", Time: "2024-01-10T10:00:00Z"},
				{Sender: "A", Type: TypeText, Text: "y", Time: "2024-02-09T10:00:00Z"},
			},
		},
		{
			name: "ios with seconds, marks and isolated mentions",
			in: lrm + "[2024/01/13 21:15:32] Grp: " + lrm + "Ann added Bo\r\n" +
				"[13.01.24, 21:16:00] Ann: @" + fsi + "Bo Li" + pdi + " hi @cy, ok\r\n",
			want: []msgView{
				{Type: TypeSystem, Text: "Ann added Bo", Time: "2024-01-13T21:15:32Z"},
				{Sender: "Ann", Type: TypeText, Text: "@Bo Li hi @cy, ok", Mentions: []string{"Bo Li", "cy"}, Time: "2024-01-13T21:16:00Z"},
			},
		},
		{
			name: "chinese afternoon marker and finnish klo",
			in:   "2024/1/13 下午9:15 - 王芳: 你好\n13.1.2024 klo 21.16 - Ann: moi\n",
			want: []msgView{
				{Sender: "王芳", Type: TypeText, Text: "你好", Time: "2024-01-13T21:15:00Z"},
				{Sender: "Ann", Type: TypeText, Text: "moi", Time: "2024-01-13T21:16:00Z"},
			},
		},
		{
			name: "french android layout: à between date and time",
			in: "30/12/2023 à 20:58 - Ann a créé le groupe « Paiements »\n" +
				"30/12/2023 à 21:00 - Ann: Comment rembourser ?\n31/12/2023 à 00:05 - Bo: Avec l'API\n",
			want: []msgView{
				{Type: TypeSystem, Text: "Ann a créé le groupe « Paiements »", Time: "2023-12-30T20:58:00Z"},
				{Sender: "Ann", Type: TypeText, Text: "Comment rembourser ?", Time: "2023-12-30T21:00:00Z"},
				{Sender: "Bo", Type: TypeText, Text: "Avec l'API", Time: "2023-12-31T00:05:00Z"},
			},
		},
		{
			name: "system lines, an empty body and a quoted colon",
			in: "13/01/24, 10:00 - Ann created group \"x\"\n13/01/24, 10:01 - Bo:\n" +
				"13/01/24, 10:02 - Ann changed the subject from \"a\" to \"b: c\"\n",
			want: []msgView{
				{Type: TypeSystem, Text: "Ann created group \"x\""},
				{Sender: "Bo", Type: TypeText},
				{Type: TypeSystem, Text: "Ann changed the subject from \"a\" to \"b: c\""},
			},
		},
		{
			name: "names with quotes are senders; a colon inside quotes is a notice",
			in: "31/12/23, 21:15 - Tom \"TJ\" Jones: does refund support partial?\n" +
				"31/12/23, 21:16 - 王“老王”: 可以的\n" +
				"31/12/23, 21:17 - Tom \"TJ\" Jones: he said \"a: b\"\n" +
				"31/12/23, 21:18 - Ann changed the subject to “退款: 部分”\n" +
				"31/12/23, 21:19 - Ann changed the subject from “a” to “b: c”\n" +
				"31/12/23, 21:20 - Ann changed the subject to \"x:\"\n",
			want: []msgView{
				{Sender: "Tom \"TJ\" Jones", Type: TypeText, Text: "does refund support partial?"},
				{Sender: "王“老王”", Type: TypeText, Text: "可以的"},
				{Sender: "Tom \"TJ\" Jones", Type: TypeText, Text: "he said \"a: b\""},
				{Type: TypeSystem, Text: "Ann changed the subject to “退款: 部分”"},
				{Type: TypeSystem, Text: "Ann changed the subject from “a” to “b: c”"},
				{Type: TypeSystem, Text: "Ann changed the subject to \"x:\""},
			},
		},
		{
			name: "media notes",
			in: "13/01/24, 10:00 - Ann: <Media omitted>\n" +
				"[13/01/24, 10:01:00] Ann: " + lrm + "sticker omitted\n" +
				"[13/01/24, 10:02:00] Ann: " + lrm + "<attached: 00000003-AUDIO-2024-01-13.opus>\n" +
				"[13/01/24, 10:03:00] Ann: " + lrm + "<attached: 00000004-spec.pdf>\n" +
				"13/01/24, 10:04 - Ann: VID-20240113-WA0001.mp4 (file attached)\ncaption @Bo\n" +
				"[13/01/24, 10:05:00] Ann: a.docx • " + lrm + "2 pages " + lrm + "document omitted\n" +
				"[13/01/24, 10:06:00] Ann: " + lrm + "Contact card omitted\n" +
				"13/01/24, 10:07 - Ann: https://x.org/a\n",
			want: []msgView{
				{Sender: "Ann", Type: TypeImage},
				{Sender: "Ann", Type: TypeText, Text: "[Sticker]"},
				{Sender: "Ann", Type: TypeImage, URL: "00000003-AUDIO-2024-01-13.opus"},
				{Sender: "Ann", Type: TypeLink, Text: "00000004-spec.pdf", URL: "00000004-spec.pdf", LinkTitle: "00000004-spec.pdf"},
				{Sender: "Ann", Type: TypeImage, Text: "caption @Bo", Mentions: []string{"Bo"}, URL: "VID-20240113-WA0001.mp4"},
				{Sender: "Ann", Type: TypeLink, Text: "a.docx", LinkTitle: "a.docx"},
				{Sender: "Ann", Type: TypeLink},
				{Sender: "Ann", Type: TypeLink, Text: "https://x.org/a", URL: "https://x.org/a"},
			},
		},
		{
			name: "a sticker is [Sticker], a reaction, omitted or attached, in any language; a GIF stays an image",
			in: "[13/01/24, 10:01:00] Ann: " + lrm + "sticker omitted\n" +
				"[13/01/24, 10:02:00] Ann: " + lrm + "<attached: 00000003-STICKER-2024-01-13-10-02-00.webp>\n" +
				"13/01/24, 10:03 - Ann: STK-20240113-WA0001.webp (file attached)\n" +
				"[30.12.23, 21:04:00] Lena: " + lrm + "Sticker weggelassen\n" +
				"[30/12/23, 21:05:00] Rui: " + lrm + "figurinha omitida\n" +
				"[30.12.23, 21:06:00] Ива: " + lrm + "стикер не добавлен\n" +
				"[13/01/24, 10:07:00] Ann: " + lrm + "GIF omitted\n" +
				"13/01/24, 10:08 - Ann: VID-20240113-WA0002.mp4 (file attached)\n",
			want: []msgView{
				{Sender: "Ann", Type: TypeText, Text: "[Sticker]"},
				{Sender: "Ann", Type: TypeText, Text: "[Sticker]"},
				{Sender: "Ann", Type: TypeText, Text: "[Sticker]"},
				{Sender: "Lena", Type: TypeText, Text: "[Sticker]"},
				{Sender: "Rui", Type: TypeText, Text: "[Sticker]"},
				{Sender: "Ива", Type: TypeText, Text: "[Sticker]"},
				{Sender: "Ann", Type: TypeImage},
				{Sender: "Ann", Type: TypeImage, URL: "VID-20240113-WA0002.mp4"},
			},
		},
		{
			name: "deleted messages on android as on ios, edited notes left out",
			in: "13/01/24, 10:00 - Ann: how do I refund?\n13/01/24, 10:01 - Bo: This message was deleted\n" +
				"13/01/24, 10:02 - Ann: You deleted this message\n13/01/24, 10:03 - Bo: use the API <This message was edited>\n" +
				"[13/01/24, 10:04:00] Bo: " + lrm + "This message was deleted.\n" +
				"[13/01/24, 10:05:00] Bo: see\nthe docs " + lrm + "<This message was edited>\n",
			want: []msgView{
				{Sender: "Ann", Type: TypeText, Text: "how do I refund?"},
				{Sender: "Bo", Type: TypeSystem, Text: "This message was deleted"},
				{Sender: "Ann", Type: TypeSystem, Text: "You deleted this message"},
				{Sender: "Bo", Type: TypeText, Text: "use the API"},
				{Sender: "Bo", Type: TypeSystem, Text: "This message was deleted."},
				{Sender: "Bo", Type: TypeText, Text: "see\nthe docs"},
			},
		},
		{
			name: "localized notes: media, attachments, deleted and edited messages",
			in: "30.12.23, 21:01 - Lena: <Medien ausgeschlossen>\n30.12.23, 21:02 - Lena: Diese Nachricht wurde gelöscht\n" +
				"30.12.23, 21:03 - Tom: IMG-20231230-WA0003.jpg (Datei angehängt)\n30.12.23, 21:04 - Tom: plan.pdf (Datei angehängt)\n" +
				"30.12.23, 21:05 - Tom: Halte den Knopf <Diese Nachricht wurde bearbeitet.>\n" +
				"30/12/23, 21:06 - Ana: <Multimedia omitido>\n30/12/23, 21:07 - Ana: Eliminaste este mensaje\n" +
				"30/12/23, 21:08 - Ana: vale <Se editó este mensaje.>\n" +
				"30/12/2023 à 21:09 - Luc: <Médias omis>\n30/12/2023 à 21:10 - Luc: Ce message a été supprimé\n" +
				"30/12/2023 21:11 - Rui: <Mídia oculta>\n30/12/2023 21:12 - Rui: AUD-20231230-WA0001.opus (arquivo anexado)\n" +
				"30/12/23, 21:13 - Gio: <Media omessi>\n30/12/23, 21:14 - Gio: Questo messaggio è stato eliminato\n" +
				"30-12-2023 21:15 - Sem: <Media weggelaten>\n30-12-2023 21:16 - Sem: Dit bericht is verwijderd\n" +
				"30.12.2023, 21:17 - Ива: <Без медиафайлов>\n30.12.2023, 21:18 - Ива: Данное сообщение удалено\n" +
				"[30.12.23, 21:19:00] Lena: " + lrm + "Bild weggelassen\n" +
				"[30.12.23, 21:20:00] Lena: Vertrag.pdf • " + lrm + "3 Seiten " + lrm + "Dokument weggelassen\n" +
				"[30/12/23, 21:21:00] Ana: " + lrm + "<adjunto: 00000042-PHOTO-2023-12-30-21-21-00.jpg>\n",
			want: []msgView{
				{Sender: "Lena", Type: TypeImage},
				{Sender: "Lena", Type: TypeSystem, Text: "Diese Nachricht wurde gelöscht"},
				{Sender: "Tom", Type: TypeImage, URL: "IMG-20231230-WA0003.jpg"},
				{Sender: "Tom", Type: TypeLink, Text: "plan.pdf", URL: "plan.pdf", LinkTitle: "plan.pdf"},
				{Sender: "Tom", Type: TypeText, Text: "Halte den Knopf"},
				{Sender: "Ana", Type: TypeImage},
				{Sender: "Ana", Type: TypeSystem, Text: "Eliminaste este mensaje"},
				{Sender: "Ana", Type: TypeText, Text: "vale"},
				{Sender: "Luc", Type: TypeImage},
				{Sender: "Luc", Type: TypeSystem, Text: "Ce message a été supprimé"},
				{Sender: "Rui", Type: TypeImage},
				{Sender: "Rui", Type: TypeImage, URL: "AUD-20231230-WA0001.opus"},
				{Sender: "Gio", Type: TypeImage},
				{Sender: "Gio", Type: TypeSystem, Text: "Questo messaggio è stato eliminato"},
				{Sender: "Sem", Type: TypeImage},
				{Sender: "Sem", Type: TypeSystem, Text: "Dit bericht is verwijderd"},
				{Sender: "Ива", Type: TypeImage},
				{Sender: "Ива", Type: TypeSystem, Text: "Данное сообщение удалено"},
				{Sender: "Lena", Type: TypeImage},
				{Sender: "Lena", Type: TypeLink, Text: "Vertrag.pdf", LinkTitle: "Vertrag.pdf"},
				{Sender: "Ana", Type: TypeImage, URL: "00000042-PHOTO-2023-12-30-21-21-00.jpg"},
			},
		},
		{
			name: "a poll is a question on ios as on android",
			in: "13/01/24, 10:00 - Ann: POLL:\nWhich day works?\nOPTION: Saturday (3 votes)\nOPTION: Sunday (1 vote)\n" +
				"[13/01/24, 10:01:00] Bo: " + lrm + "POLL:\n" + lrm + "Which day works?\n" + lrm + "OPTION: Saturday (0 votes)\n" +
				"[13/01/24, 10:02:00] Bo: " + lrm + "SONDAGGIO:\n" + lrm + "Quale giorno?\n" + lrm + "OPTION: Sabato (1 vote)\n" +
				"13/01/24, 10:03 - Ann: POLL:\n",
			want: []msgView{
				{Sender: "Ann", Type: TypeText, Text: "POLL:\nWhich day works?\nOPTION: Saturday (3 votes)\nOPTION: Sunday (1 vote)"},
				{Sender: "Bo", Type: TypeText, Text: "POLL:\nWhich day works?\nOPTION: Saturday (0 votes)"},
				{Sender: "Bo", Type: TypeText, Text: "SONDAGGIO:\nQuale giorno?\nOPTION: Sabato (1 vote)"},
				{Sender: "Ann", Type: TypeText, Text: "POLL:"},
			},
		},
		{
			name: "lines before the first header are ignored; a pasted date line continues",
			in:   "junk\n13/01/24, 10:00 - Ann: log:\n2016-04-29 10:30:00 started\n",
			want: []msgView{{Sender: "Ann", Type: TypeText, Text: "log:\n2016-04-29 10:30:00 started"}},
		},
		{
			name: "a truncated last message is kept",
			in:   "13/01/24, 10:00 - Ann: full\n13/01/24, 10:01 - Bo: cut of",
			want: []msgView{{Sender: "Ann", Type: TypeText, Text: "full"}, {Sender: "Bo", Type: TypeText, Text: "cut of"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, err := ParseWhatsApp(strings.NewReader(tt.in), "chat.txt")
			if err != nil {
				t.Fatal(err)
			}
			checkLog(t, log, FormatWhatsApp, len(tt.want))
			checkViews(t, log, tt.want)
		})
	}
}

func TestParseWhatsAppLogFields(t *testing.T) {
	tests := []struct {
		path, in, title, date string
		lines                 []int
	}{
		{"x/WhatsApp Chat with Payments Team.txt", "\ufeff13/01/24, 10:00 - A: x\nmore\n13/01/24, 23:59 - A: y\n", "Payments Team", "2024-01-13", []int{1, 3}},
		{"WhatsApp Chat - 支付群 (2).txt", "13/01/24, 10:00 - A: x\n14/01/24, 00:00 - A: y\n", "支付群", "", []int{1, 2}},
		{"_chat.txt", "[13/01/24, 10:00:00] Grp: \u200eA joined\n", "Grp", "2024-01-13", []int{1}},
		{"-", "13/01/24, 10:00 - A: x\n", "", "2024-01-13", []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			log, err := ParseWhatsApp(strings.NewReader(tt.in), tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if log.Title != tt.title || log.Group != tt.title || log.Date != tt.date || log.Path != tt.path {
				t.Errorf("Title %q Group %q Date %q Path %q, want %q (both) %q", log.Title, log.Group, log.Date, log.Path, tt.title, tt.date)
			}
			for i, m := range log.Messages {
				if m.Line != tt.lines[i] {
					t.Errorf("message %d at line %d, want %d", i, m.Line, tt.lines[i])
				}
			}
		})
	}
}

func TestParseWhatsAppIOSTitle(t *testing.T) {
	tests := []struct {
		name, path, in, title string
		senders               []string
	}{
		{
			name: "a member's deleted message after their first message names no chat",
			path: "_chat.txt",
			in: "[05/01/2024, 21:00:05] Bob: how do I refund?\n" +
				"\u200e[05/01/2024, 21:01:00] Bob: \u200eThis message was deleted.\n" +
				"\u200e[05/01/2024, 21:03:00] Payments Dev: \u200eAlice added Carol\n" +
				"[05/01/2024, 21:04:00] Bob: thanks\n",
			title:   "Payments Dev",
			senders: []string{"Bob", "Bob", "", "Bob"},
		},
		{
			name: "a deleted message first, your own deleted message",
			path: "_chat.txt",
			in: "\u200e[05/01/2024, 21:01:00] Bob: \u200eThis message was deleted\n" +
				"\u200e[05/01/2024, 21:02:00] Me: \u200eYou deleted this message.\n" +
				"\u200e[05/01/2024, 21:03:00] Payments Dev: \u200eAlice added Carol\n",
			title:   "Payments Dev",
			senders: []string{"Bob", "Me", ""},
		},
		{
			name: "a marked line of a member who wrote before, in another language",
			path: "_chat.txt",
			in: "[05/01/2024, 21:00:05] Bob: hallo\n" +
				"\u200e[05/01/2024, 21:01:00] Bob: \u200eDiese Nachricht wurde gelöscht.\n",
			title:   "",
			senders: []string{"Bob", "Bob"},
		},
		{
			name: "a poll of a first-time sender names no chat, a localized deleted message neither",
			path: "_chat.txt",
			in: "\u200e[05/01/2024, 21:00:00] José: \u200ePOLL:\n\u200eWhich day?\n\u200eOPTION: Sat (1 vote)\n" +
				"\u200e[05/01/2024, 21:01:00] Lena: \u200eDiese Nachricht wurde gelöscht.\n" +
				"\u200e[05/01/2024, 21:03:00] Payments Dev: \u200eAlice added Carol\n",
			title:   "Payments Dev",
			senders: []string{"José", "Lena", ""},
		},
		{
			name: "a deleted message of the contact a chat is named after keeps its sender",
			path: "WhatsApp Chat - Bob.txt",
			in: "\u200e[05/01/2024, 21:00:00] Bob: \u200eMessages and calls are end-to-end encrypted.\n" +
				"\u200e[05/01/2024, 21:01:00] Bob: \u200eThis message was deleted.\n",
			title:   "Bob",
			senders: []string{"", "Bob"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, err := ParseWhatsApp(strings.NewReader(tt.in), tt.path)
			if err != nil {
				t.Fatal(err)
			}
			checkLog(t, log, FormatWhatsApp, len(tt.senders))
			if log.Title != tt.title {
				t.Errorf("Title %q, want %q", log.Title, tt.title)
			}
			for i, m := range log.Messages {
				if m.Sender != tt.senders[i] {
					t.Errorf("message %d (%q): Sender %q, want %q", i, m.Text, m.Sender, tt.senders[i])
				}
			}
		})
	}
}

func TestParseWhatsAppLongLine(t *testing.T) {
	long := strings.Repeat("长", 700*1024) // over 2 MB
	log, err := ParseWhatsApp(strings.NewReader("13/01/24, 10:00 - A: "+long+"\n13/01/24, 10:01 - B: x\n"), "c.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkLog(t, log, FormatWhatsApp, 2)
	if log.Messages[0].Text != long {
		t.Errorf("long text has %d bytes, want %d", len(log.Messages[0].Text), len(long))
	}
}

func TestParseWhatsAppErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
		line           int
	}{
		{"empty", "", "not a WhatsApp chat export", 1},
		{"no header", "hello\nworld\n", "not a WhatsApp chat export", 1},
		{"bad hour", "13/01/24, 10:00 - A: x\n13/01/24, 25:00 - A: y\n", "bad message time 25:00:00", 2},
		{"bad 12-hour", "13/01/24, 13:00 PM - A: y\n", "bad message time 13:00 pm", 1},
		{"bad date", "13/01/24, 10:00 - A: x\n31/02/24, 10:00 - A: y\n", "bad message date 31/02/24: not a date when read as day/month/year", 2},
		{"bad month", "2024-13-01, 10:00 - A: y\n", "read as year/month/day", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseWhatsApp(strings.NewReader(tt.in), "c.txt")
			checkParseError(t, err, tt.want, tt.line)
		})
	}
	_, err := ParseWhatsApp(failingReader{}, "c.txt")
	checkParseError(t, err, "read error", 1)
}

func TestLooksWhatsApp(t *testing.T) {
	checkSniffer(t, "whatsapp", looksWhatsApp)
	for _, s := range []string{"\n\n12/31/23, 9:15 PM - A: x\n", "\u200e[31/12/2023, 21:15:32] A: x", "17/12/2022 à 17:25 - A: x\n"} {
		if !looksWhatsApp([]byte(s)) {
			t.Errorf("looksWhatsApp(%q) = false", s)
		}
	}
}

func FuzzParseWhatsApp(f *testing.F) {
	dir, _ := appFixtureDir("whatsapp")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("1/2/3, 0:00 am - : @\u2068\u2069 @\u2068x\n[2024-1-2 12.00.00 p. m.] a: \u200e<attached: >\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		log, err := ParseWhatsApp(bytes.NewReader(data), "fuzz/chat.txt")
		fuzzCheck(t, log, err)
	})
}
