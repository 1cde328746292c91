package chatlog

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/sharedtest"
)

// countIRCLines counts the lines of a log independently of the parser: the
// line ends, plus a last line without one.
func countIRCLines(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

func TestParseIRCGolden(t *testing.T) {
	for _, file := range appFixtures(t, "irc", "*.txt") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, rel := appFixtureDir("irc")
			log, err := ParseIRC(bytes.NewReader(data), rel+"/"+filepath.Base(file))
			if err != nil {
				t.Fatal(err)
			}
			checkLog(t, log, FormatIRC, countIRCLines(data))
			for i, m := range log.Messages {
				if m.Line != i+1 {
					t.Errorf("message %d at line %d, want %d", i, m.Line, i+1)
				}
			}
			checkGolden(t, log, goldenName(file))
		})
	}
}

func TestParseIRCMessages(t *testing.T) {
	tests := []struct {
		name string
		path string
		in   string
		want []msgView
	}{
		{
			name: "message, action, notice, system and empty lines",
			path: "2005-06-27_12.raw.txt",
			in: "=== bob [~b@h]  has joined #ubuntu\n[09:19] <ann> hi\n[09:20]  * ann waves\n" +
				"[09:21] -bot:#ubuntu- notice\n\n[09:22] *** odd line\n",
			want: []msgView{
				{Sender: "bob", Type: TypeSystem, Text: "bob [~b@h]  has joined #ubuntu", Time: "2005-06-27T09:19:00Z"},
				{Sender: "ann", Type: TypeText, Text: "hi", Time: "2005-06-27T09:19:00Z"},
				{Sender: "ann", Type: TypeText, Text: "waves", Time: "2005-06-27T09:20:00Z"},
				{Sender: "bot", Type: TypeText, Text: "notice", Time: "2005-06-27T09:21:00Z"},
				{Type: TypeSystem, Time: "2005-06-27T09:21:00Z"},
				{Type: TypeSystem, Text: "*** odd line", Time: "2005-06-27T09:22:00Z"},
			},
		},
		{
			name: "ZNC notices are system lines sent by their nick",
			path: "#homeassistant/2023-12-30.log",
			in: "[20:58:10] *** Joins: dmitri (~dmitri@203.0.113.7)\n[21:00:05] <alice> hi, dmitri: welcome\n" +
				"[21:08:00] *** jose is now known as jose_away\n[21:08:30] <bob> jose_away: ping\n" +
				"[21:09:00] *** Quits: dmitri (~dmitri@203.0.113.7) (Quit: leaving)\n[21:09:30] *** Parts: bob (~b@h) ()\n" +
				"[21:10:00] *** alice changes topic to 'zigbee: see pins'\n[21:10:10] *** ChanServ sets mode: +o alice\n" +
				"[21:10:20] *** eve was kicked by alice (spam)\n[21:10:30] Connected to IRC (irc.libera.chat)\n",
			want: []msgView{
				{Sender: "dmitri", Type: TypeSystem, Text: "Joins: dmitri (~dmitri@203.0.113.7)", Time: "2023-12-30T20:58:10Z"},
				{Sender: "alice", Type: TypeText, Text: "hi, dmitri: welcome"},
				{Sender: "jose", Type: TypeSystem, Text: "jose is now known as jose_away"},
				{Sender: "bob", Type: TypeText, Text: "jose_away: ping", Mentions: []string{"jose_away"}},
				{Sender: "dmitri", Type: TypeSystem, Text: "Quits: dmitri (~dmitri@203.0.113.7) (Quit: leaving)"},
				{Sender: "bob", Type: TypeSystem, Text: "Parts: bob (~b@h) ()"},
				{Sender: "alice", Type: TypeSystem, Text: "alice changes topic to 'zigbee: see pins'"},
				{Sender: "ChanServ", Type: TypeSystem, Text: "ChanServ sets mode: +o alice"},
				{Sender: "eve", Type: TypeSystem, Text: "eve was kicked by alice (spam)"},
				{Type: TypeSystem, Text: "Connected to IRC (irc.libera.chat)", Time: "2023-12-30T21:10:30Z"},
			},
		},
		{
			name: "addressing mentions known nicks only",
			path: "log.txt",
			in: "[10:00] <Ann> x\n[10:01] <|trey|> bob: ann, trey: hi\n[10:02] <bob> ANN, |TREY|: ok\n" +
				"[10:03] <bob> well, no\n[10:04] <bob> @ann: yes\n[10:05] <bob> ann:no space is fine\n",
			want: []msgView{
				{Sender: "Ann", Type: TypeText, Text: "x", Time: "0001-01-01T10:00:00Z"},
				{Sender: "|trey|", Type: TypeText, Text: "bob: ann, trey: hi", Mentions: []string{"bob"}},
				{Sender: "bob", Type: TypeText, Text: "ANN, |TREY|: ok", Mentions: []string{"Ann", "|trey|"}},
				{Sender: "bob", Type: TypeText, Text: "well, no"},
				{Sender: "bob", Type: TypeText, Text: "@ann: yes", Mentions: []string{"Ann"}},
				{Sender: "bob", Type: TypeText, Text: "ann:no space is fine"},
			},
		},
		{
			name: "midnight rollover and seconds",
			path: "2021-03-14_23.raw.txt",
			in:   "[23:58:30] <a> x\n=== b is now known as c\n[23:30] <a> y\n[00:01] <c> a: z\n",
			want: []msgView{
				{Sender: "a", Type: TypeText, Text: "x", Time: "2021-03-14T23:58:30Z"},
				{Sender: "b", Type: TypeSystem, Text: "b is now known as c", Time: "2021-03-14T23:58:30Z"},
				{Sender: "a", Type: TypeText, Text: "y", Time: "2021-03-14T23:30:00Z"},
				{Sender: "c", Type: TypeText, Text: "a: z", Mentions: []string{"a"}, Time: "2021-03-15T00:01:00Z"},
			},
		},
		{
			name: "12-hour clock without AM/PM",
			path: "2004-11-15_03.raw.txt",
			in:   "[11:58] <a> x\n[12:59] <a> y\n[01:00] <a> z\n[11:59] <a> w\n[12:01] <a> v\n",
			want: []msgView{
				{Sender: "a", Type: TypeText, Text: "x", Time: "2004-11-15T11:58:00Z"},
				{Sender: "a", Type: TypeText, Text: "y", Time: "2004-11-15T12:59:00Z"},
				{Sender: "a", Type: TypeText, Text: "z", Time: "2004-11-15T13:00:00Z"},
				{Sender: "a", Type: TypeText, Text: "w", Time: "2004-11-15T23:59:00Z"},
				{Sender: "a", Type: TypeText, Text: "v", Time: "2004-11-16T00:01:00Z"},
			},
		},
		{
			name: "CRLF, a link and a last line without line end",
			path: "x.log",
			in:   "[10:00] <a> https://x.org/a\r\n[10:01] <b> cut",
			want: []msgView{
				{Sender: "a", Type: TypeLink, Text: "https://x.org/a", URL: "https://x.org/a"},
				{Sender: "b", Type: TypeText, Text: "cut"},
			},
		},
		{
			name: "no timed line at all",
			path: "2020-02-30_01.raw.txt",
			in:   "=== a has quit\nplain\n",
			want: []msgView{
				{Sender: "a", Type: TypeSystem, Text: "a has quit", Time: "0001-01-01T00:00:00Z"},
				{Type: TypeSystem, Text: "plain", Time: "0001-01-01T00:00:00Z"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, err := ParseIRC(strings.NewReader(tt.in), tt.path)
			if err != nil {
				t.Fatal(err)
			}
			checkLog(t, log, FormatIRC, len(tt.want))
			checkViews(t, log, tt.want)
		})
	}
}

func TestParseIRCLogFields(t *testing.T) {
	tests := []struct {
		path, in, date, group string
	}{
		{"dev/2005-06-27_12.raw.txt", "[09:00] <a> x\n=== b [~b@h]  has left #ubuntu []\n", "2005-06-27", "#ubuntu"},
		{"2021-03-14.log", "[23:59] <a> x\n[00:00] -s:#chan- y\n", "", "#chan"},
		{"chat.log", "[09:00] <a> x\n", "", ""},
		{"-", "[09:00] <a> x\n", "", ""},
		{"irclogs/#ubuntu-2021-03-14.log", "[09:00] <a> x\n", "2021-03-14", ""},
		// ZNC: network/#chan/date.log names the channel by its folder.
		{"libera/#payments/2024-03-14.log", "[09:00:10] <a> x\n", "2024-03-14", "#payments"},
		{"#dev/2024-03-14.log", "[09:00:10] *** Joins: a (~a@h)\n[09:00:20] <a> x\n", "2024-03-14", "#dev"},
		// A channel the log names comes first.
		{"libera/#payments/2024-03-15.log", "[09:00] -s:#pay- y\n", "2024-03-15", "#pay"},
		{"logs/2024-03-14.log", "[09:00] <a> x\n", "2024-03-14", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			log, err := ParseIRC(strings.NewReader(tt.in), tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if log.Date != tt.date || log.Group != tt.group || log.Title != tt.group || log.Path != tt.path {
				t.Errorf("Date %q Group %q Title %q, want %q %q", log.Date, log.Group, log.Title, tt.date, tt.group)
			}
			checkLog(t, log, FormatIRC, countIRCLines([]byte(tt.in)))
		})
	}
}

// TestIRCDay checks the date a log's file name gives (found by a user
// review: only names starting with a date gave one).
func TestIRCDay(t *testing.T) {
	tests := []struct {
		path, want string // want is "" for no date
	}{
		// The Ubuntu IRC data and the disentanglement data.
		{"2004-11-15_03.raw.txt", "2004-11-15"},
		{"dev/2005-06-27_12.annotation.txt", "2005-06-27"},
		{"2021-03-14.log", "2021-03-14"},
		// ZNC, irssi and other loggers: one date anywhere in the name.
		{"#ubuntu-2021-03-14.log", "2021-03-14"},
		{"ubuntu.2021-03-14.log", "2021-03-14"},
		{"log-20210314.txt", "2021-03-14"},
		{"freenode_#ubuntu_20210314.log", "2021-03-14"},
		{"#ubuntu_2021_03_14.log", "2021-03-14"},
		{"2021.03.14.log", "2021-03-14"},
		{"#ubuntu-2021-03-14.log.1", "2021-03-14"},
		{"ubuntu-2021-03-14T09-00.log", "2021-03-14"},
		{"1615700000-2021-03-14.log", "2021-03-14"}, // the unix time is one run of ten digits
		{"2024-02-29.log", "2024-02-29"},
		{"2021-03-14_ubuntu_20210314.log", "2021-03-14"}, // the same date twice
		// No date: none, two different ones, no calendar date, part of a
		// longer run of digits, mixed or missing separators, only in a folder.
		{"chat.log", ""},
		{"-", ""},
		{"", ""},
		{"2021-03-14_to_2021-03-15.log", ""},
		{"20210314-2021-03-15.log", ""},
		{"2020-02-30_01.raw.txt", ""},
		{"2023-02-29.log", ""},
		{"log-20211301.txt", ""},
		{"log-202103141.txt", ""},
		{"log-120210314.txt", ""},
		{"2021-03-145.log", ""},
		{"2021-03_14.log", ""},
		{"2021-3-14.log", ""},
		{"2021/03/14", ""},
		{"2021-03-14/chat.log", ""},
		{"0001-01-01.log", ""},
		{"#ubuntu-2021-03-1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			day := ircDay(tt.path)
			got := ""
			if HasDate(day) {
				got = day.Format("2006-01-02")
			}
			if got != tt.want {
				t.Errorf("ircDay(%q) = %q (%s), want %q", tt.path, got, day, tt.want)
			}
			if !day.Equal(day.Truncate(24*time.Hour)) || day.Location() != time.UTC {
				t.Errorf("ircDay(%q) = %s, want midnight UTC", tt.path, day)
			}
		})
	}
}

