package digest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/mdtext"
)

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWriteKB checks the files of a new knowledge base: one per entry with
// front matter and the marker, and an index.
func TestWriteKB(t *testing.T) {
	d := fixtureDigest(t)
	dir := filepath.Join(t.TempDir(), "kb")
	res, err := WriteKB(dir, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != len(d.Entries)+1 || len(res.Unchanged)+len(res.Stale)+len(res.Merged)+len(res.NoMarker) != 0 {
		t.Fatalf("result %+v, want %d files written", res, len(d.Entries)+1)
	}
	e := d.Entries[0]
	text := readFile(t, filepath.Join(dir, e.ID+".md"))
	parts := strings.SplitN(text, "---\n", 3)
	if len(parts) != 3 || parts[0] != "" {
		t.Fatalf("no front matter in\n%s", text)
	}
	var fm kbFrontMatter
	if err := yaml.Unmarshal([]byte(parts[1]), &fm); err != nil {
		t.Fatal(err)
	}
	if fm.ID != e.ID || fm.Title != e.Title || fm.FirstAsked != "2018-03-01" || fm.LastAsked != "2018-03-22" || fm.Occurrences != 3 || len(fm.Sources) != 3 || len(fm.Topics) == 0 {
		t.Errorf("front matter %+v", fm)
	}
	if want := filepath.Join(fixtureDir, "proddev", "2018-03-01-chat.markdown") + ":13"; fm.Sources[0] != want {
		t.Errorf("first source %q, want %q", fm.Sources[0], want)
	}
	if !strings.HasSuffix(text, "\n"+Marker+"\n\n") {
		t.Errorf("entry file does not end with the marker and an empty edit section:\n%s", text)
	}
	// The source link is relative to the knowledge base folder.
	absDir, _ := filepath.Abs(dir)
	absSrc, _ := filepath.Abs(filepath.Join(fixtureDir, "proddev", "2018-03-01-chat.markdown"))
	rel, _ := filepath.Rel(absDir, absSrc)
	if !strings.Contains(text, "("+filepath.ToSlash(rel)+"#L13)") {
		t.Errorf("no link to %s#L13 in\n%s", rel, text)
	}
	index := readFile(t, filepath.Join(dir, kbIndex))
	if !strings.Contains(index, "]("+e.ID+".md)") {
		t.Errorf("index does not link %s:\n%s", e.ID, index)
	}
}

// TestWriteKBRegenerate checks that regenerating keeps what curators wrote
// below the marker, rewrites only what changed, moves the edits of an
// entry whose ID changed, and leaves alone entries of other runs and files
// whose marker was removed.
func TestWriteKBRegenerate(t *testing.T) {
	days := fixtureDays(t)
	opts := fixtureOptions(t)
	full := Build(days, segmenter(t), opts)
	dir := t.TempDir()
	if _, err := WriteKB(dir, full); err != nil {
		t.Fatal(err)
	}

	t.Run("unchanged", func(t *testing.T) {
		res, err := WriteKB(dir, full)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Written) != 0 || len(res.Unchanged) != len(full.Entries)+1 {
			t.Errorf("second run: %+v", res)
		}
	})

	first := filepath.Join(dir, full.Entries[0].ID+".md")
	const note = "Curator: 服务商模式见 https://pay.weixin.qq.com 的分账文档。\n"
	writeFile(t, first, readFile(t, first)+note)
	t.Run("edits kept", func(t *testing.T) {
		// Regenerate from the days after the first: the entry keeps its
		// file only if its ID is unchanged, so use a digest where it is.
		res, err := WriteKB(dir, full)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Written) != 0 {
			t.Errorf("files rewritten: %v", res.Written)
		}
		if !strings.HasSuffix(readFile(t, first), Marker+"\n\n"+note) {
			t.Error("the curator's note is gone")
		}
	})

	t.Run("edits survive a changed entry", func(t *testing.T) {
		mod := *full
		mod.Entries = append([]Entry(nil), full.Entries...)
		mod.Entries[0].Title = "微信的分账接口怎么申请？"
		res, err := WriteKB(dir, &mod)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(res.Written, " ") != filepath.Base(first)+" "+kbIndex {
			t.Errorf("written %v, want the entry and the index", res.Written)
		}
		text := readFile(t, first)
		if !strings.Contains(text, "title: 微信的分账接口怎么申请？") || !strings.HasSuffix(text, Marker+"\n\n"+note) {
			t.Errorf("regenerated file:\n%s", text)
		}
	})

	t.Run("moved to the new ID", func(t *testing.T) {
		// Without the first day, the 分账接口 entry starts on 2018-03-14 and
		// has another ID; a curator edits that file, then the first day comes
		// back and the entry gets its old ID again.
		var rest []Day
		for _, d := range days {
			if d.Log.Date != "2018-03-01" {
				rest = append(rest, d)
			}
		}
		later := Build(rest, segmenter(t), opts)
		var id string
		for _, e := range later.Entries {
			if strings.Contains(e.Title, "分账接口") {
				id = e.ID
			}
		}
		if id == "" || id == full.Entries[0].ID {
			t.Fatalf("entry ID without the first day %q, with it %q", id, full.Entries[0].ID)
		}
		dir := t.TempDir()
		if _, err := WriteKB(dir, later); err != nil {
			t.Fatal(err)
		}
		old := filepath.Join(dir, id+".md")
		writeFile(t, old, readFile(t, old)+note)
		res, err := WriteKB(dir, full)
		if err != nil {
			t.Fatal(err)
		}
		// The 协议支付 entry also started on the first day.
		if !slices.Contains(res.Merged, id+".md") || len(res.Merged) != 2 || len(res.Stale) != 0 {
			t.Errorf("merged %v, stale %v, want %s.md and the 协议支付 entry merged", res.Merged, res.Stale, id)
		}
		if _, err := os.Stat(old); !os.IsNotExist(err) {
			t.Errorf("%s still exists", old)
		}
		if !strings.HasSuffix(readFile(t, first), note) {
			t.Error("the note did not move to the new file")
		}
	})

	t.Run("stale and unmarked files left alone", func(t *testing.T) {
		dir := t.TempDir()
		if _, err := WriteKB(dir, full); err != nil {
			t.Fatal(err)
		}
		stale := filepath.Join(dir, "2017-01-01-0123abcd.md")
		writeFile(t, stale, "---\nid: 2017-01-01-0123abcd\nsources:\n  - elsewhere/2017-01-01-chat.markdown:9\n---\n\n"+Marker+"\nkeep me\n")
		unmarked := filepath.Join(dir, full.Entries[1].ID+".md")
		writeFile(t, unmarked, "my own text, no marker\n")
		res, err := WriteKB(dir, full)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(res.Stale, " ") != filepath.Base(stale) || strings.Join(res.NoMarker, " ") != filepath.Base(unmarked) {
			t.Errorf("stale %v, no marker %v", res.Stale, res.NoMarker)
		}
		if readFile(t, unmarked) != "my own text, no marker\n" || !strings.HasSuffix(readFile(t, stale), "keep me\n") {
			t.Error("a file was changed")
		}
	})
}

