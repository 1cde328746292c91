package chatlog

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, on a machine without a zone database
)

// mustZone loads a zone the tests name, failing the test when it cannot.
func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := ParseZone(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestParseZone(t *testing.T) {
	summer := time.Date(2024, time.July, 1, 12, 0, 0, 0, time.UTC)
	winter := time.Date(2024, time.January, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in             string
		summer, winter string // the offsets of summer and winter in the zone
	}{
		{"Europe/Berlin", "+02:00", "+01:00"},
		{"Asia/Shanghai", "+08:00", "+08:00"},
		{"America/New_York", "-04:00", "-05:00"},
		{"UTC", "Z", "Z"},
		{"+02:00", "+02:00", "+02:00"},
		{"-05:30", "-05:30", "-05:30"},
		{"+0800", "+08:00", "+08:00"},
		{"+08", "+08:00", "+08:00"},
		{"-00:00", "Z", "Z"},
		{"+14:00", "+14:00", "+14:00"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			loc, err := ParseZone(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := summer.In(loc).Format("Z07:00"); got != tt.summer {
				t.Errorf("summer offset %s, want %s", got, tt.summer)
			}
			if got := winter.In(loc).Format("Z07:00"); got != tt.winter {
				t.Errorf("winter offset %s, want %s", got, tt.winter)
			}
		})
	}
	if loc, err := ParseZone("Local"); err != nil || loc != time.Local {
		t.Errorf(`ParseZone("Local") = %v, %v; want time.Local, asked for by name`, loc, err)
	}
	bad := []struct{ in, want string }{
		{"", "no time zone given"},
		{"Mars/Olympus_Mons", `unknown time zone "Mars/Olympus_Mons"`},
		{"UTC+8", `unknown time zone "UTC+8"`},
		{"+8", `unknown time zone "+8"`},
		{"8", `unknown time zone "8"`},
		{"/etc/localtime", `unknown time zone "/etc/localtime"`},
		{"../zoneinfo/UTC", `unknown time zone "../zoneinfo/UTC"`},
		{"+19:00", `offset "+19:00" out of range`},
		{"-02:60", `offset "-02:60" out of range`},
		{"+02:00:00", `unknown time zone "+02:00:00"`},
	}
	for _, tt := range bad {
		t.Run("bad "+tt.in, func(t *testing.T) {
			loc, err := ParseZone(tt.in)
			if err == nil {
				t.Fatalf("got %v, want an error", loc)
			}
			examples := strings.Contains(err.Error(), "+02:00") && (strings.Contains(err.Error(), "Europe/Berlin") || strings.HasPrefix(tt.want, "offset"))
			if !strings.Contains(err.Error(), tt.want) || !examples {
				t.Errorf("error %q: want it to say %s and give examples", err, tt.want)
			}
		})
	}
}

// zoneCase is one log read in a zone: the times of its messages (RFC 3339,
// or the clock and offset for a time without a date) and its Date.
type zoneCase struct {
	name   string
	format string
	path   string
	input  string
	zone   string // "" for the format's own
	times  []string
	date   string
}

// checkZoneCases reads every case with ParseIn and with ScanIn and checks
// the times and the date.
func checkZoneCases(t *testing.T, tests []zoneCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var loc *time.Location
			if tt.zone != "" {
				loc = mustZone(t, tt.zone)
			}
			log, err := ParseIn(strings.NewReader(tt.input), tt.path, tt.format, loc)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range log.Messages {
				layout := time.RFC3339Nano
				if !HasDate(m.Time) {
					layout = "15:04:05Z07:00"
				}
				got = append(got, m.Time.Format(layout))
			}
			if !reflect.DeepEqual(got, tt.times) {
				t.Errorf("times %v, want %v", got, tt.times)
			}
			if log.Date != tt.date {
				t.Errorf("Date %q, want %q", log.Date, tt.date)
			}
			var scanned []Message
			meta, err := ScanIn(strings.NewReader(tt.input), tt.path, tt.format, loc, func(_ *Log, m Message) error {
				scanned = append(scanned, m)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(scanned, log.Messages) || meta.Date != log.Date {
				t.Errorf("ScanIn gave other messages or date than ParseIn: %v, %q", scanned, meta.Date)
			}
		})
	}
}

