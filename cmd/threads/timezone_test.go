package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// zoneDay is what the timezone tests read of a day of extract's JSON.
type zoneDay struct {
	Source   struct{ Date string }
	Messages []struct {
		Index int
		Time  string
	}
}

// zoneDays runs extract --format json with args and returns its days, one
// or several.
func zoneDays(t *testing.T, stdin string, args ...string) []zoneDay {
	t.Helper()
	code, out, errOut := runCmd(t, stdin, append([]string{"extract", "--format", "json"}, args...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var days []zoneDay
	if strings.HasPrefix(out, "[") {
		if err := json.Unmarshal([]byte(out), &days); err != nil {
			t.Fatal(err)
		}
		return days
	}
	var day zoneDay
	if err := json.Unmarshal([]byte(out), &day); err != nil {
		t.Fatal(err)
	}
	return []zoneDay{day}
}

// dayTimes renders days as "date: time time ..." lines, checking that
// every day numbers its messages from 0.
func dayTimes(t *testing.T, days []zoneDay) []string {
	t.Helper()
	var out []string
	for _, d := range days {
		var times []string
		for i, m := range d.Messages {
			if m.Index != i {
				t.Errorf("day %s: message %d has index %d", d.Source.Date, i, m.Index)
			}
			times = append(times, m.Time)
		}
		out = append(out, d.Source.Date+": "+strings.Join(times, " "))
	}
	return out
}

// memoRow is a text message of a MemoTrace CSV export: when it was sent,
// by whom, and its text.
type memoRow struct {
	at         time.Time
	name, text string
}

// memoTraceCSV writes a MemoTrace CSV export of the rows, their instants as
// CreateTime, and returns its path.
func memoTraceCSV(t *testing.T, dir string, rows ...memoRow) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n")
	china := time.FixedZone("CST", 8*3600)
	for i, r := range rows {
		fmt.Fprintf(&b, "%d,12,1,0,0,%d,2,%s,%s,%s,%s,wxid_%d\n", i+1, r.at.Unix(), r.text, r.at.In(china).Format("2006-01-02 15:04:05"), r.name, r.name, i)
	}
	path := filepath.Join(dir, "group_utf8.csv")
	writeFile(t, path, b.String())
	return path
}

// TestTimezoneFlag checks --timezone on extract and digest: the zones it
// takes, and the usage error (exit 2) naming the flag and the value, with
// examples, for one it does not.
func TestTimezoneFlag(t *testing.T) {
	whatsapp := filepath.Join(t.TempDir(), "chat.txt")
	writeFile(t, whatsapp, "31/12/23, 21:15 - Alice: hi, how do refunds work?\n31/12/23, 21:16 - Bob: Alice: in the dashboard\n")
	for _, cmd := range []string{"extract", "digest"} {
		for _, zone := range []string{"Europe/Berlin", "Asia/Shanghai", "America/Argentina/Buenos_Aires", "UTC", "Etc/GMT-3", "+02:00", "-05:30", "+0800", "Local"} {
			t.Run(cmd+" "+zone, func(t *testing.T) {
				code, _, errOut := runCmd(t, "", cmd, "--timezone", zone, whatsapp)
				if code != exitOK {
					t.Errorf("exit %d: %s", code, errOut)
				}
			})
		}
		bad := []struct{ zone, want string }{
			{"Mars/Olympus_Mons", `unknown time zone "Mars/Olympus_Mons"`},
			{"Berlin", `unknown time zone "Berlin"`},
			{"UTC+2", `unknown time zone "UTC\+2"`},
			{"", `no time zone given`},
			{"+2", `unknown time zone "\+2"`},
			{"+24:00", `offset "\+24:00" out of range`},
			{"/etc/localtime", `unknown time zone "/etc/localtime"`},
		}
		for _, tt := range bad {
			t.Run(cmd+" bad "+tt.zone, func(t *testing.T) {
				code, out, errOut := runCmd(t, "", cmd, "--timezone="+tt.zone, whatsapp)
				if code != exitUsage || out != "" {
					t.Errorf("exit %d with output %q, want %d and none", code, out, exitUsage)
				}
				want := `^threads: invalid argument "` + regexp.QuoteMeta(tt.zone) + `" for "--timezone" flag: ` + tt.want + `: want .*\+02:00`
				if !regexp.MustCompile(want).MatchString(errOut) {
					t.Errorf("stderr %q, want it to match %s", errOut, want)
				}
				if !strings.HasPrefix(tt.want, "offset") && !strings.Contains(errOut, "Europe/Berlin") {
					t.Errorf("stderr %q gives no zone name as an example", errOut)
				}
			})
		}
	}
	io := &streams{}
	ext := newExtractCmd(io, nil).Flags().Lookup("timezone")
	dig := newDigestCmd(io, nil).Flags().Lookup("timezone")
	if ext == nil || dig == nil {
		t.Fatalf("extract's flag %v, digest's %v", ext, dig)
	}
	if ext.DefValue != "" || ext.DefValue != dig.DefValue || ext.Usage != dig.Usage || ext.Value.Type() != dig.Value.Type() {
		t.Errorf("digest's --timezone %+v differs from extract's %+v, or has a default", dig, ext)
	}
}

// TestTimezoneDefaultIsEachFormats checks that without --timezone the
// output is what it was (the goldens), and so it is with --timezone naming
// the zone a format reads in anyway: China time for a cocolian day, UTC
// for WhatsApp and IRC.
func TestTimezoneDefaultIsEachFormats(t *testing.T) {
	golden, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cmd", "sample-day.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		file string
		zone string
	}{
		{"cocolian +08:00", sampleDay, "+08:00"},
		{"cocolian Shanghai", sampleDay, "Asia/Shanghai"},
		{"whatsapp UTC", "../../testdata/chatlog/whatsapp/android.txt", "UTC"},
		{"whatsapp +00:00", "../../testdata/chatlog/whatsapp/ios.txt", "+00:00"},
		{"irc UTC", "../../testdata/chatlog/irc/2021-03-14_23.raw.txt", "UTC"},
		{"weflow +0800", "../../testdata/chatlog/weflow/group.json", "+0800"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, own, errOut := runCmd(t, "", "extract", "--format", "json", tt.file)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if tt.file == sampleDay && own != string(golden) {
				t.Fatal("the output without --timezone is not the golden one")
			}
			_, in, _ := runCmd(t, "", "extract", "--format", "json", "--timezone", tt.zone, tt.file)
			if in != own {
				t.Errorf("--timezone %s changed the output", tt.zone)
			}
		})
	}
}