func TestMarkerAt(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"a\n" + Marker + "\nb", true},
		{"a\n  " + Marker + "  \nb", true},
		{Marker, true},
		{"a " + Marker + " b\n", false},
		{"no marker\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := markerAt([]byte(tt.text)) >= 0; got != tt.want {
				t.Errorf("markerAt = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSpansKey checks which read file a source an earlier run wrote names:
// the same file however that run typed its path, never a file of the same
// name in another folder, never a line outside the days read, and never
// stdin.
func TestSpansKey(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	day := func(path string, first, last int) DayView {
		return DayView{Path: path, FirstLine: first, LastLine: last}
	}
	there := filepath.Join(t.TempDir(), "groupC", "2018", "d.txt") // a file still on disk, not read
	if err := os.MkdirAll(filepath.Dir(there), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, there, "")
	read := readSpans(&Digest{Days: []DayView{
		day("/data/corpus/proddev/day.markdown", 1, 100),
		day("/data/x/groupA/2018/d.txt", 1, 50),
		day("/data/x/groupB/2018/d.txt", 1, 50),
		day("local/chat.txt", 10, 20),
		day("-", 1, 50),
	}})
	tests := []struct{ src, want string }{
		{"/data/corpus/proddev/day.markdown:10", "/data/corpus/proddev/day.markdown:10"},
		{"proddev/day.markdown:10", "/data/corpus/proddev/day.markdown:10"},
		{"../corpus/proddev/day.markdown:10", "/data/corpus/proddev/day.markdown:10"},
		{"/old/place/corpus/proddev/day.markdown:10", "/data/corpus/proddev/day.markdown:10"}, // the corpus moved
		{"day.markdown:10", "/data/corpus/proddev/day.markdown:10"},                           // typed from inside proddev
		{"proddev/day.markdown:101", ""},                                                      // no day read holds the line
		{"devarch/day.markdown:10", ""},
		{"groupA/2018/d.txt:5", "/data/x/groupA/2018/d.txt:5"},
		{"2018/d.txt:5", ""}, // groupA's or groupB's
		{"d.txt:5", ""},
		{"x/groupA/2018/d.txt:5", "/data/x/groupA/2018/d.txt:5"},
		{"groupC/2018/d.txt:5", ""},                                   // typed relative: every folder must fit
		{there + ":5", ""},                                            // another file on disk with groupA's and groupB's tail
		{"/old/x/groupA/2018/d.txt:5", "/data/x/groupA/2018/d.txt:5"}, // moved
		{"local/chat.txt:15", filepath.ToSlash(filepath.Join(wd, "local", "chat.txt")) + ":15"},
		{"-:5", ""},
		{"no-line", ""},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got, ok := read.key(tt.src)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("key(%q) = %q, %v; want %q", tt.src, got, ok, tt.want)
			}
		})
	}
	if read.all(nil) {
		t.Error("a file listing no source was taken for read")
	}
}

// TestWriteKBOtherFiles checks that a run leaves alone, with its note, the
// entry file of a day it did not read, even when that day's file has the
// same name in another folder or came from stdin and its question sat on
// the same line.
func TestWriteKBOtherFiles(t *testing.T) {
	tests := []struct{ name, first, then string }{
		{"stdin twice", "-", "-"},
		{"same name in another folder", "groupA/2018/day.txt", "groupB/2018/day.txt"},
		{"same name beside", "a/day.txt", "b/day.txt"},
	}
	const note = "结论：先开通服务商模式。\n"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := Build([]Day{qaDay(tt.first, "2018-03-01", "微信分账接口怎么申请？", "商户平台申请")}, segmenter(t), fixtureOptions(t))
			then := Build([]Day{qaDay(tt.then, "2018-03-02", "网联协议支付要重新签约吗？", "要")}, segmenter(t), fixtureOptions(t))
			dir := t.TempDir()
			if _, err := WriteKB(dir, first); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, first.Entries[0].ID+".md")
			writeFile(t, path, readFile(t, path)+note)
			before := readFile(t, path)
			res, err := WriteKB(dir, then)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(path); err != nil || readFile(t, path) != before || len(res.Merged) != 0 {
				t.Fatalf("the first run's file was changed or removed (%v); result %+v", err, res)
			}
			if text := readFile(t, filepath.Join(dir, then.Entries[0].ID+".md")); strings.Contains(text, note) {
				t.Errorf("the note moved into the other day's entry:\n%s", text)
			}
		})
	}
}

