package digest

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/cocolian/threads/internal/atomicfile"
	"github.com/cocolian/threads/internal/mdtext"
	"github.com/cocolian/threads/internal/uitext"
)

// Marker separates what `threads digest --format kb` generates from what a
// curator adds: everything after the marker line of a knowledge-base file is
// kept when the file is regenerated.
const Marker = "<!-- threads: edits below this line are kept -->"

// kbIndex is the name of the knowledge base's table of contents.
const kbIndex = "index.md"

// entryFile matches the names of entry files: the entry ID and ".md".
var entryFile = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}|undated)-[0-9a-f]{8}(-\d+)?\.md$`)

// isEntryID reports whether id has the shape of an entry's ID.
func isEntryID(id string) bool { return entryFile.MatchString(id + ".md") }

// KBResult says what WriteKB did to the folder; every list is sorted.
type KBResult struct {
	Written   []string // files created or changed
	Unchanged []string // files that were already up to date
	Merged    []string // files of entries this digest no longer produces whose edits moved into the entries now holding their questions, then removed
	// Renamed are the files of Merged that a curator had named (not by
	// their entry's ID), each with the file that took their edits: their
	// name is gone with them.
	Renamed  []KBMerge
	Stale    []string // entry files this digest does not produce, left as they were (entries of days not in this run)
	Wider    []string // entry files of this digest's entries or sharing askings with them that also hold askings of days it did not read, left as they were
	NoMarker []string // entry files whose marker line was removed, left as they were
	// BadFrontMatter are the entry files whose front matter is no valid
	// YAML (a curator's slip), left as they were until it is fixed: the
	// index lists this run's entry of that ID as this run made it.
	BadFrontMatter []KBProblem
	Unread         int         // the entry files in Stale and Wider that name a day this digest did not read
	Gone           []string    // the day files those entry files name as sources and that are not there (from the working folder): moved, renamed or removed
	Skipped        []KBSkipped // Markdown files that are no entry file, left alone and out of the index, by name
}

// A KBMerge is a file of a knowledge base removed when its entry's
// questions joined another entry, and the file that took its edits.
type KBMerge struct {
	Name string // the removed file's name in the folder
	Into string // the name of the file now holding its notes
}

// A KBProblem is a file of a knowledge base's folder and what is wrong
// with it.
type KBProblem struct {
	Name    string // the file's name in the folder
	Problem string // what is wrong, with the line of the file: "line 3: did not find expected key"
}

// A KBSkipped is a Markdown file of a knowledge base's folder that is
// neither its index nor an entry file: WriteKB leaves it as it is, out of
// the index, and carries its notes to no entry.
type KBSkipped struct {
	Name  string // the file's name in the folder
	Entry string // the entry its front matter names, whose file is File; "" when it names none
	File  string // the name of the entry's file, when Entry is set
	// Problem is what is wrong with its front matter, with the line
	// (readFrontMatter): why no entry id could be read; "" when nothing is.
	Problem string
}

// kbFrontMatter is the YAML front matter of an entry file: what the index
// needs to list and rank the entry without the run that wrote it.
type kbFrontMatter struct {
	ID          string   `yaml:"id"`
	Title       string   `yaml:"title"`
	Generated   string   `yaml:"generated_title"` // the title the digest gave, whatever title says: a title equal to it is no curator's
	Topics      []string `yaml:"topics"`
	FirstAsked  string   `yaml:"first_asked"`
	LastAsked   string   `yaml:"last_asked"`
	Occurrences int      `yaml:"occurrences"`
	Answered    int      `yaml:"answered"` // occurrences with an answer
	Answers     int      `yaml:"answers"`  // answers over all occurrences
	Sources     []string `yaml:"sources"`
}

// WriteKB writes a knowledge base into dir, creating it if needed: one
// Markdown file per entry, named by its ID, with YAML front matter (id,
// title, generated_title, topics, first_asked, last_asked, occurrences, answered, answers,
// sources) and the generated text above the Marker line, and an index.md
// by topic. The index lists every entry file of the folder: this digest's
// entries, and the files earlier runs left, by their front matter.
//
// An entry file is known by its name, the entry's ID and ".md", or, for a
// file a curator renamed, by the id of its front matter: that file stays
// under its name, is regenerated there, and is listed by it, and an entry
// that takes its notes (its ID changed) takes its name too. Any other
// Markdown file (no entry id in its front matter, or the id of an entry
// another file holds: a copy) is left alone and out of the index, and is
// reported in KBResult.Skipped, since its notes go to no entry.
//
// Regenerating keeps everything below the marker of an existing file.
// When an entry's ID changes (a question asked earlier joined it), the
// edits of its old file move to the new one: every entry file this digest
// does not produce whose sources overlap an entry's, and whose sources this
// digest all read (the lines of its days, see DayView), gives its edits to
// that entry and is removed. The edits are appended after the entry's own
// unless the entry's file already holds them whole (the same blocks,
// compared without surrounding white space), so no curator's text is
// dropped for being part of another note.
//
// An entry file that holds askings of days this digest did not read (a
// narrower run after a wider one) is neither rewritten nor removed, even
// when this digest has an entry of the same ID: it is left as it is
// (KBResult.Wider), and the askings it shares with this digest's other
// entries show in both until a run reads all its days again. Other entry
// files are left alone too, and so is a file whose marker was removed.
// Files that would not change are not rewritten.
func WriteKB(dir string, d *Digest) (*KBResult, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%s: cannot create the knowledge base folder: %w", dir, err)
	}
	existing, skipped, err := readKB(dir)
	if err != nil {
		return nil, err
	}
	res := &KBResult{Skipped: skipped}
	fileOf := make(map[string]string, len(existing)) // entry ID -> the name of its file
	for name, f := range existing {
		if f.id != "" {
			fileOf[f.id] = name
		}
	}
	produced := make(map[string]bool, len(d.Entries)+1)
	for i := range d.Entries {
		if name, ok := fileOf[d.Entries[i].ID]; ok {
			produced[name] = true
		} else {
			produced[d.Entries[i].ID+".md"] = true
		}
	}
	// Old files whose entries are gone, by the sources they list; those
	// with askings of days this digest did not read are kept instead.
	read := readSpans(d)
	asked := make(map[string]bool)
	for i := range d.Entries {
		for _, o := range d.Entries[i].Occurrences {
			if k, ok := occurrenceKey(&o); ok {
				asked[k] = true
			}
		}
	}
	bySource := make(map[string][]string)
	wider := make(map[string]bool)
	for name, f := range existing {
		if produced[name] || name == kbIndex || !f.editable() {
			continue
		}
		if !read.all(f.fm.Sources) {
			wider[name] = slices.ContainsFunc(f.fm.Sources, func(src string) bool {
				k, ok := read.key(src)
				return ok && asked[k]
			})
			continue
		}
		for _, src := range f.fm.Sources {
			k, _ := read.key(src)
			bySource[k] = append(bySource[k], name)
		}
	}
	absorbed := make(map[string]bool)
	names := make([]string, len(d.Entries))   // the file of each entry
	curated := make([]string, len(d.Entries)) // the title a curator gave it, "" for none
	generated := make(map[string]bool)        // the titles the askings of all entries give
	for i := range d.Entries {
		for _, t := range d.Entries[i].askings {
			generated[t] = true
		}
	}
	for i := range d.Entries {
		e := &d.Entries[i]
		from := carriedFrom(e, bySource)
		name, ok := fileOf[e.ID]
		if !ok {
			// A new ID: the entry keeps the name a curator gave a file
			// whose notes it takes (the first, when there are several).
			name = e.ID + ".md"
			for _, f := range from {
				if !entryFile.MatchString(f) && !produced[f] {
					name = f
					produced[f] = true
					break
				}
			}
		}
		names[i] = name
		old, ok := existing[name]
		if ok && !old.editable() {
			res.leaveAlone(name, old)
			continue
		}
		if ok && !read.all(old.fm.Sources) {
			// This digest's entry is a narrower view of it.
			wider[name] = true
			continue
		}
		kept := "\n"
		if ok {
			kept = old.kept
		}
		// A title a curator wrote stays, here or in a file whose notes
		// this entry takes.
		for _, f := range append([]string{name}, from...) {
			if old, ok := existing[f]; ok {
				if t := curatedTitle(old, e, generated); t != "" {
					titled := *e
					titled.Title, titled.generated = t, e.Title
					e, curated[i] = &titled, t
					break
				}
			}
		}
		for _, from := range from {
			absorbed[from] = true
			if !entryFile.MatchString(from) && from != name {
				res.Renamed = append(res.Renamed, KBMerge{Name: from, Into: name})
			}
			// A note moves unless this file holds it whole already (moved
			// before, or written twice): never drop one for being part of
			// another note.
			if k := strings.TrimSpace(existing[from].kept); k != "" && !hasNote(kept, k) {
				kept = strings.TrimRight(kept, "\n") + "\n\n" + k + "\n"
			}
		}
		if err := writeKBFile(dir, name, append(entryMarkdown(dir, e, PageLang(d)), kept...), existing, res); err != nil {
			return nil, err
		}
	}
	if old, ok := existing[kbIndex]; ok && !old.marked {
		res.NoMarker = append(res.NoMarker, kbIndex)
	} else {
		kept := "\n"
		if ok {
			kept = old.kept
		}
		listed := make([]kbEntry, 0, len(existing)+len(d.Entries))
		for i := range d.Entries {
			if name := names[i]; !wider[name] {
				fm := entryFrontMatter(&d.Entries[i])
				fm.Title = cmp.Or(curated[i], fm.Title)
				listed = append(listed, kbEntry{file: name, id: d.Entries[i].ID, fm: fm})
			}
		}
		for name, f := range existing {
			if (!produced[name] || wider[name]) && name != kbIndex && !absorbed[name] {
				listed = append(listed, kbEntry{file: name, id: f.id, fm: f.fm, kept: true})
			}
		}
		if err := writeKBFile(dir, kbIndex, append(indexMarkdown(dir, d, listed), kept...), existing, res); err != nil {
			return nil, err
		}
	}
	checked := make(map[string]bool) // source paths looked for
	unread := func(f *kbFile) {
		// A kept entry of days this run did not read: note the files of
		// its days that are gone.
		res.Unread++
		for _, src := range f.fm.Sources {
			p := src[:max(strings.LastIndexByte(src, ':'), 0)]
			if p == "" || p == "-" || checked[p] {
				continue
			}
			checked[p] = true
			if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
				res.Gone = append(res.Gone, p)
			}
		}
	}
	for name, f := range existing {
		switch {
		case wider[name]:
			res.Wider = append(res.Wider, name)
			unread(f)
		case produced[name] || name == kbIndex:
		case absorbed[name]:
			if err := os.Remove(filepath.Join(dir, name)); err != nil {
				return nil, fmt.Errorf("%s: %w", filepath.Join(dir, name), err)
			}
			res.Merged = append(res.Merged, name)
		case !f.editable():
			res.leaveAlone(name, f)
		default:
			res.Stale = append(res.Stale, name)
			if !read.all(f.fm.Sources) {
				unread(f)
			}
		}
	}
	for _, l := range [][]string{res.Written, res.Unchanged, res.Merged, res.Stale, res.Wider, res.NoMarker, res.Gone} {
		sort.Strings(l)
	}
	sort.Slice(res.Skipped, func(i, j int) bool { return res.Skipped[i].Name < res.Skipped[j].Name })
	sort.Slice(res.Renamed, func(i, j int) bool { return res.Renamed[i].Name < res.Renamed[j].Name })
	sort.Slice(res.BadFrontMatter, func(i, j int) bool { return res.BadFrontMatter[i].Name < res.BadFrontMatter[j].Name })
	return res, nil
}

// editable reports whether WriteKB may rewrite entry file f: it has the
// marker line and front matter it can read.
func (f *kbFile) editable() bool { return f.marked && f.badFM == "" }

// leaveAlone notes that entry file f, named name, is left as it is
// because it is not editable: its marker was removed, or its front matter
// is no valid YAML.
func (res *KBResult) leaveAlone(name string, f *kbFile) {
	if f.badFM != "" {
		res.BadFrontMatter = append(res.BadFrontMatter, KBProblem{Name: name, Problem: f.badFM})
		return
	}
	res.NoMarker = append(res.NoMarker, name)
}

// A kbFile is an existing file of the knowledge base.
type kbFile struct {
	id     string // the entry's ID: its name's, or a renamed file's front matter's; "" for the index
	data   []byte
	marked bool          // it has the marker line
	badFM  string        // what is wrong with its front matter, with the line ("line 3: …"); "" when nothing is
	kept   string        // what follows the marker line
	fm     kbFrontMatter // its front matter; the zero value when it has none that can be read
}

// curatedTitle returns the title a curator gave entry e in its file f:
// its heading, else the title of its front matter, when that is neither
// the title the run that wrote f gave (its generated_title, so that a
// version that titles questions otherwise does not take its own old
// titles for a curator's) nor one of the titles the askings of the run's
// entries give (any of which a run may have written, also under another
// threshold, which merges other askings; generated holds them, for files
// of versions that wrote no generated_title); "" when there is none.
func curatedTitle(f *kbFile, e *Entry, generated map[string]bool) string {
	wrote := strings.TrimSpace(f.fm.Generated)
	tools := func(t string) bool {
		return t == e.Title || generated[t] || t == wrote || wrote == "" && cutFromAsking(t, e)
	}
	if h := headingOf(f.data); h != "" && h != mdtext.Escape(e.Title) && (wrote == "" || h != mdtext.Escape(wrote)) {
		if t := unescapeMarkdown(h); !tools(t) {
			return t
		}
	}
	if t := strings.TrimSpace(f.fm.Title); t != "" && !tools(t) {
		return t
	}
	return ""
}

// cutFromAsking reports whether title t is cut word for word from one of
// e's askings (white space, question marks and the "…" of a cut aside): a
// title an earlier version of the tool gave, in a file that does not say
// which title the tool gave (no generated_title), not a curator's words.
func cutFromAsking(t string, e *Entry) bool {
	bare := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || r == '?' || r == '？' || r == '…' {
				return -1
			}
			return r
		}, s)
	}
	tb := bare(t)
	if utf8.RuneCountInString(tb) < 4 {
		return false
	}
	return slices.ContainsFunc(e.Occurrences, func(o Occurrence) bool { return strings.Contains(bare(o.Question), tb) })
}

// headingOf returns the first level-one heading of an entry file ("# …")
// before its marker, as Markdown; "" when there is none.
func headingOf(data []byte) string {
	if i := markerAt(data); i >= 0 {
		data = data[:i]
	}
	for line := range strings.Lines(string(data)) {
		if h, ok := strings.CutPrefix(strings.TrimRight(line, "\r\n"), "# "); ok {
			return strings.TrimSpace(h)
		}
	}
	return ""
}

// unescapeMarkdown undoes what mdtext.Escape does to a heading a curator
// wrote (backslash escapes of ASCII punctuation, &lt; &gt; &amp;), so that
// the title reads as text and writing it back gives the same heading.
func unescapeMarkdown(s string) string {
	return html.UnescapeString(unescapeBackslashes(s))
}

// unescapeBackslashes undoes the backslash escapes of ASCII punctuation.
func unescapeBackslashes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// readKB reads the entry files and the index of dir, by name, and names
// the other Markdown files, which are no entry files. An entry file is
// named by its entry's ID, or was renamed and has the ID in its front
// matter; of several files with one ID, the one named by it is the
// entry's, else the first by name, and the others are skipped. Hidden files
// are left out.
func readKB(dir string) (map[string]*kbFile, []KBSkipped, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", dir, err)
	}
	files := make(map[string]*kbFile)
	var skipped []KBSkipped
	byID := make(map[string][]string) // ReadDir gives names in order
	for _, ent := range ents {
		name := ent.Name()
		if !ent.Type().IsRegular() || !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, ".") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", filepath.Join(dir, name), err)
		}
		f := &kbFile{data: data}
		if i := markerAt(data); i >= 0 {
			f.marked = true
			rest := data[i+len(Marker):]
			if j := bytes.IndexByte(rest, '\n'); j >= 0 {
				f.kept = string(rest[j+1:])
			}
		}
		f.fm, f.badFM = readFrontMatter(data)
		switch {
		case name == kbIndex:
		case entryFile.MatchString(name):
			f.id = strings.TrimSuffix(name, ".md")
		case isEntryID(f.fm.ID):
			f.id = f.fm.ID // renamed by a curator
		case f.badFM != "" && isEntryID(idLine(data)):
			f.id = idLine(data) // renamed, and its front matter broken: still its entry's file, left alone until fixed
		default:
			skipped = append(skipped, KBSkipped{Name: name, Problem: f.badFM})
			continue
		}
		if f.id != "" {
			byID[f.id] = append(byID[f.id], name)
		}
		files[name] = f
	}
	for id, names := range byID {
		if len(names) < 2 {
			continue
		}
		keep := names[0]
		if slices.Contains(names, id+".md") {
			keep = id + ".md"
		}
		for _, name := range names {
			if name != keep {
				skipped = append(skipped, KBSkipped{Name: name, Entry: id, File: keep})
				delete(files, name)
			}
		}
	}
	return files, skipped, nil
}

// markerAt returns the offset of the first line of data that is the
// marker, or -1.
func markerAt(data []byte) int {
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		line := data[off:]
		if end >= 0 {
			line = data[off : off+end]
		}
		if string(bytes.TrimSpace(line)) == Marker {
			return off + bytes.Index(line, []byte(Marker))
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return -1
}

// readFrontMatter returns a file's front matter, or the zero value when it
// has none; and, when it has one that is no valid YAML, what is wrong, with
// the line of the file ("line 3: did not find expected key"). A byte-order
// mark and CR LF line ends (a file saved on Windows) read as the plain
// text. Files of older versions lack answered and answers, which read as 0
// until the file is regenerated.
func readFrontMatter(data []byte) (kbFrontMatter, string) {
	s := strings.ReplaceAll(strings.TrimPrefix(string(data), "\uFEFF"), "\r\n", "\n")
	if !strings.HasPrefix(s, "---\n") {
		return kbFrontMatter{}, ""
	}
	end := strings.Index(s[4:], "\n---")
	if end < 0 {
		return kbFrontMatter{}, ""
	}
	var fm kbFrontMatter
	if err := yaml.Unmarshal([]byte(s[4:4+end]), &fm); err != nil {
		return kbFrontMatter{}, yamlProblem(err, 1)
	}
	return fm, ""
}

// idLinePattern finds the id line of an entry file's front matter.
var idLinePattern = regexp.MustCompile(`(?m)^id:[ \t]*["']?([0-9a-z-]+)["']?[ \t]*\r?$`)

// idLine is the id a file's front matter gives on its own line, read
// without YAML (for front matter that is no valid YAML); "" when none.
func idLine(data []byte) string {
	if m := idLinePattern.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return ""
}

// yamlLineNumber finds the line numbers in yaml.v3's messages ("line 3",
// "already defined at line 1").
var yamlLineNumber = regexp.MustCompile(`\bline (\d+)`)

// yamlProblem is err, an error of yaml.v3 reading a block that starts
// after line offset of its file, on one line, every line number made the
// file's: "line 3: did not find expected key", "line 10: cannot unmarshal
// …; line 11: cannot unmarshal …"; the message alone when it names no line.
func yamlProblem(err error, offset int) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	msg = yamlLineNumber.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(m[len("line "):])
		return fmt.Sprintf("line %d", n+offset)
	})
	return strings.Join(strings.Fields(strings.ReplaceAll(msg, "\n", "; ")), " ")
}