func TestParseIRCLongLine(t *testing.T) {
	long := strings.Repeat("x", 3<<20)
	log, err := ParseIRC(strings.NewReader("[10:00] <a> "+long+"\n[10:01] <b> y\n"), "c.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkLog(t, log, FormatIRC, 2)
	if log.Messages[0].Text != long {
		t.Errorf("long text has %d bytes", len(log.Messages[0].Text))
	}
}

func TestParseIRCErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
		line           int
	}{
		{"hour", "[10:00] <a> x\n[24:00] <a> y\n", `bad message time "[24:00] "`, 2},
		{"minute", "[10:60] <a> x\n", "bad message time", 1},
		{"second", "[10:00:61] <a> x\n", "bad message time", 1},
		// Any input used to be read as IRC, every line a system message
		// (found by a user review).
		{"markdown", "# threads\n\nThread chat logs.\n\n- [docs](docs/)\n", "not an IRC log: expected a line such as '[12:34] <nick> text'", 1},
		{"first non-blank line", "\n\nhello\n", "found none", 3},
		{"timed lines of other shapes only", "[10:00] hello\n[10:01] *** odd\n", "not an IRC log", 1},
		{"bare ===", "=== \n===\n", "not an IRC log", 1},
		{"empty", "", "empty input: expected an IRC log", 1},
		{"blank lines", "\n \r\n", "empty input", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseIRC(strings.NewReader(tt.in), "c.txt")
			checkParseError(t, err, tt.want, tt.line)
		})
	}
	_, err := ParseIRC(failingReader{}, "c.txt")
	checkParseError(t, err, "read error", 1)
}