// TestWriteKBWindowsFiles checks that entry files saved with CR LF line
// ends and a byte-order mark keep their protection: a narrower run leaves
// them as they are, and a run reading all their days merges them, notes
// and all.
func TestWriteKBWindowsFiles(t *testing.T) {
	d1 := qaDay("chat/pay.txt", "2018-03-01", "微信分账接口怎么申请？", "商户平台申请")
	d2 := qaDay("chat/other.txt", "2018-03-09", "微信的分账接口怎么申请？", "找客户经理")
	both := Build([]Day{d1, d2}, segmenter(t), fixtureOptions(t))
	dir := t.TempDir()
	if _, err := WriteKB(dir, both); err != nil {
		t.Fatal(err)
	}
	file := both.Entries[0].ID + ".md"
	path := filepath.Join(dir, file)
	const note = "结论：先开通服务商模式。"
	windows := "\uFEFF" + strings.ReplaceAll(readFile(t, path)+note+"\n", "\n", "\r\n")
	writeFile(t, path, windows)
	if fm, _ := readFrontMatter([]byte(windows)); len(fm.Sources) != 2 || fm.ID+".md" != file {
		t.Errorf("front matter read as %+v", fm)
	}
	res, err := WriteKB(dir, Build([]Day{d2}, segmenter(t), fixtureOptions(t)))
	if err != nil {
		t.Fatal(err)
	}
	if readFile(t, path) != windows || strings.Join(res.Wider, " ") != file {
		t.Fatalf("a narrower run changed the file saved on Windows; result %+v", res)
	}
	if _, err := WriteKB(dir, both); err != nil {
		t.Fatal(err)
	}
	if text := readFile(t, path); strings.Count(text, note) != 1 || !strings.HasPrefix(text, "---\n") {
		t.Errorf("after a run reading both days again:\n%s", text)
	}
}

// TestHasNote checks when a moved note counts as already there: only as
// whole blocks (paragraphs), never as part of a longer note.
func TestHasNote(t *testing.T) {
	tests := []struct {
		name       string
		kept, note string
		want       bool
	}{
		{"part of a longer note", "\n结论：仍有对公代扣通道，见银联。\n", "仍有对公代扣通道", false},
		{"the start of a note", "\n仍有对公代扣通道，见银联。\n", "仍有对公代扣通道", false},
		{"one line of a block", "\n第一行\n第二行\n", "第二行", false},
		{"the same block", "\n结论：见银联。\n", "结论：见银联。", true},
		{"the same block, other spacing", "\n\n  结论：见银联。  \n\n\n", "\n结论：见银联。\n", true},
		{"one of the blocks", "\n前言\n\n结论：见银联。\n\n附记\n", "结论：见银联。", true},
		{"several blocks in a row", "\n前言\n\n甲\n\n乙\n", "甲\n\n乙", true},
		{"several blocks, not in a row", "\n甲\n\n丙\n\n乙\n", "甲\n\n乙", false},
		{"blank lines with spaces", "\n甲\n  \n乙\n", "乙", true},
		{"nothing kept", "\n", "结论：见银联。", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasNote(tt.kept, tt.note); got != tt.want {
				t.Errorf("hasNote(%q, %q) = %v, want %v", tt.kept, tt.note, got, tt.want)
			}
		})
	}
}

// fixtureDaysOn returns the fixture days of the given dates.
func fixtureDaysOn(days []Day, dates ...string) []Day {
	var out []Day
	for _, d := range days {
		if slices.Contains(dates, d.Log.Date) {
			out = append(out, d)
		}
	}
	return out
}

// mergingRuns are three digests of the fixture days: the first day's, the
// later days', and all days'. Each of the first two has an entry of the
// 分账接口 question, whose files (into, from) the third merges into one,
// into.
func mergingRuns(t *testing.T) (first, rest, full *Digest, into, from string) {
	t.Helper()
	days := fixtureDays(t)
	opts := fixtureOptions(t)
	first = Build(fixtureDaysOn(days, "2018-03-01"), segmenter(t), opts)
	rest = Build(fixtureDaysOn(days, "2018-03-08", "2018-03-14", "2018-03-22"), segmenter(t), opts)
	full = Build(days, segmenter(t), opts)
	find := func(d *Digest) string {
		for _, e := range d.Entries {
			if strings.Contains(e.Title, "分账接口") {
				return e.ID + ".md"
			}
		}
		t.Fatal("no 分账接口 entry")
		return ""
	}
	into, from = find(first), find(rest)
	if into != find(full) || into == from {
		t.Fatalf("entry files: first day %s, later days %s, all days %s", into, from, find(full))
	}
	return first, rest, full, into, from
}

// TestWriteKBMergeRenamed checks that a file a curator renamed, whose
// entry merges into another that has a file, is reported with the file
// that took its notes, its name being gone.
func TestWriteKBMergeRenamed(t *testing.T) {
	first, rest, full, into, from := mergingRuns(t)
	dir := t.TempDir()
	for _, d := range []*Digest{first, rest} {
		if _, err := WriteKB(dir, d); err != nil {
			t.Fatal(err)
		}
	}
	renamed := filepath.Join(dir, "分账接口.md")
	if err := os.Rename(filepath.Join(dir, from), renamed); err != nil {
		t.Fatal(err)
	}
	writeFile(t, renamed, readFile(t, renamed)+"my note\n")
	res, err := WriteKB(dir, full)
	if err != nil {
		t.Fatal(err)
	}
	if want := []KBMerge{{Name: "分账接口.md", Into: into}}; !slices.Equal(res.Renamed, want) {
		t.Errorf("renamed %v, want %v", res.Renamed, want)
	}
	if _, err := os.Stat(renamed); err == nil {
		t.Error("the renamed file is still there")
	}
	if !strings.Contains(readFile(t, filepath.Join(dir, into)), "my note") {
		t.Errorf("%s did not take the renamed file's note", into)
	}
}