// TestParseInWallClocks checks that the clocks of a format that writes no
// zone stay as written, read in the zone given: only the offset, and so
// the instant, changes, and so the day never does.
func TestParseInWallClocks(t *testing.T) {
	whatsapp := "31/12/23, 23:15 - Alice: hi\n01/07/24, 09:00 - Bob: summer\n"
	irc := "[23:50] <alice> anyone?\n[00:10] <bob> alice: yes\n"
	cocolian := "---\ntitle: t\ndate: 2018-05-04\n---\n> 23:59:37  甲  \n   \n你好\n> 00:01:02  乙  \n   \n在\n"
	chatlogText := "甲(wxid_a) 23:30:00\n你好\n\n乙(wxid_b) 2025-03-07 00:30:00\n在\n"
	memoTXT := "2025-03-06 23:30:00 甲\n你好\n\n"
	chatlogCSV := "Time,SenderName,Sender,TalkerName,Talker,Content\n2025-03-06 23:30:00,甲,wxid_a,群,g@chatroom,你好\n"
	memoCSV := "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n1,12,1,0,0,,2,你好,2025-03-06 23:30:00,甲,甲,wxid_a\n"
	telegram := `{"name":"G","type":"private_group","id":1,"messages":[{"id":1,"type":"message","date":"2023-12-31T23:30:00","from":"A","from_id":"user1","text":"hi"}]}`
	checkZoneCases(t, []zoneCase{
		{"whatsapp own zone", "whatsapp", "chat.txt", whatsapp, "", []string{"2023-12-31T23:15:00Z", "2024-07-01T09:00:00Z"}, ""},
		{"whatsapp Berlin", "whatsapp", "chat.txt", whatsapp, "Europe/Berlin", []string{"2023-12-31T23:15:00+01:00", "2024-07-01T09:00:00+02:00"}, ""},
		{"whatsapp offset", "whatsapp", "chat.txt", whatsapp, "-05:30", []string{"2023-12-31T23:15:00-05:30", "2024-07-01T09:00:00-05:30"}, ""},
		{"whatsapp one day", "whatsapp", "chat.txt", "31/12/23, 23:15 - Alice: hi\n", "Asia/Tokyo", []string{"2023-12-31T23:15:00+09:00"}, "2023-12-31"},
		// A clock the zone skips comes out as time.Date reads it: an hour on in Berlin.
		{"whatsapp skipped clock", "whatsapp", "chat.txt", "31/03/24, 02:30 - Alice: hi\n", "Europe/Berlin", []string{"2024-03-31T03:30:00+02:00"}, "2024-03-31"},
		{"irc own zone", "irc", "#ubuntu-2021-03-14.log", irc, "", []string{"2021-03-14T23:50:00Z", "2021-03-15T00:10:00Z"}, ""},
		{"irc Berlin", "irc", "#ubuntu-2021-03-14.log", irc, "Europe/Berlin", []string{"2021-03-14T23:50:00+01:00", "2021-03-15T00:10:00+01:00"}, ""},
		{"irc one day", "irc", "#ubuntu-2021-03-14.log", "[09:50] <alice> anyone?\n", "America/New_York", []string{"2021-03-14T09:50:00-04:00"}, "2021-03-14"},
		{"cocolian own zone", "cocolian", "day.markdown", cocolian, "", []string{"2018-05-04T23:59:37+08:00", "2018-05-05T00:01:02+08:00"}, "2018-05-04"},
		{"cocolian Berlin", "cocolian", "day.markdown", cocolian, "Europe/Berlin", []string{"2018-05-04T23:59:37+02:00", "2018-05-05T00:01:02+02:00"}, "2018-05-04"},
		{"chatlog-text", "chatlog-text", "g_2025-03-06.txt", chatlogText, "UTC", []string{"2025-03-06T23:30:00Z", "2025-03-07T00:30:00Z"}, ""},
		{"memotrace-txt", "memotrace-txt", "g.txt", memoTXT, "America/New_York", []string{"2025-03-06T23:30:00-05:00"}, "2025-03-06"},
		{"chatlog-csv Time", "chatlog-csv", "g.csv", chatlogCSV, "Europe/Berlin", []string{"2025-03-06T23:30:00+01:00"}, "2025-03-06"},
		{"memotrace-csv StrTime", "memotrace-csv", "g.csv", memoCSV, "Europe/Berlin", []string{"2025-03-06T23:30:00+01:00"}, "2025-03-06"},
		{"telegram without date_unixtime", "telegram", "result.json", telegram, "Europe/Berlin", []string{"2023-12-31T23:30:00+01:00"}, "2023-12-31"},
	})
}