// TestParseIRCOneShapeIsEnough checks that input with a single line of IRC
// shape is read as a log, its other lines system messages, whatever they
// hold.
func TestParseIRCOneShapeIsEnough(t *testing.T) {
	tests := []struct {
		name, in string
		types    []MessageType
	}{
		{"message among junk", "junk\n[10:00] <a> hi\n# more junk\n", []MessageType{TypeSystem, TypeText, TypeSystem}},
		{"action", "[10:00]  * a waves\nx\n", []MessageType{TypeText, TypeSystem}},
		{"notice", "x\n[10:00] -bot- hello\n", []MessageType{TypeSystem, TypeText}},
		{"system lines only", "=== a has joined #x\n=== a has left #x\n", []MessageType{TypeSystem, TypeSystem}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, err := ParseIRC(strings.NewReader(tt.in), "c.txt")
			if err != nil {
				t.Fatal(err)
			}
			var got []MessageType
			for _, m := range log.Messages {
				got = append(got, m.Type)
			}
			if !slices.Equal(got, tt.types) {
				t.Errorf("types %v, want %v", got, tt.types)
			}
		})
	}
}

// TestIRCCorpus checks the parser on the shared Ubuntu IRC dev set: one
// message per raw line, and every annotated line number is a message.
func TestIRCCorpus(t *testing.T) {
	dir := sharedtest.Dir(t, "corpus", "irc-ubuntu", "dev")
	files, err := filepath.Glob(filepath.Join(dir, "*.raw.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no raw files in %s: %v", dir, err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			log, err := ParseIRC(bytes.NewReader(data), file)
			if err != nil {
				t.Fatal(err)
			}
			checkLog(t, log, FormatIRC, countIRCLines(data))
			lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
			speakers, mentions := 0, 0
			for i, m := range log.Messages {
				if m.Line != i+1 {
					t.Fatalf("message %d at line %d", i, m.Line)
				}
				if strings.HasPrefix(lines[i], "[") && strings.Contains(lines[i], "] <") {
					speakers++
					if m.Type == TypeSystem || m.Sender == "" || !strings.Contains(strings.ReplaceAll(lines[i], " >", ">"), "<"+m.Sender+">") {
						t.Errorf("line %d %q: sender %q type %s", i, lines[i], m.Sender, m.Type)
					}
				}
				if i > 0 && m.Time.Before(log.Messages[i-1].Time) {
					t.Errorf("line %d: time %v before the previous %v", i, m.Time, log.Messages[i-1].Time)
				}
				if len(m.Mentions) > 0 {
					mentions++
				}
			}
			if speakers == 0 || mentions*10 < speakers {
				t.Errorf("%d speaker lines but only %d with an addressed nick", speakers, mentions)
			}
			ann := strings.Replace(file, ".raw.txt", ".annotation.txt", 1)
			f, err := os.Open(ann)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			links := 0
			for sc.Scan() {
				for _, field := range strings.Fields(sc.Text()) {
					if field == "-" {
						continue
					}
					n, err := strconv.Atoi(field)
					if err != nil {
						t.Fatalf("%s: bad line %q", ann, sc.Text())
					}
					if n < 0 || n >= len(log.Messages) {
						t.Errorf("%s: index %d outside the %d messages", ann, n, len(log.Messages))
					}
				}
				links++
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			if links == 0 {
				t.Errorf("%s has no links", ann)
			}
		})
	}
}