// TestWriteKBMergeKeepsNotes checks that when an entry file merges into
// another, no note of either is lost: a moved note is left out only when
// the other file already holds it whole.
func TestWriteKBMergeKeepsNotes(t *testing.T) {
	first, rest, full, into, from := mergingRuns(t)
	tests := []struct {
		name       string
		intoNote   string // the note of the file that stays
		fromNote   string // the note of the file merged into it
		wantBlocks []string
	}{
		{"a part of the other note", "结论：服务商模式见分账文档。", "服务商模式", []string{"结论：服务商模式见分账文档。", "服务商模式"}},
		{"two notes", "甲：先开通服务商。", "乙：再申请分账权限。", []string{"甲：先开通服务商。", "乙：再申请分账权限。"}},
		{"the same note", "结论：见分账文档。", "\n结论：见分账文档。\n\n", []string{"结论：见分账文档。"}},
		{"no note to move", "结论：见分账文档。", "", []string{"结论：见分账文档。"}},
		{"no note to move into", "", "乙：再申请分账权限。", []string{"乙：再申请分账权限。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, d := range []*Digest{first, rest} {
				if _, err := WriteKB(dir, d); err != nil {
					t.Fatal(err)
				}
			}
			writeFile(t, filepath.Join(dir, into), readFile(t, filepath.Join(dir, into))+tt.intoNote+"\n")
			writeFile(t, filepath.Join(dir, from), readFile(t, filepath.Join(dir, from))+tt.fromNote+"\n")
			res, err := WriteKB(dir, full)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(res.Merged, from) {
				t.Fatalf("merged %v, want %s", res.Merged, from)
			}
			if len(res.Renamed) != 0 {
				t.Errorf("renamed %v, want none: %s was named by its entry", res.Renamed, from)
			}
			text := readFile(t, filepath.Join(dir, into))
			got := noteBlocks(text[strings.Index(text, Marker)+len(Marker):])
			if strings.Join(got, "|") != strings.Join(tt.wantBlocks, "|") {
				t.Errorf("notes %q, want %q", got, tt.wantBlocks)
			}
			// Merging again changes nothing.
			res, err = WriteKB(dir, full)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Written) != 0 {
				t.Errorf("second run wrote %v", res.Written)
			}
		})
	}
}

// indexLinks returns the files the index of dir links, in order.
func indexLinks(t *testing.T, dir string) []string {
	t.Helper()
	var links []string
	for _, line := range strings.Split(readFile(t, filepath.Join(dir, kbIndex)), "\n") {
		if i, j := strings.Index(line, "]("), strings.Index(line, ".md)"); strings.HasPrefix(line, "- [") && i >= 0 && j > i {
			links = append(links, line[i+2:j+3])
		}
	}
	return links
}

// entryFiles returns the entry files in dir, sorted.
func entryFiles(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		if entryFile.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	return names
}

// indexBody is the index without its heading and summary, and without
// the unanswered questions of the last run: the sections of entries.
func indexBody(t *testing.T, dir string) string {
	t.Helper()
	text := readFile(t, filepath.Join(dir, kbIndex))
	i := strings.Index(text, "\n## ")
	if i < 0 {
		t.Fatalf("no section in the index:\n%s", text)
	}
	text = text[i:]
	for _, lang := range PageLangs {
		if j := strings.Index(text, "\n## "+mdText(lang, "unansweredOfRun", 0)); j >= 0 {
			text = text[:j] + text[strings.Index(text, "\n"+Marker):]
		}
	}
	return text
}

// TestWriteKBIndex checks that the index lists every entry file of the
// folder, those kept from earlier runs too, ranked and grouped by the same
// rules whichever run wrote them, and that it is the same when rewritten.
func TestWriteKBIndex(t *testing.T) {
	days := fixtureDays(t)
	opts := fixtureOptions(t)
	opts.Lang = "en" // a run that reads no day would choose English
	build := func(dates ...string) *Digest {
		if len(dates) == 0 {
			return Build(days, segmenter(t), opts)
		}
		return Build(fixtureDaysOn(days, dates...), segmenter(t), opts)
	}
	full := build()
	wide := t.TempDir()
	if _, err := WriteKB(wide, full); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		runs []*Digest
		same bool // the index lists the entries as the wide run's does
		head string
		// counts: the index counts its entries on a line of its own, as
		// they are not just the last run's (which the next line counts)
		counts bool
	}{
		{"one run", []*Digest{full}, true, "# Knowledge base: 2018-03-01 to 2018-03-22\n\n", false},
		{"a day at a time", []*Digest{build("2018-03-01"), build("2018-03-08"), build("2018-03-14"), build("2018-03-22")}, false, "# Knowledge base: 2018-03-01 to 2018-03-22\n\n", true},
		{"a later day after all", []*Digest{full, build("2018-03-22")}, false, "# Knowledge base: 2018-03-01 to 2018-03-22\n\n", true},
		{"no day after all", []*Digest{full, Build(nil, segmenter(t), opts)}, true, "# Knowledge base: 2018-03-01 to 2018-03-22\n\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, d := range tt.runs {
				if _, err := WriteKB(dir, d); err != nil {
					t.Fatal(err)
				}
			}
			links, files := indexLinks(t, dir), entryFiles(t, dir)
			sorted := append([]string(nil), links...)
			sort.Strings(sorted)
			if strings.Join(sorted, " ") != strings.Join(files, " ") {
				t.Errorf("the index links\n%v\nthe folder holds\n%v", sorted, files)
			}
			if tt.same && indexBody(t, dir) != indexBody(t, wide) {
				t.Errorf("index\n%s\nwant as the wide run's\n%s", indexBody(t, dir), indexBody(t, wide))
			}
			text := readFile(t, filepath.Join(dir, kbIndex))
			if !strings.HasPrefix(text, tt.head) {
				t.Errorf("index starts %q, want %q", text[:min(len(text), 80)], tt.head)
			}
			if counts := !strings.HasPrefix(strings.TrimPrefix(text, tt.head), "Last run: "); counts != tt.counts {
				t.Errorf("index starts %q: a line of its own counts, %v, want %v", text[:min(len(text), 200)], counts, tt.counts)
			}
			// Rewriting with the last run changes nothing.
			res, err := WriteKB(dir, tt.runs[len(tt.runs)-1])
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Written) != 0 {
				t.Errorf("rewriting changed %v", res.Written)
			}
		})
	}
}

