package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/sharedtest"
)

// TestCheckLog checks that a TSV annotation is compared with its chat log
// row by row where it gives a time or a nick, and then by count, and that
// a mismatch names the row's line and both sides.
func TestCheckLog(t *testing.T) {
	zone := time.FixedZone("CST", 8*3600)
	at := func(hms string) time.Time {
		d, err := time.ParseInLocation("2006-01-02 15:04:05", "2018-05-04 "+hms, zone)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	log := &chatlog.Log{Path: "chat.md", Messages: []chatlog.Message{
		{Index: 0, Line: 10, Time: at("09:00:00"), Sender: "张三"},
		{Index: 1, Line: 14, Time: at("09:00:30"), Sender: "李四-公司 职位 "}, // a header's trailing space kept
		{Index: 2, Line: 18, Time: at("09:01:00"), Sender: "王五"},
	}}
	const head = "# day\nidx\ttime\tnick\tparent\trole\tthread\n"
	rows := []string{
		"0\t09:00:00\t张三\t0\tQ\tT1\n",
		"1\t09:00:30\t李四-公司 职位\t0\tA0\tT1\n",
		"2\t09:01:00\t王五\t2\t-\tT2\n",
	}
	labelsOnly := "0\t-\t-\t0\t-\tT1\n1\t-\t-\t0\t-\tT1\n2\t-\t-\t2\t-\tT2\n"
	tests := []struct {
		name, rows, want string // want "" for no error
	}{
		{"all rows match", strings.Join(rows, ""), ""},
		{"labels only", labelsOnly, ""},
		{"time only", "0\t09:00:00\t-\t0\t-\tT1\n1\t09:00:30\t-\t0\t-\tT1\n2\t09:01:00\t-\t2\t-\tT2\n", ""},
		{"nick only", "0\t-\t张三\t0\t-\tT1\n1\t-\t李四-公司  职位\t0\t-\tT1\n2\t-\t王五\t2\t-\tT2\n", ""},
		{"another time", rows[0] + "1\t09:00:31\t李四-公司 职位\t0\tA0\tT1\n" + rows[2],
			"x.tsv:4: row 1 says 09:00:31 李四-公司 职位, but message 1 of the chat log (chat.md:14) is 09:00:30 李四-公司 职位; the gold file was made for another version of the chat log"},
		{"another nick", rows[0] + rows[1] + "2\t09:01:00\txiaOv\t2\t-\tT2\n",
			"x.tsv:5: row 2 says 09:01:00 xiaOv, but message 2 of the chat log (chat.md:18) is 09:01:00 王五;"},
		{"another nick, no time", "0\t-\t李四\t0\t-\tT1\n",
			"x.tsv:3: row 0 says - 李四, but message 0 of the chat log (chat.md:10) is 09:00:00 张三;"},
		{"a row removed and one appended", rows[0] + "1\t09:01:00\t王五\t1\t-\tT2\n" + "2\t09:02:00\t赵六\t2\t-\tT3\n",
			"x.tsv:4: row 1 says 09:01:00 王五, but message 1 of the chat log (chat.md:14) is 09:00:30 李四-公司 职位;"},
		{"a row short", rows[0] + rows[1],
			"x.tsv: 2 rows, but the chat log chat.md has 3 messages; the gold file was made for another version of the chat log"},
		{"a row over", strings.Join(rows, "") + "3\t-\t-\t3\t-\tT3\n",
			"x.tsv: 4 rows, but the chat log chat.md has 3 messages;"},
		{"labels only, a row short", labelsOnly[:strings.LastIndex(labelsOnly[:len(labelsOnly)-1], "\n")+1],
			"x.tsv: 2 rows, but the chat log chat.md has 3 messages;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ReadTSV(strings.NewReader(head+tt.rows), "x.tsv")
			if err != nil {
				t.Fatal(err)
			}
			err = CheckLog(a, "x.tsv", log)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("CheckLog: %v, want no error", err)
			case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
				t.Errorf("CheckLog: %v, want prefix %q", err, tt.want)
			}
		})
	}
	t.Run("a log without times", func(t *testing.T) {
		a, err := ReadTSV(strings.NewReader(head+strings.Join(rows, "")), "x.tsv")
		if err != nil {
			t.Fatal(err)
		}
		untimed := &chatlog.Log{Path: "chat.txt", Messages: append([]chatlog.Message(nil), log.Messages...)}
		for i := range untimed.Messages {
			untimed.Messages[i].Time = time.Time{}
		}
		if err := CheckLog(a, "x.tsv", untimed); err != nil {
			t.Errorf("CheckLog: %v, want no error (the log has no times to compare)", err)
		}
	})
}

// TestCheckLogRealGold checks that every real gold file lines up with the
// corpus day it annotates: the shared gold days (times and nicks) and both
// annotations of the other 43 days (labels only).
func TestCheckLogRealGold(t *testing.T) {
	corpus := sharedtest.Dir(t, "corpus", "cocolian")
	dirs := []string{sharedtest.Dir(t, "gold"), filepath.Join("..", "..", "testdata", "annotations", "cocolian"), filepath.Join("..", "..", "testdata", "annotations", "cocolian-second")}
	checked := 0
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			name := strings.TrimSuffix(filepath.Base(path), ".tsv")
			group, day, _ := strings.Cut(name, "-")
			log, err := chatlog.ParseFile(filepath.Join(corpus, group, day+"-chat.markdown"), "", nil)
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			a, err := ReadTSV(f, path)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			if err := CheckLog(a, path, log); err != nil {
				t.Error(err)
			}
			checked++
		}
	}
	if want := 2 + 43 + 43; checked != want {
		t.Errorf("checked %d gold files, want %d", checked, want)
	}
}