// TestTimezoneExtract checks what extract writes in a zone: a clock
// written without a zone stays as written with the zone's offset, an
// instant is shown in the zone, and a file is cut into the days of the
// times as shown, whether its format streams (MemoTrace CSV) or is parsed
// whole (Telegram); a clock without a date gets the zone's standard offset.
func TestTimezoneExtract(t *testing.T) {
	dir := t.TempDir()
	whatsapp := filepath.Join(dir, "WhatsApp Chat with Team.txt")
	writeFile(t, whatsapp, "31/12/23, 23:15 - Alice: how do refunds work?\n01/01/24, 00:15 - Bob: in the dashboard\n")
	// 2025-03-06 23:30, 03-07 00:30 and 03-07 08:30 in China: 16:30,
	// 17:30 on 03-06 and 01:30 on 03-07 in Berlin.
	china := time.FixedZone("CST", 8*3600)
	memo := memoTraceCSV(t, dir,
		memoRow{time.Date(2025, 3, 6, 23, 30, 0, 0, china), "甲", "微信分账怎么申请？"},
		memoRow{time.Date(2025, 3, 7, 0, 30, 0, 0, china), "乙", "商户平台产品中心"},
		memoRow{time.Date(2025, 3, 7, 8, 30, 0, 0, china), "丙", "早上好"},
	)
	// date_unixtime 2023-12-31 10:00, 18:00 and 2024-01-01 02:00 UTC, the
	// zone the dates imply.
	telegram := filepath.Join(dir, "result.json")
	var recs []string
	for i, at := range []time.Time{time.Date(2023, 12, 31, 10, 0, 0, 0, time.UTC), time.Date(2023, 12, 31, 18, 0, 0, 0, time.UTC), time.Date(2024, 1, 1, 2, 0, 0, 0, time.UTC)} {
		recs = append(recs, fmt.Sprintf(`{"id":%d,"type":"message","date":%q,"date_unixtime":"%d","from":"A","from_id":"user1","text":"message %d"}`, i+1, at.Format("2006-01-02T15:04:05"), at.Unix(), i))
	}
	writeFile(t, telegram, `{"name":"G","type":"private_group","id":1,"messages":[`+strings.Join(recs, ",")+`]}`)
	irc := "[23:50] <alice> anyone around?\n[23:51] <bob> alice: yes\n"
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  []string // "date: time time ..." per day
	}{
		{"whatsapp", "", []string{whatsapp}, []string{
			"2023-12-31: 2023-12-31T23:15:00Z", "2024-01-01: 2024-01-01T00:15:00Z"}},
		{"whatsapp Berlin", "", []string{"--timezone", "Europe/Berlin", whatsapp}, []string{
			"2023-12-31: 2023-12-31T23:15:00+01:00", "2024-01-01: 2024-01-01T00:15:00+01:00"}},
		{"memotrace-csv", "", []string{memo}, []string{
			"2025-03-06: 2025-03-06T23:30:00+08:00", "2025-03-07: 2025-03-07T00:30:00+08:00 2025-03-07T08:30:00+08:00"}},
		{"memotrace-csv Berlin", "", []string{"--timezone", "Europe/Berlin", memo}, []string{
			"2025-03-06: 2025-03-06T16:30:00+01:00 2025-03-06T17:30:00+01:00", "2025-03-07: 2025-03-07T01:30:00+01:00"}},
		{"memotrace-csv -05:00", "", []string{"--timezone", "-05:00", memo}, []string{
			"2025-03-06: 2025-03-06T10:30:00-05:00 2025-03-06T11:30:00-05:00 2025-03-06T19:30:00-05:00"}},
		{"telegram", "", []string{telegram}, []string{
			"2023-12-31: 2023-12-31T10:00:00Z 2023-12-31T18:00:00Z", "2024-01-01: 2024-01-01T02:00:00Z"}},
		{"telegram Shanghai", "", []string{"--timezone", "Asia/Shanghai", telegram}, []string{
			"2023-12-31: 2023-12-31T18:00:00+08:00", "2024-01-01: 2024-01-01T02:00:00+08:00 2024-01-01T10:00:00+08:00"}},
		{"irc stdin", irc, []string{"--input-format", "irc"}, []string{": 23:50:00Z 23:51:00Z"}},
		{"irc stdin offset", irc, []string{"--input-format", "irc", "--timezone", "+02:00"}, []string{": 23:50:00+02:00 23:51:00+02:00"}},
		{"irc stdin Berlin", irc, []string{"--input-format", "irc", "--timezone", "Europe/Berlin", "-"}, []string{": 23:50:00+01:00 23:51:00+01:00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dayTimes(t, zoneDays(t, tt.stdin, tt.args...))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("days\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	// The Markdown FAQ shows the clock of the zone too.
	code, out, errOut := runCmd(t, "", "extract", "--timezone", "Europe/Berlin", memo)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "16:30") || strings.Contains(out, "23:30") {
		t.Errorf("markdown in Berlin does not show 16:30 for 23:30 in China:\n%s", out)
	}
}

// TestTimezoneDigest checks that digest dates a question by its time as
// shown in --timezone, and that --since and --until select those dates.
func TestTimezoneDigest(t *testing.T) {
	dir := t.TempDir()
	china := time.FixedZone("CST", 8*3600)
	// 2025-03-07 06:00 in China is 2025-03-06 23:00 in Berlin.
	memo := memoTraceCSV(t, dir,
		memoRow{time.Date(2025, 3, 7, 6, 0, 0, 0, china), "陈立", "请教一下，微信分账接口怎么申请？"},
		memoRow{time.Date(2025, 3, 7, 6, 1, 0, 0, china), "沈清", "@陈立 在微信支付商户平台的产品中心申请开通分账，审核通过后就能调接口"},
	)
	tests := []struct {
		name string
		args []string
		want string // the dates of the occurrences
	}{
		{"own zone", nil, "2025-03-07"},
		{"Berlin", []string{"--timezone", "Europe/Berlin"}, "2025-03-06"},
		{"own zone since 03-07", []string{"--since", "2025-03-07"}, "2025-03-07"},
		{"Berlin since 03-07", []string{"--timezone", "Europe/Berlin", "--since", "2025-03-07"}, ""},
		{"Berlin until 03-06", []string{"--timezone", "Europe/Berlin", "--until", "2025-03-06"}, "2025-03-06"},
		{"own zone until 03-06", []string{"--until", "2025-03-06"}, ""},
		// A clock written without a zone keeps its date in any zone.
		{"wall clocks in Berlin", []string{"--timezone", "Europe/Berlin", "--since", "2025-03-07", "--until", "2025-03-07", digestMultiDay}, "2025-03-07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			if !strings.HasSuffix(strings.Join(args, " "), ".txt") {
				args = append(args, memo)
			}
			seen := map[string]bool{}
			for _, e := range digestJSON(t, append([]string{"--quiet"}, args...)...).Entries {
				for _, o := range e.Occurrences {
					seen[o.Date] = true
				}
			}
			dates := sortedKeys(seen)
			sort.Strings(dates)
			if got := strings.Join(dates, " "); got != tt.want {
				t.Errorf("dates %q, want %q", got, tt.want)
			}
		})
	}
}