// TestWriteKBIndexKeptFiles checks how the index lists entry files an
// earlier run left: by their front matter, and by their name when it
// cannot be read.
func TestWriteKBIndexKeptFiles(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             string // the index line
	}{
		{"front matter", "2017-01-01-0123abcd.md",
			"---\nid: 2017-01-01-0123abcd\ntitle: 还有对公代扣通道吗？\ntopics:\n  - 代扣代付\nfirst_asked: \"2017-01-01\"\nlast_asked: \"2017-02-01\"\noccurrences: 2\nsources:\n  - elsewhere/2017-01-01-chat.markdown:9\n  - elsewhere/2017-02-01-chat.markdown:9\n---\n\n" + Marker + "\nkeep me\n",
			"- [还有对公代扣通道吗？](2017-01-01-0123abcd.md): asked twice, last 2017-02-01"},
		{"no marker", "2017-01-02-0123abcd.md",
			"---\nid: 2017-01-02-0123abcd\ntitle: 网联的接口文档哪里有？\nfirst_asked: \"2017-01-02\"\nlast_asked: \"2017-01-02\"\noccurrences: 1\n---\n\nmy own text\n",
			"- [网联的接口文档哪里有？](2017-01-02-0123abcd.md): asked once, last 2017-01-02"},
		{"no front matter", "2017-01-03-0123abcd.md", "my own text, no front matter\n",
			"- [2017-01-03-0123abcd](2017-01-03-0123abcd.md)"},
		{"front matter that is not YAML", "2017-01-04-0123abcd.md", "---\ntitle: [unclosed\n---\n\n" + Marker + "\n",
			"- [2017-01-04-0123abcd](2017-01-04-0123abcd.md)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			d := fixtureDigest(t)
			d.Lang = "en"
			if _, err := WriteKB(dir, d); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, tt.file), tt.text)
			if _, err := WriteKB(dir, d); err != nil {
				t.Fatal(err)
			}
			index := readFile(t, filepath.Join(dir, kbIndex))
			if !strings.Contains(index, "\n"+tt.want+"\n") {
				t.Errorf("no line %q in the index:\n%s", tt.want, index)
			}
			if readFile(t, filepath.Join(dir, tt.file)) != tt.text {
				t.Error("the kept file was changed")
			}
		})
	}
}

// TestWriteKBBadFrontMatter checks that an entry file whose front matter a
// curator broke is left as it is and named with the line, and that the
// index still lists this run's entry of that ID with its counts; a file of
// no entry with broken front matter is skipped with the line too.
func TestWriteKBBadFrontMatter(t *testing.T) {
	dir := t.TempDir()
	d := fixtureDigest(t)
	d.Lang = "en"
	if _, err := WriteKB(dir, d); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, filepath.Join(dir, kbIndex))
	e := &d.Entries[0]
	path := filepath.Join(dir, e.ID+".md")
	broken := strings.Replace(readFile(t, path), "\ntitle: ", "\ntitle: \"", 1) // an unclosed quote on line 3
	writeFile(t, path, broken)
	writeFile(t, filepath.Join(dir, "renamed.md"), "---\nid: [unclosed\n---\n\n"+Marker+"\nmy note\n")
	res, err := WriteKB(dir, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.BadFrontMatter) != 1 || res.BadFrontMatter[0].Name != e.ID+".md" || !strings.HasPrefix(res.BadFrontMatter[0].Problem, "line ") {
		t.Errorf("BadFrontMatter %+v, want %s.md with the line of its problem", res.BadFrontMatter, e.ID)
	}
	if readFile(t, path) != broken {
		t.Error("the file with broken front matter was rewritten")
	}
	if after := readFile(t, filepath.Join(dir, kbIndex)); after != before {
		t.Errorf("the index changed:\n%s\nwant as before\n%s", after, before)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Name != "renamed.md" || !strings.HasPrefix(res.Skipped[0].Problem, "line 2: ") {
		t.Errorf("Skipped %+v, want renamed.md with its problem on line 2", res.Skipped)
	}

	// A file a curator renamed and then broke stays its entry's file, by
	// the id line, and keeps its note once the YAML is fixed.
	if err := os.Remove(filepath.Join(dir, "renamed.md")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, strings.Replace(broken, "\ntitle: \"", "\ntitle: ", 1))
	mine := filepath.Join(dir, "mine.md")
	if err := os.Rename(path, mine); err != nil {
		t.Fatal(err)
	}
	fixed := readFile(t, mine) + "my note\n"
	writeFile(t, mine, strings.Replace(fixed, "\ntitle: ", "\ntitle: \"", 1))
	if res, err = WriteKB(dir, d); err != nil {
		t.Fatal(err)
	}
	if len(res.BadFrontMatter) != 1 || res.BadFrontMatter[0].Name != "mine.md" || len(res.Skipped) != 0 {
		t.Errorf("BadFrontMatter %+v, Skipped %+v: want mine.md as its entry's file, left alone", res.BadFrontMatter, res.Skipped)
	}
	if _, err := os.Stat(path); err == nil {
		t.Errorf("%s was written beside the broken mine.md", filepath.Base(path))
	}
	writeFile(t, mine, fixed)
	if res, err = WriteKB(dir, d); err != nil {
		t.Fatal(err)
	}
	if len(res.BadFrontMatter)+len(res.Skipped) != 0 || !strings.HasSuffix(readFile(t, mine), "my note\n") {
		t.Errorf("after the fix: BadFrontMatter %+v, Skipped %+v, mine.md:\n%s", res.BadFrontMatter, res.Skipped, readFile(t, mine))
	}
}