func TestLooksIRC(t *testing.T) {
	checkSniffer(t, "irc", looksIRC)
	znc := "[20:58:10] *** Joins: d (~d@h)\n[20:58:11] *** Joins: e (~e@h)\n[20:59:00] *** Quits: f (~f@h) (Quit: x)\n" +
		"[21:00:05] <a> hi\n[21:01:00] *** Parts: g (~g@h) ()\n[21:08:00] *** b is now known as c\n"
	for _, s := range []string{"=== a has joined #x\n[10:00] <a> hi\n", "[10:00:01] <a> hi", znc} {
		if !looksIRC([]byte(s)) {
			t.Errorf("looksIRC(%q) = false", s)
		}
	}
	for _, s := range []string{"=== a has joined\n=== b has joined\n", "[10:00] hi\n[10:01] <a> x\n", "x\n[10:00] <a> hi\n",
		"[20:58:10] *** Joins: d (~d@h)\n[21:00:05] <a> hi\n[21:01:00] *** odd\n[21:02:00] *** odd\n"} {
		if looksIRC([]byte(s)) {
			t.Errorf("looksIRC(%q) = true", s)
		}
	}
	if dir := sharedRawDir(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.raw.txt"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			head := data[:min(len(data), 8*1024)]
			if !looksIRC(head) || looksWhatsApp(head) || looksTelegram(head) || looksDiscord(head) {
				t.Errorf("sniffers on %s: irc %v whatsapp %v telegram %v discord %v", file,
					looksIRC(head), looksWhatsApp(head), looksTelegram(head), looksDiscord(head))
			}
		}
	}
}