// TestParseInInstants checks that the instants of a format that writes
// them stay, shown in the zone given: their clock, and the day they fall
// on, follow the zone, and Log.Date with them.
func TestParseInInstants(t *testing.T) {
	// 2023-12-31 23:30 UTC, 2024-01-01 07:30 in Shanghai.
	telegram := `{"name":"G","type":"private_group","id":1,"messages":[{"id":1,"type":"message","date":"2023-12-31T23:30:00","date_unixtime":"1704065400","from":"A","from_id":"user1","text":"hi"}]}`
	// 1741278600 is 2025-03-07 00:30 in China, 2025-03-06 17:30 in Berlin.
	weflow := `{"session":{"displayName":"群"},"messages":[{"localId":1,"createTime":1741278600,"type":"文本消息","localType":1,"content":"你好","senderUsername":"wxid_a","senderDisplayName":"甲"}]}`
	chatlab := `{"chatlab":{"version":"0.0.2"},"meta":{"name":"群"},"members":[],"messages":[{"sender":"wxid_a","accountName":"甲","timestamp":1741278600,"type":0,"content":"你好"}]}`
	chatlogJSON := `[{"seq":1,"time":"2025-03-07T00:30:00+08:00","talker":"g@chatroom","talkerName":"群","sender":"wxid_a","senderName":"甲","type":1,"subType":0,"content":"你好"}]`
	memoCSV := "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n1,12,1,0,0,1741278600,2,你好,2025-03-07 00:30:00,甲,甲,wxid_a\n"
	chatlogCSV := "Time,SenderName,Sender,TalkerName,Talker,Content\n2025-03-07T00:30:00+08:00,甲,wxid_a,群,g@chatroom,你好\n"
	discord := `{"guild":{"id":"1","name":"G"},"channel":{"id":"2","name":"c"},"messages":[{"id":"3","type":"Default","timestamp":"2023-12-31T21:00:03.512+01:00","content":"hi","author":{"id":"4","name":"a"}}]}`
	checkZoneCases(t, []zoneCase{
		{"telegram own rule", "telegram", "result.json", telegram, "", []string{"2023-12-31T23:30:00Z"}, "2023-12-31"},
		{"telegram Shanghai", "telegram", "result.json", telegram, "Asia/Shanghai", []string{"2024-01-01T07:30:00+08:00"}, "2024-01-01"},
		{"weflow own zone", "weflow", "g.json", weflow, "", []string{"2025-03-07T00:30:00+08:00"}, "2025-03-07"},
		{"weflow Berlin", "weflow", "g.json", weflow, "Europe/Berlin", []string{"2025-03-06T17:30:00+01:00"}, "2025-03-06"},
		{"chatlab Berlin", "chatlab", "g.json", chatlab, "Europe/Berlin", []string{"2025-03-06T17:30:00+01:00"}, "2025-03-06"},
		{"chatlog-json Berlin", "chatlog-json", "g.json", chatlogJSON, "Europe/Berlin", []string{"2025-03-06T17:30:00+01:00"}, "2025-03-06"},
		{"memotrace-csv CreateTime", "memotrace-csv", "g.csv", memoCSV, "Europe/Berlin", []string{"2025-03-06T17:30:00+01:00"}, "2025-03-06"},
		{"chatlog-csv RFC 3339 Time", "chatlog-csv", "g.csv", chatlogCSV, "Europe/Berlin", []string{"2025-03-06T17:30:00+01:00"}, "2025-03-06"},
		{"discord own offset", "discord", "c.json", discord, "", []string{"2023-12-31T21:00:03.512+01:00"}, "2023-12-31"},
		{"discord Tokyo", "discord", "c.json", discord, "Asia/Tokyo", []string{"2024-01-01T05:00:03.512+09:00"}, "2024-01-01"},
		{"discord offset", "discord", "c.json", discord, "-05:00", []string{"2023-12-31T15:00:03.512-05:00"}, "2023-12-31"},
	})
}