// TestYAMLProblem checks that every line number of a YAML error is made
// the file's, on one line.
func TestYAMLProblem(t *testing.T) {
	for _, tt := range []struct{ block, want string }{
		{"title: \"unclosed\nid: x\n", "line 4: found unexpected end of stream"},
		{"id: x\nid: y\n", `line 3: mapping key "id" already defined at line 2`},
		{"occurrences: many\nanswered: lots\n", "line 2: cannot unmarshal !!str `many` into int; line 3: cannot unmarshal !!str `lots` into int"},
	} {
		var fm kbFrontMatter
		err := yaml.Unmarshal([]byte(tt.block), &fm)
		if err == nil {
			t.Fatalf("%q: no error", tt.block)
		}
		if got := yamlProblem(err, 1); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.block, got, tt.want)
		}
	}
}

// shifted is day with its messages n lines further down its file, as a
// later day of a file that holds several.
func shifted(day Day, n int) Day {
	log := *day.Log
	log.Messages = append([]chatlog.Message(nil), day.Log.Messages...)
	for i := range log.Messages {
		log.Messages[i].Line += n
	}
	return Day{Log: &log, Result: day.Result}
}

// TestWriteKBNarrowerRun checks that a run which did not read every day of
// an entry file leaves it as it is, with its askings and its notes, while
// a run that read them all merges it into the entry now holding them.
func TestWriteKBNarrowerRun(t *testing.T) {
	d1 := qaDay("chat/pay.txt", "2018-03-01", "微信分账接口怎么申请？", "商户平台申请")
	d2 := shifted(qaDay("chat/pay.txt", "2018-03-09", "微信的分账接口怎么申请？", "找客户经理"), 100)
	d3 := qaDay("chat/other.txt", "2018-03-12", "微信分账接口在哪里申请？", "产品中心开通")
	all := []Day{d1, d2, d3}
	tests := []struct {
		name        string
		first, then []Day
		merged      bool // the first run's file merges into the second's
	}{
		{"another file's day alone", all, []Day{d3}, false},
		{"another day of the same file alone", all, []Day{d2}, false},
		{"the later days after all", all, []Day{d2, d3}, false},
		{"the first day alone", all, []Day{d1}, false},
		{"the first file alone", all, []Day{d1, d2}, false},
		{"the first day and a new one", []Day{d1, d2}, []Day{d1, d3}, false},
		{"every day after fewer", []Day{d2, d3}, all, true},
		{"every day after one", []Day{d3}, all, true},
	}
	const note = "结论：先开通服务商模式。\n"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			build := func(days []Day) (*Digest, string) {
				d := Build(days, segmenter(t), fixtureOptions(t))
				if len(d.Entries) != 1 || len(d.Entries[0].Occurrences) != len(days) {
					t.Fatalf("entries %+v, want one asked %d times", d.Entries, len(days))
				}
				return d, d.Entries[0].ID + ".md"
			}
			first, firstFile := build(tt.first)
			then, thenFile := build(tt.then)
			dir := t.TempDir()
			if _, err := WriteKB(dir, first); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, firstFile)
			writeFile(t, path, readFile(t, path)+note)
			before := readFile(t, path)
			res, err := WriteKB(dir, then)
			if err != nil {
				t.Fatal(err)
			}
			if tt.merged {
				if !slices.Contains(res.Merged, firstFile) || !strings.HasSuffix(readFile(t, filepath.Join(dir, thenFile)), note) {
					t.Errorf("result %+v, want %s merged into %s with its note", res, firstFile, thenFile)
				}
				return
			}
			if _, err := os.Stat(path); err != nil || readFile(t, path) != before {
				t.Fatalf("the file of the wider run was changed or removed (%v); result %+v", err, res)
			}
			if strings.Join(res.Wider, " ") != firstFile || len(res.Merged)+len(res.Stale) != 0 {
				t.Errorf("result %+v, want %s kept as wider", res, firstFile)
			}
			if links := indexLinks(t, dir); !slices.Contains(links, firstFile) || !slices.Contains(links, thenFile) {
				t.Errorf("the index links %v, want %s and %s", links, firstFile, thenFile)
			}
			// Reading every day again gives one entry, with the note once.
			if _, err := WriteKB(dir, Build(all, segmenter(t), fixtureOptions(t))); err != nil {
				t.Fatal(err)
			}
			if files := entryFiles(t, dir); strings.Join(files, " ") != firstFile {
				t.Errorf("entry files %v, want %s", files, firstFile)
			}
			if text := readFile(t, path); strings.Count(text, note) != 1 || strings.Count(text, "\n## ") != 3 {
				t.Errorf("entry file after every day again:\n%s", text)
			}
		})
	}
}

// TestSourceMarkdown checks an entry file's source line: a link to the
// line of the source file, relative to the knowledge base, and for an
// asking read from stdin the line as text, there being no file.
func TestSourceMarkdown(t *testing.T) {
	dir := "kb"
	tests := []struct {
		path string
		line int
		want string
	}{
		{filepath.Join("proddev", "2018-03-01-chat.markdown"), 13, "[2018-03-01-chat.markdown:13](../proddev/2018-03-01-chat.markdown#L13)"},
		{filepath.Join("proddev", "day one.markdown"), 7, "[day one.markdown:7](../proddev/day%20one.markdown#L7)"},
		{"-", 53, "stdin:53"},
	}
	for _, tt := range tests {
		if got := sourceMarkdown(dir, &Occurrence{Path: tt.path, Line: tt.line}); got != tt.want {
			t.Errorf("sourceMarkdown(%q, line %d) = %q, want %q", tt.path, tt.line, got, tt.want)
		}
	}
}