// sharedRawDir returns the shared IRC dev folder, or "" when it is absent.
func sharedRawDir() string {
	root := sharedtest.Root()
	if root == "" {
		return ""
	}
	dir := filepath.Join(root, "corpus", "irc-ubuntu", "dev")
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}

func FuzzParseIRC(f *testing.F) {
	dir, _ := appFixtureDir("irc")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("[12:00] <a> b, a: x\n\n[01:00]  * a y\r\n=== a is now known as b\n[00:00:00] -a- z"))
	f.Fuzz(func(t *testing.T, data []byte) {
		log, err := ParseIRC(bytes.NewReader(data), "fuzz/2004-11-15_03.raw.txt")
		fuzzCheck(t, log, err)
		if err == nil && len(log.Messages) != countIRCLines(data) {
			t.Fatalf("got %d messages for %d lines", len(log.Messages), countIRCLines(data))
		}
	})
}

// TestParseIRCChannelFromWorkingFolder checks that a ZNC day log named
// from inside its channel's folder still takes the channel as its group.
func TestParseIRCChannelFromWorkingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "#ops")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	log, err := ParseIRC(strings.NewReader("[09:00:10] <a> x\n"), "2024-03-14.log")
	if err != nil {
		t.Fatal(err)
	}
	if log.Group != "#ops" || log.Title != "#ops" {
		t.Errorf("Group %q Title %q, want #ops", log.Group, log.Title)
	}
}