// spans are the source lines a digest read: the first and last line of
// each of its days, by the file's absolute path. Days read from stdin have
// no path a later run could find again and are left out, so an entry of
// theirs is never taken for read.
type spans struct {
	lines  map[string][][2]int // absolute slash path -> line ranges of its days
	byName map[string][]string // file name -> the absolute paths of that name read
}

// readSpans returns the lines the days of d, and the copies of days it
// read, cover.
func readSpans(d *Digest) spans {
	s := spans{lines: make(map[string][][2]int), byName: make(map[string][]string)}
	for _, day := range slices.Concat(d.Days, d.Copies) {
		p, ok := absPath(day.Path)
		if !ok || day.LastLine <= 0 {
			continue
		}
		if _, seen := s.lines[p]; !seen {
			name := p[strings.LastIndexByte(p, '/')+1:]
			s.byName[name] = append(s.byName[name], p)
		}
		s.lines[p] = append(s.lines[p], [2]int{day.FirstLine, day.LastLine})
	}
	return s
}

// absPath returns path absolute, with symbolic links resolved (one file
// reached through a linked folder is still one source), and
// slash-separated; false for stdin.
func absPath(path string) (string, bool) {
	if path == "" || path == "-" {
		return "", false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return filepath.ToSlash(abs), true
}

// file returns the file read that path, a source path an earlier run wrote
// (as typed there), names. A path that names, from here and with symbolic
// links followed, a file read names that file. Otherwise a relative path
// names the read file whose path ends in all of it (leading ./ and ../ left
// out), so proddev/day.markdown and ../corpus/proddev/day.markdown, typed
// from other folders, both name .../corpus/proddev/day.markdown. An
// absolute path names itself; when no file is there any more (the corpus
// moved), it names the read file whose path ends in the most folders of it,
// at least its file name and folder. A path two read files fit equally well
// names neither, and groupA/2018/day.markdown never names
// groupB/2018/day.markdown.
func (s spans) file(path string) (string, bool) {
	clean := filepath.Clean(path)
	if real, ok := absPath(clean); ok {
		// The path as it reads from here, links followed: a run through
		// a linked folder and one through the folder's own name read one
		// file.
		if _, read := s.lines[real]; read {
			return real, true
		}
	}
	if filepath.IsAbs(clean) {
		abs := filepath.ToSlash(clean)
		if _, ok := s.lines[abs]; ok {
			return abs, true
		}
		if _, err := os.Stat(clean); err == nil || !errors.Is(err, fs.ErrNotExist) {
			return "", false // another file, still there
		}
	}
	var parts []string
	for _, p := range strings.Split(filepath.ToSlash(clean), "/") {
		if p != "" && p != "." && p != ".." {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "", false
	}
	need := len(parts)
	if filepath.IsAbs(clean) {
		need = min(2, len(parts))
	}
	best, bestLen, tie := "", 0, false
	for _, cand := range s.byName[parts[len(parts)-1]] {
		c := strings.Split(cand, "/")
		n := 0
		for n < len(parts) && n < len(c) && parts[len(parts)-1-n] == c[len(c)-1-n] {
			n++
		}
		switch {
		case n > bestLen:
			best, bestLen, tie = cand, n, false
		case n == bestLen:
			tie = true
		}
	}
	if tie || bestLen < need {
		return "", false
	}
	return best, true
}

// key returns the key of a "path:line" source an earlier run wrote when it
// names a line of a day this digest read: the read file's absolute path
// and the line.
func (s spans) key(src string) (string, bool) {
	i := strings.LastIndexByte(src, ':')
	if i < 0 {
		return "", false
	}
	line, err := strconv.Atoi(src[i+1:])
	if err != nil {
		return "", false
	}
	p, ok := s.file(src[:i])
	if !ok || !slices.ContainsFunc(s.lines[p], func(r [2]int) bool { return r[0] <= line && line <= r[1] }) {
		return "", false
	}
	return p + src[i:], true
}

// all reports whether sources (an earlier run's "path:line") are all on
// lines of days read; a file listing none is not taken for read.
func (s spans) all(sources []string) bool {
	if len(sources) == 0 {
		return false
	}
	for _, src := range sources {
		if _, ok := s.key(src); !ok {
			return false
		}
	}
	return true
}

// occurrenceKey is the key of an occurrence of this digest, as spans.key
// gives it for the source an earlier run wrote for it; false for stdin.
func occurrenceKey(o *Occurrence) (string, bool) {
	p, ok := absPath(o.Path)
	return fmt.Sprintf("%s:%d", p, o.Line), ok
}

// carriedFrom returns the old files that list one of e's sources.
func carriedFrom(e *Entry, bySource map[string][]string) []string {
	seen := make(map[string]bool)
	var out []string
	for _, o := range e.Occurrences {
		k, ok := occurrenceKey(&o)
		if !ok {
			continue
		}
		for _, name := range bySource[k] {
			if !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// source is an occurrence's "path:line".
func source(o *Occurrence) string {
	return fmt.Sprintf("%s:%d", o.Path, o.Line)
}

// writeKBFile writes data to dir/name unless the file already holds it.
func writeKBFile(dir, name string, data []byte, existing map[string]*kbFile, res *KBResult) error {
	if old, ok := existing[name]; ok && bytes.Equal(old.data, data) {
		res.Unchanged = append(res.Unchanged, name)
		return nil
	}
	if err := atomicfile.Write(filepath.Join(dir, name), data); err != nil {
		return err
	}
	res.Written = append(res.Written, name)
	return nil
}

// entryMarkdown is the generated part of an entry file, up to and
// including the marker line, its own words in lang (the front matter is
// data, the same in every language).
func entryMarkdown(dir string, e *Entry, lang string) []byte {
	var b bytes.Buffer
	writeFrontMatter(&b, entryFrontMatter(e))
	fmt.Fprintf(&b, "\n# %s\n\n", mdtext.Escape(e.Title))
	b.WriteString(askedLine(e, lang) + topicsText(e, lang) + "\n")
	for _, o := range e.Occurrences {
		fmt.Fprintf(&b, "\n## %s\n\n", mdText(lang, "kbOccurrence", 0, "where", occWhere(&o, lang), "asker", mdtext.Escape(o.Asker)))
		fmt.Fprintf(&b, ">%s\n\n", mdtext.Spaced(markerFree(o.Question, "", o.Code, "> ", lang)))
		for _, a := range o.Answers {
			later := ""
			if a.Later {
				later = mdText(lang, "kbLater", 0, "date", dateOf(a.Time))
			}
			said := mdText(lang, "kbAnswer", 0, "sender", mdtext.Escape(a.Sender), "later", later)
			b.WriteString(afterLabel(said, markerFree(a.Text, a.URL, a.Code, "  ", lang)) + "\n")
		}
		if len(o.Answers) == 0 {
			b.WriteString(mdText(lang, "noAnswer", 0) + "\n")
		}
		fmt.Fprintf(&b, "\n%s\n", mdText(lang, "source", 0, "source", sourceMarkdown(dir, &o)))
	}
	b.WriteString("\n" + mdText(lang, "beforeMarker", 0) + Marker + "\n")
	return b.Bytes()
}

// markerFree is a question's or an answer's text as messageMarkdown
// writes it, or, when a line of that would read as the Marker (a line of
// code as written, which Markdown text never holds), on one line, as
// mediaMarkdown writes it.
func markerFree(text, url string, code Code, indent, lang string) string {
	md := messageMarkdown(text, url, code, indent, lang)
	if markerAt([]byte(md)) >= 0 {
		return mediaMarkdown(text, url, lang)
	}
	return md
}

// sourceMarkdown is where an occurrence was asked, as an entry file shows
// it: its file name and line, linked to the line of the file; an asking
// read from stdin has no file to link to, and is "stdin:LINE" as text.
func sourceMarkdown(dir string, o *Occurrence) string {
	if o.Path == "-" {
		return fmt.Sprintf("stdin:%d", o.Line)
	}
	return mdtext.Link(fmt.Sprintf("%s:%d", filepath.Base(o.Path), o.Line), fmt.Sprintf("%s#L%d", relLink(dir, o.Path), o.Line))
}

// entryFrontMatter is the front matter of an entry's file.
func entryFrontMatter(e *Entry) kbFrontMatter {
	fm := kbFrontMatter{
		ID: e.ID, Title: e.Title, Generated: cmp.Or(e.generated, e.Title), Topics: nonNil(e.Topics), FirstAsked: e.FirstAsked(), LastAsked: e.LastAsked(),
		Occurrences: len(e.Occurrences), Answered: e.Answered(), Answers: e.AnswerCount(),
	}
	for _, o := range e.Occurrences {
		fm.Sources = append(fm.Sources, source(&o))
	}
	return fm
}

// writeFrontMatter writes fm between --- lines.
func writeFrontMatter(b *bytes.Buffer, fm kbFrontMatter) {
	b.WriteString("---\n")
	enc := yaml.NewEncoder(b)
	enc.SetIndent(2)
	_ = enc.Encode(fm) // a struct of strings and ints always encodes
	_ = enc.Close()
	b.WriteString("---\n")
}

// relLink is the path of a source file relative to the knowledge-base
// folder, with forward slashes, for a Markdown link.
func relLink(dir, path string) string {
	ad, err1 := filepath.Abs(dir)
	ap, err2 := filepath.Abs(path)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(ad, ap); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(path)
}

// A kbEntry is one entry as the index lists it: an entry of this digest,
// or one whose file an earlier run left, as its front matter describes it.
type kbEntry struct {
	file string        // the entry's file name
	id   string        // the entry's ID; "" for the file's name without ".md"
	fm   kbFrontMatter // its front matter; the zero value when it could not be read
	kept bool          // the file is kept from an earlier run
}

// entryID is the entry's ID (unique in the folder).
func (e *kbEntry) entryID() string {
	if e.id != "" {
		return e.id
	}
	return strings.TrimSuffix(e.file, ".md")
}

// title is the entry's title, or its ID when the front matter has none.
func (e *kbEntry) title() string {
	if e.fm.Title != "" {
		return e.fm.Title
	}
	return e.entryID()
}

// kbLang is the language of a knowledge base's index: d.Lang when it is
// one of PageLangs, else (auto) chosen as PageLang chooses, from the
// messages d read and the titles of the entries listed, so that a run
// that keeps no day (--since past the last one) leaves a Chinese knowledge
// base Chinese.
func kbLang(d *Digest, listed []kbEntry) string {
	return uitext.Choose(d.Lang, func(yield func(string) bool) {
		for s := range messageTexts(d) {
			if !yield(s) {
				return
			}
		}
		for i := range listed {
			if !yield(listed[i].title()) {
				return
			}
		}
	})
}

// rankKey ranks the entry as rank ranks a digest's entries.
func (e *kbEntry) rankKey() rankKey {
	return rankKey{e.fm.Occurrences, e.fm.Answered, e.fm.Answers, e.fm.FirstAsked, e.entryID()}
}

// indexMarkdown is the generated part of the knowledge base's index, up to
// and including the marker line: the dates and counts of all the entries
// listed, what the run d read, and the entries by topic, grouped and
// ranked as the markdown digest groups and ranks them, then the
// unanswered questions of the run d (not kept from earlier runs, as
// entries are), their sources linked from dir. Its own words are in the
// language kbLang chooses.
func indexMarkdown(dir string, d *Digest, listed []kbEntry) []byte {
	lang := kbLang(d, listed)
	es := append([]kbEntry(nil), listed...)
	sort.Slice(es, func(i, j int) bool { return es[i].rankKey().before(es[j].rankKey()) })
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", mdText(lang, "kbTitle", 0, "span", kbSpan(d, es, lang)))
	if s := kbSummary(d, es, lang); s != "" {
		fmt.Fprintf(&b, "%s\n\n", s)
	}
	if len(d.Days) == 0 {
		fmt.Fprintf(&b, "%s\n", mdText(lang, "lastRun", 0, "summary", spanIn(d, lang)+mdText(lang, "end", 0)))
	} else {
		fmt.Fprintf(&b, "%s\n", mdText(lang, "lastRun", 0, "summary", mdtext.Escape(pageSummary(d, lang))))
	}
	sections := topicOrder(d.Topics, len(es),
		func(i int) []string { return es[i].fm.Topics },
		func(i int) int { return es[i].fm.Occurrences })
	for _, sec := range sections {
		fmt.Fprintf(&b, "\n## %s\n\n", mdtext.Escape(topicHeading(sec.topic, lang)))
		for _, i := range sec.items {
			e := &es[i]
			b.WriteString("- " + mdtext.Link(e.title(), e.file))
			if e.fm.Occurrences > 0 && e.fm.LastAsked != "" {
				b.WriteString(mdText(lang, "kbItem", 0, "times", times(e.fm.Occurrences, lang), "date", e.fm.LastAsked))
			}
			b.WriteString("\n")
		}
	}
	if len(d.Unanswered) > 0 {
		b.WriteString("\n" + unansweredMarkdown(mdText(lang, "unansweredOfRun", 0), lang, d.Unanswered, func(u *Unanswered) string {
			return sourceMarkdown(dir, &Occurrence{Path: u.Path, Line: u.Line})
		}))
	}
	b.WriteString("\n" + mdText(lang, "beforeMarker", 0) + Marker + "\n")
	return b.Bytes()
}

// kbSpan is the dates the entries were asked on, "2018-03-01 to
// 2018-03-22" in lang; when none has a date, the days of the run, as
// spanIn says.
func kbSpan(d *Digest, es []kbEntry, lang string) string {
	first, last := "", ""
	for _, e := range es {
		if f := e.fm.FirstAsked; f != "" && (first == "" || f < first) {
			first = f
		}
		if l := e.fm.LastAsked; l > last {
			last = l
		}
	}
	switch {
	case first == "" || last == "":
		return spanIn(d, lang)
	case first == last:
		return first
	}
	return mdText(lang, "kbSpan", 0, "first", first, "last", last)
}

// kbSummary says in one line what the entries listed hold: "12 questions
// asked 15 times, 2 of them more than once; 5 kept from earlier runs."
// (askedIn),
// in lang; "" when they are the run d's entries as its own summary
// counts them (a first run), which the line of the last run says.
func kbSummary(d *Digest, es []kbEntry, lang string) string {
	askings, repeated, kept := 0, 0, 0
	for _, e := range es {
		askings += e.fm.Occurrences
		if e.fm.Occurrences > 1 {
			repeated++
		}
		if e.kept {
			kept++
		}
	}
	if run := countDigest(d); kept == 0 && len(es) == len(d.Entries) && askings == run.askings && repeated == run.repeated {
		return ""
	}
	s := askedIn(lang, len(es), askings, repeated)
	if lang == "en" {
		s = strings.ToUpper(s[:1]) + s[1:] // it starts the line
	}
	if kept > 0 {
		s += mdText(lang, "kept", kept)
	}
	return s + mdText(lang, "end", 0)
}

// noteBlocks splits a curator's text into its blocks: the runs of lines
// between blank lines, each trimmed of surrounding white space.
func noteBlocks(text string) []string {
	var blocks []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, strings.TrimSpace(strings.Join(cur, "\n")))
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return blocks
}

// hasNote reports whether kept already holds note whole: every block of
// note, in order, as consecutive blocks of kept. A note that is only part
// of a block of kept (a sentence of a longer note) is not there.
func hasNote(kept, note string) bool {
	nb, kb := noteBlocks(note), noteBlocks(kept)
	if len(nb) == 0 {
		return true
	}
	for i := 0; i+len(nb) <= len(kb); i++ {
		if slices.Equal(kb[i:i+len(nb)], nb) {
			return true
		}
	}
	return false
}