// TestWriteKBRenamedFiles checks Markdown files whose name is no entry ID:
// an entry file a curator renamed is known by the id of its front matter,
// kept under its name with its notes (an entry whose ID changed takes it
// over), and listed in the index by that name; a copy of an entry file and
// a file with no entry id are left alone, out of the index, and reported.
func TestWriteKBRenamedFiles(t *testing.T) {
	days := fixtureDays(t)
	opts := fixtureOptions(t)
	full := Build(days, segmenter(t), opts)
	rest := Build(fixtureDaysOn(days, "2018-03-08", "2018-03-14", "2018-03-22"), segmenter(t), opts)
	find := func(d *Digest, title string) string {
		for _, e := range d.Entries {
			if strings.Contains(e.Title, title) {
				return e.ID
			}
		}
		t.Fatalf("no %s entry", title)
		return ""
	}
	const note = "结论：先开通服务商模式。"
	reconcile := find(full, "长款") // the same ID in both runs
	fenzhang, fenzhangLater := find(full, "分账接口"), find(rest, "分账接口")
	if reconcile != find(rest, "长款") || fenzhang == fenzhangLater {
		t.Fatalf("fixture: 长款 %s / %s, 分账接口 %s / %s", reconcile, find(rest, "长款"), fenzhang, fenzhangLater)
	}
	rename := func(t *testing.T, dir, id, to string) {
		t.Helper()
		from := filepath.Join(dir, id+".md")
		writeFile(t, filepath.Join(dir, to), readFile(t, from)+note+"\n")
		if err := os.Remove(from); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		first   *Digest // the run before the curator's edits
		edit    func(t *testing.T, dir string)
		entry   string            // a file that must hold the entry id and the note
		id      string            // its entry
		listed  []string          // files the index must link
		absent  []string          // files that must not exist
		skipped []KBSkipped       // what the result reports
		kept    map[string]string // files left as they were: name -> content written by edit ("" to read it after edit)
	}{
		{name: "renamed", first: full, entry: "reconcile.md", id: reconcile,
			edit:   func(t *testing.T, dir string) { rename(t, dir, reconcile, "reconcile.md") },
			listed: []string{"reconcile.md"}, absent: []string{reconcile + ".md"}},
		{name: "renamed, and its ID changes", first: rest, entry: "fenzhang.md", id: fenzhang,
			edit:   func(t *testing.T, dir string) { rename(t, dir, fenzhangLater, "fenzhang.md") },
			listed: []string{"fenzhang.md"}, absent: []string{fenzhang + ".md", fenzhangLater + ".md"}},
		{name: "a copy beside the entry file", first: full, entry: reconcile + ".md", id: reconcile,
			edit: func(t *testing.T, dir string) {
				path := filepath.Join(dir, reconcile+".md")
				writeFile(t, path, readFile(t, path)+note+"\n")
				writeFile(t, filepath.Join(dir, "copy.md"), readFile(t, path))
			},
			listed: []string{reconcile + ".md"}, skipped: []KBSkipped{{Name: "copy.md", Entry: reconcile, File: reconcile + ".md"}},
			kept: map[string]string{"copy.md": ""}},
		{name: "two renamed copies", first: full, entry: "a.md", id: reconcile,
			edit: func(t *testing.T, dir string) {
				rename(t, dir, reconcile, "b.md")
				writeFile(t, filepath.Join(dir, "a.md"), readFile(t, filepath.Join(dir, "b.md")))
			},
			listed: []string{"a.md"}, absent: []string{reconcile + ".md"}, skipped: []KBSkipped{{Name: "b.md", Entry: reconcile, File: "a.md"}},
			kept: map[string]string{"b.md": ""}},
		{name: "no entry id", first: full, entry: reconcile + ".md", id: reconcile,
			edit: func(t *testing.T, dir string) {
				path := filepath.Join(dir, reconcile+".md")
				writeFile(t, path, readFile(t, path)+note+"\n")
				writeFile(t, filepath.Join(dir, "notes.md"), "# 我的笔记\n")
				writeFile(t, filepath.Join(dir, "other.md"), "---\ntitle: 别的\n---\n\n"+Marker+"\n")
				writeFile(t, filepath.Join(dir, "bad-id.md"), "---\nid: ../2018-03-14-86c66046\n---\n\n"+Marker+"\n")
				writeFile(t, filepath.Join(dir, "notes.txt"), "not Markdown\n")
				writeFile(t, filepath.Join(dir, ".hidden.md"), "an editor's\n")
			},
			listed:  []string{reconcile + ".md"},
			skipped: []KBSkipped{{Name: "bad-id.md"}, {Name: "notes.md"}, {Name: "other.md"}},
			kept:    map[string]string{"notes.md": "# 我的笔记\n", "notes.txt": "not Markdown\n", ".hidden.md": "an editor's\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := WriteKB(dir, tt.first); err != nil {
				t.Fatal(err)
			}
			tt.edit(t, dir)
			kept := map[string]string{}
			for name, text := range tt.kept {
				if text == "" {
					text = readFile(t, filepath.Join(dir, name))
				}
				kept[name] = text
			}
			res, err := WriteKB(dir, full)
			if err != nil {
				t.Fatal(err)
			}
			text := readFile(t, filepath.Join(dir, tt.entry))
			if fm, _ := readFrontMatter([]byte(text)); fm.ID != tt.id || !strings.HasSuffix(text, Marker+"\n\n"+note+"\n") {
				t.Errorf("%s: front matter id %q, want %s, and the note at the end:\n%s", tt.entry, fm.ID, tt.id, text)
			}
			links := indexLinks(t, dir)
			for _, name := range tt.listed {
				if n := strings.Count(" "+strings.Join(links, " ")+" ", " "+name+" "); n != 1 {
					t.Errorf("the index links %s %d times: %v", name, n, links)
				}
			}
			if len(links) != len(full.Entries) {
				t.Errorf("the index links %d files, want one per entry (%d): %v", len(links), len(full.Entries), links)
			}
			for _, name := range tt.absent {
				if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
					t.Errorf("%s exists (%v)", name, err)
				}
			}
			for name, want := range kept {
				if got := readFile(t, filepath.Join(dir, name)); got != want {
					t.Errorf("%s changed:\n%s", name, got)
				}
			}
			if fmt.Sprint(res.Skipped) != fmt.Sprint(tt.skipped) || slices.Contains(res.Merged, tt.entry) {
				t.Errorf("skipped %v, want %v; merged %v", res.Skipped, tt.skipped, res.Merged)
			}
			// Again: nothing to write.
			if res, err := WriteKB(dir, full); err != nil || len(res.Written) != 0 {
				t.Errorf("a second run wrote %v (%v)", res.Written, err)
			}
		})
	}
}