// TestParseInDateless checks that a clock without a date (an IRC log whose
// file name holds none, a chatlog text export read from stdin, a cocolian
// archive without front matter) stays on 0001-01-01 with the zone's
// standard offset, whatever the day the program runs.
func TestParseInDateless(t *testing.T) {
	irc := "[23:50] <alice> anyone?\n"
	checkZoneCases(t, []zoneCase{
		{"irc own zone", "irc", "ubuntu.log", irc, "", []string{"23:50:00Z"}, ""},
		{"irc offset", "irc", "ubuntu.log", irc, "+02:00", []string{"23:50:00+02:00"}, ""},
		{"irc Berlin", "irc", "ubuntu.log", irc, "Europe/Berlin", []string{"23:50:00+01:00"}, ""},
		{"irc Sydney", "irc", "ubuntu.log", irc, "Australia/Sydney", []string{"23:50:00+10:00"}, ""},
		{"irc Dublin", "irc", "ubuntu.log", irc, "Europe/Dublin", []string{"23:50:00Z"}, ""},
		{"irc stdin", "irc", "-", irc, "Asia/Kolkata", []string{"23:50:00+05:30"}, ""},
		{"chatlog-text stdin", "chatlog-text", "-", "甲(wxid_a) 23:30:00\n你好\n", "America/New_York", []string{"23:30:00-05:00"}, ""},
		{"cocolian no front matter", "cocolian", "-", "> 23:59:37  甲  \n   \n你好\n> 00:01:02  乙  \n   \n在\n", "Europe/Berlin", []string{"23:59:37+01:00", "00:01:02+01:00"}, ""},
	})
}

// TestParseInFixtures checks every fixture read in a zone against the same
// fixture read in its format's own: a wall clock the same clock, an
// instant the same instant, each in the zone, and Log.Date the day of all
// the messages as shown (a cocolian archive keeps its front matter's).
func TestParseInFixtures(t *testing.T) {
	wallClock := map[string]bool{"whatsapp": true, "irc": true, "cocolian": true, "chatlog-text": true, "chatlog-csv": true, "memotrace-txt": true}
	for _, name := range []string{"America/New_York", "Pacific/Kiritimati", "+05:45"} {
		loc := mustZone(t, name)
		for _, f := range Formats() {
			files := []string{filepath.Join(wxFixtureRoot, "slack", "workspace")}
			if f.Name != slackFormat.Name {
				files = wxFixtures(t, f.Name, "*")
			}
			for _, file := range files {
				t.Run(name+"/"+f.Name+"/"+filepath.Base(file), func(t *testing.T) {
					own, err := ParsePathIn(file, f.Name, nil, nil)
					if err != nil {
						t.Fatal(err)
					}
					in, err := ParsePathIn(file, f.Name, loc, nil)
					if err != nil {
						t.Fatal(err)
					}
					for k := range own {
						for i, m := range in[k].Messages {
							o := own[k].Messages[i].Time
							if wallClock[f.Name] {
								if m.Time.Format("2006-01-02 15:04:05") != o.Format("2006-01-02 15:04:05") {
									t.Errorf("message %d: clock %v, want %v as written", i, m.Time, o)
								}
							} else if !m.Time.Equal(o) {
								t.Errorf("message %d: instant %v, want %v", i, m.Time, o)
							}
							_, off := m.Time.Zone()
							if _, want := time.Date(m.Time.Year(), m.Time.Month(), m.Time.Day(), m.Time.Hour(), m.Time.Minute(), m.Time.Second(), 0, loc).Zone(); HasDate(m.Time) && off != want {
								t.Errorf("message %d: %v is not in %s", i, m.Time, name)
							}
						}
						want := own[k].Date
						if f.Name != "cocolian" {
							want = logDay(in[k].Messages)
						}
						if in[k].Date != want {
							t.Errorf("log %d: Date %q, want %q", k, in[k].Date, want)
						}
					}
				})
			}
		}
	}
}