// TestWriteKBCuratedTitle checks that a title a curator wrote into an entry
// file, in its heading or its front matter, stays through the runs after
// (in the file, its front matter and the index), and that one a run wrote
// is regenerated as before.
func TestWriteKBCuratedTitle(t *testing.T) {
	d := Build(fixtureDays(t), segmenter(t), fixtureOptions(t))
	e := d.Entries[0]
	tests := []struct {
		name      string
		edit      func(string) string
		wantTitle string
	}{
		{"untouched", func(s string) string { return s }, e.Title},
		{"heading", func(s string) string {
			return strings.Replace(s, "\n# "+mdtext.Escape(e.Title)+"\n", "\n# 分账\\_比例上限（整理）\n", 1)
		}, "分账_比例上限（整理）"},
		{"heading with markup characters", func(s string) string {
			return strings.Replace(s, "\n# "+mdtext.Escape(e.Title)+"\n", "\n# "+mdtext.Escape("分账 <上限> A&B_1")+"\n", 1)
		}, "分账 <上限> A&B_1"},
		{"another entry's question", func(s string) string {
			return strings.Replace(s, "\n# "+mdtext.Escape(e.Title)+"\n", "\n# "+mdtext.Escape(d.Entries[1].Title)+"\n", 1)
		}, e.Title}, // a title an earlier run gave it, under another threshold
		{"front matter", func(s string) string {
			return strings.Replace(s, "\ntitle: ", "\ntitle: 整理：", 1)
		}, "整理：" + e.Title},
		// A version that titled questions otherwise wrote X, and said so.
		{"an earlier version's title", func(s string) string {
			s = strings.Replace(s, "\n# "+mdtext.Escape(e.Title)+"\n", "\n# 早先的标题\n", 1)
			s = strings.Replace(s, "\ntitle: ", "\ntitle: 早先的标题\nold: ", 1)
			return strings.Replace(s, "\ngenerated_title: ", "\ngenerated_title: 早先的标题\nolder: ", 1)
		}, e.Title},
		// A version that wrote no generated_title cut the asking otherwise.
		{"an older version's cut", func(s string) string {
			cut := string([]rune(e.Occurrences[0].Question)[:6]) + "…"
			s = strings.Replace(s, "\n# "+mdtext.Escape(e.Title)+"\n", "\n# "+mdtext.Escape(cut)+"\n", 1)
			s = strings.Replace(s, "\ntitle: ", "\ntitle: "+cut+"\nold: ", 1)
			return withoutLine(s, "generated_title: ")
		}, e.Title},
		{"a curator's title in an older version's file", func(s string) string {
			s = strings.Replace(s, "\n# "+mdtext.Escape(e.Title)+"\n", "\n# 分账\\_比例上限（整理）\n", 1)
			return withoutLine(s, "generated_title: ")
		}, "分账_比例上限（整理）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := WriteKB(dir, d); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, e.ID+".md")
			writeFile(t, path, tt.edit(readFile(t, path)))
			for run := range 2 {
				if _, err := WriteKB(dir, d); err != nil {
					t.Fatal(err)
				}
				got := readFile(t, path)
				fm, _ := readFrontMatter([]byte(got))
				if fm.Title != tt.wantTitle || !strings.Contains(got, "\n# "+mdtext.Escape(tt.wantTitle)+"\n") {
					t.Errorf("run %d: front matter title %q, file:\n%s\nwant the title %q", run+1, fm.Title, got, tt.wantTitle)
				}
				if index := readFile(t, filepath.Join(dir, kbIndex)); !strings.Contains(index, "["+mdtext.Escape(tt.wantTitle)+"]") {
					t.Errorf("run %d: the index lacks %q:\n%s", run+1, tt.wantTitle, index)
				}
			}
		})
	}
}

// withoutLine returns s without its line that starts with prefix.
func withoutLine(s, prefix string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if !strings.HasPrefix(line, prefix) {
			b.WriteString(line)
		}
	}
	return b.String()
}

// TestKBLangFromEntries checks that a knowledge base's index keeps the
// language of its entries when the run read no day (--since past the
// last one): a Chinese knowledge base is not rewritten in English.
func TestKBLangFromEntries(t *testing.T) {
	zh := kbEntry{file: "2025-03-06-0123abcd.md", fm: kbFrontMatter{Title: "分账比例上限是多少？"}}
	en := kbEntry{file: "2025-03-06-4567cdef.md", fm: kbFrontMatter{Title: "How long does a refund take?"}}
	tests := []struct {
		name   string
		d      *Digest
		listed []kbEntry
		want   string
	}{
		{"no day, Chinese entries", &Digest{}, []kbEntry{zh}, "zh"},
		{"no day, English entries", &Digest{}, []kbEntry{en}, "en"},
		{"no day, asked for English", &Digest{Lang: "en"}, []kbEntry{zh}, "en"},
	}
	for _, tt := range tests {
		if got := kbLang(tt.d, tt.listed); got != tt.want {
			t.Errorf("%s: kbLang = %q, want %q", tt.name, got, tt.want)
		}
	}
}
